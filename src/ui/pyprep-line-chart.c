/* pyprep-line-chart.c: the line charts of the Statistics view (weekly
 * true retention, the workload forecast), drawn natively with cairo,
 * which every supported GTK has. Series differ by colour and also by
 * dash (solid, dashed, dotted), so they read apart without colour; a
 * legend under the plot names them and the target line. A point without a value (NAN) breaks
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
#define MAX_TICKS 5

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
  guint      n_ticks;  /* intervals between gridlines */
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

  for (guint i = 0; i <= self->n_ticks; i++)
    {
      g_autofree char *text = format_value (self, self->minimum + (self->maximum - self->minimum) * i / self->n_ticks);

      widest = MAX (widest, pyprep_chart_text_width (widget, text));
    }
  return widest + 8;
}

/* The legend's entries: each series, then the target line if labelled. */
static guint
legend_n_entries (PyprepLineChart *self)
{
  return self->series->len + (self->target_label != NULL && !isnan (self->target) ? 1 : 0);
}

static const char *
legend_name (PyprepLineChart *self,
             guint            index)
{
  if (index < self->series->len)
    return ((Series *)self->series->pdata[index])->name;
  return self->target_label;
}

/* Where entry @index of the legend goes at @width: its row, and its
 * start counted from the leading edge. Entries wrap to new rows. */
static void
legend_place (PyprepLineChart *self,
              int              width,
              guint            index,
              guint           *row,
              int             *offset)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int x = 0;

  *row = 0;
  *offset = 0;
  for (guint i = 0; i <= index; i++)
    {
      int entry = LEGEND_SAMPLE + 6 + pyprep_chart_text_width (widget, legend_name (self, i));

      if (x > 0 && width > 0 && x + entry > width)
        {
          (*row)++;
          x = 0;
        }
      *offset = x;
      x += entry + LEGEND_GAP;
    }
}

static guint
legend_rows (PyprepLineChart *self,
             int              width)
{
  guint n = legend_n_entries (self);
  guint row = 0;
  int offset;

  if (n == 0)
    return 0;
  legend_place (self, width, n - 1, &row, &offset);
  return row + 1;
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
  for (guint i = 0; i <= self->n_ticks; i++)
    {
      double value = self->minimum + span * i / self->n_ticks;
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

  for (guint i = 0; i < legend_n_entries (self); i++)
    {
      guint row;
      int offset;

      legend_place (self, width, i, &row, &offset);
      pyprep_chart_draw_text (widget, snapshot, legend_name (self, i),
                              rtl ? width - offset - LEGEND_SAMPLE - 6 : offset + LEGEND_SAMPLE + 6,
                              bottom + 6 + line + 6 + row * (line + 6), rtl ? 1.0f : 0.0f,
                              i < self->series->len ? &text_color : &target_color);
    }

  /* Then the lines. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  cairo_set_line_width (cr, 1);
  gdk_cairo_set_source_rgba (cr, &grid_color);
  for (guint i = 0; i <= self->n_ticks; i++)
    {
      y = roundf (Y_OF (self->minimum + span * i / self->n_ticks)) + 0.5f;
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

      if (legend_n_entries (self) > self->series->len)
        {
          guint row;
          int offset;

          legend_place (self, width, self->series->len, &row, &offset);
          y = bottom + 6 + line + 6 + row * (line + 6) + line / 2.0f;
          cairo_move_to (cr, rtl ? width - offset - LEGEND_SAMPLE : offset, y);
          cairo_line_to (cr, rtl ? width - offset : offset + LEGEND_SAMPLE, y);
          cairo_stroke (cr);
        }
    }

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = self->series->pdata[s];
      GdkRGBA color;
      gboolean drawing = FALSE;

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
        guint row;
        int offset;

        legend_place (self, width, s, &row, &offset);
        y = bottom + 6 + line + 6 + row * (line + 6) + line / 2.0f;
        set_dash (cr, s);
        cairo_move_to (cr, rtl ? width - offset - LEGEND_SAMPLE : offset, y);
        cairo_line_to (cr, rtl ? width - offset : offset + LEGEND_SAMPLE, y);
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
  self->n_ticks = 4;
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

/* Values outside [@minimum, @maximum] are drawn at its edge. The top is
 * raised to the next gridline: gridlines are 1, 2 or 5 times a power of
 * ten apart, at most five intervals. */
void
pyprep_line_chart_set_y_range (PyprepLineChart *self,
                               double           minimum,
                               double           maximum,
                               gboolean         percent)
{
  static const double steps[] = { 1, 2, 5, 10 };
  double span, magnitude, step = 1;

  g_return_if_fail (PYPREP_IS_LINE_CHART (self));
  g_return_if_fail (maximum > minimum);

  span = (maximum - minimum) * (percent ? 100 : 1);
  magnitude = pow (10, floor (log10 (span / MAX_TICKS)));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      step = steps[i] * magnitude;
      if (span / step <= MAX_TICKS + 1e-9)
        break;
    }
  if (!percent)
    step = MAX (step, 1);
  self->n_ticks = MAX (1, (guint)ceil (span / step - 1e-9));
  self->minimum = minimum;
  self->maximum = minimum + self->n_ticks * step / (percent ? 100 : 1);
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
 * @label: (nullable): its name in the legend
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
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
pyprep_line_chart_get_n_series (PyprepLineChart *self)
{
  g_return_val_if_fail (PYPREP_IS_LINE_CHART (self), 0);
  return self->series->len;
}
