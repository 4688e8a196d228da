/* pyprep-snippet.h: one fenced code block of an answer, as the loader saw it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pyprep-types.h"

G_BEGIN_DECLS

typedef enum {
  PYPREP_SNIPPET_SHOWN,  /* not Python, or not meant to be checked */
  PYPREP_SNIPPET_RUN,    /* ```python run: executed, output compared */
  PYPREP_SNIPPET_NORUN,  /* ```python norun: must compile */
} PyprepSnippetMode;

struct _PyprepSnippet
{
  char              *language;
  char              *code;
  char              *output;         /* stated output, or NULL */
  PyprepSnippetMode  mode;
  gboolean           output_varies;
  guint              line;           /* line of the opening fence */
  guint              min_python;     /* min=3.14 as 314, or 0 */
  guint              max_python;     /* max=3.12 as 312, or 0 */
};

#define PYPREP_TYPE_SNIPPET (pyprep_snippet_get_type ())

GType          pyprep_snippet_get_type (void) G_GNUC_CONST;
PyprepSnippet *pyprep_snippet_new      (const char        *language,
                                        PyprepSnippetMode  mode,
                                        guint              line);
PyprepSnippet *pyprep_snippet_copy     (const PyprepSnippet *self);
void           pyprep_snippet_free     (PyprepSnippet     *self);

gboolean       pyprep_snippet_runs_on  (const PyprepSnippet *self,
                                        guint              python);

guint          pyprep_python_version_parse    (const char        *text);
gboolean       pyprep_python_range_parse      (const char * const *words,
                                               guint             *min_python,
                                               guint             *max_python,
                                               const char       **bad_word);
char          *pyprep_python_range_describe   (guint              min_python,
                                               guint              max_python);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepSnippet, pyprep_snippet_free)

G_END_DECLS
