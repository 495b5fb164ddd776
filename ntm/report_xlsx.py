"""The report as a print-ready workbook, written with XlsxWriter.

Sheet "Báo cáo": the letterhead in two column blocks, the title and the sections as wrapped text across
the A4 portrait width, "Nơi nhận" and the signature block. One sheet per table ("Bảng 1" …): the caption,
the header row repeated on every printed page, counts as numbers, shares as numbers formatted "0.0 %",
A4 landscape, fit to one page wide, print area set. Every text cell is written as text, never a formula.
"""

from __future__ import annotations

import io
import math
import numbers

import pandas as pd

from ntm import plain
from ntm.i18n import t
from ntm.report_docx import place_date
from ntm.report_form import Draft, Section, numbered

A4 = 9  # Excel's paper code
TEXT_COLUMNS = 8  # the text sheet spans A:H
TEXT_WIDTH = 10.2  # characters per column → about 82 characters a line, the A4 portrait width at 12 pt
LANDSCAPE_WIDTH = 150  # characters across an A4 landscape page at 11 pt


def render(report: Draft) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"strings_to_formulas": False, "strings_to_urls": False})
    styles = _styles(book)
    text = book.add_worksheet(t("report.sheet", report.lang)[:31])
    tables = [s for s in report.sections if s.table is not None and len(s.table)]
    sheets = {id(s): t("report.sheet_table", report.lang, no=i) for i, s in enumerate(tables, start=1)}
    _text_sheet(text, report, styles, sheets)
    for no, section in enumerate(tables, start=1):
        _table_sheet(book.add_worksheet(sheets[id(section)][:31]), section, no, report.lang, styles)
    book.close()
    return buffer.getvalue()


def _styles(book) -> dict:
    base = {"font_name": "Times New Roman", "font_size": 12, "valign": "top"}

    def fmt(**extra):
        return book.add_format({**base, **extra})

    return {
        "center": fmt(align="center", text_wrap=True),
        "center_bold": fmt(align="center", bold=True, text_wrap=True),
        "center_italic": fmt(align="center", italic=True, text_wrap=True),
        "underlined": fmt(align="center", bold=True, text_wrap=True, bottom=1),
        "title": fmt(align="center", bold=True, font_size=14),
        "heading": fmt(bold=True, text_wrap=True),
        "body": fmt(text_wrap=True, align="justify"),
        "recipients": fmt(bold=True, italic=True),
        "small": fmt(font_size=11, text_wrap=True),
        "caption": fmt(bold=True, font_size=13, align="center"),
        "th": fmt(bold=True, align="center", valign="vcenter", text_wrap=True, border=1, bg_color="#F2F2F2"),
        "td": fmt(text_wrap=True, border=1),
        "td_count": fmt(border=1, align="center", num_format="0"),
        "td_share": fmt(border=1, align="center", num_format="0.0%"),
    }


def _lines(text: str, width_chars: float) -> int:
    """How many lines ``text`` wraps to in a merged cell ``width_chars`` wide (Excel does not autofit those)."""
    return max(1, sum(max(1, math.ceil(len(part) / max(width_chars * 1.05, 1))) for part in text.split("\n")))


def _text_sheet(sheet, report: Draft, s: dict, table_sheets: dict[int, str]) -> None:
    lang = report.lang
    sheet.set_column(0, TEXT_COLUMNS - 1, TEXT_WIDTH)
    sheet.set_paper(A4)
    sheet.set_portrait()
    sheet.set_margins(left=1.2, right=0.6, top=0.8, bottom=0.8)  # inches: 30 / 15 / 20 / 20 mm
    sheet.fit_to_pages(1, 0)
    sheet.center_horizontally()
    sheet.hide_gridlines(2)
    sheet.set_header("&C&P", {"margin": 0.4})  # the page number, centred at the top
    row = 0

    def span(text: str, fmt: str, first: int = 0, last: int = TEXT_COLUMNS - 1) -> None:
        nonlocal row
        cols = (last - first + 1) * TEXT_WIDTH
        if first == last:
            sheet.write_string(row, first, plain.cell(text), s[fmt])
        else:
            sheet.merge_range(row, first, row, last, text, s[fmt])
        sheet.set_row(row, 16.5 * _lines(text, cols))
        row += 1

    head = report.letterhead
    if head is not None:
        left = (
            [(head.superior, "center"), (head.issuer, "underlined")] if head.superior else [(head.issuer, "underlined")]
        )
        left.append((t("report.number", lang, number=head.number or "…"), "center"))
        right = [
            (t("report.nation", lang), "center_bold"),
            (t("report.motto", lang), "underlined"),
            (place_date(head, lang), "center_italic"),
        ]
        blank = ("", "center")
        for i in range(max(len(left), len(right))):
            pair = (left[i] if i < len(left) else blank, right[i] if i < len(right) else blank)
            for (text, fmt), (first, last) in zip(pair, ((0, 3), (4, 7))):
                sheet.merge_range(row, first, row, last, text, s[fmt])
            sheet.set_row(row, 16.5 * max(_lines(text, 4 * TEXT_WIDTH) for text, _ in pair))
            row += 1
        row += 1
    span(report.title, "title")
    span(report.subject, "center_bold")
    if report.subtitle:
        span(report.subtitle, "center_italic")
    row += 1
    for part, section_no, section in numbered(report):
        if part:
            span(part, "heading")
        span(f"{section_no}. {section.heading}", "heading")
        for line in section.paragraphs:
            span(f"- {line}", "body")
        if id(section) in table_sheets:
            no = list(table_sheets).index(id(section)) + 1
            span(t("report.see_table", lang, no=no, sheet=table_sheets[id(section)]), "body")
    if head is not None:
        row += 1
        top = row
        sheet.merge_range(row, 0, row, 3, t("report.recipients", lang), s["recipients"])
        for i, name in enumerate(head.recipients):
            row += 1
            end = "." if i == len(head.recipients) - 1 else ";"
            sheet.merge_range(row, 0, row, 3, f"- {name.rstrip(';.')}{end}", s["small"])
        signer = [head.authority, head.signer_title, "", "", "", head.signer_name]
        for i, text in enumerate(signer):
            sheet.merge_range(top + i, 4, top + i, 7, text, s["center_bold"])
        row = max(row, top + len(signer))
    sheet.print_area(0, 0, max(row - 1, 0), TEXT_COLUMNS - 1)


def _table_sheet(sheet, section: Section, no: int, lang: str, s: dict) -> None:
    frame = section.table
    assert frame is not None  # only sections with a table get here
    columns = [t("report.col_no", lang), *map(str, frame.columns)]
    widths = _widths(frame)
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    sheet.set_paper(A4)
    sheet.set_landscape()
    sheet.set_margins(left=0.6, right=0.6, top=0.8, bottom=0.8)
    sheet.fit_to_pages(1, 0)  # one page wide, as many tall as it takes
    sheet.set_header("&C&P")
    caption = t("report.table_no", lang, no=no, caption=section.caption or section.heading)
    sheet.merge_range(0, 0, 0, len(columns) - 1, caption, s["caption"])
    sheet.set_row(0, 20)
    header_row = 2
    for col, name in enumerate(columns):
        sheet.write_string(header_row, col, plain.cell(name), s["th"])
    sheet.set_row(header_row, 33)
    sheet.repeat_rows(header_row)
    sheet.freeze_panes(header_row + 1, 0)
    for i, values in enumerate(frame.itertuples(index=False), start=1):
        r = header_row + i
        sheet.write_number(r, 0, i, s["td_count"])
        lines = 1
        for col, (name, value) in enumerate(zip(frame.columns, values), start=1):
            if str(name) in section.shares:
                sheet.write_number(r, col, float(value), s["td_share"])
            elif isinstance(value, numbers.Integral) and not isinstance(value, bool):
                sheet.write_number(r, col, int(value), s["td_count"])
            elif isinstance(value, numbers.Real) and not isinstance(value, bool) and not pd.isna(value):
                sheet.write_number(r, col, float(value), s["td_count"])
            else:
                text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
                sheet.write_string(r, col, plain.cell(text), s["td"])
                lines = max(lines, _lines(text, widths[col]))
        sheet.set_row(r, 15.5 * lines)
    sheet.print_area(0, 0, header_row + len(frame), len(columns) - 1)


def _widths(frame: pd.DataFrame) -> list[float]:
    """Column widths (characters) for an A4 landscape page: number columns narrow, a text column as wide as its
    longest cell, shrunk in proportion when the text columns together would not fit the page."""
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) for c in frame.columns]
    room = LANDSCAPE_WIDTH - 6 - 12 * sum(numeric)
    wanted = {
        c: min(max([len(str(c))] + [len(str(v)) for v in frame[c]]) + 4, 120)
        for c, is_num in zip(frame.columns, numeric)
        if not is_num
    }
    scale = min(1.0, room / (sum(wanted.values()) or 1))
    return [6] + [12 if is_num else max(12, wanted[c] * scale) for c, is_num in zip(frame.columns, numeric)]
