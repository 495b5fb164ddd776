"""The upload log as typed records, limited to a unit (and to what the principal may read)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

import duckdb

from ntm.access import Principal, require
from ntm.units import Unit


@dataclass(frozen=True)
class Upload:
    upload_id: int
    uploaded_at: datetime
    uploaded_by: str | None
    file_name: str | None
    source: str
    rows: int
    communes: int
    status: str  # "loaded" | "reverted"

    def as_json(self) -> dict:
        return {**asdict(self), "uploaded_at": self.uploaded_at.isoformat(timespec="seconds")}


def uploads(
    con: duckdb.DuckDBPyConnection, principal: Principal, within: list[Unit] | None = None, limit: int = 200
) -> list[Upload]:
    """Uploads that brought rows of communes in the units ``within`` (now or replaced, or logged in the audit
    when reverted), newest first. Without ``within``, the principal's whole scope; a scoped principal never
    sees uploads that touch only units outside it."""
    for unit in within or ():
        require(principal, "read", unit)
    scopes: list[int] | None
    if within is not None:
        scopes = [u.unit_id for u in within]
    else:
        scopes = list(principal.scopes) if principal.scopes is not None else None
    rows = con.execute(
        """WITH touched AS (
               SELECT upload_id, unit_id FROM assessments
               UNION SELECT upload_id, unit_id FROM assessment_history
               UNION SELECT CAST(regexp_extract(ref, '^#(\\d+)', 1) AS INTEGER), unit_id FROM audit
                     WHERE action = 'upload' AND regexp_matches(ref, '^#\\d+')),
           inside AS (
               SELECT DISTINCT t.upload_id FROM touched t JOIN units c ON c.unit_id = t.unit_id
               WHERE $scopes IS NULL OR list_contains($scopes, c.unit_id)
                  OR list_contains($scopes, coalesce(c.district_id, -1))
                  OR list_contains($scopes, coalesce(c.province_id, -1))
                  OR list_contains($scopes, coalesce(c.parent_id, -1)))
           SELECT u.upload_id, u.uploaded_at, u.uploaded_by, u.file_name, u.source, u.rows, u.communes, u.status
           FROM uploads u
           WHERE u.upload_id IN (SELECT upload_id FROM inside) OR ($scopes IS NULL AND u.rows = 0)
           ORDER BY u.upload_id DESC LIMIT $limit""",
        {"scopes": scopes, "limit": limit},
    ).fetchall()
    return [Upload(*r) for r in rows]
