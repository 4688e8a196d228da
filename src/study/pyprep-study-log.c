/* pyprep-study-log.c: the study record and its review log. Every grade
 * the record takes is appended to the log (pyprep-review-log.c), so that
 * the log can rebuild each card's scheduling state by replay.
 *
 * The settings stay the record's working copy, and the log must agree
 * with them. Where the settings know more (state from before the log
 * existed, grades given while the log could not be written, a file
 * imported without reviews), a state entry carries the card's state into
 * the log, and replay starts from it. Where the log knows more (grades
 * merged from another machine), the settings take the replayed state.
 *
 * A log that cannot be opened or written is reported
 * (PyprepStudy:review-log-problem); the record goes on without it.
 *
 * Threads: PyprepStudy, its settings and self->log (an SQLite connection
 * that belongs to the thread that opened it) are used on the main thread
 * only. An asynchronous import (pyprep_study_import_json_async()) merges
 * its reviews and replays the log on a worker, through a connection of
 * its own to the same file (_pyprep_log_import_on_worker()), which takes
 * only the path, the entries and a copy of the scheduling config. While
 * it runs (self->importing), grades wait in self->log_pending instead of
 * waiting for the worker's write lock on the main thread; the import
 * writes them when it ends. Every write of the main connection moves
 * self->log_generation on, so the import can tell that the log changed
 * after its worker read it, and replay it again before applying.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-study"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pyprep-study-private.h"

static gint64
to_ms (GDateTime *time)
{
  return g_date_time_to_unix (time) * 1000 + g_date_time_get_microsecond (time) / 1000;
}

/* Writes the grades that wait, oldest first, and stops at the first that
 * cannot be written: it waits with the rest for the next grade. */
static void
write_pending (PyprepStudy *self)
{
  g_autoptr(GError) error = NULL;
  guint written = 0;

  if (self->log == NULL)
    return;

  for (; written < self->log_pending->len; written++)
    if (!pyprep_review_log_append (self->log, self->log_pending->pdata[written], &error))
      break;

  g_ptr_array_remove_range (self->log_pending, 0, written);
  if (written > 0)
    self->log_generation++;
  if (error != NULL)
    {
      g_warning ("%u grades wait to be written to the review log: %s", self->log_pending->len, error->message);
      _pyprep_study_set_log_problem (self, error);
    }
  else
    {
      _pyprep_study_set_log_problem (self, NULL);
    }
}

static void
flush_pending (PyprepStudy *self)
{
  /* An import's worker may hold the write lock for a while: the grades
   * wait in memory, and the import writes them when it ends. */
  if (self->importing == 0)
    write_pending (self);
}

/* Writes the grades that wait, also while an import runs: the import's
 * own, once its worker is done with the log. */
void
_pyprep_study_log_flush (PyprepStudy *self)
{
  write_pending (self);
}

void
_pyprep_study_log_grade (PyprepStudy      *self,
                         const char       *id,
                         PyprepReviewKind  kind,
                         PyprepGrade       grade,
                         GDateTime        *now,
                         int               seconds)
{
  PyprepReviewEntry *entry;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;

  if (self->log_path == NULL)
    return;  /* no log wanted: a record in memory */

  /* The user's calendar day, whatever zone @now is in. */
  local = g_date_time_to_local (now);
  day = g_date_time_format (local, "%Y-%m-%d");
  entry = pyprep_review_entry_new ();
  entry->card = g_strdup (id);
  entry->kind = kind;
  entry->rating = grade;
  entry->time = to_ms (now);
  entry->seconds = MAX (seconds, -1);
  g_strlcpy (entry->day, day, sizeof entry->day);
  g_ptr_array_add (self->log_pending, entry);
  flush_pending (self);
}

/* Takes back the last grade of @id this installation logged: still
 * waiting to be written, or in the log. */
void
_pyprep_study_unlog_grade (PyprepStudy *self,
                           const char  *id)
{
  g_autoptr(GError) error = NULL;

  for (guint i = self->log_pending->len; i > 0; i--)
    {
      PyprepReviewEntry *entry = self->log_pending->pdata[i - 1];

      if (g_strcmp0 (entry->card, id) == 0 && entry->kind != PYPREP_REVIEW_KIND_STATE)
        {
          g_ptr_array_remove_index (self->log_pending, i - 1);
          return;
        }
    }

  if (self->log == NULL)
    return;
  self->log_generation++;
  if (!pyprep_review_log_take_back (self->log, id, &error))
    {
      g_warning ("An undone grade of %s stays in the review log: %s", id, error->message);
      _pyprep_study_set_log_problem (self, error);
    }
}

/* A state entry for @card (@state NULL: a reset), after every entry the
 * log has of it (@last_times from pyprep_review_log_last_times()). */
static PyprepReviewEntry *
state_entry (PyprepStudy             *self,
             const char              *card,
             const PyprepReviewState *state,
             gint64                   time,
             GHashTable              *last_times)
{
  PyprepReviewEntry *entry = pyprep_review_entry_new ();
  gint64 *last = g_hash_table_lookup (last_times, card);

  entry->installation = g_strdup (pyprep_review_log_get_installation (self->log));
  entry->card = g_strdup (card);
  entry->kind = PYPREP_REVIEW_KIND_STATE;
  entry->time = last != NULL ? MAX (time, *last + 1) : MAX (time, 0);
  if (state != NULL)
    entry->state = *state;
  return entry;
}

static void
write_states (PyprepStudy *self,
              GPtrArray   *entries,
              const char  *why)
{
  g_autoptr(GError) error = NULL;

  if (entries->len == 0)
    return;

  self->log_generation++;
  if (!pyprep_review_log_merge (self->log, entries, NULL, &error))
    {
      g_warning ("Could not write %u cards' state to the review log (%s): %s", entries->len, why, error->message);
      _pyprep_study_set_log_problem (self, error);
      return;
    }

  g_message ("Wrote %u cards' state to the review log: %s", entries->len, why);
}

/* The migration, run each time a log is set: a practised card whose state
 * is newer than its last entry in the log (or that has none) gets a state
 * entry at its last review. Run again, it finds nothing to do. */
static void
carry_over_states (PyprepStudy *self)
{
  g_autoptr(GHashTable) last_times = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)pyprep_review_entry_free);
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  last_times = pyprep_review_log_last_times (self->log, &error);
  if (last_times == NULL)
    {
      _pyprep_study_set_log_problem (self, error);
      return;
    }

  ids = _pyprep_sorted_keys (self->progress);
  for (guint i = 0; i < ids->len; i++)
    {
      PyprepProgress *progress = g_hash_table_lookup (self->progress, ids->pdata[i]);
      gint64 *last = g_hash_table_lookup (last_times, ids->pdata[i]);

      if (progress->review.reps == 0
          || (last != NULL && progress->review.last_review <= *last / 1000))
        continue;

      g_ptr_array_add (entries, state_entry (self, ids->pdata[i], &progress->review,
                                             progress->review.last_review * 1000, last_times));
    }

  write_states (self, entries, "kept in the settings, not yet in the log");
}

void
_pyprep_study_log_resets (PyprepStudy *self,
                          GPtrArray   *ids)
{
  g_autoptr(GHashTable) last_times = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gint64 now = g_get_real_time () / 1000;

  if (self->log == NULL || ids->len == 0
      || (last_times = pyprep_review_log_last_times (self->log, NULL)) == NULL)
    return;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify)pyprep_review_entry_free);
  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (entries, state_entry (self, ids->pdata[i], NULL, now, last_times));
  write_states (self, entries, "progress reset");
}

/* Returns: (transfer full) (nullable): every entry, in replay order; NULL
 * without a log */
GPtrArray *
_pyprep_study_log_export (PyprepStudy *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;

  /* From now on a copy may hold the last grade: it is no longer taken
   * back from the log (pyprep_study_undo_review()). */
  g_clear_pointer (&self->undo_id, g_free);

  if (self->log == NULL)
    return NULL;

  entries = pyprep_review_log_query (self->log, NULL, 0, G_MAXINT64, &error);
  if (entries == NULL)
    {
      g_warning ("The review log cannot be read for the export: %s", error->message);
      _pyprep_study_set_log_problem (self, error);
    }

  return entries;
}

/* Merges @entries into @log in one transaction; the error is the one the
 * user reads. Any thread, with a connection of that thread. */
static gboolean
merge_imported (PyprepReviewLog  *log,
                GPtrArray        *entries,
                GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  guint added = 0;

  if (entries->len == 0)
    return TRUE;

  if (!pyprep_review_log_merge (log, entries, &added, &local_error))
    {
      g_set_error (error, PYPREP_STUDY_ERROR, PYPREP_STUDY_ERROR_INVALID,
                   _("The reviews in the file could not be added to your review history: %s"),
                   local_error->message);
      return FALSE;
    }

  g_message ("Imported %u of %u reviews; the others were already in the log", added, entries->len);
  return TRUE;
}

/* Merges an import's entries into the log, before the rest of the import
 * is applied: when they cannot be written, nothing is. Without a log they
 * are dropped, as the file's other reviews live on in the settings. */
gboolean
_pyprep_study_log_import (PyprepStudy  *self,
                          GPtrArray    *entries,
                          GError      **error)
{
  if (self->log == NULL || entries->len == 0)
    return TRUE;

  self->log_generation++;
  return merge_imported (self->log, entries, error);
}

/* The log as replay leaves it ------------------------------------------ */

/* One value per card, not per entry: freeing it costs the main thread
 * little, whatever the size of the log. */
struct _PyprepLogReplay
{
  GHashTable *states;      /* card -> PyprepReviewState */
  GHashTable *last_times;  /* card -> gint64 time of its last entry */
};

/* Replays @all with @config. Touches neither the study nor a database:
 * any thread. */
static PyprepLogReplay *
log_replay_new (GPtrArray                   *all,
                const PyprepSchedulerConfig *config)
{
  PyprepLogReplay *replay = g_new0 (PyprepLogReplay, 1);

  replay->states = pyprep_review_replay (all, config);
  replay->last_times = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < all->len; i++)
    {
      PyprepReviewEntry *entry = all->pdata[i];
      gint64 *last = g_hash_table_lookup (replay->last_times, entry->card);

      if (last != NULL)
        *last = entry->time;
      else
        g_hash_table_insert (replay->last_times, g_strdup (entry->card),
                             g_memdup2 (&entry->time, sizeof entry->time));
    }

  return replay;
}

void
_pyprep_log_replay_free (PyprepLogReplay *replay)
{
  if (replay == NULL)
    return;

  g_hash_table_unref (replay->last_times);
  g_hash_table_unref (replay->states);
  g_free (replay);
}

/**
 * _pyprep_log_import_on_worker:
 * @path: the review log's file
 * @entries: (nullable): the import's reviews to merge first; %NULL to
 *   only replay
 * @config: the scheduling to replay with (a copy the caller owns)
 *
 * The heavy half of an import, for a worker thread: merges @entries into
 * the log at @path in one transaction, then reads it all and replays it,
 * through a connection of this thread's own. The main connection may go
 * on reading meanwhile (WAL); its writes wait for this transaction, for
 * the busy timeout, which is why the study holds its grades back while an
 * import runs. When the merge fails, the log is as it was and @error
 * says so as pyprep_study_import_json() would; when only the reading
 * fails, the reviews are in: %NULL comes back with @merged and @error set.
 *
 * Returns: (transfer full) (nullable): the replay
 */
PyprepLogReplay *
_pyprep_log_import_on_worker (const char                   *path,
                              GPtrArray                    *entries,
                              const PyprepSchedulerConfig  *config,
                              gboolean                     *merged,
                              GError                      **error)
{
  g_autoptr(PyprepReviewLog) log = NULL;
  g_autoptr(GError) open_error = NULL;
  g_autoptr(GPtrArray) all = NULL;

  *merged = FALSE;

  log = pyprep_review_log_new (path, &open_error);
  if (log == NULL)
    {
      g_set_error (error, PYPREP_STUDY_ERROR, PYPREP_STUDY_ERROR_INVALID,
                   _("The reviews in the file could not be added to your review history: %s"),
                   open_error->message);
      return NULL;
    }

  if (entries != NULL && !merge_imported (log, entries, error))
    return NULL;
  *merged = entries != NULL;

  all = pyprep_review_log_query (log, NULL, 0, G_MAXINT64, error);
  if (all == NULL)
    return NULL;

  return log_replay_new (all, config);
}

static gboolean
same_state (const PyprepReviewState *a,
            const PyprepReviewState *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->stability == b->stability && a->difficulty == b->difficulty && a->reps == b->reps
         && a->lapses == b->lapses && a->last_review == b->last_review && a->due == b->due;
}

/**
 * _pyprep_study_log_reconcile:
 *
 * After an import has changed the record (and merged its reviews into the
 * log), makes the two agree again. Merge: the side that saw the card last
 * wins; the log when it saw it as late (its grades from both machines),
 * the settings' state otherwise (a file without reviews). Replace: the
 * record is what the user chose, and the log is told so with state
 * entries. Nothing in the log is removed either way.
 *
 * @replay, when given, is the log as an import's worker replayed it; the
 * caller makes sure nothing was written to the log since (see
 * PyprepStudy.log_generation). %NULL: it is read and replayed here.
 */
void
_pyprep_study_log_reconcile (PyprepStudy      *self,
                             PyprepImportMode  mode,
                             PyprepLogReplay  *replay)
{
  g_autoptr(PyprepLogReplay) own = NULL;
  GHashTable *replayed, *last_times;
  g_autoptr(GHashTable) cards = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / 1000;
  GHashTableIter iter;
  gpointer key, value;

  if (self->log == NULL)
    return;

  if (replay == NULL)
    {
      g_autoptr(GPtrArray) all = pyprep_review_log_query (self->log, NULL, 0, G_MAXINT64, &error);

      if (all == NULL)
        {
          g_warning ("The review log cannot be read after the import: %s", error->message);
          _pyprep_study_set_log_problem (self, error);
          return;
        }
      replay = own = log_replay_new (all, &self->scheduler);
    }
  replayed = replay->states;
  last_times = replay->last_times;

  cards = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_iter_init (&iter, self->progress);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (((PyprepProgress *)value)->review.reps > 0)
      g_hash_table_add (cards, key);
  g_hash_table_iter_init (&iter, replayed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (cards, key);

  ids = _pyprep_sorted_keys (cards);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify)pyprep_review_entry_free);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = ids->pdata[i];
      PyprepProgress *progress = g_hash_table_lookup (self->progress, id);
      const PyprepReviewState *mine = progress != NULL && progress->review.reps > 0 ? &progress->review : NULL;
      const PyprepReviewState *log = g_hash_table_lookup (replayed, id);

      if (same_state (mine, log))
        continue;

      if (mode == PYPREP_IMPORT_MERGE && log != NULL && (mine == NULL || mine->last_review <= log->last_review))
        {
          if (progress == NULL)
            {
              progress = g_new0 (PyprepProgress, 1);
              g_hash_table_insert (self->progress, g_strdup (id), progress);
            }
          if (progress->review.reps == 0)
            progress->first_review = log->last_review;
          progress->review = *log;
          if (progress->status == PYPREP_STATUS_NEW)
            progress->status = PYPREP_STATUS_READ;
          continue;
        }

      g_ptr_array_add (entries, state_entry (self, id, mine,
                                             mode == PYPREP_IMPORT_MERGE ? mine->last_review * 1000 : now,
                                             last_times));
    }

  write_states (self, entries, mode == PYPREP_IMPORT_MERGE ? "merged from an import" : "replaced by an import");
}

/* API -------------------------------------------------------------------- */

/**
 * pyprep_study_set_review_log:
 * @log: (nullable): the review log, or %NULL for none
 *
 * From now on every grade is appended to @log. Cards whose state the
 * settings hold but the log does not (a record from before the log) get
 * a state entry at once, so that replay starts from it.
 */
void
pyprep_study_set_review_log (PyprepStudy     *self,
                             PyprepReviewLog *log)
{
  g_return_if_fail (PYPREP_IS_STUDY (self));
  g_return_if_fail (!log || PYPREP_IS_REVIEW_LOG (log));

  if (!g_set_object (&self->log, log))
    return;

  self->log_generation++;
  _pyprep_study_set_log_problem (self, NULL);
  if (log == NULL)
    return;

  g_free (self->log_path);
  self->log_path = g_strdup (pyprep_review_log_get_path (log));
  /* Grades that waited first: they may be what makes a state newer. */
  flush_pending (self);
  carry_over_states (self);
}

/* Returns: (transfer none) (nullable) */
PyprepReviewLog *
pyprep_study_get_review_log (PyprepStudy *self)
{
  g_return_val_if_fail (PYPREP_IS_STUDY (self), NULL);

  return self->log;
}

/**
 * pyprep_study_open_review_log:
 * @path: (nullable): the database, or %NULL for the default
 *
 * Opens the review log and sets it (pyprep_study_set_review_log()). When
 * it cannot be opened, the file is left as it is, the record goes on
 * without it and PyprepStudy:review-log-problem says why; grades given
 * meanwhile wait in memory for a log that opens.
 *
 * Returns: whether the log is open
 */
gboolean
pyprep_study_open_review_log (PyprepStudy *self,
                              const char  *path)
{
  g_autoptr(PyprepReviewLog) log = NULL;
  g_autoptr(GError) error = NULL;
  char *where;

  g_return_val_if_fail (PYPREP_IS_STUDY (self), FALSE);

  /* @path may be self->log_path itself. */
  where = path != NULL ? g_strdup (path) : pyprep_review_log_default_path ();
  g_free (self->log_path);
  self->log_path = where;
  log = pyprep_review_log_new (self->log_path, &error);
  if (log == NULL)
    {
      g_warning ("The review log is not used this session: %s", error->message);
      g_clear_object (&self->log);
      _pyprep_study_set_log_problem (self, error);
      return FALSE;
    }

  pyprep_study_set_review_log (self, log);
  return self->log_problem == NULL;
}

/* Returns: (nullable): why the review log cannot be used, or %NULL */
const GError *
pyprep_study_get_review_log_problem (PyprepStudy *self)
{
  g_return_val_if_fail (PYPREP_IS_STUDY (self), NULL);

  return self->log_problem;
}

/**
 * pyprep_study_set_aside_review_log:
 *
 * When the review log is damaged (%PYPREP_REVIEW_LOG_ERROR_CORRUPT),
 * moves its files, untouched, to $XDG_DATA_HOME/pyprep/recovered/ and
 * starts a new log in its place, as restoring a backup does. A log that
 * is only locked or from a newer PyPrep is not moved.
 *
 * Returns: whether a new log is open
 */
gboolean
pyprep_study_set_aside_review_log (PyprepStudy  *self,
                                   GError      **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "pyprep", "recovered", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autofree char *base = NULL;

  g_return_val_if_fail (PYPREP_IS_STUDY (self), FALSE);

  if (self->log_problem == NULL
      || !g_error_matches (self->log_problem, PYPREP_REVIEW_LOG_ERROR, PYPREP_REVIEW_LOG_ERROR_CORRUPT))
    {
      g_set_error_literal (error, PYPREP_REVIEW_LOG_ERROR, PYPREP_REVIEW_LOG_ERROR_FAILED,
                           _("Only a damaged review history is set aside"));
      return FALSE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Cannot create %s: %s"), dir,
                   g_strerror (saved));
      return FALSE;
    }

  for (guint n = 0; base == NULL; n++)
    {
      g_autofree char *name = n == 0 ? g_strdup_printf ("review-log-%s.sqlite", stamp)
                                     : g_strdup_printf ("review-log-%s-%u.sqlite", stamp, n);

      base = g_build_filename (dir, name, NULL);
      if (g_file_test (base, G_FILE_TEST_EXISTS))
        g_clear_pointer (&base, g_free);
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (self->log_path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (base, suffixes[i], NULL);
      g_autoptr(GFile) source = g_file_new_for_path (from);
      g_autoptr(GFile) target = g_file_new_for_path (to);
      g_autoptr(GError) move_error = NULL;

      /* A move, also to another file system (a copy, then the original
       * removed), never over a file already there. */
      if (g_file_test (from, G_FILE_TEST_EXISTS)
          && !g_file_move (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &move_error))
        {
          g_set_error (error, move_error->domain, move_error->code, _("Cannot move %s to %s: %s"),
                       from, to, move_error->message);
          return FALSE;
        }
    }

  g_message ("The damaged review log was moved to %s", base);
  if (!pyprep_study_open_review_log (self, self->log_path))
    {
      g_propagate_error (error, g_error_copy (self->log_problem));
      return FALSE;
    }

  return TRUE;
}
