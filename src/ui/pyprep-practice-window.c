/* pyprep-practice-window.c: the Practice window. Its start page chooses
 * the questions (topics, each one click away from "only this one" or
 * "all", and a level), then a spaced-repetition session of them (by
 * list: everything, due, weak or bookmarked) or a mock interview (number
 * of questions, time per question, follow-ups); the session and the
 * interview run in their own pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-practice"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-interview-row.h"
#include "pyprep-library.h"
#include "pyprep-mock-interview.h"
#include "pyprep-practice-page.h"
#include "pyprep-practice-session.h"
#include "pyprep-practice-window.h"
#include "pyprep-question.h"
#include "pyprep-settings.h"
#include "pyprep-topic.h"
#include "pyprep-window.h"

/* The rows of level_row: all, then each PyprepDifficulty in order. */
enum {
  LEVEL_ROW_ALL,
  LEVEL_ROW_FIRST,
};

/* The rows of scope_row, in order. */
static const PyprepScope scopes[] = {
  PYPREP_SCOPE_ALL, PYPREP_SCOPE_DUE, PYPREP_SCOPE_NEEDS_REVIEW, PYPREP_SCOPE_BOOKMARKED,
};

struct _PyprepPracticeWindow
{
  AdwWindow            parent_instance;

  GtkWidget           *back_button;
  AdwWindowTitle      *window_title;
  GtkStack            *stack;
  AdwComboRow         *scope_row;
  AdwComboRow         *cards_row;
  PyprepInterviewRow  *interview_row;
  AdwActionRow        *count_row;
  GtkWidget           *all_topics_check;
  GtkLabel            *count_label;
  GtkWidget           *start_button;
  AdwExpanderRow      *topics_row;
  AdwComboRow         *level_row;
  GtkSwitch           *follow_ups_switch;
  GtkSpinButton       *mock_count_spin;
  GtkSpinButton       *mock_minutes_spin;
  PyprepPracticePage  *practice_page;
  PyprepMockInterview *mock_interview;

  PyprepLibrary       *library;
  PyprepStudy         *study;
  PyprepSettings      *settings;
  GPtrArray           *topic_ids;     /* of the topic rows, in order */
  GPtrArray           *topic_checks;  /* GtkCheckButton per topic */
  gboolean             choosing_topics;
};

G_DEFINE_FINAL_TYPE (PyprepPracticeWindow, pyprep_practice_window, ADW_TYPE_WINDOW)

/* The ids of the topics chosen; %NULL when all are, so that every
 * question counts, even one of a topic added since. */
static GHashTable *
chosen_topics (PyprepPracticeWindow *self)
{
  GHashTable *topics = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->topic_checks->len; i++)
    if (gtk_check_button_get_active (self->topic_checks->pdata[i]))
      g_hash_table_add (topics, self->topic_ids->pdata[i]);
  if (g_hash_table_size (topics) == self->topic_checks->len)
    g_clear_pointer (&topics, g_hash_table_unref);
  return topics;
}

/* The level chosen, or %PYPREP_PRACTICE_ANY_LEVEL. */
static int
chosen_level (PyprepPracticeWindow *self)
{
  guint level = adw_combo_row_get_selected (self->level_row);

  return level == LEVEL_ROW_ALL || level == GTK_INVALID_LIST_POSITION
         ? PYPREP_PRACTICE_ANY_LEVEL : (int)(level - LEVEL_ROW_FIRST);
}

/* The list chosen: everything, due, weak or bookmarked. */
static PyprepScope
chosen_scope (PyprepPracticeWindow *self)
{
  guint row = adw_combo_row_get_selected (self->scope_row);

  return row < G_N_ELEMENTS (scopes) ? scopes[row] : PYPREP_SCOPE_ALL;
}

static PyprepPracticeSession *
build_session (PyprepPracticeWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(PyprepPlan) plan = NULL;
  g_autoptr(GHashTable) topics = chosen_topics (self);
  /* The rows of cards_row, in order. */
  static const PyprepPracticeCards cards[] = {
    PYPREP_PRACTICE_MIXED, PYPREP_PRACTICE_RECALL, PYPREP_PRACTICE_EXERCISES,
  };
  PyprepPracticeOptions options;

  plan = pyprep_interview_make_plan (self->library, self->study, self->settings, now);
  pyprep_practice_options_init (&options);
  options.scope = chosen_scope (self);
  options.topics = topics;
  options.level = chosen_level (self);
  options.cards = cards[MIN (adw_combo_row_get_selected (self->cards_row), G_N_ELEMENTS (cards) - 1)];
  options.new_per_day = pyprep_settings_get_new_per_day (self->settings);
  options.reviews_per_day = pyprep_settings_get_max_reviews_per_day (self->settings);
  options.plan = plan;
  return pyprep_practice_session_new_with_options (self->library, self->study, &options, now);
}

/* What the choices would bring, shown before starting. */
static void
update_count (PyprepPracticeWindow *self)
{
  g_autoptr(PyprepPracticeSession) session = NULL;
  g_autofree char *text = NULL;
  guint counts[3] = { 0, 0, 0 };
  guint n;

  if (self->library == NULL)
    return;

  session = build_session (self);
  n = pyprep_practice_session_get_n_cards (session);
  for (guint i = 0; i < n; i++)
    counts[pyprep_practice_session_get_kind (session, i)]++;

  /* TRANSLATORS: how many cards of each kind a session would show */
  text = g_strdup_printf (_("%u due, %u weak, %u new"), counts[PYPREP_CARD_DUE],
                          counts[PYPREP_CARD_WEAK], counts[PYPREP_CARD_NEW]);
  gtk_label_set_label (self->count_label, text);
  gtk_widget_set_sensitive (self->start_button, n > 0);

  /* A greyed-out Start says why. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    guint per_day = pyprep_settings_get_new_per_day (self->settings);
    guint reviews_per_day = pyprep_settings_get_max_reviews_per_day (self->settings);
    guint held_back = pyprep_practice_session_get_n_held_back (session);
    g_autofree char *reason = NULL;
    g_autoptr(PyprepPlan) plan = pyprep_interview_make_plan (self->library, self->study, self->settings, now);
    g_autoptr(GHashTable) topics = chosen_topics (self);
    gboolean no_topic = topics != NULL && g_hash_table_size (topics) == 0;

    if (n == 0 && no_topic)
      reason = g_strdup (_("No topic is chosen: choose at least one under Questions."));
    else if (held_back > 0 && plan != NULL)
      /* TRANSLATORS: %u is how many questions that would be forgotten by
       * the interview wait for another day */
      reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u more question would be forgotten by the interview but waits "
                                             "for tomorrow: today’s minutes are used. Raise Minutes per Day in "
                                             "Preferences to take it now.",
                                             "%u more questions would be forgotten by the interview but wait "
                                             "for tomorrow: today’s minutes are used. Raise Minutes per Day in "
                                             "Preferences to take them now.",
                                             held_back), held_back);
    else if (held_back > 0)
      /* TRANSLATORS: the first %u is how many reviews due wait for
       * another day, the second the setting "Reviews per Day" */
      reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u more review is due but waits for tomorrow: today’s limit is "
                                             "reached. Raise Reviews per Day (now %u) in Preferences to take it "
                                             "now.",
                                             "%u more reviews are due but wait for tomorrow: today’s limit is "
                                             "reached. Raise Reviews per Day (now %u) in Preferences to take "
                                             "them now.",
                                             held_back), held_back, reviews_per_day);
    else if (n == 0 && per_day > 0 && pyprep_study_count_new_today (self->study, now) >= per_day)
      /* TRANSLATORS: %u is the setting "New Questions a Day" */
      reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Nothing to practise now: today’s %u new question is started and "
                                             "no review is due. More come tomorrow, or raise New Questions a "
                                             "Day in Preferences.",
                                             "Nothing to practise now: today’s %u new questions are started and "
                                             "no review is due. More come tomorrow, or raise New Questions a "
                                             "Day in Preferences.", per_day), per_day);
    else if (n == 0)
      reason = g_strdup (_("Nothing to practise in this list now: no review is due and nothing is new. "
                           "Choose another list, topic or level, or come back when reviews are due."));
    adw_action_row_set_subtitle (self->count_row, reason != NULL ? reason : "");
    /* Start's tooltip says why it is greyed out, and only then. */
    gtk_widget_set_tooltip_text (self->start_button, n == 0 ? reason : NULL);
  }
}

/* A choice changed: what it brings is counted again, and the level's
 * complaint of the last mock interview's start is gone. */
static void
choice_changed_cb (PyprepPracticeWindow *self)
{
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->level_row), "");
  update_count (self);
}

static void
page_changed_cb (PyprepPracticeWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  gtk_widget_set_visible (self->back_button, g_strcmp0 (page, "start") != 0);
  /* Return starts a session only from the start page: on a card or a
   * summary it would start one behind the user's back. */
  gtk_window_set_default_widget (GTK_WINDOW (self),
                                 g_strcmp0 (page, "start") == 0 ? self->start_button : NULL);
  if (g_strcmp0 (page, "mock") == 0)
    adw_window_title_set_title (self->window_title, _("Mock Interview"));
  else
    adw_window_title_set_title (self->window_title, _("Practice"));
}

static void
show_start_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PyprepPracticeWindow *self = PYPREP_PRACTICE_WINDOW (widget);

  pyprep_mock_interview_stop (self->mock_interview);
  update_count (self);
  gtk_stack_set_visible_child_name (self->stack, "start");
  /* Back from a session, the focus is on the choice of list, not on
   * Start: Space pressed once too often must not start another session. */
  gtk_widget_grab_focus (GTK_WIDGET (self->scope_row));
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PyprepPracticeWindow *self = PYPREP_PRACTICE_WINDOW (widget);
  g_autoptr(PyprepPracticeSession) session = build_session (self);

  gtk_stack_set_visible_child_name (self->stack, "practice");
  pyprep_practice_page_start (self->practice_page, session, self->study);
}

static guint
mock_seconds (PyprepPracticeWindow *self)
{
  return MAX (1, pyprep_settings_get_mock_seconds (self->settings));
}

static void
start_mock_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PyprepPracticeWindow *self = PYPREP_PRACTICE_WINDOW (widget);
  g_autoptr(GPtrArray) all = pyprep_library_list_questions (self->library);
  g_autoptr(GPtrArray) pool = g_ptr_array_new ();
  g_autoptr(GHashTable) topics = chosen_topics (self);
  guint wanted = pyprep_settings_get_mock_questions (self->settings);
  PyprepPracticeOptions options;

  if (topics != NULL && g_hash_table_size (topics) == 0)
    {
      adw_expander_row_set_subtitle (self->topics_row, _("Choose at least one topic"));
      adw_expander_row_set_expanded (self->topics_row, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->topics_row));
      gtk_widget_error_bell (widget);
      return;
    }

  pyprep_practice_options_init (&options);
  options.topics = topics;
  options.level = chosen_level (self);
  for (guint i = 0; i < all->len; i++)
    if (pyprep_practice_options_matches (&options, all->pdata[i]))
      g_ptr_array_add (pool, all->pdata[i]);

  if (pool->len == 0)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->level_row),
                                   _("No question of this level in the chosen topics: choose another level"));
      gtk_widget_grab_focus (GTK_WIDGET (self->level_row));
      gtk_widget_error_bell (widget);
      return;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->level_row), "");

  /* A partial Fisher–Yates shuffle picks the questions. */
  wanted = MIN (wanted, pool->len);
  for (guint i = 0; i < wanted; i++)
    {
      guint j = g_random_int_range (i, pool->len);
      gpointer swap = pool->pdata[i];

      pool->pdata[i] = pool->pdata[j];
      pool->pdata[j] = swap;
    }
  g_ptr_array_set_size (pool, wanted);

  gtk_stack_set_visible_child_name (self->stack, "mock");
  pyprep_mock_interview_set_follow_ups (self->mock_interview, gtk_switch_get_active (self->follow_ups_switch));
  pyprep_mock_interview_start (self->mock_interview, pool, mock_seconds (self), self->study);
}

static void
update_topics_subtitle (PyprepPracticeWindow *self)
{
  guint chosen = 0, last = 0;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < self->topic_checks->len; i++)
    if (gtk_check_button_get_active (self->topic_checks->pdata[i]))
      {
        chosen++;
        last = i;
      }

  /* The check mark says whether all are chosen; hidden, it keeps its
   * place, so the title does not move. */
  gtk_widget_set_opacity (self->all_topics_check, chosen == self->topic_checks->len ? 1.0 : 0.0);
  if (chosen == self->topic_checks->len)
    subtitle = g_strdup (_("All topics"));
  else if (chosen == 1)
    {
      /* One topic is named. */
      PyprepTopic *topic = pyprep_library_lookup_topic (self->library, self->topic_ids->pdata[last]);

      subtitle = g_strdup (topic != NULL ? pyprep_topic_get_title (topic) : "");
    }
  else
    subtitle = g_strdup_printf (ngettext ("%u topic", "%u topics", chosen), chosen);
  adw_expander_row_set_subtitle (self->topics_row, subtitle);
}

/* The topics chosen changed: the session's count follows, once for a
 * choice of many at a time. */
static void
topics_changed_cb (PyprepPracticeWindow *self)
{
  if (self->choosing_topics)
    return;
  update_topics_subtitle (self);
  choice_changed_cb (self);
}

/* One click makes @topic the only topic. */
static GtkWidget *
only_button (PyprepTopic *topic)
{
  GtkWidget *button = gtk_button_new_with_label (_("Only"));
  /* TRANSLATORS: the accessible name of a topic's Only button, as in "Only Concurrency" */
  g_autofree char *name = g_strdup_printf (_("Only %s"), pyprep_topic_get_title (topic));
  /* TRANSLATORS: the tooltip of a topic's Only button */
  g_autofree char *tooltip = g_strdup_printf (_("Practise “%s” only"), pyprep_topic_get_title (topic));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  /* The name says which topic. GTK 4.18 names a button after its label
   * through a labelled-by relation, which would win over this name. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "practice.only-topic");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", pyprep_topic_get_id (topic));
  return button;
}

static void
choose_topics (PyprepPracticeWindow *self,
               const char           *only)
{
  self->choosing_topics = TRUE;
  for (guint i = 0; i < self->topic_checks->len; i++)
    gtk_check_button_set_active (self->topic_checks->pdata[i],
                                 only == NULL || g_str_equal (only, self->topic_ids->pdata[i]));
  self->choosing_topics = FALSE;
  topics_changed_cb (self);
}

static void
only_topic_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  choose_topics (PYPREP_PRACTICE_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
all_topics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  choose_topics (PYPREP_PRACTICE_WINDOW (widget), NULL);
}

/* A row of the interview's summary asks for its question: the main
 * window shows it. */
static void
open_question_cb (PyprepPracticeWindow *self,
                  const char           *id)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!PYPREP_IS_WINDOW (parent) && app != NULL)
    for (GList *l = gtk_application_get_windows (app); l != NULL && !PYPREP_IS_WINDOW (parent); l = l->next)
      parent = l->data;
  if (!PYPREP_IS_WINDOW (parent))
    return;

  if (pyprep_window_open_question_id (PYPREP_WINDOW (parent), id))
    gtk_window_present (parent);
}

static void
fill_topics (PyprepPracticeWindow *self)
{
  GListModel *topics = pyprep_library_get_topics (self->library);

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(PyprepTopic) topic = g_list_model_get_item (topics, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      g_ptr_array_add (self->topic_ids, g_strdup (pyprep_topic_get_id (topic)));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pyprep_topic_get_title (topic), -1);
      /* As it is, before the title: a user's deck may say "I/O & More". */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pyprep_topic_get_title (topic));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), only_button (topic));
      adw_expander_row_add_row (self->topics_row, row);
      g_ptr_array_add (self->topic_checks, check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (topics_changed_cb), self, G_CONNECT_SWAPPED);
    }

  update_topics_subtitle (self);
}

static gboolean
count_to_value (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_set_double (to, g_value_get_uint (from));
  return TRUE;
}

static gboolean
value_to_count (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_set_uint (to, (guint)MAX (1.0, g_value_get_double (from) + 0.5));
  return TRUE;
}

static gboolean
seconds_to_minutes (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  g_value_set_double (to, g_value_get_uint (from) / 60.0);
  return TRUE;
}

static gboolean
minutes_to_seconds (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  g_value_set_uint (to, (guint)MAX (1.0, g_value_get_double (from) * 60.0 + 0.5));
  return TRUE;
}

static void
study_changed_cb (PyprepPracticeWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "start") == 0)
    update_count (self);
}

static void
pyprep_practice_window_dispose (GObject *object)
{
  PyprepPracticeWindow *self = (PyprepPracticeWindow *)object;

  if (self->mock_interview != NULL)
    pyprep_mock_interview_stop (self->mock_interview);
  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_PRACTICE_WINDOW);
  g_clear_object (&self->library);
  g_clear_object (&self->study);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->topic_ids, g_ptr_array_unref);
  g_clear_pointer (&self->topic_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (pyprep_practice_window_parent_class)->dispose (object);
}

static void
pyprep_practice_window_class_init (PyprepPracticeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_practice_window_dispose;

  g_type_ensure (PYPREP_TYPE_PRACTICE_PAGE);
  g_type_ensure (PYPREP_TYPE_MOCK_INTERVIEW);
  g_type_ensure (PYPREP_TYPE_INTERVIEW_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pyprep/PyPrep/ui/pyprep-practice-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticeWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticeWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticeWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticeWindow, scope_row);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticeWindow, cards_row);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticeWindow, interview_row);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticeWindow, count_row);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticeWindow, all_topics_check);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticeWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticeWindow, start_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticeWindow, topics_row);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticeWindow, level_row);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticeWindow, follow_ups_switch);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticeWindow, mock_count_spin);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticeWindow, mock_minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticeWindow, practice_page);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticeWindow, mock_interview);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_question_cb);

  gtk_widget_class_install_action (widget_class, "practice.show-start", NULL, show_start_action);
  gtk_widget_class_install_action (widget_class, "practice.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "practice.start-mock", NULL, start_mock_action);
  gtk_widget_class_install_action (widget_class, "practice.only-topic", "s", only_topic_action);
  gtk_widget_class_install_action (widget_class, "practice.all-topics", NULL, all_topics_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pyprep_practice_window_init (PyprepPracticeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->topic_ids = g_ptr_array_new_with_free_func (g_free);
  self->topic_checks = g_ptr_array_new ();
}

/**
 * pyprep_practice_window_new:
 * @parent: (nullable): the main window
 * @settings: the app's settings
 */
PyprepPracticeWindow *
pyprep_practice_window_new (GtkWindow      *parent,
                            PyprepLibrary  *library,
                            PyprepStudy    *study,
                            PyprepSettings *settings)
{
  PyprepPracticeWindow *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PYPREP_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (PYPREP_IS_STUDY (study), NULL);
  g_return_val_if_fail (PYPREP_IS_SETTINGS (settings), NULL);

  self = g_object_new (PYPREP_TYPE_PRACTICE_WINDOW,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->library = g_object_ref (library);
  self->study = g_object_ref (study);
  self->settings = g_object_ref (settings);

  fill_topics (self);
  g_object_bind_property_full (self->settings, "mock-questions",
                               gtk_spin_button_get_adjustment (self->mock_count_spin), "value",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               count_to_value, value_to_count, NULL, NULL);
  g_object_bind_property_full (self->settings, "mock-seconds",
                               gtk_spin_button_get_adjustment (self->mock_minutes_spin), "value",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               seconds_to_minutes, minutes_to_seconds, NULL, NULL);
  g_signal_connect_object (study, "changed", G_CALLBACK (study_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "notify::new-per-day", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  /* Short here: the group is about today's session. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->interview_row), _("Interview"));
  pyprep_interview_row_set_settings (self->interview_row, settings);
  g_signal_connect_object (self->settings, "notify::interview-date", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "notify::daily-minutes", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "notify::max-reviews-per-day", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);

  update_count (self);
  page_changed_cb (self);
  gtk_widget_grab_focus (self->start_button);
  return self;
}
