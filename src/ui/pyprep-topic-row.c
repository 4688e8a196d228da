/* pyprep-topic-row.c: a topic in the sidebar's list: its title, its
 * description, and how much of it is confident, in words and as a bar.
 * The row follows the study record of the topic's questions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-topic-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-list-row.h"
#include "pyprep-question.h"
#include "pyprep-row-text.h"
#include "pyprep-topic-row.h"

struct _PyprepTopicRow
{
  GtkWidget      parent_instance;

  PyprepRowText *title;
  PyprepRowText *description;
  PyprepRowText *progress;
  GtkLevelBar   *bar;

  PyprepTopic   *topic;
  GSignalGroup  *study_signals;
};

G_DEFINE_FINAL_TYPE (PyprepTopicRow, pyprep_topic_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TOPIC,
  PROP_STUDY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (PyprepTopicRow *self)
{
  g_autoptr(PyprepStudy) study = g_signal_group_dup_target (self->study_signals);
  g_autofree char *progress = NULL;
  g_autofree char *accessible = NULL;
  GListModel *questions;
  guint n, confident = 0, learning = 0, exercises = 0, solved = 0;

  if (self->topic == NULL || study == NULL)
    return;

  questions = pyprep_topic_get_questions (self->topic);
  n = g_list_model_get_n_items (questions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PyprepQuestion) question = g_list_model_get_item (questions, i);

      PyprepStatus status = pyprep_study_get_status (study, pyprep_question_get_id (question));

      confident += status == PYPREP_STATUS_CONFIDENT;
      learning += status == PYPREP_STATUS_LEARNING;
      if (pyprep_question_get_exercise (question) != NULL)
        {
          exercises++;
          solved += pyprep_study_get_exercise_solved (study, pyprep_question_get_id (question));
        }
    }

  if (exercises > 0)
    /* Translators: a topic's progress, e.g. "3 confident, 9 learning of 18 · 1 of 3 exercises solved" */
    progress = g_strdup_printf (_("%u confident, %u learning of %u · %u of %u exercises solved"),
                                confident, learning, n, solved, exercises);
  else
    /* Translators: a topic's progress, e.g. "3 confident, 9 learning of 18" */
    progress = g_strdup_printf (_("%u confident, %u learning of %u"), confident, learning, n);
  accessible = g_strdup_printf ("%s. %s", pyprep_topic_get_description (self->topic), progress);

  pyprep_row_text_set_text (self->title, pyprep_topic_get_title (self->topic));
  pyprep_row_text_set_text (self->description, pyprep_topic_get_description (self->topic));
  pyprep_row_text_set_text (self->progress, progress);
  gtk_level_bar_set_max_value (self->bar, MAX (n, 1));
  gtk_level_bar_set_value (self->bar, confident);
  pyprep_list_row_set_name (GTK_WIDGET (self), pyprep_topic_get_title (self->topic), accessible);
}

/* Only a change to one of the topic's own questions, or to their
 * exercises, is counted again. */
static void
study_changed_cb (PyprepTopicRow *self,
                  const char     *card_id)
{
  const char *id;
  GListModel *questions;
  guint n;

  if (self->topic == NULL || card_id == NULL)
    return;

  id = pyprep_study_card_question_id (card_id);

  questions = pyprep_topic_get_questions (self->topic);
  n = g_list_model_get_n_items (questions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PyprepQuestion) question = g_list_model_get_item (questions, i);

      if (g_strcmp0 (id, pyprep_question_get_id (question)) == 0)
        {
          update (self);
          return;
        }
    }
}

static void
pyprep_topic_row_dispose (GObject *object)
{
  PyprepTopicRow *self = PYPREP_TOPIC_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_TOPIC_ROW);
  g_clear_object (&self->topic);
  g_clear_object (&self->study_signals);

  G_OBJECT_CLASS (pyprep_topic_row_parent_class)->dispose (object);
}

static void
pyprep_topic_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PyprepTopicRow *self = PYPREP_TOPIC_ROW (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      g_value_set_object (value, self->topic);
      break;

    case PROP_STUDY:
      g_value_take_object (value, g_signal_group_dup_target (self->study_signals));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_topic_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PyprepTopicRow *self = PYPREP_TOPIC_ROW (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      pyprep_topic_row_set_topic (self, g_value_get_object (value));
      break;

    case PROP_STUDY:
      g_signal_group_set_target (self->study_signals, g_value_get_object (value));
      update (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_topic_row_class_init (PyprepTopicRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_topic_row_dispose;
  object_class->get_property = pyprep_topic_row_get_property;
  object_class->set_property = pyprep_topic_row_set_property;

  properties[PROP_TOPIC] =
    g_param_spec_object ("topic", NULL, NULL, PYPREP_TYPE_TOPIC,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STUDY] =
    g_param_spec_object ("study", NULL, NULL, PYPREP_TYPE_STUDY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PYPREP_TYPE_ROW_TEXT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/pyprep-topic-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepTopicRow, title);
  gtk_widget_class_bind_template_child (widget_class, PyprepTopicRow, description);
  gtk_widget_class_bind_template_child (widget_class, PyprepTopicRow, progress);
  gtk_widget_class_bind_template_child (widget_class, PyprepTopicRow, bar);
}

static void
pyprep_topic_row_init (PyprepTopicRow *self)
{
  g_autoptr(PangoAttrList) tabular_figures = pango_attr_list_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* What the "numeric" style class gives a label: digits of one width. */
  pango_attr_list_insert (tabular_figures, pango_attr_font_features_new ("tnum=1"));
  pyprep_row_text_set_attributes (self->progress, tabular_figures);

  self->study_signals = g_signal_group_new (PYPREP_TYPE_STUDY);
  g_signal_group_connect_object (self->study_signals, "changed", G_CALLBACK (study_changed_cb),
                                 self, G_CONNECT_SWAPPED);
}

GtkWidget *
pyprep_topic_row_new (PyprepStudy *study)
{
  return g_object_new (PYPREP_TYPE_TOPIC_ROW, "study", study, NULL);
}

/* Returns: (transfer none) (nullable): the topic shown */
PyprepTopic *
pyprep_topic_row_get_topic (PyprepTopicRow *self)
{
  g_return_val_if_fail (PYPREP_IS_TOPIC_ROW (self), NULL);
  return self->topic;
}

void
pyprep_topic_row_set_topic (PyprepTopicRow *self,
                            PyprepTopic    *topic)
{
  g_return_if_fail (PYPREP_IS_TOPIC_ROW (self));
  g_return_if_fail (!topic || PYPREP_IS_TOPIC (topic));

  if (!g_set_object (&self->topic, topic))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPIC]);
}
