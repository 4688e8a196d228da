/* pyprep-library.h: every loaded deck, with lookup by id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-types.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_LIBRARY (pyprep_library_get_type ())

G_DECLARE_FINAL_TYPE (PyprepLibrary, pyprep_library, PYPREP, LIBRARY, GObject)

PyprepLibrary  *pyprep_library_new               (void);
void            pyprep_library_load_default      (PyprepLibrary *self);
void            pyprep_library_load_resources    (PyprepLibrary *self,
                                                  const char    *resource_path);
void            pyprep_library_load_directory    (PyprepLibrary *self,
                                                  GFile         *directory);
gboolean        pyprep_library_load_bytes        (PyprepLibrary *self,
                                                  const char    *source,
                                                  GBytes        *bytes);
GListModel     *pyprep_library_get_topics        (PyprepLibrary *self);
guint           pyprep_library_get_n_questions   (PyprepLibrary *self);
GPtrArray      *pyprep_library_list_questions    (PyprepLibrary *self);
char          **pyprep_library_dup_snippet_languages (PyprepLibrary *self);
PyprepQuestion *pyprep_library_lookup_question   (PyprepLibrary *self,
                                                  const char    *id);
PyprepTopic    *pyprep_library_lookup_topic      (PyprepLibrary *self,
                                                  const char    *id);
GPtrArray      *pyprep_library_get_problems      (PyprepLibrary *self);
void            pyprep_library_add_problem       (PyprepLibrary *self,
                                                  GError        *problem);
GFile          *pyprep_library_get_user_deck_dir (void);

G_END_DECLS
