/* pyprep-question-slots.h: a list of questions for a GtkListView that
 * keeps its rows when the list is replaced.
 *
 * A workaround for GTK 4.8, still needed on GTK 4.18; see
 * pyprep-question-slots.c for what it saves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-types.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_QUESTION_SLOT (pyprep_question_slot_get_type ())

G_DECLARE_FINAL_TYPE (PyprepQuestionSlot, pyprep_question_slot, PYPREP, QUESTION_SLOT, GObject)

PyprepQuestion *pyprep_question_slot_get_question (PyprepQuestionSlot *self);

#define PYPREP_TYPE_QUESTION_SLOTS (pyprep_question_slots_get_type ())

G_DECLARE_FINAL_TYPE (PyprepQuestionSlots, pyprep_question_slots, PYPREP, QUESTION_SLOTS, GObject)

PyprepQuestionSlots *pyprep_question_slots_new        (void);
void                 pyprep_question_slots_set_model  (PyprepQuestionSlots *self,
                                                       GListModel          *questions);
PyprepQuestion      *pyprep_question_slots_get_question (PyprepQuestionSlots *self,
                                                         guint                position);

G_END_DECLS
