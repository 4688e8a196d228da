/* test-markdown-inline.c: an answer's Markdown as md4c events and as the
 * Pango markup of its text. GLib only: runs without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pyprep-markdown-events.h"
#include "pyprep-markdown-inline.h"

#define CODE_SPAN "<span font_family=\"monospace\" bgcolor=\"#8080802e\">"
#define MARKED "<span bgcolor=\"#f6d32d80\">"

static gboolean
is_text_block (int type)
{
  return type == MD_BLOCK_P || type == MD_BLOCK_H || type == MD_BLOCK_TH || type == MD_BLOCK_TD;
}

/* The markup of each paragraph, heading and table cell of @markdown, as
 * the view puts it into its labels. */
static GStrv
markup_of (const char         *markdown,
           const char * const *highlights)
{
  g_autoptr(PyprepMarkdownEvents) events = pyprep_markdown_events_parse (markdown);
  g_autoptr(GStrvBuilder) blocks = g_strv_builder_new ();
  g_autoptr(GString) markup = g_string_new (NULL);
  gboolean in_code = FALSE;

  for (guint i = 0; i < pyprep_markdown_events_get_n_events (events); i++)
    {
      const PyprepMarkdownEvent *event = pyprep_markdown_events_get (events, i);

      switch (event->kind)
        {
        case PYPREP_MARKDOWN_EVENT_ENTER_BLOCK:
          in_code = event->type == MD_BLOCK_CODE;
          g_string_truncate (markup, 0);
          break;
        case PYPREP_MARKDOWN_EVENT_LEAVE_BLOCK:
          if (is_text_block (event->type))
            g_strv_builder_add (blocks, markup->str);
          in_code = FALSE;
          break;
        case PYPREP_MARKDOWN_EVENT_ENTER_SPAN:
        case PYPREP_MARKDOWN_EVENT_LEAVE_SPAN:
        case PYPREP_MARKDOWN_EVENT_TEXT:
        default:
          if (!in_code)
            pyprep_markdown_inline_append (markup, events, event, highlights);
          break;
        }
    }

  return g_strv_builder_end (blocks);
}

static void
collect_text_cb (GMarkupParseContext  *context,
                 const char           *text,
                 gsize                 size,
                 gpointer              user_data,
                 GError              **error)
{
  g_string_append_len (user_data, text, size);
}

/* The text a label shows for @markup; the markup must be well formed. */
static char *
text_of (const char *markup)
{
  static const GMarkupParser parser = { .text = collect_text_cb };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, text, NULL);
  g_autofree char *document = g_strconcat ("<markup>", markup, "</markup>", NULL);
  g_autoptr(GError) error = NULL;

  g_markup_parse_context_parse (context, document, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_one_block (GStrv        blocks,
                  const char  *markup,
                  const char  *text)
{
  g_autofree char *shown = NULL;

  g_assert_cmpuint (g_strv_length (blocks), ==, 1);
  g_assert_cmpstr (blocks[0], ==, markup);
  shown = text_of (blocks[0]);
  g_assert_cmpstr (shown, ==, text);
}

static void
test_emphasis (void)
{
  g_auto(GStrv) blocks = markup_of ("Plain, **bold**, *italic*, ~~gone~~ and ***both***.\n", NULL);

  assert_one_block (blocks,
                    "Plain, <b>bold</b>, <i>italic</i>, <s>gone</s> and <i><b>both</b></i>.",
                    "Plain, bold, italic, gone and both.");
}

/* Inline code is monospace, and its text is escaped like any other. */
static void
test_code_span (void)
{
  g_auto(GStrv) blocks = markup_of ("Use `x < y and a & b` or `**not bold**`.\n", NULL);

  assert_one_block (blocks,
                    "Use " CODE_SPAN "x &lt; y and a &amp; b</span> or " CODE_SPAN "**not bold**</span>.",
                    "Use x < y and a & b or **not bold**.");
}

/* A link keeps its target, escaped into the attribute; a bare URL is a
 * link too, and so is a link to another question. */
static void
test_links (void)
{
  g_auto(GStrv) blocks = markup_of ("See [the docs](https://docs.python.org/3/?a=1&b=\"2\"), "
                                    "https://peps.python.org and [GIL](q:the-gil).\n", NULL);

  assert_one_block (blocks,
                    "See <a href=\"https://docs.python.org/3/?a=1&amp;b=&quot;2&quot;\">the docs</a>, "
                    "<a href=\"https://peps.python.org\">https://peps.python.org</a> and "
                    "<a href=\"q:the-gil\">GIL</a>.",
                    "See the docs, https://peps.python.org and GIL.");
}

/* Content can never break or inject markup: HTML stays text. */
static void
test_escaping (void)
{
  g_auto(GStrv) blocks = markup_of ("a < b && c > d, <b>not bold</b> <span foreground=\"red\">x</span>\n",
                                    NULL);

  assert_one_block (blocks,
                    "a &lt; b &amp;&amp; c &gt; d, &lt;b&gt;not bold&lt;/b&gt; "
                    "&lt;span foreground=&quot;red&quot;&gt;x&lt;/span&gt;",
                    "a < b && c > d, <b>not bold</b> <span foreground=\"red\">x</span>");
}

/* Entities are decoded where they are known, and shown as written
 * otherwise; either way they are escaped. */
static void
test_entities (void)
{
  g_auto(GStrv) blocks = markup_of ("&amp; &lt;b&gt; &#955; &#x3BB; &mdash; &notanentity; &#0;\n", NULL);
  g_autofree char *shown = text_of (blocks[0]);

  g_assert_cmpuint (g_strv_length (blocks), ==, 1);
  g_assert_cmpstr (shown, ==, "& <b> λ λ — &notanentity; &#0;");
}

/* A soft line break is a space; a hard one (two spaces) breaks the line. */
static void
test_breaks (void)
{
  g_auto(GStrv) blocks = markup_of ("one\ntwo  \nthree\n", NULL);

  assert_one_block (blocks, "one two\nthree", "one two\nthree");
}

/* Searched words are marked at word starts only, case-insensitively,
 * inside other spans too, and marking keeps the markup well formed. */
static void
test_highlights (void)
{
  static const char * const words[] = { "gil", "ref", NULL };
  g_auto(GStrv) blocks = markup_of ("The GIL <b> & a fragile *gil*, `refcount`; preferably not.\n", words);

  assert_one_block (blocks,
                    "The " MARKED "GIL</span> &lt;b&gt; &amp; a fragile <i>" MARKED "gil</span></i>, "
                    CODE_SPAN MARKED "ref</span>count</span>; preferably not.",
                    "The GIL <b> & a fragile gil, refcount; preferably not.");
}

/* Headings and table cells are text blocks of their own; code is not
 * inline text. */
static void
test_blocks (void)
{
  g_auto(GStrv) blocks = markup_of ("## A *heading*\n\n"
                                    "| Op | Cost |\n|----|-----:|\n| `x in s` | O(1) |\n\n"
                                    "```python\nprint('<b>')\n```\n", NULL);
  const char * const expected[] = { "A <i>heading</i>", "Op", "Cost",
                                    CODE_SPAN "x in s</span>", "O(1)", NULL };

  g_assert_cmpstrv (blocks, expected);
}

/* The events keep what md4c only lends: the numbers and strings stay
 * valid once the source text is gone. */
static void
test_events (void)
{
  char *source = g_strdup ("### Title\n\n3. three\n\n| a |\n|--:|\n| b |\n\n"
                           "```python run\nx = 1\n```\n\n[l](https://x.org)\n");
  g_autoptr(PyprepMarkdownEvents) events = pyprep_markdown_events_parse (source);
  gboolean seen_heading = FALSE, seen_list = FALSE, seen_cell = FALSE;
  gboolean seen_fence = FALSE, seen_code = FALSE, seen_link = FALSE;
  int depth = 0;

  memset (source, 'x', strlen (source));
  g_free (source);

  for (guint i = 0; i < pyprep_markdown_events_get_n_events (events); i++)
    {
      const PyprepMarkdownEvent *event = pyprep_markdown_events_get (events, i);
      g_autofree char *text = g_strndup (pyprep_markdown_events_get_text (events, event), event->size);

      if (event->kind == PYPREP_MARKDOWN_EVENT_ENTER_BLOCK)
        depth++;
      else if (event->kind == PYPREP_MARKDOWN_EVENT_LEAVE_BLOCK)
        depth--;
      g_assert_cmpint (depth, >=, 0);

      if (event->kind == PYPREP_MARKDOWN_EVENT_ENTER_BLOCK && event->type == MD_BLOCK_H)
        seen_heading = event->number == 3;
      else if (event->kind == PYPREP_MARKDOWN_EVENT_ENTER_BLOCK && event->type == MD_BLOCK_OL)
        seen_list = event->number == 3;
      else if (event->kind == PYPREP_MARKDOWN_EVENT_ENTER_BLOCK && event->type == MD_BLOCK_TD)
        seen_cell = event->number == MD_ALIGN_RIGHT;
      else if (event->kind == PYPREP_MARKDOWN_EVENT_ENTER_BLOCK && event->type == MD_BLOCK_CODE)
        seen_fence = g_str_equal (text, "python run");
      else if (event->kind == PYPREP_MARKDOWN_EVENT_TEXT && event->type == MD_TEXT_CODE
               && g_str_equal (text, "x = 1"))
        seen_code = TRUE;
      else if (event->kind == PYPREP_MARKDOWN_EVENT_ENTER_SPAN && event->type == MD_SPAN_A)
        seen_link = g_str_equal (text, "https://x.org");
    }

  g_assert_cmpint (depth, ==, 0);
  g_assert_true (seen_heading);
  g_assert_true (seen_list);
  g_assert_true (seen_cell);
  g_assert_true (seen_fence);
  g_assert_true (seen_code);
  g_assert_true (seen_link);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/markdown-inline/events", test_events);
  g_test_add_func ("/pyprep/markdown-inline/emphasis", test_emphasis);
  g_test_add_func ("/pyprep/markdown-inline/code-span", test_code_span);
  g_test_add_func ("/pyprep/markdown-inline/links", test_links);
  g_test_add_func ("/pyprep/markdown-inline/escaping", test_escaping);
  g_test_add_func ("/pyprep/markdown-inline/entities", test_entities);
  g_test_add_func ("/pyprep/markdown-inline/breaks", test_breaks);
  g_test_add_func ("/pyprep/markdown-inline/highlights", test_highlights);
  g_test_add_func ("/pyprep/markdown-inline/blocks", test_blocks);

  return g_test_run ();
}
