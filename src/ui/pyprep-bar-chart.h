/* pyprep-bar-chart.h: a small column chart with a label under each
 * column and its value above it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PYPREP_TYPE_BAR_CHART (pyprep_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (PyprepBarChart, pyprep_bar_chart, PYPREP, BAR_CHART, GtkWidget)

GtkWidget *pyprep_bar_chart_new        (void);
void       pyprep_bar_chart_set_values (PyprepBarChart     *self,
                                        guint               n_values,
                                        const guint        *values,
                                        const char * const *labels,
                                        const char * const *details);
guint      pyprep_bar_chart_get_value  (PyprepBarChart     *self,
                                        guint               index);

G_END_DECLS
