"""The limited child that checks and parses an upload, forked from a pre-started server instead of started afresh.

Starting ``python -m ntm.ingest.worker`` for every upload cost about 0.2 s of CPU (the interpreter, ``site``,
python-calamine, the checks' imports) before a byte was read. The server pays that once per process: started
with ``exec`` (it shares nothing with the caller), it imports the worker and waits on a socket. For each upload
the caller hands it one end of a fresh socket pair; the server forks a child for it and goes back to waiting.
The child sets the memory and CPU limits the caller sends (``setrlimit``, counted from zero after the fork),
reads the bytes, runs ``worker.parse`` and answers; a crash, an abort or a runaway costs only that child, and
the caller kills it when it overruns the wall-clock limit. The server itself never reads a file.

Wire format on the pair (all lengths 8-byte big-endian): child → caller its pid; caller → child memory bytes,
CPU seconds, the file name and the data (each length-prefixed); child → caller the length-prefixed pickle.
"""

from __future__ import annotations

import atexit
import math
import os
import pickle
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from contextlib import suppress

_LEN = struct.Struct(">Q")


class Unavailable(RuntimeError):
    """The server could not be started or reached: the caller starts a child the old way."""


class Crashed(RuntimeError):
    """The child ended before it answered (an abort, a limit hit)."""


class TimedOut(RuntimeError):
    """The child did not answer in time (it was killed)."""


def _read_exactly(sock: socket.socket, n: int) -> bytes:
    parts, left = [], n
    while left:
        chunk = sock.recv(min(left, 1 << 20))
        if not chunk:
            raise EOFError
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def _read_block(sock: socket.socket) -> bytes:
    return _read_exactly(sock, _LEN.unpack(_read_exactly(sock, _LEN.size))[0])


def _block(data: bytes) -> bytes:
    return _LEN.pack(len(data)) + data


# --- the caller's side -------------------------------------------------------------------------------------------


class _Server:
    """One server per process (started on first use, again after a fork or when it died)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.control: socket.socket | None = None
        self.process: subprocess.Popen | None = None
        self.owner = 0

    def _start(self) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "ntm.ingest.forkserver", str(theirs.fileno())],
                pass_fds=[theirs.fileno()],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError as exc:
            ours.close()
            raise Unavailable(str(exc)) from exc
        finally:
            theirs.close()
        self.control, self.owner = ours, os.getpid()

    def _stop(self) -> None:
        if self.control is not None:
            self.control.close()  # the server reads end-of-file and exits
        if self.process is not None and self.owner == os.getpid():
            try:
                self.process.wait(timeout=1)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.control = self.process = None

    def connect(self) -> socket.socket:
        """A socket to a freshly forked child; the server is (re)started when needed, once."""
        with self.lock:
            for attempt in range(2):
                # none yet, or it died, or this is a forked copy of the caller (that server is its parent's)
                if (
                    self.control is None
                    or self.process is None
                    or self.owner != os.getpid()
                    or self.process.poll() is not None
                ):
                    self._stop()
                    self._start()
                assert self.control is not None
                ours, theirs = socket.socketpair()
                try:
                    socket.send_fds(self.control, [b"p"], [theirs.fileno()])
                    return ours
                except OSError:
                    ours.close()
                    self._stop()
                    if attempt:
                        raise Unavailable("the parse server does not answer") from None
                finally:
                    theirs.close()
        raise Unavailable("unreachable")

    def stop(self) -> None:
        with self.lock:
            self._stop()

    def warm(self) -> None:
        with self.lock:
            if self.control is None or self.owner != os.getpid():
                self._stop()
                self._start()


_SERVER = _Server()
atexit.register(lambda: _SERVER.stop())  # the server ends with its caller (and is waited for)


def warm() -> None:
    """Start the server ahead of the first upload; harmless when it runs already."""
    with suppress(Unavailable):
        _SERVER.warm()


def run(data: bytes, file_name: str, memory_bytes: int, cpu_seconds: float, timeout_s: float) -> tuple:
    """``worker.parse(data, file_name)`` in a forked child under the limits; ``Crashed``, ``TimedOut`` or
    ``Unavailable`` (no server: the caller falls back to starting a process)."""
    if not hasattr(socket, "send_fds") or not hasattr(os, "fork"):
        raise Unavailable("no fork here")
    deadline = time.monotonic() + timeout_s
    sock = _SERVER.connect()
    pid = None
    try:
        sock.settimeout(timeout_s)
        try:
            pid = _LEN.unpack(_read_exactly(sock, _LEN.size))[0]
        except TimeoutError:  # a child forked this late finds the socket closed and exits
            raise TimedOut from None
        except (EOFError, OSError) as exc:  # the server forked no child
            raise Unavailable("no child") from exc
        try:
            sock.sendall(
                _LEN.pack(memory_bytes)
                + _LEN.pack(max(1, math.ceil(cpu_seconds)))  # RLIMIT_CPU counts whole seconds
                + _block(file_name.encode("utf-8", "replace"))
                + _block(data)
            )
            sock.settimeout(max(deadline - time.monotonic(), 0.001))
            answer = _read_block(sock)
        except TimeoutError:
            raise TimedOut from None
        except (EOFError, OSError):
            raise Crashed from None
        pid = None  # it answered in full and exits by itself
        return pickle.loads(answer)  # our own child's output
    finally:
        sock.close()
        if pid is not None:
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


# --- the server's side -------------------------------------------------------------------------------------------


def _child(sock: socket.socket) -> None:
    import resource

    from ntm.ingest import worker

    sock.sendall(_LEN.pack(os.getpid()))
    memory, cpu = _LEN.unpack(_read_exactly(sock, 8))[0], _LEN.unpack(_read_exactly(sock, 8))[0]
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    file_name = _read_block(sock).decode(errors="replace")
    data = _read_block(sock)
    sock.sendall(_block(pickle.dumps(worker.parse(data, file_name))))


def _reap(*_) -> None:
    """Wait for every child that ended (waited for, their CPU time counts in the server's, and in the caller's
    once it waits for the server: ``time`` and ``getrusage`` see the parsing too)."""
    with suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


def serve(control: socket.socket) -> None:
    """Fork one child per socket received on ``control`` until the caller closes it."""
    signal.signal(signal.SIGCHLD, _reap)
    while True:
        try:
            message, fds, _, _ = socket.recv_fds(control, 16, 1)
        except InterruptedError:
            continue
        if not message:
            _reap()
            return
        if not fds:
            continue
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                control.close()
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                _child(socket.socket(fileno=fds[0]))
                code = 0
            finally:
                os._exit(code)
        os.close(fds[0])


def main() -> None:
    from ntm.ingest import worker  # imported once here, inherited by every child

    worker.preload()
    serve(socket.socket(fileno=int(sys.argv[1])))


if __name__ == "__main__":
    main()
