/* pyprep-fixed-width-layout.h: another layout manager's layout, with a
 * natural width of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PYPREP_TYPE_FIXED_WIDTH_LAYOUT (pyprep_fixed_width_layout_get_type ())

G_DECLARE_FINAL_TYPE (PyprepFixedWidthLayout, pyprep_fixed_width_layout, PYPREP, FIXED_WIDTH_LAYOUT, GtkLayoutManager)

GtkLayoutManager *pyprep_fixed_width_layout_new (GtkLayoutManager *inner,
                                                 int               natural_width);

G_END_DECLS
