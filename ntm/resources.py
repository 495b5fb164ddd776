"""Resources mobilised, works built and activities held: a catalogue of quantities as data, their values
by unit and period, the year's plan, and the report's sentences ("huy động được trên 47 tỷ đồng …").

The catalogue is ``ntm/data/quantities.csv``: code, group, names, unit of measure and the level it is
reported at (``commune``: per commune or as a district total; ``district``: on the district). A value covers
one month, a quarter or a year and is stored at its last month. A unit's figure adds its own values and
those of the units under it; the importer (``ntm.ingest.quantities``) refuses two values that would be
counted twice (overlapping periods of the same quantity on the same unit, or on a district and its communes).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from importlib import resources as package_files

import duckdb
import pandas as pd

from ntm import loads, report_catalog, store
from ntm.i18n import t
from ntm.periods import Period
from ntm.units import Unit

GROUPS = ("money", "people", "works", "propaganda", "ocop")


@dataclass(frozen=True)
class Quantity:
    code: str
    group: str
    name_vi: str
    name_en: str
    unit_vi: str
    unit_en: str
    level: str  # commune | district
    phrase_vi: str
    phrase_en: str
    attach: str  # how the phrase joins the previous one: "" ("; "), "comma" (", "), "space" (" ")

    def name(self, lang: str = "vi") -> str:
        return self.name_en if lang == "en" else self.name_vi

    def unit(self, lang: str = "vi") -> str:
        return self.unit_en if lang == "en" else self.unit_vi


@dataclass(frozen=True)
class Figure:
    """One quantity for a unit and period: the period's value, year to date, all reports to date, the plan."""

    quantity: Quantity
    period_value: float | None
    cumulative: float | None  # from January of the period's (last) year to the period's end
    to_date: float | None  # every report up to the period's end ("lũy kế đến nay")
    plan: float | None  # the year's plan

    @property
    def plan_share(self) -> float | None:
        if self.plan is None or not self.plan or self.cumulative is None:
            return None
        return self.cumulative / self.plan


@lru_cache(maxsize=1)
def catalogue() -> tuple[Quantity, ...]:
    path = package_files.files("ntm") / "data" / "quantities.csv"
    frame = pd.read_csv(str(path), dtype=str, keep_default_na=False)
    return tuple(Quantity(**row) for row in frame.to_dict("records"))


def by_code() -> dict[str, Quantity]:
    return {q.code: q for q in catalogue()}


def fmt_quantity(value: float | None, lang: str = "vi", decimals: int = 2) -> str:
    """The Vietnamese way: 60533 → "60.533", 2.1 → "2,1", 71.43 → "71,43" (English "60,533", "2.1")."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    rounded = round(float(value), decimals)
    text = f"{rounded:,.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{rounded:,.0f}"
    return text if lang == "en" else text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def fmt_about(value: float, lang: str = "vi") -> str:
    """Large money totals as reports round them: 47.35 → "trên 47" ("over 47"); whole numbers stay exact."""
    if value >= 10 and not float(value).is_integer():
        return t("resources.over", lang, value=fmt_quantity(math.floor(value), lang))
    return fmt_quantity(value, lang)


# ---------------------------------------------------------------- the store
def load(
    con: duckdb.DuckDBPyConnection,
    values: pd.DataFrame,
    plans: pd.DataFrame,
    *,
    file_name: str | None = None,
    raw: bytes | None = None,
    uploaded_by: str | None = None,
) -> int:
    """One upload in one transaction. ``values``: unit_id, period (last month), months, quantity, value;
    ``plans``: unit_id, year, quantity, value. A (unit, period, quantity) already stored is replaced and kept
    in ``quantity_history``; a plan for the same (unit, year, quantity) is replaced."""
    values = values.assign(period=pd.to_datetime(values["period"]).dt.date)
    with store.transaction(con):
        upload_id = con.execute("SELECT nextval('upload_id_seq')").fetchall()[0][0]
        con.execute(
            """INSERT INTO uploads (upload_id, uploaded_at, uploaded_by, file_name, sha256, source, rows, communes,
                                   status, raw, note) VALUES (?, ?, ?, ?, ?, 'quantities', ?, ?, 'loaded', ?, NULL)""",
            [
                upload_id,
                datetime.now(),
                uploaded_by,
                file_name,
                loads.sha256(raw) if raw else None,
                len(values),
                int(values["unit_id"].nunique()) if len(values) else 0,
                raw,
            ],
        )
        incoming = values.assign(upload_id=upload_id)[["unit_id", "period", "months", "quantity", "value", "upload_id"]]
        con.register("incoming_quantities", incoming)
        con.register(
            "incoming_plans", plans.assign(upload_id=upload_id)[["unit_id", "year", "quantity", "value", "upload_id"]]
        )
        try:
            con.execute(
                """INSERT INTO quantity_history SELECT q.*, ? FROM quantity_values q SEMI JOIN incoming_quantities i
                   ON q.unit_id = i.unit_id AND q.period = i.period AND q.quantity = i.quantity""",
                [upload_id],
            )
            con.execute("""DELETE FROM quantity_values q USING incoming_quantities i
                           WHERE q.unit_id = i.unit_id AND q.period = i.period AND q.quantity = i.quantity""")
            con.execute("INSERT INTO quantity_values SELECT * FROM incoming_quantities")
            con.execute("""DELETE FROM quantity_plans p USING incoming_plans i
                           WHERE p.unit_id = i.unit_id AND p.year = i.year AND p.quantity = i.quantity""")
            con.execute("INSERT INTO quantity_plans SELECT * FROM incoming_plans")
        finally:
            con.unregister("incoming_quantities")
            con.unregister("incoming_plans")
    return int(upload_id)


def revert(con: duckdb.DuckDBPyConnection, upload_id: int) -> int:
    """Undo a quantities upload (``loads.revert_upload``): its values and plans go, the values it replaced
    come back. Returns the rows removed."""
    return loads.revert_upload(con, upload_id)


_INSIDE = "(x.unit_id = $unit OR x.district_id = $unit OR x.province_id = $unit OR x.parent_id = $unit)"


def stored(con: duckdb.DuckDBPyConnection, unit: Unit) -> pd.DataFrame:
    """Every stored value inside ``unit`` (its own and its communes'), with the unit's name."""
    return con.execute(
        f"""SELECT q.unit_id, x.short_name AS unit, x.level, q.period, q.months, q.quantity, q.value, q.upload_id
            FROM quantity_values q JOIN units x USING (unit_id) WHERE {_INSIDE}
            ORDER BY q.period, x.level, x.short_name, q.quantity""",
        {"unit": unit.unit_id},
    ).df()


# ---------------------------------------------------------------- figures
def _holders(con: duckdb.DuckDBPyConnection) -> frozenset[int]:
    """The ids ``_INSIDE`` matches for some unit holding a value or a plan (the unit, its district, province and
    parent): a unit outside them has no figure (most have none), so ``figures`` skips its statement."""
    rows = con.execute(
        """SELECT DISTINCT x.unit_id, x.district_id, x.province_id, x.parent_id FROM units x
           WHERE x.unit_id IN (SELECT unit_id FROM quantity_values UNION SELECT unit_id FROM quantity_plans)"""
    ).fetchall()
    return frozenset(i for row in rows for i in row if i is not None)


def figures(con: duckdb.DuckDBPyConnection, unit: Unit, period: Period) -> list[Figure]:
    """Every catalogue quantity for ``unit`` and ``period`` (None where nothing was reported)."""
    sums: dict[str, tuple] = {}
    plans: dict[str, float] = {}
    # values and plans change only in their uploads' and reverts' transactions: the holders are kept per data version
    held = unit.unit_id in report_catalog.derived(con, _holders)
    for quantity, in_period, in_year, to_date, plan, has_values, has_plan in _sums(con, unit, period) if held else ():
        if has_values:
            sums[quantity] = (in_period, in_year, to_date)
        if has_plan:
            plans[quantity] = plan
    result = []
    for q in catalogue():
        period_value, cumulative, to_date = sums.get(q.code, (None, None, None))
        result.append(Figure(q, period_value, cumulative, to_date, plans.get(q.code)))
    return result


def _sums(con: duckdb.DuckDBPyConnection, unit: Unit, period: Period) -> list[tuple]:
    """Per quantity: the period's, the year's and every value to date, the year's plan, whether values and plans
    were found (values and plans in one statement)."""
    return con.execute(
        f"""SELECT quantity,
                   sum(value) FILTER (WHERE period BETWEEN $start AND $end),
                   sum(value) FILTER (WHERE period BETWEEN $year_start AND $end),
                   sum(value) FILTER (WHERE period <= $end),
                   sum(plan), bool_or(plan IS NULL), bool_or(plan IS NOT NULL)  -- a value row, a plan row (NOT NULL)
            FROM (SELECT q.quantity, q.period, q.value, NULL::DOUBLE AS plan
                  FROM quantity_values q JOIN units x USING (unit_id) WHERE {_INSIDE}
                  UNION ALL
                  SELECT p.quantity, NULL, NULL, p.value FROM quantity_plans p JOIN units x USING (unit_id)
                  WHERE {_INSIDE} AND p.year = $year)
            GROUP BY 1""",
        {
            "unit": unit.unit_id,
            "start": period.start,
            "end": period.end,
            "year_start": period.end.replace(month=1),
            "year": period.end.year,
        },
    ).fetchall()


def by_unit(con: duckdb.DuckDBPyConnection, unit: Unit, period: Period) -> pd.DataFrame:
    """Year-to-date values per reporting unit (the district itself and each commune): unit × quantity."""
    return con.execute(
        f"""SELECT x.short_name AS unit, x.level, q.quantity, sum(q.value) AS value
            FROM quantity_values q JOIN units x USING (unit_id)
            WHERE {_INSIDE} AND q.period BETWEEN $year_start AND $end GROUP BY ALL ORDER BY x.level DESC, 1, 3""",
        {"unit": unit.unit_id, "year_start": period.end.replace(month=1), "end": period.end},
    ).df()


def as_json(figs: list[Figure], lang: str = "vi") -> list[dict]:
    """``python -m ntm resources --json``: each quantity with its unit, the period's and cumulative value, the plan."""
    return [
        {
            "code": f.quantity.code,
            "group": f.quantity.group,
            "name": f.quantity.name(lang),
            "unit": f.quantity.unit(lang),
            "level": f.quantity.level,
            "period": f.period_value,
            "cumulative": f.cumulative,
            "to_date": f.to_date,
            "plan": f.plan,
        }
        for f in figs
    ]


# ---------------------------------------------------------------- the report's words
def _phrases(figs: list[Figure], group: str, lang: str, field: str) -> str:
    text = ""
    for f in figs:
        value = getattr(f, field)
        if f.quantity.group != group or not value:
            continue
        phrase = (f.quantity.phrase_en if lang == "en" else f.quantity.phrase_vi).format(
            value=fmt_quantity(value, lang)
        )
        joiner = {"comma": ", ", "space": " "}.get(f.quantity.attach, "; ")
        text = phrase if not text else text + joiner + phrase
    return text


def sentences(figs: list[Figure], lang: str = "vi", field: str = "cumulative") -> list[str]:
    """The report's sentences for the figures (``field``: period_value, cumulative or to_date)."""
    lines = []
    money = [f for f in figs if f.quantity.group == "money" and getattr(f, field)]
    if money:
        total = sum(getattr(f, field) for f in money)
        lines.append(
            t("resources.s_money", lang, total=fmt_about(total, lang), parts=_phrases(figs, "money", lang, field))
        )
    for group in ("people", "works", "propaganda"):
        text = _phrases(figs, group, lang, field)
        if text:
            lines.append(t(f"resources.s_{group}", lang, parts=text))
    ocop = [f for f in figs if f.quantity.group == "ocop" and getattr(f, field)]
    if ocop:
        total = sum(getattr(f, field) for f in ocop)
        lines.append(
            t("resources.s_ocop", lang, total=fmt_quantity(total, lang), parts=_phrases(figs, "ocop", lang, field))
        )
    return lines
