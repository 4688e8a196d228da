/* pyprep-markdown-view.c: renders an answer's Markdown as native widgets.
 *
 * The widget: it parses the answer into events, hands them to a block
 * builder, and decides when the builder runs. Widgets are built before
 * the first frame only for about a screenful of text; the rest is built
 * in idle time once that frame has been painted, so that switching to a
 * long answer costs only what the screen shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-markdown-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-markdown-blocks.h"
#include "pyprep-markdown-events.h"
#include "pyprep-markdown-view.h"

/* How much text, in characters, is built before the first frame, and
 * then in each idle step. */
#define FIRST_SCREEN_CHARS 1200
#define CHARS_PER_IDLE 2400

struct _PyprepMarkdownView
{
  GtkWidget             parent_instance;

  GtkWidget            *content;
  PyprepMarkdownBlocks *builder;         /* while blocks remain to be built */
  GPtrArray            *retired;         /* earlier answers' content, to free */
  guint                 idle_id;
  GdkFrameClock        *clock;           /* while waiting for a frame to be painted */
  gulong                after_paint_id;
  GStrv                 highlights;      /* lower-case words to mark, or NULL */
  gboolean              building;        /* as last notified */
  gboolean              user_code;       /* from the user's own decks */
};

G_DEFINE_FINAL_TYPE (PyprepMarkdownView, pyprep_markdown_view, GTK_TYPE_WIDGET)

enum {
  ACTIVATE_LINK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_BUILDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
label_activate_link_cb (GtkLabel           *label,
                        const char         *uri,
                        PyprepMarkdownView *self)
{
  gboolean handled = FALSE;

  g_signal_emit (self, signals[ACTIVATE_LINK], 0, uri, &handled);
  return handled;
}

static void
finish_building (PyprepMarkdownView *self)
{
  g_clear_pointer (&self->builder, pyprep_markdown_blocks_free);
}

/* Tells whether blocks are still waiting to be built, once the state has
 * settled: switching answers finishes the old one and starts the new one
 * in the same call, which is no change for anyone watching. */
static void
update_building (PyprepMarkdownView *self)
{
  gboolean building = self->builder != NULL;

  if (building == self->building)
    return;

  self->building = building;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUILDING]);
}

/* Earlier answers stay children, hidden, until the new one has been
 * painted: taking a large tree out of the window costs as much as
 * building a small one. */
static void
retire_all (PyprepMarkdownView *self)
{
  for (guint i = 0; i < self->retired->len; i++)
    {
      GtkWidget *old = g_ptr_array_index (self->retired, i);

      if (gtk_widget_get_parent (old) == GTK_WIDGET (self))
        gtk_widget_unparent (old);
    }
  g_ptr_array_set_size (self->retired, 0);
}

/* What is left over from a switch (building the rest of the answer,
 * freeing the previous one) waits until the new answer's first frame
 * has been painted: as a plain idle it could run before that frame, whose
 * timer may not have expired yet when the main loop looks for work. */
static gboolean
deferred_idle_cb (gpointer user_data)
{
  PyprepMarkdownView *self = user_data;

  if (self->retired->len > 0)
    {
      retire_all (self);
      return G_SOURCE_CONTINUE;
    }

  if (self->builder != NULL && pyprep_markdown_blocks_build (self->builder, CHARS_PER_IDLE))
    return G_SOURCE_CONTINUE;

  finish_building (self);
  self->idle_id = 0;
  update_building (self);
  return G_SOURCE_REMOVE;
}

static void
stop_waiting_for_paint (PyprepMarkdownView *self)
{
  if (self->clock != NULL)
    {
      g_clear_signal_handler (&self->after_paint_id, self->clock);
      g_clear_object (&self->clock);
    }
}

static void
after_paint_cb (GdkFrameClock      *clock,
                PyprepMarkdownView *self)
{
  stop_waiting_for_paint (self);
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_LOW, deferred_idle_cb, self, NULL);
}

static void
defer_until_painted (PyprepMarkdownView *self)
{
  GdkFrameClock *clock;

  if (self->builder == NULL && self->retired->len == 0)
    return;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    {
      /* Not shown: there is no frame to wait for. */
      stop_waiting_for_paint (self);
      self->idle_id = g_idle_add_full (G_PRIORITY_LOW, deferred_idle_cb, self, NULL);
      return;
    }

  if (self->clock == clock)
    return;

  stop_waiting_for_paint (self);
  self->clock = g_object_ref (clock);
  self->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
}

static void
clear (PyprepMarkdownView *self)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);
  finish_building (self);
  if (self->content != NULL)
    {
      gtk_widget_set_visible (self->content, FALSE);
      g_ptr_array_add (self->retired, g_object_ref (self->content));
      self->content = NULL;
    }
}

/* A widget that leaves the screen leaves its frame clock behind, and the
 * frame it was waiting for will not come. */
static void
pyprep_markdown_view_unrealize (GtkWidget *widget)
{
  PyprepMarkdownView *self = PYPREP_MARKDOWN_VIEW (widget);

  if (self->clock != NULL)
    {
      stop_waiting_for_paint (self);
      if (self->idle_id == 0)
        self->idle_id = g_idle_add_full (G_PRIORITY_LOW, deferred_idle_cb, self, NULL);
    }

  GTK_WIDGET_CLASS (pyprep_markdown_view_parent_class)->unrealize (widget);
}

static void
pyprep_markdown_view_dispose (GObject *object)
{
  PyprepMarkdownView *self = (PyprepMarkdownView *)object;

  clear (self);
  stop_waiting_for_paint (self);
  if (self->retired != NULL)
    retire_all (self);
  g_clear_pointer (&self->retired, g_ptr_array_unref);
  g_clear_pointer (&self->highlights, g_strfreev);

  G_OBJECT_CLASS (pyprep_markdown_view_parent_class)->dispose (object);
}

static void
pyprep_markdown_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PyprepMarkdownView *self = PYPREP_MARKDOWN_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUILDING:
      g_value_set_boolean (value, self->building);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_markdown_view_class_init (PyprepMarkdownViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_markdown_view_dispose;
  object_class->get_property = pyprep_markdown_view_get_property;
  widget_class->unrealize = pyprep_markdown_view_unrealize;

  /**
   * PyprepMarkdownView:building:
   *
   * Whether part of the document is still being built in idle time. A
   * long answer shows its first screenful at once and the rest soon
   * after; what follows the answer on a page can wait for it, so that
   * it does not appear below the first screenful and then move down.
   */
  properties[PROP_BUILDING] =
    g_param_spec_boolean ("building", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PyprepMarkdownView::activate-link:
   * @uri: the link's target
   *
   * Emitted when a link in the text is activated. Return %TRUE when the
   * link was handled; otherwise it opens in the default handler.
   */
  signals[ACTIVATE_LINK] =
    g_signal_new ("activate-link",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  g_signal_accumulator_true_handled, NULL,
                  NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "markdownview");
}

static void
pyprep_markdown_view_init (PyprepMarkdownView *self)
{
  self->retired = g_ptr_array_new_with_free_func (g_object_unref);
}

GtkWidget *
pyprep_markdown_view_new (void)
{
  return g_object_new (PYPREP_TYPE_MARKDOWN_VIEW, NULL);
}

/**
 * pyprep_markdown_view_set_user_code:
 *
 * Whether the document comes from one of the user's own decks, whose
 * code asks before it runs without a sandbox (pyprep-run-consent.c).
 */
void
pyprep_markdown_view_set_user_code (PyprepMarkdownView *self,
                                    gboolean            user_code)
{
  g_return_if_fail (PYPREP_IS_MARKDOWN_VIEW (self));
  self->user_code = !!user_code;
}

gboolean
pyprep_markdown_view_get_user_code (PyprepMarkdownView *self)
{
  g_return_val_if_fail (PYPREP_IS_MARKDOWN_VIEW (self), FALSE);
  return self->user_code;
}

/**
 * pyprep_markdown_view_set_highlights:
 * @words: (nullable): words to mark in the next document set, matched
 *   case-insensitively at the start of words; %NULL for none
 */
void
pyprep_markdown_view_set_highlights (PyprepMarkdownView *self,
                                     const char * const *words)
{
  g_return_if_fail (PYPREP_IS_MARKDOWN_VIEW (self));

  g_clear_pointer (&self->highlights, g_strfreev);
  if (words != NULL && words[0] != NULL)
    self->highlights = g_strdupv ((char **)words);
}

/**
 * pyprep_markdown_view_get_building:
 *
 * Returns: whether part of the document is still waiting to be built
 */
gboolean
pyprep_markdown_view_get_building (PyprepMarkdownView *self)
{
  g_return_val_if_fail (PYPREP_IS_MARKDOWN_VIEW (self), FALSE);

  return self->building;
}

/**
 * pyprep_markdown_view_get_content:
 *
 * Returns the box holding the rendered blocks, all of them: blocks still
 * waiting to be built are built first.
 *
 * Returns: (transfer none) (nullable): the content box
 */
GtkWidget *
pyprep_markdown_view_get_content (PyprepMarkdownView *self)
{
  g_return_val_if_fail (PYPREP_IS_MARKDOWN_VIEW (self), NULL);

  if (self->builder != NULL)
    {
      pyprep_markdown_blocks_build (self->builder, G_MAXSIZE);
      finish_building (self);
      update_building (self);
    }

  return self->content;
}

void
pyprep_markdown_view_set_markdown (PyprepMarkdownView *self,
                                   const char         *markdown)
{
  g_return_if_fail (PYPREP_IS_MARKDOWN_VIEW (self));

  clear (self);

  if (markdown == NULL)
    {
      defer_until_painted (self);
      update_building (self);
      return;
    }

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (self->content, "md-document");
  gtk_widget_set_parent (self->content, GTK_WIDGET (self));
  self->builder = pyprep_markdown_blocks_new (pyprep_markdown_events_parse (markdown),
                                              GTK_BOX (self->content),
                                              (const char * const *)self->highlights,
                                              G_OBJECT (self),
                                              G_CALLBACK (label_activate_link_cb));

  if (!pyprep_markdown_blocks_build (self->builder, FIRST_SCREEN_CHARS))
    finish_building (self);
  defer_until_painted (self);
  update_building (self);
}
