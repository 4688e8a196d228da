/* pyprep-figure-row.c: a row of the Statistics page: a title, a figure
 * in words, and the figure; for a topic's mastery, also its questions'
 * counts as a bar (pyprep_figure_row_set_counts()).
 *
 * It looks like an AdwActionRow, whose nodes and style classes it has,
 * but its two wrapping labels are sized as running text
 * (pyprep-prose-layout.c). An AdwActionRow's box asks each label for its
 * width at the row's height, and a wrapping GtkLabel answers by laying
 * its text out at width after width until it fits (GTK 4.8): 41 layouts
 * of each subtitle per row built. With the 17 mastery rows of the
 * built-in bank, opening Statistics took 190 ms of the main thread with
 * AdwActionRows, and 36 ms with these rows (bench-statistics, 16
 * topics). Here a label is laid out once per width it is measured at.
 *
 * A row can be filled again in place: a label given the text it already
 * has is not measured again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-figure-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-figure-row.h"
#include "pyprep-mastery-bar.h"
#include "pyprep-prose-layout.h"

/* The labels' minimum width, in average characters. A list box asks its
 * rows for their height at its minimum width, so the text is laid out at
 * this width too: a few characters a line would cost a layout of many
 * lines for nothing. At the narrowest window (360 px), the text has
 * room for about 16. */
#define MIN_CHARS 10

/* The width of the figure beside a bar, so that the rows' figures line
 * up. */
#define BAR_VALUE_WIDTH 44

struct _PyprepFigureRow
{
  GtkListBoxRow     parent_instance;

  GtkLabel         *title;
  GtkLabel         *subtitle;
  GtkWidget        *suffixes;  /* hidden when empty, as in an AdwActionRow */
  PyprepMasteryBar *bar;
  GtkLabel         *value;
};

G_DEFINE_FINAL_TYPE (PyprepFigureRow, pyprep_figure_row, GTK_TYPE_LIST_BOX_ROW)

/* Beside a bar, the figure is a topic's mastery and its tooltip says so;
 * set when asked, since setting a tooltip's text asks the display
 * server where the pointer is. */
static gboolean
value_query_tooltip_cb (GtkWidget  *label,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip)
{
  gtk_tooltip_set_text (tooltip, _("Mastery: the share of questions learning or confident"));
  return TRUE;
}

static void
pyprep_figure_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PYPREP_TYPE_FIGURE_ROW);

  G_OBJECT_CLASS (pyprep_figure_row_parent_class)->dispose (object);
}

static void
pyprep_figure_row_class_init (PyprepFigureRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_figure_row_dispose;

  g_type_ensure (PYPREP_TYPE_MASTERY_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pyprep/PyPrep/ui/pyprep-figure-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepFigureRow, title);
  gtk_widget_class_bind_template_child (widget_class, PyprepFigureRow, subtitle);
  gtk_widget_class_bind_template_child (widget_class, PyprepFigureRow, suffixes);
  gtk_widget_class_bind_template_child (widget_class, PyprepFigureRow, bar);
  gtk_widget_class_bind_template_child (widget_class, PyprepFigureRow, value);
  gtk_widget_class_bind_template_callback (widget_class, value_query_tooltip_cb);
}

static void
pyprep_figure_row_init (PyprepFigureRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* GTK 4.8 only: with GTK 4.18 a row's box, given these labels, was
   * asked for its height below its minimum (a warning); stock labels
   * there. */
  if (gtk_check_version (4, 10, 0) != NULL)
    {
      pyprep_prose_layout_attach (self->title, MIN_CHARS);
      pyprep_prose_layout_attach (self->subtitle, MIN_CHARS);
    }
}

/* An empty suffix box would still take its spacing from the text. */
static void
update_suffixes (PyprepFigureRow *self)
{
  gtk_widget_set_visible (self->suffixes,
                          gtk_widget_get_visible (GTK_WIDGET (self->bar))
                          || gtk_widget_get_visible (GTK_WIDGET (self->value)));
}

GtkWidget *
pyprep_figure_row_new (void)
{
  return g_object_new (PYPREP_TYPE_FIGURE_ROW, NULL);
}

/**
 * pyprep_figure_row_set_text:
 * @title: what the figure is of
 * @subtitle: the figure in words
 * @value: (nullable): the figure; %NULL for none
 */
void
pyprep_figure_row_set_text (PyprepFigureRow *self,
                            const char      *title,
                            const char      *subtitle,
                            const char      *value)
{
  g_return_if_fail (PYPREP_IS_FIGURE_ROW (self));

  gtk_label_set_label (self->title, title);
  gtk_label_set_label (self->subtitle, subtitle);
  gtk_label_set_label (self->value, value ? value : "");
  gtk_widget_set_visible (GTK_WIDGET (self->value), value != NULL);
  update_suffixes (self);
}

/**
 * pyprep_figure_row_set_counts:
 * @counts: (array fixed-size=5) (nullable): a topic's questions by
 *   #PyprepStatus, shown as a bar before the figure; %NULL for no bar
 */
void
pyprep_figure_row_set_counts (PyprepFigureRow *self,
                              const guint     *counts)
{
  g_return_if_fail (PYPREP_IS_FIGURE_ROW (self));

  if (counts != NULL)
    pyprep_mastery_bar_set_counts (self->bar, counts);
  gtk_widget_set_visible (GTK_WIDGET (self->bar), counts != NULL);
  gtk_widget_set_size_request (GTK_WIDGET (self->value), counts ? BAR_VALUE_WIDTH : -1, -1);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->value), counts != NULL);
  update_suffixes (self);
}

const char *
pyprep_figure_row_get_title (PyprepFigureRow *self)
{
  g_return_val_if_fail (PYPREP_IS_FIGURE_ROW (self), NULL);
  return gtk_label_get_label (self->title);
}

const char *
pyprep_figure_row_get_subtitle (PyprepFigureRow *self)
{
  g_return_val_if_fail (PYPREP_IS_FIGURE_ROW (self), NULL);
  return gtk_label_get_label (self->subtitle);
}

const char *
pyprep_figure_row_get_value (PyprepFigureRow *self)
{
  g_return_val_if_fail (PYPREP_IS_FIGURE_ROW (self), NULL);
  return gtk_label_get_label (self->value);
}
