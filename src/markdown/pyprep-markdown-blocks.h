/* pyprep-markdown-blocks.h: builds the widgets of an answer from its
 * events, a top-level block at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pyprep-markdown-events.h"

G_BEGIN_DECLS

typedef struct _PyprepMarkdownBlocks PyprepMarkdownBlocks;

PyprepMarkdownBlocks *pyprep_markdown_blocks_new   (PyprepMarkdownEvents *events,
                                                    GtkBox               *content,
                                                    const char * const   *highlights,
                                                    GObject              *link_handler,
                                                    GCallback             activate_link_cb);
gboolean              pyprep_markdown_blocks_build (PyprepMarkdownBlocks *self,
                                                    gsize                 budget);
void                  pyprep_markdown_blocks_free  (PyprepMarkdownBlocks *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepMarkdownBlocks, pyprep_markdown_blocks_free)

G_END_DECLS
