/* pyprep-row-text.h: the text of a list row, a fixed number of lines high.
 *
 * A workaround for GtkInscription in GTK 4.8, still needed on GTK 4.18;
 * see pyprep-row-text.c for what it saves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PYPREP_TYPE_ROW_TEXT (pyprep_row_text_get_type ())

G_DECLARE_FINAL_TYPE (PyprepRowText, pyprep_row_text, PYPREP, ROW_TEXT, GtkWidget)

GtkWidget  *pyprep_row_text_new            (guint          lines);
const char *pyprep_row_text_get_text       (PyprepRowText *self);
void        pyprep_row_text_set_text       (PyprepRowText *self,
                                            const char    *text);
void        pyprep_row_text_set_markup     (PyprepRowText *self,
                                            const char    *markup);
void        pyprep_row_text_set_attributes (PyprepRowText *self,
                                            PangoAttrList *attrs);
gboolean    pyprep_row_text_is_cut_short   (PyprepRowText *self);

G_END_DECLS
