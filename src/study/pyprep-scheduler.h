/* pyprep-scheduler.h: when to see a question again (FSRS-6, with
 * learning steps, fuzz and load balancing).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pyprep-fsrs.h"

G_BEGIN_DECLS

typedef enum {
  PYPREP_GRADE_AGAIN = 1,
  PYPREP_GRADE_HARD  = 2,
  PYPREP_GRADE_GOOD  = 3,
  PYPREP_GRADE_EASY  = 4,
} PyprepGrade;

/* Where a card is in its life. A state with reps > 0 and phase NEW (a
 * record stored before phases existed) is a review card. */
typedef enum {
  PYPREP_CARD_PHASE_NEW = 0,
  PYPREP_CARD_PHASE_LEARNING,    /* first seen today, going through the learning steps */
  PYPREP_CARD_PHASE_REVIEW,      /* scheduled in days by FSRS */
  PYPREP_CARD_PHASE_RELEARNING,  /* forgotten, going through the relearning steps */
} PyprepCardPhase;

/* The memory state of one question. A question never reviewed has
 * reps == 0; the other fields are then ignored. Times are Unix seconds. */
typedef struct
{
  double  stability;    /* days until recall drops to 90% */
  double  difficulty;   /* 1 (easy) .. 10 (hard) */
  guint   reps;         /* reviews so far */
  guint   lapses;       /* times forgotten (Again) in the review phase */
  gint64  last_review;
  gint64  due;
  PyprepCardPhase phase;
  guint   step;         /* index in the (re)learning steps */
} PyprepReviewState;

/* The default relearning step: Again brings a review card back after it. */
#define PYPREP_SCHEDULER_RELEARN_SECONDS (10 * 60)
#define PYPREP_SCHEDULER_MAX_DAYS 36500
#define PYPREP_SCHEDULER_RETENTION 0.9
#define PYPREP_SCHEDULER_RETENTION_MIN 0.70
#define PYPREP_SCHEDULER_RETENTION_MAX 0.97
#define PYPREP_SCHEDULER_MAX_STEPS 8

/**
 * PyprepDueCountFunc:
 * @when: a moment in the day asked about, Unix seconds
 * @user_data: the config's due_count_data
 *
 * Returns: how many reviews are already due on the (local) day of @when
 */
typedef guint (*PyprepDueCountFunc) (gint64   when,
                                     gpointer user_data);

/* How to schedule. Initialise with pyprep_scheduler_config_init(), then
 * change what differs. Steps are in seconds, each less than a day. */
typedef struct
{
  PyprepFsrsParams   params;
  double             desired_retention;  /* 0.70 .. 0.97 */
  guint              n_learning_steps;
  gint64             learning_steps[PYPREP_SCHEDULER_MAX_STEPS];
  guint              n_relearning_steps;
  gint64             relearning_steps[PYPREP_SCHEDULER_MAX_STEPS];
  guint              maximum_interval;   /* days */
  gboolean           fuzz;
  PyprepDueCountFunc due_count;          /* load balancing; NULL for none */
  gpointer           due_count_data;
} PyprepSchedulerConfig;

gboolean  pyprep_grade_is_valid            (int                      grade);
gboolean  pyprep_grade_is_pass             (PyprepGrade              grade);
const char *pyprep_grade_get_label         (PyprepGrade              grade);

void      pyprep_scheduler_config_init     (PyprepSchedulerConfig   *config);
gboolean  pyprep_scheduler_retention_is_valid (double                desired_retention);

PyprepCardPhase pyprep_review_state_get_phase (const PyprepReviewState *state);
gint64    pyprep_scheduler_day_number      (GTimeZone               *tz,
                                            gint64                   when);
const char *pyprep_card_phase_to_string    (PyprepCardPhase          phase);
gboolean  pyprep_card_phase_from_string    (const char              *str,
                                            PyprepCardPhase         *phase);

double    pyprep_scheduler_elapsed_days    (const PyprepReviewState *state,
                                            gint64                   now);
double    pyprep_scheduler_retrievability  (const PyprepReviewState *state,
                                            gint64                   now);
double    pyprep_scheduler_retrievability_full (const PyprepSchedulerConfig *config,
                                                const PyprepReviewState     *state,
                                                gint64                       now);

/* With the default config and no load balancing. */
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

void      pyprep_scheduler_review_full     (const PyprepSchedulerConfig *config,
                                            const PyprepReviewState     *state,
                                            PyprepGrade                  grade,
                                            gint64                       now,
                                            const char                  *card_id,
                                            PyprepReviewState           *next);
void      pyprep_scheduler_preview_full    (const PyprepSchedulerConfig *config,
                                            const PyprepReviewState     *state,
                                            gint64                       now,
                                            const char                  *card_id,
                                            gint64                       intervals[4]);

char     *pyprep_scheduler_format_interval (gint64                   seconds);

G_END_DECLS
