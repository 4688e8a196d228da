/* pyprep-card-util.h: what a practice card and a mock interview question
 * share: reading a key press, showing or hiding the answer, and building
 * a grade button.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pyprep-markdown-view.h"
#include "pyprep-scheduler.h"

G_BEGIN_DECLS

typedef enum
{
  PYPREP_CARD_KEY_NONE,         /* not for the card: let the focused widget have it */
  PYPREP_CARD_KEY_REVEAL,       /* Space, or Ctrl+Return while typing */
  PYPREP_CARD_KEY_LEAVE_FIELD,  /* Escape while typing */
  PYPREP_CARD_KEY_GRADE,        /* 1 to 4, once the answer is shown */
} PyprepCardKey;

PyprepCardKey pyprep_card_read_key         (GtkWidget          *card,
                                            guint               keyval,
                                            GdkModifierType     state,
                                            gboolean            revealed,
                                            PyprepGrade        *grade);
void          pyprep_card_show_answer      (PyprepMarkdownView *markdown_view,
                                            GtkRevealer        *answer_revealer,
                                            GtkRevealer        *grades_revealer,
                                            GtkButton          *reveal_button,
                                            const char         *markdown);
GtkWidget    *pyprep_card_grade_button_new (PyprepGrade         grade,
                                            GtkWidget          *child);

G_END_DECLS
