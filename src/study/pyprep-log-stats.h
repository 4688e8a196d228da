/* pyprep-log-stats.h: the statistics worked out from the review log:
 * true retention over the last 30 and 90 days, and the workload forecast
 * at three desired retentions. Heavy enough on a big log to be computed
 * on a worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-library.h"
#include "pyprep-review-log.h"
#include "pyprep-scheduler.h"
#include "pyprep-study.h"

G_BEGIN_DECLS

/* Weekly true retention over the last 13 weeks (91 days), the last week
 * ending today. */
#define PYPREP_LOG_STATS_WEEKS 13
/* Reviews per day from today on. */
#define PYPREP_LOG_STATS_FORECAST_DAYS 30
/* The desired retention, 5 points below it and 5 above (clamped). */
#define PYPREP_LOG_STATS_N_RETENTIONS 3
#define PYPREP_LOG_STATS_RETENTION_STEP 0.05

typedef struct
{
  guint passed;  /* graded Hard, Good or Easy */
  guint total;
} PyprepRetentionCount;

typedef struct
{
  guint                n_grades;        /* grades in the log, of any kind */
  PyprepRetentionCount last_30;         /* today and the 29 days before */
  PyprepRetentionCount last_90;
  PyprepRetentionCount weeks[PYPREP_LOG_STATS_WEEKS];  /* oldest first */

  /* [0] the desired retention, [1] below it, [2] above it */
  double               retentions[PYPREP_LOG_STATS_N_RETENTIONS];
  guint                forecast[PYPREP_LOG_STATS_N_RETENTIONS][PYPREP_LOG_STATS_FORECAST_DAYS];
  guint                n_cards;         /* cards the forecast followed */
} PyprepLogStats;

void            pyprep_log_stats_retentions         (double                       desired,
                                                     double                       retentions[PYPREP_LOG_STATS_N_RETENTIONS]);
gboolean        pyprep_retention_count_get_share    (const PyprepRetentionCount *count,
                                                     double                      *share);

void            pyprep_log_stats_true_retention     (PyprepLogStats              *stats,
                                                     GPtrArray                   *entries,
                                                     const PyprepSchedulerConfig *config,
                                                     GTimeZone                   *tz,
                                                     gint64                       now,
                                                     GHashTable                 **states);
void            pyprep_log_stats_forecast           (GHashTable                  *states,
                                                     const PyprepSchedulerConfig *config,
                                                     double                       retention,
                                                     GTimeZone                   *tz,
                                                     gint64                       now,
                                                     guint                        counts[PYPREP_LOG_STATS_FORECAST_DAYS]);
double          pyprep_log_stats_forecast_mean      (const PyprepLogStats        *stats,
                                                     guint                        index);

PyprepLogStats *pyprep_log_stats_compute            (GPtrArray                   *entries,
                                                     GHashTable                  *states,
                                                     const PyprepSchedulerConfig *config,
                                                     GTimeZone                   *tz,
                                                     gint64                       now);
GHashTable     *pyprep_log_stats_collect_states     (PyprepStudy                 *study,
                                                     PyprepLibrary               *library);
void            pyprep_log_stats_compute_async      (const char                  *log_path,
                                                     GHashTable                  *states,
                                                     const PyprepSchedulerConfig *config,
                                                     GDateTime                   *now,
                                                     GCancellable                *cancellable,
                                                     GAsyncReadyCallback          callback,
                                                     gpointer                     user_data);
PyprepLogStats *pyprep_log_stats_compute_finish     (GAsyncResult                *result,
                                                     GError                     **error);
void            pyprep_log_stats_free               (PyprepLogStats              *stats);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepLogStats, pyprep_log_stats_free)

G_END_DECLS
