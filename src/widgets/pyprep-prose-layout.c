/* pyprep-prose-layout.c: sizes a wrapping GtkLabel of running text without
 * laying it out at its narrowest.
 *
 * Works around GtkLabel's minimum width in GTK 4.8. GTK asks a widget for
 * its minimum width before it asks for its height at a given width. A
 * wrapping GtkLabel answers by laying its whole text out at its
 * narrowest, and Pango shapes the rest of a paragraph again at every
 * line break, so that layout costs more than the one the label is shown
 * with. Nothing uses it for running text: the column's width comes from
 * the window. This layout manager, set on such a label, gives its minimum
 * width as a number of average characters, from the font's metrics, and
 * lays the text out only at the widths it is measured and shown at.
 *
 * What that cost (GTK 4.8, measured): a wrapping label of 3,660
 * characters takes 7 ms to give its minimum width. On paragraphs, the
 * title, tags and links, the layout took a run of bench-switch from
 * 14.26 G to 11.80 G instructions (17 %) and the main thread's CPU per
 * switch from 15.0/21.8 to 12.9/19.5 ms (median/p95); on headings and
 * table cells another 7.7 % of a switch's instructions.
 *
 * Unnecessary from: not known yet; GTK 4.18 still needs it, the newest
 * measured. It still lays a wrapping label out at its narrowest, and
 * takes 10 ms there for the same label (measured on Debian 13), so the
 * layout is used on every version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-prose-layout"

#include "config.h"

#include <adwaita.h>

#include "pyprep-font-metrics.h"
#include "pyprep-prose-layout.h"

struct _PyprepProseLayout
{
  GtkLayoutManager parent_instance;

  int      min_chars;
  gboolean natural_from_text;
  int      longest_word;  /* a cell's, in Pango units; -1 until measured */
};

G_DEFINE_FINAL_TYPE (PyprepProseLayout, pyprep_prose_layout, GTK_TYPE_LAYOUT_MANAGER)

/* A layout of the label's text at @width Pango units. Like GtkLabel, it
 * uses the label's own layout while the label has no size yet, and when
 * that layout already has this width; otherwise a copy, so that
 * measuring at another width does not change what is drawn. */
static PangoLayout *
measuring_layout (GtkLabel *label,
                  int       width)
{
  PangoLayout *layout = gtk_label_get_layout (label);

  if (pango_layout_get_width (layout) == width
      || gtk_widget_get_width (GTK_WIDGET (label)) <= 1)
    {
      pango_layout_set_width (layout, width);
      return g_object_ref (layout);
    }

  layout = pango_layout_copy (layout);
  pango_layout_set_width (layout, width);
  return layout;
}

/* The minimum width, in Pango units. */
static int
min_width (PyprepProseLayout *self,
           GtkWidget         *label)
{
  return self->min_chars * pyprep_font_metrics_get (label).char_width;
}

/* The width of a cell's longest word, in Pango units: its text laid out
 * as narrow as it goes with breaks between words only, a word a line.
 * Measured once: a cell's text does not change, and it is short. */
static int
longest_word (PyprepProseLayout *self,
              GtkLabel          *label)
{
  if (self->longest_word < 0)
    {
      g_autoptr(PangoLayout) layout = pango_layout_copy (gtk_label_get_layout (label));

      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_width (layout, 1);
      pango_layout_get_size (layout, &self->longest_word, NULL);
    }

  return self->longest_word;
}

static GtkSizeRequestMode
pyprep_prose_layout_get_request_mode (GtkLayoutManager *manager,
                                      GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
pyprep_prose_layout_measure (GtkLayoutManager *manager,
                             GtkWidget        *widget,
                             GtkOrientation    orientation,
                             int               for_size,
                             int              *minimum,
                             int              *natural,
                             int              *minimum_baseline,
                             int              *natural_baseline)
{
  PyprepProseLayout *self = PYPREP_PROSE_LAYOUT (manager);
  g_autoptr(PangoLayout) layout = NULL;
  int height;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int text_width;

      *minimum = *natural = PANGO_PIXELS_CEIL (min_width (self, widget));
      if (!self->natural_from_text)
        return;

      /* The text on one line: no line breaks, so Pango shapes it once. */
      layout = measuring_layout (GTK_LABEL (widget), -1);
      pango_layout_get_size (layout, &text_width, NULL);
      *natural = PANGO_PIXELS_CEIL (text_width);
      *minimum = MIN (MAX (*minimum, PANGO_PIXELS_CEIL (longest_word (self, GTK_LABEL (widget)))), *natural);
      return;
    }

  /* A height at a given width, the question of every switch, needs no
   * font metrics. */
  layout = measuring_layout (GTK_LABEL (widget),
                             for_size < 0 ? min_width (self, widget) : for_size * PANGO_SCALE);
  pango_layout_get_size (layout, NULL, &height);
  *minimum = *natural = PANGO_PIXELS_CEIL (height);
  *minimum_baseline = *natural_baseline = PANGO_PIXELS_CEIL (pango_layout_get_baseline (layout));
}

/* What GtkLabel does when it is given its size, which it no longer is
 * once it has a layout manager: wrap at the new width, and place the
 * context menu if it is open. */
static void
pyprep_prose_layout_allocate (GtkLayoutManager *manager,
                              GtkWidget        *widget,
                              int               width,
                              int               height,
                              int               baseline)
{
  pango_layout_set_width (gtk_label_get_layout (GTK_LABEL (widget)), width * PANGO_SCALE);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

static void
pyprep_prose_layout_class_init (PyprepProseLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->get_request_mode = pyprep_prose_layout_get_request_mode;
  manager_class->measure = pyprep_prose_layout_measure;
  manager_class->allocate = pyprep_prose_layout_allocate;
}

static void
pyprep_prose_layout_init (PyprepProseLayout *self)
{
}

static void
attach (GtkLabel *label,
        int       min_chars,
        gboolean  natural_from_text)
{
  PyprepProseLayout *self;

  g_return_if_fail (GTK_IS_LABEL (label));
  g_return_if_fail (gtk_label_get_wrap (label));
  g_return_if_fail (gtk_widget_get_layout_manager (GTK_WIDGET (label)) == NULL);
  g_return_if_fail (min_chars > 0);

  self = g_object_new (PYPREP_TYPE_PROSE_LAYOUT, NULL);
  self->min_chars = min_chars;
  self->natural_from_text = natural_from_text;
  self->longest_word = -1;
  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_layout_manager (GTK_WIDGET (label), GTK_LAYOUT_MANAGER (self));
}

/**
 * pyprep_prose_layout_attach:
 * @label: a label that wraps, with no layout manager yet
 * @min_chars: its minimum width, in average characters
 *
 * Sizes @label as running text: its minimum and natural width are
 * @min_chars characters, and its height is that of its text wrapped at
 * the width it is given. A word longer than the label is wide is broken
 * between characters instead of running past its edge.
 */
void
pyprep_prose_layout_attach (GtkLabel *label,
                            int       min_chars)
{
  attach (label, min_chars, FALSE);
}

/**
 * pyprep_prose_layout_attach_to_cell:
 * @label: a label that wraps, with no layout manager yet
 * @min_chars: its largest minimum width, in average characters
 *
 * Like pyprep_prose_layout_attach(), for a table cell: its natural width
 * is its text's on one line, so that a grid gives wider text wider
 * columns, and its minimum width is @min_chars characters, or less when
 * its text is shorter, but never less than its longest word: a name in
 * a table is not broken in two.
 */
void
pyprep_prose_layout_attach_to_cell (GtkLabel *label,
                                    int       min_chars)
{
  attach (label, min_chars, TRUE);
}

/* The label under @widget that shows @text, if there is exactly one. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text,
            guint      *n_found)
{
  GtkLabel *found = NULL;

  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    {
      (*n_found)++;
      return GTK_LABEL (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_label (child, text, n_found);

      if (label != NULL)
        found = label;
    }
  return found;
}

/**
 * pyprep_prose_layout_attach_to_group_description:
 * @group: a group whose description is set
 * @min_chars: the description's largest minimum width, in average
 *   characters
 *
 * Sizes the wrapping label that shows @group's description as a table
 * cell's (pyprep_prose_layout_attach_to_cell()).
 *
 * Works around AdwPreferencesGroup in libadwaita 1.2 with GTK 4.8: its
 * description sits in the group's header, a horizontal box, which asks
 * the label for its width at the header's height, and GtkLabel answers
 * by laying the text out at width after width until it fits: 29 layouts
 * of each description every time Statistics opens (counted under
 * bench-statistics). Here the label is laid out once per width it is
 * measured at.
 *
 * The label is found by its text, and left alone unless exactly one
 * label under @group shows the description: a libadwaita that builds
 * its header otherwise keeps its stock sizing. Used with GTK 4.8 only:
 * see below.
 */
void
pyprep_prose_layout_attach_to_group_description (AdwPreferencesGroup *group,
                                                 int                  min_chars)
{
  const char *description;
  GtkLabel *label;
  guint n_found = 0;

  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));

  /* Only on GTK 4.8. With GTK 4.18 the header's box, given this label,
   * reported a natural height below its minimum (91 and 44 px at 563 px,
   * a warning each time Statistics opened), so the stock sizing stays
   * there, at the cost of the layouts above. */
  if (gtk_check_version (4, 10, 0) == NULL)
    return;

  description = adw_preferences_group_get_description (group);
  if (description == NULL || *description == '\0')
    return;

  label = find_label (GTK_WIDGET (group), description, &n_found);
  if (n_found == 1 && gtk_label_get_wrap (label)
      && gtk_widget_get_layout_manager (GTK_WIDGET (label)) == NULL)
    pyprep_prose_layout_attach_to_cell (label, min_chars);
}
