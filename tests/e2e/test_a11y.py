#!/usr/bin/python3
"""Accessibility end-to-end test: walks the whole accessibility tree of
the running app (the main window, with a question open, with the search
and its scope menu open, the primary menu, and the Preferences window)
and fails on any control a screen reader could not name; then records
where the keyboard focus goes as Tab and the arrow keys are pressed, and
checks that the sidebar, the search results, the answer and every button
on the question page are reached, in reading order. TAP output.

Run under xvfb-run and dbus-run-session (the README's test command does).
"""
import re
import sys
import tempfile
import time

from gi.repository import GLib

import pyatspi
from atspi_util import (CODE_COMMA, CODE_CONTROL, CODE_F, CODE_SHIFT, CODE_TAB, KEY_DOWN,
                        KEY_ESCAPE, KEY_F10, KEY_HOME, KEY_RETURN, KEY_TAB, KEY_UP, app_env, check,
                        find, find_all, launch, main, role, stop_and_record, use_session_a11y_bus,
                        wait_for)
import atspi_util

# Controls a person operates: each must have a name.
NAMED_ROLES = {
    "push button", "toggle button", "check box", "radio button", "entry",
    "password text", "combo box", "menu item", "check menu item",
    "radio menu item", "list item", "spin button", "switch", "slider",
    "link", "page tab", "tree item",
}

# A question with runnable code and links to related questions.
CODE_QUESTION = "How does pymalloc, the small-object allocator, work?"

def pump(seconds):
    """Lets AT-SPI events arrive while waiting."""
    context = GLib.MainContext.default()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        while context.iteration(False):
            pass
        time.sleep(0.02)


class Focus:
    """Follows the keyboard focus through AT-SPI focus events."""

    def __init__(self):
        self.node = None
        pyatspi.Registry.registerEventListener(self._changed, "object:state-changed:focused")

    def _changed(self, event):
        if event.detail1 == 1:
            self.node = event.source

    def describe(self):
        try:
            return f"{role(self.node)} “{self.node.name}”"
        except Exception:
            return "nothing"


def key(keysym, times=1):
    for _ in range(times):
        pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
        pump(0.25)


def move_focus(focus, keysym, timeout=2.0):
    """Presses @keysym and waits until the focus event it causes arrives,
    so that the next key is not pressed on a row the test has not seen
    yet (GTK 4.18 reports focus later than 4.8 did)."""
    before = focus.node
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    deadline = time.monotonic() + timeout
    while focus.node is before and time.monotonic() < deadline:
        pump(0.05)
    pump(0.1)


def chord(*keycodes):
    atspi_util.chord(*keycodes, after=0)
    pump(0.4)


def type_text(text):
    atspi_util.type_text(text, after=0)
    pump(0.6)


def is_scope_button(node):
    """The scope menu button, or the button GTK puts inside it."""
    try:
        return node.name.startswith("Search in") or node.parent.name.startswith("Search in")
    except Exception:
        return False


def path_of(node):
    parts = []
    while node is not None:
        try:
            parts.append(f"{role(node)}[{node.name}]")
            node = node.parent
        except Exception:
            break
    return " > ".join(reversed(parts))


def unnamed_controls(root):
    """Every control under @root without an accessible name, as paths."""
    bad = []

    def needs_name(node):
        # Hidden widgets (libadwaita's unused view switchers and search
        # entries) reach no one; everything that can be shown counts.
        if not node.getState().contains(pyatspi.STATE_VISIBLE):
            return False
        kind = role(node)
        if kind in NAMED_ROLES:
            return True
        return kind == "text" and node.getState().contains(pyatspi.STATE_EDITABLE)

    def unnamed(node):
        # GTK 4.8 falls back to the widget's type name ("GtkButton").
        name = atspi_util.spoken_name(node)
        return not name or re.fullmatch(r"(Gtk|Adw|Pyprep)[A-Z]\w*", name) is not None

    for node in find_all(root, lambda n: needs_name(n) and unnamed(n), []):
        bad.append(path_of(node))
    return bad


def count_controls(root):
    return len(find_all(root, lambda n: role(n) in NAMED_ROLES, []))


def walk(root, what):
    bad = unnamed_controls(root)
    n = count_controls(root)
    check(n > 0, f"{what}: the tree has controls", "none found")
    check(not bad, f"{what}: all {n} controls have a name",
          "unnamed: " + "; ".join(bad[:8]))


def frames(app):
    return [child for child in app if child is not None and role(child) in ("frame", "dialog", "window")]


def run():
    data_home = tempfile.mkdtemp(prefix="pyprep-a11y-")
    env = app_env(GSETTINGS_BACKEND="memory", XDG_DATA_HOME=data_home,
                  XDG_CONFIG_HOME=data_home, GTK_A11Y="atspi")
    proc, app = launch(env, timeout=30)
    try:
        check(app is not None, "the app appears on the accessibility bus")
        focus = Focus()
        window = wait_for(lambda: find(app, lambda n: role(n) == "frame" and n.name == "PyPrep"))
        check(window is not None, "the main window is found")
        wait_for(lambda: find(window, lambda n: role(n) == "list" and n.name == "Topics"))
        pump(1.0)

        # 1. The main window as it starts.
        walk(window, "main window")

        # 2. Keyboard only: a topic, then the question with code.
        key(KEY_HOME)
        key(KEY_RETURN)
        questions = wait_for(lambda: find(window, lambda n: role(n) == "list" and n.name == "Questions"
                                          and n.childCount > 0))
        check(questions is not None, "Return on a topic lists its questions")
        check(focus.node is not None and role(focus.node) == "list item"
              and role(focus.node.parent) == "list" and focus.node.parent.name == "Questions",
              "the focus moves to the question list", focus.describe())
        # The answer's heading, not the sidebar's "Continue" row that names it too.
        def answer_title():
            return find(window, lambda n: role(n) == "label" and n.name == CODE_QUESTION
                        and "list item[" not in path_of(n))

        # Down moves the selection, and the answer follows it. GTK 4.8 is
        # different: there the arrow keys move the focus through the list,
        # and moving off the row and back selects it.
        title = None
        if app.toolkitVersion.startswith("4.8."):
            for _ in range(30):
                if focus.node is not None and focus.node.name == CODE_QUESTION:
                    break
                move_focus(focus, KEY_DOWN)
            move_focus(focus, KEY_UP)
            move_focus(focus, KEY_DOWN)
            title = wait_for(answer_title)
        else:
            for _ in range(30):
                title = wait_for(answer_title, timeout=0.5)
                if title is not None:
                    break
                move_focus(focus, KEY_DOWN)
        check(focus.node is not None and focus.node.name == CODE_QUESTION,
              f"the arrow keys reach “{CODE_QUESTION}”", focus.describe())
        check(title is not None, "the answer opens as the selection moves")
        pump(0.5)
        walk(window, "with a question open")

        # 3. Tab from the list through the question page, in order.
        order = []
        for _ in range(250):
            key(KEY_TAB)
            node = focus.node
            if node is None:
                continue
            order.append(node)
            if node.name in ("Search", "Main menu", "Back to all topics") or (
                    role(node) == "list item" and node.parent.name == "Questions"):
                break
        names = [n.name for n in order]
        check(names[:3] == ["Confident", "Needs review", "Bookmark"],
              "Tab leaves the list for the question's buttons", ", ".join(names[:5]))
        check(len(names) > 3 and names[3] == CODE_QUESTION, "then the answer, from its title",
              ", ".join(names[:6]))

        page = title.parent
        while page is not None and find(page, lambda n: role(n) == "text" and n.name == "Your Notes") is None:
            page = page.parent
        check(page is not None, "the question page holds the answer and the notes")
        def reachable(n):
            states = n.getState()
            return (states.contains(pyatspi.STATE_FOCUSABLE) and states.contains(pyatspi.STATE_VISIBLE)
                    and states.contains(pyatspi.STATE_SENSITIVE) and role(n) != "scroll pane")

        # Everything on the page that takes the focus, in tree (reading) order.
        stops = find_all(page, reachable, [])
        buttons = [n for n in stops if role(n) in ("push button", "toggle button")]
        check(any(b.name == "Copy code" for b in buttons), "the answer has code to copy",
              ", ".join(f"{role(n)} {n.name}" for n in stops))
        reached = [n for n in order if any(n == stop for stop in stops)]
        missing = [f"{role(n)} “{n.name[:40]}”" for n in stops if not any(n == r for r in reached)]
        check(not missing, f"Tab reaches all {len(stops)} stops on the question page, "
              f"its {len(buttons)} buttons among them", "missed: " + ", ".join(missing))
        positions = [next(i for i, stop in enumerate(stops) if stop == n) for n in reached]
        check(positions == sorted(positions), "in reading order, top to bottom",
              " → ".join(n.name[:30] for n in reached))
        notes = [i for i, n in enumerate(order) if role(n) == "text" and n.name == "Your Notes"]
        check(notes and notes[0] > names.index(CODE_QUESTION), "the notes field comes after the answer")
        check(order[-1].name in ("Search", "Main menu", "Back to all topics") or role(order[-1]) == "list item",
              "Tab at the end of the page comes back round to the sidebar", focus.describe())

        # 4. Typing while a sidebar list has the focus starts a search.
        for _ in range(6):
            if focus.node is not None and role(focus.node) == "list item":
                break
            key(KEY_TAB)
        check(focus.node is not None and role(focus.node) == "list item",
              "Tab comes round to the sidebar's list", focus.describe())
        type_text("gil")
        check(focus.node is not None and role(focus.node) == "entry",
              "typing in the sidebar moves to the search entry", focus.describe())
        results_list = wait_for(lambda: find(window, lambda n: role(n) == "list" and n.name == "Search results"
                                             and n.childCount > 0))
        check(results_list is not None, "typing shows the search results")
        check("GIL" in results_list[0].name, "for what was typed: the GIL question comes first",
              results_list[0].name)
        key(KEY_DOWN)
        check(is_scope_button(focus.node), "Down from the entry reaches the scope button", focus.describe())
        key(KEY_DOWN)
        check(focus.node is not None and role(focus.node) == "list item"
              and focus.node.parent.name == "Search results",
              "then the results", focus.describe())
        first_result = focus.node.name
        key(KEY_DOWN)
        check(focus.node is not None and focus.node.name != first_result
              and focus.node.parent.name == "Search results",
              "Down moves through the results", focus.describe())
        walk(window, "with the search open")

        # The scope menu: Shift+Tab back to its button, Return opens it.
        chord(CODE_SHIFT, CODE_TAB)
        check(is_scope_button(focus.node), "Shift+Tab goes back to the scope button", focus.describe())
        key(KEY_RETURN)

        def scope_items():
            items = find_all(app, lambda n: role(n) in ("menu item", "radio menu item",
                                                        "check menu item"), [])
            return {atspi_util.spoken_name(n).replace("_", "") for n in items} - {""} or None

        scope_names = wait_for(scope_items, timeout=5) or set()
        check({"All Questions", "Bookmarked", "Needs Review", "Current Topic"} <= scope_names,
              "the scope menu offers all, bookmarked, needs review and the current topic",
              ", ".join(sorted(scope_names)))
        walk(app, "with the scope menu open")
        key(KEY_ESCAPE)

        # Ctrl+F comes back to the search entry from anywhere.
        key(KEY_TAB)
        chord(CODE_CONTROL, CODE_F)
        check(focus.node is not None and role(focus.node) == "entry", "Ctrl+F focuses the search entry",
              focus.describe())
        key(KEY_ESCAPE)

        # 5. The primary menu (F10).
        key(KEY_F10)
        item_names = wait_for(scope_items, timeout=5) or set()
        check({"Preferences", "Keyboard Shortcuts", "Help", "About PyPrep"} <= item_names,
              "the primary menu holds Preferences, Keyboard Shortcuts, Help and About PyPrep",
              ", ".join(sorted(item_names)))
        walk(app, "with the primary menu open")
        key(KEY_ESCAPE)

        # 6. The Preferences window (Ctrl+comma).
        chord(CODE_CONTROL, CODE_COMMA)
        prefs = wait_for(lambda: next((f for f in frames(app) if f.name == "Preferences"), None))
        check(prefs is not None, "Ctrl+comma opens the Preferences window",
              ", ".join(f"{role(f)} {f.name}" for f in frames(app)))
        pump(0.5)
        walk(prefs, "Preferences window")
        switches = find_all(prefs, lambda n: role(n) in ("switch", "toggle button", "check box"), [])
        check(len(switches) >= 2, "Preferences has its switches", str(len(switches)))
        key(KEY_ESCAPE)
        pump(0.5)

        # 7. About, from the last item of the primary menu.
        key(KEY_F10)
        pump(0.5)
        key(KEY_UP)
        key(KEY_RETURN)
        about = wait_for(lambda: next((f for f in frames(app) if f.name and "About" in f.name), None))
        check(about is not None, "About PyPrep opens from the primary menu",
              ", ".join(f"{role(f)} {f.name}" for f in frames(app)))
        pump(0.5)
        walk(about, "About window")
        check(find(about, lambda n: n.name == "0.1.0") is not None, "About shows the version")
        key(KEY_ESCAPE)
    finally:
        stop_and_record(proc)


if __name__ == "__main__":
    use_session_a11y_bus(required=False)
    sys.exit(main(run))
