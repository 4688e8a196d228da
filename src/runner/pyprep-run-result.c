/* pyprep-run-result.c: what a run of a snippet gave: its output, how it
 * ended, and how it was protected. A boxed type, so it can be copied and
 * handed around.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-runner"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <glib/gi18n.h>

#include "pyprep-runner.h"
#include "pyprep-sandbox.h"

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

/* Which limit of the sandbox the run ran into, from how it ended and the
 * last line of its error output (Python's C locale messages). */
PyprepRunLimit
pyprep_run_result_get_limit (const PyprepRunResult *self)
{
  const char *err;

  g_return_val_if_fail (self != NULL, PYPREP_RUN_LIMIT_NONE);

  if (self->ending == PYPREP_RUN_MEMORY_LIMIT)
    return PYPREP_RUN_LIMIT_TOTAL_MEMORY;
  if (self->ending == PYPREP_RUN_DISK_LIMIT)
    return PYPREP_RUN_LIMIT_DISK;
  if (!self->exited && self->term_signal == SIGXFSZ)
    return PYPREP_RUN_LIMIT_FILE_SIZE;
  if (!self->exited && self->term_signal == SIGXCPU)
    return PYPREP_RUN_LIMIT_CPU;
  if (self->exited && self->exit_status != 0 && (err = self->stderr_text) != NULL)
    {
      /* The exception that ended it is on the last line. */
      const char *last = g_strrstr (err, "\n");

      while (last != NULL && last > err && last[1] == '\0')
        last = g_strrstr_len (err, last - err, "\n");
      last = last != NULL ? last + 1 : err;
      if (g_str_has_prefix (last, "MemoryError"))
        return PYPREP_RUN_LIMIT_MEMORY;
      if (strstr (last, "No space left on device") != NULL)
        return PYPREP_RUN_LIMIT_DISK;
      /* Python ignores SIGXFSZ: the write fails with EFBIG instead. */
      if (strstr (last, "File too large") != NULL)
        return PYPREP_RUN_LIMIT_FILE_SIZE;
    }
  return PYPREP_RUN_LIMIT_NONE;
}

/* Returns: (transfer full) (nullable): the limit as the panel says it,
 * "used more than 1 GiB of memory" */
char *
pyprep_run_limit_describe (PyprepRunLimit limit)
{
  g_autofree char *size = NULL;

  switch (limit)
    {
    case PYPREP_RUN_LIMIT_MEMORY:
      size = g_format_size_full (PYPREP_SANDBOX_MEMORY_LIMIT, G_FORMAT_SIZE_IEC_UNITS);
      /* Translators: %s is a size, "1.0 GiB" */
      return g_strdup_printf (_("used more than %s of memory"), size);
    case PYPREP_RUN_LIMIT_FILE_SIZE:
      size = g_format_size_full (PYPREP_SANDBOX_FILE_SIZE_LIMIT, G_FORMAT_SIZE_IEC_UNITS);
      return g_strdup_printf (_("wrote a file larger than %s"), size);
    case PYPREP_RUN_LIMIT_DISK:
      size = g_format_size_full (PYPREP_SANDBOX_TMP_SIZE, G_FORMAT_SIZE_IEC_UNITS);
      return g_strdup_printf (_("filled its %s of temporary space"), size);
    case PYPREP_RUN_LIMIT_CPU:
      return g_strdup (_("used its CPU time"));
    case PYPREP_RUN_LIMIT_TOTAL_MEMORY:
      size = g_format_size_full (PYPREP_SANDBOX_TOTAL_MEMORY, G_FORMAT_SIZE_IEC_UNITS);
      /* Translators: %s is a size; "in all" counts every process the code started */
      return g_strdup_printf (_("used more than %s of memory in all"), size);
    case PYPREP_RUN_LIMIT_NONE:
    default:
      return NULL;
    }
}
