/* test-search.c: the search index: matching, ranking, folding, typos;
 * and the searched terms found again in a text: excerpts, highlights.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pyprep-deck.h"
#include "pyprep-library.h"
#include "pyprep-markdown-text.h"
#include "pyprep-question.h"
#include "pyprep-search.h"
#include "pyprep-topic.h"

static const char deck[] =
  "---\nid: t\ntitle: T\n---\n\n"
  "# How does asyncio schedule coroutines?\nid: title-asyncio\ndifficulty: mid\ntags: event-loop\n\n"
  "The loop runs callbacks.\n\n"
  "# What is the event loop?\nid: tag-asyncio\ndifficulty: mid\ntags: asyncio\n\n"
  "It schedules callbacks.\n\n"
  "# Threads or processes?\nid: body-asyncio\ndifficulty: mid\n\n"
  "Sometimes asyncio is the better choice than threads.\n\n"
  "```python run\nimport asyncio\nprint(asyncio.run)\n```\n\n"
  "# Café au lait and Naïve dates\nid: accents\ndifficulty: junior\n\n"
  "Time zones: naive datetimes have no tzinfo.\n\n"
  "# Coroutine internals\nid: prefix-only\ndifficulty: senior\n\n"
  "Frames and the send method.\n\n"
  "# Async and await\nid: word-async\ndifficulty: junior\n\n"
  "Keywords.\n";

static PyprepLibrary *library;

static GArray *
search (PyprepSearchIndex *index,
        const char        *query)
{
  return pyprep_search_index_query (index, query);
}

static const char *
id_at (GArray *hits,
       guint   i)
{
  g_assert_cmpuint (i, <, hits->len);
  return pyprep_question_get_id (g_array_index (hits, PyprepSearchHit, i).question);
}

static PyprepSearchIndex *
sample_index (void)
{
  g_autoptr(PyprepLibrary) lib = pyprep_library_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (deck, strlen (deck));
  g_autoptr(GPtrArray) questions = NULL;

  g_assert_true (pyprep_library_load_bytes (lib, "t.md", bytes));
  questions = pyprep_library_list_questions (lib);
  g_set_object (&library, lib);  /* keeps the questions alive */
  return pyprep_search_index_new (questions);
}

/* Title above tags above answer text. */
static void
test_field_ranking (void)
{
  g_autoptr(PyprepSearchIndex) index = sample_index ();
  g_autoptr(GArray) hits = search (index, "asyncio");

  g_assert_cmpuint (hits->len, ==, 3);
  g_assert_cmpstr (id_at (hits, 0), ==, "title-asyncio");
  g_assert_cmpstr (id_at (hits, 1), ==, "tag-asyncio");
  g_assert_cmpstr (id_at (hits, 2), ==, "body-asyncio");
}

/* Every term must match. */
static void
test_all_terms (void)
{
  g_autoptr(PyprepSearchIndex) index = sample_index ();
  g_autoptr(GArray) both = search (index, "asyncio threads");
  g_autoptr(GArray) none = search (index, "asyncio zebra");

  g_assert_cmpuint (both->len, ==, 1);
  g_assert_cmpstr (id_at (both, 0), ==, "body-asyncio");
  g_assert_cmpuint (none->len, ==, 0);
}

/* A whole word ranks above a prefix, which ranks above a typo; a plural
 * is the word. */
static void
test_match_kinds (void)
{
  g_autoptr(PyprepSearchIndex) index = sample_index ();
  g_autoptr(GArray) prefix = search (index, "corout");
  g_autoptr(GArray) typo = search (index, "asyncoi");
  g_autoptr(GArray) short_typo = search (index, "lopo");
  g_autoptr(GArray) word_vs_prefix = search (index, "async");
  g_autoptr(GArray) plural = search (index, "coroutine");

  g_assert_cmpuint (prefix->len, ==, 2);
  g_assert_cmpuint (typo->len, ==, 3);
  g_assert_cmpstr (id_at (typo, 0), ==, "title-asyncio");
  g_assert_cmpuint (short_typo->len, ==, 0);   /* no typos under five letters */

  /* "async" is a whole word in one title and a prefix in another. */
  g_assert_cmpstr (id_at (word_vs_prefix, 0), ==, "word-async");
  g_assert_cmpstr (id_at (word_vs_prefix, 1), ==, "title-asyncio");
  g_assert_cmpuint (g_array_index (word_vs_prefix, PyprepSearchHit, 0).score, >,
                    g_array_index (word_vs_prefix, PyprepSearchHit, 1).score);
  /* "coroutine" is a whole word in one title and its plural in another:
   * equal, the shorter title, more about coroutines, first. */
  g_assert_cmpuint (plural->len, ==, 2);
  g_assert_cmpuint (g_array_index (plural, PyprepSearchHit, 0).score, ==,
                    g_array_index (plural, PyprepSearchHit, 1).score);
  g_assert_cmpstr (id_at (plural, 0), ==, "prefix-only");
}

/* Case and accents are ignored, both ways. */
static void
test_folding (void)
{
  g_autoptr(PyprepSearchIndex) index = sample_index ();
  g_autoptr(GArray) plain = search (index, "CAFE naive");
  g_autoptr(GArray) accented = search (index, "naïve");
  g_autofree char *folded = pyprep_search_normalize ("Ça Déjà-Vu ÅNGSTRÖM", -1);

  g_assert_cmpuint (plain->len, ==, 1);
  g_assert_cmpstr (id_at (plain, 0), ==, "accents");
  g_assert_cmpuint (accented->len, ==, 1);
  g_assert_cmpstr (folded, ==, "ca deja-vu angstrom");
}

/* Code is searched too, and an empty query finds nothing. */
static void
test_code_and_empty (void)
{
  g_autoptr(PyprepSearchIndex) index = sample_index ();
  g_autoptr(GArray) code = search (index, "print");
  g_autoptr(GArray) empty = search (index, "  ?! ");

  g_assert_cmpuint (code->len, ==, 1);
  g_assert_cmpstr (id_at (code, 0), ==, "body-asyncio");
  g_assert_cmpuint (empty->len, ==, 0);
}

static gboolean
keep_listed_ids (PyprepQuestion *question,
                 gpointer        user_data)
{
  return g_strv_contains (user_data, pyprep_question_get_id (question));
}

/* A scope keeps only its questions, still in ranked order; a scope
 * with nothing in it finds nothing. */
static void
test_scope_filter (void)
{
  g_autoptr(PyprepSearchIndex) index = sample_index ();
  const char *bookmarked[] = { "body-asyncio", "title-asyncio", NULL };
  const char *none[] = { NULL };
  g_autoptr(GArray) all = search (index, "asyncio");
  g_autoptr(GArray) scoped = pyprep_search_index_query_filtered (index, "asyncio", keep_listed_ids,
                                                                 bookmarked);
  g_autoptr(GArray) empty = pyprep_search_index_query_filtered (index, "asyncio", keep_listed_ids,
                                                                none);

  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpuint (scoped->len, ==, 2);
  g_assert_cmpstr (id_at (scoped, 0), ==, "title-asyncio");
  g_assert_cmpstr (id_at (scoped, 1), ==, "body-asyncio");
  g_assert_cmpuint (empty->len, ==, 0);
}

/* On the real bank, the question about the GIL comes first for "gil". */
static void
test_shipped_bank (void)
{
  g_autoptr(PyprepLibrary) bank = pyprep_library_new ();
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(PyprepSearchIndex) index = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autofree char *title = NULL;

  pyprep_library_load_resources (bank, RESOURCE_PREFIX "/content");
  questions = pyprep_library_list_questions (bank);
  index = pyprep_search_index_new (questions);
  g_assert_cmpuint (pyprep_search_index_get_n_words (index), >, 1000);

  hits = search (index, "gil");
  g_assert_cmpuint (hits->len, >, 5);
  title = pyprep_search_normalize (pyprep_question_get_title (g_array_index (hits, PyprepSearchHit, 0).question), -1);
  g_assert_nonnull (strstr (title, "gil"));
}

/* What the user typed becomes the terms excerpts and highlights look for. */
static void
test_split_terms (void)
{
  g_auto(GStrv) terms = pyprep_search_split_terms ("Café, async-IO!  __init__ x2");
  g_auto(GStrv) none = pyprep_search_split_terms (" ?? ");

  g_assert_cmpuint (g_strv_length (terms), ==, 5);
  g_assert_cmpstr (terms[0], ==, "cafe");
  g_assert_cmpstr (terms[1], ==, "async");
  g_assert_cmpstr (terms[2], ==, "io");
  g_assert_cmpstr (terms[3], ==, "__init__");
  g_assert_cmpstr (terms[4], ==, "x2");
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

/* Every match of @terms in @text, as "start-end" offsets. */
static char *
all_matches (const char         *text,
             gssize              length,
             const char * const *terms)
{
  GString *found = g_string_new (NULL);
  gsize from = 0, start, end;

  while (pyprep_search_find_term (text, length, terms, from, &start, &end))
    {
      g_string_append_printf (found, "%s%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT,
                              found->len > 0 ? " " : "", start, end);
      from = end;
    }

  return g_string_free (found, FALSE);
}

static void
assert_matches (const char         *text,
                gssize              length,
                const char * const *terms,
                const char         *expected)
{
  g_autofree char *found = all_matches (text, length, terms);

  g_assert_cmpstr (found, ==, expected);
}

/* A term marks where it begins a word, whatever the case; it may end
 * inside the word. */
static void
test_find_term (void)
{
  const char * const asyncio[] = { "asyncio", NULL };
  const char * const gil[] = { "gil", NULL };
  const char * const async[] = { "async", NULL };
  const char * const naive[] = { "naive", NULL };
  const char * const two[] = { "loop", "", "event", NULL };
  gsize start = 99, end = 99;

  /* Case does not matter. */
  assert_matches ("The AsyncIO loop and ASYNCIO", -1, asyncio, "4-11 21-28");
  /* Only at the start of a word: letters, digits and _ join a word,
   * punctuation and spaces do not. */
  assert_matches ("myasyncio _asyncio 2asyncio x.asyncio (asyncio)", -1, asyncio, "30-37 39-46");
  assert_matches ("gil GIL gilded gilgil", -1, gil, "0-3 4-7 8-11 15-18");
  /* A prefix of a longer word is marked. */
  assert_matches ("asyncio", -1, async, "0-5");
  /* At the very start and the very end of the text. */
  assert_matches ("gil", -1, gil, "0-3");
  assert_matches ("about the gil", -1, gil, "10-13");
  /* @length bounds the text. */
  assert_matches ("asyncio", 5, asyncio, "");
  assert_matches ("asyncio", 5, async, "0-5");
  assert_matches ("an asyncio", 6, async, "");
  /* Offsets are in bytes, past characters of several bytes; a letter
   * with an accent is not the plain letter. */
  assert_matches ("naïve, Naïve or NAIVE naive", -1, naive, "18-23 24-29");
  /* Any of several terms; empty terms are ignored. */
  assert_matches ("event loop", -1, two, "0-5 6-10");
  /* Looking on from inside a word does not start a match there. */
  g_assert_false (pyprep_search_find_term ("xgil", -1, gil, 1, &start, &end));
  g_assert_true (pyprep_search_find_term ("a gil", -1, gil, 2, &start, &end));
  g_assert_cmpuint (start, ==, 2);
  g_assert_cmpuint (end, ==, 5);
  g_assert_false (pyprep_search_find_term ("a gil", -1, NULL, 0, &start, &end));
}

/* The excerpt of a search result: around the first match, the matches
 * in bold, blanks as one space, everything else escaped. */
static void
test_excerpt (void)
{
  const char * const asyncio[] = { "asyncio", NULL };
  const char * const gil[] = { "gil", NULL };
  const char * const amp[] = { "amp", "lt", NULL };
  g_autofree char *at_start = pyprep_search_excerpt ("AsyncIO runs coroutines.", asyncio, 130);
  g_autofree char *at_end = pyprep_search_excerpt ("It schedules asyncio", asyncio, 130);
  g_autofree char *escaped = pyprep_search_excerpt ("Use a < b && c > d with <asyncio>", asyncio, 130);
  g_autofree char *not_markup = pyprep_search_excerpt ("&amp; and &lt; are text", amp, 130);
  g_autofree char *paragraph = pyprep_search_excerpt ("Short answer\nThe GIL is a lock.", gil, 130);
  g_autofree char *cut = pyprep_search_excerpt ("The GIL is a lock held by one thread at a time.", gil, 12);
  g_autofree char *lines = pyprep_search_excerpt ("The asyncio loop\n\ta · b\n    x =  1\n", asyncio, 130);
  g_autofree char *heading = pyprep_search_excerpt ("The GIL counts.\nExplanation\nThe problem.\n“Quoted.”\n"
                                                    "Then one\ntwo\nthree and more\n", gil, 130);
  g_autofree char *no_match = pyprep_search_excerpt ("Q\nIntro.\nShort answer\nIt is *fine*.\n", gil, 130);
  g_autofree char *no_terms = pyprep_search_excerpt ("Plain <text>.", NULL, 130);
  g_autofree char *wide = pyprep_search_excerpt ("ééééééééééééééé", NULL, 10);
  g_autofree char *far = pyprep_search_excerpt ("One two three four five six seven eight nine ten eleven twelve "
                                                "thirteen: the GIL, and more words after it.", gil, 130);

  g_assert_cmpstr (at_start, ==, "<b>AsyncIO</b> runs coroutines.");
  g_assert_cmpstr (at_end, ==, "It schedules <b>asyncio</b>");
  g_assert_cmpstr (escaped, ==, "Use a &lt; b &amp;&amp; c &gt; d with &lt;<b>asyncio</b>&gt;");
  g_assert_cmpstr (not_markup, ==, "&amp;<b>amp</b>; and &amp;<b>lt</b>; are text");
  /* Runs of blanks are one space; a line break, between two blocks,
   * one space after a sentence and " · " otherwise. */
  g_assert_cmpstr (lines, ==, "The <b>asyncio</b> loop · a · b · x = 1");
  /* A heading does not run into its paragraph, nor a list item into the
   * next; a sentence ended, in quotes or not, needs no more. */
  g_assert_cmpstr (heading, ==, "The <b>GIL</b> counts. Explanation · The problem. “Quoted.” Then one · two · three and more");
  /* Without a match it starts at the short answer; the text is plain
   * already, its punctuation is the answer's own. */
  g_assert_cmpstr (no_match, ==, "It is *fine*.");
  g_assert_cmpstr (no_terms, ==, "Plain &lt;text&gt;.");
  /* Not from the heading before the match's paragraph. */
  g_assert_cmpstr (paragraph, ==, "The <b>GIL</b> is a lock.");
  /* The ellipsis says that more follows. */
  g_assert_cmpstr (cut, ==, "The <b>GIL</b> is a…");
  /* The length counts characters, not bytes. */
  g_assert_cmpstr (wide, ==, "éééééééééé…");
  /* A match far in starts the excerpt at a word some way before it. */
  g_assert_cmpstr (far, ==, "nine ten eleven twelve thirteen: the <b>GIL</b>, and more words after it.");
}

/* The shipped bank, indexed as the app does: the answers' text. */
static PyprepSearchIndex *
bank_index (PyprepLibrary **bank)
{
  g_autoptr(GPtrArray) questions = NULL;

  *bank = pyprep_library_new ();
  pyprep_library_load_resources (*bank, RESOURCE_PREFIX "/content");
  questions = pyprep_library_list_questions (*bank);
  return pyprep_search_index_new_full (questions, pyprep_markdown_to_text);
}

/* An answer reads as text: a link is its words, not its target; a
 * table has no rule; code keeps its lines but not its fence's info. */
static void
test_answer_text (void)
{
  g_autofree char *text = pyprep_markdown_to_text ("## Short answer\n\n"
                                                    "Use [property](q:property-decorator), **not** `getX()` &amp; co.\n\n"
                                                    "| kind | cost |\n| --- | --- |\n| list | O(n) |\n\n"
                                                    "```python run\nx = 1\nprint(x)\n```\n\n"
                                                    "- one\n- two\n");

  g_assert_cmpstr (text, ==,
                   "Short answer\n"
                   "Use property, not getX() & co.\n"
                   "kind · cost\nlist · O(n)\n"
                   "x = 1\nprint(x)\n"
                   "one\ntwo\n");
}

/* A plural or a singular is the same word, scored as the word itself;
 * among equal scores, the title most about the word comes first. */
static void
test_plurals_and_titles (void)
{
  g_autoptr(PyprepLibrary) bank = NULL;
  g_autoptr(PyprepSearchIndex) index = bank_index (&bank);
  g_autoptr(GArray) singular = search (index, "decorator");
  g_autoptr(GArray) plural = search (index, "decorators");
  g_autoptr(GArray) classes = search (index, "dataclass");
  g_autoptr(GArray) class = search (index, "dataclasses");
  gboolean found = FALSE;

  /* "How do decorators work internally?" in the top two. */
  g_assert_cmpuint (singular->len, >, 2);
  g_assert_true (g_str_equal (id_at (singular, 0), "decorators-explained")
                 || g_str_equal (id_at (singular, 1), "decorators-explained"));
  g_assert_true (g_str_equal (id_at (plural, 0), "decorators-explained")
                 || g_str_equal (id_at (plural, 1), "decorators-explained"));
  /* Title matches rank first: every title with the word comes before
   * every question that has it elsewhere. */
  for (guint i = 0; i < singular->len; i++)
    {
      g_autofree char *title = pyprep_search_normalize (pyprep_question_get_title (g_array_index (singular, PyprepSearchHit, i).question), -1);
      gboolean in_title = strstr (title, "decorator") != NULL;

      g_assert_false (found && in_title);
      found = !in_title;
    }
  /* The same questions, whichever form is typed. */
  g_assert_cmpuint (classes->len, ==, class->len);
}

/* The headings of @markdown, as their text reads (outside code). */
static GPtrArray *
headings_of (const char *markdown)
{
  GPtrArray *headings = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);
  gboolean in_code = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      while (*line == ' ')
        line++;
      if (g_str_has_prefix (line, "```") || g_str_has_prefix (line, "~~~"))
        in_code = !in_code;
      else if (!in_code && line[0] == '#')
        {
          char *text = pyprep_markdown_to_text (line);

          g_ptr_array_add (headings, g_strstrip (text));
        }
    }
  return headings;
}

/* A heading in @excerpt (Pango markup) is followed by a separator, the
 * end, or an ellipsis: not glued to the next block's first word, nor
 * after a space as if one sentence with it. */
static void
assert_headings_apart (const char *excerpt,
                       GPtrArray  *headings,
                       const char *id)
{
  g_autoptr(GRegex) bold = g_regex_new ("</?b>", 0, 0, NULL);
  g_autofree char *plain = g_regex_replace_literal (bold, excerpt, -1, 0, "", 0, NULL);

  for (guint h = 0; h < headings->len; h++)
    {
      g_autofree char *heading = g_markup_escape_text (headings->pdata[h], -1);
      const char *last = g_utf8_prev_char (heading + strlen (heading));

      /* A heading ending a sentence ("Why?") may be followed by a word. */
      if (*heading == '\0' || strchr (".!?:;", *last) != NULL)
        continue;
      /* Where the heading begins a block: at the start, or after the
       * end of a sentence or a separator. */
      for (const char *at = strstr (plain, heading); at != NULL; at = strstr (at + 1, heading))
        {
          const char *after = at + strlen (heading);
          gboolean block_start = at == plain || (at - plain >= 2 && strncmp (at - 2, ". ", 2) == 0)
                                 || (at - plain >= 4 && strncmp (at - 4, " · ", 4) == 0);

          if (g_unichar_isupper (g_utf8_get_char (after))
              || (block_start && *after == ' ' && g_unichar_isalnum (g_utf8_get_char (after + 1))))
            g_error ("the excerpt of “%s” runs the heading “%s” into the next block: %s", id, heading, plain);
        }
    }
}

/* Every excerpt reads as text: for common words over the whole bank, no
 * excerpt shows a link's target, a table's rule, a fence or emphasis
 * markers, and no heading runs into the block after it. Python's own ** (2 ** 3, **kwargs, {**a, **b}) and ](
 * (first[T](xs)) are text; what is not is ** hugging a word on both
 * sides, as Markdown's bold does, or ]( before a link's target. */
static void
test_excerpts_are_text (void)
{
  static const char * const words[] = { "decorator", "property", "table", "list", "dict", "thread",
                                        "generator", "memory", "class", "test", "async", "gil",
                                        "answer", "explanation", "example", "pitfalls", "notes" };
  g_autoptr(PyprepLibrary) bank = NULL;
  g_autoptr(PyprepSearchIndex) index = bank_index (&bank);
  g_autoptr(GRegex) bold = g_regex_new ("(?<![[:alnum:]])\\*\\*[[:alnum:]`][^*]*[[:alnum:]`]\\*\\*(?![[:alnum:]])",
                                              G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GRegex) target = g_regex_new ("\\]\\((q|https?|mailto):|\\]\\(#", G_REGEX_OPTIMIZE, 0, NULL);
  guint n_excerpts = 0;

  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    {
      g_autoptr(GArray) hits = search (index, words[w]);
      g_auto(GStrv) terms = pyprep_search_split_terms (words[w]);

      g_assert_cmpuint (hits->len, >, 0);
      for (guint i = 0; i < hits->len; i++)
        {
          PyprepQuestion *question = g_array_index (hits, PyprepSearchHit, i).question;
          g_autofree char *excerpt = pyprep_search_excerpt (pyprep_search_index_get_text (index, question),
                                                            (const char * const *)terms, 130);

          if (g_regex_match (target, excerpt, 0, NULL) || strstr (excerpt, "---") || strstr (excerpt, "```")
              || g_regex_match (bold, excerpt, 0, NULL))
            g_error ("the excerpt of “%s” for “%s” shows Markdown: %s",
                     pyprep_question_get_id (question), words[w], excerpt);
          {
            g_autoptr(GPtrArray) headings = headings_of (pyprep_question_get_body (question));

            assert_headings_apart (excerpt, headings, pyprep_question_get_id (question));
          }
          n_excerpts++;
        }
    }
  g_assert_cmpuint (n_excerpts, >, 500);

  /* The link of the issue's screenshot reads as its words. */
  {
    PyprepQuestion *question = NULL;
    g_autoptr(GPtrArray) questions = pyprep_library_list_questions (bank);

    for (guint i = 0; i < questions->len && question == NULL; i++)
      if (strstr (pyprep_question_get_body (questions->pdata[i]), "](q:property-decorator)"))
        question = questions->pdata[i];
    g_assert_nonnull (question);
    g_assert_null (strstr (pyprep_search_index_get_text (index, question), "q:property-decorator"));
  }
}

/* A note's words find its question, ranked above the answers' text;
 * changing or removing the note changes what it finds. */
static void
test_notes (void)
{
  g_autoptr(PyprepSearchIndex) index = sample_index ();
  g_autoptr(GPtrArray) questions = pyprep_library_list_questions (library);
  PyprepQuestion *accents = NULL;
  g_autoptr(GArray) before = search (index, "mnemonic");
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) plural = NULL;
  g_autoptr(GArray) ranked = NULL;
  g_autoptr(GArray) changed = NULL;
  g_autoptr(GArray) old = NULL;
  g_autoptr(GArray) removed = NULL;

  for (guint i = 0; i < questions->len; i++)
    if (g_str_equal (pyprep_question_get_id (questions->pdata[i]), "accents"))
      accents = questions->pdata[i];
  g_assert_nonnull (accents);
  g_assert_cmpuint (before->len, ==, 0);

  pyprep_search_index_set_note (index, accents, "My mnemonic: callbacks share memory");
  found = search (index, "Mnémonic");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (id_at (found, 0), ==, "accents");
  plural = search (index, "mnemonics");
  g_assert_cmpuint (plural->len, ==, 1);
  /* "callbacks" is in two answers and a note: the note first. */
  ranked = search (index, "callbacks");
  g_assert_cmpuint (ranked->len, ==, 3);
  g_assert_cmpstr (id_at (ranked, 0), ==, "accents");

  pyprep_search_index_set_note (index, accents, "Another word entirely");
  changed = search (index, "entirely");
  old = search (index, "mnemonic");
  g_assert_cmpuint (changed->len, ==, 1);
  g_assert_cmpuint (old->len, ==, 0);

  pyprep_search_index_set_note (index, accents, NULL);
  removed = search (index, "entirely");
  g_assert_cmpuint (removed->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/search/field-ranking", test_field_ranking);
  g_test_add_func ("/pyprep/search/all-terms", test_all_terms);
  g_test_add_func ("/pyprep/search/match-kinds", test_match_kinds);
  g_test_add_func ("/pyprep/search/folding", test_folding);
  g_test_add_func ("/pyprep/search/code-and-empty", test_code_and_empty);
  g_test_add_func ("/pyprep/search/scope-filter", test_scope_filter);
  g_test_add_func ("/pyprep/search/shipped-bank", test_shipped_bank);
  g_test_add_func ("/pyprep/search/split-terms", test_split_terms);
  g_test_add_func ("/pyprep/search/find-term", test_find_term);
  g_test_add_func ("/pyprep/search/excerpt", test_excerpt);
  g_test_add_func ("/pyprep/search/answer-text", test_answer_text);
  g_test_add_func ("/pyprep/search/plurals-and-titles", test_plurals_and_titles);
  g_test_add_func ("/pyprep/search/excerpts-are-text", test_excerpts_are_text);
  g_test_add_func ("/pyprep/search/notes", test_notes);

  status = g_test_run ();
  g_clear_object (&library);
  return status;
}
