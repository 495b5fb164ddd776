"""Per criterion: which communes miss it, how many meet it (over all, by district, by year), the
bottlenecks and the "last mile" (communes missing only one or two criteria) — computed from a page's commune
scores (``metrics.commune_scores``) or, by year, from the commune × year summary."""

from __future__ import annotations

import duckdb
import pandas as pd

from ntm import catalog
from ntm.counted_reports import SCOPE
from ntm.units import Unit


def unmet_criteria(con: duckdb.DuckDBPyConnection, scores: pd.DataFrame, set_id: str) -> pd.DataFrame:
    """Long list: one row per (commune, unmet criterion) with names and the answering department."""
    crit = catalog.criteria(con, set_id)
    names = {  # plain dicts: .at per cell cost 0,3 s for a 454-commune province
        column: dict(zip(crit["criterion_no"].astype(int), crit[column]))
        for column in ("name_vi", "name_en", "department_vi", "department_en")
    }
    rows = [
        {
            "unit_id": r.unit_id,
            "code": r.code,
            "name": r.name,
            "criterion_no": int(no),
            "criterion_vi": names["name_vi"][no],
            "criterion_en": names["name_en"][no],
            "department_vi": names["department_vi"][no],
            "department_en": names["department_en"][no],
        }
        for r in scores.itertuples()
        for no in r.unmet
    ]
    return pd.DataFrame(
        rows,
        columns=[
            "unit_id",
            "code",
            "name",
            "criterion_no",
            "criterion_vi",
            "criterion_en",
            "department_vi",
            "department_en",
        ],
    )


def criterion_rates(con: duckdb.DuckDBPyConnection, scores: pd.DataFrame, set_id: str) -> pd.DataFrame:
    """Per criterion: communes meeting it, communes reporting, and the rate (0-1)."""
    crit = catalog.criteria(con, set_id)
    unmet_counts = pd.Series([no for lst in scores["unmet"] for no in lst], dtype="int64").value_counts()
    reporting = len(scores)
    crit["reporting"] = reporting
    crit["met"] = reporting - crit["criterion_no"].map(unmet_counts).fillna(0).astype(int)
    crit["rate"] = crit["met"] / reporting if reporting else float("nan")
    return crit[["criterion_no", "name_vi", "name_en", "department_vi", "department_en", "met", "reporting", "rate"]]


def criteria_names(con: duckdb.DuckDBPyConnection, set_id: str, lang: str = "vi") -> dict[int, str]:
    crit = catalog.criteria(con, set_id)
    return dict(zip(crit["criterion_no"].astype(int), crit["name_en" if lang == "en" else "name_vi"]))


def bottlenecks(scores: pd.DataFrame, rates: pd.DataFrame, top: int = 5) -> pd.DataFrame:
    """The least-met criteria, with ``last_mile``: communes missing only 1-2 criteria, this one among them."""
    _, last = last_mile(scores)
    result = rates.assign(last_mile=rates["criterion_no"].map(last).fillna(0).astype(int))
    return result.sort_values(["rate", "last_mile", "criterion_no"], ascending=[True, False, True]).head(top)


def last_mile(scores: pd.DataFrame, most: int = 2) -> tuple[pd.DataFrame, pd.Series]:
    """Communes missing only 1-``most`` criteria, and how often each criterion is among those missing."""
    near = scores[scores["unmet"].map(len).between(1, most)]
    counts = pd.Series([c for lst in near["unmet"] for c in lst], dtype="int64").value_counts()
    return near, counts.rename_axis("criterion_no").rename("communes")


def rates_by_district(scores: pd.DataFrame, by: str = "district", criteria: list[int] | None = None) -> pd.DataFrame:
    """Share of reporting communes meeting each criterion, one row per district (or ``by="province"``), one
    column per criterion of ``criteria`` (a criterion no commune misses is a column of 1.0, never dropped)."""
    totals = scores.groupby(by).size()
    unmet = scores.explode("unmet").dropna(subset=["unmet"]).groupby([by, "unmet"]).size().unstack(fill_value=0)
    rates = (1 - unmet.div(totals, axis=0)).reindex(totals.index).fillna(1.0)
    rates.columns = [int(c) for c in rates.columns]
    if criteria is not None:
        rates = rates.reindex(columns=[int(c) for c in criteria], fill_value=1.0)
    return rates


def criterion_rates_by_year(
    con: duckdb.DuckDBPyConnection, unit: Unit, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """Share of communes meeting each criterion at each year's end (each commune's latest report in the year)."""
    return con.execute(
        f"""WITH {SCOPE},
            latest AS (SELECT a.unit_id, a.year::BIGINT AS year, a.unmet
                       FROM commune_year_summary a JOIN scope USING (unit_id)
                       WHERE a.set_id = $set AND a.layer = $layer)
            SELECT l.year, c.criterion_no,
                   avg(CASE WHEN list_contains(l.unmet, c.criterion_no) THEN 0.0 ELSE 1.0 END) AS rate,
                   count(DISTINCT l.unit_id) AS communes
            FROM latest l CROSS JOIN (SELECT criterion_no FROM criteria WHERE set_id = $set) c
            GROUP BY ALL ORDER BY l.year, c.criterion_no""",
        {"unit": unit.unit_id, "set": set_id, "layer": layer},
    ).df()
