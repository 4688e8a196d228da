#!/usr/bin/python3
"""Study state survives a real restart, even a kill -9 one second after
the change, with dconf and with the keyfile fallback. Drives the real
binary through the keyboard and reads it back through AT-SPI; TAP output.

Run under xvfb-run and dbus-run-session (the README's test command does).
"""
import os
import re
import signal
import sys
import time

from atspi_util import (CODE_C, CODE_CONTROL, CODE_D, CODE_R, CODE_SHIFT, KEY_DOWN, KEY_HOME,
                        KEY_RETURN, app_env, check, chord, find, launch, press, question_rows, role,
                        scenario_main, wait_for)



def questions_in_first_topic():
    """How many questions the first topic in the sidebar has, from its deck."""
    decks = []
    content = os.environ["PYPREP_CONTENT_DIR"]
    for entry in os.listdir(content):
        if not entry.endswith(".md") or entry[0].isupper():  # guides, not decks
            continue
        with open(os.path.join(content, entry), encoding="utf-8") as f:
            text = f.read()
        front, _, body = text[4:].partition("\n---\n")
        order = re.search(r"^order:\s*(\d+)", front, re.M)
        decks.append((int(order.group(1)) if order else 1000,
                      len(re.findall(r"^# .*\nid: ", body, re.M))))
    return min(decks)[1]

def scenario(backend):
    # The parent made a fresh home and session bus for this run, so that
    # dconf writes go to the temporary config directory.
    home = os.environ["PYPREP_TEST_HOME"]
    env = app_env()
    env.pop("GSETTINGS_BACKEND", None)
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

        # The counts are on the topics page: back to it, as a user would.
        back = find(app, lambda n: role(n) == "push button" and n.name == "Back to all topics")
        check(back is not None, f"{backend}: the sidebar offers a way back to the topics")
        if back is not None:
            back.queryAction().doAction(0)
        wait_for(lambda: find(app, lambda n: role(n) == "list item" and n.name == "Bookmarked"))

        def smart_count(name):
            row = find(app, lambda n: role(n) == "list item" and n.name == name)
            return row.description if row is not None else None

        check(smart_count("Bookmarked") == "1", f"{backend}: the Bookmarked list counts 1",
              repr(smart_count("Bookmarked")))
        check(smart_count("Needs Review") == "1", f"{backend}: the Needs Review list counts 1",
              repr(smart_count("Needs Review")))
        n_questions = questions_in_first_topic()
        topic = find(app, lambda n: n.description and f"1 confident, 0 learning of {n_questions}" in n.description)
        check(topic is not None, f"{backend}: the topic shows 1 confident of {n_questions}")
    finally:
        proc.terminate()
        proc.communicate(timeout=10)


if __name__ == "__main__":
    sys.exit(scenario_main({backend: lambda backend=backend: scenario(backend)
                            for backend in ("dconf", "keyfile")},
                           "pyprep-persist-", timeout=120))
