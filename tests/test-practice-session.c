/* test-practice-session.c: which questions a practice session shows, in
 * which order, within which limits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pyprep-practice-session.h"
#include "pyprep-question.h"

#define DAY 86400

/* Two topics, eight questions: a1..a5 in "alpha", b1..b3 in "beta". */
static const char alpha[] =
  "---\nid: alpha\ntitle: Alpha\norder: 1\n---\n\n"
  "# A one\nid: a1\ndifficulty: junior\n\nAnswer.\n\n"
  "# A two\nid: a2\ndifficulty: junior\n\nAnswer.\n\n"
  "# A three\nid: a3\ndifficulty: mid\n\nAnswer.\n\n"
  "# A four\nid: a4\ndifficulty: mid\n\nAnswer.\n\n"
  "# A five\nid: a5\ndifficulty: senior\n\nAnswer.\n";
static const char beta[] =
  "---\nid: beta\ntitle: Beta\norder: 2\n---\n\n"
  "# B one\nid: b1\ndifficulty: junior\n\nAnswer.\n\n"
  "# B two\nid: b2\ndifficulty: mid\n\nAnswer.\n\n"
  "# B three\nid: b3\ndifficulty: senior\n\nAnswer.\n";

/* A session of recall cards from the whole bank, with limits a day. */
static PyprepPracticeSession *
session_limited (PyprepLibrary *library,
                 PyprepStudy   *study,
                 guint          new_per_day,
                 guint          reviews_per_day,
                 GDateTime     *now)
{
  PyprepPracticeOptions options;

  pyprep_practice_options_init (&options);
  options.new_per_day = new_per_day;
  options.reviews_per_day = reviews_per_day;
  return pyprep_practice_session_new_with_options (library, study, &options, now);
}

static PyprepLibrary *
sample_library (void)
{
  PyprepLibrary *library = pyprep_library_new ();
  g_autoptr(GBytes) a = g_bytes_new_static (alpha, strlen (alpha));
  g_autoptr(GBytes) b = g_bytes_new_static (beta, strlen (beta));

  g_assert_true (pyprep_library_load_bytes (library, "alpha.md", a));
  g_assert_true (pyprep_library_load_bytes (library, "beta.md", b));
  g_assert_cmpuint (pyprep_library_get_n_questions (library), ==, 8);
  return library;
}

static GDateTime *
at (int day,
    int hour)
{
  return g_date_time_new_utc (2026, 11, day, hour, 0, 0);
}

/* The ids in session order, joined by spaces. */
static char *
order (PyprepPracticeSession *session)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < pyprep_practice_session_get_n_cards (session); i++)
    {
      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, pyprep_question_get_id (pyprep_practice_session_get_card (session, i)));
    }

  return g_string_free (ids, FALSE);
}

/* A study where, on the 20th at noon:
 *   b2 was due on the 18th (most overdue), a3 is due on the 20th at 15:10,
 *   a1 is due next week (put away), b1 needs review and is not due,
 *   a2 needs review and was never practised; a4, a5, b3 are new;
 *   a5 and b1 are bookmarked. */
static PyprepStudy *
sample_study (void)
{
  PyprepStudy *study = pyprep_study_new (NULL);
  g_autoptr(GDateTime) d16 = at (16, 12);
  g_autoptr(GDateTime) d16_step = g_date_time_add_minutes (d16, 10);
  g_autoptr(GDateTime) d18 = at (18, 15);
  g_autoptr(GDateTime) d18_step = g_date_time_add_minutes (d18, 10);
  g_autoptr(GDateTime) d19 = at (19, 12);

  /* Good on a new question, and Good at its ten-minute learning step:
   * due two days later. */
  pyprep_study_record_review (study, "b2", PYPREP_GRADE_GOOD, d16);
  pyprep_study_record_review (study, "b2", PYPREP_GRADE_GOOD, d16_step);  /* due 18th 12:10 */
  pyprep_study_record_review (study, "a3", PYPREP_GRADE_GOOD, d18);
  pyprep_study_record_review (study, "a3", PYPREP_GRADE_GOOD, d18_step);  /* due 20th 15:10 */
  pyprep_study_record_review (study, "a1", PYPREP_GRADE_EASY, d19);   /* due in about 8 days */
  pyprep_study_record_review (study, "b1", PYPREP_GRADE_EASY, d19);
  pyprep_study_set_status (study, "b1", PYPREP_STATUS_NEEDS_REVIEW);
  pyprep_study_set_status (study, "a2", PYPREP_STATUS_NEEDS_REVIEW);
  pyprep_study_set_bookmarked (study, "a5", TRUE);
  pyprep_study_set_bookmarked (study, "b1", TRUE);
  return study;
}

static PyprepPracticeSession *
build (PyprepLibrary       *library,
       PyprepStudy         *study,
       PyprepScope          scope,
       const char          *topic,
       guint                new_per_day)
{
  g_autoptr(GDateTime) now = at (20, 12);

  return pyprep_practice_session_new (library, study, scope, topic, new_per_day, now);
}

/* Due first (most overdue first), then weak, then new in bank order;
 * a question put away by the scheduler is not shown. */
static void
test_order (void)
{
  g_autoptr(PyprepLibrary) library = sample_library ();
  g_autoptr(PyprepStudy) study = sample_study ();
  g_autoptr(PyprepPracticeSession) session = build (library, study, PYPREP_SCOPE_ALL, NULL, 20);
  g_autofree char *ids = order (session);

  g_assert_cmpstr (ids, ==, "b2 a3 a2 b1 a4 a5 b3");
  g_assert_cmpint (pyprep_practice_session_get_kind (session, 0), ==, PYPREP_CARD_DUE);
  g_assert_cmpint (pyprep_practice_session_get_kind (session, 1), ==, PYPREP_CARD_DUE);
  g_assert_cmpint (pyprep_practice_session_get_kind (session, 2), ==, PYPREP_CARD_WEAK);
  g_assert_cmpint (pyprep_practice_session_get_kind (session, 3), ==, PYPREP_CARD_WEAK);
  g_assert_cmpint (pyprep_practice_session_get_kind (session, 4), ==, PYPREP_CARD_NEW);
}

/* The new-per-day limit counts the questions already started today. */
static void
test_new_limit (void)
{
  g_autoptr(PyprepLibrary) library = sample_library ();
  g_autoptr(PyprepStudy) study = sample_study ();
  g_autoptr(GDateTime) morning = at (20, 8);
  g_autoptr(PyprepPracticeSession) two = build (library, study, PYPREP_SCOPE_ALL, NULL, 2);
  g_autoptr(PyprepPracticeSession) none = build (library, study, PYPREP_SCOPE_ALL, NULL, 0);
  g_autoptr(PyprepPracticeSession) later = NULL;
  g_autofree char *two_ids = order (two);
  g_autofree char *none_ids = order (none);
  g_autofree char *later_ids = NULL;

  g_assert_cmpstr (two_ids, ==, "b2 a3 a2 b1 a4 a5");
  g_assert_cmpstr (none_ids, ==, "b2 a3 a2 b1");

  /* One new question started this morning leaves one for the afternoon;
   * the one started is in its learning steps, due again at 8:10, so it
   * is among the due cards, before a3 due at 15:10. */
  pyprep_study_record_review (study, "a4", PYPREP_GRADE_GOOD, morning);
  later = build (library, study, PYPREP_SCOPE_ALL, NULL, 2);
  later_ids = order (later);
  g_assert_cmpstr (later_ids, ==, "b2 a4 a3 a2 b1 a5");
  g_assert_cmpint (pyprep_practice_session_get_kind (later, 1), ==, PYPREP_CARD_DUE);
}

/* The reviews a day: due cards in review beyond the limit (minus those
 * already reviewed today) wait, the least overdue first; cards in their
 * learning steps are not held back; 0 means no limit. */
static void
test_review_limit (void)
{
  g_autoptr(PyprepLibrary) library = sample_library ();
  g_autoptr(PyprepStudy) study = sample_study ();
  g_autoptr(GDateTime) now = at (20, 12);
  g_autoptr(GDateTime) morning = at (20, 8);
  g_autoptr(PyprepPracticeSession) one = NULL;
  g_autoptr(PyprepPracticeSession) none_left = NULL;
  g_autoptr(PyprepPracticeSession) unlimited = NULL;
  g_autofree char *one_ids = NULL;
  g_autofree char *none_left_ids = NULL;
  g_autofree char *unlimited_ids = NULL;

  /* b2 (due the 18th) and a3 (due today) are due in review; a4, started
   * this morning, is due at its learning step. */
  pyprep_study_record_review (study, "a4", PYPREP_GRADE_GOOD, morning);

  one = session_limited (library, study, 20, 1, now);
  one_ids = order (one);
  g_assert_cmpstr (one_ids, ==, "b2 a4 a2 b1 a5 b3");
  g_assert_cmpuint (pyprep_practice_session_get_n_held_back (one), ==, 1);

  /* b2 reviewed this morning uses up a limit of one. */
  pyprep_study_record_review (study, "b2", PYPREP_GRADE_GOOD, morning);
  none_left = session_limited (library, study, 20, 1, now);
  none_left_ids = order (none_left);
  g_assert_cmpstr (none_left_ids, ==, "a4 a2 b1 a5 b3");
  g_assert_cmpuint (pyprep_practice_session_get_n_held_back (none_left), ==, 1);

  unlimited = session_limited (library, study, 20, 0, now);
  unlimited_ids = order (unlimited);
  g_assert_cmpstr (unlimited_ids, ==, "a4 a3 a2 b1 a5 b3");
  g_assert_cmpuint (pyprep_practice_session_get_n_held_back (unlimited), ==, 0);
  g_assert_cmpuint (pyprep_study_count_reviews_today (study, now), ==, 1);
}

/* A card between its learning steps waits for its step: right after a
 * session it is not offered again, ten minutes later it is due. */
static void
test_learning_step_waits (void)
{
  g_autoptr(PyprepLibrary) library = sample_library ();
  g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);
  g_autoptr(GDateTime) noon = at (20, 12);
  g_autoptr(GDateTime) soon = g_date_time_add_minutes (noon, 2);
  g_autoptr(GDateTime) later = g_date_time_add_minutes (noon, 11);
  g_autoptr(PyprepPracticeSession) right_after = NULL;
  g_autoptr(PyprepPracticeSession) after_step = NULL;
  g_autofree char *right_after_ids = NULL;
  g_autofree char *after_step_ids = NULL;

  pyprep_study_record_review (study, "a1", PYPREP_GRADE_GOOD, noon);   /* next step in 10 min */
  pyprep_study_record_review (study, "b1", PYPREP_GRADE_AGAIN, noon);  /* next step in 1 min */
  right_after = pyprep_practice_session_new_full (library, study, PYPREP_SCOPE_DUE, NULL,
                                                  PYPREP_PRACTICE_RECALL, 20, soon);
  right_after_ids = order (right_after);
  g_assert_cmpstr (right_after_ids, ==, "b1");
  after_step = pyprep_practice_session_new_full (library, study, PYPREP_SCOPE_DUE, NULL,
                                                 PYPREP_PRACTICE_RECALL, 20, later);
  after_step_ids = order (after_step);
  g_assert_cmpstr (after_step_ids, ==, "b1 a1");
}

/* New questions come essentials first, junior before senior, taking
 * turns across the topics, and the day's budget takes them in that
 * order. */
static void
test_introduction_order (void)
{
  static const char gamma[] =
    "---\nid: gamma\ntitle: Gamma\norder: 1\n---\n\n"
    "# G deep\nid: g-deep\ndifficulty: senior\n\nAnswer.\n\n"
    "# G core\nid: g-core\ndifficulty: mid\nessential: yes\n\nAnswer.\n\n"
    "# G easy\nid: g-easy\ndifficulty: junior\n\nAnswer.\n\n"
    "# G basic\nid: g-basic\ndifficulty: junior\nessential: yes\n\nAnswer.\n";
  static const char delta[] =
    "---\nid: delta\ntitle: Delta\norder: 2\n---\n\n"
    "# D basic\nid: d-basic\ndifficulty: junior\nessential: yes\n\nAnswer.\n\n"
    "# D basic two\nid: d-basic-two\ndifficulty: junior\nessential: yes\n\nAnswer.\n\n"
    "# D easy\nid: d-easy\ndifficulty: junior\n\nAnswer.\n";
  g_autoptr(PyprepLibrary) library = pyprep_library_new ();
  g_autoptr(GBytes) g = g_bytes_new_static (gamma, strlen (gamma));
  g_autoptr(GBytes) d = g_bytes_new_static (delta, strlen (delta));
  g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);
  g_autoptr(PyprepPracticeSession) all = NULL;
  g_autoptr(PyprepPracticeSession) three = NULL;
  g_autofree char *all_ids = NULL;
  g_autofree char *three_ids = NULL;

  g_assert_true (pyprep_library_load_bytes (library, "gamma.md", g));
  g_assert_true (pyprep_library_load_bytes (library, "delta.md", d));
  g_assert_true (pyprep_question_get_essential (pyprep_library_lookup_question (library, "g-core")));
  g_assert_false (pyprep_question_get_essential (pyprep_library_lookup_question (library, "g-deep")));

  all = build (library, study, PYPREP_SCOPE_ALL, NULL, 20);
  all_ids = order (all);
  g_assert_cmpstr (all_ids, ==, "g-basic d-basic d-basic-two g-core g-easy d-easy g-deep");

  three = build (library, study, PYPREP_SCOPE_ALL, NULL, 3);
  three_ids = order (three);
  g_assert_cmpstr (three_ids, ==, "g-basic d-basic d-basic-two");
}

/* What a candidate saw: the first day's new cards were all from the first
 * topic's deep internals. With the bank as shipped, they are now
 * essentials, junior first, from many topics. */
static void
test_first_day_of_the_bank (void)
{
  g_autoptr(PyprepLibrary) library = pyprep_library_new ();
  g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);
  g_autoptr(PyprepPracticeSession) session = NULL;
  g_autoptr(GHashTable) topics = g_hash_table_new (NULL, NULL);
  guint n;

  pyprep_library_load_resources (library, RESOURCE_PREFIX "/content");
  g_assert_cmpuint (pyprep_library_get_n_questions (library), >, 200);
  session = build (library, study, PYPREP_SCOPE_ALL, NULL, 20);
  n = pyprep_practice_session_get_n_cards (session);
  g_assert_cmpuint (n, ==, 20);

  for (guint i = 0; i < n; i++)
    {
      PyprepQuestion *question = pyprep_practice_session_get_card (session, i);

      g_assert_true (pyprep_question_get_essential (question));
      g_assert_cmpint (pyprep_question_get_difficulty (question), ==, PYPREP_DIFFICULTY_JUNIOR);
      g_hash_table_add (topics, pyprep_question_get_topic (question));
    }
  g_test_message ("the first 20 new cards come from %u topics", g_hash_table_size (topics));
  g_assert_cmpuint (g_hash_table_size (topics), >=, 10);
}

static void
test_scopes (void)
{
  g_autoptr(PyprepLibrary) library = sample_library ();
  g_autoptr(PyprepStudy) study = sample_study ();
  struct {
    PyprepScope scope;
    const char *topic;
    const char *expected;
  } cases[] = {
    { PYPREP_SCOPE_TOPIC, "alpha", "a3 a2 a4 a5" },
    { PYPREP_SCOPE_TOPIC, "beta", "b2 b1 b3" },
    { PYPREP_SCOPE_TOPIC, "no-such-topic", "" },
    { PYPREP_SCOPE_BOOKMARKED, NULL, "b1 a5" },
    { PYPREP_SCOPE_NEEDS_REVIEW, NULL, "a2 b1" },
    { PYPREP_SCOPE_DUE, NULL, "b2 a3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PyprepPracticeSession) session = build (library, study, cases[i].scope, cases[i].topic, 20);
      g_autofree char *ids = order (session);

      g_assert_cmpstr (ids, ==, cases[i].expected);
    }
}

/* The chosen topics and level narrow any list, and a new card left out
 * by them does not use up the day's new cards. */
static void
test_topics_and_level (void)
{
  g_autoptr(PyprepLibrary) library = sample_library ();
  g_autoptr(PyprepStudy) study = sample_study ();
  g_autoptr(GDateTime) now = at (20, 12);
  g_autoptr(GHashTable) beta_only = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) both = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) none = g_hash_table_new (g_str_hash, g_str_equal);
  struct {
    PyprepScope scope;
    GHashTable *topics;
    int level;
    guint new_per_day;
    const char *expected;
  } cases[] = {
    { PYPREP_SCOPE_ALL, NULL, PYPREP_PRACTICE_ANY_LEVEL, 20, "b2 a3 a2 b1 a4 a5 b3" },
    { PYPREP_SCOPE_ALL, beta_only, PYPREP_PRACTICE_ANY_LEVEL, 20, "b2 b1 b3" },
    { PYPREP_SCOPE_ALL, both, PYPREP_PRACTICE_ANY_LEVEL, 20, "b2 a3 a2 b1 a4 a5 b3" },
    { PYPREP_SCOPE_ALL, none, PYPREP_PRACTICE_ANY_LEVEL, 20, "" },
    { PYPREP_SCOPE_ALL, NULL, PYPREP_DIFFICULTY_JUNIOR, 20, "a2 b1" },
    { PYPREP_SCOPE_ALL, NULL, PYPREP_DIFFICULTY_MID, 20, "b2 a3 a4" },
    { PYPREP_SCOPE_ALL, beta_only, PYPREP_DIFFICULTY_SENIOR, 20, "b3" },
    /* One new card a day: the senior one, not a4 (mid), which comes
     * first in the whole bank. */
    { PYPREP_SCOPE_ALL, NULL, PYPREP_DIFFICULTY_SENIOR, 1, "a5" },
    { PYPREP_SCOPE_NEEDS_REVIEW, beta_only, PYPREP_PRACTICE_ANY_LEVEL, 20, "b1" },
    { PYPREP_SCOPE_DUE, NULL, PYPREP_DIFFICULTY_MID, 20, "b2 a3" },
    { PYPREP_SCOPE_BOOKMARKED, NULL, PYPREP_DIFFICULTY_JUNIOR, 20, "b1" },
    /* A topic's list and a set of topics: what both take. */
    { PYPREP_SCOPE_TOPIC, beta_only, PYPREP_PRACTICE_ANY_LEVEL, 20, "b2 b1 b3" },
    { PYPREP_SCOPE_TOPIC, none, PYPREP_PRACTICE_ANY_LEVEL, 20, "" },
  };

  g_hash_table_add (beta_only, (gpointer)"beta");
  g_hash_table_add (both, (gpointer)"alpha");
  g_hash_table_add (both, (gpointer)"beta");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PyprepPracticeSession) session = NULL;
      g_autofree char *ids = NULL;
      PyprepPracticeOptions options;

      pyprep_practice_options_init (&options);
      options.scope = cases[i].scope;
      options.topic_id = cases[i].scope == PYPREP_SCOPE_TOPIC ? "beta" : NULL;
      options.topics = cases[i].topics;
      options.level = cases[i].level;
      options.new_per_day = cases[i].new_per_day;
      session = pyprep_practice_session_new_with_options (library, study, &options, now);
      ids = order (session);
      g_assert_cmpstr (ids, ==, cases[i].expected);
    }
}

/* Grading walks the cards and gathers the summary. */
static void
test_grading_and_summary (void)
{
  g_autoptr(PyprepLibrary) library = sample_library ();
  g_autoptr(PyprepStudy) study = sample_study ();
  g_autoptr(PyprepPracticeSession) session = build (library, study, PYPREP_SCOPE_TOPIC, "beta", 20);
  g_autoptr(GDateTime) now = at (20, 12);
  gint64 intervals[4];
  GPtrArray *weak;

  g_assert_cmpstr (pyprep_question_get_id (pyprep_practice_session_get_current (session)), ==, "b2");
  pyprep_practice_session_preview (session, now, intervals);
  g_assert_cmpint (intervals[0], ==, 10 * 60);
  g_assert_cmpint (intervals[1], <=, intervals[2]);
  g_assert_cmpint (intervals[2], <, intervals[3]);

  pyprep_practice_session_grade (session, PYPREP_GRADE_GOOD, now);   /* b2 */
  pyprep_practice_session_grade (session, PYPREP_GRADE_AGAIN, now);  /* b1 */
  g_assert_false (pyprep_practice_session_is_finished (session));
  pyprep_practice_session_grade (session, PYPREP_GRADE_EASY, now);   /* b3 */
  g_assert_true (pyprep_practice_session_is_finished (session));
  g_assert_null (pyprep_practice_session_get_current (session));

  g_assert_cmpuint (pyprep_practice_session_get_n_graded (session), ==, 3);
  g_assert_cmpuint (pyprep_practice_session_get_n_passed (session), ==, 2);
  weak = pyprep_practice_session_get_weak_topics (session);
  g_assert_cmpuint (weak->len, ==, 1);
  g_assert_cmpstr (weak->pdata[0], ==, "Beta");
  /* The next due is b1, back in ten minutes. */
  g_assert_cmpint (pyprep_practice_session_get_next_due (session), ==, g_date_time_to_unix (now) + 10 * 60);
  g_assert_cmpint (pyprep_study_get_status (study, "b1"), ==, PYPREP_STATUS_NEEDS_REVIEW);
  g_assert_cmpint (pyprep_study_get_status (study, "b3"), ==, PYPREP_STATUS_LEARNING);
}

/* A question with an exercise is two cards, scheduled apart: the session
 * takes recall, exercises or both, and grading an exercise card is
 * recorded under the exercise's own id. */
static void
test_exercise_cards (void)
{
  g_autoptr(PyprepLibrary) library = pyprep_library_new ();
  g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);
  g_autoptr(GDateTime) now = at (20, 12);
  g_autoptr(PyprepPracticeSession) exercises = NULL;
  g_autoptr(PyprepPracticeSession) mixed = NULL;
  g_autoptr(PyprepPracticeSession) again = NULL;
  g_autofree char *exercise_id = NULL;
  PyprepQuestion *first;
  PyprepReviewState review;

  pyprep_library_load_resources (library, RESOURCE_PREFIX "/content");

  exercises = pyprep_practice_session_new_full (library, study, PYPREP_SCOPE_ALL, NULL,
                                                PYPREP_PRACTICE_EXERCISES, 1000, now);
  g_assert_cmpuint (pyprep_practice_session_get_n_cards (exercises), >=, 60);
  for (guint i = 0; i < pyprep_practice_session_get_n_cards (exercises); i++)
    {
      g_assert_true (pyprep_practice_session_is_exercise (exercises, i));
      g_assert_nonnull (pyprep_question_get_exercise (pyprep_practice_session_get_card (exercises, i)));
    }

  /* Mixed: each exercise comes right after its question's recall card. */
  mixed = pyprep_practice_session_new_full (library, study, PYPREP_SCOPE_ALL, NULL,
                                            PYPREP_PRACTICE_MIXED, 1000, now);
  g_assert_cmpuint (pyprep_practice_session_get_n_cards (mixed), ==,
                    pyprep_practice_session_get_n_cards (exercises) + pyprep_library_get_n_questions (library));
  for (guint i = 0; i < pyprep_practice_session_get_n_cards (mixed); i++)
    if (pyprep_practice_session_is_exercise (mixed, i))
      {
        g_assert_cmpuint (i, >, 0);
        g_assert_false (pyprep_practice_session_is_exercise (mixed, i - 1));
        g_assert_true (pyprep_practice_session_get_card (mixed, i) == pyprep_practice_session_get_card (mixed, i - 1));
      }

  /* The budget of new cards is shared. */
  {
    g_autoptr(PyprepPracticeSession) few = pyprep_practice_session_new_full (library, study, PYPREP_SCOPE_ALL, NULL,
                                                                             PYPREP_PRACTICE_MIXED, 5, now);
    g_assert_cmpuint (pyprep_practice_session_get_n_cards (few), ==, 5);
  }

  /* Grading the first exercise card: its own review, not the question's. */
  first = pyprep_practice_session_get_current (exercises);
  pyprep_practice_session_grade (exercises, PYPREP_GRADE_AGAIN, now);
  exercise_id = pyprep_study_exercise_id (pyprep_question_get_id (first));
  g_assert_true (pyprep_study_get_review (study, exercise_id, &review));
  g_assert_false (pyprep_study_get_review (study, pyprep_question_get_id (first), &review));
  g_assert_false (pyprep_study_get_exercise_solved (study, pyprep_question_get_id (first)));
  pyprep_study_record_review (study, exercise_id, PYPREP_GRADE_GOOD, now);
  g_assert_true (pyprep_study_get_exercise_solved (study, pyprep_question_get_id (first)));

  /* Put away until it is due: a session of what is due has nothing yet. */
  again = pyprep_practice_session_new_full (library, study, PYPREP_SCOPE_DUE, NULL, PYPREP_PRACTICE_MIXED, 20, now);
  g_assert_cmpuint (pyprep_practice_session_get_n_cards (again), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/practice-session/order", test_order);
  g_test_add_func ("/pyprep/practice-session/new-limit", test_new_limit);
  g_test_add_func ("/pyprep/practice-session/review-limit", test_review_limit);
  g_test_add_func ("/pyprep/practice-session/learning-step-waits", test_learning_step_waits);
  g_test_add_func ("/pyprep/practice-session/introduction-order", test_introduction_order);
  g_test_add_func ("/pyprep/practice-session/first-day-of-the-bank", test_first_day_of_the_bank);
  g_test_add_func ("/pyprep/practice-session/scopes", test_scopes);
  g_test_add_func ("/pyprep/practice-session/topics-and-level", test_topics_and_level);
  g_test_add_func ("/pyprep/practice-session/grading-and-summary", test_grading_and_summary);
  g_test_add_func ("/pyprep/practice-session/exercise-cards", test_exercise_cards);

  return g_test_run ();
}
