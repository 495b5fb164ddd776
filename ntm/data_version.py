"""The data version: a counter per database file, bumped by every committed write.

Every cached query's key holds it, so a cached result is never served after the data under it changed.
``store.transaction`` bumps it on every commit; a write made outside one (autocommit) calls ``changed``.
"""

from __future__ import annotations

import contextlib
import threading
import weakref

import duckdb

# The counters live in this process, beside the caches they key: DuckDB lets only one process open a database
# file for writing, so no other process changes the data under this one's caches (and a restarted process starts
# with empty caches).
_versions: dict[str, int] = {}
_versions_lock = threading.Lock()


# connection (or cursor) → its database, asked once per connection object: the answer cannot change while it is
# open (nothing in ntm switches a connection's database with USE), and the query costs ~1 ms each time
_DATABASES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _database(con: duckdb.DuckDBPyConnection) -> str:
    try:
        return _DATABASES[con]
    except (KeyError, TypeError):
        pass
    row = con.execute(
        "SELECT coalesce(path, database_name) FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchall()
    name = str(row[0][0])
    with contextlib.suppress(TypeError):  # an object that cannot be weakly referenced: asked every time
        _DATABASES[con] = name
    return name


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
