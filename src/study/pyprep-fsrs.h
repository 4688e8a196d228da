/* pyprep-fsrs.h: the FSRS-6 memory model, pure arithmetic.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PYPREP_FSRS_N_PARAMS 21

/* The smallest stability the model keeps, in days. */
#define PYPREP_FSRS_STABILITY_MIN 0.001
#define PYPREP_FSRS_STABILITY_MAX 36500.0

/* w[0..20]; w[20] is the decay of the forgetting curve. */
typedef struct
{
  double w[PYPREP_FSRS_N_PARAMS];
} PyprepFsrsParams;

/* Stability in days (recall falls to 90% after that long), difficulty
 * 1 (easy) .. 10 (hard). */
typedef struct
{
  double stability;
  double difficulty;
} PyprepFsrsMemory;

const PyprepFsrsParams *pyprep_fsrs_default_params   (void);
gboolean  pyprep_fsrs_params_valid        (const PyprepFsrsParams *p);
void      pyprep_fsrs_params_clamp        (PyprepFsrsParams       *p);
void      pyprep_fsrs_params_bounds       (guint                   index,
                                           double                 *lower,
                                           double                 *upper);

double    pyprep_fsrs_retrievability      (const PyprepFsrsParams *p,
                                           double                  elapsed_days,
                                           double                  stability);
void      pyprep_fsrs_init_memory         (const PyprepFsrsParams *p,
                                           int                     grade,
                                           PyprepFsrsMemory       *out);
void      pyprep_fsrs_next_memory         (const PyprepFsrsParams *p,
                                           const PyprepFsrsMemory *m,
                                           double                  elapsed_days,
                                           int                     grade,
                                           PyprepFsrsMemory       *out);
double    pyprep_fsrs_interval_days       (const PyprepFsrsParams *p,
                                           double                  stability,
                                           double                  desired_retention);
gboolean  pyprep_fsrs_memory_valid        (const PyprepFsrsMemory *m);

gboolean  pyprep_fsrs_params_from_variant (GVariant               *value,
                                           PyprepFsrsParams       *out,
                                           char                  **problem);
GVariant *pyprep_fsrs_params_to_variant   (const PyprepFsrsParams *p);

G_END_DECLS
