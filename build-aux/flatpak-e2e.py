#!/usr/bin/python3
"""Runs the installed PyPrep Flatpak three times, the way a user would
(with flatpak run, then through D-Bus activation as GNOME Shell starts it,
then with flatpak run again), and checks through AT-SPI that (1) its window
appears, (2) a bookmark made in the first run is still there in the second
(inside the sandbox the settings go through GLib's keyfile backend in
~/.var/app) and (3) Run works inside the sandbox: a snippet runs with the
runtime's python3, the panel shows its output, exit status 0 and "Flatpak
sandbox, no network", and an edited snippet finds no network: only the
loopback interface, and the address the host just reached is unreachable.
A fourth start after flatpak override --share=network checks that the
panel then says the sandbox has network access.
TAP output; what the panel showed is printed as # comments.

Called by build-aux/flatpak-ci.sh under xvfb-run and dbus-run-session,
with FLATPAK_USER_DIR naming the installation and HOME a fresh folder.
"""
import errno
import os
import socket
import subprocess
import sys
import time
import urllib.parse

from atspi_util import (CODE_CONTROL, CODE_D, CODE_HOME, CODE_Q, CODE_RETURN, KEY_HOME, KEY_RETURN,
                        KEY_SPACE, KEY_TAB, check, chord, find, find_app, focused, press,
                        print_tap, question_rows, results, role, showing, type_text,
                        use_session_a11y_bus, wait_for)
import pyatspi
from test_run_code import panel_texts

APP_ID = "io.github.pyprep.PyPrep"
RUN_QUESTION = "closures"       # its first block is a runnable Python snippet
notes = []


def launch():
    proc = subprocess.Popen(["flatpak", "run", "--env=GSK_RENDERER=cairo", APP_ID],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return proc, wait_for(find_app, timeout=60)


def activate():
    """Starts the app the way GNOME Shell does for a DBusActivatable
    desktop file: the session bus runs the service file that flatpak
    exported, and the app gets org.freedesktop.Application.Activate."""
    call = subprocess.run(["gdbus", "call", "--session", "--dest", APP_ID,
                           "--object-path", "/" + APP_ID.replace(".", "/"),
                           "--method", "org.freedesktop.Application.Activate", "{}"],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          timeout=90)
    return call, wait_for(find_app, timeout=60)


def quit_app(proc):
    chord(CODE_CONTROL, CODE_Q)
    if proc is None:  # D-Bus activated: wait for it to leave the desktop
        return "" if wait_for(lambda: find_app() is None, timeout=20) else "still running"
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.terminate()
        proc.wait(timeout=10)
    return proc.stderr.read()


def app_stopped():
    """The sandbox is gone, so the app can no longer write its settings."""
    listing = subprocess.run(["flatpak", "ps", "--columns=application"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return APP_ID not in listing.stdout


def open_question_next_time(keyfile, question):
    """Makes the next start open QUESTION, as if the user had read it last."""
    with open(keyfile, encoding="utf-8") as stream:
        lines = [line for line in stream.read().splitlines()
                 if not line.startswith("last-question=")]
    group = "[io/github/pyprep/PyPrep]"
    if group not in lines:
        lines.append(group)
    lines.insert(lines.index(group) + 1, f"last-question='{question}'")
    with open(keyfile, "w", encoding="utf-8") as stream:
        stream.write("\n".join(lines) + "\n")


def reachable_address():
    """An address the host can connect to (the Debian mirror the build
    used), so that failing to reach it from a snippet means the sandbox
    has no network, not that there is none at all."""
    mirror = os.environ.get("DEBIAN_MIRROR", "http://deb.debian.org/debian")
    host = urllib.parse.urlsplit(mirror).hostname or "deb.debian.org"
    try:
        address = socket.getaddrinfo(host, 80, socket.AF_INET, socket.SOCK_STREAM)[0][4][0]
    except OSError as error:
        notes.append(f"host: cannot resolve {host}: {error}")
        return "1.1.1.1"
    with socket.socket() as probe:
        probe.settimeout(5)
        result = probe.connect_ex((address, 80))
    notes.append(f"host: connect to {host} ({address}:80): "
                 f"{'connected' if result == 0 else errno.errorcode.get(result, result)}")
    return address


def panel_lines(app):
    panel = find(app, lambda n: n.name == "Run output")
    return panel_texts(panel) if panel is not None else []


def press_run(app, when=""):
    """Tabs to the first Run button, presses it and returns the panel's
    texts once the run has ended. WHEN goes into the check names."""
    run_button = wait_for(lambda: find(app, lambda n: role(n) == "push button"
                                       and n.name == "Run" and showing(n)), timeout=30)
    check(run_button is not None, f"the question {RUN_QUESTION!r} shows a Run button{when}")
    # Run stays insensitive until python3 is found; its tooltip says why.
    check(wait_for(lambda: run_button.getState().contains(pyatspi.STATE_SENSITIVE),
                   timeout=20),
          f"Run is enabled: python3 is found inside the sandbox{when}", run_button.description)
    notes.append(f"Run button: {run_button.description}")

    for _ in range(200):
        if focused(run_button):
            break
        press(KEY_TAB)
    check(focused(run_button), f"Run can be reached with Tab{when}")
    press(KEY_SPACE)

    texts = wait_for(lambda: (lambda t: t if t and t[0].startswith(("Finished", "Failed"))
                              else None)(panel_lines(app)), timeout=30)
    return texts or panel_lines(app)


def run_with_network_override():
    """Fourth start, after the user gave the app the network with flatpak
    override: the panel must no longer claim there is no network."""
    subprocess.run(["flatpak", "override", "--user", "--share=network", APP_ID], check=True)
    proc = None
    try:
        proc, app = launch()
        check(app is not None, "the app starts with a network override")
        texts = press_run(app, " (network override)")
        notes.extend(f"panel with --share=network: {line}" for line in texts)
        info = [t for t in texts if t.startswith("Python 3.")]
        check(info and info[-1].endswith("· Flatpak sandbox, but with network access"),
              "with a network override the panel says the sandbox has network access",
              repr(texts))
    finally:
        subprocess.run(["flatpak", "override", "--user", "--reset", APP_ID], check=False)
        if proc is not None:
            quit_app(proc)


def run_in_sandbox(keyfile):
    """Third start: press Run on a snippet, then make it try the network."""
    wait_for(app_stopped, timeout=20)
    open_question_next_time(keyfile, RUN_QUESTION)
    address = reachable_address()

    proc, app = launch()
    try:
        check(app is not None, "the app starts again for the run check")
        texts = press_run(app)
        notes.extend(f"panel: {line}" for line in texts)
        check(texts and texts[0].startswith("Finished · exit status 0"),
              "the snippet finishes with exit status 0", repr(texts))
        joined = "\n".join(texts)
        check("1 2 101 7" in joined, "the panel shows what the snippet printed", repr(texts))
        check("Matches the stated output" in texts, "the output matches the stated output",
              repr(texts))
        info = [t for t in texts if t.startswith("Python 3.")]
        check(info and info[-1].endswith("· Flatpak sandbox, no network"),
              "the panel says the run had the Flatpak sandbox, no network", repr(texts))

        # Edit the snippet so that it first tries the network.
        code = find(app, lambda n: n.name == "Code" and showing(n))
        press(KEY_TAB)                  # Run -> Edit
        press(KEY_SPACE)
        check(wait_for(lambda: code is not None and focused(code)
                       and code.getState().contains(pyatspi.STATE_EDITABLE), timeout=5),
              "Edit makes the code editable and focuses it")
        chord(CODE_CONTROL, CODE_HOME)
        type_text("import errno, socket; s = socket.socket(); s.settimeout(3); "
                  "print('net:', [n for i, n in socket.if_nameindex()], "
                  f"errno.errorcode.get(s.connect_ex(('{address}', 80)), 'connected'))")
        press(KEY_RETURN)
        chord(CODE_CONTROL, CODE_RETURN)  # Ctrl+Enter runs it
        def net_line(texts):
            return next((line for line in "\n".join(texts).splitlines()
                         if line.startswith("net:")), "")

        texts = wait_for(lambda: (lambda t: t if net_line(t) and t[0].startswith(
            ("Finished", "Failed")) else None)(panel_lines(app)), timeout=30)
        texts = texts or panel_lines(app)
        notes.extend(f"panel after the edit: {line}" for line in texts)
        net = net_line(texts)
        check(net.startswith("net: ['lo']"),
              "inside the sandbox a snippet sees only the loopback interface", repr(texts))
        check(net.endswith("ENETUNREACH"),
              f"inside the sandbox {address}:80 is unreachable (ENETUNREACH)", repr(texts))
    finally:
        stderr = quit_app(proc)
        notes.extend(f"app stderr: {line}" for line in stderr.splitlines()
                     if "CRITICAL" in line or "WARNING" in line)
    check(proc.returncode == 0, "the app quits cleanly after running code",
          f"status {proc.returncode}")


def scenario():
    keyfile = os.path.join(os.environ["HOME"], ".var", "app", APP_ID,
                           "config", "glib-2.0", "settings", "keyfile")

    proc, app = launch()
    if app is None:
        proc.kill()
        _, stderr = proc.communicate()
        check(False, "the window appears", f"status {proc.returncode}: {stderr[-800:]!r}")
    topics = wait_for(lambda: find(app, lambda n: role(n) == "list" and n.name == "Topics"),
                      timeout=30)
    check(topics is not None and topics.childCount > 0,
          "the window appears and lists the topics")
    shot = os.environ.get("SCREENSHOT")
    if shot:
        time.sleep(1.0)
        subprocess.run(["import", "-window", "root", shot], check=False)

    time.sleep(0.5)
    press(KEY_HOME)
    press(KEY_RETURN)                   # open the first topic
    time.sleep(0.5)
    press(KEY_HOME)                     # its first question
    time.sleep(0.3)
    chord(CODE_CONTROL, CODE_D)         # Ctrl+D: bookmark it
    time.sleep(1.0)
    rows = question_rows(app)
    check(rows and "bookmarked" in rows[0][0], "the first question is bookmarked", repr(rows[:1]))
    stderr = quit_app(proc)
    check(proc.returncode == 0, "the app quits cleanly with Ctrl+Q",
          f"status {proc.returncode}: {stderr[-800:]!r}")

    try:
        with open(keyfile, encoding="utf-8") as stream:
            text = stream.read()
    except OSError as error:
        text = repr(error)
    check("bookmarks" in text, "the bookmark is in the keyfile under ~/.var/app", text[-400:])

    # The second start goes through D-Bus activation, as from the desktop.
    call, app = activate()
    check(app is not None, "D-Bus activation opens the window again",
          f"gdbus: {call.returncode} {call.stdout[-400:]!r}")
    try:
        rows = question_rows(app)
        check(rows and "bookmarked" in rows[0][0],
              "the bookmark is still there after a restart", repr(rows[:1]))
    finally:
        quit_app(None)

    run_in_sandbox(keyfile)
    wait_for(app_stopped, timeout=20)
    run_with_network_override()


def main():
    try:
        scenario()
    except AssertionError:
        pass
    except Exception as error:  # a broken run is a failure, not a crash
        results.append((False, "the scenario runs", repr(error)))
    status = print_tap()
    for note in notes:
        for line in note.splitlines():
            print(f"# {line}")
    return status


if __name__ == "__main__":
    use_session_a11y_bus()
    sys.exit(main())
