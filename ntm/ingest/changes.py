"""The change list shown before an upload is confirmed: per commune and month, a new report, one that replaces
the report stored for that month (criteria met old → new), or unchanged; for our prefilled template, a row
identical to the commune's stored previous month while it has no report this month is "copied, not edited" (the
importer leaves it out unless the user includes it); and the communes of the unit with no row in the file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import duckdb
import pandas as pd

from ntm import periods

Kind = Literal["new", "replaces", "unchanged", "copied"]


@dataclass(frozen=True)
class Change:
    unit_id: int
    name: str
    period: str  # YYYY-MM
    kind: Kind
    met: int  # criteria met in the file
    met_stored: int | None  # criteria met in the report stored for the month (None: none stored)

    def as_json(self) -> dict:
        return {
            "unit_id": self.unit_id,
            "name": self.name,
            "period": self.period,
            "kind": self.kind,
            "met": self.met,
            "met_stored": self.met_stored,
        }


@dataclass(frozen=True)
class Absent:
    unit_id: int
    name: str
    period: str


@dataclass(frozen=True)
class ChangeList:
    changes: tuple[Change, ...]
    absent: tuple[Absent, ...]  # communes of the unit with no row for a month the file reports

    def copied(self) -> list[Change]:
        return [c for c in self.changes if c.kind == "copied"]

    def count(self, kind: Kind) -> int:
        return sum(c.kind == kind for c in self.changes)

    def as_json(self) -> dict:
        return {
            "changes": [c.as_json() for c in self.changes],
            "absent": [{"unit_id": a.unit_id, "name": a.name, "period": a.period} for a in self.absent],
        }


def change_list(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame, *, template: bool) -> ChangeList:
    """``frame`` (the upload's facts) against the store; "copied" is looked for only in our ``template``."""
    if not len(frame):
        return ChangeList((), ())
    keys = frame[["unit_id", "period", "set_id", "layer"]].drop_duplicates().copy()
    keys["previous"] = [periods.shift_months(p, -1) for p in keys["period"]]
    con.register("change_keys", keys)
    try:
        stored = con.execute(
            """SELECT k.unit_id, k.period, 'now' AS which, a.criterion_no, a.status
               FROM change_keys k JOIN assessments a ON a.unit_id = k.unit_id AND a.period = k.period
                    AND a.set_id = k.set_id AND a.layer = k.layer
               UNION ALL
               SELECT k.unit_id, k.period, 'previous', a.criterion_no, a.status
               FROM change_keys k JOIN assessments a ON a.unit_id = k.unit_id AND a.period = k.previous
                    AND a.set_id = k.set_id AND a.layer = k.layer"""
        ).fetchall()
        names = dict(
            con.execute(
                "SELECT unit_id, short_name FROM units WHERE unit_id IN (SELECT unit_id FROM change_keys)"
            ).fetchall()
        )
        absent = con.execute(
            """WITH months AS (SELECT DISTINCT period FROM change_keys),
                    parents AS (SELECT DISTINCT coalesce(u.district_id, u.province_id) AS parent
                                FROM change_keys k JOIN units u USING (unit_id))
               SELECT c.unit_id, c.short_name, m.period FROM units c, months m
               WHERE c.kind = 'Xã' AND coalesce(c.district_id, c.province_id) IN (SELECT parent FROM parents)
                 AND (c.valid_from IS NULL OR c.valid_from <= m.period)
                 AND (c.valid_to IS NULL OR c.valid_to >= m.period)
                 AND NOT EXISTS (SELECT 1 FROM change_keys k WHERE k.unit_id = c.unit_id AND k.period = m.period)
               ORDER BY m.period, c.short_name"""
        ).fetchall()
    finally:
        con.unregister("change_keys")
    before: dict[tuple, dict[str, dict[int, str]]] = {}
    for unit_id, month, which, criterion_no, status in stored:
        before.setdefault((unit_id, month), {}).setdefault(which, {})[int(criterion_no)] = status
    changes = []
    for (unit_id, month), part in frame.groupby(["unit_id", "period"], sort=True):
        new = {int(c): s for c, s in zip(part["criterion_no"], part["status"])}
        old = before.get((unit_id, month), {})
        now, previous = old.get("now"), old.get("previous")
        if now is not None:
            kind: Kind = "unchanged" if now == new else "replaces"
        elif template and previous is not None and previous == new:
            kind = "copied"
        else:
            kind = "new"
        changes.append(
            Change(
                int(unit_id),
                names.get(unit_id, "?"),
                str(month)[:7],
                kind,
                sum(s == "met" for s in new.values()),
                sum(s == "met" for s in now.values()) if now is not None else None,
            )
        )
    return ChangeList(tuple(changes), tuple(Absent(int(u), n, str(p)[:7]) for u, n, p in absent))
