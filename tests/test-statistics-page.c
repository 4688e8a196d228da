/* test-statistics-page.c: the Statistics view shows the right numbers and
 * says them in words, for a fixed record and a fixed clock; and the main
 * window opens it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <gtksourceview/gtksource.h>

#include "pyprep-bar-chart.h"
#include "pyprep-figure-row.h"
#include "pyprep-heatmap.h"
#include "pyprep-line-chart.h"
#include "pyprep-log-stats.h"
#include "pyprep-interview-row.h"
#include "pyprep-mastery-bar.h"
#include "pyprep-mastery-group.h"
#include "pyprep-retention-group.h"
#include "pyprep-statistics-page.h"
#include "pyprep-statistics-window.h"
#include "pyprep-workload-group.h"
#include "pyprep-settings.h"
#include "pyprep-window.h"
#include "test-util.h"

/* The settings the windows under test read, as the application's. */
static PyprepSettings *
test_settings (void)
{
  static PyprepSettings *settings;

  if (settings == NULL)
    {
      g_autoptr(GSettings) gsettings = g_settings_new (APPLICATION_ID);

      settings = pyprep_settings_new_for_gsettings (gsettings);
    }
  return settings;
}

static const char deck_basics[] =
  "---\nid: basics\ntitle: Basics\norder: 1\n---\n\n"
  "# One?\nid: q1\ndifficulty: junior\n\nA.\n\n"
  "# Two?\nid: q2\ndifficulty: junior\n\nA.\n\n"
  "# Three?\nid: q3\ndifficulty: mid\n\nA.\n\n"
  "# Four?\nid: q4\ndifficulty: mid\n\nA.\n";
static const char deck_advanced[] =
  "---\nid: advanced\ntitle: Advanced\norder: 2\n---\n\n"
  "# Five?\nid: q5\ndifficulty: senior\n\nA.\n";

static PyprepLibrary *library;

#define PAGE_CHILD(page, name) child (page, PYPREP_TYPE_STATISTICS_PAGE, name)
#define RETENTION_CHILD(page, name) \
  child (PAGE_CHILD (page, "retention_group"), PYPREP_TYPE_RETENTION_GROUP, name)
#define WORKLOAD_CHILD(page, name) \
  child (PAGE_CHILD (page, "workload_group"), PYPREP_TYPE_WORKLOAD_GROUP, name)

static GVariant *
reviewed (const char *status,
          int         month,
          int         day,
          int         hour)
{
  g_autoptr(GDateTime) due = g_date_time_new_utc (2026, month, day, hour, 0, 0);
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "status", "s", status);
  g_variant_dict_insert (&dict, "due", "x", g_date_time_to_unix (due));
  g_variant_dict_insert (&dict, "stability", "d", 10.0);
  g_variant_dict_insert (&dict, "difficulty", "d", 5.0);
  g_variant_dict_insert (&dict, "reps", "u", 2);
  g_variant_dict_insert (&dict, "lapses", "u", 0);
  g_variant_dict_insert (&dict, "last-review", "x", g_date_time_to_unix (due) - 3 * 86400);
  g_variant_dict_insert (&dict, "grades", "s", "33");
  return g_variant_dict_end (&dict);
}

/* Today is Wednesday 18 November 2026. A five-day run ended on the 14th;
 * another ran until yesterday and today has no activity yet. */
static PyprepStudy *
fixed_study (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GVariantBuilder activity, progress;
  const struct { const char *day; guint count; } days[] = {
    { "2026-11-10", 2 }, { "2026-11-11", 1 }, { "2026-11-12", 1 }, { "2026-11-13", 1 },
    { "2026-11-14", 1 }, { "2026-11-16", 2 }, { "2026-11-17", 5 },
  };

  g_variant_builder_init (&activity, G_VARIANT_TYPE ("a{su}"));
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    g_variant_builder_add (&activity, "{su}", days[i].day, days[i].count);

  g_variant_builder_init (&progress, G_VARIANT_TYPE ("a{sa{sv}}"));
  g_variant_builder_add (&progress, "{s@a{sv}}", "q1", reviewed ("needs-review", 11, 10, 9));
  g_variant_builder_add (&progress, "{s@a{sv}}", "q2", reviewed ("read", 11, 18, 20));
  g_variant_builder_add (&progress, "{s@a{sv}}", "q3", reviewed ("confident", 11, 19, 9));

  g_settings_reset (settings, "bookmarks");
  g_settings_reset (settings, "notes");
  g_settings_set_value (settings, "activity", g_variant_builder_end (&activity));
  g_settings_set_value (settings, "progress", g_variant_builder_end (&progress));

  return pyprep_study_new (settings);
}

static PyprepStatisticsPage *
new_page (PyprepStudy *study,
          GtkWindow  **window)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 18, 12, 0, 0);
  GtkWidget *page = pyprep_statistics_page_new (study, library);

  pyprep_statistics_page_set_now (PYPREP_STATISTICS_PAGE (page), now);
  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 760, 900);
  gtk_window_set_child (*window, page);
  gtk_window_present (*window);
  iterate ();
  return PYPREP_STATISTICS_PAGE (page);
}

static void
test_streaks_shown (void)
{
  g_autoptr(PyprepStudy) study = fixed_study ();
  GtkWindow *window;
  PyprepStatisticsPage *page = new_page (study, &window);

  g_assert_cmpstr (gtk_label_get_label (PAGE_CHILD (page, "current_streak_label")), ==, "2 days");
  g_assert_cmpstr (gtk_label_get_label (PAGE_CHILD (page, "longest_streak_label")), ==, "5 days");
  gtk_test_accessible_assert_property (PAGE_CHILD (page, "current_card"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Current streak: 2 days");
  gtk_test_accessible_assert_property (PAGE_CHILD (page, "longest_card"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Longest streak: 5 days");
  /* Today is still open: the hint says how to keep the streak. */
  g_assert_cmpstr (gtk_label_get_label (PAGE_CHILD (page, "streak_hint")), ==,
                   "Study a question today to keep the streak going.");

  gtk_window_destroy (window);
}

static void
test_heatmap_described (void)
{
  g_autoptr(PyprepStudy) study = fixed_study ();
  GtkWindow *window;
  PyprepStatisticsPage *page = new_page (study, &window);
  PyprepHeatmap *heatmap = PAGE_CHILD (page, "heatmap");
  const char *summary = "13 questions studied on 7 days in the last 20 weeks; "
                        "busiest day Tuesday, 17 November 2026 with 5.";
  g_autofree char *today = NULL;
  g_autofree char *busiest = NULL;
  guint last = 19 * 7 + 2;  /* Wednesday of the last week */

  /* The picture, summed up in words, for screen readers and on screen. */
  g_assert_cmpstr (pyprep_heatmap_get_summary (heatmap), ==, summary);
  gtk_test_accessible_assert_property (heatmap, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary);
  g_assert_cmpstr (gtk_label_get_label (PAGE_CHILD (page, "activity_summary")), ==, summary);

  /* Today is the last square drawn, the keyboard cursor starts there,
   * and each day has its own words. */
  g_assert_cmpuint (pyprep_heatmap_get_cursor (heatmap), ==, last);
  today = pyprep_heatmap_describe_day (heatmap, last);
  busiest = pyprep_heatmap_describe_day (heatmap, last - 1);
  g_assert_cmpstr (today, ==, "Wednesday, 18 November 2026: nothing studied");
  g_assert_cmpstr (busiest, ==, "Tuesday, 17 November 2026: 5 questions studied");

  /* The day under the cursor is named for screen readers and shown under
   * the calendar; moving the cursor (arrow keys, clicks) follows it. */
  gtk_test_accessible_assert_property (heatmap, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Activity calendar, Wednesday, 18 November 2026: nothing studied");
  g_assert_cmpstr (gtk_label_get_label (PAGE_CHILD (page, "day_label")), ==, today);
  pyprep_heatmap_set_cursor (heatmap, last - 1);
  g_assert_cmpstr (gtk_label_get_label (PAGE_CHILD (page, "day_label")), ==, busiest);
  gtk_test_accessible_assert_property (heatmap, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Activity calendar, Tuesday, 17 November 2026: 5 questions studied");
  /* Days after today are not there to land on. */
  pyprep_heatmap_set_cursor (heatmap, last + 3);
  g_assert_cmpuint (pyprep_heatmap_get_cursor (heatmap), ==, last);
  g_assert_null (pyprep_heatmap_describe_day (heatmap, last + 1));

  /* The busiest day is the darkest, a quiet day paler, an empty one blank
   * (shades scale to the 90th percentile, here 2 questions). */
  g_assert_cmpuint (pyprep_heatmap_get_level (heatmap, last - 1), ==, 4);
  g_assert_cmpuint (pyprep_heatmap_get_level (heatmap, last - 6), ==, 2);
  g_assert_cmpuint (pyprep_heatmap_get_level (heatmap, last), ==, 0);

  gtk_window_destroy (window);
}

static void
test_forecast_described (void)
{
  g_autoptr(PyprepStudy) study = fixed_study ();
  GtkWindow *window;
  PyprepStatisticsPage *page = new_page (study, &window);
  PyprepBarChart *forecast = PAGE_CHILD (page, "forecast");

  g_assert_cmpstr (gtk_label_get_label (PAGE_CHILD (page, "due_today_label")), ==,
                   "2 reviews due today (1 overdue)");
  g_assert_cmpuint (pyprep_bar_chart_get_value (forecast, 0), ==, 2);
  g_assert_cmpuint (pyprep_bar_chart_get_value (forecast, 1), ==, 1);
  g_assert_cmpuint (pyprep_bar_chart_get_value (forecast, 7), ==, 0);
  gtk_test_accessible_assert_property (forecast, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Today: 2 reviews due; Thursday, 19 November: 1 review due; "
                                       "Friday, 20 November: 0 reviews due; Saturday, 21 November: 0 reviews due; "
                                       "Sunday, 22 November: 0 reviews due; Monday, 23 November: 0 reviews due; "
                                       "Tuesday, 24 November: 0 reviews due; Wednesday, 25 November: 0 reviews due");
  g_assert_cmpstr (gtk_label_get_label (PAGE_CHILD (page, "forecast_hint")), ==, "1 more in the next 7 days.");

  gtk_window_destroy (window);
}

static GtkListBox *
mastery_list (PyprepStatisticsPage *page)
{
  return child (PAGE_CHILD (page, "mastery_group"), PYPREP_TYPE_MASTERY_GROUP, "mastery_list");
}

static GtkWidget *
mastery_row (PyprepStatisticsPage *page,
             guint                 index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (mastery_list (page), (int)index);

  g_assert_nonnull (row);
  return GTK_WIDGET (row);
}

static void
test_mastery_follows_study (void)
{
  g_autoptr(PyprepStudy) study = fixed_study ();
  GtkWindow *window;
  PyprepStatisticsPage *page = new_page (study, &window);

  /* All topics first, then each topic in order. */
  g_assert_cmpstr (pyprep_figure_row_get_title (PYPREP_FIGURE_ROW (mastery_row (page, 0))), ==, "All topics");
  g_assert_cmpstr (pyprep_figure_row_get_title (PYPREP_FIGURE_ROW (mastery_row (page, 1))), ==, "Basics");
  g_assert_cmpstr (pyprep_figure_row_get_title (PYPREP_FIGURE_ROW (mastery_row (page, 2))), ==, "Advanced");
  g_assert_null (gtk_list_box_get_row_at_index (mastery_list (page), 3));
  g_assert_cmpstr (pyprep_figure_row_get_subtitle (PYPREP_FIGURE_ROW (mastery_row (page, 1))), ==,
                   "1 confident, 1 learning, 1 needs review, 0 read, 1 new");
  g_assert_cmpstr (pyprep_figure_row_get_subtitle (PYPREP_FIGURE_ROW (mastery_row (page, 0))), ==,
                   "1 confident, 1 learning, 1 needs review, 0 read, 2 new");

  /* Marking a question confident shows up without reopening the view. */
  pyprep_study_set_status (study, "q5", PYPREP_STATUS_CONFIDENT);
  iterate ();
  g_assert_cmpstr (pyprep_figure_row_get_subtitle (PYPREP_FIGURE_ROW (mastery_row (page, 2))), ==,
                   "1 confident, 0 learning, 0 need review, 0 read, 0 new");
  g_assert_cmpstr (pyprep_figure_row_get_subtitle (PYPREP_FIGURE_ROW (mastery_row (page, 0))), ==,
                   "2 confident, 1 learning, 1 needs review, 0 read, 1 new");

  /* A change while the window is hidden is there when it is shown
   * again. */
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  iterate ();
  pyprep_study_set_status (study, "q4", PYPREP_STATUS_CONFIDENT);
  iterate ();
  gtk_window_present (window);
  iterate ();
  g_assert_cmpstr (pyprep_figure_row_get_subtitle (PYPREP_FIGURE_ROW (mastery_row (page, 1))), ==,
                   "2 confident, 1 learning, 1 needs review, 0 read, 0 new");

  gtk_window_destroy (window);
}

static GtkWidget *
interview_row (PyprepStatisticsPage *page,
               guint                 index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (PAGE_CHILD (page, "interview_list"), (int)index);

  g_assert_nonnull (row);
  return GTK_WIDGET (row);
}

/* With an interview date ahead, the plan's state and the predicted
 * recall on the day per topic are shown, in words; without one, or with
 * one that is past or cannot be read, nothing is. */
static void
test_interview_plan (void)
{
  g_autoptr(PyprepStudy) study = fixed_study ();
  PyprepSettings *settings = test_settings ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 18, 12, 0, 0);
  g_autofree char *unreadable = NULL;
  GtkWindow *window;
  PyprepStatisticsPage *page = new_page (study, &window);
  AdwPreferencesGroup *group = PAGE_CHILD (page, "interview_group");

  pyprep_settings_set_interview_date (settings, "");
  pyprep_settings_set_daily_minutes (settings, 30);
  pyprep_statistics_page_set_settings (page, settings);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (group)));

  pyprep_settings_set_interview_date (settings, "2026-11-28");
  iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group)));
  g_assert_cmpstr (adw_preferences_group_get_title (group), ==, "Interview on Saturday 28 November");
  /* Three questions fall below 90% by the day, nothing essential is left
   * to start: one card a day is plenty. */
  g_assert_cmpstr (pyprep_figure_row_get_title (PYPREP_FIGURE_ROW (interview_row (page, 0))), ==, "On track");
  g_assert_cmpstr (pyprep_figure_row_get_subtitle (PYPREP_FIGURE_ROW (interview_row (page, 0))), ==,
                   "1 card a day needed at 60 s each: 3 questions to refresh and 0 essentials to start in "
                   "10 days. Minutes a day: 30.");
  g_assert_cmpstr (pyprep_figure_row_get_title (PYPREP_FIGURE_ROW (interview_row (page, 1))), ==, "Basics");
  g_assert_cmpstr (pyprep_figure_row_get_subtitle (PYPREP_FIGURE_ROW (interview_row (page, 1))), ==,
                   "Predicted recall on the day: 87% of the 3 practised, 65% of all 4");
  g_assert_cmpstr (pyprep_figure_row_get_subtitle (PYPREP_FIGURE_ROW (interview_row (page, 2))), ==,
                   "Predicted recall on the day: none of its 1 question practised");
  g_assert_null (gtk_list_box_get_row_at_index (PAGE_CHILD (page, "interview_list"), 3));

  /* The day after, practice and statistics are as usual. */
  pyprep_settings_set_interview_date (settings, "2026-11-17");
  iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (group)));

  /* A stored value that is not a date is reported and kept. */
  pyprep_settings_set_interview_date (settings, "next friday");
  iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (group)));
  g_assert_cmpstr (pyprep_settings_get_interview_date (settings), ==, "next friday");
  unreadable = pyprep_interview_describe_date ("next friday", now);
  g_assert_cmpstr (unreadable, ==, "The stored date “next friday” cannot be read and is ignored; choose a day to "
                   "replace it");

  pyprep_settings_set_interview_date (settings, "");
  gtk_window_destroy (window);
}

static void
test_empty_record (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(PyprepStudy) study = NULL;
  GtkWindow *window;
  PyprepStatisticsPage *page;

  g_settings_reset (settings, "activity");
  g_settings_reset (settings, "progress");
  study = pyprep_study_new (settings);
  page = new_page (study, &window);

  g_assert_cmpstr (gtk_label_get_label (PAGE_CHILD (page, "current_streak_label")), ==, "0 days");
  g_assert_cmpstr (gtk_label_get_label (PAGE_CHILD (page, "activity_summary")), ==,
                   "Nothing studied in the last 20 weeks.");
  g_assert_cmpstr (gtk_label_get_label (PAGE_CHILD (page, "due_today_label")), ==, "Nothing due today");
  g_assert_cmpstr (gtk_label_get_label (PAGE_CHILD (page, "forecast_hint")), ==,
                   "Reviews are scheduled when you grade your answers in a practice session.");

  /* Closing lets the page and its drawings go, and the study with them. */
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *)&page);
  gtk_window_destroy (window);
  iterate ();
  g_assert_null (page);
  g_assert_finalize_object (g_steal_pointer (&study));
}

/* Until the figures from the review log are in. */
static void
wait_for_log (PyprepStatisticsPage *page)
{
  while (pyprep_statistics_page_get_computing (page))
    g_main_context_iteration (NULL, TRUE);
  iterate ();
}

#define DAY_MS ((gint64)24 * 60 * 60 * 1000)
/* 2026-11-18 12:00 UTC, the page's fixed clock */
#define NOW_MS ((gint64)1795003200 * 1000)

static PyprepReviewEntry *
log_entry (PyprepReviewLog  *log,
           const char       *card,
           PyprepReviewKind  kind,
           int               rating,
           gint64            time)
{
  PyprepReviewEntry *entry = pyprep_review_entry_new ();

  entry->installation = g_strdup (pyprep_review_log_get_installation (log));
  entry->card = g_strdup (card);
  entry->kind = kind;
  entry->rating = rating;
  entry->time = time;
  if (kind == PYPREP_REVIEW_KIND_STATE)
    {
      entry->state.stability = 20;
      entry->state.difficulty = 5;
      entry->state.reps = 3;
      entry->state.phase = PYPREP_CARD_PHASE_REVIEW;
      entry->state.last_review = time / 1000;
      entry->state.due = time / 1000 + 20 * 86400;
    }
  return entry;
}

static void
remove_log_dir (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* A log with known grades: true retention and the forecast are shown in
 * words on the page and given in full to screen readers. */
static void
test_log_figures_described (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pyprep-statistics-page-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "review-log.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepReviewLog) log = pyprep_review_log_new (path, &error);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)pyprep_review_entry_free);
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(PyprepStudy) study = NULL;
  g_autoptr(PyprepLogStats) expected = NULL;
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *problem = NULL;
  PyprepSchedulerConfig config;
  PyprepStatisticsPage *page;
  GtkWindow *window;
  const char *summary;

  g_assert_no_error (error);

  /* Three cards in review since day -60; graded on days -50 (pass), -20
   * (pass), -10 (fail), -3 (pass); a new card's first grade, not counted. */
  g_ptr_array_add (entries, log_entry (log, "q1", PYPREP_REVIEW_KIND_STATE, 0, NOW_MS - 60 * DAY_MS));
  g_ptr_array_add (entries, log_entry (log, "q2", PYPREP_REVIEW_KIND_STATE, 0, NOW_MS - 60 * DAY_MS + 1));
  g_ptr_array_add (entries, log_entry (log, "q3", PYPREP_REVIEW_KIND_STATE, 0, NOW_MS - 60 * DAY_MS + 2));
  g_ptr_array_add (entries, log_entry (log, "q1", PYPREP_REVIEW_KIND_RECALL, 3, NOW_MS - 50 * DAY_MS));
  g_ptr_array_add (entries, log_entry (log, "q1", PYPREP_REVIEW_KIND_RECALL, 3, NOW_MS - 20 * DAY_MS));
  g_ptr_array_add (entries, log_entry (log, "q2", PYPREP_REVIEW_KIND_MOCK, 1, NOW_MS - 10 * DAY_MS));
  g_ptr_array_add (entries, log_entry (log, "q3", PYPREP_REVIEW_KIND_RECALL, 4, NOW_MS - 3 * DAY_MS));
  g_ptr_array_add (entries, log_entry (log, "q4", PYPREP_REVIEW_KIND_RECALL, 3, NOW_MS - 2 * DAY_MS));
  g_assert_true (pyprep_review_log_merge (log, entries, NULL, &error));
  g_assert_no_error (error);

  /* The record's states, as the forecast and Reviews Due see them: q1
   * overdue, q2 due tonight, q3 tomorrow. */
  study = fixed_study ();
  pyprep_study_set_review_log (study, log);
  page = new_page (study, &window);
  wait_for_log (page);

  g_assert_cmpstr (gtk_label_get_label (RETENTION_CHILD (page, "retention_headline")), ==,
                   "67% passed in the last 30 days");
  summary = "Last 30 days: 67% (2 of 3 reviews); last 90 days: 75% (3 of 4 reviews). Desired retention: 90%.";
  g_assert_cmpstr (gtk_label_get_label (RETENTION_CHILD (page, "retention_summary")), ==, summary);
  /* The chart's description opens with the same words, then each week;
   * this one with the two grades of the last seven days. */
  problem = gtk_test_accessible_check_property (RETENTION_CHILD (page, "retention_chart"),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "");
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, summary));
  g_assert_nonnull (strstr (problem, "week of 12 Nov: 100% (1 of 1 review)"));
  g_assert_nonnull (strstr (problem, "week of 5 Nov: 0% (0 of 1 review)"));
  g_assert_nonnull (strstr (problem, "week of 20 Aug: no reviews counted"));
  g_assert_cmpuint (pyprep_line_chart_get_n_series (RETENTION_CHILD (page, "retention_chart")), ==, 1);

  /* The forecast at 90%, then 95%, then 85%, as the worker worked it
   * out from the same log. */
  read = pyprep_review_log_read_all_sync (path, NULL, &error);
  g_assert_no_error (error);
  pyprep_study_get_scheduler_config (study, &config);
  config.due_count = NULL;
  states = pyprep_log_stats_collect_states (study, library);
  expected = pyprep_log_stats_compute (read, states, &config, utc, NOW_MS / 1000);
  g_assert_cmpuint (expected->n_cards, ==, 3);
  g_assert_cmpuint (expected->forecast[0][0], ==, 2);
  g_assert_cmpuint (expected->forecast[0][1], ==, 1);
  summary = gtk_label_get_label (WORKLOAD_CHILD (page, "workload_summary"));
  g_assert_true (g_str_has_prefix (summary, "At 90%: "));
  g_assert_nonnull (strstr (summary, " reviews a day on average; at 95%: "));
  g_assert_nonnull (strstr (summary, "; at 85%: "));
  g_clear_pointer (&problem, g_free);
  problem = gtk_test_accessible_check_property (WORKLOAD_CHILD (page, "workload_chart"),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "");
  g_assert_nonnull (strstr (problem, summary));
  g_string_append_printf (description, "Per day at 90%%: Today %u, 19 Nov %u,", expected->forecast[0][0],
                          expected->forecast[0][1]);
  g_assert_nonnull (strstr (problem, description->str));
  g_assert_cmpuint (pyprep_line_chart_get_n_series (WORKLOAD_CHILD (page, "workload_chart")), ==, 3);

  /* A higher desired retention moves the figures: 97% is shown with the
   * two below it. */
  pyprep_study_set_desired_retention (study, 0.97);
  pyprep_statistics_page_refresh (page);
  wait_for_log (page);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (WORKLOAD_CHILD (page, "workload_summary")), "At 97%: "));
  g_assert_nonnull (strstr (gtk_label_get_label (RETENTION_CHILD (page, "retention_summary")),
                            "Desired retention: 97%."));

  gtk_window_destroy (window);
  iterate ();
  g_clear_object (&study);
  g_clear_object (&log);
  remove_log_dir (dir);
}

/* Without a log, or with nothing in it, the groups say so. */
static void
test_log_figures_empty (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(PyprepStudy) study = NULL;
  PyprepStatisticsPage *page;
  GtkWindow *window;

  g_settings_reset (settings, "activity");
  g_settings_reset (settings, "progress");
  study = pyprep_study_new (settings);
  page = new_page (study, &window);
  wait_for_log (page);

  g_assert_cmpstr (gtk_label_get_label (RETENTION_CHILD (page, "retention_headline")), ==,
                   "No reviews of learnt cards in the last 30 days");
  g_assert_cmpstr (gtk_label_get_label (RETENTION_CHILD (page, "retention_summary")), ==,
                   "Last 30 days: no reviews counted; last 90 days: no reviews counted. Desired retention: 90%.");
  g_assert_cmpstr (gtk_label_get_label (WORKLOAD_CHILD (page, "workload_summary")), ==,
                   "No cards in review yet: the forecast starts with your first graded answers.");

  gtk_window_destroy (window);
}

static PyprepStatisticsWindow *
find_statistics_window (guint *count)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */
  PyprepStatisticsWindow *found = NULL;

  *count = 0;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (PYPREP_IS_STATISTICS_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          found = PYPREP_STATISTICS_WINDOW (window);
          (*count)++;
        }
    }

  return found;
}

static void
test_window_opens_statistics (void)
{
  g_autoptr(PyprepStudy) study = fixed_study ();
  PyprepWindow *window = pyprep_window_new_for_library (NULL, library, study, test_settings ());
  PyprepStatisticsWindow *statistics;
  guint count;

  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  g_assert_null (find_statistics_window (&count));

  /* The action behind the menu item and Ctrl+I opens one window... */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-statistics", NULL));
  iterate ();
  statistics = find_statistics_window (&count);
  g_assert_nonnull (statistics);
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (statistics)) == GTK_WINDOW (window));
  g_assert_true (pyprep_statistics_page_get_study (pyprep_statistics_window_get_page (statistics)) == study);

  /* ...and a second time raises the same one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-statistics", NULL));
  iterate ();
  g_assert_true (find_statistics_window (&count) == statistics);
  g_assert_cmpuint (count, ==, 1);

  /* It goes away with the main window. */
  g_object_add_weak_pointer (G_OBJECT (statistics), (gpointer *)&statistics);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_assert_null (statistics);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) basics = g_bytes_new_static (deck_basics, sizeof deck_basics - 1);
  g_autoptr(GBytes) advanced = g_bytes_new_static (deck_advanced, sizeof deck_advanced - 1);
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gtk_source_init ();

  library = pyprep_library_new ();
  g_assert_true (pyprep_library_load_bytes (library, "basics.md", basics));
  g_assert_true (pyprep_library_load_bytes (library, "advanced.md", advanced));

  g_test_add_func ("/pyprep/statistics-page/streaks", test_streaks_shown);
  g_test_add_func ("/pyprep/statistics-page/heatmap", test_heatmap_described);
  g_test_add_func ("/pyprep/statistics-page/forecast", test_forecast_described);
  g_test_add_func ("/pyprep/statistics-page/mastery", test_mastery_follows_study);
  g_test_add_func ("/pyprep/statistics-page/empty", test_empty_record);
  g_test_add_func ("/pyprep/statistics-page/log-figures", test_log_figures_described);
  g_test_add_func ("/pyprep/statistics-page/log-figures-empty", test_log_figures_empty);
  g_test_add_func ("/pyprep/statistics-page/interview-plan", test_interview_plan);
  g_test_add_func ("/pyprep/statistics-page/window", test_window_opens_statistics);

  status = g_test_run ();
  g_clear_object (&library);
  return status;
}
