"""Finding a commune by what a user types: with or without accents, with or without "xã", in any case
("tu xuyen", "Tú Xuyên", "xa tu xuyen"), among the communes that have reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from ntm.text import fold, sort_key
from ntm.units import Unit

MAX_QUERY = 60


@dataclass(frozen=True)
class Hit:
    unit_id: int
    code: str
    name: str  # "Tú Xuyên"
    district: str | None  # "Văn Quan"; None after the 2025 reform (no districts)


def communes(con: duckdb.DuckDBPyConnection, text: str, within: Unit, on: date, limit: int = 8) -> list[Hit]:
    """Communes of ``within`` valid on ``on`` with reports, whose folded name contains the folded ``text``;
    names that start with it first, then in Vietnamese alphabetical order."""
    needle = fold(str(text)[:MAX_QUERY])
    if not needle:
        return []
    rows = con.execute(
        """SELECT c.unit_id, c.code, c.short_name, d.short_name, c.name_fold
           FROM units c LEFT JOIN units d ON d.unit_id = c.district_id AND d.level = 'district'
           WHERE c.level = 'commune' AND (c.province_id = ? OR c.unit_id = ? OR c.district_id = ?)
             AND (c.valid_from IS NULL OR c.valid_from <= ?) AND (c.valid_to IS NULL OR c.valid_to >= ?)
             AND contains(c.name_fold, ?)
             AND EXISTS (SELECT 1 FROM assessments a WHERE a.unit_id = c.unit_id)""",
        [within.unit_id, within.unit_id, within.unit_id, on, on, needle],
    ).fetchall()
    hits = [(Hit(int(r[0]), str(r[1]), r[2], r[3]), r[4]) for r in rows]
    hits.sort(key=lambda h: (not h[1].startswith(needle), sort_key(h[0].name), sort_key(h[0].district or "")))
    return [h for h, _ in hits[:limit]]
