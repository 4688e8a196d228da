/* pyprep-list-row.h: what the sidebar's list rows share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void pyprep_list_row_set_name (GtkWidget  *row,
                               const char *label,
                               const char *description);

G_END_DECLS
