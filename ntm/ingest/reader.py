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
import threading
from dataclasses import dataclass, field

from ntm.ingest import forkserver, gc_pause
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


class Parsing:
    """The check and parse of one upload started ahead (``parse_ahead``): the limited child works on it while the
    caller does something else (loads the previous upload), and ``sheets()`` waits for the answer. The child, its
    limits and its checks are those of ``read_workbook``; only the waiting moves to a thread, which holds no lock
    the caller needs (it waits on a socket, and unpickles the answer)."""

    def __init__(self, data: bytes, file_name: str = ""):
        self.data, self.file_name = data, file_name
        self._answer: tuple | None = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        if data and len(data) <= MAX_UPLOAD_BYTES:  # else ``sheets()`` says what is wrong, without a child
            self._thread = threading.Thread(target=self._run, name="ntm-parse-ahead", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        try:
            with gc_pause.paused():  # the answer's rows are many acyclic lists (see ``gc_pause``)
                self._answer = parse_isolated(self.data, self.file_name)
        except BaseException as exc:  # Rejected (a crash, a time-out), or anything else: raised by ``sheets()``
            self._error = exc

    def wait(self) -> None:
        """Until the child answered (or failed); ``sheets()`` then returns at once."""
        if self._thread is not None:
            self._thread.join()

    def of(self, data: bytes, file_name: str) -> bool:
        """Whether this is the parse of ``data`` (the caller hands the parse and the bytes together)."""
        return (self.data is data or self.data == data) and self.file_name == file_name

    def sheets(self) -> list[Sheet]:
        """Every sheet, or ``Rejected``, exactly as ``read_workbook(data, file_name)`` would give them."""
        if self._thread is None:
            inspect(self.data, self.file_name)  # empty or too large: raises
        self.wait()
        if self._error is not None:
            raise self._error.with_traceback(None)
        assert self._answer is not None
        return _sheets(self._answer)


def parse_ahead(data: bytes, file_name: str = "") -> Parsing:
    """Start checking and parsing ``data`` now; hand the result to ``importer.import_file(..., parsed=)`` or
    read it with ``sheets()``. A batch (``ntm.sample.build``) parses upload N+1 while it loads upload N."""
    return Parsing(data, file_name)


def read_workbook(data: bytes, file_name: str = "") -> list[Sheet]:
    """Every sheet of an .xlsx/.xlsm/.xlsb/.xls/.ods upload, or ``Rejected`` saying what is wrong."""
    if not data or len(data) > MAX_UPLOAD_BYTES:  # checks that need no parsing, without starting a process
        inspect(data, file_name)
    return _sheets(parse_isolated(data, file_name))


def _sheets(result: tuple) -> list[Sheet]:
    if result[0] == "rejected":
        raise Rejected(result[1])
    if result[0] == "error":
        raise Rejected([Problem("file.password" if result[1] == "password" else "file.corrupt", {})])
    special = result[2]
    return [Sheet(name, rows, visible, special.get(name, {}), merged) for name, visible, rows, merged in result[1]]
