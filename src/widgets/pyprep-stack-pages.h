/* pyprep-stack-pages.h: a stack that keeps the pages out of sight hidden;
 * see pyprep-stack-pages.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void pyprep_stack_pages_hide_unseen (GtkStack   *stack);
void pyprep_stack_pages_show        (GtkStack   *stack,
                                     const char *name);

G_END_DECLS
