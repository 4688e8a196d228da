/* test-study-store.c: the study record's store when what it holds is
 * damaged: a value cut short or of the wrong type, an entry with one bad
 * field, lines that are not keyfile syntax. Nothing stored is thrown away,
 * and the study says so. Headless: GLib only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "pyprep-backups.h"
#include "pyprep-drafts.h"
#include "pyprep-study.h"

static GDateTime *
at (int day,
    int hour)
{
  return g_date_time_new_utc (2026, 11, day, hour, 0, 0);
}

/* A record with a bookmark, a status and a review, kept in memory. */
static PyprepStudy *
sample_study (void)
{
  PyprepStudy *study = pyprep_study_new (NULL);
  g_autoptr(GDateTime) monday = at (23, 9);

  pyprep_study_set_bookmarked (study, "mro", TRUE);
  pyprep_study_mark_opened (study, "slots", monday);
  pyprep_study_record_review (study, "slots", PYPREP_GRADE_GOOD, monday);
  return study;
}

/* Removes @path and all it holds. */
static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_dir (child);
    }
  g_remove (path);
}

/* A settings keyfile holding @text, as kept where there is no dconf. */
static char *
keyfile_with (const char *text)
{
  char *path = g_build_filename (g_get_user_config_dir (), "settings.ini", NULL);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* The study says it is damaged, and its copy holds @raw. */
static void
assert_reported (PyprepStudy *study,
                 const char  *raw)
{
  const char *path = pyprep_study_get_recovered_path (study);
  g_autofree char *copy = NULL;

  g_assert_true (pyprep_study_get_damaged (study));
  g_assert_nonnull (path);
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  copy = read_text (path);
  g_assert_nonnull (strstr (copy, raw));
}

/* The entry @id of the progress on disk in @path, printed. */
static char *
stored_entry (const char *path,
              const char *id)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *raw = NULL;
  g_autoptr(GVariant) progress = NULL;
  g_autoptr(GVariant) entry = NULL;

  g_assert_true (g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, NULL));
  raw = g_key_file_get_value (keyfile, "PyPrep", "progress", NULL);
  progress = g_variant_parse (G_VARIANT_TYPE ("a{sa{sv}}"), raw, NULL, NULL, NULL);
  g_assert_nonnull (progress);
  entry = g_variant_lookup_value (progress, id, NULL);
  return entry != NULL ? g_variant_print (entry, TRUE) : NULL;
}

#define CUT "{'gil': {'status': <'confident'>, 'first-seen': <int64 100>}, 'mro': {'stat"

/* A value cut short is copied, and not saved over; the other keys save. */
static void
test_truncated_value_kept (void)
{
  g_autofree char *path = keyfile_with ("[PyPrep]\nprogress=" CUT "\nbookmarks=['gil']\n");
  g_autoptr(GSettings) settings = pyprep_study_settings_new_for_file (path);
  g_autoptr(PyprepStudy) study = NULL;
  g_autoptr(GDateTime) now = at (28, 9);
  g_autofree char *after = NULL;

  g_test_expect_message ("pyprep-study", G_LOG_LEVEL_WARNING, "*progress cannot be read*");
  study = pyprep_study_new (settings);
  g_test_assert_expected_messages ();
  assert_reported (study, CUT);

  /* What used to write over it: reopening a question, two seconds in. */
  pyprep_study_mark_opened (study, "asyncio", now);
  pyprep_study_set_bookmarked (study, "mro", TRUE);
  g_settings_sync ();
  after = read_text (path);
  g_assert_nonnull (strstr (after, "progress=" CUT "\n"));
  g_assert_nonnull (strstr (after, "bookmarks=['gil', 'mro']"));
}

/* A value of the wrong type likewise; and no backup is taken from a
 * record that lost it, so the last good backup stays. */
static void
test_wrong_type_kept (void)
{
  g_autofree char *path = keyfile_with ("[PyPrep]\nbookmarks={'gil': 1}\n");
  g_autoptr(GSettings) settings = pyprep_study_settings_new_for_file (path);
  g_autoptr(PyprepStudy) study = NULL;
  g_autoptr(PyprepStudy) good = sample_study ();
  g_autofree char *dir_path = g_build_filename (g_get_user_data_dir (), "backups", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (dir_path);
  g_autoptr(GDateTime) before = at (1, 9);
  g_autoptr(GDateTime) now = at (20, 9);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  g_test_expect_message ("pyprep-study", G_LOG_LEVEL_WARNING, "*bookmarks cannot be read*");
  study = pyprep_study_new (settings);
  g_test_assert_expected_messages ();
  assert_reported (study, "{'gil': 1}");

  pyprep_study_set_bookmarked (study, "asyncio", TRUE);
  pyprep_study_set_status (study, "mro", PYPREP_STATUS_CONFIDENT);
  g_settings_sync ();
  after = read_text (path);
  g_assert_nonnull (strstr (after, "bookmarks={'gil': 1}\n"));
  g_assert_nonnull (strstr (after, "'mro'"));

  g_assert_true (pyprep_backups_save_if_due (good, dir, before, &error));
  g_assert_true (pyprep_backups_save_if_due (study, dir, now, &error));
  g_assert_no_error (error);
  backups = pyprep_backups_list (dir);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpstr (((PyprepBackup *)backups->pdata[0])->day, ==, "2026-11-01");
}

/* An entry dropped for one bad field stays in the store as it was, and
 * one whose review part is broken keeps that part, through saves. */
static void
test_bad_field_kept (void)
{
  g_autofree char *path = keyfile_with ("[PyPrep]\nprogress={"
                                        "'gil': {'status': <'read'>}, "
                                        "'mro': {'status': <'mastered'>, 'opened': <uint32 7>}, "
                                        "'slots': {'status': <'confident'>, 'due': <int64 2000>, "
                                        "'stability': <-1.0>, 'difficulty': <5.0>, 'reps': <uint32 4>, "
                                        "'last-review': <int64 1000>}}\n");
  g_autoptr(GSettings) settings = pyprep_study_settings_new_for_file (path);
  g_autoptr(PyprepStudy) study = NULL;
  g_autoptr(GDateTime) now = at (28, 9);
  g_autofree char *mro = NULL;
  g_autofree char *slots = NULL;

  g_test_expect_message ("pyprep-study", G_LOG_LEVEL_WARNING, "*mro*mastered*");
  g_test_expect_message ("pyprep-study", G_LOG_LEVEL_WARNING, "*slots*stability*");
  study = pyprep_study_new (settings);
  g_test_assert_expected_messages ();
  assert_reported (study, "'mastered'");
  g_assert_cmpuint (pyprep_study_get_n_entries (study), ==, 2);  /* mro ignored in memory */

  pyprep_study_mark_opened (study, "slots", now);
  pyprep_study_set_status (study, "gil", PYPREP_STATUS_CONFIDENT);
  g_settings_sync ();

  mro = stored_entry (path, "mro");
  g_assert_cmpstr (mro, ==, "{'status': <'mastered'>, 'opened': <uint32 7>}");
  slots = stored_entry (path, "slots");
  g_assert_nonnull (strstr (slots, "'stability': <-1.0>"));
  g_assert_nonnull (strstr (slots, "'reps': <uint32 4>"));
  g_assert_nonnull (strstr (slots, "'opened': <uint32 1>"));

  /* Resetting the question is the user's word: then it goes. */
  pyprep_study_reset_progress (study, (const char *[]) { "mro", NULL });
  g_settings_sync ();
  g_assert_null (stored_entry (path, "mro"));
}

#define GARBAGE "this line is neither a key nor a group"

/* Lines that are not keyfile syntax used to hide every key after them;
 * they are set aside with a copy of the file, and everything else loads. */
static void
test_garbage_lines_kept (void)
{
  g_autofree char *path = keyfile_with ("[PyPrep]\nbookmarks=['gil']\n" GARBAGE "\n"
                                        "progress={'gil': {'status': <'confident'>}}\n"
                                        "notes={'gil': 'one lock'}\n");
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(PyprepStudy) study = NULL;
  g_autofree char *after = NULL;

  g_test_expect_message ("pyprep-study", G_LOG_LEVEL_WARNING, "*Removed 1 unreadable lines*");
  settings = pyprep_study_settings_new_for_file (path);
  g_test_assert_expected_messages ();
  study = pyprep_study_new (settings);
  assert_reported (study, GARBAGE "\nprogress={'gil'");
  g_assert_cmpint (pyprep_study_get_status (study, "gil"), ==, PYPREP_STATUS_CONFIDENT);
  g_assert_cmpstr (pyprep_study_get_note (study, "gil"), ==, "one lock");

  pyprep_study_set_bookmarked (study, "mro", TRUE);
  g_settings_sync ();
  after = read_text (path);
  g_assert_nonnull (strstr (after, "'confident'"));
  g_assert_nonnull (strstr (after, "one lock"));
  g_assert_null (strstr (after, GARBAGE));
}

/* A restore replaces the record, unreadable parts included. */
static void
test_restore_clears_damage (void)
{
  g_autofree char *path = keyfile_with ("[PyPrep]\nprogress=" CUT "\n");
  g_autoptr(GSettings) settings = pyprep_study_settings_new_for_file (path);
  g_autoptr(PyprepStudy) study = NULL;
  g_autoptr(PyprepStudy) good = sample_study ();
  g_autoptr(GDateTime) now = at (28, 9);
  g_autofree char *exported = pyprep_study_export_json (good, now);
  g_autoptr(GError) error = NULL;
  g_autofree char *slots = NULL;

  g_test_expect_message ("pyprep-study", G_LOG_LEVEL_WARNING, "*progress cannot be read*");
  study = pyprep_study_new (settings);
  g_test_assert_expected_messages ();

  g_assert_true (pyprep_study_import_json (study, exported, strlen (exported), PYPREP_IMPORT_REPLACE, &error));
  g_assert_no_error (error);
  g_assert_false (pyprep_study_get_damaged (study));
  g_settings_sync ();
  slots = stored_entry (path, "slots");
  g_assert_nonnull (slots);
}

/* Exercise drafts: saved whole, read back, and one that cannot be read is
 * reported and never overwritten. */
static void
test_drafts (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pyprep-drafts-XXXXXX", NULL);
  g_autoptr(PyprepDrafts) drafts = pyprep_drafts_new (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *loaded = NULL;
  g_autofree char *bad_path = g_build_filename (dir, "bad.py", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *none = NULL;

  missing = pyprep_drafts_load (drafts, "lru-cache-by-hand", &error);
  g_assert_no_error (error);
  g_assert_null (missing);

  g_assert_true (pyprep_drafts_save (drafts, "lru-cache-by-hand", "class LRUCache:\n    pass\n", &error));
  g_assert_no_error (error);
  g_assert_true (pyprep_drafts_save (drafts, "lru-cache-by-hand", "class LRUCache:\n    ...\n", &error));
  loaded = pyprep_drafts_load (drafts, "lru-cache-by-hand", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded, ==, "class LRUCache:\n    ...\n");

  /* Not text: reported, and the bytes stay on disk through a save. */
  g_assert_true (g_file_set_contents (bad_path, "x = 1\n\377\376", -1, NULL));
  none = pyprep_drafts_load (drafts, "bad", &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "left as it is"));
  g_clear_error (&error);
  g_assert_false (pyprep_drafts_save (drafts, "bad", "y = 2\n", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_true (g_file_get_contents (bad_path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "x = 1\n\377\376");

  g_assert_cmpint (g_remove (bad_path), ==, 0);
  {
    g_autofree char *good = g_build_filename (dir, "lru-cache-by-hand.py", NULL);
    g_assert_cmpint (g_remove (good), ==, 0);
  }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("pyprep-test-study-store-XXXXXX", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  int status;

  /* The keyfile and the copies go to directories of our own. (Not with
   * G_TEST_OPTION_ISOLATE_DIRS: GLib 2.74 leaks with it.) */
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/study-store/truncated-value-kept", test_truncated_value_kept);
  g_test_add_func ("/pyprep/study-store/wrong-type-kept", test_wrong_type_kept);
  g_test_add_func ("/pyprep/study-store/bad-field-kept", test_bad_field_kept);
  g_test_add_func ("/pyprep/study-store/garbage-lines-kept", test_garbage_lines_kept);
  g_test_add_func ("/pyprep/study-store/restore-clears-damage", test_restore_clears_damage);
  g_test_add_func ("/pyprep/study-store/drafts", test_drafts);

  status = g_test_run ();
  remove_dir (home);
  return status;
}
