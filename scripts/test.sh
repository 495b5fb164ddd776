#!/usr/bin/env bash
# Install everything the tests need (Python packages; Debian's chromium for browser tests) and run them all.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install -q -r requirements-dev.txt
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null
  else
    echo "chromium is missing: install Debian's chromium package (sudo apt-get install chromium) for the browser tests" >&2
  fi
fi
python -m pytest "$@"
