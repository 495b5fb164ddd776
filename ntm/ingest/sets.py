"""What an upload needs to know of the criteria sets: a set's criteria numbers, its sub-indicators' kinds, whether
its rows are villages, and which set was in force in a month. Read from the catalogue once per state of it, not per
upload, sheet or month: the answers are kept across uploads under a fingerprint of the catalogue tables' whole
content (one small hashing query per upload), so an edited catalogue gives fresh answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import duckdb

from ntm import bounded_cache, catalog, village_units
from ntm.ingest import values

# Every row of the three tables the answers come from (``catalog.criteria`` also joins the departments, for columns
# not read here).
_FINGERPRINT = """SELECT (SELECT count(*) FROM criteria_sets), (SELECT bit_xor(hash(s)) FROM criteria_sets s),
                         (SELECT count(*) FROM criteria), (SELECT bit_xor(hash(c)) FROM criteria c),
                         (SELECT count(*) FROM indicators), (SELECT bit_xor(hash(i)) FROM indicators i)"""
_KEPT = 4  # catalogue states kept (a process serves one or two databases)


@dataclass(frozen=True)
class SetInfo:
    set_id: str
    valid: frozenset[int]  # criteria numbers
    kinds: dict[str, values.IndicatorKind]  # indicator code → share | amount
    villages: bool  # a village set: rows are villages, grouped under "Xã …" rows


@dataclass
class _Answers:
    """What was asked of one state of the catalogue."""

    sets: dict[str, SetInfo] = field(default_factory=dict)
    in_force: dict[date, str | None] = field(default_factory=dict)
    village: dict[str | None, bool] = field(default_factory=dict)
    commune_sets: list[tuple[str, date | None, date | None]] | None = None  # (set_id, valid_from, valid_to)


_STATES: dict[tuple, _Answers] = {}


@dataclass
class SetCatalogue:
    """The catalogue as one upload reads it (the catalogue does not change while an upload is read)."""

    con: duckdb.DuckDBPyConnection
    _state: _Answers | None = None

    @property
    def _answers(self) -> _Answers:
        if self._state is None:
            key = self.con.execute(_FINGERPRINT).fetchall()[0]
            self._state = bounded_cache.kept(_STATES, key, _Answers, _KEPT)
        return self._state

    def warm(self) -> None:
        """Read the catalogue's fingerprint now (while the upload is parsed) rather than at the first question."""
        self._answers  # noqa: B018

    def info(self, set_id: str) -> SetInfo:
        kept = self._answers.sets
        if set_id not in kept:
            valid = frozenset(int(n) for n in catalog.criteria(self.con, set_id)["criterion_no"])
            rows = catalog.indicators(self.con, set_id)[["indicator_code", "name_vi"]].itertuples(False)
            kept[set_id] = SetInfo(set_id, valid, values.indicator_kinds(rows), self.is_village_set(set_id))
        return kept[set_id]

    def set_for(self, day: date) -> str | None:
        """``catalog.set_for_period`` of a commune on ``day``: among the commune sets valid on it, the one that
        started last (a set with no start date after those with one), from one read of the sets."""
        answers = self._answers
        if day not in answers.in_force:
            if answers.commune_sets is None:
                answers.commune_sets = self.con.execute(
                    "SELECT set_id, valid_from, valid_to FROM criteria_sets WHERE level = 'commune' ORDER BY set_id"
                ).fetchall()
            valid = [
                (start, set_id)
                for set_id, start, end in answers.commune_sets
                if (start is None or start <= day) and (end is None or end >= day)
            ]
            latest = sorted(valid, key=lambda s: (s[0] is None, -(s[0].toordinal() if s[0] else 0)))
            answers.in_force[day] = latest[0][1] if latest else None
        return answers.in_force[day]

    def is_village_set(self, set_id: str | None) -> bool:
        kept = self._answers.village
        if set_id not in kept:
            kept[set_id] = village_units.is_village_set(self.con, set_id)
        return kept[set_id]
