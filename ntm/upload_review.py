"""What the upload page shows around a check and a revert, without streamlit: the months an upload holds, and
what reverting one would remove (file, rows, communes, months), for the confirmation."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from ntm.i18n import fmt_period


@dataclass(frozen=True)
class RevertPreview:
    upload_id: int
    file_name: str
    rows: int
    communes: int
    periods: str  # "5/2020, 6/2020"


def periods_of(con: duckdb.DuckDBPyConnection, upload_ids: list[int], lang: str = "vi") -> dict[int, str]:
    """Upload → the months its rows hold (now or replaced since), as the user writes them."""
    if not upload_ids:
        return {}
    rows = con.execute(
        """SELECT upload_id, list(DISTINCT period ORDER BY period) FROM (
               SELECT upload_id, period FROM assessments WHERE list_contains($ids, upload_id)
               UNION SELECT upload_id, period FROM assessment_history WHERE list_contains($ids, upload_id))
           GROUP BY upload_id""",
        {"ids": upload_ids},
    ).fetchall()
    return {int(u): ", ".join(fmt_period(p, lang) for p in ps[:6]) + ("…" if len(ps) > 6 else "") for u, ps in rows}


def revert_preview(con: duckdb.DuckDBPyConnection, upload_id: int, lang: str = "vi") -> RevertPreview:
    """What reverting ``upload_id`` removes: the rows it brought that are still current."""
    file_name, rows, communes = con.execute(
        """SELECT coalesce(u.file_name, u.source), count(a.unit_id), count(DISTINCT a.unit_id)
           FROM uploads u LEFT JOIN assessments a USING (upload_id) WHERE u.upload_id = ? GROUP BY ALL""",
        [upload_id],
    ).fetchall()[0]
    return RevertPreview(upload_id, file_name, rows, communes, periods_of(con, [upload_id], lang).get(upload_id, "–"))
