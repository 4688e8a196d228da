#!/bin/sh
# check-install.sh BUILD_DIR: installs the build into a temporary DESTDIR
# and checks that every file a Flatpak (or a distribution) needs is where
# GNOME looks for it, relative to the prefix.
set -u
build=$1
app_id=io.github.pyprep.PyPrep
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

if ! meson install -C "$build" --no-rebuild --destdir "$dest" > "$dest.log" 2>&1; then
  cat "$dest.log"; rm -f "$dest.log"; echo "meson install failed"; exit 1
fi
rm -f "$dest.log"

prefix=$(meson introspect --buildoptions "$build" | python3 -c \
  'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')
root=$dest$prefix
failed=0
need () {  # need PATH DESCRIPTION
  if [ -e "$root/$1" ]; then echo "ok - $2: $1"; else echo "not ok - $2: $1 is missing"; failed=1; fi
}

need bin/pyprep "the binary"
need share/applications/$app_id.desktop "the desktop file"
need share/metainfo/$app_id.metainfo.xml "the metainfo"
need share/icons/hicolor/scalable/apps/$app_id.svg "the app icon"
need share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg "the symbolic icon"
need share/glib-2.0/schemas/$app_id.gschema.xml "the settings schema"
need share/help/C/$app_id/index.page "the help"
need share/dbus-1/services/$app_id.service "the D-Bus service"
for lang in $(grep -v '^#' "$(dirname "$0")/../po/LINGUAS"); do
  need share/locale/$lang/LC_MESSAGES/pyprep.mo "the $lang translation"
done

# The pieces must also point at each other.
if [ -x "$root/bin/pyprep" ]; then echo "ok - the binary is executable"; else echo "not ok - the binary is not executable"; failed=1; fi
desktop=$root/share/applications/$app_id.desktop
if [ -f "$desktop" ]; then
  grep -qx "Exec=pyprep" "$desktop" && grep -qx "Icon=$app_id" "$desktop" \
    && echo "ok - the desktop file starts pyprep with the app icon" \
    || { echo "not ok - the desktop file's Exec or Icon is wrong"; failed=1; }
fi
metainfo=$root/share/metainfo/$app_id.metainfo.xml
if [ -f "$metainfo" ]; then
  grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" \
    && echo "ok - the metainfo launches the installed desktop file" \
    || { echo "not ok - the metainfo's launchable is wrong"; failed=1; }
fi
service=$root/share/dbus-1/services/$app_id.service
if [ -f "$service" ]; then
  grep -qx "Name=$app_id" "$service" && grep -qx "Exec=$prefix/bin/pyprep --gapplication-service" "$service" \
    && echo "ok - the D-Bus service starts the installed binary" \
    || { echo "not ok - the D-Bus service's Name or Exec is wrong"; failed=1; }
fi
mo=$root/share/locale/de/LC_MESSAGES/pyprep.mo
if [ -f "$mo" ]; then
  msgunfmt "$mo" | grep -q 'msgstr "Themen"' \
    && echo "ok - the German catalogue holds the translation" \
    || { echo "not ok - the German catalogue is empty"; failed=1; }
fi
exit $failed
