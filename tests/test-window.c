/* test-window.c: the main window on the shipped bank.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>

#include "pyprep-alert.h"
#include "pyprep-card.h"
#include "pyprep-backups.h"
#include "pyprep-library.h"
#include "pyprep-preferences-window.h"
#include "pyprep-markdown-view.h"
#include "pyprep-note-editor.h"
#include "pyprep-question-page.h"
#include "pyprep-question-row.h"
#include "pyprep-question-slots.h"
#include "pyprep-result-row.h"
#include "pyprep-question.h"
#include "pyprep-interview-row.h"
#include "pyprep-practice-window.h"
#include "pyprep-row-text.h"
#include "pyprep-topic.h"
#include "pyprep-settings.h"
#include "pyprep-sidebar.h"
#include "pyprep-window.h"
#include "pyprep-window-private.h"
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

static PyprepLibrary *library;

/* The question rows of @list that are shown, top to bottom. */
static GPtrArray *
shown_question_rows (GtkWidget *list)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *item = gtk_widget_get_first_child (list); item != NULL; item = gtk_widget_get_next_sibling (item))
    for (GtkWidget *row = gtk_widget_get_first_child (item); row != NULL; row = gtk_widget_get_next_sibling (row))
      if (PYPREP_IS_QUESTION_ROW (row) && gtk_widget_get_visible (item))
        g_ptr_array_add (rows, row);

  return rows;
}
static PyprepStudy *study;

static PyprepWindow *
new_window (PyprepLibrary *lib)
{
  PyprepWindow *window = pyprep_window_new_for_library (NULL, lib, study, test_settings ());

  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  return window;
}

static void
close_window (PyprepWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
}

static void
test_topics_and_question (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  PyprepWindow *window;
  GtkListView *topic_list, *question_list;
  GtkSelectionModel *questions;
  GtkWidget *page;
  g_autoptr(PyprepTopic) topic = NULL;
  g_autoptr(PyprepQuestion) question = NULL;
  g_autofree char *last = NULL;
  GtkWidget *content;

  g_settings_reset (settings, "last-question");
  window = new_window (library);

  /* Every topic is listed, and nothing is open yet. */
  topic_list = GTK_LIST_VIEW (part (window, "topic_list"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (topic_list))), ==,
                    g_list_model_get_n_items (pyprep_library_get_topics (library)));
  g_assert_null (pyprep_window_get_question (window));
  /* The question's status buttons wait for a question. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (part (window, "bookmark_button"))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (part (window, "confident_button"))));

  /* Choosing the first topic lists its questions. */
  g_signal_emit_by_name (topic_list, "activate", 0);
  iterate ();
  topic = g_list_model_get_item (pyprep_library_get_topics (library), 0);
  question_list = GTK_LIST_VIEW (part (window, "question_list"));
  questions = gtk_list_view_get_model (question_list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (questions)), ==,
                    pyprep_topic_get_n_questions (topic));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (part (window, "sidebar_stack"))),
                   ==, "questions");

  /* Selecting the second question shows its title and its answer. */
  gtk_selection_model_select_item (questions, 1, TRUE);
  iterate ();
  question = g_list_model_get_item (pyprep_topic_get_questions (topic), 1);
  g_assert_true (pyprep_window_get_question (window) == question);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (part (window, "bookmark_button"))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (part (window, "review_button"))));

  page = pyprep_window_get_question_page (window);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (page, PYPREP_TYPE_QUESTION_PAGE, "title_label"))),
                   ==, pyprep_question_get_title (question));
  content = pyprep_markdown_view_get_content (PYPREP_MARKDOWN_VIEW (child (page, PYPREP_TYPE_QUESTION_PAGE,
                                                                          "markdown_view")));
  g_assert_nonnull (content);
  g_assert_nonnull (gtk_widget_get_first_child (content));
  g_assert_true (gtk_widget_get_mapped (content));

  last = g_settings_get_string (settings, "last-question");
  g_assert_cmpstr (last, ==, pyprep_question_get_id (question));

  close_window (window);

  /* The next window opens on the same question, selected in its topic. */
  window = new_window (library);
  g_assert_true (pyprep_window_get_question (window) == question);
  question_list = GTK_LIST_VIEW (part (window, "question_list"));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (question_list))),
                    ==, 1);
  page = pyprep_window_get_question_page (window);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (page, PYPREP_TYPE_QUESTION_PAGE, "title_label"))),
                   ==, pyprep_question_get_title (question));
  close_window (window);
}

/* The topics list fills in after the first frame. Reopened on a question
 * of the last topic, a short window still ends up listing every topic,
 * with that topic selected for when the user goes back to it, which
 * shows the topics page again. */
static void
test_topics_list_complete (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GListModel *topics = pyprep_library_get_topics (library);
  guint last = g_list_model_get_n_items (topics) - 1;
  g_autoptr(PyprepTopic) topic = g_list_model_get_item (topics, last);
  g_autoptr(PyprepQuestion) question = g_list_model_get_item (pyprep_topic_get_questions (topic), 0);
  PyprepWindow *window;
  GtkSelectionModel *model;
  GtkStack *stack;

  g_settings_set_int (settings, "window-height", 400);
  g_settings_set_string (settings, "last-question", pyprep_question_get_id (question));
  window = new_window (library);
  g_assert_true (pyprep_window_get_question (window) == question);
  model = gtk_list_view_get_model (GTK_LIST_VIEW (part (window, "topic_list")));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, last + 1);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, last);

  /* The topics page waits out of sight, hidden, until the user goes back. */
  stack = GTK_STACK (part (window, "sidebar_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "questions");
  g_assert_false (gtk_widget_get_visible (gtk_stack_get_child_by_name (stack, "topics")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-topics", NULL));
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "topics");
  g_assert_true (gtk_widget_get_visible (gtk_stack_get_child_by_name (stack, "topics")));
  close_window (window);

  /* A first start at that height lists them all too. */
  g_settings_reset (settings, "last-question");
  window = new_window (library);
  model = gtk_list_view_get_model (GTK_LIST_VIEW (part (window, "topic_list")));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, last + 1);
  close_window (window);
  g_settings_reset (settings, "window-height");
}

static void
test_window_size_restored (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  PyprepWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 820);
  g_settings_set_int (settings, "window-height", 610);
  window = new_window (library);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 820);
  g_assert_cmpint (height, ==, 610);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  close_window (window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
}

/* The row of @question among the question rows on show, or NULL. */
static GtkWidget *
question_row (PyprepWindow   *window,
              PyprepQuestion *question)
{
  g_autoptr(GPtrArray) rows = shown_question_rows (GTK_WIDGET (part (window, "question_list")));

  for (guint i = 0; i < rows->len; i++)
    if (pyprep_question_row_get_question (rows->pdata[i]) == question)
      return rows->pdata[i];
  return NULL;
}

/* A click of the primary button on the row @widget of a list: what the
 * row's own click gestures see, then what the list's item does with it
 * (it selects the row). */
static void
click (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        {
          g_signal_emit_by_name (controller, "pressed", 1, 10.0, 10.0);
          g_signal_emit_by_name (controller, "released", 1, 10.0, 10.0);
        }
    }
  g_assert_true (gtk_widget_activate_action (gtk_widget_get_parent (widget), "listitem.select", "(bb)",
                                             FALSE, FALSE));
}

/* Folded to a phone's width, the row of the question on show opens it
 * again, whether clicked or entered from the keyboard: going back to the
 * list puts the keyboard on that row. */
static void
test_folded_row_reopens (void)
{
  g_autoptr(GSettings) gsettings = g_settings_new (APPLICATION_ID);
  g_autoptr(PyprepTopic) topic = g_list_model_get_item (pyprep_library_get_topics (library), 0);
  g_autoptr(PyprepQuestion) question = g_list_model_get_item (pyprep_topic_get_questions (topic), 2);
  PyprepWindow *window;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar, *content, *list, *row, *focus;
  GtkSelectionModel *questions;

  g_settings_reset (gsettings, "last-question");
  g_settings_set_int (gsettings, "window-width", 360);
  g_settings_set_int (gsettings, "window-height", 640);
  window = new_window (library);
  wait_frames ();
  g_settings_reset (gsettings, "window-width");
  g_settings_reset (gsettings, "window-height");
  leaflet = ADW_LEAFLET (part (window, "leaflet"));
  sidebar = GTK_WIDGET (part (window, "sidebar"));
  content = GTK_WIDGET (part (window, "content"));
  list = GTK_WIDGET (part (window, "question_list"));
  g_assert_true (adw_leaflet_get_folded (leaflet));

  /* A click on a row that is not selected selects and opens it. */
  pyprep_window_show_topic (window, topic);
  wait_frames ();
  questions = gtk_list_view_get_model (GTK_LIST_VIEW (list));
  gtk_selection_model_select_item (questions, 2, TRUE);
  iterate ();
  g_assert_true (pyprep_window_get_question (window) == question);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == content);

  /* Back in the list, the keyboard is on the row on show, selected. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  wait_frames ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == sidebar);
  row = question_row (window, question);
  g_assert_nonnull (row);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  /* The list's item holding the row, or the row itself. */
  g_assert_true (focus == row || focus == gtk_widget_get_parent (row));
  g_assert_true (gtk_selection_model_is_selected (questions, 2));

  /* Return there opens it again. */
  g_assert_true (gtk_widget_activate_action (focus, "list.activate-item", "u", 2));
  wait_frames ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == content);
  g_assert_true (pyprep_window_get_question (window) == question);

  /* So does a click on it, selected already. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  wait_frames ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == sidebar);
  click (question_row (window, question));
  wait_frames ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == content);
  g_assert_true (pyprep_window_get_question (window) == question);

  close_window (window);
}

/* Links between questions open them; an unknown id changes nothing. */
static void
test_question_links (void)
{
  PyprepWindow *window = new_window (library);
  GtkWidget *page = pyprep_window_get_question_page (window);
  g_autoptr(PyprepTopic) topic = g_list_model_get_item (pyprep_library_get_topics (library), 0);
  g_autoptr(PyprepQuestion) target = g_list_model_get_item (pyprep_topic_get_questions (topic), 2);

  g_signal_emit_by_name (page, "open-question", pyprep_question_get_id (target));
  iterate ();
  g_assert_true (pyprep_window_get_question (window) == target);

  g_assert_false (pyprep_window_open_question_id (window, "no-such-question"));
  g_assert_true (pyprep_window_get_question (window) == target);

  close_window (window);
}

/* A broken deck is reported in the window; the rest still loads. */
static void
test_problem_banner (void)
{
  g_autoptr(PyprepLibrary) broken = pyprep_library_new ();
  static const char text[] = "---\nid: broken\ntitle: Broken\n---\n\n# No id?\ndifficulty: junior\n";
  g_autoptr(GBytes) bad = g_bytes_new_static (text, strlen (text));
  PyprepWindow *window;
  GtkLabel *label;

  g_test_expect_message ("pyprep-library", G_LOG_LEVEL_WARNING, "*broken.md:6:*");
  pyprep_library_load_bytes (broken, "broken.md", bad);
  g_test_assert_expected_messages ();
  pyprep_library_load_resources (broken, RESOURCE_PREFIX "/content");

  window = new_window (broken);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (part (window, "problems_revealer"))));
  label = GTK_LABEL (part (window, "problems_label"));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "broken.md:6:"));
  g_assert_cmpuint (g_list_model_get_n_items (pyprep_library_get_topics (broken)), ==,
                    g_list_model_get_n_items (pyprep_library_get_topics (library)) + 1);
  close_window (window);
}

/* A study record that could not be read whole is reported, with the way
 * to the backups; a restore that replaces the record hides the banner. */
/* A dialog's answer reaches its handler from the main loop; under load
 * that takes a few turns. Waits, within 10 s, until no dialog is shown,
 * then for what the answer queued. */
static void
wait_alert_gone (PyprepWindow *window)
{
  for (gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       pyprep_alert_get_shown (GTK_WIDGET (window)) != NULL && g_get_monotonic_time () < deadline;)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  iterate ();
}

static void
test_record_banner (void)
{
  g_autoptr(GSettings) gsettings = g_settings_new (APPLICATION_ID);
  g_autoptr(PyprepStudy) damaged = NULL;
  g_autoptr(PyprepStudy) empty = pyprep_study_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *backup = pyprep_study_export_json (empty, now);
  g_autofree char *copies = NULL;
  PyprepWindow *window;

  g_settings_set_value (gsettings, "progress", g_variant_new_parsed ("{'gil': {'status': <'mastered'>}}"));
  g_test_expect_message ("pyprep-study", G_LOG_LEVEL_WARNING, "*gil*mastered*");
  damaged = pyprep_study_new (gsettings);
  g_test_assert_expected_messages ();
  copies = g_path_get_dirname (pyprep_study_get_recovered_path (damaged));
  g_unlink (pyprep_study_get_recovered_path (damaged));  /* in the user's data dir */
  g_rmdir (copies);

  /* On a phone, where the list would be on show, the banner's pane comes
   * into view once. */
  g_settings_set_int (gsettings, "window-width", 360);
  g_settings_set_int (gsettings, "window-height", 640);
  window = pyprep_window_new_for_library (NULL, library, damaged, test_settings ());
  gtk_window_present (GTK_WINDOW (window));
  wait_frames ();
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (part (window, "leaflet"))));
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (part (window, "leaflet")))
                 == GTK_WIDGET (part (window, "content")));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (part (window, "record_label"))));
  g_settings_reset (gsettings, "window-width");
  g_settings_reset (gsettings, "window-height");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (part (window, "record_revealer"))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (part (window, "record_label"))), ==,
                   "Part of your study record could not be read. A copy was kept.");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (part (window, "record_restore_button"))),
                   ==, "win.restore-newest-backup");

  /* It offers the newest backup that differs from the record: one with a
   * bookmark, here; restoring it clears the banner. */
  {
    g_autoptr(PyprepStudy) earlier = pyprep_study_new (NULL);
    g_autoptr(GFile) dir = pyprep_backups_default_dir ();
    g_autofree char *path = g_build_filename (g_file_peek_path (dir), "pyprep-2026-11-30.json", NULL);
    g_autofree char *json = NULL;
    GtkWidget *alert;

    pyprep_study_set_bookmarked (earlier, "gil", TRUE);
    json = pyprep_study_export_json (earlier, now);
    g_assert_cmpint (g_mkdir_with_parents (g_file_peek_path (dir), 0700), ==, 0);
    g_assert_true (g_file_set_contents (path, json, -1, NULL));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-newest-backup", NULL));
    iterate ();
    alert = pyprep_alert_get_shown (GTK_WIDGET (window));
    g_assert_nonnull (alert);
    pyprep_alert_respond (alert, "restore");
    wait_alert_gone (window);
    g_assert_true (pyprep_study_get_bookmarked (damaged, "gil"));
    g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (part (window, "record_revealer"))));
    g_unlink (path);
  }
  g_assert_true (pyprep_study_import_json (damaged, backup, strlen (backup), PYPREP_IMPORT_REPLACE, NULL));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (part (window, "record_revealer"))));
  close_window (window);
  g_settings_reset (gsettings, "progress");

  /* A whole record shows no banner. */
  window = new_window (library);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (part (window, "record_revealer"))));
  close_window (window);
}

/* A review log that cannot be read: the banner says so and the record
 * goes on; the newest backup is offered even though its record is the
 * same, since it holds the history; restoring moves the damaged file
 * aside, whole, and the banner goes. */
static void
test_review_log_banner (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pyprep-window-log-XXXXXX", NULL);
  g_autofree char *log_path = g_build_filename (dir, "review-log.sqlite", NULL);
  g_autofree char *garbage = g_strnfill (4096, '#');
  g_autofree char *recovered = g_build_filename (g_get_user_data_dir (), "pyprep", "recovered", NULL);
  g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);
  g_autoptr(GFile) backups = pyprep_backups_default_dir ();
  g_autofree char *backup = g_build_filename (g_file_peek_path (backups), "pyprep-2026-11-30.json", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *json = NULL;
  g_autoptr(GDir) kept = NULL;
  const char *name;
  guint n_kept = 0;
  PyprepWindow *window;
  GtkWidget *alert;

  g_assert_true (g_file_set_contents (log_path, garbage, -1, NULL));
  g_test_expect_message ("pyprep-study", G_LOG_LEVEL_WARNING, "*review log is not used*");
  g_assert_false (pyprep_study_open_review_log (study, log_path));
  g_test_assert_expected_messages ();
  pyprep_study_set_bookmarked (study, "gil", TRUE);

  window = pyprep_window_new_for_library (NULL, library, study, test_settings ());
  gtk_window_present (GTK_WINDOW (window));
  wait_frames ();
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (part (window, "record_revealer"))));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (part (window, "record_label"))),
                            "review history could not be read"));

  json = pyprep_study_export_json (study, now);
  g_assert_cmpint (g_mkdir_with_parents (g_file_peek_path (backups), 0700), ==, 0);
  g_assert_true (g_file_set_contents (backup, json, -1, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-newest-backup", NULL));
  iterate ();
  alert = pyprep_alert_get_shown (GTK_WIDGET (window));
  g_assert_nonnull (alert);
  pyprep_alert_respond (alert, "restore");
  wait_alert_gone (window);
  g_assert_null (pyprep_study_get_review_log_problem (study));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (part (window, "record_revealer"))));
  g_assert_true (pyprep_study_get_bookmarked (study, "gil"));
  close_window (window);

  /* The damaged file, as it was, in the recovered folder. */
  kept = g_dir_open (recovered, 0, NULL);
  while (kept != NULL && (name = g_dir_read_name (kept)) != NULL)
    if (g_str_has_prefix (name, "review-log-"))
      {
        g_autofree char *path = g_build_filename (recovered, name, NULL);
        g_autofree char *contents = NULL;

        g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
        g_assert_cmpstr (contents, ==, garbage);
        g_unlink (path);
        n_kept++;
      }
  g_assert_cmpuint (n_kept, ==, 1);

  g_clear_object (&study);
  g_unlink (backup);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *path = g_strconcat (log_path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* The bookmark and status actions act on the question on show, and
 * opening a question marks it read. */
static void
test_study_actions (void)
{
  PyprepWindow *window = new_window (library);
  g_autoptr(PyprepTopic) topic = g_list_model_get_item (pyprep_library_get_topics (library), 1);
  g_autoptr(PyprepQuestion) question = g_list_model_get_item (pyprep_topic_get_questions (topic), 0);
  const char *id = pyprep_question_get_id (question);
  GtkListView *question_list;
  GtkWidget *row, *mark;

  pyprep_window_show_question (window, question);
  iterate ();
  g_assert_cmpint (pyprep_study_get_status (study, id), ==, PYPREP_STATUS_READ);
  g_assert_false (pyprep_study_get_bookmarked (study, id));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.bookmark", NULL));
  g_assert_true (pyprep_study_get_bookmarked (study, id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.needs-review", NULL));
  g_assert_cmpint (pyprep_study_get_status (study, id), ==, PYPREP_STATUS_NEEDS_REVIEW);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.confident", NULL));
  g_assert_cmpint (pyprep_study_get_status (study, id), ==, PYPREP_STATUS_CONFIDENT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.confident", NULL));
  g_assert_cmpint (pyprep_study_get_status (study, id), ==, PYPREP_STATUS_READ);
  iterate ();

  /* The list marks the bookmark in the question's row at once. */
  question_list = GTK_LIST_VIEW (part (window, "question_list"));
  {
    g_autoptr(GPtrArray) rows = shown_question_rows (GTK_WIDGET (question_list));

    row = NULL;
    for (guint i = 0; i < rows->len; i++)
      if (pyprep_question_row_get_question (rows->pdata[i]) == question)
        row = rows->pdata[i];
  }
  g_assert_nonnull (row);
  mark = part (row, "bookmark_mark");
  g_assert_true (GTK_IS_IMAGE (mark));
  g_assert_true (gtk_widget_get_visible (mark));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.bookmark", NULL));
  g_assert_false (pyprep_study_get_bookmarked (study, id));
  g_assert_false (gtk_widget_get_visible (mark));

  close_window (window);
}

/* Changing topic keeps the question rows and shows the new topic's
 * questions in them, in order, with the opened one selected. */
static void
test_topic_change_keeps_rows (void)
{
  PyprepWindow *window = new_window (library);
  g_autoptr(PyprepTopic) first = g_list_model_get_item (pyprep_library_get_topics (library), 0);
  g_autoptr(PyprepTopic) second = g_list_model_get_item (pyprep_library_get_topics (library), 1);
  GListModel *questions = pyprep_topic_get_questions (second);
  g_autoptr(PyprepQuestion) opened = g_list_model_get_item (questions, 2);
  GtkWidget *question_list = part (window, "question_list");
  GtkWidget *first_row;
  g_autoptr(GPtrArray) rows = NULL;

  /* The first topic's first question is bookmarked: its row shows a star. */
  {
    g_autoptr(PyprepQuestion) marked = g_list_model_get_item (pyprep_topic_get_questions (first), 0);

    pyprep_study_set_bookmarked (study, pyprep_question_get_id (marked), TRUE);
  }
  pyprep_window_show_topic (window, first);
  iterate ();
  rows = shown_question_rows (question_list);
  g_assert_cmpuint (rows->len, >, 0);
  first_row = rows->pdata[0];
  g_assert_true (gtk_widget_get_visible (part (first_row, "bookmark_mark")));
  g_clear_pointer (&rows, g_ptr_array_unref);

  pyprep_window_show_question (window, opened);
  iterate ();
  rows = shown_question_rows (question_list);
  g_assert_true (rows->pdata[0] == first_row);

  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (questions));
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(PyprepQuestion) question = g_list_model_get_item (questions, i);

      g_assert_true (pyprep_question_row_get_question (rows->pdata[i]) == question);
      g_assert_cmpstr (pyprep_row_text_get_text (part (rows->pdata[i], "title")), ==,
                       pyprep_question_get_title (question));
    }

  /* The row that showed the star now shows a question without one. */
  g_assert_false (gtk_widget_get_visible (part (first_row, "bookmark_mark")));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (question_list)))),
                    ==, 2);

  close_window (window);
  {
    g_autoptr(PyprepQuestion) marked = g_list_model_get_item (pyprep_topic_get_questions (first), 0);

    pyprep_study_set_bookmarked (study, pyprep_question_get_id (marked), FALSE);
  }
}

/* The smart lists and the progress follow the study record live. */
static void
test_smart_lists_and_progress (void)
{
  PyprepWindow *window = new_window (library);
  g_autoptr(GPtrArray) all = pyprep_library_list_questions (library);
  const char *a = pyprep_question_get_id (all->pdata[5]);
  const char *b = pyprep_question_get_id (all->pdata[40]);
  GtkListBox *smart_list = GTK_LIST_BOX (part (window, "smart_list"));
  GtkListView *question_list = GTK_LIST_VIEW (part (window, "question_list"));
  GtkLabel *overall = GTK_LABEL (part (window, "overall_label"));
  g_autofree char *before = g_strdup (gtk_label_get_text (overall));
  GListModel *listed;

  pyprep_study_set_bookmarked (study, a, TRUE);
  pyprep_study_set_bookmarked (study, b, TRUE);
  pyprep_study_set_status (study, b, PYPREP_STATUS_CONFIDENT);
  iterate ();
  g_assert_cmpstr (gtk_label_get_text (overall), !=, before);
  g_assert_nonnull (strstr (gtk_label_get_text (overall), "confident"));

  /* Row 1 is "Bookmarked". */
  g_signal_emit_by_name (smart_list, "row-activated", gtk_list_box_get_row_at_index (smart_list, 1));
  iterate ();
  listed = G_LIST_MODEL (gtk_list_view_get_model (question_list));
  g_assert_cmpuint (g_list_model_get_n_items (listed), >=, 2);
  for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
    {
      g_autoptr(PyprepQuestionSlot) slot = g_list_model_get_item (listed, i);
      PyprepQuestion *question = pyprep_question_slot_get_question (slot);

      g_assert_true (pyprep_study_get_bookmarked (study, pyprep_question_get_id (question)));
    }

  /* Removing a bookmark takes the question off the list at once. */
  {
    guint n = g_list_model_get_n_items (listed);

    pyprep_study_set_bookmarked (study, a, FALSE);
    g_assert_cmpuint (g_list_model_get_n_items (listed), ==, n - 1);
  }

  /* The last list, "Leeches", shows up with the first leech and lists it;
   * the question's row says so too. */
  {
    GtkListBoxRow *leeches = NULL;
    g_autoptr(GDateTime) day = g_date_time_new_utc (2026, 11, 16, 12, 0, 0);

    for (int i = 0; gtk_list_box_get_row_at_index (smart_list, i) != NULL; i++)
      leeches = gtk_list_box_get_row_at_index (smart_list, i);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (leeches)));

    pyprep_study_record_review (study, a, PYPREP_GRADE_EASY, day);
    for (guint i = 0; i < PYPREP_STUDY_LEECH_LAPSES; i++)
      {
        pyprep_study_record_review (study, a, PYPREP_GRADE_AGAIN, day);
        pyprep_study_record_review (study, a, PYPREP_GRADE_GOOD, day);
      }
    iterate ();
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (leeches)));
    g_signal_emit_by_name (smart_list, "row-activated", leeches);
    iterate ();
    listed = G_LIST_MODEL (gtk_list_view_get_model (question_list));
    g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 1);
    pyprep_study_reset_progress (study, (const char *[]) { a, NULL });
    iterate ();
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (leeches)));
  }

  close_window (window);
}

/* Notes are saved while typing pauses, and at once on leaving the question. */
static void
test_notes (void)
{
  PyprepWindow *window = new_window (library);
  g_autoptr(GPtrArray) all = pyprep_library_list_questions (library);
  PyprepQuestion *first = all->pdata[3];
  PyprepQuestion *second = all->pdata[4];
  GtkWidget *page = pyprep_window_get_question_page (window);
  GtkTextBuffer *buffer = pyprep_note_editor_get_buffer (child (page, PYPREP_TYPE_QUESTION_PAGE, "note_editor"));
  gint64 deadline;

  pyprep_window_show_question (window, first);
  gtk_text_buffer_set_text (buffer, "  Mention <the> GIL & sys.getrefcount  ", -1);
  g_assert_null (pyprep_study_get_note (study, pyprep_question_get_id (first)));

  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (pyprep_study_get_note (study, pyprep_question_get_id (first)) == NULL
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (pyprep_study_get_note (study, pyprep_question_get_id (first)), ==,
                   "Mention <the> GIL & sys.getrefcount");

  /* Typing then switching at once still keeps the note. */
  gtk_text_buffer_set_text (buffer, "edited", -1);
  pyprep_window_show_question (window, second);
  g_assert_cmpstr (pyprep_study_get_note (study, pyprep_question_get_id (first)), ==, "edited");
  {
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, "");
  }

  pyprep_window_show_question (window, first);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 6);

  /* Changed elsewhere (Keep as Note in Practice), the note on show
   * follows, so that typing on does not write the old one back. */
  pyprep_study_set_note (study, pyprep_question_get_id (first), "edited\n\nkept in practice");
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 24);
  pyprep_study_set_note (study, pyprep_question_get_id (first), NULL);
  close_window (window);
}


/* Resetting a topic asks first, clears its statuses, and can be undone. */
static void
test_reset_and_undo (void)
{
  PyprepWindow *window = new_window (library);
  g_autoptr(PyprepTopic) topic = g_list_model_get_item (pyprep_library_get_topics (library), 2);
  g_autoptr(PyprepQuestion) question = g_list_model_get_item (pyprep_topic_get_questions (topic), 1);
  const char *id = pyprep_question_get_id (question);
  GtkWidget *dialog;

  pyprep_window_show_question (window, question);
  pyprep_study_set_status (study, id, PYPREP_STATUS_CONFIDENT);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reset-topic", NULL));
  iterate ();
  dialog = pyprep_alert_get_shown (GTK_WIDGET (window));
  g_assert_nonnull (dialog);
  g_assert_cmpint (pyprep_study_get_status (study, id), ==, PYPREP_STATUS_CONFIDENT);
  pyprep_alert_respond (dialog, "reset");
  iterate ();
  g_assert_cmpint (pyprep_study_get_status (study, id), ==, PYPREP_STATUS_NEW);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  /* The snapshot goes back off the main thread. */
  for (gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       pyprep_study_get_status (study, id) != PYPREP_STATUS_CONFIDENT && g_get_monotonic_time () < deadline;)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpint (pyprep_study_get_status (study, id), ==, PYPREP_STATUS_CONFIDENT);
  iterate ();

  close_window (window);
}

/* Typing in the search shows ranked results; Enter opens the best one. */
static void
test_search (void)
{
  PyprepWindow *window = new_window (library);
  GtkEditable *entry = GTK_EDITABLE (part (window, "search_entry"));
  GtkStack *sidebar_stack = GTK_STACK (part (window, "sidebar_stack"));
  GtkListView *results = GTK_LIST_VIEW (part (window, "results_list"));
  GListModel *model;
  g_autoptr(PyprepQuestion) first = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (part (window, "search_bar"))));

  gtk_editable_set_text (entry, "Asyncoi gather");  /* a typo, and any case */
  g_signal_emit_by_name (entry, "search-changed");
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_stack), ==, "results");
  model = G_LIST_MODEL (gtk_list_view_get_model (results));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  first = g_list_model_get_item (model, 0);

  g_signal_emit_by_name (entry, "activate");
  iterate ();
  g_assert_true (pyprep_window_get_question (window) == first);

  gtk_editable_set_text (entry, "zzqxj");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (part (window, "search_bar")), FALSE);
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_stack), !=, "results");

  close_window (window);
}

static GListModel *
search_for (PyprepWindow *window,
            const char   *text)
{
  GtkEditable *entry = GTK_EDITABLE (part (window, "search_entry"));
  GtkListView *results = GTK_LIST_VIEW (part (window, "results_list"));

  gtk_editable_set_text (entry, text);
  g_signal_emit_by_name (entry, "search-changed");
  iterate ();
  return G_LIST_MODEL (gtk_list_view_get_model (results));
}

/* How many questions of @model satisfy @keep. */
static guint
count_where (GListModel *model,
             gboolean  (*keep) (PyprepQuestion *question))
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PyprepQuestion) question = g_list_model_get_item (model, i);

      n += keep (question);
    }
  return n;
}

static gboolean
is_bookmarked (PyprepQuestion *question)
{
  return pyprep_study_get_bookmarked (study, pyprep_question_get_id (question));
}

static gboolean
needs_review (PyprepQuestion *question)
{
  return pyprep_study_get_status (study, pyprep_question_get_id (question)) == PYPREP_STATUS_NEEDS_REVIEW;
}

static PyprepTopic *scoped_topic;

static gboolean
in_scoped_topic (PyprepQuestion *question)
{
  return pyprep_question_get_topic (question) == scoped_topic;
}

static void
set_scope (PyprepWindow *window,
           const char   *scope)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search-scope", "s", scope));
  iterate ();
}

/* The scope menu narrows the results to the bookmarked questions, those
 * needing review, or the current topic; its button says which. */
static void
test_search_scopes (void)
{
  PyprepWindow *window = new_window (library);
  GtkMenuButton *scope = GTK_MENU_BUTTON (part (window, "scope_button"));
  GtkStack *results_stack = GTK_STACK (part (window, "results_stack"));
  g_autoptr(PyprepTopic) topic = g_list_model_get_item (pyprep_library_get_topics (library), 1);
  g_autoptr(PyprepQuestion) marked = NULL;
  g_autoptr(PyprepQuestion) review = NULL;
  GListModel *model;
  guint n_all, n_marked, n_review, n_topic;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  model = search_for (window, "python");
  g_assert_cmpstr (gtk_menu_button_get_label (scope), ==, "All Questions");
  n_all = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_all, >, 10);

  /* Mark two of the questions "python" finds. */
  marked = g_list_model_get_item (model, 3);
  review = g_list_model_get_item (model, 5);
  pyprep_study_set_bookmarked (study, pyprep_question_get_id (marked), TRUE);
  pyprep_study_set_status (study, pyprep_question_get_id (review), PYPREP_STATUS_NEEDS_REVIEW);
  n_marked = count_where (model, is_bookmarked);
  n_review = count_where (model, needs_review);
  scoped_topic = topic;
  n_topic = count_where (model, in_scoped_topic);
  g_assert_cmpuint (n_marked, <, n_all);
  g_assert_cmpuint (n_review, <, n_all);
  g_assert_cmpuint (n_topic, >, 0);
  g_assert_cmpuint (n_topic, <, n_all);

  set_scope (window, "bookmarked");
  g_assert_cmpstr (gtk_menu_button_get_label (scope), ==, "Bookmarked");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_marked);
  g_assert_cmpuint (count_where (model, is_bookmarked), ==, n_marked);

  set_scope (window, "needs-review");
  g_assert_cmpstr (gtk_menu_button_get_label (scope), ==, "Needs Review");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_review);
  g_assert_cmpuint (count_where (model, needs_review), ==, n_review);

  /* No match in the scope: the empty page says to widen it. */
  search_for (window, "zzqxj");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (results_stack), ==, "empty");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (part (window, "results_empty"))),
                            "all questions"));

  /* The current topic is the one listed in the sidebar. */
  pyprep_window_show_topic (window, topic);
  set_scope (window, "topic");
  model = search_for (window, "python");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_topic);
  g_assert_cmpuint (count_where (model, in_scoped_topic), ==, n_topic);
  g_assert_nonnull (strstr (gtk_menu_button_get_label (scope), pyprep_topic_get_title (topic)));

  /* An unknown scope is all questions. */
  g_object_set (window, "search-scope", "nonsense", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_all);

  pyprep_study_set_bookmarked (study, pyprep_question_get_id (marked), FALSE);
  pyprep_study_set_status (study, pyprep_question_get_id (review), PYPREP_STATUS_NEW);
  close_window (window);
}

/* Next and previous walk the list on show, and stop at its ends. */
static void
test_next_previous (void)
{
  PyprepWindow *window = new_window (library);
  g_autoptr(PyprepTopic) topic = g_list_model_get_item (pyprep_library_get_topics (library), 0);
  GListModel *questions = pyprep_topic_get_questions (topic);
  g_autoptr(PyprepQuestion) first = g_list_model_get_item (questions, 0);
  g_autoptr(PyprepQuestion) second = g_list_model_get_item (questions, 1);

  pyprep_window_show_question (window, first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-question", NULL));
  g_assert_true (pyprep_window_get_question (window) == first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-question", NULL));
  g_assert_true (pyprep_window_get_question (window) == second);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-question", NULL));
  g_assert_true (pyprep_window_get_question (window) == first);

  close_window (window);
}

/* Back and forward retrace the questions opened, like a browser. */
static void
test_history (void)
{
  PyprepWindow *window = new_window (library);
  g_autoptr(GPtrArray) all = pyprep_library_list_questions (library);
  GtkWidget *w = GTK_WIDGET (window);

  pyprep_window_show_question (window, all->pdata[10]);
  pyprep_window_show_question (window, all->pdata[60]);
  pyprep_window_show_question (window, all->pdata[120]);

  g_assert_true (gtk_widget_activate_action (w, "win.history-back", NULL));
  g_assert_true (pyprep_window_get_question (window) == all->pdata[60]);
  g_assert_true (gtk_widget_activate_action (w, "win.history-back", NULL));
  g_assert_true (pyprep_window_get_question (window) == all->pdata[10]);
  g_assert_true (gtk_widget_activate_action (w, "win.history-forward", NULL));
  g_assert_true (pyprep_window_get_question (window) == all->pdata[60]);

  /* Opening another question drops what was ahead. */
  pyprep_window_show_question (window, all->pdata[200]);
  gtk_widget_activate_action (w, "win.history-forward", NULL);
  g_assert_true (pyprep_window_get_question (window) == all->pdata[200]);
  g_assert_true (gtk_widget_activate_action (w, "win.history-back", NULL));
  g_assert_true (pyprep_window_get_question (window) == all->pdata[60]);

  close_window (window);
}

/* The position of @question in @model, which must hold it. */
static guint
position_in (GListModel     *model,
             PyprepQuestion *question)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PyprepQuestion) other = g_list_model_get_item (model, i);

      if (other == question)
        return i;
    }
  g_assert_not_reached ();
}

/* Where the user is, as they see it: @question is on show, the header
 * says its topic and its place in it, the sidebar's list selects it, and
 * next and previous move within its topic. */
static void
assert_where (PyprepWindow   *window,
              PyprepQuestion *question)
{
  PyprepTopic *topic = pyprep_question_get_topic (question);
  GListModel *questions = pyprep_topic_get_questions (topic);
  guint n = g_list_model_get_n_items (questions);
  guint position = position_in (questions, question);
  g_autofree char *place = g_strdup_printf ("Question %u of %u", position + 1, n);
  AdwWindowTitle *title = ADW_WINDOW_TITLE (part (window, "content_title"));
  GtkListView *list = GTK_LIST_VIEW (part (window, "question_list"));
  PyprepSidebar *sidebar = PYPREP_SIDEBAR (part (window, "sidebar"));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  PyprepQuestionSlot *slot = gtk_single_selection_get_selected_item (selection);

  g_assert_true (pyprep_window_get_question (window) == question);
  /* Folded to a phone's width, the place is the title and the topic its
   * tooltip (fit_content_title ()). */
  if (adw_leaflet_get_folded (ADW_LEAFLET (part (window, "leaflet"))))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (title));

      g_assert_cmpstr (adw_window_title_get_title (title), ==, place);
      g_assert_cmpstr (tooltip, ==, pyprep_topic_get_title (topic));
    }
  else
    {
      g_assert_cmpstr (adw_window_title_get_title (title), ==, pyprep_topic_get_title (topic));
      g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, place);
    }
  g_assert_nonnull (slot);
  g_assert_true (pyprep_question_slot_get_question (slot) == question);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, n);

  if (position + 1 < n)
    {
      g_autoptr(PyprepQuestion) next = g_list_model_get_item (questions, position + 1);

      g_assert_true (pyprep_sidebar_get_neighbour (sidebar, 1) == next);
    }
  else
    g_assert_null (pyprep_sidebar_get_neighbour (sidebar, 1));
  if (position > 0)
    {
      g_autoptr(PyprepQuestion) previous = g_list_model_get_item (questions, position - 1);

      g_assert_true (pyprep_sidebar_get_neighbour (sidebar, -1) == previous);
    }
  else
    g_assert_null (pyprep_sidebar_get_neighbour (sidebar, -1));
}

/* The row of @question is in the visible part of the question list. */
static void
assert_row_in_view (PyprepWindow   *window,
                    PyprepQuestion *question)
{
  GtkWidget *list = GTK_WIDGET (part (window, "question_list"));
  GtkWidget *scroller = gtk_widget_get_parent (list);
  g_autoptr(GPtrArray) rows = NULL;
  gboolean found = FALSE;

  wait_frames ();
  rows = shown_question_rows (list);
  for (guint i = 0; i < rows->len; i++)
    {
      graphene_rect_t bounds;

      if (pyprep_question_row_get_question (rows->pdata[i]) != question)
        continue;
      g_assert_true (gtk_widget_compute_bounds (rows->pdata[i], scroller, &bounds));
      g_assert_cmpfloat (bounds.origin.y, >=, 0);
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scroller));
      found = TRUE;
    }
  g_assert_true (found);
}

/* Whichever way a question is opened (a search result, a link in an
 * answer, back and forward, a link in Practice), the header, the sidebar and next/previous
 * follow it, not the list browsed before. */
static void
test_position_follows_question (void)
{
  PyprepWindow *window = new_window (library);
  GtkWidget *w = GTK_WIDGET (window);
  g_autoptr(PyprepTopic) browsed = g_list_model_get_item (pyprep_library_get_topics (library), 0);
  g_autoptr(PyprepQuestion) before = g_list_model_get_item (pyprep_topic_get_questions (browsed), 7);
  PyprepQuestion *gil = pyprep_library_lookup_question (library, "gil-what-and-why");
  PyprepTopic *far_topic = NULL;
  g_autoptr(PyprepQuestion) linked = NULL;
  g_autoptr(PyprepQuestion) after_gil = NULL;
  GListModel *results;

  g_assert_nonnull (gil);
  g_assert_true (pyprep_question_get_topic (gil) != browsed);
  pyprep_window_show_question (window, before);
  assert_where (window, before);

  /* From the search, the results staying in the sidebar. */
  g_assert_true (gtk_widget_activate_action (w, "win.search", NULL));
  results = search_for (window, "GIL");
  g_signal_emit_by_name (part (window, "results_list"), "activate", position_in (results, gil));
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (part (window, "sidebar_stack"))), ==, "results");
  assert_where (window, gil);
  after_gil = g_list_model_get_item (pyprep_topic_get_questions (pyprep_question_get_topic (gil)), 1);
  g_assert_true (gtk_widget_activate_action (w, "win.next-question", NULL));
  assert_where (window, after_gil);
  g_assert_true (gtk_widget_activate_action (w, "win.previous-question", NULL));
  assert_where (window, gil);

  /* Leaving the search shows the list it was opened in, selected. */
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (part (window, "search_bar")), FALSE);
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (part (window, "sidebar_stack"))), ==, "questions");
  assert_where (window, gil);
  assert_row_in_view (window, gil);

  /* From a link, to the last question of the longest other topic: its
   * row is scrolled into view. */
  for (guint i = 0; i < g_list_model_get_n_items (pyprep_library_get_topics (library)); i++)
    {
      g_autoptr(PyprepTopic) topic = g_list_model_get_item (pyprep_library_get_topics (library), i);

      if (topic != pyprep_question_get_topic (gil)
          && (far_topic == NULL
              || g_list_model_get_n_items (pyprep_topic_get_questions (topic))
                 > g_list_model_get_n_items (pyprep_topic_get_questions (far_topic))))
        far_topic = topic;
    }
  linked = g_list_model_get_item (pyprep_topic_get_questions (far_topic),
                                  g_list_model_get_n_items (pyprep_topic_get_questions (far_topic)) - 1);
  g_signal_emit_by_name (pyprep_window_get_question_page (window), "open-question", pyprep_question_get_id (linked));
  iterate ();
  assert_where (window, linked);
  assert_row_in_view (window, linked);

  /* Back and forward. */
  g_assert_true (gtk_widget_activate_action (w, "win.history-back", NULL));
  assert_where (window, gil);
  assert_row_in_view (window, gil);
  g_assert_true (gtk_widget_activate_action (w, "win.history-forward", NULL));
  assert_where (window, linked);

  /* From a link in an answer in Practice: the question opens here. */
  g_assert_true (gtk_widget_activate_action (w, "win.practice", NULL));
  iterate ();
  {
    GtkWidget *practice = NULL;
    GtkWidget *card;
    gboolean handled = FALSE;
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && practice == NULL; i++)
      {
        g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

        if (PYPREP_IS_PRACTICE_WINDOW (toplevel))
          practice = toplevel;
      }
    g_assert_nonnull (practice);
    card = find_widget (practice, PYPREP_TYPE_CARD);
    g_assert_nonnull (card);
    g_signal_emit_by_name (child (card, PYPREP_TYPE_CARD, "markdown_view"), "activate-link",
                           "q:gil-what-and-why", &handled);
    iterate ();
    g_assert_true (handled);
    assert_where (window, gil);
    gtk_window_destroy (GTK_WINDOW (practice));
    iterate ();
  }

  close_window (window);
}

/* The result row of @question in the results, or NULL. */
static GtkWidget *
result_row (PyprepWindow   *window,
            PyprepQuestion *question)
{
  GtkWidget *list = GTK_WIDGET (part (window, "results_list"));

  for (GtkWidget *item = gtk_widget_get_first_child (list); item != NULL; item = gtk_widget_get_next_sibling (item))
    for (GtkWidget *row = gtk_widget_get_first_child (item); row != NULL; row = gtk_widget_get_next_sibling (row))
      if (PYPREP_IS_RESULT_ROW (row)
          && g_str_equal (pyprep_row_text_get_text (PYPREP_ROW_TEXT (child (row, PYPREP_TYPE_RESULT_ROW, "title"))),
                          pyprep_question_get_title (question)))
        return row;
  return NULL;
}

static const char *
excerpt_of (GtkWidget *row)
{
  return pyprep_row_text_get_text (PYPREP_ROW_TEXT (child (row, PYPREP_TYPE_RESULT_ROW, "excerpt")));
}

/* A word of a note finds its question, with "Note:" in the result, to
 * the eye and to a screen reader; a note changed while the results are
 * up changes its row, and a note removed finds nothing. */
static void
test_search_notes (void)
{
  PyprepWindow *window = new_window (library);
  g_autoptr(GPtrArray) all = pyprep_library_list_questions (library);
  PyprepQuestion *question = all->pdata[5];
  const char *id = pyprep_question_get_id (question);
  GListModel *results;
  GtkWidget *row;
  g_autofree char *name = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  results = search_for (window, "zebrafish");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);

  pyprep_study_set_note (study, id, "Remember the zebrafish analogy");
  results = search_for (window, "zebrafish");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  wait_frames ();
  row = result_row (window, question);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_suffix (excerpt_of (row), "Note: Remember the zebrafish analogy"));
  name = g_strdup_printf ("%s. Note: Remember the zebrafish analogy", pyprep_question_get_title (question));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name);

  /* Edited elsewhere (the answer's notes, practice) while the results
   * are up: the row follows at once. */
  pyprep_study_set_note (study, id, "The zebrafish analogy, and more");
  row = result_row (window, question);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_suffix (excerpt_of (row), "Note: The zebrafish analogy, and more"));

  /* A result found in the answer has no note marker, even in the row
   * that showed the same question found by its note a moment before
   * (GTK 4.12 and later keep the row of a result still listed). */
  {
    PyprepQuestion *gil = pyprep_library_lookup_question (library, "gil-what-and-why");

    pyprep_study_set_note (study, pyprep_question_get_id (gil), "A zebrafish reminder");
    results = search_for (window, "zebrafish");
    g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
    wait_frames ();
    row = result_row (window, gil);
    g_assert_nonnull (row);
    g_assert_true (g_str_has_suffix (excerpt_of (row), "Note: A zebrafish reminder"));

    results = search_for (window, "GIL");
    wait_frames ();
    row = result_row (window, gil);
    g_assert_nonnull (row);
    g_assert_null (strstr (excerpt_of (row), "Note:"));
    g_assert_nonnull (strstr (excerpt_of (row), "GIL"));
    pyprep_study_set_note (study, pyprep_question_get_id (gil), NULL);
  }

  pyprep_study_set_note (study, id, NULL);
  results = search_for (window, "zebrafish");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);

  close_window (window);
}

static int
title_font_size (PyprepWindow *window)
{
  GtkWidget *page = pyprep_window_get_question_page (window);
  GtkWidget *title = GTK_WIDGET (child (page, PYPREP_TYPE_QUESTION_PAGE, "title_label"));

  return pango_font_description_get_size (pango_context_get_font_description (gtk_widget_get_pango_context (title)));
}

/* Zoom changes the answer's text size, and Ctrl+0 restores it. */
static void
test_zoom (void)
{
  PyprepWindow *window = new_window (library);
  g_autoptr(GPtrArray) all = pyprep_library_list_questions (library);
  int normal, bigger, back;

  pyprep_window_show_question (window, all->pdata[0]);
  wait_frames ();
  normal = title_font_size (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  wait_frames ();
  bigger = title_font_size (window);
  g_assert_cmpint (bigger, >, normal);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL));
  wait_frames ();
  back = title_font_size (window);
  g_assert_cmpint (back, ==, normal);

  close_window (window);
}

/* Preferences write their settings, and the window follows the text size. */
static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  PyprepWindow *window = new_window (library);
  g_autoptr(GPtrArray) all = pyprep_library_list_questions (library);
  g_autoptr(PyprepSettings) prefs_settings = pyprep_settings_new_for_gsettings (settings);
  GtkWidget *prefs = pyprep_preferences_window_new (GTK_WINDOW (window), prefs_settings);
  g_autofree char *scheme = NULL;
  int normal;

  pyprep_window_show_question (window, all->pdata[0]);
  wait_frames ();
  normal = title_font_size (window);

  adw_combo_row_set_selected (ADW_COMBO_ROW (child (prefs, PYPREP_TYPE_PREFERENCES_WINDOW, "scheme_row")), 2);
  scheme = g_settings_get_string (settings, "color-scheme");
  g_assert_cmpstr (scheme, ==, "dark");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (prefs, PYPREP_TYPE_PREFERENCES_WINDOW, "scale_spin")), 150);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-scale"), 1.5, 0.001);
  gtk_switch_set_active (GTK_SWITCH (child (prefs, PYPREP_TYPE_PREFERENCES_WINDOW, "read_switch")), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "mark-read-on-open"));

  wait_frames ();
  g_assert_cmpint (title_font_size (window), >, normal);

  /* Off, a new window starts on the topics, not on the last question. */
  gtk_switch_set_active (GTK_SWITCH (child (prefs, PYPREP_TYPE_PREFERENCES_WINDOW, "reopen_switch")), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "reopen-last-question"));
  {
    g_autofree char *last = g_settings_get_string (settings, "last-question");
    PyprepWindow *second = new_window (library);

    g_assert_cmpstr (last, ==, pyprep_question_get_id (all->pdata[0]));
    g_assert_null (pyprep_window_get_question (second));
    close_window (second);
  }
  gtk_switch_set_active (GTK_SWITCH (child (prefs, PYPREP_TYPE_PREFERENCES_WINDOW, "reopen_switch")), TRUE);
  {
    PyprepWindow *third = new_window (library);

    g_assert_true (pyprep_window_get_question (third) == all->pdata[0]);
    close_window (third);
  }

  /* Reviews: the day's limit, and the desired retention in percent,
   * shown and written as stored (0.70 .. 0.97). */
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (child (prefs, PYPREP_TYPE_PREFERENCES_WINDOW,
                                                                        "retention_spin"))), ==, 90);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (prefs, PYPREP_TYPE_PREFERENCES_WINDOW, "retention_spin")), 95);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "desired-retention"), 0.95, 1e-9);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (prefs, PYPREP_TYPE_PREFERENCES_WINDOW, "retention_spin")), 99);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "desired-retention"), 0.97, 1e-9);
  g_settings_set_double (settings, "desired-retention", 0.8);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (child (prefs, PYPREP_TYPE_PREFERENCES_WINDOW,
                                                                        "retention_spin"))), ==, 80);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (prefs, PYPREP_TYPE_PREFERENCES_WINDOW, "reviews_per_day_spin")),
                             50);
  g_assert_cmpuint (g_settings_get_uint (settings, "max-reviews-per-day"), ==, 50);

  gtk_window_destroy (GTK_WINDOW (prefs));
  g_settings_reset (settings, "color-scheme");
  g_settings_reset (settings, "text-scale");
  g_settings_reset (settings, "mark-read-on-open");
  g_settings_reset (settings, "desired-retention");
  g_settings_reset (settings, "max-reviews-per-day");
  wait_frames ();
  close_window (window);
}

/* Over the day's limit of reviews, the start page says how many wait. */
static void
test_practice_review_limit (void)
{
  g_autoptr(GSettings) gsettings = g_settings_new (APPLICATION_ID);
  g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) before = g_date_time_add_days (now, -3);
  g_autoptr(GDateTime) step = g_date_time_add_minutes (before, 10);
  g_autoptr(PyprepTopic) topic = g_list_model_get_item (pyprep_library_get_topics (library), 0);
  PyprepPracticeWindow *practice;
  const char *subtitle;

  /* Three questions learnt three days ago, due again yesterday. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PyprepQuestion) question = g_list_model_get_item (pyprep_topic_get_questions (topic), i);

      pyprep_study_record_review (study, pyprep_question_get_id (question), PYPREP_GRADE_GOOD, before);
      pyprep_study_record_review (study, pyprep_question_get_id (question), PYPREP_GRADE_GOOD, step);
    }
  g_settings_set_uint (gsettings, "max-reviews-per-day", 1);

  practice = pyprep_practice_window_new (NULL, library, study, test_settings ());
  gtk_window_present (GTK_WINDOW (practice));
  iterate ();
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (part (practice, "start_button"))));
  g_assert_true (gtk_label_get_label (GTK_LABEL (part (practice, "count_label")))[0] == '1');
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (part (practice, "count_row")));
  g_assert_nonnull (strstr (subtitle, "2 more reviews are due but wait for tomorrow"));
  g_assert_nonnull (strstr (subtitle, "Reviews per Day (now 1)"));

  g_settings_set_uint (gsettings, "max-reviews-per-day", 0);
  iterate ();
  g_assert_true (gtk_label_get_label (GTK_LABEL (part (practice, "count_label")))[0] == '3');
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (part (practice, "count_row"))), ==, "");

  gtk_window_destroy (GTK_WINDOW (practice));
  g_settings_reset (gsettings, "max-reviews-per-day");
  iterate ();
}

/* With an interview date, the start page shows the date and the days
 * left, and the session follows the plan within the minutes a day; a
 * date that cannot be read is said so and kept. */
static void
test_practice_interview (void)
{
  g_autoptr(GSettings) gsettings = g_settings_new (APPLICATION_ID);
  g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) before = g_date_time_add_days (now, -3);
  g_autoptr(GDateTime) step = g_date_time_add_minutes (before, 10);
  g_autoptr(GDateTime) interview = g_date_time_add_days (now, 10);
  g_autofree char *date = g_date_time_format (interview, "%Y-%m-%d");
  g_autoptr(PyprepTopic) topic = g_list_model_get_item (pyprep_library_get_topics (library), 0);
  PyprepPracticeWindow *practice;
  const char *subtitle;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PyprepQuestion) question = g_list_model_get_item (pyprep_topic_get_questions (topic), i);

      pyprep_study_record_review (study, pyprep_question_get_id (question), PYPREP_GRADE_GOOD, before);
      pyprep_study_record_review (study, pyprep_question_get_id (question), PYPREP_GRADE_GOOD, step);
    }

  practice = pyprep_practice_window_new (NULL, library, study, test_settings ());
  gtk_window_present (GTK_WINDOW (practice));
  iterate ();
  g_assert_true (gtk_label_get_label (GTK_LABEL (part (practice, "count_label")))[0] == '3');
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (part (practice, "interview_row"))),
                                   "None"));

  /* Five minutes a day at a minute a card: two new essentials (two
   * cards each) and one review; the other reviews wait, and the page
   * says why. */
  g_settings_set_uint (gsettings, "daily-minutes", 5);
  g_settings_set_string (gsettings, "interview-date", date);
  iterate ();
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (part (practice, "interview_row"))),
                                   "in 10 days"));
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (part (practice, "count_row")));
  g_assert_nonnull (strstr (subtitle, "2 more questions would be forgotten by the interview"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (part (practice, "count_label"))), ==, "1 due, 0 weak, 2 new");

  g_settings_set_string (gsettings, "interview-date", "someday");
  iterate ();
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (part (practice, "interview_row"))),
                            "cannot be read"));
  {
    g_autofree char *kept = g_settings_get_string (gsettings, "interview-date");

    g_assert_cmpstr (kept, ==, "someday");
  }
  g_assert_true (gtk_label_get_label (GTK_LABEL (part (practice, "count_label")))[0] == '3');

  /* The calendar sets a day; a past day cannot be set; Clear removes it. */
  {
    GtkWidget *row = GTK_WIDGET (part (practice, "interview_row"));
    GtkMenuButton *choose = GTK_MENU_BUTTON (gtk_widget_get_template_child (row, PYPREP_TYPE_INTERVIEW_ROW,
                                                                            "choose_button"));
    GtkCalendar *calendar = GTK_CALENDAR (gtk_widget_get_template_child (row, PYPREP_TYPE_INTERVIEW_ROW,
                                                                         "calendar"));
    GtkWidget *set = GTK_WIDGET (gtk_widget_get_template_child (row, PYPREP_TYPE_INTERVIEW_ROW, "set_button"));
    GtkWidget *clear = GTK_WIDGET (gtk_widget_get_template_child (row, PYPREP_TYPE_INTERVIEW_ROW, "clear_button"));
    g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
    g_autofree char *stored = NULL;

    gtk_menu_button_popup (choose);
    iterate ();
    gtk_calendar_select_day (calendar, yesterday);
    g_assert_false (gtk_widget_get_sensitive (set));
    gtk_calendar_select_day (calendar, interview);
    g_assert_true (gtk_widget_get_sensitive (set));
    g_signal_emit_by_name (set, "clicked");
    iterate ();
    stored = g_settings_get_string (gsettings, "interview-date");
    g_assert_cmpstr (stored, ==, date);
    g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "in 10 days"));

    gtk_menu_button_popup (choose);
    iterate ();
    g_signal_emit_by_name (clear, "clicked");
    iterate ();
    g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "None"));
  }

  gtk_window_destroy (GTK_WINDOW (practice));
  g_settings_reset (gsettings, "interview-date");
  g_settings_reset (gsettings, "daily-minutes");
  iterate ();
}

/* Once the day's new questions are started and nothing is due, Start
 * Practice is greyed out, and says why. */
static void
test_practice_start_reason (void)
{
  g_autoptr(GSettings) gsettings = g_settings_new (APPLICATION_ID);
  g_autoptr(PyprepStudy) today = pyprep_study_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(PyprepQuestion) first = NULL;
  g_autoptr(PyprepTopic) topic = g_list_model_get_item (pyprep_library_get_topics (library), 0);
  PyprepPracticeWindow *practice;
  const char *subtitle;

  first = g_list_model_get_item (pyprep_topic_get_questions (topic), 0);
  g_settings_set_uint (gsettings, "new-per-day", 1);
  /* Easy: put away for days (Good would leave it in a learning step, due
   * again today). */
  pyprep_study_record_review (today, pyprep_question_get_id (first), PYPREP_GRADE_EASY, now);

  practice = pyprep_practice_window_new (NULL, library, today, test_settings ());
  gtk_window_present (GTK_WINDOW (practice));
  iterate ();
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (part (practice, "start_button"))));
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (part (practice, "count_row")));
  g_assert_nonnull (strstr (subtitle, "today’s 1 new question is started"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (part (practice, "start_button"))), ==, subtitle);

  gtk_window_destroy (GTK_WINDOW (practice));
  g_settings_reset (gsettings, "new-per-day");
  iterate ();

  /* Back from a session's summary, Space does not start another: the
   * focus is on the choice of list. */
  practice = pyprep_practice_window_new (NULL, library, today, test_settings ());
  gtk_window_present (GTK_WINDOW (practice));
  iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (practice), "practice.show-start", NULL));
  iterate ();
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (practice));
    GtkWidget *scope_row = GTK_WIDGET (part (practice, "scope_row"));

    g_assert_nonnull (focus);
    g_assert_true (focus == scope_row || gtk_widget_is_ancestor (focus, scope_row));
  }
  gtk_window_destroy (GTK_WINDOW (practice));
  iterate ();
}

/* Whether a label under @widget shows @text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;

  return FALSE;
}

typedef struct
{
  GtkWidget *probe;     /* a button bound to win.import-progress */
  gboolean   changed;   /* the record took the import */
  gboolean   blocked;   /* and Import could not start meanwhile */
} ImportProbe;

static void
import_changed_cb (PyprepStudy *study,
                   const char  *id,
                   ImportProbe *probe)
{
  probe->changed = TRUE;
  probe->blocked = probe->blocked && !gtk_widget_get_sensitive (probe->probe);
}

/* Runs the main loop, within 10 s, until @window shows a dialog and the
 * import has ended; returns the dialog. */
static GtkWidget *
wait_alert_and_import (PyprepWindow *window,
                       GtkWidget    *probe)
{
  for (gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       (pyprep_alert_get_shown (GTK_WIDGET (window)) == NULL || !gtk_widget_get_sensitive (probe))
       && g_get_monotonic_time () < deadline;)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  iterate ();
  return pyprep_alert_get_shown (GTK_WIDGET (window));
}

/* Importing asks Merge or Replace, then runs off the main thread: while
 * the record takes the file, another import cannot start; then the
 * file's record is there and Import is back. A bad file shows the same
 * error as before and changes nothing. */
static void
test_import_progress (void)
{
  g_autoptr(GError) tmp_error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pyprep-window-import-XXXXXX", &tmp_error);
  g_autofree char *log_path = g_build_filename (dir, "review-log.sqlite", NULL);
  g_autofree char *path = g_build_filename (dir, "progress.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ImportProbe probe = { NULL, FALSE, TRUE };
  PyprepReviewState state;
  PyprepWindow *window;
  GtkWidget *alert;
  gulong handler;

  g_assert_no_error (tmp_error);
  g_assert_true (pyprep_study_open_review_log (study, log_path));
  {
    g_autoptr(PyprepStudy) other = pyprep_study_new (NULL);
    g_autofree char *json = NULL;

    pyprep_study_set_bookmarked (other, "gil", TRUE);
    pyprep_study_record_review (other, "mro", PYPREP_GRADE_GOOD, now);
    json = pyprep_study_export_json (other, now);
    g_assert_true (g_file_set_contents (path, json, -1, NULL));
  }

  window = pyprep_window_new_for_library (NULL, library, study, test_settings ());
  gtk_window_present (GTK_WINDOW (window));
  probe.probe = gtk_button_new_with_label ("Import");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe.probe), "win.import-progress");
  gtk_box_append (GTK_BOX (part (window, "content")), probe.probe);
  iterate ();
  g_assert_true (gtk_widget_get_sensitive (probe.probe));
  handler = g_signal_connect (study, "changed", G_CALLBACK (import_changed_cb), &probe);

  _pyprep_window_import_file (window, file);
  for (gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       pyprep_alert_get_shown (GTK_WIDGET (window)) == NULL && g_get_monotonic_time () < deadline;)
    g_main_context_iteration (NULL, FALSE);
  alert = pyprep_alert_get_shown (GTK_WIDGET (window));
  g_assert_nonnull (alert);
  g_assert_false (pyprep_study_get_bookmarked (study, "gil"));
  pyprep_alert_respond (alert, "merge");
  for (gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
       !probe.changed && g_get_monotonic_time () < deadline;)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  iterate ();
  g_assert_true (probe.changed);
  g_assert_true (probe.blocked);
  g_assert_true (gtk_widget_get_sensitive (probe.probe));
  g_assert_true (pyprep_study_get_bookmarked (study, "gil"));
  g_assert_true (pyprep_study_get_review (study, "mro", &state));
  g_assert_cmpuint (state.reps, ==, 1);
  g_assert_null (pyprep_alert_get_shown (GTK_WIDGET (window)));
  g_signal_handler_disconnect (study, handler);

  /* A file from a newer PyPrep: the same error as ever, nothing changed. */
  before = pyprep_study_export_json (study, now);
  g_assert_true (g_file_set_contents (path, "{ \"format\": \"pyprep-study\", \"version\": 99, "
                                      "\"questions\": {}, \"activity\": {} }", -1, NULL));
  _pyprep_window_import_file (window, file);
  alert = wait_alert_and_import (window, probe.probe);
  g_assert_nonnull (alert);
  pyprep_alert_respond (alert, "replace");
  wait_alert_gone (window);
  alert = wait_alert_and_import (window, probe.probe);
  g_assert_nonnull (alert);
  g_assert_true (shows_text (alert, "Could Not Import Progress"));
  g_assert_true (shows_text (alert, "format version 99"));
  pyprep_alert_respond (alert, "close");
  wait_alert_gone (window);
  after = pyprep_study_export_json (study, now);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (gtk_widget_get_sensitive (probe.probe));

  close_window (window);
  g_clear_object (&study);
  g_unlink (path);
  {
    const char *suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *name = g_strconcat (log_path, suffixes[i], NULL);

        g_unlink (name);
      }
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  allow_alert_heading_measure ();
  adw_init ();
  gtk_source_init ();

  library = pyprep_library_new ();
  pyprep_library_load_resources (library, RESOURCE_PREFIX "/content");
  {
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

    study = pyprep_study_new (settings);
  }

  g_test_add_func ("/pyprep/window/topics-and-question", test_topics_and_question);
  g_test_add_func ("/pyprep/window/size-restored", test_window_size_restored);
  g_test_add_func ("/pyprep/window/topics-list-complete", test_topics_list_complete);
  g_test_add_func ("/pyprep/window/question-links", test_question_links);
  g_test_add_func ("/pyprep/window/folded-row-reopens", test_folded_row_reopens);
  g_test_add_func ("/pyprep/window/problem-banner", test_problem_banner);
  g_test_add_func ("/pyprep/window/record-banner", test_record_banner);
  g_test_add_func ("/pyprep/window/review-log-banner", test_review_log_banner);
  g_test_add_func ("/pyprep/window/practice-start-reason", test_practice_start_reason);
  g_test_add_func ("/pyprep/window/study-actions", test_study_actions);
  g_test_add_func ("/pyprep/window/topic-change-keeps-rows", test_topic_change_keeps_rows);
  g_test_add_func ("/pyprep/window/smart-lists-and-progress", test_smart_lists_and_progress);
  g_test_add_func ("/pyprep/window/notes", test_notes);
  g_test_add_func ("/pyprep/window/reset-and-undo", test_reset_and_undo);
  g_test_add_func ("/pyprep/window/import-progress", test_import_progress);
  g_test_add_func ("/pyprep/window/search", test_search);
  g_test_add_func ("/pyprep/window/search-scopes", test_search_scopes);
  g_test_add_func ("/pyprep/window/next-previous", test_next_previous);
  g_test_add_func ("/pyprep/window/history", test_history);
  g_test_add_func ("/pyprep/window/position-follows-question", test_position_follows_question);
  g_test_add_func ("/pyprep/window/search-notes", test_search_notes);
  g_test_add_func ("/pyprep/window/zoom", test_zoom);
  g_test_add_func ("/pyprep/window/preferences", test_preferences);
  g_test_add_func ("/pyprep/window/practice-review-limit", test_practice_review_limit);
  g_test_add_func ("/pyprep/window/practice-interview", test_practice_interview);

  status = g_test_run ();
  g_clear_object (&study);
  g_clear_object (&library);
  return status;
}
