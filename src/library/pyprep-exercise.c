/* pyprep-exercise.c: a boxed record of an exercise's parts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-exercise"

#include "config.h"

#include "pyprep-exercise.h"

G_DEFINE_BOXED_TYPE (PyprepExercise, pyprep_exercise, pyprep_exercise_copy, pyprep_exercise_free)

/* The fence info string's second word for each part: "python starter". */
static const char * const part_words[PYPREP_EXERCISE_N_PARTS] = {
  [PYPREP_EXERCISE_STARTER] = "starter",
  [PYPREP_EXERCISE_TESTS] = "tests",
  [PYPREP_EXERCISE_HIDDEN_TESTS] = "hidden-tests",
  [PYPREP_EXERCISE_SOLUTION] = "solution",
};

PyprepExercise *
pyprep_exercise_new (void)
{
  PyprepExercise *self = g_new0 (PyprepExercise, 1);

  self->hints = g_ptr_array_new_with_free_func (g_free);

  return self;
}

PyprepExercise *
pyprep_exercise_copy (const PyprepExercise *self)
{
  PyprepExercise *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = pyprep_exercise_new ();
  for (guint i = 0; i < PYPREP_EXERCISE_N_PARTS; i++)
    {
      copy->code[i] = g_strdup (self->code[i]);
      copy->line[i] = self->line[i];
    }
  for (guint i = 0; i < self->hints->len; i++)
    g_ptr_array_add (copy->hints, g_strdup (g_ptr_array_index (self->hints, i)));
  copy->n_wrong = self->n_wrong;

  return copy;
}

void
pyprep_exercise_free (PyprepExercise *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < PYPREP_EXERCISE_N_PARTS; i++)
    g_free (self->code[i]);
  g_ptr_array_unref (self->hints);
  g_free (self);
}

const char *
pyprep_exercise_part_to_string (PyprepExercisePart part)
{
  g_return_val_if_fail (part < PYPREP_EXERCISE_N_PARTS, NULL);

  return part_words[part];
}

gboolean
pyprep_exercise_part_from_string (const char         *word,
                                  PyprepExercisePart *part)
{
  for (guint i = 0; i < PYPREP_EXERCISE_N_PARTS; i++)
    if (g_strcmp0 (word, part_words[i]) == 0)
      {
        *part = i;
        return TRUE;
      }

  return FALSE;
}

/* Returns: the info word of the first part the exercise lacks, or NULL
 * when it has them all. */
const char *
pyprep_exercise_get_missing (const PyprepExercise *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < PYPREP_EXERCISE_N_PARTS; i++)
    if (self->code[i] == NULL)
      return part_words[i];

  return NULL;
}
