/* pyprep-run-consent.c: where bubblewrap cannot be used, code would run
 * with the user's own rights (pyprep-sandbox.c keeps its limits, its
 * network cut where the kernel allows, and its processes to the run).
 * Before such a run, Run explains the risk and runs only once the user
 * agrees. "Don't ask again" covers the built-in bank only, which its
 * authors checked: code from the user's own decks, which may come from
 * anyone, asks every time.
 *
 * The answer to "don't ask again" is a boolean property of the app's
 * settings object, bound with pyprep_run_consent_bind(); this layer does
 * not know the app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pyprep-run-consent"

#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-alert.h"
#include "pyprep-run-consent.h"
#include "pyprep-runner.h"

static GObject *remember_object;
static char *remember_property;

/**
 * pyprep_run_consent_bind:
 * @settings: (nullable): an object with a boolean property
 * @property: its name: whether the bank's code may run unsandboxed
 *   without asking
 */
void
pyprep_run_consent_bind (GObject    *settings,
                         const char *property)
{
  g_clear_object (&remember_object);
  g_clear_pointer (&remember_property, g_free);
  if (settings != NULL)
    {
      remember_object = g_object_ref (settings);
      remember_property = g_strdup (property);
    }
}

static gboolean
remembered (void)
{
  gboolean value = FALSE;

  if (remember_object != NULL)
    g_object_get (remember_object, remember_property, &value, NULL);
  return value;
}

typedef struct
{
  GtkWidget            *parent;
  gboolean              builtin;
  PyprepRunConsentFunc  func;
  gpointer              user_data;
  GDestroyNotify        destroy;
  GtkWidget            *remember_check;
  gboolean              answered;
} Request;

static void
request_free (Request *request)
{
  if (request->destroy != NULL)
    request->destroy (request->user_data);
  g_object_unref (request->parent);
  g_free (request);
}

/* Calls the function once, whatever else the dialog emits. */
static void
answer (Request  *request,
        gboolean  granted)
{
  if (request->answered)
    return;
  request->answered = TRUE;
  request->func (granted, request->user_data);
}

static void
response_cb (GtkWidget  *alert,
             const char *response,
             Request    *request)
{
  gboolean granted = g_str_equal (response, "run");

  if (granted && request->remember_check != NULL && remember_object != NULL
      && gtk_check_button_get_active (GTK_CHECK_BUTTON (request->remember_check)))
    g_object_set (remember_object, remember_property, TRUE, NULL);
  answer (request, granted);
}

static void
response_closure_notify (gpointer  data,
                         GClosure *closure)
{
  request_free (data);
}

static void
ask (Request *request)
{
  PyprepRunner *runner = pyprep_runner_get_default ();
  const char *note = pyprep_runner_get_sandbox_note (runner);
  g_autofree char *body = NULL;
  GtkWidget *alert;

  /* TRANSLATORS: %s says why bubblewrap cannot be used */
  body = g_strdup_printf (_("Bubblewrap cannot be used here (%s), so this code would run with your own "
                            "rights: it could read, change and delete your files. Its time, memory and "
                            "processes are still limited, and it has no network where your system "
                            "allows.\n\n%s"),
                          note != NULL ? note : _("it is not installed"),
                          request->builtin
                          ? _("Run it only if you trust it, or install bubblewrap.")
                          : _("This code comes from one of your own decks. Run it only if you trust "
                              "where the deck came from."));
  alert = pyprep_alert_new (_("Run Without a Sandbox?"), body);
  pyprep_alert_add_response (alert, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  pyprep_alert_add_response (alert, "run", _("_Run Anyway"), ADW_RESPONSE_DESTRUCTIVE);
  pyprep_alert_set_default_response (alert, "cancel");
  pyprep_alert_set_close_response (alert, "cancel");
  if (request->builtin)
    {
      request->remember_check =
        gtk_check_button_new_with_mnemonic (_("_Don’t ask again for the built-in questions"));
      pyprep_alert_set_extra_child (alert, request->remember_check);
    }
  /* The request lives as long as the dialog's handler. */
  g_signal_connect_data (alert, "response", G_CALLBACK (response_cb), request, response_closure_notify, 0);
  pyprep_alert_present (alert, request->parent);
}

static void
decide (Request *request)
{
  PyprepRunner *runner = pyprep_runner_get_default ();

  if (pyprep_runner_get_protection (runner) != PYPREP_RUN_PROTECTION_LIMITS
      || (request->builtin && remembered ()))
    {
      answer (request, TRUE);
      request_free (request);
    }
  else
    ask (request);
}

static void
probed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  /* No python3 at all: the run itself says so. */
  pyprep_runner_probe_finish (PYPREP_RUNNER (object), result, NULL);
  decide (user_data);
}

/**
 * pyprep_run_consent_request:
 * @parent: the widget whose Run was pressed
 * @builtin: whether the code comes from the built-in bank
 * @func: called once with whether the code may run
 *
 * Calls @func at once with %TRUE when the code runs in a sandbox (or the
 * user chose not to be asked again for the bank); otherwise asks first.
 */
void
pyprep_run_consent_request (GtkWidget            *parent,
                            gboolean              builtin,
                            PyprepRunConsentFunc  func,
                            gpointer              user_data,
                            GDestroyNotify        destroy)
{
  PyprepRunner *runner = pyprep_runner_get_default ();
  Request *request;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (func != NULL);

  request = g_new0 (Request, 1);
  request->parent = g_object_ref (parent);
  request->builtin = builtin;
  request->func = func;
  request->user_data = user_data;
  request->destroy = destroy;

  if (pyprep_runner_is_probed (runner))
    decide (request);
  else
    pyprep_runner_probe_async (runner, NULL, probed_cb, request);
}
