#!/usr/bin/python3
"""The Statistics window through the accessibility tree: Ctrl+I opens it
on a known record, the streaks read right, the calendar's summary is its
accessible description, and the arrow keys walk the calendar day by day,
each day read out as the calendar's name. TAP output.

Run under xvfb-run and dbus-run-session (the README's test command does).
"""
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time


def use_session_a11y_bus():
    """Name this session's accessibility bus (see test_persistence.py)."""
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

from test_e2e import find, press, role, wait_for  # noqa: E402

KEY_LEFT, KEY_UP, KEY_TAB = 0xFF51, 0xFF52, 0xFF09
CODE_CONTROL, CODE_SHIFT, CODE_I, CODE_TAB = 37, 50, 31, 23

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


def day_text(day, count):
    date = day.strftime("%A, %-d %B %Y")
    if count == 0:
        return f"{date}: nothing studied"
    return f"{date}: {count} question{'s' if count != 1 else ''} studied"


# Two days up to yesterday (today has no activity yet, so the streak
# still stands), and an older run of four days.
def record(today):
    days = {today - datetime.timedelta(days=2): 3, today - datetime.timedelta(days=1): 5}
    for back in range(17, 21):
        days[today - datetime.timedelta(days=back)] = 2
    return days


def write_keyfile(path, today):
    days = record(today)
    text = ", ".join(f"'{day.isoformat()}': uint32 {count}" for day, count in sorted(days.items()))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as keyfile:
        keyfile.write("[io/github/pyprep/PyPrep]\n")
        keyfile.write(f"activity={{{text}}}\n")


def scenario():
    today = datetime.date.today()
    yesterday = today - datetime.timedelta(days=1)
    env = dict(os.environ, GSK_RENDERER="cairo", GSETTINGS_BACKEND="keyfile", LC_ALL="C.UTF-8")
    env.pop("NO_AT_BRIDGE", None)
    write_keyfile(os.path.join(env["XDG_CONFIG_HOME"], "glib-2.0", "settings", "keyfile"), today)

    proc = subprocess.Popen([os.environ["PYPREP_BIN"]], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        app = wait_for(lambda: next((a for a in pyatspi.Registry.getDesktop(0)
                                     if a is not None and a.name == "pyprep"), None), timeout=45)
        check(app is not None, "the app starts")
        check(wait_for(lambda: find(app, lambda n: role(n) == "list" and n.name == "Topics")),
              "the main window is shown")
        time.sleep(0.5)

        chord(CODE_CONTROL, CODE_I)
        stats = wait_for(lambda: find(app, lambda n: role(n) == "frame" and n.name == "Statistics"))
        check(stats is not None, "Ctrl+I opens the Statistics window")

        current = wait_for(lambda: find(stats, lambda n: n.name == "Current streak: 2 days"))
        check(current is not None, "the current streak reads 2 days, today not yet studied")
        check(find(stats, lambda n: n.name == "Longest streak: 4 days") is not None,
              "the longest streak reads 4 days")

        calendar = find(stats, lambda n: role(n) == "image" and n.name.startswith("Activity calendar"))
        check(calendar is not None, "the calendar is an image with a name")
        summary = (f"16 questions studied on 6 days in the last 20 weeks; "
                   f"busiest day {yesterday.strftime('%A, %-d %B %Y')} with 5.")
        check(calendar.description == summary, "the calendar's description sums it up",
              repr(calendar.description))
        check(calendar.name == "Activity calendar, " + day_text(today, 0),
              "the calendar names today's square", repr(calendar.name))

        # Into the calendar from the keyboard, then a week back and a day up.
        chord(CODE_TAB)
        chord(CODE_SHIFT, CODE_TAB)
        press(KEY_LEFT)
        press(KEY_UP)
        target = today - datetime.timedelta(days=8)
        expected = "Activity calendar, " + day_text(target, record(today).get(target, 0))
        named = wait_for(lambda: calendar.name == expected, timeout=5)
        check(named, "the arrow keys move the calendar's cursor and its name follows",
              repr(calendar.name))
    finally:
        proc.terminate()
        proc.communicate(timeout=10)


def run_scenario():
    try:
        scenario()
    except AssertionError:
        pass
    except Exception as error:
        results.append((False, "the scenario runs", repr(error)))
    print(json.dumps(results))


def main():
    if len(sys.argv) == 2 and sys.argv[1] == "--scenario":
        run_scenario()
        return 0

    home = tempfile.mkdtemp(prefix="pyprep-statistics-")
    env = dict(os.environ,
               XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CACHE_HOME=os.path.join(home, "cache"))
    child = subprocess.run(["dbus-run-session", "--", sys.executable, __file__, "--scenario"],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           text=True, timeout=120)
    lines = [line for line in child.stdout.splitlines() if line.startswith("[")]
    if lines:
        results.extend(tuple(result) for result in json.loads(lines[-1]))
    else:
        results.append((False, "the scenario reports", child.stdout[-500:]))

    failed = not all(ok for ok, _, _ in results)
    print(f"1..{len(results)}")
    for number, (ok, description, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {number} - {description}")
        if detail and not ok:
            print(f"# {detail}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
