"""``ntm.data_version``: every path that writes changes it (cached page queries are keyed by it), reads and
refused writes leave it as it was, and two database files never share one."""

from datetime import date

import pandas as pd
import pytest

from ntm import catalog, loads, plans, store, targets, units
from ntm.data_version import data_version
from ntm.ingest.importer import import_file
from tests.helpers import commune, plan_book, real_world_sheet, report, van_quan, xlsx


def _load(con):
    return report(con, commune(con, "Tú Xuyên"), "2020-05", [1, 2])


def _catalog_edit(con):
    frame = catalog.builtin_frame()
    frame = frame[frame["set_id"] == "ntm-2016"].copy()
    frame["set_id"], frame["set_name"] = "tinh-2024", "Bộ tiêu chí của tỉnh"
    catalog.replace_sets(con, frame, "test")


WRITES = {
    "load_facts": _load,
    "import_file": lambda con: import_file(con, xlsx(real_world_sheet), "a.xlsx"),
    "revert_upload": lambda con: loads.revert_upload(con, _load(con)),
    "save_targets": lambda con: targets.save_targets(
        con,
        [
            targets.TargetRow(
                unit_id=commune(con, "Trấn Ninh").unit_id,
                level="ntm",
                target_month=date(2024, 11, 1),
                plan="KH",
                note=None,
            )
        ],
        by="test",
        source="test",
    ),
    "save_goals": lambda con: targets.save_goals(
        con,
        [targets.GoalRow(unit_id=van_quan(con).unit_id, year=2024, metric="average_met", value=13.0)],
        by="test",
        source="test",
    ),
    "add_recognition": lambda con: targets.add_recognition(
        con, commune(con, "Tràng Phái").unit_id, "ntm", "1890/QĐ-UBND", date(2018, 12, 28)
    ),
    "import_plan": lambda con: plans.import_plan(
        con, plan_book([("Trấn Ninh", "Văn Quan", "NTM", "11/2024", "KH 1", None)]), "k.xlsx"
    ),
    "catalog.replace_sets": _catalog_edit,
    "units.add_historical_unit": lambda con: units.add_historical_unit(con, "Đồng Giáp", van_quan(con)),
    "units.add_alias": lambda con: units.add_alias(con, commune(con, "Điềm He"), "Diềm He"),
}


@pytest.mark.parametrize("name", WRITES)
def test_every_write_changes_the_data_version(con, name):
    write = WRITES[name]
    before = data_version(con)
    write(con)
    assert data_version(con) != before


def test_the_write_paths_above_are_every_one_that_commits(con):
    """``transaction`` bumps the version on commit, so a write path that uses it is covered whatever it is."""
    before = data_version(con)
    with store.transaction(con):
        con.execute("UPDATE uploads SET note = 'x' WHERE false")
    assert data_version(con)[1] == before[1] + 1


def test_reads_and_refused_writes_leave_it(con):
    _load(con)
    before = data_version(con)
    con.execute("SELECT count(*) FROM assessments").fetchall()
    assert import_file(con, b"not a workbook", "x.xlsx").status == "rejected"
    assert import_file(con, xlsx(real_world_sheet), "a.xlsx", dry_run=True).status == "dry-run"
    bad = pd.DataFrame({"unit_id": [1], "period": ["2020-05-01"], "set_id": "ntm-2016", "criterion_no": [1]})
    with pytest.raises(ValueError, match="unknown statuses"):
        loads.load_facts(con, bad.assign(status="maybe"), source="test")
    assert data_version(con) == before


def test_each_database_file_has_its_own(tmp_path):
    a, b = store.connect(tmp_path / "a.duckdb"), store.connect(tmp_path / "b.duckdb")
    assert data_version(a)[0] != data_version(b)[0]
    assert data_version(a.cursor()) == data_version(a)  # the pages' cursors share their connection's
    a.close()
    b.close()


def test_a_cursor_shares_its_connections_database_without_asking_it(con):
    from ntm.data_version import cursor

    cur = cursor(con)
    assert data_version(cur) == data_version(con)
    _load(con)  # a write through the connection is seen through the cursor
    assert data_version(cur) == data_version(con)
    cur.close()  # nothing is asked of the cursor itself: a closed one still answers
    assert data_version(cur) == data_version(con)
