/* bench-fsrs-optimizer.c: how long fitting FSRS-6 to a review log takes,
 * on a generated log of 100,000 reviews over 2,000 cards (issue #23 asks
 * for under 30 s), against an empty log and the smallest log that can be
 * fitted, in the same run; then how soon Cancel stops a fit of the large
 * log on the worker thread.
 *
 * The generated learner's memory follows parameters other than the
 * defaults; cards are scheduled with the defaults at 90% retention, no
 * interval beyond 30 days, so that each card gets its 50 reviews.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <stdio.h>

#include "pyprep-fsrs.h"
#include "pyprep-fsrs-optimizer.h"

#define CARDS 2000
#define REVIEWS_PER_CARD 50
#define MAX_INTERVAL 30.0

static const PyprepFsrsParams learner = {
  {
    0.4, 1.0, 3.2, 12.0, 7.0, 0.6, 2.2, 0.02, 1.6, 0.2, 1.0,
    1.8, 0.08, 0.3, 1.9, 0.5, 2.2, 0.5, 0.1, 0.1, 0.35,
  }
};

static void
add (PyprepFsrsHistory *history,
     gint64             time,
     double             elapsed,
     int                rating)
{
  g_autoptr(GError) error = NULL;

  if (!pyprep_fsrs_history_add_review (history, time, elapsed, rating, &error))
    g_error ("%s", error->message);
}

static PyprepFsrsHistory *
generate (guint cards,
          guint per_card)
{
  const PyprepFsrsParams *defaults = pyprep_fsrs_default_params ();
  PyprepFsrsHistory *history = pyprep_fsrs_history_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint c = 0; c < cards; c++)
    {
      PyprepFsrsMemory truth, model;
      gint64 day = g_rand_int_range (rand, 0, 365);
      int rating = g_rand_int_range (rand, 1, 5);

      pyprep_fsrs_history_add_card (history);
      add (history, day * 86400 + c, 0, rating);
      pyprep_fsrs_init_memory (&learner, rating, &truth);
      pyprep_fsrs_init_memory (defaults, rating, &model);

      for (guint n = 1; n < per_card; n++)
        {
          double ivl, r;

          if (rating == 1)
            {
              ivl = 10.0 / (24 * 60);
              rating = 3;
            }
          else
            {
              ivl = pyprep_fsrs_interval_days (defaults, model.stability, 0.9)
                    * g_rand_double_range (rand, 0.85, 1.15);
              ivl = CLAMP (round (ivl), 1.0, MAX_INTERVAL);
              r = pyprep_fsrs_retrievability (&learner, ivl, truth.stability);
              rating = g_rand_double (rand) >= r ? 1 : g_rand_int_range (rand, 2, 5);
              day += (gint64) ivl;
            }

          add (history, day * 86400 + c + n, ivl, rating);
          pyprep_fsrs_next_memory (&learner, &truth, ivl, rating, &truth);
          pyprep_fsrs_next_memory (defaults, &model, ivl, rating, &model);
        }
    }

  return history;
}

/* The smallest log that is fitted: one card per judged review. */
static PyprepFsrsHistory *
generate_minimal (void)
{
  PyprepFsrsHistory *history = pyprep_fsrs_history_new ();

  for (guint c = 0; c < PYPREP_FSRS_OPTIMIZER_MIN_REVIEWS; c++)
    {
      pyprep_fsrs_history_add_card (history);
      add (history, c, 0, 3);
      add (history, 86400 * 3 + c, 3, c % 10 ? 3 : 1);
    }

  return history;
}

static double
time_fit (const char              *name,
          const PyprepFsrsHistory *history)
{
  g_autoptr(GError) error = NULL;
  PyprepFsrsFit fit;
  gint64 start = g_get_monotonic_time ();
  gboolean ok;
  double seconds;

  ok = pyprep_fsrs_optimize (history, pyprep_fsrs_default_params (), NULL, NULL, NULL, &fit, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;

  if (ok)
    printf ("%-8s %3u cards %6u reviews: fit in %7.3f s; log loss %.4f -> %.4f, "
            "RMSE(bins) %.4f -> %.4f%s\n",
            name, pyprep_fsrs_history_n_cards (history), pyprep_fsrs_history_n_reviews (history),
            seconds, fit.before.log_loss, fit.after.log_loss, fit.before.rmse_bins,
            fit.after.rmse_bins, pyprep_fsrs_fit_is_better (&fit) ? ", kept" : ", not kept");
  else
    printf ("%-8s %3u cards %6u reviews: refused in %7.3f s (%s)\n",
            name, pyprep_fsrs_history_n_cards (history), pyprep_fsrs_history_n_reviews (history),
            seconds, error->message);

  return seconds;
}

typedef struct
{
  GMainLoop    *loop;
  GCancellable *cancellable;
  gint64        cancelled;
  gint64        done;
} CancelRun;

static void
cancelled_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CancelRun *run = user_data;
  g_autoptr(GError) error = NULL;
  PyprepFsrsFit fit;

  run->done = g_get_monotonic_time ();
  if (pyprep_fsrs_optimize_finish (result, &fit, &error)
      || !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_error ("the fit was not cancelled");
  g_main_loop_quit (run->loop);
}

static gboolean
cancel_cb (gpointer user_data)
{
  CancelRun *run = user_data;

  run->cancelled = g_get_monotonic_time ();
  g_cancellable_cancel (run->cancellable);
  return G_SOURCE_REMOVE;
}

/* Seconds from Cancel, a quarter of a second into a fit on the worker
 * thread, to the window being told. */
static double
time_cancel (const PyprepFsrsHistory *history)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CancelRun run = { g_main_loop_new (NULL, FALSE), cancellable, 0, 0 };

  pyprep_fsrs_optimize_async (history, pyprep_fsrs_default_params (), cancellable, NULL, NULL,
                              cancelled_cb, &run);
  g_timeout_add (250, cancel_cb, &run);
  g_main_loop_run (run.loop);
  g_main_loop_unref (run.loop);

  return (run.done - run.cancelled) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PyprepFsrsHistory) empty = pyprep_fsrs_history_new ();
  g_autoptr(PyprepFsrsHistory) minimal = generate_minimal ();
  g_autoptr(PyprepFsrsHistory) large = NULL;
  gint64 start = g_get_monotonic_time ();
  double large_seconds;

  large = generate (CARDS, REVIEWS_PER_CARD);
  printf ("generated %u reviews over %u cards in %.3f s\n", pyprep_fsrs_history_n_reviews (large),
          pyprep_fsrs_history_n_cards (large), (g_get_monotonic_time () - start) / 1e6);

  time_fit ("empty", empty);
  time_fit ("minimal", minimal);
  large_seconds = time_fit ("large", large);

  printf ("large log: %.3f s of the 30 s allowed\n", large_seconds);
  printf ("cancel:   the fit of the large log stopped %.4f s after Cancel\n", time_cancel (large));
  return large_seconds < 30.0 ? 0 : 1;
}
