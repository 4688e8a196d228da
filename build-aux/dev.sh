#!/bin/sh
# dev.sh: the README's two commands.
#
#   build-aux/dev.sh run    install the build dependencies, build, launch PyPrep
#   build-aux/dev.sh test   install the build dependencies, build, run every test
#   build-aux/dev.sh bench  build and run the benchmarks (BENCH_WM=openbox
#                           runs them under that window manager)
#   build-aux/dev.sh sanitize  build with AddressSanitizer and UBSan and run
#                           the headless tests (no display), leaks checked
#   build-aux/dev.sh fuzz   build the libFuzzer harnesses with clang and run
#                           each for FUZZ_SECONDS (60), seeded with the bank
#                           and an export
#
# Works on a fresh Debian 12 or 13 (build-aux/fresh-system.sh checks that);
# uses sudo when not root.
set -eu

cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-_build}

DEPS="build-essential meson ninja-build pkg-config gettext itstool
libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libgtk-4-bin libadwaita-1-dev
libgtksourceview-5-dev libmd4c-dev libjson-glib-dev libsqlite3-dev
desktop-file-utils appstream yelp-tools flatpak-builder
python3 python3-gi python3-pyatspi gir1.2-atspi-2.0 at-spi2-core
xvfb xauth dbus dbus-x11 imagemagick bubblewrap librsvg2-common locales"

install_deps () {
  missing=""
  for pkg in $DEPS; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing="$missing $pkg"
  done
  [ -z "$missing" ] && return 0

  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  echo "Installing:$missing"
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
}

build () {
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    # No compiler warning is tolerated.
    meson setup "$BUILD_DIR" --buildtype=debugoptimized -Dwarning_level=2 -Dwerror=true
  fi
  meson compile -C "$BUILD_DIR"
}

case "${1:-run}" in
  run)
    install_deps
    build
    # Run from the build tree: the schema is compiled into $BUILD_DIR/data.
    GSETTINGS_SCHEMA_DIR="$PWD/$BUILD_DIR/data" exec "$BUILD_DIR/src/pyprep"
    ;;
  test)
    install_deps
    build
    # UI tests need a display and a session bus (and the accessibility bus
    # that dbus activates on it).
    exec xvfb-run -a -s "-screen 0 1280x1024x24" \
      dbus-run-session -- meson test -C "$BUILD_DIR" --print-errorlogs
    ;;
  bench)
    # The window manager to run the benchmarks under comes from Debian too
    # (its package and its command share a name: openbox, icewm, ...).
    if [ -n "${BENCH_WM:-}" ]; then DEPS="$DEPS $BENCH_WM"; fi
    install_deps
    build
    # BENCH_WM=openbox (or another window manager) starts it on the display
    # first, as on a desktop; see the README.
    exec xvfb-run -a -s "-screen 0 1280x1024x24" \
      dbus-run-session -- sh -c '
        if [ -n "${BENCH_WM:-}" ]; then
          "$BENCH_WM" >/dev/null 2>&1 &
          sleep 1
        fi
        exec meson test -C "$1" --benchmark --verbose' sh "$BUILD_DIR"
    ;;
  sanitize)
    install_deps
    # The headless tests: the layers below GTK, which link no GTK. LSan is
    # on with ASan; meson makes any finding abort the test.
    headless="test-markdown-inline test-deck test-search test-study test-study-store test-study-log test-review-log test-stats test-scheduler
      test-practice-session test-plan test-log-stats test-review-history test-scope test-runner test-exercise-run test-snippets
      fsrs fsrs-optimizer"
    dir=${BUILD_DIR}-sanitize
    if [ ! -f "$dir/build.ninja" ]; then
      meson setup "$dir" --buildtype=debug -Db_sanitize=address,undefined \
        -Dwarning_level=2 -Dwerror=true
    fi
    # Each test's program (fsrs is tests/test-fsrs).
    # shellcheck disable=SC2046
    meson compile -C "$dir" $(for t in $headless; do echo "tests/test-${t#test-}"; done)
    # shellcheck disable=SC2086
    exec env ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      meson test -C "$dir" --print-errorlogs $headless
    ;;
  fuzz)
    DEPS="$DEPS clang libclang-rt-dev"
    install_deps
    dir=${BUILD_DIR}-fuzz
    if [ ! -f "$dir/build.ninja" ]; then
      CC=clang meson setup "$dir" --buildtype=debugoptimized -Dfuzzing=true \
        -Db_sanitize=address,undefined -Db_lundef=false
    fi
    meson compile -C "$dir" tests/fuzz/fuzz-deck tests/fuzz/fuzz-import
    corpus=$(mktemp -d)
    mkdir "$corpus/deck" "$corpus/import"
    cp data/content/[a-z]*.md "$corpus/deck/"
    cp tests/fuzz/seeds/export.json tests/fuzz/seeds/export-v4.json "$corpus/import/"
    ok=0
    fail=0
    for target in deck import; do
      if env ASAN_OPTIONS=detect_leaks=1 "$dir/tests/fuzz/fuzz-$target" \
          -max_total_time="${FUZZ_SECONDS:-60}" -rss_limit_mb=2048 -print_final_stats=1 \
          "$corpus/$target" > "$corpus/$target.log" 2>&1; then
        echo "ok - fuzz-$target: $(grep -o 'number_of_executed_units: *[0-9]*' "$corpus/$target.log")"
        ok=$((ok + 1))
      else
        echo "not ok - fuzz-$target"
        tail -n 60 "$corpus/$target.log"
        fail=$((fail + 1))
      fi
    done
    rm -rf "$corpus"
    # The summary .ci/run reads, as meson prints it.
    echo "Ok: $ok"
    echo "Fail: $fail"
    [ "$fail" -eq 0 ]
    ;;
  *)
    echo "usage: $0 run|test|bench|sanitize|fuzz" >&2
    exit 2
    ;;
esac
