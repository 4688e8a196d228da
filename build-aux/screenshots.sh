#!/bin/sh
# screenshots.sh [BUILD_DIR] [OUT_DIR]: takes PyPrep's screenshots under
# Xvfb, in the light and the dark style, from the build tree.
set -eu
cd "$(dirname "$0")/.."
build=${1:-_build}
out=${2:-data/screenshots}
mkdir -p "$out"

shoot () {  # shoot NAME QUESTION-ID STYLE WIDTHxHEIGHT [EXTRA-KEYFILE-LINES]
  name=$1 question=$2 style=$3 size=$4 extra=${5:-}
  config=$(mktemp -d)
  mkdir -p "$config/glib-2.0/settings"
  width=${size%x*} height=${size#*x}
  printf "[io/github/pyprep/PyPrep]\nlast-question='%s'\nwindow-width=%s\nwindow-height=%s\n" \
    "$question" "$width" "$height" > "$config/glib-2.0/settings/keyfile"
  [ -n "$extra" ] && printf '%s\n' "$extra" >> "$config/glib-2.0/settings/keyfile"
  xvfb-run -a -s "-screen 0 ${width}x${height}x24" sh -c "
    GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME='$config' XDG_DATA_HOME='$config/data' \
    GSETTINGS_SCHEMA_DIR='$build/data' GSK_RENDERER=cairo GTK_A11Y=none \
    ADW_DEBUG_COLOR_SCHEME='$style' '$build/src/pyprep' & pid=\$!
    sleep ${SHOT_DELAY:-4}
    import -window root -crop ${width}x${height}+0+0 '$out/$name.png'
    kill \$pid"
  rm -rf "$config"
  echo "$out/$name.png"
}

shoot question-light reference-counting-mechanism prefer-light 1000x700
shoot question-dark reference-counting-mechanism prefer-dark 1000x700
shoot code-light reference-counting-mechanism prefer-light 1000x1600
shoot code-dark reference-counting-mechanism prefer-dark 1000x1600
shoot narrow-light gil-what-and-why prefer-light 360x640

# Some study state, so that the sidebar shows bookmarks and progress.
now=$(date +%s)
progress="progress={'memory-management-overview': {'status': <'confident'>, 'first-seen': <int64 $now>, 'last-seen': <int64 $now>, 'opened': <uint32 2>}, 'pymalloc-small-object-allocator': {'status': <'read'>, 'first-seen': <int64 $now>, 'last-seen': <int64 $now>, 'opened': <uint32 1>}, 'reference-counting-mechanism': {'status': <'needs-review'>, 'first-seen': <int64 $now>, 'last-seen': <int64 $now>, 'opened': <uint32 3>}, 'cyclic-gc-how-it-works': {'status': <'confident'>, 'first-seen': <int64 $now>, 'last-seen': <int64 $now>, 'opened': <uint32 1>}}"
shoot progress-light reference-counting-mechanism prefer-light 1000x700 \
  "bookmarks=['reference-counting-mechanism', 'gil-what-and-why', 'cyclic-gc-how-it-works']
$progress"
