/* pyprep-search-pane.h: the sidebar's search bar and what it finds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pyprep-library.h"
#include "pyprep-study.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_SEARCH_PANE (pyprep_search_pane_get_type ())

G_DECLARE_FINAL_TYPE (PyprepSearchPane, pyprep_search_pane, PYPREP, SEARCH_PANE, GtkWidget)

void                pyprep_search_pane_set_study       (PyprepSearchPane *self,
                                                        PyprepLibrary    *library,
                                                        PyprepStudy      *study);
void                pyprep_search_pane_set_topic       (PyprepSearchPane *self,
                                                        PyprepTopic      *topic);
const char         *pyprep_search_pane_get_scope       (PyprepSearchPane *self);
GListModel         *pyprep_search_pane_get_results     (PyprepSearchPane *self);
gboolean            pyprep_search_pane_get_searching   (PyprepSearchPane *self);
const char * const *pyprep_search_pane_get_terms       (PyprepSearchPane *self);
char               *pyprep_search_pane_dup_excerpt     (PyprepSearchPane *self,
                                                        PyprepQuestion   *question,
                                                        gboolean         *in_note);
void                pyprep_search_pane_set_key_capture (PyprepSearchPane *self,
                                                        GtkWidget        *widget);
void                pyprep_search_pane_begin           (PyprepSearchPane *self);
gboolean            pyprep_search_pane_focus_scope     (PyprepSearchPane *self);

G_END_DECLS
