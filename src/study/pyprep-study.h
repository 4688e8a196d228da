/* pyprep-study.h: what the user has done with each question: bookmarks,
 * reading status, notes and daily activity, kept in GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-drafts.h"
#include "pyprep-review-log.h"
#include "pyprep-scheduler.h"

G_BEGIN_DECLS

typedef enum {
  PYPREP_STATUS_NEW,
  PYPREP_STATUS_READ,
  PYPREP_STATUS_NEEDS_REVIEW,
  PYPREP_STATUS_LEARNING,
  PYPREP_STATUS_CONFIDENT,
} PyprepStatus;

typedef enum {
  PYPREP_IMPORT_MERGE,    /* per question, the entry seen more recently wins */
  PYPREP_IMPORT_REPLACE,  /* the file replaces the whole record */
} PyprepImportMode;

#define PYPREP_STUDY_ERROR (pyprep_study_error_quark ())

typedef enum {
  PYPREP_STUDY_ERROR_TOO_LARGE,
  PYPREP_STUDY_ERROR_INVALID,
  PYPREP_STUDY_ERROR_VERSION,
  PYPREP_STUDY_ERROR_NOT_A_FILE,
  PYPREP_STUDY_ERROR_FUTURE,
} PyprepStudyError;

/* 3: with the exercises' code ("drafts"); 4: with the review log ("reviews") */
#define PYPREP_STUDY_EXPORT_VERSION 4
#define PYPREP_STUDY_MAX_GRADES 64
/* Forgotten this often after it was first learnt, a card is a leech, as
 * in Anki: more of the same reviews will not fix it; it wants a new
 * approach (a note, a mnemonic, the exercise). */
#define PYPREP_STUDY_LEECH_LAPSES 8
/* Room for about 700,000 reviews, 100,000 taking 9 MiB (data/study-format.md). */
#define PYPREP_STUDY_IMPORT_MAX_BYTES (64 * 1024 * 1024)

#define PYPREP_TYPE_STUDY (pyprep_study_get_type ())

G_DECLARE_FINAL_TYPE (PyprepStudy, pyprep_study, PYPREP, STUDY, GObject)

GSettings    *pyprep_study_settings_new          (void);
GSettings    *pyprep_study_settings_new_for_file (const char   *path);

PyprepStudy  *pyprep_study_new                (GSettings    *settings);
PyprepStatus  pyprep_study_get_status         (PyprepStudy  *self,
                                               const char   *id);
PyprepStatus  pyprep_study_get_status_at      (PyprepStudy  *self,
                                               const char   *id,
                                               gint64        now);
void          pyprep_study_set_status         (PyprepStudy  *self,
                                               const char   *id,
                                               PyprepStatus  status);
gboolean      pyprep_study_get_bookmarked     (PyprepStudy  *self,
                                               const char   *id);
void          pyprep_study_set_bookmarked     (PyprepStudy  *self,
                                               const char   *id,
                                               gboolean      bookmarked);
gboolean      pyprep_study_is_weak            (PyprepStudy  *self,
                                               const char   *id);
gboolean      pyprep_study_is_leech           (PyprepStudy  *self,
                                               const char   *id);
guint         pyprep_study_get_times_opened   (PyprepStudy  *self,
                                               const char   *id);
void          pyprep_study_set_mark_read_on_open (PyprepStudy *self,
                                                  gboolean     mark_read);
gint64        pyprep_study_get_last_seen      (PyprepStudy  *self,
                                               const char   *id);
void          pyprep_study_mark_opened        (PyprepStudy  *self,
                                               const char   *id,
                                               GDateTime    *now);
char         *pyprep_study_exercise_id        (const char   *question_id);
const char   *pyprep_study_card_question_id   (const char   *card_id);
gboolean      pyprep_study_get_exercise_solved (PyprepStudy *self,
                                               const char   *question_id);
void          pyprep_study_set_drafts         (PyprepStudy  *self,
                                               PyprepDrafts *drafts);
PyprepDrafts *pyprep_study_get_drafts         (PyprepStudy  *self);
const char   *pyprep_study_get_note           (PyprepStudy  *self,
                                               const char   *id);
void          pyprep_study_set_note           (PyprepStudy  *self,
                                               const char   *id,
                                               const char   *note);
void          pyprep_study_reset_progress     (PyprepStudy  *self,
                                               const char * const *ids);
void          pyprep_study_count              (PyprepStudy  *self,
                                               guint        *bookmarks,
                                               guint        *reviewed);
gboolean      pyprep_study_get_review         (PyprepStudy  *self,
                                               const char   *id,
                                               PyprepReviewState *state);
const char   *pyprep_study_get_grades         (PyprepStudy  *self,
                                               const char   *id);
void          pyprep_study_record_review      (PyprepStudy  *self,
                                               const char   *id,
                                               PyprepGrade   grade,
                                               GDateTime    *now);
void          pyprep_study_preview_review     (PyprepStudy  *self,
                                               const char   *id,
                                               GDateTime    *now,
                                               gint64        intervals[4]);
void          pyprep_study_record_review_full (PyprepStudy      *self,
                                               const char       *id,
                                               PyprepReviewKind  kind,
                                               PyprepGrade       grade,
                                               GDateTime        *now,
                                               int               seconds);
gboolean      pyprep_study_undo_review        (PyprepStudy  *self,
                                               const char   *id);
gboolean      pyprep_study_open_review_log    (PyprepStudy  *self,
                                               const char   *path);
void          pyprep_study_set_review_log     (PyprepStudy  *self,
                                               PyprepReviewLog *log);
PyprepReviewLog *pyprep_study_get_review_log  (PyprepStudy  *self);
const GError *pyprep_study_get_review_log_problem (PyprepStudy *self);
gboolean      pyprep_study_set_aside_review_log (PyprepStudy *self,
                                               GError      **error);
guint         pyprep_study_count_new_today    (PyprepStudy  *self,
                                               GDateTime    *now);
guint         pyprep_study_count_reviews_today (PyprepStudy *self,
                                                GDateTime   *now);
guint         pyprep_study_count_due_on_day   (PyprepStudy  *self,
                                               GDateTime    *day);
void          pyprep_study_set_desired_retention (PyprepStudy *self,
                                                  double       desired_retention);
double        pyprep_study_get_desired_retention (PyprepStudy *self);
void          pyprep_study_set_fsrs_params    (PyprepStudy  *self,
                                               const PyprepFsrsParams *params);
void          pyprep_study_get_scheduler_config (PyprepStudy *self,
                                                 PyprepSchedulerConfig *config);
guint         pyprep_study_get_activity       (PyprepStudy  *self,
                                               const char   *day);
guint         pyprep_study_get_n_entries      (PyprepStudy  *self);
gboolean      pyprep_study_get_damaged        (PyprepStudy  *self);
const char   *pyprep_study_get_recovered_path (PyprepStudy  *self);
gboolean      pyprep_study_get_due            (PyprepStudy  *self,
                                               const char   *id,
                                               gint64       *due);

GQuark        pyprep_study_error_quark        (void);
char         *pyprep_study_export_json        (PyprepStudy  *self,
                                               GDateTime    *now);
void          pyprep_study_read_import_async  (GFile               *file,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GBytes       *pyprep_study_read_import_finish (GAsyncResult        *result,
                                               GError             **error);
gboolean      pyprep_study_import_json        (PyprepStudy  *self,
                                               const char   *data,
                                               gsize         length,
                                               PyprepImportMode mode,
                                               GError      **error);
void          pyprep_study_import_json_async  (PyprepStudy         *self,
                                               GBytes              *data,
                                               PyprepImportMode     mode,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean      pyprep_study_import_json_finish (PyprepStudy         *self,
                                               GAsyncResult        *result,
                                               GError             **error);

const char   *pyprep_status_to_string         (PyprepStatus  status);
const char   *pyprep_status_get_label         (PyprepStatus  status);
gboolean      pyprep_status_from_string       (const char   *str,
                                               PyprepStatus *status);

G_END_DECLS
