/* pyprep-plan.h: a study plan toward an interview date, within a daily
 * time budget.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-library.h"
#include "pyprep-study.h"

G_BEGIN_DECLS

/* Seconds a recall card takes when the review log cannot say. */
#define PYPREP_PLAN_DEFAULT_SECONDS 60.0
/* Answers that took longer than this are left out of the median: the
 * user was away, not answering. */
#define PYPREP_PLAN_MAX_SECONDS 600
/* The answers the pace is taken from: the last days, as the user is now
 * (and few enough to read at once). */
#define PYPREP_PLAN_PACE_DAYS 30
/* A new card is seen twice on its first day: once, and at its learning step. */
#define PYPREP_PLAN_NEW_CARD_SLOTS 2
#define PYPREP_PLAN_DAILY_MINUTES_DEFAULT 30
/* The hour of the interview day at which recall is predicted. */
#define PYPREP_PLAN_INTERVIEW_HOUR 9

#define PYPREP_TYPE_PLAN (pyprep_plan_get_type ())

G_DECLARE_FINAL_TYPE (PyprepPlan, pyprep_plan, PYPREP, PLAN, GObject)

gboolean    pyprep_plan_parse_date          (const char    *text,
                                             GDate         *date);
char       *pyprep_plan_format_date         (const GDate   *date);
int         pyprep_plan_days_until          (const GDate   *date,
                                             GDateTime     *now);
double      pyprep_plan_median_seconds      (GPtrArray     *entries);
double      pyprep_plan_study_seconds       (PyprepStudy   *study,
                                             GDateTime     *now);

PyprepPlan *pyprep_plan_new                 (PyprepLibrary *library,
                                             PyprepStudy   *study,
                                             const GDate   *interview,
                                             guint          daily_minutes,
                                             double         seconds_per_card,
                                             GDateTime     *now);

int         pyprep_plan_get_days_left       (PyprepPlan    *self);
gint64      pyprep_plan_get_interview_time  (PyprepPlan    *self);
double      pyprep_plan_get_target          (PyprepPlan    *self);
double      pyprep_plan_get_seconds_per_card (PyprepPlan   *self);
guint       pyprep_plan_get_cards_per_day   (PyprepPlan    *self);
guint       pyprep_plan_get_n_essentials_left (PyprepPlan  *self);
guint       pyprep_plan_get_new_per_day     (PyprepPlan    *self);
guint       pyprep_plan_get_n_at_risk       (PyprepPlan    *self);
guint       pyprep_plan_get_reviews_per_day_needed (PyprepPlan *self);
guint       pyprep_plan_get_minutes_needed  (PyprepPlan    *self);
gboolean    pyprep_plan_get_on_track        (PyprepPlan    *self);

double      pyprep_plan_recall_on_day       (PyprepPlan    *self,
                                             const char    *card_id);
double      pyprep_plan_review_gain         (PyprepPlan    *self,
                                             const char    *card_id);
void        pyprep_plan_topic_recall        (PyprepPlan    *self,
                                             PyprepTopic   *topic,
                                             double        *practised_mean,
                                             double        *overall_mean,
                                             guint         *n_practised);

G_END_DECLS
