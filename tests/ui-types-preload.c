/* ui-types-preload.c: preloaded into gtk4-builder-tool so that it knows
 * the types our .ui files use, and can validate them.
 *
 * It registers the libadwaita and GtkSourceView types, and light stand-ins
 * for PyPrep's own widgets that appear as children in other templates,
 * with the signals those templates connect to. The template being
 * validated (PYPREP_VALIDATE_TEMPLATE) gets no stand-in: the tool then
 * derives it from the parent type named in the file, as it should.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <gtksourceview/gtksource.h>

void pyprep_ui_types_register (void) __attribute__((constructor));

/* What a stand-in offers the templates that hold it: signals (each
 * taking a string, or returning a boolean for "activate-link"), and
 * boolean and widget properties. */
typedef struct
{
  const char *signals[3];
  const char *booleans[2];
  const char *widgets[2];
} StandIn;

static void
stand_in_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
}

static void
stand_in_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  g_value_reset (value);
}

static void
stand_in_class_init (gpointer klass,
                     gpointer class_data)
{
  const StandIn *stand_in = class_data;
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  guint prop_id = 1;

  object_class->set_property = stand_in_set_property;
  object_class->get_property = stand_in_get_property;

  for (guint i = 0; i < G_N_ELEMENTS (stand_in->signals) && stand_in->signals[i]; i++)
    {
      const char *signal = stand_in->signals[i];

      if (g_str_equal (signal, "activate-link"))
        g_signal_new (signal, G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                      NULL, NULL, NULL, G_TYPE_BOOLEAN, 1, G_TYPE_STRING);
      else
        g_signal_new (signal, G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                      NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
    }
  for (guint i = 0; i < G_N_ELEMENTS (stand_in->booleans) && stand_in->booleans[i]; i++)
    g_object_class_install_property (object_class, prop_id++,
                                     g_param_spec_boolean (stand_in->booleans[i], NULL, NULL, FALSE,
                                                           G_PARAM_READWRITE));
  for (guint i = 0; i < G_N_ELEMENTS (stand_in->widgets) && stand_in->widgets[i]; i++)
    g_object_class_install_property (object_class, prop_id++,
                                     g_param_spec_object (stand_in->widgets[i], NULL, NULL, GTK_TYPE_WIDGET,
                                                          G_PARAM_READWRITE));
}

static void
register_stand_in (const char    *name,
                   const StandIn *stand_in)
{
  static const StandIn nothing = { { NULL } };
  const char *skip = g_getenv ("PYPREP_VALIDATE_TEMPLATE");
  GTypeQuery query;
  GTypeInfo info = { 0 };

  if (g_strcmp0 (skip, name) == 0)
    return;

  g_type_query (GTK_TYPE_WIDGET, &query);
  info.class_size = query.class_size;
  info.instance_size = query.instance_size;
  info.class_init = stand_in_class_init;
  info.class_data = stand_in ? stand_in : &nothing;
  g_type_register_static (GTK_TYPE_WIDGET, name, &info, 0);
}

/* A stand-in for a group of ours that an AdwPreferencesPage holds: it
 * takes only AdwPreferencesGroups. */
static void
register_stand_in_group (const char *name)
{
  GTypeQuery query;
  GTypeInfo info = { 0 };

  if (g_strcmp0 (g_getenv ("PYPREP_VALIDATE_TEMPLATE"), name) == 0)
    return;

  g_type_query (ADW_TYPE_PREFERENCES_GROUP, &query);
  info.class_size = query.class_size;
  info.instance_size = query.instance_size;
  g_type_register_static (ADW_TYPE_PREFERENCES_GROUP, name, &info, 0);
}

/* PyprepCard's stand-in takes the properties the pages set on it; it
 * ignores their values. */
static void
card_set_property (GObject      *object,
                   guint         prop_id,
                   const GValue *value,
                   GParamSpec   *pspec)
{
}

static void
card_stand_in_class_init (gpointer klass,
                          gpointer class_data)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const strings[] = { "caption", "notice", "scratch-title", "scratch-description",
                                          "reveal-tooltip", "grade-prompt" };
  static const char * const booleans[] = { "revealed", "show-intervals", "focus-scratch" };
  static const char * const widgets[] = { "answer-footer" };
  guint id = 1;

  object_class->set_property = card_set_property;
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_object_class_install_property (object_class, id++,
                                     g_param_spec_string (strings[i], NULL, NULL, NULL, G_PARAM_WRITABLE));
  for (guint i = 0; i < G_N_ELEMENTS (booleans); i++)
    g_object_class_install_property (object_class, id++,
                                     g_param_spec_boolean (booleans[i], NULL, NULL, FALSE, G_PARAM_WRITABLE));
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    g_object_class_install_property (object_class, id++,
                                     g_param_spec_object (widgets[i], NULL, NULL, GTK_TYPE_WIDGET, G_PARAM_WRITABLE));
}

static void
register_card_stand_in (void)
{
  GTypeQuery query;
  GTypeInfo info = { 0 };

  if (g_strcmp0 (g_getenv ("PYPREP_VALIDATE_TEMPLATE"), "PyprepCard") == 0)
    return;

  g_type_query (GTK_TYPE_WIDGET, &query);
  info.class_size = query.class_size;
  info.instance_size = query.instance_size;
  info.class_init = card_stand_in_class_init;
  g_type_register_static (GTK_TYPE_WIDGET, "PyprepCard", &info, 0);
}

void
pyprep_ui_types_register (void)
{
  static const StandIn markdown_view = { { "activate-link" } };
  static const StandIn question_page = { { "open-question" } };
  static const StandIn sidebar = { { "question-selected", "question-activated" }, { "folded" }, { "reading-pane" } };
  static const StandIn search_pane = { { "results-changed", "result-changed", "activate-first" }, { "search-mode" } };
  static const StandIn fitting_title = { { NULL }, { "wrapped" } };
  static const StandIn topics_page = { { "topic-activated", "smart-list-activated", "continue-activated" } };
  static const StandIn chart = { { "stand-in" } };

  g_type_ensure (ADW_TYPE_APPLICATION_WINDOW);
  g_type_ensure (ADW_TYPE_LEAFLET);
  g_type_ensure (ADW_TYPE_LEAFLET_PAGE);
  g_type_ensure (ADW_TYPE_TOAST_OVERLAY);
  g_type_ensure (ADW_TYPE_HEADER_BAR);
  g_type_ensure (ADW_TYPE_WINDOW_TITLE);
  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  g_type_ensure (ADW_TYPE_CLAMP);
  g_type_ensure (ADW_TYPE_PREFERENCES_WINDOW);
  g_type_ensure (ADW_TYPE_PREFERENCES_PAGE);
  g_type_ensure (ADW_TYPE_PREFERENCES_GROUP);
  g_type_ensure (ADW_TYPE_COMBO_ROW);
  g_type_ensure (ADW_TYPE_ACTION_ROW);
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (ADW_TYPE_WINDOW);
  g_type_ensure (ADW_TYPE_EXPANDER_ROW);

  register_stand_in ("PyprepMarkdownView", &markdown_view);
  register_stand_in ("PyprepQuestionPage", &question_page);
  register_stand_in ("PyprepSidebar", &sidebar);
  register_stand_in ("PyprepSearchPane", &search_pane);
  register_stand_in ("PyprepFittingTitle", &fitting_title);
  register_stand_in ("PyprepTopicsPage", &topics_page);
  register_stand_in ("PyprepScrollBin", NULL);
  register_card_stand_in ();
  register_stand_in ("PyprepPracticePage", NULL);
  register_stand_in ("PyprepNoteEditor", NULL);
  register_stand_in ("PyprepMockInterview", NULL);
  register_stand_in ("PyprepInterviewRow", NULL);
  g_type_ensure (ADW_TYPE_BIN);
  register_stand_in ("PyprepHeatmap", &chart);
  register_stand_in ("PyprepBarChart", &chart);
  register_stand_in ("PyprepLineChart", &chart);
  register_stand_in ("PyprepMasteryBar", NULL);
  register_stand_in_group ("PyprepMasteryGroup");
  register_stand_in_group ("PyprepRetentionGroup");
  register_stand_in_group ("PyprepWorkloadGroup");
}
