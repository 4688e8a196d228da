/* pyprep-window-actions.c: the main window's actions and their keyboard
 * shortcuts: moving between questions, history, zoom (and the text size
 * it stores), search, the deck problems banner, and opening the Practice
 * and Statistics windows. Each action does its work through the window's
 * or the sidebar's API.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-alert.h"
#include "pyprep-practice-window.h"
#include "pyprep-statistics-window.h"
#include "pyprep-window-private.h"

#define MAX_PROBLEMS_LISTED 20
#define ZOOM_MIN 0.7
#define ZOOM_MAX 2.0
#define ZOOM_STEP 0.1

/* Zoom ------------------------------------------------------------------ */

static void
apply_zoom (PyprepWindow *self)
{
  g_autofree char *css = NULL;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (self->zoom_css == NULL)
    {
      self->zoom_css = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                  GTK_STYLE_PROVIDER (self->zoom_css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  /* At 100 % the theme's own sizes stand. Otherwise the page's text is
   * scaled, and the title classes with it: libadwaita 1.7 sizes them in
   * percent of the text already (181, 136 and 118 %), but libadwaita 1.2
   * in points (20, 15 and 13 pt, the same sizes for its 11 pt text), so
   * the rules below restate 1.7's. */
  if (G_APPROX_VALUE (self->zoom, 1.0, 0.001))
    css = g_strdup ("");
  else
    {
      g_ascii_formatd (number, sizeof number, "%.0f", self->zoom * 100);
      /* The exercise's code and results follow the answer's size. */
      css = g_strdup_printf ("questionpage, exerciseview { font-size: %s%%; }\n"
                             "questionpage .title-1 { font-size: 181%%; }\n"
                             "questionpage .title-2, questionpage .title-3 { font-size: 136%%; }\n"
                             "questionpage .title-4 { font-size: 118%%; }\n",
                             number);
    }
  gtk_css_provider_load_from_data (self->zoom_css, css, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", self->zoom < ZOOM_MAX - 0.01);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", self->zoom > ZOOM_MIN + 0.01);
}

static void
set_zoom (PyprepWindow *self,
                         double        zoom)
{
  pyprep_settings_set_text_scale (self->settings, CLAMP (zoom, ZOOM_MIN, ZOOM_MAX));
}

static void
text_scale_changed_cb (PyprepWindow *self)
{
  self->zoom = pyprep_settings_get_text_scale (self->settings);
  pyprep_question_page_keep_place (self->question_page);
  apply_zoom (self);
}

/* The window follows the stored text size, however it changes. */
void
_pyprep_window_follow_zoom (PyprepWindow *self)
{
  g_signal_connect_object (self->settings, "notify::text-scale",
                           G_CALLBACK (text_scale_changed_cb), self, G_CONNECT_SWAPPED);
  if (pyprep_settings_get_text_scale (self->settings) != 1.0)
    text_scale_changed_cb (self);
}

/* Deck problems ------------------------------------------------------- */

/* The banner says whether a deck has problems. */
void
_pyprep_window_update_problems (PyprepWindow *self)
{
  GPtrArray *problems = pyprep_library_get_problems (self->library);
  g_autofree char *text = NULL;

  if (problems->len == 0)
    {
      gtk_revealer_set_reveal_child (self->problems_revealer, FALSE);
      return;
    }

  if (problems->len == 1)
    text = g_strdup_printf (_("A deck has a problem: %s"),
                            ((GError *)g_ptr_array_index (problems, 0))->message);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Decks have %u problem. Everything else is loaded.",
                                         "Decks have %u problems. Everything else is loaded.",
                                         problems->len),
                            problems->len);

  gtk_label_set_text (self->problems_label, text);
  gtk_revealer_set_reveal_child (self->problems_revealer, TRUE);
}

/* What the banner says when the review log cannot be used. */
static const char *
review_log_problem_text (const GError *problem)
{
  if (g_error_matches (problem, PYPREP_REVIEW_LOG_ERROR, PYPREP_REVIEW_LOG_ERROR_CORRUPT))
    return _("Your review history could not be read and was left as it is. Your progress is safe.");
  if (g_error_matches (problem, PYPREP_REVIEW_LOG_ERROR, PYPREP_REVIEW_LOG_ERROR_LOCKED))
    return _("Your review history is in use by another program. Your progress is safe.");
  if (g_error_matches (problem, PYPREP_REVIEW_LOG_ERROR, PYPREP_REVIEW_LOG_ERROR_VERSION))
    return _("Your review history is from a newer PyPrep and was left as it is. Your progress is safe.");
  return _("Your review history cannot be written. Your progress is safe.");
}

/* The banner says whether part of the study record could not be read, or
 * the review log cannot be used, and offers the backups; a restore that
 * replaces the record (and sets a damaged log aside) hides it. */
static void
record_damaged_cb (PyprepWindow *self)
{
  const GError *log_problem = pyprep_study_get_review_log_problem (self->study);
  GtkLabel *label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (self), PYPREP_TYPE_WINDOW,
                                                              "record_label"));

  if (pyprep_study_get_damaged (self->study))
    gtk_label_set_text (label, _("Part of your study record could not be read. A copy was kept."));
  else if (log_problem != NULL)
    gtk_label_set_text (label, review_log_problem_text (log_problem));

  gtk_revealer_set_reveal_child (self->record_revealer,
                                 pyprep_study_get_damaged (self->study) || log_problem != NULL);
  _pyprep_window_show_record_banner (self);
}

/* The banner is over the answer; on a phone the list may be on show
 * instead. The first time the banner is up there, the answer's pane comes
 * into view so that it is seen; Back returns to the list. */
void
_pyprep_window_show_record_banner (PyprepWindow *self)
{
  if (self->record_banner_seen || !gtk_revealer_get_reveal_child (self->record_revealer)
      || !adw_leaflet_get_folded (self->leaflet))
    return;

  self->record_banner_seen = TRUE;
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

void
_pyprep_window_follow_record (PyprepWindow *self)
{
  g_signal_connect_object (self->study, "notify::damaged",
                           G_CALLBACK (record_damaged_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->study, "notify::review-log-problem",
                           G_CALLBACK (record_damaged_cb), self, G_CONNECT_SWAPPED);
  record_damaged_cb (self);
}

/* Actions -------------------------------------------------------------- */

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _pyprep_window_go_in_history (PYPREP_WINDOW (widget),
                                g_str_equal (action_name, "win.history-back") ? -1 : 1);
}

/* The text size is a preference: zooming stores it, and the window
 * follows the stored value, however it changed. */
static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  double zoom = 1.0;

  if (g_str_equal (action_name, "win.zoom-in"))
    zoom = self->zoom + ZOOM_STEP;
  else if (g_str_equal (action_name, "win.zoom-out"))
    zoom = self->zoom - ZOOM_STEP;

  set_zoom (self, zoom);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  GtkWidget *sidebar = GTK_WIDGET (self->sidebar);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet,
                                   adw_leaflet_get_visible_child (self->leaflet) == sidebar
                                   ? self->content : sidebar);
  else
    gtk_widget_set_visible (sidebar, !gtk_widget_get_visible (sidebar));
}

/* Moves to the next or previous question of the list on show. */
static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  int delta = g_str_equal (action_name, "win.next-question") ? 1 : -1;
  PyprepQuestion *question = pyprep_sidebar_get_neighbour (self->sidebar, delta);

  if (question != NULL)
    pyprep_window_show_question (self, question);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->sidebar));
  pyprep_sidebar_begin_search (self->sidebar);
}

/* One Practice window and one Statistics window per main window, raised
 * if already open. */
static void
practice_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);

  if (self->practice_window == NULL)
    g_set_weak_pointer (&self->practice_window,
                        GTK_WINDOW (pyprep_practice_window_new (GTK_WINDOW (self), self->library,
                                                                self->study, self->settings)));

  gtk_window_present (self->practice_window);
}

static void
show_statistics_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);

  if (self->statistics_window == NULL)
    {
      g_set_weak_pointer (&self->statistics_window,
                          pyprep_statistics_window_new (GTK_WINDOW (self), self->study, self->library));
      pyprep_statistics_page_set_settings (
        pyprep_statistics_window_get_page (PYPREP_STATISTICS_WINDOW (self->statistics_window)), self->settings);
    }

  gtk_window_present (self->statistics_window);
}

static void
show_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  GPtrArray *problems = pyprep_library_get_problems (self->library);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *folder = NULL;
  g_autoptr(GFile) user_dir = pyprep_library_get_user_deck_dir ();
  GtkWidget *dialog;

  for (guint i = 0; i < problems->len && i < MAX_PROBLEMS_LISTED; i++)
    g_string_append_printf (body, "%s\n", ((GError *)g_ptr_array_index (problems, i))->message);
  if (problems->len > MAX_PROBLEMS_LISTED)
    g_string_append_printf (body, _("…and %u more, listed in the log.\n"),
                            problems->len - MAX_PROBLEMS_LISTED);

  folder = g_strdup_printf (_("The questions with problems were skipped. Fix the files "
                              "(your own decks are in %s) and restart PyPrep."),
                            g_file_peek_path (user_dir));
  g_string_append_printf (body, "\n%s", folder);

  dialog = pyprep_alert_new (_("Problems in the Decks"), body->str);
  pyprep_alert_add_response (dialog, "close", _("_Close"), ADW_RESPONSE_DEFAULT);
  pyprep_alert_present (dialog, GTK_WIDGET (self));
}

static void
dismiss_problems_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (PYPREP_WINDOW (widget)->problems_revealer, FALSE);
}

static void
dismiss_record_problem_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (PYPREP_WINDOW (widget)->record_revealer, FALSE);
}

static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  AdwToast *toast = adw_toast_new (g_variant_get_string (parameter, NULL));

  adw_toast_set_timeout (toast, 2);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_topics_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->sidebar));
  pyprep_sidebar_focus_topics (self->sidebar);
}

static void
try_exercise_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _pyprep_window_try_exercise (PYPREP_WINDOW (widget));
}

/* A link to a question from another window (Practice): the question
 * opens here, in its place in its list, and the window comes up. */
static void
open_question_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);

  if (pyprep_window_open_question_id (self, g_variant_get_string (parameter, NULL)))
    gtk_window_present (GTK_WINDOW (self));
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  adw_leaflet_navigate (PYPREP_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

void
_pyprep_window_class_add_actions (GtkWidgetClass *widget_class)
{
  static const struct {
    const char *name;
    guint       key;
    GdkModifierType modifiers;
  } bindings[] = {
    { "win.bookmark", GDK_KEY_d, GDK_CONTROL_MASK },
    { "win.needs-review", GDK_KEY_R, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "win.confident", GDK_KEY_C, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "win.history-back", GDK_KEY_Left, GDK_ALT_MASK },
    { "win.history-forward", GDK_KEY_Right, GDK_ALT_MASK },
    { "win.zoom-in", GDK_KEY_plus, GDK_CONTROL_MASK },
    { "win.zoom-in", GDK_KEY_equal, GDK_CONTROL_MASK },
    { "win.zoom-in", GDK_KEY_KP_Add, GDK_CONTROL_MASK },
    { "win.zoom-out", GDK_KEY_minus, GDK_CONTROL_MASK },
    { "win.zoom-out", GDK_KEY_KP_Subtract, GDK_CONTROL_MASK },
    { "win.zoom-reset", GDK_KEY_0, GDK_CONTROL_MASK },
    { "win.toggle-sidebar", GDK_KEY_F9, 0 },
    { "win.practice", GDK_KEY_p, GDK_CONTROL_MASK },
    { "win.search", GDK_KEY_f, GDK_CONTROL_MASK },
    { "win.show-statistics", GDK_KEY_i, GDK_CONTROL_MASK },
  };

  gtk_widget_class_install_property_action (widget_class, "win.bookmark", "bookmarked");
  gtk_widget_class_install_property_action (widget_class, "win.needs-review", "needs-review");
  gtk_widget_class_install_property_action (widget_class, "win.confident", "confident");
  gtk_widget_class_install_property_action (widget_class, "win.search-scope", "search-scope");
  gtk_widget_class_install_action (widget_class, "win.try-exercise", NULL, try_exercise_action);
  gtk_widget_class_install_action (widget_class, "win.history-back", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.history-forward", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.next-question", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "win.previous-question", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.practice", NULL, practice_action);
  gtk_widget_class_install_action (widget_class, "win.show-statistics", NULL, show_statistics_action);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, show_problems_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-problems", NULL, dismiss_problems_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-record-problem", NULL,
                                   dismiss_record_problem_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
  gtk_widget_class_install_action (widget_class, "win.show-topics", NULL, show_topics_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.open-question", "s", open_question_action);

  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    gtk_widget_class_add_binding_action (widget_class, bindings[i].key, bindings[i].modifiers,
                                         bindings[i].name, NULL);
}

/* Ctrl+Page Down and Up move between questions wherever the focus is. As
 * bindings of the window they would come last, after the scrolled
 * window, text view or list that has the focus and takes those keys for
 * its own scrolling; so they are caught on the way down instead. */
void
_pyprep_window_add_capture_shortcuts (PyprepWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Down, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("win.next-question")));
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Up, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("win.previous-question")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
