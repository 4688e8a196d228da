/* pyprep-result-row.h: a search result in the sidebar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pyprep-question.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_RESULT_ROW (pyprep_result_row_get_type ())

G_DECLARE_FINAL_TYPE (PyprepResultRow, pyprep_result_row, PYPREP, RESULT_ROW, GtkWidget)

GtkWidget *pyprep_result_row_new  (void);
void       pyprep_result_row_show (PyprepResultRow *self,
                                   PyprepQuestion  *question,
                                   const char      *excerpt_markup,
                                   gboolean         in_note);

G_END_DECLS
