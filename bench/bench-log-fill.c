/* bench-log-fill.c: generates the benchmarks' review log (see the
 * header). The output only depends on the start time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bench-log-fill.h"

char *
bench_log_card_id (guint index)
{
  return index % 4 == 3 ? g_strdup_printf ("exercise:generated-%u", index)
                        : g_strdup_printf ("generated-%u", index);
}

/* Three years of daily practice: about 91 grades a day, each day's cards
 * drawn from those met so far and new ones, Good most often. */
void
bench_fill_review_log (PyprepReviewLog *log,
                       gint64           start_ms)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)pyprep_review_entry_free);
  g_autoptr(GArray) last = g_array_new (FALSE, TRUE, sizeof (gint64));
  GRand *rand = g_rand_new_with_seed (23);
  g_autoptr(GError) error = NULL;

  g_array_set_size (last, BENCH_LOG_CARDS);
  for (guint i = 0; i < BENCH_LOG_REVIEWS; i++)
    {
      PyprepReviewEntry *entry = pyprep_review_entry_new ();
      guint day = (guint)((guint64)i * BENCH_LOG_DAYS / BENCH_LOG_REVIEWS);
      guint met = MIN (BENCH_LOG_CARDS, 20 + day * 2);
      guint card = g_rand_int_range (rand, 0, met);
      guint roll = g_rand_int_range (rand, 0, 100);
      gint64 *previous = &g_array_index (last, gint64, card);

      entry->installation = g_strdup (pyprep_review_log_get_installation (log));
      entry->card = bench_log_card_id (card);
      entry->kind = card % 4 == 3 ? PYPREP_REVIEW_KIND_EXERCISE : PYPREP_REVIEW_KIND_RECALL;
      entry->time = start_ms + day * BENCH_DAY_MS + (gint64)(i % 91) * 20000;
      entry->rating = roll < 10 ? 1 : roll < 25 ? 2 : roll < 90 ? 3 : 4;
      entry->seconds = g_rand_int_range (rand, 3, 240);
      g_snprintf (entry->day, sizeof entry->day, "%04u-%02u-%02u", 2023 + day / 365, 1 + day % 365 / 31,
                  1 + day % 31 % 28);
      if (*previous > 0)
        entry->elapsed = (double)(entry->time - *previous) / BENCH_DAY_MS;
      *previous = entry->time;
      g_ptr_array_add (entries, entry);
    }
  g_rand_free (rand);

  if (!pyprep_review_log_merge (log, entries, NULL, &error))
    g_error ("Could not fill the log: %s", error->message);
}
