/* pyprep-a11y.c: a workaround for libadwaita 1.2 with GTK 4.8 (Debian
 * 12), which build some widgets of their windows (the About window's
 * back buttons and version button, the preferences window's search
 * entry) without an accessible name; GTK 4.8 then reads them to a screen
 * reader as their type, "GtkImage" or "GtkButton". This names them after
 * what they show. libadwaita 1.7 with GTK 4.18 names them itself (the
 * Debian 13 lane's AT-SPI walk of both windows checks it), so there it
 * does nothing; the versions between keep it.
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

/**
 * pyprep_a11y_name_internal_widgets:
 * @root: a window built by libadwaita (AdwAboutWindow, AdwPreferencesWindow)
 *
 * Names every button after its label or tooltip, and every search entry
 * "Search". Only for windows whose buttons have no name of their own.
 */
void
pyprep_a11y_name_internal_widgets (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (adw_get_minor_version () >= 7 && gtk_check_version (4, 18, 0) == NULL)
    return;

  name_widget (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    pyprep_a11y_name_internal_widgets (child);
}
