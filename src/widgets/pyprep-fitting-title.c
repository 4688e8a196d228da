/* pyprep-fitting-title.c: a header bar's title on one line where it fits
 * whole, else on two smaller lines (the "wrapped-title" style class), cut
 * short only where even those do not fit. Only the label on show is
 * mapped and read out; "wrapped" says which it is.
 *
 * AdwSqueezer chose between two such labels, but it measures each child
 * for the width it is given, below that child's minimum too, which GTK
 * 4.18 warns about; it is also deprecated from libadwaita 1.4. Here the
 * label taken is only measured and allocated at its minimum or more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-fitting-title"

#include "config.h"

#include "pyprep-fitting-title.h"

struct _PyprepFittingTitle
{
  GtkWidget  parent_instance;

  GtkWidget *line;     /* the title on one line */
  GtkWidget *lines;    /* on two smaller lines */
  gboolean   wrapped;  /* the two lines are on show */
};

G_DEFINE_FINAL_TYPE (PyprepFittingTitle, pyprep_fitting_title, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_WRAPPED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Whether the title needs two lines at @width (-1: as wide as it likes). */
static gboolean
wraps_at (PyprepFittingTitle *self,
          int                 width)
{
  int natural;

  if (width < 0)
    return FALSE;
  gtk_widget_measure (self->line, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return width < natural;
}

/* Its height follows its width: one line or two. */
static GtkSizeRequestMode
pyprep_fitting_title_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
pyprep_fitting_title_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  PyprepFittingTitle *self = PYPREP_FITTING_TITLE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* As narrow as the two lines go; as wide as the one line. */
      gtk_widget_measure (self->lines, orientation, -1, minimum, NULL, NULL, NULL);
      gtk_widget_measure (self->line, orientation, -1, NULL, natural, NULL, NULL);
      *natural = MAX (*natural, *minimum);
    }
  else
    {
      GtkWidget *shown = wraps_at (self, for_size) ? self->lines : self->line;
      int least;

      gtk_widget_measure (shown, GTK_ORIENTATION_HORIZONTAL, -1, &least, NULL, NULL, NULL);
      gtk_widget_measure (shown, orientation, for_size < 0 ? -1 : MAX (for_size, least),
                          minimum, natural, minimum_baseline, natural_baseline);
    }
}

static void
pyprep_fitting_title_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  PyprepFittingTitle *self = PYPREP_FITTING_TITLE (widget);
  gboolean wrapped = wraps_at (self, width);
  GtkWidget *shown = wrapped ? self->lines : self->line;
  int least;

  gtk_widget_set_child_visible (self->line, !wrapped);
  gtk_widget_set_child_visible (self->lines, wrapped);
  gtk_widget_measure (shown, GTK_ORIENTATION_HORIZONTAL, -1, &least, NULL, NULL, NULL);
  gtk_widget_allocate (shown, MAX (width, least), height, baseline, NULL);

  if (wrapped != self->wrapped)
    {
      self->wrapped = wrapped;
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->line), GTK_ACCESSIBLE_STATE_HIDDEN, wrapped, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->lines), GTK_ACCESSIBLE_STATE_HIDDEN, !wrapped, -1);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRAPPED]);
    }
}

static void
pyprep_fitting_title_dispose (GObject *object)
{
  PyprepFittingTitle *self = PYPREP_FITTING_TITLE (object);

  g_clear_pointer (&self->line, gtk_widget_unparent);
  g_clear_pointer (&self->lines, gtk_widget_unparent);

  G_OBJECT_CLASS (pyprep_fitting_title_parent_class)->dispose (object);
}

static void
pyprep_fitting_title_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PyprepFittingTitle *self = PYPREP_FITTING_TITLE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, pyprep_fitting_title_get_title (self));
      break;
    case PROP_WRAPPED:
      g_value_set_boolean (value, self->wrapped);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_fitting_title_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PyprepFittingTitle *self = PYPREP_FITTING_TITLE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      pyprep_fitting_title_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_fitting_title_class_init (PyprepFittingTitleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_fitting_title_dispose;
  object_class->get_property = pyprep_fitting_title_get_property;
  object_class->set_property = pyprep_fitting_title_set_property;
  widget_class->get_request_mode = pyprep_fitting_title_get_request_mode;
  widget_class->measure = pyprep_fitting_title_measure;
  widget_class->size_allocate = pyprep_fitting_title_size_allocate;

  /* The text, on one line or two. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Whether it is on two lines, as the last allocation found. */
  properties[PROP_WRAPPED] =
    g_param_spec_boolean ("wrapped", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "fittingtitle");
}

static void
pyprep_fitting_title_init (PyprepFittingTitle *self)
{
  self->line = gtk_label_new (NULL);
  gtk_label_set_single_line_mode (GTK_LABEL (self->line), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (self->line), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->line, "title");
  gtk_widget_set_parent (self->line, GTK_WIDGET (self));

  self->lines = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->lines), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->lines), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (self->lines), 2);
  gtk_label_set_ellipsize (GTK_LABEL (self->lines), PANGO_ELLIPSIZE_END);
  gtk_label_set_justify (GTK_LABEL (self->lines), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (self->lines, "title");
  gtk_widget_add_css_class (self->lines, "wrapped-title");
  gtk_widget_set_parent (self->lines, GTK_WIDGET (self));

  gtk_widget_set_child_visible (self->lines, FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->lines), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
}

GtkWidget *
pyprep_fitting_title_new (void)
{
  return g_object_new (PYPREP_TYPE_FITTING_TITLE, NULL);
}

const char *
pyprep_fitting_title_get_title (PyprepFittingTitle *self)
{
  g_return_val_if_fail (PYPREP_IS_FITTING_TITLE (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->line));
}

void
pyprep_fitting_title_set_title (PyprepFittingTitle *self,
                                const char         *title)
{
  g_return_if_fail (PYPREP_IS_FITTING_TITLE (self));

  if (g_strcmp0 (title, pyprep_fitting_title_get_title (self)) == 0)
    return;
  gtk_label_set_label (GTK_LABEL (self->line), title ? title : "");
  gtk_label_set_label (GTK_LABEL (self->lines), title ? title : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* Whether the title is on two lines. */
gboolean
pyprep_fitting_title_get_wrapped (PyprepFittingTitle *self)
{
  g_return_val_if_fail (PYPREP_IS_FITTING_TITLE (self), FALSE);

  return self->wrapped;
}
