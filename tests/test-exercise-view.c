/* test-exercise-view.c: the exercise view in the window, with the real
 * runner: the answer stays hidden, a run shows each test's result, a
 * submit that passes proposes a grade, the code survives the window, and
 * the screens are saved for a person to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>

#include "pyprep-alert.h"
#include "pyprep-code-block.h"
#include "pyprep-deck.h"
#include "pyprep-drafts.h"
#include "pyprep-exercise-check.h"
#include "pyprep-exercise.h"
#include "pyprep-exercise-view.h"
#include "pyprep-library.h"
#include "pyprep-markdown-view.h"
#include "pyprep-practice-page.h"
#include "pyprep-practice-session.h"
#include "pyprep-python-editor.h"
#include "pyprep-question.h"
#include "pyprep-scheduler.h"
#include "pyprep-settings.h"
#include "pyprep-study.h"
#include "pyprep-window.h"
#include "test-util.h"

#define EXERCISE_QUESTION "lru-cache-by-hand"

/* Passes the visible tests; a get does not count as a use, which a
 * hidden test catches. */
#define WRONG_CODE \
  "from collections import OrderedDict\n" \
  "class LRUCache:\n" \
  "    def __init__(self, capacity):\n" \
  "        self.capacity = capacity\n" \
  "        self.entries = OrderedDict()\n" \
  "    def get(self, key):\n" \
  "        return self.entries.get(key, -1)\n" \
  "    def put(self, key, value):\n" \
  "        self.entries[key] = value\n" \
  "        if len(self.entries) > self.capacity:\n" \
  "            self.entries.popitem(last=False)\n"

static PyprepLibrary *library;
static PyprepStudy *study;
static PyprepSettings *settings;

/* Saves the window's picture, and says where. */
static void
shoot (GtkWidget  *window,
       const char *name)
{
  g_autofree char *path = save_png (window, name);

  g_test_message ("%s: %s", name, path);
}

static char *
buffer_text (PyprepExerciseView *view)
{
  return pyprep_exercise_view_dup_code (view);
}

static void
set_text (PyprepExerciseView *view,
          const char         *text)
{
  GtkTextView *editor = child (view, PYPREP_TYPE_EXERCISE_VIEW, "editor");

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (editor), text, -1);
}

/* Runs an exercise action and waits for the tests to finish. */
static void
run_and_wait (PyprepExerciseView *view,
              const char         *action)
{
  GtkSpinner *spinner = child (view, PYPREP_TYPE_EXERCISE_VIEW, "spinner");
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), action, NULL));
  /* The run starts once python3 and the sandbox have been looked for,
   * which a loaded machine may not have finished yet. */
  while (!gtk_spinner_get_spinning (spinner))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  while (gtk_spinner_get_spinning (spinner))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  wait_frames ();
}

static const char *
status_text (PyprepExerciseView *view)
{
  return gtk_label_get_text (child (view, PYPREP_TYPE_EXERCISE_VIEW, "status_label"));
}

static guint
n_result_rows (PyprepExerciseView *view)
{
  GtkWidget *list = child (view, PYPREP_TYPE_EXERCISE_VIEW, "results_list");
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (list); c != NULL; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

static PyprepWindow *
open_window (int width,
             int height)
{
  g_autoptr(GSettings) gsettings = g_settings_new (APPLICATION_ID);
  PyprepWindow *window;

  g_settings_set_boolean (gsettings, "reopen-last-question", FALSE);
  g_settings_set_int (gsettings, "window-width", width);
  g_settings_set_int (gsettings, "window-height", height);
  window = pyprep_window_new_for_library (NULL, library, study, settings);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames ();
  g_assert_true (pyprep_window_open_question_id (window, EXERCISE_QUESTION));
  wait_frames ();
  return window;
}

static PyprepExerciseView *
try_it (PyprepWindow *window)
{
  PyprepExerciseView *view;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (part (window, "exercise_button"))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.try-exercise", NULL));
  wait_frames ();
  view = PYPREP_EXERCISE_VIEW (find_widget (GTK_WIDGET (window), PYPREP_TYPE_EXERCISE_VIEW));
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  /* The answer is out of sight until the exercise is done. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (pyprep_window_get_question_page (window))));
  return view;
}

static void
forget_draft (void)
{
  g_autofree char *path = g_build_filename (pyprep_drafts_get_directory (pyprep_drafts_get_default ()),
                                            EXERCISE_QUESTION ".py", NULL);

  g_remove (path);
}

typedef struct
{
  guint grade;
  char *reason;
} Finished;

/* Presses the grade button for @grade (1 to 4), as a click would. */
static void
press_grade (PyprepExerciseView *view,
             guint               grade)
{
  GtkWidget *box = child (view, PYPREP_TYPE_EXERCISE_VIEW, "grades_box");
  GtkWidget *button = gtk_widget_get_first_child (box);

  for (guint i = 1; i < grade; i++)
    button = gtk_widget_get_next_sibling (button);
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
finished_cb (PyprepExerciseView *view,
             guint               grade,
             const char         *reason,
             Finished           *finished)
{
  finished->grade = grade;
  g_free (finished->reason);
  finished->reason = g_strdup (reason);
}

/* Fail, fail a submit, pass a submit: Hard, and the answer follows. The
 * code is saved and comes back in a new window. */
static void
test_solve_after_a_failed_submit (void)
{
  const PyprepExercise *exercise =
    pyprep_question_get_exercise (pyprep_library_lookup_question (library, EXERCISE_QUESTION));
  PyprepWindow *window;
  PyprepExerciseView *view;
  Finished finished = { 0 };
  g_autofree char *starter = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *restored = NULL;
  g_autoptr(GError) error = NULL;

  forget_draft ();
  window = open_window (1280, 800);
  view = try_it (window);
  g_signal_connect (view, "finished", G_CALLBACK (finished_cb), &finished);
  starter = buffer_text (view);
  g_assert_cmpstr (starter, ==, exercise->code[PYPREP_EXERCISE_STARTER]);
  shoot (GTK_WIDGET (window), "exercise-1280");

  /* The starter fails every visible test; each says why. */
  run_and_wait (view, "exercise.run");
  g_assert_true (g_str_has_prefix (status_text (view), "0 of 3 passed"));
  g_assert_cmpuint (n_result_rows (view), ==, 3);
  g_assert_false (pyprep_exercise_view_get_finished (view));
  shoot (GTK_WIDGET (window), "exercise-failing-1280");

  /* A wrong solution passes what Run checks, and Submit catches it. */
  set_text (view, WRONG_CODE);
  run_and_wait (view, "exercise.run");
  g_assert_cmpstr (status_text (view), ==, "All 3 tests passed");
  run_and_wait (view, "exercise.submit");
  g_assert_nonnull (strstr (status_text (view), "hidden test"));
  g_assert_cmpuint (n_result_rows (view), ==, 7);
  g_assert_false (pyprep_exercise_view_get_finished (view));

  /* The code typed is on disk within a second. */
  wait_frames ();
  wait_frames ();
  saved = pyprep_drafts_load (pyprep_drafts_get_default (), EXERCISE_QUESTION, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved, ==, WRONG_CODE);

  set_text (view, exercise->code[PYPREP_EXERCISE_SOLUTION]);
  run_and_wait (view, "exercise.submit");
  g_assert_cmpstr (status_text (view), ==, "All 7 tests passed");
  g_assert_true (pyprep_exercise_view_get_finished (view));
  g_assert_cmpuint (finished.grade, ==, PYPREP_GRADE_HARD);
  g_assert_cmpstr (finished.reason, ==, "Solved after 1 failed submit.");
  g_assert_nonnull (strstr (gtk_label_get_text (child (view, PYPREP_TYPE_EXERCISE_VIEW, "finish_label")),
                            "Proposed grade: Hard"));
  shoot (GTK_WIDGET (window), "exercise-passing-1280");

  /* The proposed grade has the focus; the user picks Good instead, and
   * the exercise's own card records it. */
  {
    g_autofree char *exercise_id = pyprep_study_exercise_id (EXERCISE_QUESTION);
    const char *grades_before = pyprep_study_get_grades (study, exercise_id);
    gsize n_before = grades_before != NULL ? strlen (grades_before) : 0;
    const char *grades;
    PyprepGrade chosen;

    g_assert_true (gtk_widget_has_css_class (gtk_root_get_focus (GTK_ROOT (window)), "suggested-action"));
    press_grade (view, PYPREP_GRADE_GOOD);
    grades = pyprep_study_get_grades (study, exercise_id);
    g_assert_cmpuint (strlen (grades), ==, n_before + 1);
    g_assert_cmpint (grades[n_before], ==, '3');
    g_assert_true (pyprep_exercise_view_get_graded (view, &chosen));
    g_assert_cmpint (chosen, ==, PYPREP_GRADE_GOOD);
    g_assert_true (pyprep_study_get_exercise_solved (study, EXERCISE_QUESTION));
    wait_frames ();
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (child (view, PYPREP_TYPE_EXERCISE_VIEW, "answer_button"))));
    /* Show Answer takes the focus from the grade button that went away. */
    g_assert_true (gtk_root_get_focus (GTK_ROOT (window))
                   == GTK_WIDGET (child (view, PYPREP_TYPE_EXERCISE_VIEW, "answer_button")));
  }

  /* Show Answer: the answer page is back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "exercise.show-answer", NULL));
  wait_frames ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (pyprep_window_get_question_page (window))));
  g_free (finished.reason);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames ();

  /* A new window brings the code back. */
  window = open_window (1280, 800);
  view = try_it (window);
  restored = buffer_text (view);
  g_assert_cmpstr (restored, ==, exercise->code[PYPREP_EXERCISE_SOLUTION]);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames ();
}

/* The exercise editor wraps long lines, or not, as Preferences say for
 * every view of code. */
static void
test_wrap_setting (void)
{
  GtkWidget *view;
  GtkTextView *editor;

  pyprep_code_wrap_bind (G_OBJECT (settings), "wrap-code");
  view = g_object_ref_sink (pyprep_exercise_view_new ());
  editor = GTK_TEXT_VIEW (gtk_widget_get_template_child (view, PYPREP_TYPE_EXERCISE_VIEW, "editor"));

  g_assert_cmpint (gtk_text_view_get_wrap_mode (editor), ==, GTK_WRAP_NONE);
  pyprep_settings_set_wrap_code (settings, TRUE);
  g_assert_cmpint (gtk_text_view_get_wrap_mode (editor), ==, GTK_WRAP_WORD_CHAR);
  pyprep_settings_set_wrap_code (settings, FALSE);
  g_assert_cmpint (gtk_text_view_get_wrap_mode (editor), ==, GTK_WRAP_NONE);

  pyprep_code_wrap_bind (NULL, NULL);
  g_assert_finalize_object (view);
}

/* Solved on the first submit without a hint: Good. A hint or the
 * solution changes what is proposed. */
static void
test_grades (void)
{
  const PyprepExercise *exercise =
    pyprep_question_get_exercise (pyprep_library_lookup_question (library, EXERCISE_QUESTION));
  PyprepExerciseView *view = PYPREP_EXERCISE_VIEW (pyprep_exercise_view_new ());
  /* An application window: where the app shows its dialogs, on every libadwaita. */
  GtkWidget *window = adw_application_window_new (NULL);
  Finished finished = { 0 };
  GtkWidget *hints;
  GtkTextBuffer *buffer;
  g_autofree char *after_reset = NULL;
  g_autofree char *after_undo = NULL;

  g_object_ref_sink (view);
  /* As wide as a phone at least, as in the app. */
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (view, "finished", G_CALLBACK (finished_cb), &finished);

  forget_draft ();
  pyprep_exercise_view_set_question (view, pyprep_library_lookup_question (library, EXERCISE_QUESTION));
  set_text (view, exercise->code[PYPREP_EXERCISE_SOLUTION]);
  run_and_wait (view, "exercise.submit");
  g_assert_cmpuint (finished.grade, ==, PYPREP_GRADE_GOOD);
  g_assert_cmpstr (finished.reason, ==, "Solved on the first submit, without a hint.");

  /* Start Over puts the starter back, and Undo brings the code back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "exercise.reset", NULL));
  after_reset = buffer_text (view);
  g_assert_cmpstr (after_reset, ==, exercise->code[PYPREP_EXERCISE_STARTER]);
  buffer = gtk_text_view_get_buffer (child (view, PYPREP_TYPE_EXERCISE_VIEW, "editor"));
  gtk_text_buffer_undo (buffer);
  after_undo = buffer_text (view);
  g_assert_cmpstr (after_undo, ==, exercise->code[PYPREP_EXERCISE_SOLUTION]);

  /* Another question, and back: a fresh attempt. Hints come one at a
   * time, up to the last. */
  pyprep_exercise_view_set_question (view, NULL);
  forget_draft ();
  pyprep_exercise_view_set_question (view, pyprep_library_lookup_question (library, EXERCISE_QUESTION));
  g_assert_false (pyprep_exercise_view_get_finished (view));
  hints = child (view, PYPREP_TYPE_EXERCISE_VIEW, "hints_box");
  /* One more than there are: the last press shows nothing new. */
  for (guint i = 0; i <= exercise->hints->len; i++)
    gtk_widget_activate_action (GTK_WIDGET (view), "exercise.hint", NULL);
  {
    guint n = 0;

    for (GtkWidget *c = gtk_widget_get_first_child (hints); c != NULL; c = gtk_widget_get_next_sibling (c))
      n++;
    g_assert_cmpuint (n, ==, exercise->hints->len);
  }
  set_text (view, exercise->code[PYPREP_EXERCISE_SOLUTION]);
  run_and_wait (view, "exercise.submit");
  g_assert_cmpuint (finished.grade, ==, PYPREP_GRADE_HARD);
  g_assert_cmpstr (finished.reason, ==, "Solved with 3 hints.");

  /* A failed submit and a hint: each counted in its own number. */
  pyprep_exercise_view_set_question (view, NULL);
  forget_draft ();
  pyprep_exercise_view_set_question (view, pyprep_library_lookup_question (library, EXERCISE_QUESTION));
  gtk_widget_activate_action (GTK_WIDGET (view), "exercise.hint", NULL);
  set_text (view, WRONG_CODE);
  run_and_wait (view, "exercise.submit");
  g_assert_false (pyprep_exercise_view_get_finished (view));
  set_text (view, exercise->code[PYPREP_EXERCISE_SOLUTION]);
  run_and_wait (view, "exercise.submit");
  g_assert_cmpuint (finished.grade, ==, PYPREP_GRADE_HARD);
  g_assert_cmpstr (finished.reason, ==, "Solved after 1 failed submit and 1 hint.");

  /* Show the Solution asks first; agreeing counts as not solved. */
  pyprep_exercise_view_set_question (view, NULL);
  pyprep_exercise_view_set_question (view, pyprep_library_lookup_question (library, EXERCISE_QUESTION));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "exercise.show-solution", NULL));
  wait_frames ();
  g_assert_false (pyprep_exercise_view_get_finished (view));
  g_assert_nonnull (pyprep_alert_get_shown (GTK_WIDGET (view)));
  pyprep_alert_respond (pyprep_alert_get_shown (GTK_WIDGET (view)), "show");
  wait_frames ();
  g_assert_true (pyprep_exercise_view_get_finished (view));
  g_assert_cmpuint (finished.grade, ==, PYPREP_GRADE_AGAIN);
  g_assert_cmpstr (finished.reason, ==, "The solution was shown.");
  g_assert_nonnull (find_widget (child (view, PYPREP_TYPE_EXERCISE_VIEW, "solution_box"), PYPREP_TYPE_CODE_BLOCK));

  g_free (finished.reason);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (view);
  forget_draft ();
}

/* At phone width, in dark: a run's results, looked at. */
static void
test_narrow_dark (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  PyprepWindow *window;
  PyprepExerciseView *view;
  int minimum;

  forget_draft ();
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  window = open_window (360, 640);
  view = try_it (window);
  shoot (GTK_WIDGET (window), "exercise-360-dark");
  run_and_wait (view, "exercise.run");
  shoot (GTK_WIDGET (window), "exercise-failing-360-dark");
  /* Solved at phone width: the four grades fit beside each other. */
  set_text (view, pyprep_question_get_exercise (pyprep_library_lookup_question (library, EXERCISE_QUESTION))
                    ->code[PYPREP_EXERCISE_SOLUTION]);
  run_and_wait (view, "exercise.submit");
  g_assert_true (pyprep_exercise_view_get_finished (view));
  shoot (GTK_WIDGET (window), "exercise-passing-360-dark");
  gtk_widget_measure (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)),
                      GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  gtk_window_destroy (GTK_WINDOW (window));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  wait_frames ();
  forget_draft ();
}

/* In practice, an exercise card: the tests propose, the user confirms,
 * the session records it on the exercise's card, the answer follows in
 * the view, and Next Card ends this one-card session. */
static void
test_practice_exercise (void)
{
  g_autoptr(PyprepStudy) memory = pyprep_study_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(PyprepPracticeSession) session = NULL;
  const PyprepExercise *exercise =
    pyprep_question_get_exercise (pyprep_library_lookup_question (library, EXERCISE_QUESTION));
  g_autofree char *exercise_id = pyprep_study_exercise_id (EXERCISE_QUESTION);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = pyprep_practice_page_new ();
  PyprepExerciseView *view;
  PyprepReviewState review;

  forget_draft ();
  session = pyprep_practice_session_new_full (library, memory, PYPREP_SCOPE_TOPIC, "memory-optimization",
                                              PYPREP_PRACTICE_EXERCISES, 20, now);
  g_assert_cmpuint (pyprep_practice_session_get_n_cards (session), ==, 1);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 700);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  pyprep_practice_page_start (PYPREP_PRACTICE_PAGE (page), session, memory);
  wait_frames ();

  view = PYPREP_EXERCISE_VIEW (find_widget (page, PYPREP_TYPE_EXERCISE_VIEW));
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (child (page, PYPREP_TYPE_PRACTICE_PAGE, "card"))));

  set_text (view, exercise->code[PYPREP_EXERCISE_SOLUTION]);
  run_and_wait (view, "exercise.submit");
  press_grade (view, PYPREP_GRADE_EASY);
  g_assert_true (pyprep_study_get_review (memory, exercise_id, &review));
  g_assert_cmpstr (pyprep_study_get_grades (memory, exercise_id), ==, "4");
  g_assert_false (pyprep_study_get_review (memory, EXERCISE_QUESTION, &review));
  wait_frames ();
  /* The answer is in the view now, in the editor's place. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (child (view, PYPREP_TYPE_EXERCISE_VIEW, "editor"))));
  g_assert_nonnull (find_widget (child (view, PYPREP_TYPE_EXERCISE_VIEW, "solution_box"),
                                 PYPREP_TYPE_MARKDOWN_VIEW));
  shoot (window, "practice-exercise-answer");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "exercise.show-answer", NULL));
  wait_frames ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, PYPREP_TYPE_PRACTICE_PAGE, "stack")), ==,
                   "summary");
  gtk_window_destroy (GTK_WINDOW (window));
  forget_draft ();
}

static void
check_done_cb (PyprepLibrary *library,
               gpointer       user_data)
{
  *(gboolean *)user_data = TRUE;
}

/* A user's deck whose exercise is broken: its solution fails a hidden
 * test, or its tests do not compile. Each is reported as a deck problem
 * with the file and the line; the bank's own exercises are not rerun. */
static void
test_user_deck_check (void)
{
  static const char deck[] =
    "---\nid: mine\ntitle: Mine\n---\n\n"
    "# Write add\nid: my-add\ndifficulty: junior\n\nUse +.\n\n"
    "```python starter\ndef add(a, b):\n    ...\n```\n"
    "```python tests\nfrom solution import add\ndef test_one():\n    assert add(1, 2) == 3\n```\n"
    "```python hidden-tests\nfrom solution import add\n\ndef test_neg():\n    assert add(-1, 1) == 0\n```\n"
    "```python solution\ndef add(a, b):\n    return abs(a) + b\n```\n"
    "# Write sub\nid: my-sub\ndifficulty: junior\n\nUse -.\n\n"
    "```python starter\ndef sub(a, b):\n    ...\n```\n"
    "```python tests\nfrom solution import sub\ndef test_one(:\n    assert sub(3, 2) == 1\n```\n"
    "```python hidden-tests\nfrom solution import sub\ndef test_two():\n    assert sub(2, 3) == -1\n```\n"
    "```python solution\ndef sub(a, b):\n    return a - b\n```\n";
  g_autoptr(PyprepLibrary) mine = pyprep_library_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (deck, strlen (deck));
  GPtrArray *problems;
  gboolean done = FALSE;

  g_assert_true (pyprep_library_load_bytes (mine, "/home/me/decks/mine.md", bytes));
  pyprep_library_load_resources (mine, RESOURCE_PREFIX "/content");
  g_assert_cmpuint (pyprep_library_get_problems (mine)->len, ==, 0);

  /* Each problem is logged, as a deck's are. */
  g_test_expect_message ("pyprep-library", G_LOG_LEVEL_WARNING, "*fails its own test*");
  g_test_expect_message ("pyprep-library", G_LOG_LEVEL_WARNING, "*does not compile*");
  pyprep_exercise_check_user_decks (mine, NULL, NULL, check_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_test_assert_expected_messages ();

  problems = pyprep_library_get_problems (mine);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((GError *)problems->pdata[i])->message);
  g_assert_cmpuint (problems->len, ==, 2);
  /* The hidden tests' fence is on line 21; the assert is its line 4. */
  g_assert_cmpstr (((GError *)problems->pdata[0])->message, ==,
                   "/home/me/decks/mine.md:25: The exercise’s solution fails its own test “test_neg”: "
                   "assert add(-1, 1) == 0");
  g_assert_true (g_str_has_prefix (((GError *)problems->pdata[1])->message,
                                   "/home/me/decks/mine.md:43: The exercise’s “python tests” does not compile: "
                                   "SyntaxError"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gtk_source_init ();
  {
    GdkDisplay *display = gdk_display_get_default ();
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display), RESOURCE_PREFIX "/icons");
    gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
    gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  library = pyprep_library_new ();
  pyprep_library_load_resources (library, RESOURCE_PREFIX "/content");
  {
    g_autoptr(GSettings) gsettings = g_settings_new (APPLICATION_ID);

    study = pyprep_study_new (gsettings);
    settings = pyprep_settings_new_for_gsettings (gsettings);
  }

  g_test_add_func ("/pyprep/exercise-view/solve-after-a-failed-submit", test_solve_after_a_failed_submit);
  g_test_add_func ("/pyprep/exercise-view/grades", test_grades);
  g_test_add_func ("/pyprep/exercise-view/wrap-setting", test_wrap_setting);
  g_test_add_func ("/pyprep/exercise-view/narrow-dark", test_narrow_dark);
  g_test_add_func ("/pyprep/exercise-view/practice", test_practice_exercise);
  g_test_add_func ("/pyprep/exercise-view/user-deck-check", test_user_deck_check);

  status = g_test_run ();
  g_clear_object (&settings);
  g_clear_object (&study);
  g_clear_object (&library);
  return status;
}
