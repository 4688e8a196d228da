/* test-scope.c: which questions each list (scope) holds: the smart lists,
 * the search scope and practice all ask this one predicate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pyprep-library.h"
#include "pyprep-question.h"
#include "pyprep-scope.h"
#include "pyprep-topic.h"

/* Two topics: q1..q3 in "alpha", q4..q6 in "beta". */
static const char alpha[] =
  "---\nid: alpha\ntitle: Alpha\norder: 1\n---\n\n"
  "# Q one\nid: q1\ndifficulty: junior\n\nAnswer.\n\n"
  "# Q two\nid: q2\ndifficulty: junior\n\nAnswer.\n\n"
  "# Q three\nid: q3\ndifficulty: mid\n\nAnswer.\n";
static const char beta[] =
  "---\nid: beta\ntitle: Beta\norder: 2\n---\n\n"
  "# Q four\nid: q4\ndifficulty: junior\n\nAnswer.\n\n"
  "# Q five\nid: q5\ndifficulty: mid\n\nAnswer.\n\n"
  "# Q six\nid: q6\ndifficulty: senior\n\nAnswer.\n";

static PyprepLibrary *
sample_library (void)
{
  PyprepLibrary *library = pyprep_library_new ();
  g_autoptr(GBytes) a = g_bytes_new_static (alpha, strlen (alpha));
  g_autoptr(GBytes) b = g_bytes_new_static (beta, strlen (beta));

  g_assert_true (pyprep_library_load_bytes (library, "alpha.md", a));
  g_assert_true (pyprep_library_load_bytes (library, "beta.md", b));
  g_assert_cmpuint (pyprep_library_get_n_questions (library), ==, 6);
  return library;
}

/* On the 15th: q2 and q4 need review, q4 and q5 are bookmarked, q6 was
 * read; q3 and q5 were never opened. On the 16th at noon q1 is practised
 * (Good, and Good again at its ten-minute learning step, so due two days
 * later, on the 18th at 12:10 UTC). */
static PyprepStudy *
sample_study (void)
{
  PyprepStudy *study = pyprep_study_new (NULL);
  g_autoptr(GDateTime) d15 = g_date_time_new_utc (2026, 11, 15, 12, 0, 0);
  g_autoptr(GDateTime) d16 = g_date_time_new_utc (2026, 11, 16, 12, 0, 0);
  g_autoptr(GDateTime) d16_step = g_date_time_new_utc (2026, 11, 16, 12, 10, 0);

  pyprep_study_record_review (study, "q1", PYPREP_GRADE_GOOD, d16);
  pyprep_study_record_review (study, "q1", PYPREP_GRADE_GOOD, d16_step);
  pyprep_study_set_status (study, "q2", PYPREP_STATUS_NEEDS_REVIEW);
  pyprep_study_set_status (study, "q4", PYPREP_STATUS_NEEDS_REVIEW);
  pyprep_study_set_bookmarked (study, "q4", TRUE);
  pyprep_study_set_bookmarked (study, "q5", TRUE);
  pyprep_study_mark_opened (study, "q6", d15);
  return study;
}

/* The ids of the questions in @scope, in bank order, joined by spaces. */
static char *
members (PyprepLibrary *library,
         PyprepStudy   *study,
         PyprepScope    scope,
         PyprepTopic   *topic,
         GDateTime     *now)
{
  g_autoptr(GPtrArray) questions = pyprep_library_list_questions (library);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < questions->len; i++)
    if (pyprep_scope_contains (scope, study, topic, questions->pdata[i], now))
      {
        if (ids->len > 0)
          g_string_append_c (ids, ' ');
        g_string_append (ids, pyprep_question_get_id (questions->pdata[i]));
      }

  return g_string_free (ids, FALSE);
}

static void
check (PyprepLibrary *library,
       PyprepStudy   *study,
       PyprepScope    scope,
       PyprepTopic   *topic,
       GDateTime     *now,
       const char    *expected)
{
  g_autofree char *ids = members (library, study, scope, topic, now);

  g_assert_cmpstr (ids, ==, expected);
}

static void
test_study_lists (void)
{
  g_autoptr(PyprepLibrary) library = sample_library ();
  g_autoptr(PyprepStudy) study = sample_study ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 16, 12, 0, 0);

  check (library, study, PYPREP_SCOPE_ALL, NULL, NULL, "q1 q2 q3 q4 q5 q6");
  check (library, study, PYPREP_SCOPE_BOOKMARKED, NULL, NULL, "q4 q5");
  check (library, study, PYPREP_SCOPE_NEEDS_REVIEW, NULL, NULL, "q2 q4");
  check (library, study, PYPREP_SCOPE_NOT_STARTED, NULL, NULL, "q3 q5");

  /* A topic does not narrow the lists that are not about topics. */
  check (library, study, PYPREP_SCOPE_ALL, pyprep_library_lookup_topic (library, "alpha"), NULL,
         "q1 q2 q3 q4 q5 q6");
  check (library, study, PYPREP_SCOPE_BOOKMARKED, pyprep_library_lookup_topic (library, "alpha"), now,
         "q4 q5");

  /* The lists follow the study as it changes. */
  pyprep_study_set_bookmarked (study, "q4", FALSE);
  pyprep_study_set_status (study, "q2", PYPREP_STATUS_CONFIDENT);
  pyprep_study_set_status (study, "q3", PYPREP_STATUS_READ);
  check (library, study, PYPREP_SCOPE_BOOKMARKED, NULL, NULL, "q5");
  check (library, study, PYPREP_SCOPE_NEEDS_REVIEW, NULL, NULL, "q4");
  check (library, study, PYPREP_SCOPE_NOT_STARTED, NULL, NULL, "q5");

  /* A leech: forgotten 8 times after it was first learnt; 7 is not yet. */
  check (library, study, PYPREP_SCOPE_LEECHES, NULL, NULL, "");
  {
    g_autoptr(GDateTime) day = g_date_time_new_utc (2026, 11, 16, 12, 0, 0);

    /* Easy graduates it to review; each Again then is a lapse, and Good
     * after it ends the relearning step. */
    pyprep_study_record_review (study, "q6", PYPREP_GRADE_EASY, day);
    for (guint i = 0; i < 7; i++)
      {
        pyprep_study_record_review (study, "q6", PYPREP_GRADE_AGAIN, day);
        pyprep_study_record_review (study, "q6", PYPREP_GRADE_GOOD, day);
      }
    check (library, study, PYPREP_SCOPE_LEECHES, NULL, NULL, "");
    g_assert_false (pyprep_study_is_leech (study, "q6"));
    pyprep_study_record_review (study, "q6", PYPREP_GRADE_AGAIN, day);
    check (library, study, PYPREP_SCOPE_LEECHES, NULL, NULL, "q6");
    g_assert_true (pyprep_study_is_leech (study, "q6"));
    g_assert_false (pyprep_study_is_leech (study, "q3"));
  }
  g_assert_cmpstr (pyprep_scope_to_nick (PYPREP_SCOPE_LEECHES), ==, "leeches");
}

static void
test_topic (void)
{
  g_autoptr(PyprepLibrary) library = sample_library ();
  g_autoptr(PyprepLibrary) other = sample_library ();
  g_autoptr(PyprepStudy) study = sample_study ();

  check (library, study, PYPREP_SCOPE_TOPIC, pyprep_library_lookup_topic (library, "alpha"), NULL,
         "q1 q2 q3");
  check (library, study, PYPREP_SCOPE_TOPIC, pyprep_library_lookup_topic (library, "beta"), NULL,
         "q4 q5 q6");
  /* No topic: any topic, as a search in "this topic" with none open. */
  check (library, study, PYPREP_SCOPE_TOPIC, NULL, NULL, "q1 q2 q3 q4 q5 q6");
  /* The same topic loaded twice is the same topic: ids decide. */
  check (library, study, PYPREP_SCOPE_TOPIC, pyprep_library_lookup_topic (other, "beta"), NULL,
         "q4 q5 q6");
}

static void
test_due (void)
{
  g_autoptr(PyprepLibrary) library = sample_library ();
  g_autoptr(PyprepStudy) study = sample_study ();
  g_autoptr(GDateTime) before = g_date_time_new_utc (2026, 11, 17, 23, 0, 0);
  g_autoptr(GDateTime) morning = g_date_time_new_utc (2026, 11, 18, 3, 0, 0);
  g_autoptr(GDateTime) after = g_date_time_new_utc (2026, 11, 20, 9, 0, 0);
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("-05:00");
  g_autoptr(GDateTime) evening_before = g_date_time_to_timezone (morning, new_york);

  check (library, study, PYPREP_SCOPE_DUE, NULL, before, "");
  /* Due at noon: in the morning it already counts as due today. */
  check (library, study, PYPREP_SCOPE_DUE, NULL, morning, "q1");
  check (library, study, PYPREP_SCOPE_DUE, NULL, after, "q1");
  /* The same instant is still the day before at UTC-5. */
  check (library, study, PYPREP_SCOPE_DUE, NULL, evening_before, "");
  /* Questions never practised are never due, whatever their status. */
  pyprep_study_set_status (study, "q2", PYPREP_STATUS_NEEDS_REVIEW);
  check (library, study, PYPREP_SCOPE_DUE, NULL, after, "q1");
  /* Practising it again puts it away. */
  pyprep_study_record_review (study, "q1", PYPREP_GRADE_EASY, after);
  check (library, study, PYPREP_SCOPE_DUE, NULL, after, "");
}

static void
test_nicks (void)
{
  static const struct {
    PyprepScope  scope;
    const char  *nick;
  } names[] = {
    { PYPREP_SCOPE_ALL, "all" },
    { PYPREP_SCOPE_TOPIC, "topic" },
    { PYPREP_SCOPE_BOOKMARKED, "bookmarked" },
    { PYPREP_SCOPE_NEEDS_REVIEW, "needs-review" },
    { PYPREP_SCOPE_NOT_STARTED, "not-started" },
    { PYPREP_SCOPE_DUE, "due" },
  };
  g_autoptr(GParamSpec) pspec = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  PyprepScope scope;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (pyprep_scope_to_nick (names[i].scope), ==, names[i].nick);
      g_assert_true (pyprep_scope_from_nick (names[i].nick, &scope));
      g_assert_cmpint (scope, ==, names[i].scope);
    }

  scope = PYPREP_SCOPE_DUE;
  g_assert_false (pyprep_scope_from_nick ("weak", &scope));
  g_assert_false (pyprep_scope_from_nick (NULL, &scope));
  g_assert_false (pyprep_scope_from_nick ("", &scope));
  g_assert_cmpint (scope, ==, PYPREP_SCOPE_DUE);

  /* A property can carry it. */
  g_assert_true (G_TYPE_IS_ENUM (PYPREP_TYPE_SCOPE));
  pspec = g_param_spec_ref_sink (g_param_spec_enum ("scope", NULL, NULL, PYPREP_TYPE_SCOPE,
                                                    PYPREP_SCOPE_ALL, G_PARAM_READWRITE));
  g_value_init (&value, PYPREP_TYPE_SCOPE);
  g_value_set_enum (&value, PYPREP_SCOPE_NOT_STARTED);
  g_assert_false (g_param_value_validate (pspec, &value));
  g_assert_cmpint (g_value_get_enum (&value), ==, PYPREP_SCOPE_NOT_STARTED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/scope/study-lists", test_study_lists);
  g_test_add_func ("/pyprep/scope/topic", test_topic);
  g_test_add_func ("/pyprep/scope/due", test_due);
  g_test_add_func ("/pyprep/scope/nicks", test_nicks);

  return g_test_run ();
}
