/* pyprep-window-progress.c: the main window's care of the study record:
 * exporting and importing it, resetting it, restoring a daily backup,
 * and undoing a reset or a restore.
 *
 * An import, and the undo that puts a snapshot back, run off the main
 * thread (pyprep_study_import_json_async()): a file with years of reviews
 * takes seconds to merge and replay, and the window stays usable
 * meanwhile. While one runs, "Importing progress…" shows, and importing,
 * restoring and undoing wait for it (their actions are disabled), so that
 * no two replacements of the record cross. Grading goes on as usual.
 * Restoring a backup stays synchronous for now.
 *
 * Every failure is told in a sentence that says what happened and what
 * to do; the system's own message follows in smaller type.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-window"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "pyprep-alert.h"
#include "pyprep-backups.h"
#include "pyprep-question.h"
#include "pyprep-topic.h"
#include "pyprep-window-private.h"

/**
 * _pyprep_window_show_error:
 * @heading: what failed, as a title
 * @body: what happened and what to do, for the user
 * @error: (nullable): the cause, shown under @body in smaller type
 */
void
_pyprep_window_show_error (PyprepWindow *self,
                           const char   *heading,
                           const char   *body,
                           const GError *error)
{
  GtkWidget *dialog = pyprep_alert_new (heading, body);

  /* PyPrep's own errors are written for the user and need no detail. */
  if (error != NULL && error->domain != PYPREP_STUDY_ERROR)
    {
      GtkWidget *detail = gtk_label_new (error->message);

      gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
      gtk_label_set_selectable (GTK_LABEL (detail), TRUE);
      gtk_label_set_xalign (GTK_LABEL (detail), 0.5f);
      gtk_label_set_justify (GTK_LABEL (detail), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (detail, "caption");
      gtk_widget_add_css_class (detail, "dim-label");
      pyprep_alert_set_extra_child (dialog, detail);
    }
  pyprep_alert_add_response (dialog, "close", _("_Close"), ADW_RESPONSE_DEFAULT);
  pyprep_alert_present (dialog, GTK_WIDGET (self));
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    PyprepWindow    *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT || file == NULL)
    goto out;

  json = pyprep_study_export_json (self->study, now);
  if (!g_file_replace_contents (file, json, strlen (json), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    _pyprep_window_show_error (self, _("Could Not Export Progress"),
                               _("Your progress was not saved to that file. Choose a folder "
                                 "you can write to, with some free space, and export again."),
                               error);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Progress exported")));

out:
  g_object_unref (chooser);
}

static void
export_progress_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (today, "pyprep-progress-%Y-%m-%d.json");
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Progress"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_toast_dismissed_cb (PyprepWindow *self)
{
  g_clear_object (&self->import_toast);
}

/* An import that takes a while says so, in a toast that then says how it
 * ended; one that ends at once only says that. */
#define IMPORT_TOAST_DELAY_MSEC 700

static gboolean
import_toast_cb (gpointer user_data)
{
  PyprepWindow *self = user_data;

  self->import_toast_id = 0;
  self->import_toast = adw_toast_new (_("Importing progress…"));
  adw_toast_set_timeout (self->import_toast, 0);
  g_signal_connect_object (self->import_toast, "dismissed", G_CALLBACK (import_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->import_toast));
  return G_SOURCE_REMOVE;
}

/* Says how the import ended: the toast on show, if any, takes the news
 * and times out as toasts do.
 *
 * WORKAROUND (libadwaita 1.2 to 1.7 at least): a toast dismissed while
 * it slides in over another one (its 500 ms show outlasts the 300 ms
 * hide) has its show animation end after the overlay freed it, and the
 * app crashes. An import can fail within that time, so its toast is
 * never dismissed by the code: it is given the outcome instead, and
 * adding it again restarts its timeout. */
static void
say_import_ended (PyprepWindow *self,
                  const char   *outcome)
{
  if (self->import_toast != NULL)
    {
      adw_toast_set_title (self->import_toast, outcome);
      adw_toast_set_timeout (self->import_toast, 5);
      adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->import_toast));
      g_signal_handlers_disconnect_by_func (self->import_toast, import_toast_dismissed_cb, self);
      g_clear_object (&self->import_toast);
    }
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (outcome));
}

/* While an import runs, what could replace the record too waits, and the
 * application stays up to finish it. */
static void
set_importing (PyprepWindow *self,
               gboolean      importing)
{
  static const char * const actions[] = { "win.import-progress", "win.restore-backup",
                                          "win.restore-newest-backup", "win.undo" };
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], !importing);

  if (importing)
    {
      g_clear_handle_id (&self->import_toast_id, g_source_remove);
      self->import_toast_id = g_timeout_add (IMPORT_TOAST_DELAY_MSEC, import_toast_cb, self);
      if (app != NULL)
        g_application_hold (G_APPLICATION (app));
    }
  else
    {
      g_clear_handle_id (&self->import_toast_id, g_source_remove);
      if (app != NULL)
        g_application_release (G_APPLICATION (app));
    }
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PyprepWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean imported = pyprep_study_import_json_finish (PYPREP_STUDY (object), result, &error);

  set_importing (self, FALSE);
  if (imported)
    say_import_ended (self, _("Progress imported"));
  else
    {
      /* The dialog says why; a toast on show says it ended. */
      if (self->import_toast != NULL)
        say_import_ended (self, _("Progress not imported"));
      _pyprep_window_show_error (self, _("Could Not Import Progress"),
                                 error->domain == PYPREP_STUDY_ERROR
                                 ? error->message
                                 : _("Nothing was changed. Check that the file is a progress "
                                     "export from PyPrep, and try again."),
                                 error);
    }
}

typedef struct
{
  PyprepWindow *window;
  GBytes       *contents;
} ImportRequest;

/* Freed with the dialog's handler: closing the dialog after a button may
 * answer a second time, with its close response. */
static void
import_request_free (gpointer  data,
                     GClosure *closure)
{
  ImportRequest *request = data;

  g_bytes_unref (request->contents);
  g_object_unref (request->window);
  g_free (request);
}

static void
import_mode_cb (GtkWidget        *dialog,
                const char       *response,
                ImportRequest    *request)
{
  PyprepWindow *self = request->window;

  if (g_str_equal (response, "merge") || g_str_equal (response, "replace"))
    {
      PyprepImportMode mode = g_str_equal (response, "merge") ? PYPREP_IMPORT_MERGE
                                                              : PYPREP_IMPORT_REPLACE;

      set_importing (self, TRUE);
      pyprep_study_import_json_async (self->study, request->contents, mode, NULL, import_done_cb,
                                      g_object_ref (self));
    }
}

static void
import_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PyprepWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = pyprep_study_read_import_finish (result, &error);
  ImportRequest *request;
  GtkWidget *dialog;

  if (contents == NULL)
    {
      _pyprep_window_show_error (self, _("Could Not Import Progress"),
                                 error->domain == PYPREP_STUDY_ERROR
                                 ? error->message
                                 : _("The file could not be read, and nothing was changed. "
                                     "Check that it still exists and that you may read it."),
                                 error);
      return;
    }

  request = g_new0 (ImportRequest, 1);
  request->window = g_object_ref (self);
  request->contents = g_steal_pointer (&contents);

  dialog = pyprep_alert_new (_("Import Progress?"),
                             _("Merging keeps, for each question, whichever record saw it "
                                     "last. Replacing discards your current progress, bookmarks "
                                     "and notes. A file with any problem changes nothing."));
  pyprep_alert_add_response (dialog, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  pyprep_alert_add_response (dialog, "replace", _("_Replace"), ADW_RESPONSE_DESTRUCTIVE);
  pyprep_alert_add_response (dialog, "merge", _("_Merge"), ADW_RESPONSE_SUGGESTED);
  pyprep_alert_set_default_response (dialog, "merge");
  pyprep_alert_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (import_mode_cb), request, import_request_free, 0);
  pyprep_alert_present (dialog, GTK_WIDGET (self));
}

/* Reads @file, then asks whether to merge or replace: what choosing a
 * file in Import Progress does. */
void
_pyprep_window_import_file (PyprepWindow *self,
                            GFile        *file)
{
  pyprep_study_read_import_async (file, NULL, import_loaded_cb, g_object_ref (self));
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    PyprepWindow    *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    _pyprep_window_import_file (self, file);

  g_object_unref (chooser);
}

static void
import_progress_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("PyPrep progress (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_pattern (filter, "*.json");

  chooser = gtk_file_chooser_native_new (_("Import Progress"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Reset, restore and undo ---------------------------------------------- */

/* Keeps the record as it is now, and offers to return to it. */
static void
remember_for_undo (PyprepWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_free (self->undo_snapshot);
  self->undo_snapshot = pyprep_study_export_json (self->study, now);
}

static void
toast_with_undo (PyprepWindow *self,
                 const char   *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PyprepWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean undone = pyprep_study_import_json_finish (PYPREP_STUDY (object), result, &error);

  set_importing (self, FALSE);
  /* A toast on show, if it took a while, says how it ended. */
  if (self->import_toast != NULL)
    say_import_ended (self, undone ? _("Progress put back") : _("Progress not put back"));
  if (!undone)
    _pyprep_window_show_error (self, _("Could Not Undo"),
                               _("Your progress stays as it is now. A daily backup can still "
                                 "bring back an earlier record: see Restore from Backup."),
                               error);
}

/* The snapshot holds the review log too, which can be years of reviews:
 * it goes back as an import does, off the main thread. */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  g_autofree char *snapshot = g_steal_pointer (&self->undo_snapshot);
  g_autoptr(GBytes) contents = NULL;
  gsize length;

  if (snapshot == NULL)
    return;

  length = strlen (snapshot);
  contents = g_bytes_new_take (g_steal_pointer (&snapshot), length);
  set_importing (self, TRUE);
  pyprep_study_import_json_async (self->study, contents, PYPREP_IMPORT_REPLACE, NULL, undo_done_cb,
                                  g_object_ref (self));
}

/* What a dialog's button acts on: the questions to reset, or the
 * backup to restore. The dialog's handler owns it. */
typedef struct
{
  PyprepWindow *window;
  GStrv         ids;      /* to reset; NULL for all */
  GPtrArray    *backups;  /* the list the backup is in */
  PyprepBackup *backup;   /* to restore */
} Request;

static void
request_free (gpointer  data,
              GClosure *closure)
{
  Request *request = data;

  g_object_unref (request->window);
  g_strfreev (request->ids);
  g_clear_pointer (&request->backups, g_ptr_array_unref);
  g_free (request);
}

static void
reset_response_cb (GtkWidget  *dialog,
                   const char *response,
                   Request    *request)
{
  if (!g_str_equal (response, "reset"))
    return;

  remember_for_undo (request->window);
  pyprep_study_reset_progress (request->window->study, (const char * const *)request->ids);
  toast_with_undo (request->window, _("Progress reset"));
}

static void
confirm_reset (PyprepWindow *self,
               PyprepTopic  *topic)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  Request *request = g_new0 (Request, 1);

  if (topic != NULL)
    {
      GListModel *questions = pyprep_topic_get_questions (topic);

      for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
        {
          g_autoptr(PyprepQuestion) question = g_list_model_get_item (questions, i);
          g_strv_builder_add (builder, pyprep_question_get_id (question));
        }
      request->ids = g_strv_builder_end (builder);
      /* The topic goes in the body: a heading does not wrap in every
       * libadwaita, and a long title would not fit a phone. */
      heading = g_strdup (_("Reset Topic Progress?"));
      body = g_strdup_printf (_("Every status and the reading history in “%s” are cleared. "
                                "Bookmarks and notes stay."), pyprep_topic_get_title (topic));
    }
  else
    {
      heading = g_strdup (_("Reset All Progress?"));
      body = g_strdup (_("Every status and the reading history are cleared. "
                         "Bookmarks and notes stay."));
    }

  dialog = pyprep_alert_new (heading, body);
  pyprep_alert_add_response (dialog, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  pyprep_alert_add_response (dialog, "reset", _("_Reset"), ADW_RESPONSE_DESTRUCTIVE);
  pyprep_alert_set_default_response (dialog, "cancel");
  pyprep_alert_set_close_response (dialog, "cancel");
  request->window = g_object_ref (self);
  g_signal_connect_data (dialog, "response", G_CALLBACK (reset_response_cb), request, request_free, 0);
  pyprep_alert_present (dialog, GTK_WIDGET (self));
}

static void
reset_all_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  confirm_reset (PYPREP_WINDOW (widget), NULL);
}

static void
reset_topic_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  PyprepTopic *topic = pyprep_sidebar_get_topic (self->sidebar);

  if (topic != NULL)
    confirm_reset (self, topic);
}

static void
restore (PyprepWindow *self,
         PyprepBackup *backup)
{
  g_autoptr(GError) error = NULL;

  remember_for_undo (self);
  if (pyprep_backups_restore (self->study, backup, &error))
    toast_with_undo (self, _("Progress restored from the backup"));
  else
    _pyprep_window_show_error (self, _("Could Not Restore the Backup"),
                               _("Your progress stays as it was. The backup file may be damaged: "
                                 "try an older one."),
                               error);
}

static void
restore_clicked_cb (GtkButton *button,
                    Request   *request)
{
  restore (request->window, request->backup);
  pyprep_alert_respond (pyprep_alert_get_for_child (GTK_WIDGET (button)), "close");
}

static void
restore_newest_response_cb (GtkWidget  *dialog,
                            const char *response,
                            Request    *request)
{
  if (g_str_equal (response, "restore"))
    restore (request->window, request->backup);
  else if (g_str_equal (response, "choose"))
    gtk_widget_activate_action (GTK_WIDGET (request->window), "win.restore-backup", NULL);
}

/* The record banner's offer: the newest backup that would change
 * something, one click away; the full list when there is none. */
static void
restore_newest_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  g_autoptr(GFile) dir = pyprep_backups_default_dir ();
  g_autoptr(GPtrArray) backups = pyprep_backups_list (dir);
  const GError *log_problem = pyprep_study_get_review_log_problem (self->study);
  gboolean log_damaged = log_problem != NULL && g_error_matches (log_problem, PYPREP_REVIEW_LOG_ERROR,
                                                                 PYPREP_REVIEW_LOG_ERROR_CORRUPT);
  /* A damaged log: the newest backup holds the history, even where its
   * record is the same as the one here. */
  PyprepBackup *backup = log_damaged && backups->len > 0 ? backups->pdata[0]
                                                          : pyprep_backups_find_differing (backups, self->study);
  g_autofree char *body = NULL;
  g_autofree char *bookmarks = NULL;
  GtkWidget *dialog;
  Request *request;

  if (backup == NULL)
    {
      gtk_widget_activate_action (widget, "win.restore-backup", NULL);
      return;
    }

  bookmarks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u bookmark", "%u bookmarks",
                                            backup->bookmarks), backup->bookmarks);
  /* Translators: the first %s is a day, 2026-11-30; the second, e.g. "41 bookmarks". A short
   * heading: a long one does not fit a phone. */
  if (log_damaged)
    /* Translators: the first %s is a day, 2026-11-30; the second, e.g. "41 bookmarks". */
    body = g_strdup_printf (_("The backup of %s holds your review history up to that day: %s, "
                              "%u reviewed. Restoring replaces your current progress; the damaged "
                              "history file is moved aside and kept, never deleted."),
                            backup->day, bookmarks, backup->reviewed);
  else
    body = g_strdup_printf (_("The backup of %s is the newest that differs from your progress now: %s, "
                              "%u reviewed. Restoring replaces your current progress; you can undo it, "
                              "and the copy of what could not be read stays where it was kept."),
                            backup->day, bookmarks, backup->reviewed);
  dialog = pyprep_alert_new (_("Restore a Backup?"), body);
  pyprep_alert_add_response (dialog, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  pyprep_alert_add_response (dialog, "choose", _("_Other Backups…"), ADW_RESPONSE_DEFAULT);
  pyprep_alert_add_response (dialog, "restore", _("_Restore"), ADW_RESPONSE_SUGGESTED);
  pyprep_alert_set_default_response (dialog, "restore");
  pyprep_alert_set_close_response (dialog, "cancel");
  request = g_new0 (Request, 1);
  request->window = g_object_ref (self);
  request->backups = g_ptr_array_ref (backups);
  request->backup = backup;
  g_signal_connect_data (dialog, "response", G_CALLBACK (restore_newest_response_cb), request, request_free, 0);
  pyprep_alert_present (dialog, widget);
}

static void
restore_backup_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  g_autoptr(GFile) dir = pyprep_backups_default_dir ();
  g_autoptr(GPtrArray) backups = pyprep_backups_list (dir);
  GtkWidget *dialog, *list;

  dialog = pyprep_alert_new (_("Restore from Backup"),
                             backups->len > 0
                             ? _("PyPrep keeps a copy of your progress each day you use it. "
                                 "Restoring replaces your current progress; you can undo it.")
                             : _("There is no backup yet. PyPrep makes one each day you use it."));
  pyprep_alert_add_response (dialog, "close", _("_Close"), ADW_RESPONSE_DEFAULT);

  if (backups->len > 0)
    {
      list = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");

      for (guint i = 0; i < backups->len; i++)
        {
          PyprepBackup *backup = backups->pdata[i];
          g_autofree char *bookmarks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u bookmark",
                                                                     "%u bookmarks", backup->bookmarks),
                                                        backup->bookmarks);
          /* Translators: e.g. "41 bookmarks, 120 reviewed" */
          g_autofree char *summary = g_strdup_printf (_("%s, %u reviewed"), bookmarks, backup->reviewed);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));
          Request *request = g_new0 (Request, 1);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), backup->day);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, backup->day, -1);
          request->window = g_object_ref (self);
          request->backups = g_ptr_array_ref (backups);
          request->backup = backup;
          g_signal_connect_data (button, "clicked", G_CALLBACK (restore_clicked_cb), request, request_free, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      pyprep_alert_set_extra_child (dialog, list);
    }

  pyprep_alert_present (dialog, GTK_WIDGET (self));
}

void
_pyprep_window_class_add_progress_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.reset-all", NULL, reset_all_action);
  gtk_widget_class_install_action (widget_class, "win.reset-topic", NULL, reset_topic_action);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL, restore_backup_action);
  gtk_widget_class_install_action (widget_class, "win.restore-newest-backup", NULL, restore_newest_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.export-progress", NULL, export_progress_action);
  gtk_widget_class_install_action (widget_class, "win.import-progress", NULL, import_progress_action);
}
