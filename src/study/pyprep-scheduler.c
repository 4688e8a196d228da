/* pyprep-scheduler.c: when to see a question again. The memory model is
 * FSRS-6 (pyprep-fsrs.c); around it are the scheduling rules the
 * reference schedulers (py-fsrs, ts-fsrs, Anki) apply and their users
 * expect:
 *
 * - Phases. A new card goes through short learning steps (1 and 10
 *   minutes by default) before FSRS schedules it in days; a review card
 *   graded Again goes through relearning steps (10 minutes). In a step,
 *   Again goes back to the first step, Hard repeats the step (on the
 *   first step: halfway to the second, or 1.5 times a single step), Good
 *   moves on or, after the last step, graduates to days; Easy graduates
 *   at once. These are py-fsrs's rules.
 *
 * - Elapsed time is counted in whole days (the floor of the time since
 *   the last review), as the references do: a card graded 20 hours late
 *   is treated as graded on its day. Under a day, FSRS's same-day rule
 *   updates the memory.
 *
 * - The interval in days is FSRS's for the desired retention (0.70 to
 *   0.97, 0.90 by default), rounded, at least one day and at most the
 *   maximum interval.
 *
 * - Fuzz. Intervals of 3 days or more move by a few days, so cards learnt
 *   together do not stay together. The window is Anki's: 1 day, plus 15%
 *   of the part of the interval between 2.5 and 7 days, 10% of the part
 *   between 7 and 20, and 5% of the part beyond 20, either side; at least
 *   2 days and no more than the maximum; and when the interval is longer
 *   than the time elapsed, more than that time. The pick in the window
 *   comes from a seed made of the card's id, its previous review time and
 *   its count of reviews: the labels on the grade buttons show exactly
 *   what the grade will do, and replaying a review log gives the same
 *   dates again.
 *
 * - Load balancing. Given the number of reviews already due per day, the
 *   day with the fewest in the fuzz window wins; of equally quiet days,
 *   the one nearest the fuzzed pick.
 *
 * - Hard <= Good <= Easy. After fuzz, Hard is at most Good, and in days
 *   Good is at least a day more than Hard and Easy a day more than Good
 *   (as ts-fsrs and Anki enforce), unless the maximum interval stops it.
 *
 * - Time only moves forwards. A clock that went backwards counts as no
 *   time elapsed, and the next date is counted from the moment of the
 *   grade, so a failed card comes back ten minutes after the grade, not
 *   ten minutes after a last review that seems to lie in the future.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-scheduler"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pyprep-scheduler.h"

#define SECONDS_PER_DAY 86400

/* The local day of @when (Unix seconds) in @tz, as a number that grows by
 * one a day: what load balancing counts reviews by. G_MININT64 for a
 * moment out of range. */
gint64
pyprep_scheduler_day_number (GTimeZone *tz,
                             gint64     when)
{
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, when);
  gint64 local = when + (interval >= 0 ? g_time_zone_get_offset (tz, interval) : 0);

  /* Rounded down, also before 1970. */
  return local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
}

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

/**
 * pyprep_scheduler_config_init:
 * @config: (out caller-allocates)
 *
 * The defaults: FSRS-6's default parameters, 90% retention, learning
 * steps of 1 and 10 minutes, a relearning step of 10 minutes, intervals
 * of at most 100 years, fuzz on, no load balancing.
 */
void
pyprep_scheduler_config_init (PyprepSchedulerConfig *config)
{
  g_return_if_fail (config != NULL);

  memset (config, 0, sizeof *config);
  config->params = *pyprep_fsrs_default_params ();
  config->desired_retention = PYPREP_SCHEDULER_RETENTION;
  config->n_learning_steps = 2;
  config->learning_steps[0] = 60;
  config->learning_steps[1] = 10 * 60;
  config->n_relearning_steps = 1;
  config->relearning_steps[0] = PYPREP_SCHEDULER_RELEARN_SECONDS;
  config->maximum_interval = PYPREP_SCHEDULER_MAX_DAYS;
  config->fuzz = TRUE;
}

/* Whether @desired_retention is one the user may choose, 0.70 .. 0.97. */
gboolean
pyprep_scheduler_retention_is_valid (double desired_retention)
{
  /* A little slack for values that went through a decimal text. */
  return desired_retention >= PYPREP_SCHEDULER_RETENTION_MIN - 1e-9
         && desired_retention <= PYPREP_SCHEDULER_RETENTION_MAX + 1e-9;
}

/* A copy of @config that the rules can rely on. */
static void
sanitize_config (const PyprepSchedulerConfig *config,
                 PyprepSchedulerConfig       *out)
{
  *out = *config;

  if (!pyprep_fsrs_params_valid (&out->params))
    out->params = *pyprep_fsrs_default_params ();
  if (isnan (out->desired_retention))
    out->desired_retention = PYPREP_SCHEDULER_RETENTION;
  out->desired_retention = CLAMP (out->desired_retention,
                                  PYPREP_SCHEDULER_RETENTION_MIN, PYPREP_SCHEDULER_RETENTION_MAX);
  out->maximum_interval = CLAMP (out->maximum_interval, 1, PYPREP_SCHEDULER_MAX_DAYS);
  out->n_learning_steps = MIN (out->n_learning_steps, PYPREP_SCHEDULER_MAX_STEPS);
  out->n_relearning_steps = MIN (out->n_relearning_steps, PYPREP_SCHEDULER_MAX_STEPS);
  for (guint i = 0; i < PYPREP_SCHEDULER_MAX_STEPS; i++)
    {
      out->learning_steps[i] = CLAMP (out->learning_steps[i], 1, SECONDS_PER_DAY - 1);
      out->relearning_steps[i] = CLAMP (out->relearning_steps[i], 1, SECONDS_PER_DAY - 1);
    }
}

/* A stored state that cannot be right is treated as never reviewed. */
static gboolean
is_reviewed (const PyprepReviewState *state)
{
  PyprepFsrsMemory memory = { state->stability, state->difficulty };

  return state->reps > 0 && pyprep_fsrs_memory_valid (&memory);
}

/* Where @state is in its life; see PyprepCardPhase. */
PyprepCardPhase
pyprep_review_state_get_phase (const PyprepReviewState *state)
{
  g_return_val_if_fail (state != NULL, PYPREP_CARD_PHASE_NEW);

  if (!is_reviewed (state))
    return PYPREP_CARD_PHASE_NEW;

  switch (state->phase)
    {
    case PYPREP_CARD_PHASE_LEARNING:
    case PYPREP_CARD_PHASE_REVIEW:
    case PYPREP_CARD_PHASE_RELEARNING:
      return state->phase;
    case PYPREP_CARD_PHASE_NEW:
    default:
      /* Stored before phases existed: every practised card was in review. */
      return PYPREP_CARD_PHASE_REVIEW;
    }
}

static const char * const phase_names[] = { "new", "learning", "review", "relearning" };

/* The phase's name in the stored record and the export. */
const char *
pyprep_card_phase_to_string (PyprepCardPhase phase)
{
  g_return_val_if_fail ((guint)phase < G_N_ELEMENTS (phase_names), "review");
  return phase_names[phase];
}

gboolean
pyprep_card_phase_from_string (const char      *str,
                               PyprepCardPhase *phase)
{
  g_return_val_if_fail (phase != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (phase_names); i++)
    {
      if (g_strcmp0 (str, phase_names[i]) == 0)
        {
          *phase = (PyprepCardPhase)i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * pyprep_scheduler_elapsed_days:
 *
 * Whole days since the last review, as the scheduler counts them; never
 * negative.
 */
double
pyprep_scheduler_elapsed_days (const PyprepReviewState *state,
                               gint64                   now)
{
  g_return_val_if_fail (state != NULL, 0);

  if (!is_reviewed (state) || now <= state->last_review)
    return 0;

  return (double)((now - state->last_review) / SECONDS_PER_DAY);
}

/**
 * pyprep_scheduler_retrievability_full:
 *
 * The predicted chance of recalling the answer at @now, on the forgetting
 * curve itself (time counted to the second, unlike the review rules); 0
 * for a new question.
 */
double
pyprep_scheduler_retrievability_full (const PyprepSchedulerConfig *config,
                                      const PyprepReviewState     *state,
                                      gint64                       now)
{
  const PyprepFsrsParams *params;

  g_return_val_if_fail (config != NULL, 0);
  g_return_val_if_fail (state != NULL, 0);

  if (!is_reviewed (state))
    return 0;

  params = pyprep_fsrs_params_valid (&config->params) ? &config->params : pyprep_fsrs_default_params ();
  if (now <= state->last_review)
    return 1.0;

  return pyprep_fsrs_retrievability (params, (double)(now - state->last_review) / SECONDS_PER_DAY,
                                     state->stability);
}

/* The same, with the default parameters. */
double
pyprep_scheduler_retrievability (const PyprepReviewState *state,
                                 gint64                   now)
{
  PyprepSchedulerConfig config;

  g_return_val_if_fail (state != NULL, 0);

  pyprep_scheduler_config_init (&config);
  return pyprep_scheduler_retrievability_full (&config, state, now);
}

/* What one grade leads to, before fuzz and ordering. */
typedef struct
{
  PyprepReviewState state;
  gint64            seconds;  /* a (re)learning step */
  guint             days;     /* in review: whole days; 0 in a step */
} Outcome;

static guint
review_days (const PyprepSchedulerConfig *config,
             double                       stability)
{
  double days = pyprep_fsrs_interval_days (&config->params, stability, config->desired_retention);

  return (guint)CLAMP (round (days), 1.0, (double)config->maximum_interval);
}

static void
graduate (const PyprepSchedulerConfig *config,
          Outcome                     *o)
{
  o->state.phase = PYPREP_CARD_PHASE_REVIEW;
  o->state.step = 0;
  o->days = review_days (config, o->state.stability);
}

/* py-fsrs's rules for a card in its (re)learning steps. */
static void
take_step (const PyprepSchedulerConfig *config,
           const gint64                *steps,
           guint                        n_steps,
           PyprepGrade                  grade,
           Outcome                     *o)
{
  guint step = o->state.step;

  /* Steps fewer than when the card started them: a pass graduates. */
  if (n_steps == 0 || (step >= n_steps && grade != PYPREP_GRADE_AGAIN)
      || grade == PYPREP_GRADE_EASY
      || (grade == PYPREP_GRADE_GOOD && step + 1 >= n_steps))
    {
      graduate (config, o);
      return;
    }

  switch (grade)
    {
    case PYPREP_GRADE_AGAIN:
      o->state.step = 0;
      o->seconds = steps[0];
      break;
    case PYPREP_GRADE_HARD:
      if (step == 0)
        o->seconds = n_steps == 1 ? steps[0] * 3 / 2 : (steps[0] + steps[1]) / 2;
      else
        o->seconds = steps[step];
      break;
    case PYPREP_GRADE_GOOD:
      o->state.step = step + 1;
      o->seconds = steps[step + 1];
      break;
    case PYPREP_GRADE_EASY:
    default:
      g_assert_not_reached ();
    }
}

static void
outcome (const PyprepSchedulerConfig *config,
         const PyprepReviewState     *state,
         PyprepGrade                  grade,
         gint64                       now,
         Outcome                     *o)
{
  PyprepCardPhase phase = pyprep_review_state_get_phase (state);
  PyprepFsrsMemory memory;

  memset (o, 0, sizeof *o);
  o->state = *state;

  if (phase == PYPREP_CARD_PHASE_NEW)
    {
      pyprep_fsrs_init_memory (&config->params, grade, &memory);
      o->state.reps = 1;
      o->state.lapses = 0;
      o->state.phase = PYPREP_CARD_PHASE_LEARNING;
      o->state.step = 0;
    }
  else
    {
      memory.stability = state->stability;
      memory.difficulty = state->difficulty;
      pyprep_fsrs_next_memory (&config->params, &memory, pyprep_scheduler_elapsed_days (state, now),
                               grade, &memory);
      if (o->state.reps < G_MAXUINT)
        o->state.reps++;
      o->state.phase = phase;
    }

  o->state.stability = memory.stability;
  o->state.difficulty = memory.difficulty;

  switch (o->state.phase)
    {
    case PYPREP_CARD_PHASE_LEARNING:
      take_step (config, config->learning_steps, config->n_learning_steps, grade, o);
      break;
    case PYPREP_CARD_PHASE_RELEARNING:
      take_step (config, config->relearning_steps, config->n_relearning_steps, grade, o);
      break;
    case PYPREP_CARD_PHASE_REVIEW:
      if (grade == PYPREP_GRADE_AGAIN)
        {
          if (o->state.lapses < G_MAXUINT)
            o->state.lapses++;
          if (config->n_relearning_steps > 0)
            {
              o->state.phase = PYPREP_CARD_PHASE_RELEARNING;
              o->state.step = 0;
              o->seconds = config->relearning_steps[0];
              break;
            }
        }
      graduate (config, o);
      break;
    case PYPREP_CARD_PHASE_NEW:
    default:
      g_assert_not_reached ();
    }
}

/* splitmix64's finaliser: spreads every bit of @x over the result. */
static guint64
mix64 (guint64 x)
{
  x += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return x ^ (x >> 31);
}

/* The same card, previous review and count of reviews always give the
 * same seed, on every machine (FNV-1a of the id, not g_str_hash). */
static guint64
fuzz_seed (const char              *card_id,
           const PyprepReviewState *state)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (const char *c = card_id ? card_id : ""; *c != '\0'; c++)
    {
      h ^= (guchar)*c;
      h *= G_GUINT64_CONSTANT (0x100000001b3);
    }

  if (is_reviewed (state))
    h = mix64 (h ^ mix64 ((guint64)state->last_review) ^ mix64 (state->reps));

  return mix64 (h);
}

/* Anki's fuzz window around @days, for a card @elapsed whole days since
 * its last review. */
static void
fuzz_range (guint  days,
            guint  elapsed,
            guint  maximum,
            guint *lower,
            guint *upper)
{
  static const struct { double start, end, factor; } ranges[] = {
    { 2.5, 7.0, 0.15 },
    { 7.0, 20.0, 0.10 },
    { 20.0, INFINITY, 0.05 },
  };
  double delta = 1.0;
  double lo, hi;

  if (days < 2.5)
    {
      *lower = *upper = days;
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    delta += ranges[i].factor * MAX (MIN ((double)days, ranges[i].end) - ranges[i].start, 0.0);

  lo = MAX (2.0, round (days - delta));
  hi = MIN (round (days + delta), (double)maximum);
  if (days > elapsed)
    lo = MAX (lo, (double)elapsed + 1.0);
  lo = MIN (lo, hi);

  *lower = (guint)lo;
  *upper = (guint)hi;
}

static guint
fuzz_days (const PyprepSchedulerConfig *config,
           guint                        days,
           guint                        elapsed,
           guint64                      seed,
           gint64                       now)
{
  guint lower, upper, pick, best;
  guint best_count;

  if (!config->fuzz)
    return days;

  fuzz_range (days, elapsed, config->maximum_interval, &lower, &upper);
  if (lower == upper)
    return lower;

  /* A uniform pick in [lower, upper], from the top 53 bits of the seed. */
  pick = lower + (guint)((double)(seed >> 11) / 9007199254740992.0 * (upper - lower + 1));
  pick = MIN (pick, upper);

  if (config->due_count == NULL)
    return pick;

  best = pick;
  best_count = config->due_count (now + (gint64)pick * SECONDS_PER_DAY, config->due_count_data);
  for (guint d = lower; d <= upper; d++)
    {
      guint count = config->due_count (now + (gint64)d * SECONDS_PER_DAY, config->due_count_data);
      guint distance = d > pick ? d - pick : pick - d;
      guint best_distance = best > pick ? best - pick : pick - best;

      if (count < best_count || (count == best_count && distance < best_distance))
        {
          best = d;
          best_count = count;
        }
    }

  return best;
}

static gint64
outcome_seconds (const Outcome *o)
{
  return o->days > 0 ? (gint64)o->days * SECONDS_PER_DAY : o->seconds;
}

/* All four grades' outcomes, fuzzed and in order. */
static void
schedule (const PyprepSchedulerConfig *given,
          const PyprepReviewState     *state,
          gint64                       now,
          const char                  *card_id,
          Outcome                      o[4])
{
  PyprepSchedulerConfig config;
  guint elapsed = (guint)MIN (pyprep_scheduler_elapsed_days (state, now), (double)G_MAXUINT);
  guint64 seed = fuzz_seed (card_id, state);
  Outcome *hard = &o[PYPREP_GRADE_HARD - 1];
  Outcome *good = &o[PYPREP_GRADE_GOOD - 1];
  Outcome *easy = &o[PYPREP_GRADE_EASY - 1];
  guint maximum;

  sanitize_config (given, &config);
  maximum = config.maximum_interval;

  for (int g = PYPREP_GRADE_AGAIN; g <= PYPREP_GRADE_EASY; g++)
    {
      outcome (&config, state, (PyprepGrade)g, now, &o[g - 1]);
      if (o[g - 1].days > 0)
        o[g - 1].days = fuzz_days (&config, o[g - 1].days, elapsed, seed, now);
    }

  if (hard->days > 0 && good->days > 0)
    {
      hard->days = MIN (hard->days, good->days);
      good->days = MAX (good->days, MIN (hard->days + 1, maximum));
    }
  else if (hard->days == 0 && good->days == 0)
    {
      hard->seconds = MIN (hard->seconds, good->seconds);
    }

  if (good->days > 0 && easy->days > 0)
    easy->days = MAX (easy->days, MIN (good->days + 1, maximum));
  else if (good->days == 0 && easy->days == 0)
    easy->seconds = MAX (easy->seconds, good->seconds);
}

/**
 * pyprep_scheduler_review_full:
 * @config: how to schedule
 * @state: the state before the review
 * @grade: how well the user recalled the answer
 * @now: when the review happened, Unix seconds
 * @card_id: (nullable): the card's id, which seeds the fuzz
 * @next: (out caller-allocates): the state after it; may be @state
 *
 * Applies one review: the new memory, phase and step, and the next due
 * date, counted from @now.
 */
void
pyprep_scheduler_review_full (const PyprepSchedulerConfig *config,
                              const PyprepReviewState     *state,
                              PyprepGrade                  grade,
                              gint64                       now,
                              const char                  *card_id,
                              PyprepReviewState           *next)
{
  Outcome o[4];

  g_return_if_fail (config != NULL);
  g_return_if_fail (state != NULL);
  g_return_if_fail (next != NULL);
  g_return_if_fail (pyprep_grade_is_valid (grade));

  schedule (config, state, now, card_id, o);

  *next = o[grade - 1].state;
  next->last_review = now;
  next->due = now + outcome_seconds (&o[grade - 1]);
}

/**
 * pyprep_scheduler_preview_full:
 * @intervals: (out caller-allocates): for Again, Hard, Good and Easy,
 *   the seconds from @now to the next due date
 *
 * What each grade would do, for labelling the grade buttons; the same
 * as pyprep_scheduler_review_full() with the same arguments.
 */
void
pyprep_scheduler_preview_full (const PyprepSchedulerConfig *config,
                               const PyprepReviewState     *state,
                               gint64                       now,
                               const char                  *card_id,
                               gint64                       intervals[4])
{
  Outcome o[4];

  g_return_if_fail (config != NULL);
  g_return_if_fail (state != NULL);
  g_return_if_fail (intervals != NULL);

  schedule (config, state, now, card_id, o);
  for (int g = 0; g < 4; g++)
    intervals[g] = outcome_seconds (&o[g]);
}

/**
 * pyprep_scheduler_review:
 *
 * pyprep_scheduler_review_full() with the default config and no card id.
 */
void
pyprep_scheduler_review (const PyprepReviewState *state,
                         PyprepGrade              grade,
                         gint64                   now,
                         PyprepReviewState       *next)
{
  PyprepSchedulerConfig config;

  pyprep_scheduler_config_init (&config);
  pyprep_scheduler_review_full (&config, state, grade, now, NULL, next);
}

/* How long @grade would put the question away for, in seconds. */
gint64
pyprep_scheduler_interval (const PyprepReviewState *state,
                           PyprepGrade              grade,
                           gint64                   now)
{
  gint64 intervals[4];

  g_return_val_if_fail (state != NULL, 0);
  g_return_val_if_fail (pyprep_grade_is_valid (grade), 0);

  pyprep_scheduler_preview (state, now, intervals);
  return intervals[grade - 1];
}

/**
 * pyprep_scheduler_preview:
 * @intervals: (out caller-allocates): for Again, Hard, Good and Easy
 *
 * pyprep_scheduler_preview_full() with the default config and no card id.
 */
void
pyprep_scheduler_preview (const PyprepReviewState *state,
                          gint64                   now,
                          gint64                   intervals[4])
{
  PyprepSchedulerConfig config;

  pyprep_scheduler_config_init (&config);
  pyprep_scheduler_preview_full (&config, state, now, NULL, intervals);
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
