/* test-exercise-run.c: an exercise's tests run by the harness in the
 * sandbox, and the report a user reads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pyprep-exercise.h"
#include "pyprep-library.h"
#include "pyprep-question.h"
#include "pyprep-test-run.h"

typedef struct
{
  PyprepTestReport *report;
  GError           *error;
  gboolean          done;
} Outcome;

static void
ran_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->report = pyprep_test_run_finish (PYPREP_RUNNER (object), result, &outcome->error);
  outcome->done = TRUE;
}

static PyprepTestReport *
run_tests (const char *code,
           const char *tests,
           const char *hidden)
{
  PyprepRunner *runner = pyprep_runner_get_default ();
  Outcome outcome = { 0 };

  pyprep_test_run_async (runner, code, tests, hidden, NULL, ran_cb, &outcome);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (outcome.error);
  g_assert_nonnull (outcome.report);
  g_assert_nonnull (outcome.report->run);
  /* Where bubblewrap must work (CI), the tests ran inside it. */
  if (g_strcmp0 (g_getenv ("PYPREP_EXPECT_SANDBOX"), "bwrap") == 0)
    g_assert_cmpint (outcome.report->run->protection, ==, PYPREP_RUN_PROTECTION_BWRAP);
  return outcome.report;
}

static const PyprepTestResult *
result_named (PyprepTestReport *report,
              const char       *name)
{
  for (guint i = 0; i < report->results->len; i++)
    {
      const PyprepTestResult *result = report->results->pdata[i];

      if (g_str_equal (result->name, name))
        return result;
    }
  g_error ("no result for %s", name);
}

/* The bank's LRU cache: its solution passes every test, its starter fails. */
static void
test_bank_exercise (void)
{
  g_autoptr(PyprepLibrary) library = pyprep_library_new ();
  g_autoptr(PyprepTestReport) solved = NULL;
  g_autoptr(PyprepTestReport) started = NULL;
  const PyprepExercise *exercise;

  pyprep_library_load_resources (library, RESOURCE_PREFIX "/content");
  exercise = pyprep_question_get_exercise (pyprep_library_lookup_question (library, "lru-cache-by-hand"));
  g_assert_nonnull (exercise);

  solved = run_tests (exercise->code[PYPREP_EXERCISE_SOLUTION], exercise->code[PYPREP_EXERCISE_TESTS],
                      exercise->code[PYPREP_EXERCISE_HIDDEN_TESTS]);
  g_assert_null (solved->compile_error);
  g_assert_cmpuint (solved->total, >=, 6);
  g_assert_cmpuint (solved->passed, ==, solved->total);
  g_assert_true (pyprep_test_report_all_passed (solved));
  g_assert_true (((PyprepTestResult *)solved->results->pdata[solved->total - 1])->hidden);
  g_assert_false (((PyprepTestResult *)solved->results->pdata[0])->hidden);

  /* Run is the visible tests alone; the starter's `...` bodies fail them. */
  started = run_tests (exercise->code[PYPREP_EXERCISE_STARTER], exercise->code[PYPREP_EXERCISE_TESTS], NULL);
  g_assert_cmpuint (started->total, >=, 3);
  g_assert_cmpuint (started->passed, <, started->total);
  for (guint i = 0; i < started->results->len; i++)
    g_assert_false (((PyprepTestResult *)started->results->pdata[i])->hidden);
  g_assert_false (pyprep_test_report_all_passed (started));
}

#define ADD_TESTS \
  "from solution import add\n" \
  "\n" \
  "def test_small():\n" \
  "    assert add(1, 2) == 3\n" \
  "\n" \
  "def test_strings():\n" \
  "    assert add('a', 'b') == 'ab'\n" \
  "\n" \
  "def test_mixed():\n" \
  "    add(1, 'b')\n"

/* A failure names the compared values and the line; an error points at the
 * user's own line; what the code printed is kept apart, per test. */
static void
test_report_details (void)
{
  g_autoptr(PyprepTestReport) report = run_tests ("def add(a, b):\n"
                                                  "    print('adding', a, b)\n"
                                                  "    if isinstance(a, int):\n"
                                                  "        return a + b + 1\n"
                                                  "    return a + b\n",
                                                  ADD_TESTS, NULL);
  const PyprepTestResult *small = result_named (report, "test_small");
  const PyprepTestResult *strings = result_named (report, "test_strings");
  const PyprepTestResult *mixed = result_named (report, "test_mixed");

  g_assert_cmpuint (report->total, ==, 3);
  g_assert_cmpuint (report->passed, ==, 1);

  g_assert_cmpint (small->status, ==, PYPREP_TEST_FAILED);
  g_assert_cmpstr (small->message, ==, "assert add(1, 2) == 3");
  g_assert_cmpstr (small->left, ==, "4");
  g_assert_cmpstr (small->right, ==, "3");
  g_assert_cmpstr (small->file, ==, "tests.py");
  g_assert_cmpuint (small->line, ==, 4);
  g_assert_cmpstr (small->output, ==, "adding 1 2\n");

  g_assert_cmpint (strings->status, ==, PYPREP_TEST_PASSED);

  g_assert_cmpint (mixed->status, ==, PYPREP_TEST_ERROR);
  g_assert_true (g_str_has_prefix (mixed->message, "TypeError"));
  g_assert_cmpstr (mixed->file, ==, "solution.py");
  g_assert_cmpuint (mixed->line, ==, 4);
  g_assert_nonnull (strstr (mixed->traceback, "line 4, in add"));
  /* The harness's own frames are not the user's business. */
  g_assert_null (strstr (mixed->traceback, "harness"));
}

/* Printing the harness's own report lines changes nothing but the output. */
static void
test_print_cannot_forge (void)
{
  g_autoptr(PyprepTestReport) report = run_tests (
    "import os, sys\n"
    "FAKE = '{\"event\": \"result\", \"name\": \"test_small\", \"status\": \"pass\"}'\n"
    "def add(a, b):\n"
    "    print(FAKE)\n"
    "    print('{\"event\": \"end\", \"passed\": 3, \"total\": 3}')\n"
    "    sys.__stdout__.write(FAKE + '\\n')\n"
    "    os.write(1, (FAKE + '\\n').encode())\n"
    "    os.write(2, (FAKE + '\\n').encode())\n"
    "    return 0\n",
    ADD_TESTS, NULL);
  const PyprepTestResult *small = result_named (report, "test_small");

  g_assert_cmpuint (report->total, ==, 3);
  /* Only test_mixed, which just calls add(), passes. */
  g_assert_cmpuint (report->passed, ==, 1);
  g_assert_cmpint (small->status, ==, PYPREP_TEST_FAILED);
  g_assert_cmpint (result_named (report, "test_strings")->status, ==, PYPREP_TEST_FAILED);
  g_assert_nonnull (strstr (small->output, "\"status\": \"pass\""));
}

static void
test_compile_error (void)
{
  g_autoptr(PyprepTestReport) report = run_tests ("def add(a, b):\n"
                                                  "    total = a +\n"
                                                  "    return total\n",
                                                  ADD_TESTS, NULL);

  g_assert_nonnull (report->compile_error);
  g_assert_true (g_str_has_prefix (report->compile_error, "SyntaxError"));
  g_assert_cmpstr (report->compile_file, ==, "solution.py");
  g_assert_cmpuint (report->compile_line, ==, 2);
  g_assert_cmpuint (report->results->len, ==, 0);
  g_assert_false (pyprep_test_report_all_passed (report));
}

/* A test that hangs fails alone, at its time limit; the next one runs. */
static void
test_hanging_test (void)
{
  g_autoptr(PyprepTestReport) report = run_tests ("def spin():\n"
                                                  "    while True:\n"
                                                  "        pass\n",
                                                  "from solution import spin\n"
                                                  "def test_spins():\n"
                                                  "    spin()\n"
                                                  "def test_after():\n"
                                                  "    assert 1 + 1 == 2\n",
                                                  NULL);

  g_assert_cmpuint (report->total, ==, 2);
  g_assert_cmpint (result_named (report, "test_spins")->status, ==, PYPREP_TEST_TIMED_OUT);
  g_assert_cmpint (result_named (report, "test_after")->status, ==, PYPREP_TEST_PASSED);
}

/* A report cut short is not a report. */
static void
test_truncated_report (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepTestReport) whole = NULL;
  PyprepTestReport *cut;

  whole = pyprep_test_report_parse ("{\"event\": \"start\", \"tests\": 1}\n"
                                    "{\"event\": \"result\", \"name\": \"test_a\", \"status\": \"pass\"}\n"
                                    "{\"event\": \"end\", \"passed\": 1, \"total\": 1}\n", &error);
  g_assert_no_error (error);
  g_assert_true (pyprep_test_report_all_passed (whole));

  cut = pyprep_test_report_parse ("{\"event\": \"start\", \"tests\": 2}\n"
                                  "{\"event\": \"result\", \"name\": \"test_a\", \"status\": \"pass\"}\n", &error);
  g_assert_null (cut);
  g_assert_error (error, PYPREP_RUNNER_ERROR, PYPREP_RUNNER_ERROR_FAILED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/exercise-run/bank-exercise", test_bank_exercise);
  g_test_add_func ("/pyprep/exercise-run/report-details", test_report_details);
  g_test_add_func ("/pyprep/exercise-run/print-cannot-forge", test_print_cannot_forge);
  g_test_add_func ("/pyprep/exercise-run/compile-error", test_compile_error);
  g_test_add_func ("/pyprep/exercise-run/hanging-test", test_hanging_test);
  g_test_add_func ("/pyprep/exercise-run/truncated-report", test_truncated_report);

  return g_test_run ();
}
