/* pyprep-scroll-bin.h: the one child of a vertical scroller, measured only
 * at the widths it is given.
 *
 * A workaround for GTK 4.8, a plain bin from GTK 4.18; see
 * pyprep-scroll-bin.c for what it saves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PYPREP_TYPE_SCROLL_BIN (pyprep_scroll_bin_get_type ())

G_DECLARE_FINAL_TYPE (PyprepScrollBin, pyprep_scroll_bin, PYPREP, SCROLL_BIN, GtkWidget)

G_END_DECLS
