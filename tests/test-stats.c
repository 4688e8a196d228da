/* test-stats.c: streaks, the activity grid, mastery and the review
 * forecast, on hand-made activity and progress with a fixed clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pyprep-stats.h"

/* One topic of six questions and one of two. */
static const char deck_one[] =
  "---\nid: basics\ntitle: Basics\norder: 1\n---\n\n"
  "# One?\nid: q1\ndifficulty: junior\n\nA.\n\n"
  "# Two?\nid: q2\ndifficulty: junior\n\nA.\n\n"
  "# Three?\nid: q3\ndifficulty: junior\n\nA.\n\n"
  "# Four?\nid: q4\ndifficulty: mid\n\nA.\n\n"
  "# Five?\nid: q5\ndifficulty: mid\n\nA.\n\n"
  "# Six?\nid: q6\ndifficulty: senior\n\nA.\n";
static const char deck_two[] =
  "---\nid: advanced\ntitle: Advanced\norder: 2\n---\n\n"
  "# Seven?\nid: q7\ndifficulty: senior\n\nA.\n\n"
  "# Eight?\nid: q8\ndifficulty: senior\n\nA.\n";

static GSettings *
fresh_settings (void)
{
  GSettings *settings = g_settings_new (APPLICATION_ID);

  g_settings_reset (settings, "progress");
  g_settings_reset (settings, "bookmarks");
  g_settings_reset (settings, "notes");
  g_settings_reset (settings, "activity");
  return settings;
}

/* @days: "YYYY-MM-DD=count" pairs, %NULL-terminated. */
static PyprepStudy *
study_with_activity (GSettings          *settings,
                     const char * const *days)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{su}"));
  for (guint i = 0; days[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (days[i], "=", 2);

      g_variant_builder_add (&builder, "{su}", parts[0], (guint32)g_ascii_strtoull (parts[1], NULL, 10));
    }
  g_settings_set_value (settings, "activity", g_variant_builder_end (&builder));

  return pyprep_study_new (settings);
}

static PyprepStats *
stats_at (PyprepStudy   *study,
          PyprepLibrary *library,
          int            year,
          int            month,
          int            day)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (year, month, day, 15, 30, 0);

  return pyprep_stats_new (study, library, now);
}

static void
check_streaks (const char * const *days,
               int                 year,
               int                 month,
               int                 day,
               guint               current,
               guint               longest)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(PyprepStudy) study = study_with_activity (settings, days);
  g_autoptr(PyprepStats) stats = stats_at (study, NULL, year, month, day);

  g_assert_cmpuint (pyprep_stats_get_current_streak (stats), ==, current);
  g_assert_cmpuint (pyprep_stats_get_longest_streak (stats), ==, longest);
}

static void
test_streak_gap (void)
{
  const char *days[] = {
    "2026-11-01=2", "2026-11-02=1", "2026-11-03=4", "2026-11-04=1", "2026-11-05=1",
    "2026-11-08=3", "2026-11-09=1", "2026-11-10=2", NULL
  };

  /* Five days, a gap of two, then three days up to today. */
  check_streaks (days, 2026, 11, 10, 3, 5);
  /* Back in the first run, the later days are still in the future. */
  check_streaks (days, 2026, 11, 3, 3, 5);
  /* In the gap: the first run ended yesterday... */
  check_streaks (days, 2026, 11, 6, 5, 5);
  /* ...and is broken once a whole day passed without activity. */
  check_streaks (days, 2026, 11, 7, 0, 5);
}

static void
test_streak_today_empty (void)
{
  const char *days[] = { "2026-11-08=1", "2026-11-09=5", NULL };

  /* Nothing yet today: yesterday's streak still counts. */
  check_streaks (days, 2026, 11, 10, 2, 2);
  check_streaks (days, 2026, 11, 11, 0, 2);
}

static void
test_streak_single_day (void)
{
  const char *days[] = { "2026-11-10=1", NULL };
  const char *none[] = { NULL };

  check_streaks (days, 2026, 11, 10, 1, 1);
  check_streaks (days, 2026, 11, 11, 1, 1);
  check_streaks (days, 2026, 11, 12, 0, 1);
  check_streaks (none, 2026, 11, 12, 0, 0);
}

static void
test_streak_boundaries (void)
{
  const char *new_year[] = { "2025-12-30=1", "2025-12-31=2", "2026-01-01=1", "2026-01-02=1", NULL };
  const char *february[] = { "2026-02-27=1", "2026-02-28=1", "2026-03-01=1", NULL };
  const char *leap[] = { "2024-02-28=1", "2024-03-01=1", NULL };
  const char *leap_full[] = { "2024-02-28=1", "2024-02-29=1", "2024-03-01=1", NULL };

  check_streaks (new_year, 2026, 1, 2, 4, 4);
  check_streaks (february, 2026, 3, 1, 3, 3);
  /* 2024 had a 29 February, so skipping it breaks the run. */
  check_streaks (leap, 2024, 3, 1, 1, 1);
  check_streaks (leap_full, 2024, 3, 1, 3, 3);
}

static void
test_bad_activity_ignored (void)
{
  const char *days[] = {
    "2026-11-07=1", "2026-11-08=0", "2026-11-09=2", "2026-11-10=1",
    "2026-13-01=9", "2026-02-30=9", "yesterday=9", "2026-11-6=9", "2026-11-06 =9", "=9",
    NULL
  };
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(PyprepStudy) study = study_with_activity (settings, days);
  g_autoptr(PyprepStats) stats = stats_at (study, NULL, 2026, 11, 10);

  /* A day with a count of zero is not active, so the run starts on the 9th;
   * keys that are not days add nothing anywhere. */
  g_assert_cmpuint (pyprep_stats_get_current_streak (stats), ==, 2);
  g_assert_cmpuint (pyprep_stats_get_longest_streak (stats), ==, 2);
  g_assert_cmpuint (pyprep_stats_get_grid_total (stats), ==, 4);
  g_assert_cmpuint (pyprep_stats_get_grid_active_days (stats), ==, 3);
}

static void
test_grid_placement (void)
{
  const char *days[] = {
    "2026-06-01=50",  /* before the grid */
    "2026-07-06=2",   /* the Monday that starts the grid */
    "2026-09-15=7",   /* the busiest day */
    "2026-11-18=3",   /* today, a Wednesday */
    "2026-11-19=4",   /* tomorrow: in the future, not in the grid */
    NULL
  };
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(PyprepStudy) study = study_with_activity (settings, days);
  g_autoptr(PyprepStats) stats = stats_at (study, NULL, 2026, 11, 18);
  const GDate *start = pyprep_stats_get_grid_start (stats);
  GDate busiest, expected;
  guint index;

  /* 19 full weeks, then Monday to Wednesday of this week. */
  g_assert_cmpuint (pyprep_stats_get_grid_n_days (stats), ==, 19 * 7 + 3);
  g_assert_cmpint (g_date_get_weekday (start), ==, G_DATE_MONDAY);
  g_assert_cmpint (g_date_get_day (start), ==, 6);
  g_assert_cmpint (g_date_get_month (start), ==, G_DATE_JULY);
  g_assert_cmpint (g_date_get_year (start), ==, 2026);

  g_assert_cmpuint (pyprep_stats_get_grid_count (stats, 0), ==, 2);
  g_assert_cmpuint (pyprep_stats_get_grid_count (stats, 19 * 7 + 2), ==, 3);
  g_assert_cmpuint (pyprep_stats_get_grid_count (stats, 19 * 7 + 3), ==, 0);

  g_date_clear (&expected, 1);
  g_date_set_dmy (&expected, 15, G_DATE_SEPTEMBER, 2026);
  index = (guint)g_date_days_between (start, &expected);
  g_assert_cmpuint (index, ==, 71);  /* week 10, Tuesday */
  g_assert_cmpuint (pyprep_stats_get_grid_count (stats, index), ==, 7);

  g_assert_cmpuint (pyprep_stats_get_grid_total (stats), ==, 12);
  g_assert_cmpuint (pyprep_stats_get_grid_active_days (stats), ==, 3);
  g_assert_cmpuint (pyprep_stats_get_grid_max (stats, &busiest), ==, 7);
  g_assert_cmpint (g_date_compare (&busiest, &expected), ==, 0);
}

static void
test_grid_sunday (void)
{
  const char *days[] = { "2026-11-22=1", NULL };
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(PyprepStudy) study = study_with_activity (settings, days);
  g_autoptr(PyprepStats) stats = stats_at (study, NULL, 2026, 11, 22);
  GDate busiest;

  /* On a Sunday the grid is 20 full weeks. */
  g_assert_cmpuint (pyprep_stats_get_grid_n_days (stats), ==, PYPREP_STATS_GRID_DAYS);
  g_assert_cmpint (g_date_get_weekday (pyprep_stats_get_grid_start (stats)), ==, G_DATE_MONDAY);
  g_assert_cmpuint (pyprep_stats_get_grid_count (stats, PYPREP_STATS_GRID_DAYS - 1), ==, 1);

  /* An empty grid has no busiest day. */
  g_settings_reset (settings, "activity");
  {
    g_autoptr(PyprepStudy) empty = pyprep_study_new (settings);
    g_autoptr(PyprepStats) none = stats_at (empty, NULL, 2026, 11, 22);

    g_assert_cmpuint (pyprep_stats_get_grid_max (none, &busiest), ==, 0);
    g_assert_false (g_date_valid (&busiest));
  }
}

static PyprepLibrary *
make_library (void)
{
  PyprepLibrary *library = pyprep_library_new ();
  g_autoptr(GBytes) one = g_bytes_new_static (deck_one, sizeof deck_one - 1);
  g_autoptr(GBytes) two = g_bytes_new_static (deck_two, sizeof deck_two - 1);

  g_assert_true (pyprep_library_load_bytes (library, "basics.md", one));
  g_assert_true (pyprep_library_load_bytes (library, "advanced.md", two));
  return library;
}

/* A progress entry as practice sessions store it: the whole review state
 * when @due is given, last reviewed two days before a valid due time. */
static GVariant *
entry (const char *status,
       GVariant   *due)
{
  GVariantBuilder builder;
  gint64 last_review = 1700000000;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sv}"));
  g_variant_builder_add (&builder, "{sv}", "status", g_variant_new_string (status));
  if (due != NULL)
    {
      g_variant_ref_sink (due);
      if (g_variant_is_of_type (due, G_VARIANT_TYPE_INT64) && g_variant_get_int64 (due) > 2 * 86400)
        last_review = g_variant_get_int64 (due) - 2 * 86400;
      g_variant_builder_add (&builder, "{sv}", "due", due);
      g_variant_builder_add (&builder, "{sv}", "stability", g_variant_new_double (10.0));
      g_variant_builder_add (&builder, "{sv}", "difficulty", g_variant_new_double (5.0));
      g_variant_builder_add (&builder, "{sv}", "reps", g_variant_new_uint32 (3));
      g_variant_builder_add (&builder, "{sv}", "lapses", g_variant_new_uint32 (0));
      g_variant_builder_add (&builder, "{sv}", "last-review", g_variant_new_int64 (last_review));
      g_variant_builder_add (&builder, "{sv}", "grades", g_variant_new_string ("334"));
      g_variant_unref (due);
    }
  return g_variant_builder_end (&builder);
}

static gint64
utc (int month,
     int day,
     int hour)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (2026, month, day, hour, 0, 0);

  return g_date_time_to_unix (dt);
}

static PyprepStudy *
study_with_progress (GSettings *settings)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sa{sv}}"));
  /* Today is 18 November 2026. */
  g_variant_builder_add (&builder, "{s@a{sv}}", "q1", entry ("needs-review", g_variant_new_int64 (utc (11, 10, 8))));
  g_variant_builder_add (&builder, "{s@a{sv}}", "q2", entry ("read", g_variant_new_int64 (utc (11, 18, 23))));
  g_variant_builder_add (&builder, "{s@a{sv}}", "q3", entry ("confident", g_variant_new_int64 (utc (11, 19, 1))));
  g_variant_builder_add (&builder, "{s@a{sv}}", "q4", entry ("confident", g_variant_new_int64 (utc (11, 25, 12))));
  g_variant_builder_add (&builder, "{s@a{sv}}", "q5", entry ("read", g_variant_new_int64 (utc (11, 26, 12))));
  g_variant_builder_add (&builder, "{s@a{sv}}", "q6", entry ("read", NULL));
  g_variant_builder_add (&builder, "{s@a{sv}}", "q7", entry ("needs-review", g_variant_new_string ("tomorrow")));
  g_variant_builder_add (&builder, "{s@a{sv}}", "q8", entry ("confident", g_variant_new_int64 (-5)));
  /* A question no deck has any more is not counted. */
  g_variant_builder_add (&builder, "{s@a{sv}}", "gone", entry ("read", g_variant_new_int64 (utc (11, 18, 9))));
  g_settings_set_value (settings, "progress", g_variant_builder_end (&builder));

  g_test_expect_message ("pyprep-study", G_LOG_LEVEL_WARNING, "*“q7”*");
  g_test_expect_message ("pyprep-study", G_LOG_LEVEL_WARNING, "*“q8”*");
  {
    PyprepStudy *study = pyprep_study_new (settings);
    g_test_assert_expected_messages ();
    return study;
  }
}

static void
test_due_counts (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(PyprepLibrary) library = make_library ();
  g_autoptr(PyprepStudy) study = study_with_progress (settings);
  g_autoptr(PyprepStats) stats = stats_at (study, library, 2026, 11, 18);
  gint64 due;

  /* q1 is overdue, q2 due later today. */
  g_assert_cmpuint (pyprep_stats_get_due_today (stats), ==, 2);
  g_assert_cmpuint (pyprep_stats_get_overdue (stats), ==, 1);
  g_assert_cmpuint (pyprep_stats_get_due_on (stats, 0), ==, 2);
  g_assert_cmpuint (pyprep_stats_get_due_on (stats, 1), ==, 1);
  for (guint day = 2; day < 7; day++)
    g_assert_cmpuint (pyprep_stats_get_due_on (stats, day), ==, 0);
  /* q4 in seven days is the last in the forecast; q5 in eight is not. */
  g_assert_cmpuint (pyprep_stats_get_due_on (stats, 7), ==, 1);

  /* No "due", a string, or a negative time: not scheduled. */
  g_assert_false (pyprep_study_get_due (study, "q6", NULL));
  g_assert_false (pyprep_study_get_due (study, "q7", NULL));
  g_assert_false (pyprep_study_get_due (study, "q8", NULL));
  g_assert_true (pyprep_study_get_due (study, "q5", &due));
  g_assert_cmpint (due, ==, utc (11, 26, 12));

  /* Resetting a question's progress forgets its schedule. */
  pyprep_study_reset_progress (study, (const char *[]) { "q5", NULL });
  g_assert_false (pyprep_study_get_due (study, "q5", NULL));
}

static void
test_due_time_zone (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(PyprepLibrary) library = make_library ();
  g_autoptr(PyprepStudy) study = study_with_progress (settings);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (2 * 3600);
  g_autoptr(GDateTime) now = g_date_time_new (zone, 2026, 11, 18, 12, 0, 0);
  g_autoptr(PyprepStats) stats = pyprep_stats_new (study, library, now);

  /* 23:00 UTC is already tomorrow two hours east of Greenwich. */
  g_assert_cmpuint (pyprep_stats_get_due_today (stats), ==, 1);
  g_assert_cmpuint (pyprep_stats_get_due_on (stats, 1), ==, 2);
}

static void
test_mastery (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(PyprepLibrary) library = make_library ();
  g_autoptr(PyprepStudy) study = study_with_progress (settings);
  g_autoptr(PyprepStats) stats = stats_at (study, library, 2026, 11, 18);
  const PyprepTopicMastery *basics, *advanced, *all;

  g_assert_cmpuint (pyprep_stats_get_n_topics (stats), ==, 2);
  basics = pyprep_stats_get_topic (stats, 0);
  advanced = pyprep_stats_get_topic (stats, 1);
  all = pyprep_stats_get_overall (stats);

  g_assert_cmpstr (basics->title, ==, "Basics");
  g_assert_cmpuint (basics->total, ==, 6);
  g_assert_cmpuint (basics->counts[PYPREP_STATUS_NEW], ==, 0);
  /* Practised: q1 was marked by hand after its reviews and keeps that; q2
   * and q5 were marked read by hand and read as learning; q3 and q4 follow
   * the schedule (stable for 10 days, not due on the 18th). q6 was only
   * opened. */
  g_assert_cmpuint (basics->counts[PYPREP_STATUS_READ], ==, 1);
  g_assert_cmpuint (basics->counts[PYPREP_STATUS_LEARNING], ==, 2);
  g_assert_cmpuint (basics->counts[PYPREP_STATUS_NEEDS_REVIEW], ==, 1);
  g_assert_cmpuint (basics->counts[PYPREP_STATUS_CONFIDENT], ==, 2);

  g_assert_cmpstr (advanced->topic_id, ==, "advanced");
  g_assert_cmpuint (advanced->counts[PYPREP_STATUS_NEEDS_REVIEW], ==, 1);
  g_assert_cmpuint (advanced->counts[PYPREP_STATUS_CONFIDENT], ==, 1);

  /* The question outside the decks is not in the totals. */
  g_assert_cmpuint (all->total, ==, 8);
  g_assert_cmpuint (all->counts[PYPREP_STATUS_READ], ==, 1);
  g_assert_cmpuint (all->counts[PYPREP_STATUS_LEARNING], ==, 2);
  g_assert_cmpuint (all->counts[PYPREP_STATUS_CONFIDENT], ==, 3);

  /* Six days later q3 is due: the same question is learning again. */
  {
    g_autoptr(PyprepStats) later = stats_at (study, library, 2026, 11, 24);

    g_assert_cmpuint (pyprep_stats_get_topic (later, 0)->counts[PYPREP_STATUS_CONFIDENT], ==, 1);
    g_assert_cmpuint (pyprep_stats_get_topic (later, 0)->counts[PYPREP_STATUS_LEARNING], ==, 3);
  }

  /* A question the user has never opened is new. */
  pyprep_study_reset_progress (study, (const char *[]) { "q7", NULL });
  {
    g_autoptr(PyprepStats) after = stats_at (study, library, 2026, 11, 18);

    g_assert_cmpuint (pyprep_stats_get_topic (after, 1)->counts[PYPREP_STATUS_NEW], ==, 1);
    g_assert_cmpuint (pyprep_stats_get_topic (after, 1)->counts[PYPREP_STATUS_NEEDS_REVIEW], ==, 0);
  }
}

static void
test_parse_day (void)
{
  GDate date;

  g_assert_true (pyprep_stats_parse_day ("2024-02-29", &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 29);
  g_assert_false (pyprep_stats_parse_day ("2026-02-29", &date));
  g_assert_false (pyprep_stats_parse_day ("0000-01-01", &date));
  g_assert_false (pyprep_stats_parse_day ("2026-1-01", &date));
  g_assert_false (pyprep_stats_parse_day ("2026-01-01x", &date));
  g_assert_false (pyprep_stats_parse_day ("2026/01/01", &date));
  g_assert_false (pyprep_stats_parse_day ("", &date));
  g_assert_false (pyprep_stats_parse_day (NULL, &date));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/stats/streak-gap", test_streak_gap);
  g_test_add_func ("/pyprep/stats/streak-today-empty", test_streak_today_empty);
  g_test_add_func ("/pyprep/stats/streak-single-day", test_streak_single_day);
  g_test_add_func ("/pyprep/stats/streak-boundaries", test_streak_boundaries);
  g_test_add_func ("/pyprep/stats/bad-activity-ignored", test_bad_activity_ignored);
  g_test_add_func ("/pyprep/stats/grid-placement", test_grid_placement);
  g_test_add_func ("/pyprep/stats/grid-sunday", test_grid_sunday);
  g_test_add_func ("/pyprep/stats/due-counts", test_due_counts);
  g_test_add_func ("/pyprep/stats/due-time-zone", test_due_time_zone);
  g_test_add_func ("/pyprep/stats/mastery", test_mastery);
  g_test_add_func ("/pyprep/stats/parse-day", test_parse_day);

  return g_test_run ();
}
