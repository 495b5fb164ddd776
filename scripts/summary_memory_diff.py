"""The in-memory answers (``ntm/summary_answers.py``) against the SQL they replace, compared result by result.

A year's scores, communes not reported, status matrix, report window and district ranking are compared with the
statements that answer month periods (``ntm/summary_statements.py``, the same SQL as before for any period); the
yearly trend, the regressions and a commune's history, which no statement answers any more, with ``ntm``'s SQL as it
was before the summaries were kept in memory (main at 85702dd), copied verbatim below. ``compare(con)`` runs both on every scope level (the whole country, provinces,
districts, communes) × every year × every set × every layer and reports each difference (columns, dtypes, order,
values, nulls). ``python scripts/summary_memory_diff.py DB [--provinces N] [--districts N] [--communes N]``
(open a copy: opening migrates the file); ``tests/test_summary_memory_diff.py`` runs it on the sample.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ntm import metrics, movements, periods, store, summary_statements, units
from ntm.counted_reports import IN_SCOPE, VALID_AT_LAST, latest, params
from ntm.periods import Period
from ntm.result_frames import frame
from ntm.units import Unit

# ---------------------------------------------------------------- ntm's SQL before, where no statement answers now (verbatim)


def yearly_average(con: duckdb.DuckDBPyConnection, unit: Unit, layer: str = "self") -> pd.DataFrame:
    """Average criteria met per commune, year by year, each year under the set its reports used.

    A province is followed across the 2025 reform through the units sharing its code: each year
    counts the communes valid at that year's last reported month (the post-merger ones in 2025).
    One query over the commune × year summary (each commune's latest report per year and set is its row) and the
    scope's rows of ``unit_scopes``.
    """
    ids = [unit.unit_id]
    if unit.level == "province":
        ids = [
            r[0]
            for r in con.execute(
                "SELECT unit_id FROM units WHERE level = 'province' AND code = ?", [unit.code]
            ).fetchall()
        ]
    scopes = {f"id{k}": i for k, i in enumerate(ids)}  # one or two ids (a province's two eras): an IN list
    return con.execute(  # one scan: the year rows grouped by year, set and validity (a few groups), then each
        # year's last reported month over those groups and the communes valid then summed
        f"""SELECT year, set_id, sum(k)::BIGINT AS communes, sum(total) / sum(k) AS average_met,
                   sum(standard)::BIGINT AS at_standard, n AS n_criteria
            FROM (SELECT *, max(latest) OVER (PARTITION BY year, set_id) AS last
                  FROM (SELECT a.year::BIGINT AS year, a.set_id, n.n, s.valid_from, s.valid_to, count(*) AS k,
                               sum(a.met) AS total, count(*) FILTER (WHERE a.met = n.n) AS standard,
                               max(a.period) AS latest
                        FROM commune_year_summary a JOIN unit_scopes s ON s.unit_id = a.unit_id
                        JOIN (SELECT set_id, count(*) AS n FROM criteria
                              WHERE set_id IN (SELECT set_id FROM criteria_sets WHERE level = 'commune') GROUP BY 1) n
                          ON n.set_id = a.set_id
                        WHERE a.layer = $layer AND s.scope_id IN ({", ".join("$" + k for k in scopes)})
                        GROUP BY ALL))
            WHERE {VALID_AT_LAST}
            GROUP BY year, set_id, n ORDER BY year, set_id""",
        {"layer": layer, **scopes},
    ).df()[["year", "set_id", "communes", "average_met", "at_standard", "n_criteria"]]


def report_window(con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str):
    """``metrics.report_window`` through its statement."""
    last = summary_statements.report_window(con, unit, period, set_id, layer)
    return None if last is None else (period.start, last)


def district_ranking(con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str):
    """``metrics.district_ranking`` through its statement."""
    return metrics.ranking(summary_statements.district_ranking(con, unit, period, set_id, layer))


# ntm/movements.py before (verbatim)


def commune_history(con: duckdb.DuckDBPyConnection, unit: Unit, layer: str = "self") -> pd.DataFrame:
    """One commune, every report: period, set, criteria met, and the statuses as a dict (the criteria the report
    gave: one missing from it has no entry)."""
    return con.execute(  # from the commune × month summary, one row per report: its lists give each status
        """SELECT s.period, s.set_id, s.met::BIGINT AS met,
                  map(list(c.criterion_no ORDER BY c.criterion_no),
                      list(CASE WHEN list_contains(s.basically, c.criterion_no::UTINYINT) THEN 'basically_met'
                                WHEN list_contains(s.unmet, c.criterion_no::UTINYINT) THEN 'not_met'
                                ELSE 'met' END ORDER BY c.criterion_no)) AS statuses,
                  s.upload_id
           FROM commune_month_summary s
           JOIN criteria c ON c.set_id = s.set_id AND NOT list_contains(s.missing, c.criterion_no::UTINYINT)
           WHERE s.unit_id = ? AND s.layer = ?
           GROUP BY s.period, s.set_id, s.met, s.upload_id ORDER BY s.period, s.set_id""",
        [unit.unit_id, layer],
    ).df()


def regressions(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """Criteria met in a commune's previous report and not in its latest one (of the period), same set:
    unmet now and not unmet before, from the commune × month summary."""
    return frame(
        con,
        # the latest report of the period against the one before it (the nearest earlier month)
        f"""WITH latest AS (  -- the scope's communes valid at the period's end, their names carried along
                SELECT a.unit_id, a.period, a.unmet, s.code, s.name, s.district FROM ({latest(period)}) a
                JOIN {IN_SCOPE}
                WHERE (s.valid_to IS NULL OR s.valid_to >= $end) AND (s.valid_from IS NULL OR s.valid_from <= $end)),
            earlier AS (  -- the report before one of year Y: a month of Y, or the year row of an earlier year (the
                -- scope's rows: a plain join instead of reading the materialised latest reports again)
                SELECT p.unit_id, p.period FROM commune_month_summary p
                JOIN unit_scopes s ON s.unit_id = p.unit_id AND s.scope_id = $unit
                WHERE p.set_id = $set AND p.layer = $layer AND p.period BETWEEN $year_start AND $end
                UNION ALL
                SELECT y.unit_id, y.period FROM commune_year_summary y
                JOIN unit_scopes s ON s.unit_id = y.unit_id AND s.scope_id = $unit
                WHERE y.set_id = $set AND y.layer = $layer AND y.year < $year_of_end),
            previous AS (  -- each latest report's nearest earlier month: keys only (lists are costly to carry)
                SELECT l.unit_id, max(p.period) AS previous FROM latest l JOIN earlier p
                ON p.unit_id = l.unit_id AND p.period < l.period GROUP BY l.unit_id)
            SELECT l.unit_id, l.code, l.name, l.district, v.previous, l.period AS latest,
                   unnest(list_filter(l.unmet, lambda x: NOT list_contains(m.unmet, x)))::INTEGER AS criterion_no
            FROM latest l JOIN previous v USING (unit_id)
            JOIN commune_month_summary m  -- that report's unmet list: a month row (a year row's period is its month)
              ON m.unit_id = v.unit_id AND m.period = v.previous AND m.set_id = $set AND m.layer = $layer
            ORDER BY l.district, l.name, criterion_no""",
        params(
            period,
            set_id,
            layer,
            unit=unit.unit_id,
            end=period.end,
            year_start=date(period.end.year, 1, 1),
            year_of_end=period.end.year,
        ),
    )


# ---------------------------------------------------------------- the comparison


def _same(old, new) -> str | None:
    """None when equal (frames: columns, dtypes, index, order, values and nulls), else what differs."""
    if isinstance(old, pd.DataFrame):
        if not isinstance(new, pd.DataFrame):
            return f"type {type(new)}"
        if list(old.columns) != list(new.columns):
            return f"columns {list(old.columns)} vs {list(new.columns)}"
        if [str(t) for t in old.dtypes] != [str(t) for t in new.dtypes] or list(old.dtypes) != list(new.dtypes):
            return f"dtypes {list(old.dtypes)} vs {list(new.dtypes)}"
        try:
            pd.testing.assert_frame_equal(old, new, check_dtype=True, check_exact=True)
        except AssertionError as exc:
            return str(exc)[:400]
        for column in old.columns:  # list cells: the same arrays (element types too)
            if old[column].dtype == object:
                for a, b in zip(old[column], new[column]):
                    if type(a) is not type(b) or getattr(a, "dtype", None) != getattr(b, "dtype", None):
                        return f"{column}: cell types {type(a)} {getattr(a, 'dtype', '')} vs {type(b)}"
        return None
    return None if old == new and type(old) is type(new) else f"{old!r} vs {new!r}"


TIES: list[str] = []  # results equal once the regressions' ties (one district, one name) are put in unit_id order


def _ties(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(["district", "name", "unit_id", "criterion_no"], kind="stable").reset_index(drop=True)


def scopes(con: duckdb.DuckDBPyConnection, provinces: int, districts: int, communes: int) -> list[Unit]:
    """The whole country, the ``provinces`` largest provinces (of either era), ``districts`` districts and
    ``communes`` communes picked across the file (post-reform ones included)."""
    picked = [units.national()]
    for level, n, order in (
        ("province", provinces, "count(*) DESC, 1"),
        ("district", districts, "hash(s.scope_id)"),
        ("commune", communes, "hash(s.scope_id)"),
    ):
        rows = con.execute(
            f"""SELECT s.scope_id FROM unit_scopes s JOIN units u ON u.unit_id = s.scope_id
                WHERE u.level = ? GROUP BY 1 ORDER BY {order} LIMIT ?""",
            [level, n],
        ).fetchall()
        picked += [units.get(con, r[0]) for r in rows]
    return picked


def compare(
    con: duckdb.DuckDBPyConnection,
    provinces: int = 8,
    districts: int = 12,
    communes: int = 12,
    years: range = range(2019, 2027),
) -> tuple[int, list[str]]:
    """(results compared, differences) over every scope × year × set × layer (metrics' functions now vs the SQL)."""
    # every (layer, set) the year summary holds over its years and one year either side, and one set nobody
    # reported under (empty answers)
    combos = con.execute(
        """SELECT layer, set_id, min(year), max(year) FROM commune_year_summary GROUP BY ALL ORDER BY ALL"""
    ).fetchall()
    spans = {
        (layer, set_id): range(max(low - 1, years.start), min(high + 2, years.stop))
        for layer, set_id, low, high in combos
    }
    unused = con.execute(
        "SELECT set_id FROM criteria_sets WHERE set_id NOT IN (SELECT set_id FROM commune_year_summary) LIMIT 1"
    ).fetchall()
    if unused:
        spans[("self", unused[0][0])] = range(2024, 2025)
    layers = sorted({layer for layer, _ in spans} | {"self"})
    compared, differences, ties = 0, [], TIES
    units_ = scopes(con, provinces, districts, communes)
    for unit in units_:
        for layer in layers:
            cases = [("yearly_average", yearly_average, metrics.yearly_average, (unit, layer))]
            for (on, set_id), span in spans.items():
                if on != layer:
                    continue
                for year in span:
                    period = periods.parse(str(year))
                    args = (unit, period, set_id, layer)
                    cases += [
                        ("report_window", report_window, metrics.report_window, args),
                        ("commune_scores", summary_statements.commune_scores, metrics.commune_scores, args),
                        ("not_reported", summary_statements.not_reported, metrics.not_reported, args),
                        ("status_matrix", summary_statements.status_matrix, metrics.status_matrix, args),
                    ]
                    if unit.level in ("province", "country"):
                        cases.append(("district_ranking", district_ranking, metrics.district_ranking, args))
                    cases.append(("regressions", regressions, movements.regressions, args))
                    for month in ("01", "06", "12"):  # month periods: the regressions answer those from memory too
                        at = (unit, periods.parse(f"{year}-{month}"), set_id, layer)
                        cases.append(("regressions", regressions, movements.regressions, at))
            if unit.level == "commune":
                cases.append(("commune_history", commune_history, movements.commune_history, (unit, layer)))
            for name, old, new, args in cases:
                compared += 1
                before, after = old(con, *args), new(con, *args)
                problem = _same(before, after)
                if problem and name == "regressions" and _same(_ties(before), _ties(after)) is None:
                    ties.append(f"{name}{args[0].unit_id, args[1].text}")  # the SQL's ORDER BY leaves ties open
                    problem = None
                if problem:
                    differences.append(
                        f"{name}{tuple(str(a.unit_id) if isinstance(a, Unit) else str(a.text) if isinstance(a, Period) else a for a in args)}: {problem}"
                    )
    return compared, differences


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("--provinces", type=int, default=8)
    parser.add_argument("--districts", type=int, default=12)
    parser.add_argument("--communes", type=int, default=12)
    a = parser.parse_args()
    con = store.connect(a.db)
    compared, differences = compare(con, a.provinces, a.districts, a.communes)
    for d in differences[:50]:
        print(d)
    kinds: dict[str, int] = {}
    for d in differences:
        kinds[d.split("(")[0]] = kinds.get(d.split("(")[0], 0) + 1
    print("differences by function:", kinds)
    print(f"{compared} results compared, {len(differences)} differences; {len(TIES)} equal but for the order of ties")
    return 1 if differences else 0


if __name__ == "__main__":
    raise SystemExit(main())
