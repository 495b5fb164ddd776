"""What the reports compute, as functions over the store that return DataFrames.

Rules (domain README §3, §5):
- only xã count (thị trấn, phường are urban), and only those with a report for the period;
- a year's value is each commune's latest report in that year, among the communes valid at
  the year's last reported month (so 2025 counts the post-merger communes, not both eras);
- ``basically_met`` counts as not met; a criterion missing from a report is not met.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

from ntm import summary_answers, summary_statements
from ntm.counted_reports import latest, params
from ntm.periods import Period
from ntm.summary_statements import SCORE_COLUMNS  # commune_scores's columns (its callers read them here)
from ntm.units import Unit

BIN_THRESHOLDS = (15, 10, 5)  # the report bins: all / 15-18 / 10-14 / 5-9 / <5


def report_window(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self"
) -> tuple[date, date] | None:
    """(first, last) months whose reports count for ``period``; None when nothing was reported."""
    if period.is_year:  # from the summaries kept in memory (ntm/summary_answers.py)
        last = summary_answers.report_window(con, unit, period.year, set_id, layer)
        return None if last is None else (period.start, last)
    last = summary_statements.report_window(con, unit, period, set_id, layer)
    return None if last is None else (period.start, last)


def commune_scores(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """One row per reporting commune: met, basically_met, unmet (criterion numbers), report month."""
    if period.is_year:
        scores = summary_answers.commune_scores(con, unit, period.year, set_id, layer)
        return pd.DataFrame(columns=SCORE_COLUMNS) if scores.empty else scores
    return summary_statements.commune_scores(con, unit, period, set_id, layer)


def not_reported(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """Communes (xã) valid at the end of the period that sent no report in it. For the whole country, the
    communes of the provinces that report in the period: a province that keeps its figures elsewhere is not
    hundreds of communes "not reported" (``reporting_provinces`` names the provinces counted)."""
    if period.is_year:
        return summary_answers.not_reported(con, unit, period.year, set_id, layer, period.end)
    return summary_statements.not_reported(con, unit, period, set_id, layer)


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


@dataclass(frozen=True)
class Bin:
    """One report bin ("15-18") and the names of its communes, in the scores' order."""

    label: str
    low: int
    high: int
    names: list[str]


def binned(scores: pd.DataFrame, n: int) -> list[Bin]:
    """The report bins of a set of ``n`` criteria with their communes (``distribution`` as records)."""
    pairs = list(zip(scores["met"].tolist(), scores["name"].tolist()))  # one pass per bin over plain values
    return [Bin(label, low, high, [name for met, name in pairs if low <= met <= high]) for label, low, high in bins(n)]


def distribution(scores: pd.DataFrame, n: int) -> pd.DataFrame:
    """Communes per report bin, with their names: bin, low, high, communes, names."""
    return pd.DataFrame(
        [
            {"bin": b.label, "low": b.low, "high": b.high, "communes": len(b.names), "names": b.names}
            for b in binned(scores, n)
        ]
    )


def exact_distribution(scores: pd.DataFrame, n: int) -> pd.Series:
    """Number of communes meeting exactly k criteria, k = 0 … n."""
    return scores["met"].value_counts().reindex(range(n + 1), fill_value=0).astype(int)


def yearly_average(con: duckdb.DuckDBPyConnection, unit: Unit, layer: str = "self") -> pd.DataFrame:
    """Average criteria met per commune, year by year, each year under the set its reports used.

    A province is followed across the 2025 reform through the units sharing its code: each year
    counts the communes valid at that year's last reported month (the post-merger ones in 2025).
    One query over the commune × year summary (each commune's latest report per year and set is its row) and the
    scope's rows of ``unit_scopes``.
    """
    return summary_answers.yearly_average(con, unit, layer)


def district_ranking(
    con: duckdb.DuckDBPyConnection, province: Unit, period: Period, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """Districts of a province ranked by average criteria met ("đứng thứ 24/27 huyện"); for the whole country
    (``units.national``) the provinces, in the same ``district`` column (the units one level down).

    One aggregate over the communes ``commune_scores`` counts (a commune without a district, after the reform,
    is in no district's row): the database groups, not pandas over a frame of every commune."""
    if period.is_year:
        ranked = summary_answers.district_ranking(con, province, period.year, set_id, layer)
        ranked = pd.DataFrame() if ranked is None else ranked
    else:
        ranked = summary_statements.district_ranking(con, province, period, set_id, layer)
    return ranking(ranked)


def ranking(ranked: pd.DataFrame) -> pd.DataFrame:
    """The districts' (or provinces') counts sorted and ranked: rank (ties share the best), of."""
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
    if period.is_year:
        return summary_answers.status_matrix(con, unit, period.year, set_id, layer, period.end)
    return summary_statements.status_matrix(con, unit, period, set_id, layer)
