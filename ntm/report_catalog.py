"""The criteria catalogue as the report draft reads it: every set and every criterion in two small queries, held
for one draft (``ntm.page_memo``), instead of a query per lookup (a draft asked for a set's criteria count, the
set in force on a day, a set's name or its criteria names about fifteen times, ~1-3 ms of planning each).

The answers are those of ``metrics.n_criteria``, ``catalog.set_for_period`` and ``catalog.criteria``, read from
the same tables; outside ``shared()`` each call reads the tables again (as those functions do).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from ntm.page_memo import once


@dataclass(frozen=True)
class CriteriaSet:
    set_id: str
    name: str
    level: str
    valid_from: date | None
    valid_to: date | None


@dataclass(frozen=True)
class Criterion:
    """One criterion of a set with the department that answers for it (``catalog.criteria``'s row)."""

    criterion_no: int
    name_vi: str
    name_en: str  # the Vietnamese name where there is no English one
    department_vi: str | None
    department_en: str | None

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_vi

    def department(self, lang: str) -> str | None:
        return self.department_en if lang == "en" else self.department_vi


@dataclass(frozen=True)
class Catalogue:
    sets: tuple[CriteriaSet, ...]  # in set_id order
    criteria: dict[str, tuple[Criterion, ...]]  # set_id → its criteria by number


def _read(con: duckdb.DuckDBPyConnection) -> Catalogue:
    sets = tuple(
        CriteriaSet(*row)
        for row in con.execute(
            "SELECT set_id, name, level, valid_from, valid_to FROM criteria_sets ORDER BY set_id"
        ).fetchall()
    )
    criteria: dict[str, list[Criterion]] = {}
    for set_id, *row in con.execute(
        """SELECT c.set_id, c.criterion_no, c.name_vi, coalesce(c.name_en, c.name_vi), d.department_vi, d.department_en
           FROM criteria c LEFT JOIN departments d USING (set_id, criterion_no) ORDER BY c.set_id, c.criterion_no"""
    ).fetchall():
        criteria.setdefault(set_id, []).append(Criterion(*row))
    return Catalogue(sets, {k: tuple(v) for k, v in criteria.items()})


def catalogue(con: duckdb.DuckDBPyConnection) -> Catalogue:
    return once(_read, con)


def criteria(con: duckdb.DuckDBPyConnection, set_id: str) -> tuple[Criterion, ...]:
    return catalogue(con).criteria.get(set_id, ())


def n_criteria(con: duckdb.DuckDBPyConnection, set_id: str) -> int:
    """``metrics.n_criteria``: the criteria the set lists."""
    return len(criteria(con, set_id))


def find(con: duckdb.DuckDBPyConnection, set_id: str) -> CriteriaSet | None:
    return next((s for s in catalogue(con).sets if s.set_id == set_id), None)


def set_for_period(con: duckdb.DuckDBPyConnection, day: date, level: str = "commune") -> str | None:
    """``catalog.set_for_period``: the set of ``level`` in force on ``day`` (the latest-starting if several)."""
    found = [
        s
        for s in catalogue(con).sets
        if s.level == level
        and (s.valid_from is None or s.valid_from <= day)
        and (s.valid_to is None or s.valid_to >= day)
    ]
    if not found:
        return None
    dated = [s for s in found if s.valid_from is not None]  # ORDER BY valid_from DESC NULLS LAST
    return max(dated, key=lambda s: s.valid_from or date.min).set_id if dated else found[0].set_id
