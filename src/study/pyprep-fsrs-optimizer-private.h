/* pyprep-fsrs-optimizer-private.h: internals of the optimizer that its
 * test checks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pyprep-fsrs.h"

G_BEGIN_DECLS

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
