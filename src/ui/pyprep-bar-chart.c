/* pyprep-bar-chart.c: the review forecast of the Statistics view, drawn
 * natively. Columns are scaled to the largest value; a column of zero is
 * a thin line on the baseline so that "none" still reads as a day. The
 * caller sets the accessible description (the values as text); each
 * column has a tooltip with its details.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-bar-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-bar-chart.h"
#include "pyprep-chart.h"

#define BAR_AREA_HEIGHT 90
#define MIN_COLUMN 28
#define NAT_COLUMN 56

struct _PyprepBarChart
{
  GtkWidget  parent_instance;

  GArray    *values;   /* guint */
  GStrv      labels;
  GStrv      details;
};

G_DEFINE_FINAL_TYPE (PyprepBarChart, pyprep_bar_chart, GTK_TYPE_WIDGET)

static void
pyprep_bar_chart_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  PyprepBarChart *self = PYPREP_BAR_CHART (widget);
  int line = pyprep_chart_line_height (widget);
  guint n = MAX (self->values->len, 1);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int widest = 0;

      for (guint i = 0; self->labels != NULL && self->labels[i] != NULL; i++)
        widest = MAX (widest, pyprep_chart_text_width (widget, self->labels[i]));

      /* At its narrowest (a phone), labels may touch. */
      *minimum = n * MAX (MIN_COLUMN, widest);
      *natural = n * MAX (NAT_COLUMN, widest + 12);
    }
  else
    {
      /* The value, the column, the label. */
      *minimum = *natural = line + 4 + BAR_AREA_HEIGHT + 6 + line;
    }
}

static float
column_width (PyprepBarChart *self)
{
  return (float)gtk_widget_get_width (GTK_WIDGET (self)) / MAX (self->values->len, 1);
}

/* The slot of column @index: the first column is on the right in
 * right-to-left text. Its own inverse. */
static guint
slot (PyprepBarChart *self,
      guint           index)
{
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL && index < self->values->len)
    return self->values->len - 1 - index;
  return index;
}

static void
pyprep_bar_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  PyprepBarChart *self = PYPREP_BAR_CHART (widget);
  gboolean high_contrast = pyprep_chart_high_contrast ();
  int line = pyprep_chart_line_height (widget);
  float column = column_width (self);
  float bar_width = MIN (column * 0.6f, 40.0f);
  float baseline = line + 4 + BAR_AREA_HEIGHT;
  GdkRGBA text_color, dim_color, bar_color, empty_color, outline;
  guint max = 1;

  pyprep_chart_get_foreground (widget, 1.0, &text_color);
  pyprep_chart_get_foreground (widget, high_contrast ? 1.0 : 0.7, &dim_color);
  pyprep_chart_get_foreground (widget, high_contrast ? 0.5 : 0.2, &empty_color);
  pyprep_chart_get_foreground (widget, 0.6, &outline);
  pyprep_chart_lookup_color (widget, "pyprep_forecast_color", "#3584e4", &bar_color);

  for (guint i = 0; i < self->values->len; i++)
    max = MAX (max, g_array_index (self->values, guint, i));

  for (guint i = 0; i < self->values->len; i++)
    {
      guint value = g_array_index (self->values, guint, i);
      float center = column * slot (self, i) + column / 2;
      float height = value == 0 ? 2.0f : MAX (4.0f, BAR_AREA_HEIGHT * (float)value / max);
      g_autofree char *number = g_strdup_printf ("%u", value);

      pyprep_chart_fill (snapshot,
                         &GRAPHENE_RECT_INIT (center - bar_width / 2, baseline - height, bar_width, height),
                         value == 0 ? 1 : 4,
                         value == 0 ? &empty_color : &bar_color,
                         high_contrast && value > 0 ? &outline : NULL);
      pyprep_chart_draw_text (widget, snapshot, number, center, baseline - height - line - 2, 0.5f,
                              value == 0 ? &dim_color : &text_color);
      if (self->labels != NULL && i < g_strv_length (self->labels))
        pyprep_chart_draw_text (widget, snapshot, self->labels[i], center, baseline + 6, 0.5f,
                                &dim_color);
    }
}

static gboolean
query_tooltip_cb (PyprepBarChart *self,
                  int             x,
                  int             y,
                  gboolean        keyboard_mode,
                  GtkTooltip     *tooltip)
{
  guint index;

  if (keyboard_mode || self->details == NULL || self->values->len == 0)
    return FALSE;

  index = (guint)(x / column_width (self));
  if (index >= self->values->len)
    return FALSE;

  /* index is the slot under the pointer; the column in it is: */
  if (slot (self, index) >= g_strv_length (self->details))
    return FALSE;

  gtk_tooltip_set_text (tooltip, self->details[slot (self, index)]);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int)(index * column_width (self)), 0,
                                                       (int)column_width (self),
                                                       gtk_widget_get_height (GTK_WIDGET (self)) });
  return TRUE;
}

static void
pyprep_bar_chart_finalize (GObject *object)
{
  PyprepBarChart *self = (PyprepBarChart *)object;

  g_clear_pointer (&self->values, g_array_unref);
  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_pointer (&self->details, g_strfreev);

  G_OBJECT_CLASS (pyprep_bar_chart_parent_class)->finalize (object);
}

static void
pyprep_bar_chart_class_init (PyprepBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pyprep_bar_chart_finalize;
  widget_class->measure = pyprep_bar_chart_measure;
  widget_class->snapshot = pyprep_bar_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pyprep_bar_chart_init (PyprepBarChart *self)
{
  self->values = g_array_new (FALSE, TRUE, sizeof (guint));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  pyprep_chart_follow_style (GTK_WIDGET (self));
}

GtkWidget *
pyprep_bar_chart_new (void)
{
  return g_object_new (PYPREP_TYPE_BAR_CHART, NULL);
}

/**
 * pyprep_bar_chart_set_values:
 * @values: (array length=n_values): the height of each column
 * @labels: (array zero-terminated=1): the text under each column
 * @details: (nullable) (array zero-terminated=1): the tooltip of each
 *   column
 */
void
pyprep_bar_chart_set_values (PyprepBarChart     *self,
                             guint               n_values,
                             const guint        *values,
                             const char * const *labels,
                             const char * const *details)
{
  g_return_if_fail (PYPREP_IS_BAR_CHART (self));
  g_return_if_fail (n_values == 0 || values != NULL);

  g_array_set_size (self->values, 0);
  g_array_append_vals (self->values, values, n_values);
  g_strfreev (self->labels);
  self->labels = g_strdupv ((char **)labels);
  g_strfreev (self->details);
  self->details = g_strdupv ((char **)details);

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
pyprep_bar_chart_get_value (PyprepBarChart *self,
                            guint           index)
{
  g_return_val_if_fail (PYPREP_IS_BAR_CHART (self), 0);
  g_return_val_if_fail (index < self->values->len, 0);

  return g_array_index (self->values, guint, index);
}
