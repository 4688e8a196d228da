#!/usr/bin/python3
"""Practice end to end, driven through the keyboard and read back through
AT-SPI; TAP output.

1. A three-card session: reveal with Space, grade 3, 1 and 4; check the
   summary; restart the app (keyfile backend in a temporary
   XDG_CONFIG_HOME) and check the stored due dates and the statuses.
2. A mock interview with a one-second countdown: running out of time
   reveals the answer; a Hard grade sends the question to Needs review.

Run under xvfb-run and dbus-run-session (the README's test command does).
"""
import os
import re
import sys
import time

from atspi_util import (CODE_ALT, CODE_CONTROL, CODE_M, CODE_P, KEY_1, KEY_2, KEY_3, KEY_4,
                        KEY_HOME, KEY_RETURN, KEY_SPACE, KEY_TAB, app_env, check, chord,
                        critical_lines, find, find_all, focused, launch, press, question_rows, role,
                        scenario_main, stop, wait_for)

DAY = 86400


# GTK 4.8 names a button with a mnemonic "_Label Label", so button names
# are matched by their end.


def label_names(node):
    return [n.name for n in find_all(node, lambda n: role(n) == "label" and n.name, [])]


def practice_window(app):
    """The Practice window: a top level of the app (GTK 4.8 gives an
    AdwWindow the role "filler")."""
    return wait_for(lambda: next((w for w in app if w is not None and w.name == "Practice"), None))


def has_label(node, text):
    return find(node, lambda n: role(n) == "label" and n.name == text) is not None


def open_practice(app):
    time.sleep(0.5)
    chord(CODE_CONTROL, CODE_P)
    window = practice_window(app)
    check(window is not None, "Ctrl+P opens the Practice window")
    return window


def tab_to(predicate, limit=40):
    """Presses Tab until @predicate holds; returns whether it did."""
    for _ in range(limit):
        if predicate():
            return True
        press(KEY_TAB, after=0.15)
    return predicate()


def card_title(window):
    """The card's title is the label right after its kind ("New · topic")."""
    names = label_names(window)
    for index, name in enumerate(names):
        if name.startswith("New · ") and index + 1 < len(names):
            return name.split(" · ", 1)[1], names[index + 1]
    return None


def environment(settings):
    home = os.environ["PYPREP_TEST_HOME"]
    env = app_env(GSETTINGS_BACKEND="keyfile")
    keyfile = os.path.join(env["XDG_CONFIG_HOME"], "glib-2.0", "settings", "keyfile")
    os.makedirs(os.path.dirname(keyfile), exist_ok=True)
    with open(keyfile, "w", encoding="utf-8") as f:
        f.write("[io/github/pyprep/PyPrep]\n" + "".join(f"{k}={v}\n" for k, v in settings.items()))
    return env, keyfile, home


def stored_reviews(keyfile):
    """id -> (due, last-review, status, grades), read from the keyfile."""
    with open(keyfile, encoding="utf-8") as f:
        text = f.read()
    line = next((l for l in text.splitlines() if l.startswith("progress=")), "")
    reviews = {}
    for match in re.finditer(r"'([a-z0-9-]+)': \{([^{}]*)\}", line):
        body = match.group(2)

        def value(key, pattern=r"<(?:int64 )?(-?\d+)>"):
            found = re.search(rf"'{key}': " + pattern, body)
            return found.group(1) if found else None

        due, last = value("due"), value("last-review")
        reviews[match.group(1)] = (int(due) if due else None, int(last) if last else None,
                                   value("status", r"<'([a-z-]+)'>"), value("grades", r"<'([1-4]*)'>"))
    return reviews


def session_scenario():
    env, keyfile, _ = environment({"new-per-day": "uint32 3"})
    proc, app = launch(env)
    try:
        check(app is not None, "session: the app starts")
        window = open_practice(app)
        check(wait_for(lambda: has_label(window, "0 due, 0 weak, 3 new")),
              "the start page counts 3 new questions (new-per-day is 3)", repr(label_names(window)))
        press(KEY_RETURN)                              # Start Practice has the focus

        titles = []
        for number, grade, name in ((1, KEY_3, "Good"), (2, KEY_1, "Again"), (3, KEY_4, "Easy")):
            card = wait_for(lambda: card_title(window) if has_label(window, "Show Answer") else None)
            check(card is not None, f"card {number} shows a new question", repr(label_names(window)))
            titles.append(card)
            check(not has_label(window, "Short answer"), f"card {number}: the answer starts hidden")
            press(KEY_SPACE)
            check(wait_for(lambda: has_label(window, "Short answer")),
                  f"card {number}: Space reveals the answer")
            button = wait_for(lambda: find(window, lambda n: role(n) == "push button"
                                           and n.name.startswith(f"{name}: next in")))
            check(button is not None, f"card {number}: the {name} button shows its interval")
            if number == 1:
                intervals = sorted(n.name for n in find_all(
                    window, lambda n: role(n) == "push button" and ": next in " in n.name, []))
                check(intervals == ["Again: next in 10 min", "Easy: next in 16 days",
                                    "Good: next in 3 days", "Hard: next in 1 day"],
                      "a new card's buttons show the FSRS-5 first intervals", repr(intervals))
            press(grade)

        check(wait_for(lambda: has_label(window, "Session Complete")), "the summary appears")
        names = label_names(window)
        check("3 questions" in names, "the summary counts 3 reviewed", repr(names))
        check("67% (2 of 3)" in names, "the summary shows 2 of 3 passed", repr(names))
        check(titles[1][0] in names, "the summary names the topic graded Again as weak",
              f"{titles[1][0]!r} in {names!r}")
        check(any(n.endswith("(in 10 min)") or n.endswith("(in 9 min)") for n in names),
              "the next review is the Again card, in ten minutes", repr(names))
        time.sleep(1.0)
    finally:
        stderr = stop(proc)
    criticals = critical_lines(stderr)
    check(not criticals, "session: the app logs no criticals", "; ".join(criticals[:3]))

    reviews = stored_reviews(keyfile)
    practised = {k: v for k, v in reviews.items() if v[0] is not None}
    check(len(practised) == 3, "three questions have stored review data", repr(reviews))
    by_grades = {v[3]: v for v in practised.values()}
    check(set(by_grades) == {"3", "1", "4"}, "each keeps its grade history", repr(practised))
    for grades, interval, status in (("3", 3 * DAY, "read"), ("1", 600, "needs-review"),
                                     ("4", 16 * DAY, "read")):
        due, last, stored_status, _ = by_grades[grades]
        check(due - last == interval, f"grade {grades}: due {interval} s after the review",
              f"{due} - {last} = {due - last}")
        check(stored_status == status, f"grade {grades}: status {status}", repr(stored_status))

    proc, app = launch(env)
    try:
        check(app is not None, "session: the app starts again")
        topics = wait_for(lambda: find(app, lambda n: role(n) == "list" and n.name == "Topics"))
        check(topics is not None, "the topics are shown after the restart")
        time.sleep(0.5)
        press(KEY_HOME)
        press(KEY_RETURN)                              # the first topic: the cards came from it
        rows = wait_for(lambda: (lambda r: r if len(r) >= 3 else None)(question_rows(app)))
        check(rows is not None, "the first topic's questions are listed")
        statuses = {}
        for _, labels in rows:
            for _, title in titles:
                if title in labels:
                    statuses[title] = labels
        check(any("Read" in n for n in statuses.get(titles[0][1], [])),
              "after a restart the Good card is read", repr(statuses))
        check(any("Needs review" in n for n in statuses.get(titles[1][1], [])),
              "after a restart the Again card needs review", repr(statuses))
        check(any("Read" in n for n in statuses.get(titles[2][1], [])),
              "after a restart the Easy card is read", repr(statuses))

        window = open_practice(app)
        counts = wait_for(lambda: next((n for n in label_names(window) if re.fullmatch(
            r"\d+ due, \d+ weak, \d+ new", n)), None))
        numbers = [int(x) for x in re.findall(r"\d+", counts or "")]
        check(len(numbers) == 3 and numbers[0] + numbers[1] == 1 and numbers[2] == 0,
              "after a restart only the Again card is waiting and no new one (3 a day, 3 done)",
              repr(counts))
    finally:
        stop(proc)


def mock_scenario():
    # The shortest countdown the setting allows.
    env, _, _ = environment({"mock-questions": "uint32 1", "mock-seconds": "uint32 1"})
    proc, app = launch(env)
    try:
        check(app is not None, "mock: the app starts")
        window = open_practice(app)
        time.sleep(0.5)
        chord(CODE_ALT, CODE_M)                        # Start _Mock Interview
        mock = wait_for(lambda: has_label(window, "Question 1 of 1"))
        check(mock is not None, "Alt+M starts a one-question mock interview")
        # No key is pressed from here on: only the clock can reveal the answer.
        check(wait_for(lambda: has_label(window, "Time is up."), timeout=15),
              "when the countdown runs out, time is up")
        check(wait_for(lambda: has_label(window, "Short answer")),
              "running out of time reveals the answer")
        check(has_label(window, "0:00 left"), "the countdown stops at 0:00",
              repr(label_names(window)[:8]))
        time.sleep(0.5)
        press(KEY_2)                                   # Hard
        check(wait_for(lambda: has_label(window, "Mock Interview Complete")), "the summary appears")
        names = label_names(window)
        check("Hard" in names, "the summary shows the grade", repr(names))
        check(any(n.startswith("0:01") for n in names), "the summary shows the time taken",
              repr(names))
        send = find(window, lambda n: role(n) == "push button"
                    and n.name.endswith("Send 1 Weak Question to Needs Review"))
        check(send is not None, "one click can send the weak question to Needs review",
              repr([n.name for n in find_all(window, lambda n: role(n) == "push button", [])]))
        # The focus rests on the summary, not on a button: Tab to Send.
        check(not focused(send), "the summary does not put the focus on Send")
        check(tab_to(lambda: focused(send)), "Tab reaches the send button")
        press(KEY_RETURN)
        check(wait_for(lambda: find(window, lambda n: role(n) == "push button"
                                    and n.name.endswith("1 Question Sent to Needs Review"))),
              "the weak question is sent")
        row = wait_for(lambda: (lambda r: r if r is not None and r.description == "1" else None)(
            find(app, lambda n: role(n) == "list item" and n.name == "Needs Review")))
        check(row is not None, "the main window's Needs Review list counts it")
    finally:
        stderr = stop(proc)
    criticals = critical_lines(stderr)
    check(not criticals, "mock: the app logs no criticals", "; ".join(criticals[:3]))


if __name__ == "__main__":
    sys.exit(scenario_main({"session": session_scenario, "mock": mock_scenario},
                           "pyprep-practice-", timeout=180))
