"""Random cell values and sheet shapes, written by real libraries, through the reader and the importer:
nothing but a validation result comes back, and within a time bound."""

from __future__ import annotations

import io
import math
import time

import openpyxl
import xlsxwriter
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from ntm.ingest.importer import ImportResult, import_file
from ntm.ingest.reader import read_workbook
from ntm.problems import Rejected

# Words that lead the importer deep into its paths (headers, titles, statuses, names, periods).
WORDS = [
    "Tên xã",
    "STT",
    "Mã xã",
    "Số tiêu chí đạt",
    "UBND HUYỆN VĂN QUAN",
    "Huyện Văn Quan",
    "huyện " * 50,
    "Tổng cộng",
    "Đạt",
    "Chưa đạt",
    "Cơ bản đạt",
    "x",
    "X",
    "",
    "Tú Xuyên",
    "Trấn Ninh",
    "Liên Hộі",
    "Trấn\u200bNinh",
    "\u202eHữu Lễ",
    "X· §iÒm He",
    "05/2020",
    "T5-2020",
    "Kỳ báo cáo",
    "Tiêu chí",
    "Kết quả",
    "17.1",
    "2.1",
    "=1+1",
    "inf",
    "-1e308",
    "10,5",
    "12/19",
    "06277",
]
for i in range(1, 21):
    WORDS += [f"TC{i}", f"Tiêu chí {i}"]

cells = st.one_of(
    st.none(),
    st.sampled_from(WORDS),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(max_size=40).map(lambda s: ILLEGAL_CHARACTERS_RE.sub("", s)),
)
sheet_names = st.sampled_from(["T5-2020", "Sheet1", "Tháng 6 năm 2020", "_meta", "Hướng dẫn", "2020", "Biểu 01"])
NAMES = ["Tú Xuyên", "Trấn Ninh", "Liên Hội", "Điềm He", "Hòa Bình", "Đồng Giáp", "Trấn-Ninh", "Liên Hộі", "Tổng cộng"]
STATUSES = ["Đạt", "Chưa đạt", "x", "", None, "Cơ bản đạt", "?", 1, 0]


@st.composite
def tables(draw) -> list:
    """A district table as offices write it (title, header, commune rows), each part perturbed at random."""
    n = draw(st.integers(min_value=1, max_value=21))
    header = (
        ["STT", "Tên xã"]
        + [f"TC{i}" for i in range(1, n + 1)]
        + draw(st.sampled_from([[], ["17.1"], ["Số tiêu chí đạt"]]))
    )
    titles = draw(
        st.lists(st.sampled_from(["UBND HUYỆN VĂN QUAN", "Tháng 5 năm 2020", None, "huyện " * 30]), max_size=3)
    )
    rows = [[t] for t in titles] + [header]
    for k in range(draw(st.integers(min_value=0, max_value=25))):
        row = [k + 1, draw(st.sampled_from(NAMES) | cells)] + [
            draw(st.sampled_from(STATUSES) | cells) for _ in range(n)
        ]
        rows.append([*row, draw(cells)])
    return rows


sheets = st.lists(
    st.tuples(sheet_names, tables() | st.lists(st.lists(cells, max_size=24), max_size=30)),
    min_size=1,
    max_size=3,
    unique_by=lambda s: s[0],
)


def write(library: str, book: list) -> bytes:
    buffer = io.BytesIO()
    if library == "openpyxl":
        workbook = openpyxl.Workbook()
        workbook.remove(workbook.active)
        for name, rows in book:
            sheet = workbook.create_sheet(name)
            for row in rows:
                sheet.append(row)
        workbook.save(buffer)
    else:
        workbook = xlsxwriter.Workbook(buffer, {"strings_to_formulas": False, "strings_to_numbers": False})
        for name, rows in book:
            sheet = workbook.add_worksheet(name)
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    if value is not None and not (isinstance(value, float) and not math.isfinite(value)):
                        sheet.write(r, c, value)
        workbook.close()
    return buffer.getvalue()


FUZZ = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@FUZZ
@given(book=sheets, library=st.sampled_from(["openpyxl", "xlsxwriter"]))
def test_the_reader_returns_sheets_or_a_rejection(book, library):
    data = write(library, book)
    started = time.perf_counter()
    errors: list = []
    try:
        found = read_workbook(data, "fuzz.xlsx")
    except Rejected as exc:
        errors = exc.errors
    if errors:
        assert all(p.message("vi") and p.message("en") for p in errors)
    else:
        assert [s.name for s in found] == [name for name, _ in book]
    assert time.perf_counter() - started < 30


@FUZZ
@given(
    book=sheets,
    library=st.sampled_from(["openpyxl", "xlsxwriter"]),
    options=st.fixed_dictionaries(
        {"dry_run": st.booleans(), "accept_new_units": st.booleans(), "unit": st.sampled_from([None, "Văn Quan"])}
    ),
)
def test_the_importer_returns_only_a_validation_result(con, book, library, options):
    data = write(library, book)
    started = time.perf_counter()
    result = import_file(con, data, "fuzz.xlsx", **options)
    assert time.perf_counter() - started < 30
    assert isinstance(result, ImportResult)
    assert result.status in ("rejected", "dry-run", "loaded")
    event(result.status + ": " + ", ".join(sorted({p.key for p in result.errors})[:2]))
    assert (result.status == "rejected") == bool(result.errors)
    for problem in result.errors + result.warnings:
        assert problem.located("vi") and problem.located("en")  # every key has both languages
    json = result.as_json("vi")
    assert json["status"] == result.status
    duplicates = con.execute(
        "SELECT count(*) FROM (SELECT 1 FROM assessments GROUP BY unit_id, period, set_id, layer, criterion_no HAVING count(*) > 1)"
    ).fetchall()
    assert duplicates == [(0,)]
