"""The upload template for a unit and month: a workbook that always imports as it is filled."""

from __future__ import annotations

import io

import duckdb
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation

from ntm import catalog, units
from ntm.i18n import fmt_period
from ntm.periods import Period
from ntm.problems import column_letter

TEMPLATE_VERSION = "1"
STATUS_WORDS = {"met": "Đạt", "basically_met": "Cơ bản đạt", "not_met": "Chưa đạt"}
FIRST_DATA_ROW = 7


def build(
    con: duckdb.DuckDBPyConnection, unit: units.Unit, period: Period, set_id: str, *, prefill: bool = False
) -> bytes:
    """Communes pre-filled with codes, one drop-down column per criterion, a computed total,
    Vietnamese instructions, hidden metadata (set, unit, period, version), header cells locked."""
    crit = catalog.criteria(con, set_id)
    communes = units.communes_under(con, unit, period.start, period.end)
    latest = _latest(con, communes["unit_id"].tolist(), period, set_id) if prefill else {}
    book = Workbook()
    sheet = book.worksheets[0]  # a new workbook's one sheet (``active`` is typed as possibly none)
    sheet.title = "Báo cáo"
    n = len(crit)
    last_col = column_letter(3 + n)
    sheet["A1"] = f"UBND {unit.name.upper()}"
    sheet["A2"] = f"BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI ({set_id})"
    sheet["A3"] = f"Kỳ báo cáo: tháng {fmt_period(period.start)}"
    sheet["A1"].font = sheet["A2"].font = Font(bold=True)
    headers = ["STT", "Mã xã", "Tên xã"] + [int(c) for c in crit["criterion_no"]] + ["Tổng số tiêu chí đạt", "Ghi chú"]
    names = [""] * 3 + list(crit["name_vi"]) + ["", ""]
    for i, (head, name) in enumerate(zip(headers, names)):
        top = sheet.cell(row=5, column=i + 1, value=name or None)
        cell = sheet.cell(row=6, column=i + 1, value=head)
        for c in (top, cell):
            c.font = Font(bold=True)
            c.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
            c.fill = PatternFill("solid", fgColor="DDEBDF")
    sheet.row_dimensions[5].height = 60
    rule = DataValidation(
        type="list",
        formula1='"Đạt,Cơ bản đạt,Chưa đạt"',
        allow_blank=True,
        error="Chọn Đạt, Cơ bản đạt hoặc Chưa đạt",
        errorTitle="Giá trị không hợp lệ",
    )
    sheet.add_data_validation(rule)
    for k, row in enumerate(communes.itertuples()):
        r = FIRST_DATA_ROW + k
        sheet.cell(row=r, column=1, value=k + 1)
        code = sheet.cell(row=r, column=2, value=row.code)
        code.number_format = "@"
        sheet.cell(row=r, column=3, value=row.name)
        for j, no in enumerate(crit["criterion_no"]):
            cell = sheet.cell(row=r, column=4 + j, value=STATUS_WORDS.get(latest.get((row.unit_id, int(no)), "")))
            cell.protection = Protection(locked=False)
        total = sheet.cell(row=r, column=4 + n, value=f'=COUNTIF(D{r}:{last_col}{r},"Đạt")')
        total.protection = Protection(locked=True)
        sheet.cell(row=r, column=5 + n).protection = Protection(locked=False)
    if len(communes):
        rule.add(f"D{FIRST_DATA_ROW}:{last_col}{FIRST_DATA_ROW + len(communes) - 1}")
    sheet.column_dimensions["C"].width = 18
    sheet.freeze_panes = "D7"
    sheet.protection.sheet = True  # header cells locked; status and note cells unlocked
    _instructions(book, unit, period, set_id)
    meta = book.create_sheet("_meta")
    for pair in (
        ("set_id", set_id),
        ("unit_code", unit.code),
        ("period", period.text),
        ("template_version", TEMPLATE_VERSION),
    ):
        meta.append(pair)
    meta.sheet_state = "veryHidden"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _instructions(book: Workbook, unit: units.Unit, period: Period, set_id: str) -> None:
    sheet = book.create_sheet("Hướng dẫn")
    lines = [
        "HƯỚNG DẪN ĐIỀN BIỂU MẪU",
        f"Đơn vị: {unit.name}. Kỳ báo cáo: tháng {fmt_period(period.start)}. Bộ tiêu chí: {set_id}.",
        "1. Mỗi dòng là một xã; không sửa cột Mã xã và Tên xã.",
        "2. Ở mỗi cột tiêu chí chọn: Đạt, Cơ bản đạt hoặc Chưa đạt (danh sách thả xuống).",
        "3. “Cơ bản đạt” được tính là chưa đạt khi tổng hợp.",
        "4. Cột “Tổng số tiêu chí đạt” tự tính; hệ thống luôn tự đếm lại từ các ô tiêu chí.",
        "5. Không đổi tên trang “Báo cáo”, không thêm dòng tổng cộng vào giữa bảng.",
        "6. Lưu tệp dạng .xlsx rồi tải lên ở trang “Tải dữ liệu” của NTM Dashboard.",
    ]
    for line in lines:
        sheet.append([line])
    sheet["A1"].font = Font(bold=True)
    sheet.column_dimensions["A"].width = 100


def _latest(con: duckdb.DuckDBPyConnection, unit_ids: list[int], period: Period, set_id: str) -> dict:
    if not unit_ids:
        return {}
    rows = con.execute(
        f"""SELECT a.unit_id, a.criterion_no, a.status FROM assessments a
            JOIN (SELECT unit_id, max(period) AS period FROM assessments
                  WHERE set_id = ? AND period <= ? AND unit_id IN ({",".join("?" * len(unit_ids))}) GROUP BY 1) l
            USING (unit_id, period) WHERE a.set_id = ? AND a.layer = 'self'""",
        [set_id, period.start, *unit_ids, set_id],
    ).fetchall()
    return {(u, c): s for u, c, s in rows}
