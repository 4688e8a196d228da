/* fuzz-deck.c: libFuzzer harness for the deck parser. Any input must be
 * loaded or reported as a problem, never crash, leak or read out of
 * bounds. Seeded with the bank's decks (build-aux/dev.sh fuzz).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "pyprep-library.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
quiet_log (const char     *domain,
           GLogLevelFlags  level,
           const char     *message,
           gpointer        user_data)
{
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A broken deck is reported with a warning; thousands a second would
   * only slow the fuzzer down. */
  g_log_set_handler ("pyprep-library", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE, quiet_log, NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(PyprepLibrary) library = pyprep_library_new ();
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  pyprep_library_load_bytes (library, "fuzz.md", bytes);
  return 0;
}
