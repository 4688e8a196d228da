/* pyprep-python-editor.c: Python editing in a GtkSourceView: four-space
 * indents, Tab and Shift+Tab indenting and dedenting the selection,
 * matching brackets, and a new line indented the way Python wants it:
 * one level deeper after a colon, one level back after return, pass,
 * raise, break or continue. GtkSourceView's own indenter only copies the
 * previous line's indent.
 *
 * Also the one choice every view of code shares: whether long lines
 * wrap or scroll sideways, read from the app's settings object bound
 * with pyprep_code_wrap_bind(); this layer does not know the app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-python-editor"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "pyprep-python-editor.h"

struct _PyprepPythonIndenter
{
  GObject        parent_instance;

  /* The view the indenter was set up on (see keep_line_start()); it
   * owns the indenter. */
  GtkTextView   *view;
  guint          tick_id;
  guint          ticks;
  gboolean       cursor_moved;
};

static void indenter_iface_init (GtkSourceIndenterInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PyprepPythonIndenter, pyprep_python_indenter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GTK_SOURCE_TYPE_INDENTER, indenter_iface_init))

/* The line without a trailing comment or spaces. A '#' inside a string
 * is not a comment; triple quotes are not tracked, which only costs an
 * indent the user can undo. */
static char *
code_part (const char *line)
{
  char quote = 0;
  gsize end = strlen (line);

  for (gsize i = 0; line[i] != '\0'; i++)
    {
      char c = line[i];

      if (quote != 0)
        {
          if (c == '\\' && line[i + 1] != '\0')
            i++;
          else if (c == quote)
            quote = 0;
        }
      else if (c == '\'' || c == '"')
        quote = c;
      else if (c == '#')
        {
          end = i;
          break;
        }
    }

  return g_strchomp (g_strndup (line, end));
}

static gboolean
starts_with_word (const char *text,
                  const char *word)
{
  gsize n = strlen (word);

  return strncmp (text, word, n) == 0 && !g_ascii_isalnum (text[n]) && text[n] != '_';
}

/**
 * pyprep_python_indent_after:
 * @line: a line of Python
 *
 * Returns: (transfer full): the indent for the line that follows @line
 */
char *
pyprep_python_indent_after (const char *line,
                            guint       indent_width)
{
  g_autofree char *code = code_part (line);
  const char *stripped = code;
  gsize indent = 0;

  while (*stripped == ' ' || *stripped == '\t')
    {
      indent += *stripped == '\t' ? indent_width : 1;
      stripped++;
    }

  if (g_str_has_suffix (stripped, ":"))
    indent += indent_width;
  else if (starts_with_word (stripped, "return") || starts_with_word (stripped, "pass")
           || starts_with_word (stripped, "raise") || starts_with_word (stripped, "break")
           || starts_with_word (stripped, "continue"))
    indent = indent >= indent_width ? indent - indent_width : 0;

  /* A blank line keeps the indent the user had typed on it. */
  if (*stripped == '\0')
    {
      indent = 0;
      for (const char *p = line; *p == ' ' || *p == '\t'; p++)
        indent += *p == '\t' ? indent_width : 1;
    }

  return g_strnfill (indent, ' ');
}

static gboolean
indenter_is_trigger (GtkSourceIndenter *indenter,
                     GtkSourceView     *view,
                     const GtkTextIter *location,
                     GdkModifierType    state,
                     guint              keyval)
{
  if ((state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0)
    return FALSE;
  return keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter;
}

/* Called just after a new line was inserted, at its start. */
static void
indenter_indent (GtkSourceIndenter *indenter,
                 GtkSourceView     *view,
                 GtkTextIter       *iter)
{
  GtkTextBuffer *buffer = gtk_text_iter_get_buffer (iter);
  GtkTextIter previous_start, previous_end, line_start, text_start;
  g_autofree char *previous = NULL;
  g_autofree char *indent = NULL;
  guint width = gtk_source_view_get_indent_width (view);

  if (gtk_text_iter_get_line (iter) == 0)
    return;
  if ((int)width <= 0)
    width = 4;

  previous_start = *iter;
  gtk_text_iter_set_line_offset (&previous_start, 0);
  gtk_text_iter_backward_line (&previous_start);
  previous_end = previous_start;
  if (!gtk_text_iter_ends_line (&previous_end))
    gtk_text_iter_forward_to_line_end (&previous_end);
  previous = gtk_text_iter_get_slice (&previous_start, &previous_end);
  indent = pyprep_python_indent_after (previous, width);

  /* Replace whatever indent the new line has with the computed one. */
  line_start = *iter;
  gtk_text_iter_set_line_offset (&line_start, 0);
  text_start = line_start;
  while (!gtk_text_iter_ends_line (&text_start)
         && (gtk_text_iter_get_char (&text_start) == ' ' || gtk_text_iter_get_char (&text_start) == '\t'))
    gtk_text_iter_forward_char (&text_start);

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &line_start, &text_start);
  gtk_text_buffer_insert (buffer, &line_start, indent, -1);
  gtk_text_buffer_end_user_action (buffer);
  *iter = line_start;
}

static void
indenter_iface_init (GtkSourceIndenterInterface *iface)
{
  iface->is_trigger = indenter_is_trigger;
  iface->indent = indenter_indent;
}

static void
pyprep_python_indenter_dispose (GObject *object)
{
  PyprepPythonIndenter *self = PYPREP_PYTHON_INDENTER (object);

  if (self->tick_id != 0 && self->view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->view), self->tick_id);
  self->tick_id = 0;
  g_clear_weak_pointer (&self->view);

  G_OBJECT_CLASS (pyprep_python_indenter_parent_class)->dispose (object);
}

static void
pyprep_python_indenter_class_init (PyprepPythonIndenterClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pyprep_python_indenter_dispose;
}

static void
pyprep_python_indenter_init (PyprepPythonIndenter *self)
{
}

/* GtkTextView scrolls a long line sideways only as far as the cursor
 * needs: back on an indented line, the indent and the keywords before
 * the cursor stayed hidden, as if the code were cut at the left edge.
 * Where the cursor fits in the view with the line's start, the line
 * start is shown. This is checked while the view scrolls sideways for
 * the cursor, and at each frame, for about half a second (30 frames)
 * after the cursor moved, however late a loaded machine lays it out
 * (GTK 4.18 scrolls in more than one step). A click scrolls nothing and
 * leaves the text where it is under the pointer; a scrollbar dragged
 * later is left alone. */
static void
show_line_start (PyprepPythonIndenter *self)
{
  GtkAdjustment *hadjustment;
  GtkTextBuffer *buffer;
  GdkRectangle cursor;
  GtkTextIter insert;

  if (!self->cursor_moved || self->view == NULL)
    return;

  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->view));
  if (hadjustment == NULL || gtk_adjustment_get_value (hadjustment) <= 0)
    return;

  buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (self->view, &insert, &cursor);
  if (cursor.x + cursor.width + gtk_text_view_get_right_margin (self->view) <= gtk_adjustment_get_page_size (hadjustment))
    gtk_adjustment_set_value (hadjustment, 0);
}

static gboolean
cursor_move_expired_cb (GtkWidget     *widget,
                        GdkFrameClock *clock,
                        gpointer       user_data)
{
  PyprepPythonIndenter *self = user_data;

  show_line_start (self);
  if (++self->ticks < 30)
    return G_SOURCE_CONTINUE;

  self->tick_id = 0;
  self->cursor_moved = FALSE;
  return G_SOURCE_REMOVE;
}

static void
hadjustment_value_changed_cb (GtkAdjustment        *hadjustment,
                              PyprepPythonIndenter *self)
{
  show_line_start (self);
}

static void
mark_set_cb (GtkTextBuffer        *buffer,
             const GtkTextIter    *location,
             GtkTextMark          *mark,
             PyprepPythonIndenter *self)
{
  if (mark != gtk_text_buffer_get_insert (buffer) || self->view == NULL)
    return;

  self->cursor_moved = TRUE;
  self->ticks = 0;
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->view), cursor_move_expired_cb, self, NULL);
}

static void
keep_line_start (PyprepPythonIndenter *self,
                 GtkTextView          *view)
{
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));

  g_set_weak_pointer (&self->view, view);
  g_signal_connect_object (gtk_text_view_get_buffer (view), "mark-set", G_CALLBACK (mark_set_cb), self, 0);
  if (hadjustment != NULL)
    g_signal_connect_object (hadjustment, "value-changed", G_CALLBACK (hadjustment_value_changed_cb), self, 0);
}

/* Sets @view up to edit Python. */
void
pyprep_python_editor_setup (GtkSourceView *view)
{
  g_autoptr(PyprepPythonIndenter) indenter = g_object_new (PYPREP_TYPE_PYTHON_INDENTER, NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  g_return_if_fail (GTK_SOURCE_IS_VIEW (view));

  gtk_source_view_set_auto_indent (view, TRUE);
  gtk_source_view_set_indenter (view, GTK_SOURCE_INDENTER (indenter));
  keep_line_start (indenter, GTK_TEXT_VIEW (view));
  gtk_source_view_set_indent_on_tab (view, TRUE);
  gtk_source_view_set_insert_spaces_instead_of_tabs (view, TRUE);
  gtk_source_view_set_tab_width (view, 4);
  gtk_source_view_set_indent_width (view, 4);
  gtk_source_view_set_smart_backspace (view, TRUE);
  gtk_source_buffer_set_highlight_matching_brackets (GTK_SOURCE_BUFFER (buffer), TRUE);
}

/* Returns: (transfer none): the style scheme of code for the app's light
 *   or dark style, now */
GtkSourceStyleScheme *
pyprep_source_scheme_for_style (void)
{
  const char *id = adw_style_manager_get_dark (adw_style_manager_get_default ()) ? "Adwaita-dark" : "Adwaita";

  return gtk_source_style_scheme_manager_get_scheme (gtk_source_style_scheme_manager_get_default (), id);
}

static GObject *wrap_object;
static char *wrap_property;

/**
 * pyprep_code_wrap_bind:
 * @settings: (nullable): an object with a boolean property
 * @property: its name: whether long lines of code wrap
 *
 * Views passed to pyprep_code_wrap_follow() from now on follow it.
 */
void
pyprep_code_wrap_bind (GObject    *settings,
                       const char *property)
{
  g_return_if_fail (settings == NULL || G_IS_OBJECT (settings));
  g_return_if_fail (settings == NULL || property != NULL);

  g_clear_object (&wrap_object);
  g_clear_pointer (&wrap_property, g_free);
  if (settings != NULL)
    {
      wrap_object = g_object_ref (settings);
      wrap_property = g_strdup (property);
    }
}

static gboolean
wrap_to_mode (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  /* Code breaks between characters where a word is longer than the line:
   * identifiers and long strings have no spaces. */
  g_value_set_enum (to, g_value_get_boolean (from) ? GTK_WRAP_WORD_CHAR : GTK_WRAP_NONE);
  return TRUE;
}

#define HANG_TAG_PREFIX "pyprep-hang-"

static void
collect_hang_tag (GtkTextTag *tag,
                  gpointer    user_data)
{
  g_autofree char *name = NULL;

  g_object_get (tag, "name", &name, NULL);
  if (name != NULL && g_str_has_prefix (name, HANG_TAG_PREFIX))
    g_ptr_array_add (user_data, tag);
}

/* A wrapped line continues two indent levels deeper than it starts: at
 * the left edge, "None:" of a wrapped "def" would read as a statement of
 * its own, and one level deeper as the first line of its body (PEP 8
 * indents continuation lines twice for the same reason). A tag per
 * indent sets the hanging indent of the lines starting with that many
 * spaces. */
static void
hang_wrapped_lines (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(PangoLayout) layout = NULL;
  GtkTextIter start, end;
  int space = 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_tag_table_foreach (table, collect_hang_tag, tags);
  for (guint i = 0; i < tags->len; i++)
    gtk_text_buffer_remove_tag (buffer, g_ptr_array_index (tags, i), &start, &end);

  if (gtk_text_view_get_wrap_mode (view) == GTK_WRAP_NONE)
    return;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), " ");
  pango_layout_get_pixel_size (layout, &space, NULL);

  for (int line = 0; line < gtk_text_buffer_get_line_count (buffer); line++)
    {
      GtkTextIter line_start, line_end;
      guint indent = 0;
      char name[32];
      GtkTextTag *tag;

      gtk_text_buffer_get_iter_at_line (buffer, &line_start, line);
      line_end = line_start;
      while (!gtk_text_iter_ends_line (&line_end)
             && (gtk_text_iter_get_char (&line_end) == ' ' || gtk_text_iter_get_char (&line_end) == '\t'))
        {
          indent += gtk_text_iter_get_char (&line_end) == '\t' ? 4 : 1;
          gtk_text_iter_forward_char (&line_end);
        }
      if (!gtk_text_iter_ends_line (&line_end))
        gtk_text_iter_forward_to_line_end (&line_end);

      g_snprintf (name, sizeof name, HANG_TAG_PREFIX "%u", indent);
      tag = gtk_text_tag_table_lookup (table, name);
      if (tag == NULL)
        tag = gtk_text_buffer_create_tag (buffer, name, "indent", -(int)(indent + 8) * space, NULL);
      gtk_text_buffer_apply_tag (buffer, tag, &line_start, &line_end);
    }
}

static void
wrapped_buffer_changed_cb (GtkTextView   *view,
                           GtkTextBuffer *buffer)
{
  if (gtk_text_view_get_wrap_mode (view) != GTK_WRAP_NONE)
    hang_wrapped_lines (view);
}

/**
 * pyprep_code_wrap_follow:
 * @view: a view of code in a sideways-scrolling GtkScrolledWindow
 *
 * Makes @view wrap long lines, or not, as the bound setting says, now and
 * when it changes; a wrapped line continues two indent levels deeper
 * than it starts. Without a bound setting, lines do not wrap.
 */
void
pyprep_code_wrap_follow (GtkTextView *view)
{
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  if (wrap_object == NULL)
    return;

  g_signal_connect (view, "notify::wrap-mode", G_CALLBACK (hang_wrapped_lines), NULL);
  g_signal_connect_object (gtk_text_view_get_buffer (view), "changed", G_CALLBACK (wrapped_buffer_changed_cb), view,
                           G_CONNECT_SWAPPED);
  g_object_bind_property_full (wrap_object, wrap_property, view, "wrap-mode", G_BINDING_SYNC_CREATE,
                               wrap_to_mode, NULL, NULL, NULL);
}
