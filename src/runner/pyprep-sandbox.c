/* pyprep-sandbox.c: the process a snippet runs in.
 *
 * The child gets a clean environment, its own session (so its process
 * group can be killed whole) and resource limits it sets on itself before
 * python3 starts. On the host, when bubblewrap works, the command line
 * wraps python3 in it: no network, a read-only view of the system, only
 * the run's directory writable. Afterwards, whatever is left of the group
 * is killed and the run's directory removed.
 *
 * A process that left the group (setsid, a daemon) is found by the mark
 * every process of the run inherits in its environment, PYPREP_RUN=<id>:
 * /proc/<pid>/environ keeps the environment a program started with,
 * whatever it changes later, so only a program that executes another with
 * a new environment loses it. Without bubblewrap that is all there is;
 * with it, the sandbox's own PID namespace ends with the run anyway.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-sandbox"
#define _GNU_SOURCE  /* unshare() */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "pyprep-sandbox.h"

#define ADDRESS_SPACE_LIMIT    ((rlim_t)PYPREP_SANDBOX_MEMORY_LIMIT)
#define FILE_SIZE_LIMIT        ((rlim_t)PYPREP_SANDBOX_FILE_SIZE_LIMIT)
#define PROCESS_HEADROOM       64

/* Writes @text to @path; for the child, between fork and exec, so only
 * async-signal-safe calls. */
static void
write_proc_file (const char *path,
                 const char *text)
{
  int fd = open (path, O_WRONLY | O_CLOEXEC);

  if (fd < 0)
    return;
  if (write (fd, text, strlen (text)) < 0)
    {
      /* Nothing to do: without the map the network stays cut all the same. */
    }
  close (fd);
}

/* "<id> <id> 1\n" into @buffer (at least 32 bytes), without printf. */
static void
format_id_map (char         *buffer,
               unsigned int  id)
{
  char digits[16];
  int n = 0, p = 0;

  do
    digits[n++] = (char)('0' + id % 10);
  while ((id /= 10) > 0 && n < (int)sizeof digits);
  for (int copy = 0; copy < 2; copy++)
    {
      for (int i = n - 1; i >= 0; i--)
        buffer[p++] = digits[i];
      buffer[p++] = ' ';
    }
  buffer[p++] = '1';
  buffer[p++] = '\n';
  buffer[p] = '\0';
}

/* Without bubblewrap, a user namespace lets an unprivileged process have
 * a network namespace of its own, with a loopback device that is down:
 * no network, not even the host's 127.0.0.1. The user and group map to
 * themselves, so files are written as the user. Where the kernel refuses
 * user namespaces, the network stays reachable, as the consent dialog
 * says. */
static void
leave_network (void)
{
  uid_t uid = getuid ();
  gid_t gid = getgid ();
  char map[32];

  if (unshare (CLONE_NEWUSER | CLONE_NEWNET) != 0)
    return;
  write_proc_file ("/proc/self/setgroups", "deny");
  format_id_map (map, uid);
  write_proc_file ("/proc/self/uid_map", map);
  format_id_map (map, gid);
  write_proc_file ("/proc/self/gid_map", map);
}

static void
child_setup (gpointer user_data)
{
  const PyprepSandboxLimits *limits = user_data;
  struct rlimit limit;

  /* A new session is a new process group whose id is this pid; it also
   * drops the controlling terminal. */
  setsid ();
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  if (limits->own_network)
    leave_network ();

  limit.rlim_cur = limit.rlim_max = ADDRESS_SPACE_LIMIT;
  setrlimit (RLIMIT_AS, &limit);
  limit.rlim_cur = limit.rlim_max = (rlim_t)limits->cpu_seconds;
  setrlimit (RLIMIT_CPU, &limit);
  limit.rlim_cur = limit.rlim_max = (rlim_t)limits->processes;
  setrlimit (RLIMIT_NPROC, &limit);
  limit.rlim_cur = limit.rlim_max = FILE_SIZE_LIMIT;
  setrlimit (RLIMIT_FSIZE, &limit);
  limit.rlim_cur = limit.rlim_max = 0;
  setrlimit (RLIMIT_CORE, &limit);
}

/* RLIMIT_NPROC counts every process of the user. The number of tasks on
 * the whole system bounds that from above, so adding a headroom to it lets
 * a snippet start a few helpers but not flood the machine. */
guint64
pyprep_sandbox_process_limit (void)
{
  g_autofree char *contents = NULL;
  const char *slash;
  guint64 total = 512;

  if (g_file_get_contents ("/proc/loadavg", &contents, NULL, NULL)
      && (slash = strchr (contents, '/')) != NULL)
    total = g_ascii_strtoull (slash + 1, NULL, 10);

  return total + PROCESS_HEADROOM;
}

void
pyprep_sandbox_kill_group (int pgid)
{
  if (pgid > 1)
    kill (-pgid, SIGKILL);
}

/* Process group id of a /proc/<pid>/stat line, or -1. The command name
 * in parentheses may contain anything, so parse after the last ')'. */
static int
stat_process_group (const char *stat)
{
  const char *p = strrchr (stat, ')');
  int state_skipped;

  if (p == NULL)
    return -1;
  p++;
  /* " S ppid pgrp" */
  for (state_skipped = 0; state_skipped < 3; state_skipped++)
    {
      while (*p == ' ')
        p++;
      while (*p != '\0' && *p != ' ')
        p++;
    }
  while (*p == ' ')
    p++;
  return (int)g_ascii_strtoll (p, NULL, 10);
}

/* Whether the NUL-separated environment @environ holds the entry @mark. */
static gboolean
environ_has (const char *environ,
             gsize       length,
             const char *mark)
{
  const char *end = environ + length;

  for (const char *p = environ; p < end; p += strlen (p) + 1)
    if (strcmp (p, mark) == 0)
      return TRUE;
  return FALSE;
}

/* Whether the process @name (its /proc entry, @stat its stat line) is a
 * run's: in its group @pgid or carrying its @mark. A zombie waits for its
 * parent and is not running, so it is not one. */
static gboolean
is_run_process (const char *name,
                const char *stat,
                int         pgid,
                const char *mark)
{
  const char *state = strrchr (stat, ')');
  g_autofree char *environ_path = NULL;
  g_autofree char *environ = NULL;
  gsize length;

  if (state != NULL && state[1] == ' ' && state[2] == 'Z')
    return FALSE;
  if (pgid > 1 && stat_process_group (stat) == pgid)
    return TRUE;
  if (mark == NULL)
    return FALSE;
  /* Only the user's own processes can be read, and killed. */
  environ_path = g_build_filename ("/proc", name, "environ", NULL);
  return g_file_get_contents (environ_path, &environ, &length, NULL) && length > 0
         && environ_has (environ, length, mark);
}

/* Kills what is left of a run until nothing is: its process group @pgid,
 * and what left the group carrying its @mark (setsid, daemons). Members
 * may be forking while we look, hence the loop. */
void
pyprep_sandbox_reap (int         pgid,
                     const char *mark)
{
  for (guint round = 0; round < 50; round++)
    {
      g_autoptr(GDir) dir = g_dir_open ("/proc", 0, NULL);
      const char *name;
      gboolean found = FALSE;

      if (dir == NULL)
        return;

      pyprep_sandbox_kill_group (pgid);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = NULL;
          g_autofree char *stat = NULL;
          int pid;

          if (!g_ascii_isdigit (name[0]))
            continue;
          path = g_build_filename ("/proc", name, "stat", NULL);
          if (!g_file_get_contents (path, &stat, NULL, NULL) || !is_run_process (name, stat, pgid, mark))
            continue;
          pid = (int)g_ascii_strtoll (name, NULL, 10);
          if (pid > 1 && pid != getpid ())
            {
              kill (pid, SIGKILL);
              found = TRUE;
            }
        }

      if (!found)
        return;
      g_usleep (2000);
    }
}

/**
 * pyprep_sandbox_resident_total:
 *
 * Returns: the memory resident in all the processes of a run, those of
 *   its group @pgid and those that carry its @mark, in bytes
 *
 * This is the total limit where there is no cgroup to set one: the runner
 * samples it while the run goes on, and stops the run above
 * %PYPREP_SANDBOX_TOTAL_MEMORY. A sample costs a pass over /proc, about a
 * millisecond.
 */
guint64
pyprep_sandbox_resident_total (int         pgid,
                               const char *mark)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc", 0, NULL);
  long page = sysconf (_SC_PAGESIZE);
  guint64 total = 0;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *stat_path = NULL;
      g_autofree char *stat = NULL;

      if (!g_ascii_isdigit (name[0]))
        continue;
      stat_path = g_build_filename ("/proc", name, "stat", NULL);
      if (!g_file_get_contents (stat_path, &stat, NULL, NULL))
        continue;
      if (is_run_process (name, stat, pgid, mark))
        {
          g_autofree char *statm_path = g_build_filename ("/proc", name, "statm", NULL);
          g_autofree char *statm = NULL;

          /* "size resident shared …", in pages */
          if (g_file_get_contents (statm_path, &statm, NULL, NULL))
            {
              const char *resident = strchr (statm, ' ');

              if (resident != NULL)
                total += g_ascii_strtoull (resident + 1, NULL, 10) * (guint64)page;
            }
        }
    }

  return total;
}

/**
 * pyprep_sandbox_tree_size:
 * @enough: stop counting past this many bytes
 *
 * Returns: the disk space the files under @path take, without following
 *   symbolic links; more than @enough once it is past it
 *
 * The run's folder is on the machine's disk: the runner samples its size
 * and stops a run that writes more than %PYPREP_SANDBOX_TMP_SIZE there.
 */
guint64
pyprep_sandbox_tree_size (const char *path,
                          guint64     enough)
{
  g_autoptr(GDir) dir = NULL;
  GStatBuf info;
  guint64 total;
  const char *name;

  if (g_lstat (path, &info) != 0)
    return 0;
  total = (guint64)info.st_blocks * 512;
  if (!S_ISDIR (info.st_mode) || total > enough)
    return total;

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL && total <= enough)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      total += pyprep_sandbox_tree_size (child, enough - total);
    }
  return total;
}

/* Removes a directory tree without following symbolic links. */
void
pyprep_sandbox_remove_tree (const char *path)
{
  GStatBuf info;

  if (g_lstat (path, &info) != 0)
    return;

  if (S_ISDIR (info.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      if (dir != NULL)
        while ((name = g_dir_read_name (dir)) != NULL)
          {
            g_autofree char *child = g_build_filename (path, name, NULL);
            pyprep_sandbox_remove_tree (child);
          }
      if (g_rmdir (path) != 0)
        g_warning ("Could not remove %s: %s", path, g_strerror (errno));
    }
  else if (g_unlink (path) != 0)
    {
      g_warning ("Could not remove %s: %s", path, g_strerror (errno));
    }
}

static gboolean
is_under_usr (const char *path)
{
  return g_str_has_prefix (path, "/usr/") || g_str_equal (path, "/usr");
}

static void
add_system_path (GPtrArray  *argv,
                 const char *path)
{
  g_autofree char *target = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK)
      && (target = g_file_read_link (path, NULL)) != NULL)
    {
      g_ptr_array_add (argv, g_strdup ("--symlink"));
      g_ptr_array_add (argv, g_steal_pointer (&target));
      g_ptr_array_add (argv, g_strdup (path));
    }
  else if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (argv, g_strdup ("--ro-bind"));
      g_ptr_array_add (argv, g_strdup (path));
      g_ptr_array_add (argv, g_strdup (path));
    }
}

static void
add_ro_bind (GPtrArray  *argv,
             const char *path)
{
  if (path == NULL || path[0] != '/' || is_under_usr (path))
    return;
  g_ptr_array_add (argv, g_strdup ("--ro-bind"));
  g_ptr_array_add (argv, g_strdup (path));
  g_ptr_array_add (argv, g_strdup (path));
}

/* The bubblewrap command line: a read-only system, only the run's
 * directory writable, no network, own namespaces, dies with the app.
 * @prefix and @base_prefix are python3's (a virtual environment and the
 * installation it comes from), bound read-only when outside /usr. */
void
pyprep_sandbox_add_bwrap_argv (GPtrArray  *argv,
                               const char *bwrap,
                               const char *prefix,
                               const char *base_prefix,
                               const char *workdir)
{
  static const char * const system_dirs[] = {
    "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc",
  };

  g_ptr_array_add (argv, g_strdup (bwrap));
  g_ptr_array_add (argv, g_strdup ("--unshare-all"));
  g_ptr_array_add (argv, g_strdup ("--die-with-parent"));
  g_ptr_array_add (argv, g_strdup ("--ro-bind"));
  g_ptr_array_add (argv, g_strdup ("/usr"));
  g_ptr_array_add (argv, g_strdup ("/usr"));
  for (guint i = 0; i < G_N_ELEMENTS (system_dirs); i++)
    add_system_path (argv, system_dirs[i]);
  add_ro_bind (argv, base_prefix);
  if (g_strcmp0 (prefix, base_prefix) != 0)
    add_ro_bind (argv, prefix);
  g_ptr_array_add (argv, g_strdup ("--proc"));
  g_ptr_array_add (argv, g_strdup ("/proc"));
  g_ptr_array_add (argv, g_strdup ("--dev"));
  g_ptr_array_add (argv, g_strdup ("/dev"));
  /* In memory, so capped: filling it cannot fill the machine's. */
  g_ptr_array_add (argv, g_strdup ("--size"));
  g_ptr_array_add (argv, g_strdup_printf ("%" G_GUINT64_FORMAT, PYPREP_SANDBOX_TMP_SIZE));
  g_ptr_array_add (argv, g_strdup ("--tmpfs"));
  g_ptr_array_add (argv, g_strdup ("/tmp"));
  g_ptr_array_add (argv, g_strdup ("--bind"));
  g_ptr_array_add (argv, g_strdup (workdir));
  g_ptr_array_add (argv, g_strdup (workdir));
  g_ptr_array_add (argv, g_strdup ("--chdir"));
  g_ptr_array_add (argv, g_strdup (workdir));
}

/* A clean environment: nothing of the user's leaks into the snippet. */
static GStrv
snippet_environ (const char *workdir,
                 const char *mark)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *home = g_strconcat ("HOME=", workdir, NULL);
  g_autofree char *tmp = g_strconcat ("TMPDIR=", workdir, NULL);

  g_strv_builder_add (builder, "PATH=/usr/local/bin:/usr/bin:/bin");
  g_strv_builder_add (builder, "LANG=C.UTF-8");
  g_strv_builder_add (builder, home);
  g_strv_builder_add (builder, tmp);
  if (mark != NULL)
    g_strv_builder_add (builder, mark);
  return g_strv_builder_end (builder);
}

/* A new mark for a run's processes, "PYPREP_RUN=<random>". */
char *
pyprep_sandbox_new_mark (void)
{
  return g_strdup_printf ("PYPREP_RUN=%08x%08x%08x", g_random_int (), g_random_int (), g_random_int ());
}

/* A launcher for a process in @workdir with a clean environment (with
 * @mark, if not NULL), a stdin pipe for the caller to close, its own
 * session and @limits. */
GSubprocessLauncher *
pyprep_sandbox_make_launcher (const char                *workdir,
                              const char                *mark,
                              const PyprepSandboxLimits *limits,
                              GSubprocessFlags           flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags | G_SUBPROCESS_FLAGS_STDIN_PIPE);
  g_auto(GStrv) env = snippet_environ (workdir, mark);
  PyprepSandboxLimits *copy = g_memdup2 (limits, sizeof *limits);

  g_subprocess_launcher_set_environ (launcher, env);
  g_subprocess_launcher_set_cwd (launcher, workdir);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, copy, g_free);
  return launcher;
}
