#!/usr/bin/env python3
"""Startup benchmark: cold start to first painted frame, PyPrep against a
bare AdwApplicationWindow from the same tree, alternating on the same
display. Prints the medians and their ratio (budget: <= 1.25x)."""
import os
import statistics
import subprocess
import sys
import time

BUDGET = 1.25


def time_to_frame(argv):
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    elapsed = time.monotonic() - start
    proc.wait(timeout=30)
    if line.strip() != "frame":
        raise SystemExit(f"{argv[0]} did not report a frame")
    return elapsed * 1000


def main():
    pyprep, bare, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 15
    returning_id = os.environ.get("PYPREP_BENCH_QUESTION", "reference-counting-mechanism")
    variants = {
        "bare AdwApplicationWindow": [bare],
        "PyPrep, first start": [pyprep],
        "PyPrep, reopening a question": [pyprep, "--returning", returning_id],
    }
    samples = {name: [] for name in variants}
    for argv in variants.values():  # warm the page cache once
        time_to_frame(argv)
    for _ in range(runs):
        for name, argv in variants.items():
            samples[name].append(time_to_frame(argv))

    base = statistics.median(samples["bare AdwApplicationWindow"])
    print(f"startup to first frame, {runs} alternating runs each (median, min-max):")
    for name, values in samples.items():
        median = statistics.median(values)
        ratio = median / base
        verdict = "" if name.startswith("bare") else \
            f"  ratio {ratio:.2f}x ({'within' if ratio <= BUDGET else 'OVER'} budget {BUDGET}x)"
        print(f"  {name:32s} {median:7.1f} ms  ({min(values):.1f}-{max(values):.1f}){verdict}")


if __name__ == "__main__":
    main()
