"""Reporting completeness: who has not reported for a month, and whose report came late, per district.

A month's report is due on the ``DUE_DAY`` of the following month ("báo cáo trước ngày 5 tháng
sau"). A report is late when the upload that first brought it arrived after that day; uploads
marked as a backfill (old reports entered in bulk) are never late.
"""

from __future__ import annotations

from datetime import datetime

import duckdb
import pandas as pd

from ntm.periods import Period, shift_months
from ntm.text import fold
from ntm.units import Unit

DUE_DAY = 5


def due_date(month_start) -> datetime:
    following = shift_months(month_start, 1)
    return datetime(following.year, following.month, DUE_DAY, 23, 59, 59)


def by_district(
    con: duckdb.DuckDBPyConnection, unit: Unit, month: Period, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """Per district (or the province after 7/2025): xã expected, reported, missing (names), late (names)."""
    frame = con.execute(
        """WITH live AS (
               SELECT c.unit_id, c.short_name AS name, coalesce(d.short_name, p.short_name) AS district
               FROM units c LEFT JOIN units d ON d.unit_id = c.district_id
                            LEFT JOIN units p ON p.unit_id = c.province_id
               WHERE c.level = 'commune' AND c.kind = 'Xã'
                 AND ($u = 0 OR c.unit_id = $u OR c.district_id = $u OR c.province_id = $u)
                 AND (c.valid_to IS NULL OR c.valid_to >= $end) AND (c.valid_from IS NULL OR c.valid_from <= $start)),
           sent AS (  -- the first upload that brought each commune's report for the month
               SELECT unit_id, min(upload_id) AS upload_id FROM (
                   SELECT unit_id, upload_id FROM assessments
                   WHERE period = $start AND set_id = $set AND layer = $layer
                   UNION ALL
                   SELECT unit_id, upload_id FROM assessment_history
                   WHERE period = $start AND set_id = $set AND layer = $layer)
               GROUP BY 1),
           current AS (SELECT DISTINCT unit_id FROM assessments
                       WHERE period = $start AND set_id = $set AND layer = $layer)
           SELECT l.district, l.name, cur.unit_id IS NOT NULL AS reported,
                  cur.unit_id IS NOT NULL AND NOT coalesce(up.backfill, false) AND up.uploaded_at > $due AS late,
                  up.uploaded_at
           FROM live l LEFT JOIN current cur USING (unit_id) LEFT JOIN sent s USING (unit_id)
           LEFT JOIN uploads up ON up.upload_id = s.upload_id
           ORDER BY l.district, l.name""",
        {
            "u": unit.unit_id,
            "start": month.start,
            "end": month.end,
            "set": set_id,
            "layer": layer,
            "due": due_date(month.start),
        },
    ).df()
    columns = ["district", "expected", "reported", "missing", "late", "missing_names", "late_names", "share"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for district, part in sorted(frame.groupby("district"), key=lambda item: fold(item[0])):
        rows.append(
            {
                "district": district,
                "expected": len(part),
                "reported": int(part["reported"].sum()),
                "missing": int((~part["reported"]).sum()),
                "late": int(part["late"].sum()),
                "missing_names": list(part.loc[~part["reported"], "name"]),
                "late_names": list(part.loc[part["late"].astype(bool), "name"]),
                "share": float(part["reported"].mean()),
            }
        )
    return pd.DataFrame(rows, columns=columns)
