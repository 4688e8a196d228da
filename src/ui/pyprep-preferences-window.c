/* pyprep-preferences-window.c: the user's preferences, each widget bound
 * to a property of PyprepSettings; and Optimize, which fits the
 * scheduler's parameters to the user's review log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-preferences-window"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "pyprep-a11y.h"
#include "pyprep-fsrs-optimizer.h"
#include "pyprep-interview-row.h"
#include "pyprep-preferences-window.h"
#include "pyprep-review-history.h"
#include "pyprep-settings.h"

typedef enum {
  OPTIMIZE_LOADING,   /* the log is being read */
  OPTIMIZE_NO_LOG,    /* there is none to read */
  OPTIMIZE_READY,     /* read; Optimize if there is enough */
  OPTIMIZE_RUNNING,
} OptimizeState;

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
  GtkSwitch            *wrap_switch;
  AdwActionRow         *optimize_row;
  GtkWidget            *optimize_progress_row;
  GtkProgressBar       *optimize_progress;
  GtkButton            *optimize_button;
  AdwActionRow         *parameters_row;
  GtkButton            *reset_button;
  PyprepInterviewRow   *interview_row;
  GtkSpinButton        *daily_minutes_spin;

  PyprepSettings       *settings;
  PyprepReviewLog      *review_log;
  PyprepFsrsHistory    *history;
  GCancellable         *cancellable;
  OptimizeState         optimize_state;
  char                 *optimize_outcome;  /* the last run's, or NULL */
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

/* Optimize ------------------------------------------------------------ */

/* The parameters the scheduler uses now, which a fit starts from and is
 * compared with. */
static void
current_params (PyprepPreferencesWindow *self,
                PyprepFsrsParams        *params,
                gboolean                *fitted)
{
  GVariant *stored = pyprep_settings_get_fsrs_parameters (self->settings);
  gboolean usable = pyprep_fsrs_params_from_variant (stored, params, NULL);

  if (!usable)
    *params = *pyprep_fsrs_default_params ();
  *fitted = usable && stored != NULL && g_variant_n_children (stored) > 0;
}

static void
update_parameters_row (PyprepPreferencesWindow *self)
{
  GVariant *stored = pyprep_settings_get_fsrs_parameters (self->settings);
  gboolean stored_any = stored != NULL && g_variant_n_children (stored) > 0;
  PyprepFsrsParams params;
  gboolean fitted;

  current_params (self, &params, &fitted);
  if (fitted)
    adw_action_row_set_subtitle (self->parameters_row,
                                 _("Fitted to your reviews"));
  else if (stored_any)
    adw_action_row_set_subtitle (self->parameters_row,
                                 _("The stored parameters cannot be used, so the defaults schedule; "
                                   "Optimize again or reset them"));
  else
    adw_action_row_set_subtitle (self->parameters_row,
                                 _("The defaults, fitted to many people’s reviews"));
  gtk_widget_set_visible (GTK_WIDGET (self->reset_button), stored_any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.reset-parameters",
                                 stored_any && self->optimize_state != OPTIMIZE_RUNNING);
}

static void
update_optimize_row (PyprepPreferencesWindow *self)
{
  GtkWidget *button = GTK_WIDGET (self->optimize_button);
  g_autofree char *subtitle = NULL;
  gboolean enabled = FALSE;
  guint have = 0;

  if (self->history != NULL)
    have = pyprep_fsrs_history_n_evaluated (self->history);

  switch (self->optimize_state)
    {
    case OPTIMIZE_LOADING:
      subtitle = g_strdup (_("Counting your reviews…"));
      break;

    case OPTIMIZE_NO_LOG:
      subtitle = g_strdup (_("Your review log cannot be read, so there is nothing to fit the scheduler to"));
      break;

    case OPTIMIZE_READY:
      enabled = pyprep_fsrs_history_can_optimize (self->history);
      if (self->optimize_outcome != NULL)
        subtitle = g_strdup (self->optimize_outcome);
      else if (enabled)
        subtitle = g_strdup_printf (ngettext ("Available: fits the scheduler to how you forget, from your %u review",
                                              "Available: fits the scheduler to how you forget, from your %u reviews",
                                              have),
                                    have);
      else
        /* Translators: the first %u is the number needed, the second
         * the number the user has. */
        subtitle = g_strdup_printf (_("Needs %u reviews; you have %u. A question’s first grade, "
                                      "and grades given the same day as the one before, do not count."),
                                    PYPREP_FSRS_OPTIMIZER_MIN_REVIEWS, have);
      break;

    case OPTIMIZE_RUNNING:
      enabled = TRUE;
      subtitle = g_strdup_printf (ngettext ("Fitting the scheduler to your %u review…",
                                            "Fitting the scheduler to your %u reviews…", have),
                                  have);
      break;

    default:
      g_assert_not_reached ();
    }

  adw_action_row_set_subtitle (self->optimize_row, subtitle);
  gtk_widget_set_visible (self->optimize_progress_row, self->optimize_state == OPTIMIZE_RUNNING);
  if (self->optimize_state == OPTIMIZE_RUNNING)
    {
      gtk_button_set_label (self->optimize_button, _("Cancel"));
      gtk_widget_remove_css_class (button, "suggested-action");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Cancel optimizing"), -1);
    }
  else
    {
      gtk_button_set_label (self->optimize_button, _("Optimize"));
      if (enabled && self->optimize_outcome == NULL)
        gtk_widget_add_css_class (button, "suggested-action");
      else
        gtk_widget_remove_css_class (button, "suggested-action");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Optimize the scheduler parameters"), -1);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.optimize", enabled);
  update_parameters_row (self);
}

static void
history_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PyprepPreferencesWindow) self = user_data;
  g_autoptr(PyprepFsrsHistory) history = NULL;
  g_autoptr(GError) error = NULL;

  history = pyprep_review_history_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->settings == NULL)
    return;  /* a newer log, or the window is gone */
  if (history == NULL)
    {
      g_warning ("The review log could not be read for Optimize: %s", error->message);
      self->optimize_state = OPTIMIZE_NO_LOG;
    }
  else
    {
      g_clear_pointer (&self->history, pyprep_fsrs_history_free);
      self->history = g_steal_pointer (&history);
      self->optimize_state = OPTIMIZE_READY;
    }
  update_optimize_row (self);
}

static void
optimize_progress_cb (double   fraction,
                      gpointer user_data)
{
  PyprepPreferencesWindow *self = user_data;

  if (self->optimize_progress != NULL)
    gtk_progress_bar_set_fraction (self->optimize_progress, fraction);
}

static char *
describe_fit (const PyprepFsrsFit *fit,
              gboolean             kept)
{
  /* Translators: log loss and RMSE before → after, e.g. "Log loss 0.412 → 0.389,
   * RMSE (bins) 7.1% → 4.9%." */
  g_autofree char *figures = g_strdup_printf (_("Log loss %.3f → %.3f, RMSE (bins) %.1f%% → %.1f%%."),
                                              fit->before.log_loss, fit->after.log_loss,
                                              fit->before.rmse_bins * 100.0, fit->after.rmse_bins * 100.0);

  return g_strdup_printf ("%s %s", figures,
                          kept ? _("Kept: they predict your reviews better.")
                               : _("Not kept: your current parameters predict better."));
}

static void
optimize_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PyprepPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  PyprepFsrsFit fit;

  g_clear_object (&self->cancellable);
  if (self->optimize_state != OPTIMIZE_RUNNING || self->settings == NULL)
    return;  /* the window is gone */
  self->optimize_state = OPTIMIZE_READY;
  g_clear_pointer (&self->optimize_outcome, g_free);

  if (!pyprep_fsrs_optimize_finish (result, &fit, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        self->optimize_outcome = g_strdup (_("Stopped; your parameters are as they were"));
      else
        self->optimize_outcome = g_strdup_printf (_("Could not optimize: %s. Your parameters are as they were."),
                                                  error->message);
    }
  else
    {
      gboolean kept = pyprep_fsrs_fit_is_better (&fit);

      if (kept)
        pyprep_settings_set_fsrs_parameters (self->settings, pyprep_fsrs_params_to_variant (&fit.params));
      self->optimize_outcome = describe_fit (&fit, kept);
    }
  update_optimize_row (self);
}

static void
optimize_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PyprepPreferencesWindow *self = PYPREP_PREFERENCES_WINDOW (widget);
  PyprepFsrsParams start;
  gboolean fitted;

  if (self->optimize_state == OPTIMIZE_RUNNING)
    {
      g_cancellable_cancel (self->cancellable);
      return;
    }
  if (self->history == NULL || !pyprep_fsrs_history_can_optimize (self->history))
    return;

  current_params (self, &start, &fitted);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->optimize_state = OPTIMIZE_RUNNING;
  g_clear_pointer (&self->optimize_outcome, g_free);
  gtk_progress_bar_set_fraction (self->optimize_progress, 0.0);
  pyprep_fsrs_optimize_async (self->history, &start, self->cancellable, optimize_progress_cb, self,
                              optimize_done_cb, g_object_ref (self));
  update_optimize_row (self);
}

static void
reset_parameters_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PyprepPreferencesWindow *self = PYPREP_PREFERENCES_WINDOW (widget);

  pyprep_settings_set_fsrs_parameters (self->settings, NULL);
  g_clear_pointer (&self->optimize_outcome, g_free);
  update_optimize_row (self);
}

/**
 * pyprep_preferences_window_set_review_log:
 * @log: (nullable): the log Optimize fits to; %NULL if there is none
 *
 * Reads @log off the main thread, to say whether it holds enough reviews
 * to optimize.
 */
void
pyprep_preferences_window_set_review_log (PyprepPreferencesWindow *self,
                                          PyprepReviewLog         *log)
{
  g_return_if_fail (PYPREP_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (log == NULL || PYPREP_IS_REVIEW_LOG (log));
  g_return_if_fail (self->optimize_state != OPTIMIZE_RUNNING);

  g_set_object (&self->review_log, log);
  g_clear_pointer (&self->history, pyprep_fsrs_history_free);
  g_clear_pointer (&self->optimize_outcome, g_free);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (log == NULL)
    self->optimize_state = OPTIMIZE_NO_LOG;
  else
    {
      self->optimize_state = OPTIMIZE_LOADING;
      self->cancellable = g_cancellable_new ();
      pyprep_review_history_load_async (log, self->cancellable, history_loaded_cb, g_object_ref (self));
    }
  update_optimize_row (self);
}

static void
pyprep_preferences_window_dispose (GObject *object)
{
  PyprepPreferencesWindow *self = (PyprepPreferencesWindow *)object;

  /* A fit still running is stopped; its result, when it comes, is dropped. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  self->optimize_state = OPTIMIZE_NO_LOG;
  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->review_log);

  G_OBJECT_CLASS (pyprep_preferences_window_parent_class)->dispose (object);
}

static void
pyprep_preferences_window_finalize (GObject *object)
{
  PyprepPreferencesWindow *self = (PyprepPreferencesWindow *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->history, pyprep_fsrs_history_free);
  g_clear_pointer (&self->optimize_outcome, g_free);

  G_OBJECT_CLASS (pyprep_preferences_window_parent_class)->finalize (object);
}

static void
pyprep_preferences_window_class_init (PyprepPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_preferences_window_dispose;
  object_class->finalize = pyprep_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/pyprep-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesWindow, scheme_row);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesWindow, scale_spin);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesWindow, read_switch);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesWindow, reopen_switch);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesWindow, wrap_switch);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesWindow, timeout_spin);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesWindow, new_per_day_spin);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesWindow, reviews_per_day_spin);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesWindow, retention_spin);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesWindow, optimize_row);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesWindow, optimize_progress_row);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesWindow, optimize_progress);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesWindow, optimize_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesWindow, parameters_row);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesWindow, reset_button);

  gtk_widget_class_install_action (widget_class, "prefs.optimize", NULL, optimize_action);
  gtk_widget_class_install_action (widget_class, "prefs.reset-parameters", NULL, reset_parameters_action);
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
  g_object_bind_property (settings, "wrap-code", self->wrap_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (settings, "notify::fsrs-parameters",
                           G_CALLBACK (update_parameters_row), self, G_CONNECT_SWAPPED);
  self->optimize_state = OPTIMIZE_NO_LOG;
  update_optimize_row (self);
  pyprep_interview_row_set_settings (self->interview_row, settings);
  bind_count (settings, "daily-minutes", self->daily_minutes_spin);

  return GTK_WIDGET (self);
}
