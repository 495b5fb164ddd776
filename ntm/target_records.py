"""The records of targets and their progress, as they cross modules: what ``ntm.targets`` stores and
``ntm.plans`` validates, and what ``ntm.progress`` judges (read by the Targets and Profile pages,
``python -m ntm targets`` and the written report).

Frozen dataclasses with ``Literal`` fields where the values are a closed set. The JSON that
``python -m ntm targets --json`` prints is ``ProgressReport.to_json()``: the fields in the order
written here (``dataclasses.asdict``), so the order of the fields is part of that contract.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any, Literal

Level = Literal["ntm", "nang_cao", "kieu_mau"]  # in rank order: targets.LEVELS
GoalMetric = Literal["average_met", "communes_at_standard", "share_at_standard"]
PaceUnit = Literal["criteria", "communes", "points"]  # what a pace counts per month (ntm.pace_words)
Status = Literal["achieved", "on_track", "needs_acceleration", "limited", "regressing", "overdue", "no_data"]
CriterionStatus = Literal["met", "basically_met", "not_met"]  # store.STATUSES; a criterion never reported: not_met


# ---------------------------------------------------------------- rows to write (validated by ntm.plans)
@dataclass(frozen=True)
class TargetRow:
    """A commune target to write: due in ``target_month`` (its first day)."""

    unit_id: int
    level: Level
    target_month: date
    plan: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class GoalRow:
    """A unit goal to write: ``metric`` reaches ``value`` by the end of ``year``."""

    unit_id: int
    year: int
    metric: GoalMetric
    value: float
    plan: str | None = None


@dataclass(frozen=True)
class RecognitionRow:
    """A recognition decision to write (the same decision entered again replaces itself)."""

    unit_id: int
    level: Level
    decision_no: str
    decision_date: date
    issued_by: str | None = None


# ---------------------------------------------------------------- what is stored (ntm.targets)
@dataclass(frozen=True)
class Target:
    """A current commune target (``targets.current``)."""

    target_id: int
    unit_id: int
    code: str | None
    name: str
    district: str | None
    level: Level
    target_month: date
    plan: str | None
    note: str | None
    entered_at: datetime
    entered_by: str | None
    source: str


@dataclass(frozen=True)
class Goal:
    """A current unit goal (``targets.current_goals``)."""

    goal_id: int
    unit_id: int
    year: int
    metric: GoalMetric
    value: float
    plan: str | None


@dataclass(frozen=True)
class Recognition:
    """A recognition decision as the progress entries carry it (``decision_date`` as YYYY-MM-DD)."""

    level: Level
    decision_no: str
    decision_date: str
    issued_by: str | None


# ---------------------------------------------------------------- progress (ntm.progress)
@dataclass(frozen=True)
class IndicatorValue:
    """A sub-indicator of an unmet criterion and the value the report gave (None: not reported)."""

    code: str
    name_vi: str
    value: float | str | None


@dataclass(frozen=True)
class UnmetCriterion:
    """A criterion the latest report does not meet, with the department in charge."""

    criterion_no: int
    name_vi: str
    name_en: str | None
    status: CriterionStatus
    department_vi: str | None
    department_en: str | None
    indicators: list[IndicatorValue] = field(default_factory=list)

    def name(self, lang: str) -> str:
        """The criterion's name in ``lang`` (Vietnamese where the catalogue has no English name)."""
        return (self.name_en if lang == "en" else None) or self.name_vi

    def department(self, lang: str) -> str | None:
        """The department in charge, in ``lang``."""
        return self.department_en if lang == "en" else self.department_vi


@dataclass(frozen=True)
class TargetProgress:
    """One commune target judged as of a month: the target's own fields (``target_month`` as YYYY-MM),
    then gap, pace and status. Paces are per month in ``pace_unit``; None where there is nothing to say."""

    target_id: int
    unit_id: int
    code: str | None
    name: str
    district: str | None
    level: Level
    target_month: str
    plan: str | None
    note: str | None
    entered_at: datetime
    entered_by: str | None
    source: str
    as_of: str
    layer: str
    months_left: int
    pace_unit: PaceUnit
    set: str | None
    report_period: str | None
    criteria_met: int | None
    criteria_total: int | None
    unmet: list[UnmetCriterion]
    needed_pace: float | None
    observed_pace: float | None
    observed_since: str | None
    pace_ratio: float | None
    achieved_by: str | None  # "recognised" (a decision) or the layer that reports all criteria met
    recognition: Recognition | None
    status: Status


@dataclass(frozen=True)
class GoalProgress:
    """One unit goal judged as of a month: the goal's fields, then its current value, pace and status."""

    goal_id: int
    unit_id: int
    year: int
    metric: GoalMetric
    value: float
    plan: str | None
    as_of: str
    layer: str
    set: str | None
    months_left: int
    pace_unit: PaceUnit
    current: float | None
    observed_pace: float | None
    needed_pace: float | None
    pace_ratio: float | None
    status: Status


@dataclass(frozen=True)
class ReportUnit:
    code: str | None
    name: str


@dataclass(frozen=True)
class ProgressReport:
    """Every commune target and unit goal of a unit due in a year (``progress.report``)."""

    unit: ReportUnit
    year: int
    as_of: str
    layer: str
    targets: list[TargetProgress]
    goals: list[GoalProgress]
    status_counts: dict[Status, int]

    def to_json(self) -> dict[str, Any]:
        """The ``python -m ntm targets --json`` object (datetimes left for ``json.dumps(default=str)``)."""
        return asdict(self)
