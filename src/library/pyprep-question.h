/* pyprep-question.h: one question of the bank and its answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pyprep-types.h"

G_BEGIN_DECLS

typedef enum {
  PYPREP_DIFFICULTY_JUNIOR,
  PYPREP_DIFFICULTY_MID,
  PYPREP_DIFFICULTY_SENIOR,
} PyprepDifficulty;

/* A follow-up question an interviewer may ask after the question, as the
 * "Pitfalls and follow-ups" section lists it. */
typedef struct
{
  char *prompt;   /* plain text, as in "Why not just remove it?" */
  char *answer;   /* Markdown */
} PyprepFollowUp;

#define PYPREP_TYPE_QUESTION (pyprep_question_get_type ())

G_DECLARE_FINAL_TYPE (PyprepQuestion, pyprep_question, PYPREP, QUESTION, GObject)

PyprepQuestion     *pyprep_question_new            (const char        *id,
                                                    const char        *title,
                                                    PyprepDifficulty   difficulty,
                                                    const char        *source,
                                                    guint              line);
const char         *pyprep_question_get_id         (PyprepQuestion    *self);
const char         *pyprep_question_get_title      (PyprepQuestion    *self);
PyprepDifficulty    pyprep_question_get_difficulty (PyprepQuestion    *self);
const char         *pyprep_question_get_source     (PyprepQuestion    *self);
guint               pyprep_question_get_line       (PyprepQuestion    *self);
const char         *pyprep_question_get_body       (PyprepQuestion    *self);
void                pyprep_question_set_body       (PyprepQuestion    *self,
                                                    char              *body);
const char * const *pyprep_question_get_tags       (PyprepQuestion    *self);
void                pyprep_question_set_tags       (PyprepQuestion    *self,
                                                    GStrv              tags);
gboolean            pyprep_question_get_essential  (PyprepQuestion    *self);
void                pyprep_question_set_essential  (PyprepQuestion    *self,
                                                    gboolean           essential);
const char * const *pyprep_question_get_related    (PyprepQuestion    *self);
void                pyprep_question_set_related    (PyprepQuestion    *self,
                                                    GStrv              related);
GPtrArray          *pyprep_question_get_snippets   (PyprepQuestion    *self);
void                pyprep_question_add_snippet    (PyprepQuestion    *self,
                                                    PyprepSnippet     *snippet);
const PyprepExercise *pyprep_question_get_exercise (PyprepQuestion    *self);
void                pyprep_question_set_exercise   (PyprepQuestion    *self,
                                                    PyprepExercise    *exercise);
guint               pyprep_question_get_n_follow_ups (PyprepQuestion  *self);
const PyprepFollowUp *pyprep_question_get_follow_up (PyprepQuestion    *self,
                                                    guint              index);
void                pyprep_question_add_follow_up  (PyprepQuestion    *self,
                                                    const char        *prompt,
                                                    const char        *answer);
PyprepTopic        *pyprep_question_get_topic      (PyprepQuestion    *self);
void                _pyprep_question_set_topic     (PyprepQuestion    *self,
                                                    PyprepTopic       *topic);

const char         *pyprep_difficulty_to_string    (PyprepDifficulty   difficulty);
const char         *pyprep_difficulty_get_label    (PyprepDifficulty   difficulty);
gboolean            pyprep_difficulty_from_string  (const char        *str,
                                                    PyprepDifficulty  *difficulty);

G_END_DECLS
