/* pyprep-stats.c: streaks, the activity grid, mastery per topic and the
 * review forecast, computed once from the study record for a given "now"
 * so that tests can fix the clock.
 *
 * Rules:
 *   - A day is active when its activity count is above zero. Day keys
 *     that are not valid "YYYY-MM-DD" dates are ignored.
 *   - The current streak is the run of active days that ends today, or,
 *     while today has no activity yet, the run that ended yesterday: the
 *     streak only breaks once a whole day has passed without activity.
 *   - The longest streak is the longest run anywhere in the record, so it
 *     is never shorter than the current one.
 *   - Days are calendar days in the time zone of "now"; review due times
 *     (Unix seconds) are placed on days in that same time zone.
 *   - Only questions the library knows count towards mastery and the
 *     forecast; a question without a "due" time is not scheduled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-stats"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "pyprep-question.h"
#include "pyprep-stats.h"
#include "pyprep-study-private.h"
#include "pyprep-topic.h"

struct _PyprepStats
{
  GDate          today;
  guint          current_streak;
  guint          longest_streak;

  GDate          grid_start;
  guint          grid_n_days;
  guint          grid[PYPREP_STATS_GRID_DAYS];
  guint          grid_total;
  guint          grid_active_days;
  guint          grid_max;
  GDate          grid_busiest;

  gint64         now;      /* statuses are as of this time */
  PyprepLibrary *library;  /* keeps the topic titles alive */
  GArray        *topics;   /* of PyprepTopicMastery */
  PyprepTopicMastery overall;

  guint          due[PYPREP_STATS_FORECAST_DAYS];
  guint          overdue;
};

/**
 * pyprep_stats_parse_day:
 * @text: a day as stored in the activity record, "YYYY-MM-DD"
 *
 * Returns: whether @text is a valid day; then @date holds it
 */
gboolean
pyprep_stats_parse_day (const char *text,
                        GDate      *date)
{
  guint year = 0, month = 0, day = 0;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        continue;
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }

  year = (guint)g_ascii_strtoull (text, NULL, 10);
  month = (guint)g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint)g_ascii_strtoull (text + 8, NULL, 10);

  if (year == 0 || !g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
  return TRUE;
}

static int
compare_julian (gconstpointer a,
                gconstpointer b)
{
  guint32 x = *(const guint32 *)a;
  guint32 y = *(const guint32 *)b;

  return x < y ? -1 : x > y;
}

/* Active days as sorted Julian day numbers, one entry per day. */
static GArray *
collect_active_days (PyprepStudy *study,
                     GHashTable  *counts)
{
  g_autoptr(GPtrArray) days = _pyprep_study_sorted_days (study);
  GArray *julian = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint i = 0; i < days->len; i++)
    {
      const char *key = days->pdata[i];
      guint count = pyprep_study_get_activity (study, key);
      GDate date;
      guint32 j;

      if (!pyprep_stats_parse_day (key, &date))
        {
          g_debug ("Ignoring activity on “%s”: not a day", key);
          continue;
        }
      if (count == 0)
        continue;

      j = g_date_get_julian (&date);
      /* Two spellings of one day cannot happen with the strict parser,
       * but add the counts rather than trust that. */
      if (g_hash_table_contains (counts, GUINT_TO_POINTER (j)))
        {
          guint before = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (j)));
          g_hash_table_insert (counts, GUINT_TO_POINTER (j), GUINT_TO_POINTER (before + count));
          continue;
        }

      g_hash_table_insert (counts, GUINT_TO_POINTER (j), GUINT_TO_POINTER (count));
      g_array_append_val (julian, j);
    }

  g_array_sort (julian, compare_julian);
  return julian;
}

static void
compute_streaks (PyprepStats *self,
                 GArray      *julian,
                 GHashTable  *counts)
{
  guint32 today = g_date_get_julian (&self->today);
  guint32 end;
  guint run = 0;

  for (guint i = 0; i < julian->len; i++)
    {
      guint32 j = g_array_index (julian, guint32, i);

      if (i > 0 && j == g_array_index (julian, guint32, i - 1) + 1)
        run++;
      else
        run = 1;
      self->longest_streak = MAX (self->longest_streak, run);
    }

  if (g_hash_table_contains (counts, GUINT_TO_POINTER (today)))
    end = today;
  else if (today > 1 && g_hash_table_contains (counts, GUINT_TO_POINTER (today - 1)))
    end = today - 1;
  else
    return;

  for (guint32 j = end; j >= 1 && g_hash_table_contains (counts, GUINT_TO_POINTER (j)); j--)
    self->current_streak++;
}

static void
compute_grid (PyprepStats *self,
              GHashTable  *counts)
{
  guint weekday = g_date_get_weekday (&self->today);  /* Monday is 1 */
  guint32 start;

  self->grid_n_days = (PYPREP_STATS_GRID_WEEKS - 1) * 7 + weekday;
  self->grid_start = self->today;
  g_date_subtract_days (&self->grid_start, self->grid_n_days - 1);
  start = g_date_get_julian (&self->grid_start);

  for (guint i = 0; i < self->grid_n_days; i++)
    {
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (start + i)));

      self->grid[i] = count;
      self->grid_total += count;
      if (count > 0)
        self->grid_active_days++;
      if (count > self->grid_max)
        {
          self->grid_max = count;
          self->grid_busiest = self->grid_start;
          g_date_add_days (&self->grid_busiest, i);
        }
    }
}

static void
count_question (PyprepStats        *self,
                PyprepStudy        *study,
                PyprepQuestion     *question,
                PyprepTopicMastery *mastery,
                GTimeZone          *zone)
{
  const char *id = pyprep_question_get_id (question);
  PyprepStatus status = pyprep_study_get_status_at (study, id, self->now);
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  gint64 due;
  GDate day;
  int offset;

  mastery->counts[status]++;
  mastery->total++;

  if (!pyprep_study_get_due (study, id, &due))
    return;

  utc = g_date_time_new_from_unix_utc (due);
  if (utc == NULL)
    return;  /* beyond year 9999 */
  local = g_date_time_to_timezone (utc, zone);
  if (local == NULL)
    return;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day,
                  (GDateDay)g_date_time_get_day_of_month (local),
                  (GDateMonth)g_date_time_get_month (local),
                  (GDateYear)g_date_time_get_year (local));
  offset = g_date_days_between (&self->today, &day);

  if (offset < 0)
    self->overdue++;
  if (offset <= 0)
    self->due[0]++;
  else if (offset < PYPREP_STATS_FORECAST_DAYS)
    self->due[offset]++;
}

static void
compute_topics (PyprepStats *self,
                PyprepStudy *study,
                GTimeZone   *zone)
{
  GListModel *topics = pyprep_library_get_topics (self->library);
  guint n_topics = g_list_model_get_n_items (topics);

  for (guint t = 0; t < n_topics; t++)
    {
      g_autoptr(PyprepTopic) topic = g_list_model_get_item (topics, t);
      GListModel *questions = pyprep_topic_get_questions (topic);
      guint n = g_list_model_get_n_items (questions);
      PyprepTopicMastery mastery = { 0, };

      mastery.topic_id = pyprep_topic_get_id (topic);
      mastery.title = pyprep_topic_get_title (topic);

      for (guint q = 0; q < n; q++)
        {
          g_autoptr(PyprepQuestion) question = g_list_model_get_item (questions, q);

          count_question (self, study, question, &mastery, zone);
        }

      for (guint s = 0; s <= PYPREP_STATUS_CONFIDENT; s++)
        self->overall.counts[s] += mastery.counts[s];
      self->overall.total += mastery.total;

      g_array_append_val (self->topics, mastery);
    }
}

/**
 * pyprep_stats_new:
 * @study: the study record
 * @library: (nullable): the questions; without it there is no mastery
 *   and no forecast
 * @now: the current time; its time zone decides where days begin
 *
 * Returns: (transfer full): the statistics as of @now
 */
PyprepStats *
pyprep_stats_new (PyprepStudy   *study,
                  PyprepLibrary *library,
                  GDateTime     *now)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GArray) julian = NULL;
  PyprepStats *self;

  g_return_val_if_fail (PYPREP_IS_STUDY (study), NULL);
  g_return_val_if_fail (!library || PYPREP_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  self = g_new0 (PyprepStats, 1);
  g_date_clear (&self->today, 1);
  g_date_set_dmy (&self->today,
                  (GDateDay)g_date_time_get_day_of_month (now),
                  (GDateMonth)g_date_time_get_month (now),
                  (GDateYear)g_date_time_get_year (now));
  g_date_clear (&self->grid_busiest, 1);
  self->now = g_date_time_to_unix (now);
  self->topics = g_array_new (FALSE, TRUE, sizeof (PyprepTopicMastery));
  self->overall.topic_id = "";
  self->overall.title = _("All topics");

  counts = g_hash_table_new (NULL, NULL);
  julian = collect_active_days (study, counts);
  compute_streaks (self, julian, counts);
  compute_grid (self, counts);

  if (library != NULL)
    {
      self->library = g_object_ref (library);
      compute_topics (self, study, g_date_time_get_timezone (now));
    }

  return self;
}

void
pyprep_stats_free (PyprepStats *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->library);
  g_clear_pointer (&self->topics, g_array_unref);
  g_free (self);
}

const GDate *
pyprep_stats_get_today (PyprepStats *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->today;
}

guint
pyprep_stats_get_current_streak (PyprepStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->current_streak;
}

guint
pyprep_stats_get_longest_streak (PyprepStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->longest_streak;
}

/* The Monday that starts the first column of the grid. */
const GDate *
pyprep_stats_get_grid_start (PyprepStats *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->grid_start;
}

/* Days from the grid start up to and including today: the cells after
 * today in the last column are in the future and have no count. */
guint
pyprep_stats_get_grid_n_days (PyprepStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->grid_n_days;
}

guint
pyprep_stats_get_grid_count (PyprepStats *self,
                             guint        index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < PYPREP_STATS_GRID_DAYS, 0);

  return index < self->grid_n_days ? self->grid[index] : 0;
}

guint
pyprep_stats_get_grid_total (PyprepStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->grid_total;
}

guint
pyprep_stats_get_grid_active_days (PyprepStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->grid_active_days;
}

/**
 * pyprep_stats_get_grid_max:
 * @busiest: (out) (optional): the first day with the highest count; left
 *   cleared when the grid is empty
 *
 * Returns: the highest count of a day in the grid
 */
guint
pyprep_stats_get_grid_max (PyprepStats *self,
                           GDate       *busiest)
{
  g_return_val_if_fail (self != NULL, 0);

  if (busiest != NULL)
    *busiest = self->grid_busiest;
  return self->grid_max;
}

guint
pyprep_stats_get_n_topics (PyprepStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->topics->len;
}

const PyprepTopicMastery *
pyprep_stats_get_topic (PyprepStats *self,
                        guint        index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->topics->len, NULL);

  return &g_array_index (self->topics, PyprepTopicMastery, index);
}

const PyprepTopicMastery *
pyprep_stats_get_overall (PyprepStats *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->overall;
}

/* Reviews due today, those overdue from earlier days included. */
guint
pyprep_stats_get_due_today (PyprepStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->due[0];
}

guint
pyprep_stats_get_overdue (PyprepStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->overdue;
}

/* @day 0 is today (with the overdue ones), 1 tomorrow, up to 7. */
guint
pyprep_stats_get_due_on (PyprepStats *self,
                         guint        day)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (day < PYPREP_STATS_FORECAST_DAYS, 0);

  return self->due[day];
}
