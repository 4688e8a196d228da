/* pyprep-row-text.c: the text of a list row, a fixed number of lines high.
 *
 * Like GtkInscription, its size comes from its font alone: so many lines
 * high, three average characters wide at least. Its text is wrapped and
 * ellipsized to fit, and filling a list with rows never lays their text
 * out to measure it.
 *
 * Works around GtkInscription's cost in GTK 4.8, which the sidebar pays
 * for every row at every change of topic:
 *
 *  - GtkInscription asks Pango for the font's metrics at every measure,
 *    for the width and again for the height, and Pango shapes a sample
 *    sentence each time: about 20 microseconds a call on Pango 1.50 and
 *    16 on Pango 1.56 (measured). Here the metrics are kept per font
 *    (pyprep-font-metrics.c).
 *  - A text cut short shows itself whole in a tooltip, and only then. A
 *    tooltip set with gtk_widget_set_tooltip_text() at every bind would
 *    make GTK ask the display server where the pointer is, every time.
 *
 * Unnecessary from: not known yet; GTK 4.18 still needs it, the newest
 * measured. Its GtkInscription still asks Pango at every measure, and
 * Pango 1.56 (Debian 13) still keeps no metrics, so the row text is used
 * on every version. Once GtkInscription
 * keeps its metrics, rows can take a GtkInscription of the same lines
 * instead: test-row-text checks that the two are the same size.
 *
 * Its Pango layout is made at its first allocation, once its style is
 * known: a widget's Pango context made earlier, while it is being built,
 * costs a style computation that its style classes then undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-row-text"

#include "config.h"

#include "pyprep-font-metrics.h"
#include "pyprep-row-text.h"

/* As GtkInscription: at least this many average characters wide. */
#define MIN_CHARS 3

struct _PyprepRowText
{
  GtkWidget      parent_instance;

  char          *text;
  PangoAttrList *attrs;         /* set by the caller */
  PangoAttrList *markup_attrs;  /* from the last markup */
  PangoLayout   *layout;       /* made at the first allocation */
  guint          lines;
};

G_DEFINE_FINAL_TYPE (PyprepRowText, pyprep_row_text, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_LINES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_alignment (PyprepRowText *self)
{
  gboolean ltr = gtk_widget_get_direction (GTK_WIDGET (self)) != GTK_TEXT_DIR_RTL;

  if (self->layout != NULL)
    pango_layout_set_alignment (self->layout, ltr ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
}

static void
update_attributes (PyprepRowText *self)
{
  g_autoptr(PangoAttrList) merged = NULL;

  if (self->layout == NULL)
    return;

  if (self->markup_attrs == NULL)
    {
      pango_layout_set_attributes (self->layout, self->attrs);
      return;
    }

  merged = self->attrs != NULL ? pango_attr_list_copy (self->attrs) : pango_attr_list_new ();
  {
    g_autoptr(GSList) list = pango_attr_list_get_attributes (self->markup_attrs);

    for (GSList *l = list; l != NULL; l = l->next)
      pango_attr_list_insert (merged, l->data);
  }
  pango_layout_set_attributes (self->layout, merged);
}

/* Shows @text, with @markup_attrs (owned) if it came from markup. Only
 * a redraw is needed: the size does not depend on the text. */
static void
take_text (PyprepRowText *self,
           char          *text,
           PangoAttrList *markup_attrs)
{
  if (g_strcmp0 (self->text, text) == 0 && markup_attrs == NULL && self->markup_attrs == NULL)
    {
      g_free (text);
      return;
    }

  g_free (self->text);
  self->text = text;
  g_clear_pointer (&self->markup_attrs, pango_attr_list_unref);
  self->markup_attrs = markup_attrs;

  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text != NULL ? text : "", -1);
  update_attributes (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static void
pyprep_row_text_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  PyprepRowText *self = PYPREP_ROW_TEXT (widget);
  PyprepFontMetrics metrics = pyprep_font_metrics_get (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = PANGO_PIXELS_CEIL (MIN_CHARS * metrics.char_width);
      return;
    }

  *minimum = *natural = PANGO_PIXELS_CEIL (self->lines * (metrics.ascent + metrics.descent));
  *minimum_baseline = *natural_baseline = PANGO_PIXELS_CEIL (metrics.ascent);
}

static void
pyprep_row_text_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  PyprepRowText *self = PYPREP_ROW_TEXT (widget);

  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (widget, self->text);
      pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      update_alignment (self);
      update_attributes (self);
    }
  pango_layout_set_width (self->layout, width * PANGO_SCALE);
  pango_layout_set_height (self->layout, height * PANGO_SCALE);
}

/* Where the text goes: on the row's baseline if it has one, otherwise
 * at the top when it fills its lines, and centred when it is shorter. */
static double
text_y (PyprepRowText *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int baseline = gtk_widget_get_allocated_baseline (widget);
  PangoRectangle logical;

  if (baseline != -1)
    return baseline - pango_layout_get_baseline (self->layout) / PANGO_SCALE;

  if (pango_layout_is_ellipsized (self->layout))
    return 0;

  pango_layout_get_pixel_extents (self->layout, NULL, &logical);
  return MAX (0, floor ((gtk_widget_get_height (widget) - logical.height) / 2.0));
}

static void
pyprep_row_text_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  PyprepRowText *self = PYPREP_ROW_TEXT (widget);

  if (self->text == NULL || self->text[0] == '\0' || self->layout == NULL)
    return;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0,
                                                         gtk_widget_get_width (widget),
                                                         gtk_widget_get_height (widget)));
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget),
                              0, text_y (self), self->layout);
  gtk_snapshot_pop (snapshot);
}

static gboolean
pyprep_row_text_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_tooltip,
                               GtkTooltip *tooltip)
{
  PyprepRowText *self = PYPREP_ROW_TEXT (widget);

  if (!pyprep_row_text_is_cut_short (self))
    return FALSE;

  gtk_tooltip_set_text (tooltip, self->text);
  return TRUE;
}

static void
pyprep_row_text_direction_changed (GtkWidget        *widget,
                                   GtkTextDirection  previous)
{
  GTK_WIDGET_CLASS (pyprep_row_text_parent_class)->direction_changed (widget, previous);
  update_alignment (PYPREP_ROW_TEXT (widget));
}

static void
pyprep_row_text_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PyprepRowText *self = PYPREP_ROW_TEXT (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_LINES:
      g_value_set_uint (value, self->lines);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_row_text_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PyprepRowText *self = PYPREP_ROW_TEXT (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      pyprep_row_text_set_text (self, g_value_get_string (value));
      break;
    case PROP_LINES:
      self->lines = g_value_get_uint (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_row_text_finalize (GObject *object)
{
  PyprepRowText *self = PYPREP_ROW_TEXT (object);

  g_free (self->text);
  g_clear_pointer (&self->attrs, pango_attr_list_unref);
  g_clear_pointer (&self->markup_attrs, pango_attr_list_unref);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (pyprep_row_text_parent_class)->finalize (object);
}

static void
pyprep_row_text_class_init (PyprepRowTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = pyprep_row_text_get_property;
  object_class->set_property = pyprep_row_text_set_property;
  object_class->finalize = pyprep_row_text_finalize;

  widget_class->measure = pyprep_row_text_measure;
  widget_class->size_allocate = pyprep_row_text_size_allocate;
  widget_class->snapshot = pyprep_row_text_snapshot;
  widget_class->query_tooltip = pyprep_row_text_query_tooltip;
  widget_class->direction_changed = pyprep_row_text_direction_changed;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINES] =
    g_param_spec_uint ("lines", NULL, NULL, 1, 10, 1,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Themes style it as the label it is. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
pyprep_row_text_init (PyprepRowText *self)
{
  self->lines = 1;
  /* Asked each time the pointer rests on it; see query_tooltip. */
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

/**
 * pyprep_row_text_new:
 * @lines: how many lines high it is
 *
 * Returns: a new row text, empty
 */
GtkWidget *
pyprep_row_text_new (guint lines)
{
  return g_object_new (PYPREP_TYPE_ROW_TEXT, "lines", lines, NULL);
}

const char *
pyprep_row_text_get_text (PyprepRowText *self)
{
  g_return_val_if_fail (PYPREP_IS_ROW_TEXT (self), NULL);

  return self->text;
}

void
pyprep_row_text_set_text (PyprepRowText *self,
                          const char    *text)
{
  g_return_if_fail (PYPREP_IS_ROW_TEXT (self));

  take_text (self, g_strdup (text), NULL);
}

/**
 * pyprep_row_text_set_markup:
 * @self: a row text
 * @markup: Pango markup
 *
 * Shows @markup. Markup that does not parse is shown as it is, and
 * logged: the row still says something.
 */
void
pyprep_row_text_set_markup (PyprepRowText *self,
                            const char    *markup)
{
  g_autoptr(GError) error = NULL;
  PangoAttrList *attrs = NULL;
  char *text = NULL;

  g_return_if_fail (PYPREP_IS_ROW_TEXT (self));
  g_return_if_fail (markup != NULL);

  if (!pango_parse_markup (markup, -1, 0, &attrs, &text, NULL, &error))
    {
      g_warning ("Could not show a row's markup: %s", error->message);
      take_text (self, g_strdup (markup), NULL);
      return;
    }

  take_text (self, text, attrs);
}

/**
 * pyprep_row_text_set_attributes:
 * @self: a row text
 * @attrs: (nullable): attributes for the whole text, such as
 *   tabular figures
 */
void
pyprep_row_text_set_attributes (PyprepRowText *self,
                                PangoAttrList *attrs)
{
  g_return_if_fail (PYPREP_IS_ROW_TEXT (self));

  if (attrs != NULL)
    pango_attr_list_ref (attrs);
  g_clear_pointer (&self->attrs, pango_attr_list_unref);
  self->attrs = attrs;
  update_attributes (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * pyprep_row_text_is_cut_short:
 * @self: a row text
 *
 * Returns: whether the text, as last shown, did not fit its lines
 */
gboolean
pyprep_row_text_is_cut_short (PyprepRowText *self)
{
  g_return_val_if_fail (PYPREP_IS_ROW_TEXT (self), FALSE);

  return self->text != NULL && self->layout != NULL && gtk_widget_get_width (GTK_WIDGET (self)) > 0
         && pango_layout_is_ellipsized (self->layout);
}
