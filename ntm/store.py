"""The DuckDB store: opening the file, schema migrations, transactions and bulk loads.

Facts are long: one row per (unit, month, criteria set, criterion, assessment layer).
Every fact row names the upload that brought it; rows an upload replaces move to
``assessment_history`` so that the upload can be reverted.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext, suppress
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd

from ntm import faults, paths, summary

STATUSES = ("met", "basically_met", "not_met")
LAYERS = ("self", "appraised", "recognised")

_FACT_COLUMNS = "unit_id, period, set_id, criterion_no, status, layer, upload_id"
_INDICATOR_COLUMNS = "unit_id, period, set_id, indicator_code, value, text_value, layer, upload_id"
_QUANTITY_COLUMNS = "unit_id, period, months, quantity, value, upload_id"

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
        3,
        [  # the province a database was set up for (ntm init --province); how each upload's layout was read
            "CREATE TABLE IF NOT EXISTS settings (key VARCHAR PRIMARY KEY, value VARCHAR)",
            "ALTER TABLE uploads ADD COLUMN layout VARCHAR",
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
    (
        7,
        [  # issue 16: resources, works and activities (ntm/resources.py); village goals (ntm/villages.py)
            """CREATE TABLE quantity_values (
            unit_id INTEGER NOT NULL, period DATE NOT NULL, months INTEGER NOT NULL CHECK (months IN (1, 3, 12)),
            quantity VARCHAR NOT NULL, value DOUBLE NOT NULL, upload_id INTEGER NOT NULL,
            PRIMARY KEY (unit_id, period, quantity))""",
            """CREATE TABLE quantity_history (
            unit_id INTEGER, period DATE, months INTEGER, quantity VARCHAR, value DOUBLE, upload_id INTEGER,
            superseded_by INTEGER NOT NULL)""",
            """CREATE TABLE quantity_plans (
            unit_id INTEGER NOT NULL, year INTEGER NOT NULL, quantity VARCHAR NOT NULL, value DOUBLE NOT NULL,
            upload_id INTEGER NOT NULL, PRIMARY KEY (unit_id, year, quantity))""",
            "CREATE SEQUENCE village_goal_id_seq START 1",
            """CREATE TABLE village_goals (
            goal_id INTEGER PRIMARY KEY, unit_id INTEGER NOT NULL, year INTEGER NOT NULL,
            metric VARCHAR NOT NULL CHECK (metric IN ('villages_at_standard', 'villages_model', 'share_at_standard',
                                                      'average_met')),
            value DOUBLE NOT NULL, plan VARCHAR, entered_at TIMESTAMP NOT NULL, entered_by VARCHAR,
            superseded_at TIMESTAMP)""",
        ],
    ),
    (6, [summary.CREATE, summary.BUILD]),  # the commune × month summary (ntm/summary.py), built from the facts
    (
        8,
        [  # access: accounts scoped to units, and the audit log (ntm.access, ntm.accounts, ntm.audit)
            """CREATE TABLE users (
            username VARCHAR PRIMARY KEY, role VARCHAR NOT NULL CHECK (role IN ('viewer', 'uploader', 'admin')),
            password_hash VARCHAR, disabled BOOLEAN NOT NULL DEFAULT false,
            created_at TIMESTAMP NOT NULL, created_by VARCHAR)""",
            """CREATE TABLE user_scopes (
            username VARCHAR NOT NULL, unit_id INTEGER NOT NULL, PRIMARY KEY (username, unit_id))""",
            "CREATE SEQUENCE audit_id_seq START 1",
            """CREATE TABLE audit (
            audit_id BIGINT PRIMARY KEY DEFAULT nextval('audit_id_seq'), changed_at TIMESTAMP NOT NULL,
            actor VARCHAR NOT NULL, via VARCHAR NOT NULL, action VARCHAR NOT NULL, ref VARCHAR,
            unit_id INTEGER, period DATE, old_value VARCHAR, new_value VARCHAR)""",
        ],
    ),
    (
        9,
        [  # layout profiles: a reading the user settled once, per unit (ntm.ingest.profiles)
            """CREATE TABLE layout_profiles (
            name VARCHAR PRIMARY KEY, unit_id INTEGER, fingerprint VARCHAR NOT NULL, layout VARCHAR NOT NULL,
            created_at TIMESTAMP NOT NULL, created_by VARCHAR)""",
        ],
    ),
]
SCHEMA_VERSION = max(v for v, _ in MIGRATIONS)


class StoreBusy(faults.StoreFault):
    """Another process holds the database file (DuckDB allows one process per file)."""

    def __init__(self, path: str):
        super().__init__("store.busy", path, path)

    def __str__(self) -> str:  # the path, as the CLI's message shows it
        return self.fault.path


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    """The database file: ``--db`` if given, else ``$NTM_DB``, else ``data/ntm.duckdb`` of the checkout
    (wherever the command runs from; see ``ntm.paths``)."""
    return Path(explicit or os.environ.get("NTM_DB") or paths.default_db())


def connect(path: str | os.PathLike | None = None, *, migrate_schema: bool = True) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) the database file and bring its schema up to date. Commands and the app open
    it through ``reference.connect``, which also seeds a new file with the reference data."""
    target = db_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(target))
    except duckdb.Error as exc:
        if isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower():
            raise StoreBusy(str(target)) from exc
        raise faults.any_fault(exc, str(target)) from exc
    if migrate_schema:
        try:
            migrate(con)
        except duckdb.Error as exc:
            con.close()
            raise faults.any_fault(exc, str(target)) from exc
    return con


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchall()[0][0]
    if not exists:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()[0][0]


def migrate(con: duckdb.DuckDBPyConnection, target: int | None = None) -> int:
    """Apply every migration not applied yet (up to ``target``), each in its own transaction, in version order.

    Versions are assigned per feature and may land in any order, so a database at version 6 still gets a
    version 3 that arrives later: what counts is the set of applied versions, not the highest."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
    )
    applied = {r[0] for r in con.execute("SELECT version FROM schema_version").fetchall()}
    current = schema_version(con)
    if current and any(v not in applied and (target is None or v <= target) for v, _ in MIGRATIONS):
        from ntm import backup  # an existing database about to change shape: keep a copy first

        backup.before_migration(con, current)
    for version, statements in sorted(MIGRATIONS, key=lambda m: m[0]):
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
    except BaseException as exc:
        con.execute("ROLLBACK")
        if fault := faults.classify(exc, faults.database_path(con)):  # full disk, corrupt or busy file
            raise fault from exc
        raise
    try:
        con.execute("COMMIT")
    except duckdb.Error as exc:  # a failed commit (a full disk) leaves the transaction rolled back
        raise faults.any_fault(exc, faults.database_path(con)) from exc
    changed(con)


# The data version: every committed write bumps it and every cached query's key holds it, so a cached result
# is never served after the data under it changed. It lives in this process, beside the caches it keys:
# DuckDB lets only one process open a database file for writing, so no other process changes the data
# under this one's caches (and a restarted process starts with empty caches).
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


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _month_starts(column: pd.Series) -> pd.Series:
    """Each value's first day of the month as a date; an upload holds a few months: each converted once."""
    if column.dtype == object:
        firsts = {p: pd.Timestamp(p).to_period("M").to_timestamp().date() for p in set(column)}
        return column.map(firsts.__getitem__)
    return pd.to_datetime(column).dt.to_period("M").dt.to_timestamp().dt.date


def _normalise_facts(facts: pd.DataFrame) -> pd.DataFrame:
    frame = facts.copy()
    if "layer" not in frame:
        frame["layer"] = "self"
    frame["period"] = _month_starts(frame["period"])
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
        ind["period"] = _month_starts(ind["period"])
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
            # The indicator values of a replaced report go with it, also when the new one states none:
            # otherwise they would stay current beside the new report and a revert could not be exact.
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
            summary.refresh(con, "incoming_keys")  # the commune × month summary of the replaced reports
            if ind is not None:
                ind["upload_id"] = upload_id
                con.register("incoming_indicators", ind)
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


class RevertRefused(ValueError):
    """An upload that cannot be reverted: a keyed message (``store.revert_*``) translated where shown."""

    def __init__(self, key: str, **params):
        super().__init__(f"{key} {params}")
        self.key, self.params = key, params

    def message(self, lang: str = "vi") -> str:
        from ntm.i18n import t

        return t(self.key, lang, **self.params)


def revert_blockers(con: duckdb.DuckDBPyConnection, upload_id: int | None = None) -> dict[int, list[int]]:
    """Upload → the later uploads that replaced some of its rows (newest first); only uploads that have some.

    Such an upload cannot be reverted alone: its rows are history now, and putting back what it
    replaced would sit beside the later rows. The later ones are reverted first (newest first).
    """
    rows = con.execute(
        """SELECT upload_id, list(DISTINCT superseded_by ORDER BY superseded_by DESC)
           FROM (SELECT upload_id, superseded_by FROM assessment_history
                 UNION ALL SELECT upload_id, superseded_by FROM indicator_history
                 UNION ALL SELECT upload_id, superseded_by FROM quantity_history)  -- resources (ntm.resources)
           WHERE ? IS NULL OR upload_id = ? GROUP BY upload_id""",
        [upload_id, upload_id],
    ).fetchall()
    return {int(u): [int(v) for v in later] for u, later in rows}


def revert_upload(con: duckdb.DuckDBPyConnection, upload_id: int) -> int:
    """Undo an upload: remove its rows and bring back the rows it replaced, exactly as they were.

    Refused (``RevertRefused``) for an upload that is not loaded, for a village list (it adds units: the
    list is edited instead), and for one whose rows (criteria, indicator or quantity values) a later
    upload replaced (the message names the later uploads to revert first): reverting it alone would
    put the rows it replaced back beside the later ones. Returns the number of fact rows removed.
    """
    with transaction(con):
        status = con.execute("SELECT status, source FROM uploads WHERE upload_id = ?", [upload_id]).fetchall()
        if not status or status[0][0] != "loaded":
            raise RevertRefused("store.revert_not_loaded", upload_id=upload_id)
        if str(status[0][1]).startswith("villages"):  # a village list adds units; edit the list instead
            raise RevertRefused("store.revert_village_list", upload_id=upload_id)
        later = revert_blockers(con, upload_id).get(int(upload_id))
        if later:
            raise RevertRefused(
                "store.revert_blocked", upload_id=upload_id, later=", ".join(map(str, later)), first=later[0]
            )
        removed = con.execute(
            """SELECT (SELECT count(*) FROM assessments WHERE upload_id = $id)
                      + (SELECT count(*) FROM quantity_values WHERE upload_id = $id)""",
            {"id": upload_id},
        ).fetchall()[0][0]
        for table, history, columns in (
            ("assessments", "assessment_history", _FACT_COLUMNS),
            ("indicator_values", "indicator_history", _INDICATOR_COLUMNS),
            ("quantity_values", "quantity_history", _QUANTITY_COLUMNS),  # resources (ntm.resources)
        ):
            con.execute(f"DELETE FROM {table} WHERE upload_id = ?", [upload_id])
            con.execute(f"INSERT INTO {table} SELECT {columns} FROM {history} WHERE superseded_by = ?", [upload_id])
            con.execute(f"DELETE FROM {history} WHERE superseded_by = ?", [upload_id])
        summary.refresh_upload(con, upload_id)  # its reports' summary rows, from the facts now in place
        con.execute("DELETE FROM quantity_plans WHERE upload_id = ?", [upload_id])
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
