/* pyprep-preferences-window.h: the Preferences window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-review-log.h"
#include "pyprep-settings.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_PREFERENCES_WINDOW (pyprep_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (PyprepPreferencesWindow, pyprep_preferences_window, PYPREP, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *pyprep_preferences_window_new (GtkWindow      *parent,
                                          PyprepSettings *settings);
void       pyprep_preferences_window_set_review_log (PyprepPreferencesWindow *self,
                                                     PyprepReviewLog         *log);

G_END_DECLS
