"""The statements behind ``ntm/metrics.py`` for any period: they answer its month periods (a year's come from the
summaries kept in memory, ``ntm/summary_answers.py``), and ``scripts/summary_memory_diff.py`` checks the two answers
of every year against each other, result by result. Each reads the summaries (``ntm/summary.py``) joined to the
scope's communes (``unit_scopes``) in one statement.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from ntm.counted_reports import IN_SCOPE, VALID_AT_LAST, latest, params
from ntm.periods import Period
from ntm.result_frames import frame
from ntm.units import NATIONAL_ID, Unit

# commune_scores's columns (also its frame when nothing was reported)
SCORE_COLUMNS = ["unit_id", "code", "name", "district", "report_period", "met", "basically_met", "unmet", "province"]


def report_window(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self"
) -> date | None:
    """The last month whose reports count for ``period``; None when nothing was reported."""
    return con.execute(
        f"SELECT max(a.period) FROM ({latest(period)}) a JOIN {IN_SCOPE}",
        params(period, set_id, layer, unit=unit.unit_id),
    ).fetchall()[0][0]


def commune_scores(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """``metrics.commune_scores``."""
    scores = frame(
        con,
        # one statement: the latest reports (ntm/summary.py) of the communes valid at the window's end
        f"""SELECT unit_id, code, name, district, report_period, met, basically_met, unmet, province FROM (
                SELECT s.unit_id, s.code, s.name, s.district, s.province, a.period AS report_period,
                       a.met::BIGINT AS met, a.basically_met::BIGINT AS basically_met, a.unmet::INTEGER[] AS unmet,
                       s.valid_from, s.valid_to, max(a.period) OVER () AS last
                FROM ({latest(period)}) a JOIN {IN_SCOPE})
            WHERE {VALID_AT_LAST}
            ORDER BY met DESC, district, code, unit_id""",
        params(period, set_id, layer, unit=unit.unit_id),
    )
    return pd.DataFrame(columns=SCORE_COLUMNS) if scores.empty else scores


def not_reported(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """``metrics.not_reported``."""
    provinces = (  # the whole country counts the provinces with any report in the period (reporting_provinces)
        f"AND province_id IN (SELECT c.province_id FROM ({latest(period)}) r JOIN units c ON c.unit_id = r.unit_id)"
        if unit.unit_id == NATIONAL_ID
        else ""
    )
    return frame(
        con,
        # the window's end in the same statement: its last reported month, else the period's end
        f"""SELECT unit_id, code, name, district FROM (
                SELECT s.unit_id, s.code, s.name, s.district, s.province_id, s.valid_from, s.valid_to, a.period,
                       coalesce(max(a.period) OVER (), $end) AS last
                FROM unit_scopes s LEFT JOIN ({latest(period)}) a ON a.unit_id = s.unit_id
                WHERE s.scope_id = $unit)
            WHERE period IS NULL AND {VALID_AT_LAST} {provinces}
            ORDER BY district, code, unit_id""",
        params(period, set_id, layer, unit=unit.unit_id, end=period.end),
    )


def district_ranking(
    con: duckdb.DuckDBPyConnection, province: Unit, period: Period, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """The counts ``metrics.district_ranking`` ranks: district (or province), communes, average_met, at_standard."""
    below = "s.province" if province.unit_id == NATIONAL_ID else "s.district"  # the units one level down
    return con.execute(
        f"""SELECT district, count(*) AS communes, avg(met) AS average_met,
                   count(*) FILTER (WHERE met = (SELECT count(*) FROM criteria WHERE set_id = $set)) AS at_standard
            FROM (SELECT {below} AS district, a.met, s.valid_from, s.valid_to, max(a.period) OVER () AS last
                  FROM ({latest(period)}) a JOIN {IN_SCOPE})
            WHERE {VALID_AT_LAST} AND district IS NOT NULL GROUP BY district""",
        params(period, set_id, layer, unit=province.unit_id),
    ).df()


def status_matrix(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """``metrics.status_matrix``."""
    return frame(
        con,
        # each report's row of the summary: no facts read
        f"""SELECT l.unit_id, l.code, l.name, l.district, c.criterion_no,
                   CASE WHEN l.period IS NULL THEN 'no_report'
                        WHEN list_contains(l.basically, c.criterion_no::UTINYINT) THEN 'basically_met'
                        WHEN list_contains(l.unmet, c.criterion_no::UTINYINT) THEN 'not_met'  -- missing ones too
                        ELSE 'met' END AS status
            FROM (SELECT s.unit_id, s.code, s.name, s.district, s.valid_from, s.valid_to, a.period, a.unmet,
                         a.basically, coalesce(max(a.period) OVER (), $end) AS last
                  FROM unit_scopes s LEFT JOIN ({latest(period)}) a ON a.unit_id = s.unit_id
                  WHERE s.scope_id = $unit) l
            CROSS JOIN (SELECT criterion_no FROM criteria WHERE set_id = $set) c
            WHERE {VALID_AT_LAST}
            ORDER BY l.district, l.code, l.unit_id, c.criterion_no""",
        params(period, set_id, layer, unit=unit.unit_id, end=period.end),
    )
