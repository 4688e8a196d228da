/* pyprep-run-panel.c: the panel under a code block that shows a run: how
 * it ended and how long it took, what it printed (errors in their own
 * style), whether that matches the answer's stated output, the Python
 * version and which protection the run had.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-run-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-output-diff.h"
#include "pyprep-run-panel.h"

/* A longer diff is cut; the whole output is shown above it anyway. */
#define MAX_DIFF_LINES 200

struct _PyprepRunPanel
{
  GtkWidget  parent_instance;

  GtkWidget *status_box;
  GtkWidget *spinner;
  GtkImage  *status_icon;
  GtkLabel  *status_label;
  GtkLabel  *stdout_label;
  GtkLabel  *stderr_label;
  GtkWidget *empty_label;
  GtkLabel  *truncated_label;
  GtkWidget *match_box;
  GtkLabel  *match_label;
  GtkWidget *diff_box;
  GtkLabel  *info_label;
};

G_DEFINE_FINAL_TYPE (PyprepRunPanel, pyprep_run_panel, GTK_TYPE_WIDGET)

static void
set_status (PyprepRunPanel *self,
            const char     *icon_name,
            const char     *style,
            const char     *text)
{
  static const char * const styles[] = { "success", "error", "warning" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), styles[i]);
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), style);

  gtk_widget_set_visible (GTK_WIDGET (self->status_icon), icon_name != NULL);
  if (icon_name != NULL)
    gtk_image_set_from_icon_name (self->status_icon, icon_name);
  gtk_label_set_text (self->status_label, text);
}

/* Output broken inside a word gets no hyphen, which would read as a
 * minus sign or a name the code never printed. */
static void
set_no_hyphens (GtkLabel *label)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

static void
clear_diff (PyprepRunPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->diff_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->diff_box), child);
}

static void
reset (PyprepRunPanel *self)
{
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), FALSE);
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->stdout_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->stderr_label), FALSE);
  gtk_widget_set_visible (self->empty_label, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->truncated_label), FALSE);
  gtk_widget_set_visible (self->match_box, FALSE);
  gtk_label_set_text (self->stdout_label, "");
  gtk_label_set_text (self->stderr_label, "");
  clear_diff (self);
}

/* Output is shown without its last newline, like the stated output. */
static void
show_text (GtkLabel   *label,
           const char *text)
{
  g_autofree char *shown = g_strdup (text != NULL ? text : "");

  g_strchomp (shown);
  gtk_label_set_text (label, shown);
  gtk_widget_set_visible (GTK_WIDGET (label), shown[0] != '\0');
}

static char *
describe_ending (const PyprepRunResult *result,
                 guint                  timeout_msec)
{
  g_autofree char *elapsed = g_strdup_printf (_("%.2f s"), result->elapsed_usec / 1e6);

  switch (result->ending)
    {
    case PYPREP_RUN_TIMED_OUT:
      /* Translators: %g is the time limit in seconds. */
      return g_strdup_printf (_("Stopped at the time limit of %g s"), timeout_msec / 1000.0);
    case PYPREP_RUN_OUTPUT_LIMIT:
      return g_strdup_printf (_("Stopped at the output limit · %s"), elapsed);
    case PYPREP_RUN_ENDED:
    default:
      break;
    }

  /* A limit of the sandbox is named: "Stopped: used more than 1.0 GiB of memory". */
  {
    g_autofree char *limit = pyprep_run_limit_describe (pyprep_run_result_get_limit (result));

    if (limit != NULL)
      /* Translators: %s says which limit, "used more than 1.0 GiB of memory" */
      return g_strdup_printf (_("Stopped: %s · %s"), limit, elapsed);
  }

  if (!result->exited)
    return g_strdup_printf (_("Killed by signal %d · %s"), result->term_signal, elapsed);
  if (result->exit_status == 0)
    return g_strdup_printf (_("Finished · exit status 0 · %s"), elapsed);
  return g_strdup_printf (_("Failed · exit status %d · %s"), result->exit_status, elapsed);
}

static void
show_diff (PyprepRunPanel *self,
           const char     *stated,
           const char     *printed)
{
  g_autofree char *diff = pyprep_output_diff (stated, printed);
  g_auto(GStrv) lines = g_strsplit (diff, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      GtkWidget *label;

      if (n++ == MAX_DIFF_LINES)
        {
          label = gtk_label_new ("…");
          gtk_widget_set_halign (label, GTK_ALIGN_START);
          gtk_box_append (GTK_BOX (self->diff_box), label);
          break;
        }

      label = gtk_label_new (lines[i]);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      set_no_hyphens (GTK_LABEL (label));
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "monospace");
      if (lines[i][0] == '-')
        gtk_widget_add_css_class (label, "diff-stated");
      else if (lines[i][0] == '+')
        gtk_widget_add_css_class (label, "diff-printed");
      gtk_box_append (GTK_BOX (self->diff_box), label);
    }
}

static void
show_comparison (PyprepRunPanel        *self,
                 const PyprepRunResult *result,
                 const char            *stated,
                 gboolean               varies)
{
  if (stated == NULL)
    return;

  gtk_widget_set_visible (self->match_box, TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->match_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->match_label), "warning");

  if (varies)
    {
      gtk_label_set_text (self->match_label,
                          _("The stated output varies from run to run, so it is not compared."));
    }
  else if (pyprep_output_matches (stated, result->stdout_text))
    {
      gtk_label_set_text (self->match_label, _("Matches the stated output"));
      gtk_widget_add_css_class (GTK_WIDGET (self->match_label), "success");
    }
  else
    {
      gtk_label_set_text (self->match_label,
                          _("Differs from the stated output (− stated, + printed):"));
      gtk_widget_add_css_class (GTK_WIDGET (self->match_label), "warning");
      show_diff (self, stated, result->stdout_text);
    }
}

static void
show_info (PyprepRunPanel        *self,
           const PyprepRunResult *result)
{
  PyprepRunner *runner = pyprep_runner_get_default ();
  const char *protection = pyprep_run_protection_describe (result->protection);
  const char *note = pyprep_runner_get_sandbox_note (runner);
  g_autofree char *text = NULL;

  if (result->protection == PYPREP_RUN_PROTECTION_LIMITS && note != NULL)
    /* Translators: Python version, the protection, why there is no sandbox. */
    text = g_strdup_printf (_("Python %s · %s (%s)"), result->python_version, protection, note);
  else
    text = g_strdup_printf (_("Python %s · %s"), result->python_version, protection);
  gtk_label_set_text (self->info_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->info_label), TRUE);
}

void
pyprep_run_panel_show_running (PyprepRunPanel *self)
{
  g_return_if_fail (PYPREP_IS_RUN_PANEL (self));

  reset (self);
  set_status (self, NULL, NULL, _("Running…"));
  gtk_widget_set_visible (self->spinner, TRUE);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), TRUE);
}

void
pyprep_run_panel_show_result (PyprepRunPanel        *self,
                              const PyprepRunResult *result,
                              guint                  timeout_msec,
                              const char            *stated_output,
                              gboolean               stated_output_varies)
{
  g_autofree char *status = NULL;

  g_return_if_fail (PYPREP_IS_RUN_PANEL (self));
  g_return_if_fail (result != NULL);

  reset (self);

  status = describe_ending (result, timeout_msec);
  if (pyprep_run_result_succeeded (result))
    set_status (self, "emblem-ok-symbolic", "success", status);
  else if (result->ending == PYPREP_RUN_ENDED)
    set_status (self, "dialog-error-symbolic", "error", status);
  else
    set_status (self, "dialog-warning-symbolic", "warning", status);

  show_text (self->stdout_label, result->stdout_text);
  show_text (self->stderr_label, result->stderr_text);
  gtk_widget_set_visible (self->empty_label,
                          !gtk_widget_get_visible (GTK_WIDGET (self->stdout_label))
                          && !gtk_widget_get_visible (GTK_WIDGET (self->stderr_label)));

  if (result->truncated)
    {
      g_autofree char *text = g_strdup_printf (_("Only the first %u KiB of output are shown; the snippet was stopped there."),
                                               (guint)(pyprep_runner_get_output_limit (pyprep_runner_get_default ()) / 1024));

      gtk_label_set_text (self->truncated_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->truncated_label), TRUE);
    }

  show_comparison (self, result, stated_output, stated_output_varies);
  show_info (self, result);
}

/* A run that has no result: stopped by the user, or could not start. */
void
pyprep_run_panel_show_message (PyprepRunPanel *self,
                               const char     *status,
                               const char     *detail,
                               gboolean        is_error)
{
  g_return_if_fail (PYPREP_IS_RUN_PANEL (self));

  reset (self);
  set_status (self,
              is_error ? "dialog-error-symbolic" : "media-playback-stop-symbolic",
              is_error ? "error" : NULL,
              status);
  gtk_label_set_text (self->info_label, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->info_label), detail != NULL);
}

static void
pyprep_run_panel_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PYPREP_TYPE_RUN_PANEL);

  G_OBJECT_CLASS (pyprep_run_panel_parent_class)->dispose (object);
}

static void
pyprep_run_panel_class_init (PyprepRunPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_run_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/markdown/pyprep-run-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepRunPanel, status_box);
  gtk_widget_class_bind_template_child (widget_class, PyprepRunPanel, spinner);
  gtk_widget_class_bind_template_child (widget_class, PyprepRunPanel, status_icon);
  gtk_widget_class_bind_template_child (widget_class, PyprepRunPanel, status_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepRunPanel, stdout_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepRunPanel, stderr_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepRunPanel, empty_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepRunPanel, truncated_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepRunPanel, match_box);
  gtk_widget_class_bind_template_child (widget_class, PyprepRunPanel, match_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepRunPanel, diff_box);
  gtk_widget_class_bind_template_child (widget_class, PyprepRunPanel, info_label);

  gtk_widget_class_set_css_name (widget_class, "runpanel");
}

static void
pyprep_run_panel_init (PyprepRunPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_no_hyphens (self->stdout_label);
  set_no_hyphens (self->stderr_label);
}

GtkWidget *
pyprep_run_panel_new (void)
{
  return g_object_new (PYPREP_TYPE_RUN_PANEL, NULL);
}
