"""What the AT-SPI end-to-end tests share: starting the real binary and
finding it on the accessibility bus, walking the tree, pressing keys and
chords, the test results and their TAP output, and running a scenario in a
child under its own session bus.

The tests import it as a plain module: meson sets PYTHONPATH to this folder.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
import pyatspi  # noqa: E402

# Keys pressed by keysym.
KEY_SPACE, KEY_1, KEY_2, KEY_3, KEY_4 = 0x20, 0x31, 0x32, 0x33, 0x34
KEY_TAB, KEY_RETURN, KEY_ESCAPE = 0xFF09, 0xFF0D, 0xFF1B
KEY_HOME, KEY_LEFT, KEY_UP, KEY_DOWN = 0xFF50, 0xFF51, 0xFF52, 0xFF54
KEY_F10 = 0xFFC7

# Chords are pressed by X keycode (evdev layout, as Xvfb uses).
CODE_CONTROL, CODE_SHIFT, CODE_ALT = 37, 50, 64
CODE_TAB, CODE_RETURN, CODE_HOME = 23, 36, 110
CODE_Q, CODE_R, CODE_P, CODE_D, CODE_F = 24, 27, 33, 40, 41
CODE_I, CODE_C, CODE_M, CODE_COMMA = 31, 54, 58, 59

results = []


def check(ok, description, detail=""):
    results.append((bool(ok), description, detail))
    if not ok:
        raise AssertionError(f"{description}: {detail}")


def use_session_a11y_bus(required=True):
    """Names this session's accessibility bus. libatspi would otherwise
    take the bus named on the X root window, which may belong to an outer
    session. Unless required, a failure leaves the default in place."""
    try:
        reply = subprocess.run(["gdbus", "call", "--session", "--dest", "org.a11y.Bus",
                                "--object-path", "/org/a11y/bus",
                                "--method", "org.a11y.Bus.GetAddress"],
                               stdout=subprocess.PIPE, text=True, check=True).stdout
        os.environ["AT_SPI_BUS_ADDRESS"] = reply.split("'")[1]
    except (OSError, subprocess.CalledProcessError, IndexError):
        if required:
            raise


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


# Newer at-spi2-core (2.56, Debian 13) names the push-button role "button";
# the tests use the name Debian 12's 2.46 reports.
RENAMED_ROLES = {"button": "push button"}


def role(node):
    name = node.getRoleName()
    return RENAMED_ROLES.get(name, name)


def text_of(node):
    try:
        return (node.name or "").strip() or node.queryText().getText(0, -1).strip()
    except Exception:
        return ""


def spoken_name(node):
    """What a screen reader says for @node: its accessible name or, where
    it has none of its own, the text of what labels it (GTK 4.18's menu
    items are labelled by their label through a relation) or of the
    labels inside it."""
    name = (node.name or "").strip()
    if name:
        return name
    try:
        for relation in node.getRelationSet():
            if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
                texts = [text_of(relation.getTarget(i)) for i in range(relation.getNTargets())]
                if any(texts):
                    return " ".join(t for t in texts if t)
    except Exception:
        pass
    labels = find_all(node, lambda n: role(n) == "label" and n.name, [])
    return " ".join(label.name for label in labels)


def find_app():
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == "pyprep":
            return app
    return None


def press(keysym, times=1, after=0.08):
    for _ in range(times):
        pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
        time.sleep(after)


def chord(*keycodes, after=0.2):
    for keycode in keycodes:
        pyatspi.Registry.generateKeyboardEvent(keycode, None, pyatspi.KEY_PRESS)
        time.sleep(0.05)
    for keycode in reversed(keycodes):
        pyatspi.Registry.generateKeyboardEvent(keycode, None, pyatspi.KEY_RELEASE)
        time.sleep(0.05)
    time.sleep(after)


def type_text(text, after=0.3):
    pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)
    time.sleep(after)


def shoot(name):
    """With PYPREP_E2E_SHOTS=DIR, saves the screen as DIR/name.png."""
    shots = os.environ.get("PYPREP_E2E_SHOTS")
    if shots:
        time.sleep(0.5)
        subprocess.run(["import", "-window", "root", os.path.join(shots, name + ".png")], check=False)


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


def question_rows(app):
    """(description, label names) of each row of the question list."""
    questions = wait_for(lambda: (lambda q: q if q is not None and q.childCount > 1 else None)(
        find(app, lambda n: role(n) == "list" and n.name == "Questions")))
    if questions is None:
        return []
    rows = []
    for item in questions:
        panel = find(item, lambda n: n.name and role(n) != "label")
        labels = find_all(item, lambda n: role(n) == "label", [])
        rows.append((panel.description if panel is not None else "",
                     [label.name for label in labels]))
    return rows


def app_env(**settings):
    """os.environ with the given variables, software rendering and the
    accessibility bridge on."""
    env = dict(os.environ, GSK_RENDERER="cairo", **settings)
    env.pop("NO_AT_BRIDGE", None)
    return env


def launch(env, timeout=45):
    """Starts PYPREP_BIN; returns the process and its accessible app (None
    if it never appeared).

    On a loaded machine the first app of a fresh session bus sometimes never
    registers with the accessibility bus. That is not what any test is
    about, so an app that does not appear is started once more."""
    for attempt in range(2):
        proc = subprocess.Popen([os.environ["PYPREP_BIN"]], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            app = wait_for(find_app, timeout=timeout)
        except BaseException:
            stop(proc)
            raise
        if app is not None:
            return proc, app
        status = proc.poll()
        stderr = stop(proc)
        if attempt == 1:
            # Why, for the log: the scenario's own output is not kept.
            state = "still running" if status is None else f"exit status {status}"
            results.append((False, "the app registers on the accessibility bus",
                            f"{state}; stderr: {stderr[-400:]!r}"))
            return proc, None
        print("# the app did not register on the accessibility bus; starting it again")


def stop(proc, timeout=10):
    """Ends the app; returns what it wrote to stderr (again, if it was
    stopped before)."""
    if hasattr(proc, "stopped_stderr"):
        return proc.stopped_stderr
    proc.terminate()
    try:
        _, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, stderr = proc.communicate()
    proc.stopped_stderr = stderr
    return stderr


def critical_lines(stderr):
    return [line for line in stderr.splitlines() if "CRITICAL" in line]


def stop_and_record(proc):
    """Ends the app and records, without raising, whether it logged a
    critical."""
    criticals = critical_lines(stop(proc, timeout=5))
    results.append((not criticals, "the app logs no criticals", "; ".join(criticals[:3])))


def print_tap():
    """Prints the results as TAP; returns the exit status."""
    print(f"1..{len(results)}")
    for number, (ok, description, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {number} - {description}")
        if detail and not ok:
            print(f"# {detail}")
    return 0 if results and all(ok for ok, _, _ in results) else 1


def main(run):
    """Runs a test in this process and prints its TAP."""
    try:
        run()
    except AssertionError:
        pass
    except Exception as error:  # a broken tree is a failure, not a crash
        results.append((False, "the accessibility tree can be walked", repr(error)))
    return print_tap()


def scenario_main(scenarios, home_prefix, timeout):
    """Runs each scenario (name -> function; a single one may be named
    None) in a child with a fresh home and its own session bus, collects
    the results it prints as JSON, and prints them all as TAP."""
    if len(sys.argv) >= 2 and sys.argv[1] == "--scenario":
        name = sys.argv[2] if len(sys.argv) == 3 else None
        use_session_a11y_bus()
        label = f"{name}: " if name else ""
        try:
            scenarios[name]()
        except AssertionError:
            pass
        except Exception as error:
            results.append((False, f"{label}the scenario runs", repr(error)))
        print(json.dumps(results))
        return 0

    for name in scenarios:
        label = f"{name}: " if name else ""
        home = tempfile.mkdtemp(prefix=home_prefix + (f"{name}-" if name else ""))
        env = dict(os.environ,
                   PYPREP_TEST_HOME=home,
                   XDG_CONFIG_HOME=os.path.join(home, "config"),
                   XDG_DATA_HOME=os.path.join(home, "data"),
                   XDG_CACHE_HOME=os.path.join(home, "cache"))
        child = subprocess.run(["dbus-run-session", "--", sys.executable,
                                os.path.abspath(sys.argv[0]), "--scenario"]
                               + ([name] if name else []),
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True, timeout=timeout)
        lines = [line for line in child.stdout.splitlines() if line.startswith("[")]
        if lines:
            results.extend(tuple(result) for result in json.loads(lines[-1]))
        else:
            results.append((False, f"{label}the scenario reports", child.stdout[-500:]))
    return print_tap()
