/* pyprep-python-editor.c: Python editing in a GtkSourceView: four-space
 * indents, Tab and Shift+Tab indenting and dedenting the selection,
 * matching brackets, and a new line indented the way Python wants it:
 * one level deeper after a colon, one level back after return, pass,
 * raise, break or continue. GtkSourceView's own indenter only copies the
 * previous line's indent.
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
  GObject parent_instance;
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
pyprep_python_indenter_class_init (PyprepPythonIndenterClass *klass)
{
}

static void
pyprep_python_indenter_init (PyprepPythonIndenter *self)
{
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
