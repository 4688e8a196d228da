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

/* The template child @name of @widget or of a composite widget inside
 * it, found by name wherever the window's parts put it. */
static inline gpointer
find_child (gpointer    widget,
            const char *name)
{
  GType type = G_OBJECT_TYPE (widget);
  GObject *object = NULL;

  if (g_str_has_prefix (g_type_name (type), "Pyprep"))
    object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL && object == NULL;
       c = gtk_widget_get_next_sibling (c))
    object = find_child (c, name);

  return object;
}

/* Like find_child(), but it must exist. */
static inline gpointer
part (gpointer    widget,
      const char *name)
{
  gpointer object = find_child (widget, name);

  if (object == NULL)
    g_error ("no part named %s", name);
  return object;
}

/* Runs the main context until nothing is pending. */
static inline void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}
