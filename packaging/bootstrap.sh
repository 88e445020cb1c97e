#!/usr/bin/env bash
# Prepares a Debian/Ubuntu machine to build and smoke-test the Linux installers
# (packaging/build.py --smoke): first the project's own set-up (scripts/bootstrap.sh),
# then the packaging tools and what the .deb needs at run time. Safe to run again.
#
# Debian packages:
#   binutils            `strip`, which PyInstaller runs on every bundled library
#   desktop-file-utils  desktop-file-validate
#   appstream           appstreamcli validate
#   dpkg                dpkg-deb builds the .deb (always present on Debian)
#   + the .deb's Depends and Recommends (python3 packaging/build.py --deb-depends), so
#     `dpkg -i` of the fresh package succeeds and its self-test runs
# Python (the `packaging` extra of pyproject.toml): PyInstaller, Pillow (.ico/.icns).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${QA_READER_VENV:-$root/.venv}"
"$root/scripts/bootstrap.sh"

if command -v dpkg-query >/dev/null 2>&1 && [ "${QA_READER_SKIP_DEBIAN:-}" != "1" ]; then
    mapfile -t runtime < <(python3 "$root/packaging/build.py" --deb-depends)
    wanted=(binutils desktop-file-utils appstream "${runtime[@]}")
    # shellcheck source=scripts/debian-packages.sh
    source "$root/scripts/debian-packages.sh"
    ensure_debian_packages packaging/bootstrap "${wanted[@]}"
fi

stamp="$venv/.qa-reader-packaging-installed"
wanted_hash="$(sha256sum "$root/pyproject.toml" | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted_hash" ]; then
    echo "packaging/bootstrap: installing the packaging tools into $venv"
    "$venv/bin/python" -m pip install --quiet -e "$root[packaging]"
    echo "$wanted_hash" >"$stamp"
fi
