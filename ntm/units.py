"""Administrative units: the ``Unit`` record, units a file adds, and name resolution (the tables themselves
are built from ``vietnamadminunits`` by ``ntm.unit_catalogue``).

Two eras live side by side, told apart by validity dates:
- until 2025-06-30: province → district → commune (xã / phường / thị trấn), statistics-office codes;
- from 2025-07-01: province → commune (xã / phường / đặc khu), with the old → new mapping.
Codes repeat across eras (a new commune often keeps one predecessor's code), so units are
keyed by ``unit_id`` and every lookup is made in the context of a period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import duckdb
import pandas as pd
from rapidfuzz import process

from ntm import unit_scopes
from ntm.data_version import changed
from ntm.problems import KeyedError, Problem
from ntm.text import clean, compact, fold, foreign_letters, invisible_characters, name_key, normal_name

if TYPE_CHECKING:
    from ntm.unit_table import UnitTable

OLD_ERA_END = date(2025, 6, 30)
NEW_ERA_START = date(2025, 7, 1)
NATIONAL_ID = 0  # the whole country: a scope above the provinces, no row in ``units`` (SQL scopes test ``= 0``)
NATIONAL_CODE = "VN"
RURAL_KIND = "Xã"  # NTM criteria apply to xã only: thị trấn, phường are urban units
COLUMNS = (  # a Unit's fields, in order, as SQL
    "unit_id, code, name, short_name, level, kind, parent_id, district_id, province_id, "
    "valid_from, valid_to, historical"
)


@dataclass(frozen=True)
class Unit:
    unit_id: int
    code: str | None
    name: str
    short_name: str
    level: str
    kind: str
    parent_id: int | None
    district_id: int | None
    province_id: int | None
    valid_from: date | None
    valid_to: date | None
    historical: bool

    def label(self) -> str:
        """ "Huyện Văn Quan (184)" — how candidates are listed to users."""
        return f"{self.name} ({self.code})" if self.code else f"{self.name}"


def national(name: str = "Toàn quốc") -> Unit:
    """The whole country as a unit: every page's scope above the provinces; ``name`` as the UI shows it."""
    return Unit(NATIONAL_ID, NATIONAL_CODE, name, name, "country", "Toàn quốc", None, None, None, None, None, False)


def is_national(unit: Unit | None) -> bool:
    return unit is not None and unit.unit_id == NATIONAL_ID


class UnitError(KeyedError, LookupError):
    """A unit name that matches none or several units: a message key with the text and the candidates,
    translated where it is shown (``message(lang)``)."""

    def __init__(self, key: str, text: str, candidates: list[Unit] | list[str]):
        labels = [c.label() if isinstance(c, Unit) else c for c in candidates]
        super().__init__(key, text=text, candidates="; ".join(labels))
        self.text = text
        self.candidates = candidates


class UnitNotFound(UnitError):
    pass


class AmbiguousUnit(UnitError):
    pass


# ---------------------------------------------------------------- units and spellings a file adds
def add_historical_unit(
    con: duckdb.DuckDBPyConnection,
    name: str,
    parent: Unit,
    *,
    kind: str = RURAL_KIND,
    code: str | None = None,
    valid_to: date | None = None,
) -> Unit:
    """Add a unit that a historical file names but the catalogue lacks, flagged as historical."""
    short = normal_name(name)
    for prefix in ("Xã ", "Phường ", "Thị trấn "):
        if short.lower().startswith(prefix.lower()):
            kind, short = prefix.strip(), short[len(prefix) :]
    district_id = parent.unit_id if parent.level == "district" else None
    uid = con.execute("SELECT coalesce(max(unit_id), 0) + 1 FROM units").fetchall()[0][0]
    con.execute(
        """INSERT INTO units (unit_id, code, name, short_name, level, kind, parent_id, district_id, province_id,
                              valid_from, valid_to, historical, name_key, name_fold)
           VALUES (?, ?, ?, ?, 'commune', ?, ?, ?, ?, NULL, ?, true, ?, ?)""",
        [
            uid,
            code,
            f"{kind} {short}",
            short,
            kind,
            parent.unit_id,
            district_id,
            parent.province_id,
            valid_to or parent.valid_to,
            name_key(short),
            fold(short),
        ],
    )
    unit_scopes.refresh(con, [uid])
    changed(con)
    return get(con, uid)


def add_alias(con: duckdb.DuckDBPyConnection, unit: Unit, alias: str) -> None:
    """Record a spelling a province uses for ``unit`` (compared as ``name_key``)."""
    con.execute("INSERT OR REPLACE INTO unit_aliases VALUES (?, ?, 'spelling')", [unit.unit_id, name_key(alias)])
    changed(con)


def screen_name(
    value: object, sheet: str | None = None, row: int | None = None, column: str | None = None
) -> list[Problem]:
    """How a unit name is written, before it is looked up: invisible characters (removed, a warning
    naming the cell) and letters of another script that only look Latin (an error: "Liên Hộі"
    with a Cyrillic "і" is not Liên Hội, nor a new commune)."""
    shown = normal_name(value)[:80]
    problems = []
    if hidden := invisible_characters(value):
        problems.append(
            Problem("import.name_invisible", {"name": shown, "chars": ", ".join(hidden)}, sheet, row, column, "warning")
        )
    if foreign := foreign_letters(value):
        problems.append(Problem("import.name_script", {"name": shown, "chars": "; ".join(foreign)}, sheet, row, column))
    return problems


def new_unit_clash(con: duckdb.DuckDBPyConnection, name: str, parent: Unit) -> Unit | None:
    """An existing unit under ``parent`` (of any period) that ``name`` folds to, ignoring accents,
    spaces and punctuation ("Trấn-Ninh", "Tran Ninh"): a new unit by that name would be a double."""
    wanted = compact(name)
    for unit in _units(con, "parent_id = ? OR district_id = ?", [parent.unit_id, parent.unit_id]):
        if compact(unit.short_name) == wanted:
            return unit
    return None


# ---------------------------------------------------------------- lookups
def _units(con: duckdb.DuckDBPyConnection, where: str, params: list) -> list[Unit]:
    rows = con.execute(f"SELECT {COLUMNS} FROM units WHERE {where} ORDER BY unit_id", params).fetchall()
    return [Unit(*r) for r in rows]


def rows_where(con: duckdb.DuckDBPyConnection, where: str, params: list) -> list[Unit]:
    """The units matching ``where`` (SQL written by the caller, never user text; values as ``params``), by id."""
    return _units(con, where, params)


def get(con: duckdb.DuckDBPyConnection, unit_id: int) -> Unit:
    if unit_id == NATIONAL_ID:
        return national()
    return _units(con, "unit_id = ?", [unit_id])[0]


def _valid_filter(start: date | None, end: date | None) -> tuple[str, list]:
    if start is None:
        return "true", []
    return "(valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to >= ?)", [end or start, start]


def _within_filter(within: Unit | None) -> tuple[str, list]:
    """Units inside ``within``; inside a province, inside either of its era rows (same code)."""
    if within is None or is_national(within):
        return "true", []
    if within.level != "province":
        return "(parent_id = ? OR district_id = ? OR province_id = ?) AND unit_id <> ?", [within.unit_id] * 4
    twins = "(SELECT unit_id FROM units WHERE level = 'province' AND code = ?)"
    return f"(parent_id IN {twins} OR province_id IN {twins}) AND unit_id NOT IN {twins}", [within.code] * 3


def same_unit(con: duckdb.DuckDBPyConnection, unit: Unit) -> list[Unit]:
    """The rows of one unit across the 2025 reform: a province has one row per era under one code."""
    if unit.level != "province" or not unit.code:
        return [unit]
    return _units(con, "level = 'province' AND code = ?", [unit.code]) or [unit]


def resolve(
    con: duckdb.DuckDBPyConnection,
    text: str,
    *,
    start: date | None = None,
    end: date | None = None,
    within: Unit | None = None,
    prefer: str = "container",
    table: UnitTable | None = None,
) -> Unit:
    """Find the one unit ``text`` means: a name, a path ("Lạng Sơn/Văn Quan") or a code ("184").

    Context narrows first: units valid in [start, end], inside ``within``; then, if several
    remain, ``prefer="container"`` keeps units with communes under them (for summaries and
    imports), ``prefer="commune"`` keeps communes. Raises ``AmbiguousUnit`` listing the
    candidates, or ``UnitNotFound`` with the closest names. ``table`` (``UnitTable.load(con)`` of the tables as
    they are now, ``ntm/unit_table.py``) gives the same answers without a query per question.
    """
    text = clean(text)
    if fold(text) in ("vn", "toan quoc", "ca nuoc"):
        return national()
    if "/" in text:
        unit = within
        parts = [p for p in text.split("/") if p.strip()]
        for i, part in enumerate(parts):
            unit = resolve(
                con,
                part,
                start=start,
                end=end,
                within=unit,
                prefer="container" if i < len(parts) - 1 else prefer,
                table=table,
            )
        if unit is None:
            raise UnitNotFound("unit.not_found", text, [])
        return unit
    valid_sql, valid_params = _valid_filter(start, end)
    within_sql, within_params = _within_filter(within)
    scope = f"{valid_sql} AND {within_sql} AND level <> 'village'"  # villages: ntm.villages.resolve_village
    scope_params = valid_params + within_params
    if table is not None:
        found = table.find(text, start, end, within)
    elif text.isdigit():
        codes = {text, text.zfill(2), text.zfill(3), text.zfill(5)}
        found = _units(con, f"code IN ({','.join('?' * len(codes))}) AND {scope}", [*codes, *scope_params])
    else:
        key = name_key(text)
        found = _units(
            con,
            f"""(name_key = ? OR unit_id IN (SELECT unit_id FROM unit_aliases
                                  WHERE kind = 'spelling' AND alias_key = ?)) AND {scope}""",
            [key, key, *scope_params],
        )
        if not found:
            found = _units(con, f"name_fold = ? AND {scope}", [fold(text), *scope_params])
    if not found:
        raise UnitNotFound(
            "unit.not_found_near" if not text.isdigit() else "unit.not_found",
            text,
            _closest(con, text, scope, scope_params),
        )
    if len(found) > 1:
        found = _prefer(found, prefer)
        found = _one_per_code(found)
        if len(found) > 1:
            raise AmbiguousUnit("unit.ambiguous", text, [describe(con, u) for u in found])
    return found[0]


def _prefer(found: list[Unit], prefer: str) -> list[Unit]:
    """Among same-named units, keep containers (or communes), then the highest (lowest) level."""
    if len(found) > 1:
        if prefer == "container":
            narrowed = [u for u in found if u.level != "commune"]
        else:
            narrowed = [u for u in found if u.level == "commune"]
        found = narrowed or found
        if len(found) > 1:
            by_level = {"province": 0, "district": 1, "commune": 2}
            found.sort(key=lambda u: by_level[u.level] if prefer == "container" else -by_level[u.level])
            found = [u for u in found if u.level == found[0].level]
    return found


def _one_per_code(found: list[Unit]) -> list[Unit]:
    """One unit across the reform (a row per era, one level and code: a province, a commune that kept its name
    and code): asked with no date, the later row."""
    if len(found) > 1 and len({(u.level, u.code) for u in found}) == 1 and found[0].code:
        return [max(found, key=lambda u: u.valid_from or date.min)]
    return found


def describe(con: duckdb.DuckDBPyConnection, unit: Unit) -> str:
    """ "Xã Kim Đồng (06031), Tràng Định, Lạng Sơn": a unit with its parents, for candidate lists."""
    parents = con.execute(
        "SELECT short_name FROM units WHERE unit_id IN (?, ?) AND unit_id <> ? ORDER BY level = 'province'",
        [unit.district_id or -1, unit.province_id or -1, unit.unit_id],
    ).fetchall()
    return " – ".join([unit.label(), ", ".join(p[0] for p in parents)]) if parents else unit.label()


def _closest(con: duckdb.DuckDBPyConnection, text: str, scope: str, params: list, limit: int = 3) -> list[str]:
    rows = con.execute(f"SELECT name, name_fold FROM units WHERE {scope}", params).fetchall()
    if not rows:
        return []
    matches = process.extract(fold(text), [r[1] for r in rows], limit=limit, score_cutoff=60)
    return [rows[index][0] for _, _, index in matches]


def communes_under(
    con: duckdb.DuckDBPyConnection,
    unit: Unit,
    start: date | None = None,
    end: date | None = None,
    rural_only: bool = True,
) -> pd.DataFrame:
    """Communes inside ``unit`` valid in [start, end] (only xã unless ``rural_only`` is False)."""
    valid_sql, valid_params = _valid_filter(start, end)
    kind_sql = "AND c.kind = 'Xã'" if rural_only else ""
    return con.execute(
        f"""SELECT c.unit_id, c.code, c.short_name AS name, c.kind, c.historical,
                   d.short_name AS district, c.district_id, c.valid_from, c.valid_to
            FROM units c LEFT JOIN units d ON d.unit_id = c.district_id
            WHERE c.level = 'commune' {kind_sql} AND {valid_sql.replace("valid_", "c.valid_")}
              AND (? OR c.unit_id = ? OR c.district_id = ? OR c.province_id = ?)
            ORDER BY c.district_id, c.code NULLS LAST, c.short_name""",
        [*valid_params, is_national(unit), unit.unit_id, unit.unit_id, unit.unit_id],
    ).df()


def children(
    con: duckdb.DuckDBPyConnection, unit: Unit, start: date | None = None, end: date | None = None
) -> list[Unit]:
    valid_sql, valid_params = _valid_filter(start, end)
    return _units(con, f"parent_id = ? AND {valid_sql}", [unit.unit_id, *valid_params])


def successors(con: duckdb.DuckDBPyConnection, unit: Unit) -> list[Unit]:
    """The post-2025 communes an old commune went into (the default one first)."""
    rows = con.execute(
        "SELECT new_unit_id FROM unit_successors WHERE old_unit_id = ? ORDER BY is_default DESC", [unit.unit_id]
    ).fetchall()
    return [get(con, r[0]) for r in rows]
