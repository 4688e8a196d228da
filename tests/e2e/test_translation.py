#!/usr/bin/python3
"""With LANGUAGE=de the window speaks German: reads the headings, the
sidebar and the main menu of the real binary through AT-SPI. TAP output.

PYPREP_LOCALEDIR points the app at the build tree's compiled catalogues.
gettext ignores LANGUAGE under the plain "C" locale, so the test runs
under C.UTF-8, which every Debian system has.
"""
import os
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
import pyatspi  # noqa: E402

from test_e2e import find, find_all, find_app, role, wait_for  # noqa: E402

KEY_F10, KEY_ESCAPE = 0xFFC7, 0xFF1B
results = []


def check(ok, description, detail=""):
    results.append((bool(ok), description, detail))
    if not ok:
        raise AssertionError(f"{description}: {detail}")


def names(node, wanted_role=None):
    found = find_all(node, lambda n: n.name and (wanted_role is None or role(n) == wanted_role), [])
    return [n.name for n in found]


def run():
    env = dict(os.environ,
               LANGUAGE="de", LANG="C.UTF-8", LC_ALL="C.UTF-8",
               GSETTINGS_BACKEND="memory",
               XDG_DATA_HOME=tempfile.mkdtemp(prefix="pyprep-l10n-"),
               GSK_RENDERER="cairo", GTK_A11Y="atspi")
    env.pop("NO_AT_BRIDGE", None)
    proc = subprocess.Popen([os.environ["PYPREP_BIN"]], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        app = wait_for(find_app, timeout=30)
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
        pyatspi.Registry.generateKeyboardEvent(KEY_F10, None, pyatspi.KEY_SYM)

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
        pyatspi.Registry.generateKeyboardEvent(KEY_ESCAPE, None, pyatspi.KEY_SYM)
    finally:
        proc.terminate()
        try:
            _, stderr = proc.communicate(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, stderr = proc.communicate()
        criticals = [line for line in stderr.splitlines() if "CRITICAL" in line]
        results.append((not criticals, "the app logs no criticals", "; ".join(criticals[:3])))


def main():
    try:
        run()
    except AssertionError:
        pass
    except Exception as error:  # a broken tree is a failure, not a crash
        results.append((False, "the accessibility tree can be walked", repr(error)))
    print(f"1..{len(results)}")
    for number, (ok, description, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {number} - {description}")
        if detail and not ok:
            print(f"# {detail}")
    return 0 if results and all(ok for ok, _, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
