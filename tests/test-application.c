/* test-application.c: the app-wide actions, their keys, the primary menu
 * and the About window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "pyprep-alert.h"
#include "pyprep-application.h"
#include "pyprep-runner.h"
#include "pyprep-study.h"
#include "test-util.h"

static PyprepApplication *app;

static void
assert_accel (const char *action,
              const char *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

  g_assert_true (g_strv_contains ((const char * const *) accels, accel));
}

/* F1 opens the help, and the other app-wide keys are set. */
static void
test_keys (void)
{
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "help"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "help"));
  assert_accel ("app.help", "F1");
  assert_accel ("app.preferences", "<Control>comma");
  assert_accel ("app.quit", "<Control>q");
  assert_accel ("window.close", "<Control>w");
}

static GtkWidget *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect_actions (GMenuModel *model,
                 GPtrArray  *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *action = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_ptr_array_add (actions, g_steal_pointer (&action));
      if (section != NULL)
        collect_actions (section, actions);
    }
}

/* The primary menu holds Preferences, Keyboard Shortcuts, Help and About,
 * in that order, each with an action that exists. */
static void
test_primary_menu (void)
{
  GtkWindow *window;
  GtkWidget *button;
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  static const char * const wanted[] = { "app.preferences", "win.show-help-overlay", "app.help", "app.about" };
  guint last = 0;

  g_application_activate (G_APPLICATION (app));
  iterate ();
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);
  button = find_primary_menu_button (GTK_WIDGET (window));
  g_assert_nonnull (button);
  /* The menu is built when it first opens. */
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  iterate ();
  g_assert_nonnull (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)))));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  collect_actions (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)), actions);

  for (guint w = 0; w < G_N_ELEMENTS (wanted); w++)
    {
      guint index;

      g_assert_true (g_ptr_array_find_with_equal_func (actions, wanted[w], g_str_equal, &index));
      g_assert_cmpuint (index, >=, last);
      last = index;
    }
  /* Keyboard Shortcuts is built when first asked for, and shown. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  iterate ();
  {
    GtkShortcutsWindow *shortcuts = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
    g_auto(GStrv) accels = NULL;

    g_assert_nonnull (shortcuts);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
    g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (shortcuts)) == window);
    accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
    g_assert_cmpstr (accels[0], ==, "<Control>question");
    gtk_window_close (GTK_WINDOW (shortcuts));
  }
}

/* About names the version, licence, website, tracker and credits, and
 * has release notes for this version. */
static void
test_about (void)
{
  AdwAboutWindow *about = NULL;
  GList *toplevels;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  iterate ();

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_ABOUT_WINDOW (l->data))
      about = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (about);

  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_website (about), ==, "https://github.com/pyprep/PyPrep");
  g_assert_cmpstr (adw_about_window_get_issue_url (about), ==, "https://github.com/pyprep/PyPrep/issues");
  g_assert_nonnull (adw_about_window_get_developers (about));
  g_assert_cmpstr (adw_about_window_get_release_notes_version (about), ==, PACKAGE_VERSION);
  g_assert_nonnull (strstr (adw_about_window_get_release_notes (about), "<li>"));
  g_assert_nonnull (strstr (adw_about_window_get_release_notes (about), "earch"));

  gtk_window_destroy (GTK_WINDOW (about));
}

/* The app applies the preferences that are not a window's: the style
 * and the time limit of a run follow the settings object, which writes
 * through to GSettings. */
static void
test_settings (void)
{
  PyprepSettings *settings = pyprep_application_get_settings (app);
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GSettings) gsettings = g_settings_new (APPLICATION_ID);
  g_autofree char *scheme = NULL;

  g_assert_true (PYPREP_IS_SETTINGS (settings));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);

  pyprep_settings_set_color_scheme (settings, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  scheme = g_settings_get_string (gsettings, "color-scheme");
  g_assert_cmpstr (scheme, ==, "dark");

  g_settings_set_string (gsettings, "color-scheme", "light");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);

  g_settings_set_uint (gsettings, "run-timeout", 7);
  g_assert_cmpuint (pyprep_runner_get_timeout (pyprep_runner_get_default ()), ==, 7000);

  g_settings_reset (gsettings, "color-scheme");
  g_settings_reset (gsettings, "run-timeout");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_cmpuint (pyprep_runner_get_timeout (pyprep_runner_get_default ()), ==, 5000);
}

/* The desired retention and the fitted parameters reach the scheduler;
 * stored parameters that cannot be used are reported, the defaults
 * schedule, and the stored value stays as it was. */
static void
test_scheduler_settings (void)
{
  PyprepStudy *study = pyprep_application_get_study (app);
  g_autoptr(GSettings) gsettings = g_settings_new (APPLICATION_ID);
  g_autoptr(GVariant) kept = NULL;
  PyprepSchedulerConfig config;
  PyprepFsrsParams fitted = *pyprep_fsrs_default_params ();

  g_assert_cmpfloat (pyprep_study_get_desired_retention (study), ==, 0.9);
  g_settings_set_double (gsettings, "desired-retention", 0.85);
  g_assert_cmpfloat_with_epsilon (pyprep_study_get_desired_retention (study), 0.85, 1e-9);

  fitted.w[0] = 0.5;
  fitted.w[20] = 0.3;
  g_settings_set_value (gsettings, "fsrs-parameters", pyprep_fsrs_params_to_variant (&fitted));
  pyprep_study_get_scheduler_config (study, &config);
  g_assert_cmpmem (&config.params, sizeof config.params, &fitted, sizeof fitted);

  g_test_expect_message ("pyprep-application", G_LOG_LEVEL_WARNING, "*fsrs-parameters*3 numbers*");
  g_settings_set_value (gsettings, "fsrs-parameters", g_variant_new_parsed ("[0.5, 1.0, 2.0]"));
  g_test_assert_expected_messages ();
  pyprep_study_get_scheduler_config (study, &config);
  g_assert_cmpmem (&config.params, sizeof config.params, pyprep_fsrs_default_params (), sizeof fitted);
  kept = g_settings_get_value (gsettings, "fsrs-parameters");
  g_assert_cmpuint (g_variant_n_children (kept), ==, 3);

  g_settings_reset (gsettings, "fsrs-parameters");
  g_settings_reset (gsettings, "desired-retention");
  g_assert_cmpfloat (pyprep_study_get_desired_retention (study), ==, 0.9);
}

/* The texts of the labels under @widget, one a line. */
static void
collect_texts (GtkWidget *widget,
               GString   *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_texts (c, out);
}

static GtkWindow *
active_window (void)
{
  g_application_activate (G_APPLICATION (app));
  iterate ();
  g_assert_nonnull (gtk_application_get_active_window (GTK_APPLICATION (app)));
  return gtk_application_get_active_window (GTK_APPLICATION (app));
}

/* F1 where no Help app is installed and the guide has no HTML copy: a
 * message says what to install, and offers the keyboard shortcuts. */
static void
test_help_without_help_app (void)
{
  g_autoptr(GAppInfo) help_app = g_app_info_get_default_for_uri_scheme ("help");
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWindow *window;
  GtkWidget *alert = NULL;

  if (help_app != NULL)
    {
      g_test_skip ("a Help app is installed");
      return;
    }

  g_setenv ("PYPREP_HELP_HTML_DIR", "/nonexistent", TRUE);
  window = active_window ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  for (guint i = 0; i < 2000 && (alert = pyprep_alert_get_shown (GTK_WIDGET (window))) == NULL; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_nonnull (alert);
  collect_texts (alert, text);
  g_assert_nonnull (strstr (text->str, "The Help Could Not Be Opened"));
  g_assert_nonnull (strstr (text->str, "Help app (Yelp)"));

  pyprep_alert_respond (alert, "shortcuts");
  iterate ();
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)))));
  gtk_window_close (GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))));
  g_unsetenv ("PYPREP_HELP_HTML_DIR");
}

/* F1 where no Help app is installed opens the guide's HTML copy in the
 * web browser, here a stand-in that writes down what it was given. GLib
 * reads the XDG folders once, so the child process is given them. */
static void
test_help_in_browser (void)
{
  g_autofree char *opened = NULL;

  if (!g_test_subprocess ())
    {
      g_autofree char *tmp = g_dir_make_tmp ("pyprep-help-XXXXXX", NULL);
      g_autofree char *applications = g_build_filename (tmp, "data", "applications", NULL);
      g_autofree char *config = g_build_filename (tmp, "config", NULL);
      g_autofree char *data = g_build_filename (tmp, "data", NULL);
      g_autofree char *opened_path = g_build_filename (tmp, "opened", NULL);
      g_autofree char *desktop_path = g_build_filename (applications, "test-browser.desktop", NULL);
      g_autofree char *mimeapps_path = g_build_filename (config, "mimeapps.list", NULL);
      g_autofree char *html = g_build_filename (g_test_get_dir (G_TEST_BUILT), "..", "help", NULL);
      g_autofree char *old_data = g_strdup (g_getenv ("XDG_DATA_HOME"));
      g_autofree char *old_config = g_strdup (g_getenv ("XDG_CONFIG_HOME"));
      g_autofree char *desktop = NULL;

      g_assert_cmpint (g_mkdir_with_parents (applications, 0700), ==, 0);
      g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
      desktop = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Browser\nTerminal=false\n"
                                 "Exec=sh -c 'printf %%%%s \"$1\" > %s' sh %%u\nMimeType=text/html;\n",
                                 opened_path);
      g_assert_true (g_file_set_contents (desktop_path, desktop, -1, NULL));
      g_assert_true (g_file_set_contents (mimeapps_path, "[Default Applications]\ntext/html=test-browser.desktop\n",
                                          -1, NULL));
      g_setenv ("XDG_DATA_HOME", data, TRUE);
      g_setenv ("XDG_CONFIG_HOME", config, TRUE);
      g_setenv ("PYPREP_HELP_HTML_DIR", html, TRUE);
      g_setenv ("PYPREP_TEST_OPENED", opened_path, TRUE);

      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);

      g_unsetenv ("PYPREP_HELP_HTML_DIR");
      g_unsetenv ("PYPREP_TEST_OPENED");
      if (old_data != NULL)
        g_setenv ("XDG_DATA_HOME", old_data, TRUE);
      else
        g_unsetenv ("XDG_DATA_HOME");
      if (old_config != NULL)
        g_setenv ("XDG_CONFIG_HOME", old_config, TRUE);
      else
        g_unsetenv ("XDG_CONFIG_HOME");
      g_remove (opened_path);
      g_remove (desktop_path);
      g_remove (mimeapps_path);
      g_test_trap_assert_passed ();
      return;
    }

  {
    g_autoptr(GAppInfo) help_app = g_app_info_get_default_for_uri_scheme ("help");

    if (help_app != NULL)
      {
        g_test_skip ("a Help app is installed");
        return;
      }
  }

  active_window ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  /* Until the stand-in has written its line. */
  for (guint i = 0; i < 5000 && (opened == NULL || !g_str_has_suffix (opened, "html")); i++)
    {
      g_clear_pointer (&opened, g_free);
      g_file_get_contents (g_getenv ("PYPREP_TEST_OPENED"), &opened, NULL, NULL);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_nonnull (opened);
  /* The guide's first page, as a URI or, for a local file, a path. */
  {
    g_autofree char *path = g_str_has_prefix (opened, "file:") ? g_filename_from_uri (opened, NULL, NULL)
                                                              : g_strdup (opened);

    g_assert_nonnull (path);
    g_assert_true (g_str_has_suffix (path, "/help/index.html"));
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }
  g_assert_null (pyprep_alert_get_shown (GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)))));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);

  app = pyprep_application_new ();
  /* Runs beside other tests and a running PyPrep. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/pyprep/application/keys", test_keys);
  g_test_add_func ("/pyprep/application/primary-menu", test_primary_menu);
  g_test_add_func ("/pyprep/application/about", test_about);
  g_test_add_func ("/pyprep/application/settings", test_settings);
  g_test_add_func ("/pyprep/application/scheduler-settings", test_scheduler_settings);
  g_test_add_func ("/pyprep/application/help-without-help-app", test_help_without_help_app);
  g_test_add_func ("/pyprep/application/help-in-browser", test_help_in_browser);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
