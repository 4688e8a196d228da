/* pyprep-line-chart.h: a small line chart of one to three series over
 * the same points, with an optional target line across it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PYPREP_TYPE_LINE_CHART (pyprep_line_chart_get_type ())

G_DECLARE_FINAL_TYPE (PyprepLineChart, pyprep_line_chart, PYPREP, LINE_CHART, GtkWidget)

#define PYPREP_LINE_CHART_MAX_SERIES 3

GtkWidget *pyprep_line_chart_new          (void);
void       pyprep_line_chart_set_points   (PyprepLineChart    *self,
                                           guint               n_points,
                                           const char * const *labels);
void       pyprep_line_chart_set_y_range  (PyprepLineChart    *self,
                                           double              minimum,
                                           double              maximum,
                                           gboolean            percent);
void       pyprep_line_chart_clear_series (PyprepLineChart    *self);
void       pyprep_line_chart_add_series   (PyprepLineChart    *self,
                                           const char         *name,
                                           const double       *values);
void       pyprep_line_chart_set_target   (PyprepLineChart    *self,
                                           double              value,
                                           const char         *label);
guint      pyprep_line_chart_get_n_series (PyprepLineChart    *self);

G_END_DECLS
