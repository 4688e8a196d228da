/* pyprep-scroll-bin.c: the one child of a vertical scroller, measured only
 * at the widths it is given.
 *
 * Works around GTK 4.8's GtkScrolledWindow, which asks its content for
 * its height with no width given, every time the content changes, and
 * then does not use the answer: the scroller's height comes from the
 * window. Under an AdwClamp that question becomes "how tall at the
 * clamp's widest?", so every label of a new answer was laid out once at
 * that width and again at the width it is shown at. This bin stands
 * between the scroller and its content and answers the question without
 * asking its child. Every other measurement, and the allocation, pass
 * straight through. It took a run of bench-switch from 17.03 G to
 * 15.65 G instructions, and the switch median from 18.4 to 16.5 ms
 * (GTK 4.8, alternating runs).
 *
 * Unnecessary from GTK 4.18: after a change of content its scroller asks
 * for the height once, at a width, where GTK 4.8 asked twice, once with
 * no width (measured on Debian 12 and 13). From GTK 4.18 the bin passes
 * that question through too, as the stock scroller's child would answer
 * it, and is then no more than a plain bin.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-scroll-bin"

#include "config.h"

#include "pyprep-scroll-bin.h"

struct _PyprepScrollBin
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (PyprepScrollBin, pyprep_scroll_bin, GTK_TYPE_WIDGET)

static void
pyprep_scroll_bin_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  *minimum = 0;
  *natural = 0;

  if (child == NULL || !gtk_widget_should_layout (child))
    return;

  /* A height with no width given only ever comes from the scroller,
   * which takes its own height from the window. */
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size < 0
      && gtk_check_version (4, 18, 0) != NULL)
    return;

  gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
}

static void
pyprep_scroll_bin_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, -1, NULL);
}

static GtkSizeRequestMode
pyprep_scroll_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
pyprep_scroll_bin_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pyprep_scroll_bin_parent_class)->dispose (object);
}

static void
pyprep_scroll_bin_class_init (PyprepScrollBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_scroll_bin_dispose;
  widget_class->measure = pyprep_scroll_bin_measure;
  widget_class->size_allocate = pyprep_scroll_bin_size_allocate;
  widget_class->get_request_mode = pyprep_scroll_bin_get_request_mode;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
pyprep_scroll_bin_init (PyprepScrollBin *self)
{
}
