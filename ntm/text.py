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


# ---------------------------------------------------------------- Vietnamese alphabetical order
# The alphabet as dictionaries order it (ă, â after a; đ after d; ê after e; ô, ơ after o; ư after u), then the
# tones as a second level: no tone, huyền, hỏi, ngã, sắc, nặng ("Bắc Sơn" < "Bình Gia" < "Bình Phúc").
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền, hỏi, ngã, sắc, nặng
# base letter + breve / circumflex / horn → the letter of the alphabet it makes
_WITH_MARK = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê", ("o", "\u0302"): "ô",
              ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}  # fmt: skip
_LETTER = 100  # rank offset of letters; digits rank 50-59, spaces 0 and other signs 1, before any letter


@lru_cache(maxsize=65536)
def sort_key(value: object) -> tuple:
    """A key that sorts Vietnamese names in Vietnamese alphabetical order (as PyICU's "vi" collator does for
    names): letters first, then tones, then case; spaces and digits before letters."""
    letters: list[int] = []
    tones: list[int] = []
    cases: list[int] = []
    for ch in unicodedata.normalize("NFD", clean(value)):
        if ch in _TONE_RANK:
            if tones:
                tones[-1] = _TONE_RANK[ch]
        elif unicodedata.category(ch) == "Mn":  # a letter mark: ă â ê ô ơ ư are letters of their own
            if letters and letters[-1] >= _LETTER:
                marked = _WITH_MARK.get((_ALPHABET[letters[-1] - _LETTER], ch))
                if marked:
                    letters[-1] = _LETTER + _ALPHABET.index(marked)
        else:
            low = ch.lower()
            if low in _ALPHABET:
                letters.append(_LETTER + _ALPHABET.index(low))
            elif low.isdigit():
                letters.append(50 + int(low))
            else:
                letters.append(0 if ch.isspace() else 1)
            tones.append(0)
            cases.append(0 if ch == low else 1)
    return tuple(letters), tuple(tones), tuple(cases)


def sorted_names(names, key=None) -> list:
    """``sorted`` in Vietnamese order; ``key`` picks the name out of each item."""
    return sorted(names, key=lambda item: sort_key(key(item) if key else item))
