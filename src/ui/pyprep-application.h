/* pyprep-application.h: the PyPrep application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-settings.h"
#include "pyprep-study.h"
#include "pyprep-types.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_APPLICATION (pyprep_application_get_type ())

G_DECLARE_FINAL_TYPE (PyprepApplication, pyprep_application, PYPREP, APPLICATION, AdwApplication)

PyprepApplication *pyprep_application_new          (void);
PyprepLibrary     *pyprep_application_get_library  (PyprepApplication *self);
PyprepStudy       *pyprep_application_get_study    (PyprepApplication *self);
PyprepSettings    *pyprep_application_get_settings (PyprepApplication *self);

G_END_DECLS
