/* pyprep-study-private.h: shared by the files of PyprepStudy: its API
 * (pyprep-study.c), its store in GSettings (pyprep-study-store.c), its
 * JSON export and import (pyprep-study-json.c) and its review log
 * (pyprep-study-log.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pyprep-scheduler.h"
#include "pyprep-drafts.h"
#include "pyprep-review-log.h"
#include "pyprep-study.h"

G_BEGIN_DECLS

typedef struct
{
  PyprepStatus status;       /* as set by hand or by opening; never Learning */
  gint64       status_set;   /* when it was set by hand; 0: not since the last review */
  gint64       first_seen;  /* Unix time, 0 when never opened */
  gint64       last_seen;
  guint        opened;

  /* Spaced repetition; only meaningful when review.reps > 0. */
  PyprepReviewState review;
  gint64       first_review;  /* when it was first practised, for the new-per-day limit */
  char         grades[PYPREP_STUDY_MAX_GRADES + 1];  /* '1'..'4', oldest first */
} PyprepProgress;

struct _PyprepStudy
{
  GObject     parent_instance;

  GSettings  *settings;   /* NULL: kept in memory only */
  GHashTable *progress;   /* id -> PyprepProgress */
  GHashTable *bookmarks;  /* id set */
  GHashTable *notes;      /* id -> note */
  GHashTable *activity;   /* day -> count */
  gboolean    mark_read_on_open;
  PyprepSchedulerConfig scheduler;  /* desired retention and parameters; no load balancing */

  /* What could not be read at load (pyprep-study-store.c). */
  gboolean    damaged;
  char       *recovered_path;  /* the first copy kept, or NULL */
  guint       frozen;          /* PyprepStoreKey bits: never written */
  GHashTable *raw_progress;    /* id -> stored a{sv} that did not load whole */

  PyprepDrafts *drafts;        /* exercise code, exported with the record; or NULL */

  /* Every grade, for good (pyprep-study-log.c). */
  PyprepReviewLog *log;        /* NULL: none, or it could not be opened */
  char         *log_path;      /* where it is, or was meant to be */
  GError       *log_problem;   /* why it cannot be used, or NULL */
  GPtrArray    *log_pending;   /* grades not written yet (PyprepReviewEntry) */
  guint         log_generation; /* moves on at each write through self->log */
  guint         importing;     /* asynchronous imports running: grades wait */

  /* The last grade, until it is undone, another comes, or the log is
   * exported (pyprep_study_undo_review()). */
  char           *undo_id;        /* NULL: nothing to undo */
  PyprepProgress  undo_progress;  /* the card's progress before the grade */
  gboolean        undo_had_progress;
  GDateTime      *undo_time;      /* when it was given, as given */
};

/* The keys of the record, as bits of PyprepStudy.frozen. */
typedef enum {
  PYPREP_STORE_PROGRESS  = 1 << 0,
  PYPREP_STORE_BOOKMARKS = 1 << 1,
  PYPREP_STORE_NOTES     = 1 << 2,
  PYPREP_STORE_ACTIVITY  = 1 << 3,
} PyprepStoreKey;

/* One question's state read from an import file. */
typedef struct
{
  PyprepProgress  progress;
  gboolean        bookmarked;
  char           *note;
} PyprepImported;

/* The log replayed after an import (pyprep-study-log.c). */
typedef struct _PyprepLogReplay PyprepLogReplay;

/* pyprep-study.c */
void       _pyprep_progress_migrate_status (PyprepProgress       *progress);
void       _pyprep_study_emit_changed   (PyprepStudy             *self,
                                         const char              *id);
void       _pyprep_study_set_damaged    (PyprepStudy             *self,
                                         gboolean                 damaged);

/* pyprep-study-store.c; a save does nothing when there are no settings. */
gboolean   _pyprep_review_is_valid      (const PyprepReviewState *review,
                                         const char              *grades,
                                         char                   **problem);
GPtrArray *_pyprep_sorted_keys          (GHashTable              *table);
void       _pyprep_study_load           (PyprepStudy             *self);
void       _pyprep_study_forget_raw     (PyprepStudy             *self,
                                         const char              *id);
void       _pyprep_study_save_progress  (PyprepStudy             *self);
void       _pyprep_study_save_bookmarks (PyprepStudy             *self);
void       _pyprep_study_save_notes     (PyprepStudy             *self);
void       _pyprep_study_save_activity  (PyprepStudy             *self);
void       _pyprep_study_save_all       (PyprepStudy             *self);

/* pyprep-study.c */
void       _pyprep_study_set_log_problem (PyprepStudy            *self,
                                          const GError           *problem);

/* pyprep-study-log.c; each does nothing without a log. */
void       _pyprep_study_log_grade      (PyprepStudy             *self,
                                         const char              *id,
                                         PyprepReviewKind         kind,
                                         PyprepGrade              grade,
                                         GDateTime               *now,
                                         int                      seconds);
void       _pyprep_study_log_resets     (PyprepStudy             *self,
                                         GPtrArray               *ids);
void       _pyprep_study_unlog_grade    (PyprepStudy             *self,
                                         const char              *id);
GPtrArray *_pyprep_study_log_export     (PyprepStudy             *self);
gboolean   _pyprep_study_log_import     (PyprepStudy             *self,
                                         GPtrArray               *entries,
                                         GError                 **error);
void       _pyprep_study_log_reconcile  (PyprepStudy             *self,
                                         PyprepImportMode         mode,
                                         PyprepLogReplay         *replay);
void       _pyprep_study_log_flush      (PyprepStudy             *self);
void       _pyprep_log_replay_free      (PyprepLogReplay         *replay);
PyprepLogReplay *_pyprep_log_import_on_worker (const char                  *path,
                                               GPtrArray                   *entries,
                                               const PyprepSchedulerConfig *config,
                                               gboolean                    *merged,
                                               GError                     **error);

/* pyprep-study-json.c */
void       _pyprep_study_collect_ids    (PyprepStudy             *self,
                                         GHashTable              *ids);
GPtrArray *_pyprep_study_sorted_days    (PyprepStudy             *self);
void       _pyprep_study_get_progress   (PyprepStudy             *self,
                                         const char              *id,
                                         PyprepProgress          *progress);
void       _pyprep_study_apply_import   (PyprepStudy             *self,
                                         GHashTable              *entries,
                                         GHashTable              *activity,
                                         PyprepImportMode         mode,
                                         PyprepLogReplay         *replay);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepLogReplay, _pyprep_log_replay_free)

G_END_DECLS
