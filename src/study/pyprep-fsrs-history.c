/* pyprep-fsrs-history.c: the review log as the optimizer reads it (each
 * card's reviews in order, with the days waited before each), which of
 * its reviews the model is judged on, and how well parameters predict
 * them: log loss and RMSE(bins), as the FSRS benchmark measures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-fsrs-optimizer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pyprep-fsrs-optimizer.h"
#include "pyprep-fsrs-optimizer-private.h"

PyprepFsrsHistory *
pyprep_fsrs_history_new (void)
{
  PyprepFsrsHistory *history = g_new0 (PyprepFsrsHistory, 1);

  history->reviews = g_array_new (FALSE, FALSE, sizeof (PyprepFsrsReview));
  history->card_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  return history;
}

PyprepFsrsHistory *
pyprep_fsrs_history_copy (const PyprepFsrsHistory *history)
{
  PyprepFsrsHistory *copy;

  g_return_val_if_fail (history != NULL, NULL);

  copy = pyprep_fsrs_history_new ();
  g_array_append_vals (copy->reviews, history->reviews->data, history->reviews->len);
  g_array_append_vals (copy->card_starts, history->card_starts->data, history->card_starts->len);
  return copy;
}

void
pyprep_fsrs_history_free (PyprepFsrsHistory *history)
{
  if (history == NULL)
    return;

  g_array_unref (history->reviews);
  g_array_unref (history->card_starts);
  g_free (history);
}

/* Starts a new card: the reviews added next are its, in time order. */
void
pyprep_fsrs_history_add_card (PyprepFsrsHistory *history)
{
  guint start;

  g_return_if_fail (history != NULL);

  start = history->reviews->len;
  /* A card without reviews takes no place. */
  if (history->card_starts->len > 0
      && g_array_index (history->card_starts, guint, history->card_starts->len - 1) == start)
    return;
  g_array_append_val (history->card_starts, start);
}

/**
 * pyprep_fsrs_history_add_review:
 * @time: when the review happened, Unix seconds; only the order of the
 *   times in the log matters (recent reviews weigh more in a fit). 0 for
 *   every review if unknown: then all weigh the same.
 * @elapsed_days: days since the card's previous review: below 1 for a
 *   review the same day, whole days otherwise (as the scheduler counts
 *   them); ignored for a card's first review
 * @rating: 1 Again, 2 Hard, 3 Good, 4 Easy
 *
 * Appends a review to the card last started with
 * pyprep_fsrs_history_add_card (). A review that cannot be right is not
 * added, and @error says why.
 */
gboolean
pyprep_fsrs_history_add_review (PyprepFsrsHistory  *history,
                                gint64              time,
                                double              elapsed_days,
                                int                 rating,
                                GError            **error)
{
  PyprepFsrsReview review = { time, elapsed_days, rating };
  guint last_start;

  g_return_val_if_fail (history != NULL, FALSE);
  g_return_val_if_fail (history->card_starts->len > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (rating < 1 || rating > 4)
    {
      g_set_error (error, PYPREP_FSRS_OPTIMIZER_ERROR, PYPREP_FSRS_OPTIMIZER_ERROR_INVALID_REVIEW,
                   _("A review has the rating %d, which is not one of Again, Hard, Good or Easy"),
                   rating);
      return FALSE;
    }

  last_start = g_array_index (history->card_starts, guint, history->card_starts->len - 1);
  if (last_start == history->reviews->len)
    review.elapsed = 0;
  else if (!isfinite (elapsed_days) || elapsed_days < 0)
    {
      g_set_error (error, PYPREP_FSRS_OPTIMIZER_ERROR, PYPREP_FSRS_OPTIMIZER_ERROR_INVALID_REVIEW,
                   _("A review is dated %g days after the one before it, which cannot be"),
                   elapsed_days);
      return FALSE;
    }

  g_array_append_val (history->reviews, review);
  return TRUE;
}

/* Cards with at least one review. */
guint
pyprep_fsrs_history_n_cards (const PyprepFsrsHistory *history)
{
  guint n;

  g_return_val_if_fail (history != NULL, 0);

  n = history->card_starts->len;
  /* A card just started, with no review yet, does not count. */
  if (n > 0 && g_array_index (history->card_starts, guint, n - 1) == history->reviews->len)
    n--;
  return n;
}

guint
pyprep_fsrs_history_n_reviews (const PyprepFsrsHistory *history)
{
  g_return_val_if_fail (history != NULL, 0);

  return history->reviews->len;
}

/* The reviews the model is judged on: all but each card's first, and
 * none done the same day as the one before. */
guint
pyprep_fsrs_history_n_evaluated (const PyprepFsrsHistory *history)
{
  guint count = 0;

  g_return_val_if_fail (history != NULL, 0);

  for (guint c = 0; c < history->card_starts->len; c++)
    {
      guint n;
      const PyprepFsrsReview *reviews = card_reviews (history, c, &n);

      for (guint i = 0; i < n; i++)
        count += is_judged (reviews, i);
    }

  return count;
}

/* Whether the log is large enough to offer Optimize. */
gboolean
pyprep_fsrs_history_can_optimize (const PyprepFsrsHistory *history)
{
  g_return_val_if_fail (history != NULL, FALSE);

  return pyprep_fsrs_history_n_evaluated (history) >= PYPREP_FSRS_OPTIMIZER_MIN_REVIEWS;
}

/* Metrics --------------------------------------------------------------- */

typedef struct
{
  double sum_p;
  double sum_y;
  double n;
} Bin;

/* The bin of a judged review in RMSE(bins), as the FSRS benchmark
 * defines it (open-spaced-repetition/srs-benchmark, utils.py,
 * rmse_matrix; the same in fsrs-rs src/dataset.rs, r_matrix_index):
 * reviews are grouped by three keys, each on a log scale,
 *
 *   days waited t:        2.48 x 3.62^floor(log_3.62 t)
 *   the review's number:  1.99 x 1.89^floor(log_1.89 n), n = 1 + the
 *                         card's reviews on a later day than the one
 *                         before, up to and including this one
 *   lapses l before:      0, or 1.65 x 1.73^floor(log_1.73 l), l = the
 *                         card's earlier Agains on a later day
 *
 * and RMSE(bins) = sqrt (sum over bins of n_b (mean y_b - mean p_b)^2 /
 * sum of n_b). Not bins of predicted R, as the FSRS optimizer's older
 * calibration check had them: the benchmark bins by these features of
 * the history. The keys below are the floor () exponents, which name the
 * same bins. */
static gint64
bin_key (double t,
         guint  number,
         guint  lapses)
{
  gint64 kt = (gint64) floor (log (t) / log (3.62));
  gint64 kn = (gint64) floor (log (number) / log (1.89));
  gint64 kl = lapses == 0 ? -1 : (gint64) floor (log (lapses) / log (1.73));

  return ((kt + 1) << 32) | ((kn + 1) << 16) | (kl + 1);
}

static void
bin_add (GHashTable *bins,
         gint64      key,
         double      p,
         double      y)
{
  Bin *bin = g_hash_table_lookup (bins, &key);

  if (bin == NULL)
    {
      gint64 *k = g_new (gint64, 1);

      *k = key;
      bin = g_new0 (Bin, 1);
      g_hash_table_insert (bins, k, bin);
    }

  bin->sum_p += p;
  bin->sum_y += y;
  bin->n += 1;
}

static double
bins_rmse (GHashTable *bins)
{
  GHashTableIter iter;
  gpointer value;
  double sum = 0, n = 0;

  g_hash_table_iter_init (&iter, bins);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Bin *bin = value;
      double diff = bin->sum_y / bin->n - bin->sum_p / bin->n;

      sum += bin->n * diff * diff;
      n += bin->n;
    }

  return n > 0 ? sqrt (sum / n) : 0;
}

/**
 * pyprep_fsrs_evaluate:
 * @targets: (nullable): if given, what each judged review is compared
 *   to, in the order of the log, instead of its outcome (a test passes
 *   the true chance of recall)
 * @n_targets: the length of @targets: pyprep_fsrs_history_n_evaluated ()
 * @out: (out caller-allocates): the mean log loss and RMSE(bins); both 0
 *   for a log with nothing to judge
 */
void
pyprep_fsrs_evaluate (const PyprepFsrsHistory *history,
                      const PyprepFsrsParams  *params,
                      const double            *targets,
                      gsize                    n_targets,
                      PyprepFsrsMetrics       *out)
{
  g_autoptr(GHashTable) bins = NULL;
  double sum = 0;
  gsize k = 0;

  g_return_if_fail (history != NULL);
  g_return_if_fail (params != NULL);
  g_return_if_fail (out != NULL);
  g_return_if_fail (targets == NULL || n_targets == pyprep_fsrs_history_n_evaluated (history));

  bins = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint c = 0; c < history->card_starts->len; c++)
    {
      guint n, number = 1, lapses = 0;
      const PyprepFsrsReview *reviews = card_reviews (history, c, &n);
      PyprepFsrsMemory m;

      if (n == 0)
        continue;

      pyprep_fsrs_init_memory (params, reviews[0].rating, &m);
      for (guint i = 1; i < n; i++)
        {
          if (is_judged (reviews, i))
            {
              double r = pyprep_fsrs_retrievability (params, reviews[i].elapsed, m.stability);
              double y = targets != NULL ? targets[k] : (reviews[i].rating > 1);

              number++;
              sum += log_loss (r, y);
              bin_add (bins, bin_key (reviews[i].elapsed, number, lapses), r, y);
              if (reviews[i].rating == 1)
                lapses++;
              k++;
            }
          pyprep_fsrs_next_memory (params, &m, reviews[i].elapsed, reviews[i].rating, &m);
        }
    }

  out->log_loss = k > 0 ? sum / k : 0;
  out->rmse_bins = bins_rmse (bins);
}

/**
 * pyprep_fsrs_fit_is_better:
 *
 * Whether the fitted parameters should replace the current ones: only
 * if they are usable and predict the log better (a lower log loss) than
 * the parameters the fit started from.
 */
gboolean
pyprep_fsrs_fit_is_better (const PyprepFsrsFit *fit)
{
  g_return_val_if_fail (fit != NULL, FALSE);

  return pyprep_fsrs_params_valid (&fit->params)
         && isfinite (fit->after.log_loss)
         && isfinite (fit->before.log_loss)
         && fit->after.log_loss < fit->before.log_loss;
}
