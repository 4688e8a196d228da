/* pyprep-exercise-check.h: checks the exercises of the user's own decks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-library.h"

G_BEGIN_DECLS

typedef void (*PyprepExerciseCheckFunc) (PyprepLibrary *library,
                                         gpointer       user_data);

void pyprep_exercise_check_user_decks (PyprepLibrary           *library,
                                       GCancellable            *cancellable,
                                       PyprepExerciseCheckFunc  found,
                                       PyprepExerciseCheckFunc  done,
                                       gpointer                 user_data);

G_END_DECLS
