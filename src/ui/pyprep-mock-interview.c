/* pyprep-mock-interview.c: a mock interview. Each question has a visible
 * countdown; the user answers aloud or types, the answer is revealed when
 * time runs out or on demand, and the user grades themself. After the
 * answer the interviewer may ask one of the question's follow-ups, on a
 * clock of its own. What the user typed is kept for the session.
 *
 * The summary lists the time taken, the grade and the typed answer per
 * question and follow-up; a question's row opens it in the main window,
 * a typed answer can be kept as the question's note in one click, and
 * the weak questions (Again or Hard) go to the Needs review list in one
 * click. A question's grade is recorded as a review, so that a mock
 * interview counts; a follow-up has no card of its own, and its grade
 * only counts towards what the summary sends to Needs review.
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

/* One reply: to a question or to its follow-up. */
typedef struct
{
  char           *typed;         /* what the user typed, or NULL */
  gint64          seconds_taken;
  PyprepGrade     grade;
  gboolean        timed_out;
  gboolean        kept;          /* typed kept as the question's note */
  GtkWidget      *keep_button;   /* in the summary, owned by it */
  GtkWidget      *row;           /* the summary's row of the question or follow-up */
} Reply;

typedef struct
{
  PyprepQuestion *question;
  Reply           reply;
  int             follow_up;     /* the follow-up asked, or -1 */
  Reply           follow_up_reply;
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
  gboolean            on_follow_up;
  gboolean            follow_ups;
  guint               seconds;
  gint64              started;   /* monotonic, microseconds */
  guint               tick_id;
  int                 last_shown;
};

G_DEFINE_FINAL_TYPE (PyprepMockInterview, pyprep_mock_interview, GTK_TYPE_WIDGET)

enum {
  OPEN_QUESTION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

/* The reply on show: to the question, or to its follow-up. */
static Reply *
current_reply (PyprepMockInterview *self)
{
  Answer *answer = current (self);

  return self->on_follow_up ? &answer->follow_up_reply : &answer->reply;
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
      current_reply (self)->timed_out = TRUE;
      pyprep_mock_interview_reveal (self);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/* The question, or its follow-up, with a full clock. */
static void
show_current (PyprepMockInterview *self)
{
  Answer *answer = current (self);
  PyprepTopic *topic = pyprep_question_get_topic (answer->question);
  const char *topic_title = topic ? pyprep_topic_get_title (topic) : "";
  g_autofree char *position = NULL;

  if (self->on_follow_up)
    {
      g_autofree char *caption = NULL;

      /* TRANSLATORS: over a follow-up question, as in "Follow-up · Concurrency" */
      caption = g_strdup_printf (_("Follow-up · %s"), topic_title);
      /* TRANSLATORS: the position of a follow-up, as in "Question 2 of 5 · Follow-up" */
      position = g_strdup_printf (_("Question %u of %u · Follow-up"), self->position + 1, self->answers->len);
      pyprep_card_set_caption (self->card, caption);
      pyprep_card_set_follow_up (self->card, answer->question,
                                 pyprep_question_get_follow_up (answer->question, answer->follow_up));
    }
  else
    {
      position = g_strdup_printf (_("Question %u of %u"), self->position + 1, self->answers->len);
      pyprep_card_set_caption (self->card, topic_title);
      pyprep_card_set_question (self->card, answer->question);
    }
  gtk_label_set_label (self->position_label, position);
  gtk_stack_set_visible_child_name (self->stack, "question");

  stop_clock (self);
  self->started = g_get_monotonic_time ();
  self->last_shown = -1;
  tick_cb (self);
  self->tick_id = g_timeout_add (200, tick_cb, self);

  gtk_widget_grab_focus (GTK_WIDGET (self->card));
}

static gboolean
is_weak_grade (PyprepGrade grade)
{
  return grade == PYPREP_GRADE_AGAIN || grade == PYPREP_GRADE_HARD;
}

/* A question is weak if it or its follow-up was graded Again or Hard. */
static gboolean
is_weak (const Answer *answer)
{
  return is_weak_grade (answer->reply.grade)
         || (answer->follow_up >= 0 && is_weak_grade (answer->follow_up_reply.grade));
}

static GtkWidget *
grade_label (PyprepGrade grade)
{
  GtkWidget *label = gtk_label_new (pyprep_grade_get_label (grade));

  gtk_widget_add_css_class (label, is_weak_grade (grade) ? "warning" : "success");
  return label;
}

/* A row of the summary that opens @answer's question when activated. */
static GtkWidget *
result_row (const Answer *answer,
            const Reply  *reply,
            const char   *title)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *clock = format_clock (reply->seconds_taken);
  /* TRANSLATORS: time taken on a mock interview question */
  g_autofree char *subtitle = reply->timed_out ? g_strdup_printf (_("%s, time ran out"), clock)
                                               : g_strdup (clock);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), grade_label (reply->grade));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_widget_set_tooltip_text (row, _("Open this question in the main window"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "mock.open-question");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", pyprep_question_get_id (answer->question));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

/* A row with what the user typed, and a button to keep it as the
 * question's note. */
static GtkWidget *
typed_row (Reply      *reply,
           const char *title,
           guint       index,
           gboolean    follow_up)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Your answer"));
  GtkWidget *text = gtk_label_new (reply->typed);
  GtkWidget *button = gtk_button_new_with_label (reply->kept ? _("Kept as Note") : _("Keep as Note"));
  /* TRANSLATORS: the accessible name of Keep as Note in a mock interview's summary */
  g_autofree char *name = g_strdup_printf (_("Keep your answer to “%s” as its note"), title);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_sensitive (button, !reply->kept);
  gtk_widget_set_tooltip_text (button, _("Add what you typed to this question’s note"));
  /* The name says whose answer. GTK 4.18 names a button after its label
   * through a labelled-by relation, which would win over this name. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "mock.keep-note");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ub)", index, follow_up);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  reply->keep_button = button;
  return row;
}

/* A long button label wraps on a phone rather than widening the window. */
static void
set_wrapping_label (GtkButton  *button,
                    const char *text)
{
  GtkWidget *label;

  gtk_button_set_label (button, text);
  label = gtk_button_get_child (button);
  if (GTK_IS_LABEL (label))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
    }
}

static void
forget_rows (PyprepMockInterview *self)
{
  for (guint i = 0; i < self->answers->len; i++)
    {
      Answer *answer = &g_array_index (self->answers, Answer, i);

      answer->reply.keep_button = answer->reply.row = NULL;
      answer->follow_up_reply.keep_button = answer->follow_up_reply.row = NULL;
    }
}

static void
show_summary (PyprepMockInterview *self)
{
  g_autofree char *summary = NULL;
  g_autofree char *send = NULL;
  gint64 total = 0;
  guint weak = 0;
  guint n_follow_ups = 0;
  GtkWidget *row;

  forget_rows (self);
  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, row);

  for (guint i = 0; i < self->answers->len; i++)
    {
      Answer *answer = &g_array_index (self->answers, Answer, i);
      const char *title = pyprep_question_get_title (answer->question);

      total += answer->reply.seconds_taken;
      weak += is_weak (answer);

      answer->reply.row = result_row (answer, &answer->reply, title);
      gtk_list_box_append (self->results_list, answer->reply.row);
      if (answer->reply.typed != NULL)
        gtk_list_box_append (self->results_list, typed_row (&answer->reply, title, i, FALSE));

      if (answer->follow_up >= 0)
        {
          const PyprepFollowUp *follow_up = pyprep_question_get_follow_up (answer->question, answer->follow_up);
          /* TRANSLATORS: a follow-up question in a mock interview's summary */
          g_autofree char *follow_title = g_strdup_printf (_("Follow-up: %s"), follow_up->prompt);

          total += answer->follow_up_reply.seconds_taken;
          n_follow_ups++;
          answer->follow_up_reply.row = result_row (answer, &answer->follow_up_reply, follow_title);
          gtk_list_box_append (self->results_list, answer->follow_up_reply.row);
          if (answer->follow_up_reply.typed != NULL)
            gtk_list_box_append (self->results_list,
                                 typed_row (&answer->follow_up_reply, follow_title, i, TRUE));
        }
    }

  /* The counts say what the rows show: the questions, the follow-ups
   * asked after them, and, as the Send button, the questions to work on
   * (a follow-up belongs to its question, and has no card of its own). */
  {
    g_autofree char *clock = format_clock (total);
    g_autofree char *asked = g_strdup_printf (ngettext ("%u question", "%u questions", self->answers->len),
                                              self->answers->len);
    g_autofree char *to_work_on = g_strdup_printf (ngettext ("%u question to work on",
                                                             "%u questions to work on", weak), weak);

    if (n_follow_ups > 0)
      {
        g_autofree char *follow_ups = g_strdup_printf (ngettext ("%u follow-up", "%u follow-ups", n_follow_ups),
                                                       n_follow_ups);
        g_autofree char *questions = g_steal_pointer (&asked);

        /* TRANSLATORS: a mock interview's questions and follow-ups, as in
         * "2 questions and 1 follow-up" */
        asked = g_strdup_printf (C_("mock interview summary", "%s and %s"), questions, follow_ups);
      }
    /* TRANSLATORS: a mock interview's summary, as in "2 questions and 1
     * follow-up in 4:10; 1 question to work on." */
    summary = g_strdup_printf (C_("mock interview summary", "%s in %s; %s."), asked, clock, to_work_on);
  }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), summary);

  send = g_strdup_printf (ngettext ("_Send %u Weak Question to Needs Review",
                                    "_Send %u Weak Questions to Needs Review", weak), weak);
  set_wrapping_label (self->send_weak_button, send);
  gtk_widget_set_sensitive (GTK_WIDGET (self->send_weak_button), weak > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->send_weak_button),
                               _("Questions graded Again or Hard, or whose follow-up was, get the status Needs review"));

  gtk_stack_set_visible_child_name (self->stack, "summary");
  /* The focus rests on the summary's first line, which does nothing when
   * pressed: a key pressed once too often after the last grade sends
   * nothing and leaves nothing. The buttons are a Tab away. */
  gtk_widget_grab_focus (GTK_WIDGET (self->summary_row));
}

/* The one place a mock interview's grade is recorded: as a review of the
 * question's recall card (it was recalled, under time), logged as a mock
 * interview's, with the seconds it took. */
static void
record_grade (PyprepMockInterview *self,
              const Answer        *answer,
              GDateTime           *now)
{
  pyprep_study_record_review_full (self->study, pyprep_question_get_id (answer->question),
                                   PYPREP_REVIEW_KIND_MOCK, answer->reply.grade, now,
                                   (int)CLAMP (answer->reply.seconds_taken, 0, G_MAXINT));
}

/**
 * pyprep_mock_interview_start:
 * @questions: (element-type PyprepQuestion): the questions, in order
 * @seconds: the time per question, and per follow-up
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
  forget_rows (self);
  g_array_set_size (self->answers, 0);
  for (guint i = 0; i < questions->len; i++)
    {
      Answer answer = { 0 };

      answer.question = g_object_ref (questions->pdata[i]);
      answer.reply.grade = PYPREP_GRADE_GOOD;
      answer.follow_up = -1;
      answer.follow_up_reply.grade = PYPREP_GRADE_GOOD;
      g_array_append_val (self->answers, answer);
    }

  self->position = 0;
  self->on_follow_up = FALSE;
  self->seconds = seconds;
  show_current (self);
}

/* Stops the clock, e.g. when the user leaves the interview. */
void
pyprep_mock_interview_stop (PyprepMockInterview *self)
{
  g_return_if_fail (PYPREP_IS_MOCK_INTERVIEW (self));

  stop_clock (self);
}

/**
 * pyprep_mock_interview_set_follow_ups:
 * @follow_ups: whether the interviewer asks one of a question's
 *   follow-ups after its answer, when it lists any
 */
void
pyprep_mock_interview_set_follow_ups (PyprepMockInterview *self,
                                      gboolean             follow_ups)
{
  g_return_if_fail (PYPREP_IS_MOCK_INTERVIEW (self));

  self->follow_ups = !!follow_ups;
}

gboolean
pyprep_mock_interview_get_revealed (PyprepMockInterview *self)
{
  g_return_val_if_fail (PYPREP_IS_MOCK_INTERVIEW (self), FALSE);

  return pyprep_card_get_revealed (self->card);
}

/* Returns: whether a follow-up is on show */
gboolean
pyprep_mock_interview_get_on_follow_up (PyprepMockInterview *self)
{
  g_return_val_if_fail (PYPREP_IS_MOCK_INTERVIEW (self), FALSE);

  return self->position < self->answers->len && self->on_follow_up;
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
  Reply *reply;
  gint64 elapsed;

  if (!pyprep_card_get_revealed (self->card) || self->position >= self->answers->len)
    return;

  stop_clock (self);
  reply = current_reply (self);
  elapsed = (g_get_monotonic_time () - self->started + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC;
  reply->seconds_taken = reply->timed_out ? self->seconds : MIN (elapsed, (gint64)self->seconds);
  pyprep_card_set_notice (self->card, reply->timed_out ? _("Time is up.") : NULL);
}

/* What the user typed, kept with the reply (the card forgets it). */
static char *
dup_typed (PyprepMockInterview *self)
{
  GtkTextBuffer *buffer = pyprep_card_get_scratch (self->card);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

void
pyprep_mock_interview_grade (PyprepMockInterview *self,
                             PyprepGrade          grade)
{
  Answer *answer;
  Reply *reply;

  g_return_if_fail (PYPREP_IS_MOCK_INTERVIEW (self));
  g_return_if_fail (pyprep_grade_is_valid (grade));

  if (!pyprep_card_get_revealed (self->card) || self->position >= self->answers->len)
    return;

  answer = current (self);
  reply = current_reply (self);
  reply->grade = grade;
  g_free (reply->typed);
  reply->typed = dup_typed (self);

  if (!self->on_follow_up)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      guint n_follow_ups = pyprep_question_get_n_follow_ups (answer->question);

      record_grade (self, answer, now);
      if (self->follow_ups && n_follow_ups > 0)
        {
          answer->follow_up = g_random_int_range (0, n_follow_ups);
          self->on_follow_up = TRUE;
          show_current (self);
          return;
        }
    }

  self->on_follow_up = FALSE;
  self->position++;
  if (self->position < self->answers->len)
    show_current (self);
  else
    show_summary (self);
}

/* Marks every question graded Again or Hard (itself or its follow-up)
 * as needing review.
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

/**
 * pyprep_mock_interview_keep_note:
 * @index: the question's position in the interview
 * @follow_up: whether to keep the reply to its follow-up
 *
 * Adds what the user typed to the question's note, under what the note
 * says already; a follow-up's reply comes with its prompt.
 * Returns: whether there was an answer to keep
 */
gboolean
pyprep_mock_interview_keep_note (PyprepMockInterview *self,
                                 guint                index,
                                 gboolean             follow_up)
{
  Answer *answer;
  Reply *reply;
  g_autofree char *text = NULL;
  g_autofree char *note = NULL;
  const char *id, *old;

  g_return_val_if_fail (PYPREP_IS_MOCK_INTERVIEW (self), FALSE);
  g_return_val_if_fail (index < self->answers->len, FALSE);

  answer = &g_array_index (self->answers, Answer, index);
  reply = follow_up ? &answer->follow_up_reply : &answer->reply;
  if (reply->typed == NULL || reply->kept || (follow_up && answer->follow_up < 0))
    return FALSE;

  if (follow_up)
    /* TRANSLATORS: a follow-up's prompt, then the user's answer, kept as a note */
    text = g_strdup_printf (_("Follow-up: %s\n%s"),
                            pyprep_question_get_follow_up (answer->question, answer->follow_up)->prompt,
                            reply->typed);
  else
    text = g_strdup (reply->typed);

  id = pyprep_question_get_id (answer->question);
  old = pyprep_study_get_note (self->study, id);
  if (old != NULL && *old != '\0')
    note = g_strconcat (old, "\n\n", text, NULL);
  else
    note = g_steal_pointer (&text);
  pyprep_study_set_note (self->study, id, note);
  reply->kept = TRUE;

  if (reply->keep_button != NULL)
    {
      /* TRANSLATORS: the accessible name of Keep as Note, once pressed */
      g_autofree char *name = g_strdup_printf (_("Your answer to “%s” is kept as its note"),
                                               pyprep_question_get_title (answer->question));

      gtk_button_set_label (GTK_BUTTON (reply->keep_button), _("Kept as Note"));
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (reply->keep_button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_update_property (GTK_ACCESSIBLE (reply->keep_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      gtk_widget_set_sensitive (reply->keep_button, FALSE);
    }
  return TRUE;
}

static void
keep_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PyprepMockInterview *self = PYPREP_MOCK_INTERVIEW (widget);
  guint index;
  gboolean follow_up;
  Reply *reply;

  g_variant_get (parameter, "(ub)", &index, &follow_up);
  if (index >= self->answers->len || !pyprep_mock_interview_keep_note (self, index, follow_up))
    return;

  /* The greyed-out button cannot keep the focus: its question's row takes it. */
  reply = follow_up ? &g_array_index (self->answers, Answer, index).follow_up_reply
                    : &g_array_index (self->answers, Answer, index).reply;
  if (reply->row != NULL)
    gtk_widget_grab_focus (reply->row);
}

static void
open_question_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_signal_emit (widget, signals[OPEN_QUESTION], 0, g_variant_get_string (parameter, NULL));
}

static void
send_weak_clicked_cb (PyprepMockInterview *self)
{
  guint sent = pyprep_mock_interview_send_weak (self);
  g_autofree char *done = g_strdup_printf (ngettext ("%u Question Sent to Needs Review",
                                                     "%u Questions Sent to Needs Review", sent), sent);

  set_wrapping_label (self->send_weak_button, done);
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
clear_reply (Reply *reply)
{
  g_clear_pointer (&reply->typed, g_free);
}

static void
clear_answer (gpointer data)
{
  Answer *answer = data;

  g_clear_object (&answer->question);
  clear_reply (&answer->reply);
  clear_reply (&answer->follow_up_reply);
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

  /**
   * PyprepMockInterview::open-question:
   * @id: the question's id
   *
   * The user asked to read a question of the summary in the main window.
   */
  signals[OPEN_QUESTION] = g_signal_new ("open-question", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

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

  gtk_widget_class_install_action (widget_class, "mock.open-question", "s", open_question_action);
  gtk_widget_class_install_action (widget_class, "mock.keep-note", "(ub)", keep_note_action);
}

static void
pyprep_mock_interview_init (PyprepMockInterview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->follow_ups = TRUE;
  self->answers = g_array_new (FALSE, TRUE, sizeof (Answer));
  g_array_set_clear_func (self->answers, clear_answer);
}

GtkWidget *
pyprep_mock_interview_new (void)
{
  return g_object_new (PYPREP_TYPE_MOCK_INTERVIEW, NULL);
}
