"""The commune × month summary: one row per report (unit, month, criteria set, layer) with the criteria met,
basically met and the list of unmet criteria, so that the pages read ~20 rows less per report than the facts.

It is kept in the same transaction as the facts: ``loads.load_facts`` calls ``refresh`` on the keys it
replaces, ``loads.revert_upload`` calls ``refresh_upload`` once its rows are back; migration 6 builds it for
existing databases and ``rebuild`` does it again from the facts. "Unmet" follows ``metrics``: every criterion
of the set whose status is not ``met``, a criterion missing from the report included. Rows are inserted sorted
by period (scans by period skip whole blocks); counts are small integers.

Beside it, the commune × year summary (``YEAR_TABLE``): each commune's latest report of each year, set and layer
(the row a year's figures count, domain README §3), refreshed from the month rows by the same ``refresh``, so that a
year's scores, the yearly trend and the criteria by year read one row per commune and year instead of twelve.
Migration 10 builds it for existing databases.

Each row also lists its basically met criteria and the criteria missing from the report (``basically``,
``missing``; migration 11 adds and fills them), so that a report's status per criterion (met, basically met, not
met, absent) is read from its one row: the heatmap and a commune's history need no facts.
"""

from __future__ import annotations

import duckdb

TABLE = "commune_month_summary"

CREATE = f"""CREATE TABLE IF NOT EXISTS {TABLE} (
    unit_id INTEGER NOT NULL, period DATE NOT NULL, set_id VARCHAR NOT NULL, layer VARCHAR NOT NULL,
    met UTINYINT NOT NULL, basically_met UTINYINT NOT NULL, unmet UTINYINT[] NOT NULL,
    upload_id INTEGER NOT NULL, basically UTINYINT[], missing UTINYINT[])"""  # the last two: migration 11

YEAR_TABLE = "commune_year_summary"

CREATE_YEAR = f"""CREATE TABLE IF NOT EXISTS {YEAR_TABLE} (
    unit_id INTEGER NOT NULL, year SMALLINT NOT NULL, set_id VARCHAR NOT NULL, layer VARCHAR NOT NULL,
    period DATE NOT NULL, met UTINYINT NOT NULL, basically_met UTINYINT NOT NULL, unmet UTINYINT[] NOT NULL,
    basically UTINYINT[], missing UTINYINT[])"""

# The year rows of the (unit_id, year, set_id, layer) keys in the table ``{keys}``, from the month rows.
_YEAR_ROWS = f"""
    SELECT s.unit_id, year(s.period)::SMALLINT AS year, s.set_id, s.layer, max(s.period) AS period,
           arg_max(s.met, s.period) AS met, arg_max(s.basically_met, s.period) AS basically_met,
           arg_max(s.unmet, s.period) AS unmet, arg_max(s.basically, s.period) AS basically,
           arg_max(s.missing, s.period) AS missing
    FROM {TABLE} s {{join}}
    GROUP BY ALL
    ORDER BY year, s.unit_id, s.set_id, s.layer"""

BUILD_YEAR = f"INSERT INTO {YEAR_TABLE} {_YEAR_ROWS.format(join='')}"  # every year row (migration 10, rebuild)

# The summary rows of the keys in the table ``{keys}`` (unit_id, period, set_id, layer), from the facts ``{facts}``
# (the facts of those reports: ``assessments`` within the keys' periods, or a load's incoming rows).
_ROWS_OF = """
    SELECT k.unit_id, k.period, k.set_id, k.layer,
           count(*) FILTER (WHERE a.status = 'met')::UTINYINT AS met,
           count(*) FILTER (WHERE a.status = 'basically_met')::UTINYINT AS basically_met,
           coalesce(list(c.criterion_no ORDER BY c.criterion_no) FILTER (WHERE a.status IS DISTINCT FROM 'met'),
                    [])::UTINYINT[] AS unmet,
           max(a.upload_id) AS upload_id,
           coalesce(list(c.criterion_no ORDER BY c.criterion_no) FILTER (WHERE a.status = 'basically_met'),
                    [])::UTINYINT[] AS basically,
           coalesce(list(c.criterion_no ORDER BY c.criterion_no) FILTER (WHERE a.status IS NULL), [])::UTINYINT[]
               AS missing
    FROM (SELECT DISTINCT k.unit_id, k.period, k.set_id, k.layer FROM {keys} k) k
    JOIN criteria c ON c.set_id = k.set_id
    LEFT JOIN {facts} a
           ON a.unit_id = k.unit_id AND a.period = k.period AND a.set_id = k.set_id AND a.layer = k.layer
          AND a.criterion_no = c.criterion_no
    WHERE EXISTS (SELECT 1 FROM {exists} f WHERE f.unit_id = k.unit_id AND f.period = k.period
                  AND f.set_id = k.set_id AND f.layer = k.layer)
    GROUP BY ALL
    ORDER BY k.period, k.unit_id, k.set_id, k.layer"""
# A load's reports (``loads.load_facts``): ``incoming_keys`` is the distinct keys of ``incoming_facts``, so every key
# has facts there and is listed once; without the EXISTS and the DISTINCT, DuckDB plans two joins fewer (~5 ms).
_LOADED = _ROWS_OF.replace(
    """    WHERE EXISTS (SELECT 1 FROM {exists} f WHERE f.unit_id = k.unit_id AND f.period = k.period
                  AND f.set_id = k.set_id AND f.layer = k.layer)
""",
    "",
).replace("FROM (SELECT DISTINCT k.unit_id, k.period, k.set_id, k.layer FROM {keys} k) k", "FROM {keys} k")
_STORED = """(SELECT * FROM assessments
               WHERE period BETWEEN (SELECT min(period) FROM {keys}) AND (SELECT max(period) FROM {keys}))"""
_ROWS = _ROWS_OF.replace("{facts}", _STORED).replace("{exists}", "assessments")  # from the stored facts


def refresh(con: duckdb.DuckDBPyConnection, keys: str = "incoming_keys", facts: str | None = None) -> None:
    """Recompute the summary of the reports named in the table ``keys`` (unit_id, period, set_id, layer; a
    fixed name chosen by the caller, never user text): rows of keys without facts any more disappear. ``facts``
    (a fixed name too) is a table holding exactly those reports' current facts, read instead of ``assessments``:
    a load's incoming rows, which replace its reports whole (a few thousand rows instead of a scan of the month)."""
    con.execute(
        f"""DELETE FROM {TABLE} s USING {keys} k
            WHERE s.unit_id = k.unit_id AND s.period = k.period AND s.set_id = k.set_id AND s.layer = k.layer"""
    )
    rows = _ROWS.format(keys=keys) if facts is None else _ROWS_OF.format(keys=keys, facts=facts, exists=facts)
    con.execute(f"INSERT INTO {TABLE} {rows}")
    _refresh_years(con, keys)


def refresh_loaded(con: duckdb.DuckDBPyConnection) -> None:
    """``refresh(con, "incoming_keys", facts="incoming_facts")`` for a load (``loads.load_facts``), whose
    ``incoming_keys`` are exactly the distinct keys of ``incoming_facts``: the same rows in one statement lighter."""
    con.execute(
        f"""DELETE FROM {TABLE} s USING incoming_keys k
            WHERE s.unit_id = k.unit_id AND s.period = k.period AND s.set_id = k.set_id AND s.layer = k.layer"""
    )
    con.execute(f"INSERT INTO {TABLE} {_LOADED.format(keys='incoming_keys', facts='incoming_facts')}")
    _refresh_years(con, "incoming_keys")


def _refresh_years(con: duckdb.DuckDBPyConnection, keys: str) -> None:
    """The year rows of the years the keys touch, again from the month rows (a year whose months are all gone
    loses its row). Two statements: the year keys are a subquery of each (no temp table made and dropped)."""
    year_keys = f"(SELECT DISTINCT unit_id, year(period)::SMALLINT AS year, set_id, layer FROM {keys})"
    con.execute(
        f"""DELETE FROM {YEAR_TABLE} y USING {year_keys} k
            WHERE y.unit_id = k.unit_id AND y.year = k.year AND y.set_id = k.set_id AND y.layer = k.layer"""
    )
    # the months of those years only, as a range of periods: the scan skips the other years' row groups by their
    # zone maps (the join on ``year(s.period)`` alone reads every month row of the table)
    join = f"""SEMI JOIN {year_keys} k ON s.unit_id = k.unit_id AND year(s.period) = k.year
              AND s.set_id = k.set_id AND s.layer = k.layer
              WHERE s.period BETWEEN (SELECT make_date(min(year(period)), 1, 1) FROM {keys})
                                 AND (SELECT make_date(max(year(period)), 12, 31) FROM {keys})"""
    con.execute(f"INSERT INTO {YEAR_TABLE} {_YEAR_ROWS.format(join=join)}")


def refresh_upload(con: duckdb.DuckDBPyConnection, upload_id: int) -> None:
    """After reverting ``upload_id``: its reports now hold the rows it had replaced, or nothing."""
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE reverted_keys AS
            SELECT unit_id, period, set_id, layer FROM {TABLE} WHERE upload_id = ?""",
        [upload_id],
    )
    try:
        refresh(con, "reverted_keys")
    finally:
        con.execute("DROP TABLE IF EXISTS reverted_keys")


def refresh_sets(con: duckdb.DuckDBPyConnection, sets: str = "new_sets") -> None:
    """After criteria sets change (the table ``sets`` has their set_id): their reports' rows again."""
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE changed_keys AS
            SELECT DISTINCT unit_id, period, set_id, layer FROM assessments WHERE set_id IN (SELECT set_id FROM {sets})"""
    )
    try:
        refresh(con, "changed_keys")
    finally:
        con.execute("DROP TABLE IF EXISTS changed_keys")


BUILD = f"INSERT INTO {TABLE} {_ROWS.format(keys='assessments')}"  # every report, from the facts (migration 6)


def rebuild(con: duckdb.DuckDBPyConnection) -> int:
    """The whole summary (months and years) again from the facts (to check it). Returns its month rows."""
    con.execute(CREATE)
    con.execute(CREATE_YEAR)
    con.execute(f"DELETE FROM {TABLE}")
    con.execute(f"DELETE FROM {YEAR_TABLE}")
    con.execute(BUILD)
    con.execute(BUILD_YEAR)
    return con.execute(f"SELECT count(*) FROM {TABLE}").fetchall()[0][0]


# Migration 11: the basically met and missing lists on both tables (a file from before gets them filled by
# rebuilding the rows from the facts; a new file has them from migrations 6 and 10 already).
MIGRATION_11 = [
    f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS basically UTINYINT[]",
    f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS missing UTINYINT[]",
    f"ALTER TABLE {YEAR_TABLE} ADD COLUMN IF NOT EXISTS basically UTINYINT[]",
    f"ALTER TABLE {YEAR_TABLE} ADD COLUMN IF NOT EXISTS missing UTINYINT[]",
    f"DELETE FROM {TABLE}",
    BUILD,
    f"DELETE FROM {YEAR_TABLE}",
    BUILD_YEAR,
]
