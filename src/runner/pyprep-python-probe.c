/* pyprep-python-probe.c: finds out, once per process and asynchronously,
 * which python3 runs snippets, its version, where it is installed, and
 * whether bubblewrap works here (it may be installed but refused by the
 * kernel). Inside the Flatpak the app's own sandbox already has no
 * network, so bubblewrap is not tried there.
 *
 * This file holds the probe and the runner's public API about it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-runner"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-python-probe.h"
#include "pyprep-runner.h"
#include "pyprep-sandbox.h"

#define PROBE_TIMEOUT_SECONDS  10

/* Prints the version, the real interpreter and its prefixes, so the sandbox
 * can run the interpreter directly (not a pyenv shim) and bind its files. */
static const char probe_script[] =
  "import sys\n"
  "print(sys.version.split()[0])\n"
  "print(sys.executable)\n"
  "print(sys.prefix)\n"
  "print(sys.base_prefix)\n";

/* What the probe found, shared by every runner of the process. */
static PyprepPythonProbe found;

/* How far the probe is. */
static struct
{
  gboolean   started;
  GPtrArray *waiting;     /* GTask, completed when the probe ends */
  guint      timeout_id;
} state;

/* Returns: (transfer none): what the probe found; complete once
 * pyprep_runner_probe_async() has finished. */
const PyprepPythonProbe *
pyprep_python_probe_get (void)
{
  return &found;
}

static gboolean
probe_timeout_cb (gpointer user_data)
{
  state.timeout_id = 0;
  g_subprocess_force_exit (G_SUBPROCESS (user_data));
  return G_SOURCE_REMOVE;
}

static void
watch_probe (GSubprocess *subprocess)
{
  state.timeout_id = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, PROBE_TIMEOUT_SECONDS,
                                                 probe_timeout_cb, g_object_ref (subprocess),
                                                 g_object_unref);
}

static void
probe_finish_all (void)
{
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&state.waiting);

  found.done = TRUE;
  for (guint i = 0; waiting != NULL && i < waiting->len; i++)
    {
      GTask *task = g_ptr_array_index (waiting, i);

      if (found.error != NULL)
        g_task_return_error (task, g_error_copy (found.error));
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

  g_clear_handle_id (&state.timeout_id, g_source_remove);

  if (g_subprocess_communicate_utf8_finish (subprocess, result, NULL, &err_text, &error)
      && g_subprocess_get_if_exited (subprocess)
      && g_subprocess_get_exit_status (subprocess) == 0)
    {
      found.bwrap = g_find_program_in_path ("bwrap");
    }
  else
    {
      g_autofree char *first_line = NULL;
      const char *why = error != NULL ? error->message : err_text;

      first_line = g_strdup (why != NULL ? why : "");
      g_strdelimit (first_line, "\n", '\0');
      found.sandbox_note = g_strdup_printf (_("bubblewrap is installed but could not start here (%s)"),
                                            first_line[0] ? first_line : _("unknown reason"));
      g_message ("Not using bubblewrap: %s", first_line);
    }

  pyprep_sandbox_remove_tree (workdir);
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
  PyprepSandboxLimits limits = { 10, pyprep_sandbox_process_limit () };

  if (found.flatpak)
    {
      probe_finish_all ();
      return;
    }

  if (bwrap == NULL)
    {
      found.sandbox_note = g_strdup (_("bubblewrap (bwrap) is not installed"));
      probe_finish_all ();
      return;
    }

  workdir = g_dir_make_tmp ("pyprep-probe-XXXXXX", &error);
  if (workdir == NULL)
    {
      found.sandbox_note = g_strdup (error->message);
      probe_finish_all ();
      return;
    }

  argv = g_ptr_array_new_with_free_func (g_free);
  pyprep_sandbox_add_bwrap_argv (argv, bwrap, found.prefix, found.base_prefix, workdir);
  g_ptr_array_add (argv, g_strdup (found.executable));
  g_ptr_array_add (argv, g_strdup ("-I"));
  g_ptr_array_add (argv, g_strdup ("-c"));
  g_ptr_array_add (argv, g_strdup ("pass"));
  g_ptr_array_add (argv, NULL);

  launcher = pyprep_sandbox_make_launcher (workdir, NULL, &limits,
                                           G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                           | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  subprocess = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  if (subprocess == NULL)
    {
      found.sandbox_note = g_strdup_printf (_("bubblewrap could not start here (%s)"), error->message);
      pyprep_sandbox_remove_tree (workdir);
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

  g_clear_handle_id (&state.timeout_id, g_source_remove);

  if (!g_subprocess_communicate_utf8_finish (subprocess, result, &out_text, NULL, &error)
      || !g_subprocess_get_if_exited (subprocess)
      || g_subprocess_get_exit_status (subprocess) != 0
      || out_text == NULL
      || g_strv_length (lines = g_strsplit (out_text, "\n", -1)) < 4
      || lines[0][0] == '\0')
    {
      found.error = g_error_new (PYPREP_RUNNER_ERROR, PYPREP_RUNNER_ERROR_NO_PYTHON,
                                 _("python3 was found but did not start (%s)"),
                                 error != NULL ? error->message : _("it gave no version"));
      probe_finish_all ();
      return;
    }

  found.version = g_strdup (lines[0]);
  if (lines[1][0] == '/')
    {
      g_free (found.executable);
      found.executable = g_strdup (lines[1]);
    }
  found.prefix = g_strdup (lines[2]);
  found.base_prefix = g_strdup (lines[3]);
  g_debug ("python3 %s at %s", found.version, found.executable);

  check_bwrap ();
}

static void
start_probe (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) subprocess = NULL;
  g_autoptr(GError) error = NULL;

  state.started = TRUE;
  found.flatpak = g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
  found.flatpak_network = found.flatpak && pyprep_runner_flatpak_shares_network ("/.flatpak-info");
  found.executable = g_find_program_in_path ("python3");

  if (found.executable == NULL)
    {
      found.error = g_error_new_literal (PYPREP_RUNNER_ERROR, PYPREP_RUNNER_ERROR_NO_PYTHON,
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
                                            found.executable, "-I", "-c", probe_script, NULL);
  if (subprocess == NULL)
    {
      found.error = g_error_new (PYPREP_RUNNER_ERROR, PYPREP_RUNNER_ERROR_NO_PYTHON,
                                 _("python3 could not be started (%s)"), error->message);
      g_idle_add_once ((GSourceOnceFunc)probe_finish_all, NULL);
      return;
    }

  watch_probe (subprocess);
  g_subprocess_communicate_utf8_async (subprocess, NULL, NULL, python_probed_cb, NULL);
}

/* ---- The runner's API about the probe --------------------------------- */

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

  if (found.done)
    {
      if (found.error != NULL)
        g_task_return_error (task, g_error_copy (found.error));
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  if (state.waiting == NULL)
    state.waiting = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (state.waiting, g_steal_pointer (&task));

  if (!state.started)
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
  return found.done;
}

const char *
pyprep_runner_get_python_version (PyprepRunner *self)
{
  g_return_val_if_fail (PYPREP_IS_RUNNER (self), NULL);
  return found.done ? found.version : NULL;
}

PyprepRunProtection
pyprep_runner_get_protection (PyprepRunner *self)
{
  g_return_val_if_fail (PYPREP_IS_RUNNER (self), PYPREP_RUN_PROTECTION_LIMITS);

  if (found.flatpak)
    return found.flatpak_network ? PYPREP_RUN_PROTECTION_FLATPAK_NETWORK
                                 : PYPREP_RUN_PROTECTION_FLATPAK;
  if (pyprep_runner_get_use_sandbox (self) && found.bwrap != NULL)
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
  return found.sandbox_note;
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
