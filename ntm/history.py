"""Figures read in one of two views, so that history stays comparable across mergers.

- "then" (Theo đơn vị lúc đó): the units as they were in the period — old communes and districts before
  1/7/2025 — exactly what ``ntm.metrics`` computes.
- "today" (Theo xã hiện nay): a period's reports re-aggregated onto today's communes. A commune of today
  meets a criterion in a month before its merger
  * under the strict rule, only if every predecessor that reported met it;
  * under the population-weighted rule, if the predecessors that met it hold at least half the population
    of those that reported (``unit_populations``); a commune with a reporting predecessor of unknown
    population falls back to the strict rule, and says so (``fallback``).
  A report is superseded by a later unit's report in the same period (2025: the new communes' own reports
  from 7/2025 replace their predecessors' of 1-6/2025, as a year's value is its latest report).

Both views can be narrowed to a grouping (a former district, a cluster): ``Lens.group``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Literal

import duckdb
import pandas as pd

from ntm import groupings, lineage, metrics, units
from ntm.groupings import Grouping
from ntm.periods import Period
from ntm.units import NEW_ERA_START, Unit

View = Literal["then", "today"]
Rule = Literal["strict", "weighted"]
VIEWS: tuple[str, ...] = ("then", "today")
RULES: tuple[str, ...] = ("strict", "weighted")
WEIGHTED_THRESHOLD = 0.5
SCORE_COLUMNS = ["unit_id", "code", "name", "district", "report_period", "met", "basically_met", "unmet"]


@dataclass(frozen=True)
class Lens:
    """How figures are read: the view, the merger rule (today view) and an optional grouping."""

    view: View = "then"
    rule: Rule = "strict"
    group: Grouping | None = None


THEN = Lens()


# ---------------------------------------------------------------- today's communes of a scope
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
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self", lens: Lens = THEN
) -> pd.DataFrame:
    """Long (today_id, criterion_no, status, share, reporting, report_period, fallback) for today's communes
    of ``unit`` that have a report (their own or a predecessor's) in ``period``."""
    columns = ["today_id", "criterion_no", "status", "share", "reporting", "report_period", "fallback"]
    today = today_communes(con, unit, lens.group)
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
    numbers = _numbers(con, set_id)
    grid = used_frame.merge(pd.DataFrame({"criterion_no": numbers}), how="cross")
    grid = grid.merge(reports, on=["unit_id", "criterion_no"], how="left")
    grid["status"] = grid["status"].fillna("not_met")
    grid["report_period"] = grid["unit_id"].map(reports.groupby("unit_id")["report_period"].max())
    pop = populations(con) if lens.rule == "weighted" else {}
    grid["population"] = grid["unit_id"].map(pop)
    # one vectorised aggregation per (today's commune, criterion): a Python loop over the groups was too slow
    weighted = lens.rule == "weighted"
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


def _numbers(con: duckdb.DuckDBPyConnection, set_id: str) -> list[int]:
    return [
        int(r[0])
        for r in con.execute("SELECT criterion_no FROM criteria WHERE set_id = ? ORDER BY 1", [set_id]).fetchall()
    ]


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


def scores(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self", lens: Lens = THEN
) -> pd.DataFrame:
    """``metrics.commune_scores`` in the lens's view; the today view adds ``predecessors`` and ``fallback``."""
    if lens.view == "then":
        found = metrics.commune_scores(con, unit, period, set_id, layer)
        return _narrow(_with_former_district(con, unit, found), con, lens.group)
    long = today_statuses(con, unit, period, set_id, layer, lens)
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
        found = metrics.status_matrix(con, unit, period, set_id, layer)
        return _narrow(_with_former_district(con, unit, found), con, lens.group)
    today = today_communes(con, unit, lens.group)
    long = today_statuses(con, unit, period, set_id, layer, lens)
    numbers = _numbers(con, set_id)
    grid = today.merge(pd.DataFrame({"criterion_no": numbers}), how="cross")
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
        found = metrics.not_reported(con, unit, period, set_id, layer)
        return _narrow(_with_former_district(con, unit, found), con, lens.group)
    today = today_communes(con, unit, lens.group)
    long = today_statuses(con, unit, period, set_id, layer, lens)
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
) -> dict:
    """``python -m ntm summary --json`` in the lens's view: with "today" a period before a merger is reported
    on today's communes (``communes_detail`` lists them, with how many predecessors reported)."""
    if lens.view == "then" and lens.group is None:
        return {**metrics.summary(con, unit, period, set_id, layer), "view": "then"}
    found = scores(con, unit, period, set_id, layer, lens)
    n = metrics.n_criteria(con, set_id)
    avg = metrics.average_met(found)
    missing = not_reported(con, unit, period, set_id, layer, lens)
    return {
        "unit": {"code": unit.code, "name": unit.name},
        "period": period.text,
        "set": set_id,
        "layer": layer,
        "view": lens.view,
        "rule": lens.rule,
        "communes": len(found),
        "total_met": int(found["met"].sum()) if len(found) else 0,
        "average_met": None if avg is None else round(avg, 2),
        "distribution": {row.bin: int(row.communes) for row in metrics.distribution(found, n).itertuples()},
        "distribution_exact": {str(k): int(v) for k, v in metrics.exact_distribution(found, n).items()},
        "communes_detail": [
            {
                "code": r.code if isinstance(r.code, str) else None,
                "name": r.name,
                "met": int(r.met),
                "unmet": [int(x) for x in r.unmet],
                **({"predecessors": int(r.predecessors)} if "predecessors" in found else {}),
            }
            for r in found.itertuples()
        ],
        "not_reported": [
            {"code": r.code if isinstance(r.code, str) else None, "name": r.name} for r in missing.itertuples()
        ],
        "unit_path": units.describe(con, unit),
    }


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
    ranked = (
        found.groupby("district")
        .agg(communes=("met", "size"), average_met=("met", "mean"), at_standard=("met", lambda s: int((s == n).sum())))
        .reset_index()
        .sort_values(["average_met", "district"], ascending=[False, True])
        .reset_index(drop=True)
    )
    ranked["rank"] = ranked["average_met"].rank(method="min", ascending=False).astype(int)
    ranked["of"] = len(ranked)
    return ranked[columns]


def commune_history(
    con: duckdb.DuckDBPyConnection, unit: Unit, layer: str = "self", rule: Rule = "strict"
) -> pd.DataFrame:
    """``metrics.commune_history`` with the months before a merger filled in from the communes ``unit`` came
    from, under ``rule``: (period, set_id, met, statuses, upload_id, reporting, own)."""
    ancestors = lineage.ancestry(con, unit)
    columns = ["period", "set_id", "met", "statuses", "upload_id", "reporting", "own"]
    own = metrics.commune_history(con, unit, layer)
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
    numbers_of = {s: _numbers(con, s) for s in facts["set_id"].unique()}
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
