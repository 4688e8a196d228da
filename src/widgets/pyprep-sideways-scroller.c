/* pyprep-sideways-scroller.c: a scroller that only scrolls sideways, inside
 * a page that scrolls up and down: a code block's long lines, a table
 * wider than a phone.
 *
 * Works around GTK's scrolled windows taking every scroll event, also
 * along an axis they cannot scroll: the wheel over such a scroller would
 * not move the page. Vertical scrolling is passed on to the page's
 * scroller, by the steps GTK itself uses; Shift+wheel still scrolls
 * sideways. Written for GTK 4.8, still needed on GTK 4.18: there too,
 * three wheel steps over a sideways-only scroller left the page where it
 * was, and moved it 134 pixels over a plain label (measured on Debian 12
 * and 13 with xdotool).
 *
 * Unnecessary from: not known yet; GTK 4.18 is the newest measured.
 *
 * A table's scroller is a PyprepSidewaysScroller: a GtkScrolledWindow
 * that may scroll sideways measures its child's height for the child's
 * narrowest width, where its cells wrap most, and a table in a wider
 * column then stood over an empty band as tall as a few rows (GTK 4.8
 * and 4.18). Its height here is the child's for the width the child will
 * have: the column's, or its own narrowest where it scrolls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-sideways-scroller"

#include "config.h"

#include <math.h>

#include "pyprep-sideways-scroller.h"

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           gpointer                  user_data)
{
  GtkWidget *scroller = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *page = gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  double step;

  if (page == NULL || dy == 0.0 || (state & GDK_SHIFT_MASK) != 0)
    return GDK_EVENT_PROPAGATE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page));
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    step = pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
  else
    step = 2.5;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);

  return GDK_EVENT_STOP;
}

/**
 * pyprep_sideways_scroller_pass_wheel:
 * @scroller: a scroller that scrolls sideways only
 *
 * Passes vertical scrolling over @scroller on to the page around it.
 */
void
pyprep_sideways_scroller_pass_wheel (GtkScrolledWindow *scroller)
{
  GtkEventController *scroll;

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scroller));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (scroller), scroll);
}

struct _PyprepSidewaysScroller
{
  GtkWidget  parent_instance;

  GtkWidget *scroller;  /* the GtkScrolledWindow */
};

G_DEFINE_FINAL_TYPE (PyprepSidewaysScroller, pyprep_sideways_scroller, GTK_TYPE_WIDGET)

/* What the scrolled window shows: @child, or the viewport around it. */
static GtkWidget *
content_of (PyprepSidewaysScroller *self)
{
  return gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller));
}

/* Its height follows its width. */
static GtkSizeRequestMode
pyprep_sideways_scroller_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
pyprep_sideways_scroller_measure (GtkWidget      *widget,
                                  GtkOrientation  orientation,
                                  int             for_size,
                                  int            *minimum,
                                  int            *natural,
                                  int            *minimum_baseline,
                                  int            *natural_baseline)
{
  PyprepSidewaysScroller *self = PYPREP_SIDEWAYS_SCROLLER (widget);
  GtkWidget *content = content_of (self);
  int narrowest;

  if (orientation == GTK_ORIENTATION_HORIZONTAL || content == NULL)
    {
      gtk_widget_measure (self->scroller, orientation, for_size, minimum, natural, NULL, NULL);
      return;
    }

  /* As tall as the content at the width it will have. */
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &narrowest, NULL, NULL, NULL);
  gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, for_size < 0 ? -1 : MAX (for_size, narrowest),
                      minimum, natural, NULL, NULL);
}

static void
pyprep_sideways_scroller_size_allocate (GtkWidget *widget,
                                        int        width,
                                        int        height,
                                        int        baseline)
{
  PyprepSidewaysScroller *self = PYPREP_SIDEWAYS_SCROLLER (widget);

  gtk_widget_allocate (self->scroller, width, height, baseline, NULL);
}

static void
pyprep_sideways_scroller_dispose (GObject *object)
{
  PyprepSidewaysScroller *self = PYPREP_SIDEWAYS_SCROLLER (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);

  G_OBJECT_CLASS (pyprep_sideways_scroller_parent_class)->dispose (object);
}

static void
pyprep_sideways_scroller_class_init (PyprepSidewaysScrollerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_sideways_scroller_dispose;
  widget_class->get_request_mode = pyprep_sideways_scroller_get_request_mode;
  widget_class->measure = pyprep_sideways_scroller_measure;
  widget_class->size_allocate = pyprep_sideways_scroller_size_allocate;
}

static void
pyprep_sideways_scroller_init (PyprepSidewaysScroller *self)
{
  self->scroller = gtk_scrolled_window_new ();
  /* Up and down it never scrolls: it is given the content's height.
   * External, so that its own height request does not come first. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_EXTERNAL);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  pyprep_sideways_scroller_pass_wheel (GTK_SCROLLED_WINDOW (self->scroller));
}

/**
 * pyprep_sideways_scroller_new:
 * @child: what may be wider than the column
 *
 * Returns: (transfer floating): a scroller as wide as the column that
 *   shows @child whole when it fits, and scrolls it sideways when not;
 *   as tall as @child at that width
 */
GtkWidget *
pyprep_sideways_scroller_new (GtkWidget *child)
{
  PyprepSidewaysScroller *self = g_object_new (PYPREP_TYPE_SIDEWAYS_SCROLLER, NULL);

  g_return_val_if_fail (GTK_IS_WIDGET (child), NULL);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), child);
  return GTK_WIDGET (self);
}

/* Returns: (transfer none): the GtkScrolledWindow inside */
GtkScrolledWindow *
pyprep_sideways_scroller_get_scroller (PyprepSidewaysScroller *self)
{
  g_return_val_if_fail (PYPREP_IS_SIDEWAYS_SCROLLER (self), NULL);

  return GTK_SCROLLED_WINDOW (self->scroller);
}
