"""The report as a document: its records (``Draft`` of numbered ``Section``s under a ``Letterhead``), the default
letterhead and signature of a unit's report (Decree 30/2020/NĐ-CP), the numbering of parts and sections, and the
words a report writes (the set's name, the period, a count of communes, a place, a share). ``ntm.reports`` fills
the sections; ``ntm.report_docx`` and ``ntm.report_xlsx`` render them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import duckdb
import pandas as pd

from ntm import periods, report_catalog
from ntm.i18n import fmt_percent, fmt_period, t
from ntm.messages import MESSAGES
from ntm.units import Unit


@dataclass
class Section:
    """One numbered section ("1. Kết quả chung") of a part ("I. KẾT QUẢ …"); numbers are given when rendered.
    ``table`` keeps counts as integers and the columns named in ``shares`` as ratios (0.25 → 25 %)."""

    heading: str
    paragraphs: list[str] = field(default_factory=list)
    table: pd.DataFrame | None = None
    caption: str = ""
    part: str = ""
    shares: tuple[str, ...] = ()


@dataclass(frozen=True)
class Letterhead:
    """What the official fills in on the Reports page: who issues, the number, date, recipients, signer."""

    superior: str  # "UBND TỈNH LẠNG SƠN" (empty for a province)
    issuer: str  # "ỦY BAN NHÂN DÂN HUYỆN VĂN QUAN"
    place: str  # "Văn Quan"
    year: int
    number: str = ""  # "125" → "Số: 125/BC-UBND"; empty → "Số: …/BC-UBND"
    issued: date | None = None  # None → "ngày … tháng … năm 2024"
    recipients: tuple[str, ...] = ()
    authority: str = ""  # "TM. ỦY BAN NHÂN DÂN"
    signer_title: str = ""  # "CHỦ TỊCH"
    signer_name: str = ""


@dataclass
class Draft:
    title: str  # "BÁO CÁO"
    subject: str  # "Kết quả thực hiện Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021-2025 …"
    subtitle: str  # which figures: "(Số liệu xã tự đánh giá)"
    sections: list[Section]
    letterhead: Letterhead | None = None
    lang: str = "vi"


def set_name(con: duckdb.DuckDBPyConnection, set_id: str, lang: str = "vi") -> str:
    """The set in words: "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021-2025" (its catalogue name);
    in English by its level and years ("the national new rural commune criteria 2021-2025")."""
    found = report_catalog.find(con, set_id)
    if found is None:
        return set_id
    name, level = found.name, found.level
    if lang != "en":
        return name
    years = re.search(r"(\d{4})\s*[-–]\s*(\d{4})", name)
    key = f"report.set_en.{level}" if f"report.set_en.{level}" in MESSAGES else "report.set_en.commune"
    return t(key, "en", years=f"{years.group(1)}-{years.group(2)}" if years else "").strip()


def period_words(period: periods.Period, lang: str = "vi") -> str:
    """ "tháng 11/2024" / "năm 2024" (vi), "November 2024" / "2024" (en)."""
    if period.is_year:
        return t("report.period_year", lang, year=period.start.year)
    if lang == "en":
        return period.start.strftime("%B %Y")
    return t("report.period_month", lang, month=fmt_period(period.text, lang))


def count_words(count: int, lang: str = "vi") -> str:
    """A count of communes as reports write it: "03 xã", "12 xã", never "00 xã" ("không có xã nào")."""
    if count == 0:
        return t("report.no_commune", lang)
    if count == 1:
        return t("report.one_commune", lang)
    return t("report.n_communes", lang, count=f"{count:02d}" if lang != "en" else count)


def place(unit: Unit, lang: str = "vi") -> str:
    """ "huyện Văn Quan" — the unit as a sentence names it."""
    return f"{unit.kind.lower()} {unit.short_name}" if lang != "en" else unit.name


def letterhead(con: duckdb.DuckDBPyConnection, unit: Unit, period: periods.Period, lang: str = "vi") -> Letterhead:
    """The default header and signature for a report of ``unit``: the people's committee of the unit issues
    it, the committee of its parent is the superior body and the first recipient."""
    parent = None
    if unit.parent_id is not None:
        rows = con.execute("SELECT kind, short_name FROM units WHERE unit_id = ?", [unit.parent_id]).fetchall()
        parent = rows[0] if rows else None
    issuer = t("report.committee", lang, kind=unit.kind, name=unit.short_name)
    superior = t("report.committee_short", lang, kind=parent[0], name=parent[1]) if parent else ""
    recipients = []
    if parent:
        recipients.append(t("report.to_superior", lang, kind=parent[0].lower(), name=parent[1]))
    recipients += [t("report.to_office", lang), t("report.to_archive", lang)]
    return Letterhead(
        superior=superior.upper() if lang != "en" else superior,
        issuer=issuer.upper() if lang != "en" else issuer,
        place=unit.short_name,
        year=period.end.year,
        recipients=tuple(recipients),
        authority=t("report.authority", lang),
        signer_title=t("report.signer_title", lang),
    )


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def numbered(report: Draft):
    """(part heading or "" when the part continues, section number, section): "I. KẾT QUẢ …", 1, 2 …"""
    part, part_no, section_no = None, 0, 0
    for section in report.sections:
        heading = ""
        if section.part and section.part != part:
            part, part_no, section_no = section.part, part_no + 1, 0
            words = section.part.upper() if report.lang != "en" else section.part
            heading = f"{ROMAN[part_no - 1]}. {words}"
        section_no += 1
        yield heading, section_no, section


def share_text(ratio: float, lang: str = "vi") -> str:
    """A share in a report table: "25,0 %"."""
    return fmt_percent(ratio, lang)
