"""A year's figures answered from the in-memory copy of the summaries (``ntm/summary_memory.py``), without a
statement: the same frames, columns, dtypes, row order and nulls as the SQL of ``ntm/metrics.py`` gives for a year
period (month periods stay in SQL there).

The rules are those of ``ntm/counted_reports.py``: a commune counts in a scope's year when it is one of the scope's
xã (``unit_scopes``) with a row of the year summary for the set and layer, and is valid at the window's end (the
latest month any of those communes reported; the period's end where none did, for the lists of communes without a
report); the whole country's "not reported" counts only the provinces with a report in the period. Orders are the
pages' ``ORDER BY … NULLS LAST`` with the ``unit_id`` tie-break: each scope row carries its place in ``district,
code, unit_id`` as DuckDB ranks it.
"""

from __future__ import annotations

from datetime import date

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from ntm import report_catalog
from ntm.result_frames import table_frame
from ntm.summary_memory import Summaries, day, summaries
from ntm.units import NATIONAL_ID, Unit

_STATUSES = pa.array(["no_report", "basically_met", "not_met", "met"])


def _counted(m: Summaries, scope_id: int, year: int, set_id: str, layer: str) -> tuple[np.ndarray, np.ndarray]:
    """(scope rows, year rows) of the communes counted: reported and valid at the window's last month."""
    rows, found = m.joined(scope_id, year, set_id, layer)
    hit = found >= 0
    rows, found = rows[hit], found[hit]
    if not len(found):
        return rows, found
    last = m.y_period[found].max()
    valid = (m.s_to[rows] >= last) & (m.s_from[rows] <= last)
    return rows[valid], found[valid]


def report_window(con: duckdb.DuckDBPyConnection, unit: Unit, year: int, set_id: str, layer: str) -> date | None:
    """The latest month reported by the scope's xã in the year (validity not tested), or None."""
    m = summaries(con)
    _, found = m.joined(unit.unit_id, year, set_id, layer)
    found = found[found >= 0]
    return None if not len(found) else day(m.y_period[found].max())


def latest_month(con: duckdb.DuckDBPyConnection, unit: Unit, year: int, layer: str) -> date | None:
    """The latest month up to the end of ``year`` reported in any set by a commune of ``unit`` (the unit itself, or
    its district or province is ``unit``; the whole country: any commune), or None. A year row's period lies in its
    year, so the latest year with such a row holds the answer."""
    m = summaries(con)
    for row_year in sorted({y for y, _, on in m.slices if y <= year and on == layer}, reverse=True):
        months = [_months_in(m, unit, *m.rows(row_year, set_id, layer)) for set_id in m.set_ids]
        found = np.concatenate(months)
        if len(found):
            return day(found.max())
    return None


def _months_in(m: Summaries, unit: Unit, lo: int, hi: int) -> np.ndarray:
    """The periods of the year rows ``lo:hi`` whose commune lies in ``unit``."""
    return m.y_period[lo:hi][_inside(m, unit, lo, hi)]


def _inside(m: Summaries, unit: Unit, lo: int, hi: int, xa_only: bool = False) -> np.ndarray:
    """Which year rows of ``lo:hi`` belong to a unit that is ``unit`` or lies in it (its district or province is
    ``unit``; the whole country: any unit), and with ``xa_only`` is a xã (kind 'Xã')."""
    ids = m.y_unit[lo:hi]
    every_at, every_known = _row_units(m)
    at, known = every_at[lo:hi], every_known[lo:hi].copy()
    if unit.unit_id != NATIONAL_ID:
        target = unit.unit_id
        known &= (ids == target) | (m.unit_place[at] == target) | (m.unit_province[at] == target)
    return known & m.unit_is_commune[at] if xa_only else known


def criterion_rates_by_year(con: duckdb.DuckDBPyConnection, unit: Unit, set_id: str, layer: str) -> pd.DataFrame:
    """``criterion_rates.criterion_rates_by_year``: per year and criterion of the set, the share of the unit's xã
    whose year row does not list it as unmet (year, criterion_no, rate, communes; ORDER BY year, criterion_no).
    Every year row counts, as in the statement it replaces: no validity test at the year's end."""
    m = summaries(con)
    numbers = np.array([c.criterion_no for c in report_catalog.criteria(con, set_id)], dtype=np.int32)
    inside = numbers < m.unmet.shape[1]  # a number above every list's is in none: met everywhere
    columns: dict[str, list[np.ndarray]] = {"year": [], "criterion_no": [], "rate": [], "communes": []}
    for year in sorted(y for y, s, on in m.slices if s == set_id and on == layer):
        lo, hi = m.rows(year, set_id, layer)
        rows = np.flatnonzero(_inside(m, unit, lo, hi, xa_only=True)) + lo
        if not len(rows) or not len(numbers):
            continue
        unmet = np.zeros(len(numbers), dtype=np.int64)
        unmet[inside] = m.unmet[np.ix_(rows, numbers[inside])].sum(axis=0)
        columns["year"].append(np.full(len(numbers), year, dtype=np.int64))
        columns["criterion_no"].append(numbers)
        columns["rate"].append((len(rows) - unmet) / len(rows))
        columns["communes"].append(np.full(len(numbers), len(rows), dtype=np.int64))
    if not columns["year"]:
        return table_frame(con, _RATES_BY_YEAR.empty_table())
    return pd.DataFrame({name: np.concatenate(parts) for name, parts in columns.items()})


def sets_in_scope(con: duckdb.DuckDBPyConnection, scope_id: int, year: int, layer: str) -> frozenset[str]:
    """The sets with a year row of ``year`` for one of the scope's xã (``unit_scopes``)."""
    m = summaries(con)
    return frozenset(s for s in m.set_ids if (m.joined(scope_id, year, s, layer)[1] >= 0).any())


def sets_in_provinces(con: duckdb.DuckDBPyConnection, province_ids: list[int], year: int, layer: str) -> frozenset[str]:
    """The sets with a year row of ``year`` for a commune of any unit whose province is one of ``province_ids``."""
    m = summaries(con)
    provinces = _row_provinces(m)
    return frozenset(s for s in m.set_ids if np.isin(provinces[slice(*m.rows(year, s, layer))], province_ids).any())


def _row_units(m: Summaries) -> tuple[np.ndarray, np.ndarray]:
    """``units_at`` of every year row's unit (its place in the ``unit_*`` arrays, whether it is known), derived once
    per copy: the rows' scopes by unit, district and province without a search per question."""
    found = m.built.get("row_units")
    if found is None:
        found = m.built["row_units"] = m.units_at(m.y_unit)
    return found


def _row_provinces(m: Summaries) -> np.ndarray:
    """Each year row's province id (-1 where its unit has none), derived once per copy."""
    found = m.built.get("row_provinces")
    if found is None:
        at, known = _row_units(m)
        found = m.built["row_provinces"] = np.where(known, m.unit_province[at], -1)
    return found


def commune_scores(con: duckdb.DuckDBPyConnection, unit: Unit, year: int, set_id: str, layer: str) -> pd.DataFrame:
    """``metrics.commune_scores`` for a year: ORDER BY met DESC, district, code, unit_id."""
    m = summaries(con)
    rows, found = _counted(m, unit.unit_id, year, set_id, layer)
    order = np.lexsort((m.s_rank[rows], -m.y_met[found]))
    rows, found = rows[order], found[order]
    scopes, years = m.scopes.take(rows), m.years.take(found)
    table = pa.table(
        {
            "unit_id": scopes["unit_id"],
            "code": scopes["code"],
            "name": scopes["name"],
            "district": scopes["district"],
            "report_period": years["report_period"],
            "met": years["met"],
            "basically_met": years["basically_met"],
            "province": scopes["province"],
        }
    )
    frame = table_frame(con, table)  # the unmet lists: their cells as kept (Arrow would convert each list again)
    frame.insert(7, "unmet", m.unmet_lists[found] if len(found) else pd.Series([], dtype=object))
    return frame


def _missing(m: Summaries, unit: Unit, year: int, set_id: str, layer: str, end: date) -> tuple[np.ndarray, np.ndarray]:
    """(scope rows in the pages' order, their year rows or -1) of the communes valid at the window's end (the
    latest month reported, else ``end``)."""
    rows, found = m.joined(unit.unit_id, year, set_id, layer)
    hit = found >= 0
    last = m.y_period[found[hit]].max() if hit.any() else (end - date(1970, 1, 1)).days
    valid = (m.s_to[rows] >= last) & (m.s_from[rows] <= last)
    rows, found = rows[valid], found[valid]
    order = np.argsort(m.s_rank[rows], kind="stable")
    return rows[order], found[order]


def _reporting_provinces(m: Summaries, year: int, set_id: str, layer: str) -> np.ndarray:
    """The province ids of the units with a year row (any unit: the whole country's rule)."""
    lo, hi = m.rows(year, set_id, layer)
    where, known = m.units_at(m.y_unit[lo:hi])
    provinces = m.unit_province[where[known]]
    return np.unique(provinces[provinces >= 0])


def not_reported(
    con: duckdb.DuckDBPyConnection, unit: Unit, year: int, set_id: str, layer: str, end: date
) -> pd.DataFrame:
    """``metrics.not_reported`` for a year: ORDER BY district, code, unit_id."""
    m = summaries(con)
    rows, found = _missing(m, unit, year, set_id, layer, end)
    keep = found < 0
    if unit.unit_id == NATIONAL_ID:
        keep &= np.isin(m.s_province_id[rows], _reporting_provinces(m, year, set_id, layer))
    scopes = m.scopes.take(rows[keep])
    return table_frame(con, scopes.select(["unit_id", "code", "name", "district"]))


def status_matrix(
    con: duckdb.DuckDBPyConnection, unit: Unit, year: int, set_id: str, layer: str, end: date
) -> pd.DataFrame:
    """``metrics.status_matrix`` for a year: every counted-or-missing commune × the set's criteria."""
    m = summaries(con)
    rows, found = _missing(m, unit, year, set_id, layer, end)
    numbers = np.array([c.criterion_no for c in report_catalog.criteria(con, set_id)], dtype=np.int32)
    n = len(numbers)
    each_row, each_no = np.repeat(np.arange(len(rows)), n), np.tile(numbers, len(rows))
    reported = np.repeat(found, n)
    at = np.maximum(reported, 0)
    inside = each_no < m.unmet.shape[1]  # a number above every list's: in none
    no = np.where(inside, each_no, 0)
    basically = inside & m.basically[at, no]
    unmet = inside & m.unmet[at, no]
    status = np.where(reported < 0, 0, np.where(basically, 1, np.where(unmet, 2, 3)))
    scopes = m.scopes.take(rows[each_row])
    table = pa.table(
        {
            "unit_id": scopes["unit_id"],
            "code": scopes["code"],
            "name": scopes["name"],
            "district": scopes["district"],
            "criterion_no": pa.array(each_no, pa.int32()),
            "status": _STATUSES.take(pa.array(status)),
        }
    )
    return table_frame(con, table)


def district_ranking(
    con: duckdb.DuckDBPyConnection, province: Unit, year: int, set_id: str, layer: str
) -> pd.DataFrame | None:
    """The grouped rows of ``metrics.district_ranking`` (district, communes, average_met, at_standard) before its
    ranking, or None when no commune counts."""
    m = summaries(con)
    rows, found = _counted(m, province.unit_id, year, set_id, layer)
    national = province.unit_id == NATIONAL_ID
    codes, names = (m.s_province, m.provinces) if national else (m.s_district, m.districts)
    group = codes[rows]
    named = group >= 0
    group, met = group[named], m.y_met[found[named]]
    if not len(group):
        return None
    n = report_catalog.n_criteria(con, set_id)
    present, inverse = np.unique(group, return_inverse=True)
    communes = np.bincount(inverse)
    total = np.bincount(inverse, weights=met)
    standard = np.bincount(inverse, weights=(met == n)).astype(np.int64)
    return pd.DataFrame(
        {
            "district": pd.array([names[i] for i in present], dtype=pd.StringDtype("pyarrow", na_value=np.nan)),
            "communes": communes.astype(np.int64),
            "average_met": total / communes,
            "at_standard": standard,
        }
    )


def yearly_average(con: duckdb.DuckDBPyConnection, unit: Unit, layer: str) -> pd.DataFrame:
    """``metrics.yearly_average``: year, set_id, communes, average_met, at_standard, n_criteria; each (year, set)
    of a commune-level set is one slice of the year rows, joined to the scope's communes (a province: the scopes of
    its units sharing its code, its two eras) and counted at that year's last reported month."""
    m = summaries(con)
    # a province: its units sharing its code (none when it has no code, as ``code = NULL`` matches nothing)
    province = unit.level == "province"
    ids = list(m.province_ids.get(unit.code, ()) if unit.code is not None else ()) if province else [unit.unit_id]
    found: list[tuple[int, str, int, int, int, int]] = []
    for year, set_id, on in sorted(m.slices, key=lambda k: (k[0], k[1])):
        n = m.commune_sets.get(set_id)
        if on != layer or n is None:
            continue
        joined = [m.joined(i, year, set_id, layer) for i in ids]
        rows = np.concatenate([r for r, _ in joined])
        reported = np.concatenate([f for _, f in joined])
        hit = reported >= 0
        rows, reported = rows[hit], reported[hit]
        if not len(reported):
            continue
        last = m.y_period[reported].max()
        valid = (m.s_to[rows] >= last) & (m.s_from[rows] <= last)
        met = m.y_met[reported[valid]]
        if len(met):
            found.append((year, set_id, len(met), int(met.sum()), int((met == n).sum()), n))
    if not found:  # DuckDB's frame of an empty result (its dtypes, not pandas')
        return table_frame(con, _YEARLY.empty_table())
    return pd.DataFrame(
        {
            "year": np.array([f[0] for f in found], dtype=np.int64),
            "set_id": pd.array([f[1] for f in found], dtype=pd.StringDtype("pyarrow", na_value=np.nan)),
            "communes": np.array([f[2] for f in found], dtype=np.int64),
            "average_met": np.array([f[3] / f[2] for f in found], dtype=np.float64),
            "at_standard": np.array([f[4] for f in found], dtype=np.int64),
            "n_criteria": np.array([f[5] for f in found], dtype=np.int64),
        }
    )


_YEARLY = pa.schema(
    [
        ("year", pa.int64()),
        ("set_id", pa.string()),
        ("communes", pa.int64()),
        ("average_met", pa.float64()),
        ("at_standard", pa.int64()),
        ("n_criteria", pa.int64()),
    ]
)


_RATES_BY_YEAR = pa.schema(
    [("year", pa.int64()), ("criterion_no", pa.int32()), ("rate", pa.float64()), ("communes", pa.int64())]
)
