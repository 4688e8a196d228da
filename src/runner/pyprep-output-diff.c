/* pyprep-output-diff.c: compares what a run printed with the output an
 * answer states, and shows the difference line by line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-output-diff"

#include "config.h"

#include <string.h>

#include "pyprep-output-diff.h"

/* Beyond this many line pairs the diff lists both sides whole. */
#define MAX_CELLS (1000 * 1000)

/* Lines without trailing spaces, and without blank lines at the end:
 * neither is visible in a rendered answer. */
static GPtrArray *
split_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    g_ptr_array_add (result, g_strchomp (g_strdup (lines[i])));

  while (result->len > 0 && ((char *)g_ptr_array_index (result, result->len - 1))[0] == '\0')
    g_ptr_array_remove_index (result, result->len - 1);

  return result;
}

gboolean
pyprep_output_matches (const char *expected,
                       const char *actual)
{
  g_autoptr(GPtrArray) a = split_lines (expected);
  g_autoptr(GPtrArray) b = split_lines (actual);

  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (strcmp (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;
  return TRUE;
}

static void
add_line (GString    *diff,
          char        mark,
          const char *line)
{
  g_string_append_c (diff, mark);
  g_string_append_c (diff, ' ');
  g_string_append (diff, line);
  g_string_append_c (diff, '\n');
}

/* Lines only in the expected output start with "- ", lines only in the
 * actual output with "+ ", shared lines with two spaces. */
char *
pyprep_output_diff (const char *expected,
                    const char *actual)
{
  g_autoptr(GPtrArray) a = split_lines (expected);
  g_autoptr(GPtrArray) b = split_lines (actual);
  GString *diff = g_string_new (NULL);
  g_autofree guint *lcs = NULL;
  guint n = a->len, m = b->len, i = 0, j = 0;

  if ((guint64)(n + 1) * (m + 1) > MAX_CELLS)
    {
      for (i = 0; i < n; i++)
        add_line (diff, '-', g_ptr_array_index (a, i));
      for (j = 0; j < m; j++)
        add_line (diff, '+', g_ptr_array_index (b, j));
      return g_string_free (diff, FALSE);
    }

  /* lcs[i][j]: longest common subsequence of a[i..] and b[j..]. */
  lcs = g_new0 (guint, (gsize)(n + 1) * (m + 1));
#define LCS(x, y) lcs[(gsize)(x) * (m + 1) + (y)]
  for (guint x = n; x-- > 0;)
    for (guint y = m; y-- > 0;)
      {
        if (strcmp (g_ptr_array_index (a, x), g_ptr_array_index (b, y)) == 0)
          LCS (x, y) = LCS (x + 1, y + 1) + 1;
        else
          LCS (x, y) = MAX (LCS (x + 1, y), LCS (x, y + 1));
      }

  while (i < n || j < m)
    {
      if (i < n && j < m
          && strcmp (g_ptr_array_index (a, i), g_ptr_array_index (b, j)) == 0)
        {
          add_line (diff, ' ', g_ptr_array_index (a, i));
          i++, j++;
        }
      else if (j < m && (i == n || LCS (i, j + 1) >= LCS (i + 1, j)))
        {
          add_line (diff, '+', g_ptr_array_index (b, j));
          j++;
        }
      else
        {
          add_line (diff, '-', g_ptr_array_index (a, i));
          i++;
        }
    }
#undef LCS

  return g_string_free (diff, FALSE);
}
