/* pyprep-first-rows.h: a list that starts with the rows that fit; see
 * pyprep-first-rows.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The shape of a list and what is above it, in text lines (tenths) and
 * pixels: what a row takes, and what comes above the first row. */
typedef struct
{
  guint row_tenths;
  guint row_pixels;
  guint above_tenths;
  guint above_pixels;
} PyprepRowShape;

guint pyprep_first_rows_that_fit (GtkWidget            *widget,
                                  const PyprepRowShape *shape);
void  pyprep_first_rows_then_all (GtkWidget            *widget,
                                  GtkSliceListModel    *slice);

G_END_DECLS
