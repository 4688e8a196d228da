/* pyprep-fsrs-optimizer-private.h: what the parts of the optimizer share
 * (the log as it reads it, the loss, the model on dual numbers, the
 * state of a fit), and the internals its test checks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>

#include "pyprep-fsrs.h"
#include "pyprep-fsrs-optimizer.h"

G_BEGIN_DECLS

/* Keeps log (R) and log (1 - R) finite. */
#define PYPREP_FSRS_R_EPSILON 1e-7

/* A review of the log: when, the days since the card's previous one, and
 * the rating (1 to 4). */
typedef struct
{
  gint64 time;
  double elapsed;
  int    rating;
} PyprepFsrsReview;

struct _PyprepFsrsHistory
{
  GArray *reviews;      /* PyprepFsrsReview */
  GArray *card_starts;  /* guint: index of each card's first review */
};

/* Where card @card's reviews end in the history. */
static inline guint
card_end (const PyprepFsrsHistory *history,
          guint                    card)
{
  if (card + 1 < history->card_starts->len)
    return g_array_index (history->card_starts, guint, card + 1);
  return history->reviews->len;
}

/* Card @card's reviews, in order, and their number @n. */
static inline const PyprepFsrsReview *
card_reviews (const PyprepFsrsHistory *history,
              guint                    card,
              guint                   *n)
{
  guint start = g_array_index (history->card_starts, guint, card);

  *n = card_end (history, card) - start;
  return &g_array_index (history->reviews, PyprepFsrsReview, start);
}

/* Whether the review at @index of a card is one the model is judged on. */
static inline gboolean
is_judged (const PyprepFsrsReview *reviews,
           guint                   index)
{
  return index > 0 && reviews[index].elapsed >= 1.0;
}

/* A predicted recall kept away from 0 and 1. */
static inline double
clamp_probability (double r)
{
  return CLAMP (r, PYPREP_FSRS_R_EPSILON, 1.0 - PYPREP_FSRS_R_EPSILON);
}

/* The log loss of predicting recall @r for the outcome @y (1 recalled,
 * 0 forgotten). */
static inline double
log_loss (double r,
          double y)
{
  r = clamp_probability (r);
  return -(y * log (r) + (1.0 - y) * log (1.0 - r));
}

/* A value with its partial derivatives by each of the 21 parameters. */
typedef struct
{
  double v;
  double d[PYPREP_FSRS_N_PARAMS];
} Dual;

/* A card's memory on dual numbers. */
typedef struct
{
  Dual s;
  Dual d;
} DualMemory;

Dual pyprep_fsrs_dual_retrievability (const PyprepFsrsParams *p,
                                      double                  t,
                                      Dual                    s);
void pyprep_fsrs_dual_init_memory    (const PyprepFsrsParams *p,
                                      int                     grade,
                                      DualMemory             *m);
void pyprep_fsrs_dual_next_memory    (const PyprepFsrsParams *p,
                                      DualMemory             *m,
                                      double                  t,
                                      int                     grade);

/* A fit under way. */
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
} PyprepFsrsFitState;

void pyprep_fsrs_pretrain (PyprepFsrsFitState *fit);

/* Walks a card's reviews (@grades, @days since the previous one; the
 * first day is ignored) on the optimizer's differentiable model, then
 * gives the stability, difficulty, the chance of recall @t_last days
 * later and its derivative by each parameter. */
void pyprep_fsrs_optimizer_walk_dual (const PyprepFsrsParams *p,
                                      const int              *grades,
                                      const double           *days,
                                      guint                   n,
                                      double                  t_last,
                                      double                 *s,
                                      double                 *d,
                                      double                 *r,
                                      double                  dr[PYPREP_FSRS_N_PARAMS]);

/* Orders the four initial stabilities @s0 (the one of two out of order
 * with fewer @counts takes the other's value), fills those not @known
 * from the others, clamps; @start if none is known. */
void pyprep_fsrs_optimizer_smooth_and_fill (double       s0[4],
                                            gboolean     known[4],
                                            const double counts[4],
                                            const double start[4]);

G_END_DECLS
