"""Reporting periods: a month ("2020-05") or a year ("2020")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ntm.problems import KeyedError


class PeriodError(KeyedError, ValueError):
    """Text that is not a month (YYYY-MM) or a year (YYYY): key ``period.invalid``, parameter ``text``."""


@dataclass(frozen=True)
class Period:
    text: str
    start: date
    end: date  # first day of the last month in the period

    @property
    def is_year(self) -> bool:
        return len(self.text) == 4

    @property
    def year(self) -> int:
        return self.start.year


def parse(text: str) -> Period:
    """ "2020-05" → May 2020; "2020" → the year (Jan … Dec); else ``PeriodError`` (a ``ValueError``)."""
    value = str(text).strip()
    m = re.fullmatch(r"(\d{4})(?:[-/.](\d{1,2}))?", value)
    if m:
        year, month = int(m.group(1)), m.group(2)
        if month is None and 1990 <= year <= 2100:
            return Period(value, date(year, 1, 1), date(year, 12, 1))
        if month is not None and 1 <= int(month) <= 12 and 1990 <= year <= 2100:
            return Period(f"{year}-{int(month):02d}", date(year, int(month), 1), date(year, int(month), 1))
    raise PeriodError("period.invalid", text=value)


def month(day: date) -> Period:
    return parse(f"{day.year}-{day.month:02d}")


def shift_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def months_between(a: date, b: date) -> int:
    """Whole months from a to b (b later → positive)."""
    return (b.year - a.year) * 12 + b.month - a.month


def year_before(period: Period) -> Period:
    """The same month (or year) one year earlier: what "change against last year" compares with."""
    if period.is_year:
        return parse(str(period.year - 1))
    return parse(f"{period.year - 1}-{period.start.month:02d}")
