"""The upload template: protected, with hidden metadata, and a filled one imports with no questions."""

import io

import openpyxl

from ntm import periods
from ntm.ingest import template
from ntm.ingest.importer import import_file
from tests.helpers import van_quan


def test_a_filled_template_imports_with_no_questions(con):
    district = van_quan(con)
    data = template.build(con, district, periods.parse("2020-05"), "ntm-2016")
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["Báo cáo"]
    assert book["_meta"].sheet_state == "veryHidden" and sheet.protection.sheet
    for r in range(template.FIRST_DATA_ROW, template.FIRST_DATA_ROW + 14):
        for c in range(4, 23):
            sheet.cell(row=r, column=c, value="Đạt" if c - 3 <= 12 else "Chưa đạt")
    sheet.cell(row=template.FIRST_DATA_ROW, column=5, value="Cơ bản đạt")
    buffer = io.BytesIO()
    book.save(buffer)
    result = import_file(con, buffer.getvalue(), "mau.xlsx")
    assert (result.status, result.errors, result.warnings) == ("loaded", [], [])
    assert (result.rows, result.communes) == (14 * 19, 14)
    statuses = dict(con.execute("SELECT status, count(*) FROM assessments GROUP BY 1").fetchall())
    assert statuses == {"met": 14 * 12 - 1, "basically_met": 1, "not_met": 14 * 7}
