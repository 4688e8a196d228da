/* test-scheduler.c: the FSRS-5 scheduler against values worked out by hand.
 *
 * The expected numbers come from the published FSRS-5 formulas and default
 * parameters (see the header of src/study/pyprep-scheduler.c), evaluated
 * independently with a few lines of Python:
 *
 *   w = [0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046,
 *        1.54575, 0.1192, 1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315,
 *        2.9898, 0.51655, 0.6621]
 *   F = 19/81; R(t,s) = (1 + F*t/s) ** -0.5
 *   D0(g) = w[4] - exp(w[5]*(g-1)) + 1
 *   D'(d,g) = w[7]*D0(4) + (1-w[7])*(d - w[6]*(g-3)*(10-d)/9)
 *   Sr(d,s,r,g) = s*(1 + exp(w[8])*(11-d)*s**-w[9]*(exp(w[10]*(1-r))-1)
 *                 * (w[15] if g==2 else w[16] if g==4 else 1))
 *   Sf(d,s,r) = min(w[11]*d**-w[12]*((s+1)**w[13]-1)*exp(w[14]*(1-r)),
 *                   s/exp(w[17]*w[18]))
 *   Ss(s,g) = s*exp(w[17]*(g-3+w[18]))          (same day)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "pyprep-scheduler.h"

#define DAY 86400
#define T0 G_GINT64_CONSTANT (1795000000)  /* 2026-11-18, an arbitrary "now" */

static void
assert_close (double actual,
              double expected)
{
  if (fabs (actual - expected) > 1e-6 * MAX (1.0, fabs (expected)))
    g_error ("expected %.9f, got %.9f", expected, actual);
}

/* A new question: S = w[G-1], D = D0(G) clamped; interval = round (S)
 * days, at least one; Again comes back after ten minutes. */
static void
test_first_review (void)
{
  static const struct {
    double stability, difficulty;
    gint64 interval;
  } expected[4] = {
    { 0.40255, 7.1949, 10 * 60 },              /* D0(1) = w4 */
    { 1.18385, 6.488305268471453, 1 * DAY },   /* 7.1949 - e^0.5345 + 1 */
    { 3.173, 5.282434422319005, 3 * DAY },     /* 7.1949 - e^1.069 + 1 */
    { 15.69105, 3.2245015893713678, 16 * DAY },/* 7.1949 - e^1.6035 + 1 */
  };
  PyprepReviewState fresh = { 0 };
  gint64 preview[4];

  for (int g = 1; g <= 4; g++)
    {
      PyprepReviewState next;

      pyprep_scheduler_review (&fresh, g, T0, &next);
      assert_close (next.stability, expected[g - 1].stability);
      assert_close (next.difficulty, expected[g - 1].difficulty);
      g_assert_cmpuint (next.reps, ==, 1);
      g_assert_cmpuint (next.lapses, ==, 0);
      g_assert_cmpint (next.last_review, ==, T0);
      g_assert_cmpint (next.due, ==, T0 + expected[g - 1].interval);
    }

  /* The button labels show the same intervals. */
  pyprep_scheduler_preview (&fresh, T0, preview);
  for (int g = 1; g <= 4; g++)
    g_assert_cmpint (preview[g - 1], ==, expected[g - 1].interval);
  g_assert_cmpfloat (pyprep_scheduler_retrievability (&fresh, T0), ==, 0);
}

/* Good, then each grade three days later, exactly when due:
 * R(3, 3.173) = 0.904698..., D = D0(3) = 5.282434... */
static void
test_second_review (void)
{
  static const struct {
    double stability, difficulty;
    gint64 interval;
  } expected[4] = {
    { 1.0555610912864883, 6.796932579932991, 10 * 60 },
    { 4.924511833379462, 6.0349502556102195, 5 * DAY },
    { 10.73892584613159, 5.272967931287446, 11 * DAY },
    { 25.79360509476422, 4.510985606964673, 26 * DAY },
  };
  PyprepReviewState first;
  PyprepReviewState fresh = { 0 };

  pyprep_scheduler_review (&fresh, PYPREP_GRADE_GOOD, T0, &first);
  g_assert_cmpint (first.due, ==, T0 + 3 * DAY);
  assert_close (pyprep_scheduler_retrievability (&first, first.due), 0.9046982108893272);

  for (int g = 1; g <= 4; g++)
    {
      PyprepReviewState next;

      pyprep_scheduler_review (&first, g, first.due, &next);
      assert_close (next.stability, expected[g - 1].stability);
      assert_close (next.difficulty, expected[g - 1].difficulty);
      g_assert_cmpuint (next.reps, ==, 2);
      g_assert_cmpuint (next.lapses, ==, g == 1 ? 1 : 0);
      g_assert_cmpint (next.due, ==, first.due + expected[g - 1].interval);
    }
}

/* A lapse after a long interval: S = 100, D = 5, reviewed after exactly
 * 100 days (R = 0.9) and forgotten. Sf = w11 5^-w12 (101^w13 - 1) e^(0.1 w14)
 * = 5.955076..., below the cap 100 / e^(w17 w18); D' = 6.607035... */
static void
test_lapse_after_long_interval (void)
{
  PyprepReviewState state = { 100.0, 5.0, 6, 1, T0, T0 + 100 * DAY };
  PyprepReviewState next;

  assert_close (pyprep_scheduler_retrievability (&state, T0 + 100 * DAY), 0.9);
  pyprep_scheduler_review (&state, PYPREP_GRADE_AGAIN, T0 + 100 * DAY, &next);
  assert_close (next.stability, 5.955076038467237);
  assert_close (next.difficulty, 6.607035107311108);
  g_assert_cmpuint (next.reps, ==, 7);
  g_assert_cmpuint (next.lapses, ==, 2);
  g_assert_cmpint (next.due, ==, T0 + 100 * DAY + 10 * 60);

  /* Its next Good, the same day, uses the short-term rule:
   * 5.955076 * e^(w17 (0 + w18)) = 8.383385 and round (8.38) = 8 days. */
  {
    PyprepReviewState again;

    pyprep_scheduler_review (&next, PYPREP_GRADE_GOOD, next.due, &again);
    assert_close (again.stability, 5.955076038467237 * exp (0.51655 * 0.6621));
    g_assert_cmpint (again.due, ==, next.due + 8 * DAY);
    g_assert_cmpuint (again.lapses, ==, 2);
  }
}

/* An overdue card grows more: S = 10, D = 5, Good on time (t = 10,
 * R = 0.9) gives S' = 32.954264; thirty days late (t = 40, R = 0.718278)
 * gives S' = 81.155235. D' = 4.991833 either way. */
static void
test_overdue (void)
{
  PyprepReviewState state = { 10.0, 5.0, 3, 0, T0, T0 + 10 * DAY };
  PyprepReviewState on_time, late;

  pyprep_scheduler_review (&state, PYPREP_GRADE_GOOD, T0 + 10 * DAY, &on_time);
  pyprep_scheduler_review (&state, PYPREP_GRADE_GOOD, T0 + 40 * DAY, &late);

  assert_close (on_time.stability, 32.954263992452184);
  assert_close (late.stability, 81.15523525058055);
  assert_close (on_time.difficulty, 4.991832707311108);
  assert_close (late.difficulty, 4.991832707311108);
  g_assert_cmpint (on_time.due, ==, T0 + 10 * DAY + 33 * DAY);
  g_assert_cmpint (late.due, ==, T0 + 40 * DAY + 81 * DAY);
  assert_close (pyprep_scheduler_retrievability (&state, T0 + 40 * DAY), 0.71827819602086);
}

/* The clock went back five days after a Good on a new card: no time has
 * elapsed as far as the scheduler is concerned (same-day rule,
 * Ss(3.173, g)), the last review does not move back, and nothing is due
 * in the past. */
static void
test_clock_backwards (void)
{
  static const double stability[4] = {
    1.589763507266002, 2.664816680910697, 4.466858064362218, 7.487502277394533,
  };
  static const gint64 days[4] = { 0, 3, 4, 7 };
  PyprepReviewState fresh = { 0 };
  PyprepReviewState first;
  gint64 earlier = T0 - 5 * DAY;
  gint64 preview[4];

  pyprep_scheduler_review (&fresh, PYPREP_GRADE_GOOD, T0, &first);
  g_assert_cmpfloat (pyprep_scheduler_elapsed_days (&first, earlier), ==, 0);
  g_assert_cmpfloat (pyprep_scheduler_retrievability (&first, earlier), ==, 1.0);

  pyprep_scheduler_preview (&first, earlier, preview);
  for (int g = 1; g <= 4; g++)
    {
      PyprepReviewState next;

      pyprep_scheduler_review (&first, g, earlier, &next);
      assert_close (next.stability, stability[g - 1]);
      g_assert_cmpint (next.last_review, ==, T0);
      g_assert_cmpint (next.due, >, earlier);
      g_assert_cmpint (next.due, ==, T0 + (g == 1 ? 10 * 60 : days[g - 1] * DAY));
      g_assert_cmpint (preview[g - 1], >, 0);
    }
}

/* A stored state that cannot be right (no stability) starts over like a
 * new question instead of producing NaN dates. */
static void
test_garbage_state (void)
{
  PyprepReviewState broken = { NAN, 42.0, 3, 1, T0, T0 };
  PyprepReviewState next;

  pyprep_scheduler_review (&broken, PYPREP_GRADE_GOOD, T0, &next);
  assert_close (next.stability, 3.173);
  g_assert_cmpuint (next.reps, ==, 1);
  g_assert_cmpint (next.due, ==, T0 + 3 * DAY);
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

  g_test_add_func ("/pyprep/scheduler/first-review", test_first_review);
  g_test_add_func ("/pyprep/scheduler/second-review", test_second_review);
  g_test_add_func ("/pyprep/scheduler/lapse-after-long-interval", test_lapse_after_long_interval);
  g_test_add_func ("/pyprep/scheduler/overdue", test_overdue);
  g_test_add_func ("/pyprep/scheduler/clock-backwards", test_clock_backwards);
  g_test_add_func ("/pyprep/scheduler/garbage-state", test_garbage_state);
  g_test_add_func ("/pyprep/scheduler/format", test_format);

  return g_test_run ();
}
