/* bench-search.c: query time of the search index, on the shipped bank and
 * on a generated bank of 10,000 questions made of the bank's own words.
 * Prints the p95 per query and how it grows between the two.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "bench-common.h"
#include "pyprep-library.h"
#include "pyprep-markdown-text.h"
#include "pyprep-question.h"
#include "pyprep-search.h"

#define ROUNDS 50
#define GENERATED 10000

static const char * const queries[] = {
  "gil", "asyncio event loop", "decorator", "list comprehension", "memory leak",
  "dict hash", "generator iterator", "mro", "asyncoi", "thread safe queue",
  "slots", "pickle security", "lru cache", "context manager", "metaclass singleton",
  "reference counting", "descriptor", "coroutine", "multiprocessing pool", "profiling",
};

static double
measure (PyprepSearchIndex *index,
         double            *median)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint round = 0; round < ROUNDS; round++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        gint64 start = g_get_monotonic_time ();
        g_autoptr(GArray) hits = pyprep_search_index_query (index, queries[q]);
        double ms = (g_get_monotonic_time () - start) / 1000.0;

        g_array_append_val (samples, ms);
      }

  *median = bench_percentile (samples, 0.5);
  return bench_percentile (samples, 0.95);
}

/* A deck of @n questions whose words are drawn from @words. */
static GBytes *
generate_deck (GPtrArray *words,
               guint      n)
{
  GString *text = g_string_new ("---\nid: generated\ntitle: Generated\n---\n\n");
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < n; i++)
    {
      g_string_append (text, "# ");
      for (guint w = 0; w < 8; w++)
        g_string_append_printf (text, "%s ", (char *)words->pdata[g_rand_int_range (rand, 0, words->len)]);
      g_string_append_printf (text, "?\nid: generated-%u\ndifficulty: mid\ntags: %s, %s\n\n", i,
                              (char *)words->pdata[g_rand_int_range (rand, 0, words->len)],
                              (char *)words->pdata[g_rand_int_range (rand, 0, words->len)]);
      for (guint w = 0; w < 250; w++)
        g_string_append_printf (text, "%s%s", (char *)words->pdata[g_rand_int_range (rand, 0, words->len)],
                                w % 20 == 19 ? "\n" : " ");
      g_string_append (text, "\n\n");
    }

  g_rand_free (rand);
  return g_string_free_to_bytes (text);
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

static void
collect_words (const char *text,
               GHashTable *set)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[^A-Za-z0-9_]+", text, 0, 0);

  for (guint i = 0; parts[i] != NULL; i++)
    if (strlen (parts[i]) > 2)
      g_hash_table_add (set, g_strdup (parts[i]));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PyprepLibrary) bank = pyprep_library_new ();
  g_autoptr(PyprepLibrary) big = pyprep_library_new ();
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) big_questions = NULL;
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GBytes) generated = NULL;
  g_autoptr(PyprepSearchIndex) index = NULL;
  g_autoptr(PyprepSearchIndex) big_index = NULL;
  double p95, big_p95, median, big_median;
  gint64 start;

  pyprep_library_load_resources (bank, RESOURCE_PREFIX "/content");
  questions = pyprep_library_list_questions (bank);

  start = g_get_monotonic_time ();
  index = pyprep_search_index_new_full (questions, pyprep_markdown_to_text);
  printf ("search: bank of %u questions, %u words, index built in %.1f ms\n",
          questions->len, pyprep_search_index_get_n_words (index),
          (g_get_monotonic_time () - start) / 1000.0);

  for (guint i = 0; i < questions->len; i++)
    collect_words (pyprep_question_get_body (questions->pdata[i]), set);
  words = g_ptr_array_new ();
  {
    GHashTableIter iter;
    gpointer word;

    g_hash_table_iter_init (&iter, set);
    while (g_hash_table_iter_next (&iter, &word, NULL))
      g_ptr_array_add (words, word);
  }
  g_ptr_array_sort (words, compare_words);
  generated = generate_deck (words, GENERATED);
  pyprep_library_load_bytes (big, "generated.md", generated);
  big_questions = pyprep_library_list_questions (big);

  start = g_get_monotonic_time ();
  big_index = pyprep_search_index_new_full (big_questions, pyprep_markdown_to_text);
  printf ("search: generated bank of %u questions, %u words, index built in %.1f ms\n",
          big_questions->len, pyprep_search_index_get_n_words (big_index),
          (g_get_monotonic_time () - start) / 1000.0);

  p95 = measure (index, &median);
  big_p95 = measure (big_index, &big_median);
  printf ("  bank:       median %.3f ms, p95 %.3f ms per query (budget 2 ms): %s\n",
          median, p95, p95 <= 2.0 ? "within budget" : "OVER BUDGET");
  printf ("  10,000:     median %.3f ms, p95 %.3f ms per query (budget 16 ms): %s\n",
          big_median, big_p95, big_p95 <= 16.0 ? "within budget" : "OVER BUDGET");
  printf ("  growth: %.1fx the questions, %.1fx the p95\n",
          (double)big_questions->len / questions->len, big_p95 / p95);
  return 0;
}
