"""Groupings of communes that every page can filter on.

- A former district ("huyện cũ"): after 1/7/2025 districts are gone, but officials keep following them; the
  grouping is the communes of today on its territory (``lineage.former_districts``).
- A grouping of the province's own (a cluster, a working group): a name and a list of communes of today,
  entered with ``python -m ntm groups set`` (table ``unit_groups`` + ``unit_group_members``).

Members are communes of today; for a period before a merger, a grouping also holds the communes they came
from (``member_ids(..., with_history=True)``), so the same grouping reads across the reform.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal, cast

import duckdb

from ntm import lineage, store, units
from ntm.i18n import t
from ntm.units import Unit

Kind = Literal["former_district", "cluster", "working_group"]
KINDS: tuple[str, ...] = ("cluster", "working_group")


@dataclass(frozen=True)
class Grouping:
    key: str  # "d:184" for a former district, "g:3" for a user grouping: what the URL keeps
    name: str
    kind: Kind
    members: tuple[int, ...]  # today's communes


class GroupingError(ValueError):
    pass


def former_district_groupings(con: duckdb.DuckDBPyConnection, province: Unit) -> list[Grouping]:
    frame = lineage.former_districts(con, province)
    codes = dict(con.execute("SELECT unit_id, code FROM units WHERE level = 'district'").fetchall())
    result = []
    for (district_id, name), part in frame.groupby(["district_id", "district"], sort=False):
        members = tuple(sorted(int(u) for u in part["unit_id"]))
        result.append(Grouping(f"d:{codes.get(int(district_id), district_id)}", name, "former_district", members))
    return sorted(result, key=lambda g: g.name)


def user_groupings(con: duckdb.DuckDBPyConnection, province: Unit) -> list[Grouping]:
    rows = con.execute(
        """SELECT g.group_id, g.name, g.kind, list(m.unit_id ORDER BY m.unit_id)
           FROM unit_groups g LEFT JOIN unit_group_members m USING (group_id)
           WHERE g.province_code = ? GROUP BY ALL ORDER BY g.name""",
        [province.code],
    ).fetchall()
    return [
        Grouping(f"g:{gid}", name, kind, tuple(int(u) for u in members if u is not None))
        for gid, name, kind, members in rows
    ]


def available(con: duckdb.DuckDBPyConnection, province: Unit) -> list[Grouping]:
    """Former districts first, then the province's own groupings."""
    return former_district_groupings(con, province) + user_groupings(con, province)


def find(con: duckdb.DuckDBPyConnection, province: Unit, key: str) -> Grouping | None:
    return next((g for g in available(con, province) if g.key == key), None)


def member_ids(con: duckdb.DuckDBPyConnection, grouping: Grouping, with_history: bool = True) -> set[int]:
    """The members, and with ``with_history`` every commune they came from."""
    if not with_history:
        return set(grouping.members)
    return set(lineage.today_map(con, list(grouping.members))["unit_id"].astype(int))


def save(
    con: duckdb.DuckDBPyConnection,
    province: Unit,
    name: str,
    communes: list[str],
    kind: str = "cluster",
    note: str | None = None,
) -> Grouping:
    """Create or replace the grouping ``name`` of ``province`` with ``communes`` (names or codes of today's
    communes), all or nothing."""
    name = " ".join(str(name).split())
    if not name:
        raise GroupingError(t("groups.no_name"))
    if kind not in KINDS:
        raise GroupingError(t("groups.bad_kind", kind=kind, kinds=", ".join(KINDS)))
    today = lineage.today_province(con, province)
    members: list[Unit] = []
    for text in communes:
        if not str(text).strip():
            continue
        try:
            unit = units.resolve(con, text, start=units.NEW_ERA_START, within=today, prefer="commune")
        except units.UnitError as exc:
            raise GroupingError(str(exc)) from exc
        if unit.level != "commune":
            raise GroupingError(t("groups.not_commune", name=unit.name))
        members.append(unit)
    if not members:
        raise GroupingError(t("groups.no_members"))
    with store.transaction(con):
        old = con.execute(
            "SELECT group_id FROM unit_groups WHERE province_code = ? AND name = ?", [today.code, name]
        ).fetchall()
        if old:
            gid = old[0][0]
            con.execute("DELETE FROM unit_group_members WHERE group_id = ?", [gid])
            con.execute(
                "UPDATE unit_groups SET kind = ?, note = ?, entered_at = ? WHERE group_id = ?",
                [kind, note, datetime.now(), gid],
            )
        else:
            gid = con.execute("SELECT nextval('group_id_seq')").fetchall()[0][0]
            con.execute(
                "INSERT INTO unit_groups VALUES (?, ?, ?, ?, ?, ?)", [gid, today.code, name, kind, note, datetime.now()]
            )
        con.executemany("INSERT OR IGNORE INTO unit_group_members VALUES (?, ?)", [[gid, u.unit_id] for u in members])
    return Grouping(
        f"g:{gid}",
        name,
        cast(Kind, kind),  # checked against KINDS above
        tuple(sorted({u.unit_id for u in members})),
    )


def remove(con: duckdb.DuckDBPyConnection, province: Unit, name: str) -> bool:
    today = lineage.today_province(con, province)
    rows = con.execute(
        "SELECT group_id FROM unit_groups WHERE province_code = ? AND name = ?", [today.code, name]
    ).fetchall()
    if not rows:
        return False
    with store.transaction(con):
        con.execute("DELETE FROM unit_group_members WHERE group_id = ?", [rows[0][0]])
        con.execute("DELETE FROM unit_groups WHERE group_id = ?", [rows[0][0]])
    return True
