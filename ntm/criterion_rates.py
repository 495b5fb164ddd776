"""Per criterion: which communes miss it, how many meet it (over all, by district, by year), the
bottlenecks and the "last mile" (communes missing only one or two criteria) — computed from a page's commune
scores (``metrics.commune_scores``) or, by year, from the commune × year summary."""

from __future__ import annotations

from collections import Counter

import duckdb
import numpy as np
import pandas as pd

from ntm import catalog, report_catalog, summary_answers, unmet_lists
from ntm.units import Unit


def _lists(unmet: pd.Series) -> list[list[int]]:
    """The unmet lists as Python lists of ints (``ntm.unmet_lists``)."""
    return unmet_lists.plain(unmet.tolist())


def unmet_criteria(con: duckdb.DuckDBPyConnection, scores: pd.DataFrame, set_id: str) -> pd.DataFrame:
    """Long list: one row per (commune, unmet criterion) with names and the answering department."""
    crit = catalog.criteria(con, set_id)
    names = {  # plain dicts: .at per cell cost 0,3 s for a 454-commune province
        column: dict(zip(crit["criterion_no"].astype(int), crit[column]))
        for column in ("name_vi", "name_en", "department_vi", "department_en")
    }
    rows = [
        {
            "unit_id": r.unit_id,
            "code": r.code,
            "name": r.name,
            "criterion_no": int(no),
            "criterion_vi": names["name_vi"][no],
            "criterion_en": names["name_en"][no],
            "department_vi": names["department_vi"][no],
            "department_en": names["department_en"][no],
        }
        for r in scores.itertuples()
        for no in r.unmet
    ]
    return pd.DataFrame(
        rows,
        columns=[
            "unit_id",
            "code",
            "name",
            "criterion_no",
            "criterion_vi",
            "criterion_en",
            "department_vi",
            "department_en",
        ],
    )


def criterion_rates(con: duckdb.DuckDBPyConnection, scores: pd.DataFrame, set_id: str) -> pd.DataFrame:
    """Per criterion: communes meeting it, communes reporting, and the rate (0-1)."""
    crit = catalog.criteria(con, set_id)
    unmet_counts = Counter(no for lst in _lists(scores["unmet"]) for no in lst)  # plain counts, no pandas per step
    reporting = len(scores)
    met = np.array([reporting - unmet_counts[no] for no in crit["criterion_no"].tolist()], dtype=np.int64)
    columns = {c: crit[c].array for c in ("criterion_no", "name_vi", "name_en", "department_vi", "department_en")}
    return pd.DataFrame(  # one frame of the catalogue's columns (a column selection and three assignments: ~1 ms)
        {
            **columns,
            "met": met,
            "reporting": np.full(len(met), reporting, dtype=np.int64),
            "rate": met / reporting if reporting else np.full(len(met), np.nan),
        },
        index=crit.index,
    )


def criteria_names(con: duckdb.DuckDBPyConnection, set_id: str, lang: str = "vi") -> dict[int, str]:
    """Criterion number → its name in ``lang``, from the catalogue kept per data version (a copy: callers may
    change it)."""
    return dict(report_catalog.derived(con, _names, set_id, lang))


def _names(con: duckdb.DuckDBPyConnection, set_id: str, lang: str) -> dict[int, str]:
    crit = catalog.criteria(con, set_id)
    return dict(zip(crit["criterion_no"].astype(int), crit["name_en" if lang == "en" else "name_vi"]))


def bottlenecks(scores: pd.DataFrame, rates: pd.DataFrame, top: int = 5) -> pd.DataFrame:
    """The least-met criteria, with ``last_mile``: communes missing only 1-2 criteria, this one among them."""
    last = _last_mile_counts(_lists(scores["unmet"]))
    numbers = rates["criterion_no"].tolist()
    near = [last[no] for no in numbers]
    rate = rates["rate"].tolist()
    # by rate (a missing rate last, as sort_values puts NaN), then last mile (most first), then number: in plain
    # values, then the frame's rows taken once (a sort of the frame with its text columns cost ~2 ms)
    order = sorted(
        range(len(numbers)),
        key=lambda i: (rate[i] != rate[i], 0.0 if rate[i] != rate[i] else rate[i], -near[i], numbers[i]),
    )[:top]
    return rates.iloc[order].assign(last_mile=np.array([near[i] for i in order], dtype=np.int64))


def _last_mile_counts(lists: list[list[int]], most: int = 2) -> Counter:
    """How often each criterion is among those missing of the communes missing only 1-``most``."""
    return Counter(c for lst in lists if 1 <= len(lst) <= most for c in lst)


def last_mile(scores: pd.DataFrame, most: int = 2) -> tuple[pd.DataFrame, pd.Series]:
    """Communes missing only 1-``most`` criteria, and how often each criterion is among those missing."""
    lists = _lists(scores["unmet"])
    near = scores[np.array([1 <= len(lst) <= most for lst in lists], dtype=bool)]
    counts = pd.Series([c for lst in lists if 1 <= len(lst) <= most for c in lst], dtype="int64").value_counts()
    return near, counts.rename_axis("criterion_no").rename("communes")


def rates_by_district(scores: pd.DataFrame, by: str = "district", criteria: list[int] | None = None) -> pd.DataFrame:
    """Share of reporting communes meeting each criterion, one row per district (or ``by="province"``), one
    column per criterion of ``criteria`` (a criterion no commune misses is a column of 1.0, never dropped)."""
    totals: Counter = Counter()
    missing: dict[str, Counter] = {}  # district → criterion → communes missing it: plain counts, no explode/unstack
    for place, unmet in zip(scores[by].tolist(), _lists(scores["unmet"])):
        if place is None or place != place:  # groupby's dropna: a commune without a district is in no row
            continue
        totals[place] += 1
        found = missing.get(place)
        if found is None:
            found = missing[place] = Counter()
        found.update(unmet)  # counted in C, not one dict step per criterion
    places = sorted(totals)
    columns = (
        [int(c) for c in criteria]
        if criteria is not None
        else sorted({no for counts in missing.values() for no, n in counts.items() if n})
    )
    counts = np.array([[missing[place][no] for no in columns] for place in places], dtype=np.int64)
    sizes = np.array([totals[place] for place in places], dtype=np.int64)
    values = 1 - counts.reshape(len(places), len(columns)) / sizes.reshape(-1, 1) if places else counts
    return pd.DataFrame(
        values.reshape(len(places), len(columns)).astype(np.float64),
        index=pd.Index(places, dtype=scores[by].dtype, name=by),
        columns=pd.Index(columns),  # int64, or an empty object index as a list assigned to .columns gives
    )


def criterion_rates_by_year(
    con: duckdb.DuckDBPyConnection, unit: Unit, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """Share of communes meeting each criterion at each year's end (each commune's latest report in the year): year,
    criterion_no, rate, communes; from the year rows kept in memory (``ntm.summary_answers``)."""
    return summary_answers.criterion_rates_by_year(con, unit, set_id, layer)
