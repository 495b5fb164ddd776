"""What single header and label cells say: a criterion or sub-indicator, a column's role, a total row, a period,
and what a sheet's title states (district, commune, period, criteria set).

Every pattern is anchored and free of nested repetition, and runs on text cut to ``MAX_TEXT`` characters;
title searches are plain ``str.find`` scans: nothing here is slower than linear in its input.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from rapidfuzz import fuzz, process

from ntm.bounded_cache import byte_bounded_cache
from ntm.text import clean, fold

MAX_TEXT = 200  # a header or label longer than this is prose, not a header
MAX_TITLE = 4_000  # title text searched for district, commune, period, set
FUZZY_MIN = 88  # rapidfuzz ratio for a criterion named without its number ("Quy hoach" ~ "Quy hoạch")

_NUMBERED = re.compile(r"^(?:tieu chi|tc)\s?(?:so)?\s?(\d{1,2})(?:\s?[.:)\-–]\s?(.*))?$")
_NUMBER_NAME = re.compile(r"^(\d{1,2})\s?[.):\-–]\s?([a-z].*)$")
_NUMBER = re.compile(r"^(\d{1,2})\.?$")
_INDICATOR = re.compile(r"^(?:chi tieu\s?)?(\d{1,2})\.(\d{1,2})(?:[.:)\-–\s].*)?$")
_TOTAL_ROW = re.compile(  # "Tổng"/"Cộng" alone, never "Công Sơn" or "Tổng Cọt" (communes)
    r"^(?:(?:tong cong|tong so|toan (?:huyen|tinh|xa)|binh quan|so tieu chi dat|so xa dat"
    r"|cong (?:huyen|toan|tinh|xa|cac xa|thanh pho|thi xa))(?:$|[ :.(])|(?:tong|cong)(?:$|[:.(]))"
)
_MONTH_YEAR = re.compile(r"(?:thang|t)\s?(\d{1,2})\s?(?:nam|[/\-.])\s?(\d{4})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\s?/\s?(\d{1,2})\s?/\s?(\d{4})")
_YEAR_MONTH = re.compile(r"^(\d{4})\s?[-/.]\s?(\d{1,2})")
_MONTH_YEAR_PLAIN = re.compile(r"^(\d{1,2})\s?[-/.]\s?(\d{4})$")
_SET_HINTS = (
    ("2016-2020", "ntm-2016"),
    ("1980", "ntm-2016"),
    ("2021-2025", "ntm-2021"),
    ("318/qd", "ntm-2021"),
    ("2026-2030", "ntm-2026"),
    ("51/2025", "ntm-2026"),
    ("nang cao", "nang-cao-2021"),
)
_STOP_WORDS = (" tinh ", " bieu ", " bao cao ", " ket qua ", " nam ", " thang ", " giai doan ", " ky ", " tu danh gia ")

Role = Literal[
    "stt",
    "code",
    "name",
    "district",
    "province",
    "total",
    "note",
    "criterion_label",
    "status",
    "verdict",
    "period",
    "content",
]
_ROLES: tuple[tuple[Role, str, tuple[str, ...]], ...] = (  # (role, how: "is" | "starts" | "has", texts)
    ("stt", "is", ("stt", "tt", "so tt", "so thu tu")),
    ("code", "starts", ("ma xa", "ma don vi", "ma so", "ma dvhc")),
    ("code", "is", ("ma",)),
    (
        "criterion_label",
        "is",
        ("tieu chi", "so tieu chi", "tieu chi so", "ma tieu chi", "ten tieu chi", "noi dung tieu chi"),
    ),
    ("verdict", "starts", ("tu danh gia", "ket qua tu danh gia", "xa tu danh gia", "danh gia cua xa", "muc do dat")),
    ("total", "has", ("so tieu chi dat", "so tc dat", "tong so tieu chi", "tong so tc", "tong tc", "tong so")),
    ("name", "starts", ("ten xa", "ten don vi", "xa, ", "xa/", "don vi", "ten thon", "thon, ", "thon/")),
    ("name", "is", ("xa",)),
    ("district", "starts", ("huyen", "ten huyen")),
    ("province", "is", ("tinh", "ten tinh", "tinh/thanh pho", "tinh, thanh pho", "tinh/tp")),  # national workbooks
    ("note", "starts", ("ghi chu",)),
    ("status", "starts", ("ket qua danh gia", "danh gia", "tinh trang", "ket qua")),
    ("period", "starts", ("ky bao cao", "thang", "ky")),
    ("content", "starts", ("noi dung", "chi tieu", "yeu cau", "ten chi tieu")),
)


@dataclass(frozen=True)
class Header:
    """What a header or criterion-label cell names: a criterion (``indicator`` None) or one of its sub-indicators."""

    criterion: int
    indicator: str | None = None
    numbered: bool = True  # named by number ("TC 3", "3. Điện"), not by its name alone
    explicit: bool = False  # "TC 3", "Tiêu chí số 3": a criterion for sure, not a column number


def text_of(value: object) -> str:
    """Folded text of a cell, cut to ``MAX_TEXT``; integral floats as integers (1.0 → "1")."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, float):
        value = f"{value:g}"
    elif isinstance(value, (datetime, date)):
        return ""
    return fold(str(value)[:MAX_TEXT]).strip(" :*")


_UNSEEN = object()


class Vocabulary:
    """The criteria set's names, with the answers for texts already seen (one upload holds few distinct headers)."""

    MAX_CACHED = 20_000

    def __init__(self, names: dict[str, int]):
        self.names = {fold(k): v for k, v in names.items()}
        self._choices = list(self.names)
        self._seen: dict[str, Header | None] = {}
        self._written: dict[object, Header | None] = {}  # str, int or float: 1 and 1.0 read alike

    def header(self, value: object) -> Header | None:
        kind = type(value)
        if not (kind is int or kind is float or (isinstance(value, str) and len(value) <= MAX_TEXT)):
            return self._header(value)
        found = self._written.get(value, _UNSEEN)  # the cell as written: most cells repeat, each read once
        if found is _UNSEEN:
            found = self._header(value)
            if len(self._written) < self.MAX_CACHED:
                self._written[value] = found
        return found  # type: ignore[return-value]

    def _header(self, value: object) -> Header | None:
        text = text_of(value)
        if not text:
            return None
        if text in self._seen:
            return self._seen[text]
        found = self._parse(text)
        if len(self._seen) < self.MAX_CACHED:
            self._seen[text] = found
        return found

    def _parse(self, text: str) -> Header | None:
        m = _INDICATOR.match(text)
        if m:
            return Header(int(m.group(1)), f"{int(m.group(1))}.{int(m.group(2))}")
        for pattern in (_NUMBERED, _NUMBER_NAME, _NUMBER):
            m = pattern.match(text)
            if m:
                return Header(int(m.group(1)), explicit=pattern is _NUMBERED)
        if text in self.names:
            return Header(self.names[text], numbered=False)
        if 4 <= len(text) <= 80 and self._choices and any(ch.isalpha() for ch in text):
            best = process.extractOne(text, self._choices, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN)
            if best:
                return Header(self.names[best[0]], numbered=False)
        return None


def role(value: object) -> Role | None:
    """What a header cell says its column holds. A number never names a role (its text starts with a digit, "-",
    "inf" or "nan", which no role's words do): the many numeric cells skip the folding."""
    if type(value) is float or type(value) is int:
        return None
    return _role(value)


@byte_bounded_cache()  # every candidate reading asks about the same header cells
def _role(value: object) -> Role | None:
    text = text_of(value)
    if not text:
        return None
    for name, how, texts in _ROLES:
        if how == "is" and text in texts:
            return name
        if how == "starts" and text.startswith(texts):
            return name
        if how == "has" and any(t in text for t in texts):
            return name
    return None


@byte_bounded_cache()  # a label column repeats its names on every row of a long layout
def is_total_label(value: object) -> bool:
    """ "Tổng cộng", "Cộng huyện Văn Quan", "Toàn tỉnh", "Số tiêu chí đạt" — but not the commune "Công Sơn"."""
    return bool(_TOTAL_ROW.match(text_of(value).strip(" .")))


def period_text(value: object) -> str | None:
    """A period cell: a date, "05/2020", "2020-05", "Tháng 5/2020" → "2020-05"."""
    if isinstance(value, (datetime, date)):
        return f"{value.year}-{value.month:02d}"
    key = fold(str(value)[:MAX_TEXT]) if value is not None else ""
    m = _YEAR_MONTH.match(key) or None
    if m:
        return f"{int(m.group(1))}-{int(m.group(2)):02d}"
    m = _MONTH_YEAR_PLAIN.match(key) or _MONTH_YEAR.search(key)
    if m:
        return f"{int(m.group(2))}-{int(m.group(1)):02d}"
    return None


def period_from_sheet_name(name: str, year_hint: int | None = None) -> str | None:
    """ "Tháng 5-2020", "T5.2020", "05-2020" → "2020-05"; "Tháng 5" with a year from the title."""
    key = fold(name[:MAX_TEXT])
    m = _MONTH_YEAR.search(key) or _MONTH_YEAR_PLAIN.match(key)
    if m:
        return f"{int(m.group(2))}-{int(m.group(1)):02d}"
    m = re.match(r"^(?:thang|t)\s?(\d{1,2})$", key)
    if m and year_hint:
        return f"{year_hint}-{int(m.group(1)):02d}"
    return None


@dataclass(frozen=True)
class Title:
    """What the text above a table states."""

    text: str = ""
    district: str | None = None
    communes: tuple[str, ...] = ()  # every name after "xã" in the title: a form's commune is the one that resolves
    period: str | None = None
    set_id: str | None = None


def _name_after(key: str, word: str, start: int = 0) -> str | None:
    """The words after the first ``word`` ("huyen ", "xa ") from ``start`` up to a delimiter: a linear scan, at most
    5 words."""
    while True:
        at = key.find(word, start)
        if at < 0:
            return None
        if at == 0 or not key[at - 1].isalpha():
            break
        start = at + 1
    rest = key[at + len(word) : at + len(word) + 60] + " "
    end = len(rest)
    for stop in (",", "(", ";", "-", "\n", "  ", *_STOP_WORDS):
        k = rest.find(stop)
        if 0 <= k < end:
            end = k
    name = " ".join(rest[:end].split()[:5])
    return name or None


def title(cells: list[object]) -> Title:
    """District, commune, period and set stated in the title cells (text above the table, or a form's heading)."""
    parts, size = [], 0
    for v in cells:
        if isinstance(v, str) and v.strip():
            parts.append(clean(v[: MAX_TEXT * 2]))
            size += len(parts[-1])
            if size > MAX_TITLE:
                break
    text = " ; ".join(parts)[:MAX_TITLE]  # a name never runs on from one cell into the next
    key = " " + _plain(text) + " "
    m = _MONTH_YEAR.search(key)
    period = f"{int(m.group(2))}-{int(m.group(1)):02d}" if m else None
    if period is None and (m := _DAY_MONTH_YEAR.search(key)):
        period = f"{int(m.group(3))}-{int(m.group(2)):02d}"
    set_id = next((s for hint, s in _SET_HINTS if hint in key), None)
    communes: list[str] = []
    start = 0
    while len(communes) < 10 and (name := _name_after(key, "xa ", start)):
        communes.append(name)
        start = key.find("xa ", start) + 3
    return Title(text, _name_after(key, "huyen "), tuple(communes), period, set_id)


def _plain(text: str) -> str:
    """Lower case without diacritics, unit words kept ("UBND HUYỆN VĂN QUAN" → "ubnd huyen van quan")."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("\u00f0", "d"))
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
