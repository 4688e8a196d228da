/* pyprep-practice-session.h: which questions a practice session shows, in
 * which order, and what the user made of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-library.h"
#include "pyprep-plan.h"
#include "pyprep-scheduler.h"
#include "pyprep-scope.h"
#include "pyprep-study.h"

G_BEGIN_DECLS

typedef enum {
  PYPREP_CARD_DUE,
  PYPREP_CARD_WEAK,
  PYPREP_CARD_NEW,
} PyprepCardKind;

/* Which cards a session takes: a question is a recall card, and a
 * question with an exercise is also an exercise card. */
typedef enum {
  PYPREP_PRACTICE_RECALL,         /* recall cards only */
  PYPREP_PRACTICE_MIXED,          /* both */
  PYPREP_PRACTICE_EXERCISES,      /* exercise cards only */
} PyprepPracticeCards;

#define PYPREP_PRACTICE_NEW_PER_DAY_DEFAULT 20
#define PYPREP_PRACTICE_REVIEWS_PER_DAY_DEFAULT 200

/* Any level, for PyprepPracticeOptions.level. */
#define PYPREP_PRACTICE_ANY_LEVEL (-1)

/* What a session takes from the bank, and how much of it in a day. A
 * question is taken if it is in the scope's list and, as well, in one
 * of @topics and of @level. The options are read while the session is
 * built and not kept. */
typedef struct
{
  PyprepScope          scope;
  const char          *topic_id;         /* the topic of %PYPREP_SCOPE_TOPIC */
  GHashTable          *topics;           /* (nullable): a set of topic ids (g_str_hash), the only
                                          * ones taken; %NULL for every topic */
  int                  level;            /* a PyprepDifficulty, or %PYPREP_PRACTICE_ANY_LEVEL */
  PyprepPracticeCards  cards;
  guint                new_per_day;
  guint                reviews_per_day;  /* of cards in review; 0 for no limit */
  PyprepPlan          *plan;             /* (nullable): the plan toward the interview */
} PyprepPracticeOptions;

void                   pyprep_practice_options_init         (PyprepPracticeOptions *options);
gboolean               pyprep_practice_options_matches      (const PyprepPracticeOptions *options,
                                                             PyprepQuestion              *question);

#define PYPREP_TYPE_PRACTICE_SESSION (pyprep_practice_session_get_type ())

G_DECLARE_FINAL_TYPE (PyprepPracticeSession, pyprep_practice_session, PYPREP, PRACTICE_SESSION, GObject)

PyprepPracticeSession *pyprep_practice_session_new          (PyprepLibrary         *library,
                                                             PyprepStudy           *study,
                                                             PyprepScope            scope,
                                                             const char            *topic_id,
                                                             guint                  new_per_day,
                                                             GDateTime             *now);
PyprepPracticeSession *pyprep_practice_session_new_full     (PyprepLibrary         *library,
                                                             PyprepStudy           *study,
                                                             PyprepScope            scope,
                                                             const char            *topic_id,
                                                             PyprepPracticeCards    cards,
                                                             guint                  new_per_day,
                                                             GDateTime             *now);
PyprepPracticeSession *pyprep_practice_session_new_with_options (PyprepLibrary               *library,
                                                                 PyprepStudy                 *study,
                                                                 const PyprepPracticeOptions *options,
                                                                 GDateTime                   *now);
guint                  pyprep_practice_session_get_n_held_back (PyprepPracticeSession *self);
guint                  pyprep_practice_session_get_n_cards  (PyprepPracticeSession *self);
gboolean               pyprep_practice_session_is_exercise  (PyprepPracticeSession *self,
                                                             guint                  position);
PyprepQuestion        *pyprep_practice_session_get_card     (PyprepPracticeSession *self,
                                                             guint                  position);
PyprepCardKind         pyprep_practice_session_get_kind     (PyprepPracticeSession *self,
                                                             guint                  position);
guint                  pyprep_practice_session_get_position (PyprepPracticeSession *self);
PyprepQuestion        *pyprep_practice_session_get_current  (PyprepPracticeSession *self);
gboolean               pyprep_practice_session_is_finished  (PyprepPracticeSession *self);
void                   pyprep_practice_session_preview      (PyprepPracticeSession *self,
                                                             GDateTime             *now,
                                                             gint64                 intervals[4]);
void                   pyprep_practice_session_grade        (PyprepPracticeSession *self,
                                                             PyprepGrade            grade,
                                                             GDateTime             *now);
gboolean               pyprep_practice_session_undo_grade   (PyprepPracticeSession *self);
void                   pyprep_practice_session_grade_full   (PyprepPracticeSession *self,
                                                             PyprepGrade            grade,
                                                             GDateTime             *now,
                                                             int                    seconds);
guint                  pyprep_practice_session_get_n_graded (PyprepPracticeSession *self);
guint                  pyprep_practice_session_get_n_passed (PyprepPracticeSession *self);
GPtrArray             *pyprep_practice_session_get_weak_topics (PyprepPracticeSession *self);
gint64                 pyprep_practice_session_get_next_due (PyprepPracticeSession *self);

G_END_DECLS
