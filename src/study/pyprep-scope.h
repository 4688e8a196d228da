/* pyprep-scope.h: the lists a question can be in (all, one topic,
 * bookmarked, needs review, not started, due, with an exercise, leeches),
 * shared by the sidebar's
 * smart lists, the search scope and practice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pyprep-study.h"
#include "pyprep-types.h"

G_BEGIN_DECLS

typedef enum {
  PYPREP_SCOPE_ALL,
  PYPREP_SCOPE_TOPIC,         /* one topic, or any when none is given */
  PYPREP_SCOPE_BOOKMARKED,
  PYPREP_SCOPE_NEEDS_REVIEW,  /* status "needs review" */
  PYPREP_SCOPE_NOT_STARTED,   /* status "new" */
  PYPREP_SCOPE_DUE,           /* a review due by the end of today */
  PYPREP_SCOPE_EXERCISES,     /* questions with an exercise */
  PYPREP_SCOPE_LEECHES,       /* forgotten again and again */
} PyprepScope;

#define PYPREP_TYPE_SCOPE (pyprep_scope_get_type ())

GType        pyprep_scope_get_type  (void) G_GNUC_CONST;

gboolean     pyprep_scope_contains  (PyprepScope     scope,
                                     PyprepStudy    *study,
                                     PyprepTopic    *topic,
                                     PyprepQuestion *question,
                                     GDateTime      *now);
const char  *pyprep_scope_to_nick   (PyprepScope     scope);
gboolean     pyprep_scope_from_nick (const char     *nick,
                                     PyprepScope    *scope);

G_END_DECLS
