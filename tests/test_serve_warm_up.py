"""``serve.py``'s start: the default page run once by the server's own session, giving way to a visitor."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import serve

ROOT = Path(__file__).resolve().parent.parent


def test_the_default_pages_modules_are_imported_before_the_other_pages():
    names = serve.modules()
    assert names.index("ntm.levels") < names.index("ntm.reports")  # overview before the report page
    assert names.index("ui_levels") < names.index("ntm.upload_log")  # overview before the upload page
    assert serve.modules(serve.FIRST) == names[: len(serve.modules(serve.FIRST))]


def test_streamlits_repl_question_is_answered_once_for_all():
    """``streamlit run`` never runs in a REPL: the first element does not walk every module to ask."""
    from streamlit import delta_generator

    delta_generator._use_warning_has_been_displayed = False
    serve._skip_repl_check()
    assert delta_generator._use_warning_has_been_displayed is True


def test_no_warm_up_session_on_a_missing_database(tmp_path, monkeypatch):
    """The setup page asks the first visitor how to start: the warm-up neither waits for the server nor runs it."""
    monkeypatch.setenv("NTM_DB", str(tmp_path / "none" / "ntm.duckdb"))
    started = time.monotonic()
    serve.warm_default_page(timeout=30)
    assert time.monotonic() - started < 1
    assert not (tmp_path / "none").exists()


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _runs(log: Path) -> list[dict]:
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []


def test_the_server_runs_the_default_page_once_at_start_and_logs_it_apart(sample_copy, tmp_path):
    port, log = _port(), tmp_path / "runs.jsonl"
    env = {**os.environ, "NTM_DB": str(sample_copy), "NTM_TIMING_LOG": str(log)}
    args = ["--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true"]
    with open(tmp_path / "server.log", "w") as out:
        proc = subprocess.Popen([sys.executable, "serve.py", *args], cwd=ROOT, env=env, stdout=out, stderr=out)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not any(r["page"] == "tong-quan" for r in _runs(log)):
            assert proc.poll() is None, (tmp_path / "server.log").read_text()[-2000:]
            time.sleep(0.2)
        runs = _runs(log)
        assert [(r["page"], r["outcome"], r.get("warm")) for r in runs] == [("", "ok", True), ("tong-quan", "ok", True)]
        assert urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=5).read() == b"ok"
    finally:
        proc.terminate()
        proc.wait(timeout=15)


@pytest.mark.parametrize(("sessions", "own", "expected"), [(0, 0, 0), (1, 0, 1), (1, 1, 0), (3, 1, 2)])
def test_visitors_are_counted_beside_the_warm_up_session(monkeypatch, sessions, own, expected):
    from streamlit import runtime

    class Manager:
        def num_active_sessions(self):
            return sessions

    class Instance:
        _session_mgr = Manager()

    monkeypatch.setattr(runtime.Runtime, "exists", staticmethod(lambda: True))
    monkeypatch.setattr(runtime.Runtime, "instance", staticmethod(lambda: Instance()))
    assert serve._others_connected(own) == expected
