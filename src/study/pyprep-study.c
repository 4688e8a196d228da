/* pyprep-study.c: the study record: what the user has done with each
 * question (bookmarks, reading status, notes, reviews) and each day's
 * activity. It is kept in memory; every change is saved at once
 * (pyprep-study-store.c) and announced with ::changed.
 *
 * Entries are keyed by question id and never pruned, so state for a
 * question that a deck no longer has survives until it comes back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-study"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pyprep-study-private.h"

typedef PyprepProgress Progress;

G_DEFINE_FINAL_TYPE (PyprepStudy, pyprep_study, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DAMAGED,
  PROP_REVIEW_LOG_PROBLEM,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const status_names[] = { "new", "read", "needs-review", "learning", "confident" };

const char *
pyprep_status_to_string (PyprepStatus status)
{
  g_return_val_if_fail (status <= PYPREP_STATUS_CONFIDENT, "new");
  return status_names[status];
}

gboolean
pyprep_status_from_string (const char   *str,
                           PyprepStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    {
      if (g_strcmp0 (str, status_names[i]) == 0)
        {
          *status = (PyprepStatus)i;
          return TRUE;
        }
    }

  return FALSE;
}

/* The translated name shown to the user. */
const char *
pyprep_status_get_label (PyprepStatus status)
{
  switch (status)
    {
    case PYPREP_STATUS_NEW:          return C_("status", "New");
    case PYPREP_STATUS_READ:         return C_("status", "Read");
    case PYPREP_STATUS_NEEDS_REVIEW: return C_("status", "Needs review");
    case PYPREP_STATUS_LEARNING:     return C_("status", "Learning");
    case PYPREP_STATUS_CONFIDENT:    return C_("status", "Confident");
    default:                         g_return_val_if_reached (NULL);
    }
}

/* Exercises ------------------------------------------------------------ */

#define EXERCISE_PREFIX "exercise:"

/**
 * pyprep_study_exercise_id:
 *
 * Returns: (transfer full): the id under which the record keeps the
 *   practice of @question_id's exercise, its own card beside the
 *   question's recall card
 */
char *
pyprep_study_exercise_id (const char *question_id)
{
  g_return_val_if_fail (question_id != NULL, NULL);

  return g_strconcat (EXERCISE_PREFIX, question_id, NULL);
}

/* Returns: (transfer none): the question an id of the record is about:
 *   @card_id itself, or the question whose exercise it names */
const char *
pyprep_study_card_question_id (const char *card_id)
{
  g_return_val_if_fail (card_id != NULL, NULL);

  return g_str_has_prefix (card_id, EXERCISE_PREFIX) ? card_id + strlen (EXERCISE_PREFIX) : card_id;
}

/* Whether the exercise's last grade was a pass: it was solved, not given up. */
gboolean
pyprep_study_get_exercise_solved (PyprepStudy *self,
                                  const char  *question_id)
{
  g_autofree char *id = pyprep_study_exercise_id (question_id);
  const char *grades = pyprep_study_get_grades (self, id);
  gsize n = grades != NULL ? strlen (grades) : 0;

  return n > 0 && grades[n - 1] >= '2' && grades[n - 1] <= '4';
}

/**
 * pyprep_study_set_drafts:
 * @drafts: (nullable): where the exercises' code is kept
 *
 * The code is part of the record's export, so of its import and its
 * daily backups.
 */
void
pyprep_study_set_drafts (PyprepStudy  *self,
                         PyprepDrafts *drafts)
{
  g_return_if_fail (PYPREP_IS_STUDY (self));
  g_set_object (&self->drafts, drafts);
}

/* Returns: (transfer none) (nullable) */
PyprepDrafts *
pyprep_study_get_drafts (PyprepStudy *self)
{
  g_return_val_if_fail (PYPREP_IS_STUDY (self), NULL);
  return self->drafts;
}

/* GObject ------------------------------------------------------------- */

static void
pyprep_study_finalize (GObject *object)
{
  PyprepStudy *self = (PyprepStudy *)object;

  if (self->settings != NULL)
    g_settings_sync ();

  g_clear_object (&self->settings);
  g_clear_pointer (&self->progress, g_hash_table_unref);
  g_clear_pointer (&self->bookmarks, g_hash_table_unref);
  g_clear_pointer (&self->notes, g_hash_table_unref);
  g_clear_pointer (&self->activity, g_hash_table_unref);
  g_clear_pointer (&self->raw_progress, g_hash_table_unref);
  g_clear_pointer (&self->recovered_path, g_free);
  g_clear_object (&self->drafts);
  g_clear_object (&self->log);
  g_clear_pointer (&self->log_path, g_free);
  g_clear_error (&self->log_problem);
  g_clear_pointer (&self->log_pending, g_ptr_array_unref);
  g_clear_pointer (&self->undo_id, g_free);
  g_clear_pointer (&self->undo_time, g_date_time_unref);

  G_OBJECT_CLASS (pyprep_study_parent_class)->finalize (object);
}

static void
pyprep_study_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PyprepStudy *self = PYPREP_STUDY (object);

  switch (prop_id)
    {
    case PROP_DAMAGED:
      g_value_set_boolean (value, self->damaged);
      break;

    case PROP_REVIEW_LOG_PROBLEM:
      g_value_set_boxed (value, self->log_problem);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_study_class_init (PyprepStudyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pyprep_study_finalize;
  object_class->get_property = pyprep_study_get_property;

  /**
   * PyprepStudy:damaged:
   *
   * Whether part of the stored record could not be read when it was
   * loaded. What could not be read is kept, in the store or as a copy
   * (pyprep_study_get_recovered_path()); a restore clears it.
   */
  properties[PROP_DAMAGED] =
    g_param_spec_boolean ("damaged", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * PyprepStudy:review-log-problem:
   *
   * Why the review log cannot be used (%PYPREP_REVIEW_LOG_ERROR), or
   * %NULL. The rest of the record works without it; grades stay in the
   * settings and the file is left as it is.
   */
  properties[PROP_REVIEW_LOG_PROBLEM] =
    g_param_spec_boxed ("review-log-problem", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PyprepStudy::changed:
   * @id: the question whose state changed
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
pyprep_study_init (PyprepStudy *self)
{
  self->progress = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->bookmarks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->activity = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->raw_progress = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify)g_variant_unref);
  self->mark_read_on_open = TRUE;
  pyprep_scheduler_config_init (&self->scheduler);
  self->log_pending = g_ptr_array_new_with_free_func ((GDestroyNotify)pyprep_review_entry_free);
}

/* Whether opening a new question makes it read (a preference). */
void
pyprep_study_set_mark_read_on_open (PyprepStudy *self,
                                    gboolean     mark_read)
{
  g_return_if_fail (PYPREP_IS_STUDY (self));
  self->mark_read_on_open = !!mark_read;
}

/**
 * pyprep_study_new:
 * @settings: (nullable): where the record is kept; %NULL keeps it in
 *   memory only
 */
PyprepStudy *
pyprep_study_new (GSettings *settings)
{
  PyprepStudy *self;

  g_return_val_if_fail (!settings || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (PYPREP_TYPE_STUDY, NULL);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      _pyprep_study_load (self);
    }

  return self;
}

gboolean
pyprep_study_get_damaged (PyprepStudy *self)
{
  g_return_val_if_fail (PYPREP_IS_STUDY (self), FALSE);

  return self->damaged;
}

/**
 * pyprep_study_get_recovered_path:
 *
 * Returns: (nullable): the first copy kept of what could not be read, under
 *   $XDG_DATA_HOME/pyprep/recovered/
 */
const char *
pyprep_study_get_recovered_path (PyprepStudy *self)
{
  g_return_val_if_fail (PYPREP_IS_STUDY (self), NULL);

  return self->recovered_path;
}

/* Cleared when a restore replaces the whole record. */
void
_pyprep_study_set_damaged (PyprepStudy *self,
                           gboolean     damaged)
{
  if (self->damaged == !!damaged)
    return;

  self->damaged = !!damaged;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAMAGED]);
}

void
_pyprep_study_set_log_problem (PyprepStudy  *self,
                               const GError *problem)
{
  if (self->log_problem == problem
      || (self->log_problem != NULL && problem != NULL
          && g_error_matches (problem, self->log_problem->domain, self->log_problem->code)
          && g_str_equal (problem->message, self->log_problem->message)))
    return;

  g_clear_error (&self->log_problem);
  self->log_problem = problem != NULL ? g_error_copy (problem) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_LOG_PROBLEM]);
}

/* Emitted with the id as detail, so a row can listen to "changed::<id>". */
void
_pyprep_study_emit_changed (PyprepStudy *self,
                            const char  *id)
{
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (id), id);
}

/* After a change to @id's progress at @now: counts it in @now's day's
 * activity, saves both and tells observers. */
static void
count_activity (PyprepStudy *self,
                const char  *id,
                GDateTime   *now)
{
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");

  g_hash_table_replace (self->activity, g_strdup (day),
                        GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->activity, day)) + 1));

  _pyprep_study_save_progress (self);
  _pyprep_study_save_activity (self);
  _pyprep_study_emit_changed (self, id);
}

static Progress *
ensure_progress (PyprepStudy *self,
                 const char  *id)
{
  Progress *progress = g_hash_table_lookup (self->progress, id);

  if (progress == NULL)
    {
      progress = g_new0 (Progress, 1);
      g_hash_table_insert (self->progress, g_strdup (id), progress);
    }

  return progress;
}

/* Statuses ------------------------------------------------------------- */

/* A question is Confident when its last answer passed, it is not due yet,
 * and its memory is stable for at least this long: its chance of recall
 * stays above 90% for a week. */
#define CONFIDENT_STABILITY_DAYS 7.0

/* The status of a practised question, from its schedule. */
static PyprepStatus
scheduled_status (const Progress *progress,
                  gint64          now)
{
  const PyprepReviewState *review = &progress->review;
  gsize n_grades = strlen (progress->grades);
  char last = n_grades > 0 ? progress->grades[n_grades - 1] : '3';

  if (last == '0' + PYPREP_GRADE_AGAIN)
    return PYPREP_STATUS_NEEDS_REVIEW;
  if (now < review->due && review->stability >= CONFIDENT_STABILITY_DAYS)
    return PYPREP_STATUS_CONFIDENT;
  return PYPREP_STATUS_LEARNING;
}

/* What every view shows: the status set by hand when it was set after the
 * last review, otherwise the schedule's once the question is practised. */
static PyprepStatus
progress_status (const Progress *progress,
                 gint64          now)
{
  if (progress->review.reps == 0 || progress->status_set >= progress->review.last_review)
    return progress->review.reps > 0 && progress->status == PYPREP_STATUS_READ
           ? PYPREP_STATUS_LEARNING : progress->status;

  return scheduled_status (progress, now);
}

/* The status that versions before 0.4 derived from the last two grades. */
static gboolean
matches_grade_rule (PyprepStatus  status,
                    const char   *grades)
{
  gsize n = strlen (grades);
  char last = n > 0 ? grades[n - 1] : '\0';
  char previous = n > 1 ? grades[n - 2] : '\0';

  if (last == '0' + PYPREP_GRADE_AGAIN)
    return status == PYPREP_STATUS_NEEDS_REVIEW;
  if (previous >= '0' + PYPREP_GRADE_HARD)
    return status == PYPREP_STATUS_CONFIDENT;
  if (previous == '0' + PYPREP_GRADE_AGAIN)
    return status == PYPREP_STATUS_NEEDS_REVIEW;
  /* A first pass left a status set by hand before it as it was. */
  return TRUE;
}

/* A record from before statuses followed the schedule has no time for its
 * status. Where the status is what the old grade rule gave, the schedule
 * takes over; where it differs, the user set it by hand after the last
 * review, and it stays theirs. */
void
_pyprep_progress_migrate_status (Progress *progress)
{
  progress->status_set = 0;
  if (progress->review.reps > 0 && !matches_grade_rule (progress->status, progress->grades))
    progress->status_set = progress->review.last_review;
  if (progress->status == PYPREP_STATUS_LEARNING)
    progress->status = PYPREP_STATUS_READ;
}

/* The status every view shows now. */
PyprepStatus
pyprep_study_get_status (PyprepStudy *self,
                         const char  *id)
{
  return pyprep_study_get_status_at (self, id, g_get_real_time () / G_USEC_PER_SEC);
}

/* The status as of @now (Unix time): a Confident question falls back to
 * Learning once it is due. */
PyprepStatus
pyprep_study_get_status_at (PyprepStudy *self,
                            const char  *id,
                            gint64       now)
{
  Progress *progress;

  g_return_val_if_fail (PYPREP_IS_STUDY (self), PYPREP_STATUS_NEW);
  g_return_val_if_fail (id != NULL, PYPREP_STATUS_NEW);

  progress = g_hash_table_lookup (self->progress, id);
  return progress ? progress_status (progress, now) : PYPREP_STATUS_NEW;
}

void
pyprep_study_set_status (PyprepStudy  *self,
                         const char   *id,
                         PyprepStatus  status)
{
  Progress *progress;

  g_return_if_fail (PYPREP_IS_STUDY (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (status <= PYPREP_STATUS_CONFIDENT);

  progress = ensure_progress (self, id);
  if (status == PYPREP_STATUS_LEARNING)
    status = PYPREP_STATUS_READ;
  if (progress_status (progress, g_get_real_time () / G_USEC_PER_SEC) == status
      && progress->status == status)
    return;

  progress->status = status;
  progress->status_set = g_get_real_time () / G_USEC_PER_SEC;
  _pyprep_study_save_progress (self);
  _pyprep_study_emit_changed (self, id);
}

gboolean
pyprep_study_get_bookmarked (PyprepStudy *self,
                             const char  *id)
{
  g_return_val_if_fail (PYPREP_IS_STUDY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return g_hash_table_contains (self->bookmarks, id);
}

void
pyprep_study_set_bookmarked (PyprepStudy *self,
                             const char  *id,
                             gboolean     bookmarked)
{
  g_return_if_fail (PYPREP_IS_STUDY (self));
  g_return_if_fail (id != NULL);

  if (pyprep_study_get_bookmarked (self, id) == !!bookmarked)
    return;

  if (bookmarked)
    g_hash_table_add (self->bookmarks, g_strdup (id));
  else
    g_hash_table_remove (self->bookmarks, id);

  _pyprep_study_save_bookmarks (self);
  _pyprep_study_emit_changed (self, id);
}

/* "Weak" means bookmarked or marked as needing review. */
gboolean
pyprep_study_is_weak (PyprepStudy *self,
                      const char  *id)
{
  return pyprep_study_get_bookmarked (self, id)
         || pyprep_study_get_status (self, id) == PYPREP_STATUS_NEEDS_REVIEW;
}

/* Whether the question's recall card was forgotten
 * %PYPREP_STUDY_LEECH_LAPSES times or more. */
gboolean
pyprep_study_is_leech (PyprepStudy *self,
                       const char  *id)
{
  Progress *progress;

  g_return_val_if_fail (PYPREP_IS_STUDY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  progress = g_hash_table_lookup (self->progress, id);
  return progress != NULL && progress->review.reps > 0
         && progress->review.lapses >= PYPREP_STUDY_LEECH_LAPSES;
}

guint
pyprep_study_get_times_opened (PyprepStudy *self,
                               const char  *id)
{
  Progress *progress;

  g_return_val_if_fail (PYPREP_IS_STUDY (self), 0);

  progress = g_hash_table_lookup (self->progress, id);
  return progress ? progress->opened : 0;
}

/* Records that @id was opened at @now: a new question becomes read, and
 * the day's activity count goes up. */
void
pyprep_study_mark_opened (PyprepStudy *self,
                          const char  *id,
                          GDateTime   *now)
{
  Progress *progress;
  gint64 when;

  g_return_if_fail (PYPREP_IS_STUDY (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (now != NULL);

  when = g_date_time_to_unix (now);
  progress = ensure_progress (self, id);
  if (progress->first_seen == 0)
    progress->first_seen = when;
  progress->last_seen = MAX (when, progress->first_seen);
  progress->opened++;
  if (progress->status == PYPREP_STATUS_NEW && self->mark_read_on_open)
    progress->status = PYPREP_STATUS_READ;

  count_activity (self, id, now);
}

/* When @id was last opened, as Unix time; 0 if never. */
gint64
pyprep_study_get_last_seen (PyprepStudy *self,
                            const char  *id)
{
  Progress *progress;

  g_return_val_if_fail (PYPREP_IS_STUDY (self), 0);

  progress = g_hash_table_lookup (self->progress, id);
  return progress ? progress->last_seen : 0;
}

const char *
pyprep_study_get_note (PyprepStudy *self,
                       const char  *id)
{
  g_return_val_if_fail (PYPREP_IS_STUDY (self), NULL);

  return g_hash_table_lookup (self->notes, id);
}

/* An empty or %NULL @note removes the note. */
void
pyprep_study_set_note (PyprepStudy *self,
                       const char  *id,
                       const char  *note)
{
  g_return_if_fail (PYPREP_IS_STUDY (self));
  g_return_if_fail (id != NULL);

  if (g_strcmp0 (pyprep_study_get_note (self, id), note && *note ? note : NULL) == 0)
    return;

  if (note != NULL && *note != '\0')
    g_hash_table_replace (self->notes, g_strdup (id), g_strdup (note));
  else
    g_hash_table_remove (self->notes, id);

  _pyprep_study_save_notes (self);
  _pyprep_study_emit_changed (self, id);
}

/**
 * pyprep_study_reset_progress:
 * @ids: (nullable) (array zero-terminated=1): the questions to reset, or
 *   %NULL for all
 *
 * Forgets status and reading history. Bookmarks, notes and the daily
 * activity are the user's own record and stay.
 */
void
pyprep_study_reset_progress (PyprepStudy        *self,
                             const char * const *ids)
{
  g_autoptr(GPtrArray) reset = NULL;
  g_autoptr(GPtrArray) practised = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (PYPREP_IS_STUDY (self));

  /* The log hears of the practised ones, so that replay forgets them too. */
  if (ids == NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, self->progress);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (((Progress *)value)->review.reps > 0)
          g_ptr_array_add (practised, g_strdup (key));
    }
  else
    {
      for (guint i = 0; ids[i] != NULL; i++)
        {
          Progress *progress = g_hash_table_lookup (self->progress, ids[i]);

          if (progress != NULL && progress->review.reps > 0)
            g_ptr_array_add (practised, g_strdup (ids[i]));
        }
    }

  if (ids == NULL)
    {
      reset = _pyprep_sorted_keys (self->progress);
      for (guint i = 0; i < reset->len; i++)
        reset->pdata[i] = g_strdup (reset->pdata[i]);
      g_ptr_array_set_free_func (reset, g_free);
      g_hash_table_remove_all (self->progress);
      _pyprep_study_forget_raw (self, NULL);
    }
  else
    {
      reset = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; ids[i] != NULL; i++)
        {
          gboolean had_raw = g_hash_table_contains (self->raw_progress, ids[i]);

          _pyprep_study_forget_raw (self, ids[i]);
          if (g_hash_table_remove (self->progress, ids[i]) || had_raw)
            g_ptr_array_add (reset, g_strdup (ids[i]));
        }
    }

  if (reset->len == 0)
    return;

  _pyprep_study_log_resets (self, practised);
  _pyprep_study_save_progress (self);
  for (guint i = 0; i < reset->len; i++)
    _pyprep_study_emit_changed (self, reset->pdata[i]);
}

/* Totals for summaries: bookmarks, and questions reviewed (not new). */
void
pyprep_study_count (PyprepStudy *self,
                    guint       *bookmarks,
                    guint       *reviewed)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (PYPREP_IS_STUDY (self));

  *bookmarks = g_hash_table_size (self->bookmarks);
  *reviewed = 0;
  g_hash_table_iter_init (&iter, self->progress);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((Progress *)value)->status != PYPREP_STATUS_NEW)
      (*reviewed)++;
}

/**
 * pyprep_study_get_review:
 * @state: (out caller-allocates): the scheduler state; zeroed when the
 *   question was never practised
 *
 * Returns: whether the question has been practised
 */
gboolean
pyprep_study_get_review (PyprepStudy       *self,
                         const char        *id,
                         PyprepReviewState *state)
{
  Progress *progress;

  g_return_val_if_fail (PYPREP_IS_STUDY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  progress = g_hash_table_lookup (self->progress, id);
  if (progress == NULL || progress->review.reps == 0)
    {
      memset (state, 0, sizeof *state);
      return FALSE;
    }

  *state = progress->review;
  return TRUE;
}


/* The reviews due per local day, for load balancing. */
typedef struct
{
  GTimeZone  *tz;
  GHashTable *per_day;  /* day number -> count, built on first use */
  PyprepStudy *study;
  const char *skip;     /* the card being graded */
} DueCounts;

#define DUE_COUNTS_INIT { NULL, NULL, NULL, NULL }

static void
due_counts_clear (DueCounts *counts)
{
  g_clear_pointer (&counts->tz, g_time_zone_unref);
  g_clear_pointer (&counts->per_day, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DueCounts, due_counts_clear)

static guint
due_count_cb (gint64   when,
              gpointer user_data)
{
  DueCounts *counts = user_data;

  if (counts->per_day == NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      counts->per_day = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_hash_table_iter_init (&iter, counts->study->progress);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          Progress *progress = value;
          gint64 day;
          gpointer count;

          if (progress->review.reps == 0 || g_strcmp0 (key, counts->skip) == 0)
            continue;
          day = pyprep_scheduler_day_number (counts->tz, progress->review.due);
          count = g_hash_table_lookup (counts->per_day, &day);
          if (count == NULL)
            g_hash_table_insert (counts->per_day, g_memdup2 (&day, sizeof day), GUINT_TO_POINTER (1));
          else
            g_hash_table_insert (counts->per_day, g_memdup2 (&day, sizeof day),
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
        }
    }

  {
    gint64 day = pyprep_scheduler_day_number (counts->tz, when);

    return GPOINTER_TO_UINT (g_hash_table_lookup (counts->per_day, &day));
  }
}

/* The study's scheduling, balancing the load over the days of @now's
 * time zone. */
static void
balanced_config (PyprepStudy           *self,
                 const char            *id,
                 GDateTime             *now,
                 DueCounts             *counts,
                 PyprepSchedulerConfig *config)
{
  counts->tz = g_time_zone_ref (g_date_time_get_timezone (now));
  counts->study = self;
  counts->skip = id;

  *config = self->scheduler;
  config->due_count = due_count_cb;
  config->due_count_data = counts;
}

/**
 * pyprep_study_preview_review:
 * @intervals: (out caller-allocates): for Again, Hard, Good and Easy, the
 *   seconds until the card would be due again
 *
 * What each grade would do to @id at @now: exactly what
 * pyprep_study_record_review() does with the same grade and time.
 */
void
pyprep_study_preview_review (PyprepStudy *self,
                             const char  *id,
                             GDateTime   *now,
                             gint64       intervals[4])
{
  g_auto(DueCounts) counts = DUE_COUNTS_INIT;
  PyprepSchedulerConfig config;
  PyprepReviewState state;

  g_return_if_fail (PYPREP_IS_STUDY (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (now != NULL);
  g_return_if_fail (intervals != NULL);

  pyprep_study_get_review (self, id, &state);
  balanced_config (self, id, now, &counts, &config);
  pyprep_scheduler_preview_full (&config, &state, g_date_time_to_unix (now), id, intervals);
}

/**
 * pyprep_study_set_desired_retention:
 * @desired_retention: 0.70 .. 0.97
 *
 * The chance of recall the next reviews are scheduled for: higher means
 * shorter intervals, so more reviews.
 */
void
pyprep_study_set_desired_retention (PyprepStudy *self,
                                    double       desired_retention)
{
  g_return_if_fail (PYPREP_IS_STUDY (self));
  g_return_if_fail (pyprep_scheduler_retention_is_valid (desired_retention));

  self->scheduler.desired_retention = CLAMP (desired_retention, PYPREP_SCHEDULER_RETENTION_MIN,
                                             PYPREP_SCHEDULER_RETENTION_MAX);
}

double
pyprep_study_get_desired_retention (PyprepStudy *self)
{
  g_return_val_if_fail (PYPREP_IS_STUDY (self), PYPREP_SCHEDULER_RETENTION);

  return self->scheduler.desired_retention;
}

/**
 * pyprep_study_set_fsrs_params:
 * @params: (nullable): FSRS-6 parameters fitted to the user, which must
 *   be valid (pyprep_fsrs_params_valid()); %NULL for the defaults
 */
void
pyprep_study_set_fsrs_params (PyprepStudy            *self,
                              const PyprepFsrsParams *params)
{
  g_return_if_fail (PYPREP_IS_STUDY (self));
  g_return_if_fail (params == NULL || pyprep_fsrs_params_valid (params));

  self->scheduler.params = params ? *params : *pyprep_fsrs_default_params ();
}

/**
 * pyprep_study_get_scheduler_config:
 * @config: (out caller-allocates): how the study schedules, without load
 *   balancing
 */
void
pyprep_study_get_scheduler_config (PyprepStudy           *self,
                                   PyprepSchedulerConfig *config)
{
  g_return_if_fail (PYPREP_IS_STUDY (self));
  g_return_if_fail (config != NULL);

  *config = self->scheduler;
}

/* The grades given so far, oldest first, as digits 1 to 4 (the last 64). */
const char *
pyprep_study_get_grades (PyprepStudy *self,
                         const char  *id)
{
  Progress *progress;

  g_return_val_if_fail (PYPREP_IS_STUDY (self), "");

  progress = g_hash_table_lookup (self->progress, id);
  return progress ? progress->grades : "";
}

/**
 * pyprep_study_record_review:
 * @grade: the user's own grade for their answer
 * @now: when they gave it
 *
 * Schedules the question's next review. From then on its status follows
 * the schedule (see progress_status ()): Needs review after Again,
 * Confident once it passed and is stable for a week, Learning otherwise.
 * A status set by hand before the review gives way to it.
 *
 * The review also counts in the day's activity, and is appended to the
 * review log as a recall card, or an exercise for an id made by
 * pyprep_study_exercise_id(), with the time taken unknown.
 */
void
pyprep_study_record_review (PyprepStudy *self,
                            const char  *id,
                            PyprepGrade  grade,
                            GDateTime   *now)
{
  g_return_if_fail (id != NULL);

  pyprep_study_record_review_full (self, id,
                                   g_str_has_prefix (id, EXERCISE_PREFIX) ? PYPREP_REVIEW_KIND_EXERCISE
                                                                          : PYPREP_REVIEW_KIND_RECALL,
                                   grade, now, -1);
}

/**
 * pyprep_study_record_review_full:
 * @kind: what was practised: a recall card, an exercise or a question of a
 *   mock interview (not %PYPREP_REVIEW_KIND_STATE)
 * @seconds: how long the answer took, or -1 if unknown
 *
 * pyprep_study_record_review(), saying what kind of card it was and how
 * long it took, for the review log.
 *
 * A question answered in a mock interview is recalled like a recall card,
 * so its grade schedules the question's recall card too and counts in its
 * status; the log keeps that it was a mock interview.
 */
void
pyprep_study_record_review_full (PyprepStudy      *self,
                                 const char       *id,
                                 PyprepReviewKind  kind,
                                 PyprepGrade       grade,
                                 GDateTime        *now,
                                 int               seconds)
{
  Progress *progress;
  gsize n_grades;

  g_return_if_fail (PYPREP_IS_STUDY (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (kind < PYPREP_REVIEW_KIND_STATE);
  g_return_if_fail (pyprep_grade_is_valid (grade));
  g_return_if_fail (now != NULL);

  /* Kept for pyprep_study_undo_review(). */
  progress = g_hash_table_lookup (self->progress, id);
  self->undo_had_progress = progress != NULL;
  if (progress != NULL)
    self->undo_progress = *progress;
  g_free (self->undo_id);
  self->undo_id = g_strdup (id);
  g_clear_pointer (&self->undo_time, g_date_time_unref);
  self->undo_time = g_date_time_ref (now);

  progress = ensure_progress (self, id);
  if (progress->review.reps == 0)
    progress->first_review = g_date_time_to_unix (now);
  {
    g_auto(DueCounts) counts = DUE_COUNTS_INIT;
    PyprepSchedulerConfig config;

    balanced_config (self, id, now, &counts, &config);
    pyprep_scheduler_review_full (&config, &progress->review, grade, g_date_time_to_unix (now), id,
                                  &progress->review);
  }

  n_grades = strlen (progress->grades);
  if (n_grades == PYPREP_STUDY_MAX_GRADES)
    memmove (progress->grades, progress->grades + 1, --n_grades);
  progress->grades[n_grades] = (char)('0' + grade);
  progress->grades[n_grades + 1] = '\0';

  /* From now on the schedule gives the status (progress_status ()). */
  if (progress->status == PYPREP_STATUS_NEW)
    progress->status = PYPREP_STATUS_READ;
  progress->status_set = 0;

  _pyprep_study_log_grade (self, id, kind, grade, now, seconds);
  count_activity (self, id, now);
}

/**
 * pyprep_study_undo_review:
 * @id: the card last graded
 *
 * Takes back the last grade, if it was @id's: the card's progress is
 * again what it was before (schedule, grades, status, first review), the
 * day's activity counts one fewer, and the grade leaves the review log.
 * Only the last grade can be undone, once.
 *
 * The grade's entry is removed from the log, not answered with a state
 * entry. The log lasts because copies of it (exports, backups) are
 * merged by entry; an entry that never reached a copy can go without a
 * trace, and a state entry would leave a grade the user took back among
 * the reviews that statistics count and the optimizer fits (and would
 * make the card's history unusable to it). An export or backup of the
 * log ends the chance to undo (_pyprep_study_log_export()), so the
 * removed entry is always one no copy holds. Backups are only written at
 * start, before any grade of the session.
 *
 * Returns: %TRUE if the grade was undone; %FALSE if @id's grade is not
 *   the last, or it was already undone
 */
gboolean
pyprep_study_undo_review (PyprepStudy *self,
                          const char  *id)
{
  g_autofree char *day = NULL;
  guint count;

  g_return_val_if_fail (PYPREP_IS_STUDY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (g_strcmp0 (self->undo_id, id) != 0)
    return FALSE;

  if (self->undo_had_progress)
    *ensure_progress (self, id) = self->undo_progress;
  else
    g_hash_table_remove (self->progress, id);

  /* As count_activity () counted it. */
  day = g_date_time_format (self->undo_time, "%Y-%m-%d");
  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->activity, day));
  if (count > 1)
    g_hash_table_replace (self->activity, g_strdup (day), GUINT_TO_POINTER (count - 1));
  else
    g_hash_table_remove (self->activity, day);

  _pyprep_study_unlog_grade (self, id);
  g_clear_pointer (&self->undo_id, g_free);
  g_clear_pointer (&self->undo_time, g_date_time_unref);

  _pyprep_study_save_progress (self);
  _pyprep_study_save_activity (self);
  _pyprep_study_emit_changed (self, id);
  return TRUE;
}

/* How many questions were practised for the first time on @now's day
 * (in @now's time zone). */
guint
pyprep_study_count_new_today (PyprepStudy *self,
                              GDateTime   *now)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  GHashTableIter iter;
  gpointer value;
  gint64 from, to;
  guint count = 0;

  g_return_val_if_fail (PYPREP_IS_STUDY (self), 0);
  g_return_val_if_fail (now != NULL, 0);

  start = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                           g_date_time_get_month (now), g_date_time_get_day_of_month (now), 0, 0, 0);
  end = g_date_time_add_days (start, 1);
  from = g_date_time_to_unix (start);
  to = g_date_time_to_unix (end);

  g_hash_table_iter_init (&iter, self->progress);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Progress *progress = value;

      if (progress->review.reps > 0 && progress->first_review >= from && progress->first_review < to)
        count++;
    }

  return count;
}

/* The bounds of @now's local day, Unix seconds. */
static void
day_bounds (GDateTime *now,
            gint64    *from,
            gint64    *to)
{
  g_autoptr(GDateTime) start = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                                                g_date_time_get_month (now),
                                                g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_add_days (start, 1);

  *from = g_date_time_to_unix (start);
  *to = g_date_time_to_unix (end);
}

/* How many questions practised before @now's day were reviewed on it
 * (each counts once), for the limit of reviews a day. */
guint
pyprep_study_count_reviews_today (PyprepStudy *self,
                                  GDateTime   *now)
{
  GHashTableIter iter;
  gpointer value;
  gint64 from, to;
  guint count = 0;

  g_return_val_if_fail (PYPREP_IS_STUDY (self), 0);
  g_return_val_if_fail (now != NULL, 0);

  day_bounds (now, &from, &to);
  g_hash_table_iter_init (&iter, self->progress);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Progress *progress = value;

      if (progress->review.reps > 0 && progress->first_review < from
          && progress->review.last_review >= from && progress->review.last_review < to)
        count++;
    }

  return count;
}

/* How many reviews fall due on @day's local day. */
guint
pyprep_study_count_due_on_day (PyprepStudy *self,
                               GDateTime   *day)
{
  GHashTableIter iter;
  gpointer value;
  gint64 from, to;
  guint count = 0;

  g_return_val_if_fail (PYPREP_IS_STUDY (self), 0);
  g_return_val_if_fail (day != NULL, 0);

  day_bounds (day, &from, &to);
  g_hash_table_iter_init (&iter, self->progress);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Progress *progress = value;

      if (progress->review.reps > 0 && progress->review.due >= from && progress->review.due < to)
        count++;
    }

  return count;
}

guint
pyprep_study_get_activity (PyprepStudy *self,
                           const char  *day)
{
  g_return_val_if_fail (PYPREP_IS_STUDY (self), 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->activity, day));
}

/**
 * pyprep_study_get_due:
 * @due: (out) (optional): when the next review is due, as Unix time
 *
 * Returns: whether @id has a review scheduled
 */
gboolean
pyprep_study_get_due (PyprepStudy *self,
                      const char  *id,
                      gint64      *due)
{
  PyprepReviewState state;

  g_return_val_if_fail (PYPREP_IS_STUDY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!pyprep_study_get_review (self, id, &state))
    return FALSE;

  if (due != NULL)
    *due = state.due;
  return TRUE;
}

/* How many questions have any progress recorded, known to the decks or not. */
guint
pyprep_study_get_n_entries (PyprepStudy *self)
{
  g_return_val_if_fail (PYPREP_IS_STUDY (self), 0);

  return g_hash_table_size (self->progress);
}
