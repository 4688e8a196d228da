/* pyprep-card-util.c: the parts of a card that the practice page and the
 * mock interview share, so that both read keys, show the answer and
 * label their grade buttons the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-card"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-card-util.h"

static gboolean
focus_in_text (GtkWidget *card)
{
  GtkRoot *root = gtk_widget_get_root (card);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (GTK_IS_TEXT_VIEW (focus) || GTK_IS_TEXT (focus) || GTK_IS_EDITABLE (focus));
}

/**
 * pyprep_card_read_key:
 * @grade: (out): the grade, for %PYPREP_CARD_KEY_GRADE
 *
 * What a key pressed on @card asks for. Meant for a key controller in the
 * capture phase, so that Space reveals rather than pressing a button;
 * while a text field has the focus keys type, except Ctrl+Return (reveal)
 * and Escape (leave the field).
 */
PyprepCardKey
pyprep_card_read_key (GtkWidget       *card,
                      guint            keyval,
                      GdkModifierType  state,
                      gboolean         revealed,
                      PyprepGrade     *grade)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK | GDK_SUPER_MASK);

  if (focus_in_text (card))
    {
      if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && mods == GDK_CONTROL_MASK)
        return PYPREP_CARD_KEY_REVEAL;
      if (keyval == GDK_KEY_Escape && mods == 0)
        return PYPREP_CARD_KEY_LEAVE_FIELD;
      return PYPREP_CARD_KEY_NONE;
    }

  if (mods != 0)
    return PYPREP_CARD_KEY_NONE;

  switch (keyval)
    {
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      return PYPREP_CARD_KEY_REVEAL;  /* never let Space press a grade button by accident */
    case GDK_KEY_1: case GDK_KEY_KP_1:
    case GDK_KEY_2: case GDK_KEY_KP_2:
    case GDK_KEY_3: case GDK_KEY_KP_3:
    case GDK_KEY_4: case GDK_KEY_KP_4:
      if (!revealed)
        return PYPREP_CARD_KEY_NONE;
      *grade = (keyval >= GDK_KEY_KP_1 ? keyval - GDK_KEY_KP_1 : keyval - GDK_KEY_1) + 1;
      return PYPREP_CARD_KEY_GRADE;
    default:
      return PYPREP_CARD_KEY_NONE;
    }
}

/* Shows @markdown as the answer, with the grade buttons, in place of the
 * reveal button; with %NULL hides them again at once. A hidden answer is
 * not even in the widget tree. */
void
pyprep_card_show_answer (PyprepMarkdownView *markdown_view,
                         GtkRevealer        *answer_revealer,
                         GtkRevealer        *grades_revealer,
                         GtkButton          *reveal_button,
                         const char         *markdown)
{
  gboolean shown = markdown != NULL;

  pyprep_markdown_view_set_markdown (markdown_view, markdown);
  gtk_revealer_set_transition_duration (answer_revealer, shown ? 250 : 0);
  gtk_revealer_set_reveal_child (answer_revealer, shown);
  gtk_revealer_set_reveal_child (grades_revealer, shown);
  gtk_widget_set_visible (GTK_WIDGET (reveal_button), !shown);
}

/* A button for @grade, styled by grade, with the grade's name and key as
 * its tooltip and the grade as its "grade" data. It shows @child, or the
 * grade's name if @child is %NULL. */
GtkWidget *
pyprep_card_grade_button_new (PyprepGrade  grade,
                              GtkWidget   *child)
{
  static const char * const styles[4] = { "grade-again", "grade-hard", "grade-good", "grade-easy" };
  const char *name;
  GtkWidget *button;
  g_autofree char *tooltip = NULL;

  g_return_val_if_fail (pyprep_grade_is_valid (grade), NULL);

  name = pyprep_grade_get_label (grade);
  tooltip = g_strdup_printf (_("%s (%u)"), name, (guint)grade);
  if (child != NULL)
    {
      button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), child);
    }
  else
    button = gtk_button_new_with_label (name);

  gtk_widget_set_size_request (button, 76, -1);
  gtk_widget_add_css_class (button, "grade");
  gtk_widget_add_css_class (button, styles[grade - 1]);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "grade", GINT_TO_POINTER (grade));

  return button;
}
