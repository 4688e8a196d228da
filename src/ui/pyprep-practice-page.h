/* pyprep-practice-page.h: one practice session, card by card, then its
 * summary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-practice-session.h"
#include "pyprep-study.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_PRACTICE_PAGE (pyprep_practice_page_get_type ())

G_DECLARE_FINAL_TYPE (PyprepPracticePage, pyprep_practice_page, PYPREP, PRACTICE_PAGE, GtkWidget)

GtkWidget *pyprep_practice_page_new         (void);
void       pyprep_practice_page_start       (PyprepPracticePage    *self,
                                             PyprepPracticeSession *session,
                                             PyprepStudy           *study);
gboolean   pyprep_practice_page_get_revealed (PyprepPracticePage   *self);
void       pyprep_practice_page_reveal      (PyprepPracticePage    *self);
void       pyprep_practice_page_grade       (PyprepPracticePage    *self,
                                             PyprepGrade            grade);

G_END_DECLS
