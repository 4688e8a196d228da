/* pyprep-alert.c: a message with responses, on every libadwaita.
 *
 * libadwaita 1.2 (Debian 12) has AdwMessageDialog, a window of its own.
 * From 1.5 AdwAlertDialog replaces it (AdwMessageDialog is deprecated in
 * 1.6), and in 1.7 AdwMessageDialog no longer wraps a long heading: at
 * 360 px "Reset Progress in “Time and Space Complexity”?" is measured
 * narrower than its text and cut off. So where the headers are 1.5 or
 * newer, this builds the stock AdwAlertDialog, and AdwMessageDialog only
 * on older ones. The API here is what PyPrep's dialogs need of either.
 *
 * The newer widget is above the version the build pins
 * (ADW_VERSION_MAX_ALLOWED is 1.2), so its calls are fenced to silence
 * that check; they are compiled only where the headers have them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-alert"

#include "config.h"

#include "pyprep-alert.h"

#if ADW_CHECK_VERSION (1, 5, 0)
# define USE_ALERT_DIALOG 1
#else
# define USE_ALERT_DIALOG 0
#endif

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

/**
 * pyprep_alert_new:
 * @heading: the question or the fact, in title case
 * @body: (nullable): what it means for the user
 *
 * Returns: (transfer floating): a dialog to fill, then present with
 *   pyprep_alert_present(); it emits "response" with the chosen id
 */
GtkWidget *
pyprep_alert_new (const char *heading,
                  const char *body)
{
#if USE_ALERT_DIALOG
  return GTK_WIDGET (adw_alert_dialog_new (heading, body));
#else
  return adw_message_dialog_new (NULL, heading, body);
#endif
}

void
pyprep_alert_add_response (GtkWidget             *alert,
                           const char            *id,
                           const char            *label,
                           AdwResponseAppearance  appearance)
{
#if USE_ALERT_DIALOG
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), id, label);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), id, appearance);
#else
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), id, label);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (alert), id, appearance);
#endif
}

void
pyprep_alert_set_default_response (GtkWidget  *alert,
                                   const char *id)
{
#if USE_ALERT_DIALOG
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), id);
#else
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (alert), id);
#endif
}

void
pyprep_alert_set_close_response (GtkWidget  *alert,
                                 const char *id)
{
#if USE_ALERT_DIALOG
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), id);
#else
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (alert), id);
#endif
}

void
pyprep_alert_set_extra_child (GtkWidget *alert,
                              GtkWidget *child)
{
#if USE_ALERT_DIALOG
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (alert), child);
#else
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (alert), child);
#endif
}

/* Shows @alert over @parent (a window, or a widget in one). */
void
pyprep_alert_present (GtkWidget *alert,
                      GtkWidget *parent)
{
#if USE_ALERT_DIALOG
  adw_dialog_present (ADW_DIALOG (alert), parent);
#else
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (alert), GTK_WINDOW (root));
  gtk_window_set_modal (GTK_WINDOW (alert), TRUE);
  gtk_window_present (GTK_WINDOW (alert));
#endif
}

/* Answers @alert with @id, as its button would, and closes it. */
void
pyprep_alert_respond (GtkWidget  *alert,
                      const char *id)
{
#if USE_ALERT_DIALOG
  g_object_ref (alert);
  g_signal_emit_by_name (alert, "response", id);
  adw_dialog_force_close (ADW_DIALOG (alert));
  g_object_unref (alert);
#else
  /* As a click on a response does: respond, then close. */
  g_object_ref (alert);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (alert), id);
  gtk_window_close (GTK_WINDOW (alert));
  g_object_unref (alert);
#endif
}

/* Returns: (nullable) (transfer none): the alert @child is shown in */
GtkWidget *
pyprep_alert_get_for_child (GtkWidget *child)
{
#if USE_ALERT_DIALOG
  return gtk_widget_get_ancestor (child, ADW_TYPE_ALERT_DIALOG);
#else
  GtkRoot *root = gtk_widget_get_root (child);

  return ADW_IS_MESSAGE_DIALOG (root) ? GTK_WIDGET (root) : NULL;
#endif
}

/* Returns: (nullable) (transfer none): the alert shown over @parent's
 * window, if any */
GtkWidget *
pyprep_alert_get_shown (GtkWidget *parent)
{
#if USE_ALERT_DIALOG
  GtkRoot *root = gtk_widget_get_root (parent);
  AdwDialog *dialog = ADW_IS_APPLICATION_WINDOW (root)
                      ? adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (root))
                      : NULL;

  return ADW_IS_ALERT_DIALOG (dialog) ? GTK_WIDGET (dialog) : NULL;
#else
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */
  GtkRoot *root = gtk_widget_get_root (parent);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window))
          && gtk_window_get_transient_for (GTK_WINDOW (window)) == GTK_WINDOW (root))
        return GTK_WIDGET (window);
    }
  return NULL;
#endif
}

G_GNUC_END_IGNORE_DEPRECATIONS
