/* pyprep-python-editor.h: a GtkSourceView set up to edit Python, shared
 * by the code block's edit mode and the exercise view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define PYPREP_TYPE_PYTHON_INDENTER (pyprep_python_indenter_get_type ())

G_DECLARE_FINAL_TYPE (PyprepPythonIndenter, pyprep_python_indenter, PYPREP, PYTHON_INDENTER, GObject)

void   pyprep_python_editor_setup         (GtkSourceView *view);
GtkSourceStyleScheme *pyprep_source_scheme_for_style (void);
char  *pyprep_python_indent_after         (const char    *line,
                                           guint          indent_width);
void   pyprep_code_wrap_bind              (GObject       *settings,
                                           const char    *property);
void   pyprep_code_wrap_follow            (GtkTextView   *view);

G_END_DECLS
