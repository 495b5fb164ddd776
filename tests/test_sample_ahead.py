"""The sample's reports parsed ahead, one child at a time, at most ``depth`` ahead of the one loading."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import ClassVar

import pytest

from ntm import sample_ahead
from ntm.ingest.reader import Parsing


@dataclass(frozen=True)
class Entry:
    file: str
    kind: str


class FakeParsing:
    """Stands for the child's parse: records when it runs, ends when the test lets it."""

    running: ClassVar[list[str]] = []
    started: ClassVar[list[str]] = []

    def __init__(self, data: bytes, file_name: str):
        self.data, self.file_name = data, file_name
        self.done = threading.Event()
        FakeParsing.started.append(file_name)
        FakeParsing.running.append(file_name)

    def wait(self) -> None:
        self.done.wait(5)
        if self.file_name in FakeParsing.running:
            FakeParsing.running.remove(self.file_name)


@pytest.fixture
def fake_parse(monkeypatch):
    made: dict[str, FakeParsing] = {}

    def parse_ahead(data: bytes, file_name: str) -> FakeParsing:
        made[file_name] = FakeParsing(data, file_name)
        return made[file_name]

    FakeParsing.running, FakeParsing.started = [], []
    monkeypatch.setattr(sample_ahead, "parse_ahead", parse_ahead)
    return made


def _files(tmp_path, entries):
    for entry in entries:
        (tmp_path / entry.file).write_bytes(entry.file.encode())
    return entries


def _until(condition, seconds: float = 5) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def test_reports_are_parsed_in_order_one_child_at_a_time_and_at_most_depth_ahead(tmp_path, fake_parse):
    files = _files(tmp_path, [Entry(f"r{k}.xlsx", "report") for k in range(6)])
    ahead = sample_ahead.Ahead(tmp_path, files, depth=2)
    try:
        _until(lambda: "r0.xlsx" in fake_parse)
        time.sleep(0.05)
        assert FakeParsing.started == ["r0.xlsx"]  # the next waits for this one's answer
        fake_parse["r0.xlsx"].done.set()
        _until(lambda: "r1.xlsx" in fake_parse)
        fake_parse["r1.xlsx"].done.set()
        time.sleep(0.05)
        assert FakeParsing.started == ["r0.xlsx", "r1.xlsx"]  # two ahead of nothing taken: the third waits
        assert len(FakeParsing.running) <= 1
        taken = ahead.take(0)
        assert taken is fake_parse["r0.xlsx"] and taken.data == b"r0.xlsx"
        _until(lambda: "r2.xlsx" in fake_parse)  # one taken: one more may start
        time.sleep(0.05)
        assert FakeParsing.started == ["r0.xlsx", "r1.xlsx", "r2.xlsx"]
        for name in ("r2.xlsx", "r3.xlsx", "r4.xlsx", "r5.xlsx"):
            _until(lambda name=name: name in fake_parse)
            fake_parse[name].done.set()
            ahead.take(int(name[1]) - 1)
        assert ahead.take(5) is fake_parse["r5.xlsx"]
        assert FakeParsing.started == [f"r{k}.xlsx" for k in range(6)]
    finally:
        ahead.close()


def test_other_entries_are_not_parsed_and_give_none(tmp_path, fake_parse):
    files = _files(tmp_path, [Entry("v.xlsx", "villages"), Entry("r.xlsx", "report"), Entry("p.xlsx", "plan")])
    ahead = sample_ahead.Ahead(tmp_path, files)
    try:
        assert ahead.take(0) is None
        _until(lambda: "r.xlsx" in fake_parse)
        fake_parse["r.xlsx"].done.set()
        assert ahead.take(1) is fake_parse["r.xlsx"]
        assert ahead.take(2) is None
        assert FakeParsing.started == ["r.xlsx"]
    finally:
        ahead.close()


def test_an_unreadable_report_is_raised_where_it_is_taken(tmp_path, fake_parse):
    files = [Entry("missing.xlsx", "report")]
    ahead = sample_ahead.Ahead(tmp_path, files)
    with pytest.raises(FileNotFoundError):
        ahead.take(0)
    ahead.close()


def test_closed_early_no_more_parses_start_and_a_later_take_parses_in_place(tmp_path, fake_parse):
    files = _files(tmp_path, [Entry(f"r{k}.xlsx", "report") for k in range(3)])
    ahead = sample_ahead.Ahead(tmp_path, files, depth=1)
    _until(lambda: "r0.xlsx" in fake_parse)
    ahead.close()
    fake_parse["r0.xlsx"].done.set()
    time.sleep(0.05)
    assert FakeParsing.started == ["r0.xlsx"]
    ahead._thread.join(5)
    later = ahead.take(2)
    assert later is fake_parse["r2.xlsx"]


def test_a_real_parse_ahead_reads_the_sheets(tmp_path):
    """Through the real limited child: the parse taken is the one ``import_file(parsed=)`` accepts."""
    import io

    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Tên xã", 1, 2])
    buffer = io.BytesIO()
    book.save(buffer)
    (tmp_path / "a.xlsx").write_bytes(buffer.getvalue())
    ahead = sample_ahead.Ahead(tmp_path, [Entry("a.xlsx", "report")])
    try:
        parsing = ahead.take(0)
        assert isinstance(parsing, Parsing) and parsing.of(buffer.getvalue(), "a.xlsx")
        assert parsing.sheets()[0].rows[0] == ["Tên xã", 1, 2]
    finally:
        ahead.close()
