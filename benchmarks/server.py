"""The app's server for the benchmark's cases: ``python serve.py`` (``streamlit run app.py``, warmed while it starts)
on a free port with ``$NTM_TIMING_LOG``, and what it reports of itself (its logged script runs, peak RSS, CPU)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Server:
    proc: subprocess.Popen
    base: str
    port: int
    log: Path

    def runs(self, since: float = 0.0, warm: bool = False) -> list[dict]:
        """Script runs the server logged (each with its end time ``at``), optionally only those after ``since``:
        the sessions' runs, or (``warm``) those of the server's own warm-up session at start (``serve.py``)."""
        if not self.log.exists():
            return []
        rows = [json.loads(line) for line in self.log.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [r for r in rows if r.get("at", 0) >= since and bool(r.get("warm")) == warm]

    def run_seconds(self, since: float) -> list[float]:
        """The wall seconds of each script run logged after ``since`` (the sessions', not the warm-up's)."""
        return [r["s"] for r in self.runs(since)]

    def peak_rss_gb(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024 / 1024
        return float("nan")

    def cpu_s(self) -> float:
        """The server process's CPU seconds so far (user + system, all threads): with the runs it logged between
        two readings, what each run cost the process, Streamlit's own work after the script included (its garbage
        collection, the messages written), which the runs' own ``cpu_s`` does not see."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


_STARTED: list[Server] = []


def stop_all() -> None:
    """Stop every server this run started (also those a failed case left behind)."""
    while _STARTED:
        server = _STARTED.pop()
        if server.proc.poll() is None:
            server.stop()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(db: Path, work: Path, timeout: float = 120) -> Server:
    port = _free_port()
    log = work / f"runs-{port}.jsonl"
    with open(work / f"server-{port}.log", "w") as out:  # the child keeps its own handle
        proc = _popen(port, db, log, out)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + timeout
    while True:
        try:
            if urllib.request.urlopen(f"{base}/_stcore/health", timeout=2).read() == b"ok":
                _STARTED.append(Server(proc, base, port, log))
                return _STARTED[-1]
        except OSError:
            pass
        if proc.poll() is not None or time.time() > deadline:
            proc.kill()
            raise RuntimeError("streamlit did not start: " + (work / f"server-{port}.log").read_text()[-2000:])
        time.sleep(0.2)


def _popen(port: int, db: Path, log: Path, out) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "serve.py", "--server.address", "127.0.0.1", "--server.port",
         str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT,
        env={**os.environ, "NTM_DB": str(db), "NTM_TIMING_LOG": str(log)},
        stdout=out,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
