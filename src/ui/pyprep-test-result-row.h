/* pyprep-test-result-row.h: a test's result, as the exercise view lists it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pyprep-test-run.h"

G_BEGIN_DECLS

GtkWidget *pyprep_test_result_row_new  (const PyprepTestResult *result);
char      *pyprep_test_report_describe (const PyprepTestReport *report);

G_END_DECLS
