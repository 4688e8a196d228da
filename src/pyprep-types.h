/* pyprep-types.h: forward declarations shared across the layers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PyprepApplication  PyprepApplication;
typedef struct _PyprepCodeBlock    PyprepCodeBlock;
typedef struct _PyprepLibrary      PyprepLibrary;
typedef struct _PyprepMarkdownView PyprepMarkdownView;
typedef struct _PyprepQuestion     PyprepQuestion;
typedef struct _PyprepQuestionPage PyprepQuestionPage;
typedef struct _PyprepRunResult    PyprepRunResult;
typedef struct _PyprepSnippet      PyprepSnippet;
typedef struct _PyprepExercise     PyprepExercise;
typedef struct _PyprepTopic        PyprepTopic;
typedef struct _PyprepWindow       PyprepWindow;

G_END_DECLS
