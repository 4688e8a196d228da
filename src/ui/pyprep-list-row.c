/* pyprep-list-row.c: what the sidebar's list rows share: how a screen
 * reader learns their name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-list-row"

#include "config.h"

#include "pyprep-list-row.h"

/**
 * pyprep_list_row_set_name:
 * @row: the child of a list item
 *
 * Names a list row for screen readers. GTK reads a list item's name from
 * the item widget that holds the row, not from the row itself: 4.8 and
 * 4.18 alike (without it, the Debian 13 lane's AT-SPI tests find unnamed
 * list items). From GTK 4.12, gtk_list_item_set_accessible_label() is the
 * stock way to say the same.
 */
void
pyprep_list_row_set_name (GtkWidget  *row,
                          const char *label,
                          const char *description)
{
  GtkWidget *item = gtk_widget_get_parent (row);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  if (item != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (item),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
}
