"""Which unit became which: the old → new mapping across the 2025 reform and earlier mergers.

Two sources of links, read as one:
- ``unit_successors`` (from ``vietnamadminunits``): every pre-2025 commune → the post-2025 commune(s) it went
  into, effective 1/7/2025 (a divided commune has several, one of them the default);
- ``unit_mergers``: mergers before 2025 the province enters itself (Văn Quan's Đồng Giáp and Tràng Các went
  into Khánh Khê on 1/1/2021), with their own dates.

Following links forward from any commune reaches today's communes (units still valid); following them back
from a commune of today gives the communes it came from, however many mergers ago.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import duckdb
import pandas as pd

from ntm import report_catalog, unit_scopes, units
from ntm.i18n import t
from ntm.units import NEW_ERA_START, Unit


@dataclass(frozen=True)
class Link:
    old_unit_id: int
    new_unit_id: int
    effective: date
    is_default: bool


class MergerError(ValueError):
    pass


def links(con: duckdb.DuckDBPyConnection) -> list[Link]:
    """Every old → new link, the reform's and the user's, oldest first."""
    rows = con.execute(
        """SELECT old_unit_id, new_unit_id, ?::DATE AS effective, coalesce(is_default, true) FROM unit_successors
           UNION ALL SELECT old_unit_id, new_unit_id, effective, true FROM unit_mergers
           ORDER BY effective, old_unit_id, new_unit_id""",
        [NEW_ERA_START],
    ).fetchall()
    return [Link(int(o), int(n), e, bool(d)) for o, n, e, d in rows]


def add_merger(con: duckdb.DuckDBPyConnection, old: Unit, new: Unit, effective: date, source: str = "user") -> None:
    """Record that commune ``old`` went into ``new`` on ``effective`` (a merger before the 2025 reform).

    The old commune stops being valid the day before; both must be communes and ``new`` valid on that day.
    """
    if old.level != "commune" or new.level != "commune":
        raise MergerError(t("lineage.not_communes", old=old.name, new=new.name))
    if old.unit_id == new.unit_id:
        raise MergerError(t("lineage.same_unit", name=old.name))
    if (new.valid_from and new.valid_from > effective) or (new.valid_to and new.valid_to < effective):
        raise MergerError(t("lineage.new_not_valid", new=new.name, date=effective.isoformat()))
    if new.unit_id in {u.unit_id for u, _ in ancestry(con, old)}:
        raise MergerError(t("lineage.cycle", old=old.name, new=new.name))
    con.execute(
        "INSERT OR REPLACE INTO unit_mergers VALUES (?, ?, ?, ?, ?)",
        [old.unit_id, new.unit_id, effective, source, datetime.now()],
    )
    last_day = effective - timedelta(days=1)
    if old.valid_to is None or old.valid_to > last_day:
        con.execute("UPDATE units SET valid_to = ? WHERE unit_id = ?", [last_day, old.unit_id])
        unit_scopes.refresh(con, [old.unit_id])


def predecessors(con: duckdb.DuckDBPyConnection, unit: Unit) -> list[Unit]:
    """The communes that went directly into ``unit``."""
    ids = sorted({link.old_unit_id for link in links(con) if link.new_unit_id == unit.unit_id})
    return [units.get(con, i) for i in ids]


def ancestry(con: duckdb.DuckDBPyConnection, unit: Unit) -> list[tuple[Unit, int]]:
    """Every commune ``unit`` came from, with the number of mergers between them (1 = a direct predecessor)."""
    back: dict[int, set[int]] = defaultdict(set)
    for link in links(con):
        back[link.new_unit_id].add(link.old_unit_id)
    found: dict[int, int] = {}
    frontier = [(unit.unit_id, 0)]
    while frontier:
        current, depth = frontier.pop()
        for old in back.get(current, ()):
            if old not in found or found[old] > depth + 1:
                found[old] = depth + 1
                frontier.append((old, depth + 1))
    return sorted(((units.get(con, i), d) for i, d in found.items()), key=lambda p: (p[1], p[0].short_name))


def _forward(con: duckdb.DuckDBPyConnection, unit_id: int, day: date) -> list[Unit]:
    ahead: dict[int, list[Link]] = defaultdict(list)
    for link in links(con):
        ahead[link.old_unit_id].append(link)
    result, frontier, seen = [], [unit_id], {unit_id}
    while frontier:
        current = frontier.pop()
        nexts = [link for link in ahead.get(current, ()) if link.effective <= day]
        if not nexts:
            result.append(current)
        for link in nexts:
            if link.new_unit_id not in seen:
                seen.add(link.new_unit_id)
                frontier.append(link.new_unit_id)
    return [units.get(con, i) for i in sorted(set(result))]


def successors_today(con: duckdb.DuckDBPyConnection, unit: Unit, day: date = date.max) -> list[Unit]:
    """The communes ``unit`` lies in on ``day`` (today by default), following every merger since."""
    return _forward(con, unit.unit_id, day)


def same_unit(con: duckdb.DuckDBPyConnection, unit: Unit, day: date) -> Unit:
    """The unit that stands for ``unit`` on ``day``: a province is the same province before and after
    the reform (the catalogue keeps one row per era under the same code); other units are themselves."""
    if unit.level != "province":
        return unit
    found = [
        p
        for p in provinces(con)
        if unit.code is not None
        and p.code == unit.code
        and (p.valid_from is None or p.valid_from <= day)
        and (p.valid_to is None or p.valid_to >= day)
    ]
    return found[0] if found else unit


def provinces(con: duckdb.DuckDBPyConnection) -> tuple[Unit, ...]:
    """Every province row (one per era), by id: read once per database file and data version (units change only in
    the catalogue's transactions), instead of a statement per lookup (~4 ms each)."""
    return report_catalog.derived(con, _provinces)


def _provinces(con: duckdb.DuckDBPyConnection) -> tuple[Unit, ...]:
    rows = con.execute(f"SELECT {units.COLUMNS} FROM units WHERE level = 'province' ORDER BY unit_id").fetchall()
    return tuple(units.Unit(*r) for r in rows)


def today_province(con: duckdb.DuckDBPyConnection, unit: Unit) -> Unit:
    """Today's province of any unit (itself for a province of today)."""
    province = unit
    if unit.level != "province" and unit.province_id is not None:
        kept = next((p for p in provinces(con) if p.unit_id == unit.province_id), None)
        province = kept if kept is not None else units.get(con, unit.province_id)
    return same_unit(con, province, date.max)


def today_map(con: duckdb.DuckDBPyConnection, today_ids: list[int]) -> pd.DataFrame:
    """(unit_id, today_id, depth): every commune that lies today in one of ``today_ids`` (itself at depth 0).

    A divided commune maps to each of the communes it went into.
    """
    back: dict[int, set[int]] = defaultdict(set)
    for link in links(con):
        back[link.new_unit_id].add(link.old_unit_id)
    rows: list[tuple[int, int, int]] = []
    for today in today_ids:
        seen = {today: 0}
        frontier = [today]
        while frontier:
            current = frontier.pop()
            for old in back.get(current, ()):
                if old not in seen:
                    seen[old] = seen[current] + 1
                    frontier.append(old)
        rows.extend((u, today, d) for u, d in seen.items())
    return pd.DataFrame(rows, columns=["unit_id", "today_id", "depth"])


def former_districts(con: duckdb.DuckDBPyConnection, province: Unit) -> pd.DataFrame:
    """(unit_id, district_id, district): each commune of today's ``province`` with the former district (huyện cũ)
    whose territory it lies on: the district of the predecessor whose code it kept (its seat), else of most of
    its predecessors (ties: the lowest district code)."""
    today = units.communes_under(con, today_province(con, province), NEW_ERA_START, None, rural_only=False)
    mapping = today_map(con, [int(i) for i in today["unit_id"]])
    if mapping.empty:
        return pd.DataFrame(columns=["unit_id", "district_id", "district"])
    con.register("lineage_map", mapping)
    try:
        return con.execute(
            """WITH votes AS (
                   SELECT m.today_id AS unit_id, d.unit_id AS district_id, d.short_name AS district, d.code,
                          count(*) AS n, bool_or(o.code = t.code) AS seat
                   FROM lineage_map m JOIN units o ON o.unit_id = m.unit_id
                   JOIN units t ON t.unit_id = m.today_id
                   JOIN units d ON d.unit_id = o.district_id AND d.level = 'district'
                   GROUP BY ALL)
               SELECT unit_id, district_id, district FROM votes
               QUALIFY row_number() OVER (PARTITION BY unit_id ORDER BY seat DESC, n DESC, code) = 1
               ORDER BY unit_id"""
        ).df()
    finally:
        con.unregister("lineage_map")
