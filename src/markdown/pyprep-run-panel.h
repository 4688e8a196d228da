/* pyprep-run-panel.h: what running a code block printed, and how it ended.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pyprep-runner.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_RUN_PANEL (pyprep_run_panel_get_type ())

G_DECLARE_FINAL_TYPE (PyprepRunPanel, pyprep_run_panel, PYPREP, RUN_PANEL, GtkWidget)

GtkWidget *pyprep_run_panel_new          (void);
void       pyprep_run_panel_show_running (PyprepRunPanel        *self);
void       pyprep_run_panel_show_result  (PyprepRunPanel        *self,
                                          const PyprepRunResult *result,
                                          guint                  timeout_msec,
                                          const char            *stated_output,
                                          gboolean               stated_output_varies);
void       pyprep_run_panel_show_message (PyprepRunPanel        *self,
                                          const char            *status,
                                          const char            *detail,
                                          gboolean               is_error);

G_END_DECLS
