/* pyprep-plan.c: a study plan toward an interview date.
 *
 * With an interview date set and not yet past, practice aims at the
 * highest predicted recall on that day within the daily time budget,
 * rather than at long-term retention:
 *
 *   - The budget in cards a day is the daily minutes divided by the
 *     seconds a card takes: the median of the user's recall answers in
 *     the review log over the last 30 days, the user's pace now (answers over
 *     PYPREP_PLAN_MAX_SECONDS left out), or PYPREP_PLAN_DEFAULT_SECONDS
 *     when the log has none. A new card takes PYPREP_PLAN_NEW_CARD_SLOTS
 *     of it, for its learning step the same day.
 *   - Recall on the day is the FSRS forgetting curve of the card's
 *     current memory, read at PYPREP_PLAN_INTERVIEW_HOUR on the day.
 *     A card is at risk when that is below the desired retention; the
 *     others are safe and wait until after the interview.
 *   - A review today is worth its gain: the recall on the day after a
 *     review graded Good now, minus the recall on the day without it.
 *   - The essentials not yet practised are spread evenly over the days
 *     left, so the last is introduced on the day before the interview.
 *   - The plan needs, each day, the at-risk cards spread over the days
 *     left plus the day's share of essentials; it is on track when that
 *     fits the budget, and says how many minutes it would take if not.
 *
 * The day after the interview there is no plan: practice is as usual.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-plan"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pyprep-plan.h"
#include "pyprep-question.h"
#include "pyprep-topic.h"

struct _PyprepPlan
{
  GObject                parent_instance;

  PyprepLibrary         *library;
  PyprepStudy           *study;
  PyprepSchedulerConfig  config;
  gint64                 now;
  gint64                 interview_time;
  int                    days_left;
  double                 seconds_per_card;
  guint                  cards_per_day;
  guint                  n_essentials_left;
  guint                  new_per_day;
  guint                  n_at_risk;
  guint                  needed_per_day;
};

G_DEFINE_FINAL_TYPE (PyprepPlan, pyprep_plan, G_TYPE_OBJECT)

static void
pyprep_plan_finalize (GObject *object)
{
  PyprepPlan *self = (PyprepPlan *)object;

  g_clear_object (&self->library);
  g_clear_object (&self->study);

  G_OBJECT_CLASS (pyprep_plan_parent_class)->finalize (object);
}

static void
pyprep_plan_class_init (PyprepPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pyprep_plan_finalize;
}

static void
pyprep_plan_init (PyprepPlan *self)
{
}

/**
 * pyprep_plan_parse_date:
 * @text: a date as stored: "YYYY-MM-DD"
 * @date: (out caller-allocates): the date
 *
 * Returns: whether @text is a real date in that form
 */
gboolean
pyprep_plan_parse_date (const char *text,
                        GDate      *date)
{
  guint year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint)atoi (text);
  month = (guint)atoi (text + 5);
  day = (guint)atoi (text + 8);
  if (year < 1 || !g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
  return TRUE;
}

/* Returns: (transfer full): @date as stored, "YYYY-MM-DD" */
char *
pyprep_plan_format_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* Days from @now's local day to @date: 0 on the day, negative after it. */
int
pyprep_plan_days_until (const GDate *date,
                        GDateTime   *now)
{
  GDate today;

  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);
  g_return_val_if_fail (now != NULL, 0);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay)g_date_time_get_day_of_month (now),
                  (GDateMonth)g_date_time_get_month (now), (GDateYear)g_date_time_get_year (now));
  return g_date_days_between (&today, date);
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  int x = *(const int *)a;
  int y = *(const int *)b;

  return x < y ? -1 : x > y;
}

/**
 * pyprep_plan_median_seconds:
 * @entries: (element-type PyprepReviewEntry): review log entries
 *
 * Returns: the median seconds of the recall answers among @entries that
 *   say how long they took (at most PYPREP_PLAN_MAX_SECONDS), or
 *   PYPREP_PLAN_DEFAULT_SECONDS when there are none
 */
double
pyprep_plan_median_seconds (GPtrArray *entries)
{
  g_autoptr(GArray) seconds = g_array_new (FALSE, FALSE, sizeof (int));

  g_return_val_if_fail (entries != NULL, PYPREP_PLAN_DEFAULT_SECONDS);

  for (guint i = 0; i < entries->len; i++)
    {
      const PyprepReviewEntry *entry = entries->pdata[i];

      if (entry->kind == PYPREP_REVIEW_KIND_RECALL && entry->seconds > 0
          && entry->seconds <= PYPREP_PLAN_MAX_SECONDS)
        g_array_append_val (seconds, entry->seconds);
    }

  if (seconds->len == 0)
    return PYPREP_PLAN_DEFAULT_SECONDS;

  g_array_sort (seconds, compare_ints);
  if (seconds->len % 2 == 1)
    return g_array_index (seconds, int, seconds->len / 2);
  return (g_array_index (seconds, int, seconds->len / 2 - 1)
          + g_array_index (seconds, int, seconds->len / 2)) / 2.0;
}

/* The seconds per card the study's review log gives over the 30 days
 * before @now; the default without a log. */
double
pyprep_plan_study_seconds (PyprepStudy *study,
                           GDateTime   *now)
{
  PyprepReviewLog *log;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 to;

  g_return_val_if_fail (PYPREP_IS_STUDY (study), PYPREP_PLAN_DEFAULT_SECONDS);
  g_return_val_if_fail (now != NULL, PYPREP_PLAN_DEFAULT_SECONDS);

  log = pyprep_study_get_review_log (study);
  if (log == NULL)
    return PYPREP_PLAN_DEFAULT_SECONDS;

  to = g_date_time_to_unix (now) * 1000;
  entries = pyprep_review_log_query (log, NULL, to - (gint64)PYPREP_PLAN_PACE_DAYS * 86400 * 1000, to + 1,
                                     &error);
  if (entries == NULL)
    {
      g_debug ("No answer times from the review log: %s", error->message);
      return PYPREP_PLAN_DEFAULT_SECONDS;
    }

  return pyprep_plan_median_seconds (entries);
}

static double
recall_at (PyprepPlan              *self,
           const PyprepReviewState *state)
{
  return pyprep_scheduler_retrievability_full (&self->config, state, self->interview_time);
}

/**
 * pyprep_plan_new:
 * @interview: the interview's local day
 * @daily_minutes: the time the user gives practice each day
 * @seconds_per_card: how long a card takes (pyprep_plan_study_seconds())
 * @now: the moment the plan is made; "today" is its day in its time zone
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL once the
 *   interview day is past
 */
PyprepPlan *
pyprep_plan_new (PyprepLibrary *library,
                 PyprepStudy   *study,
                 const GDate   *interview,
                 guint          daily_minutes,
                 double         seconds_per_card,
                 GDateTime     *now)
{
  g_autoptr(PyprepPlan) self = NULL;
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  guint days;
  int days_left;

  g_return_val_if_fail (PYPREP_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (PYPREP_IS_STUDY (study), NULL);
  g_return_val_if_fail (interview != NULL && g_date_valid (interview), NULL);
  g_return_val_if_fail (daily_minutes > 0, NULL);
  g_return_val_if_fail (seconds_per_card > 0, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  days_left = pyprep_plan_days_until (interview, now);
  if (days_left < 0)
    return NULL;

  self = g_object_new (PYPREP_TYPE_PLAN, NULL);
  self->library = g_object_ref (library);
  self->study = g_object_ref (study);
  pyprep_study_get_scheduler_config (study, &self->config);
  self->now = g_date_time_to_unix (now);
  self->days_left = days_left;
  self->seconds_per_card = seconds_per_card;
  self->cards_per_day = MAX (1, (guint)floor (daily_minutes * 60.0 / seconds_per_card));

  day = g_date_time_new (g_date_time_get_timezone (now), g_date_get_year (interview),
                         g_date_get_month (interview), g_date_get_day (interview),
                         PYPREP_PLAN_INTERVIEW_HOUR, 0, 0);
  self->interview_time = MAX (self->now, g_date_time_to_unix (day));

  questions = pyprep_library_list_questions (library);
  for (guint i = 0; i < questions->len; i++)
    {
      PyprepQuestion *question = questions->pdata[i];
      PyprepReviewState state;

      if (!pyprep_study_get_review (study, pyprep_question_get_id (question), &state))
        {
          if (pyprep_question_get_essential (question))
            self->n_essentials_left++;
        }
      else if (recall_at (self, &state) < self->config.desired_retention)
        {
          self->n_at_risk++;
        }
    }

  /* The essentials go in on the days before the interview; on the day
   * itself, whatever is left. */
  days = (guint)MAX (days_left, 1);
  self->new_per_day = (self->n_essentials_left + days - 1) / days;
  self->needed_per_day = (self->n_at_risk + days - 1) / days
                         + self->new_per_day * PYPREP_PLAN_NEW_CARD_SLOTS;

  return g_steal_pointer (&self);
}

/* Days from today to the interview: 0 on the day. */
int
pyprep_plan_get_days_left (PyprepPlan *self)
{
  g_return_val_if_fail (PYPREP_IS_PLAN (self), 0);

  return self->days_left;
}

/* The moment recall is predicted for, Unix seconds. */
gint64
pyprep_plan_get_interview_time (PyprepPlan *self)
{
  g_return_val_if_fail (PYPREP_IS_PLAN (self), 0);

  return self->interview_time;
}

/* The recall on the day a card should have: the desired retention. */
double
pyprep_plan_get_target (PyprepPlan *self)
{
  g_return_val_if_fail (PYPREP_IS_PLAN (self), 0);

  return self->config.desired_retention;
}

double
pyprep_plan_get_seconds_per_card (PyprepPlan *self)
{
  g_return_val_if_fail (PYPREP_IS_PLAN (self), 0);

  return self->seconds_per_card;
}

/* The daily budget in cards. */
guint
pyprep_plan_get_cards_per_day (PyprepPlan *self)
{
  g_return_val_if_fail (PYPREP_IS_PLAN (self), 0);

  return self->cards_per_day;
}

/* Essential questions never practised. */
guint
pyprep_plan_get_n_essentials_left (PyprepPlan *self)
{
  g_return_val_if_fail (PYPREP_IS_PLAN (self), 0);

  return self->n_essentials_left;
}

/* New essentials to introduce each day so that all are in before the day. */
guint
pyprep_plan_get_new_per_day (PyprepPlan *self)
{
  g_return_val_if_fail (PYPREP_IS_PLAN (self), 0);

  return self->new_per_day;
}

/* Practised questions whose predicted recall on the day is below the target. */
guint
pyprep_plan_get_n_at_risk (PyprepPlan *self)
{
  g_return_val_if_fail (PYPREP_IS_PLAN (self), 0);

  return self->n_at_risk;
}

/* Cards a day the plan needs: at-risk reviews and new essentials (each
 * of these PYPREP_PLAN_NEW_CARD_SLOTS). */
guint
pyprep_plan_get_reviews_per_day_needed (PyprepPlan *self)
{
  g_return_val_if_fail (PYPREP_IS_PLAN (self), 0);

  return self->needed_per_day;
}

/* The daily minutes the plan needs. */
guint
pyprep_plan_get_minutes_needed (PyprepPlan *self)
{
  g_return_val_if_fail (PYPREP_IS_PLAN (self), 0);

  return (guint)ceil (self->needed_per_day * self->seconds_per_card / 60.0);
}

/* Whether what the plan needs a day fits the budget. */
gboolean
pyprep_plan_get_on_track (PyprepPlan *self)
{
  g_return_val_if_fail (PYPREP_IS_PLAN (self), FALSE);

  return self->needed_per_day <= self->cards_per_day;
}

/* The predicted recall of a card on the day; 0 if never practised. */
double
pyprep_plan_recall_on_day (PyprepPlan *self,
                           const char *card_id)
{
  PyprepReviewState state;

  g_return_val_if_fail (PYPREP_IS_PLAN (self), 0);
  g_return_val_if_fail (card_id != NULL, 0);

  if (!pyprep_study_get_review (self->study, card_id, &state))
    return 0;
  return recall_at (self, &state);
}

/* How much a review graded Good now would raise the card's recall on
 * the day. */
double
pyprep_plan_review_gain (PyprepPlan *self,
                         const char *card_id)
{
  PyprepReviewState state = { 0 };
  PyprepReviewState next;
  double before = 0;

  g_return_val_if_fail (PYPREP_IS_PLAN (self), 0);
  g_return_val_if_fail (card_id != NULL, 0);

  if (pyprep_study_get_review (self->study, card_id, &state))
    before = recall_at (self, &state);
  pyprep_scheduler_review_full (&self->config, &state, PYPREP_GRADE_GOOD, self->now, card_id, &next);
  return recall_at (self, &next) - before;
}

/**
 * pyprep_plan_topic_recall:
 * @practised_mean: (out) (optional): the mean predicted recall on the
 *   day of the topic's practised questions (0 when there are none)
 * @overall_mean: (out) (optional): the same over all its questions, one
 *   never practised counting as 0
 * @n_practised: (out) (optional): how many were practised
 */
void
pyprep_plan_topic_recall (PyprepPlan  *self,
                          PyprepTopic *topic,
                          double      *practised_mean,
                          double      *overall_mean,
                          guint       *n_practised)
{
  GListModel *questions;
  guint n, practised = 0;
  double sum = 0;

  g_return_if_fail (PYPREP_IS_PLAN (self));
  g_return_if_fail (PYPREP_IS_TOPIC (topic));

  questions = pyprep_topic_get_questions (topic);
  n = g_list_model_get_n_items (questions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PyprepQuestion) question = g_list_model_get_item (questions, i);
      PyprepReviewState state;

      if (pyprep_study_get_review (self->study, pyprep_question_get_id (question), &state))
        {
          practised++;
          sum += recall_at (self, &state);
        }
    }

  if (practised_mean != NULL)
    *practised_mean = practised > 0 ? sum / practised : 0;
  if (overall_mean != NULL)
    *overall_mean = n > 0 ? sum / n : 0;
  if (n_practised != NULL)
    *n_practised = practised;
}
