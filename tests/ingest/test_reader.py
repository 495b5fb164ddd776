"""Every format offices save is read the same: Excel 97-2003, OpenDocument, macro-enabled workbooks."""

import io

import pytest

from ntm.ingest.importer import import_file
from tests.helpers import real_world_rows, real_world_sheet, xlsx


def _xls(title: str, rows: list[list]) -> bytes:
    """Excel 97-2003, written by xlwt as old office PCs still save it."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet(title)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _ods(title: str, rows: list[list]) -> bytes:
    """OpenDocument, written by odfpy (LibreOffice's format)."""
    import pandas as pd

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="odf") as writer:
        pd.DataFrame(rows).to_excel(writer, sheet_name=title, header=False, index=False)
    return buffer.getvalue()


@pytest.mark.parametrize(("suffix", "write"), [("xls", _xls), ("ods", _ods)])
def test_old_excel_and_opendocument_files_read_like_xlsx(con, suffix, write):
    data = write(*real_world_rows(marks={"Tú Xuyên": [1, 3, 7, 8, 10, 12, 13, 14, 18, 19]}))
    assert data[:4] == (b"\xd0\xcf\x11\xe0" if suffix == "xls" else b"PK\x03\x04")
    result = import_file(con, data, f"van-quan-t5.{suffix}")
    assert result.status == "loaded", [p.located() for p in result.errors]
    assert (result.communes, result.rows, result.warnings) == (14, 14 * 19, [])
    met = con.execute("""SELECT count(*) FILTER (WHERE status = 'met') FROM assessments a
                         JOIN units u USING (unit_id) WHERE u.short_name = 'Tú Xuyên'""").fetchall()[0][0]
    assert met == 10


def test_a_macro_enabled_workbook_is_read(con):
    result = import_file(con, xlsx(real_world_sheet), "van-quan-t5.xlsm")
    assert result.status == "loaded" and result.communes == 14
