/* pyprep-mastery-group.h: mastery per topic, in the Statistics page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-stats.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_MASTERY_GROUP (pyprep_mastery_group_get_type ())

G_DECLARE_FINAL_TYPE (PyprepMasteryGroup, pyprep_mastery_group, PYPREP, MASTERY_GROUP, AdwPreferencesGroup)

void pyprep_mastery_group_set_stats (PyprepMasteryGroup *self,
                                     PyprepStats        *stats);

G_END_DECLS
