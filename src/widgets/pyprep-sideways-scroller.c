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

/**
 * pyprep_sideways_scroller_new:
 * @child: what may be wider than the column
 *
 * Returns: (transfer floating): a scroller as wide as the column that
 *   shows @child whole when it fits, and scrolls it sideways when not;
 *   as tall as @child
 */
GtkWidget *
pyprep_sideways_scroller_new (GtkWidget *child)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), child);
  pyprep_sideways_scroller_pass_wheel (GTK_SCROLLED_WINDOW (scroller));
  return scroller;
}
