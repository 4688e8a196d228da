/* pyprep-question-page.c: the reading pane. It renders a question's
 * Markdown answer and its related questions, and turns "q:<id>" links and
 * related rows into the "open-question" signal for the window to follow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-question-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "pyprep-library.h"
#include "pyprep-markdown-view.h"
#include "pyprep-note-editor.h"
#include "pyprep-prose-layout.h"
#include "pyprep-question-page.h"
#include "pyprep-question.h"
#include "pyprep-scroll-bin.h"
#include "pyprep-study.h"
#include "pyprep-topic.h"

#define QUESTION_LINK_SCHEME "q:"

struct _PyprepQuestionPage
{
  GtkWidget           parent_instance;

  GtkStack           *stack;
  GtkScrolledWindow  *scroller;
  GtkLabel           *title_label;
  GtkLabel           *difficulty_label;
  GtkLabel           *tags_label;
  GtkWidget          *exercise_button;
  PyprepMarkdownView *markdown_view;
  GtkWidget          *related_box;
  GtkWidget          *related_list;
  GtkWidget          *notes_box;
  PyprepNoteEditor   *note_editor;

  PyprepQuestion     *question;
  PyprepLibrary      *library;   /* where related ids are looked up */
  PyprepStudy        *study;

  /* Where the reader is, kept while the text changes size. */
  GtkWidget          *place_anchor;  /* weak */
  double              place_offset;
  guint               place_frames;
  guint               place_tick;
  gboolean            restoring_place;
};

G_DEFINE_FINAL_TYPE (PyprepQuestionPage, pyprep_question_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_QUESTION,
  N_PROPS
};

enum {
  OPEN_QUESTION,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void show_after_answer (PyprepQuestionPage *self);

static gboolean
activate_link_cb (PyprepMarkdownView *view,
                  const char         *uri,
                  PyprepQuestionPage *self)
{
  if (!g_str_has_prefix (uri, QUESTION_LINK_SCHEME))
    return FALSE;

  g_signal_emit (self, signals[OPEN_QUESTION], 0, uri + strlen (QUESTION_LINK_SCHEME));
  return TRUE;
}

static gboolean
related_link_cb (GtkLabel           *label,
                 const char         *uri,
                 PyprepQuestionPage *self)
{
  return activate_link_cb (NULL, uri, self);
}

/* Keeping the reader's place ------------------------------------------- */

/* The block of the answer at the top of the view, and how far above the
 * view's top it starts, in content coordinates. */
static gboolean
place_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  PyprepQuestionPage *self = PYPREP_QUESTION_PAGE (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (self->scroller)));
  graphene_point_t top;

  if (self->place_anchor == NULL
      || !gtk_widget_compute_point (self->place_anchor, content, &GRAPHENE_POINT_INIT (0, 0), &top))
    {
      self->place_tick = 0;
      return G_SOURCE_REMOVE;
    }

  /* Held for a second of frames: the answer is laid out again by then. */
  if (++self->place_frames > 60)
    {
      g_clear_weak_pointer (&self->place_anchor);
      self->place_tick = 0;
      return G_SOURCE_REMOVE;
    }

  self->restoring_place = TRUE;
  gtk_adjustment_set_value (adjustment, top.y - self->place_offset);
  self->restoring_place = FALSE;
  return G_SOURCE_CONTINUE;
}

/* The reader scrolled: the place they chose is theirs. */
static void
place_value_changed_cb (PyprepQuestionPage *self)
{
  if (!self->restoring_place)
    g_clear_weak_pointer (&self->place_anchor);
}

/**
 * pyprep_question_page_keep_place:
 *
 * The text is about to change size: keeps the block of the answer at the
 * top of the view where it is while the answer is laid out again, until
 * the reader scrolls or opens another question.
 */
void
pyprep_question_page_keep_place (PyprepQuestionPage *self)
{
  GtkAdjustment *adjustment;
  GtkWidget *content, *blocks;
  double value;

  g_return_if_fail (PYPREP_IS_QUESTION_PAGE (self));

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  value = gtk_adjustment_get_value (adjustment);
  content = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (self->scroller)));
  blocks = pyprep_markdown_view_get_content (self->markdown_view);
  if (value <= gtk_adjustment_get_lower (adjustment) || blocks == NULL)
    return;

  for (GtkWidget *block = gtk_widget_get_first_child (blocks); block; block = gtk_widget_get_next_sibling (block))
    {
      graphene_point_t top;

      if (gtk_widget_compute_point (block, content, &GRAPHENE_POINT_INIT (0, 0), &top)
          && top.y + gtk_widget_get_height (block) > value)
        {
          g_set_weak_pointer (&self->place_anchor, block);
          self->place_offset = top.y - value;
          self->place_frames = 0;
          if (self->place_tick == 0)
            self->place_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), place_tick_cb, NULL, NULL);
          return;
        }
    }
}

static void
pyprep_question_page_dispose (GObject *object)
{
  PyprepQuestionPage *self = (PyprepQuestionPage *)object;

  g_clear_object (&self->study);

  g_clear_weak_pointer (&self->place_anchor);
  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_QUESTION_PAGE);
  g_clear_object (&self->question);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (pyprep_question_page_parent_class)->dispose (object);
}

static void
pyprep_question_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PyprepQuestionPage *self = PYPREP_QUESTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      g_value_set_object (value, self->question);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_question_page_class_init (PyprepQuestionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_question_page_dispose;
  object_class->get_property = pyprep_question_page_get_property;

  properties[PROP_QUESTION] =
    g_param_spec_object ("question", NULL, NULL, PYPREP_TYPE_QUESTION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PyprepQuestionPage::open-question:
   * @id: the id of the question to open
   *
   * Emitted when the user follows a link to another question.
   */
  signals[OPEN_QUESTION] =
    g_signal_new ("open-question",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (PYPREP_TYPE_MARKDOWN_VIEW);
  g_type_ensure (PYPREP_TYPE_SCROLL_BIN);
  g_type_ensure (PYPREP_TYPE_NOTE_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/pyprep-question-page.ui");
  gtk_widget_class_set_css_name (widget_class, "questionpage");
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionPage, difficulty_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionPage, tags_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionPage, exercise_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionPage, markdown_view);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionPage, related_box);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionPage, notes_box);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionPage, related_list);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionPage, note_editor);
  gtk_widget_class_bind_template_callback (widget_class, activate_link_cb);
}

static void
pyprep_question_page_init (PyprepQuestionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The title and tags change with every question; their minimum width
   * is the one set in the template, not their narrowest layout. */
  pyprep_prose_layout_attach (self->title_label, gtk_label_get_width_chars (self->title_label));
  pyprep_prose_layout_attach (self->tags_label, gtk_label_get_width_chars (self->tags_label));

  g_signal_connect_object (self->markdown_view, "notify::building",
                           G_CALLBACK (show_after_answer), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (place_value_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Words to mark in the next answer shown (the search that led to it). */
void
pyprep_question_page_set_highlights (PyprepQuestionPage *self,
                                     const char * const *words)
{
  g_return_if_fail (PYPREP_IS_QUESTION_PAGE (self));

  pyprep_markdown_view_set_highlights (self->markdown_view, words);
}

/* Where the page keeps the user's notes; without it, there are none. */
void
pyprep_question_page_set_study (PyprepQuestionPage *self,
                                PyprepStudy        *study)
{
  g_return_if_fail (PYPREP_IS_QUESTION_PAGE (self));
  g_return_if_fail (!study || PYPREP_IS_STUDY (study));

  g_set_object (&self->study, study);
  if (study != NULL)
    pyprep_note_editor_set_study (self->note_editor, study);
  gtk_widget_set_visible (GTK_WIDGET (self->note_editor), study != NULL);
}

GtkWidget *
pyprep_question_page_new (void)
{
  return g_object_new (PYPREP_TYPE_QUESTION_PAGE, NULL);
}

/* Returns: (transfer none) (nullable) */
PyprepQuestion *
pyprep_question_page_get_question (PyprepQuestionPage *self)
{
  g_return_val_if_fail (PYPREP_IS_QUESTION_PAGE (self), NULL);
  return self->question;
}

static void
update_difficulty (PyprepQuestionPage *self)
{
  static const char * const classes[] = { "junior", "mid", "senior" };
  PyprepDifficulty difficulty = pyprep_question_get_difficulty (self->question);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->difficulty_label), classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->difficulty_label),
                            pyprep_difficulty_to_string (difficulty));
  gtk_label_set_text (self->difficulty_label, pyprep_difficulty_get_label (difficulty));
}

static void
update_tags (PyprepQuestionPage *self)
{
  const char * const *tags = pyprep_question_get_tags (self->question);
  g_autofree char *joined = g_strjoinv (" · ", (char **)tags);

  gtk_label_set_text (self->tags_label, joined);
  gtk_widget_set_visible (GTK_WIDGET (self->tags_label), tags[0] != NULL);
  gtk_widget_set_visible (self->exercise_button, pyprep_question_get_exercise (self->question) != NULL);
}

/* Related questions are plain links, one label each: rows of a boxed
 * list looked better but cost more than the rest of the answer to lay out. */
static void
update_related (PyprepQuestionPage *self)
{
  PyprepLibrary *library = self->library;
  const char * const *related = pyprep_question_get_related (self->question);
  GtkWidget *child;
  guint n_links = 0;

  while ((child = gtk_widget_get_first_child (self->related_list)))
    gtk_box_remove (GTK_BOX (self->related_list), child);

  for (guint i = 0; related[i] != NULL; i++)
    {
      PyprepQuestion *other = library ? pyprep_library_lookup_question (library, related[i]) : NULL;
      PyprepTopic *topic;
      g_autofree char *markup = NULL;
      GtkWidget *label;

      if (other == NULL)
        continue;

      topic = pyprep_question_get_topic (other);
      markup = g_markup_printf_escaped ("<a href=\"" QUESTION_LINK_SCHEME "%s\">%s</a>"
                                        "  <span alpha=\"60%%\">%s</span>",
                                        related[i], pyprep_question_get_title (other),
                                        topic ? pyprep_topic_get_title (topic) : "");
      label = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      pyprep_prose_layout_attach (GTK_LABEL (label), 14);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      g_signal_connect_object (label, "activate-link", G_CALLBACK (related_link_cb), self, 0);
      gtk_box_append (GTK_BOX (self->related_list), label);
      n_links++;
    }

  gtk_widget_set_visible (self->related_box, n_links > 0);
}

/* The notes and the related questions follow the answer. A long answer
 * shows its first screenful at once and the rest soon after, and they
 * wait for it: shown with the first screenful, they would appear below
 * it and then jump down. The notes stay while the user is typing there. */
static void
show_after_answer (PyprepQuestionPage *self)
{
  gboolean building = pyprep_markdown_view_get_building (self->markdown_view);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (self->question == NULL)
    return;

  if (!building || focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->note_editor)))
    gtk_widget_set_visible (self->notes_box, !building);

  if (building)
    gtk_widget_set_visible (self->related_box, FALSE);
  else
    update_related (self);
}

/**
 * pyprep_question_page_set_question:
 * @question: (nullable): the question to show, or %NULL for the empty state
 * @library: (nullable): where related ids are looked up
 */
void
pyprep_question_page_set_question (PyprepQuestionPage *self,
                                   PyprepQuestion     *question,
                                   PyprepLibrary      *library)
{
  GtkAdjustment *vadjustment;

  g_return_if_fail (PYPREP_IS_QUESTION_PAGE (self));
  g_return_if_fail (!question || PYPREP_IS_QUESTION (question));

  if (question == self->question)
    return;

  /* The note being typed is saved first. */
  pyprep_note_editor_set_question_id (self->note_editor, question ? pyprep_question_get_id (question) : NULL);
  g_set_object (&self->question, question);
  g_set_object (&self->library, library);

  if (question == NULL)
    {
      pyprep_markdown_view_set_markdown (self->markdown_view, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      gboolean was_building = pyprep_markdown_view_get_building (self->markdown_view);

      gtk_label_set_text (self->title_label, pyprep_question_get_title (question));
      update_difficulty (self);
      update_tags (self);
      /* A user's deck is a file; the bank's are resources. */
      pyprep_markdown_view_set_user_code (self->markdown_view,
                                          g_path_is_absolute (pyprep_question_get_source (question)));
      pyprep_markdown_view_set_markdown (self->markdown_view, pyprep_question_get_body (question));
      /* A change of "building" has already called it. */
      if (pyprep_markdown_view_get_building (self->markdown_view) == was_building)
        show_after_answer (self);

      g_clear_weak_pointer (&self->place_anchor);
      vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
      gtk_stack_set_visible_child_name (self->stack, "question");
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);
}
