"""What the shared sidebar filters can offer: the months, criteria sets, assessment layers and units that
have reports. Each is a query over ``assessments``, cached by the caller under the data version."""

from __future__ import annotations

from datetime import date
from typing import Literal

import duckdb

from ntm import store


def months(con: duckdb.DuckDBPyConnection) -> list[str]:
    """ "YYYY-MM" of every month with reports, newest first."""
    rows = con.execute("SELECT DISTINCT strftime(period, '%Y-%m') FROM assessments ORDER BY 1 DESC").fetchall()
    return [r[0] for r in rows]


def sets_with_data(con: duckdb.DuckDBPyConnection, start: date, end: date) -> list[str]:
    """Criteria sets with reports between ``start`` and ``end`` (months)."""
    rows = con.execute(
        """SELECT DISTINCT a.set_id FROM assessments a JOIN criteria_sets s USING (set_id)
           WHERE a.period BETWEEN ? AND ? ORDER BY 1""",
        [start, end],
    ).fetchall()
    return [r[0] for r in rows]


def layers_with_data(con: duckdb.DuckDBPyConnection, start: date, end: date, set_id: str) -> list[str]:
    """Assessment layers with reports in the window, in ``store.LAYERS`` order; ``self`` always."""
    rows = con.execute(
        "SELECT DISTINCT layer FROM assessments WHERE period BETWEEN ? AND ? AND set_id = ?", [start, end, set_id]
    ).fetchall()
    found = {r[0] for r in rows}
    return [layer for layer in store.LAYERS if layer in found or layer == "self"]


def units_with_data(
    con: duckdb.DuckDBPyConnection,
    start: date,
    end: date,
    level: Literal["province", "district"],
    province_id: int | None = None,
) -> list[tuple[str, str]]:
    """(code, short name) of the provinces, or the districts (of ``province_id`` when given), whose communes
    have reports in the window, by name."""
    column = {"province": "province_id", "district": "district_id"}[level]  # a fixed column, never user text
    rows = con.execute(
        f"""SELECT DISTINCT p.code, p.short_name FROM assessments a JOIN units c ON c.unit_id = a.unit_id
            JOIN units p ON p.unit_id = c.{column}
            WHERE a.period BETWEEN ? AND ? AND (? IS NULL OR c.province_id = ?) ORDER BY 2""",
        [start, end, province_id, province_id],
    ).fetchall()
    return [(r[0], r[1]) for r in rows]
