#!/usr/bin/env bash
# Builds the Linux bundle, .tar.gz and .deb and smoke-tests them (see packaging/build.py):
# frozen self-test, installed wheel, desktop-file/AppStream validation, dpkg -i + self-test.
# Needs root for dpkg -i (CI runs as root). Takes about 1.5 minutes on 2 cores.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${QA_READER_VENV:-$root/.venv}"
bash "$root/packaging/bootstrap.sh"
echo "== packaging smoke test"
cd "$root"
"$venv/bin/python" packaging/build.py --smoke "$@"
