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

#include "pyprep-library.h"
#include "pyprep-question.h"
#include "pyprep-topic.h"
#include "pyprep-window.h"

#define BUDGET_MS 16.0

typedef struct
{
  PyprepWindow *window;
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
  pyprep_window_show_question (bench->window, question);
  gtk_widget_queue_draw (GTK_WIDGET (bench->window));
  return G_SOURCE_REMOVE;
}

static void
show_next (Bench *bench)
{
  g_idle_add (show_next_idle, bench);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint index = (guint)(p * (sorted->len - 1) + 0.5);

  return g_array_index (sorted, double, index);
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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PyprepLibrary) library = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  Bench bench = { 0 };
  GListModel *topics;

  gtk_init ();
  adw_init ();
  gtk_source_init ();

  library = pyprep_library_new ();
  pyprep_library_load_resources (library, RESOURCE_PREFIX "/content");

  bench.questions = g_ptr_array_new ();
  topics = pyprep_library_get_topics (library);
  for (guint t = 0; t < g_list_model_get_n_items (topics); t++)
    {
      g_autoptr(PyprepTopic) topic = g_list_model_get_item (topics, t);
      GListModel *questions = pyprep_topic_get_questions (topic);

      for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
        {
          g_autoptr(PyprepQuestion) question = g_list_model_get_item (questions, q);
          g_ptr_array_add (bench.questions, question);
        }
    }

  bench.rounds = argc > 1 ? atoi (argv[1]) : 2;
  bench.samples = g_array_new (FALSE, FALSE, sizeof (double));
  bench.loop = loop = g_main_loop_new (NULL, FALSE);
  bench.window = pyprep_window_new_for_library (NULL, library);
  gtk_window_set_default_size (GTK_WINDOW (bench.window), 1000, 700);
  gtk_window_present (GTK_WINDOW (bench.window));

  /* Let the first frame and the startup work settle. */
  g_timeout_add (500, start_cb, &bench);
  g_main_loop_run (loop);

  g_array_sort (bench.samples, compare_doubles);
  printf ("question switching: %u switches over %u questions\n",
          bench.samples->len, bench.questions->len);
  printf ("  median %.2f ms, p95 %.2f ms, max %.2f ms (budget p95 <= %.0f ms): %s\n",
          percentile (bench.samples, 0.5), percentile (bench.samples, 0.95),
          g_array_index (bench.samples, double, bench.samples->len - 1), BUDGET_MS,
          percentile (bench.samples, 0.95) <= BUDGET_MS ? "within budget" : "OVER BUDGET");

  gtk_window_destroy (GTK_WINDOW (bench.window));
  g_array_free (bench.samples, TRUE);
  g_ptr_array_free (bench.questions, TRUE);
  return 0;
}
