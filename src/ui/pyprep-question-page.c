/* pyprep-question-page.c: the reading pane. It renders a question's
 * Markdown answer and its related questions, and turns "q:<id>" links and
 * related rows into the "open-question" signal for the window to follow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-question-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "pyprep-library.h"
#include "pyprep-markdown-view.h"
#include "pyprep-question-page.h"
#include "pyprep-question.h"
#include "pyprep-topic.h"

#define QUESTION_LINK_SCHEME "q:"

struct _PyprepQuestionPage
{
  GtkWidget           parent_instance;

  GtkStack           *stack;
  GtkScrolledWindow  *scroller;
  GtkLabel           *title_label;
  GtkLabel           *difficulty_label;
  GtkLabel           *tags_label;
  PyprepMarkdownView *markdown_view;
  GtkWidget          *related_box;
  GtkWidget          *related_list;

  PyprepQuestion     *question;
};

G_DEFINE_FINAL_TYPE (PyprepQuestionPage, pyprep_question_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_QUESTION,
  N_PROPS
};

enum {
  OPEN_QUESTION,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
activate_link_cb (PyprepMarkdownView *view,
                  const char         *uri,
                  PyprepQuestionPage *self)
{
  if (!g_str_has_prefix (uri, QUESTION_LINK_SCHEME))
    return FALSE;

  g_signal_emit (self, signals[OPEN_QUESTION], 0, uri + strlen (QUESTION_LINK_SCHEME));
  return TRUE;
}

static gboolean
related_link_cb (GtkLabel           *label,
                 const char         *uri,
                 PyprepQuestionPage *self)
{
  return activate_link_cb (NULL, uri, self);
}

static void
pyprep_question_page_dispose (GObject *object)
{
  PyprepQuestionPage *self = (PyprepQuestionPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_QUESTION_PAGE);
  g_clear_object (&self->question);

  G_OBJECT_CLASS (pyprep_question_page_parent_class)->dispose (object);
}

static void
pyprep_question_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PyprepQuestionPage *self = PYPREP_QUESTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      g_value_set_object (value, self->question);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_question_page_class_init (PyprepQuestionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_question_page_dispose;
  object_class->get_property = pyprep_question_page_get_property;

  properties[PROP_QUESTION] =
    g_param_spec_object ("question", NULL, NULL, PYPREP_TYPE_QUESTION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PyprepQuestionPage::open-question:
   * @id: the id of the question to open
   *
   * Emitted when the user follows a link to another question.
   */
  signals[OPEN_QUESTION] =
    g_signal_new ("open-question",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (PYPREP_TYPE_MARKDOWN_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/pyprep-question-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionPage, difficulty_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionPage, tags_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionPage, markdown_view);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionPage, related_box);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionPage, related_list);
  gtk_widget_class_bind_template_callback (widget_class, activate_link_cb);
}

static void
pyprep_question_page_init (PyprepQuestionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pyprep_question_page_new (void)
{
  return g_object_new (PYPREP_TYPE_QUESTION_PAGE, NULL);
}

/* Returns: (transfer none) (nullable) */
PyprepQuestion *
pyprep_question_page_get_question (PyprepQuestionPage *self)
{
  g_return_val_if_fail (PYPREP_IS_QUESTION_PAGE (self), NULL);
  return self->question;
}

static void
update_difficulty (PyprepQuestionPage *self)
{
  static const char * const classes[] = { "junior", "mid", "senior" };
  PyprepDifficulty difficulty = pyprep_question_get_difficulty (self->question);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->difficulty_label), classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->difficulty_label),
                            pyprep_difficulty_to_string (difficulty));
  gtk_label_set_text (self->difficulty_label, pyprep_difficulty_get_label (difficulty));
}

static void
update_tags (PyprepQuestionPage *self)
{
  const char * const *tags = pyprep_question_get_tags (self->question);
  g_autofree char *joined = g_strjoinv (" · ", (char **)tags);

  gtk_label_set_text (self->tags_label, joined);
  gtk_widget_set_visible (GTK_WIDGET (self->tags_label), tags[0] != NULL);
}

/* Related questions are plain links, one label each: rows of a boxed
 * list looked better but cost more than the rest of the answer to lay out. */
static void
update_related (PyprepQuestionPage *self,
                PyprepLibrary      *library)
{
  const char * const *related = pyprep_question_get_related (self->question);
  GtkWidget *child;
  guint n_links = 0;

  while ((child = gtk_widget_get_first_child (self->related_list)))
    gtk_box_remove (GTK_BOX (self->related_list), child);

  for (guint i = 0; related[i] != NULL; i++)
    {
      PyprepQuestion *other = library ? pyprep_library_lookup_question (library, related[i]) : NULL;
      PyprepTopic *topic;
      g_autofree char *markup = NULL;
      GtkWidget *label;

      if (other == NULL)
        continue;

      topic = pyprep_question_get_topic (other);
      markup = g_markup_printf_escaped ("<a href=\"" QUESTION_LINK_SCHEME "%s\">%s</a>"
                                        "  <span alpha=\"60%%\">%s</span>",
                                        related[i], pyprep_question_get_title (other),
                                        topic ? pyprep_topic_get_title (topic) : "");
      label = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_NONE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      g_signal_connect_object (label, "activate-link", G_CALLBACK (related_link_cb), self, 0);
      gtk_box_append (GTK_BOX (self->related_list), label);
      n_links++;
    }

  gtk_widget_set_visible (self->related_box, n_links > 0);
}

/**
 * pyprep_question_page_set_question:
 * @question: (nullable): the question to show, or %NULL for the empty state
 * @library: (nullable): where related ids are looked up
 */
void
pyprep_question_page_set_question (PyprepQuestionPage *self,
                                   PyprepQuestion     *question,
                                   PyprepLibrary      *library)
{
  GtkAdjustment *vadjustment;

  g_return_if_fail (PYPREP_IS_QUESTION_PAGE (self));
  g_return_if_fail (!question || PYPREP_IS_QUESTION (question));

  if (!g_set_object (&self->question, question))
    return;

  if (question == NULL)
    {
      pyprep_markdown_view_set_markdown (self->markdown_view, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      gtk_label_set_text (self->title_label, pyprep_question_get_title (question));
      update_difficulty (self);
      update_tags (self);
      pyprep_markdown_view_set_markdown (self->markdown_view, pyprep_question_get_body (question));
      update_related (self, library);

      vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
      gtk_stack_set_visible_child_name (self->stack, "question");
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);
}
