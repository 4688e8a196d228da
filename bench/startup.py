#!/usr/bin/env python3
"""Startup benchmark: cold start to first painted frame, PyPrep against a
bare AdwApplicationWindow from the same tree, alternating on the same
display. Prints the medians and their ratio (budget: <= 1.25x), and each
variant's peak memory (maximum resident set).

One variant starts with a 20 MB deck among the user's own decks: it is
over the size a deck may have, so it is reported and skipped, and it must
cost neither time nor memory."""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BUDGET = 1.25


def time_to_frame(argv, env=None):
    """Milliseconds to the first frame, and the peak memory in MiB."""
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    line = proc.stdout.readline()
    elapsed = time.monotonic() - start
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    if line.strip() != "frame":
        raise SystemExit(f"{argv[0]} did not report a frame")
    return elapsed * 1000, usage.ru_maxrss / 1024


def big_deck_home():
    """A data directory whose decks/ holds one 20 MB deck."""
    home = tempfile.mkdtemp(prefix="pyprep-bench-home-")
    decks = os.path.join(home, "pyprep", "decks")
    os.makedirs(decks)
    with open(os.path.join(decks, "huge.md"), "w") as f:
        f.write("---\nid: huge\ntitle: Huge\n---\n\n")
        n = 0
        while f.tell() < 20 * 1000 * 1000:
            f.write(f"# Question {n}?\nid: huge-{n}\ndifficulty: mid\n\n" + "Some answer text. " * 40 + "\n\n")
            n += 1
    return home


def main():
    pyprep, bare, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 15
    returning_id = os.environ.get("PYPREP_BENCH_QUESTION", "reference-counting-mechanism")
    home = big_deck_home()
    big_env = dict(os.environ, XDG_DATA_HOME=home)
    variants = {
        "bare AdwApplicationWindow": ([bare], None),
        "PyPrep, first start": ([pyprep], None),
        "PyPrep, reopening a question": ([pyprep, "--returning", returning_id], None),
        "PyPrep, with a 20 MB user deck": ([pyprep], big_env),
    }
    samples = {name: [] for name in variants}
    memory = {name: [] for name in variants}
    try:
        for argv, env in variants.values():  # warm the page cache once
            time_to_frame(argv, env)
        for _ in range(runs):
            for name, (argv, env) in variants.items():
                ms, mib = time_to_frame(argv, env)
                samples[name].append(ms)
                memory[name].append(mib)
    finally:
        shutil.rmtree(home)

    base = statistics.median(samples["bare AdwApplicationWindow"])
    print(f"startup to first frame, {runs} alternating runs each (median, min-max):")
    for name, values in samples.items():
        median = statistics.median(values)
        ratio = median / base
        verdict = "" if name.startswith("bare") else \
            f"  ratio {ratio:.2f}x ({'within' if ratio <= BUDGET else 'OVER'} budget {BUDGET}x)"
        print(f"  {name:32s} {median:7.1f} ms  ({min(values):.1f}-{max(values):.1f}), "
              f"peak memory {statistics.median(memory[name]):.0f} MiB{verdict}")
    first = statistics.median(samples["PyPrep, first start"])
    big = statistics.median(samples["PyPrep, with a 20 MB user deck"])
    print(f"  a 20 MB user deck: {big / first:.2f}x the start time, "
          f"{statistics.median(memory['PyPrep, with a 20 MB user deck']) / statistics.median(memory['PyPrep, first start']):.2f}x the memory")


if __name__ == "__main__":
    main()
