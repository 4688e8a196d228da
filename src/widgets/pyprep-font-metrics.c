/* pyprep-font-metrics.c: a widget's font metrics, kept per font.
 *
 * Sizing text by its font, in average characters or in lines, needs the
 * font's metrics. Every paragraph of an answer and every row of the
 * sidebar shares a handful of fonts, so the metrics are kept here per
 * font and resolution, in Pango units.
 *
 * Works around Pango 1.50 (Debian 12, under GTK 4.8), which keeps no
 * metrics: every pango_context_get_metrics() shapes a sample sentence
 * again, about 20 microseconds a call after the first (measured), and
 * the sidebar asks for every row. Keying the cache by the font
 * description, not by a string built from it, saved another 2 % of a
 * question switch.
 *
 * Unnecessary from: not known yet; Pango 1.56 (Debian 13, under GTK
 * 4.18) still needs it, the newest measured. It still keeps no metrics,
 * at about 16 microseconds a call (measured), so the cache is used on
 * every version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-font-metrics"

#include "config.h"

#include "pyprep-font-metrics.h"

typedef struct
{
  double            resolution;
  PyprepFontMetrics metrics;
} CachedMetrics;

/* The metrics of @widget's font: the font its CSS gives it, at the
 * resolution of its display. The lookup hashes the font description
 * itself; a string key would be built again for every paragraph. */
PyprepFontMetrics
pyprep_font_metrics_get (GtkWidget *widget)
{
  static GHashTable *cache;  /* PangoFontDescription → CachedMetrics */
  PangoContext *context = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double resolution = pango_cairo_context_get_resolution (context);
  CachedMetrics *cached;

  if (cache == NULL)
    cache = g_hash_table_new_full ((GHashFunc) pango_font_description_hash,
                                   (GEqualFunc) pango_font_description_equal,
                                   (GDestroyNotify) pango_font_description_free,
                                   g_free);

  cached = g_hash_table_lookup (cache, font);
  if (cached == NULL)
    {
      cached = g_new0 (CachedMetrics, 1);
      g_hash_table_insert (cache, pango_font_description_copy (font), cached);
    }

  if (cached->metrics.char_width == 0 || cached->resolution != resolution)
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

      cached->resolution = resolution;
      cached->metrics.char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                                        pango_font_metrics_get_approximate_digit_width (metrics));
      cached->metrics.ascent = pango_font_metrics_get_ascent (metrics);
      cached->metrics.descent = pango_font_metrics_get_descent (metrics);
      pango_font_metrics_unref (metrics);
    }

  return cached->metrics;
}
