"""The current targets, goals and recognition decisions as the pages read them: each table read once per database
file and data version (kept with the catalogue, ``report_catalog.derived``) and answered in Python, instead of a
statement per question (the targets page, the report draft and the overview asked 3-4 times, ~2-6 ms of planning
each, OR-filters on the communes' ids included).

Targets, goals and decisions change only through ``targets.save_targets``, ``save_goals``, ``add_recognition`` and
the plan imports, each a ``store.transaction`` whose commit bumps the data version, so a kept book is read again
after any committed write. A write inside a transaction reads the tables themselves (``targets.write_targets``).

Each row keeps the ids the statements filtered on (the commune, its district and province; for a decision its
validity), so ``in_scope`` gives what ``$u = 0 OR c.unit_id = $u OR c.district_id = $u OR c.province_id = $u`` gave,
in the statements' order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import duckdb

from ntm import report_catalog
from ntm.target_records import Goal, Target

NATIONAL = 0  # units.NATIONAL_ID: a scope of 0 is the whole country


@dataclass(frozen=True)
class Decision:
    """A recognition decision with the commune's validity (``recognised_counts`` counts the valid ones)."""

    recognition_id: int
    unit_id: int
    level: str
    decision_no: str
    decision_date: date
    issued_by: str | None
    valid_from: date | None
    valid_to: date | None


@dataclass(frozen=True)
class TargetBook:
    # scope id (0, a commune, its district, its province) → its current targets, in targets.current's order
    targets: dict[int, tuple[Target, ...]]
    goals: dict[int, tuple[Goal, ...]]  # unit → its current goals by year and metric
    decisions: dict[int, tuple[Decision, ...]]  # scope id → decisions on its communes, by date
    by_commune: dict[int, tuple[Decision, ...]]  # commune → its decisions, by date

    def current(self, unit_id: int, year: int | None = None) -> list[Target]:
        rows = self.targets.get(unit_id, ())
        return list(rows) if year is None else [t for t in rows if t.target_month.year == year]

    def current_goals(self, unit_id: int, year: int | None = None) -> list[Goal]:
        rows = self.goals.get(unit_id, ())
        return list(rows) if year is None else [g for g in rows if g.year == year]


def _scopes(unit_id: int, district_id: int | None, province_id: int | None) -> set[int]:
    return {i for i in (NATIONAL, unit_id, district_id, province_id) if i is not None}


def _grouped(rows: Iterable[tuple[set[int], object]]) -> dict[int, tuple]:
    found: dict[int, list] = {}
    for scopes, row in rows:
        for scope in scopes:
            found.setdefault(scope, []).append(row)
    return {k: tuple(v) for k, v in found.items()}


def _read(con: duckdb.DuckDBPyConnection) -> TargetBook:
    targets = con.execute(
        """SELECT t.target_id, t.unit_id, c.code, c.short_name AS name, d.short_name AS district, t.level,
                  t.target_month, t.plan, t.note, t.entered_at, t.entered_by, t.source, c.district_id, c.province_id
           FROM targets t JOIN units c ON c.unit_id = t.unit_id LEFT JOIN units d ON d.unit_id = c.district_id
           WHERE t.superseded_at IS NULL
           ORDER BY t.target_month, d.short_name, c.short_name, t.level, t.target_id"""
    ).fetchall()
    goals = con.execute(
        """SELECT goal_id, unit_id, year, metric, value, plan FROM unit_goals WHERE superseded_at IS NULL
           ORDER BY unit_id, year, metric, goal_id"""
    ).fetchall()
    decisions = con.execute(
        """SELECT r.recognition_id, r.unit_id, r.level, r.decision_no, r.decision_date, r.issued_by,
                  c.valid_from, c.valid_to, c.district_id, c.province_id, c.unit_id IS NOT NULL
           FROM recognitions r LEFT JOIN units c ON c.unit_id = r.unit_id
           ORDER BY r.decision_date, r.recognition_id"""
    ).fetchall()
    goal_rows: dict[int, list[Goal]] = {}
    for row in goals:
        goal_rows.setdefault(row[1], []).append(Goal(*row))
    by_commune: dict[int, list[Decision]] = {}
    for row in decisions:
        by_commune.setdefault(row[1], []).append(Decision(*row[:8]))
    return TargetBook(
        targets=_grouped((_scopes(r[1], r[12], r[13]), Target(*r[:12])) for r in targets),
        goals={k: tuple(v) for k, v in goal_rows.items()},
        decisions=_grouped((_scopes(r[1], r[8], r[9]), Decision(*r[:8])) for r in decisions if r[10]),  # in units
        by_commune={k: tuple(v) for k, v in by_commune.items()},
    )


def book(con: duckdb.DuckDBPyConnection) -> TargetBook:
    """The current targets, goals and decisions, read once per database file and data version."""
    return report_catalog.derived(con, _read)
