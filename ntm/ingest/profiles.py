"""Layout profiles: a reading the user settled once (on the upload page, or ``import --profile NAME``), saved
for a unit under a name with the fingerprint of the sheet it was settled on (the header texts and the sheet's
width). A later sheet with the same fingerprint is read with the profile's reading, re-checked on the sheet's
own evidence every time (its commune labels must resolve, its result cells must read as results): a profile is
never trusted blindly. The writers (``save``, ``delete``) are called through ``ntm.writes``, which checks
permission."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import datetime

import duckdb

from ntm.ingest import candidates, scoring, values
from ntm.ingest.candidates import Context
from ntm.ingest.grid import Grid
from ntm.ingest.reading import Field, Reading
from ntm.ingest.vocab import is_total_label
from ntm.text import fold

MIN_BAND = 0.8  # share of a profile's result cells that must read as results on the new sheet
MAX_PROFILES = 500  # profiles tried against one sheet (a database holds a few per unit)
LABEL_ROLES = ("name", "code")
RESULT_ROLES = ("criterion", "status", "verdict")


@dataclass(frozen=True)
class Profile:
    name: str
    unit_id: int | None
    fingerprint: str
    reading: Reading  # sheet-agnostic: ``last`` and the scores are re-derived on every sheet it reads
    created_at: datetime | None = None
    created_by: str | None = None

    def as_json(self) -> dict:
        return {
            "name": self.name,
            "unit_id": self.unit_id,
            "fingerprint": self.fingerprint,
            "created_at": self.created_at.isoformat(timespec="minutes") if self.created_at else None,
            "created_by": self.created_by,
            "layout": layout_json(self.reading),
        }


@dataclass(frozen=True)
class Recheck:
    """A profile's reading scored on a new sheet, and why it does not fit (empty when it does)."""

    reading: Reading
    reasons: tuple[str, ...]  # "communes" | "band" | "criteria" | "empty"


# ---------------------------------------------------------------- fingerprint and re-check
def fingerprint(grid: Grid, reading: Reading) -> str:
    """The header texts (folded, as the reading sees them) and the sheet's width, hashed."""
    view = reading.grid(grid)
    heads = [[fold(view.value(h, c)) for c in range(view.width)] for h in reading.header]
    key = json.dumps([reading.family, reading.transposed, view.width, list(reading.header), heads])
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def recheck(grid: Grid, ctx: Context, reading: Reading) -> Recheck:
    """``reading`` on this sheet: its last data row found again, scored on what the sheet holds."""
    view = reading.grid(grid)
    if reading.first >= view.height or any(f.index >= view.width for f in reading.fields):
        return Recheck(reading, ("empty",))
    labels = [f.index for f in reading.fields if f.role in LABEL_ROLES]
    results = [f.index for f in reading.fields if f.role in RESULT_ROLES]
    criteria = [f for f in reading.fields if f.role == "criterion"]
    anchor = [Field(c, "criterion") for c in results] + [
        Field(f.index, "criterion") for f in reading.fields if f.role == "criterion_label"
    ]
    last = candidates._last_data_row(view, reading.first, None, None, [Field(c, "name") for c in labels] + anchor)
    labelled = matched = filled = readable = blank = marks = 0
    for r in range(reading.first, min(last, reading.first + candidates.SAMPLE) + 1):
        keys = [view.own(r, c) for c in labels]
        if reading.family != "form":
            if all(v is None for v in keys) or any(v is not None and is_total_label(v) for v in keys):
                continue
            labelled += 1
            matched += any(v is not None and ctx.match(v) for v in keys)
        for c in results:
            v = view.own(r, c)
            if v is None:
                blank += 1
                continue
            filled += 1
            readable += values.status(v) not in (None, "")
            marks += isinstance(v, str) and v.strip().lower() in candidates.MARKS
    if reading.family == "form":
        commune = next((n for n in ctx.form_names if ctx.match(n)), reading.commune)
        reading = replace(reading, commune=commune)
        communes = 1.0 if commune and ctx.match(commune) else 0.0
    else:
        communes = matched / labelled if labelled else 0.0
    cells = filled + blank
    marked = reading.marks or (
        cells > 0 and marks >= candidates.MARK_SHARE * cells and marks >= candidates.MARK_PURITY * max(filled, 1)
    )  # an x-mark sheet, decided on this sheet's evidence as detection does
    reading = replace(reading, marks=marked)
    counted = filled + (blank if marked else 0)
    band = (readable + (blank if marked else 0)) / counted if counted else 0.0
    distinct = {f.criterion for f in criteria if f.criterion in ctx.valid}
    share = len(distinct) / len(ctx.valid) if criteria and ctx.valid else 1.0
    signals = {"communes": communes, "criteria": share, "band": band, "numbering": 1.0}
    scored = replace(reading, last=last).scored(scoring.confidence(signals, {}), signals)
    reasons = []
    if communes < scoring.MIN_COMMUNES:
        reasons.append("communes")
    if band < MIN_BAND:
        reasons.append("band")
    if not results or (criteria and not distinct):
        reasons.append("criteria")
    return Recheck(scored, tuple(reasons))


# ---------------------------------------------------------------- a reading as JSON (the profile's layout)
def layout_json(reading: Reading) -> dict:
    return {
        "family": reading.family,
        "transposed": reading.transposed,
        "header": list(reading.header),
        "first": reading.first,
        "marks": reading.marks,
        "fields": [
            {"index": f.index, "role": f.role, "criterion": f.criterion, "indicator": f.indicator}
            for f in reading.fields
        ],
    }


def reading_of(layout: dict, sheet: str = "") -> Reading:
    return Reading(
        sheet,
        layout["family"],
        bool(layout["transposed"]),
        tuple(int(h) for h in layout["header"]),
        int(layout["first"]),
        int(layout["first"]),
        tuple(Field(int(f["index"]), f["role"], f.get("criterion"), f.get("indicator")) for f in layout["fields"]),
        marks=bool(layout.get("marks")),
    )


# ---------------------------------------------------------------- the table (migration 9)
_COLUMNS = "name, unit_id, fingerprint, layout, created_at, created_by"


def _profile(row) -> Profile:
    name, unit_id, fp, layout, created_at, created_by = row
    return Profile(name, unit_id, fp, reading_of(json.loads(layout)), created_at, created_by)


def all_profiles(con: duckdb.DuckDBPyConnection) -> list[Profile]:
    rows = con.execute(f"SELECT {_COLUMNS} FROM layout_profiles ORDER BY name LIMIT ?", [MAX_PROFILES]).fetchall()
    return [_profile(r) for r in rows]


def get(con: duckdb.DuckDBPyConnection, name: str) -> Profile | None:
    rows = con.execute(f"SELECT {_COLUMNS} FROM layout_profiles WHERE name = ?", [name]).fetchall()
    return _profile(rows[0]) if rows else None


def matching(profiles: list[Profile], grid: Grid, unit_id: int | None = None) -> Profile | None:
    """The profile whose fingerprint this sheet has: the sheet's own unit's first (``unit_id``, when the title or
    the options name it), then one saved for no unit, then another unit's (a province's shared template)."""

    def rank(profile: Profile) -> int:
        return 0 if unit_id is not None and profile.unit_id == unit_id else 1 if profile.unit_id is None else 2

    for profile in sorted(profiles, key=rank):
        view = profile.reading.grid(grid)
        if all(h < view.height for h in profile.reading.header) and fingerprint(grid, profile.reading) == (
            profile.fingerprint
        ):
            return profile
    return None


def save(
    con: duckdb.DuckDBPyConnection, name: str, unit_id: int | None, fp: str, reading: Reading, by: str | None
) -> Profile:
    """Insert or replace the profile ``name`` (call through ``ntm.writes.save_profile``)."""
    layout = json.dumps(layout_json(reading), ensure_ascii=False)
    now = datetime.now().replace(microsecond=0)
    con.execute("DELETE FROM layout_profiles WHERE name = ?", [name])
    con.execute(
        f"INSERT INTO layout_profiles ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)", [name, unit_id, fp, layout, now, by]
    )
    return Profile(name, unit_id, fp, reading_of(json.loads(layout)), now, by)


def delete(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    found = con.execute("SELECT count(*) FROM layout_profiles WHERE name = ?", [name]).fetchall()[0][0]
    con.execute("DELETE FROM layout_profiles WHERE name = ?", [name])
    return bool(found)
