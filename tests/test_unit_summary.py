"""The summary record (``python -m ntm summary``) on hand-built histories, and its JSON keys as a contract."""

import dataclasses

from ntm import periods, unit_summary
from tests.helpers import four_communes_reporting, van_quan

MAY_2020 = periods.parse("2020-05")
THEN_KEYS = ["unit", "period", "set", "layer", "communes", "total_met", "average_met", "distribution"]
THEN_KEYS += ["distribution_exact", "communes_detail", "not_reported", "unit_path", "view"]


def test_the_summary_counts_the_reporting_communes(con):
    four_communes_reporting(con)
    found = unit_summary.summary(con, van_quan(con), MAY_2020, "ntm-2016")
    assert (found.communes, found.total_met, found.average_met) == (3, 19 + 16 + 10, 15.0)
    assert found.distribution == {"19": 1, "15-18": 1, "10-14": 1, "5-9": 0, "<5": 0}
    assert found.distribution_exact["16"] == 1 and sum(found.distribution_exact.values()) == 3
    assert [(c.name, c.met) for c in found.lines] == [("Tràng Phái", 19), ("Hữu Lễ", 16), ("Tú Xuyên", 10)]
    assert found.lines[1].unmet == (10, 11, 17)  # basically met counts as not met
    assert "Tri Lễ" in [m.name for m in found.not_reported]  # it reported in March and November only
    assert found.view == "then" and found.rule is None and found.level == "commune"


def test_the_json_keys_and_their_order_are_a_contract(con):
    four_communes_reporting(con)
    then = unit_summary.summary(con, van_quan(con), MAY_2020, "ntm-2016")
    shown = then.to_json()
    assert list(shown) == THEN_KEYS and shown["view"] == "then"
    assert shown["unit"] == {"code": van_quan(con).code, "name": van_quan(con).name}
    assert shown["communes_detail"][1] == {
        "code": then.lines[1].code,
        "name": "Hữu Lễ",
        "met": 16,
        "unmet": [10, 11, 17],
    }
    today = dataclasses.replace(
        then, view="today", rule="strict", lines=(dataclasses.replace(then.lines[0], predecessors=2),)
    )
    assert list(today.to_json()) == [*THEN_KEYS[:4], "view", "rule", *THEN_KEYS[4:-1]]
    assert today.to_json()["communes_detail"][0]["predecessors"] == 2
    villages = dataclasses.replace(then, view=None, level="village")
    assert list(villages.to_json()) == [*THEN_KEYS[:-1], "level"]


def test_a_period_without_reports_is_an_empty_summary(con):
    found = unit_summary.summary(con, van_quan(con), MAY_2020, "ntm-2016")
    assert (found.communes, found.total_met, found.average_met, found.lines) == (0, 0, None, ())
    assert len(found.not_reported) > 0 and set(found.distribution.values()) == {0}
