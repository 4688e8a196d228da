/* fuzz-import.c: libFuzzer harness for importing a progress file. Any
 * input must be applied or refused with an error, never crash, leak or
 * read out of bounds. Seeded with the documented export
 * (tests/fuzz/seeds/export.json, from data/study-format.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "pyprep-study.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);
  g_autoptr(GError) error = NULL;

  pyprep_study_import_json (study, (const char *)data, size, PYPREP_IMPORT_MERGE, &error);
  return 0;
}
