/* pyprep-markdown-text.c: an answer's Markdown as plain text: the words
 * the answer pane shows, without the syntax that it does not. Link
 * targets, a fence's info string, emphasis markers and a table's rule
 * are gone; each block is a line of its own, a table's cells are
 * separated by " · ", and code keeps its lines. The search indexes this
 * text and cuts its excerpts from it. GLib and md4c only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-markdown-text"

#include "config.h"

#include <string.h>

#include "pyprep-markdown-events.h"
#include "pyprep-markdown-inline.h"
#include "pyprep-markdown-text.h"

#define CELL_SEPARATOR " · "

/* A block starts on a line of its own. */
static void
new_line (GString *text)
{
  if (text->len > 0 && text->str[text->len - 1] != '\n')
    g_string_append_c (text, '\n');
}

static void
append_run (GString                    *text,
            const PyprepMarkdownEvents *events,
            const PyprepMarkdownEvent  *event)
{
  const char *run = pyprep_markdown_events_get_text (events, event);
  char utf8[7];
  gsize n;

  switch (event->type)
    {
    case MD_TEXT_NULLCHAR:
      g_string_append (text, "\xEF\xBF\xBD");
      break;

    case MD_TEXT_BR:
      g_string_append_c (text, '\n');
      break;

    case MD_TEXT_SOFTBR:
      g_string_append_c (text, ' ');
      break;

    case MD_TEXT_ENTITY:
      n = pyprep_markdown_decode_entity (run, event->size, utf8);
      if (n > 0)
        g_string_append_len (text, utf8, n);
      else
        g_string_append_len (text, run, event->size);
      break;

    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_HTML:
    case MD_TEXT_LATEXMATH:
    default:
      g_string_append_len (text, run, event->size);
      break;
    }
}

/**
 * pyprep_markdown_to_text:
 * @markdown: an answer, in Markdown
 *
 * Returns: (transfer full): the text of @markdown as it reads, one block
 *   per line
 */
char *
pyprep_markdown_to_text (const char *markdown)
{
  g_autoptr(PyprepMarkdownEvents) events = NULL;
  GString *text;
  gboolean first_cell = TRUE;

  g_return_val_if_fail (markdown != NULL, NULL);

  events = pyprep_markdown_events_parse (markdown);
  text = g_string_sized_new (strlen (markdown));

  for (guint i = 0; i < pyprep_markdown_events_get_n_events (events); i++)
    {
      const PyprepMarkdownEvent *event = pyprep_markdown_events_get (events, i);

      switch (event->kind)
        {
        case PYPREP_MARKDOWN_EVENT_ENTER_BLOCK:
          if (event->type == MD_BLOCK_TR)
            first_cell = TRUE;
          if (event->type == MD_BLOCK_TH || event->type == MD_BLOCK_TD)
            {
              if (!first_cell)
                g_string_append (text, CELL_SEPARATOR);
              first_cell = FALSE;
            }
          else
            new_line (text);
          break;

        case PYPREP_MARKDOWN_EVENT_LEAVE_BLOCK:
          if (event->type != MD_BLOCK_TH && event->type != MD_BLOCK_TD)
            new_line (text);
          break;

        case PYPREP_MARKDOWN_EVENT_TEXT:
          append_run (text, events, event);
          break;

        case PYPREP_MARKDOWN_EVENT_ENTER_SPAN:
        case PYPREP_MARKDOWN_EVENT_LEAVE_SPAN:
        default:
          /* Only the span's text is read: not a link's target, nor the
           * markers of emphasis or code. */
          break;
        }
    }

  return g_string_free (text, FALSE);
}
