/* pyprep-scope.c: answers "is this question in this list?" once, for
 * every list the app shows: the smart lists of the sidebar, the scope of
 * a search and the candidates of a practice session.
 *
 * The scope is a registered enumeration, so a property can carry it and
 * an action can name it by its nick ("all", "topic", "bookmarked",
 * "needs-review", "not-started", "due", "exercises", "leeches").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-scope"

#include "config.h"

#include "pyprep-question.h"
#include "pyprep-scope.h"
#include "pyprep-topic.h"

G_DEFINE_ENUM_TYPE (PyprepScope, pyprep_scope,
  G_DEFINE_ENUM_VALUE (PYPREP_SCOPE_ALL, "all"),
  G_DEFINE_ENUM_VALUE (PYPREP_SCOPE_TOPIC, "topic"),
  G_DEFINE_ENUM_VALUE (PYPREP_SCOPE_BOOKMARKED, "bookmarked"),
  G_DEFINE_ENUM_VALUE (PYPREP_SCOPE_NEEDS_REVIEW, "needs-review"),
  G_DEFINE_ENUM_VALUE (PYPREP_SCOPE_NOT_STARTED, "not-started"),
  G_DEFINE_ENUM_VALUE (PYPREP_SCOPE_DUE, "due"),
  G_DEFINE_ENUM_VALUE (PYPREP_SCOPE_EXERCISES, "exercises"),
  G_DEFINE_ENUM_VALUE (PYPREP_SCOPE_LEECHES, "leeches"))

/* A topic is the same when it is the same object or has the same id: ids
 * are what the study record and the decks agree on. */
static gboolean
same_topic (PyprepTopic *a,
            PyprepTopic *b)
{
  return a == b
         || (a != NULL && b != NULL
             && g_strcmp0 (pyprep_topic_get_id (a), pyprep_topic_get_id (b)) == 0);
}

/* Whether a review of @id is due before the end of @now's day, in @now's
 * time zone: what is due later today is practised today. */
static gboolean
due_today (PyprepStudy *study,
           const char  *id,
           GDateTime   *now)
{
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  gint64 due;

  if (!pyprep_study_get_due (study, id, &due))
    return FALSE;

  midnight = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                              g_date_time_get_month (now), g_date_time_get_day_of_month (now),
                              0, 0, 0);
  tomorrow = g_date_time_add_days (midnight, 1);
  return due < g_date_time_to_unix (tomorrow);
}

/**
 * pyprep_scope_contains:
 * @topic: (nullable): the topic of %PYPREP_SCOPE_TOPIC; %NULL means any
 * @now: (nullable): the time "today" is taken from; needed for
 *   %PYPREP_SCOPE_DUE only
 *
 * Returns: whether @question is in the list @scope names
 */
gboolean
pyprep_scope_contains (PyprepScope     scope,
                       PyprepStudy    *study,
                       PyprepTopic    *topic,
                       PyprepQuestion *question,
                       GDateTime      *now)
{
  const char *id;

  g_return_val_if_fail (PYPREP_IS_STUDY (study), FALSE);
  g_return_val_if_fail (topic == NULL || PYPREP_IS_TOPIC (topic), FALSE);
  g_return_val_if_fail (PYPREP_IS_QUESTION (question), FALSE);
  g_return_val_if_fail (scope != PYPREP_SCOPE_DUE || now != NULL, FALSE);

  id = pyprep_question_get_id (question);

  switch (scope)
    {
    case PYPREP_SCOPE_ALL:
      return TRUE;
    case PYPREP_SCOPE_TOPIC:
      return topic == NULL || same_topic (pyprep_question_get_topic (question), topic);
    case PYPREP_SCOPE_BOOKMARKED:
      return pyprep_study_get_bookmarked (study, id);
    case PYPREP_SCOPE_NEEDS_REVIEW:
      return pyprep_study_get_status (study, id) == PYPREP_STATUS_NEEDS_REVIEW;
    case PYPREP_SCOPE_NOT_STARTED:
      return pyprep_study_get_status (study, id) == PYPREP_STATUS_NEW;
    case PYPREP_SCOPE_DUE:
      return due_today (study, id, now);
    case PYPREP_SCOPE_EXERCISES:
      return pyprep_question_get_exercise (question) != NULL;
    case PYPREP_SCOPE_LEECHES:
      return pyprep_study_is_leech (study, id);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* The enumeration's class, kept for the life of the process: the nicks
 * it hands out stay valid. */
static GEnumClass *
scope_class (void)
{
  static GEnumClass *klass;

  if (g_once_init_enter (&klass))
    g_once_init_leave (&klass, g_type_class_ref (PYPREP_TYPE_SCOPE));
  return klass;
}

/* Returns: the nick of @scope, such as "needs-review" */
const char *
pyprep_scope_to_nick (PyprepScope scope)
{
  GEnumValue *value = g_enum_get_value (scope_class (), scope);

  g_return_val_if_fail (value != NULL, "all");
  return value->value_nick;
}

/**
 * pyprep_scope_from_nick:
 * @scope: (out): the scope named @nick
 *
 * Returns: whether @nick names a scope
 */
gboolean
pyprep_scope_from_nick (const char  *nick,
                        PyprepScope *scope)
{
  GEnumValue *value;

  g_return_val_if_fail (scope != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  value = g_enum_get_value_by_nick (scope_class (), nick);
  if (value == NULL)
    return FALSE;

  *scope = (PyprepScope)value->value;
  return TRUE;
}
