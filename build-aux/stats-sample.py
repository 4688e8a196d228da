#!/usr/bin/env python3
# stats-sample.py: writes a GSettings keyfile with made-up study activity,
# statuses and review dates for PyPrep, so the Statistics view can be
# looked at (and screenshotted) with a full record. Nothing in the app
# knows about it: run the app with GSETTINGS_BACKEND=keyfile and
# XDG_CONFIG_HOME pointing at the folder holding glib-2.0/settings/keyfile.
#
#   stats-sample.py KEYFILE [--pattern steady|dense|empty] [--today YYYY-MM-DD]
#                   [--content data/content] [--log REVIEW-LOG.sqlite]
#
# With --log, it also writes a review log (SQLite, the schema of
# src/study/pyprep-review-log.c) of a candidate studying for 90 days,
# about 40 reviews a day over the bank, and the record's statuses and
# review dates follow that log. Put it at $XDG_DATA_HOME/pyprep/review-log.sqlite.
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
import sqlite3
import uuid

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

LOG_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE reviews (
  seq INTEGER PRIMARY KEY,
  installation TEXT NOT NULL,
  time INTEGER NOT NULL CHECK (time >= 0),
  card TEXT NOT NULL CHECK (card <> ''),
  kind TEXT NOT NULL CHECK (kind IN ('recall', 'exercise', 'mock', 'state')),
  day TEXT NOT NULL,
  rating INTEGER CHECK (rating BETWEEN 1 AND 4),
  elapsed REAL CHECK (elapsed >= 0),
  seconds INTEGER CHECK (seconds >= 0),
  stability REAL, difficulty REAL, reps INTEGER, lapses INTEGER,
  last_review INTEGER, due INTEGER, phase TEXT, step INTEGER,
  UNIQUE (installation, time, card),
  CHECK ((kind = 'state') = (rating IS NULL)));
CREATE INDEX reviews_by_card ON reviews (card, time);
CREATE INDEX reviews_by_time ON reviews (time);
PRAGMA user_version = 1;
"""


def simulate_log(topics, today, rng, days=90, per_day=40):
    """90 days of study: new cards interleaved across topics, up to 4 a
    day, each learnt with a 10-minute step, then reviewed when due (the
    interval grows on a pass and shrinks on a fail, passing about 9 times
    in 10); about 40 grades a day in all. Returns the grades (time, card,
    kind, rating, seconds), each card's last state and the daily counts."""
    order = []
    for row in range(max(len(ids) for ids in topics)):
        order += [ids[row] for ids in topics if row < len(ids)]
    cards = {}
    grades = []
    activity = {}
    fresh = iter(order)
    for back in range(days, 0, -1):
        day = today - datetime.timedelta(days=back - 1)
        if rng.random() < 0.08 and back > 1:   # a day off now and then
            continue
        start = datetime.datetime.combine(day, datetime.time(8), datetime.timezone.utc)
        clock = int(start.timestamp()) + rng.randint(0, 3600 * 10)
        budget = per_day + rng.randint(-8, 8)
        studied = set()
        due = sorted((c for c, st in cards.items() if st["due"] <= day), key=lambda c: cards[c]["due"])
        for card in due:
            if budget <= 0:
                break
            st = cards[card]
            passed = rng.random() < 0.9
            rating = rng.choices([2, 3, 4], weights=[15, 75, 10])[0] if passed else 1
            kind = "mock" if rng.random() < 0.05 else "recall"
            grades.append((clock, card, kind, rating, rng.randint(8, 120)))
            st["last"] = clock
            clock += rng.randint(30, 150)
            budget -= 1
            st["reps"] += 1
            if passed:
                st["interval"] = max(1, round(st["interval"] * {2: 1.2, 3: 2.0, 4: 2.6}[rating]))
            else:
                st["lapses"] += 1
                grades.append((st["last"] + 600, card, "recall", 3, rng.randint(8, 60)))  # the relearning step
                st["last"] += 600
                budget -= 1
                st["interval"] = max(1, round(st["interval"] * 0.3))
            st["grades"] = (st["grades"] + str(rating))[-64:]
            st["due"] = day + datetime.timedelta(days=st["interval"])
            studied.add(card)
        new = 0
        while budget >= 2 and new < 4:
            card = next(fresh, None)
            if card is None:
                break
            grades.append((clock, card, "recall", 3, rng.randint(20, 180)))
            grades.append((clock + 600, card, "recall", 3, rng.randint(8, 60)))
            cards[card] = {"interval": 3, "reps": 2, "lapses": 0, "last": clock + 600, "grades": "33",
                           "due": day + datetime.timedelta(days=3)}
            clock += rng.randint(60, 200)
            budget -= 2
            new += 1
            studied.add(card)
        if studied:
            activity[day] = len(studied)
    return grades, cards, activity


def write_log(path, grades):
    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        pathlib.Path(str(path) + suffix).unlink(missing_ok=True)
    installation = str(uuid.UUID(int=23))
    db = sqlite3.connect(path)
    db.executescript(LOG_SCHEMA)
    db.execute("INSERT INTO meta VALUES ('installation', ?)", (installation,))
    last = {}
    for when, card, kind, rating, seconds in sorted(grades):
        previous = last.get(card)
        elapsed = (when - previous) / 86400 if previous is not None else None
        last[card] = when
        day = datetime.datetime.fromtimestamp(when).date().isoformat()
        db.execute("INSERT INTO reviews (installation, time, card, kind, day, rating, elapsed, seconds) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   (installation, when * 1000, card, kind, day, rating, elapsed, seconds))
    db.commit()
    db.execute("PRAGMA journal_mode = WAL")
    db.close()


def progress_from_log(cards, today):
    noon = datetime.datetime.combine(today, datetime.time(12), datetime.timezone.utc)
    entries = {}
    for card, st in cards.items():
        due = int(datetime.datetime.combine(st["due"], datetime.time(9), datetime.timezone.utc).timestamp())
        status = "needs-review" if st["grades"].endswith("1") else "confident" if st["interval"] >= 7 else "learning"
        entries[card] = {"status": status, "status-set": 0, "first-seen": int(noon.timestamp()) - 86400 * 90,
                         "last-seen": st["last"], "due": due, "stability": float(st["interval"]),
                         "difficulty": 5.0, "reps": st["reps"], "lapses": st["lapses"],
                         "last-review": st["last"], "grades": st["grades"]}
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
    parser.add_argument("--log", help="also write a review log of 90 days there")
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
    if args.log:
        grades, cards, activity = simulate_log(topics, args.today, rng)
        write_log(args.log, grades)
        entries = progress_from_log(cards, args.today)

    progress_text, activity_text = gvariant(entries, activity)
    out = pathlib.Path(args.keyfile)
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = ["[io/github/pyprep/PyPrep]", "progress=" + progress_text, "activity=" + activity_text]
    lines += args.extra
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
