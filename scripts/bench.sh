#!/usr/bin/env bash
# The benchmark suite: sets up .venv like the other scripts, then runs bench/run.py,
# which measures the app against the bare-Qt floor, prints a table, writes
# docs/performance.md and exits non-zero when a budget is missed. Not part of the tests.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/bootstrap.sh"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
exec "$root/.venv/bin/python" "$root/bench/run.py" "$@"
