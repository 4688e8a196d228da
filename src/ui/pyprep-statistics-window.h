/* pyprep-statistics-window.h: the Statistics view in a window of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-library.h"
#include "pyprep-statistics-page.h"
#include "pyprep-study.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_STATISTICS_WINDOW (pyprep_statistics_window_get_type ())

G_DECLARE_FINAL_TYPE (PyprepStatisticsWindow, pyprep_statistics_window, PYPREP, STATISTICS_WINDOW, AdwWindow)

GtkWindow            *pyprep_statistics_window_new      (GtkWindow              *parent,
                                                         PyprepStudy            *study,
                                                         PyprepLibrary          *library);
PyprepStatisticsPage *pyprep_statistics_window_get_page (PyprepStatisticsWindow *self);

G_END_DECLS
