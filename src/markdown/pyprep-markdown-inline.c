/* pyprep-markdown-inline.c: turns inline events (spans and text) into
 * Pango markup for a label.
 *
 * Every piece of text from the document is escaped before it is put into
 * markup, so content can never break or inject Pango markup. Words the
 * reader searched for are marked with a background, so that an answer
 * opened from the search shows where they are. Only GLib is needed here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-markdown-inline"

#include "config.h"

#include <string.h>

#include "pyprep-markdown-inline.h"
#include "pyprep-search.h"

#define HIGHLIGHT_START "<span bgcolor=\"#f6d32d80\">"
#define CODE_START "<span font_family=\"monospace\" bgcolor=\"#8080802e\">"

/* @text with the searched words (see pyprep_search_find_term()) lit. */
static void
append_escaped (GString            *markup,
                const char         *text,
                gsize               size,
                const char * const *highlights)
{
  gsize plain = 0, start, end;

  while (pyprep_search_find_term (text, size, highlights, plain, &start, &end))
    {
      g_autofree char *before = g_markup_escape_text (text + plain, start - plain);
      g_autofree char *word = g_markup_escape_text (text + start, end - start);

      g_string_append (markup, before);
      g_string_append_printf (markup, HIGHLIGHT_START "%s</span>", word);
      plain = end;
    }

  {
    g_autofree char *rest = g_markup_escape_text (text + plain, size - plain);

    g_string_append (markup, rest);
  }
}

/**
 * pyprep_markdown_decode_entity:
 * @entity: an entity as md4c hands it over, undecoded ("&amp;", "&#8212;")
 * @size: its length in bytes
 * @utf8: (out caller-allocates): at least 7 bytes, for the character
 *
 * Resolves the numeric entities and the few named ones worth writing.
 *
 * Returns: the length in bytes of the character written to @utf8, or 0
 *   for an entity to be shown literally
 */
gsize
pyprep_markdown_decode_entity (const char *entity,
                               gsize       size,
                               char       *utf8)
{
  static const struct { const char *name; gunichar ch; } named[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' },
    { "&apos;", '\'' }, { "&nbsp;", 0x00A0 }, { "&mdash;", 0x2014 },
    { "&ndash;", 0x2013 }, { "&hellip;", 0x2026 }, { "&times;", 0x00D7 },
    { "&rarr;", 0x2192 }, { "&larr;", 0x2190 }, { "&le;", 0x2264 }, { "&ge;", 0x2265 },
  };
  g_autofree char *copy = NULL;
  gunichar ch = 0;

  g_return_val_if_fail (entity != NULL, 0);
  g_return_val_if_fail (utf8 != NULL, 0);

  copy = g_strndup (entity, size);
  if (size > 3 && copy[1] == '#')
    {
      gboolean hex = copy[2] == 'x' || copy[2] == 'X';
      guint64 value = g_ascii_strtoull (copy + (hex ? 3 : 2), NULL, hex ? 16 : 10);

      if (value > 0 && value <= 0x10FFFF && g_unichar_validate ((gunichar)value))
        ch = (gunichar)value;
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (named); i++)
        if (g_str_equal (copy, named[i].name))
          ch = named[i].ch;
    }

  return ch != 0 ? (gsize)g_unichar_to_utf8 (ch, utf8) : 0;
}

/* An entity md4c could not resolve is shown literally. */
static void
append_entity (GString            *markup,
               const char         *text,
               gsize               size,
               const char * const *highlights)
{
  char utf8[7];
  gsize n = pyprep_markdown_decode_entity (text, size, utf8);

  if (n == 0)
    append_escaped (markup, text, size, highlights);
  else
    append_escaped (markup, utf8, n, highlights);
}

static void
append_text (GString            *markup,
             MD_TEXTTYPE         type,
             const char         *text,
             gsize               size,
             const char * const *highlights)
{
  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      g_string_append (markup, "\xEF\xBF\xBD");
      break;

    case MD_TEXT_BR:
      g_string_append_c (markup, '\n');
      break;

    case MD_TEXT_SOFTBR:
      g_string_append_c (markup, ' ');
      break;

    case MD_TEXT_ENTITY:
      append_entity (markup, text, size, highlights);
      break;

    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_HTML:
    case MD_TEXT_LATEXMATH:
    default:
      append_escaped (markup, text, size, highlights);
      break;
    }
}

static void
enter_span (GString     *markup,
            MD_SPANTYPE  type,
            const char  *href,
            gsize        href_size)
{
  switch (type)
    {
    case MD_SPAN_EM:
      g_string_append (markup, "<i>");
      break;

    case MD_SPAN_STRONG:
      g_string_append (markup, "<b>");
      break;

    case MD_SPAN_DEL:
      g_string_append (markup, "<s>");
      break;

    case MD_SPAN_U:
      g_string_append (markup, "<u>");
      break;

    case MD_SPAN_CODE:
      g_string_append (markup, CODE_START);
      break;

    case MD_SPAN_A:
      {
        g_autofree char *escaped = g_markup_escape_text (href, href_size);

        g_string_append (markup, "<a href=\"");
        g_string_append (markup, escaped);
        g_string_append (markup, "\">");
      }
      break;

    case MD_SPAN_IMG:
      g_string_append (markup, "<i>");
      break;

    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
    case MD_SPAN_WIKILINK:
    default:
      g_string_append (markup, "<span>");
      break;
    }
}

static void
leave_span (GString     *markup,
            MD_SPANTYPE  type)
{
  switch (type)
    {
    case MD_SPAN_EM:
    case MD_SPAN_IMG:
      g_string_append (markup, "</i>");
      break;

    case MD_SPAN_STRONG:
      g_string_append (markup, "</b>");
      break;

    case MD_SPAN_DEL:
      g_string_append (markup, "</s>");
      break;

    case MD_SPAN_U:
      g_string_append (markup, "</u>");
      break;

    case MD_SPAN_A:
      g_string_append (markup, "</a>");
      break;

    case MD_SPAN_CODE:
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
    case MD_SPAN_WIKILINK:
    default:
      g_string_append (markup, "</span>");
      break;
    }
}

/**
 * pyprep_markdown_inline_append:
 * @markup: the markup of the block so far
 * @events: the document's events
 * @event: one of them, a span's start or end or a text run, outside
 *   code blocks
 * @highlights: (nullable): lower-case words to mark where a word starts
 *   with one, case-insensitively; %NULL for none
 *
 * Appends @event's Pango markup to @markup. The spans of a block are
 * balanced, so the markup of a whole block is well formed.
 */
void
pyprep_markdown_inline_append (GString                    *markup,
                               const PyprepMarkdownEvents *events,
                               const PyprepMarkdownEvent  *event,
                               const char * const         *highlights)
{
  const char *text;

  g_return_if_fail (markup != NULL);
  g_return_if_fail (events != NULL);
  g_return_if_fail (event != NULL);

  text = pyprep_markdown_events_get_text (events, event);

  switch (event->kind)
    {
    case PYPREP_MARKDOWN_EVENT_ENTER_SPAN:
      enter_span (markup, event->type, text, event->size);
      break;

    case PYPREP_MARKDOWN_EVENT_LEAVE_SPAN:
      leave_span (markup, event->type);
      break;

    case PYPREP_MARKDOWN_EVENT_TEXT:
      append_text (markup, event->type, text, event->size, highlights);
      break;

    case PYPREP_MARKDOWN_EVENT_ENTER_BLOCK:
    case PYPREP_MARKDOWN_EVENT_LEAVE_BLOCK:
    default:
      g_return_if_reached ();
    }
}
