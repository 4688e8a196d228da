/* pyprep-search.h: the full-text index over the question bank.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pyprep-types.h"

G_BEGIN_DECLS

typedef struct _PyprepSearchIndex PyprepSearchIndex;

typedef struct
{
  PyprepQuestion *question;  /* unowned: the library keeps it */
  guint           score;
  guint           position;  /* in the display order of the bank */
} PyprepSearchHit;

PyprepSearchIndex *pyprep_search_index_new       (GPtrArray         *questions);
void               pyprep_search_index_free      (PyprepSearchIndex *self);
guint              pyprep_search_index_get_n_words (PyprepSearchIndex *self);
GArray            *pyprep_search_index_query     (PyprepSearchIndex *self,
                                                  const char        *query);
char              *pyprep_search_normalize       (const char        *text,
                                                  gssize             length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepSearchIndex, pyprep_search_index_free)

G_END_DECLS
