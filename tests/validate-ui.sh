#!/bin/sh
# validate-ui.sh FILE.ui CLASS: gtk4-builder-tool validate, with the types
# our templates use preloaded (ui-types-preload.c). Signal handlers are
# template callbacks that only the real class can resolve, so <signal>
# elements are dropped here; test-window instantiates every template with
# its real callbacks.
set -eu
ui=$1
class=$2
stripped=$(mktemp --suffix=.ui)
trap 'rm -f "$stripped"' EXIT
sed '/<signal /d' "$ui" > "$stripped"
PYPREP_VALIDATE_TEMPLATE=$class gtk4-builder-tool validate "$stripped"
