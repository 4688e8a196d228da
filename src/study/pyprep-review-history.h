/* pyprep-review-history.h: the review log as the FSRS optimizer reads
 * it, card by card.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-fsrs-optimizer.h"
#include "pyprep-review-log.h"

G_BEGIN_DECLS

PyprepFsrsHistory *pyprep_review_history_build       (GPtrArray          *entries);
void               pyprep_review_history_load_async  (PyprepReviewLog    *log,
                                                      GCancellable       *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer            user_data);
PyprepFsrsHistory *pyprep_review_history_load_finish (GAsyncResult       *result,
                                                      GError            **error);

G_END_DECLS
