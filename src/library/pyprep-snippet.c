/* pyprep-snippet.c: a boxed record of one code fence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-snippet"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

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
  copy->min_python = self->min_python;
  copy->max_python = self->max_python;

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

/**
 * pyprep_python_version_parse:
 * @text: a Python version, "3.14" or "3.14.2"
 *
 * Returns: the version as major × 100 + minor (314), or 0 if @text is
 *   not a version
 */
guint
pyprep_python_version_parse (const char *text)
{
  guint64 major, minor;
  char *end;

  g_return_val_if_fail (text != NULL, 0);

  if (!g_ascii_isdigit (text[0]))
    return 0;
  major = g_ascii_strtoull (text, &end, 10);
  if (*end != '.' || !g_ascii_isdigit (end[1]))
    return 0;
  minor = g_ascii_strtoull (end + 1, &end, 10);
  if ((*end != '\0' && *end != '.') || major == 0 || major > 9 || minor > 99)
    return 0;
  return major * 100 + minor;
}

/**
 * pyprep_python_range_parse:
 * @words: the words of a fence's info string
 * @min_python: (out): the version of a "min=3.14" word, or 0
 * @max_python: (out): the version of a "max=3.12" word, or 0
 * @bad_word: (out) (transfer none): the word that could not be read
 *
 * Reads the Python versions a snippet needs from its info string. Both
 * ends are inclusive.
 *
 * Returns: %FALSE if a min= or max= word is not a version, or the range
 *   is empty
 */
gboolean
pyprep_python_range_parse (const char * const *words,
                           guint              *min_python,
                           guint              *max_python,
                           const char        **bad_word)
{
  *min_python = *max_python = 0;
  *bad_word = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint *target = NULL;

      if (g_str_has_prefix (words[i], "min="))
        target = min_python;
      else if (g_str_has_prefix (words[i], "max="))
        target = max_python;
      else
        continue;

      *target = pyprep_python_version_parse (words[i] + 4);
      if (*target == 0)
        {
          *bad_word = words[i];
          return FALSE;
        }
    }

  if (*min_python != 0 && *max_python != 0 && *min_python > *max_python)
    {
      *bad_word = "max=";
      return FALSE;
    }
  return TRUE;
}

/**
 * pyprep_python_range_describe:
 *
 * Returns: (nullable): "Python 3.14 and later", "Python 3.12 and
 *   earlier", "Python 3.12 to 3.13", or %NULL for any version
 */
char *
pyprep_python_range_describe (guint min_python,
                              guint max_python)
{
  if (min_python != 0 && max_python != 0)
    return g_strdup_printf (_("Python %u.%u to %u.%u"), min_python / 100, min_python % 100,
                            max_python / 100, max_python % 100);
  if (min_python != 0)
    return g_strdup_printf (_("Python %u.%u and later"), min_python / 100, min_python % 100);
  if (max_python != 0)
    return g_strdup_printf (_("Python %u.%u and earlier"), max_python / 100, max_python % 100);
  return NULL;
}

/**
 * pyprep_snippet_runs_on:
 * @python: a version from pyprep_python_version_parse()
 *
 * Returns: whether the snippet is meant for that Python
 */
gboolean
pyprep_snippet_runs_on (const PyprepSnippet *self,
                        guint                python)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return (self->min_python == 0 || python >= self->min_python)
         && (self->max_python == 0 || python <= self->max_python);
}
