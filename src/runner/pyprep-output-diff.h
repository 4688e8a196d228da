/* pyprep-output-diff.h: does a run's output match the stated output?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  pyprep_output_matches (const char *expected,
                                 const char *actual);
char     *pyprep_output_diff    (const char *expected,
                                 const char *actual);

G_END_DECLS
