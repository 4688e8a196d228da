/* test-practice-page.c: the practice card and the mock interview widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "pyprep-card.h"
#include "pyprep-library.h"
#include "pyprep-mock-interview.h"
#include "pyprep-note-editor.h"
#include "pyprep-practice-page.h"
#include "pyprep-practice-session.h"
#include "pyprep-practice-window.h"
#include "pyprep-question.h"
#include "pyprep-settings.h"
#include "pyprep-topic.h"
#include "test-util.h"

static const char deck[] =
  "---\nid: alpha\ntitle: Alpha\norder: 1\n---\n\n"
  "# What is one?\nid: one\ndifficulty: junior\n\n## Short answer\n\nThe first.\n\n"
  "## Pitfalls and follow-ups\n\n- *And zero?* Zero comes before.\n\n"
  "# What is two?\nid: two\ndifficulty: mid\n\n## Short answer\n\nThe second.\n";

static PyprepLibrary *
sample_library (void)
{
  PyprepLibrary *library = pyprep_library_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (deck, strlen (deck));

  g_assert_true (pyprep_library_load_bytes (library, "alpha.md", bytes));
  return library;
}

/* Whether any label under @widget shows @text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_text (c, text))
      return TRUE;

  return FALSE;
}

static void
test_practice_card (void)
{
  g_autoptr(PyprepLibrary) library = sample_library ();
  g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(PyprepPracticeSession) session = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = pyprep_practice_page_new ();
  GtkWidget *card = child (page, PYPREP_TYPE_PRACTICE_PAGE, "card");
  GtkTextView *scratch;
  GtkWidget *answer;
  g_autofree char *log_dir = g_dir_make_tmp ("pyprep-practice-log-XXXXXX", NULL);
  g_autofree char *log_path = g_build_filename (log_dir, "review-log.sqlite", NULL);

  g_assert_true (pyprep_study_open_review_log (study, log_path));

  g_object_ref (page);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));

  pyprep_study_set_note (study, "one", "Mine.");
  session = pyprep_practice_session_new (library, study, PYPREP_SCOPE_ALL, NULL, 20, now);
  pyprep_practice_page_start (PYPREP_PRACTICE_PAGE (page), session, study);
  iterate ();

  /* The answer is hidden, and not even rendered yet. */
  answer = child (card, PYPREP_TYPE_CARD, "markdown_view");
  g_assert_false (pyprep_practice_page_get_revealed (PYPREP_PRACTICE_PAGE (page)));
  g_assert_false (gtk_revealer_get_reveal_child (child (card, PYPREP_TYPE_CARD, "answer_revealer")));
  g_assert_false (shows_text (answer, "The first."));
  g_assert_cmpstr (gtk_progress_bar_get_text (child (page, PYPREP_TYPE_PRACTICE_PAGE, "progress_bar")),
                   ==, "Card 1 of 2");

  /* Grading before revealing does nothing. */
  pyprep_practice_page_grade (PYPREP_PRACTICE_PAGE (page), PYPREP_GRADE_GOOD);
  g_assert_cmpuint (pyprep_practice_session_get_position (session), ==, 0);

  /* The scratch answer is kept only on request, under the old note. */
  scratch = child (card, PYPREP_TYPE_CARD, "scratch_view");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (scratch), "  My answer.  ", -1);
  g_assert_cmpstr (pyprep_study_get_note (study, "one"), ==, "Mine.");
  gtk_widget_grab_focus (GTK_WIDGET (scratch));
  g_signal_emit_by_name (child (page, PYPREP_TYPE_PRACTICE_PAGE, "keep_button"), "clicked");
  g_assert_cmpstr (pyprep_study_get_note (study, "one"), ==, "Mine.\n\nMy answer.");
  /* The focus goes back to the card, out of the text: Space and 1 to 4 work. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_is_ancestor (focus, card));
    g_assert_false (focus == GTK_WIDGET (scratch) || gtk_widget_is_ancestor (focus, GTK_WIDGET (scratch)));
  }

  pyprep_practice_page_reveal (PYPREP_PRACTICE_PAGE (page));
  iterate ();
  g_assert_true (gtk_revealer_get_reveal_child (child (card, PYPREP_TYPE_CARD, "answer_revealer")));
  g_assert_true (shows_text (answer, "The first."));
  /* The buttons show the intervals of a new card: its learning steps
   * (1 min, 5 min halfway to the second, 10 min), and Easy's 8 days,
   * fuzzed to 6 to 10. */
  g_assert_true (shows_text (child (card, PYPREP_TYPE_CARD, "grades_box"), "1 min"));
  g_assert_true (shows_text (child (card, PYPREP_TYPE_CARD, "grades_box"), "5 min"));
  g_assert_true (shows_text (child (card, PYPREP_TYPE_CARD, "grades_box"), "10 min"));
  {
    gboolean easy_shown = FALSE;

    for (int days = 6; days <= 10; days++)
      {
        g_autofree char *label = g_strdup_printf ("%d days", days);

        easy_shown |= shows_text (child (card, PYPREP_TYPE_CARD, "grades_box"), label);
      }
    g_assert_true (easy_shown);
  }

  pyprep_practice_page_grade (PYPREP_PRACTICE_PAGE (page), PYPREP_GRADE_GOOD);
  iterate ();
  /* The next card starts hidden again, with an empty scratch area. */
  g_assert_false (pyprep_practice_page_get_revealed (PYPREP_PRACTICE_PAGE (page)));
  g_assert_cmpint (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (scratch)), ==, 0);
  g_assert_false (shows_text (answer, "The second."));

  pyprep_practice_page_reveal (PYPREP_PRACTICE_PAGE (page));
  pyprep_practice_page_grade (PYPREP_PRACTICE_PAGE (page), PYPREP_GRADE_AGAIN);
  iterate ();

  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, PYPREP_TYPE_PRACTICE_PAGE, "stack")),
                   ==, "summary");
  g_assert_cmpstr (gtk_label_get_text (child (page, PYPREP_TYPE_PRACTICE_PAGE, "reviewed_label")),
                   ==, "2 questions");
  g_assert_cmpstr (gtk_label_get_text (child (page, PYPREP_TYPE_PRACTICE_PAGE, "passed_label")),
                   ==, "50% (1 of 2)");
  g_assert_cmpstr (adw_action_row_get_subtitle (child (page, PYPREP_TYPE_PRACTICE_PAGE, "weak_row")),
                   ==, "Alpha");
  /* The focus rests on a line of the summary that does nothing when
   * pressed, not on Done. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == child (page, PYPREP_TYPE_PRACTICE_PAGE, "reviewed_row"));
  g_assert_false (gtk_list_box_row_get_activatable (child (page, PYPREP_TYPE_PRACTICE_PAGE, "reviewed_row")));
  g_assert_cmpint (pyprep_study_get_status (study, "one"), ==, PYPREP_STATUS_LEARNING);
  g_assert_cmpint (pyprep_study_get_status (study, "two"), ==, PYPREP_STATUS_NEEDS_REVIEW);

  /* Both grades are in the review log, each with the time it took. */
  {
    g_autoptr(GPtrArray) logged = pyprep_review_log_query (pyprep_study_get_review_log (study), NULL, 0,
                                                           G_MAXINT64, NULL);

    g_assert_cmpuint (logged->len, ==, 2);
    for (guint i = 0; i < logged->len; i++)
      {
        PyprepReviewEntry *entry = logged->pdata[i];

        g_assert_cmpint (entry->kind, ==, PYPREP_REVIEW_KIND_RECALL);
        g_assert_cmpint (entry->seconds, >=, 0);  /* known, not -1 */
      }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_assert_finalize_object (page);
  g_clear_object (&study);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *path = g_strconcat (log_path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);

      g_unlink (path);
    }
  g_rmdir (log_dir);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The note is under the revealed answer, hidden with it; what is typed
 * there is kept when the next card comes, and Keep as Note shows there. */
static void
test_note_under_answer (void)
{
  g_autoptr(PyprepLibrary) library = sample_library ();
  g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(PyprepPracticeSession) session = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = pyprep_practice_page_new ();
  GtkWidget *card = child (page, PYPREP_TYPE_PRACTICE_PAGE, "card");
  PyprepNoteEditor *editor = child (page, PYPREP_TYPE_PRACTICE_PAGE, "note_editor");
  GtkTextBuffer *note = pyprep_note_editor_get_buffer (editor);
  GtkTextView *scratch = child (card, PYPREP_TYPE_CARD, "scratch_view");
  const char *first, *second;
  g_autofree char *shown = NULL;
  g_autofree char *kept = NULL;

  g_object_ref (page);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));

  pyprep_study_set_note (study, "one", "Mine.");
  pyprep_study_set_note (study, "two", NULL);
  session = pyprep_practice_session_new (library, study, PYPREP_SCOPE_ALL, NULL, 20, now);
  pyprep_practice_page_start (PYPREP_PRACTICE_PAGE (page), session, study);
  iterate ();
  first = pyprep_question_get_id (pyprep_practice_session_get_current (session));
  g_assert_cmpstr (first, ==, "one");

  /* Hidden with the answer. */
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (editor), child (card, PYPREP_TYPE_CARD, "answer_revealer")));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (editor)));

  pyprep_practice_page_reveal (PYPREP_PRACTICE_PAGE (page));
  wait_frames ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  shown = buffer_text (note);
  g_assert_cmpstr (shown, ==, "Mine.");

  /* Edited there, kept as the next card comes. */
  gtk_text_buffer_set_text (note, "Mine, and more. ", -1);
  pyprep_practice_page_grade (PYPREP_PRACTICE_PAGE (page), PYPREP_GRADE_GOOD);
  iterate ();
  g_assert_cmpstr (pyprep_study_get_note (study, "one"), ==, "Mine, and more.");
  second = pyprep_question_get_id (pyprep_practice_session_get_current (session));
  g_assert_cmpstr (second, ==, "two");
  g_assert_cmpint (gtk_text_buffer_get_char_count (note), ==, 0);

  /* Keep as Note shows under the answer at once. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (scratch), "Kept.", -1);
  g_signal_emit_by_name (child (page, PYPREP_TYPE_PRACTICE_PAGE, "keep_button"), "clicked");
  kept = buffer_text (note);
  g_assert_cmpstr (kept, ==, "Kept.");
  g_assert_cmpstr (pyprep_study_get_note (study, "two"), ==, "Kept.");

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_assert_finalize_object (page);
}

static void
graded_cb (PyprepCard *card,
           int         grade,
           int        *last)
{
  *last = grade;
}

/* Presses @keyval on @card as its shortcuts see it: the shortcut whose
 * trigger is the key runs.
 * Returns: whether the card took the key */
static gboolean
press (GtkWidget       *card,
       guint            keyval,
       GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (card);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      /* Heard wherever the focus is in the window, before the focus. */
      g_assert_cmpint (gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)), ==,
                       GTK_SHORTCUT_SCOPE_GLOBAL);
      g_assert_cmpint (gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)), ==,
                       GTK_PHASE_CAPTURE);
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == state)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, card,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
      return FALSE;
    }

  g_assert_not_reached ();
}

static GtkWidget *
focus_of (GtkWidget *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* The card's keys: Space reveals, 1 to 4 grade once revealed; while
 * typing, keys type except Ctrl+Return (reveal) and Escape (leave). */
/* Ctrl+Z after a grade: the same card back with its answer shown, and
 * its new grade logged instead of the first, not beside it. Not once the
 * session has ended. */
static void
test_undo_grade (void)
{
  g_autoptr(PyprepLibrary) library = sample_library ();
  g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(PyprepPracticeSession) session = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *page = pyprep_practice_page_new ();
  GtkProgressBar *progress = child (page, PYPREP_TYPE_PRACTICE_PAGE, "progress_bar");
  g_autofree char *log_dir = g_dir_make_tmp ("pyprep-practice-undo-XXXXXX", NULL);
  g_autofree char *log_path = g_build_filename (log_dir, "review-log.sqlite", NULL);
  PyprepQuestion *first;

  g_assert_true (pyprep_study_open_review_log (study, log_path));
  g_object_ref (page);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));

  session = pyprep_practice_session_new (library, study, PYPREP_SCOPE_ALL, NULL, 20, now);
  pyprep_practice_page_start (PYPREP_PRACTICE_PAGE (page), session, study);
  iterate ();
  first = pyprep_practice_session_get_current (session);

  /* Nothing to undo before a grade. */
  g_assert_false (gtk_widget_activate_action (page, "practice.undo-grade", NULL)
                  && pyprep_practice_session_get_position (session) != 0);

  pyprep_practice_page_reveal (PYPREP_PRACTICE_PAGE (page));
  pyprep_practice_page_grade (PYPREP_PRACTICE_PAGE (page), PYPREP_GRADE_AGAIN);
  iterate ();
  g_assert_cmpstr (gtk_progress_bar_get_text (progress), ==, "Card 2 of 2");
  g_assert_cmpstr (pyprep_study_get_grades (study, pyprep_question_get_id (first)), ==, "1");
  /* The toast, for a person to look at. */
  wait_frames ();
  g_free (save_png (window, "practice-undo-toast-360"));

  g_assert_true (gtk_widget_activate_action (page, "practice.undo-grade", NULL));
  iterate ();
  g_assert_cmpstr (gtk_progress_bar_get_text (progress), ==, "Card 1 of 2");
  g_assert_true (pyprep_practice_session_get_current (session) == first);
  g_assert_true (pyprep_practice_page_get_revealed (PYPREP_PRACTICE_PAGE (page)));
  {
    const char *grades = pyprep_study_get_grades (study, pyprep_question_get_id (first));

    g_assert_true (grades == NULL || *grades == '\0');
  }

  /* Once only. */
  gtk_widget_activate_action (page, "practice.undo-grade", NULL);
  g_assert_cmpstr (gtk_progress_bar_get_text (progress), ==, "Card 1 of 2");

  pyprep_practice_page_grade (PYPREP_PRACTICE_PAGE (page), PYPREP_GRADE_GOOD);
  iterate ();
  g_assert_cmpstr (pyprep_study_get_grades (study, pyprep_question_get_id (first)), ==, "3");
  {
    g_autoptr(GPtrArray) logged = pyprep_review_log_query (pyprep_study_get_review_log (study), NULL, 0,
                                                           G_MAXINT64, NULL);

    g_assert_cmpuint (logged->len, ==, 1);
    g_assert_cmpint (((PyprepReviewEntry *) logged->pdata[0])->rating, ==, PYPREP_GRADE_GOOD);
  }

  /* The last grade ends the session: no undo from the summary. */
  pyprep_practice_page_reveal (PYPREP_PRACTICE_PAGE (page));
  pyprep_practice_page_grade (PYPREP_PRACTICE_PAGE (page), PYPREP_GRADE_GOOD);
  iterate ();
  gtk_widget_activate_action (page, "practice.undo-grade", NULL);
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, PYPREP_TYPE_PRACTICE_PAGE, "stack")),
                   ==, "summary");
  g_assert_cmpuint (pyprep_practice_session_get_n_graded (session), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_assert_finalize_object (page);
  g_clear_object (&study);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *path = g_strconcat (log_path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);

      g_unlink (path);
    }
  g_rmdir (log_dir);
}

static void
test_card_keys (void)
{
  g_autoptr(PyprepLibrary) library = sample_library ();
  g_autoptr(GPtrArray) questions = pyprep_library_list_questions (library);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *card = pyprep_card_new ();
  GtkWidget *scratch = child (card, PYPREP_TYPE_CARD, "scratch_view");
  GtkWidget *reveal = child (card, PYPREP_TYPE_CARD, "reveal_button");
  int last = 0;

  g_object_ref (card);
  gtk_window_set_child (GTK_WINDOW (window), card);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (card, "graded", G_CALLBACK (graded_cb), &last);

  /* Without a question there is nothing to reveal. */
  g_assert_false (press (card, GDK_KEY_space, 0));
  pyprep_card_set_revealed (PYPREP_CARD (card), TRUE);
  g_assert_false (pyprep_card_get_revealed (PYPREP_CARD (card)));

  pyprep_card_set_question (PYPREP_CARD (card), questions->pdata[0]);
  gtk_widget_grab_focus (card);
  iterate ();
  g_assert_true (focus_of (window) == reveal);
  g_assert_false (shows_text (child (card, PYPREP_TYPE_CARD, "markdown_view"), "The first."));

  /* A grade before the answer is shown is not taken, by key or button. */
  g_assert_false (press (card, GDK_KEY_3, 0));
  g_assert_true (gtk_widget_activate_action (card, "card.grade", "i", 3));
  g_assert_cmpint (last, ==, 0);

  /* Space reveals and moves the focus to Good; a key with Ctrl is not the card's. */
  g_assert_false (press (card, GDK_KEY_space, GDK_CONTROL_MASK));
  g_assert_true (press (card, GDK_KEY_space, 0));
  iterate ();
  g_assert_true (pyprep_card_get_revealed (PYPREP_CARD (card)));
  g_assert_true (shows_text (child (card, PYPREP_TYPE_CARD, "markdown_view"), "The first."));
  g_assert_false (gtk_widget_get_visible (reveal));
  g_assert_true (gtk_widget_has_css_class (focus_of (window), "grade-good"));

  g_assert_true (press (card, GDK_KEY_KP_4, 0));
  g_assert_cmpint (last, ==, PYPREP_GRADE_EASY);
  g_assert_true (press (card, GDK_KEY_1, 0));
  g_assert_cmpint (last, ==, PYPREP_GRADE_AGAIN);
  g_assert_true (gtk_widget_activate_action (card, "card.grade", "i", 2));
  g_assert_cmpint (last, ==, PYPREP_GRADE_HARD);

  /* The same question again starts over: hidden, with an empty scratch area. */
  gtk_text_buffer_set_text (pyprep_card_get_scratch (PYPREP_CARD (card)), "typed", -1);
  pyprep_card_set_question (PYPREP_CARD (card), questions->pdata[0]);
  iterate ();
  g_assert_false (pyprep_card_get_revealed (PYPREP_CARD (card)));
  g_assert_cmpint (gtk_text_buffer_get_char_count (pyprep_card_get_scratch (PYPREP_CARD (card))), ==, 0);
  g_assert_true (gtk_widget_get_visible (reveal));

  /* While typing, Space and digits type; Escape leaves for the reveal button. */
  gtk_widget_grab_focus (scratch);
  g_assert_true (focus_of (window) == scratch);
  g_assert_false (press (card, GDK_KEY_space, 0));
  g_assert_false (press (card, GDK_KEY_1, 0));
  g_assert_true (press (card, GDK_KEY_Escape, 0));
  g_assert_true (focus_of (window) == reveal);
  g_assert_false (pyprep_card_get_revealed (PYPREP_CARD (card)));

  /* Outside a text field Escape is taken and does nothing: it must not
   * close the window in the middle of a session. */
  g_assert_true (press (card, GDK_KEY_Escape, 0));
  g_assert_true (focus_of (window) == reveal);
  g_assert_true (gtk_widget_get_visible (window));

  /* Ctrl+Return reveals while typing; Escape then leaves for Good. */
  gtk_widget_grab_focus (scratch);
  g_assert_false (press (card, GDK_KEY_Return, 0));
  g_assert_true (press (card, GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_true (pyprep_card_get_revealed (PYPREP_CARD (card)));
  gtk_widget_grab_focus (scratch);
  g_assert_true (press (card, GDK_KEY_Escape, 0));
  g_assert_true (gtk_widget_has_css_class (focus_of (window), "grade-good"));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_assert_finalize_object (card);
}

static gboolean
give_up_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* A one-second countdown runs out and reveals the answer by itself. */
static void
test_mock_timeout (void)
{
  g_autoptr(PyprepLibrary) library = sample_library ();
  g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);
  g_autoptr(GPtrArray) questions = pyprep_library_list_questions (library);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *mock = pyprep_mock_interview_new ();
  GtkWidget *card = child (mock, PYPREP_TYPE_MOCK_INTERVIEW, "card");
  gboolean gave_up = FALSE;
  guint give_up;

  g_object_ref (mock);
  gtk_window_set_child (GTK_WINDOW (window), mock);
  gtk_window_present (GTK_WINDOW (window));

  g_ptr_array_set_size (questions, 1);
  pyprep_mock_interview_set_follow_ups (PYPREP_MOCK_INTERVIEW (mock), FALSE);
  pyprep_mock_interview_start (PYPREP_MOCK_INTERVIEW (mock), questions, 1, study);
  iterate ();
  g_assert_false (pyprep_mock_interview_get_revealed (PYPREP_MOCK_INTERVIEW (mock)));
  g_assert_false (shows_text (child (card, PYPREP_TYPE_CARD, "markdown_view"), "The first."));

  /* A generous safety limit, not a timing check. */
  give_up = g_timeout_add_seconds (30, give_up_cb, &gave_up);
  while (!pyprep_mock_interview_get_revealed (PYPREP_MOCK_INTERVIEW (mock)) && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  if (!gave_up)
    g_source_remove (give_up);

  g_assert_true (pyprep_mock_interview_get_revealed (PYPREP_MOCK_INTERVIEW (mock)));
  g_assert_true (gtk_widget_get_visible (child (card, PYPREP_TYPE_CARD, "notice_label")));
  g_assert_cmpstr (gtk_label_get_text (child (card, PYPREP_TYPE_CARD, "notice_label")), ==, "Time is up.");
  g_assert_true (shows_text (child (card, PYPREP_TYPE_CARD, "markdown_view"), "The first."));
  g_assert_cmpstr (gtk_label_get_text (child (mock, PYPREP_TYPE_MOCK_INTERVIEW, "countdown_label")), ==, "0:00");

  pyprep_mock_interview_grade (PYPREP_MOCK_INTERVIEW (mock), PYPREP_GRADE_HARD);
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (mock, PYPREP_TYPE_MOCK_INTERVIEW, "stack")),
                   ==, "summary");
  g_assert_true (shows_text (child (mock, PYPREP_TYPE_MOCK_INTERVIEW, "results_list"), "0:01, time ran out"));
  /* The grade counts: it is recorded as a review. */
  g_assert_cmpstr (pyprep_study_get_grades (study, "one"), ==, "2");
  g_assert_cmpuint (pyprep_mock_interview_send_weak (PYPREP_MOCK_INTERVIEW (mock)), ==, 1);
  g_assert_cmpint (pyprep_study_get_status (study, "one"), ==, PYPREP_STATUS_NEEDS_REVIEW);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_assert_finalize_object (mock);
}

static void
open_question_cb (PyprepMockInterview *mock,
                  const char          *id,
                  char               **opened)
{
  g_free (*opened);
  *opened = g_strdup (id);
}

static void
type_answer (GtkWidget  *card,
             const char *text)
{
  gtk_text_buffer_set_text (pyprep_card_get_scratch (PYPREP_CARD (card)), text, -1);
}

/* A whole interview: typed answers are kept for the summary, a question
 * with follow-ups is followed by one, the grades are recorded, summary
 * rows open their question and a typed answer is kept as a note, under
 * the note there was. */
static void
test_mock_answers (void)
{
  g_autoptr(PyprepLibrary) library = sample_library ();
  g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);
  g_autoptr(GPtrArray) questions = pyprep_library_list_questions (library);
  g_autofree char *opened = NULL;
  PyprepMockInterview *mock = PYPREP_MOCK_INTERVIEW (pyprep_mock_interview_new ());
  GtkWidget *window = gtk_window_new ();
  GtkWidget *card = child (mock, PYPREP_TYPE_MOCK_INTERVIEW, "card");
  GtkListBox *results = child (mock, PYPREP_TYPE_MOCK_INTERVIEW, "results_list");
  GtkListBoxRow *row;

  g_object_ref (mock);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (mock));
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (mock, "open-question", G_CALLBACK (open_question_cb), &opened);
  pyprep_study_set_note (study, "one", "Mine.");

  /* "one" lists a follow-up; "two" none. */
  pyprep_mock_interview_start (mock, questions, 60, study);
  iterate ();
  g_assert_cmpstr (gtk_label_get_text (child (card, PYPREP_TYPE_CARD, "title_label")), ==, "What is one?");
  type_answer (card, "  One is one.  ");
  pyprep_mock_interview_reveal (mock);
  pyprep_mock_interview_grade (mock, PYPREP_GRADE_GOOD);
  iterate ();

  g_assert_true (pyprep_mock_interview_get_on_follow_up (mock));
  g_assert_cmpstr (gtk_label_get_text (child (card, PYPREP_TYPE_CARD, "title_label")), ==, "And zero?");
  g_assert_cmpstr (gtk_label_get_text (child (mock, PYPREP_TYPE_MOCK_INTERVIEW, "position_label")), ==,
                   "Question 1 of 2 · Follow-up");
  g_assert_cmpint (gtk_text_buffer_get_char_count (pyprep_card_get_scratch (PYPREP_CARD (card))), ==, 0);
  g_assert_false (shows_text (child (card, PYPREP_TYPE_CARD, "markdown_view"), "Zero comes before."));
  type_answer (card, "Before one.");
  pyprep_mock_interview_reveal (mock);
  iterate ();
  g_assert_true (shows_text (child (card, PYPREP_TYPE_CARD, "markdown_view"), "Zero comes before."));
  pyprep_mock_interview_grade (mock, PYPREP_GRADE_AGAIN);
  iterate ();

  g_assert_false (pyprep_mock_interview_get_on_follow_up (mock));
  g_assert_cmpstr (gtk_label_get_text (child (card, PYPREP_TYPE_CARD, "title_label")), ==, "What is two?");
  pyprep_mock_interview_reveal (mock);
  pyprep_mock_interview_grade (mock, PYPREP_GRADE_EASY);
  iterate ();

  /* Only the questions' own grades are recorded. */
  g_assert_cmpstr (pyprep_study_get_grades (study, "one"), ==, "3");
  g_assert_cmpstr (pyprep_study_get_grades (study, "two"), ==, "4");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (mock, PYPREP_TYPE_MOCK_INTERVIEW, "stack")),
                   ==, "summary");
  g_assert_true (shows_text (GTK_WIDGET (results), "One is one."));
  g_assert_true (shows_text (GTK_WIDGET (results), "Follow-up: And zero?"));
  g_assert_true (shows_text (GTK_WIDGET (results), "Before one."));
  /* The counts say what the rows show: two questions and the follow-up
   * asked after one, each a row that opens its question; a weak
   * follow-up makes its question one to work on, as the Send button
   * says. */
  {
    const char *summary = adw_preferences_row_get_title (child (mock, PYPREP_TYPE_MOCK_INTERVIEW, "summary_row"));
    GtkWidget *send = child (mock, PYPREP_TYPE_MOCK_INTERVIEW, "send_weak_button");
    guint n_rows = 0;

    for (GtkWidget *r = gtk_widget_get_first_child (GTK_WIDGET (results)); r != NULL; r = gtk_widget_get_next_sibling (r))
      n_rows += GTK_IS_LIST_BOX_ROW (r) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (r));
    g_assert_cmpuint (n_rows, ==, 3);
    g_assert_true (g_str_has_prefix (summary, "2 questions and 1 follow-up in "));
    g_assert_true (g_str_has_suffix (summary, "; 1 question to work on."));
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (send)), ==, "_Send 1 Weak Question to Needs Review");
  }

  /* The first row opens its question. */
  row = gtk_list_box_get_row_at_index (results, 0);
  g_assert_true (gtk_list_box_row_get_activatable (row));
  g_signal_emit_by_name (row, "activate");
  g_assert_cmpstr (opened, ==, "one");

  /* Kept as a note, under the old one, once. */
  g_assert_true (pyprep_mock_interview_keep_note (mock, 0, FALSE));
  g_assert_cmpstr (pyprep_study_get_note (study, "one"), ==, "Mine.\n\nOne is one.");
  g_assert_false (pyprep_mock_interview_keep_note (mock, 0, FALSE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (mock), "mock.keep-note", "(ub)", 0, TRUE));
  g_assert_cmpstr (pyprep_study_get_note (study, "one"), ==,
                   "Mine.\n\nOne is one.\n\nFollow-up: And zero?\nBefore one.");
  /* Nothing typed, nothing to keep. */
  g_assert_false (pyprep_mock_interview_keep_note (mock, 1, FALSE));
  g_assert_null (pyprep_study_get_note (study, "two"));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_assert_finalize_object (mock);
}

/* A mapped label that shows @text. */
static gboolean
shows_exactly (GtkWidget     *widget,
               gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text);
}

/* A label that is a toast's "Graded …". */
static gboolean
is_grade_toast (GtkWidget     *widget,
                gconstpointer  unused)
{
  gboolean found = FALSE;

  for (PyprepGrade grade = PYPREP_GRADE_AGAIN; GTK_IS_LABEL (widget) && grade <= PYPREP_GRADE_EASY; grade++)
    {
      g_autofree char *title = g_strdup_printf ("Graded %s", pyprep_grade_get_label (grade));

      found = found || g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), title);
    }
  return found;
}

static gboolean
is_check_button (GtkWidget     *widget,
                 gconstpointer  unused)
{
  return GTK_IS_CHECK_BUTTON (widget);
}

/* Every widget under @widget (itself too) that @test accepts, in order. */
static void
collect_widgets (GtkWidget     *widget,
                 gboolean     (*test) (GtkWidget *, gconstpointer),
                 gconstpointer  data,
                 GPtrArray     *found)
{
  if (test (widget, data))
    g_ptr_array_add (found, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_widgets (c, test, data, found);
}

/* Grades given one after the other show one toast, which takes the last
 * grade, instead of a toast each replacing the one before as it slides
 * in (which libadwaita could free while still showing it). */
static void
test_quick_grades_one_toast (void)
{
  g_autoptr(PyprepLibrary) bank = pyprep_library_new ();
  g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(PyprepPracticeSession) session = NULL;
  g_autoptr(GPtrArray) toasts = g_ptr_array_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *page = pyprep_practice_page_new ();

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  pyprep_library_load_resources (bank, RESOURCE_PREFIX "/content");
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  session = pyprep_practice_session_new (bank, study, PYPREP_SCOPE_ALL, NULL, 5, now);
  pyprep_practice_page_start (PYPREP_PRACTICE_PAGE (page), session, study);
  wait_frames ();

  for (PyprepGrade grade = PYPREP_GRADE_AGAIN; grade <= PYPREP_GRADE_GOOD; grade++)
    {
      pyprep_practice_page_reveal (PYPREP_PRACTICE_PAGE (page));
      pyprep_practice_page_grade (PYPREP_PRACTICE_PAGE (page), grade);
      iterate ();
    }
  collect_widgets (overlay, is_grade_toast, NULL, toasts);
  g_assert_cmpuint (toasts->len, ==, 1);
  g_assert_cmpstr (gtk_label_get_text (toasts->pdata[0]), ==, "Graded Good");
  g_assert_true (gtk_widget_activate_action (page, "practice.undo-grade", NULL));
  iterate ();
  g_assert_cmpuint (pyprep_practice_session_get_position (session), ==, 2);

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* The topics and the level chosen on the start page narrow the
 * spaced-repetition session too, each in one click; with no topic there
 * is nothing to start, and the page says why. */
static void
test_start_page_choice (void)
{
  g_autoptr(PyprepLibrary) bank = pyprep_library_new ();
  g_autoptr(GSettings) gsettings = g_settings_new (APPLICATION_ID);
  g_autoptr(PyprepSettings) settings = pyprep_settings_new_for_gsettings (gsettings);
  g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);
  g_autoptr(PyprepTopic) topic = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *everything = NULL;
  g_autofree char *in_topic = NULL;
  g_autofree char *junior_in_topic = NULL;
  PyprepPracticeWindow *window;
  GListModel *questions;
  guint n_junior = 0;

  pyprep_settings_set_new_per_day (settings, 999);
  pyprep_library_load_resources (bank, RESOURCE_PREFIX "/content");
  all = pyprep_library_list_questions (bank);
  topic = g_list_model_get_item (pyprep_library_get_topics (bank), 1);
  questions = pyprep_topic_get_questions (topic);
  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(PyprepQuestion) question = g_list_model_get_item (questions, i);

      n_junior += pyprep_question_get_difficulty (question) == PYPREP_DIFFICULTY_JUNIOR;
    }
  g_assert_cmpuint (n_junior, >, 0);
  g_assert_cmpuint (n_junior, <, g_list_model_get_n_items (questions));
  everything = g_strdup_printf ("0 due, 0 weak, %u new", all->len);
  in_topic = g_strdup_printf ("0 due, 0 weak, %u new", g_list_model_get_n_items (questions));
  junior_in_topic = g_strdup_printf ("0 due, 0 weak, %u new", n_junior);

  window = pyprep_practice_window_new (NULL, bank, study, settings);
  /* Recall cards only: one card a question. */
  adw_combo_row_set_selected (part (window, "cards_row"), 1);
  g_assert_cmpstr (gtk_label_get_label (part (window, "count_label")), ==, everything);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "practice.only-topic", "s",
                                             pyprep_topic_get_id (topic)));
  g_assert_cmpstr (gtk_label_get_label (part (window, "count_label")), ==, in_topic);
  g_assert_cmpstr (adw_expander_row_get_subtitle (part (window, "topics_row")), ==, pyprep_topic_get_title (topic));
  adw_combo_row_set_selected (part (window, "level_row"), 1);  /* Junior */
  g_assert_cmpstr (gtk_label_get_label (part (window, "count_label")), ==, junior_in_topic);
  g_assert_true (gtk_widget_get_sensitive (part (window, "start_button")));

  /* The topic's own check box unticked: no topic at all. */
  {
    g_autoptr(GPtrArray) checks = g_ptr_array_new ();

    collect_widgets (part (window, "topics_row"), is_check_button, NULL, checks);
    g_assert_cmpuint (checks->len, ==, g_list_model_get_n_items (pyprep_library_get_topics (bank)));
    g_assert_true (gtk_check_button_get_active (checks->pdata[1]));
    gtk_check_button_set_active (checks->pdata[1], FALSE);
  }
  g_assert_false (gtk_widget_get_sensitive (part (window, "start_button")));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (part (window, "count_row")),
                                   "No topic is chosen"));

  adw_combo_row_set_selected (part (window, "level_row"), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "practice.all-topics", NULL));
  g_assert_cmpstr (gtk_label_get_label (part (window, "count_label")), ==, everything);

  /* Today's one new question started, and no topic: the page says the
   * latter, which a new day would not mend. */
  pyprep_settings_set_new_per_day (settings, 1);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    pyprep_study_record_review (study, pyprep_question_get_id (all->pdata[0]), PYPREP_GRADE_GOOD, now);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "practice.only-topic", "s",
                                             pyprep_topic_get_id (topic)));
  {
    g_autoptr(GPtrArray) checks = g_ptr_array_new ();

    collect_widgets (part (window, "topics_row"), is_check_button, NULL, checks);
    gtk_check_button_set_active (checks->pdata[1], FALSE);
  }
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (part (window, "count_row")),
                                   "No topic is chosen"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A topic of the user's own deck may have "&" or "<" in its title: the
 * Topics row names it as it is. */
static void
test_topic_title_as_is (void)
{
  static const char odd_deck[] =
    "---\nid: odd\ntitle: Input & <Output>\norder: 1\n---\n\n"
    "# What is one?\nid: odd-one\ndifficulty: junior\n\n## Short answer\n\nThe first.\n";
  g_autoptr(PyprepLibrary) bank = pyprep_library_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (odd_deck, strlen (odd_deck));
  g_autoptr(GBytes) alpha = g_bytes_new_static (deck, strlen (deck));
  g_autoptr(GSettings) gsettings = g_settings_new (APPLICATION_ID);
  g_autoptr(PyprepSettings) settings = pyprep_settings_new_for_gsettings (gsettings);
  g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  PyprepPracticeWindow *window;

  g_assert_true (pyprep_library_load_bytes (bank, "odd.md", bytes));
  g_assert_true (pyprep_library_load_bytes (bank, "alpha.md", alpha));
  window = pyprep_practice_window_new (NULL, bank, study, settings);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "practice.only-topic", "s", "odd"));
  adw_expander_row_set_expanded (part (window, "topics_row"), TRUE);
  wait_frames ();
  /* The topic's own row, and the Topics row's subtitle. */
  collect_widgets (part (window, "topics_row"), shows_exactly, "Input & <Output>", shown);
  g_assert_cmpuint (shown->len, ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The mock interview's screens, in light and dark, at phone and desktop
 * width, saved to $G_TEST_BUILDDIR/screenshots/ to be looked at: the
 * setup with its topics open, a follow-up with a typed answer revealed,
 * and the summary; then a practice session's summary. Each fits the
 * narrowest phone. */
static void
test_mock_screens (void)
{
  static const int widths[] = { 360, 1000 };
  static const AdwColorScheme schemes[] = { ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK };
  g_autoptr(PyprepLibrary) bank = pyprep_library_new ();
  g_autoptr(GSettings) gsettings = g_settings_new (APPLICATION_ID);
  g_autoptr(PyprepSettings) settings = pyprep_settings_new_for_gsettings (gsettings);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) asked = g_ptr_array_new ();
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* Three new cards a day: a short practice session. */
  pyprep_settings_set_new_per_day (settings, 3);
  pyprep_library_load_resources (bank, RESOURCE_PREFIX "/content");
  all = pyprep_library_list_questions (bank);
  /* Two questions that list follow-ups. */
  for (guint i = 0; i < all->len && asked->len < 2; i++)
    if (pyprep_question_get_n_follow_ups (all->pdata[i]) > 0)
      g_ptr_array_add (asked, all->pdata[i]);
  g_assert_cmpuint (asked->len, ==, 2);

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (guint c = 0; c < G_N_ELEMENTS (schemes); c++)
      {
        /* A fresh record each time: today's new cards are not used up. */
        g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);
        PyprepPracticeWindow *window = pyprep_practice_window_new (NULL, bank, study, settings);
        PyprepMockInterview *mock = part (window, "mock_interview");
        GtkWidget *card = child (mock, PYPREP_TYPE_MOCK_INTERVIEW, "card");
        const char *scheme = c == 0 ? "light" : "dark";
        g_autofree char *name = NULL;
        int minimum;

        adw_style_manager_set_color_scheme (adw_style_manager_get_default (), schemes[c]);
        gtk_window_set_default_size (GTK_WINDOW (window), widths[w], 720);
        gtk_window_present (GTK_WINDOW (window));
        adw_expander_row_set_expanded (part (window, "topics_row"), TRUE);
        wait_frames ();
        /* "All Topics" has its check mark only while all are chosen. */
        if (w == 0 && c == 0)
          {
            GtkWidget *check = part (window, "all_topics_check");
            g_autoptr(PyprepTopic) topic = g_list_model_get_item (pyprep_library_get_topics (bank), 0);

            g_assert_cmpfloat (gtk_widget_get_opacity (check), ==, 1.0);
            g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "practice.only-topic", "s",
                                                       pyprep_topic_get_id (topic)));
            g_assert_cmpfloat (gtk_widget_get_opacity (check), ==, 0.0);
            g_assert_cmpstr (adw_expander_row_get_subtitle (part (window, "topics_row")), ==,
                             pyprep_topic_get_title (topic));
            g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "practice.all-topics", NULL));
            g_assert_cmpfloat (gtk_widget_get_opacity (check), ==, 1.0);
          }
        name = g_strdup_printf ("mock-setup-%d-%s", widths[w], scheme);
        g_free (save_png (GTK_WIDGET (window), name));

        /* The rest of the setup: level, follow-ups, time. */
        adw_expander_row_set_expanded (part (window, "topics_row"), FALSE);
        wait_frames ();
        {
          GtkWidget *scroller = gtk_widget_get_ancestor (part (window, "level_row"), GTK_TYPE_SCROLLED_WINDOW);
          GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
        }
        wait_frames ();
        g_free (name);
        name = g_strdup_printf ("mock-setup-end-%d-%s", widths[w], scheme);
        g_free (save_png (GTK_WIDGET (window), name));

        gtk_stack_set_visible_child_name (part (window, "stack"), "mock");
        pyprep_mock_interview_set_follow_ups (mock, TRUE);
        pyprep_mock_interview_start (mock, asked, 180, study);
        type_answer (card, "A reference count per object, and a cycle collector for the rest.");
        pyprep_mock_interview_reveal (mock);
        pyprep_mock_interview_grade (mock, PYPREP_GRADE_GOOD);
        type_answer (card, "When the last reference goes.");
        pyprep_mock_interview_reveal (mock);
        wait_frames ();
        g_assert_true (pyprep_mock_interview_get_on_follow_up (mock));
        g_free (name);
        name = g_strdup_printf ("mock-follow-up-%d-%s", widths[w], scheme);
        g_free (save_png (GTK_WIDGET (window), name));

        pyprep_mock_interview_grade (mock, PYPREP_GRADE_HARD);
        pyprep_mock_interview_reveal (mock);
        pyprep_mock_interview_grade (mock, PYPREP_GRADE_EASY);
        pyprep_mock_interview_reveal (mock);
        pyprep_mock_interview_grade (mock, PYPREP_GRADE_GOOD);
        wait_frames ();
        g_free (name);
        name = g_strdup_printf ("mock-summary-%d-%s", widths[w], scheme);
        g_free (save_png (GTK_WIDGET (window), name));
        /* Its counts say what its four rows show. */
        {
          const char *summary = adw_preferences_row_get_title (child (mock, PYPREP_TYPE_MOCK_INTERVIEW,
                                                                      "summary_row"));

          g_assert_true (g_str_has_prefix (summary, "2 questions and 2 follow-ups in "));
          g_assert_true (g_str_has_suffix (summary, "; 1 question to work on."));
        }

        gtk_widget_measure (adw_window_get_content (ADW_WINDOW (window)), GTK_ORIENTATION_HORIZONTAL, -1,
                            &minimum, NULL, NULL, NULL);
        g_assert_cmpint (minimum, <=, 360);

        /* A practice session's summary, with the focus on its first line. */
        {
          PyprepPracticePage *page = part (window, "practice_page");

          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "practice.show-start", NULL));
          adw_combo_row_set_selected (part (window, "cards_row"), 1);   /* recall only */
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "practice.start", NULL));
          for (guint i = 0; i < 3; i++)
            {
              pyprep_practice_page_reveal (page);
              pyprep_practice_page_grade (page, i == 1 ? PYPREP_GRADE_AGAIN : PYPREP_GRADE_GOOD);
            }
          wait_frames ();
          g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, PYPREP_TYPE_PRACTICE_PAGE, "stack")),
                           ==, "summary");
          /* Return at the summary has no default button to start again. */
          g_assert_null (gtk_window_get_default_widget (GTK_WINDOW (window)));
          g_free (name);
          name = g_strdup_printf ("practice-summary-%d-%s", widths[w], scheme);
          g_free (save_png (GTK_WIDGET (window), name));
        }
        gtk_window_destroy (GTK_WINDOW (window));
        iterate ();
      }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/pyprep/practice-page/card", test_practice_card);
  g_test_add_func ("/pyprep/practice-page/mock-timeout", test_mock_timeout);
  g_test_add_func ("/pyprep/practice-page/card-keys", test_card_keys);
  g_test_add_func ("/pyprep/practice-page/note-under-answer", test_note_under_answer);
  g_test_add_func ("/pyprep/practice-page/mock-answers", test_mock_answers);
  g_test_add_func ("/pyprep/practice-page/mock-screens", test_mock_screens);
  g_test_add_func ("/pyprep/practice-page/start-page-choice", test_start_page_choice);
  g_test_add_func ("/pyprep/practice-page/topic-title-as-is", test_topic_title_as_is);
  g_test_add_func ("/pyprep/practice-page/undo-grade", test_undo_grade);
  g_test_add_func ("/pyprep/practice-page/quick-grades-one-toast", test_quick_grades_one_toast);

  return g_test_run ();
}
