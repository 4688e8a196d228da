/* bench-exercise.c: from Run (what Ctrl+Enter does) in the exercise view
 * to the results on screen, against a bare python3 started the same way
 * (the runner, in its sandbox, running `pass`) in the same run. Prints
 * both medians, the tests' own CPU time, and the run's cost over the
 * bare start once that CPU time is taken out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "bench-common.h"
#include "pyprep-exercise.h"
#include "pyprep-exercise-view.h"
#include "pyprep-library.h"
#include "pyprep-question.h"
#include "pyprep-test-run.h"

#define QUESTION "lru-cache-by-hand"

static gboolean done;

static void
bare_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PyprepRunResult) run = pyprep_runner_run_finish (PYPREP_RUNNER (object), result, NULL);

  g_assert (run != NULL && pyprep_run_result_succeeded (run));
  done = TRUE;
}

static void
tests_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  double *cpu = user_data;
  g_autoptr(PyprepTestReport) report = pyprep_test_run_finish (PYPREP_RUNNER (object), result, NULL);

  g_assert (report != NULL && report->results->len > 0);
  *cpu = 0;
  for (guint i = 0; i < report->results->len; i++)
    *cpu += ((PyprepTestResult *)report->results->pdata[i])->cpu_seconds * 1000.0;
  done = TRUE;
}

static void
wait_done (void)
{
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  done = FALSE;
}

/* Runs until @widget has painted a frame after now. */
static gboolean
painted_cb (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  done = TRUE;
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  guint rounds = argc > 1 ? (guint)g_ascii_strtoull (argv[1], NULL, 10) : 15;
  g_autoptr(PyprepLibrary) library = pyprep_library_new ();
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bares = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpus = g_array_new (FALSE, FALSE, sizeof (double));
  PyprepRunner *runner = pyprep_runner_get_default ();
  PyprepQuestion *question;
  const PyprepExercise *exercise;
  GtkWidget *window, *view;
  GtkSpinner *spinner;
  double run_ms, bare_ms, cpu_ms;

  gtk_init ();
  adw_init ();
  gtk_source_init ();
  pyprep_library_load_resources (library, RESOURCE_PREFIX "/content");
  question = pyprep_library_lookup_question (library, QUESTION);
  exercise = pyprep_question_get_exercise (question);

  window = gtk_window_new ();
  view = pyprep_exercise_view_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  gtk_window_set_child (GTK_WINDOW (window), view);
  pyprep_exercise_view_set_question (PYPREP_EXERCISE_VIEW (view), question);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_widget_get_template_child (view, PYPREP_TYPE_EXERCISE_VIEW, "editor"))),
                            exercise->code[PYPREP_EXERCISE_SOLUTION], -1);
  spinner = GTK_SPINNER (gtk_widget_get_template_child (view, PYPREP_TYPE_EXERCISE_VIEW, "spinner"));
  gtk_window_present (GTK_WINDOW (window));

  /* One of each first: the probe of python3 and bwrap, and caches. */
  pyprep_runner_run_async (runner, "pass", NULL, bare_done_cb, NULL);
  wait_done ();

  for (guint i = 0; i < rounds; i++)
    {
      gint64 start;
      double ms, cpu = 0;

      /* Bare: the runner starting python3 on `pass`. */
      start = g_get_monotonic_time ();
      pyprep_runner_run_async (runner, "pass", NULL, bare_done_cb, NULL);
      wait_done ();
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (bares, ms);

      /* Run in the view, until the results are painted. */
      start = g_get_monotonic_time ();
      gtk_widget_activate_action (view, "exercise.run", NULL);
      while (gtk_spinner_get_spinning (spinner))
        g_main_context_iteration (NULL, TRUE);
      gtk_widget_add_tick_callback (view, painted_cb, NULL, NULL);
      gtk_widget_queue_draw (view);
      wait_done ();
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (runs, ms);

      /* The tests' own CPU time, from the harness's report. */
      pyprep_test_run_async (runner, exercise->code[PYPREP_EXERCISE_SOLUTION],
                             exercise->code[PYPREP_EXERCISE_TESTS], NULL, NULL, tests_done_cb, &cpu);
      wait_done ();
      g_array_append_val (cpus, cpu);
    }

  run_ms = bench_percentile (runs, 0.5);
  bare_ms = bench_percentile (bares, 0.5);
  cpu_ms = bench_percentile (cpus, 0.5);
  printf ("python3: %s, protection: %s\n", pyprep_runner_get_python_version (runner),
          pyprep_run_protection_describe (pyprep_runner_get_protection (runner)));
  printf ("Run to results on screen: median %.1f ms (p95 %.1f)\n", run_ms, bench_percentile (runs, 0.95));
  printf ("bare python3 -I, same runner: median %.1f ms (p95 %.1f)\n", bare_ms, bench_percentile (bares, 0.95));
  printf ("the tests' own CPU time: median %.1f ms\n", cpu_ms);
  printf ("run = %.2f x bare + tests' CPU (goal: at most 2.5 x)\n", (run_ms - cpu_ms) / bare_ms);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
