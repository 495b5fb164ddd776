"""Comparing across criteria sets: which criteria of one set can be compared with which of the next.

The shipped table (``ntm/data/criteria_mapping.csv``, 2016-2020 → 2021-2025) marks each pair of criteria
comparable or not, with the reason; a province edits it with ``python -m ntm mapping import FILE``.
A comparison across sets uses only the comparable criteria and says it crosses the change; where the table
has no row for two sets (2021-2025 → 2026-2030: 19 criteria became 10), nothing is compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import duckdb
import pandas as pd

from ntm import report_catalog
from ntm.i18n import t
from ntm.problems import Problem, Rejected
from ntm.store import transaction

COLUMNS = ["from_set", "from_no", "to_set", "to_no", "comparable", "note"]
YES = {"yes", "true", "1", "có", "x", "đúng"}
NO = {"no", "false", "0", "không", ""}


def _shipped() -> pd.DataFrame:
    return pd.read_csv(
        Path(str(resources.files("ntm") / "data" / "criteria_mapping.csv")), dtype=str, keep_default_na=False
    )


def validate(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame, sheet: str = "mapping") -> list[Problem]:
    """Every row names two known sets, two criteria they have, and yes/no; rows are Excel rows (header = 1)."""
    missing = [c for c in COLUMNS[:5] if c not in frame.columns]
    if missing:
        return [Problem("history.missing_columns", {"columns": ", ".join(missing)}, sheet, 1)]
    known = {(s, int(n)) for s, n in con.execute("SELECT set_id, criterion_no FROM criteria").fetchall()}
    problems = []
    for i, row in enumerate(frame.itertuples(index=False), start=2):
        for side in ("from", "to"):
            set_id, no = str(getattr(row, f"{side}_set")).strip(), str(getattr(row, f"{side}_no")).strip()
            if not no.isdigit() or (set_id, int(no)) not in known:
                problems.append(Problem("mapping.unknown_criterion", {"set_id": set_id, "criterion": no}, sheet, i))
        if str(row.comparable).strip().lower() not in YES | NO:
            problems.append(Problem("mapping.bad_flag", {"value": row.comparable}, sheet, i))
    return problems


def replace(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame, origin: str) -> int:
    """Replace the pairs of every (from_set, to_set) the frame names, in one transaction; rows written."""
    problems = validate(con, frame)
    if problems:
        raise Rejected(problems)
    rows = [
        (
            str(r.from_set).strip(),
            int(r.from_no),
            str(r.to_set).strip(),
            int(r.to_no),
            str(r.comparable).strip().lower() in YES,
            (str(getattr(r, "note", "")) or None),
            origin,
        )
        for r in frame.fillna("").itertuples(index=False)
    ]
    pairs = sorted({(r[0], r[2]) for r in rows})
    with transaction(con):
        for from_set, to_set in pairs:
            con.execute("DELETE FROM criteria_mapping WHERE from_set = ? AND to_set = ?", [from_set, to_set])
        con.executemany("INSERT OR REPLACE INTO criteria_mapping VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def load_builtin(con: duckdb.DuckDBPyConnection) -> int:
    return replace(con, _shipped(), "builtin")


def import_file(con: duckdb.DuckDBPyConnection, data: bytes, file_name: str) -> int:
    """A .csv or a workbook (first sheet) with the columns of the shipped table."""
    if file_name.lower().endswith(".csv"):
        import io

        frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
    else:
        from ntm.ingest.reader import read_workbook

        rows = read_workbook(data, file_name)[0].rows
        header = [str(c).strip() for c in rows[0]]
        body = [
            ["" if c is None else str(int(c)) if isinstance(c, float) and c.is_integer() else str(c) for c in r]
            for r in rows[1:]
        ]
        frame = pd.DataFrame(
            [r[: len(header)] + [""] * (len(header) - len(r)) for r in body if any(body)], columns=header
        )
    return replace(con, frame, file_name)


def comparable(con: duckdb.DuckDBPyConnection, from_set: str, to_set: str) -> list[tuple[int, int]]:
    """(from_no, to_no) of the criteria marked comparable between two sets (either direction), read once per data
    version with the catalogue (a mapping import is a committed write: read again after it)."""
    return list(report_catalog.derived(con, _comparable, from_set, to_set))


def _comparable(con: duckdb.DuckDBPyConnection, from_set: str, to_set: str) -> tuple[tuple[int, int], ...]:
    rows = con.execute(
        """SELECT from_no, to_no FROM criteria_mapping WHERE from_set = ? AND to_set = ? AND comparable
           UNION SELECT to_no, from_no FROM criteria_mapping WHERE from_set = ? AND to_set = ? AND comparable
           ORDER BY 1""",
        [from_set, to_set, to_set, from_set],
    ).fetchall()
    return tuple((int(a), int(b)) for a, b in rows)


@dataclass(frozen=True)
class SetComparison:
    before_set: str
    after_set: str
    pairs: tuple[tuple[int, int], ...]  # comparable (before_no, after_no); all criteria when the set is the same
    average_before: float | None
    average_after: float | None

    @property
    def crosses(self) -> bool:
        return self.before_set != self.after_set

    @property
    def delta(self) -> float | None:
        if self.average_before is None or self.average_after is None:
            return None
        return self.average_after - self.average_before


def _average(scores: pd.DataFrame) -> float | None:
    return None if scores.empty else float(scores["met"].mean())


def _met_on(scores: pd.DataFrame, numbers: set[int]) -> float | None:
    """Average over communes of how many of ``numbers`` they met (``unmet`` lists what they did not)."""
    if scores.empty:
        return None
    return float(scores["unmet"].map(lambda unmet: len(numbers - {int(c) for c in unmet})).mean())


def compare(
    con: duckdb.DuckDBPyConnection, before: pd.DataFrame, before_set: str, after: pd.DataFrame, after_set: str
) -> SetComparison:
    """Average criteria met per commune before and after, on what the two sets share."""
    if before_set == after_set:
        numbers = [c.criterion_no for c in report_catalog.criteria(con, after_set)]  # the catalogue kept per version
        pairs = tuple((n, n) for n in sorted(numbers))
        return SetComparison(before_set, after_set, pairs, _average(before), _average(after))
    pairs = tuple(comparable(con, before_set, after_set))
    if not pairs:
        return SetComparison(before_set, after_set, (), None, None)
    return SetComparison(
        before_set,
        after_set,
        pairs,
        _met_on(before, {a for a, _ in pairs}),
        _met_on(after, {b for _, b in pairs}),
    )


def breaks(yearly: pd.DataFrame) -> list[tuple[int, str, str]]:
    """(first year of the new set, old set, new set) wherever a yearly series changes set."""
    ordered = yearly.sort_values("year")
    result = []
    previous = None
    for row in ordered.itertuples():
        if previous is not None and row.set_id != previous:
            result.append((int(row.year), previous, row.set_id))
        previous = row.set_id
    return result


def describe_pairs(pairs: tuple[tuple[int, int], ...], lang: str = "vi") -> str:
    return t("mapping.pairs", lang, count=len(pairs), numbers=", ".join(str(b) for _, b in pairs))
