#!/usr/bin/python3
"""End-to-end test of an exercise, keyboard only: open the LRU cache
question, Tab to Try It Yourself, type a wrong solution and run the tests
(the results name the failures and their values), kill the app with
SIGKILL and start it again (the code is still there), then type a right
solution and submit: every test passes, the proposed grade is Good, and
3 confirms it. Drives the real binary and reads it back through AT-SPI;
TAP output.

Run under xvfb-run and dbus-run-session (the README's test command does).
With PYPREP_E2E_SHOTS=DIR it also saves screenshots of the stages.
"""
import os
import signal
import sys
import tempfile
import time

from atspi_util import (CODE_CONTROL, CODE_RETURN, CODE_SHIFT, KEY_3, KEY_RETURN, KEY_SPACE,
                        KEY_TAB, app_env, check, chord, find, find_all, focused, launch, main,
                        role, shoot, showing, stop_and_record, type_text, wait_for)
import atspi_util

QUESTION = "lru-cache-by-hand"
CODE_A = 38

# One statement per line, so that the editor's indenting has nothing to do.
WRONG = [
    "from collections import OrderedDict",
    "def _init(s, c): s.c = c; s.d = OrderedDict()",
    "def _get(s, k): return s.d.get(k)",
    "def _put(s, k, v): s.d[k] = v; len(s.d) > s.c and s.d.popitem(last=False)",
    "LRUCache = type('LRUCache', (), {'__init__': _init, 'get': _get, 'put': _put})",
]
RIGHT = [
    "from collections import OrderedDict",
    "def _init(s, c): s.c = c; s.d = OrderedDict()",
    "def _get(s, k): return (s.d.move_to_end(k) or s.d[k]) if k in s.d else -1",
    "def _put(s, k, v): s.d[k] = v; s.d.move_to_end(k); len(s.d) > s.c and s.d.popitem(last=False)",
    "LRUCache = type('LRUCache', (), {'__init__': _init, 'get': _get, 'put': _put})",
]


def press(keysym):
    atspi_util.press(keysym, after=0.1)


def labels(app):
    return [n.name for n in find_all(app, lambda n: role(n) == "label" and showing(n), [])]


def has_label(app, prefix):
    return any(name.startswith(prefix) for name in labels(app))


def editor_text(editor):
    return editor.queryText().getText(0, -1)


def open_exercise(app):
    """Tabs to Try It Yourself and presses it; returns the editor."""
    button = wait_for(lambda: find(app, lambda n: role(n) == "push button"
                                   and n.name == "Try It Yourself" and showing(n)), timeout=20)
    check(button is not None, "the question offers Try It Yourself")
    for _ in range(200):
        if focused(button):
            break
        press(KEY_TAB)
    check(focused(button), "Try It Yourself can be reached with Tab")
    press(KEY_SPACE)
    editor = wait_for(lambda: find(app, lambda n: n.name == "Your code" and showing(n)), timeout=10)
    check(editor is not None, "the exercise's editor appears")
    check(wait_for(lambda: focused(editor), timeout=5), "the editor has the focus")
    check(not has_label(app, "Short answer"), "the answer is hidden while the exercise is open")
    return editor


def type_code(lines):
    chord(CODE_CONTROL, CODE_A)
    for number, line in enumerate(lines):
        if number > 0:
            press(KEY_RETURN)
        type_text(line, after=0.2)


def run():
    config = tempfile.mkdtemp(prefix="pyprep-e2e-exercise-")
    data = os.path.join(config, "data")
    os.makedirs(os.path.join(config, "glib-2.0", "settings"))
    with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
        f.write(f"[io/github/pyprep/PyPrep]\nlast-question='{QUESTION}'\n"
                "window-width=1000\nwindow-height=900\n")
    env = app_env(GSETTINGS_BACKEND="keyfile", XDG_CONFIG_HOME=config, XDG_DATA_HOME=data,
                  GTK_A11Y="atspi")

    # 1. A wrong solution, run: the failures say what was compared.
    proc, app = launch(env)
    check(app is not None, "the app appears on the accessibility bus")
    editor = open_exercise(app)
    shoot("exercise-open")
    type_code(WRONG)
    typed = editor_text(editor)
    check(typed.rstrip("\n").split("\n") == WRONG, "the typed code is in the editor", repr(typed))
    chord(CODE_CONTROL, CODE_RETURN)
    check(wait_for(lambda: has_label(app, "1 of 3 passed"), timeout=30),
          "Ctrl+Enter runs the visible tests: 1 of 3 passed", repr(labels(app)))
    results = find(app, lambda n: n.name == "Test Results")
    check(results is not None, "the results are a list named Test Results")
    names = labels(results) if results is not None else []
    check(any(n.startswith('Failed: assert LRUCache(2).get("nope") == -1') for n in names),
          "a failure names the assertion", repr(names))
    check("missing key is minus one" in names, "each test is named in words", repr(names))
    shoot("exercise-failing")

    # 2. Killed while editing: the code comes back.
    time.sleep(1.5)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    proc, app = launch(env)
    check(app is not None, "the app starts again after SIGKILL")
    editor = open_exercise(app)
    restored = editor_text(editor)
    check(restored.rstrip("\n").split("\n") == WRONG, "the code typed before the kill is restored",
          repr(restored))

    # 3. Fixed and submitted: every test passes; Good is proposed, 3 confirms.
    type_code(RIGHT)
    chord(CODE_CONTROL, CODE_SHIFT, CODE_RETURN)
    check(wait_for(lambda: has_label(app, "All 7 tests passed"), timeout=30),
          "Ctrl+Shift+Enter submits: all 7 tests pass", repr(labels(app)))
    check(has_label(app, "Solved on the first submit, without a hint. Proposed grade: Good."),
          "the proposed grade is Good, with the reason", repr(labels(app)))
    good = find(app, lambda n: role(n) == "push button" and n.name == "Good" and showing(n))
    check(good is not None and focused(good), "the proposed grade has the focus")
    shoot("exercise-passing")
    press(KEY_3)
    check(wait_for(lambda: has_label(app, "Graded Good."), timeout=5), "3 confirms Good",
          repr(labels(app)))
    answer = wait_for(lambda: find(app, lambda n: role(n) == "push button"
                                   and n.name == "Show Answer" and showing(n)), timeout=5)
    check(answer is not None and focused(answer), "Show Answer follows, with the focus",
          repr([(n.name, focused(n)) for n in find_all(app, lambda n: role(n) == "push button"
                                                        and showing(n), [])]))
    press(KEY_SPACE)
    check(wait_for(lambda: has_label(app, "Short answer"), timeout=10),
          "Show Answer brings the answer back")
    time.sleep(0.5)
    stop_and_record(proc)

    with open(os.path.join(config, "glib-2.0", "settings", "keyfile")) as f:
        stored = f.read()
    check(f"exercise:{QUESTION}" in stored, "the grade is stored on the exercise's own card")


if __name__ == "__main__":
    sys.exit(main(run))
