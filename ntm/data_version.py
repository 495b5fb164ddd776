"""The data version: a counter per database file, bumped by every committed write.

Every cached query's key holds it, so a cached result is never served after the data under it changed.
``store.transaction`` bumps it on every commit; a write made outside one (autocommit) calls ``changed``.
"""

from __future__ import annotations

import contextlib
import os
import threading
import weakref
from collections.abc import Iterator

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


def cursor(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A new cursor of ``con``, known to share its database: every script run takes its own cursor, and asking each
    one its database cost a statement per run (4-5 % of the server's CPU under twenty sessions)."""
    cur = con.cursor()
    with contextlib.suppress(TypeError):
        _DATABASES[cur] = _database(con)
    return cur


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


# connections inside ``store.transaction``: their reads may see rows that are not committed (and may be rolled back),
# so nothing read through them is kept for others (``in_transaction``)
_OPEN: weakref.WeakSet = weakref.WeakSet()
_OPEN_IDS: set[int] = set()  # objects that cannot be weakly referenced: by id while the block runs


@contextlib.contextmanager
def open_transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Mark ``con`` as inside a transaction for the block (``store.transaction``)."""
    try:
        _OPEN.add(con)
        weak = True
    except TypeError:
        _OPEN_IDS.add(id(con))
        weak = False
    try:
        yield
    finally:
        if weak:
            _OPEN.discard(con)
        else:
            _OPEN_IDS.discard(id(con))


def in_transaction(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether ``con`` is inside ``store.transaction`` (its reads may see uncommitted rows)."""
    try:
        return con in _OPEN
    except TypeError:
        return id(con) in _OPEN_IDS


def file_version(con: duckdb.DuckDBPyConnection) -> tuple[str, tuple] | None:
    """(database file, what says a copy read from it still holds: the data version and the file's inode, size and
    modification time, so a replaced file or one another process wrote while this one had it closed is read again),
    or None when nothing read through ``con`` may be kept: a database without a file (in memory), or ``con`` inside
    ``store.transaction`` (its reads may see rows that are not committed and may be rolled back)."""
    if in_transaction(con):
        return None
    path, version = data_version(con)
    if not os.path.isabs(path):  # an in-memory database ("memory"): no file to tell one from another
        return None
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return path, (version, stat.st_ino, stat.st_size, stat.st_mtime_ns)
