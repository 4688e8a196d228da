/* pyprep-mastery-bar.c: a topic's questions as one bar split into
 * confident, needs review, read and new, in that order. The same widget,
 * at a small square size, is the legend's colour swatch, so the legend
 * always matches the bars.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-mastery-bar"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "pyprep-chart.h"
#include "pyprep-mastery-bar.h"

#define N_STATUSES (PYPREP_STATUS_CONFIDENT + 1)

struct _PyprepMasteryBar
{
  GtkWidget parent_instance;

  guint     counts[N_STATUSES];
  gboolean  described;  /* its accessible label set */
};

G_DEFINE_FINAL_TYPE (PyprepMasteryBar, pyprep_mastery_bar, GTK_TYPE_WIDGET)

static const PyprepStatus draw_order[] = {
  PYPREP_STATUS_CONFIDENT,
  PYPREP_STATUS_LEARNING,
  PYPREP_STATUS_NEEDS_REVIEW,
  PYPREP_STATUS_READ,
  PYPREP_STATUS_NEW,
};

/* The colour of @status, from style.css (which maps it to the theme's
 * success, warning and accent colours). */
void
pyprep_mastery_bar_get_color (GtkWidget    *widget,
                              PyprepStatus  status,
                              GdkRGBA      *color)
{
  switch (status)
    {
    case PYPREP_STATUS_CONFIDENT:
      pyprep_chart_lookup_color (widget, "pyprep_confident_color", "#26a269", color);
      break;
    case PYPREP_STATUS_LEARNING:
      pyprep_chart_lookup_color (widget, "pyprep_learning_color", "#8fd1a8", color);
      break;
    case PYPREP_STATUS_NEEDS_REVIEW:
      pyprep_chart_lookup_color (widget, "pyprep_needs_review_color", "#e5a50a", color);
      break;
    case PYPREP_STATUS_READ:
      pyprep_chart_lookup_color (widget, "pyprep_read_color", "#3584e4", color);
      break;
    case PYPREP_STATUS_NEW:
    default:
      pyprep_chart_get_foreground (widget, pyprep_chart_high_contrast () ? 0.2 : 0.12, color);
      break;
    }
}

static void
pyprep_mastery_bar_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  PyprepMasteryBar *self = PYPREP_MASTERY_BAR (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  gboolean high_contrast = pyprep_chart_high_contrast ();
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GdkRGBA outline;
  guint total = 0;
  float x = 0;

  pyprep_chart_get_foreground (widget, 0.7, &outline);

  for (guint i = 0; i < N_STATUSES; i++)
    total += self->counts[i];

  if (total == 0)
    {
      GdkRGBA empty;

      pyprep_mastery_bar_get_color (widget, PYPREP_STATUS_NEW, &empty);
      pyprep_chart_fill (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height), 3, &empty,
                         high_contrast ? &outline : NULL);
      return;
    }

  /* Segments are rounded boxes with a 2 px gap, so that two similar
   * colours next to each other still read as two. */
  for (guint i = 0; i < G_N_ELEMENTS (draw_order); i++)
    {
      guint count = self->counts[draw_order[i]];
      float segment, drawn;
      GdkRGBA color;

      if (count == 0)
        continue;

      segment = MAX (width * count / total, 3.0f);
      drawn = MAX (MIN (segment, width - x) - 2, 1);
      pyprep_mastery_bar_get_color (widget, draw_order[i], &color);
      /* Confident comes first in the reading direction. */
      pyprep_chart_fill (snapshot,
                         &GRAPHENE_RECT_INIT (rtl ? width - x - drawn : x, 0, drawn, height),
                         3, &color, high_contrast ? &outline : NULL);
      x += segment;
    }
}

static void
pyprep_mastery_bar_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  /* A swatch by default; rows ask for a longer bar. */
  *minimum = *natural = 12;
}

/* The counts in words, set when asked: setting a tooltip's text at every
 * change would ask the display server where the pointer is, each time. */
static gboolean
pyprep_mastery_bar_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard,
                                  GtkTooltip *tooltip)
{
  g_autofree char *text = pyprep_mastery_describe (PYPREP_MASTERY_BAR (widget)->counts);

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
pyprep_mastery_bar_class_init (PyprepMasteryBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = pyprep_mastery_bar_snapshot;
  widget_class->measure = pyprep_mastery_bar_measure;
  widget_class->query_tooltip = pyprep_mastery_bar_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "masterybar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pyprep_mastery_bar_init (PyprepMasteryBar *self)
{
  pyprep_chart_follow_style (GTK_WIDGET (self));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
pyprep_mastery_bar_new (void)
{
  return g_object_new (PYPREP_TYPE_MASTERY_BAR, NULL);
}

/**
 * pyprep_mastery_bar_set_counts:
 * @counts: (array fixed-size=4): questions by #PyprepStatus
 *
 * Also sets the bar's accessible label and its tooltip to the counts as
 * text. A swatch without a tooltip turns #GtkWidget:has-tooltip off.
 */
void
pyprep_mastery_bar_set_counts (PyprepMasteryBar *self,
                               const guint      *counts)
{
  g_autofree char *text = NULL;

  g_return_if_fail (PYPREP_IS_MASTERY_BAR (self));

  if (memcmp (self->counts, counts, sizeof self->counts) == 0 && self->described)
    return;
  memcpy (self->counts, counts, sizeof self->counts);
  self->described = TRUE;
  text = pyprep_mastery_describe (counts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Returns: (transfer full): e.g. "3 confident, 4 learning, 1 needs review,
 * 5 read, 10 new" */
char *
pyprep_mastery_describe (const guint *counts)
{
  /* TRANSLATORS: a list such as "3 confident, 4 learning, 1 needs review, 5 read, 10 new" */
  return g_strdup_printf (_("%u confident, %u learning, %u %s, %u read, %u new"),
                          counts[PYPREP_STATUS_CONFIDENT],
                          counts[PYPREP_STATUS_LEARNING],
                          counts[PYPREP_STATUS_NEEDS_REVIEW],
                          g_dngettext (GETTEXT_PACKAGE, "needs review", "need review",
                                       counts[PYPREP_STATUS_NEEDS_REVIEW]),
                          counts[PYPREP_STATUS_READ],
                          counts[PYPREP_STATUS_NEW]);
}
