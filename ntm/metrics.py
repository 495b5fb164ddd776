"""What the reports compute, as functions over the store that return DataFrames.

Rules (domain README §3, §5):
- only xã count (thị trấn, phường are urban), and only those with a report for the period;
- a year's value is each commune's latest report in that year, among the communes valid at
  the year's last reported month (so 2025 counts the post-merger communes, not both eras);
- ``basically_met`` counts as not met; a criterion missing from a report is not met.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from ntm.counted_reports import SCOPE, latest, params
from ntm.periods import Period
from ntm.units import NATIONAL_ID, Unit

BIN_THRESHOLDS = (15, 10, 5)  # the report bins: all / 15-18 / 10-14 / 5-9 / <5


def report_window(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self"
) -> tuple[date, date] | None:
    """(first, last) months whose reports count for ``period``; None when nothing was reported."""
    row = con.execute(
        f"WITH {SCOPE} SELECT max(a.period) FROM ({latest(period)}) a JOIN scope USING (unit_id)",
        params(period, set_id, layer, unit=unit.unit_id),
    ).fetchall()[0][0]
    return None if row is None else (period.start, row)


# commune_scores's columns (also its frame when nothing was reported)
SCORE_COLUMNS = ["unit_id", "code", "name", "district", "report_period", "met", "basically_met", "unmet", "province"]


def commune_scores(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """One row per reporting commune: met, basically_met, unmet (criterion numbers), report month."""
    scores = con.execute(  # one query: the latest reports (ntm/summary.py) of the communes valid at the window's end
        f"""WITH {SCOPE},
            reports AS (SELECT a.* FROM ({latest(period)}) a SEMI JOIN scope USING (unit_id)),
            window_end AS (SELECT max(period) AS last FROM reports)
            SELECT s.unit_id, s.code, s.name, s.district, s.province, r.period AS report_period, r.met::BIGINT AS met,
                   r.basically_met::BIGINT AS basically_met, r.unmet::INTEGER[] AS unmet
            FROM reports r JOIN scope s USING (unit_id) CROSS JOIN window_end w
            WHERE (s.valid_to IS NULL OR s.valid_to >= w.last) AND (s.valid_from IS NULL OR s.valid_from <= w.last)
            ORDER BY met DESC, s.district, s.code, s.unit_id""",
        params(period, set_id, layer, unit=unit.unit_id),
    ).df()
    return pd.DataFrame(columns=SCORE_COLUMNS) if scores.empty else scores[SCORE_COLUMNS]


def not_reported(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """Communes (xã) valid at the end of the period that sent no report in it. For the whole country, the
    communes of the provinces that report in the period: a province that keeps its figures elsewhere is not
    hundreds of communes "not reported" (``reporting_provinces`` names the provinces counted)."""
    return con.execute(  # the window's end in the same query: its last reported month, else the period's end
        f"""WITH {SCOPE},
            reports AS ({latest(period)}),
            window_end AS (SELECT coalesce(max(r.period), $end) AS last FROM reports r SEMI JOIN scope USING (unit_id))
            SELECT s.unit_id, s.code, s.name, s.district FROM scope s CROSS JOIN window_end w
            WHERE (s.valid_to IS NULL OR s.valid_to >= w.last) AND (s.valid_from IS NULL OR s.valid_from <= w.last)
              AND s.unit_id NOT IN (SELECT unit_id FROM reports)
              AND ($unit <> 0 OR s.province_id IN (
                   SELECT c.province_id FROM reports a JOIN units c ON c.unit_id = a.unit_id))
            ORDER BY s.district, s.code""",
        params(period, set_id, layer, unit=unit.unit_id, end=period.end),
    ).df()


def reporting_provinces(con: duckdb.DuckDBPyConnection, period: Period, set_id: str, layer: str = "self") -> list[str]:
    """The provinces with any commune report in the period (the whole country's figures count these)."""
    rows = con.execute(
        f"""SELECT DISTINCT p.short_name FROM ({latest(period)}) a JOIN units c ON c.unit_id = a.unit_id
            JOIN units p ON p.unit_id = c.province_id ORDER BY 1""",
        params(period, set_id, layer),
    ).fetchall()
    return [r[0] for r in rows]


def n_criteria(con: duckdb.DuckDBPyConnection, set_id: str) -> int:
    return con.execute("SELECT count(*) FROM criteria WHERE set_id = ?", [set_id]).fetchall()[0][0]


def average_met(scores: pd.DataFrame) -> float | None:
    """ "bình quân đạt 10,9 tiêu chí/xã": mean criteria met over reporting communes."""
    return None if scores.empty else float(scores["met"].mean())


def bins(n: int) -> list[tuple[str, int, int]]:
    """Report bins for a set of ``n`` criteria: ("19", 19, 19), ("15-18", 15, 18) … ("<5", 0, 4)."""
    result = [(str(n), n, n)]
    upper = n - 1
    for low in BIN_THRESHOLDS:
        if low > upper:
            continue
        result.append((f"{low}-{upper}" if low != upper else str(low), low, upper))
        upper = low - 1
    result.append((f"<{upper + 1}", 0, upper))
    return result


def distribution(scores: pd.DataFrame, n: int) -> pd.DataFrame:
    """Communes per report bin, with their names: bin, low, high, communes, names."""
    pairs = list(zip(scores["met"].tolist(), scores["name"].tolist()))  # one pass per bin over plain values
    rows = []
    for label, low, high in bins(n):
        names = [name for met, name in pairs if low <= met <= high]
        rows.append({"bin": label, "low": low, "high": high, "communes": len(names), "names": names})
    return pd.DataFrame(rows)


def exact_distribution(scores: pd.DataFrame, n: int) -> pd.Series:
    """Number of communes meeting exactly k criteria, k = 0 … n."""
    return scores["met"].value_counts().reindex(range(n + 1), fill_value=0).astype(int)


def yearly_average(con: duckdb.DuckDBPyConnection, unit: Unit, layer: str = "self") -> pd.DataFrame:
    """Average criteria met per commune, year by year, each year under the set its reports used.

    A province is followed across the 2025 reform through the units sharing its code: each year
    counts the communes valid at that year's last reported month (the post-merger ones in 2025).
    One query over the commune × year summary: each commune's latest report per year and set is its row.
    """
    ids = [unit.unit_id]
    if unit.level == "province":
        ids = [
            r[0]
            for r in con.execute(
                "SELECT unit_id FROM units WHERE level = 'province' AND code = ?", [unit.code]
            ).fetchall()
        ]
    return con.execute(  # the units joined once: each year row carries its commune's validity
        """WITH reports AS (
                SELECT a.year::BIGINT AS year, a.set_id, a.period, a.met, c.valid_from, c.valid_to
                FROM commune_year_summary a JOIN units c ON c.unit_id = a.unit_id
                WHERE a.layer = $layer AND c.level = 'commune' AND c.kind = 'Xã'
                  AND ($national OR list_contains($ids, c.unit_id) OR list_contains($ids, c.district_id)
                       OR list_contains($ids, c.province_id))
                  AND a.set_id IN (SELECT set_id FROM criteria_sets WHERE level = 'commune')),
            ends AS (SELECT year, set_id, max(period) AS last FROM reports GROUP BY ALL),
            n AS (SELECT set_id, count(*) AS n FROM criteria GROUP BY 1)
        SELECT r.year, r.set_id, count(*) AS communes, avg(r.met) AS average_met,
               count(*) FILTER (WHERE r.met = n.n) AS at_standard, n.n AS n_criteria
        FROM reports r JOIN ends e USING (year, set_id) JOIN n USING (set_id)
        WHERE (r.valid_to IS NULL OR r.valid_to >= e.last) AND (r.valid_from IS NULL OR r.valid_from <= e.last)
        GROUP BY ALL ORDER BY r.year, r.set_id""",
        {"ids": ids, "layer": layer, "national": unit.unit_id == NATIONAL_ID},
    ).df()[["year", "set_id", "communes", "average_met", "at_standard", "n_criteria"]]


def district_ranking(
    con: duckdb.DuckDBPyConnection, province: Unit, period: Period, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """Districts of a province ranked by average criteria met ("đứng thứ 24/27 huyện"); for the whole country
    (``units.national``) the provinces, in the same ``district`` column (the units one level down).

    One aggregate over the communes ``commune_scores`` counts (a commune without a district, after the reform,
    is in no district's row): the database groups, not pandas over a frame of every commune."""
    ranked = con.execute(
        f"""WITH {SCOPE},
            reports AS (SELECT a.unit_id, a.period, a.met FROM ({latest(period)}) a SEMI JOIN scope USING (unit_id)),
            window_end AS (SELECT max(period) AS last FROM reports),
            counted AS (
                SELECT CASE WHEN $unit = 0 THEN s.province ELSE s.district END AS district, r.met
                FROM reports r JOIN scope s USING (unit_id) CROSS JOIN window_end w
                WHERE (s.valid_to IS NULL OR s.valid_to >= w.last) AND (s.valid_from IS NULL OR s.valid_from <= w.last))
            SELECT district, count(*) AS communes, avg(met) AS average_met,
                   count(*) FILTER (WHERE met = (SELECT count(*) FROM criteria WHERE set_id = $set)) AS at_standard
            FROM counted WHERE district IS NOT NULL GROUP BY district""",
        params(period, set_id, layer, unit=province.unit_id),
    ).df()
    if ranked.empty:
        return pd.DataFrame(columns=["district", "communes", "average_met", "at_standard", "rank", "of"])
    ranked = ranked.sort_values(["average_met", "district"], ascending=[False, True]).reset_index(drop=True)
    ranked["rank"] = ranked["average_met"].rank(method="min", ascending=False).astype(int)
    ranked["of"] = len(ranked)
    return ranked


def status_matrix(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """Long (commune, criterion, status) for the communes of ``unit``; "no_report" where none came."""
    return con.execute(
        f"""WITH {SCOPE},
            reports AS (SELECT a.unit_id, a.period, a.unmet, a.basically FROM ({latest(period)}) a
                        SEMI JOIN scope USING (unit_id)),
            window_end AS (SELECT coalesce(max(period), $end) AS last FROM reports),
            live AS (SELECT s.* FROM scope s CROSS JOIN window_end w
                     WHERE (s.valid_to IS NULL OR s.valid_to >= w.last) AND (s.valid_from IS NULL OR s.valid_from <= w.last)),
            latest AS (SELECT r.* FROM reports r SEMI JOIN live USING (unit_id))
            SELECT l.unit_id, l.code, l.name, l.district, c.criterion_no,
                   CASE WHEN lt.unit_id IS NULL THEN 'no_report'
                        WHEN list_contains(lt.basically, c.criterion_no::UTINYINT) THEN 'basically_met'
                        WHEN list_contains(lt.unmet, c.criterion_no::UTINYINT) THEN 'not_met'  -- missing ones too
                        ELSE 'met' END AS status
            FROM live l CROSS JOIN (SELECT criterion_no FROM criteria WHERE set_id = $set) c
            LEFT JOIN latest lt ON lt.unit_id = l.unit_id
            ORDER BY l.district, l.code, l.unit_id, c.criterion_no""",  # each report's row of the summary: no facts read
        params(period, set_id, layer, unit=unit.unit_id, end=period.end),
    ).df()
