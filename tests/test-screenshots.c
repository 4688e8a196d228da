/* test-screenshots.c: renders the main views at phone width (360 px) and
 * at desktop width (1000 px, the default) to PNG files in the build directory, and
 * checks what a person would see: the sidebar folds at 360 px and not at
 * 1000 px, the view asked for is the one on screen, and nothing sticks
 * out of the window.
 *
 * The PNGs land in $G_TEST_BUILDDIR/screenshots/ to be looked at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "pyprep-code-block.h"
#include "pyprep-library.h"
#include "pyprep-markdown-view.h"
#include "pyprep-question-page.h"
#include "pyprep-preferences-window.h"
#include "pyprep-python-editor.h"
#include "pyprep-question.h"
#include "pyprep-study.h"
#include "pyprep-topic.h"
#include "pyprep-practice-window.h"
#include "pyprep-preferences-window.h"
#include "pyprep-statistics-page.h"
#include "pyprep-statistics-window.h"
#include "pyprep-settings.h"
#include "pyprep-window.h"
#include "test-util.h"

/* The settings the windows under test read, as the application's. */
static PyprepSettings *
test_settings (void)
{
  static PyprepSettings *settings;

  if (settings == NULL)
    {
      g_autoptr(GSettings) gsettings = g_settings_new (APPLICATION_ID);

      settings = pyprep_settings_new_for_gsettings (gsettings);
    }
  return settings;
}

/* A question whose answer has code blocks early on. */
#define CODE_QUESTION "reference-counting-mechanism"
/* One with a table of identifiers early on ("frozenset"). */
#define TABLE_QUESTION "builtin-collections-compared"

static PyprepLibrary *library;
static PyprepStudy *study;

typedef enum {
  VIEW_TOPICS,
  VIEW_QUESTIONS,
  VIEW_ANSWER,
  VIEW_RESULTS,
  VIEW_CODE,
  VIEW_EDIT,
  VIEW_TABLE,
} View;

static const char * const view_names[] = { "topics", "questions", "answer", "results", "code", "edit", "table" };

typedef struct {
  int      width;
  int      height;
  View     view;
  double   zoom;   /* the text size; 0 leaves it alone */
  gboolean dark;
  gboolean wrap;   /* long lines of code wrap */
} Shot;


/* The nearest ancestor that the user can scroll sideways, or @window. */
static GtkWidget *
horizontal_clip (GtkWidget *widget,
                 GtkWidget *window)
{
  for (GtkWidget *parent = gtk_widget_get_parent (widget); parent != NULL;
       parent = gtk_widget_get_parent (parent))
    {
      if (GTK_IS_SCROLLED_WINDOW (parent))
        {
          GtkPolicyType policy;

          gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (parent), &policy, NULL);
          if (policy != GTK_POLICY_NEVER && policy != GTK_POLICY_EXTERNAL)
            return parent;
        }
    }

  return window;
}

/* Whether @widget is something a person reads or presses. */
static gboolean
is_content (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_LABEL (widget)
         || GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget) || GTK_IS_SWITCH (widget);
}

/* Every mapped label, button and entry lies, side to side, inside the
 * window; in a sideways-scrolling area (a code block, a wide table),
 * what scrolls may reach past its edge, and the area itself lies inside
 * the window. Returns how many were checked. */
static guint
assert_nothing_clipped (GtkWidget  *widget,
                        GtkWidget  *window,
                        const char *shot)
{
  guint checked = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;

  if (is_content (widget) && gtk_widget_get_width (widget) > 0)
    {
      GtkWidget *clip = horizontal_clip (widget, window);
      graphene_rect_t bounds, area;

      g_assert_true (gtk_widget_compute_bounds (clip == window ? widget : clip, window, &bounds));
      graphene_rect_init (&area, 0, 0, gtk_widget_get_width (window), gtk_widget_get_height (window));

      if (bounds.origin.x < area.origin.x - 0.5
          || bounds.origin.x + bounds.size.width > area.origin.x + area.size.width + 0.5)
        g_error ("%s: a %s (%s) spans x %.0f–%.0f, outside %.0f–%.0f", shot,
                 G_OBJECT_TYPE_NAME (widget),
                 GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget)) : "",
                 bounds.origin.x, bounds.origin.x + bounds.size.width,
                 area.origin.x, area.origin.x + area.size.width);

      checked++;
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    checked += assert_nothing_clipped (c, window, shot);

  return checked;
}

/* Whether Pango may put a hyphen where it breaks a word of @label. */
static gboolean
inserts_hyphens (GtkLabel *label)
{
  PangoAttrList *attrs = pango_layout_get_attributes (gtk_label_get_layout (label));
  g_autoptr(GSList) list = attrs != NULL ? pango_attr_list_get_attributes (attrs) : NULL;
  guint length = strlen (gtk_label_get_text (label));

  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == PANGO_ATTR_INSERT_HYPHENS && !((PangoAttrInt *)attr)->value
          && attr->start_index == 0 && attr->end_index >= length)
        {
          g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify)pango_attribute_destroy);
          return FALSE;
        }
    }
  g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify)pango_attribute_destroy);
  return TRUE;
}

/* No label under @widget breaks a word with a hyphen ("froz-enset").
 * Returns how many were checked. */
static guint
assert_no_hyphens (GtkWidget *widget)
{
  guint checked = 0;

  if (GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget)))
    {
      if (inserts_hyphens (GTK_LABEL (widget)))
        g_error ("“%s” may be hyphenated mid-word", gtk_label_get_text (GTK_LABEL (widget)));
      checked++;
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    checked += assert_no_hyphens (c);

  return checked;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '_';
}

/* No table cell under @widget has a line break inside a word: a cell is
 * as wide as its longest word ("frozenset" whole, not "froze" "nset"),
 * and a table wider than the column scrolls sideways. Returns how many
 * cells were checked. */
static guint
assert_cells_keep_words (GtkWidget *widget)
{
  guint checked = 0;

  if (GTK_IS_LABEL (widget)
      && (gtk_widget_has_css_class (widget, "md-table-cell") || gtk_widget_has_css_class (widget, "md-table-header")))
    {
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (widget));
      const char *text = pango_layout_get_text (layout);

      for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
        {
          int start = ((PangoLayoutLine *)l->data)->start_index;

          if (start > 0
              && is_word_char (g_utf8_get_char (g_utf8_prev_char (text + start)))
              && is_word_char (g_utf8_get_char (text + start)))
            g_error ("the cell “%s” breaks a word at %d px", text, gtk_widget_get_width (widget));
        }
      checked++;
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    checked += assert_cells_keep_words (c);

  return checked;
}

static void
show_view (PyprepWindow *window,
           View          view)
{
  switch (view)
    {
    case VIEW_TOPICS:
      pyprep_window_show_topic (window, NULL);
      break;

    case VIEW_QUESTIONS:
      {
        PyprepQuestion *question = pyprep_library_lookup_question (library, CODE_QUESTION);

        pyprep_window_show_topic (window, pyprep_question_get_topic (question));
      }
      break;

    case VIEW_ANSWER:
      g_assert_true (pyprep_window_open_question_id (window, CODE_QUESTION));
      break;

    case VIEW_TABLE:
      {
        GtkWidget *page;
        GtkWidget *table;
        GtkScrolledWindow *scroller;
        graphene_point_t top;

        g_assert_true (pyprep_window_open_question_id (window, TABLE_QUESTION));
        wait_frames ();
        page = pyprep_window_get_question_page (window);
        table = find_widget (find_widget (page, PYPREP_TYPE_MARKDOWN_VIEW), GTK_TYPE_GRID);
        g_assert_nonnull (table);
        scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_template_child (page, PYPREP_TYPE_QUESTION_PAGE,
                                                                       "scroller"));
        g_assert_true (gtk_widget_compute_point (table, GTK_WIDGET (scroller), &GRAPHENE_POINT_INIT (0, 0), &top));
        gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller),
                                  gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scroller))
                                  + top.y - 12);
      }
      break;

    case VIEW_CODE:
    case VIEW_EDIT:
      {
        GtkWidget *page;
        GtkWidget *block;
        GtkScrolledWindow *scroller;
        graphene_point_t top;

        g_assert_true (pyprep_window_open_question_id (window, CODE_QUESTION));
        wait_frames ();
        page = pyprep_window_get_question_page (window);
        block = find_widget (page, PYPREP_TYPE_CODE_BLOCK);
        g_assert_nonnull (block);
        scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_template_child (page, PYPREP_TYPE_QUESTION_PAGE,
                                                                       "scroller"));
        /* Scroll the first code block to the top of the page. */
        g_assert_true (gtk_widget_compute_point (block, GTK_WIDGET (scroller), &GRAPHENE_POINT_INIT (0, 0), &top));
        gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller),
                                  gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scroller))
                                  + top.y - 12);
        if (view == VIEW_EDIT)
          {
            GtkWidget *edit = find_widget (block, GTK_TYPE_TOGGLE_BUTTON);
            GtkTextView *text = GTK_TEXT_VIEW (find_widget (block, GTK_SOURCE_TYPE_VIEW));
            GtkTextBuffer *buffer = gtk_text_view_get_buffer (text);
            GtkTextIter iter;

            /* Editing: the cursor goes to the end of a long line, which
             * scrolls the code sideways, then into an indented line that
             * fits the block. */
            wait_frames ();
            gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (edit), TRUE);
            wait_frames ();
            gtk_text_buffer_get_iter_at_line (buffer, &iter, 3);
            gtk_text_iter_forward_to_line_end (&iter);
            gtk_text_buffer_place_cursor (buffer, &iter);
            gtk_text_view_scroll_mark_onscreen (text, gtk_text_buffer_get_insert (buffer));
            wait_frames ();
            gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, 12, 8);
            gtk_text_buffer_place_cursor (buffer, &iter);
            gtk_text_view_scroll_mark_onscreen (text, gtk_text_buffer_get_insert (buffer));
          }
      }
      break;

    case VIEW_RESULTS:
      {
        GtkEditable *entry = GTK_EDITABLE (part (window, "search_entry"));

        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
        gtk_editable_set_text (entry, "asyncio gather");
        g_signal_emit_by_name (entry, "search-changed");
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
test_shot (gconstpointer data)
{
  const Shot *shot = data;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *name = shot->zoom > 0
                          ? g_strdup_printf ("%s-%d-text%.0f", view_names[shot->view], shot->width, shot->zoom * 100)
                          : g_strdup_printf ("%s-%d%s%s", view_names[shot->view], shot->width,
                                             shot->dark ? "-dark" : "", shot->wrap ? "-wrap" : "");
  g_autofree char *path = NULL;
  PyprepWindow *window;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar, *content, *visible;
  int minimum;

  g_settings_set_boolean (settings, "reopen-last-question", FALSE);
  g_settings_set_boolean (settings, "wrap-code", shot->wrap);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      shot->dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_settings_set_int (settings, "window-width", shot->width);
  g_settings_set_int (settings, "window-height", shot->height);
  window = pyprep_window_new_for_library (NULL, library, study, test_settings ());
  gtk_window_present (GTK_WINDOW (window));
  wait_frames ();
  show_view (window, shot->view);
  wait_frames ();
  /* The text grows while the answer is shown: the answer is laid out
   * again for the larger characters. */
  if (shot->zoom > 0)
    {
      g_settings_set_double (settings, "text-scale", shot->zoom);
      wait_frames ();
      wait_frames ();
    }

  /* A screen as wide as the window leaves room for its shadow. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, shot->width);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >=, shot->width - 40);
  path = save_png (GTK_WIDGET (window), name);
  g_test_message ("%s: %s", name, path);

  leaflet = ADW_LEAFLET (part (window, "leaflet"));
  sidebar = GTK_WIDGET (part (window, "sidebar"));
  content = GTK_WIDGET (part (window, "content"));
  visible = adw_leaflet_get_visible_child (leaflet);

  /* Folded on a phone, side by side on a desktop. */
  g_assert_cmpint (adw_leaflet_get_folded (leaflet), ==, shot->width < 700);
  if (adw_leaflet_get_folded (leaflet))
    {
      gboolean on_answer = shot->view == VIEW_ANSWER || shot->view == VIEW_CODE || shot->view == VIEW_EDIT
                           || shot->view == VIEW_TABLE;

      g_assert_true (visible == (on_answer ? content : sidebar));
      /* On the answer, a back button leads to the list. */
      g_assert_cmpint (gtk_widget_get_mapped (GTK_WIDGET (part (window, "back_button"))), ==, on_answer);

      /* The header's title is read whole: no "Data S…". */
      if (on_answer)
        {
          GtkWidget *title = GTK_WIDGET (part (window, "content_title"));
          guint labels = 0;

          for (GtkWidget *w = find_widget (title, GTK_TYPE_LABEL); w != NULL; w = gtk_widget_get_next_sibling (w))
            if (GTK_IS_LABEL (w) && gtk_widget_get_mapped (w))
              {
                if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (w))))
                  g_error ("%s: the title “%s” is cut", name, gtk_label_get_text (GTK_LABEL (w)));
                labels++;
              }
          g_assert_cmpuint (labels, >, 0);
          /* The status buttons are one menu there. */
          g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (part (window, "status_menu_button"))));
          g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (part (window, "bookmark_button"))));
        }
    }
  else
    {
      static int sidebar_width[G_N_ELEMENTS (view_names)];

      g_assert_true (gtk_widget_get_mapped (sidebar));
      g_assert_true (gtk_widget_get_mapped (content));
      g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (part (window, "back_button"))));

      /* The sidebar keeps one width from one screen to the next. */
      g_test_message ("%s: sidebar %d px wide", name, gtk_widget_get_width (sidebar));
      sidebar_width[shot->view] = gtk_widget_get_width (sidebar);
      for (guint v = 0; v < G_N_ELEMENTS (sidebar_width); v++)
        if (sidebar_width[v] != 0 && sidebar_width[v] != sidebar_width[shot->view])
          g_error ("%s: the sidebar is %d px wide, on %s %d px", name, sidebar_width[shot->view], view_names[v],
                   sidebar_width[v]);
    }

  /* The view asked for is the one on show. */
  if (shot->view != VIEW_ANSWER && shot->view != VIEW_CODE && shot->view != VIEW_EDIT && shot->view != VIEW_TABLE)
    {
      GtkStack *stack = GTK_STACK (part (window, "sidebar_stack"));

      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, view_names[shot->view]);
      g_assert_true (gtk_widget_get_mapped (gtk_stack_get_visible_child (stack)));
    }
  else
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (pyprep_window_get_question_page (window))));

  if (shot->view == VIEW_CODE || shot->view == VIEW_EDIT)
    {
      /* The code block is on screen, and no wider than the page. */
      GtkWidget *page = pyprep_window_get_question_page (window);
      GtkWidget *block = find_widget (page, PYPREP_TYPE_CODE_BLOCK);
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_get_mapped (block));
      g_assert_true (gtk_widget_compute_bounds (block, page, &bounds));
      g_assert_cmpfloat (bounds.origin.y, >=, 0);
      g_assert_cmpfloat (bounds.origin.y, <, gtk_widget_get_height (page) / 2);
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (page));

      /* Wrapped, no line of the block scrolls sideways. */
      if (shot->wrap)
        {
          GtkWidget *text = find_widget (block, GTK_SOURCE_TYPE_VIEW);
          GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (text));

          g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (text)), ==, GTK_WRAP_WORD_CHAR);
          g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), <=, gtk_adjustment_get_page_size (hadjustment) + 0.5);
        }

      /* Editing an indented line that fits, its start is not cut off. */
      if (shot->view == VIEW_EDIT)
        {
          GtkWidget *text = find_widget (block, GTK_SOURCE_TYPE_VIEW);

          g_assert_true (gtk_text_view_get_editable (GTK_TEXT_VIEW (text)));
          g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (text))), ==, 0);
        }
    }

  if (shot->view == VIEW_TABLE)
    {
      GtkWidget *view = find_widget (GTK_WIDGET (pyprep_window_get_question_page (window)),
                                     PYPREP_TYPE_MARKDOWN_VIEW);

      g_assert_cmpuint (assert_no_hyphens (view), >, 10);
      g_assert_cmpuint (assert_cells_keep_words (view), >, 10);
    }

  if (shot->view == VIEW_RESULTS)
    {
      GListModel *results = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (part (window,
                                                                                          "results_list"))));

      g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (part (window, "scope_button"))));
    }

  /* The window fits the narrowest phone, whatever it shows. */
  gtk_widget_measure (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)),
                      GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  g_assert_cmpuint (assert_nothing_clipped (GTK_WIDGET (window), GTK_WIDGET (window), name), >, 5);

  /* On a phone, Enter opens the best result full screen, and Back
   * returns to the results. */
  if (shot->view == VIEW_RESULTS && adw_leaflet_get_folded (leaflet))
    {
      g_signal_emit_by_name (part (window, "search_entry"), "activate");
      wait_frames ();
      g_assert_true (adw_leaflet_get_visible_child (leaflet) == content);
      g_assert_nonnull (pyprep_window_get_question (window));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (part (window, "back_button"))));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
      wait_frames ();
      g_assert_true (adw_leaflet_get_visible_child (leaflet) == sidebar);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (part (window, "sidebar_stack"))), ==,
                       "results");
    }

  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames ();
  g_settings_reset (settings, "text-scale");
  g_settings_reset (settings, "wrap-code");
  g_settings_reset (settings, "reopen-last-question");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* The Practice and Statistics windows also fit the narrowest phone. */
static void
test_other_windows_fit (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWindow *windows[3];

  windows[0] = GTK_WINDOW (pyprep_practice_window_new (NULL, library, study, test_settings ()));
  windows[1] = pyprep_statistics_window_new (NULL, study, library);
  windows[2] = GTK_WINDOW (pyprep_preferences_window_new (NULL, test_settings ()));
  gtk_window_set_default_size (windows[2], 360, 640);

  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      int minimum;

      gtk_window_present (windows[i]);
      gtk_widget_measure (adw_window_get_content (ADW_WINDOW (windows[i])),
                          GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_test_message ("%s: minimum width %d", G_OBJECT_TYPE_NAME (windows[i]), minimum);
      g_assert_cmpint (minimum, <=, 360);
      if (ADW_IS_PREFERENCES_WINDOW (windows[i]))
        {
          wait_frames ();
          g_free (save_png (GTK_WIDGET (windows[i]), "preferences-360"));
        }
      gtk_window_destroy (windows[i]);
    }
}

/* Preferences at phone width in the light and dark styles, tall enough
 * to show the Study group with its review settings: nothing sticks out,
 * and the retention row's explanation is on show. */
static void
test_preferences (gconstpointer data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *name = g_strdup_printf ("preferences-360-%s", dark ? "dark" : "light");
  g_autofree char *path = NULL;
  GtkWidget *prefs;
  GtkWidget *spin;
  int minimum;

  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  prefs = pyprep_preferences_window_new (NULL, test_settings ());
  gtk_window_set_default_size (GTK_WINDOW (prefs), 360, 1100);
  gtk_window_present (GTK_WINDOW (prefs));
  wait_frames ();
  wait_frames ();

  path = save_png (prefs, name);
  g_test_message ("%s: %s", name, path);
  spin = GTK_WIDGET (gtk_widget_get_template_child (prefs, PYPREP_TYPE_PREFERENCES_WINDOW, "retention_spin"));
  g_assert_true (gtk_widget_get_mapped (spin));
  g_assert_cmpuint (assert_nothing_clipped (prefs, prefs, name), >, 0);
  gtk_widget_measure (GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (prefs))),
                      GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  gtk_window_destroy (GTK_WINDOW (prefs));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  wait_frames ();
}

/* Every mapped label under @widget is shown whole; returns how many. */
static guint
assert_not_ellipsized (GtkWidget  *widget,
                       const char *shot)
{
  guint checked = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;
  if (GTK_IS_LABEL (widget))
    {
      if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
        g_error ("%s: “%s” is cut off", shot, gtk_label_get_text (GTK_LABEL (widget)));
      checked++;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    checked += assert_not_ellipsized (c, shot);
  return checked;
}

/* The practice window's start page, its topics open, shows each
 * topic's name whole and every control inside the window, at phone width
 * and on a desktop; the Cards list opens inside the window too. */
static void
test_practice_start (gconstpointer data)
{
  int width = GPOINTER_TO_INT (data);
  /* Light on a phone, dark on a desktop. */
  gboolean dark = width > 360;
  g_autofree char *name = g_strdup_printf ("practice-start-%d%s", width, dark ? "-dark" : "");
  g_autofree char *cards_name = g_strdup_printf ("practice-cards-%d%s", width, dark ? "-dark" : "");
  g_autofree char *closed_name = g_strdup_printf ("practice-start-closed-%d%s", width, dark ? "-dark" : "");
  GtkWindow *window;
  GtkWidget *row, *popover;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = GTK_WINDOW (pyprep_practice_window_new (NULL, library, study, test_settings ()));

  gtk_window_set_default_size (window, width, 640);
  gtk_window_present (window);
  wait_frames ();
  g_free (save_png (GTK_WIDGET (window), closed_name));
  g_assert_cmpuint (assert_nothing_clipped (GTK_WIDGET (window), GTK_WIDGET (window), closed_name), >, 0);
  /* The choices read whole: "Recall and Exercises", not "Recall …". */
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (assert_not_ellipsized (part (window, (const char *[]) { "level_row", "scope_row", "cards_row" }[i]),
                                             closed_name), >=, 2);
  row = GTK_WIDGET (part (window, "topics_row"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  wait_frames ();
  wait_frames ();
  g_free (save_png (GTK_WIDGET (window), name));
  /* Every topic's name and its Only button. */
  g_assert_cmpuint (assert_not_ellipsized (row, name), >, 2 * g_list_model_get_n_items (pyprep_library_get_topics (library)));
  g_assert_cmpuint (assert_nothing_clipped (GTK_WIDGET (window), GTK_WIDGET (window), name), >, 0);

  /* The Cards row in sight again, for its list to open beside it. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
  wait_frames ();
  row = GTK_WIDGET (part (window, "cards_row"));
  g_assert_true (gtk_widget_activate (row));
  wait_frames ();
  popover = find_widget (row, GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (popover));
  wait_frames ();
  g_free (save_png (popover, cards_name));
  g_assert_cmpuint (assert_not_ellipsized (popover, cards_name), >=, 3);
  /* No wider than the window. Where it lies is the compositor's to say:
   * it slides a popup to fit the screen, which on a phone is the
   * window's width. */
  g_assert_cmpint (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (popover))), <=, width);

  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_window_destroy (window);
  wait_frames ();
}

/* The labels under @widget, in @labels. */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_labels (c, labels);
}

/* The label of the sidebar's title that is on show: one of them. */
static GtkWidget *
shown_title_label (PyprepWindow *window)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *shown = NULL;

  collect_labels (GTK_WIDGET (part (window, "sidebar_title")), labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) && gtk_label_get_text (labels->pdata[i])[0] != '\0')
      {
        g_assert_null (shown);
        shown = labels->pdata[i];
      }
  g_assert_nonnull (shown);
  return shown;
}

/* The sidebar's header shows @title whole, and a screen reader reads it
 * once. */
static void
assert_title_whole (PyprepWindow *window,
                    const char   *title)
{
  GtkWidget *shown = shown_title_label (window);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (shown)), ==, title);
  if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (shown))))
    g_error ("the sidebar's title “%s” is cut off at %d px", title, gtk_widget_get_width (GTK_WIDGET (window)));
  collect_labels (GTK_WIDGET (part (window, "sidebar_title")), labels);
  for (guint i = 0; i < labels->len; i++)
    gtk_test_accessible_assert_state (GTK_ACCESSIBLE (labels->pdata[i]), GTK_ACCESSIBLE_STATE_HIDDEN,
                                      labels->pdata[i] != shown);
}

/* Beside the answer, the sidebar keeps one width whatever the topic,
 * however long its title in the sidebar's header. */
static void
test_sidebar_width (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GListModel *topics = pyprep_library_get_topics (library);
  PyprepWindow *window;
  GtkWidget *sidebar, *header;
  int width, header_height;

  g_settings_set_boolean (settings, "reopen-last-question", FALSE);
  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_int (settings, "window-height", 700);
  window = pyprep_window_new_for_library (NULL, library, study, test_settings ());
  gtk_window_present (GTK_WINDOW (window));
  wait_frames ();
  sidebar = GTK_WIDGET (part (window, "sidebar"));
  width = gtk_widget_get_width (sidebar);
  g_assert_cmpint (width, >=, 300);
  header = GTK_WIDGET (part (window, "sidebar_header"));
  header_height = gtk_widget_get_height (header);

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(PyprepTopic) topic = g_list_model_get_item (topics, i);
      const char *title = pyprep_topic_get_title (topic);

      pyprep_window_show_topic (window, topic);
      wait_frames ();
      if (gtk_widget_get_width (sidebar) != width)
        g_error ("on “%s” the sidebar is %d px wide, on the topics %d px", title,
                 gtk_widget_get_width (sidebar), width);
      /* Its title is in the header whole, to the eye and to a screen
       * reader, and the header keeps its height. */
      assert_title_whole (window, title);
      g_assert_cmpint (gtk_widget_get_height (header), ==, header_height);
      if (strlen (title) > 40)
        {
          g_free (save_png (GTK_WIDGET (window), "sidebar-long-title-1000"));
          adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
          wait_frames ();
          assert_title_whole (window, title);
          g_free (save_png (GTK_WIDGET (window), "sidebar-long-title-1000-dark"));
          adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
          wait_frames ();
        }
    }

  /* At phone width, beside the window's buttons, a long title may be
   * cut short; its tooltip then says it whole. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  wait_frames ();
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(PyprepTopic) topic = g_list_model_get_item (topics, i);
      GtkWidget *label;

      pyprep_window_show_topic (window, topic);
      wait_frames ();
      label = shown_title_label (window);
      if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
        g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (part (window, "sidebar_title"))), ==,
                         pyprep_topic_get_title (topic));
      g_assert_cmpint (gtk_widget_get_height (header), ==, header_height);
      if (strlen (pyprep_topic_get_title (topic)) > 40)
        g_free (save_png (GTK_WIDGET (window), "sidebar-long-title-360"));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames ();
  g_settings_reset (settings, "reopen-last-question");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

typedef struct {
  int      width;
  gboolean dark;
} InterviewShot;

/* A study of two weeks: eighty questions learnt on different days,
 * some forgotten once. */
static PyprepStudy *
studied_for_two_weeks (GDateTime *now)
{
  PyprepStudy *studied = pyprep_study_new (NULL);
  g_autoptr(GPtrArray) questions = pyprep_library_list_questions (library);

  for (guint i = 0; i < MIN (questions->len, 80); i++)
    {
      const char *id = pyprep_question_get_id (questions->pdata[(i * 7) % questions->len]);
      g_autoptr(GDateTime) first = g_date_time_add_days (now, -(int)(1 + i % 14));
      g_autoptr(GDateTime) step = g_date_time_add_minutes (first, 10);

      pyprep_study_record_review (studied, id, i % 5 == 0 ? PYPREP_GRADE_HARD : PYPREP_GRADE_GOOD, first);
      pyprep_study_record_review (studied, id, i % 3 == 0 ? PYPREP_GRADE_EASY : PYPREP_GRADE_GOOD, step);
    }
  return studied;
}

/* The interview date in Preferences, in the Practice window and in
 * Statistics, with a date ten days ahead: each window fits and shows it. */
static void
test_interview (gconstpointer data)
{
  const InterviewShot *shot = data;
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GSettings) gsettings = g_settings_new (APPLICATION_ID);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, 10);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
  g_autoptr(PyprepStudy) studied = studied_for_two_weeks (now);
  const char *kinds[] = { "preferences", "practice", "statistics" };

  adw_style_manager_set_color_scheme (style, shot->dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_settings_set_string (gsettings, "interview-date", date);
  g_settings_set_uint (gsettings, "daily-minutes", 20);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *name = g_strdup_printf ("interview-%s-%d-%s", kinds[k], shot->width,
                                               shot->dark ? "dark" : "light");
      g_autofree char *path = NULL;
      GtkWindow *window;
      GtkWidget *shown;

      if (k == 0)
        {
          window = GTK_WINDOW (pyprep_preferences_window_new (NULL, test_settings ()));
          gtk_window_set_default_size (window, shot->width, 1500);
          shown = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), PYPREP_TYPE_PREFERENCES_WINDOW,
                                                             "interview_row"));
        }
      else if (k == 1)
        {
          window = GTK_WINDOW (pyprep_practice_window_new (NULL, library, studied, test_settings ()));
          gtk_window_set_default_size (window, shot->width, 720);
          shown = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), PYPREP_TYPE_PRACTICE_WINDOW,
                                                             "interview_row"));
        }
      else
        {
          PyprepStatisticsPage *page;

          window = pyprep_statistics_window_new (NULL, studied, library);
          page = pyprep_statistics_window_get_page (PYPREP_STATISTICS_WINDOW (window));
          pyprep_statistics_page_set_settings (page, test_settings ());
          gtk_window_set_default_size (window, shot->width, 1000);
          shown = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), PYPREP_TYPE_STATISTICS_PAGE,
                                                             "interview_group"));
        }
      gtk_window_present (window);
      wait_frames ();
      wait_frames ();

      path = save_png (GTK_WIDGET (window), name);
      g_test_message ("%s: %s", name, path);
      g_assert_true (gtk_widget_get_mapped (shown));
      g_assert_cmpuint (assert_nothing_clipped (GTK_WIDGET (window), GTK_WIDGET (window), name), >, 0);
      gtk_window_destroy (window);
    }

  g_settings_reset (gsettings, "interview-date");
  g_settings_reset (gsettings, "daily-minutes");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  wait_frames ();
}

int
main (int   argc,
      char *argv[])
{
  static const int sizes[][2] = { { 360, 640 }, { 1000, 700 } };
  static Shot shots[G_N_ELEMENTS (sizes) * G_N_ELEMENTS (view_names)];
  /* Large text on the narrowest phone: how narrow paragraphs may
   * become is counted in characters, which grow with the text. */
  static const Shot zoomed[] = { { 360, 640, VIEW_ANSWER, 1.5 }, { 360, 640, VIEW_CODE, 1.5 } };
  static const Shot dark[] = {
    { 360, 640, VIEW_ANSWER, 0, TRUE }, { 360, 640, VIEW_EDIT, 0, TRUE },
    { 1000, 700, VIEW_CODE, 0, TRUE }, { 1000, 700, VIEW_QUESTIONS, 0, TRUE },
    { 360, 640, VIEW_TABLE, 0, TRUE },
  };
  /* Long lines of code wrapped, as Preferences may choose. */
  static const Shot wrapped[] = { { 360, 640, VIEW_CODE, 0, FALSE, TRUE }, { 360, 640, VIEW_EDIT, 0, TRUE, TRUE } };
  guint n = 0;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gtk_source_init ();
  /* What AdwApplication does for the app from its resource base path:
   * the app's icons and style sheet. */
  {
    GdkDisplay *display = gdk_display_get_default ();
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display), RESOURCE_PREFIX "/icons");
    gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
    gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  /* Views appear at once, not halfway through a slide. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* What the application does: code follows the wrap preference. */
  pyprep_code_wrap_bind (G_OBJECT (test_settings ()), "wrap-code");

  library = pyprep_library_new ();
  pyprep_library_load_resources (library, RESOURCE_PREFIX "/content");
  {
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

    study = pyprep_study_new (settings);
  }

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint v = 0; v < G_N_ELEMENTS (view_names); v++)
      {
        g_autofree char *path = g_strdup_printf ("/pyprep/screenshots/%s-%d", view_names[v], sizes[s][0]);

        shots[n] = (Shot) { sizes[s][0], sizes[s][1], v, 0 };
        g_test_add_data_func (path, &shots[n], test_shot);
        n++;
      }

  for (guint z = 0; z < G_N_ELEMENTS (zoomed); z++)
    {
      g_autofree char *path = g_strdup_printf ("/pyprep/screenshots/%s-%d-text%.0f", view_names[zoomed[z].view],
                                               zoomed[z].width, zoomed[z].zoom * 100);

      g_test_add_data_func (path, &zoomed[z], test_shot);
    }

  for (guint d = 0; d < G_N_ELEMENTS (dark); d++)
    {
      g_autofree char *path = g_strdup_printf ("/pyprep/screenshots/%s-%d-dark", view_names[dark[d].view],
                                               dark[d].width);

      g_test_add_data_func (path, &dark[d], test_shot);
    }

  for (guint w = 0; w < G_N_ELEMENTS (wrapped); w++)
    {
      g_autofree char *path = g_strdup_printf ("/pyprep/screenshots/%s-%d%s-wrap", view_names[wrapped[w].view],
                                               wrapped[w].width, wrapped[w].dark ? "-dark" : "");

      g_test_add_data_func (path, &wrapped[w], test_shot);
    }

  g_test_add_func ("/pyprep/screenshots/other-windows-fit", test_other_windows_fit);
  g_test_add_data_func ("/pyprep/screenshots/preferences-360-light", GINT_TO_POINTER (FALSE), test_preferences);
  g_test_add_data_func ("/pyprep/screenshots/preferences-360-dark", GINT_TO_POINTER (TRUE), test_preferences);
  g_test_add_func ("/pyprep/screenshots/sidebar-width", test_sidebar_width);
  g_test_add_data_func ("/pyprep/screenshots/practice-start-360", GINT_TO_POINTER (360), test_practice_start);
  g_test_add_data_func ("/pyprep/screenshots/practice-start-1000", GINT_TO_POINTER (1000), test_practice_start);

  {
    static const InterviewShot interview_shots[] = { { 360, FALSE }, { 360, TRUE }, { 800, FALSE } };

    for (guint i = 0; i < G_N_ELEMENTS (interview_shots); i++)
      {
        g_autofree char *path = g_strdup_printf ("/pyprep/screenshots/interview-%d-%s", interview_shots[i].width,
                                                 interview_shots[i].dark ? "dark" : "light");

        g_test_add_data_func (path, &interview_shots[i], test_interview);
      }
  }

  status = g_test_run ();
  g_clear_object (&study);
  g_clear_object (&library);
  return status;
}
