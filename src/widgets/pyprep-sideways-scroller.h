/* pyprep-sideways-scroller.h: a scroller that only scrolls sideways, inside
 * a page that scrolls up and down (code blocks, wide tables).
 *
 * A workaround for GTK 4.8 and 4.18; see pyprep-sideways-scroller.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PYPREP_TYPE_SIDEWAYS_SCROLLER (pyprep_sideways_scroller_get_type ())

G_DECLARE_FINAL_TYPE (PyprepSidewaysScroller, pyprep_sideways_scroller, PYPREP, SIDEWAYS_SCROLLER, GtkWidget)

GtkWidget         *pyprep_sideways_scroller_new          (GtkWidget              *child);
GtkScrolledWindow *pyprep_sideways_scroller_get_scroller (PyprepSidewaysScroller *self);
void               pyprep_sideways_scroller_pass_wheel   (GtkScrolledWindow      *scroller);

G_END_DECLS
