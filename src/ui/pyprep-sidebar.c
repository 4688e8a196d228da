/* pyprep-sidebar.c: the main window's sidebar. Its pages are the topics
 * with the progress and the study lists (pyprep-topics-page.c), the
 * questions of a topic or of a study list, and the search results (the
 * search itself is pyprep-search-pane.c). It says which question the
 * user picked; the reading pane is the window's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-sidebar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pyprep-fitting-title.h"
#include "pyprep-fixed-width-layout.h"
#include "pyprep-lazy-menu.h"
#include "pyprep-question-slots.h"
#include "pyprep-question-row.h"
#include "pyprep-question.h"
#include "pyprep-result-row.h"
#include "pyprep-scope.h"
#include "pyprep-search-pane.h"
#include "pyprep-sidebar.h"
#include "pyprep-stack-pages.h"
#include "pyprep-topic.h"
#include "pyprep-topics-page.h"

/* The sidebar's width beside the answer, in pixels; the width the topic
 * list had with a short title in its header. */
#define SIDEBAR_WIDTH 394

struct _PyprepSidebar
{
  GtkWidget             parent_instance;

  GtkWidget            *sidebar_header;
  GtkWidget            *topics_button;
  PyprepFittingTitle   *sidebar_title;
  GtkStack             *sidebar_stack;
  PyprepTopicsPage     *topics_page;
  GtkListView          *question_list;
  PyprepSearchPane     *search_pane;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  AdwStatusPage        *results_empty;
  GtkStack             *results_stack;
  GtkListView          *results_list;
  GHashTable           *result_items;     /* question -> the list item showing it */

  PyprepLibrary        *library;
  PyprepStudy          *study;
  PyprepQuestion       *question;         /* on show in the reading pane */
  GtkWidget            *reading_pane;     /* weak */
  gboolean              folded;
  GtkSingleSelection   *question_selection;
  PyprepQuestionSlots  *question_slots;
  PyprepTopic          *topic;            /* of the questions listed last */
  PyprepTopic          *listed_topic;     /* of the questions listed now */

  /* The study lists filter every question of the bank. */
  GtkFilter            *smart_filter;
  GtkFilterListModel   *smart_model;
  gboolean              showing_smart_list;
  PyprepScope           smart_scope;

  char                 *page_before_search;
};

G_DEFINE_FINAL_TYPE (PyprepSidebar, pyprep_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TOPIC,
  PROP_FOLDED,
  PROP_READING_PANE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  QUESTION_SELECTED,
  QUESTION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Says that the user picked @question, to be shown. */
static void
activate_question (PyprepSidebar  *self,
                   PyprepQuestion *question,
                   gboolean        from_search)
{
  g_signal_emit (self, signals[QUESTION_SELECTED], 0, question, from_search);
}

static void update_search_topic (PyprepSidebar *self);

/* The header's title. A topic's name can be longer than the header has
 * room for beside its buttons: it then goes on two smaller lines, and
 * where even those cut it short (at phone width), the tooltip says it
 * whole. Only the copy on show is read out. */
static void
title_fitted_cb (PyprepSidebar *self)
{
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sidebar_title),
                               pyprep_fitting_title_get_wrapped (self->sidebar_title)
                               ? pyprep_fitting_title_get_title (self->sidebar_title) : NULL);
}

static void
set_title (PyprepSidebar *self,
           const char    *title)
{
  pyprep_fitting_title_set_title (self->sidebar_title, title);
  title_fitted_cb (self);
}

static void
set_listed_topic (PyprepSidebar *self,
                  PyprepTopic   *topic)
{
  if (g_set_object (&self->listed_topic, topic))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPIC]);
}

/* Rows ---------------------------------------------------------------- */

/* Folded, the list and the answer take turns on screen. A click on the
 * row of the question on show changes no selection, so the list would
 * say nothing: it goes back to that answer. Unfolded, the answer is
 * already beside the list. */
static void
question_row_released_cb (GtkGestureClick *gesture,
                          int              n_press,
                          double           x,
                          double           y,
                          PyprepSidebar   *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  PyprepQuestion *question = pyprep_question_row_get_question (PYPREP_QUESTION_ROW (row));

  if (self->folded && n_press == 1 && question != NULL && question == self->question)
    g_signal_emit (self, signals[QUESTION_ACTIVATED], 0, question);
}

/* The question list holds slots, which get other questions when the
 * list changes topic; the row follows its slot's question. */
static void
setup_question_row_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       PyprepSidebar            *self)
{
  GtkWidget *row = pyprep_question_row_new (self->study);
  GtkExpression *slot = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_expression_bind (gtk_property_expression_new (PYPREP_TYPE_QUESTION_SLOT, slot, "question"),
                       row, "question", item);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (question_row_released_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (item, row);
}

static void
setup_result_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     PyprepSidebar            *self)
{
  gtk_list_item_set_child (item, pyprep_result_row_new ());
}

static void
show_result (PyprepSidebar *self,
             GtkListItem   *item)
{
  PyprepQuestion *question = gtk_list_item_get_item (item);
  gboolean in_note;
  g_autofree char *excerpt = pyprep_search_pane_dup_excerpt (self->search_pane, question, &in_note);

  pyprep_result_row_show (PYPREP_RESULT_ROW (gtk_list_item_get_child (item)), question, excerpt, in_note);
}

/* The results are replaced, not changed, as the search changes; the
 * rows on show are known, for a result whose note changes in place. */
static void
bind_result_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    PyprepSidebar            *self)
{
  /* A question is listed once among the results. */
  g_warn_if_fail (g_hash_table_lookup (self->result_items, gtk_list_item_get_item (item)) == NULL);
  g_hash_table_insert (self->result_items, gtk_list_item_get_item (item), item);
  show_result (self, item);
}

static void
unbind_result_row_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      PyprepSidebar            *self)
{
  gpointer question = gtk_list_item_get_item (item);

  if (g_hash_table_lookup (self->result_items, question) == item)
    g_hash_table_remove (self->result_items, question);
}

static GtkListItemFactory *
row_factory_new (PyprepSidebar *self,
                 GCallback      setup,
                 GCallback      bind,
                 GCallback      unbind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect_object (factory, "setup", setup, self, 0);
  if (bind != NULL)
    g_signal_connect_object (factory, "bind", bind, self, 0);
  if (unbind != NULL)
    g_signal_connect_object (factory, "unbind", unbind, self, 0);

  return factory;
}

/* Navigation ---------------------------------------------------------- */

static guint
find_position (GListModel *model,
               gpointer    item)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* A new list starts at its top, as a new list view would. */
static void
scroll_question_list_to_top (PyprepSidebar *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->question_list));

  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

/* Brings the selected question of the list into view. */
static void
scroll_to_selected (PyprepSidebar *self)
{
  guint position = gtk_single_selection_get_selected (self->question_selection);

  /* The list view's own action: gtk_list_view_scroll_to() is GTK 4.12. */
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->question_list), "list.scroll-to-item", "u", position);
}

/* Lists @topic's questions, with the question on show selected, but
 * leaves the page on show (the results stay up while a search is on). */
static void
list_topic (PyprepSidebar *self,
            PyprepTopic   *topic)
{
  g_assert (PYPREP_IS_TOPIC (topic));

  self->showing_smart_list = FALSE;
  if (g_set_object (&self->topic, topic))
    {
      PyprepQuestion *current = self->question;
      GListModel *questions = pyprep_topic_get_questions (topic);

      update_search_topic (self);
      pyprep_question_slots_set_model (self->question_slots, questions);
      scroll_question_list_to_top (self);
      gtk_single_selection_set_selected (self->question_selection,
                                         current ? find_position (questions, current)
                                                 : GTK_INVALID_LIST_POSITION);
    }

  /* A topic with no row yet is selected when the rest of the list comes. */
  pyprep_topics_page_select (self->topics_page, topic);
  set_title (self, pyprep_topic_get_title (topic));
  gtk_widget_set_visible (self->topics_button, TRUE);
  set_listed_topic (self, topic);
}

/**
 * pyprep_sidebar_show_topic:
 * @topic: (nullable): the topic whose questions the sidebar lists, or
 *   %NULL for the list of topics
 */
void
pyprep_sidebar_show_topic (PyprepSidebar *self,
                          PyprepTopic  *topic)
{
  g_return_if_fail (PYPREP_IS_SIDEBAR (self));
  g_return_if_fail (!topic || PYPREP_IS_TOPIC (topic));

  if (topic == NULL)
    {
      self->showing_smart_list = FALSE;
      set_listed_topic (self, NULL);
      pyprep_stack_pages_show (self->sidebar_stack, "topics");
      gtk_widget_set_visible (self->topics_button, FALSE);
      set_title (self, "PyPrep");
      return;
    }

  list_topic (self, topic);
  pyprep_stack_pages_show (self->sidebar_stack, "questions");
}

/* Study lists ---------------------------------------------------------- */

static gboolean
smart_filter_func (gpointer item,
                   gpointer user_data)
{
  PyprepSidebar *self = user_data;

  return self->showing_smart_list
         && pyprep_scope_contains (self->smart_scope, self->study, NULL, item, NULL);
}

/* Lists the questions of a study list, titled @title, in the sidebar. */
static void
smart_list_activated_cb (PyprepSidebar *self,
                         PyprepScope    scope,
                         const char    *title)
{
  PyprepQuestion *current = self->question;

  g_clear_object (&self->topic);
  update_search_topic (self);
  set_listed_topic (self, NULL);
  self->showing_smart_list = TRUE;
  self->smart_scope = scope;
  gtk_filter_changed (self->smart_filter, GTK_FILTER_CHANGE_DIFFERENT);
  pyprep_question_slots_set_model (self->question_slots, G_LIST_MODEL (self->smart_model));
  scroll_question_list_to_top (self);
  gtk_single_selection_set_selected (self->question_selection,
                                     current ? find_position (G_LIST_MODEL (self->smart_model), current)
                                             : GTK_INVALID_LIST_POSITION);

  set_title (self, title);
  gtk_widget_set_visible (self->topics_button, TRUE);
  pyprep_stack_pages_show (self->sidebar_stack, "questions");
  gtk_widget_child_focus (GTK_WIDGET (self->question_list), GTK_DIR_TAB_FORWARD);
}

static void
continue_activated_cb (PyprepSidebar  *self,
                       PyprepQuestion *question)
{
  activate_question (self, question, FALSE);
}

/* Search --------------------------------------------------------------- */

static void
leave_search (PyprepSidebar *self)
{
  if (self->page_before_search != NULL)
    {
      pyprep_stack_pages_show (self->sidebar_stack, self->page_before_search);
      g_clear_pointer (&self->page_before_search, g_free);
    }
}

/* The results take the sidebar while words are typed. */
static void
search_results_changed_cb (PyprepSidebar *self)
{
  GListModel *results = pyprep_search_pane_get_results (self->search_pane);

  if (!pyprep_search_pane_get_searching (self->search_pane))
    {
      leave_search (self);
      return;
    }

  adw_status_page_set_description (self->results_empty,
                                   g_str_equal (pyprep_search_pane_get_scope (self->search_pane), "all")
                                   ? _("Try fewer or shorter words.")
                                   : _("Try fewer or shorter words, or search all questions."));
  /* A result still listed may keep its row, unbound and bound again or
   * not (GTK 4.12 and later keep it): its excerpt follows the words. */
  {
    GHashTableIter iter;
    gpointer item;

    g_hash_table_iter_init (&iter, self->result_items);
    while (g_hash_table_iter_next (&iter, NULL, &item))
      show_result (self, item);
  }
  if (self->page_before_search == NULL)
    self->page_before_search = g_strdup (gtk_stack_get_visible_child_name (self->sidebar_stack));
  gtk_stack_set_visible_child_name (self->results_stack,
                                    g_list_model_get_n_items (results) > 0 ? "list" : "empty");
  pyprep_stack_pages_show (self->sidebar_stack, "results");
}

/* A result whose note changed shows its new excerpt, if it is on show. */
static void
search_result_changed_cb (PyprepSidebar  *self,
                          PyprepQuestion *question)
{
  GtkListItem *item = g_hash_table_lookup (self->result_items, question);

  if (item != NULL)
    show_result (self, item);
}

static void
search_activate_first_cb (PyprepSidebar  *self,
                          PyprepQuestion *question)
{
  if (g_str_equal (gtk_stack_get_visible_child_name (self->sidebar_stack), "results"))
    activate_question (self, question, TRUE);
}

static void
result_activated_cb (GtkListView   *list,
                     guint          position,
                     PyprepSidebar *self)
{
  g_autoptr(PyprepQuestion) question = g_list_model_get_item (pyprep_search_pane_get_results (self->search_pane),
                                                              position);

  if (question != NULL)
    activate_question (self, question, TRUE);
}

/* The topic the "Current Topic" scope searches: the one listed in the
 * sidebar, else the one of the question on show. */
static void
update_search_topic (PyprepSidebar *self)
{
  PyprepTopic *topic = self->topic;

  if (topic == NULL && self->question != NULL)
    topic = pyprep_question_get_topic (self->question);
  pyprep_search_pane_set_topic (self->search_pane, topic);
}

/**
 * pyprep_sidebar_get_neighbour:
 * @delta: 1 for the next question of the list on show, -1 for the previous
 *
 * Returns: (transfer none) (nullable): that question, or %NULL at either
 *   end of the list; with nothing selected, the first or the last
 */
PyprepQuestion *
pyprep_sidebar_get_neighbour (PyprepSidebar *self,
                              int            delta)
{
  guint n, position;

  g_return_val_if_fail (PYPREP_IS_SIDEBAR (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->question_selection));
  position = gtk_single_selection_get_selected (self->question_selection);
  if (n == 0)
    return NULL;

  if (position == GTK_INVALID_LIST_POSITION)
    position = delta > 0 ? 0 : n - 1;
  else if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    return NULL;
  else
    position += delta;

  return pyprep_question_slots_get_question (self->question_slots, position);
}

/* Keyboard ------------------------------------------------------------ */

/* In GTK 4.8, Tab walks a list view row by row. Tab leaves a sidebar list
 * for the reading pane instead (the arrow keys move within it), and
 * Shift+Tab goes back to the search scope or the sidebar's header.
 * Still needed on GTK 4.18: without it, Tab moves to the next row there
 * too (the Debian 13 lane's AT-SPI test fails). */
static gboolean
list_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     PyprepSidebar          *self)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self));

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    {
      if (self->reading_pane != NULL && gtk_widget_get_mapped (self->reading_pane)
          && gtk_widget_child_focus (self->reading_pane, GTK_DIR_TAB_FORWARD))
        return TRUE;
      return gtk_widget_child_focus (header, GTK_DIR_TAB_FORWARD);
    }

  if (keyval == GDK_KEY_ISO_Left_Tab)
    {
      /* From the results, back to the search scope above them. */
      if (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)) == GTK_WIDGET (self->results_list)
          && pyprep_search_pane_focus_scope (self->search_pane))
        return TRUE;
      return gtk_widget_child_focus (header, GTK_DIR_TAB_BACKWARD);
    }

  return FALSE;
}

static void
tab_leaves_list (PyprepSidebar *self,
                 GtkListView  *list)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (list_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (list), keys);
}

/* Picking -------------------------------------------------------------- */

static void
topic_activated_cb (PyprepSidebar *self,
                    PyprepTopic   *topic)
{
  pyprep_sidebar_show_topic (self, topic);
  gtk_widget_child_focus (GTK_WIDGET (self->question_list), GTK_DIR_TAB_FORWARD);
}

static void
question_selected_cb (PyprepSidebar *self)
{
  guint position = gtk_single_selection_get_selected (self->question_selection);
  PyprepQuestion *question = pyprep_question_slots_get_question (self->question_slots, position);

  if (question != NULL && question != self->question)
    activate_question (self, question, FALSE);
}

/* Enter on the question already selected: go to its answer. */
static void
question_activated_cb (GtkListView   *list,
                       guint          position,
                       PyprepSidebar *self)
{
  PyprepQuestion *question = pyprep_question_slots_get_question (self->question_slots, position);

  if (question != NULL)
    g_signal_emit (self, signals[QUESTION_ACTIVATED], 0, question);
}

/* A question leaves or joins a shown study list at once. */
static void
study_changed_cb (PyprepSidebar *self)
{
  if (self->showing_smart_list)
    gtk_filter_changed (self->smart_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/* Public API ----------------------------------------------------------- */

/**
 * pyprep_sidebar_set_study:
 *
 * Gives the sidebar the bank to list and the record to follow. Called
 * once, by the window that holds it.
 */
void
pyprep_sidebar_set_study (PyprepSidebar *self,
                          PyprepLibrary *library,
                          PyprepStudy   *study)
{
  g_autoptr(GtkListItemFactory) question_factory = NULL;
  g_autoptr(GtkListItemFactory) result_factory = NULL;

  g_return_if_fail (PYPREP_IS_SIDEBAR (self));
  g_return_if_fail (PYPREP_IS_LIBRARY (library));
  g_return_if_fail (PYPREP_IS_STUDY (study));
  g_return_if_fail (self->library == NULL);

  self->library = g_object_ref (library);
  self->study = g_object_ref (study);

  question_factory = row_factory_new (self, G_CALLBACK (setup_question_row_cb), NULL, NULL);
  result_factory = row_factory_new (self, G_CALLBACK (setup_result_row_cb), G_CALLBACK (bind_result_row_cb),
                                    G_CALLBACK (unbind_result_row_cb));
  gtk_list_view_set_factory (self->question_list, question_factory);
  gtk_list_view_set_factory (self->results_list, result_factory);

  pyprep_topics_page_set_study (self->topics_page, library, study);
  self->smart_filter = GTK_FILTER (gtk_custom_filter_new (smart_filter_func, self, NULL));
  self->smart_model = gtk_filter_list_model_new (g_object_ref (pyprep_topics_page_get_all_questions (self->topics_page)),
                                                 g_object_ref (self->smart_filter));
  pyprep_search_pane_set_study (self->search_pane, library, study);
  g_signal_connect_object (self->study, "changed", G_CALLBACK (study_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * pyprep_sidebar_start:
 * @on_question: whether the window reopened on a question
 *
 * Fills the topics list for the first frame, and puts the keyboard focus
 * in the list the user sees.
 */
void
pyprep_sidebar_start (PyprepSidebar *self,
                      gboolean       on_question)
{
  GtkRoot *root;

  g_return_if_fail (PYPREP_IS_SIDEBAR (self));

  /* Reopened on a topic's questions, the topics list is out of sight. */
  pyprep_topics_page_start (self->topics_page, on_question);

  /* Start in the sidebar, not on the first selectable label of the answer. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_focus (GTK_WINDOW (root),
                          on_question ? GTK_WIDGET (self->question_list)
                                      : pyprep_topics_page_get_list (self->topics_page));
}

/* Returns: (transfer none) (nullable): the topic whose questions are
 * listed, or %NULL for the topics, a smart list or the search */
PyprepTopic *
pyprep_sidebar_get_topic (PyprepSidebar *self)
{
  g_return_val_if_fail (PYPREP_IS_SIDEBAR (self), NULL);
  return self->listed_topic;
}

/**
 * pyprep_sidebar_set_question:
 * @question: the question the reading pane shows
 *
 * Selects @question, in view, in the list of questions: a smart list
 * that holds it stays, else its topic is listed. The header's "Question
 * N of M" and next and previous follow that list. Search results on
 * show stay, with that list behind them.
 */
void
pyprep_sidebar_set_question (PyprepSidebar  *self,
                             PyprepQuestion *question)
{
  PyprepTopic *topic;

  g_return_if_fail (PYPREP_IS_SIDEBAR (self));
  g_return_if_fail (PYPREP_IS_QUESTION (question));

  if (g_set_object (&self->question, question))
    update_search_topic (self);
  topic = pyprep_question_get_topic (question);

  if (self->showing_smart_list
      && find_position (G_LIST_MODEL (self->smart_model), question) != GTK_INVALID_LIST_POSITION)
    {
      /* Opened from a smart list, or in it: stay in it. */
      gtk_single_selection_set_selected (self->question_selection,
                                         find_position (G_LIST_MODEL (self->smart_model), question));
    }
  else if (topic != NULL)
    {
      list_topic (self, topic);
      gtk_single_selection_set_selected (self->question_selection,
                                         find_position (pyprep_topic_get_questions (topic), question));
      /* Opened from the search, the results stay in the sidebar; the
       * question's topic, listed behind them, comes back with the list. */
      if (self->page_before_search != NULL)
        {
          g_free (self->page_before_search);
          self->page_before_search = g_strdup ("questions");
        }
      else
        pyprep_stack_pages_show (self->sidebar_stack, "questions");
    }
  else
    gtk_single_selection_set_selected (self->question_selection, GTK_INVALID_LIST_POSITION);

  scroll_to_selected (self);
}

/* Where the selected question is in the list on show, for "Question 3
 * of 12"; FALSE when none is selected. */
gboolean
pyprep_sidebar_get_position (PyprepSidebar *self,
                             guint         *position,
                             guint         *n_items)
{
  g_return_val_if_fail (PYPREP_IS_SIDEBAR (self), FALSE);

  *position = gtk_single_selection_get_selected (self->question_selection);
  *n_items = g_list_model_get_n_items (G_LIST_MODEL (self->question_selection));
  return *position != GTK_INVALID_LIST_POSITION;
}

/* Opens the search bar and puts the keyboard in it. */
void
pyprep_sidebar_begin_search (PyprepSidebar *self)
{
  g_return_if_fail (PYPREP_IS_SIDEBAR (self));

  pyprep_search_pane_begin (self->search_pane);
}

/* Returns: (transfer none) (nullable): the searched words, normalized */
const char * const *
pyprep_sidebar_get_search_terms (PyprepSidebar *self)
{
  g_return_val_if_fail (PYPREP_IS_SIDEBAR (self), NULL);
  return pyprep_search_pane_get_terms (self->search_pane);
}

/**
 * pyprep_sidebar_focus_question:
 *
 * Puts the keyboard on the row of the question on show, when the list on
 * show has it, so that Return opens it again; otherwise on the list on
 * show. For the list coming back into view at phone width.
 */
void
pyprep_sidebar_focus_question (PyprepSidebar *self)
{
  const char *page;

  g_return_if_fail (PYPREP_IS_SIDEBAR (self));

  page = gtk_stack_get_visible_child_name (self->sidebar_stack);
  if (g_strcmp0 (page, "questions") != 0)
    return;

  scroll_to_selected (self);
  /* The row is found by its question; its parent is the list's item,
   * which takes the focus as a click gives it. */
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->question_list));
       item != NULL && self->question != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (PYPREP_IS_QUESTION_ROW (row) && gtk_widget_get_child_visible (item)
          && pyprep_question_row_get_question (PYPREP_QUESTION_ROW (row)) == self->question
          && gtk_widget_grab_focus (item))
        return;
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->question_list));
}

/* Lists the topics and puts the keyboard in that list. */
void
pyprep_sidebar_focus_topics (PyprepSidebar *self)
{
  g_return_if_fail (PYPREP_IS_SIDEBAR (self));

  pyprep_sidebar_show_topic (self, NULL);
  gtk_widget_grab_focus (pyprep_topics_page_get_list (self->topics_page));
}

/* Returns: (transfer none): the search bar and its results */
PyprepSearchPane *
pyprep_sidebar_get_search_pane (PyprepSidebar *self)
{
  g_return_val_if_fail (PYPREP_IS_SIDEBAR (self), NULL);
  return self->search_pane;
}

/* GObject -------------------------------------------------------------- */

static void
pyprep_sidebar_dispose (GObject *object)
{
  PyprepSidebar *self = (PyprepSidebar *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_SIDEBAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_weak_pointer (&self->reading_pane);

  G_OBJECT_CLASS (pyprep_sidebar_parent_class)->dispose (object);
}

static void
pyprep_sidebar_finalize (GObject *object)
{
  PyprepSidebar *self = (PyprepSidebar *)object;

  g_clear_object (&self->library);
  g_clear_object (&self->study);
  g_clear_object (&self->question);
  g_clear_object (&self->question_selection);
  g_clear_object (&self->question_slots);
  g_clear_object (&self->topic);
  g_clear_object (&self->listed_topic);
  g_clear_object (&self->smart_model);
  g_clear_object (&self->smart_filter);
  g_clear_pointer (&self->page_before_search, g_free);
  g_clear_pointer (&self->result_items, g_hash_table_unref);

  G_OBJECT_CLASS (pyprep_sidebar_parent_class)->finalize (object);
}

static void
pyprep_sidebar_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PyprepSidebar *self = PYPREP_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_READING_PANE:
      g_set_weak_pointer (&self->reading_pane, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_sidebar_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PyprepSidebar *self = PYPREP_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      g_value_set_object (value, self->listed_topic);
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

    case PROP_READING_PANE:
      g_value_set_object (value, self->reading_pane);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_sidebar_class_init (PyprepSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_sidebar_dispose;
  object_class->finalize = pyprep_sidebar_finalize;
  object_class->set_property = pyprep_sidebar_set_property;
  object_class->get_property = pyprep_sidebar_get_property;

  properties[PROP_TOPIC] =
    g_param_spec_object ("topic", NULL, NULL, PYPREP_TYPE_TOPIC,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The window is folded: the header then shows the window's buttons. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Where Tab goes from a list. */
  properties[PROP_READING_PANE] =
    g_param_spec_object ("reading-pane", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The user picked a question, in a list or in the results. */
  signals[QUESTION_SELECTED] =
    g_signal_new ("question-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, PYPREP_TYPE_QUESTION, G_TYPE_BOOLEAN);
  /* The user pressed Enter on the selected question. */
  signals[QUESTION_ACTIVATED] =
    g_signal_new ("question-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, PYPREP_TYPE_QUESTION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/pyprep-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, sidebar_header);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, topics_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, topics_page);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, question_list);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, search_pane);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, results_empty);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, results_stack);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, results_list);
  gtk_widget_class_bind_template_callback (widget_class, title_fitted_cb);
  gtk_widget_class_bind_template_callback (widget_class, topic_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, question_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, smart_list_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, continue_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_results_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_result_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_first_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);

}

static void
pyprep_sidebar_init (PyprepSidebar *self)
{
  g_type_ensure (PYPREP_TYPE_FITTING_TITLE);
  g_type_ensure (PYPREP_TYPE_SEARCH_PANE);
  g_type_ensure (PYPREP_TYPE_TOPICS_PAGE);
  /* A vertical box that keeps one width beside the answer, whatever the
   * topic's title in its header. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 pyprep_fixed_width_layout_new (gtk_box_layout_new (GTK_ORIENTATION_VERTICAL),
                                                                SIDEBAR_WIDTH));
  gtk_widget_init_template (GTK_WIDGET (self));
  self->result_items = g_hash_table_new (NULL, NULL);
  set_title (self, "PyPrep");
  title_fitted_cb (self);

  pyprep_lazy_menu_set (self->menu_button, self->primary_menu);
  /* Folded, the sidebar's header carries the window's buttons. */
  g_object_bind_property (self, "folded", self->sidebar_header, "show-end-title-buttons", G_BINDING_SYNC_CREATE);

  self->question_slots = pyprep_question_slots_new ();
  self->question_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->question_slots)));
  gtk_single_selection_set_autoselect (self->question_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->question_selection, TRUE);
  gtk_list_view_set_model (self->question_list, GTK_SELECTION_MODEL (self->question_selection));
  g_signal_connect_object (self->question_selection, "notify::selected",
                           G_CALLBACK (question_selected_cb), self, G_CONNECT_SWAPPED);

  tab_leaves_list (self, GTK_LIST_VIEW (pyprep_topics_page_get_list (self->topics_page)));
  tab_leaves_list (self, self->question_list);
  tab_leaves_list (self, self->results_list);

  gtk_list_view_set_model (self->results_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (
                             g_object_ref (pyprep_search_pane_get_results (self->search_pane)))));
  pyprep_search_pane_set_key_capture (self->search_pane, GTK_WIDGET (self));

  pyprep_stack_pages_hide_unseen (self->sidebar_stack);
}
