"""Reading an upload into plain cell grids: the bytes are inspected and parsed in a child process.

The server process only hands the bytes over: every check of the file's content
(``ntm.ingest.safety``) and the parse run in ``ntm.ingest.worker`` under memory and time limits,
so a hostile file slows nobody else (waiting for the child holds no lock other sessions need).
The child is forked from a pre-started server (``ntm.ingest.forkserver``: no interpreter start per
upload); where that server cannot run, a fresh ``python -m ntm.ingest.worker`` is started instead.
"""

from __future__ import annotations

import pickle
import resource
import subprocess
import sys
from dataclasses import dataclass, field

from ntm.ingest import forkserver
from ntm.ingest.safety import MAX_UPLOAD_BYTES, inspect
from ntm.problems import Problem, Rejected

MEMORY_LIMIT = 1536 * 1024 * 1024
TIME_LIMIT_S = 60


@dataclass
class Sheet:
    name: str
    rows: list[list]  # row 0 is Excel row 1, column 0 is A
    visible: bool = True
    special_cells: dict[tuple[int, int], str] = field(default_factory=dict)
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)  # 0-based corners


def _limits() -> None:  # runs in the child before exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (TIME_LIMIT_S, TIME_LIMIT_S + 5))


def parse_isolated(data: bytes, file_name: str = "") -> tuple:
    """Check and parse in a limited child (forked by ``forkserver``, else ``python -m ntm.ingest.worker``);
    a crash or time-out is a rejection."""
    name = file_name.replace("\0", "")[:255]
    try:
        return forkserver.run(data, name, MEMORY_LIMIT, TIME_LIMIT_S, TIME_LIMIT_S)
    except forkserver.TimedOut:
        raise Rejected([Problem("file.timeout", {"seconds": TIME_LIMIT_S})]) from None
    except forkserver.Crashed:
        raise Rejected([Problem("file.crashed", {})]) from None
    except forkserver.Unavailable:
        return _parse_in_new_process(data, name)


def _parse_in_new_process(data: bytes, file_name: str) -> tuple:
    try:
        done = subprocess.run(
            [sys.executable, "-m", "ntm.ingest.worker", file_name],
            input=data,
            capture_output=True,
            timeout=TIME_LIMIT_S,
            preexec_fn=_limits,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise Rejected([Problem("file.timeout", {"seconds": TIME_LIMIT_S})]) from None
    if done.returncode != 0 or not done.stdout:
        raise Rejected([Problem("file.crashed", {})])
    return pickle.loads(done.stdout)  # our own child's output


def read_workbook(data: bytes, file_name: str = "") -> list[Sheet]:
    """Every sheet of an .xlsx/.xlsm/.xlsb/.xls/.ods upload, or ``Rejected`` saying what is wrong."""
    if not data or len(data) > MAX_UPLOAD_BYTES:  # checks that need no parsing, without starting a process
        inspect(data, file_name)
    result = parse_isolated(data, file_name)
    if result[0] == "rejected":
        raise Rejected(result[1])
    if result[0] == "error":
        raise Rejected([Problem("file.password" if result[1] == "password" else "file.corrupt", {})])
    special = result[2]
    return [Sheet(name, rows, visible, special.get(name, {}), merged) for name, visible, rows, merged in result[1]]
