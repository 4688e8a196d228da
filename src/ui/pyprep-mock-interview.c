/* pyprep-mock-interview.c: a mock interview. Each question has a visible
 * countdown; the user answers aloud or types, the answer is revealed when
 * time runs out or on demand, and the user grades themself. The summary
 * lists the time taken and the grade per question, and sends the weak
 * ones (Again or Hard) to the Needs review list in one click.
 *
 * Mock grades do not feed the scheduler: an interview is a test, not a
 * spaced review, and the user decides what to do with the result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-mock"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-card.h"
#include "pyprep-mock-interview.h"
#include "pyprep-question.h"
#include "pyprep-topic.h"

typedef struct
{
  PyprepQuestion *question;
  gint64          seconds_taken;
  PyprepGrade     grade;
  gboolean        timed_out;
} Answer;

struct _PyprepMockInterview
{
  GtkWidget           parent_instance;

  GtkStack           *stack;
  GtkLabel           *position_label;
  GtkLabel           *countdown_label;
  GtkProgressBar     *time_bar;
  PyprepCard         *card;
  AdwActionRow       *summary_row;
  GtkListBox         *results_list;
  GtkButton          *send_weak_button;
  GtkButton          *done_button;

  PyprepStudy        *study;
  GArray             *answers;   /* Answer */
  guint               position;
  guint               seconds;
  gint64              started;   /* monotonic, microseconds */
  guint               tick_id;
  int                 last_shown;
};

G_DEFINE_FINAL_TYPE (PyprepMockInterview, pyprep_mock_interview, GTK_TYPE_WIDGET)

static char *
format_clock (gint64 seconds)
{
  seconds = MAX (seconds, 0);
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d", seconds / 60, (int)(seconds % 60));
}

static Answer *
current (PyprepMockInterview *self)
{
  return &g_array_index (self->answers, Answer, self->position);
}

static void
stop_clock (PyprepMockInterview *self)
{
  g_clear_handle_id (&self->tick_id, g_source_remove);
}

static gboolean
tick_cb (gpointer data)
{
  PyprepMockInterview *self = data;
  gint64 elapsed = g_get_monotonic_time () - self->started;
  gint64 total = (gint64)self->seconds * G_USEC_PER_SEC;
  gint64 left = total - elapsed;
  int shown = (int)((MAX (left, 0) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

  gtk_progress_bar_set_fraction (self->time_bar, CLAMP ((double)left / total, 0.0, 1.0));
  if (shown != self->last_shown)
    {
      g_autofree char *clock = format_clock (shown);
      /* TRANSLATORS: the countdown's accessible name, as in "2:59 left" */
      g_autofree char *name = g_strdup_printf (_("%s left"), clock);

      self->last_shown = shown;
      gtk_label_set_label (self->countdown_label, clock);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->countdown_label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }

  if (left <= 0)
    {
      self->tick_id = 0;
      current (self)->timed_out = TRUE;
      pyprep_mock_interview_reveal (self);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
show_question (PyprepMockInterview *self)
{
  Answer *answer = current (self);
  PyprepTopic *topic = pyprep_question_get_topic (answer->question);
  g_autofree char *position = g_strdup_printf (_("Question %u of %u"), self->position + 1, self->answers->len);

  gtk_label_set_label (self->position_label, position);
  pyprep_card_set_caption (self->card, topic ? pyprep_topic_get_title (topic) : "");
  pyprep_card_set_question (self->card, answer->question);
  gtk_stack_set_visible_child_name (self->stack, "question");

  stop_clock (self);
  self->started = g_get_monotonic_time ();
  self->last_shown = -1;
  tick_cb (self);
  self->tick_id = g_timeout_add (200, tick_cb, self);

  gtk_widget_grab_focus (GTK_WIDGET (self->card));
}

static gboolean
is_weak (const Answer *answer)
{
  return answer->grade == PYPREP_GRADE_AGAIN || answer->grade == PYPREP_GRADE_HARD;
}

static void
show_summary (PyprepMockInterview *self)
{
  g_autofree char *summary = NULL;
  g_autofree char *send = NULL;
  gint64 total = 0;
  guint weak = 0;
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, row);

  for (guint i = 0; i < self->answers->len; i++)
    {
      Answer *answer = &g_array_index (self->answers, Answer, i);
      g_autofree char *clock = format_clock (answer->seconds_taken);
      g_autofree char *subtitle = NULL;
      GtkWidget *grade;

      total += answer->seconds_taken;
      weak += is_weak (answer);

      /* TRANSLATORS: time taken on a mock interview question */
      subtitle = answer->timed_out ? g_strdup_printf (_("%s, time ran out"), clock)
                                   : g_strdup (clock);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pyprep_question_get_title (answer->question));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      grade = gtk_label_new (pyprep_grade_get_label (answer->grade));
      gtk_widget_add_css_class (grade, is_weak (answer) ? "warning" : "success");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), grade);
      gtk_list_box_append (self->results_list, row);
    }

  {
    g_autofree char *clock = format_clock (total);

    summary = g_strdup_printf (ngettext ("%u question in %s; %u to work on.",
                                         "%u questions in %s; %u to work on.", self->answers->len),
                               self->answers->len, clock, weak);
  }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), summary);

  send = g_strdup_printf (ngettext ("_Send %u Weak Question to Needs Review",
                                    "_Send %u Weak Questions to Needs Review", weak), weak);
  gtk_button_set_label (self->send_weak_button, send);
  gtk_widget_set_sensitive (GTK_WIDGET (self->send_weak_button), weak > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->send_weak_button),
                               _("Questions graded Again or Hard get the status Needs review"));

  gtk_stack_set_visible_child_name (self->stack, "summary");
  /* The focus rests on the summary's first line, which does nothing when
   * pressed: a key pressed once too often after the last grade sends
   * nothing and leaves nothing. The buttons are a Tab away. */
  gtk_widget_grab_focus (GTK_WIDGET (self->summary_row));
}

/**
 * pyprep_mock_interview_start:
 * @questions: (element-type PyprepQuestion): the questions, in order
 * @seconds: the time per question
 */
void
pyprep_mock_interview_start (PyprepMockInterview *self,
                             GPtrArray           *questions,
                             guint                seconds,
                             PyprepStudy         *study)
{
  g_return_if_fail (PYPREP_IS_MOCK_INTERVIEW (self));
  g_return_if_fail (questions != NULL && questions->len > 0);
  g_return_if_fail (seconds > 0);
  g_return_if_fail (PYPREP_IS_STUDY (study));

  g_set_object (&self->study, study);
  g_array_set_size (self->answers, 0);
  for (guint i = 0; i < questions->len; i++)
    {
      Answer answer = { g_object_ref (questions->pdata[i]), 0, PYPREP_GRADE_GOOD, FALSE };

      g_array_append_val (self->answers, answer);
    }

  self->position = 0;
  self->seconds = seconds;
  show_question (self);
}

/* Stops the clock, e.g. when the user leaves the interview. */
void
pyprep_mock_interview_stop (PyprepMockInterview *self)
{
  g_return_if_fail (PYPREP_IS_MOCK_INTERVIEW (self));

  stop_clock (self);
}

gboolean
pyprep_mock_interview_get_revealed (PyprepMockInterview *self)
{
  g_return_val_if_fail (PYPREP_IS_MOCK_INTERVIEW (self), FALSE);

  return pyprep_card_get_revealed (self->card);
}

void
pyprep_mock_interview_reveal (PyprepMockInterview *self)
{
  g_return_if_fail (PYPREP_IS_MOCK_INTERVIEW (self));

  if (self->position >= self->answers->len)
    return;

  pyprep_card_set_revealed (self->card, TRUE);
}

/* Revealing, by a key, the button or the clock, stops the clock. */
static void
revealed_cb (PyprepMockInterview *self)
{
  Answer *answer;
  gint64 elapsed;

  if (!pyprep_card_get_revealed (self->card) || self->position >= self->answers->len)
    return;

  stop_clock (self);
  answer = current (self);
  elapsed = (g_get_monotonic_time () - self->started + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC;
  answer->seconds_taken = answer->timed_out ? self->seconds : MIN (elapsed, (gint64)self->seconds);
  pyprep_card_set_notice (self->card, answer->timed_out ? _("Time is up.") : NULL);
}

void
pyprep_mock_interview_grade (PyprepMockInterview *self,
                             PyprepGrade          grade)
{
  g_return_if_fail (PYPREP_IS_MOCK_INTERVIEW (self));
  g_return_if_fail (pyprep_grade_is_valid (grade));

  if (!pyprep_card_get_revealed (self->card) || self->position >= self->answers->len)
    return;

  current (self)->grade = grade;
  self->position++;
  if (self->position < self->answers->len)
    show_question (self);
  else
    show_summary (self);
}

/* Marks every question graded Again or Hard as needing review.
 * Returns: how many were sent */
guint
pyprep_mock_interview_send_weak (PyprepMockInterview *self)
{
  guint sent = 0;

  g_return_val_if_fail (PYPREP_IS_MOCK_INTERVIEW (self), 0);

  for (guint i = 0; i < self->answers->len && self->position >= self->answers->len; i++)
    {
      Answer *answer = &g_array_index (self->answers, Answer, i);

      if (is_weak (answer))
        {
          pyprep_study_set_status (self->study, pyprep_question_get_id (answer->question),
                                   PYPREP_STATUS_NEEDS_REVIEW);
          sent++;
        }
    }

  return sent;
}

static void
send_weak_clicked_cb (PyprepMockInterview *self)
{
  guint sent = pyprep_mock_interview_send_weak (self);
  g_autofree char *done = g_strdup_printf (ngettext ("%u Question Sent to Needs Review",
                                                     "%u Questions Sent to Needs Review", sent), sent);

  gtk_button_set_label (self->send_weak_button, done);
  gtk_widget_set_sensitive (GTK_WIDGET (self->send_weak_button), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->done_button));
}

static void
graded_cb (PyprepMockInterview *self,
           PyprepGrade          grade)
{
  pyprep_mock_interview_grade (self, grade);
}

static void
clear_answer (gpointer data)
{
  Answer *answer = data;

  g_clear_object (&answer->question);
}

static void
pyprep_mock_interview_dispose (GObject *object)
{
  PyprepMockInterview *self = (PyprepMockInterview *)object;

  stop_clock (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_MOCK_INTERVIEW);
  g_clear_object (&self->study);
  g_clear_pointer (&self->answers, g_array_unref);

  G_OBJECT_CLASS (pyprep_mock_interview_parent_class)->dispose (object);
}

static void
pyprep_mock_interview_class_init (PyprepMockInterviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_mock_interview_dispose;

  g_type_ensure (PYPREP_TYPE_CARD);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pyprep/PyPrep/ui/pyprep-mock-interview.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepMockInterview, stack);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockInterview, position_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockInterview, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockInterview, time_bar);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockInterview, card);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockInterview, summary_row);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockInterview, results_list);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockInterview, send_weak_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockInterview, done_button);
  gtk_widget_class_bind_template_callback (widget_class, revealed_cb);
  gtk_widget_class_bind_template_callback (widget_class, graded_cb);
  gtk_widget_class_bind_template_callback (widget_class, send_weak_clicked_cb);
}

static void
pyprep_mock_interview_init (PyprepMockInterview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->answers = g_array_new (FALSE, TRUE, sizeof (Answer));
  g_array_set_clear_func (self->answers, clear_answer);
}

GtkWidget *
pyprep_mock_interview_new (void)
{
  return g_object_new (PYPREP_TYPE_MOCK_INTERVIEW, NULL);
}
