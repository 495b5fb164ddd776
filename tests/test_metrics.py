"""Metrics on hand-built histories: every figure below can be checked by counting."""

import pandas as pd

from ntm import metrics, periods
from tests.helpers import commune, report, van_quan


def build(con):
    a, b, c, d = (commune(con, n) for n in ("Tràng Phái", "Hữu Lễ", "Tú Xuyên", "Tri Lễ"))
    report(con, a, "2020-05", met=list(range(1, 20)))
    report(con, b, "2020-05", met=[n for n in range(1, 20) if n not in (10, 11, 17)], basically=[10])
    report(con, c, "2020-05", met=[1, 3, 7, 8, 10, 12, 13, 14, 18, 19])
    report(con, d, "2020-03", met=[1, 2, 3, 4])
    report(con, d, "2020-11", met=[1, 2, 3, 4, 5, 6])  # latest of the year
    return a, b, c, d


def scores(con, period, set_id="ntm-2016"):
    return metrics.commune_scores(con, van_quan(con), periods.parse(period), set_id).set_index("name")


def test_criteria_met_per_commune_and_unmet_lists(con):
    build(con)
    s = scores(con, "2020-05")
    assert list(s.index) == ["Tràng Phái", "Hữu Lễ", "Tú Xuyên"]  # Tri Lễ sent no May report
    assert s.loc["Hữu Lễ", "met"] == 16
    assert s.loc["Hữu Lễ", "basically_met"] == 1
    assert list(s.loc["Hữu Lễ", "unmet"]) == [10, 11, 17]  # basically met counts as not met
    assert list(s.loc["Tú Xuyên", "unmet"]) == [2, 4, 5, 6, 9, 11, 15, 16, 17]


def test_average_and_bins(con):
    build(con)
    s = scores(con, "2020-05")
    assert metrics.average_met(s) == (19 + 16 + 10) / 3
    dist = metrics.distribution(s.reset_index(), 19).set_index("bin")["communes"].to_dict()
    assert dist == {"19": 1, "15-18": 1, "10-14": 1, "5-9": 0, "<5": 0}
    exact = metrics.exact_distribution(s, 19)
    assert exact[19] == 1 and exact[16] == 1 and exact[10] == 1 and exact.sum() == 3


def test_a_year_counts_each_communes_latest_report(con):
    build(con)
    s = scores(con, "2020")
    assert s.loc["Tri Lễ", "met"] == 6  # November, not March, and not an average of the two
    assert metrics.average_met(s) == (19 + 16 + 10 + 6) / 4


def test_missing_criteria_count_as_not_met(con):
    unit = commune(con, "An Sơn")
    frame = pd.DataFrame(
        {
            "unit_id": unit.unit_id,
            "period": pd.Timestamp("2020-05-01"),
            "set_id": "ntm-2016",
            "criterion_no": [1, 2],
            "status": ["met", "met"],
        }
    )
    from ntm import loads

    loads.load_facts(con, frame, source="test")
    s = scores(con, "2020-05")
    assert s.loc["An Sơn", "met"] == 2 and len(s.loc["An Sơn", "unmet"]) == 17


def test_not_reported_lists_the_silent_communes(con):
    build(con)
    silent = metrics.not_reported(con, van_quan(con), periods.parse("2020-05"), "ntm-2016")
    assert len(silent) == 14 - 3 and "Tri Lễ" in set(silent["name"])


def test_unmet_criteria_carry_names_and_departments(con):
    build(con)
    long = metrics.unmet_criteria(con, scores(con, "2020-05").reset_index(), "ntm-2016")
    row = long[(long["name"] == "Tú Xuyên") & (long["criterion_no"] == 4)].iloc[0]
    assert row["criterion_vi"] == "Điện" and row["department_vi"] == "Sở Công Thương"
    assert len(long) == 3 + 9


def test_criterion_rates(con):
    build(con)
    rates = metrics.criterion_rates(con, scores(con, "2020-05").reset_index(), "ntm-2016").set_index("criterion_no")
    assert rates.loc[1, "met"] == 3 and rates.loc[1, "rate"] == 1.0
    assert rates.loc[17, "met"] == 1 and abs(rates.loc[17, "rate"] - 1 / 3) < 1e-9
    assert rates.loc[10, "met"] == 2  # Tú Xuyên meets income, Hữu Lễ only basically


def test_towns_are_not_counted(con):
    from ntm import units

    town = units.resolve(con, "Văn Quan", start=periods.parse("2020-05").start, within=van_quan(con), prefer="commune")
    report(con, town, "2020-05", met=list(range(1, 20)))
    assert scores(con, "2020-05").empty


def test_yearly_average_and_ranking(con):
    build(con)
    yearly = metrics.yearly_average(con, van_quan(con)).set_index("year")
    assert yearly.loc[2020, "communes"] == 4 and yearly.loc[2020, "at_standard"] == 1
    from ntm import units

    province = units.resolve(con, "Lạng Sơn", start=periods.parse("2020").start)
    other = commune(con, "Kim Đồng", district="Tràng Định")
    report(con, other, "2020-05", met=list(range(1, 20)))
    ranking = metrics.district_ranking(con, province, periods.parse("2020-05"), "ntm-2016").set_index("district")
    assert ranking.loc["Tràng Định", "rank"] == 1 and ranking.loc["Văn Quan", "rank"] == 2
    assert ranking.loc["Văn Quan", "of"] == 2


def test_bins_adapt_to_a_ten_criteria_set():
    assert [b[0] for b in metrics.bins(10)] == ["10", "5-9", "<5"]


def test_bottlenecks_count_the_last_mile(con):
    build(con)
    s = scores(con, "2020-05").reset_index()
    rates = metrics.criterion_rates(con, s, "ntm-2016")
    top = metrics.bottlenecks(s, rates, top=3).set_index("criterion_no")
    assert list(top.index) == [11, 17, 2]  # met by 1/3, 1/3, then the first of the 2/3 group
    assert top.loc[11, "last_mile"] == 0  # Hữu Lễ misses 3, so it is not "last mile"


def test_last_mile_counts_the_criteria_missing_most_often(con):
    from ntm import metrics, periods
    from tests.helpers import commune, report, van_quan

    all_but = lambda *missing: [c for c in range(1, 20) if c not in missing]  # noqa: E731
    report(con, commune(con, "Tú Xuyên"), "2020-05", all_but(17))
    report(con, commune(con, "Hữu Lễ"), "2020-05", all_but(10, 17))
    report(con, commune(con, "Tri Lễ"), "2020-05", all_but(10, 11, 17))  # three missing: not last mile
    scores = metrics.commune_scores(con, van_quan(con), periods.parse("2020-05"), "ntm-2016")
    near, counts = metrics.last_mile(scores)
    assert sorted(near["name"]) == ["Hữu Lễ", "Tú Xuyên"] and counts.to_dict() == {17: 2, 10: 1}


def test_regressions_since_the_previous_report(con):
    from ntm import metrics, periods
    from tests.helpers import commune, report, van_quan

    tu_xuyen = commune(con, "Tú Xuyên")
    report(con, tu_xuyen, "2020-03", [1, 2, 3, 4])
    report(con, tu_xuyen, "2020-05", [1, 3, 5])  # lost 2 and 4 (no April report: May compares with March)
    report(con, commune(con, "Hữu Lễ"), "2020-05", [1])  # a single report: nothing to compare
    lost = metrics.regressions(con, van_quan(con), periods.parse("2020-05"), "ntm-2016")
    assert list(lost["criterion_no"]) == [2, 4] and set(lost["name"]) == {"Tú Xuyên"}
    assert str(lost["previous"].iloc[0])[:7] == "2020-03"
    assert metrics.regressions(con, van_quan(con), periods.parse("2020-06"), "ntm-2016").empty  # no June report
