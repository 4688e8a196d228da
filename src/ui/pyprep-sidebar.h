/* pyprep-sidebar.h: the main window's sidebar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pyprep-library.h"
#include "pyprep-search-pane.h"
#include "pyprep-study.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_SIDEBAR (pyprep_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (PyprepSidebar, pyprep_sidebar, PYPREP, SIDEBAR, GtkWidget)

void                pyprep_sidebar_set_study         (PyprepSidebar  *self,
                                                      PyprepLibrary  *library,
                                                      PyprepStudy    *study);
PyprepTopic        *pyprep_sidebar_get_topic         (PyprepSidebar  *self);
void                pyprep_sidebar_show_topic        (PyprepSidebar  *self,
                                                      PyprepTopic    *topic);
void                pyprep_sidebar_set_question      (PyprepSidebar  *self,
                                                      PyprepQuestion *question);
PyprepQuestion     *pyprep_sidebar_get_neighbour     (PyprepSidebar  *self,
                                                      int             delta);
gboolean            pyprep_sidebar_get_position      (PyprepSidebar  *self,
                                                      guint          *position,
                                                      guint          *n_items);
void                pyprep_sidebar_begin_search      (PyprepSidebar  *self);
const char * const *pyprep_sidebar_get_search_terms  (PyprepSidebar  *self);
void                pyprep_sidebar_start             (PyprepSidebar  *self,
                                                      gboolean        on_question);
void                pyprep_sidebar_focus_topics      (PyprepSidebar  *self);
void                pyprep_sidebar_focus_question    (PyprepSidebar  *self);
PyprepSearchPane   *pyprep_sidebar_get_search_pane   (PyprepSidebar  *self);

G_END_DECLS
