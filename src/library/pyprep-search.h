/* pyprep-search.h: the full-text index over the question bank, and the
 * searched terms found again in a text (excerpts, highlights).
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
  guint           title_share;  /* how much of the title the terms make up, in thousandths */
} PyprepSearchHit;

/* An answer's Markdown as the text to index, e.g. pyprep_markdown_to_text(). */
typedef char *(*PyprepSearchTextFunc) (const char *markdown);

/* Whether a question is in the scope of a search (bookmarked, in a topic …). */
typedef gboolean (*PyprepSearchFilter) (PyprepQuestion *question,
                                        gpointer        user_data);

PyprepSearchIndex *pyprep_search_index_new       (GPtrArray         *questions);
PyprepSearchIndex *pyprep_search_index_new_full  (GPtrArray            *questions,
                                                  PyprepSearchTextFunc  answer_text);
void               pyprep_search_index_set_note  (PyprepSearchIndex *self,
                                                  PyprepQuestion    *question,
                                                  const char        *note);
const char        *pyprep_search_index_get_text  (PyprepSearchIndex *self,
                                                  PyprepQuestion    *question);
void               pyprep_search_index_free      (PyprepSearchIndex *self);
guint              pyprep_search_index_get_n_words (PyprepSearchIndex *self);
GArray            *pyprep_search_index_query     (PyprepSearchIndex *self,
                                                  const char        *query);
GArray            *pyprep_search_index_query_filtered (PyprepSearchIndex  *self,
                                                       const char         *query,
                                                       PyprepSearchFilter  filter,
                                                       gpointer            user_data);
char              *pyprep_search_normalize       (const char        *text,
                                                  gssize             length);

GStrv              pyprep_search_split_terms     (const char         *query);
gboolean           pyprep_search_find_term       (const char         *text,
                                                  gssize              length,
                                                  const char * const *terms,
                                                  gsize               from,
                                                  gsize              *start,
                                                  gsize              *end);
char              *pyprep_search_excerpt         (const char         *text,
                                                  const char * const *terms,
                                                  guint               max_chars);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepSearchIndex, pyprep_search_index_free)

G_END_DECLS
