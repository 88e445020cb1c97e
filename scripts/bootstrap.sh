#!/usr/bin/env bash
# Prepares a Debian/Ubuntu machine (or any machine with Python 3.10+) to run Q&A Reader
# from this checkout: the system libraries Qt needs to open a window, Xvfb for tests
# that need a real window, and a virtual environment in .venv with the app installed
# in editable mode plus the test and dev tools. Safe to run again: it only does what
# is missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${QA_READER_VENV:-$root/.venv}"
python="${PYTHON:-python3}"

# Debian packages: Qt's xcb platform plugin and its libraries, PulseAudio's client library
# (QtTextToSpeech links to it, even for the silent engine the tests use), fonts for offscreen
# rendering, Xvfb (+ xauth for xvfb-run) for real-window tests, poppler-utils (pdftotext,
# pdfinfo, pdffonts, pdftoppm) for the print tests, and venv support.
debian_packages=(
    libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
    libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1
    libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
    libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0
    libxcb-xinerama0 libxcb-xkb1
    libpulse0
    fonts-dejavu-core xvfb xauth
    poppler-utils
)

# shellcheck source=scripts/debian-packages.sh
source "$root/scripts/debian-packages.sh"

install_debian_packages() {
    local wanted=("${debian_packages[@]}")
    if ! "$python" -c "import ensurepip, venv" >/dev/null 2>&1; then
        wanted+=("python3-venv")
    fi
    ensure_debian_packages bootstrap "${wanted[@]}"
}

install_python_packages() {
    local stamp="$venv/.qa-reader-installed"
    local wanted
    wanted="$(sha256sum "$root/pyproject.toml" | cut -d' ' -f1)"
    if [ ! -x "$venv/bin/python" ]; then
        echo "bootstrap: creating virtual environment in $venv"
        "$python" -m venv "$venv"
    fi
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
        return 0
    fi
    echo "bootstrap: installing Python packages into $venv"
    "$venv/bin/python" -m pip install --quiet --upgrade pip
    "$venv/bin/python" -m pip install --quiet -e "$root[test,dev]"
    echo "$wanted" >"$stamp"
}

if [ "${QA_READER_SKIP_DEBIAN:-}" != "1" ]; then
    install_debian_packages
fi
install_python_packages
