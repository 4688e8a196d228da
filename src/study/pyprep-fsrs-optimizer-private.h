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

G_END_DECLS
