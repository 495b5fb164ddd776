"""The same sheets in the other formats offices send: Excel 97-2003 (.xls) and OpenDocument (.ods)."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd


def _rows_of(data: bytes) -> tuple[str, list[list], list]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    return sheet.title, [list(r) for r in sheet.iter_rows(values_only=True)], list(sheet.merged_cells.ranges)


def as_xls(data: bytes) -> bytes:
    """Excel 97-2003 as xlwt writes it, merged ranges kept."""
    import xlwt

    title, rows, merged = _rows_of(data)
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet(title)
    anchors = {(m.min_row - 1, m.min_col - 1): m for m in merged}
    inside = {
        (r - 1, c - 1) for m in merged for r in range(m.min_row, m.max_row + 1) for c in range(m.min_col, m.max_col + 1)
    }
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if (r, c) in anchors:
                m = anchors[(r, c)]
                sheet.write_merge(m.min_row - 1, m.max_row - 1, m.min_col - 1, m.max_col - 1, value)
            elif value is not None and (r, c) not in inside:
                sheet.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def as_ods(data: bytes) -> bytes:
    """OpenDocument as odfpy (through pandas) writes it."""
    from odf.element import Element

    title, rows, _ = _rows_of(data)
    buffer = io.BytesIO()
    # odfpy declares every namespace any document of the process has used (a class-level dict): start empty so
    # the file declares only its own, whatever was written before it
    Element.namespaces.clear()
    with pd.ExcelWriter(buffer, engine="odf") as writer:
        pd.DataFrame(rows).to_excel(writer, sheet_name=title, header=False, index=False)
    return buffer.getvalue()
