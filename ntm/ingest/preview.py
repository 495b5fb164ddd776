"""What a dry run shows before anything is written: per commune and month, the criteria newly met and
newly lost against its previous report in the database (same set and layer), and the communes of the same
districts that reported the month before but are missing from the upload.

Both read the commune × month summary (``ntm.summary``: one row per report with its unmet list), not the
facts: the previous report is the nearest earlier summary row (an ASOF join over the month rows of the upload's
first year and the year rows before it, so that the scan stays small; a hash join on the keys and ``arg_max``
over the period, which cost a tenth of DuckDB's ASOF join here), and a criterion of it was met exactly when it
is not in its unmet list. One query each, no Python per row."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from ntm import periods

_CHANGES = """
    WITH incoming AS (
        SELECT unit_id, period::DATE AS period, set_id, layer,
               count(*) FILTER (WHERE status = 'met') AS met,
               coalesce(list(criterion_no::INTEGER ORDER BY criterion_no) FILTER (WHERE status = 'met'), [])
                   AS met_now,
               coalesce(list(criterion_no::INTEGER ORDER BY criterion_no) FILTER (WHERE status <> 'met'), [])
                   AS unmet_now
        FROM upload_frame GROUP BY ALL),
    earlier AS (  -- the reports before: months of the upload's first year on, year rows (latest) before it; the
                  -- bounds are parameters, so the scan of the month rows (sorted by period) skips the others
        SELECT s.unit_id, s.set_id, s.layer, s.period, s.met, s.unmet FROM commune_month_summary s
        WHERE s.period >= $first AND s.period < $last AND s.unit_id IN (SELECT unit_id FROM incoming)
        UNION ALL
        SELECT y.unit_id, y.set_id, y.layer, y.period, y.met, y.unmet FROM commune_year_summary y
        WHERE y.year < $year AND y.unit_id IN (SELECT unit_id FROM incoming)),
    paired AS (  -- the latest earlier row of the same commune, set and layer (earlier rows differ in period)
        SELECT i.unit_id, i.period, i.set_id, i.layer, any_value(i.met) AS met, any_value(i.met_now) AS met_now,
               any_value(i.unmet_now) AS unmet_now, arg_max(p.met, p.period) AS met_before,
               arg_max(p.unmet, p.period)::INTEGER[] AS unmet_before
        FROM incoming i LEFT JOIN earlier p
             ON p.unit_id = i.unit_id AND p.set_id = i.set_id AND p.layer = i.layer AND p.period < i.period
        GROUP BY i.unit_id, i.period, i.set_id, i.layer)
    SELECT p.unit_id, coalesce(u.short_name, '?'), strftime(p.period, '%Y-%m'), p.met, p.met_before,
           CASE WHEN p.met_before IS NULL THEN []
                ELSE list_filter(p.met_now, lambda c: list_contains(p.unmet_before, c)) END,
           CASE WHEN p.met_before IS NULL THEN []
                ELSE list_filter(p.unmet_now, lambda c: NOT list_contains(p.unmet_before, c)) END
    FROM paired p LEFT JOIN units u ON u.unit_id = p.unit_id
    ORDER BY p.unit_id, p.period, p.set_id, p.layer"""


def preview(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame) -> tuple[list[dict], list[dict]]:
    """Against each commune's previous report in the database (same set): criteria newly met and newly lost."""
    con.register("upload_frame", frame[["unit_id", "period", "set_id", "criterion_no", "status", "layer"]])
    try:
        return _changes(con, frame), _missing(con, frame)
    finally:
        con.unregister("upload_frame")


def _changes(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame) -> list[dict]:
    if not len(frame):
        return []
    first, last = (pd.Timestamp(frame["period"].min()).date(), pd.Timestamp(frame["period"].max()).date())
    keys = ("unit_id", "name", "period", "met", "met_before", "newly_met", "newly_lost")
    bounds = {"first": date(first.year, 1, 1), "last": last, "year": first.year}  # the upload's first year, last month
    return [dict(zip(keys, row)) for row in con.execute(_CHANGES, bounds).fetchall()]


def _missing(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame) -> list[dict]:
    """Communes of the same districts that reported the month before the upload's first month but are not in it."""
    if not len(frame) or frame["unit_id"].min() < 0:
        return []
    previous = periods.shift_months(frame["period"].min(), -1)
    return [
        {"unit_id": uid, "name": n}
        for uid, n in con.execute(
            """WITH incoming AS (SELECT DISTINCT unit_id FROM upload_frame),
                    places AS (SELECT DISTINCT coalesce(district_id, province_id) AS place FROM units
                               WHERE unit_id IN (SELECT unit_id FROM incoming))
               SELECT DISTINCT u.unit_id, u.short_name FROM commune_month_summary s JOIN units u USING (unit_id)
               WHERE s.period = ? AND u.kind = 'Xã' AND u.unit_id NOT IN (SELECT unit_id FROM incoming)
                 AND coalesce(u.district_id, u.province_id) IN (SELECT place FROM places)
               ORDER BY u.short_name, u.unit_id""",  # two communes of one name: by id, the same order every run
            [previous],
        ).fetchall()
    ]
