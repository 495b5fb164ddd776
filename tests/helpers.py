"""Helpers shared by the test modules: units of the sample's Văn Quan, commune-months loaded in one line,
workbooks built in code. Test modules import from here, never from ``conftest`` or from each other."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from datetime import date

import openpyxl
import pandas as pd

from ntm import loads, metrics, periods, units
from ntm.ingest import template

MAY_2020 = date(2020, 5, 1)

# The 14 communes of Văn Quan in the district's own May 2020 sheet, in its order.
VQ14 = [
    "Trấn Ninh",
    "Liên Hội",
    "Hòa Bình",
    "Tú Xuyên",
    "Điềm He",
    "An Sơn",
    "Khánh Khê",
    "Lương Năng",
    "Bình Phúc",
    "Tân Đoàn",
    "Tri Lễ",
    "Tràng Phái",
    "Yên Phúc",
    "Hữu Lễ",
]


def van_quan(con) -> units.Unit:
    return units.resolve(con, "Lạng Sơn/Văn Quan", start=MAY_2020)


def commune(con, name: str, district: str = "Văn Quan") -> units.Unit:
    parent = units.resolve(con, f"Lạng Sơn/{district}", start=MAY_2020)
    return units.resolve(con, name, start=MAY_2020, within=parent, prefer="commune")


def report(
    con,
    unit,
    month: str,
    met: Iterable[int],
    *,
    set_id: str = "ntm-2016",
    basically: Iterable[int] = (),
    n: int = 19,
    layer: str = "self",
) -> int:
    """Load one commune-month: criteria in ``met`` met, ``basically`` basically met, the rest not met."""
    met, basically = set(met), set(basically)
    rows = [
        (
            unit.unit_id,
            pd.Timestamp(month + "-01"),
            set_id,
            c,
            "met" if c in met else "basically_met" if c in basically else "not_met",
            layer,
        )
        for c in range(1, n + 1)
    ]
    frame = pd.DataFrame(rows, columns=["unit_id", "period", "set_id", "criterion_no", "status", "layer"])
    return loads.load_facts(con, frame, source="test")


def xlsx(build: Callable) -> bytes:
    """A one-sheet workbook saved by openpyxl after ``build(sheet)`` filled it."""
    book = openpyxl.Workbook()
    build(book.active)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def zip_with(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def snapshot(con):
    """Everything an import may write: the facts and the upload log's size."""
    return (
        con.execute("SELECT * FROM assessments ORDER BY ALL").fetchall(),
        con.execute("SELECT count(*) FROM uploads").fetchall(),
    )


def real_world_sheet(sheet, names: Sequence[str] = VQ14, marks: dict[str, Iterable[int]] | None = None) -> None:
    """A district's own layout: titles, a two-row header, x marks, blank and total rows."""
    sheet.title = "T5-2020"
    sheet["A1"] = "UBND HUYỆN VĂN QUAN"
    sheet["A2"] = "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ NTM GIAI ĐOẠN 2016-2020"
    sheet["A3"] = "(Tính đến ngày 20/5/2020)"
    sheet.append([])
    sheet.append(["STT", "Tên xã", "Tiêu chí"] + [None] * 18 + ["Số tiêu chí đạt", "Ghi chú"])
    sheet.merge_cells("C5:U5")
    sheet.append([None, None] + [f"TC{i}" for i in range(1, 20)])
    for k, name in enumerate(names):
        if k == 7:
            sheet.append([])
        met = list((marks or {}).get(name, range(1, 11)))
        sheet.append([k + 1, name] + ["x" if i in met else None for i in range(1, 20)] + [len(met)])
    sheet.append([None, "Tổng cộng"] + [None] * 19 + [999])


def real_world_rows(marks: dict[str, Iterable[int]] | None = None) -> tuple[str, list[list]]:
    """The real-world sheet as (title, rows of values), for writers other than openpyxl."""
    book = openpyxl.Workbook()
    real_world_sheet(book.active, marks=marks)
    return book.active.title, [list(r) for r in book.active.iter_rows(values_only=True)]


def plan_book(target_rows, goal_rows=(), recognition_rows=()) -> bytes:
    """A plan workbook: commune targets, optionally unit goals and recognition decisions."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Mục tiêu xã"
    sheet.append(["DANH SÁCH XÃ PHẤN ĐẤU ĐẠT CHUẨN"])
    sheet.append(["STT", "Tên xã", "Huyện", "Mức", "Thời hạn", "Kế hoạch", "Ghi chú"])
    for k, row in enumerate(target_rows, start=1):
        sheet.append([k, *row])
    if goal_rows:
        goals = book.create_sheet("Chỉ tiêu")
        goals.append(["Đơn vị", "Năm", "Chỉ tiêu", "Giá trị", "Văn bản"])
        for row in goal_rows:
            goals.append(list(row))
    if recognition_rows:
        rec = book.create_sheet("Công nhận")
        rec.append(["Tên xã", "Huyện", "Mức", "Số quyết định", "Ngày quyết định"])
        for row in recognition_rows:
            rec.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


VIETNAMESE_ONLY = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)


def start(monkeypatch, db, **query):
    """The app under AppTest on ``db`` with ``query`` in the URL, after its first run."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("NTM_DB", str(db))
    at = AppTest.from_file("../app.py", default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


SHEET_HEAD = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_TAIL = b"</sheetData></worksheet>"


def parts_of_a_small_workbook() -> dict[str, bytes]:
    book = openpyxl.Workbook()
    book.active["A1"] = "Tên xã"
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def workbook(sheet_body: bytes | None = None, *, stored: bool = False, parts: dict | None = None) -> bytes:
    """A real openpyxl workbook with its first sheet's cells (or the given parts) replaced."""
    replace, parts = parts or {}, parts_of_a_small_workbook()
    if sheet_body is not None:
        parts["xl/worksheets/sheet1.xml"] = SHEET_HEAD + sheet_body + SHEET_TAIL
    parts.update(replace)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def preamble_book(month: int, names=VQ14, marks=None) -> bytes:
    """The district's own table under 32 lines of notes: no header in the rows detection scans."""

    def build(sheet):
        for k in range(32):
            sheet.append([f"Ghi chú {k + 1}: báo cáo tháng {month}/2020 của các xã"])
        source = openpyxl.Workbook()
        real_world_sheet(source.active, names=names, marks=marks)
        for row in source.active.iter_rows(values_only=True):
            sheet.append(list(row))
        sheet.title = f"T{month}-2020"

    return xlsx(build)


def june_template(con, edits: dict[str, str]) -> bytes:
    """Văn Quan's June 2020 template, prefilled from the stored reports, with every criterion of ``edits``'s communes
    set to the given word; the rows left blank are deleted (communes with no row)."""
    june = periods.parse("2020-06")
    book = openpyxl.load_workbook(io.BytesIO(template.build(con, van_quan(con), june, "ntm-2016", prefill=True)))
    sheet = book["Báo cáo"]
    for row in sheet.iter_rows(min_row=template.FIRST_DATA_ROW):
        if row[2].value in edits:
            for cell in row[3:22]:
                cell.value = edits[row[2].value]
    blank = [
        r[0].row for r in sheet.iter_rows(min_row=template.FIRST_DATA_ROW) if all(c.value is None for c in r[3:22])
    ]
    for r in reversed(blank):
        sheet.delete_rows(r)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def four_communes_reporting(con) -> tuple[units.Unit, ...]:
    """Văn Quan in 2020, counted by hand: in May Tràng Phái meets all 19, Hữu Lễ 16 (10 basically met, 11 and
    17 not), Tú Xuyên 10; Tri Lễ reports in March (4) and November (6), never in May."""
    a, b, c, d = (commune(con, n) for n in ("Tràng Phái", "Hữu Lễ", "Tú Xuyên", "Tri Lễ"))
    report(con, a, "2020-05", met=list(range(1, 20)))
    report(con, b, "2020-05", met=[n for n in range(1, 20) if n not in (10, 11, 17)], basically=[10])
    report(con, c, "2020-05", met=[1, 3, 7, 8, 10, 12, 13, 14, 18, 19])
    report(con, d, "2020-03", met=[1, 2, 3, 4])
    report(con, d, "2020-11", met=[1, 2, 3, 4, 5, 6])  # latest of the year
    return a, b, c, d


def scores_of(con, period: str, set_id: str = "ntm-2016") -> pd.DataFrame:
    """Văn Quan's commune scores for ``period``, indexed by name."""
    return metrics.commune_scores(con, van_quan(con), periods.parse(period), set_id).set_index("name")
