"""What moved between reports, on hand-built histories."""

from ntm import movements, periods
from tests.helpers import commune, report, van_quan


def test_regressions_since_the_previous_report(con):
    tu_xuyen = commune(con, "Tú Xuyên")
    report(con, tu_xuyen, "2020-03", [1, 2, 3, 4])
    report(con, tu_xuyen, "2020-05", [1, 3, 5])  # lost 2 and 4 (no April report: May compares with March)
    report(con, commune(con, "Hữu Lễ"), "2020-05", [1])  # a single report: nothing to compare
    lost = movements.regressions(con, van_quan(con), periods.parse("2020-05"), "ntm-2016")
    assert list(lost["criterion_no"]) == [2, 4] and set(lost["name"]) == {"Tú Xuyên"}
    assert str(lost["previous"].iloc[0])[:7] == "2020-03"
    assert movements.regressions(con, van_quan(con), periods.parse("2020-06"), "ntm-2016").empty  # no June report


def test_a_years_regressions_compare_its_latest_report_with_the_one_just_before(con):
    tu_xuyen, huu_le, tri_le = commune(con, "Tú Xuyên"), commune(con, "Hữu Lễ"), commune(con, "Tri Lễ")
    report(con, tu_xuyen, "2021-11", [1, 2, 3])
    report(con, tu_xuyen, "2022-02", [1, 2, 3, 4])  # the year's earlier month: the previous report of September
    report(con, tu_xuyen, "2022-09", [2, 3])  # lost 1 and 4 against February, not against November
    report(con, huu_le, "2020-06", [5, 6, 7])
    report(con, huu_le, "2021-03", [5, 6])  # 2021's latest: the one before 2022's only report
    report(con, huu_le, "2022-04", [5])  # lost 6 against 2021 (7 was lost before)
    report(con, tri_le, "2022-05", [1])  # its first report: nothing to compare
    lost = movements.regressions(con, van_quan(con), periods.parse("2022"), "ntm-2016")
    pairs = sorted(zip(lost["name"], lost["criterion_no"], (str(p)[:7] for p in lost["previous"])))
    assert pairs == [("Hữu Lễ", 6, "2021-03"), ("Tú Xuyên", 1, "2022-02"), ("Tú Xuyên", 4, "2022-02")]
    assert {str(p)[:7] for p in lost["latest"]} == {"2022-04", "2022-09"}
