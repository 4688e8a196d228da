#!/bin/sh
# check-manifest.sh MANIFEST: flatpak-builder must parse the manifest
# without a single warning, and the sandbox must stay as small as the
# issue allows (no network, no home directory, no host files).
set -u
manifest=$1
err=$(mktemp)
trap 'rm -f "$err"' EXIT

if ! flatpak-builder --show-manifest "$manifest" > /dev/null 2> "$err"; then
  echo "flatpak-builder cannot parse $manifest:"; cat "$err"; exit 1
fi
if [ -s "$err" ]; then
  echo "flatpak-builder warns about $manifest:"; cat "$err"; exit 1
fi

python3 - "$manifest" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
problems = []
expected = ["--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"]
if sorted(m.get("finish-args", [])) != sorted(expected):
    problems.append(f"finish-args are {m.get('finish-args')}, expected exactly {expected}")
if m.get("app-id") != "io.github.pyprep.PyPrep" or m.get("command") != "pyprep":
    problems.append("wrong app-id or command")
if (m.get("runtime"), m.get("sdk")) != ("org.gnome.Platform", "org.gnome.Sdk"):
    problems.append("not built on the GNOME runtime")
names = [module["name"] for module in m.get("modules", [])]
if names != ["md4c", "pyprep"]:
    problems.append(f"modules are {names}")
else:
    md4c, pyprep = m["modules"]
    source = md4c["sources"][0]
    if (source.get("tag"), source.get("commit")) != ("release-0.5.3",
                                                     "472c417005c2c71b8617de4f7b8d6b30411d78f4"):
        problems.append("md4c is not pinned to release-0.5.3")
    if md4c.get("buildsystem") != "cmake-ninja" or "/include" not in md4c.get("cleanup", []):
        problems.append("md4c must build with cmake-ninja and clean up its headers")
    if pyprep["sources"][0].get("type") != "dir":
        problems.append("pyprep must build from a dir source")
for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
PY
