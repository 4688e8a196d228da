/* pyprep-application.c: owns the loaded question bank and the app-wide
 * actions; each window shows the same library.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-application"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "pyprep-a11y.h"
#include "pyprep-alert.h"
#include "pyprep-application.h"
#include "pyprep-backups.h"
#include "pyprep-drafts.h"
#include "pyprep-exercise-check.h"
#include "pyprep-library.h"
#include "pyprep-preferences-window.h"
#include "pyprep-python-editor.h"
#include "pyprep-run-consent.h"
#include "pyprep-runner.h"
#include "pyprep-settings.h"
#include "pyprep-window.h"

struct _PyprepApplication
{
  AdwApplication  parent_instance;

  PyprepLibrary  *library;
  PyprepStudy    *study;
  PyprepSettings *settings;
  GCancellable   *exercise_check;
};

G_DEFINE_FINAL_TYPE (PyprepApplication, pyprep_application, ADW_TYPE_APPLICATION)

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* What changed in each release, in AdwAboutWindow's small markup. */
static const char release_notes[] =
  /* Translators: release notes in About; keep the <p>, <ul> and <li> tags. */
  N_("<p>The first release of PyPrep.</p>"
  "<ul>"
  "<li>A question bank for Python interviews, read offline, with highlighted code you can copy, "
  "edit and run in a sandbox</li>"
  "<li>Practice sessions with spaced repetition (FSRS), and timed mock interviews</li>"
  "<li>Statistics: streaks, an activity calendar, mastery per topic and reviews due</li>"
  "<li>Bookmarks, needs-review and confident marks, notes, and progress per topic that survives updates</li>"
  "<li>Search across titles, tags, answers and code that tolerates typos, within all questions, the "
  "bookmarked ones, those needing review or the current topic</li>"
  "<li>History, next and previous question, zoom, and a shortcut for everything</li>"
  "<li>Export, import and daily backups of your progress</li>"
  "<li>A layout that fits a phone-sized window</li>"
  "</ul>");

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autofree char *developer = g_strdup_printf ("%s https://github.com/pyprep/PyPrep",
                                                _("The PyPrep developers"));
  g_autofree char *contributors = g_strdup_printf ("%s https://github.com/pyprep/PyPrep",
                                                   _("The PyPrep contributors"));
  const char *developers[] = { developer, NULL };
  const char *bank_authors[] = { contributors, NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", "PyPrep",
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Study for Python interviews. The questions are written "
                                      "for CPython 3.11 to 3.15."),
                        "website", "https://github.com/pyprep/PyPrep",
                        "issue-url", "https://github.com/pyprep/PyPrep/issues",
                        "developer-name", _("The PyPrep developers"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        "release-notes-version", "0.1.0",
                        "release-notes", _(release_notes),
                        NULL);
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Question Bank"), bank_authors);
  pyprep_a11y_name_internal_widgets (about);
  gtk_window_present (GTK_WINDOW (about));
}

/* The guide as HTML (help/meson.build), or NULL where it was not built. */
static char *
help_html_index (void)
{
  const char *dir = g_getenv ("PYPREP_HELP_HTML_DIR");
  g_autofree char *index = g_build_filename (dir != NULL ? dir : HELP_HTML_DIR, "index.html", NULL);

  return g_file_test (index, G_FILE_TEST_IS_REGULAR) ? g_steal_pointer (&index) : NULL;
}

static void
help_alert_response_cb (GtkWidget  *dialog,
                        const char *response,
                        GtkWindow  *parent)
{
  if (g_strcmp0 (response, "shortcuts") == 0 && parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-help-overlay", NULL);
}

/* Neither the Help app nor a browser could show the guide: what to do
 * instead, and the shortcuts, which need neither. */
static void
show_help_alert (GtkWindow  *parent,
                 const char *html_index)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (html_index != NULL)
    /* Translators: %s is the path of the guide's first page, index.html. */
    body = g_strdup_printf (_("The user guide opens in the Help app (Yelp), which is not installed, and no web "
                              "browser could open its copy either. Install the Help app, or open %s in a "
                              "browser."), html_index);
  else
    body = g_strdup (_("The user guide opens in the Help app (Yelp), which is not installed. Install it from "
                       "your software centre to read the guide. The keyboard shortcuts are listed in PyPrep "
                       "itself."));

  dialog = pyprep_alert_new (_("The Help Could Not Be Opened"), body);
  if (parent != NULL)
    pyprep_alert_add_response (dialog, "shortcuts", _("Keyboard Shortcuts"), ADW_RESPONSE_DEFAULT);
  pyprep_alert_add_response (dialog, "close", _("_Close"), ADW_RESPONSE_DEFAULT);
  pyprep_alert_set_default_response (dialog, "close");
  pyprep_alert_set_close_response (dialog, "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (help_alert_response_cb), parent, 0);
  pyprep_alert_present (dialog, parent ? GTK_WIDGET (parent) : NULL);
}

static void
help_html_shown_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (parent, result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *index = help_html_index ();

      g_warning ("Could not open the help in a browser: %s", error->message);
      show_help_alert (parent, index);
    }
}

static void
help_shown_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *index = NULL;
  g_autofree char *uri = NULL;

  if (gtk_show_uri_full_finish (parent, result, &error)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* No Help app: the same guide, as HTML, in the web browser. */
  g_message ("Could not open the help with the Help app: %s", error->message);
  index = help_html_index ();
  if (index == NULL)
    {
      show_help_alert (parent, NULL);
      return;
    }

  uri = g_filename_to_uri (index, NULL, NULL);
  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL, help_html_shown_cb,
                     parent ? g_object_ref (parent) : NULL);
}

/* Opens the user guide in help/ with the system's help browser, or else
 * its HTML copy in the web browser. */
static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_show_uri_full (parent, "help:" APPLICATION_ID, GDK_CURRENT_TIME, NULL, help_shown_cb,
                     parent ? g_object_ref (parent) : NULL);
}

/* Today's backup is written after startup, off the path to the first frame. */
static gboolean
backup_idle_cb (gpointer user_data)
{
  PyprepApplication *self = user_data;
  g_autoptr(GFile) dir = pyprep_backups_default_dir ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  if (self->study != NULL && !pyprep_backups_save_if_due (self->study, dir, now, &error))
    g_warning ("Could not write today's backup: %s", error->message);

  return G_SOURCE_REMOVE;
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  PyprepApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences = pyprep_preferences_window_new (parent, self->settings);

  pyprep_preferences_window_set_review_log (PYPREP_PREFERENCES_WINDOW (preferences),
                                            pyprep_study_get_review_log (self->study));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
mark_read_on_open_changed_cb (PyprepApplication *self)
{
  pyprep_study_set_mark_read_on_open (self->study, pyprep_settings_get_mark_read_on_open (self->settings));
}

static void
desired_retention_changed_cb (PyprepApplication *self)
{
  pyprep_study_set_desired_retention (self->study, pyprep_settings_get_desired_retention (self->settings));
}

/* Parameters that cannot be used are reported and left as stored (the
 * optimizer may write better ones); the defaults schedule meanwhile. */
static void
fsrs_parameters_changed_cb (PyprepApplication *self)
{
  g_autofree char *problem = NULL;
  PyprepFsrsParams params;

  if (!pyprep_fsrs_params_from_variant (pyprep_settings_get_fsrs_parameters (self->settings), &params,
                                        &problem))
    g_warning ("The stored scheduler parameters (fsrs-parameters) cannot be used, %s; "
               "scheduling with the default parameters", problem);
  pyprep_study_set_fsrs_params (self->study, &params);
}

static void
run_timeout_changed_cb (PyprepApplication *self)
{
  pyprep_runner_set_timeout (pyprep_runner_get_default (), pyprep_settings_get_run_timeout (self->settings) * 1000);
}

/* Makes the settings object that the windows bind to, and applies the
 * preferences that are not a window's own business. The GSettings
 * (study/'s pyprep_study_settings_new(), with its keyfile fallback) is shared
 * with the study, which keeps its own keys in it. */
static void
load_settings (PyprepApplication *self)
{
  g_autoptr(GSettings) gsettings = pyprep_study_settings_new ();

  self->settings = pyprep_settings_new_for_gsettings (gsettings);
  self->study = pyprep_study_new (gsettings);
  pyprep_study_set_drafts (self->study, pyprep_drafts_get_default ());
  /* Every grade, in $XDG_DATA_HOME/pyprep/; if it cannot be opened the
   * window says so (PyprepStudy:review-log-problem). */
  pyprep_study_open_review_log (self->study, NULL);

  g_object_bind_property (self->settings, "color-scheme", adw_style_manager_get_default (), "color-scheme",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->settings, "notify::mark-read-on-open",
                           G_CALLBACK (mark_read_on_open_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "notify::run-timeout",
                           G_CALLBACK (run_timeout_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "notify::desired-retention",
                           G_CALLBACK (desired_retention_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "notify::fsrs-parameters",
                           G_CALLBACK (fsrs_parameters_changed_cb), self, G_CONNECT_SWAPPED);
  mark_read_on_open_changed_cb (self);
  desired_retention_changed_cb (self);
  fsrs_parameters_changed_cb (self);
  run_timeout_changed_cb (self);
  /* "Don't ask again" before running the bank's code without a sandbox. */
  pyprep_run_consent_bind (G_OBJECT (self->settings), "run-unsandboxed-builtin");
  pyprep_code_wrap_bind (G_OBJECT (self->settings), "wrap-code");
}

static const GActionEntry app_actions[] = {
  { .name = "preferences", .activate = preferences_action },
  { .name = "quit", .activate = quit_action },
  { .name = "about", .activate = about_action },
  { .name = "help", .activate = help_action },
};

static gpointer
load_library_thread (gpointer data)
{
  pyprep_library_load_default (PYPREP_LIBRARY (data));
  return NULL;
}

/* GTK reads the icon theme's folders again each time a resource path is
 * added to it, and GtkApplication and libadwaita both add one during
 * startup, after GTK has started reading. Left alone, the window's first
 * icon would wait for that second reading on the main thread. GTK allows
 * lookups from another thread once the theme is set up (see "Threading"
 * in gtkicontheme.c), so one is made here, while the window is built.
 *
 * Written for GTK 4.8. GTK 4.18 still reads the theme twice at startup:
 * a bare AdwApplication opens Adwaita's index.theme twice on its main
 * thread there (strace, Debian 13), so this stays on every version. */
static void
read_icon_theme_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  gtk_icon_theme_has_icon (GTK_ICON_THEME (task_data), APPLICATION_ID "-symbolic");
  g_task_return_boolean (task, TRUE);
}

static void
read_icon_theme (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_task_data (task, g_object_ref (theme), g_object_unref);
  g_task_run_in_thread (task, read_icon_theme_thread);
}

/* A problem found in an exercise of the user's decks: every window's
 * banner says so. */
static void
exercise_problem_found_cb (PyprepLibrary *library,
                           gpointer       user_data)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (user_data)); l != NULL; l = l->next)
    if (PYPREP_IS_WINDOW (l->data))
      pyprep_window_refresh_problems (l->data);
}

/* The exercises of the user's own decks are checked once the app has
 * settled, one at a time. */
static gboolean
check_exercises_cb (gpointer user_data)
{
  PyprepApplication *self = user_data;

  /* Cancelled at shutdown: no callback comes after it. */
  self->exercise_check = g_cancellable_new ();
  pyprep_exercise_check_user_decks (self->library, self->exercise_check, exercise_problem_found_cb,
                                    NULL, self);
  return G_SOURCE_REMOVE;
}

static void
pyprep_application_startup (GApplication *application)
{
  PyprepApplication *self = PYPREP_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  GThread *loader;

  /* Without a display GTK would print a warning and exit() from the
   * parent's startup while the deck loader below is still reading: say so
   * plainly instead, before any thread is started. */
  if (!gtk_init_check ())
    {
      g_printerr ("%s\n", _("PyPrep cannot start: no display could be opened. "
                             "It needs a graphical session (Wayland or X11)."));
      exit (EXIT_FAILURE);
    }

  /* The decks are parsed on another thread while GTK and libadwaita
   * start up on this one; the loader uses GLib only, and nothing sees
   * the library before the thread has finished. */
  self->library = pyprep_library_new ();
  loader = g_thread_new ("pyprep-decks", load_library_thread, self->library);

  G_APPLICATION_CLASS (pyprep_application_parent_class)->startup (application);
  read_icon_theme ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", shortcuts_accels);

  g_thread_join (loader);

  load_settings (self);

  g_timeout_add_seconds_full (G_PRIORITY_LOW, 5, backup_idle_cb, g_object_ref (self), g_object_unref);
  g_timeout_add_seconds_full (G_PRIORITY_LOW, 3, check_exercises_cb, g_object_ref (self), g_object_unref);
}

static void
pyprep_application_activate (GApplication *application)
{
  PyprepApplication *self = PYPREP_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (pyprep_window_new (self));

  gtk_window_present (window);
}

static void
pyprep_application_shutdown (GApplication *application)
{
  PyprepApplication *self = PYPREP_APPLICATION (application);

  G_APPLICATION_CLASS (pyprep_application_parent_class)->shutdown (application);

  g_cancellable_cancel (self->exercise_check);
  g_clear_object (&self->exercise_check);
  g_clear_object (&self->study);  /* syncs the settings */
  pyprep_run_consent_bind (NULL, NULL);
  pyprep_code_wrap_bind (NULL, NULL);
  g_clear_object (&self->settings);
  g_clear_object (&self->library);
}

static void
pyprep_application_class_init (PyprepApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = pyprep_application_startup;
  app_class->activate = pyprep_application_activate;
  app_class->shutdown = pyprep_application_shutdown;
}

static void
pyprep_application_init (PyprepApplication *self)
{
}

PyprepApplication *
pyprep_application_new (void)
{
  return g_object_new (PYPREP_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/* Returns: (transfer none): the loaded decks */
PyprepLibrary *
pyprep_application_get_library (PyprepApplication *self)
{
  g_return_val_if_fail (PYPREP_IS_APPLICATION (self), NULL);
  return self->library;
}

/* Returns: (transfer none): the preferences and the saved window state */
PyprepSettings *
pyprep_application_get_settings (PyprepApplication *self)
{
  g_return_val_if_fail (PYPREP_IS_APPLICATION (self), NULL);
  return self->settings;
}

/* Returns: (transfer none): the user's study record */
PyprepStudy *
pyprep_application_get_study (PyprepApplication *self)
{
  g_return_val_if_fail (PYPREP_IS_APPLICATION (self), NULL);
  return self->study;
}
