"""Self-assessed against appraised for one commune and month."""

from datetime import date

from ntm import layers
from tests.helpers import commune, report

ALL = list(range(1, 20))


def test_self_assessed_19_appraised_18_differ_on_criterion_17(con):
    tu_xuyen = commune(con, "Tú Xuyên")
    report(con, tu_xuyen, "2020-05", ALL)
    report(con, tu_xuyen, "2020-05", [c for c in ALL if c != 17], layer="appraised")
    found = layers.results(con, tu_xuyen, date(2020, 5, 1), "ntm-2016")
    assert [(r.layer, r.met) for r in found] == [("self", 19), ("appraised", 18)]
    assert layers.disagreements(found) == (17,)
    assert (
        layers.sentence(found, date(2020, 5, 1))
        == "Tháng 5/2020: xã tự đánh giá 19, huyện thẩm định 18 tiêu chí đạt; khác nhau ở tiêu chí 17."
    )


def test_one_layer_only(con):
    tu_xuyen = commune(con, "Tú Xuyên")
    report(con, tu_xuyen, "2020-05", ALL[:10])
    assert [r.layer for r in layers.results(con, tu_xuyen, date(2020, 5, 1), "ntm-2016")] == ["self"]
