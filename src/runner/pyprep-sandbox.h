/* pyprep-sandbox.h: the process a snippet runs in: its command line
 * (bubblewrap or not), its environment, its limits, and cleaning up after
 * it. Private to the runner.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Limits the child applies to itself before python3 starts. */
/* What a run may use; the panel names the one a snippet ran into. */
#define PYPREP_SANDBOX_MEMORY_LIMIT    ((guint64)1024 * 1024 * 1024)   /* address space, per process */
#define PYPREP_SANDBOX_FILE_SIZE_LIMIT ((guint64)16 * 1024 * 1024)     /* per file */
#define PYPREP_SANDBOX_TMP_SIZE        ((guint64)64 * 1024 * 1024)     /* the sandbox's /tmp, in all */
#define PYPREP_SANDBOX_TOTAL_MEMORY    ((guint64)512 * 1024 * 1024)    /* resident, all processes together */

typedef struct
{
  guint64 cpu_seconds;
  guint64 processes;
  gboolean own_network;  /* no bubblewrap: a network namespace of its own, where allowed */
} PyprepSandboxLimits;

guint64              pyprep_sandbox_process_limit (void);
void                 pyprep_sandbox_add_bwrap_argv (GPtrArray                 *argv,
                                                    const char                *bwrap,
                                                    const char                *prefix,
                                                    const char                *base_prefix,
                                                    const char                *workdir);
char                *pyprep_sandbox_new_mark       (void);
GSubprocessLauncher *pyprep_sandbox_make_launcher  (const char                *workdir,
                                                    const char                *mark,
                                                    const PyprepSandboxLimits *limits,
                                                    GSubprocessFlags           flags);
void                 pyprep_sandbox_kill_group     (int                        pgid);
void                 pyprep_sandbox_reap           (int                        pgid,
                                                    const char                *mark);
guint64              pyprep_sandbox_tree_size      (const char                *path,
                                                    guint64                    enough);
guint64              pyprep_sandbox_resident_total (int                        pgid,
                                                    const char                *mark);
void                 pyprep_sandbox_remove_tree    (const char                *path);

G_END_DECLS
