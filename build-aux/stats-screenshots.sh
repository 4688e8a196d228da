#!/bin/sh
# stats-screenshots.sh [BUILD_DIR] [OUT_DIR]: opens PyPrep's Statistics
# window (Ctrl+I) under Xvfb on records made by stats-sample.py, in light,
# dark and high contrast, and saves a PNG of each. Needs xdotool and
# imagemagick. ONLY=log takes just the shots with a review log (true
# retention, workload forecast), wide and at 360 px.
set -eu
cd "$(dirname "$0")/.."
build=${1:-_build}
out=${2:-_build/stats-screenshots}
mkdir -p "$out"

shoot () {  # shoot NAME PATTERN COLOR-SCHEME HIGH-CONTRAST(0|1) [WIDTH] [LOG(0|1)]
  name=$1 pattern=$2 scheme=$3 hc=$4 width=${5:-${SHOT_WIDTH:-760}} log=${6:-0}
  config=$(mktemp -d)
  set -- --pattern "$pattern"
  # With a review log: 90 days of study, in the data folder the app reads.
  [ "$log" = 1 ] && set -- "$@" --log "$config/data/pyprep/review-log.sqlite"
  python3 build-aux/stats-sample.py "$config/glib-2.0/settings/keyfile" "$@" \
    --extra "window-width=900" --extra "window-height=700"
  xvfb-run -a -s "-screen 0 1280x${SHOT_SCREEN:-1800}x24" sh -c "
    GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME='$config' XDG_DATA_HOME='$config/data' \
    GSETTINGS_SCHEMA_DIR='$build/data' GSK_RENDERER=cairo GTK_A11Y=none \
    ADW_DEBUG_COLOR_SCHEME='$scheme' ADW_DEBUG_HIGH_CONTRAST='$hc' '$build/src/pyprep' & pid=\$!
    sleep ${SHOT_DELAY:-4}
    xdotool key --clearmodifiers ctrl+i
    sleep 2
    window=\$(xdotool search --name '^Statistics\$' | tail -n 1)
    xdotool windowsize \$window $width ${SHOT_HEIGHT:-1500}
    sleep 1
    import -window \"\$window\" '$out/$name.png'
    kill \$pid"
  rm -rf "$config"
  echo "$out/$name.png"
}

shoot log-light steady prefer-light 0 760 1
shoot log-dark steady prefer-dark 0 760 1
shoot log-narrow-light steady prefer-light 0 360 1
shoot log-narrow-dark steady prefer-dark 0 360 1
[ "${ONLY:-}" = log ] && exit 0

shoot steady-light steady prefer-light 0
shoot steady-dark steady prefer-dark 0
shoot steady-hc steady prefer-light 1
shoot steady-hc-dark steady prefer-dark 1
shoot dense-light dense prefer-light 0
shoot dense-dark dense prefer-dark 0
shoot empty-light empty prefer-light 0
