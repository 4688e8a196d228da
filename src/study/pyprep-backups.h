/* pyprep-backups.h: daily snapshots of the study record.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-study.h"

G_BEGIN_DECLS

#define PYPREP_BACKUPS_KEPT 14

typedef struct
{
  char  *path;
  char  *day;        /* YYYY-MM-DD */
  guint  bookmarks;
  guint  reviewed;
} PyprepBackup;

void       pyprep_backup_free         (PyprepBackup  *backup);
GFile     *pyprep_backups_default_dir (void);
gboolean   pyprep_backups_save_if_due (PyprepStudy   *study,
                                       GFile         *dir,
                                       GDateTime     *now,
                                       GError       **error);
GPtrArray *pyprep_backups_list        (GFile         *dir);
PyprepBackup *pyprep_backups_find_differing (GPtrArray   *backups,
                                            PyprepStudy *study);
gboolean   pyprep_backups_restore     (PyprepStudy   *study,
                                       PyprepBackup  *backup,
                                       GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepBackup, pyprep_backup_free)

G_END_DECLS
