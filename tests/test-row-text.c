/* test-row-text.c: the sidebar rows' text is sized like a GtkInscription,
 * says what it is given, and offers a tooltip only when it is cut short.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "pyprep-row-text.h"
#include "test-util.h"

static const char long_title[] =
  "How does the cyclic garbage collector find reference cycles that reference counting alone can never free?";

/* A window holding a row text and, as the reference, an inscription of
 * the same lines and style. */
typedef struct
{
  GtkWidget *window;
  GtkWidget *text;
  GtkWidget *inscription;
} Fixture;

static void
fixture_init (Fixture    *fixture,
              guint       lines,
              const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  fixture->window = gtk_window_new ();
  fixture->text = pyprep_row_text_new (lines);
  fixture->inscription = gtk_inscription_new (NULL);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (fixture->inscription), lines);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (fixture->inscription), lines);
  if (css_class != NULL)
    {
      gtk_widget_add_css_class (fixture->text, css_class);
      gtk_widget_add_css_class (fixture->inscription, css_class);
    }
  gtk_box_append (GTK_BOX (box), fixture->text);
  gtk_box_append (GTK_BOX (box), fixture->inscription);
  gtk_window_set_child (GTK_WINDOW (fixture->window), box);
  /* Styled as in a shown window: a widget is measured once its style
   * classes have been applied. */
  gtk_window_present (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
offers_tooltip (GtkWidget *widget)
{
  GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (widget, "query-tooltip", 5, 5, FALSE, tooltip, &shown);
  g_object_unref (tooltip);
  return shown;
}

/* Sizes and gives @widget @width pixels; returns its height. */
static int
allocate_at (GtkWidget *widget,
             int        width)
{
  int height;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  gtk_widget_allocate (widget, width, height, -1, NULL);
  return height;
}

/* Rows stay the size they were with GtkInscription, whatever their
 * text: one line, two lines, and the smaller caption style. */
static void
test_size (void)
{
  static const struct { guint lines; const char *css_class; } cases[] = {
    { 1, NULL }, { 2, NULL }, { 3, "caption" }, { 1, "caption" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Fixture f;
      int min, nat, baseline, ref_min, ref_nat, ref_baseline, empty_min;

      fixture_init (&f, cases[i].lines, cases[i].css_class);

      gtk_widget_measure (f.text, GTK_ORIENTATION_VERTICAL, -1, &empty_min, NULL, NULL, NULL);
      pyprep_row_text_set_text (PYPREP_ROW_TEXT (f.text), long_title);
      gtk_inscription_set_text (GTK_INSCRIPTION (f.inscription), long_title);

      gtk_widget_measure (f.text, GTK_ORIENTATION_VERTICAL, 200, &min, &nat, &baseline, NULL);
      gtk_widget_measure (f.inscription, GTK_ORIENTATION_VERTICAL, 200, &ref_min, &ref_nat, &ref_baseline, NULL);
      g_assert_cmpint (min, >, 0);
      g_assert_cmpint (min, ==, ref_min);
      g_assert_cmpint (nat, ==, ref_nat);
      g_assert_cmpint (baseline, ==, ref_baseline);
      g_assert_cmpint (min, ==, empty_min);

      gtk_widget_measure (f.text, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      gtk_widget_measure (f.inscription, GTK_ORIENTATION_HORIZONTAL, -1, &ref_min, &ref_nat, NULL, NULL);
      g_assert_cmpint (min, ==, ref_min);
      g_assert_cmpint (nat, ==, ref_nat);

      gtk_window_destroy (GTK_WINDOW (f.window));
    }
}

/* A title that fits is shown whole, with no tooltip; one that does not
 * is ellipsized within its lines, and its tooltip shows it whole. */
static void
test_cut_short (void)
{
  Fixture f;
  PyprepRowText *text;
  int height, line_height;

  fixture_init (&f, 2, NULL);
  text = PYPREP_ROW_TEXT (f.text);
  line_height = allocate_at (f.text, 300) / 2;

  pyprep_row_text_set_text (text, "What is reference counting?");
  allocate_at (f.text, 300);
  g_assert_false (pyprep_row_text_is_cut_short (text));
  g_assert_false (offers_tooltip (f.text));

  pyprep_row_text_set_text (text, long_title);
  height = allocate_at (f.text, 300);
  g_assert_cmpint (height, ==, 2 * line_height);
  g_assert_true (pyprep_row_text_is_cut_short (text));
  g_assert_true (offers_tooltip (f.text));
  g_assert_cmpstr (pyprep_row_text_get_text (text), ==, long_title);

  /* Wide enough again, the same text needs no tooltip. */
  allocate_at (f.text, 2000);
  g_assert_false (pyprep_row_text_is_cut_short (text));
  g_assert_false (offers_tooltip (f.text));

  gtk_window_destroy (GTK_WINDOW (f.window));
}

/* Plain text is never read as markup, markup is, and markup that does
 * not parse is shown as it came rather than dropped. A screen reader
 * reads the text. */
static void
test_text_and_markup (void)
{
  Fixture f;
  PyprepRowText *text;
  g_autofree char *label = NULL;

  fixture_init (&f, 3, "caption");
  text = PYPREP_ROW_TEXT (f.text);

  pyprep_row_text_set_text (text, "a < b & <b>c</b>");
  g_assert_cmpstr (pyprep_row_text_get_text (text), ==, "a < b & <b>c</b>");

  pyprep_row_text_set_markup (text, "<b>Internals</b> · the &lt;GIL&gt; is &amp; was");
  g_assert_cmpstr (pyprep_row_text_get_text (text), ==, "Internals · the <GIL> is & was");

  g_test_expect_message ("pyprep-row-text", G_LOG_LEVEL_WARNING, "*markup*");
  pyprep_row_text_set_markup (text, "<b>unclosed");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (pyprep_row_text_get_text (text), ==, "<b>unclosed");

  pyprep_row_text_set_text (text, "Senior · Confident");
  g_assert_true (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (f.text)) == GTK_ACCESSIBLE_ROLE_LABEL);
  g_object_get (f.text, "text", &label, NULL);
  g_assert_cmpstr (label, ==, "Senior · Confident");

  gtk_window_destroy (GTK_WINDOW (f.window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/pyprep/row-text/size", test_size);
  g_test_add_func ("/pyprep/row-text/cut-short", test_cut_short);
  g_test_add_func ("/pyprep/row-text/text-and-markup", test_text_and_markup);

  return g_test_run ();
}
