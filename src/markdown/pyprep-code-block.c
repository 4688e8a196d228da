/* pyprep-code-block.c: shows one fenced code block of an answer in a
 * read-only GtkSourceView whose style scheme follows the light or dark
 * style, with a Copy button and, attached below, the snippet's output.
 * A Python block can also be edited and run; the run panel is built on
 * the first run, so building a block costs nothing more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-code-block"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "pyprep-code-block.h"
#include "pyprep-sideways-scroller.h"
#include "pyprep-markdown-view.h"
#include "pyprep-python-editor.h"
#include "pyprep-run-consent.h"
#include "pyprep-run-panel.h"
#include "pyprep-runner.h"
#include "pyprep-snippet.h"

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

  /* Running and editing (see "Running and editing" below). */
  GtkWidget     *run_button;
  GtkWidget     *stop_button;
  GtkToggleButton *edit_button;
  GtkWidget     *reset_button;
  GtkWidget     *run_panel;        /* built on the first run */
  GCancellable  *run_cancellable;  /* set while running */
  char          *shipped_code;     /* kept when editing starts */
  gboolean       output_varies;
  gboolean       runnable;
  gboolean       probe_requested;
  gboolean       user_code;        /* from the user's own decks */
  gboolean       python_missing;  /* no python3, or not one this snippet is for */
  guint          min_python;      /* see pyprep_code_block_set_python_range() */
  guint          max_python;
  guint          reveal_tick_id;   /* scrolls the run panel into view */
  guint          policy_tick_id;   /* see hadjustment_changed_cb() */
  guint          reveal_ticks;
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
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));

  if (!self->highlighted)
    return;

  gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (buffer), pyprep_source_scheme_for_style ());
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

/* ---- Running and editing ---------------------------------------------- */

static void
update_run_actions (PyprepCodeBlock *self)
{
  gboolean running = self->run_cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "code-block.run",
                                 self->runnable && !running && !self->python_missing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "code-block.stop", running);
  gtk_widget_set_visible (self->run_button, self->runnable && !running);
  gtk_widget_set_visible (self->stop_button, running);
}

static void
python_probed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(PyprepCodeBlock) self = g_weak_ref_get (weak);
  g_autoptr(GError) error = NULL;
  g_autofree char *tooltip = NULL;
  const char *version;

  g_weak_ref_clear (weak);
  g_free (weak);

  /* The block may be gone: an answer is replaced before python3 answers. */
  if (self == NULL)
    return;

  if (!pyprep_runner_probe_finish (PYPREP_RUNNER (object), result, &error))
    {
      /* The button stays, insensitive, and says why. */
      self->python_missing = TRUE;
      gtk_widget_set_tooltip_text (self->run_button, error->message);
      update_run_actions (self);
      return;
    }

  version = pyprep_runner_get_python_version (PYPREP_RUNNER (object));
  if (self->min_python != 0 || self->max_python != 0)
    {
      PyprepSnippet range = { .min_python = self->min_python, .max_python = self->max_python };

      if (!pyprep_snippet_runs_on (&range, pyprep_python_version_parse (version)))
        {
          g_autofree char *needs = pyprep_python_range_describe (self->min_python, self->max_python);

          /* Said instead of failing: the snippet is for another Python. */
          self->python_missing = TRUE;
          tooltip = g_strdup_printf (_("Needs %s; this system has Python %s"), needs, version);
          gtk_widget_set_tooltip_text (self->run_button, tooltip);
          update_run_actions (self);
          return;
        }
    }

  tooltip = g_strdup_printf (_("Run with Python %s (Ctrl+Enter)"), version);
  gtk_widget_set_tooltip_text (self->run_button, tooltip);
}

static gboolean
probe_idle_cb (gpointer user_data)
{
  pyprep_runner_probe_async (pyprep_runner_get_default (), NULL, python_probed_cb, user_data);
  return G_SOURCE_REMOVE;
}

/* Finds python3 once per process, after the first Python block is shown:
 * at low priority, so starting a process never delays a frame. */
static void
request_python_probe (PyprepCodeBlock *self)
{
  GWeakRef *weak;

  if (!self->runnable || self->probe_requested)
    return;

  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  self->probe_requested = TRUE;
  g_idle_add_full (G_PRIORITY_LOW, probe_idle_cb, weak, NULL);
}

/* Scrolls the page holding the block, if need be, so that the whole run
 * panel is on screen, or its top where it is taller than the page. */
static void
reveal_run_panel (PyprepCodeBlock *self)
{
  GtkWidget *page = gtk_widget_get_ancestor (gtk_widget_get_parent (GTK_WIDGET (self)),
                                             GTK_TYPE_SCROLLED_WINDOW);
  const double margin = 12;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double top, bottom, shift = 0;

  if (page == NULL || self->run_panel == NULL
      || !gtk_widget_compute_bounds (self->run_panel, page, &bounds))
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page));
  top = bounds.origin.y;
  bottom = top + bounds.size.height;
  if (bottom + margin > gtk_widget_get_height (page))
    shift = MIN (bottom + margin - gtk_widget_get_height (page), top - margin);
  else if (top < margin)
    shift = top - margin;

  if (shift != 0)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + shift);
}

/* The panel's new size is known once the frame after the change is laid
 * out: a tick comes before the layout of its frame. */
static gboolean
reveal_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  PyprepCodeBlock *self = PYPREP_CODE_BLOCK (widget);

  if (++self->reveal_ticks < 2)
    return G_SOURCE_CONTINUE;

  self->reveal_tick_id = 0;
  reveal_run_panel (self);
  return G_SOURCE_REMOVE;
}

static void
queue_reveal_run_panel (PyprepCodeBlock *self)
{
  self->reveal_ticks = 0;
  if (self->reveal_tick_id == 0)
    self->reveal_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_tick_cb, NULL, NULL);
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PyprepCodeBlock) self = user_data;
  g_autoptr(PyprepRunResult) run = NULL;
  g_autoptr(GError) error = NULL;
  PyprepRunPanel *panel;

  run = pyprep_runner_run_finish (PYPREP_RUNNER (object), result, &error);

  /* The block went away while running. */
  if (self->run_panel == NULL)
    return;

  panel = PYPREP_RUN_PANEL (self->run_panel);
  g_clear_object (&self->run_cancellable);
  update_run_actions (self);

  if (run != NULL)
    pyprep_run_panel_show_result (panel, run, pyprep_runner_get_timeout (PYPREP_RUNNER (object)),
                                  self->output, self->output_varies);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    pyprep_run_panel_show_message (panel, _("Stopped"), NULL, FALSE);
  else
    pyprep_run_panel_show_message (panel, _("The snippet could not be run"), error->message, TRUE);
  queue_reveal_run_panel (self);

  /* Stop had the focus and is now hidden. */
  if (gtk_widget_get_visible (self->run_button) && !gtk_widget_has_focus (GTK_WIDGET (self->view)))
    gtk_widget_grab_focus (self->run_button);
}

/* Starts the run, once allowed (pyprep-run-consent.c). */
static void
start_run (PyprepCodeBlock *self)
{
  g_autofree char *code = NULL;
  gboolean stop_had_focus;

  if (!self->runnable || self->run_cancellable != NULL || self->python_missing)
    return;

  if (self->run_panel == NULL)
    {
      self->run_panel = pyprep_run_panel_new ();
      gtk_widget_set_parent (self->run_panel, GTK_WIDGET (self));
    }

  stop_had_focus = gtk_widget_has_focus (self->run_button);
  code = pyprep_code_block_dup_code (self);
  self->run_cancellable = g_cancellable_new ();
  update_run_actions (self);
  if (stop_had_focus)
    gtk_widget_grab_focus (self->stop_button);
  pyprep_run_panel_show_running (PYPREP_RUN_PANEL (self->run_panel));
  queue_reveal_run_panel (self);

  pyprep_runner_run_async (pyprep_runner_get_default (), code, self->run_cancellable,
                           run_done_cb, g_object_ref (self));
}

static void
consent_cb (gboolean granted,
            gpointer user_data)
{
  if (granted)
    start_run (user_data);
}

/* Whether the code comes from one of the user's own decks. */
static gboolean
is_user_code (PyprepCodeBlock *self)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), PYPREP_TYPE_MARKDOWN_VIEW);

  return self->user_code || (view != NULL && pyprep_markdown_view_get_user_code (PYPREP_MARKDOWN_VIEW (view)));
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PyprepCodeBlock *self = PYPREP_CODE_BLOCK (widget);

  if (!self->runnable || self->run_cancellable != NULL || self->python_missing)
    return;

  pyprep_run_consent_request (widget, !is_user_code (self), consent_cb, g_object_ref (self), g_object_unref);
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PyprepCodeBlock *self = PYPREP_CODE_BLOCK (widget);

  if (self->run_cancellable != NULL)
    g_cancellable_cancel (self->run_cancellable);
}

static void
modified_changed_cb (PyprepCodeBlock *self,
                     GtkTextBuffer   *buffer)
{
  gtk_widget_set_visible (self->reset_button, gtk_text_buffer_get_modified (buffer));
}

static void
edit_toggled_cb (PyprepCodeBlock *self,
                 GtkToggleButton *button)
{
  GtkSourceView *view = self->view;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gboolean editing = gtk_toggle_button_get_active (button);

  if (editing && self->shipped_code == NULL)
    {
      self->shipped_code = pyprep_code_block_dup_code (self);
      gtk_text_buffer_set_modified (buffer, FALSE);
      g_signal_connect_object (buffer, "modified-changed",
                               G_CALLBACK (modified_changed_cb), self, G_CONNECT_SWAPPED);
      pyprep_python_editor_setup (view);
    }

  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), editing);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), editing);
  gtk_source_buffer_set_highlight_matching_brackets (GTK_SOURCE_BUFFER (buffer), editing);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), editing ? _("Stop Editing") : _("Edit"));

  if (editing)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "editing");
      gtk_widget_grab_focus (GTK_WIDGET (view));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "editing");
    }
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PyprepCodeBlock *self = PYPREP_CODE_BLOCK (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));

  if (self->shipped_code == NULL)
    return;

  gtk_text_buffer_set_text (buffer, self->shipped_code, -1);
  gtk_text_buffer_set_modified (buffer, FALSE);
  gtk_widget_grab_focus (gtk_widget_get_visible (self->run_button)
                         ? self->run_button : GTK_WIDGET (self->view));
}

/* Only Python blocks run; the others keep their header as it was. */
static void
setup_running (PyprepCodeBlock *self)
{
  GtkEventController *shortcuts;

  self->runnable = g_str_equal (self->language, "python") || g_str_equal (self->language, "py");
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), self->runnable);
  update_run_actions (self);

  if (!self->runnable)
    return;

  /* Capture phase: the editable view would take Ctrl+Enter as a newline. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                                                          gtk_named_action_new ("code-block.run")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

static void
stop_running (PyprepCodeBlock *self)
{
  if (self->reveal_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick_id);
  self->reveal_tick_id = 0;
  if (self->run_cancellable != NULL)
    g_cancellable_cancel (self->run_cancellable);
  g_clear_object (&self->run_cancellable);
  g_clear_pointer (&self->run_panel, gtk_widget_unparent);
}

static void
pyprep_code_block_map (GtkWidget *widget)
{
  PyprepCodeBlock *self = PYPREP_CODE_BLOCK (widget);

  if (!self->highlighted)
    apply_highlighting (self);
  request_python_probe (self);

  GTK_WIDGET_CLASS (pyprep_code_block_parent_class)->map (widget);
}

static void
pyprep_code_block_dispose (GObject *object)
{
  PyprepCodeBlock *self = PYPREP_CODE_BLOCK (object);

  if (self->policy_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->policy_tick_id);
  self->policy_tick_id = 0;
  stop_running (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), PYPREP_TYPE_CODE_BLOCK);

  G_OBJECT_CLASS (pyprep_code_block_parent_class)->dispose (object);
}

static void
pyprep_code_block_finalize (GObject *object)
{
  PyprepCodeBlock *self = (PyprepCodeBlock *)object;

  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->output, g_free);
  g_clear_pointer (&self->shipped_code, g_free);

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

  gtk_widget_class_bind_template_child (widget_class, PyprepCodeBlock, run_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepCodeBlock, stop_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepCodeBlock, edit_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepCodeBlock, reset_button);
  gtk_widget_class_bind_template_callback (widget_class, edit_toggled_cb);
  gtk_widget_class_install_action (widget_class, "code-block.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "code-block.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "code-block.reset", NULL, reset_action);

  gtk_widget_class_set_css_name (widget_class, "codeblock");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* A line too long for the block shows a scrollbar under the code, not
 * only while the pointer is over it. With the "automatic" policy GTK 4.8
 * and 4.18 draw a non-overlay scrollbar over the last line instead of
 * making room for it: "always" makes room, and is only used while a line
 * is too long. The adjustment changes while the block is laid out, where
 * a new policy would leave the scrollbar drawn unallocated: it is set
 * before the next frame's layout instead. */
static gboolean
policy_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  PyprepCodeBlock *self = PYPREP_CODE_BLOCK (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  gboolean overflows = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_lower (adjustment)
                       > gtk_adjustment_get_page_size (adjustment) + 0.5;

  self->policy_tick_id = 0;
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  overflows ? GTK_POLICY_ALWAYS : GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  return G_SOURCE_REMOVE;
}

static void
hadjustment_changed_cb (PyprepCodeBlock *self,
                        GtkAdjustment   *adjustment)
{
  if (self->policy_tick_id == 0)
    self->policy_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), policy_tick_cb, NULL, NULL);
}

static void
pyprep_code_block_init (PyprepCodeBlock *self)
{
  PangoAttrList *attrs;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Output broken inside a word gets no hyphen, which would read as a
   * minus sign or a name the code never printed. */
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  gtk_label_set_attributes (self->output_label, attrs);
  pango_attr_list_unref (attrs);

  pyprep_sideways_scroller_pass_wheel (GTK_SCROLLED_WINDOW (self->scroller));
  pyprep_code_wrap_follow (GTK_TEXT_VIEW (self->view));
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->scroller)), "changed",
                           G_CALLBACK (hadjustment_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);
}

typedef struct
{
  char  **languages;
  guint   step;
} Preload;

static void
preload_free (gpointer data)
{
  Preload *preload = data;

  g_strfreev (preload->languages);
  g_free (preload);
}

static gboolean
preload_step (gpointer user_data)
{
  Preload *preload = user_data;
  guint step = preload->step++;
  const char *fence;
  GtkSourceLanguage *language;

  if (step == 0)
    {
      g_type_class_unref (g_type_class_ref (PYPREP_TYPE_CODE_BLOCK));
      gtk_source_style_scheme_manager_get_scheme (gtk_source_style_scheme_manager_get_default (), "Adwaita");
      return preload->languages != NULL && preload->languages[0] != NULL;
    }

  fence = preload->languages[step - 1];
  language = gtk_source_language_manager_get_language (gtk_source_language_manager_get_default (),
                                                       source_language_id (fence));
  if (language != NULL)
    keep_language_loaded (language);

  return preload->languages[step] != NULL ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/**
 * pyprep_code_block_preload:
 * @languages: (nullable): the languages of the fences to come, as the
 *   fences name them, the most used first
 *
 * Does in idle time, one step at a time, what the first code block of a
 * session would otherwise do while an answer waits: setting GtkSourceView
 * and this class up and loading the style schemes, then compiling the
 * highlighting rules of each language, one a step. A language such as C
 * takes several milliseconds to load, a frame's worth. Call it once the
 * window is up.
 *
 * Returns: the idle source's id
 */
guint
pyprep_code_block_preload (const char * const *languages)
{
  Preload *preload = g_new0 (Preload, 1);

  preload->languages = g_strdupv ((char **) languages);
  return g_idle_add_full (G_PRIORITY_LOW, preload_step, preload, preload_free);
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
  setup_running (self);

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

/**
 * pyprep_code_block_set_python_range:
 * @min_python: the oldest Python the snippet is for (314 for 3.14), or 0
 * @max_python: the newest, or 0
 *
 * The header names the versions, and Run stays off, saying why, where
 * python3 is not one of them.
 */
void
pyprep_code_block_set_python_range (PyprepCodeBlock *self,
                                    guint            min_python,
                                    guint            max_python)
{
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (PYPREP_IS_CODE_BLOCK (self));

  self->min_python = min_python;
  self->max_python = max_python;

  /* Short, for the header beside the buttons; said in full to a screen
   * reader and in the tooltip. */
  if (min_python != 0 && max_python != 0)
    label = g_strdup_printf ("Python %u.%u–%u.%u", min_python / 100, min_python % 100,
                             max_python / 100, max_python % 100);
  else if (min_python != 0)
    label = g_strdup_printf ("Python %u.%u+", min_python / 100, min_python % 100);
  else if (max_python != 0)
    label = g_strdup_printf ("Python ≤ %u.%u", max_python / 100, max_python % 100);
  else
    return;

  description = pyprep_python_range_describe (min_python, max_python);
  gtk_label_set_label (self->language_label, label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->language_label), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->language_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
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
  self->output_varies = varies;

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

/* Whether the code comes from one of the user's own decks, when it is not
 * in a markdown view that says so (pyprep_markdown_view_set_user_code()). */
void
pyprep_code_block_set_user_code (PyprepCodeBlock *self,
                                 gboolean         user_code)
{
  g_return_if_fail (PYPREP_IS_CODE_BLOCK (self));
  self->user_code = !!user_code;
}
