/* pyprep-lazy-menu.h: a menu button whose menu is built when it first
 * opens; see pyprep-lazy-menu.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void pyprep_lazy_menu_set (GtkMenuButton *button,
                           GMenuModel    *menu);

G_END_DECLS
