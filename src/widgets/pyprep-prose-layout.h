/* pyprep-prose-layout.h: sizes a wrapping GtkLabel of running text without
 * laying it out at its narrowest.
 *
 * A workaround for GTK 4.8, still needed on GTK 4.18; see
 * pyprep-prose-layout.c for what it saves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PYPREP_TYPE_PROSE_LAYOUT (pyprep_prose_layout_get_type ())

G_DECLARE_FINAL_TYPE (PyprepProseLayout, pyprep_prose_layout, PYPREP, PROSE_LAYOUT, GtkLayoutManager)

void pyprep_prose_layout_attach         (GtkLabel *label,
                                         int       min_chars);
void pyprep_prose_layout_attach_to_cell (GtkLabel *label,
                                         int       min_chars);
void pyprep_prose_layout_attach_to_group_description (AdwPreferencesGroup *group,
                                                      int                  min_chars);

G_END_DECLS
