/* pyprep-heatmap.h: the calendar of daily activity, one square per day,
 * a column per week.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pyprep-stats.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_HEATMAP (pyprep_heatmap_get_type ())

G_DECLARE_FINAL_TYPE (PyprepHeatmap, pyprep_heatmap, PYPREP, HEATMAP, GtkWidget)

GtkWidget *pyprep_heatmap_new             (void);
void       pyprep_heatmap_set_stats       (PyprepHeatmap *self,
                                           PyprepStats   *stats);
char      *pyprep_heatmap_describe_day    (PyprepHeatmap *self,
                                           guint          index);
const char *pyprep_heatmap_get_summary    (PyprepHeatmap *self);
guint      pyprep_heatmap_get_cursor      (PyprepHeatmap *self);
void       pyprep_heatmap_set_cursor      (PyprepHeatmap *self,
                                           guint          cursor);
guint      pyprep_heatmap_get_level       (PyprepHeatmap *self,
                                           guint          index);

G_END_DECLS
