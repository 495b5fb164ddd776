"""The report draft's sections beyond the commune criteria, in the reports' words: villages ("7,07 tiêu chí
NTM/thôn", "13/26 thôn … đạt 50%"), nâng cao and kiểu mẫu ("2,82 tiêu chí NTM nâng cao/xã"), the district's
rank ("đứng thứ 24/27 huyện về số xã đạt chuẩn"), and resources ("huy động được trên 47 tỷ đồng …")."""

from __future__ import annotations

import duckdb

from ntm import levels, report_catalog, resources, villages
from ntm.i18n import fmt_number, fmt_percent, fmt_period, t
from ntm.periods import Period
from ntm.report_form import Section
from ntm.units import Unit
from ntm.units import get as get_unit


def sections(
    con: duckdb.DuckDBPyConnection, unit: Unit, period: Period, set_id: str, lang: str = "vi", layer: str = "self"
) -> list[Section]:
    """Only the sections with something to say (a district without villages gets no village section)."""
    found = [
        _levels(con, unit, period, lang, layer),
        _villages(con, unit, period, lang, layer),
        _rank(con, unit, period, set_id, lang, layer),
        _resources(con, unit, period, lang),
    ]
    return [s for s in found if s is not None]  # numbered with the others where the report is laid out


def _place(unit: Unit, lang: str) -> str:
    return f"{unit.kind.lower()} {unit.short_name}" if lang == "vi" else unit.name


def _levels(con, unit: Unit, period: Period, lang: str, layer: str) -> Section | None:
    view = levels.advanced(con, unit, period, layer)
    counts = {c.level: c for c in levels.level_counts(con, unit, period, "commune", layer)}
    if view.scores.empty and not counts["standard"].count:
        return None
    lines = [
        t(
            "report.levels_counts",
            lang,
            standard=counts["standard"].count or 0,
            advanced=counts["advanced"].count or 0,
            model=counts["model"].count or 0,
            base=counts["standard"].base,
        )
    ]
    if view.set_id is not None and not view.scores.empty:
        lines.append(
            t(
                "report.advanced_average",
                lang,
                unit=_place(unit, lang),
                average=fmt_number(view.average, lang, 2),
                communes=len(view.scores),
                basis=t(f"levels.basis.{view.basis}", lang),
            )
        )
        crit = {c.criterion_no: c for c in report_catalog.criteria(con, view.set_id)}
        for r in view.scores.itertuples():
            if not len(r.unmet):
                lines.append(t("report.advanced_full", lang, name=r.name, n=view.n_criteria))
                continue
            unmet = "; ".join(f"({no}) {crit[no].name(lang)} – {crit[no].department(lang) or '–'}" for no in r.unmet)
            lines.append(t("report.advanced_line", lang, name=r.name, met=r.met, n=view.n_criteria, unmet=unmet))
    model_set = levels.level_set(con, "commune", "model", period.end)
    if levels.assessed(con, unit, period, model_set, layer):  # a kiểu mẫu set nobody reported under: no line
        for r in levels.model_conditions(con, unit, period, layer).itertuples():
            if len(r.unmet):
                lines.append(
                    t("report.model_line", lang, name=r.name, met=r.met, n=r.n, unmet="; ".join(r.unmet_names))
                )
    return Section(t("report.h_levels", lang), lines)


def _villages(con, unit: Unit, period: Period, lang: str, layer: str) -> Section | None:
    s = villages.standing(con, unit, period, layer)
    if not s.villages or not s.reporting:
        return None
    lines = [
        t(
            "report.villages_average",
            lang,
            unit=_place(unit, lang),
            average=fmt_number(s.average_met, lang, 2),
            reporting=s.reporting,
            villages=s.villages,
        ),
        t(
            "report.villages_levels",
            lang,
            at_standard=f"{s.at_standard:02d}" if lang == "vi" else s.at_standard,  # "09 bản", as reports write
            villages=s.villages,
            share=fmt_percent(s.share_at_standard, lang, 1),
            model=f"{s.model:02d}" if lang == "vi" else s.model,
        ),
    ]
    for r in villages.standing_by(con, unit, period, "commune", layer).itertuples():
        lines.append(
            t(
                "report.villages_commune",
                lang,
                commune=r.commune,
                at_standard=int(r.at_standard),
                villages=int(r.villages),
                share=fmt_percent(r.share, lang, 0),
                model=int(r.model),
            )
        )
    return Section(t("report.h_villages", lang), lines)


def _rank(con, unit: Unit, period: Period, set_id: str, lang: str, layer: str) -> Section | None:
    if unit.level != "district" or unit.province_id is None:
        return None
    ranked = levels.rank_districts(con, get_unit(con, unit.province_id), period, set_id, layer)
    if len(ranked) < 2 or unit.short_name not in set(ranked["district"]):
        return None
    row = ranked.set_index("district").loc[unit.short_name]
    line = t(
        "report.rank_line",
        lang,
        unit=unit.name,
        rank=int(row["rank_standard"]),
        of=int(row["of"]),
        count=int(row["at_standard"]),
        rank_average=int(row["rank_average"]),
    )
    return Section(t("report.h_rank", lang), [line])


def _resources(con, unit: Unit, period: Period, lang: str) -> Section | None:
    lines = resources.sentences(resources.figures(con, unit, period), lang, "cumulative")
    if not lines:
        return None
    start = period.end.replace(month=1)
    heading = t("report.h_resources", lang, start=fmt_period(start, lang), end=fmt_period(period.end, lang))
    return Section(heading, lines)
