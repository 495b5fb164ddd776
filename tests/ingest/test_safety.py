"""Hostile and broken files are refused on their bytes, before any parser sees them, and nothing is written;
the checks are linear in the file's size, complete, and never run in the server process."""

from __future__ import annotations

import io
import random
import threading
import time
import zipfile

import pytest

from ntm import metrics, periods
from ntm.ingest import reader, safety
from ntm.ingest.importer import import_file
from ntm.problems import Rejected
from tests.helpers import (
    SHEET_HEAD,
    SHEET_TAIL,
    parts_of_a_small_workbook,
    real_world_sheet,
    snapshot,
    van_quan,
    workbook,
    xlsx,
    zip_with,
)


def hostile_cases():
    far = xlsx(lambda s: s.__setitem__("XFD1048576", 1))
    good = xlsx(real_world_sheet)
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    bomb = dict(parts)
    bomb["xl/media/pad.bin"] = b"\0" * 50_000_000
    entity = dict(parts)
    entity["xl/workbook.xml"] = b'<!DOCTYPE x [<!ENTITY a "aaaa">]>' + parts["xl/workbook.xml"].split(b"?>")[-1]
    missing = {k: v for k, v in parts.items() if k != "xl/workbook.xml"}
    return {
        "far_cell": (far, "file.dimension"),
        "csv_named_xlsx": ("Tên xã,TC1\nTú Xuyên,Đạt\n".encode(), "file.not_workbook"),
        "xls_password": (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100 + "EncryptedPackage".encode("utf-16-le"),
            "file.password",
        ),
        "zip_bomb": (zip_with(bomb), "file.zip_bomb"),
        "doctype": (zip_with(entity), "file.dtd"),
        "missing_part": (zip_with(missing), "file.missing_part"),
        "truncated": (good[: len(good) // 2], "file.corrupt"),
        "empty": (b"", "file.empty"),
    }


HOSTILE = ["far_cell", "csv_named_xlsx", "xls_password", "zip_bomb", "doctype", "missing_part", "truncated", "empty"]


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_and_broken_files_are_refused_cleanly(con, case):
    data, key = hostile_cases()[case]
    before = snapshot(con)
    result = import_file(con, data, f"{case}.xlsx")
    assert result.status == "rejected" and [p.key for p in result.errors] == [key]
    assert snapshot(con) == before


def test_defusedxml_is_active():
    import openpyxl as px

    assert px.DEFUSEDXML


def keys(data: bytes) -> list[str]:
    try:
        safety.inspect(data)
    except Rejected as exc:
        return [p.key for p in exc.errors]
    return []


@pytest.mark.parametrize(
    "body",
    [
        b"<c>" * 60_000,  # unclosed cells: the old cell regex ran past 4 minutes on these
        b'<c r="A1">' * 60_000,
        b'<c r="A1"><f>1</f>' * 60_000,
        b"<row>" * 60_000,
        b'<c r="A1" t="e">' * 60_000,
    ],
    ids=["unclosed", "unclosed_with_ref", "unclosed_formulas", "unclosed_rows", "unclosed_errors"],
)
def test_unclosed_tags_are_scanned_in_linear_time(body):
    data = workbook(body, stored=True)  # stored, not deflated: the ratio check lets it through to the scan
    started = time.process_time()  # CPU time of this process: other jobs on the machine do not count
    found = keys(data)
    assert time.process_time() - started < 3  # the quadratic scan took minutes of CPU; a linear one a fraction of 1 s
    assert set(found) <= {"file.corrupt", "file.dimension"}


def test_rows_without_r_are_counted():
    # 100,001 rows, none with r=: the old scan counted none of them and passed the sheet to the reader
    body = b"<row><c><v>1</v></c></row>" * (safety.MAX_ROWS + 1)
    assert keys(workbook(body, stored=True)) == ["file.dimension"]


def test_cells_without_r_are_counted_along_their_row():
    body = b"<row>" + b"<c><v>1</v></c>" * (safety.MAX_COLUMNS + 1) + b"</row>"
    assert keys(workbook(body)) == ["file.dimension"]


def test_single_quoted_references_are_counted():
    assert keys(workbook(b"<row r='1'><c r='XFD1048576'><v>1</v></c></row>")) == ["file.dimension"]


def test_a_reference_hidden_behind_an_attribute_is_found():
    body = b"""<row r="1"><c s='r="A1"' r="XFD1"><v>1</v></c></row>"""
    assert keys(workbook(body)) == ["file.dimension"]


def test_prefixed_elements_are_counted():
    head = b'<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
    sheet = head + b'<x:row r="1"><x:c r="ZZZ9"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>'
    assert keys(workbook(parts={"xl/worksheets/sheet1.xml": sheet})) == ["file.dimension"]


def test_formula_and_error_cells_are_found_in_every_spelling():
    body = (
        b"<row r='5'><c t='e'><v>#N/A</v></c><c/><c><f>1+1</f><v></v></c>"
        b'<c r="E5"><f>2</f><v>3</v></c><c r="F5"><f>SUM(A1)</f></c></row>'
    )
    assert safety._SheetScan("S").run([SHEET_HEAD + body + SHEET_TAIL]) == {
        (4, 0): "error",
        (4, 2): "formula",
        (4, 5): "formula",
    }


def test_a_small_file_that_unpacks_far_beyond_its_size_is_refused():
    # 4 KB on disk, 900 KB of sheet unpacked: under the old 1 MB floor no ratio was checked at all
    body = b'<row r="1"><c r="A1"><v>1</v></c></row>' + b" " * 900_000
    data = workbook(body)
    assert len(data) < 10_000
    assert keys(data) == ["file.zip_bomb"]


@pytest.mark.parametrize("padding", [0, 4096, 100_000])
def test_a_dtd_anywhere_in_the_workbook_part_is_refused_with_a_message(padding):
    workbook_xml = parts_of_a_small_workbook()["xl/workbook.xml"]
    declaration, _, rest = workbook_xml.partition(b"?>")
    doctype = b'<!DOCTYPE workbook [<!ENTITY a "aaaa">]>'
    hostile = (
        declaration
        + b"?>"
        + b"<!--"
        + random.Random(padding).randbytes(padding // 2).hex().encode()
        + b"-->"
        + doctype
        + rest
    )
    data = workbook(parts={"xl/workbook.xml": hostile})
    assert keys(data) == ["file.dtd"]
    with pytest.raises(Rejected) as caught:  # through the reader, as the app and the CLI call it
        reader.read_workbook(data, "dtd.xlsx")
    assert [p.key for p in caught.value.errors] == ["file.dtd"]


def test_a_dtd_in_utf16_is_refused_too():
    head = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]>'
    sheet = (head + SHEET_HEAD.decode() + SHEET_TAIL.decode()).encode("utf-16")
    assert keys(workbook(parts={"xl/worksheets/sheet1.xml": sheet})) == ["file.dtd"]


def test_the_content_checks_run_in_the_child_process(monkeypatch):
    """The server process never scans the file: a broken in-process scan does not matter."""

    def scan_in_the_server(*args, **kwargs):
        raise AssertionError("the file's content was scanned in the server process")

    monkeypatch.setattr(safety, "_scan_sheets", scan_in_the_server)
    monkeypatch.setattr(safety, "_scan_xml", scan_in_the_server)
    body = '<row r="1"><c r="A1" t="inlineStr"><is><t>Tú Xuyên</t></is></c></row>'.encode()
    sheets = reader.read_workbook(workbook(body))
    assert sheets[0].rows == [["Tú Xuyên"]]


def slow_hostile_file() -> bytes:
    """Keeps the checks busy for a while: 300,000 formula cells without r= (the full scan), then
    60,000 unclosed cells (the old cell regex took minutes over these, holding the server's GIL)."""
    row = b"<row>" + b"<c><f>1</f></c>" * 30 + b"</row>"
    return workbook(row * 10_000 + b'<row><c r="A1">' * 60_000, stored=True)


def test_other_sessions_stay_responsive_while_a_hostile_file_is_checked(sample_con):
    data = slow_hostile_file()
    results: list = []
    checker = threading.Thread(target=lambda: results.append(import_file(sample_con.cursor(), data, "hostile.xlsx")))
    cur = sample_con.cursor()
    unit, period = van_quan(cur), periods.parse("2024-11")
    metrics.commune_scores(cur, unit, period, "ntm-2021")  # warm
    checker.start()
    timings = []
    try:
        while checker.is_alive() and len(timings) < 20:
            started = time.perf_counter()
            scores = metrics.commune_scores(cur, unit, period, "ntm-2021")
            timings.append(time.perf_counter() - started)
    finally:
        checker.join(timeout=120)
    assert len(scores) > 0
    assert len(timings) >= 2, "the check ended before another session's query could overlap it"
    assert max(timings) < 2, timings
    assert results and results[0].status == "rejected"
