"""A sheet as a checked grid: values with merged ranges filled, cells whose value cannot be trusted noted, and
A1 addresses for every cell, also when the grid is read transposed (criteria as rows, communes as columns)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ntm.ingest.reader import Sheet
from ntm.problems import column_letter

MAX_MERGED_FILL = 2_000  # a merged range wider than this is a layout artefact, not a header: fill its first row only

_letters = lru_cache(maxsize=1 << 14)(column_letter)  # every fact names its cell: the letters of a column once


@dataclass(frozen=True)
class Grid:
    sheet: str
    rows: tuple[tuple, ...]  # rows[r][c]; every row as wide as the widest
    visible: bool = True
    special: dict[tuple[int, int], str] = field(default_factory=dict)  # (r, c) → "formula" (no value) | "error"
    filled: frozenset[tuple[int, int]] = frozenset()  # cells that hold a merged range's value, not their own
    transposed: bool = False  # rows here are the sheet's columns

    @property
    def height(self) -> int:
        return len(self.rows)

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0

    def value(self, r: int, c: int):
        """The cell's value, a merged range's value in every cell of the range (for headers)."""
        return self.rows[r][c] if r < len(self.rows) and c < len(self.rows[r]) else None

    def own(self, r: int, c: int):
        """The cell's own value (None for the non-anchor cells of a merged range): what data is read from."""
        return None if (r, c) in self.filled else self.value(r, c)

    @cached_property
    def _filled_rows(self) -> frozenset[int]:
        return frozenset(r for r, _ in self.filled)

    def own_row(self, r: int) -> tuple:
        """Row ``r``'s own values (``own`` of every cell), for reading a band row by row."""
        if r not in self._filled_rows:
            return self.rows[r]
        return tuple(None if (r, c) in self.filled else v for c, v in enumerate(self.rows[r]))

    def sheet_cell(self, r: int, c: int) -> tuple[int, int]:
        """(row, column) 0-based in the sheet itself."""
        return (c, r) if self.transposed else (r, c)

    def a1(self, r: int, c: int) -> str:
        row, col = self.sheet_cell(r, c)
        return f"{_letters(col)}{row + 1}"

    def a1_parts(self, r: int, c: int) -> tuple[int, str]:
        """(1-based sheet row, column letters) for a ``Problem``."""
        row, col = (c, r) if self.transposed else (r, c)
        return row + 1, _letters(col)

    def flipped(self) -> Grid:
        """The same sheet read with rows and columns swapped; addresses still name the sheet's cells."""
        rows = tuple(zip(*self.rows)) if self.rows else ()
        return Grid(
            self.sheet,
            rows,
            self.visible,
            {(c, r): v for (r, c), v in self.special.items()},
            frozenset((c, r) for r, c in self.filled),
            not self.transposed,
        )


def from_sheet(sheet: Sheet) -> Grid:
    """The sheet's rows padded to one width, trailing empty rows dropped, merged ranges filled."""
    rows = [[None if v == "" else v for v in r] for r in sheet.rows]  # calamine reads empty cells as ''
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    width = max((len(r) for r in rows), default=0)
    for row in rows:
        if len(row) < width:
            row.extend([None] * (width - len(row)))
    filled: set[tuple[int, int]] = set()
    for (r0, c0), (r1, c1) in sheet.merged:
        if r0 >= len(rows) or c0 >= width:
            continue
        anchor = rows[r0][c0]
        last_row = r0 if (r1 - r0 + 1) * (c1 - c0 + 1) > MAX_MERGED_FILL else min(r1, len(rows) - 1)
        for r in range(r0, last_row + 1):
            for c in range(c0, min(c1, width - 1) + 1):
                if (r, c) != (r0, c0):
                    rows[r][c] = anchor
                    filled.add((r, c))
    return Grid(sheet.name, tuple(tuple(r) for r in rows), sheet.visible, dict(sheet.special_cells), frozenset(filled))
