/* pyprep-alert.h: a message with responses, on every libadwaita.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *pyprep_alert_new                  (const char            *heading,
                                              const char            *body);
void       pyprep_alert_add_response         (GtkWidget             *alert,
                                              const char            *id,
                                              const char            *label,
                                              AdwResponseAppearance  appearance);
void       pyprep_alert_set_default_response (GtkWidget             *alert,
                                              const char            *id);
void       pyprep_alert_set_close_response   (GtkWidget             *alert,
                                              const char            *id);
void       pyprep_alert_set_extra_child      (GtkWidget             *alert,
                                              GtkWidget             *child);
void       pyprep_alert_present              (GtkWidget             *alert,
                                              GtkWidget             *parent);
void       pyprep_alert_respond              (GtkWidget             *alert,
                                              const char            *id);
GtkWidget *pyprep_alert_get_for_child        (GtkWidget             *child);
GtkWidget *pyprep_alert_get_shown            (GtkWidget             *parent);

G_END_DECLS
