/* pyprep-drafts.h: the code a user wrote for each exercise, kept on disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PYPREP_TYPE_DRAFTS (pyprep_drafts_get_type ())

G_DECLARE_FINAL_TYPE (PyprepDrafts, pyprep_drafts, PYPREP, DRAFTS, GObject)

PyprepDrafts *pyprep_drafts_new          (const char    *directory);
PyprepDrafts *pyprep_drafts_get_default  (void);
const char   *pyprep_drafts_get_directory (PyprepDrafts *self);
char         *pyprep_drafts_load         (PyprepDrafts  *self,
                                          const char    *question_id,
                                          GError       **error);
gboolean      pyprep_drafts_save         (PyprepDrafts  *self,
                                          const char    *question_id,
                                          const char    *code,
                                          GError       **error);
GPtrArray    *pyprep_drafts_list_ids     (PyprepDrafts  *self);
gint64        pyprep_drafts_get_saved    (PyprepDrafts  *self,
                                          const char    *question_id);
gboolean      pyprep_drafts_id_is_valid  (const char    *question_id);

G_END_DECLS
