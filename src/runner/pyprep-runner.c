/* pyprep-runner.c: runs a Python snippet the user asked to run, without
 * letting it hang, flood or harm the app.
 *
 * Each run gets a fresh temporary directory (removed afterwards), a closed
 * stdin, a clean environment and its own process group, so a timeout, Stop
 * or the end of the run kills the snippet and everything it started. The
 * child sets resource limits on itself before python3 starts. On the host,
 * when bubblewrap works, the snippet runs inside it with no network and a
 * read-only view of the system; inside the Flatpak the app's own sandbox
 * already has no network, so bubblewrap is not used there.
 *
 * Which python3 to use, its version and whether bubblewrap works are found
 * out once per process, asynchronously, the first time someone asks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-runner"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pyprep-runner.h"

#define DEFAULT_TIMEOUT_MSEC   5000
#define DEFAULT_OUTPUT_LIMIT   (64 * 1024)
#define ADDRESS_SPACE_LIMIT    ((rlim_t)1024 * 1024 * 1024)
#define FILE_SIZE_LIMIT        ((rlim_t)16 * 1024 * 1024)
#define PROCESS_HEADROOM       64
#define READ_CHUNK             8192
#define PIPE_GRACE_MSEC        500
#define PROBE_TIMEOUT_SECONDS  10
#define SNIPPET_NAME           "snippet.py"

/* Prints the version, the real interpreter and its prefixes, so the sandbox
 * can run the interpreter directly (not a pyenv shim) and bind its files. */
static const char probe_script[] =
  "import sys\n"
  "print(sys.version.split()[0])\n"
  "print(sys.executable)\n"
  "print(sys.prefix)\n"
  "print(sys.base_prefix)\n";

struct _PyprepRunner
{
  GObject  parent_instance;

  guint    timeout_msec;
  gsize    output_limit;
  gboolean use_sandbox;
};

G_DEFINE_FINAL_TYPE (PyprepRunner, pyprep_runner, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (PyprepRunResult, pyprep_run_result, pyprep_run_result_copy, pyprep_run_result_free)
G_DEFINE_QUARK (pyprep-runner-error-quark, pyprep_runner_error)

/* What the probe found, shared by every runner of the process. */
typedef struct
{
  gboolean   done;
  gboolean   started;
  GError    *error;
  char      *version;
  char      *executable;
  char      *prefix;
  char      *base_prefix;
  gboolean   flatpak;
  gboolean   flatpak_network;  /* the sandbox was given the network */
  char      *bwrap;          /* path when bubblewrap works, else NULL */
  char      *sandbox_note;   /* why bubblewrap is not used, or NULL */
  GPtrArray *waiting;        /* GTask, completed when the probe ends */
  guint      timeout_id;
} Probe;

static Probe probe;

/* Limits the child applies to itself between fork and exec. Only
 * async-signal-safe calls here. */
typedef struct
{
  rlim_t cpu_seconds;
  rlim_t processes;
} ChildLimits;

static void
child_setup (gpointer user_data)
{
  const ChildLimits *limits = user_data;
  struct rlimit limit;

  /* A new session is a new process group whose id is this pid; it also
   * drops the controlling terminal. */
  setsid ();
  prctl (PR_SET_PDEATHSIG, SIGKILL);

  limit.rlim_cur = limit.rlim_max = ADDRESS_SPACE_LIMIT;
  setrlimit (RLIMIT_AS, &limit);
  limit.rlim_cur = limit.rlim_max = limits->cpu_seconds;
  setrlimit (RLIMIT_CPU, &limit);
  limit.rlim_cur = limit.rlim_max = limits->processes;
  setrlimit (RLIMIT_NPROC, &limit);
  limit.rlim_cur = limit.rlim_max = FILE_SIZE_LIMIT;
  setrlimit (RLIMIT_FSIZE, &limit);
  limit.rlim_cur = limit.rlim_max = 0;
  setrlimit (RLIMIT_CORE, &limit);
}

/* RLIMIT_NPROC counts every process of the user. The number of tasks on
 * the whole system bounds that from above, so adding a headroom to it lets
 * a snippet start a few helpers but not flood the machine. */
static rlim_t
process_limit (void)
{
  g_autofree char *contents = NULL;
  const char *slash;
  guint64 total = 512;

  if (g_file_get_contents ("/proc/loadavg", &contents, NULL, NULL)
      && (slash = strchr (contents, '/')) != NULL)
    total = g_ascii_strtoull (slash + 1, NULL, 10);

  return (rlim_t)(total + PROCESS_HEADROOM);
}

static void
kill_group (int pgid)
{
  if (pgid > 1)
    kill (-pgid, SIGKILL);
}

/* Process group id of a /proc/<pid>/stat line, or -1. The command name
 * in parentheses may contain anything, so parse after the last ')'. */
static int
stat_process_group (const char *stat)
{
  const char *p = strrchr (stat, ')');
  int state_skipped;

  if (p == NULL)
    return -1;
  p++;
  /* " S ppid pgrp" */
  for (state_skipped = 0; state_skipped < 3; state_skipped++)
    {
      while (*p == ' ')
        p++;
      while (*p != '\0' && *p != ' ')
        p++;
    }
  while (*p == ' ')
    p++;
  return (int)g_ascii_strtoll (p, NULL, 10);
}

/* Kills what is left of the group until nothing is. Members may be
 * forking while we look, hence the loop. */
static void
reap_group (int pgid)
{
  for (guint round = 0; round < 50; round++)
    {
      g_autoptr(GDir) dir = g_dir_open ("/proc", 0, NULL);
      const char *name;
      gboolean found = FALSE;

      if (dir == NULL)
        return;

      kill_group (pgid);

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = NULL;
          g_autofree char *stat = NULL;

          if (!g_ascii_isdigit (name[0]))
            continue;
          path = g_build_filename ("/proc", name, "stat", NULL);
          if (g_file_get_contents (path, &stat, NULL, NULL)
              && stat_process_group (stat) == pgid)
            {
              /* A zombie waits for its parent; it is not running. */
              const char *state = strrchr (stat, ')');
              if (state != NULL && state[1] == ' ' && state[2] == 'Z')
                continue;
              found = TRUE;
            }
        }

      if (!found)
        return;
      g_usleep (2000);
    }
}

/* Removes a directory tree without following symbolic links. */
static void
remove_tree (const char *path)
{
  GStatBuf info;

  if (g_lstat (path, &info) != 0)
    return;

  if (S_ISDIR (info.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      if (dir != NULL)
        while ((name = g_dir_read_name (dir)) != NULL)
          {
            g_autofree char *child = g_build_filename (path, name, NULL);
            remove_tree (child);
          }
      if (g_rmdir (path) != 0)
        g_warning ("Could not remove %s: %s", path, g_strerror (errno));
    }
  else if (g_unlink (path) != 0)
    {
      g_warning ("Could not remove %s: %s", path, g_strerror (errno));
    }
}

static gboolean
is_under_usr (const char *path)
{
  return g_str_has_prefix (path, "/usr/") || g_str_equal (path, "/usr");
}

static void
add_system_path (GPtrArray  *argv,
                 const char *path)
{
  g_autofree char *target = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK)
      && (target = g_file_read_link (path, NULL)) != NULL)
    {
      g_ptr_array_add (argv, g_strdup ("--symlink"));
      g_ptr_array_add (argv, g_steal_pointer (&target));
      g_ptr_array_add (argv, g_strdup (path));
    }
  else if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (argv, g_strdup ("--ro-bind"));
      g_ptr_array_add (argv, g_strdup (path));
      g_ptr_array_add (argv, g_strdup (path));
    }
}

static void
add_ro_bind (GPtrArray  *argv,
             const char *path)
{
  if (path == NULL || path[0] != '/' || is_under_usr (path))
    return;
  g_ptr_array_add (argv, g_strdup ("--ro-bind"));
  g_ptr_array_add (argv, g_strdup (path));
  g_ptr_array_add (argv, g_strdup (path));
}

/* The bubblewrap command line: a read-only system, only the run's
 * directory writable, no network, own namespaces, dies with the app. */
static void
add_bwrap_argv (GPtrArray  *argv,
                const char *bwrap,
                const char *workdir)
{
  static const char * const system_dirs[] = {
    "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc",
  };

  g_ptr_array_add (argv, g_strdup (bwrap));
  g_ptr_array_add (argv, g_strdup ("--unshare-all"));
  g_ptr_array_add (argv, g_strdup ("--die-with-parent"));
  g_ptr_array_add (argv, g_strdup ("--ro-bind"));
  g_ptr_array_add (argv, g_strdup ("/usr"));
  g_ptr_array_add (argv, g_strdup ("/usr"));
  for (guint i = 0; i < G_N_ELEMENTS (system_dirs); i++)
    add_system_path (argv, system_dirs[i]);
  add_ro_bind (argv, probe.base_prefix);
  if (g_strcmp0 (probe.prefix, probe.base_prefix) != 0)
    add_ro_bind (argv, probe.prefix);
  g_ptr_array_add (argv, g_strdup ("--proc"));
  g_ptr_array_add (argv, g_strdup ("/proc"));
  g_ptr_array_add (argv, g_strdup ("--dev"));
  g_ptr_array_add (argv, g_strdup ("/dev"));
  g_ptr_array_add (argv, g_strdup ("--tmpfs"));
  g_ptr_array_add (argv, g_strdup ("/tmp"));
  g_ptr_array_add (argv, g_strdup ("--bind"));
  g_ptr_array_add (argv, g_strdup (workdir));
  g_ptr_array_add (argv, g_strdup (workdir));
  g_ptr_array_add (argv, g_strdup ("--chdir"));
  g_ptr_array_add (argv, g_strdup (workdir));
}

/* A clean environment: nothing of the user's leaks into the snippet. */
static GStrv
snippet_environ (const char *workdir)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *home = g_strconcat ("HOME=", workdir, NULL);
  g_autofree char *tmp = g_strconcat ("TMPDIR=", workdir, NULL);

  g_strv_builder_add (builder, "PATH=/usr/local/bin:/usr/bin:/bin");
  g_strv_builder_add (builder, "LANG=C.UTF-8");
  g_strv_builder_add (builder, home);
  g_strv_builder_add (builder, tmp);
  return g_strv_builder_end (builder);
}

static GSubprocessLauncher *
make_launcher (const char        *workdir,
               const ChildLimits *limits,
               GSubprocessFlags   flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags | G_SUBPROCESS_FLAGS_STDIN_PIPE);
  g_auto(GStrv) env = snippet_environ (workdir);
  ChildLimits *copy = g_memdup2 (limits, sizeof *limits);

  g_subprocess_launcher_set_environ (launcher, env);
  g_subprocess_launcher_set_cwd (launcher, workdir);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, copy, g_free);
  return launcher;
}

/* ---- Probe ------------------------------------------------------------ */

/* A python3 or bwrap that hangs must not leave Run waiting forever. */
static gboolean
probe_timeout_cb (gpointer user_data)
{
  probe.timeout_id = 0;
  g_subprocess_force_exit (G_SUBPROCESS (user_data));
  return G_SOURCE_REMOVE;
}

static void
watch_probe (GSubprocess *subprocess)
{
  probe.timeout_id = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, PROBE_TIMEOUT_SECONDS,
                                                 probe_timeout_cb, g_object_ref (subprocess),
                                                 g_object_unref);
}

static void
probe_finish_all (void)
{
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&probe.waiting);

  probe.done = TRUE;
  for (guint i = 0; waiting != NULL && i < waiting->len; i++)
    {
      GTask *task = g_ptr_array_index (waiting, i);

      if (probe.error != NULL)
        g_task_return_error (task, g_error_copy (probe.error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

static void
bwrap_checked_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GSubprocess *subprocess = G_SUBPROCESS (object);
  g_autofree char *workdir = user_data;
  g_autofree char *err_text = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&probe.timeout_id, g_source_remove);

  if (g_subprocess_communicate_utf8_finish (subprocess, result, NULL, &err_text, &error)
      && g_subprocess_get_if_exited (subprocess)
      && g_subprocess_get_exit_status (subprocess) == 0)
    {
      probe.bwrap = g_find_program_in_path ("bwrap");
    }
  else
    {
      g_autofree char *first_line = NULL;
      const char *why = error != NULL ? error->message : err_text;

      first_line = g_strdup (why != NULL ? why : "");
      g_strdelimit (first_line, "\n", '\0');
      probe.sandbox_note = g_strdup_printf (_("bubblewrap is installed but could not start here (%s)"),
                                            first_line[0] ? first_line : _("unknown reason"));
      g_message ("Not using bubblewrap: %s", first_line);
    }

  remove_tree (workdir);
  probe_finish_all ();
}

static void
check_bwrap (void)
{
  g_autofree char *bwrap = g_find_program_in_path ("bwrap");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) subprocess = NULL;
  g_autoptr(GPtrArray) argv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *workdir = NULL;
  ChildLimits limits = { 10, process_limit () };

  if (probe.flatpak)
    {
      probe_finish_all ();
      return;
    }

  if (bwrap == NULL)
    {
      probe.sandbox_note = g_strdup (_("bubblewrap (bwrap) is not installed"));
      probe_finish_all ();
      return;
    }

  workdir = g_dir_make_tmp ("pyprep-probe-XXXXXX", &error);
  if (workdir == NULL)
    {
      probe.sandbox_note = g_strdup (error->message);
      probe_finish_all ();
      return;
    }

  argv = g_ptr_array_new_with_free_func (g_free);
  add_bwrap_argv (argv, bwrap, workdir);
  g_ptr_array_add (argv, g_strdup (probe.executable));
  g_ptr_array_add (argv, g_strdup ("-I"));
  g_ptr_array_add (argv, g_strdup ("-c"));
  g_ptr_array_add (argv, g_strdup ("pass"));
  g_ptr_array_add (argv, NULL);

  launcher = make_launcher (workdir, &limits,
                            G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  subprocess = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  if (subprocess == NULL)
    {
      probe.sandbox_note = g_strdup_printf (_("bubblewrap could not start here (%s)"), error->message);
      remove_tree (workdir);
      probe_finish_all ();
      return;
    }

  watch_probe (subprocess);
  g_subprocess_communicate_utf8_async (subprocess, NULL, NULL, bwrap_checked_cb,
                                       g_steal_pointer (&workdir));
}

static void
python_probed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GSubprocess *subprocess = G_SUBPROCESS (object);
  g_autofree char *out_text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_clear_handle_id (&probe.timeout_id, g_source_remove);

  if (!g_subprocess_communicate_utf8_finish (subprocess, result, &out_text, NULL, &error)
      || !g_subprocess_get_if_exited (subprocess)
      || g_subprocess_get_exit_status (subprocess) != 0
      || out_text == NULL
      || g_strv_length (lines = g_strsplit (out_text, "\n", -1)) < 4
      || lines[0][0] == '\0')
    {
      probe.error = g_error_new (PYPREP_RUNNER_ERROR, PYPREP_RUNNER_ERROR_NO_PYTHON,
                                 _("python3 was found but did not start (%s)"),
                                 error != NULL ? error->message : _("it gave no version"));
      probe_finish_all ();
      return;
    }

  probe.version = g_strdup (lines[0]);
  if (lines[1][0] == '/')
    {
      g_free (probe.executable);
      probe.executable = g_strdup (lines[1]);
    }
  probe.prefix = g_strdup (lines[2]);
  probe.base_prefix = g_strdup (lines[3]);
  g_debug ("python3 %s at %s", probe.version, probe.executable);

  check_bwrap ();
}

static void
start_probe (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) subprocess = NULL;
  g_autoptr(GError) error = NULL;

  probe.started = TRUE;
  probe.flatpak = g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
  probe.flatpak_network = probe.flatpak && pyprep_runner_flatpak_shares_network ("/.flatpak-info");
  probe.executable = g_find_program_in_path ("python3");

  if (probe.executable == NULL)
    {
      probe.error = g_error_new_literal (PYPREP_RUNNER_ERROR, PYPREP_RUNNER_ERROR_NO_PYTHON,
                                         _("No python3 was found. Install Python 3 to run snippets."));
      g_idle_add_once ((GSourceOnceFunc)probe_finish_all, NULL);
      return;
    }

  /* The user's environment on purpose: a pyenv shim needs it to find the
   * interpreter, which is then run directly. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  subprocess = g_subprocess_launcher_spawn (launcher, &error,
                                            probe.executable, "-I", "-c", probe_script, NULL);
  if (subprocess == NULL)
    {
      probe.error = g_error_new (PYPREP_RUNNER_ERROR, PYPREP_RUNNER_ERROR_NO_PYTHON,
                                 _("python3 could not be started (%s)"), error->message);
      g_idle_add_once ((GSourceOnceFunc)probe_finish_all, NULL);
      return;
    }

  watch_probe (subprocess);
  g_subprocess_communicate_utf8_async (subprocess, NULL, NULL, python_probed_cb, NULL);
}

void
pyprep_runner_probe_async (PyprepRunner        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PYPREP_IS_RUNNER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pyprep_runner_probe_async);

  if (probe.done)
    {
      if (probe.error != NULL)
        g_task_return_error (task, g_error_copy (probe.error));
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  if (probe.waiting == NULL)
    probe.waiting = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (probe.waiting, g_steal_pointer (&task));

  if (!probe.started)
    start_probe ();
}

gboolean
pyprep_runner_probe_finish (PyprepRunner  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (PYPREP_IS_RUNNER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
pyprep_runner_is_probed (PyprepRunner *self)
{
  g_return_val_if_fail (PYPREP_IS_RUNNER (self), FALSE);
  return probe.done;
}

const char *
pyprep_runner_get_python_version (PyprepRunner *self)
{
  g_return_val_if_fail (PYPREP_IS_RUNNER (self), NULL);
  return probe.done ? probe.version : NULL;
}

PyprepRunProtection
pyprep_runner_get_protection (PyprepRunner *self)
{
  g_return_val_if_fail (PYPREP_IS_RUNNER (self), PYPREP_RUN_PROTECTION_LIMITS);

  if (probe.flatpak)
    return probe.flatpak_network ? PYPREP_RUN_PROTECTION_FLATPAK_NETWORK
                                 : PYPREP_RUN_PROTECTION_FLATPAK;
  if (self->use_sandbox && probe.bwrap != NULL)
    return PYPREP_RUN_PROTECTION_BWRAP;
  return PYPREP_RUN_PROTECTION_LIMITS;
}

/* Whether the Flatpak sandbox described by FLATPAK_INFO (normally
 * /.flatpak-info) shares the host's network. The manifest does not grant
 * it, but a user can, with flatpak override --share=network. */
gboolean
pyprep_runner_flatpak_shares_network (const char *flatpak_info)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_auto(GStrv) shared = NULL;

  g_return_val_if_fail (flatpak_info != NULL, FALSE);

  if (!g_key_file_load_from_file (info, flatpak_info, G_KEY_FILE_NONE, NULL))
    return FALSE;
  shared = g_key_file_get_string_list (info, "Context", "shared", NULL, NULL);
  return shared != NULL && g_strv_contains ((const char * const *)shared, "network");
}

/* Why bubblewrap is not in use on the host, or NULL. */
const char *
pyprep_runner_get_sandbox_note (PyprepRunner *self)
{
  g_return_val_if_fail (PYPREP_IS_RUNNER (self), NULL);
  return probe.sandbox_note;
}

const char *
pyprep_run_protection_describe (PyprepRunProtection protection)
{
  switch (protection)
    {
    case PYPREP_RUN_PROTECTION_BWRAP:
      return _("Sandboxed with bubblewrap: no network, read-only system");
    case PYPREP_RUN_PROTECTION_FLATPAK:
      return _("Flatpak sandbox, no network");
    case PYPREP_RUN_PROTECTION_FLATPAK_NETWORK:
      return _("Flatpak sandbox, but with network access");
    case PYPREP_RUN_PROTECTION_LIMITS:
    default:
      return _("Not sandboxed: time, memory and process limits only");
    }
}

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
  char            *code;
  GSubprocess     *subprocess;
  GCancellable    *pipes_cancellable;
  Pipe             out;
  Pipe             err;
  int              pgid;
  gsize            kept;
  gboolean         reaped;
  guint            timeout_id;
  guint            grace_id;
  gulong           cancelled_id;
  gint64           started;
  PyprepRunResult *result;
} Run;

static void
run_free (Run *run)
{
  g_clear_handle_id (&run->timeout_id, g_source_remove);
  g_clear_handle_id (&run->grace_id, g_source_remove);
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
  g_free (run->code);
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

  reap_group (run->pgid);
  remove_tree (run->workdir);
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
  kill_group (run->pgid);

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
  gsize limit = run->runner->output_limit;

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
      kill_group (run->pgid);
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
      kill_group (run->pgid);
    }
  return G_SOURCE_REMOVE;
}

/* May run in any thread: only kill(), which is safe anywhere. */
static void
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  Run *run = user_data;

  kill_group (run->pgid);
}

static void
start_run (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  PyprepRunner *self = run->runner;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *script = NULL;
  GCancellable *cancellable = g_task_get_cancellable (task);
  ChildLimits limits;
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

  script = g_build_filename (run->workdir, SNIPPET_NAME, NULL);
  if (!g_file_set_contents (script, run->code, -1, &error))
    {
      remove_tree (run->workdir);
      g_task_return_new_error (task, PYPREP_RUNNER_ERROR, PYPREP_RUNNER_ERROR_FAILED,
                               _("Could not write the snippet to a temporary file: %s"),
                               error->message);
      return;
    }

  run->result = g_new0 (PyprepRunResult, 1);
  run->result->protection = pyprep_runner_get_protection (self);
  run->result->python_version = g_strdup (probe.version);
  run->result->ending = PYPREP_RUN_ENDED;

  argv = g_ptr_array_new_with_free_func (g_free);
  if (run->result->protection == PYPREP_RUN_PROTECTION_BWRAP)
    add_bwrap_argv (argv, probe.bwrap, run->workdir);
  g_ptr_array_add (argv, g_strdup (probe.executable));
  g_ptr_array_add (argv, g_strdup ("-I"));
  g_ptr_array_add (argv, g_strdup ("-X"));
  g_ptr_array_add (argv, g_strdup ("utf8"));
  g_ptr_array_add (argv, g_strdup (script));
  g_ptr_array_add (argv, NULL);

  /* CPU time bounds a snippet that escaped the group; the wall clock
   * bounds everything else. */
  limits.cpu_seconds = (self->timeout_msec + 999) / 1000 + 1;
  limits.processes = process_limit ();

  launcher = make_launcher (run->workdir, &limits,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  run->started = g_get_monotonic_time ();
  run->subprocess = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  if (run->subprocess == NULL)
    {
      remove_tree (run->workdir);
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

  run->timeout_id = g_timeout_add_full (G_PRIORITY_DEFAULT, self->timeout_msec, timeout_cb,
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
  g_autoptr(GTask) task = NULL;
  Run *run;

  g_return_if_fail (PYPREP_IS_RUNNER (self));
  g_return_if_fail (code != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pyprep_runner_run_async);

  run = g_new0 (Run, 1);
  run->runner = g_object_ref (self);
  run->code = g_strdup (code);
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

/* ---- Result ----------------------------------------------------------- */

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
