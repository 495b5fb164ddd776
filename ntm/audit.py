"""The audit log: who changed what, when, from which value to which (table ``audit``, migration 8).

One row per change per unit: an upload writes one row for every commune-month it brings
(criteria met before → after), a revert the reverse, a target its old and new deadline, an account
its role and scope. Rows are written inside the transaction of the change they describe wherever
the change lets the caller hold it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import duckdb
import pandas as pd

from ntm.access import Principal
from ntm.i18n import fmt_period, t
from ntm.units import Unit

ACTIONS = (
    "upload",
    "revert",
    "target",
    "goal",
    "recognition",
    "catalogue",
    "units",
    "user_add",
    "user_disable",
    "restore",
    "profile_save",
    "profile_delete",
)


@dataclass(frozen=True)
class Entry:
    at: datetime
    actor: str
    via: str
    action: str
    ref: str | None
    unit: str | None
    period: date | None
    old_value: str | None
    new_value: str | None


def record(
    con: duckdb.DuckDBPyConnection,
    principal: Principal,
    action: str,
    *,
    ref: str | None = None,
    unit_id: int | None = None,
    period: date | None = None,
    old: str | None = None,
    new: str | None = None,
    at: datetime | None = None,
) -> None:
    """One audit row (inside the caller's transaction when there is one)."""
    assert action in ACTIONS, action
    con.execute(
        """INSERT INTO audit (changed_at, actor, via, action, ref, unit_id, period, old_value, new_value)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [at or datetime.now(), principal.user, principal.via, action, ref, unit_id, period, old, new],
    )


def record_frame(con: duckdb.DuckDBPyConnection, principal: Principal, action: str, rows: pd.DataFrame) -> int:
    """Many rows at once: ``rows`` has ref, unit_id, period, old_value, new_value (one INSERT, not one per row)."""
    assert action in ACTIONS, action
    if rows.empty:
        return 0
    frame = rows.reindex(columns=["ref", "unit_id", "period", "old_value", "new_value"])
    con.register("audit_rows", frame)
    try:
        con.execute(
            """INSERT INTO audit (changed_at, actor, via, action, ref, unit_id, period, old_value, new_value)
               SELECT ?, ?, ?, ?, ref, unit_id, period, old_value, new_value FROM audit_rows""",
            [datetime.now(), principal.user, principal.via, action],
        )
    finally:
        con.unregister("audit_rows")
    return len(frame)


def met_changes(con: duckdb.DuckDBPyConnection, new_sql: str, old_sql: str, params: list, ref: str) -> pd.DataFrame:
    """Per commune-month-set-layer, criteria met "x/n" in the rows ``old_sql`` and ``new_sql`` select
    (each selects unit_id, period, set_id, layer, status from a fixed table; ``params`` fill both)."""
    return con.execute(
        f"""WITH new AS (SELECT unit_id, period, set_id, layer, count(*) FILTER (WHERE status = 'met') AS met,
                                count(*) AS n FROM ({new_sql}) GROUP BY ALL),
                 old AS (SELECT unit_id, period, set_id, layer, count(*) FILTER (WHERE status = 'met') AS met,
                                count(*) AS n FROM ({old_sql}) GROUP BY ALL)
            SELECT ? || ' · ' || set_id || ' · ' || layer AS ref, unit_id, period,
                   CASE WHEN old.n IS NULL THEN NULL ELSE old.met || '/' || old.n END AS old_value,
                   CASE WHEN new.n IS NULL THEN NULL ELSE new.met || '/' || new.n END AS new_value
            FROM new FULL JOIN old USING (unit_id, period, set_id, layer)
            ORDER BY period, unit_id""",
        [*params, ref],
    ).df()


def entries(
    con: duckdb.DuckDBPyConnection, unit: Unit | None = None, limit: int = 500, within: tuple[int, ...] | None = None
) -> list[Entry]:
    """Newest first; with ``unit``, the rows about it and the units inside it; with ``within`` (a principal's
    scope), only rows about units inside those."""
    ids = [unit.unit_id] if unit is not None else list(within) if within is not None else None
    rows = con.execute(
        """SELECT a.changed_at, a.actor, a.via, a.action, a.ref, u.short_name, a.period, a.old_value, a.new_value
           FROM audit a LEFT JOIN units u ON u.unit_id = a.unit_id
           WHERE $ids IS NULL OR list_contains($ids, u.unit_id) OR list_contains($ids, u.district_id)
              OR list_contains($ids, u.province_id) OR list_contains($ids, u.parent_id)
           ORDER BY a.audit_id DESC LIMIT $limit""",
        {"ids": ids, "limit": limit},
    ).fetchall()
    return [Entry(*r) for r in rows]


def fmt_when(moment: datetime, lang: str = "vi") -> str:
    """27/12/2024 14:05 (vi, day first) or 27 Dec 2024 14:05 (en)."""
    return moment.strftime("%d %b %Y %H:%M") if lang == "en" else moment.strftime("%d/%m/%Y %H:%M")


def table(log: list[Entry], lang: str = "vi") -> pd.DataFrame:
    """The log as shown on the admin page and the commune profile: dates written dd/mm/yyyy HH:MM."""
    return pd.DataFrame(
        {
            t("audit.col.when", lang): [fmt_when(e.at, lang) for e in log],
            t("audit.col.who", lang): [e.actor for e in log],
            t("audit.col.what", lang): [t(f"audit.action.{e.action}", lang) for e in log],
            t("audit.col.ref", lang): [e.ref or "" for e in log],
            t("audit.col.unit", lang): [e.unit or "" for e in log],
            t("audit.col.period", lang): [fmt_period(e.period, lang) if e.period else "" for e in log],
            t("audit.col.old", lang): [e.old_value or "–" for e in log],
            t("audit.col.new", lang): [e.new_value or "–" for e in log],
        }
    )
