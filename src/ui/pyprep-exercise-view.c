/* pyprep-exercise-view.c: the exercise a question carries. The user edits
 * the starter in a Python editor; Run (Ctrl+Enter) runs the visible tests
 * and Submit (Ctrl+Shift+Enter) adds the hidden ones, in the sandbox.
 * Hints come one at a time; Start Over puts the starter back (undoable);
 * Show Solution asks first and counts as not solved.
 *
 * The code is saved as it is typed, within a second, and when the view
 * goes away (pyprep-drafts.c), so a crash or a kill loses at most that
 * second.
 *
 * When every test passes on Submit, or the solution was shown, the view
 * is finished: it proposes a grade, with the reason, and emits
 * "finished". The user confirms it, or picks another, with a button or
 * 1 to 4 (Enter takes the proposed one, which has the focus): the view
 * emits "graded", and the host records it. "show-answer" then asks the
 * host for the question's answer, which stays hidden until then.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-exercise-view"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "pyprep-alert.h"
#include "pyprep-code-block.h"
#include "pyprep-drafts.h"
#include "pyprep-exercise.h"
#include "pyprep-exercise-view.h"
#include "pyprep-markdown-view.h"
#include "pyprep-python-editor.h"
#include "pyprep-question.h"
#include "pyprep-run-consent.h"
#include "pyprep-scheduler.h"
#include "pyprep-test-result-row.h"
#include "pyprep-test-run.h"

/* Typing pauses this long before the code is saved. */
#define SAVE_DELAY_MSEC 500
/* The results' most height beside the editor (the .ui file's too). */
#define RESULTS_HEIGHT 320

struct _PyprepExerciseView
{
  GtkWidget             parent_instance;

  GtkWidget            *box;
  GtkLabel             *task_label;
  GtkWidget            *editor_scroller;
  GtkSourceView        *editor;
  GtkWidget            *actions_box;
  GtkWidget            *run_button;
  GtkWidget            *spinner;
  GtkWidget            *results_scroller;
  GtkBox               *hints_box;
  GtkLabel             *status_label;
  GtkListBox           *results_list;
  GtkWidget            *finish_box;
  GtkLabel             *finish_label;
  GtkBox               *grades_box;
  GtkWidget            *answer_button;
  GtkBox               *solution_box;

  PyprepQuestion       *question;
  const PyprepExercise *exercise;   /* the question's */
  GCancellable         *cancellable;
  guint                 save_id;
  gboolean              save_refused;

  guint                 hints_shown;
  guint                 failed_submits;
  gboolean              running;
  gboolean              asking;   /* waiting for the runner or the user's consent */
  gboolean              finished;
  gboolean              graded;
  gboolean              answer_inline;  /* the answer shows here, not in the host */
  PyprepGrade           grade;     /* proposed, then chosen */
  char                 *reason;
};

G_DEFINE_FINAL_TYPE (PyprepExerciseView, pyprep_exercise_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_QUESTION,
  PROP_FINISHED,
  N_PROPS
};

enum {
  FINISHED,
  GRADED,
  SHOW_ANSWER,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Whether the exercise comes from one of the user's own decks (a file;
 * the bank's are resources). */
static gboolean
is_user_exercise (PyprepExerciseView *self)
{
  return self->question != NULL && g_path_is_absolute (pyprep_question_get_source (self->question));
}

static GtkTextBuffer *
editor_buffer (PyprepExerciseView *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
}

char *
pyprep_exercise_view_dup_code (PyprepExerciseView *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (PYPREP_IS_EXERCISE_VIEW (self), NULL);

  gtk_text_buffer_get_bounds (editor_buffer (self), &start, &end);
  return gtk_text_buffer_get_text (editor_buffer (self), &start, &end, FALSE);
}

/* ---- Saving ------------------------------------------------------------ */

static void
show_status (PyprepExerciseView *self,
             const char         *text)
{
  GtkAdjustment *adjustment =
    gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->results_scroller));

  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
  gtk_widget_set_visible (self->results_scroller, TRUE);
  /* The news is at the top: a proposed grade, then the count. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

/* Saves the code now, if a save is pending. */
void
pyprep_exercise_view_save (PyprepExerciseView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  g_return_if_fail (PYPREP_IS_EXERCISE_VIEW (self));

  if (self->save_id == 0)
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->question == NULL || self->save_refused)
    return;

  code = pyprep_exercise_view_dup_code (self);
  if (!pyprep_drafts_save (pyprep_drafts_get_default (), pyprep_question_get_id (self->question),
                           code, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Your code could not be saved: %s"), error->message);

      g_warning ("%s", text);
      show_status (self, text);
      self->save_refused = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
    }
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  PyprepExerciseView *self = user_data;

  pyprep_exercise_view_save (self);
  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (PyprepExerciseView *self)
{
  if (self->question == NULL)
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MSEC, save_timeout_cb, self);
}

/* ---- Results ----------------------------------------------------------- */

static void
clear_results (PyprepExerciseView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
}

static void
move_cursor_to_line (PyprepExerciseView *self,
                     guint               line)
{
  GtkTextIter iter;

  if (line == 0)
    return;
  gtk_text_buffer_get_iter_at_line (editor_buffer (self), &iter, line - 1);
  gtk_text_buffer_place_cursor (editor_buffer (self), &iter);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->editor), &iter, 0.1, FALSE, 0, 0);
}

static void finish (PyprepExerciseView *self, PyprepGrade grade, const char *reason);

static void
show_report (PyprepExerciseView *self,
             PyprepTestReport   *report,
             gboolean            submitted)
{
  g_autofree char *status = NULL;

  clear_results (self);

  if (report->compile_error != NULL)
    {
      if (g_strcmp0 (report->compile_file, "solution.py") == 0)
        {
          status = g_strdup_printf (_("Your code does not compile. Line %u: %s"),
                                    report->compile_line, report->compile_error);
          move_cursor_to_line (self, report->compile_line);
        }
      else
        {
          /* A line of the tests is a line of the deck: the fence's, plus its own. */
          PyprepExercisePart part = g_strcmp0 (report->compile_file, "hidden.py") == 0
                                    ? PYPREP_EXERCISE_HIDDEN_TESTS : PYPREP_EXERCISE_TESTS;

          status = g_strdup_printf (_("This exercise’s tests do not compile: %s:%u: %s. "
                                      "The deck needs fixing; your code is kept."),
                                    pyprep_question_get_source (self->question),
                                    self->exercise->line[part] + report->compile_line,
                                    report->compile_error);
        }
      show_status (self, status);
      return;
    }

  if (report->results->len == 0)
    {
      const PyprepRunResult *run = report->run;

      g_autofree char *limit = run != NULL ? pyprep_run_limit_describe (pyprep_run_result_get_limit (run)) : NULL;

      if (run != NULL && run->ending == PYPREP_RUN_TIMED_OUT)
        status = g_strdup (_("The tests were stopped: together they ran longer than a minute."));
      else if (limit != NULL)
        /* Translators: %s says which limit, "used more than 512 MiB of memory in all" */
        status = g_strdup_printf (_("The tests were stopped: the code %s. Your code is kept."), limit);
      else if (run != NULL && run->ending == PYPREP_RUN_OUTPUT_LIMIT)
        status = g_strdup (_("The tests were stopped: they wrote too much output."));
      else if (run != NULL && run->stderr_text != NULL && *run->stderr_text != '\0')
        status = g_strdup_printf (_("The tests could not run: %s"), run->stderr_text);
      else
        status = g_strdup (_("The tests could not run."));
      show_status (self, status);
      return;
    }

  for (guint i = 0; i < report->results->len; i++)
    gtk_list_box_append (self->results_list, pyprep_test_result_row_new (report->results->pdata[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), TRUE);
  status = pyprep_test_report_describe (report);
  show_status (self, status);

  if (!submitted || self->finished)
    return;

  if (pyprep_test_report_all_passed (report))
    {
      g_autofree char *reason = NULL;

      if (self->failed_submits == 0 && self->hints_shown == 0)
        finish (self, PYPREP_GRADE_GOOD, _("Solved on the first submit, without a hint."));
      else
        {
          if (self->hints_shown == 0)
            reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Solved after %u failed submit.",
                                                   "Solved after %u failed submits.", self->failed_submits),
                                      self->failed_submits);
          else if (self->failed_submits == 0)
            reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Solved with %u hint.",
                                                   "Solved with %u hints.", self->hints_shown),
                                      self->hints_shown);
          else
            {
              /* TRANSLATORS: the first half of "Solved after %s and %s." */
              g_autofree char *submits = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u failed submit",
                                                                       "%u failed submits",
                                                                       self->failed_submits),
                                                          self->failed_submits);
              /* TRANSLATORS: the second half of "Solved after %s and %s." */
              g_autofree char *hints = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hint", "%u hints",
                                                                     self->hints_shown),
                                                        self->hints_shown);

              /* TRANSLATORS: "Solved after 2 failed submits and 1 hint." */
              reason = g_strdup_printf (_("Solved after %s and %s."), submits, hints);
            }
          finish (self, PYPREP_GRADE_HARD, reason);
        }
    }
  else
    self->failed_submits++;
}

static void
update_actions (PyprepExerciseView *self)
{
  gboolean have = self->exercise != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exercise.run", have && !self->running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exercise.submit", have && !self->running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exercise.hint",
                                 have && self->hints_shown < self->exercise->hints->len);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exercise.reset", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exercise.show-solution",
                                 have && gtk_widget_get_first_child (GTK_WIDGET (self->solution_box)) == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exercise.show-answer", self->graded);
}

/* In practice, the answer follows in the view itself, in the editor's
 * place, and the button moves on to the next card. */
static void
show_answer_inline (PyprepExerciseView *self)
{
  GtkWidget *heading = gtk_label_new (_("Answer"));
  GtkWidget *answer = pyprep_markdown_view_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-4");
  pyprep_markdown_view_set_user_code (PYPREP_MARKDOWN_VIEW (answer), is_user_exercise (self));
  pyprep_markdown_view_set_markdown (PYPREP_MARKDOWN_VIEW (answer), pyprep_question_get_body (self->question));
  gtk_box_append (self->solution_box, heading);
  gtk_box_append (self->solution_box, answer);
  gtk_widget_set_visible (GTK_WIDGET (self->solution_box), TRUE);
  gtk_button_set_label (GTK_BUTTON (self->answer_button), _("Next Card"));
  gtk_widget_set_visible (self->editor_scroller, FALSE);
  gtk_widget_set_visible (self->actions_box, FALSE);
  gtk_widget_set_vexpand (self->results_scroller, TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->results_scroller), -1);
}

static void
grade (PyprepExerciseView *self,
       PyprepGrade         chosen)
{
  g_autofree char *text = NULL;
  GtkWidget *child;

  if (!self->finished || self->graded)
    return;

  self->graded = TRUE;
  self->grade = chosen;
  /* TRANSLATORS: "Graded Hard. Solved after 1 failed submit." */
  text = g_strdup_printf (_("Graded %s. %s"), pyprep_grade_get_label (chosen), self->reason);
  gtk_label_set_text (self->finish_label, text);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grades_box))) != NULL)
    gtk_box_remove (self->grades_box, child);
  gtk_widget_set_visible (GTK_WIDGET (self->grades_box), FALSE);
  gtk_widget_set_visible (self->answer_button, TRUE);
  if (self->answer_inline)
    show_answer_inline (self);
  update_actions (self);
  gtk_widget_grab_focus (self->answer_button);
  g_signal_emit (self, signals[GRADED], 0, chosen);
}

static void
grade_clicked_cb (GtkButton          *button,
                  PyprepExerciseView *self)
{
  grade (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "grade")));
}

static void
finish (PyprepExerciseView *self,
        PyprepGrade         proposed,
        const char         *reason)
{
  g_autofree char *text = NULL;
  GtkWidget *focus = NULL;

  self->finished = TRUE;
  self->grade = proposed;
  g_free (self->reason);
  self->reason = g_strdup (reason);
  /* TRANSLATORS: "Solved on the first submit, without a hint. Proposed grade: Good." */
  text = g_strdup_printf (_("%s Proposed grade: %s. Press 1 to 4 to choose another."),
                          reason, pyprep_grade_get_label (proposed));
  gtk_label_set_text (self->finish_label, text);

  for (PyprepGrade g = PYPREP_GRADE_AGAIN; g <= PYPREP_GRADE_EASY; g++)
    {
      /* TRANSLATORS: the tooltip of a grade button: its key */
      g_autofree char *tooltip = g_strdup_printf (_("Key %u"), (guint)g);
      GtkWidget *button = gtk_button_new_with_label (pyprep_grade_get_label (g));

      g_object_set_data (G_OBJECT (button), "grade", GUINT_TO_POINTER (g));
      /* The narrow padding of the card's grade buttons (style.css), so
       * that four translated names fit a 360 px window. */
      gtk_widget_add_css_class (button, "grade");
      gtk_widget_set_tooltip_text (button, tooltip);
      if (g == proposed)
        {
          gtk_widget_add_css_class (button, "suggested-action");
          focus = button;
        }
      g_signal_connect (button, "clicked", G_CALLBACK (grade_clicked_cb), self);
      gtk_box_append (self->grades_box, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->grades_box), TRUE);
  gtk_widget_set_visible (self->answer_button, FALSE);
  gtk_widget_set_visible (self->finish_box, TRUE);
  gtk_widget_set_visible (self->results_scroller, TRUE);
  update_actions (self);
  gtk_widget_grab_focus (focus);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED]);
  g_signal_emit (self, signals[FINISHED], 0, proposed, reason);
}

/* Escape leaves the editor for the buttons (rather than closing the
 * practice window); 1 to 4 grade once finished, unless the editor has
 * the keys. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PyprepExerciseView    *self)
{
  if (keyval == GDK_KEY_Escape && (state & gtk_accelerator_get_default_mod_mask ()) == 0
      && gtk_widget_has_focus (GTK_WIDGET (self->editor)))
    {
      gtk_widget_grab_focus (self->run_button);
      return GDK_EVENT_STOP;
    }

  if (!self->finished || self->graded
      || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_4)
    grade (self, PYPREP_GRADE_AGAIN + (keyval - GDK_KEY_1));
  else if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_4)
    grade (self, PYPREP_GRADE_AGAIN + (keyval - GDK_KEY_KP_1));
  else
    return GDK_EVENT_PROPAGATE;
  return GDK_EVENT_STOP;
}

typedef struct
{
  PyprepExerciseView *self;
  gboolean            submitted;
} RunRequest;

static void
ran_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  RunRequest *request = user_data;
  g_autoptr(PyprepExerciseView) self = request->self;
  g_autoptr(PyprepTestReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gboolean submitted = request->submitted;

  g_free (request);
  report = pyprep_test_run_finish (PYPREP_RUNNER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->running = FALSE;
  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  update_actions (self);

  if (report == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The tests could not run: %s"), error->message);

      clear_results (self);
      show_status (self, text);
      return;
    }
  show_report (self, report, submitted);
}

static void start_tests (PyprepExerciseView *self, gboolean submit);

static void
consent_cb (gboolean granted,
            gpointer user_data)
{
  RunRequest *request = user_data;

  request->self->asking = FALSE;
  if (granted)
    start_tests (request->self, request->submitted);
  else
    gtk_spinner_stop (GTK_SPINNER (request->self->spinner));
}

static void
run_request_free (gpointer data)
{
  RunRequest *request = data;

  g_object_unref (request->self);
  g_free (request);
}

/* Where there is no sandbox, the user agrees first (pyprep-run-consent.c). */
static void
run_tests (PyprepExerciseView *self,
           gboolean            submit)
{
  RunRequest *request;

  if (self->exercise == NULL || self->running || self->asking)
    return;

  /* The first run may wait for the runner to find Python and the
   * sandbox: the spinner says something is happening from the start. */
  self->asking = TRUE;
  gtk_spinner_start (GTK_SPINNER (self->spinner));
  request = g_new0 (RunRequest, 1);
  request->self = g_object_ref (self);
  request->submitted = submit;
  pyprep_run_consent_request (GTK_WIDGET (self), !is_user_exercise (self), consent_cb, request,
                              run_request_free);
}

static void
start_tests (PyprepExerciseView *self,
             gboolean            submit)
{
  g_autofree char *code = NULL;
  RunRequest *request;

  if (self->exercise == NULL || self->running)
    return;

  code = pyprep_exercise_view_dup_code (self);
  pyprep_exercise_view_save (self);

  self->running = TRUE;
  gtk_spinner_start (GTK_SPINNER (self->spinner));
  update_actions (self);

  request = g_new0 (RunRequest, 1);
  request->self = g_object_ref (self);
  request->submitted = submit;
  pyprep_test_run_async (pyprep_runner_get_default (), code,
                         self->exercise->code[PYPREP_EXERCISE_TESTS],
                         submit ? self->exercise->code[PYPREP_EXERCISE_HIDDEN_TESTS] : NULL,
                         self->cancellable, ran_cb, request);
}

/* ---- Actions ----------------------------------------------------------- */

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  run_tests (PYPREP_EXERCISE_VIEW (widget), FALSE);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  run_tests (PYPREP_EXERCISE_VIEW (widget), TRUE);
}

static void
hint_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PyprepExerciseView *self = PYPREP_EXERCISE_VIEW (widget);
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (self->exercise == NULL || self->hints_shown >= self->exercise->hints->len)
    return;

  /* TRANSLATORS: "Hint 1 of 3: Two structures together…" */
  text = g_strdup_printf (_("Hint %u of %u: %s"), self->hints_shown + 1, self->exercise->hints->len,
                          (const char *)g_ptr_array_index (self->exercise->hints, self->hints_shown));
  self->hints_shown++;

  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (self->hints_box, label);
  gtk_widget_set_visible (GTK_WIDGET (self->hints_box), TRUE);
  gtk_widget_set_visible (self->results_scroller, TRUE);
  update_actions (self);
}

static void
set_code (PyprepExerciseView *self,
          const char         *code,
          gboolean            undoable)
{
  GtkTextBuffer *buffer = editor_buffer (self);
  GtkTextIter start, end;

  if (undoable)
    {
      gtk_text_buffer_begin_user_action (buffer);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_delete (buffer, &start, &end);
      gtk_text_buffer_insert (buffer, &start, code, -1);
      gtk_text_buffer_end_user_action (buffer);
    }
  else
    {
      /* A new exercise: nothing to undo back into. */
      gtk_text_buffer_begin_irreversible_action (buffer);
      gtk_text_buffer_set_text (buffer, code, -1);
      gtk_text_buffer_end_irreversible_action (buffer);
    }
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PyprepExerciseView *self = PYPREP_EXERCISE_VIEW (widget);

  if (self->exercise == NULL)
    return;
  set_code (self, self->exercise->code[PYPREP_EXERCISE_STARTER], TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->editor));
}

static void
reveal_solution (PyprepExerciseView *self)
{
  GtkWidget *heading = gtk_label_new (_("Solution"));
  GtkWidget *block = pyprep_code_block_new ("python", self->exercise->code[PYPREP_EXERCISE_SOLUTION]);

  pyprep_code_block_set_user_code (PYPREP_CODE_BLOCK (block), is_user_exercise (self));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (self->solution_box, heading);
  gtk_box_append (self->solution_box, block);
  gtk_widget_set_visible (GTK_WIDGET (self->solution_box), TRUE);
  gtk_widget_set_visible (self->results_scroller, TRUE);

  if (!self->finished)
    finish (self, PYPREP_GRADE_AGAIN, _("The solution was shown."));
  update_actions (self);
}

static void
solution_response_cb (GtkWidget          *alert,
                      const char         *response,
                      PyprepExerciseView *self)
{
  if (g_str_equal (response, "show"))
    reveal_solution (self);
}

static void
show_solution_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PyprepExerciseView *self = PYPREP_EXERCISE_VIEW (widget);
  GtkWidget *alert;

  if (self->exercise == NULL)
    return;
  if (self->finished)
    {
      reveal_solution (self);
      return;
    }

  alert = pyprep_alert_new (_("Show the Solution?"),
                            _("The exercise then counts as not solved, and comes back soon in practice. "
                              "Your code is kept."));
  pyprep_alert_add_response (alert, "cancel", _("_Keep Trying"), ADW_RESPONSE_DEFAULT);
  pyprep_alert_add_response (alert, "show", _("_Show Solution"), ADW_RESPONSE_DEFAULT);
  pyprep_alert_set_default_response (alert, "cancel");
  pyprep_alert_set_close_response (alert, "cancel");
  g_signal_connect_object (alert, "response", G_CALLBACK (solution_response_cb), self, 0);
  pyprep_alert_present (alert, widget);
}

static void
show_answer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_signal_emit (widget, signals[SHOW_ANSWER], 0);
}

/* ---- The question ------------------------------------------------------ */

static void
reset_state (PyprepExerciseView *self)
{
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->running = FALSE;
  gtk_spinner_stop (GTK_SPINNER (self->spinner));

  self->hints_shown = 0;
  self->failed_submits = 0;
  self->finished = FALSE;
  self->graded = FALSE;
  g_clear_pointer (&self->reason, g_free);
  self->save_refused = FALSE;
  clear_results (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->hints_box))) != NULL)
    gtk_box_remove (self->hints_box, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->solution_box))) != NULL)
    gtk_box_remove (self->solution_box, child);
  gtk_widget_set_visible (GTK_WIDGET (self->hints_box), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->solution_box), FALSE);
  gtk_widget_set_visible (self->finish_box, FALSE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grades_box))) != NULL)
    gtk_box_remove (self->grades_box, child);
  gtk_widget_set_visible (self->results_scroller, FALSE);
  gtk_widget_set_visible (self->editor_scroller, TRUE);
  gtk_widget_set_visible (self->actions_box, TRUE);
  gtk_widget_set_vexpand (self->results_scroller, FALSE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->results_scroller), RESULTS_HEIGHT);
  gtk_button_set_label (GTK_BUTTON (self->answer_button), _("Show Answer"));
}

/**
 * pyprep_exercise_view_set_answer_inline:
 *
 * Whether, once graded, the view shows the answer itself (practice) and
 * "show-answer" means "next", rather than the host showing it (the
 * window's answer page).
 */
void
pyprep_exercise_view_set_answer_inline (PyprepExerciseView *self,
                                        gboolean            answer_inline)
{
  g_return_if_fail (PYPREP_IS_EXERCISE_VIEW (self));
  self->answer_inline = !!answer_inline;
}

void
pyprep_exercise_view_set_question (PyprepExerciseView *self,
                                   PyprepQuestion     *question)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *draft = NULL;

  g_return_if_fail (PYPREP_IS_EXERCISE_VIEW (self));
  g_return_if_fail (question == NULL || PYPREP_IS_QUESTION (question));

  if (self->question == question)
    return;

  pyprep_exercise_view_save (self);
  reset_state (self);
  g_set_object (&self->question, question);
  self->exercise = question != NULL ? pyprep_question_get_exercise (question) : NULL;

  if (self->exercise != NULL)
    {
      draft = pyprep_drafts_load (pyprep_drafts_get_default (), pyprep_question_get_id (question), &error);
      /* Setting the text is not typing: it does not save. */
      g_signal_handlers_block_by_func (editor_buffer (self), buffer_changed_cb, self);
      set_code (self, draft != NULL ? draft : self->exercise->code[PYPREP_EXERCISE_STARTER], FALSE);
      g_signal_handlers_unblock_by_func (editor_buffer (self), buffer_changed_cb, self);
      if (error != NULL)
        {
          g_warning ("%s", error->message);
          self->save_refused = TRUE;
          show_status (self, error->message);
        }
    }

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED]);
}

PyprepQuestion *
pyprep_exercise_view_get_question (PyprepExerciseView *self)
{
  g_return_val_if_fail (PYPREP_IS_EXERCISE_VIEW (self), NULL);
  return self->question;
}

/* Returns: whether a grade was confirmed; @grade is set to it */
gboolean
pyprep_exercise_view_get_graded (PyprepExerciseView *self,
                                 PyprepGrade        *grade)
{
  g_return_val_if_fail (PYPREP_IS_EXERCISE_VIEW (self), FALSE);

  if (self->graded && grade != NULL)
    *grade = self->grade;
  return self->graded;
}

gboolean
pyprep_exercise_view_get_finished (PyprepExerciseView *self)
{
  g_return_val_if_fail (PYPREP_IS_EXERCISE_VIEW (self), FALSE);
  return self->finished;
}

/* ---- Object ------------------------------------------------------------ */

static void
update_style_scheme (PyprepExerciseView *self)
{
  gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (editor_buffer (self)), pyprep_source_scheme_for_style ());
}

static void
pyprep_exercise_view_unmap (GtkWidget *widget)
{
  pyprep_exercise_view_save (PYPREP_EXERCISE_VIEW (widget));
  GTK_WIDGET_CLASS (pyprep_exercise_view_parent_class)->unmap (widget);
}

static gboolean
pyprep_exercise_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (PYPREP_EXERCISE_VIEW (widget)->editor));
}

static void
pyprep_exercise_view_dispose (GObject *object)
{
  PyprepExerciseView *self = PYPREP_EXERCISE_VIEW (object);

  pyprep_exercise_view_save (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->question);
  g_clear_pointer (&self->reason, g_free);
  self->exercise = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_EXERCISE_VIEW);

  G_OBJECT_CLASS (pyprep_exercise_view_parent_class)->dispose (object);
}

static void
pyprep_exercise_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PyprepExerciseView *self = PYPREP_EXERCISE_VIEW (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      g_value_set_object (value, self->question);
      break;
    case PROP_FINISHED:
      g_value_set_boolean (value, self->finished);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_exercise_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PyprepExerciseView *self = PYPREP_EXERCISE_VIEW (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      pyprep_exercise_view_set_question (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_exercise_view_class_init (PyprepExerciseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_exercise_view_dispose;
  object_class->get_property = pyprep_exercise_view_get_property;
  object_class->set_property = pyprep_exercise_view_set_property;
  widget_class->unmap = pyprep_exercise_view_unmap;
  widget_class->grab_focus = pyprep_exercise_view_grab_focus;

  properties[PROP_QUESTION] =
    g_param_spec_object ("question", NULL, "The question whose exercise is shown", PYPREP_TYPE_QUESTION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FINISHED] =
    g_param_spec_boolean ("finished", NULL, "Solved, or the solution shown", FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PyprepExerciseView::finished:
   * @grade: the proposed #PyprepGrade
   * @reason: why, as a sentence
   *
   * Every test passed on Submit, or the solution was shown.
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);
  /**
   * PyprepExerciseView::graded:
   * @grade: the #PyprepGrade the user confirmed or chose
   *
   * The host records it, for the exercise's own practice card.
   */
  signals[GRADED] =
    g_signal_new ("graded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * PyprepExerciseView::show-answer:
   *
   * The user asked for the question's answer, once finished.
   */
  signals[SHOW_ANSWER] =
    g_signal_new ("show-answer", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "exercise.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "exercise.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "exercise.hint", NULL, hint_action);
  gtk_widget_class_install_action (widget_class, "exercise.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "exercise.show-solution", NULL, show_solution_action);
  gtk_widget_class_install_action (widget_class, "exercise.show-answer", NULL, show_answer_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pyprep/PyPrep/ui/pyprep-exercise-view.ui");
  /* The window's zoom names it (pyprep-window-actions.c). */
  gtk_widget_class_set_css_name (widget_class, "exerciseview");
  gtk_widget_class_bind_template_child (widget_class, PyprepExerciseView, box);
  gtk_widget_class_bind_template_child (widget_class, PyprepExerciseView, task_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepExerciseView, editor_scroller);
  gtk_widget_class_bind_template_child (widget_class, PyprepExerciseView, editor);
  gtk_widget_class_bind_template_child (widget_class, PyprepExerciseView, actions_box);
  gtk_widget_class_bind_template_child (widget_class, PyprepExerciseView, run_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepExerciseView, spinner);
  gtk_widget_class_bind_template_child (widget_class, PyprepExerciseView, results_scroller);
  gtk_widget_class_bind_template_child (widget_class, PyprepExerciseView, hints_box);
  gtk_widget_class_bind_template_child (widget_class, PyprepExerciseView, status_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepExerciseView, results_list);
  gtk_widget_class_bind_template_child (widget_class, PyprepExerciseView, finish_box);
  gtk_widget_class_bind_template_child (widget_class, PyprepExerciseView, finish_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepExerciseView, grades_box);
  gtk_widget_class_bind_template_child (widget_class, PyprepExerciseView, answer_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepExerciseView, solution_box);
}

static void
pyprep_exercise_view_init (PyprepExerciseView *self)
{
  GtkEventController *shortcuts;
  GtkEventController *keys;
  GtkSourceLanguage *python;

  gtk_source_init ();
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  python = gtk_source_language_manager_get_language (gtk_source_language_manager_get_default (), "python3");
  gtk_source_buffer_set_language (GTK_SOURCE_BUFFER (editor_buffer (self)), python);
  pyprep_python_editor_setup (self->editor);
  pyprep_code_wrap_follow (GTK_TEXT_VIEW (self->editor));
  update_style_scheme (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (editor_buffer (self), "changed", G_CALLBACK (buffer_changed_cb), self);

  /* In the capture phase, so that the editor does not take Ctrl+Enter as
   * a new line first. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control><Shift>Return|<Control><Shift>KP_Enter"),
                                                          gtk_named_action_new ("exercise.submit")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                                                          gtk_named_action_new ("exercise.run")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  update_actions (self);
}

GtkWidget *
pyprep_exercise_view_new (void)
{
  return g_object_new (PYPREP_TYPE_EXERCISE_VIEW, NULL);
}
