/* pyprep-topic.c: a topic owns its questions, in file order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-topic"

#include "config.h"

#include "pyprep-question.h"
#include "pyprep-topic.h"

struct _PyprepTopic
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *description;
  char       *source;
  GListStore *questions;
  int         order;
};

G_DEFINE_FINAL_TYPE (PyprepTopic, pyprep_topic, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_N_QUESTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pyprep_topic_dispose (GObject *object)
{
  PyprepTopic *self = (PyprepTopic *)object;
  guint n;

  if (self->questions != NULL)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (self->questions));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PyprepQuestion) question =
            g_list_model_get_item (G_LIST_MODEL (self->questions), i);
          _pyprep_question_set_topic (question, NULL);
        }
    }

  g_clear_object (&self->questions);

  G_OBJECT_CLASS (pyprep_topic_parent_class)->dispose (object);
}

static void
pyprep_topic_finalize (GObject *object)
{
  PyprepTopic *self = (PyprepTopic *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->source, g_free);

  G_OBJECT_CLASS (pyprep_topic_parent_class)->finalize (object);
}

static void
pyprep_topic_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PyprepTopic *self = PYPREP_TOPIC (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_N_QUESTIONS:
      g_value_set_uint (value, pyprep_topic_get_n_questions (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_topic_class_init (PyprepTopicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pyprep_topic_dispose;
  object_class->finalize = pyprep_topic_finalize;
  object_class->get_property = pyprep_topic_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_QUESTIONS] =
    g_param_spec_uint ("n-questions", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pyprep_topic_init (PyprepTopic *self)
{
  self->questions = g_list_store_new (PYPREP_TYPE_QUESTION);
}

PyprepTopic *
pyprep_topic_new (const char *id,
                  const char *title,
                  const char *description,
                  int         order,
                  const char *source)
{
  PyprepTopic *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (PYPREP_TYPE_TOPIC, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->description = g_strdup (description ? description : "");
  self->order = order;
  self->source = g_strdup (source);

  return self;
}

const char *
pyprep_topic_get_id (PyprepTopic *self)
{
  g_return_val_if_fail (PYPREP_IS_TOPIC (self), NULL);
  return self->id;
}

const char *
pyprep_topic_get_title (PyprepTopic *self)
{
  g_return_val_if_fail (PYPREP_IS_TOPIC (self), NULL);
  return self->title;
}

const char *
pyprep_topic_get_description (PyprepTopic *self)
{
  g_return_val_if_fail (PYPREP_IS_TOPIC (self), NULL);
  return self->description;
}

int
pyprep_topic_get_order (PyprepTopic *self)
{
  g_return_val_if_fail (PYPREP_IS_TOPIC (self), 0);
  return self->order;
}

const char *
pyprep_topic_get_source (PyprepTopic *self)
{
  g_return_val_if_fail (PYPREP_IS_TOPIC (self), NULL);
  return self->source;
}

/* Returns: (transfer none): a list of #PyprepQuestion in file order. */
GListModel *
pyprep_topic_get_questions (PyprepTopic *self)
{
  g_return_val_if_fail (PYPREP_IS_TOPIC (self), NULL);
  return G_LIST_MODEL (self->questions);
}

guint
pyprep_topic_get_n_questions (PyprepTopic *self)
{
  g_return_val_if_fail (PYPREP_IS_TOPIC (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->questions));
}

void
pyprep_topic_add_question (PyprepTopic    *self,
                           PyprepQuestion *question)
{
  g_return_if_fail (PYPREP_IS_TOPIC (self));
  g_return_if_fail (PYPREP_IS_QUESTION (question));

  _pyprep_question_set_topic (question, self);
  g_list_store_append (self->questions, question);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_QUESTIONS]);
}

/* Sorts topics by their "order" key, then by title. */
int
pyprep_topic_compare (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  PyprepTopic *ta = (PyprepTopic *)a;
  PyprepTopic *tb = (PyprepTopic *)b;

  if (ta->order != tb->order)
    return ta->order < tb->order ? -1 : 1;

  return g_utf8_collate (ta->title, tb->title);
}
