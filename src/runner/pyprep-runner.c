/* pyprep-runner.c: runs a Python snippet the user asked to run, without
 * letting it hang, flood or harm the app.
 *
 * Each run gets a fresh temporary directory (removed afterwards), a closed
 * stdin, a clean environment and its own process group, so a timeout, Stop
 * or the end of the run kills the snippet and everything it started. How
 * the process is confined is pyprep-sandbox.c's business; which python3
 * runs it, pyprep-python-probe.c's. This file runs it: it reads its
 * output up to the limit, enforces the wall clock, and reports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-runner"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-python-probe.h"
#include "pyprep-runner.h"
#include "pyprep-sandbox.h"

#define DEFAULT_TIMEOUT_MSEC   5000
#define DEFAULT_OUTPUT_LIMIT   (64 * 1024)
#define USAGE_SAMPLE_MSEC     100
#define READ_CHUNK             8192
#define PIPE_GRACE_MSEC        500
#define SNIPPET_NAME           "snippet.py"

struct _PyprepRunner
{
  GObject  parent_instance;

  guint    timeout_msec;
  gsize    output_limit;
  gboolean use_sandbox;
};

G_DEFINE_FINAL_TYPE (PyprepRunner, pyprep_runner, G_TYPE_OBJECT)
G_DEFINE_QUARK (pyprep-runner-error-quark, pyprep_runner_error)

/* ---- Run -------------------------------------------------------------- */

typedef struct
{
  GInputStream *stream;
  GString      *kept;
  char          buffer[READ_CHUNK];
  gboolean      done;
} Pipe;

typedef struct
{
  PyprepRunner    *runner;
  char            *workdir;
  GStrv            names;      /* files written in the run's folder */
  GStrv            texts;      /* and their contents */
  GStrv            args;       /* python3's arguments after -I -X utf8 */
  guint            timeout_msec;
  gsize            output_limit;
  char            *mark;       /* in the environment of each of its processes */
  GSubprocess     *subprocess;
  GCancellable    *pipes_cancellable;
  Pipe             out;
  Pipe             err;
  int              pgid;
  gsize            kept;
  gboolean         reaped;
  guint            timeout_id;
  guint            grace_id;
  guint            usage_id;   /* samples the run's memory and disk use */
  gulong           cancelled_id;
  gint64           started;
  PyprepRunResult *result;
} Run;

static void
run_free (Run *run)
{
  g_clear_handle_id (&run->timeout_id, g_source_remove);
  g_clear_handle_id (&run->grace_id, g_source_remove);
  g_clear_handle_id (&run->usage_id, g_source_remove);
  g_clear_object (&run->runner);
  g_clear_object (&run->subprocess);
  g_clear_object (&run->pipes_cancellable);
  g_clear_object (&run->out.stream);
  g_clear_object (&run->err.stream);
  if (run->out.kept != NULL)
    g_string_free (run->out.kept, TRUE);
  if (run->err.kept != NULL)
    g_string_free (run->err.kept, TRUE);
  g_clear_pointer (&run->result, pyprep_run_result_free);
  g_free (run->workdir);
  g_strfreev (run->names);
  g_strfreev (run->texts);
  g_strfreev (run->args);
  g_free (run->mark);
  g_free (run);
}

static void read_next (GTask *task, Pipe *pipe);

/* Valid UTF-8, with the temporary directory left out of tracebacks. */
static char *
clean_text (GString    *kept,
            const char *workdir)
{
  g_autofree char *valid = g_utf8_make_valid (kept->str, kept->len);
  g_autofree char *prefix = g_strconcat (workdir, G_DIR_SEPARATOR_S, NULL);
  g_auto(GStrv) parts = g_strsplit (valid, prefix, -1);

  return g_strjoinv ("", parts);
}

static void
cleanup_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Run *run = task_data;

  /* The group, and what left it: a setsid(), a daemon. */
  pyprep_sandbox_reap (run->pgid, run->mark);
  pyprep_sandbox_remove_tree (run->workdir);
  g_task_return_boolean (task, TRUE);
}

static void
cleanup_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (cancellable != NULL && run->cancelled_id != 0)
    g_cancellable_disconnect (cancellable, run->cancelled_id);
  run->cancelled_id = 0;

  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_return_pointer (task, g_steal_pointer (&run->result),
                         (GDestroyNotify)pyprep_run_result_free);
}

static void
maybe_finish (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  PyprepRunResult *result = run->result;
  g_autoptr(GTask) cleanup = NULL;

  if (!run->reaped || !run->out.done || !run->err.done)
    return;

  g_clear_handle_id (&run->grace_id, g_source_remove);
  g_clear_handle_id (&run->timeout_id, g_source_remove);
  g_clear_handle_id (&run->usage_id, g_source_remove);

  result->stdout_text = clean_text (run->out.kept, run->workdir);
  result->stderr_text = clean_text (run->err.kept, run->workdir);

  /* Removing the directory and making sure nothing of the group is left
   * may take a moment: not on the UI thread. */
  cleanup = g_task_new (run->runner, NULL, cleanup_done_cb, g_object_ref (task));
  g_task_set_source_tag (cleanup, maybe_finish);
  g_task_set_task_data (cleanup, run, NULL);
  g_task_run_in_thread (cleanup, cleanup_thread);
}

/* Something still holds the pipes after the snippet ended (a process
 * that left the group): stop reading rather than wait forever. */
static gboolean
pipes_grace_cb (gpointer user_data)
{
  GTask *task = user_data;
  Run *run = g_task_get_task_data (task);

  run->grace_id = 0;
  g_cancellable_cancel (run->pipes_cancellable);
  return G_SOURCE_REMOVE;
}

static void
waited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  GSubprocess *subprocess = G_SUBPROCESS (object);

  g_subprocess_wait_finish (subprocess, result, NULL);

  run->reaped = TRUE;
  run->result->elapsed_usec = g_get_monotonic_time () - run->started;
  run->result->exited = g_subprocess_get_if_exited (subprocess);
  if (run->result->exited)
    run->result->exit_status = g_subprocess_get_exit_status (subprocess);
  else if (g_subprocess_get_if_signaled (subprocess))
    run->result->term_signal = g_subprocess_get_term_sig (subprocess);

  /* Whatever the snippet started dies with it. */
  pyprep_sandbox_kill_group (run->pgid);

  if (!run->out.done || !run->err.done)
    run->grace_id = g_timeout_add_full (G_PRIORITY_DEFAULT, PIPE_GRACE_MSEC, pipes_grace_cb,
                                        g_object_ref (task), g_object_unref);

  maybe_finish (task);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  Pipe *pipe = G_INPUT_STREAM (object) == run->out.stream ? &run->out : &run->err;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (object), result, NULL);
  gsize limit = run->output_limit;

  if (n <= 0)
    {
      pipe->done = TRUE;
      maybe_finish (task);
      return;
    }

  if (run->kept < limit)
    {
      gsize keep = MIN ((gsize)n, limit - run->kept);

      g_string_append_len (pipe->kept, pipe->buffer, keep);
      run->kept += keep;
      if (keep < (gsize)n)
        run->result->truncated = TRUE;
    }
  else
    {
      run->result->truncated = TRUE;
    }

  /* Nothing more is kept; stop the snippet instead of reading on. */
  if (run->result->truncated && run->result->ending == PYPREP_RUN_ENDED)
    {
      run->result->ending = PYPREP_RUN_OUTPUT_LIMIT;
      pyprep_sandbox_kill_group (run->pgid);
    }

  read_next (task, pipe);
}

static void
read_next (GTask *task,
           Pipe  *pipe)
{
  Run *run = g_task_get_task_data (task);

  g_input_stream_read_async (pipe->stream, pipe->buffer, sizeof pipe->buffer,
                             G_PRIORITY_DEFAULT, run->pipes_cancellable,
                             read_cb, g_object_ref (task));
}

static gboolean
timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  Run *run = g_task_get_task_data (task);

  run->timeout_id = 0;
  if (!run->reaped)
    {
      run->result->ending = PYPREP_RUN_TIMED_OUT;
      pyprep_sandbox_kill_group (run->pgid);
    }
  return G_SOURCE_REMOVE;
}

/* All of the run's processes together may hold so much memory, and
 * write so much in the run's folder, whatever each one's own limits:
 * sampled, since no cgroup or quota is set up for a run. */
static gboolean
usage_cb (gpointer user_data)
{
  GTask *task = user_data;
  Run *run = g_task_get_task_data (task);
  PyprepRunEnding over = PYPREP_RUN_ENDED;

  if (run->reaped)
    {
      run->usage_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (pyprep_sandbox_resident_total (run->pgid, run->mark) > PYPREP_SANDBOX_TOTAL_MEMORY)
    over = PYPREP_RUN_MEMORY_LIMIT;
  else if (pyprep_sandbox_tree_size (run->workdir, PYPREP_SANDBOX_TMP_SIZE) > PYPREP_SANDBOX_TMP_SIZE)
    over = PYPREP_RUN_DISK_LIMIT;
  if (over == PYPREP_RUN_ENDED)
    return G_SOURCE_CONTINUE;

  if (run->result->ending == PYPREP_RUN_ENDED)
    run->result->ending = over;
  pyprep_sandbox_reap (run->pgid, run->mark);
  run->usage_id = 0;
  return G_SOURCE_REMOVE;
}

/* May run in any thread: only kill(), which is safe anywhere. */
static void
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  Run *run = user_data;

  pyprep_sandbox_kill_group (run->pgid);
}

static void
start_run (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  PyprepRunner *self = run->runner;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable = g_task_get_cancellable (task);
  const PyprepPythonProbe *probe = pyprep_python_probe_get ();
  PyprepSandboxLimits limits;
  GOutputStream *stdin_pipe;

  if (g_task_return_error_if_cancelled (task))
    return;

  run->workdir = g_dir_make_tmp ("pyprep-run-XXXXXX", &error);
  if (run->workdir == NULL)
    {
      g_task_return_new_error (task, PYPREP_RUNNER_ERROR, PYPREP_RUNNER_ERROR_FAILED,
                               _("Could not make a temporary folder for the run: %s"),
                               error->message);
      return;
    }

  for (guint i = 0; run->names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (run->workdir, run->names[i], NULL);

      if (!g_file_set_contents (path, run->texts[i], -1, &error))
        {
          pyprep_sandbox_remove_tree (run->workdir);
          g_task_return_new_error (task, PYPREP_RUNNER_ERROR, PYPREP_RUNNER_ERROR_FAILED,
                                   _("Could not write the code to a temporary file: %s"),
                                   error->message);
          return;
        }
    }

  run->result = g_new0 (PyprepRunResult, 1);
  run->result->protection = pyprep_runner_get_protection (self);
  run->result->python_version = g_strdup (probe->version);
  run->result->ending = PYPREP_RUN_ENDED;

  argv = g_ptr_array_new_with_free_func (g_free);
  if (run->result->protection == PYPREP_RUN_PROTECTION_BWRAP)
    pyprep_sandbox_add_bwrap_argv (argv, probe->bwrap, probe->prefix, probe->base_prefix,
                                   run->workdir);
  g_ptr_array_add (argv, g_strdup (probe->executable));
  g_ptr_array_add (argv, g_strdup ("-I"));
  g_ptr_array_add (argv, g_strdup ("-X"));
  g_ptr_array_add (argv, g_strdup ("utf8"));
  /* The process starts in the run's folder, inside bwrap or not. */
  for (guint i = 0; run->args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (run->args[i]));
  g_ptr_array_add (argv, NULL);

  /* CPU time bounds a snippet that escaped the group; the wall clock
   * bounds everything else. */
  limits.cpu_seconds = (run->timeout_msec + 999) / 1000 + 1;
  limits.processes = pyprep_sandbox_process_limit ();
  limits.own_network = run->result->protection == PYPREP_RUN_PROTECTION_LIMITS;

  run->mark = pyprep_sandbox_new_mark ();
  launcher = pyprep_sandbox_make_launcher (run->workdir, run->mark, &limits,
                                           G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                           | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  run->started = g_get_monotonic_time ();
  run->subprocess = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  if (run->subprocess == NULL)
    {
      pyprep_sandbox_remove_tree (run->workdir);
      g_task_return_new_error (task, PYPREP_RUNNER_ERROR, PYPREP_RUNNER_ERROR_FAILED,
                               _("Could not start python3: %s"), error->message);
      return;
    }

  /* The child called setsid(), so its pid is the group id. */
  run->pgid = (int)g_ascii_strtoll (g_subprocess_get_identifier (run->subprocess), NULL, 10);
  run->result->process_group = run->pgid;

  /* A snippet that reads input sees end of file at once. */
  stdin_pipe = g_subprocess_get_stdin_pipe (run->subprocess);
  g_output_stream_close (stdin_pipe, NULL, NULL);

  run->pipes_cancellable = g_cancellable_new ();
  run->out.stream = g_object_ref (g_subprocess_get_stdout_pipe (run->subprocess));
  run->err.stream = g_object_ref (g_subprocess_get_stderr_pipe (run->subprocess));
  run->out.kept = g_string_new (NULL);
  run->err.kept = g_string_new (NULL);

  read_next (task, &run->out);
  read_next (task, &run->err);
  g_subprocess_wait_async (run->subprocess, NULL, waited_cb, g_object_ref (task));

  run->timeout_id = g_timeout_add_full (G_PRIORITY_DEFAULT, run->timeout_msec, timeout_cb,
                                        g_object_ref (task), g_object_unref);
  run->usage_id = g_timeout_add_full (G_PRIORITY_DEFAULT, USAGE_SAMPLE_MSEC, usage_cb,
                                       g_object_ref (task), g_object_unref);

  if (cancellable != NULL)
    run->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), run, NULL);
}

static void
probed_for_run_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!pyprep_runner_probe_finish (PYPREP_RUNNER (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  start_run (task);
}

void
pyprep_runner_run_async (PyprepRunner        *self,
                         const char          *code,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  const char *names[] = { SNIPPET_NAME, NULL };
  const char *texts[] = { code, NULL };

  g_return_if_fail (code != NULL);

  pyprep_runner_run_files_async (self, names, texts, names, 0, 0,
                                 cancellable, callback, user_data);
}

/**
 * pyprep_runner_run_files_async:
 * @names: the files to write in the run's own empty folder
 * @texts: their contents, one for each name
 * @args: python3's arguments after "-I -X utf8", relative to that folder
 * @timeout_msec: the wall-clock limit, or 0 for the runner's
 * @output_limit: the output kept before the run is stopped, or 0 for the
 *   runner's
 *
 * Runs python3 as pyprep_runner_run_async() does, with several files.
 * Finish with pyprep_runner_run_finish().
 */
void
pyprep_runner_run_files_async (PyprepRunner        *self,
                               const char * const  *names,
                               const char * const  *texts,
                               const char * const  *args,
                               guint                timeout_msec,
                               gsize                output_limit,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Run *run;

  g_return_if_fail (PYPREP_IS_RUNNER (self));
  g_return_if_fail (names != NULL && texts != NULL && args != NULL);
  g_return_if_fail (g_strv_length ((GStrv)names) == g_strv_length ((GStrv)texts));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pyprep_runner_run_files_async);

  run = g_new0 (Run, 1);
  run->runner = g_object_ref (self);
  run->names = g_strdupv ((GStrv)names);
  run->texts = g_strdupv ((GStrv)texts);
  run->args = g_strdupv ((GStrv)args);
  run->timeout_msec = timeout_msec != 0 ? timeout_msec : self->timeout_msec;
  run->output_limit = output_limit != 0 ? output_limit : self->output_limit;
  g_task_set_task_data (task, run, (GDestroyNotify)run_free);

  pyprep_runner_probe_async (self, NULL, probed_for_run_cb, g_steal_pointer (&task));
}

PyprepRunResult *
pyprep_runner_run_finish (PyprepRunner  *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (PYPREP_IS_RUNNER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- Object ----------------------------------------------------------- */

static void
pyprep_runner_class_init (PyprepRunnerClass *klass)
{
}

static void
pyprep_runner_init (PyprepRunner *self)
{
  self->timeout_msec = DEFAULT_TIMEOUT_MSEC;
  self->output_limit = DEFAULT_OUTPUT_LIMIT;
  self->use_sandbox = TRUE;
}

PyprepRunner *
pyprep_runner_new (void)
{
  return g_object_new (PYPREP_TYPE_RUNNER, NULL);
}

/* The runner the app's code blocks share. */
PyprepRunner *
pyprep_runner_get_default (void)
{
  static PyprepRunner *runner;

  if (runner == NULL)
    runner = pyprep_runner_new ();
  return runner;
}

guint
pyprep_runner_get_timeout (PyprepRunner *self)
{
  g_return_val_if_fail (PYPREP_IS_RUNNER (self), 0);
  return self->timeout_msec;
}

void
pyprep_runner_set_timeout (PyprepRunner *self,
                           guint         timeout_msec)
{
  g_return_if_fail (PYPREP_IS_RUNNER (self));
  g_return_if_fail (timeout_msec > 0);
  self->timeout_msec = timeout_msec;
}

gsize
pyprep_runner_get_output_limit (PyprepRunner *self)
{
  g_return_val_if_fail (PYPREP_IS_RUNNER (self), 0);
  return self->output_limit;
}

void
pyprep_runner_set_output_limit (PyprepRunner *self,
                                gsize         limit)
{
  g_return_if_fail (PYPREP_IS_RUNNER (self));
  g_return_if_fail (limit > 0);
  self->output_limit = limit;
}

gboolean
pyprep_runner_get_use_sandbox (PyprepRunner *self)
{
  g_return_val_if_fail (PYPREP_IS_RUNNER (self), FALSE);
  return self->use_sandbox;
}

/* Whether to use bubblewrap on the host when it works (the default). */
void
pyprep_runner_set_use_sandbox (PyprepRunner *self,
                               gboolean      use_sandbox)
{
  g_return_if_fail (PYPREP_IS_RUNNER (self));
  self->use_sandbox = !!use_sandbox;
}
