"""ntm/summary.py, migration 11: each report's basically met and missing criteria are listed on its summary rows
(month and year), follow loads and reverts, and give the heatmap and a commune's history the facts' statuses."""

from __future__ import annotations

import pandas as pd

from ntm import loads, metrics, movements, periods, store, summary
from tests.helpers import commune, report, van_quan


def lists(con, table: str = summary.TABLE) -> dict:
    key = "period" if table == summary.TABLE else "year"
    rows = con.execute(f"SELECT unit_id, {key}, basically, missing FROM {table}").fetchall()
    return {(u, k): (list(b), list(m)) for u, k, b, m in rows}


def partial_report(con, unit, month: str, statuses: dict[int, str]) -> int:
    """A report naming only some criteria: the others are missing from it."""
    frame = pd.DataFrame(
        {
            "unit_id": unit.unit_id,
            "period": pd.Timestamp(month + "-01"),
            "set_id": "ntm-2016",
            "criterion_no": list(statuses),
            "status": list(statuses.values()),
        }
    )
    return loads.load_facts(con, frame, source="test")


def test_a_report_lists_its_basically_met_and_missing_criteria(con):
    tu_xuyen = commune(con, "Tú Xuyên")
    report(con, tu_xuyen, "2020-05", met=[1, 2, 3], basically=[4, 7])
    partial_report(con, tu_xuyen, "2020-06", {1: "met", 2: "basically_met", 3: "not_met"})
    may, june = periods.parse("2020-05").start, periods.parse("2020-06").start
    assert lists(con)[(tu_xuyen.unit_id, may)] == ([4, 7], [])
    assert lists(con)[(tu_xuyen.unit_id, june)] == ([2], list(range(4, 20)))  # 16 criteria not in the report
    assert lists(con, summary.YEAR_TABLE)[(tu_xuyen.unit_id, 2020)] == ([2], list(range(4, 20)))  # June: 2020's row


def test_the_lists_follow_a_revert(con):
    tu_xuyen = commune(con, "Tú Xuyên")
    report(con, tu_xuyen, "2020-05", met=[1], basically=[2])
    again = report(con, tu_xuyen, "2020-05", met=[1, 2], basically=[3, 4])
    key = (tu_xuyen.unit_id, periods.parse("2020-05").start)
    assert lists(con)[key] == ([3, 4], [])
    loads.revert_upload(con, again)
    assert lists(con)[key] == ([2], []) and lists(con, summary.YEAR_TABLE)[(tu_xuyen.unit_id, 2020)] == ([2], [])


def test_migration_11_fills_the_lists_of_an_existing_database(con):
    tu_xuyen = commune(con, "Tú Xuyên")
    report(con, tu_xuyen, "2020-05", met=[1, 2], basically=[5])
    expected = lists(con), lists(con, summary.YEAR_TABLE)
    for table in (summary.TABLE, summary.YEAR_TABLE):  # as a database from before version 11
        con.execute(f"ALTER TABLE {table} DROP COLUMN basically")
        con.execute(f"ALTER TABLE {table} DROP COLUMN missing")
    con.execute("DELETE FROM schema_version WHERE version = 11")
    store.migrate(con)
    assert (lists(con), lists(con, summary.YEAR_TABLE)) == expected


def test_the_heatmap_and_the_history_give_the_statuses_of_the_facts(con):
    tu_xuyen = commune(con, "Tú Xuyên")
    report(con, tu_xuyen, "2020-05", met=[1, 2, 3], basically=[4])
    partial_report(con, tu_xuyen, "2020-06", {1: "met", 2: "basically_met", 3: "not_met"})
    history = movements.commune_history(con, tu_xuyen)
    assert list(history["met"]) == [3, 1]
    may, june = (dict(s) for s in history["statuses"])
    assert may[1] == "met" and may[4] == "basically_met" and may[5] == "not_met" and len(may) == 19
    assert june == {1: "met", 2: "basically_met", 3: "not_met"}  # what the report said, nothing more
    matrix = metrics.status_matrix(con, tu_xuyen, periods.parse("2020-06"), "ntm-2016").set_index("criterion_no")
    assert matrix.loc[[1, 2, 3, 4], "status"].tolist() == ["met", "basically_met", "not_met", "not_met"]


def test_on_the_sample_the_heatmap_matches_the_facts(sample_con):
    unit = van_quan(sample_con)
    matrix = metrics.status_matrix(sample_con, unit, periods.parse("2020-05"), "ntm-2016")
    facts = {
        (u, c): s
        for u, c, s in sample_con.execute(
            """SELECT unit_id, criterion_no, status FROM assessments
               WHERE period = DATE '2020-05-01' AND set_id = 'ntm-2016' AND layer = 'self'"""
        ).fetchall()
    }
    reported = matrix[matrix["status"] != "no_report"]
    assert len(reported) > 100
    assert all(facts.get((r.unit_id, r.criterion_no), "not_met") == r.status for r in reported.itertuples())
