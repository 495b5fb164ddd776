"""A reading of one sheet: which layout family, which rows are header and data, what each column (or, read
transposed, each row) means, and how sure the detection is. Detection proposes readings; the upload page of
the next issue lets the user correct one and save it as a profile; the readers take a ``Reading`` either way."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from ntm.ingest.grid import Grid

Family = Literal["communes-as-rows", "criteria-as-rows", "form", "long", "template"]
Orientation = Literal["criteria-as-columns", "criteria-as-rows"]
FieldRole = Literal[
    "criterion", "indicator", "total", "name", "code", "district", "period", "criterion_label", "status", "verdict"
]


_READ_ROLES = ("criterion", "name", "code", "criterion_label", "status", "verdict", "period")


@dataclass(frozen=True)
class Field:
    """What one column of the read grid holds (a row of the sheet when the reading is transposed)."""

    index: int
    role: FieldRole
    criterion: int | None = None
    indicator: str | None = None


@dataclass(frozen=True)
class Reading:
    sheet: str
    family: Family
    transposed: bool  # read on the grid's ``flipped()`` view: communes are the sheet's columns
    header: tuple[int, ...]  # header rows of the read grid, 0-based
    first: int  # first data row of the read grid
    last: int  # last data row, inclusive
    fields: tuple[Field, ...]
    commune: str | None = None  # a form's commune, as its title or sheet name writes it
    marks: bool = False  # x-mark sheet: a blank criterion cell is "not met" (decided on evidence)
    confidence: float = 0.0
    signals: tuple[tuple[str, float], ...] = ()  # each scoring signal's value, for messages and the page

    def by(self, role: FieldRole) -> list[Field]:
        return [f for f in self.fields if f.role == role]

    def one(self, role: FieldRole) -> Field | None:
        found = self.by(role)
        return found[0] if found else None

    @property
    def orientation(self) -> Orientation:
        return "criteria-as-columns" if self.family in ("communes-as-rows", "template") else "criteria-as-rows"

    def signature(self) -> tuple:
        """What the reading would read: two readings with one signature give the same statuses (they may differ
        in a total column or in which of two header rows names the criteria)."""
        return (
            self.family if self.family != "template" else "communes-as-rows",
            self.transposed,
            self.first,
            tuple(sorted((f.index, f.role, f.criterion) for f in self.fields if f.role in _READ_ROLES)),
        )

    def header_rows(self) -> list[int]:
        """Header rows as the sheet numbers them (1-based): for a transposed reading, the rows naming communes."""
        if self.transposed:
            return sorted({f.index + 1 for f in self.fields if f.role in ("name", "code")})
        return [h + 1 for h in self.header]

    def grid(self, grid: Grid) -> Grid:
        return grid.flipped() if self.transposed != grid.transposed else grid

    def scored(self, confidence: float, signals: dict[str, float]) -> Reading:
        return replace(self, confidence=round(confidence, 3), signals=tuple(signals.items()))


@dataclass(frozen=True)
class Choice:
    """The best reading of a sheet and its runner-up (a reading that would read differently), if any."""

    best: Reading
    runner_up: Reading | None

    def as_json(self) -> dict:
        best = self.best
        return {
            "family": best.family,
            "orientation": best.orientation,
            "header_rows": best.header_rows(),
            "confidence": best.confidence,
            "runner_up": None
            if self.runner_up is None
            else {
                "family": self.runner_up.family,
                "orientation": self.runner_up.orientation,
                "header_rows": self.runner_up.header_rows(),
                "confidence": self.runner_up.confidence,
            },
        }
