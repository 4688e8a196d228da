/* pyprep-result-row.c: a search result in the sidebar: the question's
 * title, then its topic and the words around the first match, the
 * matches in bold.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-result-row"

#include "config.h"

#include "pyprep-list-row.h"
#include "pyprep-result-row.h"
#include "pyprep-row-text.h"
#include "pyprep-topic.h"

struct _PyprepResultRow
{
  GtkWidget      parent_instance;

  PyprepRowText *title;
  PyprepRowText *excerpt;
};

G_DEFINE_FINAL_TYPE (PyprepResultRow, pyprep_result_row, GTK_TYPE_WIDGET)

static void
pyprep_result_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PYPREP_TYPE_RESULT_ROW);

  G_OBJECT_CLASS (pyprep_result_row_parent_class)->dispose (object);
}

static void
pyprep_result_row_class_init (PyprepResultRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_result_row_dispose;

  g_type_ensure (PYPREP_TYPE_ROW_TEXT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/pyprep-result-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepResultRow, title);
  gtk_widget_class_bind_template_child (widget_class, PyprepResultRow, excerpt);
}

static void
pyprep_result_row_init (PyprepResultRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pyprep_result_row_new (void)
{
  return g_object_new (PYPREP_TYPE_RESULT_ROW, NULL);
}

/**
 * pyprep_result_row_show:
 * @excerpt_markup: the words around the match, as Pango markup
 *
 * Shows @question as a result: its title, then its topic in bold and the
 * excerpt.
 */
void
pyprep_result_row_show (PyprepResultRow *self,
                        PyprepQuestion  *question,
                        const char      *excerpt_markup)
{
  PyprepTopic *topic;
  g_autofree char *topic_markup = NULL;
  g_autofree char *markup = NULL;

  g_return_if_fail (PYPREP_IS_RESULT_ROW (self));
  g_return_if_fail (PYPREP_IS_QUESTION (question));

  topic = pyprep_question_get_topic (question);
  topic_markup = g_markup_escape_text (topic ? pyprep_topic_get_title (topic) : "", -1);
  markup = g_strdup_printf ("<b>%s</b> · %s", topic_markup, excerpt_markup);

  pyprep_row_text_set_text (self->title, pyprep_question_get_title (question));
  pyprep_row_text_set_markup (self->excerpt, markup);
  pyprep_list_row_set_name (GTK_WIDGET (self), pyprep_question_get_title (question),
                            topic ? pyprep_topic_get_title (topic) : "");
}
