/* pyprep-window.h: the main window, a sidebar of topics and questions
 * beside the reading pane.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-settings.h"
#include "pyprep-study.h"
#include "pyprep-types.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_WINDOW (pyprep_window_get_type ())

G_DECLARE_FINAL_TYPE (PyprepWindow, pyprep_window, PYPREP, WINDOW, AdwApplicationWindow)

PyprepWindow   *pyprep_window_new                  (PyprepApplication *application);
PyprepWindow   *pyprep_window_new_for_library      (GtkApplication    *application,
                                                    PyprepLibrary     *library,
                                                    PyprepStudy       *study,
                                                    PyprepSettings    *settings);
void            pyprep_window_show_topic           (PyprepWindow      *self,
                                                    PyprepTopic       *topic);
void            pyprep_window_show_question        (PyprepWindow      *self,
                                                    PyprepQuestion    *question);
gboolean        pyprep_window_open_question_id     (PyprepWindow      *self,
                                                    const char        *id);
PyprepQuestion *pyprep_window_get_question         (PyprepWindow      *self);
GtkWidget      *pyprep_window_get_question_page    (PyprepWindow      *self);
void            pyprep_window_refresh_problems     (PyprepWindow      *self);

G_END_DECLS
