"""A full disk, a corrupt database file and a busy one: a Vietnamese message with what to do, never a traceback."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import openpyxl
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from ntm import faults, store
from ntm.ingest.importer import import_file


def a_report() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "T5-2020"
    sheet["A1"] = "UBND HUYỆN VĂN QUAN"
    sheet.append(["STT", "Tên xã"] + [f"TC{i}" for i in range(1, 20)])
    sheet.append([1, "Tú Xuyên"] + ["Đạt"] * 10 + ["Chưa đạt"] * 9)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def full_disk_db(db_path):
    """The database's write-ahead log is /dev/full: every commit meets a real ENOSPC from the kernel."""
    wal = db_path.with_name(db_path.name + ".wal")
    if wal.exists():
        wal.unlink()
    os.symlink("/dev/full", wal)
    return db_path


def test_an_upload_on_a_full_disk_is_a_message_and_changes_nothing(full_disk_db):
    con = store.connect(full_disk_db)
    before = con.execute("SELECT count(*) FROM uploads").fetchall()
    result = import_file(con, a_report(), "t5.xlsx")
    assert result.status == "rejected"
    assert [p.key for p in result.errors] == ["store.disk_full"]
    assert "Ổ đĩa chứa cơ sở dữ liệu" in result.errors[0].message("vi")
    assert "Free some disk space" in result.errors[0].message("en")
    assert con.execute("SELECT count(*) FROM uploads").fetchall() == before
    assert con.execute("SELECT count(*) FROM assessments").fetchall() == [(0,)]
    con.close()


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ntm", *args], capture_output=True, text=True, timeout=180, cwd=os.getcwd(), check=False
    )


def test_the_cli_on_a_full_disk(full_disk_db, tmp_path):
    report = tmp_path / "t5.xlsx"
    report.write_bytes(a_report())
    done = run_cli("import", str(report), "--db", str(full_disk_db))
    assert done.returncode == 1
    assert "Ổ đĩa chứa cơ sở dữ liệu" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("damage", ["garbage", "truncated", "checksum"])
def test_a_corrupt_database_file_is_a_message_in_the_cli(db_path, damage):
    data = bytearray(db_path.read_bytes())
    if damage == "garbage":
        data = bytearray(b"not a database " * 1000)
    elif damage == "truncated":
        data = data[: len(data) // 3]
    else:
        for i in range(12288, len(data), 5):
            data[i] ^= 0x5A
    db_path.write_bytes(bytes(data))
    done = run_cli("summary", "--unit", "Văn Quan", "--period", "2020-05", "--db", str(db_path))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "bị hỏng" in done.stderr or "Không đọc hoặc ghi được" in done.stderr, done.stderr


def app(monkeypatch, path) -> AppTest:
    st.cache_data.clear()
    st.cache_resource.clear()
    monkeypatch.setenv("NTM_DB", str(path))
    return AppTest.from_file("../app.py", default_timeout=90).run()


def test_the_app_on_a_corrupt_database_shows_a_vietnamese_message(monkeypatch, tmp_path):
    path = tmp_path / "ntm.duckdb"
    path.write_bytes(b"not a database " * 1000)
    at = app(monkeypatch, path)
    assert not at.exception
    assert any("bị hỏng" in e.value and "Khôi phục bản sao lưu" in e.value for e in at.error)


def test_the_app_on_a_busy_database_shows_a_vietnamese_message(monkeypatch, db_path):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"from ntm import store; c = store.connect({str(db_path)!r}); print('held', flush=True); input()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        at = app(monkeypatch, db_path)
        assert not at.exception
        assert any("đang bận" in e.value and str(db_path) in e.value for e in at.error)
    finally:
        holder.communicate("\n", timeout=60)
    st.cache_resource.clear()


def test_a_write_conflict_between_two_sessions_is_busy_not_a_traceback(con):
    first, second = con.cursor(), con.cursor()
    first.execute("CREATE TABLE counter (n INTEGER)")
    first.execute("INSERT INTO counter VALUES (1)")
    with store.transaction(first):
        first.execute("UPDATE counter SET n = 2")
        with pytest.raises(faults.StoreFault) as caught, store.transaction(second):
            second.execute("UPDATE counter SET n = 3")
    assert caught.value.key == "store.busy"
    assert "Đợi một lát rồi thực hiện lại" in caught.value.message("vi")
    assert con.execute("SELECT n FROM counter").fetchall() == [(2,)]
