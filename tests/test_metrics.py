"""Metrics on hand-built histories: every figure below can be checked by counting."""

import pandas as pd

from ntm import metrics, periods
from tests.helpers import commune, four_communes_reporting, report, scores_of, van_quan


def test_criteria_met_per_commune_and_unmet_lists(con):
    four_communes_reporting(con)
    s = scores_of(con, "2020-05")
    assert list(s.index) == ["Tràng Phái", "Hữu Lễ", "Tú Xuyên"]  # Tri Lễ sent no May report
    assert s.loc["Hữu Lễ", "met"] == 16
    assert s.loc["Hữu Lễ", "basically_met"] == 1
    assert list(s.loc["Hữu Lễ", "unmet"]) == [10, 11, 17]  # basically met counts as not met
    assert list(s.loc["Tú Xuyên", "unmet"]) == [2, 4, 5, 6, 9, 11, 15, 16, 17]


def test_average_and_bins(con):
    four_communes_reporting(con)
    s = scores_of(con, "2020-05")
    assert metrics.average_met(s) == (19 + 16 + 10) / 3
    dist = metrics.distribution(s.reset_index(), 19).set_index("bin")["communes"].to_dict()
    assert dist == {"19": 1, "15-18": 1, "10-14": 1, "5-9": 0, "<5": 0}
    exact = metrics.exact_distribution(s, 19)
    assert exact[19] == 1 and exact[16] == 1 and exact[10] == 1 and exact.sum() == 3


def test_a_year_counts_each_communes_latest_report(con):
    four_communes_reporting(con)
    s = scores_of(con, "2020")
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
    s = scores_of(con, "2020-05")
    assert s.loc["An Sơn", "met"] == 2 and len(s.loc["An Sơn", "unmet"]) == 17


def test_not_reported_lists_the_silent_communes(con):
    four_communes_reporting(con)
    silent = metrics.not_reported(con, van_quan(con), periods.parse("2020-05"), "ntm-2016")
    assert len(silent) == 14 - 3 and "Tri Lễ" in set(silent["name"])


def test_towns_are_not_counted(con):
    from ntm import units

    town = units.resolve(con, "Văn Quan", start=periods.parse("2020-05").start, within=van_quan(con), prefer="commune")
    report(con, town, "2020-05", met=list(range(1, 20)))
    assert scores_of(con, "2020-05").empty


def test_yearly_average_and_ranking(con):
    four_communes_reporting(con)
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
