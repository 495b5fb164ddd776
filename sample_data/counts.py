"""Sample villages, nâng cao / kiểu mẫu assessments and resources for Văn Quan, written as the workbooks
staff upload and loaded through the same readers (village list, importer, quantities reader).

Village names are generated from syllables common in Tày-Nùng place names (not the real list); the 2023
resources are pinned to Văn Quan's 6/2023 report (domain README §6): 60.533 m² of land donated, 2,1 tỷ đồng
and 40.700 labour days from the people; 9 road, 6 irrigation and 8 school works; 8 mobile propaganda
sessions, 119 meetings with 8.040 participants, 100 news items. Everything else is deterministic filler.
"""

from __future__ import annotations

import io
import itertools
import random
from datetime import date
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd

from ntm import levels, metrics, resources, units, village_list, villages
from ntm.ingest import quantities
from ntm.ingest.importer import import_file

SEED = 16
DISTRICT = "Văn Quan"
LIST_DAY = date(2022, 1, 1)
# Year-end reports (and 6/2025, the old era's last month); 12/2025 is reported by the merged communes.
REPORT_MONTHS = (date(2022, 12, 1), date(2023, 12, 1), date(2024, 12, 1), date(2025, 6, 1), date(2025, 12, 1))
_FIRST = ("Nà", "Khòn", "Pác", "Còn", "Phai", "Khuổi", "Lũng", "Pò", "Kéo", "Nặm", "Co", "Bó", "Tồng", "Làng")
_SECOND = ("Cái", "Lầy", "Pàn", "Slam", "Tèo", "Mạ", "Ngần", "Pục", "Lệnh", "Hin", "Quang", "Rọ", "Vài", "Đon", "Chang")
# 2023, whole district (pinned to the report); other years scale these.
VAN_QUAN_2023 = {
    "land_donated": 60533,
    "money_people": 2.1,
    "labour_days": 40700,
    "road_works": 9,
    "irrigation_works": 6,
    "school_works": 8,
    "mobile_sessions": 8,
    "integrated_meetings": 119,
    "participants": 8040,
    "news_items": 100,
    "money_state": 38.6,
    "money_credit": 4.5,
    "money_business": 1.9,
    "road_km": 21.4,
    "canal_km": 6.35,
    "classrooms": 14,
    "power_km": 3.2,
    "transformers": 2,
    "cultural_houses": 7,
    "commune_offices": 2,
    "water_works": 3,
    "ocop_3": 2,
    "ocop_4": 1,
}
YEAR_SCALE = {2022: 0.8, 2023: 1.0, 2024: 1.15, 2025: 0.5}


def _save(book: openpyxl.Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _names(rng: random.Random, n: int) -> list[str]:
    found: list[str] = []
    while len(found) < n:
        name = f"{rng.choice(_FIRST)} {rng.choice(_SECOND)}"
        if name not in found:
            found.append(name)
    return found


def village_list_workbook(con: duckdb.DuckDBPyConnection, district: units.Unit, rng: random.Random) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh sách thôn"
    sheet.append([f"DANH SÁCH THÔN, BẢN {district.name.upper()} (dữ liệu mẫu)"])
    sheet.append(["STT", "Tên thôn, bản", "Xã", "Mã thôn", "Loại"])
    communes = units.communes_under(con, district, LIST_DAY, LIST_DAY)
    k = 0
    for row in communes.itertuples():
        for name in _names(rng, rng.randint(7, 12)):
            k += 1
            kind = "Bản" if rng.random() < 0.3 else "Thôn"
            sheet.append([k, name, row.name, f"{row.code}-{k:03d}", kind])
    return _save(book)


def _results_workbook(title: str, groups: dict[str, list[tuple]], n: int) -> bytes:
    """A wide sheet: "Xã …" group rows, then one row per unit (name, marks[, code]) with Đạt / Chưa đạt for
    criteria 1 … n; a "Mã" column when codes are given (merged communes can hold two villages of one name)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Kết quả"
    sheet.append([title])
    sheet.append(["Mã", "Đơn vị", *[f"TC{i}" for i in range(1, n + 1)], "Tổng số tiêu chí đạt"])
    for group, rows in groups.items():
        if group:
            sheet.append([None, f"Xã {group}"])
        for name, marks, *code in rows:
            sheet.append([code[0] if code else None, name, *["Đạt" if m else "Chưa đạt" for m in marks], sum(marks)])
    return _save(book)


def _marks(rng: random.Random, met: int, n: int) -> list[bool]:
    order = list(range(n))
    rng.shuffle(order)
    chosen = set(order[:met])
    return [i in chosen for i in range(n)]


def _village_files(con, district: units.Unit, province_code: str, rng: random.Random) -> list[tuple]:
    """(file name, bytes, unit, period, set) for every village results workbook."""
    files = []
    progress: dict[int, int] = {}
    model: dict[int, int] = {}
    for day in REPORT_MONTHS:
        scope = district if day < units.NEW_ERA_START else units.resolve(con, province_code, start=day)
        listed = villages.villages_of(con, scope, day)
        listed = listed[listed["unit_id"].isin(villages.villages_of(con, district, LIST_DAY)["unit_id"])]
        set_id, model_set = villages.sets_in_force(con, min(day, date(2025, 12, 1)))
        n, n_model = metrics.n_criteria(con, set_id), metrics.n_criteria(con, model_set)
        groups: dict[str, list] = {}
        model_groups: dict[str, list] = {}
        for row in listed.itertuples():
            uid = int(row.unit_id)
            met = progress.get(uid, rng.randint(3, 9))
            met = min(n, met + rng.randint(0, 3)) if day != REPORT_MONTHS[0] else met
            progress[uid] = met
            groups.setdefault(row.commune, []).append((row.full_name, _marks(rng, met, n), row.code))
            if met == n:
                m = min(n_model, model.get(uid, rng.randint(2, 5)) + rng.randint(0, 2))
                model[uid] = m
                model_groups.setdefault(row.commune, []).append((row.full_name, _marks(rng, m, n_model), row.code))
        label = f"{day:%Y-%m}"
        code = scope.code
        files.append(
            (
                f"thon-ket-qua-{label}.xlsx",
                _results_workbook(f"KẾT QUẢ THÔN, BẢN ĐẠT CHUẨN NTM {label}", groups, n),
                code,
                label,
                set_id,
            )
        )
        if model_groups:
            files.append(
                (
                    f"khu-dan-cu-kieu-mau-{label}.xlsx",
                    _results_workbook(f"KHU DÂN CƯ KIỂU MẪU {label}", model_groups, n_model),
                    code,
                    label,
                    model_set,
                )
            )
    return files


def _level_files(con, district: units.Unit, province_code: str, frame: pd.DataFrame, rng) -> list[tuple]:
    """Nâng cao results of the communes at standard each year-end, kiểu mẫu conditions of the best ones."""
    files = []
    nc: dict[str, int] = {}
    for day in REPORT_MONTHS:
        scope = district if day < units.NEW_ERA_START else units.resolve(con, province_code, start=day)
        live = units.communes_under(con, scope, day, day)
        if day >= units.NEW_ERA_START:  # the merged communes that took in Văn Quan's communes
            olds = units.communes_under(con, district, LIST_DAY, LIST_DAY)["unit_id"].astype(int).tolist()
            mine = {
                r[0]
                for r in con.execute(
                    f"SELECT new_unit_id FROM unit_successors WHERE old_unit_id IN ({','.join('?' * len(olds))})", olds
                ).fetchall()
            }
            live = live[live["unit_id"].isin(mine)]
        month = frame[frame["period"] == day]
        month = month[month["unit_id"].isin(live["unit_id"]) & (month["set_id"] == "ntm-2021")]
        met = month[month["status"] == "met"].groupby("unit_id").size()
        at_standard = live[live["unit_id"].map(met).fillna(0) == 19]
        if at_standard.empty:
            continue
        rows, model_rows = [], []
        for row in at_standard.itertuples():
            key = row.name
            count = min(19, nc.get(key, rng.randint(6, 11)) + rng.randint(1, 4))
            if key in ("Yên Phúc", "Điềm He") and day >= date(2025, 6, 1):
                count = 19  # the 2024 plan: Yên Phúc nâng cao, Điềm He kiểu mẫu in 2025
            nc[key] = count
            rows.append((row.name, _marks(rng, count, 19)))
            if count >= 15:
                conditions = [count == 19, key == "Điềm He" or rng.random() < 0.4, key == "Điềm He", True]
                model_rows.append((row.name, conditions))
        label = f"{day:%Y-%m}"
        files.append(
            (
                f"nang-cao-{label}.xlsx",
                _results_workbook(f"KẾT QUẢ NTM NÂNG CAO {label}", {"": rows}, 19),
                scope.code,
                label,
                levels.level_set(con, "commune", "advanced", day),
            )
        )
        if model_rows:
            files.append(
                (
                    f"kieu-mau-{label}.xlsx",
                    _results_workbook(f"ĐIỀU KIỆN XÃ NTM KIỂU MẪU {label}", {"": model_rows}, 4),
                    scope.code,
                    label,
                    levels.level_set(con, "commune", "model", day),
                )
            )
    return files


def _split(total: float, parts: int, rng: random.Random, decimals: int) -> list[float]:
    """``total`` in ``parts`` non-negative shares that add up exactly (in units of 10^-decimals)."""
    scale = 10**decimals
    whole = round(total * scale)
    cuts = sorted(rng.randint(0, whole) for _ in range(parts - 1))
    bounds = [0, *cuts, whole]
    return [(b - a) / scale for a, b in itertools.pairwise(bounds)]


def resources_workbook(con, district: units.Unit, province_code: str, rng: random.Random) -> bytes:
    """Quarterly reports 2022 – 6/2025 (per commune or for the district, by each quantity's level), the merged
    communes' own from 7/2025, and the year's plans."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Nguon luc"
    sheet.append(["KẾT QUẢ HUY ĐỘNG NGUỒN LỰC, CÔNG TRÌNH VÀ HOẠT ĐỘNG (dữ liệu mẫu)"])
    sheet.append(["STT", "Đơn vị", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kỳ", "Giá trị", "Kế hoạch năm"])
    communes = units.communes_under(con, district, LIST_DAY, LIST_DAY)
    communes = communes[~communes["historical"].astype(bool)]["name"].tolist()
    k = 0
    for year, scale in YEAR_SCALE.items():
        quarters = 2 if year == 2025 else 4
        for q in resources.catalogue():
            total = VAN_QUAN_2023.get(q.code, 0) * scale
            if not total:
                continue
            decimals = 2 if isinstance(VAN_QUAN_2023[q.code], float) else 0
            plan = round(VAN_QUAN_2023[q.code] * (1.15 if year == 2025 else scale) * rng.uniform(0.85, 1.3), decimals)
            total = round(total, decimals)
            for quarter, part in enumerate(_split(total, quarters, rng, decimals), start=1):
                if q.level == "district":
                    k += 1
                    sheet.append(
                        [
                            k,
                            DISTRICT,
                            q.code,
                            q.name_vi,
                            q.unit_vi,
                            f"Quý {quarter}/{year}",
                            part,
                            plan if quarter == 1 else None,
                        ]
                    )
                    continue
                for name, value in zip(communes, _split(part, len(communes), rng, decimals)):
                    if value:
                        k += 1
                        sheet.append([k, name, q.code, q.name_vi, q.unit_vi, f"Quý {quarter}/{year}", value, None])
            if q.level == "commune":
                k += 1
                sheet.append([k, DISTRICT, q.code, q.name_vi, q.unit_vi, f"{year}", None, plan])
    return _save(book)


def new_era_resources(con, district: units.Unit, province_code: str, rng: random.Random) -> bytes:
    """7-12/2025: the merged communes that took in Văn Quan's communes report their own works."""
    olds = units.communes_under(con, district, LIST_DAY, LIST_DAY)["unit_id"].astype(int).tolist()
    new_ids = sorted(
        {
            r[0]
            for r in con.execute(
                f"SELECT new_unit_id FROM unit_successors WHERE old_unit_id IN ({','.join('?' * len(olds))})", olds
            ).fetchall()
        }
    )
    names = [units.get(con, i).short_name for i in new_ids]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Nguon luc"
    sheet.append(["STT", "Đơn vị", "Mã chỉ tiêu", "Đơn vị tính", "Kỳ", "Giá trị"])
    k = 0
    for q in resources.catalogue():
        if q.level != "commune" or q.code not in VAN_QUAN_2023:
            continue
        decimals = 2 if isinstance(VAN_QUAN_2023[q.code], float) else 0
        for quarter in (3, 4):
            for name, value in zip(names, _split(VAN_QUAN_2023[q.code] * 0.25, len(names), rng, decimals)):
                if value:
                    k += 1
                    sheet.append([k, name, q.code, q.unit_vi, f"Quý {quarter}/2025", value])
    return _save(book)


class SampleCountsFailed(RuntimeError):
    pass


def load(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame, province_code: str, workbook_dir=None) -> dict:
    """Villages, levels and resources for Văn Quan, through the upload paths; returns counts."""
    rng = random.Random(SEED)
    for table in ("quantity_values", "quantity_history", "quantity_plans", "village_goals"):
        con.execute(f"DELETE FROM {table}")  # table names are literals
    district = units.resolve(con, f"{province_code}/{DISTRICT}", start=LIST_DAY)
    written: list[tuple[str, bytes]] = []
    data = village_list_workbook(con, district, rng)
    written.append(("danh-sach-thon-van-quan.xlsx", data))
    counts = village_list.import_list(con, data, written[-1][0], district, LIST_DAY, uploaded_by="sample")
    uploads = 1
    for name, data, unit_code, label, set_id in _village_files(con, district, province_code, rng) + _level_files(
        con, district, province_code, frame, rng
    ):
        written.append((name, data))
        result = import_file(con, data, name, unit=unit_code, period=label, set_id=set_id, uploaded_by="sample")
        if result.status != "loaded":
            raise SampleCountsFailed(f"{name}: {[p.located('en') for p in result.errors[:3]]}")
        uploads += 1
    for name, data, unit_text in (
        ("nguon-luc-van-quan.xlsx", resources_workbook(con, district, province_code, rng), district.code),
        ("nguon-luc-2025-sau-sap-xep.xlsx", new_era_resources(con, district, province_code, rng), province_code),
    ):
        written.append((name, data))
        parsed, upload_id = quantities.import_file(con, data, name, unit=unit_text, uploaded_by="sample")
        if upload_id is None:
            raise SampleCountsFailed(f"{name}: {[p.located('en') for p in parsed.errors[:3]]}")
        uploads += 1
    villages.set_goal(con, district, 2024, "villages_at_standard", 60, plan="Kế hoạch 2024 (mẫu)", by="sample")
    villages.set_goal(con, district, 2025, "share_at_standard", 70, plan="Kế hoạch 2025 (mẫu)", by="sample")
    if workbook_dir is not None:
        for name, data in written:
            (Path(workbook_dir) / name).write_bytes(data)
    con.execute(
        "UPDATE uploads SET backfill = true, note = 'Dữ liệu mẫu / sample' WHERE uploaded_by = 'sample' "
        "AND source IN ('villages', 'quantities')"
    )
    return {"villages": counts["added"], "count_uploads": uploads}
