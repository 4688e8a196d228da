/* pyprep-a11y.h: accessible names for libadwaita 1.2's own unnamed widgets.
 *
 * A workaround for libadwaita 1.2 with GTK 4.8, off from libadwaita 1.7
 * with GTK 4.18; see pyprep-a11y.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void pyprep_a11y_name_internal_widgets (GtkWidget *root);

G_END_DECLS
