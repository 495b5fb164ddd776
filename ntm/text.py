"""Normalising Vietnamese names so that spellings from real files compare equal.

Three levels, from strict to loose:
- ``clean``: NFC, U+00D0 (Ð) → Đ, stray spaces collapsed;
- ``name_key``: ``clean`` + lower case + old→new tone placement (hoà → hòa)
  + unit prefixes removed ("Xã", "Huyện", "Thị trấn" ...);
- ``fold``: ``name_key`` without diacritics ("Điềm He", "Diềm He", "Diêm He" → "diem he").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Old-style tone placement ("hoà", "thuỷ") → new style ("hòa", "thủy") at a syllable end.
_TONES = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ"}
_FIRST = {"o": "òóỏõọ", "u": "ùúủũụ"}
_TONE_PAIRS: dict[str, str] = {}
for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
    for i in range(5):
        _TONE_PAIRS[first + _TONES[second][i]] = _FIRST[first][i] + second
_TONE_RE = re.compile(
    "(" + "|".join(_TONE_PAIRS) + r")(?![a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ])"
)

UNIT_PREFIXES = (
    "thành phố",
    "thị trấn",
    "thị xã",
    "phường",
    "huyện",
    "quận",
    "tỉnh",
    "xã",
    "tp.",
    "tp",
    "tx.",
    "tt.",
    "h.",
    "x.",
)
_PREFIX_RE = re.compile(r"^(?:" + "|".join(re.escape(p) for p in UNIT_PREFIXES) + r")\s+")


def clean(value: object) -> str:
    """NFC text with Ð→Đ, non-breaking spaces and runs of white space collapsed."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    text = text.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


def unit_prefix(value: object) -> str:
    """The unit-kind word a name starts with ("huyện", "thành phố" …), or ''."""
    m = _PREFIX_RE.match(clean(value).lower())
    return m.group(0).strip() if m else ""


@lru_cache(maxsize=65536)  # sheets repeat the same few words (Đạt, Chưa đạt, commune names) many times
def name_key(value: object) -> str:
    """Comparable key of a unit name: lower case, new tone placement, no unit prefix."""
    text = clean(value).lower()
    text = _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group(1)], text)
    return _PREFIX_RE.sub("", text).strip()


@lru_cache(maxsize=65536)
def fold(value: object) -> str:
    """``name_key`` without diacritics: the loosest comparison ("diem he")."""
    text = name_key(value).replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def compact(value: object) -> str:
    """``fold`` without spaces or punctuation, the form vietnamadminunits uses ("diemhe")."""
    return re.sub(r"[^a-z0-9]", "", fold(value))
