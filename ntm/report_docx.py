"""The report as an administrative document (Decree 30/2020/NĐ-CP, Appendix I), written with python-docx.

A4 portrait, margins 20/20/30/15 mm, Times New Roman 14 pt; the two-column header (superior and
issuing body with a short rule | Quốc hiệu and Tiêu ngữ with its rule), "Số: …/BC-UBND" and the place
and date in italics; "BÁO CÁO" and the subject; parts I, II and sections 1, 2 in real heading styles
(they appear in Word's navigation pane); tables with a numbered caption and a header row repeated on
every page; "Nơi nhận" and the signature block; page numbers centred at the top from page 2.
"""

from __future__ import annotations

import io
import numbers

import pandas as pd
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from ntm.i18n import t
from ntm.report_form import Draft, Letterhead, Section, numbered, share_text

FONT = "Times New Roman"
BODY_PT = 14
TEXT_WIDTH_CM = 16.4  # 210 mm − 30 mm − 16 mm
LEFT_COL_CM, RIGHT_COL_CM = 7.0, 9.4
# Elements a <w:pPr> may hold after <w:pBdr>, in schema order: the rule is inserted before the first present.
_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


def render(report: Draft) -> bytes:
    doc = Document()
    _page(doc)
    _styles(doc)
    head = report.letterhead
    if head is not None:
        _letterhead(doc, head, report.lang)
    _title(doc, report)
    _body(doc, report)
    if head is not None:
        _closing(doc, head, report.lang)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- page, styles
def _page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(16)
    section.header_distance = Mm(10)
    section.different_first_page_header_footer = True  # no number on page 1
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(paragraph, "PAGE", "2")


def _fonts(style_or_run, size: float | None = None, bold: bool | None = None, italic: bool | None = None) -> None:
    """Times New Roman in all four font slots (Vietnamese text uses more than the ASCII one), black."""
    font = style_or_run.font
    font.name = FONT
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic
    font.color.rgb = RGBColor(0, 0, 0)
    r_pr = style_or_run.element.get_or_add_rPr()
    fonts = r_pr.get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    _fonts(normal, BODY_PT)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(6), 1.1
    for name in ("Heading 1", "Heading 2"):
        style = doc.styles[name]
        _fonts(style, BODY_PT, bold=True, italic=False)
        pf = style.paragraph_format
        pf.space_before, pf.space_after, pf.first_line_indent = Pt(6), Pt(6), Cm(1.27)
        pf.keep_with_next = True
        pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    names = [s.name for s in doc.styles]
    caption = doc.styles["Caption"] if "Caption" in names else doc.styles.add_style("Caption", WD_STYLE_TYPE.PARAGRAPH)
    caption.base_style = normal
    _fonts(caption, 13, bold=True, italic=False)
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.keep_with_next = True
    caption.paragraph_format.space_before = Pt(6)


# ---------------------------------------------------------------- building blocks
def _para(container, text: str = "", *, size=BODY_PT, bold=False, italic=False, align="center", after=0, style=None):
    paragraph = container.add_paragraph(style=style)
    paragraph.alignment = {
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[align]
    paragraph.paragraph_format.space_after = Pt(after)
    paragraph.paragraph_format.first_line_indent = Cm(0)
    if text:
        _fonts(paragraph.add_run(text), size, bold, italic)
    return paragraph


def _rule(container, length_cm: float, column_cm: float):
    """A centred horizontal line ``length_cm`` long: an empty paragraph with a top border, indented."""
    paragraph = container.add_paragraph()
    pf = paragraph.paragraph_format
    side = max((column_cm - length_cm) / 2, 0)
    pf.left_indent, pf.right_indent, pf.first_line_indent = Cm(side), Cm(side), Cm(0)
    pf.space_before, pf.space_after, pf.line_spacing = Pt(2), Pt(0), Pt(2)
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    paragraph._p.get_or_add_pPr().insert_element_before(borders, *_AFTER_PBDR)
    return paragraph


def _field(paragraph, code: str, placeholder: str) -> None:
    """A Word field (PAGE …) that Word and LibreOffice update on opening."""
    run = paragraph.add_run()
    _fonts(run, BODY_PT)
    for kind, text in (("begin", None), (None, f" {code} "), ("separate", None), (None, placeholder), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == placeholder:
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _fixed(table, widths_cm) -> None:
    """Fixed column widths, in the grid (LibreOffice reads it) and in every cell (Word reads those)."""
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_cm):
        col.set(qn("w:w"), str(int(Cm(width).twips)))


def _frame(doc, widths_cm: tuple[float, ...]):
    """A borderless layout table (the header and the signature block) with fixed column widths."""
    table = doc.add_table(rows=1, cols=len(widths_cm))
    _fixed(table, widths_cm)
    margins = OxmlElement("w:tblCellMar")  # no cell padding: the motto line needs the column's whole width
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), "0")
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
    for cell, width in zip(table.rows[0].cells, widths_cm):
        cell.width = Cm(width)
        cell.paragraphs[0].paragraph_format.space_after = Pt(0)
    return table.rows[0].cells


def _first(cell, text: str, **kwargs):
    """Write into a new cell's empty first paragraph, then append."""
    paragraph = cell.paragraphs[0]
    if paragraph.runs or paragraph.text:
        return _para(cell, text, **kwargs)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _fonts(paragraph.add_run(text), kwargs.get("size", BODY_PT), kwargs.get("bold", False), kwargs.get("italic", False))
    return paragraph


# ---------------------------------------------------------------- the document's parts
def _letterhead(doc, head: Letterhead, lang: str) -> None:
    left, right = _frame(doc, (LEFT_COL_CM, RIGHT_COL_CM))
    if head.superior:
        _first(left, head.superior, size=12)
    _first(left, head.issuer, size=12, bold=True)
    _rule(left, LEFT_COL_CM / 3, LEFT_COL_CM)
    _para(left, t("report.number", lang, number=head.number or "…"), size=13).paragraph_format.space_before = Pt(6)
    _first(right, t("report.nation", lang), size=12, bold=True)
    _para(right, t("report.motto", lang), size=13, bold=True)
    _rule(right, 5.9, RIGHT_COL_CM)  # as long as the motto itself
    when = _para(right, place_date(head, lang), size=14, italic=True)
    when.paragraph_format.space_before = Pt(6)


def place_date(head: Letterhead, lang: str = "vi") -> str:
    """ "Văn Quan, ngày 05 tháng 12 năm 2024", or "ngày … tháng … năm 2024" for the signer to write."""
    if head.issued is None:
        return t("report.place_date", lang, place=head.place, day="…", month="…", year=head.year)
    day = head.issued
    month = f"{day.month:02d}" if lang != "en" else day.strftime("%B")
    return t("report.place_date", lang, place=head.place, day=f"{day.day:02d}", month=month, year=day.year)


def _title(doc, report: Draft) -> None:
    _para(doc, report.title, bold=True).paragraph_format.space_before = Pt(18)
    _para(doc, report.subject, bold=True)
    if report.subtitle:
        _para(doc, report.subtitle, italic=True)
    _rule(doc, 5.0, TEXT_WIDTH_CM).paragraph_format.space_after = Pt(12)


def _body(doc, report: Draft) -> None:
    table_no = 0
    for part, section_no, section in numbered(report):
        if part:
            doc.add_paragraph(part, style="Heading 1")
        doc.add_paragraph(f"{section_no}. {section.heading}", style="Heading 2")
        for line in section.paragraphs:
            paragraph = doc.add_paragraph(f"- {line}")
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            paragraph.paragraph_format.first_line_indent = Cm(1.27)
        if section.table is not None and len(section.table):
            table_no += 1
            _table(doc, section, table_no, report.lang)


def _table(doc, section: Section, no: int, lang: str) -> None:
    caption = section.caption or section.heading
    doc.add_paragraph(t("report.table_no", lang, no=no, caption=caption), style="Caption")
    frame = section.table
    assert frame is not None  # only sections with a table get here
    columns = [t("report.col_no", lang), *map(str, frame.columns)]
    widths = column_widths(frame)
    table = doc.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    _fixed(table, widths)
    header = table.rows[0]
    _row_flags(header, repeat=True)
    for cell, name, width in zip(header.cells, columns, widths):
        cell.width = Cm(width)
        _cell(cell, name, bold=True, align="center")
    for i, values in enumerate(frame.itertuples(index=False), start=1):
        row = table.add_row()
        _row_flags(row, repeat=False)
        cells = row.cells
        cell_texts = [(str(i), "center")] + [
            _value(value, str(name) in section.shares, lang) for name, value in zip(frame.columns, values)
        ]
        for cell, (text, align), width in zip(cells, cell_texts, widths):
            cell.width = Cm(width)
            _cell(cell, text, align=align)
    doc.add_paragraph().paragraph_format.space_after = Pt(0)


def _value(value, is_share: bool, lang: str) -> tuple[str, str]:
    """Cell text and alignment: shares "42,9 %", counts as integers, text as text."""
    if is_share:
        return share_text(float(value), lang), "center"
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return str(int(value)), "center"
    return ("" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)), "left"


def column_widths(frame: pd.DataFrame) -> list[float]:
    """Column widths (cm): 1.2 for the row number, 2.6 for a number column, a text column as wide as its
    longest cell at 12 pt, all text columns shrunk in proportion when they would not fit the text width."""
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) for c in frame.columns]
    room = TEXT_WIDTH_CM - 1.2 - 2.6 * sum(numeric)
    wanted = {
        c: 0.21 * (max([len(str(c))] + [len(str(v)) for v in frame[c]]) + 3)
        for c, is_num in zip(frame.columns, numeric)
        if not is_num
    }
    scale = min(1.0, room / (sum(wanted.values()) or 1))
    return [1.2] + [2.6 if is_num else max(2.0, wanted[c] * scale) for c, is_num in zip(frame.columns, numeric)]


def _row_flags(row, repeat: bool) -> None:
    """Rows never split across pages; the header row repeats at the top of every page."""
    tr_pr = row._tr.get_or_add_trPr()
    cant = OxmlElement("w:cantSplit")
    tr_pr.append(cant)
    if repeat:
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        tr_pr.append(header)


def _cell(cell, text: str, *, bold: bool = False, align: str = "left") -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if align == "center" else WD_ALIGN_PARAGRAPH.LEFT
    pf = paragraph.paragraph_format
    pf.space_after, pf.first_line_indent, pf.line_spacing = Pt(2), Cm(0), 1.0
    _fonts(paragraph.add_run(text), 12, bold)


def _closing(doc, head: Letterhead, lang: str) -> None:
    doc.add_paragraph().paragraph_format.space_after = Pt(0)
    left, right = _frame(doc, (7.0, 9.4))
    _first(left, t("report.recipients", lang), size=12, bold=True, italic=True).alignment = WD_ALIGN_PARAGRAPH.LEFT
    for i, name in enumerate(head.recipients):
        end = "." if i == len(head.recipients) - 1 else ";"
        _para(left, f"- {name.rstrip(';.')}{end}", size=11, align="left")
    if head.authority:
        _first(right, head.authority.upper() if lang != "en" else head.authority, size=13, bold=True)
    if head.signer_title:
        _first(right, head.signer_title.upper() if lang != "en" else head.signer_title, size=13, bold=True)
    for _ in range(4):  # the space for the signature and the seal
        _para(right, "", size=14)
    _para(right, head.signer_name, size=14, bold=True)
