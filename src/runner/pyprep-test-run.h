/* pyprep-test-run.h: runs an exercise's tests against the user's code,
 * with the harness, in the runner's sandbox, and reads its report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pyprep-runner.h"

G_BEGIN_DECLS

typedef enum {
  PYPREP_TEST_PASSED,
  PYPREP_TEST_FAILED,     /* an assert was false */
  PYPREP_TEST_ERROR,      /* the code or the test raised */
  PYPREP_TEST_TIMED_OUT,  /* the test's own time limit */
} PyprepTestStatus;

typedef struct
{
  char             *name;        /* the test function's name */
  gboolean          hidden;      /* from the hidden tests */
  PyprepTestStatus  status;
  char             *message;     /* the assertion or the exception, or NULL */
  char             *left;        /* an `assert a == b`'s two sides, or NULL */
  char             *right;
  char             *traceback;   /* the user's and the tests' frames only */
  char             *file;        /* where it failed: "solution.py", or NULL */
  guint             line;
  char             *output;      /* what the test printed */
  double            seconds;
  double            cpu_seconds; /* the test's process, user and system */
} PyprepTestResult;

typedef struct
{
  GPtrArray        *results;       /* of PyprepTestResult, in the order run */
  guint             passed;
  guint             total;
  char             *compile_error; /* the code or tests do not compile, or NULL */
  char             *compile_file;
  guint             compile_line;
  PyprepRunResult  *run;           /* the harness's process: protection, limits, stderr */
} PyprepTestReport;

#define PYPREP_TEST_TIME_LIMIT_SEC 5

void              pyprep_test_run_async       (PyprepRunner        *runner,
                                               const char          *code,
                                               const char          *tests,
                                               const char          *hidden_tests,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
PyprepTestReport *pyprep_test_run_finish      (PyprepRunner        *runner,
                                               GAsyncResult        *result,
                                               GError             **error);

PyprepTestReport *pyprep_test_report_parse    (const char          *report,
                                               GError             **error);
gboolean          pyprep_test_report_all_passed (const PyprepTestReport *self);
void              pyprep_test_report_free     (PyprepTestReport    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepTestReport, pyprep_test_report_free)

G_END_DECLS
