/* test-review-log.c: the review log database: what it keeps, merging,
 * replay, and the faults it must survive (a damaged or locked file, a
 * kill -9 while writing, a clock that goes backwards).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pyprep-review-log.h"

#define DAY_MS ((gint64)24 * 60 * 60 * 1000)
/* 2026-11-23 09:00 UTC */
#define MONDAY_MS ((gint64)1795424400 * 1000)

static char *
temp_log_path (char **dir)
{
  *dir = g_dir_make_tmp ("pyprep-review-log-XXXXXX", NULL);
  return g_build_filename (*dir, "review-log.sqlite", NULL);
}

static void
remove_log (char *dir)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (dir, "/review-log.sqlite", suffixes[i], NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
  g_free (dir);
}

static PyprepReviewEntry *
grade (const char       *card,
       PyprepReviewKind  kind,
       int               rating,
       gint64            time)
{
  PyprepReviewEntry *entry = pyprep_review_entry_new ();

  entry->card = g_strdup (card);
  entry->kind = kind;
  entry->rating = rating;
  entry->time = time;
  return entry;
}

/* What is appended reads back, per card and by time, across a reopen,
 * with the same installation id. */
static void
test_append_and_query (void)
{
  char *dir;
  g_autofree char *path = temp_log_path (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepReviewLog) log = pyprep_review_log_new (path, &error);
  g_autoptr(PyprepReviewLog) again = NULL;
  g_autoptr(GPtrArray) gil = NULL;
  g_autoptr(GPtrArray) week = NULL;
  g_autofree char *installation = NULL;

  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (pyprep_review_log_get_installation (log)));
  installation = g_strdup (pyprep_review_log_get_installation (log));
  g_assert_cmpint (pyprep_review_log_count (log, NULL), ==, 0);

  {
    g_autoptr(PyprepReviewEntry) a = grade ("gil", PYPREP_REVIEW_KIND_RECALL, 3, MONDAY_MS);
    g_autoptr(PyprepReviewEntry) b = grade ("exercise:lru", PYPREP_REVIEW_KIND_EXERCISE, 2, MONDAY_MS + 1000);
    g_autoptr(PyprepReviewEntry) c = grade ("gil", PYPREP_REVIEW_KIND_MOCK, 4, MONDAY_MS + 3 * DAY_MS);

    b->seconds = 95;
    g_strlcpy (c->day, "2026-11-26", sizeof c->day);
    g_assert_true (pyprep_review_log_append (log, a, &error));
    g_assert_true (pyprep_review_log_append (log, b, &error));
    g_assert_true (pyprep_review_log_append (log, c, &error));
    g_assert_no_error (error);
    g_assert_cmpfloat (a->elapsed, <, 0);
    g_assert_cmpfloat_with_epsilon (c->elapsed, 3.0, 1e-9);
    g_assert_cmpint (a->seq, <, b->seq);
    g_assert_cmpint (b->seq, <, c->seq);
  }

  g_clear_object (&log);
  again = pyprep_review_log_new (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pyprep_review_log_get_installation (again), ==, installation);
  g_assert_cmpint (pyprep_review_log_count (again, NULL), ==, 3);

  gil = pyprep_review_log_query (again, "gil", 0, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gil->len, ==, 2);
  {
    PyprepReviewEntry *first = gil->pdata[0], *second = gil->pdata[1];

    g_assert_cmpint (first->kind, ==, PYPREP_REVIEW_KIND_RECALL);
    g_assert_cmpint (first->rating, ==, 3);
    g_assert_cmpint (first->seconds, <, 0);
    g_assert_cmpint (second->kind, ==, PYPREP_REVIEW_KIND_MOCK);
    g_assert_cmpstr (second->day, ==, "2026-11-26");
    g_assert_cmpstr (second->installation, ==, installation);
  }

  week = pyprep_review_log_query (again, NULL, MONDAY_MS + 1, MONDAY_MS + 3 * DAY_MS, &error);
  g_assert_cmpuint (week->len, ==, 1);
  g_assert_cmpstr (((PyprepReviewEntry *)week->pdata[0])->card, ==, "exercise:lru");
  g_assert_cmpint (((PyprepReviewEntry *)week->pdata[0])->seconds, ==, 95);

  g_clear_object (&again);
  remove_log (dir);
}

/* Two machines' logs combine without duplicates, however often merged. */
static void
test_merge (void)
{
  char *dir_a, *dir_b;
  g_autofree char *path_a = temp_log_path (&dir_a);
  g_autofree char *path_b = temp_log_path (&dir_b);
  g_autoptr(PyprepReviewLog) a = pyprep_review_log_new (path_a, NULL);
  g_autoptr(PyprepReviewLog) b = pyprep_review_log_new (path_b, NULL);
  g_autoptr(GPtrArray) from_a = NULL;
  g_autoptr(GPtrArray) from_b = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  guint added = 0;

  g_assert_cmpstr (pyprep_review_log_get_installation (a), !=, pyprep_review_log_get_installation (b));
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(PyprepReviewEntry) on_a = grade ("gil", PYPREP_REVIEW_KIND_RECALL, 3, MONDAY_MS + i * DAY_MS);
      /* The same card at the same times on the other machine: other entries. */
      g_autoptr(PyprepReviewEntry) on_b = grade ("gil", PYPREP_REVIEW_KIND_RECALL, 1, MONDAY_MS + i * DAY_MS);

      g_assert_true (pyprep_review_log_append (a, on_a, NULL));
      g_assert_true (pyprep_review_log_append (b, on_b, NULL));
    }

  from_a = pyprep_review_log_query (a, NULL, 0, G_MAXINT64, NULL);
  from_b = pyprep_review_log_query (b, NULL, 0, G_MAXINT64, NULL);
  g_assert_true (pyprep_review_log_merge (a, from_b, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 5);
  g_assert_true (pyprep_review_log_merge (a, from_b, &added, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_true (pyprep_review_log_merge (a, from_a, &added, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpint (pyprep_review_log_count (a, NULL), ==, 10);

  all = pyprep_review_log_query (a, NULL, 0, G_MAXINT64, NULL);
  for (guint i = 1; i < all->len; i++)
    g_assert_cmpint (((PyprepReviewEntry *)all->pdata[i - 1])->time, <=, ((PyprepReviewEntry *)all->pdata[i])->time);

  g_clear_object (&a);
  g_clear_object (&b);
  remove_log (dir_a);
  remove_log (dir_b);
}

/* No other card is due on any day: the load a lone card's replay sees. */
static guint
no_load_cb (gint64   when,
            gpointer user_data)
{
  return 0;
}

/* A clock set back: the entry is still written, after the ones before it,
 * with no negative elapsed time; replay sees the grades in the order the
 * scheduler saw them, at the times the log holds for them (a grade given
 * with the clock set back at its card's previous time). */
static void
test_clock_backwards (void)
{
  char *dir;
  g_autofree char *path = temp_log_path (&dir);
  g_autoptr(PyprepReviewLog) log = pyprep_review_log_new (path, NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) replayed = NULL;
  PyprepReviewState live = { 0 };
  PyprepSchedulerConfig config;
  const gint64 times[] = { MONDAY_MS, MONDAY_MS + 3 * DAY_MS, MONDAY_MS - 5 * DAY_MS, MONDAY_MS - 5 * DAY_MS,
                           MONDAY_MS + 4 * DAY_MS };
  const int ratings[] = { 3, 3, 1, 3, 4 };

  pyprep_scheduler_config_init (&config);
  config.due_count = no_load_cb;
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(PyprepReviewEntry) entry = grade ("gil", PYPREP_REVIEW_KIND_RECALL, ratings[i], times[i]);
      g_autoptr(GError) error = NULL;

      g_assert_true (pyprep_review_log_append (log, entry, &error));
      g_assert_no_error (error);
      pyprep_scheduler_review_full (&config, &live, ratings[i], entry->time / 1000, "gil", &live);
      g_assert_cmpfloat (entry->elapsed, >=, 0 - (i == 0));
    }

  entries = pyprep_review_log_query (log, "gil", 0, G_MAXINT64, NULL);
  g_assert_cmpuint (entries->len, ==, 5);
  for (guint i = 0; i < entries->len; i++)
    {
      PyprepReviewEntry *entry = entries->pdata[i];

      g_assert_cmpint (entry->rating, ==, ratings[i]);  /* order of arrival */
      if (i > 0)
        {
          g_assert_cmpfloat (entry->elapsed, >=, 0);
          g_assert_cmpint (entry->seq, >, ((PyprepReviewEntry *)entries->pdata[i - 1])->seq);
        }
    }

  replayed = pyprep_review_replay (entries, NULL);
  {
    PyprepReviewState *state = g_hash_table_lookup (replayed, "gil");

    g_assert_nonnull (state);
    g_assert_cmpfloat (state->stability, ==, live.stability);
    g_assert_cmpfloat (state->difficulty, ==, live.difficulty);
    g_assert_cmpint (state->due, ==, live.due);
    g_assert_cmpuint (state->lapses, ==, 1);
  }

  g_clear_object (&log);
  remove_log (dir);
}

/* Replay: a state entry sets a card's state, a reset forgets it, and grades
 * after it go through the scheduler. Also through the worker thread. */
static void
read_all_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static void
test_replay_states (void)
{
  char *dir;
  g_autofree char *path = temp_log_path (&dir);
  g_autoptr(PyprepReviewLog) log = pyprep_review_log_new (path, NULL);
  g_autoptr(PyprepReviewEntry) carried = grade ("mro", PYPREP_REVIEW_KIND_STATE, 0, MONDAY_MS);
  g_autoptr(PyprepReviewEntry) after = grade ("mro", PYPREP_REVIEW_KIND_RECALL, 3, MONDAY_MS + 10 * DAY_MS);
  g_autoptr(PyprepReviewEntry) other = grade ("gil", PYPREP_REVIEW_KIND_RECALL, 3, MONDAY_MS);
  g_autoptr(PyprepReviewEntry) reset = grade ("gil", PYPREP_REVIEW_KIND_STATE, 0, MONDAY_MS + DAY_MS);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(GError) error = NULL;
  PyprepReviewState expected;
  PyprepReviewState *state;

  carried->state = (PyprepReviewState) { .stability = 12.5, .difficulty = 6.25, .reps = 4, .lapses = 1,
                                         .last_review = MONDAY_MS / 1000, .due = MONDAY_MS / 1000 + 12 * 86400 };
  g_assert_true (pyprep_review_log_append (log, carried, NULL));
  g_assert_true (pyprep_review_log_append (log, after, NULL));
  g_assert_true (pyprep_review_log_append (log, other, NULL));
  g_assert_true (pyprep_review_log_append (log, reset, NULL));

  pyprep_review_log_read_all_async (log, NULL, read_all_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  entries = pyprep_review_log_read_all_finish (log, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 4);

  states = pyprep_review_replay (entries, NULL);
  g_assert_false (g_hash_table_contains (states, "gil"));
  state = g_hash_table_lookup (states, "mro");
  g_assert_nonnull (state);
  /* As the app grades it: fuzzed by its id, no other card due then. */
  {
    PyprepSchedulerConfig config;

    pyprep_scheduler_config_init (&config);
    config.due_count = no_load_cb;
    pyprep_scheduler_review_full (&config, &carried->state, PYPREP_GRADE_GOOD, after->time / 1000, "mro",
                                  &expected);
  }
  g_assert_cmpuint (state->reps, ==, 5);
  g_assert_cmpfloat (state->stability, ==, expected.stability);
  g_assert_cmpint (state->due, ==, expected.due);

  g_clear_object (&log);
  remove_log (dir);
}

/* A state entry keeps the card's phase and step: a card carried over in
 * the middle of its learning steps continues them after replay. */
static void
test_state_phase (void)
{
  char *dir;
  g_autofree char *path = temp_log_path (&dir);
  g_autoptr(PyprepReviewLog) log = pyprep_review_log_new (path, NULL);
  g_autoptr(PyprepReviewEntry) learning = grade ("gil", PYPREP_REVIEW_KIND_STATE, 0, MONDAY_MS);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) states = NULL;
  PyprepReviewEntry *read;

  learning->state = (PyprepReviewState) { .stability = 2.5, .difficulty = 5.0, .reps = 1,
                                          .last_review = MONDAY_MS / 1000, .due = MONDAY_MS / 1000 + 600,
                                          .phase = PYPREP_CARD_PHASE_LEARNING, .step = 1 };
  g_assert_true (pyprep_review_log_append (log, learning, NULL));
  entries = pyprep_review_log_query (log, "gil", 0, G_MAXINT64, NULL);
  g_assert_cmpuint (entries->len, ==, 1);
  read = entries->pdata[0];
  g_assert_cmpint (read->state.phase, ==, PYPREP_CARD_PHASE_LEARNING);
  g_assert_cmpuint (read->state.step, ==, 1);

  states = pyprep_review_replay (entries, NULL);
  g_assert_cmpint (((PyprepReviewState *)g_hash_table_lookup (states, "gil"))->phase, ==,
                   PYPREP_CARD_PHASE_LEARNING);

  g_clear_object (&log);
  remove_log (dir);
}

static char *
read_whole (const char *path,
            gsize      *length)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

/* Garbage where the log should be: reported, never written over. */
static void
test_corrupt (void)
{
  char *dir;
  g_autofree char *path = temp_log_path (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  gsize before_length, after_length;
  char garbage[8192];

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (char)(g_random_int () & 0xff);
  memcpy (garbage, "not SQLite at all", 17);
  g_assert_true (g_file_set_contents (path, garbage, sizeof garbage, NULL));
  before = read_whole (path, &before_length);

  g_assert_null (pyprep_review_log_new (path, &error));
  g_assert_error (error, PYPREP_REVIEW_LOG_ERROR, PYPREP_REVIEW_LOG_ERROR_CORRUPT);

  after = read_whole (path, &after_length);
  g_assert_cmpmem (before, before_length, after, after_length);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_clear_error (&error);
  g_assert_null (pyprep_review_log_read_all_sync (path, NULL, &error));
  g_assert_error (error, PYPREP_REVIEW_LOG_ERROR, PYPREP_REVIEW_LOG_ERROR_CORRUPT);

  remove_log (dir);
}

/* Someone else's database, or one from a newer PyPrep: left alone. */
static void
test_foreign_and_newer (void)
{
  char *dir;
  g_autofree char *path = temp_log_path (&dir);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (text TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_null (pyprep_review_log_new (path, &error));
  g_assert_error (error, PYPREP_REVIEW_LOG_ERROR, PYPREP_REVIEW_LOG_ERROR_CORRUPT);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_null (pyprep_review_log_new (path, &error));
  g_assert_error (error, PYPREP_REVIEW_LOG_ERROR, PYPREP_REVIEW_LOG_ERROR_VERSION);
  g_assert_cmpint (sqlite3_exec (db, "SELECT * FROM notes", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  remove_log (dir);
}

/* Another program holds the log with an exclusive lock: opening says so
 * (after a short wait) and changes nothing; once it lets go, all is there. */
static void
test_locked (void)
{
  char *dir;
  g_autofree char *path = temp_log_path (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepReviewLog) log = pyprep_review_log_new (path, NULL);
  g_autoptr(PyprepReviewEntry) entry = grade ("gil", PYPREP_REVIEW_KIND_RECALL, 3, MONDAY_MS);
  sqlite3 *other;

  g_assert_true (pyprep_review_log_append (log, entry, NULL));
  g_clear_object (&log);

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;", NULL, NULL, NULL),
                   ==, SQLITE_OK);

  g_assert_null (pyprep_review_log_new (path, &error));
  g_assert_error (error, PYPREP_REVIEW_LOG_ERROR, PYPREP_REVIEW_LOG_ERROR_LOCKED);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  log = pyprep_review_log_new (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pyprep_review_log_count (log, NULL), ==, 1);

  g_clear_object (&log);
  remove_log (dir);
}

/* --append-loop PATH: appends grades for ever, printing each one's card
 * and time once its transaction is committed (test_killed). */
static int
append_loop (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepReviewLog) log = pyprep_review_log_new (path, &error);

  if (log == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  for (guint i = 0;; i++)
    {
      g_autofree char *card = g_strdup_printf ("card-%u", i % 50);
      g_autoptr(PyprepReviewEntry) entry = grade (card, i % 3 ? PYPREP_REVIEW_KIND_RECALL : PYPREP_REVIEW_KIND_EXERCISE,
                                                  1 + i % 4, MONDAY_MS + i * 60000);

      if (!pyprep_review_log_append (log, entry, &error))
        {
          g_printerr ("%s\n", error->message);
          return 3;
        }
      printf ("%s %" G_GINT64_FORMAT "\n", entry->card, entry->time);
      fflush (stdout);
    }
}

/* kill -9 while grades are being written loses none that was committed,
 * and leaves a sound database. */
static void
test_killed (void)
{
  char *dir;
  g_autofree char *path = temp_log_path (&dir);
  guint total = 0;

  for (guint round = 0; round < 8; round++)
    {
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) output = NULL;
      g_autoptr(PyprepReviewLog) log = NULL;
      g_auto(GStrv) lines = NULL;
      guint committed = 0;

      child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "/proc/self/exe",
                                "--append-loop", path, NULL);
      g_assert_no_error (error);
      g_usleep ((150 + g_random_int_range (0, 300)) * 1000);
      g_subprocess_force_exit (child);
      /* What it printed before it died: every grade it saw committed. */
      g_assert_true (g_subprocess_communicate (child, NULL, NULL, &output, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (child));

      log = pyprep_review_log_new (path, &error);
      g_assert_no_error (error);
      g_assert_true (pyprep_review_log_check (log, &error));
      g_assert_no_error (error);

      lines = g_strsplit (g_bytes_get_data (output, NULL) ? g_bytes_get_data (output, NULL) : "", "\n", -1);
      /* The last piece is empty, or a line cut short by the kill. */
      for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
        {
          g_auto(GStrv) fields = g_strsplit (lines[i], " ", 2);
          g_autoptr(GPtrArray) found = NULL;
          gint64 time;

          g_assert_cmpuint (g_strv_length (fields), ==, 2);
          time = g_ascii_strtoll (fields[1], NULL, 10);
          found = pyprep_review_log_query (log, fields[0], time, time + 1, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (found->len, ==, 1);
          committed++;
        }
      g_assert_cmpint (pyprep_review_log_count (log, NULL), >=, total + committed);
      total = (guint)pyprep_review_log_count (log, NULL);
      g_test_message ("round %u: %u grades reported committed, %u in the log", round, committed, total);
    }
  g_assert_cmpuint (total, >, 0);

  remove_log (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--append-loop"))
    return append_loop (argv[2]);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/review-log/append-and-query", test_append_and_query);
  g_test_add_func ("/pyprep/review-log/merge", test_merge);
  g_test_add_func ("/pyprep/review-log/clock-backwards", test_clock_backwards);
  g_test_add_func ("/pyprep/review-log/replay-states", test_replay_states);
  g_test_add_func ("/pyprep/review-log/state-phase", test_state_phase);
  g_test_add_func ("/pyprep/review-log/corrupt", test_corrupt);
  g_test_add_func ("/pyprep/review-log/foreign-and-newer", test_foreign_and_newer);
  g_test_add_func ("/pyprep/review-log/locked", test_locked);
  g_test_add_func ("/pyprep/review-log/killed", test_killed);

  return g_test_run ();
}
