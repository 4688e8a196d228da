/* test-deck.c: the deck format and the library that loads it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "pyprep-deck.h"
#include "pyprep-exercise.h"
#include "pyprep-library.h"
#include "pyprep-question.h"
#include "pyprep-snippet.h"
#include "pyprep-topic.h"

#define HEADER "---\nid: sample\ntitle: Sample\norder: 5\n---\n\n"

static PyprepTopic *
parse (const char  *text,
       GPtrArray  **problems_out,
       GError     **error)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  PyprepTopic *topic = pyprep_deck_parse ("sample.md", text, strlen (text), NULL, problems, error);

  *problems_out = problems;
  return topic;
}

static void
assert_single_problem (GPtrArray  *problems,
                       const char *prefix)
{
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (((GError *)problems->pdata[0])->message, prefix));
}

static PyprepQuestion *
question_at (PyprepTopic *topic,
             guint        position)
{
  PyprepQuestion *question = g_list_model_get_item (pyprep_topic_get_questions (topic), position);

  g_object_unref (question);  /* the topic keeps it alive */
  return question;
}

/* The shipped bank ---------------------------------------------------- */

static void
test_shipped_bank (void)
{
  g_autoptr(PyprepLibrary) library = pyprep_library_new ();
  GListModel *topics;
  guint n_topics;
  guint with_follow_ups = 0;

  pyprep_library_load_resources (library, RESOURCE_PREFIX "/content");

  /* No problem at all: ids are unique and every file parses. */
  for (guint i = 0; i < pyprep_library_get_problems (library)->len; i++)
    g_printerr ("%s\n", ((GError *)pyprep_library_get_problems (library)->pdata[i])->message);
  g_assert_cmpuint (pyprep_library_get_problems (library)->len, ==, 0);

  topics = pyprep_library_get_topics (library);
  n_topics = g_list_model_get_n_items (topics);
  g_assert_cmpuint (n_topics, >=, 1);
  g_assert_cmpuint (pyprep_library_get_n_questions (library), >=, 10);

  for (guint t = 0; t < n_topics; t++)
    {
      g_autoptr(PyprepTopic) topic = g_list_model_get_item (topics, t);
      GListModel *questions = pyprep_topic_get_questions (topic);

      g_assert_cmpuint (g_list_model_get_n_items (questions), >=, 1);
      g_assert_cmpstr (pyprep_topic_get_description (topic), !=, "");

      for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
        {
          g_autoptr(PyprepQuestion) question = g_list_model_get_item (questions, q);
          const char * const *related = pyprep_question_get_related (question);
          const char *body = pyprep_question_get_body (question);

          g_assert_true (pyprep_library_lookup_question (library, pyprep_question_get_id (question)) == question);
          g_assert_cmpuint (strlen (body), >, 200);

          /* A mock interview asks a follow-up as its prompt says. */
          with_follow_ups += pyprep_question_get_n_follow_ups (question) > 0;
          for (guint f = 0; f < pyprep_question_get_n_follow_ups (question); f++)
            {
              const PyprepFollowUp *follow_up = pyprep_question_get_follow_up (question, f);

              g_assert_cmpuint (strlen (follow_up->prompt), >=, 3);
              g_assert_false (g_str_has_prefix (follow_up->prompt, "*") || g_str_has_suffix (follow_up->prompt, "*"));
              g_assert_cmpuint (strlen (follow_up->answer), >=, 2);
            }

          for (guint r = 0; related[r] != NULL; r++)
            {
              if (pyprep_library_lookup_question (library, related[r]) == NULL)
                g_error ("%s:%u: related id “%s” does not resolve",
                         pyprep_question_get_source (question),
                         pyprep_question_get_line (question), related[r]);
            }

          /* Links to other questions in the answer text resolve too. */
          for (const char *p = strstr (body, "](q:"); p != NULL; p = strstr (p + 1, "](q:"))
            {
              const char *end = strchr (p + 4, ')');
              g_autofree char *id = g_strndup (p + 4, end - p - 4);

              if (pyprep_library_lookup_question (library, id) == NULL)
                g_error ("%s: link to unknown question “%s”", pyprep_question_get_id (question), id);
            }
        }
    }

  /* Most answers list follow-ups the way the format says (a third at least). */
  g_assert_cmpuint (with_follow_ups * 3, >=, pyprep_library_get_n_questions (library));
}

/* Every deck in data/content/ is compiled into the app. */
static void
test_every_file_is_shipped (void)
{
  const char *dir_path = g_getenv ("PYPREP_CONTENT_DIR");
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (dir_path);
  dir = g_dir_open (dir_path, 0, NULL);
  g_assert_nonnull (dir);

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = NULL;

      /* Guides (README.md, WRITING.md, AUDIT.md) start with a capital
       * letter; decks are named after their topic, in lower case. */
      if (!g_str_has_suffix (name, ".md") || g_ascii_isupper (name[0]))
        continue;

      path = g_build_path ("/", RESOURCE_PREFIX, "content", name, NULL);
      if (!g_resources_get_info (path, 0, NULL, NULL, NULL))
        g_error ("%s is not listed in data/content/content.gresource.xml", name);
      n_files++;
    }

  g_assert_cmpuint (n_files, >=, 1);
}

/* The format ---------------------------------------------------------- */

static void
test_parse_valid (void)
{
  static const char deck[] =
    HEADER
    "# First question?\n"
    "id: first-question\n"
    "difficulty: mid\n"
    "tags: memory, gc\n"
    "related: second-question\n"
    "\n"
    "## Short answer\n"
    "\n"
    "```python run\n"
    "# a comment, not a heading\n"
    "print(1 + 1)\n"
    "```\n"
    "\n"
    "```output\n"
    "2\n"
    "```\n"
    "\n"
    "```python norun\n"
    "import requests\n"
    "```\n"
    "\n"
    "# Second `question`?\n"
    "id: second-question\n"
    "difficulty: senior\n"
    "\n"
    "Body with `code`.\n";
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepTopic) topic = parse (deck, &problems, &error);
  PyprepQuestion *first, *second;
  GPtrArray *snippets;
  PyprepSnippet *snippet;

  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (pyprep_topic_get_id (topic), ==, "sample");
  g_assert_cmpstr (pyprep_topic_get_title (topic), ==, "Sample");
  g_assert_cmpint (pyprep_topic_get_order (topic), ==, 5);
  g_assert_cmpuint (pyprep_topic_get_n_questions (topic), ==, 2);

  first = question_at (topic, 0);
  g_assert_cmpstr (pyprep_question_get_id (first), ==, "first-question");
  g_assert_cmpstr (pyprep_question_get_title (first), ==, "First question?");
  g_assert_cmpint (pyprep_question_get_difficulty (first), ==, PYPREP_DIFFICULTY_MID);
  g_assert_cmpuint (pyprep_question_get_line (first), ==, 7);
  g_assert_cmpstrv (pyprep_question_get_tags (first), ((const char *[]) { "memory", "gc", NULL }));
  g_assert_cmpstrv (pyprep_question_get_related (first), ((const char *[]) { "second-question", NULL }));
  g_assert_true (g_str_has_prefix (pyprep_question_get_body (first), "## Short answer"));
  g_assert_nonnull (strstr (pyprep_question_get_body (first), "# a comment, not a heading"));

  snippets = pyprep_question_get_snippets (first);
  g_assert_cmpuint (snippets->len, ==, 2);
  snippet = snippets->pdata[0];
  g_assert_cmpint (snippet->mode, ==, PYPREP_SNIPPET_RUN);
  g_assert_cmpstr (snippet->code, ==, "# a comment, not a heading\nprint(1 + 1)\n");
  g_assert_cmpstr (snippet->output, ==, "2\n");
  g_assert_cmpuint (snippet->line, ==, 15);
  snippet = snippets->pdata[1];
  g_assert_cmpint (snippet->mode, ==, PYPREP_SNIPPET_NORUN);
  g_assert_null (snippet->output);

  second = question_at (topic, 1);
  g_assert_cmpstr (pyprep_question_get_title (second), ==, "Second question?");
  g_assert_cmpstr (pyprep_question_get_body (second), ==, "Body with `code`.");
  g_assert_true (pyprep_question_get_topic (second) == topic);
}

/* The follow-ups an interviewer may ask come from the list items of the
 * "Pitfalls and follow-ups" section that start with an emphasised or
 * quoted question. */
static void
test_follow_ups (void)
{
  static const char deck[] =
    HEADER
    "# What is the GIL?\n"
    "id: gil\n"
    "difficulty: mid\n"
    "\n"
    "## Short answer\n"
    "\n"
    "- *Not a follow-up?* Outside the section.\n"
    "\n"
    "## Pitfalls and follow-ups\n"
    "\n"
    "- \"The GIL makes code thread-safe\" is wrong.\n"
    "- *Why not just remove it?* Earlier attempts made single-threaded\n"
    "  code slower.\n"
    "- *\"Is `type` a class?\"* It is a class.\n"
    "- Follow-up: \"what about asyncio?\" It runs on one thread.\n"
    "- Follow-up: *p99 is bad but p50 is fine* — look for lock contention.\n"
    "- *Check, then use* leaves a race.\n"
    "- Follow-up: no question here.\n"
    "- Follow-ups: many, listed.\n"
    "\n"
    "```python norun\n"
    "- *Inside a fence?* Not an item.\n"
    "```\n"
    "\n"
    "## Version notes\n"
    "\n"
    "- *After the section?* Not a follow-up.\n"
    "\n"
    "# Without follow-ups?\n"
    "id: none\n"
    "difficulty: junior\n"
    "\n"
    "## Pitfalls and follow-ups\n"
    "\n"
    "- A plain pitfall.\n";
  static const char * const prompts[] = {
    "Why not just remove it?", "Is type a class?", "What about asyncio?", "p99 is bad but p50 is fine",
  };
  static const char * const answers[] = {
    "Earlier attempts made single-threaded\ncode slower.", "It is a class.", "It runs on one thread.",
    "look for lock contention.",
  };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepTopic) topic = parse (deck, &problems, &error);
  PyprepQuestion *gil;

  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  gil = question_at (topic, 0);
  g_assert_cmpuint (pyprep_question_get_n_follow_ups (gil), ==, G_N_ELEMENTS (prompts));
  for (guint i = 0; i < G_N_ELEMENTS (prompts); i++)
    {
      const PyprepFollowUp *follow_up = pyprep_question_get_follow_up (gil, i);

      g_assert_cmpstr (follow_up->prompt, ==, prompts[i]);
      g_assert_cmpstr (follow_up->answer, ==, answers[i]);
    }
  /* The answer itself is untouched. */
  g_assert_nonnull (strstr (pyprep_question_get_body (gil), "*Why not just remove it?*"));

  g_assert_cmpuint (pyprep_question_get_n_follow_ups (question_at (topic, 1)), ==, 0);
}

static void
test_missing_id (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepTopic) topic = parse (HEADER
                                        "# No id here\n"
                                        "difficulty: junior\n"
                                        "\n"
                                        "Text.\n"
                                        "\n"
                                        "# Fine\n"
                                        "id: fine\n"
                                        "difficulty: junior\n",
                                        &problems, &error);

  g_assert_no_error (error);
  assert_single_problem (problems, "sample.md:7:");
  g_assert_cmpuint (pyprep_topic_get_n_questions (topic), ==, 1);
  g_assert_cmpstr (pyprep_question_get_id (question_at (topic, 0)), ==, "fine");
}

static void
test_duplicate_id (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepTopic) topic = parse (HEADER
                                        "# One\n"
                                        "id: same\n"
                                        "difficulty: junior\n"
                                        "\n"
                                        "# Two\n"
                                        "id: same\n"
                                        "difficulty: junior\n",
                                        &problems, &error);

  g_assert_no_error (error);
  assert_single_problem (problems, "sample.md:11:");
  g_assert_true (g_error_matches (problems->pdata[0], PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_DUPLICATE_ID));
  g_assert_nonnull (strstr (((GError *)problems->pdata[0])->message, "line 7"));
  g_assert_cmpuint (pyprep_topic_get_n_questions (topic), ==, 1);
}

static void
test_broken_metadata (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepTopic) topic = parse (HEADER
                                        "# Broken\n"
                                        "id: broken\n"
                                        "this line has no colon\n"
                                        "difficulty: expert\n"
                                        "essential: maybe\n",
                                        &problems, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_true (g_str_has_prefix (((GError *)problems->pdata[0])->message, "sample.md:9:"));
  g_assert_true (g_str_has_prefix (((GError *)problems->pdata[1])->message, "sample.md:7:"));
  g_assert_nonnull (strstr (((GError *)problems->pdata[1])->message, "expert"));
  g_assert_true (g_str_has_prefix (((GError *)problems->pdata[2])->message, "sample.md:7:"));
  g_assert_nonnull (strstr (((GError *)problems->pdata[2])->message, "maybe"));
  g_assert_cmpuint (pyprep_topic_get_n_questions (topic), ==, 0);
}

static void
test_broken_front_matter (void)
{
  static const struct { const char *text; const char *prefix; } cases[] = {
    { "# Question first\nid: q\n", "sample.md:1:" },
    { "---\nid: x\ntitle: X\n", "sample.md:1:" },
    { "---\nid: x\ntitle: X\norder: soon\n---\n", "sample.md:4:" },
    { "---\nid: Not A Slug\ntitle: X\n---\n", "sample.md:1:" },
    { "---\nid: x\n---\n", "sample.md:1:" },
    { "---\nid: x\ntitle X\n---\n", "sample.md:3:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(PyprepTopic) topic = parse (cases[i].text, &problems, &error);

      g_assert_null (topic);
      g_assert_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_FRONT_MATTER);
      g_assert_true (g_str_has_prefix (error->message, cases[i].prefix));
    }
}

static void
test_unterminated_fence (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepTopic) topic = parse (HEADER
                                        "# Good\n"
                                        "id: good\n"
                                        "difficulty: junior\n"
                                        "\n"
                                        "# Bad\n"
                                        "id: bad\n"
                                        "difficulty: junior\n"
                                        "\n"
                                        "```python run\n"
                                        "print('never closed')\n"
                                        "# Swallowed\n",
                                        &problems, &error);

  g_assert_no_error (error);
  assert_single_problem (problems, "sample.md:15:");
  g_assert_true (g_error_matches (problems->pdata[0], PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_FENCE));
  g_assert_cmpuint (pyprep_topic_get_n_questions (topic), ==, 1);
  g_assert_cmpstr (pyprep_question_get_id (question_at (topic, 0)), ==, "good");
}

static void
test_fence_rules (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepTopic) topic = parse (HEADER
                                        "# Python without a mode\n"
                                        "id: no-mode\n"
                                        "difficulty: junior\n"
                                        "\n"
                                        "```python\n"
                                        "print(1)\n"
                                        "```\n"
                                        "\n"
                                        "# Output after nothing\n"
                                        "id: stray-output\n"
                                        "difficulty: junior\n"
                                        "\n"
                                        "```output\n"
                                        "1\n"
                                        "```\n",
                                        &problems, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_true (g_str_has_prefix (((GError *)problems->pdata[0])->message, "sample.md:11:"));
  g_assert_true (g_str_has_prefix (((GError *)problems->pdata[1])->message, "sample.md:19:"));
  g_assert_cmpuint (pyprep_topic_get_n_questions (topic), ==, 0);
}

/* A python fence may name the versions it is for; a range that cannot be
 * read is a problem with its line, and the question is left out. */
static void
test_python_range (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepTopic) topic = parse (HEADER
                                        "# Newer?\n"
                                        "id: newer\n"
                                        "difficulty: junior\n"
                                        "\n"
                                        "```python run min=3.14\n"
                                        "print(1)\n"
                                        "```\n"
                                        "\n"
                                        "```python run max=3.12\n"
                                        "print(2)\n"
                                        "```\n"
                                        "\n"
                                        "# Unreadable?\n"
                                        "id: unreadable\n"
                                        "difficulty: junior\n"
                                        "\n"
                                        "```python run min=three\n"
                                        "print(1)\n"
                                        "```\n",
                                        &problems, &error);
  GPtrArray *snippets;
  const PyprepSnippet *newer, *older;

  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (((GError *)problems->pdata[0])->message, "sample.md:23:"));
  g_assert_nonnull (strstr (((GError *)problems->pdata[0])->message, "min=three"));
  g_assert_cmpuint (pyprep_topic_get_n_questions (topic), ==, 1);

  snippets = pyprep_question_get_snippets (question_at (topic, 0));
  g_assert_cmpuint (snippets->len, ==, 2);
  newer = snippets->pdata[0];
  older = snippets->pdata[1];
  g_assert_cmpuint (newer->min_python, ==, 314);
  g_assert_false (pyprep_snippet_runs_on (newer, 313));
  g_assert_true (pyprep_snippet_runs_on (newer, 314));
  g_assert_true (pyprep_snippet_runs_on (newer, 315));
  g_assert_true (pyprep_snippet_runs_on (older, 311));
  g_assert_false (pyprep_snippet_runs_on (older, 313));
  g_assert_cmpuint (pyprep_python_version_parse ("3.11.2"), ==, 311);
  g_assert_cmpuint (pyprep_python_version_parse ("3"), ==, 0);
  g_assert_cmpuint (pyprep_python_version_parse ("3.x"), ==, 0);
}

static void
test_empty_file (void)
{
  static const char * const cases[] = { "", "\n\n   \n" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(PyprepTopic) topic = parse (cases[i], &problems, &error);

      g_assert_null (topic);
      g_assert_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_EMPTY);
      g_assert_true (g_str_has_prefix (error->message, "sample.md:1:"));
    }
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepTopic) topic = parse (HEADER "# Caf\xe9\nid: cafe\n", &problems, &error);

  g_assert_null (topic);
  g_assert_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, "sample.md:7:"));
}

/* Random damage to a real deck never crashes the parser. */
static void
test_damaged_input (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PREFIX "/content/internals.md", 0, NULL);
  gsize length;
  const char *original;
  GRand *rand = g_rand_new_with_seed (20261122);

  g_assert_nonnull (bytes);
  original = g_bytes_get_data (bytes, &length);

  for (guint round = 0; round < 300; round++)
    {
      g_autofree char *copy = g_memdup2 (original, length);
      gsize cut = g_rand_int_range (rand, 0, (gint32)length);
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
      g_autoptr(GError) error = NULL;
      g_autoptr(PyprepTopic) topic = NULL;

      for (guint i = 0; i < 8; i++)
        copy[g_rand_int_range (rand, 0, (gint32)length)] = (char)g_rand_int_range (rand, 0, 256);

      topic = pyprep_deck_parse ("damaged.md", copy, cut, NULL, problems, &error);
      g_assert_true ((topic == NULL) != (error == NULL));
      for (guint i = 0; i < problems->len; i++)
        g_assert_true (g_str_has_prefix (((GError *)problems->pdata[i])->message, "damaged.md:"));
    }

  g_rand_free (rand);
}

/* The library --------------------------------------------------------- */

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

static void
test_user_decks (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pyprep-decks-XXXXXX", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(PyprepLibrary) library = pyprep_library_new ();
  g_autofree char *bad_path = g_build_filename (dir, "b-bad.md", NULL);
  g_autofree char *expected = g_strdup_printf ("*%s:1:*", bad_path);
  static const char * const names[] = { "a-good.md", "b-bad.md", "c-clash.md", "notes.txt" };
  GPtrArray *problems;

  write_file (dir, "a-good.md",
              "---\nid: mine\ntitle: Mine\n---\n\n# Mine?\nid: mine-one\ndifficulty: junior\n\nYes.\n");
  write_file (dir, "b-bad.md", "not a deck\n");
  write_file (dir, "c-clash.md",
              "---\nid: clash\ntitle: Clash\n---\n\n# Clash?\nid: mine-one\ndifficulty: junior\n\n"
              "# Other?\nid: other-one\ndifficulty: junior\n");
  write_file (dir, "notes.txt", "ignored");

  g_test_expect_message ("pyprep-library", G_LOG_LEVEL_WARNING, expected);
  g_test_expect_message ("pyprep-library", G_LOG_LEVEL_WARNING, "*c-clash.md:6:*mine-one*a-good.md:6*");
  pyprep_library_load_directory (library, file);
  g_test_assert_expected_messages ();

  problems = pyprep_library_get_problems (library);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (pyprep_library_get_topics (library)), ==, 2);
  g_assert_nonnull (pyprep_library_lookup_question (library, "mine-one"));
  g_assert_nonnull (pyprep_library_lookup_question (library, "other-one"));
  g_assert_cmpstr (pyprep_topic_get_id (pyprep_question_get_topic (
                     pyprep_library_lookup_question (library, "mine-one"))), ==, "mine");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

/* A user deck past the size limit is reported with its file and skipped;
 * the other decks load. */
static void
test_user_deck_too_large (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pyprep-decks-XXXXXX", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(PyprepLibrary) library = pyprep_library_new ();
  g_autofree char *huge = g_build_filename (dir, "huge.md", NULL);
  g_autofree char *good = g_build_filename (dir, "good.md", NULL);
  g_autofree char *expected = g_strdup_printf ("*%s:1: the deck is larger than 4.0*MiB*split it into smaller decks*", huge);
  GPtrArray *problems;
  FILE *f;

  write_file (dir, "good.md",
              "---\nid: mine\ntitle: Mine\n---\n\n# Mine?\nid: mine-one\ndifficulty: junior\n\nYes.\n");
  f = fopen (huge, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, PYPREP_DECK_MAX_BYTES, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('\n', f), ==, '\n');
  fclose (f);

  g_test_expect_message ("pyprep-library", G_LOG_LEVEL_WARNING, expected);
  pyprep_library_load_directory (library, file);
  g_test_assert_expected_messages ();

  problems = pyprep_library_get_problems (library);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_error_matches (problems->pdata[0], PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_TOO_LARGE));
  g_assert_nonnull (pyprep_library_lookup_question (library, "mine-one"));

  g_remove (huge);
  g_remove (good);
  g_rmdir (dir);
}

static void
test_missing_user_dir_is_fine (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/pyprep/decks");
  g_autoptr(PyprepLibrary) library = pyprep_library_new ();

  pyprep_library_load_directory (library, file);
  g_assert_cmpuint (pyprep_library_get_problems (library)->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (pyprep_library_get_topics (library)), ==, 0);
}

static void
test_topic_order (void)
{
  g_autoptr(PyprepLibrary) library = pyprep_library_new ();
  static const char late_text[] = "---\nid: late\ntitle: A late\norder: 50\n---\n";
  static const char early_text[] = "---\nid: early\ntitle: Z early\norder: 10\n---\n";
  g_autoptr(GBytes) late = g_bytes_new_static (late_text, strlen (late_text));
  g_autoptr(GBytes) early = g_bytes_new_static (early_text, strlen (early_text));
  g_autoptr(PyprepTopic) first = NULL;

  g_assert_true (pyprep_library_load_bytes (library, "late.md", late));
  g_assert_true (pyprep_library_load_bytes (library, "early.md", early));
  first = g_list_model_get_item (pyprep_library_get_topics (library), 0);
  g_assert_cmpstr (pyprep_topic_get_id (first), ==, "early");
}

/* The languages to get highlighting ready for are those of the code
 * fences, the most used first; an output fence is not code, and a fence
 * with no language has none to load. */
static void
test_snippet_languages (void)
{
  static const char text[] =
    HEADER
    "# One?\nid: one\ndifficulty: junior\n\n"
    "```python run\nprint(1)\n```\n\n```output\n1\n```\n\n"
    "```bash\nls\n```\n\n```c\nint x;\n```\n\n"
    "# Two?\nid: two\ndifficulty: junior\n\n"
    "```python norun\nimport os\n```\n\n```bash\npwd\n```\n\n"
    "```\nplain\n```\n\n```python norun\nx = 1\n```\n";
  static const char * const expected[] = { "python", "bash", "c", NULL };
  g_autoptr(PyprepLibrary) library = pyprep_library_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_auto(GStrv) languages = NULL;

  g_assert_true (pyprep_library_load_bytes (library, "sample.md", bytes));
  g_assert_cmpuint (pyprep_library_get_problems (library)->len, ==, 0);
  languages = pyprep_library_dup_snippet_languages (library);
  g_assert_cmpstrv (languages, expected);
}

/* Exercises ------------------------------------------------------------ */

#define EXERCISE_QUESTION \
  "# Write add\nid: write-add\ndifficulty: junior\n\n" \
  "## Short answer\nUse +.\n\n"

#define EXERCISE_PARTS \
  "```python starter\ndef add(a, b):\n    ...\n```\n" \
  "```python tests\nfrom solution import add\ndef test_one():\n    assert add(1, 2) == 3\n```\n" \
  "```python hidden-tests\nfrom solution import add\ndef test_neg():\n    assert add(-1, 1) == 0\n```\n" \
  "```python solution\ndef add(a, b):\n    return a + b\n```\n" \
  "```python wrong\ndef add(a, b):\n    return 3\n```\n" \
  "```text hint\nThere is an operator for it.\n```\n"

static void
test_exercise (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepTopic) topic = parse (HEADER EXERCISE_QUESTION EXERCISE_PARTS
                                        "```text hint\n  Try a + b.  \n```\n"
                                        "## Pitfalls and follow-ups\nNone.\n",
                                        &problems, &error);
  PyprepQuestion *question;
  const PyprepExercise *exercise;
  const char *body;

  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  question = question_at (topic, 0);
  exercise = pyprep_question_get_exercise (question);
  g_assert_nonnull (exercise);
  g_assert_cmpstr (exercise->code[PYPREP_EXERCISE_STARTER], ==, "def add(a, b):\n    ...\n");
  g_assert_cmpstr (exercise->code[PYPREP_EXERCISE_SOLUTION], ==, "def add(a, b):\n    return a + b\n");
  g_assert_true (g_str_has_prefix (exercise->code[PYPREP_EXERCISE_HIDDEN_TESTS], "from solution"));
  /* Lines of the opening fences, for errors in the tests' own lines. */
  g_assert_cmpuint (exercise->line[PYPREP_EXERCISE_STARTER], ==, 14);
  g_assert_cmpuint (exercise->line[PYPREP_EXERCISE_TESTS], ==, 18);
  g_assert_cmpuint (exercise->hints->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (exercise->hints, 1), ==, "Try a + b.");
  g_assert_cmpuint (exercise->n_wrong, ==, 1);

  /* The parts are not in the answer, which keeps its text on both sides;
   * none of them is a snippet the answer would show or run. */
  body = pyprep_question_get_body (question);
  g_assert_null (strstr (body, "```"));
  g_assert_null (strstr (body, "hint"));
  g_assert_nonnull (strstr (body, "Use +."));
  g_assert_nonnull (strstr (body, "## Pitfalls and follow-ups\nNone."));
  g_assert_cmpuint (pyprep_question_get_snippets (question)->len, ==, 0);

  /* The built-in bank's exercises all load. */
  {
    g_autoptr(PyprepLibrary) library = pyprep_library_new ();
    PyprepQuestion *lru;

    pyprep_library_load_resources (library, RESOURCE_PREFIX "/content");
    lru = pyprep_library_lookup_question (library, "lru-cache-by-hand");
    g_assert_nonnull (lru);
    g_assert_nonnull (pyprep_question_get_exercise (lru));
  }
}

/* A broken exercise is reported with its line; its question stays, without it. */
static void
test_broken_exercise (void)
{
  const struct {
    const char *text;
    const char *problem;
  } cases[] = {
    { EXERCISE_QUESTION "```python starter\ndef add(a, b):\n    ...\n```\n",
      "sample.md:7: This exercise has no “python tests” fence" },
    { EXERCISE_QUESTION EXERCISE_PARTS "```python starter\npass\n```\n",
      "sample.md:39: An exercise has one “python starter” fence; this is a second one" },
    { EXERCISE_QUESTION EXERCISE_PARTS "```text hint\nb\n```\n```text hint\nc\n```\n```text hint\nd\n```\n",
      "sample.md:45: An exercise has at most three hints" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strconcat (HEADER, cases[i].text, "# Next\nid: next\ndifficulty: mid\n\nText.\n", NULL);
      g_autoptr(PyprepTopic) topic = parse (text, &problems, &error);

      g_assert_no_error (error);
      assert_single_problem (problems, cases[i].problem);
      g_assert_cmpuint (g_list_model_get_n_items (pyprep_topic_get_questions (topic)), ==, 2);
      g_assert_null (pyprep_question_get_exercise (question_at (topic, 0)));
      g_assert_null (strstr (pyprep_question_get_body (question_at (topic, 0)), "```"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/deck/shipped-bank", test_shipped_bank);
  g_test_add_func ("/pyprep/deck/every-file-shipped", test_every_file_is_shipped);
  g_test_add_func ("/pyprep/deck/parse-valid", test_parse_valid);
  g_test_add_func ("/pyprep/deck/follow-ups", test_follow_ups);
  g_test_add_func ("/pyprep/deck/missing-id", test_missing_id);
  g_test_add_func ("/pyprep/deck/duplicate-id", test_duplicate_id);
  g_test_add_func ("/pyprep/deck/broken-metadata", test_broken_metadata);
  g_test_add_func ("/pyprep/deck/broken-front-matter", test_broken_front_matter);
  g_test_add_func ("/pyprep/deck/unterminated-fence", test_unterminated_fence);
  g_test_add_func ("/pyprep/deck/fence-rules", test_fence_rules);
  g_test_add_func ("/pyprep/deck/python-range", test_python_range);
  g_test_add_func ("/pyprep/deck/empty-file", test_empty_file);
  g_test_add_func ("/pyprep/deck/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/pyprep/deck/damaged-input", test_damaged_input);
  g_test_add_func ("/pyprep/deck/user-decks", test_user_decks);
  g_test_add_func ("/pyprep/deck/user-deck-too-large", test_user_deck_too_large);
  g_test_add_func ("/pyprep/deck/missing-user-dir", test_missing_user_dir_is_fine);
  g_test_add_func ("/pyprep/deck/topic-order", test_topic_order);
  g_test_add_func ("/pyprep/deck/snippet-languages", test_snippet_languages);
  g_test_add_func ("/pyprep/deck/exercise", test_exercise);
  g_test_add_func ("/pyprep/deck/broken-exercise", test_broken_exercise);

  return g_test_run ();
}
