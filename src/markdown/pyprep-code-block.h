/* pyprep-code-block.h: a highlighted, read-only code snippet with its output.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pyprep-types.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_CODE_BLOCK (pyprep_code_block_get_type ())

G_DECLARE_FINAL_TYPE (PyprepCodeBlock, pyprep_code_block, PYPREP, CODE_BLOCK, GtkWidget)

GtkWidget  *pyprep_code_block_new          (const char      *language,
                                            const char      *code);
const char *pyprep_code_block_get_language (PyprepCodeBlock *self);
char       *pyprep_code_block_dup_code     (PyprepCodeBlock *self);
const char *pyprep_code_block_get_output   (PyprepCodeBlock *self);
void        pyprep_code_block_set_output   (PyprepCodeBlock *self,
                                            const char      *output,
                                            gboolean         varies);
gboolean    pyprep_code_block_has_output   (PyprepCodeBlock *self);
void        pyprep_code_block_set_python_range (PyprepCodeBlock *self,
                                                guint            min_python,
                                                guint            max_python);
guint       pyprep_code_block_get_n_lines  (PyprepCodeBlock *self);
void        pyprep_code_block_set_user_code (PyprepCodeBlock *self,
                                             gboolean         user_code);
guint       pyprep_code_block_preload      (const char * const *languages);

G_END_DECLS
