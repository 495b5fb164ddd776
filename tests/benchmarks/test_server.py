"""The server's readings of itself (``benchmarks/server.py``)."""

import subprocess
import sys
import time
from pathlib import Path

from benchmarks.server import Server


def test_the_server_process_cpu_is_read_from_the_process_itself(tmp_path):
    busy = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.3: pass\ntime.sleep(30)"
    proc = subprocess.Popen([sys.executable, "-c", busy])
    server = Server(proc, "http://127.0.0.1:1", 1, Path(tmp_path / "runs.jsonl"))
    try:
        deadline = time.time() + 20
        while server.cpu_s() < 0.3 and time.time() < deadline:
            time.sleep(0.05)
        assert 0.3 <= server.cpu_s() < 5
    finally:
        server.stop()
