/* pyprep-fsrs.c: the FSRS-6 memory model (Free Spaced Repetition
 * Scheduler, version 6, as described by the open-spaced-repetition
 * project: "The Algorithm", FSRS-6 section, and the py-fsrs, fsrs-rs and
 * ts-fsrs documentation). Pure arithmetic on a memory state, no clock,
 * no calendar, no learning steps: the scheduler (pyprep-scheduler.c) and
 * the optimizer build on this.
 *
 * A memory has a stability S (days until the chance of recall falls to
 * 90%) and a difficulty D (1..10). With t days since the last review and
 * the trainable decay d = w20, the chance of recall is
 *
 *   R(t, S) = (1 + f t / S)^(-d)         f = 0.9^(-1/d) - 1
 *
 * so R(S, S) = 0.9 whatever d is. The interval that lets R fall to a
 * desired retention r is I(r, S) = S / f * (r^(-1/d) - 1).
 *
 * First review with grade G (1 Again, 2 Hard, 3 Good, 4 Easy):
 *
 *   S0(G) = w[G-1]
 *   D0(G) = w4 - e^(w5 (G-1)) + 1, clamped to [1, 10]
 *
 * Later reviews, with D0 unclamped in the mean reversion:
 *
 *   D'  = w7 D0(4) + (1 - w7) (D + dD (10 - D) / 9),  dD = -w6 (G - 3)
 *   same day (t < 1):  S' = S e^(w17 (G - 3 + w18)) S^(-w19), and for
 *                      Good and Easy never below S
 *   recalled (G > 1):  S' = S (1 + e^w8 (11 - D) S^-w9 (e^(w10 (1-R)) - 1)
 *                              * w15 [if Hard] * w16 [if Easy])
 *   forgotten (G = 1): S' = min (w11 D^-w12 ((S+1)^w13 - 1) e^(w14 (1-R)),
 *                                S / e^(w17 w18))
 *
 * S stays within [0.001, 36500] days, D within [1, 10].
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-fsrs"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pyprep-fsrs.h"

/* The published FSRS-6 defaults, fitted on the open review data set. */
static const PyprepFsrsParams default_params = {
  {
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001,
    1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014,
    1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
  }
};

/* The ranges the reference implementations clamp fitted parameters to
 * (py-fsrs LOWER_BOUNDS_PARAMETERS / UPPER_BOUNDS_PARAMETERS, fsrs-rs
 * parameter_clipper). Outside them the formulas can misbehave: a decay
 * of zero, a negative stability, a difficulty that never moves. */
static const double lower_bounds[PYPREP_FSRS_N_PARAMS] = {
  PYPREP_FSRS_STABILITY_MIN, PYPREP_FSRS_STABILITY_MIN,
  PYPREP_FSRS_STABILITY_MIN, PYPREP_FSRS_STABILITY_MIN,
  1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001, 0.001, 0.001, 0.001,
  0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1,
};

static const double upper_bounds[PYPREP_FSRS_N_PARAMS] = {
  100.0, 100.0, 100.0, 100.0,
  10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5, 5.0, 0.25, 0.9,
  4.0, 1.0, 6.0, 2.0, 2.0, 0.8, 0.8,
};

const PyprepFsrsParams *
pyprep_fsrs_default_params (void)
{
  return &default_params;
}

/**
 * pyprep_fsrs_params_bounds:
 * @index: 0 .. PYPREP_FSRS_N_PARAMS - 1
 * @lower: (out): the smallest value w[@index] may take
 * @upper: (out): the largest
 */
void
pyprep_fsrs_params_bounds (guint   index,
                           double *lower,
                           double *upper)
{
  g_return_if_fail (index < PYPREP_FSRS_N_PARAMS);
  g_return_if_fail (lower != NULL && upper != NULL);

  *lower = lower_bounds[index];
  *upper = upper_bounds[index];
}

/* Whether every parameter is a number within its range. */
gboolean
pyprep_fsrs_params_valid (const PyprepFsrsParams *p)
{
  g_return_val_if_fail (p != NULL, FALSE);

  for (guint i = 0; i < PYPREP_FSRS_N_PARAMS; i++)
    if (!isfinite (p->w[i]) || p->w[i] < lower_bounds[i] || p->w[i] > upper_bounds[i])
      return FALSE;

  return TRUE;
}

/* Moves each parameter into its range; a NaN takes the default. */
void
pyprep_fsrs_params_clamp (PyprepFsrsParams *p)
{
  g_return_if_fail (p != NULL);

  for (guint i = 0; i < PYPREP_FSRS_N_PARAMS; i++)
    {
      if (isnan (p->w[i]))
        p->w[i] = default_params.w[i];
      p->w[i] = CLAMP (p->w[i], lower_bounds[i], upper_bounds[i]);
    }
}

/* A state the formulas can work with. */
gboolean
pyprep_fsrs_memory_valid (const PyprepFsrsMemory *m)
{
  g_return_val_if_fail (m != NULL, FALSE);

  return isfinite (m->stability) && m->stability > 0
         && isfinite (m->difficulty) && m->difficulty >= 1.0 && m->difficulty <= 10.0;
}

static double
decay (const PyprepFsrsParams *p)
{
  return p->w[20];
}

/* f in R = (1 + f t / S)^(-d), chosen so that R(S, S) = 0.9. */
static double
curve_factor (const PyprepFsrsParams *p)
{
  return pow (0.9, -1.0 / decay (p)) - 1.0;
}

static double
clamp_stability (double s)
{
  if (isnan (s))
    return PYPREP_FSRS_STABILITY_MIN;
  return CLAMP (s, PYPREP_FSRS_STABILITY_MIN, PYPREP_FSRS_STABILITY_MAX);
}

static double
clamp_difficulty (double d)
{
  return CLAMP (d, 1.0, 10.0);
}

static double
raw_initial_difficulty (const PyprepFsrsParams *p,
                        int                     grade)
{
  return p->w[4] - exp (p->w[5] * (grade - 1)) + 1.0;
}

/**
 * pyprep_fsrs_retrievability:
 * @elapsed_days: time since the last review; 0 or less means just now
 * @stability: the memory's stability, days
 *
 * The chance of recalling the answer now, 0..1.
 */
double
pyprep_fsrs_retrievability (const PyprepFsrsParams *p,
                            double                  elapsed_days,
                            double                  stability)
{
  g_return_val_if_fail (p != NULL, 0);

  if (!(stability > 0))
    return 0;
  if (!(elapsed_days > 0))
    return 1;

  return pow (1.0 + curve_factor (p) * elapsed_days / stability, -decay (p));
}

/* The memory after the very first review of a question. */
void
pyprep_fsrs_init_memory (const PyprepFsrsParams *p,
                         int                     grade,
                         PyprepFsrsMemory       *out)
{
  g_return_if_fail (p != NULL);
  g_return_if_fail (out != NULL);
  g_return_if_fail (grade >= 1 && grade <= 4);

  out->stability = clamp_stability (p->w[grade - 1]);
  out->difficulty = clamp_difficulty (raw_initial_difficulty (p, grade));
}

static double
next_difficulty (const PyprepFsrsParams *p,
                 double                  d,
                 int                     grade)
{
  double delta = -p->w[6] * (grade - 3);
  double damped = d + delta * (10.0 - d) / 9.0;

  return clamp_difficulty (p->w[7] * raw_initial_difficulty (p, 4) + (1.0 - p->w[7]) * damped);
}

static double
same_day_stability (const PyprepFsrsParams *p,
                    double                  s,
                    int                     grade)
{
  double growth = exp (p->w[17] * (grade - 3 + p->w[18])) * pow (s, -p->w[19]);

  /* A pass the same day never makes the memory weaker. */
  if (grade >= 3)
    growth = MAX (growth, 1.0);

  return s * growth;
}

static double
recall_stability (const PyprepFsrsParams *p,
                  double                  s,
                  double                  d,
                  double                  r,
                  int                     grade)
{
  double bonus = 1.0;

  if (grade == 2)
    bonus = p->w[15];
  else if (grade == 4)
    bonus = p->w[16];

  return s * (1.0 + exp (p->w[8]) * (11.0 - d) * pow (s, -p->w[9])
                    * (exp (p->w[10] * (1.0 - r)) - 1.0) * bonus);
}

static double
forget_stability (const PyprepFsrsParams *p,
                  double                  s,
                  double                  d,
                  double                  r)
{
  double long_term = p->w[11] * pow (d, -p->w[12]) * (pow (s + 1.0, p->w[13]) - 1.0)
                     * exp (p->w[14] * (1.0 - r));

  return MIN (long_term, s / exp (p->w[17] * p->w[18]));
}

/**
 * pyprep_fsrs_next_memory:
 * @m: the memory before the review; must be valid
 * @elapsed_days: days since the previous review; below one day the
 *   same-day rule applies (the scheduler passes whole days)
 * @grade: 1 Again .. 4 Easy
 * @out: (out caller-allocates): the memory after the review; may be @m
 */
void
pyprep_fsrs_next_memory (const PyprepFsrsParams *p,
                         const PyprepFsrsMemory *m,
                         double                  elapsed_days,
                         int                     grade,
                         PyprepFsrsMemory       *out)
{
  double s, d, s2;

  g_return_if_fail (p != NULL);
  g_return_if_fail (m != NULL);
  g_return_if_fail (out != NULL);
  g_return_if_fail (grade >= 1 && grade <= 4);

  s = clamp_stability (m->stability);
  d = clamp_difficulty (isnan (m->difficulty) ? 5.0 : m->difficulty);

  if (!(elapsed_days >= 1.0))
    {
      s2 = same_day_stability (p, s, grade);
    }
  else
    {
      double r = pyprep_fsrs_retrievability (p, elapsed_days, s);

      if (grade == 1)
        s2 = forget_stability (p, s, d, r);
      else
        s2 = recall_stability (p, s, d, r, grade);
    }

  out->stability = clamp_stability (s2);
  out->difficulty = next_difficulty (p, d, grade);
}

/**
 * pyprep_fsrs_interval_days:
 * @stability: days
 * @desired_retention: the chance of recall to schedule for, 0 < r <= 1
 *
 * Days until the chance of recall falls to @desired_retention; not
 * rounded, not limited.
 */
double
pyprep_fsrs_interval_days (const PyprepFsrsParams *p,
                           double                  stability,
                           double                  desired_retention)
{
  g_return_val_if_fail (p != NULL, 0);
  g_return_val_if_fail (desired_retention > 0 && desired_retention <= 1, stability);

  return stability / curve_factor (p) * (pow (desired_retention, -1.0 / decay (p)) - 1.0);
}

/**
 * pyprep_fsrs_params_from_variant:
 * @value: (nullable): an array of doubles ("ad"), as stored
 * @out: (out caller-allocates): the parameters; the defaults when @value
 *   is empty or cannot be used
 * @problem: (out) (optional): why @value cannot be used, untranslated
 *
 * Returns: %FALSE when @value is not 21 parameters within their ranges
 */
gboolean
pyprep_fsrs_params_from_variant (GVariant          *value,
                                 PyprepFsrsParams  *out,
                                 char             **problem)
{
  const double *w;
  gsize n = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  *out = default_params;

  if (value == NULL)
    return TRUE;
  if (!g_variant_is_of_type (value, G_VARIANT_TYPE ("ad")))
    {
      if (problem != NULL)
        *problem = g_strdup_printf ("a value of type %s, not a list of numbers", g_variant_get_type_string (value));
      return FALSE;
    }

  w = g_variant_get_fixed_array (value, &n, sizeof (double));
  if (n == 0)
    return TRUE;
  if (n != PYPREP_FSRS_N_PARAMS)
    {
      if (problem != NULL)
        *problem = g_strdup_printf ("%" G_GSIZE_FORMAT " numbers, not %d", n, PYPREP_FSRS_N_PARAMS);
      return FALSE;
    }

  for (guint i = 0; i < PYPREP_FSRS_N_PARAMS; i++)
    if (!isfinite (w[i]) || w[i] < lower_bounds[i] || w[i] > upper_bounds[i])
      {
        if (problem != NULL)
          *problem = g_strdup_printf ("w%u = %g is outside %g to %g", i, w[i], lower_bounds[i], upper_bounds[i]);
        return FALSE;
      }

  memcpy (out->w, w, sizeof out->w);
  return TRUE;
}

/* Returns: (transfer floating): @p as an array of doubles, to store */
GVariant *
pyprep_fsrs_params_to_variant (const PyprepFsrsParams *p)
{
  g_return_val_if_fail (p != NULL, NULL);

  return g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, p->w, PYPREP_FSRS_N_PARAMS, sizeof (double));
}
