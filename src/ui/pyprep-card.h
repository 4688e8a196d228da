/* pyprep-card.h: one question to answer, reveal and grade, as a practice
 * session and a mock interview show it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pyprep-question.h"
#include "pyprep-scheduler.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_CARD (pyprep_card_get_type ())

G_DECLARE_FINAL_TYPE (PyprepCard, pyprep_card, PYPREP, CARD, GtkWidget)

GtkWidget      *pyprep_card_new           (void);
PyprepQuestion *pyprep_card_get_question  (PyprepCard     *self);
void            pyprep_card_set_question  (PyprepCard     *self,
                                           PyprepQuestion *question);
void            pyprep_card_set_follow_up (PyprepCard           *self,
                                           PyprepQuestion       *question,
                                           const PyprepFollowUp *follow_up);
const char     *pyprep_card_get_caption   (PyprepCard     *self);
void            pyprep_card_set_caption   (PyprepCard     *self,
                                           const char     *caption);
const char     *pyprep_card_get_notice    (PyprepCard     *self);
void            pyprep_card_set_notice    (PyprepCard     *self,
                                           const char     *notice);
gboolean        pyprep_card_get_revealed  (PyprepCard     *self);
void            pyprep_card_set_revealed  (PyprepCard     *self,
                                           gboolean        revealed);
void            pyprep_card_set_intervals (PyprepCard     *self,
                                           const gint64    intervals[4]);
GtkTextBuffer  *pyprep_card_get_scratch   (PyprepCard     *self);

G_END_DECLS
