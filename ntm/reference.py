"""Reference data every database holds from its first byte: the criteria catalogue, the departments in
charge and the administrative units; and the province a database was set up for (``settings``).

Every command and the app open a database through ``connect``, which seeds a new file, so that an import
into a new file works without running the sample first.
"""

from __future__ import annotations

import sqlite3

import duckdb

from ntm import catalog, store, unit_catalogue
from ntm.data_version import data_version
from ntm.text import fold

PROVINCE_KEY = "province"
# database → its data version right after ``seed`` loaded the whole builtin catalogue and the units into it: while
# the version is the same, nothing was written since (every commit bumps it), so the catalogue is the builtin one.
_SEEDED: dict[str, int] = {}


def connect(path=None) -> duckdb.DuckDBPyConnection:
    """``store.connect``, and a file it creates (or one whose first seeding was cut short) seeded with the
    criteria catalogue, departments and administrative units: how every command and the app open a database."""
    con = store.connect(path)
    seed(con)
    return con


def seed(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Load what is missing of the catalogue (with departments) and the units; return what was loaded."""
    loaded = {"criteria": 0, "units": 0}
    if not con.execute("SELECT count(*) FROM criteria").fetchall()[0][0]:
        loaded["criteria"] = catalog.load_builtin(con)["criteria"]
    if not con.execute("SELECT count(*) FROM units").fetchall()[0][0]:
        loaded["units"] = unit_catalogue.load_catalogue(con)
    if loaded["criteria"]:
        database, version = data_version(con)
        _SEEDED[database] = version
    return loaded


def catalogue_as_seeded(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether ``seed`` loaded the builtin catalogue into this database and nothing was written to it since (a
    file just created: loading the builtin catalogue again would write the same rows)."""
    database, version = data_version(con)
    return _SEEDED.get(database) == version


def provinces() -> list[tuple[str, str]]:
    """(code, name) of today's provinces, read from the unit tables' source without a database."""
    with sqlite3.connect(str(unit_catalogue.data_file("dataset.db"))) as source:
        rows = source.execute("SELECT DISTINCT provinceCode, province FROM admin_units").fetchall()
    return sorted(rows, key=lambda r: fold(r[1]))


def province_code(text: str) -> str | None:
    """A province's code from its code, full name or short name ("Lạng Sơn", "Tỉnh Lạng Sơn", "20")."""
    wanted = fold(text)
    for code, name in provinces():
        if text.strip() == code or fold(name) == wanted:
            return code
    return None


def set_province(con: duckdb.DuckDBPyConnection, code: str) -> None:
    con.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)", [PROVINCE_KEY, code])


def province(con: duckdb.DuckDBPyConnection) -> str | None:
    """The code of the province this database was set up for (``ntm init --province``), or None."""
    rows = con.execute("SELECT value FROM settings WHERE key = ?", [PROVINCE_KEY]).fetchall()
    return rows[0][0] if rows else None
