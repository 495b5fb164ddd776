import duckdb
import pandas as pd
import pytest

from ntm import loads, store
from tests.helpers import commune, report


def statuses(con, unit):
    return dict(
        con.execute(
            "SELECT criterion_no, status FROM assessments WHERE unit_id = ? ORDER BY 1", [unit.unit_id]
        ).fetchall()
    )


def test_fresh_database_is_at_the_latest_schema(tmp_path):
    con = store.connect(tmp_path / "a.duckdb")
    assert store.schema_version(con) == store.SCHEMA_VERSION
    assert store.migrate(con) == store.SCHEMA_VERSION  # running again changes nothing
    # one row per migration (versions are assigned per issue and may land in any order, so not 1..N)
    assert con.execute("SELECT count(*) FROM schema_version").fetchall()[0][0] == len(store.MIGRATIONS)


def test_migrations_apply_step_by_step(tmp_path, monkeypatch):
    con = store.connect(tmp_path / "b.duckdb", migrate_schema=False)
    assert store.migrate(con, target=1) == 1
    extra = (store.SCHEMA_VERSION + 1, ["ALTER TABLE uploads ADD COLUMN reviewed BOOLEAN DEFAULT false"])
    monkeypatch.setattr(store, "MIGRATIONS", [*store.MIGRATIONS, extra])
    assert store.migrate(con) == store.SCHEMA_VERSION + 1
    assert "reviewed" in [r[0] for r in con.execute("DESCRIBE uploads").fetchall()]


def test_a_failing_migration_leaves_the_previous_version(tmp_path, monkeypatch):
    con = store.connect(tmp_path / "c.duckdb")
    broken = (store.SCHEMA_VERSION + 1, ["CREATE TABLE half_done (x INTEGER)", "SELECT * FROM no_such_table"])
    monkeypatch.setattr(store, "MIGRATIONS", [*store.MIGRATIONS, broken])
    with pytest.raises(duckdb.CatalogException, match="no_such_table"):
        store.migrate(con)
    assert store.schema_version(con) == store.SCHEMA_VERSION
    assert not con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name='half_done'").fetchall()[0][
        0
    ]


def test_reupload_replaces_the_commune_month_whole(con):
    unit = commune(con, "Tú Xuyên")
    report(con, unit, "2020-05", met=[1, 2, 3])
    frame = pd.DataFrame(
        {
            "unit_id": unit.unit_id,
            "period": pd.Timestamp("2020-05-01"),
            "set_id": "ntm-2016",
            "criterion_no": [1, 2],
            "status": ["met", "not_met"],
        }
    )
    second = loads.load_facts(con, frame, source="test")
    assert statuses(con, unit) == {1: "met", 2: "not_met"}  # criterion 3 the new file left out is gone too
    assert (
        con.execute("SELECT count(*) FROM assessment_history WHERE superseded_by = ?", [second]).fetchall()[0][0] == 19
    )


def test_revert_brings_back_what_the_upload_replaced(con):
    unit = commune(con, "Tú Xuyên")
    report(con, unit, "2020-05", met=[1, 2, 3])
    second = report(con, unit, "2020-05", met=[1])
    assert loads.revert_upload(con, second) == 19
    assert [k for k, v in statuses(con, unit).items() if v == "met"] == [1, 2, 3]
    log = loads.uploads(con).set_index("upload_id")
    assert log.loc[second, "status"] == "reverted"
    with pytest.raises(loads.RevertRefused, match=r"store\.revert_not_loaded"):
        loads.revert_upload(con, second)


def test_a_failed_load_writes_nothing(con):
    unit = commune(con, "Tú Xuyên")
    report(con, unit, "2020-05", met=[1, 2, 3])
    before = con.execute("SELECT * FROM assessments ORDER BY ALL").fetchall()
    uploads_before = con.execute("SELECT count(*) FROM uploads").fetchall()
    frame = pd.DataFrame(
        {
            "unit_id": unit.unit_id,
            "period": pd.Timestamp("2020-05-01"),
            "set_id": ["ntm-2016", None],  # refused by the table, after the old rows went to the history
            "criterion_no": [1, 2],
            "status": ["met", "met"],
        }
    )
    with pytest.raises(duckdb.ConstraintException, match="NOT NULL"):
        loads.load_facts(con, frame, source="test")
    assert con.execute("SELECT * FROM assessments ORDER BY ALL").fetchall() == before
    assert con.execute("SELECT count(*) FROM uploads").fetchall() == uploads_before


def test_unknown_status_is_refused(con):
    frame = pd.DataFrame(
        {"unit_id": [1], "period": ["2020-05-01"], "set_id": "ntm-2016", "criterion_no": [1], "status": ["maybe"]}
    )
    with pytest.raises(ValueError, match="unknown statuses"):
        loads.load_facts(con, frame, source="test")


def test_a_second_process_is_told_the_file_is_busy(db_path):
    import subprocess
    import sys

    holder = store.connect(db_path)
    code = (
        f"from ntm import store\ntry:\n    store.connect({str(db_path)!r})\nexcept store.StoreBusy:\n    print('busy')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    holder.close()
    assert out.stdout.strip() == "busy"


def test_a_killed_load_leaves_all_or_nothing(db_path):
    """SIGKILL a process in the middle of a large load: the file holds the old rows or all the new ones."""
    import signal
    import subprocess
    import sys
    import time

    from ntm import store

    code = f"""
import numpy as np, pandas as pd, sys
from ntm import loads, store
con = store.connect({str(db_path)!r})
ids = [r[0] for r in con.execute("SELECT unit_id FROM units WHERE level = 'commune' LIMIT 10000").fetchall()]
months = pd.date_range("2000-01-01", periods=6, freq="MS")
frame = pd.DataFrame({{  # ids × 6 months × 19 criteria, built by numpy (a list of 1,1 million tuples took seconds)
    "unit_id": np.repeat(ids, 6 * 19),
    "period": np.tile(np.repeat(months, 19), len(ids)),
    "set_id": "ntm-2016",
    "criterion_no": np.tile(np.arange(1, 20), len(ids) * 6),
    "status": "met",
}})
print("ready", flush=True)
loads.load_facts(con, frame, source="test")
print("done", flush=True)
"""
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(0.3)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    # killed in the load (or, on a fast machine, after it): never a child that failed before loading anything
    assert proc.returncode in (-signal.SIGKILL, 0), proc.stderr.read()[-2000:]
    con = store.connect(db_path)
    count = con.execute("SELECT count(*) FROM assessments").fetchall()[0][0]
    uploads = con.execute("SELECT count(*) FROM uploads").fetchall()[0][0]
    con.close()
    assert (count, uploads) in ((0, 0), (10000 * 6 * 19, 1))
