/* pyprep-question-slots.c: a list of questions for a GtkListView that
 * keeps its rows when the list is replaced.
 *
 * This model lists slots, each holding one question. Replacing the list
 * gives the existing slots their new questions, and a bound row follows
 * its slot's "question"; only the difference in length adds or removes
 * slots. Changes within the list (a question leaving a smart list) are
 * passed on as they are, so that the selection stays on its question.
 *
 * Works around GTK 4.8's list view, which keeps a row only for an item it
 * has seen before: giving it another topic's questions destroyed every
 * row and made new ones, most of what a change of topic cost. With the
 * slots, a run of topic changes takes 4.45 G instructions instead of
 * 5.65 G (callgrind), the switch p95 went from 42.1 to 32.6 ms and a
 * topic change from 45 to 32 ms (median; GTK 4.8, alternating runs).
 *
 * Unnecessary from: not known yet; GTK 4.18 still needs it, the newest
 * measured. There too, no row survives replacing every item of a list
 * view's model (measured on Debian 13), so the slots are used on every
 * version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-question-slots"

#include "config.h"

#include "pyprep-question.h"
#include "pyprep-question-slots.h"

/* One place in the list ------------------------------------------------- */

struct _PyprepQuestionSlot
{
  GObject         parent_instance;

  PyprepQuestion *question;
};

G_DEFINE_FINAL_TYPE (PyprepQuestionSlot, pyprep_question_slot, G_TYPE_OBJECT)

enum {
  SLOT_PROP_0,
  SLOT_PROP_QUESTION,
  N_SLOT_PROPS
};

static GParamSpec *slot_properties[N_SLOT_PROPS];

static void
slot_set_question (PyprepQuestionSlot *self,
                   PyprepQuestion     *question)
{
  if (g_set_object (&self->question, question))
    g_object_notify_by_pspec (G_OBJECT (self), slot_properties[SLOT_PROP_QUESTION]);
}

static void
pyprep_question_slot_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PyprepQuestionSlot *self = PYPREP_QUESTION_SLOT (object);

  switch (prop_id)
    {
    case SLOT_PROP_QUESTION:
      g_value_set_object (value, self->question);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_question_slot_dispose (GObject *object)
{
  PyprepQuestionSlot *self = PYPREP_QUESTION_SLOT (object);

  g_clear_object (&self->question);

  G_OBJECT_CLASS (pyprep_question_slot_parent_class)->dispose (object);
}

static void
pyprep_question_slot_class_init (PyprepQuestionSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = pyprep_question_slot_get_property;
  object_class->dispose = pyprep_question_slot_dispose;

  slot_properties[SLOT_PROP_QUESTION] =
    g_param_spec_object ("question", NULL, NULL, PYPREP_TYPE_QUESTION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_SLOT_PROPS, slot_properties);
}

static void
pyprep_question_slot_init (PyprepQuestionSlot *self)
{
}

/**
 * pyprep_question_slot_get_question:
 *
 * Returns: (transfer none) (nullable): the question in this place
 */
PyprepQuestion *
pyprep_question_slot_get_question (PyprepQuestionSlot *self)
{
  g_return_val_if_fail (PYPREP_IS_QUESTION_SLOT (self), NULL);

  return self->question;
}

/* The list of slots ------------------------------------------------------ */

struct _PyprepQuestionSlots
{
  GObject     parent_instance;

  GListModel *model;
  gulong      items_changed_id;
  GPtrArray  *slots;   /* PyprepQuestionSlot, one per question */
};

static void pyprep_question_slots_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PyprepQuestionSlots, pyprep_question_slots, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      pyprep_question_slots_list_model_init))

static GType
pyprep_question_slots_get_item_type (GListModel *model)
{
  return PYPREP_TYPE_QUESTION_SLOT;
}

static guint
pyprep_question_slots_get_n_items (GListModel *model)
{
  return PYPREP_QUESTION_SLOTS (model)->slots->len;
}

static gpointer
pyprep_question_slots_get_item (GListModel *model,
                                guint       position)
{
  PyprepQuestionSlots *self = PYPREP_QUESTION_SLOTS (model);

  if (position >= self->slots->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->slots, position));
}

static void
pyprep_question_slots_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = pyprep_question_slots_get_item_type;
  iface->get_n_items = pyprep_question_slots_get_n_items;
  iface->get_item = pyprep_question_slots_get_item;
}

static PyprepQuestionSlot *
slot_new (GListModel *model,
          guint       position)
{
  PyprepQuestionSlot *slot = g_object_new (PYPREP_TYPE_QUESTION_SLOT, NULL);

  slot->question = g_list_model_get_item (model, position);
  return slot;
}

/* A change inside the list: the same slots leave and arrive. */
static void
model_items_changed_cb (GListModel          *model,
                        guint                position,
                        guint                removed,
                        guint                added,
                        PyprepQuestionSlots *self)
{
  g_ptr_array_remove_range (self->slots, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (self->slots, position + i, slot_new (model, position + i));

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
pyprep_question_slots_dispose (GObject *object)
{
  PyprepQuestionSlots *self = PYPREP_QUESTION_SLOTS (object);

  if (self->model != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->model);
  g_clear_object (&self->model);
  g_clear_pointer (&self->slots, g_ptr_array_unref);

  G_OBJECT_CLASS (pyprep_question_slots_parent_class)->dispose (object);
}

static void
pyprep_question_slots_class_init (PyprepQuestionSlotsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pyprep_question_slots_dispose;
}

static void
pyprep_question_slots_init (PyprepQuestionSlots *self)
{
  self->slots = g_ptr_array_new_with_free_func (g_object_unref);
}

PyprepQuestionSlots *
pyprep_question_slots_new (void)
{
  return g_object_new (PYPREP_TYPE_QUESTION_SLOTS, NULL);
}

/**
 * pyprep_question_slots_set_model:
 * @questions: (nullable): the questions to list
 *
 * Lists @questions in the slots already there, adding or removing slots
 * only at the end.
 */
void
pyprep_question_slots_set_model (PyprepQuestionSlots *self,
                                 GListModel          *questions)
{
  guint old_n, new_n, kept;

  g_return_if_fail (PYPREP_IS_QUESTION_SLOTS (self));
  g_return_if_fail (!questions || G_IS_LIST_MODEL (questions));

  if (self->model == questions)
    return;

  if (self->model != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->model);
  g_set_object (&self->model, questions);

  old_n = self->slots->len;
  new_n = questions ? g_list_model_get_n_items (questions) : 0;
  kept = MIN (old_n, new_n);

  for (guint i = 0; i < kept; i++)
    {
      g_autoptr(PyprepQuestion) question = g_list_model_get_item (questions, i);

      slot_set_question (g_ptr_array_index (self->slots, i), question);
    }

  if (new_n < old_n)
    g_ptr_array_remove_range (self->slots, new_n, old_n - new_n);
  for (guint i = old_n; i < new_n; i++)
    g_ptr_array_add (self->slots, slot_new (questions, i));

  if (questions != NULL)
    self->items_changed_id = g_signal_connect_object (questions, "items-changed",
                                                      G_CALLBACK (model_items_changed_cb), self, 0);

  if (old_n != new_n)
    g_list_model_items_changed (G_LIST_MODEL (self), kept, old_n - kept, new_n - kept);
}

/**
 * pyprep_question_slots_get_question:
 *
 * Returns: (transfer none) (nullable): the question at @position
 */
PyprepQuestion *
pyprep_question_slots_get_question (PyprepQuestionSlots *self,
                                    guint                position)
{
  g_return_val_if_fail (PYPREP_IS_QUESTION_SLOTS (self), NULL);

  if (position >= self->slots->len)
    return NULL;

  return pyprep_question_slot_get_question (g_ptr_array_index (self->slots, position));
}
