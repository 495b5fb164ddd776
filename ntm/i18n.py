"""The one translation catalogue (Vietnamese first, English second) and number formats.

Every user-facing string goes through ``t(key, lang, **params)``. Keys are grouped by where
they appear; messages tell the user what to do next.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"

from ntm.messages import MESSAGES  # noqa: E402  (the catalogue itself is data, kept apart)


@dataclass(frozen=True)
class Phrase:
    """A message key with its parameters, kept as a parameter of another message and translated with it, in the
    language that message is shown in ("what was unclear" inside an upload's error): never text rendered early."""

    key: str
    params: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, key: str, **params: object) -> Phrase:
        return cls(key, tuple(params.items()))

    def text(self, lang: str = DEFAULT_LANG) -> str:
        return t(self.key, lang, **dict(self.params))


@dataclass(frozen=True)
class Phrases:
    """Several phrases shown as one parameter, joined by ``sep``."""

    items: tuple[Phrase, ...]
    sep: str = "; "

    def text(self, lang: str = DEFAULT_LANG) -> str:
        return self.sep.join(p.text(lang) for p in self.items)


@dataclass(frozen=True)
class Number:
    """A number kept as a parameter and written the way the message's language writes it: 0,53 and 53 % in
    Vietnamese, 0.53 and 53% in English (``share``: a ratio shown as a percentage)."""

    value: float
    decimals: int = 1
    share: bool = False

    def text(self, lang: str = DEFAULT_LANG) -> str:
        write = fmt_percent if self.share else fmt_number
        return write(self.value, lang, self.decimals)


def t(key: str, lang: str = DEFAULT_LANG, **params: object) -> str:
    """Translate ``key``; unknown keys raise so that a missing string fails tests, not users. A ``Phrase`` (or
    ``Number``) parameter is written in the same language."""
    params = {k: v.text(lang) if isinstance(v, (Phrase, Phrases, Number)) else v for k, v in params.items()}
    entry = MESSAGES[key]
    text = entry[1] if lang == "en" else entry[0]
    text = _PLURAL.sub(lambda m: m.group(2) if _is_one(params.get(m.group(1))) else m.group(3), text)
    return text.format(**params) if params else text


# "{count} {count|error|errors}": the word agrees with the number passed as ``count`` ("1 error", "2 errors")
_PLURAL = re.compile(r"\{(\w+)\|([^{}|]*)\|([^{}|]*)\}")


def formatter(key: str, lang: str = DEFAULT_LANG) -> Callable[..., str]:
    """``t(key, lang, **params)`` for a message written once per row (a report's line per commune), looked up once:
    a message without plural words is formatted directly (a third of ``t``'s cost). Only for plain parameters
    (text and numbers; a ``Phrase`` or ``Number`` needs ``t``)."""
    entry = MESSAGES[key]
    text = entry[1] if lang == "en" else entry[0]
    if _PLURAL.search(text):
        return functools.partial(t, key, lang)
    return text.format


def _is_one(value: object) -> bool:
    """1, "1" and "01" take the singular; anything else (0, 2, 1.5, "–") the plural, as English counts do."""
    try:
        return float(str(value).replace(",", ".")) == 1
    except ValueError:
        return False


def fmt_number(value: float | int | None, lang: str = DEFAULT_LANG, decimals: int = 1) -> str:
    """10.9 → "10,9" in Vietnamese, "10.9" in English; thousands "1.234" vs "1,234"; None → "–"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if lang == "en":
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def fmt_percent(ratio: float | None, lang: str = DEFAULT_LANG, decimals: int = 1) -> str:
    if ratio is None or (isinstance(ratio, float) and math.isnan(ratio)):
        return "–"
    return (
        fmt_number(ratio * 100, lang, decimals) + " %"
        if lang == "vi"
        else fmt_number(ratio * 100, lang, decimals) + "%"
    )


def fmt_period(period: date | str, lang: str = DEFAULT_LANG) -> str:
    """A month as officials write it: "5/2020" (vi) or "May 2020" (en); a year as "2020"."""
    if isinstance(period, str):
        if len(period) == 4:
            return period
        period = date(int(period[:4]), int(period[5:7]), 1)
    if lang == "en":
        return period.strftime("%b %Y")
    return f"{period.month}/{period.year}"


def fmt_date(day: date | str, lang: str = DEFAULT_LANG) -> str:
    """27/12/2024 (vi, as decisions are dated) or 27 Dec 2024 (en)."""
    if isinstance(day, str):
        day = date.fromisoformat(day[:10])
    return day.strftime("%d %b %Y") if lang == "en" else f"{day.day}/{day.month}/{day.year}"
