/* pyprep-question.c: a question is immutable once its deck has loaded; the
 * loader fills it in through the setters and then hands it out read-only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-question"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-question.h"
#include "pyprep-exercise.h"
#include "pyprep-snippet.h"

struct _PyprepQuestion
{
  GObject           parent_instance;

  char             *id;
  char             *title;
  char             *source;
  char             *body;
  GStrv             tags;
  GStrv             related;
  GPtrArray        *snippets;
  GArray           *follow_ups;  /* PyprepFollowUp */
  PyprepExercise   *exercise;
  PyprepTopic      *topic;   /* unowned: the topic owns its questions */
  PyprepDifficulty  difficulty;
  gboolean          essential;  /* asked in most interviews: introduced first */
  guint             line;
};

G_DEFINE_FINAL_TYPE (PyprepQuestion, pyprep_question, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DIFFICULTY_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const empty_strv[] = { NULL };

static void
pyprep_question_finalize (GObject *object)
{
  PyprepQuestion *self = (PyprepQuestion *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->related, g_strfreev);
  g_clear_pointer (&self->snippets, g_ptr_array_unref);
  g_clear_pointer (&self->follow_ups, g_array_unref);
  g_clear_pointer (&self->exercise, pyprep_exercise_free);

  G_OBJECT_CLASS (pyprep_question_parent_class)->finalize (object);
}

static void
pyprep_question_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PyprepQuestion *self = PYPREP_QUESTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DIFFICULTY_LABEL:
      g_value_set_string (value, pyprep_difficulty_get_label (self->difficulty));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_question_class_init (PyprepQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pyprep_question_finalize;
  object_class->get_property = pyprep_question_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIFFICULTY_LABEL] =
    g_param_spec_string ("difficulty-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clear_follow_up (gpointer data)
{
  PyprepFollowUp *follow_up = data;

  g_clear_pointer (&follow_up->prompt, g_free);
  g_clear_pointer (&follow_up->answer, g_free);
}

static void
pyprep_question_init (PyprepQuestion *self)
{
  self->snippets = g_ptr_array_new_with_free_func ((GDestroyNotify)pyprep_snippet_free);
  self->follow_ups = g_array_new (FALSE, TRUE, sizeof (PyprepFollowUp));
  g_array_set_clear_func (self->follow_ups, clear_follow_up);
}

PyprepQuestion *
pyprep_question_new (const char       *id,
                     const char       *title,
                     PyprepDifficulty  difficulty,
                     const char       *source,
                     guint             line)
{
  PyprepQuestion *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (PYPREP_TYPE_QUESTION, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->difficulty = difficulty;
  self->source = g_strdup (source);
  self->line = line;

  return self;
}

const char *
pyprep_question_get_id (PyprepQuestion *self)
{
  g_return_val_if_fail (PYPREP_IS_QUESTION (self), NULL);
  return self->id;
}

const char *
pyprep_question_get_title (PyprepQuestion *self)
{
  g_return_val_if_fail (PYPREP_IS_QUESTION (self), NULL);
  return self->title;
}

PyprepDifficulty
pyprep_question_get_difficulty (PyprepQuestion *self)
{
  g_return_val_if_fail (PYPREP_IS_QUESTION (self), PYPREP_DIFFICULTY_JUNIOR);
  return self->difficulty;
}

/* The file the question came from, e.g. "internals.md", for messages. */
const char *
pyprep_question_get_source (PyprepQuestion *self)
{
  g_return_val_if_fail (PYPREP_IS_QUESTION (self), NULL);
  return self->source;
}

guint
pyprep_question_get_line (PyprepQuestion *self)
{
  g_return_val_if_fail (PYPREP_IS_QUESTION (self), 0);
  return self->line;
}

const char *
pyprep_question_get_body (PyprepQuestion *self)
{
  g_return_val_if_fail (PYPREP_IS_QUESTION (self), NULL);
  return self->body ? self->body : "";
}

/* Takes ownership of @body. */
void
pyprep_question_set_body (PyprepQuestion *self,
                          char           *body)
{
  g_return_if_fail (PYPREP_IS_QUESTION (self));

  g_free (self->body);
  self->body = body;
}

const char * const *
pyprep_question_get_tags (PyprepQuestion *self)
{
  g_return_val_if_fail (PYPREP_IS_QUESTION (self), NULL);
  return self->tags ? (const char * const *)self->tags : empty_strv;
}

/* Takes ownership of @tags. */
void
pyprep_question_set_tags (PyprepQuestion *self,
                          GStrv           tags)
{
  g_return_if_fail (PYPREP_IS_QUESTION (self));

  g_strfreev (self->tags);
  self->tags = tags;
}

const char * const *
pyprep_question_get_related (PyprepQuestion *self)
{
  g_return_val_if_fail (PYPREP_IS_QUESTION (self), NULL);
  return self->related ? (const char * const *)self->related : empty_strv;
}

/* Whether the bank marks the question essential: one that most interviews
 * ask, which practice introduces before the others. */
gboolean
pyprep_question_get_essential (PyprepQuestion *self)
{
  g_return_val_if_fail (PYPREP_IS_QUESTION (self), FALSE);

  return self->essential;
}

void
pyprep_question_set_essential (PyprepQuestion *self,
                               gboolean        essential)
{
  g_return_if_fail (PYPREP_IS_QUESTION (self));

  self->essential = !!essential;
}

/* Takes ownership of @related. */
void
pyprep_question_set_related (PyprepQuestion *self,
                             GStrv           related)
{
  g_return_if_fail (PYPREP_IS_QUESTION (self));

  g_strfreev (self->related);
  self->related = related;
}

/* Returns: (transfer none) (element-type PyprepSnippet) */
GPtrArray *
pyprep_question_get_snippets (PyprepQuestion *self)
{
  g_return_val_if_fail (PYPREP_IS_QUESTION (self), NULL);
  return self->snippets;
}

/* Takes ownership of @snippet. */
void
pyprep_question_add_snippet (PyprepQuestion *self,
                             PyprepSnippet  *snippet)
{
  g_return_if_fail (PYPREP_IS_QUESTION (self));
  g_return_if_fail (snippet != NULL);

  g_ptr_array_add (self->snippets, snippet);
}

guint
pyprep_question_get_n_follow_ups (PyprepQuestion *self)
{
  g_return_val_if_fail (PYPREP_IS_QUESTION (self), 0);

  return self->follow_ups->len;
}

/* Returns: (transfer none): the follow-up at @index, in the order listed */
const PyprepFollowUp *
pyprep_question_get_follow_up (PyprepQuestion *self,
                               guint           index)
{
  g_return_val_if_fail (PYPREP_IS_QUESTION (self), NULL);
  g_return_val_if_fail (index < self->follow_ups->len, NULL);

  return &g_array_index (self->follow_ups, PyprepFollowUp, index);
}

/**
 * pyprep_question_add_follow_up:
 * @prompt: what the interviewer asks, as plain text
 * @answer: the answer, as Markdown
 */
void
pyprep_question_add_follow_up (PyprepQuestion *self,
                               const char     *prompt,
                               const char     *answer)
{
  PyprepFollowUp follow_up;

  g_return_if_fail (PYPREP_IS_QUESTION (self));
  g_return_if_fail (prompt != NULL && answer != NULL);

  follow_up.prompt = g_strdup (prompt);
  follow_up.answer = g_strdup (answer);
  g_array_append_val (self->follow_ups, follow_up);
}

/* Returns: (transfer none) (nullable): the question's exercise, if it has one */
const PyprepExercise *
pyprep_question_get_exercise (PyprepQuestion *self)
{
  g_return_val_if_fail (PYPREP_IS_QUESTION (self), NULL);
  return self->exercise;
}

/* Takes ownership of @exercise. */
void
pyprep_question_set_exercise (PyprepQuestion *self,
                              PyprepExercise *exercise)
{
  g_return_if_fail (PYPREP_IS_QUESTION (self));

  g_clear_pointer (&self->exercise, pyprep_exercise_free);
  self->exercise = exercise;
}

/* Returns: (transfer none) (nullable) */
PyprepTopic *
pyprep_question_get_topic (PyprepQuestion *self)
{
  g_return_val_if_fail (PYPREP_IS_QUESTION (self), NULL);
  return self->topic;
}

void
_pyprep_question_set_topic (PyprepQuestion *self,
                            PyprepTopic    *topic)
{
  self->topic = topic;
}

const char *
pyprep_difficulty_to_string (PyprepDifficulty difficulty)
{
  switch (difficulty)
    {
    case PYPREP_DIFFICULTY_JUNIOR: return "junior";
    case PYPREP_DIFFICULTY_MID:    return "mid";
    case PYPREP_DIFFICULTY_SENIOR: return "senior";
    default:                       g_return_val_if_reached ("junior");
    }
}

/* The translated label shown to the user. */
const char *
pyprep_difficulty_get_label (PyprepDifficulty difficulty)
{
  switch (difficulty)
    {
    case PYPREP_DIFFICULTY_JUNIOR: return C_("difficulty", "Junior");
    case PYPREP_DIFFICULTY_MID:    return C_("difficulty", "Mid-level");
    case PYPREP_DIFFICULTY_SENIOR: return C_("difficulty", "Senior");
    default:                       g_return_val_if_reached (NULL);
    }
}

gboolean
pyprep_difficulty_from_string (const char       *str,
                               PyprepDifficulty *difficulty)
{
  static const char * const names[] = { "junior", "mid", "senior" };

  g_return_val_if_fail (str != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_str_equal (str, names[i]))
        {
          *difficulty = (PyprepDifficulty)i;
          return TRUE;
        }
    }

  return FALSE;
}
