#!/usr/bin/python3
"""End-to-end test: drive the real pyprep binary through the accessibility
tree, as a screen reader user would, and report in TAP.

Run under xvfb-run and dbus-run-session (the README's test command does).
"""
import os
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
import pyatspi  # noqa: E402

KEY_HOME, KEY_DOWN, KEY_RETURN = 0xFF50, 0xFF54, 0xFF0D

results = []


def check(ok, description, detail=""):
    results.append((bool(ok), description, detail))
    if not ok:
        raise AssertionError(f"{description}: {detail}")


def wait_for(predicate, timeout=10.0, step=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return None


def find(node, predicate, depth=0):
    if node is None or depth > 60:
        return None
    try:
        if predicate(node):
            return node
        children = list(node)
    except Exception:
        return None
    for child in children:
        found = find(child, predicate, depth + 1)
        if found is not None:
            return found
    return None


def find_all(node, predicate, out, depth=0):
    if node is None or depth > 60:
        return out
    try:
        if predicate(node):
            out.append(node)
        children = list(node)
    except Exception:
        return out
    for child in children:
        find_all(child, predicate, out, depth + 1)
    return out


def role(node):
    return node.getRoleName()


def press(keysym, times=1):
    for _ in range(times):
        pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
        time.sleep(0.08)


def find_app():
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == "pyprep":
            return app
    return None


def item_index_by_name(list_node, name):
    for index, item in enumerate(list_node):
        if find(item, lambda n: n.name == name) is not None:
            return index
    return -1


def first_question_of_first_topic(content_dir):
    """Reads the first deck (by order) the way a user would see it."""
    decks = []
    for entry in sorted(os.listdir(content_dir)):
        if not entry.endswith(".md") or entry == "README.md":
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
    binary = os.environ["PYPREP_BIN"]
    content_dir = os.environ["PYPREP_CONTENT_DIR"]
    topic_title, question_titles = first_question_of_first_topic(content_dir)
    question_title = question_titles[1]

    data_home = tempfile.mkdtemp(prefix="pyprep-e2e-")
    env = dict(os.environ,
               GSETTINGS_BACKEND="memory",
               XDG_DATA_HOME=data_home,
               GSK_RENDERER="cairo",
               GTK_A11Y="atspi")
    env.pop("NO_AT_BRIDGE", None)
    proc = subprocess.Popen([binary], env=env, stderr=subprocess.PIPE, text=True)
    try:
        app = wait_for(find_app, timeout=20)
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
        failed = False
    except AssertionError:
        failed = True
    except Exception as error:  # a broken tree is a failure, not a crash
        results.append((False, "the accessibility tree can be walked", repr(error)))
        failed = True
    print(f"1..{len(results)}")
    for number, (ok, description, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {number} - {description}")
        if detail and not ok:
            print(f"# {detail}")
    return 1 if failed or not all(ok for ok, _, _ in results) else 0


if __name__ == "__main__":
    sys.exit(main())
