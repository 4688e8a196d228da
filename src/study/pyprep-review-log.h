/* pyprep-review-log.h: every grade the user gives, kept for good in an
 * SQLite database, from which each card's scheduling state can be rebuilt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-scheduler.h"

G_BEGIN_DECLS

#define PYPREP_REVIEW_LOG_ERROR (pyprep_review_log_error_quark ())

typedef enum {
  PYPREP_REVIEW_LOG_ERROR_CORRUPT,  /* not a database, or a damaged one */
  PYPREP_REVIEW_LOG_ERROR_LOCKED,   /* another program holds it */
  PYPREP_REVIEW_LOG_ERROR_VERSION,  /* written by a newer PyPrep */
  PYPREP_REVIEW_LOG_ERROR_FAILED,   /* anything else: the disk, permissions */
} PyprepReviewLogError;

typedef enum {
  PYPREP_REVIEW_KIND_RECALL,
  PYPREP_REVIEW_KIND_EXERCISE,
  PYPREP_REVIEW_KIND_MOCK,
  /* Not a grade: a card's whole state, carried over from before the log
   * (migration) or set by an import or a reset. Replay starts from it. */
  PYPREP_REVIEW_KIND_STATE,
} PyprepReviewKind;

/* The schema version kept in PRAGMA user_version. */
#define PYPREP_REVIEW_LOG_SCHEMA 1
/* How far ahead of the clock an imported entry may be. */
#define PYPREP_REVIEW_LOG_FUTURE_MS ((gint64)24 * 60 * 60 * 1000)

/* One entry of the log. */
typedef struct
{
  gint64             seq;           /* order of arrival in this database */
  char              *installation;  /* the UUID of the PyPrep that wrote it */
  gint64             time;          /* UTC, Unix milliseconds */
  char              *card;          /* a question id, or exercise:<id> */
  PyprepReviewKind   kind;
  char               day[11];       /* the local day, YYYY-MM-DD */
  int                rating;        /* 1..4; 0 for a state entry */
  double             elapsed;       /* days since the card's previous entry; < 0 if none */
  int                seconds;       /* seconds taken to answer; < 0 if unknown */
  PyprepReviewState  state;         /* PYPREP_REVIEW_KIND_STATE only; reps 0: reset */
} PyprepReviewEntry;

#define PYPREP_TYPE_REVIEW_LOG (pyprep_review_log_get_type ())

G_DECLARE_FINAL_TYPE (PyprepReviewLog, pyprep_review_log, PYPREP, REVIEW_LOG, GObject)

GQuark             pyprep_review_log_error_quark     (void);

const char        *pyprep_review_kind_to_string      (PyprepReviewKind    kind);
gboolean           pyprep_review_kind_from_string    (const char         *str,
                                                      PyprepReviewKind   *kind);

PyprepReviewEntry *pyprep_review_entry_new           (void);
PyprepReviewEntry *pyprep_review_entry_copy          (const PyprepReviewEntry *entry);
void               pyprep_review_entry_free          (PyprepReviewEntry  *entry);

char              *pyprep_review_log_default_path    (void);
PyprepReviewLog   *pyprep_review_log_new             (const char         *path,
                                                      GError            **error);
const char        *pyprep_review_log_get_path        (PyprepReviewLog    *self);
const char        *pyprep_review_log_get_installation (PyprepReviewLog   *self);
gboolean           pyprep_review_log_append          (PyprepReviewLog    *self,
                                                      PyprepReviewEntry  *entry,
                                                      GError            **error);
gboolean           pyprep_review_log_take_back       (PyprepReviewLog    *self,
                                                      const char         *card,
                                                      GError            **error);
gboolean           pyprep_review_log_merge           (PyprepReviewLog    *self,
                                                      GPtrArray          *entries,
                                                      guint              *n_added,
                                                      GError            **error);
gint64             pyprep_review_log_count           (PyprepReviewLog    *self,
                                                      GError            **error);
GPtrArray         *pyprep_review_log_query           (PyprepReviewLog    *self,
                                                      const char         *card,
                                                      gint64              from,
                                                      gint64              to,
                                                      GError            **error);
GHashTable        *pyprep_review_log_last_times      (PyprepReviewLog    *self,
                                                      GError            **error);
gboolean           pyprep_review_log_check           (PyprepReviewLog    *self,
                                                      GError            **error);
void               pyprep_review_log_read_all_async  (PyprepReviewLog    *self,
                                                      GCancellable       *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer            user_data);
GPtrArray         *pyprep_review_log_read_all_finish (PyprepReviewLog    *self,
                                                      GAsyncResult       *result,
                                                      GError            **error);
GPtrArray         *pyprep_review_log_read_all_sync   (const char         *path,
                                                      GCancellable       *cancellable,
                                                      GError            **error);

GHashTable        *pyprep_review_replay              (GPtrArray                   *entries,
                                                      const PyprepSchedulerConfig *config);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepReviewEntry, pyprep_review_entry_free)

G_END_DECLS
