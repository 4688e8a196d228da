#!/bin/sh
# snippets-on-python.sh TEST-SNIPPETS VERSION...: runs the bank's snippet
# test, built elsewhere, with each python3.X given (3.14, 3.15), the way
# the test suite runs it with python3, then the bank's exercises
# (tests/check-exercises.py) with it: each is one test. Ends with
# meson-style "Ok:" and "Fail:" lines for .ci/run.
#
# .ci/run gives it the test-snippets that the Debian 13 lane built, in a
# brand-new Debian unstable system that has python3.14 and python3.15:
# the test needs GLib alone, and the bank is compiled into it.
set -u
bin=$1; shift
ok=0
fail=0
for version in "$@"; do
  python=$(command -v "python$version")
  if [ -z "$python" ]; then
    echo "not ok - python$version: not installed"
    fail=$((fail + 1))
    continue
  fi
  shim=$(mktemp -d)
  log=$(mktemp)
  ln -s "$python" "$shim/python3"
  if PATH="$shim:$PATH" "$bin" > "$log" 2>&1; then
    echo "ok - python$version"
    ok=$((ok + 1))
  else
    echo "not ok - python$version"
    grep -E "^not ok|FATAL|Bail" -A8 "$log" | head -n 30
    fail=$((fail + 1))
  fi
  # The line with the count of snippets this interpreter ran.
  grep "^# python3 " "$log"
  # The bank's exercises, with the harness the app ships, on this Python.
  if "$python" tests/check-exercises.py src/runner/pyprep-harness.py data/content > "$log" 2>&1; then
    echo "ok - exercises on python$version"
    ok=$((ok + 1))
  else
    echo "not ok - exercises on python$version"
    grep -E "^not ok|^#" -A3 "$log" | head -n 40
    fail=$((fail + 1))
  fi
  tail -n 1 "$log" | sed "s/^# /# python$version: /"
  rm -rf "$shim" "$log"
done
echo "Ok: $ok"
echo "Fail: $fail"
[ "$fail" -eq 0 ]
