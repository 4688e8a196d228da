/* pyprep-fsrs-optimizer.h: fits the 21 FSRS-6 parameters to a user's
 * review history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-fsrs.h"

G_BEGIN_DECLS

/* How many reviews the model can be judged on (every review but a card's
 * first and those on the day of the previous one) before Optimize is
 * offered. Anki 24.04 asked for 400 such reviews before it optimized,
 * older versions for 1000 (FSRS4Anki tutorial, docs/tutorial.md, "The
 * Ultra Short Version": "you don't have a sufficient number of reviews
 * (400 in Anki 24.04, 1000 in older versions)"). Anki later let the
 * optimizer run on less and fall back to the defaults, but then a fit
 * mostly moves the four initial stabilities; 400 is the amount at which
 * the FSRS authors judged a whole fit worth offering. */
#define PYPREP_FSRS_OPTIMIZER_MIN_REVIEWS 400

#define PYPREP_FSRS_OPTIMIZER_ERROR (pyprep_fsrs_optimizer_error_quark ())

typedef enum {
  PYPREP_FSRS_OPTIMIZER_ERROR_INVALID_REVIEW,
  PYPREP_FSRS_OPTIMIZER_ERROR_NOT_ENOUGH_REVIEWS,
} PyprepFsrsOptimizerError;

GQuark pyprep_fsrs_optimizer_error_quark (void);

/* A review log in memory, card by card, each card's reviews in time
 * order. Independent of where the log is stored. */
typedef struct _PyprepFsrsHistory PyprepFsrsHistory;

PyprepFsrsHistory *pyprep_fsrs_history_new          (void);
PyprepFsrsHistory *pyprep_fsrs_history_copy         (const PyprepFsrsHistory *history);
void               pyprep_fsrs_history_free         (PyprepFsrsHistory       *history);
void               pyprep_fsrs_history_add_card     (PyprepFsrsHistory       *history);
gboolean           pyprep_fsrs_history_add_review   (PyprepFsrsHistory       *history,
                                                     gint64                   time,
                                                     double                   elapsed_days,
                                                     int                      rating,
                                                     GError                 **error);
guint              pyprep_fsrs_history_n_cards      (const PyprepFsrsHistory *history);
guint              pyprep_fsrs_history_n_reviews    (const PyprepFsrsHistory *history);
guint              pyprep_fsrs_history_n_evaluated  (const PyprepFsrsHistory *history);
gboolean           pyprep_fsrs_history_can_optimize (const PyprepFsrsHistory *history);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepFsrsHistory, pyprep_fsrs_history_free)

/* How well a parameter set predicts a log: the mean log loss (binary
 * cross-entropy) and RMSE(bins), both over the evaluated reviews. */
typedef struct
{
  double log_loss;
  double rmse_bins;
} PyprepFsrsMetrics;

void pyprep_fsrs_evaluate (const PyprepFsrsHistory *history,
                           const PyprepFsrsParams  *params,
                           const double            *targets,
                           gsize                    n_targets,
                           PyprepFsrsMetrics       *out);

/* The outcome of a fit: the fitted parameters, and how the start
 * parameters and the fitted ones predict the log. */
typedef struct
{
  PyprepFsrsParams  params;
  PyprepFsrsMetrics before;
  PyprepFsrsMetrics after;
  guint             n_reviews;
} PyprepFsrsFit;

gboolean pyprep_fsrs_fit_is_better (const PyprepFsrsFit *fit);

/* @fraction: 0 .. 1 */
typedef void (*PyprepFsrsProgressFunc) (double   fraction,
                                        gpointer user_data);

gboolean pyprep_fsrs_optimize        (const PyprepFsrsHistory *history,
                                      const PyprepFsrsParams  *start,
                                      GCancellable            *cancellable,
                                      PyprepFsrsProgressFunc   progress,
                                      gpointer                 progress_data,
                                      PyprepFsrsFit           *out,
                                      GError                 **error);
void     pyprep_fsrs_optimize_async  (const PyprepFsrsHistory *history,
                                      const PyprepFsrsParams  *start,
                                      GCancellable            *cancellable,
                                      PyprepFsrsProgressFunc   progress,
                                      gpointer                 progress_data,
                                      GAsyncReadyCallback      callback,
                                      gpointer                 user_data);
gboolean pyprep_fsrs_optimize_finish (GAsyncResult            *result,
                                      PyprepFsrsFit           *out,
                                      GError                 **error);

G_END_DECLS
