/* pyprep-runner.h: runs a Python snippet in a separate, limited process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-types.h"

G_BEGIN_DECLS

#define PYPREP_RUNNER_ERROR (pyprep_runner_error_quark ())

typedef enum {
  PYPREP_RUNNER_ERROR_NO_PYTHON,   /* no usable python3 */
  PYPREP_RUNNER_ERROR_FAILED,      /* could not start or set up the run */
} PyprepRunnerError;

typedef enum {
  PYPREP_RUN_PROTECTION_LIMITS,   /* own process group and resource limits only */
  PYPREP_RUN_PROTECTION_BWRAP,    /* bubblewrap: no network, read-only system */
  PYPREP_RUN_PROTECTION_FLATPAK,  /* the Flatpak sandbox: no network */
  PYPREP_RUN_PROTECTION_FLATPAK_NETWORK,  /* the Flatpak sandbox, given the network */
} PyprepRunProtection;

typedef enum {
  PYPREP_RUN_ENDED,            /* the snippet ended on its own */
  PYPREP_RUN_TIMED_OUT,        /* killed at the wall-clock limit */
  PYPREP_RUN_OUTPUT_LIMIT,     /* killed when the output limit was reached */
  PYPREP_RUN_MEMORY_LIMIT,     /* killed when all its processes held too much memory */
  PYPREP_RUN_DISK_LIMIT,       /* killed when its folder grew too big */
} PyprepRunEnding;

/* A limit of the sandbox a run ran into, as far as it shows. */
typedef enum {
  PYPREP_RUN_LIMIT_NONE,
  PYPREP_RUN_LIMIT_MEMORY,      /* MemoryError: the address space limit */
  PYPREP_RUN_LIMIT_FILE_SIZE,   /* killed by SIGXFSZ: a file grew too big */
  PYPREP_RUN_LIMIT_DISK,        /* "No space left on device": /tmp is full */
  PYPREP_RUN_LIMIT_CPU,         /* killed by SIGXCPU */
  PYPREP_RUN_LIMIT_TOTAL_MEMORY, /* its processes together held too much */
} PyprepRunLimit;

struct _PyprepRunResult
{
  char                *stdout_text;    /* valid UTF-8 */
  char                *stderr_text;    /* valid UTF-8 */
  gboolean             exited;         /* exited normally (else signalled) */
  int                  exit_status;    /* when exited */
  int                  term_signal;    /* when signalled */
  PyprepRunEnding      ending;
  gboolean             truncated;      /* output went past the limit */
  gint64               elapsed_usec;
  PyprepRunProtection  protection;
  char                *python_version;
  int                  process_group;  /* the run's process group id */
};

#define PYPREP_TYPE_RUN_RESULT (pyprep_run_result_get_type ())
#define PYPREP_TYPE_RUNNER (pyprep_runner_get_type ())

GType            pyprep_run_result_get_type (void) G_GNUC_CONST;
PyprepRunResult *pyprep_run_result_copy     (const PyprepRunResult *self);
void             pyprep_run_result_free     (PyprepRunResult       *self);
gboolean         pyprep_run_result_succeeded (const PyprepRunResult *self);
PyprepRunLimit   pyprep_run_result_get_limit (const PyprepRunResult *self);
char            *pyprep_run_limit_describe   (PyprepRunLimit         limit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepRunResult, pyprep_run_result_free)

G_DECLARE_FINAL_TYPE (PyprepRunner, pyprep_runner, PYPREP, RUNNER, GObject)

GQuark               pyprep_runner_error_quark         (void);

PyprepRunner        *pyprep_runner_new                 (void);
PyprepRunner        *pyprep_runner_get_default         (void);

guint                pyprep_runner_get_timeout         (PyprepRunner  *self);
void                 pyprep_runner_set_timeout         (PyprepRunner  *self,
                                                        guint          timeout_msec);
gsize                pyprep_runner_get_output_limit    (PyprepRunner  *self);
void                 pyprep_runner_set_output_limit    (PyprepRunner  *self,
                                                        gsize          limit);
gboolean             pyprep_runner_get_use_sandbox     (PyprepRunner  *self);
void                 pyprep_runner_set_use_sandbox     (PyprepRunner  *self,
                                                        gboolean       use_sandbox);

void                 pyprep_runner_probe_async         (PyprepRunner        *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean             pyprep_runner_probe_finish        (PyprepRunner  *self,
                                                        GAsyncResult  *result,
                                                        GError       **error);
gboolean             pyprep_runner_is_probed           (PyprepRunner  *self);
const char          *pyprep_runner_get_python_version  (PyprepRunner  *self);
PyprepRunProtection  pyprep_runner_get_protection      (PyprepRunner  *self);
gboolean             pyprep_runner_flatpak_shares_network (const char *flatpak_info);
const char          *pyprep_runner_get_sandbox_note    (PyprepRunner  *self);

void                 pyprep_runner_run_async           (PyprepRunner        *self,
                                                        const char          *code,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
void                 pyprep_runner_run_files_async     (PyprepRunner        *self,
                                                        const char * const  *names,
                                                        const char * const  *texts,
                                                        const char * const  *args,
                                                        guint                timeout_msec,
                                                        gsize                output_limit,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
PyprepRunResult     *pyprep_runner_run_finish          (PyprepRunner  *self,
                                                        GAsyncResult  *result,
                                                        GError       **error);

const char          *pyprep_run_protection_describe    (PyprepRunProtection protection);

G_END_DECLS
