/* test-scroll-bin.c: the reading pane's scroll bin sizes its content as
 * the content would size itself, except for the one question GTK 4.8's
 * scroller asks for nothing, and from GTK 4.18 not even that.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "pyprep-scroll-bin.h"

static const char paragraph[] =
  "A generator function returns an iterator that runs the function's body "
  "up to each yield, and keeps its frame alive between the calls to next.";

static GtkWidget *
wrapping_label (void)
{
  GtkWidget *label = gtk_label_new (paragraph);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  return label;
}

/* Widths and heights at a width are the content's own, and the content
 * is given the bin's whole size. */
static void
test_passes_through (void)
{
  GtkWidget *bin = g_object_new (PYPREP_TYPE_SCROLL_BIN, NULL);
  GtkWidget *label = wrapping_label ();
  GtkWidget *reference = wrapping_label ();
  int min, nat, ref_min, ref_nat;

  g_object_ref_sink (bin);
  g_object_ref_sink (reference);
  gtk_widget_set_parent (label, bin);

  gtk_widget_measure (bin, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  gtk_widget_measure (reference, GTK_ORIENTATION_HORIZONTAL, -1, &ref_min, &ref_nat, NULL, NULL);
  g_assert_cmpint (min, ==, ref_min);
  g_assert_cmpint (nat, ==, ref_nat);

  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, 200, &min, &nat, NULL, NULL);
  gtk_widget_measure (reference, GTK_ORIENTATION_VERTICAL, 200, &ref_min, &ref_nat, NULL, NULL);
  g_assert_cmpint (min, ==, ref_min);
  g_assert_cmpint (nat, ==, ref_nat);
  g_assert_cmpint (min, >, 0);

  gtk_widget_allocate (bin, 200, min, -1, NULL);
  g_assert_cmpint (gtk_widget_get_width (label), ==, 200);
  g_assert_cmpint (gtk_widget_get_height (label), ==, min);

  g_assert_finalize_object (bin);
  g_assert_finalize_object (reference);
}

/* A height with no width given: GTK 4.8's scroller asks it and ignores
 * the answer, so the bin gives none; from GTK 4.18 the stock answer. */
static void
test_height_for_no_width (void)
{
  GtkWidget *bin = g_object_new (PYPREP_TYPE_SCROLL_BIN, NULL);
  GtkWidget *reference = wrapping_label ();
  int min, nat, ref_min, ref_nat;

  g_object_ref_sink (bin);
  g_object_ref_sink (reference);
  gtk_widget_set_parent (wrapping_label (), bin);

  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
  gtk_widget_measure (reference, GTK_ORIENTATION_VERTICAL, -1, &ref_min, &ref_nat, NULL, NULL);
  if (gtk_check_version (4, 18, 0) != NULL)
    {
      g_assert_cmpint (min, ==, 0);
      g_assert_cmpint (nat, ==, 0);
    }
  else
    {
      g_assert_cmpint (min, ==, ref_min);
      g_assert_cmpint (nat, ==, ref_nat);
    }

  g_assert_finalize_object (bin);
  g_assert_finalize_object (reference);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/scroll-bin/passes-through", test_passes_through);
  g_test_add_func ("/pyprep/scroll-bin/height-for-no-width", test_height_for_no_width);

  return g_test_run ();
}
