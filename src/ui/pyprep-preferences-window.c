/* pyprep-preferences-window.c: the user's preferences, bound to GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-a11y.h"
#include "pyprep-preferences-window.h"

struct _PyprepPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *scheme_row;
  GtkSpinButton        *scale_spin;
  GtkSwitch            *read_switch;
  GtkSpinButton        *timeout_spin;
  GtkSpinButton        *new_per_day_spin;
  GtkSwitch            *reopen_switch;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (PyprepPreferencesWindow, pyprep_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The combo's rows, in order, as stored in the "color-scheme" key. */
static const char * const schemes[] = { "default", "light", "dark" };

static gboolean
scheme_to_row (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (g_str_equal (scheme, schemes[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
row_to_scheme (const GValue       *value,
               const GVariantType *type,
               gpointer            user_data)
{
  guint row = g_value_get_uint (value);

  return g_variant_new_string (schemes[MIN (row, G_N_ELEMENTS (schemes) - 1)]);
}

static gboolean
scale_to_percent (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100.0);
  return TRUE;
}

static GVariant *
percent_to_scale (const GValue       *value,
                  const GVariantType *type,
                  gpointer            user_data)
{
  return g_variant_new_double (g_value_get_double (value) / 100.0);
}

/* The style choices as plain labels, each named for screen readers: GTK
 * reads a list item's name from the item widget, which the combo row's
 * own factory leaves unnamed. Still so in GTK 4.18, where the sidebar's
 * rows need the same (see name_row() in pyprep-window.c). */
static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_list_item_set_child (item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));
  GtkWidget *holder = gtk_widget_get_parent (label);

  gtk_label_set_text (GTK_LABEL (label), text);
  if (holder != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (holder), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
pyprep_preferences_window_dispose (GObject *object)
{
  PyprepPreferencesWindow *self = (PyprepPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pyprep_preferences_window_parent_class)->dispose (object);
}

static void
pyprep_preferences_window_class_init (PyprepPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/pyprep-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesWindow, scheme_row);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesWindow, scale_spin);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesWindow, read_switch);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesWindow, reopen_switch);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesWindow, timeout_spin);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesWindow, new_per_day_spin);
}

static gboolean
count_to_value (GValue   *value,
                GVariant *variant,
                gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant));
  return TRUE;
}

static GVariant *
value_to_count (const GValue       *value,
                const GVariantType *expected_type,
                gpointer            user_data)
{
  return g_variant_new_uint32 ((guint32)CLAMP (g_value_get_double (value) + 0.5, 0, 999));
}

static void
pyprep_preferences_window_init (PyprepPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
    adw_combo_row_set_factory (self->scheme_row, factory);
  }
  pyprep_a11y_name_internal_widgets (GTK_WIDGET (self));
}

GtkWidget *
pyprep_preferences_window_new (GtkWindow *parent,
                               GSettings *settings)
{
  PyprepPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (PYPREP_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);

  g_settings_bind_with_mapping (settings, "color-scheme", self->scheme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, scheme_to_row, row_to_scheme, NULL, NULL);
  g_settings_bind_with_mapping (settings, "text-scale", gtk_spin_button_get_adjustment (self->scale_spin),
                                "value", G_SETTINGS_BIND_DEFAULT,
                                scale_to_percent, percent_to_scale, NULL, NULL);
  g_settings_bind (settings, "mark-read-on-open", self->read_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "run-timeout", gtk_spin_button_get_adjustment (self->timeout_spin),
                   "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "new-per-day", gtk_spin_button_get_adjustment (self->new_per_day_spin),
                                "value", G_SETTINGS_BIND_DEFAULT, count_to_value, value_to_count, NULL, NULL);
  g_settings_bind (settings, "reopen-last-question", self->reopen_switch, "active", G_SETTINGS_BIND_DEFAULT);

  return GTK_WIDGET (self);
}
