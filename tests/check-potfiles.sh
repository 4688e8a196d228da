#!/bin/sh
# check-potfiles.sh SOURCE_ROOT: every file with a translatable string is
# listed in po/POTFILES.in, so that no new text escapes translation.
set -u
cd "$1"
missing=0
for file in $(grep -rlE '(^|[^A-Za-z0-9_])(N?C?_|g_dngettext|g_dpgettext2)[[:space:]]*\(|translatable="yes"' \
                --include='*.c' --include='*.ui' src data | sort); do
  if ! grep -qx "$file" po/POTFILES.in; then
    echo "not listed in po/POTFILES.in: $file"
    missing=1
  fi
done
for file in $(grep -v '^#' po/POTFILES.in); do
  [ -f "$file" ] || { echo "listed in po/POTFILES.in but missing: $file"; missing=1; }
done
exit $missing
