/* pyprep-backups.c: at most one snapshot of the study record a day, as
 * an export file named pyprep-YYYY-MM-DD.json in
 * $XDG_DATA_HOME/pyprep/backups/, keeping the newest PYPREP_BACKUPS_KEPT.
 * The export holds the review log too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-backups"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pyprep-backups.h"

#define PREFIX "pyprep-"
#define SUFFIX ".json"

void
pyprep_backup_free (PyprepBackup *backup)
{
  if (backup == NULL)
    return;

  g_free (backup->path);
  g_free (backup->day);
  g_free (backup);
}

GFile *
pyprep_backups_default_dir (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "pyprep", "backups", NULL);
}

/* The day in a backup's file name, or NULL if the name is not ours. */
static char *
day_of (const char *name)
{
  gsize length = strlen (name);
  g_autofree char *day = NULL;
  int year, month, date;

  if (!g_str_has_prefix (name, PREFIX) || !g_str_has_suffix (name, SUFFIX)
      || length != strlen (PREFIX) + 10 + strlen (SUFFIX))
    return NULL;

  day = g_strndup (name + strlen (PREFIX), 10);
  if (sscanf (day, "%4d-%2d-%2d", &year, &month, &date) != 3
      || !g_date_valid_dmy (date, month, year))
    return NULL;

  return g_steal_pointer (&day);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const PyprepBackup *x = *(PyprepBackup * const *)a;
  const PyprepBackup *y = *(PyprepBackup * const *)b;

  return -g_strcmp0 (x->day, y->day);
}

static GPtrArray *
list_files (GFile *dir)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GPtrArray *backups = g_ptr_array_new_with_free_func ((GDestroyNotify)pyprep_backup_free);
  GFileInfo *info;

  enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, NULL);
  if (enumerator == NULL)
    return backups;

  while ((info = g_file_enumerator_next_file (enumerator, NULL, NULL)))
    {
      g_autofree char *day = day_of (g_file_info_get_name (info));

      if (day != NULL)
        {
          PyprepBackup *backup = g_new0 (PyprepBackup, 1);
          g_autoptr(GFile) file = g_file_get_child (dir, g_file_info_get_name (info));

          backup->path = g_file_get_path (file);
          backup->day = g_steal_pointer (&day);
          g_ptr_array_add (backups, backup);
        }
      g_object_unref (info);
    }

  g_ptr_array_sort (backups, compare_newest_first);
  return backups;
}

/**
 * pyprep_backups_save_if_due:
 *
 * Writes today's snapshot unless there is one already, then removes all
 * but the newest %PYPREP_BACKUPS_KEPT. A damaged record (see
 * pyprep_study_get_damaged()) is not backed up, and nothing is removed. The file is written beside its
 * final name and renamed, so a crash never leaves half a backup.
 */
gboolean
pyprep_backups_save_if_due (PyprepStudy  *study,
                            GFile        *dir,
                            GDateTime    *now,
                            GError      **error)
{
  g_autofree char *name = g_date_time_format (now, PREFIX "%Y-%m-%d" SUFFIX);
  g_autoptr(GFile) file = g_file_get_child (dir, name);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *json = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (PYPREP_IS_STUDY (study), FALSE);

  /* A record that lost data while loading would make a backup missing it,
   * and rotation would then drop the good ones: the previous stay. */
  if (pyprep_study_get_damaged (study))
    {
      g_message ("No backup today: part of the study record could not be read");
      return TRUE;
    }
  if (pyprep_study_get_review_log_problem (study) != NULL)
    {
      g_message ("No backup today: the review log cannot be read");
      return TRUE;
    }

  if (g_file_query_exists (file, NULL))
    return TRUE;

  if (g_mkdir_with_parents (g_file_peek_path (dir), 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot create %s: %s"), g_file_peek_path (dir), g_strerror (saved));
      return FALSE;
    }

  json = pyprep_study_export_json (study, now);
  if (!g_file_set_contents_full (path, json, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;

  backups = list_files (dir);
  for (guint i = PYPREP_BACKUPS_KEPT; i < backups->len; i++)
    g_remove (((PyprepBackup *)backups->pdata[i])->path);

  return TRUE;
}

/**
 * pyprep_backups_list:
 *
 * Returns: (transfer full) (element-type PyprepBackup): the backups,
 *   newest first, each with what it holds; unreadable files are left out
 */
GPtrArray *
pyprep_backups_list (GFile *dir)
{
  GPtrArray *backups = list_files (dir);

  for (guint i = 0; i < backups->len; )
    {
      PyprepBackup *backup = backups->pdata[i];
      g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_get_contents (backup->path, &contents, &length, NULL)
          && pyprep_study_import_json (study, contents, length, PYPREP_IMPORT_REPLACE, NULL))
        {
          pyprep_study_count (study, &backup->bookmarks, &backup->reviewed);
          i++;
        }
      else
        {
          g_warning ("Skipping the unreadable backup %s", backup->path);
          g_ptr_array_remove_index (backups, i);
        }
    }

  return backups;
}

/* The record of @json as the app would export it at @now, without the
 * exercises' code, so that two records can be compared; NULL if it does
 * not read. */
static char *
normalized_record (const char *json,
                   gsize       length,
                   GDateTime  *now)
{
  g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);

  if (!pyprep_study_import_json (study, json, length, PYPREP_IMPORT_REPLACE, NULL))
    return NULL;
  return pyprep_study_export_json (study, now);
}

/**
 * pyprep_backups_find_differing:
 * @backups: (element-type PyprepBackup): from pyprep_backups_list()
 *
 * Returns: (transfer none) (nullable): the newest backup whose record
 *   differs from @study's, which restoring would change something for
 */
PyprepBackup *
pyprep_backups_find_differing (GPtrArray   *backups,
                               PyprepStudy *study)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *current_json = NULL;
  g_autofree char *current = NULL;

  g_return_val_if_fail (backups != NULL, NULL);
  g_return_val_if_fail (PYPREP_IS_STUDY (study), NULL);

  current_json = pyprep_study_export_json (study, now);
  current = normalized_record (current_json, strlen (current_json), now);

  for (guint i = 0; i < backups->len; i++)
    {
      PyprepBackup *backup = backups->pdata[i];
      g_autofree char *contents = NULL;
      g_autofree char *record = NULL;
      gsize length;

      if (!g_file_get_contents (backup->path, &contents, &length, NULL))
        continue;
      record = normalized_record (contents, length, now);
      if (record != NULL && g_strcmp0 (record, current) != 0)
        return backup;
    }

  return NULL;
}

/* Replaces the record with @backup's. A damaged review log is moved aside
 * first (pyprep_study_set_aside_review_log()), so that the backup's
 * reviews go into a new one.
 *
 * This runs on the calling thread, as does reading the backups for
 * pyprep_backups_list(): fine for a record of months, but a backup with
 * years of reviews holds the caller for as long as a synchronous import
 * of it (seconds for 100,000 reviews); pyprep_study_import_json_async()
 * is the way off the main thread. */
gboolean
pyprep_backups_restore (PyprepStudy   *study,
                        PyprepBackup  *backup,
                        GError       **error)
{
  g_autofree char *contents = NULL;
  const GError *problem;
  gsize length;

  g_return_val_if_fail (PYPREP_IS_STUDY (study), FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);

  if (!g_file_get_contents (backup->path, &contents, &length, error))
    return FALSE;

  problem = pyprep_study_get_review_log_problem (study);
  if (problem != NULL && g_error_matches (problem, PYPREP_REVIEW_LOG_ERROR, PYPREP_REVIEW_LOG_ERROR_CORRUPT)
      && !pyprep_study_set_aside_review_log (study, error))
    return FALSE;

  return pyprep_study_import_json (study, contents, length, PYPREP_IMPORT_REPLACE, error);
}
