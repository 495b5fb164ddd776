"""What moved between reports: a commune's history and how long each unmet criterion has been unmet, the
criteria gained and lost between two periods, and the criteria met in a commune's previous report and lost in
its latest one (regressions)."""

from __future__ import annotations

import duckdb
import pandas as pd

from ntm import month_answers
from ntm.metrics import commune_scores
from ntm.periods import Period
from ntm.units import Unit


def commune_history(con: duckdb.DuckDBPyConnection, unit: Unit, layer: str = "self") -> pd.DataFrame:
    """One commune, every report: period, set, criteria met, and the statuses as a dict (the criteria the report
    gave: one missing from it has no entry)."""
    return month_answers.commune_history(con, unit, layer)  # the month rows kept in memory


def unmet_since(history: pd.DataFrame) -> dict[int, object]:
    """For the latest report: each unmet criterion → the first month of its current unmet run."""
    if history.empty:
        return {}
    last = history.iloc[-1]
    same_set = history[history["set_id"] == last["set_id"]]
    newest_first = list(zip(same_set["period"][::-1], (dict(s) for s in same_set["statuses"][::-1])))  # each once
    result = {}
    for no, status in dict(last["statuses"]).items():
        if status == "met":
            continue
        since = last["period"]
        for period, statuses in newest_first:
            if statuses.get(no) == "met":
                break
            since = period
        result[int(no)] = since
    return result


def changes(
    con: duckdb.DuckDBPyConnection, unit: Unit, before: Period, after: Period, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """Per commune: criteria newly met and newly lost between two periods (same set)."""
    old = commune_scores(con, unit, before, set_id, layer)
    new = commune_scores(con, unit, after, set_id, layer)
    merged = new.merge(old[["unit_id", "met", "unmet"]], on="unit_id", how="left", suffixes=("", "_before"))
    rows = []
    for r in merged.itertuples():
        was_unmet = None if isinstance(r.unmet_before, float) else set(r.unmet_before)  # NaN: no earlier report
        now_unmet = set(r.unmet)
        rows.append(
            {
                "unit_id": r.unit_id,
                "code": r.code,
                "name": r.name,
                "district": r.district,
                "met_before": None if was_unmet is None else int(r.met_before),
                "met": int(r.met),
                "gained": [] if was_unmet is None else sorted(was_unmet - now_unmet),
                "lost": [] if was_unmet is None else sorted(now_unmet - was_unmet),
            }
        )
    return pd.DataFrame(rows, columns=["unit_id", "code", "name", "district", "met_before", "met", "gained", "lost"])


def regressions(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """Criteria met in a commune's previous report and not in its latest one (of the period), same set:
    unmet now and not unmet before, from the commune × month summary."""
    return month_answers.regressions(con, unit, period, set_id, layer)  # the summaries kept in memory
