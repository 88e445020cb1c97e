#!/usr/bin/env bash
# Starts Q&A Reader under Xvfb with Qt's accessibility bridge on and reads its accessible
# tree over AT-SPI (tools/accessibility_check.py). Installs the Debian packages it needs
# (they are not part of the normal set-up). Usage: tools/accessibility_check.sh [FILE]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${QA_READER_VENV:-$root/.venv}"
packages=(at-spi2-core dbus-x11 python3-pyatspi xvfb xauth)

# shellcheck source=../scripts/debian-packages.sh
source "$root/scripts/debian-packages.sh"
ensure_debian_packages "accessibility check" "${packages[@]}"
[ -x "$venv/bin/python" ] || "$root/scripts/bootstrap.sh"

export QA_A11Y_PYTHON="$venv/bin/python" QA_A11Y_SCRIPT="$root/tools/accessibility_check.py"
export QA_A11Y_FILE="${1:-}"
# One private session bus for the accessibility bus, the app and the reader script.
exec dbus-run-session -- xvfb-run -a -s "-screen 0 1280x900x24" sh -c '
    /usr/libexec/at-spi-bus-launcher --launch-immediately &
    launcher=$!
    sleep 1
    set -- --python "$QA_A11Y_PYTHON"
    [ -n "$QA_A11Y_FILE" ] && set -- "$@" --file "$QA_A11Y_FILE"
    status=0
    /usr/bin/python3 "$QA_A11Y_SCRIPT" "$@" || status=$?
    kill "$launcher" 2>/dev/null || true
    exit $status
'
