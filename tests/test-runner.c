/* test-runner.c: running snippets with python3, and what a run cannot do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pyprep-output-diff.h"
#include "pyprep-runner.h"

typedef struct
{
  PyprepRunResult *result;
  GError          *error;
  gboolean         done;
} Outcome;

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->result = pyprep_runner_run_finish (PYPREP_RUNNER (object), result, &outcome->error);
  outcome->done = TRUE;
}

static PyprepRunResult *
run_snippet_full (PyprepRunner  *runner,
                  const char    *code,
                  GCancellable  *cancellable,
                  GError       **error)
{
  Outcome outcome = { NULL, NULL, FALSE };

  pyprep_runner_run_async (runner, code, cancellable, run_done_cb, &outcome);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);

  if (outcome.error != NULL)
    g_propagate_error (error, outcome.error);
  return outcome.result;
}

static PyprepRunResult *
run_snippet (PyprepRunner *runner,
             const char   *code)
{
  g_autoptr(GError) error = NULL;
  PyprepRunResult *result = run_snippet_full (runner, code, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_true (g_utf8_validate (result->stdout_text, -1, NULL));
  g_assert_true (g_utf8_validate (result->stderr_text, -1, NULL));
  return result;
}

/* Skips the test when this machine has no python3 at all. */
static gboolean
have_python (PyprepRunner *runner)
{
  g_autoptr(PyprepRunResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = run_snippet_full (runner, "pass", NULL, &error);
  if (g_error_matches (error, PYPREP_RUNNER_ERROR, PYPREP_RUNNER_ERROR_NO_PYTHON))
    {
      g_test_skip (error->message);
      return FALSE;
    }
  g_assert_no_error (error);
  return TRUE;
}

/* Running processes (not zombies) whose process group is pgid. */
static guint
count_group (int pgid)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc", 0, NULL);
  const char *name;
  guint count = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc", name, "stat", NULL);
      g_autofree char *stat = NULL;
      const char *p;
      char state;
      int ppid, pgrp;

      if (!g_ascii_isdigit (name[0]) || !g_file_get_contents (path, &stat, NULL, NULL))
        continue;
      p = strrchr (stat, ')');
      if (p == NULL || sscanf (p + 1, " %c %d %d", &state, &ppid, &pgrp) != 3)
        continue;
      if (pgrp == pgid && state != 'Z')
        count++;
    }
  return count;
}

static guint64
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmRSS:");
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen ("VmRSS:"), NULL, 10);
}

static void
test_output (void)
{
  g_autoptr(PyprepRunner) runner = pyprep_runner_new ();

  if (!have_python (runner))
    return;

  for (int sandbox = 0; sandbox < 2; sandbox++)
    {
      g_autoptr(PyprepRunResult) ok = NULL;
      g_autoptr(PyprepRunResult) failed = NULL;

      pyprep_runner_set_use_sandbox (runner, sandbox);

      ok = run_snippet (runner, "print('hello', 6 * 7)\nprint('é ✓')\n");
      g_assert_cmpstr (ok->stdout_text, ==, "hello 42\né ✓\n");
      g_assert_cmpstr (ok->stderr_text, ==, "");
      g_assert_true (ok->exited);
      g_assert_cmpint (ok->exit_status, ==, 0);
      g_assert_cmpint (ok->ending, ==, PYPREP_RUN_ENDED);
      g_assert_false (ok->truncated);
      g_assert_true (pyprep_run_result_succeeded (ok));
      g_assert_nonnull (ok->python_version);
      g_assert_true (g_str_has_prefix (ok->python_version, "3."));
      g_assert_cmpint (ok->elapsed_usec, >, 0);
      g_assert_cmpint (ok->protection, ==, pyprep_runner_get_protection (runner));

      failed = run_snippet (runner,
                            "import sys\n"
                            "print('to stdout')\n"
                            "print('to stderr', file=sys.stderr)\n"
                            "sys.exit(3)\n");
      g_assert_cmpstr (failed->stdout_text, ==, "to stdout\n");
      g_assert_cmpstr (failed->stderr_text, ==, "to stderr\n");
      g_assert_true (failed->exited);
      g_assert_cmpint (failed->exit_status, ==, 3);
      g_assert_false (pyprep_run_result_succeeded (failed));
    }
}

static void
test_traceback (void)
{
  g_autoptr(PyprepRunner) runner = pyprep_runner_new ();
  g_autoptr(PyprepRunResult) result = NULL;

  if (!have_python (runner))
    return;

  result = run_snippet (runner, "def f(x):\n    return 1 / x\n\nf(0)\n");
  g_assert_cmpint (result->exit_status, ==, 1);
  g_assert_nonnull (strstr (result->stderr_text, "Traceback (most recent call last):"));
  g_assert_nonnull (strstr (result->stderr_text, "ZeroDivisionError: division by zero"));
  /* The temporary folder is left out, so the traceback reads cleanly. */
  g_assert_nonnull (strstr (result->stderr_text, "File \"snippet.py\", line 4"));
  g_assert_null (strstr (result->stderr_text, "pyprep-run-"));
}

/* No input: input() sees end of file instead of waiting forever. */
static void
test_stdin_closed (void)
{
  g_autoptr(PyprepRunner) runner = pyprep_runner_new ();
  g_autoptr(PyprepRunResult) result = NULL;

  if (!have_python (runner))
    return;

  pyprep_runner_set_timeout (runner, 20000);
  result = run_snippet (runner, "name = input('name? ')\n");
  g_assert_cmpint (result->ending, ==, PYPREP_RUN_ENDED);
  g_assert_nonnull (strstr (result->stderr_text, "EOFError"));
}

/* The snippet runs in a fresh folder that is gone afterwards, and the
 * user's environment does not leak into it. */
static void
test_temporary_folder (void)
{
  g_autoptr(PyprepRunner) runner = pyprep_runner_new ();
  g_autoptr(PyprepRunResult) result = NULL;
  g_auto(GStrv) lines = NULL;

  if (!have_python (runner))
    return;

  result = run_snippet (runner,
                        "import os\n"
                        "print(os.getcwd())\n"
                        "open('made-by-snippet.txt', 'w').write('x')\n"
                        "print(sorted(os.listdir('.')))\n"
                        "print(os.environ.get('PYPREP_SECRET_FOR_TEST'))\n");

  lines = g_strsplit (result->stdout_text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], g_get_tmp_dir ()));
  g_assert_nonnull (strstr (lines[0], "pyprep-run-"));
  g_assert_cmpstr (lines[1], ==, "['made-by-snippet.txt', 'snippet.py']");
  g_assert_cmpstr (lines[2], ==, "None");
  g_assert_false (g_file_test (lines[0], G_FILE_TEST_EXISTS));
}

static void
test_infinite_loop (void)
{
  g_autoptr(PyprepRunner) runner = pyprep_runner_new ();

  if (!have_python (runner))
    return;

  pyprep_runner_set_timeout (runner, 1000);

  for (int sandbox = 0; sandbox < 2; sandbox++)
    {
      g_autoptr(PyprepRunResult) result = NULL;
      gint64 start;

      pyprep_runner_set_use_sandbox (runner, sandbox);
      start = g_get_monotonic_time ();
      result = run_snippet (runner, "print('started', flush=True)\nwhile True:\n    pass\n");

      /* The promise: killed within the time limit plus a second. */
      g_assert_cmpint (g_get_monotonic_time () - start, <, (1000 + 1000) * 1000);
      g_assert_cmpint (result->ending, ==, PYPREP_RUN_TIMED_OUT);
      g_assert_false (result->exited);
      g_assert_cmpint (result->term_signal, ==, SIGKILL);
      g_assert_cmpstr (result->stdout_text, ==, "started\n");
      g_assert_cmpuint (count_group (result->process_group), ==, 0);
    }
}

static void
fork_bomb (gboolean use_sandbox)
{
  g_autoptr(PyprepRunner) runner = pyprep_runner_new ();
  g_autoptr(PyprepRunResult) result = NULL;
  g_autoptr(PyprepRunResult) after = NULL;

  if (!have_python (runner))
    return;

  pyprep_runner_set_use_sandbox (runner, use_sandbox);
  if (!use_sandbox && geteuid () == 0 && g_getenv ("PYPREP_TEST_ROOT_FORK_BOMB") == NULL)
    {
      /* The process limit does not apply to root; only the time limit would. */
      g_test_skip ("running as root, where RLIMIT_NPROC is not enforced outside a sandbox");
      return;
    }

  pyprep_runner_set_timeout (runner, 1500);
  result = run_snippet (runner,
                        "import os\n"
                        "print('forking', flush=True)\n"
                        "while True:\n"
                        "    try:\n"
                        "        os.fork()\n"
                        "    except OSError:\n"
                        "        pass\n");
  g_test_message ("fork bomb under %s ended as %d",
                  pyprep_run_protection_describe (result->protection), result->ending);
  g_assert_nonnull (strstr (result->stdout_text, "forking"));
  /* Stopped at the time limit, or sooner when the copies together hold
   * more memory than a run may. */
  g_assert_true (result->ending == PYPREP_RUN_TIMED_OUT || result->ending == PYPREP_RUN_MEMORY_LIMIT);
  g_assert_cmpuint (count_group (result->process_group), ==, 0);

  /* The machine still runs the next snippet. */
  pyprep_runner_set_timeout (runner, 5000);
  after = run_snippet (runner, "print('still fine')\n");
  g_assert_cmpstr (after->stdout_text, ==, "still fine\n");
}

static void
test_fork_bomb (void)
{
  fork_bomb (TRUE);
}

static void
test_fork_bomb_unsandboxed (void)
{
  fork_bomb (FALSE);
}

static void
test_output_cap (void)
{
  g_autoptr(PyprepRunner) runner = pyprep_runner_new ();
  g_autoptr(PyprepRunResult) result = NULL;
  guint64 before;

  if (!have_python (runner))
    return;

  pyprep_runner_set_timeout (runner, 30000);
  before = rss_kib ();
  result = run_snippet (runner,
                        "import sys\n"
                        "line = 'x' * 1023 + '\\n'\n"
                        "for _ in range(100 * 1024):\n"
                        "    sys.stdout.write(line)\n"
                        "    sys.stderr.write(line)\n");

  g_assert_true (result->truncated);
  g_assert_cmpint (result->ending, ==, PYPREP_RUN_OUTPUT_LIMIT);
  g_assert_cmpuint (strlen (result->stdout_text) + strlen (result->stderr_text), <=, 64 * 1024);
  g_assert_cmpuint (strlen (result->stdout_text), >, 0);
  g_assert_cmpuint (count_group (result->process_group), ==, 0);
  /* 100 MB were printed; the app kept at most the limit. */
  g_test_message ("RSS before %" G_GUINT64_FORMAT " KiB, after %" G_GUINT64_FORMAT " KiB",
                  before, rss_kib ());
  g_assert_cmpuint (rss_kib (), <, before + 8 * 1024);
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(PyprepRunner) runner = pyprep_runner_new ();
  g_autoptr(PyprepRunResult) result = NULL;

  if (!have_python (runner))
    return;

  result = run_snippet (runner,
                        "import sys\n"
                        "sys.stdout.buffer.write(b'ok \\xff\\xfe \\xc3( end\\n')\n"
                        "sys.stderr.buffer.write(b'\\x80bad \\xed\\xa0\\x80\\n')\n");
  g_assert_true (g_str_has_prefix (result->stdout_text, "ok "));
  g_assert_nonnull (strstr (result->stdout_text, " end\n"));
  g_assert_nonnull (strstr (result->stdout_text, "\xef\xbf\xbd"));  /* U+FFFD */
  g_assert_nonnull (strstr (result->stderr_text, "bad"));
  g_assert_cmpint (result->exit_status, ==, 0);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (void)
{
  g_autoptr(PyprepRunner) runner = pyprep_runner_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(PyprepRunResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *marker = g_build_filename (g_get_tmp_dir (), "pyprep-test-cancel-marker", NULL);
  g_autofree char *code = NULL;

  if (!have_python (runner))
    return;

  /* Were Stop ignored, the run would end at the time limit instead, and
   * the snippet would have written its marker file. */
  g_unlink (marker);
  pyprep_runner_set_timeout (runner, 20000);
  pyprep_runner_set_use_sandbox (runner, FALSE);
  code = g_strdup_printf ("import time\n"
                          "time.sleep(3)\n"
                          "open('%s', 'w').write('x')\n"
                          "time.sleep(30)\n", marker);
  g_timeout_add (300, cancel_cb, cancellable);
  result = run_snippet_full (runner, code, cancellable, &error);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (result);

  /* Nothing of the snippet is left to write the marker later. */
  g_usleep (3500 * 1000);
  g_assert_false (g_file_test (marker, G_FILE_TEST_EXISTS));
}

static gboolean
skip_without_bwrap (PyprepRunner *runner)
{
  if (!have_python (runner))
    return TRUE;

  if (pyprep_runner_get_protection (runner) != PYPREP_RUN_PROTECTION_BWRAP)
    {
      g_autofree char *why = g_strdup_printf ("bubblewrap is not used here: %s",
                                              pyprep_runner_get_sandbox_note (runner)
                                              ? pyprep_runner_get_sandbox_note (runner)
                                              : "running in the Flatpak sandbox");
      g_test_skip (why);
      return TRUE;
    }
  return FALSE;
}

static void
test_no_network (void)
{
  g_autoptr(PyprepRunner) runner = pyprep_runner_new ();
  g_autoptr(PyprepRunResult) result = NULL;

  if (skip_without_bwrap (runner))
    return;

  result = run_snippet (runner,
                        "import socket\n"
                        "print(sorted(name for _, name in socket.if_nameindex()))\n"
                        "s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n"
                        "s.settimeout(3)\n"
                        "s.connect(('1.1.1.1', 53))\n"
                        "print('connected')\n");
  /* Only the loopback device exists, so the connection fails at once. */
  g_assert_cmpstr (result->stdout_text, ==, "['lo']\n");
  g_assert_nonnull (strstr (result->stderr_text, "Network is unreachable"));
  g_assert_cmpint (result->exit_status, ==, 1);
  g_assert_cmpint (result->protection, ==, PYPREP_RUN_PROTECTION_BWRAP);
}

static void
test_read_only_system (void)
{
  g_autoptr(PyprepRunner) runner = pyprep_runner_new ();
  g_autoptr(PyprepRunResult) result = NULL;

  if (skip_without_bwrap (runner))
    return;

  result = run_snippet (runner,
                        "import os\n"
                        "for path in ('/usr/pyprep-test', '/etc/pyprep-test'):\n"
                        "    try:\n"
                        "        open(path, 'w')\n"
                        "        print('wrote', path)\n"
                        "    except OSError as e:\n"
                        "        print('refused', e.strerror)\n"
                        "print(os.path.exists(os.path.expanduser('~/.bashrc')) and os.path.expanduser('~') != os.getcwd())\n");
  g_assert_cmpstr (result->stdout_text, ==,
                   "refused Read-only file system\n"
                   "refused Read-only file system\n"
                   "False\n");
}

/* A bwrap that cannot start (no user namespaces, say) is not used, the
 * snippet still runs, and the reason is kept to be shown. */
static void
test_bwrap_broken (void)
{
  g_autofree char *python = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(PyprepRunner) runner = pyprep_runner_new ();
      g_autoptr(PyprepRunResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("pyprep-fake-bwrap-XXXXXX", &error);
      g_autofree char *fake = g_build_filename (dir, "bwrap", NULL);
      g_autofree char *path = g_strconcat (dir, ":", g_getenv ("PATH"), NULL);

      g_assert_no_error (error);
      g_file_set_contents (fake,
                           "#!/bin/sh\necho 'bwrap: No permissions to create new namespace' >&2\nexit 1\n",
                           -1, &error);
      g_assert_no_error (error);
      g_chmod (fake, 0755);
      g_setenv ("PATH", path, TRUE);

      result = run_snippet (runner, "print('ran anyway')\n");
      g_unlink (fake);
      g_rmdir (dir);

      g_assert_cmpstr (result->stdout_text, ==, "ran anyway\n");
      g_assert_cmpint (result->protection, ==, PYPREP_RUN_PROTECTION_LIMITS);
      g_assert_nonnull (strstr (pyprep_runner_get_sandbox_note (runner),
                                "could not start here (bwrap: No permissions to create new namespace)"));
      return;
    }

  python = g_find_program_in_path ("python3");
  if (python == NULL)
    {
      g_test_skip ("no python3 on PATH");
      return;
    }
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("inside the Flatpak bubblewrap is never used");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* A user can give the Flatpak the network with flatpak override; the
 * panel must not then claim there is none. */
static void
test_flatpak_network (void)
{
  static const char * const cases[][2] = {
    { "[Application]\nname=io.github.pyprep.PyPrep\n[Context]\nshared=ipc;\n", "no" },
    { "[Application]\nname=io.github.pyprep.PyPrep\n[Context]\nshared=network;ipc;\n", "yes" },
    { "[Application]\nname=io.github.pyprep.PyPrep\n", "no" },
    { "not a key file at all", "no" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pyprep-flatpak-info-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "flatpak-info", NULL);
  g_assert_false (pyprep_runner_flatpak_shares_network (path));   /* missing */

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (g_file_set_contents (path, cases[i][0], -1, &error));
      g_assert_no_error (error);
      g_assert_cmpint (pyprep_runner_flatpak_shares_network (path), ==,
                       g_str_equal (cases[i][1], "yes"));
    }
  g_unlink (path);
  g_rmdir (dir);

  g_assert_cmpstr (pyprep_run_protection_describe (PYPREP_RUN_PROTECTION_FLATPAK), ==,
                   "Flatpak sandbox, no network");
  g_assert_null (strstr (pyprep_run_protection_describe (PYPREP_RUN_PROTECTION_FLATPAK_NETWORK),
                         "no network"));
}

/* The protection a snippet runs under is reported, and where the caller
 * says bubblewrap must work (CI's fresh systems set
 * PYPREP_EXPECT_SANDBOX=bwrap), a fallback is a failure, not a skip. */
static void
test_protection (void)
{
  g_autoptr(PyprepRunner) runner = pyprep_runner_new ();
  const char *expect = g_getenv ("PYPREP_EXPECT_SANDBOX");
  PyprepRunProtection protection;

  if (!have_python (runner))
    return;
  protection = pyprep_runner_get_protection (runner);
  g_test_message ("snippets run: %s%s%s", pyprep_run_protection_describe (protection),
                  pyprep_runner_get_sandbox_note (runner) ? "; " : "",
                  pyprep_runner_get_sandbox_note (runner) ? pyprep_runner_get_sandbox_note (runner) : "");
  if (g_strcmp0 (expect, "bwrap") == 0)
    g_assert_cmpint (protection, ==, PYPREP_RUN_PROTECTION_BWRAP);
}

static void
test_diff (void)
{
  g_autofree char *diff = NULL;

  g_assert_true (pyprep_output_matches ("1\n2\n", "1  \n2\n\n"));
  g_assert_false (pyprep_output_matches ("1\n2\n", "1\n3\n"));
  g_assert_false (pyprep_output_matches ("1\n", "1\n1\n"));

  diff = pyprep_output_diff ("a\nb\nc\n", "a\nx\nc\nd\n");
  g_assert_cmpstr (diff, ==, "  a\n+ x\n- b\n  c\n+ d\n");
}

/* Whether a process whose command line holds @token is alive (not a
 * zombie). */
static gboolean
token_alive (const char *token)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc", 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *cmdline_path = g_build_filename ("/proc", name, "cmdline", NULL);
      g_autofree char *stat_path = g_build_filename ("/proc", name, "stat", NULL);
      g_autofree char *cmdline = NULL;
      g_autofree char *stat = NULL;
      gsize length;

      if (!g_ascii_isdigit (name[0])
          || !g_file_get_contents (cmdline_path, &cmdline, &length, NULL) || length == 0)
        continue;
      for (gsize i = 0; i + 1 < length; i++)
        if (cmdline[i] == '\0')
          cmdline[i] = ' ';
      if (strstr (cmdline, token) == NULL)
        continue;
      if (g_file_get_contents (stat_path, &stat, NULL, NULL))
        {
          const char *state = strrchr (stat, ')');

          if (state != NULL && state[1] == ' ' && state[2] == 'Z')
            continue;
        }
      return TRUE;
    }
  return FALSE;
}

/* A snippet that daemonizes a child (fork, setsid, fork again) leaves
 * nothing running once the run is over, in the sandbox or not. */
static void
daemon_killed (gboolean use_sandbox)
{
  g_autoptr(PyprepRunner) runner = pyprep_runner_new ();
  g_autoptr(PyprepRunResult) result = NULL;
  g_autofree char *token = g_strdup_printf ("pyprep-daemon-%08x", g_random_int ());
  g_autofree char *code = NULL;

  if (!have_python (runner))
    return;
  pyprep_runner_set_use_sandbox (runner, use_sandbox);

  code = g_strdup_printf ("import os, sys, time\n"
                          "if os.fork() == 0:\n"
                          "    os.setsid()\n"
                          "    if os.fork() == 0:\n"
                          "        os.execv(sys.executable, [sys.executable, '-c',\n"
                          "                 'import time; time.sleep(60)', '%s'])\n"
                          "    os._exit(0)\n"
                          "time.sleep(0.5)\n"
                          "print('detached')\n", token);
  result = run_snippet (runner, code);
  g_test_message ("daemon under %s", pyprep_run_protection_describe (result->protection));
  g_assert_cmpstr (result->stdout_text, ==, "detached\n");
  /* The run's clean-up is done once the result is back. */
  g_assert_false (token_alive (token));
}

static void
test_daemon_killed (void)
{
  daemon_killed (TRUE);
}

static void
test_daemon_killed_unsandboxed (void)
{
  daemon_killed (FALSE);
}

/* Without bubblewrap, where the kernel lets a user have a network of
 * their own, a snippet cannot reach even a service of the host's loopback. */
static void
test_no_network_unsandboxed (void)
{
  g_autoptr(PyprepRunner) runner = pyprep_runner_new ();
  g_autoptr(PyprepRunResult) result = NULL;
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  guint16 port;

  if (!have_python (runner))
    return;
  if (g_strcmp0 (g_getenv ("PYPREP_EXPECT_SANDBOX"), "bwrap") != 0)
    {
      /* Only where user namespaces are known to be allowed (CI). */
      g_test_skip ("PYPREP_EXPECT_SANDBOX is not bwrap: user namespaces may be refused here");
      return;
    }
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);

  pyprep_runner_set_use_sandbox (runner, FALSE);
  code = g_strdup_printf ("import socket\n"
                          "print(sorted(name for _, name in socket.if_nameindex()))\n"
                          "socket.create_connection(('127.0.0.1', %u), timeout=3)\n"
                          "print('connected')\n", port);
  result = run_snippet (runner, code);
  g_assert_cmpint (result->protection, ==, PYPREP_RUN_PROTECTION_LIMITS);
  g_assert_cmpstr (result->stdout_text, ==, "['lo']\n");
  g_assert_null (strstr (result->stdout_text, "connected"));
  g_assert_cmpint (result->exit_status, ==, 1);
}

/* Each limit that stops a snippet is named: the memory, a file's size,
 * and, in the sandbox, the space of its /tmp, which is capped. */
static void
test_limits_named (void)
{
  g_autoptr(PyprepRunner) runner = pyprep_runner_new ();
  const struct {
    const char     *code;
    PyprepRunLimit  limit;
    const char     *said;
    gboolean        sandbox_only;
  } cases[] = {
    { "x = bytearray(3 * 1024 ** 3)\n", PYPREP_RUN_LIMIT_MEMORY, "used more than 1.0\302\240GiB of memory", FALSE },
    { "with open('big', 'wb') as f:\n    f.write(bytes(32 * 1024 * 1024))\n",
      PYPREP_RUN_LIMIT_FILE_SIZE, "wrote a file larger than 16.0\302\240MiB", FALSE },
    { "import os\n"
      "for i in range(100):\n"
      "    with open(f'/tmp/fill-{i}', 'wb') as f:\n"
      "        f.write(bytes(8 * 1024 * 1024))\n",
      PYPREP_RUN_LIMIT_DISK, "filled its 64.0\302\240MiB of temporary space", TRUE },
    /* Its own folder is on the machine's disk: sampled and stopped. */
    { "import time\n"
      "for i in range(1000):\n"
      "    with open(f'fill-{i}', 'wb') as f:\n"
      "        f.write(bytes(8 * 1024 * 1024))\n"
      "    time.sleep(0.01)\n",
      PYPREP_RUN_LIMIT_DISK, "filled its 64.0\302\240MiB of temporary space", FALSE },
  };

  if (!have_python (runner))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PyprepRunResult) result = NULL;
      g_autofree char *said = NULL;

      if (cases[i].sandbox_only && pyprep_runner_get_protection (runner) != PYPREP_RUN_PROTECTION_BWRAP)
        {
          g_test_message ("case %u needs bubblewrap", i);
          continue;
        }
      result = run_snippet (runner, cases[i].code);
      g_test_message ("case %u: %s", i, result->stderr_text);
      g_assert_cmpint (pyprep_run_result_get_limit (result), ==, cases[i].limit);
      said = pyprep_run_limit_describe (pyprep_run_result_get_limit (result));
      g_assert_cmpstr (said, ==, cases[i].said);
    }

  /* A run that fails for its own reasons names no limit. */
  {
    g_autoptr(PyprepRunResult) result = run_snippet (runner, "raise ValueError('no')\n");

    g_assert_cmpint (pyprep_run_result_get_limit (result), ==, PYPREP_RUN_LIMIT_NONE);
  }
}

/* Many children holding memory together are stopped at the total limit,
 * though each stays under its own; the panel names it. */
static void
test_total_memory (void)
{
  for (guint sandboxed = 0; sandboxed < 2; sandboxed++)
    {
      g_autoptr(PyprepRunner) runner = pyprep_runner_new ();
      g_autoptr(PyprepRunResult) result = NULL;
      g_autofree char *said = NULL;

      if (!have_python (runner))
        return;
      pyprep_runner_set_use_sandbox (runner, sandboxed);
      pyprep_runner_set_timeout (runner, 20000);
      result = run_snippet (runner,
                            "import os, time\n"
                            "for _ in range(8):\n"
                            "    if os.fork() == 0:\n"
                            "        block = b'x' * (120 * 1024 * 1024)\n"
                            "        time.sleep(30)\n"
                            "        os._exit(0)\n"
                            "time.sleep(30)\n");
      g_test_message ("%s: ended as %d after %.1f s", pyprep_run_protection_describe (result->protection),
                      result->ending, result->elapsed_usec / 1e6);
      g_assert_cmpint (result->ending, ==, PYPREP_RUN_MEMORY_LIMIT);
      g_assert_cmpint (pyprep_run_result_get_limit (result), ==, PYPREP_RUN_LIMIT_TOTAL_MEMORY);
      said = pyprep_run_limit_describe (pyprep_run_result_get_limit (result));
      g_assert_cmpstr (said, ==, "used more than 512.0\302\240MiB of memory in all");
      g_assert_cmpint (result->elapsed_usec, <, 15 * G_USEC_PER_SEC);
      g_assert_cmpuint (count_group (result->process_group), ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Before any thread starts; a snippet must not see it. */
  g_setenv ("PYPREP_SECRET_FOR_TEST", "leaked", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/runner/protection", test_protection);
  g_test_add_func ("/pyprep/runner/output", test_output);
  g_test_add_func ("/pyprep/runner/traceback", test_traceback);
  g_test_add_func ("/pyprep/runner/stdin-closed", test_stdin_closed);
  g_test_add_func ("/pyprep/runner/temporary-folder", test_temporary_folder);
  g_test_add_func ("/pyprep/runner/infinite-loop", test_infinite_loop);
  g_test_add_func ("/pyprep/runner/fork-bomb", test_fork_bomb);
  g_test_add_func ("/pyprep/runner/fork-bomb-unsandboxed", test_fork_bomb_unsandboxed);
  g_test_add_func ("/pyprep/runner/daemon-killed", test_daemon_killed);
  g_test_add_func ("/pyprep/runner/daemon-killed-unsandboxed", test_daemon_killed_unsandboxed);
  g_test_add_func ("/pyprep/runner/limits-named", test_limits_named);
  g_test_add_func ("/pyprep/runner/total-memory", test_total_memory);
  g_test_add_func ("/pyprep/runner/output-cap", test_output_cap);
  g_test_add_func ("/pyprep/runner/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/pyprep/runner/cancel", test_cancel);
  g_test_add_func ("/pyprep/runner/no-network", test_no_network);
  g_test_add_func ("/pyprep/runner/no-network-unsandboxed", test_no_network_unsandboxed);
  g_test_add_func ("/pyprep/runner/read-only-system", test_read_only_system);
  g_test_add_func ("/pyprep/runner/bwrap-broken", test_bwrap_broken);
  g_test_add_func ("/pyprep/runner/flatpak-network", test_flatpak_network);
  g_test_add_func ("/pyprep/output-diff/compare", test_diff);

  return g_test_run ();
}
