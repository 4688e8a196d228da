/* pyprep-exercise-check.c: an exercise in a deck of the user's own is
 * checked once it has loaded, in the background and one at a time, as the
 * bank's are by its tests: its solution must pass its own tests, visible
 * and hidden, and the tests must compile. What fails becomes a deck
 * problem, "file:line: …", shown like the others; the exercise stays
 * usable. (The bank's own exercises are checked by tests/check-exercises.py
 * in CI, so they are not run again here.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-exercise-check"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-deck.h"
#include "pyprep-exercise.h"
#include "pyprep-exercise-check.h"
#include "pyprep-question.h"
#include "pyprep-test-run.h"

typedef struct
{
  PyprepLibrary           *library;
  GCancellable            *cancellable;
  GPtrArray               *questions;   /* left to check */
  PyprepExerciseCheckFunc  found;
  PyprepExerciseCheckFunc  done;
  gpointer                 user_data;
} Check;

static void
check_free (Check *check)
{
  g_object_unref (check->library);
  g_clear_object (&check->cancellable);
  g_ptr_array_unref (check->questions);
  g_free (check);
}

static void check_next (Check *check);

static GError *
problem_of (PyprepQuestion   *question,
            PyprepTestReport *report)
{
  const PyprepExercise *exercise = pyprep_question_get_exercise (question);
  const char *source = pyprep_question_get_source (question);

  if (report->compile_error != NULL)
    {
      gboolean hidden = g_strcmp0 (report->compile_file, "hidden.py") == 0;
      gboolean solution = g_strcmp0 (report->compile_file, "solution.py") == 0;
      PyprepExercisePart part = solution ? PYPREP_EXERCISE_SOLUTION
                                : hidden ? PYPREP_EXERCISE_HIDDEN_TESTS : PYPREP_EXERCISE_TESTS;

      return g_error_new (PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_EXERCISE,
                          _("%s:%u: The exercise’s “python %s” does not compile: %s"),
                          source, exercise->line[part] + report->compile_line,
                          pyprep_exercise_part_to_string (part), report->compile_error);
    }

  for (guint i = 0; i < report->results->len; i++)
    {
      const PyprepTestResult *result = report->results->pdata[i];
      PyprepExercisePart part = result->hidden ? PYPREP_EXERCISE_HIDDEN_TESTS : PYPREP_EXERCISE_TESTS;
      guint line = exercise->line[part];

      if (result->status == PYPREP_TEST_PASSED)
        continue;
      /* The failing line of the test file, when the failure was in it. */
      if (g_strcmp0 (result->file, result->hidden ? "hidden.py" : "tests.py") == 0)
        line += result->line;
      return g_error_new (PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_EXERCISE,
                          _("%s:%u: The exercise’s solution fails its own test “%s”: %s"),
                          source, line, result->name,
                          result->message != NULL ? result->message : _("no message"));
    }

  if (report->results->len == 0)
    return g_error_new (PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_EXERCISE,
                        _("%s:%u: The exercise’s tests did not run"),
                        source, exercise->line[PYPREP_EXERCISE_TESTS]);
  return NULL;
}

static void
ran_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  Check *check = user_data;
  g_autoptr(PyprepTestReport) report = NULL;
  g_autoptr(GError) error = NULL;
  PyprepQuestion *question = g_ptr_array_steal_index (check->questions, 0);

  report = pyprep_test_run_finish (PYPREP_RUNNER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_object_unref (question);
      check_free (check);
      return;
    }

  /* No python3 here: nothing can be checked, and Run says why. */
  if (g_error_matches (error, PYPREP_RUNNER_ERROR, PYPREP_RUNNER_ERROR_NO_PYTHON))
    g_ptr_array_set_size (check->questions, 0);
  else if (report != NULL)
    {
      GError *problem = problem_of (question, report);

      if (problem != NULL)
        {
          pyprep_library_add_problem (check->library, problem);
          if (check->found != NULL)
            check->found (check->library, check->user_data);
        }
    }

  g_object_unref (question);
  check_next (check);
}

static void
check_next (Check *check)
{
  PyprepQuestion *question;
  const PyprepExercise *exercise;

  if (check->questions->len == 0)
    {
      if (check->done != NULL)
        check->done (check->library, check->user_data);
      check_free (check);
      return;
    }

  question = check->questions->pdata[0];
  exercise = pyprep_question_get_exercise (question);
  pyprep_test_run_async (pyprep_runner_get_default (), exercise->code[PYPREP_EXERCISE_SOLUTION],
                         exercise->code[PYPREP_EXERCISE_TESTS], exercise->code[PYPREP_EXERCISE_HIDDEN_TESTS],
                         check->cancellable, ran_cb, check);
}

/**
 * pyprep_exercise_check_user_decks:
 * @found: (nullable): called after each problem is added to @library
 * @done: (nullable): called when every exercise was checked
 *
 * Checks the exercises of the decks loaded from files (the user's own),
 * one after the other.
 */
void
pyprep_exercise_check_user_decks (PyprepLibrary           *library,
                                  GCancellable            *cancellable,
                                  PyprepExerciseCheckFunc  found,
                                  PyprepExerciseCheckFunc  done,
                                  gpointer                 user_data)
{
  g_autoptr(GPtrArray) all = NULL;
  Check *check;

  g_return_if_fail (PYPREP_IS_LIBRARY (library));

  check = g_new0 (Check, 1);
  check->library = g_object_ref (library);
  check->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  check->questions = g_ptr_array_new_with_free_func (g_object_unref);
  check->found = found;
  check->done = done;
  check->user_data = user_data;

  all = pyprep_library_list_questions (library);
  for (guint i = 0; i < all->len; i++)
    {
      PyprepQuestion *question = all->pdata[i];

      /* The user's decks are files; the bank's are resources. */
      if (pyprep_question_get_exercise (question) != NULL
          && g_path_is_absolute (pyprep_question_get_source (question)))
        g_ptr_array_add (check->questions, g_object_ref (question));
    }

  check_next (check);
}
