/* bench-review-log.c: the review log with years of use in it, against an
 * empty one, in the same run: opening it as the app does at start,
 * appending one grade (one transaction, one fsync), reading every entry on a connection of its own (as a worker
 * thread does), replaying them through the scheduler, and the export and
 * import of a record holding them. The big log has 100,000 reviews of
 * 2,000 cards over three years.
 *
 * The import is measured twice: synchronous (what backups restore at
 * start does; all of it blocks the caller), and asynchronous, as the
 * window does it, where the figure that matters is the longest time the
 * main context spends dispatching in one iteration: the longest the
 * window could not draw a frame. A 4 ms timer stands for the frames.
 *
 * The log is written in a folder made in the current directory (the build
 * directory under meson), so that fsync costs what it costs on a disk,
 * not on a tmpfs; BENCH_DIR picks another place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "bench-log-fill.h"
#include "pyprep-review-log.h"
#include "pyprep-study.h"

#define N_REVIEWS BENCH_LOG_REVIEWS
#define N_CARDS BENCH_LOG_CARDS
#define N_DAYS BENCH_LOG_DAYS
#define APPENDS 40
#define READS 7
#define DAY_MS ((gint64)24 * 60 * 60 * 1000)
/* 2023-06-01 08:00 UTC: three years that end before today */
#define START_MS ((gint64)1685606400 * 1000)

typedef struct
{
  double append_median, append_p95;
  double read_median;
  double replay_median;
  double export_ms, import_ms;
  double async_ms, async_stall_ms;
  guint  async_iterations;
  double grade_after_ms, status_after_ms;
  double open_median;
  gsize  export_bytes;
  guint  n_entries;
} Figures;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *samples,
            double  p)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, MIN ((guint)(p * samples->len), samples->len - 1));
}

static double
since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  if (!pyprep_study_import_json_finish (PYPREP_STUDY (object), result, &error))
    g_error ("%s", error->message);
  *done = TRUE;
}

static gboolean
frame_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* One turn of @context, as g_main_context_iteration() takes it, with the
 * time spent dispatching (not waiting) returned, in ms. */
static double
dispatch_timed (GMainContext *context)
{
  GPollFD fds[64];
  int max_priority, timeout, n_fds;
  gint64 start;

  g_main_context_prepare (context, &max_priority);
  n_fds = g_main_context_query (context, max_priority, &timeout, fds, G_N_ELEMENTS (fds));
  g_assert (n_fds <= (int)G_N_ELEMENTS (fds));
  g_main_context_get_poll_func (context) (fds, n_fds, timeout);
  if (!g_main_context_check (context, max_priority, fds, n_fds))
    return 0;

  start = g_get_monotonic_time ();
  g_main_context_dispatch (context);
  return since (start);
}

/* Imports @json off the main thread into a new record with a new log,
 * turning the main context meanwhile. */
static void
measure_async_import (const char *json,
                      const char *log_path,
                      Figures    *figures)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(PyprepStudy) study = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  GMainContext *context = g_main_context_default ();
  gboolean done = FALSE;
  guint frames;
  gint64 start;

  /* As in the app, the record is saved to its settings (in memory here),
   * on the main thread. */
  g_settings_reset (settings, "progress");
  g_settings_reset (settings, "bookmarks");
  g_settings_reset (settings, "notes");
  g_settings_reset (settings, "activity");
  study = pyprep_study_new (settings);
  if (!pyprep_study_open_review_log (study, log_path))
    g_error ("Cannot open %s", log_path);

  g_main_context_acquire (context);
  frames = g_timeout_add (4, frame_cb, NULL);
  start = g_get_monotonic_time ();
  pyprep_study_import_json_async (study, bytes, PYPREP_IMPORT_MERGE, NULL, import_done_cb, &done);
  figures->async_stall_ms = since (start);  /* the call itself, on the main thread */
  while (!done)
    {
      double ms = dispatch_timed (context);

      figures->async_stall_ms = MAX (figures->async_stall_ms, ms);
      figures->async_iterations++;
    }
  figures->async_ms = since (start);
  g_source_remove (frames);
  g_main_context_release (context);

  /* For scale: one grade into the record the import left, which saves
   * the whole record to its settings as the import's end does. */
  {
    g_autoptr(GDateTime) when = g_date_time_new_now_utc ();

    start = g_get_monotonic_time ();
    pyprep_study_record_review (study, "generated-1", PYPREP_GRADE_GOOD, when);
    figures->grade_after_ms = since (start);

    /* The save alone: a status set by hand writes the record's progress. */
    start = g_get_monotonic_time ();
    pyprep_study_set_status (study, "generated-2", PYPREP_STATUS_CONFIDENT);
    figures->status_after_ms = since (start);
  }
}

static void
fill (PyprepReviewLog *log)
{
  bench_fill_review_log (log, START_MS);
}

static void
measure (const char *path,
         Figures    *figures)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepReviewLog) log = pyprep_review_log_new (path, &error);
  g_autoptr(GArray) appends = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reads = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) replays = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) opens = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 now = START_MS + (N_DAYS + 1) * DAY_MS;

  if (log == NULL)
    g_error ("%s", error->message);

  /* What the app does at start, on the main thread: open the log and look
   * for cards whose state it lacks (one GROUP BY over the card index). */
  for (guint i = 0; i < READS; i++)
    {
      g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!pyprep_study_open_review_log (study, path))
        g_error ("Cannot open %s", path);
      ms = since (start);
      g_array_append_val (opens, ms);
    }
  figures->open_median = percentile (opens, 0.5);

  for (guint i = 0; i < APPENDS; i++)
    {
      g_autoptr(PyprepReviewEntry) entry = pyprep_review_entry_new ();
      gint64 start;
      double ms;

      entry->card = g_strdup_printf ("generated-%u", i * 37 % N_CARDS);
      entry->kind = PYPREP_REVIEW_KIND_RECALL;
      entry->rating = 3;
      entry->time = now + i * 1000;
      entry->seconds = 12;
      start = g_get_monotonic_time ();
      if (!pyprep_review_log_append (log, entry, &error))
        g_error ("%s", error->message);
      ms = since (start);
      g_array_append_val (appends, ms);
    }

  for (guint i = 0; i < READS; i++)
    {
      g_autoptr(GPtrArray) entries = NULL;
      g_autoptr(GHashTable) states = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      entries = pyprep_review_log_read_all_sync (path, NULL, &error);
      if (entries == NULL)
        g_error ("%s", error->message);
      ms = since (start);
      g_array_append_val (reads, ms);

      start = g_get_monotonic_time ();
      states = pyprep_review_replay (entries, NULL);
      ms = since (start);
      g_array_append_val (replays, ms);
      figures->n_entries = entries->len;
    }

  figures->append_median = percentile (appends, 0.5);
  figures->append_p95 = percentile (appends, 0.95);
  figures->read_median = percentile (reads, 0.5);
  figures->replay_median = percentile (replays, 0.5);

  /* The record's export with the log in it, and its import (merge) into
   * a record with a new, empty log: the backup and restore path. */
  {
    g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);
    g_autoptr(PyprepStudy) other = pyprep_study_new (NULL);
    g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (now / 1000);
    g_autofree char *other_path = g_strconcat (path, "-import.sqlite", NULL);
    g_autofree char *async_path = g_strconcat (path, "-import-async.sqlite", NULL);
    g_autofree char *json = NULL;
    gint64 start;

    pyprep_study_set_review_log (study, log);
    start = g_get_monotonic_time ();
    json = pyprep_study_export_json (study, when);
    figures->export_ms = since (start);
    figures->export_bytes = strlen (json);

    g_assert_true (pyprep_study_open_review_log (other, other_path));
    start = g_get_monotonic_time ();
    if (!pyprep_study_import_json (other, json, strlen (json), PYPREP_IMPORT_MERGE, &error))
      g_error ("%s", error->message);
    figures->import_ms = since (start);

    measure_async_import (json, async_path, figures);
  }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static void
quiet (const char     *domain,
       GLogLevelFlags  level,
       const char     *message,
       gpointer        user_data)
{
}

static void
print_row (const char *what,
           double      empty,
           double      full,
           const char *unit)
{
  printf ("%-34s %10.2f %10.2f %s   x%.1f\n", what, empty, full, unit, empty > 0 ? full / empty : 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_build_filename (g_getenv ("BENCH_DIR") ? g_getenv ("BENCH_DIR") : ".",
                                           "bench-review-log-XXXXXX", NULL);
  g_autofree char *empty_path = NULL;
  g_autofree char *full_path = NULL;
  Figures empty = { 0 }, full = { 0 };
  gint64 start;
  double fill_ms;

  /* Messages about carried states and imports are not figures. */
  g_log_set_handler ("pyprep-study", G_LOG_LEVEL_MESSAGE, quiet, NULL);

  if (g_mkdtemp (dir) == NULL)
    g_error ("Cannot make %s", dir);
  empty_path = g_build_filename (dir, "empty.sqlite", NULL);
  full_path = g_build_filename (dir, "full.sqlite", NULL);

  {
    g_autoptr(PyprepReviewLog) log = pyprep_review_log_new (full_path, NULL);

    start = g_get_monotonic_time ();
    fill (log);
    fill_ms = since (start);
  }

  measure (empty_path, &empty);
  measure (full_path, &full);

  {
    GStatBuf st;

    printf ("review log: %u reviews of %u cards over %u days, written in one transaction in %.0f ms",
            N_REVIEWS, N_CARDS, N_DAYS, fill_ms);
    if (g_stat (full_path, &st) == 0)
      printf ("; %.1f MiB on disk\n", st.st_size / 1048576.0);
    else
      printf ("\n");
  }
  printf ("%-34s %10s %10s\n", "", "empty", "100k");
  print_row ("open at start, median", empty.open_median, full.open_median, "ms");
  print_row ("append one grade, median", empty.append_median, full.append_median, "ms");
  print_row ("append one grade, p95", empty.append_p95, full.append_p95, "ms");
  print_row ("read all (own connection), median", empty.read_median, full.read_median, "ms");
  print_row ("replay all, median", empty.replay_median, full.replay_median, "ms");
  print_row ("export with the log", empty.export_ms, full.export_ms, "ms");
  print_row ("import (merge) into a new log", empty.import_ms, full.import_ms, "ms");
  print_row ("async import, whole", empty.async_ms, full.async_ms, "ms");
  print_row ("async import, longest main stall", empty.async_stall_ms, full.async_stall_ms, "ms");
  printf ("%-34s %10u %10u\n", "async import, main loop turns", empty.async_iterations, full.async_iterations);
  print_row ("then one grade, settings saved", empty.grade_after_ms, full.grade_after_ms, "ms");
  print_row ("then one status, settings saved", empty.status_after_ms, full.status_after_ms, "ms");
  printf ("%-34s %10.1f %10.1f MiB (import limit %d MiB)\n", "export size", empty.export_bytes / 1048576.0,
          full.export_bytes / 1048576.0, PYPREP_STUDY_IMPORT_MAX_BYTES / (1024 * 1024));
  printf ("entries read: %u and %u\n", empty.n_entries, full.n_entries);

  remove_tree (dir);
  return 0;
}
