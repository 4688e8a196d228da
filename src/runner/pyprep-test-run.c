/* pyprep-test-run.c: an exercise's tests, run by pyprep-harness.py in the
 * runner's sandbox. The harness writes one JSON object per line on its
 * standard output, which only it writes to: the user's code prints into
 * pipes the harness reads, so a print cannot forge a result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-test-run"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "pyprep-runner-resources.h"
#include "pyprep-test-run.h"

#define HARNESS_RESOURCE "/io/github/pyprep/PyPrep/runner/pyprep-harness.py"
#define HARNESS_NAME     "pyprep-harness.py"
/* The whole run: every test at its limit would take longer, but a run of
 * that many hanging tests says enough by then. */
#define RUN_LIMIT_MSEC   (60 * 1000)
/* The harness keeps 16 KiB of each test's output; this is room for many. */
#define REPORT_LIMIT     (2 * 1024 * 1024)

static void
test_result_free (PyprepTestResult *result)
{
  g_free (result->name);
  g_free (result->message);
  g_free (result->left);
  g_free (result->right);
  g_free (result->traceback);
  g_free (result->file);
  g_free (result->output);
  g_free (result);
}

void
pyprep_test_report_free (PyprepTestReport *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->results);
  g_free (self->compile_error);
  g_free (self->compile_file);
  g_clear_pointer (&self->run, pyprep_run_result_free);
  g_free (self);
}

gboolean
pyprep_test_report_all_passed (const PyprepTestReport *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->compile_error == NULL && self->total > 0 && self->passed == self->total;
}

static char *
dup_member (JsonObject *object,
            const char *name)
{
  const char *value = json_object_get_string_member_with_default (object, name, NULL);

  return value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

static gboolean
parse_status (const char       *text,
              PyprepTestStatus *status)
{
  static const char * const names[] = { "pass", "fail", "error", "timeout" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * pyprep_test_report_parse:
 * @report: the harness's standard output
 *
 * Returns: (transfer full) (nullable): the report, or %NULL if @report
 *   is not one the harness wrote to the end
 */
PyprepTestReport *
pyprep_test_report_parse (const char  *report,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(GStrv) lines = g_strsplit (report, "\n", -1);
  PyprepTestReport *self = g_new0 (PyprepTestReport, 1);
  gboolean ended = FALSE;

  self->results = g_ptr_array_new_with_free_func ((GDestroyNotify)test_result_free);

  for (guint i = 0; lines[i] != NULL && !ended; i++)
    {
      JsonObject *object;
      const char *event;

      if (*lines[i] == '\0')
        continue;
      if (!json_parser_load_from_data (parser, lines[i], -1, error))
        break;
      if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        break;
      object = json_node_get_object (json_parser_get_root (parser));
      event = json_object_get_string_member_with_default (object, "event", "");

      if (g_str_equal (event, "result"))
        {
          PyprepTestResult *result = g_new0 (PyprepTestResult, 1);

          if (!parse_status (json_object_get_string_member_with_default (object, "status", ""),
                             &result->status))
            result->status = PYPREP_TEST_ERROR;
          result->name = dup_member (object, "name");
          result->hidden = g_strcmp0 (json_object_get_string_member_with_default (object, "suite", ""),
                                      "hidden") == 0;
          result->message = dup_member (object, "message");
          result->left = dup_member (object, "left");
          result->right = dup_member (object, "right");
          result->traceback = dup_member (object, "traceback");
          result->file = dup_member (object, "file");
          result->line = json_object_get_int_member_with_default (object, "line", 0);
          result->output = dup_member (object, "output");
          result->seconds = json_object_get_double_member_with_default (object, "seconds", 0);
          result->cpu_seconds = json_object_get_double_member_with_default (object, "cpu_seconds", 0);
          if (result->name == NULL)
            result->name = g_strdup ("?");
          g_ptr_array_add (self->results, result);
        }
      else if (g_str_equal (event, "compile-error"))
        {
          self->compile_error = dup_member (object, "message");
          self->compile_file = dup_member (object, "file");
          self->compile_line = json_object_get_int_member_with_default (object, "line", 0);
        }
      else if (g_str_equal (event, "start"))
        self->total = json_object_get_int_member_with_default (object, "tests", 0);
      else if (g_str_equal (event, "end"))
        ended = TRUE;
    }

  if (!ended)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, PYPREP_RUNNER_ERROR, PYPREP_RUNNER_ERROR_FAILED,
                             _("The tests stopped before they reported every result"));
      pyprep_test_report_free (self);
      return NULL;
    }

  for (guint i = 0; i < self->results->len; i++)
    if (((PyprepTestResult *)self->results->pdata[i])->status == PYPREP_TEST_PASSED)
      self->passed++;
  self->total = MAX (self->total, self->results->len);

  return self;
}

static void
ran_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(PyprepRunResult) run = NULL;
  g_autoptr(GError) error = NULL;
  PyprepTestReport *report;

  run = pyprep_runner_run_finish (PYPREP_RUNNER (object), result, &error);
  if (run == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  report = pyprep_test_report_parse (run->stdout_text, &error);
  if (report == NULL)
    {
      /* The harness was stopped: a limit of the sandbox, or a crash. */
      report = g_new0 (PyprepTestReport, 1);
      report->results = g_ptr_array_new_with_free_func ((GDestroyNotify)test_result_free);
    }
  report->run = g_steal_pointer (&run);
  g_task_return_pointer (task, report, (GDestroyNotify)pyprep_test_report_free);
}

/**
 * pyprep_test_run_async:
 * @code: the user's code, imported by the tests as `solution`
 * @tests: the visible tests
 * @hidden_tests: (nullable): the hidden ones, run after them
 *
 * Runs the tests, each in its own process with a time limit of
 * %PYPREP_TEST_TIME_LIMIT_SEC, inside the runner's sandbox.
 */
void
pyprep_test_run_async (PyprepRunner        *runner,
                       const char          *code,
                       const char          *tests,
                       const char          *hidden_tests,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GBytes) harness = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *harness_text = NULL;
  g_autofree char *time_limit = g_strdup_printf ("%d", PYPREP_TEST_TIME_LIMIT_SEC);
  const char *names[5] = { HARNESS_NAME, "solution.py", "tests.py", NULL, NULL };
  const char *texts[5] = { NULL, code, tests, NULL, NULL };
  const char *args[9] = { HARNESS_NAME, "solution.py", "--timeout", time_limit,
                          "--tests", "tests.py", NULL, NULL, NULL };

  g_return_if_fail (PYPREP_IS_RUNNER (runner));
  g_return_if_fail (code != NULL && tests != NULL);

  task = g_task_new (runner, cancellable, callback, user_data);
  g_task_set_source_tag (task, pyprep_test_run_async);

  /* Looked up in this library's own resource, which also makes a static
   * link keep it. */
  harness = g_resource_lookup_data (pyprep_runner_get_resource (), HARNESS_RESOURCE, 0, NULL);
  g_assert (harness != NULL);
  harness_text = g_strndup (g_bytes_get_data (harness, NULL), g_bytes_get_size (harness));
  texts[0] = harness_text;
  if (hidden_tests != NULL)
    {
      names[3] = "hidden.py";
      texts[3] = hidden_tests;
      args[6] = "--hidden";
      args[7] = "hidden.py";
    }

  pyprep_runner_run_files_async (runner, names, texts, args, RUN_LIMIT_MSEC, REPORT_LIMIT,
                                 cancellable, ran_cb, g_steal_pointer (&task));
}

/* Returns: (transfer full): the report; on a run stopped before the end,
 *   one with no results whose `run` says why */
PyprepTestReport *
pyprep_test_run_finish (PyprepRunner  *runner,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, runner), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
