/* pyprep-topics-page.h: the sidebar's first page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pyprep-library.h"
#include "pyprep-study.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_TOPICS_PAGE (pyprep_topics_page_get_type ())

G_DECLARE_FINAL_TYPE (PyprepTopicsPage, pyprep_topics_page, PYPREP, TOPICS_PAGE, GtkWidget)

void        pyprep_topics_page_set_study         (PyprepTopicsPage *self,
                                                  PyprepLibrary    *library,
                                                  PyprepStudy      *study);
void        pyprep_topics_page_start             (PyprepTopicsPage *self,
                                                  gboolean          rows_out_of_sight);
void        pyprep_topics_page_select            (PyprepTopicsPage *self,
                                                  PyprepTopic      *topic);
GtkWidget  *pyprep_topics_page_get_list          (PyprepTopicsPage *self);
GListModel *pyprep_topics_page_get_all_questions (PyprepTopicsPage *self);

G_END_DECLS
