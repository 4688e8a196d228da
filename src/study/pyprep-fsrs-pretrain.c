/* pyprep-fsrs-pretrain.c: the optimizer's first stage: the initial
 * stabilities w0..w3 from the recall after each card's first review, and
 * the outlier cards left out of training (see pyprep-fsrs-optimizer.c
 * for the whole procedure).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-fsrs-optimizer"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pyprep-fsrs-optimizer.h"
#include "pyprep-fsrs-optimizer-private.h"

#define INIT_STABILITY_MAX 100.0

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
wait_days (const PyprepFsrsReview *review)
{
  return (int) MIN (floor (review->elapsed), 36500.0);
}

/* The card's first review on a later day than the one before. */
static gboolean
first_long_wait (const PyprepFsrsReview *reviews,
                 guint                   n,
                 guint                  *index)
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

/* Fills fit->init and marks the outlier cards. */
void
pyprep_fsrs_pretrain (PyprepFsrsFitState *fit)
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
      const PyprepFsrsReview *reviews = card_reviews (history, c, &n);

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
      const PyprepFsrsReview *reviews = card_reviews (history, c, &n);

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
