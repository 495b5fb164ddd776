"""What a dry run shows before anything is written: per commune and month, the criteria newly met and
newly lost against its previous report in the database (same set and layer), and the communes of the same
districts that reported the month before but are missing from the upload.

Both are answered from the in-memory copy of the commune × month summary (``ntm/summary_memory.py``: one row per
report with its unmet list as a row of a boolean matrix), not from the facts and without a statement: the upload's
rows are grouped into reports with numpy, the previous report of each is the nearest earlier month row of the same
commune, set and layer (one ``searchsorted`` on the sorted keys), and a criterion of it was met exactly when it is
not in its unmet list. At national scale a province's month (9,000 rows) took 15 ms as one DuckDB statement, most of
it registering the frame, parsing and planning; here it is a few numpy passes over the upload's rows."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ntm import periods, unmet_lists
from ntm.summary_memory import EPOCH, day, months, summaries, text_codes

_EPOCH = np.datetime64(EPOCH, "D")


def preview(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame) -> tuple[list[dict], list[dict]]:
    """Against each commune's previous report in the database (same set): criteria newly met and newly lost."""
    if not len(frame):
        return [], []
    upload = _read(frame)
    return _changes(con, upload), _missing(con, upload)


@dataclass(frozen=True)
class _Upload:
    """The upload's columns as numpy arrays, read once for both answers."""

    unit: np.ndarray  # int64
    month: np.ndarray  # int64 codes into ``days``
    days: np.ndarray  # int64: the distinct months, days since 1970, ascending
    set_code: np.ndarray  # int64 codes into ``set_ids`` (in their sort order)
    set_ids: tuple[str, ...]
    layer_code: np.ndarray
    layers: tuple[str, ...]
    number: np.ndarray  # int64 criterion numbers
    met: np.ndarray  # bool: the row's status is met
    given: np.ndarray  # bool: the row has a status


def _read(frame: pd.DataFrame) -> _Upload:
    status = pa.array(frame["status"], from_pandas=True)
    set_code, set_ids = text_codes(pa.array(frame["set_id"], from_pandas=True))
    layer_code, layers = text_codes(pa.array(frame["layer"], from_pandas=True))
    month, days = _days(frame["period"])
    return _Upload(
        unit=frame["unit_id"].to_numpy().astype(np.int64),
        month=month,
        days=days,
        set_code=set_code,
        set_ids=set_ids,
        layer_code=layer_code,
        layers=layers,
        number=frame["criterion_no"].to_numpy().astype(np.int64),
        met=pc.equal(status, "met").fill_null(False).to_numpy(zero_copy_only=False),
        given=status.is_valid().to_numpy(zero_copy_only=False),
    )


def _days(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(each row's code, the distinct months as int days since 1970): timestamps, or dates as objects."""
    if pd.api.types.is_datetime64_any_dtype(column.dtype):  # the loader's and DuckDB's: one cast, no parsing
        values = (column.to_numpy().astype("datetime64[D]") - _EPOCH).astype(np.int64)
        if len(values) and values.min() == values.max():  # one month: the usual upload
            return np.zeros(len(values), dtype=np.int64), values[:1]
        days, codes = np.unique(values, return_inverse=True)
        return codes.astype(np.int64), days
    codes, found = pd.factorize(column, sort=True)
    days = (pd.to_datetime(pd.Series(found)).to_numpy().astype("datetime64[D]") - _EPOCH).astype(np.int64)
    return codes.astype(np.int64), days


def _changes(con: duckdb.DuckDBPyConnection, u: _Upload) -> list[dict]:
    """One entry per (commune, month, set, layer) of the upload, ORDER BY unit_id, period, set_id, layer."""
    m, mo = summaries(con), months(con)
    unit, month, days, number = u.unit, u.month, u.days, u.number
    set_code, layer_code, set_ids, layers = u.set_code, u.layer_code, u.set_ids, u.layers
    met_row, given = u.met, u.given
    # the reports: one per (unit, month, set, layer), numbered in the output's order
    key = ((unit * len(days) + month) * len(set_ids) + set_code) * len(layers) + layer_code
    reports, report = np.unique(key, return_inverse=True)
    first = np.zeros(len(reports), dtype=np.int64)
    first[report[::-1]] = np.arange(len(unit))[::-1]  # a row of each report
    width = max(int(number.max()) + 1, mo.unmet.shape[1])
    met_now, unmet_now = np.zeros((len(reports), width), bool), np.zeros((len(reports), width), bool)
    met_now[report[met_row], number[met_row]] = True
    unmet_now[report[given & ~met_row], number[given & ~met_row]] = True
    r_unit, r_days = unit[first], days[month[first]]
    r_set, r_layer = set_code[first], layer_code[first]
    before = np.full(len(reports), -1, dtype=np.int64)
    for s in np.unique(r_set):
        for layer in np.unique(r_layer):
            these = np.flatnonzero((r_set == s) & (r_layer == layer))
            keys = mo.keys(str(layers[layer]), str(set_ids[s]), r_unit[these], r_days[these])
            if keys is not None:
                before[these] = mo.before(keys)
    unmet_before = np.zeros((len(reports), width), bool)
    had = before >= 0
    unmet_before[had, : mo.unmet.shape[1]] = mo.unmet[before[had]]
    newly_met = met_now & unmet_before & had[:, None]
    newly_lost = unmet_now & ~unmet_before & had[:, None]
    at, known = m.units_at(r_unit)
    names = np.full(len(r_unit), "?", dtype=object)
    names[known] = m.unit_name[at[known]]
    month_texts = np.datetime_as_string(days.astype("datetime64[D]"), unit="M")[month[first]].tolist()  # 2020-05
    met_before = np.full(len(reports), -1, dtype=np.int64)
    met_before[had] = mo.met[before[had]]
    return [
        {
            "unit_id": unit_id,
            "name": name,
            "period": text,
            "met": met,
            "met_before": None if had_one < 0 else had_one,
            "newly_met": gained,
            "newly_lost": lost,
        }
        for unit_id, name, text, met, had_one, gained, lost in zip(
            r_unit.tolist(),
            names.tolist(),
            month_texts,
            met_now.sum(axis=1).tolist(),
            met_before.tolist(),
            unmet_lists.per_row(newly_met),
            unmet_lists.per_row(newly_lost),
        )
    ]


def _missing(con: duckdb.DuckDBPyConnection, u: _Upload) -> list[dict]:
    """Communes of the same districts that reported the month before the upload's first month but are not in it
    (any set or layer), ORDER BY name, unit_id (two communes of one name: by id, the same order every run)."""
    if u.unit.min() < 0:
        return []
    m, mo = summaries(con), months(con)
    previous = (periods.shift_months(day(int(u.days[0])), -1) - EPOCH).days  # before the first month
    incoming = np.unique(u.unit)
    at, known = m.units_at(incoming)
    places = np.unique(m.unit_place[at[known]])
    places = places[places >= 0]
    others = np.flatnonzero(m.unit_is_commune & np.isin(m.unit_place, places) & ~np.isin(m.unit_ids, incoming))
    reported = np.zeros(len(others), dtype=bool)
    for layer, set_id in mo.groups:  # did it report that month, in any set or layer
        keys = mo.keys(layer, set_id, m.unit_ids[others], previous)
        if keys is not None:
            reported |= mo.find(keys) >= 0
    found = sorted(zip(m.unit_name[others[reported]].tolist(), m.unit_ids[others[reported]].tolist()))
    return [{"unit_id": uid, "name": name} for name, uid in found]
