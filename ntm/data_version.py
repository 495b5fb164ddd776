"""The data version: a counter per database file, bumped by every committed write.

Every cached query's key holds it, so a cached result is never served after the data under it changed.
``store.transaction`` bumps it on every commit; a write made outside one (autocommit) calls ``changed``.
"""

from __future__ import annotations

import threading

import duckdb

# The counters live in this process, beside the caches they key: DuckDB lets only one process open a database
# file for writing, so no other process changes the data under this one's caches (and a restarted process starts
# with empty caches).
_versions: dict[str, int] = {}
_versions_lock = threading.Lock()


def _database(con: duckdb.DuckDBPyConnection) -> str:
    row = con.execute(
        "SELECT coalesce(path, database_name) FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchall()
    return str(row[0][0])


def changed(con: duckdb.DuckDBPyConnection) -> None:
    """Record a write to ``con``'s database (``transaction`` does on every commit; an autocommit write calls it)."""
    key = _database(con)
    with _versions_lock:
        _versions[key] = _versions.get(key, 0) + 1


def data_version(con: duckdb.DuckDBPyConnection) -> tuple[str, int]:
    """(database file, writes committed to it by this process): part of every cached query's key."""
    key = _database(con)
    with _versions_lock:
        return key, _versions.get(key, 0)
