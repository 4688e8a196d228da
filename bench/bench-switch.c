/* bench-switch.c: question switching. Shows every question of the bank in
 * turn, the way selecting it in the sidebar does, and measures from the
 * selection to the end of the next painted frame. Prints the median, the
 * p95 and the worst case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "bench-common.h"
#include "pyprep-library.h"
#include "pyprep-question.h"
#include "pyprep-topic.h"
#include "pyprep-window.h"

#define BUDGET_MS 16.0

typedef struct
{
  GtkWidget    *window;
  GtkLabel     *bare_label;   /* set for the baseline run */
  GPtrArray    *questions;
  GArray       *samples;  /* double, ms */
  GMainLoop    *loop;
  guint         next;
  gint64        start;
  int           rounds;
} Bench;

static void show_next (Bench *bench);

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  double ms;

  if (bench->start == 0)
    return;

  ms = (g_get_monotonic_time () - bench->start) / 1000.0;
  bench->start = 0;
  g_array_append_val (bench->samples, ms);
  show_next (bench);
}

static gboolean
show_next_idle (gpointer data)
{
  Bench *bench = data;
  PyprepQuestion *question;

  if (bench->next == bench->questions->len * bench->rounds)
    {
      g_main_loop_quit (bench->loop);
      return G_SOURCE_REMOVE;
    }

  question = g_ptr_array_index (bench->questions, bench->next % bench->questions->len);
  bench->next++;
  bench->start = g_get_monotonic_time ();
  if (bench->bare_label != NULL)
    gtk_label_set_text (bench->bare_label, pyprep_question_get_title (question));
  else
    pyprep_window_show_question (PYPREP_WINDOW (bench->window), question);
  gtk_widget_queue_draw (GTK_WIDGET (bench->window));
  return G_SOURCE_REMOVE;
}

/* A person selects a question at some random moment, not in the
 * instant after a frame, when the frame clock would hold the next frame
 * back until the display's next refresh. Pausing between switches keeps
 * that throttling out of the measurement. */
static void
show_next (Bench *bench)
{
  g_timeout_add (40, show_next_idle, bench);
}

static gboolean
start_cb (gpointer data)
{
  Bench *bench = data;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench->window));

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), bench);
  show_next (bench);
  return G_SOURCE_REMOVE;
}

static void
report (const char *name,
        GArray     *samples)
{
  double median = bench_percentile (samples, 0.5);
  double p95 = bench_percentile (samples, 0.95);
  double max = bench_percentile (samples, 1.0);

  printf ("  %-28s median %6.2f ms, p95 %6.2f ms, max %6.2f ms\n", name, median, p95, max);
}

/* Switches through every question once per round in @window and returns
 * the samples. With @bare_label, only that label's text changes. */
static GArray *
run (GtkWidget *window,
     GtkLabel  *bare_label,
     GPtrArray *questions,
     int        rounds)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Bench bench = { 0 };

  bench.window = window;
  bench.bare_label = bare_label;
  bench.questions = questions;
  bench.rounds = rounds;
  bench.samples = g_array_new (FALSE, FALSE, sizeof (double));
  bench.loop = loop;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));

  /* Let the first frame and the startup work settle. */
  g_timeout_add (500, start_cb, &bench);
  g_main_loop_run (loop);

  gtk_window_destroy (GTK_WINDOW (window));
  return bench.samples;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PyprepLibrary) library = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GArray) bare = NULL;
  g_autoptr(GArray) pyprep = NULL;
  g_autoptr(PyprepStudy) study = NULL;
  GtkWidget *bare_window, *label;
  int rounds = argc > 1 ? atoi (argv[1]) : 2;
  double p95;

  gtk_init ();
  adw_init ();
  gtk_source_init ();

  library = pyprep_library_new ();
  pyprep_library_load_resources (library, RESOURCE_PREFIX "/content");

  questions = pyprep_library_list_questions (library);

  /* The baseline: a bare libadwaita window whose one label changes. */
  bare_window = adw_application_window_new (NULL);
  label = gtk_label_new ("");
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (bare_window), label);
  bare = run (bare_window, GTK_LABEL (label), questions, rounds);

  study = pyprep_study_new (NULL);
  pyprep = run (GTK_WIDGET (pyprep_window_new_for_library (NULL, library, study)), NULL, questions, rounds);

  printf ("question switching, select to painted frame, %u switches over %u questions:\n",
          pyprep->len, questions->len);
  report ("bare AdwApplicationWindow", bare);
  report ("PyPrep", pyprep);
  p95 = bench_percentile (pyprep, 0.95);
  printf ("  PyPrep p95 %.2f ms: %s (budget %.0f ms)\n", p95,
          p95 <= BUDGET_MS ? "within budget" : "OVER BUDGET", BUDGET_MS);

  return 0;
}
