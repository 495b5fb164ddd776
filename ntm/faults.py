"""Faults of the database itself (full disk, corrupt file, busy file) as keyed messages.

DuckDB reports them as exceptions whose text is all that tells them apart; ``classify`` turns
one into a ``StoreFault`` that the CLI prints and the app shows in the user's language, with
what to do, instead of a traceback. Nothing was written when one is raised from a transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

# (key, words of DuckDB's or the OS's message, lower case)
_KINDS = (
    ("store.disk_full", ("no space left", "disk full", "disk quota", "file too large")),
    (
        "store.corrupt",
        ("not a valid duckdb database", "corrupt", "checksum", "could not read enough bytes", "invalid magic"),
    ),
    ("store.busy", ("conflicting lock", "could not set lock", "conflict on", "database is locked", "resource busy")),
)


@dataclass(frozen=True)
class _Fault:
    key: str
    path: str
    detail: str


class StoreFault(RuntimeError):
    """The database could not be read or written; ``message(lang)`` says why and what to do."""

    def __init__(self, key: str, path: str = "", detail: str = ""):
        super().__init__(f"{key}: {detail}")
        self.fault = _Fault(key, path, detail)

    @property
    def key(self) -> str:
        return self.fault.key

    def message(self, lang: str = "vi") -> str:
        from ntm.i18n import t

        return t(self.key, lang, path=self.fault.path or "?", detail=self.fault.detail[:200])


def classify(exc: BaseException, path: str = "") -> StoreFault | None:
    """The fault an exception from DuckDB (or the OS under it) means, or None if it is not one of these."""
    if isinstance(exc, StoreFault):
        return exc
    if not isinstance(exc, (duckdb.Error, OSError)):
        return None
    text = str(exc).lower()
    for key, words in _KINDS:
        if any(word in text for word in words):
            return StoreFault(key, path, str(exc))
    return None


def is_database_error(exc: BaseException) -> bool:
    return isinstance(exc, (duckdb.Error, StoreFault))


def any_fault(exc: BaseException, path: str = "") -> StoreFault:
    """Like ``classify``, with every other database error as ``store.failed`` (for the last line of defence)."""
    return classify(exc, path) or StoreFault("store.failed", path, f"{type(exc).__name__}: {exc}")


def database_path(con: duckdb.DuckDBPyConnection) -> str:
    """The file behind a connection, for messages ('' if it cannot be asked)."""
    try:
        rows = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchall()
    except duckdb.Error:
        return ""
    return str(rows[0][0] or "") if rows else ""
