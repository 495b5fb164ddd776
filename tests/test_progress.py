"""Gap, pace and progress status on hand-built histories: every category and its boundaries."""

from datetime import date

import pytest

from ntm import progress, targets, units
from tests.helpers import commune, report

ALL = list(range(1, 20))


@pytest.mark.parametrize(
    ("remaining", "months_left", "observed", "expected"),
    [
        (0, 5, None, "achieved"),  # nothing missing, whatever the pace
        (3, 0, 1.0, "overdue"),  # the target month has come
        (3, -2, 1.0, "overdue"),  # … and gone
        (3, 6, None, "no_data"),  # no pace to judge
        (10, 10, 0.95, "on_track"),  # needed 1/month: exactly 95 %
        (10, 10, 0.9499, "needs_acceleration"),
        (4, 8, 0.475, "on_track"),  # 0.475 / 0.5 = 95 % despite floating point
        (10, 10, 0.60, "needs_acceleration"),  # exactly 60 %
        (10, 10, 0.5999, "limited"),
        (10, 10, 0.0, "limited"),  # no progress is limited, not regressing
        (10, 10, -0.01, "regressing"),
        (10, 10, 3.0, "on_track"),
    ],
)
def test_classify_thresholds(remaining, months_left, observed, expected):
    assert progress.classify(remaining, months_left, observed) == expected


def _target(con, name, due: date, level="ntm"):
    unit = commune(con, name)
    targets.save_targets(
        con,
        [targets.TargetRow(unit_id=unit.unit_id, level=level, target_month=due, plan="KH 1", note=None)],
        by="test",
        source="test",
    )
    return next(t for t in targets.current(con, unit) if t.level == level)


def _history(con, name, points: dict[str, int]):
    unit = commune(con, name)
    for month, met in points.items():
        report(con, unit, month, ALL[:met], set_id="ntm-2021")


@pytest.mark.parametrize(
    ("points", "due", "status", "observed", "needed"),
    [
        ({"2024-01": 10, "2024-06": 13}, date(2025, 4, 1), "on_track", 0.6, 0.6),  # 6 left in 10 months
        ({"2024-01": 10, "2024-06": 13}, date(2024, 12, 1), "needs_acceleration", 0.6, 1.0),  # exactly 60 %
        ({"2024-01": 10, "2024-06": 11}, date(2024, 12, 1), "limited", 0.2, 1.333),
        ({"2024-01": 13, "2024-06": 13}, date(2024, 12, 1), "limited", 0.0, 1.0),
        ({"2024-01": 13, "2024-06": 12}, date(2024, 12, 1), "regressing", -0.2, 1.167),
        ({"2024-01": 13, "2024-06": 19}, date(2024, 12, 1), "achieved", 1.2, None),
        ({"2024-01": 13, "2024-06": 15}, date(2024, 6, 1), "overdue", 0.4, None),  # due this month, not reached
        ({"2024-06": 15}, date(2024, 12, 1), "no_data", None, 0.667),  # one report: no pace
    ],
)
def test_status_from_a_commune_history(con, points, due, status, observed, needed):
    _history(con, "Tú Xuyên", points)
    entry = progress.target_progress(con, _target(con, "Tú Xuyên", due), date(2024, 6, 1))
    assert entry.status == status
    assert entry.observed_pace == observed and entry.needed_pace == needed
    assert entry.criteria_met == points["2024-06"] and entry.criteria_total == 19
    assert len(entry.unmet) == 19 - points["2024-06"]


def test_unmet_criteria_carry_their_department(con):
    _history(con, "Tú Xuyên", {"2024-01": 10, "2024-06": 13})
    entry = progress.target_progress(con, _target(con, "Tú Xuyên", date(2024, 12, 1)), date(2024, 6, 1))
    unmet = {u.criterion_no: u for u in entry.unmet}
    assert sorted(unmet) == list(range(14, 20))
    assert unmet[17].name_vi.startswith("Môi trường") and unmet[17].department_vi
    assert entry.months_left == 6 and entry.observed_since == "2024-01"


def test_pace_uses_the_last_twelve_months_not_older_reports(con):
    _history(con, "Tú Xuyên", {"2022-01": 2, "2023-06": 10, "2023-12": 12, "2024-06": 13})
    entry = progress.target_progress(con, _target(con, "Tú Xuyên", date(2025, 6, 1)), date(2024, 6, 1))
    assert entry.observed_since == "2023-06" and entry.observed_pace == round(3 / 12, 3)


def test_a_commune_with_no_reports_has_no_data(con):
    entry = progress.target_progress(con, _target(con, "Tú Xuyên", date(2024, 12, 1)), date(2024, 6, 1))
    assert (entry.status, entry.criteria_met, entry.unmet) == ("no_data", None, [])


def test_a_recognition_decision_counts_as_achieved(con):
    _history(con, "Tú Xuyên", {"2024-01": 17, "2024-06": 18})
    unit = commune(con, "Tú Xuyên")
    targets.add_recognition(con, unit.unit_id, "ntm", "2415/QĐ-UBND", date(2024, 6, 20), "UBND tỉnh")
    entry = progress.target_progress(con, _target(con, "Tú Xuyên", date(2024, 12, 1)), date(2024, 6, 1))
    assert entry.status == "achieved" and entry.achieved_by == "recognised"
    assert entry.recognition.decision_no == "2415/QĐ-UBND" and entry.criteria_met == 18  # the gap stays visible
    before = progress.target_progress(con, _target(con, "Tú Xuyên", date(2024, 12, 1)), date(2024, 5, 1))
    assert before.status != "achieved"  # the decision came later


def test_an_advanced_target_reads_the_advanced_set(con):
    unit = commune(con, "Tú Xuyên")
    _history(con, "Tú Xuyên", {"2024-01": 19, "2024-06": 19})
    entry = progress.target_progress(con, _target(con, "Tú Xuyên", date(2025, 12, 1), "nang_cao"), date(2024, 6, 1))
    assert entry.status == "no_data"  # at NTM standard, but no report against nâng cao yet
    report(con, unit, "2024-01", list(range(1, 11)), set_id="nang-cao-2021")
    report(con, unit, "2024-06", list(range(1, 14)), set_id="nang-cao-2021")
    entry = progress.target_progress(con, _target(con, "Tú Xuyên", date(2025, 12, 1), "nang_cao"), date(2024, 6, 1))
    assert entry.set == "nang-cao-2021" and entry.criteria_met == 13 and entry.observed_pace == 0.6


def test_report_lists_targets_due_in_the_year_with_counts(con):
    _history(con, "Tú Xuyên", {"2024-01": 13, "2024-06": 19})
    _history(con, "Hữu Lễ", {"2024-01": 13, "2024-06": 13})
    _target(con, "Tú Xuyên", date(2024, 11, 1))
    _target(con, "Hữu Lễ", date(2024, 12, 1))
    _target(con, "Tri Lễ", date(2025, 12, 1))  # another year
    from tests.helpers import van_quan

    result = progress.report(con, van_quan(con), 2024)
    assert result.as_of == "2024-06"  # the latest month with reports
    assert [(t.name, t.status) for t in result.targets] == [("Tú Xuyên", "achieved"), ("Hữu Lễ", "limited")]
    assert result.status_counts["achieved"] == 1 and result.status_counts["limited"] == 1


def test_unit_goal_progress(con):
    from tests.helpers import van_quan

    district = van_quan(con)
    _history(con, "Tú Xuyên", {"2024-01": 10, "2024-06": 12})
    _history(con, "Hữu Lễ", {"2024-01": 14, "2024-06": 16})
    targets.save_goals(
        con,
        [targets.GoalRow(unit_id=district.unit_id, year=2024, metric="average_met", value=16)],
        by="test",
        source="test",
    )
    goal = progress.report(con, district, 2024).goals[0]
    # 12 → 14 average in 5 months (0.4/month); 2 more needed in 6 months (0.333/month): on track
    assert (goal.current, goal.observed_pace, goal.needed_pace, goal.status) == (
        14.0,
        0.4,
        0.333,
        "on_track",
    )


def test_the_default_month_is_the_latest_report_up_to_the_year_in_the_unit(con):
    """Tràng Phái reports in 5/2020 and 3/2022 (Văn Quan), Kim Đồng in 8/2021 (Tràng Định): each scope's latest month
    up to the year asked, December of that year where nothing was reported yet."""
    report(con, commune(con, "Tràng Phái"), "2020-05", met=ALL)
    report(con, commune(con, "Tràng Phái"), "2022-03", met=ALL[:12], set_id="ntm-2021")
    kim_dong = commune(con, "Kim Đồng", district="Tràng Định")
    report(con, kim_dong, "2021-08", met=ALL[:9])
    van_quan, province = commune(con, "Tràng Phái").district_id, kim_dong.province_id
    scopes = {name: units.get(con, unit_id) for name, unit_id in (("district", van_quan), ("province", province))}
    scopes |= {"commune": kim_dong, "country": units.national()}
    expected = {  # year → scope → month
        2019: {"district": date(2019, 12, 1), "province": date(2019, 12, 1), "commune": date(2019, 12, 1)},
        2020: {"district": date(2020, 5, 1), "province": date(2020, 5, 1), "commune": date(2020, 12, 1)},
        2021: {"district": date(2020, 5, 1), "province": date(2021, 8, 1), "commune": date(2021, 8, 1)},
        2023: {"district": date(2022, 3, 1), "province": date(2022, 3, 1), "commune": date(2021, 8, 1)},
    }
    for year, months in expected.items():
        months["country"] = months["province"]
        got = {name: progress.default_as_of(con, unit, year) for name, unit in scopes.items()}
        assert got == months, year
    assert progress.default_as_of(con, scopes["province"], 2023, layer="appraised") == date(2023, 12, 1)
