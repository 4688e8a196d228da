#!/usr/bin/python3
"""With LANGUAGE=de the window speaks German: reads the headings, the
sidebar and the main menu of the real binary through AT-SPI. TAP output.

PYPREP_LOCALEDIR points the app at the build tree's compiled catalogues.
gettext ignores LANGUAGE under the plain "C" locale, so the test runs
under C.UTF-8, which every Debian system has.
"""
import sys
import tempfile
import time

from atspi_util import (KEY_ESCAPE, KEY_F10, app_env, check, find, find_all, launch, main, press,
                        role, stop_and_record, wait_for)


def names(node, wanted_role=None):
    found = find_all(node, lambda n: n.name and (wanted_role is None or role(n) == wanted_role), [])
    return [n.name for n in found]


def run():
    env = app_env(LANGUAGE="de", LANG="C.UTF-8", LC_ALL="C.UTF-8",
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
                                                        "radio menu item") and n.name, [])
            return [n.name for n in items] or None

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
