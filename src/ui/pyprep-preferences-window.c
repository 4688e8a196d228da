/* pyprep-preferences-window.c: the user's preferences, each widget bound
 * to a property of PyprepSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-preferences-window"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "pyprep-a11y.h"
#include "pyprep-interview-row.h"
#include "pyprep-preferences-window.h"
#include "pyprep-settings.h"

struct _PyprepPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *scheme_row;
  GtkSpinButton        *scale_spin;
  GtkSwitch            *read_switch;
  GtkSpinButton        *timeout_spin;
  GtkSpinButton        *new_per_day_spin;
  GtkSpinButton        *reviews_per_day_spin;
  GtkSpinButton        *retention_spin;
  GtkSwitch            *reopen_switch;
  PyprepInterviewRow   *interview_row;
  GtkSpinButton        *daily_minutes_spin;

  PyprepSettings       *settings;
};

G_DEFINE_FINAL_TYPE (PyprepPreferencesWindow, pyprep_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The combo's rows, in order. */
static const AdwColorScheme schemes[] = {
  ADW_COLOR_SCHEME_DEFAULT,
  ADW_COLOR_SCHEME_FORCE_LIGHT,
  ADW_COLOR_SCHEME_FORCE_DARK,
};

static gboolean
scheme_to_row (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  AdwColorScheme scheme = g_value_get_enum (from);

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (scheme == schemes[i])
      {
        g_value_set_uint (to, i);
        return TRUE;
      }

  return FALSE;
}

static gboolean
row_to_scheme (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  guint row = g_value_get_uint (from);

  if (row >= G_N_ELEMENTS (schemes))
    return FALSE;

  g_value_set_enum (to, schemes[row]);
  return TRUE;
}

static gboolean
scale_to_percent (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_double (to, g_value_get_double (from) * 100.0);
  return TRUE;
}

static gboolean
percent_to_scale (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_double (to, CLAMP (g_value_get_double (from) / 100.0, 0.7, 2.0));
  return TRUE;
}

/* Desired retention, 0.70 .. 0.97, shown in whole percent. */
static gboolean
retention_to_percent (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  g_value_set_double (to, round (g_value_get_double (from) * 100.0));
  return TRUE;
}

static gboolean
percent_to_retention (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  g_value_set_double (to, CLAMP (round (g_value_get_double (from)) / 100.0, 0.70, 0.97));
  return TRUE;
}

static gboolean
count_to_value (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_set_double (to, g_value_get_uint (from));
  return TRUE;
}

/* A spin button holds a double; the count is whole. */
static gboolean
value_to_count (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_set_uint (to, (guint)MAX (g_value_get_double (from) + 0.5, 0.0));
  return TRUE;
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
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesWindow, reviews_per_day_spin);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesWindow, retention_spin);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesWindow, interview_row);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesWindow, daily_minutes_spin);
}

static void
pyprep_preferences_window_init (PyprepPreferencesWindow *self)
{
  g_type_ensure (PYPREP_TYPE_INTERVIEW_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));

  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
    adw_combo_row_set_factory (self->scheme_row, factory);
  }
  pyprep_a11y_name_internal_widgets (GTK_WIDGET (self));
}

static void
bind_count (PyprepSettings *settings,
            const char     *property,
            GtkSpinButton  *spin)
{
  g_object_bind_property_full (settings, property, gtk_spin_button_get_adjustment (spin), "value",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               count_to_value, value_to_count, NULL, NULL);
}

GtkWidget *
pyprep_preferences_window_new (GtkWindow      *parent,
                               PyprepSettings *settings)
{
  PyprepPreferencesWindow *self;

  g_return_val_if_fail (PYPREP_IS_SETTINGS (settings), NULL);

  self = g_object_new (PYPREP_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);

  g_object_bind_property_full (settings, "color-scheme", self->scheme_row, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               scheme_to_row, row_to_scheme, NULL, NULL);
  g_object_bind_property_full (settings, "text-scale", gtk_spin_button_get_adjustment (self->scale_spin), "value",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               scale_to_percent, percent_to_scale, NULL, NULL);
  g_object_bind_property (settings, "mark-read-on-open", self->read_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  bind_count (settings, "run-timeout", self->timeout_spin);
  bind_count (settings, "new-per-day", self->new_per_day_spin);
  bind_count (settings, "max-reviews-per-day", self->reviews_per_day_spin);
  g_object_bind_property_full (settings, "desired-retention",
                               gtk_spin_button_get_adjustment (self->retention_spin), "value",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               retention_to_percent, percent_to_retention, NULL, NULL);
  g_object_bind_property (settings, "reopen-last-question", self->reopen_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  pyprep_interview_row_set_settings (self->interview_row, settings);
  bind_count (settings, "daily-minutes", self->daily_minutes_spin);

  return GTK_WIDGET (self);
}
