"""Errors and warnings of one upload as the user reads them: cell text cut short, findings that repeat over
many cells grouped into one with their A1 ranges, and at most ``CAP`` of them followed by a count."""

from __future__ import annotations

from dataclasses import dataclass, field

from ntm.problems import Problem, column_letter

CAP = 200
MAX_CELL_TEXT = 80
MAX_RANGES = 12
PER_CELL = ("criterion",)  # parameters that differ from cell to cell of one repeated finding


def cut(value: object) -> str:
    """Cell text as quoted in a message: at most ``MAX_CELL_TEXT`` characters."""
    text = "" if value is None else str(value)
    return text if len(text) <= MAX_CELL_TEXT else text[: MAX_CELL_TEXT - 1] + "…"


@dataclass
class Findings:
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def error(self, key: str, sheet=None, row=None, column=None, **params) -> None:
        self.errors.append(Problem(key, _cut(params), sheet, row, column))

    def warn(self, key: str, sheet=None, row=None, column=None, **params) -> None:
        self.warnings.append(Problem(key, _cut(params), sheet, row, column, severity="warning"))

    def add(self, problems: list[Problem]) -> None:
        self.errors.extend(p for p in problems if p.severity == "error")
        self.warnings.extend(p for p in problems if p.severity != "error")


CELL_TEXT = ("value", "text", "name")  # parameters that quote what a user typed


def _cut(params: dict) -> dict:
    return {k: cut(v) if k in CELL_TEXT and isinstance(v, str) else v for k, v in params.items()}


def grouped(problems: list[Problem], cap: int = CAP) -> list[Problem]:
    """One finding per (key, sheet, parameters but the per-cell ones), with the cells' ranges; capped."""
    groups: dict[tuple, list[Problem]] = {}
    for p in problems:
        fixed = tuple(sorted((k, str(v)) for k, v in p.params.items() if k not in PER_CELL))
        groups.setdefault((p.key, p.sheet, p.severity, fixed), []).append(p)
    out = []
    for members in groups.values():
        first = members[0]
        located = [(m.row, m.column) for m in members if m.row and m.column]
        if len(members) == 1 or len(located) < len(members):
            out.extend(members)
            continue
        params = dict(first.params)
        for k in PER_CELL:
            if k in params:
                params[k] = ", ".join(dict.fromkeys(str(m.params[k]) for m in members))
        out.append(Problem(first.key, params, first.sheet, first.row, first.column, first.severity, ranges(located)))
    if len(out) > cap:
        rest = len(out) - cap
        out = [*out[:cap], Problem("import.more_findings", {"count": rest}, severity=out[cap].severity)]
    return out


def _index(letters: str) -> int:
    value = 0
    for ch in letters:
        value = value * 26 + ord(ch) - 64
    return value - 1


def ranges(cells: list[tuple[int, str]]) -> str:
    """A1 ranges covering the cells: runs down each column, neighbouring columns with equal runs joined."""
    by_column: dict[int, list[int]] = {}
    for row, column in cells:
        by_column.setdefault(_index(column), []).append(row)
    runs_of: dict[int, tuple[tuple[int, int], ...]] = {}
    for col, rows in by_column.items():
        ordered = sorted(set(rows))
        runs: list[tuple[int, int]] = []
        start = ordered[0]
        for a, b in zip(ordered, [*ordered[1:], -1]):
            if b != a + 1:
                runs.append((start, a))
                start = b
        runs_of[col] = tuple(runs)
    blocks: list[tuple[int, int, tuple]] = []  # (first column, last column, runs)
    for col in sorted(runs_of):
        if blocks and blocks[-1][1] == col - 1 and blocks[-1][2] == runs_of[col]:
            blocks[-1] = (blocks[-1][0], col, runs_of[col])
        else:
            blocks.append((col, col, runs_of[col]))
    parts: list[str] = []
    for c0, c1, block_runs in blocks:
        for r0, r1 in block_runs:
            top, bottom = f"{column_letter(c0)}{r0}", f"{column_letter(c1)}{r1}"
            parts.append(top if top == bottom else f"{top}:{bottom}")
    return ", ".join(parts[:MAX_RANGES]) + (f" … (+{len(parts) - MAX_RANGES})" if len(parts) > MAX_RANGES else "")
