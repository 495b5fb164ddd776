"""The today view: a period's reports re-aggregated onto today's communes, so that history stays comparable
across the 2025 mergers (``ntm.history`` reads figures in it or in the "then" view).

A commune of today meets a criterion in a month before its merger
* under the strict rule, only if every predecessor that reported met it;
* under the population-weighted rule, if the predecessors that met it hold at least half the population
  of those that reported (``unit_populations``); a commune with a reporting predecessor of unknown
  population falls back to the strict rule, and says so (``fallback``).
A report is superseded by a later unit's report in the same period (2025: the new communes' own reports
from 7/2025 replace their predecessors' of 1-6/2025, as a year's value is its latest report).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Literal

import duckdb
import pandas as pd

from ntm import lineage, movements, units
from ntm.groupings import Grouping
from ntm.periods import Period
from ntm.units import NEW_ERA_START, Unit

View = Literal["then", "today"]  # the units as they were in the period, or today's communes
Rule = Literal["strict", "weighted"]
RULES: tuple[str, ...] = ("strict", "weighted")
WEIGHTED_THRESHOLD = 0.5


def today_communes(con: duckdb.DuckDBPyConnection, unit: Unit, group: Grouping | None = None) -> pd.DataFrame:
    """(unit_id, code, name, district) of today's xã standing for ``unit`` (a province: its communes of
    today; an old district: the communes on its territory; an old commune: the communes it went into),
    ``district`` being the former district. Narrowed to ``group`` when given."""
    province = lineage.today_province(con, unit)
    frame = units.communes_under(con, province, NEW_ERA_START, None)[["unit_id", "code", "name"]]
    former = lineage.former_districts(con, province)[["unit_id", "district_id", "district"]]
    frame = frame.merge(former, on="unit_id", how="left")
    if unit.level == "district":
        frame = frame[frame["district_id"] == unit.unit_id]
    elif unit.level == "commune":
        wanted = {u.unit_id for u in lineage.successors_today(con, unit)}
        frame = frame[frame["unit_id"].isin(wanted)]
    if group is not None:
        frame = frame[frame["unit_id"].isin(group.members)]
    return frame.drop(columns="district_id").reset_index(drop=True)


def populations(con: duckdb.DuckDBPyConnection) -> dict[int, int]:
    return {int(u): int(p) for u, p in con.execute("SELECT unit_id, population FROM unit_populations").fetchall()}


def _latest_reports(
    con: duckdb.DuckDBPyConnection, unit_ids: list[int], period: Period, set_id: str, layer: str
) -> pd.DataFrame:
    """Each unit's latest report in ``period``: (unit_id, report_period, criterion_no, status)."""
    con.register("history_ids", pd.DataFrame({"unit_id": pd.Series(unit_ids, dtype="int64")}))
    try:
        return con.execute(
            """WITH latest AS (
                   SELECT a.unit_id, max(a.period) AS period FROM assessments a SEMI JOIN history_ids USING (unit_id)
                   WHERE a.set_id = $set AND a.layer = $layer AND a.period BETWEEN $start AND $end GROUP BY 1)
               SELECT a.unit_id, a.period AS report_period, a.criterion_no, a.status
               FROM assessments a JOIN latest USING (unit_id, period)
               WHERE a.set_id = $set AND a.layer = $layer""",
            {"set": set_id, "layer": layer, "start": period.start, "end": period.end},
        ).df()
    finally:
        con.unregister("history_ids")


def _ancestors(con: duckdb.DuckDBPyConnection) -> dict[int, set[int]]:
    back: dict[int, set[int]] = defaultdict(set)
    for link in lineage.links(con):
        back[link.new_unit_id].add(link.old_unit_id)
    cache: dict[int, set[int]] = {}

    def walk(uid: int) -> set[int]:
        if uid not in cache:
            cache[uid] = set()
            result: set[int] = set()
            for old in back.get(uid, ()):
                result |= {old} | walk(old)
            cache[uid] = result
        return cache[uid]

    return defaultdict(set, {uid: walk(uid) for uid in list(back)})


def today_statuses(
    con: duckdb.DuckDBPyConnection,
    unit: Unit,
    period: Period,
    set_id: str,
    layer: str = "self",
    rule: Rule = "strict",
    group: Grouping | None = None,
) -> pd.DataFrame:
    """Long (today_id, criterion_no, status, share, reporting, report_period, fallback) for today's communes
    of ``unit`` (narrowed to ``group``) that have a report (their own or a predecessor's) in ``period``,
    under the merger ``rule``."""
    columns = ["today_id", "criterion_no", "status", "share", "reporting", "report_period", "fallback"]
    today = today_communes(con, unit, group)
    mapping = lineage.today_map(con, [int(i) for i in today["unit_id"]])
    reports = _latest_reports(con, sorted(set(mapping["unit_id"].astype(int))), period, set_id, layer)
    if reports.empty:
        return pd.DataFrame(columns=columns)
    reporting = set(reports["unit_id"].astype(int))
    ancestors = _ancestors(con)
    last_report = {int(u): pd.Timestamp(p).date() for u, p in reports.groupby("unit_id")["report_period"].max().items()}
    ended = _valid_to(con, reporting)
    used: list[tuple[int, int]] = []
    for today_id, part in mapping[mapping["unit_id"].isin(reporting)].groupby("today_id"):
        present = set(part["unit_id"].astype(int))
        # a predecessor is superseded by a later unit's report made after it ceased to exist
        superseded = {
            old
            for new in present
            for old in ancestors[new]
            if old in present and ended.get(old) is not None and last_report[new] > ended[old]
        }
        used.extend((int(today_id), u) for u in sorted(present - superseded))
    used_frame = pd.DataFrame(used, columns=["today_id", "unit_id"])
    numbers = criterion_numbers(con, set_id)
    grid = used_frame.merge(pd.DataFrame({"criterion_no": numbers}), how="cross")
    grid = grid.merge(reports, on=["unit_id", "criterion_no"], how="left")
    grid["status"] = grid["status"].fillna("not_met")
    grid["report_period"] = grid["unit_id"].map(reports.groupby("unit_id")["report_period"].max())
    pop = populations(con) if rule == "weighted" else {}
    grid["population"] = grid["unit_id"].map(pop)
    # one vectorised aggregation per (today's commune, criterion): a Python loop over the groups was too slow
    weighted = rule == "weighted"
    grid = grid.assign(
        _met=grid["status"] == "met",
        _near=grid["status"].isin(["met", "basically_met"]),
        _no_pop=grid["population"].isna(),
        _wmet=grid["population"].astype(float) * (grid["status"] == "met"),
        _pop=grid["population"].astype(float),
    )
    agg = grid.groupby(["today_id", "criterion_no"], sort=True).agg(
        all_met=("_met", "all"),
        mean_met=("_met", "mean"),
        all_near=("_near", "all"),
        n=("_met", "size"),
        report_period=("report_period", "max"),
        any_no_pop=("_no_pop", "any"),
        wsum=("_pop", "sum"),
        wmet=("_wmet", "sum"),
    )
    if agg.empty:
        return pd.DataFrame(columns=columns)
    fallback = agg["any_no_pop"] & weighted
    by_weight = weighted & ~fallback
    share = agg["mean_met"].astype(float).where(~by_weight, agg["wmet"] / agg["wsum"].where(agg["wsum"] > 0))
    met = (share >= WEIGHTED_THRESHOLD).where(by_weight, agg["all_met"])
    near = agg["all_near"].astype(bool)
    status = pd.Series("not_met", index=agg.index).mask(near, "basically_met").mask(met.astype(bool), "met")
    rows = [
        (int(t), int(no), st, float(sh), int(n), rp, bool(fb))
        for (t, no), st, sh, n, rp, fb in zip(
            agg.index, status, share, agg["n"], agg["report_period"], fallback, strict=True
        )
    ]
    return pd.DataFrame(rows, columns=columns)


def _valid_to(con: duckdb.DuckDBPyConnection, ids: set[int]) -> dict[int, date | None]:
    if not ids:
        return {}
    rows = con.execute(f"SELECT unit_id, valid_to FROM units WHERE unit_id IN ({','.join('?' * len(ids))})", list(ids))
    return {int(u): v for u, v in rows.fetchall()}


def criterion_numbers(con: duckdb.DuckDBPyConnection, set_id: str) -> list[int]:
    return [
        int(r[0])
        for r in con.execute("SELECT criterion_no FROM criteria WHERE set_id = ? ORDER BY 1", [set_id]).fetchall()
    ]


def commune_history(
    con: duckdb.DuckDBPyConnection, unit: Unit, layer: str = "self", rule: Rule = "strict"
) -> pd.DataFrame:
    """``movements.commune_history`` with the months before a merger filled in from the communes ``unit`` came
    from, under ``rule``: (period, set_id, met, statuses, upload_id, reporting, own)."""
    ancestors = lineage.ancestry(con, unit)
    columns = ["period", "set_id", "met", "statuses", "upload_id", "reporting", "own"]
    own = movements.commune_history(con, unit, layer)
    own = own.assign(statuses=own["statuses"].map(dict), reporting=1, own=True)
    if not ancestors:
        return own[columns]
    ids = [u.unit_id for u, _ in ancestors]
    ended = {u.unit_id: u.valid_to for u, _ in ancestors}
    facts = con.execute(
        f"""SELECT unit_id, period, set_id, criterion_no, status, upload_id FROM assessments
            WHERE layer = ? AND unit_id IN ({",".join("?" * len(ids))})""",
        [layer, *ids],
    ).df()
    pop = populations(con) if rule == "weighted" else {}
    back = _ancestors(con)
    numbers_of = {s: criterion_numbers(con, s) for s in facts["set_id"].unique()}
    rows = []
    own_months = {(pd.Timestamp(p), s) for p, s in zip(own["period"], own["set_id"])}
    for (period, set_id), part in facts.groupby(["period", "set_id"]):
        if (pd.Timestamp(period), set_id) in own_months:
            continue
        present = set(part["unit_id"].astype(int))
        day = pd.Timestamp(period).date()
        superseded = {o for u in present for o in back[u] if o in present and ended.get(o) and ended[o] < day}
        present -= superseded
        by_unit = {u: dict(zip(g["criterion_no"], g["status"])) for u, g in part.groupby("unit_id") if u in present}
        weights = {u: pop.get(u) for u in by_unit}
        weighted = rule == "weighted" and all(w is not None for w in weights.values())
        statuses = {}
        for no in numbers_of[set_id]:
            values = {u: s.get(no, "not_met") for u, s in by_unit.items()}
            if weighted:
                known = {u: float(w or 0) for u, w in weights.items()}
                share = sum(known[u] for u, v in values.items() if v == "met") / sum(known.values())
                met = share >= WEIGHTED_THRESHOLD
            else:
                met = all(v == "met" for v in values.values())
            near = all(v in ("met", "basically_met") for v in values.values())
            statuses[no] = "met" if met else ("basically_met" if near else "not_met")
        met_count = sum(1 for v in statuses.values() if v == "met")
        rows.append((period, set_id, met_count, statuses, int(part["upload_id"].max()), len(by_unit), False))
    before = pd.DataFrame(rows, columns=columns)
    return pd.concat([before, own[columns]], ignore_index=True).sort_values("period").reset_index(drop=True)
