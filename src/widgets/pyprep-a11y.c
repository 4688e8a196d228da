/* pyprep-a11y.c: accessible names for the widgets libadwaita builds
 * inside its own windows.
 *
 * Works around libadwaita 1.2 with GTK 4.8 (Debian 12), which build some
 * widgets of their windows (the About window's back buttons and version
 * button, the preferences window's search entry) without an accessible
 * name; GTK 4.8 then reads them to a screen reader as their type,
 * "GtkImage" or "GtkButton". The cost is not speed but a screen reader
 * user's: the AT-SPI walk of both windows finds them unnamed. This names
 * them after what they show.
 *
 * Unnecessary from libadwaita 1.7 with GTK 4.18, which name them
 * themselves (the Debian 13 lane's AT-SPI walk of both windows checks
 * it): there it does nothing, and the stock names are read. The versions
 * between keep it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-a11y"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pyprep-a11y.h"

static void
name_widget (GtkWidget *widget)
{
  const char *name = NULL;

  if (GTK_IS_SEARCH_ENTRY (widget))
    name = _("Search");
  else if (GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (widget));

      if (GTK_IS_LABEL (child))
        name = gtk_label_get_text (GTK_LABEL (child));
      else if (gtk_widget_get_tooltip_text (widget) != NULL)
        name = gtk_widget_get_tooltip_text (widget);
    }

  if (name != NULL && *name != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* Whether libadwaita and GTK name their own widgets: from libadwaita
 * 1.7 with GTK 4.18. */
static gboolean
toolkit_names_them (void)
{
  gboolean adw_1_7 = adw_get_major_version () > 1 || adw_get_minor_version () >= 7;

  return adw_1_7 && gtk_check_version (4, 18, 0) == NULL;
}

static void
name_tree (GtkWidget *root)
{
  name_widget (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_tree (child);
}

/**
 * pyprep_a11y_name_internal_widgets:
 * @root: a window built by libadwaita (AdwAboutWindow, AdwPreferencesWindow)
 *
 * Names every button after its label or tooltip, and every search entry
 * "Search". Only for windows whose buttons have no name of their own.
 * From libadwaita 1.7 with GTK 4.18, which name them, it does nothing.
 */
void
pyprep_a11y_name_internal_widgets (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (!toolkit_names_them ())
    name_tree (root);
}
