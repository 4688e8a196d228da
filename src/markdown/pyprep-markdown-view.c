/* pyprep-markdown-view.c: turns md4c's parse events into widgets.
 *
 * Prose becomes selectable GtkLabels with Pango markup, lists and quotes
 * become nested boxes, tables a GtkGrid, and fenced code a PyprepCodeBlock.
 * Every piece of text from the document is escaped before it is put into
 * markup, so content can never break or inject Pango markup. A fence
 * whose language is "output" is attached to the code block just before it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-markdown-view"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>
#include <md4c.h>

#include "pyprep-code-block.h"
#include "pyprep-markdown-view.h"
#include "pyprep-prose-layout.h"
#include "pyprep-snippet.h"

/* md4c parses the whole answer at once into a list of events, which is
 * cheap; widgets are built from those events only for about a screenful
 * of text, in characters, before the first frame. The rest is built and
 * shown in idle time, so that switching to a long answer costs only what
 * the screen shows. */
#define FIRST_SCREEN_CHARS 1200
/* Minimum widths in characters of the block's own font: narrow enough
 * for a phone with large text. */
#define PROSE_MIN_CHARS 20
#define HEADING_MIN_CHARS 8
#define CELL_MIN_CHARS 6
#define CHARS_PER_IDLE 2400

typedef struct _Builder Builder;

struct _PyprepMarkdownView
{
  GtkWidget  parent_instance;

  GtkWidget *content;
  Builder   *builder;     /* while blocks remain to be built */
  GPtrArray *retired;     /* earlier answers' content, to free */
  guint      idle_id;
  GdkFrameClock *clock;   /* while waiting for a frame to be painted */
  gulong     after_paint_id;
  GStrv      highlights;  /* lower-case words to mark, or NULL */
  gboolean   building;    /* as last notified */
};

G_DEFINE_FINAL_TYPE (PyprepMarkdownView, pyprep_markdown_view, GTK_TYPE_WIDGET)

enum {
  ACTIVATE_LINK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_BUILDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  gboolean ordered;
  guint    next_number;
} ListInfo;

typedef enum
{
  EVENT_ENTER_BLOCK,
  EVENT_LEAVE_BLOCK,
  EVENT_ENTER_SPAN,
  EVENT_LEAVE_SPAN,
  EVENT_TEXT,
} EventKind;

/* One md4c callback, recorded. md4c's details point into its own
 * buffers, so the few fields the builder reads are copied: a number
 * (a list's start, a heading's level, a cell's alignment) and a string
 * (a text run, a fence's info string, a link's target) in the pool. */
typedef struct
{
  EventKind kind;
  int       type;
  int       number;
  gsize     offset;
  gsize     size;
} Event;

struct _Builder
{
  PyprepMarkdownView *view;
  GtkWidget          *staging;      /* the top-level block being built, owned */
  GPtrArray          *containers;   /* GtkBox stack; the last is current */
  GArray             *lists;        /* ListInfo stack */
  GString            *inline_markup;
  gboolean            inline_open;
  guint               heading_level;

  gboolean            in_code;
  GString            *code;
  char               *code_info;

  const char * const *highlights;

  GtkGrid            *table;
  int                 table_row;
  int                 table_column;
  gboolean            table_header;
  MD_ALIGN            cell_align;

  GArray             *events;       /* Event */
  GString            *pool;
  guint               next_event;
  guint               depth;        /* of blocks; the document is 1 */
};

static gboolean
label_activate_link_cb (GtkLabel           *label,
                        const char         *uri,
                        PyprepMarkdownView *self)
{
  gboolean handled = FALSE;

  g_signal_emit (self, signals[ACTIVATE_LINK], 0, uri, &handled);
  return handled;
}

static GtkWidget *
current_container (Builder *builder)
{
  return g_ptr_array_index (builder->containers, builder->containers->len - 1);
}

/* A selectable label of running text. @min_chars is its minimum width
 * in characters; a table cell's is less when its text is shorter, and
 * its natural width is its text's on one line. */
static GtkWidget *
make_label (Builder    *builder,
            const char *markup,
            int         min_chars,
            gboolean    cell)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (cell)
    pyprep_prose_layout_attach_to_cell (GTK_LABEL (label), min_chars);
  else
    pyprep_prose_layout_attach (GTK_LABEL (label), min_chars);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  g_signal_connect_object (label, "activate-link",
                           G_CALLBACK (label_activate_link_cb), builder->view, 0);

  return label;
}

static void
append (Builder   *builder,
        GtkWidget *widget)
{
  gtk_box_append (GTK_BOX (current_container (builder)), widget);
}

static void
open_inline (Builder *builder)
{
  if (!builder->inline_open)
    {
      g_string_truncate (builder->inline_markup, 0);
      builder->inline_open = TRUE;
    }
}

/* Turns the pending inline text (for example a tight list item's text,
 * which md4c does not wrap in a paragraph) into a paragraph label. */
static void
flush_inline (Builder *builder)
{
  GtkWidget *label;

  if (!builder->inline_open)
    return;

  builder->inline_open = FALSE;

  if (builder->inline_markup->len == 0)
    return;

  label = make_label (builder, builder->inline_markup->str, PROSE_MIN_CHARS, FALSE);
  gtk_widget_add_css_class (label, "md-paragraph");
  append (builder, label);
}

static GtkWidget *
push_box (Builder        *builder,
          GtkOrientation  orientation,
          int             spacing,
          const char     *css_class)
{
  GtkWidget *box = gtk_box_new (orientation, spacing);

  if (css_class != NULL)
    gtk_widget_add_css_class (box, css_class);
  append (builder, box);
  g_ptr_array_add (builder->containers, box);

  return box;
}

static void
pop_box (Builder *builder)
{
  g_assert (builder->containers->len > 1);
  g_ptr_array_set_size (builder->containers, builder->containers->len - 1);
}

static void
enter_list_item (Builder *builder)
{
  ListInfo *list = &g_array_index (builder->lists, ListInfo, builder->lists->len - 1);
  g_autofree char *marker_text = NULL;
  GtkWidget *row;
  GtkWidget *marker;
  GtkWidget *content;

  if (list->ordered)
    marker_text = g_strdup_printf ("%u.", list->next_number++);
  else
    marker_text = g_strdup (builder->lists->len % 2 == 1 ? "•" : "◦");

  /* The marker floats in an overlay over the content's start margin. A
   * horizontal box would measure the content at several widths for every
   * item, and wrapping labels make each measurement cost a full layout. */
  row = gtk_overlay_new ();
  gtk_widget_add_css_class (row, "md-list-item");
  append (builder, row);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (content, list->ordered ? 30 : 22);
  gtk_overlay_set_child (GTK_OVERLAY (row), content);

  marker = gtk_label_new (marker_text);
  gtk_widget_set_halign (marker, GTK_ALIGN_START);
  gtk_widget_set_valign (marker, GTK_ALIGN_START);
  gtk_widget_add_css_class (marker, "md-list-marker");
  gtk_accessible_update_state (GTK_ACCESSIBLE (marker), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_overlay_add_overlay (GTK_OVERLAY (row), marker);

  g_ptr_array_add (builder->containers, content);
}

static void
enter_table (Builder *builder)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_widget_add_css_class (grid, "md-table");
  /* A table spans the column, like a code block. Aligned to the start,
   * it would be measured three more times on every allocation, each
   * time laying out every cell again. */
  append (builder, grid);

  builder->table = GTK_GRID (grid);
  builder->table_row = -1;
}

static void
leave_table_cell (Builder *builder)
{
  /* A table's columns must still fit a phone; the grid shares its width
   * out by the cells' natural widths. */
  GtkWidget *label = make_label (builder, builder->inline_markup->str, CELL_MIN_CHARS, TRUE);

  builder->inline_open = FALSE;

  gtk_widget_add_css_class (label, builder->table_header ? "md-table-header" : "md-table-cell");
  if (builder->table_row % 2 == 0 && !builder->table_header)
    gtk_widget_add_css_class (label, "md-table-even");
  gtk_widget_set_hexpand (label, TRUE);

  switch (builder->cell_align)
    {
    case MD_ALIGN_CENTER:
      gtk_label_set_xalign (GTK_LABEL (label), 0.5f);
      break;
    case MD_ALIGN_RIGHT:
      gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
      break;
    case MD_ALIGN_DEFAULT:
    case MD_ALIGN_LEFT:
    default:
      break;
    }

  gtk_grid_attach (builder->table, label, builder->table_column, builder->table_row, 1, 1);
  builder->table_column++;
}

static void
leave_heading (Builder *builder)
{
  static const char * const classes[] = { "title-2", "title-3", "title-4", "heading" };
  GtkWidget *label = make_label (builder, builder->inline_markup->str, HEADING_MIN_CHARS, FALSE);
  guint level = MIN (builder->heading_level, G_N_ELEMENTS (classes));

  builder->inline_open = FALSE;
  builder->heading_level = 0;

  gtk_widget_add_css_class (label, classes[level - 1]);
  gtk_widget_add_css_class (label, "md-heading");
  append (builder, label);
}

static void
leave_code (Builder *builder)
{
  g_auto(GStrv) words = g_strsplit_set (builder->code_info ? builder->code_info : "", " \t", -1);
  const char *language = words[0] ? words[0] : "";
  GtkWidget *container = current_container (builder);
  GtkWidget *previous = gtk_widget_get_last_child (container);
  GtkWidget *block;
  guint min_python, max_python;
  const char *bad_word;

  /* At the top level, the snippet an output belongs to has already moved
   * on to the shown content. */
  if (previous == NULL && container == builder->staging)
    previous = gtk_widget_get_last_child (builder->view->content);

  builder->in_code = FALSE;

  if (g_str_equal (language, "output")
      && PYPREP_IS_CODE_BLOCK (previous)
      && !pyprep_code_block_has_output (PYPREP_CODE_BLOCK (previous)))
    {
      gboolean varies = g_strv_contains ((const char * const *)words, "varies");

      pyprep_code_block_set_output (PYPREP_CODE_BLOCK (previous), builder->code->str, varies);
      return;
    }

  block = pyprep_code_block_new (language, builder->code->str);
  if (pyprep_python_range_parse ((const char * const *)words, &min_python, &max_python, &bad_word))
    pyprep_code_block_set_python_range (PYPREP_CODE_BLOCK (block), min_python, max_python);
  append (builder, block);
}

static int
enter_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Builder *builder = user_data;

  switch (type)
    {
    case MD_BLOCK_DOC:
      break;

    case MD_BLOCK_QUOTE:
      flush_inline (builder);
      push_box (builder, GTK_ORIENTATION_VERTICAL, 8, "md-quote");
      break;

    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      {
        ListInfo list = { type == MD_BLOCK_OL, 1 };

        if (type == MD_BLOCK_OL)
          list.next_number = ((MD_BLOCK_OL_DETAIL *)detail)->start;
        flush_inline (builder);
        g_array_append_val (builder->lists, list);
        push_box (builder, GTK_ORIENTATION_VERTICAL, 6, "md-list");
      }
      break;

    case MD_BLOCK_LI:
      flush_inline (builder);
      enter_list_item (builder);
      break;

    case MD_BLOCK_HR:
      flush_inline (builder);
      append (builder, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
      break;

    case MD_BLOCK_H:
      flush_inline (builder);
      builder->heading_level = ((MD_BLOCK_H_DETAIL *)detail)->level;
      open_inline (builder);
      break;

    case MD_BLOCK_CODE:
      {
        MD_BLOCK_CODE_DETAIL *code = detail;

        flush_inline (builder);
        builder->in_code = TRUE;
        g_string_truncate (builder->code, 0);
        g_free (builder->code_info);
        builder->code_info = g_strndup (code->info.text, code->info.size);
      }
      break;

    case MD_BLOCK_HTML:
    case MD_BLOCK_P:
      flush_inline (builder);
      open_inline (builder);
      break;

    case MD_BLOCK_TABLE:
      flush_inline (builder);
      enter_table (builder);
      break;

    case MD_BLOCK_THEAD:
      builder->table_header = TRUE;
      break;

    case MD_BLOCK_TBODY:
      builder->table_header = FALSE;
      break;

    case MD_BLOCK_TR:
      builder->table_row++;
      builder->table_column = 0;
      break;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      builder->cell_align = ((MD_BLOCK_TD_DETAIL *)detail)->align;
      open_inline (builder);
      break;

    default:
      break;
    }

  return 0;
}

static int
leave_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Builder *builder = user_data;

  switch (type)
    {
    case MD_BLOCK_DOC:
    case MD_BLOCK_P:
    case MD_BLOCK_HTML:
      flush_inline (builder);
      break;

    case MD_BLOCK_QUOTE:
      flush_inline (builder);
      pop_box (builder);
      break;

    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      flush_inline (builder);
      pop_box (builder);
      g_array_set_size (builder->lists, builder->lists->len - 1);
      break;

    case MD_BLOCK_LI:
      flush_inline (builder);
      pop_box (builder);
      break;

    case MD_BLOCK_H:
      leave_heading (builder);
      break;

    case MD_BLOCK_CODE:
      leave_code (builder);
      break;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      leave_table_cell (builder);
      break;

    case MD_BLOCK_TABLE:
      builder->table = NULL;
      break;

    default:
      break;
    }

  return 0;
}

/* Length of the highlighted word starting at @text, or 0. */
static gsize
highlight_at (Builder       *builder,
              const MD_CHAR *text,
              const MD_CHAR *start,
              MD_SIZE        left)
{
  if (text > start && (g_ascii_isalnum (text[-1]) || text[-1] == '_'))
    return 0;

  for (guint i = 0; builder->highlights[i] != NULL; i++)
    {
      gsize n = strlen (builder->highlights[i]);

      if (n > 0 && n <= left && g_ascii_strncasecmp (text, builder->highlights[i], n) == 0)
        return n;
    }

  return 0;
}

/* Escapes @text into the markup; words the reader searched for are
 * marked, so the opened answer shows where they are. */
static void
append_escaped (Builder       *builder,
                const MD_CHAR *text,
                MD_SIZE        size)
{
  MD_SIZE plain = 0;

  if (builder->highlights == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (text, size);

      g_string_append (builder->inline_markup, escaped);
      return;
    }

  for (MD_SIZE i = 0; i < size; )
    {
      gsize n = highlight_at (builder, text + i, text, size - i);

      if (n == 0)
        {
          i++;
          continue;
        }

      {
        g_autofree char *before = g_markup_escape_text (text + plain, i - plain);
        g_autofree char *word = g_markup_escape_text (text + i, n);

        g_string_append (builder->inline_markup, before);
        g_string_append_printf (builder->inline_markup,
                                "<span bgcolor=\"#f6d32d80\">%s</span>", word);
      }
      i += n;
      plain = i;
    }

  {
    g_autofree char *rest = g_markup_escape_text (text + plain, size - plain);

    g_string_append (builder->inline_markup, rest);
  }
}

static void
append_attribute (GString            *string,
                  const MD_ATTRIBUTE *attribute)
{
  g_autofree char *escaped = g_markup_escape_text (attribute->text, attribute->size);

  g_string_append (string, escaped);
}

/* md4c hands entities over undecoded; resolve the numeric ones and the few
 * named ones worth writing, and show anything else literally. */
static void
append_entity (Builder       *builder,
               const MD_CHAR *text,
               MD_SIZE        size)
{
  static const struct { const char *name; gunichar ch; } named[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' },
    { "&apos;", '\'' }, { "&nbsp;", 0x00A0 }, { "&mdash;", 0x2014 },
    { "&ndash;", 0x2013 }, { "&hellip;", 0x2026 }, { "&times;", 0x00D7 },
    { "&rarr;", 0x2192 }, { "&larr;", 0x2190 }, { "&le;", 0x2264 }, { "&ge;", 0x2265 },
  };
  g_autofree char *entity = g_strndup (text, size);
  gunichar ch = 0;
  char utf8[7];
  int n;

  if (size > 3 && entity[1] == '#')
    {
      gboolean hex = entity[2] == 'x' || entity[2] == 'X';
      guint64 value = g_ascii_strtoull (entity + (hex ? 3 : 2), NULL, hex ? 16 : 10);

      if (value > 0 && value <= 0x10FFFF && g_unichar_validate ((gunichar)value))
        ch = (gunichar)value;
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (named); i++)
        if (g_str_equal (entity, named[i].name))
          ch = named[i].ch;
    }

  if (ch == 0)
    {
      append_escaped (builder, text, size);
      return;
    }

  n = g_unichar_to_utf8 (ch, utf8);
  append_escaped (builder, utf8, n);
}

static int
text_cb (MD_TEXTTYPE    type,
         const MD_CHAR *text,
         MD_SIZE        size,
         void          *user_data)
{
  Builder *builder = user_data;

  if (builder->in_code)
    {
      g_string_append_len (builder->code, text, size);
      return 0;
    }

  open_inline (builder);

  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      g_string_append (builder->inline_markup, "\xEF\xBF\xBD");
      break;

    case MD_TEXT_BR:
      g_string_append_c (builder->inline_markup, '\n');
      break;

    case MD_TEXT_SOFTBR:
      g_string_append_c (builder->inline_markup, ' ');
      break;

    case MD_TEXT_ENTITY:
      append_entity (builder, text, size);
      break;

    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_HTML:
    case MD_TEXT_LATEXMATH:
    default:
      append_escaped (builder, text, size);
      break;
    }

  return 0;
}

static int
enter_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  Builder *builder = user_data;
  GString *markup;

  open_inline (builder);
  markup = builder->inline_markup;

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
      g_string_append (markup, "<span font_family=\"monospace\" bgcolor=\"#8080802e\">");
      break;

    case MD_SPAN_A:
      g_string_append (markup, "<a href=\"");
      append_attribute (markup, &((MD_SPAN_A_DETAIL *)detail)->href);
      g_string_append (markup, "\">");
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

  return 0;
}

static int
leave_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  Builder *builder = user_data;
  GString *markup = builder->inline_markup;

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

  return 0;
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

/* Recording md4c's events ------------------------------------------------ */

static void
record (GArray     *events,
        GString    *pool,
        EventKind   kind,
        int         type,
        int         number,
        const char *text,
        gsize       size)
{
  Event event = { kind, type, number, pool->len, size };

  if (size > 0)
    g_string_append_len (pool, text, size);
  g_array_append_val (events, event);
}

static int
record_enter_block_cb (MD_BLOCKTYPE  type,
                       void         *detail,
                       void         *user_data)
{
  Builder *builder = user_data;
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

  record (builder->events, builder->pool, EVENT_ENTER_BLOCK, type, number, text, size);
  return 0;
}

static int
record_leave_block_cb (MD_BLOCKTYPE  type,
                       void         *detail,
                       void         *user_data)
{
  Builder *builder = user_data;

  record (builder->events, builder->pool, EVENT_LEAVE_BLOCK, type, 0, NULL, 0);
  return 0;
}

static int
record_enter_span_cb (MD_SPANTYPE  type,
                      void        *detail,
                      void        *user_data)
{
  Builder *builder = user_data;
  const MD_ATTRIBUTE *href = type == MD_SPAN_A ? &((MD_SPAN_A_DETAIL *)detail)->href : NULL;

  record (builder->events, builder->pool, EVENT_ENTER_SPAN, type, 0,
          href ? href->text : NULL, href ? href->size : 0);
  return 0;
}

static int
record_leave_span_cb (MD_SPANTYPE  type,
                      void        *detail,
                      void        *user_data)
{
  Builder *builder = user_data;

  record (builder->events, builder->pool, EVENT_LEAVE_SPAN, type, 0, NULL, 0);
  return 0;
}

static int
record_text_cb (MD_TEXTTYPE    type,
                const MD_CHAR *text,
                MD_SIZE        size,
                void          *user_data)
{
  Builder *builder = user_data;

  record (builder->events, builder->pool, EVENT_TEXT, type, 0, text, size);
  return 0;
}

/* Replaying them into widgets ------------------------------------------- */

static void
builder_free (Builder *builder)
{
  g_clear_object (&builder->staging);
  g_ptr_array_unref (builder->containers);
  g_array_unref (builder->lists);
  g_string_free (builder->inline_markup, TRUE);
  g_string_free (builder->code, TRUE);
  g_free (builder->code_info);
  g_strfreev ((char **)builder->highlights);
  g_array_unref (builder->events);
  g_string_free (builder->pool, TRUE);
  g_free (builder);
}

static void
replay (Builder     *builder,
        const Event *event)
{
  const char *text = builder->pool->str + event->offset;

  switch (event->kind)
    {
    case EVENT_ENTER_BLOCK:
      {
        MD_BLOCK_OL_DETAIL ol = { .start = event->number };
        MD_BLOCK_H_DETAIL h = { .level = event->number };
        MD_BLOCK_TD_DETAIL td = { .align = event->number };
        MD_BLOCK_CODE_DETAIL code = { .info = { .text = text, .size = event->size } };
        void *detail = NULL;

        switch (event->type)
          {
          case MD_BLOCK_OL: detail = &ol; break;
          case MD_BLOCK_H: detail = &h; break;
          case MD_BLOCK_TH:
          case MD_BLOCK_TD: detail = &td; break;
          case MD_BLOCK_CODE: detail = &code; break;
          default: break;
          }
        enter_block_cb (event->type, detail, builder);
      }
      break;

    case EVENT_LEAVE_BLOCK:
      leave_block_cb (event->type, NULL, builder);
      break;

    case EVENT_ENTER_SPAN:
      {
        MD_SPAN_A_DETAIL a = { .href = { .text = text, .size = event->size } };

        enter_span_cb (event->type, event->type == MD_SPAN_A ? &a : NULL, builder);
      }
      break;

    case EVENT_LEAVE_SPAN:
      leave_span_cb (event->type, NULL, builder);
      break;

    case EVENT_TEXT:
    default:
      text_cb (event->type, text, event->size, builder);
      break;
    }
}

/* Builds top-level blocks and shows each as soon as it is complete, until
 * about @budget characters have been shown. Returns %TRUE while events
 * remain. */
static gboolean
build_blocks (PyprepMarkdownView *self,
              gsize               budget)
{
  Builder *builder = self->builder;
  gsize shown = 0;

  while (shown < budget && builder->next_event < builder->events->len)
    {
      const Event *event = &g_array_index (builder->events, Event, builder->next_event++);
      GtkWidget *block;

      if (event->kind == EVENT_ENTER_BLOCK)
        builder->depth++;
      replay (builder, event);
      if (event->kind != EVENT_LEAVE_BLOCK || --builder->depth > 1)
        continue;

      /* A top-level block is complete. */
      while ((block = gtk_widget_get_first_child (builder->staging)) != NULL)
        {
          shown += block_size (block);
          g_object_ref (block);
          gtk_box_remove (GTK_BOX (builder->staging), block);
          gtk_box_append (GTK_BOX (self->content), block);
          g_object_unref (block);
        }
    }

  return builder->next_event < builder->events->len;
}

static void
finish_building (PyprepMarkdownView *self)
{
  g_clear_pointer (&self->builder, builder_free);
}

/* Tells whether blocks are still waiting to be built, once the state has
 * settled: switching answers finishes the old one and starts the new one
 * in the same call, which is no change for anyone watching. */
static void
update_building (PyprepMarkdownView *self)
{
  gboolean building = self->builder != NULL;

  if (building == self->building)
    return;

  self->building = building;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUILDING]);
}

/* Earlier answers stay children, hidden, until the new one has been
 * painted: taking a large tree out of the window costs as much as
 * building a small one. */
static void
retire_all (PyprepMarkdownView *self)
{
  for (guint i = 0; i < self->retired->len; i++)
    {
      GtkWidget *old = g_ptr_array_index (self->retired, i);

      if (gtk_widget_get_parent (old) == GTK_WIDGET (self))
        gtk_widget_unparent (old);
    }
  g_ptr_array_set_size (self->retired, 0);
}

/* What is left over from a switch (building the rest of the answer,
 * freeing the previous one) waits until the new answer's first frame
 * has been painted: as a plain idle it could run before that frame, whose
 * timer may not have expired yet when the main loop looks for work. */
static gboolean
deferred_idle_cb (gpointer user_data)
{
  PyprepMarkdownView *self = user_data;

  if (self->retired->len > 0)
    {
      retire_all (self);
      return G_SOURCE_CONTINUE;
    }

  if (self->builder != NULL && build_blocks (self, CHARS_PER_IDLE))
    return G_SOURCE_CONTINUE;

  finish_building (self);
  self->idle_id = 0;
  update_building (self);
  return G_SOURCE_REMOVE;
}

static void
stop_waiting_for_paint (PyprepMarkdownView *self)
{
  if (self->clock != NULL)
    {
      g_clear_signal_handler (&self->after_paint_id, self->clock);
      g_clear_object (&self->clock);
    }
}

static void
after_paint_cb (GdkFrameClock      *clock,
                PyprepMarkdownView *self)
{
  stop_waiting_for_paint (self);
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_LOW, deferred_idle_cb, self, NULL);
}

static void
defer_until_painted (PyprepMarkdownView *self)
{
  GdkFrameClock *clock;

  if (self->builder == NULL && self->retired->len == 0)
    return;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    {
      /* Not shown: there is no frame to wait for. */
      stop_waiting_for_paint (self);
      self->idle_id = g_idle_add_full (G_PRIORITY_LOW, deferred_idle_cb, self, NULL);
      return;
    }

  if (self->clock == clock)
    return;

  stop_waiting_for_paint (self);
  self->clock = g_object_ref (clock);
  self->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
}

static void
clear (PyprepMarkdownView *self)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);
  finish_building (self);
  if (self->content != NULL)
    {
      gtk_widget_set_visible (self->content, FALSE);
      g_ptr_array_add (self->retired, g_object_ref (self->content));
      self->content = NULL;
    }
}

/* A widget that leaves the screen leaves its frame clock behind, and the
 * frame it was waiting for will not come. */
static void
pyprep_markdown_view_unrealize (GtkWidget *widget)
{
  PyprepMarkdownView *self = PYPREP_MARKDOWN_VIEW (widget);

  if (self->clock != NULL)
    {
      stop_waiting_for_paint (self);
      if (self->idle_id == 0)
        self->idle_id = g_idle_add_full (G_PRIORITY_LOW, deferred_idle_cb, self, NULL);
    }

  GTK_WIDGET_CLASS (pyprep_markdown_view_parent_class)->unrealize (widget);
}

static void
pyprep_markdown_view_dispose (GObject *object)
{
  PyprepMarkdownView *self = (PyprepMarkdownView *)object;

  clear (self);
  stop_waiting_for_paint (self);
  if (self->retired != NULL)
    retire_all (self);
  g_clear_pointer (&self->retired, g_ptr_array_unref);
  g_clear_pointer (&self->highlights, g_strfreev);

  G_OBJECT_CLASS (pyprep_markdown_view_parent_class)->dispose (object);
}

static void
pyprep_markdown_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PyprepMarkdownView *self = PYPREP_MARKDOWN_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUILDING:
      g_value_set_boolean (value, self->building);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_markdown_view_class_init (PyprepMarkdownViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_markdown_view_dispose;
  object_class->get_property = pyprep_markdown_view_get_property;
  widget_class->unrealize = pyprep_markdown_view_unrealize;

  /**
   * PyprepMarkdownView:building:
   *
   * Whether part of the document is still being built in idle time. A
   * long answer shows its first screenful at once and the rest soon
   * after; what follows the answer on a page can wait for it, so that
   * it does not appear below the first screenful and then move down.
   */
  properties[PROP_BUILDING] =
    g_param_spec_boolean ("building", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PyprepMarkdownView::activate-link:
   * @uri: the link's target
   *
   * Emitted when a link in the text is activated. Return %TRUE when the
   * link was handled; otherwise it opens in the default handler.
   */
  signals[ACTIVATE_LINK] =
    g_signal_new ("activate-link",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  g_signal_accumulator_true_handled, NULL,
                  NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "markdownview");
}

static void
pyprep_markdown_view_init (PyprepMarkdownView *self)
{
  self->retired = g_ptr_array_new_with_free_func (g_object_unref);
}

GtkWidget *
pyprep_markdown_view_new (void)
{
  return g_object_new (PYPREP_TYPE_MARKDOWN_VIEW, NULL);
}

/**
 * pyprep_markdown_view_set_highlights:
 * @words: (nullable): words to mark in the next document set, matched
 *   case-insensitively at the start of words; %NULL for none
 */
void
pyprep_markdown_view_set_highlights (PyprepMarkdownView *self,
                                     const char * const *words)
{
  g_return_if_fail (PYPREP_IS_MARKDOWN_VIEW (self));

  g_clear_pointer (&self->highlights, g_strfreev);
  if (words != NULL && words[0] != NULL)
    self->highlights = g_strdupv ((char **)words);
}

/**
 * pyprep_markdown_view_get_building:
 *
 * Returns: whether part of the document is still waiting to be built
 */
gboolean
pyprep_markdown_view_get_building (PyprepMarkdownView *self)
{
  g_return_val_if_fail (PYPREP_IS_MARKDOWN_VIEW (self), FALSE);

  return self->building;
}

/**
 * pyprep_markdown_view_get_content:
 *
 * Returns the box holding the rendered blocks, all of them: blocks still
 * waiting to be built are built first.
 *
 * Returns: (transfer none) (nullable): the content box
 */
GtkWidget *
pyprep_markdown_view_get_content (PyprepMarkdownView *self)
{
  g_return_val_if_fail (PYPREP_IS_MARKDOWN_VIEW (self), NULL);

  if (self->builder != NULL)
    {
      build_blocks (self, G_MAXSIZE);
      finish_building (self);
      update_building (self);
    }

  return self->content;
}

void
pyprep_markdown_view_set_markdown (PyprepMarkdownView *self,
                                   const char         *markdown)
{
  const MD_PARSER parser = {
    .abi_version = 0,
    .flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEURLAUTOLINKS
             | MD_FLAG_NOHTML,
    .enter_block = record_enter_block_cb,
    .leave_block = record_leave_block_cb,
    .enter_span = record_enter_span_cb,
    .leave_span = record_leave_span_cb,
    .text = record_text_cb,
  };
  Builder *builder;

  g_return_if_fail (PYPREP_IS_MARKDOWN_VIEW (self));

  clear (self);

  if (markdown == NULL)
    {
      defer_until_painted (self);
      update_building (self);
      return;
    }

  builder = g_new0 (Builder, 1);
  builder->view = self;
  builder->highlights = (const char * const *)g_strdupv (self->highlights);
  builder->staging = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  builder->containers = g_ptr_array_new ();
  builder->lists = g_array_new (FALSE, FALSE, sizeof (ListInfo));
  builder->inline_markup = g_string_new (NULL);
  builder->code = g_string_new (NULL);
  builder->events = g_array_new (FALSE, FALSE, sizeof (Event));
  builder->pool = g_string_sized_new (strlen (markdown));
  g_ptr_array_add (builder->containers, builder->staging);

  if (md_parse (markdown, strlen (markdown), &parser, builder) != 0)
    g_warning ("md4c could not parse the answer text");

  self->builder = builder;
  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (self->content, "md-document");
  gtk_widget_set_parent (self->content, GTK_WIDGET (self));

  if (!build_blocks (self, FIRST_SCREEN_CHARS))
    finish_building (self);
  defer_until_painted (self);
  update_building (self);
}
