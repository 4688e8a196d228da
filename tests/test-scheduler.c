/* test-scheduler.c: the scheduling rules around the FSRS-6 model: learning
 * and relearning steps, whole days, desired retention, fuzz, load
 * balancing, Hard <= Good <= Easy, and a clock that goes backwards.
 *
 * The memory model itself is checked against the references' vectors in
 * test-fsrs.c; where a case here comes from a reference's test, its
 * source is named.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "pyprep-scheduler.h"

#define MINUTE 60
#define DAY 86400
#define T0 G_GINT64_CONSTANT (1795000000)  /* 2026-11-18, an arbitrary "now" */

static void
assert_near (double actual,
             double expected)
{
  if (fabs (actual - expected) > 1e-4)
    g_error ("expected %.7f, got %.7f", expected, actual);
}

static void
config_without_fuzz (PyprepSchedulerConfig *config)
{
  pyprep_scheduler_config_init (config);
  config->fuzz = FALSE;
}

/* A review card: S days of stability, reviewed at T0. */
static PyprepReviewState
review_card (double stability,
             double difficulty)
{
  PyprepReviewState state = { 0 };

  state.stability = stability;
  state.difficulty = difficulty;
  state.reps = 5;
  state.last_review = T0;
  state.due = T0 + (gint64)round (stability) * DAY;
  state.phase = PYPREP_CARD_PHASE_REVIEW;
  return state;
}

/* Source: ts-fsrs, packages/fsrs/__tests__/FSRS-6.test.ts, "ivl_history"
 * (commit a26a6605a1e3): FSRS-6 defaults, learning steps 1 and 10 min,
 * relearning step 10 min, no fuzz; each grade given when the card is
 * due. The interval is the whole days from the review to the next due
 * date (0 for a step). py-fsrs's test_review_card has the same history. */
static void
test_interval_history (void)
{
  static const PyprepGrade grades[] = {
    3, 3, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3,
  };
  static const gint64 expected[] = {
    0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21,
  };
  PyprepSchedulerConfig config;
  PyprepReviewState card = { 0 };
  gint64 now = T0;

  config_without_fuzz (&config);
  for (gsize i = 0; i < G_N_ELEMENTS (grades); i++)
    {
      pyprep_scheduler_review_full (&config, &card, grades[i], now, "card", &card);
      g_assert_cmpint ((card.due - card.last_review) / DAY, ==, expected[i]);
      now = card.due;
    }
  g_assert_cmpuint (card.reps, ==, 13);
  g_assert_cmpuint (card.lapses, ==, 1);  /* the second Again was in relearning */
  g_assert_cmpint (card.phase, ==, PYPREP_CARD_PHASE_REVIEW);
}

/* Source: py-fsrs, tests/test_basic.py, test_memo_state (py-fsrs 6) and
 * ts-fsrs FSRS-6.test.ts "memory state": the memory after Again, Good
 * the same day, then Good 1, 3, 8 and 21 days later, whatever the
 * phases the scheduler goes through. */
static void
test_memory_through_phases (void)
{
  static const PyprepGrade grades[] = { 1, 3, 3, 3, 3, 3 };
  static const gint64 days[] = { 0, 0, 1, 3, 8, 21 };
  PyprepSchedulerConfig config;
  PyprepReviewState card = { 0 };
  gint64 now = T0;

  pyprep_scheduler_config_init (&config);
  for (gsize i = 0; i < G_N_ELEMENTS (grades); i++)
    {
      now += days[i] * DAY;
      pyprep_scheduler_review_full (&config, &card, grades[i], now, "card", &card);
    }
  assert_near (card.stability, 53.62691);
  assert_near (card.difficulty, 6.3574867);
}

/* A new card: Again 1 min, Hard halfway between the steps (5.5 min),
 * Good the second step (10 min), Easy graduates at once (8 days, from
 * S0 = 8.2956; ts-fsrs "first repeat" has scheduled_days 8). Then, at
 * the second step, Hard repeats it and Good graduates (py-fsrs
 * test_good_learning_steps, test_hard_learning_steps,
 * test_learning_card_rate_hard_second_learning_step). */
static void
test_learning_steps (void)
{
  PyprepSchedulerConfig config;
  PyprepReviewState fresh = { 0 };
  PyprepReviewState card;
  gint64 preview[4];

  config_without_fuzz (&config);
  pyprep_scheduler_preview_full (&config, &fresh, T0, "card", preview);
  g_assert_cmpint (preview[0], ==, 1 * MINUTE);
  g_assert_cmpint (preview[1], ==, 330);
  g_assert_cmpint (preview[2], ==, 10 * MINUTE);
  g_assert_cmpint (preview[3], ==, 8 * DAY);

  pyprep_scheduler_review_full (&config, &fresh, PYPREP_GRADE_GOOD, T0, "card", &card);
  g_assert_cmpint (card.phase, ==, PYPREP_CARD_PHASE_LEARNING);
  g_assert_cmpuint (card.step, ==, 1);
  g_assert_cmpint (card.due, ==, T0 + 10 * MINUTE);

  pyprep_scheduler_preview_full (&config, &card, card.due, "card", preview);
  g_assert_cmpint (preview[0], ==, 1 * MINUTE);
  g_assert_cmpint (preview[1], ==, 10 * MINUTE);
  g_assert_cmpint (preview[2], ==, 2 * DAY);   /* round (2.3065) */
  g_assert_cmpint (preview[3], >, 2 * DAY);

  pyprep_scheduler_review_full (&config, &card, PYPREP_GRADE_GOOD, card.due, "card", &card);
  g_assert_cmpint (card.phase, ==, PYPREP_CARD_PHASE_REVIEW);
  g_assert_cmpint (card.due - card.last_review, ==, 2 * DAY);

  /* Again in review: the relearning step, and a lapse. */
  {
    PyprepReviewState lapsed;

    pyprep_scheduler_review_full (&config, &card, PYPREP_GRADE_AGAIN, card.due, "card", &lapsed);
    g_assert_cmpint (lapsed.phase, ==, PYPREP_CARD_PHASE_RELEARNING);
    g_assert_cmpint (lapsed.due - lapsed.last_review, ==, PYPREP_SCHEDULER_RELEARN_SECONDS);
    g_assert_cmpuint (lapsed.lapses, ==, card.lapses + 1);

    /* Hard on a single relearning step: 1.5 times it (py-fsrs
     * test_relearning_card_rate_hard_one_relearning_step). */
    pyprep_scheduler_preview_full (&config, &lapsed, lapsed.due, "card", preview);
    g_assert_cmpint (preview[1], ==, 15 * MINUTE);
    g_assert_cmpint (preview[2], >=, DAY);
  }
}

/* Without steps, every grade goes straight to days (py-fsrs
 * test_no_learning_steps, test_no_relearning_steps). */
static void
test_no_steps (void)
{
  PyprepSchedulerConfig config;
  PyprepReviewState fresh = { 0 };
  PyprepReviewState card;
  gint64 preview[4];

  config_without_fuzz (&config);
  config.n_learning_steps = 0;
  config.n_relearning_steps = 0;

  pyprep_scheduler_review_full (&config, &fresh, PYPREP_GRADE_AGAIN, T0, "card", &card);
  g_assert_cmpint (card.phase, ==, PYPREP_CARD_PHASE_REVIEW);
  g_assert_cmpint (card.due - card.last_review, >=, DAY);

  pyprep_scheduler_preview_full (&config, &card, card.due, "card", preview);
  for (int g = 0; g < 4; g++)
    g_assert_cmpint (preview[g] % DAY, ==, 0);
}

/* Graded 20 hours late, a review card is treated as graded on the day
 * it was due: elapsed time counts in whole days, as in the references.
 * Counted to the second, the same grade would give a longer interval. */
static void
test_whole_days (void)
{
  PyprepSchedulerConfig config;
  PyprepReviewState card = review_card (10.9710, 2.1043);
  PyprepReviewState on_time, late;
  PyprepFsrsMemory memory = { card.stability, card.difficulty };
  PyprepFsrsMemory fractional;
  double expected_days;

  config_without_fuzz (&config);
  pyprep_scheduler_review_full (&config, &card, PYPREP_GRADE_GOOD, T0 + 11 * DAY, "card", &on_time);
  pyprep_scheduler_review_full (&config, &card, PYPREP_GRADE_GOOD, T0 + 11 * DAY + 20 * 3600,
                                "card", &late);

  g_assert_cmpfloat (on_time.stability, ==, late.stability);
  g_assert_cmpint (late.due - late.last_review, ==, on_time.due - on_time.last_review);
  g_assert_cmpint (late.last_review, ==, T0 + 11 * DAY + 20 * 3600);

  pyprep_fsrs_next_memory (pyprep_fsrs_default_params (), &memory, 11, 3, &memory);
  expected_days = round (pyprep_fsrs_interval_days (pyprep_fsrs_default_params (), memory.stability, 0.9));
  g_assert_cmpint (late.due - late.last_review, ==, (gint64)expected_days * DAY);
  g_assert_cmpint (late.due - late.last_review, ==, 46 * DAY);

  /* The fractional answer this rule avoids. */
  memory.stability = card.stability;
  memory.difficulty = card.difficulty;
  pyprep_fsrs_next_memory (pyprep_fsrs_default_params (), &memory, 11 + 20.0 / 24, 3, &fractional);
  g_assert_cmpfloat (round (pyprep_fsrs_interval_days (pyprep_fsrs_default_params (), fractional.stability, 0.9)),
                     !=, expected_days);

  /* Under a whole day, the same-day rule applies. */
  g_assert_cmpfloat (pyprep_scheduler_elapsed_days (&card, T0 + DAY - 1), ==, 0);
  g_assert_cmpfloat (pyprep_scheduler_elapsed_days (&card, T0 + DAY), ==, 1);
}

/* Desired retention drives the intervals: higher retention, shorter
 * intervals. From S = 20: 0.97 -> 4 days, 0.90 -> 20, 0.80 -> 66,
 * 0.70 -> 186, by the FSRS-6 curve with the default decay (worked out by
 * hand from R(t, S) = (1 + f t / S)^-0.1542). */
static void
test_desired_retention (void)
{
  static const struct { double retention; gint64 days; } cases[] = {
    { 0.97, 4 }, { 0.90, 20 }, { 0.80, 66 }, { 0.70, 186 },
  };
  PyprepReviewState card = review_card (20, 5);
  gint64 previous = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PyprepSchedulerConfig config;
      PyprepReviewState next;
      PyprepFsrsMemory memory = { 20, 5 };
      double days;

      config_without_fuzz (&config);
      config.desired_retention = cases[i].retention;
      g_assert_true (pyprep_scheduler_retention_is_valid (cases[i].retention));

      /* Good on the same day keeps this stability (the FSRS-6 floor). */
      pyprep_scheduler_review_full (&config, &card, PYPREP_GRADE_GOOD, T0 + 3600, "card", &next);
      pyprep_fsrs_next_memory (&config.params, &memory, 0, 3, &memory);
      days = round (pyprep_fsrs_interval_days (&config.params, memory.stability, cases[i].retention));
      g_assert_cmpint (next.due - next.last_review, ==, (gint64)days * DAY);
      g_assert_cmpint (next.due - next.last_review, ==, cases[i].days * DAY);
      g_assert_cmpint (next.due - next.last_review, >, previous);
      previous = next.due - next.last_review;
    }

  g_assert_false (pyprep_scheduler_retention_is_valid (0.5));
  g_assert_false (pyprep_scheduler_retention_is_valid (0.99));
  g_assert_false (pyprep_scheduler_retention_is_valid (NAN));
}

/* Anki's fuzz window, rebuilt here independently: 1 day, plus 15% of the
 * interval between 2.5 and 7 days, 10% between 7 and 20, 5% beyond 20. */
static void
expected_window (gint64  days,
                 gint64  elapsed,
                 gint64 *lower,
                 gint64 *upper)
{
  double delta = 1.0 + 0.15 * (MIN (days, 7) - 2.5)
                 + 0.10 * MAX (MIN (days, 20) - 7, 0) + 0.05 * MAX (days - 20, 0);

  *lower = MAX (2, (gint64)round (days - delta));
  *upper = (gint64)round (days + delta);
  if (days > elapsed)
    *lower = MAX (*lower, elapsed + 1);
}

/* Each card gets its own pick in the window, the same every time it is
 * asked (so replaying a review log gives the same dates), and the grade
 * buttons show exactly what the grade does. */
static void
test_fuzz (void)
{
  static const double stabilities[] = { 4, 10, 30, 100, 400 };
  PyprepSchedulerConfig config, plain;

  pyprep_scheduler_config_init (&config);
  config_without_fuzz (&plain);

  for (gsize i = 0; i < G_N_ELEMENTS (stabilities); i++)
    {
      PyprepReviewState card = review_card (stabilities[i], 5);
      gint64 now = T0 + (gint64)round (stabilities[i]) * DAY;
      gint64 unfuzzed[4], lower, upper;
      gint64 lowest = G_MAXINT64, highest = 0;

      pyprep_scheduler_preview_full (&plain, &card, now, "card", unfuzzed);
      expected_window (unfuzzed[2] / DAY, (now - T0) / DAY, &lower, &upper);

      for (int n = 0; n < 300; n++)
        {
          g_autofree char *id = g_strdup_printf ("card-%d", n);
          PyprepReviewState next, again;
          gint64 preview[4];
          gint64 days;

          pyprep_scheduler_preview_full (&config, &card, now, id, preview);
          pyprep_scheduler_review_full (&config, &card, PYPREP_GRADE_GOOD, now, id, &next);
          pyprep_scheduler_review_full (&config, &card, PYPREP_GRADE_GOOD, now, id, &again);
          g_assert_cmpint (next.due, ==, again.due);
          g_assert_cmpint (next.due - now, ==, preview[2]);

          days = (next.due - now) / DAY;
          g_assert_cmpint ((next.due - now) % DAY, ==, 0);
          g_assert_cmpint (days, >=, lower);
          g_assert_cmpint (days, <=, upper);
          lowest = MIN (lowest, days);
          highest = MAX (highest, days);
        }

      /* The whole window is used. */
      g_assert_cmpint (lowest, ==, lower);
      g_assert_cmpint (highest, ==, upper);
    }

  /* Under 2.5 days, no fuzz; the learning steps neither. */
  {
    PyprepReviewState fresh = { 0 };
    gint64 preview[4];

    pyprep_scheduler_preview_full (&config, &fresh, T0, "card", preview);
    g_assert_cmpint (preview[0], ==, MINUTE);
    g_assert_cmpint (preview[2], ==, 10 * MINUTE);
  }
}

/* The number of reviews due per day after T0, for load balancing. */
static guint
busy_days (gint64   when,
           gpointer user_data)
{
  const guint *counts = user_data;
  gint64 day = (when - T0) / DAY;

  return day >= 0 && day < 64 ? counts[day] : 0;
}

/* Within the fuzz window, the day with the fewest reviews due wins; a
 * quiet day outside it does not. */
static void
test_load_balancing (void)
{
  PyprepSchedulerConfig config;
  PyprepReviewState card = review_card (10, 5);
  gint64 now = T0 + 10 * DAY;
  gint64 unfuzzed[4], lower, upper;
  guint counts[64];

  config_without_fuzz (&config);
  pyprep_scheduler_preview_full (&config, &card, now, "card", unfuzzed);
  expected_window (unfuzzed[2] / DAY, 10, &lower, &upper);
  g_assert_cmpint (upper - lower, >=, 4);

  pyprep_scheduler_config_init (&config);
  config.due_count = busy_days;
  config.due_count_data = counts;

  for (gint64 quiet = lower; quiet <= upper; quiet++)
    {
      PyprepReviewState next;

      for (guint d = 0; d < G_N_ELEMENTS (counts); d++)
        counts[d] = 50;
      counts[10 + quiet] = 3;
      counts[10 + lower - 1] = 0;  /* outside the window */
      counts[10 + upper + 1] = 0;

      for (int n = 0; n < 20; n++)
        {
          g_autofree char *id = g_strdup_printf ("card-%d", n);

          pyprep_scheduler_review_full (&config, &card, PYPREP_GRADE_GOOD, now, id, &next);
          g_assert_cmpint (next.due, ==, now + quiet * DAY);
        }
    }
}

/* A varying load, for the ordering test. */
static guint
bumpy_days (gint64   when,
            gpointer user_data)
{
  return (guint)((when / DAY) * 2654435761u % 7);
}

/* Hard <= Good <= Easy, whatever the state, phase, time, fuzz and load,
 * and in days a day apart (ts-fsrs and Anki enforce it; FSRS alone does
 * not: a small stability rounds to one day for Hard and Good alike, and
 * load balancing can send both to the same quiet day). */
static void
test_grades_in_order (void)
{
  static const PyprepCardPhase phases[] = {
    PYPREP_CARD_PHASE_LEARNING, PYPREP_CARD_PHASE_REVIEW, PYPREP_CARD_PHASE_RELEARNING,
  };
  PyprepSchedulerConfig configs[3];
  guint checked = 0;

  pyprep_scheduler_config_init (&configs[0]);
  config_without_fuzz (&configs[1]);
  pyprep_scheduler_config_init (&configs[2]);
  configs[2].due_count = bumpy_days;
  configs[2].desired_retention = 0.97;
  configs[2].maximum_interval = 60;

  for (gsize c = 0; c < G_N_ELEMENTS (configs); c++)
    for (double s = 0.01; s < 3000; s *= 1.9)
      for (double d = 1; d <= 10; d += 0.75)
        for (gsize p = 0; p < G_N_ELEMENTS (phases); p++)
          for (guint step = 0; step < 3; step++)
            for (gint64 late = 0; late < 400 * DAY; late = late * 3 + 7 * 3600)
              {
                PyprepReviewState state = review_card (s, d);
                g_autofree char *id = g_strdup_printf ("q%u", checked);
                gint64 preview[4];

                state.phase = phases[p];
                state.step = step;
                pyprep_scheduler_preview_full (&configs[c], &state, T0 + late, id, preview);
                if (!(preview[1] <= preview[2] && preview[2] <= preview[3]))
                  g_error ("S %g, D %g, phase %d, step %u, %" G_GINT64_FORMAT " s after: "
                           "Hard %" G_GINT64_FORMAT ", Good %" G_GINT64_FORMAT ", Easy %" G_GINT64_FORMAT,
                           s, d, phases[p], step, late, preview[1], preview[2], preview[3]);
                /* In days, a day apart, unless the maximum stops it. */
                if (preview[1] >= DAY && preview[2] < (gint64)configs[c].maximum_interval * DAY)
                  g_assert_cmpint (preview[2], >=, preview[1] + DAY);
                if (preview[2] >= DAY && preview[3] < (gint64)configs[c].maximum_interval * DAY)
                  g_assert_cmpint (preview[3], >=, preview[2] + DAY);
                g_assert_cmpint (preview[0], >, 0);
                g_assert_cmpint (preview[3], <=, (gint64)configs[c].maximum_interval * DAY);
                checked++;
              }

  g_assert_cmpuint (checked, >, 10000);
}

/* The clock was set five days back. A failed card comes back ten
 * minutes after the grade, not five days and ten minutes; a pass is
 * counted as a same-day review and its days start at the grade. */
static void
test_clock_backwards (void)
{
  PyprepSchedulerConfig config;
  PyprepReviewState card = review_card (30, 5);
  PyprepReviewState next;
  gint64 earlier = T0 - 5 * DAY;
  gint64 preview[4];
  PyprepFsrsMemory memory = { 30, 5 };

  config_without_fuzz (&config);
  g_assert_cmpfloat (pyprep_scheduler_elapsed_days (&card, earlier), ==, 0);
  g_assert_cmpfloat (pyprep_scheduler_retrievability (&card, earlier), ==, 1.0);

  pyprep_scheduler_review_full (&config, &card, PYPREP_GRADE_AGAIN, earlier, "card", &next);
  g_assert_cmpint (next.due, ==, earlier + 10 * MINUTE);
  g_assert_cmpint (next.last_review, ==, earlier);
  g_assert_cmpint (next.phase, ==, PYPREP_CARD_PHASE_RELEARNING);

  pyprep_scheduler_review_full (&config, &card, PYPREP_GRADE_GOOD, earlier, "card", &next);
  pyprep_fsrs_next_memory (&config.params, &memory, 0, 3, &memory);
  assert_near (next.stability, memory.stability);
  g_assert_cmpint (next.due, ==, earlier + 30 * DAY);

  /* The default API too, and a learning card. */
  pyprep_scheduler_preview (&card, earlier, preview);
  g_assert_cmpint (preview[0], ==, 10 * MINUTE);
  {
    PyprepReviewState fresh = { 0 }, learning;

    pyprep_scheduler_review (&fresh, PYPREP_GRADE_GOOD, T0, &learning);
    pyprep_scheduler_review (&learning, PYPREP_GRADE_AGAIN, earlier, &next);
    g_assert_cmpint (next.due, ==, earlier + MINUTE);
  }
}

/* A state stored before phases existed (reps > 0, phase 0) is a review
 * card: Again is a lapse into relearning, Good schedules days. */
static void
test_stored_without_phase (void)
{
  PyprepReviewState old = { 10.0, 5.0, 3, 0, T0, T0 + 10 * DAY };
  PyprepReviewState next;
  gint64 preview[4];

  g_assert_cmpint (pyprep_review_state_get_phase (&old), ==, PYPREP_CARD_PHASE_REVIEW);
  pyprep_scheduler_preview (&old, T0 + 10 * DAY, preview);
  g_assert_cmpint (preview[0], ==, 10 * MINUTE);
  g_assert_cmpint (preview[2], >=, 20 * DAY);

  pyprep_scheduler_review (&old, PYPREP_GRADE_AGAIN, T0 + 10 * DAY, &next);
  g_assert_cmpint (next.phase, ==, PYPREP_CARD_PHASE_RELEARNING);
  g_assert_cmpuint (next.lapses, ==, 1);
  g_assert_cmpuint (next.reps, ==, 4);
}

/* A stored state that cannot be right (no stability) starts over like a
 * new question instead of producing NaN dates. */
static void
test_garbage_state (void)
{
  PyprepReviewState broken = { NAN, 42.0, 3, 1, T0, T0 };
  PyprepReviewState next;

  g_assert_cmpint (pyprep_review_state_get_phase (&broken), ==, PYPREP_CARD_PHASE_NEW);
  pyprep_scheduler_review (&broken, PYPREP_GRADE_GOOD, T0, &next);
  assert_near (next.stability, 2.3065);
  g_assert_cmpuint (next.reps, ==, 1);
  g_assert_cmpint (next.due, ==, T0 + 10 * MINUTE);
}

static void
test_phase_names (void)
{
  PyprepCardPhase phase;

  for (int p = PYPREP_CARD_PHASE_NEW; p <= PYPREP_CARD_PHASE_RELEARNING; p++)
    {
      g_assert_true (pyprep_card_phase_from_string (pyprep_card_phase_to_string (p), &phase));
      g_assert_cmpint (phase, ==, p);
    }
  g_assert_false (pyprep_card_phase_from_string ("graduated", &phase));
  g_assert_false (pyprep_card_phase_from_string (NULL, &phase));
}

static void
test_format (void)
{
  g_autofree char *minutes = pyprep_scheduler_format_interval (10 * 60);
  g_autofree char *day = pyprep_scheduler_format_interval (DAY);
  g_autofree char *days = pyprep_scheduler_format_interval (16 * DAY);
  g_autofree char *months = pyprep_scheduler_format_interval (90 * DAY);

  g_assert_cmpstr (minutes, ==, "10 min");
  g_assert_cmpstr (day, ==, "1 day");
  g_assert_cmpstr (days, ==, "16 days");
  g_assert_cmpstr (months, ==, "3 months");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/scheduler/interval-history", test_interval_history);
  g_test_add_func ("/pyprep/scheduler/memory-through-phases", test_memory_through_phases);
  g_test_add_func ("/pyprep/scheduler/learning-steps", test_learning_steps);
  g_test_add_func ("/pyprep/scheduler/no-steps", test_no_steps);
  g_test_add_func ("/pyprep/scheduler/whole-days", test_whole_days);
  g_test_add_func ("/pyprep/scheduler/desired-retention", test_desired_retention);
  g_test_add_func ("/pyprep/scheduler/fuzz", test_fuzz);
  g_test_add_func ("/pyprep/scheduler/load-balancing", test_load_balancing);
  g_test_add_func ("/pyprep/scheduler/grades-in-order", test_grades_in_order);
  g_test_add_func ("/pyprep/scheduler/clock-backwards", test_clock_backwards);
  g_test_add_func ("/pyprep/scheduler/stored-without-phase", test_stored_without_phase);
  g_test_add_func ("/pyprep/scheduler/garbage-state", test_garbage_state);
  g_test_add_func ("/pyprep/scheduler/phase-names", test_phase_names);
  g_test_add_func ("/pyprep/scheduler/format", test_format);

  return g_test_run ();
}
