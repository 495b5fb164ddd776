"""The criteria catalogue as the pages read it: every set and every criterion in two small queries, kept per
database file and data version, instead of a query per lookup (a report draft asked for a set's criteria count,
the set in force on a day, a set's name or its criteria names about fifteen times, ~1-3 ms of planning each;
every page asks for its set's criteria names).

The catalogue is reference data: it changes only through the catalogue commands (``catalog.replace_sets``,
``catalog.load_builtin``) and migrations, each a ``store.transaction`` whose commit bumps the data version
(``ntm.data_version``; an autocommit write calls ``changed``). So it is read again after any committed write, and
when the file itself is another one (replaced, or written by another process while this one had it closed: its
inode, size or modification time differ). A database without a file (in memory) is read once per
``page_memo.shared()`` block instead, as before. The answers are those of ``metrics.n_criteria``,
``catalog.set_for_period`` and ``catalog.criteria``, read from the same tables.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

import duckdb

from ntm.data_version import file_version
from ntm.page_memo import once

T = TypeVar("T")


@dataclass(frozen=True)
class CriteriaSet:
    set_id: str
    name: str
    level: str
    valid_from: date | None
    valid_to: date | None


@dataclass(frozen=True)
class Criterion:
    """One criterion of a set with the department that answers for it (``catalog.criteria``'s row)."""

    criterion_no: int
    name_vi: str
    name_en: str  # the Vietnamese name where there is no English one
    department_vi: str | None
    department_en: str | None

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_vi

    def department(self, lang: str) -> str | None:
        return self.department_en if lang == "en" else self.department_vi


@dataclass(frozen=True)
class Catalogue:
    sets: tuple[CriteriaSet, ...]  # in set_id order
    criteria: dict[str, tuple[Criterion, ...]]  # set_id → its criteria by number
    # what callers build from it (``derived``), kept as long as the catalogue is: (builder, arguments) → value
    built: dict[tuple, Any] = field(default_factory=dict, compare=False, repr=False)


def _read(con: duckdb.DuckDBPyConnection) -> Catalogue:
    sets = tuple(
        CriteriaSet(*row)
        for row in con.execute(
            "SELECT set_id, name, level, valid_from, valid_to FROM criteria_sets ORDER BY set_id"
        ).fetchall()
    )
    criteria: dict[str, list[Criterion]] = {}
    for set_id, *row in con.execute(
        """SELECT c.set_id, c.criterion_no, c.name_vi, coalesce(c.name_en, c.name_vi), d.department_vi, d.department_en
           FROM criteria c LEFT JOIN departments d USING (set_id, criterion_no) ORDER BY c.set_id, c.criterion_no"""
    ).fetchall():
        criteria.setdefault(set_id, []).append(Criterion(*row))
    return Catalogue(sets, {k: tuple(v) for k, v in criteria.items()})


# database file → (its version key, its catalogue): one entry per file this process opened
_KEPT: dict[str, tuple[tuple, Catalogue]] = {}
_KEPT_LOCK = threading.Lock()


def catalogue(con: duckdb.DuckDBPyConnection) -> Catalogue:
    """Every set and criterion, read once per database file and data version (and looked up once per
    ``page_memo.shared()`` block: a draft asks ~20 times)."""
    return once(_catalogue, con)


def _catalogue(con: duckdb.DuckDBPyConnection) -> Catalogue:
    found = file_version(con)
    if found is None:  # nothing may be kept: read every time
        return _read(con)
    path, version = found
    kept = _KEPT.get(path)
    if kept is not None and kept[0] == version:
        return kept[1]
    read = _read(con)
    with _KEPT_LOCK:
        _KEPT[path] = (version, read)
    return read


def derived(con: duckdb.DuckDBPyConnection, build: Callable[..., T], *args: Any) -> T:
    """``build(con, *args)`` (a read of reference tables: the catalogue, the targets of ``ntm.target_book``, the
    provinces, the plans), kept with the catalogue of the same data version, so any committed write reads it again.
    Values are shared between callers: return immutable ones, or copy them on the way out."""
    cat = catalogue(con)
    key = (build, *args)
    try:
        return cat.built[key]
    except KeyError:
        value = cat.built[key] = build(con, *args)
        return value


def criteria(con: duckdb.DuckDBPyConnection, set_id: str) -> tuple[Criterion, ...]:
    return catalogue(con).criteria.get(set_id, ())


def n_criteria(con: duckdb.DuckDBPyConnection, set_id: str) -> int:
    """``metrics.n_criteria``: the criteria the set lists."""
    return len(criteria(con, set_id))


def find(con: duckdb.DuckDBPyConnection, set_id: str) -> CriteriaSet | None:
    return next((s for s in catalogue(con).sets if s.set_id == set_id), None)


def set_for_period(con: duckdb.DuckDBPyConnection, day: date, level: str = "commune") -> str | None:
    """``catalog.set_for_period``: the set of ``level`` in force on ``day`` (the latest-starting if several)."""
    found = [
        s
        for s in catalogue(con).sets
        if s.level == level
        and (s.valid_from is None or s.valid_from <= day)
        and (s.valid_to is None or s.valid_to >= day)
    ]
    if not found:
        return None
    dated = [s for s in found if s.valid_from is not None]  # ORDER BY valid_from DESC NULLS LAST
    return max(dated, key=lambda s: s.valid_from or date.min).set_id if dated else found[0].set_id
