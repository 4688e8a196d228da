/* pyprep-heatmap.c: the activity calendar of the Statistics view. Each
 * column is a week from Monday to Sunday, the last one holding today;
 * the shade of a square says how much was studied that day. Shades are
 * scaled to the 90th percentile of the active days rather than to the
 * busiest one, so that a single very busy day does not wash all the
 * others out to the palest shade.
 *
 * The whole picture is summed up in the accessible description. Each day
 * has a tooltip. A cursor marks one day (today at first): the arrow keys
 * and clicks move it, and the accessible name says the day it is on, so
 * a screen reader reads each day as the cursor reaches it. The page shows
 * the same words under the calendar ("cursor" property).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-heatmap"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-chart.h"
#include "pyprep-heatmap.h"

#define N_LEVELS 5
#define MIN_STEP 10
#define NAT_STEP 20
#define MAX_STEP 28
#define GAP_RATIO 0.2

struct _PyprepHeatmap
{
  GtkWidget parent_instance;

  GDate     start;
  guint     n_days;
  guint     counts[PYPREP_STATS_GRID_DAYS];
  guint     scale;   /* a count at or above it gets the darkest shade */
  guint     cursor;
  char     *summary;
};

G_DEFINE_FINAL_TYPE (PyprepHeatmap, pyprep_heatmap, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CURSOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Layout ---------------------------------------------------------------- */

typedef struct
{
  float left;    /* where the first column starts */
  float top;     /* where the first row starts */
  float step;    /* a square and the gap after it */
  float cell;
  int   line;    /* height of a line of text */
} Layout;

static int
label_column_width (PyprepHeatmap *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = 0;

  /* Monday, Wednesday and Friday are labelled. 7 Jan 2030 is a Monday. */
  for (guint day = 7; day <= 11; day += 2)
    {
      GDate date;
      char text[64];

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, (GDateDay)day, G_DATE_JANUARY, 2030);
      g_date_strftime (text, sizeof text, "%a", &date);
      width = MAX (width, pyprep_chart_text_width (widget, text));
    }

  return width + 6;
}

static float
step_for_width (PyprepHeatmap *self,
                int            width)
{
  float step = (float)(width - label_column_width (self)) / PYPREP_STATS_GRID_WEEKS;

  return CLAMP (step, MIN_STEP, MAX_STEP);
}

/* The squares as large as the width allows, but no larger than the
 * height given: a container may hand out less than the natural height
 * (only the minimum is promised), and the rows must not spill over what
 * comes below. */
static void
compute_layout (PyprepHeatmap *self,
                Layout        *layout)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int labels = label_column_width (self);
  float fits_height;

  layout->line = pyprep_chart_line_height (GTK_WIDGET (self));
  layout->top = layout->line + 4;
  /* The inverse of height_for_step (). */
  fits_height = (float)(height - 2 * layout->line - 12) / 7;
  layout->step = (int)CLAMP (MIN (step_for_width (self, width), fits_height), MIN_STEP, MAX_STEP);
  layout->cell = layout->step - MAX (2.0f, (int)(layout->step * GAP_RATIO));
  /* Centred when there is more room than the largest squares need. */
  layout->left = labels + MAX (0, (int)(width - labels - PYPREP_STATS_GRID_WEEKS * layout->step) / 2);
}

static int
height_for_step (PyprepHeatmap *self,
                 float          step)
{
  int line = pyprep_chart_line_height (GTK_WIDGET (self));

  /* Month names, seven rows, then the legend. */
  return line + 4 + 7 * (int)step + 8 + line;
}

static void
pyprep_heatmap_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  PyprepHeatmap *self = PYPREP_HEATMAP (widget);
  int left = label_column_width (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = left + PYPREP_STATS_GRID_WEEKS * MIN_STEP;
      *natural = left + PYPREP_STATS_GRID_WEEKS * NAT_STEP;
    }
  else
    {
      /* The squares grow with the width up to the natural size; a
       * minimum that grew with the width would break the rule that a
       * widget gets no taller as it gets wider, which containers such as
       * AdwClamp rely on. And the minimum is what a scrolled page hands
       * out (a viewport's default scroll policy), so it is the height at
       * the natural squares; compute_layout () keeps within it. */
      *minimum = *natural = height_for_step (self, NAT_STEP);
    }
}

static GtkSizeRequestMode
pyprep_heatmap_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Everything is laid out left to right, then mirrored for right-to-left
 * text: @x and @width describe a box in left-to-right coordinates. */
static float
mirror (PyprepHeatmap *self,
        float          x,
        float          width)
{
  if (gtk_widget_get_direction (GTK_WIDGET (self)) != GTK_TEXT_DIR_RTL)
    return x;

  return gtk_widget_get_width (GTK_WIDGET (self)) - x - width;
}

/* Draws @text starting at @x (left-to-right coordinates). */
static void
draw_label (PyprepHeatmap *self,
            GtkSnapshot   *snapshot,
            const char    *text,
            float          x,
            float          y,
            const GdkRGBA *color)
{
  int width = pyprep_chart_text_width (GTK_WIDGET (self), text);

  pyprep_chart_draw_text (GTK_WIDGET (self), snapshot, text, mirror (self, x, width), y, 0, color);
}

static gboolean
cell_rect (PyprepHeatmap   *self,
           const Layout    *layout,
           guint            index,
           graphene_rect_t *rect)
{
  guint column = index / 7;
  guint row = index % 7;

  graphene_rect_init (rect,
                      mirror (self, layout->left + column * layout->step, layout->cell),
                      layout->top + row * layout->step,
                      layout->cell, layout->cell);
  return index < self->n_days;
}

static gboolean
index_at (PyprepHeatmap *self,
          double         x,
          double         y,
          guint         *index)
{
  Layout layout;
  int column, row;

  compute_layout (self, &layout);
  x = mirror (self, (float)x, 0);
  if (x < layout.left || y < layout.top)
    return FALSE;

  column = (int)((x - layout.left) / layout.step);
  row = (int)((y - layout.top) / layout.step);
  if (column >= PYPREP_STATS_GRID_WEEKS || row >= 7)
    return FALSE;
  if ((guint)(column * 7 + row) >= self->n_days)
    return FALSE;

  *index = (guint)(column * 7 + row);
  return TRUE;
}

/* Drawing --------------------------------------------------------------- */

/**
 * pyprep_heatmap_get_level:
 *
 * Returns: the shade of the day at @index: 0 for no activity, up to 4 for
 *   the busiest day shown
 */
guint
pyprep_heatmap_get_level (PyprepHeatmap *self,
                          guint          index)
{
  guint count;

  g_return_val_if_fail (PYPREP_IS_HEATMAP (self), 0);

  if (index >= self->n_days || self->scale == 0)
    return 0;

  count = MIN (self->counts[index], self->scale);
  if (count == 0)
    return 0;

  return MAX (1u, (count * (N_LEVELS - 1) + self->scale - 1) / self->scale);
}

static void
level_color (GtkWidget *widget,
             guint      level,
             gboolean   high_contrast,
             GdkRGBA   *color)
{
  /* Opacity of the accent colour for levels 1 to 4: far enough apart to
   * tell by eye on both light and dark cards. */
  static const float alphas[N_LEVELS] = { 0, 0.35f, 0.55f, 0.78f, 1.0f };

  if (level == 0)
    {
      pyprep_chart_get_foreground (widget, high_contrast ? 0.12 : 0.08, color);
      return;
    }

  pyprep_chart_lookup_color (widget, "pyprep_heatmap_color", "#3584e4", color);
  color->alpha *= alphas[level];
}

static void
draw_month_names (PyprepHeatmap *self,
                  GtkSnapshot   *snapshot,
                  const Layout  *layout,
                  const GdkRGBA *color)
{
  GtkWidget *widget = GTK_WIDGET (self);
  float free_from = 0;
  int last_month = -1;

  for (guint column = 0; column < PYPREP_STATS_GRID_WEEKS; column++)
    {
      GDate monday = self->start;
      char text[64];
      float x = layout->left + column * layout->step;

      g_date_add_days (&monday, column * 7);
      if ((int)g_date_get_month (&monday) == last_month)
        continue;
      last_month = g_date_get_month (&monday);

      /* A month that starts late in the first column is named by the
       * next one instead. */
      if (column == 0 && g_date_get_day (&monday) > 24)
        continue;
      if (x < free_from)
        continue;

      g_date_strftime (text, sizeof text, "%b", &monday);
      draw_label (self, snapshot, text, x, 0, color);
      free_from = x + pyprep_chart_text_width (widget, text) + 6;
    }
}

static void
draw_weekday_names (PyprepHeatmap *self,
                    GtkSnapshot   *snapshot,
                    const Layout  *layout,
                    const GdkRGBA *color)
{
  for (guint row = 0; row < 7; row += 2)
    {
      GDate day;
      char text[64];

      if (row == 6)
        break;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, (GDateDay)(7 + row), G_DATE_JANUARY, 2030);  /* a Monday */
      g_date_strftime (text, sizeof text, "%a", &day);
      draw_label (self, snapshot, text, layout->left - label_column_width (self),
                  layout->top + row * layout->step + (layout->cell - layout->line) / 2, color);
    }
}

static void
draw_legend (PyprepHeatmap *self,
             GtkSnapshot   *snapshot,
             const Layout  *layout,
             gboolean       high_contrast,
             const GdkRGBA *text_color,
             const GdkRGBA *outline)
{
  GtkWidget *widget = GTK_WIDGET (self);
  float right = layout->left + PYPREP_STATS_GRID_WEEKS * layout->step - (layout->step - layout->cell);
  float y = layout->top + 7 * layout->step + 8;
  float size = MIN (layout->cell, (float)layout->line);
  const char *more = C_("heatmap legend", "More");
  const char *less = C_("heatmap legend", "Less");
  float x;

  draw_label (self, snapshot, more, right - pyprep_chart_text_width (widget, more), y, text_color);
  x = right - pyprep_chart_text_width (widget, more) - 6 - N_LEVELS * (size + 3);

  for (guint level = 0; level < N_LEVELS; level++)
    {
      GdkRGBA color;

      level_color (widget, level, high_contrast, &color);
      pyprep_chart_fill (snapshot,
                         &GRAPHENE_RECT_INIT (mirror (self, x + level * (size + 3), size),
                                              y + (layout->line - size) / 2, size, size),
                         3, &color, outline);
    }

  draw_label (self, snapshot, less, x - 6 - pyprep_chart_text_width (widget, less), y, text_color);
}

static void
pyprep_heatmap_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  PyprepHeatmap *self = PYPREP_HEATMAP (widget);
  gboolean high_contrast = pyprep_chart_high_contrast ();
  GdkRGBA text_color, outline, focus;
  Layout layout;

  compute_layout (self, &layout);
  pyprep_chart_get_foreground (widget, high_contrast ? 1.0 : 0.7, &text_color);
  pyprep_chart_get_foreground (widget, 0.6, &outline);
  pyprep_chart_get_foreground (widget, 1.0, &focus);

  draw_month_names (self, snapshot, &layout, &text_color);
  draw_weekday_names (self, snapshot, &layout, &text_color);

  for (guint i = 0; i < self->n_days; i++)
    {
      graphene_rect_t rect;
      GdkRGBA color;
      guint level = pyprep_heatmap_get_level (self, i);

      cell_rect (self, &layout, i, &rect);
      level_color (widget, level, high_contrast, &color);
      pyprep_chart_fill (snapshot, &rect, 3, &color,
                         high_contrast && level > 0 ? &outline : NULL);
    }

  /* Today is ringed; with focus, so is the cursor. */
  if (self->n_days > 0)
    {
      graphene_rect_t rect;
      GdkRGBA today = text_color;

      cell_rect (self, &layout, self->n_days - 1, &rect);
      graphene_rect_inset (&rect, -2, -2);
      today.alpha = high_contrast ? 1.0f : 0.5f;
      pyprep_chart_fill (snapshot, &rect, 4, &(GdkRGBA) { 0, 0, 0, 0 }, &today);
    }

  if (gtk_widget_has_visible_focus (widget) && self->cursor < self->n_days)
    {
      graphene_rect_t rect;
      GdkRGBA accent;

      cell_rect (self, &layout, self->cursor, &rect);
      graphene_rect_inset (&rect, -3, -3);
      pyprep_chart_lookup_color (widget, "accent_color", "#1c71d8", &accent);
      pyprep_chart_fill (snapshot, &rect, 5, &(GdkRGBA) { 0, 0, 0, 0 }, high_contrast ? &focus : &accent);
      graphene_rect_inset (&rect, 1, 1);
      pyprep_chart_fill (snapshot, &rect, 4, &(GdkRGBA) { 0, 0, 0, 0 }, high_contrast ? &focus : &accent);
    }

  draw_legend (self, snapshot, &layout, high_contrast, &text_color, high_contrast ? &outline : NULL);
}

/* Text ------------------------------------------------------------------ */

static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                     g_date_get_day (date), 12, 0, 0);

  /* TRANSLATORS: a day in the activity calendar, see g_date_time_format() */
  return g_date_time_format (time, C_("heatmap day", "%A, %-d %B %Y"));
}

/**
 * pyprep_heatmap_describe_day:
 *
 * Returns: (transfer full) (nullable): what the day at @index shows, as
 *   text; %NULL past today
 */
char *
pyprep_heatmap_describe_day (PyprepHeatmap *self,
                             guint          index)
{
  g_autofree char *date = NULL;
  GDate day;
  guint count;

  g_return_val_if_fail (PYPREP_IS_HEATMAP (self), NULL);

  if (index >= self->n_days)
    return NULL;

  day = self->start;
  g_date_add_days (&day, index);
  date = format_date (&day);
  count = self->counts[index];

  if (count == 0)
    /* TRANSLATORS: %s is a date */
    return g_strdup_printf (_("%s: nothing studied"), date);

  /* TRANSLATORS: %s is a date, %u a number of questions */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u question studied",
                                       "%s: %u questions studied", count),
                          date, count);
}

static void
update_summary (PyprepHeatmap *self,
                PyprepStats   *stats)
{
  guint total = pyprep_stats_get_grid_total (stats);
  guint active = pyprep_stats_get_grid_active_days (stats);
  g_autofree char *studied = NULL;
  g_autofree char *days = NULL;
  g_autofree char *busiest_text = NULL;
  GDate busiest;
  guint max;

  g_clear_pointer (&self->summary, g_free);
  max = pyprep_stats_get_grid_max (stats, &busiest);

  if (total == 0)
    {
      self->summary = g_strdup (_("Nothing studied in the last 20 weeks."));
    }
  else
    {
      g_autofree char *date = format_date (&busiest);

      /* TRANSLATORS: the start of the activity summary */
      studied = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question studied",
                                              "%u questions studied", total), total);
      /* TRANSLATORS: the middle of the activity summary */
      days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "on %u day in the last 20 weeks",
                                           "on %u days in the last 20 weeks", active), active);
      /* TRANSLATORS: the end of the activity summary: a date, then a number */
      busiest_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "busiest day %s with %u",
                                                   "busiest day %s with %u", max), date, max);
      /* TRANSLATORS: the activity summary: three parts from above */
      self->summary = g_strdup_printf (_("%s %s; %s."), studied, days, busiest_text);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
}

/* Returns: the sentence that sums up the calendar */
const char *
pyprep_heatmap_get_summary (PyprepHeatmap *self)
{
  g_return_val_if_fail (PYPREP_IS_HEATMAP (self), NULL);
  return self->summary;
}

static gboolean
query_tooltip_cb (PyprepHeatmap *self,
                  int            x,
                  int            y,
                  gboolean       keyboard_mode,
                  GtkTooltip    *tooltip)
{
  g_autofree char *text = NULL;
  guint index;

  if (keyboard_mode)
    index = self->cursor;
  else if (!index_at (self, x, y, &index))
    return FALSE;

  if (index >= self->n_days)
    return FALSE;

  text = pyprep_heatmap_describe_day (self, index);
  gtk_tooltip_set_text (tooltip, text);

  if (!keyboard_mode)
    {
      Layout layout;
      graphene_rect_t rect;

      compute_layout (self, &layout);
      cell_rect (self, &layout, index, &rect);
      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int)rect.origin.x, (int)rect.origin.y,
                                                           (int)rect.size.width, (int)rect.size.height });
    }

  return TRUE;
}

/* Keyboard -------------------------------------------------------------- */

static void
update_accessible_label (PyprepHeatmap *self)
{
  g_autofree char *day = NULL;
  g_autofree char *label = NULL;

  if (self->cursor >= self->n_days)
    return;

  day = pyprep_heatmap_describe_day (self, self->cursor);
  /* TRANSLATORS: the calendar's name for screen readers; %s is the day the
   * cursor is on, e.g. "Tuesday, 17 November 2026: 5 questions studied" */
  label = g_strdup_printf (_("Activity calendar, %s"), day);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Moves the cursor to the day at @cursor (today when past it). */
void
pyprep_heatmap_set_cursor (PyprepHeatmap *self,
                           guint          cursor)
{
  g_return_if_fail (PYPREP_IS_HEATMAP (self));

  if (self->n_days == 0)
    return;

  cursor = MIN (cursor, self->n_days - 1);
  if (cursor == self->cursor)
    return;

  self->cursor = cursor;
  update_accessible_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR]);
}

static void
move_cursor (PyprepHeatmap *self,
             int            delta)
{
  int target = (int)self->cursor + delta;

  if (self->n_days > 0)
    pyprep_heatmap_set_cursor (self, (guint)CLAMP (target, 0, (int)self->n_days - 1));
}

static void
pressed_cb (PyprepHeatmap *self,
            int            n_press,
            double         x,
            double         y)
{
  guint index;

  if (index_at (self, x, y, &index))
    pyprep_heatmap_set_cursor (self, index);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static gboolean
key_pressed_cb (PyprepHeatmap   *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_cursor (self, gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? 7 : -7);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_cursor (self, gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? -7 : 7);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_cursor (self, -1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_cursor (self, 1);
      return TRUE;
    case GDK_KEY_Home:
      move_cursor (self, -(int)self->cursor);
      return TRUE;
    case GDK_KEY_End:
      move_cursor (self, (int)self->n_days);
      return TRUE;
    default:
      return FALSE;
    }
}

/* GObject --------------------------------------------------------------- */

static void
pyprep_heatmap_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PyprepHeatmap *self = PYPREP_HEATMAP (object);

  switch (prop_id)
    {
    case PROP_CURSOR:
      g_value_set_uint (value, self->cursor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_heatmap_finalize (GObject *object)
{
  PyprepHeatmap *self = (PyprepHeatmap *)object;

  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (pyprep_heatmap_parent_class)->finalize (object);
}

static void
pyprep_heatmap_class_init (PyprepHeatmapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pyprep_heatmap_finalize;
  object_class->get_property = pyprep_heatmap_get_property;

  /**
   * PyprepHeatmap:cursor:
   *
   * The index of the day the cursor is on, from the grid start.
   */
  properties[PROP_CURSOR] =
    g_param_spec_uint ("cursor", NULL, NULL, 0, PYPREP_STATS_GRID_DAYS - 1, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->measure = pyprep_heatmap_measure;
  widget_class->get_request_mode = pyprep_heatmap_get_request_mode;
  widget_class->snapshot = pyprep_heatmap_snapshot;

  gtk_widget_class_set_css_name (widget_class, "heatmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pyprep_heatmap_init (PyprepHeatmap *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  g_date_clear (&self->start, 1);
  self->summary = g_strdup ("");

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Activity calendar"),
                                  -1);
  pyprep_chart_follow_style (GTK_WIDGET (self));
}

GtkWidget *
pyprep_heatmap_new (void)
{
  return g_object_new (PYPREP_TYPE_HEATMAP, NULL);
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  guint x = *(const guint *)a;
  guint y = *(const guint *)b;

  return x < y ? -1 : x > y;
}

/* The 90th percentile of the days with activity; 0 when there are none. */
static guint
percentile_90 (const guint *counts,
               guint        n_days)
{
  g_autoptr(GArray) active = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n_days; i++)
    if (counts[i] > 0)
      g_array_append_val (active, counts[i]);

  if (active->len == 0)
    return 0;

  g_array_sort (active, compare_counts);
  return g_array_index (active, guint, (active->len - 1) * 9 / 10);
}

/* Shows the activity grid of @stats; the cursor goes to today. */
void
pyprep_heatmap_set_stats (PyprepHeatmap *self,
                          PyprepStats   *stats)
{
  g_return_if_fail (PYPREP_IS_HEATMAP (self));
  g_return_if_fail (stats != NULL);

  self->start = *pyprep_stats_get_grid_start (stats);
  self->n_days = pyprep_stats_get_grid_n_days (stats);
  for (guint i = 0; i < PYPREP_STATS_GRID_DAYS; i++)
    self->counts[i] = pyprep_stats_get_grid_count (stats, i);
  self->scale = percentile_90 (self->counts, self->n_days);
  self->cursor = self->n_days > 0 ? self->n_days - 1 : 0;

  update_summary (self, stats);
  update_accessible_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
pyprep_heatmap_get_cursor (PyprepHeatmap *self)
{
  g_return_val_if_fail (PYPREP_IS_HEATMAP (self), 0);
  return self->cursor;
}
