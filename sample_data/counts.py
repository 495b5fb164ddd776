"""Sample villages, nâng cao / kiểu mẫu results and resources for Văn Quan, as the workbooks staff upload
(``regenerate.py`` writes them with the others and lists them in ``uploads.csv``; ``ntm.sample`` loads them
through the village list reader, the importer and the quantities reader).

Village names are generated from syllables common in Tày-Nùng place names (not the real list); the 2023
resources are pinned to Văn Quan's 6/2023 report (domain README §6): 60.533 m² of land donated, 2,1 tỷ đồng
and 40.700 labour days from the people; 9 road, 6 irrigation and 8 school works; 8 mobile propaganda
sessions, 119 meetings with 8.040 participants, 100 news items. Everything else is deterministic filler.
"""

from __future__ import annotations

import io
import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import duckdb
import openpyxl
import pandas as pd

from ntm import catalog, metrics, resources, units

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
PROVINCE_CODE = "20"
FILE_PREFIXES = ("danh-sach-thon", "thon-ket-qua", "khu-dan-cu", "nang-cao", "kieu-mau", "nguon-luc")


@dataclass(frozen=True)
class Village:
    code: str
    kind: str
    name: str
    commune_id: int
    commune: str
    commune_code: str

    @property
    def full_name(self) -> str:
        return f"{self.kind} {self.name}"


def _save(book: openpyxl.Workbook, meta: dict[str, str] | None = None) -> bytes:
    if meta:
        sheet = book.create_sheet("_meta")
        for key, value in meta.items():
            sheet.append([key, value])
        sheet.sheet_state = "hidden"
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


def _villages(con: duckdb.DuckDBPyConnection, district: units.Unit, rng: random.Random) -> list[Village]:
    communes = units.communes_under(con, district, LIST_DAY, LIST_DAY)
    found = []
    for row in communes[~communes["historical"].astype(bool)].itertuples():
        for name in _names(rng, rng.randint(7, 12)):
            code = f"{row.code}-{len(found) + 1:03d}"
            found.append(
                Village(code, "Bản" if rng.random() < 0.3 else "Thôn", name, int(row.unit_id), row.name, row.code)
            )
    return found


def village_list_workbook(district: units.Unit, listed: list[Village]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh sách thôn"
    sheet.append([f"DANH SÁCH THÔN, BẢN {district.name.upper()} (dữ liệu mẫu)"])
    sheet.append(["STT", "Tên thôn, bản", "Xã", "Huyện", "Mã thôn", "Loại"])
    for k, v in enumerate(listed, start=1):
        sheet.append([k, v.name, v.commune, district.short_name, v.code, v.kind])
    return _save(book, {"unit_code": PROVINCE_CODE, "period": f"{LIST_DAY:%Y-%m}"})


def _results_workbook(title: str, groups: dict[str, list[tuple]], n: int, meta: dict[str, str]) -> bytes:
    """A wide sheet: "Xã …" group rows, then one row per unit (code, name, marks) with Đạt / Chưa đạt for
    criteria 1 … n; the "Mã" column tells apart two villages of one name in a merged commune."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Kết quả"
    sheet.append([title])
    sheet.append(["Mã", "Đơn vị", *[f"TC{i}" for i in range(1, n + 1)], "Tổng số tiêu chí đạt"])
    for group, rows in groups.items():
        if group:
            sheet.append([None, f"Xã {group}"])
        for code, name, marks in rows:
            sheet.append([code, name, *["Đạt" if m else "Chưa đạt" for m in marks], sum(marks)])
    return _save(book, meta)


def _marks(rng: random.Random, met: int, n: int) -> list[bool]:
    order = list(range(n))
    rng.shuffle(order)
    chosen = set(order[:met])
    return [i in chosen for i in range(n)]


def _home(con: duckdb.DuckDBPyConnection, commune_id: int, day: date) -> units.Unit:
    """The commune a village belongs to on ``day``: its own, or after 7/2025 the default successor."""
    commune = units.get(con, commune_id)
    if commune.valid_to is None or commune.valid_to >= day:
        return commune
    return units.successors(con, commune)[0]


Writer = Callable[[], bytes]


def _village_files(con, listed: list[Village], rng: random.Random) -> list[tuple[str, bytes]]:
    files = []
    progress: dict[str, int] = {}
    model: dict[str, int] = {}
    for day in REPORT_MONTHS:
        set_id = catalog.set_for_period(con, day, "village")
        model_set = catalog.set_for_period(con, day, "village_model")
        n, n_model = metrics.n_criteria(con, set_id), metrics.n_criteria(con, model_set)
        groups: dict[str, list] = {}
        model_groups: dict[str, list] = {}
        for v in listed:
            met = progress.get(v.code, rng.randint(3, 9))
            met = min(n, met + rng.randint(0, 3)) if day != REPORT_MONTHS[0] else met
            progress[v.code] = met
            home = _home(con, v.commune_id, day).short_name
            groups.setdefault(home, []).append((v.code, v.full_name, _marks(rng, met, n)))
            if met == n:
                m = min(n_model, model.get(v.code, rng.randint(2, 5)) + rng.randint(0, 2))
                model[v.code] = m
                model_groups.setdefault(home, []).append((v.code, v.full_name, _marks(rng, m, n_model)))
        label = f"{day:%Y-%m}"
        meta = {"unit_code": PROVINCE_CODE, "period": label, "set_id": set_id}
        files.append(
            (
                f"thon-ket-qua-{label}.xlsx",
                _results_workbook(f"KẾT QUẢ THÔN, BẢN ĐẠT CHUẨN NTM {label}", groups, n, meta),
            )
        )
        if model_groups:
            meta = {**meta, "set_id": model_set}
            files.append(
                (
                    f"khu-dan-cu-kieu-mau-{label}.xlsx",
                    _results_workbook(f"KHU DÂN CƯ KIỂU MẪU {label}", model_groups, n_model, meta),
                )
            )
    return files


def _level_files(con, district: units.Unit, frame: pd.DataFrame, rng) -> list[tuple[str, bytes]]:
    """Nâng cao results of the communes at standard each year-end, kiểu mẫu conditions of the best ones."""
    files = []
    nc: dict[str, int] = {}
    olds = units.communes_under(con, district, LIST_DAY, LIST_DAY)
    olds = olds[~olds["historical"].astype(bool)]["unit_id"].astype(int).tolist()
    for day in REPORT_MONTHS:
        homes = {_home(con, old, day) for old in olds}
        month = frame[(frame["period"] == day) & (frame["set_id"] == "ntm-2021")]
        met = month[month["status"] == "met"].groupby("unit_id").size()
        at_standard = sorted((u for u in homes if met.get(u.unit_id, 0) == 19), key=lambda u: u.code or "")
        if not at_standard:
            continue
        rows, model_rows = [], []
        for unit in at_standard:
            count = min(19, nc.get(unit.short_name, rng.randint(6, 11)) + rng.randint(1, 4))
            if unit.short_name in ("Yên Phúc", "Điềm He") and day >= date(2025, 6, 1):
                count = 19  # the 2024 plan: Yên Phúc nâng cao, Điềm He kiểu mẫu in 2025
            nc[unit.short_name] = count
            rows.append((unit.code, unit.short_name, _marks(rng, count, 19)))
            if count >= 15:
                special = unit.short_name == "Điềm He"
                conditions = [count == 19, special or rng.random() < 0.4, special, True]
                model_rows.append((unit.code, unit.short_name, conditions))
        label = f"{day:%Y-%m}"
        advanced = catalog.set_for_period(con, day, "commune_advanced")
        files.append(
            (
                f"nang-cao-{label}.xlsx",
                _results_workbook(
                    f"KẾT QUẢ NTM NÂNG CAO {label}",
                    {"": rows},
                    19,
                    {"unit_code": PROVINCE_CODE, "period": label, "set_id": advanced},
                ),
            )
        )
        if model_rows:
            model_set = catalog.set_for_period(con, day, "commune_model")
            files.append(
                (
                    f"kieu-mau-{label}.xlsx",
                    _results_workbook(
                        f"ĐIỀU KIỆN XÃ NTM KIỂU MẪU {label}",
                        {"": model_rows},
                        4,
                        {"unit_code": PROVINCE_CODE, "period": label, "set_id": model_set},
                    ),
                )
            )
    return files


def _split(total: float, parts: int, rng: random.Random, decimals: int) -> list[float]:
    """``total`` in ``parts`` non-negative shares that add up exactly (in units of 10^-decimals)."""
    scale = 10**decimals
    whole = round(total * scale)
    cuts = sorted(rng.randint(0, whole) for _ in range(parts - 1))
    return [(b - a) / scale for a, b in itertools.pairwise([0, *cuts, whole])]


def resources_workbook(con, district: units.Unit, rng: random.Random) -> bytes:
    """Quarterly reports 2022 – 6/2025, per commune or for the district by each quantity's level, and plans."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Nguon luc"
    sheet.append(["KẾT QUẢ HUY ĐỘNG NGUỒN LỰC, CÔNG TRÌNH VÀ HOẠT ĐỘNG (dữ liệu mẫu)"])
    sheet.append(["STT", "Đơn vị", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kỳ", "Giá trị", "Kế hoạch năm"])
    communes = units.communes_under(con, district, LIST_DAY, LIST_DAY)
    names = communes[~communes["historical"].astype(bool)]["name"].tolist()
    k = 0
    for year, scale in YEAR_SCALE.items():
        quarters = 2 if year == 2025 else 4
        for q in resources.catalogue():
            if q.code not in VAN_QUAN_2023:
                continue
            decimals = 2 if isinstance(VAN_QUAN_2023[q.code], float) else 0
            total = round(VAN_QUAN_2023[q.code] * scale, decimals)
            plan = round(VAN_QUAN_2023[q.code] * (1.15 if year == 2025 else scale) * rng.uniform(0.85, 1.3), decimals)
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
                for name, value in zip(names, _split(part, len(names), rng, decimals)):
                    if value:
                        k += 1
                        sheet.append([k, name, q.code, q.name_vi, q.unit_vi, f"Quý {quarter}/{year}", value, None])
            if q.level == "commune":
                k += 1
                sheet.append([k, DISTRICT, q.code, q.name_vi, q.unit_vi, f"{year}", None, plan])
    return _save(book, {"unit_code": district.code or DISTRICT})


def new_era_resources(con, district: units.Unit, rng: random.Random) -> bytes:
    """7-12/2025: the merged communes that took in Văn Quan's communes report their own works."""
    communes = units.communes_under(con, district, LIST_DAY, LIST_DAY)
    olds = communes[~communes["historical"].astype(bool)]["unit_id"].astype(int).tolist()
    homes = sorted({_home(con, old, date(2025, 12, 1)).short_name for old in olds})
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
            for name, value in zip(homes, _split(VAN_QUAN_2023[q.code] * 0.25, len(homes), rng, decimals)):
                if value:
                    k += 1
                    sheet.append([k, name, q.code, q.unit_vi, f"Quý {quarter}/2025", value])
    return _save(book, {"unit_code": PROVINCE_CODE})


def workbooks(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame) -> list[tuple[str, str, bytes]]:
    """(file name, manifest kind, bytes) of every file, in load order: the village list first."""
    rng = random.Random(SEED)
    district = units.resolve(con, f"{PROVINCE_CODE}/{DISTRICT}", start=LIST_DAY)
    listed = _villages(con, district, rng)
    files = [("danh-sach-thon-van-quan.xlsx", "villages", village_list_workbook(district, listed))]
    files += [(name, "report", data) for name, data in _village_files(con, listed, rng)]
    files += [(name, "report", data) for name, data in _level_files(con, district, frame, rng)]
    files.append(("nguon-luc-van-quan.xlsx", "quantities", resources_workbook(con, district, rng)))
    files.append(("nguon-luc-2025-sau-sap-xep.xlsx", "quantities", new_era_resources(con, district, rng)))
    return files
