"""The commune × year summary and ``unit_scopes`` kept in memory per database file and data version, so that a
year's scores, the communes not reported, the district ranking, the yearly trend, the report window and the status
matrix are answered with numpy and Arrow, without a statement (each DuckDB statement costs several ms of parsing,
binding, optimising and converting, whatever its operators do; a page made 6-9 of them).

What is kept (``Summaries``, ~56,000 year rows and ~38,600 scope rows nationally, a few MB): the year rows sorted
by (year, set, layer, unit), so that a year's reports of a set and layer are one slice; the scope rows sorted by
(scope, unit), so that a scope's communes are one slice; each scope row's place in the pages' order (district,
code, unit_id with NULLS LAST, ranked by DuckDB itself); the unmet and basically met criteria as boolean matrices
(row × criterion number) beside the unmet lists handed out as they are stored; each unit's province (the whole
country counts the provinces that report); the provinces' ids by code (a province's two eras).

Kept correct like the catalogue (``ntm/report_catalog.py``): read again after every committed write (the data
version, ``ntm/data_version.py``: ``store.transaction`` bumps it on commit, a rolled-back write does not) and when
the file is another one (its inode, size or modification time differ). The version is read before the tables, so a
copy is never older than its key. A connection inside an open transaction (``store.transaction``) reads the tables
itself and keeps nothing: its uncommitted rows are seen by it alone and may be rolled back. A database without a
file (in memory) is read once per ``page_memo.shared()`` block. Streamlit's sessions are threads: the copy is built
once under a lock and then only read (its arrays are never written after the build).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date, timedelta

import duckdb
import numpy as np
import pyarrow as pa

from ntm import data_version
from ntm.page_memo import once
from ntm.result_frames import arrow

EPOCH = date(1970, 1, 1)
NEVER_BEFORE = np.iinfo(np.int32).min  # valid_from NULL: valid since always
NEVER_AFTER = np.iinfo(np.int32).max  # valid_to NULL: valid for ever

_YEARS = """SELECT unit_id, year, set_id, layer, period, met::BIGINT AS met, basically_met::BIGINT AS basically_met,
                   unmet::INTEGER[] AS unmet, coalesce(basically, []) AS basically
            FROM commune_year_summary ORDER BY year, set_id, layer, unit_id"""
_SCOPES = """SELECT scope_id, unit_id, code, name, district, valid_from, valid_to, province, province_id,
                    dense_rank() OVER (ORDER BY district, code, unit_id) - 1 AS rank,
                    dense_rank() OVER (ORDER BY district, name, unit_id) - 1 AS name_rank
             FROM unit_scopes ORDER BY scope_id, unit_id"""
_UNITS = """SELECT unit_id, province_id, level, code, short_name, kind = 'Xã', coalesce(district_id, province_id)
            FROM units"""
_SETS = """SELECT set_id, count(*) FROM criteria
           WHERE set_id IN (SELECT set_id FROM criteria_sets WHERE level = 'commune') GROUP BY 1"""


def _days(column: pa.ChunkedArray, null: int) -> np.ndarray:
    """A DATE column as int32 days since 1970 (``null`` where NULL)."""
    return column.cast(pa.int32()).fill_null(null).to_numpy().astype(np.int32, copy=False)


def day(days: int) -> date:
    return EPOCH + timedelta(days=int(days))


def _masks(lists: pa.ChunkedArray, width: int) -> np.ndarray:
    """Row × criterion number: whether the number is in the row's list."""
    flat = lists.combine_chunks()
    mask = np.zeros((len(flat), width), dtype=bool)
    values = flat.flatten().to_numpy(zero_copy_only=False).astype(np.int64)
    if len(values):
        rows = np.repeat(np.arange(len(flat)), np.diff(flat.offsets.to_numpy()))
        mask[rows, values] = True
    return mask


@dataclass(frozen=True)
class Summaries:
    """The two tables as arrays (see the module's docstring); built by ``read``, never changed after."""

    years: pa.Table  # the year rows' output columns: unit_id, period, met, basically_met, unmet
    unmet_lists: np.ndarray  # object: each row's unmet list as the frame's cell (a read-only int32 array)
    y_unit: np.ndarray  # int32, sorted within each (year, set, layer) slice
    y_period: np.ndarray  # int32 days
    y_met: np.ndarray  # int64
    y_year: np.ndarray  # int64
    y_set: np.ndarray  # int32 codes into set_ids
    y_layer: np.ndarray  # int32 codes into layers
    set_ids: tuple[str, ...]
    layers: tuple[str, ...]
    slices: dict[tuple[int, str, str], tuple[int, int]]  # (year, set, layer) → its rows
    unmet: np.ndarray  # bool, row × criterion number
    basically: np.ndarray  # bool, row × criterion number
    by_unit: np.ndarray  # year rows ordered by unit (stable): a commune's rows of every year are one slice
    by_unit_key: np.ndarray  # y_unit[by_unit]
    scopes: pa.Table  # the scope rows' output columns: unit_id, code, name, district, province
    s_scope: np.ndarray  # int32, sorted
    s_unit: np.ndarray  # int32, sorted within a scope
    s_from: np.ndarray  # int32 days (NEVER_BEFORE for NULL)
    s_to: np.ndarray  # int32 days (NEVER_AFTER for NULL)
    s_rank: np.ndarray  # int64: the row's place in ORDER BY district, code, unit_id
    s_name_rank: np.ndarray  # int64: its place in ORDER BY district, name, unit_id (the regressions' order)
    s_province_id: np.ndarray  # int64 (-1 for NULL)
    s_district: np.ndarray  # int64 codes into districts (-1 for NULL)
    s_province: np.ndarray  # int64 codes into provinces (-1 for NULL)
    districts: tuple[str, ...]
    provinces: tuple[str, ...]
    unit_ids: np.ndarray  # every unit, sorted
    unit_province: np.ndarray  # its province_id (-1 for NULL)
    unit_name: np.ndarray  # object: its short name
    unit_is_commune: np.ndarray  # bool: kind 'Xã'
    unit_place: np.ndarray  # int64: its district, else its province (-1 for neither)
    province_ids: dict[str, tuple[int, ...]]  # a province's code → the ids of its units (its eras)
    commune_sets: dict[str, int]  # set of commune level → its criteria count
    nbytes: int = 0
    built: dict = field(default_factory=dict, compare=False, repr=False)  # what callers derive, per copy

    def scope(self, scope_id: int) -> tuple[int, int]:
        """The rows of one scope: a slice of the scope rows."""
        return (
            int(np.searchsorted(self.s_scope, scope_id, "left")),
            int(np.searchsorted(self.s_scope, scope_id, "right")),
        )

    def units_at(self, unit_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(each id's place in ``unit_ids``-sorted arrays ``unit_*``, whether the unit exists)."""
        if not len(self.unit_ids):
            return np.zeros(len(unit_ids), dtype=np.int64), np.zeros(len(unit_ids), dtype=bool)
        at = np.minimum(np.searchsorted(self.unit_ids, unit_ids), len(self.unit_ids) - 1)
        return at, self.unit_ids[at] == unit_ids

    def rows(self, year: int, set_id: str, layer: str) -> tuple[int, int]:
        return self.slices.get((year, set_id, layer), (0, 0))

    def joined(self, scope_id: int, year: int, set_id: str, layer: str) -> tuple[np.ndarray, np.ndarray]:
        """(scope rows, their year rows or -1): each commune of the scope with its report of the year, if any."""
        lo, hi = self.scope(scope_id)
        y_lo, y_hi = self.rows(year, set_id, layer)
        units, reported = self.s_unit[lo:hi], self.y_unit[y_lo:y_hi]
        if not len(reported):
            return np.arange(lo, hi), np.full(hi - lo, -1, dtype=np.int64)
        found = np.minimum(np.searchsorted(reported, units), len(reported) - 1)
        return np.arange(lo, hi), np.where(reported[found] == units, found + y_lo, -1)


def text_codes(column: pa.ChunkedArray | pa.Array) -> tuple[np.ndarray, tuple[str, ...]]:
    """Integer codes of a text column (-1 for NULL), numbered in the texts' sort order (DuckDB's: by code point)."""
    encoded = (column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column).dictionary_encode()
    names = encoded.dictionary.to_pylist()
    order = sorted(range(len(names)), key=names.__getitem__)
    renumber = np.empty(len(names) + 1, dtype=np.int64)
    renumber[np.array(order, dtype=np.int64)] = np.arange(len(names))
    renumber[-1] = -1
    codes = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
    return renumber[codes], tuple(names[i] for i in order)


def read(con: duckdb.DuckDBPyConnection) -> Summaries:
    """Both tables and the few unit facts the answers need, in four statements."""
    y = arrow(con, _YEARS)
    s = arrow(con, _SCOPES)
    units = con.execute(_UNITS).fetchall()
    sets = dict(con.execute(_SETS).fetchall())
    width = 1 + max(
        [int(pa.compute.max(y[c].combine_chunks().flatten()).as_py() or 0) for c in ("unmet", "basically") if len(y)]
        or [0]
    )
    set_codes, set_ids = text_codes(y["set_id"])
    layer_codes, layers = text_codes(y["layer"])
    year = y["year"].to_numpy().astype(np.int64)
    slices: dict[tuple[int, str, str], tuple[int, int]] = {}
    if len(y):
        key = year * 1_000_000 + set_codes * 1000 + layer_codes  # the sort order's groups, each a run
        starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
        ends = np.r_[starts[1:], len(y)]
        for a, b in zip(starts.tolist(), ends.tolist()):
            slices[(int(year[a]), set_ids[set_codes[a]], layers[layer_codes[a]])] = (a, b)
    y_unit = y["unit_id"].to_numpy().astype(np.int32)
    by_unit = np.argsort(y_unit, kind="stable")
    district, districts = text_codes(s["district"])
    province, provinces = text_codes(s["province"])
    unit_ids = np.array([u[0] for u in units], dtype=np.int64)
    order = np.argsort(unit_ids)
    unit_province = np.array([-1 if u[1] is None else u[1] for u in units], dtype=np.int64)
    province_ids: dict[str, list[int]] = {}
    for unit_id, _, level, code, *_ in units:
        if level == "province" and code is not None:
            province_ids.setdefault(code, []).append(unit_id)
    copy = Summaries(
        years=pa.table(
            {
                "report_period": y["period"],
                "met": y["met"],
                "basically_met": y["basically_met"],
                "unmet": y["unmet"],
            }
        ).combine_chunks(),
        unmet_lists=y["unmet"].to_pandas().to_numpy(dtype=object),
        y_unit=y_unit,
        y_period=_days(y["period"], 0),
        y_met=y["met"].to_numpy().astype(np.int64),
        y_year=year,
        y_set=set_codes.astype(np.int32),
        y_layer=layer_codes.astype(np.int32),
        set_ids=set_ids,
        layers=layers,
        slices=slices,
        unmet=_masks(y["unmet"], width),
        basically=_masks(y["basically"], width),
        by_unit=by_unit,
        by_unit_key=y_unit[by_unit],
        scopes=pa.table({c: s[c] for c in ("unit_id", "code", "name", "district", "province")}).combine_chunks(),
        s_scope=s["scope_id"].to_numpy().astype(np.int32),
        s_unit=s["unit_id"].to_numpy().astype(np.int32),
        s_from=_days(s["valid_from"], NEVER_BEFORE),
        s_to=_days(s["valid_to"], NEVER_AFTER),
        s_rank=s["rank"].to_numpy().astype(np.int64),
        s_name_rank=s["name_rank"].to_numpy().astype(np.int64),
        s_province_id=s["province_id"].fill_null(-1).to_numpy().astype(np.int64),
        s_district=district,
        s_province=province,
        districts=districts,
        provinces=provinces,
        unit_ids=unit_ids[order],
        unit_province=unit_province[order],
        unit_name=np.array([u[4] for u in units], dtype=object)[order],
        unit_is_commune=np.array([bool(u[5]) for u in units], dtype=bool)[order],
        unit_place=np.array([-1 if u[6] is None else u[6] for u in units], dtype=np.int64)[order],
        province_ids={k: tuple(v) for k, v in province_ids.items()},
        commune_sets={k: int(v) for k, v in sets.items()},
    )
    size = sum(v.nbytes for v in vars(copy).values() if isinstance(v, (np.ndarray, pa.Table)))
    object.__setattr__(copy, "nbytes", size)
    return copy


# database file → (what says the copy still holds, the copy): one entry per file this process opened
_KEPT: dict[str, tuple[tuple, Summaries]] = {}
_LOCK = threading.Lock()


def summaries(con: duckdb.DuckDBPyConnection) -> Summaries:
    """The copy for ``con``'s database as it is now (read when missing or out of date)."""
    found = data_version.file_version(con)
    if found is None:  # inside a transaction (its own uncommitted rows: not kept), or a database without a file
        return read(con) if data_version.in_transaction(con) else once(read, con)
    path, version = found
    kept = _KEPT.get(path)
    if kept is not None and kept[0] == version:
        return kept[1]
    with _LOCK:  # one build per version, however many sessions ask at once
        kept = _KEPT.get(path)
        if kept is not None and kept[0] == version:
            return kept[1]
        copy = read(con)
        _KEPT[path] = (version, copy)
        return copy


def forget() -> None:
    """Drop every kept copy (tests; a process that wants its memory back)."""
    with _LOCK:
        _KEPT.clear()


# ---------------------------------------------------------------- the month rows, read the first time they are asked
_MONTHS = """SELECT unit_id, period, set_id, layer, met::BIGINT AS met, upload_id, unmet, coalesce(basically, []) AS basically,
                    coalesce(missing, []) AS missing
             FROM commune_month_summary"""  # sorted here by key: DuckDB's ORDER BY of the lists cost 4× the read
_UNIT_BITS = 32  # key = ((layer, set) group << 49) | (unit_id << 17) | days: unit ids < 2^32, days < 2^17


@dataclass(frozen=True)
class Months:
    """The commune × month summary (~555,000 rows nationally): keys and the lists as boolean matrices."""

    key: np.ndarray  # int64, sorted: the (layer, set) group, the unit and the month of each row
    unit: np.ndarray  # int32
    period: np.ndarray  # int32 days
    set_code: np.ndarray  # int32 codes into set_ids
    met: np.ndarray  # int64
    upload_id: np.ndarray  # int32
    unmet: np.ndarray  # bool, row × criterion number
    basically: np.ndarray
    missing: np.ndarray
    set_ids: tuple[str, ...]
    groups: dict[tuple[str, str], int]  # (layer, set) → its group number in the key
    nbytes: int = 0

    def keys(self, layer: str, set_id: str, units: np.ndarray, days: np.ndarray | int) -> np.ndarray | None:
        """The keys of (unit, month) pairs of one layer and set, or None when the summary has none of it."""
        group = self.groups.get((layer, set_id))
        if group is None:
            return None
        return (np.int64(group) << 49) | (units.astype(np.int64) << 17) | np.asarray(days, dtype=np.int64)

    def find(self, keys: np.ndarray) -> np.ndarray:
        """Each key's row, -1 where absent."""
        at = np.minimum(np.searchsorted(self.key, keys), max(len(self.key) - 1, 0))
        return np.where(self.key[at] == keys, at, -1) if len(self.key) else np.full(len(keys), -1)

    def before(self, keys: np.ndarray) -> np.ndarray:
        """The row just before each key's position within its (layer, set, unit), -1 where none: the report before."""
        at = np.searchsorted(self.key, keys) - 1
        ok = (at >= 0) & ((self.key[np.maximum(at, 0)] >> 17) == (keys >> 17)) if len(self.key) else at >= 0
        return np.where(ok, at, -1)


def _read_months(con: duckdb.DuckDBPyConnection) -> Months:
    t = arrow(con, _MONTHS)
    width = 1 + max(
        [int(pa.compute.max(t[c].combine_chunks().flatten()).as_py() or 0) for c in ("unmet", "basically", "missing")]
        if len(t)
        else [0]
    )
    set_code, set_ids = text_codes(t["set_id"])
    layer_code, layers = text_codes(t["layer"])
    group = layer_code * max(len(set_ids), 1) + set_code  # the sort's (layer, set) order
    unit = t["unit_id"].to_numpy().astype(np.int32)
    period = _days(t["period"], 0)
    key = (group.astype(np.int64) << 49) | (unit.astype(np.int64) << 17) | period.astype(np.int64)
    order = None if len(key) < 2 or bool(np.all(key[1:] > key[:-1])) else np.argsort(key, kind="stable")

    def ordered(a: np.ndarray) -> np.ndarray:
        return a if order is None else a[order]

    months = Months(
        key=ordered(key),
        unit=ordered(unit),
        period=ordered(period),
        set_code=ordered(set_code.astype(np.int32)),
        met=ordered(t["met"].to_numpy().astype(np.int64)),
        upload_id=ordered(t["upload_id"].to_numpy().astype(np.int32)),
        unmet=ordered(_masks(t["unmet"], width)),
        basically=ordered(_masks(t["basically"], width)),
        missing=ordered(_masks(t["missing"], width)),
        set_ids=set_ids,
        groups={
            (layers[g // max(len(set_ids), 1)], set_ids[g % max(len(set_ids), 1)]): int(g) for g in np.unique(group)
        },
    )
    object.__setattr__(months, "nbytes", sum(v.nbytes for v in vars(months).values() if isinstance(v, np.ndarray)))
    return months


def months(con: duckdb.DuckDBPyConnection) -> Months:
    """The month rows kept with the copy of the same version (read once, the first time a caller needs them)."""
    copy = summaries(con)
    found = copy.built.get("months")
    if found is not None:
        return found
    with _LOCK:
        found = copy.built.get("months")
        if found is None:
            found = copy.built["months"] = _read_months(con)
        return found
