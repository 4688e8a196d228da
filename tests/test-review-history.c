/* test-review-history.c: the review log read as the FSRS optimizer's
 * history: grades grouped by card, the kinds that share a card, state
 * entries, and elapsed days as the scheduler counts them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "pyprep-review-history.h"

#define DAY_MS ((gint64)24 * 60 * 60 * 1000)
/* 2026-11-23 10:00 UTC, a Monday. */
#define MONDAY_MS ((gint64)1795428000 * 1000)

static void
add (GPtrArray        *entries,
     const char       *card,
     PyprepReviewKind  kind,
     int               rating,
     gint64            time)
{
  PyprepReviewEntry *entry = pyprep_review_entry_new ();
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (time / 1000);
  g_autofree char *day = g_date_time_format (when, "%Y-%m-%d");

  entry->card = g_strdup (card);
  entry->kind = kind;
  entry->rating = rating;
  entry->time = time;
  g_strlcpy (entry->day, day, sizeof entry->day);
  g_ptr_array_add (entries, entry);
}

/* A recall card graded in practice and in a mock interview is one card;
 * an exercise is its own. Same-day grades are in the history but not
 * judged; a grade is judged from the card's second day on. */
static void
test_cards_and_kinds (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) pyprep_review_entry_free);
  g_autoptr(PyprepFsrsHistory) history = NULL;

  add (entries, "gil", PYPREP_REVIEW_KIND_RECALL, 3, MONDAY_MS);
  add (entries, "exercise:gil", PYPREP_REVIEW_KIND_EXERCISE, 2, MONDAY_MS + 1000);
  add (entries, "gil", PYPREP_REVIEW_KIND_RECALL, 3, MONDAY_MS + 60 * 1000);      /* same day */
  add (entries, "gil", PYPREP_REVIEW_KIND_MOCK, 4, MONDAY_MS + 3 * DAY_MS);      /* judged */
  add (entries, "exercise:gil", PYPREP_REVIEW_KIND_EXERCISE, 1, MONDAY_MS + 2 * DAY_MS);  /* judged */

  history = pyprep_review_history_build (entries);
  g_assert_cmpuint (pyprep_fsrs_history_n_cards (history), ==, 2);
  g_assert_cmpuint (pyprep_fsrs_history_n_reviews (history), ==, 5);
  g_assert_cmpuint (pyprep_fsrs_history_n_evaluated (history), ==, 2);
  g_assert_false (pyprep_fsrs_history_can_optimize (history));
}

/* A grade at 23:00 and the next at 07:00 the next day are a day apart,
 * as the scheduler counts them, though only 8 hours passed. */
static void
test_elapsed_by_day (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) pyprep_review_entry_free);
  g_autoptr(PyprepFsrsHistory) history = NULL;
  gint64 late = MONDAY_MS + 13 * 60 * 60 * 1000;  /* 23:00 UTC */

  add (entries, "gil", PYPREP_REVIEW_KIND_RECALL, 3, late);
  add (entries, "gil", PYPREP_REVIEW_KIND_RECALL, 3, late + 8 * 60 * 60 * 1000);
  history = pyprep_review_history_build (entries);
  g_assert_cmpuint (pyprep_fsrs_history_n_evaluated (history), ==, 1);
}

/* A reset makes the card new: its next grade is a first review again. A
 * migrated state hides the card's first review, so the grades after it
 * are left out until a reset. */
static void
test_state_entries (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) pyprep_review_entry_free);
  g_autoptr(PyprepFsrsHistory) history = NULL;
  PyprepReviewEntry *migrated;

  /* "gil": two judged grades, a reset, then a first and one judged. */
  add (entries, "gil", PYPREP_REVIEW_KIND_RECALL, 3, MONDAY_MS);
  add (entries, "gil", PYPREP_REVIEW_KIND_RECALL, 3, MONDAY_MS + 2 * DAY_MS);
  add (entries, "gil", PYPREP_REVIEW_KIND_RECALL, 1, MONDAY_MS + 9 * DAY_MS);
  add (entries, "gil", PYPREP_REVIEW_KIND_STATE, 0, MONDAY_MS + 10 * DAY_MS);
  add (entries, "gil", PYPREP_REVIEW_KIND_RECALL, 2, MONDAY_MS + 11 * DAY_MS);
  add (entries, "gil", PYPREP_REVIEW_KIND_RECALL, 3, MONDAY_MS + 12 * DAY_MS);

  /* "mro": migrated with a memory, so its grades do not count. */
  add (entries, "mro", PYPREP_REVIEW_KIND_STATE, 0, MONDAY_MS);
  migrated = g_ptr_array_index (entries, entries->len - 1);
  migrated->state.reps = 4;
  migrated->state.stability = 12.0;
  migrated->state.difficulty = 5.0;
  add (entries, "mro", PYPREP_REVIEW_KIND_RECALL, 3, MONDAY_MS + 5 * DAY_MS);
  add (entries, "mro", PYPREP_REVIEW_KIND_RECALL, 3, MONDAY_MS + 20 * DAY_MS);

  history = pyprep_review_history_build (entries);
  g_assert_cmpuint (pyprep_fsrs_history_n_cards (history), ==, 2);
  g_assert_cmpuint (pyprep_fsrs_history_n_reviews (history), ==, 5);
  g_assert_cmpuint (pyprep_fsrs_history_n_evaluated (history), ==, 3);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  PyprepFsrsHistory **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = pyprep_review_history_load_finish (result, &error);
  g_assert_no_error (error);
}

/* Read from the database on a worker thread, the same history. */
static void
test_load_from_log (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pyprep-history-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "reviews.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepReviewLog) log = pyprep_review_log_new (path, &error);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) pyprep_review_entry_free);
  PyprepFsrsHistory *history = NULL;

  g_assert_no_error (error);
  for (int i = 0; i < 4; i++)
    add (entries, "gil", PYPREP_REVIEW_KIND_RECALL, 3, MONDAY_MS + i * 3 * DAY_MS);
  add (entries, "exercise:gil", PYPREP_REVIEW_KIND_EXERCISE, 3, MONDAY_MS + 1000);
  for (guint i = 0; i < entries->len; i++)
    g_assert_true (pyprep_review_log_append (log, g_ptr_array_index (entries, i), &error));

  pyprep_review_history_load_async (log, NULL, loaded_cb, &history);
  while (history == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (pyprep_fsrs_history_n_cards (history), ==, 2);
  g_assert_cmpuint (pyprep_fsrs_history_n_reviews (history), ==, 5);
  g_assert_cmpuint (pyprep_fsrs_history_n_evaluated (history), ==, 3);
  pyprep_fsrs_history_free (history);

  g_clear_object (&log);
  g_remove (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_remove (wal);
    g_remove (shm);
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/review-history/cards-and-kinds", test_cards_and_kinds);
  g_test_add_func ("/pyprep/review-history/elapsed-by-day", test_elapsed_by_day);
  g_test_add_func ("/pyprep/review-history/state-entries", test_state_entries);
  g_test_add_func ("/pyprep/review-history/load-from-log", test_load_from_log);

  return g_test_run ();
}
