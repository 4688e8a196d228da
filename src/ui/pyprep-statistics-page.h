/* pyprep-statistics-page.h: streaks, the activity calendar, reviews due
 * and mastery per topic.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-library.h"
#include "pyprep-settings.h"
#include "pyprep-study.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_STATISTICS_PAGE (pyprep_statistics_page_get_type ())

G_DECLARE_FINAL_TYPE (PyprepStatisticsPage, pyprep_statistics_page, PYPREP, STATISTICS_PAGE, AdwBin)

GtkWidget     *pyprep_statistics_page_new         (PyprepStudy          *study,
                                                   PyprepLibrary        *library);
PyprepStudy   *pyprep_statistics_page_get_study   (PyprepStatisticsPage *self);
PyprepLibrary *pyprep_statistics_page_get_library (PyprepStatisticsPage *self);
void           pyprep_statistics_page_set_now     (PyprepStatisticsPage *self,
                                                   GDateTime            *now);
void           pyprep_statistics_page_set_settings (PyprepStatisticsPage *self,
                                                   PyprepSettings       *settings);
void           pyprep_statistics_page_refresh     (PyprepStatisticsPage *self);
gboolean       pyprep_statistics_page_get_computing (PyprepStatisticsPage *self);

G_END_DECLS
