/* pyprep-test-result-row.c: how a test's result reads in the exercise
 * view: its name in words, a line of summary, and on failure the
 * assertion, the two values compared, the trimmed traceback and what the
 * code printed; and the count line of a whole report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-exercise-view"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pyprep-test-result-row.h"

/* "test_get_refreshes_recency" reads "get refreshes recency". */
static char *
test_title (const char *name)
{
  const char *start = g_str_has_prefix (name, "test_") ? name + 5 : name;
  char *title = g_strdup (*start != '\0' ? start : name);

  g_strdelimit (title, "_", ' ');
  return title;
}

static char *
result_summary (const PyprepTestResult *result)
{
  g_autofree char *first_line = NULL;
  const char *what;

  if (result->message != NULL)
    first_line = g_strndup (result->message, strcspn (result->message, "\n"));

  switch (result->status)
    {
    case PYPREP_TEST_PASSED:
      what = _("Passed");
      break;
    case PYPREP_TEST_FAILED:
      what = _("Failed");
      break;
    case PYPREP_TEST_TIMED_OUT:
      return g_strdup_printf (_("Stopped after %d s"), PYPREP_TEST_TIME_LIMIT_SEC);
    case PYPREP_TEST_ERROR:
    default:
      what = _("Error");
      break;
    }

  if (first_line == NULL || result->status == PYPREP_TEST_PASSED)
    return g_strdup (what);
  /* TRANSLATORS: "Failed: assert add(1, 2) == 3" */
  return g_strdup_printf (_("%s: %s"), what, first_line);
}

static char *
result_details (const PyprepTestResult *result)
{
  GString *text = g_string_new (NULL);

  if (result->message != NULL)
    g_string_append_printf (text, "%s\n", result->message);
  if (result->left != NULL)
    {
      /* TRANSLATORS: the two sides of a failed comparison, aligned */
      g_string_append_printf (text, _("left:  %s\nright: %s\n"), result->left, result->right);
    }
  if (result->traceback != NULL)
    g_string_append_printf (text, "\n%s\n", result->traceback);
  if (result->output != NULL)
    g_string_append_printf (text, "\n%s\n%s", _("Printed:"), result->output);

  return g_strchomp (g_string_free (text, FALSE));
}

/* Returns: (transfer floating): a row of the results list: a passed
 * test a line, a failed one expandable to its details */
GtkWidget *
pyprep_test_result_row_new (const PyprepTestResult *result)
{
  g_autofree char *title = test_title (result->name);
  g_autofree char *summary = result_summary (result);
  g_autofree char *subtitle = result->hidden
                              /* TRANSLATORS: a hidden test's result, "Hidden test · Passed" */
                              ? g_strdup_printf (_("Hidden test · %s"), summary)
                              : g_strdup (summary);
  gboolean passed = result->status == PYPREP_TEST_PASSED;
  GtkWidget *icon = gtk_image_new_from_icon_name (passed ? "emblem-ok-symbolic" : "dialog-error-symbolic");
  GtkWidget *row;

  gtk_widget_add_css_class (icon, passed ? "success" : "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  passed ? _("Passed") : _("Not passed"), -1);

  if (passed && result->output == NULL)
    {
      row = adw_action_row_new ();
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else
    {
      g_autofree char *details = result_details (result);
      GtkWidget *label = gtk_label_new (details);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "monospace");
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);

      row = adw_expander_row_new ();
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), label);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

/* Returns: (transfer full): "All 7 tests passed", "3 of 5 passed", or
 * "5 of 7 passed; 2 hidden tests failed" */
char *
pyprep_test_report_describe (const PyprepTestReport *report)
{
  guint hidden_failed = 0;

  g_return_val_if_fail (report != NULL, NULL);

  for (guint i = 0; i < report->results->len; i++)
    {
      const PyprepTestResult *result = report->results->pdata[i];

      if (result->hidden && result->status != PYPREP_TEST_PASSED)
        hidden_failed++;
    }

  if (report->passed == report->total)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The test passed", "All %u tests passed",
                                         report->total), report->total);
  if (hidden_failed > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u passed; %u hidden test failed",
                                         "%u of %u passed; %u hidden tests failed", hidden_failed),
                            report->passed, report->total, hidden_failed);
  return g_strdup_printf (_("%u of %u passed"), report->passed, report->total);
}
