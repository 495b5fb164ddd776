"""Comparing a period with an earlier one on what is comparable.

- A province is the same unit before and after the reform: its figures are compared directly
  (``lineage.same_unit``), whichever communes it had then.
- A commune is compared with its predecessors under the view's merger rule: when the earlier period is
  before a merger, its side is re-aggregated onto today's communes (``history``, view "today").
- Across a criteria-set change only the criteria the mapping table marks comparable are compared, and the
  result says it crosses the change (``crosswalk``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import duckdb
import numpy as np
import pandas as pd

from ntm import catalog, crosswalk, history, lineage, periods, report_catalog, summary_answers, unmet_lists
from ntm.crosswalk import SetComparison
from ntm.history import Lens
from ntm.page_memo import once
from ntm.periods import Period
from ntm.units import NEW_ERA_START, Unit


@dataclass(frozen=True)
class YearOnYear:
    earlier: Period
    earlier_set: str | None  # None: no report in the earlier period under a set that can be compared
    sets: SetComparison | None
    communes_before: int
    at_standard_before: int | None  # only under the same set (a different set has another "all criteria")


def sets_in(con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, layer: str = "self") -> list[str]:
    """Commune-level sets with reports in ``period`` inside the province of ``unit`` (either era)."""
    return list(once(_sets_in, con, unit, period, layer))  # a draft asks twice (its overall and change sections)


def _sets_in(con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, layer: str) -> tuple[str, ...]:
    province = once(lineage.today_province, con, unit)
    # the provinces of either era under its code, and the sets' levels, from the rows kept per data version: the
    # statement filters on their ids alone (a self-join of units and a catalogue subquery cost it 4 ms more)
    eras = [p.unit_id for p in lineage.provinces(con) if province.code is not None and p.code == province.code]
    if not eras:
        return ()
    # the summary has a row per report: a year's rows (one per commune, kept in memory) or a month's
    if period.is_year:
        reported = summary_answers.sets_in_provinces(con, eras, period.year, layer)
    else:
        rows = con.execute(
            f"""SELECT DISTINCT a.set_id FROM commune_month_summary a WHERE a.period = ? AND a.layer = ?
                AND a.unit_id IN (SELECT unit_id FROM units WHERE province_id IN ({", ".join("?" * len(eras))}))""",
            [period.start, layer, *eras],
        ).fetchall()
        reported = frozenset(r[0] for r in rows)
    found = (report_catalog.find(con, s) for s in reported)
    return tuple(sorted(f.set_id for f in found if f is not None and f.level == "commune"))


def counterpart_set(con: duckdb.DuckDBPyConnection, set_id: str, available: list[str]) -> str | None:
    """The set to compare ``set_id`` with among ``available``: itself, else one with comparable criteria."""
    if set_id in available:
        return set_id
    return next((s for s in available if once(crosswalk.comparable, con, s, set_id)), None)


def earlier_lens(period: Period, earlier: Period, lens: Lens) -> Lens:
    """The lens for the earlier side: the today view when a merger lies between the two periods."""
    if lens.view == "then" and earlier.end < NEW_ERA_START <= period.end:
        return replace(lens, view="today")
    return lens


def year_on_year(
    con: duckdb.DuckDBPyConnection,
    unit: Unit,
    period: Period,
    set_id: str,
    layer: str = "self",
    lens: Lens = history.THEN,
    earlier: Period | None = None,
) -> YearOnYear:
    """The unit's figures now against ``earlier`` (the same month or year a year before by default)."""
    earlier = earlier or periods.year_before(period)
    before_set = counterpart_set(con, set_id, sets_in(con, unit, earlier, layer))
    if before_set is None:
        return YearOnYear(earlier, None, None, 0, None)
    before, _, sets = once(_compared, con, unit, period, set_id, layer, lens, earlier, before_set, lens)
    standard = None
    if before_set == set_id and len(before):
        standard = int((before["met"] == report_catalog.n_criteria(con, set_id)).sum())
    return YearOnYear(earlier, before_set, sets, len(before), standard)


def _same_unit(con: duckdb.DuckDBPyConnection, unit: Unit, day) -> Unit:
    """``lineage.same_unit``: a unit valid on ``day`` stands for itself (one row per era and code), no lookup."""
    if (unit.valid_from is None or unit.valid_from <= day) and (unit.valid_to is None or unit.valid_to >= day):
        return unit
    return once(lineage.same_unit, con, unit, day)


def _compared(
    con: duckdb.DuckDBPyConnection,
    unit: Unit,
    period: Period,
    set_id: str,
    layer: str,
    lens: Lens,
    earlier: Period,
    before_set: str,
    before_lens: Lens,
) -> tuple[pd.DataFrame, pd.DataFrame, SetComparison]:
    """(scores in ``earlier``, scores in ``period``, their comparison): what the year-on-year figures and the
    per-commune changes both read (a draft computes it once). Callers only read the frames."""
    scope = _same_unit(con, unit, earlier.end) if before_lens.view == "then" else unit
    before = once(history.scores, con, scope, earlier, before_set, layer, before_lens)
    after = once(history.scores, con, unit, period, set_id, layer, lens)
    return before, after, crosswalk.compare(con, before, before_set, after, set_id)


def comparable_periods(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, months: list[str], layer: str = "self"
) -> list[tuple[str, str]]:
    """(period text, set) of the earlier periods ``period`` can be compared with, newest first: those with
    reports under the same set, or under a set with comparable criteria in the mapping table."""
    if period.is_year:
        options = sorted({m[:4] for m in months if m[:4] < period.text}, reverse=True)
    else:
        options = [m for m in months if m < period.start.strftime("%Y-%m")]
    result = []
    for text in options:
        found = counterpart_set(con, set_id, sets_in(con, unit, periods.parse(text), layer))
        if found is not None:
            result.append((text, found))
    return result


def changes(
    con: duckdb.DuckDBPyConnection,
    unit: Unit,
    before: Period,
    before_set: str,
    after: Period,
    set_id: str,
    layer: str = "self",
    lens: Lens = history.THEN,
) -> pd.DataFrame:
    """Per commune: criteria gained and lost since ``before``, on the comparable criteria when the sets differ;
    a commune merged in between is compared with its predecessors (the earlier side in the today view)."""
    then_lens = earlier_lens(after, before, lens)
    old, new, compared = once(_compared, con, unit, after, set_id, layer, lens, before, before_set, then_lens)
    columns = ["unit_id", "code", "name", "district", "met_before", "met", "gained", "lost"]
    if new.empty:
        return pd.DataFrame([], columns=columns)
    pairs = np.array(compared.pairs, dtype=np.int64).reshape(-1, 2)  # (before_no, after_no)
    now_flat, earlier_flat = unmet_lists.flat(new["unmet"]), unmet_lists.flat(old["unmet"])
    width = 1 + max(int(pairs.max(initial=0)), int(now_flat[1].max(initial=0)), int(earlier_flat[1].max(initial=0)))
    comparable_now = np.zeros(width, dtype=bool)
    comparable_now[pairs[:, 1]] = True
    # row × criterion number: the comparable criteria each commune misses now, and those it missed before (as the
    # criteria they became); gained and lost are then two masks, not a set operation per commune
    now = unmet_lists.mask(now_flat, len(new), width) & comparable_now
    earlier = unmet_lists.mask(earlier_flat, len(old), width)
    was = np.zeros((len(old), width), dtype=bool)
    for before_no, after_no in pairs.tolist():
        was[:, after_no] |= earlier[:, before_no]
    position = {unit_id: i for i, unit_id in enumerate(old["unit_id"].tolist())}  # a commune's earlier row
    at = np.array([position.get(u, -1) for u in new["unit_id"].tolist()], dtype=np.int64)
    found = at >= 0
    was = was[np.maximum(at, 0)] & found[:, None] if len(old) else np.zeros_like(now)
    n = int(comparable_now.sum())
    met_before = n - was.sum(axis=1)
    return pd.DataFrame(
        {
            "unit_id": new["unit_id"].to_numpy(dtype=np.int64),
            **{c: new[c].array for c in ("code", "name", "district")},
            "met_before": _where_found(met_before, found),
            "met": n - now.sum(axis=1),
            "gained": unmet_lists.per_row(was & ~now),
            "lost": unmet_lists.per_row(now & ~was & found[:, None]),  # no earlier report: nothing lost
        }
    )


def _where_found(values: np.ndarray, found: np.ndarray) -> np.ndarray | list:
    """``values`` with None where ``found`` is false, typed as pandas types a column of ints and Nones (int64, else
    float64 with NaN, else objects)."""
    if found.all():
        return values
    return np.where(found, values, np.nan) if found.any() else [None] * len(values)


def set_names(con: duckdb.DuckDBPyConnection, set_ids, lang: str = "vi") -> dict[str, str]:
    return {s: catalog.set_label(s, lang, con) for s in set_ids}
