"""Case 2: the queries behind every page, through ``ntm`` on DuckDB, against pandas on the same facts in memory.

Each page function calls what the page calls (uncached: a cold page); its pandas twin computes the same
figures from ``frames.Facts``. The overview's average is compared between the two so they answer alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from benchmarks import frames
from benchmarks.timing import Case, alongside, case, repeat
from ntm import (
    comparison,
    criterion_rates,
    filter_options,
    history,
    metrics,
    movements,
    periods,
    progress,
    reports,
    summary_memory,
    targets,
    units,
)
from ntm.ingest import preview as ingest_preview

GOAL_S = 0.020
GOAL_RATIO = 1 / 20


@dataclass(frozen=True)
class Scope:
    province: units.Unit
    district: units.Unit
    commune: units.Unit
    period: periods.Period
    set_id: str
    national: units.Unit | None  # the whole country, where the code has a national scope


def pick_scope(con, province_code: str) -> Scope:
    """The province's largest district and that district's first commune, in 2024 under ntm-2021."""
    period = periods.parse("2024")
    province = units.resolve(con, province_code, start=period.start, end=period.end)
    district_id, commune_id = con.execute(
        """SELECT district_id, min(unit_id) FROM units WHERE province_id = ? AND level = 'commune' AND kind = 'Xã'
           GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1""",
        [province.unit_id],
    ).fetchall()[0]
    national = getattr(units, "national", None)
    return Scope(
        province,
        units.get(con, district_id),
        units.get(con, commune_id),
        period,
        "ntm-2021",
        national() if national else None,
    )


def _overview(con, scope: units.Unit, province: units.Unit, period, set_id):
    scores = metrics.commune_scores(con, scope, period, set_id)
    metrics.commune_scores(con, scope, periods.year_before(period), set_id)
    metrics.not_reported(con, scope, period, set_id)
    targets.recognised_counts(con, scope, period.end)
    movements.regressions(con, scope, period, set_id)
    metrics.yearly_average(con, scope)
    metrics.district_ranking(con, province, period, set_id)
    criterion_rates.criteria_names(con, set_id)
    return metrics.average_met(scores)


def _pd_overview(f: frames.Facts, ids: list[int], period, set_id):
    scores = frames.scores(f, ids, period.start, period.end, set_id)
    before = periods.year_before(period)
    frames.scores(f, ids, before.start, before.end, set_id)
    frames.not_reported(f, ids, period.start, period.end, set_id)
    frames.yearly(f, ids)
    frames.ranking(scores)
    return float(scores["met"].mean())


def _pd_report(f: frames.Facts, ids: list[int], period, earlier, set_id):
    """The figures the report draft shows, with pandas: the scores, the communes not reported, the averages now
    and a year before, the bins with their communes, the unmet criteria with their communes and the per-commune
    lines in order, each commune's criteria gained and lost since a year before, the communes at standard over the
    base (the levels' section)."""
    scores = frames.scores(f, ids, period.start, period.end, set_id)
    missing = frames.not_reported(f, ids, period.start, period.end, set_id)
    before = frames.scores(f, ids, earlier.start, earlier.end, set_id)
    n = len(f.criteria[set_id])
    scores["met"].mean(), before["met"].mean()
    scores.groupby(pd.cut(scores["met"], [-1, 4, 9, 14, n - 1, n]), observed=False)["name"].agg(list)
    scores.explode("unmet").dropna(subset=["unmet"]).groupby("unmet")["name"].agg(["size", list])
    scores.sort_values(["met", "name"], ascending=[False, True])
    pair = scores[["unit_id", "unmet"]].merge(
        before[["unit_id", "unmet"]], on="unit_id", how="left", suffixes=("", "_b")
    )
    changes = [
        (sorted(set(b) - set(a)), sorted(set(a) - set(b)))
        for a, b in zip(pair["unmet"], pair["unmet_b"])
        if isinstance(b, list)
    ]
    return int((scores["met"] == n).sum()), len(scores) + len(missing), len(changes)


def page_cases(con, f: frames.Facts, s: Scope, times: int, incoming: pd.DataFrame) -> list[Case]:
    p, set_id = s.period, s.set_id
    earlier = periods.year_before(p)
    month = periods.parse("2024-06")
    pages: list[tuple[str, Callable[[], object], Callable[[], object]]] = [
        (
            f"queries: overview, province ({s.province.short_name})",
            lambda: _overview(con, s.province, s.province, p, set_id),
            lambda: _pd_overview(f, [s.province.unit_id], p, set_id),
        ),
    ]
    if s.national is not None:
        pages.append(
            (
                "queries: overview, whole country",
                lambda: _overview(con, s.national, s.national, p, set_id),
                lambda: _pd_overview(f, [], p, set_id),
            )
        )

    def criteria():
        scores = metrics.commune_scores(con, s.province, p, set_id)
        rates = criterion_rates.criterion_rates(con, scores, set_id)
        criterion_rates.bottlenecks(scores, rates)
        criterion_rates.rates_by_district(scores)
        criterion_rates.criterion_rates_by_year(con, s.province, set_id)

    def pd_criteria():
        scores = frames.scores(f, [s.province.unit_id], p.start, p.end, set_id)
        scores.explode("unmet").groupby(["district", "unmet"]).size()
        frames.rates_by_year(f, [s.province.unit_id], set_id)

    months = filter_options.months(con)  # the sidebar's, cached for every page

    def compare():  # what views/compare.py asks: scores, the heatmap, the periods it can compare with, the changes
        history.scores(con, s.district, p, set_id)
        history.status_matrix(con, s.district, p, set_id)
        before_set = dict(comparison.comparable_periods(con, s.district, p, set_id, months))[earlier.text]
        comparison.changes(con, s.district, earlier, before_set, p, set_id)

    def pd_compare():
        frames.status_matrix(f, [s.district.unit_id], p.start, p.end, set_id)
        frames.scores(f, [s.district.unit_id], earlier.start, earlier.end, set_id)
        frames.scores(f, [s.district.unit_id], p.start, p.end, set_id)

    def profile():
        metrics.commune_scores(con, s.district, p, set_id)
        metrics.status_matrix(con, s.district, p, set_id)
        history = movements.commune_history(con, s.commune)
        movements.unmet_since(history)
        last = history.iloc[-1]
        movements.regressions(con, s.commune, periods.month(last["period"]), last["set_id"])

    def pd_profile():
        frames.scores(f, [s.district.unit_id], p.start, p.end, set_id)
        frames.status_matrix(f, [s.district.unit_id], p.start, p.end, set_id)
        frames.history(f, s.commune.unit_id)

    def target_page():
        targets.years(con, s.province)
        progress.report(con, s.province, p.year)
        criterion_rates.last_mile(metrics.commune_scores(con, s.province, p, set_id))

    def pd_targets():
        scores = frames.scores(f, [s.province.unit_id], p.start, p.end, set_id)
        scores[scores["unmet"].map(len).between(1, 2)]

    def report():
        reports.draft(con, s.province, p, set_id)

    def pd_report():
        _pd_report(f, [s.province.unit_id], p, earlier, set_id)

    pages += [
        (f"queries: criteria ({s.province.short_name})", criteria, pd_criteria),
        (f"queries: compare heatmap ({s.district.short_name})", compare, pd_compare),
        (f"queries: commune profile ({s.commune.short_name})", profile, pd_profile),
        (f"queries: targets ({s.province.short_name})", target_page, pd_targets),
        (f"queries: report draft ({s.province.short_name})", report, pd_report),
        (
            f"queries: upload preview ({len(incoming):,} rows, {month.text})",
            lambda: ingest_preview.preview(con, incoming),
            lambda: frames.preview(f, incoming),
        ),
    ]
    _check_same(con, f, s)
    goal = f"≤ {GOAL_S * 1000:.0f} ms and ≥ {1 / GOAL_RATIO:.0f}× faster than pandas"
    cases = [memory_case(con, times)]
    for name, ours, theirs in pages:
        ours_s, theirs_s = alongside(ours, theirs, times, max(2, times // 2), warmup=1)
        cases.append(
            case(name, ours_s, goal, lambda m, r: m <= GOAL_S and r is not None and r <= GOAL_RATIO, "pandas", theirs_s)
        )
    return cases


BUILD_GOAL_S = 1.0


def memory_case(con, times: int) -> Case:
    """The summaries' in-memory copy read from the file (``ntm/summary_memory.py``): paid once per data version
    (after each committed write), then every year figure above is answered from it."""
    size = summary_memory.read(con).nbytes
    return case(
        f"queries: summaries read into memory (once per data version; {size / 1e6:.1f} MB)",
        repeat(lambda: summary_memory.read(con), max(2, times // 2)),
        f"≤ {BUILD_GOAL_S:.0f} s, once per data version",
        lambda m, r: m <= BUILD_GOAL_S,
    )


def _check_same(con, f: frames.Facts, s: Scope) -> None:
    """DuckDB and pandas agree on the province's average criteria met (else the comparison means nothing)."""
    ours = metrics.average_met(metrics.commune_scores(con, s.province, s.period, s.set_id))
    theirs = float(frames.scores(f, [s.province.unit_id], s.period.start, s.period.end, s.set_id)["met"].mean())
    if ours is None or abs(ours - theirs) > 1e-9:
        raise AssertionError(f"pandas baseline disagrees: {ours} vs {theirs}")


def incoming_month(con, province: units.Unit, month: date) -> pd.DataFrame:
    """The province's reports of ``month`` as an upload would bring them (for the preview case)."""
    return con.execute(
        """SELECT a.unit_id, a.period, a.set_id, a.criterion_no, a.status, a.layer FROM assessments a
           JOIN units u USING (unit_id) WHERE u.province_id = ? AND a.period = ?""",
        [province.unit_id, month],
    ).df()
