"""The pipeline's rules that need a whole upload: mark mode on evidence only, one value per key across sheets,
a reading that is not clear enough is refused saying what was understood."""

import io

import openpyxl

from ntm.ingest.importer import import_file
from tests.test_ingest import VQ14, real_world_sheet, snapshot


def book_of(*builders) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for build in builders:
        build(book.create_sheet())
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def blank_with_one_x(sheet):
    real_world_sheet(sheet, marks={n: [] for n in VQ14})
    sheet["C7"] = "x"


def test_a_single_x_in_a_blank_sheet_is_not_mark_mode(con):
    """Issue 11, finding 4: one x switched the sheet to marks and loaded 265 "Chưa đạt"."""
    before = snapshot(con)
    result = import_file(con, book_of(blank_with_one_x), "mot-dau-x.xlsx")
    assert result.status == "rejected" and snapshot(con) == before
    [blank] = [p for p in result.errors if p.key == "import.blank"]
    assert blank.cells == "C8:C13, C15:C21, D7:U13, D15:U21"  # every cell but C7 and "ntm-2016" in blank.message()


def test_a_title_saying_x_means_met_is_evidence_enough(con):
    def build(sheet):
        blank_with_one_x(sheet)
        sheet["A2"] = "BIỂU TỔNG HỢP GIAI ĐOẠN 2016-2020 (x: đạt)"

    result = import_file(con, book_of(build), "x-dat.xlsx")
    assert result.status == "loaded" and result.rows == 266
    assert con.execute("SELECT count(*) FROM assessments WHERE status = 'met'").fetchall() == [(1,)]


def test_two_sheets_with_opposite_verdicts_for_one_key_are_an_error_naming_both(con):
    """Issue 11, finding 2: the duplicate check looked inside one sheet only."""

    def other(sheet):
        real_world_sheet(sheet, marks={"Tú Xuyên": [1, 2]})
        sheet.title = "Bản sao"

    result = import_file(con, book_of(real_world_sheet, other), "hai-trang.xlsx")
    assert result.status == "rejected"
    [conflict] = [p for p in result.errors if p.key == "import.duplicate_conflict"]
    assert conflict.params["first"].startswith("T5-2020!") and conflict.params["second"].startswith("Bản sao!")
    assert conflict.params["name"] == "Tú Xuyên" and conflict.params["criteria"].startswith("3, 4")


def test_the_same_sheet_twice_loads_once_with_a_warning(con):
    def copy(sheet):
        real_world_sheet(sheet)
        sheet.title = "Bản sao"

    result = import_file(con, book_of(real_world_sheet, copy), "hai-lan.xlsx")
    assert (result.status, result.rows) == ("loaded", 266)
    assert {p.key for p in result.warnings} == {"import.duplicate_same"} and len(result.warnings) == 14
    assert con.execute("SELECT count(*) FROM assessments").fetchall() == [(266,)]


def test_abbreviated_marks_are_read(con):
    def build(sheet):
        real_world_sheet(sheet, marks={n: [] for n in VQ14})
        for row in sheet.iter_rows(min_row=7, max_row=21, min_col=3, max_col=21):
            for k, cell in enumerate(row):
                if sheet.cell(cell.row, 2).value not in (None, "Tổng cộng"):
                    cell.value = ("Đ", "CĐ", "✓", "✗", 1, 0, "Không đạt")[k % 7]

    result = import_file(con, book_of(build), "viet-tat.xlsx")
    assert result.status == "loaded", [p.located() for p in result.errors[:3]]
    met = con.execute("SELECT count(*) FILTER (WHERE status = 'met') FROM assessments").fetchall()[0][0]
    assert met == 14 * 9  # Đ, ✓, 1 at criteria 1, 3, 5, 8, 10, 12, 15, 17, 19 of every row


def test_names_that_do_not_resolve_are_refused_saying_what_was_understood(con):
    def build(sheet):
        real_world_sheet(sheet, names=[f"Thôn {k}" for k in range(14)])

    result = import_file(con, book_of(build), "thon.xlsx", unit="Văn Quan")
    assert result.status == "rejected"
    [unclear] = [p for p in result.errors if p.key == "layout.unclear"]
    text = unclear.message()
    assert "tên xã từ ô B7" in text and "19 tiêu chí ở ô C7…U22" in text and "chỉ 0% tên" in text
