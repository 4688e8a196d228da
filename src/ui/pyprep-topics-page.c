/* pyprep-topics-page.c: the sidebar's first page: the overall progress,
 * the study lists (Continue, Bookmarked, Needs Review, Not Started) with
 * their counts, and the topics. It says which the user picked; the
 * sidebar lists the questions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-topics-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-first-rows.h"
#include "pyprep-question.h"
#include "pyprep-scope.h"
#include "pyprep-topic-row.h"
#include "pyprep-topic.h"
#include "pyprep-topics-page.h"

typedef enum {
  LIST_CONTINUE,
  LIST_BOOKMARKED,
  LIST_NEEDS_REVIEW,
  LIST_NOT_STARTED,
  LIST_EXERCISES,
  LIST_LEECHES,
  N_LISTS
} StudyList;

/* In the order of the rows. Continue is a shortcut to one question. */
static const struct {
  const char  *icon;
  const char  *title;
  PyprepScope  scope;
} study_lists[N_LISTS] = {
  [LIST_CONTINUE] = { "media-playback-start-symbolic", N_("Continue"), PYPREP_SCOPE_ALL },
  [LIST_BOOKMARKED] = { "starred-symbolic", N_("Bookmarked"), PYPREP_SCOPE_BOOKMARKED },
  [LIST_NEEDS_REVIEW] = { "dialog-warning-symbolic", N_("Needs Review"), PYPREP_SCOPE_NEEDS_REVIEW },
  [LIST_NOT_STARTED] = { "document-new-symbolic", N_("Not Started"), PYPREP_SCOPE_NOT_STARTED },
  [LIST_EXERCISES] = { "accessories-text-editor-symbolic", N_("Exercises"), PYPREP_SCOPE_EXERCISES },
  [LIST_LEECHES] = { "dialog-error-symbolic", N_("Leeches"), PYPREP_SCOPE_LEECHES },
};

/* A topic row is a line of title and three of captions (82 %), with 24
 * pixels of margins, spacing and bar; above the rows, the overall
 * progress, the five study lists and the heading take seven lines and 68
 * pixels at least. */
static const PyprepRowShape topic_rows = { 34, 24, 70, 68 };

struct _PyprepTopicsPage
{
  GtkWidget           parent_instance;

  GtkLabel           *overall_label;
  GtkLevelBar        *overall_bar;
  GtkListBox         *smart_list;
  GtkListView        *topic_list;

  PyprepLibrary      *library;
  PyprepStudy        *study;
  GListStore         *all_questions;
  GtkWidget          *counts[N_LISTS];
  guint               progress_source;
  GtkSliceListModel  *topic_slice;      /* the topics the list has rows for */
  GtkSingleSelection *topic_selection;
  PyprepTopic        *selected;
};

G_DEFINE_FINAL_TYPE (PyprepTopicsPage, pyprep_topics_page, GTK_TYPE_WIDGET)

enum {
  TOPIC_ACTIVATED,
  SMART_LIST_ACTIVATED,
  CONTINUE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Progress ------------------------------------------------------------- */

/* The question opened most recently, or NULL. */
static PyprepQuestion *
last_opened (PyprepTopicsPage *self)
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

/* Recounts the overall progress and the study lists. A few hundred
 * lookups in hash tables: cheap enough to redo on every change. */
static void
update_progress (PyprepTopicsPage *self)
{
  guint counts[N_LISTS] = { 0 };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->all_questions));
  guint confident = 0, learning = 0, read = 0, solved = 0;
  PyprepQuestion *latest = last_opened (self);
  g_autofree char *overall = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PyprepQuestion) question = g_list_model_get_item (G_LIST_MODEL (self->all_questions), i);
      PyprepStatus status = pyprep_study_get_status (self->study, pyprep_question_get_id (question));

      confident += status == PYPREP_STATUS_CONFIDENT;
      learning += status == PYPREP_STATUS_LEARNING;
      read += status != PYPREP_STATUS_NEW;
      for (guint list = LIST_BOOKMARKED; list < N_LISTS; list++)
        counts[list] += pyprep_scope_contains (study_lists[list].scope, self->study, NULL, question, NULL);
      if (pyprep_question_get_exercise (question) != NULL)
        solved += pyprep_study_get_exercise_solved (self->study, pyprep_question_get_id (question));
    }

  /* Translators: overall progress, e.g. "40 confident, 30 learning of 272, 120 opened" */
  overall = g_strdup_printf (_("%u confident, %u learning of %u, %u opened"), confident, learning, n, read);
  gtk_label_set_text (self->overall_label, overall);
  /* The bar is the mastery: learning or confident, as in Statistics. */
  gtk_level_bar_set_max_value (self->overall_bar, MAX (n, 1));
  gtk_level_bar_set_value (self->overall_bar, confident + learning);

  for (guint list = LIST_BOOKMARKED; list < N_LISTS; list++)
    {
      g_autofree char *count = g_strdup_printf ("%u", counts[list]);
      g_autofree char *description = NULL;

      /* Exercises count the solved ones among them: "3 / 65". */
      if (list == LIST_EXERCISES)
        {
          g_free (count);
          /* Translators: exercises solved out of all, in a narrow column */
          count = g_strdup_printf (_("%u / %u"), solved, counts[list]);
          /* Translators: the same, read aloud */
          description = g_strdup_printf (_("%u of %u solved"), solved, counts[list]);
        }
      gtk_label_set_text (GTK_LABEL (self->counts[list]), count);
      /* Most people never have a leech: the list shows up with the first. */
      if (list == LIST_LEECHES)
        gtk_widget_set_visible (gtk_widget_get_ancestor (self->counts[list], GTK_TYPE_LIST_BOX_ROW),
                                counts[list] > 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_ancestor (self->counts[list],
                                                                               GTK_TYPE_LIST_BOX_ROW)),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description != NULL ? description : count, -1);
    }

  gtk_label_set_text (GTK_LABEL (self->counts[LIST_CONTINUE]),
                      latest ? pyprep_question_get_title (latest) : _("Nothing read yet"));
  gtk_widget_set_sensitive (gtk_widget_get_ancestor (self->counts[LIST_CONTINUE], GTK_TYPE_LIST_BOX_ROW),
                            latest != NULL);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  PyprepTopicsPage *self = user_data;

  self->progress_source = 0;
  update_progress (self);
  return G_SOURCE_REMOVE;
}

/* The recount goes through the whole bank, so it waits until the main
 * loop is idle: opening a question changes the record too, and its first
 * frame comes first. */
static void
study_changed_cb (PyprepTopicsPage *self)
{
  if (self->progress_source == 0)
    self->progress_source = g_idle_add_full (G_PRIORITY_LOW, update_progress_cb, self, NULL);
}

static void
add_study_list_rows (PyprepTopicsPage *self)
{
  for (guint list = 0; list < N_LISTS; list++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (gettext (study_lists[list].title));
      GtkWidget *count = gtk_label_new (NULL);

      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_widget_add_css_class (count, "dim-label");
      gtk_widget_add_css_class (count, list == LIST_CONTINUE ? "caption" : "numeric");
      /* No width in characters: GTK 4.8 would ask Pango for the font's
       * metrics at every measure, and Pango 1.56 (Debian 13) does not
       * keep them either (see pyprep-font-metrics.c). The name keeps its
       * width, and the count, ellipsized, takes the rest. */
      gtk_label_set_ellipsize (GTK_LABEL (count), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (study_lists[list].icon));
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), count);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, gettext (study_lists[list].title),
                                      -1);
      gtk_list_box_append (self->smart_list, row);
      self->counts[list] = count;
    }
}

/* Picking -------------------------------------------------------------- */

static void
smart_row_activated_cb (GtkListBox       *list,
                        GtkListBoxRow    *row,
                        PyprepTopicsPage *self)
{
  /* The rows are in the order of the lists. */
  StudyList which = gtk_list_box_row_get_index (row);

  if (which == LIST_CONTINUE)
    {
      PyprepQuestion *latest = last_opened (self);

      if (latest != NULL)
        g_signal_emit (self, signals[CONTINUE_ACTIVATED], 0, latest);
      return;
    }

  g_signal_emit (self, signals[SMART_LIST_ACTIVATED], 0, study_lists[which].scope,
                 gettext (study_lists[which].title));
}

static void
topic_activated_cb (GtkListView      *list,
                    guint             position,
                    PyprepTopicsPage *self)
{
  g_autoptr(PyprepTopic) topic = g_list_model_get_item (G_LIST_MODEL (self->topic_selection), position);

  g_signal_emit (self, signals[TOPIC_ACTIVATED], 0, topic);
}

static guint
topic_position (PyprepTopicsPage *self,
                PyprepTopic      *topic)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->topic_selection));

  for (guint i = 0; topic != NULL && i < n; i++)
    {
      g_autoptr(PyprepTopic) other = g_list_model_get_item (G_LIST_MODEL (self->topic_selection), i);

      if (other == topic)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* A topic with no row yet is selected when the rest of the list comes. */
static void
topics_added_cb (PyprepTopicsPage *self)
{
  if (self->selected != NULL)
    gtk_single_selection_set_selected (self->topic_selection, topic_position (self, self->selected));
}

static void
setup_topic_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    PyprepTopicsPage         *self)
{
  GtkWidget *row = pyprep_topic_row_new (self->study);

  gtk_expression_bind (gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item"), row, "topic", item);
  gtk_list_item_set_child (item, row);
}

/* GObject -------------------------------------------------------------- */

static void
pyprep_topics_page_dispose (GObject *object)
{
  PyprepTopicsPage *self = PYPREP_TOPICS_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_TOPICS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->topic_selection);
  g_clear_object (&self->topic_slice);
  g_clear_object (&self->all_questions);
  g_clear_object (&self->selected);
  g_clear_object (&self->study);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (pyprep_topics_page_parent_class)->dispose (object);
}

static void
pyprep_topics_page_class_init (PyprepTopicsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_topics_page_dispose;

  /* A topic was chosen: list its questions. */
  signals[TOPIC_ACTIVATED] =
    g_signal_new ("topic-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, PYPREP_TYPE_TOPIC);
  /* A study list was chosen: list the questions in its scope, under its title. */
  signals[SMART_LIST_ACTIVATED] =
    g_signal_new ("smart-list-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, PYPREP_TYPE_SCOPE, G_TYPE_STRING);
  /* Continue was chosen: open the question read last. */
  signals[CONTINUE_ACTIVATED] =
    g_signal_new ("continue-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, PYPREP_TYPE_QUESTION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/pyprep-topics-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepTopicsPage, overall_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepTopicsPage, overall_bar);
  gtk_widget_class_bind_template_child (widget_class, PyprepTopicsPage, smart_list);
  gtk_widget_class_bind_template_child (widget_class, PyprepTopicsPage, topic_list);
  gtk_widget_class_bind_template_callback (widget_class, smart_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, topic_activated_cb);
}

static void
pyprep_topics_page_init (PyprepTopicsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_study_list_rows (self);
}

/* Public API ----------------------------------------------------------- */

void
pyprep_topics_page_set_study (PyprepTopicsPage *self,
                              PyprepLibrary    *library,
                              PyprepStudy      *study)
{
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_return_if_fail (PYPREP_IS_TOPICS_PAGE (self));
  g_return_if_fail (self->library == NULL);

  self->library = g_object_ref (library);
  self->study = g_object_ref (study);

  questions = pyprep_library_list_questions (library);
  self->all_questions = g_list_store_new (PYPREP_TYPE_QUESTION);
  g_list_store_splice (self->all_questions, 0, 0, questions->pdata, questions->len);
  update_progress (self);
  g_signal_connect_object (study, "changed", G_CALLBACK (study_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_topic_row_cb), self, 0);
  gtk_list_view_set_factory (self->topic_list, factory);
  self->topic_slice = gtk_slice_list_model_new (g_object_ref (pyprep_library_get_topics (library)), 0, 0);
  self->topic_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->topic_slice)));
  gtk_single_selection_set_autoselect (self->topic_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->topic_selection, TRUE);
  gtk_single_selection_set_selected (self->topic_selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->topic_list, GTK_SELECTION_MODEL (self->topic_selection));
  g_signal_connect_object (self->topic_slice, "items-changed", G_CALLBACK (topics_added_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * pyprep_topics_page_start:
 * @rows_out_of_sight: whether the window opens on another page
 *
 * Gives the topics list the rows that fit for the first frame, or none
 * when it is out of sight, and the others after it.
 */
void
pyprep_topics_page_start (PyprepTopicsPage *self,
                          gboolean          rows_out_of_sight)
{
  g_return_if_fail (PYPREP_IS_TOPICS_PAGE (self));

  gtk_slice_list_model_set_size (self->topic_slice,
                                 rows_out_of_sight ? 0 : pyprep_first_rows_that_fit (GTK_WIDGET (self),
                                                                                     &topic_rows));
  pyprep_first_rows_then_all (gtk_widget_get_parent (GTK_WIDGET (self)), self->topic_slice);
}

/* Selects @topic (or nothing) in the list, now or once it has a row. */
void
pyprep_topics_page_select (PyprepTopicsPage *self,
                           PyprepTopic      *topic)
{
  g_return_if_fail (PYPREP_IS_TOPICS_PAGE (self));

  g_set_object (&self->selected, topic);
  gtk_single_selection_set_selected (self->topic_selection, topic_position (self, topic));
}

/* Returns: (transfer none): the topics list, for the keyboard */
GtkWidget *
pyprep_topics_page_get_list (PyprepTopicsPage *self)
{
  g_return_val_if_fail (PYPREP_IS_TOPICS_PAGE (self), NULL);
  return GTK_WIDGET (self->topic_list);
}

/* Returns: (transfer none): every question of the bank */
GListModel *
pyprep_topics_page_get_all_questions (PyprepTopicsPage *self)
{
  g_return_val_if_fail (PYPREP_IS_TOPICS_PAGE (self), NULL);
  return G_LIST_MODEL (self->all_questions);
}
