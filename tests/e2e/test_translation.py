#!/usr/bin/python3
"""With LANGUAGE=de the window speaks German: reads the headings, the
sidebar and the main menu of the real binary through AT-SPI. TAP output.

PYPREP_LOCALEDIR points the app at the build tree's compiled catalogues.
The app runs under a real German locale, as a German user's session would:
gettext ignores LANGUAGE under the "C" locale, and newer glibc (Debian 13)
treats C.UTF-8 as "C" too. The locale is compiled with localedef from the
definitions in Debian's "locales" package into a temporary LOCPATH, so
nothing on the system changes.
"""
import os
import subprocess
import sys
import tempfile
import time

from atspi_util import (KEY_ESCAPE, KEY_F10, app_env, check, find, find_all, launch, main, press,
                        role, spoken_name, stop_and_record, wait_for)


def names(node, wanted_role=None):
    found = find_all(node, lambda n: n.name and (wanted_role is None or role(n) == wanted_role), [])
    return [n.name for n in found]


def german_locale():
    """A folder for LOCPATH holding de_DE.UTF-8."""
    folder = tempfile.mkdtemp(prefix="pyprep-locale-")
    result = subprocess.run(["localedef", "--no-archive", "-i", "de_DE", "-f", "UTF-8",
                             os.path.join(folder, "de_DE.UTF-8")],
                            capture_output=True, text=True)
    check(os.path.isdir(os.path.join(folder, "de_DE.UTF-8", "LC_MESSAGES")),
          "a German locale can be compiled (Debian's “locales” package)",
          result.stderr.strip()[:300])
    return folder


def run():
    env = app_env(LANGUAGE="de", LANG="de_DE.UTF-8", LC_ALL="de_DE.UTF-8", LOCPATH=german_locale(),
                  GSETTINGS_BACKEND="memory",
                  XDG_DATA_HOME=tempfile.mkdtemp(prefix="pyprep-l10n-"), GTK_A11Y="atspi")
    proc, app = launch(env, timeout=30)
    try:
        check(app is not None, "the app appears on the accessibility bus")

        topics = wait_for(lambda: find(app, lambda n: role(n) == "list" and n.name == "Themen"),
                          timeout=20)
        check(topics is not None, "the topic list is called “Themen”",
              repr(names(app, "list")))
        check(find(app, lambda n: role(n) == "list" and n.name == "Topics") is None,
              "no English “Topics” list is left")

        everything = names(app)
        check("Wählen Sie eine Frage" in everything, "the empty page's heading is German",
              repr(everything[:40]))
        for smart in ("Lesezeichen", "Wiederholen", "Nicht begonnen"):
            check(smart in everything, f"the sidebar lists “{smart}”", repr(everything[:40]))

        time.sleep(0.5)
        press(KEY_F10, after=0)

        def menu_items():
            # GTK 4.8 does not report "showing", so read the menu's items.
            items = find_all(app, lambda n: role(n) in ("menu item", "check menu item",
                                                        "radio menu item"), [])
            return [spoken_name(n) for n in items if spoken_name(n)] or None

        items = wait_for(menu_items, timeout=10) or []
        flat = " | ".join(items)
        for entry in ("Einstellungen", "Tastenkürzel", "Über PyPrep"):
            check(any(entry in item.replace("_", "") for item in items),
                  f"the main menu has “{entry}”", flat)
        check(not any("Preferences" in item for item in items),
              "the main menu has no English entry left", flat)
        press(KEY_ESCAPE, after=0)
    finally:
        stop_and_record(proc)


if __name__ == "__main__":
    sys.exit(main(run))
