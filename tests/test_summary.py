"""ntm/summary.py: the commune × month summary always says what the facts say, after loads and reverts."""

from __future__ import annotations

import pandas as pd

from ntm import loads, metrics, periods, store, summary
from tests.helpers import commune, report, van_quan


def from_facts(con) -> dict:
    """Each report's (met, basically met, unmet criteria) counted here in Python from the facts and the set."""
    criteria = {}
    for set_id, no in con.execute("SELECT set_id, criterion_no FROM criteria").fetchall():
        criteria.setdefault(set_id, []).append(no)
    facts: dict = {}
    for unit_id, period, set_id, layer, no, status in con.execute(
        "SELECT unit_id, period, set_id, layer, criterion_no, status FROM assessments"
    ).fetchall():
        facts.setdefault((unit_id, period, set_id, layer), {})[no] = status
    return {
        key: (
            sum(s == "met" for no, s in statuses.items() if no in criteria[key[2]]),
            sum(s == "basically_met" for no, s in statuses.items() if no in criteria[key[2]]),
            sorted(no for no in criteria[key[2]] if statuses.get(no) != "met"),
        )
        for key, statuses in facts.items()
    }


def stored(con) -> dict:
    rows = con.execute(f"SELECT unit_id, period, set_id, layer, met, basically_met, unmet FROM {summary.TABLE}")
    return {(u, p, s, layer): (met, basic, list(unmet)) for u, p, s, layer, met, basic, unmet in rows.fetchall()}


def test_one_report_is_summarised_as_a_person_counts_it(con):
    tu_xuyen = commune(con, "Tú Xuyên")
    report(con, tu_xuyen, "2020-05", met=list(range(1, 11)), basically=[11, 12])
    ((key, value),) = stored(con).items()
    assert key[0] == tu_xuyen.unit_id and str(key[1]) == "2020-05-01" and key[2:] == ("ntm-2016", "self")
    assert value == (10, 2, list(range(11, 20)))  # basically met counts as unmet


def test_the_summary_follows_loads_replacements_layers_and_reverts(con):
    tu_xuyen, luong_nang = commune(con, "Tú Xuyên"), commune(con, "Lương Năng")
    report(con, tu_xuyen, "2020-05", met=[1, 2, 3])
    report(con, luong_nang, "2020-05", met=list(range(1, 20)))
    second = report(con, tu_xuyen, "2020-05", met=[1, 2, 3, 4, 5])
    report(con, tu_xuyen, "2020-05", met=[1], layer="appraised")
    partial = loads.load_facts(  # a re-upload naming two criteria: the 17 others are now missing, so unmet
        con,
        pd.DataFrame(
            {
                "unit_id": luong_nang.unit_id,
                "period": pd.Timestamp("2020-06-01"),
                "set_id": "ntm-2016",
                "criterion_no": [1, 2],
                "status": ["met", "basically_met"],
            }
        ),
        source="test",
    )
    assert stored(con) == from_facts(con)
    assert stored(con)[(luong_nang.unit_id, periods.parse("2020-06").start, "ntm-2016", "self")] == (
        1,
        1,
        list(range(2, 20)),
    )
    loads.revert_upload(con, second)  # Tú Xuyên's May report is the first one again: 3 met
    assert stored(con) == from_facts(con)
    assert stored(con)[(tu_xuyen.unit_id, periods.parse("2020-05").start, "ntm-2016", "self")][0] == 3
    loads.revert_upload(con, partial)  # a report that did not exist before the upload disappears
    assert stored(con) == from_facts(con)
    assert (luong_nang.unit_id, periods.parse("2020-06").start, "ntm-2016", "self") not in stored(con)


def test_the_migration_builds_the_summary_of_an_existing_database(con):
    tu_xuyen = commune(con, "Tú Xuyên")
    report(con, tu_xuyen, "2020-05", met=[1, 2, 3], basically=[4])
    report(con, tu_xuyen, "2021-05", met=[1, 2, 3, 4])
    expected = from_facts(con)
    con.execute(f"DROP TABLE {summary.TABLE}")  # as a database from before version 6
    con.execute("DELETE FROM schema_version WHERE version = 6")
    store.migrate(con)
    assert stored(con) == expected and len(expected) == 2


def test_metrics_read_the_summary_and_agree_with_the_facts(sample_con):
    """On the sample: Văn Quan's May 2020 report (10,9 criteria per commune) and Tú Xuyên 10/19, as before."""
    unit = van_quan(sample_con)
    assert stored(sample_con) == from_facts(sample_con)
    scores = metrics.commune_scores(sample_con, unit, periods.parse("2020-05"), "ntm-2016")
    assert round(metrics.average_met(scores), 2) == 10.88
    row = scores.set_index("name").loc["Tú Xuyên"]
    assert row["met"] == 10 and list(row["unmet"]) == [2, 4, 5, 6, 9, 11, 15, 16, 17]


def years_from_months(con) -> dict:
    """Each (unit, year, set, layer): its latest month row's (month, met, basically met, unmet), picked in Python."""
    latest: dict = {}
    for (unit_id, period, set_id, layer), value in stored(con).items():
        key = (unit_id, period.year, set_id, layer)
        if key not in latest or latest[key][0] < period:
            latest[key] = (period, *value)
    return latest


def stored_years(con) -> dict:
    rows = con.execute(
        f"SELECT unit_id, year, set_id, layer, period, met, basically_met, unmet FROM {summary.YEAR_TABLE}"
    ).fetchall()
    return {(u, y, s, layer): (p, met, basic, list(unmet)) for u, y, s, layer, p, met, basic, unmet in rows}


def test_the_year_rows_are_each_years_latest_report_after_loads_and_reverts(con):
    tu_xuyen, luong_nang = commune(con, "Tú Xuyên"), commune(con, "Lương Năng")
    report(con, tu_xuyen, "2020-05", met=[1, 2, 3])
    report(con, luong_nang, "2020-05", met=list(range(1, 20)))
    later = report(con, tu_xuyen, "2020-11", met=[1, 2, 3, 4, 5])  # November is 2020's row for Tú Xuyên
    report(con, tu_xuyen, "2021-02", met=[1])
    key = (tu_xuyen.unit_id, 2020, "ntm-2016", "self")
    assert stored_years(con)[key][:2] == (periods.parse("2020-11").start, 5)
    assert stored_years(con) == years_from_months(con) and len(stored_years(con)) == 3
    loads.revert_upload(con, later)  # May is 2020's latest report again
    assert stored_years(con)[key][:2] == (periods.parse("2020-05").start, 3)
    assert stored_years(con) == years_from_months(con)


def test_the_migration_builds_the_year_rows_of_an_existing_database(con):
    tu_xuyen = commune(con, "Tú Xuyên")
    report(con, tu_xuyen, "2020-05", met=[1, 2, 3], basically=[4])
    report(con, tu_xuyen, "2020-08", met=[1, 2, 3, 4])
    expected = years_from_months(con)
    con.execute(f"DROP TABLE {summary.YEAR_TABLE}")  # as a database from before version 10
    con.execute("DELETE FROM schema_version WHERE version = 10")
    store.migrate(con)
    assert stored_years(con) == expected and len(expected) == 1
