#!/bin/sh
# flatpak-ci.sh: builds PyPrep's Flatpak for real and runs it.
#
# Flathub is out of reach from CI, but Debian ships the GTK, libadwaita
# and GtkSourceView of a GNOME release: Debian 13 those of GNOME 48 (GTK
# 4.18, libadwaita 1.7), the closest to today's runtime that this machine
# can reach; Debian 12 those of GNOME 43. So this script debootstraps
# Debian (FLATPAK_SUITE, default trixie), exports it as
# org.gnome.Platform and org.gnome.Sdk of that GNOME version into a
# private flatpak installation, builds a copy of
# flatpak/io.github.pyprep.PyPrep.json against it (that runtime version,
# md4c from the runtime), then runs the app under Xvfb and checks through
# AT-SPI that the window appears, that a bookmark survives a restart, and
# that Run works inside the sandbox with the runtime's python3 and no
# network.
#
# Everything lives in one directory under /var/tmp that is removed at the
# end (KEEP=1 keeps it). Needs root (debootstrap, chroot). Exit status: 0
# pass, 1 fail; a mirror that cannot be reached is a failure, said as such.
set -eu

cd "$(dirname "$0")/.."
SRC=$PWD
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
APP_ID=io.github.pyprep.PyPrep
SUITE=${FLATPAK_SUITE:-trixie}
case $SUITE in
  bookworm) BRANCH=43 ;;
  trixie) BRANCH=48 ;;
  *) echo "flatpak-ci: FAIL: no GNOME version known for Debian $SUITE"; exit 1 ;;
esac

# Step timings go to fd 3, the original stdout, even when a step's own
# output goes to a log file.
exec 3>&1
say () { echo "flatpak-ci: $*"; }
t () {  # t LABEL COMMAND...: run and time one step, keep its status
  label=$1; shift
  start=$(date +%s)
  rc=0
  "$@" || rc=$?
  say "TIME $(( $(date +%s) - start ))s $label" >&3
  return $rc
}


if [ "$(id -u)" -ne 0 ]; then
  say "FAIL: must run as root (debootstrap and chroot)"
  exit 1
fi

tools="flatpak flatpak-builder debootstrap ostree eu-strip xvfb-run dbus-run-session import wget"
missing=""
for tool in $tools; do command -v "$tool" > /dev/null || missing=1; done
if [ -n "$missing" ] || ! /usr/bin/python3 -c 'import pyatspi' 2> /dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    flatpak flatpak-builder debootstrap ostree elfutils xvfb xauth dbus dbus-x11 wget \
    python3 python3-gi python3-pyatspi gir1.2-atspi-2.0 at-spi2-core imagemagick > /dev/null
fi

if ! wget -q -T 20 -t 2 -O /dev/null "$MIRROR/dists/$SUITE/Release"; then
  echo "flatpak-ci: FAIL: the Debian mirror $MIRROR cannot be reached"
  exit 1
fi

W=$(mktemp -d /var/tmp/pyprep-flatpak.XXXXXX)
cleanup () {
  if [ "${KEEP:-0}" = 1 ]; then say "kept $W"; else rm -rf --one-file-system "$W"; fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM
cd "$W"
export FLATPAK_USER_DIR="$W/userdir"
total_start=$(date +%s)

# 1. The Platform: what PyPrep needs at run time. python3 runs the snippets
#    inside the sandbox; dbus-x11 gives debootstrap a dbus-session-bus
#    provider for dconf.
t debootstrap debootstrap --variant=minbase \
  --include=libgtk-4-1,libadwaita-1-0,libgtksourceview-5-0,libjson-glib-1.0-0,libmd4c0,libsqlite3-0,python3,fonts-dejavu-core,fonts-cantarell,shared-mime-info,librsvg2-common,hicolor-icon-theme,adwaita-icon-theme,dbus,dbus-x11 \
  "$SUITE" rootfs-platform "$MIRROR" > debootstrap.log 2>&1 \
  || { tail -n 20 debootstrap.log; say "FAIL: debootstrap"; exit 1; }

# 2. The Sdk: the Platform plus the toolchain, -dev packages (md4c among
#    them) and appstream-util, which flatpak-builder 1.2 runs in the Sdk.
cp -a rootfs-platform rootfs-sdk
t sdk-packages chroot rootfs-sdk sh -c "DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
  gcc libc6-dev meson ninja-build pkg-config gettext itstool desktop-file-utils appstream-util \
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libgtk-4-bin libadwaita-1-dev \
  libgtksourceview-5-dev libjson-glib-dev libmd4c-dev libsqlite3-dev" > sdk-apt.log 2>&1 \
  || { tail -n 20 sdk-apt.log; say "FAIL: Sdk packages"; exit 1; }

# 3. Root filesystems -> runtime directories (files/ is /usr, files/etc /etc).
to_runtime () {  # to_runtime ROOTFS DIR NAME
  mkdir -p "$2"
  mv "$1/usr" "$2/files"
  mv "$1/etc" "$2/files/etc"
  rm -rf "$1"
  rm -rf "$2"/files/share/doc "$2"/files/share/man "$2"/files/share/info "$2"/files/share/lintian
  rm -f "$2"/files/etc/passwd "$2"/files/etc/group "$2"/files/etc/shadow "$2"/files/etc/gshadow \
    "$2"/files/etc/machine-id "$2"/files/etc/resolv.conf "$2"/files/etc/hostname "$2"/files/etc/hosts
  # flatpak regenerates ld.so.cache only when bin/ldconfig exists, and it
  # sees /etc/ld.so.conf alone, so list the app's library folders there.
  ln -s ../sbin/ldconfig "$2/files/bin/ldconfig"
  printf '%s\n' 'include /run/flatpak/ld.so.conf.d/app-*.conf' 'include /app/etc/ld.so.conf' \
    /app/lib /app/lib/x86_64-linux-gnu 'include /run/flatpak/ld.so.conf.d/runtime-*.conf' \
    'include /usr/etc/ld.so.conf.d/*.conf' > "$2/files/etc/ld.so.conf"
  printf '[Runtime]\nname=%s\nruntime=org.gnome.Platform/x86_64/%s\nsdk=org.gnome.Sdk/x86_64/%s\n' \
    "$3" "$BRANCH" "$BRANCH" > "$2/metadata"
}
step=$(date +%s)
to_runtime rootfs-platform rt-platform org.gnome.Platform
to_runtime rootfs-sdk rt-sdk org.gnome.Sdk
say "TIME $(( $(date +%s) - step ))s to-runtime" >&3

# 4. Export into a local repository and install into the private user dir.
ostree --repo=repo init --mode=bare-user-only
t export-platform flatpak build-export --runtime --files=files repo rt-platform "$BRANCH" > export.log
t export-sdk flatpak build-export --runtime --files=files repo rt-sdk "$BRANCH" >> export.log
rm -rf rt-platform rt-sdk
flatpak --user remote-add --no-gpg-verify local-runtime "file://$W/repo"
t install-runtimes flatpak --user install -y --noninteractive local-runtime \
  "org.gnome.Platform//$BRANCH" "org.gnome.Sdk//$BRANCH" > install.log 2>&1 \
  || { cat install.log; say "FAIL: installing the runtimes"; exit 1; }

# 5. The app, from a copy of our manifest: same modules and finish-args,
#    runtime $BRANCH, md4c from the runtime, sources from a clean copy of the tree.
mkdir source
(cd "$SRC" && git ls-files -z --cached --others --exclude-standard | xargs -0 tar -cf - 2> /dev/null) \
  | tar -xf - -C source
/usr/bin/python3 - "$SRC/flatpak/$APP_ID.json" "$W/source" "$BRANCH" > "$APP_ID.json" <<'PY'
import json, sys
manifest = json.load(open(sys.argv[1]))
manifest["runtime-version"] = sys.argv[3]
manifest["modules"] = [m for m in manifest["modules"] if m["name"] != "md4c"]
for module in manifest["modules"]:
    for source in module.get("sources", []):
        if source.get("type") == "dir":
            source["path"] = sys.argv[2]
json.dump(manifest, sys.stdout, indent=2)
PY
t flatpak-builder flatpak-builder --user --disable-rofiles-fuse --force-clean --install \
  --state-dir="$W/builder-state" app-build "$APP_ID.json" > builder.log 2>&1 \
  || { tail -n 40 builder.log; say "FAIL: flatpak-builder"; exit 1; }

# 6. Run it under Xvfb: the window appears, a bookmark survives a restart,
#    a snippet runs inside the sandbox and cannot reach the mirror that the
#    host just reached.
mkdir home
status=0
# The session bus finds the D-Bus service that flatpak exported through
# XDG_DATA_DIRS, as on a desktop with Flatpak installed.
t run-app env -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u XDG_CACHE_HOME HOME="$W/home" \
  XDG_DATA_DIRS="$FLATPAK_USER_DIR/exports/share:/usr/local/share:/usr/share" \
  PYTHONPATH="$SRC/tests/e2e" SCREENSHOT="$W/window.png" DEBIAN_MIRROR="$MIRROR" \
  xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- \
  /usr/bin/python3 "$SRC/build-aux/flatpak-e2e.py" 2> run.log || status=1
[ $status -eq 0 ] || tail -n 30 run.log
if [ -n "${FLATPAK_CI_SCREENSHOT:-}" ] && [ -f "$W/window.png" ]; then
  cp "$W/window.png" "$FLATPAK_CI_SCREENSHOT"
fi

say "disk used in $W: $(du -sh "$W" 2> /dev/null | cut -f1)"
say "TIME $(( $(date +%s) - total_start ))s total"
if [ $status -eq 0 ]; then say "PASS"; else say "FAIL"; fi
exit $status
