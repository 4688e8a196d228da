#!/usr/bin/python3
"""End-to-end test: drive the real pyprep binary through the accessibility
tree, as a screen reader user would, and report in TAP.

Run under xvfb-run and dbus-run-session (the README's test command does).
"""
import os
import sys
import tempfile

from atspi_util import (CODE_CONTROL, KEY_DOWN, KEY_HOME, KEY_RETURN, KEY_TAB, app_env, check, chord,
                        find, find_all, focused, launch, main, press, role, stop_and_record, wait_for)

CODE_PAGE_DOWN = 117  # X keycode, evdev layout


def item_index_by_name(list_node, name):
    for index, item in enumerate(list_node):
        if find(item, lambda n: n.name == name) is not None:
            return index
    return -1


def first_question_of_first_topic(content_dir):
    """Reads the first deck (by order) the way a user would see it."""
    decks = []
    for entry in sorted(os.listdir(content_dir)):
        # Guides (README.md, WRITING.md, AUDIT.md) start with a capital.
        if not entry.endswith(".md") or entry[0].isupper():
            continue
        with open(os.path.join(content_dir, entry), encoding="utf-8") as f:
            lines = f.read().split("\n")
        meta = {}
        for line in lines[1:]:
            if line == "---":
                break
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
        fence = False
        titles = []
        for line in lines:
            if line.startswith("```"):
                fence = not fence
            elif not fence and line.startswith("# "):
                titles.append(line[2:].strip())
        decks.append((int(meta.get("order", 1000)), meta["title"], titles))
    decks.sort()
    return decks[0][1], decks[0][2]


def run():
    content_dir = os.environ["PYPREP_CONTENT_DIR"]
    topic_title, question_titles = first_question_of_first_topic(content_dir)
    question_title = question_titles[1]

    data_home = tempfile.mkdtemp(prefix="pyprep-e2e-")
    env = app_env(GSETTINGS_BACKEND="memory", XDG_DATA_HOME=data_home, GTK_A11Y="atspi")
    proc, app = launch(env, timeout=20)
    try:
        check(app is not None, "the app appears on the accessibility bus")

        topics = wait_for(lambda: find(app, lambda n: role(n) == "list" and n.name == "Topics"))
        check(topics is not None, "the topic list is found by its accessible name")
        check(topics.childCount >= 1, "the topic list has topics", f"{topics.childCount}")

        index = item_index_by_name(topics, topic_title)
        check(index >= 0, f"topic “{topic_title}” is listed")

        # Select the topic with the keyboard, as a screen reader user does.
        press(KEY_HOME)
        press(KEY_DOWN, index)
        press(KEY_RETURN)

        questions = wait_for(lambda: (lambda q: q if q is not None and q.childCount > 0 else None)(
            find(app, lambda n: role(n) == "list" and n.name == "Questions")))
        check(questions is not None, "choosing the topic lists its questions")

        q_index = wait_for(lambda: (lambda i: i + 1 if i >= 0 else None)(
            item_index_by_name(questions, question_title)))
        check(q_index is not None, f"question “{question_title}” is listed")
        q_index -= 1

        press(KEY_HOME)
        press(KEY_DOWN, q_index)

        def title_label():
            return find(app, lambda n: role(n) == "label" and n.name == question_title
                        and find(n.parent, lambda m: m.name == "Short answer") is not None)

        heading = wait_for(title_label, timeout=10)
        check(heading is not None, "the question page shows the question title")

        labels = find_all(heading.parent, lambda n: role(n) == "label", [])
        texts = [label.name for label in labels]
        answer = "\n".join(texts)
        check("Short answer" in texts, "the answer has its Short answer section")
        check(len(answer) > 400, "the answer text can be read", f"{len(answer)} characters")

        copy = find(heading.parent, lambda n: role(n) == "push button" and n.name == "Copy code")
        check(copy is not None, "code blocks expose a named Copy button")

        # Ctrl+Page Down moves to the next question from the answer too,
        # not only from the list (whose scrolled window would take it).
        # Past the header's buttons, into the answer's text.
        in_answer = None
        for _ in range(8):
            press(KEY_TAB, after=0.2)
            in_answer = find(heading.parent, focused)
            if in_answer is not None:
                break
        check(in_answer is not None, "Tab moves the focus into the answer")
        chord(CODE_CONTROL, CODE_PAGE_DOWN)
        next_title = question_titles[2]
        next_heading = wait_for(lambda: find(app, lambda n: role(n) == "label" and n.name == next_title
                                             and find(n.parent, lambda m: m.name == "Short answer")
                                             is not None),
                                timeout=10)
        check(next_heading is not None, "Ctrl+Page Down in the answer opens the next question",
              f"expected “{next_title}”")
    finally:
        stop_and_record(proc)


if __name__ == "__main__":
    sys.exit(main(run))
