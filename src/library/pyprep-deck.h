/* pyprep-deck.h: parses one deck file (a topic and its questions).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pyprep-types.h"

G_BEGIN_DECLS

#define PYPREP_DECK_ERROR (pyprep_deck_error_quark ())

typedef enum {
  PYPREP_DECK_ERROR_EMPTY,
  PYPREP_DECK_ERROR_ENCODING,
  PYPREP_DECK_ERROR_FRONT_MATTER,
  PYPREP_DECK_ERROR_METADATA,
  PYPREP_DECK_ERROR_DUPLICATE_ID,
  PYPREP_DECK_ERROR_FENCE,
  PYPREP_DECK_ERROR_TOO_LARGE,
  PYPREP_DECK_ERROR_EXERCISE,
} PyprepDeckError;

/* The largest deck a user may add: the built-in ones are under 200 KiB. */
#define PYPREP_DECK_MAX_BYTES (4 * 1024 * 1024)

GQuark       pyprep_deck_error_quark (void);
PyprepTopic *pyprep_deck_parse       (const char  *source,
                                      const char  *text,
                                      gsize        length,
                                      GHashTable  *taken_ids,
                                      GPtrArray   *problems,
                                      GError     **error);

G_END_DECLS
