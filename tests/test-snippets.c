/* test-snippets.c: every Python snippet in the shipped bank is real.
 * A "python run" snippet runs under python3 (isolated, from snippet.py
 * in a temporary folder as the app runs it, with a timeout) and prints exactly its stated
 * output; a "python norun" snippet still compiles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "pyprep-library.h"
#include "pyprep-question.h"
#include "pyprep-snippet.h"
#include "pyprep-topic.h"

/* The name the app's runner gives a snippet (pyprep-runner.c). */
#define SNIPPET_FILE "snippet.py"

#define TIMEOUT_SECONDS 15

/* Compiles stdin without running it. */
static const char compile_only[] =
  "import sys\n"
  "compile(sys.stdin.read(), '<snippet>', 'exec')\n";

typedef struct
{
  PyprepQuestion *question;
  PyprepSnippet  *snippet;
} Case;

typedef struct
{
  GMainLoop *loop;
  char      *stdout_text;
  char      *stderr_text;
  gboolean   timed_out;
  GError    *error;
} Run;

static void
communicate_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Run *run = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result,
                                        &run->stdout_text, &run->stderr_text, &run->error);
  g_main_loop_quit (run->loop);
}

static gboolean
timeout_cb (gpointer user_data)
{
  GSubprocess *subprocess = user_data;

  g_subprocess_force_exit (subprocess);
  return G_SOURCE_REMOVE;
}

/* Runs python3 with @args in an empty folder, feeding @input on stdin,
 * and returns the exit status; *timed_out is set when it had to be
 * killed. @script, if given, is written there as snippet.py first, as
 * the app's runner does: a process started by multiprocessing's
 * forkserver (the default on Linux since 3.14) imports the main module
 * again, which needs a file. */
static int
run_python (const char * const  *args,
            const char          *script,
            const char          *input,
            char               **stdout_text,
            char               **stderr_text,
            gboolean            *timed_out)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) subprocess = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pyprep-snippet-XXXXXX", &error);
  Run run = { loop, NULL, NULL, FALSE, NULL };
  guint timeout_id;
  int status;

  g_assert_no_error (error);
  if (script != NULL)
    {
      g_autofree char *path = g_build_filename (dir, SNIPPET_FILE, NULL);

      g_file_set_contents (path, script, -1, &error);
      g_assert_no_error (error);
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, dir);
  g_subprocess_launcher_setenv (launcher, "PYTHONHASHSEED", "0", TRUE);
  subprocess = g_subprocess_launcher_spawnv (launcher, args, &error);
  g_assert_no_error (error);

  timeout_id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, subprocess);
  g_subprocess_communicate_utf8_async (subprocess, input ? input : "", NULL, communicate_cb, &run);
  g_main_loop_run (loop);

  if (g_main_context_find_source_by_id (NULL, timeout_id) != NULL)
    g_source_remove (timeout_id);
  else
    run.timed_out = TRUE;

  g_assert_no_error (run.error);
  g_subprocess_wait (subprocess, NULL, NULL);
  status = g_subprocess_get_if_exited (subprocess) ? g_subprocess_get_exit_status (subprocess) : -1;

  if (script != NULL)
    {
      g_autofree char *path = g_build_filename (dir, SNIPPET_FILE, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);  /* fails, harmlessly, if the snippet left files behind */

  *stdout_text = run.stdout_text;
  *stderr_text = run.stderr_text;
  *timed_out = run.timed_out;
  return status;
}

static void
strip_trailing_space (char *text)
{
  g_strchomp (text);
}

/* The python3 the snippets run on, as major × 100 + minor. */
static guint python_version;

static guint
probe_python_version (void)
{
  const char * const args[] = { "python3", "-I", "-c",
                                "import sys; print('%d.%d' % sys.version_info[:2])", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gboolean timed_out;

  if (run_python (args, NULL, NULL, &out, &err, &timed_out) != 0)
    g_error ("python3 does not start: %s", err);
  return pyprep_python_version_parse (g_strstrip (out));
}

static void
test_snippet (gconstpointer data)
{
  const Case *c = data;
  const PyprepSnippet *snippet = c->snippet;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  gboolean timed_out;
  int status;

  if (!pyprep_snippet_runs_on (snippet, python_version))
    {
      g_autofree char *range = pyprep_python_range_describe (snippet->min_python, snippet->max_python);
      g_autofree char *why = g_strdup_printf ("for %s; python3 is %u.%u", range,
                                              python_version / 100, python_version % 100);

      g_test_skip (why);
      return;
    }

  if (snippet->mode == PYPREP_SNIPPET_NORUN)
    {
      const char * const args[] = { "python3", "-I", "-c", compile_only, NULL };

      status = run_python (args, NULL, snippet->code, &out, &err, &timed_out);
      if (status != 0)
        g_error ("%s:%u (%s): the snippet does not compile:\n%s",
                 pyprep_question_get_source (c->question), snippet->line,
                 pyprep_question_get_id (c->question), err);
      return;
    }
  else
    {
      const char * const args[] = { "python3", "-I", "-X", "utf8", SNIPPET_FILE, NULL };

      status = run_python (args, snippet->code, NULL, &out, &err, &timed_out);
    }

  if (timed_out)
    g_error ("%s:%u (%s): the snippet ran for more than %d s",
             pyprep_question_get_source (c->question), snippet->line,
             pyprep_question_get_id (c->question), TIMEOUT_SECONDS);

  if (status != 0)
    g_error ("%s:%u (%s): the snippet exited with status %d:\n%s",
             pyprep_question_get_source (c->question), snippet->line,
             pyprep_question_get_id (c->question), status, err);

  if (snippet->output_varies)
    return;

  expected = g_strdup (snippet->output ? snippet->output : "");
  strip_trailing_space (expected);
  strip_trailing_space (out);

  if (g_strcmp0 (out, expected) != 0)
    g_error ("%s:%u (%s): the output differs from the stated output.\n"
             "--- stated\n%s\n--- printed\n%s\n",
             pyprep_question_get_source (c->question), snippet->line,
             pyprep_question_get_id (c->question), expected, out);
}

/* The runner itself must be able to fail: a wrong stated output is caught. */
static void
test_wrong_output_is_caught (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(PyprepQuestion) question = pyprep_question_new ("fake", "Fake?", PYPREP_DIFFICULTY_JUNIOR,
                                                                "fake.md", 1);
      g_autoptr(PyprepSnippet) snippet = pyprep_snippet_new ("python", PYPREP_SNIPPET_RUN, 3);
      Case c = { question, snippet };

      snippet->code = g_strdup ("print(6 * 7)\n");
      snippet->output = g_strdup ("41\n");
      test_snippet (&c);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*fake.md:3*stated*41*printed*42*");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PyprepLibrary) library = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  guint n_run = 0, n_norun = 0, n_other = 0;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/snippets/wrong-output-is-caught", test_wrong_output_is_caught);

  python_version = probe_python_version ();
  library = pyprep_library_new ();
  pyprep_library_load_resources (library, RESOURCE_PREFIX "/content");
  questions = pyprep_library_list_questions (library);

  for (guint q = 0; q < questions->len; q++)
    {
      PyprepQuestion *question = questions->pdata[q];
      GPtrArray *snippets = pyprep_question_get_snippets (question);

      for (guint s = 0; s < snippets->len; s++)
        {
          PyprepSnippet *snippet = snippets->pdata[s];
          g_autofree char *path = NULL;
          Case *c;

          if (snippet->mode == PYPREP_SNIPPET_SHOWN)
            continue;

          c = g_new0 (Case, 1);
          c->question = question;
          c->snippet = snippet;
          path = g_strdup_printf ("/pyprep/snippets/%s/%s/line-%u",
                                  pyprep_topic_get_id (pyprep_question_get_topic (question)),
                                  pyprep_question_get_id (question), snippet->line);
          g_test_add_data_func_full (path, c, test_snippet, g_free);

          if (!pyprep_snippet_runs_on (snippet, python_version))
            n_other++;
          else if (snippet->mode == PYPREP_SNIPPET_RUN)
            n_run++;
          else
            n_norun++;
        }
    }

  /* CI reads this line for the count per interpreter. */
  g_test_message ("python3 %u.%u: %u runnable snippets, %u compile-only snippets, "
                  "%u for other versions", python_version / 100, python_version % 100,
                  n_run, n_norun, n_other);
  g_assert_cmpuint (n_run, >, 0);

  return g_test_run ();
}
