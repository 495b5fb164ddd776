"""Backups and restores of the DuckDB file.

A backup is ``COPY FROM DATABASE`` into a fresh DuckDB file: one consistent snapshot, taken on the
connection that already holds the file, so the app can take one while it serves (DuckDB lets only one
process open the file). Copying ``ntm.duckdb`` with ``cp`` is not a backup: the last commits may
still sit in ``ntm.duckdb.wal``. A restore checks the copy, keeps a backup of the file it replaces,
then swaps the files while no one holds them.
"""

from __future__ import annotations

import os
import secrets
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from ntm import store


class BackupError(RuntimeError):
    """A backup or restore that cannot be done: ``key`` and ``params`` say why."""

    def __init__(self, key: str, **params: Any):
        from ntm.i18n import t

        super().__init__(t(key, **params))
        self.key = key
        self.params = params


def _quoted_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def backup(con: duckdb.DuckDBPyConnection, out: str | os.PathLike) -> Path:
    """Write a consistent copy of the database ``con`` is connected to into the new file ``out``."""
    target = Path(out)
    if target.exists():
        raise BackupError("backup.exists", path=str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    part.unlink(missing_ok=True)
    alias = "ntm_backup_" + secrets.token_hex(4)
    cur = con.cursor()
    try:
        source = cur.execute("SELECT current_database()").fetchall()[0][0]
        cur.execute(f"ATTACH {_quoted_path(part)} AS {alias}")
        try:
            cur.execute(f'COPY FROM DATABASE "{source.replace(chr(34), chr(34) * 2)}" TO {alias}')
        finally:
            cur.execute(f"DETACH {alias}")  # detaching checkpoints: the copy is one self-contained file
    except BaseException:
        part.unlink(missing_ok=True)
        Path(str(part) + ".wal").unlink(missing_ok=True)
        raise
    finally:
        cur.close()
    os.replace(part, target)
    return target


def backup_bytes(con: duckdb.DuckDBPyConnection, workdir: str | os.PathLike) -> bytes:
    """A backup as bytes (the app's download button); the temporary file is removed."""
    path = Path(workdir) / f"ntm-backup-{secrets.token_hex(6)}.duckdb"
    try:
        return backup(con, path).read_bytes()
    finally:
        path.unlink(missing_ok=True)


def default_name(stem: str = "ntm") -> str:
    return f"{stem}-{datetime.now():%Y%m%d-%H%M%S}.duckdb"


def _database_file(con: duckdb.DuckDBPyConnection) -> Path | None:
    rows = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchall()
    return Path(rows[0][0]) if rows and rows[0][0] else None


def before_migration(con: duckdb.DuckDBPyConnection, version: int) -> Path | None:
    """Keep a copy of a file-backed database with data before its schema changes (``backups/`` beside it)."""
    path = _database_file(con)
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if path is None or "units" not in tables:
        return None
    if not con.execute("SELECT (SELECT count(*) FROM units) + (SELECT count(*) FROM uploads)").fetchall()[0][0]:
        return None
    return backup(con, path.parent / "backups" / default_name(f"{path.stem}-v{version}"))


def check(path: str | os.PathLike) -> int:
    """The schema version of a backup file, or BackupError when it is not one of ours."""
    source = Path(path)
    if not source.is_file():
        raise BackupError("backup.no_file", path=str(source))
    try:
        con = duckdb.connect(str(source), read_only=True)
    except duckdb.Error as exc:
        raise BackupError("backup.not_database", path=str(source)) from exc
    try:
        version = store.schema_version(con)
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    finally:
        con.close()
    if not version or not {"uploads", "assessments", "units"} <= tables:
        raise BackupError("backup.not_database", path=str(source))
    if version > store.SCHEMA_VERSION:
        raise BackupError("backup.too_new", path=str(source), version=version)
    return version


def restore(source: str | os.PathLike, db: str | os.PathLike) -> Path | None:
    """Replace the database file ``db`` with the backup ``source``; returns the backup kept of the old file.
    Raises ``store.StoreBusy`` when another process holds ``db``."""
    check(source)
    target = Path(db)
    kept = None
    if target.exists():
        con = store.connect(target, migrate_schema=False)  # holds the lock while the old file is copied
        try:
            kept = backup(con, target.parent / "backups" / default_name(f"{target.stem}-before-restore"))
        finally:
            con.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".restoring")
    shutil.copyfile(source, part)
    Path(str(target) + ".wal").unlink(missing_ok=True)
    os.replace(part, target)
    return kept
