/* pyprep-fsrs-optimizer.c: fits the FSRS-6 parameters to a review log.
 *
 * The procedure is the one the FSRS reference optimizer follows
 * (fsrs-rs, src/training.rs, src/pre_training.rs, src/dataset.rs;
 * described in the fsrs4anki wiki, "The Algorithm" and "The optimal
 * parameters"); the code is ours:
 *
 * - The log is judged on every review but a card's first, and not on
 *   reviews done the same day as the previous one (their elapsed time is
 *   below a day; fsrs-rs drops such items when it converts a log). Each
 *   judged review is a prediction R of recall and an outcome: recalled
 *   if the rating is Hard, Good or Easy.
 * - Pretraining: the cards whose first review is followed by a review on
 *   a later day give, per first rating, recall against the days waited.
 *   Rare (rating, days) groups are dropped as outliers (at least 20 or
 *   5% of the group's cards, then any with fewer than 6 cards or waits
 *   beyond 100 days, 365 for Easy), and with them those cards from
 *   training. For each first rating the initial stability w[G-1] is the
 *   one that best predicts that recall (log loss, recall smoothed toward
 *   the log's mean, plus |S0 - start| / 16), found by ternary search.
 *   Ratings with no data are filled from the others by fixed ratios in
 *   log space, and the four are put in order.
 * - Training: Adam (lr 0.04, cosine annealing to zero, betas 0.9 and
 *   0.999, eps 1e-8), 5 epochs, mini-batches of about 512 judged reviews
 *   in a shuffled order with a fixed seed, reviews beyond a card's 64th
 *   left out. The loss of a batch is the sum of its reviews' log loss,
 *   each weighted by recency (0.25 + 0.75 x^3, x the review's rank in
 *   time over the log, 0..1), plus an L2 pull toward the start
 *   parameters, sum ((w - w_start) / sigma)^2 x batch / total, with the
 *   spread sigma of each parameter over the FSRS users fsrs-rs
 *   publishes. After each step the parameters are clamped to their
 *   bounds. The epoch with the lowest whole-log loss wins.
 * - Gradients are exact: the memory update runs on dual numbers that
 *   carry the 21 partial derivatives along with each value (forward-mode
 *   differentiation). A card's reviews are walked once, so a log of n
 *   reviews costs O(n) per epoch.
 *
 * The new parameters are kept only if they predict the log better than
 * the current ones: pyprep_fsrs_fit_is_better ().
 *
 * This file trains and runs a fit, on a worker thread too. The log as
 * the optimizer reads it and the metrics are in pyprep-fsrs-history.c,
 * the model on dual numbers in pyprep-fsrs-dual.c, pretraining in
 * pyprep-fsrs-pretrain.c; what they share is in
 * pyprep-fsrs-optimizer-private.h.
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

#define N_PARAMS PYPREP_FSRS_N_PARAMS

#define EPOCHS 5
#define BATCH_REVIEWS 512
#define LEARNING_RATE 0.04
#define ADAM_BETA1 0.9
#define ADAM_BETA2 0.999
#define ADAM_EPSILON 1e-8
#define MAX_SEQUENCE 64
#define SEED 2023
#define L2_GAMMA 1.0
/* Below this many training reviews only the initial stabilities move. */
#define MIN_TRAINING_REVIEWS 64

/* The spread of each fitted parameter over the users of FSRS, used to
 * scale the pull toward the start: fsrs-rs src/training.rs,
 * PARAMS_STDDEV (FSRS-6). */
static const double params_stddev[N_PARAMS] = {
  6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33,
  0.3, 0.09, 0.16, 0.57, 0.25, 1.03, 0.31, 0.32, 0.14, 0.27,
};

G_DEFINE_QUARK (pyprep-fsrs-optimizer-error-quark, pyprep_fsrs_optimizer_error)

/* Training -------------------------------------------------------------- */

typedef struct
{
  gint64 time;
  guint  review;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->time != y->time)
    return x->time < y->time ? -1 : 1;
  return x->review < y->review ? -1 : x->review > y->review;
}

/* Chooses the training cards and weighs their reviews by recency. */
static void
prepare_training (PyprepFsrsFitState *fit)
{
  const PyprepFsrsHistory *history = fit->history;
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  guint start;
  gboolean all_same_time = TRUE;

  for (guint c = 0; c < history->card_starts->len; c++)
    {
      guint n;
      const PyprepFsrsReview *reviews = card_reviews (history, c, &n);
      guint before = ranked->len;

      if (fit->excluded[c])
        continue;

      start = g_array_index (history->card_starts, guint, c);
      for (guint i = 0; i < MIN (n, MAX_SEQUENCE); i++)
        if (is_judged (reviews, i))
          {
            Ranked r = { reviews[i].time, start + i };

            if (reviews[i].time != g_array_index (history->reviews, PyprepFsrsReview, 0).time)
              all_same_time = FALSE;
            g_array_append_val (ranked, r);
          }

      if (ranked->len > before)
        g_array_append_val (fit->train_cards, c);
    }

  fit->n_train = ranked->len;
  g_array_sort (ranked, compare_ranked);
  for (guint k = 0; k < ranked->len; k++)
    {
      double x = (double) k / MAX (ranked->len - 1.0, 1.0);
      guint review = g_array_index (ranked, Ranked, k).review;

      fit->weights[review] = all_same_time ? 1.0 : 0.25 + 0.75 * x * x * x;
    }
}

/* Adds a card's weighted log loss and its gradient; returns its number
 * of training reviews. */
static guint
card_gradient (const PyprepFsrsFitState *fit,
               const PyprepFsrsParams   *p,
               guint                     card,
               double                    grad[N_PARAMS])
{
  guint n, start, count = 0;
  const PyprepFsrsReview *reviews = card_reviews (fit->history, card, &n);
  DualMemory m;

  start = g_array_index (fit->history->card_starts, guint, card);
  n = MIN (n, MAX_SEQUENCE);
  pyprep_fsrs_dual_init_memory (p, reviews[0].rating, &m);
  for (guint i = 1; i < n; i++)
    {
      if (is_judged (reviews, i))
        {
          Dual r = pyprep_fsrs_dual_retrievability (p, reviews[i].elapsed, m.s);
          double y = reviews[i].rating > 1;
          double w = fit->weights[start + i];
          double rv = r.v;
          double dl_dr;

          /* d/dR of -(y log R + (1 - y) log (1 - R)); no slope where
           * R is clamped. */
          if (rv > PYPREP_FSRS_R_EPSILON && rv < 1.0 - PYPREP_FSRS_R_EPSILON)
            {
              dl_dr = -(y / rv - (1.0 - y) / (1.0 - rv));
              for (guint j = 0; j < N_PARAMS; j++)
                grad[j] += w * dl_dr * r.d[j];
            }
          count++;
        }
      if (i + 1 < n)
        pyprep_fsrs_dual_next_memory (p, &m, reviews[i].elapsed, reviews[i].rating);
    }

  return count;
}

static double
penalty (const PyprepFsrsFitState *fit,
         const PyprepFsrsParams   *p)
{
  double sum = 0;

  for (guint j = 0; j < N_PARAMS; j++)
    {
      double z = (p->w[j] - fit->init.w[j]) / params_stddev[j];

      sum += z * z;
    }
  return L2_GAMMA * sum;
}

/* The training objective over the whole training set, per review. */
static double
training_loss (const PyprepFsrsFitState *fit,
               const PyprepFsrsParams   *p)
{
  double sum = 0;

  for (guint k = 0; k < fit->train_cards->len; k++)
    {
      guint card = g_array_index (fit->train_cards, guint, k);
      guint n, start;
      const PyprepFsrsReview *reviews = card_reviews (fit->history, card, &n);
      PyprepFsrsMemory m;

      start = g_array_index (fit->history->card_starts, guint, card);
      n = MIN (n, MAX_SEQUENCE);
      pyprep_fsrs_init_memory (p, reviews[0].rating, &m);
      for (guint i = 1; i < n; i++)
        {
          if (is_judged (reviews, i))
            sum += fit->weights[start + i]
                   * log_loss (pyprep_fsrs_retrievability (p, reviews[i].elapsed, m.stability),
                               reviews[i].rating > 1);
          pyprep_fsrs_next_memory (p, &m, reviews[i].elapsed, reviews[i].rating, &m);
        }
    }

  return (sum + penalty (fit, p)) / MAX (fit->n_train, 1);
}

typedef struct
{
  PyprepFsrsProgressFunc func;
  gpointer               data;
  double                 last;
} Progress;

static void
report (Progress *progress,
        double    fraction)
{
  /* A hundred steps are enough for a progress bar. */
  if (progress->func != NULL && (fraction - progress->last >= 0.01 || fraction >= 1.0))
    {
      progress->last = fraction;
      progress->func (CLAMP (fraction, 0.0, 1.0), progress->data);
    }
}

static gboolean
train (PyprepFsrsFitState *fit,
       PyprepFsrsParams   *best,
       GCancellable       *cancellable,
       Progress           *progress,
       GError            **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  PyprepFsrsParams p = fit->init;
  double m[N_PARAMS] = { 0 }, v[N_PARAMS] = { 0 };
  double best_loss = INFINITY;
  guint steps_total = EPOCHS * (fit->n_train / BATCH_REVIEWS + 1);
  guint step = 0;
  guint *order = g_new (guint, fit->train_cards->len);

  *best = p;
  memcpy (order, fit->train_cards->data, fit->train_cards->len * sizeof (guint));

  for (guint epoch = 0; epoch < EPOCHS; epoch++)
    {
      guint k = 0, done = 0;
      double loss;

      /* Fisher-Yates */
      for (guint i = fit->train_cards->len; i > 1; i--)
        {
          guint j = g_rand_int_range (rand, 0, i);
          guint tmp = order[i - 1];

          order[i - 1] = order[j];
          order[j] = tmp;
        }

      while (k < fit->train_cards->len)
        {
          double grad[N_PARAMS] = { 0 };
          guint batch = 0;
          double lr;
          gboolean finite = TRUE;

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              g_free (order);
              return FALSE;
            }

          while (k < fit->train_cards->len && batch < BATCH_REVIEWS)
            batch += card_gradient (fit, &p, order[k++], grad);

          for (guint j = 0; j < N_PARAMS; j++)
            {
              grad[j] += 2.0 * L2_GAMMA * (p.w[j] - fit->init.w[j])
                         / (params_stddev[j] * params_stddev[j]) * batch / fit->n_train;
              finite = finite && isfinite (grad[j]);
            }

          step++;
          lr = 0.5 * LEARNING_RATE * (1.0 + cos (G_PI * MIN (step, steps_total) / steps_total));
          /* A step that cannot be computed is skipped, not taken. */
          if (finite)
            {
              for (guint j = 0; j < N_PARAMS; j++)
                {
                  double m_hat, v_hat;

                  m[j] = ADAM_BETA1 * m[j] + (1.0 - ADAM_BETA1) * grad[j];
                  v[j] = ADAM_BETA2 * v[j] + (1.0 - ADAM_BETA2) * grad[j] * grad[j];
                  m_hat = m[j] / (1.0 - pow (ADAM_BETA1, step));
                  v_hat = v[j] / (1.0 - pow (ADAM_BETA2, step));
                  p.w[j] -= lr * m_hat / (sqrt (v_hat) + ADAM_EPSILON);
                }
              pyprep_fsrs_params_clamp (&p);
            }

          done += batch;
          report (progress, 0.05 + 0.9 * (epoch + (double) done / fit->n_train) / EPOCHS);
        }

      loss = training_loss (fit, &p);
      if (loss < best_loss)
        {
          best_loss = loss;
          *best = p;
        }
    }

  g_free (order);
  return TRUE;
}

/**
 * pyprep_fsrs_optimize:
 * @start: the parameters in use; the fit starts from them and is pulled
 *   toward them where the log says little
 * @progress: (nullable): called on this thread as the fit goes on
 * @out: (out caller-allocates): the fitted parameters and the metrics
 *   before and after; untouched on error
 *
 * Fits the parameters to @history on the calling thread; see
 * pyprep_fsrs_optimize_async () to keep a window responsive. Fails with
 * PYPREP_FSRS_OPTIMIZER_ERROR_NOT_ENOUGH_REVIEWS below
 * PYPREP_FSRS_OPTIMIZER_MIN_REVIEWS, and with G_IO_ERROR_CANCELLED.
 */
gboolean
pyprep_fsrs_optimize (const PyprepFsrsHistory *history,
                      const PyprepFsrsParams  *start,
                      GCancellable            *cancellable,
                      PyprepFsrsProgressFunc   progress,
                      gpointer                 progress_data,
                      PyprepFsrsFit           *out,
                      GError                 **error)
{
  PyprepFsrsFitState fit = { 0 };
  Progress reporter = { progress, progress_data, -1.0 };
  PyprepFsrsFit result;
  guint n_judged;
  gboolean ok = TRUE;

  g_return_val_if_fail (history != NULL, FALSE);
  g_return_val_if_fail (start != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n_judged = pyprep_fsrs_history_n_evaluated (history);
  if (n_judged < PYPREP_FSRS_OPTIMIZER_MIN_REVIEWS)
    {
      g_set_error (error, PYPREP_FSRS_OPTIMIZER_ERROR, PYPREP_FSRS_OPTIMIZER_ERROR_NOT_ENOUGH_REVIEWS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The review log holds %u review on a later day than the one before; "
                                "fitting the scheduler to you needs at least %u.",
                                "The review log holds %u reviews on a later day than the one before; "
                                "fitting the scheduler to you needs at least %u.",
                                n_judged),
                   n_judged, PYPREP_FSRS_OPTIMIZER_MIN_REVIEWS);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  fit.history = history;
  fit.start = *start;
  pyprep_fsrs_params_clamp (&fit.start);
  fit.train_cards = g_array_new (FALSE, FALSE, sizeof (guint));
  fit.excluded = g_new0 (gboolean, history->card_starts->len);
  fit.weights = g_new0 (double, history->reviews->len);

  report (&reporter, 0.0);
  pyprep_fsrs_pretrain (&fit);
  prepare_training (&fit);
  result.params = fit.init;
  report (&reporter, 0.05);

  if (fit.n_train >= MIN_TRAINING_REVIEWS)
    {
      ok = train (&fit, &result.params, cancellable, &reporter, error);
      if (ok)
        {
          double s0[4], start_s0[4];
          gboolean known[4];

          /* Training may have put the initial stabilities out of order. */
          for (guint i = 0; i < 4; i++)
            {
              s0[i] = result.params.w[i];
              start_s0[i] = fit.init.w[i];
              known[i] = fit.counts[i] > 0;
            }
          if (known[0] || known[1] || known[2] || known[3])
            {
              pyprep_fsrs_optimizer_smooth_and_fill (s0, known, fit.counts, start_s0);
              for (guint i = 0; i < 4; i++)
                result.params.w[i] = s0[i];
            }
        }
    }

  if (ok)
    {
      pyprep_fsrs_params_clamp (&result.params);
      pyprep_fsrs_evaluate (history, &fit.start, NULL, 0, &result.before);
      pyprep_fsrs_evaluate (history, &result.params, NULL, 0, &result.after);
      result.n_reviews = n_judged;
      g_debug ("fitted on %u reviews (%u in training): log loss %.5f -> %.5f, RMSE(bins) %.4f -> %.4f",
               n_judged, fit.n_train, result.before.log_loss, result.after.log_loss,
               result.before.rmse_bins, result.after.rmse_bins);
      report (&reporter, 1.0);
      *out = result;
    }

  g_array_unref (fit.train_cards);
  g_free (fit.excluded);
  g_free (fit.weights);
  return ok;
}

/* On a worker thread ---------------------------------------------------- */

typedef struct
{
  PyprepFsrsHistory      *history;
  PyprepFsrsParams        start;
  PyprepFsrsProgressFunc  progress;
  gpointer                progress_data;
  GMainContext           *context;
  GMutex                  lock;
  double                  fraction;
  gboolean                pending;
} OptimizeData;

static void
optimize_data_free (gpointer data)
{
  OptimizeData *d = data;

  pyprep_fsrs_history_free (d->history);
  g_main_context_unref (d->context);
  g_mutex_clear (&d->lock);
  g_free (d);
}

static gboolean
progress_idle_cb (gpointer user_data)
{
  GTask *task = user_data;
  OptimizeData *d = g_task_get_task_data (task);
  double fraction;

  g_mutex_lock (&d->lock);
  fraction = d->fraction;
  d->pending = FALSE;
  g_mutex_unlock (&d->lock);

  /* Nothing after the result is in. */
  if (!g_task_get_completed (task))
    d->progress (fraction, d->progress_data);

  return G_SOURCE_REMOVE;
}

/* On the worker: keeps the latest fraction and, unless one is already
 * on its way, sends it to the caller's main context. */
static void
worker_progress (double   fraction,
                 gpointer user_data)
{
  GTask *task = user_data;
  OptimizeData *d = g_task_get_task_data (task);
  gboolean send;

  g_mutex_lock (&d->lock);
  d->fraction = fraction;
  send = !d->pending;
  d->pending = TRUE;
  g_mutex_unlock (&d->lock);

  if (send)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      /* The priority of the task's own result, so that progress sent
       * before the result arrives before it. */
      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, progress_idle_cb, g_object_ref (task), g_object_unref);
      g_source_set_static_name (source, "[pyprep] fsrs optimizer progress");
      g_source_attach (source, d->context);
    }
}

static void
optimize_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  OptimizeData *d = task_data;
  PyprepFsrsFit fit;
  GError *error = NULL;

  if (pyprep_fsrs_optimize (d->history, &d->start, cancellable,
                            d->progress != NULL ? worker_progress : NULL, task, &fit, &error))
    g_task_return_pointer (task, g_memdup2 (&fit, sizeof fit), g_free);
  else
    g_task_return_error (task, error);
}

/**
 * pyprep_fsrs_optimize_async:
 * @history: copied; may be changed or freed once this returns
 * @progress: (nullable): called on the thread-default main context of
 *   the caller with the fraction done, never after @callback
 *
 * Fits the parameters on a worker thread. Cancelling @cancellable stops
 * the fit within a mini-batch and ends it with G_IO_ERROR_CANCELLED.
 */
void
pyprep_fsrs_optimize_async (const PyprepFsrsHistory *history,
                            const PyprepFsrsParams  *start,
                            GCancellable            *cancellable,
                            PyprepFsrsProgressFunc   progress,
                            gpointer                 progress_data,
                            GAsyncReadyCallback      callback,
                            gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  OptimizeData *d;

  g_return_if_fail (history != NULL);
  g_return_if_fail (start != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  d = g_new0 (OptimizeData, 1);
  d->history = pyprep_fsrs_history_copy (history);
  d->start = *start;
  d->progress = progress;
  d->progress_data = progress_data;
  d->context = g_main_context_ref_thread_default ();
  g_mutex_init (&d->lock);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pyprep_fsrs_optimize_async);
  g_task_set_task_data (task, d, optimize_data_free);
  g_task_run_in_thread (task, optimize_thread);
}

/**
 * pyprep_fsrs_optimize_finish:
 * @out: (out caller-allocates): the fit; untouched on error
 */
gboolean
pyprep_fsrs_optimize_finish (GAsyncResult   *result,
                             PyprepFsrsFit  *out,
                             GError        **error)
{
  g_autofree PyprepFsrsFit *fit = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pyprep_fsrs_optimize_async, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  fit = g_task_propagate_pointer (G_TASK (result), error);
  if (fit == NULL)
    return FALSE;

  *out = *fit;
  return TRUE;
}
