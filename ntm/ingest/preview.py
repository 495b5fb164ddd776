"""What a dry run shows before anything is written: per commune and month, the criteria newly met and
newly lost against its previous report in the database (same set and layer), and the communes of the same
districts that reported the month before but are missing from the upload."""

from __future__ import annotations

import duckdb
import pandas as pd

from ntm import periods


def preview(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame) -> tuple[list[dict], list[dict]]:
    """Against each commune's previous report in the database (same set): criteria newly met and newly lost."""
    con.register("upload_keys", frame[["unit_id", "period", "set_id", "layer"]].drop_duplicates())
    try:
        return _changes(con, frame), _missing(con, frame)
    finally:
        con.unregister("upload_keys")


def _changes(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame) -> list[dict]:
    before = con.execute(
        """WITH prev AS (
               SELECT k.unit_id, k.period, k.set_id, k.layer, max(a.period) AS prev_period
               FROM upload_keys k JOIN assessments a ON a.unit_id = k.unit_id AND a.set_id = k.set_id
                    AND a.period < k.period AND a.layer = k.layer
               GROUP BY ALL)
           SELECT p.unit_id, p.period, a.criterion_no, a.status
           FROM prev p JOIN assessments a ON a.unit_id = p.unit_id AND a.set_id = p.set_id
                AND a.period = p.prev_period AND a.layer = p.layer"""
    ).fetchall()
    old_by_key: dict[tuple, dict[int, str]] = {}
    for unit_id, month, criterion_no, status in before:
        old_by_key.setdefault((unit_id, month), {})[criterion_no] = status
    names = dict(
        con.execute(
            "SELECT unit_id, short_name FROM units WHERE unit_id IN (SELECT unit_id FROM upload_keys)"
        ).fetchall()
    )
    changes = []
    for (unit_id, month, _set_id), part in frame.groupby(["unit_id", "period", "set_id"]):
        new = dict(zip(part["criterion_no"], part["status"]))
        old = old_by_key.get((unit_id, month), {})
        changes.append(
            {
                "unit_id": int(unit_id),
                "name": names.get(unit_id, "?"),
                "period": str(month)[:7],
                "met": sum(s == "met" for s in new.values()),
                "met_before": sum(s == "met" for s in old.values()) if old else None,
                "newly_met": sorted(int(c) for c, s in new.items() if s == "met" and old and old.get(c) != "met"),
                "newly_lost": sorted(int(c) for c, s in new.items() if s != "met" and old.get(c) == "met"),
            }
        )
    return changes


def _missing(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame) -> list[dict]:
    """Communes of the same districts that reported the month before the upload's first month but are not in it."""
    if not len(frame) or frame["unit_id"].min() < 0:
        return []
    previous = periods.shift_months(min(frame["period"]), -1)
    return [
        {"unit_id": uid, "name": n}
        for uid, n in con.execute(
            """SELECT DISTINCT u.unit_id, u.short_name FROM assessments a JOIN units u USING (unit_id)
               WHERE a.period = ? AND u.kind = 'Xã' AND u.unit_id NOT IN (SELECT unit_id FROM upload_keys)
                 AND coalesce(u.district_id, u.province_id) IN (
                     SELECT coalesce(district_id, province_id) FROM units WHERE unit_id IN (SELECT unit_id FROM upload_keys))
               ORDER BY u.short_name""",
            [previous],
        ).fetchall()
    ]
