/* pyprep-fixed-width-layout.c: lays a widget's children out as another
 * layout manager does, but gives the widget a natural width of its own.
 *
 * Works around AdwLeaflet in libadwaita 1.2, which gives a sidebar that
 * does not expand its natural width. A sidebar's natural width comes
 * from its widest content, here the topic's title in its header, so the
 * sidebar grew and shrank from one topic to the next (394 to 464 px at
 * the default window size). With this layout it keeps one width, and a
 * long title is ellipsized, as it would be in a narrower window.
 *
 * Unnecessary from libadwaita 1.4, whose AdwNavigationSplitView sizes
 * its sidebar from the window's width and a fraction instead; PyPrep
 * still builds on libadwaita 1.2, which has only AdwLeaflet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-fixed-width-layout"

#include "config.h"

#include "pyprep-fixed-width-layout.h"

struct _PyprepFixedWidthLayout
{
  GtkLayoutManager  parent_instance;

  GtkLayoutManager *inner;
  int               natural_width;
};

G_DEFINE_FINAL_TYPE (PyprepFixedWidthLayout, pyprep_fixed_width_layout, GTK_TYPE_LAYOUT_MANAGER)

static GtkSizeRequestMode
pyprep_fixed_width_layout_get_request_mode (GtkLayoutManager *manager,
                                            GtkWidget        *widget)
{
  PyprepFixedWidthLayout *self = PYPREP_FIXED_WIDTH_LAYOUT (manager);

  return GTK_LAYOUT_MANAGER_GET_CLASS (self->inner)->get_request_mode (self->inner, widget);
}

static void
pyprep_fixed_width_layout_measure (GtkLayoutManager *manager,
                                   GtkWidget        *widget,
                                   GtkOrientation    orientation,
                                   int               for_size,
                                   int              *minimum,
                                   int              *natural,
                                   int              *minimum_baseline,
                                   int              *natural_baseline)
{
  PyprepFixedWidthLayout *self = PYPREP_FIXED_WIDTH_LAYOUT (manager);

  gtk_layout_manager_measure (self->inner, widget, orientation, for_size,
                              minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, self->natural_width);
}

static void
pyprep_fixed_width_layout_allocate (GtkLayoutManager *manager,
                                    GtkWidget        *widget,
                                    int               width,
                                    int               height,
                                    int               baseline)
{
  PyprepFixedWidthLayout *self = PYPREP_FIXED_WIDTH_LAYOUT (manager);

  gtk_layout_manager_allocate (self->inner, widget, width, height, baseline);
}

static void
pyprep_fixed_width_layout_dispose (GObject *object)
{
  PyprepFixedWidthLayout *self = PYPREP_FIXED_WIDTH_LAYOUT (object);

  g_clear_object (&self->inner);

  G_OBJECT_CLASS (pyprep_fixed_width_layout_parent_class)->dispose (object);
}

static void
pyprep_fixed_width_layout_class_init (PyprepFixedWidthLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pyprep_fixed_width_layout_dispose;
  manager_class->get_request_mode = pyprep_fixed_width_layout_get_request_mode;
  manager_class->measure = pyprep_fixed_width_layout_measure;
  manager_class->allocate = pyprep_fixed_width_layout_allocate;
}

static void
pyprep_fixed_width_layout_init (PyprepFixedWidthLayout *self)
{
}

/**
 * pyprep_fixed_width_layout_new:
 * @inner: (transfer full): the layout manager that places the children;
 *   not set on any widget
 * @natural_width: the widget's natural width, in pixels; its minimum
 *   width, if larger, wins
 *
 * Returns: (transfer full): a layout manager for one widget
 */
GtkLayoutManager *
pyprep_fixed_width_layout_new (GtkLayoutManager *inner,
                               int               natural_width)
{
  PyprepFixedWidthLayout *self;

  g_return_val_if_fail (GTK_IS_LAYOUT_MANAGER (inner), NULL);
  g_return_val_if_fail (gtk_layout_manager_get_widget (inner) == NULL, NULL);

  self = g_object_new (PYPREP_TYPE_FIXED_WIDTH_LAYOUT, NULL);
  self->inner = inner;
  self->natural_width = natural_width;
  return GTK_LAYOUT_MANAGER (self);
}
