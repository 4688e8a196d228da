/* pyprep-first-rows.c: a list view that starts with the rows that fit in
 * the window and gets the others once the first frame is painted.
 *
 * Works around: GTK 4.8's list view makes a row for every item, shown or
 * not, and a long list's rows are most of what a window's first frame
 * builds. The list's model is a GtkSliceListModel: it starts with the
 * rows that can fit (the count errs high), and is opened to every item
 * from an idle after the first frame.
 *
 * Measured: GTK 4.8 and GTK 4.18 both make 100 rows for 100 items in a
 * list view 200 pixels high (Debian 12 and 13). Needed on GTK 4.18, the
 * newest measured; with a GTK whose list view makes only the rows in
 * sight, the slice can start whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-first-rows"

#include "config.h"

#include "pyprep-first-rows.h"
#include "pyprep-font-metrics.h"

/**
 * pyprep_first_rows_that_fit:
 * @widget: a widget in the window the list is in
 * @shape: the rows' height and what is above them
 *
 * Returns: how many rows fit in the window's height, one cut off at the
 *   bottom and one to spare; %G_MAXUINT when the window is maximized or
 *   has no size yet, which is no guess
 */
guint
pyprep_first_rows_that_fit (GtkWidget            *widget,
                            const PyprepRowShape *shape)
{
  PyprepFontMetrics metrics = pyprep_font_metrics_get (widget);
  int line = MAX (1, PANGO_PIXELS (metrics.ascent + metrics.descent));
  GtkRoot *root = gtk_widget_get_root (widget);
  int width, height = -1;
  int above;

  if (GTK_IS_WINDOW (root) && !gtk_window_is_maximized (GTK_WINDOW (root)))
    gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
  if (height <= 0)
    return G_MAXUINT;

  above = (int)(shape->above_tenths * line / 10 + shape->above_pixels);
  return (guint)MAX (0, height - above) * 10 / (shape->row_tenths * line + shape->row_pixels * 10) + 2;
}

static gboolean
show_all_cb (gpointer user_data)
{
  gtk_slice_list_model_set_size (user_data, G_MAXUINT);
  return G_SOURCE_REMOVE;
}

/* Once the first frame is painted, the main loop finishes showing it,
 * then the list gets its other rows. */
static void
first_frame_cb (GdkFrameClock     *clock,
                GtkSliceListModel *slice)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, slice);
  if (gtk_slice_list_model_get_size (slice) != G_MAXUINT)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, show_all_cb, g_object_ref (slice), g_object_unref);
}

static void
realized_cb (GtkWidget         *widget,
             GtkSliceListModel *slice)
{
  g_signal_handlers_disconnect_by_func (widget, realized_cb, slice);
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (first_frame_cb), slice, 0);
}

/**
 * pyprep_first_rows_then_all:
 * @widget: the list view, not yet realized
 * @slice: its model's slice
 *
 * Opens @slice to every item after @widget's first frame.
 */
void
pyprep_first_rows_then_all (GtkWidget         *widget,
                            GtkSliceListModel *slice)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (GTK_IS_SLICE_LIST_MODEL (slice));

  if (gtk_widget_get_realized (widget))
    realized_cb (widget, slice);
  else
    g_signal_connect_object (widget, "realize", G_CALLBACK (realized_cb), slice, 0);
}
