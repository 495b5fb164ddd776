"""What moved between reports, answered from the in-memory copy of the summaries (``ntm/summary_memory.py``):
a commune's history (its month rows) and the regressions of a scope's latest reports, the same frames as the SQL
they replace gave (columns, dtypes, order, nulls).

The report before a latest one is the nearest earlier month row of the same commune, set and layer (the month
summary sorted by layer, set, commune and month: one ``searchsorted``); a year row's month is its latest month, so
this is the month the SQL found among the year's months and the earlier years' rows.
"""

from __future__ import annotations

from datetime import date

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from ntm import report_catalog
from ntm.periods import Period
from ntm.result_frames import table_frame
from ntm.summary_memory import EPOCH, Months, months, summaries
from ntm.units import Unit

_REGRESSIONS = pa.schema(
    [
        ("unit_id", pa.int32()),
        ("code", pa.string()),
        ("name", pa.string()),
        ("district", pa.string()),
        ("previous", pa.date32()),
        ("latest", pa.date32()),
        ("criterion_no", pa.int32()),
    ]
)
_HISTORY = pa.schema(
    [
        ("period", pa.date32()),
        ("set_id", pa.string()),
        ("met", pa.int64()),
        ("statuses", pa.map_(pa.int32(), pa.string())),
        ("upload_id", pa.int32()),
    ]
)
_TEXT = pd.StringDtype("pyarrow", na_value=np.nan)


def _days(day: date) -> int:
    return (day - EPOCH).days


def _widen(mask: np.ndarray, width: int) -> np.ndarray:
    if mask.shape[1] >= width:
        return mask
    wide = np.zeros((mask.shape[0], width), dtype=bool)
    wide[:, : mask.shape[1]] = mask
    return wide


def regressions(con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str) -> pd.DataFrame:
    """``movements.regressions``: criteria unmet in each latest report of the period (communes of the scope valid
    at the period's end) and not unmet in the report before it. ORDER BY district, name, criterion_no (then
    unit_id: two communes of one district may share a name)."""
    m, mo = summaries(con), months(con)
    end = _days(period.end)
    if period.is_year:
        rows, found = m.joined(unit.unit_id, period.year, set_id, layer)
        hit = found >= 0
        rows, found = rows[hit], found[hit]
        latest, unmet = m.y_period[found], m.unmet[found]
    else:
        lo, hi = m.scope(unit.unit_id)
        rows = np.arange(lo, hi)
        keys = mo.keys(layer, set_id, m.s_unit[rows], _days(period.start))
        found = np.full(len(rows), -1) if keys is None else mo.find(keys)
        hit = found >= 0
        rows, found = rows[hit], found[hit]
        latest, unmet = mo.period[found], mo.unmet[found]
    valid = (m.s_to[rows] >= end) & (m.s_from[rows] <= end)
    rows, latest, unmet = rows[valid], latest[valid], unmet[valid]
    keys = mo.keys(layer, set_id, m.s_unit[rows], latest)
    before = np.full(len(rows), -1) if keys is None else mo.before(keys)
    has = before >= 0
    rows, latest, unmet, before = rows[has], latest[has], unmet[has], before[has]
    width = max(unmet.shape[1], mo.unmet.shape[1])
    lost = _widen(unmet, width) & ~_widen(mo.unmet[before], width)
    which, number = np.nonzero(lost)
    order = np.lexsort((number, m.s_name_rank[rows[which]]))
    which, number = which[order], number[order]
    scopes = m.scopes.take(rows[which])
    table = pa.table(
        {
            "unit_id": scopes["unit_id"],
            "code": scopes["code"],
            "name": scopes["name"],
            "district": scopes["district"],
            "previous": pa.array(mo.period[before[which]], pa.int32()).cast(pa.date32()),
            "latest": pa.array(latest[which].astype(np.int32), pa.int32()).cast(pa.date32()),
            "criterion_no": pa.array(number.astype(np.int32), pa.int32()),
        },
        schema=_REGRESSIONS,
    )
    return table_frame(con, table)


def _rows_of(mo: Months, unit_id: int, layer: str) -> np.ndarray:
    """The month rows of one commune and layer, every set, ORDER BY period, set_id."""
    parts = []
    for (on, _), group in mo.groups.items():
        if on != layer:
            continue
        low = (np.int64(group) << 49) | (np.int64(unit_id) << 17)
        high = (np.int64(group) << 49) | (np.int64(unit_id + 1) << 17)
        parts.append(np.arange(np.searchsorted(mo.key, low), np.searchsorted(mo.key, high)))
    rows = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
    return rows[np.lexsort((mo.set_code[rows], mo.period[rows]))]


def commune_history(con: duckdb.DuckDBPyConnection, unit: Unit, layer: str) -> pd.DataFrame:
    """``movements.commune_history``: every report of one commune (its set's criteria not missing from it, each
    with its status), ORDER BY period, set_id."""
    mo = months(con)
    rows = _rows_of(mo, unit.unit_id, layer)
    statuses, kept = [], []
    for row in rows.tolist():
        set_id = mo.set_ids[mo.set_code[row]]
        width = mo.unmet.shape[1]
        numbers = [c.criterion_no for c in report_catalog.criteria(con, set_id)]
        given = {}
        for no in numbers:
            inside = no < width
            if inside and mo.missing[row, no]:
                continue
            given[no] = (
                "basically_met"
                if inside and mo.basically[row, no]
                else "not_met"
                if inside and mo.unmet[row, no]
                else "met"
            )
        if given:  # a report with none of its set's criteria has no row (the SQL's inner join)
            statuses.append(given)
            kept.append(row)
    if not kept:
        return table_frame(con, _HISTORY.empty_table())
    at = np.array(kept, dtype=np.int64)
    return pd.DataFrame(
        {
            "period": (mo.period[at].astype("datetime64[D]")).astype("datetime64[us]"),
            "set_id": pd.array([mo.set_ids[c] for c in mo.set_code[at]], dtype=_TEXT),
            "met": mo.met[at],
            "statuses": pd.Series(statuses, dtype=object),
            "upload_id": mo.upload_id[at],
        }
    )
