#!/usr/bin/env bash
# Install the dashboard's packages and start it; the first start builds data/ntm.duckdb with sample data.
# By default it listens on 127.0.0.1 only, as the single local user without a sign-in (the sidebar says so).
# To serve a network, pass --server.address=ADDRESS: the app then requires a sign-in (built-in accounts from
# `python -m ntm users add`, or OpenID Connect configured in .streamlit/secrets.toml); see README, "Access".
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install -q -r requirements.txt
address=(--server.address=127.0.0.1)
for arg in "$@"; do
  case "$arg" in --server.address | --server.address=*) address=() ;; esac
done
exec python serve.py --server.headless=true "${address[@]}" "$@"  # streamlit run app.py, warmed at start
