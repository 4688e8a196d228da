/* pyprep-mastery-bar.h: one horizontal bar split by reading status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pyprep-study.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_MASTERY_BAR (pyprep_mastery_bar_get_type ())

G_DECLARE_FINAL_TYPE (PyprepMasteryBar, pyprep_mastery_bar, PYPREP, MASTERY_BAR, GtkWidget)

GtkWidget *pyprep_mastery_bar_new          (void);
void       pyprep_mastery_bar_set_counts   (PyprepMasteryBar *self,
                                            const guint      *counts);
void       pyprep_mastery_bar_get_color    (GtkWidget        *widget,
                                            PyprepStatus      status,
                                            GdkRGBA          *color);
char      *pyprep_mastery_describe         (const guint      *counts);

G_END_DECLS
