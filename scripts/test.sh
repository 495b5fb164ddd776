#!/usr/bin/env bash
# Install everything the tests need and run them all.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install -q -r requirements-dev.txt
python -m pytest -p no:playwright "$@"
