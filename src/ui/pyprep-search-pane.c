/* pyprep-search-pane.c: the sidebar's search: the search bar with its
 * scope button, the index of the bank (the answers' text as read, and the
 * user's notes, kept up to date as they are written), and the results of
 * the words typed, ranked, within the chosen scope. The sidebar lists the
 * results.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-search-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-code-block.h"
#include "pyprep-lazy-menu.h"
#include "pyprep-markdown-text.h"
#include "pyprep-question.h"
#include "pyprep-scope.h"
#include "pyprep-search-pane.h"
#include "pyprep-search.h"
#include "pyprep-topic.h"

struct _PyprepSearchPane
{
  GtkWidget          parent_instance;

  GtkSearchBar      *search_bar;
  GtkSearchEntry    *search_entry;
  GtkMenuButton     *scope_button;
  GMenuModel        *scope_menu;

  PyprepLibrary     *library;
  PyprepStudy       *study;
  PyprepTopic       *topic;         /* the "Current Topic" */
  PyprepSearchIndex *index;         /* built after startup, or on the first search */
  GHashTable        *notes;         /* question id -> its note as indexed */
  guint              index_source;
  GListStore        *results;
  GStrv              terms;         /* normalized, for the excerpts */
  PyprepScope        scope;         /* all, bookmarked, needs-review or topic */
  gboolean           search_mode;
  gboolean           searching;
};

G_DEFINE_FINAL_TYPE (PyprepSearchPane, pyprep_search_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SCOPE,
  PROP_SEARCH_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RESULTS_CHANGED,
  RESULT_CHANGED,
  ACTIVATE_FIRST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Searching ------------------------------------------------------------ */

/* The index reads the answers as the user does: their text, not their
 * Markdown. The notes are added as they are now, and follow the record. */
static void
ensure_index (PyprepSearchPane *self)
{
  g_autoptr(GPtrArray) questions = NULL;

  if (self->index != NULL)
    return;

  questions = pyprep_library_list_questions (self->library);
  self->index = pyprep_search_index_new_full (questions, pyprep_markdown_to_text);
  for (guint i = 0; i < questions->len; i++)
    {
      const char *id = pyprep_question_get_id (questions->pdata[i]);
      const char *note = pyprep_study_get_note (self->study, id);

      if (note != NULL)
        {
          pyprep_search_index_set_note (self->index, questions->pdata[i], note);
          g_hash_table_insert (self->notes, g_strdup (id), g_strdup (note));
        }
    }
}

/* The index takes tens of milliseconds to build: do it once the window
 * is up, so that neither the first frame nor the first search waits. */
static gboolean
build_index_cb (gpointer user_data)
{
  PyprepSearchPane *self = user_data;
  g_auto(GStrv) languages = NULL;

  self->index_source = 0;
  ensure_index (self);
  /* Then the syntax highlighting of every language the bank uses, so
   * that no answer with code waits for its rules to be compiled. */
  languages = pyprep_library_dup_snippet_languages (self->library);
  pyprep_code_block_preload ((const char * const *) languages);
  return G_SOURCE_REMOVE;
}

static gboolean
in_scope (PyprepQuestion *question,
          gpointer        user_data)
{
  PyprepSearchPane *self = user_data;

  return pyprep_scope_contains (self->scope, self->study, self->topic, question, NULL);
}

/* The scope button says where the search looks, to the eye and to a
 * screen reader. */
static void
update_scope_button (PyprepSearchPane *self)
{
  g_autofree char *label = NULL;
  g_autofree char *accessible = NULL;

  if (self->scope == PYPREP_SCOPE_BOOKMARKED)
    label = g_strdup (_("Bookmarked"));
  else if (self->scope == PYPREP_SCOPE_NEEDS_REVIEW)
    label = g_strdup (_("Needs Review"));
  else if (self->scope == PYPREP_SCOPE_TOPIC && self->topic != NULL)
    /* Translators: the search scope, e.g. "In Async" */
    label = g_strdup_printf (_("In %s"), pyprep_topic_get_title (self->topic));
  else
    label = g_strdup (_("All Questions"));

  /* Translators: the accessible name of the search scope button */
  accessible = g_strdup_printf (_("Search in: %s"), label);
  gtk_menu_button_set_label (self->scope_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scope_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* Whether the results hold @questions already, in that order. */
static gboolean
results_are (PyprepSearchPane *self,
             GPtrArray        *questions)
{
  GListModel *results = G_LIST_MODEL (self->results);

  if (g_list_model_get_n_items (results) != questions->len)
    return FALSE;
  for (guint i = 0; i < questions->len; i++)
    {
      g_autoptr(PyprepQuestion) question = g_list_model_get_item (results, i);

      if (question != questions->pdata[i])
        return FALSE;
    }
  return TRUE;
}

/* Searches the bank, within the chosen scope. When the results are the
 * same questions, the list is left as it is, so that it keeps its place,
 * and only @changed (its note changed) is said to be shown again: a list
 * view does not bind an item again when it is put back in its place. */
static void
update_results (PyprepSearchPane *self,
                PyprepQuestion   *changed)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *normalized = pyprep_search_normalize (text, -1);
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GPtrArray) questions = NULL;

  self->searching = g_strstrip (normalized)[0] != '\0';
  if (self->searching && self->library != NULL)
    {
      ensure_index (self);

      g_strfreev (self->terms);
      self->terms = pyprep_search_split_terms (text);

      hits = pyprep_search_index_query_filtered (self->index, text, in_scope, self);
      questions = g_ptr_array_sized_new (hits->len);
      for (guint i = 0; i < hits->len; i++)
        g_ptr_array_add (questions, g_array_index (hits, PyprepSearchHit, i).question);

      if (changed != NULL && results_are (self, questions))
        {
          if (g_ptr_array_find (questions, changed, NULL))
            g_signal_emit (self, signals[RESULT_CHANGED], 0, changed);
          return;
        }
      g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                           questions->pdata, questions->len);
    }

  g_signal_emit (self, signals[RESULTS_CHANGED], 0);
}

/* Searches the bank, within the chosen scope, as the user types. */
static void
search_changed_cb (PyprepSearchPane *self)
{
  update_results (self, NULL);
}

/* A note written or changed is found at once, its result row too. */
static void
study_changed_cb (PyprepSearchPane *self,
                  const char       *id)
{
  const char *note = pyprep_study_get_note (self->study, id);
  PyprepQuestion *question;

  if (self->index == NULL || g_strcmp0 (note, g_hash_table_lookup (self->notes, id)) == 0)
    return;

  question = pyprep_library_lookup_question (self->library, id);
  if (question == NULL)
    return;

  pyprep_search_index_set_note (self->index, question, note);
  if (note != NULL)
    g_hash_table_replace (self->notes, g_strdup (id), g_strdup (note));
  else
    g_hash_table_remove (self->notes, id);

  if (self->searching)
    update_results (self, question);
}

/* Enter opens the best result. */
static void
search_activate_cb (PyprepSearchPane *self)
{
  g_autoptr(PyprepQuestion) first = g_list_model_get_item (G_LIST_MODEL (self->results), 0);

  if (first != NULL && self->searching)
    g_signal_emit (self, signals[ACTIVATE_FIRST], 0, first);
}

static void
search_stop_cb (PyprepSearchPane *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* The search looks in all questions, the bookmarked ones, those that
 * need review, or the current topic; anything else means all. */
static void
set_scope (PyprepSearchPane *self,
           const char       *nick)
{
  PyprepScope scope;

  if (nick == NULL || !pyprep_scope_from_nick (nick, &scope)
      || (scope != PYPREP_SCOPE_BOOKMARKED && scope != PYPREP_SCOPE_NEEDS_REVIEW && scope != PYPREP_SCOPE_TOPIC))
    scope = PYPREP_SCOPE_ALL;
  if (self->scope == scope)
    return;

  self->scope = scope;
  update_scope_button (self);
  if (self->searching)
    search_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCOPE]);
}

static void
set_search_mode (PyprepSearchPane *self,
                 gboolean          search_mode)
{
  if (self->search_mode == search_mode)
    return;

  self->search_mode = search_mode;
  if (!search_mode)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      search_changed_cb (self);
    }
  else
    update_scope_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

/* GObject -------------------------------------------------------------- */

static void
pyprep_search_pane_dispose (GObject *object)
{
  PyprepSearchPane *self = PYPREP_SEARCH_PANE (object);

  g_clear_handle_id (&self->index_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_SEARCH_PANE);

  G_OBJECT_CLASS (pyprep_search_pane_parent_class)->dispose (object);
}

static void
pyprep_search_pane_finalize (GObject *object)
{
  PyprepSearchPane *self = PYPREP_SEARCH_PANE (object);

  g_clear_object (&self->library);
  g_clear_object (&self->study);
  g_clear_object (&self->topic);
  g_clear_pointer (&self->index, pyprep_search_index_free);
  g_clear_pointer (&self->notes, g_hash_table_unref);
  g_clear_object (&self->results);
  g_clear_pointer (&self->terms, g_strfreev);

  G_OBJECT_CLASS (pyprep_search_pane_parent_class)->finalize (object);
}

static void
pyprep_search_pane_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PyprepSearchPane *self = PYPREP_SEARCH_PANE (object);

  switch (prop_id)
    {
    case PROP_SCOPE:
      g_value_set_string (value, pyprep_scope_to_nick (self->scope));
      break;

    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, self->search_mode);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_search_pane_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PyprepSearchPane *self = PYPREP_SEARCH_PANE (object);

  switch (prop_id)
    {
    case PROP_SCOPE:
      set_scope (self, g_value_get_string (value));
      break;

    case PROP_SEARCH_MODE:
      set_search_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_search_pane_class_init (PyprepSearchPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_search_pane_dispose;
  object_class->finalize = pyprep_search_pane_finalize;
  object_class->get_property = pyprep_search_pane_get_property;
  object_class->set_property = pyprep_search_pane_set_property;

  /* Where the search looks: "all", "bookmarked", "needs-review" or "topic". */
  properties[PROP_SCOPE] =
    g_param_spec_string ("scope", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The search bar is open. */
  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The results changed, or the search was left (nothing is typed). */
  signals[RESULTS_CHANGED] =
    g_signal_new ("results-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* One result, still in its place, is to be shown again: its excerpt
   * changed with its note. */
  signals[RESULT_CHANGED] =
    g_signal_new ("result-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, PYPREP_TYPE_QUESTION);
  /* Enter in the search entry: the best result is to be opened. */
  signals[ACTIVATE_FIRST] =
    g_signal_new ("activate-first", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, PYPREP_TYPE_QUESTION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/pyprep-search-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepSearchPane, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PyprepSearchPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PyprepSearchPane, scope_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepSearchPane, scope_menu);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
}

static void
pyprep_search_pane_init (PyprepSearchPane *self)
{
  /* Set before the template, whose scope menu reads it. */
  self->scope = PYPREP_SCOPE_ALL;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->results = g_list_store_new (PYPREP_TYPE_QUESTION);
  self->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  pyprep_lazy_menu_set (self->scope_button, self->scope_menu);
  /* The entry sits in a box with the scope button, so the bar needs
   * to be told which entry to forward typed keys to. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_object_bind_property (self, "search-mode", self->search_bar, "search-mode-enabled",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  update_scope_button (self);
}

/* Public API ----------------------------------------------------------- */

/* Gives the pane the bank to search and the record its scopes read. */
void
pyprep_search_pane_set_study (PyprepSearchPane *self,
                              PyprepLibrary    *library,
                              PyprepStudy      *study)
{
  g_return_if_fail (PYPREP_IS_SEARCH_PANE (self));
  g_return_if_fail (self->library == NULL);

  self->library = g_object_ref (library);
  self->study = g_object_ref (study);
  self->index_source = g_timeout_add_full (G_PRIORITY_LOW, 500, build_index_cb, self, NULL);
  g_signal_connect_object (study, "changed", G_CALLBACK (study_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * pyprep_search_pane_set_topic:
 * @topic: (nullable): the topic the "Current Topic" scope searches
 */
void
pyprep_search_pane_set_topic (PyprepSearchPane *self,
                              PyprepTopic      *topic)
{
  g_return_if_fail (PYPREP_IS_SEARCH_PANE (self));

  if (g_set_object (&self->topic, topic))
    update_scope_button (self);
}

const char *
pyprep_search_pane_get_scope (PyprepSearchPane *self)
{
  g_return_val_if_fail (PYPREP_IS_SEARCH_PANE (self), NULL);
  return pyprep_scope_to_nick (self->scope);
}

/* Returns: (transfer none): the questions found, best first */
GListModel *
pyprep_search_pane_get_results (PyprepSearchPane *self)
{
  g_return_val_if_fail (PYPREP_IS_SEARCH_PANE (self), NULL);
  return G_LIST_MODEL (self->results);
}

/* Whether words are typed: the results are then what the user sees. */
gboolean
pyprep_search_pane_get_searching (PyprepSearchPane *self)
{
  g_return_val_if_fail (PYPREP_IS_SEARCH_PANE (self), FALSE);
  return self->searching;
}

/* Returns: (transfer none) (nullable): the searched words, normalized */
const char * const *
pyprep_search_pane_get_terms (PyprepSearchPane *self)
{
  g_return_val_if_fail (PYPREP_IS_SEARCH_PANE (self), NULL);
  return (const char * const *)self->terms;
}

/**
 * pyprep_search_pane_dup_excerpt:
 * @in_note: (out): whether the excerpt is from the user's note
 *
 * The words around the first searched word: in the user's note on
 * @question if it has one there, else in the answer's text.
 *
 * Returns: (transfer full): the excerpt, as Pango markup
 */
char *
pyprep_search_pane_dup_excerpt (PyprepSearchPane *self,
                                PyprepQuestion   *question,
                                gboolean         *in_note)
{
  const char * const *terms = (const char * const *)self->terms;
  const char *note;
  const char *text;
  g_autofree char *rendered = NULL;
  gsize start, end;

  g_return_val_if_fail (PYPREP_IS_SEARCH_PANE (self), NULL);
  g_return_val_if_fail (in_note != NULL, NULL);

  note = self->study ? pyprep_study_get_note (self->study, pyprep_question_get_id (question)) : NULL;
  *in_note = note != NULL && pyprep_search_find_term (note, -1, terms, 0, &start, &end);
  if (*in_note)
    return pyprep_search_excerpt (note, terms, 130);

  text = self->index ? pyprep_search_index_get_text (self->index, question) : NULL;
  if (text == NULL)
    text = rendered = pyprep_markdown_to_text (pyprep_question_get_body (question));
  return pyprep_search_excerpt (text, terms, 130);
}

/* Typing in @widget starts a search, as in a file manager. */
void
pyprep_search_pane_set_key_capture (PyprepSearchPane *self,
                                    GtkWidget        *widget)
{
  g_return_if_fail (PYPREP_IS_SEARCH_PANE (self));
  gtk_search_bar_set_key_capture_widget (self->search_bar, widget);
}

/* Opens the search bar and puts the keyboard in it. */
void
pyprep_search_pane_begin (PyprepSearchPane *self)
{
  g_return_if_fail (PYPREP_IS_SEARCH_PANE (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  update_scope_button (self);
}

/* Moves the keyboard to the scope button, if it is on show. */
gboolean
pyprep_search_pane_focus_scope (PyprepSearchPane *self)
{
  g_return_val_if_fail (PYPREP_IS_SEARCH_PANE (self), FALSE);
  return gtk_widget_grab_focus (GTK_WIDGET (self->scope_button));
}
