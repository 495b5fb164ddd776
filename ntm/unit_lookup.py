"""``units.resolve`` for one upload, each question asked of the database once while the unit tables stay as they are.

An upload asks the same questions many times: the district a group row names, month after month; the commune a
resources row names, period after period. ``units.resolve`` depends on the day only through which units are
valid on it, and that changes only on a day some unit starts (``valid_from``) or the day after one ends
(``valid_to``). So the answer for a day is kept for every day of its span between two such boundaries: exactly
the answer the database would give, from one query per span.

The answers depend on nothing but the ``units`` and ``unit_aliases`` tables, so they are kept across uploads
under a fingerprint of both tables' whole content (a hash of every row, one scan per upload): any change to a
unit (a new one, a rename, a ``valid_to`` set by a merger) gives another fingerprint and fresh answers. Within one
upload the tables do not change while it is read (new units are added at the load).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from datetime import date, timedelta
from typing import TypeVar

import duckdb

from ntm import bounded_cache, unit_table, units

T = TypeVar("T")
_FINGERPRINT = """SELECT (SELECT count(*) FROM units), (SELECT bit_xor(hash(u)) FROM units u),
                         (SELECT count(*) FROM unit_aliases), (SELECT bit_xor(hash(a)) FROM unit_aliases a)"""
_KEPT = 4  # unit tables kept answers for (a process serves one or two databases)
_MAX_ANSWERS = 200_000  # names come from users' files: past this many, the answers start again (memory stays bounded)


class _Answers:
    """What was asked of one state of the unit tables: the span boundaries and every answer."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        rows = con.execute("SELECT DISTINCT valid_from, valid_to FROM units").fetchall()
        starts = {start for start, _ in rows if start is not None}
        self.boundaries = sorted(starts | {end + timedelta(days=1) for _, end in rows if end is not None})
        self.resolved: dict[tuple, units.Unit | units.UnitError] = {}
        self.kept: dict[tuple, object] = {}  # other answers derived from the unit tables alone (``UnitLookup.kept``)
        self._table: unit_table.UnitTable | None = None

    def table(self, con: duckdb.DuckDBPyConnection) -> unit_table.UnitTable:
        """The unit tables in memory (``unit_table.UnitTable``), read through ``con`` (a connection to tables of this
        state) at the first question that needs them."""
        if self._table is None:
            self._table = unit_table.UnitTable.load(con)
        return self._table


_STATES: dict[tuple, _Answers] = {}


class UnitLookup:
    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        self._state: _Answers | None = None

    @property
    def state(self) -> _Answers:
        if self._state is None:
            key = self.con.execute(_FINGERPRINT).fetchall()[0]
            self._state = bounded_cache.kept(_STATES, key, lambda: _Answers(self.con), _KEPT)
        return self._state

    def span(self, day: date | None) -> int | None:
        """The span of days ``day`` is in: days of one span see the same units as valid."""
        if day is None:
            return None
        return bisect_right(self.state.boundaries, day)

    def resolve(
        self, text: str, *, start: date | None = None, within: units.Unit | None = None, prefer: str = "container"
    ) -> units.Unit:
        """``units.resolve(con, text, start=start, within=within, prefer=prefer)``, or its ``UnitError``."""
        answers = self.state.resolved
        key = (text, self.span(start), within.unit_id if within is not None else None, prefer)
        if key not in answers:
            if len(answers) >= _MAX_ANSWERS:
                answers.clear()
            try:
                table = self.state.table(self.con)
                answers[key] = units.resolve(self.con, text, start=start, within=within, prefer=prefer, table=table)
            except units.UnitError as exc:
                answers[key] = exc
        found = answers[key]
        if isinstance(found, units.UnitError):
            raise found.with_traceback(None)
        return found

    def kept(self, key: tuple, build: Callable[[], T]) -> T:
        """``build()``, kept with the answers: for what depends on the unit tables alone (``key`` says what)."""
        kept = self.state.kept
        if key not in kept:
            if len(kept) >= _MAX_ANSWERS:
                kept.clear()
            kept[key] = build()
        return kept[key]  # type: ignore[return-value]
