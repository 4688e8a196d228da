/* pyprep-search.c: an inverted index over question titles, tags and
 * answers (their text as read, and code), built when the decks load, and
 * the user's notes, which change as they are written.
 *
 * Words are case-folded and stripped of accents. A query matches a
 * question when every one of its terms matches a word of the question, as
 * the whole word or its plural or singular, as a prefix, or, for terms of
 * five letters or more, within one edit (a typo). Each term scores by
 * where it matched (title above tags above note above answer) and then by
 * how (whole word above prefix above typo); a question's score is the sum
 * over the terms. Between equal scores, the question whose title is most
 * made of the searched words comes first: "decorator" puts "How do
 * decorators work internally?" before "How do you write a decorator class
 * that takes parameters?".
 *
 * The second part finds the searched terms again in a text: for the
 * excerpt of a search result and for the highlights in an opened answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-search"

#include "config.h"

#include <string.h>

#include "pyprep-question.h"
#include "pyprep-search.h"

typedef enum {
  FIELD_BODY,
  FIELD_NOTE,  /* never in a posting: notes are matched word by word */
  FIELD_TAGS,
  FIELD_TITLE,
  N_FIELDS
} Field;

typedef enum {
  MATCH_TYPO,
  MATCH_PREFIX,
  MATCH_WORD,
} Match;

#define TYPO_MIN_LENGTH 5

/* One word of the vocabulary and, per question that has it, the best
 * field it appears in. */
typedef struct
{
  char   *word;
  gsize   length;    /* in bytes */
  GArray *postings;  /* guint32: question index << 2 | field */
} Entry;

struct _PyprepSearchIndex
{
  GPtrArray  *questions;   /* PyprepQuestion, unowned */
  GHashTable *positions;   /* PyprepQuestion -> its index + 1 */
  GPtrArray  *texts;       /* the answers as indexed, by question */
  GHashTable *words;       /* word -> Entry */
  GHashTable *stems;       /* stem -> GPtrArray of Entry */
  GPtrArray  *vocabulary;  /* Entry, sorted by word, for prefixes */
  GHashTable *notes;       /* question index + 1 -> GStrv of its note's words */
};

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->word);
  g_array_unref (entry->postings);
  g_free (entry);
}

static gboolean
ends_with (const char *word,
           gsize       length,
           const char *suffix)
{
  gsize n = strlen (suffix);

  /* Not the whole word: "is" and "us" keep their "s". */
  return length > n + 1 && strncmp (word + length - n, suffix, n) == 0;
}

/* The length of @word (normalized, of @length bytes) without a plural
 * ending, and in @y whether "y" replaces the ending: "decorators" and
 * "decorator", "classes" and "class", "dictionaries" and "dictionary"
 * have one stem. Light on purpose: both sides of a match go through it. */
static gsize
stem_length (const char *word,
             gsize       length,
             gboolean   *y)
{
  *y = FALSE;

  if (length > 4 && ends_with (word, length, "ies"))
    {
      *y = TRUE;
      return length - 3;
    }
  if (ends_with (word, length, "sses") || ends_with (word, length, "xes")
      || ends_with (word, length, "ches") || ends_with (word, length, "shes"))
    return length - 2;
  if (length > 3 && word[length - 1] == 's' && !ends_with (word, length, "ss")
      && !ends_with (word, length, "us") && !ends_with (word, length, "is"))
    return length - 1;

  return length;
}

/* Returns: (transfer full): the stem of @word, of @length bytes */
static char *
stem_of (const char *word,
         gsize       length)
{
  gboolean y;
  gsize n = stem_length (word, length, &y);
  char *stem = g_malloc (n + 2);

  memcpy (stem, word, n);
  if (y)
    stem[n++] = 'y';
  stem[n] = '\0';
  return stem;
}

/**
 * pyprep_search_normalize:
 *
 * Case-folds @text and removes accents, so that "Café" and "cafe" match.
 */
char *
pyprep_search_normalize (const char *text,
                         gssize      length)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;
  gsize n = length < 0 ? strlen (text) : (gsize)length;
  gboolean ascii = TRUE;

  /* Most of the bank is ASCII, where folding is lowering. */
  for (gsize i = 0; i < n && ascii; i++)
    ascii = (guchar)text[i] < 0x80;
  if (ascii)
    return g_ascii_strdown (text, n);

  folded = g_utf8_casefold (text, n);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);

  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static inline gboolean
is_word_char (const char *p)
{
  guchar byte = (guchar)*p;

  if (byte < 0x80)
    return g_ascii_isalnum (byte) || byte == '_';

  return g_unichar_isalnum (g_utf8_get_char (p));
}

/* Calls @func for each word of normalized @text. */
static void
foreach_word (const char *text,
              void      (*func) (const char *word, gsize length, gpointer data),
              gpointer    data)
{
  const char *p = text;

  while (*p)
    {
      const char *start;

      while (*p && !is_word_char (p))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && is_word_char (p))
        p = g_utf8_next_char (p);
      if (p > start)
        func (start, p - start, data);
    }
}

typedef struct
{
  PyprepSearchIndex *index;
  guint32            question;
  Field              field;
} AddContext;

static void
add_word (const char *word,
          gsize       length,
          gpointer    data)
{
  AddContext *context = data;
  char buffer[64];
  g_autofree char *long_key = NULL;
  char *key = buffer;
  Entry *entry;
  guint32 posting = context->question << 2 | context->field;

  /* Most words fit the buffer; look them up without allocating. */
  if (length < sizeof buffer)
    {
      memcpy (buffer, word, length);
      buffer[length] = '\0';
    }
  else
    key = long_key = g_strndup (word, length);

  entry = g_hash_table_lookup (context->index->words, key);
  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      entry->word = g_strdup (key);
      entry->length = length;
      entry->postings = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_hash_table_insert (context->index->words, entry->word, entry);
    }

  /* Questions are added in order, so only the last posting can be ours;
   * keep the best field. */
  if (entry->postings->len > 0)
    {
      guint32 *last = &g_array_index (entry->postings, guint32, entry->postings->len - 1);

      if (*last >> 2 == context->question)
        {
          if ((*last & 3) < (guint32)context->field)
            *last = posting;
          return;
        }
    }

  g_array_append_val (entry->postings, posting);
}

static void
add_text (AddContext *context,
          Field       field,
          const char *text)
{
  g_autofree char *normalized = pyprep_search_normalize (text, -1);

  context->field = field;
  foreach_word (normalized, add_word, context);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  return strcmp ((*(Entry * const *)a)->word, (*(Entry * const *)b)->word);
}

static void
add_stem (PyprepSearchIndex *self,
          Entry             *entry)
{
  g_autofree char *stem = stem_of (entry->word, entry->length);
  GPtrArray *entries = g_hash_table_lookup (self->stems, stem);

  if (entries == NULL)
    {
      entries = g_ptr_array_new ();
      g_hash_table_insert (self->stems, g_steal_pointer (&stem), entries);
    }
  g_ptr_array_add (entries, entry);
}

/**
 * pyprep_search_index_new_full:
 * @questions: (element-type PyprepQuestion): the questions, in display order
 * @answer_text: (nullable): turns an answer's Markdown into the text that
 *   is indexed and that excerpts are cut from; %NULL indexes the Markdown
 *
 * Returns: (transfer full): the index, without notes
 */
PyprepSearchIndex *
pyprep_search_index_new_full (GPtrArray            *questions,
                              PyprepSearchTextFunc  answer_text)
{
  PyprepSearchIndex *self = g_new0 (PyprepSearchIndex, 1);
  GHashTableIter iter;
  gpointer value;

  self->questions = g_ptr_array_ref (questions);
  self->positions = g_hash_table_new (NULL, NULL);
  self->texts = g_ptr_array_new_full (questions->len, g_free);
  self->words = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, entry_free);
  self->stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
  self->notes = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_strfreev);

  /* Fields in rising order, so the best one wins per question. */
  for (guint i = 0; i < questions->len; i++)
    {
      PyprepQuestion *question = questions->pdata[i];
      g_autofree char *tags = g_strjoinv (" ", (char **)pyprep_question_get_tags (question));
      const char *body = pyprep_question_get_body (question);
      AddContext context = { self, i, FIELD_BODY };

      g_ptr_array_add (self->texts, answer_text ? answer_text (body) : g_strdup (body));
      g_hash_table_insert (self->positions, question, GUINT_TO_POINTER (i + 1));
      add_text (&context, FIELD_BODY, self->texts->pdata[i]);
      add_text (&context, FIELD_TAGS, tags);
      add_text (&context, FIELD_TITLE, pyprep_question_get_title (question));
    }

  self->vocabulary = g_ptr_array_sized_new (g_hash_table_size (self->words));
  g_hash_table_iter_init (&iter, self->words);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_ptr_array_add (self->vocabulary, value);
      add_stem (self, value);
    }
  g_ptr_array_sort (self->vocabulary, compare_entries);

  return self;
}

/**
 * pyprep_search_index_new:
 * @questions: (element-type PyprepQuestion): the questions, in display order
 *
 * Like pyprep_search_index_new_full(), indexing the answers' Markdown.
 *
 * Returns: (transfer full): the index
 */
PyprepSearchIndex *
pyprep_search_index_new (GPtrArray *questions)
{
  return pyprep_search_index_new_full (questions, NULL);
}

void
pyprep_search_index_free (PyprepSearchIndex *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->vocabulary);
  g_hash_table_unref (self->stems);
  g_hash_table_unref (self->words);
  g_hash_table_unref (self->notes);
  g_ptr_array_unref (self->texts);
  g_hash_table_unref (self->positions);
  g_ptr_array_unref (self->questions);
  g_free (self);
}

static void
add_note_word (const char *word,
               gsize       length,
               gpointer    data)
{
  g_ptr_array_add (data, g_strndup (word, length));
}

/**
 * pyprep_search_index_set_note:
 * @note: (nullable): the user's note on @question, or %NULL for none
 *
 * Makes the words of @note find @question, in place of the note it had.
 * A question the index does not hold is ignored.
 */
void
pyprep_search_index_set_note (PyprepSearchIndex *self,
                              PyprepQuestion    *question,
                              const char        *note)
{
  gpointer position;
  g_autofree char *normalized = NULL;
  GPtrArray *words;

  g_return_if_fail (self != NULL);

  position = g_hash_table_lookup (self->positions, question);
  if (position == NULL)
    return;
  if (note == NULL || *note == '\0')
    {
      g_hash_table_remove (self->notes, position);
      return;
    }

  normalized = pyprep_search_normalize (note, -1);
  words = g_ptr_array_new ();
  foreach_word (normalized, add_note_word, words);
  g_ptr_array_add (words, NULL);
  g_hash_table_replace (self->notes, position, g_ptr_array_free (words, FALSE));
}

/**
 * pyprep_search_index_get_text:
 *
 * Returns: (nullable): @question's answer as indexed (the text as read,
 *   with pyprep_search_index_new_full()), for its excerpt; %NULL for a
 *   question the index does not hold
 */
const char *
pyprep_search_index_get_text (PyprepSearchIndex *self,
                              PyprepQuestion    *question)
{
  guint position;

  g_return_val_if_fail (self != NULL, NULL);

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, question));
  return position > 0 ? self->texts->pdata[position - 1] : NULL;
}

guint
pyprep_search_index_get_n_words (PyprepSearchIndex *self)
{
  return self->vocabulary->len;
}

/* Whether @a and @b (byte strings; words are mostly ASCII) are within one
 * insertion, deletion, substitution or swap of neighbours. */
static gboolean
within_one_edit (const char *a,
                 gsize       la,
                 const char *b,
                 gsize       lb)
{
  gsize i = 0;

  if (la > lb + 1 || lb > la + 1)
    return FALSE;

  while (i < la && i < lb && a[i] == b[i])
    i++;
  if (i == la && i == lb)
    return TRUE;

  if (la == lb)
    {
      /* substitution, or a swap of neighbours */
      if (strncmp (a + i + 1, b + i + 1, la - i - 1) == 0)
        return TRUE;
      return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i]
             && strncmp (a + i + 2, b + i + 2, la - i - 2) == 0;
    }

  if (la > lb)
    return strncmp (a + i + 1, b + i, lb - i) == 0;
  return strncmp (a + i, b + i + 1, la - i) == 0;
}

static guint
score_of (Field field,
          Match match)
{
  return field * 3 + match + 1;
}

/* Adds each question @entry names to @best, keeping the best score. */
static void
collect (GHashTable *best,
         Entry      *entry,
         Match       match)
{
  for (guint i = 0; i < entry->postings->len; i++)
    {
      guint32 posting = g_array_index (entry->postings, guint32, i);
      guint question = posting >> 2;
      guint score = score_of (posting & 3, match);
      guint current = GPOINTER_TO_UINT (g_hash_table_lookup (best, GUINT_TO_POINTER (question + 1)));

      if (score > current)
        g_hash_table_insert (best, GUINT_TO_POINTER (question + 1), GUINT_TO_POINTER (score));
    }
}

/* How @word matches @term (of @length bytes, stem @stem), if at all. */
static gboolean
match_word (const char *word,
            const char *term,
            gsize       length,
            const char *stem,
            glong       chars,
            Match      *match)
{
  gsize word_length = strlen (word);
  g_autofree char *word_stem = NULL;

  if (g_str_equal (word, term))
    *match = MATCH_WORD;
  else if (strcmp (word_stem = stem_of (word, word_length), stem) == 0)
    *match = MATCH_WORD;
  else if (strncmp (word, term, length) == 0)
    *match = MATCH_PREFIX;
  else if (chars >= TYPO_MIN_LENGTH && within_one_edit (word, word_length, term, length))
    *match = MATCH_TYPO;
  else
    return FALSE;

  return TRUE;
}

/* Adds the questions whose note @term matches to @best. */
static void
collect_notes (PyprepSearchIndex *self,
               GHashTable        *best,
               const char        *term,
               gsize              length,
               const char        *stem,
               glong              chars)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->notes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint score = 0;

      for (char **word = value; *word != NULL; word++)
        {
          Match match;

          if (match_word (*word, term, length, stem, chars, &match))
            score = MAX (score, score_of (FIELD_NOTE, match));
        }

      if (score > GPOINTER_TO_UINT (g_hash_table_lookup (best, key)))
        g_hash_table_insert (best, key, GUINT_TO_POINTER (score));
    }
}

/* Scores every question that @term matches. */
static GHashTable *
match_term (PyprepSearchIndex *self,
            const char        *term,
            gsize              length)
{
  GHashTable *best = g_hash_table_new (NULL, NULL);
  g_autofree char *key = g_strndup (term, length);
  g_autofree char *stem = stem_of (key, length);
  Entry *exact = g_hash_table_lookup (self->words, key);
  GPtrArray *same_stem = g_hash_table_lookup (self->stems, stem);
  guint low = 0, high = self->vocabulary->len;
  glong chars = g_utf8_strlen (key, -1);

  if (exact != NULL)
    collect (best, exact, MATCH_WORD);
  /* A plural or a singular is the same word. */
  for (guint i = 0; same_stem != NULL && i < same_stem->len; i++)
    if (same_stem->pdata[i] != exact)
      collect (best, same_stem->pdata[i], MATCH_WORD);

  /* Prefixes: the vocabulary is sorted, so they form one run. */
  while (low < high)
    {
      guint mid = (low + high) / 2;

      if (strcmp (((Entry *)self->vocabulary->pdata[mid])->word, key) < 0)
        low = mid + 1;
      else
        high = mid;
    }
  for (guint i = low; i < self->vocabulary->len; i++)
    {
      Entry *entry = self->vocabulary->pdata[i];

      if (strncmp (entry->word, key, length) != 0)
        break;
      if (entry != exact)
        collect (best, entry, MATCH_PREFIX);
    }

  if (chars >= TYPO_MIN_LENGTH)
    for (guint i = 0; i < self->vocabulary->len; i++)
      {
        Entry *entry = self->vocabulary->pdata[i];

        if (entry != exact && within_one_edit (entry->word, entry->length, key, length))
          collect (best, entry, MATCH_TYPO);
      }

  collect_notes (self, best, key, length, stem, chars);
  return best;
}

static void
add_term (const char *word,
          gsize       length,
          gpointer    data)
{
  GPtrArray *terms = data;

  g_ptr_array_add (terms, g_strndup (word, length));
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const PyprepSearchHit *x = a;
  const PyprepSearchHit *y = b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  if (x->title_share != y->title_share)
    return x->title_share > y->title_share ? -1 : 1;
  return (x->position > y->position) - (x->position < y->position);
}

typedef struct
{
  GPtrArray *terms;
  GPtrArray *stems;
  guint      n_words;
  guint      n_matched;
} TitleShare;

static void
count_title_word (const char *word,
                  gsize       length,
                  gpointer    data)
{
  TitleShare *share = data;
  g_autofree char *copy = g_strndup (word, length);

  share->n_words++;
  for (guint t = 0; t < share->terms->len; t++)
    {
      const char *term = share->terms->pdata[t];
      Match match;

      /* Typos aside: a title is not "about" a word it only resembles. */
      if (match_word (copy, term, strlen (term), share->stems->pdata[t], 0, &match))
        {
          share->n_matched++;
          return;
        }
    }
}

/* How much of @question's title the terms make up, in thousandths. */
static guint
title_share (PyprepQuestion *question,
             GPtrArray      *terms,
             GPtrArray      *stems)
{
  g_autofree char *title = pyprep_search_normalize (pyprep_question_get_title (question), -1);
  TitleShare share = { terms, stems, 0, 0 };

  foreach_word (title, count_title_word, &share);
  return share.n_words > 0 ? share.n_matched * 1000 / share.n_words : 0;
}

/**
 * pyprep_search_index_query:
 *
 * Returns: (transfer full) (element-type PyprepSearchHit): the questions
 *   matching every term of @query, best first, ties in display order
 */
GArray *
pyprep_search_index_query (PyprepSearchIndex *self,
                           const char        *query)
{
  return pyprep_search_index_query_filtered (self, query, NULL, NULL);
}

/**
 * pyprep_search_index_query_filtered:
 * @filter: (nullable): keeps a question in the results when it returns
 *   %TRUE; the scope of the search (bookmarked, needs review, one topic)
 *
 * Like pyprep_search_index_query(), but only with the questions @filter
 * keeps. The filter runs on the matches only, not on the whole bank.
 *
 * Returns: (transfer full) (element-type PyprepSearchHit): the matches
 *   in scope, best first
 */
GArray *
pyprep_search_index_query_filtered (PyprepSearchIndex  *self,
                                    const char         *query,
                                    PyprepSearchFilter  filter,
                                    gpointer            user_data)
{
  g_autofree char *normalized = pyprep_search_normalize (query, -1);
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) stems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) total = NULL;
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (PyprepSearchHit));
  GHashTableIter iter;
  gpointer key, value;

  foreach_word (normalized, add_term, terms);
  if (terms->len == 0)
    return hits;
  for (guint t = 0; t < terms->len; t++)
    g_ptr_array_add (stems, stem_of (terms->pdata[t], strlen (terms->pdata[t])));

  for (guint t = 0; t < terms->len; t++)
    {
      g_autoptr(GHashTable) scores = match_term (self, terms->pdata[t], strlen (terms->pdata[t]));

      if (total == NULL)
        {
          total = g_steal_pointer (&scores);
          continue;
        }

      /* Keep only the questions that every term matched. */
      g_hash_table_iter_init (&iter, total);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          guint score = GPOINTER_TO_UINT (g_hash_table_lookup (scores, key));

          if (score == 0)
            g_hash_table_iter_remove (&iter);
          else
            g_hash_table_iter_replace (&iter, GUINT_TO_POINTER (GPOINTER_TO_UINT (value) + score));
        }
    }

  g_hash_table_iter_init (&iter, total);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint position = GPOINTER_TO_UINT (key) - 1;
      PyprepSearchHit hit = { self->questions->pdata[position], GPOINTER_TO_UINT (value), position, 0 };

      if (filter != NULL && !filter (hit.question, user_data))
        continue;
      hit.title_share = title_share (hit.question, terms, stems);
      g_array_append_val (hits, hit);
    }

  /* Equal scores: the title most about the terms, then the display
   * order of the bank. */
  g_array_sort (hits, compare_hits);
  return hits;
}

/* Terms in text: the search excerpts and the highlights ---------------- */

/* Terms are matched as they are typed, not through the index: a term
 * marks the text where it begins a word (after anything but an ASCII
 * letter, digit or underscore), compared without regard to ASCII case.
 * It may end inside a word, so "async" marks the start of "asyncio". */

static gboolean
is_ascii_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* Length of the first of @terms that @text begins with, or 0. */
static gsize
term_at (const char         *text,
         gsize               left,
         const char * const *terms)
{
  for (guint i = 0; terms[i] != NULL; i++)
    {
      gsize n = strlen (terms[i]);

      if (n > 0 && n <= left && g_ascii_strncasecmp (text, terms[i], n) == 0)
        return n;
    }

  return 0;
}

/* Length of the term that begins a word at @p in @text, or 0. */
static gsize
match_at (const char         *text,
          const char         *p,
          gsize               left,
          const char * const *terms)
{
  if (p > text && is_ascii_word_char (p[-1]))
    return 0;
  return term_at (p, left, terms);
}

/**
 * pyprep_search_split_terms:
 * @query: what the user typed
 *
 * The terms of @query as excerpts and highlights look for them:
 * normalized (pyprep_search_normalize()), then split at anything but
 * a-z, 0-9 and _, without empty ones.
 *
 * Returns: (transfer full): the terms, possibly none
 */
GStrv
pyprep_search_split_terms (const char *query)
{
  g_autofree char *normalized = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *p;

  g_return_val_if_fail (query != NULL, NULL);

  normalized = pyprep_search_normalize (query, -1);
  for (p = normalized; *p; )
    {
      const char *start;

      while (*p && !(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_'))
        p++;
      start = p;
      while (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_')
        p++;
      if (p > start)
        {
          g_autofree char *term = g_strndup (start, p - start);

          g_strv_builder_add (builder, term);
        }
    }

  return g_strv_builder_end (builder);
}

/**
 * pyprep_search_find_term:
 * @text: the text to look in
 * @length: its length in bytes, or -1 when it ends with a NUL
 * @terms: (array zero-terminated=1): the terms, as from
 *   pyprep_search_split_terms()
 * @from: the byte offset to look from
 * @start: (out): where the match begins
 * @end: (out): where it ends
 *
 * Finds the first place at or after @from where one of @terms begins a
 * word. Whether a word begins there is judged from the whole of @text, so
 * calling again from the previous @end walks through every match.
 *
 * Returns: whether a term was found
 */
gboolean
pyprep_search_find_term (const char         *text,
                         gssize              length,
                         const char * const *terms,
                         gsize               from,
                         gsize              *start,
                         gsize              *end)
{
  gsize size;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  if (terms == NULL)
    return FALSE;

  size = length < 0 ? strlen (text) : (gsize)length;
  for (gsize i = from; i < size; i++)
    {
      gsize n = match_at (text, text + i, size - i, terms);

      if (n > 0)
        {
          *start = i;
          *end = i + n;
          return TRUE;
        }
    }

  return FALSE;
}

#define EXCERPT_CONTEXT 40  /* characters shown before the first match */

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* Between two blocks of an answer (a heading and its paragraph, list
 * items, a table's rows, lines of code), where the first does not end a
 * sentence: as a table's cells are separated, so that "Explanation" and
 * "The problem" do not read as one sentence. */
#define BLOCK_SEPARATOR " · "

/* Whether the text from @text to @end ends a sentence or a clause (a
 * full stop, perhaps inside quotes or brackets), so that a space is
 * enough before the next block. */
static gboolean
ends_sentence (const char *text,
               const char *end)
{
  const char *p = end;

  while (p > text)
    {
      const char *c = g_utf8_prev_char (p);
      gunichar ch = g_utf8_get_char (c);

      if (ch == ')' || ch == ']' || ch == '"' || ch == '\'' || ch == 0x201D || ch == 0x2019 || ch == 0xBB)
        p = c;
      else
        return ch == '.' || ch == '!' || ch == '?' || ch == ':' || ch == ';' || ch == 0x2026;
    }
  return TRUE;
}

/* Where the short answer begins: after its heading's line. */
static const char *
short_answer_start (const char *text)
{
  static const char heading[] = "Short answer\n";

  for (const char *line = text; line != NULL && *line; )
    {
      if (g_str_has_prefix (line, heading))
        return line + strlen (heading);
      line = strchr (line, '\n');
      if (line != NULL)
        line++;
    }

  return text;
}

/**
 * pyprep_search_excerpt:
 * @text: a question's answer as plain text (pyprep_search_index_get_text())
 *   or a note
 * @terms: (nullable) (array zero-terminated=1): the searched terms
 * @max_chars: about how many characters to show
 *
 * A line of @text around the first match, with the matches in bold, for
 * a search result. It begins some words before the match, within the
 * match's paragraph. Runs of spaces (a table's cells, the indentation of
 * code) become one space; a line break, between two blocks, becomes one
 * space after the end of a sentence and " · " otherwise, so that a
 * heading does not run into its paragraph. Without a match, the excerpt
 * starts at the short answer. The text is escaped, so an answer can
 * never inject markup.
 *
 * Returns: (transfer full): Pango markup, ending with "…" when more of
 *   @text follows
 */
char *
pyprep_search_excerpt (const char         *text,
                       const char * const *terms,
                       guint               max_chars)
{
  static const char * const no_terms[] = { NULL };
  const char *start = NULL;
  const char *p;
  GString *markup;
  gsize size, shown = 0, from, end;

  g_return_val_if_fail (text != NULL, NULL);

  if (terms == NULL)
    terms = no_terms;

  size = strlen (text);
  if (pyprep_search_find_term (text, size, terms, 0, &from, &end))
    {
      /* Some words before the match, but not past the start of its
       * paragraph (a heading's words before it would read as one
       * sentence with it). */
      start = text + from;
      for (guint back = 0; back < EXCERPT_CONTEXT && start > text && start[-1] != '\n'; back++)
        start = g_utf8_prev_char (start);
      /* Begin at a word. */
      while (start > text && start[-1] != '\n' && *start && !is_blank (*start))
        start = g_utf8_next_char (start);
    }
  else
    start = short_answer_start (text);

  markup = g_string_new (NULL);
  for (p = start; *p && shown < max_chars; )
    {
      gsize length = match_at (text, p, size - (p - text), terms);

      if (length > 0)
        {
          g_autofree char *word = g_markup_escape_text (p, length);

          g_string_append_printf (markup, "<b>%s</b>", word);
          p += length;
          shown += length;
          continue;
        }

      if (is_blank (*p))
        {
          gboolean sentence_ended = ends_sentence (text, p);
          gboolean new_block = FALSE;

          while (is_blank (*p))
            new_block |= *p++ == '\n';
          if (markup->len > 0 && new_block && !sentence_ended)
            {
              g_string_append (markup, BLOCK_SEPARATOR);
              shown += 3;
            }
          else if (markup->len > 0)
            {
              g_string_append_c (markup, ' ');
              shown++;
            }
        }
      else
        {
          const char *next = g_utf8_next_char (p);
          g_autofree char *piece = g_markup_escape_text (p, next - p);

          g_string_append (markup, piece);
          p = next;
          shown++;
        }
    }

  /* An ellipsis says that more follows, after no space. */
  if (g_str_has_suffix (markup->str, BLOCK_SEPARATOR))
    g_string_truncate (markup, markup->len - strlen (BLOCK_SEPARATOR));
  if (markup->len > 0 && markup->str[markup->len - 1] == ' ')
    g_string_truncate (markup, markup->len - 1);
  while (is_blank (*p))
    p++;
  if (*p != '\0')
    g_string_append (markup, "…");
  return g_string_free (markup, FALSE);
}
