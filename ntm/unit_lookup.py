"""``units.resolve`` for one upload, each question asked of the database once.

An upload asks the same questions many times: the district a group row names, month after month; the commune a
resources row names, period after period. ``units.resolve`` depends on the day only through which units are
valid on it, and that changes only on a day some unit starts (``valid_from``) or the day after one ends
(``valid_to``). So the answer for a day is kept for every day of its span between two such boundaries: exactly
the answer the database would give, from one query per span. Kept for one upload (the unit table does not change
while it is read: new units are added at the load).
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta

import duckdb

from ntm import units


class UnitLookup:
    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        self._boundaries: list[date] | None = None
        self._answers: dict[tuple, units.Unit | units.UnitError] = {}

    def span(self, day: date | None) -> int | None:
        """The span of days ``day`` is in: days of one span see the same units as valid."""
        if day is None:
            return None
        if self._boundaries is None:
            rows = self.con.execute("SELECT DISTINCT valid_from, valid_to FROM units").fetchall()
            starts = {start for start, _ in rows if start is not None}
            self._boundaries = sorted(starts | {end + timedelta(days=1) for _, end in rows if end is not None})
        return bisect_right(self._boundaries, day)

    def resolve(
        self, text: str, *, start: date | None = None, within: units.Unit | None = None, prefer: str = "container"
    ) -> units.Unit:
        """``units.resolve(con, text, start=start, within=within, prefer=prefer)``, or its ``UnitError``."""
        key = (text, self.span(start), within.unit_id if within is not None else None, prefer)
        if key not in self._answers:
            try:
                self._answers[key] = units.resolve(self.con, text, start=start, within=within, prefer=prefer)
            except units.UnitError as exc:
                self._answers[key] = exc
        found = self._answers[key]
        if isinstance(found, units.UnitError):
            raise found.with_traceback(None)
        return found
