"""``ntm.comparison``: which sets a period can be compared with, and per commune the criteria gained and lost,
on Văn Quan communes reporting in 2020 (2016-2020 set) and 2021-2022 (2021-2025 set), counted by hand."""

from ntm import comparison, periods
from tests.helpers import commune, report, van_quan

ALL = list(range(1, 20))
NOT_COMPARABLE = {10, 11, 12, 13, 17}  # between the 2016-2020 and 2021-2025 sets (criteria_mapping)


def test_the_sets_reported_in_a_year_or_a_month(con):
    report(con, commune(con, "Tú Xuyên"), "2020-05", ALL[:10])
    report(con, commune(con, "Tú Xuyên"), "2021-06", ALL[:12], set_id="ntm-2021")
    district = van_quan(con)
    assert comparison.sets_in(con, district, periods.parse("2020")) == ["ntm-2016"]
    assert comparison.sets_in(con, district, periods.parse("2021-06")) == ["ntm-2021"]
    assert comparison.sets_in(con, district, periods.parse("2021-07")) == []
    assert comparison.sets_in(con, district, periods.parse("2021"), layer="appraised") == []
    # the province's other communes count too: Kim Đồng (Tràng Định) is in Lạng Sơn, so Văn Quan sees its set
    report(con, commune(con, "Kim Đồng", district="Tràng Định"), "2022-03", ALL, set_id="ntm-2021")
    assert comparison.sets_in(con, district, periods.parse("2022")) == ["ntm-2021"]


def test_gained_and_lost_under_the_same_set(con):
    tu_xuyen, huu_le, tri_le = (commune(con, n) for n in ("Tú Xuyên", "Hữu Lễ", "Tri Lễ"))
    report(con, tu_xuyen, "2021-05", [n for n in ALL if n not in (2, 4, 9)], set_id="ntm-2021")
    report(con, tu_xuyen, "2022-05", [n for n in ALL if n not in (4, 5)], set_id="ntm-2021")  # gained 2, 9; lost 5
    report(con, huu_le, "2021-05", ALL, set_id="ntm-2021")
    report(con, huu_le, "2022-05", ALL, set_id="ntm-2021")  # no change
    report(con, tri_le, "2022-05", ALL[:7], set_id="ntm-2021")  # no report a year before
    changed = comparison.changes(
        con, van_quan(con), periods.parse("2021"), "ntm-2021", periods.parse("2022"), "ntm-2021"
    ).set_index("name")
    assert changed.loc["Tú Xuyên", ["met_before", "met"]].tolist() == [16, 17]
    assert changed.loc["Tú Xuyên", "gained"] == [2, 9] and changed.loc["Tú Xuyên", "lost"] == [5]
    assert changed.loc["Hữu Lễ", ["met_before", "met"]].tolist() == [19, 19]
    assert changed.loc["Hữu Lễ", "gained"] == [] and changed.loc["Hữu Lễ", "lost"] == []
    assert changed["met_before"].isna().tolist() == [name == "Tri Lễ" for name in changed.index]
    assert changed.loc["Tri Lễ", "met"] == 7 and changed.loc["Tri Lễ", "lost"] == []  # nothing to have lost


def test_across_the_set_change_only_comparable_criteria_count(con):
    tu_xuyen = commune(con, "Tú Xuyên")
    report(con, tu_xuyen, "2020-05", [n for n in ALL if n not in (3, 10, 11)])  # 2016-2020: missing 3, 10, 11
    report(con, tu_xuyen, "2021-05", [n for n in ALL if n not in (12, 14)], set_id="ntm-2021")
    district = van_quan(con)
    before = periods.parse("2020")
    before_set = comparison.counterpart_set(con, "ntm-2021", comparison.sets_in(con, district, before))
    assert before_set == "ntm-2016"
    changed = comparison.changes(con, district, before, before_set, periods.parse("2021"), "ntm-2021").iloc[0]
    comparable = 19 - len(NOT_COMPARABLE)  # 14
    # before: of the 14 comparable, 3 missing (10, 11 are not comparable) → 13; after: 14 missing (12 is not) → 13
    assert (changed["met_before"], changed["met"]) == (comparable - 1, comparable - 1)
    assert changed["gained"] == [3] and changed["lost"] == [14]
