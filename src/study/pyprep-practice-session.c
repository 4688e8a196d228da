/* pyprep-practice-session.c: building a practice session.
 *
 * The scope (pyprep-scope.c) picks the candidates (everything, one topic,
 * the bookmarks, the questions that need review, or only what is due),
 * within the chosen topics and level (PyprepPracticeOptions). They are
 * then ordered:
 *
 *   1. reviews due by the end of today, the most overdue first;
 *   2. weak questions (status "needs review") that are not due yet;
 *   3. questions never practised, at most new-per-day minus those
 *      already started today, in the order they are best introduced
 *      (introduction_order ()): the essentials first, junior before mid
 *      before senior, taking turns across the topics.
 *
 * Due cards in review (not those in their learning or relearning steps,
 * which come back within minutes) are limited to max-reviews-per-day
 * minus those already reviewed today; the least overdue wait.
 *
 * A question practised before that is neither due nor weak is left out:
 * the scheduler has put it away. A card in its learning or relearning
 * steps comes only once its step is reached, not hours early, which
 * would undo the step.
 *
 * With an interview date (PyprepPracticeOptions.plan, see pyprep-plan.c)
 * the order aims at recall on the day instead, within the plan's daily
 * budget of cards (the plan's, made for the whole bank, whatever topics
 * and level the session keeps to):
 *
 *   1. cards in their learning or relearning steps that are due now;
 *   2. the day's share of new essentials, so that all are in before the day;
 *   3. practised cards at risk on the day, the largest gain first; the
 *      cards safe for the day wait, due or not;
 *   4. more new cards, up to new-per-day, while the budget lasts.
 *
 * A question with an exercise is two cards, each scheduled on its own:
 * recall (its id) and the exercise (pyprep_study_exercise_id()). New
 * exercise cards share the day's budget of new cards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-practice"

#include "config.h"

#include "pyprep-practice-session.h"
#include "pyprep-question.h"
#include "pyprep-topic.h"

typedef struct
{
  PyprepQuestion *question;
  char           *id;         /* the record's: the question's, or its exercise's */
  gboolean        exercise;
  PyprepCardKind  kind;
  gint64          due;
  guint           order;
  gboolean        in_review;  /* due, and in the review phase: counts against the limit */
} Card;

struct _PyprepPracticeSession
{
  GObject      parent_instance;

  PyprepLibrary *library;
  PyprepStudy   *study;
  GArray        *cards;   /* Card */
  guint          position;
  guint          n_passed;
  GPtrArray     *weak_topics;  /* titles, in the order first failed */
  guint          n_held_back;  /* due reviews over the day's limit */
  /* The last grade, for pyprep_practice_session_undo_grade(). */
  gboolean       can_undo;
  gboolean       undo_passed;
  guint          undo_n_weak;
};

G_DEFINE_FINAL_TYPE (PyprepPracticeSession, pyprep_practice_session, G_TYPE_OBJECT)

static void
clear_card (gpointer data)
{
  Card *card = data;

  g_clear_object (&card->question);
  g_clear_pointer (&card->id, g_free);
}

static void
pyprep_practice_session_finalize (GObject *object)
{
  PyprepPracticeSession *self = (PyprepPracticeSession *)object;

  g_clear_object (&self->library);
  g_clear_object (&self->study);
  g_clear_pointer (&self->cards, g_array_unref);
  g_clear_pointer (&self->weak_topics, g_ptr_array_unref);

  G_OBJECT_CLASS (pyprep_practice_session_parent_class)->finalize (object);
}

static void
pyprep_practice_session_class_init (PyprepPracticeSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pyprep_practice_session_finalize;
}

static void
pyprep_practice_session_init (PyprepPracticeSession *self)
{
  self->cards = g_array_new (FALSE, TRUE, sizeof (Card));
  g_array_set_clear_func (self->cards, clear_card);
  self->weak_topics = g_ptr_array_new_with_free_func (g_free);
}

static int
compare_cards (gconstpointer a,
               gconstpointer b)
{
  const Card *x = a;
  const Card *y = b;

  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if (x->kind == PYPREP_CARD_DUE && x->due != y->due)
    return x->due < y->due ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

typedef struct
{
  PyprepQuestion *question;
  guint           tier;   /* essentials, then the rest; each junior to senior */
  guint           turn;   /* how many of its topic's questions of the tier come before */
  guint           topic;
  guint           bank;   /* where the bank has it */
} Introduction;

static int
compare_introductions (gconstpointer a,
                       gconstpointer b)
{
  const Introduction *x = a;
  const Introduction *y = b;

  if (x->tier != y->tier)
    return x->tier < y->tier ? -1 : 1;
  if (x->turn != y->turn)
    return x->turn < y->turn ? -1 : 1;
  if (x->topic != y->topic)
    return x->topic < y->topic ? -1 : 1;
  return x->bank < y->bank ? -1 : x->bank > y->bank;
}

/* The bank's questions in the order new ones are introduced: a first pass
 * through every topic's essentials, junior first, one topic's question
 * after another's, then the rest the same way. A candidate's first days
 * then cover what most interviews ask in every topic, instead of the
 * first topic's deep internals.
 *
 * Returns: (transfer full): Introduction entries, in that order */
static GArray *
introduction_order (GPtrArray *questions)
{
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (Introduction), questions->len);
  g_autoptr(GHashTable) turns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) topics = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < questions->len; i++)
    {
      PyprepQuestion *question = questions->pdata[i];
      PyprepTopic *topic = pyprep_question_get_topic (question);
      guint tier = (pyprep_question_get_essential (question) ? 0 : 3)
                   + (guint)pyprep_question_get_difficulty (question);
      g_autofree char *key = g_strdup_printf ("%p/%u", (gpointer)topic, tier);
      guint turn = GPOINTER_TO_UINT (g_hash_table_lookup (turns, key));
      Introduction entry = { question, tier, turn, 0, i };

      if (!g_hash_table_contains (topics, topic))
        g_hash_table_insert (topics, topic, GUINT_TO_POINTER (g_hash_table_size (topics)));
      entry.topic = GPOINTER_TO_UINT (g_hash_table_lookup (topics, topic));
      g_hash_table_insert (turns, g_steal_pointer (&key), GUINT_TO_POINTER (turn + 1));
      g_array_append_val (order, entry);
    }

  g_array_sort (order, compare_introductions);
  return order;
}

/**
 * pyprep_practice_session_new:
 * @topic_id: (nullable): the topic, for %PYPREP_SCOPE_TOPIC
 * @new_per_day: how many never-practised questions a day may bring
 * @now: the time the session starts; "today" is its day in its time zone
 *
 * A session of recall cards.
 */
PyprepPracticeSession *
pyprep_practice_session_new (PyprepLibrary *library,
                             PyprepStudy   *study,
                             PyprepScope    scope,
                             const char    *topic_id,
                             guint          new_per_day,
                             GDateTime     *now)
{
  return pyprep_practice_session_new_full (library, study, scope, topic_id, PYPREP_PRACTICE_RECALL,
                                           new_per_day, now);
}

/* A card in its learning or relearning steps comes when its step is
 * reached (within a minute), not hours early, which would undo the step;
 * until then it is neither due nor weak. Anki's "learn ahead limit" is
 * 20 minutes, for when nothing else is left; here the summary has just
 * said "next review in 9 minutes", and the start page agrees with it. */
#define LEARN_AHEAD_SECONDS 60

static gboolean
in_steps (const PyprepReviewState *review)
{
  PyprepCardPhase phase = pyprep_review_state_get_phase (review);

  return phase == PYPREP_CARD_PHASE_LEARNING || phase == PYPREP_CARD_PHASE_RELEARNING;
}

/* Returns: whether the card for @id comes in the session, and of which kind */
static gboolean
pick_card (PyprepStudy  *study,
           const char   *id,
           PyprepScope   scope,
           gint64        end_of_today,
           gint64        learn_ahead,
           guint        *new_left,
           Card         *card)
{
  PyprepReviewState review;
  gboolean practised = pyprep_study_get_review (study, id, &review);

  /* A card between its learning steps waits for its step. */
  if (practised && in_steps (&review) && review.due > learn_ahead)
    return FALSE;

  if (practised && review.due < end_of_today)
    {
      card->kind = PYPREP_CARD_DUE;
      card->due = review.due;
      card->in_review = pyprep_review_state_get_phase (&review) == PYPREP_CARD_PHASE_REVIEW;
    }
  else if (scope == PYPREP_SCOPE_DUE)
    return FALSE;
  else if (pyprep_study_get_status (study, id) == PYPREP_STATUS_NEEDS_REVIEW)
    card->kind = PYPREP_CARD_WEAK;
  else if (!practised && *new_left > 0)
    {
      card->kind = PYPREP_CARD_NEW;
      (*new_left)--;
    }
  else
    return FALSE;

  return TRUE;
}

/**
 * pyprep_practice_session_new_full:
 * @cards: recall cards, exercise cards or both
 *
 * Like pyprep_practice_session_new(), choosing the kinds of cards.
 */
PyprepPracticeSession *
pyprep_practice_session_new_full (PyprepLibrary       *library,
                                  PyprepStudy         *study,
                                  PyprepScope          scope,
                                  const char          *topic_id,
                                  PyprepPracticeCards  cards,
                                  guint                new_per_day,
                                  GDateTime           *now)
{
  PyprepPracticeOptions options;

  pyprep_practice_options_init (&options);
  options.scope = scope;
  options.topic_id = topic_id;
  options.cards = cards;
  options.new_per_day = new_per_day;
  return pyprep_practice_session_new_with_options (library, study, &options, now);
}

/**
 * pyprep_practice_options_init:
 *
 * Sets @options to the whole bank, every topic and level, recall cards,
 * the default number of new cards a day and no limit on reviews, and no
 * plan.
 */
void
pyprep_practice_options_init (PyprepPracticeOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (PyprepPracticeOptions) {
    .scope = PYPREP_SCOPE_ALL,
    .level = PYPREP_PRACTICE_ANY_LEVEL,
    .cards = PYPREP_PRACTICE_RECALL,
    .new_per_day = PYPREP_PRACTICE_NEW_PER_DAY_DEFAULT,
  };
}

/**
 * pyprep_practice_options_matches:
 *
 * Returns: whether @question is of one of the topics and of the level
 *   @options choose (their scope aside)
 */
gboolean
pyprep_practice_options_matches (const PyprepPracticeOptions *options,
                                 PyprepQuestion              *question)
{
  PyprepTopic *topic;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (PYPREP_IS_QUESTION (question), FALSE);

  if (options->level != PYPREP_PRACTICE_ANY_LEVEL
      && (int)pyprep_question_get_difficulty (question) != options->level)
    return FALSE;
  topic = pyprep_question_get_topic (question);
  return options->topics == NULL
         || (topic != NULL && g_hash_table_contains (options->topics, pyprep_topic_get_id (topic)));
}

/* Whether @question is among those @options take, @topic being the
 * topic of their scope. */
static gboolean
takes_question (const PyprepPracticeOptions *options,
                PyprepStudy                 *study,
                PyprepTopic                 *topic,
                PyprepQuestion              *question,
                GDateTime                   *now)
{
  return pyprep_practice_options_matches (options, question)
         && pyprep_scope_contains (options->scope, study, topic, question, now);
}

/* Keeps the first @reviews_left due cards in review (the most overdue,
 * as the cards are sorted) and drops the others. */
static void
limit_reviews (PyprepPracticeSession *self,
               guint                  reviews_left)
{
  guint kept = 0;

  for (guint i = 0; i < self->cards->len;)
    {
      Card *card = &g_array_index (self->cards, Card, i);

      if (card->kind == PYPREP_CARD_DUE && card->in_review && kept++ >= reviews_left)
        {
          self->n_held_back++;
          g_array_remove_index (self->cards, i);
        }
      else
        i++;
    }
}

/* The session's start, shared by the ways of building one: an empty
 * session; the topic of %PYPREP_SCOPE_TOPIC (%NULL when the decks do not
 * have it: nothing to practise); when "today" ends in @now's time zone,
 * and until when a card in its steps is taken, as Unix time. */
static PyprepPracticeSession *
session_begin (PyprepLibrary  *library,
               PyprepStudy    *study,
               PyprepScope     scope,
               const char     *topic_id,
               GDateTime      *now,
               PyprepTopic   **topic,
               gint64         *end_of_today,
               gint64         *learn_ahead)
{
  PyprepPracticeSession *self = g_object_new (PYPREP_TYPE_PRACTICE_SESSION, NULL);
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;

  self->library = g_object_ref (library);
  self->study = g_object_ref (study);
  *topic = scope == PYPREP_SCOPE_TOPIC ? pyprep_library_lookup_topic (library, topic_id) : NULL;

  midnight = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                              g_date_time_get_month (now), g_date_time_get_day_of_month (now),
                              0, 0, 0);
  tomorrow = g_date_time_add_days (midnight, 1);
  *end_of_today = g_date_time_to_unix (tomorrow);
  *learn_ahead = g_date_time_to_unix (now) + LEARN_AHEAD_SECONDS;
  return self;
}

/* The session without a plan: due, weak, then new cards, within the
 * day's limits. */
static void
fill_limited (PyprepPracticeSession       *self,
              const PyprepPracticeOptions *options,
              PyprepTopic                 *topic,
              gint64                       end_of_today,
              gint64                       learn_ahead,
              GDateTime                   *now)
{
  PyprepStudy *study = self->study;
  PyprepScope scope = options->scope;
  PyprepPracticeCards cards = options->cards;
  g_autoptr(GPtrArray) bank = NULL;
  g_autoptr(GArray) introduction = NULL;
  guint new_left, started_today;

  started_today = pyprep_study_count_new_today (study, now);
  new_left = options->new_per_day > started_today ? options->new_per_day - started_today : 0;

  /* New cards are picked, while the day's budget lasts, in the order
   * they are best introduced; the others keep the bank's order. */
  bank = pyprep_library_list_questions (self->library);
  introduction = introduction_order (bank);
  for (guint i = 0; i < introduction->len; i++)
    {
      const Introduction *entry = &g_array_index (introduction, Introduction, i);
      PyprepQuestion *question = entry->question;
      const char *id = pyprep_question_get_id (question);

      if (!takes_question (options, study, topic, question, now))
        continue;

      if (cards != PYPREP_PRACTICE_EXERCISES)
        {
          Card card = { NULL, NULL, FALSE, 0, 0, 2 * entry->bank, FALSE };

          if (pick_card (study, id, scope, end_of_today, learn_ahead, &new_left, &card))
            {
              if (card.kind == PYPREP_CARD_NEW)
                card.order = 2 * i;
              card.question = g_object_ref (question);
              card.id = g_strdup (id);
              g_array_append_val (self->cards, card);
            }
        }

      if (cards != PYPREP_PRACTICE_RECALL && pyprep_question_get_exercise (question) != NULL)
        {
          g_autofree char *exercise_id = pyprep_study_exercise_id (id);
          Card card = { NULL, NULL, TRUE, 0, 0, 2 * entry->bank + 1, FALSE };

          if (pick_card (study, exercise_id, scope, end_of_today, learn_ahead, &new_left, &card))
            {
              if (card.kind == PYPREP_CARD_NEW)
                card.order = 2 * i + 1;
              card.question = g_object_ref (question);
              card.id = g_steal_pointer (&exercise_id);
              g_array_append_val (self->cards, card);
            }
        }
    }

  g_array_sort (self->cards, compare_cards);

  if (options->reviews_per_day > 0)
    {
      guint done = pyprep_study_count_reviews_today (study, now);

      limit_reviews (self, options->reviews_per_day > done ? options->reviews_per_day - done : 0);
    }
}

typedef struct
{
  Card   card;
  double gain;
  gboolean essential;
} Candidate;

static int
compare_gains (gconstpointer a,
               gconstpointer b)
{
  const Candidate *x = a;
  const Candidate *y = b;

  if (x->gain != y->gain)
    return x->gain > y->gain ? -1 : 1;
  return x->card.order < y->card.order ? -1 : x->card.order > y->card.order;
}

/* Sorts one practised or new card of the planned session into its group. */
static void
plan_card (PyprepPlan     *plan,
           PyprepStudy    *study,
           PyprepQuestion *question,
           char           *id,
           gboolean        exercise,
           guint           order,
           PyprepScope     scope,
           gint64          end_of_today,
           gint64          learn_ahead,
           GArray         *steps,
           GArray         *at_risk,
           GArray         *fresh)
{
  PyprepReviewState review;
  Candidate candidate = { { NULL, id, exercise, 0, 0, order, FALSE }, 0, FALSE };
  PyprepCardPhase phase;

  if (!pyprep_study_get_review (study, id, &review))
    {
      if (scope == PYPREP_SCOPE_DUE)
        goto skip;
      candidate.card.kind = PYPREP_CARD_NEW;
      candidate.essential = !exercise && pyprep_question_get_essential (question);
      candidate.card.question = g_object_ref (question);
      g_array_append_val (fresh, candidate);
      return;
    }

  phase = pyprep_review_state_get_phase (&review);
  candidate.card.due = review.due;
  if (phase == PYPREP_CARD_PHASE_LEARNING || phase == PYPREP_CARD_PHASE_RELEARNING)
    {
      if (review.due > learn_ahead)
        goto skip;
      candidate.card.kind = PYPREP_CARD_DUE;
      candidate.card.question = g_object_ref (question);
      g_array_append_val (steps, candidate);
      return;
    }

  if (pyprep_plan_recall_on_day (plan, id) >= pyprep_plan_get_target (plan)
      || (scope == PYPREP_SCOPE_DUE && review.due >= end_of_today))
    goto skip;

  candidate.card.kind = review.due < end_of_today ? PYPREP_CARD_DUE : PYPREP_CARD_WEAK;
  candidate.card.in_review = TRUE;
  candidate.gain = pyprep_plan_review_gain (plan, id);
  candidate.card.question = g_object_ref (question);
  g_array_append_val (at_risk, candidate);
  return;

skip:
  g_free (id);
}

static void
take (PyprepPracticeSession *self,
      Candidate             *candidate)
{
  g_array_append_val (self->cards, candidate->card);
  candidate->card.question = NULL;
  candidate->card.id = NULL;
}

static void
clear_candidate (gpointer data)
{
  Candidate *candidate = data;

  clear_card (&candidate->card);
}

/* The session toward the interview: the day's cards are those that
 * raise recall on the day most, within the plan's budget (which replaces
 * the limit on reviews). */
static void
fill_planned (PyprepPracticeSession       *self,
              const PyprepPracticeOptions *options,
              PyprepTopic                 *topic,
              gint64                       end_of_today,
              gint64                       learn_ahead,
              GDateTime                   *now)
{
  PyprepStudy *study = self->study;
  PyprepPlan *plan = options->plan;
  PyprepScope scope = options->scope;
  PyprepPracticeCards cards = options->cards;
  g_autoptr(GPtrArray) bank = NULL;
  g_autoptr(GArray) introduction = NULL;
  g_autoptr(GArray) steps = NULL;
  g_autoptr(GArray) at_risk = NULL;
  g_autoptr(GArray) fresh = NULL;
  guint started_today, budget, used, essentials_wanted, new_taken = 0;

  steps = g_array_new (FALSE, TRUE, sizeof (Candidate));
  at_risk = g_array_new (FALSE, TRUE, sizeof (Candidate));
  fresh = g_array_new (FALSE, TRUE, sizeof (Candidate));
  g_array_set_clear_func (steps, clear_candidate);
  g_array_set_clear_func (at_risk, clear_candidate);
  g_array_set_clear_func (fresh, clear_candidate);

  bank = pyprep_library_list_questions (self->library);
  introduction = introduction_order (bank);
  for (guint i = 0; i < introduction->len; i++)
    {
      PyprepQuestion *question = g_array_index (introduction, Introduction, i).question;
      const char *id = pyprep_question_get_id (question);

      if (!takes_question (options, study, topic, question, now))
        continue;

      if (cards != PYPREP_PRACTICE_EXERCISES)
        plan_card (plan, study, question, g_strdup (id), FALSE, 2 * i, scope, end_of_today,
                   learn_ahead, steps, at_risk, fresh);
      if (cards != PYPREP_PRACTICE_RECALL && pyprep_question_get_exercise (question) != NULL)
        plan_card (plan, study, question, pyprep_study_exercise_id (id), TRUE, 2 * i + 1, scope,
                   end_of_today, learn_ahead, steps, at_risk, fresh);
    }

  started_today = pyprep_study_count_new_today (study, now);
  budget = pyprep_plan_get_cards_per_day (plan);
  used = pyprep_study_count_reviews_today (study, now) + started_today * PYPREP_PLAN_NEW_CARD_SLOTS;

  /* Cards in their steps are under way: they come whatever the budget. */
  g_array_sort (steps, compare_gains);
  for (guint i = 0; i < steps->len; i++, used++)
    take (self, &g_array_index (steps, Candidate, i));

  /* The day's share of essentials, so that all are in before the day. */
  essentials_wanted = pyprep_plan_get_new_per_day (plan);
  essentials_wanted = essentials_wanted > started_today ? essentials_wanted - started_today : 0;
  for (guint i = 0; i < fresh->len && new_taken < essentials_wanted; i++)
    {
      Candidate *candidate = &g_array_index (fresh, Candidate, i);

      if (!candidate->essential || used + PYPREP_PLAN_NEW_CARD_SLOTS > budget)
        continue;
      take (self, candidate);
      new_taken++;
      used += PYPREP_PLAN_NEW_CARD_SLOTS;
    }

  g_array_sort (at_risk, compare_gains);
  for (guint i = 0; i < at_risk->len; i++)
    {
      if (used < budget)
        {
          take (self, &g_array_index (at_risk, Candidate, i));
          used++;
        }
      else
        self->n_held_back++;
    }

  /* Room left: more new cards, in the order they are best introduced. */
  for (guint i = 0; i < fresh->len; i++)
    {
      Candidate *candidate = &g_array_index (fresh, Candidate, i);

      if (candidate->card.id == NULL)
        continue;
      if (started_today + new_taken >= MAX (options->new_per_day, pyprep_plan_get_new_per_day (plan))
          || used + PYPREP_PLAN_NEW_CARD_SLOTS > budget)
        break;
      take (self, candidate);
      new_taken++;
      used += PYPREP_PLAN_NEW_CARD_SLOTS;
    }
}

/**
 * pyprep_practice_session_new_with_options:
 * @options: which cards, and how many a day
 * @now: the time the session starts; "today" is its day in its time zone
 *
 * A session of the cards @options take. With a plan, the day's cards are
 * those that raise recall on the interview day most, within the plan's
 * budget (which replaces the limit on reviews).
 */
PyprepPracticeSession *
pyprep_practice_session_new_with_options (PyprepLibrary               *library,
                                          PyprepStudy                 *study,
                                          const PyprepPracticeOptions *options,
                                          GDateTime                   *now)
{
  g_autoptr(PyprepPracticeSession) self = NULL;
  PyprepTopic *topic = NULL;
  gint64 end_of_today, learn_ahead;

  g_return_val_if_fail (PYPREP_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (PYPREP_IS_STUDY (study), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->scope <= PYPREP_SCOPE_LEECHES, NULL);
  g_return_val_if_fail (options->scope != PYPREP_SCOPE_TOPIC || options->topic_id != NULL, NULL);
  g_return_val_if_fail (options->plan == NULL || PYPREP_IS_PLAN (options->plan), NULL);
  g_return_val_if_fail (options->level == PYPREP_PRACTICE_ANY_LEVEL
                        || (options->level >= PYPREP_DIFFICULTY_JUNIOR
                            && options->level <= PYPREP_DIFFICULTY_SENIOR), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  self = session_begin (library, study, options->scope, options->topic_id, now, &topic, &end_of_today,
                        &learn_ahead);
  if (options->scope == PYPREP_SCOPE_TOPIC && topic == NULL)
    return g_steal_pointer (&self);

  if (options->plan != NULL)
    fill_planned (self, options, topic, end_of_today, learn_ahead, now);
  else
    fill_limited (self, options, topic, end_of_today, learn_ahead, now);
  return g_steal_pointer (&self);
}

/* How many due reviews the day's limit left out of the session. */
guint
pyprep_practice_session_get_n_held_back (PyprepPracticeSession *self)
{
  g_return_val_if_fail (PYPREP_IS_PRACTICE_SESSION (self), 0);

  return self->n_held_back;
}

guint
pyprep_practice_session_get_n_cards (PyprepPracticeSession *self)
{
  g_return_val_if_fail (PYPREP_IS_PRACTICE_SESSION (self), 0);

  return self->cards->len;
}

/* Returns: (transfer none) */
PyprepQuestion *
pyprep_practice_session_get_card (PyprepPracticeSession *self,
                                  guint                  position)
{
  g_return_val_if_fail (PYPREP_IS_PRACTICE_SESSION (self), NULL);
  g_return_val_if_fail (position < self->cards->len, NULL);

  return g_array_index (self->cards, Card, position).question;
}

/* Whether the card at @position is the question's exercise, not its recall. */
gboolean
pyprep_practice_session_is_exercise (PyprepPracticeSession *self,
                                     guint                  position)
{
  g_return_val_if_fail (PYPREP_IS_PRACTICE_SESSION (self), FALSE);
  g_return_val_if_fail (position < self->cards->len, FALSE);

  return g_array_index (self->cards, Card, position).exercise;
}

PyprepCardKind
pyprep_practice_session_get_kind (PyprepPracticeSession *self,
                                  guint                  position)
{
  g_return_val_if_fail (PYPREP_IS_PRACTICE_SESSION (self), PYPREP_CARD_NEW);
  g_return_val_if_fail (position < self->cards->len, PYPREP_CARD_NEW);

  return g_array_index (self->cards, Card, position).kind;
}

/* How many cards have been graded so far; the index of the current one. */
guint
pyprep_practice_session_get_position (PyprepPracticeSession *self)
{
  g_return_val_if_fail (PYPREP_IS_PRACTICE_SESSION (self), 0);

  return self->position;
}

gboolean
pyprep_practice_session_is_finished (PyprepPracticeSession *self)
{
  g_return_val_if_fail (PYPREP_IS_PRACTICE_SESSION (self), TRUE);

  return self->position >= self->cards->len;
}

/* Returns: (transfer none) (nullable): the card to show, %NULL at the end */
PyprepQuestion *
pyprep_practice_session_get_current (PyprepPracticeSession *self)
{
  g_return_val_if_fail (PYPREP_IS_PRACTICE_SESSION (self), NULL);

  if (pyprep_practice_session_is_finished (self))
    return NULL;

  return g_array_index (self->cards, Card, self->position).question;
}

/* The interval each grade would give the current card, for its buttons. */
void
pyprep_practice_session_preview (PyprepPracticeSession *self,
                                 GDateTime             *now,
                                 gint64                 intervals[4])
{
  PyprepQuestion *current;

  g_return_if_fail (PYPREP_IS_PRACTICE_SESSION (self));
  g_return_if_fail (now != NULL);

  current = pyprep_practice_session_get_current (self);
  g_return_if_fail (current != NULL);

  pyprep_study_preview_review (self->study, g_array_index (self->cards, Card, self->position).id, now,
                               intervals);
}

/* Records the grade for the current card and moves on. */
void
pyprep_practice_session_grade (PyprepPracticeSession *self,
                               PyprepGrade            grade,
                               GDateTime             *now)
{
  pyprep_practice_session_grade_full (self, grade, now, -1);
}

/* The same, with the seconds the answer took (-1: unknown) for the
 * review log. */
void
pyprep_practice_session_grade_full (PyprepPracticeSession *self,
                                    PyprepGrade            grade,
                                    GDateTime             *now,
                                    int                    seconds)
{
  PyprepQuestion *current;
  const char *id;

  g_return_if_fail (PYPREP_IS_PRACTICE_SESSION (self));
  g_return_if_fail (pyprep_grade_is_valid (grade));
  g_return_if_fail (now != NULL);

  current = pyprep_practice_session_get_current (self);
  g_return_if_fail (current != NULL);

  id = g_array_index (self->cards, Card, self->position).id;
  self->can_undo = TRUE;
  self->undo_passed = pyprep_grade_is_pass (grade);
  self->undo_n_weak = self->weak_topics->len;
  pyprep_study_record_review_full (self->study, id,
                                   pyprep_practice_session_is_exercise (self, self->position)
                                   ? PYPREP_REVIEW_KIND_EXERCISE : PYPREP_REVIEW_KIND_RECALL,
                                   grade, now, seconds);

  if (pyprep_grade_is_pass (grade))
    {
      self->n_passed++;
    }
  else
    {
      PyprepTopic *topic = pyprep_question_get_topic (current);
      const char *title = topic ? pyprep_topic_get_title (topic) : NULL;
      gboolean known = FALSE;

      for (guint i = 0; title != NULL && i < self->weak_topics->len; i++)
        known |= g_str_equal (self->weak_topics->pdata[i], title);
      if (title != NULL && !known)
        g_ptr_array_add (self->weak_topics, g_strdup (title));
    }

  self->position++;
}

/**
 * pyprep_practice_session_undo_grade:
 *
 * Takes back the last grade (pyprep_study_undo_review()): its card is
 * the current one again, and the session's counts are as before it.
 * Only the last grade, once.
 *
 * Returns: %TRUE if it was undone
 */
gboolean
pyprep_practice_session_undo_grade (PyprepPracticeSession *self)
{
  const char *id;

  g_return_val_if_fail (PYPREP_IS_PRACTICE_SESSION (self), FALSE);

  if (!self->can_undo || self->position == 0)
    return FALSE;
  self->can_undo = FALSE;

  id = g_array_index (self->cards, Card, self->position - 1).id;
  if (!pyprep_study_undo_review (self->study, id))
    return FALSE;

  self->position--;
  if (self->undo_passed)
    self->n_passed--;
  g_ptr_array_set_size (self->weak_topics, self->undo_n_weak);
  return TRUE;
}

guint
pyprep_practice_session_get_n_graded (PyprepPracticeSession *self)
{
  g_return_val_if_fail (PYPREP_IS_PRACTICE_SESSION (self), 0);

  return self->position;
}

/* Cards graded Hard, Good or Easy. */
guint
pyprep_practice_session_get_n_passed (PyprepPracticeSession *self)
{
  g_return_val_if_fail (PYPREP_IS_PRACTICE_SESSION (self), 0);

  return self->n_passed;
}

/* Returns: (transfer none) (element-type utf8): the titles of the topics
 * that had a card graded Again */
GPtrArray *
pyprep_practice_session_get_weak_topics (PyprepPracticeSession *self)
{
  g_return_val_if_fail (PYPREP_IS_PRACTICE_SESSION (self), NULL);

  return self->weak_topics;
}

/* The earliest due date of any question in the bank, Unix time; 0 when
 * nothing has been practised. */
gint64
pyprep_practice_session_get_next_due (PyprepPracticeSession *self)
{
  g_autoptr(GPtrArray) questions = NULL;
  gint64 next = 0;

  g_return_val_if_fail (PYPREP_IS_PRACTICE_SESSION (self), 0);

  questions = pyprep_library_list_questions (self->library);
  for (guint i = 0; i < questions->len; i++)
    {
      PyprepReviewState review;

      if (pyprep_study_get_review (self->study, pyprep_question_get_id (questions->pdata[i]), &review)
          && (next == 0 || review.due < next))
        next = review.due;
    }

  return next;
}
