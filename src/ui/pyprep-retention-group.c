/* pyprep-retention-group.c: the Statistics page's True Retention group:
 * the share of reviews passed in the last 30 days as a headline, the
 * last 30 and 90 days and the desired retention in words, and a line
 * per week over 13 weeks beside the desired retention. The chart's
 * accessible description gives every week's figure. The figures come
 * from the review log, read by the page on a worker (PyprepLogStats).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-retention-group"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "pyprep-chart.h"
#include "pyprep-line-chart.h"
#include "pyprep-prose-layout.h"
#include "pyprep-retention-group.h"

/* The description's largest minimum width, in average characters. */
#define DESCRIPTION_CHARS 12

struct _PyprepRetentionGroup
{
  AdwPreferencesGroup  parent_instance;

  GtkLabel            *retention_headline;
  PyprepLineChart     *retention_chart;
  GtkLabel            *retention_summary;
};

G_DEFINE_FINAL_TYPE (PyprepRetentionGroup, pyprep_retention_group, ADW_TYPE_PREFERENCES_GROUP)

/* "88% (362 of 412 reviews)", or "no reviews counted" */
static char *
describe_count (const PyprepRetentionCount *count)
{
  g_autofree char *percent = NULL;
  double share;

  if (!pyprep_retention_count_get_share (count, &share))
    return g_strdup (_("no reviews counted"));

  percent = pyprep_chart_format_percent (share);
  /* TRANSLATORS: true retention: a percentage, then how many reviews passed of how many */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u of %u review)", "%s (%u of %u reviews)",
                                       count->total),
                          percent, count->passed, count->total);
}

/**
 * pyprep_retention_group_set_stats:
 * @stats: the figures read from the review log
 * @now: the time they were read for
 *
 * Shows true retention over the last 30 and 90 days and per week, in
 * words and in the chart, whose description gives every week's figure.
 */
void
pyprep_retention_group_set_stats (PyprepRetentionGroup *self,
                                  const PyprepLogStats *stats,
                                  GDateTime            *now)
{
  g_autoptr(GDateTime) today = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                                                g_date_time_get_month (now),
                                                g_date_time_get_day_of_month (now), 12, 0, 0);
  g_autofree char *last_30 = describe_count (&stats->last_30);
  g_autofree char *last_90 = describe_count (&stats->last_90);
  g_autofree char *desired = pyprep_chart_format_percent (stats->retentions[0]);
  g_autofree char *summary = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) label_array = NULL;
  double values[PYPREP_LOG_STATS_WEEKS];
  double lowest = 1;
  double share;

  if (pyprep_retention_count_get_share (&stats->last_30, &share))
    {
      g_autofree char *percent = pyprep_chart_format_percent (share);
      /* TRANSLATORS: %s is a percentage, e.g. "88%" */
      g_autofree char *headline = g_strdup_printf (_("%s passed in the last 30 days"), percent);

      gtk_label_set_label (self->retention_headline, headline);
    }
  else
    gtk_label_set_label (self->retention_headline, _("No reviews of learnt cards in the last 30 days"));

  /* TRANSLATORS: true retention over two periods, then the user's desired retention */
  summary = g_strdup_printf (_("Last 30 days: %s; last 90 days: %s. Desired retention: %s."),
                             last_30, last_90, desired);
  gtk_label_set_label (self->retention_summary, summary);
  g_string_append (description, summary);
  g_string_append (description, " ");
  g_string_append (description, _("Per week, oldest first:"));

  for (guint i = 0; i < PYPREP_LOG_STATS_WEEKS; i++)
    {
      g_autoptr(GDateTime) start = g_date_time_add_days (today, -(int)(PYPREP_LOG_STATS_WEEKS - i) * 7 + 1);
      g_autofree char *start_name = pyprep_chart_format_day (start);
      g_autofree char *value = describe_count (&stats->weeks[i]);
      /* TRANSLATORS: a week of the true retention chart, e.g. "week of 24 Aug: 91% (40 of 44 reviews)" */
      g_autofree char *week = g_strdup_printf (_("week of %s: %s"), start_name, value);

      g_string_append (description, i == 0 ? " " : "; ");
      g_string_append (description, week);
      g_strv_builder_add (labels, i % 4 == 0 || i == PYPREP_LOG_STATS_WEEKS - 1 ? start_name : "");

      if (pyprep_retention_count_get_share (&stats->weeks[i], &values[i]))
        lowest = MIN (lowest, values[i]);
      else
        values[i] = NAN;
    }
  g_string_append (description, ".");

  label_array = g_strv_builder_end (labels);
  pyprep_line_chart_set_points (self->retention_chart, PYPREP_LOG_STATS_WEEKS, (const char * const *)label_array);
  /* From 50% unless a week fell lower, in steps of 10 points. */
  pyprep_line_chart_set_y_range (self->retention_chart,
                                 MIN (0.5, floor (MIN (lowest, stats->retentions[0]) * 10) / 10), 1.0, TRUE);
  pyprep_line_chart_add_series (self->retention_chart, _("True retention"), values);
  /* TRANSLATORS: the legend of the line at the desired retention, e.g. "Desired retention (90%)" */
  target = g_strdup_printf (_("Desired retention (%s)"), desired);
  pyprep_line_chart_set_target (self->retention_chart, stats->retentions[0], target);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->retention_chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str, -1);
}


/* While the log is read for the first time. */
void
pyprep_retention_group_show_reading (PyprepRetentionGroup *self)
{
  g_return_if_fail (PYPREP_IS_RETENTION_GROUP (self));

  gtk_label_set_label (self->retention_headline, _("Reading the review log…"));
}

/* The log could not be read: what is missing, and that nothing is lost. */
void
pyprep_retention_group_show_unreadable (PyprepRetentionGroup *self)
{
  g_return_if_fail (PYPREP_IS_RETENTION_GROUP (self));

  gtk_label_set_label (self->retention_headline, _("The review log could not be read"));
  gtk_label_set_label (self->retention_summary,
                       _("True retention and the forecast are missing until it can. Your grades and schedule are kept."));
}

static void
pyprep_retention_group_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PYPREP_TYPE_RETENTION_GROUP);

  G_OBJECT_CLASS (pyprep_retention_group_parent_class)->dispose (object);
}

static void
pyprep_retention_group_class_init (PyprepRetentionGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_retention_group_dispose;

  g_type_ensure (PYPREP_TYPE_LINE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pyprep/PyPrep/ui/pyprep-retention-group.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepRetentionGroup, retention_headline);
  gtk_widget_class_bind_template_child (widget_class, PyprepRetentionGroup, retention_chart);
  gtk_widget_class_bind_template_child (widget_class, PyprepRetentionGroup, retention_summary);
}

static void
pyprep_retention_group_init (PyprepRetentionGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pyprep_prose_layout_attach_to_group_description (ADW_PREFERENCES_GROUP (self), DESCRIPTION_CHARS);
}
