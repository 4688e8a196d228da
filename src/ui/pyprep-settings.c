/* pyprep-settings.c: the GSettings keys that the user interface reads and
 * writes, as properties of one object. Each property is bound to its key
 * with g_settings_bind(), so that setting a property writes the key and a
 * changed key (from Preferences, dconf or another window) notifies the
 * property. Widgets bind to the properties and never see GSettings; the
 * application makes one of these and hands it out.
 *
 * The study's keys (bookmarks, progress, notes, activity) are not here:
 * PyprepStudy owns them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-settings"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-settings.h"

struct _PyprepSettings
{
  GObject         parent_instance;

  GSettings      *gsettings;

  AdwColorScheme  color_scheme;
  double          text_scale;
  gboolean        mark_read_on_open;
  gboolean        run_unsandboxed_builtin;
  guint           run_timeout;
  gboolean        wrap_code;
  guint           new_per_day;
  guint           max_reviews_per_day;
  double          desired_retention;
  GVariant       *fsrs_parameters;
  char           *interview_date;
  guint           daily_minutes;
  gboolean        reopen_last_question;
  guint           mock_questions;
  guint           mock_seconds;
  int             window_width;
  int             window_height;
  gboolean        window_maximized;
  char           *last_question;
};

G_DEFINE_FINAL_TYPE (PyprepSettings, pyprep_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_GSETTINGS,
  PROP_COLOR_SCHEME,
  PROP_TEXT_SCALE,
  PROP_MARK_READ_ON_OPEN,
  PROP_RUN_UNSANDBOXED_BUILTIN,
  PROP_RUN_TIMEOUT,
  PROP_WRAP_CODE,
  PROP_NEW_PER_DAY,
  PROP_MAX_REVIEWS_PER_DAY,
  PROP_DESIRED_RETENTION,
  PROP_FSRS_PARAMETERS,
  PROP_INTERVIEW_DATE,
  PROP_DAILY_MINUTES,
  PROP_REOPEN_LAST_QUESTION,
  PROP_MOCK_QUESTIONS,
  PROP_MOCK_SECONDS,
  PROP_WINDOW_WIDTH,
  PROP_WINDOW_HEIGHT,
  PROP_WINDOW_MAXIMIZED,
  PROP_LAST_QUESTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The keys with the same type as their property, bound as they are. */
static const struct {
  const char *key;
  guint       prop_id;
} plain_keys[] = {
  { "text-scale", PROP_TEXT_SCALE },
  { "mark-read-on-open", PROP_MARK_READ_ON_OPEN },
  { "run-unsandboxed-builtin", PROP_RUN_UNSANDBOXED_BUILTIN },
  { "run-timeout", PROP_RUN_TIMEOUT },
  { "wrap-code", PROP_WRAP_CODE },
  { "new-per-day", PROP_NEW_PER_DAY },
  { "max-reviews-per-day", PROP_MAX_REVIEWS_PER_DAY },
  { "desired-retention", PROP_DESIRED_RETENTION },
  { "interview-date", PROP_INTERVIEW_DATE },
  { "daily-minutes", PROP_DAILY_MINUTES },
  { "reopen-last-question", PROP_REOPEN_LAST_QUESTION },
  { "mock-questions", PROP_MOCK_QUESTIONS },
  { "mock-seconds", PROP_MOCK_SECONDS },
  { "window-width", PROP_WINDOW_WIDTH },
  { "window-height", PROP_WINDOW_HEIGHT },
  { "window-maximized", PROP_WINDOW_MAXIMIZED },
  { "last-question", PROP_LAST_QUESTION },
};

/* The "color-scheme" key holds "default", "light" or "dark"; the
 * property is what AdwStyleManager takes. */
static gboolean
scheme_from_key (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  if (g_str_equal (scheme, "light"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_str_equal (scheme, "dark"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (value, ADW_COLOR_SCHEME_DEFAULT);

  return TRUE;
}

static GVariant *
scheme_to_key (const GValue       *value,
               const GVariantType *expected_type,
               gpointer            user_data)
{
  switch (g_value_get_enum (value))
    {
    case ADW_COLOR_SCHEME_FORCE_LIGHT:
      return g_variant_new_string ("light");
    case ADW_COLOR_SCHEME_FORCE_DARK:
      return g_variant_new_string ("dark");
    default:
      return g_variant_new_string ("default");
    }
}

static void
set_boolean (PyprepSettings *self,
             gboolean       *field,
             gboolean        value,
             guint           prop_id)
{
  value = !!value;
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_uint (PyprepSettings *self,
          guint          *field,
          guint           value,
          guint           prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_int (PyprepSettings *self,
         int            *field,
         int             value,
         guint           prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* "fsrs-parameters" is read as it is stored: whether it can be used is
 * for the study to say (pyprep_fsrs_params_from_variant()). */
static void
fsrs_parameters_changed_cb (PyprepSettings *self)
{
  g_autoptr(GVariant) value = g_settings_get_value (self->gsettings, "fsrs-parameters");

  if (self->fsrs_parameters != NULL && g_variant_equal (self->fsrs_parameters, value))
    return;

  g_clear_pointer (&self->fsrs_parameters, g_variant_unref);
  self->fsrs_parameters = g_steal_pointer (&value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FSRS_PARAMETERS]);
}

static void
pyprep_settings_constructed (GObject *object)
{
  PyprepSettings *self = (PyprepSettings *)object;

  G_OBJECT_CLASS (pyprep_settings_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->gsettings));

  g_settings_bind_with_mapping (self->gsettings, "color-scheme", self, "color-scheme", G_SETTINGS_BIND_DEFAULT,
                                scheme_from_key, scheme_to_key, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (plain_keys); i++)
    g_settings_bind (self->gsettings, plain_keys[i].key,
                     self, g_param_spec_get_name (properties[plain_keys[i].prop_id]), G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->gsettings, "changed::fsrs-parameters",
                           G_CALLBACK (fsrs_parameters_changed_cb), self, G_CONNECT_SWAPPED);
  fsrs_parameters_changed_cb (self);
}

static void
pyprep_settings_dispose (GObject *object)
{
  PyprepSettings *self = (PyprepSettings *)object;

  if (self->gsettings != NULL)
    {
      g_settings_unbind (self, "color-scheme");
      for (guint i = 0; i < G_N_ELEMENTS (plain_keys); i++)
        g_settings_unbind (self, g_param_spec_get_name (properties[plain_keys[i].prop_id]));
    }
  g_clear_object (&self->gsettings);

  G_OBJECT_CLASS (pyprep_settings_parent_class)->dispose (object);
}

static void
pyprep_settings_finalize (GObject *object)
{
  PyprepSettings *self = (PyprepSettings *)object;

  g_free (self->last_question);
  g_free (self->interview_date);
  g_clear_pointer (&self->fsrs_parameters, g_variant_unref);

  G_OBJECT_CLASS (pyprep_settings_parent_class)->finalize (object);
}

static void
pyprep_settings_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PyprepSettings *self = PYPREP_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_COLOR_SCHEME:
      g_value_set_enum (value, self->color_scheme);
      break;
    case PROP_TEXT_SCALE:
      g_value_set_double (value, self->text_scale);
      break;
    case PROP_MARK_READ_ON_OPEN:
      g_value_set_boolean (value, self->mark_read_on_open);
      break;
    case PROP_RUN_UNSANDBOXED_BUILTIN:
      g_value_set_boolean (value, self->run_unsandboxed_builtin);
      break;
    case PROP_RUN_TIMEOUT:
      g_value_set_uint (value, self->run_timeout);
      break;
    case PROP_WRAP_CODE:
      g_value_set_boolean (value, self->wrap_code);
      break;
    case PROP_NEW_PER_DAY:
      g_value_set_uint (value, self->new_per_day);
      break;
    case PROP_MAX_REVIEWS_PER_DAY:
      g_value_set_uint (value, self->max_reviews_per_day);
      break;
    case PROP_DESIRED_RETENTION:
      g_value_set_double (value, self->desired_retention);
      break;
    case PROP_FSRS_PARAMETERS:
      g_value_set_variant (value, self->fsrs_parameters);
      break;
    case PROP_INTERVIEW_DATE:
      g_value_set_string (value, self->interview_date);
      break;
    case PROP_DAILY_MINUTES:
      g_value_set_uint (value, self->daily_minutes);
      break;
    case PROP_REOPEN_LAST_QUESTION:
      g_value_set_boolean (value, self->reopen_last_question);
      break;
    case PROP_MOCK_QUESTIONS:
      g_value_set_uint (value, self->mock_questions);
      break;
    case PROP_MOCK_SECONDS:
      g_value_set_uint (value, self->mock_seconds);
      break;
    case PROP_WINDOW_WIDTH:
      g_value_set_int (value, self->window_width);
      break;
    case PROP_WINDOW_HEIGHT:
      g_value_set_int (value, self->window_height);
      break;
    case PROP_WINDOW_MAXIMIZED:
      g_value_set_boolean (value, self->window_maximized);
      break;
    case PROP_LAST_QUESTION:
      g_value_set_string (value, self->last_question);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_settings_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PyprepSettings *self = PYPREP_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_GSETTINGS:
      self->gsettings = g_value_dup_object (value);
      break;
    case PROP_COLOR_SCHEME:
      pyprep_settings_set_color_scheme (self, g_value_get_enum (value));
      break;
    case PROP_TEXT_SCALE:
      pyprep_settings_set_text_scale (self, g_value_get_double (value));
      break;
    case PROP_MARK_READ_ON_OPEN:
      set_boolean (self, &self->mark_read_on_open, g_value_get_boolean (value), prop_id);
      break;
    case PROP_RUN_UNSANDBOXED_BUILTIN:
      set_boolean (self, &self->run_unsandboxed_builtin, g_value_get_boolean (value), prop_id);
      break;
    case PROP_RUN_TIMEOUT:
      set_uint (self, &self->run_timeout, g_value_get_uint (value), prop_id);
      break;
    case PROP_WRAP_CODE:
      set_boolean (self, &self->wrap_code, g_value_get_boolean (value), prop_id);
      break;
    case PROP_NEW_PER_DAY:
      set_uint (self, &self->new_per_day, g_value_get_uint (value), prop_id);
      break;
    case PROP_MAX_REVIEWS_PER_DAY:
      set_uint (self, &self->max_reviews_per_day, g_value_get_uint (value), prop_id);
      break;
    case PROP_DESIRED_RETENTION:
      pyprep_settings_set_desired_retention (self, g_value_get_double (value));
      break;
    case PROP_INTERVIEW_DATE:
      pyprep_settings_set_interview_date (self, g_value_get_string (value));
      break;
    case PROP_DAILY_MINUTES:
      set_uint (self, &self->daily_minutes, g_value_get_uint (value), prop_id);
      break;
    case PROP_REOPEN_LAST_QUESTION:
      set_boolean (self, &self->reopen_last_question, g_value_get_boolean (value), prop_id);
      break;
    case PROP_MOCK_QUESTIONS:
      set_uint (self, &self->mock_questions, g_value_get_uint (value), prop_id);
      break;
    case PROP_MOCK_SECONDS:
      set_uint (self, &self->mock_seconds, g_value_get_uint (value), prop_id);
      break;
    case PROP_WINDOW_WIDTH:
      set_int (self, &self->window_width, g_value_get_int (value), prop_id);
      break;
    case PROP_WINDOW_HEIGHT:
      set_int (self, &self->window_height, g_value_get_int (value), prop_id);
      break;
    case PROP_WINDOW_MAXIMIZED:
      set_boolean (self, &self->window_maximized, g_value_get_boolean (value), prop_id);
      break;
    case PROP_LAST_QUESTION:
      pyprep_settings_set_last_question (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_settings_class_init (PyprepSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = pyprep_settings_constructed;
  object_class->dispose = pyprep_settings_dispose;
  object_class->finalize = pyprep_settings_finalize;
  object_class->get_property = pyprep_settings_get_property;
  object_class->set_property = pyprep_settings_set_property;

  /* The ranges and defaults are the schema's. */
  properties[PROP_GSETTINGS] =
    g_param_spec_object ("gsettings", NULL, "The settings the properties are bound to", G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR_SCHEME] =
    g_param_spec_enum ("color-scheme", NULL, "Follow the system, or always light or dark",
                       ADW_TYPE_COLOR_SCHEME, ADW_COLOR_SCHEME_DEFAULT, flags);
  properties[PROP_TEXT_SCALE] =
    g_param_spec_double ("text-scale", NULL, "The size of the answer text", 0.7, 2.0, 1.0, flags);
  properties[PROP_MARK_READ_ON_OPEN] =
    g_param_spec_boolean ("mark-read-on-open", NULL, "Whether opening a new question marks it read", TRUE,
                          flags);
  properties[PROP_RUN_UNSANDBOXED_BUILTIN] =
    g_param_spec_boolean ("run-unsandboxed-builtin", NULL,
                          "Whether the bank's snippets run without asking when there is no sandbox", FALSE,
                          flags);
  properties[PROP_RUN_TIMEOUT] =
    g_param_spec_uint ("run-timeout", NULL, "Seconds a snippet may run", 1, 60, 5, flags);
  properties[PROP_WRAP_CODE] =
    g_param_spec_boolean ("wrap-code", NULL, "Whether long lines of code wrap instead of scrolling sideways",
                          FALSE, flags);
  properties[PROP_NEW_PER_DAY] =
    g_param_spec_uint ("new-per-day", NULL, "New questions a day in practice", 0, 999, 20, flags);
  properties[PROP_MAX_REVIEWS_PER_DAY] =
    g_param_spec_uint ("max-reviews-per-day", NULL, "Reviews a day in practice; 0 for no limit", 0, 9999, 200,
                       flags);
  properties[PROP_DESIRED_RETENTION] =
    g_param_spec_double ("desired-retention", NULL, "The chance of recall reviews are scheduled for",
                         0.7, 0.97, 0.9, flags);
  properties[PROP_FSRS_PARAMETERS] =
    g_param_spec_variant ("fsrs-parameters", NULL, "The stored FSRS-6 parameters; empty for the defaults",
                          G_VARIANT_TYPE ("ad"), NULL,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Kept as stored: a value that is not a date is the plan's to report. */
  properties[PROP_INTERVIEW_DATE] =
    g_param_spec_string ("interview-date", NULL, "The interview's day, YYYY-MM-DD; empty for none",
                         "", flags);
  properties[PROP_DAILY_MINUTES] =
    g_param_spec_uint ("daily-minutes", NULL, "Minutes a day given to practice", 5, 600, 30, flags);
  properties[PROP_REOPEN_LAST_QUESTION] =
    g_param_spec_boolean ("reopen-last-question", NULL, "Whether a window opens on the question read last",
                          TRUE, flags);
  properties[PROP_MOCK_QUESTIONS] =
    g_param_spec_uint ("mock-questions", NULL, "Questions in a mock interview", 1, 100, 10, flags);
  properties[PROP_MOCK_SECONDS] =
    g_param_spec_uint ("mock-seconds", NULL, "Seconds per mock interview question", 1, 3600, 180, flags);
  properties[PROP_WINDOW_WIDTH] =
    g_param_spec_int ("window-width", NULL, "The main window's width", 360, 32768, 1000, flags);
  properties[PROP_WINDOW_HEIGHT] =
    g_param_spec_int ("window-height", NULL, "The main window's height", 294, 32768, 700, flags);
  properties[PROP_WINDOW_MAXIMIZED] =
    g_param_spec_boolean ("window-maximized", NULL, "Whether the main window was maximized", FALSE, flags);
  properties[PROP_LAST_QUESTION] =
    g_param_spec_string ("last-question", NULL, "The id of the question opened last", "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pyprep_settings_init (PyprepSettings *self)
{
  self->color_scheme = ADW_COLOR_SCHEME_DEFAULT;
  self->text_scale = 1.0;
  self->mark_read_on_open = TRUE;
  self->run_timeout = 5;
  self->new_per_day = 20;
  self->max_reviews_per_day = 200;
  self->desired_retention = 0.9;
  self->reopen_last_question = TRUE;
  self->mock_questions = 10;
  self->mock_seconds = 180;
  self->window_width = 1000;
  self->window_height = 700;
  self->last_question = g_strdup ("");
  self->interview_date = g_strdup ("");
  self->daily_minutes = 30;
}

/**
 * pyprep_settings_new_for_gsettings:
 * @gsettings: the app's settings (see pyprep_study_settings_new() in study/)
 *
 * Returns: (transfer full): properties bound to the keys of @gsettings
 */
PyprepSettings *
pyprep_settings_new_for_gsettings (GSettings *gsettings)
{
  g_return_val_if_fail (G_IS_SETTINGS (gsettings), NULL);

  return g_object_new (PYPREP_TYPE_SETTINGS, "gsettings", gsettings, NULL);
}

AdwColorScheme
pyprep_settings_get_color_scheme (PyprepSettings *self)
{
  g_return_val_if_fail (PYPREP_IS_SETTINGS (self), ADW_COLOR_SCHEME_DEFAULT);

  return self->color_scheme;
}

void
pyprep_settings_set_color_scheme (PyprepSettings *self,
                                  AdwColorScheme  color_scheme)
{
  g_return_if_fail (PYPREP_IS_SETTINGS (self));

  if (self->color_scheme == color_scheme)
    return;

  self->color_scheme = color_scheme;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR_SCHEME]);
}

double
pyprep_settings_get_text_scale (PyprepSettings *self)
{
  g_return_val_if_fail (PYPREP_IS_SETTINGS (self), 1.0);

  return self->text_scale;
}

void
pyprep_settings_set_text_scale (PyprepSettings *self,
                                double          text_scale)
{
  GParamSpecDouble *range = G_PARAM_SPEC_DOUBLE (properties[PROP_TEXT_SCALE]);

  g_return_if_fail (PYPREP_IS_SETTINGS (self));

  text_scale = CLAMP (text_scale, range->minimum, range->maximum);
  if (self->text_scale == text_scale)
    return;

  self->text_scale = text_scale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SCALE]);
}

gboolean
pyprep_settings_get_mark_read_on_open (PyprepSettings *self)
{
  g_return_val_if_fail (PYPREP_IS_SETTINGS (self), TRUE);

  return self->mark_read_on_open;
}

void
pyprep_settings_set_mark_read_on_open (PyprepSettings *self,
                                       gboolean        mark_read_on_open)
{
  g_return_if_fail (PYPREP_IS_SETTINGS (self));

  set_boolean (self, &self->mark_read_on_open, mark_read_on_open, PROP_MARK_READ_ON_OPEN);
}

/* Returns: how many seconds a snippet may run */
guint
pyprep_settings_get_run_timeout (PyprepSettings *self)
{
  g_return_val_if_fail (PYPREP_IS_SETTINGS (self), 5);

  return self->run_timeout;
}

void
pyprep_settings_set_run_timeout (PyprepSettings *self,
                                 guint           seconds)
{
  g_return_if_fail (PYPREP_IS_SETTINGS (self));
  g_return_if_fail (seconds >= 1 && seconds <= 60);

  set_uint (self, &self->run_timeout, seconds, PROP_RUN_TIMEOUT);
}

gboolean
pyprep_settings_get_wrap_code (PyprepSettings *self)
{
  g_return_val_if_fail (PYPREP_IS_SETTINGS (self), FALSE);

  return self->wrap_code;
}

void
pyprep_settings_set_wrap_code (PyprepSettings *self,
                               gboolean        wrap_code)
{
  g_return_if_fail (PYPREP_IS_SETTINGS (self));

  set_boolean (self, &self->wrap_code, wrap_code, PROP_WRAP_CODE);
}

guint
pyprep_settings_get_new_per_day (PyprepSettings *self)
{
  g_return_val_if_fail (PYPREP_IS_SETTINGS (self), 20);

  return self->new_per_day;
}

void
pyprep_settings_set_new_per_day (PyprepSettings *self,
                                 guint           new_per_day)
{
  g_return_if_fail (PYPREP_IS_SETTINGS (self));
  g_return_if_fail (new_per_day <= 999);

  set_uint (self, &self->new_per_day, new_per_day, PROP_NEW_PER_DAY);
}

/* Returns: how many reviews a day practice brings; 0 for no limit */
guint
pyprep_settings_get_max_reviews_per_day (PyprepSettings *self)
{
  g_return_val_if_fail (PYPREP_IS_SETTINGS (self), 200);

  return self->max_reviews_per_day;
}

void
pyprep_settings_set_max_reviews_per_day (PyprepSettings *self,
                                         guint           max_reviews_per_day)
{
  g_return_if_fail (PYPREP_IS_SETTINGS (self));
  g_return_if_fail (max_reviews_per_day <= 9999);

  set_uint (self, &self->max_reviews_per_day, max_reviews_per_day, PROP_MAX_REVIEWS_PER_DAY);
}

double
pyprep_settings_get_desired_retention (PyprepSettings *self)
{
  g_return_val_if_fail (PYPREP_IS_SETTINGS (self), 0.9);

  return self->desired_retention;
}

/* Clamped to 0.70 .. 0.97. */
void
pyprep_settings_set_desired_retention (PyprepSettings *self,
                                       double          desired_retention)
{
  GParamSpecDouble *range = G_PARAM_SPEC_DOUBLE (properties[PROP_DESIRED_RETENTION]);

  g_return_if_fail (PYPREP_IS_SETTINGS (self));

  desired_retention = CLAMP (desired_retention, range->minimum, range->maximum);
  if (self->desired_retention == desired_retention)
    return;

  self->desired_retention = desired_retention;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESIRED_RETENTION]);
}

/* Returns: (transfer none): the stored "fsrs-parameters", "ad" */
GVariant *
pyprep_settings_get_fsrs_parameters (PyprepSettings *self)
{
  g_return_val_if_fail (PYPREP_IS_SETTINGS (self), NULL);

  return self->fsrs_parameters;
}

/**
 * pyprep_settings_set_fsrs_parameters:
 * @value: (nullable): the parameters as pyprep_fsrs_params_to_variant()
 *   gives them ("ad"); %NULL or empty for the defaults
 *
 * Stores the scheduler's parameters, as the optimizer fitted them, or
 * back to the defaults.
 */
void
pyprep_settings_set_fsrs_parameters (PyprepSettings *self,
                                     GVariant       *value)
{
  g_autoptr(GVariant) stored = NULL;

  g_return_if_fail (PYPREP_IS_SETTINGS (self));
  g_return_if_fail (value == NULL || g_variant_is_of_type (value, G_VARIANT_TYPE ("ad")));

  stored = g_variant_ref_sink (value != NULL ? value : g_variant_new_array (G_VARIANT_TYPE_DOUBLE, NULL, 0));
  if (self->fsrs_parameters != NULL && g_variant_equal (self->fsrs_parameters, stored))
    return;

  /* Known at once, whenever the backend reports the change. */
  g_clear_pointer (&self->fsrs_parameters, g_variant_unref);
  self->fsrs_parameters = g_variant_ref (stored);
  g_settings_set_value (self->gsettings, "fsrs-parameters", stored);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FSRS_PARAMETERS]);
}

gboolean
pyprep_settings_get_reopen_last_question (PyprepSettings *self)
{
  g_return_val_if_fail (PYPREP_IS_SETTINGS (self), TRUE);

  return self->reopen_last_question;
}

void
pyprep_settings_set_reopen_last_question (PyprepSettings *self,
                                          gboolean        reopen)
{
  g_return_if_fail (PYPREP_IS_SETTINGS (self));

  set_boolean (self, &self->reopen_last_question, reopen, PROP_REOPEN_LAST_QUESTION);
}

guint
pyprep_settings_get_mock_questions (PyprepSettings *self)
{
  g_return_val_if_fail (PYPREP_IS_SETTINGS (self), 10);

  return self->mock_questions;
}

void
pyprep_settings_set_mock_questions (PyprepSettings *self,
                                    guint           mock_questions)
{
  g_return_if_fail (PYPREP_IS_SETTINGS (self));
  g_return_if_fail (mock_questions >= 1 && mock_questions <= 100);

  set_uint (self, &self->mock_questions, mock_questions, PROP_MOCK_QUESTIONS);
}

guint
pyprep_settings_get_mock_seconds (PyprepSettings *self)
{
  g_return_val_if_fail (PYPREP_IS_SETTINGS (self), 180);

  return self->mock_seconds;
}

void
pyprep_settings_set_mock_seconds (PyprepSettings *self,
                                  guint           mock_seconds)
{
  g_return_if_fail (PYPREP_IS_SETTINGS (self));
  g_return_if_fail (mock_seconds >= 1 && mock_seconds <= 3600);

  set_uint (self, &self->mock_seconds, mock_seconds, PROP_MOCK_SECONDS);
}

/* Returns: the id of the question opened last, or "" */
const char *
pyprep_settings_get_last_question (PyprepSettings *self)
{
  g_return_val_if_fail (PYPREP_IS_SETTINGS (self), "");

  return self->last_question;
}

void
pyprep_settings_set_last_question (PyprepSettings *self,
                                   const char     *id)
{
  g_return_if_fail (PYPREP_IS_SETTINGS (self));

  if (id == NULL)
    id = "";
  if (g_str_equal (self->last_question, id))
    return;

  g_free (self->last_question);
  self->last_question = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_QUESTION]);
}

int
pyprep_settings_get_window_width (PyprepSettings *self)
{
  g_return_val_if_fail (PYPREP_IS_SETTINGS (self), 1000);

  return self->window_width;
}

int
pyprep_settings_get_window_height (PyprepSettings *self)
{
  g_return_val_if_fail (PYPREP_IS_SETTINGS (self), 700);

  return self->window_height;
}

gboolean
pyprep_settings_get_window_maximized (PyprepSettings *self)
{
  g_return_val_if_fail (PYPREP_IS_SETTINGS (self), FALSE);

  return self->window_maximized;
}

/**
 * pyprep_settings_save_geometry:
 * @width: the window's default (unmaximized) width
 * @height: the window's default height
 * @maximized: whether the window is maximized
 *
 * Stores the window's geometry as one change, as a window does when it
 * closes. A maximized window keeps the size stored before, so that it
 * comes back at that size when unmaximized after the next start.
 *
 * The three keys go through a GSettings of their own in delay-apply
 * mode: the shared one must not be left in that mode, since a delayed
 * GSettings never leaves it and would hold back every later write.
 */
void
pyprep_settings_save_geometry (PyprepSettings *self,
                               int             width,
                               int             height,
                               gboolean        maximized)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsBackend) backend = NULL;
  g_autoptr(GSettings) batch = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (PYPREP_IS_SETTINGS (self));

  g_object_get (self->gsettings, "settings-schema", &schema, "backend", &backend, "path", &path, NULL);
  batch = g_settings_new_full (schema, backend, path);

  g_settings_delay (batch);
  g_settings_set_boolean (batch, "window-maximized", maximized);
  if (!maximized)
    {
      g_settings_set_int (batch, "window-width", CLAMP (width, 360, 32768));
      g_settings_set_int (batch, "window-height", CLAMP (height, 294, 32768));
    }
  g_settings_apply (batch);
}

/* The interview's day as stored, "YYYY-MM-DD", or "" for none; it may be
 * a value that cannot be read (pyprep_plan_parse_date()). */
const char *
pyprep_settings_get_interview_date (PyprepSettings *self)
{
  g_return_val_if_fail (PYPREP_IS_SETTINGS (self), "");

  return self->interview_date;
}

void
pyprep_settings_set_interview_date (PyprepSettings *self,
                                    const char     *date)
{
  g_return_if_fail (PYPREP_IS_SETTINGS (self));

  if (date == NULL)
    date = "";
  if (g_str_equal (self->interview_date, date))
    return;

  g_free (self->interview_date);
  self->interview_date = g_strdup (date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVIEW_DATE]);
}

guint
pyprep_settings_get_daily_minutes (PyprepSettings *self)
{
  g_return_val_if_fail (PYPREP_IS_SETTINGS (self), 30);

  return self->daily_minutes;
}

void
pyprep_settings_set_daily_minutes (PyprepSettings *self,
                                   guint           minutes)
{
  g_return_if_fail (PYPREP_IS_SETTINGS (self));
  g_return_if_fail (minutes >= 5 && minutes <= 600);

  set_uint (self, &self->daily_minutes, minutes, PROP_DAILY_MINUTES);
}
