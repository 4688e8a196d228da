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

/* Runs the main loop for half a second: the next frames have restyled,
 * laid out and painted the windows. */
static inline void
wait_frames (void)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* The first widget of @type at or under @widget, or NULL. */
static inline GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Saves @window as _build/tests/screenshots/@name.png for a person to
 * look at. Returns: (transfer full): the file's path */
static inline char *
save_png (GtkWidget  *window,
          const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "screenshots", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  char *path = g_build_filename (dir, file, NULL);
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  /* On a loaded machine the window may not have drawn yet. */
  for (guint tries = 0; node == NULL && tries < 20; tries++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      if (tries > 0)
        wait_frames ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  return path;
}
