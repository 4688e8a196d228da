/* pyprep-markdown-blocks.c: builds widgets from an answer's events.
 *
 * Prose becomes selectable GtkLabels with Pango markup (from the inline
 * stage), lists and quotes become nested boxes, tables a GtkGrid, and
 * fenced code a PyprepCodeBlock. A fence whose language is "output" is
 * attached to the code block just before it. Each top-level block is
 * built aside and moved to the content box once complete, so that the
 * caller can build as much as it has time for and stop between blocks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-markdown-blocks"

#include "config.h"

#include <string.h>

#include "pyprep-code-block.h"
#include "pyprep-markdown-blocks.h"
#include "pyprep-markdown-inline.h"
#include "pyprep-prose-layout.h"
#include "pyprep-sideways-scroller.h"
#include "pyprep-snippet.h"

/* Minimum widths in characters of the block's own font: narrow enough
 * for a phone with large text. */
#define PROSE_MIN_CHARS 20
#define HEADING_MIN_CHARS 8
#define CELL_MIN_CHARS 6

typedef struct
{
  gboolean ordered;
  guint    next_number;
} ListInfo;

struct _PyprepMarkdownBlocks
{
  PyprepMarkdownEvents *events;
  guint                 next_event;
  guint                 depth;         /* of blocks; the document is 1 */
  char                **highlights;

  GtkWidget            *content;       /* where complete top-level blocks go */
  GObject              *link_handler;
  GCallback             activate_link_cb;

  GtkWidget            *staging;       /* the top-level block being built, owned */
  GPtrArray            *containers;    /* GtkBox stack; the last is current */
  GArray               *lists;         /* ListInfo stack */
  GString              *inline_markup;
  gboolean              inline_open;
  guint                 heading_level;

  gboolean              in_code;
  GString              *code;
  char                 *code_info;

  GtkGrid              *table;
  int                   table_row;
  int                   table_column;
  gboolean              table_header;
  MD_ALIGN              cell_align;
};

static GtkWidget *
current_container (PyprepMarkdownBlocks *self)
{
  return g_ptr_array_index (self->containers, self->containers->len - 1);
}

/* A selectable label of running text. @min_chars is its minimum width
 * in characters; a table cell's is less when its text is shorter, and
 * its natural width is its text's on one line.
 *
 * A word longer than the line breaks between characters without a
 * hyphen: such words are identifiers and code ("frozenset"), where a
 * hyphen reads as a minus sign or a name that does not exist. */
static GtkWidget *
make_label (PyprepMarkdownBlocks *self,
            const char           *markup,
            int                   min_chars,
            gboolean              cell)
{
  GtkWidget *label = gtk_label_new (NULL);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  pango_attr_list_unref (attrs);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (cell)
    pyprep_prose_layout_attach_to_cell (GTK_LABEL (label), min_chars);
  else
    pyprep_prose_layout_attach (GTK_LABEL (label), min_chars);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  g_signal_connect_object (label, "activate-link", self->activate_link_cb, self->link_handler, 0);

  return label;
}

static void
append (PyprepMarkdownBlocks *self,
        GtkWidget            *widget)
{
  gtk_box_append (GTK_BOX (current_container (self)), widget);
}

static void
open_inline (PyprepMarkdownBlocks *self)
{
  if (!self->inline_open)
    {
      g_string_truncate (self->inline_markup, 0);
      self->inline_open = TRUE;
    }
}

/* Turns the pending inline text (for example a tight list item's text,
 * which md4c does not wrap in a paragraph) into a paragraph label. */
static void
flush_inline (PyprepMarkdownBlocks *self)
{
  GtkWidget *label;

  if (!self->inline_open)
    return;

  self->inline_open = FALSE;

  if (self->inline_markup->len == 0)
    return;

  label = make_label (self, self->inline_markup->str, PROSE_MIN_CHARS, FALSE);
  gtk_widget_add_css_class (label, "md-paragraph");
  append (self, label);
}

static void
push_box (PyprepMarkdownBlocks *self,
          int                   spacing,
          const char           *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, spacing);

  gtk_widget_add_css_class (box, css_class);
  append (self, box);
  g_ptr_array_add (self->containers, box);
}

static void
pop_box (PyprepMarkdownBlocks *self)
{
  g_assert (self->containers->len > 1);
  g_ptr_array_set_size (self->containers, self->containers->len - 1);
}

static void
enter_list_item (PyprepMarkdownBlocks *self)
{
  ListInfo *list = &g_array_index (self->lists, ListInfo, self->lists->len - 1);
  g_autofree char *marker_text = NULL;
  GtkWidget *row;
  GtkWidget *marker;
  GtkWidget *content;

  if (list->ordered)
    marker_text = g_strdup_printf ("%u.", list->next_number++);
  else
    marker_text = g_strdup (self->lists->len % 2 == 1 ? "•" : "◦");

  /* The marker floats in an overlay over the content's start margin. A
   * horizontal box would measure the content at several widths for every
   * item, and wrapping labels make each measurement cost a full layout. */
  row = gtk_overlay_new ();
  gtk_widget_add_css_class (row, "md-list-item");
  append (self, row);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (content, list->ordered ? 30 : 22);
  gtk_overlay_set_child (GTK_OVERLAY (row), content);

  marker = gtk_label_new (marker_text);
  gtk_widget_set_halign (marker, GTK_ALIGN_START);
  gtk_widget_set_valign (marker, GTK_ALIGN_START);
  gtk_widget_add_css_class (marker, "md-list-marker");
  gtk_accessible_update_state (GTK_ACCESSIBLE (marker), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_overlay_add_overlay (GTK_OVERLAY (row), marker);

  g_ptr_array_add (self->containers, content);
}

static void
enter_table (PyprepMarkdownBlocks *self)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_widget_add_css_class (grid, "md-table");
  /* A table spans the column, like a code block. Aligned to the start,
   * it would be measured three more times on every allocation, each
   * time laying out every cell again. A cell is at least as wide as its
   * longest word, so that no name is broken in two; a table that is
   * then wider than a phone scrolls sideways. */
  append (self, pyprep_sideways_scroller_new (grid));

  self->table = GTK_GRID (grid);
  self->table_row = -1;
}

static void
leave_table_cell (PyprepMarkdownBlocks *self)
{
  /* A table's columns must still fit a phone; the grid shares its width
   * out by the cells' natural widths. */
  GtkWidget *label = make_label (self, self->inline_markup->str, CELL_MIN_CHARS, TRUE);

  self->inline_open = FALSE;

  gtk_widget_add_css_class (label, self->table_header ? "md-table-header" : "md-table-cell");
  if (self->table_row % 2 == 0 && !self->table_header)
    gtk_widget_add_css_class (label, "md-table-even");
  gtk_widget_set_hexpand (label, TRUE);

  if (self->cell_align == MD_ALIGN_CENTER)
    gtk_label_set_xalign (GTK_LABEL (label), 0.5f);
  else if (self->cell_align == MD_ALIGN_RIGHT)
    gtk_label_set_xalign (GTK_LABEL (label), 1.0f);

  gtk_grid_attach (self->table, label, self->table_column, self->table_row, 1, 1);
  self->table_column++;
}

static void
leave_heading (PyprepMarkdownBlocks *self)
{
  static const char * const classes[] = { "title-2", "title-3", "title-4", "heading" };
  GtkWidget *label = make_label (self, self->inline_markup->str, HEADING_MIN_CHARS, FALSE);
  guint level = MIN (self->heading_level, G_N_ELEMENTS (classes));

  self->inline_open = FALSE;
  self->heading_level = 0;

  gtk_widget_add_css_class (label, classes[level - 1]);
  gtk_widget_add_css_class (label, "md-heading");
  append (self, label);
}

static void
leave_code (PyprepMarkdownBlocks *self)
{
  g_auto(GStrv) words = g_strsplit_set (self->code_info ? self->code_info : "", " \t", -1);
  const char *language = words[0] ? words[0] : "";
  GtkWidget *container = current_container (self);
  GtkWidget *previous = gtk_widget_get_last_child (container);
  GtkWidget *block;
  guint min_python, max_python;
  const char *bad_word;

  /* At the top level, the snippet an output belongs to has already moved
   * on to the content. */
  if (previous == NULL && container == self->staging)
    previous = gtk_widget_get_last_child (self->content);

  self->in_code = FALSE;

  if (g_str_equal (language, "output")
      && PYPREP_IS_CODE_BLOCK (previous)
      && !pyprep_code_block_has_output (PYPREP_CODE_BLOCK (previous)))
    {
      gboolean varies = g_strv_contains ((const char * const *)words, "varies");

      pyprep_code_block_set_output (PYPREP_CODE_BLOCK (previous), self->code->str, varies);
      return;
    }

  block = pyprep_code_block_new (language, self->code->str);
  if (pyprep_python_range_parse ((const char * const *)words, &min_python, &max_python, &bad_word))
    pyprep_code_block_set_python_range (PYPREP_CODE_BLOCK (block), min_python, max_python);
  append (self, block);
}

static void
enter_block (PyprepMarkdownBlocks      *self,
             const PyprepMarkdownEvent *event)
{
  switch (event->type)
    {
    case MD_BLOCK_DOC:
      break;

    case MD_BLOCK_QUOTE:
      flush_inline (self);
      push_box (self, 8, "md-quote");
      break;

    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      {
        ListInfo list = { event->type == MD_BLOCK_OL, 1 };

        if (event->type == MD_BLOCK_OL)
          list.next_number = event->number;
        flush_inline (self);
        g_array_append_val (self->lists, list);
        push_box (self, 6, "md-list");
      }
      break;

    case MD_BLOCK_LI:
      flush_inline (self);
      enter_list_item (self);
      break;

    case MD_BLOCK_HR:
      flush_inline (self);
      append (self, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
      break;

    case MD_BLOCK_H:
      flush_inline (self);
      self->heading_level = event->number;
      open_inline (self);
      break;

    case MD_BLOCK_CODE:
      flush_inline (self);
      self->in_code = TRUE;
      g_string_truncate (self->code, 0);
      g_free (self->code_info);
      self->code_info = g_strndup (pyprep_markdown_events_get_text (self->events, event), event->size);
      break;

    case MD_BLOCK_HTML:
    case MD_BLOCK_P:
      flush_inline (self);
      open_inline (self);
      break;

    case MD_BLOCK_TABLE:
      flush_inline (self);
      enter_table (self);
      break;

    case MD_BLOCK_THEAD:
      self->table_header = TRUE;
      break;

    case MD_BLOCK_TBODY:
      self->table_header = FALSE;
      break;

    case MD_BLOCK_TR:
      self->table_row++;
      self->table_column = 0;
      break;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      self->cell_align = event->number;
      open_inline (self);
      break;

    default:
      break;
    }
}

static void
leave_block (PyprepMarkdownBlocks      *self,
             const PyprepMarkdownEvent *event)
{
  switch (event->type)
    {
    case MD_BLOCK_DOC:
    case MD_BLOCK_P:
    case MD_BLOCK_HTML:
      flush_inline (self);
      break;

    case MD_BLOCK_QUOTE:
      flush_inline (self);
      pop_box (self);
      break;

    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      flush_inline (self);
      pop_box (self);
      g_array_set_size (self->lists, self->lists->len - 1);
      break;

    case MD_BLOCK_LI:
      flush_inline (self);
      pop_box (self);
      break;

    case MD_BLOCK_H:
      leave_heading (self);
      break;

    case MD_BLOCK_CODE:
      leave_code (self);
      break;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      leave_table_cell (self);
      break;

    case MD_BLOCK_TABLE:
      self->table = NULL;
      break;

    default:
      break;
    }
}

static void
replay (PyprepMarkdownBlocks      *self,
        const PyprepMarkdownEvent *event)
{
  switch (event->kind)
    {
    case PYPREP_MARKDOWN_EVENT_ENTER_BLOCK:
      enter_block (self, event);
      break;

    case PYPREP_MARKDOWN_EVENT_LEAVE_BLOCK:
      leave_block (self, event);
      break;

    case PYPREP_MARKDOWN_EVENT_TEXT:
      if (self->in_code)
        {
          g_string_append_len (self->code, pyprep_markdown_events_get_text (self->events, event),
                               event->size);
          break;
        }
      G_GNUC_FALLTHROUGH;
    case PYPREP_MARKDOWN_EVENT_ENTER_SPAN:
      open_inline (self);
      pyprep_markdown_inline_append (self->inline_markup, self->events, event,
                                     (const char * const *)self->highlights);
      break;

    case PYPREP_MARKDOWN_EVENT_LEAVE_SPAN:
    default:
      pyprep_markdown_inline_append (self->inline_markup, self->events, event,
                                     (const char * const *)self->highlights);
      break;
    }
}

/* Roughly how much room a block takes, counted in characters of text. */
static gsize
block_size (GtkWidget *block)
{
  gsize size = 0;

  if (GTK_IS_LABEL (block))
    return 80 + strlen (gtk_label_get_text (GTK_LABEL (block)));

  if (PYPREP_IS_CODE_BLOCK (block))
    return 400 + 2 * pyprep_code_block_get_n_lines (PYPREP_CODE_BLOCK (block)) * 80;

  for (GtkWidget *child = gtk_widget_get_first_child (block);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    size += block_size (child);

  return size;
}

/**
 * pyprep_markdown_blocks_new:
 * @events: (transfer full): the document's events
 * @content: the box the document's top-level blocks are appended to
 * @highlights: (nullable): lower-case words to mark in the text
 * @link_handler: the object whose @activate_link_cb handles links
 * @activate_link_cb: connected to each label's #GtkLabel::activate-link
 *   with @link_handler as its data, for as long as @link_handler lives
 *
 * Returns: (transfer full): a builder with nothing built yet
 */
PyprepMarkdownBlocks *
pyprep_markdown_blocks_new (PyprepMarkdownEvents *events,
                            GtkBox               *content,
                            const char * const   *highlights,
                            GObject              *link_handler,
                            GCallback             activate_link_cb)
{
  PyprepMarkdownBlocks *self;

  g_return_val_if_fail (events != NULL, NULL);
  g_return_val_if_fail (GTK_IS_BOX (content), NULL);
  g_return_val_if_fail (G_IS_OBJECT (link_handler), NULL);
  g_return_val_if_fail (activate_link_cb != NULL, NULL);

  self = g_new0 (PyprepMarkdownBlocks, 1);
  self->events = events;
  self->highlights = g_strdupv ((char **)highlights);
  self->content = g_object_ref (GTK_WIDGET (content));
  self->link_handler = link_handler;
  self->activate_link_cb = activate_link_cb;
  self->staging = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  self->containers = g_ptr_array_new ();
  self->lists = g_array_new (FALSE, FALSE, sizeof (ListInfo));
  self->inline_markup = g_string_new (NULL);
  self->code = g_string_new (NULL);
  g_ptr_array_add (self->containers, self->staging);

  return self;
}

/**
 * pyprep_markdown_blocks_build:
 * @budget: about how many characters of text to build
 *
 * Builds top-level blocks and appends each to the content as soon as it
 * is complete, until about @budget characters have been appended.
 *
 * Returns: %TRUE while events remain to be built
 */
gboolean
pyprep_markdown_blocks_build (PyprepMarkdownBlocks *self,
                              gsize                 budget)
{
  guint n_events;
  gsize shown = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  n_events = pyprep_markdown_events_get_n_events (self->events);
  while (shown < budget && self->next_event < n_events)
    {
      const PyprepMarkdownEvent *event = pyprep_markdown_events_get (self->events, self->next_event++);
      GtkWidget *block;

      if (event->kind == PYPREP_MARKDOWN_EVENT_ENTER_BLOCK)
        self->depth++;
      replay (self, event);
      if (event->kind != PYPREP_MARKDOWN_EVENT_LEAVE_BLOCK || --self->depth > 1)
        continue;

      /* A top-level block is complete. */
      while ((block = gtk_widget_get_first_child (self->staging)) != NULL)
        {
          shown += block_size (block);
          g_object_ref (block);
          gtk_box_remove (GTK_BOX (self->staging), block);
          gtk_box_append (GTK_BOX (self->content), block);
          g_object_unref (block);
        }
    }

  return self->next_event < n_events;
}

void
pyprep_markdown_blocks_free (PyprepMarkdownBlocks *self)
{
  if (self == NULL)
    return;

  pyprep_markdown_events_free (self->events);
  g_strfreev (self->highlights);
  g_clear_object (&self->content);
  g_clear_object (&self->staging);
  g_ptr_array_unref (self->containers);
  g_array_unref (self->lists);
  g_string_free (self->inline_markup, TRUE);
  g_string_free (self->code, TRUE);
  g_free (self->code_info);
  g_free (self);
}
