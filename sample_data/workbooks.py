"""The generated sample reports written as the workbooks staff actually upload, in three layouts.

- ``bieu-tong-hop-YYYY.xlsx`` (2020–2021, set ``ntm-2016``): the province's monthly summary as
  it circulates between offices — title rows ("UBND TỈNH LẠNG SƠN", "BIỂU TỔNG HỢP …"), a
  two-row header with criterion names merged above their numbers, one sheet per month
  ("T5-2020"), district group rows ("Huyện Văn Quan") with subtotal rows ("Cộng huyện"), no
  commune codes, statuses written out (Đạt / Cơ bản đạt / Chưa đạt).
- ``du-lieu-dai-YYYY.xlsx`` (2022 – 6/2025, set ``ntm-2021``): the long layout other systems
  export — one row per commune, month and criterion, commune codes as text.
- ``mau-nhap-YYYY-MM.xlsx`` (7/2025 – 3/2026, after the merger; from 1/2026 on the 2026-2030 set): the ``ntm template`` upload
  template for the province, filled in as staff fill it.

``ntm.sample`` loads these through ``ntm.ingest.import_file``, the same path as an upload.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from functools import partial

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
APPRAISAL_MONTH = date(2024, 11, 1)


Writer = Callable[[duckdb.DuckDBPyConnection, units.Unit], bytes]


def plan(facts: pd.DataFrame) -> list[tuple[str, Writer, str]]:
    """(file name, writer, assessment layer) for every sample workbook, oldest first; ``writer(con, province)``
    → bytes. Besides the communes' own reports, Văn Quan's appraisal (thẩm định) of 11/2024 is an upload of
    the ``appraised`` layer that disagrees with one self-assessment (Liên Hội, criterion 17)."""
    facts = facts.assign(year=facts["period"].map(lambda d: d.year))
    files: list[tuple[str, Writer]] = []
    summary = facts[facts["period"] < LONG_FROM]
    for year, part in summary.groupby("year"):
        files.append((f"bieu-tong-hop-{year}.xlsx", partial(provincial_summary, facts=part)))
    long = facts[(facts["period"] >= LONG_FROM) & (facts["period"] < TEMPLATE_FROM)]
    for year, part in long.groupby("year"):
        files.append((f"du-lieu-dai-{year}.xlsx", partial(long_layout, facts=part)))
    for day, part in facts[facts["period"] >= TEMPLATE_FROM].groupby("period"):
        files.append((f"mau-nhap-{day:%Y-%m}.xlsx", partial(filled_template, facts=part)))
    result = [(name, writer, "self") for name, writer in files]
    appraisal = facts[facts["period"] == APPRAISAL_MONTH].drop(columns="year")
    at = next(k for k, (name, _, _) in enumerate(result) if name == "du-lieu-dai-2024.xlsx") + 1
    result.insert(at, ("tham-dinh-van-quan-2024-11.xlsx", partial(appraisal_template, facts=appraisal), "appraised"))
    return result


def appraisal_template(con: duckdb.DuckDBPyConnection, province: units.Unit, facts: pd.DataFrame) -> bytes:
    """Văn Quan's template for 11/2024 filled by the appraisal team: the communes' statuses, except that
    Liên Hội's environment criterion (17) is found only basically met."""
    district = units.resolve(con, f"{province.code}/Văn Quan", start=APPRAISAL_MONTH)
    ids = set(units.communes_under(con, district, APPRAISAL_MONTH, APPRAISAL_MONTH)["unit_id"].astype(int))
    mine = facts[facts["unit_id"].isin(ids)].copy()
    lien_hoi = units.resolve(con, "Liên Hội", start=APPRAISAL_MONTH, within=district, prefer="commune").unit_id
    mine.loc[(mine["unit_id"] == lien_hoi) & (mine["criterion_no"] == 17), "status"] = "basically_met"
    return filled_template(con, district, mine)


def _communes(con: duckdb.DuckDBPyConnection, unit_ids) -> pd.DataFrame:
    ids = sorted({int(u) for u in unit_ids})
    return (
        con.execute(
            f"""SELECT c.unit_id, c.code, c.short_name AS name, d.short_name AS district, d.name AS district_name
            FROM units c LEFT JOIN units d ON d.unit_id = c.district_id
            WHERE c.unit_id IN ({",".join("?" * len(ids))})""",
            ids,
        )
        .df()
        .set_index("unit_id")
    )


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
        sheet.append(
            ["TT", "Tên xã", "Kết quả thực hiện các tiêu chí"]
            + [None] * (len(numbers) - 1)
            + ["Tổng số tiêu chí đạt", "Ghi chú"]
        )
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
        by_unit = statuses.to_dict("index")  # plain dicts: a frame lookup per cell is most of the time otherwise
        for district, communes in rows.sort_values(["district", "code"]).groupby("district", sort=False):
            sheet.append([None, communes["district_name"].iloc[0]])
            sheet.cell(sheet.max_row, 2).font = bold
            for k, (unit_id, commune) in enumerate(communes.iterrows(), start=1):
                marks = [STATUS_WORDS[by_unit[unit_id][n]] for n in numbers]
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
    communes = {int(u): (c or "", n, d or "") for u, c, n, d in info[["code", "name", "district"]].itertuples()}
    for r, row in enumerate(ordered.itertuples(index=False), start=1):
        code, name, district = communes[int(row.unit_id)]  # a dict, not a frame lookup per row (45,000 rows)
        sheet.write_string(r, 0, code)
        sheet.write_string(r, 1, name)
        sheet.write_string(r, 2, district)
        sheet.write_string(r, 3, f"{row.period.month:02d}/{row.period.year}")
        sheet.write_number(r, 4, int(row.criterion_no))
        sheet.write_string(r, 5, STATUS_WORDS[row.status])
    book.close()
    return buffer.getvalue()


def filled_template(con: duckdb.DuckDBPyConnection, unit: units.Unit, facts: pd.DataFrame) -> bytes:
    """``ntm template`` for the unit (the province: its post-merger self of that month) and month, every status filled."""
    period = month(facts["period"].iloc[0])
    unit = units.resolve(con, unit.code, start=period.start) if unit.level == "province" else unit
    set_id = facts["set_id"].iloc[0]
    book = openpyxl.load_workbook(io.BytesIO(template.build(con, unit, period, set_id)))
    sheet = book["Báo cáo"]
    status = {
        (str(code), int(no)): s
        for code, no, s in facts.merge(_communes(con, facts["unit_id"]).reset_index(), on="unit_id")[
            ["code", "criterion_no", "status"]
        ].itertuples(index=False)
    }
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


# ---------------------------------------------------------------- the plan workbook (targets, goals, recognitions)
SAMPLE_PLAN = "(mẫu)"  # document numbers in the sample are made up, and say so


def plan_workbook(con: duckdb.DuckDBPyConnection, facts: pd.DataFrame) -> bytes:
    """Targets as a province's plan lists them, including communes that land in every progress status.

    Văn Quan's 2023-2025 plans (domain README §6): Trấn Ninh at standard by 11/2024 (reached), Liên Hội
    in 2023 (missed), Yên Phúc nâng cao and Điềm He kiểu mẫu in 2025 (no reports on those sets yet).
    Post-merger communes due in 2026 are chosen from their 7-12/2025 pace so that one is achieved,
    one on track, one needs acceleration, one makes limited progress and one regresses.
    """
    van_quan = [
        ("Trấn Ninh", "NTM", "11/2024", "KH 125/KH-UBND ngày 15/3/2024 của UBND huyện Văn Quan"),
        ("Liên Hội", "NTM", "2023", "KH 48/KH-UBND ngày 20/2/2023 của UBND huyện Văn Quan"),
        ("Yên Phúc", "NTM nâng cao", "2025", "KH 125/KH-UBND ngày 15/3/2024 của UBND huyện Văn Quan"),
        ("Điềm He", "NTM kiểu mẫu", "2025", "KH 125/KH-UBND ngày 15/3/2024 của UBND huyện Văn Quan"),
    ]
    target_rows = [
        [None, name, "Văn Quan", level, due, f"{plan} {SAMPLE_PLAN}", None] for name, level, due, plan in van_quan
    ]
    for code, name, due, note in _new_era_targets(con, facts):
        target_rows.append(
            [code, name, None, "NTM", due, f"KH 30/KH-UBND ngày 10/1/2026 của UBND tỉnh {SAMPLE_PLAN}", note]
        )
    goals = [
        ["Lạng Sơn/Văn Quan", 2024, "Bình quân tiêu chí/xã", 13, f"NQ Đại hội Đảng bộ huyện {SAMPLE_PLAN}"],
        ["Lạng Sơn/Văn Quan", 2024, "Số xã đạt chuẩn", 6, f"NQ Đại hội Đảng bộ huyện {SAMPLE_PLAN}"],
        ["Lạng Sơn", 2026, "Bình quân tiêu chí/xã", 16.5, f"KH 30/KH-UBND ngày 10/1/2026 {SAMPLE_PLAN}"],
        ["Lạng Sơn", 2026, "Tỷ lệ xã đạt chuẩn (%)", 40, f"KH 30/KH-UBND ngày 10/1/2026 {SAMPLE_PLAN}"],
    ]
    recognitions = [
        ["Tràng Phái", "Văn Quan", "NTM", "1890/QĐ-UBND", "28/12/2018"],
        ["Tân Đoàn", "Văn Quan", "NTM", "2210/QĐ-UBND", "26/12/2019"],
        ["Yên Phúc", "Văn Quan", "NTM", "2210/QĐ-UBND", "26/12/2019"],
        ["Trấn Ninh", "Văn Quan", "NTM", "2415/QĐ-UBND", "27/12/2024"],
    ]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Mục tiêu xã"
    sheet.append(["KẾ HOẠCH XÂY DỰNG NÔNG THÔN MỚI — DANH SÁCH XÃ PHẤN ĐẤU ĐẠT CHUẨN"])
    sheet.append(["Mã xã", "Tên xã", "Huyện", "Mức", "Thời hạn", "Kế hoạch", "Ghi chú"])
    for row in target_rows:
        sheet.append(row)
    sheet = book.create_sheet("Chỉ tiêu đơn vị")
    sheet.append(["Đơn vị", "Năm", "Chỉ tiêu", "Giá trị", "Văn bản"])
    for row in goals:
        sheet.append(row)
    sheet = book.create_sheet("Công nhận")
    sheet.append(["Tên xã", "Huyện", "Mức", "Số quyết định", "Ngày quyết định", "Cơ quan ban hành"])
    for row in recognitions:
        sheet.append([*row, "UBND tỉnh Lạng Sơn"])
    for sheet in book.worksheets:
        for cell in sheet[1 if sheet.title != "Mục tiêu xã" else 2]:
            cell.font = Font(bold=True)
    return _save(book)


def _new_era_targets(con: duckdb.DuckDBPyConnection, facts: pd.DataFrame) -> list[tuple[str, str, str, str]]:
    """(code, name, due "MM/YYYY", note) for five post-merger communes, one per progress status."""
    new = facts[(facts["period"] >= TEMPLATE_FROM) & (facts["set_id"] == "ntm-2021")]
    met = new[new["status"] == "met"].groupby(["unit_id", "period"]).size().unstack(fill_value=0)
    first, last = met.columns.min(), met.columns.max()
    span = (last.year - first.year) * 12 + last.month - first.month
    pace = (met[last] - met[first]) / span
    remaining = 19 - met[last]
    info = _communes(con, met.index)
    chosen: list[tuple[str, str, str, str]] = []

    def due(months: int) -> str:
        index = last.year * 12 + last.month - 1 + max(1, months)
        return f"{index % 12 + 1:02d}/{index // 12}"

    def pick(mask: pd.Series, months, note: str) -> None:
        for unit_id in mask[mask].index:
            if info.at[unit_id, "code"] not in {c[0] for c in chosen}:
                chosen.append((info.at[unit_id, "code"], info.at[unit_id, "name"], due(months(unit_id)), note))
                return

    # observed / needed = pace × months / remaining: pick the months that give the ratio wanted
    pick(remaining == 0, lambda u: 6, "đã đủ 19 tiêu chí, chờ thẩm định")
    need = remaining / pace.where(pace > 0)  # months at the observed pace
    pick((remaining > 0) & (need * 1.5 <= 11), lambda u: int(need[u] * 1.5) + 1, "đúng tiến độ")
    pick((need >= 6) & (need * 0.8 <= 12), lambda u: int(need[u] * 0.8), "cần đẩy nhanh")
    pick((pace == 0) & (remaining > 0), lambda u: 12, "chưa có chuyển biến")
    pick(pace < 0, lambda u: 12, "tái nghèo sau rà soát 10/2025")
    return chosen
