/* pyprep-review-history.c: turns the review log into the history the
 * FSRS optimizer fits to (pyprep-fsrs-optimizer.h).
 *
 * Each card of the log is a card of the history: a question's recall
 * card, graded in practice or in a mock interview (both are logged under
 * the question id), and each exercise (exercise:<id>) on its own. A
 * card's grades are taken in time order.
 *
 * State entries are not grades. A reset (a state with no repetitions)
 * makes the card new again, so its next grade starts a fresh history, as
 * a first review. A state that carries a memory (migrated from before
 * the log, or imported) means the grades that follow start from a
 * memory the log does not show: the optimizer would take the first of
 * them for a first review and learn wrong initial stabilities from it,
 * so they are left out until the card is reset. The reference optimizer
 * does the same with cards whose history does not begin with their
 * first review (fsrs-rs drops them when it converts a log).
 *
 * Elapsed time is counted as the scheduler counts it: whole local days
 * between two grades on different days, the fraction of a day between
 * two on the same day (below 1, which the optimizer does not judge).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-review-history"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include "pyprep-review-history.h"

typedef struct
{
  gboolean usable;    /* grades may be added to the card */
  gboolean started;   /* the history has a card for it */
  char     day[11];   /* the local day of its last grade */
  gint64   time;      /* and its time, ms */
} CardRun;

static gboolean
parse_day (const char *text,
           GDate      *date)
{
  unsigned int y, m, d;

  g_date_clear (date, 1);
  if (sscanf (text, "%4u-%2u-%2u", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/* Days from @run's last grade to @entry. */
static double
elapsed_days (const CardRun           *run,
              const PyprepReviewEntry *entry)
{
  GDate from, to;
  double same_day;

  same_day = MAX (entry->time - run->time, 0) / (24.0 * 60 * 60 * 1000);
  if (!parse_day (run->day, &from) || !parse_day (entry->day, &to))
    return entry->elapsed >= 1.0 ? floor (entry->elapsed) : MIN (same_day, 0.99);
  if (g_date_days_between (&from, &to) <= 0)
    return MIN (same_day, 0.99);   /* the same day, or a clock set back */
  return g_date_days_between (&from, &to);
}

/**
 * pyprep_review_history_build:
 * @entries: (element-type PyprepReviewEntry): the log's entries, as
 *   pyprep_review_log_read_all_sync() gives them (in time order)
 *
 * Returns: (transfer full): the grades of @entries, card by card
 */
PyprepFsrsHistory *
pyprep_review_history_build (GPtrArray *entries)
{
  g_autoptr(GHashTable) by_card = NULL;
  g_autoptr(GPtrArray) order = NULL;
  PyprepFsrsHistory *history;

  g_return_val_if_fail (entries != NULL, NULL);

  /* Each card's entries, in the order the log gives them. */
  by_card = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  order = g_ptr_array_new ();
  for (guint i = 0; i < entries->len; i++)
    {
      PyprepReviewEntry *entry = g_ptr_array_index (entries, i);
      GPtrArray *list = g_hash_table_lookup (by_card, entry->card);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_card, entry->card, list);
          g_ptr_array_add (order, list);
        }
      g_ptr_array_add (list, entry);
    }

  history = pyprep_fsrs_history_new ();
  for (guint c = 0; c < order->len; c++)
    {
      GPtrArray *list = g_ptr_array_index (order, c);
      CardRun run = { TRUE, FALSE, "", 0 };

      for (guint i = 0; i < list->len; i++)
        {
          PyprepReviewEntry *entry = g_ptr_array_index (list, i);
          g_autoptr(GError) error = NULL;
          double elapsed = 0;

          if (entry->kind == PYPREP_REVIEW_KIND_STATE)
            {
              run.usable = entry->state.reps == 0;
              run.started = FALSE;
              continue;
            }
          if (!run.usable)
            continue;

          if (!run.started)
            pyprep_fsrs_history_add_card (history);
          else
            elapsed = elapsed_days (&run, entry);

          if (!pyprep_fsrs_history_add_review (history, entry->time / 1000, elapsed, entry->rating, &error))
            {
              /* Left out, as the optimizer would: the rest of the log still counts. */
              g_debug ("A grade of %s is left out of the fit: %s", entry->card, error->message);
              if (!run.started)
                run.usable = FALSE;  /* the card's first grade is unknown */
              continue;
            }
          run.started = TRUE;
          g_strlcpy (run.day, entry->day, sizeof run.day);
          run.time = entry->time;
        }
    }

  return history;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GPtrArray) entries = NULL;
  GError *error = NULL;

  entries = pyprep_review_log_read_all_sync (task_data, cancellable, &error);
  if (entries == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, pyprep_review_history_build (entries),
                         (GDestroyNotify) pyprep_fsrs_history_free);
}

/**
 * pyprep_review_history_load_async:
 *
 * Reads @log and builds its history (pyprep_review_history_build()) on
 * a worker thread.
 */
void
pyprep_review_history_load_async (PyprepReviewLog    *log,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PYPREP_IS_REVIEW_LOG (log));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pyprep_review_history_load_async);
  g_task_set_task_data (task, g_strdup (pyprep_review_log_get_path (log)), g_free);
  g_task_run_in_thread (task, load_thread);
}

/* Returns: (transfer full): the history, or %NULL if the log could not be read */
PyprepFsrsHistory *
pyprep_review_history_load_finish (GAsyncResult *result,
                                   GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pyprep_review_history_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
