"""Family 1 as the national office keeps it: communes of several provinces as rows, province and district
columns, a subtotal row per province. Names only (no codes): communes that share a name in two provinces (there
are 11 such pairs among these 356 xã, Hưng Đạo of Bảo Lạc, Cao Bằng and of Bình Gia, Lạng Sơn …) are told apart
by their district. The file is scored against the whole country (``unit`` "VN")."""

from __future__ import annotations

from collections import Counter

import openpyxl

from tests.corpus.makers.common import WORDS, expected, truth, xlsx

PROVINCES = ("04", "19", "20", "38", "40", "89")  # Cao Bằng, Thái Nguyên, Lạng Sơn, Thanh Hóa, Nghệ An, An Giang
DISTRICTS = 4  # the first rural districts (by code) of each province whose name no other district has
DAY = "2020-05-01"
_PICK = """
WITH valid AS (SELECT * FROM units WHERE NOT historical AND coalesce(valid_from, DATE '1900-01-01') <= ?::DATE
                 AND coalesce(valid_to, DATE '9999-12-31') >= ?::DATE),
 districts AS (SELECT d.unit_id, d.code, d.short_name, p.code AS province_code, p.short_name AS province,
                      count(*) OVER (PARTITION BY d.name_key) AS same_name
               FROM valid d JOIN valid p ON p.unit_id = d.parent_id WHERE d.level = 'district' AND d.kind = 'Huyện'),
 picked AS (SELECT *, row_number() OVER (PARTITION BY province_code ORDER BY code) AS k FROM districts
            WHERE same_name = 1 AND list_contains(?, province_code))
SELECT c.code, c.short_name, p.short_name AS district, p.province
FROM picked p JOIN valid c ON c.district_id = p.unit_id AND c.level = 'commune' AND c.kind = 'Xã'
WHERE p.k <= ? ORDER BY p.province_code, p.code, c.code"""


def communes(con) -> list[tuple[str, str, str, str]]:
    """(code, name, district, province) of the workbook's xã, in the office's order."""
    return con.execute(_PICK, [DAY, DAY, list(PROVINCES), DISTRICTS]).fetchall()


def f1_national_provinces(con):
    """The national office's workbook: 356 xã of six provinces (Tỉnh, Huyện, Tên xã), 1…19 with verdict words,
    "Cộng tỉnh …" subtotal rows; eleven names are xã of two provinces, told apart by the district column."""
    picked = communes(con)
    names = Counter((name, province) for _, name, _, province in picked)
    shared = {name for name, _ in names if sum(n == name for n, _ in names) > 1}
    assert len(shared) >= 2, "the workbook must hold xã of one name in two provinces"
    st = truth(16, [(code, code) for code, *_ in picked])  # keyed by code: names repeat
    book = openpyxl.Workbook()
    s = book.active
    s.title = "Toàn quốc T5-2020"
    s.append(["VĂN PHÒNG ĐIỀU PHỐI NÔNG THÔN MỚI TRUNG ƯƠNG"])
    s.append(["TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ NÔNG THÔN MỚI CÁC TỈNH, THÁNG 5/2020"])
    s.append(["TT", "Tỉnh", "Huyện", "Tên xã", *range(1, 20), "Số tiêu chí đạt"])
    for k, (code, name, district, province) in enumerate(picked, start=1):
        row = st[code]
        s.append([k, province, district, name, *[WORDS[row[c]] for c in range(1, 20)], _met(row)])
        if k == len(picked) or picked[k][3] != province:
            part = [st[c] for c, *_, p in picked if p == province]
            s.append([None, None, None, f"Cộng tỉnh {province}", *[_count(part, c) for c in range(1, 20)], None])
    provinces = sorted({p for *_, p in picked})
    exp = expected("communes-as-rows", st, header_rows=[3], key="code", provinces=provinces, options={"unit": "VN"})
    return xlsx(book), exp


def _met(row: dict[int, str]) -> int:
    return sum(v == "met" for v in row.values())


def _count(part: list[dict[int, str]], criterion: int) -> int:
    return sum(row[criterion] == "met" for row in part)
