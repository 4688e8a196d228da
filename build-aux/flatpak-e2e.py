#!/usr/bin/python3
"""Runs the installed PyPrep Flatpak twice, the way a user would (first
with flatpak run, then through D-Bus activation as GNOME Shell starts it),
and checks through AT-SPI that (1) its window appears and (2) a bookmark
made in the first run is still there in the second. Inside the sandbox the
settings go through GLib's keyfile backend in ~/.var/app. TAP output.

Called by build-aux/flatpak-ci.sh under xvfb-run and dbus-run-session,
with FLATPAK_USER_DIR naming the installation and HOME a fresh folder.
"""
import os
import subprocess
import sys
import time

from test_persistence import (CODE_CONTROL, CODE_D, KEY_HOME, KEY_RETURN, chord,
                              question_rows, use_session_a11y_bus)

use_session_a11y_bus()

import pyatspi  # noqa: E402

from test_e2e import find, press, role, wait_for  # noqa: E402

APP_ID = "io.github.pyprep.PyPrep"
CODE_Q = 24
results = []


def check(ok, description, detail=""):
    results.append((bool(ok), description, detail))
    if not ok:
        raise AssertionError(f"{description}: {detail}")


def launch():
    proc = subprocess.Popen(["flatpak", "run", "--env=GSK_RENDERER=cairo", APP_ID],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def app():
        for candidate in pyatspi.Registry.getDesktop(0):
            if candidate is not None and candidate.name == "pyprep":
                return candidate
        return None

    return proc, wait_for(app, timeout=60)


def find_pyprep():
    for candidate in pyatspi.Registry.getDesktop(0):
        if candidate is not None and candidate.name == "pyprep":
            return candidate
    return None


def activate():
    """Starts the app the way GNOME Shell does for a DBusActivatable
    desktop file: the session bus runs the service file that flatpak
    exported, and the app gets org.freedesktop.Application.Activate."""
    call = subprocess.run(["gdbus", "call", "--session", "--dest", APP_ID,
                           "--object-path", "/" + APP_ID.replace(".", "/"),
                           "--method", "org.freedesktop.Application.Activate", "{}"],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          timeout=90)
    return call, wait_for(find_pyprep, timeout=60)


def quit_app(proc):
    chord(CODE_CONTROL, CODE_Q)
    if proc is None:  # D-Bus activated: wait for it to leave the desktop
        return "" if wait_for(lambda: find_pyprep() is None, timeout=20) else "still running"
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.terminate()
        proc.wait(timeout=10)
    return proc.stderr.read()


def scenario():
    keyfile = os.path.join(os.environ["HOME"], ".var", "app", APP_ID,
                           "config", "glib-2.0", "settings", "keyfile")

    proc, app = launch()
    if app is None:
        proc.kill()
        _, stderr = proc.communicate()
        check(False, "the window appears", f"status {proc.returncode}: {stderr[-800:]!r}")
    topics = wait_for(lambda: find(app, lambda n: role(n) == "list" and n.name == "Topics"),
                      timeout=30)
    check(topics is not None and topics.childCount > 0,
          "the window appears and lists the topics")
    shot = os.environ.get("SCREENSHOT")
    if shot:
        time.sleep(1.0)
        subprocess.run(["import", "-window", "root", shot], check=False)

    time.sleep(0.5)
    press(KEY_HOME)
    press(KEY_RETURN)                   # open the first topic
    time.sleep(0.5)
    press(KEY_HOME)                     # its first question
    time.sleep(0.3)
    chord(CODE_CONTROL, CODE_D)         # Ctrl+D: bookmark it
    time.sleep(1.0)
    rows = question_rows(app)
    check(rows and "bookmarked" in rows[0][0], "the first question is bookmarked", repr(rows[:1]))
    stderr = quit_app(proc)
    check(proc.returncode == 0, "the app quits cleanly with Ctrl+Q",
          f"status {proc.returncode}: {stderr[-800:]!r}")

    try:
        with open(keyfile, encoding="utf-8") as stream:
            text = stream.read()
    except OSError as error:
        text = repr(error)
    check("bookmarks" in text, "the bookmark is in the keyfile under ~/.var/app", text[-400:])

    # The second start goes through D-Bus activation, as from the desktop.
    call, app = activate()
    check(app is not None, "D-Bus activation opens the window again",
          f"gdbus: {call.returncode} {call.stdout[-400:]!r}")
    try:
        rows = question_rows(app)
        check(rows and "bookmarked" in rows[0][0],
              "the bookmark is still there after a restart", repr(rows[:1]))
    finally:
        quit_app(None)


def main():
    try:
        scenario()
    except AssertionError:
        pass
    except Exception as error:  # a broken run is a failure, not a crash
        results.append((False, "the scenario runs", repr(error)))
    print(f"1..{len(results)}")
    for number, (ok, description, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {number} - {description}")
        if detail and not ok:
            print(f"# {detail}")
    return 0 if results and all(ok for ok, _, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
