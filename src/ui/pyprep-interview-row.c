/* pyprep-interview-row.c: the interview date as a row: the day and the
 * days left as its subtitle, and a calendar in a popover to choose or
 * clear it. Preferences and the Practice window show the same row, bound
 * to the "interview-date" setting.
 *
 * A stored value that is not a date is said so in the subtitle and kept
 * until the user chooses a day or clears it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-interview-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-interview-row.h"
#include "pyprep-plan.h"

struct _PyprepInterviewRow
{
  AdwActionRow    parent_instance;

  GtkMenuButton  *choose_button;
  GtkPopover     *popover;
  GtkCalendar    *calendar;
  GtkWidget      *set_button;
  GtkWidget      *clear_button;

  PyprepSettings *settings;
};

G_DEFINE_FINAL_TYPE (PyprepInterviewRow, pyprep_interview_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * pyprep_interview_describe_date:
 * @stored: the "interview-date" setting
 * @now: today
 *
 * Returns: (transfer full): what the row says of @stored
 */
char *
pyprep_interview_describe_date (const char *stored,
                                GDateTime  *now)
{
  g_autoptr(GDateTime) day_time = NULL;
  g_autofree char *day = NULL;
  GDate date;
  int days;

  g_return_val_if_fail (now != NULL, NULL);

  if (stored == NULL || *stored == '\0')
    return g_strdup (_("None: practice keeps answers for the long term"));
  if (!pyprep_plan_parse_date (stored, &date))
    /* TRANSLATORS: %s is the stored value that is not a date */
    return g_strdup_printf (_("The stored date “%s” cannot be read and is ignored; choose a day to "
                              "replace it"), stored);

  day_time = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                    g_date_get_day (&date), 12, 0, 0);
  /* TRANSLATORS: a date, see the strftime manual; e.g. "Monday 14 December 2026" */
  day = g_date_time_format (day_time, _("%A %-d %B %Y"));
  days = pyprep_plan_days_until (&date, now);
  if (days > 0)
    /* TRANSLATORS: %s is a date, %d the number of days until it */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, in %d day", "%s, in %d days", days),
                            day, days);
  if (days == 0)
    /* TRANSLATORS: %s is today's date */
    return g_strdup_printf (_("%s, today"), day);
  /* TRANSLATORS: %s is a date in the past */
  return g_strdup_printf (_("%s, passed: practice is as usual again"), day);
}

/**
 * pyprep_interview_make_plan:
 *
 * Returns: (transfer full) (nullable): the plan toward the interview date
 *   set, or %NULL without a date, with one that cannot be read, or once
 *   it is past
 */
PyprepPlan *
pyprep_interview_make_plan (PyprepLibrary  *library,
                            PyprepStudy    *study,
                            PyprepSettings *settings,
                            GDateTime      *now)
{
  GDate day;

  g_return_val_if_fail (PYPREP_IS_SETTINGS (settings), NULL);

  if (!pyprep_plan_parse_date (pyprep_settings_get_interview_date (settings), &day))
    return NULL;
  return pyprep_plan_new (library, study, &day, pyprep_settings_get_daily_minutes (settings),
                          pyprep_plan_study_seconds (study, now), now);
}

static void
update (PyprepInterviewRow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *text = NULL;
  const char *stored = self->settings != NULL ? pyprep_settings_get_interview_date (self->settings) : "";

  text = pyprep_interview_describe_date (stored, now);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->choose_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* The calendar opens on the date set, or on today. */
static void
popover_show_cb (PyprepInterviewRow *self)
{
  g_autoptr(GDateTime) shown = NULL;
  GDate date;

  if (self->settings != NULL && pyprep_plan_parse_date (pyprep_settings_get_interview_date (self->settings), &date))
    shown = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                                   12, 0, 0);
  else
    shown = g_date_time_new_now_local ();

  gtk_calendar_select_day (self->calendar, shown);
}

/* A day before today cannot be the interview. */
static void
day_selected_cb (PyprepInterviewRow *self)
{
  g_autoptr(GDateTime) chosen = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay)g_date_time_get_day_of_month (chosen),
                  (GDateMonth)g_date_time_get_month (chosen), (GDateYear)g_date_time_get_year (chosen));
  gtk_widget_set_sensitive (self->set_button, pyprep_plan_days_until (&date, now) >= 0);
  gtk_widget_set_tooltip_text (self->set_button, pyprep_plan_days_until (&date, now) >= 0
                               ? NULL : _("The day is past: choose today or a later day"));
}

static void
set_clicked_cb (PyprepInterviewRow *self)
{
  g_autoptr(GDateTime) chosen = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (chosen, "%Y-%m-%d");

  if (self->settings != NULL)
    pyprep_settings_set_interview_date (self->settings, text);
  gtk_popover_popdown (self->popover);
}

static void
clear_clicked_cb (PyprepInterviewRow *self)
{
  if (self->settings != NULL)
    pyprep_settings_set_interview_date (self->settings, "");
  gtk_popover_popdown (self->popover);
}

static void
pyprep_interview_row_dispose (GObject *object)
{
  PyprepInterviewRow *self = (PyprepInterviewRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_INTERVIEW_ROW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pyprep_interview_row_parent_class)->dispose (object);
}

static void
pyprep_interview_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PyprepInterviewRow *self = PYPREP_INTERVIEW_ROW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_interview_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PyprepInterviewRow *self = PYPREP_INTERVIEW_ROW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      pyprep_interview_row_set_settings (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_interview_row_class_init (PyprepInterviewRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_interview_row_dispose;
  object_class->get_property = pyprep_interview_row_get_property;
  object_class->set_property = pyprep_interview_row_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, "The settings whose interview date the row shows",
                         PYPREP_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/pyprep-interview-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepInterviewRow, choose_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepInterviewRow, popover);
  gtk_widget_class_bind_template_child (widget_class, PyprepInterviewRow, calendar);
  gtk_widget_class_bind_template_child (widget_class, PyprepInterviewRow, set_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepInterviewRow, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, set_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
}

static void
pyprep_interview_row_init (PyprepInterviewRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

/* Returns: (transfer none) (nullable) */
PyprepSettings *
pyprep_interview_row_get_settings (PyprepInterviewRow *self)
{
  g_return_val_if_fail (PYPREP_IS_INTERVIEW_ROW (self), NULL);

  return self->settings;
}

void
pyprep_interview_row_set_settings (PyprepInterviewRow *self,
                                   PyprepSettings     *settings)
{
  g_return_if_fail (PYPREP_IS_INTERVIEW_ROW (self));
  g_return_if_fail (settings == NULL || PYPREP_IS_SETTINGS (settings));

  if (self->settings == settings)
    return;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    g_signal_connect_object (settings, "notify::interview-date", G_CALLBACK (update), self,
                             G_CONNECT_SWAPPED);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTINGS]);
}
