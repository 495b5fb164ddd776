"""Paces carry the unit of what their goal counts; a passed deadline says so (no "còn −1 tháng")."""

from datetime import date

import pandas as pd

from ntm import charts, pace_words, progress, targets
from ntm.cli_targets import format_targets
from tests.helpers import commune, report, van_quan

ALL = list(range(1, 20))


def test_pace_in_the_unit_of_its_goal():
    assert pace_words.pace(0.25, "criteria") == "0,25 tiêu chí/tháng"
    assert pace_words.pace(0.2, "communes") == "0,20 xã/tháng"
    assert pace_words.pace(6.667, "points") == "6,67 điểm %/tháng"
    assert pace_words.pace(0.2, "communes", "en") == "0.20 communes/month"
    assert pace_words.pace(None, "points") == "–"
    assert (pace_words.amount(3.0, "communes"), pace_words.amount(66.667, "points")) == ("3", "66,7 %")
    assert pace_words.amount(14.0, "criteria", "en") == "14.0"
    assert pace_words.unit_of("share_at_standard") == "points"
    assert pace_words.unit_of("communes_at_standard") == "communes"
    assert pace_words.unit_of("average_met") == "criteria"
    assert pace_words.unit_of(None) == "criteria"  # a commune target


def test_time_left_never_negative():
    assert pace_words.time_left(3) == "còn 3 tháng"
    assert pace_words.time_left(0) == "đến hạn tháng này"
    assert pace_words.time_left(-1) == "quá hạn 1 tháng"
    assert pace_words.time_left(1, "en") == "1 month left"
    assert pace_words.time_left(-2, "en") == "2 months overdue"
    assert pace_words.time_left(-2, "vi", "achieved") == "–"  # an achieved target is not overdue


def _setup(con):
    """Three communes of Văn Quan: Tú Xuyên at standard throughout, Hữu Lễ reaches it by 6/2024, Tri Lễ stays at 13."""
    for name, points in {"Tú Xuyên": (19, 19), "Hữu Lễ": (13, 19), "Tri Lễ": (13, 13)}.items():
        unit = commune(con, name)
        for month, met in zip(("2024-01", "2024-06"), points, strict=True):
            report(con, unit, month, ALL[:met], set_id="ntm-2021")
    district = van_quan(con)
    targets.save_goals(
        con,
        [
            targets.GoalRow(unit_id=district.unit_id, year=2024, metric="communes_at_standard", value=3),
            targets.GoalRow(unit_id=district.unit_id, year=2024, metric="share_at_standard", value=100),
        ],
        by="test",
        source="test",
    )
    tri_le = commune(con, "Tri Lễ")
    targets.save_targets(
        con,
        [targets.TargetRow(unit_id=tri_le.unit_id, level="ntm", target_month=date(2024, 3, 1), plan="KH 1", note=None)],
        by="test",
        source="test",
    )
    return district


def test_goal_paces_in_communes_and_points_and_the_overdue_target(con):
    result = progress.report(con, _setup(con), 2024)
    assert result.as_of == "2024-06"
    goals = {g.metric: g for g in result.goals}
    # communes at standard 1 → 2 in 5 months: 0,2 xã/tháng; 1 more needed in 6 months: 0,17 xã/tháng
    count = goals["communes_at_standard"]
    assert (count.pace_unit, count.observed_pace, count.needed_pace) == ("communes", 0.2, 0.167)
    # share 33,3 % → 66,7 % in 5 months: 6,67 points/month; 33,3 points needed in 6 months: 5,56
    share = goals["share_at_standard"]
    assert (share.pace_unit, share.observed_pace, share.needed_pace) == ("points", 6.667, 5.556)
    (target,) = result.targets
    assert (target.pace_unit, target.months_left, target.status) == ("criteria", -3, "overdue")

    text = format_targets(result, "vi")
    assert "0,20 xã/tháng" in text and "0,17 xã/tháng" in text
    assert "6,67 điểm %/tháng" in text and "5,56 điểm %/tháng" in text
    assert "66,7 %" in text and "100,0 %" in text and "3,0" not in text  # a count of communes is whole
    assert "quá hạn 3 tháng" in text and "−" not in text and "-3" not in text
    assert "tiêu chí/tháng" not in text.split("Tri Lễ")[0]  # no goal row is in criteria
    english = format_targets(result, "en")
    assert "0.20 communes/month" in english and "3 months overdue" in english


def test_last_mile_axis_counts_whole_communes():
    fig = charts.last_mile_bar(pd.Series({2: 1, 5: 2}), {2: "Điện", 5: "Trường học"}, "Về đích", "vi")
    assert fig.layout.xaxis.dtick == 1 and fig.layout.xaxis.tickformat == ",d"
    many = charts.last_mile_bar(pd.Series({2: 30, 5: 12}), {}, "Về đích", "vi")
    assert many.layout.xaxis.dtick is None and many.layout.xaxis.tickformat == ",d"


def test_the_status_method_in_words_names_every_status_and_its_thresholds():
    from ntm.i18n import t

    for lang, high, low in (("vi", "95 %", "60 %"), ("en", "95%", "60%")):
        text = pace_words.method(lang)
        assert "Open SDG" in text and "3-12" in text and high in text and low in text
        assert all(t(f"progress.{s}", lang) in text for s in progress.STATUSES)
    assert "xã/tháng" in pace_words.method("vi") and "điểm %/tháng" in pace_words.method("vi")
