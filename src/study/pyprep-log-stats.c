/* pyprep-log-stats.c: the statistics read from the review log.
 *
 * True retention is the share of reviews passed among the reviews of
 * cards in review, as in Anki's "true retention" table. A grade counts
 * when, replayed through the scheduler, its card was in the review phase
 * and had last been graded on an earlier local day. So these are left
 * out: a card's first grade (it was new), the grades of the learning and
 * relearning steps, and a second grade on the same day. A mock
 * interview's grade is a grade of the question's recall card and counts
 * as one; an exercise is a card of its own and counts the same way. A
 * grade passes when it is Hard, Good or Easy (rating > 1). State entries
 * (carried states, imports, resets) are not grades: they set the card's
 * state and are never counted.
 *
 * The workload forecast simulates the scheduler forward for 30 days from
 * each card's current state (the study record's, as the Reviews Due chart
 * and the practice queue see it; or, without one, as the log replays),
 * once per desired retention. The model:
 * - at the desired retention, a card keeps the due time it has. At
 *   another, a card in review keeps its place in its interval, as if it
 *   had been scheduled at that retention all along: the time left until
 *   it is due is scaled by the scheduler's interval at that retention
 *   over its current interval (so a lower retention moves it later, a
 *   higher one earlier). Scaling what is left, rather than counting from
 *   the last review, does not invent a backlog of cards that a higher
 *   retention would have made due already. A card already due stays due
 *   today; a card in (re)learning keeps the due time of its step;
 * - every review falls on its due day, an overdue one today;
 * - reviews pass at the desired retention rate: one review in every
 *   1 / (1 - retention) is graded Again and the others Good, spread over
 *   the cards deterministically (error diffusion, cards in id order), so
 *   the same log always gives the same forecast;
 * - no new cards are introduced, no fuzz, no load balancing, and each
 *   review goes through the scheduler with the user's parameters and
 *   steps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-log-stats"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pyprep-log-stats.h"
#include "pyprep-question.h"

#define DAY_SECONDS ((gint64)24 * 60 * 60)
/* A card reviewed more often than this in 30 days is stuck in its steps. */
#define MAX_SIMULATED_REVIEWS 64

typedef struct
{
  PyprepReviewState state;
  gint64            last_day;  /* local day number of its last grade or state */
} Track;

/**
 * pyprep_log_stats_retentions:
 * @desired: the desired retention
 * @retentions: (out caller-allocates) (array fixed-size=3): @desired,
 *   then the two others, lower first
 *
 * The others are 5 points below and above @desired, clamped to the
 * range of the preference; one clamped onto @desired is taken 10 points
 * on the other side instead, so that there are always three.
 */
void
pyprep_log_stats_retentions (double desired,
                             double retentions[PYPREP_LOG_STATS_N_RETENTIONS])
{
  double lower, higher;

  desired = CLAMP (desired, PYPREP_SCHEDULER_RETENTION_MIN, PYPREP_SCHEDULER_RETENTION_MAX);
  lower = MAX (desired - PYPREP_LOG_STATS_RETENTION_STEP, PYPREP_SCHEDULER_RETENTION_MIN);
  higher = MIN (desired + PYPREP_LOG_STATS_RETENTION_STEP, PYPREP_SCHEDULER_RETENTION_MAX);

  if (desired - lower < 0.005)
    {
      lower = higher;
      higher = desired + 2 * PYPREP_LOG_STATS_RETENTION_STEP;
    }
  else if (higher - desired < 0.005)
    {
      higher = lower;
      lower = desired - 2 * PYPREP_LOG_STATS_RETENTION_STEP;
    }

  /* Whole points, so that the labels say what was computed. */
  retentions[0] = round (desired * 100) / 100;
  retentions[1] = round (lower * 100) / 100;
  retentions[2] = round (higher * 100) / 100;
}

/**
 * pyprep_retention_count_get_share:
 * @share: (out): passed / total, 0..1
 *
 * Returns: %FALSE when there is nothing to divide
 */
gboolean
pyprep_retention_count_get_share (const PyprepRetentionCount *count,
                                  double                     *share)
{
  g_return_val_if_fail (count != NULL, FALSE);

  if (count->total == 0)
    {
      if (share)
        *share = 0;
      return FALSE;
    }
  if (share)
    *share = (double)count->passed / count->total;
  return TRUE;
}

static void
count_grade (PyprepRetentionCount *count,
             int                   rating)
{
  count->total++;
  if (rating > PYPREP_GRADE_AGAIN)
    count->passed++;
}

/**
 * pyprep_log_stats_true_retention:
 * @entries: (element-type PyprepReviewEntry): the log in replay order
 * @config: the scheduling to replay with (its load balancing is ignored)
 * @tz: where the local days are
 * @now: Unix seconds
 * @states: (out) (optional) (transfer full) (element-type utf8 PyprepReviewState):
 *   each practised card's state after the log
 *
 * Fills in @stats' grade count and true retention (see the top of the file).
 */
void
pyprep_log_stats_true_retention (PyprepLogStats              *stats,
                                 GPtrArray                   *entries,
                                 const PyprepSchedulerConfig *config,
                                 GTimeZone                   *tz,
                                 gint64                       now,
                                 GHashTable                 **states)
{
  g_autoptr(GHashTable) tracks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  PyprepSchedulerConfig replaying = *config;
  gint64 today;

  g_return_if_fail (stats != NULL);
  g_return_if_fail (entries != NULL);
  g_return_if_fail (tz != NULL);

  replaying.due_count = NULL;
  replaying.due_count_data = NULL;
  today = pyprep_scheduler_day_number (tz, now);

  stats->n_grades = 0;
  memset (&stats->last_30, 0, sizeof stats->last_30);
  memset (&stats->last_90, 0, sizeof stats->last_90);
  memset (stats->weeks, 0, sizeof stats->weeks);

  for (guint i = 0; i < entries->len; i++)
    {
      const PyprepReviewEntry *entry = entries->pdata[i];
      Track *track = g_hash_table_lookup (tracks, entry->card);
      gint64 day;

      if (entry->kind == PYPREP_REVIEW_KIND_STATE)
        {
          if (entry->state.reps == 0)
            {
              g_hash_table_remove (tracks, entry->card);
              continue;
            }
          if (track == NULL)
            {
              track = g_new0 (Track, 1);
              g_hash_table_insert (tracks, entry->card, track);
            }
          track->state = entry->state;
          track->last_day = pyprep_scheduler_day_number (tz, entry->state.last_review);
          continue;
        }

      if (!pyprep_grade_is_valid (entry->rating))
        continue;

      stats->n_grades++;
      day = pyprep_scheduler_day_number (tz, entry->time / 1000);

      if (track != NULL
          && pyprep_review_state_get_phase (&track->state) == PYPREP_CARD_PHASE_REVIEW
          && track->last_day < day
          && day <= today)
        {
          gint64 age = today - day;

          if (age < 30)
            count_grade (&stats->last_30, entry->rating);
          if (age < 90)
            count_grade (&stats->last_90, entry->rating);
          if (age < PYPREP_LOG_STATS_WEEKS * 7)
            count_grade (&stats->weeks[PYPREP_LOG_STATS_WEEKS - 1 - age / 7], entry->rating);
        }

      if (track == NULL)
        {
          track = g_new0 (Track, 1);
          g_hash_table_insert (tracks, entry->card, track);
        }
      pyprep_scheduler_review_full (&replaying, &track->state, (PyprepGrade)entry->rating,
                                    entry->time / 1000, entry->card, &track->state);
      track->last_day = day;
    }

  if (states != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      *states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_iter_init (&iter, tracks);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (*states, g_strdup (key),
                             g_memdup2 (&((Track *)value)->state, sizeof (PyprepReviewState)));
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/**
 * pyprep_log_stats_forecast:
 * @states: (element-type utf8 PyprepReviewState): card id -> current state
 * @config: the user's scheduling
 * @retention: the desired retention to simulate
 * @tz: where the local days are
 * @now: Unix seconds
 * @counts: (out caller-allocates) (array fixed-size=30): reviews on each
 *   day from today
 *
 * Simulates the next 30 days (see the model at the top of the file).
 */
void
pyprep_log_stats_forecast (GHashTable                  *states,
                           const PyprepSchedulerConfig *config,
                           double                       retention,
                           GTimeZone                   *tz,
                           gint64                       now,
                           guint                        counts[PYPREP_LOG_STATS_FORECAST_DAYS])
{
  PyprepSchedulerConfig simulating = *config;
  g_autofree gpointer *ids = NULL;
  guint n_ids = 0;
  double misses = 0;
  gint64 today;

  g_return_if_fail (states != NULL);
  g_return_if_fail (tz != NULL);

  memset (counts, 0, sizeof (guint) * PYPREP_LOG_STATS_FORECAST_DAYS);
  simulating.desired_retention = CLAMP (retention, PYPREP_SCHEDULER_RETENTION_MIN, PYPREP_SCHEDULER_RETENTION_MAX);
  simulating.fuzz = FALSE;
  simulating.due_count = NULL;
  simulating.due_count_data = NULL;
  today = pyprep_scheduler_day_number (tz, now);

  ids = g_hash_table_get_keys_as_array (states, &n_ids);
  qsort (ids, n_ids, sizeof (gpointer), compare_strings);

  for (guint i = 0; i < n_ids; i++)
    {
      const char *card = ids[i];
      PyprepReviewState state = *(const PyprepReviewState *)g_hash_table_lookup (states, card);
      PyprepCardPhase phase = pyprep_review_state_get_phase (&state);
      gint64 due;

      if (phase == PYPREP_CARD_PHASE_NEW)
        continue;

      due = state.due;
      if (phase == PYPREP_CARD_PHASE_REVIEW && due > now
          && fabs (simulating.desired_retention - config->desired_retention) > 1e-6)
        {
          double days = pyprep_fsrs_interval_days (&simulating.params, state.stability,
                                                   simulating.desired_retention);
          gint64 current = MAX (state.due - state.last_review, DAY_SECONDS);

          days = CLAMP (round (days), 1, MAX (simulating.maximum_interval, 1));
          due = now + (gint64)((double)(state.due - now) * days * DAY_SECONDS / current);
        }

      for (guint n = 0; n < MAX_SIMULATED_REVIEWS; n++)
        {
          gint64 when = MAX (due, now);
          gint64 day = pyprep_scheduler_day_number (tz, when) - today;
          PyprepGrade grade = PYPREP_GRADE_GOOD;

          if (day >= PYPREP_LOG_STATS_FORECAST_DAYS)
            break;
          counts[MAX (day, 0)]++;

          misses += 1 - simulating.desired_retention;
          if (misses >= 1 - 1e-9)
            {
              misses -= 1;
              grade = PYPREP_GRADE_AGAIN;
            }
          pyprep_scheduler_review_full (&simulating, &state, grade, when, card, &state);
          due = MAX (state.due, when + 60);
        }
    }
}

/* The average reviews per day of forecast @index over the 30 days. */
double
pyprep_log_stats_forecast_mean (const PyprepLogStats *stats,
                                guint                 index)
{
  guint sum = 0;

  g_return_val_if_fail (stats != NULL, 0);
  g_return_val_if_fail (index < PYPREP_LOG_STATS_N_RETENTIONS, 0);

  for (guint i = 0; i < PYPREP_LOG_STATS_FORECAST_DAYS; i++)
    sum += stats->forecast[index][i];
  return (double)sum / PYPREP_LOG_STATS_FORECAST_DAYS;
}

/**
 * pyprep_log_stats_collect_states:
 *
 * Copies the scheduling state of every practised card of @library's
 * questions (recall, and exercise where there is one), for a forecast on
 * another thread. Cheap: one lookup per card.
 *
 * Returns: (transfer full) (element-type utf8 PyprepReviewState): card id
 *   -> state
 */
GHashTable *
pyprep_log_stats_collect_states (PyprepStudy   *study,
                                 PyprepLibrary *library)
{
  GHashTable *states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) questions = NULL;

  g_return_val_if_fail (PYPREP_IS_STUDY (study), states);
  g_return_val_if_fail (PYPREP_IS_LIBRARY (library), states);

  questions = pyprep_library_list_questions (library);
  for (guint i = 0; i < questions->len; i++)
    {
      const char *id = pyprep_question_get_id (questions->pdata[i]);
      g_autofree char *exercise = pyprep_study_exercise_id (id);
      const char *cards[] = { id, exercise };

      for (guint c = 0; c < G_N_ELEMENTS (cards); c++)
        {
          PyprepReviewState state;

          if (pyprep_study_get_review (study, cards[c], &state) && state.reps > 0)
            g_hash_table_insert (states, g_strdup (cards[c]), g_memdup2 (&state, sizeof state));
        }
    }
  return states;
}

/**
 * pyprep_log_stats_compute:
 * @entries: (element-type PyprepReviewEntry): the whole log in replay order
 * @states: (nullable) (element-type utf8 PyprepReviewState): the cards'
 *   current states for the forecast; %NULL for the states the log replays to
 * @config: the user's scheduling, with the desired retention
 * @now: Unix seconds
 *
 * Everything at once; touches no database and no GSettings, so it runs on
 * any thread.
 *
 * Returns: (transfer full): the figures
 */
PyprepLogStats *
pyprep_log_stats_compute (GPtrArray                   *entries,
                          GHashTable                  *states,
                          const PyprepSchedulerConfig *config,
                          GTimeZone                   *tz,
                          gint64                       now)
{
  PyprepLogStats *stats = g_new0 (PyprepLogStats, 1);
  g_autoptr(GHashTable) replayed = NULL;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (entries != NULL, stats);
  g_return_val_if_fail (config != NULL, stats);

  pyprep_log_stats_retentions (config->desired_retention, stats->retentions);
  pyprep_log_stats_true_retention (stats, entries, config, tz, now, states ? NULL : &replayed);
  if (states == NULL)
    states = replayed;

  g_hash_table_iter_init (&iter, states);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (pyprep_review_state_get_phase (value) != PYPREP_CARD_PHASE_NEW)
      stats->n_cards++;

  for (guint i = 0; i < PYPREP_LOG_STATS_N_RETENTIONS; i++)
    pyprep_log_stats_forecast (states, config, stats->retentions[i], tz, now, stats->forecast[i]);

  return stats;
}

typedef struct
{
  char                  *path;
  GHashTable            *states;
  PyprepSchedulerConfig  config;
  GTimeZone             *tz;
  gint64                 now;
} ComputeData;

static void
compute_data_free (ComputeData *data)
{
  g_free (data->path);
  g_clear_pointer (&data->states, g_hash_table_unref);
  g_time_zone_unref (data->tz);
  g_free (data);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *data = task_data;
  g_autoptr(GPtrArray) entries = NULL;
  GError *error = NULL;

  if (data->path != NULL)
    entries = pyprep_review_log_read_all_sync (data->path, cancellable, &error);
  else
    entries = g_ptr_array_new ();

  if (entries == NULL)
    g_task_return_error (task, error);
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, pyprep_log_stats_compute (entries, data->states, &data->config, data->tz,
                                                           data->now),
                           (GDestroyNotify)pyprep_log_stats_free);
}

/**
 * pyprep_log_stats_compute_async:
 * @log_path: (nullable): the review log; %NULL for none (all zero)
 * @states: (nullable) (transfer none): as for pyprep_log_stats_compute();
 *   kept (referenced) by the task, and not to be changed meanwhile
 * @config: the user's scheduling; copied, its load balancing dropped
 * @now: the moment, in the time zone whose days count
 *
 * Reads the log on a connection of its own and computes on a worker
 * thread, so that a log of years costs the main thread nothing.
 */
void
pyprep_log_stats_compute_async (const char                  *log_path,
                                GHashTable                  *states,
                                const PyprepSchedulerConfig *config,
                                GDateTime                   *now,
                                GCancellable                *cancellable,
                                GAsyncReadyCallback          callback,
                                gpointer                     user_data)
{
  g_autoptr(GTask) task = NULL;
  ComputeData *data;

  g_return_if_fail (config != NULL);
  g_return_if_fail (now != NULL);

  data = g_new0 (ComputeData, 1);
  data->path = g_strdup (log_path);
  data->states = states ? g_hash_table_ref (states) : NULL;
  data->config = *config;
  data->config.due_count = NULL;
  data->config.due_count_data = NULL;
  data->tz = g_time_zone_ref (g_date_time_get_timezone (now));
  data->now = g_date_time_to_unix (now);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pyprep_log_stats_compute_async);
  g_task_set_task_data (task, data, (GDestroyNotify)compute_data_free);
  g_task_run_in_thread (task, compute_thread);
}

PyprepLogStats *
pyprep_log_stats_compute_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, pyprep_log_stats_compute_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
pyprep_log_stats_free (PyprepLogStats *stats)
{
  g_free (stats);
}
