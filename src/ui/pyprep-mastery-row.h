/* pyprep-mastery-row.h: one topic's mastery in the Statistics page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pyprep-stats.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_MASTERY_ROW (pyprep_mastery_row_get_type ())

G_DECLARE_FINAL_TYPE (PyprepMasteryRow, pyprep_mastery_row, PYPREP, MASTERY_ROW, GtkListBoxRow)

GtkWidget  *pyprep_mastery_row_new          (void);
void        pyprep_mastery_row_set_mastery  (PyprepMasteryRow         *self,
                                             const PyprepTopicMastery *mastery,
                                             gboolean                  overall);
const char *pyprep_mastery_row_get_title    (PyprepMasteryRow         *self);
const char *pyprep_mastery_row_get_subtitle (PyprepMasteryRow         *self);

G_END_DECLS
