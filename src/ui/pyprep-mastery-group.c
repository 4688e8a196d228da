/* pyprep-mastery-group.c: the Statistics page's Mastery group: a legend
 * of the statuses' colours, then a row for all topics and one per topic
 * (PyprepFigureRow), each with its counts in words and as a bar.
 *
 * The group comes last on the page, below the first screen, and its rows
 * are most of the page's text. They are added a few at a time, after
 * the page's first frame and between the next ones, so that opening
 * Statistics does not wait for seventeen rows to be built and measured,
 * and no frame does either. Once there, a row is filled again in place
 * when the study changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-mastery-group"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-figure-row.h"
#include "pyprep-mastery-bar.h"
#include "pyprep-mastery-group.h"

/* Rows added per main-loop turn: about 4 ms of building and measuring on
 * the development machine (bench-statistics), well within a frame. */
#define ROWS_PER_TURN 4

struct _PyprepMasteryGroup
{
  AdwPreferencesGroup  parent_instance;

  GtkGrid             *legend;
  GtkListBox          *mastery_list;

  GArray              *masteries;   /* of PyprepTopicMastery, all topics first */
  guint                add_source;  /* adds the rows still missing */
};

G_DEFINE_FINAL_TYPE (PyprepMasteryGroup, pyprep_mastery_group, ADW_TYPE_PREFERENCES_GROUP)

static void
clear_mastery (gpointer data)
{
  PyprepTopicMastery *mastery = data;

  g_free ((char *)mastery->title);
}

static void
add_mastery (PyprepMasteryGroup       *self,
             const PyprepTopicMastery *mastery)
{
  PyprepTopicMastery copy = *mastery;

  /* The stats the counts come from do not outlive the refresh. */
  copy.topic_id = NULL;
  copy.title = g_strdup (mastery->title);
  g_array_append_val (self->masteries, copy);
}

/* @row shows @mastery: its counts in words and as a bar, and the share
 * learning or confident. All topics' row is in bold. */
static void
show_mastery (PyprepFigureRow          *row,
              const PyprepTopicMastery *mastery,
              gboolean                  overall)
{
  g_autofree char *subtitle = pyprep_mastery_describe (mastery->counts);
  g_autofree char *percent = NULL;
  guint passed = mastery->counts[PYPREP_STATUS_CONFIDENT] + mastery->counts[PYPREP_STATUS_LEARNING];
  guint share = mastery->total > 0 ? (passed * 100 + mastery->total / 2) / mastery->total : 0;

  /* TRANSLATORS: a topic's mastery: the share of its questions that are
   * learning or confident */
  percent = g_strdup_printf (_("%u%%"), share);
  pyprep_figure_row_set_text (row, mastery->title, subtitle, percent);
  pyprep_figure_row_set_counts (row, mastery->counts);
  if (overall)
    gtk_widget_add_css_class (GTK_WIDGET (row), "mastery-overall");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "mastery-overall");
}

static guint
n_rows (PyprepMasteryGroup *self)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->mastery_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static gboolean
add_rows_cb (gpointer data)
{
  PyprepMasteryGroup *self = data;
  guint first = n_rows (self);
  guint last = MIN (first + ROWS_PER_TURN, self->masteries->len);

  for (guint i = first; i < last; i++)
    {
      GtkWidget *row = pyprep_figure_row_new ();

      show_mastery (PYPREP_FIGURE_ROW (row), &g_array_index (self->masteries, PyprepTopicMastery, i), i == 0);
      gtk_list_box_append (self->mastery_list, row);
    }

  if (last < self->masteries->len)
    return G_SOURCE_CONTINUE;
  self->add_source = 0;
  return G_SOURCE_REMOVE;
}

/**
 * pyprep_mastery_group_set_stats:
 * @stats: the figures to show
 *
 * Shows the mastery of all topics and of each topic in @stats: at once
 * in the rows already there, and in new rows over the next main-loop
 * turns.
 */
void
pyprep_mastery_group_set_stats (PyprepMasteryGroup *self,
                                PyprepStats        *stats)
{
  GtkListBoxRow *row;

  g_return_if_fail (PYPREP_IS_MASTERY_GROUP (self));
  g_return_if_fail (stats != NULL);

  g_array_set_size (self->masteries, 0);
  add_mastery (self, pyprep_stats_get_overall (stats));
  for (guint i = 0; i < pyprep_stats_get_n_topics (stats); i++)
    add_mastery (self, pyprep_stats_get_topic (stats, i));

  while ((row = gtk_list_box_get_row_at_index (self->mastery_list, (int)self->masteries->len)) != NULL)
    gtk_list_box_remove (self->mastery_list, GTK_WIDGET (row));

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->mastery_list, (int)i)) != NULL; i++)
    show_mastery (PYPREP_FIGURE_ROW (row), &g_array_index (self->masteries, PyprepTopicMastery, i), i == 0);

  /* At a low priority, so that frames come between. */
  if (self->add_source == 0 && n_rows (self) < self->masteries->len)
    self->add_source = g_idle_add (add_rows_cb, self);
}

/* One swatch per status, in the bars' order, two by two so that the
 * legend fits a phone-sized window. */
static void
build_legend (PyprepMasteryGroup *self)
{
  static const PyprepStatus order[] = {
    PYPREP_STATUS_CONFIDENT, PYPREP_STATUS_LEARNING, PYPREP_STATUS_NEEDS_REVIEW,
    PYPREP_STATUS_READ, PYPREP_STATUS_NEW,
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *swatch = pyprep_mastery_bar_new ();
      GtkWidget *label = gtk_label_new (pyprep_status_get_label (order[i]));
      guint counts[PYPREP_STATUS_CONFIDENT + 1] = { 0, };

      counts[order[i]] = 1;
      pyprep_mastery_bar_set_counts (PYPREP_MASTERY_BAR (swatch), counts);
      gtk_widget_set_has_tooltip (swatch, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pyprep_status_get_label (order[i]), -1);
      gtk_widget_set_size_request (swatch, 12, 12);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (item), swatch);
      gtk_box_append (GTK_BOX (item), label);
      gtk_grid_attach (self->legend, item, i % 2, i / 2, 1, 1);
    }
}

static void
pyprep_mastery_group_dispose (GObject *object)
{
  PyprepMasteryGroup *self = PYPREP_MASTERY_GROUP (object);

  g_clear_handle_id (&self->add_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_MASTERY_GROUP);

  G_OBJECT_CLASS (pyprep_mastery_group_parent_class)->dispose (object);
}

static void
pyprep_mastery_group_finalize (GObject *object)
{
  PyprepMasteryGroup *self = PYPREP_MASTERY_GROUP (object);

  g_clear_pointer (&self->masteries, g_array_unref);

  G_OBJECT_CLASS (pyprep_mastery_group_parent_class)->finalize (object);
}

static void
pyprep_mastery_group_class_init (PyprepMasteryGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_mastery_group_dispose;
  object_class->finalize = pyprep_mastery_group_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pyprep/PyPrep/ui/pyprep-mastery-group.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepMasteryGroup, legend);
  gtk_widget_class_bind_template_child (widget_class, PyprepMasteryGroup, mastery_list);
}

static void
pyprep_mastery_group_init (PyprepMasteryGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->masteries = g_array_new (FALSE, FALSE, sizeof (PyprepTopicMastery));
  g_array_set_clear_func (self->masteries, clear_mastery);
  build_legend (self);
}
