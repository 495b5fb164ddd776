"""What an upload needs to know of the criteria sets, read from the catalogue once per upload (not per sheet or
per month of a long layout): a set's criteria numbers, its sub-indicators' kinds, whether its rows are villages,
and which set was in force in a month."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import duckdb

from ntm import catalog, village_units
from ntm.ingest import values


@dataclass(frozen=True)
class SetInfo:
    set_id: str
    valid: frozenset[int]  # criteria numbers
    kinds: dict[str, values.IndicatorKind]  # indicator code → share | amount
    villages: bool  # a village set: rows are villages, grouped under "Xã …" rows


@dataclass
class SetCatalogue:
    """The catalogue as one upload reads it (the catalogue does not change while an upload is read)."""

    con: duckdb.DuckDBPyConnection
    _sets: dict[str, SetInfo] = field(default_factory=dict)
    _in_force: dict[date, str | None] = field(default_factory=dict)
    _village: dict[str | None, bool] = field(default_factory=dict)

    def info(self, set_id: str) -> SetInfo:
        if set_id not in self._sets:
            valid = frozenset(int(n) for n in catalog.criteria(self.con, set_id)["criterion_no"])
            rows = catalog.indicators(self.con, set_id)[["indicator_code", "name_vi"]].itertuples(False)
            self._sets[set_id] = SetInfo(set_id, valid, values.indicator_kinds(rows), self.is_village_set(set_id))
        return self._sets[set_id]

    def set_for(self, day: date) -> str | None:
        """``catalog.set_for_period`` of a commune on ``day``."""
        if day not in self._in_force:
            self._in_force[day] = catalog.set_for_period(self.con, day)
        return self._in_force[day]

    def is_village_set(self, set_id: str | None) -> bool:
        if set_id not in self._village:
            self._village[set_id] = village_units.is_village_set(self.con, set_id)
        return self._village[set_id]
