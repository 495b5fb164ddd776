"""What moved between reports: a commune's history and how long each unmet criterion has been unmet, and the
criteria met in a commune's previous report and lost in its latest one (regressions). The criteria gained and lost
between two periods are ``ntm.comparison.changes`` (across set changes and mergers)."""

from __future__ import annotations

import duckdb
import pandas as pd

from ntm import month_answers
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


def regressions(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """Criteria met in a commune's previous report and not in its latest one (of the period), same set:
    unmet now and not unmet before, from the commune × month summary."""
    return month_answers.regressions(con, unit, period, set_id, layer)  # the summaries kept in memory
