/* pyprep-statistics-window.c: a window around the Statistics page, so it
 * can stay open beside the questions and follow the study as it happens.
 * Escape closes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-statistics-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-statistics-window.h"

struct _PyprepStatisticsWindow
{
  AdwWindow             parent_instance;

  GtkBox               *box;
  PyprepStatisticsPage *page;
};

G_DEFINE_FINAL_TYPE (PyprepStatisticsWindow, pyprep_statistics_window, ADW_TYPE_WINDOW)

static void
pyprep_statistics_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PYPREP_TYPE_STATISTICS_WINDOW);

  G_OBJECT_CLASS (pyprep_statistics_window_parent_class)->dispose (object);
}

static void
pyprep_statistics_window_class_init (PyprepStatisticsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_statistics_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pyprep/PyPrep/ui/pyprep-statistics-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepStatisticsWindow, box);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pyprep_statistics_window_init (PyprepStatisticsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pyprep_statistics_window_new:
 * @parent: (nullable): the main window
 *
 * Returns: (transfer none): a new statistics window for @study
 */
GtkWindow *
pyprep_statistics_window_new (GtkWindow     *parent,
                              PyprepStudy   *study,
                              PyprepLibrary *library)
{
  PyprepStatisticsWindow *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PYPREP_IS_STUDY (study), NULL);

  self = g_object_new (PYPREP_TYPE_STATISTICS_WINDOW,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->page = PYPREP_STATISTICS_PAGE (pyprep_statistics_page_new (study, library));
  gtk_widget_set_vexpand (GTK_WIDGET (self->page), TRUE);
  gtk_box_append (self->box, GTK_WIDGET (self->page));

  return GTK_WINDOW (self);
}

PyprepStatisticsPage *
pyprep_statistics_window_get_page (PyprepStatisticsWindow *self)
{
  g_return_val_if_fail (PYPREP_IS_STATISTICS_WINDOW (self), NULL);
  return self->page;
}
