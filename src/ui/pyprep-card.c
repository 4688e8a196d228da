/* pyprep-card.c: a question card, shared by the practice page and the
 * mock interview. It shows the question with a scratch area for the
 * user's own answer, keeps the answer hidden (not even built) until it
 * is revealed, then offers four grade buttons. It owns the keys of its
 * window while it is on screen: Space reveals, 1 to 4 grade once
 * revealed; while typing, Ctrl+Return reveals and Escape leaves the
 * field.
 *
 * What a grade means is the page's business: the card only emits
 * "graded". Untyped children given in a .ui file (e.g. a Keep as Note
 * button) are placed next to the reveal button; the answer-footer
 * widget (e.g. the user's note) under the revealed answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-card"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "pyprep-card.h"
#include "pyprep-markdown-view.h"

struct _PyprepCard
{
  GtkWidget           parent_instance;

  GtkScrolledWindow  *scroller;
  GtkLabel           *caption_label;
  GtkLabel           *title_label;
  GtkLabel           *scratch_label;
  GtkTextView        *scratch_view;
  GtkBox             *reveal_box;
  GtkButton          *reveal_button;
  GtkRevealer        *answer_revealer;
  GtkLabel           *notice_label;
  PyprepMarkdownView *markdown_view;
  GtkRevealer        *grades_revealer;
  GtkLabel           *prompt_label;
  GtkBox             *grades_box;
  GtkBox             *answer_footer_box;
  GtkWidget          *answer_footer;

  GtkWidget          *grade_buttons[4];
  GtkWidget          *interval_labels[4];  /* only with show-intervals */

  PyprepQuestion     *question;
  char               *answer;              /* a follow-up's, in place of the question's */
  char               *scratch_description;
  gboolean            revealed;
  gboolean            show_intervals;
  gboolean            focus_scratch;
};

static void pyprep_card_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PyprepCard, pyprep_card, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, pyprep_card_buildable_init))

enum {
  PROP_0,
  PROP_QUESTION,
  PROP_CAPTION,
  PROP_NOTICE,
  PROP_REVEALED,
  PROP_SCRATCH_TITLE,
  PROP_SCRATCH_DESCRIPTION,
  PROP_REVEAL_TOOLTIP,
  PROP_GRADE_PROMPT,
  PROP_SHOW_INTERVALS,
  PROP_FOCUS_SCRATCH,
  PROP_ANSWER_FOOTER,
  N_PROPS
};

enum {
  GRADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static GtkBuildableIface *parent_buildable_iface;

/* An empty row would still take its spacing above the answer. */
static void
update_reveal_box (PyprepCard *self)
{
  gboolean any = FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->reveal_box));
       child != NULL && !any; child = gtk_widget_get_next_sibling (child))
    any = gtk_widget_get_visible (child);

  gtk_widget_set_visible (GTK_WIDGET (self->reveal_box), any);
}

/* Shows the answer, with the grade buttons, in place of the reveal
 * button, or hides them again at once. A hidden answer is not even in
 * the widget tree. */
static void
update_answer (PyprepCard *self)
{
  gboolean shown = self->revealed && self->question != NULL;

  if (shown)
    pyprep_markdown_view_set_user_code (self->markdown_view,
                                        g_path_is_absolute (pyprep_question_get_source (self->question)));
  pyprep_markdown_view_set_markdown (self->markdown_view,
                                     !shown ? NULL
                                     : self->answer != NULL ? self->answer
                                     : pyprep_question_get_body (self->question));
  gtk_revealer_set_transition_duration (self->answer_revealer, shown ? 250 : 0);
  gtk_revealer_set_reveal_child (self->answer_revealer, shown);
  gtk_revealer_set_reveal_child (self->grades_revealer, shown);
  gtk_widget_set_visible (GTK_WIDGET (self->reveal_button), !shown);
  update_reveal_box (self);
}

/* A grade button shows its grade's name, or, with show-intervals, the
 * name over the interval the grade would give. */
static void
update_grade_buttons (PyprepCard *self)
{
  for (guint i = 0; i < 4; i++)
    {
      GtkButton *button = GTK_BUTTON (self->grade_buttons[i]);
      const char *name = pyprep_grade_get_label (i + 1);

      if (self->show_intervals)
        {
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
          GtkWidget *label = gtk_label_new (name);

          self->interval_labels[i] = gtk_label_new (NULL);
          gtk_widget_add_css_class (label, "heading");
          gtk_widget_add_css_class (self->interval_labels[i], "caption");
          gtk_box_append (GTK_BOX (box), label);
          gtk_box_append (GTK_BOX (box), self->interval_labels[i]);
          gtk_button_set_child (button, box);
          /* GTK 4.18 names a button after its label child through a
           * labelled-by relation, which outlives the label that
           * gtk_button_set_label() made, and comes before the name set
           * below: the button would be nameless (the Debian 13 lane's
           * AT-SPI test of practice). */
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
        }
      else
        {
          self->interval_labels[i] = NULL;
          gtk_button_set_label (button, name);
          gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
        }
    }
}

static void
build_grade_buttons (PyprepCard *self)
{
  static const char * const styles[4] = { "grade-again", "grade-hard", "grade-good", "grade-easy" };

  for (guint i = 0; i < 4; i++)
    {
      GtkWidget *button = gtk_button_new ();
      /* TRANSLATORS: a grade button's tooltip: the grade and its key, as in "Good (3)" */
      g_autofree char *tooltip = g_strdup_printf (_("%s (%u)"), pyprep_grade_get_label (i + 1), i + 1);

      gtk_widget_set_size_request (button, 76, -1);
      gtk_widget_add_css_class (button, "grade");
      gtk_widget_add_css_class (button, styles[i]);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "card.grade");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int32 (i + 1));
      gtk_box_append (self->grades_box, button);
      self->grade_buttons[i] = button;
    }

  update_grade_buttons (self);
}

static void
grade (PyprepCard  *self,
       PyprepGrade  grade)
{
  g_assert (pyprep_grade_is_valid (grade));

  if (self->revealed)
    g_signal_emit (self, signals[GRADED], 0, grade);
}

static void
grade_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  int value = g_variant_get_int32 (parameter);

  if (pyprep_grade_is_valid (value))
    grade (PYPREP_CARD (widget), value);
}

/* A link to another question in the answer opens it in the main window,
 * which the card's window (Practice) is transient for. */
static gboolean
activate_link_cb (PyprepCard         *self,
                  const char         *uri,
                  PyprepMarkdownView *view)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *main_window = GTK_IS_WINDOW (root) ? gtk_window_get_transient_for (GTK_WINDOW (root)) : NULL;

  if (!g_str_has_prefix (uri, "q:"))
    return FALSE;

  if (main_window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (main_window), "win.open-question", "s", uri + strlen ("q:"));
  return TRUE;
}

static void
reveal_clicked_cb (PyprepCard *self)
{
  pyprep_card_set_revealed (self, TRUE);
}

static gboolean
focus_in_text (PyprepCard *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (GTK_IS_TEXT_VIEW (focus) || GTK_IS_TEXT (focus) || GTK_IS_EDITABLE (focus));
}

/* What a key of the card does; the shortcuts carry it as their argument. */
enum {
  KEY_REVEAL = 0,        /* 1 to 4 are the grades */
  KEY_REVEAL_TYPING = 5, /* Ctrl+Return, also while typing */
  KEY_LEAVE = 6,         /* Escape */
};

/* The card's keys, wherever the focus is in its window while the card
 * is on screen (a global shortcut is only heard while its widget is
 * mapped), and before the focused widget sees them: Space reveals rather
 * than pressing a button, 1 to 4 grade once revealed. While a text field
 * has the focus keys type, except Ctrl+Return (reveal) and Escape (leave
 * the field, back to the card's next step). Outside a text field Escape
 * does nothing: it must not close the window and end the session.
 * Returns: whether the key was the card's */
static gboolean
key_shortcut_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  PyprepCard *self = PYPREP_CARD (widget);
  int key = g_variant_get_int32 (args);

  if (self->question == NULL)
    return FALSE;

  if (key == KEY_REVEAL_TYPING)
    {
      pyprep_card_set_revealed (self, TRUE);
      return TRUE;
    }

  if (key == KEY_LEAVE)
    {
      if (focus_in_text (self))
        gtk_widget_grab_focus (self->revealed ? self->grade_buttons[PYPREP_GRADE_GOOD - 1]
                                              : GTK_WIDGET (self->reveal_button));
      return TRUE;
    }

  if (focus_in_text (self))
    return FALSE;

  if (key == KEY_REVEAL)
    {
      pyprep_card_set_revealed (self, TRUE);
      return TRUE;
    }

  if (!self->revealed)
    return FALSE;
  grade (self, key);
  return TRUE;
}

static void
add_key (GtkShortcutController *controller,
         guint                  keyval,
         GdkModifierType        modifiers,
         int                    key)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_callback_action_new (key_shortcut_cb, NULL, NULL));

  gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (key));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
add_keys (PyprepCard *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *keys = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_shortcut_controller_set_scope (keys, GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_key (keys, GDK_KEY_space, 0, KEY_REVEAL);
  add_key (keys, GDK_KEY_KP_Space, 0, KEY_REVEAL);
  for (int grade = PYPREP_GRADE_AGAIN; grade <= PYPREP_GRADE_EASY; grade++)
    {
      add_key (keys, GDK_KEY_1 + grade - 1, 0, grade);
      add_key (keys, GDK_KEY_KP_1 + grade - 1, 0, grade);
    }
  add_key (keys, GDK_KEY_Return, GDK_CONTROL_MASK, KEY_REVEAL_TYPING);
  add_key (keys, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, KEY_REVEAL_TYPING);
  add_key (keys, GDK_KEY_Escape, 0, KEY_LEAVE);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* The focus goes where the next step is: a grade once revealed, else the
 * scratch area or the reveal button, as the page asked. */
static gboolean
pyprep_card_grab_focus (GtkWidget *widget)
{
  PyprepCard *self = PYPREP_CARD (widget);

  if (self->revealed)
    return gtk_widget_grab_focus (self->grade_buttons[PYPREP_GRADE_GOOD - 1]);
  if (self->focus_scratch)
    return gtk_widget_grab_focus (GTK_WIDGET (self->scratch_view));
  return gtk_widget_grab_focus (GTK_WIDGET (self->reveal_button));
}

static void
set_label_text (PyprepCard *self,
                GtkLabel   *label,
                const char *text,
                GParamSpec *pspec)
{
  g_assert (PYPREP_IS_CARD (self));

  if (g_strcmp0 (gtk_label_get_label (label), text ? text : "") == 0)
    return;

  gtk_label_set_label (label, text);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
set_scratch_description (PyprepCard *self,
                         const char *description)
{
  if (g_strcmp0 (self->scratch_description, description) == 0)
    return;

  g_free (self->scratch_description);
  self->scratch_description = g_strdup (description);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scratch_view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description ? description : "", -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCRATCH_DESCRIPTION]);
}

static void
set_reveal_tooltip (PyprepCard *self,
                    const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self->reveal_button)), tooltip) == 0)
    return;

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->reveal_button), tooltip);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEAL_TOOLTIP]);
}

/* A prompt over the grade buttons, as in "How did you do?", takes some
 * of the space above them. */
static void
set_grade_prompt (PyprepCard *self,
                  const char *prompt)
{
  gboolean shown = prompt != NULL && *prompt != '\0';

  if (g_strcmp0 (gtk_label_get_label (self->prompt_label), prompt ? prompt : "") == 0)
    return;

  gtk_label_set_label (self->prompt_label, prompt);
  gtk_widget_set_visible (GTK_WIDGET (self->prompt_label), shown);
  gtk_widget_set_margin_top (GTK_WIDGET (self->grades_box), shown ? 6 : 10);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRADE_PROMPT]);
}

static void
set_show_intervals (PyprepCard *self,
                    gboolean    show_intervals)
{
  show_intervals = !!show_intervals;
  if (self->show_intervals == show_intervals)
    return;

  self->show_intervals = show_intervals;
  update_grade_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_INTERVALS]);
}

static void
set_focus_scratch (PyprepCard *self,
                   gboolean    focus_scratch)
{
  focus_scratch = !!focus_scratch;
  if (self->focus_scratch == focus_scratch)
    return;

  self->focus_scratch = focus_scratch;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_SCRATCH]);
}

/* A widget of the page's under the answer, revealed with it. */
static void
set_answer_footer (PyprepCard *self,
                   GtkWidget  *footer)
{
  if (self->answer_footer == footer)
    return;

  if (self->answer_footer != NULL)
    gtk_box_remove (self->answer_footer_box, self->answer_footer);
  self->answer_footer = footer;
  if (footer != NULL)
    gtk_box_append (self->answer_footer_box, footer);
  gtk_widget_set_visible (GTK_WIDGET (self->answer_footer_box), footer != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER_FOOTER]);
}

static void
pyprep_card_buildable_add_child (GtkBuildable *buildable,
                                 GtkBuilder   *builder,
                                 GObject      *child,
                                 const char   *type)
{
  PyprepCard *self = PYPREP_CARD (buildable);

  /* The template's own children arrive before reveal_box is bound. */
  if (self->reveal_box != NULL && type == NULL && GTK_IS_WIDGET (child))
    gtk_box_append (self->reveal_box, GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
pyprep_card_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = pyprep_card_buildable_add_child;
}

static void
pyprep_card_dispose (GObject *object)
{
  PyprepCard *self = (PyprepCard *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_CARD);
  self->answer_footer = NULL;  /* went with the template */
  g_clear_object (&self->question);

  G_OBJECT_CLASS (pyprep_card_parent_class)->dispose (object);
}

static void
pyprep_card_finalize (GObject *object)
{
  PyprepCard *self = (PyprepCard *)object;

  g_free (self->scratch_description);
  g_free (self->answer);

  G_OBJECT_CLASS (pyprep_card_parent_class)->finalize (object);
}

static void
pyprep_card_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PyprepCard *self = PYPREP_CARD (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      g_value_set_object (value, self->question);
      break;
    case PROP_CAPTION:
      g_value_set_string (value, gtk_label_get_label (self->caption_label));
      break;
    case PROP_NOTICE:
      g_value_set_string (value, pyprep_card_get_notice (self));
      break;
    case PROP_REVEALED:
      g_value_set_boolean (value, self->revealed);
      break;
    case PROP_SCRATCH_TITLE:
      g_value_set_string (value, gtk_label_get_label (self->scratch_label));
      break;
    case PROP_SCRATCH_DESCRIPTION:
      g_value_set_string (value, self->scratch_description);
      break;
    case PROP_REVEAL_TOOLTIP:
      g_value_set_string (value, gtk_widget_get_tooltip_text (GTK_WIDGET (self->reveal_button)));
      break;
    case PROP_GRADE_PROMPT:
      g_value_set_string (value, gtk_label_get_label (self->prompt_label));
      break;
    case PROP_SHOW_INTERVALS:
      g_value_set_boolean (value, self->show_intervals);
      break;
    case PROP_FOCUS_SCRATCH:
      g_value_set_boolean (value, self->focus_scratch);
      break;
    case PROP_ANSWER_FOOTER:
      g_value_set_object (value, self->answer_footer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_card_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PyprepCard *self = PYPREP_CARD (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      pyprep_card_set_question (self, g_value_get_object (value));
      break;
    case PROP_CAPTION:
      pyprep_card_set_caption (self, g_value_get_string (value));
      break;
    case PROP_NOTICE:
      pyprep_card_set_notice (self, g_value_get_string (value));
      break;
    case PROP_REVEALED:
      pyprep_card_set_revealed (self, g_value_get_boolean (value));
      break;
    case PROP_SCRATCH_TITLE:
      set_label_text (self, self->scratch_label, g_value_get_string (value), pspec);
      break;
    case PROP_SCRATCH_DESCRIPTION:
      set_scratch_description (self, g_value_get_string (value));
      break;
    case PROP_REVEAL_TOOLTIP:
      set_reveal_tooltip (self, g_value_get_string (value));
      break;
    case PROP_GRADE_PROMPT:
      set_grade_prompt (self, g_value_get_string (value));
      break;
    case PROP_SHOW_INTERVALS:
      set_show_intervals (self, g_value_get_boolean (value));
      break;
    case PROP_FOCUS_SCRATCH:
      set_focus_scratch (self, g_value_get_boolean (value));
      break;
    case PROP_ANSWER_FOOTER:
      set_answer_footer (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_card_class_init (PyprepCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = pyprep_card_dispose;
  object_class->finalize = pyprep_card_finalize;
  object_class->get_property = pyprep_card_get_property;
  object_class->set_property = pyprep_card_set_property;
  widget_class->grab_focus = pyprep_card_grab_focus;

  properties[PROP_QUESTION] =
    g_param_spec_object ("question", NULL, "The question shown", PYPREP_TYPE_QUESTION, flags);
  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, "A line over the question, e.g. its topic", NULL, flags);
  properties[PROP_NOTICE] =
    g_param_spec_string ("notice", NULL, "A warning over the revealed answer", NULL, flags);
  properties[PROP_REVEALED] =
    g_param_spec_boolean ("revealed", NULL, "Whether the answer and the grades are shown", FALSE, flags);
  properties[PROP_SCRATCH_TITLE] =
    g_param_spec_string ("scratch-title", NULL, "The heading of the scratch area", NULL, flags);
  properties[PROP_SCRATCH_DESCRIPTION] =
    g_param_spec_string ("scratch-description", NULL, "The scratch area's accessible description", NULL,
                         flags);
  properties[PROP_REVEAL_TOOLTIP] =
    g_param_spec_string ("reveal-tooltip", NULL, "The tooltip of the reveal button", NULL, flags);
  properties[PROP_GRADE_PROMPT] =
    g_param_spec_string ("grade-prompt", NULL, "A question over the grade buttons", NULL, flags);
  properties[PROP_SHOW_INTERVALS] =
    g_param_spec_boolean ("show-intervals", NULL, "Whether the grade buttons show intervals", FALSE, flags);
  properties[PROP_FOCUS_SCRATCH] =
    g_param_spec_boolean ("focus-scratch", NULL, "Whether a hidden card takes the focus in its scratch area",
                          FALSE, flags);
  properties[PROP_ANSWER_FOOTER] =
    g_param_spec_object ("answer-footer", NULL, "A widget under the revealed answer", GTK_TYPE_WIDGET, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PyprepCard::graded:
   * @grade: the #PyprepGrade
   *
   * The user graded the revealed answer, with a button or a key.
   */
  signals[GRADED] = g_signal_new ("graded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  g_type_ensure (PYPREP_TYPE_MARKDOWN_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/pyprep-card.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepCard, scroller);
  gtk_widget_class_bind_template_child (widget_class, PyprepCard, caption_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepCard, scratch_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepCard, scratch_view);
  gtk_widget_class_bind_template_child (widget_class, PyprepCard, reveal_box);
  gtk_widget_class_bind_template_child (widget_class, PyprepCard, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepCard, answer_revealer);
  gtk_widget_class_bind_template_child (widget_class, PyprepCard, notice_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepCard, markdown_view);
  gtk_widget_class_bind_template_child (widget_class, PyprepCard, grades_revealer);
  gtk_widget_class_bind_template_child (widget_class, PyprepCard, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepCard, grades_box);
  gtk_widget_class_bind_template_child (widget_class, PyprepCard, answer_footer_box);
  gtk_widget_class_bind_template_callback (widget_class, reveal_clicked_cb);

  gtk_widget_class_install_action (widget_class, "card.grade", "i", grade_action);
}

static void
pyprep_card_init (PyprepCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_grade_buttons (self);

  g_signal_connect_object (self->markdown_view, "activate-link", G_CALLBACK (activate_link_cb), self,
                           G_CONNECT_SWAPPED);

  add_keys (self);
}

GtkWidget *
pyprep_card_new (void)
{
  return g_object_new (PYPREP_TYPE_CARD, NULL);
}

/* Returns: (transfer none) (nullable): the question shown */
PyprepQuestion *
pyprep_card_get_question (PyprepCard *self)
{
  g_return_val_if_fail (PYPREP_IS_CARD (self), NULL);

  return self->question;
}

/**
 * pyprep_card_set_question:
 * @question: (nullable): the question to show
 *
 * Shows @question from the start, even if it was shown already: its
 * title, an empty scratch area, the answer hidden and no notice. The
 * focus stays where it is: the page calls gtk_widget_grab_focus() on the
 * card once it is on screen.
 */
void
pyprep_card_set_question (PyprepCard     *self,
                          PyprepQuestion *question)
{
  g_return_if_fail (PYPREP_IS_CARD (self));
  g_return_if_fail (question == NULL || PYPREP_IS_QUESTION (question));

  pyprep_card_set_follow_up (self, question, NULL);
}

/**
 * pyprep_card_set_follow_up:
 * @question: (nullable): the question asked before
 * @follow_up: (nullable): the follow-up of @question to show, or %NULL
 *   for @question itself
 *
 * Like pyprep_card_set_question(), but the card asks @follow_up's prompt
 * and reveals its answer.
 */
void
pyprep_card_set_follow_up (PyprepCard           *self,
                           PyprepQuestion       *question,
                           const PyprepFollowUp *follow_up)
{
  gboolean changed;
  const char *title = NULL;

  g_return_if_fail (PYPREP_IS_CARD (self));
  g_return_if_fail (question == NULL || PYPREP_IS_QUESTION (question));
  g_return_if_fail (follow_up == NULL || question != NULL);

  g_object_freeze_notify (G_OBJECT (self));

  changed = g_set_object (&self->question, question);
  g_free (self->answer);
  self->answer = follow_up != NULL ? g_strdup (follow_up->answer) : NULL;
  if (follow_up != NULL)
    title = follow_up->prompt;
  else if (question != NULL)
    title = pyprep_question_get_title (question);
  gtk_label_set_label (self->title_label, title);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->scratch_view), "", -1);
  pyprep_card_set_notice (self, NULL);
  if (self->revealed)
    {
      self->revealed = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
    }
  update_answer (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);

  g_object_thaw_notify (G_OBJECT (self));
}

const char *
pyprep_card_get_caption (PyprepCard *self)
{
  g_return_val_if_fail (PYPREP_IS_CARD (self), NULL);

  return gtk_label_get_label (self->caption_label);
}

void
pyprep_card_set_caption (PyprepCard *self,
                         const char *caption)
{
  g_return_if_fail (PYPREP_IS_CARD (self));

  set_label_text (self, self->caption_label, caption, properties[PROP_CAPTION]);
}

/* Returns: (nullable): the warning shown over the answer */
const char *
pyprep_card_get_notice (PyprepCard *self)
{
  g_return_val_if_fail (PYPREP_IS_CARD (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->notice_label)) ? gtk_label_get_label (self->notice_label)
                                                                   : NULL;
}

/**
 * pyprep_card_set_notice:
 * @notice: (nullable): a warning, as in "Time is up."
 *
 * Shows @notice over the answer, or nothing if it is %NULL.
 */
void
pyprep_card_set_notice (PyprepCard *self,
                        const char *notice)
{
  gboolean shown = notice != NULL && *notice != '\0';

  g_return_if_fail (PYPREP_IS_CARD (self));

  if (g_strcmp0 (pyprep_card_get_notice (self), shown ? notice : NULL) == 0)
    return;

  gtk_label_set_label (self->notice_label, shown ? notice : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), shown);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTICE]);
}

gboolean
pyprep_card_get_revealed (PyprepCard *self)
{
  g_return_val_if_fail (PYPREP_IS_CARD (self), FALSE);

  return self->revealed;
}

/**
 * pyprep_card_set_revealed:
 *
 * Shows the answer and the grade buttons, and moves the focus to Good;
 * or hides them. Without a question there is nothing to reveal. Handlers
 * of notify::revealed run before the focus moves, so that what they
 * change (e.g. the intervals) is what the grade button is read as.
 */
void
pyprep_card_set_revealed (PyprepCard *self,
                          gboolean    revealed)
{
  g_return_if_fail (PYPREP_IS_CARD (self));

  revealed = !!revealed;
  if (self->revealed == revealed || (revealed && self->question == NULL))
    return;

  /* The page hears first and gives the grade buttons their intervals,
   * so that the buttons are named in full before they are shown. */
  self->revealed = revealed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
  update_answer (self);

  if (revealed)
    gtk_widget_grab_focus (self->grade_buttons[PYPREP_GRADE_GOOD - 1]);
}

/**
 * pyprep_card_set_intervals:
 * @intervals: for each grade from Again to Easy, the seconds until the
 *   question would come back
 *
 * Shows on each grade button when its grade would bring the question
 * back. Only for a card with show-intervals.
 */
void
pyprep_card_set_intervals (PyprepCard   *self,
                           const gint64  intervals[4])
{
  g_return_if_fail (PYPREP_IS_CARD (self));
  g_return_if_fail (self->show_intervals);
  g_return_if_fail (intervals != NULL);

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *interval = pyprep_scheduler_format_interval (intervals[i]);
      /* TRANSLATORS: a grade button, as in "Good: next in 3 days" */
      g_autofree char *name = g_strdup_printf (_("%s: next in %s"), pyprep_grade_get_label (i + 1), interval);

      gtk_label_set_label (GTK_LABEL (self->interval_labels[i]), interval);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->grade_buttons[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
}

/* Returns: (transfer none): what the user typed as their answer */
GtkTextBuffer *
pyprep_card_get_scratch (PyprepCard *self)
{
  g_return_val_if_fail (PYPREP_IS_CARD (self), NULL);

  return gtk_text_view_get_buffer (self->scratch_view);
}
