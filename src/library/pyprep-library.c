/* pyprep-library.c: loads the built-in bank from the GResource and the
 * user's own decks from $XDG_DATA_HOME/pyprep/decks/. A deck with problems
 * never stops the others from loading; each problem is logged and kept so
 * the UI can show it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-library"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "pyprep-deck.h"
#include "pyprep-library.h"
#include "pyprep-question.h"
#include "pyprep-snippet.h"
#include "pyprep-topic.h"

struct _PyprepLibrary
{
  GObject     parent_instance;

  GListStore *topics;
  GHashTable *questions;  /* id -> PyprepQuestion (unowned, the topic owns it) */
  GHashTable *topic_ids;  /* id -> PyprepTopic (unowned) */
  GPtrArray  *problems;   /* GError */
  guint       n_questions;
};

G_DEFINE_FINAL_TYPE (PyprepLibrary, pyprep_library, G_TYPE_OBJECT)

static void
pyprep_library_finalize (GObject *object)
{
  PyprepLibrary *self = (PyprepLibrary *)object;

  g_clear_pointer (&self->questions, g_hash_table_unref);
  g_clear_pointer (&self->topic_ids, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_object (&self->topics);

  G_OBJECT_CLASS (pyprep_library_parent_class)->finalize (object);
}

static void
pyprep_library_class_init (PyprepLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pyprep_library_finalize;
}

static void
pyprep_library_init (PyprepLibrary *self)
{
  self->topics = g_list_store_new (PYPREP_TYPE_TOPIC);
  self->questions = g_hash_table_new (g_str_hash, g_str_equal);
  self->topic_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
}

PyprepLibrary *
pyprep_library_new (void)
{
  return g_object_new (PYPREP_TYPE_LIBRARY, NULL);
}

static void
report (PyprepLibrary *self,
        GError        *error)
{
  g_warning ("%s", error->message);
  g_ptr_array_add (self->problems, error);
}

/**
 * pyprep_library_load_bytes:
 * @source: the name used in messages, usually the file name
 *
 * Parses one deck and adds its topic. Problems go to the problem list.
 *
 * Returns: %TRUE if the topic was added
 */
gboolean
pyprep_library_load_bytes (PyprepLibrary *self,
                           const char    *source,
                           GBytes        *bytes)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new ();
  g_autoptr(PyprepTopic) topic = NULL;
  g_autoptr(GError) error = NULL;
  PyprepTopic *other;
  GListModel *questions;
  gsize length;
  const char *text;
  guint n;

  g_return_val_if_fail (PYPREP_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  text = g_bytes_get_data (bytes, &length);
  topic = pyprep_deck_parse (source, text ? text : "", length, self->questions,
                             problems, &error);

  for (guint i = 0; i < problems->len; i++)
    report (self, g_ptr_array_index (problems, i));

  if (topic == NULL)
    {
      report (self, g_steal_pointer (&error));
      return FALSE;
    }

  if ((other = g_hash_table_lookup (self->topic_ids, pyprep_topic_get_id (topic))))
    {
      report (self, g_error_new (PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_DUPLICATE_ID,
                                 _("%s:%u: The topic id “%s” is already used by %s"),
                                 source, 1, pyprep_topic_get_id (topic),
                                 pyprep_topic_get_source (other)));
      return FALSE;
    }

  questions = pyprep_topic_get_questions (topic);
  n = g_list_model_get_n_items (questions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PyprepQuestion) question = g_list_model_get_item (questions, i);
      g_hash_table_insert (self->questions,
                           (gpointer)pyprep_question_get_id (question), question);
    }
  self->n_questions += n;

  g_hash_table_insert (self->topic_ids, (gpointer)pyprep_topic_get_id (topic), topic);
  g_list_store_insert_sorted (self->topics, topic, pyprep_topic_compare, NULL);

  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **)a, *(const char **)b);
}

/* Loads every "*.md" below @resource_path, in name order. */
void
pyprep_library_load_resources (PyprepLibrary *self,
                               const char    *resource_path)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  g_return_if_fail (PYPREP_IS_LIBRARY (self));
  g_return_if_fail (resource_path != NULL);

  names = g_resources_enumerate_children (resource_path, 0, &error);
  if (names == NULL)
    {
      g_warning ("Cannot list the built-in decks in %s: %s", resource_path, error->message);
      return;
    }

  qsort (names, g_strv_length (names), sizeof (char *), compare_names);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (!g_str_has_suffix (names[i], ".md") || g_str_equal (names[i], "README.md"))
        continue;

      path = g_build_path ("/", resource_path, names[i], NULL);
      bytes = g_resources_lookup_data (path, 0, &error);
      if (bytes == NULL)
        {
          report (self, g_steal_pointer (&error));
          continue;
        }

      pyprep_library_load_bytes (self, names[i], bytes);
    }
}

/* Loads every "*.md" file in @directory, in name order. A missing
 * directory is not a problem: most users have no decks of their own. */
void
pyprep_library_load_directory (PyprepLibrary *self,
                               GFile         *directory)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  GFileInfo *info;

  g_return_if_fail (PYPREP_IS_LIBRARY (self));
  g_return_if_fail (G_IS_FILE (directory));

  enumerator = g_file_enumerate_children (directory,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                          G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                          G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (enumerator == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_warning ("Cannot read the deck folder %s: %s",
                   g_file_peek_path (directory), error->message);
      return;
    }

  names = g_ptr_array_new_with_free_func (g_free);
  while ((info = g_file_enumerator_next_file (enumerator, NULL, NULL)))
    {
      const char *name = g_file_info_get_name (info);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR && g_str_has_suffix (name, ".md")
          && g_file_info_get_size (info) > PYPREP_DECK_MAX_BYTES)
        {
          /* Said and skipped: a deck that large is not one a person wrote,
           * and reading it would slow every start. */
          g_autofree char *source = g_build_filename (g_file_peek_path (directory), name, NULL);
          g_autofree char *limit = g_format_size_full (PYPREP_DECK_MAX_BYTES, G_FORMAT_SIZE_IEC_UNITS);

          report (self, g_error_new (PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_TOO_LARGE,
                                     _("%s:%u: the deck is larger than %s, the most a deck may "
                                       "have; split it into smaller decks"), source, 1, limit));
        }
      else if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR && g_str_has_suffix (name, ".md"))
        g_ptr_array_add (names, g_strdup (name));
      g_object_unref (info);
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GFile) file = g_file_get_child (directory, name);
      g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);
      g_autofree char *source = g_file_get_path (file);

      if (bytes == NULL)
        {
          report (self, g_error_new (PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_ENCODING,
                                     "%s:%u: %s", source, 1, error->message));
          g_clear_error (&error);
          continue;
        }

      pyprep_library_load_bytes (self, source, bytes);
    }
}

GFile *
pyprep_library_get_user_deck_dir (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "pyprep", "decks", NULL);
}

/* The built-in bank, then the user's own decks. */
void
pyprep_library_load_default (PyprepLibrary *self)
{
  g_autoptr(GFile) user_dir = pyprep_library_get_user_deck_dir ();

  g_return_if_fail (PYPREP_IS_LIBRARY (self));

  pyprep_library_load_resources (self, RESOURCE_PREFIX "/content");
  pyprep_library_load_directory (self, user_dir);
}

/* Returns: (transfer none): a list of #PyprepTopic, in display order. */
GListModel *
pyprep_library_get_topics (PyprepLibrary *self)
{
  g_return_val_if_fail (PYPREP_IS_LIBRARY (self), NULL);
  return G_LIST_MODEL (self->topics);
}

guint
pyprep_library_get_n_questions (PyprepLibrary *self)
{
  g_return_val_if_fail (PYPREP_IS_LIBRARY (self), 0);
  return self->n_questions;
}

/**
 * pyprep_library_list_questions:
 *
 * Returns: (transfer container) (element-type PyprepQuestion): every
 *   question, topic by topic in display order
 */
GPtrArray *
pyprep_library_list_questions (PyprepLibrary *self)
{
  GListModel *topics;
  GPtrArray *all;
  guint n_topics;

  g_return_val_if_fail (PYPREP_IS_LIBRARY (self), NULL);

  topics = G_LIST_MODEL (self->topics);
  n_topics = g_list_model_get_n_items (topics);
  all = g_ptr_array_sized_new (self->n_questions);

  for (guint t = 0; t < n_topics; t++)
    {
      g_autoptr(PyprepTopic) topic = g_list_model_get_item (topics, t);
      GListModel *questions = pyprep_topic_get_questions (topic);
      guint n = g_list_model_get_n_items (questions);

      for (guint q = 0; q < n; q++)
        {
          g_autoptr(PyprepQuestion) question = g_list_model_get_item (questions, q);
          g_ptr_array_add (all, question);  /* the topic keeps it alive */
        }
    }

  return all;
}

typedef struct
{
  const char *language;
  guint       uses;
} LanguageUses;

static int
compare_language_uses (gconstpointer a,
                       gconstpointer b)
{
  const LanguageUses *x = a, *y = b;

  if (x->uses != y->uses)
    return x->uses < y->uses ? 1 : -1;
  return strcmp (x->language, y->language);
}

/**
 * pyprep_library_dup_snippet_languages:
 *
 * The languages of the library's code fences, such as "python" or "c",
 * as their fences name them, the most used first.
 *
 * Returns: (transfer full): a %NULL-terminated array of languages
 */
char **
pyprep_library_dup_snippet_languages (PyprepLibrary *self)
{
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GHashTable) uses = NULL;  /* language → count */
  g_autoptr(GArray) sorted = NULL;
  GStrvBuilder *builder;
  GHashTableIter iter;
  gpointer key, value;
  char **languages;

  g_return_val_if_fail (PYPREP_IS_LIBRARY (self), NULL);

  questions = pyprep_library_list_questions (self);
  uses = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < questions->len; i++)
    {
      GPtrArray *snippets = pyprep_question_get_snippets (g_ptr_array_index (questions, i));

      for (guint j = 0; snippets != NULL && j < snippets->len; j++)
        {
          const char *language = ((PyprepSnippet *) g_ptr_array_index (snippets, j))->language;

          if (language != NULL && language[0] != '\0')
            g_hash_table_insert (uses, (gpointer) language,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (uses, language)) + 1));
        }
    }

  sorted = g_array_sized_new (FALSE, FALSE, sizeof (LanguageUses), g_hash_table_size (uses));
  g_hash_table_iter_init (&iter, uses);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      LanguageUses entry = { key, GPOINTER_TO_UINT (value) };

      g_array_append_val (sorted, entry);
    }
  g_array_sort (sorted, compare_language_uses);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < sorted->len; i++)
    g_strv_builder_add (builder, g_array_index (sorted, LanguageUses, i).language);
  languages = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return languages;
}

/* Returns: (transfer none) (nullable) */
PyprepQuestion *
pyprep_library_lookup_question (PyprepLibrary *self,
                                const char    *id)
{
  g_return_val_if_fail (PYPREP_IS_LIBRARY (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->questions, id);
}

/* Returns: (transfer none) (nullable) */
PyprepTopic *
pyprep_library_lookup_topic (PyprepLibrary *self,
                             const char    *id)
{
  g_return_val_if_fail (PYPREP_IS_LIBRARY (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->topic_ids, id);
}

/* Returns: (transfer none) (element-type GError): every problem met so far,
 * each message starting with "file:line:". */
/**
 * pyprep_library_add_problem:
 * @problem: (transfer full): "file:line: message", found after loading
 *
 * Adds a problem found later, such as an exercise whose solution fails
 * its own tests (pyprep-exercise-check.c).
 */
void
pyprep_library_add_problem (PyprepLibrary *self,
                            GError        *problem)
{
  g_return_if_fail (PYPREP_IS_LIBRARY (self));
  g_return_if_fail (problem != NULL);

  report (self, problem);
}

GPtrArray *
pyprep_library_get_problems (PyprepLibrary *self)
{
  g_return_val_if_fail (PYPREP_IS_LIBRARY (self), NULL);
  return self->problems;
}
