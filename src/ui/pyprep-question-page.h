/* pyprep-question-page.h: shows one question and its rendered answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pyprep-study.h"
#include "pyprep-types.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_QUESTION_PAGE (pyprep_question_page_get_type ())

G_DECLARE_FINAL_TYPE (PyprepQuestionPage, pyprep_question_page, PYPREP, QUESTION_PAGE, GtkWidget)

GtkWidget      *pyprep_question_page_new          (void);
PyprepQuestion *pyprep_question_page_get_question (PyprepQuestionPage *self);
void            pyprep_question_page_set_question (PyprepQuestionPage *self,
                                                   PyprepQuestion     *question,
                                                   PyprepLibrary      *library);

void            pyprep_question_page_set_study    (PyprepQuestionPage *self,
                                                   PyprepStudy        *study);
void            pyprep_question_page_keep_place     (PyprepQuestionPage *self);
void            pyprep_question_page_set_highlights (PyprepQuestionPage *self,
                                                     const char * const *words);

G_END_DECLS
