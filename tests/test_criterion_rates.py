"""Per-criterion figures on hand-built histories (``tests.helpers.four_communes_reporting``): count them."""

from ntm import criterion_rates, metrics, periods
from tests.helpers import commune, four_communes_reporting, report, scores_of, van_quan


def test_unmet_criteria_carry_names_and_departments(con):
    four_communes_reporting(con)
    long = criterion_rates.unmet_criteria(con, scores_of(con, "2020-05").reset_index(), "ntm-2016")
    row = long[(long["name"] == "Tú Xuyên") & (long["criterion_no"] == 4)].iloc[0]
    assert row["criterion_vi"] == "Điện" and row["department_vi"] == "Sở Công Thương"
    assert len(long) == 3 + 9


def test_criterion_rates(con):
    four_communes_reporting(con)
    rates = criterion_rates.criterion_rates(con, scores_of(con, "2020-05").reset_index(), "ntm-2016").set_index(
        "criterion_no"
    )
    assert rates.loc[1, "met"] == 3 and rates.loc[1, "rate"] == 1.0
    assert rates.loc[17, "met"] == 1 and abs(rates.loc[17, "rate"] - 1 / 3) < 1e-9
    assert rates.loc[10, "met"] == 2  # Tú Xuyên meets income, Hữu Lễ only basically


def test_bottlenecks_count_the_last_mile(con):
    four_communes_reporting(con)
    s = scores_of(con, "2020-05").reset_index()
    rates = criterion_rates.criterion_rates(con, s, "ntm-2016")
    top = criterion_rates.bottlenecks(s, rates, top=3).set_index("criterion_no")
    assert list(top.index) == [11, 17, 2]  # met by 1/3, 1/3, then the first of the 2/3 group
    assert top.loc[11, "last_mile"] == 0  # Hữu Lễ misses 3, so it is not "last mile"


def test_last_mile_counts_the_criteria_missing_most_often(con):
    all_but = lambda *missing: [c for c in range(1, 20) if c not in missing]  # noqa: E731
    report(con, commune(con, "Tú Xuyên"), "2020-05", all_but(17))
    report(con, commune(con, "Hữu Lễ"), "2020-05", all_but(10, 17))
    report(con, commune(con, "Tri Lễ"), "2020-05", all_but(10, 11, 17))  # three missing: not last mile
    scores = metrics.commune_scores(con, van_quan(con), periods.parse("2020-05"), "ntm-2016")
    near, counts = criterion_rates.last_mile(scores)
    assert sorted(near["name"]) == ["Hữu Lễ", "Tú Xuyên"] and counts.to_dict() == {17: 2, 10: 1}
