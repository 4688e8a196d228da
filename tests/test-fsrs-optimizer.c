/* test-fsrs-optimizer.c: fitting FSRS-6 to a review log.
 *
 * The logs are generated: a learner whose memory follows KNOWN
 * parameters studies a deck for a year, scheduled the way PyPrep would
 * with the default parameters (90% desired retention, a little noise in
 * the intervals), and recalls each card with the chance the true model
 * gives. The fit must then predict close to that true chance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "pyprep-fsrs.h"
#include "pyprep-fsrs-optimizer.h"
#include "pyprep-fsrs-optimizer-private.h"

#define SAME_DAY (10.0 / (24 * 60))

/* The defaults moved within their bounds: stronger first memories, a
 * steeper forgetting curve (decay 0.35 against 0.1542), and so on. */
static const PyprepFsrsParams true_params = {
  {
    0.4, 1.0, 3.2, 12.0, 7.0, 0.6, 2.2, 0.02, 1.6, 0.2, 1.0,
    1.8, 0.08, 0.3, 1.9, 0.5, 2.2, 0.5, 0.1, 0.1, 0.35,
  }
};

/* Another learner, far from the defaults: first memories three times as
 * strong, a much steeper curve (decay 0.55), faster growth on success. */
static const PyprepFsrsParams far_params = {
  {
    1.0, 3.0, 6.0, 20.0, 5.0, 1.2, 1.5, 0.1, 2.3, 0.3, 1.3,
    1.2, 0.1, 0.4, 1.2, 0.4, 2.5, 0.3, 0.2, 0.2, 0.55,
  }
};

typedef struct
{
  PyprepFsrsHistory *history;
  GArray            *true_r;  /* double, one per judged review */
} Log;

static void
log_clear (Log *log)
{
  g_clear_pointer (&log->history, pyprep_fsrs_history_free);
  g_clear_pointer (&log->true_r, g_array_unref);
}

static int
draw_first_rating (GRand *rand)
{
  double u = g_rand_double (rand);

  return u < 0.2 ? 1 : u < 0.3 ? 2 : u < 0.85 ? 3 : 4;
}

static int
draw_pass_rating (GRand *rand)
{
  double u = g_rand_double (rand);

  return u < 0.15 ? 2 : u < 0.85 ? 3 : 4;
}

static void
add (Log              *log,
     gint64            time,
     double            elapsed,
     int               rating)
{
  g_autoptr(GError) error = NULL;

  pyprep_fsrs_history_add_review (log->history, time, elapsed, rating, &error);
  g_assert_no_error (error);
}

/* A year of study of @n_cards cards by a learner whose memory follows
 * @truth, scheduled by @scheduler. An Again is relearned ten minutes
 * later, with Good. */
static void
generate (const PyprepFsrsParams *truth,
          const PyprepFsrsParams *scheduler,
          guint                   n_cards,
          guint                   days,
          guint32                 seed,
          Log                    *log)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  log->history = pyprep_fsrs_history_new ();
  log->true_r = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint c = 0; c < n_cards; c++)
    {
      PyprepFsrsMemory mt, ms;
      int day = g_rand_int_range (rand, 0, days * 4 / 5);
      int rating = draw_first_rating (rand);

      pyprep_fsrs_history_add_card (log->history);
      add (log, day * 86400 + c, 0, rating);
      pyprep_fsrs_init_memory (truth, rating, &mt);
      pyprep_fsrs_init_memory (scheduler, rating, &ms);

      for (;;)
        {
          double ivl, r;

          if (rating == 1)
            {
              add (log, day * 86400 + c + 600, SAME_DAY, 3);
              pyprep_fsrs_next_memory (truth, &mt, SAME_DAY, 3, &mt);
              pyprep_fsrs_next_memory (scheduler, &ms, SAME_DAY, 3, &ms);
            }

          ivl = pyprep_fsrs_interval_days (scheduler, ms.stability, 0.9)
                * g_rand_double_range (rand, 0.85, 1.15);
          ivl = MAX (1.0, round (ivl));
          day += ivl;
          if (day >= (int) days)
            break;

          r = pyprep_fsrs_retrievability (truth, ivl, mt.stability);
          rating = g_rand_double (rand) < r ? draw_pass_rating (rand) : 1;
          add (log, day * 86400 + c, ivl, rating);
          g_array_append_val (log->true_r, r);
          pyprep_fsrs_next_memory (truth, &mt, ivl, rating, &mt);
          pyprep_fsrs_next_memory (scheduler, &ms, ivl, rating, &ms);
        }
    }

  g_assert_cmpuint (log->true_r->len, ==, pyprep_fsrs_history_n_evaluated (log->history));
}

/* Cards reviewed at random waits, each graded by @grade (0: at random). */
static void
generate_odd (guint   n_cards,
              guint   per_card,
              int     grade,
              guint32 seed,
              Log    *log)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  log->history = pyprep_fsrs_history_new ();
  log->true_r = NULL;

  for (guint c = 0; c < n_cards; c++)
    {
      int day = 0;

      pyprep_fsrs_history_add_card (log->history);
      add (log, c, 0, grade ? grade : g_rand_int_range (rand, 1, 5));
      for (guint i = 0; i < per_card; i++)
        {
          static const double waits[] = { 1, 2, 3, 7, 14, 30 };
          double ivl = g_rand_int_range (rand, 0, 4) == 0
                       ? SAME_DAY : waits[g_rand_int_range (rand, 0, G_N_ELEMENTS (waits))];

          day += ivl >= 1 ? ivl : 0;
          add (log, (gint64) day * 86400 + c, ivl, grade ? grade : g_rand_int_range (rand, 1, 5));
        }
    }
}

static void
fit (const PyprepFsrsHistory *history,
     PyprepFsrsFit           *out)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pyprep_fsrs_optimize (history, pyprep_fsrs_default_params (), NULL, NULL, NULL,
                                       out, &error));
  g_assert_no_error (error);
  g_assert_true (pyprep_fsrs_params_valid (&out->params));
}

static void
print_params (const char             *what,
              const PyprepFsrsParams *p)
{
  g_autoptr(GString) s = g_string_new (what);

  for (guint i = 0; i < PYPREP_FSRS_N_PARAMS; i++)
    g_string_append_printf (s, " %.3f", p->w[i]);
  g_test_message ("%s", s->str);
}

/* The fit, started from the defaults, predicts the learner's true chance
 * of recall to within 2% (RMSE(bins)), where the defaults are far off. */
static void
test_recovers_truth (gconstpointer data)
{
  const PyprepFsrsParams *learner = data;
  Log log = { 0 };
  PyprepFsrsFit result;
  PyprepFsrsMetrics fitted, defaults, truth;

  generate (learner, pyprep_fsrs_default_params (), 2000, 365, 1, &log);
  g_test_message ("%u cards, %u reviews, %u judged", pyprep_fsrs_history_n_cards (log.history),
                  pyprep_fsrs_history_n_reviews (log.history), log.true_r->len);

  fit (log.history, &result);
  print_params ("true:  ", learner);
  print_params ("fitted:", &result.params);

  pyprep_fsrs_evaluate (log.history, &result.params, (double *) log.true_r->data,
                        log.true_r->len, &fitted);
  pyprep_fsrs_evaluate (log.history, pyprep_fsrs_default_params (), (double *) log.true_r->data,
                        log.true_r->len, &defaults);
  pyprep_fsrs_evaluate (log.history, learner, (double *) log.true_r->data,
                        log.true_r->len, &truth);
  g_test_message ("RMSE(bins) against the true R: defaults %.4f, fitted %.4f, truth %.4f",
                  defaults.rmse_bins, fitted.rmse_bins, truth.rmse_bins);
  g_test_message ("log loss on outcomes: defaults %.5f, fitted %.5f",
                  result.before.log_loss, result.after.log_loss);

  /* The truth against itself is exact, so the metric measures. */
  g_assert_cmpfloat (truth.rmse_bins, <, 1e-12);
  /* The defaults are visibly wrong for this learner ... */
  g_assert_cmpfloat (defaults.rmse_bins, >, 0.02);
  /* ... and the fit is close to the truth. */
  g_assert_cmpfloat (fitted.rmse_bins, <, 0.02);
  g_assert_true (pyprep_fsrs_fit_is_better (&result));
  g_assert_cmpfloat (result.after.rmse_bins, <, result.before.rmse_bins);

  log_clear (&log);
}

/* On any log, the fitted parameters predict it at least as well as the
 * defaults they started from. */
static void
test_never_worse (void)
{
  struct {
    const char *name;
    Log log;
  } logs[6] = { { "synthetic", { 0 } }, { "defaults", { 0 } }, { "tiny, at random", { 0 } },
                { "only Again", { 0 } }, { "only Easy", { 0 } }, { "only Hard", { 0 } } };

  generate (&true_params, pyprep_fsrs_default_params (), 600, 365, 7, &logs[0].log);
  generate (pyprep_fsrs_default_params (), pyprep_fsrs_default_params (), 600, 365, 8, &logs[1].log);
  generate_odd (150, 4, 0, 9, &logs[2].log);
  generate_odd (80, 8, 1, 10, &logs[3].log);
  generate_odd (80, 8, 4, 11, &logs[4].log);
  generate_odd (80, 8, 2, 12, &logs[5].log);

  for (guint i = 0; i < G_N_ELEMENTS (logs); i++)
    {
      PyprepFsrsFit result;

      g_assert_true (pyprep_fsrs_history_can_optimize (logs[i].log.history));
      fit (logs[i].log.history, &result);
      g_test_message ("%s: %u judged reviews, log loss %.5f -> %.5f, RMSE(bins) %.4f -> %.4f",
                      logs[i].name, result.n_reviews, result.before.log_loss,
                      result.after.log_loss, result.before.rmse_bins, result.after.rmse_bins);
      g_assert_cmpfloat (result.after.log_loss, <=, result.before.log_loss);
      g_assert_true (isfinite (result.after.rmse_bins));
      log_clear (&logs[i].log);
    }
}

/* Only a fit that predicts the log better replaces the parameters. */
static void
test_is_better (void)
{
  PyprepFsrsFit fit = { 0 };

  fit.params = *pyprep_fsrs_default_params ();
  fit.before.log_loss = 0.40;
  fit.after.log_loss = 0.35;
  g_assert_true (pyprep_fsrs_fit_is_better (&fit));

  fit.after.log_loss = 0.40;
  g_assert_false (pyprep_fsrs_fit_is_better (&fit));
  fit.after.log_loss = 0.45;
  g_assert_false (pyprep_fsrs_fit_is_better (&fit));
  fit.after.log_loss = NAN;
  g_assert_false (pyprep_fsrs_fit_is_better (&fit));

  fit.after.log_loss = 0.35;
  fit.params.w[20] = NAN;
  g_assert_false (pyprep_fsrs_fit_is_better (&fit));
}

static void
assert_near_rel (double      actual,
                 double      expected,
                 double      tolerance,
                 const char *what)
{
  if (!(fabs (actual - expected) <= tolerance * MAX (1.0, fabs (expected))))
    g_error ("%s: expected %.10g, got %.10g", what, expected, actual);
}

/* The optimizer's differentiable model gives the same states as the
 * memory model the scheduler uses, and its derivatives are those of
 * that model (against central differences). */
static void
test_gradient (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  const PyprepFsrsParams *params[] = { pyprep_fsrs_default_params (), &true_params };

  for (guint trial = 0; trial < 200; trial++)
    {
      const PyprepFsrsParams *p = params[trial % 2];
      int grades[8];
      double days[8], s, d, r, dr[PYPREP_FSRS_N_PARAMS], t_last;
      guint n = g_rand_int_range (rand, 1, 9);
      PyprepFsrsMemory m;

      for (guint i = 0; i < n; i++)
        {
          grades[i] = g_rand_int_range (rand, 1, 5);
          days[i] = g_rand_int_range (rand, 0, 3) == 0 ? SAME_DAY : g_rand_int_range (rand, 1, 90);
        }
      t_last = g_rand_int_range (rand, 1, 200);

      pyprep_fsrs_optimizer_walk_dual (p, grades, days, n, t_last, &s, &d, &r, dr);
      pyprep_fsrs_init_memory (p, grades[0], &m);
      for (guint i = 1; i < n; i++)
        pyprep_fsrs_next_memory (p, &m, days[i], grades[i], &m);

      assert_near_rel (s, m.stability, 1e-9, "stability");
      assert_near_rel (d, m.difficulty, 1e-9, "difficulty");
      assert_near_rel (r, pyprep_fsrs_retrievability (p, t_last, m.stability), 1e-9, "R");

      for (guint j = 0; j < PYPREP_FSRS_N_PARAMS; j++)
        {
          PyprepFsrsParams plus = *p, minus = *p;
          double h = 1e-6 * MAX (1.0, fabs (p->w[j]));
          double s2, d2, r_plus, r_minus, unused[PYPREP_FSRS_N_PARAMS];

          plus.w[j] += h;
          minus.w[j] -= h;
          pyprep_fsrs_optimizer_walk_dual (&plus, grades, days, n, t_last, &s2, &d2, &r_plus, unused);
          pyprep_fsrs_optimizer_walk_dual (&minus, grades, days, n, t_last, &s2, &d2, &r_minus, unused);
          /* Where a clamp or a min() switches sides within h, the slope
           * is not defined; such draws are rare and skipped. */
          if (fabs ((r_plus - r) - (r - r_minus)) > 1e-9)
            continue;
          if (fabs ((r_plus - r_minus) / (2 * h) - dr[j]) > 1e-5 * MAX (1.0, fabs (dr[j])))
            g_error ("trial %u: dR/dw%u = %.9g, numerically %.9g", trial, j, dr[j],
                     (r_plus - r_minus) / (2 * h));
        }
    }
}

/* The initial stabilities are put in order and the missing ones filled.
 * Source of the first case: fsrs-rs, src/pre_training.rs,
 * test_smooth_and_fill (Again 0.4, Good 2.3, Easy 10.9: Hard 0.8052433).
 * The others follow from the same two log-space ratios. */
static void
test_smooth_and_fill (void)
{
  const double *start = pyprep_fsrs_default_params ()->w;
  double ones[4] = { 1, 1, 1, 1 };
  double s0[4] = { 0.4, 0, 2.3, 10.9 };
  gboolean known[4] = { TRUE, FALSE, TRUE, TRUE };
  double counts[4] = { 10, 0, 1, 0 };

  pyprep_fsrs_optimizer_smooth_and_fill (s0, known, ones, start);
  assert_near_rel (s0[0], 0.4, 1e-12, "Again");
  assert_near_rel (s0[1], 0.8052433, 1e-6, "Hard, filled");
  assert_near_rel (s0[2], 2.3, 1e-12, "Good");
  assert_near_rel (s0[3], 10.9, 1e-12, "Easy");

  /* Only Hard known: the start values scaled to it. */
  s0[1] = 2 * start[1];
  known[0] = known[2] = known[3] = FALSE;
  known[1] = TRUE;
  pyprep_fsrs_optimizer_smooth_and_fill (s0, known, ones, start);
  for (guint i = 0; i < 4; i++)
    assert_near_rel (s0[i], 2 * start[i], 1e-12, "scaled");

  /* Again above Good: Again has more cards, so Good takes its value;
   * Hard and Easy follow. */
  s0[0] = 5.0;
  s0[2] = 3.0;
  known[0] = known[2] = TRUE;
  known[1] = known[3] = FALSE;
  pyprep_fsrs_optimizer_smooth_and_fill (s0, known, counts, start);
  assert_near_rel (s0[0], 5.0, 1e-12, "Again");
  assert_near_rel (s0[2], 5.0, 1e-12, "Good");
  assert_near_rel (s0[1], 5.0, 1e-12, "Hard");
  assert_near_rel (s0[3], 5.0, 1e-12, "Easy");

  /* Only Again and Easy: Hard and Good in between, in order. */
  s0[0] = 0.5;
  s0[3] = 20.0;
  known[0] = known[3] = TRUE;
  known[1] = known[2] = FALSE;
  pyprep_fsrs_optimizer_smooth_and_fill (s0, known, ones, start);
  g_assert_cmpfloat (s0[0], <, s0[1]);
  g_assert_cmpfloat (s0[1], <, s0[2]);
  g_assert_cmpfloat (s0[2], <, s0[3]);
  assert_near_rel (log (s0[1]), 0.6 * log (s0[0]) + 0.4 * log (s0[2]), 1e-12, "Hard ratio");
  assert_near_rel (log (s0[2]), 0.4 * log (s0[1]) + 0.6 * log (s0[3]), 1e-12, "Good ratio");

  /* Nothing known: the start. */
  memset (known, 0, sizeof known);
  pyprep_fsrs_optimizer_smooth_and_fill (s0, known, ones, start);
  g_assert_cmpmem (s0, sizeof s0, start, sizeof s0);
}

/* RMSE(bins) and log loss on a log small enough to count by hand. */
static void
test_metrics (void)
{
  g_autoptr(PyprepFsrsHistory) history = pyprep_fsrs_history_new ();
  const PyprepFsrsParams *p = pyprep_fsrs_default_params ();
  PyprepFsrsMetrics metrics, with_targets;
  PyprepFsrsMemory m;
  double r1, r2, targets[2] = { 1.0, 0.0 };

  /* Two cards, Good then 2 days later Good, and Good then 2 days later
   * Again: same bin (2 days, second review, no lapse). */
  for (int i = 0; i < 2; i++)
    {
      pyprep_fsrs_history_add_card (history);
      g_assert_true (pyprep_fsrs_history_add_review (history, 0, 0, 3, NULL));
      g_assert_true (pyprep_fsrs_history_add_review (history, 0, SAME_DAY, 3, NULL));
      g_assert_true (pyprep_fsrs_history_add_review (history, 0, 2, i == 0 ? 3 : 1, NULL));
    }
  g_assert_cmpuint (pyprep_fsrs_history_n_cards (history), ==, 2);
  /* A card started but not reviewed, twice: nothing changes. */
  pyprep_fsrs_history_add_card (history);
  pyprep_fsrs_history_add_card (history);
  g_assert_cmpuint (pyprep_fsrs_history_n_cards (history), ==, 2);
  g_assert_cmpuint (pyprep_fsrs_history_n_reviews (history), ==, 6);
  g_assert_cmpuint (pyprep_fsrs_history_n_evaluated (history), ==, 2);
  g_assert_false (pyprep_fsrs_history_can_optimize (history));

  pyprep_fsrs_init_memory (p, 3, &m);
  pyprep_fsrs_next_memory (p, &m, SAME_DAY, 3, &m);
  r1 = r2 = pyprep_fsrs_retrievability (p, 2, m.stability);

  pyprep_fsrs_evaluate (history, p, NULL, 0, &metrics);
  assert_near_rel (metrics.log_loss, (-log (r1) - log (1 - r2)) / 2, 1e-12, "log loss");
  assert_near_rel (metrics.rmse_bins, fabs (0.5 - r1), 1e-12, "RMSE(bins)");

  pyprep_fsrs_evaluate (history, p, targets, 2, &with_targets);
  g_assert_cmpfloat (with_targets.log_loss, ==, metrics.log_loss);
  g_assert_cmpfloat (with_targets.rmse_bins, ==, metrics.rmse_bins);
}

/* Nothing to fit on, or not enough, or a review that cannot be: a clear
 * error, and never a parameter set with a NaN in it. */
static void
test_bad_input (void)
{
  g_autoptr(PyprepFsrsHistory) history = pyprep_fsrs_history_new ();
  g_autoptr(GError) error = NULL;
  PyprepFsrsFit result, untouched;
  PyprepFsrsParams nan_start = *pyprep_fsrs_default_params ();
  Log log = { 0 };

  memset (&result, 0x5a, sizeof result);
  untouched = result;

  g_assert_false (pyprep_fsrs_optimize (history, pyprep_fsrs_default_params (), NULL, NULL, NULL,
                                        &result, &error));
  g_assert_error (error, PYPREP_FSRS_OPTIMIZER_ERROR, PYPREP_FSRS_OPTIMIZER_ERROR_NOT_ENOUGH_REVIEWS);
  g_assert_nonnull (strstr (error->message, "400"));
  g_assert_cmpmem (&result, sizeof result, &untouched, sizeof untouched);
  g_clear_error (&error);

  pyprep_fsrs_history_add_card (history);
  g_assert_false (pyprep_fsrs_history_add_review (history, 0, 0, 0, &error));
  g_assert_error (error, PYPREP_FSRS_OPTIMIZER_ERROR, PYPREP_FSRS_OPTIMIZER_ERROR_INVALID_REVIEW);
  g_clear_error (&error);
  g_assert_false (pyprep_fsrs_history_add_review (history, 0, 0, 5, &error));
  g_assert_error (error, PYPREP_FSRS_OPTIMIZER_ERROR, PYPREP_FSRS_OPTIMIZER_ERROR_INVALID_REVIEW);
  g_clear_error (&error);
  /* A first review has no time since the one before. */
  g_assert_true (pyprep_fsrs_history_add_review (history, 0, NAN, 3, &error));
  g_assert_no_error (error);
  g_assert_false (pyprep_fsrs_history_add_review (history, 0, NAN, 3, &error));
  g_assert_error (error, PYPREP_FSRS_OPTIMIZER_ERROR, PYPREP_FSRS_OPTIMIZER_ERROR_INVALID_REVIEW);
  g_clear_error (&error);
  g_assert_false (pyprep_fsrs_history_add_review (history, 0, -3, 3, &error));
  g_assert_error (error, PYPREP_FSRS_OPTIMIZER_ERROR, PYPREP_FSRS_OPTIMIZER_ERROR_INVALID_REVIEW);
  g_clear_error (&error);
  g_assert_cmpuint (pyprep_fsrs_history_n_reviews (history), ==, 1);

  /* One judged review short of the threshold, then at it. */
  for (guint i = 0; i < PYPREP_FSRS_OPTIMIZER_MIN_REVIEWS - 1; i++)
    g_assert_true (pyprep_fsrs_history_add_review (history, i, 3, i % 5 ? 3 : 1, NULL));
  g_assert_false (pyprep_fsrs_history_can_optimize (history));
  g_assert_false (pyprep_fsrs_optimize (history, pyprep_fsrs_default_params (), NULL, NULL, NULL,
                                        &result, &error));
  g_assert_error (error, PYPREP_FSRS_OPTIMIZER_ERROR, PYPREP_FSRS_OPTIMIZER_ERROR_NOT_ENOUGH_REVIEWS);
  g_clear_error (&error);
  g_assert_true (pyprep_fsrs_history_add_review (history, 500, 3, 3, NULL));
  g_assert_true (pyprep_fsrs_history_can_optimize (history));
  /* A single card: nothing for the initial stabilities but its first
   * wait, which is fine. */
  fit (history, &result);

  /* A start with a NaN is taken as the defaults there. */
  generate_odd (50, 12, 0, 5, &log);
  nan_start.w[9] = NAN;
  g_assert_true (pyprep_fsrs_optimize (log.history, &nan_start, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_true (pyprep_fsrs_params_valid (&result.params));
  g_assert_true (isfinite (result.before.log_loss) && isfinite (result.after.log_loss));
  log_clear (&log);
}

typedef struct
{
  GMainLoop    *loop;
  GCancellable *cancellable;
  double        last;
  guint         reports;
  gboolean      done;
  gboolean      ok;
  GError       *error;
  PyprepFsrsFit fit;
} AsyncState;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  AsyncState *state = user_data;

  /* On the main thread, in order, never after the end. */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_false (state->done);
  g_assert_cmpfloat (fraction, >=, state->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  state->last = fraction;
  state->reports++;
}

static void
optimized_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AsyncState *state = user_data;

  g_assert_null (source);
  state->ok = pyprep_fsrs_optimize_finish (result, &state->fit, &state->error);
  state->done = TRUE;
  g_main_loop_quit (state->loop);
}

/* On a worker: the window gets progress and then the fit. */
static void
test_async (void)
{
  Log log = { 0 };
  AsyncState state = { 0 };

  generate (pyprep_fsrs_default_params (), pyprep_fsrs_default_params (), 600, 365, 21, &log);
  state.loop = g_main_loop_new (NULL, FALSE);
  state.cancellable = g_cancellable_new ();

  pyprep_fsrs_optimize_async (log.history, pyprep_fsrs_default_params (), state.cancellable,
                              progress_cb, &state, optimized_cb, &state);
  /* The log was copied. */
  log_clear (&log);
  g_main_loop_run (state.loop);

  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_assert_true (pyprep_fsrs_params_valid (&state.fit.params));
  g_assert_cmpuint (state.reports, >, 0);
  g_assert_cmpfloat (state.last, ==, 1.0);

  g_main_loop_unref (state.loop);
  g_object_unref (state.cancellable);
}

static void
cancel_at_fifth_cb (double   fraction,
                    gpointer user_data)
{
  GCancellable *cancellable = user_data;

  g_assert_false (g_cancellable_is_cancelled (cancellable));
  if (fraction >= 0.2)
    g_cancellable_cancel (cancellable);
}

/* Cancel in the middle: the fit stops, says it was cancelled, and gives
 * no parameters. Cancelled from its own progress report, so that it is
 * surely in the middle; the report after the cancel would fail. */
static void
test_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Log log = { 0 };
  PyprepFsrsFit result, untouched;

  generate (&true_params, pyprep_fsrs_default_params (), 2000, 365, 22, &log);
  memset (&result, 0x5a, sizeof result);
  untouched = result;

  g_assert_false (pyprep_fsrs_optimize (log.history, pyprep_fsrs_default_params (), cancellable,
                                        cancel_at_fifth_cb, cancellable, &result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpmem (&result, sizeof result, &untouched, sizeof untouched);
  log_clear (&log);
}

/* The same on the worker thread, cancelled as soon as it is started:
 * the window gets the cancellation and no parameters. */
static void
test_cancel_async (void)
{
  Log log = { 0 };
  AsyncState state = { 0 };
  PyprepFsrsFit untouched;

  generate (&true_params, pyprep_fsrs_default_params (), 2000, 365, 22, &log);
  state.loop = g_main_loop_new (NULL, FALSE);
  state.cancellable = g_cancellable_new ();
  memset (&state.fit, 0x5a, sizeof state.fit);
  untouched = state.fit;

  pyprep_fsrs_optimize_async (log.history, pyprep_fsrs_default_params (), state.cancellable,
                              progress_cb, &state, optimized_cb, &state);
  g_cancellable_cancel (state.cancellable);
  g_main_loop_run (state.loop);

  g_assert_false (state.ok);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpmem (&state.fit, sizeof state.fit, &untouched, sizeof untouched);

  g_clear_error (&state.error);
  g_main_loop_unref (state.loop);
  g_object_unref (state.cancellable);
  log_clear (&log);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/fsrs-optimizer/gradient", test_gradient);
  g_test_add_func ("/pyprep/fsrs-optimizer/metrics", test_metrics);
  g_test_add_func ("/pyprep/fsrs-optimizer/smooth-and-fill", test_smooth_and_fill);
  g_test_add_func ("/pyprep/fsrs-optimizer/is-better", test_is_better);
  g_test_add_func ("/pyprep/fsrs-optimizer/bad-input", test_bad_input);
  g_test_add_data_func ("/pyprep/fsrs-optimizer/recovers-truth", &true_params, test_recovers_truth);
  g_test_add_data_func ("/pyprep/fsrs-optimizer/recovers-truth-far", &far_params,
                        test_recovers_truth);
  g_test_add_func ("/pyprep/fsrs-optimizer/never-worse", test_never_worse);
  g_test_add_func ("/pyprep/fsrs-optimizer/async", test_async);
  g_test_add_func ("/pyprep/fsrs-optimizer/cancel", test_cancel);
  g_test_add_func ("/pyprep/fsrs-optimizer/cancel-async", test_cancel_async);

  return g_test_run ();
}
