#!/bin/sh
# check-no-display.sh PYPREP: started without any display, PyPrep says so
# in one line and exits with a failure status, with no warning after it
# (the deck loader must not be left reading while the process exits).
set -u
err=$(mktemp)
trap 'rm -f "$err"' EXIT

env -u DISPLAY -u WAYLAND_DISPLAY -u GDK_BACKEND -u G_DEBUG "$1" > /dev/null 2> "$err"
status=$?
lines=$(wc -l < "$err")
failed=0
if [ "$status" -ne 0 ]; then echo "ok 1 - exits with status $status"; else echo "not ok 1 - exited with status 0"; failed=1; fi
if grep -q "no display" "$err"; then echo "ok 2 - says that no display could be opened"; else echo "not ok 2 - does not say why it stopped"; failed=1; fi
if [ "$lines" -eq 1 ]; then echo "ok 3 - one line on stderr"; else echo "not ok 3 - $lines lines on stderr:"; sed 's/^/# /' "$err"; failed=1; fi
echo "1..3"
exit $failed
