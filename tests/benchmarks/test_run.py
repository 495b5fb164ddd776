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
        [sys.executable, "-m", "benchmarks", "--scale", "district", "--json", "--times", "1", "--naive-rows", "20", "--sessions", "3",
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
    queries = ["overview, province", "overview, whole country", "criteria", "compare heatmap", "commune profile"]
    queries += ["targets", "report draft", "upload preview"]
    required = ["cli: python -m ntm --help", "ingest: province workbook"] + [f"queries: {q}" for q in queries]
    for prefix in required:
        assert any(n.startswith(prefix) for n in names), (prefix, names)
    assert sum(n.startswith("ingest: province workbook") for n in names) == 2, names  # vs raw read, vs naive
    # Every app case is printed, or the phase's failure is (a server that could not start on a loaded machine is
    # a printed goal not met, never a missing line).
    app = ["app: server start", "app: first overview run", "app: page switch", "app: filter change"]
    app += ["app: 3 sessions", "app: peak server RSS"]
    if not any(n.startswith("app: failed") for n in names):
        for prefix in app:
            assert any(n.startswith(prefix) for n in names), (prefix, names)
        sessions = [n for n in names if n.startswith("app: 3 sessions")]  # client and server time, at two paces
        assert len(sessions) == 4 and sum("an office's pace" in n for n in sessions) == 2, sessions
    assert all(c["median_s"] > 0 for c in result["cases"] if c["name"].startswith("queries:"))
