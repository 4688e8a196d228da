/* pyprep-window.c: the main window, the shell around the sidebar
 * (pyprep-sidebar.c) and the reading pane. It shows the question the
 * user picks, keeps the history of questions opened and the window's
 * size, and says what the question on show is to its header's buttons.
 *
 * Its actions are in pyprep-window-actions.c; exporting, importing,
 * resetting and restoring the record in pyprep-window-progress.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-application.h"
#include "pyprep-question.h"
#include "pyprep-stack-pages.h"
#include "pyprep-topic.h"
#include "pyprep-window-private.h"

G_DEFINE_FINAL_TYPE (PyprepWindow, pyprep_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_STUDY,
  PROP_SETTINGS,
  PROP_BOOKMARKED,
  PROP_NEEDS_REVIEW,
  PROP_CONFIDENT,
  PROP_SEARCH_SCOPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* At phone width a topic's title does not fit beside the header's
 * buttons ("Data S…"): the place in the list, short, becomes the title,
 * and the topic is said in its tooltip. */
static void
fit_content_title (PyprepWindow *self)
{
  const char *subtitle = adw_window_title_get_subtitle (self->content_title);
  g_autofree char *topic = NULL;

  if (!adw_leaflet_get_folded (self->leaflet) || subtitle == NULL || subtitle[0] == '\0')
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->content_title), NULL);
      return;
    }

  topic = g_strdup (adw_window_title_get_title (self->content_title));
  adw_window_title_set_title (self->content_title, subtitle);
  adw_window_title_set_subtitle (self->content_title, "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->content_title), topic);
}

static void
update_content_title (PyprepWindow *self)
{
  PyprepQuestion *question = pyprep_question_page_get_question (self->question_page);
  g_autofree char *subtitle = NULL;
  guint position, n;

  if (question == NULL || pyprep_question_get_topic (question) == NULL)
    {
      adw_window_title_set_title (self->content_title, "");
      adw_window_title_set_subtitle (self->content_title, "");
      return;
    }

  if (pyprep_sidebar_get_position (self->sidebar, &position, &n))
    subtitle = g_strdup_printf (_("Question %u of %u"), position + 1, n);

  adw_window_title_set_title (self->content_title,
                              pyprep_topic_get_title (pyprep_question_get_topic (question)));
  adw_window_title_set_subtitle (self->content_title, subtitle ? subtitle : "");
  fit_content_title (self);
}

/* Study state of the question on show ---------------------------------- */

static const char *
current_id (PyprepWindow *self)
{
  PyprepQuestion *question;

  /* The actions' state is asked for while the template is still built. */
  if (self->question_page == NULL || self->study == NULL)
    return NULL;

  question = pyprep_question_page_get_question (self->question_page);
  return question ? pyprep_question_get_id (question) : NULL;
}

static void
update_study_actions (PyprepWindow *self)
{
  gboolean has_question = current_id (self) != NULL;
  gboolean folded = self->leaflet != NULL && adw_leaflet_get_folded (self->leaflet);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.bookmark", has_question);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.needs-review", has_question);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.confident", has_question);
  /* With no question, three greyed buttons would say nothing: they wait.
   * At phone width they are one menu. */
  gtk_widget_set_visible (self->bookmark_button, has_question && !folded);
  gtk_widget_set_visible (self->review_button, has_question && !folded);
  gtk_widget_set_visible (self->confident_button, has_question && !folded);
  gtk_widget_set_visible (self->status_menu_button, has_question && folded);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOOKMARKED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_REVIEW]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIDENT]);
}

static void
study_changed_cb (PyprepWindow *self,
                  const char   *id)
{
  if (g_strcmp0 (id, current_id (self)) == 0)
    update_study_actions (self);
}

static gboolean
current_has_status (PyprepWindow *self,
                    PyprepStatus  status)
{
  const char *id = current_id (self);

  return id != NULL && pyprep_study_get_status (self->study, id) == status;
}

/* Turning a status off returns the question to "read". */
static void
set_current_status (PyprepWindow *self,
                    PyprepStatus  status,
                    gboolean      on)
{
  const char *id = current_id (self);

  if (id == NULL || current_has_status (self, status) == on)
    return;

  pyprep_study_set_status (self->study, id, on ? status : PYPREP_STATUS_READ);
}

/* History ------------------------------------------------------------- */

static void
update_history_actions (PyprepWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.history-back", self->history_position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.history-forward",
                                 self->history_position + 1 < self->history->len);
}

/* Opening a question drops whatever was ahead, as in a web browser. */
static void
record_history (PyprepWindow *self,
                const char   *id)
{
  if (self->navigating_history)
    return;

  if (self->history->len > 0)
    {
      if (g_str_equal (g_ptr_array_index (self->history, self->history_position), id))
        return;
      g_ptr_array_set_size (self->history, self->history_position + 1);
    }

  g_ptr_array_add (self->history, g_strdup (id));
  self->history_position = self->history->len - 1;
  update_history_actions (self);
}

void
_pyprep_window_go_in_history (PyprepWindow *self,
                              int           delta)
{
  PyprepQuestion *question;

  if ((delta < 0 && self->history_position == 0)
      || (delta > 0 && self->history_position + 1 >= self->history->len))
    return;

  self->history_position += delta;
  question = pyprep_library_lookup_question (self->library,
                                             g_ptr_array_index (self->history, self->history_position));
  if (question != NULL)
    {
      self->navigating_history = TRUE;
      pyprep_window_show_question (self, question);
      self->navigating_history = FALSE;
    }
  update_history_actions (self);
}

/* The mouse's back and forward buttons. */
static void
mouse_button_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 PyprepWindow    *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button == 8)
    _pyprep_window_go_in_history (self, -1);
  else if (button == 9)
    _pyprep_window_go_in_history (self, 1);
}

/* Showing a question ---------------------------------------------------- */

/* The exercise was solved or given up: its answer can be read now. */
static void
exercise_show_answer_cb (PyprepWindow *self)
{
  pyprep_stack_pages_show (self->content_stack, "question");
  gtk_widget_grab_focus (GTK_WIDGET (self->question_page));
}

/* The exercise's own practice card takes the grade. */
static void
exercise_graded_cb (PyprepWindow       *self,
                    guint               grade,
                    PyprepExerciseView *view)
{
  PyprepQuestion *question = pyprep_exercise_view_get_question (view);
  g_autofree char *id = pyprep_study_exercise_id (pyprep_question_get_id (question));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  pyprep_study_record_review (self->study, id, grade, now);
}

/* "Try It Yourself": the exercise takes the answer's place. */
void
_pyprep_window_try_exercise (PyprepWindow *self)
{
  PyprepQuestion *question = pyprep_question_page_get_question (self->question_page);

  if (question == NULL || pyprep_question_get_exercise (question) == NULL)
    return;
  if (self->exercise_view == NULL)
    {
      self->exercise_view = PYPREP_EXERCISE_VIEW (pyprep_exercise_view_new ());
      g_signal_connect_object (self->exercise_view, "show-answer",
                               G_CALLBACK (exercise_show_answer_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->exercise_view, "graded",
                               G_CALLBACK (exercise_graded_cb), self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->exercise_view), "exercise");
    }
  pyprep_exercise_view_set_question (self->exercise_view, question);
  pyprep_stack_pages_show (self->content_stack, "exercise");
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  gtk_widget_grab_focus (GTK_WIDGET (self->exercise_view));
}

static void
show_question (PyprepWindow   *self,
               PyprepQuestion *question,
               gboolean        from_search)
{
  /* Only an answer opened from the search shows the searched words. */
  pyprep_question_page_set_highlights (self->question_page,
                                       from_search ? pyprep_sidebar_get_search_terms (self->sidebar) : NULL);
  pyprep_question_page_set_question (self->question_page, question, self->library);
  pyprep_sidebar_set_question (self->sidebar, question);
  /* Another question leaves the exercise of the last one (its code is saved). */
  pyprep_stack_pages_show (self->content_stack, "question");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.try-exercise",
                                 pyprep_question_get_exercise (question) != NULL);

  update_content_title (self);
  pyprep_settings_set_last_question (self->settings, pyprep_question_get_id (question));
  record_history (self, pyprep_question_get_id (question));

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    pyprep_study_mark_opened (self->study, pyprep_question_get_id (question), now);
  }
  update_study_actions (self);

  /* Unfolded, the page is already visible, and moving to it would take
   * the keyboard focus away from the question list. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* Shows @question in the reading pane and selects it in the sidebar. */
void
pyprep_window_show_question (PyprepWindow   *self,
                             PyprepQuestion *question)
{
  g_return_if_fail (PYPREP_IS_WINDOW (self));
  g_return_if_fail (PYPREP_IS_QUESTION (question));

  show_question (self, question, FALSE);
}

/**
 * pyprep_window_show_topic:
 * @topic: (nullable): the topic whose questions the sidebar lists, or
 *   %NULL for the list of topics
 */
void
pyprep_window_show_topic (PyprepWindow *self,
                          PyprepTopic  *topic)
{
  g_return_if_fail (PYPREP_IS_WINDOW (self));

  pyprep_sidebar_show_topic (self->sidebar, topic);
}

/* Opens the question with @id, or says that there is none. */
gboolean
pyprep_window_open_question_id (PyprepWindow *self,
                                const char   *id)
{
  PyprepQuestion *question;

  g_return_val_if_fail (PYPREP_IS_WINDOW (self), FALSE);

  question = pyprep_library_lookup_question (self->library, id);
  if (question == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is no question “%s” in the bank"), id);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return FALSE;
    }

  pyprep_window_show_question (self, question);
  return TRUE;
}

static void
question_selected_cb (PyprepSidebar  *sidebar,
                      PyprepQuestion *question,
                      gboolean        from_search,
                      PyprepWindow   *self)
{
  show_question (self, question, from_search);
}

static void
question_activated_cb (PyprepSidebar  *sidebar,
                       PyprepQuestion *question,
                       PyprepWindow   *self)
{
  if (question != pyprep_question_page_get_question (self->question_page))
    show_question (self, question, FALSE);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
open_question_cb (PyprepQuestionPage *page,
                  const char         *id,
                  PyprepWindow       *self)
{
  pyprep_window_open_question_id (self, id);
}

static void
folded_changed_cb (PyprepWindow *self)
{
  if (self->question_page == NULL)
    return;

  update_study_actions (self);
  update_content_title (self);
  if (adw_leaflet_get_folded (self->leaflet)
      && pyprep_question_page_get_question (self->question_page) == NULL)
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->sidebar));
  _pyprep_window_show_record_banner (self);
}

/* Back at the list on a phone, the keyboard is on the row of the answer
 * just left: Return opens it again, the arrows go on from there. */
static void
visible_child_changed_cb (PyprepWindow *self)
{
  if (self->question_page != NULL
      && adw_leaflet_get_folded (self->leaflet)
      && adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->sidebar))
    pyprep_sidebar_focus_question (self->sidebar);
}

static void
sidebar_topic_changed_cb (PyprepWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reset-topic",
                                 pyprep_sidebar_get_topic (self->sidebar) != NULL);
}

static void
sidebar_scope_changed_cb (PyprepWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_SCOPE]);
}

/* GObject ------------------------------------------------------------- */

static gboolean
pyprep_window_close_request (GtkWindow *window)
{
  PyprepWindow *self = PYPREP_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  pyprep_settings_save_geometry (self->settings, width, height, gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (pyprep_window_parent_class)->close_request (window);
}

static void
restore_state (PyprepWindow *self)
{
  PyprepQuestion *question = NULL;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               pyprep_settings_get_window_width (self->settings),
                               pyprep_settings_get_window_height (self->settings));
  if (pyprep_settings_get_window_maximized (self->settings))
    gtk_window_maximize (GTK_WINDOW (self));

  if (pyprep_settings_get_reopen_last_question (self->settings)
      && pyprep_settings_get_last_question (self->settings) != NULL)
    question = pyprep_library_lookup_question (self->library, pyprep_settings_get_last_question (self->settings));
  if (question != NULL)
    {
      pyprep_window_show_question (self, question);
      /* On a narrow screen, reopen on the answer, not on the list. */
      adw_leaflet_set_visible_child (self->leaflet, self->content);
    }
  pyprep_sidebar_start (self->sidebar, question != NULL);
}

static void
pyprep_window_constructed (GObject *object)
{
  PyprepWindow *self = PYPREP_WINDOW (object);

  G_OBJECT_CLASS (pyprep_window_parent_class)->constructed (object);

  g_assert (self->library != NULL);
  g_assert (self->study != NULL);
  g_assert (self->settings != NULL);

  pyprep_sidebar_set_study (self->sidebar, self->library, self->study);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reset-topic", FALSE);
  g_signal_connect_object (self->sidebar, "notify::topic",
                           G_CALLBACK (sidebar_topic_changed_cb), self, G_CONNECT_SWAPPED);
  update_history_actions (self);

  _pyprep_window_follow_zoom (self);

  pyprep_question_page_set_study (self->question_page, self->study);
  g_signal_connect_object (self->study, "changed", G_CALLBACK (study_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_study_actions (self);

  _pyprep_window_update_problems (self);
  _pyprep_window_follow_record (self);
  restore_state (self);
}

static void
pyprep_window_dispose (GObject *object)
{
  PyprepWindow *self = (PyprepWindow *)object;

  /* The toast of an import under way would have no overlay to show in. */
  g_clear_handle_id (&self->import_toast_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_WINDOW);
  g_clear_weak_pointer (&self->practice_window);
  g_clear_weak_pointer (&self->statistics_window);
  if (self->zoom_css != NULL)
    {
      gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                     GTK_STYLE_PROVIDER (self->zoom_css));
      g_clear_object (&self->zoom_css);
    }

  G_OBJECT_CLASS (pyprep_window_parent_class)->dispose (object);
}

static void
pyprep_window_finalize (GObject *object)
{
  PyprepWindow *self = (PyprepWindow *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->library);
  g_clear_object (&self->study);
  g_clear_pointer (&self->undo_snapshot, g_free);
  g_clear_object (&self->import_toast);
  g_clear_pointer (&self->history, g_ptr_array_unref);

  G_OBJECT_CLASS (pyprep_window_parent_class)->finalize (object);
}
static void
pyprep_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PyprepWindow *self = PYPREP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_STUDY:
      self->study = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_BOOKMARKED:
      if (current_id (self) != NULL)
        pyprep_study_set_bookmarked (self->study, current_id (self), g_value_get_boolean (value));
      break;

    case PROP_NEEDS_REVIEW:
      set_current_status (self, PYPREP_STATUS_NEEDS_REVIEW, g_value_get_boolean (value));
      break;

    case PROP_CONFIDENT:
      set_current_status (self, PYPREP_STATUS_CONFIDENT, g_value_get_boolean (value));
      break;

    case PROP_SEARCH_SCOPE:
      g_object_set_property (G_OBJECT (pyprep_sidebar_get_search_pane (self->sidebar)), "scope", value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PyprepWindow *self = PYPREP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_STUDY:
      g_value_set_object (value, self->study);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_BOOKMARKED:
      g_value_set_boolean (value, current_id (self) != NULL
                                  && pyprep_study_get_bookmarked (self->study, current_id (self)));
      break;

    case PROP_NEEDS_REVIEW:
      g_value_set_boolean (value, current_has_status (self, PYPREP_STATUS_NEEDS_REVIEW));
      break;

    case PROP_CONFIDENT:
      g_value_set_boolean (value, current_has_status (self, PYPREP_STATUS_CONFIDENT));
      break;

    case PROP_SEARCH_SCOPE:
      g_object_get_property (G_OBJECT (pyprep_sidebar_get_search_pane (self->sidebar)), "scope", value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_window_class_init (PyprepWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = pyprep_window_constructed;
  object_class->dispose = pyprep_window_dispose;
  object_class->finalize = pyprep_window_finalize;
  object_class->set_property = pyprep_window_set_property;
  object_class->get_property = pyprep_window_get_property;
  window_class->close_request = pyprep_window_close_request;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, PYPREP_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STUDY] =
    g_param_spec_object ("study", NULL, NULL, PYPREP_TYPE_STUDY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, PYPREP_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The question on show: bookmarked, needs review, confident. */
  properties[PROP_BOOKMARKED] =
    g_param_spec_boolean ("bookmarked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NEEDS_REVIEW] =
    g_param_spec_boolean ("needs-review", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CONFIDENT] =
    g_param_spec_boolean ("confident", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Where the search looks: "all", "bookmarked", "needs-review" or "topic". */
  properties[PROP_SEARCH_SCOPE] =
    g_param_spec_string ("search-scope", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PYPREP_TYPE_QUESTION_PAGE);
  g_type_ensure (PYPREP_TYPE_SIDEBAR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/pyprep-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, content);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, record_revealer);
  gtk_widget_class_bind_template_child_full (widget_class, "record_label", FALSE, 0);  /* for tests */
  gtk_widget_class_bind_template_child_full (widget_class, "record_restore_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, problems_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, question_page);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, bookmark_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, review_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, confident_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, status_menu_button);
  gtk_widget_class_bind_template_callback (widget_class, question_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, question_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_question_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_changed_cb);

  _pyprep_window_class_add_actions (widget_class);
  _pyprep_window_class_add_progress_actions (widget_class);
}

/* The Keyboard Shortcuts window is built the first time it is asked
 * for: GtkApplication would build it with every window, and it takes as
 * long as the window itself. GtkApplicationWindow keeps this action
 * rather than adding its own. */
static void
show_shortcuts_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   PyprepWindow  *self)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (self);
  GtkShortcutsWindow *shortcuts = gtk_application_window_get_help_overlay (window);

  if (shortcuts == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/pyprep-shortcuts-window.ui");

      shortcuts = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, shortcuts);
    }

  gtk_window_present (GTK_WINDOW (shortcuts));
}

static void
pyprep_window_init (PyprepWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));


  {
    g_autoptr(GSimpleAction) shortcuts = g_simple_action_new ("show-help-overlay", NULL);

    g_signal_connect_object (shortcuts, "activate", G_CALLBACK (show_shortcuts_cb), self, 0);
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (shortcuts));
  }

  self->history = g_ptr_array_new_with_free_func (g_free);
  self->zoom = 1.0;
  _pyprep_window_add_capture_shortcuts (self);
  /* The answer out of sight while the exercise is on is hidden, for the
   * eye and for a screen reader. */
  pyprep_stack_pages_hide_unseen (self->content_stack);
  g_signal_connect_object (pyprep_sidebar_get_search_pane (self->sidebar), "notify::scope",
                           G_CALLBACK (sidebar_scope_changed_cb), self, G_CONNECT_SWAPPED);

  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
    g_signal_connect_object (click, "pressed", G_CALLBACK (mouse_button_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  }
}

PyprepWindow *
pyprep_window_new_for_library (GtkApplication *application,
                               PyprepLibrary  *library,
                               PyprepStudy    *study,
                               PyprepSettings *settings)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (PYPREP_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (PYPREP_IS_STUDY (study), NULL);
  g_return_val_if_fail (PYPREP_IS_SETTINGS (settings), NULL);

  return g_object_new (PYPREP_TYPE_WINDOW,
                       "application", application,
                       "library", library,
                       "study", study,
                       "settings", settings,
                       NULL);
}

PyprepWindow *
pyprep_window_new (PyprepApplication *application)
{
  g_return_val_if_fail (PYPREP_IS_APPLICATION (application), NULL);

  return pyprep_window_new_for_library (GTK_APPLICATION (application),
                                        pyprep_application_get_library (application),
                                        pyprep_application_get_study (application),
                                        pyprep_application_get_settings (application));
}

/* Returns: (transfer none) (nullable): the question on show */
PyprepQuestion *
pyprep_window_get_question (PyprepWindow *self)
{
  g_return_val_if_fail (PYPREP_IS_WINDOW (self), NULL);
  return pyprep_question_page_get_question (self->question_page);
}

/* Returns: (transfer none): the reading pane */
GtkWidget *
pyprep_window_get_question_page (PyprepWindow *self)
{
  g_return_val_if_fail (PYPREP_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->question_page);
}

/* The decks' problems changed after loading: the banner follows. */
void
pyprep_window_refresh_problems (PyprepWindow *self)
{
  g_return_if_fail (PYPREP_IS_WINDOW (self));
  _pyprep_window_update_problems (self);
}
