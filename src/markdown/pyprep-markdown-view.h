/* pyprep-markdown-view.h: renders an answer's Markdown as native widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pyprep-types.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_MARKDOWN_VIEW (pyprep_markdown_view_get_type ())

G_DECLARE_FINAL_TYPE (PyprepMarkdownView, pyprep_markdown_view, PYPREP, MARKDOWN_VIEW, GtkWidget)

GtkWidget  *pyprep_markdown_view_new          (void);
void        pyprep_markdown_view_set_markdown (PyprepMarkdownView *self,
                                               const char         *markdown);
GtkWidget  *pyprep_markdown_view_get_content  (PyprepMarkdownView *self);
gboolean    pyprep_markdown_view_get_building (PyprepMarkdownView *self);
void        pyprep_markdown_view_set_user_code (PyprepMarkdownView *self,
                                                gboolean            user_code);
gboolean    pyprep_markdown_view_get_user_code (PyprepMarkdownView *self);
void        pyprep_markdown_view_set_highlights (PyprepMarkdownView *self,
                                                 const char * const *words);

G_END_DECLS
