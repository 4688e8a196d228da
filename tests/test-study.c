/* test-study.c: the study record and its storage in GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pyprep-study.h"

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

static GDateTime *
at (int day,
    int hour)
{
  return g_date_time_new_utc (2026, 11, day, hour, 0, 0);
}

static void
test_status_transitions (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(PyprepStudy) study = pyprep_study_new (settings);
  g_autoptr(GDateTime) monday = at (23, 9);
  g_autoptr(GDateTime) tuesday = at (24, 9);

  g_assert_cmpint (pyprep_study_get_status (study, "gil"), ==, PYPREP_STATUS_NEW);

  /* Opening a new question makes it read, and counts. */
  pyprep_study_mark_opened (study, "gil", monday);
  g_assert_cmpint (pyprep_study_get_status (study, "gil"), ==, PYPREP_STATUS_READ);
  g_assert_cmpuint (pyprep_study_get_times_opened (study, "gil"), ==, 1);

  /* A status the user chose survives being opened again. */
  pyprep_study_set_status (study, "gil", PYPREP_STATUS_NEEDS_REVIEW);
  pyprep_study_mark_opened (study, "gil", tuesday);
  g_assert_cmpint (pyprep_study_get_status (study, "gil"), ==, PYPREP_STATUS_NEEDS_REVIEW);
  g_assert_cmpuint (pyprep_study_get_times_opened (study, "gil"), ==, 2);
  g_assert_true (pyprep_study_is_weak (study, "gil"));

  pyprep_study_set_status (study, "gil", PYPREP_STATUS_CONFIDENT);
  g_assert_false (pyprep_study_is_weak (study, "gil"));

  /* Daily activity. */
  pyprep_study_mark_opened (study, "asyncio", tuesday);
  g_assert_cmpuint (pyprep_study_get_activity (study, "2026-11-23"), ==, 1);
  g_assert_cmpuint (pyprep_study_get_activity (study, "2026-11-24"), ==, 2);
  g_assert_cmpuint (pyprep_study_get_activity (study, "2026-11-25"), ==, 0);
}

static void
test_survives_reload (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(PyprepStudy) first = pyprep_study_new (settings);
  g_autoptr(PyprepStudy) second = NULL;
  g_autoptr(GDateTime) now = at (22, 12);

  pyprep_study_set_bookmarked (first, "mro", TRUE);
  pyprep_study_set_status (first, "gil", PYPREP_STATUS_NEEDS_REVIEW);
  pyprep_study_mark_opened (first, "slots", now);
  pyprep_study_set_note (first, "slots", "Ask about __weakref__ & <dict>");
  pyprep_study_set_status (first, "mro", PYPREP_STATUS_CONFIDENT);

  /* A new settings object sees only what reached the backend, as the
   * next run of the app would. */
  g_clear_object (&settings);
  settings = g_settings_new (APPLICATION_ID);
  second = pyprep_study_new (settings);
  g_assert_true (pyprep_study_get_bookmarked (second, "mro"));
  g_assert_false (pyprep_study_get_bookmarked (second, "gil"));
  g_assert_cmpint (pyprep_study_get_status (second, "gil"), ==, PYPREP_STATUS_NEEDS_REVIEW);
  g_assert_cmpint (pyprep_study_get_status (second, "slots"), ==, PYPREP_STATUS_READ);
  g_assert_cmpstr (pyprep_study_get_note (second, "slots"), ==, "Ask about __weakref__ & <dict>");
  g_assert_cmpint (pyprep_study_get_status (second, "mro"), ==, PYPREP_STATUS_CONFIDENT);
  g_assert_cmpuint (pyprep_study_get_activity (second, "2026-11-22"), ==, 1);

  /* Clearing a note and a bookmark is stored too. */
  pyprep_study_set_note (second, "slots", "");
  pyprep_study_set_bookmarked (second, "mro", FALSE);
  {
    g_autoptr(GSettings) fresh = g_settings_new (APPLICATION_ID);
    g_autoptr(PyprepStudy) third = pyprep_study_new (fresh);

    g_assert_null (pyprep_study_get_note (third, "slots"));
    g_assert_false (pyprep_study_get_bookmarked (third, "mro"));
  }
}

/* State for questions no deck knows is kept, not pruned. */
static void
test_unknown_ids_kept (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(PyprepStudy) study = NULL;
  g_autoptr(GVariant) stored = NULL;
  g_autoptr(GVariant) entry = NULL;

  g_settings_set_value (settings, "progress",
                        g_variant_new_parsed ("{'retired-question': {'status': <'confident'>, "
                                              "'first-seen': <int64 100>, 'last-seen': <int64 200>, "
                                              "'opened': <uint32 3>}}"));
  study = pyprep_study_new (settings);
  pyprep_study_set_status (study, "gil", PYPREP_STATUS_READ);

  stored = g_settings_get_value (settings, "progress");
  entry = g_variant_lookup_value (stored, "retired-question", NULL);
  g_assert_nonnull (entry);
  g_assert_cmpuint (pyprep_study_get_n_entries (study), ==, 2);
  g_assert_cmpint (pyprep_study_get_status (study, "retired-question"), ==, PYPREP_STATUS_CONFIDENT);
  g_assert_cmpuint (pyprep_study_get_times_opened (study, "retired-question"), ==, 3);
}

/* A stored entry that makes no sense is skipped; the rest loads. */
static void
test_malformed_entries_skipped (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(PyprepStudy) study = NULL;

  g_settings_set_value (settings, "progress",
                        g_variant_new_parsed ("{'good': {'status': <'needs-review'>}, "
                                              "'bad-type': {'status': <42>}, "
                                              "'bad-status': {'status': <'mastered'>}, "
                                              "'bad-dates': {'first-seen': <int64 500>, 'last-seen': <int64 100>}}"));

  g_test_expect_message ("pyprep-study", G_LOG_LEVEL_WARNING, "*bad-type*wrong type*");
  g_test_expect_message ("pyprep-study", G_LOG_LEVEL_WARNING, "*bad-status*mastered*");
  g_test_expect_message ("pyprep-study", G_LOG_LEVEL_WARNING, "*bad-dates*");
  study = pyprep_study_new (settings);
  g_test_assert_expected_messages ();

  g_assert_cmpint (pyprep_study_get_status (study, "good"), ==, PYPREP_STATUS_NEEDS_REVIEW);
  g_assert_cmpint (pyprep_study_get_status (study, "bad-status"), ==, PYPREP_STATUS_NEW);
  g_assert_cmpuint (pyprep_study_get_n_entries (study), ==, 1);
}

static void
count_cb (PyprepStudy *study,
          const char  *id,
          guint       *count)
{
  (*count)++;
}

/* Observers hear about changes, per question, and only real ones. */
static void
test_changed_signal (void)
{
  g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);
  guint all = 0, gil = 0;

  g_signal_connect (study, "changed", G_CALLBACK (count_cb), &all);
  g_signal_connect (study, "changed::gil", G_CALLBACK (count_cb), &gil);

  pyprep_study_set_bookmarked (study, "gil", TRUE);
  pyprep_study_set_bookmarked (study, "gil", TRUE);
  pyprep_study_set_status (study, "mro", PYPREP_STATUS_CONFIDENT);
  g_assert_cmpuint (all, ==, 2);
  g_assert_cmpuint (gil, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/study/status-transitions", test_status_transitions);
  g_test_add_func ("/pyprep/study/survives-reload", test_survives_reload);
  g_test_add_func ("/pyprep/study/unknown-ids-kept", test_unknown_ids_kept);
  g_test_add_func ("/pyprep/study/malformed-entries-skipped", test_malformed_entries_skipped);
  g_test_add_func ("/pyprep/study/changed-signal", test_changed_signal);

  return g_test_run ();
}
