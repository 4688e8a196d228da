/* pyprep-stats.h: numbers for the Statistics view, worked out from the
 * study record and the library for a given day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-library.h"
#include "pyprep-study.h"

G_BEGIN_DECLS

/* The activity grid: 20 weeks, one column per week from Monday to Sunday,
 * the last column holding today. */
#define PYPREP_STATS_GRID_WEEKS 20
#define PYPREP_STATS_GRID_DAYS (PYPREP_STATS_GRID_WEEKS * 7)

/* Reviews due today (overdue included), then on each of the next 7 days. */
#define PYPREP_STATS_FORECAST_DAYS 8

typedef struct _PyprepStats PyprepStats;

typedef struct
{
  const char *topic_id;
  const char *title;
  guint       counts[PYPREP_STATUS_CONFIDENT + 1];  /* by PyprepStatus */
  guint       total;
} PyprepTopicMastery;

PyprepStats              *pyprep_stats_new                 (PyprepStudy   *study,
                                                            PyprepLibrary *library,
                                                            GDateTime     *now);
void                      pyprep_stats_free                (PyprepStats   *self);

const GDate              *pyprep_stats_get_today           (PyprepStats   *self);
guint                     pyprep_stats_get_current_streak  (PyprepStats   *self);
guint                     pyprep_stats_get_longest_streak  (PyprepStats   *self);

const GDate              *pyprep_stats_get_grid_start      (PyprepStats   *self);
guint                     pyprep_stats_get_grid_n_days     (PyprepStats   *self);
guint                     pyprep_stats_get_grid_count      (PyprepStats   *self,
                                                            guint          index);
guint                     pyprep_stats_get_grid_total      (PyprepStats   *self);
guint                     pyprep_stats_get_grid_active_days (PyprepStats  *self);
guint                     pyprep_stats_get_grid_max        (PyprepStats   *self,
                                                            GDate         *busiest);

guint                     pyprep_stats_get_n_topics        (PyprepStats   *self);
const PyprepTopicMastery *pyprep_stats_get_topic           (PyprepStats   *self,
                                                            guint          index);
const PyprepTopicMastery *pyprep_stats_get_overall         (PyprepStats   *self);

guint                     pyprep_stats_get_due_today       (PyprepStats   *self);
guint                     pyprep_stats_get_overdue         (PyprepStats   *self);
guint                     pyprep_stats_get_due_on          (PyprepStats   *self,
                                                            guint          day);

gboolean                  pyprep_stats_parse_day           (const char    *text,
                                                            GDate         *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepStats, pyprep_stats_free)

G_END_DECLS
