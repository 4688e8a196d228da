#!/usr/bin/env python3
"""Checks the bank's exercises with the harness the app ships.

    check-exercises.py HARNESS DECK_OR_DIR... [--only QUESTION_ID]

For every question that carries an exercise (see data/content/README.md):
- it has a starter, a solution, at least 3 visible and 3 hidden tests, at
  least one wrong solution and at most three hints;
- the solution passes every test, twice in a row;
- the starter fails at least one visible test, so the tests can fail;
- each wrong solution passes the visible tests and fails a hidden one, so
  the hidden tests catch what the visible ones miss;
- each test file runs in under 2 s of CPU time (and 6 s on the clock, so
  that a loaded machine does not fail a test that sleeps a little).

Prints TAP, one line per exercise. SPDX-License-Identifier: GPL-3.0-or-later
"""

import concurrent.futures
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import time

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
PARTS = {"python starter": "starter", "python tests": "tests",
         "python hidden-tests": "hidden", "python solution": "solution",
         "python wrong": "wrong", "text hint": "hint"}
SECONDS_PER_FILE = 2.0        # CPU time
WALL_SECONDS_PER_FILE = 6.0   # on the clock, loaded machines included


def exercises(path):
    """Yields (question id, line, parts) for each question with an exercise."""
    question, qline, parts = None, 0, {}
    lines = path.read_text(encoding="utf-8").splitlines()
    fence, info, start, body = None, "", 0, []
    expect_id = False
    for number, line in enumerate(lines, 1):
        if fence:
            m = FENCE.match(line)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) \
                    and not m.group(2).strip():
                kind = PARTS.get(info)
                if kind:
                    parts.setdefault(kind, []).append(("\n".join(body) + "\n", start))
                fence = None
            else:
                body.append(line)
            continue
        m = FENCE.match(line)
        if m:
            fence, info, start, body = m.group(1), " ".join(m.group(2).split()), number, []
            continue
        if line.startswith("# "):
            if question and parts:
                yield question, qline, parts
            question, qline, parts, expect_id = None, number, {}, True
        elif expect_id and line.startswith("id:"):
            question = line[3:].strip()
            expect_id = False
    if question and parts:
        yield question, qline, parts


def run(harness, workdir, code, tests=None, hidden=None):
    """Runs the harness; returns (list of results, compile error or None, seconds)."""
    (workdir / "solution.py").write_text(code, encoding="utf-8")
    argv = [sys.executable, "-I", str(harness), "solution.py"]
    if tests is not None:
        (workdir / "tests.py").write_text(tests, encoding="utf-8")
        argv += ["--tests", "tests.py"]
    if hidden is not None:
        (workdir / "hidden.py").write_text(hidden, encoding="utf-8")
        argv += ["--hidden", "hidden.py"]
    started = time.monotonic()
    proc = subprocess.run(argv, cwd=workdir, capture_output=True, text=True, timeout=120)
    seconds = time.monotonic() - started
    results, problem = [], None
    for line in proc.stdout.splitlines():
        event = json.loads(line)
        if event["event"] == "result":
            results.append(event)
        elif event["event"] == "compile-error":
            problem = f'{event["file"]}:{event["line"]}: {event["message"]}'
    return results, problem, seconds


def describe(result):
    text = f'{result["suite"]} {result["name"]}: {result["status"]}'
    if result.get("message"):
        text += f' ({result["message"].splitlines()[0]}'
        if "left" in result:
            text += f', left {result["left"]}, right {result["right"]}'
        text += ")"
    return text


def check(harness, qid, parts):
    problems = []
    one = {k: v[0][0] for k, v in parts.items() if v}
    for needed in ("starter", "tests", "hidden", "solution", "wrong"):
        if needed not in one:
            problems.append(f"no “{needed}” fence")
    if len(parts.get("hint", [])) > 3:
        problems.append("more than three hints")
    if problems:
        return problems
    with tempfile.TemporaryDirectory(prefix="pyprep-exercise-") as tmp:
        work = pathlib.Path(tmp)
        for attempt in (1, 2):
            results, problem, seconds = run(harness, work, one["solution"], one["tests"], one["hidden"])
            if problem:
                return [f"solution run {attempt}: {problem}"]
            visible = [r for r in results if r["suite"] == "visible"]
            hidden = [r for r in results if r["suite"] == "hidden"]
            if attempt == 1 and (len(visible) < 3 or len(hidden) < 3):
                problems.append(f"{len(visible)} visible and {len(hidden)} hidden tests; "
                                "at least 3 of each are needed")
            for r in results:
                if r["status"] != "pass":
                    problems.append(f"solution run {attempt}: {describe(r)}")
            for suite in ("visible", "hidden"):
                cpu = sum(r["cpu_seconds"] for r in results if r["suite"] == suite)
                wall = sum(r["seconds"] for r in results if r["suite"] == suite)
                if cpu > SECONDS_PER_FILE:
                    problems.append(f"{suite} tests took {cpu:.2f} s of CPU time "
                                    f"(limit {SECONDS_PER_FILE} s)")
                if wall > WALL_SECONDS_PER_FILE:
                    problems.append(f"{suite} tests took {wall:.2f} s "
                                    f"(limit {WALL_SECONDS_PER_FILE} s)")
        results, problem, _ = run(harness, work, one["starter"], one["tests"])
        if not problem and all(r["status"] == "pass" for r in results):
            problems.append("the starter passes every visible test")
        for code, line in parts["wrong"]:
            results, problem, _ = run(harness, work, code, one["tests"], one["hidden"])
            if problem:
                problems.append(f"wrong solution (line {line}): {problem}")
                continue
            for r in results:
                if r["suite"] == "visible" and r["status"] != "pass":
                    problems.append(f"wrong solution (line {line}) fails a visible test, "
                                    f"so it does not show the hidden tests' worth: {describe(r)}")
            if all(r["status"] == "pass" for r in results if r["suite"] == "hidden"):
                problems.append(f"wrong solution (line {line}) passes every hidden test")
    return problems


def main(argv):
    only = None
    if "--only" in argv:
        i = argv.index("--only")
        only = argv[i + 1]
        del argv[i:i + 2]
    harness = pathlib.Path(argv[0]).resolve()
    decks = []
    for arg in argv[1:]:
        p = pathlib.Path(arg)
        decks += sorted(q for q in p.glob("*.md") if q.name[0].islower()) if p.is_dir() else [p]
    found = [(deck, qid, line, parts) for deck in decks
             for qid, line, parts in exercises(deck) if only in (None, qid)]
    print(f"1..{len(found)}")
    failed = 0
    workers = max(2, os.cpu_count() or 2)
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        futures = [pool.submit(check, harness, qid, parts) for _, qid, _, parts in found]
        for n, ((deck, qid, line, _), future) in enumerate(zip(found, futures), 1):
            problems = future.result()
            status = "not ok" if problems else "ok"
            print(f"{status} {n} {deck.name}:{line} {qid}")
            for p in problems:
                print(f"# {p}")
            failed += bool(problems)
    print(f"# {len(found)} exercises, {failed} with problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
