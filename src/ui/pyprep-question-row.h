/* pyprep-question-row.h: a question in the sidebar's list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pyprep-question.h"
#include "pyprep-study.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_QUESTION_ROW (pyprep_question_row_get_type ())

G_DECLARE_FINAL_TYPE (PyprepQuestionRow, pyprep_question_row, PYPREP, QUESTION_ROW, GtkWidget)

GtkWidget      *pyprep_question_row_new          (PyprepStudy       *study);
PyprepQuestion *pyprep_question_row_get_question (PyprepQuestionRow *self);
void            pyprep_question_row_set_question (PyprepQuestionRow *self,
                                                  PyprepQuestion    *question);

G_END_DECLS
