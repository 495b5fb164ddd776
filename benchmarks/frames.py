"""The pandas baseline: the same page results computed from the facts held in memory as DataFrames.

This is what a dashboard without a database engine would do: load every criterion row once, then filter,
take each commune's latest report and count. Results are checked against ``ntm.metrics`` so that the two
sides answer the same question.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from ntm import catalog


@dataclass
class Facts:
    facts: pd.DataFrame  # unit_id, period, set_id, criterion_no, status, layer (categoricals)
    units: pd.DataFrame  # unit_id, code, short_name, level, kind, district_id, province_id, valid_from, valid_to
    criteria: dict[str, list[int]]


def load(con) -> Facts:
    facts = con.execute("SELECT unit_id, period, set_id, criterion_no, status, layer FROM assessments").df()
    for column in ("set_id", "status", "layer"):
        facts[column] = facts[column].astype("category")
    unit_frame = con.execute(
        """SELECT u.unit_id, u.code, u.short_name, u.level, u.kind, u.district_id, u.province_id, u.valid_from,
                  u.valid_to, d.short_name AS district FROM units u LEFT JOIN units d ON d.unit_id = u.district_id"""
    ).df()
    sets = catalog.sets(con)["set_id"]
    return Facts(facts, unit_frame, {s: catalog.criteria(con, s)["criterion_no"].astype(int).tolist() for s in sets})


def _ts(day: date) -> pd.Timestamp:
    return pd.Timestamp(day)


def scope(f: Facts, unit_ids: list[int], end: date | None) -> pd.DataFrame:
    """Xã inside any of ``unit_ids`` (a commune, district or province; an empty list: the country), valid at ``end``."""
    u = f.units
    mask = (u["level"] == "commune") & (u["kind"] == "Xã")
    if unit_ids:
        mask &= u["unit_id"].isin(unit_ids) | u["district_id"].isin(unit_ids) | u["province_id"].isin(unit_ids)
    if end is not None:
        mask &= (u["valid_to"].isna() | (u["valid_to"] >= _ts(end))) & (
            u["valid_from"].isna() | (u["valid_from"] <= _ts(end))
        )
    return u[mask]


def _window(f: Facts, unit_ids, start, end, set_id, layer) -> pd.DataFrame:
    a = f.facts
    rows = a[(a["set_id"] == set_id) & (a["layer"] == layer) & (a["period"] >= _ts(start)) & (a["period"] <= _ts(end))]
    return rows[rows["unit_id"].isin(scope(f, unit_ids, None)["unit_id"])]


def scores(f: Facts, unit_ids: list[int], start: date, end: date, set_id: str, layer: str = "self") -> pd.DataFrame:
    """unit_id, name, district, met, unmet: each commune's latest report in the window."""
    rows = _window(f, unit_ids, start, end, set_id, layer)
    if rows.empty:
        return pd.DataFrame(columns=["unit_id", "name", "district", "met", "unmet"])
    last = rows["period"].max()
    live = scope(f, unit_ids, last.date())
    rows = rows[rows["unit_id"].isin(live["unit_id"])]
    rows = rows[rows["period"] == rows.groupby("unit_id")["period"].transform("max")]
    met_sets = rows[rows["status"] == "met"].groupby("unit_id")["criterion_no"].agg(set)
    all_criteria = f.criteria[set_id]
    ids = rows["unit_id"].unique()
    out = live.set_index("unit_id").loc[ids, ["short_name", "district"]].rename(columns={"short_name": "name"})
    met = met_sets.reindex(ids)
    out["unmet"] = [[c for c in all_criteria if not isinstance(m, set) or c not in m] for m in met]
    out["met"] = len(all_criteria) - out["unmet"].map(len)
    return out.reset_index().sort_values(["met", "district"], ascending=[False, True])


def not_reported(f: Facts, unit_ids, start, end, set_id, layer="self") -> pd.DataFrame:
    rows = _window(f, unit_ids, start, end, set_id, layer)
    last = rows["period"].max().date() if len(rows) else end
    live = scope(f, unit_ids, last)
    return live[~live["unit_id"].isin(rows["unit_id"])]


def yearly(f: Facts, unit_ids, layer="self") -> pd.DataFrame:
    a = f.facts[f.facts["layer"] == layer]
    a = a[a["unit_id"].isin(scope(f, unit_ids, None)["unit_id"])]
    pairs = a.groupby([a["period"].dt.year, "set_id"], observed=True).size().index
    rows = []
    for year, set_id in pairs:
        s = scores(f, unit_ids, date(year, 1, 1), date(year, 12, 1), set_id, layer)
        rows.append({"year": year, "set_id": set_id, "communes": len(s), "average_met": s["met"].mean()})
    return pd.DataFrame(rows)


def ranking(s: pd.DataFrame, by: str = "district") -> pd.DataFrame:
    return s.groupby(by)["met"].agg(["size", "mean"]).sort_values("mean", ascending=False)


def rates_by_year(f: Facts, unit_ids, set_id, layer="self") -> pd.DataFrame:
    a = f.facts
    rows = a[(a["set_id"] == set_id) & (a["layer"] == layer)]
    rows = rows[rows["unit_id"].isin(scope(f, unit_ids, None)["unit_id"])]
    year = rows["period"].dt.year
    rows = rows[rows["period"] == rows.groupby(["unit_id", year])["period"].transform("max")]
    return (
        rows.assign(year=rows["period"].dt.year, ok=rows["status"] == "met")
        .groupby(["year", "criterion_no"])["ok"]
        .mean()
    )


def status_matrix(f: Facts, unit_ids, start, end, set_id, layer="self") -> pd.DataFrame:
    rows = _window(f, unit_ids, start, end, set_id, layer)
    rows = rows[rows["period"] == rows.groupby("unit_id")["period"].transform("max")]
    return rows.pivot_table(index="unit_id", columns="criterion_no", values="status", aggfunc="first", observed=True)


def history(f: Facts, unit_id: int, layer="self") -> pd.DataFrame:
    a = f.facts
    rows = a[(a["unit_id"] == unit_id) & (a["layer"] == layer)]
    return rows.assign(ok=rows["status"] == "met").groupby(["period", "set_id"], observed=True)["ok"].sum()


def preview(f: Facts, incoming: pd.DataFrame) -> pd.DataFrame:
    """Per incoming commune: criteria met in its previous report (same set and layer)."""
    a = f.facts
    first = _ts(incoming["period"].min())
    rows = a[a["unit_id"].isin(incoming["unit_id"].unique()) & (a["period"] < first)]
    rows = rows[rows["period"] == rows.groupby("unit_id")["period"].transform("max")]
    before = rows[rows["status"] == "met"].groupby("unit_id").size()
    now = incoming[incoming["status"] == "met"].groupby("unit_id").size()
    return pd.DataFrame({"before": before, "now": now})
