/* pyprep-chart.c: helpers for the statistics drawings. Colours are the
 * theme's named colours (libadwaita's, or PyPrep's own from style.css),
 * so light, dark and high contrast follow the system; with high contrast
 * every mark gets an outline so that it does not rely on shade alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pyprep-chart.h"

/* @name is looked up in the widget's style (e.g. "accent_bg_color");
 * @fallback is used when the theme does not define it. */
void
pyprep_chart_lookup_color (GtkWidget  *widget,
                           const char *name,
                           const char *fallback,
                           GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, color))
    {
      if (!gdk_rgba_parse (color, fallback))
        *color = (GdkRGBA) { 0.5f, 0.5f, 0.5f, 1.0f };
    }
}

/* The widget's text colour with @alpha applied on top of its own. */
void
pyprep_chart_get_foreground (GtkWidget *widget,
                             double     alpha,
                             GdkRGBA   *color)
{
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
  color->alpha *= (float)alpha;
}

gboolean
pyprep_chart_high_contrast (void)
{
  return adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
}

/* A rounded box, with an outline when @outline is not %NULL. */
void
pyprep_chart_fill (GtkSnapshot           *snapshot,
                   const graphene_rect_t *rect,
                   float                  radius,
                   const GdkRGBA         *fill,
                   const GdkRGBA         *outline)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, rect, MIN (radius, MIN (rect->size.width, rect->size.height) / 2));
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, fill, rect);
  gtk_snapshot_pop (snapshot);

  if (outline != NULL)
    {
      const float widths[4] = { 1, 1, 1, 1 };
      const GdkRGBA colors[4] = { *outline, *outline, *outline, *outline };

      gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
    }
}

/* Draws @text with its top at @y; @xalign 0 puts its start at @x, 0.5
 * centres it on @x, 1 ends it at @x. */
void
pyprep_chart_draw_text (GtkWidget     *widget,
                        GtkSnapshot   *snapshot,
                        const char    *text,
                        float          x,
                        float          y,
                        float          xalign,
                        const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((int)(x - xalign * width), (int)y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

int
pyprep_chart_text_width (GtkWidget  *widget,
                         const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

int
pyprep_chart_line_height (GtkWidget *widget)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "Mg");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/* Redraws @widget when the system switches between light, dark and high
 * contrast, since its colours are read while drawing. */
void
pyprep_chart_follow_style (GtkWidget *widget)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (gtk_widget_queue_draw),
                           widget, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (gtk_widget_queue_draw),
                           widget, G_CONNECT_SWAPPED);
}

/* Returns: (transfer full): @share in percent, e.g. "88%" */
char *
pyprep_chart_format_percent (double share)
{
  /* TRANSLATORS: a share in percent, e.g. "88%" */
  return g_strdup_printf (_("%.0f%%"), share * 100);
}

/* Returns: (transfer full): @day as under a chart, e.g. "24 Aug" */
char *
pyprep_chart_format_day (GDateTime *day)
{
  /* TRANSLATORS: a day under a chart and in its description, see g_date_time_format() */
  return g_date_time_format (day, C_("chart day", "%-d %b"));
}
