"""What moved between reports: a commune's history and how long each unmet criterion has been unmet, the
criteria gained and lost between two periods, and the criteria met in a commune's previous report and lost in
its latest one (regressions)."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from ntm.counted_reports import SCOPE, latest, params
from ntm.metrics import commune_scores
from ntm.periods import Period
from ntm.units import Unit


def commune_history(con: duckdb.DuckDBPyConnection, unit: Unit, layer: str = "self") -> pd.DataFrame:
    """One commune, every report: period, set, criteria met, and the statuses as a dict."""
    return con.execute(
        """SELECT period, set_id, count(*) FILTER (WHERE status = 'met') AS met,
                  map(list(criterion_no ORDER BY criterion_no), list(status ORDER BY criterion_no)) AS statuses,
                  max(upload_id) AS upload_id
           FROM assessments WHERE unit_id = ? AND layer = ? GROUP BY period, set_id ORDER BY period""",
        [unit.unit_id, layer],
    ).df()


def unmet_since(history: pd.DataFrame) -> dict[int, object]:
    """For the latest report: each unmet criterion → the first month of its current unmet run."""
    if history.empty:
        return {}
    last = history.iloc[-1]
    same_set = history[history["set_id"] == last["set_id"]]
    result = {}
    for no, status in dict(last["statuses"]).items():
        if status == "met":
            continue
        since = last["period"]
        for row in same_set.iloc[::-1].itertuples():
            if dict(row.statuses).get(no) == "met":
                break
            since = row.period
        result[int(no)] = since
    return result


def changes(
    con: duckdb.DuckDBPyConnection, unit: Unit, before: Period, after: Period, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """Per commune: criteria newly met and newly lost between two periods (same set)."""
    old = commune_scores(con, unit, before, set_id, layer)
    new = commune_scores(con, unit, after, set_id, layer)
    merged = new.merge(old[["unit_id", "met", "unmet"]], on="unit_id", how="left", suffixes=("", "_before"))
    rows = []
    for r in merged.itertuples():
        was_unmet = None if isinstance(r.unmet_before, float) else set(r.unmet_before)  # NaN: no earlier report
        now_unmet = set(r.unmet)
        rows.append(
            {
                "unit_id": r.unit_id,
                "code": r.code,
                "name": r.name,
                "district": r.district,
                "met_before": None if was_unmet is None else int(r.met_before),
                "met": int(r.met),
                "gained": [] if was_unmet is None else sorted(was_unmet - now_unmet),
                "lost": [] if was_unmet is None else sorted(now_unmet - was_unmet),
            }
        )
    return pd.DataFrame(rows, columns=["unit_id", "code", "name", "district", "met_before", "met", "gained", "lost"])


def regressions(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """Criteria met in a commune's previous report and not in its latest one (of the period), same set:
    unmet now and not unmet before, from the commune × month summary."""
    return con.execute(  # the latest report of the period against the one before it (ASOF: the nearest earlier month)
        f"""WITH {SCOPE},
            latest AS (
                SELECT a.unit_id, a.period, a.unmet FROM ({latest(period)}) a JOIN scope s USING (unit_id)
                WHERE (s.valid_to IS NULL OR s.valid_to >= $end) AND (s.valid_from IS NULL OR s.valid_from <= $end)),
            earlier AS (  -- the report before one of year Y: a month of Y, or the year row of an earlier year
                SELECT p.unit_id, p.period, p.unmet FROM commune_month_summary p SEMI JOIN latest USING (unit_id)
                WHERE p.set_id = $set AND p.layer = $layer AND p.period BETWEEN $year_start AND $end
                UNION ALL
                SELECT y.unit_id, y.period, y.unmet FROM commune_year_summary y SEMI JOIN latest USING (unit_id)
                WHERE y.set_id = $set AND y.layer = $layer AND y.year < $year_of_end),
            pairs AS (SELECT l.unit_id, l.period AS latest, p.period AS previous,
                             unnest(list_filter(l.unmet, lambda x: NOT list_contains(p.unmet, x)))::INTEGER AS criterion_no
                      FROM latest l ASOF JOIN earlier p ON p.unit_id = l.unit_id AND l.period > p.period)
            SELECT s.unit_id, s.code, s.name, s.district, p.previous, p.latest, p.criterion_no
            FROM pairs p JOIN scope s USING (unit_id)
            ORDER BY s.district, s.name, p.criterion_no""",
        params(
            period,
            set_id,
            layer,
            unit=unit.unit_id,
            end=period.end,
            year_start=date(period.end.year, 1, 1),
            year_of_end=period.end.year,
        ),
    ).df()
