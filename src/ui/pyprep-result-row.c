/* pyprep-result-row.c: a search result in the sidebar: the question's
 * title, then its topic and the words around the first match, the
 * matches in bold; "Note:" first when the words are from the user's note.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-result-row"

#include "config.h"

#include <glib/gi18n.h>

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
 * @in_note: whether they are from the user's note on @question
 *
 * Shows @question as a result: its title, then its topic in bold and the
 * excerpt. An excerpt from a note says so, to the eye and in the row's
 * accessible name.
 */
void
pyprep_result_row_show (PyprepResultRow *self,
                        PyprepQuestion  *question,
                        const char      *excerpt_markup,
                        gboolean         in_note)
{
  PyprepTopic *topic;
  const char *title;
  g_autofree char *topic_markup = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (PYPREP_IS_RESULT_ROW (self));
  g_return_if_fail (PYPREP_IS_QUESTION (question));

  topic = pyprep_question_get_topic (question);
  title = pyprep_question_get_title (question);
  topic_markup = g_markup_escape_text (topic ? pyprep_topic_get_title (topic) : "", -1);
  if (in_note)
    {
      g_autofree char *note_markup = g_markup_escape_text (C_("search result", "Note:"), -1);
      g_autofree char *excerpt = NULL;

      markup = g_strdup_printf ("<b>%s</b> · <b>%s</b> %s", topic_markup, note_markup, excerpt_markup);
      if (!pango_parse_markup (excerpt_markup, -1, 0, NULL, &excerpt, NULL, NULL))
        excerpt = g_strdup ("");
      /* TRANSLATORS: a search result's accessible name: the question, then the words found in the user's note */
      name = g_strdup_printf (_("%s. Note: %s"), title, excerpt);
    }
  else
    markup = g_strdup_printf ("<b>%s</b> · %s", topic_markup, excerpt_markup);

  pyprep_row_text_set_text (self->title, title);
  pyprep_row_text_set_markup (self->excerpt, markup);
  pyprep_list_row_set_name (GTK_WIDGET (self), name ? name : title,
                            topic ? pyprep_topic_get_title (topic) : "");
}
