/* pyprep-figure-row.h: a row of the Statistics page: a title, a figure
 * in words, and the figure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pyprep-study.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_FIGURE_ROW (pyprep_figure_row_get_type ())

G_DECLARE_FINAL_TYPE (PyprepFigureRow, pyprep_figure_row, PYPREP, FIGURE_ROW, GtkListBoxRow)

GtkWidget  *pyprep_figure_row_new          (void);
void        pyprep_figure_row_set_text     (PyprepFigureRow *self,
                                            const char      *title,
                                            const char      *subtitle,
                                            const char      *value);
void        pyprep_figure_row_set_counts   (PyprepFigureRow *self,
                                            const guint     *counts);
const char *pyprep_figure_row_get_title    (PyprepFigureRow *self);
const char *pyprep_figure_row_get_subtitle (PyprepFigureRow *self);
const char *pyprep_figure_row_get_value    (PyprepFigureRow *self);

G_END_DECLS
