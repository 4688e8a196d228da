/* pyprep-font-metrics.h: a widget's font metrics, kept per font.
 *
 * A workaround for Pango 1.50, still needed on Pango 1.56; see
 * pyprep-font-metrics.c for what it saves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct
{
  int char_width;  /* the wider of an average character and digit */
  int ascent;
  int descent;
} PyprepFontMetrics;

PyprepFontMetrics pyprep_font_metrics_get (GtkWidget *widget);

G_END_DECLS
