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
#include "pyprep-practice-page.h"
#include "pyprep-practice-session.h"
#include "pyprep-question.h"
#include "test-util.h"

static const char deck[] =
  "---\nid: alpha\ntitle: Alpha\norder: 1\n---\n\n"
  "# What is one?\nid: one\ndifficulty: junior\n\n## Short answer\n\nThe first.\n\n"
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

static void
graded_cb (PyprepCard *card,
           int         grade,
           int        *last)
{
  *last = grade;
}

/* Presses @keyval on @card as its key controller sees it.
 * Returns: whether the card took the key */
static gboolean
press (GtkWidget       *card,
       guint            keyval,
       GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (card);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          return handled;
        }
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
  g_assert_cmpint (pyprep_study_get_status (study, "one"), ==, PYPREP_STATUS_NEW);
  g_assert_cmpuint (pyprep_mock_interview_send_weak (PYPREP_MOCK_INTERVIEW (mock)), ==, 1);
  g_assert_cmpint (pyprep_study_get_status (study, "one"), ==, PYPREP_STATUS_NEEDS_REVIEW);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_assert_finalize_object (mock);
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
  g_test_add_func ("/pyprep/practice-page/undo-grade", test_undo_grade);

  return g_test_run ();
}
