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
import pandas as pd

from ntm import catalog, crosswalk, history, lineage, periods, report_catalog
from ntm.criterion_rates import plain_lists
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
    # the summary has a row per report: a year's rows (one per commune) or a month's, never the facts themselves
    reports, key = (
        ("commune_year_summary a WHERE a.year = ?", period.year)
        if period.is_year
        else ("commune_month_summary a WHERE a.period = ?", period.start)
    )
    rows = con.execute(
        f"""SELECT DISTINCT a.set_id FROM {reports} AND a.layer = ?
            AND a.unit_id IN (SELECT unit_id FROM units WHERE province_id IN ({", ".join("?" * len(eras))}))""",
        [key, layer, *eras],
    ).fetchall()
    found = (report_catalog.find(con, r[0]) for r in rows)
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
    pairs = compared.pairs
    to_after = dict(pairs)
    numbers = {b for _, b in pairs}
    columns = ["unit_id", "code", "name", "district", "met_before", "met", "gained", "lost"]
    rows: list[tuple] = []
    # plain values (a dict, lists): .at per commune, or iterating the frame's string columns, cost more
    # the unmet lists as Python ints (stepping through DuckDB's numpy arrays element by element cost ~5 ms)
    before_unmet = dict(zip(old["unit_id"].tolist(), plain_lists(old["unmet"].tolist()))) if len(old) else {}
    for unit_id, code, name, district, unmet in zip(
        *(new[c].tolist() for c in ("unit_id", "code", "name", "district")), plain_lists(new["unmet"].tolist())
    ):
        now_unmet = set(unmet) & numbers
        if unit_id not in before_unmet:
            rows.append((unit_id, code, name, district, None, len(numbers - now_unmet), [], []))
            continue
        was_unmet = {to_after[c] for c in before_unmet[unit_id] if c in to_after}
        rows.append(
            (
                unit_id,
                code,
                name,
                district,
                len(numbers - was_unmet),
                len(numbers - now_unmet),
                sorted(was_unmet - now_unmet),
                sorted(now_unmet - was_unmet),
            )
        )
    return pd.DataFrame(rows, columns=columns)


def set_names(con: duckdb.DuckDBPyConnection, set_ids, lang: str = "vi") -> dict[str, str]:
    return {s: catalog.set_label(s, lang, con) for s in set_ids}
