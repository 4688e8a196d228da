/* pyprep-exercise.h: the coding exercise a question may carry, as its
 * deck states it (see data/content/README.md, "Exercises").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pyprep-types.h"

G_BEGIN_DECLS

typedef enum {
  PYPREP_EXERCISE_STARTER,
  PYPREP_EXERCISE_TESTS,
  PYPREP_EXERCISE_HIDDEN_TESTS,
  PYPREP_EXERCISE_SOLUTION,
  PYPREP_EXERCISE_N_PARTS,
} PyprepExercisePart;

#define PYPREP_EXERCISE_MAX_HINTS 3

struct _PyprepExercise
{
  char      *code[PYPREP_EXERCISE_N_PARTS];  /* each part's text */
  guint      line[PYPREP_EXERCISE_N_PARTS];  /* its opening fence's line */
  GPtrArray *hints;                          /* of char*, at most 3 */
  guint      n_wrong;                        /* "python wrong" fences seen */
};

#define PYPREP_TYPE_EXERCISE (pyprep_exercise_get_type ())

GType           pyprep_exercise_get_type        (void) G_GNUC_CONST;
PyprepExercise *pyprep_exercise_new             (void);
PyprepExercise *pyprep_exercise_copy            (const PyprepExercise *self);
void            pyprep_exercise_free            (PyprepExercise       *self);

const char     *pyprep_exercise_part_to_string  (PyprepExercisePart    part);
gboolean        pyprep_exercise_part_from_string (const char          *word,
                                                  PyprepExercisePart  *part);
const char     *pyprep_exercise_get_missing     (const PyprepExercise *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepExercise, pyprep_exercise_free)

G_END_DECLS
