"""The criteria catalogue: criteria sets, their criteria and sub-indicators, as data.

The national sets ship in ``ntm/data/criteria.csv`` (with ``verified`` and ``source`` per row);
a province loads its own set, or edits names and indicators, from a workbook with the same
columns (``python -m ntm catalog import FILE.xlsx``).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

import duckdb
import pandas as pd

from ntm import report_catalog, summary
from ntm.problems import KeyedError, Problem, Rejected, column_letter
from ntm.store import transaction

CATALOG_COLUMNS = [
    "set_id",
    "set_name",
    "decision",
    "criterion_no",
    "criterion_name_vi",
    "criterion_name_en",
    "indicator_code",
    "indicator_name_vi",
    "verified",
    "source",
]
REQUIRED = ["set_id", "set_name", "criterion_no", "criterion_name_vi"]
OPTIONAL_SET_COLUMNS = ["level", "valid_from", "valid_to"]


def _data_file(name: str) -> Path:
    return Path(str(resources.files("ntm") / "data" / name))


def builtin_frame() -> pd.DataFrame:
    """The shipped catalogue joined with each set's level and validity dates."""
    frame = pd.read_csv(_data_file("criteria.csv"), dtype=str, keep_default_na=False)
    meta = pd.read_csv(_data_file("sets.csv"), dtype=str, keep_default_na=False)
    return frame.merge(meta, on="set_id", how="left")


def validate(frame: pd.DataFrame, sheet: str = "criteria", header_row: int = 1) -> list[Problem]:
    """Check a catalogue table (all cells as text). Row numbers are Excel rows."""
    problems: list[Problem] = []
    columns = list(frame.columns)
    for name in REQUIRED:
        if name not in columns:
            problems.append(Problem("catalog.missing_column", {"column": name}, sheet, header_row))
    if problems:
        return problems
    if frame.empty:
        return [Problem("catalog.empty", {}, sheet, header_row + 1)]
    seen: dict[tuple[str, int], int] = {}
    criteria_rows: set[tuple[str, int]] = set()
    for i, row in enumerate(frame.itertuples(index=False), start=header_row + 1):
        rec = row._asdict()
        for name in ("set_id", "set_name", "criterion_name_vi"):
            if not str(rec.get(name) or "").strip():
                problems.append(
                    Problem("catalog.missing_value", {"column": name}, sheet, i, column_letter(columns.index(name)))
                )
        raw_no = str(rec.get("criterion_no") or "").strip()
        if not raw_no.isdigit() or int(raw_no) < 1:
            problems.append(
                Problem("catalog.bad_number", {"value": raw_no}, sheet, i, column_letter(columns.index("criterion_no")))
            )
            continue
        for name in ("valid_from", "valid_to"):
            value = str(rec.get(name) or "").strip()
            if value:
                try:
                    date.fromisoformat(value[:10])
                except ValueError:
                    problems.append(
                        Problem("catalog.bad_date", {"value": value}, sheet, i, column_letter(columns.index(name)))
                    )
        key = (str(rec["set_id"]).strip(), int(raw_no))
        if not str(rec.get("indicator_code") or "").strip():
            if key in seen:
                problems.append(
                    Problem(
                        "catalog.duplicate",
                        {"criterion": key[1], "set_id": key[0], "first": seen[key]},
                        sheet,
                        i,
                        column_letter(columns.index("criterion_no")),
                    )
                )
            seen.setdefault(key, i)
            criteria_rows.add(key)
    for i, row in enumerate(frame.itertuples(index=False), start=header_row + 1):
        rec = row._asdict()
        code = str(rec.get("indicator_code") or "").strip()
        raw_no = str(rec.get("criterion_no") or "").strip()
        if code and raw_no.isdigit() and (str(rec["set_id"]).strip(), int(raw_no)) not in criteria_rows:
            problems.append(
                Problem(
                    "catalog.indicator_orphan",
                    {"code": code, "criterion": raw_no, "set_id": rec["set_id"]},
                    sheet,
                    i,
                    column_letter(columns.index("indicator_code")),
                )
            )
    return problems


def replace_sets(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame, origin: str) -> dict[str, int]:
    """Replace every set named in ``frame`` (criteria, indicators) in one transaction."""
    frame = frame.fillna("").astype(str).apply(lambda s: s.str.strip())
    for name in CATALOG_COLUMNS + OPTIONAL_SET_COLUMNS:
        if name not in frame:
            frame[name] = ""
    frame["criterion_no"] = frame["criterion_no"].astype(int)
    frame["verified"] = frame["verified"].str.lower().isin(["yes", "true", "1", "có", "x"])
    heads = frame[frame["indicator_code"] == ""]
    indicators = frame[frame["indicator_code"] != ""].drop_duplicates(["set_id", "indicator_code"], keep="last")
    sets = (
        heads.groupby("set_id", sort=False)
        .agg(
            name=("set_name", "first"),
            decision=("decision", "first"),
            level=("level", "first"),
            n_criteria=("criterion_no", "nunique"),
            valid_from=("valid_from", "first"),
            valid_to=("valid_to", "first"),
        )
        .reset_index()
    )
    sets["level"] = sets["level"].replace("", "commune")
    for name in ("valid_from", "valid_to"):
        sets[name] = pd.to_datetime(sets[name].replace("", None)).dt.date
    sets["origin"] = origin
    con.register("new_sets", sets)
    con.register("new_criteria", heads)
    con.register("new_indicators", indicators)
    try:
        with transaction(con):
            for table in ("criteria_sets", "criteria", "indicators"):
                con.execute(f"DELETE FROM {table} WHERE set_id IN (SELECT set_id FROM new_sets)")
            con.execute("""INSERT INTO criteria_sets
                           SELECT set_id, name, decision, level, n_criteria, valid_from, valid_to, origin FROM new_sets""")
            con.execute("""INSERT INTO criteria SELECT set_id, criterion_no, criterion_name_vi,
                           nullif(criterion_name_en, ''), verified, nullif(source, '') FROM new_criteria""")
            con.execute("""INSERT INTO indicators SELECT set_id, criterion_no, indicator_code,
                           nullif(indicator_name_vi, ''), verified, nullif(source, '') FROM new_indicators""")
            summary.refresh_sets(con, "new_sets")  # the changed sets' reports count against their new criteria
    finally:
        for name in ("new_sets", "new_criteria", "new_indicators"):
            con.unregister(name)
    return {"sets": len(sets), "criteria": len(heads), "indicators": len(indicators)}


def load_builtin(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Load the national sets and the default department assignments."""
    counts = replace_sets(con, builtin_frame(), origin="builtin")
    from ntm import crosswalk  # the 2016 → 2021 comparable-criteria table ships with the sets

    crosswalk.load_builtin(con)
    con.register("new_departments", pd.read_csv(_data_file("departments.csv"), dtype={"criterion_no": int}))
    try:
        with transaction(con):
            con.execute("DELETE FROM departments")
            con.execute("INSERT INTO departments SELECT * FROM new_departments")
    finally:
        con.unregister("new_departments")
    return counts


def import_workbook(con: duckdb.DuckDBPyConnection, data: bytes, file_name: str) -> dict[str, int]:
    """Validate a catalogue workbook (first sheet, header in its first non-empty row) and load it."""
    from ntm.ingest.reader import read_workbook

    sheets = read_workbook(data, file_name)
    sheet = sheets[0]
    rows = sheet.rows
    header_index = next((i for i, r in enumerate(rows) if any(str(c).strip() for c in r if c is not None)), 0)
    header = [str(c).strip() if c is not None else "" for c in rows[header_index]] if rows else []
    body = [
        ["" if c is None else (str(int(c)) if isinstance(c, float) and c.is_integer() else str(c)) for c in r]
        for r in rows[header_index + 1 :]
    ]
    body = [r for r in body if any(v.strip() for v in r)]
    frame = pd.DataFrame([r[: len(header)] + [""] * (len(header) - len(r)) for r in body], columns=header)
    problems = validate(frame, sheet.name, header_row=header_index + 1)
    if problems:
        raise Rejected(problems)
    return replace_sets(con, frame, origin=file_name)


# The catalogue's frames are read once per catalogue version (``report_catalog.derived``: reference data, read
# again after any committed write) and handed out as shallow copies: under copy-on-write a caller's added column
# or changed cell stays in its copy.


def sets(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return report_catalog.derived(con, _sets).copy(deep=False)


def _sets(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute("SELECT * FROM criteria_sets ORDER BY valid_from NULLS LAST, set_id").df()


def criteria(con: duckdb.DuckDBPyConnection, set_id: str) -> pd.DataFrame:
    """One row per criterion of ``set_id`` with the department that answers for it."""
    return report_catalog.derived(con, _criteria, set_id).copy(deep=False)


def _criteria(con: duckdb.DuckDBPyConnection, set_id: str) -> pd.DataFrame:
    return con.execute(
        """SELECT c.criterion_no, c.name_vi, coalesce(c.name_en, c.name_vi) AS name_en,
                  d.department_vi, d.department_en, c.verified
           FROM criteria c LEFT JOIN departments d USING (set_id, criterion_no)
           WHERE c.set_id = ? ORDER BY c.criterion_no""",
        [set_id],
    ).df()


def indicators(con: duckdb.DuckDBPyConnection, set_id: str) -> pd.DataFrame:
    """The set's sub-indicators in the order the set lists them: 17.1, 17.2 … 17.10 (by the numbers of the
    code's parts, not its text, which puts 17.10 before 17.2)."""
    return report_catalog.derived(con, _indicators, set_id).copy(deep=False)


def _indicators(con: duckdb.DuckDBPyConnection, set_id: str) -> pd.DataFrame:
    return con.execute(
        r"""SELECT criterion_no, indicator_code, name_vi FROM indicators WHERE set_id = ?
            ORDER BY criterion_no,
                     list_transform(string_split(indicator_code, '.'),
                                    lambda part: try_cast(regexp_extract(part, '^\d+') AS INTEGER)),
                     indicator_code""",
        [set_id],
    ).df()


def set_for_period(con: duckdb.DuckDBPyConnection, day: date, level: str = "commune") -> str | None:
    """The set of ``level`` in force on ``day`` (the latest-starting one if several overlap)."""
    return report_catalog.set_for_period(con, day, level)


_LEVEL_WORDS = {  # how officials name a set of each level: "Bộ tiêu chí 2021-2025"
    "commune": ("Bộ tiêu chí {years}", "{years} criteria set"),
    "commune_advanced": ("Bộ tiêu chí NTM nâng cao {years}", "{years} advanced NTM criteria"),
    "commune_model": ("Tiêu chí xã NTM kiểu mẫu {years}", "{years} model-commune conditions"),
    "district": ("Bộ tiêu chí huyện NTM {years}", "{years} district NTM criteria"),
}


@lru_cache(maxsize=1)
def _shipped_sets() -> dict[str, tuple[str, str, str, str]]:
    frame = builtin_frame().drop_duplicates("set_id")
    return {r.set_id: (r.set_name, r.level, r.valid_from, r.valid_to) for r in frame.itertuples()}


def set_label(set_id: str | None, lang: str = "vi", con: duckdb.DuckDBPyConnection | None = None) -> str:
    """A set as officials name it: "Bộ tiêu chí 2021-2025" ("2021-2025 criteria set"), from its name's years
    ("giai đoạn 2021-2025") or else its validity; a set loaded by a province keeps its own name."""
    if not set_id:
        return "–"
    row = None
    if con is not None:
        found = report_catalog.find(con, set_id)
        row = (
            tuple("" if v is None else str(v) for v in (found.name, found.level, found.valid_from, found.valid_to))
            if found
            else None
        )
    row = row or _shipped_sets().get(set_id)
    if row is None:
        return set_id
    name, level, valid_from, valid_to = row
    match = re.search(r"(\d{4})\s*[-–]\s*(\d{4})", name)
    if match:
        years = f"{match.group(1)}-{match.group(2)}"
    elif valid_from:
        years = f"{valid_from[:4]}-{valid_to[:4]}" if valid_to else f"{valid_from[:4]}–"
    else:
        return name
    words = _LEVEL_WORDS.get(level)
    if words is None:
        return name
    return (words[1] if lang == "en" else words[0]).format(years=years)


class UnknownSet(KeyedError, LookupError):
    """A criteria set id not in the catalogue: key ``set.unknown`` with the known ones."""


def require_set(con: duckdb.DuckDBPyConnection, set_id: str) -> None:
    known = [s.set_id for s in report_catalog.catalogue(con).sets]  # in set_id order
    if set_id not in known:
        raise UnknownSet("set.unknown", set_id=set_id, known=", ".join(known))
