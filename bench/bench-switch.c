/* bench-switch.c: question switching. Shows every question of the bank in
 * turn, the way selecting it in the sidebar does, and measures from the
 * selection to the end of the next painted frame. Prints the median, the
 * p95 and the worst case, where the time goes, the main thread's CPU
 * time, and how long until the whole of a long answer is built. With
 * PYPREP_BENCH_TOPICS=1 it shows only the first question of
 * each topic, so that every switch changes topic.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <time.h>
#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "bench-common.h"
#include "pyprep-library.h"
#include "pyprep-question.h"
#include "pyprep-topic.h"
#include "pyprep-settings.h"
#include "pyprep-window.h"

/* The settings the windows under test read, as the application's. */
static PyprepSettings *
test_settings (void)
{
  static PyprepSettings *settings;

  if (settings == NULL)
    {
      g_autoptr(GSettings) gsettings = g_settings_new (APPLICATION_ID);

      settings = pyprep_settings_new_for_gsettings (gsettings);
    }
  return settings;
}

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
  gint64        selected; /* when the question of the last sample was selected */
  gint64        painted;  /* when the last frame, of any kind, was painted */
  gint64        quiet_since; /* when the app was last seen idle */
  GArray       *settled;  /* double, ms from selecting to the answer's last block */
  gint64        start_cpu;
  gint64        frame_cpu;
  GArray       *cpu;      /* double, ms of main-thread CPU per sample */
  GPtrArray    *shown_questions;  /* the question of each sample */
  gint64        shown;    /* when show_question returned */
  gint64        frame;    /* when the frame began (before-paint) */
  gint64        layout;   /* when the window's layout was done */
  GArray       *phases;   /* double[3] per sample: build, layout, paint */
  int           rounds;
} Bench;

static void show_next (Bench *bench);
static gboolean show_next_idle (gpointer data);

/* CPU time of the calling (main) thread, in microseconds: unlike the
 * wall clock, it does not count time spent waiting for a busy CPU. */
static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64)ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  double ms;

  bench->painted = g_get_monotonic_time ();
  if (bench->start == 0)
    return;

  {
    gint64 now = g_get_monotonic_time ();
    double phase[5];
    double cpu = (thread_cpu_time () - bench->start_cpu) / 1000.0;


    ms = (now - bench->start) / 1000.0;
    phase[0] = (bench->shown - bench->start) / 1000.0;
    /* The window's own handlers run before ours, so "layout" marks
     * the end of its style and layout work, and drawing follows. */
    phase[1] = (bench->layout - bench->frame) / 1000.0;
    phase[2] = (now - bench->layout) / 1000.0;
    phase[3] = (bench->frame - bench->shown) / 1000.0;
    phase[4] = (bench->frame_cpu - bench->start_cpu) / 1000.0;
    g_array_append_vals (bench->phases, phase, 5);
    if (g_getenv ("PYPREP_BENCH_TRACE"))
      {
        static FILE *trace;
        if (trace == NULL)
          trace = fopen (g_getenv ("PYPREP_BENCH_TRACE"), "w");
        fprintf (trace, "%ld %ld %ld %ld %ld\n", (long)bench->start, (long)bench->shown, (long)bench->frame, (long)bench->layout, (long)now);
        fflush (trace);
      }
    g_array_append_val (bench->cpu, cpu);
  }
  bench->start = 0;
  g_array_append_val (bench->samples, ms);
  show_next (bench);
}

/* The app has been idle, and has painted nothing, since quiet_since:
 * select the next question. Otherwise something is still moving, such
 * as the selected row's colour fading in, and keeps the frame clock
 * ticking; a selection now would have to wait for its next tick. */
static gboolean
quiet_cb (gpointer data)
{
  Bench *bench = data;

  if (bench->painted > bench->quiet_since)
    show_next (bench);
  else
    show_next_idle (bench);
  return G_SOURCE_REMOVE;
}

/* The app has nothing left to do for this question: the rest of a long
 * answer is built and the previous one freed. */
static gboolean
settled_cb (gpointer data)
{
  Bench *bench = data;

  bench->quiet_since = g_get_monotonic_time ();
  if (bench->selected != 0)
    {
      double ms = (bench->quiet_since - bench->selected) / 1000.0;

      g_array_append_val (bench->settled, ms);
      bench->selected = 0;
    }
  g_timeout_add (40, quiet_cb, bench);
  return G_SOURCE_REMOVE;
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
  bench->selected = bench->start;
  bench->start_cpu = thread_cpu_time ();
  g_ptr_array_add (bench->shown_questions, question);
  if (bench->bare_label != NULL)
    gtk_label_set_text (bench->bare_label, pyprep_question_get_title (question));
  else
    pyprep_window_show_question (PYPREP_WINDOW (bench->window), question);
  bench->shown = g_get_monotonic_time ();
  gtk_widget_queue_draw (GTK_WIDGET (bench->window));
  return G_SOURCE_REMOVE;
}

/* A person reads an answer before choosing the next one. The next switch
 * waits until the app has finished what it left for idle time (the rest
 * of a long answer, freeing the previous one), so that this work is not
 * billed to the next switch; it is reported separately. Then it waits
 * until the window has painted nothing for 40 ms: a person selects long
 * after the last frame, not while the frame clock is still ticking for an
 * animation and would hold the next frame back until its next tick. */
static void
show_next (Bench *bench)
{
  g_idle_add_full (G_PRIORITY_LOW + 1, settled_cb, bench, NULL);
}

static void
layout_cb (GdkFrameClock *clock,
           Bench         *bench)
{
  bench->layout = g_get_monotonic_time ();
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Bench         *bench)
{
  bench->frame = g_get_monotonic_time ();
  bench->frame_cpu = thread_cpu_time ();
}

static gboolean
start_cb (gpointer data)
{
  Bench *bench = data;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench->window));

  g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), bench);
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), bench);
  show_next (bench);
  return G_SOURCE_REMOVE;
}

/* Where the time goes: the phases are interleaved, five per sample. */
static void
report_phases (GArray *phases)
{
  static const char *names[] = { "building the page", "styling, measuring", "drawing", "before the frame", "CPU before the frame" };

  for (guint p = 0; p < 5; p++)
    {
      g_autoptr(GArray) column = g_array_new (FALSE, FALSE, sizeof (double));

      for (guint i = p; i < phases->len; i += 5)
        g_array_append_val (column, g_array_index (phases, double, i));
      printf ("    %-26s median %6.2f ms, p95 %6.2f ms\n", names[p],
              bench_percentile (column, 0.5), bench_percentile (column, 0.95));
    }
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

/* Whether switch @i of a run through @questions (round after round)
 * also changes topic, which refills the sidebar's question list. The
 * first switch does: the window starts with no question. */
static gboolean
changes_topic (GPtrArray *questions,
               guint      i)
{
  PyprepQuestion *question = g_ptr_array_index (questions, i % questions->len);
  PyprepQuestion *previous;

  if (i == 0)
    return TRUE;
  previous = g_ptr_array_index (questions, (i - 1) % questions->len);
  return pyprep_question_get_topic (previous) != pyprep_question_get_topic (question);
}

/* The five switches that took the most main-thread CPU, to show where
 * to look next. A change of topic also refills the question list. */
static void
report_slowest (Bench *bench)
{
  gboolean *done = g_new0 (gboolean, bench->cpu->len);

  printf ("  slowest switches (main-thread CPU):\n");
  for (guint n = 0; n < 5 && n < bench->cpu->len; n++)
    {
      guint worst = 0;
      double worst_ms = -1;

      for (guint i = 0; i < bench->cpu->len; i++)
        if (!done[i] && g_array_index (bench->cpu, double, i) > worst_ms)
          {
            worst = i;
            worst_ms = g_array_index (bench->cpu, double, i);
          }
      done[worst] = TRUE;
      printf ("    %6.2f ms  %s%s\n", worst_ms,
              pyprep_question_get_id (g_ptr_array_index (bench->shown_questions, worst)),
              changes_topic (bench->shown_questions, worst) ? " (new topic)" : "");
    }
  g_free (done);
}

/* With PYPREP_BENCH_CSV=FILE, every switch as a line of FILE: the
 * question, whether it changed topic, and its times in ms, to find out
 * which answers are slow and why. */
static void
write_csv (Bench      *bench,
           const char *path)
{
  FILE *file = fopen (path, "w");

  if (file == NULL)
    {
      g_printerr ("Cannot write %s: %s\n", path, g_strerror (errno));
      return;
    }
  fprintf (file, "question,new_topic,wall,cpu,build,layout,draw,before_frame,cpu_before_frame\n");
  for (guint i = 0; i < bench->samples->len; i++)
    {
      const double *phase = &g_array_index (bench->phases, double, i * 5);

      fprintf (file, "%s,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f\n",
               pyprep_question_get_id (g_ptr_array_index (bench->shown_questions, i)),
               changes_topic (bench->shown_questions, i),
               g_array_index (bench->samples, double, i),
               g_array_index (bench->cpu, double, i),
               phase[0], phase[1], phase[2], phase[3], phase[4]);
    }
  fclose (file);
}

/* Splits the samples into switches within a topic and switches that
 * also change topic. */
static void
split_by_topic_change (GArray    *samples,
                       GPtrArray *questions,
                       GArray    *same,
                       GArray    *changed)
{
  for (guint i = 0; i < samples->len; i++)
    g_array_append_val (changes_topic (questions, i) ? changed : same, g_array_index (samples, double, i));
}

/* Switches through every question once per round in @window and returns
 * the samples. With @bare_label, only that label's text changes. */
static GArray *
run (GtkWidget *window,
     GtkLabel  *bare_label,
     GPtrArray *questions,
     int        rounds,
     GArray   **phases,
     GArray   **cpu,
     GArray   **settled)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Bench bench = { 0 };

  bench.window = window;
  bench.bare_label = bare_label;
  bench.questions = questions;
  bench.rounds = rounds;
  bench.samples = g_array_new (FALSE, FALSE, sizeof (double));
  bench.cpu = g_array_new (FALSE, FALSE, sizeof (double));
  bench.shown_questions = g_ptr_array_new ();
  bench.loop = loop;
  bench.phases = g_array_new (FALSE, FALSE, sizeof (double));
  bench.settled = g_array_new (FALSE, FALSE, sizeof (double));

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));

  /* Let the first frame and the startup work settle. */
  g_timeout_add (500, start_cb, &bench);
  g_main_loop_run (loop);

  gtk_window_destroy (GTK_WINDOW (window));
  if (bare_label == NULL)
    {
      report_slowest (&bench);
      if (g_getenv ("PYPREP_BENCH_CSV") != NULL)
        write_csv (&bench, g_getenv ("PYPREP_BENCH_CSV"));
    }
  g_ptr_array_unref (bench.shown_questions);
  *phases = bench.phases;
  *cpu = bench.cpu;
  *settled = bench.settled;
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
  g_autoptr(GArray) bare_phases = NULL;
  g_autoptr(GArray) phases = NULL;
  g_autoptr(GArray) bare_cpu = NULL;
  g_autoptr(GArray) cpu = NULL;
  g_autoptr(GArray) bare_settled = NULL;
  g_autoptr(GArray) settled = NULL;
  g_autoptr(GArray) same = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (double));
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
  if (g_getenv ("PYPREP_BENCH_TOPICS") != NULL)
    {
      /* Only the first question of each topic: every switch also
       * refills the sidebar's question list. */
      GPtrArray *firsts = g_ptr_array_new_with_free_func (g_object_unref);
      PyprepTopic *last = NULL;
      for (guint i = 0; i < questions->len; i++)
        {
          PyprepQuestion *q = g_ptr_array_index (questions, i);
          if (pyprep_question_get_topic (q) != last)
            g_ptr_array_add (firsts, g_object_ref (q));
          last = pyprep_question_get_topic (q);
        }
      g_ptr_array_unref (questions);
      questions = firsts;
    }

  /* The baseline: a bare libadwaita window whose one label changes. */
  bare_window = adw_application_window_new (NULL);
  label = gtk_label_new ("");
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (bare_window), label);
  bare = run (bare_window, GTK_LABEL (label), questions, rounds, &bare_phases, &bare_cpu, &bare_settled);

  study = pyprep_study_new (NULL);
  pyprep = run (GTK_WIDGET (pyprep_window_new_for_library (NULL, library, study, test_settings ())), NULL, questions, rounds, &phases, &cpu, &settled);
  split_by_topic_change (pyprep, questions, same, changed);

  printf ("question switching, select to painted frame, %u switches over %u questions:\n",
          pyprep->len, questions->len);
  report ("bare AdwApplicationWindow", bare);
  report ("PyPrep", pyprep);
  report ("bare, main-thread CPU", bare_cpu);
  report ("PyPrep, main-thread CPU", cpu);
  report ("PyPrep, whole answer built", settled);
  report_phases (phases);
  if (same->len > 0)
    report ("  within a topic", same);
  if (changed->len > 0)
    report ("  changing topic", changed);
  p95 = bench_percentile (pyprep, 0.95);
  printf ("  PyPrep p95 %.2f ms: %s (budget %.0f ms)\n", p95,
          p95 <= BUDGET_MS ? "within budget" : "OVER BUDGET", BUDGET_MS);

  return 0;
}
