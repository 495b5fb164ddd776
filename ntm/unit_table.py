"""Every unit but the villages in memory (``UnitTable``): ``units.resolve(..., table=)`` finds its candidates here,
with the same filters and order as its SQL, when a batch asks many questions of one state of the tables."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import duckdb

from ntm.text import fold, name_key
from ntm.units import COLUMNS, Unit, is_national


@dataclass(frozen=True)
class UnitTable:
    """Every unit but the villages, and the spellings of ``unit_aliases``, held in memory: ``resolve(...,
    table=)`` finds its candidates here with the same filters as its SQL (valid in the period, inside ``within``,
    not a village, ordered by id), without a statement per question (~5-15 ms each; loading this, one scan). For a
    batch that asks many questions of one state of the tables (``unit_lookup``); a table is never written to."""

    units: dict[int, Unit]
    by_key: dict[str, tuple[int, ...]]  # name_key → unit ids
    by_fold: dict[str, tuple[int, ...]]  # name_fold → unit ids
    by_code: dict[str, tuple[int, ...]]
    spellings: dict[str, tuple[int, ...]]  # alias_key of a 'spelling' alias → unit ids
    provinces: dict[str, tuple[int, ...]]  # code → the province's rows (one per era)

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection) -> UnitTable:
        rows = con.execute(f"SELECT {COLUMNS}, name_key, name_fold FROM units WHERE level <> 'village'").fetchall()
        by_unit: dict[int, Unit] = {}
        by_key: dict[str, list[int]] = {}
        by_fold: dict[str, list[int]] = {}
        by_code: dict[str, list[int]] = {}
        provinces: dict[str, list[int]] = {}
        for row in rows:
            unit = Unit(*row[:12])
            by_unit[unit.unit_id] = unit
            by_key.setdefault(row[12], []).append(unit.unit_id)
            by_fold.setdefault(row[13], []).append(unit.unit_id)
            if unit.code is not None:
                by_code.setdefault(unit.code, []).append(unit.unit_id)
                if unit.level == "province":
                    provinces.setdefault(unit.code, []).append(unit.unit_id)
        spellings: dict[str, list[int]] = {}
        for unit_id, alias_key in con.execute(
            "SELECT unit_id, alias_key FROM unit_aliases WHERE kind = 'spelling'"
        ).fetchall():
            spellings.setdefault(alias_key, []).append(unit_id)

        def frozen(index: dict) -> dict[str, tuple[int, ...]]:
            return {k: tuple(v) for k, v in index.items()}

        return cls(by_unit, frozen(by_key), frozen(by_fold), frozen(by_code), frozen(spellings), frozen(provinces))

    def select(self, ids: Iterable[int], start: date | None, end: date | None, within: Unit | None) -> list[Unit]:
        """The units of ``ids`` that ``_valid_filter(start, end)``, ``_within_filter(within)`` and "not a village"
        keep, ordered by id."""
        found = [self.units[i] for i in set(ids) if i in self.units]
        if start is not None:
            last = end or start
            found = [
                u
                for u in found
                if (u.valid_from is None or u.valid_from <= last) and (u.valid_to is None or u.valid_to >= start)
            ]
        if within is not None and not is_national(within):
            if within.level != "province":
                w = within.unit_id
                found = [u for u in found if w in (u.parent_id, u.district_id, u.province_id) and u.unit_id != w]
            else:
                twins = set(self.provinces.get(within.code, ())) if within.code is not None else set()
                found = [
                    u for u in found if (u.parent_id in twins or u.province_id in twins) and u.unit_id not in twins
                ]
        return sorted(found, key=lambda u: u.unit_id)

    def find(self, text: str, start: date | None, end: date | None, within: Unit | None) -> list[Unit]:
        """``units.resolve``'s candidates for a cleaned ``text``: by code when digits, else by name key or a
        spelling, else by the folded name."""
        if text.isdigit():
            return self.select(
                (i for c in {text, text.zfill(2), text.zfill(3), text.zfill(5)} for i in self.by_code.get(c, ())),
                start,
                end,
                within,
            )
        key = name_key(text)
        found = self.select((*self.by_key.get(key, ()), *self.spellings.get(key, ())), start, end, within)
        return found or self.select(self.by_fold.get(fold(text), ()), start, end, within)
