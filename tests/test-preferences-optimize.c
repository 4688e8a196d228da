/* test-preferences-optimize.c: Optimize in Preferences, as a user meets
 * it: below the threshold it says how many reviews are missing and
 * cannot be started; with enough it runs, reports the fit, and stores
 * the new parameters only if they predict better; Cancel stores nothing;
 * Reset to Defaults clears them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "pyprep-fsrs.h"
#include "pyprep-preferences-window.h"
#include "test-util.h"

#define DAY_MS ((gint64)24 * 60 * 60 * 1000)
/* 2026-03-02 09:00 UTC */
#define START_MS ((gint64)1772442000 * 1000)

typedef struct
{
  char            *dir;
  char            *path;
  PyprepReviewLog *log;
  GSettings       *gsettings;
  PyprepSettings  *settings;
} Fixture;

/* @n_cards cards, each graded @n_grades times on days further and
 * further apart, recalled or not as the parameters of someone who
 * forgets faster than the defaults assume predict (with a fixed seed):
 * a log the optimizer can fit better than the defaults do. */
static void
fill_log (Fixture *fixture,
          guint    n_cards,
          guint    n_grades)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) pyprep_review_entry_free);
  PyprepFsrsParams truth = *pyprep_fsrs_default_params ();
  const PyprepFsrsParams *p = &truth;
  g_autoptr(GRand) rand = g_rand_new_with_seed (23);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 4; i++)
    truth.w[i] *= 0.25;
  truth.w[8] *= 0.6;
  pyprep_fsrs_params_clamp (&truth);
  for (guint c = 0; c < n_cards; c++)
    {
      g_autofree char *card = g_strdup_printf ("card-%u", c);
      PyprepFsrsMemory m;
      gint64 time = START_MS + c * 60 * 1000;

      for (guint g = 0; g < n_grades; g++)
        {
          PyprepReviewEntry *entry = pyprep_review_entry_new ();
          int rating;
          double days = 0;

          if (g == 0)
            {
              rating = 1 + (int) g_rand_int_range (rand, 1, 4);
              pyprep_fsrs_init_memory (p, rating, &m);
            }
          else
            {
              double r;

              days = MAX (1.0, round (m.stability * 4.0 * g_rand_double_range (rand, 0.5, 2.0)));
              time += (gint64) days * DAY_MS;
              r = pyprep_fsrs_retrievability (p, days, m.stability);
              rating = g_rand_double (rand) < r ? 3 : 1;
              pyprep_fsrs_next_memory (p, &m, days, rating, &m);
            }
          entry->installation = g_strdup (pyprep_review_log_get_installation (fixture->log));
          entry->card = g_strdup (card);
          entry->kind = PYPREP_REVIEW_KIND_RECALL;
          entry->rating = rating;
          entry->time = time;
          g_ptr_array_add (entries, entry);
        }
    }
  g_assert_true (pyprep_review_log_merge (fixture->log, entries, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("pyprep-optimize-XXXXXX", NULL);
  fixture->path = g_build_filename (fixture->dir, "reviews.sqlite", NULL);
  fixture->log = pyprep_review_log_new (fixture->path, &error);
  g_assert_no_error (error);
  fixture->gsettings = g_settings_new (APPLICATION_ID);
  g_settings_reset (fixture->gsettings, "fsrs-parameters");
  fixture->settings = pyprep_settings_new_for_gsettings (fixture->gsettings);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&fixture->settings);
  g_settings_reset (fixture->gsettings, "fsrs-parameters");
  g_clear_object (&fixture->gsettings);
  g_clear_object (&fixture->log);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);

      g_remove (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
row_subtitle (GtkWidget  *window,
              const char *name)
{
  GtkWidget *row = find_named (window, name);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static GtkWidget *
open_window_sized (Fixture *fixture,
                   int      width,
                   int      height)
{
  GtkWidget *window = pyprep_preferences_window_new (NULL, fixture->settings);

  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);

  pyprep_preferences_window_set_review_log (PYPREP_PREFERENCES_WINDOW (window), fixture->log);
  gtk_window_present (GTK_WINDOW (window));
  /* Until the log is read. */
  while (strstr (row_subtitle (window, "optimize-row"), "Counting") != NULL)
    g_main_context_iteration (NULL, TRUE);
  return window;
}

static GtkWidget *
open_window (Fixture *fixture)
{
  return open_window_sized (fixture, 0, 0);
}

/* Until the run ends: the button says Optimize again. */
static void
wait_for_run (GtkWidget *window)
{
  GtkWidget *button = find_named (window, "optimize-button");

  while (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), "Optimize") != 0)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
key_is_empty (Fixture *fixture)
{
  g_autoptr(GVariant) value = g_settings_get_value (fixture->gsettings, "fsrs-parameters");

  return g_variant_n_children (value) == 0;
}

static void
close_window (GtkWidget *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A few reviews: the reason, and no way to start. */
static void
test_below_threshold (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *window;
  GtkWidget *button;

  fill_log (fixture, 5, 4);  /* 15 judged */
  window = open_window (fixture);
  button = find_named (window, "optimize-button");

  g_assert_nonnull (strstr (row_subtitle (window, "optimize-row"), "Needs 400 reviews; you have 15"));
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_nonnull (strstr (row_subtitle (window, "parameters-row"), "defaults"));
  g_assert_false (gtk_widget_get_visible (find_named (window, "reset-parameters-button")));

  gtk_widget_activate_action (window, "prefs.optimize", NULL);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Optimize");
  g_assert_true (key_is_empty (fixture));
  close_window (window);
}

/* Enough reviews: offered, run, the figures before and after, and the
 * key written exactly when the fit is kept. Reset clears it. */
static void
test_optimize (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *window;
  GtkWidget *button;
  const char *result;
  gboolean kept;

  fill_log (fixture, 60, 9);  /* 480 judged */
  window = open_window (fixture);
  button = find_named (window, "optimize-button");

  g_assert_nonnull (strstr (row_subtitle (window, "optimize-row"), "Available"));
  g_assert_true (gtk_widget_is_sensitive (button));

  gtk_widget_activate_action (window, "prefs.optimize", NULL);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Cancel");
  g_assert_true (gtk_widget_is_visible (find_named (window, "optimize-progress")));
  wait_for_run (window);

  result = row_subtitle (window, "optimize-row");
  g_assert_nonnull (strstr (result, "Log loss"));
  g_assert_nonnull (strstr (result, "RMSE (bins)"));
  g_assert_nonnull (strstr (result, "→"));
  g_test_message ("%s", result);
  kept = strstr (result, "Kept:") != NULL;
  g_assert_true (kept || strstr (result, "Not kept:") != NULL);
  g_assert_cmpint (kept, ==, !key_is_empty (fixture));
  /* The log's forgetting is not the defaults': a fit does better. */
  g_assert_true (kept);
  g_assert_false (gtk_widget_is_visible (find_named (window, "optimize-progress")));

  if (kept)
    {
      PyprepFsrsParams params;
      g_autoptr(GVariant) value = g_settings_get_value (fixture->gsettings, "fsrs-parameters");

      g_assert_true (pyprep_fsrs_params_from_variant (value, &params, NULL));
      g_assert_nonnull (strstr (row_subtitle (window, "parameters-row"), "Fitted"));
      g_assert_true (gtk_widget_get_visible (find_named (window, "reset-parameters-button")));

      gtk_widget_activate_action (window, "prefs.reset-parameters", NULL);
      g_assert_true (key_is_empty (fixture));
      g_assert_nonnull (strstr (row_subtitle (window, "parameters-row"), "defaults"));
      g_assert_false (gtk_widget_get_visible (find_named (window, "reset-parameters-button")));
    }
  close_window (window);
}

/* Cancel: back to Optimize, and the stored parameters as they were. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GVariant) before = NULL;
  g_autoptr(GVariant) after = NULL;
  GtkWidget *window;
  PyprepFsrsParams stored = *pyprep_fsrs_default_params ();

  stored.w[0] = 0.5;
  before = g_variant_ref_sink (pyprep_fsrs_params_to_variant (&stored));
  pyprep_settings_set_fsrs_parameters (fixture->settings, before);

  fill_log (fixture, 60, 9);
  window = open_window (fixture);
  gtk_widget_activate_action (window, "prefs.optimize", NULL);
  gtk_widget_activate_action (window, "prefs.optimize", NULL);  /* the button is Cancel now */
  wait_for_run (window);

  g_assert_nonnull (strstr (row_subtitle (window, "optimize-row"), "Stopped"));
  after = g_settings_get_value (fixture->gsettings, "fsrs-parameters");
  g_assert_true (g_variant_equal (before, after));
  close_window (window);
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

/* Until @window has painted once more: the fit may not last the half
 * second of wait_frames(). */
static void
wait_painted (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);

  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

/* The row in each state, at phone width, light and dark, for a person
 * to look at (_build/tests/screenshots/optimize-*.png): below the
 * threshold, ready, running, and the result. */
static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  AdwStyleManager *style = adw_style_manager_get_default ();
  const char *scheme = dark ? "dark" : "light";
  GtkWidget *window;
  GtkWidget *row;
  g_autofree char *below = g_strdup_printf ("optimize-below-360-%s", scheme);
  g_autofree char *ready = g_strdup_printf ("optimize-ready-360-%s", scheme);
  g_autofree char *running = g_strdup_printf ("optimize-running-360-%s", scheme);
  g_autofree char *result = g_strdup_printf ("optimize-result-360-%s", scheme);

  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  fill_log (fixture, 5, 4);
  window = open_window_sized (fixture, 360, 1200);
  wait_frames ();
  row = find_named (window, "optimize-row");
  g_assert_true (gtk_widget_get_mapped (row));
  g_free (save_png (window, below));

  /* Enough for a fit that lasts a few seconds. */
  fill_log (fixture, 1500, 9);
  pyprep_preferences_window_set_review_log (PYPREP_PREFERENCES_WINDOW (window), fixture->log);
  while (strstr (row_subtitle (window, "optimize-row"), "Counting") != NULL)
    g_main_context_iteration (NULL, TRUE);
  wait_frames ();
  g_free (save_png (window, ready));

  gtk_widget_activate_action (window, "prefs.optimize", NULL);
  wait_painted (window);
  /* The button's colour fades (a CSS transition) for a fifth of a second. */
  {
    gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 4;

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }
  if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (find_named (window, "optimize-button"))), "Cancel") == 0)
    g_free (save_png (window, running));
  wait_for_run (window);
  wait_frames ();
  g_free (save_png (window, result));

  close_window (window);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/pyprep/preferences/optimize/below-threshold", Fixture, NULL,
              fixture_set_up, test_below_threshold, fixture_tear_down);
  g_test_add ("/pyprep/preferences/optimize/run", Fixture, NULL,
              fixture_set_up, test_optimize, fixture_tear_down);
  g_test_add ("/pyprep/preferences/optimize/cancel", Fixture, NULL,
              fixture_set_up, test_cancel, fixture_tear_down);

  g_test_add ("/pyprep/preferences/optimize/screenshots-light", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_screenshots, fixture_tear_down);
  g_test_add ("/pyprep/preferences/optimize/screenshots-dark", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_screenshots, fixture_tear_down);

  return g_test_run ();
}
