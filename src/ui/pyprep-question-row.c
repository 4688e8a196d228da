/* pyprep-question-row.c: a question in the sidebar's list: its title
 * over a dim line of difficulty and status, then a mark when it has a
 * note and a star when it is bookmarked. The row follows the question's
 * study record as it changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-question-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-list-row.h"
#include "pyprep-question-row.h"
#include "pyprep-row-text.h"

struct _PyprepQuestionRow
{
  GtkWidget       parent_instance;

  PyprepRowText  *title;
  PyprepRowText  *subtitle;
  GtkWidget      *note_mark;
  GtkWidget      *bookmark_mark;

  PyprepQuestion *question;
  GSignalGroup   *study_signals;
};

G_DEFINE_FINAL_TYPE (PyprepQuestionRow, pyprep_question_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_QUESTION,
  PROP_STUDY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (PyprepQuestionRow *self)
{
  g_autoptr(PyprepStudy) study = g_signal_group_dup_target (self->study_signals);
  const char *id, *difficulty;
  g_autofree char *subtitle = NULL;
  g_autofree char *description = NULL;
  PyprepStatus status;
  gboolean bookmarked, has_note;

  if (self->question == NULL || study == NULL)
    return;

  id = pyprep_question_get_id (self->question);
  difficulty = pyprep_difficulty_get_label (pyprep_question_get_difficulty (self->question));
  status = pyprep_study_get_status (study, id);
  bookmarked = pyprep_study_get_bookmarked (study, id);
  has_note = pyprep_study_get_note (study, id) != NULL;

  if (status == PYPREP_STATUS_NEW)
    subtitle = g_strdup (difficulty);
  else
    subtitle = g_strdup_printf ("%s · %s", difficulty, pyprep_status_get_label (status));

  /* A question with an exercise says whether it was solved. */
  if (pyprep_question_get_exercise (self->question) != NULL)
    {
      char *with_exercise = g_strdup_printf ("%s · %s", subtitle,
                                             pyprep_study_get_exercise_solved (study, id)
                                             ? _("Exercise solved") : _("Exercise"));

      g_free (subtitle);
      subtitle = with_exercise;
    }

  /* Forgotten again and again: say so, as the smart list does. */
  if (pyprep_study_is_leech (study, id))
    {
      char *with_leech = g_strdup_printf ("%s · %s", subtitle, _("Leech"));

      g_free (subtitle);
      subtitle = with_leech;
    }

  description = g_strdup_printf ("%s%s%s", subtitle,
                                 bookmarked ? _(", bookmarked") : "",
                                 has_note ? _(", has a note") : "");

  pyprep_row_text_set_text (self->title, pyprep_question_get_title (self->question));
  pyprep_row_text_set_text (self->subtitle, subtitle);
  gtk_widget_set_visible (self->note_mark, has_note);
  gtk_widget_set_visible (self->bookmark_mark, bookmarked);
  pyprep_list_row_set_name (GTK_WIDGET (self), pyprep_question_get_title (self->question), description);
}

static void
study_changed_cb (PyprepQuestionRow *self,
                  const char        *id)
{
  if (self->question != NULL && id != NULL
      && g_strcmp0 (pyprep_study_card_question_id (id), pyprep_question_get_id (self->question)) == 0)
    update (self);
}

static void
pyprep_question_row_dispose (GObject *object)
{
  PyprepQuestionRow *self = PYPREP_QUESTION_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_QUESTION_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->question);
  g_clear_object (&self->study_signals);

  G_OBJECT_CLASS (pyprep_question_row_parent_class)->dispose (object);
}

static void
pyprep_question_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PyprepQuestionRow *self = PYPREP_QUESTION_ROW (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      g_value_set_object (value, self->question);
      break;

    case PROP_STUDY:
      g_value_take_object (value, g_signal_group_dup_target (self->study_signals));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_question_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PyprepQuestionRow *self = PYPREP_QUESTION_ROW (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      pyprep_question_row_set_question (self, g_value_get_object (value));
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
pyprep_question_row_class_init (PyprepQuestionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_question_row_dispose;
  object_class->get_property = pyprep_question_row_get_property;
  object_class->set_property = pyprep_question_row_set_property;

  properties[PROP_QUESTION] =
    g_param_spec_object ("question", NULL, NULL, PYPREP_TYPE_QUESTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STUDY] =
    g_param_spec_object ("study", NULL, NULL, PYPREP_TYPE_STUDY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PYPREP_TYPE_ROW_TEXT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/pyprep-question-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionRow, title);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionRow, subtitle);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionRow, note_mark);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionRow, bookmark_mark);
}

static void
pyprep_question_row_init (PyprepQuestionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->study_signals = g_signal_group_new (PYPREP_TYPE_STUDY);
  g_signal_group_connect_object (self->study_signals, "changed", G_CALLBACK (study_changed_cb),
                                 self, G_CONNECT_SWAPPED);
}

GtkWidget *
pyprep_question_row_new (PyprepStudy *study)
{
  return g_object_new (PYPREP_TYPE_QUESTION_ROW, "study", study, NULL);
}

/* Returns: (transfer none) (nullable): the question shown */
PyprepQuestion *
pyprep_question_row_get_question (PyprepQuestionRow *self)
{
  g_return_val_if_fail (PYPREP_IS_QUESTION_ROW (self), NULL);
  return self->question;
}

void
pyprep_question_row_set_question (PyprepQuestionRow *self,
                                  PyprepQuestion    *question)
{
  g_return_if_fail (PYPREP_IS_QUESTION_ROW (self));
  g_return_if_fail (!question || PYPREP_IS_QUESTION (question));

  if (!g_set_object (&self->question, question))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);
}
