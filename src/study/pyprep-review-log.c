/* pyprep-review-log.c: the review log, an SQLite database in
 * $XDG_DATA_HOME/pyprep/review-log.sqlite. One row per grade (recall
 * card, exercise, mock interview), never changed once written, so that
 * each card's scheduling state can be rebuilt by replaying the rows in
 * order (pyprep_review_replay()), and the user's own forgetting can be
 * studied later. Format and columns: data/study-format.md.
 *
 * Durability: WAL mode with synchronous=FULL. Each grade is one
 * transaction, and FULL syncs the WAL at every commit, so a grade the user
 * has seen accepted survives a kill -9 and also a power cut; NORMAL would
 * survive a kill -9 too, but could lose the last grades to a power cut. A
 * grade comes every few seconds at most, so one fsync each costs nothing
 * a user can notice.
 *
 * A file that is not a database, a damaged one, one that another program
 * holds, or one from a newer PyPrep is reported and left exactly as it
 * is: nothing here deletes or rewrites it.
 *
 * The connection belongs to the thread that opened it (the main thread).
 * Reading everything for replay or statistics opens a second, read-only
 * connection on a worker thread, which WAL lets run beside the writer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-review-log"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pyprep-review-log.h"

/* How long a statement waits for another connection's lock. */
#define BUSY_TIMEOUT_MS 250

struct _PyprepReviewLog
{
  GObject   parent_instance;

  char     *path;
  char     *installation;
  sqlite3  *db;
  sqlite3_stmt *insert;
  sqlite3_stmt *insert_or_ignore;
  sqlite3_stmt *last_of_card;
};

G_DEFINE_FINAL_TYPE (PyprepReviewLog, pyprep_review_log, G_TYPE_OBJECT)

G_DEFINE_QUARK (pyprep-review-log-error-quark, pyprep_review_log_error)

static const char * const kind_names[] = { "recall", "exercise", "mock", "state" };

const char *
pyprep_review_kind_to_string (PyprepReviewKind kind)
{
  g_return_val_if_fail (kind <= PYPREP_REVIEW_KIND_STATE, "recall");
  return kind_names[kind];
}

gboolean
pyprep_review_kind_from_string (const char     *str,
                              PyprepReviewKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (str, kind_names[i]) == 0)
      {
        *kind = (PyprepReviewKind)i;
        return TRUE;
      }

  return FALSE;
}

/* Entries --------------------------------------------------------------- */

PyprepReviewEntry *
pyprep_review_entry_new (void)
{
  PyprepReviewEntry *entry = g_new0 (PyprepReviewEntry, 1);

  entry->elapsed = -1;
  entry->seconds = -1;
  return entry;
}

PyprepReviewEntry *
pyprep_review_entry_copy (const PyprepReviewEntry *entry)
{
  PyprepReviewEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_memdup2 (entry, sizeof *entry);
  copy->installation = g_strdup (entry->installation);
  copy->card = g_strdup (entry->card);
  return copy;
}

void
pyprep_review_entry_free (PyprepReviewEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->installation);
  g_free (entry->card);
  g_free (entry);
}

/* Errors ---------------------------------------------------------------- */

static gboolean
set_error (GError     **error,
           sqlite3     *db,
           int          code,
           const char  *path)
{
  int primary = code & 0xff;
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (code);

  switch (primary)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, PYPREP_REVIEW_LOG_ERROR, PYPREP_REVIEW_LOG_ERROR_CORRUPT,
                   _("The review history %s is damaged (%s)"), path, detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, PYPREP_REVIEW_LOG_ERROR, PYPREP_REVIEW_LOG_ERROR_LOCKED,
                   _("The review history %s is in use by another program (%s)"), path, detail);
      break;
    default:
      g_set_error (error, PYPREP_REVIEW_LOG_ERROR, PYPREP_REVIEW_LOG_ERROR_FAILED,
                   _("The review history %s cannot be used (%s)"), path, detail);
      break;
    }

  return FALSE;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      const char  *path,
      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  return rc == SQLITE_OK ? TRUE : set_error (error, db, rc, path);
}

/* The first column of the first row of @sql as an integer. */
static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           const char  *path,
           gint64      *value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *value = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }

  sqlite3_finalize (stmt);
  return set_error (error, db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, path);
}

/* Schema ---------------------------------------------------------------- */

/* Version 1. The unique key identifies an entry across machines, so an
 * import merges logs without duplicates. Indexes: by card and time (a
 * card's history, its previous entry when appending, the last time per
 * card), and by time (a range of days for statistics). */
static const char schema_v1[] =
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE reviews ("
  "  seq INTEGER PRIMARY KEY,"
  "  installation TEXT NOT NULL,"
  "  time INTEGER NOT NULL CHECK (time >= 0),"
  "  card TEXT NOT NULL CHECK (card <> ''),"
  "  kind TEXT NOT NULL CHECK (kind IN ('recall', 'exercise', 'mock', 'state')),"
  "  day TEXT NOT NULL,"
  "  rating INTEGER CHECK (rating BETWEEN 1 AND 4),"
  "  elapsed REAL CHECK (elapsed >= 0),"
  "  seconds INTEGER CHECK (seconds >= 0),"
  "  stability REAL, difficulty REAL, reps INTEGER, lapses INTEGER,"
  "  last_review INTEGER, due INTEGER, phase TEXT, step INTEGER,"
  "  UNIQUE (installation, time, card),"
  "  CHECK ((kind = 'state') = (rating IS NULL)));"
  "CREATE INDEX reviews_by_card ON reviews (card, time);"
  "CREATE INDEX reviews_by_time ON reviews (time);"
  "PRAGMA user_version = 1;";

#define COLUMNS "seq, installation, time, card, kind, day, rating, elapsed, seconds, " \
                "stability, difficulty, reps, lapses, last_review, due, phase, step"

static gboolean
create_schema (PyprepReviewLog  *self,
               GError          **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("BEGIN IMMEDIATE;%s"
                         "INSERT INTO meta VALUES ('installation', '%s');"
                         "COMMIT;", schema_v1, uuid);
  if (!exec (self->db, sql, self->path, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_installation (PyprepReviewLog  *self,
                   GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "SELECT value FROM meta WHERE key = 'installation'",
                               -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW
      && g_uuid_string_is_valid ((const char *)sqlite3_column_text (stmt, 0)))
    self->installation = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (self->installation != NULL)
    return TRUE;

  return set_error (error, self->db, rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_CORRUPT : rc,
                    self->path);
}

/* Opening --------------------------------------------------------------- */

static void
pyprep_review_log_finalize (GObject *object)
{
  PyprepReviewLog *self = PYPREP_REVIEW_LOG (object);

  sqlite3_finalize (self->insert);
  sqlite3_finalize (self->insert_or_ignore);
  sqlite3_finalize (self->last_of_card);
  sqlite3_close (self->db);
  g_free (self->path);
  g_free (self->installation);

  G_OBJECT_CLASS (pyprep_review_log_parent_class)->finalize (object);
}

static void
pyprep_review_log_class_init (PyprepReviewLogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pyprep_review_log_finalize;
}

static void
pyprep_review_log_init (PyprepReviewLog *self)
{
}

char *
pyprep_review_log_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "pyprep", "review-log.sqlite", NULL);
}

/* Sets up a connection: waits a little for other connections' locks, and
 * reads the schema version; a file that is not a database fails here,
 * before anything could be written to it. */
static sqlite3 *
open_connection (const char  *path,
         int          flags,
         gint64      *version,
         GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      set_error (error, db, rc, path);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, FALSE);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  if (!query_int (db, "PRAGMA user_version", path, version, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

/**
 * pyprep_review_log_new:
 * @path: (nullable): the database; %NULL for the default
 *   (pyprep_review_log_default_path())
 *
 * Opens the log, creating it (and its folder) if it does not exist. A
 * new log gets a random installation id, kept in it.
 *
 * Returns: (transfer full): the log, or %NULL with @error set in
 *   %PYPREP_REVIEW_LOG_ERROR; the file is then left as it was
 */
PyprepReviewLog *
pyprep_review_log_new (const char  *path,
                       GError     **error)
{
  g_autoptr(PyprepReviewLog) self = g_object_new (PYPREP_TYPE_REVIEW_LOG, NULL);
  g_autofree char *dir = NULL;
  gint64 version = 0, n_tables = 0;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self->path = path != NULL ? g_strdup (path) : pyprep_review_log_default_path ();
  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, PYPREP_REVIEW_LOG_ERROR, PYPREP_REVIEW_LOG_ERROR_FAILED,
                   _("Cannot create %s: %s"), dir, g_strerror (saved));
      return NULL;
    }

  self->db = open_connection (self->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &version, error);
  if (self->db == NULL)
    return NULL;

  if (version > PYPREP_REVIEW_LOG_SCHEMA)
    {
      g_set_error (error, PYPREP_REVIEW_LOG_ERROR, PYPREP_REVIEW_LOG_ERROR_VERSION,
                   _("The review history %s was written by a newer version of PyPrep"), self->path);
      return NULL;
    }

  if (!query_int (self->db, "SELECT count(*) FROM sqlite_master", self->path, &n_tables, error))
    return NULL;

  /* Version 0 with tables: someone else's database, not ours to change. */
  if (version == 0 && n_tables > 0)
    {
      g_set_error (error, PYPREP_REVIEW_LOG_ERROR, PYPREP_REVIEW_LOG_ERROR_CORRUPT,
                   _("%s is not a PyPrep review history"), self->path);
      return NULL;
    }

  if (!exec (self->db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;", self->path, error))
    return NULL;

  if (version == 0 && !create_schema (self, error))
    return NULL;

  if (!read_installation (self, error))
    return NULL;

  if (sqlite3_prepare_v3 (self->db,
                          "INSERT INTO reviews (installation, time, card, kind, day, rating, elapsed, seconds,"
                          " stability, difficulty, reps, lapses, last_review, due, phase, step)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                          -1, SQLITE_PREPARE_PERSISTENT, &self->insert, NULL) != SQLITE_OK
      || sqlite3_prepare_v3 (self->db,
                             "INSERT OR IGNORE INTO reviews (installation, time, card, kind, day, rating,"
                             " elapsed, seconds, stability, difficulty, reps, lapses, last_review, due,"
                             " phase, step)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                             -1, SQLITE_PREPARE_PERSISTENT, &self->insert_or_ignore, NULL) != SQLITE_OK
      || sqlite3_prepare_v3 (self->db,
                             "SELECT time FROM reviews WHERE card = ?1 ORDER BY time DESC, seq DESC LIMIT 1",
                             -1, SQLITE_PREPARE_PERSISTENT, &self->last_of_card, NULL) != SQLITE_OK)
    {
      set_error (error, self->db, sqlite3_errcode (self->db), self->path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
pyprep_review_log_get_path (PyprepReviewLog *self)
{
  g_return_val_if_fail (PYPREP_IS_REVIEW_LOG (self), NULL);

  return self->path;
}

/* The random id of the PyPrep that made this log, a UUID. */
const char *
pyprep_review_log_get_installation (PyprepReviewLog *self)
{
  g_return_val_if_fail (PYPREP_IS_REVIEW_LOG (self), NULL);

  return self->installation;
}

/* Writing --------------------------------------------------------------- */

static void
bind_entry (sqlite3_stmt            *stmt,
            const PyprepReviewEntry *entry)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  sqlite3_bind_text (stmt, 1, entry->installation, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, entry->time);
  sqlite3_bind_text (stmt, 3, entry->card, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, pyprep_review_kind_to_string (entry->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, entry->day, -1, SQLITE_STATIC);
  if (entry->kind != PYPREP_REVIEW_KIND_STATE)
    sqlite3_bind_int (stmt, 6, entry->rating);
  if (entry->elapsed >= 0)
    sqlite3_bind_double (stmt, 7, entry->elapsed);
  if (entry->seconds >= 0)
    sqlite3_bind_int (stmt, 8, entry->seconds);
  if (entry->kind == PYPREP_REVIEW_KIND_STATE)
    {
      sqlite3_bind_double (stmt, 9, entry->state.stability);
      sqlite3_bind_double (stmt, 10, entry->state.difficulty);
      sqlite3_bind_int64 (stmt, 11, entry->state.reps);
      sqlite3_bind_int64 (stmt, 12, entry->state.lapses);
      sqlite3_bind_int64 (stmt, 13, entry->state.last_review);
      sqlite3_bind_int64 (stmt, 14, entry->state.due);
      sqlite3_bind_text (stmt, 15, pyprep_card_phase_to_string (pyprep_review_state_get_phase (&entry->state)),
                         -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 16, entry->state.step);
    }
}

static void
fill_day (PyprepReviewEntry *entry)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;

  if (entry->day[0] != '\0')
    return;

  utc = g_date_time_new_from_unix_utc (entry->time / 1000);
  local = g_date_time_to_local (utc);
  day = g_date_time_format (local, "%Y-%m-%d");
  g_strlcpy (entry->day, day, sizeof entry->day);
}

static gboolean
entry_is_valid (const PyprepReviewEntry *entry)
{
  if (entry->card == NULL || entry->card[0] == '\0' || entry->time < 0
      || entry->kind > PYPREP_REVIEW_KIND_STATE)
    return FALSE;

  if (entry->kind == PYPREP_REVIEW_KIND_STATE)
    return TRUE;

  return pyprep_grade_is_valid (entry->rating);
}

/**
 * pyprep_review_log_append:
 * @entry: (inout): the grade: @card, @kind, @time, @rating, @seconds and
 *   the local @day (computed from @time when empty); for a state entry,
 *   @state instead of @rating
 *
 * Writes one entry in one transaction. The log fills in its installation
 * id, @elapsed and @seq. Entries keep their order of arrival: one that
 * comes with a time before the card's previous entry (the clock went
 * backwards) is written at that entry's time, so its elapsed days are 0,
 * never negative, and replay sees it last, as the scheduler did. Two
 * entries of a card in the same millisecond are kept apart by one.
 *
 * Returns: whether the entry is stored for good
 */
gboolean
pyprep_review_log_append (PyprepReviewLog    *self,
                          PyprepReviewEntry  *entry,
                          GError            **error)
{
  int rc;

  g_return_val_if_fail (PYPREP_IS_REVIEW_LOG (self), FALSE);
  g_return_val_if_fail (entry != NULL && entry_is_valid (entry), FALSE);

  g_free (entry->installation);
  entry->installation = g_strdup (self->installation);
  fill_day (entry);

  if (!exec (self->db, "BEGIN IMMEDIATE", self->path, error))
    return FALSE;

  sqlite3_reset (self->last_of_card);
  sqlite3_bind_text (self->last_of_card, 1, entry->card, -1, SQLITE_STATIC);
  rc = sqlite3_step (self->last_of_card);
  entry->elapsed = -1;
  if (rc == SQLITE_ROW)
    {
      gint64 previous = sqlite3_column_int64 (self->last_of_card, 0);

      entry->time = MAX (entry->time, previous);
      entry->elapsed = (double)(entry->time - previous) / (24.0 * 60 * 60 * 1000);
      rc = SQLITE_DONE;
    }
  sqlite3_reset (self->last_of_card);

  /* The key is unique per millisecond and card; a clash moves on by one. */
  for (guint tries = 0; rc == SQLITE_DONE && tries < 1000; tries++)
    {
      bind_entry (self->insert, entry);
      rc = sqlite3_step (self->insert);
      sqlite3_reset (self->insert);
      if (rc != SQLITE_CONSTRAINT)
        break;
      entry->time++;
      rc = SQLITE_DONE;
    }

  if (rc != SQLITE_DONE || sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_error (error, self->db, rc != SQLITE_DONE ? rc : sqlite3_errcode (self->db), self->path);
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  entry->seq = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/**
 * pyprep_review_log_take_back:
 * @card: the card whose grade is taken back
 *
 * Removes the last grade this installation wrote for @card: a grade the
 * user undid (pyprep_study_undo_review(), which says why removing it is
 * right). Grades of other installations, and state entries, stay.
 *
 * Returns: %FALSE with @error set if the log could not be written; %TRUE
 *   otherwise, also when there was no such grade
 */
gboolean
pyprep_review_log_take_back (PyprepReviewLog  *self,
                             const char       *card,
                             GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (PYPREP_IS_REVIEW_LOG (self), FALSE);
  g_return_val_if_fail (card != NULL, FALSE);

  rc = sqlite3_prepare_v2 (self->db,
                           "DELETE FROM reviews WHERE seq = (SELECT max(seq) FROM reviews"
                           " WHERE card = ?1 AND installation = ?2 AND kind != 'state')",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, card, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, self->installation, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_error (error, self->db, rc, self->path);
  return TRUE;
}

/**
 * pyprep_review_log_merge:
 * @entries: (element-type PyprepReviewEntry): entries from another log
 *   (an import), each with its own installation id and elapsed days
 * @n_added: (out) (optional): how many were new
 *
 * Adds the entries this log lacks, all in one transaction: an entry that
 * has the same installation, time and card as one here is the same
 * entry, and is skipped.
 */
gboolean
pyprep_review_log_merge (PyprepReviewLog  *self,
                         GPtrArray        *entries,
                         guint            *n_added,
                         GError          **error)
{
  guint added = 0;

  g_return_val_if_fail (PYPREP_IS_REVIEW_LOG (self), FALSE);
  g_return_val_if_fail (entries != NULL, FALSE);

  if (!exec (self->db, "BEGIN IMMEDIATE", self->path, error))
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      PyprepReviewEntry *entry = entries->pdata[i];
      int rc;

      g_return_val_if_fail (entry_is_valid (entry) && g_uuid_string_is_valid (entry->installation), FALSE);
      fill_day (entry);
      bind_entry (self->insert_or_ignore, entry);
      rc = sqlite3_step (self->insert_or_ignore);
      sqlite3_reset (self->insert_or_ignore);
      if (rc != SQLITE_DONE)
        {
          set_error (error, self->db, rc, self->path);
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      added += sqlite3_changes (self->db);
    }

  if (!exec (self->db, "COMMIT", self->path, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  if (n_added != NULL)
    *n_added = added;
  return TRUE;
}

/* Reading --------------------------------------------------------------- */

static PyprepReviewEntry *
read_row (sqlite3_stmt *stmt)
{
  PyprepReviewEntry *entry = pyprep_review_entry_new ();
  const char *day = (const char *)sqlite3_column_text (stmt, 5);

  entry->seq = sqlite3_column_int64 (stmt, 0);
  entry->installation = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  entry->time = sqlite3_column_int64 (stmt, 2);
  entry->card = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
  if (!pyprep_review_kind_from_string ((const char *)sqlite3_column_text (stmt, 4), &entry->kind))
    entry->kind = PYPREP_REVIEW_KIND_RECALL;  /* the table's CHECK allows no other */
  g_strlcpy (entry->day, day ? day : "", sizeof entry->day);
  entry->rating = sqlite3_column_int (stmt, 6);
  if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    entry->elapsed = sqlite3_column_double (stmt, 7);
  if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
    entry->seconds = sqlite3_column_int (stmt, 8);
  if (entry->kind == PYPREP_REVIEW_KIND_STATE)
    {
      entry->state.stability = sqlite3_column_double (stmt, 9);
      entry->state.difficulty = sqlite3_column_double (stmt, 10);
      entry->state.reps = (guint)CLAMP (sqlite3_column_int64 (stmt, 11), 0, G_MAXUINT);
      entry->state.lapses = (guint)CLAMP (sqlite3_column_int64 (stmt, 12), 0, G_MAXUINT);
      entry->state.last_review = sqlite3_column_int64 (stmt, 13);
      entry->state.due = sqlite3_column_int64 (stmt, 14);
      /* A state without a phase is in review, as a record without one. */
      if (!pyprep_card_phase_from_string ((const char *)sqlite3_column_text (stmt, 15), &entry->state.phase))
        entry->state.phase = PYPREP_CARD_PHASE_REVIEW;
      entry->state.step = (guint)CLAMP (sqlite3_column_int64 (stmt, 16), 0, PYPREP_SCHEDULER_MAX_STEPS - 1);
    }

  return entry;
}

/* Runs @stmt to the end, collecting its rows; checks @cancellable as it
 * goes. Finalizes @stmt. */
static GPtrArray *
collect (sqlite3      *db,
         sqlite3_stmt *stmt,
         const char   *path,
         GCancellable *cancellable,
         GError      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)pyprep_review_entry_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (entries, read_row (stmt));
      if (entries->len % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_finalize (stmt);
          return NULL;
        }
    }

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_error (error, db, rc, path);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/**
 * pyprep_review_log_query:
 * @card: (nullable): one card's entries, or %NULL for all cards
 * @from: the first time (Unix ms) included
 * @to: the first time (Unix ms) left out; %G_MAXINT64 for no end
 *
 * Returns: (transfer full) (element-type PyprepReviewEntry): the entries,
 *   in the order replay takes them: by time; at the same time a grade
 *   before a state entry (which holds the state after it); then in order
 *   of arrival
 */
GPtrArray *
pyprep_review_log_query (PyprepReviewLog  *self,
                         const char       *card,
                         gint64            from,
                         gint64            to,
                         GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (PYPREP_IS_REVIEW_LOG (self), NULL);

  rc = sqlite3_prepare_v2 (self->db,
                           card != NULL
                           ? "SELECT " COLUMNS " FROM reviews WHERE card = ?3 AND time >= ?1 AND time < ?2"
                             " ORDER BY time, kind = 'state', seq"
                           : "SELECT " COLUMNS " FROM reviews WHERE time >= ?1 AND time < ?2"
                             " ORDER BY time, kind = 'state', seq",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (error, self->db, rc, self->path);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  if (card != NULL)
    sqlite3_bind_text (stmt, 3, card, -1, SQLITE_TRANSIENT);
  return collect (self->db, stmt, self->path, NULL, error);
}

/* The number of entries, or -1 with @error set. */
gint64
pyprep_review_log_count (PyprepReviewLog  *self,
                         GError          **error)
{
  gint64 count;

  g_return_val_if_fail (PYPREP_IS_REVIEW_LOG (self), -1);

  if (!query_int (self->db, "SELECT count(*) FROM reviews", self->path, &count, error))
    return -1;
  return count;
}

/**
 * pyprep_review_log_last_times:
 *
 * Returns: (transfer full) (element-type utf8 gint64): card id -> the
 *   time (Unix ms, in a gint64 the table owns) of its last entry; %NULL
 *   with @error set
 */
GHashTable *
pyprep_review_log_last_times (PyprepReviewLog  *self,
                              GError          **error)
{
  g_autoptr(GHashTable) times = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (PYPREP_IS_REVIEW_LOG (self), NULL);

  rc = sqlite3_prepare_v2 (self->db, "SELECT card, max(time) FROM reviews GROUP BY card", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 time = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (times, g_strdup ((const char *)sqlite3_column_text (stmt, 0)),
                           g_memdup2 (&time, sizeof time));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error (error, self->db, rc, self->path);
      return NULL;
    }

  return g_steal_pointer (&times);
}

/* PRAGMA integrity_check: whether the whole database reads back sound. */
gboolean
pyprep_review_log_check (PyprepReviewLog  *self,
                         GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (PYPREP_IS_REVIEW_LOG (self), FALSE);

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

  if (!ok)
    return set_error (error, self->db, rc == SQLITE_ROW ? SQLITE_CORRUPT : rc, self->path);
  return TRUE;
}

/**
 * pyprep_review_log_read_all_sync:
 * @path: a review log
 *
 * Reads every entry through a read-only connection of its own, so it may
 * run on any thread, beside the writer.
 *
 * Returns: (transfer full) (element-type PyprepReviewEntry): the entries
 *   in replay order
 */
GPtrArray *
pyprep_review_log_read_all_sync (const char    *path,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  GPtrArray *entries;
  gint64 version;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  db = open_connection (path, SQLITE_OPEN_READONLY, &version, error);
  if (db == NULL)
    return NULL;

  rc = sqlite3_prepare_v2 (db, "SELECT " COLUMNS " FROM reviews ORDER BY time, kind = 'state', seq", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (error, db, rc, path);
      sqlite3_close (db);
      return NULL;
    }

  entries = collect (db, stmt, path, cancellable, error);
  sqlite3_close (db);
  return entries;
}

static void
read_all_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *entries = pyprep_review_log_read_all_sync (task_data, cancellable, &error);

  if (entries == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, entries, (GDestroyNotify)g_ptr_array_unref);
}

/**
 * pyprep_review_log_read_all_async:
 *
 * Reads every entry on a worker thread, for replay or statistics.
 */
void
pyprep_review_log_read_all_async (PyprepReviewLog     *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PYPREP_IS_REVIEW_LOG (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pyprep_review_log_read_all_async);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, read_all_thread);
}

/**
 * pyprep_review_log_read_all_finish:
 *
 * Returns: (transfer full) (element-type PyprepReviewEntry): the entries
 *   in replay order, or %NULL with @error set
 */
GPtrArray *
pyprep_review_log_read_all_finish (PyprepReviewLog  *self,
                                   GAsyncResult     *result,
                                   GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, pyprep_review_log_read_all_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Replay ---------------------------------------------------------------- */

/* The reviews due per local day, kept up to date as the replay moves
 * each card: the load balancing the grades saw when they were given. */
typedef struct
{
  GTimeZone  *tz;
  GHashTable *per_day;  /* day number -> count */
} ReplayLoad;

static void
replay_load_move (ReplayLoad              *load,
                  const PyprepReviewState *state,
                  int                      delta)
{
  gint64 day;
  guint count;

  if (state == NULL || state->reps == 0)
    return;

  day = pyprep_scheduler_day_number (load->tz, state->due);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (load->per_day, &day));
  count = delta > 0 ? count + 1 : (count > 0 ? count - 1 : 0);
  g_hash_table_replace (load->per_day, g_memdup2 (&day, sizeof day), GUINT_TO_POINTER (count));
}

static guint
replay_load_count_cb (gint64   when,
                      gpointer user_data)
{
  ReplayLoad *load = user_data;
  gint64 day = pyprep_scheduler_day_number (load->tz, when);

  return GPOINTER_TO_UINT (g_hash_table_lookup (load->per_day, &day));
}

/**
 * pyprep_review_replay:
 * @entries: (element-type PyprepReviewEntry): in replay order, as read
 * @config: (nullable): the scheduling the grades were given with (its
 *   load balancing is replaced by the replay's own); %NULL for the defaults
 *
 * Rebuilds each card's scheduling state: a state entry sets it (a reset
 * forgets it), a grade goes through the scheduler at its time, with the
 * card's id for the fuzz and the day's load counted from the states
 * replayed so far, as when it was given. A mock interview's grade is a
 * grade of the question's recall card. Touches no database, so it runs on
 * any thread.
 *
 * Returns: (transfer full) (element-type utf8 PyprepReviewState): card id
 *   -> its state, for every card the log leaves practised
 */
GHashTable *
pyprep_review_replay (GPtrArray                   *entries,
                      const PyprepSchedulerConfig *config)
{
  GHashTable *states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ReplayLoad load;
  PyprepSchedulerConfig replaying;

  g_return_val_if_fail (entries != NULL, states);

  if (config != NULL)
    replaying = *config;
  else
    pyprep_scheduler_config_init (&replaying);
  load.tz = g_time_zone_new_local ();
  load.per_day = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  replaying.due_count = replay_load_count_cb;
  replaying.due_count_data = &load;

  for (guint i = 0; i < entries->len; i++)
    {
      const PyprepReviewEntry *entry = entries->pdata[i];
      PyprepReviewState *state = g_hash_table_lookup (states, entry->card);

      replay_load_move (&load, state, -1);
      if (entry->kind == PYPREP_REVIEW_KIND_STATE)
        {
          if (entry->state.reps == 0)
            {
              g_hash_table_remove (states, entry->card);
              continue;
            }
          if (state != NULL)
            *state = entry->state;
          else
            g_hash_table_insert (states, g_strdup (entry->card),
                                 (state = g_memdup2 (&entry->state, sizeof entry->state)));
        }
      else
        {
          if (state == NULL)
            {
              state = g_new0 (PyprepReviewState, 1);
              g_hash_table_insert (states, g_strdup (entry->card), state);
            }
          pyprep_scheduler_review_full (&replaying, state, (PyprepGrade)entry->rating, entry->time / 1000,
                                        entry->card, state);
        }
      replay_load_move (&load, state, +1);
    }

  g_hash_table_unref (load.per_day);
  g_time_zone_unref (load.tz);
  return states;
}
