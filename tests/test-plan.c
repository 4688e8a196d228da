/* test-plan.c: the plan toward an interview date, and the practice
 * sessions that follow it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "pyprep-plan.h"
#include "pyprep-practice-session.h"
#include "pyprep-question.h"

/* Two topics; a1, a2, b1 and b2 are essential. */
static const char alpha[] =
  "---\nid: alpha\ntitle: Alpha\norder: 1\n---\n\n"
  "# A one\nid: a1\ndifficulty: junior\nessential: yes\n\nAnswer.\n\n"
  "# A two\nid: a2\ndifficulty: junior\nessential: yes\n\nAnswer.\n\n"
  "# A three\nid: a3\ndifficulty: mid\n\nAnswer.\n\n"
  "# A four\nid: a4\ndifficulty: senior\n\nAnswer.\n";
static const char beta[] =
  "---\nid: beta\ntitle: Beta\norder: 2\n---\n\n"
  "# B one\nid: b1\ndifficulty: junior\nessential: yes\n\nAnswer.\n\n"
  "# B two\nid: b2\ndifficulty: mid\nessential: yes\n\nAnswer.\n\n"
  "# B three\nid: b3\ndifficulty: senior\n\nAnswer.\n";

/* A session of recall cards from the whole bank, following @plan if any. */
static PyprepPracticeSession *
session_planned (PyprepLibrary *library,
                 PyprepStudy   *study,
                 guint          new_per_day,
                 guint          reviews_per_day,
                 PyprepPlan    *plan,
                 GDateTime     *now)
{
  PyprepPracticeOptions options;

  pyprep_practice_options_init (&options);
  options.new_per_day = new_per_day;
  options.reviews_per_day = reviews_per_day;
  options.plan = plan;
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
  return library;
}

static GDateTime *
at (int month,
    int day,
    int hour)
{
  return g_date_time_new_utc (2026, month, day, hour, 0, 0);
}

static void
review (PyprepStudy *study,
        const char  *id,
        PyprepGrade  grade,
        int          month,
        int          day)
{
  g_autoptr(GDateTime) when = at (month, day, 12);
  g_autoptr(GDateTime) step = g_date_time_add_minutes (when, 10);

  pyprep_study_record_review (study, id, grade, when);
  pyprep_study_record_review (study, id, grade, step);
}

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

/* On November 20th at noon, with the interview on the 30th:
 *   a1 was learnt Easy long ago and again since: safe on the day, and
 *     marked "needs review", so ordinary practice would show it;
 *   b1 was learnt on the 18th and would be mostly forgotten by the day;
 *   b2 was learnt on the 10th with Easy: at risk, less so than b1;
 *   a2 is an essential never practised. */
static PyprepStudy *
sample_study (void)
{
  PyprepStudy *study = pyprep_study_new (NULL);

  review (study, "a1", PYPREP_GRADE_EASY, 9, 1);
  review (study, "a1", PYPREP_GRADE_EASY, 10, 1);
  review (study, "a1", PYPREP_GRADE_EASY, 11, 19);
  pyprep_study_set_status (study, "a1", PYPREP_STATUS_NEEDS_REVIEW);
  review (study, "b1", PYPREP_GRADE_GOOD, 11, 18);
  review (study, "b2", PYPREP_GRADE_EASY, 11, 10);
  return study;
}

static void
date (GDate *out,
      int    month,
      int    day)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay)day, (GDateMonth)month, 2026);
}

static void
test_dates (void)
{
  GDate d;
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) now = at (11, 20, 12);

  g_assert_true (pyprep_plan_parse_date ("2026-11-30", &d));
  text = pyprep_plan_format_date (&d);
  g_assert_cmpstr (text, ==, "2026-11-30");
  g_assert_cmpint (pyprep_plan_days_until (&d, now), ==, 10);

  g_assert_false (pyprep_plan_parse_date ("", &d));
  g_assert_false (pyprep_plan_parse_date ("2026-02-30", &d));
  g_assert_false (pyprep_plan_parse_date ("2026-1-05", &d));
  g_assert_false (pyprep_plan_parse_date ("next friday", &d));
  g_assert_false (pyprep_plan_parse_date ("2026-11-30x", &d));
}

/* The budget counts in the user's own pace when the log knows it. */
static void
test_median_seconds (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)pyprep_review_entry_free);
  const int seconds[] = { 10, 40, 1000, 20, -1 };

  g_assert_cmpfloat (pyprep_plan_median_seconds (entries), ==, PYPREP_PLAN_DEFAULT_SECONDS);

  for (guint i = 0; i < G_N_ELEMENTS (seconds); i++)
    {
      PyprepReviewEntry *entry = pyprep_review_entry_new ();

      entry->kind = PYPREP_REVIEW_KIND_RECALL;
      entry->seconds = seconds[i];
      g_ptr_array_add (entries, entry);
    }
  /* 1000 s is someone away from the desk; -1 is unknown. */
  g_assert_cmpfloat (pyprep_plan_median_seconds (entries), ==, 20);
}

static void
remove_files (const char *path)
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

/* The pace is read from the study's own log: the plan of 10 minutes a
 * day at 30 s an answer is 20 cards. */
static void
test_pace_from_log (void)
{
  g_autoptr(PyprepLibrary) library = sample_library ();
  g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);
  g_autoptr(GDateTime) now = at (11, 20, 12);
  g_autoptr(PyprepPlan) plan = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pyprep-plan-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "review-log.sqlite", NULL);
  const struct { const char *id; int seconds; } answers[] = { { "a1", 20 }, { "a2", 45 }, { "b1", 30 } };
  GDate day;

  g_assert_cmpfloat (pyprep_plan_study_seconds (study, now), ==, PYPREP_PLAN_DEFAULT_SECONDS);
  g_assert_true (pyprep_study_open_review_log (study, path));
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autoptr(GDateTime) when = at (11, 19, 10 + (int)i);

      pyprep_study_record_review_full (study, answers[i].id, PYPREP_REVIEW_KIND_RECALL, PYPREP_GRADE_GOOD,
                                       when, answers[i].seconds);
    }
  g_assert_cmpfloat (pyprep_plan_study_seconds (study, now), ==, 30);

  date (&day, 11, 30);
  plan = pyprep_plan_new (library, study, &day, 10, pyprep_plan_study_seconds (study, now), now);
  g_assert_cmpuint (pyprep_plan_get_cards_per_day (plan), ==, 20);

  g_clear_object (&study);
  remove_files (dir);
}

/* Cards that would be forgotten by the day come, the most to gain
 * first; a card safe for the day waits even though ordinary practice
 * would show it. */
static void
test_prefers_cards_at_risk (void)
{
  g_autoptr(PyprepLibrary) library = sample_library ();
  g_autoptr(PyprepStudy) study = sample_study ();
  g_autoptr(GDateTime) now = at (11, 20, 12);
  g_autoptr(PyprepPlan) plan = NULL;
  g_autoptr(PyprepPracticeSession) normal = NULL;
  g_autoptr(PyprepPracticeSession) planned = NULL;
  g_autofree char *normal_ids = NULL;
  g_autofree char *planned_ids = NULL;
  GDate day;

  date (&day, 11, 30);
  plan = pyprep_plan_new (library, study, &day, 30, 60, now);
  g_assert_nonnull (plan);
  g_assert_cmpint (pyprep_plan_get_days_left (plan), ==, 10);
  g_assert_cmpuint (pyprep_plan_get_cards_per_day (plan), ==, 30);

  g_assert_cmpfloat (pyprep_plan_recall_on_day (plan, "a1"), >=, pyprep_plan_get_target (plan));
  g_assert_cmpfloat (pyprep_plan_recall_on_day (plan, "b1"), <, pyprep_plan_get_target (plan));
  g_assert_cmpfloat (pyprep_plan_recall_on_day (plan, "b2"), <, pyprep_plan_get_target (plan));
  g_assert_cmpfloat (pyprep_plan_recall_on_day (plan, "b1"), <, pyprep_plan_recall_on_day (plan, "b2"));
  g_assert_cmpfloat (pyprep_plan_review_gain (plan, "b1"), >, pyprep_plan_review_gain (plan, "b2"));
  g_assert_cmpfloat (pyprep_plan_recall_on_day (plan, "a2"), ==, 0);
  g_assert_cmpuint (pyprep_plan_get_n_at_risk (plan), ==, 2);

  normal = session_planned (library, study, 0, 0, NULL, now);
  normal_ids = order (normal);
  g_assert_nonnull (strstr (normal_ids, "a1"));

  planned = session_planned (library, study, 0, 0, plan, now);
  planned_ids = order (planned);
  /* The essential never practised first (a2, the day's share of one),
   * then b1 before b2; a1 waits. */
  g_assert_cmpstr (planned_ids, ==, "a2 b1 b2");

  /* The plan keeps to the chosen topic and level. */
  {
    g_autoptr(GHashTable) beta_only = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr(PyprepPracticeSession) beta = NULL;
    g_autoptr(PyprepPracticeSession) mid = NULL;
    g_autofree char *beta_ids = NULL;
    g_autofree char *mid_ids = NULL;
    PyprepPracticeOptions options;

    g_hash_table_add (beta_only, (gpointer)"beta");
    pyprep_practice_options_init (&options);
    options.new_per_day = 0;
    options.plan = plan;
    options.topics = beta_only;
    beta = pyprep_practice_session_new_with_options (library, study, &options, now);
    beta_ids = order (beta);
    /* No essential left to start in beta: the day's new card is b3. */
    g_assert_cmpstr (beta_ids, ==, "b1 b2 b3");

    options.topics = NULL;
    options.level = PYPREP_DIFFICULTY_MID;
    mid = pyprep_practice_session_new_with_options (library, study, &options, now);
    mid_ids = order (mid);
    /* b2 at risk, and the day's new card, a3. */
    g_assert_cmpstr (mid_ids, ==, "b2 a3");
  }
}

/* Within a small budget, the card that gains most is the one taken. */
static void
test_budget (void)
{
  g_autoptr(PyprepLibrary) library = sample_library ();
  g_autoptr(PyprepStudy) study = sample_study ();
  g_autoptr(GDateTime) now = at (11, 20, 12);
  g_autoptr(PyprepPlan) plan = NULL;
  g_autoptr(PyprepPracticeSession) planned = NULL;
  g_autofree char *ids = NULL;
  GDate day;

  review (study, "a2", PYPREP_GRADE_GOOD, 11, 1);
  date (&day, 11, 30);
  /* Two minutes at a minute a card: two cards. */
  plan = pyprep_plan_new (library, study, &day, 2, 60, now);
  g_assert_cmpuint (pyprep_plan_get_cards_per_day (plan), ==, 2);
  g_assert_cmpuint (pyprep_plan_get_n_essentials_left (plan), ==, 0);

  planned = session_planned (library, study, 20, 0, plan, now);
  ids = order (planned);
  g_assert_cmpuint (pyprep_practice_session_get_n_cards (planned), ==, 2);
  /* a2, learnt three weeks before and not since, is the most forgotten. */
  g_assert_cmpfloat (pyprep_plan_review_gain (plan, "a2"), >, pyprep_plan_review_gain (plan, "b1"));
  g_assert_cmpfloat (pyprep_plan_review_gain (plan, "b1"), >, pyprep_plan_review_gain (plan, "b2"));
  g_assert_cmpstr (ids, ==, "a2 b1");
  g_assert_cmpuint (pyprep_practice_session_get_n_held_back (planned), ==, 1);
}

/* Practising the plan's sessions every day introduces every essential
 * before the interview. */
static void
test_essentials_fit (void)
{
  g_autoptr(PyprepLibrary) library = sample_library ();
  g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);
  GDate day;

  date (&day, 11, 23);
  for (int d = 20; d < 23; d++)
    {
      g_autoptr(GDateTime) now = at (11, d, 12);
      g_autoptr(PyprepPlan) plan = pyprep_plan_new (library, study, &day, 30, 60, now);
      g_autoptr(PyprepPracticeSession) session = NULL;

      g_assert_nonnull (plan);
      if (d == 20)
        {
          /* Four essentials over three days: two a day, each two cards. */
          g_assert_cmpuint (pyprep_plan_get_n_essentials_left (plan), ==, 4);
          g_assert_cmpuint (pyprep_plan_get_new_per_day (plan), ==, 2);
          g_assert_cmpuint (pyprep_plan_get_reviews_per_day_needed (plan), ==, 4);
          g_assert_true (pyprep_plan_get_on_track (plan));
        }

      session = session_planned (library, study, 0, 0, plan, now);
      while (!pyprep_practice_session_is_finished (session))
        {
          g_assert_true (pyprep_question_get_essential (pyprep_practice_session_get_current (session)));
          pyprep_practice_session_grade (session, PYPREP_GRADE_GOOD, now);
        }
    }

  for (const char *const *id = (const char *const[]){ "a1", "a2", "b1", "b2", NULL }; *id; id++)
    g_assert_true (pyprep_study_get_review (study, *id, &(PyprepReviewState){ 0 }));
}

/* A budget too small says how many minutes the plan needs. */
static void
test_behind (void)
{
  g_autoptr(PyprepLibrary) library = sample_library ();
  g_autoptr(PyprepStudy) study = pyprep_study_new (NULL);
  g_autoptr(GDateTime) now = at (11, 20, 12);
  g_autoptr(PyprepPlan) plan = NULL;
  GDate day;

  date (&day, 11, 22);
  plan = pyprep_plan_new (library, study, &day, 1, 30, now);
  /* Two essentials a day, two cards each, at 30 s: two minutes, not one. */
  g_assert_cmpuint (pyprep_plan_get_cards_per_day (plan), ==, 2);
  g_assert_cmpuint (pyprep_plan_get_reviews_per_day_needed (plan), ==, 4);
  g_assert_false (pyprep_plan_get_on_track (plan));
  g_assert_cmpuint (pyprep_plan_get_minutes_needed (plan), ==, 2);
}

/* The day after the interview there is no plan: practice is as usual. */
static void
test_day_after (void)
{
  g_autoptr(PyprepLibrary) library = sample_library ();
  g_autoptr(PyprepStudy) study = sample_study ();
  g_autoptr(GDateTime) now = at (12, 1, 12);
  g_autoptr(PyprepPlan) plan = NULL;
  g_autoptr(PyprepPracticeSession) normal = NULL;
  g_autoptr(PyprepPracticeSession) planned = NULL;
  g_autofree char *normal_ids = NULL;
  g_autofree char *planned_ids = NULL;
  GDate day;

  date (&day, 11, 30);
  plan = pyprep_plan_new (library, study, &day, 30, 60, now);
  g_assert_null (plan);

  normal = session_planned (library, study, 20, 200, NULL, now);
  planned = session_planned (library, study, 20, 200, plan, now);
  normal_ids = order (normal);
  planned_ids = order (planned);
  g_assert_cmpstr (planned_ids, ==, normal_ids);
  g_assert_cmpuint (pyprep_practice_session_get_n_cards (planned), >, 0);
}

/* Per topic: the practised questions' mean, and the mean over all. */
static void
test_topic_recall (void)
{
  g_autoptr(PyprepLibrary) library = sample_library ();
  g_autoptr(PyprepStudy) study = sample_study ();
  g_autoptr(GDateTime) now = at (11, 20, 12);
  g_autoptr(PyprepPlan) plan = NULL;
  double practised, overall;
  guint n;
  GDate day;

  date (&day, 11, 30);
  plan = pyprep_plan_new (library, study, &day, 30, 60, now);
  pyprep_plan_topic_recall (plan, pyprep_library_lookup_topic (library, "alpha"), &practised, &overall, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpfloat_with_epsilon (practised, pyprep_plan_recall_on_day (plan, "a1"), 1e-9);
  g_assert_cmpfloat_with_epsilon (overall, practised / 4, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/plan/dates", test_dates);
  g_test_add_func ("/pyprep/plan/median-seconds", test_median_seconds);
  g_test_add_func ("/pyprep/plan/pace-from-log", test_pace_from_log);
  g_test_add_func ("/pyprep/plan/prefers-cards-at-risk", test_prefers_cards_at_risk);
  g_test_add_func ("/pyprep/plan/budget", test_budget);
  g_test_add_func ("/pyprep/plan/essentials-fit", test_essentials_fit);
  g_test_add_func ("/pyprep/plan/behind", test_behind);
  g_test_add_func ("/pyprep/plan/day-after", test_day_after);
  g_test_add_func ("/pyprep/plan/topic-recall", test_topic_recall);

  return g_test_run ();
}
