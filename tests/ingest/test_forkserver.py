"""The limited child forked by the parse server: the same answer as the worker, the caller's limits, a crash or an
overrun costs only that child, and a server that died is started again."""

from __future__ import annotations

import os
import signal

import pytest

from ntm.ingest import forkserver, reader, worker
from ntm.problems import Rejected
from tests.helpers import workbook, xlsx

MEMORY = reader.MEMORY_LIMIT


def small_book() -> bytes:
    return xlsx(lambda s: (s.append(["Tên xã", "TC1"]), s.append(["Tú Xuyên", "Đạt"])))


def test_the_forked_child_answers_as_the_worker_does():
    data = small_book()
    assert forkserver.run(data, "a.xlsx", MEMORY, 60, 60) == worker.parse(data, "a.xlsx")
    sheets = reader.read_workbook(data, "a.xlsx")
    assert sheets[0].rows == [["Tên xã", "TC1"], ["Tú Xuyên", "Đạt"]]


def test_a_child_past_its_cpu_limit_is_killed_and_the_server_goes_on():
    # 1.2 million unclosed formula cells, stored: the linear scan needs several CPU seconds (a soft limit of 0
    # means 1 s to Linux, so the smallest limit is 1 s, and a small book parses well within it)
    slow = workbook(b'<c r="A1"><f>1</f>' * 1_200_000, stored=True)
    with pytest.raises(forkserver.Crashed):
        forkserver.run(slow, "a.xlsx", MEMORY, 1, 60)  # SIGXCPU after one CPU second
    assert forkserver.run(small_book(), "a.xlsx", MEMORY, 60, 60)[0] == "ok"


def test_a_child_past_its_memory_limit_is_refused_and_the_server_goes_on():
    rows = xlsx(lambda s: [s.append([f"Xã {r}", r, r * 0.5, "Đạt", "Chưa đạt"]) for r in range(3_000)])
    try:  # less than the interpreter holds already: every new block of memory is refused
        outcome = forkserver.run(rows, "a.xlsx", 8 * 1024 * 1024, 60, 60)[0]
    except forkserver.Crashed:
        outcome = "crashed"
    assert outcome in ("error", "crashed")  # a reader failure or a dead child, never a parse
    assert forkserver.run(rows, "a.xlsx", MEMORY, 60, 60)[0] == "ok"


def test_an_overrun_of_the_wall_clock_kills_the_child(monkeypatch):
    data = small_book()
    with pytest.raises(forkserver.TimedOut):
        forkserver.run(data, "a.xlsx", MEMORY, 60, 0.000_001)
    monkeypatch.setattr(reader, "TIME_LIMIT_S", 0.000_001)
    with pytest.raises(Rejected) as caught:  # through the reader: a message, not an exception
        reader.read_workbook(data, "a.xlsx")
    assert [p.key for p in caught.value.errors] == ["file.timeout"]
    monkeypatch.undo()
    assert reader.read_workbook(data, "a.xlsx")[0].rows[1] == ["Tú Xuyên", "Đạt"]


def test_a_server_that_died_is_started_again():
    data = small_book()
    forkserver.run(data, "a.xlsx", MEMORY, 60, 60)
    first = forkserver._SERVER.process
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    assert forkserver.run(data, "a.xlsx", MEMORY, 60, 60)[0] == "ok"
    assert forkserver._SERVER.process.pid != first.pid


def test_without_a_server_a_fresh_process_parses(monkeypatch):
    def unavailable(*args, **kwargs):
        raise forkserver.Unavailable("test")

    monkeypatch.setattr(forkserver, "run", unavailable)
    assert reader.read_workbook(small_book(), "a.xlsx")[0].rows[0] == ["Tên xã", "TC1"]
