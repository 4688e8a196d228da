/* pyprep-topic-row.h: a topic in the sidebar's list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pyprep-study.h"
#include "pyprep-topic.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_TOPIC_ROW (pyprep_topic_row_get_type ())

G_DECLARE_FINAL_TYPE (PyprepTopicRow, pyprep_topic_row, PYPREP, TOPIC_ROW, GtkWidget)

GtkWidget   *pyprep_topic_row_new       (PyprepStudy    *study);
PyprepTopic *pyprep_topic_row_get_topic (PyprepTopicRow *self);
void         pyprep_topic_row_set_topic (PyprepTopicRow *self,
                                         PyprepTopic    *topic);

G_END_DECLS
