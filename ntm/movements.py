"""What moved between reports: a commune's history and how long each unmet criterion has been unmet, the
criteria gained and lost between two periods, and the criteria met in a commune's previous report and lost in
its latest one (regressions)."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from ntm.counted_reports import IN_SCOPE, latest, params
from ntm.metrics import commune_scores
from ntm.periods import Period
from ntm.result_frames import frame
from ntm.units import Unit


def commune_history(con: duckdb.DuckDBPyConnection, unit: Unit, layer: str = "self") -> pd.DataFrame:
    """One commune, every report: period, set, criteria met, and the statuses as a dict (the criteria the report
    gave: one missing from it has no entry)."""
    return con.execute(  # from the commune × month summary, one row per report: its lists give each status
        """SELECT s.period, s.set_id, s.met::BIGINT AS met,
                  map(list(c.criterion_no ORDER BY c.criterion_no),
                      list(CASE WHEN list_contains(s.basically, c.criterion_no::UTINYINT) THEN 'basically_met'
                                WHEN list_contains(s.unmet, c.criterion_no::UTINYINT) THEN 'not_met'
                                ELSE 'met' END ORDER BY c.criterion_no)) AS statuses,
                  s.upload_id
           FROM commune_month_summary s
           JOIN criteria c ON c.set_id = s.set_id AND NOT list_contains(s.missing, c.criterion_no::UTINYINT)
           WHERE s.unit_id = ? AND s.layer = ?
           GROUP BY s.period, s.set_id, s.met, s.upload_id ORDER BY s.period, s.set_id""",
        [unit.unit_id, layer],
    ).df()


def unmet_since(history: pd.DataFrame) -> dict[int, object]:
    """For the latest report: each unmet criterion → the first month of its current unmet run."""
    if history.empty:
        return {}
    last = history.iloc[-1]
    same_set = history[history["set_id"] == last["set_id"]]
    newest_first = list(zip(same_set["period"][::-1], (dict(s) for s in same_set["statuses"][::-1])))  # each once
    result = {}
    for no, status in dict(last["statuses"]).items():
        if status == "met":
            continue
        since = last["period"]
        for period, statuses in newest_first:
            if statuses.get(no) == "met":
                break
            since = period
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
    return frame(
        con,
        # the latest report of the period against the one before it (the nearest earlier month)
        f"""WITH latest AS (  -- the scope's communes valid at the period's end, their names carried along
                SELECT a.unit_id, a.period, a.unmet, s.code, s.name, s.district FROM ({latest(period)}) a
                JOIN {IN_SCOPE}
                WHERE (s.valid_to IS NULL OR s.valid_to >= $end) AND (s.valid_from IS NULL OR s.valid_from <= $end)),
            earlier AS (  -- the report before one of year Y: a month of Y, or the year row of an earlier year (the
                -- scope's rows: a plain join instead of reading the materialised latest reports again)
                SELECT p.unit_id, p.period FROM commune_month_summary p
                JOIN unit_scopes s ON s.unit_id = p.unit_id AND s.scope_id = $unit
                WHERE p.set_id = $set AND p.layer = $layer AND p.period BETWEEN $year_start AND $end
                UNION ALL
                SELECT y.unit_id, y.period FROM commune_year_summary y
                JOIN unit_scopes s ON s.unit_id = y.unit_id AND s.scope_id = $unit
                WHERE y.set_id = $set AND y.layer = $layer AND y.year < $year_of_end),
            previous AS (  -- each latest report's nearest earlier month: keys only (lists are costly to carry)
                SELECT l.unit_id, max(p.period) AS previous FROM latest l JOIN earlier p
                ON p.unit_id = l.unit_id AND p.period < l.period GROUP BY l.unit_id)
            SELECT l.unit_id, l.code, l.name, l.district, v.previous, l.period AS latest,
                   unnest(list_filter(l.unmet, lambda x: NOT list_contains(m.unmet, x)))::INTEGER AS criterion_no
            FROM latest l JOIN previous v USING (unit_id)
            JOIN commune_month_summary m  -- that report's unmet list: a month row (a year row's period is its month)
              ON m.unit_id = v.unit_id AND m.period = v.previous AND m.set_id = $set AND m.layer = $layer
            ORDER BY l.district, l.name, criterion_no""",
        params(
            period,
            set_id,
            layer,
            unit=unit.unit_id,
            end=period.end,
            year_start=date(period.end.year, 1, 1),
            year_of_end=period.end.year,
        ),
    )
