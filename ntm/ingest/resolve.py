"""From what a sheet writes to a unit: the one seam where labels become communes.

``Gazetteer`` answers "is this a commune's name or code?" for every commune valid on a day, fast enough to
score every candidate reading (and to find the unit a file reports on when nothing states it).
``Resolver`` turns one label into one unit id, or a finding that says why not.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import duckdb
import pandas as pd

from ntm import units, village_units
from ntm.ingest import values
from ntm.ingest.findings import Findings
from ntm.text import fold, name_key
from ntm.unit_lookup import UnitLookup

# What most names are written in: ASCII letters, digits, spaces and punctuation, and the Vietnamese letters (NFC).
# None of these is an invisible character, a letter of another script or a character of a legacy font
# (``values.looks_legacy_encoded``), so a name written only in them needs no closer look.
_VOWELS = "aăâeêioôơuưy"
_PLAIN = frozenset(
    "".join(chr(c) for c in range(0x20, 0x7F))
    + "đĐ"
    + "".join(
        unicodedata.normalize("NFC", v + tone).upper() + unicodedata.normalize("NFC", v + tone)
        for v in _VOWELS
        for tone in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    )
)
INFER_SHARE = 0.8  # a district (or province) holding this share of the matched labels is the file's unit


@dataclass(frozen=True)
class Label:
    """A commune as a sheet writes it, and where (sheet, 1-based row, column letters)."""

    name: str
    code: object
    sheet: str
    row: int
    column: str
    written: object = field(default=None, compare=False)  # the name cell as written, for ``units.screen_name``


_CACHE: dict[tuple, Gazetteer] = {}
_CACHED = 4


class Gazetteer:
    @classmethod
    def of(cls, con: duckdb.DuckDBPyConnection, day: date | None = None) -> Gazetteer:
        """The gazetteer for ``day``, built once while the unit table stays as it is (a few per process)."""
        key = (*con.execute("SELECT count(*), max(unit_id), max(name_fold) FROM units").fetchall()[0], day)
        if key not in _CACHE:
            if len(_CACHE) >= _CACHED:
                _CACHE.pop(next(iter(_CACHE)))
            _CACHE[key] = cls(con, day)
        return _CACHE[key]

    def __init__(self, con: duckdb.DuckDBPyConnection, day: date | None = None):
        """Communes valid on ``day`` (of both eras when None)."""
        self.by_fold: dict[str, list[tuple[int, int | None, int | None]]] = {}
        self.by_code: dict[str, list[tuple[int, int | None, int | None]]] = {}
        rows = con.execute(
            """SELECT unit_id, code, name_fold, district_id, province_id FROM units
               WHERE level = 'commune' AND (?::DATE IS NULL OR (coalesce(valid_from, DATE '1900-01-01') <= ?
                 AND coalesce(valid_to, DATE '9999-12-31') >= ?))""",
            [day, day, day],
        ).fetchall()
        for unit_id, code, folded, district_id, province_id in rows:
            entry = (unit_id, district_id, province_id)
            self.by_fold.setdefault(folded, []).append(entry)
            if code:
                self.by_code.setdefault(code, []).append(entry)

    def matches(self, value: object, within: frozenset[int] | None = None) -> list[tuple[int, int | None, int | None]]:
        """The communes a label names (by code, else by folded name), inside any of the units ``within``."""
        if isinstance(value, bool) or (isinstance(value, (int, float)) and not float(value).is_integer()):
            return []  # a share, a measure: never a name or a code (most cells of a sheet; skip the folding)
        number = isinstance(value, (int, float))
        digits = str(int(value)) if isinstance(value, (int, float)) else str(value).strip()
        # a code has 3-5 digits written (counts and numbering 0 … 99 are not codes)
        code = values.code(value) if digits.isdigit() and 3 <= len(digits.lstrip("0") or "0") <= 5 else None
        if code:
            found = self.by_code.get(code, [])
        else:
            found = [] if number or digits.isdigit() else self.by_fold.get(fold(value), [])
        if within is None:
            return found
        return [e for e in found if not within.isdisjoint(e)]

    def infer(self, labels: list[object]) -> int | None:
        """The district (else the province) that holds most of the labels' communes, when it holds nearly all."""
        hits = [m for v in labels if (m := self.matches(v))]
        if not hits:
            return None
        for level in (1, 2):
            counts = Counter(unit for found in hits for unit in {e[level] for e in found} if unit is not None)
            if counts:
                unit, n = counts.most_common(1)[0]
                if n >= INFER_SHARE * len(hits):
                    return unit
        return None


def names_a_unit(
    con: duckdb.DuckDBPyConnection,
    gazetteer: Gazetteer,
    unit: units.Unit | None,
    set_id: str | None,
    day: date | None,
    *,
    village_set: bool | None = None,
    same_unit: Callable[[units.Unit], list[units.Unit]] | None = None,
) -> Callable[[object], bool]:
    """Whether a label names a commune of the unit (scoring's strongest signal); in a village set's sheet a
    village of the unit counts too (its rows are villages, grouped under their communes). A unit kept across
    the 2025 reform (a province: one row per era, one code) holds the communes of both eras. ``village_set`` and
    ``same_unit`` are the upload's answers kept (``SetCatalogue.is_village_set``, ``Resolver.same_unit``), asked of
    the database when not given."""
    rows_of = same_unit or (lambda u: units.same_unit(con, u))
    within = None if unit is None or units.is_national(unit) else frozenset(u.unit_id for u in rows_of(unit))
    known: set[str] = set()
    if village_set is None:
        village_set = village_units.is_village_set(con, set_id)
    if unit is not None and day is not None and village_set:
        listed = village_units.village_index(con, unit, day).listed  # kept: every sheet of the upload asks
        known = {fold(v) for v in (*listed["full_name"], *listed["name"], *listed["code"].dropna()) if v}
    seen: dict[tuple[type, object], bool] = {}  # every candidate reading asks about the same cells: once each

    def match(value: object) -> bool:
        key = (type(value), value)
        if key not in seen:
            seen[key] = bool(gazetteer.matches(value, within)) or (bool(known) and fold(value) in known)
        return seen[key]

    return match


def _day(value) -> date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def _commune_index(con: duckdb.DuckDBPyConnection, container: units.Unit) -> dict[tuple[str, str], list[tuple]]:
    """(kind, code or name key) → (commune id, valid from, valid to) of every commune inside ``container``."""
    index: dict[tuple[str, str], list[tuple]] = {}
    for row in units.communes_under(con, container, rural_only=False).itertuples():
        valid = (_day(row.valid_from), _day(row.valid_to))
        index.setdefault(("code", row.code), []).append((int(row.unit_id), *valid))
        index.setdefault(("name", name_key(row.name)), []).append((int(row.unit_id), *valid))
    return index


def _valid(start: date | None, end: date | None, day: date) -> bool:
    return (start is None or start <= day) and (end is None or end >= day)


@dataclass
class Resolver:
    con: duckdb.DuckDBPyConnection
    findings: Findings
    accept_new_units: bool = False
    # (parent id, name key) → (placeholder id, name as written) for communes added with --accept-new-units
    new_units: dict[tuple[int, str], tuple[int, str]] = field(default_factory=dict)
    _index: dict[int, dict[tuple[str, str], list[tuple]]] = field(default_factory=dict)
    _aliases: dict[int, set[str]] = field(default_factory=dict)
    _villages: dict[tuple, village_units.VillageIndex] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._lookup = UnitLookup(self.con)  # units.resolve, once per question and span of days

    def warm(self) -> None:
        """Read the unit tables' fingerprint now (while the upload is parsed) rather than at the first question."""
        self._lookup.state  # noqa: B018

    def _exact(self, container: units.Unit, day: date, kind: str, key: str) -> int | None:
        """The one commune in ``container`` valid on ``day`` with exactly this code or name key (one query per
        container for every month of the upload)."""
        index = self._index.get(container.unit_id)
        if index is None:
            index = self._index[container.unit_id] = self._lookup.kept(
                ("communes", container.unit_id), lambda: _commune_index(self.con, container)
            )
        hits = [u for u, start, end in index.get((kind, key), []) if _valid(start, end, day)]
        return hits[0] if len(hits) == 1 else None

    def same_unit(self, unit: units.Unit) -> list[units.Unit]:
        """``units.same_unit``, asked once while the unit tables stay as they are (every sheet asks)."""
        return self._lookup.kept(("same_unit", unit.unit_id), lambda: units.same_unit(self.con, unit))

    def unit(self, text: str, day: date | None) -> units.Unit:
        """``units.resolve`` for the unit a sheet reports on, asked once per text and span of days."""
        return self._lookup.resolve(text, start=day)

    def group(self, name: str, unit: units.Unit, day: date) -> units.Unit | None:
        """The unit a group row names inside ``unit``: a district in a province sheet ("Huyện Văn Quan"), a commune
        over its villages ("Xã Tú Xuyên"); the unit itself when it is the one named; else None."""
        if name_key(name) in (name_key(unit.name), name_key(unit.short_name)):
            return unit
        try:
            return self._lookup.resolve(name, start=day, within=unit)
        except units.UnitError:
            return None

    def commune(self, label: Label, district: units.Unit, unit: units.Unit, day: date) -> int | None:
        """The commune a label names: its code wins; then the name within the district; else a finding."""
        where = (label.sheet, label.row, label.column)
        name, code = label.name, values.code(label.code)
        if not self._screen(label):
            return None
        if code and (found_id := self._exact(unit, day, "code", code)):
            return found_id
        if name and not code and (found_id := self._exact(district, day, "name", name_key(name))):
            return found_id
        if code:
            try:
                return self._lookup.resolve(code, start=day, within=unit, prefer="commune").unit_id
            except units.UnitError:
                if not name:
                    self.findings.error("import.unknown_code", *where, code=code, unit=unit.name)
                    return None
        if not name:
            self.findings.error("import.no_name", *where)
            return None
        try:
            found = self._lookup.resolve(name, start=day, within=district, prefer="commune")
        except units.AmbiguousUnit as exc:
            candidates = "; ".join(str(c) for c in exc.candidates)
            self.findings.error("import.ambiguous_commune", *where, name=name, candidates=candidates)
            return None
        except units.UnitNotFound as exc:
            if self.accept_new_units and unit.level != "commune":
                return self._new_unit(label, district)
            candidates = ", ".join(str(c) for c in exc.candidates) or "–"
            self.findings.error("import.unknown_commune", *where, name=name, unit=district.name, candidates=candidates)
            return None
        if found.level != "commune":
            self.findings.error("import.not_a_commune", *where, name=name)
            return None
        if name_key(name) != name_key(found.short_name) and name_key(name) not in self._alias_keys(found.unit_id):
            self.findings.warn("import.name_fuzzy", *where, name=name, official=found.short_name)
        return found.unit_id

    def village(self, label: Label, within: units.Unit, day: date) -> int | None:
        """The village a row of a village set names, among the villages of ``within`` (the commune of the
        group row above it, else the upload's unit) on ``day``; else a finding."""
        if not self._screen(label):
            return None
        key = (within.unit_id, day)
        if key not in self._villages:  # one list per commune and month of the upload, looked up once
            self._villages[key] = village_units.village_index(self.con, within, day)
        found = village_units.resolve_village(self.con, label.name, label.code, within, day, self._villages[key])
        if isinstance(found, village_units.Miss):
            self.findings.error(found.key, label.sheet, label.row, label.column, **found.params)
            return None
        return found

    def _screen(self, label: Label) -> bool:
        """False (with a finding) when a name is in a legacy font or mixes scripts; invisible characters warn."""
        if not label.name:
            return True
        written = label.written if label.written is not None else label.name
        if isinstance(written, str) and _PLAIN.issuperset(written):
            return True  # Vietnamese letters, digits and punctuation only: nothing to warn about
        where = (label.sheet, label.row, label.column)
        if values.looks_legacy_encoded(label.name):
            self.findings.error("import.legacy_font", *where, text=label.name)
            return False
        screened = units.screen_name(label.written if label.written is not None else label.name, *where)
        self.findings.add(screened)
        return not any(p.severity == "error" for p in screened)

    def _alias_keys(self, unit_id: int) -> set[str]:
        if unit_id not in self._aliases:
            rows = self.con.execute("SELECT alias_key FROM unit_aliases WHERE unit_id = ?", [unit_id]).fetchall()
            self._aliases[unit_id] = {r[0] for r in rows}
        return self._aliases[unit_id]

    def _new_unit(self, label: Label, parent: units.Unit) -> int | None:
        if (clash := units.new_unit_clash(self.con, label.name, parent)) is not None:
            self.findings.error(
                "import.new_unit_clash", label.sheet, label.row, label.column, name=label.name, existing=clash.name
            )
            return None
        key = (parent.unit_id, name_key(label.name))
        if key not in self.new_units:
            self.new_units[key] = (-(len(self.new_units) + 1), label.name)  # placeholder until the load
        self.findings.warn("import.new_unit", label.sheet, label.row, label.column, name=label.name, parent=parent.name)
        return self.new_units[key][0]
