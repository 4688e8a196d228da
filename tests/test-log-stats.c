/* test-log-stats.c: the statistics read from the review log: true
 * retention counts only the reviews of cards in review, and the workload
 * forecast moves with the desired retention.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "pyprep-log-stats.h"

#define DAY ((gint64)24 * 60 * 60)
/* Thursday 2026-11-26 12:00 UTC */
#define NOW ((gint64)1795694400)

static PyprepReviewEntry *
grade (const char       *card,
       PyprepReviewKind  kind,
       int               rating,
       gint64            when)
{
  PyprepReviewEntry *entry = pyprep_review_entry_new ();

  entry->card = g_strdup (card);
  entry->kind = kind;
  entry->rating = rating;
  entry->time = when * 1000;
  return entry;
}

/* A card already in review, as migrated from before the log. */
static PyprepReviewEntry *
in_review (const char *card,
           gint64      when)
{
  PyprepReviewEntry *entry = grade (card, PYPREP_REVIEW_KIND_STATE, 0, when);

  entry->state.stability = 30;
  entry->state.difficulty = 5;
  entry->state.reps = 3;
  entry->state.last_review = when;
  entry->state.due = when + 30 * DAY;
  entry->state.phase = PYPREP_CARD_PHASE_REVIEW;
  return entry;
}

static int
by_time (gconstpointer a,
         gconstpointer b)
{
  const PyprepReviewEntry *x = *(PyprepReviewEntry * const *)a, *y = *(PyprepReviewEntry * const *)b;

  return x->time < y->time ? -1 : x->time > y->time;
}

/* The hand-made log; its true retention is worked out in the test. */
static GPtrArray *
sample_log (void)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify)pyprep_review_entry_free);
  PyprepReviewEntry *reset;

  g_ptr_array_add (entries, in_review ("c1", NOW - 100 * DAY));
  g_ptr_array_add (entries, in_review ("c2", NOW - 100 * DAY));
  g_ptr_array_add (entries, in_review ("exercise:c3", NOW - 100 * DAY));
  g_ptr_array_add (entries, in_review ("c4", NOW - 100 * DAY));

  /* c1: counted on days -50 (pass), -20 (fail), -3 (pass); the relearning
   * step on day -20 is not. */
  g_ptr_array_add (entries, grade ("c1", PYPREP_REVIEW_KIND_RECALL, 3, NOW - 50 * DAY));
  g_ptr_array_add (entries, grade ("c1", PYPREP_REVIEW_KIND_RECALL, 1, NOW - 20 * DAY));
  g_ptr_array_add (entries, grade ("c1", PYPREP_REVIEW_KIND_RECALL, 3, NOW - 20 * DAY + 15 * 60));
  g_ptr_array_add (entries, grade ("c1", PYPREP_REVIEW_KIND_RECALL, 3, NOW - 3 * DAY));
  /* c2, graded in mock interviews: day -95 is beyond 90 days; Hard passes. */
  g_ptr_array_add (entries, grade ("c2", PYPREP_REVIEW_KIND_MOCK, 3, NOW - 95 * DAY));
  g_ptr_array_add (entries, grade ("c2", PYPREP_REVIEW_KIND_MOCK, 2, NOW - 10 * DAY));
  /* An exercise counts as a card of its own. */
  g_ptr_array_add (entries, grade ("exercise:c3", PYPREP_REVIEW_KIND_EXERCISE, 4, NOW - 1 * DAY));
  /* n1 is new on day -2: its first grade and learning steps are not
   * counted, nor a second review that day; the next day's Again is. */
  g_ptr_array_add (entries, grade ("n1", PYPREP_REVIEW_KIND_RECALL, 3, NOW - 2 * DAY));
  g_ptr_array_add (entries, grade ("n1", PYPREP_REVIEW_KIND_RECALL, 3, NOW - 2 * DAY + 15 * 60));
  g_ptr_array_add (entries, grade ("n1", PYPREP_REVIEW_KIND_RECALL, 3, NOW - 2 * DAY + 2 * 60 * 60));
  g_ptr_array_add (entries, grade ("n1", PYPREP_REVIEW_KIND_RECALL, 1, NOW - 1 * DAY));
  /* c4 passes on day -6, then is reset: its next grade is a first one. */
  g_ptr_array_add (entries, grade ("c4", PYPREP_REVIEW_KIND_RECALL, 3, NOW - 6 * DAY));
  reset = grade ("c4", PYPREP_REVIEW_KIND_STATE, 0, NOW - 4 * DAY);
  g_ptr_array_add (entries, reset);
  g_ptr_array_add (entries, grade ("c4", PYPREP_REVIEW_KIND_RECALL, 3, NOW - 2 * DAY - 60 * 60));

  g_ptr_array_sort (entries, by_time);
  return entries;
}

static void
test_true_retention (void)
{
  g_autoptr(GPtrArray) entries = sample_log ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GHashTable) states = NULL;
  PyprepSchedulerConfig config;
  PyprepLogStats stats = { 0 };
  double share;

  pyprep_scheduler_config_init (&config);
  pyprep_log_stats_true_retention (&stats, entries, &config, utc, NOW, &states);

  g_assert_cmpuint (stats.n_grades, ==, 13);
  /* c1 -20 fail, c1 -3 pass, c2 -10 pass, c3 -1 pass, n1 -1 fail, c4 -6 pass */
  g_assert_cmpuint (stats.last_30.total, ==, 6);
  g_assert_cmpuint (stats.last_30.passed, ==, 4);
  /* and c1 -50 pass */
  g_assert_cmpuint (stats.last_90.total, ==, 7);
  g_assert_cmpuint (stats.last_90.passed, ==, 5);
  g_assert_true (pyprep_retention_count_get_share (&stats.last_30, &share));
  g_assert_cmpfloat_with_epsilon (share, 4.0 / 6, 1e-9);

  /* This week: c1, c3, n1, c4; the week before: c2; then c1's fail, and
   * day -50 in the 8th week back. */
  g_assert_cmpuint (stats.weeks[12].total, ==, 4);
  g_assert_cmpuint (stats.weeks[12].passed, ==, 3);
  g_assert_cmpuint (stats.weeks[11].total, ==, 1);
  g_assert_cmpuint (stats.weeks[11].passed, ==, 1);
  g_assert_cmpuint (stats.weeks[10].total, ==, 1);
  g_assert_cmpuint (stats.weeks[10].passed, ==, 0);
  g_assert_cmpuint (stats.weeks[5].total, ==, 1);
  g_assert_cmpuint (stats.weeks[0].total, ==, 0);
  g_assert_false (pyprep_retention_count_get_share (&stats.weeks[0], &share));

  /* Every practised card has its state, in the phase the grades left. */
  g_assert_cmpuint (g_hash_table_size (states), ==, 5);
  g_assert_cmpint (pyprep_review_state_get_phase (g_hash_table_lookup (states, "c1")), ==,
                   PYPREP_CARD_PHASE_REVIEW);
}

static void
test_true_retention_empty (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  PyprepSchedulerConfig config;
  g_autoptr(PyprepLogStats) stats = NULL;

  pyprep_scheduler_config_init (&config);
  stats = pyprep_log_stats_compute (entries, NULL, &config, utc, NOW);
  g_assert_cmpuint (stats->n_grades, ==, 0);
  g_assert_cmpuint (stats->last_90.total, ==, 0);
  g_assert_cmpuint (stats->n_cards, ==, 0);
  for (guint i = 0; i < PYPREP_LOG_STATS_FORECAST_DAYS; i++)
    g_assert_cmpuint (stats->forecast[0][i], ==, 0);
}

static void
test_retentions (void)
{
  double r[PYPREP_LOG_STATS_N_RETENTIONS];

  pyprep_log_stats_retentions (0.90, r);
  g_assert_cmpfloat_with_epsilon (r[0], 0.90, 1e-9);
  g_assert_cmpfloat_with_epsilon (r[1], 0.85, 1e-9);
  g_assert_cmpfloat_with_epsilon (r[2], 0.95, 1e-9);

  /* At the ends of the range, both others are on the one side left. */
  pyprep_log_stats_retentions (0.97, r);
  g_assert_cmpfloat_with_epsilon (r[0], 0.97, 1e-9);
  g_assert_cmpfloat_with_epsilon (r[1], 0.87, 1e-9);
  g_assert_cmpfloat_with_epsilon (r[2], 0.92, 1e-9);
  pyprep_log_stats_retentions (0.70, r);
  g_assert_cmpfloat_with_epsilon (r[1], 0.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (r[2], 0.80, 1e-9);

  /* Near an end, the other is clamped to it. */
  pyprep_log_stats_retentions (0.94, r);
  g_assert_cmpfloat_with_epsilon (r[1], 0.89, 1e-9);
  g_assert_cmpfloat_with_epsilon (r[2], 0.97, 1e-9);
}

static void
add_state (GHashTable        *states,
           const char        *card,
           PyprepCardPhase    phase,
           double             stability,
           gint64             last_review,
           gint64             due)
{
  PyprepReviewState *state = g_new0 (PyprepReviewState, 1);

  state->stability = stability;
  state->difficulty = 5;
  state->reps = phase == PYPREP_CARD_PHASE_NEW ? 0 : 4;
  state->phase = phase;
  state->last_review = last_review;
  state->due = due;
  g_hash_table_insert (states, g_strdup (card), state);
}

static guint
first_day (const guint counts[PYPREP_LOG_STATS_FORECAST_DAYS])
{
  for (guint i = 0; i < PYPREP_LOG_STATS_FORECAST_DAYS; i++)
    if (counts[i] > 0)
      return i;
  return G_MAXUINT;
}

static guint
total (const guint counts[PYPREP_LOG_STATS_FORECAST_DAYS])
{
  guint sum = 0;

  for (guint i = 0; i < PYPREP_LOG_STATS_FORECAST_DAYS; i++)
    sum += counts[i];
  return sum;
}

/* One card with a stability of 10 days, reviewed today: at 90% it is due
 * in 10 days, since stability is the time for recall to fall to 90%;
 * asking for more brings it closer, asking for less pushes it away. */
static void
test_forecast_one_card (void)
{
  g_autoptr(GHashTable) states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  PyprepSchedulerConfig config;
  guint at90[PYPREP_LOG_STATS_FORECAST_DAYS];
  guint at95[PYPREP_LOG_STATS_FORECAST_DAYS];
  guint at85[PYPREP_LOG_STATS_FORECAST_DAYS];

  pyprep_scheduler_config_init (&config);
  add_state (states, "a", PYPREP_CARD_PHASE_REVIEW, 10, NOW, NOW + 10 * DAY);

  pyprep_log_stats_forecast (states, &config, 0.90, utc, NOW, at90);
  pyprep_log_stats_forecast (states, &config, 0.95, utc, NOW, at95);
  pyprep_log_stats_forecast (states, &config, 0.85, utc, NOW, at85);

  g_assert_cmpuint (first_day (at90), ==, 10);
  g_assert_cmpuint (at90[10], ==, 1);
  g_assert_cmpuint (first_day (at95), <, 10);
  g_assert_cmpuint (first_day (at85), >, 10);
  g_assert_cmpuint (total (at95), >=, total (at90));
  g_assert_cmpuint (total (at90), >=, total (at85));

  /* At the desired retention, a card keeps the due day it was given
   * (fuzz, load balancing), as the Reviews Due chart shows it. */
  add_state (states, "a", PYPREP_CARD_PHASE_REVIEW, 10, NOW, NOW + 8 * DAY);
  pyprep_log_stats_forecast (states, &config, 0.90, utc, NOW, at90);
  g_assert_cmpuint (first_day (at90), ==, 8);
  pyprep_log_stats_forecast (states, &config, 0.85, utc, NOW, at85);
  g_assert_cmpuint (first_day (at85), >, 10);
}

/* A learning card is seen today at its step, an overdue card today, a
 * new card never; the load grows with the desired retention. */
static void
test_forecast_states (void)
{
  g_autoptr(GHashTable) states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  PyprepSchedulerConfig config;
  guint counts[PYPREP_LOG_STATS_FORECAST_DAYS];
  guint previous = 0;

  pyprep_scheduler_config_init (&config);
  add_state (states, "new", PYPREP_CARD_PHASE_NEW, 0, 0, 0);
  pyprep_log_stats_forecast (states, &config, 0.9, utc, NOW, counts);
  g_assert_cmpuint (total (counts), ==, 0);

  add_state (states, "learning", PYPREP_CARD_PHASE_LEARNING, 1, NOW - 60, NOW + 600);
  add_state (states, "overdue", PYPREP_CARD_PHASE_REVIEW, 2, NOW - 40 * DAY, NOW - 38 * DAY);
  pyprep_log_stats_forecast (states, &config, 0.9, utc, NOW, counts);
  g_assert_cmpuint (counts[0], >=, 2);

  /* Many cards: more retention, more reviews. */
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *card = g_strdup_printf ("card-%u", i);

      /* Due where the scheduler put it at 90%: after its stability. */
      add_state (states, card, PYPREP_CARD_PHASE_REVIEW, 1 + i % 40, NOW - (i % 10) * DAY,
                 NOW - (i % 10) * DAY + (1 + i % 40) * DAY);
    }
  /* From 80% up; below, the extra lapses' relearning can cost more than
   * the longer intervals save (the minimum of FSRS's workload curve). */
  for (double r = 0.80; r < 0.975; r += 0.05)
    {
      pyprep_log_stats_forecast (states, &config, r, utc, NOW, counts);
      g_assert_cmpuint (total (counts), >=, previous);
      previous = total (counts);
    }
  pyprep_log_stats_forecast (states, &config, 0.85, utc, NOW, counts);
  g_assert_cmpuint (previous, >, total (counts));
}

static void
compute_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  PyprepLogStats **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = pyprep_log_stats_compute_finish (result, &error);
  g_assert_no_error (error);
}

/* The worker reads the log file itself and gets what the sync path gets. */
static void
test_compute_async (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pyprep-log-stats-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "review-log.sqlite", NULL);
  g_autoptr(GPtrArray) entries = sample_log ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepReviewLog) log = pyprep_review_log_new (path, &error);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (NOW);
  g_autoptr(PyprepLogStats) expected = NULL;
  g_autoptr(PyprepLogStats) stats = NULL;
  PyprepSchedulerConfig config;

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      PyprepReviewEntry *entry = entries->pdata[i];

      g_free (entry->installation);
      entry->installation = g_strdup (pyprep_review_log_get_installation (log));
    }
  g_assert_true (pyprep_review_log_merge (log, entries, NULL, &error));
  g_assert_no_error (error);

  pyprep_scheduler_config_init (&config);
  config.desired_retention = 0.92;
  expected = pyprep_log_stats_compute (entries, NULL, &config, utc, NOW);
  pyprep_log_stats_compute_async (path, NULL, &config, now, NULL, compute_cb, &stats);
  while (stats == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (stats->n_grades, ==, 13);
  g_assert_cmpuint (stats->last_30.passed, ==, expected->last_30.passed);
  g_assert_cmpuint (stats->last_30.total, ==, expected->last_30.total);
  g_assert_cmpuint (stats->last_90.total, ==, expected->last_90.total);
  g_assert_cmpfloat_with_epsilon (stats->retentions[0], 0.92, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats->retentions[1], 0.87, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats->retentions[2], 0.97, 1e-9);
  g_assert_cmpuint (stats->n_cards, ==, 5);
  g_assert_cmpmem (stats->forecast, sizeof stats->forecast, expected->forecast, sizeof expected->forecast);

  g_clear_object (&log);
  {
    const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/log-stats/true-retention", test_true_retention);
  g_test_add_func ("/pyprep/log-stats/true-retention-empty", test_true_retention_empty);
  g_test_add_func ("/pyprep/log-stats/retentions", test_retentions);
  g_test_add_func ("/pyprep/log-stats/forecast-one-card", test_forecast_one_card);
  g_test_add_func ("/pyprep/log-stats/forecast-states", test_forecast_states);
  g_test_add_func ("/pyprep/log-stats/compute-async", test_compute_async);

  return g_test_run ();
}
