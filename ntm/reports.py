"""The periodic report draft as data (sections of sentences and tables), in the words district
reports use — "bình quân đạt 10,9 tiêu chí/xã", "số xã đạt 19 tiêu chí: 03 xã (…)", "xã Tú Xuyên
đạt 10/19 tiêu chí, chưa đạt các tiêu chí: (2) Giao thông …" — with the letterhead, recipients and
signature an administrative report carries (Decree 30/2020/NĐ-CP; the records, the letterhead and the words are in
``ntm.report_form``). Rendered by ``ntm.report_docx`` and ``ntm.report_xlsx``.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from ntm import catalog, comparison, history, metrics, pace_words, periods, progress, report_catalog, unmet_lists
from ntm.i18n import fmt_date, fmt_number, fmt_period, formatter, t
from ntm.page_memo import once, shared
from ntm.report_form import (  # noqa: F401 - the report's records and words, read by callers through this module
    Draft,
    Letterhead,
    Section,
    count_words,
    letterhead,
    numbered,
    period_words,
    place,
    set_name,
    share_text,
)
from ntm.units import Unit


def draft(
    con: duckdb.DuckDBPyConnection,
    unit: Unit,
    period: periods.Period,
    set_id: str,
    lang: str = "vi",
    layer: str = "self",
    lens: history.Lens = history.THEN,
) -> Draft:
    with shared():  # the scores its sections read again (levels, comparison …) are computed once per draft
        return _draft(con, unit, period, set_id, lang, layer, lens)


def _draft(con, unit: Unit, period: periods.Period, set_id: str, lang: str, layer: str, lens: history.Lens) -> Draft:
    from ntm import counts_report  # it builds Sections of this module

    scores = once(history.scores, con, unit, period, set_id, layer, lens)
    n = report_catalog.n_criteria(con, set_id)
    title = t("report.doc_title", lang)
    subject = t(
        "report.subject",
        lang,
        set_name=set_name(con, set_id, lang),
        place=place(unit, lang),
        period=period_words(period, lang),
    )
    subtitle = t("report.subtitle", lang, layer=t(f"layer.{layer}", lang))
    if lens.view == "today":
        subtitle += " " + t("view.caption.today", lang).capitalize() + " (" + t(f"rule.note.{lens.rule}", lang) + ")."
    if lens.group is not None:
        subtitle += (
            " " + t("groups.caption", lang, kind=t(f"groups.kind.{lens.group.kind}", lang), name=lens.group.name) + "."
        )
    head = letterhead(con, unit, period, lang)
    if scores.empty:
        return Draft(
            title,
            subject,
            subtitle,
            [
                Section(
                    t("report.no_data_heading", lang),
                    [t("report.no_data", lang, unit=unit.name, period=fmt_period(period.text, lang))],
                    part=t("report.part_result", lang),
                )
            ],
            head,
            lang,
        )
    result, outlook = t("report.part_result", lang), t("report.part_outlook", lang)
    sections = [
        _overall(con, unit, period, set_id, scores, lang, layer, lens),
        _bins(scores, n, lang),
        _unmet(con, scores, set_id, n, lang),
        _targets(con, unit, period, lang, layer),
        _change(con, unit, period, set_id, lang, layer, lens),
    ]
    for section, part in zip(sections, (result, result, result, outlook, outlook)):
        section.part = part
    for section in counts_report.sections(con, unit, period, set_id, lang, layer):
        section.part = t("report.part_counts", lang)  # villages, levels, rank, resources: a part of their own
        sections.append(section)
    return Draft(title, subject, subtitle, sections, head, lang)


def _overall(con, unit: Unit, period, set_id: str, scores: pd.DataFrame, lang: str, layer: str, lens) -> Section:
    missing = once(history.not_reported, con, unit, period, set_id, layer, lens)
    yoy = comparison.year_on_year(con, unit, period, set_id, layer, lens)  # the province is one unit across the reform
    average = metrics.average_met(scores)
    previous = None
    if yoy.sets is not None and yoy.sets.delta is not None:
        previous = yoy.sets.average_before if not yoy.sets.crosses else None
    lines = [t("report.communes", lang, communes=count_words(len(scores), lang))]
    if len(missing):
        lines.append(
            t("report.missing", lang, count=count_words(len(missing), lang), names=", ".join(missing["name"].tolist()))
        )
    where = place(unit, lang)  # "toàn huyện Văn Quan"
    lines.append(t("report.average", lang, unit=where, average=fmt_number(average, lang)))
    if previous is not None and average is not None:
        lines.append(
            t(
                "report.average_before",
                lang,
                average=fmt_number(previous, lang),
                change=("+" if average >= previous else "") + fmt_number(average - previous, lang),
            )
        )
    if yoy.sets is not None and yoy.sets.crosses and yoy.sets.delta is not None:
        lines.append(
            t(
                "delta.crosses",
                lang,
                period=fmt_period(yoy.earlier.text, lang),
                before=catalog.set_label(yoy.earlier_set, lang, con),
                count=len(yoy.sets.pairs),
                avg_before=fmt_number(yoy.sets.average_before, lang),
                avg_after=fmt_number(yoy.sets.average_after, lang),
            )
        )
    lines.append(t("report.total", lang, unit=where, total=fmt_number(int(scores["met"].sum()), lang, 0)))
    return Section(t("report.h_overall", lang), lines)


def _bins(scores: pd.DataFrame, n: int, lang: str) -> Section:
    lines = []
    found = metrics.binned(scores, n)
    for b in found:
        if b.low == 0 and not b.names:
            lines.append(t("report.bin_none_below", lang, low=b.high + 1))
            continue
        names = f" ({', '.join(b.names)})" if b.names else ""
        lines.append(
            t(
                "report.bin_full" if b.low == n else "report.bin",
                lang,
                label=b.label,
                count=count_words(len(b.names), lang),
                names=names,
            )
        )
    share = t("report.col_share", lang)
    counts = np.array([len(b.names) for b in found], dtype=np.int64)
    table = pd.DataFrame(
        {
            t("report.col_bin", lang): [b.label for b in found],
            t("report.col_n_communes", lang): counts,
            share: counts / max(len(scores), 1),
        }
    )
    return Section(t("report.h_bins", lang), lines, table, t("report.caption_bins", lang), shares=(share,))


def _unmet(con, scores: pd.DataFrame, set_id: str, n: int, lang: str) -> Section:
    crit = report_catalog.criteria(con, set_id)
    labels = {c.criterion_no: f"({c.criterion_no}) {c.name(lang)}" for c in crit}  # "(2) Giao thông"
    departments = {c.criterion_no: c.department(lang) for c in crit}
    names = scores["name"].tolist()
    rows, numbers = unmet_lists.flat(scores["unmet"])
    label_of = np.array([labels.get(no) for no in range(1 + int(numbers.max(initial=0)))], dtype=object)
    texts = label_of[numbers].tolist()  # each unmet criterion's label, row by row
    unmet = [", ".join(row) for row in unmet_lists.runs(texts, np.bincount(rows, minlength=len(names)))]
    line = formatter("report.commune_line", lang)  # a line per commune: the message looked up once
    lines = [
        line(name=name, met=met, n=n, unmet=missing)
        for name, met, missing in sorted(zip(names, scores["met"].tolist(), unmet), key=lambda r: (-r[1], r[0]))
        if missing  # most met first, then by name
    ]
    table = None
    if len(numbers):  # criterion → the communes missing it, in the scores' order
        order = np.argsort(numbers, kind="stable")
        criteria, counts = np.unique(numbers, return_counts=True)
        named = np.array(names, dtype=object)[rows[order]].tolist()
        communes = [", ".join(run) for run in unmet_lists.runs(named, counts)]
        table = pd.DataFrame(
            {
                t("chart.criterion", lang): [labels[c] for c in criteria.tolist()],
                t("criteria.department", lang): [
                    departments[c] if isinstance(departments[c], str) else "" for c in criteria.tolist()
                ],
                t("report.col_communes", lang): counts.astype(int),
                t("col.commune", lang): communes,
            }
        )
    return Section(
        t("report.h_unmet", lang), lines or [t("report.all_met", lang)], table, t("report.caption_unmet", lang)
    )


def _targets(con, unit: Unit, period, lang: str, layer: str) -> Section:
    year = period.end.year
    result = progress.report(con, unit, year, period.end, layer)
    lines = []
    for e in result.targets:
        head = t(
            "report.target_head",
            lang,
            name=e.name,
            level=t(f"report.level.{e.level}", lang),
            deadline=fmt_period(e.target_month, lang),
        )
        if e.status == "achieved":
            detail = (
                t(
                    "report.target_recognised",
                    lang,
                    decision_no=e.recognition.decision_no,
                    decision_date=fmt_date(e.recognition.decision_date, lang),
                )
                if e.recognition
                else t("report.target_self", lang)
            )
        elif e.status == "no_data":
            detail = t("report.target_no_data", lang)
        else:
            criteria = ", ".join(
                f"({u.criterion_no}) {u.name(lang)}" + (f" – {u.department(lang)}" if u.department_vi else "")
                for u in e.unmet
            )
            status = t(f"progress.{e.status}", lang)
            if e.months_left <= 0:  # the deadline has passed: no "còn −1 tháng", no pace to ask for
                detail = t("report.target_overdue", lang, count=len(e.unmet), criteria=criteria, status=status)
            else:
                detail = t(
                    "report.target_gap",
                    lang,
                    count=len(e.unmet),
                    months=pace_words.time_left(e.months_left, lang),
                    criteria=criteria,
                    needed=pace_words.pace(e.needed_pace, "criteria", lang),
                    observed=pace_words.pace(e.observed_pace, "criteria", lang),
                    status=status,
                )
        lines.append(f"{head}: {detail}")
    return Section(t("report.h_targets", lang, year=year), lines or [t("report.no_targets", lang, year=year)])


def _change(con, unit: Unit, period, set_id: str, lang: str, layer: str, lens) -> Section:
    before = periods.year_before(period)
    before_set = comparison.counterpart_set(con, set_id, comparison.sets_in(con, unit, before, layer))
    changed = (
        comparison.changes(con, unit, before, before_set, period, set_id, layer, lens) if before_set else pd.DataFrame()
    )
    if changed.empty or changed["met_before"].isna().all():
        return Section(
            t("report.h_change", lang, before=fmt_period(before.text, lang)),
            [t("report.no_earlier", lang, before=fmt_period(before.text, lang), set_name=set_name(con, set_id, lang))],
        )
    columns = (changed[c].tolist() for c in ("name", "met_before", "met", "gained", "lost"))  # plain values
    line = formatter("report.change_line", lang)
    lines = [
        line(
            name=name,
            before=met_before,
            after=met,
            gained=", ".join(map(str, gained)) or "–",
            lost=", ".join(map(str, lost)) or "–",
        )
        for name, met_before, met, gained, lost in zip(*columns)
        if len(gained) or len(lost)
    ]
    return Section(
        t("report.h_change", lang, before=fmt_period(before.text, lang)),
        lines or [t("report.no_change", lang, before=fmt_period(before.text, lang))],
    )


def to_docx(report: Draft) -> bytes:
    """The administrative document (see ``ntm.report_docx``)."""
    from ntm import report_docx

    return report_docx.render(report)


def to_xlsx(report: Draft) -> bytes:
    """The print-ready workbook (see ``ntm.report_xlsx``)."""
    from ntm import report_xlsx

    return report_xlsx.render(report)
