/* pyprep-note-editor.c: the user's note on one question, under the
 * answer in the reading pane and under the revealed answer in Practice.
 * It shows the note as recorded, saves what
 * is typed once typing pauses (and at once when the question changes or
 * the editor goes away), and follows the record when the note changes
 * elsewhere (Keep as Note, the reading pane), unless an edit is pending.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-note-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-note-editor.h"

#define SAVE_DELAY_MS 400

struct _PyprepNoteEditor
{
  GtkWidget    parent_instance;

  GtkLabel    *title_label;
  GtkTextView *text_view;

  PyprepStudy *study;
  char        *id;
  guint        save_id;
};

G_DEFINE_FINAL_TYPE (PyprepNoteEditor, pyprep_note_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_QUESTION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkTextBuffer *
buffer_of (PyprepNoteEditor *self)
{
  return gtk_text_view_get_buffer (self->text_view);
}

/* The note as typed, without the blanks around it. */
static char *
dup_typed (PyprepNoteEditor *self)
{
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer_of (self), &start, &end);
  text = gtk_text_buffer_get_text (buffer_of (self), &start, &end, FALSE);
  return g_strstrip (text);
}

static void changed_cb (PyprepNoteEditor *self);

/* Shows the recorded note, replacing what is typed. */
static void
load (PyprepNoteEditor *self)
{
  const char *note = NULL;

  if (self->study != NULL && self->id != NULL)
    note = pyprep_study_get_note (self->study, self->id);

  /* Most questions have no note: leaving an empty buffer alone spares the
   * text view a layout pass on every question shown. */
  if ((note == NULL || note[0] == '\0') && gtk_text_buffer_get_char_count (buffer_of (self)) == 0)
    return;

  g_signal_handlers_block_by_func (buffer_of (self), changed_cb, self);
  gtk_text_buffer_set_text (buffer_of (self), note ? note : "", -1);
  g_signal_handlers_unblock_by_func (buffer_of (self), changed_cb, self);
}

/**
 * pyprep_note_editor_save:
 *
 * Records what is typed now, if an edit is pending.
 */
void
pyprep_note_editor_save (PyprepNoteEditor *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (PYPREP_IS_NOTE_EDITOR (self));

  if (self->save_id == 0)
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);

  if (self->study == NULL || self->id == NULL)
    return;

  text = dup_typed (self);
  pyprep_study_set_note (self->study, self->id, text);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  PyprepNoteEditor *self = user_data;

  pyprep_note_editor_save (self);
  return G_SOURCE_REMOVE;
}

static void
changed_cb (PyprepNoteEditor *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

/* The note changed elsewhere: shown, unless the user is editing it. */
static void
study_changed_cb (PyprepNoteEditor *self,
                  const char       *id)
{
  g_autofree char *typed = NULL;

  if (self->save_id != 0 || g_strcmp0 (id, self->id) != 0)
    return;

  typed = dup_typed (self);
  if (g_strcmp0 (typed, pyprep_study_get_note (self->study, id) ? pyprep_study_get_note (self->study, id) : "") != 0)
    load (self);
}

static void
pyprep_note_editor_dispose (GObject *object)
{
  PyprepNoteEditor *self = PYPREP_NOTE_EDITOR (object);

  /* Nothing typed is lost when the window closes. */
  if (self->save_id != 0)
    pyprep_note_editor_save (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_NOTE_EDITOR);
  g_clear_object (&self->study);

  G_OBJECT_CLASS (pyprep_note_editor_parent_class)->dispose (object);
}

static void
pyprep_note_editor_finalize (GObject *object)
{
  PyprepNoteEditor *self = PYPREP_NOTE_EDITOR (object);

  g_free (self->id);

  G_OBJECT_CLASS (pyprep_note_editor_parent_class)->finalize (object);
}

static void
pyprep_note_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PyprepNoteEditor *self = PYPREP_NOTE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_QUESTION_ID:
      g_value_set_string (value, self->id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_note_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PyprepNoteEditor *self = PYPREP_NOTE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_QUESTION_ID:
      pyprep_note_editor_set_question_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_note_editor_class_init (PyprepNoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_note_editor_dispose;
  object_class->finalize = pyprep_note_editor_finalize;
  object_class->get_property = pyprep_note_editor_get_property;
  object_class->set_property = pyprep_note_editor_set_property;

  /* The question whose note is shown, by id. */
  properties[PROP_QUESTION_ID] =
    g_param_spec_string ("question-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/pyprep-note-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepNoteEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepNoteEditor, text_view);
}

static void
pyprep_note_editor_init (PyprepNoteEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (buffer_of (self), "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
pyprep_note_editor_new (void)
{
  return g_object_new (PYPREP_TYPE_NOTE_EDITOR, NULL);
}

/* Gives the editor the record the notes are kept in. Called once. */
void
pyprep_note_editor_set_study (PyprepNoteEditor *self,
                              PyprepStudy      *study)
{
  g_return_if_fail (PYPREP_IS_NOTE_EDITOR (self));
  g_return_if_fail (PYPREP_IS_STUDY (study));

  if (self->study == study)
    return;
  g_return_if_fail (self->study == NULL);

  self->study = g_object_ref (study);
  g_signal_connect_object (study, "changed", G_CALLBACK (study_changed_cb), self, G_CONNECT_SWAPPED);
  load (self);
}

const char *
pyprep_note_editor_get_question_id (PyprepNoteEditor *self)
{
  g_return_val_if_fail (PYPREP_IS_NOTE_EDITOR (self), NULL);
  return self->id;
}

/**
 * pyprep_note_editor_set_question_id:
 * @id: (nullable): the question whose note to show
 *
 * Saves the note being edited, then shows @id's.
 */
void
pyprep_note_editor_set_question_id (PyprepNoteEditor *self,
                                    const char       *id)
{
  g_return_if_fail (PYPREP_IS_NOTE_EDITOR (self));

  pyprep_note_editor_save (self);
  if (g_strcmp0 (self->id, id) != 0)
    {
      g_free (self->id);
      self->id = g_strdup (id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION_ID]);
    }
  load (self);
}

/* Returns: (transfer none): what is typed, for tests */
GtkTextBuffer *
pyprep_note_editor_get_buffer (PyprepNoteEditor *self)
{
  g_return_val_if_fail (PYPREP_IS_NOTE_EDITOR (self), NULL);
  return buffer_of (self);
}
