/* pyprep-exercise-view.h: write the code a question asks for, and run
 * its tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pyprep-scheduler.h"
#include "pyprep-types.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_EXERCISE_VIEW (pyprep_exercise_view_get_type ())

G_DECLARE_FINAL_TYPE (PyprepExerciseView, pyprep_exercise_view, PYPREP, EXERCISE_VIEW, GtkWidget)

GtkWidget      *pyprep_exercise_view_new          (void);
PyprepQuestion *pyprep_exercise_view_get_question (PyprepExerciseView *self);
void            pyprep_exercise_view_set_question (PyprepExerciseView *self,
                                                   PyprepQuestion     *question);
char           *pyprep_exercise_view_dup_code     (PyprepExerciseView *self);
gboolean        pyprep_exercise_view_get_finished (PyprepExerciseView *self);
gboolean        pyprep_exercise_view_get_graded   (PyprepExerciseView *self,
                                                   PyprepGrade        *grade);
void            pyprep_exercise_view_save         (PyprepExerciseView *self);
void            pyprep_exercise_view_set_answer_inline (PyprepExerciseView *self,
                                                        gboolean            answer_inline);

G_END_DECLS
