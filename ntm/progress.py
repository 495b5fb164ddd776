"""Who will make it, who is slipping: gaps to targets, pace, and the progress status.

Status (Open SDG's method, as national statistics offices use it for SDG targets), from the
observed pace (criteria gained per month over the last 6-12 months of reports) divided by the
needed pace (criteria still missing per month left):

- ``achieved``: nothing missing (or a recognition decision at that level or above);
- ``on_track``: ratio ≥ 95 %;  ``needs_acceleration``: 60 % ≤ ratio < 95 %;
- ``limited``: 0 ≤ ratio < 60 % (no progress at all is limited, not regressing);
- ``regressing``: the observed pace is below 0;
- ``overdue``: the target month has come and the target is not reached;
- ``no_data``: no report against the level's criteria set, or too short a history for a pace.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import get_args

import duckdb
import pandas as pd

from ntm import catalog, metrics, pace_words, summary_answers, targets, units
from ntm.periods import Period, month, months_between, shift_months
from ntm.target_records import (  # the records, also read as targets.Target, progress.TargetProgress …
    Goal,
    GoalMetric,
    GoalProgress,
    IndicatorValue,
    ProgressReport,
    ReportUnit,
    Status,
    Target,
    TargetProgress,
    UnmetCriterion,
)

ON_TRACK, NEEDS_ACCELERATION = 0.95, 0.60
PACE_WINDOW = (3, 12)  # the observed pace compares the latest report with the earliest one 3-12 months before it
STATUSES: tuple[Status, ...] = get_args(Status)  # in the order of the docstring
SET_LEVEL = {"ntm": "commune", "nang_cao": "commune_advanced", "kieu_mau": "commune_model"}


def classify(remaining: float, months_left: int, observed: float | None) -> Status:
    """The status of a target from what is missing, the months left and the observed pace per month."""
    if remaining <= 0:
        return "achieved"
    if months_left <= 0:
        return "overdue"
    if observed is None:
        return "no_data"
    if observed < 0:
        return "regressing"
    ratio = round(observed * months_left / remaining, 9)  # observed / needed, without 0.475 / 0.5 = 0.9499…
    if ratio >= ON_TRACK:
        return "on_track"
    return "needs_acceleration" if ratio >= NEEDS_ACCELERATION else "limited"


def pace(history: pd.DataFrame, value: str = "met") -> tuple[float | None, date | None]:
    """(change per month, since when) between the last row of ``history`` (period, value) and the
    earliest row 3-12 months before it; (None, None) when there is no such row."""
    if history.empty:
        return None, None
    last = history.iloc[-1]
    lo, hi = shift_months(last["period"], -PACE_WINDOW[1]), shift_months(last["period"], -PACE_WINDOW[0])
    earlier = history[(history["period"] >= lo) & (history["period"] <= hi)]
    if earlier.empty:
        return None, None
    first = earlier.iloc[0]
    return (float(last[value]) - float(first[value])) / months_between(first["period"], last["period"]), first["period"]


def default_as_of(con: duckdb.DuckDBPyConnection, unit: units.Unit, year: int, layer: str = "self") -> date:
    """The latest month up to the end of ``year`` that has reports in ``unit`` (December when none has)."""
    latest = summary_answers.latest_month(con, unit, year, layer)  # from the year rows kept in memory
    return latest if latest is not None else date(year, 12, 1)


def _history(con: duckdb.DuckDBPyConnection, unit_id: int, level: str, as_of: date, layer: str) -> pd.DataFrame:
    """Reports of the commune against the newest set of ``level`` it reported on, up to ``as_of``."""
    return (
        con.execute(
            """WITH sets AS (SELECT set_id FROM criteria_sets WHERE level = $level),
                newest AS (SELECT a.set_id FROM commune_month_summary a JOIN sets USING (set_id)
                           WHERE a.unit_id = $u AND a.layer = $layer AND a.period <= $as_of
                           ORDER BY a.period DESC LIMIT 1)
           SELECT period, set_id, met::BIGINT AS met
           FROM commune_month_summary WHERE unit_id = $u AND layer = $layer AND period <= $as_of
             AND set_id = (SELECT set_id FROM newest)
           ORDER BY period""",  # one summary row per report (met counted at the load), not its facts grouped
            {"u": unit_id, "level": SET_LEVEL[level], "layer": layer, "as_of": as_of},
        )
        .df()
        .assign(period=lambda f: f["period"].dt.date)
    )


def _unmet(con: duckdb.DuckDBPyConnection, unit_id: int, set_id: str, period: date, layer: str) -> list[UnmetCriterion]:
    """Unmet criteria of one report, with the department in charge and the sub-indicators known."""
    crit = catalog.criteria(con, set_id)
    statuses = dict(
        con.execute(
            "SELECT criterion_no, status FROM assessments WHERE unit_id = ? AND set_id = ? AND period = ? AND layer = ?",
            [unit_id, set_id, period, layer],
        ).fetchall()
    )
    values = con.execute(
        """SELECT indicator_code, value, text_value FROM indicator_values
           WHERE unit_id = ? AND set_id = ? AND period = ? AND layer = ?""",
        [unit_id, set_id, period, layer],
    ).fetchall()
    reported = {code: (value if value is not None else text) for code, value, text in values}
    indicators = catalog.indicators(con, set_id)
    result = []
    for row in crit.itertuples():
        if statuses.get(row.criterion_no) == "met":
            continue
        mine = indicators[indicators["criterion_no"] == row.criterion_no]
        result.append(
            UnmetCriterion(
                criterion_no=int(row.criterion_no),
                name_vi=row.name_vi,
                name_en=row.name_en,
                status=statuses.get(row.criterion_no, "not_met"),
                department_vi=row.department_vi if isinstance(row.department_vi, str) else None,
                department_en=row.department_en if isinstance(row.department_en, str) else None,
                indicators=[
                    IndicatorValue(i.indicator_code, i.name_vi, reported.get(i.indicator_code))
                    for i in mine.itertuples()
                ],
            )
        )
    return result


def target_progress(con: duckdb.DuckDBPyConnection, target: Target, as_of: date, layer: str = "self") -> TargetProgress:
    """Gap, months left, needed and observed pace, and status of one commune target."""
    months_left = months_between(as_of, target.target_month)
    judged = functools.partial(
        TargetProgress,
        target_id=target.target_id,
        unit_id=target.unit_id,
        code=target.code,
        name=target.name,
        district=target.district,
        level=target.level,
        target_month=f"{target.target_month:%Y-%m}",
        plan=target.plan,
        note=target.note,
        entered_at=target.entered_at,
        entered_by=target.entered_by,
        source=target.source,
        as_of=f"{as_of:%Y-%m}",
        layer=layer,
        months_left=months_left,
        pace_unit="criteria",
    )
    history = _history(con, target.unit_id, target.level, as_of, layer)
    recognition = targets.recognition_at(con, target.unit_id, target.level, as_of)
    if history.empty:
        return judged(
            set=None,
            report_period=None,
            criteria_met=None,
            criteria_total=None,
            unmet=[],
            needed_pace=None,
            observed_pace=None,
            observed_since=None,
            pace_ratio=None,
            achieved_by="recognised" if recognition else None,
            recognition=recognition,
            status="achieved" if recognition else "no_data",
        )
    last = history.iloc[-1]
    total = metrics.n_criteria(con, last["set_id"])
    remaining = total - int(last["met"])
    observed, since = pace(history)
    needed, ratio = _needed(remaining, months_left, observed)
    status: Status = "achieved"  # a decision settles it, whatever the latest self-assessment says
    achieved_by: str | None = "recognised"
    if not recognition:
        status = classify(remaining, months_left, observed)
        achieved_by = layer if status == "achieved" else None
    return judged(
        set=last["set_id"],
        report_period=f"{last['period']:%Y-%m}",
        criteria_met=int(last["met"]),
        criteria_total=total,
        unmet=_unmet(con, target.unit_id, last["set_id"], last["period"], layer),
        needed_pace=needed,
        observed_pace=None if observed is None else round(observed, 3),
        observed_since=None if since is None else f"{since:%Y-%m}",
        pace_ratio=ratio,
        achieved_by=achieved_by,
        recognition=recognition,
        status=status,
    )


def goal_progress(con: duckdb.DuckDBPyConnection, goal: Goal, as_of: date, layer: str = "self") -> GoalProgress:
    """A unit-level goal for a year (average criteria per commune, communes or share at standard)."""
    unit = units.get(con, goal.unit_id)
    months_left = months_between(as_of, date(int(goal.year), 12, 1))
    in_force = catalog.set_for_period(con, as_of)
    judged = functools.partial(
        GoalProgress,
        goal_id=goal.goal_id,
        unit_id=goal.unit_id,
        year=goal.year,
        metric=goal.metric,
        value=goal.value,
        plan=goal.plan,
        as_of=f"{as_of:%Y-%m}",
        layer=layer,
        set=in_force,
        months_left=months_left,
        pace_unit=pace_words.unit_of(goal.metric),
    )

    def value_at(day: date) -> float | None:
        return _goal_value(con, unit, month(day), in_force, goal.metric, layer) if in_force else None

    current = value_at(as_of)
    if current is None:
        return judged(current=None, observed_pace=None, needed_pace=None, pace_ratio=None, status="no_data")
    points = [{"period": as_of, "value": current}]
    for back in range(PACE_WINDOW[1], PACE_WINDOW[0] - 1, -1):  # earliest first: the point pace() compares with
        earlier = value_at(shift_months(as_of, -back))
        if earlier is not None:
            points.insert(0, {"period": shift_months(as_of, -back), "value": earlier})
            break
    history = pd.DataFrame(points, columns=["period", "value"])
    observed, _ = pace(history, "value")
    remaining = float(goal.value) - current
    needed, ratio = _needed(remaining, months_left, observed)
    return judged(
        current=round(current, 2),
        observed_pace=None if observed is None else round(observed, 3),
        needed_pace=needed,
        pace_ratio=ratio,
        status=classify(remaining, months_left, observed),
    )


def _needed(remaining: float, months_left: int, observed: float | None) -> tuple[float | None, float | None]:
    """(needed pace per month, observed over needed), rounded; None when nothing is missing or no time is left."""
    if remaining <= 0 or months_left <= 0:
        return None, None
    needed = remaining / months_left
    return round(needed, 3), None if observed is None else round(observed / needed, 3)


def _goal_value(
    con: duckdb.DuckDBPyConnection, unit: units.Unit, period: Period, set_id: str, metric: GoalMetric, layer: str
) -> float | None:
    scores = metrics.commune_scores(con, unit, period, set_id, layer)
    if scores.empty:
        return None
    at_standard = int((scores["met"] == metrics.n_criteria(con, set_id)).sum())
    if metric == "average_met":
        return float(scores["met"].mean())
    if metric == "communes_at_standard":
        return float(at_standard)
    return 100.0 * at_standard / len(scores)


def report(
    con: duckdb.DuckDBPyConnection, unit: units.Unit, year: int, as_of: date | None = None, layer: str = "self"
) -> ProgressReport:
    """Every commune target and unit goal due in ``year`` (``to_json()``: the ``python -m ntm targets --json``
    object)."""
    as_of = as_of or default_as_of(con, unit, year, layer)
    commune_targets = [target_progress(con, t, as_of, layer) for t in targets.current(con, unit, year)]
    goals = [goal_progress(con, g, as_of, layer) for g in targets.current_goals(con, unit, year)]
    counts = {s: sum(t.status == s for t in commune_targets) for s in STATUSES}
    return ProgressReport(
        unit=ReportUnit(code=unit.code, name=unit.name),
        year=year,
        as_of=f"{as_of:%Y-%m}",
        layer=layer,
        targets=commune_targets,
        goals=goals,
        status_counts=counts,
    )
