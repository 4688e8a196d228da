/* pyprep-practice-window.h: the Practice window: choose a practice
 * session or a mock interview, then run it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-settings.h"
#include "pyprep-study.h"
#include "pyprep-types.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_PRACTICE_WINDOW (pyprep_practice_window_get_type ())

G_DECLARE_FINAL_TYPE (PyprepPracticeWindow, pyprep_practice_window, PYPREP, PRACTICE_WINDOW, AdwWindow)

PyprepPracticeWindow *pyprep_practice_window_new (GtkWindow      *parent,
                                                  PyprepLibrary  *library,
                                                  PyprepStudy    *study,
                                                  PyprepSettings *settings);

G_END_DECLS
