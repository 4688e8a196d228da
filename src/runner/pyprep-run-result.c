/* pyprep-run-result.c: what a run of a snippet gave: its output, how it
 * ended, and how it was protected. A boxed type, so it can be copied and
 * handed around.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-runner"

#include "config.h"

#include "pyprep-runner.h"

G_DEFINE_BOXED_TYPE (PyprepRunResult, pyprep_run_result, pyprep_run_result_copy, pyprep_run_result_free)

PyprepRunResult *
pyprep_run_result_copy (const PyprepRunResult *self)
{
  PyprepRunResult *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->stdout_text = g_strdup (self->stdout_text);
  copy->stderr_text = g_strdup (self->stderr_text);
  copy->python_version = g_strdup (self->python_version);
  return copy;
}

void
pyprep_run_result_free (PyprepRunResult *self)
{
  if (self == NULL)
    return;

  g_free (self->stdout_text);
  g_free (self->stderr_text);
  g_free (self->python_version);
  g_free (self);
}

/* Ended on its own with status 0. */
gboolean
pyprep_run_result_succeeded (const PyprepRunResult *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->ending == PYPREP_RUN_ENDED && self->exited && self->exit_status == 0;
}
