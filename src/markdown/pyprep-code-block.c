/* pyprep-code-block.c: shows one fenced code block of an answer in a
 * read-only GtkSourceView whose style scheme follows the light or dark
 * style, with a Copy button and, attached below, the snippet's output.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-code-block"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "pyprep-code-block.h"

struct _PyprepCodeBlock
{
  GtkWidget      parent_instance;

  GtkWidget     *header;
  GtkLabel      *language_label;
  GtkWidget     *scroller;
  GtkSourceView *view;
  GtkWidget     *output_box;
  GtkLabel      *output_title;
  GtkLabel      *output_label;

  char          *language;
  char          *output;
  gboolean       highlighted;
};

G_DEFINE_FINAL_TYPE (PyprepCodeBlock, pyprep_code_block, GTK_TYPE_WIDGET)

/* Maps a fence's language to a GtkSourceView language id. */
static const char *
source_language_id (const char *language)
{
  static const struct { const char *fence; const char *id; } aliases[] = {
    { "python", "python3" },
    { "py", "python3" },
    { "pycon", "python3" },
    { "bash", "sh" },
    { "shell", "sh" },
    { "console", "sh" },
    { "toml", "toml" },
    { "ini", "ini" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_str_equal (language, aliases[i].fence))
      return aliases[i].id;

  return language;
}

/* GtkSourceView frees a language's compiled highlighting rules when the
 * last buffer using it goes away, and reads and validates the .lang file
 * again for the next one. Answers replace all their code blocks at once,
 * so one idle buffer per language keeps the rules compiled. */
static void
keep_language_loaded (GtkSourceLanguage *language)
{
  static GHashTable *keepers;
  const char *id = gtk_source_language_get_id (language);
  GtkSourceBuffer *keeper;

  if (keepers == NULL)
    keepers = g_hash_table_new (g_str_hash, g_str_equal);

  if (g_hash_table_contains (keepers, id))
    return;

  keeper = gtk_source_buffer_new_with_language (language);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (keeper), " ", 1);
  g_hash_table_insert (keepers, (gpointer)id, keeper);
}

static const char *
language_display_name (const char *language)
{
  if (g_str_equal (language, "python") || g_str_equal (language, "py"))
    return "Python";
  if (g_str_equal (language, "pycon"))
    return _("Python console");
  if (g_str_equal (language, "bash") || g_str_equal (language, "sh"))
    return _("Shell");
  if (language[0] == '\0' || g_str_equal (language, "text"))
    return _("Text");
  return language;
}

static void
update_style_scheme (PyprepCodeBlock *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  const char *id = adw_style_manager_get_dark (style_manager) ? "Adwaita-dark" : "Adwaita";
  GtkSourceStyleScheme *scheme;

  if (!self->highlighted)
    return;

  scheme = gtk_source_style_scheme_manager_get_scheme (gtk_source_style_scheme_manager_get_default (), id);
  gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (buffer), scheme);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PyprepCodeBlock *self = PYPREP_CODE_BLOCK (widget);
  g_autofree char *code = pyprep_code_block_dup_code (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), code);
  gtk_widget_activate_action (widget, "win.show-toast", "s", _("Code copied to clipboard"));
}

/* Highlighting is set up when the block is first shown: answers build
 * every block up front but show only the first screenful at once, and
 * loading a language's rules and the style schemes is the costly part. */
static void
apply_highlighting (PyprepCodeBlock *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkSourceLanguage *source_language = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));

  self->highlighted = TRUE;

  if (self->language[0] != '\0')
    source_language = gtk_source_language_manager_get_language (languages,
                                                                source_language_id (self->language));
  if (source_language != NULL)
    keep_language_loaded (source_language);

  gtk_source_buffer_set_language (GTK_SOURCE_BUFFER (buffer), source_language);
  gtk_source_buffer_set_highlight_syntax (GTK_SOURCE_BUFFER (buffer), source_language != NULL);
  update_style_scheme (self);
}

static void
pyprep_code_block_map (GtkWidget *widget)
{
  PyprepCodeBlock *self = PYPREP_CODE_BLOCK (widget);

  if (!self->highlighted)
    apply_highlighting (self);

  GTK_WIDGET_CLASS (pyprep_code_block_parent_class)->map (widget);
}

static void
pyprep_code_block_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PYPREP_TYPE_CODE_BLOCK);

  G_OBJECT_CLASS (pyprep_code_block_parent_class)->dispose (object);
}

static void
pyprep_code_block_finalize (GObject *object)
{
  PyprepCodeBlock *self = (PyprepCodeBlock *)object;

  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->output, g_free);

  G_OBJECT_CLASS (pyprep_code_block_parent_class)->finalize (object);
}

static void
pyprep_code_block_class_init (PyprepCodeBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_code_block_dispose;
  object_class->finalize = pyprep_code_block_finalize;
  widget_class->map = pyprep_code_block_map;

  /* GtkSourceView is set up when the first code block is, not at startup. */
  gtk_source_init ();
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/markdown/pyprep-code-block.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepCodeBlock, header);
  gtk_widget_class_bind_template_child (widget_class, PyprepCodeBlock, language_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepCodeBlock, scroller);
  gtk_widget_class_bind_template_child (widget_class, PyprepCodeBlock, view);
  gtk_widget_class_bind_template_child (widget_class, PyprepCodeBlock, output_box);
  gtk_widget_class_bind_template_child (widget_class, PyprepCodeBlock, output_title);
  gtk_widget_class_bind_template_child (widget_class, PyprepCodeBlock, output_label);

  gtk_widget_class_install_action (widget_class, "code-block.copy", NULL, copy_action);

  gtk_widget_class_set_css_name (widget_class, "codeblock");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pyprep_code_block_init (PyprepCodeBlock *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);
}

GtkWidget *
pyprep_code_block_new (const char *language,
                       const char *code)
{
  PyprepCodeBlock *self;
  GtkTextBuffer *buffer;
  gsize length;

  g_return_val_if_fail (code != NULL, NULL);

  if (language == NULL)
    language = "";

  self = g_object_new (PYPREP_TYPE_CODE_BLOCK, NULL);
  self->language = g_strdup (language);

  gtk_label_set_label (self->language_label, language_display_name (language));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  gtk_source_buffer_set_highlight_matching_brackets (GTK_SOURCE_BUFFER (buffer), FALSE);

  /* The fence keeps the newline of its last line; the view should not. */
  length = strlen (code);
  if (length > 0 && code[length - 1] == '\n')
    length--;
  gtk_text_buffer_set_text (buffer, code, (int)length);

  return GTK_WIDGET (self);
}

const char *
pyprep_code_block_get_language (PyprepCodeBlock *self)
{
  g_return_val_if_fail (PYPREP_IS_CODE_BLOCK (self), NULL);
  return self->language;
}

char *
pyprep_code_block_dup_code (PyprepCodeBlock *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (PYPREP_IS_CODE_BLOCK (self), NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

const char *
pyprep_code_block_get_output (PyprepCodeBlock *self)
{
  g_return_val_if_fail (PYPREP_IS_CODE_BLOCK (self), NULL);
  return self->output;
}

guint
pyprep_code_block_get_n_lines (PyprepCodeBlock *self)
{
  g_return_val_if_fail (PYPREP_IS_CODE_BLOCK (self), 0);
  return gtk_text_buffer_get_line_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view)));
}

gboolean
pyprep_code_block_has_output (PyprepCodeBlock *self)
{
  g_return_val_if_fail (PYPREP_IS_CODE_BLOCK (self), FALSE);
  return self->output != NULL;
}

/* Attaches the snippet's stated output under the code. */
void
pyprep_code_block_set_output (PyprepCodeBlock *self,
                              const char      *output,
                              gboolean         varies)
{
  g_autofree char *trimmed = NULL;

  g_return_if_fail (PYPREP_IS_CODE_BLOCK (self));

  g_free (self->output);
  self->output = g_strdup (output);

  if (output == NULL)
    {
      gtk_widget_set_visible (self->output_box, FALSE);
      return;
    }

  trimmed = g_strdup (output);
  g_strchomp (trimmed);
  gtk_label_set_text (self->output_label, trimmed);
  gtk_label_set_text (self->output_title,
                      varies ? _("Output (varies from run to run)") : _("Output"));
  gtk_widget_set_visible (self->output_box, TRUE);
}
