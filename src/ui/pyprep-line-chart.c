/* pyprep-line-chart.c: the line charts of the Statistics view (weekly
 * true retention, the workload forecast), drawn natively with cairo,
 * which every supported GTK has. Series differ by colour and also by
 * dash (solid, dashed, dotted), so they read apart without colour; a
 * legend under the plot names them. A point without a value (NAN) breaks
 * its line. The caller sets the accessible description (the values as
 * text), as for the other drawings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-line-chart"

#include "config.h"

#include <math.h>

#include "pyprep-chart.h"
#include "pyprep-line-chart.h"

#define PLOT_HEIGHT 120
#define MIN_WIDTH 220
#define NAT_WIDTH 480
#define LEGEND_SAMPLE 22
#define LEGEND_GAP 16
#define Y_TICKS 4

typedef struct
{
  char   *name;
  GArray *values;  /* double */
} Series;

struct _PyprepLineChart
{
  GtkWidget  parent_instance;

  guint      n_points;
  GStrv      labels;
  GPtrArray *series;  /* Series */
  double     minimum;
  double     maximum;
  gboolean   percent;
  double     target;  /* NAN: none */
  char      *target_label;
};

G_DEFINE_FINAL_TYPE (PyprepLineChart, pyprep_line_chart, GTK_TYPE_WIDGET)

static void
series_free (Series *series)
{
  g_free (series->name);
  g_array_unref (series->values);
  g_free (series);
}

static const char * const series_colors[][2] = {
  { "pyprep_series_1_color", "#1c71d8" },
  { "pyprep_series_2_color", "#c64600" },
  { "pyprep_series_3_color", "#26a269" },
};

static void
set_dash (cairo_t *cr,
          guint    index)
{
  static const double dashed[] = { 7, 4 };
  static const double dotted[] = { 1, 4 };

  cairo_set_line_cap (cr, index == 2 ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
  if (index == 1)
    cairo_set_dash (cr, dashed, G_N_ELEMENTS (dashed), 0);
  else if (index == 2)
    cairo_set_dash (cr, dotted, G_N_ELEMENTS (dotted), 0);
  else
    cairo_set_dash (cr, NULL, 0, 0);
}

static char *
format_value (PyprepLineChart *self,
              double           value)
{
  if (self->percent)
    return g_strdup_printf ("%.0f%%", value * 100);
  return g_strdup_printf ("%.0f", value);
}

static int
axis_width (PyprepLineChart *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int widest = 0;

  for (guint i = 0; i <= Y_TICKS; i++)
    {
      g_autofree char *text = format_value (self, self->minimum + (self->maximum - self->minimum) * i / Y_TICKS);

      widest = MAX (widest, pyprep_chart_text_width (widget, text));
    }
  return widest + 8;
}

/* The legend's rows at @width: how many entries fit on each. */
static guint
legend_rows (PyprepLineChart *self,
             int              width)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint rows = self->series->len > 0 ? 1 : 0;
  int x = 0;

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = self->series->pdata[i];
      int entry = LEGEND_SAMPLE + 6 + pyprep_chart_text_width (widget, series->name);

      if (x > 0 && width > 0 && x + entry > width)
        {
          rows++;
          x = 0;
        }
      x += entry + LEGEND_GAP;
    }
  return rows;
}

static GtkSizeRequestMode
pyprep_line_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
pyprep_line_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  PyprepLineChart *self = PYPREP_LINE_CHART (widget);
  int line = pyprep_chart_line_height (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NAT_WIDTH;
    }
  else
    {
      /* Half a line above for the top tick's label, the plot, the point
       * labels, the legend. */
      *minimum = *natural = line / 2 + PLOT_HEIGHT + 6 + line
                            + legend_rows (self, for_size) * (line + 6) + 6;
    }
}

static void
pyprep_line_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  PyprepLineChart *self = PYPREP_LINE_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int line = pyprep_chart_line_height (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  gboolean high_contrast = pyprep_chart_high_contrast ();
  int axis = axis_width (self);
  float top = line / 2.0f;
  float plot_left = rtl ? 4 : axis;
  float plot_right = rtl ? width - axis : width - 4;
  float plot_width = MAX (plot_right - plot_left, 1);
  float bottom = top + PLOT_HEIGHT;
  double span = self->maximum > self->minimum ? self->maximum - self->minimum : 1;
  GdkRGBA text_color, dim_color, grid_color, target_color;
  cairo_t *cr;
  float last_label_end = -G_MAXFLOAT;
  float x, y;

  pyprep_chart_get_foreground (widget, 1.0, &text_color);
  pyprep_chart_get_foreground (widget, high_contrast ? 1.0 : 0.7, &dim_color);
  pyprep_chart_get_foreground (widget, high_contrast ? 0.5 : 0.12, &grid_color);
  pyprep_chart_get_foreground (widget, high_contrast ? 1.0 : 0.75, &target_color);

#define X_OF(i) (self->n_points > 1 ? plot_left + plot_width * (rtl ? self->n_points - 1 - (i) : (i)) / (self->n_points - 1) \
                                    : plot_left + plot_width / 2)
#define Y_OF(v) (bottom - PLOT_HEIGHT * (float)((CLAMP ((v), self->minimum, self->maximum) - self->minimum) / span))

  /* The labels first, with the widget's Pango layouts. */
  for (guint i = 0; i <= Y_TICKS; i++)
    {
      double value = self->minimum + span * i / Y_TICKS;
      g_autofree char *text = format_value (self, value);

      y = Y_OF (value);
      pyprep_chart_draw_text (widget, snapshot, text, rtl ? width - axis + 8 : axis - 8, y - line / 2.0f,
                              rtl ? 0.0f : 1.0f, &dim_color);
    }

  for (guint i = 0; self->labels != NULL && i < self->n_points && self->labels[i] != NULL; i++)
    {
      int text_width;
      float start;

      if (*self->labels[i] == '\0')
        continue;
      text_width = pyprep_chart_text_width (widget, self->labels[i]);
      x = X_OF (i);
      start = CLAMP (x - text_width / 2.0f, 0, width - text_width);
      /* Skipped where it would run into the previous one. */
      if ((!rtl && start < last_label_end + 8) || (rtl && start + text_width + 8 > last_label_end && last_label_end > -G_MAXFLOAT))
        continue;
      pyprep_chart_draw_text (widget, snapshot, self->labels[i], start, bottom + 6, 0.0f, &dim_color);
      last_label_end = rtl ? start : start + text_width;
    }

  {
    float lx = rtl ? width : 0, ly = bottom + 6 + line + 6;

    for (guint i = 0; i < self->series->len; i++)
      {
        Series *series = self->series->pdata[i];
        int entry = LEGEND_SAMPLE + 6 + pyprep_chart_text_width (widget, series->name);

        if ((!rtl && lx > 0 && lx + entry > width) || (rtl && lx < width && lx - entry < 0))
          {
            lx = rtl ? width : 0;
            ly += line + 6;
          }
        pyprep_chart_draw_text (widget, snapshot, series->name,
                                rtl ? lx - LEGEND_SAMPLE - 6 : lx + LEGEND_SAMPLE + 6, ly,
                                rtl ? 1.0f : 0.0f, &text_color);
        lx += rtl ? -(entry + LEGEND_GAP) : entry + LEGEND_GAP;
      }
  }

  if (self->target_label != NULL && !isnan (self->target))
    {
      y = Y_OF (self->target);
      pyprep_chart_draw_text (widget, snapshot, self->target_label, rtl ? plot_left + 2 : plot_right - 2,
                              y - line - 1, rtl ? 0.0f : 1.0f, &target_color);
    }

  /* Then the lines. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  cairo_set_line_width (cr, 1);
  gdk_cairo_set_source_rgba (cr, &grid_color);
  for (guint i = 0; i <= Y_TICKS; i++)
    {
      y = roundf (Y_OF (self->minimum + span * i / Y_TICKS)) + 0.5f;
      cairo_move_to (cr, plot_left, y);
      cairo_line_to (cr, plot_right, y);
    }
  cairo_stroke (cr);

  if (!isnan (self->target))
    {
      static const double dash[] = { 4, 4 };

      y = roundf (Y_OF (self->target)) + 0.5f;
      cairo_set_line_width (cr, high_contrast ? 2 : 1.5);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      gdk_cairo_set_source_rgba (cr, &target_color);
      cairo_move_to (cr, plot_left, y);
      cairo_line_to (cr, plot_right, y);
      cairo_stroke (cr);
    }

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = self->series->pdata[s];
      GdkRGBA color;
      gboolean drawing = FALSE;
      float lx;

      pyprep_chart_lookup_color (widget, series_colors[s][0], series_colors[s][1], &color);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_set_line_width (cr, s == 0 ? 2.5 : 2);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      set_dash (cr, s);

      for (guint i = 0; i < self->n_points && i < series->values->len; i++)
        {
          double value = g_array_index (series->values, double, i);

          if (isnan (value))
            {
              drawing = FALSE;
              continue;
            }
          if (drawing)
            cairo_line_to (cr, X_OF (i), Y_OF (value));
          else
            cairo_move_to (cr, X_OF (i), Y_OF (value));
          drawing = TRUE;
        }
      cairo_stroke (cr);

      /* Points, when they are few enough to be told apart; a point alone
       * between gaps is only seen this way. */
      cairo_set_dash (cr, NULL, 0, 0);
      for (guint i = 0; self->n_points <= 16 && i < self->n_points && i < series->values->len; i++)
        {
          double value = g_array_index (series->values, double, i);

          if (isnan (value))
            continue;
          cairo_new_sub_path (cr);
          cairo_arc (cr, X_OF (i), Y_OF (value), 3, 0, 2 * G_PI);
          cairo_fill (cr);
        }

      /* The legend's sample of this series, where its name was placed. */
      {
        float ly = bottom + 6 + line + 6;
        float ex = rtl ? width : 0;

        for (guint i = 0; i <= s; i++)
          {
            Series *other = self->series->pdata[i];
            int entry = LEGEND_SAMPLE + 6 + pyprep_chart_text_width (widget, other->name);

            if ((!rtl && ex > 0 && ex + entry > width) || (rtl && ex < width && ex - entry < 0))
              {
                ex = rtl ? width : 0;
                ly += line + 6;
              }
            lx = ex;
            ex += rtl ? -(entry + LEGEND_GAP) : entry + LEGEND_GAP;
          }
        set_dash (cr, s);
        cairo_move_to (cr, rtl ? lx - LEGEND_SAMPLE : lx, ly + line / 2.0f);
        cairo_line_to (cr, rtl ? lx : lx + LEGEND_SAMPLE, ly + line / 2.0f);
        cairo_stroke (cr);
      }
    }

  cairo_destroy (cr);

#undef X_OF
#undef Y_OF
}

static void
pyprep_line_chart_finalize (GObject *object)
{
  PyprepLineChart *self = (PyprepLineChart *)object;

  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->target_label, g_free);

  G_OBJECT_CLASS (pyprep_line_chart_parent_class)->finalize (object);
}

static void
pyprep_line_chart_class_init (PyprepLineChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pyprep_line_chart_finalize;
  widget_class->get_request_mode = pyprep_line_chart_get_request_mode;
  widget_class->measure = pyprep_line_chart_measure;
  widget_class->snapshot = pyprep_line_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "linechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pyprep_line_chart_init (PyprepLineChart *self)
{
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify)series_free);
  self->maximum = 1;
  self->target = NAN;
  pyprep_chart_follow_style (GTK_WIDGET (self));
}

GtkWidget *
pyprep_line_chart_new (void)
{
  return g_object_new (PYPREP_TYPE_LINE_CHART, NULL);
}

/**
 * pyprep_line_chart_set_points:
 * @labels: (nullable) (array zero-terminated=1): the text under each
 *   point; an empty one leaves its point unlabelled
 *
 * Sets how many points each series has, and removes the series.
 */
void
pyprep_line_chart_set_points (PyprepLineChart    *self,
                              guint               n_points,
                              const char * const *labels)
{
  g_return_if_fail (PYPREP_IS_LINE_CHART (self));

  self->n_points = n_points;
  g_strfreev (self->labels);
  self->labels = g_strdupv ((char **)labels);
  pyprep_line_chart_clear_series (self);
}

/* Values outside [@minimum, @maximum] are drawn at its edge. */
void
pyprep_line_chart_set_y_range (PyprepLineChart *self,
                               double           minimum,
                               double           maximum,
                               gboolean         percent)
{
  g_return_if_fail (PYPREP_IS_LINE_CHART (self));
  g_return_if_fail (maximum > minimum);

  self->minimum = minimum;
  self->maximum = maximum;
  self->percent = percent;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
pyprep_line_chart_clear_series (PyprepLineChart *self)
{
  g_return_if_fail (PYPREP_IS_LINE_CHART (self));

  g_ptr_array_set_size (self->series, 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * pyprep_line_chart_add_series:
 * @name: shown in the legend
 * @values: (array): one per point, NAN where there is none
 */
void
pyprep_line_chart_add_series (PyprepLineChart *self,
                              const char      *name,
                              const double    *values)
{
  Series *series;

  g_return_if_fail (PYPREP_IS_LINE_CHART (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (self->n_points == 0 || values != NULL);
  g_return_if_fail (self->series->len < PYPREP_LINE_CHART_MAX_SERIES);

  series = g_new0 (Series, 1);
  series->name = g_strdup (name);
  series->values = g_array_sized_new (FALSE, FALSE, sizeof (double), self->n_points);
  g_array_append_vals (series->values, values, self->n_points);
  g_ptr_array_add (self->series, series);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * pyprep_line_chart_set_target:
 * @value: where to draw a dashed line across; NAN for none
 * @label: (nullable): written above its end
 */
void
pyprep_line_chart_set_target (PyprepLineChart *self,
                              double           value,
                              const char      *label)
{
  g_return_if_fail (PYPREP_IS_LINE_CHART (self));

  self->target = value;
  g_free (self->target_label);
  self->target_label = g_strdup (label);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
pyprep_line_chart_get_n_series (PyprepLineChart *self)
{
  g_return_val_if_fail (PYPREP_IS_LINE_CHART (self), 0);
  return self->series->len;
}
