/* pyprep-sidebar.c: the main window's sidebar. It lists the topics with
 * the overall progress and the smart lists, then the questions of a
 * topic or of a smart list, or the search results, and says which
 * question the user picked. The reading pane is the window's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-sidebar"

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "pyprep-first-rows.h"
#include "pyprep-question-slots.h"
#include "pyprep-question-row.h"
#include "pyprep-question.h"
#include "pyprep-result-row.h"
#include "pyprep-scope.h"
#include "pyprep-search-pane.h"
#include "pyprep-sidebar.h"
#include "pyprep-stack-pages.h"
#include "pyprep-topic-row.h"
#include "pyprep-topic.h"

typedef enum {
  SMART_NONE = -1,
  SMART_CONTINUE,
  SMART_BOOKMARKED,
  SMART_NEEDS_REVIEW,
  SMART_NOT_STARTED,
  N_SMART_LISTS
} SmartList;

struct _PyprepSidebar
{
  GtkWidget             parent_instance;

  GtkWidget            *topics_button;
  AdwWindowTitle       *sidebar_title;
  GtkStack             *sidebar_stack;
  GtkListView          *topic_list;
  GtkListView          *question_list;
  PyprepSearchPane     *search_pane;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  AdwStatusPage        *results_empty;
  GtkStack             *results_stack;
  GtkListView          *results_list;
  GtkLabel             *overall_label;
  GtkLevelBar          *overall_bar;
  GtkListBox           *smart_list;

  PyprepLibrary        *library;
  PyprepStudy          *study;
  PyprepQuestion       *question;         /* on show in the reading pane */
  GtkWidget            *reading_pane;     /* weak */
  gboolean              folded;
  GtkSliceListModel    *topic_slice;      /* the topics the list has rows for */
  GtkSingleSelection   *topic_selection;
  GtkSingleSelection   *question_selection;
  PyprepQuestionSlots  *question_slots;
  PyprepTopic          *topic;            /* of the questions listed last */
  PyprepTopic          *listed_topic;     /* of the questions listed now */

  /* The smart lists filter every question of the bank. */
  GListStore           *all_questions;
  GtkFilter            *smart_filter;
  GtkFilterListModel   *smart_model;
  SmartList             smart_kind;
  GtkWidget            *smart_counts[N_SMART_LISTS];
  guint                 progress_source;

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

/* Says that the user picked @question: "question-selected" shows it,
 * "question-activated" also goes to it on a narrow screen. */
static void
activate_question (PyprepSidebar  *self,
                   PyprepQuestion *question,
                   gboolean        from_search)
{
  g_signal_emit (self, signals[QUESTION_SELECTED], 0, question, from_search);
}

static void update_search_topic (PyprepSidebar *self);

static void
set_listed_topic (PyprepSidebar *self,
                  PyprepTopic   *topic)
{
  if (g_set_object (&self->listed_topic, topic))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPIC]);
}

/* Rows ---------------------------------------------------------------- */

/* A row shows what its list item holds, through an expression that
 * follows the item. */
static void
setup_topic_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    PyprepSidebar            *self)
{
  GtkWidget *row = pyprep_topic_row_new (self->study);

  gtk_expression_bind (gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item"), row, "topic", item);
  gtk_list_item_set_child (item, row);
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

  gtk_expression_bind (gtk_property_expression_new (PYPREP_TYPE_QUESTION_SLOT, slot, "question"),
                       row, "question", item);
  gtk_list_item_set_child (item, row);
}

static void
setup_result_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     PyprepSidebar            *self)
{
  gtk_list_item_set_child (item, pyprep_result_row_new ());
}

/* The results are replaced, not changed, as the search changes. */
static void
bind_result_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    PyprepSidebar            *self)
{
  PyprepQuestion *question = gtk_list_item_get_item (item);
  g_autofree char *excerpt = pyprep_search_pane_dup_excerpt (self->search_pane, question);

  pyprep_result_row_show (PYPREP_RESULT_ROW (gtk_list_item_get_child (item)), question, excerpt);
}

static GtkListItemFactory *
row_factory_new (PyprepSidebar *self,
                 GCallback      setup,
                 GCallback      bind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect_object (factory, "setup", setup, self, 0);
  if (bind != NULL)
    g_signal_connect_object (factory, "bind", bind, self, 0);

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
      self->smart_kind = SMART_NONE;
      set_listed_topic (self, NULL);
      pyprep_stack_pages_show (self->sidebar_stack, "topics");
      gtk_widget_set_visible (self->topics_button, FALSE);
      adw_window_title_set_title (self->sidebar_title, "PyPrep");
      adw_window_title_set_subtitle (self->sidebar_title, "");
      return;
    }

  self->smart_kind = SMART_NONE;
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
  gtk_single_selection_set_selected (self->topic_selection,
                                     find_position (G_LIST_MODEL (self->topic_selection), topic));
  adw_window_title_set_title (self->sidebar_title, pyprep_topic_get_title (topic));
  adw_window_title_set_subtitle (self->sidebar_title, "");
  gtk_widget_set_visible (self->topics_button, TRUE);
  set_listed_topic (self, topic);
  pyprep_stack_pages_show (self->sidebar_stack, "questions");
}

/* Progress and smart lists --------------------------------------------- */

static const struct {
  const char  *icon;
  const char  *title;
  PyprepScope  scope;
} smart_lists[N_SMART_LISTS] = {
  [SMART_CONTINUE] = { "media-playback-start-symbolic", N_("Continue"), PYPREP_SCOPE_ALL },
  [SMART_BOOKMARKED] = { "starred-symbolic", N_("Bookmarked"), PYPREP_SCOPE_BOOKMARKED },
  [SMART_NEEDS_REVIEW] = { "dialog-warning-symbolic", N_("Needs Review"), PYPREP_SCOPE_NEEDS_REVIEW },
  [SMART_NOT_STARTED] = { "document-new-symbolic", N_("Not Started"), PYPREP_SCOPE_NOT_STARTED },
};

/* Continue is a shortcut to one question, not a list. */
static gboolean
in_smart_list (PyprepSidebar  *self,
               SmartList       kind,
               PyprepQuestion *question)
{
  if (kind <= SMART_CONTINUE || kind >= N_SMART_LISTS)
    return FALSE;
  return pyprep_scope_contains (smart_lists[kind].scope, self->study, NULL, question, NULL);
}

static gboolean
smart_filter_func (gpointer item,
                   gpointer user_data)
{
  PyprepSidebar *self = user_data;

  return in_smart_list (self, self->smart_kind, item);
}

/* The question opened most recently, or NULL. */
static PyprepQuestion *
last_opened (PyprepSidebar *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->all_questions));
  PyprepQuestion *latest = NULL;
  gint64 latest_time = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PyprepQuestion) question = g_list_model_get_item (G_LIST_MODEL (self->all_questions), i);
      gint64 seen = pyprep_study_get_last_seen (self->study, pyprep_question_get_id (question));

      if (seen > latest_time)
        {
          latest_time = seen;
          latest = question;
        }
    }

  return latest;
}

/* Recounts the overall progress and the smart lists. A few hundred
 * lookups in hash tables: cheap enough to redo on every change. */
static void
update_progress (PyprepSidebar *self)
{
  guint counts[N_SMART_LISTS] = { 0 };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->all_questions));
  guint confident = 0, read = 0;
  PyprepQuestion *latest = last_opened (self);
  g_autofree char *overall = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PyprepQuestion) question = g_list_model_get_item (G_LIST_MODEL (self->all_questions), i);
      const char *id = pyprep_question_get_id (question);
      PyprepStatus status = pyprep_study_get_status (self->study, id);

      confident += status == PYPREP_STATUS_CONFIDENT;
      read += status != PYPREP_STATUS_NEW;
      for (guint kind = SMART_BOOKMARKED; kind < N_SMART_LISTS; kind++)
        counts[kind] += in_smart_list (self, kind, question);
    }

  /* Translators: overall progress, e.g. "40 of 272 confident, 120 read" */
  overall = g_strdup_printf (_("%u of %u confident, %u read"), confident, n, read);
  gtk_label_set_text (self->overall_label, overall);
  gtk_level_bar_set_max_value (self->overall_bar, MAX (n, 1));
  gtk_level_bar_set_value (self->overall_bar, confident);

  for (guint kind = SMART_BOOKMARKED; kind < N_SMART_LISTS; kind++)
    {
      g_autofree char *count = g_strdup_printf ("%u", counts[kind]);

      gtk_label_set_text (GTK_LABEL (self->smart_counts[kind]), count);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_ancestor (self->smart_counts[kind],
                                                                               GTK_TYPE_LIST_BOX_ROW)),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, count, -1);
    }

  gtk_label_set_text (GTK_LABEL (self->smart_counts[SMART_CONTINUE]),
                      latest ? pyprep_question_get_title (latest) : _("Nothing read yet"));
  gtk_widget_set_sensitive (gtk_widget_get_ancestor (self->smart_counts[SMART_CONTINUE],
                                                     GTK_TYPE_LIST_BOX_ROW),
                            latest != NULL);
}

static void
setup_smart_lists (PyprepSidebar *self)
{
  g_autoptr(GPtrArray) questions = pyprep_library_list_questions (self->library);

  self->all_questions = g_list_store_new (PYPREP_TYPE_QUESTION);
  g_list_store_splice (self->all_questions, 0, 0, questions->pdata, questions->len);
  self->smart_kind = SMART_NONE;
  self->smart_filter = GTK_FILTER (gtk_custom_filter_new (smart_filter_func, self, NULL));
  self->smart_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->all_questions)),
                                                 g_object_ref (self->smart_filter));

  for (guint kind = 0; kind < N_SMART_LISTS; kind++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (gettext (smart_lists[kind].title));
      GtkWidget *count = gtk_label_new (NULL);

      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_widget_add_css_class (count, "dim-label");
      gtk_widget_add_css_class (count, kind == SMART_CONTINUE ? "caption" : "numeric");
      /* No width in characters: GTK 4.8 would ask Pango for the font's
       * metrics at every measure, and Pango 1.56 (Debian 13) does not
       * keep them either (see pyprep-font-metrics.c). The name keeps its
       * width, and the count, ellipsized, takes the rest. */
      gtk_label_set_ellipsize (GTK_LABEL (count), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (smart_lists[kind].icon));
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), count);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, gettext (smart_lists[kind].title),
                                      -1);
      gtk_list_box_append (self->smart_list, row);
      self->smart_counts[kind] = count;
    }

  update_progress (self);
}

/* Lists the questions of a smart list in the sidebar. */
static void
show_smart_list (PyprepSidebar *self,
                 SmartList     kind)
{
  PyprepQuestion *current = self->question;

  g_clear_object (&self->topic);
  update_search_topic (self);
  set_listed_topic (self, NULL);
  self->smart_kind = kind;
  gtk_filter_changed (self->smart_filter, GTK_FILTER_CHANGE_DIFFERENT);
  pyprep_question_slots_set_model (self->question_slots, G_LIST_MODEL (self->smart_model));
  scroll_question_list_to_top (self);
  gtk_single_selection_set_selected (self->question_selection,
                                     current ? find_position (G_LIST_MODEL (self->smart_model), current)
                                             : GTK_INVALID_LIST_POSITION);

  adw_window_title_set_title (self->sidebar_title, gettext (smart_lists[kind].title));
  gtk_widget_set_visible (self->topics_button, TRUE);
  pyprep_stack_pages_show (self->sidebar_stack, "questions");
  gtk_widget_child_focus (GTK_WIDGET (self->question_list), GTK_DIR_TAB_FORWARD);
}

static void
smart_row_activated_cb (GtkListBox    *list,
                        GtkListBoxRow *row,
                        PyprepSidebar  *self)
{
  /* The rows are in the order of the lists. */
  SmartList kind = gtk_list_box_row_get_index (row);

  if (kind == SMART_CONTINUE)
    {
      PyprepQuestion *latest = last_opened (self);

      if (latest != NULL)
        activate_question (self, latest, FALSE);
      return;
    }

  show_smart_list (self, kind);
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
  if (self->page_before_search == NULL)
    self->page_before_search = g_strdup (gtk_stack_get_visible_child_name (self->sidebar_stack));
  gtk_stack_set_visible_child_name (self->results_stack,
                                    g_list_model_get_n_items (results) > 0 ? "list" : "empty");
  pyprep_stack_pages_show (self->sidebar_stack, "results");
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

/* The topics list ------------------------------------------------------ */

/* A topic row is a line of title and three of captions (82 %), with 24
 * pixels of margins, spacing and bar; above the rows, the overall
 * progress, the four smart lists and the heading take six lines and 56
 * pixels at least. At 700 pixels that is eight topics, of which five
 * show. */
static const PyprepRowShape topic_rows = { 34, 24, 60, 56 };

/* A topic with no row yet is selected when the rest of the list comes. */
static void
topics_added_cb (PyprepSidebar *self)
{
  if (self->topic != NULL && self->smart_kind == SMART_NONE)
    gtk_single_selection_set_selected (self->topic_selection,
                                       find_position (G_LIST_MODEL (self->topic_selection), self->topic));
}

/* A menu button's popover is built the first time it opens, not with the
 * window: building both menus took a fifth of the window's own time. */
static void
create_menu_popup_cb (GtkMenuButton *button,
                      gpointer       user_data)
{
  gtk_menu_button_set_menu_model (button, user_data);
}


/* Picking -------------------------------------------------------------- */

static void
topic_activated_cb (GtkListView   *list,
                    guint          position,
                    PyprepSidebar *self)
{
  g_autoptr(PyprepTopic) topic = g_list_model_get_item (G_LIST_MODEL (self->topic_selection),
                                                        position);

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

static gboolean
update_progress_cb (gpointer user_data)
{
  PyprepSidebar *self = user_data;

  self->progress_source = 0;
  update_progress (self);
  return G_SOURCE_REMOVE;
}

/* The recount goes through the whole bank, so it waits until the main
 * loop is idle: opening a question changes the record too, and its first
 * frame comes first. */
static void
study_changed_cb (PyprepSidebar *self,
                  const char    *id)
{
  /* A question leaves or joins a shown smart list at once. */
  if (self->smart_kind != SMART_NONE)
    gtk_filter_changed (self->smart_filter, GTK_FILTER_CHANGE_DIFFERENT);
  if (self->progress_source == 0)
    self->progress_source = g_idle_add_full (G_PRIORITY_LOW, update_progress_cb, self, NULL);
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
  g_autoptr(GtkListItemFactory) topic_factory = NULL;
  g_autoptr(GtkListItemFactory) question_factory = NULL;
  g_autoptr(GtkListItemFactory) result_factory = NULL;

  g_return_if_fail (PYPREP_IS_SIDEBAR (self));
  g_return_if_fail (PYPREP_IS_LIBRARY (library));
  g_return_if_fail (PYPREP_IS_STUDY (study));
  g_return_if_fail (self->library == NULL);

  self->library = g_object_ref (library);
  self->study = g_object_ref (study);

  topic_factory = row_factory_new (self, G_CALLBACK (setup_topic_row_cb), NULL);
  question_factory = row_factory_new (self, G_CALLBACK (setup_question_row_cb), NULL);
  result_factory = row_factory_new (self, G_CALLBACK (setup_result_row_cb), G_CALLBACK (bind_result_row_cb));
  gtk_list_view_set_factory (self->topic_list, topic_factory);
  gtk_list_view_set_factory (self->question_list, question_factory);
  gtk_list_view_set_factory (self->results_list, result_factory);

  setup_smart_lists (self);
  pyprep_search_pane_set_study (self->search_pane, library, study);
  g_signal_connect_object (self->study, "changed", G_CALLBACK (study_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->topic_slice = gtk_slice_list_model_new (g_object_ref (pyprep_library_get_topics (self->library)), 0, 0);
  self->topic_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->topic_slice)));
  gtk_single_selection_set_autoselect (self->topic_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->topic_selection, TRUE);
  gtk_single_selection_set_selected (self->topic_selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->topic_list, GTK_SELECTION_MODEL (self->topic_selection));
  pyprep_first_rows_then_all (GTK_WIDGET (self), self->topic_slice);
  g_signal_connect_object (self->topic_slice, "items-changed", G_CALLBACK (topics_added_cb), self,
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
  gtk_slice_list_model_set_size (self->topic_slice,
                                 on_question ? 0 : pyprep_first_rows_that_fit (GTK_WIDGET (self), &topic_rows));

  /* Start in the sidebar, not on the first selectable label of the answer. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_focus (GTK_WINDOW (root),
                          GTK_WIDGET (on_question ? self->question_list : self->topic_list));
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
 * Selects @question in the list on show: the search results stay, a
 * smart list that holds it stays, else its topic is listed.
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

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->sidebar_stack), "results") == 0)
    {
      /* Opened from the search: the results stay in the sidebar. */
    }
  else if (self->smart_kind != SMART_NONE
           && find_position (G_LIST_MODEL (self->smart_model), question) != GTK_INVALID_LIST_POSITION)
    {
      /* Opened from a smart list: stay in it. */
      gtk_single_selection_set_selected (self->question_selection,
                                         find_position (G_LIST_MODEL (self->smart_model), question));
    }
  else if (topic != NULL)
    {
      pyprep_sidebar_show_topic (self, topic);
      gtk_single_selection_set_selected (self->question_selection,
                                         find_position (pyprep_topic_get_questions (topic), question));
    }
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

/* Lists the topics and puts the keyboard in that list. */
void
pyprep_sidebar_focus_topics (PyprepSidebar *self)
{
  g_return_if_fail (PYPREP_IS_SIDEBAR (self));

  pyprep_sidebar_show_topic (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->topic_list));
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

  g_clear_handle_id (&self->progress_source, g_source_remove);
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
  g_clear_object (&self->topic_selection);
  g_clear_object (&self->topic_slice);
  g_clear_object (&self->question_selection);
  g_clear_object (&self->question_slots);
  g_clear_object (&self->topic);
  g_clear_object (&self->listed_topic);
  g_clear_object (&self->smart_model);
  g_clear_object (&self->smart_filter);
  g_clear_object (&self->all_questions);
  g_clear_pointer (&self->page_before_search, g_free);

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
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, topics_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, topic_list);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, question_list);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, overall_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, search_pane);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, results_empty);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, results_stack);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, results_list);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, overall_bar);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, smart_list);
  gtk_widget_class_bind_template_callback (widget_class, topic_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, question_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, smart_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_results_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_first_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);

}

static void
pyprep_sidebar_init (PyprepSidebar *self)
{
  g_type_ensure (PYPREP_TYPE_SEARCH_PANE);
  self->smart_kind = SMART_NONE;
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_popup_cb, self->primary_menu, NULL);

  self->question_slots = pyprep_question_slots_new ();
  self->question_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->question_slots)));
  gtk_single_selection_set_autoselect (self->question_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->question_selection, TRUE);
  gtk_list_view_set_model (self->question_list, GTK_SELECTION_MODEL (self->question_selection));
  g_signal_connect_object (self->question_selection, "notify::selected",
                           G_CALLBACK (question_selected_cb), self, G_CONNECT_SWAPPED);

  tab_leaves_list (self, self->topic_list);
  tab_leaves_list (self, self->question_list);
  tab_leaves_list (self, self->results_list);

  gtk_list_view_set_model (self->results_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (
                             g_object_ref (pyprep_search_pane_get_results (self->search_pane)))));
  pyprep_search_pane_set_key_capture (self->search_pane, GTK_WIDGET (self));

  pyprep_stack_pages_hide_unseen (self->sidebar_stack);
}
