/* pyprep-study-json.c: export and import of the study record as
 * versioned JSON (format in data/study-format.md). An import is checked
 * whole before anything changes: a file with any problem changes nothing.
 * Once checked, it is merged into the record (or replaces it) and saved
 * as one change of the store.
 *
 * Threads: checking a file (parse_import()) touches nothing but the file,
 * so the asynchronous import runs it on a worker, with the merge of its
 * reviews and the replay of the log (see pyprep-study-log.c for the
 * second connection). The study, its settings and its log connection are
 * used on the main thread only: applying the result happens there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-study"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "pyprep-study-private.h"

G_DEFINE_QUARK (pyprep-study-error-quark, pyprep_study_error)

#define FORMAT_NAME "pyprep-study"

static void
add_review (JsonBuilder          *builder,
            const PyprepProgress *progress)
{
  const PyprepReviewState *review = &progress->review;

  json_builder_set_member_name (builder, "review");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "due");
  json_builder_add_int_value (builder, review->due);
  json_builder_set_member_name (builder, "stability");
  json_builder_add_double_value (builder, review->stability);
  json_builder_set_member_name (builder, "difficulty");
  json_builder_add_double_value (builder, review->difficulty);
  json_builder_set_member_name (builder, "reps");
  json_builder_add_int_value (builder, review->reps);
  json_builder_set_member_name (builder, "lapses");
  json_builder_add_int_value (builder, review->lapses);
  json_builder_set_member_name (builder, "last-review");
  json_builder_add_int_value (builder, review->last_review);
  json_builder_set_member_name (builder, "grades");
  json_builder_add_string_value (builder, progress->grades);
  json_builder_set_member_name (builder, "first-review");
  json_builder_add_int_value (builder, progress->first_review);
  json_builder_set_member_name (builder, "phase");
  json_builder_add_string_value (builder, pyprep_card_phase_to_string (pyprep_review_state_get_phase (review)));
  json_builder_set_member_name (builder, "step");
  json_builder_add_int_value (builder, review->step);
  json_builder_end_object (builder);
}

/* "drafts": { id: { "code": …, "saved": unix time } }. A draft that
 * cannot be read stays on disk and out of the file. */
static void
add_drafts (JsonBuilder  *builder,
            PyprepDrafts *drafts)
{
  g_autoptr(GPtrArray) ids = pyprep_drafts_list_ids (drafts);

  json_builder_set_member_name (builder, "drafts");
  json_builder_begin_object (builder);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *code = pyprep_drafts_load (drafts, ids->pdata[i], NULL);

      if (code == NULL)
        continue;
      json_builder_set_member_name (builder, ids->pdata[i]);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, code);
      json_builder_set_member_name (builder, "saved");
      json_builder_add_int_value (builder, pyprep_drafts_get_saved (drafts, ids->pdata[i]));
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

/* A JSON string: the characters JSON forbids raw are escaped; the rest,
 * valid UTF-8, stays as it is. */
static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar)*p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar)*p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_json_double (GString *out,
                    double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer, value));
}

/* "installations": [ uuid, … ] and "reviews": [ row, … ], a row being
 * [ installation index, time, card, kind, day, rating, elapsed, seconds ]
 * and, for a state entry, [ … stability, difficulty, reps, lapses,
 * last-review, due ]. Rows rather than objects, one a line, written here
 * rather than through JsonBuilder: a log of years is hundreds of thousands
 * of them, and a backup is written while the app runs. */
static void
append_reviews (GString   *out,
                GPtrArray *entries)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) installations = g_ptr_array_new ();

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      PyprepReviewEntry *entry = entries->pdata[i];

      if (!g_hash_table_contains (index, entry->installation))
        {
          g_hash_table_insert (index, entry->installation, GUINT_TO_POINTER (installations->len));
          g_ptr_array_add (installations, entry->installation);
        }
    }

  g_string_append (out, ",\n  \"installations\" : [");
  for (guint i = 0; i < installations->len; i++)
    {
      g_string_append (out, i > 0 ? ",\n    " : "\n    ");
      append_json_string (out, installations->pdata[i]);
    }
  g_string_append (out, installations->len > 0 ? "\n  ],\n  \"reviews\" : [" : "],\n  \"reviews\" : [");

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      PyprepReviewEntry *entry = entries->pdata[i];
      gboolean state = entry->kind == PYPREP_REVIEW_KIND_STATE;

      g_string_append_printf (out, "%s[%u, %" G_GINT64_FORMAT ", ", i > 0 ? ",\n    " : "\n    ",
                              GPOINTER_TO_UINT (g_hash_table_lookup (index, entry->installation)), entry->time);
      append_json_string (out, entry->card);
      g_string_append_printf (out, ", \"%s\", ", pyprep_review_kind_to_string (entry->kind));
      append_json_string (out, entry->day);
      if (state)
        g_string_append (out, ", null, ");
      else
        g_string_append_printf (out, ", %d, ", entry->rating);
      if (entry->elapsed >= 0)
        append_json_double (out, entry->elapsed);
      else
        g_string_append (out, "null");
      if (entry->seconds >= 0)
        g_string_append_printf (out, ", %d", entry->seconds);
      else
        g_string_append (out, ", null");
      if (state)
        {
          g_string_append (out, ", ");
          append_json_double (out, entry->state.stability);
          g_string_append (out, ", ");
          append_json_double (out, entry->state.difficulty);
          g_string_append_printf (out, ", %u, %u, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", \"%s\", %u",
                                  entry->state.reps, entry->state.lapses, entry->state.last_review,
                                  entry->state.due,
                                  pyprep_card_phase_to_string (pyprep_review_state_get_phase (&entry->state)),
                                  entry->state.step);
        }
      g_string_append_c (out, ']');
    }
  g_string_append (out, entries != NULL && entries->len > 0 ? "\n  ]\n}" : "]\n}");
}

char *
pyprep_study_export_json (PyprepStudy *self,
                          GDateTime   *now)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autofree char *generated = NULL;
  GHashTable *seen;
  GString *text;

  g_return_val_if_fail (PYPREP_IS_STUDY (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  /* Every id with any state: progress, a bookmark or a note. */
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  _pyprep_study_collect_ids (self, seen);
  ids = _pyprep_sorted_keys (seen);
  g_hash_table_unref (seen);

  exported = g_date_time_format_iso8601 (now);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, PYPREP_STUDY_EXPORT_VERSION);
  json_builder_set_member_name (builder, "exported");
  json_builder_add_string_value (builder, exported);

  json_builder_set_member_name (builder, "questions");
  json_builder_begin_object (builder);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = ids->pdata[i];
      PyprepProgress progress;
      const char *note = pyprep_study_get_note (self, id);

      _pyprep_study_get_progress (self, id, &progress);
      json_builder_set_member_name (builder, id);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, pyprep_status_to_string (progress.status));
      json_builder_set_member_name (builder, "status-set");
      json_builder_add_int_value (builder, progress.status_set);
      json_builder_set_member_name (builder, "bookmarked");
      json_builder_add_boolean_value (builder, pyprep_study_get_bookmarked (self, id));
      json_builder_set_member_name (builder, "first-seen");
      json_builder_add_int_value (builder, progress.first_seen);
      json_builder_set_member_name (builder, "last-seen");
      json_builder_add_int_value (builder, progress.last_seen);
      json_builder_set_member_name (builder, "opened");
      json_builder_add_int_value (builder, progress.opened);
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, note ? note : "");
      if (progress.review.reps > 0)
        add_review (builder, &progress);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "activity");
  json_builder_begin_object (builder);
  {
    g_autoptr(GPtrArray) days = _pyprep_study_sorted_days (self);

    for (guint i = 0; i < days->len; i++)
      {
        json_builder_set_member_name (builder, days->pdata[i]);
        json_builder_add_int_value (builder, pyprep_study_get_activity (self, days->pdata[i]));
      }
  }
  json_builder_end_object (builder);

  if (self->drafts != NULL)
    add_drafts (builder, self->drafts);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  generated = json_generator_to_data (generator, NULL);
  text = g_string_new (generated);

  /* The log goes in before the closing brace. */
  while (text->len > 0 && text->str[text->len - 1] != '}')
    g_string_truncate (text, text->len - 1);
  g_string_truncate (text, text->len - 1);
  while (text->len > 0 && g_ascii_isspace (text->str[text->len - 1]))
    g_string_truncate (text, text->len - 1);
  reviews = _pyprep_study_log_export (self);
  append_reviews (text, reviews);
  return g_string_free (text, FALSE);
}

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, PYPREP_STUDY_ERROR, PYPREP_STUDY_ERROR_INVALID,
               _("This is not a PyPrep progress file: %s"), message);
  return FALSE;
}

static gboolean
only_members (JsonObject          *object,
              const char * const  *allowed,
              const char          *where,
              GError             **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      return invalid (error, _("unknown field “%s” in %s"), (const char *)l->data, where);

  return TRUE;
}

static gboolean
member_is (JsonObject *object,
           const char *name,
           GType       type)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* A number that may have been written without a fraction. */
static gboolean
member_number (JsonObject *object,
               const char *name,
               double     *value)
{
  if (member_is (object, name, G_TYPE_DOUBLE))
    *value = json_object_get_double_member (object, name);
  else if (member_is (object, name, G_TYPE_INT64))
    *value = (double)json_object_get_int_member (object, name);
  else
    return FALSE;

  return TRUE;
}

static gboolean
member_count (JsonObject *object,
              const char *name,
              guint      *value)
{
  gint64 n;

  if (!member_is (object, name, G_TYPE_INT64))
    return FALSE;

  n = json_object_get_int_member (object, name);
  if (n < 0 || n > G_MAXUINT32)
    return FALSE;

  *value = (guint)n;
  return TRUE;
}

static gboolean
parse_review (const char      *id,
              JsonNode        *node,
              PyprepProgress  *progress,
              GError         **error)
{
  static const char * const fields[] = { "due", "stability", "difficulty", "reps", "lapses",
                                         "last-review", "grades", "first-review", "phase", "step",
                                         NULL };
  g_autofree char *problem = NULL;
  PyprepReviewState review = { 0 };
  const char *grades;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, _("the review of “%s” is not an object"), id);

  object = json_node_get_object (node);
  if (!only_members (object, fields, id, error))
    return FALSE;

  if (!member_is (object, "due", G_TYPE_INT64)
      || !member_is (object, "last-review", G_TYPE_INT64)
      || !member_number (object, "stability", &review.stability)
      || !member_number (object, "difficulty", &review.difficulty)
      || !member_count (object, "reps", &review.reps)
      || !member_count (object, "lapses", &review.lapses)
      || !member_is (object, "grades", G_TYPE_STRING))
    return invalid (error, _("a review field of “%s” is missing or has the wrong type"), id);

  review.due = json_object_get_int_member (object, "due");
  review.last_review = json_object_get_int_member (object, "last-review");
  grades = json_object_get_string_member (object, "grades");

  /* Files written before the learning steps hold cards in review. */
  review.phase = PYPREP_CARD_PHASE_REVIEW;
  if (json_object_has_member (object, "phase")
      && (!member_is (object, "phase", G_TYPE_STRING)
          || !pyprep_card_phase_from_string (json_object_get_string_member (object, "phase"), &review.phase)
          || review.phase == PYPREP_CARD_PHASE_NEW))
    return invalid (error, _("the review of “%s” has an unknown phase"), id);
  if (json_object_has_member (object, "step") && !member_count (object, "step", &review.step))
    return invalid (error, _("a review field of “%s” is missing or has the wrong type"), id);

  if (!_pyprep_review_is_valid (&review, grades, &problem))
    return invalid (error, _("the review of “%s” is impossible"), id);

  progress->review = review;
  g_strlcpy (progress->grades, grades, sizeof progress->grades);
  if (member_is (object, "first-review", G_TYPE_INT64))
    progress->first_review = CLAMP (json_object_get_int_member (object, "first-review"),
                                    0, review.last_review);
  else if (json_object_has_member (object, "first-review"))
    return invalid (error, _("a review field of “%s” is missing or has the wrong type"), id);
  return TRUE;
}

static gboolean
parse_entry (const char      *id,
             JsonNode        *node,
             PyprepImported  *entry,
             GError         **error)
{
  static const char * const fields[] = { "status", "status-set", "bookmarked", "first-seen",
                                         "last-seen", "opened", "note", "review", NULL };
  JsonObject *object;
  gint64 opened;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, _("the entry for “%s” is not an object"), id);

  object = json_node_get_object (node);
  if (!only_members (object, fields, id, error))
    return FALSE;

  if (!member_is (object, "status", G_TYPE_STRING)
      || !member_is (object, "bookmarked", G_TYPE_BOOLEAN)
      || !member_is (object, "first-seen", G_TYPE_INT64)
      || !member_is (object, "last-seen", G_TYPE_INT64)
      || !member_is (object, "opened", G_TYPE_INT64)
      || !member_is (object, "note", G_TYPE_STRING))
    return invalid (error, _("a field of “%s” is missing or has the wrong type"), id);

  if (!pyprep_status_from_string (json_object_get_string_member (object, "status"),
                                  &entry->progress.status))
    return invalid (error, _("“%s” has an unknown status"), id);

  /* Version 4 adds when a status was set by hand. */
  entry->progress.status_set = -1;
  if (json_object_has_member (object, "status-set"))
    {
      if (!member_is (object, "status-set", G_TYPE_INT64))
        return invalid (error, _("a field of “%s” is missing or has the wrong type"), id);
      entry->progress.status_set = MAX (json_object_get_int_member (object, "status-set"), 0);
    }

  entry->progress.first_seen = json_object_get_int_member (object, "first-seen");
  entry->progress.last_seen = json_object_get_int_member (object, "last-seen");
  opened = json_object_get_int_member (object, "opened");
  if (entry->progress.first_seen < 0 || entry->progress.last_seen < entry->progress.first_seen
      || opened < 0 || opened > G_MAXUINT32)
    return invalid (error, _("“%s” has impossible dates or counts"), id);

  entry->progress.opened = (guint)opened;
  entry->bookmarked = json_object_get_boolean_member (object, "bookmarked");
  entry->note = g_strdup (json_object_get_string_member (object, "note"));

  /* Version 2 adds the spaced-repetition state; absent means never practised. */
  if (json_object_has_member (object, "review")
      && !parse_review (id, json_object_get_member (object, "review"), &entry->progress, error))
    return FALSE;

  if (entry->progress.status_set < 0)
    _pyprep_progress_migrate_status (&entry->progress);

  return TRUE;
}

static void
imported_free (gpointer data)
{
  PyprepImported *entry = data;

  g_free (entry->note);
  g_free (entry);
}

static void
read_import_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *buffer = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  /* A pipe would block for ever and a device (/dev/zero) never ends:
   * only a regular file is opened. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_task_return_new_error (task, PYPREP_STUDY_ERROR, PYPREP_STUDY_ERROR_NOT_A_FILE,
                               _("“%s” is not a file that PyPrep can import. Choose a progress "
                                 "file that PyPrep exported."),
                               g_file_info_get_display_name (info));
      return;
    }

  /* Whatever size the file claims, no more than one byte past the limit
   * is read. */
  stream = g_file_read (file, cancellable, &error);
  buffer = g_malloc (PYPREP_STUDY_IMPORT_MAX_BYTES + 1);
  if (stream == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, PYPREP_STUDY_IMPORT_MAX_BYTES + 1,
                                   &length, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (length > PYPREP_STUDY_IMPORT_MAX_BYTES)
    {
      g_autofree char *limit = g_format_size (PYPREP_STUDY_IMPORT_MAX_BYTES);

      g_task_return_new_error (task, PYPREP_STUDY_ERROR, PYPREP_STUDY_ERROR_TOO_LARGE,
                               _("The file is larger than %s, too large to be a PyPrep "
                                 "progress file."), limit);
      return;
    }

  g_task_return_pointer (task, g_bytes_new_take (g_realloc (g_steal_pointer (&buffer), MAX (length, 1)), length),
                         (GDestroyNotify)g_bytes_unref);
}

/**
 * pyprep_study_read_import_async:
 * @file: the file the user chose to import
 *
 * Reads @file for pyprep_study_import_json() on another thread: only a
 * regular file, and no more than %PYPREP_STUDY_IMPORT_MAX_BYTES, whatever
 * size it reports.
 */
void
pyprep_study_read_import_async (GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pyprep_study_read_import_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_import_thread);
}

/**
 * pyprep_study_read_import_finish:
 *
 * Returns: (transfer full): the file's contents, or %NULL with @error
 *   set: %PYPREP_STUDY_ERROR_NOT_A_FILE, %PYPREP_STUDY_ERROR_TOO_LARGE, or
 *   the GIO error that stopped the reading
 */
GBytes *
pyprep_study_read_import_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, pyprep_study_read_import_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* An exercise's code read from an import file. */
typedef struct
{
  char   *code;
  gint64  saved;
} ImportedDraft;

static void
imported_draft_free (gpointer data)
{
  ImportedDraft *draft = data;

  g_free (draft->code);
  g_free (draft);
}

static gboolean
parse_drafts (JsonNode    *node,
              GHashTable  *drafts,
              GError     **error)
{
  static const char * const fields[] = { "code", "saved", NULL };
  JsonObjectIter iter;
  const char *id;
  JsonNode *value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, _("the drafts field is not an object"));

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &id, &value))
    {
      JsonObject *object;
      ImportedDraft *draft;

      if (!pyprep_drafts_id_is_valid (id))
        return invalid (error, _("“%s” is not a question id"), id);
      if (!JSON_NODE_HOLDS_OBJECT (value))
        return invalid (error, _("the code of “%s” is not an object"), id);
      object = json_node_get_object (value);
      if (!only_members (object, fields, id, error))
        return FALSE;
      if (!member_is (object, "code", G_TYPE_STRING) || !member_is (object, "saved", G_TYPE_INT64)
          || json_object_get_int_member (object, "saved") < 0)
        return invalid (error, _("the code of “%s” lacks its text or when it was saved"), id);

      draft = g_new0 (ImportedDraft, 1);
      draft->code = g_strdup (json_object_get_string_member (object, "code"));
      draft->saved = json_object_get_int_member (object, "saved");
      g_hash_table_insert (drafts, g_strdup (id), draft);
    }

  return TRUE;
}

/* Writes the imported code: all of it on Replace, and on Merge where it
 * was saved after the code here. Code here that the file lacks is kept. */
static void
apply_drafts (PyprepStudy      *self,
              GHashTable       *drafts,
              PyprepImportMode  mode)
{
  GHashTableIter iter;
  gpointer key, value;

  if (self->drafts == NULL)
    return;

  g_hash_table_iter_init (&iter, drafts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ImportedDraft *draft = value;
      g_autoptr(GError) error = NULL;

      if (mode == PYPREP_IMPORT_MERGE && pyprep_drafts_get_saved (self->drafts, key) >= draft->saved)
        continue;
      if (!pyprep_drafts_save (self->drafts, key, draft->code, &error))
        g_warning ("Imported code for %s not written: %s", (const char *)key, error->message);
    }
}

/* Reviews (version 4) ---------------------------------------------------- */

static gboolean
element_int (JsonArray *row,
             guint      i,
             gint64     min,
             gint64     max,
             gint64    *value)
{
  JsonNode *node = json_array_get_element (row, i);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  *value = json_node_get_int (node);
  return *value >= min && *value <= max;
}

static gboolean
element_number (JsonArray *row,
                guint      i,
                double    *value)
{
  JsonNode *node = json_array_get_element (row, i);

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    *value = json_node_get_double (node);
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    *value = (double)json_node_get_int (node);
  else
    return FALSE;

  return TRUE;
}

static const char *
element_string (JsonArray *row,
                guint      i)
{
  JsonNode *node = json_array_get_element (row, i);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
element_is_null (JsonArray *row,
                 guint      i)
{
  return JSON_NODE_HOLDS_NULL (json_array_get_element (row, i));
}

static gboolean
day_is_valid (const char *day)
{
  int year, month, date;
  char end;

  return strlen (day) == 10 && sscanf (day, "%4d-%2d-%2d%c", &year, &month, &date, &end) == 3
         && g_date_valid_dmy (date, month, year);
}

/* One row of "reviews"; @n is its place, for messages. */
static gboolean
parse_review_row (JsonNode           *node,
                  guint               n,
                  GPtrArray          *installations,
                  gint64              latest,
                  PyprepReviewEntry  *entry,
                  GError            **error)
{
  JsonArray *row;
  const char *card, *kind, *day;
  gint64 installation, value = 0;
  guint length;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, _("review %u is not a list"), n + 1);
  row = json_node_get_array (node);
  length = json_array_get_length (row);
  /* A state entry has 14 fields, or 16 with its phase and step. */
  if (length != 8 && length != 14 && length != 16)
    return invalid (error, _("review %u does not have 8, 14 or 16 fields"), n + 1);

  card = element_string (row, 2);
  kind = element_string (row, 3);
  day = element_string (row, 4);
  if (!element_int (row, 0, 0, (gint64)installations->len - 1, &installation)
      || !element_int (row, 1, 0, G_MAXINT64, &entry->time)
      || card == NULL || card[0] == '\0' || strlen (card) > 256
      || kind == NULL || !pyprep_review_kind_from_string (kind, &entry->kind)
      || day == NULL || !day_is_valid (day)
      || (length > 8) != (entry->kind == PYPREP_REVIEW_KIND_STATE))
    return invalid (error, _("review %u has a field that is missing or out of range"), n + 1);

  entry->installation = g_strdup (installations->pdata[installation]);
  entry->card = g_strdup (card);
  g_strlcpy (entry->day, day, sizeof entry->day);

  if (entry->kind == PYPREP_REVIEW_KIND_STATE ? !element_is_null (row, 5)
                                            : !element_int (row, 5, 1, 4, &value))
    return invalid (error, _("review %u has no grade from 1 to 4"), n + 1);
  entry->rating = entry->kind == PYPREP_REVIEW_KIND_STATE ? 0 : (int)value;

  if (!element_is_null (row, 6) && (!element_number (row, 6, &entry->elapsed) || !(entry->elapsed >= 0)))
    return invalid (error, _("review %u has a field that is missing or out of range"), n + 1);
  if (!element_is_null (row, 7))
    {
      if (!element_int (row, 7, 0, G_MAXINT32, &value))
        return invalid (error, _("review %u has a field that is missing or out of range"), n + 1);
      entry->seconds = (int)value;
    }

  if (entry->kind == PYPREP_REVIEW_KIND_STATE)
    {
      gint64 reps, lapses;
      g_autofree char *problem = NULL;

      if (!element_number (row, 8, &entry->state.stability)
          || !element_number (row, 9, &entry->state.difficulty)
          || !element_int (row, 10, 0, G_MAXUINT32, &reps)
          || !element_int (row, 11, 0, G_MAXUINT32, &lapses)
          || !element_int (row, 12, 0, G_MAXINT64, &entry->state.last_review)
          || !element_int (row, 13, 0, G_MAXINT64, &entry->state.due))
        return invalid (error, _("review %u has a field that is missing or out of range"), n + 1);
      entry->state.reps = (guint)reps;
      entry->state.lapses = (guint)lapses;
      entry->state.phase = PYPREP_CARD_PHASE_REVIEW;
      if (length == 16)
        {
          const char *phase = element_string (row, 14);
          gint64 step = 0;

          if (phase == NULL || !pyprep_card_phase_from_string (phase, &entry->state.phase)
              || !element_int (row, 15, 0, PYPREP_SCHEDULER_MAX_STEPS - 1, &step))
            return invalid (error, _("review %u has a field that is missing or out of range"), n + 1);
          entry->state.step = (guint)step;
        }
      if (reps > 0 && !_pyprep_review_is_valid (&entry->state, "", &problem))
        return invalid (error, _("review %u holds an impossible state"), n + 1);
    }

  /* A grade from the future says the writer's clock was wrong: the whole
   * file is refused rather than letting it push cards out of reach. */
  if (entry->time > latest)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (entry->time / 1000);
      g_autofree char *date = when != NULL ? g_date_time_format (when, "%x") : g_strdup ("?");

      g_set_error (error, PYPREP_STUDY_ERROR, PYPREP_STUDY_ERROR_FUTURE,
                   _("The file has a review dated %s, later than today. The clock of the computer "
                     "that wrote it may be wrong. Nothing was imported."), date);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_reviews (JsonObject  *root,
               GPtrArray   *entries,
               GError     **error)
{
  JsonNode *installations_node = json_object_get_member (root, "installations");
  JsonNode *reviews_node = json_object_get_member (root, "reviews");
  g_autoptr(GPtrArray) installations = g_ptr_array_new ();
  gint64 latest = g_get_real_time () / 1000 + PYPREP_REVIEW_LOG_FUTURE_MS;
  JsonArray *array;

  if (installations_node == NULL && reviews_node == NULL)
    return TRUE;  /* before version 4 */

  if (installations_node == NULL || !JSON_NODE_HOLDS_ARRAY (installations_node)
      || reviews_node == NULL || !JSON_NODE_HOLDS_ARRAY (reviews_node))
    return invalid (error, _("the reviews or installations field is not a list"));

  array = json_node_get_array (installations_node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *uuid = element_string (array, i);

      if (uuid == NULL || !g_uuid_string_is_valid (uuid))
        return invalid (error, _("installation %u is not an id"), i + 1);
      g_ptr_array_add (installations, (gpointer)uuid);
    }

  array = json_node_get_array (reviews_node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      PyprepReviewEntry *entry = pyprep_review_entry_new ();

      g_ptr_array_add (entries, entry);
      if (!parse_review_row (json_array_get_element (array, i), i, installations, latest, entry, error))
        return FALSE;
    }

  return TRUE;
}

/* An import file, read and checked whole, not applied yet. */
typedef struct
{
  GHashTable *entries;   /* id -> PyprepImported */
  GHashTable *activity;  /* day -> count */
  GHashTable *drafts;    /* id -> ImportedDraft */
  GPtrArray  *reviews;   /* PyprepReviewEntry */
} ParsedImport;

static void
parsed_import_free (ParsedImport *parsed)
{
  if (parsed == NULL)
    return;

  g_clear_pointer (&parsed->entries, g_hash_table_unref);
  g_clear_pointer (&parsed->activity, g_hash_table_unref);
  g_clear_pointer (&parsed->drafts, g_hash_table_unref);
  g_clear_pointer (&parsed->reviews, g_ptr_array_unref);
  g_free (parsed);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParsedImport, parsed_import_free)

/* Checks a whole file. Touches no study, setting or database, so that it
 * may run on a worker thread.
 *
 * Returns: (transfer full) (nullable): what the file holds, or %NULL
 *   with @error saying what is wrong */
static ParsedImport *
parse_import (const char  *data,
              gsize        length,
              GError     **error)
{
  static const char * const top_fields[] = { "format", "version", "exported", "questions",
                                             "activity", "drafts", "installations", "reviews", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(ParsedImport) parsed = g_new0 (ParsedImport, 1);
  g_autoptr(GError) parse_error = NULL;
  JsonObject *root, *questions, *days;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (length > PYPREP_STUDY_IMPORT_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (length);

      g_set_error (error, PYPREP_STUDY_ERROR, PYPREP_STUDY_ERROR_TOO_LARGE,
                   _("The file is too large to be a PyPrep progress file (%s)"), size);
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, NULL))
    {
      invalid (error, _("the text is not valid UTF-8"));
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      invalid (error, "%s", parse_error->message);
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, _("the top level is not an object"));
      return NULL;
    }

  root = json_node_get_object (node);
  if (!only_members (root, top_fields, _("the file"), error))
    return NULL;

  if (!member_is (root, "format", G_TYPE_STRING)
      || g_strcmp0 (json_object_get_string_member (root, "format"), FORMAT_NAME) != 0)
    {
      invalid (error, _("the format field is missing"));
      return NULL;
    }

  if (!member_is (root, "version", G_TYPE_INT64))
    {
      invalid (error, _("the version field is missing"));
      return NULL;
    }

  /* Version 1 files (before practice) read as version 2 without reviews. */
  if (json_object_get_int_member (root, "version") < 1
      || json_object_get_int_member (root, "version") > PYPREP_STUDY_EXPORT_VERSION)
    {
      /* The number is formatted apart: gettext cannot see through
       * G_GINT64_FORMAT inside a translatable string. */
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                json_object_get_int_member (root, "version"));

      g_set_error (error, PYPREP_STUDY_ERROR, PYPREP_STUDY_ERROR_VERSION,
                   _("The file has format version %s; this PyPrep reads versions 1 to %d"),
                   found, PYPREP_STUDY_EXPORT_VERSION);
      return NULL;
    }

  node = json_object_get_member (root, "questions");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, _("the questions field is missing"));
      return NULL;
    }
  questions = json_node_get_object (node);

  node = json_object_get_member (root, "activity");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, _("the activity field is missing"));
      return NULL;
    }
  days = json_node_get_object (node);

  parsed->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, imported_free);
  json_object_iter_init (&iter, questions);
  while (json_object_iter_next (&iter, &name, &node))
    {
      PyprepImported *entry = g_new0 (PyprepImported, 1);

      if (!parse_entry (name, node, entry, error))
        {
          imported_free (entry);
          return NULL;
        }
      g_hash_table_insert (parsed->entries, g_strdup (name), entry);
    }

  parsed->activity = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  json_object_iter_init (&iter, days);
  while (json_object_iter_next (&iter, &name, &node))
    {
      gint64 count;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64
          || (count = json_node_get_int (node)) < 0 || count > G_MAXUINT32)
        {
          invalid (error, _("the activity of “%s” is not a count"), name);
          return NULL;
        }
      g_hash_table_insert (parsed->activity, g_strdup (name), GUINT_TO_POINTER ((guint)count));
    }

  parsed->drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, imported_draft_free);
  node = json_object_get_member (root, "drafts");
  if (node != NULL && !parse_drafts (node, parsed->drafts, error))
    return NULL;

  parsed->reviews = g_ptr_array_new_with_free_func ((GDestroyNotify)pyprep_review_entry_free);
  if (!parse_reviews (root, parsed->reviews, error))
    return NULL;

  return g_steal_pointer (&parsed);
}

/* The cheap half of an import, on the main thread: the record, its
 * settings, the exercise code and the signals. The log already holds the
 * file's reviews; @replay (nullable) is the log replayed since. */
static void
apply_parsed (PyprepStudy      *self,
              ParsedImport     *parsed,
              PyprepImportMode  mode,
              PyprepLogReplay  *replay)
{
  _pyprep_study_apply_import (self, parsed->entries, parsed->activity, mode, replay);
  apply_drafts (self, parsed->drafts, mode);
}

/**
 * pyprep_study_import_json:
 * @mode: merge with the current record, or replace it
 *
 * Reads a file written by pyprep_study_export_json(). The whole file is
 * checked first; if anything is wrong, nothing changes and @error says
 * what.
 *
 * Everything happens on the calling (main) thread: for a file with many
 * reviews use pyprep_study_import_json_async(). This one stays for the
 * small records written back at once: a backup restored at start, and
 * the snapshot that undoes a reset.
 */
gboolean
pyprep_study_import_json (PyprepStudy       *self,
                          const char        *data,
                          gsize              length,
                          PyprepImportMode   mode,
                          GError           **error)
{
  g_autoptr(ParsedImport) parsed = NULL;

  g_return_val_if_fail (PYPREP_IS_STUDY (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  parsed = parse_import (data != NULL ? data : "", length, error);
  if (parsed == NULL)
    return FALSE;

  /* Everything checked: apply. The log first, in one transaction: if it
   * cannot take the reviews, nothing changes. */
  if (!_pyprep_study_log_import (self, parsed->reviews, error))
    return FALSE;
  apply_parsed (self, parsed, mode, NULL);
  return TRUE;
}

/* Asynchronous import ---------------------------------------------------- */

/* How many times the log is replayed again because grades came while the
 * worker replayed it, before the last replay is done here instead. */
#define MAX_IMPORT_PASSES 4

/* An import in flight: the data of the outer task. Its fields are written
 * by one worker pass at a time and read on the main thread once the pass
 * has returned. */
typedef struct
{
  GBytes                *data;
  PyprepImportMode       mode;
  char                  *log_path;   /* the log the worker writes, or NULL */
  PyprepSchedulerConfig  scheduler;  /* a copy: the replay's */
  guint                  generation; /* PyprepStudy.log_generation when the pass began */
  guint                  passes;

  ParsedImport          *parsed;     /* from the first pass */
  gboolean               merged;     /* the reviews are in the log */
  PyprepLogReplay       *replay;     /* from the latest pass, or NULL */
  GError                *read_error; /* why the log could not be read after the merge */
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_bytes_unref (job->data);
  g_free (job->log_path);
  parsed_import_free (job->parsed);
  _pyprep_log_replay_free (job->replay);
  g_clear_error (&job->read_error);
  g_free (job);
}

/* A worker pass: the first checks the file and merges its reviews; every
 * pass then replays the log. Nothing here touches the study. */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  gboolean merged = FALSE;

  if (job->parsed == NULL)
    {
      gsize length;
      const char *data = g_bytes_get_data (job->data, &length);

      job->parsed = parse_import (data != NULL ? data : "", length, &error);
      if (job->parsed == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  if (job->log_path == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Once the reviews are in, the import goes to its end: cancelling then
   * would leave the log and the record apart. */
  if (!job->merged && g_task_return_error_if_cancelled (task))
    return;

  _pyprep_log_replay_free (g_steal_pointer (&job->replay));
  job->replay = _pyprep_log_import_on_worker (job->log_path, job->merged ? NULL : job->parsed->reviews,
                                              &job->scheduler, &merged, &error);
  job->merged = job->merged || merged;
  /* The reviews are in the log: freed here, not on the main thread. */
  if (job->merged)
    g_clear_pointer (&job->parsed->reviews, g_ptr_array_unref);
  if (job->replay == NULL && !job->merged)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_clear_error (&job->read_error);
  job->read_error = g_steal_pointer (&error);
  g_task_return_boolean (task, TRUE);
}

static void import_pass_done_cb (GObject      *object,
                                 GAsyncResult *result,
                                 gpointer      user_data);

static void
start_import_pass (GTask *task)
{
  PyprepStudy *self = g_task_get_source_object (task);
  ImportJob *job = g_task_get_task_data (task);
  g_autoptr(GTask) pass = g_task_new (NULL, g_task_get_cancellable (task), import_pass_done_cb,
                                      g_object_ref (task));

  job->generation = self->log_generation;
  job->passes++;
  g_task_set_source_tag (pass, start_import_pass);
  g_task_set_task_data (pass, job, NULL);
  g_task_run_in_thread (pass, import_thread);
}

static void
finish_import (GTask  *task,
               GError *error)
{
  PyprepStudy *self = g_task_get_source_object (task);

  g_assert (self->importing > 0);
  self->importing--;
  /* The grades given meanwhile, when the import changed nothing (and no
   * other import's worker may hold the log). */
  if (self->importing == 0)
    _pyprep_study_log_flush (self);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
import_pass_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PyprepStudy *self = g_task_get_source_object (task);
  ImportJob *job = g_task_get_task_data (task);
  const char *log_path = self->log != NULL ? pyprep_review_log_get_path (self->log) : NULL;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      finish_import (task, error);
      return;
    }

  if (g_strcmp0 (log_path, job->log_path) != 0)
    {
      /* The log was closed, opened or set aside meanwhile: the import
       * starts again, into the one there is now. */
      g_debug ("The review log changed during the import: again, into %s", log_path);
      g_clear_pointer (&job->replay, _pyprep_log_replay_free);
      g_clear_pointer (&job->parsed, parsed_import_free);
      g_free (job->log_path);
      job->log_path = g_strdup (log_path);
      job->merged = FALSE;
      start_import_pass (task);
      return;
    }

  if (job->log_path != NULL)
    {
      /* The grades given while the worker wrote wait: they go in after the
       * file's reviews. */
      _pyprep_study_log_flush (self);
      if (job->read_error != NULL)
        {
          g_warning ("The review log cannot be read after the import: %s", job->read_error->message);
          _pyprep_study_set_log_problem (self, job->read_error);
          g_clear_pointer (&job->replay, _pyprep_log_replay_free);
        }
      else if (self->log_generation != job->generation)
        {
          /* The replay misses what was written since: again, on the
           * worker, or here when grades keep coming. */
          if (job->passes < MAX_IMPORT_PASSES)
            {
              g_debug ("The review log changed while the import replayed it: once more");
              start_import_pass (task);
              return;
            }
          g_clear_pointer (&job->replay, _pyprep_log_replay_free);
        }
    }

  apply_parsed (self, job->parsed, job->mode, job->replay);
  finish_import (task, NULL);
}

/**
 * pyprep_study_import_json_async:
 * @data: the file's contents (pyprep_study_read_import_finish())
 * @mode: merge with the current record, or replace it
 *
 * Imports as pyprep_study_import_json() does, with the heavy part on a
 * worker thread: checking the file, merging its reviews into the review
 * log (through a connection of the worker's own) and replaying the log.
 * Only applying the result to the record, saving the settings and
 * emitting #PyprepStudy::changed happen on the main thread.
 *
 * Grades given meanwhile wait in memory and are written after the file's
 * reviews; when they change the log after the worker read it, the log is
 * replayed again before anything is applied, so they are neither lost
 * nor counted twice. Call one import at a time.
 *
 * @cancellable stops the import only until the reviews are in the log;
 * from then on it runs to its end, so that the log and the record agree.
 */
void
pyprep_study_import_json_async (PyprepStudy         *self,
                                GBytes              *data,
                                PyprepImportMode     mode,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (PYPREP_IS_STUDY (self));
  g_return_if_fail (data != NULL);

  job = g_new0 (ImportJob, 1);
  job->data = g_bytes_ref (data);
  job->mode = mode;
  job->log_path = self->log != NULL ? g_strdup (pyprep_review_log_get_path (self->log)) : NULL;
  job->scheduler = self->scheduler;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pyprep_study_import_json_async);
  g_task_set_task_data (task, job, import_job_free);
  self->importing++;
  start_import_pass (task);
}

/**
 * pyprep_study_import_json_finish:
 *
 * Returns: whether the file was imported; if not, nothing changed and
 *   @error says why, as pyprep_study_import_json() would
 */
gboolean
pyprep_study_import_json_finish (PyprepStudy   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, pyprep_study_import_json_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The record as the export reads it and the import changes it ---------- */

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
  PyprepProgress *stored = g_hash_table_lookup (self->progress, id);

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
last_touched (const PyprepProgress *progress)
{
  return MAX (progress->last_seen, progress->review.reps > 0 ? progress->review.last_review : 0);
}

/* Applies an import that has been checked whole. Merging keeps, for each
 * question, the side that saw it last, and the larger count per day. */
void
_pyprep_study_apply_import (PyprepStudy      *self,
                            GHashTable       *entries,
                            GHashTable       *activity,
                            PyprepImportMode  mode,
                            PyprepLogReplay  *replay)
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

      /* The user chose to replace the record: what could not be read was
       * kept as a copy, and is written over now. */
      _pyprep_study_forget_raw (self, NULL);
      self->frozen = 0;
    }

  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      PyprepImported *entry = value;
      PyprepProgress *current = g_hash_table_lookup (self->progress, key);

      if (mode == PYPREP_IMPORT_REPLACE || current == NULL
          || last_touched (&entry->progress) > last_touched (current))
        {
          take_imported (self, key, entry);
          _pyprep_study_forget_raw (self, key);
        }
    }

  g_hash_table_iter_init (&iter, activity);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint current = GPOINTER_TO_UINT (g_hash_table_lookup (self->activity, key));

      if (GPOINTER_TO_UINT (value) > current)
        g_hash_table_replace (self->activity, g_strdup (key), value);
    }

  /* The log and the settings agree again, then one change of the store,
   * not four. */
  _pyprep_study_log_reconcile (self, mode, replay);
  _pyprep_study_save_all (self);
  if (mode == PYPREP_IMPORT_REPLACE)
    _pyprep_study_set_damaged (self, FALSE);

  /* Tell observers about every question that may have changed. */
  if (ids != NULL)
    for (guint i = 0; i < ids->len; i++)
      _pyprep_study_emit_changed (self, ids->pdata[i]);
  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    _pyprep_study_emit_changed (self, key);
}
