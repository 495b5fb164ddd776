"""Finding the table in a sheet as districts lay it out.

Handles title rows above the table ("UBND HUYỆN …", "(Tính đến ngày 20/5/2020)"), one- or
two-row headers (merged cells read as blanks), criterion columns headed ``1``, ``TC1``, ``TC 1``,
``Tiêu chí 1``, ``Tiêu chí số 1``, ``1. Quy hoạch`` or the criterion's name, sub-indicator
columns (``2.1``), total/subtotal and blank rows, district group rows, and the long layout
(one row per commune and criterion).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from ntm.text import clean, fold

HEADER_SCAN_ROWS = 25
_CRIT_PATTERNS = [
    re.compile(r"^(?:tc|tieu chi)\s*(?:so\s*)?(\d{1,2})$"),
    re.compile(r"^(\d{1,2})\s*[.):\-]\s*[a-z].*$"),
    re.compile(r"^(\d{1,2})$"),
]
_INDICATOR = re.compile(r"^(?:chi tieu\s*)?(\d{1,2})\.(\d{1,2})$")
# "Tổng cộng", "Cộng huyện Văn Quan", "Toàn tỉnh", "Bình quân" — but not the commune "Công Sơn" (folds to "cong son").
_TOTAL_ROW = re.compile(
    r"^((tong cong|tong so|toan (huyen|tinh)|binh quan)\b.*"
    r"|(tong|cong)( (huyen|toan|tinh|xa|cac xa|thanh pho|thi xa)\b.*)?)$"
)
_MONTH_YEAR = re.compile(r"(?:thang|t)\s*(\d{1,2})\s*(?:nam|[/\-.])\s*(\d{4})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
_SET_HINTS = [
    ("2016-2020", "ntm-2016"),
    ("1980", "ntm-2016"),
    ("2021-2025", "ntm-2021"),
    ("318/qd", "ntm-2021"),
    ("2026-2030", "ntm-2026"),
    ("51/2025", "ntm-2026"),
    ("nang cao", "nang-cao-2021"),
]


@dataclass
class Column:
    index: int
    role: str  # name, code, district, total, note, criterion, indicator, stt, period, status
    criterion: int | None = None
    indicator: str | None = None
    header_row: int = 0


@dataclass
class Table:
    sheet: str
    header_row: int  # 0-based index of the last header row
    columns: list[Column]
    layout: str  # "wide" | "long"
    title_text: str = ""
    stated: dict = field(default_factory=dict)  # district / period / set read from the title rows

    def by_role(self, role: str) -> list[Column]:
        return [c for c in self.columns if c.role == role]


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return fold(value).strip(" :*")


def criterion_of(value: object, names: dict[str, int]) -> tuple[str, int | None, str | None] | None:
    """("criterion", n, None) | ("indicator", n, "2.1") | None for a header cell."""
    if isinstance(value, float) and not value.is_integer():
        value = f"{value:g}"
    text = _text(value)
    if not text:
        return None
    m = _INDICATOR.match(text)
    if m:
        return ("indicator", int(m.group(1)), f"{int(m.group(1))}.{int(m.group(2))}")
    for pattern in _CRIT_PATTERNS:
        m = pattern.match(text)
        if m:
            return ("criterion", int(m.group(1)), None)
    if text in names:
        return ("criterion", names[text], None)
    return None


def _role(text: str) -> str | None:
    if text in ("stt", "tt", "so tt", "so thu tu"):
        return "stt"
    if text.startswith(("ma xa", "ma don vi", "ma so")) or text == "ma":
        return "code"
    if text.startswith(("ten xa", "xa", "don vi", "ten don vi", "ten xa, thi tran", "xa, thi tran")):
        return "name"
    if text.startswith(("huyen", "ten huyen")):
        return "district"
    if "so tieu chi dat" in text or text.startswith(("tong so tieu chi", "tong so tc", "tong tc", "so tc dat", "tong")):
        return "total"
    if text.startswith("ghi chu"):
        return "note"
    if text in ("tieu chi", "so tieu chi", "tieu chi so", "ma tieu chi"):
        return "criterion_no"
    if text.startswith(("ket qua", "danh gia", "tinh trang", "muc do dat")):
        return "status"
    if text.startswith(("ky bao cao", "thang", "ky")):
        return "period"
    return None


def find_table(sheet_name: str, rows: list[list], criterion_names: dict[str, int]) -> Table | None:
    """The table's header and columns, or None when the sheet holds no table (instructions)."""
    best = None
    for r, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        hits = sum(1 for v in row if (c := criterion_of(v, criterion_names)) and c[0] == "criterion")
        if hits >= 3 and (best is None or hits >= best[1]):  # on a tie the lower row (numbers under names)
            best = (r, hits)
    if best is not None:
        return _wide(sheet_name, rows, best[0], criterion_names)
    for r, row in enumerate(rows[:HEADER_SCAN_ROWS]):  # long layout
        roles = {_role(_text(v)) for v in row}
        if {"name", "criterion_no", "status"} <= roles or {"code", "criterion_no", "status"} <= roles:
            columns = [Column(i, role, header_row=r) for i, v in enumerate(row) if (role := _role(_text(v)))]
            return Table(sheet_name, r, columns, "long", *_title(rows[:r]))
    return None


def _wide(sheet: str, rows: list[list], crit_row: int, names: dict[str, int]) -> Table:
    columns: list[Column] = []
    width = max(len(r) for r in rows[max(0, crit_row - 2) : crit_row + 1])
    for i in range(width):
        cell = rows[crit_row][i] if i < len(rows[crit_row]) else None
        found = criterion_of(cell, names)
        if found:
            columns.append(Column(i, found[0], found[1], found[2], crit_row))
            continue
        for r in (crit_row, crit_row - 1, crit_row - 2):  # a label merged over two header rows sits above
            if r < 0 or i >= len(rows[r]):
                continue
            role = _role(_text(rows[r][i]))
            if role in ("stt", "code", "name", "district", "total", "note"):
                columns.append(Column(i, role, header_row=r))
                break
    header_top = min(c.header_row for c in columns)
    return Table(sheet, crit_row, columns, "wide", *_title(rows[:header_top]))


def _title(rows: list[list]) -> tuple[str, dict]:
    """Text above the header and what it states: district name, period, criteria set."""
    text = " ".join(clean(v) for row in rows for v in row if v not in (None, "") and not isinstance(v, (int, float)))
    key = fold(text)
    stated: dict = {}
    m = re.search(r"(?:ubnd |uy ban nhan dan )?huyen ([a-z ]+?)(?:\s{2,}|$| tinh| bieu| bao cao| ket qua|,|\()", key)
    if m:
        stated["district"] = m.group(1).strip()
    m = _MONTH_YEAR.search(key) or None
    if m:
        stated["period"] = f"{int(m.group(2))}-{int(m.group(1)):02d}"
    else:
        m = _DAY_MONTH_YEAR.search(key)
        if m:
            stated["period"] = f"{int(m.group(3))}-{int(m.group(2)):02d}"
    for hint, set_id in _SET_HINTS:
        if hint in key:
            stated["set"] = set_id
            break
    return text, stated


def period_from_sheet_name(name: str, year_hint: int | None = None) -> str | None:
    """ "Tháng 5-2020", "T5.2020", "05-2020" → "2020-05"; "Tháng 5" with a year from the title."""
    key = fold(name)
    m = _MONTH_YEAR.search(key) or re.search(r"^(\d{1,2})\s*[-/.]\s*(\d{4})$", key)
    if m:
        return f"{int(m.group(2))}-{int(m.group(1)):02d}"
    m = re.search(r"(?:thang|^t)\s*(\d{1,2})$", key)
    if m and year_hint:
        return f"{year_hint}-{int(m.group(1)):02d}"
    return None


def is_total_row(name_text: str) -> bool:
    return bool(_TOTAL_ROW.match(fold(name_text).strip(" :.*")))


def as_period_text(value: object) -> str | None:
    if isinstance(value, (datetime, date)):
        return f"{value.year}-{value.month:02d}"
    key = fold(value)
    m = re.search(r"(\d{4})\s*[-/.]\s*(\d{1,2})", key)
    if m:
        return f"{int(m.group(1))}-{int(m.group(2)):02d}"
    m = re.search(r"(\d{1,2})\s*[-/.]\s*(\d{4})", key)
    return f"{int(m.group(2))}-{int(m.group(1)):02d}" if m else None
