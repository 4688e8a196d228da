/* pyprep-drafts.c: one file per exercise, <question id>.py, in
 * $XDG_DATA_HOME/pyprep/drafts/. Each save writes a new file and renames
 * it over the old one (g_file_set_contents), so a crash or a kill leaves
 * the last save whole. A file that is not UTF-8 text is reported and
 * left as it is: the next save of that exercise is refused, so it is
 * never overwritten.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-drafts"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pyprep-drafts.h"

/* A draft is code typed by hand; anything bigger is not one. */
#define MAX_DRAFT_SIZE (1024 * 1024)

struct _PyprepDrafts
{
  GObject     parent_instance;

  char       *directory;
  GHashTable *unreadable;   /* ids whose file must not be overwritten */
};

G_DEFINE_FINAL_TYPE (PyprepDrafts, pyprep_drafts, G_TYPE_OBJECT)

static void
pyprep_drafts_finalize (GObject *object)
{
  PyprepDrafts *self = PYPREP_DRAFTS (object);

  g_free (self->directory);
  g_hash_table_unref (self->unreadable);

  G_OBJECT_CLASS (pyprep_drafts_parent_class)->finalize (object);
}

static void
pyprep_drafts_class_init (PyprepDraftsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pyprep_drafts_finalize;
}

static void
pyprep_drafts_init (PyprepDrafts *self)
{
  self->unreadable = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

PyprepDrafts *
pyprep_drafts_new (const char *directory)
{
  PyprepDrafts *self;

  g_return_val_if_fail (directory != NULL, NULL);

  self = g_object_new (PYPREP_TYPE_DRAFTS, NULL);
  self->directory = g_strdup (directory);
  return self;
}

/* The drafts in $XDG_DATA_HOME/pyprep/drafts/. */
PyprepDrafts *
pyprep_drafts_get_default (void)
{
  static PyprepDrafts *drafts;

  if (drafts == NULL)
    {
      g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "pyprep", "drafts", NULL);

      drafts = pyprep_drafts_new (directory);
    }
  return drafts;
}

const char *
pyprep_drafts_get_directory (PyprepDrafts *self)
{
  g_return_val_if_fail (PYPREP_IS_DRAFTS (self), NULL);
  return self->directory;
}

static char *
draft_path (PyprepDrafts *self,
            const char   *question_id)
{
  g_autofree char *name = g_strconcat (question_id, ".py", NULL);

  return g_build_filename (self->directory, name, NULL);
}

/**
 * pyprep_drafts_load:
 *
 * Returns: (transfer full) (nullable): the saved code, or %NULL with no
 *   error when there is none; %NULL and an error when the file cannot
 *   be read, and is then kept from being overwritten
 */
char *
pyprep_drafts_load (PyprepDrafts  *self,
                    const char    *question_id,
                    GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gsize length;

  g_return_val_if_fail (PYPREP_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  path = draft_path (self, question_id);
  if (g_stat (path, &st) != 0)
    {
      if (errno == ENOENT)
        return NULL;
    }
  else if (!S_ISREG (st.st_mode) || st.st_size > MAX_DRAFT_SIZE)
    {
      g_hash_table_add (self->unreadable, g_strdup (question_id));
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Your saved code in “%s” is not a file PyPrep wrote. It was left as it is."), path);
      return NULL;
    }

  if (!g_file_get_contents (path, &text, &length, &local_error))
    {
      g_hash_table_add (self->unreadable, g_strdup (question_id));
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Your saved code in “%s” could not be read (%s). It was left as it is."),
                   path, local_error->message);
      return NULL;
    }
  if (!g_utf8_validate_len (text, length, NULL) || memchr (text, '\0', length) != NULL)
    {
      g_hash_table_add (self->unreadable, g_strdup (question_id));
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Your saved code in “%s” is not text. It was left as it is."), path);
      return NULL;
    }

  g_hash_table_remove (self->unreadable, question_id);
  return g_steal_pointer (&text);
}

/* Saves @code atomically. Refused for a draft that could not be read. */
gboolean
pyprep_drafts_save (PyprepDrafts  *self,
                    const char    *question_id,
                    const char    *code,
                    GError       **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (PYPREP_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (question_id != NULL && code != NULL, FALSE);

  path = draft_path (self, question_id);
  if (g_hash_table_contains (self->unreadable, question_id))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” could not be read, so it is not overwritten"), path);
      return FALSE;
    }
  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not make the folder “%s”: %s"), self->directory, g_strerror (saved_errno));
      return FALSE;
    }

  return g_file_set_contents_full (path, code, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

/* Whether @question_id can name a draft file: a question id's slug
 * letters only, so that an imported id cannot point elsewhere. */
gboolean
pyprep_drafts_id_is_valid (const char *question_id)
{
  if (question_id == NULL || *question_id == '\0' || strlen (question_id) > 200)
    return FALSE;
  for (const char *p = question_id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/**
 * pyprep_drafts_list_ids:
 *
 * Returns: (transfer full) (element-type utf8): the ids with a saved
 *   draft, sorted
 */
GPtrArray *
pyprep_drafts_list_ids (PyprepDrafts *self)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (PYPREP_IS_DRAFTS (self), ids);

  dir = g_dir_open (self->directory, 0, NULL);
  if (dir == NULL)
    return ids;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;

      if (!g_str_has_suffix (name, ".py"))
        continue;
      id = g_strndup (name, strlen (name) - 3);
      if (pyprep_drafts_id_is_valid (id))
        g_ptr_array_add (ids, g_steal_pointer (&id));
    }
  g_ptr_array_sort (ids, compare_strings);
  return ids;
}

/* Returns: when the draft was last saved (Unix time), or 0 if there is none */
gint64
pyprep_drafts_get_saved (PyprepDrafts *self,
                         const char   *question_id)
{
  g_autofree char *path = NULL;
  GStatBuf st;

  g_return_val_if_fail (PYPREP_IS_DRAFTS (self), 0);

  path = draft_path (self, question_id);
  if (g_stat (path, &st) != 0)
    return 0;
  return st.st_mtime;
}
