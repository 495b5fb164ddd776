"""A small merger by hand: Cao Lộc's Bình Trung and Xuân Long and Văn Quan's Khánh Khê went into the
new Khánh Khê (which kept the old Khánh Khê's code, so its former district is Văn Quan) on 1/7/2025 (3 old communes → 1 new); Đồng Giáp went into the old Khánh Khê on 1/1/2021 (a merger the province
enters). Figures in both views, under the strict and the population-weighted rule."""

from __future__ import annotations

from datetime import date

import pytest

from ntm import history, lineage, periods, store, today_view, units
from ntm.history import Lens
from tests.helpers import commune, report, van_quan

TODAY = Lens("today")
WEIGHTED = Lens("today", "weighted")


@pytest.fixture
def merger(con):
    olds = [commune(con, "Bình Trung", "Cao Lộc"), commune(con, "Xuân Long", "Cao Lộc"), commune(con, "Khánh Khê")]
    new = lineage.successors_today(con, olds[2])
    assert len(new) == 1 and all(lineage.successors_today(con, o) == new for o in olds)
    return olds, new[0]


def _province(con, day):
    return units.resolve(con, "Lạng Sơn", start=day)


def test_the_three_predecessors_are_found_back_from_the_new_commune(con, merger):
    _olds, new = merger
    assert sorted(u.short_name for u in lineage.predecessors(con, new)) == ["Bình Trung", "Khánh Khê", "Xuân Long"]
    assert new.valid_from == date(2025, 7, 1) and new.valid_to is None


def test_then_view_keeps_the_old_communes_today_view_has_one(con, merger):
    (a, b, c), new = merger
    report(con, a, "2024-12", [1, 2, 3, 4], set_id="ntm-2021")
    report(con, b, "2024-12", [1, 2, 3], set_id="ntm-2021")
    report(con, c, "2024-12", [1, 2, 5], set_id="ntm-2021")
    year = periods.parse("2024")
    then = history.scores(con, _province(con, date(2024, 12, 1)), year, "ntm-2021")
    assert sorted(then["name"]) == ["Bình Trung", "Khánh Khê", "Xuân Long"]
    assert sorted(history.scores(con, van_quan(con), year, "ntm-2021")["name"]) == ["Khánh Khê"]
    assert sorted(then["met"]) == [3, 3, 4]
    today = history.scores(con, van_quan(con), year, "ntm-2021", lens=TODAY)
    assert list(today["name"]) == ["Khánh Khê"] and today.at[0, "unit_id"] == new.unit_id
    # strict: only 1 and 2 were met by every predecessor
    assert today.at[0, "met"] == 2 and today.at[0, "predecessors"] == 3
    assert today.at[0, "unmet"][:3] == [3, 4, 5]
    assert today.at[0, "district"] == "Văn Quan"  # the former district


def test_a_predecessor_that_did_not_report_is_left_out(con, merger):
    (a, b, _c), _ = merger
    report(con, a, "2024-06", [1, 2, 3], set_id="ntm-2021")
    report(con, b, "2024-06", [1, 2, 3, 4], set_id="ntm-2021")
    today = history.scores(con, van_quan(con), periods.parse("2024-06"), "ntm-2021", lens=TODAY)
    assert today.at[0, "met"] == 3 and today.at[0, "predecessors"] == 2
    missing = history.not_reported(con, van_quan(con), periods.parse("2024-06"), "ntm-2021", lens=TODAY)
    assert "Khánh Khê" not in set(missing["name"])


def test_weighted_rule_counts_a_criterion_met_by_most_of_the_population(con, merger):
    (a, b, c), _ = merger
    report(con, a, "2024-12", [1, 2], set_id="ntm-2021")
    report(con, b, "2024-12", [1], set_id="ntm-2021")
    report(con, c, "2024-12", [1, 2, 3], set_id="ntm-2021")
    year = periods.parse("2024")
    for unit, people in ((a, 1000), (b, 2000), (c, 7000)):
        con.execute("INSERT INTO unit_populations VALUES (?, ?, 2024, 'test', now())", [unit.unit_id, people])
    strict = history.scores(con, van_quan(con), year, "ntm-2021", lens=TODAY)
    weighted = history.scores(con, van_quan(con), year, "ntm-2021", lens=WEIGHTED)
    assert strict.at[0, "met"] == 1  # only criterion 1 everywhere
    # criterion 2: 1000 + 7000 of 10000 (80 %) → met; criterion 3: 7000 (70 %) → met
    assert weighted.at[0, "met"] == 3 and not weighted.at[0, "fallback"]
    long = today_view.today_statuses(con, van_quan(con), year, "ntm-2021", rule="weighted").set_index("criterion_no")
    assert long.at[2, "share"] == pytest.approx(0.8) and long.at[3, "share"] == pytest.approx(0.7)
    con.execute("DELETE FROM unit_populations WHERE unit_id = ?", [b.unit_id])
    fallback = history.scores(con, van_quan(con), year, "ntm-2021", lens=WEIGHTED)
    assert fallback.at[0, "fallback"] and fallback.at[0, "met"] == 1  # strict, and it says so


def test_after_the_merger_the_new_communes_own_reports_replace_the_predecessors(con, merger):
    (a, b, c), new = merger
    for old in (a, b, c):
        report(con, old, "2025-06", [1, 2, 3], set_id="ntm-2021")
    report(con, new, "2025-12", list(range(1, 11)), set_id="ntm-2021")
    year = periods.parse("2025")
    today = history.scores(con, _province(con, date(2025, 12, 1)), year, "ntm-2021", lens=TODAY)
    row = today[today["unit_id"] == new.unit_id].iloc[0]
    assert row["met"] == 10 and row["predecessors"] == 1


def test_an_earlier_merger_entered_by_the_user_is_followed_to_today(con, merger):
    (_a, _b, c), new = merger
    dong_giap = units.add_historical_unit(con, "Đồng Giáp", van_quan(con), valid_to=date(2020, 12, 31))
    lineage.add_merger(con, dong_giap, c, date(2021, 1, 1))
    assert lineage.successors_today(con, dong_giap) == [new]
    assert {u.short_name for u, _ in lineage.ancestry(con, new)} >= {"Đồng Giáp", "Khánh Khê"}
    report(con, dong_giap, "2020-05", [1, 2])
    report(con, c, "2020-05", [1, 2, 3])
    today = history.scores(con, van_quan(con), periods.parse("2020-05"), "ntm-2016", lens=TODAY)
    assert today.at[0, "unit_id"] == new.unit_id and today.at[0, "met"] == 2 and today.at[0, "predecessors"] == 2
    with pytest.raises(lineage.MergerError):
        lineage.add_merger(con, c, dong_giap, date(2021, 1, 1))  # backwards


def test_status_matrix_in_the_today_view(con, merger):
    (a, _b, c), new = merger
    report(con, a, "2024-12", [1, 2], set_id="ntm-2021")
    report(con, c, "2024-12", [1], set_id="ntm-2021")
    matrix = history.status_matrix(con, van_quan(con), periods.parse("2024"), "ntm-2021", lens=TODAY)
    mine = matrix[matrix["unit_id"] == new.unit_id].set_index("criterion_no")["status"]
    assert mine[1] == "met" and mine[2] == "not_met" and len(mine) == 19
    others = matrix[matrix["unit_id"] != new.unit_id]
    assert set(others["status"]) == {"no_report"}  # the other communes now on Văn Quan's territory


def test_recognition_does_not_carry_over_the_merger(con, merger):
    from ntm import recognition_merger, targets

    (_a, _b, c), new = merger
    with store.transaction(con):  # as every write of decisions (targets.add_recognition): the kept ones are read again
        con.execute(
            "INSERT INTO recognitions VALUES (1, ?, 'ntm', '12/QĐ-UBND', DATE '2019-12-26', 'UBND tỉnh', now())",
            [c.unit_id],
        )
    province = _province(con, date(2025, 9, 1))
    across = recognition_merger.counts(con, province, date(2025, 9, 30))
    assert across.now["ntm"] == 0  # the new Khánh Khê starts unrecognised
    assert across.before_merger["ntm"] == 1 and across.merger_day == date(2025, 6, 30)
    before = recognition_merger.counts(con, _province(con, date(2024, 12, 1)), date(2024, 12, 31))
    assert before.now["ntm"] == 1 and before.before_merger is None
    decided = recognition_merger.predecessor_decisions(con, new)
    assert [(d.commune, d.decision_no) for d in decided] == [("Khánh Khê", "12/QĐ-UBND")]
    with store.transaction(con):
        con.execute(
            "INSERT INTO recognitions VALUES (2, ?, 'ntm', '99/QĐ-UBND', DATE '2025-11-20', 'UBND tỉnh', now())",
            [new.unit_id],
        )
    assert recognition_merger.counts(con, province, date(2025, 12, 31)).now["ntm"] == 1
    assert targets.recognised_counts(con, province, date(2025, 10, 31))["ntm"] == 0


def test_former_district_grouping_holds_the_communes_now_on_its_territory(con, merger):
    from ntm import groupings

    (a, _b, c), new = merger
    province = _province(con, date(2025, 9, 1))
    found = {g.name: g for g in groupings.former_district_groupings(con, province)}
    assert new.unit_id in found["Văn Quan"].members and new.unit_id not in found["Cao Lộc"].members
    assert found["Văn Quan"].kind == "former_district" and found["Văn Quan"].key == "d:184"
    report(con, new, "2025-09", [1, 2, 3], set_id="ntm-2021")
    lens = Lens("then", group=found["Văn Quan"])
    scores = history.scores(con, province, periods.parse("2025-09"), "ntm-2021", lens=lens)
    assert list(scores["name"]) == ["Khánh Khê"] and scores.at[0, "district"] == "Văn Quan"
    # before the reform the same grouping holds the old communes the new ones came from
    report(con, c, "2024-09", [1, 2], set_id="ntm-2021")
    report(con, a, "2024-09", [1], set_id="ntm-2021")
    old = history.scores(con, _province(con, date(2024, 9, 1)), periods.parse("2024-09"), "ntm-2021", lens=lens)
    assert set(old["name"]) == {"Khánh Khê", "Bình Trung"}


def test_a_user_grouping_filters_every_view(con, merger):
    from ntm import groupings

    (a, _b, c), _new = merger
    province = _province(con, date(2025, 9, 1))
    cluster = groupings.save(con, province, "Cụm biên giới", ["Khánh Khê", "Văn Quan"], kind="cluster")
    assert len(cluster.members) == 2 and [g.name for g in groupings.user_groupings(con, province)] == ["Cụm biên giới"]
    report(con, a, "2024-12", [1, 2], set_id="ntm-2021")
    report(con, c, "2024-12", [1, 2, 3], set_id="ntm-2021")
    lens = Lens("today", group=cluster)
    scores = history.scores(con, province, periods.parse("2024"), "ntm-2021", lens=lens)
    assert list(scores["name"]) == ["Khánh Khê"] and scores.at[0, "met"] == 2
    assert set(history.not_reported(con, province, periods.parse("2024"), "ntm-2021", lens=lens)["name"]) == {
        "Văn Quan"
    }
    with pytest.raises(groupings.GroupingError):
        groupings.save(con, province, "Cụm 2", ["Không Có Xã Này"])
    assert groupings.remove(con, province, "Cụm biên giới") and not groupings.user_groupings(con, province)


def test_a_trend_crossing_three_sets_shows_each_break(con, merger):
    from ntm import comparison, crosswalk

    (a, _b, c), new = merger
    report(con, c, "2021-12", list(range(1, 15)))  # 14/19 under 2016-2020
    report(con, a, "2021-12", list(range(1, 11)))
    report(con, c, "2023-12", list(range(1, 13)), set_id="ntm-2021")
    report(con, new, "2026-03", [1, 2, 3, 4], set_id="ntm-2026", n=10)
    province = _province(con, date(2026, 3, 1))
    trend = history.yearly(con, province, lens=TODAY)
    assert list(zip(trend["year"], trend["set_id"])) == [(2021, "ntm-2016"), (2023, "ntm-2021"), (2026, "ntm-2026")]
    assert list(trend["n_criteria"]) == [19, 19, 10]
    assert crosswalk.breaks(trend) == [(2023, "ntm-2016", "ntm-2021"), (2026, "ntm-2021", "ntm-2026")]
    # across 2016 → 2021 only the comparable criteria count: 14 of them, 10/11/12/13/17 left out
    pairs = crosswalk.comparable(con, "ntm-2016", "ntm-2021")
    assert len(pairs) == 14 and {10, 11, 12, 13, 17}.isdisjoint(a for a, _ in pairs)
    yoy = comparison.year_on_year(
        con, province, periods.parse("2023"), "ntm-2021", lens=TODAY, earlier=periods.parse("2021")
    )
    assert yoy.earlier_set == "ntm-2016" and yoy.sets.crosses and yoy.at_standard_before is None
    # strict: the new commune met 1-10 in 2021 (every predecessor); of the comparable ones: 1-9 → 9
    assert yoy.sets.average_before == 9 and yoy.sets.average_after == 9  # 1-9 of 1-12 (10-12 not comparable)
    none = comparison.year_on_year(
        con, province, periods.parse("2026"), "ntm-2026", lens=TODAY, earlier=periods.parse("2023")
    )
    assert none.earlier_set is None  # no comparable criteria between 2021-2025 and 2026-2030
