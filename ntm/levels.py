"""Standard, advanced (nâng cao) and model (kiểu mẫu) levels side by side, and rankings as reports state them.

- "2,82 tiêu chí NTM nâng cao/xã": the average over the communes the figure counts, with that basis
  stated: every commune that reported against the nâng cao set (``reported``), or only those that meet the
  NTM set in the period (``at_standard``);
- a commune (village) is at a level when its latest report of the period meets every criterion of the
  level's set in force; a model commune counts at the lower levels too;
- "đứng thứ 24 trong 27 huyện … có số xã hoàn thành": districts (provinces) ranked by communes at standard,
  as well as by the average.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

import duckdb
import pandas as pd

from ntm import metrics, report_catalog, summary_answers, units, villages
from ntm.page_memo import once, shared
from ntm.periods import Period, parse
from ntm.units import Unit

Basis = Literal["reported", "at_standard"]
Kind = Literal["commune", "village"]
LEVELS = ("standard", "advanced", "model")
SET_LEVELS: dict[str, dict[str, str]] = {  # criteria_sets.level of each level's set
    "commune": {"standard": "commune", "advanced": "commune_advanced", "model": "commune_model"},
    "village": {"standard": "village", "model": "village_model"},
}


@dataclass(frozen=True)
class Advanced:
    """Nâng cao scores of the communes the figure counts, and how they were chosen."""

    set_id: str | None
    basis: Basis
    scores: pd.DataFrame  # metrics.commune_scores columns
    n_criteria: int
    at_standard: int  # communes meeting the NTM set in the period (the pool nâng cao is built on)

    @property
    def average(self) -> float | None:
        return metrics.average_met(self.scores)


@dataclass(frozen=True)
class LevelCount:
    level: str
    count: int | None  # None: no set of this level for the kind (advanced villages), or no report of it
    base: int  # communes (xã) valid in the period, or villages listed
    set_id: str | None

    @property
    def share(self) -> float | None:
        return None if self.count is None or not self.base else self.count / self.base


def level_set(con: duckdb.DuckDBPyConnection, kind: Kind, level: str, day: date) -> str | None:
    wanted = SET_LEVELS[kind].get(level)
    return report_catalog.set_for_period(con, day, wanted) if wanted else None


def _assessed_sets(con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, layer: str) -> frozenset[str]:
    """The sets any commune of ``unit`` reported under in ``period`` (its rows of the year or month summary)."""
    if period.is_year:  # the year rows kept in memory
        return summary_answers.sets_in_scope(con, unit.unit_id, period.year, layer)
    rows = con.execute(  # the scope's xã by their ids alone (ntm/unit_scopes.py: one filtered scan, no OR)
        """SELECT DISTINCT a.set_id FROM commune_month_summary a WHERE a.period = $key AND a.layer = $layer
            AND a.unit_id IN (SELECT unit_id FROM unit_scopes WHERE scope_id = $unit)""",
        {"unit": unit.unit_id, "key": period.start, "layer": layer},
    ).fetchall()
    return frozenset(r[0] for r in rows)


def assessed(con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str | None, layer: str) -> bool:
    """Whether any commune of ``unit`` reported under ``set_id`` in ``period`` (one query per page for every set)."""
    return set_id is not None and set_id in once(_assessed_sets, con, unit, period, layer)


def _scores(con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str) -> pd.DataFrame:
    """``metrics.commune_scores``; for a set no commune of the unit reported under in the period (most provinces
    assess no nâng cao or kiểu mẫu set), its empty frame without running the query."""
    if not assessed(con, unit, period, set_id, layer):
        return _NO_SCORES.copy()  # a copy of one empty frame: building it costs 0,2 ms, a draft asked five times
    return once(metrics.commune_scores, con, unit, period, set_id, layer)


_NO_SCORES = pd.DataFrame(columns=metrics.SCORE_COLUMNS)


def _at_all(con, unit: Unit, period: Period, set_id: str | None, layer: str) -> set[int]:
    """Communes whose latest report of the period meets every criterion of ``set_id``."""
    if not set_id or not assessed(con, unit, period, set_id, layer):
        return set()
    scores = _scores(con, unit, period, set_id, layer)
    n = report_catalog.n_criteria(con, set_id)  # plain values: a mask and .loc cost ~1 ms a call
    return {int(u) for u, met in zip(scores["unit_id"].tolist(), scores["met"].tolist()) if met == n}


def advanced(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, layer: str = "self", basis: Basis = "reported"
) -> Advanced:
    """The nâng cao picture: scores of the communes counted (see ``basis``), their number and the set."""
    set_id = level_set(con, "commune", "advanced", period.end)
    standard = _at_all(con, unit, period, level_set(con, "commune", "standard", period.end), layer)
    if set_id is None:
        return Advanced(None, basis, pd.DataFrame(columns=["unit_id", "name", "met", "unmet"]), 0, len(standard))
    scores = _scores(con, unit, period, set_id, layer)
    if basis == "at_standard":
        scores = scores[scores["unit_id"].isin(standard)].reset_index(drop=True)
    return Advanced(set_id, basis, scores, report_catalog.n_criteria(con, set_id), len(standard))


def model_conditions(con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, layer: str = "self") -> pd.DataFrame:
    """Per commune assessed against the kiểu mẫu conditions: conditions met and the unmet ones with names."""
    set_id = level_set(con, "commune", "model", period.end)
    columns = ["unit_id", "name", "district", "met", "n", "unmet", "unmet_names"]
    if set_id is None:
        return pd.DataFrame(columns=columns)
    scores = _scores(con, unit, period, set_id, layer)
    names = {c.criterion_no: c.name_vi for c in report_catalog.criteria(con, set_id)}
    scores["n"] = report_catalog.n_criteria(con, set_id)
    scores["unmet_names"] = scores["unmet"].map(lambda lst: [f"{c}. {names.get(c, '')}" for c in lst])
    return scores[columns]


def _communes_base(con, unit: Unit, period: Period, set_id: str | None, layer: str) -> int:
    if not set_id:
        return 0
    reported = once(metrics.commune_scores, con, unit, period, set_id, layer)
    return len(reported) + len(once(metrics.not_reported, con, unit, period, set_id, layer))


def level_counts(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, kind: Kind = "commune", layer: str = "self"
) -> list[LevelCount]:
    """Standard, advanced, model: how many communes (villages) are at each, over the communes (villages)
    of the unit. A unit at a higher level counts at the lower ones."""
    day = period.end
    if kind == "village":
        s = villages.standing(con, unit, period, layer)
        return [
            LevelCount("standard", s.at_standard if s.set_id else None, s.villages, s.set_id),
            LevelCount("advanced", None, s.villages, None),
            LevelCount("model", s.model if s.model_set_id else None, s.villages, s.model_set_id),
        ]
    with shared():  # the standard scores count the base and the communes at standard: one query
        sets = {level: level_set(con, "commune", level, day) for level in LEVELS}
        base = _communes_base(con, unit, period, sets["standard"], layer)
        reached = {level: _at_all(con, unit, period, sets[level], layer) for level in LEVELS}
    reached["advanced"] |= reached["model"]
    reached["standard"] |= reached["advanced"]
    return [LevelCount(level, len(reached[level]) if sets[level] else None, base, sets[level]) for level in LEVELS]


def level_trend(
    con: duckdb.DuckDBPyConnection, unit: Unit, kind: Kind = "commune", layer: str = "self"
) -> pd.DataFrame:
    """Year by year (each unit's latest report in the year): count and share at each level."""
    level_filter = "c.level = 'village'" if kind == "village" else "c.level = 'commune'"
    eras = units.same_unit(con, unit)  # a province followed across the 2025 reform: its rows sharing its code
    same = [u.unit_id for u in eras]
    years = [
        r[0]
        for r in con.execute(
            f"""SELECT DISTINCT a.year::BIGINT FROM commune_year_summary a JOIN units c USING (unit_id)
                JOIN units p ON p.unit_id = c.parent_id
                WHERE {level_filter} AND a.layer = ?
                  AND list_has_any([c.unit_id, c.parent_id, c.district_id, c.province_id, p.district_id],
                                   ?::INTEGER[]) ORDER BY 1""",
            [layer, same],
        ).fetchall()
    ]
    rows = []
    with shared():  # a year's standard scores serve its base and its standard count (computed once)
        for year in years:
            for count in level_counts(con, _valid_in(eras, year, unit), parse(str(year)), kind, layer):
                rows.append(
                    {"year": year, "level": count.level, "count": count.count, "base": count.base, "share": count.share}
                )
    return pd.DataFrame(rows, columns=["year", "level", "count", "base", "share"])


def _valid_in(eras: list[Unit], year: int, unit: Unit) -> Unit:
    """Of a unit's rows across the reform (``units.same_unit``), the one valid on 1 December of ``year`` (Lạng Sơn
    before and after 7/2025); ``unit`` itself when none is."""
    day = date(year, 12, 1)
    for era in eras:
        if (era.valid_from is None or era.valid_from <= day) and (era.valid_to is None or era.valid_to >= day):
            return era
    return unit


# ---------------------------------------------------------------- rankings
def _rank(frame: pd.DataFrame, label: str, by: str) -> pd.DataFrame:
    """Rank ``frame`` by ``by`` ("at_standard" or "average_met"), the other one breaking ties in the order only."""
    other = "average_met" if by == "at_standard" else "at_standard"
    frame = frame.sort_values([by, other, label], ascending=[False, False, True]).reset_index(drop=True)
    frame["rank"] = frame[by].rank(method="min", ascending=False).astype(int)
    frame["rank_average"] = frame["average_met"].rank(method="min", ascending=False).astype(int)
    frame["rank_standard"] = frame["at_standard"].rank(method="min", ascending=False).astype(int)
    frame["of"] = len(frame)
    return frame


def rank_districts(
    con: duckdb.DuckDBPyConnection,
    province: Unit,
    period: Period,
    set_id: str,
    layer: str = "self",
    by: Literal["at_standard", "average_met"] = "at_standard",
) -> pd.DataFrame:
    """Districts of a province: communes, average, communes at standard, rank by ``by`` (and both ranks)."""
    ranked = metrics.district_ranking(con, province, period, set_id, layer)
    if ranked.empty:
        return ranked.assign(rank_average=pd.Series(dtype=int), rank_standard=pd.Series(dtype=int))
    return _rank(ranked.drop(columns=["rank", "of"]), "district", by)


def rank_provinces(
    con: duckdb.DuckDBPyConnection,
    period: Period,
    set_id: str,
    layer: str = "self",
    by: Literal["at_standard", "average_met"] = "at_standard",
) -> pd.DataFrame:
    """Every province with reports in the period (the national view), ranked like districts."""
    n = metrics.n_criteria(con, set_id)
    frame = con.execute(
        """WITH live AS (SELECT unit_id, province_id FROM units c
                         WHERE c.level = 'commune' AND c.kind = 'Xã'
                           AND (c.valid_to IS NULL OR c.valid_to >= $end)
                           AND (c.valid_from IS NULL OR c.valid_from <= $end)),
                latest AS (SELECT a.unit_id, max(a.period) AS period FROM assessments a JOIN live USING (unit_id)
                           WHERE a.set_id = $set AND a.layer = $layer AND a.period BETWEEN $start AND $end
                           GROUP BY 1),
                met AS (SELECT l.unit_id, count(*) FILTER (WHERE a.status = 'met') AS met
                        FROM latest l JOIN assessments a ON a.unit_id = l.unit_id AND a.period = l.period
                             AND a.set_id = $set AND a.layer = $layer GROUP BY 1)
           SELECT p.short_name AS province, count(*) AS communes, avg(m.met) AS average_met,
                  count(*) FILTER (WHERE m.met = $n) AS at_standard
           FROM met m JOIN live USING (unit_id) JOIN units p ON p.unit_id = live.province_id
           GROUP BY 1""",
        {"set": set_id, "layer": layer, "start": period.start, "end": period.end, "n": n},
    ).df()
    if frame.empty:
        return frame
    return _rank(frame, "province", by)


def rank_words(ranked: pd.DataFrame, district: str) -> dict[str, int | str]:
    """The parameters of "X đứng thứ 24/27 huyện về số xã đạt chuẩn (n xã)" for one district of ``ranked``."""
    row = ranked.set_index("district").loc[district]
    return {
        "district": district,
        "rank": int(row["rank_standard"]),
        "of": int(row["of"]),
        "count": int(row["at_standard"]),
        "rank_average": int(row["rank_average"]),
    }
