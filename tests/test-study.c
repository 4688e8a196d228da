/* test-study.c: the study record and its storage in GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <utime.h>

#include <stdio.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "pyprep-backups.h"
#include "pyprep-drafts.h"
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

  /* With the preference off, opening counts but leaves the status. */
  pyprep_study_set_mark_read_on_open (study, FALSE);
  pyprep_study_mark_opened (study, "unread", monday);
  g_assert_cmpint (pyprep_study_get_status (study, "unread"), ==, PYPREP_STATUS_NEW);
  g_assert_cmpuint (pyprep_study_get_times_opened (study, "unread"), ==, 1);
  pyprep_study_set_mark_read_on_open (study, TRUE);

  /* Daily activity. */
  pyprep_study_mark_opened (study, "asyncio", tuesday);
  g_assert_cmpuint (pyprep_study_get_activity (study, "2026-11-23"), ==, 2);
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

static PyprepStudy *
sample_study (void)
{
  PyprepStudy *study = pyprep_study_new (NULL);
  g_autoptr(GDateTime) monday = at (23, 9);
  g_autoptr(GDateTime) tuesday = at (24, 18);

  pyprep_study_mark_opened (study, "gil", monday);
  pyprep_study_mark_opened (study, "gil", tuesday);
  pyprep_study_set_status (study, "gil", PYPREP_STATUS_NEEDS_REVIEW);
  pyprep_study_set_bookmarked (study, "mro", TRUE);
  pyprep_study_set_note (study, "mro", "C3: \"merge\" rule — ünïcode & <tags>\nline two");
  pyprep_study_mark_opened (study, "slots", tuesday);
  pyprep_study_set_status (study, "slots", PYPREP_STATUS_CONFIDENT);
  pyprep_study_record_review (study, "slots", PYPREP_GRADE_GOOD, tuesday);
  return study;
}

/* An export read back into an empty record gives the same export. */
static void
test_json_round_trip (void)
{
  g_autoptr(PyprepStudy) study = sample_study ();
  g_autoptr(PyprepStudy) copy = pyprep_study_new (NULL);
  g_autoptr(GDateTime) now = at (25, 8);
  g_autofree char *exported = pyprep_study_export_json (study, now);
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (strstr (exported, "\"version\" : 4"));
  g_assert_nonnull (strstr (exported, "\"grades\" : \"3\""));
  g_assert_true (pyprep_study_import_json (copy, exported, strlen (exported), PYPREP_IMPORT_REPLACE, &error));
  g_assert_no_error (error);
  again = pyprep_study_export_json (copy, now);
  g_assert_cmpstr (again, ==, exported);
  g_assert_cmpint (pyprep_study_get_status (copy, "gil"), ==, PYPREP_STATUS_NEEDS_REVIEW);
  g_assert_cmpuint (pyprep_study_get_times_opened (copy, "gil"), ==, 2);
  g_assert_true (pyprep_study_get_bookmarked (copy, "mro"));
  g_assert_cmpuint (pyprep_study_get_activity (copy, "2026-11-24"), ==, 3);
  {
    PyprepReviewState a, b;

    g_assert_true (pyprep_study_get_review (study, "slots", &a));
    g_assert_true (pyprep_study_get_review (copy, "slots", &b));
    g_assert_cmpint (a.due, ==, b.due);
    g_assert_cmpfloat (a.stability, ==, b.stability);
    g_assert_cmpfloat (a.difficulty, ==, b.difficulty);
    g_assert_cmpint (a.phase, ==, b.phase);
    g_assert_cmpuint (a.step, ==, b.step);
    g_assert_cmpint (b.phase, ==, PYPREP_CARD_PHASE_LEARNING);
    g_assert_nonnull (strstr (exported, "\"phase\" : \"learning\""));
    g_assert_cmpstr (pyprep_study_get_grades (copy, "slots"), ==, "3");
    g_assert_false (pyprep_study_get_review (copy, "gil", &b));
  }
}

/* A file written before practice existed (version 1, no reviews) still
 * imports. */
static void
test_json_version_1 (void)
{
  static const char old[] =
    "{ \"format\": \"pyprep-study\", \"version\": 1, \"exported\": \"2026-11-01T00:00:00Z\",\n"
    "  \"questions\": { \"gil\": { \"status\": \"confident\", \"bookmarked\": true,\n"
    "    \"first-seen\": 100, \"last-seen\": 200, \"opened\": 2, \"note\": \"\" } },\n"
    "  \"activity\": { \"2026-11-01\": 2 } }";
  g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);
  g_autoptr(GError) error = NULL;
  PyprepReviewState review;

  g_assert_true (pyprep_study_import_json (study, old, strlen (old), PYPREP_IMPORT_REPLACE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pyprep_study_get_status (study, "gil"), ==, PYPREP_STATUS_CONFIDENT);
  g_assert_true (pyprep_study_get_bookmarked (study, "gil"));
  g_assert_false (pyprep_study_get_review (study, "gil", &review));
}

/* Statuses follow the schedule as the help defines them, and the
 * scheduler's state and the grade history are kept across a restart. */
#define STATUS_AT(study, id, when) pyprep_study_get_status_at ((study), (id), g_date_time_to_unix (when))

static void
test_review_rules (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(PyprepStudy) study = pyprep_study_new (settings);
  g_autoptr(PyprepStudy) reloaded = NULL;
  g_autoptr(GDateTime) monday = at (23, 9);
  g_autoptr(GDateTime) thursday = at (26, 9);
  g_autoptr(GDateTime) later = at (30, 9);
  PyprepReviewState review;

  /* A first pass: learning, not merely read, and its next learning step
   * is ten minutes away. */
  pyprep_study_record_review (study, "gil", PYPREP_GRADE_GOOD, monday);
  g_assert_cmpint (STATUS_AT (study, "gil", monday), ==, PYPREP_STATUS_LEARNING);
  g_assert_true (pyprep_study_get_review (study, "gil", &review));
  g_assert_cmpint (review.due, ==, g_date_time_to_unix (monday) + 10 * 60);
  g_assert_cmpint (review.phase, ==, PYPREP_CARD_PHASE_LEARNING);
  g_assert_cmpuint (review.step, ==, 1);
  g_assert_cmpuint (pyprep_study_get_activity (study, "2026-11-23"), ==, 1);

  /* Passed again and stable for over a week: confident, until it is due. */
  pyprep_study_record_review (study, "gil", PYPREP_GRADE_EASY, thursday);
  pyprep_study_get_review (study, "gil", &review);
  g_assert_cmpfloat (review.stability, >=, 7.0);
  g_assert_cmpint (STATUS_AT (study, "gil", thursday), ==, PYPREP_STATUS_CONFIDENT);
  g_assert_cmpint (pyprep_study_get_status_at (study, "gil", review.due - 1), ==, PYPREP_STATUS_CONFIDENT);
  g_assert_cmpint (pyprep_study_get_status_at (study, "gil", review.due), ==, PYPREP_STATUS_LEARNING);

  /* Again: needs review, until a pass. */
  pyprep_study_record_review (study, "gil", PYPREP_GRADE_AGAIN, later);
  g_assert_cmpint (STATUS_AT (study, "gil", later), ==, PYPREP_STATUS_NEEDS_REVIEW);
  g_assert_true (pyprep_study_is_weak (study, "gil"));
  pyprep_study_record_review (study, "gil", PYPREP_GRADE_GOOD, later);
  g_assert_cmpint (STATUS_AT (study, "gil", later), ==, PYPREP_STATUS_LEARNING);
  g_assert_cmpstr (pyprep_study_get_grades (study, "gil"), ==, "3413");

  /* What a candidate saw: Again then Good is not confident, and a card
   * passed the first time is not left as merely read. */
  pyprep_study_record_review (study, "mro", PYPREP_GRADE_AGAIN, monday);
  pyprep_study_record_review (study, "mro", PYPREP_GRADE_GOOD, monday);
  g_assert_cmpint (STATUS_AT (study, "mro", monday), ==, PYPREP_STATUS_LEARNING);
  g_assert_cmpint (STATUS_AT (study, "mro", monday), ==, STATUS_AT (study, "gil", later));

  /* Set by hand after the last review, a status holds until the next one. */
  pyprep_study_set_status (study, "mro", PYPREP_STATUS_CONFIDENT);
  g_assert_cmpint (STATUS_AT (study, "mro", later), ==, PYPREP_STATUS_CONFIDENT);
  pyprep_study_set_status (study, "mro", PYPREP_STATUS_READ);
  g_assert_cmpint (STATUS_AT (study, "mro", later), ==, PYPREP_STATUS_LEARNING);
  pyprep_study_set_status (study, "mro", PYPREP_STATUS_NEEDS_REVIEW);
  g_assert_cmpint (STATUS_AT (study, "mro", later), ==, PYPREP_STATUS_NEEDS_REVIEW);

  /* Only the last 64 grades are kept. */
  for (guint i = 0; i < 70; i++)
    pyprep_study_record_review (study, "mro", i % 2 ? PYPREP_GRADE_GOOD : PYPREP_GRADE_AGAIN, later);
  g_assert_cmpuint (strlen (pyprep_study_get_grades (study, "mro")), ==, 64);
  g_assert_cmpint (pyprep_study_get_grades (study, "mro")[63], ==, '3');

  pyprep_study_get_review (study, "gil", &review);
  g_clear_object (&settings);
  settings = g_settings_new (APPLICATION_ID);
  reloaded = pyprep_study_new (settings);
  {
    PyprepReviewState stored;

    g_assert_true (pyprep_study_get_review (reloaded, "gil", &stored));
    g_assert_cmpint (stored.due, ==, review.due);
    g_assert_cmpint (stored.last_review, ==, review.last_review);
    g_assert_cmpfloat (stored.stability, ==, review.stability);
    g_assert_cmpfloat (stored.difficulty, ==, review.difficulty);
    g_assert_cmpuint (stored.reps, ==, 4);
    g_assert_cmpuint (stored.lapses, ==, 1);  /* Again in review, after Easy graduated it */
    g_assert_cmpint (stored.phase, ==, review.phase);
    g_assert_cmpuint (stored.step, ==, review.step);
    g_assert_cmpstr (pyprep_study_get_grades (reloaded, "gil"), ==, "3413");
    g_assert_cmpint (STATUS_AT (reloaded, "gil", later), ==, PYPREP_STATUS_LEARNING);
  }
}

/* A record written before statuses followed the schedule (no
 * "status-set") keeps its meaning: where the status is what the old rule
 * of the last two grades gave, the schedule takes over; where it differs,
 * the user set it by hand after practising, and it stays. Nothing stored
 * changes until the user changes it. */
static void
test_status_migration (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(PyprepStudy) study = NULL;
  g_autoptr(GVariant) before = NULL;
  g_autoptr(GVariant) after = NULL;
  /* Reviewed on 1 November 2026, due on the 21st. */
  const gint64 reviewed = 1793491200, due = reviewed + 20 * 86400;

#define OLD_ENTRY(status, grades, stability) \
  "{'status': <'" status "'>, 'first-seen': <int64 1793400000>, 'last-seen': <int64 1793491200>, " \
  "'opened': <uint32 2>, 'due': <int64 1795219200>, 'stability': <" stability ">, " \
  "'difficulty': <5.0>, 'reps': <uint32 2>, 'lapses': <uint32 0>, " \
  "'last-review': <int64 1793491200>, 'grades': <'" grades "'>}"
  g_settings_set_value (settings, "progress",
                        g_variant_new_parsed ("{'by-rule': " OLD_ENTRY ("confident", "33", "30.0") ", "
                                              " 'young': " OLD_ENTRY ("confident", "33", "4.0") ", "
                                              " 'failed': " OLD_ENTRY ("needs-review", "31", "2.0") ", "
                                              " 'unmarked': " OLD_ENTRY ("read", "33", "30.0") ", "
                                              " 'marked': " OLD_ENTRY ("needs-review", "23", "30.0") ", "
                                              " 'unpractised': {'status': <'confident'>, "
                                              "   'first-seen': <int64 1793400000>, 'last-seen': <int64 1793400000>, "
                                              "   'opened': <uint32 1>}}"));
#undef OLD_ENTRY
  before = g_settings_get_value (settings, "progress");
  g_assert_cmpint (due, ==, 1795219200);
  study = pyprep_study_new (settings);

  /* The schedule: stable for 30 days and not due is confident; stable for
   * 4 days is learning; the last grade Again needs review; once due, a
   * confident question is learning again. */
  g_assert_cmpint (pyprep_study_get_status_at (study, "by-rule", reviewed + 86400), ==, PYPREP_STATUS_CONFIDENT);
  g_assert_cmpint (pyprep_study_get_status_at (study, "by-rule", due), ==, PYPREP_STATUS_LEARNING);
  g_assert_cmpint (pyprep_study_get_status_at (study, "young", reviewed + 86400), ==, PYPREP_STATUS_LEARNING);
  g_assert_cmpint (pyprep_study_get_status_at (study, "failed", reviewed + 86400), ==, PYPREP_STATUS_NEEDS_REVIEW);
  /* Set by hand after the reviews: kept (unticked Confident reads as
   * Learning for a practised question). */
  g_assert_cmpint (pyprep_study_get_status_at (study, "unmarked", reviewed + 86400), ==, PYPREP_STATUS_LEARNING);
  g_assert_cmpint (pyprep_study_get_status_at (study, "marked", reviewed + 86400), ==, PYPREP_STATUS_NEEDS_REVIEW);
  g_assert_cmpint (pyprep_study_get_status_at (study, "marked", due + 86400), ==, PYPREP_STATUS_NEEDS_REVIEW);
  g_assert_true (pyprep_study_is_weak (study, "marked"));
  /* Never practised: the status is the one stored. */
  g_assert_cmpint (pyprep_study_get_status (study, "unpractised"), ==, PYPREP_STATUS_CONFIDENT);

  /* Loading wrote nothing. */
  after = g_settings_get_value (settings, "progress");
  g_assert_true (g_variant_equal (before, after));

  /* A review after the mark hands the status back to the schedule, and
   * the new record says when a status was set. */
  {
    g_autoptr(GDateTime) later = g_date_time_new_from_unix_utc (due);

    pyprep_study_record_review (study, "marked", PYPREP_GRADE_GOOD, later);
    g_assert_cmpint (pyprep_study_get_status_at (study, "marked", due), !=, PYPREP_STATUS_NEEDS_REVIEW);
  }
  g_clear_object (&study);
  study = pyprep_study_new (settings);
  g_assert_cmpint (pyprep_study_get_status_at (study, "marked", due), !=, PYPREP_STATUS_NEEDS_REVIEW);
  g_assert_cmpint (pyprep_study_get_status_at (study, "unmarked", reviewed + 86400), ==, PYPREP_STATUS_LEARNING);
  g_assert_cmpint (pyprep_study_get_status_at (study, "by-rule", reviewed + 86400), ==, PYPREP_STATUS_CONFIDENT);
}

/* Broken review data is dropped with a warning; the question keeps its
 * status, and the other questions load. */
static void
test_bad_review_values (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(PyprepStudy) study = NULL;
  PyprepReviewState review;

  g_settings_set_value (settings, "progress",
                        g_variant_new_parsed ("{'a-good': {'status': <'read'>, 'due': <int64 2000>, "
                                              "  'stability': <3.5>, 'difficulty': <5.0>, 'reps': <uint32 1>, "
                                              "  'lapses': <uint32 0>, 'last-review': <int64 1000>, 'grades': <'3'>}, "
                                              "'b-nan': {'status': <'confident'>, 'due': <int64 2000>, "
                                              "  'stability': <-1.0>, 'difficulty': <5.0>, 'reps': <uint32 1>, "
                                              "  'last-review': <int64 1000>}, "
                                              "'c-type': {'status': <'needs-review'>, 'due': <'tomorrow'>}, "
                                              "'d-grades': {'status': <'read'>, 'due': <int64 2000>, "
                                              "  'stability': <3.5>, 'difficulty': <5.0>, 'reps': <uint32 1>, "
                                              "  'last-review': <int64 1000>, 'grades': <'39x'>}, "
                                              "'e-partial': {'status': <'read'>, 'stability': <3.5>}}"));

  g_test_expect_message ("pyprep-study", G_LOG_LEVEL_WARNING, "*b-nan*stability*");
  g_test_expect_message ("pyprep-study", G_LOG_LEVEL_WARNING, "*c-type*wrong type*");
  g_test_expect_message ("pyprep-study", G_LOG_LEVEL_WARNING, "*d-grades*grade*");
  g_test_expect_message ("pyprep-study", G_LOG_LEVEL_WARNING, "*e-partial*incomplete*");
  study = pyprep_study_new (settings);
  g_test_assert_expected_messages ();

  g_assert_true (pyprep_study_get_review (study, "a-good", &review));
  g_assert_cmpint (review.due, ==, 2000);
  g_assert_false (pyprep_study_get_review (study, "b-nan", &review));
  g_assert_cmpint (pyprep_study_get_status (study, "b-nan"), ==, PYPREP_STATUS_CONFIDENT);
  g_assert_cmpint (pyprep_study_get_status (study, "c-type"), ==, PYPREP_STATUS_NEEDS_REVIEW);
  g_assert_false (pyprep_study_get_review (study, "d-grades", &review));
  g_assert_cmpuint (pyprep_study_get_n_entries (study), ==, 5);
}

/* A record stored before learning steps (no phase, no step) loads as a
 * card in review with everything it had, and is saved back with its
 * phase; a phase this version does not know leaves the review part
 * alone, kept as it was. */
static void
test_review_without_phase (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(PyprepStudy) study = NULL;
  g_autoptr(GVariant) stored = NULL;
  g_autoptr(GVariant) entry = NULL;
  g_autoptr(GVariant) odd = NULL;
  g_autoptr(GDateTime) now = at (28, 9);
  PyprepReviewState review;
  gint64 intervals[4];
  const char *phase = NULL;

  g_settings_set_value (settings, "progress",
                        g_variant_new_parsed ("{'gil': {'status': <'confident'>, 'first-seen': <int64 1000>, "
                                              "  'last-seen': <int64 1000>, 'opened': <uint32 2>, "
                                              "  'due': <int64 1795000000>, 'stability': <12.5>, "
                                              "  'difficulty': <4.25>, 'reps': <uint32 3>, 'lapses': <uint32 1>, "
                                              "  'last-review': <int64 1794000000>, 'grades': <'313'>, "
                                              "  'first-review': <int64 1793000000>}, "
                                              "'mro': {'status': <'read'>, 'due': <int64 2000>, "
                                              "  'stability': <3.5>, 'difficulty': <5.0>, 'reps': <uint32 1>, "
                                              "  'last-review': <int64 1000>, 'grades': <'3'>, "
                                              "  'phase': <'graduated'>, 'step': <uint32 0>}}"));

  g_test_expect_message ("pyprep-study", G_LOG_LEVEL_WARNING, "*mro*phase*");
  study = pyprep_study_new (settings);
  g_test_assert_expected_messages ();

  g_assert_true (pyprep_study_get_review (study, "gil", &review));
  g_assert_cmpint (review.phase, ==, PYPREP_CARD_PHASE_REVIEW);
  g_assert_cmpuint (review.step, ==, 0);
  g_assert_cmpint (review.due, ==, 1795000000);
  g_assert_cmpint (review.last_review, ==, 1794000000);
  g_assert_cmpfloat (review.stability, ==, 12.5);
  g_assert_cmpfloat (review.difficulty, ==, 4.25);
  g_assert_cmpuint (review.reps, ==, 3);
  g_assert_cmpuint (review.lapses, ==, 1);
  g_assert_cmpstr (pyprep_study_get_grades (study, "gil"), ==, "313");
  g_assert_cmpint (pyprep_study_get_status (study, "gil"), ==, PYPREP_STATUS_CONFIDENT);
  g_assert_false (pyprep_study_get_review (study, "mro", &review));

  /* As a card in review: Again is a relearning step, Good is days. */
  pyprep_study_preview_review (study, "gil", now, intervals);
  g_assert_cmpint (intervals[0], ==, 10 * 60);
  g_assert_cmpint (intervals[2] % 86400, ==, 0);
  g_assert_cmpint (intervals[2], >=, 86400);

  /* Any save writes the phase; the unknown phase stays as it was. */
  pyprep_study_set_bookmarked (study, "asyncio", TRUE);
  pyprep_study_set_status (study, "asyncio", PYPREP_STATUS_READ);
  stored = g_settings_get_value (settings, "progress");
  g_assert_true (g_variant_lookup (stored, "gil", "@a{sv}", &entry));
  g_assert_true (g_variant_lookup (entry, "phase", "&s", &phase));
  g_assert_cmpstr (phase, ==, "review");
  g_assert_true (g_variant_lookup (stored, "mro", "@a{sv}", &odd));
  g_assert_true (g_variant_lookup (odd, "phase", "&s", &phase));
  g_assert_cmpstr (phase, ==, "graduated");
}

/* Grading balances the load: of the days the fuzz allows, the one with
 * the fewest reviews already due wins; the buttons say so beforehand;
 * and the desired retention set on the study drives the interval. */
static void
test_load_balanced_grade (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(PyprepStudy) study = NULL;
  g_autoptr(GDateTime) now = at (20, 9);
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE ("a{sa{sv}}"));
  gint64 t = g_date_time_to_unix (now);
  gint64 preview[4];
  PyprepReviewState review;
  guint n = 0;

  /* "gil": S = 10 days, reviewed 10 days ago, so Good gives about 29
   * days, fuzzed within 27 to 31 (Anki's window). Every day from 20 to
   * 40 days away has 4 reviews due, except day 28 with 1 (without the
   * load, the fuzz would pick day 30 for this card). */
  g_variant_builder_add_parsed (builder, "{'gil', {'status': <'read'>, 'due': <%x>, 'stability': <10.0>, "
                                "'difficulty': <5.0>, 'reps': <uint32 3>, 'lapses': <uint32 0>, "
                                "'last-review': <%x>, 'grades': <'333'>, 'phase': <'review'>}}",
                                t, t - 10 * 86400);
  for (int day = 20; day <= 40; day++)
    for (int i = 0; i < (day == 28 ? 1 : 4); i++)
      {
        g_autofree char *id = g_strdup_printf ("other-%u", n++);

        g_variant_builder_add_parsed (builder, "{%s, {'status': <'read'>, 'due': <%x>, "
                                      "'stability': <30.0>, 'difficulty': <5.0>, 'reps': <uint32 2>, "
                                      "'lapses': <uint32 0>, 'last-review': <%x>, 'grades': <'33'>}}",
                                      id, t + day * 86400 + 3600, t - 86400);
      }
  g_settings_set_value (settings, "progress", g_variant_builder_end (builder));
  study = pyprep_study_new (settings);
  g_assert_cmpuint (pyprep_study_get_n_entries (study), ==, n + 1);

  pyprep_study_preview_review (study, "gil", now, preview);
  g_assert_cmpint (preview[2], ==, 28 * 86400);
  pyprep_study_record_review (study, "gil", PYPREP_GRADE_GOOD, now);
  g_assert_true (pyprep_study_get_review (study, "gil", &review));
  g_assert_cmpint (review.due, ==, t + 28 * 86400);
  {
    g_autoptr(GDateTime) day28 = g_date_time_add_days (now, 28);

    g_assert_cmpuint (pyprep_study_count_due_on_day (study, day28), ==, 2);
  }

  /* At 97% retention the same memory comes back far sooner. */
  pyprep_study_set_desired_retention (study, 0.97);
  g_assert_cmpfloat (pyprep_study_get_desired_retention (study), ==, 0.97);
  pyprep_study_preview_review (study, "gil", now, preview);
  g_assert_cmpint (preview[2], <, 15 * 86400);
}

/* Merging keeps, per question, whichever side saw it last. */
static void
test_json_merge (void)
{
  g_autoptr(PyprepStudy) study = sample_study ();
  g_autoptr(PyprepStudy) other = pyprep_study_new (NULL);
  g_autoptr(GDateTime) earlier = at (20, 9);
  g_autoptr(GDateTime) later = at (28, 9);
  g_autoptr(GDateTime) now = at (28, 10);
  g_autofree char *exported = NULL;
  g_autoptr(GError) error = NULL;

  pyprep_study_mark_opened (other, "gil", earlier);        /* older than ours */
  pyprep_study_set_status (other, "gil", PYPREP_STATUS_CONFIDENT);
  pyprep_study_mark_opened (other, "slots", later);        /* newer than ours */
  pyprep_study_set_status (other, "slots", PYPREP_STATUS_NEEDS_REVIEW);
  pyprep_study_mark_opened (other, "asyncio", later);      /* new to us */
  exported = pyprep_study_export_json (other, now);

  g_assert_true (pyprep_study_import_json (study, exported, strlen (exported), PYPREP_IMPORT_MERGE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pyprep_study_get_status (study, "gil"), ==, PYPREP_STATUS_NEEDS_REVIEW);
  g_assert_cmpint (pyprep_study_get_status (study, "slots"), ==, PYPREP_STATUS_NEEDS_REVIEW);
  g_assert_cmpint (pyprep_study_get_status (study, "asyncio"), ==, PYPREP_STATUS_READ);
  g_assert_true (pyprep_study_get_bookmarked (study, "mro"));
}

/* A bad file is refused with a message, and changes nothing at all. */
static void
test_json_bad_imports (void)
{
  g_autoptr(PyprepStudy) study = sample_study ();
  g_autoptr(GDateTime) now = at (25, 8);
  g_autofree char *before = pyprep_study_export_json (study, now);
  g_autofree char *truncated = g_strndup (before, strlen (before) / 2);
  g_autofree char *wrong_version = NULL;
  g_autofree char *wrong_type = NULL;
  g_autofree char *unknown_key = NULL;
  g_autofree char *bad_status = NULL;
  g_autofree char *bad_review = NULL;
  g_autofree char *huge = NULL;
  gsize huge_length = PYPREP_STUDY_IMPORT_MAX_BYTES + 1024 * 1024;
  static const char invalid_utf8[] = "{\"format\": \"pyprep-study\", \"version\": 1, \"note\": \"\xff\xfe\"}";
  GString *replaced;
  struct { const char *name; const char *data; gsize length; } cases[9];
  guint n = 0;

  replaced = g_string_new (before);
  g_string_replace (replaced, "\"version\" : 4", "\"version\" : 7", 1);
  wrong_version = g_string_free (replaced, FALSE);
  replaced = g_string_new (before);
  g_string_replace (replaced, "\"opened\" : 2", "\"opened\" : \"two\"", 1);
  wrong_type = g_string_free (replaced, FALSE);
  replaced = g_string_new (before);
  g_string_replace (replaced, "\"bookmarked\" : true", "\"bookmarked\" : true, \"starred\" : true", 1);
  unknown_key = g_string_free (replaced, FALSE);
  replaced = g_string_new (before);
  g_string_replace (replaced, "\"confident\"", "\"mastered\"", 1);
  bad_status = g_string_free (replaced, FALSE);
  replaced = g_string_new (before);
  g_string_replace (replaced, "\"grades\" : \"3\"", "\"grades\" : \"7\"", 1);
  bad_review = g_string_free (replaced, FALSE);
  huge = g_malloc (huge_length);
  memset (huge, ' ', huge_length);
  memcpy (huge, before, strlen (before));

  g_assert_cmpstr (wrong_version, !=, before);
  g_assert_cmpstr (wrong_type, !=, before);
  g_assert_cmpstr (unknown_key, !=, before);
  g_assert_cmpstr (bad_status, !=, before);
  g_assert_cmpstr (bad_review, !=, before);

  cases[n++] = (typeof (cases[0])) { "truncated", truncated, strlen (truncated) };
  cases[n++] = (typeof (cases[0])) { "wrong version", wrong_version, strlen (wrong_version) };
  cases[n++] = (typeof (cases[0])) { "wrong type", wrong_type, strlen (wrong_type) };
  cases[n++] = (typeof (cases[0])) { "unknown key", unknown_key, strlen (unknown_key) };
  cases[n++] = (typeof (cases[0])) { "unknown status", bad_status, strlen (bad_status) };
  cases[n++] = (typeof (cases[0])) { "bad grades", bad_review, strlen (bad_review) };
  cases[n++] = (typeof (cases[0])) { "past the size limit", huge, huge_length };
  cases[n++] = (typeof (cases[0])) { "invalid UTF-8", invalid_utf8, sizeof invalid_utf8 - 1 };
  cases[n++] = (typeof (cases[0])) { "empty", "", 0 };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      for (guint mode = PYPREP_IMPORT_MERGE; mode <= PYPREP_IMPORT_REPLACE; mode++)
        {
          g_clear_error (&error);
          if (pyprep_study_import_json (study, cases[i].data, cases[i].length, mode, &error))
            g_error ("the %s file was accepted", cases[i].name);
          g_assert_nonnull (error);
          g_assert_cmpstr (error->message, !=, "");
        }

      after = pyprep_study_export_json (study, now);
      g_assert_cmpstr (after, ==, before);
    }
}

/* Removes @path and all it holds. */
static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_dir (child);
    }
  g_remove (path);
}

/* One backup a day, the newest fourteen kept, each described and restorable. */
static void
test_backups (void)
{
  g_autofree char *path = g_dir_make_tmp ("pyprep-backups-XXXXXX", NULL);
  g_autofree char *backup_dir = g_build_filename (path, "backups", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (backup_dir);
  g_autoptr(PyprepStudy) study = sample_study ();
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  PyprepBackup *newest;

  for (int day = 1; day <= 16; day++)
    {
      g_autoptr(GDateTime) morning = g_date_time_new_utc (2026, 11, day, 8, 0, 0);
      g_autoptr(GDateTime) evening = g_date_time_new_utc (2026, 11, day, 20, 0, 0);

      g_assert_true (pyprep_backups_save_if_due (study, dir, morning, &error));
      g_assert_true (pyprep_backups_save_if_due (study, dir, evening, &error));
      g_assert_no_error (error);
    }

  backups = pyprep_backups_list (dir);
  g_assert_cmpuint (backups->len, ==, PYPREP_BACKUPS_KEPT);
  newest = backups->pdata[0];
  g_assert_cmpstr (newest->day, ==, "2026-11-16");
  g_assert_cmpstr (((PyprepBackup *)backups->pdata[13])->day, ==, "2026-11-03");
  g_assert_cmpuint (newest->bookmarks, ==, 1);
  g_assert_cmpuint (newest->reviewed, ==, 2);

  /* Every backup holds the record as it is: none differs from it. */
  g_assert_null (pyprep_backups_find_differing (backups, study));

  /* Restoring brings back what was reset. */
  pyprep_study_reset_progress (study, NULL);
  g_assert_true (pyprep_backups_find_differing (backups, study) == newest);
  g_assert_cmpint (pyprep_study_get_status (study, "gil"), ==, PYPREP_STATUS_NEW);
  g_assert_true (pyprep_study_get_bookmarked (study, "mro"));  /* bookmarks survive a reset */
  g_assert_true (pyprep_backups_restore (study, newest, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pyprep_study_get_status (study, "gil"), ==, PYPREP_STATUS_NEEDS_REVIEW);
  g_assert_null (pyprep_backups_find_differing (backups, study));

  remove_dir (backup_dir);
  g_rmdir (path);
}

/* Resetting one topic's questions leaves the others alone. */
static void
test_reset_some (void)
{
  g_autoptr(PyprepStudy) study = sample_study ();
  const char *topic[] = { "gil", "unknown-id", NULL };

  pyprep_study_reset_progress (study, topic);
  g_assert_cmpint (pyprep_study_get_status (study, "gil"), ==, PYPREP_STATUS_NEW);
  g_assert_cmpint (pyprep_study_get_status (study, "slots"), ==, PYPREP_STATUS_LEARNING);
  g_assert_cmpstr (pyprep_study_get_note (study, "mro"), !=, NULL);
}

static gboolean
count_change_event_cb (GSettings    *settings,
                       const GQuark *keys,
                       int           n_keys,
                       GPtrArray    *events)
{
  GString *names = g_string_new (NULL);

  for (int i = 0; i < n_keys; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? " " : "", g_quark_to_string (keys[i]));
  g_ptr_array_add (events, g_string_free (names, FALSE));
  return FALSE;
}

/* An import reaches the store as one change of all four keys, never as
 * four writes a crash could come between. */
static void
test_import_is_one_change (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(PyprepStudy) study = pyprep_study_new (settings);
  g_autoptr(PyprepStudy) other = sample_study ();
  g_autoptr(GDateTime) now = at (28, 10);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *exported = pyprep_study_export_json (other, now);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) keys = NULL;

  g_signal_connect (settings, "change-event", G_CALLBACK (count_change_event_cb), events);
  g_assert_true (pyprep_study_import_json (study, exported, strlen (exported), PYPREP_IMPORT_REPLACE, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (events->len, ==, 1);
  keys = g_strsplit (events->pdata[0], " ", -1);
  g_assert_cmpuint (g_strv_length (keys), ==, 4);
  g_assert_true (g_strv_contains ((const char * const *)keys, "progress"));
  g_assert_true (g_strv_contains ((const char * const *)keys, "bookmarks"));
  g_assert_true (g_strv_contains ((const char * const *)keys, "notes"));
  g_assert_true (g_strv_contains ((const char * const *)keys, "activity"));

  /* And what was written is the imported record. */
  g_assert_true (pyprep_study_get_bookmarked (study, "mro"));
  g_assert_cmpint (pyprep_study_get_status (study, "slots"), ==, PYPREP_STATUS_LEARNING);
  g_signal_handlers_disconnect_by_data (settings, events);
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

/* Reads @path as the import does; returns its bytes or NULL with @error. */
static GBytes *
read_import (const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  pyprep_study_read_import_async (file, NULL, read_done_cb, &result);
  while (result == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (result);  /* no file may make the import hang */
  return pyprep_study_read_import_finish (result, error);
}

/* The import reads what a file holds, not what it claims: a pipe or a
 * device is refused before it is opened, and a file past the limit is
 * refused after at most one byte more than the limit. */
static void
test_read_import_bounded (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pyprep-import-XXXXXX", NULL);
  g_autofree char *small = g_build_filename (dir, "small.json", NULL);
  g_autofree char *large = g_build_filename (dir, "large.json", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  FILE *f;

  g_assert_true (g_file_set_contents (small, "{\"format\": 2}", -1, NULL));
  bytes = read_import (small, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "{\"format\": 2}", 13);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* Empty is read as empty; the parser then says what is wrong. */
  g_assert_true (g_file_set_contents (small, "", 0, NULL));
  bytes = read_import (small, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 0);
  g_clear_pointer (&bytes, g_bytes_unref);

  f = fopen (large, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, PYPREP_STUDY_IMPORT_MAX_BYTES, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('x', f), ==, 'x');
  fclose (f);
  bytes = read_import (large, &error);
  g_assert_error (error, PYPREP_STUDY_ERROR, PYPREP_STUDY_ERROR_TOO_LARGE);
  g_assert_null (bytes);
  g_clear_error (&error);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  bytes = read_import (fifo, &error);
  g_assert_error (error, PYPREP_STUDY_ERROR, PYPREP_STUDY_ERROR_NOT_A_FILE);
  g_assert_nonnull (strstr (error->message, "pipe"));
  g_clear_error (&error);

  bytes = read_import ("/dev/zero", &error);
  g_assert_error (error, PYPREP_STUDY_ERROR, PYPREP_STUDY_ERROR_NOT_A_FILE);
  g_clear_error (&error);

  g_unlink (small);
  g_unlink (large);
  g_unlink (fifo);
  g_rmdir (dir);
}

/* The exercises' code travels with the record: exported, imported whole
 * on Replace, newer-wins on Merge, and a file naming a path is refused
 * before anything changes. */
static void
test_json_drafts (void)
{
  g_autofree char *dir_a = g_dir_make_tmp ("pyprep-drafts-a-XXXXXX", NULL);
  g_autofree char *dir_b = g_dir_make_tmp ("pyprep-drafts-b-XXXXXX", NULL);
  g_autoptr(PyprepDrafts) drafts_a = pyprep_drafts_new (dir_a);
  g_autoptr(PyprepDrafts) drafts_b = pyprep_drafts_new (dir_b);
  g_autoptr(PyprepStudy) a = sample_study ();
  g_autoptr(PyprepStudy) b = pyprep_study_new (NULL);
  g_autoptr(GDateTime) now = at (25, 8);
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *code = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *hostile = NULL;
  GString *replaced;

  pyprep_study_set_drafts (a, drafts_a);
  pyprep_study_set_drafts (b, drafts_b);
  g_assert_true (pyprep_drafts_save (drafts_a, "lru-cache-by-hand", "class LRUCache:\n    \"\"\"mine\"\"\"\n", NULL));
  exported = pyprep_study_export_json (a, now);
  g_assert_nonnull (strstr (exported, "\"drafts\""));
  g_assert_nonnull (strstr (exported, "\"lru-cache-by-hand\" : {"));

  g_assert_true (pyprep_study_import_json (b, exported, strlen (exported), PYPREP_IMPORT_REPLACE, &error));
  g_assert_no_error (error);
  code = pyprep_drafts_load (drafts_b, "lru-cache-by-hand", NULL);
  g_assert_cmpstr (code, ==, "class LRUCache:\n    \"\"\"mine\"\"\"\n");

  /* Merge: code saved here after the file's is kept. */
  g_assert_true (pyprep_drafts_save (drafts_b, "lru-cache-by-hand", "newer = True\n", NULL));
  {
    g_autofree char *path = g_build_filename (dir_b, "lru-cache-by-hand.py", NULL);
    struct utimbuf times = { G_MAXINT32 - 10, G_MAXINT32 - 10 };

    g_assert_cmpint (g_utime (path, &times), ==, 0);
  }
  g_assert_true (pyprep_study_import_json (b, exported, strlen (exported), PYPREP_IMPORT_MERGE, &error));
  kept = pyprep_drafts_load (drafts_b, "lru-cache-by-hand", NULL);
  g_assert_cmpstr (kept, ==, "newer = True\n");

  /* An id that would leave the drafts folder: the whole file is refused. */
  replaced = g_string_new (exported);
  g_string_replace (replaced, "\"lru-cache-by-hand\" : {\n      \"code\"", "\"../escape\" : {\n      \"code\"", 1);
  hostile = g_string_free (replaced, FALSE);
  g_assert_cmpstr (hostile, !=, exported);
  g_assert_false (pyprep_study_import_json (b, hostile, strlen (hostile), PYPREP_IMPORT_REPLACE, &error));
  g_assert_error (error, PYPREP_STUDY_ERROR, PYPREP_STUDY_ERROR_INVALID);

  remove_dir (dir_a);
  remove_dir (dir_b);
}

/* --import-loop KEYFILE A B: imports A then B into the record kept in
 * KEYFILE, for ever, until killed (test_import_killed). */
static int
import_loop (const char *keyfile,
             const char *a_path,
             const char *b_path)
{
  g_autoptr(GSettings) settings = pyprep_study_settings_new_for_file (keyfile);
  g_autoptr(PyprepStudy) study = pyprep_study_new (settings);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gsize a_length, b_length;

  if (!g_file_get_contents (a_path, &a, &a_length, NULL) || !g_file_get_contents (b_path, &b, &b_length, NULL))
    return 2;
  for (;;)
    {
      if (!pyprep_study_import_json (study, a, a_length, PYPREP_IMPORT_REPLACE, NULL)
          || !pyprep_study_import_json (study, b, b_length, PYPREP_IMPORT_REPLACE, NULL))
        return 3;
      g_settings_sync ();
    }
}

/* The record as it reads back from @keyfile, exported at @now. */
static char *
record_in (const char *keyfile,
           GDateTime  *now)
{
  g_autoptr(GSettings) settings = pyprep_study_settings_new_for_file (keyfile);
  g_autoptr(PyprepStudy) study = pyprep_study_new (settings);

  g_assert_false (pyprep_study_get_damaged (study));
  return pyprep_study_export_json (study, now);
}

/* An import killed at any moment leaves the old record or the new one,
 * whole, never a mix: the four keys are written in one change, and the
 * keyfile is replaced at once. */
static void
test_import_killed (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pyprep-import-kill-XXXXXX", NULL);
  g_autofree char *keyfile = g_build_filename (dir, "keyfile", NULL);
  g_autofree char *a_path = g_build_filename (dir, "a.json", NULL);
  g_autofree char *b_path = g_build_filename (dir, "b.json", NULL);
  g_autoptr(PyprepStudy) a = sample_study ();
  g_autoptr(PyprepStudy) b = pyprep_study_new (NULL);
  g_autoptr(GDateTime) now = at (28, 10);
  g_autofree char *a_json = NULL;
  g_autofree char *b_json = NULL;
  g_autofree char *empty = NULL;
  guint seen_a = 0, seen_b = 0;

  /* B: a different record, as big as A's. */
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *id = g_strdup_printf ("question-%u", i);

      pyprep_study_set_bookmarked (b, id, TRUE);
      pyprep_study_set_note (b, id, "a note long enough to take a while to write out");
    }
  a_json = pyprep_study_export_json (a, now);
  b_json = pyprep_study_export_json (b, now);
  g_assert_true (g_file_set_contents (a_path, a_json, -1, NULL));
  g_assert_true (g_file_set_contents (b_path, b_json, -1, NULL));
  empty = record_in (keyfile, now);

  for (guint round = 0; round < 12; round++)
    {
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *record = NULL;

      child = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "/proc/self/exe",
                                "--import-loop", keyfile, a_path, b_path, NULL);
      g_assert_no_error (error);
      g_usleep ((100 + g_random_int_range (0, 300)) * 1000);
      g_subprocess_force_exit (child);
      g_assert_true (g_subprocess_wait (child, NULL, NULL));
      g_assert_true (g_subprocess_get_if_signaled (child));

      record = record_in (keyfile, now);
      g_assert_true (g_str_equal (record, a_json) || g_str_equal (record, b_json) || g_str_equal (record, empty));
      seen_a += g_str_equal (record, a_json);
      seen_b += g_str_equal (record, b_json);
    }
  g_test_message ("killed 12 times: A left %u times, B %u", seen_a, seen_b);
  g_assert_cmpuint (seen_a + seen_b, >, 0);

  g_unlink (a_path);
  g_unlink (b_path);
  g_unlink (keyfile);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  /* The child of test_import_killed. */
  if (argc == 5 && g_str_equal (argv[1], "--import-loop"))
    return import_loop (argv[2], argv[3], argv[4]);
  data_home = g_dir_make_tmp ("pyprep-test-study-XXXXXX", NULL);

  /* A damaged record leaves copies in the data directory: not the user's.
   * (G_TEST_OPTION_ISOLATE_DIRS would do, but GLib 2.74 leaks with it.) */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/study/status-transitions", test_status_transitions);
  g_test_add_func ("/pyprep/study/survives-reload", test_survives_reload);
  g_test_add_func ("/pyprep/study/unknown-ids-kept", test_unknown_ids_kept);
  g_test_add_func ("/pyprep/study/malformed-entries-skipped", test_malformed_entries_skipped);
  g_test_add_func ("/pyprep/study/changed-signal", test_changed_signal);
  g_test_add_func ("/pyprep/study/json-round-trip", test_json_round_trip);
  g_test_add_func ("/pyprep/study/json-merge", test_json_merge);
  g_test_add_func ("/pyprep/study/json-drafts", test_json_drafts);
  g_test_add_func ("/pyprep/study/json-version-1", test_json_version_1);
  g_test_add_func ("/pyprep/study/review-rules", test_review_rules);
  g_test_add_func ("/pyprep/study/status-migration", test_status_migration);
  g_test_add_func ("/pyprep/study/bad-review-values", test_bad_review_values);
  g_test_add_func ("/pyprep/study/review-without-phase", test_review_without_phase);
  g_test_add_func ("/pyprep/study/load-balanced-grade", test_load_balanced_grade);
  g_test_add_func ("/pyprep/study/json-bad-imports", test_json_bad_imports);
  g_test_add_func ("/pyprep/study/read-import-bounded", test_read_import_bounded);
  g_test_add_func ("/pyprep/study/import-is-one-change", test_import_is_one_change);
  g_test_add_func ("/pyprep/study/import-killed", test_import_killed);
  g_test_add_func ("/pyprep/study/backups", test_backups);
  g_test_add_func ("/pyprep/study/reset-some", test_reset_some);

  status = g_test_run ();
  remove_dir (data_home);
  return status;
}
