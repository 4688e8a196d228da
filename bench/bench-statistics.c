/* bench-statistics.c: what a big review log costs the main thread, against
 * an empty log, in the same run:
 * - opening Statistics: the page built, shown, and filled, including the
 *   figures read from the log on a worker (true retention, forecast). The
 *   main thread's share is timed iteration by iteration, so the worker's
 *   time is not counted against it; the longest iteration is what could
 *   drop a frame;
 * - building the practice queue (pyprep_practice_session_new_with_options) on a
 *   study with 2,000 practised cards, on the main thread as the app does;
 * - replaying the log through the scheduler (pyprep_review_replay), which
 *   the app does after an import, on the import's worker thread.
 * The big log is bench-log-fill's: 100,000 reviews of 2,000 cards over
 * three years, the last day yesterday. The cards are questions of 16
 * topics, as many as the built-in bank has, so that the page shows as
 * many mastery rows as it does for a user.
 *
 * Statistics opens as the main window opens it (Ctrl+I): its window,
 * given the preferences. The baseline, opened in the same run and timed
 * the same way, is an AdwWindow of the same size with a header bar and
 * a bare AdwPreferencesPage of as many titled groups: what libadwaita
 * costs before PyPrep draws anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bench-common.h"
#include "bench-log-fill.h"
#include "pyprep-library.h"
#include "pyprep-practice-session.h"
#include "pyprep-review-log.h"
#include "pyprep-settings.h"
#include "pyprep-statistics-page.h"
#include "pyprep-statistics-window.h"
#include "pyprep-study.h"

#define RUNS 5
#define N_TOPICS 16
#define FRAME_MS 16.0

typedef struct
{
  double open_build;      /* medians of Open's */
  double open_longest;
  double open_fill;
  double open_main;
  double open_wall;
  double queue;           /* median */
  guint  queue_cards;
  double replay;          /* median */
  guint  n_entries;
} Figures;

static double
since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* CPU time of the calling thread, in ms. The machine may be shared (other
 * builds, other benchmarks); the main thread's own CPU time is what it
 * spent working, whatever else ran beside it. */
static double
thread_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* One question per generated card id, the ids dealt out to N_TOPICS
 * topics in turn. */
static PyprepLibrary *
generated_library (void)
{
  PyprepLibrary *library = pyprep_library_new ();

  for (guint t = 0; t < N_TOPICS; t++)
    {
      g_autoptr(GString) deck = g_string_new (NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *source = g_strdup_printf ("generated-%u.md", t);

      g_string_append_printf (deck, "---\nid: generated-topic-%u\ntitle: Generated topic %u\norder: %u\n---\n\n",
                              t, t + 1, t + 1);
      for (guint i = t; i < BENCH_LOG_CARDS; i += N_TOPICS)
        g_string_append_printf (deck, "# Generated question %u?\nid: generated-%u\ndifficulty: %s\n\nAn answer.\n\n",
                                i, i, i % 3 == 0 ? "junior" : i % 3 == 1 ? "mid" : "senior");
      bytes = g_string_free_to_bytes (g_steal_pointer (&deck));
      if (!pyprep_library_load_bytes (library, source, bytes))
        g_error ("Cannot load the generated deck %s", source);
    }
  return library;
}

/* The study record of someone who practised every card of the log: each
 * question's state as the log's replay leaves it. */
static PyprepStudy *
practised_study (GPtrArray *entries)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GHashTable) states = pyprep_review_replay (entries, NULL);
  GVariantBuilder progress;

  g_variant_builder_init (&progress, G_VARIANT_TYPE ("a{sa{sv}}"));
  for (guint i = 0; i < BENCH_LOG_CARDS; i++)
    {
      g_autofree char *id = g_strdup_printf ("generated-%u", i);
      g_autofree char *exercise = bench_log_card_id (i);
      PyprepReviewState *state = g_hash_table_lookup (states, exercise);
      GVariantDict dict;

      if (state == NULL || state->reps == 0)
        continue;
      g_variant_dict_init (&dict, NULL);
      g_variant_dict_insert (&dict, "status", "s", state->lapses > 0 ? "needs-review" : "learning");
      g_variant_dict_insert (&dict, "due", "x", state->due);
      g_variant_dict_insert (&dict, "stability", "d", state->stability);
      g_variant_dict_insert (&dict, "difficulty", "d", state->difficulty);
      g_variant_dict_insert (&dict, "reps", "u", state->reps);
      g_variant_dict_insert (&dict, "lapses", "u", state->lapses);
      g_variant_dict_insert (&dict, "last-review", "x", state->last_review);
      g_variant_dict_insert (&dict, "grades", "s", "333");
      g_variant_builder_add (&progress, "{s@a{sv}}", id, g_variant_dict_end (&dict));
    }
  g_settings_set_value (settings, "progress", g_variant_builder_end (&progress));
  return pyprep_study_new (settings);
}

typedef struct
{
  double build;    /* building the page and the window, presenting it */
  double longest;  /* the longest main-loop iteration after that */
  double fill;     /* the iteration in which the log's figures arrived */
  double main;     /* all main-thread time until filled and painted */
  double wall;     /* from the start until filled */
} Open;

/* One timed main-loop iteration, if anything was pending. */
static gboolean
timed_iteration (Open *open)
{
  double step = thread_ms ();
  gboolean busy = g_main_context_iteration (NULL, FALSE);
  double ms = thread_ms () - step;

  if (busy)
    {
      open->main += ms;
      open->longest = MAX (open->longest, ms);
      open->fill = ms;
    }
  return busy;
}

/* A window to open: Statistics as the app opens it, or the baseline. */
typedef GtkWindow *(*BuildFunc) (gpointer data);

typedef struct
{
  PyprepStudy    *study;
  PyprepLibrary  *library;
  PyprepSettings *settings;
} PageData;

/* As the main window's Ctrl+I does. */
static GtkWindow *
build_statistics (gpointer data)
{
  PageData *page = data;
  GtkWindow *window = pyprep_statistics_window_new (NULL, page->study, page->library);

  pyprep_statistics_page_set_settings (pyprep_statistics_window_get_page (PYPREP_STATISTICS_WINDOW (window)),
                                       page->settings);
  return window;
}

/* The baseline: the same kind of window with a header bar, holding a page
 * of titled groups, as many as Statistics has. */
static GtkWindow *
build_bare_page (gpointer data)
{
  static const char *titles[] = {
    "Streak", "Activity", "Reviews Due", "True Retention", "Workload Forecast", "Mastery",
  };
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

      adw_preferences_group_set_title (group, titles[i]);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
    }
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 820);
  return GTK_WINDOW (window);
}

/* Opens the window @build makes, once. Non-blocking iterations are timed
 * one by one, with a short sleep when nothing is pending: the sleeps are
 * the main thread waiting for the worker, free to draw frames. */
static void
open_window (BuildFunc  build,
             gpointer   data,
             Open      *open)
{
  gint64 start = g_get_monotonic_time ();
  double cpu = thread_ms ();
  GtkWindow *window;
  PyprepStatisticsPage *page = NULL;

  memset (open, 0, sizeof *open);
  window = build (data);
  gtk_window_present (window);
  open->build = open->main = thread_ms () - cpu;

  if (PYPREP_IS_STATISTICS_WINDOW (window))
    page = pyprep_statistics_window_get_page (PYPREP_STATISTICS_WINDOW (window));
  while (page != NULL && pyprep_statistics_page_get_computing (page))
    if (!timed_iteration (open))
      g_usleep (200);
  open->wall = since (start);
  {
    double fill = open->fill;

    /* The filled page laid out and painted. */
    for (guint i = 0; i < 50; i++)
      {
        timed_iteration (open);
        g_usleep (1000);
      }
    open->fill = fill;
  }

  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Opens the window RUNS times, after once to warm up (the first window
 * of the process loads the theme), and keeps the medians. */
static void
open_runs (BuildFunc  build,
           gpointer   data,
           Open      *medians)
{
  g_autoptr(GArray) builds = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) longests = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) fills = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) mains = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) walls = g_array_new (FALSE, FALSE, sizeof (double));
  Open open;

  open_window (build, data, &open);
  for (guint i = 0; i < RUNS; i++)
    {
      open_window (build, data, &open);
      g_array_append_val (builds, open.build);
      g_array_append_val (longests, open.longest);
      g_array_append_val (fills, open.fill);
      g_array_append_val (mains, open.main);
      g_array_append_val (walls, open.wall);
    }

  medians->build = bench_percentile (builds, 0.5);
  medians->longest = bench_percentile (longests, 0.5);
  medians->fill = bench_percentile (fills, 0.5);
  medians->main = bench_percentile (mains, 0.5);
  medians->wall = bench_percentile (walls, 0.5);
}

static void
measure (const char    *path,
         PyprepLibrary *library,
         Figures       *figures)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepReviewLog) log = pyprep_review_log_new (path, &error);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(PyprepStudy) study = NULL;
  g_autoptr(GSettings) gsettings = g_settings_new (APPLICATION_ID);
  g_autoptr(PyprepSettings) settings = pyprep_settings_new_for_gsettings (gsettings);
  PageData page;
  Open open;
  g_autoptr(GArray) queues = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) replays = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (log == NULL)
    g_error ("%s", error->message);
  entries = pyprep_review_log_read_all_sync (path, NULL, &error);
  if (entries == NULL)
    g_error ("%s", error->message);
  figures->n_entries = entries->len;

  study = practised_study (entries);
  pyprep_study_set_review_log (study, log);

  page.study = study;
  page.library = library;
  page.settings = settings;
  open_runs (build_statistics, &page, &open);
  figures->open_build = open.build;
  figures->open_longest = open.longest;
  figures->open_fill = open.fill;
  figures->open_main = open.main;
  figures->open_wall = open.wall;

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(PyprepPracticeSession) session = NULL;
      PyprepPracticeOptions options;
      double start = thread_ms ();
      double ms;

      pyprep_practice_options_init (&options);
      options.cards = PYPREP_PRACTICE_MIXED;
      options.reviews_per_day = PYPREP_PRACTICE_REVIEWS_PER_DAY_DEFAULT;
      session = pyprep_practice_session_new_with_options (library, study, &options, now);
      ms = thread_ms () - start;
      g_array_append_val (queues, ms);
      figures->queue_cards = pyprep_practice_session_get_n_cards (session);
    }

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GHashTable) states = NULL;
      PyprepSchedulerConfig config;
      double start;
      double ms;

      pyprep_study_get_scheduler_config (study, &config);
      start = thread_ms ();
      states = pyprep_review_replay (entries, &config);
      ms = thread_ms () - start;
      g_array_append_val (replays, ms);
    }

  figures->queue = bench_percentile (queues, 0.5);
  figures->replay = bench_percentile (replays, 0.5);
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

static char *
load_average (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return g_strdup ("unknown");
  return g_strndup (text, strcspn (text, " "));
}

static void
print_row (const char *what,
           double      empty,
           double      full,
           const char *verdict)
{
  printf ("%-44s %9.2f %9.2f ms  %s\n", what, empty, full, verdict);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_build_filename (g_getenv ("BENCH_DIR") ? g_getenv ("BENCH_DIR") : ".",
                                           "bench-statistics-XXXXXX", NULL);
  g_autofree char *empty_path = NULL;
  g_autofree char *full_path = NULL;
  g_autoptr(PyprepLibrary) library = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  Figures empty = { 0 }, full = { 0 };
  Open bare;
  g_autofree char *build_verdict = NULL;
  g_autofree char *longest_verdict = NULL;
  g_autofree char *main_verdict = NULL;
  gint64 start_ms;

  gtk_init ();
  adw_init ();
  g_log_set_handler ("pyprep-study", G_LOG_LEVEL_MESSAGE, quiet, NULL);

  if (g_mkdtemp (dir) == NULL)
    g_error ("Cannot make %s", dir);
  empty_path = g_build_filename (dir, "empty.sqlite", NULL);
  full_path = g_build_filename (dir, "full.sqlite", NULL);
  library = generated_library ();

  /* The three years end yesterday, so that the last 90 days are full. */
  start_ms = (g_date_time_to_unix (today) - (gint64)(BENCH_LOG_DAYS + 1) * 24 * 60 * 60) * 1000;
  {
    g_autoptr(PyprepReviewLog) log = pyprep_review_log_new (full_path, NULL);

    bench_fill_review_log (log, start_ms);
  }

  open_runs (build_bare_page, NULL, &bare);
  measure (empty_path, library, &empty);
  measure (full_path, library, &full);

  printf ("statistics: %u and %u log entries; %u cards in the queue with the big log (limits %d new, %d reviews)\n",
          empty.n_entries, full.n_entries, full.queue_cards,
          PYPREP_PRACTICE_NEW_PER_DAY_DEFAULT, PYPREP_PRACTICE_REVIEWS_PER_DAY_DEFAULT);
  {
    g_autofree char *load = load_average ();

    printf ("main-thread figures are its CPU time; load average %s\n", load);
  }
  printf ("%-44s %9s %9s\n", "", "empty", "100k");
  build_verdict = g_strdup_printf ("%s; %.1f× the bare page",
                                   full.open_build <= FRAME_MS ? "under a frame" : "OVER A FRAME",
                                   full.open_build / bare.build);
  longest_verdict = g_strdup_printf ("%s; %.1f× the bare page",
                                     full.open_longest <= FRAME_MS ? "under a frame" : "OVER A FRAME",
                                     full.open_longest / bare.longest);
  main_verdict = g_strdup_printf ("%.1f× the bare page", full.open_main / bare.main);
  print_row ("open Statistics: build and present", empty.open_build, full.open_build, build_verdict);
  print_row ("  longest main-loop iteration after", empty.open_longest, full.open_longest, longest_verdict);
  print_row ("  showing the log's figures (main)", empty.open_fill, full.open_fill,
             full.open_fill <= FRAME_MS ? "under a frame" : "OVER A FRAME");
  print_row ("  main thread in all, until painted", empty.open_main, full.open_main, main_verdict);
  print_row ("  until the figures arrive (wall)", empty.open_wall, full.open_wall, "read and computed on a worker");
  print_row ("bare AdwWindow and page of 6 groups: build", bare.build, bare.build, "the baseline, same window");
  print_row ("  longest main-loop iteration after", bare.longest, bare.longest, "");
  print_row ("  main thread in all, until painted", bare.main, bare.main, "");
  print_row ("practice queue, 2,000 practised cards", empty.queue, full.queue,
             full.queue <= FRAME_MS ? "under a frame" : "OVER A FRAME");
  print_row ("replay the whole log", empty.replay, full.replay,
             full.replay <= FRAME_MS ? "under a frame" : "on the import's worker, off the main thread");

  remove_tree (dir);
  return 0;
}
