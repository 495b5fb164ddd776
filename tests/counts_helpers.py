"""Shared by the counts tests (resources, village lists, village figures): hand-built workbooks and loads whose
every number can be checked by counting. Test modules import from here, never from each other."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pandas as pd

from ntm import loads
from ntm.ingest import quantities
from ntm.village_list import VillageRow, load
from tests.helpers import commune

RESOURCES_HEADER = ["STT", "Đơn vị", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kỳ", "Giá trị", "Kế hoạch năm"]


def resources_workbook(rows: list[list]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Nguồn lực"
    sheet.append(["BÁO CÁO KẾT QUẢ HUY ĐỘNG NGUỒN LỰC"])
    sheet.append(RESOURCES_HEADER)
    for k, row in enumerate(rows, start=1):
        sheet.append([k, *row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


QUAN_SON_Q1 = [  # "huy động được trên 47 tỷ đồng … trên 71,43 km đường giao thông nông thôn"
    ["", "money_state", "", "tỷ đồng", "Quý I/2023", "30,15", 120],
    ["", "money_credit", "", "", "Quý I/2023", "9,8", None],
    ["", "money_business", "", "", "Quý I/2023", 3.3, None],
    ["Tú Xuyên", "money_people", "", "triệu đồng", "Quý I/2023", "2.100", None],
    ["Hữu Lễ", "money_people", "", "tỷ đồng", "Quý I/2023", "2", None],  # money 47.35
    ["Tú Xuyên", "road_km", "", "km", "Quý I/2023", "40,13", 100],
    ["Hữu Lễ", "road_km", "", "m", "Quý I/2023", "31.300", None],  # 31,3 km: 71,43 in all
    ["Tú Xuyên", "land_donated", "", "m2", "Quý I/2023", "60.533", None],
    ["", "", "Tuyên truyền lưu động", "buổi", "Quý I/2023", 8, None],
]


def load_resources(con, rows, **kw):
    parsed, upload_id = quantities.import_file(con, resources_workbook(rows), "nguon-luc.xlsx", unit="184", **kw)
    assert not parsed.errors, [p.located() for p in parsed.errors]
    return upload_id


DAY = date(2023, 1, 1)


def village_list_workbook(rows: list[list], header=("STT", "Tên thôn, bản", "Xã", "Mã thôn", "Loại")) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh sách thôn"
    sheet.append(["DANH SÁCH THÔN, BẢN HUYỆN VĂN QUAN"])
    sheet.append(list(header))
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


N_VILLAGE, N_MODEL = 11, 7


def make_villages(con, per_commune: dict[str, int]) -> dict[str, list[int]]:
    """``n`` villages "Thôn 1" … "Thôn n" in each named Văn Quan commune; their unit ids by commune."""
    rows = [
        VillageRow("", 0, "Thôn", str(k), commune(con, name).unit_id, None)
        for name, n in per_commune.items()
        for k in range(1, n + 1)
    ]
    load(con, rows, source="test")
    ids: dict[str, list[int]] = {}
    for name in per_commune:
        found = con.execute(
            "SELECT unit_id FROM units WHERE level = 'village' AND parent_id = ? ORDER BY try_cast(short_name AS INT)",
            [commune(con, name).unit_id],
        ).fetchall()
        ids[name] = [r[0] for r in found]
    return ids


def assess(con, unit_ids: list[int], met: int, set_id="thon-ntm-ls", n=N_VILLAGE, month="2023-12") -> None:
    rows = [
        (uid, pd.Timestamp(month + "-01"), set_id, c, "met" if c <= met else "not_met")
        for uid in unit_ids
        for c in range(1, n + 1)
    ]
    loads.load_facts(
        con, pd.DataFrame(rows, columns=["unit_id", "period", "set_id", "criterion_no", "status"]), source="test"
    )


def village_sheet() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Thôn 12-2023"
    sheet.append(["Đơn vị"] + [f"TC{i}" for i in range(1, N_VILLAGE + 1)])
    sheet.append(["Xã Tú Xuyên"] + [None] * N_VILLAGE)
    sheet.append(["Thôn 1"] + ["Đạt"] * N_VILLAGE)
    sheet.append(["Thôn 2"] + ["Đạt"] * 5 + ["Chưa đạt"] * 6)
    sheet.append(["Xã Hữu Lễ"] + [None] * N_VILLAGE)
    sheet.append(["Thôn 1"] + ["Đạt"] * 7 + ["Chưa đạt"] * 4)
    sheet.append(["Thôn 9"] + ["Đạt"] * N_VILLAGE)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
