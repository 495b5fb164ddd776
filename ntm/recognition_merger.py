"""Recognition across a merger: a decision recognises the commune it names, and does not carry over.

A commune formed by a merger starts unrecognised until a new decision is recorded for it; what its
predecessors had been recognised at stays visible next to the count, as "before the merger".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from ntm import lineage, targets, units
from ntm.units import OLD_ERA_END, Unit


@dataclass(frozen=True)
class RecognitionCounts:
    now: dict[str, int]  # communes valid at the date, recognised by then (their own decisions)
    before_merger: dict[str, int] | None  # the same territory on the eve of the reform; None before it
    merger_day: date | None


@dataclass(frozen=True)
class PredecessorDecision:
    commune: str
    level: str
    decision_no: str
    decision_date: date


def counts(
    con: duckdb.DuckDBPyConnection, unit: Unit, as_of: date, members: set[int] | None = None
) -> RecognitionCounts:
    """Recognised communes of ``unit`` at ``as_of``, and, after the reform, how many there were before it.
    ``members`` narrows both to a grouping (its communes and their predecessors)."""
    scope = lineage.same_unit(con, unit, as_of)
    now = _count(con, scope, as_of, members)
    if as_of <= OLD_ERA_END:
        return RecognitionCounts(now, None, None)
    before_scope = lineage.same_unit(con, unit, OLD_ERA_END)
    if before_scope.unit_id == scope.unit_id and unit.level != "province":
        return RecognitionCounts(now, None, None)
    return RecognitionCounts(now, _count(con, before_scope, OLD_ERA_END, members), OLD_ERA_END)


def _count(con: duckdb.DuckDBPyConnection, unit: Unit, as_of: date, members: set[int] | None) -> dict[str, int]:
    if members is None:
        return targets.recognised_counts(con, unit, as_of)
    result: dict[str, int] = dict.fromkeys(targets.LEVELS, 0)
    for uid in members:
        commune = units.get(con, uid)
        if (commune.valid_from and commune.valid_from > as_of) or (commune.valid_to and commune.valid_to < as_of):
            continue
        found = targets.recognised_counts(con, commune, as_of)
        for level in result:
            result[level] += found[level]
    return result


def predecessor_decisions(con: duckdb.DuckDBPyConnection, unit: Unit) -> list[PredecessorDecision]:
    """Decisions that recognised the communes ``unit`` came from (not carried over to ``unit``)."""
    ids = [u.unit_id for u, _ in lineage.ancestry(con, unit)]
    if not ids:
        return []
    rows = con.execute(
        f"""SELECT c.short_name, r.level, r.decision_no, r.decision_date FROM recognitions r
            JOIN units c ON c.unit_id = r.unit_id WHERE r.unit_id IN ({",".join("?" * len(ids))})
            ORDER BY r.decision_date, c.short_name""",
        ids,
    ).fetchall()
    return [PredecessorDecision(*r) for r in rows]
