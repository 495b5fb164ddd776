"""Backups (ntm/backup.py): a consistent copy keeps the last commit, restores swap the file, and a schema
migration of a database with data keeps a copy first."""

import shutil

import duckdb
import pytest

from ntm import backup, store
from tests.helpers import report, van_quan


def _last_commit(con) -> int:
    """A commit that sits in the WAL only (the file itself is not checkpointed yet)."""
    con.execute("SET checkpoint_threshold = '1GB'")
    return report(con, van_quan(con), "2020-05", [1, 2, 3])


def test_a_plain_file_copy_loses_the_last_commit_and_a_backup_keeps_it(con, db_path, tmp_path):
    upload_id = _last_commit(con)
    naive = tmp_path / "copy.duckdb"
    shutil.copy(db_path, naive)  # what "cp ntm.duckdb" does while the app runs
    copied = duckdb.connect(str(naive))
    assert copied.execute("SELECT count(*) FROM uploads").fetchall() == [(0,)]  # the commit was in the .wal
    copied.close()
    made = backup.backup(con, tmp_path / "backup.duckdb")
    assert not (tmp_path / "backup.duckdb.wal").exists()
    kept = duckdb.connect(str(made), read_only=True)
    assert kept.execute("SELECT upload_id, rows FROM uploads").fetchall() == [(upload_id, 19)]
    assert kept.execute("SELECT count(*) FROM assessments").fetchall() == [(19,)]
    kept.close()
    # sequences come along: the next upload in a restored copy does not reuse an id
    restored = store.connect(made)
    assert report(restored, van_quan(restored), "2020-06", [1]) == upload_id + 1
    restored.close()


def test_a_backup_never_overwrites_a_file(con, tmp_path):
    (tmp_path / "old.duckdb").write_bytes(b"an earlier backup")
    with pytest.raises(backup.BackupError) as refused:
        backup.backup(con, tmp_path / "old.duckdb")
    assert refused.value.key == "backup.exists"
    assert (tmp_path / "old.duckdb").read_bytes() == b"an earlier backup"


def test_restore_replaces_the_file_and_keeps_the_old_one(con, db_path, tmp_path):
    first = _last_commit(con)
    saved = backup.backup(con, tmp_path / "saved.duckdb")
    report(con, van_quan(con), "2020-06", [1])  # a later change the restore undoes
    con.close()
    kept = backup.restore(saved, db_path)
    assert kept is not None and kept.parent == db_path.parent / "backups"
    again = store.connect(db_path)
    assert again.execute("SELECT upload_id FROM uploads").fetchall() == [(first,)]
    again.close()
    old = duckdb.connect(str(kept), read_only=True)
    assert old.execute("SELECT count(*) FROM uploads").fetchall() == [(2,)]
    old.close()


def test_restore_refuses_what_is_not_a_backup(tmp_path, db_path):
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"not a database")
    with pytest.raises(backup.BackupError) as refused:
        backup.restore(junk, db_path)
    assert refused.value.key == "backup.not_database"
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    with pytest.raises(backup.BackupError):
        backup.check(empty)


def test_a_restore_while_another_process_holds_the_file_is_busy(con, db_path, tmp_path):
    saved = backup.backup(con, tmp_path / "saved.duckdb")
    import subprocess
    import sys

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb,sys,time; c=duckdb.connect({str(db_path)!r}); print('ok'); sys.stdout.flush(); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        con.close()
        assert holder.stdout.readline().strip() == "ok"
        with pytest.raises(store.StoreBusy):
            backup.restore(saved, db_path)
    finally:
        holder.kill()
        holder.wait()


def test_a_migration_of_a_database_with_data_keeps_a_backup_first(con, db_path):
    upload_id = _last_commit(con)
    access_migration = 8  # users, scopes, audit: as if made by a release before them
    con.execute("DELETE FROM schema_version WHERE version = ?", [access_migration])
    for table in ("audit", "user_scopes", "users"):
        con.execute(f"DROP TABLE {table}")
    con.execute("DROP SEQUENCE audit_id_seq")
    con.close()
    migrated = store.connect(db_path)
    assert store.schema_version(migrated) == store.SCHEMA_VERSION
    migrated.close()
    copies = list((db_path.parent / "backups").glob("ntm-v*.duckdb"))
    assert len(copies) == 1
    old = duckdb.connect(str(copies[0]), read_only=True)
    assert old.execute("SELECT upload_id FROM uploads").fetchall() == [(upload_id,)]
    assert "audit" not in {r[0] for r in old.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    old.close()


def test_a_new_or_empty_database_migrates_without_a_backup(tmp_path):
    store.connect(tmp_path / "new.duckdb").close()
    assert not (tmp_path / "backups").exists()
