"""The mapping step of the upload page, without streamlit: the sheet as a grid, the bands a reading sees (header,
data, total), and readings the user builds by hand — another header row or orientation, another commune or
verdict column, another meaning for a column. The importer re-checks every such reading on the sheet's evidence
(``profiles.recheck``) before it reads a cell."""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

import duckdb
import pandas as pd

from ntm.ingest import grid as grid_mod
from ntm.ingest.grid import Grid
from ntm.ingest.reader import read_workbook
from ntm.ingest.reading import Family, Field, FieldRole, Reading
from ntm.ingest.vocab import Vocabulary, is_total_label, role
from ntm.problems import Rejected, column_letter

Band = Literal["header", "data", "total", ""]
MAX_SHOWN_ROWS = 200  # rows of the sheet drawn on the page
MAX_SHOWN_COLUMNS = 60
META_SHEET = "_meta"
# what the user may say a column means (criterion N is "criterion" with its number)
MEANINGS: tuple[FieldRole | Literal["ignore"], ...] = ("ignore", "name", "code", "criterion", "verdict", "total")


def grids(data: bytes, file_name: str) -> list[Grid]:
    """The file's visible sheets as grids (empty when the file cannot be read: the check says why)."""
    try:
        sheets = read_workbook(data, file_name)
    except Rejected:
        return []
    return [grid_mod.from_sheet(s) for s in sheets if s.visible and s.name != META_SHEET]


def vocabulary(con: duckdb.DuckDBPyConnection) -> Vocabulary:
    from ntm.ingest.importer import COMMUNE_SETS

    rows = con.execute(
        f"SELECT name_vi, criterion_no FROM criteria WHERE set_id IN ({','.join('?' * len(COMMUNE_SETS))})",
        list(COMMUNE_SETS),
    ).fetchall()
    return Vocabulary(dict(rows))


def frame(grid: Grid, reading: Reading | None = None) -> pd.DataFrame:
    """The sheet as the page draws it: column letters, sheet row numbers (the index), cells as text; from a few
    rows above the reading's header, so that its bands are in view."""
    start = max(0, min(reading.header) - 3) if reading is not None and reading.header and not reading.transposed else 0
    rows = grid.rows[start : start + MAX_SHOWN_ROWS]
    width = min(grid.width, MAX_SHOWN_COLUMNS)
    return pd.DataFrame(
        [[_shown(v) for v in r[:width]] for r in rows],
        columns=[column_letter(c) for c in range(width)],
        index=range(start + 1, start + len(rows) + 1),
    )


def _shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 1.0 as 1: what the sheet shows
    return str(value)


def bands(grid: Grid, reading: Reading) -> dict[int, Band]:
    """Sheet rows (0-based; sheet columns when the reading is transposed) → the band the reading puts them in."""
    view = reading.grid(grid)
    labels = [f.index for f in reading.fields if f.role in ("name", "code")]
    out: dict[int, Band] = dict.fromkeys(reading.header, "header")
    for r in range(reading.first, min(reading.last, view.height - 1) + 1):
        keys = [view.own(r, c) for c in labels]
        out[r] = "total" if any(v is not None and is_total_label(v) for v in keys) else "data"
    return out


def at_header(grid: Grid, vocab: Vocabulary, header: int, *, transposed: bool = False) -> Reading | None:
    """A table reading with ``header`` (0-based sheet row, or sheet column when ``transposed``) as its header
    row: criteria where the header names them, the commune column by its label (else the first text column),
    data from the next non-blank row to the last. None when no cell of that row names a criterion."""
    view = grid.flipped() if transposed != grid.transposed else grid
    if not 0 <= header < view.height - 1:
        return None
    fields: list[Field] = []
    labels: dict[str, int] = {}
    for c in range(view.width):
        found = vocab.header(view.value(header, c))
        if found is not None and 1 <= found.criterion <= 99:
            fields.append(Field(c, "indicator" if found.indicator else "criterion", found.criterion, found.indicator))
            continue
        named = role(view.value(header, c)) or (role(view.value(header - 1, c)) if header else None)
        if named in ("name", "code", "total") and named not in labels:
            labels[named] = c
    if not any(f.role == "criterion" for f in fields):
        return None
    first = next((r for r in range(header + 1, view.height) if any(v is not None for v in view.rows[r])), header + 1)
    if "name" not in labels:
        taken = {f.index for f in fields} | set(labels.values())
        texty = [
            c
            for c in range(view.width)
            if c not in taken
            and sum(isinstance(view.own(r, c), str) for r in range(first, min(view.height, first + 20))) >= 2
        ]
        if texty:
            labels["name"] = texty[0]
    fields += [Field(c, r) for r, c in labels.items()]  # type: ignore[arg-type]
    last = max(
        (r for r in range(first, view.height) if any(view.own(r, f.index) is not None for f in fields)), default=first
    )
    family: Family = "criteria-as-rows" if transposed else "communes-as-rows"
    return Reading(grid.sheet, family, transposed, (header,), first, last, tuple(fields))


def with_meaning(reading: Reading, index: int, meaning: str, criterion: int | None = None) -> Reading:
    """``reading`` with column ``index`` meaning ``meaning`` (one of ``MEANINGS``; "criterion" with its number).
    A commune, code or verdict column is unique: the column that had the role before loses it."""
    kept = [f for f in reading.fields if f.index != index]
    if meaning in ("name", "code", "verdict"):
        kept = [f for f in kept if f.role != meaning]
    if meaning == "criterion" and criterion is not None:
        kept = [f for f in kept if not (f.role == "criterion" and f.criterion == criterion)]
        kept.append(Field(index, "criterion", criterion))
    elif meaning in ("name", "code", "verdict", "total"):
        kept.append(Field(index, meaning))  # type: ignore[arg-type]
    return replace(reading, fields=tuple(sorted(kept, key=lambda f: f.index)), confidence=0.0, signals=())


def meaning_of(reading: Reading, index: int) -> tuple[str, int | None]:
    for f in reading.fields:
        if f.index == index:
            return f.role, f.criterion
    return "ignore", None
