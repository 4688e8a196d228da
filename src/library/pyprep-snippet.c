/* pyprep-snippet.c: a boxed record of one code fence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-snippet"

#include "config.h"

#include "pyprep-snippet.h"

G_DEFINE_BOXED_TYPE (PyprepSnippet, pyprep_snippet, pyprep_snippet_copy, pyprep_snippet_free)

PyprepSnippet *
pyprep_snippet_new (const char        *language,
                    PyprepSnippetMode  mode,
                    guint              line)
{
  PyprepSnippet *self = g_new0 (PyprepSnippet, 1);

  self->language = g_strdup (language);
  self->mode = mode;
  self->line = line;

  return self;
}

PyprepSnippet *
pyprep_snippet_copy (const PyprepSnippet *self)
{
  PyprepSnippet *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = pyprep_snippet_new (self->language, self->mode, self->line);
  copy->code = g_strdup (self->code);
  copy->output = g_strdup (self->output);
  copy->output_varies = self->output_varies;

  return copy;
}

void
pyprep_snippet_free (PyprepSnippet *self)
{
  if (self == NULL)
    return;

  g_free (self->language);
  g_free (self->code);
  g_free (self->output);
  g_free (self);
}
