/* bench-common.h: helpers shared by the benchmark programs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*BenchFrameFunc) (GtkWidget *window,
                                gpointer   user_data);

/* Calls @func once, after the first frame of @window has been painted. */
void bench_after_first_frame (GtkWidget      *window,
                              BenchFrameFunc  func,
                              gpointer        user_data);

/* A BenchFrameFunc: prints "frame" and quits the GApplication @user_data. */
void bench_print_frame_and_quit (GtkWidget *window,
                                 gpointer   user_data);

/* Sorts @samples (doubles) and returns the value at fraction @p of them. */
double bench_percentile (GArray *samples,
                         double  p);

G_END_DECLS
