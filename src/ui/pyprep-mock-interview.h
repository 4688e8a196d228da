/* pyprep-mock-interview.h: a timed mock interview over random questions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-scheduler.h"
#include "pyprep-study.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_MOCK_INTERVIEW (pyprep_mock_interview_get_type ())

G_DECLARE_FINAL_TYPE (PyprepMockInterview, pyprep_mock_interview, PYPREP, MOCK_INTERVIEW, GtkWidget)

GtkWidget *pyprep_mock_interview_new          (void);
void       pyprep_mock_interview_start        (PyprepMockInterview *self,
                                               GPtrArray           *questions,
                                               guint                seconds,
                                               PyprepStudy         *study);
void       pyprep_mock_interview_stop         (PyprepMockInterview *self);
void       pyprep_mock_interview_set_follow_ups (PyprepMockInterview *self,
                                                 gboolean             follow_ups);
gboolean   pyprep_mock_interview_get_on_follow_up (PyprepMockInterview *self);
gboolean   pyprep_mock_interview_get_revealed (PyprepMockInterview *self);
void       pyprep_mock_interview_reveal       (PyprepMockInterview *self);
void       pyprep_mock_interview_grade        (PyprepMockInterview *self,
                                               PyprepGrade          grade);
guint      pyprep_mock_interview_send_weak    (PyprepMockInterview *self);
gboolean   pyprep_mock_interview_keep_note    (PyprepMockInterview *self,
                                               guint                index,
                                               gboolean             follow_up);

G_END_DECLS
