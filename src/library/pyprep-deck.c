/* pyprep-deck.c: the deck format reader (documented in data/content/README.md).
 *
 * The format is line based: a front-matter block, then questions that start
 * at a "# " heading outside a code fence. Only the structure is read here;
 * the answer text stays Markdown and is rendered by md4c in the UI layer.
 * A fatal problem (encoding, header) rejects the file; any other problem
 * drops the one question it is in and is added to @problems, so that the
 * rest of the deck still loads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-deck"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "pyprep-deck.h"
#include "pyprep-question.h"
#include "pyprep-exercise.h"
#include "pyprep-snippet.h"
#include "pyprep-topic.h"

G_DEFINE_QUARK (pyprep-deck-error-quark, pyprep_deck_error)

#define DEFAULT_ORDER 1000

typedef struct
{
  const char *start;
  gsize       len;
} Line;

typedef struct
{
  const char     *source;
  GPtrArray      *problems;
  GHashTable     *ids;          /* id -> line (GUINT_TO_POINTER) */
  GHashTable     *taken_ids;    /* id -> PyprepQuestion from other decks */
  PyprepTopic    *topic;

  /* The question being read */
  PyprepQuestion *question;
  GString        *body;
  gboolean        question_bad;
  PyprepExercise *exercise;     /* its exercise's parts, as they are read */
  gboolean        exercise_bad; /* a problem drops the exercise, not the question */

  /* The fence being read */
  guint           fence_line;   /* 0 when not in a fence */
  char            fence_char;
  gsize           fence_len;
  PyprepSnippet  *snippet;      /* NULL for an output fence */
  GString        *fence_text;
  gboolean        fence_is_output;
  gboolean        fence_output_varies;
  PyprepSnippet  *awaiting_output; /* last "python run" snippet without output */
  int             fence_part;   /* FENCE_IN_ANSWER, or the exercise part it holds */
} Parser;

/* Where a fence's text goes: the answer, or a part of the exercise
 * (a PyprepExercisePart, or one of these). */
enum {
  FENCE_IN_ANSWER = -1,
  FENCE_HINT = PYPREP_EXERCISE_N_PARTS,
  FENCE_WRONG,
};

static void
add_problem (Parser     *parser,
             guint       line,
             int         code,
             const char *format,
             ...) G_GNUC_PRINTF (4, 5);

static void
add_problem (Parser     *parser,
             guint       line,
             int         code,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (parser->problems != NULL)
    g_ptr_array_add (parser->problems,
                     g_error_new (PYPREP_DECK_ERROR, code, "%s:%u: %s",
                                  parser->source, line, message));
  parser->question_bad = TRUE;
}

/* A problem with the exercise: reported like any other, but the question
 * is kept, without its exercise. */
static void
add_exercise_problem (Parser     *parser,
                      guint       line,
                      const char *message)
{
  gboolean question_bad = parser->question_bad;

  add_problem (parser, line, PYPREP_DECK_ERROR_EXERCISE, "%s", message);
  parser->question_bad = question_bad;
  parser->exercise_bad = TRUE;
}

static void
replace_str (char       **dest,
             const char  *value)
{
  g_free (*dest);
  *dest = g_strdup (value);
}

static gboolean
is_slug (const char *str)
{
  gboolean after_dash = TRUE;

  if (str == NULL || *str == '\0')
    return FALSE;

  for (const char *p = str; *p; p++)
    {
      if (g_ascii_islower (*p) || g_ascii_isdigit (*p))
        after_dash = FALSE;
      else if (*p == '-' && !after_dash)
        after_dash = TRUE;
      else
        return FALSE;
    }

  return !after_dash;
}

static gboolean
line_is_blank (const Line *line)
{
  for (gsize i = 0; i < line->len; i++)
    if (!g_ascii_isspace (line->start[i]))
      return FALSE;
  return TRUE;
}

/* Splits "key: value" into two trimmed, newly allocated strings. */
static gboolean
split_key_value (const Line  *line,
                 char       **key,
                 char       **value)
{
  const char *colon = memchr (line->start, ':', line->len);

  if (colon == NULL || colon == line->start)
    return FALSE;

  *key = g_strstrip (g_strndup (line->start, colon - line->start));
  *value = g_strstrip (g_strndup (colon + 1, line->start + line->len - colon - 1));

  if (**key == '\0' || strchr (*key, ' ') != NULL)
    {
      g_clear_pointer (key, g_free);
      g_clear_pointer (value, g_free);
      return FALSE;
    }

  return TRUE;
}

/* Splits a comma-separated list, dropping empty items. */
static GStrv
split_list (const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

/* Recognises an opening or closing fence: up to three spaces, then three or
 * more backticks or tildes. Returns the info string's start in @info. */
static gboolean
parse_fence (const Line  *line,
             char        *fence_char,
             gsize       *fence_len,
             const char **info)
{
  const char *p = line->start;
  const char *end = line->start + line->len;
  gsize indent = 0;
  gsize n = 0;
  char c;

  while (p < end && *p == ' ' && indent < 3)
    p++, indent++;

  if (p == end || (*p != '`' && *p != '~'))
    return FALSE;

  c = *p;
  while (p < end && *p == c)
    p++, n++;

  if (n < 3)
    return FALSE;

  /* A backtick fence's info string cannot contain a backtick. */
  if (c == '`' && memchr (p, '`', end - p) != NULL)
    return FALSE;

  *fence_char = c;
  *fence_len = n;
  *info = p;
  return TRUE;
}

static void read_follow_ups (PyprepQuestion *question,
                             const char     *body);

static void
finish_question (Parser *parser)
{
  PyprepQuestion *question = g_steal_pointer (&parser->question);
  g_autofree char *body = NULL;

  if (question == NULL)
    return;

  if (parser->exercise != NULL && !parser->exercise_bad)
    {
      const char *missing = pyprep_exercise_get_missing (parser->exercise);

      if (missing != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("This exercise has no “python %s” fence, so it is left out"),
                                                      missing);
          add_exercise_problem (parser, pyprep_question_get_line (question), message);
        }
      else
        pyprep_question_set_exercise (question, g_steal_pointer (&parser->exercise));
    }
  g_clear_pointer (&parser->exercise, pyprep_exercise_free);
  parser->exercise_bad = FALSE;

  if (!parser->question_bad)
    {
      body = g_strdup (g_strstrip (parser->body->str));
      read_follow_ups (question, body);
      pyprep_question_set_body (question, g_steal_pointer (&body));
      g_hash_table_insert (parser->ids,
                           g_strdup (pyprep_question_get_id (question)),
                           GUINT_TO_POINTER (pyprep_question_get_line (question)));
      pyprep_topic_add_question (parser->topic, question);
    }

  g_object_unref (question);
  parser->awaiting_output = NULL;
}

/* Titles are shown as plain text in lists and headers, so the backticks
 * an author may put around code in a title are dropped. */
static char *
plain_title (const char *text,
             gsize       length)
{
  GString *title = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    if (text[i] != '`')
      g_string_append_c (title, text[i]);

  return g_strstrip (g_string_free (title, FALSE));
}

/* The prompt of a follow-up item: "*Question?* answer", "*"Question?"*
 * answer", or either, or a "quoted question", after "Follow-up:". Without
 * "Follow-up:" only a question (ending in "?") counts, so that a pitfall
 * that starts in italics is not taken for one.
 * Returns: whether @item is a follow-up, with its prompt and answer */
static gboolean
split_follow_up (const char  *item,
                 char       **prompt,
                 char       **answer)
{
  static const char prefix[] = "Follow-up:";
  const char *p = item;
  const char *close = NULL;
  g_autofree char *text = NULL;
  gboolean labelled = FALSE;
  gsize open_len = 1;

  if (g_ascii_strncasecmp (p, prefix, strlen (prefix)) == 0)
    {
      labelled = TRUE;
      p += strlen (prefix);
      while (*p == ' ')
        p++;
    }

  if (p[0] == '*' && p[1] != '*')
    close = strchr (p + 1, '*');
  else if (p[0] == '"')
    close = strchr (p + 1, '"');
  else if (g_str_has_prefix (p, "“"))
    {
      open_len = strlen ("“");
      close = strstr (p + open_len, "”");
    }
  if (close == NULL || close == p + open_len)
    return FALSE;

  text = plain_title (p + open_len, close - p - open_len);
  g_strdelimit (text, "\n", ' ');
  /* *"Question?"*: the quotes inside the emphasis go. */
  if (g_str_has_prefix (text, "\"") && g_str_has_suffix (text, "\"") && strlen (text) > 2)
    {
      memmove (text, text + 1, strlen (text) - 2);
      text[strlen (text) - 2] = '\0';
    }
  else if (g_str_has_prefix (text, "“") && g_str_has_suffix (text, "”")
           && strlen (text) > strlen ("“”"))
    {
      gsize len = strlen (text) - strlen ("“”");

      memmove (text, text + strlen ("“"), len);
      text[len] = '\0';
    }
  g_strstrip (text);
  if (*text == '\0' || (!labelled && !g_str_has_suffix (text, "?") && close[1] != '?'))
    return FALSE;

  /* What follows the prompt, less the dash, colon or stop that joins it;
   * a question mark outside the emphasis belongs to the prompt. */
  p = g_str_has_prefix (close, "”") ? close + strlen ("”") : close + 1;
  if (*p == '?' && !g_str_has_suffix (text, "?"))
    {
      g_autofree char *question = g_strconcat (text, "?", NULL);

      g_free (text);
      text = g_steal_pointer (&question);
      p++;
    }
  for (;;)
    {
      while (g_ascii_isspace (*p))
        p++;
      if (*p == '-' || *p == ':' || *p == '.' || *p == '"' || *p == '*')
        p++;
      else if (g_str_has_prefix (p, "—") || g_str_has_prefix (p, "–"))
        p += strlen ("—");
      else
        break;
    }
  if (*p == '\0')
    return FALSE;

  *prompt = g_steal_pointer (&text);
  *answer = g_strstrip (g_strdup (p));
  return TRUE;
}

static void
add_follow_up_item (PyprepQuestion *question,
                    GString        *item)
{
  g_autofree char *prompt = NULL;
  g_autofree char *answer = NULL;

  if (item->len > 0 && split_follow_up (item->str, &prompt, &answer))
    {
      /* Asked on its own, the question starts a sentence: "Why is…",
       * not the list's "why is…"; a name ("p99", "len()") stays as is. */
      gsize word = strspn (prompt, "abcdefghijklmnopqrstuvwxyz");

      if (word > 0 && (prompt[word] == ' ' || prompt[word] == '\0'))
        prompt[0] = g_ascii_toupper (prompt[0]);
      pyprep_question_add_follow_up (question, prompt, answer);
    }
  g_string_truncate (item, 0);
}

/* Reads the follow-ups from the list items of the answer's "Pitfalls and
 * follow-ups" section (data/content/README.md says how they are written).
 * An item runs from its "- " to the next item, a blank line or a line
 * that is not indented; code fences are skipped. */
static void
read_follow_ups (PyprepQuestion *question,
                 const char     *body)
{
  g_auto(GStrv) lines = g_strsplit (body, "\n", -1);
  g_autoptr(GString) item = g_string_new (NULL);
  gboolean in_section = FALSE;
  gboolean in_fence = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "```") || g_str_has_prefix (line, "~~~"))
        {
          add_follow_up_item (question, item);
          in_fence = !in_fence;
          continue;
        }
      if (in_fence)
        continue;

      if (g_str_has_prefix (line, "## "))
        {
          add_follow_up_item (question, item);
          in_section = g_ascii_strcasecmp (g_strstrip (lines[i] + 3), "Pitfalls and follow-ups") == 0;
          continue;
        }
      if (!in_section)
        continue;

      if (g_str_has_prefix (line, "- ") || g_str_has_prefix (line, "* "))
        {
          add_follow_up_item (question, item);
          g_string_append (item, line + 2);
        }
      else if (item->len > 0 && (line[0] == ' ' || line[0] == '\t') && *g_strstrip (lines[i]) != '\0')
        {
          g_string_append_c (item, '\n');
          g_string_append (item, lines[i]);
        }
      else
        add_follow_up_item (question, item);
    }
  add_follow_up_item (question, item);
}

/* Reads the heading and the metadata lines under it. Returns the index of
 * the first line after the metadata. */
static guint
start_question (Parser     *parser,
                const Line *lines,
                guint       n_lines,
                guint       index)
{
  guint heading_line = index + 1;
  g_autofree char *title = plain_title (lines[index].start + 2, lines[index].len - 2);
  g_autofree char *id = NULL;
  g_autofree char *difficulty_str = NULL;
  g_autofree char *essential_str = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) related = NULL;
  PyprepDifficulty difficulty = PYPREP_DIFFICULTY_JUNIOR;
  PyprepQuestion *other;
  gpointer first_line;
  guint i;

  parser->question_bad = FALSE;
  g_string_truncate (parser->body, 0);

  for (i = index + 1; i < n_lines && !line_is_blank (&lines[i]); i++)
    {
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (!split_key_value (&lines[i], &key, &value))
        {
          add_problem (parser, i + 1, PYPREP_DECK_ERROR_METADATA,
                       _("Expected “key: value” in the metadata of “%s”"), title);
          continue;
        }

      if (g_str_equal (key, "id"))
        replace_str (&id, value);
      else if (g_str_equal (key, "difficulty"))
        replace_str (&difficulty_str, value);
      else if (g_str_equal (key, "essential"))
        replace_str (&essential_str, value);
      else if (g_str_equal (key, "tags"))
        {
          g_strfreev (tags);
          tags = split_list (value);
        }
      else if (g_str_equal (key, "related"))
        {
          g_strfreev (related);
          related = split_list (value);
        }
      else
        add_problem (parser, i + 1, PYPREP_DECK_ERROR_METADATA,
                     _("Unknown metadata key “%s”"), key);
    }

  if (title[0] == '\0')
    add_problem (parser, heading_line, PYPREP_DECK_ERROR_METADATA,
                 _("The question has no title"));

  if (id == NULL)
    add_problem (parser, heading_line, PYPREP_DECK_ERROR_METADATA,
                 _("The question “%s” has no id"), title);
  else if (!is_slug (id))
    add_problem (parser, heading_line, PYPREP_DECK_ERROR_METADATA,
                 _("The id “%s” is not a slug (lower-case letters, digits and dashes)"), id);
  else if (g_hash_table_lookup_extended (parser->ids, id, NULL, &first_line))
    add_problem (parser, heading_line, PYPREP_DECK_ERROR_DUPLICATE_ID,
                 _("The id “%s” is already used at line %u"), id, GPOINTER_TO_UINT (first_line));
  else if (parser->taken_ids != NULL && (other = g_hash_table_lookup (parser->taken_ids, id)))
    add_problem (parser, heading_line, PYPREP_DECK_ERROR_DUPLICATE_ID,
                 _("The id “%s” is already used by %s:%u"), id,
                 pyprep_question_get_source (other), pyprep_question_get_line (other));

  if (difficulty_str == NULL)
    add_problem (parser, heading_line, PYPREP_DECK_ERROR_METADATA,
                 _("The question “%s” has no difficulty"), title);
  else if (!pyprep_difficulty_from_string (difficulty_str, &difficulty))
    add_problem (parser, heading_line, PYPREP_DECK_ERROR_METADATA,
                 _("Unknown difficulty “%s” (use junior, mid or senior)"), difficulty_str);

  if (essential_str != NULL && !g_str_equal (essential_str, "yes") && !g_str_equal (essential_str, "no"))
    add_problem (parser, heading_line, PYPREP_DECK_ERROR_METADATA,
                 _("Unknown value “%s” for essential (use yes or no)"), essential_str);

  parser->question = pyprep_question_new (id ? id : "", title, difficulty,
                                          parser->source, heading_line);
  pyprep_question_set_essential (parser->question, g_strcmp0 (essential_str, "yes") == 0);
  pyprep_question_set_tags (parser->question, g_steal_pointer (&tags));
  pyprep_question_set_related (parser->question, g_steal_pointer (&related));

  return i;
}

/* Returns: whether the fence is a part of an exercise ("python starter",
 * "text hint", …), which is then kept out of the answer. */
static gboolean
open_exercise_fence (Parser             *parser,
                     guint               line_number,
                     const char * const *words)
{
  PyprepExercisePart part;
  int fence_part;

  if (words[0] == NULL || words[1] == NULL)
    return FALSE;
  if (g_str_equal (words[0], "text") && g_str_equal (words[1], "hint"))
    fence_part = FENCE_HINT;
  else if (g_str_equal (words[0], "python") && g_str_equal (words[1], "wrong"))
    fence_part = FENCE_WRONG;
  else if (g_str_equal (words[0], "python") && pyprep_exercise_part_from_string (words[1], &part))
    fence_part = part;
  else
    return FALSE;

  parser->fence_part = fence_part;
  parser->awaiting_output = NULL;
  if (parser->exercise == NULL)
    parser->exercise = pyprep_exercise_new ();

  if (fence_part < PYPREP_EXERCISE_N_PARTS && parser->exercise->code[fence_part] != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("An exercise has one “python %s” fence; this is a second one"),
                                                  words[1]);
      add_exercise_problem (parser, line_number, message);
    }
  else if (fence_part == FENCE_HINT && parser->exercise->hints->len == PYPREP_EXERCISE_MAX_HINTS)
    add_exercise_problem (parser, line_number, _("An exercise has at most three hints"));

  return TRUE;
}

static void
open_fence (Parser     *parser,
            guint       line_number,
            char        fence_char,
            gsize       fence_len,
            const char *info_start,
            gsize       info_len)
{
  g_autofree char *info = g_strstrip (g_strndup (info_start, info_len));
  g_auto(GStrv) words = g_strsplit_set (info, " \t", -1);
  const char *language = words[0] != NULL ? words[0] : "";
  gboolean has_run = g_strv_contains ((const char * const *)words, "run");
  gboolean has_norun = g_strv_contains ((const char * const *)words, "norun");

  parser->fence_line = line_number;
  parser->fence_char = fence_char;
  parser->fence_len = fence_len;
  parser->fence_is_output = FALSE;
  parser->fence_output_varies = FALSE;
  parser->fence_part = FENCE_IN_ANSWER;
  g_string_truncate (parser->fence_text, 0);

  if (parser->question == NULL)
    return;

  if (open_exercise_fence (parser, line_number, (const char * const *)words))
    return;

  if (g_str_equal (language, "output"))
    {
      parser->fence_is_output = TRUE;
      parser->fence_output_varies = g_strv_contains ((const char * const *)words, "varies");
      if (parser->awaiting_output == NULL)
        add_problem (parser, line_number, PYPREP_DECK_ERROR_FENCE,
                     _("An output fence must follow a “python run” fence"));
      return;
    }

  parser->awaiting_output = NULL;

  if (g_str_equal (language, "python"))
    {
      guint min_python, max_python;
      const char *bad_word;

      if (has_run == has_norun)
        {
          add_problem (parser, line_number, PYPREP_DECK_ERROR_FENCE,
                       _("A python fence must say either “run” or “norun”"));
          return;
        }

      if (!pyprep_python_range_parse ((const char * const *)words, &min_python, &max_python, &bad_word))
        {
          add_problem (parser, line_number, PYPREP_DECK_ERROR_FENCE,
                       _("“%s” is not a Python version range: write min=3.14 or max=3.12"),
                       bad_word);
          return;
        }
      parser->snippet = pyprep_snippet_new (language,
                                            has_run ? PYPREP_SNIPPET_RUN : PYPREP_SNIPPET_NORUN,
                                            line_number);
      parser->snippet->min_python = min_python;
      parser->snippet->max_python = max_python;
    }
  else
    {
      parser->snippet = pyprep_snippet_new (language, PYPREP_SNIPPET_SHOWN, line_number);
    }
}

static void
close_fence (Parser *parser)
{
  PyprepSnippet *snippet = g_steal_pointer (&parser->snippet);
  guint line = parser->fence_line;

  parser->fence_line = 0;

  if (parser->fence_part != FENCE_IN_ANSWER)
    {
      PyprepExercise *exercise = parser->exercise;
      int fence_part = parser->fence_part;

      parser->fence_part = FENCE_IN_ANSWER;
      if (parser->exercise_bad || exercise == NULL)
        return;
      if (fence_part == FENCE_HINT)
        g_ptr_array_add (exercise->hints, g_strstrip (g_strdup (parser->fence_text->str)));
      else if (fence_part == FENCE_WRONG)
        exercise->n_wrong++;
      else
        {
          exercise->code[fence_part] = g_strdup (parser->fence_text->str);
          exercise->line[fence_part] = line;
        }
      return;
    }

  if (parser->fence_is_output)
    {
      if (parser->awaiting_output != NULL)
        {
          parser->awaiting_output->output = g_strdup (parser->fence_text->str);
          parser->awaiting_output->output_varies = parser->fence_output_varies;
          parser->awaiting_output = NULL;
        }
      return;
    }

  if (snippet == NULL)
    return;

  snippet->code = g_strdup (parser->fence_text->str);

  if (parser->question != NULL)
    {
      if (snippet->mode == PYPREP_SNIPPET_RUN)
        parser->awaiting_output = snippet;
      pyprep_question_add_snippet (parser->question, snippet);
    }
  else
    {
      pyprep_snippet_free (snippet);
    }
}

static Line *
split_lines (const char *text,
             gsize       length,
             guint      *n_lines)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  const char *p = text;
  const char *end = text + length;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      Line line = { p, (nl ? nl : end) - p };

      if (line.len > 0 && line.start[line.len - 1] == '\r')
        line.len--;

      g_array_append_val (lines, line);
      p = nl ? nl + 1 : end;
    }

  *n_lines = lines->len;
  return (Line *)g_array_free (lines, FALSE);
}

static PyprepTopic *
parse_front_matter (const char  *source,
                    const Line  *lines,
                    guint        n_lines,
                    guint       *next,
                    GError     **error)
{
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  gint64 order = DEFAULT_ORDER;
  guint i;

  if (n_lines == 0 || lines[0].len != 3 || memcmp (lines[0].start, "---", 3) != 0)
    {
      g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_FRONT_MATTER,
                   _("%s:%u: The file must start with a “---” topic header"), source, 1);
      return NULL;
    }

  for (i = 1; i < n_lines; i++)
    {
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (lines[i].len == 3 && memcmp (lines[i].start, "---", 3) == 0)
        break;

      if (line_is_blank (&lines[i]))
        continue;

      if (!split_key_value (&lines[i], &key, &value))
        {
          g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_FRONT_MATTER,
                       _("%s:%u: Expected “key: value” in the topic header"), source, i + 1);
          return NULL;
        }

      if (g_str_equal (key, "id"))
        replace_str (&id, value);
      else if (g_str_equal (key, "title"))
        replace_str (&title, value);
      else if (g_str_equal (key, "description"))
        replace_str (&description, value);
      else if (g_str_equal (key, "order"))
        {
          if (!g_ascii_string_to_signed (value, 10, -100000, 100000, &order, NULL))
            {
              g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_FRONT_MATTER,
                           _("%s:%u: The order “%s” is not a whole number"), source, i + 1, value);
              return NULL;
            }
        }
      else
        {
          g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_FRONT_MATTER,
                       _("%s:%u: Unknown topic header key “%s”"), source, i + 1, key);
          return NULL;
        }
    }

  if (i == n_lines)
    {
      g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_FRONT_MATTER,
                   _("%s:%u: The topic header is not closed by a “---” line"), source, 1);
      return NULL;
    }

  if (!is_slug (id))
    {
      g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_FRONT_MATTER,
                   _("%s:%u: The topic header needs an id made of lower-case letters, digits and dashes"),
                   source, 1);
      return NULL;
    }

  if (title == NULL || title[0] == '\0')
    {
      g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_FRONT_MATTER,
                   _("%s:%u: The topic header needs a title"), source, 1);
      return NULL;
    }

  *next = i + 1;
  return pyprep_topic_new (id, title, description, (int)order, source);
}

/**
 * pyprep_deck_parse:
 * @source: the file name used in messages
 * @text: the file's contents; need not be nul-terminated
 * @length: the length of @text in bytes
 * @taken_ids: (nullable): ids already used by other decks, mapped to
 *   their #PyprepQuestion
 * @problems: (element-type GError) (nullable): receives non-fatal problems
 * @error: receives a problem that rejects the whole file
 *
 * Returns: (transfer full) (nullable): the topic, holding every question
 *   that had no problem.
 */
PyprepTopic *
pyprep_deck_parse (const char  *source,
                   const char  *text,
                   gsize        length,
                   GHashTable  *taken_ids,
                   GPtrArray   *problems,
                   GError     **error)
{
  g_autofree Line *lines = NULL;
  g_autoptr(PyprepTopic) topic = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GString) body = NULL;
  g_autoptr(GString) fence_text = NULL;
  const char *invalid = NULL;
  Parser parser = { 0 };
  guint n_lines;
  guint i;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (!g_utf8_validate_len (text, length, &invalid))
    {
      guint line = 1;

      for (const char *p = text; p < invalid; p++)
        if (*p == '\n')
          line++;

      g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_ENCODING,
                   _("%s:%u: The text is not valid UTF-8"), source, line);
      return NULL;
    }

  lines = split_lines (text, length, &n_lines);

  for (i = 0; i < n_lines && line_is_blank (&lines[i]); i++)
    ;
  if (i == n_lines)
    {
      g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_EMPTY,
                   _("%s:%u: The file is empty"), source, 1);
      return NULL;
    }

  topic = parse_front_matter (source, lines, n_lines, &i, error);
  if (topic == NULL)
    return NULL;

  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  body = g_string_new (NULL);
  fence_text = g_string_new (NULL);

  parser.source = source;
  parser.problems = problems;
  parser.ids = ids;
  parser.taken_ids = taken_ids;
  parser.topic = topic;
  parser.body = body;
  parser.fence_text = fence_text;
  parser.fence_part = FENCE_IN_ANSWER;

  while (i < n_lines)
    {
      const Line *line = &lines[i];
      const char *info;
      char fence_char;
      gsize fence_len;
      /* An exercise's fences, from opening to closing line, are not part
       * of the answer's text. */
      gboolean in_exercise = parser.fence_part != FENCE_IN_ANSWER;

      if (parser.fence_line != 0)
        {
          if (parse_fence (line, &fence_char, &fence_len, &info)
              && fence_char == parser.fence_char
              && fence_len >= parser.fence_len
              && line_is_blank (&(Line) { info, line->start + line->len - info }))
            close_fence (&parser);
          else
            {
              g_string_append_len (parser.fence_text, line->start, line->len);
              g_string_append_c (parser.fence_text, '\n');
            }
        }
      else if (line->len >= 2 && line->start[0] == '#' && line->start[1] == ' ')
        {
          finish_question (&parser);
          i = start_question (&parser, lines, n_lines, i);
          continue;
        }
      else if (parse_fence (line, &fence_char, &fence_len, &info))
        {
          open_fence (&parser, i + 1, fence_char, fence_len,
                      info, line->start + line->len - info);
          in_exercise = parser.fence_part != FENCE_IN_ANSWER;
        }

      if (parser.question != NULL && !in_exercise)
        {
          g_string_append_len (parser.body, line->start, line->len);
          g_string_append_c (parser.body, '\n');
        }

      i++;
    }

  if (parser.fence_line != 0)
    {
      add_problem (&parser, parser.fence_line, PYPREP_DECK_ERROR_FENCE,
                   _("This code fence is never closed"));
      g_clear_pointer (&parser.snippet, pyprep_snippet_free);
    }

  finish_question (&parser);

  return g_steal_pointer (&topic);
}
