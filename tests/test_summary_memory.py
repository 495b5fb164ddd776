"""The summaries kept in memory: hand-counted year figures read from the copy, and the copy kept correct (a
committed write is seen by the next call, a rolled-back one never; one build per version however many threads ask)."""

from __future__ import annotations

import threading
from datetime import date

import pandas as pd
import pytest

from ntm import metrics, periods, store, summary_memory, units
from tests.helpers import commune, four_communes_reporting, report, van_quan

YEAR = periods.parse("2020")


def _scores(con) -> pd.DataFrame:
    return metrics.commune_scores(con, van_quan(con), YEAR, "ntm-2016")


def test_a_years_figures_come_from_the_copy(con):
    four_communes_reporting(con)
    _scores(con)  # the copy is built
    built = summary_memory.summaries(con)
    assert summary_memory.summaries(con) is built  # kept: the same copy for the same version
    scores = _scores(con)
    assert list(scores["name"]) == ["Tràng Phái", "Hữu Lễ", "Tú Xuyên", "Tri Lễ"]  # met 19, 16, 10, 6
    assert list(scores["met"]) == [19, 16, 10, 6] and scores["met"].dtype == "int64"
    assert list(scores.loc[1, "unmet"]) == [10, 11, 17] and scores.loc[1, "basically_met"] == 1
    assert scores.loc[3, "report_period"] == pd.Timestamp("2020-11-01")  # Tri Lễ's latest of the year
    assert metrics.report_window(con, van_quan(con), YEAR, "ntm-2016") == (date(2020, 1, 1), date(2020, 11, 1))
    silent = metrics.not_reported(con, van_quan(con), YEAR, "ntm-2016")
    assert len(silent) == 14 - 4 and "Tri Lễ" not in set(silent["name"]) and "An Sơn" in set(silent["name"])
    assert list(silent["code"]) == sorted(silent["code"])  # ORDER BY district, code
    matrix = metrics.status_matrix(con, van_quan(con), YEAR, "ntm-2016").set_index(["name", "criterion_no"])
    assert len(matrix) == 14 * 19
    assert matrix.loc[("Hữu Lễ", 10), "status"] == "basically_met"
    assert matrix.loc[("Hữu Lễ", 11), "status"] == "not_met" and matrix.loc[("Hữu Lễ", 1), "status"] == "met"
    assert matrix.loc[("An Sơn", 1), "status"] == "no_report"
    yearly = metrics.yearly_average(con, van_quan(con)).set_index("year")
    assert yearly.loc[2020, "communes"] == 4 and yearly.loc[2020, "at_standard"] == 1
    assert yearly.loc[2020, "average_met"] == (19 + 16 + 10 + 6) / 4 and yearly.loc[2020, "n_criteria"] == 19
    province = units.resolve(con, "Lạng Sơn", start=YEAR.start)
    report(con, commune(con, "Kim Đồng", district="Tràng Định"), "2020-05", met=range(1, 18))
    ranking = metrics.district_ranking(con, province, YEAR, "ntm-2016").set_index("district")
    assert ranking.loc["Tràng Định", "average_met"] == 17 and ranking.loc["Tràng Định", "rank"] == 1
    assert ranking.loc["Văn Quan", "average_met"] == 51 / 4 and ranking.loc["Văn Quan", "rank"] == 2
    assert ranking.loc["Văn Quan", "of"] == 2


def test_a_committed_write_is_seen_by_the_next_call(con):
    four_communes_reporting(con)
    before = summary_memory.summaries(con)
    assert "An Sơn" not in set(_scores(con)["name"])
    report(con, commune(con, "An Sơn"), "2020-12", met=range(1, 13))  # a load: one transaction, committed
    assert summary_memory.summaries(con) is not before
    scores = _scores(con).set_index("name")
    assert scores.loc["An Sơn", "met"] == 12
    assert "An Sơn" not in set(metrics.not_reported(con, van_quan(con), YEAR, "ntm-2016")["name"])


def _write_then_fail(con, unit_id: int) -> list[str]:
    """A year row written inside ``store.transaction``, read back inside it, then an error: the write rolls back."""
    with store.transaction(con):
        con.execute(
            "INSERT INTO commune_year_summary VALUES (?, 2020, 'ntm-2016', 'self', DATE '2020-12-01', 19, 0, [], [], [])",
            [unit_id],
        )
        inside = list(_scores(con)["name"])  # the connection sees its own row, and keeps nothing of it
        raise RuntimeError(f"rolled back after reading {inside}")


def test_a_rolled_back_write_is_never_seen(con):
    four_communes_reporting(con)
    kept = summary_memory.summaries(con)
    with pytest.raises(RuntimeError, match="An Sơn"):  # seen inside the transaction
        _write_then_fail(con, commune(con, "An Sơn").unit_id)
    assert summary_memory.summaries(con) is kept  # nothing committed: the same copy
    assert "An Sơn" not in set(_scores(con)["name"]) and len(_scores(con)) == 4


def test_one_build_per_version_however_many_threads_ask(con, monkeypatch):
    four_communes_reporting(con)
    summary_memory.forget()
    built = []
    read = summary_memory.read

    def counted(c):
        built.append(1)
        return read(c)

    monkeypatch.setattr(summary_memory, "read", counted)
    seen, start = [], threading.Barrier(6)

    def session():
        cursor = con.cursor()
        start.wait()
        seen.append(summary_memory.summaries(cursor))
        cursor.close()

    threads = [threading.Thread(target=session) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(built) == 1 and len({id(s) for s in seen}) == 1


def test_an_empty_year_keeps_the_sql_frames(con):
    four_communes_reporting(con)
    empty = metrics.commune_scores(con, van_quan(con), periods.parse("2023"), "ntm-2016")
    assert empty.empty and list(empty.columns) == metrics.SCORE_COLUMNS
    assert metrics.report_window(con, van_quan(con), periods.parse("2023"), "ntm-2016") is None
    assert len(metrics.not_reported(con, van_quan(con), periods.parse("2023"), "ntm-2016")) == 14


def test_a_copy_read_inside_a_transaction_is_not_kept(con):
    four_communes_reporting(con)
    summary_memory.forget()  # nothing kept: the first read is the one inside the transaction
    with pytest.raises(RuntimeError, match="An Sơn"):
        _write_then_fail(con, commune(con, "An Sơn").unit_id)
    assert "An Sơn" not in set(_scores(con)["name"]) and len(_scores(con)) == 4
