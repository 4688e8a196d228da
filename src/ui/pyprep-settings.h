/* pyprep-settings.h: the user's preferences and the window's saved state,
 * as properties that widgets bind to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PYPREP_TYPE_SETTINGS (pyprep_settings_get_type ())

G_DECLARE_FINAL_TYPE (PyprepSettings, pyprep_settings, PYPREP, SETTINGS, GObject)

PyprepSettings *pyprep_settings_new_for_gsettings        (GSettings      *gsettings);

AdwColorScheme  pyprep_settings_get_color_scheme         (PyprepSettings *self);
void            pyprep_settings_set_color_scheme         (PyprepSettings *self,
                                                          AdwColorScheme  color_scheme);
double          pyprep_settings_get_text_scale           (PyprepSettings *self);
void            pyprep_settings_set_text_scale           (PyprepSettings *self,
                                                          double          text_scale);
gboolean        pyprep_settings_get_mark_read_on_open    (PyprepSettings *self);
void            pyprep_settings_set_mark_read_on_open    (PyprepSettings *self,
                                                          gboolean        mark_read_on_open);
guint           pyprep_settings_get_run_timeout          (PyprepSettings *self);
void            pyprep_settings_set_run_timeout          (PyprepSettings *self,
                                                          guint           seconds);
gboolean        pyprep_settings_get_wrap_code            (PyprepSettings *self);
void            pyprep_settings_set_wrap_code            (PyprepSettings *self,
                                                          gboolean        wrap_code);
guint           pyprep_settings_get_new_per_day          (PyprepSettings *self);
void            pyprep_settings_set_new_per_day          (PyprepSettings *self,
                                                          guint           new_per_day);
guint           pyprep_settings_get_max_reviews_per_day  (PyprepSettings *self);
void            pyprep_settings_set_max_reviews_per_day  (PyprepSettings *self,
                                                          guint           max_reviews_per_day);
double          pyprep_settings_get_desired_retention    (PyprepSettings *self);
void            pyprep_settings_set_desired_retention    (PyprepSettings *self,
                                                          double          desired_retention);
const char     *pyprep_settings_get_interview_date       (PyprepSettings *self);
void            pyprep_settings_set_interview_date       (PyprepSettings *self,
                                                          const char     *date);
guint           pyprep_settings_get_daily_minutes        (PyprepSettings *self);
void            pyprep_settings_set_daily_minutes        (PyprepSettings *self,
                                                          guint           minutes);
GVariant       *pyprep_settings_get_fsrs_parameters      (PyprepSettings *self);
void            pyprep_settings_set_fsrs_parameters      (PyprepSettings *self,
                                                          GVariant       *value);
gboolean        pyprep_settings_get_reopen_last_question (PyprepSettings *self);
void            pyprep_settings_set_reopen_last_question (PyprepSettings *self,
                                                          gboolean        reopen);
guint           pyprep_settings_get_mock_questions       (PyprepSettings *self);
void            pyprep_settings_set_mock_questions       (PyprepSettings *self,
                                                          guint           mock_questions);
guint           pyprep_settings_get_mock_seconds         (PyprepSettings *self);
void            pyprep_settings_set_mock_seconds         (PyprepSettings *self,
                                                          guint           mock_seconds);
const char     *pyprep_settings_get_last_question        (PyprepSettings *self);
void            pyprep_settings_set_last_question        (PyprepSettings *self,
                                                          const char     *id);
int             pyprep_settings_get_window_width         (PyprepSettings *self);
int             pyprep_settings_get_window_height        (PyprepSettings *self);
gboolean        pyprep_settings_get_window_maximized     (PyprepSettings *self);
void            pyprep_settings_save_geometry            (PyprepSettings *self,
                                                          int             width,
                                                          int             height,
                                                          gboolean        maximized);

G_END_DECLS
