"""The benchmark keeps working: ``python -m benchmarks --scale district --json`` end to end (a short load phase).

Not a timing test: it checks the JSON contract and that every case ran, never how fast."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
KEYS = ["name", "median_s", "min_s", "max_s", "baseline", "baseline_s", "ratio", "goal", "goal_met"]

pytestmark = [pytest.mark.bench_run, pytest.mark.browser]


def test_the_district_benchmark_runs_and_prints_the_json_contract(request, tmp_path):
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("the app cases need Debian's chromium")
    # the generated database is reused between sessions (the benchmark keys it by its generator version and
    # brings it to the current schema); without pytest's cache it is built in this test's folder
    cache = getattr(request.config, "cache", None)
    folder = cache.mkdir("ntm-benchmark") if cache is not None else tmp_path / "cache"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--scale", "district", "--json", "--times", "2", "--sessions", "3",
         "--seconds", "5", "--cache", str(folder)],
        check=False, cwd=ROOT, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)
    assert list(result) == ["scale", "machine", "cases"] and result["scale"] == "district"
    names = [c["name"] for c in result["cases"]]
    for case in result["cases"]:
        assert list(case) == KEYS
        assert isinstance(case["goal_met"], bool) and case["goal"]
    for prefix in ("ingest: province", "queries: overview", "queries: upload preview"):
        assert any(n.startswith(prefix) for n in names), (prefix, names)
    # The app phase (a server and chromium) is reported when it ran; under a loaded test run it may not start
    # in time, which the benchmark prints as a failed goal rather than a missing line.
    assert any(n.startswith(("app:", "cli:")) for n in names), names
    assert all(c["median_s"] > 0 for c in result["cases"] if c["name"].startswith("queries:"))
