/* pyprep-markdown-events.c: records md4c's parse of an answer.
 *
 * md4c parses the whole answer at once, which is cheap; building widgets
 * is not, so the view builds them from this record a screenful at a
 * time. Only GLib and md4c are needed here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-markdown-events"

#include "config.h"

#include <string.h>

#include "pyprep-markdown-events.h"

struct _PyprepMarkdownEvents
{
  GArray  *events;  /* PyprepMarkdownEvent */
  GString *pool;    /* the events' strings, one after another */
};

static void
record (PyprepMarkdownEvents    *self,
        PyprepMarkdownEventKind  kind,
        int                      type,
        int                      number,
        const char              *text,
        gsize                    size)
{
  PyprepMarkdownEvent event = { kind, type, number, self->pool->len, size };

  if (size > 0)
    g_string_append_len (self->pool, text, size);
  g_array_append_val (self->events, event);
}

static int
enter_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  int number = 0;
  const char *text = NULL;
  gsize size = 0;

  switch (type)
    {
    case MD_BLOCK_OL:
      number = ((MD_BLOCK_OL_DETAIL *)detail)->start;
      break;
    case MD_BLOCK_H:
      number = ((MD_BLOCK_H_DETAIL *)detail)->level;
      break;
    case MD_BLOCK_CODE:
      text = ((MD_BLOCK_CODE_DETAIL *)detail)->info.text;
      size = ((MD_BLOCK_CODE_DETAIL *)detail)->info.size;
      break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      number = ((MD_BLOCK_TD_DETAIL *)detail)->align;
      break;
    default:
      break;
    }

  record (user_data, PYPREP_MARKDOWN_EVENT_ENTER_BLOCK, type, number, text, size);
  return 0;
}

static int
leave_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  record (user_data, PYPREP_MARKDOWN_EVENT_LEAVE_BLOCK, type, 0, NULL, 0);
  return 0;
}

static int
enter_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  const MD_ATTRIBUTE *href = type == MD_SPAN_A ? &((MD_SPAN_A_DETAIL *)detail)->href : NULL;

  record (user_data, PYPREP_MARKDOWN_EVENT_ENTER_SPAN, type, 0,
          href ? href->text : NULL, href ? href->size : 0);
  return 0;
}

static int
leave_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  record (user_data, PYPREP_MARKDOWN_EVENT_LEAVE_SPAN, type, 0, NULL, 0);
  return 0;
}

static int
text_cb (MD_TEXTTYPE    type,
         const MD_CHAR *text,
         MD_SIZE        size,
         void          *user_data)
{
  record (user_data, PYPREP_MARKDOWN_EVENT_TEXT, type, 0, text, size);
  return 0;
}

/**
 * pyprep_markdown_events_parse:
 * @markdown: the document, CommonMark with tables and strikethrough; raw
 *   HTML is not recognised and stays text
 *
 * Parses @markdown. md4c only fails when out of memory; then what was
 * parsed is kept, and a warning says so.
 *
 * Returns: (transfer full): the document's events
 */
PyprepMarkdownEvents *
pyprep_markdown_events_parse (const char *markdown)
{
  const MD_PARSER parser = {
    .abi_version = 0,
    .flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEURLAUTOLINKS
             | MD_FLAG_NOHTML,
    .enter_block = enter_block_cb,
    .leave_block = leave_block_cb,
    .enter_span = enter_span_cb,
    .leave_span = leave_span_cb,
    .text = text_cb,
  };
  PyprepMarkdownEvents *self;
  gsize length;

  g_return_val_if_fail (markdown != NULL, NULL);

  length = strlen (markdown);
  self = g_new0 (PyprepMarkdownEvents, 1);
  self->events = g_array_new (FALSE, FALSE, sizeof (PyprepMarkdownEvent));
  self->pool = g_string_sized_new (length);

  if (md_parse (markdown, length, &parser, self) != 0)
    g_warning ("md4c could not parse the answer text");

  return self;
}

void
pyprep_markdown_events_free (PyprepMarkdownEvents *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->events);
  g_string_free (self->pool, TRUE);
  g_free (self);
}

guint
pyprep_markdown_events_get_n_events (const PyprepMarkdownEvents *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->events->len;
}

/**
 * pyprep_markdown_events_get:
 * @index: less than the number of events
 *
 * Returns: (transfer none): the event at @index, in document order
 */
const PyprepMarkdownEvent *
pyprep_markdown_events_get (const PyprepMarkdownEvents *self,
                            guint                       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->events->len, NULL);

  return &g_array_index (self->events, PyprepMarkdownEvent, index);
}

/**
 * pyprep_markdown_events_get_text:
 * @event: one of @self's events
 *
 * Returns: (transfer none): the start of @event's string, of
 *   @event->size bytes; it is not nul-terminated
 */
const char *
pyprep_markdown_events_get_text (const PyprepMarkdownEvents *self,
                                 const PyprepMarkdownEvent  *event)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (event != NULL, NULL);

  return self->pool->str + event->offset;
}
