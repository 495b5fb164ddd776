"""Targets and plans as data, with history; recognition decisions as events.

- A commune target: the level (``ntm``, ``nang_cao``, ``kieu_mau``), the month it is due
  ("hoàn thành trong tháng 11/2024"; a year alone means its December) and the plan it comes
  from. One current target per commune and level; a change supersedes the old row, which is
  kept (``superseded_at``) as history.
- A unit goal: for a unit and a year, ``average_met`` (criteria per commune),
  ``communes_at_standard`` or ``share_at_standard`` (%).
- A recognition (công nhận): a commune recognised at a level by a decision (number, date).
  Recognition does not carry through a merger: it belongs to the unit_id decided on.

Entered in the app (rows from ``st.data_editor``) or from a plan workbook, both validated by
``ntm.plans`` before anything is written here.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import duckdb
import pandas as pd

from ntm import periods, store, target_book, units
from ntm.target_records import (  # the records, also read as targets.Target, progress.TargetProgress …
    Goal,
    GoalMetric,
    GoalRow,
    Level,
    Recognition,
    RecognitionRow,
    Target,
    TargetRow,
)

LEVELS: tuple[Level, ...] = ("ntm", "nang_cao", "kieu_mau")  # in rank order
GOAL_METRICS: tuple[GoalMetric, ...] = ("average_met", "communes_at_standard", "share_at_standard")


# ---------------------------------------------------------------- reading what is stored
def current(con: duckdb.DuckDBPyConnection, unit: units.Unit, year: int | None = None) -> list[Target]:
    """Current commune targets inside ``unit`` (due in ``year`` when given), by due month and name (from the
    targets kept per data version, ``ntm.target_book``)."""
    return target_book.book(con).current(unit.unit_id, year)


def _current_rows(con: duckdb.DuckDBPyConnection, unit: units.Unit) -> list[Target]:
    """``current`` read from the tables: inside a write's transaction, which the kept book does not see."""
    rows = con.execute(
        """SELECT t.target_id, t.unit_id, c.code, c.short_name AS name, d.short_name AS district, t.level,
                  t.target_month, t.plan, t.note, t.entered_at, t.entered_by, t.source
           FROM targets t JOIN units c ON c.unit_id = t.unit_id LEFT JOIN units d ON d.unit_id = c.district_id
           WHERE t.superseded_at IS NULL AND ($u = 0 OR c.unit_id = $u OR c.district_id = $u OR c.province_id = $u)
           ORDER BY t.target_month, d.short_name, c.short_name, t.level""",
        {"u": unit.unit_id},
    ).fetchall()
    return [Target(*r) for r in rows]


def years(con: duckdb.DuckDBPyConnection, unit: units.Unit) -> list[int]:
    """Years in which targets of communes in ``unit`` or goals of ``unit`` fall due."""
    kept = target_book.book(con)
    return sorted(
        {t.target_month.year for t in kept.current(unit.unit_id)} | {g.year for g in kept.current_goals(unit.unit_id)}
    )


def history(con: duckdb.DuckDBPyConnection, unit: units.Unit) -> pd.DataFrame:
    """Every target ever entered inside ``unit``, superseded ones included, newest first."""
    return con.execute(
        """SELECT t.target_id, c.short_name AS name, t.level, t.target_month, t.plan, t.note,
                  t.entered_at, t.entered_by, t.source, t.superseded_at
           FROM targets t JOIN units c ON c.unit_id = t.unit_id
           WHERE $u = 0 OR c.unit_id = $u OR c.district_id = $u OR c.province_id = $u
           ORDER BY t.entered_at DESC, t.target_id DESC""",
        {"u": unit.unit_id},
    ).df()


def current_goals(con: duckdb.DuckDBPyConnection, unit: units.Unit, year: int | None = None) -> list[Goal]:
    """Current goals of ``unit`` (for ``year`` when given), by year and metric."""
    return target_book.book(con).current_goals(unit.unit_id, year)


def _month_end(day: date) -> date:
    return periods.shift_months(date(day.year, day.month, 1), 1) - timedelta(days=1)


def recognition_at(con: duckdb.DuckDBPyConnection, unit_id: int, level: Level, as_of: date) -> Recognition | None:
    """The decision recognising the commune at ``level`` or above on or before the end of ``as_of``'s month."""
    ranks = LEVELS[LEVELS.index(level) :]
    end = _month_end(as_of)
    for d in target_book.book(con).by_commune.get(unit_id, ()):  # by decision date: the first one found
        if d.level in ranks and d.decision_date <= end:
            return Recognition(d.level, d.decision_no, f"{d.decision_date:%Y-%m-%d}", d.issued_by)
    return None


def recognised_counts(con: duckdb.DuckDBPyConnection, unit: units.Unit, as_of: date) -> dict[str, int]:
    """Communes of ``unit`` valid at ``as_of`` recognised at each level by then (the highest level counts
    for the lower ones too: a model commune is also at standard)."""
    end = _month_end(as_of)
    highest: dict[int, int] = {}
    for d in target_book.book(con).decisions.get(unit.unit_id, ()):
        if (
            d.decision_date <= end
            and (d.valid_to is None or d.valid_to >= end)
            and (d.valid_from is None or d.valid_from <= end)
        ):
            highest[d.unit_id] = max(highest.get(d.unit_id, 0), LEVELS.index(d.level) + 1 if d.level in LEVELS else 1)
    return {level: sum(1 for rank in highest.values() if rank >= k + 1) for k, level in enumerate(LEVELS)}


# ---------------------------------------------------------------- validating and writing
def save_targets(
    con: duckdb.DuckDBPyConnection,
    rows: list[TargetRow],
    *,
    by: str | None,
    source: str,
    replace_scope: units.Unit | None = None,
) -> dict[str, int]:
    """Write validated targets in one transaction: a changed (commune, level) supersedes the old row.

    With ``replace_scope`` (the app's editor), current targets in that unit missing from ``rows``
    are superseded too (deleted, kept in history). Returns counts added / superseded / unchanged.
    """
    with store.transaction(con):
        return write_targets(con, rows, datetime.now(), by, source, replace_scope)


def write_targets(con, rows: list[TargetRow], now: datetime, by, source: str, replace_scope=None) -> dict[str, int]:
    """``save_targets`` inside the caller's transaction."""
    counts = {"added": 0, "superseded": 0, "unchanged": 0}
    wanted = {(r.unit_id, r.level): r for r in rows}
    in_scope = {t.target_id for t in _current_rows(con, replace_scope)} if replace_scope is not None else set()
    existing = con.execute(
        "SELECT target_id, unit_id, level, target_month, plan, note FROM targets WHERE superseded_at IS NULL"
    ).fetchall()
    for target_id, unit_id, level, month, plan, note in existing:
        new = wanted.get((unit_id, level))
        if new is not None and (new.target_month, new.plan, new.note) == (month, plan, note):
            wanted.pop((unit_id, level))
            counts["unchanged"] += 1
        elif new is not None or target_id in in_scope:
            con.execute("UPDATE targets SET superseded_at = ? WHERE target_id = ?", [now, target_id])
            counts["superseded"] += 1
    for r in wanted.values():
        con.execute(
            "INSERT INTO targets VALUES (nextval('target_id_seq'), ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
            [r.unit_id, r.level, r.target_month, r.plan, r.note, now, by, source],
        )
        counts["added"] += 1
    return counts


def save_goals(con: duckdb.DuckDBPyConnection, rows: list[GoalRow], *, by: str | None, source: str) -> int:
    with store.transaction(con):
        return write_goals(con, rows, datetime.now(), by, source)


def write_goals(con, rows: list[GoalRow], now: datetime, by, source: str) -> int:
    for r in rows:
        con.execute(
            """UPDATE unit_goals SET superseded_at = ? WHERE superseded_at IS NULL
                       AND unit_id = ? AND year = ? AND metric = ?""",
            [now, r.unit_id, r.year, r.metric],
        )
        con.execute(
            "INSERT INTO unit_goals VALUES (nextval('goal_id_seq'), ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
            [r.unit_id, r.year, r.metric, r.value, r.plan, now, by, source],
        )
    return len(rows)


def write_recognitions(con, rows: list[RecognitionRow], now: datetime) -> int:
    for r in rows:  # the same decision entered again replaces itself
        con.execute(
            "DELETE FROM recognitions WHERE unit_id = ? AND level = ? AND decision_no = ?",
            [r.unit_id, r.level, r.decision_no],
        )
        con.execute(
            "INSERT INTO recognitions VALUES (nextval('recognition_id_seq'), ?, ?, ?, ?, ?, ?)",
            [r.unit_id, r.level, r.decision_no, r.decision_date, r.issued_by, now],
        )
    return len(rows)


def add_recognition(
    con: duckdb.DuckDBPyConnection,
    unit_id: int,
    level: Level,
    decision_no: str,
    decision_date: date,
    issued_by: str | None = None,
) -> None:
    if level not in LEVELS:
        raise ValueError(level)
    with store.transaction(con):
        write_recognitions(con, [RecognitionRow(unit_id, level, decision_no, decision_date, issued_by)], datetime.now())
