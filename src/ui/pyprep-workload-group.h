/* pyprep-workload-group.h: the workload forecast from the review log, in the Statistics page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-log-stats.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_WORKLOAD_GROUP (pyprep_workload_group_get_type ())

G_DECLARE_FINAL_TYPE (PyprepWorkloadGroup, pyprep_workload_group, PYPREP, WORKLOAD_GROUP, AdwPreferencesGroup)

void pyprep_workload_group_show_reading    (PyprepWorkloadGroup *self);
void pyprep_workload_group_show_unreadable (PyprepWorkloadGroup *self);
void pyprep_workload_group_set_stats       (PyprepWorkloadGroup *self,
                                         const PyprepLogStats *stats,
                                         GDateTime            *now);

G_END_DECLS
