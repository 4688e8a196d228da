#!/usr/bin/python3
"""End-to-end test of running code: press Run on a snippet and read the
output panel, edit the snippet so it raises, run it again and read the
traceback and the non-zero status. Drives the real binary with the
keyboard and reads it back through AT-SPI; TAP output.

Run under xvfb-run and dbus-run-session (the README's test command does).
With PYPREP_E2E_SHOTS=DIR it also saves screenshots of the three stages.
"""
import os
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
import pyatspi  # noqa: E402

from test_e2e import find, find_all, role, wait_for  # noqa: E402

QUESTION = "closures"          # its first block is a runnable Python snippet
KEY_TAB = 0xFF09
KEY_SPACE = 0x20
KEY_RETURN = 0xFF0D
# Chords are pressed by X keycode (evdev layout, as Xvfb uses).
CODE_CONTROL, CODE_HOME, CODE_RETURN = 37, 110, 36

results = []


def check(ok, description, detail=""):
    results.append((bool(ok), description, detail))
    if not ok:
        raise AssertionError(f"{description}: {detail}")


def press(keysym):
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    time.sleep(0.1)


def chord(*keycodes):
    for keycode in keycodes:
        pyatspi.Registry.generateKeyboardEvent(keycode, None, pyatspi.KEY_PRESS)
        time.sleep(0.05)
    for keycode in reversed(keycodes):
        pyatspi.Registry.generateKeyboardEvent(keycode, None, pyatspi.KEY_RELEASE)
        time.sleep(0.05)
    time.sleep(0.2)


def type_text(text):
    pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)
    time.sleep(0.3)


def focused(node):
    try:
        return node.getState().contains(pyatspi.STATE_FOCUSED)
    except Exception:
        return False


def showing(node):
    try:
        return node.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def shoot(name):
    shots = os.environ.get("PYPREP_E2E_SHOTS")
    if shots:
        time.sleep(0.5)
        subprocess.run(["import", "-window", "root", os.path.join(shots, name + ".png")], check=False)


def panel_texts(panel):
    return [label.name for label in find_all(panel, lambda n: role(n) == "label", [])
            if showing(label)]


def wait_for_status(app, prefix, timeout=20):
    """The texts of the run panel once its status starts with prefix."""
    def ready():
        panel = find(app, lambda n: n.name == "Run output")
        if panel is None:
            return None
        texts = panel_texts(panel)
        return texts if texts and texts[0].startswith(prefix) else None
    return wait_for(ready, timeout=timeout)


def run():
    binary = os.environ["PYPREP_BIN"]
    config = tempfile.mkdtemp(prefix="pyprep-e2e-run-")
    os.makedirs(os.path.join(config, "glib-2.0", "settings"))
    with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
        f.write(f"[io/github/pyprep/PyPrep]\nlast-question='{QUESTION}'\n"
                f"window-width=1000\nwindow-height={os.environ.get('PYPREP_E2E_HEIGHT', '900')}\n")

    env = dict(os.environ,
               GSETTINGS_BACKEND="keyfile",
               XDG_CONFIG_HOME=config,
               XDG_DATA_HOME=os.path.join(config, "data"),
               GSK_RENDERER="cairo",
               GTK_A11Y="atspi")
    env.pop("NO_AT_BRIDGE", None)
    def find_app():
        return next((a for a in pyatspi.Registry.getDesktop(0)
                     if a is not None and a.name == "pyprep"), None)

    proc = subprocess.Popen([binary], env=env, stderr=subprocess.PIPE, text=True)
    try:
        app = wait_for(find_app, timeout=30)
        if app is None:
            # On a loaded machine the first app of a fresh session bus
            # sometimes never registers with the accessibility bus; that is
            # not what this test is about, so start it once more.
            print("# the app did not register on the accessibility bus; starting it again")
            proc.kill()
            proc.communicate()
            proc = subprocess.Popen([binary], env=env, stderr=subprocess.PIPE, text=True)
            app = wait_for(find_app, timeout=45)
        check(app is not None, "the app appears on the accessibility bus")

        run_button = wait_for(lambda: find(app, lambda n: role(n) == "push button"
                                           and n.name == "Run" and showing(n)), timeout=15)
        check(run_button is not None, "a Python code block has a Run button")
        check(find(app, lambda n: n.name == "Run output") is None,
              "no output panel exists before the first run")
        shoot("run-before")

        # 1. Tab to Run, as a keyboard user would, and press it.
        for _ in range(200):
            if focused(run_button):
                break
            press(KEY_TAB)
        check(focused(run_button), "Run can be reached with Tab")
        press(KEY_SPACE)

        texts = wait_for_status(app, "Finished")
        check(texts is not None, "the run finishes and the panel says so",
              repr(panel_texts(find(app, lambda n: n.name == "Run output") or app)))
        check(any("exit status 0" in t for t in texts), "the panel shows exit status 0", repr(texts))
        check("1 2 101 7" in "\n".join(texts), "the panel shows what the snippet printed", repr(texts))
        check(any(t.startswith("Python 3.") for t in texts),
              "the panel shows the Python version and the protection", repr(texts))
        check("Matches the stated output" in texts, "the run is compared with the stated output",
              repr(texts))
        shoot("run-success")

        # 2. Edit: Tab from Run to Edit, press it; the code gets the focus.
        code = find(app, lambda n: n.name == "Code" and showing(n))
        press(KEY_TAB)
        press(KEY_SPACE)
        check(wait_for(lambda: focused(code), timeout=5), "Edit puts the focus in the code")
        check(wait_for(lambda: code.getState().contains(pyatspi.STATE_EDITABLE), timeout=5),
              "the code becomes editable")
        chord(CODE_CONTROL, CODE_HOME)
        type_text("raise ValueError('boom')")
        press(KEY_RETURN)
        text = code.queryText()
        first_line = text.getText(0, -1).split("\n")[0]
        check(first_line == "raise ValueError('boom')", "the typed line is in the code", repr(first_line))
        check(wait_for(lambda: find(app, lambda n: role(n) == "push button" and n.name == "Reset"
                                    and showing(n)), timeout=5),
              "a changed snippet offers Reset")

        # 3. Run it with Ctrl+Enter from the code and read the traceback.
        chord(CODE_CONTROL, CODE_RETURN)
        texts = wait_for_status(app, "Failed")
        check(texts is not None, "the edited snippet fails")
        check(any("exit status 1" in t for t in texts), "the panel shows exit status 1", repr(texts))
        joined = "\n".join(texts)
        check("Traceback (most recent call last):" in joined and "ValueError: boom" in joined,
              "the panel shows the traceback", repr(texts))
        check('File "snippet.py", line 1' in joined, "the traceback names the snippet's line",
              repr(texts))
        check("Differs from the stated output" in joined, "the changed output is flagged", repr(texts))
        shoot("run-traceback")
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
