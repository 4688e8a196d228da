#!/usr/bin/python3
"""Study state survives a real restart, even a kill -9 one second after
the change, with dconf and with the keyfile fallback. Drives the real
binary through the keyboard and reads it back through AT-SPI; TAP output.

Run under xvfb-run and dbus-run-session (the README's test command does).
"""
import json
import os
import signal
import subprocess
import sys
import tempfile
import time


def use_session_a11y_bus():
    """A scenario runs in its own session bus. libatspi would take the
    accessibility bus named on the X root window, which belongs to the
    outer session, so name this session's bus explicitly."""
    reply = subprocess.run(["gdbus", "call", "--session", "--dest", "org.a11y.Bus",
                            "--object-path", "/org/a11y/bus",
                            "--method", "org.a11y.Bus.GetAddress"],
                           stdout=subprocess.PIPE, text=True, check=True).stdout
    os.environ["AT_SPI_BUS_ADDRESS"] = reply.split("'")[1]


if __name__ == "__main__" and "--scenario" in sys.argv:
    use_session_a11y_bus()

import gi  # noqa: E402

gi.require_version("Atspi", "2.0")
import pyatspi  # noqa: E402

from test_e2e import find, find_all, press, role, wait_for  # noqa: E402

KEY_HOME, KEY_DOWN, KEY_RETURN = 0xFF50, 0xFF54, 0xFF0D
# Chords are pressed by X keycode (evdev layout, as Xvfb uses).
CODE_CONTROL, CODE_SHIFT, CODE_D, CODE_R, CODE_C = 37, 50, 40, 27, 54

results = []


def check(ok, description, detail=""):
    results.append((bool(ok), description, detail))
    if not ok:
        raise AssertionError(f"{description}: {detail}")


def chord(*keycodes):
    for keycode in keycodes:
        pyatspi.Registry.generateKeyboardEvent(keycode, None, pyatspi.KEY_PRESS)
        time.sleep(0.05)
    for keycode in reversed(keycodes):
        pyatspi.Registry.generateKeyboardEvent(keycode, None, pyatspi.KEY_RELEASE)
        time.sleep(0.05)
    time.sleep(0.2)


def launch(env):
    proc = subprocess.Popen([os.environ["PYPREP_BIN"]], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def app():
        for candidate in pyatspi.Registry.getDesktop(0):
            if candidate is not None and candidate.name == "pyprep":
                return candidate
        return None

    found = wait_for(app, timeout=45)
    return proc, found


def question_rows(app):
    questions = wait_for(lambda: (lambda q: q if q is not None and q.childCount > 1 else None)(
        find(app, lambda n: role(n) == "list" and n.name == "Questions")))
    if questions is None:
        return []
    rows = []
    for item in questions:
        panel = find(item, lambda n: n.name and role(n) != "label")
        labels = find_all(item, lambda n: role(n) == "label", [])
        rows.append((panel.description if panel is not None else "",
                     [label.name for label in labels]))
    return rows


def scenario(backend):
    # The parent made a fresh home and session bus for this run, so that
    # dconf writes go to the temporary config directory.
    home = os.environ["PYPREP_TEST_HOME"]
    env = dict(os.environ, GSK_RENDERER="cairo")
    env.pop("GSETTINGS_BACKEND", None)
    env.pop("NO_AT_BRIDGE", None)
    if backend == "keyfile":
        # Hide the dconf module, as on a system without dconf: settings
        # then go to a keyfile (GLib's own, or PyPrep's fallback when GLib
        # would only keep them in memory).
        env["GIO_MODULE_DIR"] = os.path.join(home, "no-gio-modules")
        os.makedirs(env["GIO_MODULE_DIR"])

    proc, app = launch(env)
    if app is None:
        proc.kill()
        _, stderr = proc.communicate()
        check(False, f"{backend}: the app starts", f"status {proc.returncode}: {stderr[-600:]!r}")
    topics = wait_for(lambda: find(app, lambda n: role(n) == "list" and n.name == "Topics"))
    check(topics is not None, f"{backend}: the topics are shown")
    time.sleep(0.5)
    press(KEY_HOME)
    press(KEY_RETURN)                   # open the first topic
    time.sleep(0.5)
    press(KEY_HOME)                     # first question: opened, so read
    time.sleep(0.3)
    chord(CODE_CONTROL, CODE_D)         # Ctrl+D: bookmark it
    press(KEY_DOWN)                     # second question
    time.sleep(0.8)
    chord(CODE_CONTROL, CODE_SHIFT, CODE_R)  # Ctrl+Shift+R: needs review
    press(KEY_DOWN)                     # third question
    time.sleep(0.8)
    chord(CODE_CONTROL, CODE_SHIFT, CODE_C)  # Ctrl+Shift+C: confident
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    if backend == "keyfile":
        candidates = [os.path.join(env["XDG_CONFIG_HOME"], "glib-2.0", "settings", "keyfile"),
                      os.path.join(env["XDG_CONFIG_HOME"], "pyprep", "settings.ini")]
        written = [path for path in candidates if os.path.exists(path)]
        check(written, "keyfile: the settings file is written", repr(candidates))

    proc, app = launch(env)
    try:
        check(app is not None, f"{backend}: the app starts again")
        rows = question_rows(app)
        check(len(rows) >= 2, f"{backend}: the last topic's questions are listed again", str(len(rows)))
        first, second = rows[0], rows[1]
        check("bookmarked" in first[0], f"{backend}: the bookmark survived kill -9", repr(first))
        check(any("Read" in name for name in first[1]), f"{backend}: the first question is read",
              repr(first))
        check(any("Needs review" in name for name in second[1]),
              f"{backend}: the second question still needs review", repr(second))

        def smart_count(name):
            row = find(app, lambda n: role(n) == "list item" and n.name == name)
            return row.description if row is not None else None

        check(smart_count("Bookmarked") == "1", f"{backend}: the Bookmarked list counts 1",
              repr(smart_count("Bookmarked")))
        check(smart_count("Needs Review") == "1", f"{backend}: the Needs Review list counts 1",
              repr(smart_count("Needs Review")))
        topic = find(app, lambda n: n.description and "1 of 17 confident" in n.description)
        check(topic is not None, f"{backend}: the topic shows 1 of 17 confident")
    finally:
        proc.terminate()
        proc.communicate(timeout=10)


def run_scenario(backend):
    """In a child: run one scenario and print its results as JSON."""
    try:
        scenario(backend)
    except AssertionError:
        pass
    except Exception as error:
        results.append((False, f"{backend}: the scenario runs", repr(error)))
    print(json.dumps(results))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--scenario":
        run_scenario(sys.argv[2])
        return 0

    for backend in ("dconf", "keyfile"):
        home = tempfile.mkdtemp(prefix=f"pyprep-persist-{backend}-")
        env = dict(os.environ,
                   PYPREP_TEST_HOME=home,
                   XDG_CONFIG_HOME=os.path.join(home, "config"),
                   XDG_DATA_HOME=os.path.join(home, "data"),
                   XDG_CACHE_HOME=os.path.join(home, "cache"))
        child = subprocess.run(["dbus-run-session", "--", sys.executable, __file__,
                                "--scenario", backend],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True, timeout=120)
        lines = [line for line in child.stdout.splitlines() if line.startswith("[")]
        if lines:
            results.extend(tuple(result) for result in json.loads(lines[-1]))
        else:
            results.append((False, f"{backend}: the scenario reports", child.stdout[-500:]))

    failed = not all(ok for ok, _, _ in results)
    print(f"1..{len(results)}")
    for number, (ok, description, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {number} - {description}")
        if detail and not ok:
            print(f"# {detail}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
