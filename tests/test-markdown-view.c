/* test-markdown-view.c: the widgets built from an answer's Markdown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "pyprep-code-block.h"
#include "pyprep-markdown-view.h"
#include "pyprep-prose-layout.h"
#include "pyprep-sideways-scroller.h"

static const char document[] =
  "## Short answer\n"
  "\n"
  "Plain, **bold**, *italic*, `inline code`, a [link](https://docs.python.org/3/)\n"
  "and a [question](q:other-question).\n"
  "\n"
  "Markup is text: a < b && c > d, <b>not bold</b>, &amp; and &#955;.\n"
  "\n"
  "- first\n"
  "- second\n"
  "  - nested **one**\n"
  "\n"
  "3. three\n"
  "4. four\n"
  "\n"
  "> quoted *text*\n"
  "\n"
  "| Op | Cost |\n"
  "|----|-----:|\n"
  "| `x in s` | O(1) |\n"
  "| append | O(1) amortised |\n"
  "\n"
  "---\n"
  "\n"
  "```python run\n"
  "print('<hi>' if 1 < 2 else '&')\n"
  "```\n"
  "\n"
  "```output\n"
  "<hi>\n"
  "```\n"
  "\n"
  "```bash\n"
  "python3 -m venv .venv\n"
  "```\n";

static GtkWidget *
nth_child (GtkWidget *widget,
           guint      n)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  for (guint i = 0; i < n && child != NULL; i++)
    child = gtk_widget_get_next_sibling (child);

  g_assert_nonnull (child);
  return child;
}

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static const char *
label_text (GtkWidget *widget)
{
  g_assert_true (GTK_IS_LABEL (widget));
  return gtk_label_get_text (GTK_LABEL (widget));
}

/* Returns the content column of a list item (an overlay with its marker). */
static GtkWidget *
list_item_content (GtkWidget *list,
                   guint      n)
{
  GtkWidget *row = nth_child (list, n);

  g_assert_true (gtk_widget_has_css_class (row, "md-list-item"));
  return gtk_overlay_get_child (GTK_OVERLAY (row));
}

static const char *
list_item_marker (GtkWidget *list,
                  guint      n)
{
  GtkWidget *marker = gtk_widget_get_last_child (nth_child (list, n));

  g_assert_true (gtk_widget_has_css_class (marker, "md-list-marker"));
  return label_text (marker);
}

static gboolean
activate_link_cb (PyprepMarkdownView *view,
                  const char         *uri,
                  char              **seen)
{
  g_free (*seen);
  *seen = g_strdup (uri);
  return TRUE;
}

static void
test_every_construct (void)
{
  GtkWidget *view = g_object_ref_sink (pyprep_markdown_view_new ());
  g_autofree char *seen_uri = NULL;
  GtkWidget *content, *block, *item, *grid, *cell;
  g_autofree char *code = NULL;

  pyprep_markdown_view_set_markdown (PYPREP_MARKDOWN_VIEW (view), document);
  content = pyprep_markdown_view_get_content (PYPREP_MARKDOWN_VIEW (view));
  g_assert_nonnull (content);

  /* heading, 2 paragraphs, bullet list, numbered list, quote, table, rule,
   * python block (with its output folded in), bash block */
  g_assert_cmpuint (n_children (content), ==, 10);

  block = nth_child (content, 0);
  g_assert_cmpstr (label_text (block), ==, "Short answer");
  g_assert_true (gtk_widget_has_css_class (block, "md-heading"));

  block = nth_child (content, 1);
  g_assert_cmpstr (label_text (block), ==,
                   "Plain, bold, italic, inline code, a link and a question.");
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (block)));
  g_assert_true (gtk_label_get_use_markup (GTK_LABEL (block)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (block)), "<b>bold</b>"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (block)), "<i>italic</i>"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (block)), "href=\"https://docs.python.org/3/\""));

  /* Links to questions go to whoever handles the view's signal. */
  g_signal_connect (view, "activate-link", G_CALLBACK (activate_link_cb), &seen_uri);
  {
    gboolean handled = FALSE;

    g_signal_emit_by_name (block, "activate-link", "q:other-question", &handled);
    g_assert_true (handled);
    g_assert_cmpstr (seen_uri, ==, "q:other-question");
  }

  /* Content can never inject markup. */
  block = nth_child (content, 2);
  g_assert_cmpstr (label_text (block), ==,
                   "Markup is text: a < b && c > d, <b>not bold</b>, & and λ.");

  /* A bullet list with a nested list in its second item. */
  block = nth_child (content, 3);
  g_assert_true (gtk_widget_has_css_class (block, "md-list"));
  g_assert_cmpuint (n_children (block), ==, 2);
  g_assert_cmpstr (list_item_marker (block, 0), ==, "•");
  item = list_item_content (block, 0);
  g_assert_cmpstr (label_text (nth_child (item, 0)), ==, "first");
  item = list_item_content (block, 1);
  g_assert_cmpstr (label_text (nth_child (item, 0)), ==, "second");
  g_assert_true (gtk_widget_has_css_class (nth_child (item, 1), "md-list"));
  g_assert_cmpstr (label_text (nth_child (list_item_content (nth_child (item, 1), 0), 0)), ==, "nested one");

  /* A numbered list keeps its start number. */
  block = nth_child (content, 4);
  g_assert_cmpstr (list_item_marker (block, 0), ==, "3.");
  g_assert_cmpstr (list_item_marker (block, 1), ==, "4.");

  block = nth_child (content, 5);
  g_assert_true (gtk_widget_has_css_class (block, "md-quote"));
  g_assert_cmpstr (label_text (nth_child (block, 0)), ==, "quoted text");

  /* The table is a grid with a styled header row, in a scroller that
   * scrolls it sideways when it is wider than the column. */
  grid = gtk_scrolled_window_get_child (pyprep_sideways_scroller_get_scroller (PYPREP_SIDEWAYS_SCROLLER (nth_child (content, 6))));
  if (GTK_IS_VIEWPORT (grid))
    grid = gtk_viewport_get_child (GTK_VIEWPORT (grid));
  g_assert_true (GTK_IS_GRID (grid));
  cell = gtk_grid_get_child_at (GTK_GRID (grid), 0, 0);
  g_assert_cmpstr (label_text (cell), ==, "Op");
  g_assert_true (gtk_widget_has_css_class (cell, "md-table-header"));
  cell = gtk_grid_get_child_at (GTK_GRID (grid), 1, 2);
  g_assert_cmpstr (label_text (cell), ==, "O(1) amortised");
  g_assert_true (gtk_widget_has_css_class (cell, "md-table-cell"));
  g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (cell)), ==, 1.0);
  g_assert_cmpstr (label_text (gtk_grid_get_child_at (GTK_GRID (grid), 0, 1)), ==, "x in s");

  g_assert_true (GTK_IS_SEPARATOR (nth_child (content, 7)));

  /* The Python block with its output attached, and a shell block. */
  block = nth_child (content, 8);
  g_assert_true (PYPREP_IS_CODE_BLOCK (block));
  g_assert_cmpstr (pyprep_code_block_get_language (PYPREP_CODE_BLOCK (block)), ==, "python");
  code = pyprep_code_block_dup_code (PYPREP_CODE_BLOCK (block));
  g_assert_cmpstr (code, ==, "print('<hi>' if 1 < 2 else '&')");
  g_assert_cmpstr (pyprep_code_block_get_output (PYPREP_CODE_BLOCK (block)), ==, "<hi>\n");

  block = nth_child (content, 9);
  g_assert_true (PYPREP_IS_CODE_BLOCK (block));
  g_assert_cmpstr (pyprep_code_block_get_language (PYPREP_CODE_BLOCK (block)), ==, "bash");
  g_assert_false (pyprep_code_block_has_output (PYPREP_CODE_BLOCK (block)));

  g_object_unref (view);
}

/* The code view is highlighted in the fence's language and read-only. */
static void
test_code_block_language (void)
{
  GtkWidget *block = g_object_ref_sink (pyprep_code_block_new ("python", "x = 1\n"));
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = NULL;
  GtkTextBuffer *buffer;
  GtkSourceLanguage *language;

  /* Highlighting is set up when the block is first shown. */
  gtk_window_set_child (GTK_WINDOW (window), block);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (block))
    g_main_context_iteration (NULL, TRUE);

  for (GtkWidget *w = gtk_widget_get_first_child (block); w; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      view = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (w));

  g_assert_true (GTK_SOURCE_IS_VIEW (view));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  language = gtk_source_buffer_get_language (GTK_SOURCE_BUFFER (buffer));
  g_assert_nonnull (language);
  g_assert_cmpstr (gtk_source_language_get_id (language), ==, "python3");

  /* The scheme follows the dark style. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpstr (gtk_source_style_scheme_get_id (gtk_source_buffer_get_style_scheme (GTK_SOURCE_BUFFER (buffer))),
                   ==, "Adwaita-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_cmpstr (gtk_source_style_scheme_get_id (gtk_source_buffer_get_style_scheme (GTK_SOURCE_BUFFER (buffer))),
                   ==, "Adwaita");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (block);
}

/* Copy puts exactly the code on the clipboard. */
static void
test_code_block_copy (void)
{
  GtkWidget *block = g_object_ref_sink (pyprep_code_block_new ("python", "a < b\nprint('&')\n"));
  GdkClipboard *clipboard = gtk_widget_get_clipboard (block);
  GValue value = G_VALUE_INIT;

  g_assert_true (gtk_widget_activate_action (block, "code-block.copy", NULL));

  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &value, NULL));
  g_assert_cmpstr (g_value_get_string (&value), ==, "a < b\nprint('&')");
  g_value_unset (&value);

  g_assert_finalize_object (block);
}

/* Replacing the document drops the old widgets. */
static void
test_replace_and_clear (void)
{
  GtkWidget *view = g_object_ref_sink (pyprep_markdown_view_new ());
  GtkWidget *content;

  pyprep_markdown_view_set_markdown (PYPREP_MARKDOWN_VIEW (view), "one\n\ntwo\n");
  content = pyprep_markdown_view_get_content (PYPREP_MARKDOWN_VIEW (view));
  g_assert_cmpuint (n_children (content), ==, 2);

  /* The old widgets are hidden at once, and leave and are freed in
   * idle time. */
  g_object_add_weak_pointer (G_OBJECT (content), (gpointer *)&content);
  pyprep_markdown_view_set_markdown (PYPREP_MARKDOWN_VIEW (view), "three\n");
  g_assert_false (gtk_widget_get_visible (content));
  g_assert_true (pyprep_markdown_view_get_content (PYPREP_MARKDOWN_VIEW (view)) != content);
  while (content != NULL)
    g_main_context_iteration (NULL, TRUE);
  content = pyprep_markdown_view_get_content (PYPREP_MARKDOWN_VIEW (view));
  g_assert_cmpstr (label_text (nth_child (content, 0)), ==, "three");

  pyprep_markdown_view_set_markdown (PYPREP_MARKDOWN_VIEW (view), NULL);
  g_assert_null (pyprep_markdown_view_get_content (PYPREP_MARKDOWN_VIEW (view)));

  g_assert_finalize_object (view);
}

/* Searched words are marked, case-insensitively and only at word starts,
 * and marking never lets the text break the markup. */
static void
test_highlights (void)
{
  GtkWidget *view = g_object_ref_sink (pyprep_markdown_view_new ());
  const char *words[] = { "gil", NULL };
  GtkWidget *label;
  const char *markup;

  pyprep_markdown_view_set_highlights (PYPREP_MARKDOWN_VIEW (view), words);
  pyprep_markdown_view_set_markdown (PYPREP_MARKDOWN_VIEW (view), "The GIL <b> & a fragile gil.\n");
  label = gtk_widget_get_first_child (pyprep_markdown_view_get_content (PYPREP_MARKDOWN_VIEW (view)));
  g_assert_cmpstr (label_text (label), ==, "The GIL <b> & a fragile gil.");
  markup = gtk_label_get_label (GTK_LABEL (label));
  g_assert_nonnull (strstr (markup, ">GIL</span>"));
  g_assert_nonnull (strstr (markup, ">gil</span>"));
  g_assert_null (strstr (markup, "fra<span"));   /* not inside "fragile" */

  pyprep_markdown_view_set_highlights (PYPREP_MARKDOWN_VIEW (view), NULL);
  pyprep_markdown_view_set_markdown (PYPREP_MARKDOWN_VIEW (view), "The GIL.\n");
  label = gtk_widget_get_first_child (pyprep_markdown_view_get_content (PYPREP_MARKDOWN_VIEW (view)));
  g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (label)), "span"));

  g_object_unref (view);
}

/* Preloading the highlighting after startup sets the code block class
 * up in a few idle steps that end: an idle source that never stopped
 * would keep the CPU busy. A language GtkSourceView does not know is
 * skipped. Runs first, before any block exists. */
static void
test_code_block_preload (void)
{
  static const char * const languages[] = { "python", "no-such-language", "c", NULL };
  guint source = pyprep_code_block_preload (languages);
  guint steps = 0;

  g_assert_null (g_type_class_peek (PYPREP_TYPE_CODE_BLOCK));
  while (g_main_context_find_source_by_id (NULL, source) != NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpuint (++steps, <, 20);
    }
  /* One step to set up, then one per language; other sources may
   * take some of the iterations. */
  g_assert_cmpuint (steps, >=, 1 + g_strv_length ((char **) languages));
  g_assert_nonnull (g_type_class_peek (PYPREP_TYPE_CODE_BLOCK));

  /* With nothing to load, it only sets up. */
  source = pyprep_code_block_preload (NULL);
  for (steps = 0; g_main_context_find_source_by_id (NULL, source) != NULL; steps++)
    {
      g_assert_cmpuint (steps, <, 10);
      g_main_context_iteration (NULL, TRUE);
    }
}

static GtkWidget *
wrapping_label (const char *markup)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  return label;
}

/* A paragraph sized as running text is exactly as tall as a plain label
 * at every width, so no line is ever cut off or followed by a gap; its
 * minimum width is a phone's; and measuring it at one width never changes
 * the text drawn at another. */
static void
test_prose_size (void)
{
  static const char markup[] =
    "Every CPython object stores how many references point at it "
    "(<tt>ob_refcnt</tt>). Binding a name, storing in a container or passing an "
    "argument <b>increments</b> it; dropping the reference decrements it.";
  static const int widths[] = { 160, 250, 400, 700 };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *plain = wrapping_label (markup);
  GtkWidget *prose = wrapping_label (markup);
  GtkWidget *word = wrapping_label ("a_single_identifier_far_too_long_to_fit_on_one_narrow_line_of_text");
  PangoLayout *layout;
  int min, nat, plain_min, plain_nat, plain_height, baseline, plain_baseline;
  int width, height;

  pyprep_prose_layout_attach (GTK_LABEL (prose), 20);
  pyprep_prose_layout_attach (GTK_LABEL (word), 10);
  g_assert_true (PYPREP_IS_PROSE_LAYOUT (gtk_widget_get_layout_manager (prose)));
  gtk_box_append (GTK_BOX (box), plain);
  gtk_box_append (GTK_BOX (box), prose);
  gtk_box_append (GTK_BOX (box), word);
  gtk_window_set_child (GTK_WINDOW (window), box);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      gtk_widget_measure (plain, GTK_ORIENTATION_VERTICAL, widths[i], &plain_min, &plain_nat, &plain_baseline, NULL);
      gtk_widget_measure (prose, GTK_ORIENTATION_VERTICAL, widths[i], &min, &nat, &baseline, NULL);
      g_assert_cmpint (min, ==, plain_min);
      g_assert_cmpint (nat, ==, plain_nat);
      g_assert_cmpint (baseline, ==, plain_baseline);
    }

  /* Narrow enough for a phone, wide enough for a few words, and still
   * tall enough there for all of its text. */
  gtk_widget_measure (prose, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  gtk_widget_measure (plain, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &plain_nat, NULL, NULL);
  g_assert_cmpint (min, ==, nat);
  g_assert_cmpint (min, >=, 60);
  g_assert_cmpint (min, <=, 300);
  g_assert_cmpint (min, <, plain_nat);
  gtk_widget_measure (plain, GTK_ORIENTATION_VERTICAL, min, NULL, &plain_height, NULL, NULL);
  gtk_widget_measure (prose, GTK_ORIENTATION_VERTICAL, min, NULL, &height, NULL, NULL);
  g_assert_cmpint (height, ==, plain_height);

  /* Given a width, the text wraps at it; a later measurement at another
   * width leaves what is drawn alone. */
  gtk_widget_measure (prose, GTK_ORIENTATION_VERTICAL, 250, &height, NULL, NULL, NULL);
  gtk_widget_allocate (prose, 250, height, -1, NULL);
  layout = gtk_label_get_layout (GTK_LABEL (prose));
  g_assert_cmpint (pango_layout_get_width (layout), ==, 250 * PANGO_SCALE);
  gtk_widget_measure (prose, GTK_ORIENTATION_VERTICAL, 333, NULL, NULL, NULL, NULL);
  g_assert_true (gtk_label_get_layout (GTK_LABEL (prose)) == layout);
  g_assert_cmpint (pango_layout_get_width (layout), ==, 250 * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, &width, NULL);
  g_assert_cmpint (width, <=, 250);

  /* A word longer than the line breaks instead of running off the edge. */
  gtk_widget_measure (word, GTK_ORIENTATION_VERTICAL, 120, &height, NULL, NULL, NULL);
  gtk_widget_allocate (word, 120, height, -1, NULL);
  layout = gtk_label_get_layout (GTK_LABEL (word));
  pango_layout_get_pixel_size (layout, &width, NULL);
  g_assert_cmpint (width, <=, 120);
  g_assert_cmpint (pango_layout_get_line_count (layout), >, 1);

  /* A table cell asks for its text's width on one line, so that longer
   * text gets a wider column, and for no more than that as a minimum. */
  plain = wrapping_label ("counts must be protected between threads");
  prose = wrapping_label ("counts must be protected between threads");
  word = wrapping_label ("O(1)");
  gtk_label_set_natural_wrap_mode (GTK_LABEL (plain), GTK_NATURAL_WRAP_NONE);
  pyprep_prose_layout_attach_to_cell (GTK_LABEL (prose), 6);
  pyprep_prose_layout_attach_to_cell (GTK_LABEL (word), 6);
  gtk_box_append (GTK_BOX (box), plain);
  gtk_box_append (GTK_BOX (box), prose);
  gtk_box_append (GTK_BOX (box), word);
  gtk_widget_measure (plain, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &plain_nat, NULL, NULL);
  gtk_widget_measure (prose, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (nat, ==, plain_nat);
  g_assert_cmpint (min, >, 0);
  g_assert_cmpint (min, <, nat / 3);
  gtk_widget_measure (word, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, nat);
  g_assert_cmpint (nat, <, plain_nat / 4);
  gtk_widget_measure (plain, GTK_ORIENTATION_VERTICAL, 120, &plain_min, NULL, NULL, NULL);
  gtk_widget_measure (prose, GTK_ORIENTATION_VERTICAL, 120, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, ==, plain_min);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A table in a column wider than it needs is as tall as its rows at that
 * width: its cells wrap less than at its narrowest, and no empty band is
 * left under them. Narrower than it needs, it scrolls sideways, as tall
 * as at its narrowest. */
static void
test_table_height (void)
{
  static const char table[] =
    "| Kind | What it means | When to use it |\n"
    "|---|---|---|\n"
    "| list | a growable sequence you index, append to and sort | most of the time |\n"
    "| tuple | a fixed record, or several values from one function | as a dict key too |\n"
    "| set | fast membership, deduplication and set algebra | when order does not matter |\n"
    "| deque | `collections.deque.appendleft` and `rotate` | queues, at both ends |\n";
  static const int widths[] = { 900, 200 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      GtkWidget *window = gtk_window_new ();
      GtkWidget *view = pyprep_markdown_view_new ();
      GtkWidget *scroller, *grid;
      int narrowest, tall, at_width;

      pyprep_markdown_view_set_markdown (PYPREP_MARKDOWN_VIEW (view), table);
      gtk_window_set_child (GTK_WINDOW (window), view);
      gtk_window_set_default_size (GTK_WINDOW (window), widths[i], 600);
      gtk_window_present (GTK_WINDOW (window));
      for (int frame = 0; frame < 5; frame++)
        while (g_main_context_iteration (NULL, FALSE))
          ;
      g_usleep (50000);
      while (g_main_context_iteration (NULL, FALSE))
        ;

      scroller = nth_child (pyprep_markdown_view_get_content (PYPREP_MARKDOWN_VIEW (view)), 0);
      g_assert_true (PYPREP_IS_SIDEWAYS_SCROLLER (scroller));
      grid = gtk_scrolled_window_get_child (pyprep_sideways_scroller_get_scroller (PYPREP_SIDEWAYS_SCROLLER (scroller)));
      if (GTK_IS_VIEWPORT (grid))
        grid = gtk_viewport_get_child (GTK_VIEWPORT (grid));
      g_assert_true (GTK_IS_GRID (grid));

      gtk_widget_measure (grid, GTK_ORIENTATION_HORIZONTAL, -1, &narrowest, NULL, NULL, NULL);
      gtk_widget_measure (grid, GTK_ORIENTATION_VERTICAL, narrowest, &tall, NULL, NULL, NULL);
      gtk_widget_measure (grid, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (grid), &at_width, NULL, NULL, NULL);
      g_assert_cmpint (gtk_widget_get_height (grid), >, 0);
      /* The scroller holds the grid and nothing under it. */
      g_assert_cmpint (ABS (gtk_widget_get_height (scroller) - gtk_widget_get_height (grid)), <=, 2);
      g_assert_cmpint (ABS (gtk_widget_get_height (grid) - at_width), <=, 2);
      if (widths[i] > narrowest + 100)
        g_assert_cmpint (gtk_widget_get_height (grid), <, tall);
      else
        {
          /* Narrower than the table: it keeps its narrowest width, and
           * scrolls. */
          g_assert_cmpint (gtk_widget_get_width (scroller), <, narrowest);
          g_assert_cmpint (gtk_widget_get_width (grid), ==, narrowest);
        }

      gtk_window_destroy (GTK_WINDOW (window));
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gtk_source_init ();

  g_test_add_func ("/pyprep/markdown-view/code-block-preload", test_code_block_preload);
  g_test_add_func ("/pyprep/markdown-view/every-construct", test_every_construct);
  g_test_add_func ("/pyprep/markdown-view/code-block-language", test_code_block_language);
  g_test_add_func ("/pyprep/markdown-view/code-block-copy", test_code_block_copy);
  g_test_add_func ("/pyprep/markdown-view/replace-and-clear", test_replace_and_clear);
  g_test_add_func ("/pyprep/markdown-view/highlights", test_highlights);
  g_test_add_func ("/pyprep/markdown-view/prose-size", test_prose_size);
  g_test_add_func ("/pyprep/markdown-view/table-height", test_table_height);

  return g_test_run ();
}
