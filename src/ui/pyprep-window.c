/* pyprep-window.c: the main window. The sidebar lists the topics, then the
 * questions of the chosen topic; the reading pane shows the selected
 * question. The window remembers its size and the last question opened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-window"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "pyprep-alert.h"
#include "pyprep-application.h"
#include "pyprep-backups.h"
#include "pyprep-code-block.h"
#include "pyprep-font-metrics.h"
#include "pyprep-library.h"
#include "pyprep-practice-window.h"
#include "pyprep-question-page.h"
#include "pyprep-question-slots.h"
#include "pyprep-question.h"
#include "pyprep-row-text.h"
#include "pyprep-search.h"
#include "pyprep-statistics-window.h"
#include "pyprep-study.h"
#include "pyprep-topic.h"
#include "pyprep-window.h"

#define MAX_PROBLEMS_LISTED 20

typedef enum {
  SMART_NONE = -1,
  SMART_CONTINUE,
  SMART_BOOKMARKED,
  SMART_NEEDS_REVIEW,
  SMART_NOT_STARTED,
  N_SMART_LISTS
} SmartList;

struct _PyprepWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  GtkWidget            *topics_button;
  GtkWidget            *back_button;
  AdwWindowTitle       *sidebar_title;
  GtkStack             *sidebar_stack;
  GtkListView          *topic_list;
  GtkListView          *question_list;
  AdwWindowTitle       *content_title;
  GtkRevealer          *problems_revealer;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkToggleButton      *search_button;
  GtkMenuButton        *scope_button;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  GMenuModel           *scope_menu;
  AdwStatusPage        *results_empty;
  GtkStack             *results_stack;
  GtkListView          *results_list;
  GtkLabel             *overall_label;
  GtkLevelBar          *overall_bar;
  GtkListBox           *smart_list;
  GtkLabel             *problems_label;
  PyprepQuestionPage   *question_page;

  GSettings            *settings;
  PyprepLibrary        *library;
  PyprepStudy          *study;
  GtkSliceListModel    *topic_slice;      /* the topics the list has rows for */
  GtkSingleSelection   *topic_selection;
  guint                 topics_source;
  GtkSingleSelection   *question_selection;
  PyprepQuestionSlots  *question_slots;
  PyprepTopic          *topic;

  /* The smart lists filter every question of the bank. */
  GListStore           *all_questions;
  GtkFilter            *smart_filter;
  GtkFilterListModel   *smart_model;
  SmartList             smart_kind;
  GtkWidget            *smart_counts[N_SMART_LISTS];

  char                 *undo_snapshot;  /* the record before a reset or restore */

  GPtrArray            *history;        /* question ids, oldest first */
  guint                 history_position;
  gboolean              navigating_history;
  double                zoom;

  PyprepSearchIndex    *search_index;   /* built after startup, or on the first search */
  guint                 index_source;
  guint                 progress_source;
  GListStore           *results;
  GStrv                 search_terms;   /* normalized, for the snippets */
  gboolean              opening_from_search;
  char                 *search_scope;   /* all, bookmarked, needs-review, topic */
  char                 *page_before_search;

  GtkWindow            *statistics_window;  /* weak */
};

G_DEFINE_FINAL_TYPE (PyprepWindow, pyprep_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_STUDY,
  PROP_BOOKMARKED,
  PROP_NEEDS_REVIEW,
  PROP_CONFIDENT,
  PROP_SEARCH_SCOPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows ---------------------------------------------------------------- */

/* Text in list rows is a PyprepRowText: unlike a wrapping label, it is
 * not measured, so filling a list with rows costs a fraction of the time.
 * It takes @lines lines, wraps within them and ellipsizes what is left;
 * a text cut short shows whole in its tooltip. */
static GtkWidget *
make_row_text (guint       lines,
               const char *css_class)
{
  GtkWidget *text = pyprep_row_text_new (lines);

  if (css_class != NULL)
    gtk_widget_add_css_class (text, css_class);

  return text;
}

/* The marks at the end of a question row: a note, then a bookmark star.
 * Most rows show neither, so a mark is made the first time its row
 * shows it; a new topic's rows are then that much cheaper to make. */
static void
show_mark (GtkWidget  *row,
           const char *icon_name,
           const char *css_class,
           gboolean    visible)
{
  GtkWidget *text = gtk_widget_get_first_child (row);
  GtkWidget *mark = NULL;

  for (GtkWidget *child = gtk_widget_get_next_sibling (text); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, css_class))
      mark = child;

  if (mark == NULL)
    {
      if (!visible)
        return;

      mark = gtk_image_new_from_icon_name (icon_name);
      gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (mark, css_class);
      gtk_accessible_update_state (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      /* The note mark goes first, the star last. */
      if (g_str_equal (css_class, "note-mark"))
        gtk_box_insert_child_after (GTK_BOX (row), mark, text);
      else
        gtk_box_append (GTK_BOX (row), mark);
    }

  gtk_widget_set_visible (mark, visible);
}

/* Names a list row for screen readers. GTK reads a list item's name from
 * the item widget that holds the row, not from the row itself: 4.8 and
 * 4.18 alike (without it, the Debian 13 lane's AT-SPI tests find unnamed
 * list items). From GTK 4.12, gtk_list_item_set_accessible_label() is the
 * stock way to say the same. */
static void
name_row (GtkWidget  *row,
          const char *label,
          const char *description)
{
  GtkWidget *item = gtk_widget_get_parent (row);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  if (item != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (item),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
}

/* A question row: its title over a dim subtitle (difficulty and status),
 * then a note mark and a bookmark star. */
static void
setup_question_row_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *subtitle = make_row_text (1, "caption");

  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (text), make_row_text (2, NULL));
  gtk_box_append (GTK_BOX (text), subtitle);

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_box_append (GTK_BOX (row), text);
  gtk_list_item_set_child (item, row);
}

/* A topic row: title, description, and how much of it is confident. */
static void
setup_topic_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *description = make_row_text (2, "caption");
  GtkWidget *progress = make_row_text (1, "caption");
  GtkWidget *bar = gtk_level_bar_new ();
  g_autoptr(PangoAttrList) tabular_figures = pango_attr_list_new ();

  gtk_widget_add_css_class (description, "dim-label");
  gtk_widget_add_css_class (progress, "dim-label");
  /* What the "numeric" style class gives a label: digits of one width. */
  pango_attr_list_insert (tabular_figures, pango_attr_font_features_new ("tnum=1"));
  pyprep_row_text_set_attributes (PYPREP_ROW_TEXT (progress), tabular_figures);
  gtk_widget_set_margin_top (bar, 3);
  gtk_accessible_update_state (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_box_append (GTK_BOX (row), make_row_text (1, NULL));
  gtk_box_append (GTK_BOX (row), description);
  gtk_box_append (GTK_BOX (row), progress);
  gtk_box_append (GTK_BOX (row), bar);
  gtk_list_item_set_child (item, row);
}

static void
update_topic_row (GtkListItem  *item,
                  PyprepWindow *self)
{
  PyprepTopic *topic = gtk_list_item_get_item (item);
  GListModel *questions = pyprep_topic_get_questions (topic);
  guint n = g_list_model_get_n_items (questions);
  guint confident = 0;
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (row);
  GtkWidget *description = gtk_widget_get_next_sibling (title);
  GtkWidget *progress = gtk_widget_get_next_sibling (description);
  GtkWidget *bar = gtk_widget_get_next_sibling (progress);
  g_autofree char *progress_text = NULL;
  g_autofree char *accessible = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PyprepQuestion) question = g_list_model_get_item (questions, i);

      if (pyprep_study_get_status (self->study, pyprep_question_get_id (question)) == PYPREP_STATUS_CONFIDENT)
        confident++;
    }

  /* Translators: a topic's progress, e.g. "12 of 18 confident" */
  progress_text = g_strdup_printf (_("%u of %u confident"), confident, n);
  accessible = g_strdup_printf ("%s. %s", pyprep_topic_get_description (topic), progress_text);

  pyprep_row_text_set_text (PYPREP_ROW_TEXT (title), pyprep_topic_get_title (topic));
  pyprep_row_text_set_text (PYPREP_ROW_TEXT (description), pyprep_topic_get_description (topic));
  pyprep_row_text_set_text (PYPREP_ROW_TEXT (progress), progress_text);
  gtk_level_bar_set_max_value (GTK_LEVEL_BAR (bar), MAX (n, 1));
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), confident);
  name_row (row, pyprep_topic_get_title (topic), accessible);
}

static void
topic_row_changed_cb (GtkListItem *item,
                      const char  *id)
{
  PyprepWindow *self = g_object_get_data (G_OBJECT (item), "window");
  PyprepQuestion *question = pyprep_library_lookup_question (self->library, id);

  if (question != NULL && pyprep_question_get_topic (question) == gtk_list_item_get_item (item))
    update_topic_row (item, self);
}

/* A bound row follows the study record until it is unbound. */
static void
follow_study (GtkListItem  *item,
              PyprepStudy  *study,
              const char   *signal,
              GCallback     callback,
              GConnectFlags flags)
{
  gulong handler = g_signal_connect_object (study, signal, callback, item, flags);

  g_object_set_data (G_OBJECT (item), "study", study);
  g_object_set_data (G_OBJECT (item), "study-handler", GSIZE_TO_POINTER (handler));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  gulong handler = GPOINTER_TO_SIZE (g_object_steal_data (G_OBJECT (item), "study-handler"));
  PyprepStudy *study = g_object_steal_data (G_OBJECT (item), "study");

  if (handler != 0)
    g_signal_handler_disconnect (study, handler);
}

static void
bind_topic_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               PyprepWindow             *self)
{
  g_object_set_data (G_OBJECT (item), "window", self);
  update_topic_row (item, self);
  follow_study (item, self->study, "changed", G_CALLBACK (topic_row_changed_cb), G_CONNECT_SWAPPED);
}

static void
update_question_row (GtkListItem *item,
                     PyprepStudy *study)
{
  PyprepQuestion *question = pyprep_question_slot_get_question (gtk_list_item_get_item (item));
  const char *id = pyprep_question_get_id (question);
  const char *difficulty = pyprep_difficulty_get_label (pyprep_question_get_difficulty (question));
  PyprepStatus status = pyprep_study_get_status (study, id);
  gboolean bookmarked = pyprep_study_get_bookmarked (study, id);
  gboolean has_note = pyprep_study_get_note (study, id) != NULL;
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *title_label = gtk_widget_get_first_child (gtk_widget_get_first_child (row));
  GtkWidget *subtitle_label = gtk_widget_get_next_sibling (title_label);
  g_autofree char *subtitle = NULL;
  g_autofree char *description = NULL;

  if (status == PYPREP_STATUS_NEW)
    subtitle = g_strdup (difficulty);
  else
    subtitle = g_strdup_printf ("%s · %s", difficulty, pyprep_status_get_label (status));

  description = g_strdup_printf ("%s%s%s", subtitle,
                                 bookmarked ? _(", bookmarked") : "",
                                 has_note ? _(", has a note") : "");

  pyprep_row_text_set_text (PYPREP_ROW_TEXT (title_label), pyprep_question_get_title (question));
  pyprep_row_text_set_text (PYPREP_ROW_TEXT (subtitle_label), subtitle);
  show_mark (row, "document-edit-symbolic", "note-mark", has_note);
  show_mark (row, "starred-symbolic", "bookmark-mark", bookmarked);
  name_row (row, pyprep_question_get_title (question), description);
}

static void
question_row_changed_cb (PyprepStudy *study,
                         const char  *id,
                         GtkListItem *item)
{
  update_question_row (item, study);
}

/* A row follows its question's study record, and the slot it shows: a
 * change of topic gives the slot another question. */
static void
follow_question (GtkListItem *item,
                 PyprepStudy *study)
{
  PyprepQuestion *question = pyprep_question_slot_get_question (gtk_list_item_get_item (item));
  g_autofree char *signal = g_strdup_printf ("changed::%s", pyprep_question_get_id (question));

  unbind_row_cb (NULL, item, NULL);
  update_question_row (item, study);
  follow_study (item, study, signal, G_CALLBACK (question_row_changed_cb), 0);
}

static void
slot_question_changed_cb (GtkListItem *item)
{
  follow_question (item, g_object_get_data (G_OBJECT (item), "study"));
}

static void
bind_question_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  PyprepStudy              *study)
{
  gulong handler = g_signal_connect_object (gtk_list_item_get_item (item), "notify::question",
                                            G_CALLBACK (slot_question_changed_cb), item,
                                            G_CONNECT_SWAPPED);

  g_object_set_data (G_OBJECT (item), "slot-handler", GSIZE_TO_POINTER (handler));
  follow_question (item, study);
}

static void
unbind_question_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  gulong handler = GPOINTER_TO_SIZE (g_object_steal_data (G_OBJECT (item), "slot-handler"));

  if (handler != 0)
    g_signal_handler_disconnect (gtk_list_item_get_item (item), handler);
  unbind_row_cb (factory, item, user_data);
}

static GtkListItemFactory *
row_factory_new (GCallback setup,
                 GCallback bind,
                 GCallback unbind,
                 gpointer  user_data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, user_data);
  if (unbind != NULL)
    g_signal_connect (factory, "unbind", unbind, user_data);

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

static void
update_content_title (PyprepWindow *self)
{
  PyprepQuestion *question = pyprep_question_page_get_question (self->question_page);
  guint position = gtk_single_selection_get_selected (self->question_selection);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->question_selection));
  g_autofree char *subtitle = NULL;

  if (question == NULL || pyprep_question_get_topic (question) == NULL)
    {
      adw_window_title_set_title (self->content_title, "");
      adw_window_title_set_subtitle (self->content_title, "");
      return;
    }

  if (position != GTK_INVALID_LIST_POSITION)
    subtitle = g_strdup_printf (_("Question %u of %u"), position + 1, n);

  adw_window_title_set_title (self->content_title,
                              pyprep_topic_get_title (pyprep_question_get_topic (question)));
  adw_window_title_set_subtitle (self->content_title, subtitle ? subtitle : "");
}

/* The sidebar's pages --------------------------------------------------- */

/* Only the sidebar page on show, or sliding in or out, is visible: GTK
 * styles every visible widget, shown or not, and the pages out of sight
 * are half of the sidebar. A page is made visible before the stack
 * slides to it, and the others are hidden once the slide is over.
 *
 * Workaround for GTK 4.8, still needed on GTK 4.18: there too, a stack
 * page of 3,000 labels out of sight delays the first frame (43 to 120 ms,
 * against 6 to 17 ms with the page hidden; measured on Debian 13). */
static void
show_sidebar_page (PyprepWindow *self,
                   const char   *name)
{
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->sidebar_stack, name), TRUE);
  gtk_stack_set_visible_child_name (self->sidebar_stack, name);
}

static void
hide_other_sidebar_pages (PyprepWindow *self)
{
  GtkWidget *shown = gtk_stack_get_visible_child (self->sidebar_stack);

  if (gtk_stack_get_transition_running (self->sidebar_stack))
    return;

  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_stack));
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    {
      if (page != shown)
        gtk_widget_set_visible (page, FALSE);
    }
}

/* A new list starts at its top, as a new list view would. */
static void
scroll_question_list_to_top (PyprepWindow *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->question_list));

  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

/**
 * pyprep_window_show_topic:
 * @topic: (nullable): the topic whose questions the sidebar lists, or
 *   %NULL for the list of topics
 */
void
pyprep_window_show_topic (PyprepWindow *self,
                          PyprepTopic  *topic)
{
  g_return_if_fail (PYPREP_IS_WINDOW (self));
  g_return_if_fail (!topic || PYPREP_IS_TOPIC (topic));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reset-topic", topic != NULL);

  if (topic == NULL)
    {
      self->smart_kind = SMART_NONE;
      show_sidebar_page (self, "topics");
      gtk_widget_set_visible (self->topics_button, FALSE);
      adw_window_title_set_title (self->sidebar_title, "PyPrep");
      adw_window_title_set_subtitle (self->sidebar_title, "");
      return;
    }

  self->smart_kind = SMART_NONE;
  if (g_set_object (&self->topic, topic))
    {
      PyprepQuestion *current = pyprep_question_page_get_question (self->question_page);
      GListModel *questions = pyprep_topic_get_questions (topic);

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
  show_sidebar_page (self, "questions");
}

/* Study state of the question on show ---------------------------------- */

static const char *
current_id (PyprepWindow *self)
{
  PyprepQuestion *question;

  /* The actions' state is asked for while the template is still built. */
  if (self->question_page == NULL || self->study == NULL)
    return NULL;

  question = pyprep_question_page_get_question (self->question_page);
  return question ? pyprep_question_get_id (question) : NULL;
}

static void
update_study_actions (PyprepWindow *self)
{
  gboolean has_question = current_id (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.bookmark", has_question);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.needs-review", has_question);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.confident", has_question);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOOKMARKED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_REVIEW]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIDENT]);
}

static void update_progress (PyprepWindow *self);

static gboolean
update_progress_cb (gpointer user_data)
{
  PyprepWindow *self = user_data;

  self->progress_source = 0;
  update_progress (self);
  return G_SOURCE_REMOVE;
}

/* The recount goes through the whole bank, so it waits until the main
 * loop is idle: opening a question changes the record too, and its first
 * frame comes first. */
static void
study_changed_cb (PyprepWindow *self,
                  const char   *id)
{
  if (g_strcmp0 (id, current_id (self)) == 0)
    update_study_actions (self);
  /* A question leaves or joins a shown smart list at once. */
  if (self->smart_kind != SMART_NONE)
    gtk_filter_changed (self->smart_filter, GTK_FILTER_CHANGE_DIFFERENT);
  if (self->progress_source == 0)
    self->progress_source = g_idle_add_full (G_PRIORITY_LOW, update_progress_cb, self, NULL);
}

static gboolean
current_has_status (PyprepWindow *self,
                    PyprepStatus  status)
{
  const char *id = current_id (self);

  return id != NULL && pyprep_study_get_status (self->study, id) == status;
}

/* Turning a status off returns the question to "read". */
static void
set_current_status (PyprepWindow *self,
                    PyprepStatus  status,
                    gboolean      on)
{
  const char *id = current_id (self);

  if (id == NULL || current_has_status (self, status) == on)
    return;

  pyprep_study_set_status (self->study, id, on ? status : PYPREP_STATUS_READ);
}

/* History ------------------------------------------------------------- */

static void
update_history_actions (PyprepWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.history-back", self->history_position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.history-forward",
                                 self->history_position + 1 < self->history->len);
}

/* Opening a question drops whatever was ahead, as in a web browser. */
static void
record_history (PyprepWindow *self,
                const char   *id)
{
  if (self->navigating_history)
    return;

  if (self->history->len > 0)
    {
      if (g_str_equal (g_ptr_array_index (self->history, self->history_position), id))
        return;
      g_ptr_array_set_size (self->history, self->history_position + 1);
    }

  g_ptr_array_add (self->history, g_strdup (id));
  self->history_position = self->history->len - 1;
  update_history_actions (self);
}

static void
go_in_history (PyprepWindow *self,
               int           delta)
{
  PyprepQuestion *question;

  if ((delta < 0 && self->history_position == 0)
      || (delta > 0 && self->history_position + 1 >= self->history->len))
    return;

  self->history_position += delta;
  question = pyprep_library_lookup_question (self->library,
                                             g_ptr_array_index (self->history, self->history_position));
  if (question != NULL)
    {
      self->navigating_history = TRUE;
      pyprep_window_show_question (self, question);
      self->navigating_history = FALSE;
    }
  update_history_actions (self);
}

static void
history_back_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  go_in_history (PYPREP_WINDOW (widget), -1);
}

static void
history_forward_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  go_in_history (PYPREP_WINDOW (widget), 1);
}

/* The mouse's back and forward buttons. */
static void
mouse_button_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 PyprepWindow    *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button == 8)
    go_in_history (self, -1);
  else if (button == 9)
    go_in_history (self, 1);
}

/* Zoom and sidebar ------------------------------------------------------ */

#define ZOOM_MIN 0.7
#define ZOOM_MAX 2.0
#define ZOOM_STEP 0.1

static void
apply_zoom (PyprepWindow *self)
{
  static GtkCssProvider *provider;
  g_autofree char *css = NULL;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (provider == NULL)
    {
      provider = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  /* At 100 % the theme's own sizes stand. Otherwise the page's text is
   * scaled, and the title classes with it: libadwaita 1.7 sizes them in
   * percent of the text already (181, 136 and 118 %), but libadwaita 1.2
   * in points (20, 15 and 13 pt, the same sizes for its 11 pt text), so
   * the rules below restate 1.7's. */
  if (G_APPROX_VALUE (self->zoom, 1.0, 0.001))
    css = g_strdup ("");
  else
    {
      g_ascii_formatd (number, sizeof number, "%.0f", self->zoom * 100);
      css = g_strdup_printf ("questionpage { font-size: %s%%; }\n"
                             "questionpage .title-1 { font-size: 181%%; }\n"
                             "questionpage .title-2, questionpage .title-3 { font-size: 136%%; }\n"
                             "questionpage .title-4 { font-size: 118%%; }\n",
                             number);
    }
  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", self->zoom < ZOOM_MAX - 0.01);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", self->zoom > ZOOM_MIN + 0.01);
}

/* The text size is a preference: zooming stores it, and the window
 * follows the stored value, however it changed. */
static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  double zoom = 1.0;

  if (g_str_equal (action_name, "win.zoom-in"))
    zoom = MIN (self->zoom + ZOOM_STEP, ZOOM_MAX);
  else if (g_str_equal (action_name, "win.zoom-out"))
    zoom = MAX (self->zoom - ZOOM_STEP, ZOOM_MIN);

  g_settings_set_double (self->settings, "text-scale", zoom);
}

static void
text_scale_changed_cb (PyprepWindow *self)
{
  self->zoom = g_settings_get_double (self->settings, "text-scale");
  apply_zoom (self);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet,
                                   adw_leaflet_get_visible_child (self->leaflet) == self->sidebar
                                   ? self->content : self->sidebar);
  else
    gtk_widget_set_visible (self->sidebar, !gtk_widget_get_visible (self->sidebar));
}

/* Shows @question in the reading pane and selects it in the sidebar. */
void
pyprep_window_show_question (PyprepWindow   *self,
                             PyprepQuestion *question)
{
  PyprepTopic *topic;

  g_return_if_fail (PYPREP_IS_WINDOW (self));
  g_return_if_fail (PYPREP_IS_QUESTION (question));

  topic = pyprep_question_get_topic (question);
  /* Only an answer opened from the search shows the searched words. */
  pyprep_question_page_set_highlights (self->question_page,
                                       self->opening_from_search ? (const char * const *)self->search_terms
                                                                 : NULL);
  pyprep_question_page_set_question (self->question_page, question, self->library);

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
      pyprep_window_show_topic (self, topic);
      gtk_single_selection_set_selected (self->question_selection,
                                         find_position (pyprep_topic_get_questions (topic),
                                                        question));
    }

  update_content_title (self);
  g_settings_set_string (self->settings, "last-question", pyprep_question_get_id (question));
  record_history (self, pyprep_question_get_id (question));

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    pyprep_study_mark_opened (self->study, pyprep_question_get_id (question), now);
  }
  update_study_actions (self);

  /* Unfolded, the page is already visible, and moving to it would take
   * the keyboard focus away from the question list. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* Opens the question with @id, or says that there is none. */
gboolean
pyprep_window_open_question_id (PyprepWindow *self,
                                const char   *id)
{
  PyprepQuestion *question;

  g_return_val_if_fail (PYPREP_IS_WINDOW (self), FALSE);

  question = pyprep_library_lookup_question (self->library, id);
  if (question == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is no question “%s” in the bank"), id);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return FALSE;
    }

  pyprep_window_show_question (self, question);
  return TRUE;
}

static void
topic_activated_cb (GtkListView  *list,
                    guint         position,
                    PyprepWindow *self)
{
  g_autoptr(PyprepTopic) topic = g_list_model_get_item (G_LIST_MODEL (self->topic_selection),
                                                        position);

  pyprep_window_show_topic (self, topic);
  gtk_widget_child_focus (GTK_WIDGET (self->question_list), GTK_DIR_TAB_FORWARD);
}

static void
question_selected_cb (PyprepWindow *self)
{
  guint position = gtk_single_selection_get_selected (self->question_selection);
  PyprepQuestion *question = pyprep_question_slots_get_question (self->question_slots, position);

  if (question != NULL && question != pyprep_question_page_get_question (self->question_page))
    pyprep_window_show_question (self, question);
}

static void
question_activated_cb (GtkListView  *list,
                       guint         position,
                       PyprepWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
open_question_cb (PyprepQuestionPage *page,
                  const char         *id,
                  PyprepWindow       *self)
{
  pyprep_window_open_question_id (self, id);
}

static void
folded_changed_cb (PyprepWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet)
      && pyprep_question_page_get_question (self->question_page) == NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

/* Progress and smart lists --------------------------------------------- */

static const struct {
  const char *icon;
  const char *title;
} smart_lists[N_SMART_LISTS] = {
  [SMART_CONTINUE] = { "media-playback-start-symbolic", N_("Continue") },
  [SMART_BOOKMARKED] = { "starred-symbolic", N_("Bookmarked") },
  [SMART_NEEDS_REVIEW] = { "dialog-warning-symbolic", N_("Needs Review") },
  [SMART_NOT_STARTED] = { "document-new-symbolic", N_("Not Started") },
};

static gboolean
in_smart_list (PyprepWindow *self,
               SmartList     kind,
               const char   *id)
{
  switch (kind)
    {
    case SMART_BOOKMARKED:
      return pyprep_study_get_bookmarked (self->study, id);
    case SMART_NEEDS_REVIEW:
      return pyprep_study_get_status (self->study, id) == PYPREP_STATUS_NEEDS_REVIEW;
    case SMART_NOT_STARTED:
      return pyprep_study_get_status (self->study, id) == PYPREP_STATUS_NEW;
    case SMART_CONTINUE:
    case SMART_NONE:
    case N_SMART_LISTS:
    default:
      return FALSE;
    }
}

static gboolean
smart_filter_func (gpointer item,
                   gpointer user_data)
{
  PyprepWindow *self = user_data;

  return in_smart_list (self, self->smart_kind, pyprep_question_get_id (item));
}

/* The question opened most recently, or NULL. */
static PyprepQuestion *
last_opened (PyprepWindow *self)
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
update_progress (PyprepWindow *self)
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
        counts[kind] += in_smart_list (self, kind, id);
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
setup_smart_lists (PyprepWindow *self)
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
      g_object_set_data (G_OBJECT (row), "smart-list", GINT_TO_POINTER (kind));
      gtk_list_box_append (self->smart_list, row);
      self->smart_counts[kind] = count;
    }

  update_progress (self);
}

/* Lists the questions of a smart list in the sidebar. */
static void
show_smart_list (PyprepWindow *self,
                 SmartList     kind)
{
  PyprepQuestion *current = pyprep_question_page_get_question (self->question_page);

  g_clear_object (&self->topic);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reset-topic", FALSE);
  self->smart_kind = kind;
  gtk_filter_changed (self->smart_filter, GTK_FILTER_CHANGE_DIFFERENT);
  pyprep_question_slots_set_model (self->question_slots, G_LIST_MODEL (self->smart_model));
  scroll_question_list_to_top (self);
  gtk_single_selection_set_selected (self->question_selection,
                                     current ? find_position (G_LIST_MODEL (self->smart_model), current)
                                             : GTK_INVALID_LIST_POSITION);

  adw_window_title_set_title (self->sidebar_title, gettext (smart_lists[kind].title));
  gtk_widget_set_visible (self->topics_button, TRUE);
  show_sidebar_page (self, "questions");
  gtk_widget_child_focus (GTK_WIDGET (self->question_list), GTK_DIR_TAB_FORWARD);
}

static void
smart_row_activated_cb (GtkListBox    *list,
                        GtkListBoxRow *row,
                        PyprepWindow  *self)
{
  SmartList kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "smart-list"));

  if (kind == SMART_CONTINUE)
    {
      PyprepQuestion *latest = last_opened (self);

      if (latest != NULL)
        pyprep_window_show_question (self, latest);
      return;
    }

  show_smart_list (self, kind);
}

/* Search --------------------------------------------------------------- */

static gboolean
is_ascii_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

static gboolean
term_at (const char *text,
         GStrv       terms,
         gsize      *length)
{
  for (guint i = 0; terms[i] != NULL; i++)
    {
      gsize n = strlen (terms[i]);

      if (n > 0 && g_ascii_strncasecmp (text, terms[i], n) == 0)
        {
          *length = n;
          return TRUE;
        }
    }

  return FALSE;
}

/* A line of the answer around the first match, with the matches in bold.
 * The text is escaped, so an answer can never inject markup. */
static char *
make_snippet (const char *body,
              GStrv       terms)
{
  const char *start = NULL;
  GString *markup = g_string_new (NULL);
  const char *p;
  gsize shown = 0;

  if (terms == NULL)
    terms = (GStrv)(const char *[]) { NULL };

  for (p = body; *p && start == NULL; p++)
    {
      gsize length;

      if ((p == body || !is_ascii_word_char (p[-1])) && term_at (p, terms, &length))
        start = p;
    }

  if (start == NULL)
    {
      const char *short_answer = strstr (body, "## Short answer");

      start = short_answer ? short_answer + strlen ("## Short answer") : body;
    }
  else
    {
      for (guint back = 0; back < 40 && start > body; back++)
        start = g_utf8_prev_char (start);
      /* Begin at a word. */
      while (start > body && *start && *start != ' ' && *start != '\n')
        start = g_utf8_next_char (start);
    }

  for (p = start; *p && shown < 130; )
    {
      gsize length;

      if (term_at (p, terms, &length) && (p == body || !is_ascii_word_char (p[-1])))
        {
          g_autofree char *word = g_markup_escape_text (p, length);

          g_string_append_printf (markup, "<b>%s</b>", word);
          p += length;
          shown += length;
          continue;
        }

      if (*p == '\n' || *p == '#' || *p == '`' || *p == '*' || *p == '|')
        {
          if (markup->len > 0 && markup->str[markup->len - 1] != ' ')
            g_string_append_c (markup, ' ');
          p++;
        }
      else
        {
          const char *next = g_utf8_next_char (p);
          g_autofree char *piece = g_markup_escape_text (p, next - p);

          g_string_append (markup, piece);
          p = next;
        }
      shown++;
    }

  g_string_append (markup, "…");
  return g_strstrip (g_string_free (markup, FALSE));
}

static void
setup_result_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *snippet = make_row_text (3, "caption");

  gtk_widget_add_css_class (snippet, "dim-label");
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_box_append (GTK_BOX (row), make_row_text (2, NULL));
  gtk_box_append (GTK_BOX (row), snippet);
  gtk_list_item_set_child (item, row);
}

static void
bind_result_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                PyprepWindow             *self)
{
  PyprepQuestion *question = gtk_list_item_get_item (item);
  PyprepTopic *topic = pyprep_question_get_topic (question);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (row);
  g_autofree char *snippet = make_snippet (pyprep_question_get_body (question), self->search_terms);
  g_autofree char *topic_markup = g_markup_escape_text (topic ? pyprep_topic_get_title (topic) : "", -1);
  g_autofree char *markup = g_strdup_printf ("<b>%s</b> · %s", topic_markup, snippet);

  pyprep_row_text_set_text (PYPREP_ROW_TEXT (title), pyprep_question_get_title (question));
  pyprep_row_text_set_markup (PYPREP_ROW_TEXT (gtk_widget_get_next_sibling (title)), markup);
  name_row (row, pyprep_question_get_title (question), topic ? pyprep_topic_get_title (topic) : "");
}

static void
leave_search (PyprepWindow *self)
{
  if (self->page_before_search != NULL)
    {
      show_sidebar_page (self, self->page_before_search);
      g_clear_pointer (&self->page_before_search, g_free);
    }
}

static void
ensure_search_index (PyprepWindow *self)
{
  g_autoptr(GPtrArray) questions = NULL;

  if (self->search_index != NULL)
    return;

  questions = pyprep_library_list_questions (self->library);
  self->search_index = pyprep_search_index_new (questions);
}

/* The index takes tens of milliseconds to build: do it once the window
 * is up, so that neither the first frame nor the first search waits. */
static gboolean
build_search_index_cb (gpointer user_data)
{
  PyprepWindow *self = user_data;
  g_auto(GStrv) languages = NULL;

  self->index_source = 0;
  ensure_search_index (self);
  /* Then the syntax highlighting of every language the bank uses, so
   * that no answer with code waits for its rules to be compiled. */
  languages = pyprep_library_dup_snippet_languages (self->library);
  pyprep_code_block_preload ((const char * const *) languages);
  return G_SOURCE_REMOVE;
}

/* The topic the "Current Topic" scope searches: the one listed in the
 * sidebar, else the one of the question on show. */
static PyprepTopic *
scope_topic (PyprepWindow *self)
{
  PyprepQuestion *question = pyprep_question_page_get_question (self->question_page);

  if (self->topic != NULL)
    return self->topic;
  return question != NULL ? pyprep_question_get_topic (question) : NULL;
}

static gboolean
in_search_scope (PyprepQuestion *question,
                 gpointer        user_data)
{
  PyprepWindow *self = user_data;
  const char *id = pyprep_question_get_id (question);

  if (g_str_equal (self->search_scope, "bookmarked"))
    return pyprep_study_get_bookmarked (self->study, id);
  if (g_str_equal (self->search_scope, "needs-review"))
    return pyprep_study_get_status (self->study, id) == PYPREP_STATUS_NEEDS_REVIEW;
  if (g_str_equal (self->search_scope, "topic"))
    return scope_topic (self) == NULL || pyprep_question_get_topic (question) == scope_topic (self);
  return TRUE;
}

/* The scope button says where the search looks, to the eye and to a
 * screen reader. */
static void
update_scope_button (PyprepWindow *self)
{
  g_autofree char *label = NULL;
  g_autofree char *accessible = NULL;

  if (g_str_equal (self->search_scope, "bookmarked"))
    label = g_strdup (_("Bookmarked"));
  else if (g_str_equal (self->search_scope, "needs-review"))
    label = g_strdup (_("Needs Review"));
  else if (g_str_equal (self->search_scope, "topic") && scope_topic (self) != NULL)
    /* Translators: the search scope, e.g. "In Async" */
    label = g_strdup_printf (_("In %s"), pyprep_topic_get_title (scope_topic (self)));
  else
    label = g_strdup (_("All Questions"));

  /* Translators: the accessible name of the search scope button */
  accessible = g_strdup_printf (_("Search in: %s"), label);
  gtk_menu_button_set_label (self->scope_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scope_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  adw_status_page_set_description (self->results_empty,
                                   g_str_equal (self->search_scope, "all")
                                   ? _("Try fewer or shorter words.")
                                   : _("Try fewer or shorter words, or search all questions."));
}

/* Searches the bank, within the chosen scope, as the user types. */
static void
search_changed_cb (PyprepWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *normalized = pyprep_search_normalize (text, -1);
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GPtrArray) questions = NULL;

  if (g_strstrip (normalized)[0] == '\0')
    {
      leave_search (self);
      return;
    }

  ensure_search_index (self);

  g_strfreev (self->search_terms);
  self->search_terms = g_regex_split_simple ("[^a-z0-9_]+", normalized, 0, 0);

  hits = pyprep_search_index_query_filtered (self->search_index, text, in_search_scope, self);
  questions = g_ptr_array_sized_new (hits->len);
  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (questions, g_array_index (hits, PyprepSearchHit, i).question);
  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       questions->pdata, questions->len);

  if (self->page_before_search == NULL)
    self->page_before_search = g_strdup (gtk_stack_get_visible_child_name (self->sidebar_stack));
  gtk_stack_set_visible_child_name (self->results_stack, hits->len > 0 ? "list" : "empty");
  show_sidebar_page (self, "results");
}

/* Enter opens the best result. */
static void
search_activate_cb (PyprepWindow *self)
{
  g_autoptr(PyprepQuestion) first = g_list_model_get_item (G_LIST_MODEL (self->results), 0);

  if (first != NULL && g_str_equal (gtk_stack_get_visible_child_name (self->sidebar_stack), "results"))
    {
      self->opening_from_search = TRUE;
      pyprep_window_show_question (self, first);
      self->opening_from_search = FALSE;
    }
}

static void
set_search_scope (PyprepWindow *self,
                  const char   *scope)
{
  static const char * const scopes[] = { "all", "bookmarked", "needs-review", "topic", NULL };

  if (scope == NULL || !g_strv_contains (scopes, scope))
    scope = "all";
  if (g_strcmp0 (self->search_scope, scope) == 0)
    return;

  g_free (self->search_scope);
  self->search_scope = g_strdup (scope);
  update_scope_button (self);
  if (g_str_equal (gtk_stack_get_visible_child_name (self->sidebar_stack), "results"))
    search_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_SCOPE]);
}

static void
search_stop_cb (PyprepWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
search_mode_changed_cb (PyprepWindow *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      leave_search (self);
    }
  else
    update_scope_button (self);
}

static void
result_activated_cb (GtkListView  *list,
                     guint         position,
                     PyprepWindow *self)
{
  g_autoptr(PyprepQuestion) question = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  if (question != NULL)
    {
      self->opening_from_search = TRUE;
      pyprep_window_show_question (self, question);
      self->opening_from_search = FALSE;
    }
}

/* Moves to the next or previous question of the list on show. */
static void
step_question (PyprepWindow *self,
               int           delta)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->question_selection));
  guint position = gtk_single_selection_get_selected (self->question_selection);

  if (n == 0)
    return;

  if (position == GTK_INVALID_LIST_POSITION)
    position = delta > 0 ? 0 : n - 1;
  else if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    return;
  else
    position += delta;

  pyprep_window_show_question (self, pyprep_question_slots_get_question (self->question_slots, position));
}

static void
next_question_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  step_question (PYPREP_WINDOW (widget), 1);
}

static void
previous_question_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  step_question (PYPREP_WINDOW (widget), -1);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  update_scope_button (self);
}

static void
practice_destroyed_cb (PyprepWindow *self)
{
  g_object_set_data (G_OBJECT (self), "pyprep-practice-window", NULL);
}

/* Opens the Practice window, or brings the open one to the front. */
static void
practice_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  GtkWindow *practice;

  if (self->library == NULL || self->study == NULL)
    return;

  practice = g_object_get_data (G_OBJECT (self), "pyprep-practice-window");
  if (practice == NULL)
    {
      practice = GTK_WINDOW (pyprep_practice_window_new (GTK_WINDOW (self), self->library,
                                                         self->study, self->settings));
      g_object_set_data (G_OBJECT (self), "pyprep-practice-window", practice);
      g_signal_connect_object (practice, "destroy", G_CALLBACK (practice_destroyed_cb), self, G_CONNECT_SWAPPED);
    }

  gtk_window_present (practice);
}

/* Deck problems ------------------------------------------------------- */

static void
update_problems (PyprepWindow *self)
{
  GPtrArray *problems = pyprep_library_get_problems (self->library);
  g_autofree char *text = NULL;

  if (problems->len == 0)
    {
      gtk_revealer_set_reveal_child (self->problems_revealer, FALSE);
      return;
    }

  if (problems->len == 1)
    text = g_strdup_printf (_("A deck has a problem: %s"),
                            ((GError *)g_ptr_array_index (problems, 0))->message);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Decks have %u problem. Everything else is loaded.",
                                         "Decks have %u problems. Everything else is loaded.",
                                         problems->len),
                            problems->len);

  gtk_label_set_text (self->problems_label, text);
  gtk_revealer_set_reveal_child (self->problems_revealer, TRUE);
}

/* One Statistics window per main window, raised if already open. */
static void
show_statistics_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);

  if (self->statistics_window == NULL)
    g_set_weak_pointer (&self->statistics_window,
                        pyprep_statistics_window_new (GTK_WINDOW (self), self->study, self->library));

  gtk_window_present (self->statistics_window);
}

static void
show_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  GPtrArray *problems = pyprep_library_get_problems (self->library);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *folder = NULL;
  g_autoptr(GFile) user_dir = pyprep_library_get_user_deck_dir ();
  GtkWidget *dialog;

  for (guint i = 0; i < problems->len && i < MAX_PROBLEMS_LISTED; i++)
    g_string_append_printf (body, "%s\n", ((GError *)g_ptr_array_index (problems, i))->message);
  if (problems->len > MAX_PROBLEMS_LISTED)
    g_string_append_printf (body, _("…and %u more, listed in the log.\n"),
                            problems->len - MAX_PROBLEMS_LISTED);

  folder = g_strdup_printf (_("The questions with problems were skipped. Fix the files "
                              "(your own decks are in %s) and restart PyPrep."),
                            g_file_peek_path (user_dir));
  g_string_append_printf (body, "\n%s", folder);

  dialog = pyprep_alert_new (_("Problems in the Decks"), body->str);
  pyprep_alert_add_response (dialog, "close", _("_Close"), ADW_RESPONSE_DEFAULT);
  pyprep_alert_present (dialog, GTK_WIDGET (self));
}

/* Export and import --------------------------------------------------- */

static void
show_error (PyprepWindow *self,
            const char   *heading,
            const char   *body)
{
  GtkWidget *dialog = pyprep_alert_new (heading, body);

  pyprep_alert_add_response (dialog, "close", _("_Close"), ADW_RESPONSE_DEFAULT);
  pyprep_alert_present (dialog, GTK_WIDGET (self));
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    PyprepWindow    *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT || file == NULL)
    goto out;

  json = pyprep_study_export_json (self->study, now);
  if (!g_file_replace_contents (file, json, strlen (json), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    show_error (self, _("Could Not Export Progress"), error->message);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Progress exported")));

out:
  g_object_unref (chooser);
}

static void
export_progress_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (today, "pyprep-progress-%Y-%m-%d.json");
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Progress"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

typedef struct
{
  PyprepWindow *window;
  GBytes       *contents;
} ImportRequest;

static void
import_mode_cb (GtkWidget        *dialog,
                const char       *response,
                ImportRequest    *request)
{
  PyprepWindow *self = request->window;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (request->contents, &length);

  if (g_str_equal (response, "merge") || g_str_equal (response, "replace"))
    {
      PyprepImportMode mode = g_str_equal (response, "merge") ? PYPREP_IMPORT_MERGE
                                                              : PYPREP_IMPORT_REPLACE;

      if (pyprep_study_import_json (self->study, data ? data : "", length, mode, &error))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Progress imported")));
      else
        show_error (self, _("Could Not Import Progress"), error->message);
    }

  g_bytes_unref (request->contents);
  g_object_unref (request->window);
  g_free (request);
}

static void
import_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PyprepWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = pyprep_study_read_import_finish (result, &error);
  ImportRequest *request;
  GtkWidget *dialog;

  if (contents == NULL)
    {
      /* PyPrep's own errors are written for the user; GIO's follow a
       * sentence that says what failed. */
      g_autofree char *body = error->domain == PYPREP_STUDY_ERROR
                              ? g_strdup (error->message)
                              : g_strdup_printf (_("The file could not be read (%s)."), error->message);

      show_error (self, _("Could Not Import Progress"), body);
      return;
    }

  request = g_new0 (ImportRequest, 1);
  request->window = g_object_ref (self);
  request->contents = g_steal_pointer (&contents);

  dialog = pyprep_alert_new (_("Import Progress?"),
                                   _("Merging keeps, for each question, whichever record saw it "
                                     "last. Replacing discards your current progress, bookmarks "
                                     "and notes. A file with any problem changes nothing."));
  pyprep_alert_add_response (dialog, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  pyprep_alert_add_response (dialog, "replace", _("_Replace"), ADW_RESPONSE_DESTRUCTIVE);
  pyprep_alert_add_response (dialog, "merge", _("_Merge"), ADW_RESPONSE_SUGGESTED);
  pyprep_alert_set_default_response (dialog, "merge");
  pyprep_alert_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (import_mode_cb), request);
  pyprep_alert_present (dialog, GTK_WIDGET (self));
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    PyprepWindow    *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    pyprep_study_read_import_async (file, NULL, import_loaded_cb, g_object_ref (self));

  g_object_unref (chooser);
}

static void
import_progress_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("PyPrep progress (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_pattern (filter, "*.json");

  chooser = gtk_file_chooser_native_new (_("Import Progress"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Reset, restore and undo ---------------------------------------------- */

/* Keeps the record as it is now, and offers to return to it. */
static void
remember_for_undo (PyprepWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_free (self->undo_snapshot);
  self->undo_snapshot = pyprep_study_export_json (self->study, now);
}

static void
toast_with_undo (PyprepWindow *self,
                 const char   *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  g_autofree char *snapshot = g_steal_pointer (&self->undo_snapshot);
  g_autoptr(GError) error = NULL;

  if (snapshot == NULL)
    return;

  if (!pyprep_study_import_json (self->study, snapshot, strlen (snapshot), PYPREP_IMPORT_REPLACE, &error))
    show_error (self, _("Could Not Undo"), error->message);
}

static void
reset_response_cb (GtkWidget        *dialog,
                   const char       *response,
                   PyprepWindow     *self)
{
  GStrv ids = g_object_get_data (G_OBJECT (dialog), "ids");

  if (!g_str_equal (response, "reset"))
    return;

  remember_for_undo (self);
  pyprep_study_reset_progress (self->study, (const char * const *)ids);
  toast_with_undo (self, _("Progress reset"));
}

static void
confirm_reset (PyprepWindow *self,
               PyprepTopic  *topic)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GStrv ids = NULL;

  if (topic != NULL)
    {
      GListModel *questions = pyprep_topic_get_questions (topic);

      for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
        {
          g_autoptr(PyprepQuestion) question = g_list_model_get_item (questions, i);
          g_strv_builder_add (builder, pyprep_question_get_id (question));
        }
      ids = g_strv_builder_end (builder);
      /* The topic goes in the body: a heading does not wrap in every
       * libadwaita, and a long title would not fit a phone. */
      heading = g_strdup (_("Reset Topic Progress?"));
      body = g_strdup_printf (_("Every status and the reading history in “%s” are cleared. "
                                "Bookmarks and notes stay."), pyprep_topic_get_title (topic));
    }
  else
    {
      heading = g_strdup (_("Reset All Progress?"));
      body = g_strdup (_("Every status and the reading history are cleared. "
                         "Bookmarks and notes stay."));
    }

  dialog = pyprep_alert_new (heading, body);
  pyprep_alert_add_response (dialog, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  pyprep_alert_add_response (dialog, "reset", _("_Reset"), ADW_RESPONSE_DESTRUCTIVE);
  pyprep_alert_set_default_response (dialog, "cancel");
  pyprep_alert_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ids", ids, (GDestroyNotify)g_strfreev);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reset_response_cb), self, 0);
  pyprep_alert_present (dialog, GTK_WIDGET (self));
}

static void
reset_all_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  confirm_reset (PYPREP_WINDOW (widget), NULL);
}

static void
reset_topic_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);

  if (self->topic != NULL)
    confirm_reset (self, self->topic);
}

static void
restore_clicked_cb (GtkButton    *button,
                    PyprepWindow *self)
{
  PyprepBackup *backup = g_object_get_data (G_OBJECT (button), "backup");
  g_autoptr(GError) error = NULL;

  remember_for_undo (self);
  if (pyprep_backups_restore (self->study, backup, &error))
    toast_with_undo (self, _("Progress restored from the backup"));
  else
    show_error (self, _("Could Not Restore the Backup"), error->message);

  pyprep_alert_respond (pyprep_alert_get_for_child (GTK_WIDGET (button)), "close");
}

static void
restore_backup_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  g_autoptr(GFile) dir = pyprep_backups_default_dir ();
  GPtrArray *backups = pyprep_backups_list (dir);
  GtkWidget *dialog, *list;

  dialog = pyprep_alert_new (_("Restore from Backup"),
                                   backups->len > 0
                                   ? _("PyPrep keeps a copy of your progress each day you use it. "
                                       "Restoring replaces your current progress; you can undo it.")
                                   : _("There is no backup yet. PyPrep makes one each day you use it."));
  pyprep_alert_add_response (dialog, "close", _("_Close"), ADW_RESPONSE_DEFAULT);

  if (backups->len > 0)
    {
      list = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");

      for (guint i = 0; i < backups->len; i++)
        {
          PyprepBackup *backup = backups->pdata[i];
          g_autofree char *bookmarks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u bookmark",
                                                                     "%u bookmarks", backup->bookmarks),
                                                        backup->bookmarks);
          /* Translators: e.g. "41 bookmarks, 120 reviewed" */
          g_autofree char *summary = g_strdup_printf (_("%s, %u reviewed"), bookmarks, backup->reviewed);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), backup->day);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          g_object_set_data (G_OBJECT (button), "backup", backup);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, backup->day, -1);
          g_signal_connect_object (button, "clicked", G_CALLBACK (restore_clicked_cb), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      pyprep_alert_set_extra_child (dialog, list);
    }

  g_object_set_data_full (G_OBJECT (dialog), "backups", backups, (GDestroyNotify)g_ptr_array_unref);
  pyprep_alert_present (dialog, GTK_WIDGET (self));
}

/* Actions ------------------------------------------------------------- */

static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  AdwToast *toast = adw_toast_new (g_variant_get_string (parameter, NULL));

  adw_toast_set_timeout (toast, 2);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_topics_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);

  pyprep_window_show_topic (self, NULL);
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->topic_list));
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
dismiss_problems_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (PYPREP_WINDOW (widget)->problems_revealer, FALSE);
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
                     PyprepWindow          *self)
{
  GtkWidget *header = gtk_widget_get_first_child (self->sidebar);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    {
      if (gtk_widget_get_mapped (self->content)
          && gtk_widget_child_focus (self->content, GTK_DIR_TAB_FORWARD))
        return TRUE;
      return gtk_widget_child_focus (header, GTK_DIR_TAB_FORWARD);
    }

  if (keyval == GDK_KEY_ISO_Left_Tab)
    {
      /* From the results, back to the search scope above them. */
      if (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)) == GTK_WIDGET (self->results_list)
          && gtk_widget_grab_focus (GTK_WIDGET (self->scope_button)))
        return TRUE;
      return gtk_widget_child_focus (header, GTK_DIR_TAB_BACKWARD);
    }

  return FALSE;
}

static void
tab_leaves_list (PyprepWindow *self,
                 GtkListView  *list)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (list_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (list), keys);
}

/* GObject ------------------------------------------------------------- */

static gboolean
pyprep_window_close_request (GtkWindow *window)
{
  PyprepWindow *self = PYPREP_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (pyprep_window_parent_class)->close_request (window);
}

/* The topics list ------------------------------------------------------ */

/* GTK 4.8's list view makes a row for every item, shown or not, and the
 * topic rows are most of what the first frame builds. So the list starts
 * with the topics that can fit in the window, and gets the others as
 * soon as that frame is up. The count errs high. A row is a line of
 * title and three of captions (82 %), with 24 pixels of margins, spacing
 * and bar; above the rows, the overall progress, the four smart lists
 * and the heading take six lines and 56 pixels at least. At 700 pixels
 * that is eight topics, of which five show.
 *
 * Workaround for GTK 4.8, still needed on GTK 4.18: both make 100 rows for
 * 100 items in a list view 200 pixels high (measured on Debian 12 and 13). */
static guint
topics_that_fit (PyprepWindow *self)
{
  PyprepFontMetrics metrics = pyprep_font_metrics_get (GTK_WIDGET (self));
  int line = MAX (1, PANGO_PIXELS (metrics.ascent + metrics.descent));
  int width, height = -1;

  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (height <= 0)
    return G_MAXUINT;  /* maximized, or no size yet: no guess */

  /* Rows that fit, one cut off at the bottom, and one to spare. */
  return (guint)MAX (0, height - 6 * line - 56) * 10 / (guint)(34 * line + 240) + 2;
}

static gboolean
show_all_topics_cb (gpointer user_data)
{
  PyprepWindow *self = user_data;

  self->topics_source = 0;
  gtk_slice_list_model_set_size (self->topic_slice, G_MAXUINT);
  if (self->topic != NULL && self->smart_kind == SMART_NONE)
    gtk_single_selection_set_selected (self->topic_selection,
                                       find_position (G_LIST_MODEL (self->topic_selection), self->topic));
  return G_SOURCE_REMOVE;
}

/* Once the first frame is painted, the main loop finishes showing it,
 * then the list gets its other rows. */
static void
first_frame_cb (GdkFrameClock *clock,
                PyprepWindow  *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  if (gtk_slice_list_model_get_size (self->topic_slice) != G_MAXUINT && self->topics_source == 0)
    self->topics_source = g_idle_add (show_all_topics_cb, self);
}

static void
pyprep_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (pyprep_window_parent_class)->realize (widget);

  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (first_frame_cb), widget, 0);
}

static void
restore_state (PyprepWindow *self)
{
  g_autofree char *last_id = g_settings_get_string (self->settings, "last-question");
  PyprepQuestion *question;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  question = g_settings_get_boolean (self->settings, "reopen-last-question")
             ? pyprep_library_lookup_question (self->library, last_id) : NULL;
  if (question != NULL)
    {
      pyprep_window_show_question (self, question);
      /* On a narrow screen, reopen on the answer, not on the list. */
      adw_leaflet_set_visible_child (self->leaflet, self->content);
    }
  /* Reopened on a topic's questions, the topics list is out of sight. */
  gtk_slice_list_model_set_size (self->topic_slice, question != NULL ? 0 : topics_that_fit (self));

  /* Start in the sidebar, not on the first selectable label of the answer. */
  gtk_window_set_focus (GTK_WINDOW (self),
                        GTK_WIDGET (question ? self->question_list : self->topic_list));
}

static void
pyprep_window_constructed (GObject *object)
{
  PyprepWindow *self = PYPREP_WINDOW (object);

  G_OBJECT_CLASS (pyprep_window_parent_class)->constructed (object);

  g_assert (self->library != NULL);
  g_assert (self->study != NULL);

  {
    g_autoptr(GtkListItemFactory) topic_factory =
      row_factory_new (G_CALLBACK (setup_topic_row_cb), G_CALLBACK (bind_topic_cb),
                       G_CALLBACK (unbind_row_cb), self);
    g_autoptr(GtkListItemFactory) question_factory =
      row_factory_new (G_CALLBACK (setup_question_row_cb), G_CALLBACK (bind_question_cb),
                       G_CALLBACK (unbind_question_cb), self->study);

    gtk_list_view_set_factory (self->topic_list, topic_factory);
    gtk_list_view_set_factory (self->question_list, question_factory);
  }
  setup_smart_lists (self);
  tab_leaves_list (self, self->topic_list);
  tab_leaves_list (self, self->question_list);
  tab_leaves_list (self, self->results_list);
  self->index_source = g_timeout_add_full (G_PRIORITY_LOW, 500, build_search_index_cb, self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reset-topic", FALSE);
  update_history_actions (self);

  g_signal_connect_object (self->settings, "changed::text-scale",
                           G_CALLBACK (text_scale_changed_cb), self, G_CONNECT_SWAPPED);
  if (g_settings_get_double (self->settings, "text-scale") != 1.0)
    text_scale_changed_cb (self);

  {
    g_autoptr(GtkListItemFactory) result_factory =
      row_factory_new (G_CALLBACK (setup_result_cb), G_CALLBACK (bind_result_cb), NULL, self);

    self->results = g_list_store_new (PYPREP_TYPE_QUESTION);
    gtk_list_view_set_factory (self->results_list, result_factory);
    gtk_list_view_set_model (self->results_list,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->results)))));
    /* The entry sits in a box with the scope button, so the bar needs
     * to be told which entry to forward typed keys to. */
    gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
    gtk_search_bar_set_key_capture_widget (self->search_bar, self->sidebar);
    g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                             G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);
  }
  pyprep_question_page_set_study (self->question_page, self->study);
  g_signal_connect_object (self->study, "changed", G_CALLBACK (study_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_study_actions (self);

  self->topic_slice = gtk_slice_list_model_new (g_object_ref (pyprep_library_get_topics (self->library)), 0, 0);
  self->topic_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->topic_slice)));
  gtk_single_selection_set_autoselect (self->topic_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->topic_selection, TRUE);
  gtk_single_selection_set_selected (self->topic_selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->topic_list, GTK_SELECTION_MODEL (self->topic_selection));

  update_problems (self);
  restore_state (self);

  g_signal_connect_object (self->sidebar_stack, "notify::visible-child",
                           G_CALLBACK (hide_other_sidebar_pages), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar_stack, "notify::transition-running",
                           G_CALLBACK (hide_other_sidebar_pages), self, G_CONNECT_SWAPPED);
  hide_other_sidebar_pages (self);
}

static void
pyprep_window_dispose (GObject *object)
{
  PyprepWindow *self = (PyprepWindow *)object;

  g_clear_handle_id (&self->index_source, g_source_remove);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_handle_id (&self->topics_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_WINDOW);
  g_clear_weak_pointer (&self->statistics_window);

  G_OBJECT_CLASS (pyprep_window_parent_class)->dispose (object);
}

static void
pyprep_window_finalize (GObject *object)
{
  PyprepWindow *self = (PyprepWindow *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->library);
  g_clear_object (&self->study);
  g_clear_object (&self->topic_selection);
  g_clear_object (&self->topic_slice);
  g_clear_object (&self->question_selection);
  g_clear_object (&self->question_slots);
  g_clear_object (&self->topic);
  g_clear_object (&self->smart_model);
  g_clear_object (&self->smart_filter);
  g_clear_object (&self->all_questions);
  g_clear_pointer (&self->undo_snapshot, g_free);
  g_clear_pointer (&self->search_index, pyprep_search_index_free);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_object (&self->results);
  g_clear_pointer (&self->search_terms, g_strfreev);
  g_clear_pointer (&self->page_before_search, g_free);
  g_clear_pointer (&self->search_scope, g_free);

  G_OBJECT_CLASS (pyprep_window_parent_class)->finalize (object);
}

static void
pyprep_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PyprepWindow *self = PYPREP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_STUDY:
      self->study = g_value_dup_object (value);
      break;

    case PROP_BOOKMARKED:
      if (current_id (self) != NULL)
        pyprep_study_set_bookmarked (self->study, current_id (self), g_value_get_boolean (value));
      break;

    case PROP_NEEDS_REVIEW:
      set_current_status (self, PYPREP_STATUS_NEEDS_REVIEW, g_value_get_boolean (value));
      break;

    case PROP_CONFIDENT:
      set_current_status (self, PYPREP_STATUS_CONFIDENT, g_value_get_boolean (value));
      break;

    case PROP_SEARCH_SCOPE:
      set_search_scope (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PyprepWindow *self = PYPREP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_STUDY:
      g_value_set_object (value, self->study);
      break;

    case PROP_BOOKMARKED:
      g_value_set_boolean (value, current_id (self) != NULL
                                  && pyprep_study_get_bookmarked (self->study, current_id (self)));
      break;

    case PROP_NEEDS_REVIEW:
      g_value_set_boolean (value, current_has_status (self, PYPREP_STATUS_NEEDS_REVIEW));
      break;

    case PROP_CONFIDENT:
      g_value_set_boolean (value, current_has_status (self, PYPREP_STATUS_CONFIDENT));
      break;

    case PROP_SEARCH_SCOPE:
      g_value_set_string (value, self->search_scope);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_window_class_init (PyprepWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = pyprep_window_constructed;
  object_class->dispose = pyprep_window_dispose;
  object_class->finalize = pyprep_window_finalize;
  object_class->set_property = pyprep_window_set_property;
  object_class->get_property = pyprep_window_get_property;
  widget_class->realize = pyprep_window_realize;
  window_class->close_request = pyprep_window_close_request;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, PYPREP_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STUDY] =
    g_param_spec_object ("study", NULL, NULL, PYPREP_TYPE_STUDY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The question on show: bookmarked, needs review, confident. */
  properties[PROP_BOOKMARKED] =
    g_param_spec_boolean ("bookmarked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NEEDS_REVIEW] =
    g_param_spec_boolean ("needs-review", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CONFIDENT] =
    g_param_spec_boolean ("confident", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Where the search looks: "all", "bookmarked", "needs-review" or "topic". */
  properties[PROP_SEARCH_SCOPE] =
    g_param_spec_string ("search-scope", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PYPREP_TYPE_QUESTION_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/pyprep-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, content);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, topics_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, topic_list);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, question_list);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, problems_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, overall_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, scope_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, scope_menu);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, results_empty);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, results_stack);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, results_list);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, overall_bar);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, smart_list);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, question_page);
  gtk_widget_class_bind_template_callback (widget_class, topic_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, question_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_question_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, smart_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);

  gtk_widget_class_install_property_action (widget_class, "win.bookmark", "bookmarked");
  gtk_widget_class_install_property_action (widget_class, "win.needs-review", "needs-review");
  gtk_widget_class_install_property_action (widget_class, "win.confident", "confident");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.bookmark", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_R, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.needs-review", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_C, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.confident", NULL);
  gtk_widget_class_install_action (widget_class, "win.history-back", NULL, history_back_action);
  gtk_widget_class_install_action (widget_class, "win.history-forward", NULL, history_forward_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.history-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.history-forward", NULL);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_install_action (widget_class, "win.next-question", NULL, next_question_action);
  gtk_widget_class_install_action (widget_class, "win.previous-question", NULL, previous_question_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "win.next-question", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "win.previous-question", NULL);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.practice", NULL, practice_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.practice", NULL);
  gtk_widget_class_install_property_action (widget_class, "win.search-scope", "search-scope");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_install_action (widget_class, "win.reset-all", NULL, reset_all_action);
  gtk_widget_class_install_action (widget_class, "win.reset-topic", NULL, reset_topic_action);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL, restore_backup_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.export-progress", NULL, export_progress_action);
  gtk_widget_class_install_action (widget_class, "win.import-progress", NULL, import_progress_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
  gtk_widget_class_install_action (widget_class, "win.show-topics", NULL, show_topics_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, show_problems_action);
  gtk_widget_class_install_action (widget_class, "win.show-statistics", NULL, show_statistics_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.show-statistics", NULL);
  gtk_widget_class_install_action (widget_class, "win.dismiss-problems", NULL,
                                   dismiss_problems_action);

}

/* A menu button's popover is built the first time it opens, not with the
 * window: building both menus took a fifth of the window's own time. */
static void
create_menu_popup_cb (GtkMenuButton *button,
                      gpointer       user_data)
{
  gtk_menu_button_set_menu_model (button, user_data);
}

/* The Keyboard Shortcuts window is built the first time it is asked
 * for: GtkApplication would build it with every window, and it takes as
 * long as the window itself. GtkApplicationWindow keeps this action
 * rather than adding its own. */
static void
show_shortcuts_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   PyprepWindow  *self)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (self);
  GtkShortcutsWindow *shortcuts = gtk_application_window_get_help_overlay (window);

  if (shortcuts == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/pyprep-shortcuts-window.ui");

      shortcuts = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, shortcuts);
    }

  gtk_window_present (GTK_WINDOW (shortcuts));
}

static void
pyprep_window_init (PyprepWindow *self)
{
  /* Set before the template, whose scope menu reads it. */
  self->search_scope = g_strdup ("all");
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = pyprep_settings_new ();

  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_popup_cb, self->primary_menu, NULL);
  gtk_menu_button_set_create_popup_func (self->scope_button, create_menu_popup_cb, self->scope_menu, NULL);

  {
    g_autoptr(GSimpleAction) shortcuts = g_simple_action_new ("show-help-overlay", NULL);

    g_signal_connect_object (shortcuts, "activate", G_CALLBACK (show_shortcuts_cb), self, 0);
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (shortcuts));
  }

  self->history = g_ptr_array_new_with_free_func (g_free);
  self->zoom = 1.0;
  update_scope_button (self);

  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
    g_signal_connect_object (click, "pressed", G_CALLBACK (mouse_button_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  }

  self->question_slots = pyprep_question_slots_new ();
  self->question_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->question_slots)));
  gtk_single_selection_set_autoselect (self->question_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->question_selection, TRUE);
  gtk_list_view_set_model (self->question_list, GTK_SELECTION_MODEL (self->question_selection));
  g_signal_connect_object (self->question_selection, "notify::selected",
                           G_CALLBACK (question_selected_cb), self, G_CONNECT_SWAPPED);
}

PyprepWindow *
pyprep_window_new_for_library (GtkApplication *application,
                               PyprepLibrary  *library,
                               PyprepStudy    *study)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (PYPREP_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (PYPREP_IS_STUDY (study), NULL);

  return g_object_new (PYPREP_TYPE_WINDOW,
                       "application", application,
                       "library", library,
                       "study", study,
                       NULL);
}

PyprepWindow *
pyprep_window_new (PyprepApplication *application)
{
  g_return_val_if_fail (PYPREP_IS_APPLICATION (application), NULL);

  return pyprep_window_new_for_library (GTK_APPLICATION (application),
                                        pyprep_application_get_library (application),
                                        pyprep_application_get_study (application));
}

/* Returns: (transfer none) (nullable): the question on show */
PyprepQuestion *
pyprep_window_get_question (PyprepWindow *self)
{
  g_return_val_if_fail (PYPREP_IS_WINDOW (self), NULL);
  return pyprep_question_page_get_question (self->question_page);
}

/* Returns: (transfer none): the reading pane */
GtkWidget *
pyprep_window_get_question_page (PyprepWindow *self)
{
  g_return_val_if_fail (PYPREP_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->question_page);
}
