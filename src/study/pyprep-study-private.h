/* pyprep-study-private.h: shared between the study record and its JSON
 * export and import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pyprep-scheduler.h"
#include "pyprep-study.h"

G_BEGIN_DECLS

typedef struct
{
  PyprepStatus status;
  gint64       first_seen;  /* Unix time, 0 when never opened */
  gint64       last_seen;
  guint        opened;

  /* Spaced repetition; only meaningful when review.reps > 0. */
  PyprepReviewState review;
  gint64       first_review;  /* when it was first practised, for the new-per-day limit */
  char         grades[PYPREP_STUDY_MAX_GRADES + 1];  /* '1'..'4', oldest first */
} PyprepProgress;

/* One question's state read from an import file. */
typedef struct
{
  PyprepProgress  progress;
  gboolean        bookmarked;
  char           *note;
} PyprepImported;

gboolean   _pyprep_review_is_valid    (const PyprepReviewState *review,
                                       const char       *grades,
                                       char            **problem);
GPtrArray *_pyprep_sorted_keys        (GHashTable       *table);
void       _pyprep_study_collect_ids  (PyprepStudy      *self,
                                       GHashTable       *ids);
GPtrArray *_pyprep_study_sorted_days  (PyprepStudy      *self);
void       _pyprep_study_get_progress (PyprepStudy      *self,
                                       const char       *id,
                                       PyprepProgress   *progress);
void       _pyprep_study_apply_import (PyprepStudy      *self,
                                       GHashTable       *entries,
                                       GHashTable       *activity,
                                       PyprepImportMode  mode);

G_END_DECLS
