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
#define INIT_STABILITY_MAX 100.0
/* Keeps log (R) and log (1 - R) finite. */
#define R_EPSILON 1e-7

/* The spread of each fitted parameter over the users of FSRS, used to
 * scale the pull toward the start: fsrs-rs src/training.rs,
 * PARAMS_STDDEV (FSRS-6). */
static const double params_stddev[N_PARAMS] = {
  6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33,
  0.3, 0.09, 0.16, 0.57, 0.25, 1.03, 0.31, 0.32, 0.14, 0.27,
};

G_DEFINE_QUARK (pyprep-fsrs-optimizer-error-quark, pyprep_fsrs_optimizer_error)

typedef struct
{
  gint64 time;
  double elapsed;
  int    rating;
} Review;

struct _PyprepFsrsHistory
{
  GArray *reviews;      /* Review */
  GArray *card_starts;  /* guint: index of each card's first review */
};

PyprepFsrsHistory *
pyprep_fsrs_history_new (void)
{
  PyprepFsrsHistory *history = g_new0 (PyprepFsrsHistory, 1);

  history->reviews = g_array_new (FALSE, FALSE, sizeof (Review));
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
  Review review = { time, elapsed_days, rating };
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

static guint
card_end (const PyprepFsrsHistory *history,
          guint                    card)
{
  if (card + 1 < history->card_starts->len)
    return g_array_index (history->card_starts, guint, card + 1);
  return history->reviews->len;
}

static const Review *
card_reviews (const PyprepFsrsHistory *history,
              guint                    card,
              guint                   *n)
{
  guint start = g_array_index (history->card_starts, guint, card);

  *n = card_end (history, card) - start;
  return &g_array_index (history->reviews, Review, start);
}

/* Whether the review at @index of a card is one the model is judged on. */
static inline gboolean
is_judged (const Review *reviews,
           guint         index)
{
  return index > 0 && reviews[index].elapsed >= 1.0;
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
      const Review *reviews = card_reviews (history, c, &n);

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

static double
clamp_probability (double r)
{
  return CLAMP (r, R_EPSILON, 1.0 - R_EPSILON);
}

static double
log_loss (double r,
          double y)
{
  r = clamp_probability (r);
  return -(y * log (r) + (1.0 - y) * log (1.0 - r));
}

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
      const Review *reviews = card_reviews (history, c, &n);
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

/* Dual numbers ---------------------------------------------------------- */

/* A value with its partial derivatives by each of the 21 parameters. */
typedef struct
{
  double v;
  double d[N_PARAMS];
} Dual;

static inline Dual
dual_const (double v)
{
  Dual r;

  r.v = v;
  memset (r.d, 0, sizeof r.d);
  return r;
}

static inline Dual
dual_param (const PyprepFsrsParams *p,
            guint                   i)
{
  Dual r = dual_const (p->w[i]);

  r.d[i] = 1.0;
  return r;
}

static inline Dual
dual_add (Dual a,
          Dual b)
{
  a.v += b.v;
  for (guint i = 0; i < N_PARAMS; i++)
    a.d[i] += b.d[i];
  return a;
}

static inline Dual
dual_sub (Dual a,
          Dual b)
{
  a.v -= b.v;
  for (guint i = 0; i < N_PARAMS; i++)
    a.d[i] -= b.d[i];
  return a;
}

static inline Dual
dual_add_c (Dual   a,
            double c)
{
  a.v += c;
  return a;
}

static inline Dual
dual_scale (Dual   a,
            double c)
{
  a.v *= c;
  for (guint i = 0; i < N_PARAMS; i++)
    a.d[i] *= c;
  return a;
}

static inline Dual
dual_mul (Dual a,
          Dual b)
{
  Dual r;

  r.v = a.v * b.v;
  for (guint i = 0; i < N_PARAMS; i++)
    r.d[i] = a.d[i] * b.v + b.d[i] * a.v;
  return r;
}

static inline Dual
dual_div (Dual a,
          Dual b)
{
  Dual r;

  r.v = a.v / b.v;
  for (guint i = 0; i < N_PARAMS; i++)
    r.d[i] = (a.d[i] - r.v * b.d[i]) / b.v;
  return r;
}

static inline Dual
dual_exp (Dual a)
{
  double e = exp (a.v);

  a.v = e;
  for (guint i = 0; i < N_PARAMS; i++)
    a.d[i] *= e;
  return a;
}

static inline Dual
dual_log (Dual a)
{
  double x = a.v;

  a.v = log (x);
  for (guint i = 0; i < N_PARAMS; i++)
    a.d[i] /= x;
  return a;
}

/* a^b for a > 0 */
static inline Dual
dual_pow (Dual a,
          Dual b)
{
  return dual_exp (dual_mul (b, dual_log (a)));
}

/* The memory model on dual numbers: the same formulas as pyprep-fsrs.c,
 * value for value (test-fsrs-optimizer checks it); a clamped value has
 * no derivative, as in the reference. */

static inline Dual
dual_clamp (Dual   a,
            double lower,
            double upper)
{
  if (isnan (a.v) || a.v < lower)
    return dual_const (lower);
  if (a.v > upper)
    return dual_const (upper);
  return a;
}

static inline Dual
clamp_s (Dual s)
{
  return dual_clamp (s, PYPREP_FSRS_STABILITY_MIN, PYPREP_FSRS_STABILITY_MAX);
}

static inline Dual
clamp_d (Dual d)
{
  return dual_clamp (d, 1.0, 10.0);
}

static inline Dual
raw_initial_difficulty (const PyprepFsrsParams *p,
                        int                     grade)
{
  Dual e = dual_exp (dual_scale (dual_param (p, 5), grade - 1));

  return dual_add_c (dual_sub (dual_param (p, 4), e), 1.0);
}

static inline Dual
dual_retrievability (const PyprepFsrsParams *p,
                     double                  t,
                     Dual                    s)
{
  Dual decay = dual_param (p, 20);
  /* f = 0.9^(-1/d) - 1 */
  Dual f = dual_add_c (dual_exp (dual_div (dual_const (-log (0.9)), decay)), -1.0);
  Dual base = dual_add_c (dual_div (dual_scale (f, t), s), 1.0);

  return dual_exp (dual_mul (dual_scale (decay, -1.0), dual_log (base)));
}

typedef struct
{
  Dual s;
  Dual d;
} DualMemory;

static void
dual_init_memory (const PyprepFsrsParams *p,
                  int                     grade,
                  DualMemory             *m)
{
  m->s = clamp_s (dual_param (p, grade - 1));
  m->d = clamp_d (raw_initial_difficulty (p, grade));
}

static void
dual_next_memory (const PyprepFsrsParams *p,
                  DualMemory             *m,
                  double                  t,
                  int                     grade)
{
  Dual s = m->s, d = m->d, s2, damped, delta;

  if (!(t >= 1.0))
    {
      Dual growth = dual_mul (dual_exp (dual_mul (dual_param (p, 17),
                                                  dual_add_c (dual_param (p, 18), grade - 3))),
                              dual_pow (s, dual_scale (dual_param (p, 19), -1.0)));

      if (grade >= 3 && growth.v < 1.0)
        growth = dual_const (1.0);
      s2 = dual_mul (s, growth);
    }
  else
    {
      Dual r = dual_retrievability (p, t, s);
      Dual one_minus_r = dual_add_c (dual_scale (r, -1.0), 1.0);

      if (grade == 1)
        {
          Dual long_term = dual_mul (dual_param (p, 11),
                                     dual_pow (d, dual_scale (dual_param (p, 12), -1.0)));
          Dual short_term;

          long_term = dual_mul (long_term,
                                dual_add_c (dual_pow (dual_add_c (s, 1.0), dual_param (p, 13)), -1.0));
          long_term = dual_mul (long_term, dual_exp (dual_mul (dual_param (p, 14), one_minus_r)));
          short_term = dual_div (s, dual_exp (dual_mul (dual_param (p, 17), dual_param (p, 18))));
          s2 = long_term.v <= short_term.v ? long_term : short_term;
        }
      else
        {
          Dual growth = dual_mul (dual_exp (dual_param (p, 8)), dual_add_c (dual_scale (d, -1.0), 11.0));

          growth = dual_mul (growth, dual_pow (s, dual_scale (dual_param (p, 9), -1.0)));
          growth = dual_mul (growth,
                             dual_add_c (dual_exp (dual_mul (dual_param (p, 10), one_minus_r)), -1.0));
          if (grade == 2)
            growth = dual_mul (growth, dual_param (p, 15));
          else if (grade == 4)
            growth = dual_mul (growth, dual_param (p, 16));
          s2 = dual_mul (s, dual_add_c (growth, 1.0));
        }
    }

  /* D' = w7 D0(4) + (1 - w7) (D + dD (10 - D) / 9), dD = -w6 (G - 3) */
  delta = dual_scale (dual_param (p, 6), -(grade - 3));
  damped = dual_add (d, dual_scale (dual_mul (delta, dual_add_c (dual_scale (d, -1.0), 10.0)), 1.0 / 9.0));
  m->d = clamp_d (dual_add (dual_mul (dual_param (p, 7), raw_initial_difficulty (p, 4)),
                            dual_mul (dual_add_c (dual_scale (dual_param (p, 7), -1.0), 1.0), damped)));
  m->s = clamp_s (s2);
}

void
pyprep_fsrs_optimizer_walk_dual (const PyprepFsrsParams *p,
                                 const int              *grades,
                                 const double           *days,
                                 guint                   n,
                                 double                  t_last,
                                 double                 *s,
                                 double                 *d,
                                 double                 *r,
                                 double                  dr[N_PARAMS])
{
  DualMemory m;
  Dual rd;

  dual_init_memory (p, grades[0], &m);
  for (guint i = 1; i < n; i++)
    dual_next_memory (p, &m, days[i], grades[i]);

  rd = dual_retrievability (p, t_last, m.s);
  *s = m.s.v;
  *d = m.d.v;
  *r = rd.v;
  memcpy (dr, rd.d, sizeof rd.d);
}

/* Pretraining ----------------------------------------------------------- */

typedef struct
{
  int    rating;
  int    days;
  double count;
  double recall;
  gboolean kept;
} Group;

typedef struct
{
  int rating;
  int days;
  int label;
} FirstWait;

static int
compare_first_waits (gconstpointer a,
                     gconstpointer b)
{
  const FirstWait *x = a, *y = b;

  if (x->rating != y->rating)
    return x->rating - y->rating;
  return x->days - y->days;
}

/* Smallest groups first, and among equals the shorter wait. */
static int
compare_groups_for_outliers (gconstpointer a,
                             gconstpointer b)
{
  const Group *x = *(Group * const *) a, *y = *(Group * const *) b;

  if (x->count != y->count)
    return x->count < y->count ? -1 : 1;
  return x->days - y->days;
}

/* Whole days waited before @review, as a key; a century is enough. */
static int
wait_days (const Review *review)
{
  return (int) MIN (floor (review->elapsed), 36500.0);
}

/* The card's first review on a later day than the one before. */
static gboolean
first_long_wait (const Review *reviews,
                 guint         n,
                 guint        *index)
{
  for (guint i = 1; i < n; i++)
    if (is_judged (reviews, i))
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

static double
pretrain_loss (const GPtrArray *groups,
               double           average_recall,
               double           decay,
               double           s0,
               double           start_s0)
{
  double f = pow (0.9, -1.0 / decay) - 1.0;
  double sum = 0;

  for (guint i = 0; i < groups->len; i++)
    {
      const Group *g = groups->pdata[i];
      double recall = (g->recall * g->count + average_recall) / (g->count + 1.0);
      double r = pow (1.0 + f * g->days / s0, -decay);

      sum += g->count * log_loss (r, recall);
    }

  return sum + fabs (s0 - start_s0) / 16.0;
}

/* Ternary search on a loss that is unimodal in S0. */
static double
search_initial_stability (const GPtrArray *groups,
                          double           average_recall,
                          double           decay,
                          double           start_s0)
{
  double low = PYPREP_FSRS_STABILITY_MIN, high = INIT_STABILITY_MAX;

  for (guint iter = 0; iter < 200 && high - low > 1e-9; iter++)
    {
      double m1 = low + (high - low) / 3.0;
      double m2 = high - (high - low) / 3.0;

      if (pretrain_loss (groups, average_recall, decay, m1, start_s0)
          < pretrain_loss (groups, average_recall, decay, m2, start_s0))
        high = m2;
      else
        low = m1;
    }

  return (low + high) / 2.0;
}

static gboolean
solved (double *x,
        double  value)
{
  *x = value;
  return TRUE;
}

/* Puts the initial stabilities in order (Again <= Hard <= Good <= Easy;
 * of two out of order, the one with fewer cards takes the other's
 * value), fills the ratings without data from the others and clamps.
 * The filling keeps two fixed ratios in log space, the ones fsrs-rs
 * uses (pre_training.rs, smooth_and_fill):
 *
 *   x2 = 0.6 x1 + 0.4 x3      x3 = 0.4 x2 + 0.6 x4      (x = log S0)
 *
 * With a single rating known, the start values are scaled to it. */
void
pyprep_fsrs_optimizer_smooth_and_fill (double       s0[4],
                                       gboolean     known[4],
                                       const double counts[4],
                                       const double start[4])
{
  static const int pairs[6][2] = { { 0, 1 }, { 1, 2 }, { 2, 3 }, { 0, 2 }, { 1, 3 }, { 0, 3 } };
  double x[4];
  guint n_known = 0;

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      int a = pairs[i][0], b = pairs[i][1];

      if (known[a] && known[b] && s0[a] > s0[b])
        {
          if (counts[a] > counts[b])
            s0[b] = s0[a];
          else
            s0[a] = s0[b];
        }
    }

  for (guint i = 0; i < 4; i++)
    {
      n_known += known[i];
      x[i] = known[i] ? log (s0[i]) : 0;
    }

  if (n_known == 0)
    {
      memcpy (s0, start, 4 * sizeof (double));
      return;
    }

  if (n_known == 1)
    {
      for (guint i = 0; i < 4; i++)
        if (known[i])
          {
            double factor = s0[i] / start[i];

            for (guint j = 0; j < 4; j++)
              s0[j] = start[j] * factor;
            break;
          }
    }
  else
    {
      /* Only Again and Easy: both equations at once. */
      if (known[0] && known[3] && !known[1] && !known[2])
        known[1] = solved (&x[1], (0.6 * x[0] + 0.24 * x[3]) / 0.84);
      /* Each pass solves an equation with one unknown left. */
      for (guint pass = 0; pass < 4; pass++)
        {
          if (!known[1] && known[0] && known[2])
            known[1] = solved (&x[1], 0.6 * x[0] + 0.4 * x[2]);
          if (!known[0] && known[1] && known[2])
            known[0] = solved (&x[0], (x[1] - 0.4 * x[2]) / 0.6);
          if (!known[2] && known[0] && known[1])
            known[2] = solved (&x[2], (x[1] - 0.6 * x[0]) / 0.4);
          if (!known[2] && known[1] && known[3])
            known[2] = solved (&x[2], 0.4 * x[1] + 0.6 * x[3]);
          if (!known[1] && known[2] && known[3])
            known[1] = solved (&x[1], (x[2] - 0.6 * x[3]) / 0.4);
          if (!known[3] && known[1] && known[2])
            known[3] = solved (&x[3], (x[2] - 0.4 * x[1]) / 0.6);
        }
      for (guint i = 0; i < 4; i++)
        s0[i] = exp (x[i]);
    }

  for (guint i = 0; i < 4; i++)
    s0[i] = CLAMP (s0[i], PYPREP_FSRS_STABILITY_MIN, INIT_STABILITY_MAX);
}

typedef struct
{
  const PyprepFsrsHistory *history;
  PyprepFsrsParams         start;
  PyprepFsrsParams         init;        /* the start with pretrained w0..w3 */
  double                   counts[4];   /* cards per first rating in pretraining */
  GArray                  *train_cards; /* guint */
  gboolean                *excluded;    /* per card */
  double                  *weights;     /* per review */
  guint                    n_train;     /* judged reviews in training */
} Fit;

/* Fills fit->init and marks the outlier cards. */
static void
pretrain (Fit *fit)
{
  const PyprepFsrsHistory *history = fit->history;
  g_autoptr(GArray) waits = g_array_new (FALSE, FALSE, sizeof (FirstWait));
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (Group));
  double recalled = 0, judged = 0, average_recall;
  double s0[4], start_s0[4];
  gboolean known[4] = { FALSE, FALSE, FALSE, FALSE };

  for (guint c = 0; c < history->card_starts->len; c++)
    {
      guint n, index;
      const Review *reviews = card_reviews (history, c, &n);

      for (guint i = 0; i < n; i++)
        if (is_judged (reviews, i))
          {
            recalled += reviews[i].rating > 1;
            judged += 1;
          }

      if (n > 0 && first_long_wait (reviews, n, &index))
        {
          FirstWait w = { reviews[0].rating, wait_days (&reviews[index]),
                          reviews[index].rating > 1 };

          g_array_append_val (waits, w);
        }
    }
  average_recall = judged > 0 ? recalled / judged : 0.9;

  g_array_sort (waits, compare_first_waits);
  for (guint i = 0; i < waits->len; i++)
    {
      const FirstWait *w = &g_array_index (waits, FirstWait, i);
      Group *last = groups->len > 0 ? &g_array_index (groups, Group, groups->len - 1) : NULL;

      if (last == NULL || last->rating != w->rating || last->days != w->days)
        {
          Group g = { w->rating, w->days, 0, 0, TRUE };

          g_array_append_val (groups, g);
          last = &g_array_index (groups, Group, groups->len - 1);
        }
      last->recall = (last->recall * last->count + w->label) / (last->count + 1);
      last->count += 1;
    }

  for (int rating = 1; rating <= 4; rating++)
    {
      g_autoptr(GPtrArray) of_rating = g_ptr_array_new ();
      g_autoptr(GPtrArray) kept = g_ptr_array_new ();
      double total = 0, removed = 0;

      for (guint i = 0; i < groups->len; i++)
        {
          Group *g = &g_array_index (groups, Group, i);

          if (g->rating == rating)
            {
              g_ptr_array_add (of_rating, g);
              total += g->count;
            }
        }

      /* The rarest waits are dropped as outliers, 5% of the cards and
       * at least 20; then any that remain thin or very long. */
      g_ptr_array_sort (of_rating, compare_groups_for_outliers);
      for (guint i = 0; i < of_rating->len; i++)
        {
          Group *g = of_rating->pdata[i];

          if (removed + g->count >= MAX (20.0, floor (total / 20.0)))
            g->kept = g->count >= 6 && g->days <= (rating == 4 ? 365 : 100);
          else
            {
              removed += g->count;
              g->kept = FALSE;
            }
          if (g->kept)
            {
              g_ptr_array_add (kept, g);
              fit->counts[rating - 1] += g->count;
            }
        }

      start_s0[rating - 1] = fit->start.w[rating - 1];
      s0[rating - 1] = start_s0[rating - 1];
      if (kept->len > 0)
        {
          s0[rating - 1] = search_initial_stability (kept, average_recall, fit->start.w[20],
                                                     start_s0[rating - 1]);
          known[rating - 1] = TRUE;
        }
    }

  pyprep_fsrs_optimizer_smooth_and_fill (s0, known, fit->counts, start_s0);
  fit->init = fit->start;
  for (guint i = 0; i < 4; i++)
    fit->init.w[i] = s0[i];
  pyprep_fsrs_params_clamp (&fit->init);

  /* Cards whose first wait was an outlier are left out of training. */
  for (guint c = 0; c < history->card_starts->len; c++)
    {
      guint n, index;
      const Review *reviews = card_reviews (history, c, &n);

      fit->excluded[c] = TRUE;
      if (n > 0 && first_long_wait (reviews, n, &index))
        {
          FirstWait key = { reviews[0].rating, wait_days (&reviews[index]), 0 };

          for (guint g = 0; g < groups->len; g++)
            {
              const Group *group = &g_array_index (groups, Group, g);

              if (group->rating == key.rating && group->days == key.days)
                {
                  fit->excluded[c] = !group->kept;
                  break;
                }
            }
        }
    }
}

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
prepare_training (Fit *fit)
{
  const PyprepFsrsHistory *history = fit->history;
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  guint start;
  gboolean all_same_time = TRUE;

  for (guint c = 0; c < history->card_starts->len; c++)
    {
      guint n;
      const Review *reviews = card_reviews (history, c, &n);
      guint before = ranked->len;

      if (fit->excluded[c])
        continue;

      start = g_array_index (history->card_starts, guint, c);
      for (guint i = 0; i < MIN (n, MAX_SEQUENCE); i++)
        if (is_judged (reviews, i))
          {
            Ranked r = { reviews[i].time, start + i };

            if (reviews[i].time != g_array_index (history->reviews, Review, 0).time)
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
card_gradient (const Fit              *fit,
               const PyprepFsrsParams *p,
               guint                   card,
               double                  grad[N_PARAMS])
{
  guint n, start, count = 0;
  const Review *reviews = card_reviews (fit->history, card, &n);
  DualMemory m;

  start = g_array_index (fit->history->card_starts, guint, card);
  n = MIN (n, MAX_SEQUENCE);
  dual_init_memory (p, reviews[0].rating, &m);
  for (guint i = 1; i < n; i++)
    {
      if (is_judged (reviews, i))
        {
          Dual r = dual_retrievability (p, reviews[i].elapsed, m.s);
          double y = reviews[i].rating > 1;
          double w = fit->weights[start + i];
          double rv = r.v;
          double dl_dr;

          /* d/dR of -(y log R + (1 - y) log (1 - R)); no slope where
           * R is clamped. */
          if (rv > R_EPSILON && rv < 1.0 - R_EPSILON)
            {
              dl_dr = -(y / rv - (1.0 - y) / (1.0 - rv));
              for (guint j = 0; j < N_PARAMS; j++)
                grad[j] += w * dl_dr * r.d[j];
            }
          count++;
        }
      if (i + 1 < n)
        dual_next_memory (p, &m, reviews[i].elapsed, reviews[i].rating);
    }

  return count;
}

static double
penalty (const Fit              *fit,
         const PyprepFsrsParams *p)
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
training_loss (const Fit              *fit,
               const PyprepFsrsParams *p)
{
  double sum = 0;

  for (guint k = 0; k < fit->train_cards->len; k++)
    {
      guint card = g_array_index (fit->train_cards, guint, k);
      guint n, start;
      const Review *reviews = card_reviews (fit->history, card, &n);
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
train (Fit              *fit,
       PyprepFsrsParams *best,
       GCancellable     *cancellable,
       Progress         *progress,
       GError          **error)
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
  Fit fit = { 0 };
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
  pretrain (&fit);
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
