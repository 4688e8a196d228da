/* pyprep-study.c: the study record. It is kept in memory and written to
 * GSettings after every change, one key per kind of state:
 *
 *   bookmarks  as          ids of bookmarked questions
 *   progress   a{sa{sv}}   id -> { status, first-seen, last-seen, opened,
 *                                  and once practised: due, stability,
 *                                  difficulty, reps, lapses, last-review,
 *                                  grades, first-review }
 *   notes      a{ss}       id -> the user's note
 *   activity   a{su}       "YYYY-MM-DD" -> questions opened that day
 *
 * Entries are keyed by question id and never pruned, so state for a
 * question that a deck no longer has survives until it comes back. A
 * stored entry that does not make sense is skipped with a warning; the
 * rest loads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-study"
#define G_SETTINGS_ENABLE_BACKEND

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <gio/gsettingsbackend.h>

#include "pyprep-study-private.h"

typedef PyprepProgress Progress;

struct _PyprepStudy
{
  GObject     parent_instance;

  GSettings  *settings;
  GHashTable *progress;   /* id -> Progress */
  GHashTable *bookmarks;  /* id set */
  GHashTable *notes;      /* id -> note */
  GHashTable *activity;   /* day -> count */
  gboolean    mark_read_on_open;
};

G_DEFINE_FINAL_TYPE (PyprepStudy, pyprep_study, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const status_names[] = { "new", "read", "needs-review", "confident" };

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
    case PYPREP_STATUS_CONFIDENT:    return C_("status", "Confident");
    default:                         g_return_val_if_reached (NULL);
    }
}

/* Settings ------------------------------------------------------------ */

/**
 * pyprep_settings_new:
 *
 * Creates the app's settings. When GLib would keep them in memory only (no
 * dconf, or no session bus), they go to a keyfile in the user's config
 * directory instead, so that study progress never silently evaporates.
 * Asking for the memory backend explicitly (GSETTINGS_BACKEND=memory, as
 * the tests do) is respected.
 *
 * Returns: (transfer full): the settings
 */
GSettings *
pyprep_settings_new (void)
{
  static GSettingsBackend *backend;

  if (backend == NULL)
    {
      GSettingsBackend *fallback = g_settings_backend_get_default ();

      if (g_str_equal (G_OBJECT_TYPE_NAME (fallback), "GMemorySettingsBackend")
          && g_strcmp0 (g_getenv ("GSETTINGS_BACKEND"), "memory") != 0)
        {
          g_autofree char *path = g_build_filename (g_get_user_config_dir (), "pyprep",
                                                    "settings.ini", NULL);

          g_message ("No settings service is available; keeping settings in %s", path);
          g_object_unref (fallback);
          fallback = g_keyfile_settings_backend_new (path, "/io/github/pyprep/PyPrep/", "PyPrep");
        }

      backend = fallback;
    }

  return g_settings_new_with_backend (APPLICATION_ID, backend);
}

/* Loading ------------------------------------------------------------- */

static gboolean
lookup_typed (GVariantDict       *dict,
              const char         *key,
              const GVariantType *type,
              GVariant          **value)
{
  *value = g_variant_dict_lookup_value (dict, key, NULL);

  if (*value == NULL)
    return TRUE;  /* absent keys take their defaults */

  if (!g_variant_is_of_type (*value, type))
    {
      g_clear_pointer (value, g_variant_unref);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_progress (GVariant  *entry,
                Progress  *progress,
                char     **problem)
{
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (entry);
  g_autoptr(GVariant) status = NULL;
  g_autoptr(GVariant) first_seen = NULL;
  g_autoptr(GVariant) last_seen = NULL;
  g_autoptr(GVariant) opened = NULL;

  if (!lookup_typed (&dict, "status", G_VARIANT_TYPE_STRING, &status)
      || !lookup_typed (&dict, "first-seen", G_VARIANT_TYPE_INT64, &first_seen)
      || !lookup_typed (&dict, "last-seen", G_VARIANT_TYPE_INT64, &last_seen)
      || !lookup_typed (&dict, "opened", G_VARIANT_TYPE_UINT32, &opened))
    {
      *problem = g_strdup ("a value has the wrong type");
      return FALSE;
    }

  progress->status = PYPREP_STATUS_NEW;
  if (status != NULL
      && !pyprep_status_from_string (g_variant_get_string (status, NULL), &progress->status))
    {
      *problem = g_strdup_printf ("unknown status “%s”", g_variant_get_string (status, NULL));
      return FALSE;
    }

  progress->first_seen = first_seen ? g_variant_get_int64 (first_seen) : 0;
  progress->last_seen = last_seen ? g_variant_get_int64 (last_seen) : 0;
  progress->opened = opened ? g_variant_get_uint32 (opened) : 0;

  if (progress->first_seen < 0 || progress->last_seen < progress->first_seen)
    {
      *problem = g_strdup ("its dates are out of order");
      return FALSE;
    }

  return TRUE;
}

/* Whether review data makes sense; shared with the JSON import. */
gboolean
_pyprep_review_is_valid (const PyprepReviewState  *review,
                         const char               *grades,
                         char                    **problem)
{
  if (review->reps == 0)
    *problem = g_strdup ("it has no reviews");
  else if (!isfinite (review->stability) || review->stability <= 0
           || review->stability > PYPREP_SCHEDULER_MAX_DAYS)
    *problem = g_strdup ("its stability is out of range");
  else if (!isfinite (review->difficulty) || review->difficulty < 1 || review->difficulty > 10)
    *problem = g_strdup ("its difficulty is out of range");
  else if (review->last_review <= 0 || review->due < review->last_review)
    *problem = g_strdup ("its review dates are out of order");
  else if (review->lapses > review->reps)
    *problem = g_strdup ("it has more lapses than reviews");
  else if (strlen (grades) > PYPREP_STUDY_MAX_GRADES
           || strspn (grades, "1234") != strlen (grades))
    *problem = g_strdup ("its grade history is not made of grades 1 to 4");
  else
    return TRUE;

  return FALSE;
}

/* The spaced-repetition part of an entry. When it is broken, only it is
 * dropped: the status and reading history of the question stay. */
static gboolean
parse_review (GVariant  *entry,
              Progress  *progress,
              char     **problem)
{
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (entry);
  g_autoptr(GVariant) due = NULL;
  g_autoptr(GVariant) stability = NULL;
  g_autoptr(GVariant) difficulty = NULL;
  g_autoptr(GVariant) reps = NULL;
  g_autoptr(GVariant) lapses = NULL;
  g_autoptr(GVariant) last_review = NULL;
  g_autoptr(GVariant) grades = NULL;
  g_autoptr(GVariant) first_review = NULL;
  PyprepReviewState review = { 0 };

  if (!lookup_typed (&dict, "due", G_VARIANT_TYPE_INT64, &due)
      || !lookup_typed (&dict, "stability", G_VARIANT_TYPE_DOUBLE, &stability)
      || !lookup_typed (&dict, "difficulty", G_VARIANT_TYPE_DOUBLE, &difficulty)
      || !lookup_typed (&dict, "reps", G_VARIANT_TYPE_UINT32, &reps)
      || !lookup_typed (&dict, "lapses", G_VARIANT_TYPE_UINT32, &lapses)
      || !lookup_typed (&dict, "last-review", G_VARIANT_TYPE_INT64, &last_review)
      || !lookup_typed (&dict, "grades", G_VARIANT_TYPE_STRING, &grades)
      || !lookup_typed (&dict, "first-review", G_VARIANT_TYPE_INT64, &first_review))
    {
      *problem = g_strdup ("a review value has the wrong type");
      return FALSE;
    }

  if (due == NULL && stability == NULL && difficulty == NULL && reps == NULL
      && lapses == NULL && last_review == NULL && grades == NULL)
    return TRUE;  /* never practised */

  if (due == NULL || stability == NULL || difficulty == NULL || reps == NULL
      || last_review == NULL)
    {
      *problem = g_strdup ("its review data is incomplete");
      return FALSE;
    }

  review.due = g_variant_get_int64 (due);
  review.stability = g_variant_get_double (stability);
  review.difficulty = g_variant_get_double (difficulty);
  review.reps = g_variant_get_uint32 (reps);
  review.lapses = lapses ? g_variant_get_uint32 (lapses) : 0;
  review.last_review = g_variant_get_int64 (last_review);

  if (!_pyprep_review_is_valid (&review, grades ? g_variant_get_string (grades, NULL) : "", problem))
    return FALSE;

  progress->review = review;
  g_strlcpy (progress->grades, grades ? g_variant_get_string (grades, NULL) : "",
             sizeof progress->grades);
  /* Optional: only used to count new questions per day. */
  progress->first_review = first_review ? CLAMP (g_variant_get_int64 (first_review), 0, review.last_review) : 0;
  return TRUE;
}

static void
load (PyprepStudy *self)
{
  g_autoptr(GVariant) progress = g_settings_get_value (self->settings, "progress");
  g_autoptr(GVariant) notes = g_settings_get_value (self->settings, "notes");
  g_autoptr(GVariant) activity = g_settings_get_value (self->settings, "activity");
  g_auto(GStrv) bookmarks = g_settings_get_strv (self->settings, "bookmarks");
  GVariantIter iter;
  const char *id;
  const char *text;
  GVariant *entry;
  guint count;

  g_variant_iter_init (&iter, progress);
  while (g_variant_iter_next (&iter, "{&s@a{sv}}", &id, &entry))
    {
      Progress parsed = { 0 };
      g_autofree char *problem = NULL;

      if (parse_progress (entry, &parsed, &problem))
        {
          if (!parse_review (entry, &parsed, &problem))
            {
              g_warning ("Ignoring the stored review data of “%s”: %s", id, problem);
              memset (&parsed.review, 0, sizeof parsed.review);
              parsed.first_review = 0;
              parsed.grades[0] = '\0';
            }
          g_hash_table_insert (self->progress, g_strdup (id), g_memdup2 (&parsed, sizeof parsed));
        }
      else
        g_warning ("Ignoring the stored progress of “%s”: %s", id, problem);

      g_variant_unref (entry);
    }

  for (guint i = 0; bookmarks[i] != NULL; i++)
    g_hash_table_add (self->bookmarks, g_strdup (bookmarks[i]));

  g_variant_iter_init (&iter, notes);
  while (g_variant_iter_next (&iter, "{&s&s}", &id, &text))
    g_hash_table_insert (self->notes, g_strdup (id), g_strdup (text));

  g_variant_iter_init (&iter, activity);
  while (g_variant_iter_next (&iter, "{&su}", &id, &count))
    g_hash_table_insert (self->activity, g_strdup (id), GUINT_TO_POINTER (count));

}

/* Saving -------------------------------------------------------------- */

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* Keys in order, so that the stored values do not churn. */
GPtrArray *
_pyprep_sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_sized_new (g_hash_table_size (table) + 1);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);

  g_ptr_array_sort (keys, compare_keys);
  return keys;
}

static void
save_progress (PyprepStudy *self)
{
  g_autoptr(GPtrArray) ids = _pyprep_sorted_keys (self->progress);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sa{sv}}"));
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = ids->pdata[i];
      Progress *progress = g_hash_table_lookup (self->progress, id);

      g_variant_builder_open (&builder, G_VARIANT_TYPE ("{sa{sv}}"));
      g_variant_builder_add (&builder, "s", id);
      g_variant_builder_open (&builder, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&builder, "{sv}", "status",
                             g_variant_new_string (pyprep_status_to_string (progress->status)));
      g_variant_builder_add (&builder, "{sv}", "first-seen", g_variant_new_int64 (progress->first_seen));
      g_variant_builder_add (&builder, "{sv}", "last-seen", g_variant_new_int64 (progress->last_seen));
      g_variant_builder_add (&builder, "{sv}", "opened", g_variant_new_uint32 (progress->opened));
      if (progress->review.reps > 0)
        {
          const PyprepReviewState *review = &progress->review;

          g_variant_builder_add (&builder, "{sv}", "due", g_variant_new_int64 (review->due));
          g_variant_builder_add (&builder, "{sv}", "stability", g_variant_new_double (review->stability));
          g_variant_builder_add (&builder, "{sv}", "difficulty", g_variant_new_double (review->difficulty));
          g_variant_builder_add (&builder, "{sv}", "reps", g_variant_new_uint32 (review->reps));
          g_variant_builder_add (&builder, "{sv}", "lapses", g_variant_new_uint32 (review->lapses));
          g_variant_builder_add (&builder, "{sv}", "last-review", g_variant_new_int64 (review->last_review));
          g_variant_builder_add (&builder, "{sv}", "grades", g_variant_new_string (progress->grades));
          g_variant_builder_add (&builder, "{sv}", "first-review", g_variant_new_int64 (progress->first_review));
        }
      g_variant_builder_close (&builder);
      g_variant_builder_close (&builder);
    }

  g_settings_set_value (self->settings, "progress", g_variant_builder_end (&builder));
}

static void
save_bookmarks (PyprepStudy *self)
{
  g_autoptr(GPtrArray) ids = _pyprep_sorted_keys (self->bookmarks);

  g_ptr_array_add (ids, NULL);
  g_settings_set_strv (self->settings, "bookmarks", (const char * const *)ids->pdata);
}

static void
save_string_map (PyprepStudy *self,
                 const char  *key,
                 GHashTable  *table,
                 gboolean     counts)
{
  g_autoptr(GPtrArray) keys = _pyprep_sorted_keys (table);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, counts ? G_VARIANT_TYPE ("a{su}") : G_VARIANT_TYPE ("a{ss}"));
  for (guint i = 0; i < keys->len; i++)
    {
      gpointer value = g_hash_table_lookup (table, keys->pdata[i]);

      if (counts)
        g_variant_builder_add (&builder, "{su}", keys->pdata[i], GPOINTER_TO_UINT (value));
      else
        g_variant_builder_add (&builder, "{ss}", keys->pdata[i], value);
    }

  g_settings_set_value (self->settings, key, g_variant_builder_end (&builder));
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

  G_OBJECT_CLASS (pyprep_study_parent_class)->finalize (object);
}

static void
pyprep_study_class_init (PyprepStudyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pyprep_study_finalize;

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
  self->mark_read_on_open = TRUE;
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
      load (self);
    }

  return self;
}

/* Emitted with the id as detail, so a row can listen to "changed::<id>". */
static void
emit_changed (PyprepStudy *self,
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

  if (self->settings != NULL)
    {
      save_progress (self);
      save_string_map (self, "activity", self->activity, TRUE);
    }
  emit_changed (self, id);
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

PyprepStatus
pyprep_study_get_status (PyprepStudy *self,
                         const char  *id)
{
  Progress *progress;

  g_return_val_if_fail (PYPREP_IS_STUDY (self), PYPREP_STATUS_NEW);
  g_return_val_if_fail (id != NULL, PYPREP_STATUS_NEW);

  progress = g_hash_table_lookup (self->progress, id);
  return progress ? progress->status : PYPREP_STATUS_NEW;
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
  if (progress->status == status)
    return;

  progress->status = status;
  if (self->settings != NULL)
    save_progress (self);
  emit_changed (self, id);
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

  if (self->settings != NULL)
    save_bookmarks (self);
  emit_changed (self, id);
}

/* "Weak" means bookmarked or marked as needing review. */
gboolean
pyprep_study_is_weak (PyprepStudy *self,
                      const char  *id)
{
  return pyprep_study_get_bookmarked (self, id)
         || pyprep_study_get_status (self, id) == PYPREP_STATUS_NEEDS_REVIEW;
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

  if (self->settings != NULL)
    save_string_map (self, "notes", self->notes, FALSE);
  emit_changed (self, id);
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

  g_return_if_fail (PYPREP_IS_STUDY (self));

  if (ids == NULL)
    {
      reset = _pyprep_sorted_keys (self->progress);
      for (guint i = 0; i < reset->len; i++)
        reset->pdata[i] = g_strdup (reset->pdata[i]);
      g_ptr_array_set_free_func (reset, g_free);
      g_hash_table_remove_all (self->progress);
    }
  else
    {
      reset = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; ids[i] != NULL; i++)
        if (g_hash_table_remove (self->progress, ids[i]))
          g_ptr_array_add (reset, g_strdup (ids[i]));
    }

  if (reset->len == 0)
    return;

  if (self->settings != NULL)
    save_progress (self);
  for (guint i = 0; i < reset->len; i++)
    emit_changed (self, reset->pdata[i]);
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
 * Schedules the question's next review and updates its status:
 *
 * - Again: needs review.
 * - Hard, Good or Easy pass. A pass right after another pass makes the
 *   question confident; a first pass makes a new question read and leaves
 *   a question that needs review as it is.
 *
 * The review also counts in the day's activity.
 */
void
pyprep_study_record_review (PyprepStudy *self,
                            const char  *id,
                            PyprepGrade  grade,
                            GDateTime   *now)
{
  Progress *progress;
  gsize n_grades;
  char previous;

  g_return_if_fail (PYPREP_IS_STUDY (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (pyprep_grade_is_valid (grade));
  g_return_if_fail (now != NULL);

  progress = ensure_progress (self, id);
  if (progress->review.reps == 0)
    progress->first_review = g_date_time_to_unix (now);
  pyprep_scheduler_review (&progress->review, grade, g_date_time_to_unix (now), &progress->review);

  n_grades = strlen (progress->grades);
  previous = n_grades > 0 ? progress->grades[n_grades - 1] : '\0';
  if (n_grades == PYPREP_STUDY_MAX_GRADES)
    memmove (progress->grades, progress->grades + 1, --n_grades);
  progress->grades[n_grades] = (char)('0' + grade);
  progress->grades[n_grades + 1] = '\0';

  if (!pyprep_grade_is_pass (grade))
    progress->status = PYPREP_STATUS_NEEDS_REVIEW;
  else if (previous >= '2' && previous <= '4')
    progress->status = PYPREP_STATUS_CONFIDENT;
  else if (progress->status == PYPREP_STATUS_NEW)
    progress->status = PYPREP_STATUS_READ;

  count_activity (self, id, now);
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

/* Private API for the JSON export and import --------------------------- */

void
_pyprep_study_collect_ids (PyprepStudy *self,
                           GHashTable  *ids)
{
  GHashTable *tables[] = { self->progress, self->bookmarks, self->notes };

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, tables[t]);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (ids, key);
    }
}

GPtrArray *
_pyprep_study_sorted_days (PyprepStudy *self)
{
  return _pyprep_sorted_keys (self->activity);
}

void
_pyprep_study_get_progress (PyprepStudy    *self,
                            const char     *id,
                            PyprepProgress *progress)
{
  Progress *stored = g_hash_table_lookup (self->progress, id);

  if (stored != NULL)
    *progress = *stored;
  else
    memset (progress, 0, sizeof *progress);
}

static void
take_imported (PyprepStudy    *self,
               const char     *id,
               PyprepImported *entry)
{
  g_hash_table_replace (self->progress, g_strdup (id), g_memdup2 (&entry->progress, sizeof entry->progress));

  if (entry->bookmarked)
    g_hash_table_add (self->bookmarks, g_strdup (id));
  else
    g_hash_table_remove (self->bookmarks, id);

  if (entry->note != NULL && entry->note[0] != '\0')
    g_hash_table_replace (self->notes, g_strdup (id), g_strdup (entry->note));
  else
    g_hash_table_remove (self->notes, id);
}

/* When the user last did anything with the question: opened or practised. */
static gint64
last_touched (const Progress *progress)
{
  return MAX (progress->last_seen, progress->review.reps > 0 ? progress->review.last_review : 0);
}

/* Applies an import that has been checked whole. Merging keeps, for each
 * question, the side that saw it last, and the larger count per day. */
void
_pyprep_study_apply_import (PyprepStudy      *self,
                            GHashTable       *entries,
                            GHashTable       *activity,
                            PyprepImportMode  mode)
{
  g_autoptr(GHashTable) touched = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) ids = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (mode == PYPREP_IMPORT_REPLACE)
    {
      _pyprep_study_collect_ids (self, touched);
      ids = _pyprep_sorted_keys (touched);
      for (guint i = 0; i < ids->len; i++)
        ids->pdata[i] = g_strdup (ids->pdata[i]);
      g_ptr_array_set_free_func (ids, g_free);
      g_hash_table_remove_all (touched);

      g_hash_table_remove_all (self->progress);
      g_hash_table_remove_all (self->bookmarks);
      g_hash_table_remove_all (self->notes);
      g_hash_table_remove_all (self->activity);
    }

  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      PyprepImported *entry = value;
      Progress *current = g_hash_table_lookup (self->progress, key);

      if (mode == PYPREP_IMPORT_REPLACE || current == NULL
          || last_touched (&entry->progress) > last_touched (current))
        take_imported (self, key, entry);
    }

  g_hash_table_iter_init (&iter, activity);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint current = GPOINTER_TO_UINT (g_hash_table_lookup (self->activity, key));

      if (GPOINTER_TO_UINT (value) > current)
        g_hash_table_replace (self->activity, g_strdup (key), value);
    }

  /* One change of the store, not four: delayed, the four keys reach the
   * backend together in one write (one change set in dconf, one file in
   * the keyfile backend), so a crash cannot leave old and new mixed. */
  if (self->settings != NULL)
    {
      GSettings *direct = self->settings;
      g_autoptr(GSettingsSchema) schema = NULL;
      g_autoptr(GSettingsBackend) backend = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GSettings) batch = NULL;

      /* A GSettings stays in delay-apply mode for good, so the writes go
       * through a second one on the same keys. */
      g_object_get (direct, "settings-schema", &schema, "backend", &backend, "path", &path, NULL);
      batch = g_settings_new_full (schema, backend, path);
      g_settings_delay (batch);
      self->settings = batch;
      save_progress (self);
      save_bookmarks (self);
      save_string_map (self, "notes", self->notes, FALSE);
      save_string_map (self, "activity", self->activity, TRUE);
      self->settings = direct;
      g_settings_apply (batch);
    }

  /* Tell observers about every question that may have changed. */
  if (ids != NULL)
    for (guint i = 0; i < ids->len; i++)
      emit_changed (self, ids->pdata[i]);
  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    emit_changed (self, key);
}
