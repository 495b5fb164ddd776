"""Figures read in one of two views, so that history stays comparable across mergers.

- "then" (Theo đơn vị lúc đó): the units as they were in the period — old communes and districts before
  1/7/2025 — exactly what ``ntm.metrics`` computes.
- "today" (Theo xã hiện nay): a period's reports re-aggregated onto today's communes, under the strict or
  the population-weighted merger rule (``ntm.today_view``, where the rules are spelled out).

Both views can be narrowed to a grouping (a former district, a cluster): ``Lens.group``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

from ntm import groupings, lineage, metrics, unit_summary
from ntm.groupings import Grouping
from ntm.page_memo import once
from ntm.periods import Period
from ntm.today_view import Rule, View, criterion_numbers, today_communes, today_statuses
from ntm.units import Unit

VIEWS: tuple[str, ...] = ("then", "today")
SCORE_COLUMNS = ["unit_id", "code", "name", "district", "report_period", "met", "basically_met", "unmet"]


@dataclass(frozen=True)
class Lens:
    """How figures are read: the view, the merger rule (today view) and an optional grouping."""

    view: View = "then"
    rule: Rule = "strict"
    group: Grouping | None = None


THEN = Lens()


# ---------------------------------------------------------------- the figures pages read, in either view
def _narrow(frame: pd.DataFrame, con: duckdb.DuckDBPyConnection, group: Grouping | None) -> pd.DataFrame:
    if group is None or frame.empty:
        return frame
    return frame[frame["unit_id"].isin(groupings.member_ids(con, group))].reset_index(drop=True)


def _with_former_district(con: duckdb.DuckDBPyConnection, unit: Unit, frame: pd.DataFrame) -> pd.DataFrame:
    """After the reform communes have no district: name the former one (huyện cũ) instead."""
    if frame.empty or frame["district"].notna().any():
        return frame
    former = lineage.former_districts(con, unit).set_index("unit_id")["district"]
    return frame.assign(district=frame["unit_id"].map(former))


def _then(
    fn: Callable[..., pd.DataFrame],
    con: duckdb.DuckDBPyConnection,
    unit: Unit,
    period: Period,
    set_id: str,
    layer: str,
    lens: Lens,
) -> pd.DataFrame:
    """``fn`` (an ``ntm.metrics`` query) in the then view: communes after the reform named with their former
    district, narrowed to the lens's grouping."""
    found = once(fn, con, unit, period, set_id, layer)  # a page's sections share it (``ntm.page_memo``)
    return _narrow(_with_former_district(con, unit, found), con, lens.group)


def _today(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str, lens: Lens
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(today's communes of the scope, their long statuses) in the today view."""
    today = today_communes(con, unit, lens.group)
    return today, today_statuses(con, unit, period, set_id, layer, lens.rule, lens.group)


def scores(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self", lens: Lens = THEN
) -> pd.DataFrame:
    """``metrics.commune_scores`` in the lens's view; the today view adds ``predecessors`` and ``fallback``."""
    if lens.view == "then":
        return _then(metrics.commune_scores, con, unit, period, set_id, layer, lens)
    long = today_statuses(con, unit, period, set_id, layer, lens.rule, lens.group)
    if long.empty:
        return pd.DataFrame(columns=[*SCORE_COLUMNS, "predecessors", "fallback"])
    today = today_communes(con, unit, lens.group).set_index("unit_id")
    rows = []
    for today_id, part in long.groupby("today_id", sort=False):
        part = part.sort_values("criterion_no")
        rows.append(
            {
                "unit_id": int(today_id),
                "code": today.at[today_id, "code"],
                "name": today.at[today_id, "name"],
                "district": today.at[today_id, "district"],
                "report_period": part["report_period"].max(),
                "met": int((part["status"] == "met").sum()),
                "basically_met": int((part["status"] == "basically_met").sum()),
                "unmet": [int(c) for c in part.loc[part["status"] != "met", "criterion_no"]],
                "predecessors": int(part["reporting"].max()),
                "fallback": bool(part["fallback"].any()),
            }
        )
    frame = pd.DataFrame(rows)
    return frame.sort_values(["met", "district", "code"], ascending=[False, True, True]).reset_index(drop=True)


def status_matrix(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self", lens: Lens = THEN
) -> pd.DataFrame:
    """``metrics.status_matrix`` in the lens's view: (unit_id, code, name, district, criterion_no, status)."""
    if lens.view == "then":
        return _then(metrics.status_matrix, con, unit, period, set_id, layer, lens)
    today, long = _today(con, unit, period, set_id, layer, lens)
    grid = today.merge(pd.DataFrame({"criterion_no": criterion_numbers(con, set_id)}), how="cross")
    grid = grid.merge(
        long[["today_id", "criterion_no", "status"]].rename(columns={"today_id": "unit_id"}),
        on=["unit_id", "criterion_no"],
        how="left",
    )
    grid["status"] = grid["status"].fillna("no_report")
    return grid[["unit_id", "code", "name", "district", "criterion_no", "status"]]


def not_reported(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self", lens: Lens = THEN
) -> pd.DataFrame:
    """Communes with no report in the period (today view: neither they nor any predecessor reported)."""
    if lens.view == "then":
        return _then(metrics.not_reported, con, unit, period, set_id, layer, lens)
    today, long = _today(con, unit, period, set_id, layer, lens)
    return today[~today["unit_id"].isin(set(long["today_id"]))].reset_index(drop=True)


def yearly(con: duckdb.DuckDBPyConnection, unit: Unit, layer: str = "self", lens: Lens = THEN) -> pd.DataFrame:
    """Average criteria met per commune by year and set (each year under every set its reports used)."""
    if lens.view == "then" and lens.group is None:
        return metrics.yearly_average(con, unit, layer)
    province = lineage.today_province(con, unit)
    years = con.execute(
        """SELECT DISTINCT year(a.period), a.set_id FROM assessments a JOIN units c ON c.unit_id = a.unit_id
           JOIN criteria_sets cs ON cs.set_id = a.set_id AND cs.level = 'commune'
           JOIN units p ON p.unit_id = c.province_id AND p.code = ?
           WHERE a.layer = ? ORDER BY 1, 2""",
        [province.code, layer],
    ).fetchall()
    rows = []
    for year, set_id in years:
        period = Period(str(year), date(year, 1, 1), date(year, 12, 1))
        scope = unit if lens.view == "today" else lineage.same_unit(con, unit, period.end)
        found = scores(con, scope, period, set_id, layer, lens)
        if found.empty:
            continue
        n = metrics.n_criteria(con, set_id)
        rows.append(
            {
                "year": int(year),
                "set_id": set_id,
                "communes": len(found),
                "average_met": metrics.average_met(found),
                "at_standard": int((found["met"] == n).sum()),
                "n_criteria": n,
            }
        )
    return pd.DataFrame(rows, columns=["year", "set_id", "communes", "average_met", "at_standard", "n_criteria"])


def summary(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self", lens: Lens = THEN
) -> unit_summary.Summary:
    """``python -m ntm summary`` in the lens's view: with "today" a period before a merger is reported on today's
    communes (its lines are today's communes, with how many predecessors reported)."""
    if lens.view == "then" and lens.group is None:
        return unit_summary.summary(con, unit, period, set_id, layer)
    found = scores(con, unit, period, set_id, layer, lens)
    missing = not_reported(con, unit, period, set_id, layer, lens)
    return unit_summary.summarise(con, unit, period, set_id, layer, found, missing, view=lens.view, rule=lens.rule)


def district_ranking(
    con: duckdb.DuckDBPyConnection, province: Unit, period: Period, set_id: str, layer: str = "self", lens: Lens = THEN
) -> pd.DataFrame:
    """``metrics.district_ranking`` in the lens's view: after the reform (or on today's communes) the former
    districts are ranked, each holding the communes now on its territory."""
    found = scores(con, province, period, set_id, layer, Lens(lens.view, lens.rule))
    columns = ["district", "communes", "average_met", "at_standard", "rank", "of"]
    found = found[found["district"].notna()]
    if found.empty:
        return pd.DataFrame(columns=columns)
    n = metrics.n_criteria(con, set_id)
    ranked = (  # vectorised: a Python lambda per district cost more than the query
        found.assign(at_standard=(found["met"] == n).astype(int))
        .groupby("district")
        .agg(communes=("met", "size"), average_met=("met", "mean"), at_standard=("at_standard", "sum"))
        .reset_index()
        .sort_values(["average_met", "district"], ascending=[False, True])
        .reset_index(drop=True)
    )
    ranked["rank"] = ranked["average_met"].rank(method="min", ascending=False).astype(int)
    ranked["of"] = len(ranked)
    return ranked[columns]
