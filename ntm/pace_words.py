"""Paces and time left in words, with the unit of what is counted.

A commune target moves in criteria; a unit goal in the unit of its metric: the average criteria per
commune in criteria, the number of communes at standard in communes, the share at standard in
percentage points. A pace is always "per month" of that unit: "0,25 tiêu chí/tháng", "0,5 xã/tháng",
"1,2 điểm %/tháng". A deadline that has come says so instead of "còn −1 tháng".
"""

from __future__ import annotations

from ntm.i18n import fmt_number, fmt_percent, t
from ntm.target_records import GoalMetric, PaceUnit

GOAL_UNITS: dict[GoalMetric, PaceUnit] = {
    "average_met": "criteria",
    "communes_at_standard": "communes",
    "share_at_standard": "points",
}


def unit_of(metric: GoalMetric | None) -> PaceUnit:
    """The unit a goal of ``metric`` moves in; a commune target (no metric) moves in criteria."""
    return GOAL_UNITS[metric] if metric else "criteria"


def pace(value: float | None, unit: PaceUnit, lang: str = "vi") -> str:
    """ "0,25 tiêu chí/tháng"; "–" when there is no pace (nothing missing, no history, deadline passed)."""
    if value is None:
        return "–"
    return t(f"pace.{unit}", lang, value=fmt_number(value, lang, 2))


def amount(value: float | None, unit: PaceUnit, lang: str = "vi") -> str:
    """A goal's target or current value: communes whole ("3"), a share with % ("66,7 %"), criteria "14,0"."""
    if value is None:
        return "–"
    if unit == "communes":
        return fmt_number(value, lang, 0)
    if unit == "points":
        return fmt_percent(value / 100, lang)
    return fmt_number(value, lang, 1)


def time_left(months_left: int, lang: str = "vi", status: str | None = None) -> str:
    """ "còn 3 tháng" while time is left; "đến hạn tháng này" in the deadline month; "quá hạn 2 tháng" after
    it; "–" once the target is achieved (an achieved target is never overdue)."""
    if status == "achieved":
        return "–"
    if months_left > 0:
        return t("pace.months_left", lang, count=months_left)
    if months_left == 0:
        return t("pace.due_now", lang)
    return t("pace.overdue_by", lang, count=-months_left)


def method(lang: str = "vi") -> str:
    """The status method in words (Markdown), its thresholds and window read from ``ntm.progress``."""
    from ntm import progress  # progress imports this module for its units

    return t(
        "targets.method_body",
        lang,
        lo=progress.PACE_WINDOW[0],
        hi=progress.PACE_WINDOW[1],
        high=fmt_percent(progress.ON_TRACK, lang, 0),
        low=fmt_percent(progress.NEEDS_ACCELERATION, lang, 0),
        **{status: t(f"progress.{status}", lang) for status in progress.STATUSES},
    )
