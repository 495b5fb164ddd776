"""Reading single cells the way Vietnamese office sheets write them."""

from __future__ import annotations

import re

from ntm.text import clean, fold

MET_WORDS = {"dat", "x", "v", "co", "1", "✓", "✔", "☑", "yes"}
BASIC_WORDS = {"co ban dat", "cbd", "co ban"}
NOT_MET_WORDS = {"chua dat", "khong dat", "0", "-", "k", "no", "chua"}
# Characters TCVN3 (.VnTime: "§" Đ, "¸" á, "µ" à …) and VNI ("Ñ" Đ, "ø" grave, "ï" dot below …) fonts
# use as Vietnamese letters, and that Vietnamese Unicode text never contains.
_LEGACY = re.compile("[§¸µ¶·¹¨©ª«¬®»¼½¾Æ×Þøïûñö÷ÑÖ]")
_COUNT = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\s*$")


def status(value: object) -> str | None:
    """'met' | 'basically_met' | 'not_met' | '' (blank) | None (not a status)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "met" if value else "not_met"
    if isinstance(value, (int, float)):
        return {1: "met", 0: "not_met"}.get(int(value)) if float(value).is_integer() else None
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
