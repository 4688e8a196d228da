/* pyprep-note-editor.h: the user's note on one question, shown and
 * edited where they study it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pyprep-study.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_NOTE_EDITOR (pyprep_note_editor_get_type ())

G_DECLARE_FINAL_TYPE (PyprepNoteEditor, pyprep_note_editor, PYPREP, NOTE_EDITOR, GtkWidget)

GtkWidget     *pyprep_note_editor_new             (void);
void           pyprep_note_editor_set_study       (PyprepNoteEditor *self,
                                                   PyprepStudy      *study);
const char    *pyprep_note_editor_get_question_id (PyprepNoteEditor *self);
void           pyprep_note_editor_set_question_id (PyprepNoteEditor *self,
                                                   const char       *id);
void           pyprep_note_editor_save            (PyprepNoteEditor *self);
GtkTextBuffer *pyprep_note_editor_get_buffer      (PyprepNoteEditor *self);

G_END_DECLS
