/* main.c: starts PyPrep.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "pyprep-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PyprepApplication) app = NULL;
  const char *localedir = g_getenv ("PYPREP_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* The tests point this at the build tree's translations. */
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name ("PyPrep");

  app = pyprep_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
