"""Village units: the lookups the importer needs (which sets are village sets, which villages a unit holds on
a day, the one village a row names), kept below ``ntm.metrics`` so the importer can use them. The figures are
in ``ntm.villages``.

A village follows its commune through mergers: in a period where the commune no longer exists, the village
belongs to the commune's (default) successor.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

from ntm.periods import Period
from ntm.text import clean, fold, name_key
from ntm.units import Unit

LEVELS = ("village", "village_model")  # criteria_sets.level of the NTM village and model-village sets
# The word a village name starts with → its kind as written in lists ("Thôn Nà Cái", "Bản Khuổi Phầy").
KIND_WORDS = {
    "thon": "Thôn",
    "ban": "Bản",
    "khu dan cu": "Khu dân cư",
    "to dan pho": "Tổ dân phố",
    "xom": "Xóm",
    "ap": "Ấp",
    "lang": "Làng",
    "khoi": "Khối",
    "buon": "Buôn",
    "khu": "Khu",
}

# Every village with the commune it belongs to on $day: its own parent while that exists, else the
# parent's successor valid on $day (the default one first), so villages follow mergers.
_HOME = """
    home AS (
        SELECT v.unit_id, v.code, v.name AS full_name, v.short_name AS name, v.kind, v.name_key, v.name_fold,
               CASE WHEN (p.valid_to IS NULL OR p.valid_to >= $day) AND (p.valid_from IS NULL OR p.valid_from <= $day)
                    THEN p.unit_id
                    ELSE (SELECT s.new_unit_id FROM unit_successors s JOIN units n ON n.unit_id = s.new_unit_id
                          WHERE s.old_unit_id = v.parent_id AND (n.valid_from IS NULL OR n.valid_from <= $day)
                            AND (n.valid_to IS NULL OR n.valid_to >= $day)
                          ORDER BY s.is_default DESC, s.new_unit_id LIMIT 1) END AS commune_id
        FROM units v JOIN units p ON p.unit_id = v.parent_id
        WHERE v.level = 'village'),
    villages AS (
        SELECT h.*, c.short_name AS commune, c.code AS commune_code, c.district_id, d.short_name AS district
        FROM home h JOIN units c ON c.unit_id = h.commune_id LEFT JOIN units d ON d.unit_id = c.district_id
        WHERE $unit IN (h.unit_id, c.unit_id, c.district_id, c.province_id))"""


@dataclass(frozen=True)
class Miss:
    """Why a row's village could not be found: a message key and its parameters (the importer locates it)."""

    key: str
    params: dict


def is_village_set(con: duckdb.DuckDBPyConnection, set_id: str | None) -> bool:
    if not set_id:
        return False
    rows = con.execute("SELECT level FROM criteria_sets WHERE set_id = ?", [set_id]).fetchall()
    return bool(rows) and rows[0][0] in LEVELS


def split_kind(text: str) -> tuple[str | None, str]:
    """ "Thôn Nà Cái" → ("Thôn", "Nà Cái"); "Nà Cái" → (None, "Nà Cái")."""
    name = clean(text)
    folded = fold(name)
    for word in sorted(KIND_WORDS, key=len, reverse=True):
        if folded.startswith(word + " ") and len(name) > len(word) + 1:
            return KIND_WORDS[word], name[len(word) + 1 :].strip()
    return None, name


def last_day(unit: Unit, period: Period) -> date:
    """The period's last month, or the unit's last month when it ended before (Văn Quan in 2025: 6/2025)."""
    if unit.valid_to is not None and unit.valid_to < period.end:
        return unit.valid_to.replace(day=1)
    return period.end


def villages_of(con: duckdb.DuckDBPyConnection, unit: Unit, day: date) -> pd.DataFrame:
    """The villages inside ``unit`` on ``day`` (a village, commune, district or province), with their commune."""
    return _villages_in(con, unit.unit_id, day)


def _villages_in(con: duckdb.DuckDBPyConnection, unit_id: int, day: date) -> pd.DataFrame:
    return con.execute(
        f"""WITH {_HOME}
            SELECT unit_id, code, name, full_name, kind, commune_id, commune, commune_code, district_id, district,
                   name_key, name_fold
            FROM villages ORDER BY district, commune_code, commune, name""",
        {"unit": unit_id, "day": day},
    ).df()


def count_listed(con: duckdb.DuckDBPyConnection, unit: Unit, day: date) -> int:
    return int(
        con.execute(f"WITH {_HOME} SELECT count(*) FROM villages", {"unit": unit.unit_id, "day": day}).fetchall()[0][0]
    )


@dataclass(frozen=True)
class VillageIndex:
    """The villages of a unit on a day (``villages_of``) with the row numbers of each code, full name key, name key
    and folded name: a row of an upload is resolved with a few dict lookups instead of scans of the list."""

    listed: pd.DataFrame
    by_code: dict[str, list[int]]
    by_full: dict[str, list[int]]  # name_key of "Thôn Đon"
    by_key: dict[str, list[int]]  # name_key of "Đon"
    by_fold: dict[str, list[int]]

    @classmethod
    def of(cls, listed: pd.DataFrame) -> VillageIndex:
        index = cls(listed, {}, {}, {}, {})
        columns = (listed[c].tolist() for c in ("code", "full_name", "name_key", "name_fold"))
        for i, (code, full, key, folded) in enumerate(zip(*columns)):
            index.by_code.setdefault("" if code is None or pd.isna(code) else str(code), []).append(i)
            index.by_full.setdefault(name_key(full), []).append(i)
            index.by_key.setdefault(key, []).append(i)
            index.by_fold.setdefault(folded, []).append(i)
        return index

    @staticmethod
    def rows(table: dict[str, list[int]], keys) -> list[int]:
        return sorted({i for k in keys for i in table.get(k, ())})


_LISTED: dict[tuple, VillageIndex] = {}


def village_index(con: duckdb.DuckDBPyConnection, within: Unit, day: date) -> VillageIndex:
    """``villages_of`` indexed, kept while the village list is unchanged: an upload resolves every row in one place.
    A commune's list is cut from its district's (its province's after 2025): one query for all its communes, which
    are all indexed at once (one pass over the district's list)."""
    token = con.execute("SELECT count(*), max(unit_id) FROM units").fetchall()[0]
    key = (id(con), within.unit_id, day, token)
    if key in _LISTED:
        return _LISTED[key]
    container = (within.district_id or within.province_id) if within.level == "commune" else None
    if not container:
        return _index(con, within.unit_id, day, token)
    whole = _index(con, container, day, token).listed
    parts = {int(commune): part.reset_index(drop=True) for commune, part in whole.groupby("commune_id", sort=False)}
    if len(_LISTED) + len(parts) > 64 + 1:
        _LISTED.clear()
    for commune, part in parts.items():
        _LISTED.setdefault((id(con), commune, day, token), VillageIndex.of(part))
    if key not in _LISTED:  # no village listed in the commune
        _LISTED[key] = VillageIndex.of(whole[whole["commune_id"] == within.unit_id].reset_index(drop=True))
    return _LISTED[key]


def _index(con: duckdb.DuckDBPyConnection, unit_id: int, day: date, token: tuple) -> VillageIndex:
    key = (id(con), unit_id, day, token)
    if key not in _LISTED:
        if len(_LISTED) > 64:
            _LISTED.clear()
        _LISTED[key] = VillageIndex.of(_villages_in(con, unit_id, day))
    return _LISTED[key]


def forget_lists() -> None:
    """Drop the kept village lists (after a village list upload or entry)."""
    _LISTED.clear()


def resolve_village(
    con: duckdb.DuckDBPyConnection, text: str, code: object, within: Unit, day: date, index: VillageIndex | None = None
) -> int | Miss:
    """The one village a row names inside ``within`` on ``day``: by code, else by name (with or without
    "Thôn"/"Bản", any diacritics as a last resort); a ``Miss`` when none or several match. ``index`` is
    ``village_index(con, within, day)`` when the caller holds it already."""
    index = index or village_index(con, within, day)
    listed = index.listed
    if listed.empty:
        return Miss("village.none_listed", {"unit": within.name})
    code_text = clean(code if not isinstance(code, float) or not code.is_integer() else int(code))
    if code_text:
        hits = index.by_code.get(code_text, [])
        if len(hits) == 1:
            return int(listed["unit_id"].iat[hits[0]])
    if not text:
        return Miss("village.unknown_code", {"code": code_text, "unit": within.name})
    _, short = split_kind(text)
    hits = index.by_full.get(name_key(text), [])  # "Thôn Đon", not "Bản Đon"
    if not hits:
        keys = {name_key(text), name_key(short)}
        hits = sorted({*index.rows(index.by_key, keys), *index.rows(index.by_full, keys)})
    if not hits:
        hits = index.rows(index.by_fold, {fold(text), fold(short)})
    if len(hits) == 1:
        return int(listed["unit_id"].iat[hits[0]])
    if len(hits) > 1:
        found = listed.iloc[hits]
        return Miss(
            "village.ambiguous",
            {"name": text, "candidates": "; ".join(f"{r.full_name} ({r.commune})" for r in found.itertuples())},
        )
    return Miss("village.unknown", {"name": text, "unit": within.name})
