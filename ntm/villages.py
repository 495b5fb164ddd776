"""Villages (thôn, bản, khu dân cư): the province's list, resolution of village names, and what reports count.

Villages are not in the national catalogue: a province loads its list (``ntm.village_list``) and the
villages become units of level ``village`` whose parent is their commune. A village follows its
commune through mergers: in a period where the commune no longer exists, the village belongs to the
commune's (default) successor. Village criteria sets are provincial data in the catalogue like any set
(levels ``village`` and ``village_model``); village assessments are ordinary facts on village units, so
"bình quân 7,07 tiêu chí NTM/bản", villages at standard and model by commune and district, and shares
("13/26 thôn … đạt 50%") come from the same rules as the commune figures: a village counts when it
reported in the period, with its latest report of the period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal, get_args

import duckdb
import pandas as pd

from ntm import report_catalog, unit_summary
from ntm.page_memo import once
from ntm.periods import Period, month, months_between, shift_months
from ntm.store import transaction
from ntm.target_records import Status
from ntm.units import Unit
from ntm.village_units import (  # noqa: F401 - the village lookups, re-exported for callers of this module
    _HOME,
    KIND_WORDS,
    LEVELS,
    Miss,
    count_listed,
    forget_lists,
    is_village_set,
    last_day,
    resolve_village,
    split_kind,
    villages_of,
)

GoalMetric = Literal["villages_at_standard", "villages_model", "share_at_standard", "average_met"]
GOAL_METRICS: tuple[GoalMetric, ...] = get_args(GoalMetric)


@dataclass(frozen=True)
class VillageGoal:
    """A current village goal of a unit: ``metric`` reaches ``value`` by the end of ``year``."""

    goal_id: int
    unit_id: int
    year: int
    metric: GoalMetric
    value: float
    plan: str | None


@dataclass(frozen=True)
class VillageGoalProgress:
    """A village goal judged as of a month (``as_of`` as YYYY-MM): value now, pace per month, status."""

    goal: VillageGoal
    as_of: str
    months_left: int
    current: float | None
    observed_pace: float | None
    status: Status


@dataclass(frozen=True)
class Standing:
    """Villages of a unit in a period: listed, reporting, their average, at standard and model."""

    villages: int
    reporting: int
    average_met: float | None
    n_criteria: int
    at_standard: int
    model: int
    set_id: str | None
    model_set_id: str | None

    @property
    def share_at_standard(self) -> float | None:
        """Villages at standard over the villages listed ("13/26 thôn … đạt 50%")."""
        return self.at_standard / self.villages if self.villages else None

    @property
    def share_model(self) -> float | None:
        return self.model / self.villages if self.villages else None


# ---------------------------------------------------------------- figures
def village_scores(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """One row per reporting village (its latest report of the period): met, basically_met, unmet, commune."""
    columns = ["unit_id", "code", "name", "commune", "district", "report_period", "met", "basically_met", "unmet"]
    frame = con.execute(
        f"""WITH {_HOME},
            latest AS (  -- each village's latest report: its row of the month summary (ntm/summary.py)
                SELECT a.unit_id, max(a.period) AS period FROM commune_month_summary a JOIN villages USING (unit_id)
                WHERE a.set_id = $set AND a.layer = $layer AND a.period BETWEEN $start AND $day GROUP BY 1)
            SELECT v.unit_id, v.code, v.full_name AS name, v.commune, v.district, l.period AS report_period,
                   s.met::BIGINT AS met, s.basically_met::BIGINT AS basically_met, s.unmet::INTEGER[] AS unmet
            FROM latest l JOIN villages v USING (unit_id)
            JOIN commune_month_summary s ON s.unit_id = l.unit_id AND s.period = l.period AND s.set_id = $set
                 AND s.layer = $layer
            ORDER BY met DESC, v.district, v.commune, v.full_name""",
        {
            "unit": unit.unit_id,
            "set": set_id,
            "layer": layer,
            "start": period.start,
            "day": last_day(unit, period),
        },
    ).df()
    return frame[columns] if len(frame) else pd.DataFrame(columns=columns)


def villages_not_reported(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """Villages listed in ``unit`` that sent no report under ``set_id`` in the period."""
    return con.execute(
        f"""WITH {_HOME}
            SELECT v.unit_id, v.code, v.full_name AS name, v.commune, v.district FROM villages v
            WHERE NOT EXISTS (SELECT 1 FROM commune_month_summary a WHERE a.unit_id = v.unit_id AND a.set_id = $set
                              AND a.layer = $layer AND a.period BETWEEN $start AND $day)
            ORDER BY v.district, v.commune, v.full_name""",
        {"unit": unit.unit_id, "set": set_id, "layer": layer, "start": period.start, "day": last_day(unit, period)},
    ).df()


def sets_in_force(con: duckdb.DuckDBPyConnection, day: date) -> tuple[str | None, str | None]:
    """(NTM village set, model village set) in force on ``day``."""
    return report_catalog.set_for_period(con, day, "village"), report_catalog.set_for_period(con, day, "village_model")


def _levels_frame(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str | None, model_set_id: str | None, layer
) -> pd.DataFrame:
    """Every listed village with met (NTM set), at_standard and model (a model village counts at standard too).
    One query: the list (``villages_of``) with each village's latest report of the period under either set (the
    rows ``village_scores`` reads); none when the database holds no village at all."""
    columns = ["unit_id", "name", "commune", "district", "met", "at_standard", "model"]
    if not any_village(con):
        return pd.DataFrame(columns=columns)
    listed = con.execute(
        f"""WITH {_HOME},
            latest AS (
                SELECT a.unit_id, a.set_id, max(a.period) AS period FROM commune_month_summary a
                JOIN villages USING (unit_id)
                WHERE a.set_id IN ($set, $model) AND a.layer = $layer AND a.period BETWEEN $start AND $day
                GROUP BY 1, 2),
            met AS (
                SELECT l.unit_id, l.set_id, s.met::BIGINT AS met FROM latest l
                JOIN commune_month_summary s ON s.unit_id = l.unit_id AND s.period = l.period
                     AND s.set_id = l.set_id AND s.layer = $layer)
            SELECT v.unit_id, v.full_name AS name, v.commune, v.district, m.met, k.met AS model_met FROM villages v
            LEFT JOIN met m ON m.unit_id = v.unit_id AND m.set_id = $set
            LEFT JOIN met k ON k.unit_id = v.unit_id AND k.set_id = $model
            ORDER BY v.district, v.commune_code, v.commune, v.name""",
        {
            "unit": unit.unit_id,
            "set": set_id,
            "model": model_set_id,
            "layer": layer,
            "start": period.start,
            "day": last_day(unit, period),
        },
    ).df()
    listed["met"] = listed["met"].astype(float)
    listed["at_standard"] = listed["met"] == report_catalog.n_criteria(con, set_id) if set_id else False
    listed["model"] = False
    if model_set_id:
        listed["model"] = listed["model_met"].astype(float) == report_catalog.n_criteria(con, model_set_id)
        listed["at_standard"] = listed["at_standard"] | listed["model"]
    return listed[columns]


def any_village(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the database lists any village: asked once per database file and data version (villages are
    added in ``village_list``'s transactions), so a page or draft with none pays no statement for them."""
    return report_catalog.derived(con, _any_village)


def _any_village(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute("SELECT count(*) FROM units WHERE level = 'village'").fetchall()[0][0])


def standing(
    con: duckdb.DuckDBPyConnection,
    unit: Unit,
    period: Period,
    layer: str = "self",
    set_id: str | None = None,
    model_set_id: str | None = None,
) -> Standing:
    """The unit's villages in the period, under the village sets in force unless given."""
    in_force = sets_in_force(con, last_day(unit, period))
    set_id, model_set_id = set_id or in_force[0], model_set_id or in_force[1]
    n_criteria = report_catalog.n_criteria(con, set_id) if set_id else 0
    if not any_village(con):  # what the empty frame gives, without building it
        return Standing(0, 0, None, n_criteria, 0, 0, set_id, model_set_id)
    frame = once(_levels_frame, con, unit, period, set_id, model_set_id, layer)  # standing and standing_by
    reporting = frame["met"].notna()
    return Standing(
        villages=len(frame),
        reporting=int(reporting.sum()),
        average_met=float(frame.loc[reporting, "met"].mean()) if reporting.any() else None,
        n_criteria=n_criteria,
        at_standard=int(frame["at_standard"].sum()),
        model=int(frame["model"].sum()),
        set_id=set_id,
        model_set_id=model_set_id,
    )


def standing_by(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, by: str = "commune", layer: str = "self"
) -> pd.DataFrame:
    """Per commune (or district): villages listed, reporting, average met, at standard, model, shares."""
    assert by in ("commune", "district")
    set_id, model_set_id = sets_in_force(con, last_day(unit, period))
    frame = once(_levels_frame, con, unit, period, set_id, model_set_id, layer)  # standing and standing_by
    keys = ["district", "commune"] if by == "commune" else ["district"]
    if frame.empty:
        return pd.DataFrame(columns=[*keys, "villages", "reporting", "average_met", "at_standard", "model", "share"])
    grouped = (
        frame.groupby(keys, dropna=False)
        .agg(
            villages=("unit_id", "size"),
            reporting=("met", "count"),
            average_met=("met", "mean"),
            at_standard=("at_standard", "sum"),
            model=("model", "sum"),
        )
        .reset_index()
    )
    grouped["share"] = grouped["at_standard"] / grouped["villages"]
    return grouped.sort_values([*keys]).reset_index(drop=True)


def summary(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self"
) -> unit_summary.Summary:
    """``summary --level village``: the commune summary, counting villages ("communes" are villages)."""
    found = village_scores(con, unit, period, set_id, layer)
    missing = villages_not_reported(con, unit, period, set_id, layer)
    return unit_summary.summarise(con, unit, period, set_id, layer, found, missing, view=None, level="village")


# ---------------------------------------------------------------- goals ("13/26 thôn đạt chuẩn (50%) đến hết năm 2020")
def set_goal(
    con: duckdb.DuckDBPyConnection,
    unit: Unit,
    year: int,
    metric: GoalMetric,
    value: float,
    plan: str | None = None,
    by: str | None = None,
) -> int:
    """Record a village goal of ``unit`` for ``year``; an earlier goal of the same metric becomes history."""
    if metric not in GOAL_METRICS:
        raise ValueError(f"unknown village goal {metric!r}")
    now = datetime.now()
    with transaction(con):  # its commit bumps the data version: pages cached on it read the new goal
        con.execute(
            """UPDATE village_goals SET superseded_at = ?
               WHERE unit_id = ? AND year = ? AND metric = ? AND superseded_at IS NULL""",
            [now, unit.unit_id, year, metric],
        )
        goal_id = con.execute("SELECT nextval('village_goal_id_seq')").fetchall()[0][0]
        con.execute(
            "INSERT INTO village_goals VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)",
            [goal_id, unit.unit_id, year, metric, float(value), plan, now, by],
        )
    return int(goal_id)


def goals(con: duckdb.DuckDBPyConnection, unit: Unit, year: int) -> list[VillageGoal]:
    rows = con.execute(
        """SELECT goal_id, unit_id, year, metric, value, plan FROM village_goals
           WHERE unit_id = ? AND year = ? AND superseded_at IS NULL ORDER BY metric""",
        [unit.unit_id, year],
    ).fetchall()
    return [VillageGoal(*r) for r in rows]


def _goal_value(s: Standing, metric: GoalMetric) -> float | None:
    if not s.reporting:
        return None
    return {
        "villages_at_standard": float(s.at_standard),
        "villages_model": float(s.model),
        "share_at_standard": None if s.share_at_standard is None else 100.0 * s.share_at_standard,
        "average_met": s.average_met,
    }[metric]


def goal_progress(
    con: duckdb.DuckDBPyConnection, unit: Unit, goal: VillageGoal, as_of: date, layer: str = "self"
) -> VillageGoalProgress:
    """A village goal judged like a commune goal: value now, pace against 3-12 months earlier, status."""
    from ntm import progress

    months_left = months_between(as_of, date(int(goal.year), 12, 1))
    current = _goal_value(standing(con, unit, month(as_of), layer), goal.metric)
    if current is None:
        return VillageGoalProgress(goal, f"{as_of:%Y-%m}", months_left, None, None, "no_data")
    points = [{"period": as_of, "value": current}]
    for back in range(progress.PACE_WINDOW[1], progress.PACE_WINDOW[0] - 1, -1):
        day = shift_months(as_of, -back)
        earlier = _goal_value(standing(con, unit, month(day), layer), goal.metric)
        if earlier is not None:
            points.insert(0, {"period": day, "value": earlier})
            break
    observed, _ = progress.pace(pd.DataFrame(points, columns=["period", "value"]), "value")
    status = progress.classify(float(goal.value) - current, months_left, observed)
    return VillageGoalProgress(goal, f"{as_of:%Y-%m}", months_left, round(current, 2), observed, status)
