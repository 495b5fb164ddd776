"""Reading an upload into plain cell grids: inspect the bytes, then parse in a child process."""

from __future__ import annotations

import pickle
import resource
import subprocess
import sys
import zipfile
import zlib
from dataclasses import dataclass, field

from ntm.ingest.repair import normalise_paths
from ntm.ingest.safety import Inspection, inspect
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


def parse_isolated(data: bytes) -> tuple:
    """Parse in ``python -m ntm.ingest.worker`` under limits; a crash or time-out is a rejection."""
    try:
        done = subprocess.run(
            [sys.executable, "-m", "ntm.ingest.worker"],
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
    try:
        data = normalise_paths(data)
        inspection: Inspection = inspect(data, file_name)
    except (zipfile.BadZipFile, EOFError, zlib.error):  # a bad CRC-32 or a truncated entry
        raise Rejected([Problem("file.corrupt", {})]) from None
    result = parse_isolated(data)
    if result[0] == "error":
        raise Rejected([Problem("file.password" if result[1] == "password" else "file.corrupt", {})])
    return [
        Sheet(name, rows, visible, inspection.special_cells.get(name, {}), merged)
        for name, visible, rows, merged in result[1]
    ]
