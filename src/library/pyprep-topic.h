/* pyprep-topic.h: a topic of the bank, i.e. one deck file, and its questions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-types.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_TOPIC (pyprep_topic_get_type ())

G_DECLARE_FINAL_TYPE (PyprepTopic, pyprep_topic, PYPREP, TOPIC, GObject)

PyprepTopic *pyprep_topic_new             (const char     *id,
                                           const char     *title,
                                           const char     *description,
                                           int             order,
                                           const char     *source);
const char  *pyprep_topic_get_id          (PyprepTopic    *self);
const char  *pyprep_topic_get_title       (PyprepTopic    *self);
const char  *pyprep_topic_get_description (PyprepTopic    *self);
int          pyprep_topic_get_order       (PyprepTopic    *self);
const char  *pyprep_topic_get_source      (PyprepTopic    *self);
GListModel  *pyprep_topic_get_questions   (PyprepTopic    *self);
guint        pyprep_topic_get_n_questions (PyprepTopic    *self);
void         pyprep_topic_add_question    (PyprepTopic    *self,
                                           PyprepQuestion *question);
int          pyprep_topic_compare         (gconstpointer   a,
                                           gconstpointer   b,
                                           gpointer        user_data);

G_END_DECLS
