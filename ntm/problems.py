"""Errors and warnings found in an uploaded file, each tied to a sheet, row and column."""

from __future__ import annotations

from dataclasses import dataclass, field

from ntm.i18n import t


def column_letter(index: int) -> str:
    """0 → "A", 25 → "Z", 26 → "AA" (Excel's A1 style)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class Problem:
    """One finding. ``row`` is the 1-based Excel row, ``column`` an Excel letter, either may be None."""

    key: str
    params: dict = field(default_factory=dict)
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    severity: str = "error"
    cells: str | None = None  # A1 ranges when one finding stands for many cells ("D7:D20, F9")

    def message(self, lang: str = "vi") -> str:
        return t(self.key, lang, **self.params)

    def located(self, lang: str = "vi") -> str:
        """The message with its place in front, as shown to users."""
        text = self.message(lang)
        if self.sheet and self.cells:
            return t("problem.where", lang, sheet=self.sheet, cell=self.cells, message=text)
        if self.sheet and self.row and self.column:
            return t("problem.where", lang, sheet=self.sheet, cell=f"{self.column}{self.row}", message=text)
        if self.sheet and self.row:
            return t("problem.where", lang, sheet=self.sheet, cell=f"{self.row}:{self.row}", message=text)  # A1 row
        if self.sheet:
            return t("problem.where_sheet", lang, sheet=self.sheet, message=text)
        return text

    def as_json(self, lang: str = "vi") -> dict:
        found = {"sheet": self.sheet, "row": self.row, "column": self.column, "message": self.message(lang)}
        if self.cells:
            found["cells"] = self.cells
        return found


class KeyedError(Exception):
    """An error as a message key with parameters, translated where it is shown (``message(lang)``), like
    ``Problem``; ``str()`` gives the Vietnamese text for logs."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str = "vi") -> str:
        return t(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.message()

    @property
    def problem(self) -> Problem:
        return Problem(self.key, dict(self.params))


class Rejected(Exception):
    """A file that cannot be loaded; carries every error found (nothing was written)."""

    def __init__(self, errors: list[Problem], warnings: list[Problem] | None = None):
        super().__init__("; ".join(p.located() for p in errors[:3]))
        self.errors = errors
        self.warnings = warnings or []
