#!/usr/bin/env bash
# Install everything the tests need and run them all (the browser tests need Debian's chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install -q -r requirements-dev.txt
if [ ! -x /usr/bin/chromium ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq || true
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null \
      || echo "could not install chromium with apt-get" >&2
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-noto-core \
      >/dev/null 2>&1 || true  # Vietnamese glyphs in screenshots; optional
  fi
fi
if [ "${CI:-}" = "true" ] && [ ! -x /usr/bin/chromium ]; then
  echo "CI=true but /usr/bin/chromium is missing: the browser tests cannot run" >&2
  exit 1
fi
bash scripts/check.sh  # ruff, ruff format, mypy, import-linter: any failure stops here
# In parallel (pytest-xdist), the longest tests first (tests/conftest.py) and an idle worker taking half of another's
# queue (--dist worksteal); each worker has its own server and chromium for the browser tests. The 25 slowest listed.
python -m pytest -p no:playwright -n auto --dist worksteal --durations=25 "$@"
