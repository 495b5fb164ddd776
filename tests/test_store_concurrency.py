"""A load killed inside its transaction leaves nothing; readers and writers on one connection's cursors
see every upload whole, lose nothing and duplicate nothing."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from datetime import date

import pandas as pd

from ntm import loads, store

CHILD = """
import sys, time
import pandas as pd
from ntm import loads, store

con = store.connect({path!r})
con.execute("SET enable_progress_bar = false")  # a slow query on a busy machine would draw one on stdout
ids = [r[0] for r in con.execute("SELECT unit_id FROM units WHERE level = 'commune' ORDER BY unit_id LIMIT 2000").fetchall()]
frame = pd.DataFrame([(u, pd.Timestamp(f"2020-{{m:02d}}-01"), "ntm-2016", c, "met")
                      for u in ids for m in range(1, 7) for c in range(1, 20)],
                     columns=["unit_id", "period", "set_id", "criterion_no", "status"])


class AtCommit:
    # The real connection; at COMMIT it reports what the open transaction holds and waits to be killed.
    def __getattr__(self, name):
        return getattr(con, name)

    def execute(self, sql, *args):
        if sql == "COMMIT" and {hold}:
            inside = con.execute("SELECT count(*) FROM assessments").fetchall()[0][0]
            uploads = con.execute("SELECT count(*) FROM uploads").fetchall()[0][0]
            print("committing", inside, uploads, flush=True)
            time.sleep(120)
        return con.execute(sql, *args)


loads.load_facts(AtCommit(), frame, source="test")
print("done", flush=True)
"""
ROWS = 2_000 * 6 * 19


def counts(path) -> tuple[int, int]:
    con = store.connect(path)
    try:
        return (
            con.execute("SELECT count(*) FROM assessments").fetchall()[0][0],
            con.execute("SELECT count(*) FROM uploads").fetchall()[0][0],
        )
    finally:
        con.close()


def test_a_load_killed_inside_its_transaction_leaves_nothing(db_path):
    assert counts(db_path) == (0, 0)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD.format(path=str(db_path), hold=True)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = child.stdout.readline().split()
    # the kill lands inside the transaction: every row written, nothing committed yet
    assert line == ["committing", str(ROWS), "1"], line if line else child.stderr.read()
    child.send_signal(signal.SIGKILL)
    assert child.wait(timeout=60) == -signal.SIGKILL
    assert child.stdout.read() == ""  # it never got to "done"
    assert counts(db_path) == (0, 0)


def test_a_load_that_commits_survives_its_process(db_path):
    child = subprocess.run(
        [sys.executable, "-c", CHILD.format(path=str(db_path), hold=False)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert child.stdout.split() == ["done"], child.stderr[-2000:]
    assert counts(db_path) == (ROWS, 1)


def test_twenty_readers_and_two_uploaders_on_one_connection(con):
    communes = [r[0] for r in con.execute("SELECT unit_id FROM units WHERE level = 'commune' LIMIT 40").fetchall()]
    months = [date(2020, m, 1) for m in range(1, 7)]
    halves = (communes[:20], communes[20:])
    rounds = 6
    errors: list[BaseException] = []
    partial: list = []
    done = threading.Event()

    def upload(mine: list[int]) -> None:
        cur = con.cursor()
        try:
            for k in range(rounds):  # every round re-reports the same communes: replaced, never added twice
                facts = pd.DataFrame(
                    [
                        (u, m, "ntm-2016", c, "met" if c <= k + 5 else "not_met")
                        for u in mine
                        for m in months
                        for c in range(1, 20)
                    ],
                    columns=["unit_id", "period", "set_id", "criterion_no", "status"],
                )
                loads.load_facts(cur, facts, source="test")
        except BaseException as exc:  # reported by the test
            errors.append(exc)

    def read() -> None:
        cur = con.cursor()
        try:
            while not done.is_set():
                # a commune-month is seen whole (19 criteria, one upload) or not at all
                partial.extend(
                    cur.execute(
                        """SELECT unit_id, period FROM assessments GROUP BY unit_id, period
                           HAVING count(*) <> 19 OR count(DISTINCT criterion_no) <> 19 OR count(DISTINCT upload_id) <> 1"""
                    ).fetchall()
                )
        except BaseException as exc:  # reported by the test
            errors.append(exc)

    readers = [threading.Thread(target=read) for _ in range(20)]
    uploaders = [threading.Thread(target=upload, args=(half,)) for half in halves]
    for thread in readers + uploaders:
        thread.start()
    for thread in uploaders:
        thread.join(timeout=600)
    done.set()
    for thread in readers:
        thread.join(timeout=120)
    assert errors == [] and partial == []
    assert con.execute("SELECT count(*) FROM uploads").fetchall() == [(2 * rounds,)]
    assert con.execute(
        "SELECT count(*), count(DISTINCT (unit_id, period, criterion_no)) FROM assessments"
    ).fetchall() == [(40 * 6 * 19, 40 * 6 * 19)]
    # each commune shows its last round: criteria 1-10 met
    assert con.execute(
        "SELECT DISTINCT count(*) FILTER (WHERE status = 'met') FROM assessments GROUP BY unit_id, period"
    ).fetchall() == [(10,)]
    assert con.execute("SELECT count(*) FROM assessment_history").fetchall() == [(40 * 6 * 19 * (rounds - 1),)]
