/* pyprep-chart.h: what the statistics drawings share: colours taken from
 * the theme, and whether to draw for high contrast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     pyprep_chart_lookup_color    (GtkWidget  *widget,
                                       const char *name,
                                       const char *fallback,
                                       GdkRGBA    *color);
void     pyprep_chart_get_foreground  (GtkWidget  *widget,
                                       double      alpha,
                                       GdkRGBA    *color);
gboolean pyprep_chart_high_contrast   (void);
void     pyprep_chart_fill            (GtkSnapshot           *snapshot,
                                       const graphene_rect_t *rect,
                                       float                  radius,
                                       const GdkRGBA         *fill,
                                       const GdkRGBA         *outline);
void     pyprep_chart_draw_text       (GtkWidget             *widget,
                                       GtkSnapshot           *snapshot,
                                       const char            *text,
                                       float                  x,
                                       float                  y,
                                       float                  xalign,
                                       const GdkRGBA         *color);
int      pyprep_chart_text_width      (GtkWidget             *widget,
                                       const char            *text);
int      pyprep_chart_line_height     (GtkWidget             *widget);
void     pyprep_chart_follow_style    (GtkWidget             *widget);
char    *pyprep_chart_format_percent  (double                 share);
char    *pyprep_chart_format_day      (GDateTime             *day);

G_END_DECLS
