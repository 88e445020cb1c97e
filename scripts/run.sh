#!/usr/bin/env bash
# Sets up (see bootstrap.sh) and starts Q&A Reader on the bundled sample Q&A page,
# or on the files given as arguments.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/bootstrap.sh"
venv="${QA_READER_VENV:-$root/.venv}"
if [ $# -eq 0 ]; then
    set -- "$root/resources/samples/fever-ibuprofen-and-paracetamol.txt"
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "$(uname -s)" = "Linux" ]; then
    echo "run: no screen found (DISPLAY is not set); starting on a virtual screen with xvfb-run." >&2
    echo "run: the window will not be visible; press Ctrl+C to stop." >&2
    exec xvfb-run -a -s "-screen 0 1280x900x24" "$venv/bin/python" -m qa_reader "$@"
fi
exec "$venv/bin/python" -m qa_reader "$@"
