/* test-study-log.c: the study record with its review log: every grade is
 * logged, replay gives back the states the record keeps, a record from
 * before the log is carried over whole, exports and imports carry the
 * log, and a damaged log is reported, kept, and set aside on restore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pyprep-backups.h"
#include "pyprep-study.h"

static char *data_home;

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

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

/* A study in memory with a log of its own in a new folder. */
static PyprepStudy *
study_with_log (char **dir)
{
  PyprepStudy *study = pyprep_study_new (NULL);
  g_autofree char *path = NULL;

  *dir = g_dir_make_tmp ("pyprep-study-log-XXXXXX", NULL);
  path = g_build_filename (*dir, "review-log.sqlite", NULL);
  g_assert_true (pyprep_study_open_review_log (study, path));
  g_assert_null (pyprep_study_get_review_log_problem (study));
  return study;
}

static GDateTime *
at (int day,
    int hour)
{
  return g_date_time_new_utc (2026, 11, day, hour, 0, 0);
}

static GPtrArray *
all_entries (PyprepStudy *study)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = pyprep_review_log_query (pyprep_study_get_review_log (study), NULL, 0, G_MAXINT64, &error);

  g_assert_no_error (error);
  return entries;
}

/* Every practised card's state in @study is what replaying its log gives,
 * and the log knows no other card. */
static void
assert_replay_matches (PyprepStudy *study,
                       guint        n_cards)
{
  g_autoptr(GPtrArray) entries = all_entries (study);
  g_autoptr(GHashTable) replayed = NULL;
  PyprepSchedulerConfig config;
  GHashTableIter iter;
  gpointer key, value;

  pyprep_study_get_scheduler_config (study, &config);
  replayed = pyprep_review_replay (entries, &config);
  g_assert_cmpuint (g_hash_table_size (replayed), ==, n_cards);
  g_hash_table_iter_init (&iter, replayed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      PyprepReviewState *log = value;
      PyprepReviewState kept;

      g_assert_true (pyprep_study_get_review (study, key, &kept));
      g_assert_cmpfloat (log->stability, ==, kept.stability);
      g_assert_cmpfloat (log->difficulty, ==, kept.difficulty);
      g_assert_cmpuint (log->reps, ==, kept.reps);
      g_assert_cmpuint (log->lapses, ==, kept.lapses);
      g_assert_cmpint (log->last_review, ==, kept.last_review);
      g_assert_cmpint (log->due, ==, kept.due);
    }
}

/* Every grade reaches the log, with its kind and time taken; replaying
 * the log reproduces the states the record keeps. */
static void
test_grades_logged (void)
{
  char *dir;
  g_autoptr(PyprepStudy) study = study_with_log (&dir);
  g_autoptr(GPtrArray) entries = NULL;
  const char *cards[] = { "gil", "mro", "slots", "exercise:lru-cache" };
  g_autofree char *exercise = pyprep_study_exercise_id ("lru-cache");
  guint n_grades = 0;

  for (int day = 1; day <= 28; day++)
    for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
      {
        g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, day, 8 + i, 17 * i, 0);
        PyprepGrade grade = (PyprepGrade)(1 + (day * 7 + i * 3) % 4);

        if ((day + i) % 3 == 0)
          continue;
        n_grades++;
        if (i == 2)
          pyprep_study_record_review_full (study, cards[i], PYPREP_REVIEW_KIND_MOCK, grade, now, day + 30);
        else
          pyprep_study_record_review (study, cards[i], grade, now);
      }

  entries = all_entries (study);
  g_assert_cmpuint (entries->len, ==, n_grades);
  for (guint i = 0; i < entries->len; i++)
    {
      PyprepReviewEntry *entry = entries->pdata[i];

      if (g_str_equal (entry->card, "slots"))
        {
          g_assert_cmpint (entry->kind, ==, PYPREP_REVIEW_KIND_MOCK);
          g_assert_cmpint (entry->seconds, >, 30);
        }
      else
        {
          g_assert_cmpint (entry->kind, ==, g_str_equal (entry->card, exercise) ? PYPREP_REVIEW_KIND_EXERCISE
                                                                                : PYPREP_REVIEW_KIND_RECALL);
          g_assert_cmpint (entry->seconds, <, 0);
        }
      g_assert_true (g_str_has_prefix (entry->day, "2026-11-"));
    }

  /* The mock interview's grade counts: it scheduled the question's recall
   * card, and replay does the same. */
  g_assert_true (pyprep_study_get_due (study, "slots", NULL));
  g_assert_cmpint (pyprep_study_get_status (study, "slots"), !=, PYPREP_STATUS_NEW);
  assert_replay_matches (study, 4);

  /* A reset is logged too: replay forgets the card as the record does. */
  {
    const char *reset[] = { "mro", NULL };

    pyprep_study_reset_progress (study, reset);
    assert_replay_matches (study, 3);
  }

  g_clear_object (&study);
  remove_dir (dir);
  g_free (dir);
}

/* A settings file written by the PyPrep before the log (made with that
 * version's code: tests/fixtures/settings-before-review-log.ini): on first
 * start every practised card's state goes into the log, the settings are
 * not touched, replay gives each state back exactly, and a second start
 * adds nothing. */
static void
test_migration (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pyprep-migration-XXXXXX", NULL);
  g_autofree char *keyfile = g_build_filename (dir, "settings.ini", NULL);
  g_autofree char *log_path = g_build_filename (dir, "review-log.sqlite", NULL);
  g_autofree char *fixture = NULL;
  g_autofree char *after = NULL;
  g_autofree char *progress_before = NULL;
  g_autofree char *progress_after = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(PyprepStudy) study = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  guint n_practised = 0;

  g_assert_true (g_file_get_contents (g_test_get_filename (G_TEST_DIST, "fixtures", "settings-before-review-log.ini",
                                                           NULL), &fixture, &length, &error));
  g_assert_true (g_file_set_contents (keyfile, fixture, length, &error));

  settings = pyprep_study_settings_new_for_file (keyfile);
  study = pyprep_study_new (settings);
  g_assert_false (pyprep_study_get_damaged (study));
  {
    g_autoptr(GVariant) stored = g_settings_get_value (settings, "progress");

    progress_before = g_variant_print (stored, TRUE);
  }

  g_test_expect_message ("pyprep-study", G_LOG_LEVEL_MESSAGE, "Wrote 6 cards' state to the review log*");
  g_assert_true (pyprep_study_open_review_log (study, log_path));
  g_test_assert_expected_messages ();

  {
    g_autoptr(GVariant) stored = g_settings_get_value (settings, "progress");
    GVariantIter iter;
    const char *id;
    GVariant *entry;

    progress_after = g_variant_print (stored, TRUE);
    g_assert_cmpstr (progress_after, ==, progress_before);

    /* Every card practised in the fixture is in the log, with its exact state. */
    g_variant_iter_init (&iter, stored);
    while (g_variant_iter_next (&iter, "{&s@a{sv}}", &id, &entry))
      {
        PyprepReviewState kept;

        n_practised += pyprep_study_get_review (study, id, &kept);
        g_variant_unref (entry);
      }
  }
  g_assert_cmpuint (n_practised, ==, 6);
  assert_replay_matches (study, n_practised);

  /* The settings file itself is as it was. */
  g_settings_sync ();
  g_assert_true (g_file_get_contents (keyfile, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, fixture);

  /* A second start has nothing to carry over. */
  g_clear_object (&study);
  study = pyprep_study_new (settings);
  g_assert_true (pyprep_study_open_review_log (study, log_path));
  g_assert_cmpint (pyprep_review_log_count (pyprep_study_get_review_log (study), NULL), ==, 6);

  /* Grades after the migration replay from the carried state. */
  {
    g_autoptr(GDateTime) later = g_date_time_new_utc (2026, 11, 20, 10, 0, 0);

    pyprep_study_record_review (study, "mro-c3", PYPREP_GRADE_GOOD, later);
    pyprep_study_record_review (study, "exercise:flatten-nested", PYPREP_GRADE_AGAIN, later);
    assert_replay_matches (study, 6);
  }

  g_clear_object (&study);
  g_clear_object (&settings);
  remove_dir (dir);
}

/* Two machines' exports combine: each log gets the other's grades once,
 * however often imported, and both end with the same states. */
static void
test_two_machines (void)
{
  char *dir_a, *dir_b;
  g_autoptr(PyprepStudy) a = study_with_log (&dir_a);
  g_autoptr(PyprepStudy) b = study_with_log (&dir_b);
  g_autoptr(GDateTime) export_time = at (30, 20);
  g_autoptr(GError) error = NULL;
  g_autofree char *from_a = NULL;
  g_autofree char *from_b = NULL;
  g_autofree char *again_a = NULL;

  for (int day = 1; day <= 10; day++)
    {
      g_autoptr(GDateTime) morning = at (day, 8);
      g_autoptr(GDateTime) evening = at (day, 20);

      pyprep_study_record_review (a, "gil", day % 4 ? PYPREP_GRADE_GOOD : PYPREP_GRADE_AGAIN, morning);
      pyprep_study_record_review (a, "only-on-a", PYPREP_GRADE_HARD, morning);
      pyprep_study_record_review (b, "gil", PYPREP_GRADE_EASY, evening);
      pyprep_study_record_review (b, "only-on-b", PYPREP_GRADE_GOOD, evening);
    }

  from_a = pyprep_study_export_json (a, export_time);
  from_b = pyprep_study_export_json (b, export_time);
  g_assert_nonnull (strstr (from_a, "\"version\" : 4"));

  g_assert_true (pyprep_study_import_json (b, from_a, strlen (from_a), PYPREP_IMPORT_MERGE, &error));
  g_assert_no_error (error);
  g_assert_true (pyprep_study_import_json (b, from_a, strlen (from_a), PYPREP_IMPORT_MERGE, &error));
  g_assert_true (pyprep_study_import_json (a, from_b, strlen (from_b), PYPREP_IMPORT_MERGE, &error));
  g_assert_no_error (error);

  g_assert_cmpint (pyprep_review_log_count (pyprep_study_get_review_log (a), NULL), ==, 40);
  g_assert_cmpint (pyprep_review_log_count (pyprep_study_get_review_log (b), NULL), ==, 40);
  assert_replay_matches (a, 3);
  assert_replay_matches (b, 3);

  /* "gil" was graded on both: its state is that of all 20 grades in order. */
  {
    PyprepReviewState on_a, on_b;

    g_assert_true (pyprep_study_get_review (a, "gil", &on_a));
    g_assert_true (pyprep_study_get_review (b, "gil", &on_b));
    g_assert_cmpuint (on_a.reps, ==, 20);
    g_assert_cmpfloat (on_a.stability, ==, on_b.stability);
    g_assert_cmpint (on_a.due, ==, on_b.due);
    g_assert_true (pyprep_study_get_review (a, "only-on-b", &on_a));
  }

  /* Once combined, A's export brings B nothing new. */
  again_a = pyprep_study_export_json (a, export_time);
  g_assert_true (pyprep_study_import_json (b, again_a, strlen (again_a), PYPREP_IMPORT_MERGE, &error));
  g_assert_cmpint (pyprep_review_log_count (pyprep_study_get_review_log (b), NULL), ==, 40);

  g_clear_object (&a);
  g_clear_object (&b);
  remove_dir (dir_a);
  remove_dir (dir_b);
  g_free (dir_a);
  g_free (dir_b);
}

/* A grade dated more than a day ahead of the clock refuses the file: the
 * writer's clock was wrong, and its grades would push cards out of reach. */
static void
test_future_refused (void)
{
  char *dir_a, *dir_b;
  g_autoptr(PyprepStudy) a = study_with_log (&dir_a);
  g_autoptr(PyprepStudy) b = study_with_log (&dir_b);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) soon = g_date_time_add_hours (now, 12);
  g_autoptr(GDateTime) far = g_date_time_add_days (now, 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;

  /* Half a day ahead (time zones, a slow clock) is accepted. */
  pyprep_study_record_review (a, "gil", PYPREP_GRADE_GOOD, soon);
  exported = pyprep_study_export_json (a, now);
  g_assert_true (pyprep_study_import_json (b, exported, strlen (exported), PYPREP_IMPORT_MERGE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pyprep_review_log_count (pyprep_study_get_review_log (b), NULL), ==, 1);

  pyprep_study_record_review (a, "mro", PYPREP_GRADE_GOOD, far);
  g_clear_pointer (&exported, g_free);
  exported = pyprep_study_export_json (a, now);
  g_assert_false (pyprep_study_import_json (b, exported, strlen (exported), PYPREP_IMPORT_MERGE, &error));
  g_assert_error (error, PYPREP_STUDY_ERROR, PYPREP_STUDY_ERROR_FUTURE);
  g_assert_nonnull (strstr (error->message, "clock"));
  /* Nothing changed. */
  g_assert_cmpint (pyprep_review_log_count (pyprep_study_get_review_log (b), NULL), ==, 1);
  g_assert_false (pyprep_study_get_due (b, "mro", NULL));

  g_clear_object (&a);
  g_clear_object (&b);
  remove_dir (dir_a);
  remove_dir (dir_b);
  g_free (dir_a);
  g_free (dir_b);
}

/* A version 3 file (no reviews) still imports; its practised cards are
 * carried into the log as states. Bad review rows refuse the file. */
static void
test_version_3_and_bad_rows (void)
{
  static const char v3[] =
    "{ \"format\": \"pyprep-study\", \"version\": 3, \"exported\": \"2026-11-25T08:00:00Z\",\n"
    "  \"questions\": { \"slots\": { \"status\": \"confident\", \"bookmarked\": false,\n"
    "    \"first-seen\": 1795500000, \"last-seen\": 1795510000, \"opened\": 1, \"note\": \"\",\n"
    "    \"review\": { \"due\": 1795769200, \"stability\": 3.173, \"difficulty\": 5.28, \"reps\": 1,\n"
    "      \"lapses\": 0, \"last-review\": 1795510000, \"grades\": \"3\", \"first-review\": 1795510000 } } },\n"
    "  \"activity\": { \"2026-11-24\": 3 } }";
  static const char * const bad_rows[] = {
    "[[0, 1795510000000, \"gil\", \"recall\", \"2026-11-24\", 5, null, null]]",
    "[[1, 1795510000000, \"gil\", \"recall\", \"2026-11-24\", 3, null, null]]",
    "[[0, 1795510000000, \"\", \"recall\", \"2026-11-24\", 3, null, null]]",
    "[[0, 1795510000000, \"gil\", \"skim\", \"2026-11-24\", 3, null, null]]",
    "[[0, 1795510000000, \"gil\", \"recall\", \"2026-02-30\", 3, null, null]]",
    "[[0, 1795510000000, \"gil\", \"recall\", \"2026-11-24\", 3, -1.5, null]]",
    "[[0, 1795510000000, \"gil\", \"state\", \"2026-11-24\", null, null, null]]",
    "[[0, 1795510000000, \"gil\", \"state\", \"2026-11-24\", null, null, null, -3, 5, 1, 0, 1, 2]]",
    "[[0, -5, \"gil\", \"recall\", \"2026-11-24\", 3, null, null]]",
    "[\"gil\"]",
  };
  char *dir;
  g_autoptr(PyprepStudy) study = study_with_log (&dir);
  g_autoptr(GError) error = NULL;
  PyprepReviewState state;

  g_assert_true (pyprep_study_import_json (study, v3, strlen (v3), PYPREP_IMPORT_MERGE, &error));
  g_assert_no_error (error);
  g_assert_true (pyprep_study_get_review (study, "slots", &state));
  g_assert_cmpfloat (state.stability, ==, 3.173);
  assert_replay_matches (study, 1);

  for (guint i = 0; i < G_N_ELEMENTS (bad_rows); i++)
    {
      g_autofree char *file = g_strdup_printf ("{ \"format\": \"pyprep-study\", \"version\": 4, "
                                               "\"exported\": \"2026-11-25T08:00:00Z\", \"questions\": {}, "
                                               "\"activity\": {}, \"installations\": "
                                               "[\"5f0c6a8e-2b1d-4c3e-9f7a-1d2e3f4a5b6c\"], \"reviews\": %s }",
                                               bad_rows[i]);

      g_assert_false (pyprep_study_import_json (study, file, strlen (file), PYPREP_IMPORT_MERGE, &error));
      g_assert_error (error, PYPREP_STUDY_ERROR, PYPREP_STUDY_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_cmpint (pyprep_review_log_count (pyprep_study_get_review_log (study), NULL), ==, 1);

  /* The example of data/study-format.md (with a state entry added), as the
   * fuzzer's seed has it, reads. */
  {
    g_autofree char *example = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (g_test_get_filename (G_TEST_DIST, "fuzz", "seeds", "export-v4.json", NULL),
                                        &example, &length, NULL));
    g_assert_true (pyprep_study_import_json (study, example, length, PYPREP_IMPORT_MERGE, &error));
    g_assert_no_error (error);
    g_assert_cmpint (pyprep_review_log_count (pyprep_study_get_review_log (study), NULL), ==, 5);
    g_assert_true (pyprep_study_get_bookmarked (study, "gil-what-and-why"));
    assert_replay_matches (study, 4);
  }

  g_clear_object (&study);
  remove_dir (dir);
  g_free (dir);
}

/* Another program holds the log when a grade comes: the record takes the
 * grade, says the log is in use, and the grade waits; once the log is
 * free, the next grade writes both, in order. */
static void
test_locked_log (void)
{
  char *dir;
  g_autoptr(PyprepStudy) study = study_with_log (&dir);
  g_autofree char *path = g_build_filename (dir, "review-log.sqlite", NULL);
  g_autoptr(GDateTime) monday = at (23, 9);
  g_autoptr(GDateTime) tuesday = at (24, 9);
  g_autoptr(GPtrArray) entries = NULL;
  PyprepReviewState state;
  sqlite3 *other;

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_test_expect_message ("pyprep-study", G_LOG_LEVEL_WARNING, "*1 grades wait*in use*");
  pyprep_study_record_review (study, "gil", PYPREP_GRADE_GOOD, monday);
  g_test_assert_expected_messages ();
  g_assert_error ((GError *)pyprep_study_get_review_log_problem (study), PYPREP_REVIEW_LOG_ERROR,
                  PYPREP_REVIEW_LOG_ERROR_LOCKED);
  g_assert_true (pyprep_study_get_review (study, "gil", &state));

  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  pyprep_study_record_review (study, "mro", PYPREP_GRADE_HARD, tuesday);
  g_assert_null (pyprep_study_get_review_log_problem (study));
  entries = all_entries (study);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (((PyprepReviewEntry *)entries->pdata[0])->card, ==, "gil");
  assert_replay_matches (study, 2);

  g_clear_object (&study);
  remove_dir (dir);
  g_free (dir);
}

/* A damaged log: the record starts and keeps working without it, says
 * so, never touches the file; backups wait; restoring the newest backup
 * moves the damaged file aside, whole, and the backup's reviews come back
 * in a new log. */
static void
test_damaged_log (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pyprep-damaged-log-XXXXXX", NULL);
  g_autofree char *log_path = g_build_filename (dir, "review-log.sqlite", NULL);
  g_autofree char *backup_dir = g_build_filename (dir, "backups", NULL);
  g_autoptr(GFile) backups_file = g_file_new_for_path (backup_dir);
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(PyprepStudy) study = pyprep_study_new (settings);
  g_autoptr(GDateTime) monday = at (23, 9);
  g_autoptr(GDateTime) tuesday = at (24, 9);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *garbage = g_strnfill (4096, 'x');
  g_autofree char *after = NULL;
  g_autofree char *recovered_dir = g_build_filename (data_home, "pyprep", "recovered", NULL);
  gboolean found_copy = FALSE;
  PyprepReviewState state;

  /* Monday: a good log, and a backup holding its reviews. */
  g_assert_true (pyprep_study_open_review_log (study, log_path));
  pyprep_study_record_review (study, "gil", PYPREP_GRADE_GOOD, monday);
  g_assert_true (pyprep_backups_save_if_due (study, backups_file, monday, &error));
  g_assert_no_error (error);
  g_clear_object (&study);

  /* Tuesday: the file is garbage. */
  g_assert_true (g_file_set_contents (log_path, garbage, 4096, NULL));
  study = pyprep_study_new (settings);
  g_test_expect_message ("pyprep-study", G_LOG_LEVEL_WARNING, "*review log is not used*");
  g_assert_false (pyprep_study_open_review_log (study, log_path));
  g_test_assert_expected_messages ();
  g_assert_error ((GError *)pyprep_study_get_review_log_problem (study), PYPREP_REVIEW_LOG_ERROR,
                  PYPREP_REVIEW_LOG_ERROR_CORRUPT);

  /* The settings' state is all there and grading goes on. */
  g_assert_true (pyprep_study_get_review (study, "gil", &state));
  pyprep_study_record_review (study, "mro", PYPREP_GRADE_HARD, tuesday);
  g_assert_true (pyprep_study_get_review (study, "mro", &state));

  /* No backup is made over the good ones, and the file is untouched. */
  g_assert_true (pyprep_backups_save_if_due (study, backups_file, tuesday, &error));
  backups = pyprep_backups_list (backups_file);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_true (g_file_get_contents (log_path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, garbage);

  /* Restore: the garbage is moved aside whole, Monday's reviews return. */
  g_assert_true (pyprep_backups_restore (study, backups->pdata[0], &error));
  g_assert_no_error (error);
  g_assert_null (pyprep_study_get_review_log_problem (study));
  assert_replay_matches (study, 1);
  {
    g_autoptr(GPtrArray) gil = pyprep_review_log_query (pyprep_study_get_review_log (study), "gil", 0,
                                                        G_MAXINT64, NULL);
    guint grades = 0;

    for (guint i = 0; i < gil->len; i++)
      grades += ((PyprepReviewEntry *)gil->pdata[i])->kind == PYPREP_REVIEW_KIND_RECALL;
    g_assert_cmpuint (grades, ==, 1);  /* Monday's, from the backup */
  }
  {
    g_autoptr(GDir) recovered = g_dir_open (recovered_dir, 0, NULL);
    const char *name;

    while (recovered != NULL && (name = g_dir_read_name (recovered)) != NULL)
      if (g_str_has_prefix (name, "review-log-") && g_str_has_suffix (name, ".sqlite"))
        {
          g_autofree char *path = g_build_filename (recovered_dir, name, NULL);
          g_autofree char *kept = NULL;

          g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
          found_copy |= g_str_equal (kept, garbage);
        }
  }
  g_assert_true (found_copy);

  g_clear_object (&study);
  remove_dir (dir);
}

/* Undo of the last grade: the export (progress, grades, status,
 * activity and the log) is what it was before the grade, once; a grade
 * given again is logged once. */
static void
test_undo_review (void)
{
  char *dir;
  g_autoptr(PyprepStudy) study = study_with_log (&dir);
  g_autoptr(GDateTime) export_time = at (20, 12);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) regraded = NULL;

  for (int day = 1; day <= 9; day += 4)
    {
      g_autoptr(GDateTime) now = at (day, 9);

      pyprep_study_record_review (study, "gil", PYPREP_GRADE_GOOD, now);
      pyprep_study_record_review (study, "mro", PYPREP_GRADE_HARD, now);
    }
  {
    g_autoptr(GDateTime) now = at (13, 9);

    pyprep_study_set_status (study, "gil", PYPREP_STATUS_NEEDS_REVIEW);
    before = pyprep_study_export_json (study, export_time);

    /* Nothing to undo right after an export. */
    g_assert_false (pyprep_study_undo_review (study, "mro"));

    pyprep_study_record_review (study, "gil", PYPREP_GRADE_AGAIN, now);
    g_assert_cmpstr (pyprep_study_get_grades (study, "gil"), ==, "3331");
    g_assert_false (pyprep_study_undo_review (study, "mro"));  /* not the last */
    g_assert_true (pyprep_study_undo_review (study, "gil"));
    g_assert_false (pyprep_study_undo_review (study, "gil"));  /* once */
  }
  g_assert_cmpstr (pyprep_study_get_grades (study, "gil"), ==, "333");
  entries = all_entries (study);
  g_assert_cmpuint (entries->len, ==, 6);
  after = pyprep_study_export_json (study, export_time);
  g_assert_cmpstr (after, ==, before);

  /* A question never graded before is new again. */
  {
    g_autoptr(GDateTime) now = at (13, 10);
    g_autofree char *again = NULL;

    pyprep_study_record_review (study, "slots", PYPREP_GRADE_EASY, now);
    g_assert_true (pyprep_study_undo_review (study, "slots"));
    g_assert_cmpuint (pyprep_study_get_activity (study, "2026-11-13"), ==, 0);
    again = pyprep_study_export_json (study, export_time);
    g_assert_cmpstr (again, ==, before);
  }

  {
    g_autoptr(GDateTime) now = at (13, 9);

    pyprep_study_record_review (study, "gil", PYPREP_GRADE_GOOD, now);
  }
  regraded = all_entries (study);
  g_assert_cmpuint (regraded->len, ==, 7);

  g_clear_object (&study);
  remove_dir (dir);
  g_free (dir);
}

/* Asynchronous import ---------------------------------------------------- */

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} ImportWait;

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportWait *wait = user_data;

  wait->ok = pyprep_study_import_json_finish (PYPREP_STUDY (object), result, &wait->error);
  wait->done = TRUE;
}

static void
start_import (PyprepStudy      *study,
              const char       *data,
              gsize             length,
              PyprepImportMode  mode,
              ImportWait       *wait)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);

  memset (wait, 0, sizeof *wait);
  pyprep_study_import_json_async (study, bytes, mode, NULL, import_done_cb, wait);
}

static void
wait_import (ImportWait *wait)
{
  while (!wait->done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
import_async (PyprepStudy       *study,
              const char        *data,
              gsize              length,
              PyprepImportMode   mode,
              GError           **error)
{
  ImportWait wait;

  start_import (study, data, length, mode, &wait);
  wait_import (&wait);
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.ok;
}

/* The two records hold the same cards in the same state, and their logs
 * the same entries in the same order; only the installation that wrote
 * each (every log has its own) may differ. */
static void
assert_same_record (PyprepStudy *a,
                    PyprepStudy *b)
{
  g_autoptr(GPtrArray) in_a = all_entries (a);
  g_autoptr(GPtrArray) in_b = all_entries (b);
  g_autoptr(GHashTable) cards = g_hash_table_new (g_str_hash, g_str_equal);
  const char *known[] = { "gil", "mro", "slots", "only-on-a", "gil-what-and-why" };
  GHashTableIter iter;
  gpointer card;

  g_assert_cmpuint (in_a->len, ==, in_b->len);
  for (guint i = 0; i < in_a->len; i++)
    {
      PyprepReviewEntry *x = in_a->pdata[i], *y = in_b->pdata[i];

      g_assert_cmpstr (x->card, ==, y->card);
      /* A replacing import's states are dated when it ran. */
      if (x->kind != PYPREP_REVIEW_KIND_STATE)
        g_assert_cmpint (x->time, ==, y->time);
      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpint (x->rating, ==, y->rating);
      g_assert_cmpfloat (x->state.stability, ==, y->state.stability);
      g_assert_cmpint (x->state.due, ==, y->state.due);
      g_hash_table_add (cards, x->card);
    }
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    g_hash_table_add (cards, (gpointer)known[i]);

  g_assert_cmpuint (pyprep_study_get_n_entries (a), ==, pyprep_study_get_n_entries (b));
  g_hash_table_iter_init (&iter, cards);
  while (g_hash_table_iter_next (&iter, &card, NULL))
    {
      PyprepReviewState x = { 0 }, y = { 0 };

      g_assert_cmpint (pyprep_study_get_review (a, card, &x), ==, pyprep_study_get_review (b, card, &y));
      g_assert_cmpfloat (x.stability, ==, y.stability);
      g_assert_cmpfloat (x.difficulty, ==, y.difficulty);
      g_assert_cmpuint (x.reps, ==, y.reps);
      g_assert_cmpint (x.due, ==, y.due);
      g_assert_cmpint (pyprep_study_get_status (a, card), ==, pyprep_study_get_status (b, card));
      g_assert_cmpint (pyprep_study_get_bookmarked (a, card), ==, pyprep_study_get_bookmarked (b, card));
      g_assert_cmpstr (pyprep_study_get_note (a, card), ==, pyprep_study_get_note (b, card));
    }
}

/* A record graded on its own machine, ready to import into. */
static PyprepStudy *
graded_study (char **dir)
{
  PyprepStudy *study = study_with_log (dir);

  for (int day = 1; day <= 6; day++)
    {
      g_autoptr(GDateTime) noon = at (day, 12);

      pyprep_study_record_review (study, "gil", day % 3 ? PYPREP_GRADE_GOOD : PYPREP_GRADE_AGAIN, noon);
      pyprep_study_record_review (study, "slots", PYPREP_GRADE_HARD, noon);
    }
  return study;
}

/* Imported off the main thread, a file gives the record and the log that
 * the synchronous import gives: another machine's grades, the documented
 * example, and a file from before the log; merged and replacing. */
static void
test_async_same_as_sync (void)
{
  char *dir_a;
  g_autoptr(PyprepStudy) a = study_with_log (&dir_a);
  g_autoptr(GDateTime) export_time = at (30, 20);
  g_autofree char *example = NULL;
  g_autofree char *from_a = NULL;
  g_autofree char *v3 = NULL;
  gsize example_length;

  for (int day = 1; day <= 10; day++)
    {
      g_autoptr(GDateTime) morning = at (day, 8);

      pyprep_study_record_review (a, "gil", day % 4 ? PYPREP_GRADE_GOOD : PYPREP_GRADE_AGAIN, morning);
      pyprep_study_record_review (a, "only-on-a", PYPREP_GRADE_HARD, morning);
    }
  pyprep_study_set_bookmarked (a, "mro", TRUE);
  pyprep_study_set_note (a, "mro", "C3 linearisation");
  from_a = pyprep_study_export_json (a, export_time);

  g_assert_true (g_file_get_contents (g_test_get_filename (G_TEST_DIST, "fuzz", "seeds", "export-v4.json", NULL),
                                      &example, &example_length, NULL));
  v3 = g_strdup ("{ \"format\": \"pyprep-study\", \"version\": 3, \"exported\": \"2026-11-25T08:00:00Z\",\n"
                 "  \"questions\": { \"slots\": { \"status\": \"confident\", \"bookmarked\": false,\n"
                 "    \"first-seen\": 1795500000, \"last-seen\": 1795510000, \"opened\": 1, \"note\": \"\",\n"
                 "    \"review\": { \"due\": 1795769200, \"stability\": 3.173, \"difficulty\": 5.28, \"reps\": 1,\n"
                 "      \"lapses\": 0, \"last-review\": 1795510000, \"grades\": \"3\", \"first-review\": 1795510000 } } },\n"
                 "  \"activity\": { \"2026-11-24\": 3 } }");

  for (PyprepImportMode mode = PYPREP_IMPORT_MERGE; mode <= PYPREP_IMPORT_REPLACE; mode++)
    {
      char *dir_sync, *dir_async;
      g_autoptr(PyprepStudy) sync = graded_study (&dir_sync);
      g_autoptr(PyprepStudy) async = graded_study (&dir_async);
      const char *files[] = { from_a, example, v3 };
      gsize lengths[] = { strlen (from_a), example_length, strlen (v3) };
      g_autoptr(GError) error = NULL;

      assert_same_record (sync, async);
      for (guint i = 0; i < G_N_ELEMENTS (files); i++)
        {
          g_assert_true (pyprep_study_import_json (sync, files[i], lengths[i], mode, &error));
          g_assert_no_error (error);
          g_assert_true (import_async (async, files[i], lengths[i], mode, &error));
          g_assert_no_error (error);
          assert_same_record (sync, async);

          /* The other machine's grades are all in, and its bookmark. */
          if (i == 0)
            {
              g_autoptr(GPtrArray) entries = pyprep_review_log_query (pyprep_study_get_review_log (async),
                                                                      "only-on-a", 0, G_MAXINT64, NULL);

              g_assert_true (pyprep_study_get_bookmarked (async, "mro"));
              g_assert_cmpuint (entries->len, ==, 10);
            }
        }

      g_clear_object (&sync);
      g_clear_object (&async);
      remove_dir (dir_sync);
      remove_dir (dir_async);
      g_free (dir_sync);
      g_free (dir_async);
    }

  g_clear_object (&a);
  remove_dir (dir_a);
  g_free (dir_a);
}

/* A file with anything wrong, imported off the main thread, changes
 * neither the record nor the log, and says what the synchronous import
 * says. */
static void
test_async_bad_file (void)
{
  static const char * const bad[] = {
    "{ \"format\": \"pyprep-study\", \"version\": 4, \"exported\": \"2026-11-25T08:00:00Z\", \"questions\": {}, "
    "\"activity\": {}, \"installations\": [\"5f0c6a8e-2b1d-4c3e-9f7a-1d2e3f4a5b6c\"], \"reviews\": "
    "[[0, 1795510000000, \"gil\", \"recall\", \"2026-11-24\", 3, null, null], [0, 1795510000000, \"gil\", \"skim\", "
    "\"2026-11-24\", 3, null, null]] }",
    "{ \"format\": \"pyprep-study\", \"version\": 9, \"questions\": {}, \"activity\": {} }",
    "{ \"format\": \"pyprep-study\", \"version\": 4, \"questions\": { \"gil\": 3 }, \"activity\": {} }",
    "{ \"format\": \"pyprep-study\"",
    "\xff\xfe not text",
    "",
  };
  char *dir;
  g_autoptr(PyprepStudy) study = graded_study (&dir);
  g_autoptr(GDateTime) export_time = at (30, 20);
  g_autofree char *before = pyprep_study_export_json (study, export_time);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) far = g_date_time_add_days (now, 3);
  g_autofree char *future = NULL;

  {
    char *other_dir;
    g_autoptr(PyprepStudy) other = study_with_log (&other_dir);

    pyprep_study_record_review (other, "mro", PYPREP_GRADE_GOOD, far);
    future = pyprep_study_export_json (other, now);
    g_clear_object (&other);
    remove_dir (other_dir);
    g_free (other_dir);
  }

  for (guint i = 0; i <= G_N_ELEMENTS (bad); i++)
    {
      const char *file = i < G_N_ELEMENTS (bad) ? bad[i] : future;
      g_autoptr(GError) sync_error = NULL;
      g_autoptr(GError) async_error = NULL;
      g_autofree char *after = NULL;

      g_assert_false (pyprep_study_import_json (study, file, strlen (file), PYPREP_IMPORT_REPLACE, &sync_error));
      g_assert_false (import_async (study, file, strlen (file), PYPREP_IMPORT_REPLACE, &async_error));
      g_assert_nonnull (sync_error);
      g_assert_error (async_error, sync_error->domain, sync_error->code);
      g_assert_cmpstr (async_error->message, ==, sync_error->message);

      after = pyprep_study_export_json (study, export_time);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpint (pyprep_review_log_count (pyprep_study_get_review_log (study), NULL), ==, 12);
    }

  g_clear_object (&study);
  remove_dir (dir);
  g_free (dir);
}

/* A file of @n_cards cards graded @per_card times each, one day apart. */
static char *
big_export (guint n_cards,
            guint per_card)
{
  GString *json = g_string_new ("{ \"format\": \"pyprep-study\", \"version\": 4, "
                                "\"exported\": \"2026-11-25T08:00:00Z\", \"questions\": {}, \"activity\": {}, "
                                "\"installations\": [\"5f0c6a8e-2b1d-4c3e-9f7a-1d2e3f4a5b6c\"], \"reviews\": [");

  for (guint r = 0; r < per_card; r++)
    for (guint c = 0; c < n_cards; c++)
      {
        g_autoptr(GDateTime) first = g_date_time_new_utc (2026, 1, 1 + r, 8, 0, 0);
        g_autoptr(GDateTime) when = g_date_time_add_seconds (first, c);
        g_autofree char *day = g_date_time_format (when, "%Y-%m-%d");

        g_string_append_printf (json, "%s[0, %" G_GINT64_FORMAT ", \"card-%u\", \"recall\", \"%s\", %u, null, 20]",
                                r + c == 0 ? "" : ", ", g_date_time_to_unix (when) * 1000, c, day,
                                (r + c) % 5 == 0 ? 1 : 3);
      }
  g_string_append (json, "] }");
  return g_string_free (json, FALSE);
}

/* A grade given while an import runs is neither lost nor counted twice,
 * also on a card the file has grades of, and all the file's reviews are
 * in: the record is what replaying the whole log gives. */
static void
test_async_grade_meanwhile (void)
{
  char *dir;
  g_autoptr(PyprepStudy) study = graded_study (&dir);
  g_autofree char *file = big_export (200, 20);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) card_entries = NULL;
  g_autoptr(GPtrArray) gil_entries = NULL;
  PyprepReviewState state;
  ImportWait wait;

  start_import (study, file, strlen (file), PYPREP_IMPORT_MERGE, &wait);
  /* The import has not ended: its result waits for this thread. */
  pyprep_study_record_review (study, "gil", PYPREP_GRADE_EASY, now);
  pyprep_study_record_review (study, "card-7", PYPREP_GRADE_GOOD, now);
  g_assert_false (wait.done);
  g_assert_true (pyprep_study_get_review (study, "card-7", &state));
  g_assert_cmpuint (state.reps, ==, 1);
  wait_import (&wait);
  g_assert_no_error (wait.error);
  g_assert_true (wait.ok);

  /* 12 grades before, the file's 4,000, the 2 given meanwhile. */
  g_assert_cmpint (pyprep_review_log_count (pyprep_study_get_review_log (study), NULL), ==, 12 + 4000 + 2);
  gil_entries = pyprep_review_log_query (pyprep_study_get_review_log (study), "gil", 0, G_MAXINT64, NULL);
  g_assert_cmpuint (gil_entries->len, ==, 7);
  g_assert_cmpint (((PyprepReviewEntry *)gil_entries->pdata[6])->rating, ==, PYPREP_GRADE_EASY);
  card_entries = pyprep_review_log_query (pyprep_study_get_review_log (study), "card-7", 0, G_MAXINT64, NULL);
  g_assert_cmpuint (card_entries->len, ==, 21);
  g_assert_true (pyprep_study_get_review (study, "card-7", &state));
  g_assert_cmpuint (state.reps, ==, 21);
  g_assert_true (pyprep_study_get_review (study, "gil", &state));
  g_assert_cmpuint (state.reps, ==, 7);
  assert_replay_matches (study, 202);

  /* The grades wait no longer: the next is written at once. */
  {
    g_autoptr(GDateTime) later = g_date_time_add_minutes (now, 5);

    pyprep_study_record_review (study, "mro", PYPREP_GRADE_GOOD, later);
    g_assert_cmpint (pyprep_review_log_count (pyprep_study_get_review_log (study), NULL), ==, 12 + 4000 + 3);
  }

  g_clear_object (&study);
  remove_dir (dir);
  g_free (dir);
}

/* The log is swapped for another while an import runs (a damaged one set
 * aside): the file's reviews end in the log the record has now. */
static void
test_async_log_swapped (void)
{
  char *dir;
  g_autoptr(PyprepStudy) study = graded_study (&dir);
  g_autofree char *file = big_export (20, 5);
  g_autofree char *other = g_build_filename (dir, "other.sqlite", NULL);
  ImportWait wait;

  start_import (study, file, strlen (file), PYPREP_IMPORT_MERGE, &wait);
  g_assert_true (pyprep_study_open_review_log (study, other));
  wait_import (&wait);
  g_assert_no_error (wait.error);
  g_assert_true (wait.ok);

  /* The file's 100 reviews and the states the record carried over. */
  g_assert_cmpint (pyprep_review_log_count (pyprep_study_get_review_log (study), NULL), ==, 100 + 2);
  assert_replay_matches (study, 22);

  g_clear_object (&study);
  remove_dir (dir);
  g_free (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  data_home = g_dir_make_tmp ("pyprep-test-study-log-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/study-log/grades-logged", test_grades_logged);
  g_test_add_func ("/pyprep/study-log/migration", test_migration);
  g_test_add_func ("/pyprep/study-log/two-machines", test_two_machines);
  g_test_add_func ("/pyprep/study-log/future-refused", test_future_refused);
  g_test_add_func ("/pyprep/study-log/version-3-and-bad-rows", test_version_3_and_bad_rows);
  g_test_add_func ("/pyprep/study-log/locked-log", test_locked_log);
  g_test_add_func ("/pyprep/study-log/damaged-log", test_damaged_log);
  g_test_add_func ("/pyprep/study-log/undo-review", test_undo_review);
  g_test_add_func ("/pyprep/study-log/async-same-as-sync", test_async_same_as_sync);
  g_test_add_func ("/pyprep/study-log/async-bad-file", test_async_bad_file);
  g_test_add_func ("/pyprep/study-log/async-grade-meanwhile", test_async_grade_meanwhile);
  g_test_add_func ("/pyprep/study-log/async-log-swapped", test_async_log_swapped);

  status = g_test_run ();
  remove_dir (data_home);
  g_free (data_home);
  return status;
}
