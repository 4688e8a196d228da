/* pyprep-workload-group.c: the Statistics page's Workload Forecast
 * group: the reviews a day over the next 30 days, simulated at the
 * desired retention and at one above and one below it, as three lines
 * and as averages in words. The chart's accessible description gives
 * every day's figure at the current retention. The figures come from
 * the review log, read by the page on a worker (PyprepLogStats).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-workload-group"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-chart.h"
#include "pyprep-line-chart.h"
#include "pyprep-prose-layout.h"
#include "pyprep-workload-group.h"

/* The description's largest minimum width, in average characters. */
#define DESCRIPTION_CHARS 12

struct _PyprepWorkloadGroup
{
  AdwPreferencesGroup  parent_instance;

  PyprepLineChart     *workload_chart;
  GtkLabel            *workload_summary;
};

G_DEFINE_FINAL_TYPE (PyprepWorkloadGroup, pyprep_workload_group, ADW_TYPE_PREFERENCES_GROUP)

static char *
format_mean (double mean)
{
  if (mean > 0 && mean < 10)
    return g_strdup_printf ("%.1f", mean);
  return g_strdup_printf ("%.0f", mean);
}

/**
 * pyprep_workload_group_set_stats:
 * @stats: the figures read from the review log
 * @now: the time they were read for
 *
 * Shows the reviews a day over the next 30 days at three desired
 * retentions, in words and in the chart, whose description gives every
 * day's figure at the current retention.
 */
void
pyprep_workload_group_set_stats (PyprepWorkloadGroup  *self,
                                 const PyprepLogStats *stats,
                                 GDateTime            *now)
{
  /* The current retention first, then above it, then below it. */
  static const guint spoken_order[PYPREP_LOG_STATS_N_RETENTIONS] = { 0, 2, 1 };
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) label_array = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *summary = NULL;
  char *percents[PYPREP_LOG_STATS_N_RETENTIONS];
  char *means[PYPREP_LOG_STATS_N_RETENTIONS];
  double values[PYPREP_LOG_STATS_FORECAST_DAYS];
  guint max = 0;

  for (guint r = 0; r < PYPREP_LOG_STATS_N_RETENTIONS; r++)
    {
      percents[r] = pyprep_chart_format_percent (stats->retentions[r]);
      means[r] = format_mean (pyprep_log_stats_forecast_mean (stats, r));
      for (guint i = 0; i < PYPREP_LOG_STATS_FORECAST_DAYS; i++)
        max = MAX (max, stats->forecast[r][i]);
    }

  if (stats->n_cards == 0)
    summary = g_strdup (_("No cards in review yet: the forecast starts with your first graded answers."));
  else
    /* TRANSLATORS: the workload forecast: each %s pair is a desired retention
     * and the average reviews a day at it, e.g. "At 90%: 23 reviews a day on
     * average; at 95%: 41; at 85%: 15." */
    summary = g_strdup_printf (_("At %s: %s reviews a day on average; at %s: %s; at %s: %s."),
                               percents[spoken_order[0]], means[spoken_order[0]],
                               percents[spoken_order[1]], means[spoken_order[1]],
                               percents[spoken_order[2]], means[spoken_order[2]]);
  gtk_label_set_label (self->workload_summary, summary);
  g_string_append (description, summary);

  for (guint i = 0; i < PYPREP_LOG_STATS_FORECAST_DAYS; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, i);
      g_autofree char *name = i == 0 ? g_strdup (C_("forecast", "Today")) : pyprep_chart_format_day (day);

      g_strv_builder_add (labels, i % 7 == 0 ? name : "");
    }
  label_array = g_strv_builder_end (labels);
  pyprep_line_chart_set_points (self->workload_chart, PYPREP_LOG_STATS_FORECAST_DAYS,
                                (const char * const *)label_array);
  pyprep_line_chart_set_y_range (self->workload_chart, 0, MAX (max, 4), FALSE);

  for (guint r = 0; r < PYPREP_LOG_STATS_N_RETENTIONS; r++)
    {
      g_autofree char *name = NULL;

      for (guint i = 0; i < PYPREP_LOG_STATS_FORECAST_DAYS; i++)
        values[i] = stats->forecast[r][i];
      /* TRANSLATORS: a series of the workload chart; %s is a retention, e.g. "At 90% (now)" */
      name = r == 0 ? g_strdup_printf (_("At %s (now)"), percents[r])
                    /* TRANSLATORS: a series of the workload chart; %s is a retention, e.g. "At 95%" */
                    : g_strdup_printf (_("At %s"), percents[r]);
      pyprep_line_chart_add_series (self->workload_chart, name, values);
    }

  /* Every day's figure at the current retention, for screen readers. */
  {
    g_autofree char *heading = g_strdup_printf (_("Per day at %s:"), percents[0]);

    g_string_append_printf (description, " %s", heading);
  }
  for (guint i = 0; i < PYPREP_LOG_STATS_FORECAST_DAYS; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, i);
      g_autofree char *name = i == 0 ? g_strdup (C_("forecast", "Today")) : pyprep_chart_format_day (day);

      g_string_append_printf (description, "%s%s %u", i == 0 ? " " : ", ", name, stats->forecast[0][i]);
    }
  g_string_append (description, ".");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->workload_chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str, -1);

  for (guint r = 0; r < PYPREP_LOG_STATS_N_RETENTIONS; r++)
    {
      g_free (percents[r]);
      g_free (means[r]);
    }
}


/* While the log is read for the first time. */
void
pyprep_workload_group_show_reading (PyprepWorkloadGroup *self)
{
  g_return_if_fail (PYPREP_IS_WORKLOAD_GROUP (self));

  gtk_label_set_label (self->workload_summary, _("Reading the review log…"));
}

/* The log could not be read: the retention group says so for both. */
void
pyprep_workload_group_show_unreadable (PyprepWorkloadGroup *self)
{
  g_return_if_fail (PYPREP_IS_WORKLOAD_GROUP (self));

  gtk_label_set_label (self->workload_summary, "");
}

static void
pyprep_workload_group_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PYPREP_TYPE_WORKLOAD_GROUP);

  G_OBJECT_CLASS (pyprep_workload_group_parent_class)->dispose (object);
}

static void
pyprep_workload_group_class_init (PyprepWorkloadGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_workload_group_dispose;

  g_type_ensure (PYPREP_TYPE_LINE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pyprep/PyPrep/ui/pyprep-workload-group.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepWorkloadGroup, workload_chart);
  gtk_widget_class_bind_template_child (widget_class, PyprepWorkloadGroup, workload_summary);
}

static void
pyprep_workload_group_init (PyprepWorkloadGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pyprep_prose_layout_attach_to_group_description (ADW_PREFERENCES_GROUP (self), DESCRIPTION_CHARS);
}
