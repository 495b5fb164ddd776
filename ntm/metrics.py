"""What the reports compute, as functions over the store that return DataFrames.

Rules (domain README §3, §5):
- only xã count (thị trấn, phường are urban), and only those with a report for the period;
- a year's value is each commune's latest report in that year, among the communes valid at
  the year's last reported month (so 2025 counts the post-merger communes, not both eras);
- ``basically_met`` counts as not met; a criterion missing from a report is not met.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from ntm import catalog
from ntm.periods import Period
from ntm.units import NATIONAL_ID, Unit, describe

BIN_THRESHOLDS = (15, 10, 5)  # the report bins: all / 15-18 / 10-14 / 5-9 / <5

_SCOPE = """
    scope AS (
        SELECT c.unit_id, c.code, c.short_name AS name, d.short_name AS district, c.district_id,
               c.valid_from, c.valid_to, p.short_name AS province, c.province_id
        FROM units c LEFT JOIN units d ON d.unit_id = c.district_id LEFT JOIN units p ON p.unit_id = c.province_id
        WHERE c.level = 'commune' AND c.kind = 'Xã'
          AND ($unit = 0 OR c.unit_id = $unit OR c.district_id = $unit OR c.province_id = $unit))"""  # 0: national


def _latest(period: Period) -> str:
    """Each commune's latest report of ``period`` (set ``$set``, layer ``$layer``): for a year its row of the
    commune × year summary (``$year``), for a month its month row (``$start``); ``_params`` binds them."""
    if period.is_year:
        return """SELECT unit_id, period, met, basically_met, unmet FROM commune_year_summary
                  WHERE year = $year AND set_id = $set AND layer = $layer"""
    return """SELECT unit_id, period, met, basically_met, unmet FROM commune_month_summary
              WHERE period = $start AND set_id = $set AND layer = $layer"""


def _params(period: Period, set_id: str, layer: str, **more) -> dict:
    """The parameters of a query over ``_latest(period)`` (DuckDB refuses parameters a query does not use)."""
    key = {"year": period.year} if period.is_year else {"start": period.start}
    return {"set": set_id, "layer": layer, **key, **more}


def report_window(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self"
) -> tuple[date, date] | None:
    """(first, last) months whose reports count for ``period``; None when nothing was reported."""
    row = con.execute(
        f"WITH {_SCOPE} SELECT max(a.period) FROM ({_latest(period)}) a JOIN scope USING (unit_id)",
        _params(period, set_id, layer, unit=unit.unit_id),
    ).fetchall()[0][0]
    return None if row is None else (period.start, row)


def commune_scores(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """One row per reporting commune: met, basically_met, unmet (criterion numbers), report month."""
    columns = ["unit_id", "code", "name", "district", "report_period", "met", "basically_met", "unmet", "province"]
    scores = con.execute(  # one query: the latest reports (ntm/summary.py) of the communes valid at the window's end
        f"""WITH {_SCOPE},
            reports AS (SELECT a.* FROM ({_latest(period)}) a SEMI JOIN scope USING (unit_id)),
            window_end AS (SELECT max(period) AS last FROM reports)
            SELECT s.unit_id, s.code, s.name, s.district, s.province, r.period AS report_period, r.met::BIGINT AS met,
                   r.basically_met::BIGINT AS basically_met, r.unmet::INTEGER[] AS unmet
            FROM reports r JOIN scope s USING (unit_id) CROSS JOIN window_end w
            WHERE (s.valid_to IS NULL OR s.valid_to >= w.last) AND (s.valid_from IS NULL OR s.valid_from <= w.last)
            ORDER BY met DESC, s.district, s.code""",
        _params(period, set_id, layer, unit=unit.unit_id),
    ).df()
    return pd.DataFrame(columns=columns) if scores.empty else scores[columns]


def not_reported(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """Communes (xã) valid at the end of the period that sent no report in it. For the whole country, the
    communes of the provinces that report in the period: a province that keeps its figures elsewhere is not
    hundreds of communes "not reported" (``reporting_provinces`` names the provinces counted)."""
    return con.execute(  # the window's end in the same query: its last reported month, else the period's end
        f"""WITH {_SCOPE},
            reports AS ({_latest(period)}),
            window_end AS (SELECT coalesce(max(r.period), $end) AS last FROM reports r SEMI JOIN scope USING (unit_id))
            SELECT s.unit_id, s.code, s.name, s.district FROM scope s CROSS JOIN window_end w
            WHERE (s.valid_to IS NULL OR s.valid_to >= w.last) AND (s.valid_from IS NULL OR s.valid_from <= w.last)
              AND s.unit_id NOT IN (SELECT unit_id FROM reports)
              AND ($unit <> 0 OR s.province_id IN (
                   SELECT c.province_id FROM reports a JOIN units c ON c.unit_id = a.unit_id))
            ORDER BY s.district, s.code""",
        _params(period, set_id, layer, unit=unit.unit_id, end=period.end),
    ).df()


def reporting_provinces(con: duckdb.DuckDBPyConnection, period: Period, set_id: str, layer: str = "self") -> list[str]:
    """The provinces with any commune report in the period (the whole country's figures count these)."""
    rows = con.execute(
        f"""SELECT DISTINCT p.short_name FROM ({_latest(period)}) a JOIN units c ON c.unit_id = a.unit_id
            JOIN units p ON p.unit_id = c.province_id ORDER BY 1""",
        _params(period, set_id, layer),
    ).fetchall()
    return [r[0] for r in rows]


def n_criteria(con: duckdb.DuckDBPyConnection, set_id: str) -> int:
    return con.execute("SELECT count(*) FROM criteria WHERE set_id = ?", [set_id]).fetchall()[0][0]


def average_met(scores: pd.DataFrame) -> float | None:
    """ "bình quân đạt 10,9 tiêu chí/xã": mean criteria met over reporting communes."""
    return None if scores.empty else float(scores["met"].mean())


def bins(n: int) -> list[tuple[str, int, int]]:
    """Report bins for a set of ``n`` criteria: ("19", 19, 19), ("15-18", 15, 18) … ("<5", 0, 4)."""
    result = [(str(n), n, n)]
    upper = n - 1
    for low in BIN_THRESHOLDS:
        if low > upper:
            continue
        result.append((f"{low}-{upper}" if low != upper else str(low), low, upper))
        upper = low - 1
    result.append((f"<{upper + 1}", 0, upper))
    return result


def distribution(scores: pd.DataFrame, n: int) -> pd.DataFrame:
    """Communes per report bin, with their names: bin, low, high, communes, names."""
    rows = []
    for label, low, high in bins(n):
        inside = scores[(scores["met"] >= low) & (scores["met"] <= high)]
        rows.append({"bin": label, "low": low, "high": high, "communes": len(inside), "names": list(inside["name"])})
    return pd.DataFrame(rows)


def exact_distribution(scores: pd.DataFrame, n: int) -> pd.Series:
    """Number of communes meeting exactly k criteria, k = 0 … n."""
    return scores["met"].value_counts().reindex(range(n + 1), fill_value=0).astype(int)


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
    unmet_counts = pd.Series([no for lst in scores["unmet"] for no in lst], dtype="int64").value_counts()
    reporting = len(scores)
    crit["reporting"] = reporting
    crit["met"] = reporting - crit["criterion_no"].map(unmet_counts).fillna(0).astype(int)
    crit["rate"] = crit["met"] / reporting if reporting else float("nan")
    return crit[["criterion_no", "name_vi", "name_en", "department_vi", "department_en", "met", "reporting", "rate"]]


def yearly_average(con: duckdb.DuckDBPyConnection, unit: Unit, layer: str = "self") -> pd.DataFrame:
    """Average criteria met per commune, year by year, each year under the set its reports used.

    A province is followed across the 2025 reform through the units sharing its code: each year
    counts the communes valid at that year's last reported month (the post-merger ones in 2025).
    One query over the commune × year summary: each commune's latest report per year and set is its row.
    """
    ids = [unit.unit_id]
    if unit.level == "province":
        ids = [
            r[0]
            for r in con.execute(
                "SELECT unit_id FROM units WHERE level = 'province' AND code = ?", [unit.code]
            ).fetchall()
        ]
    return con.execute(
        """WITH scope AS (
                SELECT c.unit_id, c.valid_from, c.valid_to FROM units c
                WHERE c.level = 'commune' AND c.kind = 'Xã'
                  AND ($national OR list_contains($ids, c.unit_id) OR list_contains($ids, c.district_id)
                       OR list_contains($ids, c.province_id))),
            reports AS (
                SELECT a.unit_id, a.period, a.year::BIGINT AS year, a.set_id, a.met
                FROM commune_year_summary a JOIN scope USING (unit_id)
                JOIN criteria_sets cs ON cs.set_id = a.set_id AND cs.level = 'commune'
                WHERE a.layer = $layer),
            ends AS (SELECT year, set_id, max(period) AS last FROM reports GROUP BY ALL),
            latest AS (
                SELECT r.year, r.set_id, r.unit_id, r.met
                FROM reports r JOIN ends e USING (year, set_id) JOIN scope s USING (unit_id)
                WHERE (s.valid_to IS NULL OR s.valid_to >= e.last) AND (s.valid_from IS NULL OR s.valid_from <= e.last)),
            n AS (SELECT set_id, count(*) AS n FROM criteria GROUP BY 1)
        SELECT l.year, l.set_id, count(*) AS communes, avg(l.met) AS average_met,
               count(*) FILTER (WHERE l.met = n.n) AS at_standard, n.n AS n_criteria
        FROM latest l JOIN n USING (set_id) GROUP BY ALL ORDER BY l.year, l.set_id""",
        {"ids": ids, "layer": layer, "national": unit.unit_id == NATIONAL_ID},
    ).df()[["year", "set_id", "communes", "average_met", "at_standard", "n_criteria"]]


def district_ranking(
    con: duckdb.DuckDBPyConnection, province: Unit, period: Period, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """Districts of a province ranked by average criteria met ("đứng thứ 24/27 huyện"); for the whole country
    (``units.national``) the provinces, in the same ``district`` column (the units one level down)."""
    scores = commune_scores(con, province, period, set_id, layer)
    if scores.empty:
        return pd.DataFrame(columns=["district", "communes", "average_met", "at_standard", "rank", "of"])
    n = n_criteria(con, set_id)
    if province.unit_id == NATIONAL_ID:
        scores = scores.assign(district=scores["province"])
    ranked = (  # vectorised: a Python lambda per district cost more than the query
        scores.assign(at_standard=(scores["met"] == n).astype(int))
        .groupby("district")
        .agg(communes=("met", "size"), average_met=("met", "mean"), at_standard=("at_standard", "sum"))
        .reset_index()
    )
    ranked = ranked.sort_values(["average_met", "district"], ascending=[False, True]).reset_index(drop=True)
    ranked["rank"] = ranked["average_met"].rank(method="min", ascending=False).astype(int)
    ranked["of"] = len(ranked)
    return ranked


def summary(
    con: duckdb.DuckDBPyConnection,
    unit: Unit,
    period: Period,
    set_id: str,
    layer: str = "self",
    *,
    scores_of=None,
    missing_of=None,
) -> dict:
    """The ``python -m ntm summary --json`` object; ``scores_of``/``missing_of`` count other units
    the same way (``ntm.villages`` passes its village scores)."""
    scores = (scores_of or commune_scores)(con, unit, period, set_id, layer)
    n = n_criteria(con, set_id)
    avg = average_met(scores)
    missing = (missing_of or not_reported)(con, unit, period, set_id, layer)
    return {
        "unit": {"code": unit.code, "name": unit.name},
        "period": period.text,
        "set": set_id,
        "layer": layer,
        "communes": len(scores),
        "total_met": int(scores["met"].sum()) if len(scores) else 0,
        "average_met": None if avg is None else round(avg, 2),
        "distribution": {row.bin: int(row.communes) for row in distribution(scores, n).itertuples()},
        "distribution_exact": {str(k): int(v) for k, v in exact_distribution(scores, n).items()},
        "communes_detail": [
            {"code": _text(r.code), "name": r.name, "met": int(r.met), "unmet": [int(x) for x in r.unmet]}
            for r in scores.itertuples()
        ],
        "not_reported": [{"code": _text(r.code), "name": r.name} for r in missing.itertuples()],
        "unit_path": describe(con, unit),
    }


def _text(value: object) -> str | None:
    """A code as text, or None for historical units without one (pandas gives NaN)."""
    return value if isinstance(value, str) else None


def status_matrix(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """Long (commune, criterion, status) for the communes of ``unit``; "no_report" where none came."""
    return con.execute(
        f"""WITH {_SCOPE},
            reports AS (SELECT a.unit_id, a.period FROM ({_latest(period)}) a SEMI JOIN scope USING (unit_id)),
            window_end AS (SELECT coalesce(max(period), $end) AS last FROM reports),
            live AS (SELECT s.* FROM scope s CROSS JOIN window_end w
                     WHERE (s.valid_to IS NULL OR s.valid_to >= w.last) AND (s.valid_from IS NULL OR s.valid_from <= w.last)),
            latest AS (SELECT r.* FROM reports r SEMI JOIN live USING (unit_id)),
            facts AS (SELECT a.unit_id, a.criterion_no, a.status FROM assessments a JOIN latest USING (unit_id, period)
                      WHERE a.set_id = $set AND a.layer = $layer)
            SELECT l.unit_id, l.code, l.name, l.district, c.criterion_no,
                   CASE WHEN lt.unit_id IS NULL THEN 'no_report' ELSE coalesce(f.status, 'not_met') END AS status
            FROM live l CROSS JOIN (SELECT criterion_no FROM criteria WHERE set_id = $set) c
            LEFT JOIN latest lt ON lt.unit_id = l.unit_id
            LEFT JOIN facts f ON f.unit_id = l.unit_id AND f.criterion_no = c.criterion_no
            ORDER BY l.district, l.code, c.criterion_no""",
        _params(period, set_id, layer, unit=unit.unit_id, end=period.end),
    ).df()


def commune_history(con: duckdb.DuckDBPyConnection, unit: Unit, layer: str = "self") -> pd.DataFrame:
    """One commune, every report: period, set, criteria met, and the statuses as a dict."""
    return con.execute(
        """SELECT period, set_id, count(*) FILTER (WHERE status = 'met') AS met,
                  map(list(criterion_no ORDER BY criterion_no), list(status ORDER BY criterion_no)) AS statuses,
                  max(upload_id) AS upload_id
           FROM assessments WHERE unit_id = ? AND layer = ? GROUP BY period, set_id ORDER BY period""",
        [unit.unit_id, layer],
    ).df()


def unmet_since(history: pd.DataFrame) -> dict[int, object]:
    """For the latest report: each unmet criterion → the first month of its current unmet run."""
    if history.empty:
        return {}
    last = history.iloc[-1]
    same_set = history[history["set_id"] == last["set_id"]]
    result = {}
    for no, status in dict(last["statuses"]).items():
        if status == "met":
            continue
        since = last["period"]
        for row in same_set.iloc[::-1].itertuples():
            if dict(row.statuses).get(no) == "met":
                break
            since = row.period
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


def criteria_names(con: duckdb.DuckDBPyConnection, set_id: str, lang: str = "vi") -> dict[int, str]:
    crit = catalog.criteria(con, set_id)
    return dict(zip(crit["criterion_no"].astype(int), crit["name_en" if lang == "en" else "name_vi"]))


def bottlenecks(scores: pd.DataFrame, rates: pd.DataFrame, top: int = 5) -> pd.DataFrame:
    """The least-met criteria, with ``last_mile``: communes missing only 1-2 criteria, this one among them."""
    _, last = last_mile(scores)
    result = rates.assign(last_mile=rates["criterion_no"].map(last).fillna(0).astype(int))
    return result.sort_values(["rate", "last_mile", "criterion_no"], ascending=[True, False, True]).head(top)


def last_mile(scores: pd.DataFrame, most: int = 2) -> tuple[pd.DataFrame, pd.Series]:
    """Communes missing only 1-``most`` criteria, and how often each criterion is among those missing."""
    near = scores[scores["unmet"].map(len).between(1, most)]
    counts = pd.Series([c for lst in near["unmet"] for c in lst], dtype="int64").value_counts()
    return near, counts.rename_axis("criterion_no").rename("communes")


def regressions(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """Criteria met in a commune's previous report and not in its latest one (of the period), same set:
    unmet now and not unmet before, from the commune × month summary."""
    return con.execute(  # the latest report of the period against the one before it (ASOF: the nearest earlier month)
        f"""WITH {_SCOPE},
            latest AS (
                SELECT a.unit_id, a.period, a.unmet FROM ({_latest(period)}) a JOIN scope s USING (unit_id)
                WHERE (s.valid_to IS NULL OR s.valid_to >= $end) AND (s.valid_from IS NULL OR s.valid_from <= $end)),
            earlier AS (  -- the report before one of year Y: a month of Y, or the year row of an earlier year
                SELECT p.unit_id, p.period, p.unmet FROM commune_month_summary p SEMI JOIN latest USING (unit_id)
                WHERE p.set_id = $set AND p.layer = $layer AND p.period BETWEEN $year_start AND $end
                UNION ALL
                SELECT y.unit_id, y.period, y.unmet FROM commune_year_summary y SEMI JOIN latest USING (unit_id)
                WHERE y.set_id = $set AND y.layer = $layer AND y.year < $year_of_end),
            pairs AS (SELECT l.unit_id, l.period AS latest, p.period AS previous,
                             unnest(list_filter(l.unmet, lambda x: NOT list_contains(p.unmet, x)))::INTEGER AS criterion_no
                      FROM latest l ASOF JOIN earlier p ON p.unit_id = l.unit_id AND l.period > p.period)
            SELECT s.unit_id, s.code, s.name, s.district, p.previous, p.latest, p.criterion_no
            FROM pairs p JOIN scope s USING (unit_id)
            ORDER BY s.district, s.name, p.criterion_no""",
        _params(
            period,
            set_id,
            layer,
            unit=unit.unit_id,
            end=period.end,
            year_start=date(period.end.year, 1, 1),
            year_of_end=period.end.year,
        ),
    ).df()


def rates_by_district(scores: pd.DataFrame, by: str = "district", criteria: list[int] | None = None) -> pd.DataFrame:
    """Share of reporting communes meeting each criterion, one row per district (or ``by="province"``), one
    column per criterion of ``criteria`` (a criterion no commune misses is a column of 1.0, never dropped)."""
    totals = scores.groupby(by).size()
    unmet = scores.explode("unmet").dropna(subset=["unmet"]).groupby([by, "unmet"]).size().unstack(fill_value=0)
    rates = (1 - unmet.div(totals, axis=0)).reindex(totals.index).fillna(1.0)
    rates.columns = [int(c) for c in rates.columns]
    if criteria is not None:
        rates = rates.reindex(columns=[int(c) for c in criteria], fill_value=1.0)
    return rates


def criterion_rates_by_year(
    con: duckdb.DuckDBPyConnection, unit: Unit, set_id: str, layer: str = "self"
) -> pd.DataFrame:
    """Share of communes meeting each criterion at each year's end (each commune's latest report in the year)."""
    return con.execute(
        f"""WITH {_SCOPE},
            latest AS (SELECT a.unit_id, a.year::BIGINT AS year, a.unmet
                       FROM commune_year_summary a JOIN scope USING (unit_id)
                       WHERE a.set_id = $set AND a.layer = $layer)
            SELECT l.year, c.criterion_no,
                   avg(CASE WHEN list_contains(l.unmet, c.criterion_no) THEN 0.0 ELSE 1.0 END) AS rate,
                   count(DISTINCT l.unit_id) AS communes
            FROM latest l CROSS JOIN (SELECT criterion_no FROM criteria WHERE set_id = $set) c
            GROUP BY ALL ORDER BY l.year, c.criterion_no""",
        {"unit": unit.unit_id, "set": set_id, "layer": layer},
    ).df()
