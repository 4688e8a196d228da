#!/usr/bin/python3
"""Practice end to end, driven through the keyboard and read back through
AT-SPI; TAP output.

1. A three-card session by keyboard only: reveal with Space, grade 3, 1
   and 4; Space works with the focus on the header's back button too;
   typed into the answer box, Space and digits type, Escape leaves the
   box; at "Session Complete" Space pressed twice starts nothing. Then
   check the summary, restart the app (keyfile backend in a temporary
   XDG_CONFIG_HOME) and check the stored due dates and the statuses.
2. A mock interview with a one-second countdown: running out of time
   reveals the answer; a Hard grade sends the question to Needs review.
3. A whole mock interview by keyboard only, over a deck of the test's
   own: one topic chosen with its Only button, typed answers,
   Ctrl+Return to reveal, Escape then 1 to 4 to grade, a follow-up,
   Space twice at the summary, an answer kept as a note, and a summary
   row that opens its question in the main window.

Run under xvfb-run and dbus-run-session (the README's test command does).
"""
import os
import re
import sys
import time

import pyatspi
from gi.repository import GLib
from atspi_util import (CODE_ALT, CODE_CONTROL, CODE_M, CODE_P, CODE_RETURN, CODE_SHIFT, CODE_TAB,
                        KEY_1, KEY_2, KEY_3, KEY_4, KEY_ESCAPE, KEY_HOME, KEY_RETURN, KEY_SPACE,
                        KEY_TAB, app_env, check, chord, critical_lines, find, find_all, focused,
                        launch, press, question_rows, role, scenario_main, shoot, showing, stop,
                        type_text, wait_for)

DAY = 86400


# GTK 4.8 names a button with a mnemonic "_Label Label", so button names
# are matched by their end.


WALK_TOPIC = "Aardvark Walk Topic"


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


# The focus, as the accessibility bus reports it: walking the whole tree
# after each Tab would take minutes.
_focus = [None]


def _focus_cb(event):
    if event.detail1:
        _focus[0] = event.source


pyatspi.Registry.registerEventListener(_focus_cb, "object:state-changed:focused")


def focused_node(window=None):
    context = GLib.MainContext.default()
    while context.iteration(False):
        pass
    return _focus[0]


def focused_name(window=None):
    node = focused_node()
    try:
        return (node.name or "") if node is not None else ""
    except Exception:
        return ""


def on_screen(node):
    """Whether @node is on screen. GTK 4.8 gives no "showing" state, and a
    hidden stack page's labels stay in the tree as "visible"; but what is
    not drawn has no size."""
    try:
        extents = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        return extents.width > 0 and extents.height > 0
    except Exception:
        return False


def still_running(window):
    """Whether a session, an interview or its summary is on show: the
    back button is hidden on the start page only."""
    back = find(window, lambda n: n.name == "End this session and go back")
    return back is not None and showing(back)


def has_showing_label(node, text):
    return find(node, lambda n: role(n) == "label" and n.name == text and on_screen(n)) is not None


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
            if number == 1:
                # Space is the card's wherever the focus is, even on Back.
                check(tab_to(lambda: focused_name(window) == "End this session and go back"),
                      "Tab reaches the header's back button", focused_name(window))
            if number == 2:
                # In the answer box keys type; Escape leaves it.
                chord(CODE_SHIFT, CODE_TAB)
                box = wait_for(lambda: (lambda n: n if n is not None and role(n) == "text" else None)(
                    focused_node(window)))
                check(box is not None, "Shift+Tab reaches the answer box", focused_name(window))
                type_text("map 2 filter 3")
                typed = box.queryText().getText(0, -1)
                check(not has_label(window, "Short answer") and "map 2 filter 3" in typed,
                      "in the answer box Space and digits type, and reveal nothing",
                      typed)
                press(KEY_ESCAPE)
                check(wait_for(lambda: not focused(box)), "Escape leaves the answer box")
                check(practice_window(app) is not None, "Escape does not close the Practice window")
            press(KEY_SPACE)
            check(wait_for(lambda: has_label(window, "Short answer")),
                  f"card {number}: Space reveals the answer")
            button = wait_for(lambda: find(window, lambda n: role(n) == "push button"
                                           and n.name.startswith(f"{name}: next in")))
            check(button is not None, f"card {number}: the {name} button shows its interval")
            if number == 1:
                intervals = sorted(n.name for n in find_all(
                    window, lambda n: role(n) == "push button" and ": next in " in n.name, []))
                # The learning steps (1 and 10 min, Hard halfway), and
                # Easy's FSRS-6 first interval, 8 days fuzzed to 6 to 10.
                check(len(intervals) == 4 and intervals[0] == "Again: next in 1 min"
                      and re.fullmatch(r"Easy: next in (6|7|8|9|10) days", intervals[1])
                      and intervals[2:] == ["Good: next in 10 min", "Hard: next in 5 min"],
                      "a new card's buttons show its learning steps and Easy's days", repr(intervals))
            press(grade)

        check(wait_for(lambda: has_showing_label(window, "Session Complete")), "the summary appears")
        focus_at_summary = focused_name(window)
        # A deliberate action starts again: Space pressed twice does not.
        press(KEY_SPACE, times=2, after=0.4)
        time.sleep(0.5)
        check(focused_name(window) == focus_at_summary == "Reviewed" and still_running(window),
              "at Session Complete, Space pressed twice starts no new session and leaves nothing",
              f"{focus_at_summary!r} then {focused_name(window)!r}")
        names = label_names(window)
        check("3 questions" in names, "the summary counts 3 reviewed", repr(names))
        check("67% (2 of 3)" in names, "the summary shows 2 of 3 passed", repr(names))
        check(titles[1][0] in names, "the summary names the topic graded Again as weak",
              f"{titles[1][0]!r} in {names!r}")
        check(any(n.endswith("(in 1 min)") or n.endswith("(in 0 min)") for n in names),
              "the next review is the Again card, at its one-minute learning step", repr(names))
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
    # The stored status is the one set by hand or by opening ("read"); the
    # status shown follows the schedule (checked after the restart).
    for grades, intervals, status in (("3", [600], "read"), ("1", [60], "read"),
                                      ("4", [d * DAY for d in range(6, 11)], "read")):
        due, last, stored_status, _ = by_grades[grades]
        check(due - last in intervals, f"grade {grades}: due {intervals} s after the review",
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
        check(any("Learning" in n for n in statuses.get(titles[0][1], [])),
              "after a restart the Good card is learning", repr(statuses))
        # New cards take turns across topics: the other two are in other
        # topics. The topics page's counts show their statuses.
        back = find(app, lambda n: role(n) == "push button" and n.name == "Back to all topics")
        if back is not None:
            back.queryAction().doAction(0)
        overall = wait_for(lambda: next((n for n in label_names(app)
                                         if re.fullmatch(r"\d+ confident, \d+ learning of \d+, \d+ opened", n)),
                                        None))
        check(overall is not None and overall.startswith("1 confident, 1 learning of "),
              "after a restart the Easy card, stable for over a week, is confident, the Good one learning",
              repr(overall))
        needs_review = find(app, lambda n: role(n) == "list item" and n.name == "Needs Review")
        check(needs_review is not None and needs_review.description == "1",
              "after a restart the Again card needs review",
              repr(needs_review.description if needs_review is not None else None))

        window = open_practice(app)
        counts = wait_for(lambda: next((n for n in label_names(window) if re.fullmatch(
            r"\d+ due, \d+ weak, \d+ new", n)), None))
        numbers = [int(x) for x in re.findall(r"\d+", counts or "")]
        # The Again card's one-minute step is due (a step within a minute
        # counts); the Good card waits for its ten-minute step.
        check(len(numbers) == 3 and numbers[0] == 1 and numbers[2] == 0,
              "after a restart the Again card is due at its one-minute step, the Good card waits "
              "for its ten-minute step, and no new one comes (3 a day, 3 done)", repr(counts))
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
        # A question that lists follow-ups is followed by one, on its own clock.
        after = wait_for(lambda: (
            "summary" if has_showing_label(window, "Mock Interview Complete")
            else "follow-up" if has_showing_label(window, "Question 1 of 1 · Follow-up")
            else None))
        if after == "follow-up":
            check(wait_for(lambda: has_showing_label(window, "Time is up."), timeout=15),
                  "the follow-up's own countdown runs out too")
            time.sleep(0.5)
            press(KEY_2)
        check(wait_for(lambda: has_showing_label(window, "Mock Interview Complete")), "the summary appears")
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

WALK_DECK = """---
id: walk-test
title: Aardvark Walk Topic
description: Two questions of the keyboard walk through a mock interview.
order: -100
---

# What does the walk ask first?
id: walk-first
difficulty: junior

## Short answer

The first answer.

## Pitfalls and follow-ups

- *And what comes after it?* The follow-up answer.

# What does the walk ask second?
id: walk-second
difficulty: junior

## Short answer

The second answer.
"""

FIRST, SECOND = "What does the walk ask first?", "What does the walk ask second?"
FOLLOW_UP = "And what comes after it?"
ANSWERS = ("The first answer.", "The second answer.", "The follow-up answer.")


def stored_notes(keyfile):
    with open(keyfile, encoding="utf-8") as f:
        line = next((l for l in f.read().splitlines() if l.startswith("notes=")), "")
    return line


FIRST_TYPED = [None]       # what was typed for FIRST, whichever came first
GRADE_KEYS = {FIRST: KEY_3, SECOND: KEY_4, FOLLOW_UP: KEY_2}


def answer_by_keyboard(window, position, typed, what):
    """Types @typed in the answer box, reveals with Ctrl+Return, presses
    Escape, then grades (Good for the first question, Easy for the
    second, Hard for the follow-up); returns the title asked."""
    title = wait_for(lambda: next((t for t in (FIRST, SECOND, FOLLOW_UP)
                                   if has_showing_label(window, t)), None))
    check(title is not None, f"{what}: a question of the walk's deck is asked",
          repr([n.name for n in find_all(window, lambda n: role(n) == "label" and on_screen(n), [])][:8]))
    check(has_showing_label(window, position), f"{what}: the header says {position!r}")
    box = wait_for(lambda: (lambda n: n if n is not None and role(n) == "text" else None)(
        focused_node(window)))
    check(box is not None, f"{what}: the answer box has the focus", focused_name(window))
    type_text(typed)
    check(typed in box.queryText().getText(0, -1)
          and not any(has_showing_label(window, a) for a in ANSWERS),
          f"{what}: Space and digits type into the answer box and reveal nothing",
          box.queryText().getText(0, -1))
    chord(CODE_CONTROL, CODE_RETURN)
    check(wait_for(lambda: any(has_showing_label(window, a) for a in ANSWERS)),
          f"{what}: Ctrl+Return reveals the answer")
    press(KEY_ESCAPE)
    time.sleep(0.3)
    check(has_showing_label(window, title), f"{what}: Escape closes nothing")
    press(GRADE_KEYS[title])
    return title


def walk_scenario():
    env, keyfile, home = environment({"mock-questions": "uint32 2", "mock-seconds": "uint32 600"})
    decks = os.path.join(env["XDG_DATA_HOME"], "pyprep", "decks")
    os.makedirs(decks, exist_ok=True)
    with open(os.path.join(decks, "walk.md"), "w", encoding="utf-8") as f:
        f.write(WALK_DECK)
    proc, app = launch(env)
    try:
        check(app is not None, "walk: the app starts")
        window = open_practice(app)
        time.sleep(0.5)

        # Topics: open the list, then Only on the walk's topic.
        check(tab_to(lambda: focused_name(window) == "Topics"), "Tab reaches the topics",
              focused_name(window))
        press(KEY_SPACE)
        check(tab_to(lambda: focused_name(window) == "Only " + WALK_TOPIC),
              "Tab reaches the walk topic's Only button", focused_name(window))
        press(KEY_RETURN)
        # The Topics row then names it, beside the topic's own row.
        check(wait_for(lambda: len(find_all(window, lambda n: role(n) == "label" and n.name == WALK_TOPIC
                                            and on_screen(n), [])) >= 2),
              "one press chooses that topic alone", repr(label_names(window)))
        shoot("walk-setup")

        chord(CODE_ALT, CODE_M)                        # Start _Mock Interview
        first = answer_by_keyboard(window, "Question 1 of 2", "map 2 filter 3 reduce 4", "question 1")
        if first == FIRST:
            asked = answer_by_keyboard(window, "Question 1 of 2 · Follow-up", "then 1 more", "the follow-up")
            check(asked == FOLLOW_UP, "after the first question comes its follow-up", asked)
            shoot("walk-follow-up")
            second = answer_by_keyboard(window, "Question 2 of 2", "second 2", "question 2")
        else:
            second = answer_by_keyboard(window, "Question 2 of 2", "second 2", "question 2")
            asked = answer_by_keyboard(window, "Question 2 of 2 · Follow-up", "then 1 more", "the follow-up")
            check(asked == FOLLOW_UP, "after the first question comes its follow-up", asked)
        FIRST_TYPED[0] = "map 2 filter 3 reduce 4" if first == FIRST else "second 2"
        check({first, second} == {FIRST, SECOND}, "both questions are asked", repr((first, second)))

        check(wait_for(lambda: has_showing_label(window, "Mock Interview Complete")),
              "walk: the summary appears")
        focus_at_summary = focused_name(window)
        press(KEY_SPACE, times=2, after=0.4)
        time.sleep(0.5)
        check(focus_at_summary.startswith("2 questions and 1 follow-up in ") and focused_name(window) == focus_at_summary
              and still_running(window),
              "at the summary, Space pressed twice starts nothing and leaves nothing",
              f"{focus_at_summary!r} then {focused_name(window)!r}")
        for typed in ("map 2 filter 3 reduce 4", "then 1 more", "second 2"):
            check(has_showing_label(window, typed), f"the summary shows the typed answer {typed!r}")
        check(has_showing_label(window, "Follow-up: " + FOLLOW_UP), "the summary lists the follow-up")
        check(re.fullmatch(r"2 questions and 1 follow-up in \d+:\d\d; 1 question to work on\.", focus_at_summary),
              "the summary counts the follow-up its rows show, and a Hard follow-up makes its question one "
              "to work on", focus_at_summary)
        shoot("walk-summary")

        keep = "Keep your answer to “%s” as its note" % FIRST
        check(tab_to(lambda: focused_name(window) == keep), "Tab reaches Keep as Note of the first answer",
              focused_name(window))
        press(KEY_RETURN)
        kept = "Your answer to “%s” is kept as its note" % FIRST
        check(wait_for(lambda: find(window, lambda n: n.name == kept)),
              "Keep as Note says the answer is kept")

        check(tab_to(lambda: focused_name(window) == SECOND), "Tab reaches the second question's row",
              focused_name(window))
        press(KEY_RETURN)
        main = wait_for(lambda: next((w for w in app if w is not None and w.name != "Practice"
                                      and has_showing_label(w, SECOND)), None))
        check(main is not None, "a summary row opens its question in the main window")
    finally:
        stderr = stop(proc)
    criticals = critical_lines(stderr)
    check(not criticals, "walk: the app logs no criticals", "; ".join(criticals[:3]))

    notes = stored_notes(keyfile)
    check("walk-first" in notes and FIRST_TYPED[0] in notes, "the kept answer is the question's note",
          notes[:200])
    reviews = stored_reviews(keyfile)
    grades = {k: v[3] for k, v in reviews.items()}
    check(grades.get("walk-first") == "3" and grades.get("walk-second") == "4",
          "the interview's grades are recorded as reviews", repr(reviews))


if __name__ == "__main__":
    sys.exit(scenario_main({"session": session_scenario, "mock": mock_scenario,
                                        "walk": walk_scenario},
                           "pyprep-practice-", timeout=240))
