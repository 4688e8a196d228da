/* pyprep-fitting-title.h: a header bar's title on one line where it
 * fits, else on two smaller lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PYPREP_TYPE_FITTING_TITLE (pyprep_fitting_title_get_type ())

G_DECLARE_FINAL_TYPE (PyprepFittingTitle, pyprep_fitting_title, PYPREP, FITTING_TITLE, GtkWidget)

GtkWidget  *pyprep_fitting_title_new         (void);
const char *pyprep_fitting_title_get_title   (PyprepFittingTitle *self);
void        pyprep_fitting_title_set_title   (PyprepFittingTitle *self,
                                              const char         *title);
gboolean    pyprep_fitting_title_get_wrapped (PyprepFittingTitle *self);

G_END_DECLS
