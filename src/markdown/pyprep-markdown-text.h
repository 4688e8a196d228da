/* pyprep-markdown-text.h: an answer's Markdown as the plain text a
 * reader sees, for the search index and its excerpts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *pyprep_markdown_to_text (const char *markdown);

G_END_DECLS
