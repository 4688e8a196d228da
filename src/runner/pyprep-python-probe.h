/* pyprep-python-probe.h: which python3 runs snippets, its version, and
 * whether bubblewrap works here; found out once per process. Private to
 * the runner.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  gboolean    done;
  GError     *error;            /* why no python3 can run, or NULL */
  char       *version;
  char       *executable;       /* the real interpreter, not a shim */
  char       *prefix;
  char       *base_prefix;
  gboolean    flatpak;
  gboolean    flatpak_network;  /* the sandbox was given the network */
  char       *bwrap;            /* path when bubblewrap works, else NULL */
  char       *sandbox_note;     /* why bubblewrap is not used, or NULL */
} PyprepPythonProbe;

const PyprepPythonProbe *pyprep_python_probe_get (void);

G_END_DECLS
