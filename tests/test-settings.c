/* test-settings.c: PyprepSettings, the properties the windows bind to:
 * a property set reaches GSettings, a key changed elsewhere notifies its
 * property, and the window's geometry is stored as one change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "pyprep-settings.h"

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

/* Records the keys of each change; the "changed" signals still follow. */
static gboolean
change_event_cb (GSettings    *settings,
                 const GQuark *keys,
                 int           n_keys,
                 GPtrArray    *events)
{
  GString *event = g_string_new (NULL);

  for (int i = 0; i < n_keys; i++)
    g_string_append_printf (event, "%s%s", i ? " " : "", g_quark_to_string (keys[i]));
  g_ptr_array_add (events, g_string_free (event, FALSE));
  return FALSE;
}

/* The values start as stored, not as the defaults. */
static void
test_initial_values (void)
{
  g_autoptr(GSettings) gsettings = g_settings_new (APPLICATION_ID);
  g_autoptr(PyprepSettings) settings = NULL;

  g_settings_set_string (gsettings, "color-scheme", "dark");
  g_settings_set_uint (gsettings, "mock-seconds", 60);
  g_settings_set_string (gsettings, "last-question", "gil-what-and-why");

  settings = pyprep_settings_new_for_gsettings (gsettings);
  g_assert_cmpint (pyprep_settings_get_color_scheme (settings), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpuint (pyprep_settings_get_mock_seconds (settings), ==, 60);
  g_assert_cmpstr (pyprep_settings_get_last_question (settings), ==, "gil-what-and-why");
  g_assert_cmpuint (pyprep_settings_get_new_per_day (settings), ==, 20);
  g_assert_true (pyprep_settings_get_reopen_last_question (settings));

  g_settings_reset (gsettings, "color-scheme");
  g_settings_reset (gsettings, "mock-seconds");
  g_settings_reset (gsettings, "last-question");
  g_assert_cmpint (pyprep_settings_get_color_scheme (settings), ==, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_finalize_object (g_steal_pointer (&settings));
}

/* Setting a property, as a bound widget does, writes its key. */
static void
test_property_to_key (void)
{
  g_autoptr(GSettings) gsettings = g_settings_new (APPLICATION_ID);
  g_autoptr(PyprepSettings) settings = pyprep_settings_new_for_gsettings (gsettings);
  static const char * const keys[] = { "color-scheme", "text-scale", "new-per-day", "mark-read-on-open",
                                       "last-question" };
  g_autofree char *scheme = NULL;
  g_autofree char *last = NULL;

  g_object_set (settings, "color-scheme", ADW_COLOR_SCHEME_FORCE_LIGHT, NULL);
  scheme = g_settings_get_string (gsettings, "color-scheme");
  g_assert_cmpstr (scheme, ==, "light");

  pyprep_settings_set_text_scale (settings, 1.5);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (gsettings, "text-scale"), 1.5, 1e-9);

  g_object_set (settings, "new-per-day", 3, "mark-read-on-open", FALSE, NULL);
  g_assert_cmpuint (g_settings_get_uint (gsettings, "new-per-day"), ==, 3);
  g_assert_false (g_settings_get_boolean (gsettings, "mark-read-on-open"));

  pyprep_settings_set_last_question (settings, "one");
  last = g_settings_get_string (gsettings, "last-question");
  g_assert_cmpstr (last, ==, "one");

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (gsettings, keys[i]);
  g_assert_cmpfloat (pyprep_settings_get_text_scale (settings), ==, 1.0);
}

/* A key changed elsewhere (Preferences, dconf, another window) notifies
 * its property once, and an unchanged value not at all. */
static void
test_key_to_property (void)
{
  g_autoptr(GSettings) gsettings = g_settings_new (APPLICATION_ID);
  g_autoptr(PyprepSettings) settings = pyprep_settings_new_for_gsettings (gsettings);
  guint seconds = 0, scheme = 0, reopen = 0;

  g_signal_connect (settings, "notify::mock-seconds", G_CALLBACK (count_cb), &seconds);
  g_signal_connect (settings, "notify::color-scheme", G_CALLBACK (count_cb), &scheme);
  g_signal_connect (settings, "notify::reopen-last-question", G_CALLBACK (count_cb), &reopen);

  g_settings_set_uint (gsettings, "mock-seconds", 90);
  g_assert_cmpuint (seconds, ==, 1);
  g_assert_cmpuint (pyprep_settings_get_mock_seconds (settings), ==, 90);
  g_settings_set_uint (gsettings, "mock-seconds", 90);
  g_assert_cmpuint (seconds, ==, 1);

  g_settings_set_string (gsettings, "color-scheme", "dark");
  g_assert_cmpuint (scheme, ==, 1);
  g_assert_cmpint (pyprep_settings_get_color_scheme (settings), ==, ADW_COLOR_SCHEME_FORCE_DARK);

  g_settings_set_boolean (gsettings, "reopen-last-question", FALSE);
  g_assert_cmpuint (reopen, ==, 1);
  g_assert_false (pyprep_settings_get_reopen_last_question (settings));

  g_settings_reset (gsettings, "mock-seconds");
  g_settings_reset (gsettings, "color-scheme");
  g_settings_reset (gsettings, "reopen-last-question");
  g_assert_cmpuint (seconds, ==, 2);
  g_assert_cmpuint (pyprep_settings_get_mock_seconds (settings), ==, 180);
}

/* The geometry is one change of its keys; a maximized window keeps the
 * size it had before; later writes are not held back. */
static void
test_save_geometry (void)
{
  g_autoptr(GSettings) gsettings = g_settings_new (APPLICATION_ID);
  g_autoptr(PyprepSettings) settings = pyprep_settings_new_for_gsettings (gsettings);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_free);
  guint width = 0;

  g_signal_connect (gsettings, "change-event", G_CALLBACK (change_event_cb), events);
  g_signal_connect (settings, "notify::window-width", G_CALLBACK (count_cb), &width);

  pyprep_settings_save_geometry (settings, 800, 600, FALSE);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_nonnull (strstr (events->pdata[0], "window-width"));
  g_assert_nonnull (strstr (events->pdata[0], "window-height"));
  g_assert_nonnull (strstr (events->pdata[0], "window-maximized"));
  g_assert_cmpint (g_settings_get_int (gsettings, "window-width"), ==, 800);
  g_assert_cmpint (g_settings_get_int (gsettings, "window-height"), ==, 600);
  g_assert_cmpint (pyprep_settings_get_window_width (settings), ==, 800);
  g_assert_cmpint (pyprep_settings_get_window_height (settings), ==, 600);
  g_assert_cmpuint (width, ==, 1);

  pyprep_settings_save_geometry (settings, 1400, 1000, TRUE);
  g_assert_true (g_settings_get_boolean (gsettings, "window-maximized"));
  g_assert_true (pyprep_settings_get_window_maximized (settings));
  g_assert_cmpint (g_settings_get_int (gsettings, "window-width"), ==, 800);
  g_assert_cmpint (pyprep_settings_get_window_width (settings), ==, 800);

  g_assert_false (g_settings_get_has_unapplied (gsettings));
  pyprep_settings_set_new_per_day (settings, 7);
  g_assert_cmpuint (g_settings_get_uint (gsettings, "new-per-day"), ==, 7);

  g_settings_reset (gsettings, "new-per-day");
  g_settings_reset (gsettings, "window-width");
  g_settings_reset (gsettings, "window-height");
  g_settings_reset (gsettings, "window-maximized");
}

/* The scheduling preferences: desired retention (clamped to 0.70 ..
 * 0.97), the reviews a day (0 for no limit), and the fitted parameters,
 * read as stored, whatever they are. */
static void
test_review_preferences (void)
{
  g_autoptr(GSettings) gsettings = g_settings_new (APPLICATION_ID);
  g_autoptr(PyprepSettings) settings = pyprep_settings_new_for_gsettings (gsettings);
  guint retention = 0, parameters = 0;

  g_assert_cmpfloat (pyprep_settings_get_desired_retention (settings), ==, 0.9);
  g_assert_cmpuint (pyprep_settings_get_max_reviews_per_day (settings), ==, 200);
  g_assert_cmpuint (g_variant_n_children (pyprep_settings_get_fsrs_parameters (settings)), ==, 0);

  g_signal_connect (settings, "notify::desired-retention", G_CALLBACK (count_cb), &retention);
  g_signal_connect (settings, "notify::fsrs-parameters", G_CALLBACK (count_cb), &parameters);

  pyprep_settings_set_desired_retention (settings, 0.85);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (gsettings, "desired-retention"), 0.85, 1e-9);
  pyprep_settings_set_desired_retention (settings, 0.5);
  g_assert_cmpfloat_with_epsilon (pyprep_settings_get_desired_retention (settings), 0.7, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (gsettings, "desired-retention"), 0.7, 1e-9);
  g_settings_set_double (gsettings, "desired-retention", 0.95);
  g_assert_cmpfloat_with_epsilon (pyprep_settings_get_desired_retention (settings), 0.95, 1e-9);
  g_assert_cmpuint (retention, ==, 3);

  pyprep_settings_set_max_reviews_per_day (settings, 0);
  g_assert_cmpuint (g_settings_get_uint (gsettings, "max-reviews-per-day"), ==, 0);

  g_settings_set_value (gsettings, "fsrs-parameters", g_variant_new_parsed ("[0.5, 1.5]"));
  g_assert_cmpuint (parameters, ==, 1);
  g_assert_cmpuint (g_variant_n_children (pyprep_settings_get_fsrs_parameters (settings)), ==, 2);
  g_settings_set_value (gsettings, "fsrs-parameters", g_variant_new_parsed ("[0.5, 1.5]"));
  g_assert_cmpuint (parameters, ==, 1);

  g_settings_reset (gsettings, "desired-retention");
  g_settings_reset (gsettings, "max-reviews-per-day");
  g_settings_reset (gsettings, "fsrs-parameters");
  g_assert_cmpuint (parameters, ==, 2);

  /* Optimize stores its parameters through the setter; Reset to Defaults
   * stores none. */
  pyprep_settings_set_fsrs_parameters (settings, g_variant_new_parsed ("[0.25, 1.0, 3.0]"));
  {
    g_autoptr(GVariant) stored = g_settings_get_value (gsettings, "fsrs-parameters");

    g_assert_cmpuint (g_variant_n_children (stored), ==, 3);
  }
  g_assert_cmpuint (g_variant_n_children (pyprep_settings_get_fsrs_parameters (settings)), ==, 3);
  g_assert_cmpuint (parameters, ==, 3);
  pyprep_settings_set_fsrs_parameters (settings, NULL);
  {
    g_autoptr(GVariant) stored = g_settings_get_value (gsettings, "fsrs-parameters");

    g_assert_cmpuint (g_variant_n_children (stored), ==, 0);
  }
  g_assert_cmpuint (parameters, ==, 4);
  g_settings_reset (gsettings, "fsrs-parameters");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/settings/initial-values", test_initial_values);
  g_test_add_func ("/pyprep/settings/property-to-key", test_property_to_key);
  g_test_add_func ("/pyprep/settings/key-to-property", test_key_to_property);
  g_test_add_func ("/pyprep/settings/save-geometry", test_save_geometry);
  g_test_add_func ("/pyprep/settings/review-preferences", test_review_preferences);

  return g_test_run ();
}
