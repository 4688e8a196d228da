/* pyprep-study-store.c: where the study record is kept. It is written to
 * GSettings after every change, one key per kind of state:
 *
 *   bookmarks  as          ids of bookmarked questions
 *   progress   a{sa{sv}}   id -> { status, status-set, first-seen,
 *                                  last-seen, opened, and once practised: due, stability,
 *                                  difficulty, reps, lapses, last-review,
 *                                  grades, first-review, phase, step }
 *
 * phase ("learning", "review" or "relearning") and step came with FSRS-6's
 * learning steps; an entry stored before them is a card in review.
 *   notes      a{ss}       id -> the user's note
 *   activity   a{su}       "YYYY-MM-DD" -> questions opened that day
 *
 * A stored entry that does not make sense is skipped with a warning; the
 * rest loads. A broken review part of an entry drops only that part.
 *
 * Nothing stored is thrown away, though. A skipped entry, or the broken
 * review part of one, is only ignored in memory: saving writes it back as
 * it was. A value the store holds but cannot read (cut short, or of the
 * wrong type; only the keyfile backend lets us see one, dconf hides it) is
 * copied to $XDG_DATA_HOME/pyprep/recovered/ and its key is not written
 * again this session: changes to it stay in memory. The other keys keep
 * saving, as the keyfile backend rewrites the file from its own copy, in
 * which the unreadable text stays as it was. Lines of the keyfile that are
 * not keyfile syntax are set aside when the settings are made. In each
 * case the study reports itself damaged, until a restore replaces it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-study"
#define G_SETTINGS_ENABLE_BACKEND

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <gio/gsettingsbackend.h>

#include "pyprep-study-private.h"

typedef PyprepProgress Progress;

/* Settings ------------------------------------------------------------ */

#define SET_ASIDE_DATA "pyprep-set-aside"

/* Keeps @text in a new dated file under $XDG_DATA_HOME/pyprep/recovered/,
 * named after @name. Returns its path, or NULL if it could not be written. */
static char *
keep_copy (const char *name,
           const char *extension,
           const char *text,
           gssize      length)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "pyprep", "recovered", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autoptr(GError) error = NULL;
  char *path = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_warning ("Cannot create %s: %s", dir, g_strerror (errno));
      return NULL;
    }

  for (guint i = 0; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); i++)
    {
      g_autofree char *base = i == 0 ? g_strdup_printf ("%s-%s%s", name, stamp, extension)
                                     : g_strdup_printf ("%s-%s-%u%s", name, stamp, i, extension);

      g_free (path);
      path = g_build_filename (dir, base, NULL);
    }

  if (!g_file_set_contents_full (path, text, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_warning ("Cannot keep a copy of the stored %s: %s", name, error->message);
      g_clear_pointer (&path, g_free);
    }

  return path;
}

/* Whether GKeyFile accepts @line; @in_group says whether a group came first. */
static gboolean
is_keyfile_line (const char *line,
                 gboolean   *in_group)
{
  g_autoptr(GKeyFile) probe = g_key_file_new ();
  g_autofree char *text = NULL;
  const char *start = line + strspn (line, " \t\r");

  if (*start == '\0' || *start == '#')
    return TRUE;

  if (*start == '[')
    return *in_group = g_key_file_load_from_data (probe, line, -1, G_KEY_FILE_NONE, NULL);

  text = g_strconcat ("[probe]\n", line, NULL);
  return *in_group && g_key_file_load_from_data (probe, text, -1, G_KEY_FILE_NONE, NULL);
}

/* GKeyFile stops at the first line it does not understand, so the
 * backend would see only what comes before it and erase the rest with its
 * next write. The file is copied whole, then rewritten without such lines.
 * Returns the copy's path. */
static char *
set_aside_garbage (const char *path,
                   const char *contents,
                   gsize       length)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  g_autoptr(GString) kept = g_string_new (NULL);
  g_autoptr(GKeyFile) check = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = keep_copy ("settings", ".ini", contents, length);
  gboolean in_group = FALSE;
  guint dropped = 0;

  if (copy == NULL)
    return NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (is_keyfile_line (lines[i], &in_group))
        g_string_append_printf (kept, "%s%s", lines[i], lines[i + 1] != NULL ? "\n" : "");
      else
        dropped++;
    }

  if (!g_key_file_load_from_data (check, kept->str, kept->len, G_KEY_FILE_KEEP_COMMENTS, NULL)
      || !g_file_set_contents_full (path, kept->str, kept->len, G_FILE_SET_CONTENTS_CONSISTENT,
                                    0600, &error))
    g_warning ("%s cannot be read and was left as it is; a copy is in %s", path, copy);
  else
    g_warning ("Removed %u unreadable lines from %s; a copy of the file is in %s", dropped, path, copy);

  return g_steal_pointer (&copy);
}

static GSettingsBackend *
keyfile_backend_new (const char *path,
                     const char *root_path,
                     const char *root_group)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *contents = NULL;
  g_autofree char *copy = NULL;
  GSettingsBackend *backend;
  gsize length;

  if (g_file_get_contents (path, &contents, &length, NULL)
      && !g_key_file_load_from_data (keyfile, contents, length, G_KEY_FILE_KEEP_COMMENTS, NULL))
    copy = set_aside_garbage (path, contents, length);

  backend = g_keyfile_settings_backend_new (path, root_path, root_group);
  /* Read by the study, which reports it. */
  if (copy != NULL)
    g_object_set_data_full (G_OBJECT (backend), SET_ASIDE_DATA, g_steal_pointer (&copy), g_free);

  return backend;
}

/**
 * pyprep_study_settings_new_for_file:
 * @path: a keyfile
 *
 * Creates the app's settings kept in @path. Lines of the file that are not
 * keyfile syntax are set aside first (see set_aside_garbage()).
 *
 * Returns: (transfer full): the settings
 */
GSettings *
pyprep_study_settings_new_for_file (const char *path)
{
  g_autoptr(GSettingsBackend) backend = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  backend = keyfile_backend_new (path, "/io/github/pyprep/PyPrep/", "PyPrep");
  return g_settings_new_with_backend (APPLICATION_ID, backend);
}

/**
 * pyprep_study_settings_new:
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
pyprep_study_settings_new (void)
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
          fallback = keyfile_backend_new (path, "/io/github/pyprep/PyPrep/", "PyPrep");
        }
      else if (g_str_equal (G_OBJECT_TYPE_NAME (fallback), "GKeyfileSettingsBackend"))
        {
          /* GLib's own keyfile (GSETTINGS_BACKEND=keyfile): made again,
           * on the same file, so that its unreadable lines are set aside. */
          g_autofree char *path = NULL;
          g_autofree char *root_path = NULL;
          g_autofree char *root_group = NULL;

          g_object_get (fallback, "filename", &path, "root-path", &root_path,
                        "root-group", &root_group, NULL);
          g_object_unref (fallback);
          fallback = keyfile_backend_new (path, root_path, root_group);
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
  g_autoptr(GVariant) status_set = NULL;

  if (!lookup_typed (&dict, "status", G_VARIANT_TYPE_STRING, &status)
      || !lookup_typed (&dict, "status-set", G_VARIANT_TYPE_INT64, &status_set)
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

  /* Absent before statuses followed the schedule: see _pyprep_study_load (). */
  progress->status_set = status_set ? MAX (g_variant_get_int64 (status_set), 0) : -1;
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
  g_autoptr(GVariant) phase = NULL;
  g_autoptr(GVariant) step = NULL;
  PyprepReviewState review = { 0 };

  if (!lookup_typed (&dict, "due", G_VARIANT_TYPE_INT64, &due)
      || !lookup_typed (&dict, "stability", G_VARIANT_TYPE_DOUBLE, &stability)
      || !lookup_typed (&dict, "difficulty", G_VARIANT_TYPE_DOUBLE, &difficulty)
      || !lookup_typed (&dict, "reps", G_VARIANT_TYPE_UINT32, &reps)
      || !lookup_typed (&dict, "lapses", G_VARIANT_TYPE_UINT32, &lapses)
      || !lookup_typed (&dict, "last-review", G_VARIANT_TYPE_INT64, &last_review)
      || !lookup_typed (&dict, "grades", G_VARIANT_TYPE_STRING, &grades)
      || !lookup_typed (&dict, "first-review", G_VARIANT_TYPE_INT64, &first_review)
      || !lookup_typed (&dict, "phase", G_VARIANT_TYPE_STRING, &phase)
      || !lookup_typed (&dict, "step", G_VARIANT_TYPE_UINT32, &step))
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
  review.phase = PYPREP_CARD_PHASE_REVIEW;
  review.step = step ? g_variant_get_uint32 (step) : 0;

  if (phase != NULL
      && (!pyprep_card_phase_from_string (g_variant_get_string (phase, NULL), &review.phase)
          || review.phase == PYPREP_CARD_PHASE_NEW))
    {
      *problem = g_strdup_printf ("unknown phase “%s”", g_variant_get_string (phase, NULL));
      return FALSE;
    }

  if (!_pyprep_review_is_valid (&review, grades ? g_variant_get_string (grades, NULL) : "", problem))
    return FALSE;

  progress->review = review;
  g_strlcpy (progress->grades, grades ? g_variant_get_string (grades, NULL) : "",
             sizeof progress->grades);
  /* Optional: only used to count new questions per day. */
  progress->first_review = first_review ? CLAMP (g_variant_get_int64 (first_review), 0, review.last_review) : 0;
  return TRUE;
}

static const struct {
  const char     *name;
  PyprepStoreKey  bit;
} record_keys[] = {
  { "progress", PYPREP_STORE_PROGRESS },
  { "bookmarks", PYPREP_STORE_BOOKMARKS },
  { "notes", PYPREP_STORE_NOTES },
  { "activity", PYPREP_STORE_ACTIVITY },
};

/* Something could not be read; @copy is where it was kept. */
static void
note_damage (PyprepStudy *self,
             const char  *copy)
{
  self->damaged = TRUE;
  if (self->recovered_path == NULL && copy != NULL)
    self->recovered_path = g_strdup (copy);
}

/* A value the keyfile holds but GSettings cannot read (cut short, or of
 * the wrong type) reads as the default, and the next save would write
 * over it. Its raw text is kept and its key is not written again. Other
 * backends hide such values from us; only a keyfile's text can be seen. */
static void
check_keyfile (PyprepStudy *self)
{
  g_autoptr(GSettingsBackend) backend = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *path = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *root_path = NULL;
  g_autofree char *root_group = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *group = NULL;
  const char *set_aside;
  gsize length;

  g_object_get (self->settings, "backend", &backend, "path", &path, NULL);
  set_aside = g_object_get_data (G_OBJECT (backend), SET_ASIDE_DATA);
  if (set_aside != NULL)
    note_damage (self, set_aside);

  if (!g_str_equal (G_OBJECT_TYPE_NAME (backend), "GKeyfileSettingsBackend"))
    return;

  g_object_get (backend, "filename", &filename, "root-path", &root_path,
                "root-group", &root_group, NULL);
  if (root_path == NULL || !g_str_has_prefix (path, root_path))
    return;

  /* The group of our keys, as GKeyfileSettingsBackend maps paths: the root
   * group right under the root path (as pyprep_study_settings_new() makes it),
   * else the path below the root (GSETTINGS_BACKEND=keyfile). */
  if (strlen (path) > strlen (root_path))
    group = g_strndup (path + strlen (root_path), strlen (path) - strlen (root_path) - 1);
  else
    group = g_strdup (root_group);

  if (group == NULL || !g_file_get_contents (filename, &contents, &length, NULL))
    return;

  if (!g_key_file_load_from_data (keyfile, contents, length, G_KEY_FILE_NONE, NULL))
    {
      /* Not set aside (not our keyfile, or it could not be repaired): any
       * write would lose what the backend did not read, so none is made. */
      g_autofree char *copy = keep_copy ("settings", ".ini", contents, length);

      g_warning ("%s cannot be read; the study record will not be saved this session", filename);
      self->frozen = PYPREP_STORE_PROGRESS | PYPREP_STORE_BOOKMARKS | PYPREP_STORE_NOTES
                     | PYPREP_STORE_ACTIVITY;
      note_damage (self, copy);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (record_keys); i++)
    {
      const char *name = record_keys[i].name;
      g_autofree char *raw = g_key_file_get_value (keyfile, group, name, NULL);
      g_autoptr(GVariant) value = NULL;
      g_autofree char *copy = NULL;

      if (raw == NULL || (value = g_settings_get_user_value (self->settings, name)) != NULL)
        continue;

      self->frozen |= record_keys[i].bit;
      copy = keep_copy (name, ".txt", raw, -1);
      g_warning ("The stored %s cannot be read and will not be saved over this session; %s%s",
                 name, copy != NULL ? "a copy is in " : "no copy could be made", copy ? copy : "");
      note_damage (self, copy);
    }
}

void
_pyprep_study_load (PyprepStudy *self)
{
  g_autoptr(GVariant) progress = NULL;
  g_autoptr(GVariant) notes = NULL;
  g_autoptr(GVariant) activity = NULL;
  g_auto(GStrv) bookmarks = NULL;
  GVariantIter iter;
  const char *id;
  const char *text;
  GVariant *entry;
  guint count;

  check_keyfile (self);
  progress = g_settings_get_value (self->settings, "progress");
  notes = g_settings_get_value (self->settings, "notes");
  activity = g_settings_get_value (self->settings, "activity");
  bookmarks = g_settings_get_strv (self->settings, "bookmarks");

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
              g_hash_table_insert (self->raw_progress, g_strdup (id), g_variant_ref (entry));
            }
          if (parsed.status_set < 0)
            _pyprep_progress_migrate_status (&parsed);
          g_hash_table_insert (self->progress, g_strdup (id), g_memdup2 (&parsed, sizeof parsed));
        }
      else
        {
          g_warning ("Ignoring the stored progress of “%s”: %s", id, problem);
          g_hash_table_insert (self->raw_progress, g_strdup (id), g_variant_ref (entry));
        }

      g_variant_unref (entry);
    }

  /* Those entries stay in the store; a copy guards them against the user
   * later replacing them. */
  if (g_hash_table_size (self->raw_progress) > 0)
    {
      g_autofree char *printed = g_variant_print (progress, TRUE);
      g_autofree char *copy = keep_copy ("progress", ".txt", printed, -1);

      if (copy != NULL)
        g_message ("Kept a copy of the stored progress in %s", copy);
      note_damage (self, copy);
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

/* @id's entry is replaced (reset or imported): what did not load goes. */
void
_pyprep_study_forget_raw (PyprepStudy *self,
                          const char  *id)
{
  if (id == NULL)
    g_hash_table_remove_all (self->raw_progress);
  else
    g_hash_table_remove (self->raw_progress, id);
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

static GVariant *
entry_to_variant (const Progress *progress,
                  GVariant       *raw)
{
  GVariantBuilder builder;
  g_autoptr(GVariant) entry = NULL;
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (raw);
  GVariantIter iter;
  const char *name;
  GVariant *value;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sv}"));
  g_variant_builder_add (&builder, "{sv}", "status",
                         g_variant_new_string (pyprep_status_to_string (progress->status)));
  g_variant_builder_add (&builder, "{sv}", "status-set", g_variant_new_int64 (progress->status_set));
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
      g_variant_builder_add (&builder, "{sv}", "phase",
                             g_variant_new_string (pyprep_card_phase_to_string (pyprep_review_state_get_phase (review))));
      g_variant_builder_add (&builder, "{sv}", "step", g_variant_new_uint32 (review->step));
    }

  if (raw == NULL)
    return g_variant_builder_end (&builder);

  /* What memory holds wins; stored fields it lacks (a review part that
   * did not load) stay as they were. */
  entry = g_variant_ref_sink (g_variant_builder_end (&builder));
  g_variant_iter_init (&iter, entry);
  while (g_variant_iter_next (&iter, "{&sv}", &name, &value))
    {
      g_variant_dict_insert_value (&dict, name, value);
      g_variant_unref (value);
    }

  return g_variant_dict_end (&dict);
}

void
_pyprep_study_save_progress (PyprepStudy *self)
{
  g_autoptr(GHashTable) all = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  GVariantBuilder builder;
  GHashTableIter iter;
  gpointer key;

  if (self->settings == NULL || (self->frozen & PYPREP_STORE_PROGRESS))
    return;

  /* The entries in memory and those that did not load. */
  all = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_iter_init (&iter, self->progress);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (all, key);
  g_hash_table_iter_init (&iter, self->raw_progress);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (all, key);
  ids = _pyprep_sorted_keys (all);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sa{sv}}"));
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = ids->pdata[i];
      Progress *progress = g_hash_table_lookup (self->progress, id);
      GVariant *raw = g_hash_table_lookup (self->raw_progress, id);

      if (progress != NULL)
        g_variant_builder_add (&builder, "{s@a{sv}}", id, entry_to_variant (progress, raw));
      else if (raw != NULL)
        g_variant_builder_add (&builder, "{s@a{sv}}", id, raw);  /* ignored, kept as stored */
    }

  g_settings_set_value (self->settings, "progress", g_variant_builder_end (&builder));
}

void
_pyprep_study_save_bookmarks (PyprepStudy *self)
{
  g_autoptr(GPtrArray) ids = NULL;

  if (self->settings == NULL || (self->frozen & PYPREP_STORE_BOOKMARKS))
    return;

  ids = _pyprep_sorted_keys (self->bookmarks);
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

void
_pyprep_study_save_notes (PyprepStudy *self)
{
  if (self->settings != NULL && !(self->frozen & PYPREP_STORE_NOTES))
    save_string_map (self, "notes", self->notes, FALSE);
}

void
_pyprep_study_save_activity (PyprepStudy *self)
{
  if (self->settings != NULL && !(self->frozen & PYPREP_STORE_ACTIVITY))
    save_string_map (self, "activity", self->activity, TRUE);
}

/* Saves the whole record as one change of the store, not four: delayed,
 * the four keys reach the backend together in one write (one change set
 * in dconf, one file in the keyfile backend), so a crash cannot leave old
 * and new mixed. */
void
_pyprep_study_save_all (PyprepStudy *self)
{
  GSettings *direct = self->settings;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsBackend) backend = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GSettings) batch = NULL;

  if (direct == NULL)
    return;

  /* A GSettings stays in delay-apply mode for good, so the writes go
   * through a second one on the same keys. */
  g_object_get (direct, "settings-schema", &schema, "backend", &backend, "path", &path, NULL);
  batch = g_settings_new_full (schema, backend, path);
  g_settings_delay (batch);
  self->settings = batch;
  _pyprep_study_save_progress (self);
  _pyprep_study_save_bookmarks (self);
  _pyprep_study_save_notes (self);
  _pyprep_study_save_activity (self);
  self->settings = direct;
  g_settings_apply (batch);
}
