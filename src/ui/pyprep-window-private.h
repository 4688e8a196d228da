/* pyprep-window-private.h: what the files of the main window share:
 * pyprep-window.c (the shell), pyprep-window-actions.c (its actions) and
 * pyprep-window-progress.c (export, import, reset, restore and undo).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-exercise-view.h"
#include "pyprep-library.h"
#include "pyprep-question-page.h"
#include "pyprep-sidebar.h"
#include "pyprep-study.h"
#include "pyprep-window.h"

G_BEGIN_DECLS

struct _PyprepWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  PyprepSidebar        *sidebar;
  GtkWidget            *content;
  GtkWidget            *back_button;
  AdwWindowTitle       *content_title;
  GtkRevealer          *problems_revealer;
  GtkLabel             *problems_label;
  GtkRevealer          *record_revealer;
  PyprepQuestionPage   *question_page;
  GtkStack             *content_stack;
  GtkWidget            *bookmark_button;
  GtkWidget            *review_button;
  GtkWidget            *confident_button;
  GtkWidget            *status_menu_button;
  PyprepExerciseView   *exercise_view;
  gboolean              record_banner_seen;  /* shown on a phone once */

  PyprepSettings       *settings;
  PyprepLibrary        *library;
  PyprepStudy          *study;

  char                 *undo_snapshot;  /* the record before a reset or restore */
  AdwToast             *import_toast;   /* "Importing…" while an import runs, or NULL */
  guint                 import_toast_id;  /* until that toast shows */

  GPtrArray            *history;        /* question ids, oldest first */
  guint                 history_position;
  gboolean              navigating_history;
  double                zoom;
  GtkCssProvider       *zoom_css;

  GtkWindow            *practice_window;    /* weak */
  GtkWindow            *statistics_window;  /* weak */
};

void _pyprep_window_class_add_actions          (GtkWidgetClass *widget_class);
void _pyprep_window_class_add_progress_actions (GtkWidgetClass *widget_class);
void _pyprep_window_add_capture_shortcuts     (PyprepWindow   *self);
void _pyprep_window_import_file               (PyprepWindow   *self,
                                               GFile          *file);
void _pyprep_window_go_in_history              (PyprepWindow   *self,
                                                int             delta);
void _pyprep_window_follow_zoom                (PyprepWindow   *self);
void _pyprep_window_update_problems            (PyprepWindow   *self);
void _pyprep_window_follow_record              (PyprepWindow   *self);
void _pyprep_window_show_record_banner         (PyprepWindow   *self);
void _pyprep_window_try_exercise               (PyprepWindow   *self);
void _pyprep_window_show_error                 (PyprepWindow   *self,
                                                const char     *heading,
                                                const char     *body,
                                                const GError   *error);

G_END_DECLS
