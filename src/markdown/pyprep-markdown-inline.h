/* pyprep-markdown-inline.h: the Pango markup of a block's inline events.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pyprep-markdown-events.h"

G_BEGIN_DECLS

void pyprep_markdown_inline_append (GString                    *markup,
                                    const PyprepMarkdownEvents *events,
                                    const PyprepMarkdownEvent  *event,
                                    const char * const         *highlights);
gsize pyprep_markdown_decode_entity (const char                 *entity,
                                     gsize                       size,
                                     char                       *utf8);

G_END_DECLS
