"""The xã of every scope, listed once: one row per (scope, xã) so that "the communes of a unit" is one filtered
scan of one table, with no join and no OR.

A scope is the whole country (``scope_id`` 0, ``units.NATIONAL_ID``), a province, a district or a commune; its rows
are the xã (``level = 'commune'``, ``kind = 'Xã'``: only xã count, domain README §3) inside it, each with the
columns the pages show and the validity the period queries test: code, name, district and its id, province and
its id, valid_from, valid_to. So ``scope_id = $unit`` gives what ``$unit = 0 OR c.unit_id = $unit OR
c.district_id = $unit OR c.province_id = $unit`` over ``units`` joined twice to itself gave
(``counted_reports.SCOPE`` reads it).

The table is derived from ``units`` and kept in the same transaction as every write to them: the catalogue's
(re)load (``unit_catalogue.load_catalogue``: every row), a historical unit a file adds (``units.add_historical_unit``)
and a merger that ends a commune's validity (``lineage.add_merger``): ``refresh`` with the ids written. Migration 12
builds it for existing databases. Rows are sorted by scope (a scan by scope skips whole blocks).
"""

from __future__ import annotations

from collections.abc import Iterable

import duckdb

TABLE = "unit_scopes"

CREATE = f"""CREATE TABLE IF NOT EXISTS {TABLE} (
    scope_id INTEGER NOT NULL, unit_id INTEGER NOT NULL, code VARCHAR, name VARCHAR NOT NULL, district VARCHAR,
    district_id INTEGER, valid_from DATE, valid_to DATE, province VARCHAR, province_id INTEGER)"""

# The rows of the xã matching ``{where}`` (on ``c``, the commune): one per distinct scope it belongs to.
_ROWS = """
    SELECT DISTINCT s.scope_id, x.unit_id, x.code, x.name, x.district, x.district_id, x.valid_from, x.valid_to,
           x.province, x.province_id
    FROM (SELECT c.unit_id, c.code, c.short_name AS name, d.short_name AS district, c.district_id,
                 c.valid_from, c.valid_to, p.short_name AS province, c.province_id
          FROM units c LEFT JOIN units d ON d.unit_id = c.district_id LEFT JOIN units p ON p.unit_id = c.province_id
          WHERE c.level = 'commune' AND c.kind = 'Xã' AND {where}) x,
         unnest([0, x.unit_id, x.district_id, x.province_id]) AS s(scope_id)
    WHERE s.scope_id IS NOT NULL
    ORDER BY s.scope_id, x.unit_id"""

BUILD = f"INSERT INTO {TABLE} {_ROWS.format(where='true')}"  # every row (migration 12, the catalogue's load)


def refresh(con: duckdb.DuckDBPyConnection, unit_ids: Iterable[int] | None = None) -> None:
    """Rewrite the rows of the communes ``unit_ids`` (every row when None) from ``units``, inside the caller's
    transaction: call it after each write to ``units``."""
    if unit_ids is None:
        con.execute(f"DELETE FROM {TABLE}")
        con.execute(BUILD)
        return
    ids = sorted({int(i) for i in unit_ids})
    if not ids:
        return
    con.execute(f"DELETE FROM {TABLE} WHERE list_contains($ids, unit_id)", {"ids": ids})
    con.execute(f"INSERT INTO {TABLE} {_ROWS.format(where='list_contains($ids, c.unit_id)')}", {"ids": ids})
