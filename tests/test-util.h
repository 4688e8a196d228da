/* test-util.h: helpers the widget tests share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

/* The template child @name of @widget, a @type; it must exist. */
static inline gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

/* Runs the main context until nothing is pending. */
static inline void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}
