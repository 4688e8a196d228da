/* test-code-block-run.c: running, stopping, editing and resetting a code
 * block, as the user sees it in the block and its run panel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "pyprep-alert.h"
#include "pyprep-code-block.h"
#include "pyprep-run-consent.h"
#include "pyprep-python-editor.h"
#include "pyprep-run-panel.h"
#include "pyprep-runner.h"
#include "test-util.h"

static GtkWidget *
find_panel (GtkWidget *block)
{
  for (GtkWidget *w = gtk_widget_get_first_child (block); w; w = gtk_widget_get_next_sibling (w))
    if (PYPREP_IS_RUN_PANEL (w))
      return w;
  return NULL;
}

static GtkWidget *
find_view (GtkWidget *block)
{
  for (GtkWidget *w = gtk_widget_get_first_child (block); w; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      return gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (w));
  return NULL;
}

/* The visible label texts under widget, in order, one per line. */
static void
collect_texts (GtkWidget *widget,
               GString   *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *w = gtk_widget_get_first_child (widget); w; w = gtk_widget_get_next_sibling (w))
    collect_texts (w, out);
}

static char *
panel_text (GtkWidget *block)
{
  GtkWidget *panel = find_panel (block);
  GString *out = g_string_new (NULL);

  if (panel != NULL)
    collect_texts (panel, out);
  return g_string_free (out, FALSE);
}

/* Waits until the panel's first line (its status) starts with prefix. */
static char *
wait_for_status (GtkWidget  *block,
                 const char *prefix)
{
  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *text = panel_text (block);

      if (g_str_has_prefix (text, prefix))
        return g_steal_pointer (&text);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  g_error ("the run panel never said “%s”: %s", prefix, panel_text (block));
  return NULL;
}

static void
probed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  pyprep_runner_probe_finish (PYPREP_RUNNER (object), result, NULL);
  *(gboolean *)user_data = TRUE;
}

/* Whether python3 is there; the default runner has probed it and
 * bubblewrap, so Run starts at once where it needs no consent. */
static gboolean
have_python (void)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  gboolean probed = FALSE;

  if (python == NULL)
    {
      g_test_skip ("no python3 on PATH");
      return FALSE;
    }
  pyprep_runner_probe_async (pyprep_runner_get_default (), NULL, probed_cb, &probed);
  while (!probed)
    g_main_context_iteration (NULL, TRUE);
  return TRUE;
}

static GtkWidget *
show_block (GtkWidget *block,
            GtkWidget **window)
{
  *window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (*window), block);
  gtk_window_present (GTK_WINDOW (*window));
  while (!gtk_widget_get_mapped (block))
    g_main_context_iteration (NULL, TRUE);
  return block;
}

/* Building a block starts nothing; Run shows the output and compares it. */
static void
test_run (void)
{
  GtkWidget *block = g_object_ref_sink (pyprep_code_block_new ("python", "print('hi', 6 * 7)\n"));
  GtkWidget *window;
  g_autofree char *text = NULL;

  if (!have_python ())
    {
      g_object_unref (block);
      return;
    }

  pyprep_code_block_set_output (PYPREP_CODE_BLOCK (block), "hi 42\n", FALSE);
  show_block (block, &window);
  g_assert_null (find_panel (block));

  g_assert_true (gtk_widget_activate_action (block, "code-block.run", NULL));
  g_assert_nonnull (find_panel (block));
  text = wait_for_status (block, "Finished · exit status 0");
  g_assert_nonnull (strstr (text, "\nhi 42\n"));
  g_assert_nonnull (strstr (text, "Matches the stated output"));
  g_assert_nonnull (strstr (text, "Python 3."));
  g_assert_nonnull (strstr (text, pyprep_run_protection_describe (pyprep_runner_get_protection (pyprep_runner_get_default ()))));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (block);
}

/* Edit, break the code, run: the traceback and a diff appear. Reset
 * brings the shipped code back. */
static void
test_edit_and_reset (void)
{
  GtkWidget *block = g_object_ref_sink (pyprep_code_block_new ("python", "print(1)\n"));
  GtkWidget *window;
  GtkWidget *view;
  GtkTextBuffer *buffer;
  GtkTextIter start;
  g_autofree char *text = NULL;
  g_autofree char *code = NULL;

  if (!have_python ())
    {
      g_object_unref (block);
      return;
    }

  pyprep_code_block_set_output (PYPREP_CODE_BLOCK (block), "1\n", FALSE);
  show_block (block, &window);
  view = find_view (block);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));

  /* The Edit toggle is the only toggle button in the header. */
  for (GtkWidget *w = gtk_widget_get_first_child (gtk_widget_get_first_child (block)); w;
       w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_TOGGLE_BUTTON (w))
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (w), TRUE);
  g_assert_true (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
  g_assert_true (gtk_source_view_get_auto_indent (GTK_SOURCE_VIEW (view)));
  g_assert_true (gtk_source_buffer_get_highlight_matching_brackets (GTK_SOURCE_BUFFER (buffer)));

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_insert (buffer, &start, "print(2)\n1 / 0\n", -1);

  g_assert_true (gtk_widget_activate_action (block, "code-block.run", NULL));
  text = wait_for_status (block, "Failed · exit status 1");
  g_assert_nonnull (strstr (text, "Traceback (most recent call last):"));
  g_assert_nonnull (strstr (text, "ZeroDivisionError: division by zero"));
  g_assert_nonnull (strstr (text, "Differs from the stated output"));
  g_assert_nonnull (strstr (text, "\n- 1\n"));
  g_assert_nonnull (strstr (text, "\n+ 2\n"));

  g_assert_true (gtk_widget_activate_action (block, "code-block.reset", NULL));
  code = pyprep_code_block_dup_code (PYPREP_CODE_BLOCK (block));
  g_assert_cmpstr (code, ==, "print(1)");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (block);
}

/* Stop ends a run that would otherwise go on until the time limit. */
static void
test_stop (void)
{
  GtkWidget *block = g_object_ref_sink (pyprep_code_block_new ("python",
                                                               "import time\nprint('waiting', flush=True)\ntime.sleep(60)\n"));
  GtkWidget *window;
  g_autofree char *text = NULL;

  if (!have_python ())
    {
      g_object_unref (block);
      return;
    }

  pyprep_runner_set_timeout (pyprep_runner_get_default (), 60000);
  show_block (block, &window);
  g_assert_true (gtk_widget_activate_action (block, "code-block.run", NULL));
  g_free (wait_for_status (block, "Running"));
  g_assert_true (gtk_widget_activate_action (block, "code-block.stop", NULL));
  text = wait_for_status (block, "Stopped");
  pyprep_runner_set_timeout (pyprep_runner_get_default (), 5000);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (block);
}

/* Only Python blocks run. */
static void
test_not_python (void)
{
  GtkWidget *block = g_object_ref_sink (pyprep_code_block_new ("bash", "echo hi\n"));
  GtkWidget *window;

  show_block (block, &window);
  gtk_widget_activate_action (block, "code-block.run", NULL);
  g_assert_null (find_panel (block));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (block);
}

static GtkWidget *
find_run_button (GtkWidget *block)
{
  GtkWidget *header = gtk_widget_get_first_child (block);

  for (GtkWidget *w = gtk_widget_get_first_child (header); w; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), "code-block.run") == 0)
      return w;
  return NULL;
}

/* Shows @block (consumed) and checks that Run stays in place, turned
 * off, with a tooltip starting with @why, and that it runs nothing. */
static void
assert_run_refused (GtkWidget  *block,
                    const char *why)
{
  GtkWidget *window;
  GtkWidget *run;

  show_block (block, &window);
  run = find_run_button (block);
  g_assert_nonnull (run);

  /* Until python3 has been looked for. */
  for (guint i = 0; i < 2000 && gtk_widget_get_sensitive (run); i++)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (gtk_widget_get_visible (run));
  g_assert_false (gtk_widget_get_sensitive (run));
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (run), why));
  gtk_widget_activate_action (block, "code-block.run", NULL);
  g_assert_null (find_panel (block));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (block);
}

/* Without python3, Run stays in place, insensitive, and says why. */
static void
test_no_python (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("PATH", "/nonexistent", TRUE);
      assert_run_refused (g_object_ref_sink (pyprep_code_block_new ("python", "print(1)\n")),
                          "No python3 was found. Install Python 3 to run snippets.");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* A snippet for a newer Python than python3 names the versions in its
 * header, and Run says what it needs instead of failing. */
static void
test_needs_newer_python (void)
{
  GtkWidget *block = g_object_ref_sink (pyprep_code_block_new ("python", "print(1)\n"));

  if (!have_python ())
    {
      g_object_unref (block);
      return;
    }

  pyprep_code_block_set_python_range (PYPREP_CODE_BLOCK (block), 399, 0);
  assert_run_refused (block, "Needs Python 3.99 and later; this system has Python 3.");
}

/* A new line is indented as Python wants: deeper after a colon (not one
 * in a string or a comment), back after return and the like. */
static void
test_python_indent (void)
{
  const struct { const char *line; const char *indent; } cases[] = {
    { "def f(x):", "    " },
    { "    if x:  # a comment", "        " },
    { "    return x", "" },
    { "        raise ValueError('no')", "    " },
    { "    x = {'a': 1}", "    " },
    { "    s = 'ends with:'", "    " },
    { "    y = 1  # note:", "    " },
    { "\tfor i in x:", "        " },
    { "    passed = True", "    " },
    { "", "" },
    { "        ", "        " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *line = g_strcompress (cases[i].line);
      g_autofree char *indent = pyprep_python_indent_after (line, 4);

      g_assert_cmpstr (indent, ==, cases[i].indent);
    }
}

static void
toggle_edit (GtkWidget *block)
{
  /* The Edit toggle is the only toggle button in the header. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_widget (block, GTK_TYPE_TOGGLE_BUTTON)), TRUE);
}

static char *
line_text (GtkTextBuffer *buffer,
           int            line)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* In edit mode, a new line after a colon is indented by four spaces,
 * Tab and Shift+Tab indent and dedent the lines by four spaces, and
 * brackets are matched. */
static void
test_edit_python_aware (void)
{
  GtkWidget *block = g_object_ref_sink (pyprep_code_block_new ("python", "def f(x):\nreturn x\n"));
  GtkWidget *window;
  GtkSourceView *view;
  GtkTextBuffer *buffer;
  GtkTextIter iter, end;
  g_autofree char *indented = NULL;
  g_autofree char *tabbed = NULL;
  g_autofree char *dedented = NULL;

  show_block (block, &window);
  view = GTK_SOURCE_VIEW (find_view (block));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  toggle_edit (block);

  /* What the view does on Enter: a new line, then the indenter. */
  g_assert_true (gtk_source_view_get_auto_indent (view));
  g_assert_true (gtk_source_indenter_is_trigger (gtk_source_view_get_indenter (view), view, &iter, 0, GDK_KEY_Return));
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 0);
  gtk_text_iter_forward_to_line_end (&iter);
  gtk_text_buffer_insert (buffer, &iter, "\n", -1);
  gtk_source_indenter_indent (gtk_source_view_get_indenter (view), view, &iter);
  indented = line_text (buffer, 1);
  g_assert_cmpstr (indented, ==, "    ");

  /* Tab and Shift+Tab, on the selected "return x". */
  g_assert_true (gtk_source_view_get_indent_on_tab (view));
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 2);
  end = iter;
  gtk_text_iter_forward_to_line_end (&end);
  gtk_source_view_indent_lines (view, &iter, &end);
  tabbed = line_text (buffer, 2);
  g_assert_cmpstr (tabbed, ==, "    return x");
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 2);
  end = iter;
  gtk_text_iter_forward_to_line_end (&end);
  gtk_source_view_unindent_lines (view, &iter, &end);
  dedented = line_text (buffer, 2);
  g_assert_cmpstr (dedented, ==, "return x");

  g_assert_true (gtk_source_buffer_get_highlight_matching_brackets (GTK_SOURCE_BUFFER (buffer)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (block);
}

/* Editing, the cursor back in a short indented line after the end of a
 * long one shows the line from its start, not cut at the left edge. */
static void
test_edit_line_start (void)
{
  GtkWidget *block = g_object_ref_sink (pyprep_code_block_new ("python",
                                                               "class C:\n    def f(self):\n"
                                                               "        return 'a rather long string that will not fit in a narrow window'\n"));
  GtkWidget *window;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkAdjustment *hadjustment;
  GtkTextIter iter;

  show_block (block, &window);
  gtk_window_set_default_size (GTK_WINDOW (window), 240, -1);
  view = GTK_TEXT_VIEW (find_view (block));
  buffer = gtk_text_view_get_buffer (view);
  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  toggle_edit (block);
  wait_frames ();

  gtk_text_buffer_get_iter_at_line (buffer, &iter, 2);
  gtk_text_iter_forward_to_line_end (&iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_mark_onscreen (view, gtk_text_buffer_get_insert (buffer));
  wait_frames ();
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), >, 0);

  gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, 1, 8);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_mark_onscreen (view, gtk_text_buffer_get_insert (buffer));
  wait_frames ();
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (block);
}

/* Long lines scroll sideways with a scrollbar in sight, or wrap, as the
 * bound setting says, and follow it when it changes. */
static void
test_wrap_choice (void)
{
  GtkWidget *wrap = g_object_ref_sink (gtk_check_button_new ());
  GtkWidget *block;
  GtkWidget *window;
  GtkTextView *view;
  GtkScrolledWindow *scroller;
  GtkWidget *scrollbar;
  GtkAdjustment *hadjustment;

  pyprep_code_wrap_bind (G_OBJECT (wrap), "active");
  block = g_object_ref_sink (pyprep_code_block_new ("python",
                                                    "x = 1  # a comment much longer than the block is wide, "
                                                    "which goes on and on\nprint(x)\n"));
  show_block (block, &window);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, -1);
  wait_frames ();
  view = GTK_TEXT_VIEW (find_view (block));
  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_parent (GTK_WIDGET (view)));
  scrollbar = gtk_scrolled_window_get_hscrollbar (scroller);
  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));

  /* Scrolling: a scrollbar under the code, and under the last line, not
   * over it. */
  g_assert_cmpint (gtk_text_view_get_wrap_mode (view), ==, GTK_WRAP_NONE);
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >, gtk_adjustment_get_page_size (hadjustment));
  g_assert_true (gtk_widget_get_mapped (scrollbar));
  g_assert_false (gtk_scrolled_window_get_overlay_scrolling (scroller));
  {
    graphene_rect_t bar, text;
    GdkRectangle last;
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (view), &end);
    gtk_text_view_get_iter_location (view, &end, &last);
    g_assert_true (gtk_widget_compute_bounds (scrollbar, GTK_WIDGET (scroller), &bar));
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (view), GTK_WIDGET (scroller), &text));
    g_assert_cmpfloat (text.origin.y + last.y + last.height, <=, bar.origin.y + 0.5);
  }

  /* Wrapping: nothing to scroll, no scrollbar. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (wrap), TRUE);
  wait_frames ();
  g_assert_cmpint (gtk_text_view_get_wrap_mode (view), ==, GTK_WRAP_WORD_CHAR);
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), <=, gtk_adjustment_get_page_size (hadjustment) + 0.5);
  g_assert_false (gtk_widget_get_child_visible (scrollbar) && gtk_widget_get_mapped (scrollbar));

  /* The comment's second row starts two indent levels in, not at the
   * left edge where it would read as a line of its own. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), " ");
    GdkRectangle first, continued;
    GtkTextIter start, iter;
    int space;

    pango_layout_get_pixel_size (layout, &space, NULL);
    gtk_text_buffer_get_start_iter (buffer, &start);
    iter = start;
    gtk_text_iter_forward_to_line_end (&iter);
    g_assert_true (gtk_text_view_backward_display_line_start (view, &iter));
    g_assert_cmpint (gtk_text_iter_get_line (&iter), ==, 0);
    g_assert_cmpint (gtk_text_iter_get_line_offset (&iter), >, 0);
    gtk_text_view_get_iter_location (view, &start, &first);
    gtk_text_view_get_iter_location (view, &iter, &continued);
    g_assert_cmpint (continued.y, >, first.y);
    g_assert_cmpint (continued.x - first.x, ==, 8 * space);
  }

  gtk_check_button_set_active (GTK_CHECK_BUTTON (wrap), FALSE);
  g_assert_cmpint (gtk_text_view_get_wrap_mode (view), ==, GTK_WRAP_NONE);

  pyprep_code_wrap_bind (NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (block);
  g_object_unref (wrap);
}

/* After Run, the page scrolls so that the result is on screen. */
static void
test_result_in_view (void)
{
  GtkWidget *block = pyprep_code_block_new ("python", "for i in range(8):\n    print(i)\n");
  GtkWidget *window, *page, *box, *spacer, *panel;
  GtkAdjustment *vadjustment;
  graphene_rect_t bounds;
  graphene_point_t top;

  if (!have_python ())
    {
      g_object_unref (g_object_ref_sink (block));
      return;
    }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 300);
  page = gtk_scrolled_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  spacer = gtk_label_new ("text above");
  gtk_widget_set_size_request (spacer, -1, 800);
  gtk_box_append (GTK_BOX (box), spacer);
  gtk_box_append (GTK_BOX (box), block);
  spacer = gtk_label_new ("text below");
  gtk_widget_set_size_request (spacer, -1, 800);
  gtk_box_append (GTK_BOX (box), spacer);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (page), box);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames ();

  /* The block's header at the bottom of the page, its code below. */
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page));
  g_assert_true (gtk_widget_compute_point (block, box, &GRAPHENE_POINT_INIT (0, 0), &top));
  gtk_adjustment_set_value (vadjustment, top.y - gtk_widget_get_height (page) + 60);
  wait_frames ();

  g_assert_true (gtk_widget_activate_action (block, "code-block.run", NULL));
  g_free (wait_for_status (block, "Finished · exit status 0"));
  wait_frames ();

  panel = find_panel (block);
  g_assert_true (gtk_widget_compute_bounds (panel, page, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (page));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Without a sandbox, Run asks first: Cancel runs nothing; Run Anyway runs.
 * "Don't ask again" then spares the bank's code the question, never the
 * code of a user's own deck. */
static void
test_consent (void)
{
  PyprepRunner *runner = pyprep_runner_get_default ();
  GtkWidget *block = g_object_ref_sink (pyprep_code_block_new ("python", "print('ran')\n"));
  GtkWidget *remember = g_object_ref_sink (gtk_check_button_new ());
  GtkWidget *window, *alert, *check;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;

  if (!have_python ())
    {
      g_object_unref (block);
      g_object_unref (remember);
      return;
    }
  /* Where bubblewrap would be used, act as if it could not. */
  pyprep_runner_set_use_sandbox (runner, FALSE);
  pyprep_run_consent_bind (G_OBJECT (remember), "active");
  /* An application window, where dialogs are shown on every libadwaita. */
  window = adw_application_window_new (NULL);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), block);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (block))
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (gtk_widget_activate_action (block, "code-block.run", NULL));
  alert = pyprep_alert_get_shown (block);
  g_assert_nonnull (alert);
  pyprep_alert_respond (alert, "cancel");
  wait_frames ();
  g_assert_null (find_panel (block));
  g_assert_null (pyprep_alert_get_shown (block));

  /* Run Anyway, with "don't ask again" ticked: it runs. */
  g_assert_true (gtk_widget_activate_action (block, "code-block.run", NULL));
  alert = pyprep_alert_get_shown (block);
  g_assert_nonnull (alert);
  check = find_widget (alert, GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (check);
  wait_frames ();
  g_free (save_png (GTK_IS_WINDOW (alert) ? alert : window, "run-consent"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  pyprep_alert_respond (alert, "run");
  text = wait_for_status (block, "Finished · exit status 0");
  g_assert_nonnull (strstr (text, "ran"));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (remember)));
  wait_frames ();

  /* The bank's code no longer asks. */
  g_assert_true (gtk_widget_activate_action (block, "code-block.run", NULL));
  g_assert_null (pyprep_alert_get_shown (block));
  again = wait_for_status (block, "Finished · exit status 0");

  /* A user's deck's code still asks, without the box to tick. */
  pyprep_code_block_set_user_code (PYPREP_CODE_BLOCK (block), TRUE);
  g_assert_true (gtk_widget_activate_action (block, "code-block.run", NULL));
  alert = pyprep_alert_get_shown (block);
  g_assert_nonnull (alert);
  g_assert_null (find_widget (alert, GTK_TYPE_CHECK_BUTTON));
  pyprep_alert_respond (alert, "cancel");

  pyprep_run_consent_bind (NULL, NULL);
  pyprep_runner_set_use_sandbox (runner, TRUE);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (remember);
  g_assert_finalize_object (block);
}

/* A snippet stopped by a limit says which, in the panel's first line. */
static void
test_limit_in_panel (void)
{
  GtkWidget *block = g_object_ref_sink (pyprep_code_block_new ("python", "x = bytearray(3 * 1024 ** 3)\n"));
  GtkWidget *window;
  g_autofree char *text = NULL;

  if (!have_python ())
    {
      g_object_unref (block);
      return;
    }
  show_block (block, &window);
  g_assert_true (gtk_widget_activate_action (block, "code-block.run", NULL));
  text = wait_for_status (block, "Stopped: used more than 1.0\302\240GiB of memory");
  g_assert_nonnull (strstr (text, "MemoryError"));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (block);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/pyprep/code-block-run/run", test_run);
  g_test_add_func ("/pyprep/code-block-run/consent", test_consent);
  g_test_add_func ("/pyprep/code-block-run/limit-in-panel", test_limit_in_panel);
  g_test_add_func ("/pyprep/python-editor/indent", test_python_indent);
  g_test_add_func ("/pyprep/code-block-run/edit-and-reset", test_edit_and_reset);
  g_test_add_func ("/pyprep/code-block-run/edit-python-aware", test_edit_python_aware);
  g_test_add_func ("/pyprep/code-block-run/edit-line-start", test_edit_line_start);
  g_test_add_func ("/pyprep/code-block-run/wrap-choice", test_wrap_choice);
  g_test_add_func ("/pyprep/code-block-run/result-in-view", test_result_in_view);
  g_test_add_func ("/pyprep/code-block-run/stop", test_stop);
  g_test_add_func ("/pyprep/code-block-run/not-python", test_not_python);
  g_test_add_func ("/pyprep/code-block-run/no-python", test_no_python);
  g_test_add_func ("/pyprep/code-block-run/needs-newer-python", test_needs_newer_python);

  return g_test_run ();
}
