/* pyprep-scheduler.h: when to see a question again (FSRS-5).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  PYPREP_GRADE_AGAIN = 1,
  PYPREP_GRADE_HARD  = 2,
  PYPREP_GRADE_GOOD  = 3,
  PYPREP_GRADE_EASY  = 4,
} PyprepGrade;

/* The memory state of one question. A question never reviewed has
 * reps == 0; the other fields are then ignored. Times are Unix seconds. */
typedef struct
{
  double  stability;    /* days until recall drops to 90% */
  double  difficulty;   /* 1 (easy) .. 10 (hard) */
  guint   reps;         /* reviews so far */
  guint   lapses;       /* times forgotten (Again) after the first review */
  gint64  last_review;
  gint64  due;
} PyprepReviewState;

/* Again brings the question back after this short relearning step. */
#define PYPREP_SCHEDULER_RELEARN_SECONDS (10 * 60)
#define PYPREP_SCHEDULER_MAX_DAYS 36500
#define PYPREP_SCHEDULER_RETENTION 0.9

gboolean  pyprep_grade_is_valid            (int                      grade);
gboolean  pyprep_grade_is_pass             (PyprepGrade              grade);
const char *pyprep_grade_get_label         (PyprepGrade              grade);

double    pyprep_scheduler_elapsed_days    (const PyprepReviewState *state,
                                            gint64                   now);
double    pyprep_scheduler_retrievability  (const PyprepReviewState *state,
                                            gint64                   now);
void      pyprep_scheduler_review          (const PyprepReviewState *state,
                                            PyprepGrade              grade,
                                            gint64                   now,
                                            PyprepReviewState       *next);
gint64    pyprep_scheduler_interval        (const PyprepReviewState *state,
                                            PyprepGrade              grade,
                                            gint64                   now);
void      pyprep_scheduler_preview         (const PyprepReviewState *state,
                                            gint64                   now,
                                            gint64                   intervals[4]);
char     *pyprep_scheduler_format_interval (gint64                   seconds);

G_END_DECLS
