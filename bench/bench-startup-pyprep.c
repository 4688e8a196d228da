/* bench-startup-pyprep.c: starts PyPrep exactly as main.c does, prints
 * "frame" once the first frame is painted, and quits. With
 * "--returning" the last question is restored first, as for a user
 * coming back to the app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"


#include "bench-common.h"
#include "pyprep-application.h"

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  bench_after_first_frame (GTK_WIDGET (window), bench_print_frame_and_quit, app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PyprepApplication) app = NULL;

  if (argc > 1 && g_str_equal (argv[1], "--returning"))
    {
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

      g_settings_set_string (settings, "last-question", argc > 2 ? argv[2] : "");
    }

  app = pyprep_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
