#!/bin/sh
# stats-screenshots.sh [BUILD_DIR] [OUT_DIR]: opens PyPrep's Statistics
# window (Ctrl+I) under Xvfb on records made by stats-sample.py, in light,
# dark and high contrast, and saves a PNG of each. Needs xdotool and
# imagemagick.
set -eu
cd "$(dirname "$0")/.."
build=${1:-_build}
out=${2:-_build/stats-screenshots}
mkdir -p "$out"

shoot () {  # shoot NAME PATTERN COLOR-SCHEME HIGH-CONTRAST(0|1)
  name=$1 pattern=$2 scheme=$3 hc=$4
  config=$(mktemp -d)
  python3 build-aux/stats-sample.py "$config/glib-2.0/settings/keyfile" --pattern "$pattern" \
    --extra "window-width=900" --extra "window-height=700"
  xvfb-run -a -s "-screen 0 1280x1800x24" sh -c "
    GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME='$config' XDG_DATA_HOME='$config/data' \
    GSETTINGS_SCHEMA_DIR='$build/data' GSK_RENDERER=cairo GTK_A11Y=none \
    ADW_DEBUG_COLOR_SCHEME='$scheme' ADW_DEBUG_HIGH_CONTRAST='$hc' '$build/src/pyprep' & pid=\$!
    sleep ${SHOT_DELAY:-4}
    xdotool key --clearmodifiers ctrl+i
    sleep 2
    window=\$(xdotool search --name '^Statistics\$' | tail -n 1)
    xdotool windowsize \$window ${SHOT_WIDTH:-760} ${SHOT_HEIGHT:-1500}
    sleep 1
    import -window \"\$window\" '$out/$name.png'
    kill \$pid"
  rm -rf "$config"
  echo "$out/$name.png"
}

shoot steady-light steady prefer-light 0
shoot steady-dark steady prefer-dark 0
shoot steady-hc steady prefer-light 1
shoot steady-hc-dark steady prefer-dark 1
shoot dense-light dense prefer-light 0
shoot dense-dark dense prefer-dark 0
shoot empty-light empty prefer-light 0
