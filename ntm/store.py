"""The DuckDB store: opening the file, schema migrations, transactions and bulk loads.

Facts are long: one row per (unit, month, criteria set, criterion, assessment layer).
Every fact row names the upload that brought it; rows an upload replaces move to
``assessment_history`` so that the upload can be reverted.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext, suppress
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd

from ntm import paths

STATUSES = ("met", "basically_met", "not_met")
LAYERS = ("self", "appraised", "recognised")

_FACT_COLUMNS = "unit_id, period, set_id, criterion_no, status, layer, upload_id"
_INDICATOR_COLUMNS = "unit_id, period, set_id, indicator_code, value, text_value, layer, upload_id"

# Forward-only migrations: (version, statements). Never edit a released step; add one.
MIGRATIONS: list[tuple[int, list[str]]] = [
    (
        1,
        [
            """CREATE TABLE criteria_sets (
            set_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, decision VARCHAR,
            level VARCHAR NOT NULL, n_criteria INTEGER NOT NULL,
            valid_from DATE, valid_to DATE, origin VARCHAR NOT NULL DEFAULT 'builtin')""",
            """CREATE TABLE criteria (
            set_id VARCHAR NOT NULL, criterion_no INTEGER NOT NULL, name_vi VARCHAR NOT NULL,
            name_en VARCHAR, verified BOOLEAN, source VARCHAR,
            PRIMARY KEY (set_id, criterion_no))""",
            """CREATE TABLE indicators (
            set_id VARCHAR NOT NULL, criterion_no INTEGER NOT NULL, indicator_code VARCHAR NOT NULL,
            name_vi VARCHAR, verified BOOLEAN, source VARCHAR,
            PRIMARY KEY (set_id, indicator_code))""",
            """CREATE TABLE departments (
            set_id VARCHAR NOT NULL, criterion_no INTEGER NOT NULL,
            department_vi VARCHAR NOT NULL, department_en VARCHAR,
            PRIMARY KEY (set_id, criterion_no))""",
            """CREATE TABLE units (
            unit_id INTEGER PRIMARY KEY, code VARCHAR, name VARCHAR NOT NULL,
            short_name VARCHAR NOT NULL, level VARCHAR NOT NULL, kind VARCHAR NOT NULL,
            parent_id INTEGER, district_id INTEGER, province_id INTEGER,
            valid_from DATE, valid_to DATE, lat DOUBLE, lon DOUBLE,
            historical BOOLEAN NOT NULL DEFAULT false,
            name_key VARCHAR NOT NULL, name_fold VARCHAR NOT NULL)""",
            """CREATE TABLE unit_aliases (
            unit_id INTEGER NOT NULL, alias_key VARCHAR NOT NULL, kind VARCHAR NOT NULL,
            PRIMARY KEY (unit_id, alias_key))""",
            """CREATE TABLE unit_successors (
            old_unit_id INTEGER NOT NULL, new_unit_id INTEGER NOT NULL, is_default BOOLEAN,
            PRIMARY KEY (old_unit_id, new_unit_id))""",
            "CREATE SEQUENCE upload_id_seq START 1",
            """CREATE TABLE uploads (
            upload_id INTEGER PRIMARY KEY, uploaded_at TIMESTAMP NOT NULL, uploaded_by VARCHAR,
            file_name VARCHAR, sha256 VARCHAR, source VARCHAR NOT NULL,
            rows INTEGER NOT NULL, communes INTEGER NOT NULL,
            status VARCHAR NOT NULL DEFAULT 'loaded', raw BLOB, note VARCHAR)""",
            """CREATE TABLE assessments (
            unit_id INTEGER NOT NULL, period DATE NOT NULL, set_id VARCHAR NOT NULL,
            criterion_no INTEGER NOT NULL,
            status VARCHAR NOT NULL CHECK (status IN ('met', 'basically_met', 'not_met')),
            layer VARCHAR NOT NULL DEFAULT 'self', upload_id INTEGER NOT NULL)""",
            """CREATE TABLE assessment_history (
            unit_id INTEGER, period DATE, set_id VARCHAR, criterion_no INTEGER, status VARCHAR,
            layer VARCHAR, upload_id INTEGER, superseded_by INTEGER NOT NULL)""",
            """CREATE TABLE indicator_values (
            unit_id INTEGER NOT NULL, period DATE NOT NULL, set_id VARCHAR NOT NULL,
            indicator_code VARCHAR NOT NULL, value DOUBLE, text_value VARCHAR,
            layer VARCHAR NOT NULL DEFAULT 'self', upload_id INTEGER NOT NULL)""",
            """CREATE TABLE indicator_history (
            unit_id INTEGER, period DATE, set_id VARCHAR, indicator_code VARCHAR, value DOUBLE,
            text_value VARCHAR, layer VARCHAR, upload_id INTEGER, superseded_by INTEGER NOT NULL)""",
        ],
    ),
    (
        2,
        [  # targets and plans; recognition events; backfilled uploads are not "late"
            "CREATE SEQUENCE target_id_seq START 1",
            """CREATE TABLE targets (
            target_id INTEGER PRIMARY KEY, unit_id INTEGER NOT NULL,
            level VARCHAR NOT NULL CHECK (level IN ('ntm', 'nang_cao', 'kieu_mau')),
            target_month DATE NOT NULL, plan VARCHAR, note VARCHAR,
            entered_at TIMESTAMP NOT NULL, entered_by VARCHAR, source VARCHAR NOT NULL,
            superseded_at TIMESTAMP)""",
            "CREATE SEQUENCE goal_id_seq START 1",
            """CREATE TABLE unit_goals (
            goal_id INTEGER PRIMARY KEY, unit_id INTEGER NOT NULL, year INTEGER NOT NULL,
            metric VARCHAR NOT NULL CHECK (metric IN ('average_met', 'communes_at_standard', 'share_at_standard')),
            value DOUBLE NOT NULL, plan VARCHAR,
            entered_at TIMESTAMP NOT NULL, entered_by VARCHAR, source VARCHAR NOT NULL,
            superseded_at TIMESTAMP)""",
            "CREATE SEQUENCE recognition_id_seq START 1",
            """CREATE TABLE recognitions (
            recognition_id INTEGER PRIMARY KEY, unit_id INTEGER NOT NULL,
            level VARCHAR NOT NULL CHECK (level IN ('ntm', 'nang_cao', 'kieu_mau')),
            decision_no VARCHAR NOT NULL, decision_date DATE NOT NULL, issued_by VARCHAR,
            entered_at TIMESTAMP NOT NULL)""",
            "ALTER TABLE uploads ADD COLUMN backfill BOOLEAN DEFAULT false",
        ],
    ),
    (
        5,
        [  # history across the reform: mergers entered by the user, populations, groupings, set mappings
            """CREATE TABLE unit_mergers (
            old_unit_id INTEGER NOT NULL, new_unit_id INTEGER NOT NULL, effective DATE NOT NULL,
            source VARCHAR NOT NULL DEFAULT 'user', entered_at TIMESTAMP NOT NULL,
            PRIMARY KEY (old_unit_id, new_unit_id))""",
            """CREATE TABLE unit_populations (
            unit_id INTEGER PRIMARY KEY, population BIGINT NOT NULL CHECK (population > 0), year INTEGER,
            source VARCHAR, entered_at TIMESTAMP NOT NULL)""",
            "CREATE SEQUENCE group_id_seq START 1",
            """CREATE TABLE unit_groups (
            group_id INTEGER PRIMARY KEY, province_code VARCHAR NOT NULL, name VARCHAR NOT NULL,
            kind VARCHAR NOT NULL DEFAULT 'cluster', note VARCHAR, entered_at TIMESTAMP NOT NULL,
            UNIQUE (province_code, name))""",
            """CREATE TABLE unit_group_members (
            group_id INTEGER NOT NULL, unit_id INTEGER NOT NULL, PRIMARY KEY (group_id, unit_id))""",
            """CREATE TABLE commune_groups (
            unit_id INTEGER NOT NULL, set_id VARCHAR NOT NULL, group_no INTEGER NOT NULL CHECK (group_no IN (1, 2, 3)),
            source VARCHAR, entered_at TIMESTAMP NOT NULL, PRIMARY KEY (unit_id, set_id))""",
            """CREATE TABLE criteria_mapping (
            from_set VARCHAR NOT NULL, from_no INTEGER NOT NULL, to_set VARCHAR NOT NULL, to_no INTEGER NOT NULL,
            comparable BOOLEAN NOT NULL, note VARCHAR, origin VARCHAR NOT NULL DEFAULT 'builtin',
            PRIMARY KEY (from_set, from_no, to_set))""",
        ],
    ),
]
SCHEMA_VERSION = max(v for v, _ in MIGRATIONS)


class StoreBusy(RuntimeError):
    """Another process holds the database file (DuckDB allows one process per file)."""


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    """The database file: ``--db`` if given, else ``$NTM_DB``, else ``data/ntm.duckdb`` of the checkout
    (wherever the command runs from; see ``ntm.paths``)."""
    return Path(explicit or os.environ.get("NTM_DB") or paths.default_db())


def connect(path: str | os.PathLike | None = None, *, migrate_schema: bool = True) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the database file and bring its schema up to date."""
    target = db_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(target))
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise StoreBusy(str(target)) from exc
        raise
    if migrate_schema:
        migrate(con)
    return con


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchall()[0][0]
    if not exists:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()[0][0]


def migrate(con: duckdb.DuckDBPyConnection, target: int | None = None) -> int:
    """Apply every migration above the current version, each in its own transaction."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
    )
    applied = {r[0] for r in con.execute("SELECT version FROM schema_version").fetchall()}
    current = schema_version(con)
    for version, statements in sorted(MIGRATIONS):
        # versions land in any order (each issue has its own number): apply every one not applied yet
        if version in applied or (target is not None and version > target):
            continue
        with transaction(con):
            for sql in statements:
                con.execute(sql)
            con.execute("INSERT INTO schema_version VALUES (?, ?)", [version, datetime.now()])
        current = max(current, version)
    return current


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN … COMMIT, rolled back on any exception: all of it lands or none of it."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _normalise_facts(facts: pd.DataFrame) -> pd.DataFrame:
    frame = facts.copy()
    if "layer" not in frame:
        frame["layer"] = "self"
    frame["period"] = pd.to_datetime(frame["period"]).dt.to_period("M").dt.to_timestamp().dt.date
    bad = set(frame["status"].unique()) - set(STATUSES)
    if bad:
        raise ValueError(f"unknown statuses {sorted(bad)}")
    frame["criterion_no"] = frame["criterion_no"].astype("int32")
    frame["unit_id"] = frame["unit_id"].astype("int32")
    # Sorted by period, facts compress several times better and scan faster.
    return frame.sort_values(["period", "unit_id", "set_id", "criterion_no"], kind="stable")


def load_facts(
    con: duckdb.DuckDBPyConnection,
    facts: pd.DataFrame,
    *,
    source: str,
    indicators: pd.DataFrame | None = None,
    file_name: str | None = None,
    raw: bytes | None = None,
    uploaded_by: str | None = None,
    note: str | None = None,
    in_transaction: bool = False,
) -> int:
    """Load one upload in one transaction and return its id.

    ``facts`` has unit_id, period, set_id, criterion_no, status (and optionally layer).
    Each (unit, period, set, layer) the upload names is replaced whole, so a criterion the
    new file leaves out disappears too; the replaced rows go to ``assessment_history``.
    With ``in_transaction`` the caller has already begun the transaction (to add units with it).
    """
    frame = _normalise_facts(facts)
    ind = None
    if indicators is not None and len(indicators):
        ind = indicators.copy()
        if "layer" not in ind:
            ind["layer"] = "self"
        if "text_value" not in ind:
            ind["text_value"] = None
        ind["period"] = pd.to_datetime(ind["period"]).dt.to_period("M").dt.to_timestamp().dt.date
    with nullcontext(con) if in_transaction else transaction(con):
        upload_id = con.execute("SELECT nextval('upload_id_seq')").fetchall()[0][0]
        con.execute(
            """INSERT INTO uploads (upload_id, uploaded_at, uploaded_by, file_name, sha256, source, rows, communes,
                                   status, raw, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'loaded', ?, ?)""",
            [
                upload_id,
                datetime.now(),
                uploaded_by,
                file_name,
                sha256(raw) if raw else None,
                source,
                len(frame),
                frame["unit_id"].nunique(),
                raw,
                note,
            ],
        )
        frame["upload_id"] = upload_id
        con.register("incoming_facts", frame)
        try:
            con.execute("""
                CREATE OR REPLACE TEMP TABLE incoming_keys AS
                SELECT DISTINCT unit_id, period, set_id, layer FROM incoming_facts""")
            con.execute(
                """
                INSERT INTO assessment_history
                SELECT a.*, ? FROM assessments a SEMI JOIN incoming_keys k
                  ON a.unit_id = k.unit_id AND a.period = k.period AND a.set_id = k.set_id AND a.layer = k.layer""",
                [upload_id],
            )
            con.execute("""
                DELETE FROM assessments a USING incoming_keys k
                WHERE a.unit_id = k.unit_id AND a.period = k.period AND a.set_id = k.set_id AND a.layer = k.layer""")
            con.execute(f"INSERT INTO assessments SELECT {_FACT_COLUMNS} FROM incoming_facts")
            if ind is not None:
                ind["upload_id"] = upload_id
                con.register("incoming_indicators", ind)
                con.execute(
                    """
                    INSERT INTO indicator_history
                    SELECT v.*, ? FROM indicator_values v SEMI JOIN incoming_keys k
                      ON v.unit_id = k.unit_id AND v.period = k.period AND v.set_id = k.set_id AND v.layer = k.layer""",
                    [upload_id],
                )
                con.execute("""
                    DELETE FROM indicator_values v USING incoming_keys k
                    WHERE v.unit_id = k.unit_id AND v.period = k.period AND v.set_id = k.set_id AND v.layer = k.layer""")
                con.execute(f"INSERT INTO indicator_values SELECT {_INDICATOR_COLUMNS} FROM incoming_indicators")
            con.execute("DROP TABLE IF EXISTS incoming_keys")
        finally:
            # After a failed statement the transaction is aborted and refuses even these: the rollback drops the
            # temp table, the next load replaces the views; the error the caller sees stays the first one.
            with suppress(duckdb.Error):
                con.unregister("incoming_facts")
                if ind is not None:
                    con.unregister("incoming_indicators")
    return int(upload_id)


def revert_upload(con: duckdb.DuckDBPyConnection, upload_id: int) -> int:
    """Undo an upload: remove its rows and bring back the rows it replaced.

    Only the newest loaded upload touching a key can be reverted cleanly; a later upload that
    replaced this one's rows keeps them (its own history entry points at this upload).
    Returns the number of fact rows removed.
    """
    with transaction(con):
        status = con.execute("SELECT status FROM uploads WHERE upload_id = ?", [upload_id]).fetchall()
        if not status or status[0][0] != "loaded":
            raise ValueError(f"upload {upload_id} is not a loaded upload")
        removed = con.execute("SELECT count(*) FROM assessments WHERE upload_id = ?", [upload_id]).fetchall()[0][0]
        for table, history, columns in (
            ("assessments", "assessment_history", _FACT_COLUMNS),
            ("indicator_values", "indicator_history", _INDICATOR_COLUMNS),
        ):
            con.execute(f"DELETE FROM {table} WHERE upload_id = ?", [upload_id])
            con.execute(f"INSERT INTO {table} SELECT {columns} FROM {history} WHERE superseded_by = ?", [upload_id])
            con.execute(f"DELETE FROM {history} WHERE superseded_by = ?", [upload_id])
        con.execute("UPDATE uploads SET status = 'reverted' WHERE upload_id = ?", [upload_id])
    return int(removed)


def unit_uploads(con: duckdb.DuckDBPyConnection, unit_id: int) -> pd.DataFrame:
    """Uploads that brought a unit's current or replaced rows, newest first."""
    return con.execute(
        """SELECT DISTINCT u.upload_id, u.uploaded_at, u.file_name, u.source, u.status
           FROM uploads u JOIN (SELECT upload_id FROM assessments WHERE unit_id = ?
                                UNION SELECT upload_id FROM assessment_history WHERE unit_id = ?) x USING (upload_id)
           ORDER BY u.upload_id DESC""",
        [unit_id, unit_id],
    ).df()


def uploads(con: duckdb.DuckDBPyConnection, limit: int = 200) -> pd.DataFrame:
    """The upload log, newest first (without the raw bytes)."""
    return con.execute(
        """SELECT upload_id, uploaded_at, uploaded_by, file_name, sha256, source, rows, communes, status, note
           FROM uploads ORDER BY upload_id DESC LIMIT ?""",
        [limit],
    ).df()
