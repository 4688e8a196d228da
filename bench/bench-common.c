/* bench-common.c: waits for a window's first painted frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "bench-common.h"

typedef struct
{
  GtkWidget      *window;
  BenchFrameFunc  func;
  gpointer        user_data;
  gulong          handler;
} FrameWait;

static void
after_paint_cb (GdkFrameClock *clock,
                FrameWait     *wait)
{
  g_signal_handler_disconnect (clock, wait->handler);
  wait->func (wait->window, wait->user_data);
  g_free (wait);
}

static void
realize_cb (GtkWidget *window,
            FrameWait *wait)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  wait->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), wait);
}

void
bench_after_first_frame (GtkWidget      *window,
                         BenchFrameFunc  func,
                         gpointer        user_data)
{
  FrameWait *wait = g_new0 (FrameWait, 1);

  wait->window = window;
  wait->func = func;
  wait->user_data = user_data;

  if (gtk_widget_get_realized (window))
    realize_cb (window, wait);
  else
    g_signal_connect (window, "realize", G_CALLBACK (realize_cb), wait);
}

void
bench_print_frame_and_quit (GtkWidget *window,
                            gpointer   user_data)
{
  printf ("frame\n");
  fflush (stdout);
  g_application_quit (G_APPLICATION (user_data));
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

double
bench_percentile (GArray *samples,
                  double  p)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, (guint)(p * (samples->len - 1) + 0.5));
}
