"""The DuckDB store: opening the file, the schema and its migrations, transactions.

Loading and reverting uploads is ``ntm.loads``; the data version every commit bumps is ``ntm.data_version``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb

from ntm import faults, paths, summary, unit_scopes
from ntm.data_version import changed, open_transaction

STATUSES = ("met", "basically_met", "not_met")
LAYERS = ("self", "appraised", "recognised")

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
    (10, [summary.CREATE_YEAR, summary.BUILD_YEAR]),  # the commune × year summary, built from the month rows
    (11, summary.MIGRATION_11),  # the summaries' basically met and missing lists (ntm/summary.py)
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
    (12, [unit_scopes.CREATE, unit_scopes.BUILD]),  # the xã of every scope (ntm/unit_scopes.py), from the units
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
    with open_transaction(con):  # what reads its rows keeps nothing of them meanwhile (ntm/summary_memory.py)
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
