#!/usr/bin/env bash
# Sets up (see bootstrap.sh) and runs every check: lint, types, and the test suite.
# Extra arguments go to pytest, e.g. `scripts/test.sh -k preferences`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/bootstrap.sh"
venv="${QA_READER_VENV:-$root/.venv}"
cd "$root"
echo "== ruff"
"$venv/bin/ruff" check src tests scripts bench packaging tools
echo "== mypy"
"$venv/bin/mypy"
echo "== pytest"
"$venv/bin/python" -m pytest "$@"
