#!/usr/bin/python3
"""The Statistics window through the accessibility tree: Ctrl+I opens it
on a known record, the streaks read right, the calendar's summary is its
accessible description, and the arrow keys walk the calendar day by day,
each day read out as the calendar's name. TAP output.

Run under xvfb-run and dbus-run-session (the README's test command does).
"""
import datetime
import os
import sys
import time

from atspi_util import (CODE_CONTROL, CODE_I, CODE_SHIFT, CODE_TAB, KEY_LEFT, KEY_UP, app_env,
                        check, chord, find, launch, press, role, scenario_main, wait_for)


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
    env = app_env(GSETTINGS_BACKEND="keyfile", LC_ALL="C.UTF-8")
    write_keyfile(os.path.join(env["XDG_CONFIG_HOME"], "glib-2.0", "settings", "keyfile"), today)

    proc, app = launch(env)
    try:
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


if __name__ == "__main__":
    sys.exit(scenario_main({None: scenario}, "pyprep-statistics-", timeout=120))
