#!/bin/sh
# fresh-system.sh: runs the README's test command on a brand-new Debian.
#
#   sudo build-aux/fresh-system.sh SUITE [COMMAND...]
#
# SUITE is a Debian release (bookworm, trixie). The script debootstraps a
# minbase system of it, adds only git, sudo and ca-certificates and a user
# "newcomer" who may use sudo, as a new developer's machine would have,
# copies this tree into that user's home, and runs COMMAND there as that
# user (default: build-aux/dev.sh test), with LANG=C.UTF-8 and nothing of
# the caller's environment but CI and PYPREP_EXPECT_SANDBOX. Whatever the command installs, it
# installs itself, so a missing dependency fails here as it would for a
# newcomer.
#
# The system is entered with pivot_root in a mount and PID namespace of its
# own, not with chroot: the kernel refuses new user namespaces to a
# chrooted process, and PyPrep's runner needs one for bubblewrap. Its /dev
# is a tmpfs with a handful of nodes and a private devpts, never a bind of
# the host's. Every mount lives in the private namespace, so none outlives
# the run, and the PID namespace takes every process down with it.
#
# The build's test log and screenshots are copied to
# _build/lanes/SUITE/ in this tree, with any other files of the build
# named in LANE_KEEP (paths under _build). LANE_INCLUDE adds packages to
# the debootstrap (a comma-separated list), and LANE_FILES copies files of
# this tree that git ignores (built elsewhere) into the copy. The system is deleted at the end, even
# on failure or a signal, once /proc/mounts shows nothing under it
# (KEEP=1 keeps it). Exit status: the command's; 1 for a setup failure,
# with a line that says which step failed (a mirror that cannot be reached
# is a failure too, never a pass).
set -eu

if [ "${1:-}" = --enter ]; then
  # Second stage, inside the new namespaces: build the system's mounts,
  # make it the root, drop the old root, run the command.
  root=$2; shift 2
  mount --make-rprivate /
  hostname "$(basename "$(dirname "$root")" | cut -d. -f1)"
  printf '127.0.0.1 localhost\n127.0.1.1 %s\n::1 localhost\n' "$(hostname)" > "$root/etc/hosts"
  mount --bind "$root" "$root"
  mount -t proc proc "$root/proc"
  mount -t sysfs -o ro sysfs "$root/sys"
  mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$root/tmp"
  mount -t tmpfs -o mode=755,nosuid tmpfs "$root/dev"
  mknode () { mknod -m 666 "$root/dev/$1" c "$2" "$3"; }
  mknode null 1 3; mknode zero 1 5; mknode full 1 7
  mknode random 1 8; mknode urandom 1 9; mknode tty 5 0
  mkdir "$root/dev/pts" "$root/dev/shm"
  mount -t devpts -o newinstance,ptmxmode=0666,mode=620,gid=5 devpts "$root/dev/pts"
  ln -s pts/ptmx "$root/dev/ptmx"
  mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$root/dev/shm"
  ln -s /proc/self/fd "$root/dev/fd"
  ln -s /proc/self/fd/0 "$root/dev/stdin"
  ln -s /proc/self/fd/1 "$root/dev/stdout"
  ln -s /proc/self/fd/2 "$root/dev/stderr"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  mkdir -p "$root/.old-root"
  cd "$root"
  pivot_root . .old-root
  umount -l /.old-root
  rmdir /.old-root
  cd /
  exec env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin TERM=dumb "$@"
fi

SUITE=${1:?usage: fresh-system.sh SUITE [COMMAND...]}
shift
[ $# -gt 0 ] || set -- build-aux/dev.sh test
cd "$(dirname "$0")/.."
SRC=$PWD
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
USER_NAME=newcomer
say () { echo "fresh-system[$SUITE]: $*"; }

if [ "$(id -u)" -ne 0 ]; then
  say "FAIL: must run as root (debootstrap, namespaces)"
  exit 1
fi
if ! command -v debootstrap > /dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap > /dev/null
fi

# The system lives on disk (not /tmp, which may be small), in a folder
# named after the suite so a leftover is easy to recognise.
# REUSE=DIR (a folder kept by KEEP=1) skips the debootstrap, for
# development only: that system is no longer new.
if [ -n "${REUSE:-}" ]; then W=$REUSE; else W=$(mktemp -d "/var/tmp/pyprep-$SUITE.XXXXXX"); fi
ROOT=$W/root
OUT=$SRC/_build/lanes/$SUITE
lane_pid=

kill_inside () {  # every process whose root is inside the system
  for proc in /proc/[0-9]*; do
    case "$(readlink "$proc/root" 2> /dev/null)" in
      "$ROOT"|"$ROOT"/*) kill -9 "${proc#/proc/}" 2> /dev/null || true ;;
    esac
  done
}
cleanup () {
  status=$?
  trap - EXIT INT TERM
  [ -n "$lane_pid" ] && kill -9 "$lane_pid" 2> /dev/null || true
  kill_inside
  # Mounts were made in the lane's own namespace, so none should be left;
  # should one be, it is taken down lazily before anything is deleted.
  for attempt in 1 2 3; do
    mounted=$(awk -v r="$W" 'index($2, r "/") == 1 || $2 == r { print $2 }' /proc/mounts)
    [ -z "$mounted" ] && break
    echo "$mounted" | sort -r | while read -r m; do umount -l "$m" 2> /dev/null || true; done
    sleep 1
  done
  if [ -n "$mounted" ]; then
    say "still mounted under $W, not deleting it: $mounted"
  elif [ "${KEEP:-0}" = 1 ]; then
    say "kept $W"
  else
    rm -rf --one-file-system "$W"
  fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step () {  # step LABEL COMMAND...: time one step; say which one failed
  label=$1; shift
  start=$(date +%s)
  if "$@"; then
    say "TIME $(( $(date +%s) - start ))s $label"
  else
    say "FAIL: $label (see above)"
    exit 1
  fi
}

bootstrap () {
  if ! debootstrap --variant=minbase --include=git,sudo,ca-certificates${LANE_INCLUDE:+,$LANE_INCLUDE} \
      "$SUITE" "$ROOT" "$MIRROR" > "$W/debootstrap.log" 2>&1; then
    tail -n 20 "$W/debootstrap.log"
    say "debootstrap of $SUITE from $MIRROR failed (is the mirror reachable?)"
    return 1
  fi
}
if [ -z "${REUSE:-}" ]; then
  step debootstrap bootstrap
fi

# A newcomer with sudo, and a copy of the tree as a clone would have it.
chroot "$ROOT" id "$USER_NAME" > /dev/null 2>&1 \
  || chroot "$ROOT" useradd --create-home --shell /bin/sh "$USER_NAME"
echo "$USER_NAME ALL=(ALL) NOPASSWD: ALL" > "$ROOT/etc/sudoers.d/$USER_NAME"
chmod 440 "$ROOT/etc/sudoers.d/$USER_NAME"
home=/home/$USER_NAME
mkdir -p "$ROOT$home/pyprep"
git ls-files -z --cached --others --exclude-standard | xargs -0 tar -cf - 2> /dev/null \
  | tar -xf - -C "$ROOT$home/pyprep"
for file in ${LANE_FILES:-}; do
  mkdir -p "$ROOT$home/pyprep/$(dirname "$file")"
  cp "$file" "$ROOT$home/pyprep/$file"
done
chroot "$ROOT" chown -R "$USER_NAME:$USER_NAME" "$home/pyprep"

# The command, as the newcomer, in a login-like environment.
start=$(date +%s)
set +e
unshare --mount --uts --pid --fork --kill-child "$SRC/build-aux/fresh-system.sh" --enter "$ROOT" \
  sudo -u "$USER_NAME" -H env LANG=C.UTF-8 ${CI:+CI=$CI} \
  ${PYPREP_EXPECT_SANDBOX:+PYPREP_EXPECT_SANDBOX=$PYPREP_EXPECT_SANDBOX} \
  sh -c 'cd "$HOME/pyprep" && exec "$@"' sh "$@" &
lane_pid=$!
wait "$lane_pid"
status=$?
lane_pid=
set -e
say "TIME $(( $(date +%s) - start ))s $*"

# What CI keeps: the test log and the screenshots.
rm -rf "$OUT"
mkdir -p "$OUT"
for keep in meson-logs/testlog.txt tests/screenshots ${LANE_KEEP:-}; do
  if [ -e "$ROOT$home/pyprep/_build/$keep" ]; then
    cp -r "$ROOT$home/pyprep/_build/$keep" "$OUT/"
  fi
done
say "exit status $status; logs and screenshots in $OUT"
exit $status
