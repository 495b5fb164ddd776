"""Facts about communes that the province enters: populations (for the weighted merger rule) and the
commune group (1/2/3) each commune is assessed in under the 2026-2030 set. Tables from .csv or a workbook,
validated whole before anything is written (one transaction)."""

from __future__ import annotations

import io
from datetime import datetime

import duckdb
import pandas as pd

from ntm import units
from ntm.problems import Problem, Rejected
from ntm.store import transaction
from ntm.units import Unit

UNIT_COLUMNS = ("unit", "xã", "mã xã", "tên xã")
POPULATION_COLUMNS = ("population", "dân số")
GROUP_COLUMNS = ("group", "nhóm", "nhóm xã")


def read_table(data: bytes, file_name: str) -> pd.DataFrame:
    """A small table as text: a .csv, or the first sheet of a workbook (header in its first row)."""
    if file_name.lower().endswith(".csv"):
        return pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
    from ntm.ingest.reader import read_workbook

    rows = read_workbook(data, file_name)[0].rows
    if not rows:
        return pd.DataFrame()
    header = [str(c).strip() if c is not None else "" for c in rows[0]]
    body = [
        ["" if c is None else str(int(c)) if isinstance(c, float) and c.is_integer() else str(c) for c in r]
        for r in rows[1:]
    ]
    body = [r[: len(header)] + [""] * (len(header) - len(r)) for r in body if any(v.strip() for v in r)]
    return pd.DataFrame(body, columns=header)


def _column(frame: pd.DataFrame, names: tuple[str, ...]) -> str | None:
    lower = {str(c).strip().lower(): c for c in frame.columns}
    return next((lower[n] for n in names if n in lower), None)


def _rows(
    con: duckdb.DuckDBPyConnection, frame: pd.DataFrame, within: list[Unit], value_names: tuple[str, ...], check
) -> list[tuple[int, object]]:
    """(unit_id, checked value) per row, names resolved in the first of ``within`` that has them, or Rejected
    naming the row and the fix."""
    unit_col, value_col = _column(frame, UNIT_COLUMNS), _column(frame, value_names)
    missing = [n for n, c in ((UNIT_COLUMNS[0], unit_col), (value_names[0], value_col)) if c is None]
    if missing:
        raise Rejected([Problem("history.missing_columns", {"columns": ", ".join(missing)}, "", 1)])
    problems, result = [], []
    for i, row in enumerate(frame.itertuples(index=False), start=2):
        rec = dict(zip(frame.columns, row))
        unit, error = None, None
        for scope in within:
            try:
                unit = units.resolve(con, str(rec[unit_col]), within=scope, prefer="commune")
                break
            except units.UnitError as exc:
                error = exc
        if unit is None:
            problems.append(Problem("history.bad_row", {"row": i, "problem": str(error)}, "", i))
            continue
        value = check(str(rec[value_col]).strip().replace(".", "").replace(",", ""))
        if value is None:
            key = "history.bad_number" if value_names is POPULATION_COLUMNS else "history.bad_group"
            problems.append(Problem(key, {"value": rec[value_col]}, "", i))
            continue
        result.append((unit.unit_id, value))
    if problems:
        raise Rejected(problems)
    return result


def load_populations(
    con: duckdb.DuckDBPyConnection, frame: pd.DataFrame, province: Unit, year: int | None = None, source: str = ""
) -> int:
    """Populations of communes of either era (old communes for the months before their merger): names are
    looked up among today's communes of the province first, then its former ones ("Văn Quan/Khánh Khê")."""
    from ntm import lineage

    eras = [lineage.same_unit(con, province, day) for day in (units.NEW_ERA_START, units.OLD_ERA_END)]
    rows = _rows(con, frame, eras, POPULATION_COLUMNS, lambda v: int(v) if v.isdigit() and int(v) > 0 else None)
    with transaction(con):
        con.executemany(
            "INSERT OR REPLACE INTO unit_populations VALUES (?, ?, ?, ?, ?)",
            [[u, p, year, source, datetime.now()] for u, p in rows],
        )
    return len(rows)


def load_commune_groups(
    con: duckdb.DuckDBPyConnection, frame: pd.DataFrame, within: Unit, set_id: str = "ntm-2026", source: str = ""
) -> int:
    rows = _rows(con, frame, [within], GROUP_COLUMNS, lambda v: int(v) if v in ("1", "2", "3") else None)
    with transaction(con):
        con.executemany(
            "INSERT OR REPLACE INTO commune_groups VALUES (?, ?, ?, ?, ?)",
            [[u, set_id, g, source, datetime.now()] for u, g in rows],
        )
    return len(rows)


def commune_groups(con: duckdb.DuckDBPyConnection, set_id: str = "ntm-2026") -> dict[int, int]:
    return dict(con.execute("SELECT unit_id, group_no FROM commune_groups WHERE set_id = ?", [set_id]).fetchall())
