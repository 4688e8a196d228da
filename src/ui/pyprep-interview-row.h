/* pyprep-interview-row.h: a row that shows and sets the interview date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-plan.h"
#include "pyprep-settings.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_INTERVIEW_ROW (pyprep_interview_row_get_type ())

G_DECLARE_FINAL_TYPE (PyprepInterviewRow, pyprep_interview_row, PYPREP, INTERVIEW_ROW, AdwActionRow)

PyprepSettings *pyprep_interview_row_get_settings (PyprepInterviewRow *self);
void            pyprep_interview_row_set_settings (PyprepInterviewRow *self,
                                                   PyprepSettings     *settings);
PyprepPlan     *pyprep_interview_make_plan        (PyprepLibrary      *library,
                                                   PyprepStudy        *study,
                                                   PyprepSettings     *settings,
                                                   GDateTime          *now);
char           *pyprep_interview_describe_date    (const char         *stored,
                                                   GDateTime          *now);

G_END_DECLS
