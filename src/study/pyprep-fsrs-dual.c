/* pyprep-fsrs-dual.c: the FSRS-6 memory model on dual numbers, for the
 * optimizer's gradients: each value carries its partial derivatives by
 * the 21 parameters along with it (forward-mode differentiation), so
 * that walking a card's reviews once gives the loss and its gradient.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-fsrs-optimizer"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pyprep-fsrs-optimizer.h"
#include "pyprep-fsrs-optimizer-private.h"

#define N_PARAMS PYPREP_FSRS_N_PARAMS

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

Dual
pyprep_fsrs_dual_retrievability (const PyprepFsrsParams *p,
                                 double                  t,
                                 Dual                    s)
{
  Dual decay = dual_param (p, 20);
  /* f = 0.9^(-1/d) - 1 */
  Dual f = dual_add_c (dual_exp (dual_div (dual_const (-log (0.9)), decay)), -1.0);
  Dual base = dual_add_c (dual_div (dual_scale (f, t), s), 1.0);

  return dual_exp (dual_mul (dual_scale (decay, -1.0), dual_log (base)));
}

void
pyprep_fsrs_dual_init_memory (const PyprepFsrsParams *p,
                              int                     grade,
                              DualMemory             *m)
{
  m->s = clamp_s (dual_param (p, grade - 1));
  m->d = clamp_d (raw_initial_difficulty (p, grade));
}

void
pyprep_fsrs_dual_next_memory (const PyprepFsrsParams *p,
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
      Dual r = pyprep_fsrs_dual_retrievability (p, t, s);
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

  pyprep_fsrs_dual_init_memory (p, grades[0], &m);
  for (guint i = 1; i < n; i++)
    pyprep_fsrs_dual_next_memory (p, &m, days[i], grades[i]);

  rd = pyprep_fsrs_dual_retrievability (p, t_last, m.s);
  *s = m.s.v;
  *d = m.d.v;
  *r = rd.v;
  memcpy (dr, rd.d, sizeof rd.d);
}
