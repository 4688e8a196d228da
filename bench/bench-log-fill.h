/* bench-log-fill.h: the generated review log the benchmarks share:
 * 100,000 reviews of 2,000 cards over three years of daily practice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pyprep-review-log.h"

G_BEGIN_DECLS

#define BENCH_LOG_REVIEWS 100000
#define BENCH_LOG_CARDS 2000
#define BENCH_LOG_DAYS (3 * 365)
#define BENCH_DAY_MS ((gint64)24 * 60 * 60 * 1000)

/* Card @index's id: generated-N, or exercise:generated-N for one in four. */
char *bench_log_card_id (guint index);

/* Writes the log in one transaction, its first day at @start_ms. */
void  bench_fill_review_log (PyprepReviewLog *log,
                             gint64           start_ms);

G_END_DECLS
