#!/usr/bin/env python3
# stats-sample.py: writes a GSettings keyfile with made-up study activity,
# statuses and review dates for PyPrep, so the Statistics view can be
# looked at (and screenshotted) with a full record. Nothing in the app
# knows about it: run the app with GSETTINGS_BACKEND=keyfile and
# XDG_CONFIG_HOME pointing at the folder holding glib-2.0/settings/keyfile.
#
#   stats-sample.py KEYFILE [--pattern steady|dense|empty] [--today YYYY-MM-DD]
#                   [--content data/content]
#
# steady: a person studying most weekdays, with a break and a running
# streak; dense: every day, with extreme counts, to stress the drawing;
# empty: no activity at all. The output only depends on the arguments.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import datetime
import pathlib
import random
import re

def question_ids(content):
    """Question ids per topic file, in file name order."""
    topics = []
    for path in sorted(pathlib.Path(content).glob("*.md")):
        if path.name[0].isupper():  # a guide (README.md, AUDIT.md), not a deck
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        ids = []
        for heading, following in zip(lines, lines[1:]):
            match = re.match(r"id:\s*(\S+)\s*$", following)
            if heading.startswith("# ") and match:
                ids.append(match.group(1))
        if ids:
            topics.append(ids)
    return topics


def steady_activity(today, rng):
    days = {}
    for back in range(160):
        day = today - datetime.timedelta(days=back)
        if back < 9:                       # the running streak, today included
            days[day] = rng.randint(2, 9)
        elif 50 <= back < 64:              # two weeks off
            continue
        elif 70 <= back < 85:              # the longest streak
            days[day] = rng.randint(1, 14)
        elif back == 9:                    # the day that broke an earlier run
            continue
        elif day.weekday() < 5 and rng.random() < 0.7:
            days[day] = rng.randint(1, 12)
        elif day.weekday() >= 5 and rng.random() < 0.25:
            days[day] = rng.randint(1, 4)
    return days


def dense_activity(today, rng):
    days = {}
    for back in range(150):
        day = today - datetime.timedelta(days=back)
        days[day] = 1 + (back * 7) % 40 + rng.randint(0, 3)
    days[today - datetime.timedelta(days=17)] = 250
    return days


def progress(topics, pattern, today, rng):
    noon = datetime.datetime.combine(today, datetime.time(12), datetime.timezone.utc)
    now = int(noon.timestamp())
    entries = {}
    for index, ids in enumerate(topics):
        # Earlier topics are further along, as when going through in order.
        done = 0.9 - 0.8 * index / max(len(topics) - 1, 1) if pattern == "steady" else rng.random()
        for qid in ids:
            if rng.random() > done:
                continue
            # What the schedule would show: Needs review after Again,
            # Confident when stable for a week and not due, else Learning.
            shown = rng.choices(["read", "needs-review", "learning", "confident"], weights=[3, 1, 2, 2])[0]
            entry = {"status": "read", "status-set": 0, "first-seen": now - 86400 * 60, "last-seen": now - 86400}
            if shown != "read":
                if shown == "confident":
                    stability, due = rng.uniform(8, 40), now + 86400 * rng.randint(1, 10)
                else:
                    stability, due = rng.uniform(0.5, 6), now + 86400 * rng.randint(-3, 3)
                due += rng.randint(-3600, 3600)
                last = min(due, now) - 86400 * rng.randint(1, 20)
                grades = "331" if shown == "needs-review" else "333"
                entry.update({"due": due, "stability": stability, "difficulty": 5.0, "reps": 3,
                              "lapses": 0, "last-review": last, "grades": grades})
            entries[qid] = entry
    return entries


def gvariant(entries, activity):
    def entry_text(entry):
        parts = []
        for key, v in entry.items():
            if isinstance(v, str):
                text = "<'%s'>" % v
            elif isinstance(v, float):
                text = "<%r>" % v
            elif key in ("reps", "lapses", "opened"):
                text = "<uint32 %d>" % v
            else:
                text = "<int64 %d>" % v
            parts.append("'%s': %s" % (key, text))
        return "{" + ", ".join(parts) + "}"

    progress_text = "{" + ", ".join("'%s': %s" % (qid, entry_text(e)) for qid, e in sorted(entries.items())) + "}"
    if not entries:
        progress_text = "@a{sa{sv}} {}"
    activity_text = "{" + ", ".join("'%s': uint32 %d" % (d.isoformat(), n)
                                    for d, n in sorted(activity.items())) + "}"
    if not activity:
        activity_text = "@a{su} {}"
    return progress_text, activity_text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("keyfile")
    parser.add_argument("--pattern", choices=["steady", "dense", "empty"], default="steady")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today())
    parser.add_argument("--content", default=str(pathlib.Path(__file__).parent.parent / "data" / "content"))
    parser.add_argument("--extra", action="append", default=[], help="another key=value line")
    args = parser.parse_args()

    rng = random.Random(8)
    topics = question_ids(args.content)
    if args.pattern == "steady":
        activity = steady_activity(args.today, rng)
    elif args.pattern == "dense":
        activity = dense_activity(args.today, rng)
    else:
        activity = {}
    entries = progress(topics, args.pattern, args.today, rng) if args.pattern != "empty" else {}

    progress_text, activity_text = gvariant(entries, activity)
    out = pathlib.Path(args.keyfile)
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = ["[io/github/pyprep/PyPrep]", "progress=" + progress_text, "activity=" + activity_text]
    lines += args.extra
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
