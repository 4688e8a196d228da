/* pyprep-mastery-row.c: one topic's mastery in the Statistics page: its
 * title, its questions counted by status in words, the same counts as a
 * bar, and the share learning or confident in percent.
 *
 * It looks like an AdwActionRow, whose nodes and style classes it has,
 * but its two wrapping labels are sized as running text
 * (pyprep-prose-layout.c). An AdwActionRow's box asks each label for its
 * width at the row's height, and a wrapping GtkLabel answers by laying
 * its text out at width after width until it fits (GTK 4.8): 41 layouts
 * of each subtitle per row built. With the 17 rows of the built-in bank,
 * opening Statistics took 190 ms of the main thread with AdwActionRows,
 * and 36 ms with these rows (bench-statistics, 16 topics). Here a label
 * is laid out once per width it is measured at.
 *
 * A row is filled again in place when the study changes: a label given
 * the text it already has is not measured again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-mastery-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-mastery-bar.h"
#include "pyprep-mastery-row.h"
#include "pyprep-prose-layout.h"

/* The labels' minimum width, in average characters. A list box asks its
 * rows for their height at its minimum width, so the text is laid out at
 * this width too: a few characters a line would cost a layout of many
 * lines for nothing. At the narrowest window (360 px), the text has
 * room for about 16. */
#define MIN_CHARS 10

struct _PyprepMasteryRow
{
  GtkListBoxRow     parent_instance;

  GtkLabel         *title;
  GtkLabel         *subtitle;
  PyprepMasteryBar *bar;
  GtkLabel         *percent;
};

G_DEFINE_FINAL_TYPE (PyprepMasteryRow, pyprep_mastery_row, GTK_TYPE_LIST_BOX_ROW)

/* The tooltip says what the figure is; set when asked, since setting a
 * tooltip's text asks the display server where the pointer is. */
static gboolean
percent_query_tooltip_cb (GtkWidget  *label,
                          int         x,
                          int         y,
                          gboolean    keyboard,
                          GtkTooltip *tooltip)
{
  gtk_tooltip_set_text (tooltip, _("Mastery: the share of questions learning or confident"));
  return TRUE;
}

static void
pyprep_mastery_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PYPREP_TYPE_MASTERY_ROW);

  G_OBJECT_CLASS (pyprep_mastery_row_parent_class)->dispose (object);
}

static void
pyprep_mastery_row_class_init (PyprepMasteryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_mastery_row_dispose;

  g_type_ensure (PYPREP_TYPE_MASTERY_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pyprep/PyPrep/ui/pyprep-mastery-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepMasteryRow, title);
  gtk_widget_class_bind_template_child (widget_class, PyprepMasteryRow, subtitle);
  gtk_widget_class_bind_template_child (widget_class, PyprepMasteryRow, bar);
  gtk_widget_class_bind_template_child (widget_class, PyprepMasteryRow, percent);
  gtk_widget_class_bind_template_callback (widget_class, percent_query_tooltip_cb);
}

static void
pyprep_mastery_row_init (PyprepMasteryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pyprep_prose_layout_attach (self->title, MIN_CHARS);
  pyprep_prose_layout_attach (self->subtitle, MIN_CHARS);
}

GtkWidget *
pyprep_mastery_row_new (void)
{
  return g_object_new (PYPREP_TYPE_MASTERY_ROW, NULL);
}

/**
 * pyprep_mastery_row_set_mastery:
 * @mastery: a topic's counts, or all topics'
 * @overall: whether @mastery is all topics', shown in bold
 */
void
pyprep_mastery_row_set_mastery (PyprepMasteryRow         *self,
                                const PyprepTopicMastery *mastery,
                                gboolean                  overall)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *percent = NULL;
  guint passed, share;

  g_return_if_fail (PYPREP_IS_MASTERY_ROW (self));
  g_return_if_fail (mastery != NULL);

  passed = mastery->counts[PYPREP_STATUS_CONFIDENT] + mastery->counts[PYPREP_STATUS_LEARNING];
  share = mastery->total > 0 ? (passed * 100 + mastery->total / 2) / mastery->total : 0;
  subtitle = pyprep_mastery_describe (mastery->counts);
  /* TRANSLATORS: a topic's mastery: the share of its questions that are
   * learning or confident */
  percent = g_strdup_printf (_("%u%%"), share);

  gtk_label_set_label (self->title, mastery->title);
  gtk_label_set_label (self->subtitle, subtitle);
  gtk_label_set_label (self->percent, percent);
  pyprep_mastery_bar_set_counts (self->bar, mastery->counts);
  if (overall)
    gtk_widget_add_css_class (GTK_WIDGET (self), "mastery-overall");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "mastery-overall");
}

const char *
pyprep_mastery_row_get_title (PyprepMasteryRow *self)
{
  g_return_val_if_fail (PYPREP_IS_MASTERY_ROW (self), NULL);
  return gtk_label_get_label (self->title);
}

const char *
pyprep_mastery_row_get_subtitle (PyprepMasteryRow *self)
{
  g_return_val_if_fail (PYPREP_IS_MASTERY_ROW (self), NULL);
  return gtk_label_get_label (self->subtitle);
}
