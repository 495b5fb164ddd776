#!/usr/bin/env bash
# Install the dashboard's packages and start it; the first start builds data/ntm.duckdb with sample data.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install -q -r requirements.txt
exec python -m streamlit run app.py --server.headless=true "$@"
