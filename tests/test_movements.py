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
