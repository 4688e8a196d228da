/* pyprep-run-consent.h: asks before code runs without a sandbox.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*PyprepRunConsentFunc) (gboolean granted,
                                      gpointer user_data);

void     pyprep_run_consent_request      (GtkWidget            *parent,
                                          gboolean              builtin,
                                          PyprepRunConsentFunc  func,
                                          gpointer              user_data,
                                          GDestroyNotify        destroy);
void     pyprep_run_consent_bind         (GObject              *settings,
                                          const char           *property);

G_END_DECLS
