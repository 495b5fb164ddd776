"""Reading single cells the way Vietnamese office sheets write them."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Literal

from ntm.text import clean, fold

IndicatorKind = Literal["share", "amount"]  # a percentage 0-100, or a count / amount (≥ 0)

MET_WORDS = {"dat", "d", "x", "v", "co", "1", "✓", "✔", "☑", "yes"}  # "Đ" folds to "d"
BASIC_WORDS = {"co ban dat", "cbd", "co ban"}
NOT_MET_WORDS = {"chua dat", "khong dat", "cd", "kd", "0", "-", "k", "no", "chua", "✗", "✘", "☒"}  # CĐ, KĐ
# Characters TCVN3 (.VnTime: "§" Đ, "¸" á, "µ" à …) and VNI ("Ñ" Đ, "ø" grave, "ï" dot below …) fonts
# use as Vietnamese letters, and that Vietnamese Unicode text never contains.
_LEGACY = re.compile("[§¸µ¶·¹¨©ª«¬®»¼½¾Æ×Þøïûñö÷ÑÖ]")
_COUNT = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\s*$")


_STATUS_OF: dict[str, str | None] = {}  # a sheet writes a few words thousands of times: each read once
_STATUS_KEY_CHARS = 40  # longer text is no mark: read, not kept
_STATUS_KEPT = 4_096  # at most this many words kept (then forgotten and read again): under 1 MB


def status(value: object) -> str | None:
    """'met' | 'basically_met' | 'not_met' | '' (blank) | None (not a status)."""
    if value is None:
        return ""
    if type(value) is str:
        found = _STATUS_OF.get(value, _STATUS_OF)
        if found is not _STATUS_OF:
            return found  # type: ignore[return-value]
        found = _word_status(value)
        if len(value) <= _STATUS_KEY_CHARS:
            if len(_STATUS_OF) >= _STATUS_KEPT:
                _STATUS_OF.clear()
            _STATUS_OF[value] = found
        return found
    if isinstance(value, bool):
        return "met" if value else "not_met"
    if isinstance(value, (int, float)):
        return {1: "met", 0: "not_met"}.get(int(value)) if float(value).is_integer() else None
    return _word_status(value)


def _word_status(value: object) -> str | None:
    key = fold(value).strip(" .")
    if not key:
        return ""
    if key in MET_WORDS:
        return "met"
    if key in BASIC_WORDS:
        return "basically_met"
    if key in NOT_MET_WORDS:
        return "not_met"
    return None


def count(value: object) -> int | None:
    """A stated total: 12, "12", "12/19", "12,0" → 12; anything else None."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value) if float(value).is_integer() else None
    text = clean(value)
    m = _COUNT.match(text)
    if m:
        return int(m.group(1))
    text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if number.is_integer() else None


def code(value: object) -> str | None:
    """A commune code as 5-digit text: 6277, 6277.0, "06277", " 06277 " → "06277"."""
    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = clean(value)
    return text.zfill(5) if text.isdigit() and len(text) <= 5 else None


def looks_legacy_encoded(text: str) -> bool:
    """TCVN3 ("X· §iÒm He") or VNI ("Xaõ Ñieàm He") text typed with an old font."""
    return bool(_LEGACY.search(clean(text)))


def indicator_kind(name_vi: object) -> IndicatorKind:
    """ "Tỷ lệ …" (a rate) is a share in per cent; every other NTM indicator is a count or an amount."""
    return "share" if fold(name_vi).startswith(("ty le", "ti le")) else "amount"


def indicator_kinds(rows: Iterable[tuple[str, object]]) -> dict[str, IndicatorKind]:
    """indicator code → kind, from (code, Vietnamese name) pairs of the catalogue."""
    return {code: indicator_kind(name) for code, name in rows}


def indicator_value(value: object, kind: IndicatorKind) -> tuple[float | None, str | None, str | None]:
    """(number, text, error key): "10,5" → 10.5, "95 %" → 95.0, "Đạt" → text; a number that
    cannot be one of this kind (inf, nan, -1e308, a share over 100 %) gives an ``import.indicator_*`` key."""
    if isinstance(value, bool):
        return float(value), None, None
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = clean(value)
        try:  # Vietnamese decimals: "10,5"; a per cent sign after a share
            number = float(text.removesuffix("%").strip().replace(",", "."))
        except ValueError:
            return None, text, None
    if not math.isfinite(number):
        return None, None, "import.indicator_not_finite"
    if number < 0:
        return None, None, "import.indicator_negative"
    if kind == "share" and number > 100:
        return None, None, "import.indicator_share_range"
    return number, None, None
