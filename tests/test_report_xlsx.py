"""The report workbook prints: the text across an A4 page, each table on its own A4 landscape sheet with its
header row repeated, counts and shares stored as numbers, no text turned into a formula."""

import io

import openpyxl
import pytest

from ntm import periods, reports
from tests.helpers import commune, report, van_quan

ALL = list(range(1, 20))


@pytest.fixture
def book(con):
    report(con, commune(con, "Tú Xuyên"), "2020-05", ALL)
    report(con, commune(con, "Hữu Lễ"), "2020-05", ALL[:16])
    report(con, commune(con, "An Sơn"), "2020-05", ALL[:12])
    draft = reports.draft(con, van_quan(con), periods.parse("2020-05"), "ntm-2016")
    draft.sections[2].table.iloc[0, 3] = '=HYPERLINK("http://x","y")'  # a name typed by a user stays text
    return openpyxl.load_workbook(io.BytesIO(reports.to_xlsx(draft)))


def test_sheets_text_and_one_per_table(book):
    assert book.sheetnames == ["Báo cáo", "Bảng 1", "Bảng 2"]
    text = [c.value for row in book["Báo cáo"].iter_rows() for c in row if isinstance(c.value, str)]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert "BÁO CÁO" in text and "Nơi nhận:" in text and "TM. ỦY BAN NHÂN DÂN" in text
    assert "- Số xã đạt 19 tiêu chí: 01 xã (Tú Xuyên)." in text
    assert "(Chi tiết tại Bảng 1, trang tính “Bảng 1”.)" in text
    # the text spans the page width (merged A:H), not a single 100-character column A
    assert any(str(m).startswith("A") and str(m).split(":")[1].startswith("H") for m in book["Báo cáo"].merged_cells)


def test_tables_store_numbers_as_numbers(book):
    bins = book["Bảng 1"]
    assert bins["A1"].value == "Bảng 1. Phân loại xã theo số tiêu chí đạt"
    assert [c.value for c in bins[3]] == ["TT", "Số tiêu chí đạt", "Số xã", "Tỷ lệ"]
    row = list(bins[4])
    assert [c.value for c in row[:3]] == [1, "19", 1] and row[2].data_type == "n"
    assert row[3].value == pytest.approx(1 / 3) and "%" in row[3].number_format
    assert all(c.data_type != "f" for s in book.worksheets for r in s.iter_rows() for c in r)
    assert '\'=HYPERLINK("http://x","y")' in [c.value for c in book["Bảng 2"]["E"]]


def test_tables_print_on_a4_landscape_one_page_wide_with_the_header_repeated(book):
    for name in ("Bảng 1", "Bảng 2"):
        sheet = book[name]
        assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
        # one page wide (fitToWidth's default, 1, is left out of the file), as many pages tall as needed
        assert (sheet.page_setup.fitToWidth or 1) == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$3:$3"
        assert sheet.print_area is not None
    text = book["Báo cáo"]
    assert text.page_setup.orientation == "portrait" and text.page_setup.paperSize == 9 and text.print_area
