/* pyprep-markdown-events.h: an answer's Markdown parsed by md4c into a
 * list of events, to be turned into widgets later, a piece at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <md4c.h>

G_BEGIN_DECLS

typedef enum
{
  PYPREP_MARKDOWN_EVENT_ENTER_BLOCK,
  PYPREP_MARKDOWN_EVENT_LEAVE_BLOCK,
  PYPREP_MARKDOWN_EVENT_ENTER_SPAN,
  PYPREP_MARKDOWN_EVENT_LEAVE_SPAN,
  PYPREP_MARKDOWN_EVENT_TEXT,
} PyprepMarkdownEventKind;

/* One md4c callback, recorded. md4c's details point into its own
 * buffers, so the few fields the later stages read are copied: a number
 * and a string, kept in the list's text pool. */
typedef struct
{
  PyprepMarkdownEventKind kind;
  int                     type;    /* MD_BLOCKTYPE, MD_SPANTYPE or MD_TEXTTYPE, by kind */
  int                     number;  /* an ordered list's start, a heading's level, a cell's MD_ALIGN */
  gsize                   offset;  /* of the string in the pool */
  gsize                   size;    /* a text run, a fence's info string, a link's target */
} PyprepMarkdownEvent;

typedef struct _PyprepMarkdownEvents PyprepMarkdownEvents;

PyprepMarkdownEvents      *pyprep_markdown_events_parse        (const char                 *markdown);
void                       pyprep_markdown_events_free         (PyprepMarkdownEvents       *self);
guint                      pyprep_markdown_events_get_n_events (const PyprepMarkdownEvents *self);
const PyprepMarkdownEvent *pyprep_markdown_events_get          (const PyprepMarkdownEvents *self,
                                                                guint                       index);
const char                *pyprep_markdown_events_get_text     (const PyprepMarkdownEvents *self,
                                                                const PyprepMarkdownEvent  *event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepMarkdownEvents, pyprep_markdown_events_free)

G_END_DECLS
