/* pyprep-practice-page.c: a practice session, card by card. Each card
 * shows the question with its answer hidden and a scratch area for the
 * user's own answer (kept only on request). Space reveals the answer,
 * with the user's note under it, to read and edit;
 * Again, Hard, Good and Easy (keys 1 to 4) grade it, each button showing
 * when the question would come back. A summary closes the session.
 *
 * Ctrl+Z, or Undo in the toast that follows a grade, takes the last
 * grade back and shows that card again with its answer, to be graded
 * anew; only the last grade, and not once the session has ended.
 *
 * An exercise card shows the exercise view instead: its tests propose a
 * grade, the user confirms it, and the answer follows in the view; its
 * Next Card button moves on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-practice"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-card.h"
#include "pyprep-exercise-view.h"
#include "pyprep-note-editor.h"
#include "pyprep-practice-page.h"
#include "pyprep-question.h"
#include "pyprep-topic.h"

struct _PyprepPracticePage
{
  GtkWidget              parent_instance;

  GtkStack              *stack;
  GtkProgressBar        *progress_bar;
  GtkStack              *card_stack;
  PyprepCard            *card;
  PyprepExerciseView    *exercise_view;   /* made when the first exercise comes */
  GtkButton             *keep_button;
  PyprepNoteEditor      *note_editor;
  AdwActionRow          *reviewed_row;
  GtkLabel              *reviewed_label;
  GtkLabel              *passed_label;
  AdwActionRow          *weak_row;
  GtkLabel              *next_label;
  GtkButton             *done_button;

  PyprepPracticeSession *session;
  PyprepStudy           *study;
  gint64                 shown_at;  /* monotonic µs when the card came, for the review log */
  AdwToast              *undo_toast;  /* "Graded Good · Undo", while shown */
};

G_DEFINE_FINAL_TYPE (PyprepPracticePage, pyprep_practice_page, GTK_TYPE_WIDGET)

static const char *
kind_name (PyprepCardKind kind)
{
  switch (kind)
    {
    case PYPREP_CARD_DUE:  return _("Due for review");
    case PYPREP_CARD_WEAK: return _("Needs review");
    case PYPREP_CARD_NEW:  return _("New");
    default:               g_return_val_if_reached (NULL);
    }
}

static void show_card (PyprepPracticePage *self);
static void show_summary (PyprepPracticePage *self);

/* Seconds since the current card came: the time the answer took. */
static int
seconds_taken (PyprepPracticePage *self)
{
  return (int)MIN ((g_get_monotonic_time () - self->shown_at) / G_USEC_PER_SEC, G_MAXINT);
}

/* Undo of the last grade ---------------------------------------------- */

static void
drop_undo (PyprepPracticePage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "practice.undo-grade", FALSE);
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_clear_object (&self->undo_toast);
}

static void
undo_toast_dismissed_cb (PyprepPracticePage *self,
                         AdwToast           *toast)
{
  if (self->undo_toast == toast)
    g_clear_object (&self->undo_toast);
}

static void
undo_grade_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PyprepPracticePage *self = PYPREP_PRACTICE_PAGE (widget);

  drop_undo (self);
  if (self->session == NULL || pyprep_practice_session_is_finished (self->session)
      || !pyprep_practice_session_undo_grade (self->session))
    return;

  show_card (self);
  pyprep_card_set_revealed (self->card, TRUE);
}

static void
undo_clicked_cb (PyprepPracticePage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "practice.undo-grade", NULL);
}

/* Offers to undo @grade, just given: Ctrl+Z, and a toast in the window's
 * overlay if there is one.
 *
 * WORKAROUND (libadwaita 1.2 to 1.7 at least): a toast dismissed while it
 * slides in over one being hidden (its 500 ms show outlasts the 300 ms
 * hide) has its show animation end after the overlay freed it, and the
 * app crashes; quick grades did that, each replacing the toast of the
 * one before. The toast on show takes the new grade instead, and adding
 * it again restarts its timeout. */
static void
offer_undo (PyprepPracticePage *self,
            PyprepGrade         grade)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *title = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "practice.undo-grade", TRUE);
  if (overlay == NULL)
    return;

  /* TRANSLATORS: a toast after a grade, "Graded Good" */
  title = g_strdup_printf (_("Graded %s"), pyprep_grade_get_label (grade));
  if (self->undo_toast != NULL)
    {
      adw_toast_set_title (self->undo_toast, title);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (self->undo_toast));
      return;
    }

  self->undo_toast = g_object_ref (adw_toast_new (title));
  adw_toast_set_button_label (self->undo_toast, _("Undo"));
  /* Over any other toast, at once. */
  adw_toast_set_priority (self->undo_toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (self->undo_toast, "button-clicked", G_CALLBACK (undo_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo_toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb),
                           self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (self->undo_toast));
}

/* The exercise's grade, confirmed: recorded on its card. The answer then
 * shows in the view until Next Card. */
static void
exercise_graded_cb (PyprepPracticePage *self,
                    guint               grade)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (self->session == NULL || pyprep_practice_session_is_finished (self->session))
    return;
  drop_undo (self);
  pyprep_practice_session_grade_full (self->session, grade, now, seconds_taken (self));
}

static void
exercise_next_cb (PyprepPracticePage *self)
{
  if (self->session == NULL)
    return;
  if (pyprep_practice_session_is_finished (self->session))
    show_summary (self);
  else
    show_card (self);
}

static void
show_exercise (PyprepPracticePage *self,
               PyprepQuestion     *question)
{
  if (self->exercise_view == NULL)
    {
      self->exercise_view = PYPREP_EXERCISE_VIEW (pyprep_exercise_view_new ());
      pyprep_exercise_view_set_answer_inline (self->exercise_view, TRUE);
      g_signal_connect_object (self->exercise_view, "graded", G_CALLBACK (exercise_graded_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->exercise_view, "show-answer", G_CALLBACK (exercise_next_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->card_stack, GTK_WIDGET (self->exercise_view), "exercise");
    }

  /* A fresh attempt each time the card comes, from the saved code. */
  pyprep_exercise_view_set_question (self->exercise_view, NULL);
  pyprep_exercise_view_set_question (self->exercise_view, question);
  gtk_stack_set_visible_child_name (self->card_stack, "exercise");
  gtk_stack_set_visible_child_name (self->stack, "card");
  gtk_widget_grab_focus (GTK_WIDGET (self->exercise_view));
}

static void
show_card (PyprepPracticePage *self)
{
  PyprepQuestion *question = pyprep_practice_session_get_current (self->session);
  guint position = pyprep_practice_session_get_position (self->session);
  guint n = pyprep_practice_session_get_n_cards (self->session);
  PyprepTopic *topic = pyprep_question_get_topic (question);
  g_autofree char *progress = NULL;
  g_autofree char *kind = NULL;

  self->shown_at = g_get_monotonic_time ();
  if (pyprep_practice_session_is_exercise (self->session, position))
    /* TRANSLATORS: the progress through a session, on an exercise card */
    progress = g_strdup_printf (_("Card %u of %u · Exercise"), position + 1, n);
  else
    progress = g_strdup_printf (_("Card %u of %u"), position + 1, n);
  gtk_progress_bar_set_text (self->progress_bar, progress);
  gtk_progress_bar_set_fraction (self->progress_bar, (double)position / n);

  if (pyprep_practice_session_is_exercise (self->session, position))
    {
      show_exercise (self, question);
      return;
    }
  gtk_stack_set_visible_child_name (self->card_stack, "recall");

  if (topic != NULL)
    kind = g_strdup_printf ("%s · %s", kind_name (pyprep_practice_session_get_kind (self->session, position)),
                            pyprep_topic_get_title (topic));
  else
    kind = g_strdup (kind_name (pyprep_practice_session_get_kind (self->session, position)));
  pyprep_card_set_caption (self->card, kind);
  pyprep_card_set_question (self->card, question);
  pyprep_note_editor_set_question_id (self->note_editor, pyprep_question_get_id (question));
  gtk_widget_set_sensitive (GTK_WIDGET (self->keep_button), FALSE);
  gtk_button_set_label (self->keep_button, _("_Keep as Note"));

  gtk_stack_set_visible_child_name (self->stack, "card");
  gtk_widget_grab_focus (GTK_WIDGET (self->card));
}

static char *
format_due (gint64 due)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (due);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = NULL;
  g_autofree char *interval = NULL;

  if (due <= 0 || when == NULL)
    return g_strdup (_("Nothing scheduled"));

  /* TRANSLATORS: a date and time, see g_date_time_format() */
  date = g_date_time_format (when, _("%a %-d %b, %H:%M"));
  if (due <= g_date_time_to_unix (now))
    return g_strdup_printf (_("%s (now)"), date);

  interval = pyprep_scheduler_format_interval (due - g_date_time_to_unix (now));
  /* TRANSLATORS: a date, then how long until then, as in "Mon 23 Nov, 10:00 (in 3 days)" */
  return g_strdup_printf (_("%s (in %s)"), date, interval);
}

static void
show_summary (PyprepPracticePage *self)
{
  guint graded = pyprep_practice_session_get_n_graded (self->session);
  guint passed = pyprep_practice_session_get_n_passed (self->session);
  GPtrArray *weak = pyprep_practice_session_get_weak_topics (self->session);
  g_autofree char *reviewed = g_strdup_printf (ngettext ("%u question", "%u questions", graded), graded);
  g_autofree char *share = g_strdup_printf (_("%u%% (%u of %u)"),
                                            graded ? (guint)(100.0 * passed / graded + 0.5) : 0,
                                            passed, graded);
  g_autofree char *next = format_due (pyprep_practice_session_get_next_due (self->session));
  g_autoptr(GString) topics = g_string_new (NULL);

  for (guint i = 0; i < weak->len; i++)
    {
      if (i > 0)
        g_string_append (topics, ", ");
      g_string_append (topics, weak->pdata[i]);
    }

  gtk_progress_bar_set_fraction (self->progress_bar, 1.0);
  gtk_label_set_label (self->reviewed_label, reviewed);
  gtk_label_set_label (self->passed_label, share);
  adw_action_row_set_subtitle (self->weak_row, weak->len > 0 ? topics->str : _("None: nothing was graded Again"));
  gtk_label_set_label (self->next_label, next);
  gtk_stack_set_visible_child_name (self->stack, "summary");
  /* The focus rests on the first line of the summary, which does nothing
   * when pressed: Space or Return pressed once too often after the last
   * grade must not leave the summary, nor start again. Done is a Tab away. */
  gtk_widget_grab_focus (GTK_WIDGET (self->reviewed_row));
}

/**
 * pyprep_practice_page_start:
 *
 * Shows the first card of @session, or a note that there is nothing to
 * practise.
 */
void
pyprep_practice_page_start (PyprepPracticePage    *self,
                            PyprepPracticeSession *session,
                            PyprepStudy           *study)
{
  g_return_if_fail (PYPREP_IS_PRACTICE_PAGE (self));
  g_return_if_fail (PYPREP_IS_PRACTICE_SESSION (session));
  g_return_if_fail (PYPREP_IS_STUDY (study));

  g_set_object (&self->session, session);
  g_set_object (&self->study, study);
  pyprep_note_editor_set_study (self->note_editor, study);
  drop_undo (self);

  if (pyprep_practice_session_is_finished (session))
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    show_card (self);
}

gboolean
pyprep_practice_page_get_revealed (PyprepPracticePage *self)
{
  g_return_val_if_fail (PYPREP_IS_PRACTICE_PAGE (self), FALSE);

  return pyprep_card_get_revealed (self->card);
}

void
pyprep_practice_page_reveal (PyprepPracticePage *self)
{
  g_return_if_fail (PYPREP_IS_PRACTICE_PAGE (self));

  if (self->session == NULL || pyprep_practice_session_is_finished (self->session))
    return;

  pyprep_card_set_revealed (self->card, TRUE);
}

/* Each grade button shows when its grade would bring the question back. */
static void
revealed_cb (PyprepPracticePage *self)
{
  g_autoptr(GDateTime) now = NULL;
  gint64 intervals[4];

  if (!pyprep_card_get_revealed (self->card) || self->session == NULL
      || pyprep_practice_session_is_finished (self->session))
    return;

  now = g_date_time_new_now_utc ();
  pyprep_practice_session_preview (self->session, now, intervals);
  pyprep_card_set_intervals (self->card, intervals);
}

void
pyprep_practice_page_grade (PyprepPracticePage *self,
                            PyprepGrade         grade)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (PYPREP_IS_PRACTICE_PAGE (self));
  g_return_if_fail (pyprep_grade_is_valid (grade));

  if (self->session == NULL || !pyprep_card_get_revealed (self->card)
      || pyprep_practice_session_is_finished (self->session))
    return;

  now = g_date_time_new_now_utc ();
  pyprep_practice_session_grade_full (self->session, grade, now, seconds_taken (self));

  if (pyprep_practice_session_is_finished (self->session))
    {
      drop_undo (self);
      show_summary (self);
    }
  else
    {
      show_card (self);
      offer_undo (self, grade);
    }
}

static void
graded_cb (PyprepPracticePage *self,
           PyprepGrade         grade)
{
  pyprep_practice_page_grade (self, grade);
}

static void
scratch_changed_cb (PyprepPracticePage *self)
{
  GtkTextBuffer *buffer = pyprep_card_get_scratch (self->card);

  gtk_widget_set_sensitive (GTK_WIDGET (self->keep_button), gtk_text_buffer_get_char_count (buffer) > 0);
  gtk_button_set_label (self->keep_button, _("_Keep as Note"));
}

/* The typed answer becomes the question's note; an existing note is kept
 * above it, never overwritten. */
static void
keep_clicked_cb (PyprepPracticePage *self)
{
  GtkTextBuffer *buffer = pyprep_card_get_scratch (self->card);
  PyprepQuestion *question;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *note = NULL;
  const char *id, *old;

  if (self->session == NULL || (question = pyprep_practice_session_get_current (self->session)) == NULL)
    return;

  id = pyprep_question_get_id (question);
  pyprep_note_editor_save (self->note_editor);  /* an edit under the answer, first */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (text);
  if (*text == '\0')
    return;

  old = pyprep_study_get_note (self->study, id);
  if (old != NULL && *old != '\0')
    note = g_strconcat (old, "\n\n", text, NULL);
  else
    note = g_strdup (text);

  pyprep_study_set_note (self->study, id, note);
  gtk_button_set_label (self->keep_button, _("Kept as Note"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->keep_button), FALSE);
  /* Back to the card, where Space and 1 to 4 work (not the greyed button). */
  gtk_widget_grab_focus (GTK_WIDGET (self->card));
}

static void
pyprep_practice_page_dispose (GObject *object)
{
  PyprepPracticePage *self = (PyprepPracticePage *)object;

  drop_undo (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_PRACTICE_PAGE);
  g_clear_object (&self->session);
  g_clear_object (&self->study);

  G_OBJECT_CLASS (pyprep_practice_page_parent_class)->dispose (object);
}

static void
pyprep_practice_page_class_init (PyprepPracticePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_practice_page_dispose;

  g_type_ensure (PYPREP_TYPE_CARD);
  g_type_ensure (PYPREP_TYPE_NOTE_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pyprep/PyPrep/ui/pyprep-practice-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticePage, stack);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticePage, card_stack);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticePage, card);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticePage, keep_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticePage, note_editor);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticePage, reviewed_row);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticePage, reviewed_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticePage, passed_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticePage, weak_row);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticePage, next_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepPracticePage, done_button);
  gtk_widget_class_bind_template_callback (widget_class, revealed_cb);
  gtk_widget_class_bind_template_callback (widget_class, graded_cb);
  gtk_widget_class_bind_template_callback (widget_class, keep_clicked_cb);

  gtk_widget_class_install_action (widget_class, "practice.undo-grade", NULL, undo_grade_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "practice.undo-grade", NULL);
}

static void
pyprep_practice_page_init (PyprepPracticePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "practice.undo-grade", FALSE);

  g_signal_connect_object (pyprep_card_get_scratch (self->card), "changed",
                           G_CALLBACK (scratch_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
pyprep_practice_page_new (void)
{
  return g_object_new (PYPREP_TYPE_PRACTICE_PAGE, NULL);
}
