/* pyprep-retention-group.h: true retention from the review log, in the Statistics page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-log-stats.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_RETENTION_GROUP (pyprep_retention_group_get_type ())

G_DECLARE_FINAL_TYPE (PyprepRetentionGroup, pyprep_retention_group, PYPREP, RETENTION_GROUP, AdwPreferencesGroup)

void pyprep_retention_group_show_reading    (PyprepRetentionGroup *self);
void pyprep_retention_group_show_unreadable (PyprepRetentionGroup *self);
void pyprep_retention_group_set_stats       (PyprepRetentionGroup *self,
                                          const PyprepLogStats *stats,
                                          GDateTime            *now);

G_END_DECLS
