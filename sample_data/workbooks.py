"""The generated sample reports written as the workbooks staff actually upload, in three layouts.

- ``bieu-tong-hop-YYYY.xlsx`` (2020–2021, set ``ntm-2016``): the province's monthly summary as
  it circulates between offices — title rows ("UBND TỈNH LẠNG SƠN", "BIỂU TỔNG HỢP …"), a
  two-row header with criterion names merged above their numbers, one sheet per month
  ("T5-2020"), district group rows ("Huyện Văn Quan") with subtotal rows ("Cộng huyện"), no
  commune codes, statuses written out (Đạt / Cơ bản đạt / Chưa đạt).
- ``du-lieu-dai-YYYY.xlsx`` (2022 – 6/2025, set ``ntm-2021``): the long layout other systems
  export — one row per commune, month and criterion, commune codes as text.
- ``mau-nhap-YYYY-MM.xlsx`` (7/2025 – 12/2025, after the merger): the ``ntm template`` upload
  template for the province, filled in as staff fill it.

``ntm.sample`` loads these through ``ntm.ingest.import_file``, the same path as an upload.
"""
from __future__ import annotations

import io
from datetime import date
from functools import partial
from typing import Callable

import duckdb
import openpyxl
import pandas as pd
import xlsxwriter
from openpyxl.styles import Alignment, Font

from ntm import catalog, units
from ntm.ingest import template
from ntm.periods import month
from ntm.problems import column_letter

STATUS_WORDS = template.STATUS_WORDS
LONG_FROM, TEMPLATE_FROM = date(2022, 1, 1), date(2025, 7, 1)


def plan(facts: pd.DataFrame) -> list[tuple[str, Callable[[duckdb.DuckDBPyConnection, units.Unit], bytes]]]:
    """(file name, writer) for every sample workbook, oldest first; ``writer(con, province)`` → bytes."""
    facts = facts.assign(year=facts["period"].map(lambda d: d.year))
    files = []
    summary = facts[facts["period"] < LONG_FROM]
    for year, part in summary.groupby("year"):
        files.append((f"bieu-tong-hop-{year}.xlsx", partial(provincial_summary, facts=part)))
    long = facts[(facts["period"] >= LONG_FROM) & (facts["period"] < TEMPLATE_FROM)]
    for year, part in long.groupby("year"):
        files.append((f"du-lieu-dai-{year}.xlsx", partial(long_layout, facts=part)))
    for day, part in facts[facts["period"] >= TEMPLATE_FROM].groupby("period"):
        files.append((f"mau-nhap-{day:%Y-%m}.xlsx", partial(filled_template, facts=part)))
    return files


def _communes(con: duckdb.DuckDBPyConnection, unit_ids) -> pd.DataFrame:
    ids = sorted({int(u) for u in unit_ids})
    return con.execute(
        f"""SELECT c.unit_id, c.code, c.short_name AS name, d.short_name AS district, d.name AS district_name
            FROM units c LEFT JOIN units d ON d.unit_id = c.district_id
            WHERE c.unit_id IN ({','.join('?' * len(ids))})""", ids).df().set_index("unit_id")


def provincial_summary(con: duckdb.DuckDBPyConnection, province: units.Unit, facts: pd.DataFrame) -> bytes:
    """One sheet per month; districts as group rows with a subtotal row each."""
    set_id = facts["set_id"].iloc[0]
    crit = catalog.criteria(con, set_id)
    numbers = [int(n) for n in crit["criterion_no"]]
    info = _communes(con, facts["unit_id"])
    book = openpyxl.Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for period, part in facts.groupby("period"):
        sheet = book.create_sheet(f"T{period.month}-{period.year}")
        sheet.append([f"UBND {province.name.upper()}"])
        sheet.append(["BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ NÔNG THÔN MỚI GIAI ĐOẠN 2016-2020"])
        sheet.append([f"(Tính đến ngày 20/{period.month}/{period.year})"])
        sheet.append([])
        sheet.append(["TT", "Tên xã", "Kết quả thực hiện các tiêu chí"] + [None] * (len(numbers) - 1)
                     + ["Tổng số tiêu chí đạt", "Ghi chú"])
        sheet.append([None, None] + [f"{n}. {name}" for n, name in zip(numbers, crit["name_vi"])] + [None, None])
        last = column_letter(2 + len(numbers))
        sheet.merge_cells(f"C5:{last}5")
        for col in ("A", "B", column_letter(3 + len(numbers)), column_letter(4 + len(numbers))):
            sheet.merge_cells(f"{col}5:{col}6")
        for cell in (*sheet[5], *sheet[6]):
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        statuses = part.pivot(index="unit_id", columns="criterion_no", values="status")
        rows = info.loc[statuses.index].assign(met=(statuses == "met").sum(axis=1))
        for district, communes in rows.sort_values(["district", "code"]).groupby("district", sort=False):
            sheet.append([None, communes["district_name"].iloc[0]])
            sheet.cell(sheet.max_row, 2).font = bold
            for k, (unit_id, commune) in enumerate(communes.iterrows(), start=1):
                marks = [STATUS_WORDS[statuses.at[unit_id, n]] for n in numbers]
                sheet.append([k, commune["name"], *marks, int(commune["met"])])
            sheet.append([None, f"Cộng huyện {district}", *[None] * len(numbers), int(communes["met"].sum())])
        sheet.append([None, "Tổng cộng toàn tỉnh", *[None] * len(numbers), int(rows["met"].sum())])
        sheet.column_dimensions["B"].width = 22
        sheet.freeze_panes = "C7"
    return _save(book)


def long_layout(con: duckdb.DuckDBPyConnection, province: units.Unit, facts: pd.DataFrame) -> bytes:
    """Mã xã | Tên xã | Huyện | Kỳ báo cáo | Tiêu chí số | Kết quả, one row per fact."""
    info = _communes(con, facts["unit_id"])
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"constant_memory": True, "strings_to_formulas": False})
    sheet = book.add_worksheet(f"Dữ liệu {facts['period'].iloc[0].year}")
    sheet.write_row(0, 0, ["Mã xã", "Tên xã", "Huyện", "Kỳ báo cáo", "Tiêu chí số", "Kết quả"])
    ordered = facts.sort_values(["period", "unit_id", "criterion_no"])
    for r, row in enumerate(ordered.itertuples(index=False), start=1):
        commune = info.loc[row.unit_id]
        sheet.write_string(r, 0, commune["code"] or "")
        sheet.write_string(r, 1, commune["name"])
        sheet.write_string(r, 2, commune["district"] or "")
        sheet.write_string(r, 3, f"{row.period.month:02d}/{row.period.year}")
        sheet.write_number(r, 4, int(row.criterion_no))
        sheet.write_string(r, 5, STATUS_WORDS[row.status])
    book.close()
    return buffer.getvalue()


def filled_template(con: duckdb.DuckDBPyConnection, province: units.Unit, facts: pd.DataFrame) -> bytes:
    """``ntm template`` for the province and month, with every status cell filled."""
    period = month(facts["period"].iloc[0])
    province = units.resolve(con, province.code, start=period.start)  # the post-merger province of that month
    set_id = facts["set_id"].iloc[0]
    book = openpyxl.load_workbook(io.BytesIO(template.build(con, province, period, set_id)))
    sheet = book["Báo cáo"]
    status = {(str(code), int(no)): s for code, no, s in facts.merge(
        _communes(con, facts["unit_id"]).reset_index(), on="unit_id")[["code", "criterion_no", "status"]].itertuples(index=False)}
    headers = [c.value for c in sheet[template.FIRST_DATA_ROW - 1]]
    for row in sheet.iter_rows(min_row=template.FIRST_DATA_ROW):
        code = row[1].value
        for cell, head in zip(row, headers):
            if isinstance(head, int) and (code, head) in status:
                cell.value = STATUS_WORDS[status[code, head]]
    return _save(book)


def _save(book: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

