/* pyprep-scheduler.c: spaced repetition with FSRS-5, the Free Spaced
 * Repetition Scheduler as published by the open-spaced-repetition project
 * ("The Algorithm", FSRS-5 section), with its 19 published default
 * parameters and a requested retention of 90%.
 *
 * A question's memory has a stability S (days until the chance of recall
 * falls to 90%) and a difficulty D (1..10). With t days since the last
 * review, the chance of recall is
 *
 *   R(t, S) = (1 + F t / S)^C      C = -0.5, F = 19/81
 *
 * First review with grade G (1 Again, 2 Hard, 3 Good, 4 Easy):
 *
 *   S0(G) = w[G-1]
 *   D0(G) = w4 - e^(w5 (G-1)) + 1, clamped to [1, 10]
 *
 * Later reviews:
 *
 *   D'  = w7 D0(4) + (1 - w7) (D + dD (10 - D) / 9),  dD = -w6 (G - 3)
 *   same day (t < 1):  S' = S e^(w17 (G - 3 + w18))
 *   recalled (G > 1):  S' = S (1 + e^w8 (11 - D) S^-w9 (e^(w10 (1-R)) - 1)
 *                              * w15 [if Hard] * w16 [if Easy])
 *   forgotten (G = 1): S' = min (w11 D^-w12 ((S+1)^w13 - 1) e^(w14 (1-R)),
 *                                S / e^(w17 w18))
 *
 * The next interval for 90% retention is I = S (0.9^(1/C) - 1) / F = S
 * days, rounded to whole days, at least one. Again instead brings the
 * question back after a ten-minute relearning step, so a forgotten answer
 * comes back in the same session; that review then uses the same-day rule.
 *
 * Time only moves forwards here: a clock that went backwards counts as
 * no time elapsed, and nothing is ever due before "now".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-scheduler"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "pyprep-scheduler.h"

/* FSRS-5 default parameters w0..w18. */
static const double w[19] = {
  0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046,
  1.54575, 0.1192, 1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315,
  2.9898, 0.51655, 0.6621,
};

#define DECAY (-0.5)
#define FACTOR (19.0 / 81.0)
#define S_MIN 0.01
#define SECONDS_PER_DAY 86400

gboolean
pyprep_grade_is_valid (int grade)
{
  return grade >= PYPREP_GRADE_AGAIN && grade <= PYPREP_GRADE_EASY;
}

/* Hard, Good and Easy mean the answer was recalled. */
gboolean
pyprep_grade_is_pass (PyprepGrade grade)
{
  return grade >= PYPREP_GRADE_HARD;
}

/* The translated name shown on the grade's button. */
const char *
pyprep_grade_get_label (PyprepGrade grade)
{
  switch (grade)
    {
    case PYPREP_GRADE_AGAIN: return C_("grade", "Again");
    case PYPREP_GRADE_HARD:  return C_("grade", "Hard");
    case PYPREP_GRADE_GOOD:  return C_("grade", "Good");
    case PYPREP_GRADE_EASY:  return C_("grade", "Easy");
    default:                 g_return_val_if_reached (NULL);
    }
}

static double
clamp_difficulty (double d)
{
  return CLAMP (d, 1.0, 10.0);
}

static double
clamp_stability (double s)
{
  return CLAMP (s, S_MIN, (double)PYPREP_SCHEDULER_MAX_DAYS);
}

static double
initial_difficulty (PyprepGrade grade)
{
  return w[4] - exp (w[5] * ((int)grade - 1)) + 1.0;
}

/* A stored state that cannot be right is treated as never reviewed. */
static gboolean
is_reviewed (const PyprepReviewState *state)
{
  return state->reps > 0
         && isfinite (state->stability) && state->stability > 0
         && isfinite (state->difficulty)
         && state->difficulty >= 1.0 && state->difficulty <= 10.0;
}

/**
 * pyprep_scheduler_elapsed_days:
 *
 * Days since the last review, never negative.
 */
double
pyprep_scheduler_elapsed_days (const PyprepReviewState *state,
                               gint64                   now)
{
  g_return_val_if_fail (state != NULL, 0);

  if (!is_reviewed (state) || now <= state->last_review)
    return 0;

  return (double)(now - state->last_review) / SECONDS_PER_DAY;
}

/* The chance of recalling the answer at @now; 0 for a new question. */
double
pyprep_scheduler_retrievability (const PyprepReviewState *state,
                                 gint64                   now)
{
  g_return_val_if_fail (state != NULL, 0);

  if (!is_reviewed (state))
    return 0;

  return pow (1.0 + FACTOR * pyprep_scheduler_elapsed_days (state, now) / state->stability, DECAY);
}

static gint64
interval_seconds (double      stability,
                  PyprepGrade grade)
{
  double days;

  if (grade == PYPREP_GRADE_AGAIN)
    return PYPREP_SCHEDULER_RELEARN_SECONDS;

  days = stability / FACTOR * (pow (PYPREP_SCHEDULER_RETENTION, 1.0 / DECAY) - 1.0);
  days = CLAMP (round (days), 1.0, (double)PYPREP_SCHEDULER_MAX_DAYS);
  return (gint64)days * SECONDS_PER_DAY;
}

/**
 * pyprep_scheduler_review:
 * @state: the state before the review
 * @grade: how well the user recalled the answer
 * @now: when the review happened, Unix seconds
 * @next: (out caller-allocates): the state after it; may be @state
 *
 * Applies one review.
 */
void
pyprep_scheduler_review (const PyprepReviewState *state,
                         PyprepGrade              grade,
                         gint64                   now,
                         PyprepReviewState       *next)
{
  PyprepReviewState result;

  g_return_if_fail (state != NULL);
  g_return_if_fail (next != NULL);
  g_return_if_fail (pyprep_grade_is_valid (grade));

  if (!is_reviewed (state))
    {
      result.stability = clamp_stability (w[grade - 1]);
      result.difficulty = clamp_difficulty (initial_difficulty (grade));
      result.reps = 1;
      result.lapses = 0;
    }
  else
    {
      double s = state->stability;
      double d = state->difficulty;
      double t = pyprep_scheduler_elapsed_days (state, now);
      double r = pyprep_scheduler_retrievability (state, now);
      double delta = -w[6] * ((int)grade - 3);
      double s2;

      if (t < 1.0)
        {
          s2 = s * exp (w[17] * ((int)grade - 3 + w[18]));
        }
      else if (grade == PYPREP_GRADE_AGAIN)
        {
          s2 = w[11] * pow (d, -w[12]) * (pow (s + 1.0, w[13]) - 1.0) * exp (w[14] * (1.0 - r));
          s2 = MIN (s2, s / exp (w[17] * w[18]));
        }
      else
        {
          double bonus = 1.0;

          if (grade == PYPREP_GRADE_HARD)
            bonus = w[15];
          else if (grade == PYPREP_GRADE_EASY)
            bonus = w[16];

          s2 = s * (1.0 + exp (w[8]) * (11.0 - d) * pow (s, -w[9])
                    * (exp (w[10] * (1.0 - r)) - 1.0) * bonus);
        }

      result.stability = clamp_stability (s2);
      result.difficulty = clamp_difficulty (w[7] * initial_difficulty (PYPREP_GRADE_EASY)
                                            + (1.0 - w[7]) * (d + delta * (10.0 - d) / 9.0));
      result.reps = state->reps == G_MAXUINT ? G_MAXUINT : state->reps + 1;
      result.lapses = state->lapses;
      if (grade == PYPREP_GRADE_AGAIN && result.lapses < G_MAXUINT)
        result.lapses++;
    }

  /* A clock that went backwards must not move the last review back. */
  result.last_review = is_reviewed (state) ? MAX (now, state->last_review) : now;
  result.due = result.last_review + interval_seconds (result.stability, grade);

  *next = result;
}

/* How long @grade would put the question away for, in seconds. */
gint64
pyprep_scheduler_interval (const PyprepReviewState *state,
                           PyprepGrade              grade,
                           gint64                   now)
{
  PyprepReviewState next;

  g_return_val_if_fail (state != NULL, 0);
  g_return_val_if_fail (pyprep_grade_is_valid (grade), 0);

  pyprep_scheduler_review (state, grade, now, &next);
  return next.due - MAX (now, next.last_review);
}

/**
 * pyprep_scheduler_preview:
 * @intervals: (out caller-allocates): for Again, Hard, Good and Easy
 *
 * The intervals each grade would give, for labelling the grade buttons.
 */
void
pyprep_scheduler_preview (const PyprepReviewState *state,
                          gint64                   now,
                          gint64                   intervals[4])
{
  g_return_if_fail (state != NULL);

  for (int g = PYPREP_GRADE_AGAIN; g <= PYPREP_GRADE_EASY; g++)
    intervals[g - 1] = pyprep_scheduler_interval (state, (PyprepGrade)g, now);
}

/* A short label such as "10 min", "3 days" or "2 mo". */
char *
pyprep_scheduler_format_interval (gint64 seconds)
{
  gint64 minutes = MAX (seconds, 0) / 60;
  gint64 days = MAX (seconds, 0) / SECONDS_PER_DAY;

  if (days < 1)
    {
      if (minutes < 60)
        return g_strdup_printf (ngettext ("%d min", "%d min", (int)minutes), (int)minutes);
      return g_strdup_printf (ngettext ("%d hour", "%d hours", (int)(minutes / 60)),
                              (int)(minutes / 60));
    }
  if (days < 31)
    return g_strdup_printf (ngettext ("%d day", "%d days", (int)days), (int)days);
  if (days < 365)
    return g_strdup_printf (ngettext ("%d month", "%d months", (int)(days / 30)),
                            (int)(days / 30));

  return g_strdup_printf (_("%.1f years"), days / 365.0);
}
