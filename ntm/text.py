"""Normalising Vietnamese names so that spellings from real files compare equal.

Three levels, from strict to loose:
- ``clean``: NFC, invisible format characters (zero-width, bidirectional controls) removed,
  U+00D0 (Ð) → Đ, stray spaces collapsed (``normal_name`` adds NFKC for names: full-width and
  other compatibility forms folded; not for cell text in general, where NFKC would erase the
  TCVN3 letters that tell an old-font file);
- ``name_key``: ``clean`` + lower case + old→new tone placement (hoà → hòa)
  + unit prefixes removed ("Xã", "Huyện", "Thị trấn" ...);
- ``fold``: ``name_key`` without diacritics ("Điềm He", "Diềm He", "Diêm He" → "diem he").
"""

from __future__ import annotations

import re
import unicodedata

from ntm.bounded_cache import byte_bounded_cache

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


# Format characters (category Cf): zero-width space/joiners, LRM/RLM, bidirectional embeddings,
# overrides and isolates, BOM, soft hyphen. Invisible in a cell, they make a name differ from itself.
_INVISIBLE = re.compile(  # every Cf code point of Unicode 14 (tests/test_text_trust.py checks the list)
    "["
    "\\u00AD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890-\\u0891\\u08E2\\u180E\\u200B-\\u200F"
    "\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB\\U000110BD\\U000110CD"
    "\\U00013430-\\U00013438\\U0001BCA0-\\U0001BCA3\\U0001D173-\\U0001D17A\\U000E0001"
    "\\U000E0020-\\U000E007F"
    "]"
)


def clean(value: object) -> str:
    """NFC text without invisible format characters, Ð→Đ, runs of white space collapsed."""
    if value is None:
        return ""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", str(value)))
    text = text.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


def normal_name(value: object) -> str:
    """A name as it is stored and compared: ``clean`` in NFKC ("Ｔú　Xuyên" → "Tú Xuyên")."""
    return clean(unicodedata.normalize("NFKC", clean(value)))


def invisible_characters(value: object) -> list[str]:
    """The invisible format characters in ``value`` as code points ("U+200B"), in order, each once."""
    found = dict.fromkeys(f"U+{ord(ch):04X}" for ch in _INVISIBLE.findall(str(value or "")))
    return list(found)


def foreign_letters(value: object) -> list[str]:
    """Letters of a name that are not Latin (Vietnamese is written in Latin letters): a Cyrillic "і"
    or Greek "ο" that looks like a Vietnamese one, as "і (U+0456 CYRILLIC SMALL LETTER …)"."""
    found: dict[str, str] = {}
    for ch in normal_name(value):
        if unicodedata.category(ch).startswith("L") and not unicodedata.name(ch, "").startswith("LATIN"):
            found.setdefault(ch, f"{ch} (U+{ord(ch):04X} {unicodedata.name(ch, '?')})")
    return list(found.values())


def unit_prefix(value: object) -> str:
    """The unit-kind word a name starts with ("huyện", "thành phố" …), or ''."""
    m = _PREFIX_RE.match(clean(value).lower())
    return m.group(0).strip() if m else ""


@byte_bounded_cache()  # sheets repeat the same few words (Đạt, Chưa đạt, commune names) many times
def name_key(value: object) -> str:
    """Comparable key of a unit name: NFKC, lower case, new tone placement, no unit prefix."""
    text = normal_name(value).lower()
    text = _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group(1)], text)
    return _PREFIX_RE.sub("", text).strip()


@byte_bounded_cache()
def fold(value: object) -> str:
    """``name_key`` without diacritics: the loosest comparison ("diem he")."""
    text = name_key(value).replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def compact(value: object) -> str:
    """``fold`` without spaces or punctuation, the form vietnamadminunits uses ("diemhe")."""
    return re.sub(r"[^a-z0-9]", "", fold(value))
