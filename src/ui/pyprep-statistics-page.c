/* pyprep-statistics-page.c: the Statistics view. It shows the streaks,
 * the activity calendar, the reviews due today and over the next week,
 * and mastery per topic (PyprepMasteryGroup), all computed by PyprepStats
 * from the study record. It is filled when shown, before its first
 * frame, and follows the record: a change is shown on the next idle, or
 * when the page is shown again if it is hidden. True retention and the
 * workload forecast (PyprepRetentionGroup, PyprepWorkloadGroup) are read
 * from the review log by PyprepLogStats on a worker thread, so that a log
 * of years does not hold the window; the rest of the page is filled at
 * once meanwhile.
 *
 * With an interview date ahead (pyprep-plan.c), a group first shows
 * whether the plan fits the daily minutes and the predicted recall on
 * the day per topic, each figure in words in its row.
 *
 * Every drawing has a text equivalent: the calendar's summary is both a
 * visible caption and its accessible description, the forecast lists its
 * values in its description, and each mastery bar is labelled with its
 * counts. The two line charts have a visible summary line and give every
 * value in their description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-statistics-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-bar-chart.h"
#include "pyprep-heatmap.h"
#include "pyprep-figure-row.h"
#include "pyprep-log-stats.h"
#include "pyprep-interview-row.h"
#include "pyprep-mastery-group.h"
#include "pyprep-prose-layout.h"
#include "pyprep-retention-group.h"
#include "pyprep-stats.h"
#include "pyprep-statistics-page.h"
#include "pyprep-topic.h"
#include "pyprep-workload-group.h"

/* A streak's caption is as narrow as its longest word, or this many
 * average characters. */
#define STREAK_CAPTION_CHARS 8
/* The same for a group's description. */
#define DESCRIPTION_CHARS 12

struct _PyprepStatisticsPage
{
  AdwBin          parent_instance;

  GtkLabel       *current_streak_label;
  GtkLabel       *current_streak_caption;
  GtkLabel       *longest_streak_label;
  GtkLabel       *longest_streak_caption;
  GtkWidget      *current_card;
  GtkWidget      *longest_card;
  GtkLabel       *streak_hint;
  PyprepHeatmap  *heatmap;
  GtkLabel       *activity_summary;
  GtkLabel       *day_label;
  GtkLabel       *due_today_label;
  PyprepBarChart *forecast;
  GtkLabel       *forecast_hint;
  PyprepMasteryGroup *mastery_group;
  AdwPreferencesGroup *activity_group;
  PyprepRetentionGroup *retention_group;
  PyprepWorkloadGroup *workload_group;
  AdwPreferencesGroup *interview_group;
  GtkListBox     *interview_list;

  PyprepStudy    *study;
  PyprepLibrary  *library;
  PyprepSettings *settings;  /* the interview date; NULL for none */
  GDateTime      *now;       /* fixed by tests; NULL follows the clock */
  guint           refresh_source;
  guint           midnight_source;  /* a new day moves the streak and calendar */
  GCancellable   *log_cancellable;
  gboolean        computing;  /* the figures being read from the log */
  gboolean        log_filled;       /* some were shown already */
  gboolean        stale;      /* the record changed while the page was hidden */
  gboolean        log_stale;  /* filled while hidden: the log not read since */
  guint           filled_day; /* the Julian day the page was filled for */
};

G_DEFINE_FINAL_TYPE (PyprepStatisticsPage, pyprep_statistics_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STUDY,
  PROP_LIBRARY,
  PROP_COMPUTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Filling in ------------------------------------------------------------ */

static void
set_streak (GtkLabel   *number,
            GtkLabel   *caption,
            GtkWidget  *card,
            guint       days,
            const char *what)
{
  /* TRANSLATORS: the length of a streak, shown large */
  g_autofree char *value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", days), days);
  /* TRANSLATORS: read out for a streak card, e.g. "Current streak: 5 days" */
  g_autofree char *spoken = g_strdup_printf ("%s: %s", what, value);

  gtk_label_set_label (number, value);
  gtk_label_set_label (caption, what);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  gtk_widget_set_tooltip_text (card, spoken);
}

static void
fill_streaks (PyprepStatisticsPage *self,
              PyprepStats          *stats)
{
  guint current = pyprep_stats_get_current_streak (stats);
  guint n_days = pyprep_stats_get_grid_n_days (stats);
  gboolean today_active = n_days > 0 && pyprep_stats_get_grid_count (stats, n_days - 1) > 0;

  set_streak (self->current_streak_label, self->current_streak_caption, self->current_card,
              current, _("Current streak"));
  set_streak (self->longest_streak_label, self->longest_streak_caption, self->longest_card,
              pyprep_stats_get_longest_streak (stats), _("Longest streak"));

  if (current > 0 && !today_active)
    gtk_label_set_label (self->streak_hint, _("Study a question today to keep the streak going."));
  else if (current == 0)
    gtk_label_set_label (self->streak_hint, _("Open or practise a question on consecutive days to build a streak."));
  else
    gtk_label_set_label (self->streak_hint, _("A day counts when you study at least one question."));
}

/* The day under the calendar's cursor, in words, for everyone. */
static void
heatmap_cursor_cb (PyprepStatisticsPage *self)
{
  g_autofree char *text = pyprep_heatmap_describe_day (self->heatmap,
                                                      pyprep_heatmap_get_cursor (self->heatmap));

  gtk_label_set_label (self->day_label, text ? text : "");
}

static void
fill_activity (PyprepStatisticsPage *self,
               PyprepStats          *stats)
{
  pyprep_heatmap_set_stats (self->heatmap, stats);
  gtk_label_set_label (self->activity_summary, pyprep_heatmap_get_summary (self->heatmap));
}

static char *
day_name (const GDate *today,
          guint        offset,
          gboolean     long_form)
{
  GDate day = *today;
  g_autoptr(GDateTime) time = NULL;

  if (offset == 0)
    return g_strdup (C_("forecast", "Today"));

  g_date_add_days (&day, offset);
  time = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day),
                                12, 0, 0);
  /* TRANSLATORS: a day of the review forecast, see g_date_time_format() */
  return g_date_time_format (time, long_form ? C_("forecast", "%A, %-d %B") : C_("forecast", "%a"));
}

static void
fill_forecast (PyprepStatisticsPage *self,
               PyprepStats          *stats)
{
  const GDate *today = pyprep_stats_get_today (stats);
  guint values[PYPREP_STATS_FORECAST_DAYS];
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) details = g_strv_builder_new ();
  g_autoptr(GString) description = g_string_new (NULL);
  g_auto(GStrv) label_array = NULL;
  g_auto(GStrv) detail_array = NULL;
  guint due_today = pyprep_stats_get_due_today (stats);
  guint overdue = pyprep_stats_get_overdue (stats);
  g_autofree char *headline = NULL;
  guint week = 0;

  for (guint i = 0; i < PYPREP_STATS_FORECAST_DAYS; i++)
    {
      g_autofree char *short_name = day_name (today, i, FALSE);
      g_autofree char *long_name = day_name (today, i, TRUE);
      g_autofree char *detail = NULL;

      values[i] = pyprep_stats_get_due_on (stats, i);
      week += i > 0 ? values[i] : 0;

      /* TRANSLATORS: a day and its reviews due, e.g. "Thursday, 19 November: 3 reviews due" */
      detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u review due", "%s: %u reviews due",
                                             values[i]),
                                long_name, values[i]);
      g_strv_builder_add (labels, short_name);
      g_strv_builder_add (details, detail);
      if (i > 0)
        g_string_append (description, "; ");
      g_string_append (description, detail);
    }

  label_array = g_strv_builder_end (labels);
  detail_array = g_strv_builder_end (details);
  pyprep_bar_chart_set_values (self->forecast, PYPREP_STATS_FORECAST_DAYS, values,
                               (const char * const *)label_array, (const char * const *)detail_array);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->forecast),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);

  if (due_today == 0)
    headline = g_strdup (_("Nothing due today"));
  else if (overdue > 0)
    /* TRANSLATORS: the first %u is the reviews due today, the second how many of them are overdue */
    headline = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u review due today (%u overdue)",
                                             "%u reviews due today (%u overdue)", due_today),
                                due_today, overdue);
  else
    headline = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u review due today",
                                             "%u reviews due today", due_today),
                                due_today);
  gtk_label_set_label (self->due_today_label, headline);

  if (due_today == 0 && week == 0)
    gtk_label_set_label (self->forecast_hint,
                         _("Reviews are scheduled when you grade your answers in a practice session."));
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more in the next 7 days.",
                                                            "%u more in the next 7 days.", week),
                                               week);
      gtk_label_set_label (self->forecast_hint, text);
    }
}

static GtkWidget *
make_text_row (const char *title,
               const char *subtitle,
               const char *value)
{
  GtkWidget *row = pyprep_figure_row_new ();

  pyprep_figure_row_set_text (PYPREP_FIGURE_ROW (row), title, subtitle, value);
  return row;
}

/* Whether the plan fits the budget, then recall on the day per topic. */
static void
fill_interview (PyprepStatisticsPage *self,
                GDateTime            *now)
{
  g_autoptr(PyprepPlan) plan = NULL;
  g_autoptr(GDateTime) day_time = NULL;
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;
  g_autofree char *status = NULL;
  g_autofree char *detail = NULL;
  GListModel *topics;
  GtkWidget *child;
  guint budget_minutes, needed;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->interview_list))) != NULL)
    gtk_list_box_remove (self->interview_list, child);

  if (self->settings != NULL && self->library != NULL)
    plan = pyprep_interview_make_plan (self->library, self->study, self->settings, now);
  gtk_widget_set_visible (GTK_WIDGET (self->interview_group), plan != NULL);
  if (plan == NULL)
    return;

  day_time = g_date_time_add_seconds (now, (double)(pyprep_plan_get_interview_time (plan)
                                                    - g_date_time_to_unix (now)));
  /* TRANSLATORS: a date, see the strftime manual; e.g. "Monday 14 December" */
  day = g_date_time_format (day_time, _("%A %-d %B"));
  /* TRANSLATORS: %s is the interview's date */
  title = g_strdup_printf (_("Interview on %s"), day);
  adw_preferences_group_set_title (self->interview_group, title);

  budget_minutes = pyprep_settings_get_daily_minutes (self->settings);
  needed = pyprep_plan_get_reviews_per_day_needed (plan);
  if (pyprep_plan_get_on_track (plan))
    status = g_strdup (_("On track"));
  else
    /* TRANSLATORS: %u is the minutes a day the plan needs */
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Behind: needs %u minute a day",
                                           "Behind: needs %u minutes a day", pyprep_plan_get_minutes_needed (plan)),
                              pyprep_plan_get_minutes_needed (plan));
  /* TRANSLATORS: the plan to the interview: cards a day needed, the
   * answer time they are counted at, the days left, the essentials not
   * yet started, and the daily minutes set in Preferences */
  detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u card a day needed at %.0f s each: %u questions to refresh and %u "
                                         "essentials to start in %d days. Minutes a day: %u.",
                                         "%u cards a day needed at %.0f s each: %u questions to refresh and %u "
                                         "essentials to start in %d days. Minutes a day: %u.", needed),
                            needed, pyprep_plan_get_seconds_per_card (plan), pyprep_plan_get_n_at_risk (plan),
                            pyprep_plan_get_n_essentials_left (plan), MAX (pyprep_plan_get_days_left (plan), 1),
                            budget_minutes);
  gtk_list_box_append (self->interview_list, make_text_row (status, detail, NULL));

  topics = pyprep_library_get_topics (self->library);
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(PyprepTopic) topic = g_list_model_get_item (topics, i);
      g_autofree char *subtitle = NULL;
      g_autofree char *value = NULL;
      double practised, overall;
      guint n_practised, n = pyprep_topic_get_n_questions (topic);

      pyprep_plan_topic_recall (plan, topic, &practised, &overall, &n_practised);
      if (n_practised == 0)
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Predicted recall on the day: none of its %u question practised",
                                                 "Predicted recall on the day: none of its %u questions practised",
                                                 n), n);
      else
        /* TRANSLATORS: predicted recall on the interview day: over the
         * practised questions, then over all the topic's questions */
        subtitle = g_strdup_printf (_("Predicted recall on the day: %.0f%% of the %u practised, %.0f%% of all %u"),
                                    practised * 100, n_practised, overall * 100, n);
      /* TRANSLATORS: a topic's predicted recall on the interview day, over all its questions */
      value = g_strdup_printf (_("%.0f%%"), overall * 100);
      gtk_list_box_append (self->interview_list,
                           make_text_row (pyprep_topic_get_title (topic), subtitle, value));
    }
}

/* From the review log ------------------------------------------------- */

static void
set_computing (PyprepStatisticsPage *self,
               gboolean              computing)
{
  if (self->computing == computing)
    return;
  self->computing = computing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPUTING]);
}

static void
log_stats_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  PyprepStatisticsPage *self = user_data;
  g_autoptr(PyprepLogStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;

  /* Disposing the page cancels, and a cancelled task reports so even
   * when it finished: @self is not touched after it is gone. */
  stats = pyprep_log_stats_compute_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->log_cancellable);
  if (stats == NULL)
    {
      g_warning ("Could not read the review log for statistics: %s", error->message);
      pyprep_retention_group_show_unreadable (self->retention_group);
      pyprep_workload_group_show_unreadable (self->workload_group);
      set_computing (self, FALSE);
      return;
    }

  now = self->now ? g_date_time_ref (self->now) : g_date_time_new_now_local ();
  pyprep_retention_group_set_stats (self->retention_group, stats, now);
  pyprep_workload_group_set_stats (self->workload_group, stats, now);
  self->log_filled = TRUE;
  set_computing (self, FALSE);
}

/* Starts reading the log's figures on a worker; a newer read replaces an
 * older one still running. */
static void
start_log_stats (PyprepStatisticsPage *self,
                 GDateTime            *now)
{
  PyprepReviewLog *log = pyprep_study_get_review_log (self->study);
  g_autoptr(GHashTable) states = NULL;
  PyprepSchedulerConfig config;

  /* Hidden, nothing is read: showing the page reads it. */
  self->log_stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->log_stale)
    return;

  g_cancellable_cancel (self->log_cancellable);
  g_clear_object (&self->log_cancellable);
  self->log_cancellable = g_cancellable_new ();

  if (!self->log_filled)
    {
      pyprep_retention_group_show_reading (self->retention_group);
      pyprep_workload_group_show_reading (self->workload_group);
    }

  /* The forecast starts from the states the rest of the page shows. */
  if (self->library != NULL)
    states = pyprep_log_stats_collect_states (self->study, self->library);

  pyprep_study_get_scheduler_config (self->study, &config);
  set_computing (self, TRUE);
  pyprep_log_stats_compute_async (log ? pyprep_review_log_get_path (log) : NULL, states, &config, now,
                                  self->log_cancellable, log_stats_cb, self);
}

/* Following the day --------------------------------------------------- */

static gboolean
midnight_cb (gpointer data)
{
  PyprepStatisticsPage *self = data;

  self->midnight_source = 0;
  pyprep_statistics_page_refresh (self);
  return G_SOURCE_REMOVE;
}

/* While following the clock, computes again just after midnight. */
static void
schedule_midnight (PyprepStatisticsPage *self,
                   GDateTime            *now)
{
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  GTimeSpan wait;

  g_clear_handle_id (&self->midnight_source, g_source_remove);
  if (self->now != NULL)
    return;

  today = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                           g_date_time_get_month (now), g_date_time_get_day_of_month (now), 0, 0, 0);
  tomorrow = today ? g_date_time_add_days (today, 1) : NULL;
  if (tomorrow == NULL)
    return;

  wait = g_date_time_difference (tomorrow, now);
  self->midnight_source = g_timeout_add_seconds ((guint)CLAMP (wait / G_TIME_SPAN_SECOND + 1, 1, 86400),
                                                 midnight_cb, self);
}

static guint
julian_day (GDateTime *time)
{
  g_autoptr(GDate) date = g_date_new_dmy (g_date_time_get_day_of_month (time),
                                          g_date_time_get_month (time),
                                          g_date_time_get_year (time));

  return g_date_get_julian (date);
}

/**
 * pyprep_statistics_page_refresh:
 *
 * Computes the statistics again from the study record, now.
 */
void
pyprep_statistics_page_refresh (PyprepStatisticsPage *self)
{
  g_autoptr(PyprepStats) stats = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (PYPREP_IS_STATISTICS_PAGE (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->stale = FALSE;
  if (self->study == NULL)
    return;

  now = self->now ? g_date_time_ref (self->now) : g_date_time_new_now_local ();
  stats = pyprep_stats_new (self->study, self->library, now);
  self->filled_day = julian_day (now);

  fill_streaks (self, stats);
  fill_activity (self, stats);
  fill_forecast (self, stats);
  pyprep_mastery_group_set_stats (self->mastery_group, stats);
  start_log_stats (self, now);
  fill_interview (self, now);
  schedule_midnight (self, now);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  PyprepStatisticsPage *self = data;

  self->refresh_source = 0;
  pyprep_statistics_page_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Many questions can change at once (an import): show them once, at the
 * next idle, or when the page is shown again. */
static void
queue_refresh (PyprepStatisticsPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      g_clear_handle_id (&self->refresh_source, g_source_remove);
      self->stale = TRUE;
    }
  else if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle_cb, self);
}

/* Shown: filled before the first frame, once. What changed while it was
 * hidden, or a new day, fills it again; otherwise only the log's figures
 * are read, which are not read while it is hidden. */
static void
map_cb (PyprepStatisticsPage *self)
{
  g_autoptr(GDateTime) now = self->now ? g_date_time_ref (self->now) : g_date_time_new_now_local ();

  if (self->stale || self->filled_day != julian_day (now))
    pyprep_statistics_page_refresh (self);
  else if (self->log_stale)
    start_log_stats (self, now);
}

/* GObject --------------------------------------------------------------- */

static void
pyprep_statistics_page_dispose (GObject *object)
{
  PyprepStatisticsPage *self = (PyprepStatisticsPage *)object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->midnight_source, g_source_remove);
  g_cancellable_cancel (self->log_cancellable);
  g_clear_object (&self->log_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_STATISTICS_PAGE);
  g_clear_object (&self->study);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (pyprep_statistics_page_parent_class)->dispose (object);
}

static void
pyprep_statistics_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PyprepStatisticsPage *self = PYPREP_STATISTICS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STUDY:
      g_value_set_object (value, self->study);
      break;
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_COMPUTING:
      g_value_set_boolean (value, self->computing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_statistics_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PyprepStatisticsPage *self = PYPREP_STATISTICS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STUDY:
      g_assert (self->study == NULL);
      self->study = g_value_dup_object (value);
      if (self->study != NULL)
        g_signal_connect_object (self->study, "changed", G_CALLBACK (queue_refresh),
                                 self, G_CONNECT_SWAPPED);
      break;
    case PROP_LIBRARY:
      g_assert (self->library == NULL);
      self->library = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_statistics_page_class_init (PyprepStatisticsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_statistics_page_dispose;
  object_class->get_property = pyprep_statistics_page_get_property;
  object_class->set_property = pyprep_statistics_page_set_property;

  properties[PROP_STUDY] =
    g_param_spec_object ("study", NULL, NULL, PYPREP_TYPE_STUDY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, PYPREP_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Whether the figures from the review log are being worked out. */
  properties[PROP_COMPUTING] =
    g_param_spec_boolean ("computing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PYPREP_TYPE_HEATMAP);
  g_type_ensure (PYPREP_TYPE_BAR_CHART);
  g_type_ensure (PYPREP_TYPE_RETENTION_GROUP);
  g_type_ensure (PYPREP_TYPE_WORKLOAD_GROUP);
  g_type_ensure (PYPREP_TYPE_MASTERY_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pyprep/PyPrep/ui/pyprep-statistics-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepStatisticsPage, current_streak_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatisticsPage, current_streak_caption);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatisticsPage, longest_streak_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatisticsPage, longest_streak_caption);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatisticsPage, current_card);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatisticsPage, longest_card);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatisticsPage, streak_hint);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatisticsPage, heatmap);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatisticsPage, activity_summary);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatisticsPage, day_label);
  gtk_widget_class_bind_template_callback (widget_class, heatmap_cursor_cb);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatisticsPage, due_today_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatisticsPage, forecast);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatisticsPage, forecast_hint);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatisticsPage, mastery_group);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatisticsPage, activity_group);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatisticsPage, retention_group);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatisticsPage, workload_group);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatisticsPage, interview_group);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatisticsPage, interview_list);
}

static void
pyprep_statistics_page_init (PyprepStatisticsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Side by side in a box, which asks each caption for its width at the
   * box's height: a GtkLabel answers by laying its text out at width
   * after width (GTK 4.8), the prose layout once. GTK 4.8 only: with
   * GTK 4.18 the box was then measured below its minimum (a warning). */
  if (gtk_check_version (4, 10, 0) != NULL)
    {
      pyprep_prose_layout_attach_to_cell (self->current_streak_caption, STREAK_CAPTION_CHARS);
      pyprep_prose_layout_attach_to_cell (self->longest_streak_caption, STREAK_CAPTION_CHARS);
    }
  pyprep_prose_layout_attach_to_group_description (self->interview_group, DESCRIPTION_CHARS);
  pyprep_prose_layout_attach_to_group_description (self->activity_group, DESCRIPTION_CHARS);

  /* Filled when first shown. */
  self->stale = TRUE;
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}

/**
 * pyprep_statistics_page_new:
 * @library: (nullable): without it, no mastery or forecast is shown
 */
GtkWidget *
pyprep_statistics_page_new (PyprepStudy   *study,
                            PyprepLibrary *library)
{
  g_return_val_if_fail (PYPREP_IS_STUDY (study), NULL);
  g_return_val_if_fail (!library || PYPREP_IS_LIBRARY (library), NULL);

  return g_object_new (PYPREP_TYPE_STATISTICS_PAGE, "study", study, "library", library, NULL);
}

PyprepStudy *
pyprep_statistics_page_get_study (PyprepStatisticsPage *self)
{
  g_return_val_if_fail (PYPREP_IS_STATISTICS_PAGE (self), NULL);
  return self->study;
}

PyprepLibrary *
pyprep_statistics_page_get_library (PyprepStatisticsPage *self)
{
  g_return_val_if_fail (PYPREP_IS_STATISTICS_PAGE (self), NULL);
  return self->library;
}

/**
 * pyprep_statistics_page_set_now:
 * @now: (nullable): the time to show the statistics for; %NULL follows
 *   the clock. Tests fix it so that streaks do not depend on the day.
 */
void
pyprep_statistics_page_set_now (PyprepStatisticsPage *self,
                                GDateTime            *now)
{
  g_return_if_fail (PYPREP_IS_STATISTICS_PAGE (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  if (now != NULL)
    self->now = g_date_time_ref (now);
  pyprep_statistics_page_refresh (self);
}

/**
 * pyprep_statistics_page_get_computing:
 *
 * Returns: whether the figures from the review log are still being worked
 *   out on a worker thread
 */
gboolean
pyprep_statistics_page_get_computing (PyprepStatisticsPage *self)
{
  g_return_val_if_fail (PYPREP_IS_STATISTICS_PAGE (self), FALSE);
  return self->computing;
}

/**
 * pyprep_statistics_page_set_settings:
 * @settings: (nullable): where the interview date and the daily minutes
 *   are; without them, no plan is shown
 */
void
pyprep_statistics_page_set_settings (PyprepStatisticsPage *self,
                                     PyprepSettings       *settings)
{
  g_return_if_fail (PYPREP_IS_STATISTICS_PAGE (self));
  g_return_if_fail (settings == NULL || PYPREP_IS_SETTINGS (settings));

  if (self->settings == settings)
    return;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    {
      g_signal_connect_object (settings, "notify::interview-date", G_CALLBACK (queue_refresh), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (settings, "notify::daily-minutes", G_CALLBACK (queue_refresh), self,
                               G_CONNECT_SWAPPED);
    }
  queue_refresh (self);
}
