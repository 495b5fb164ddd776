"""Targets and plans as data, with history; recognition decisions as events.

- A commune target: the level (``ntm``, ``nang_cao``, ``kieu_mau``), the month it is due
  ("hoàn thành trong tháng 11/2024"; a year alone means its December) and the plan it comes
  from. One current target per commune and level; a change supersedes the old row, which is
  kept (``superseded_at``) as history.
- A unit goal: for a unit and a year, ``average_met`` (criteria per commune),
  ``communes_at_standard`` or ``share_at_standard`` (%).
- A recognition (công nhận): a commune recognised at a level by a decision (number, date).
  Recognition does not carry through a merger: it belongs to the unit_id decided on.

Entered in the app (validated rows from ``st.data_editor``) or imported from a plan workbook.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import duckdb
import pandas as pd

from ntm import periods, store, units
from ntm.ingest.reader import read_workbook
from ntm.problems import Problem, Rejected, column_letter
from ntm.text import clean, fold

LEVELS = ("ntm", "nang_cao", "kieu_mau")  # in rank order
GOAL_METRICS = ("average_met", "communes_at_standard", "share_at_standard")
_LEVEL_WORDS = {"ntm": "ntm", "dat chuan": "ntm", "dat chuan ntm": "ntm", "nong thon moi": "ntm",
                "nang cao": "nang_cao", "ntm nang cao": "nang_cao", "nang_cao": "nang_cao",
                "kieu mau": "kieu_mau", "ntm kieu mau": "kieu_mau", "kieu_mau": "kieu_mau"}
_METRIC_WORDS = {"binh quan tieu chi/xa": "average_met", "binh quan tieu chi": "average_met",
                 "average_met": "average_met", "so xa dat chuan": "communes_at_standard",
                 "communes_at_standard": "communes_at_standard", "ty le xa dat chuan": "share_at_standard",
                 "ty le xa dat chuan (%)": "share_at_standard", "share_at_standard": "share_at_standard"}

# Column headers of a plan workbook (folded) → field; the same headers are written by ``to_frame``.
TARGET_HEADERS = {"ma xa": "code", "ten xa": "name", "huyen": "district", "muc": "level", "muc dat chuan": "level",
                  "thoi han": "target_month", "thang hoan thanh": "target_month", "ke hoach": "plan",
                  "van ban": "plan", "so van ban": "plan", "ghi chu": "note"}
GOAL_HEADERS = {"don vi": "unit", "nam": "year", "chi tieu": "metric", "gia tri": "value", "van ban": "plan",
                "ke hoach": "plan"}
RECOGNITION_HEADERS = {"ma xa": "code", "ten xa": "name", "huyen": "district", "muc": "level",
                       "so quyet dinh": "decision_no", "ngay quyet dinh": "decision_date", "co quan": "issued_by",
                       "co quan ban hanh": "issued_by"}


def level_of(value: object) -> str | None:
    return _LEVEL_WORDS.get(fold(value).strip(" ."))


def metric_of(value: object) -> str | None:
    return _METRIC_WORDS.get(fold(value).strip(" ."))


def month_of(value: object) -> date | None:
    """"11/2024", "2024-11", a date, or a year alone (its December) → the first day of that month."""
    if isinstance(value, (datetime, date)):
        return date(value.year, value.month, 1)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = clean(value)
    if re.fullmatch(r"\d{4}", text):
        return date(int(text), 12, 1)
    m = re.fullmatch(r"(\d{1,2})\s*[/.-]\s*(\d{4})", text) or None
    if m:
        return date(int(m.group(2)), int(m.group(1)), 1) if 1 <= int(m.group(1)) <= 12 else None
    try:
        return periods.parse(text).start if "-" in text else None
    except ValueError:
        return None


# ---------------------------------------------------------------- reading what is stored
def current(con: duckdb.DuckDBPyConnection, unit: units.Unit, year: int | None = None) -> list[dict]:
    """Current commune targets inside ``unit`` (due in ``year`` when given), by due month and name."""
    rows = con.execute(
        """SELECT t.target_id, t.unit_id, c.code, c.short_name AS name, d.short_name AS district, t.level,
                  t.target_month, t.plan, t.note, t.entered_at, t.entered_by, t.source
           FROM targets t JOIN units c ON c.unit_id = t.unit_id LEFT JOIN units d ON d.unit_id = c.district_id
           WHERE t.superseded_at IS NULL AND (c.unit_id = $u OR c.district_id = $u OR c.province_id = $u)
             AND ($year IS NULL OR year(t.target_month) = $year)
           ORDER BY t.target_month, d.short_name, c.short_name, t.level""",
        {"u": unit.unit_id, "year": year}).fetchall()
    names = ["target_id", "unit_id", "code", "name", "district", "level", "target_month", "plan", "note",
             "entered_at", "entered_by", "source"]
    return [dict(zip(names, r)) for r in rows]


def years(con: duckdb.DuckDBPyConnection, unit: units.Unit) -> list[int]:
    """Years in which targets of communes in ``unit`` or goals of ``unit`` fall due."""
    rows = con.execute(
        """SELECT DISTINCT year(t.target_month) FROM targets t JOIN units c ON c.unit_id = t.unit_id
           WHERE t.superseded_at IS NULL AND (c.unit_id = $u OR c.district_id = $u OR c.province_id = $u)
           UNION SELECT year FROM unit_goals WHERE superseded_at IS NULL AND unit_id = $u ORDER BY 1""",
        {"u": unit.unit_id}).fetchall()
    return [int(r[0]) for r in rows]


def history(con: duckdb.DuckDBPyConnection, unit: units.Unit) -> pd.DataFrame:
    """Every target ever entered inside ``unit``, superseded ones included, newest first."""
    return con.execute(
        """SELECT t.target_id, c.short_name AS name, t.level, t.target_month, t.plan, t.note,
                  t.entered_at, t.entered_by, t.source, t.superseded_at
           FROM targets t JOIN units c ON c.unit_id = t.unit_id
           WHERE c.unit_id = $u OR c.district_id = $u OR c.province_id = $u
           ORDER BY t.entered_at DESC, t.target_id DESC""", {"u": unit.unit_id}).df()


def current_goals(con: duckdb.DuckDBPyConnection, unit: units.Unit, year: int | None = None) -> list[dict]:
    rows = con.execute(
        """SELECT goal_id, unit_id, year, metric, value, plan FROM unit_goals
           WHERE superseded_at IS NULL AND unit_id = $u AND ($year IS NULL OR year = $year)
           ORDER BY year, metric""", {"u": unit.unit_id, "year": year}).fetchall()
    return [dict(zip(["goal_id", "unit_id", "year", "metric", "value", "plan"], r)) for r in rows]


def _month_end(day: date) -> date:
    return periods.shift_months(date(day.year, day.month, 1), 1) - timedelta(days=1)


def recognition_at(con: duckdb.DuckDBPyConnection, unit_id: int, level: str, as_of: date) -> dict | None:
    """The decision recognising the commune at ``level`` or above on or before the end of ``as_of``'s month."""
    ranks = list(LEVELS[LEVELS.index(level):])
    rows = con.execute(
        f"""SELECT level, decision_no, decision_date, issued_by FROM recognitions
            WHERE unit_id = ? AND level IN ({','.join('?' * len(ranks))}) AND decision_date <= ?
            ORDER BY decision_date LIMIT 1""", [unit_id, *ranks, _month_end(as_of)]).fetchall()
    if not rows:
        return None
    level_, number, day, issued_by = rows[0]
    return {"level": level_, "decision_no": number, "decision_date": f"{day:%Y-%m-%d}", "issued_by": issued_by}


def recognised_counts(con: duckdb.DuckDBPyConnection, unit: units.Unit, as_of: date) -> dict[str, int]:
    """Communes of ``unit`` valid at ``as_of`` recognised at each level by then (the highest level counts
    for the lower ones too: a model commune is also at standard)."""
    end = _month_end(as_of)
    ids = con.execute(
        """SELECT r.unit_id, max(CASE r.level WHEN 'kieu_mau' THEN 3 WHEN 'nang_cao' THEN 2 ELSE 1 END)
           FROM recognitions r JOIN units c ON c.unit_id = r.unit_id
           WHERE (c.unit_id = $u OR c.district_id = $u OR c.province_id = $u) AND r.decision_date <= $end
             AND (c.valid_to IS NULL OR c.valid_to >= $end) AND (c.valid_from IS NULL OR c.valid_from <= $end)
           GROUP BY 1""", {"u": unit.unit_id, "end": end}).fetchall()
    return {level: sum(1 for _, rank in ids if rank >= k + 1) for k, level in enumerate(LEVELS)}


# ---------------------------------------------------------------- validating and writing
@dataclass
class PlanRows:
    """Validated rows ready to write, and what was wrong with the others."""
    targets: list[dict] = field(default_factory=list)
    goals: list[dict] = field(default_factory=list)
    recognitions: list[dict] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)


def _commune(con, plan: PlanRows, where: tuple, code, name, district_text, scope: units.Unit | None,
             day: date) -> int | None:
    """The commune a plan row names, among the units valid on ``day``; failing that, in any era
    (a plan written in 2024 names communes merged away in 7/2025)."""
    text = clean(code) if code not in (None, "") else clean(name)
    if isinstance(code, float) and code.is_integer():
        text = str(int(code)).zfill(5)
    if not text:
        plan.errors.append(Problem("targets.no_commune", {}, *where))
        return None
    first_error = None
    for start in (day, None):
        try:
            context = scope
            if district_text and clean(district_text):
                context = units.resolve(con, clean(district_text), start=start, within=scope)
            found = units.resolve(con, text, start=start, within=context, prefer="commune")
        except units.UnitError as exc:
            first_error = first_error or exc
            continue
        if found.level != "commune":
            plan.errors.append(Problem("targets.not_commune", {"name": text}, *where))
            return None
        return found.unit_id
    plan.errors.append(Problem("targets.unit", {"detail": str(first_error)}, *where))
    return None


def validate_targets(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame, scope: units.Unit | None,
                     sheet: str = "", first_row: int = 2, plan: PlanRows | None = None) -> PlanRows:
    """Rows with code/name (district), level, target_month, plan, note → ``PlanRows.targets``.

    ``first_row`` is the Excel row of the frame's first row (errors name sheet, row and column).
    """
    plan = plan or PlanRows()
    columns = list(frame.columns)
    letters = frame.attrs.get("letters") or [column_letter(i) for i in range(len(columns))]
    seen: dict[tuple[int, str], int] = {}
    for i, row in enumerate(frame.to_dict("records")):
        r = first_row + i
        if all(v in (None, "") or (isinstance(v, float) and pd.isna(v)) for v in row.values()):
            continue
        where = lambda col: (sheet or None, r, letters[columns.index(col)] if col in columns else None)  # noqa: E731
        level = level_of(row.get("level"))
        if level is None:
            plan.errors.append(Problem("targets.bad_level", {"value": clean(row.get("level"))}, *where("level")))
        day = month_of(row.get("target_month"))
        if day is None:
            plan.errors.append(Problem("targets.bad_month", {"value": clean(row.get("target_month"))},
                                       *where("target_month")))
            continue
        unit_id = _commune(con, plan, where("name" if row.get("name") not in (None, "") else "code"),
                           _blank(row.get("code")), _blank(row.get("name")), _blank(row.get("district")), scope, day)
        if unit_id is None or level is None:
            continue
        if (unit_id, level) in seen:
            plan.errors.append(Problem("targets.duplicate", {"first": seen[(unit_id, level)]}, *where("name")))
            continue
        seen[(unit_id, level)] = r
        plan.targets.append({"unit_id": unit_id, "level": level, "target_month": day,
                             "plan": clean(_blank(row.get("plan"))) or None, "note": clean(_blank(row.get("note"))) or None})
    return plan


def _blank(value):
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else value


def save_targets(con: duckdb.DuckDBPyConnection, rows: list[dict], *, by: str | None, source: str,
                 replace_scope: units.Unit | None = None) -> dict[str, int]:
    """Write validated targets in one transaction: a changed (commune, level) supersedes the old row.

    With ``replace_scope`` (the app's editor), current targets in that unit missing from ``rows``
    are superseded too (deleted, kept in history). Returns counts added / superseded / unchanged.
    """
    with store.transaction(con):
        return _write_targets(con, rows, datetime.now(), by, source, replace_scope)


def _write_targets(con, rows: list[dict], now: datetime, by, source: str, replace_scope=None) -> dict[str, int]:
    counts = {"added": 0, "superseded": 0, "unchanged": 0}
    wanted = {(r["unit_id"], r["level"]): r for r in rows}
    in_scope = {t["target_id"] for t in current(con, replace_scope)} if replace_scope is not None else set()
    existing = con.execute(
        "SELECT target_id, unit_id, level, target_month, plan, note FROM targets WHERE superseded_at IS NULL").fetchall()
    for target_id, unit_id, level, month, plan, note in existing:
        new = wanted.get((unit_id, level))
        if new is not None and (new["target_month"], new["plan"], new["note"]) == (month, plan, note):
            wanted.pop((unit_id, level))
            counts["unchanged"] += 1
        elif new is not None or target_id in in_scope:
            con.execute("UPDATE targets SET superseded_at = ? WHERE target_id = ?", [now, target_id])
            counts["superseded"] += 1
    for r in wanted.values():
        con.execute("INSERT INTO targets VALUES (nextval('target_id_seq'), ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
                    [r["unit_id"], r["level"], r["target_month"], r["plan"], r["note"], now, by, source])
        counts["added"] += 1
    return counts


def save_goals(con: duckdb.DuckDBPyConnection, rows: list[dict], *, by: str | None, source: str) -> int:
    with store.transaction(con):
        return _write_goals(con, rows, datetime.now(), by, source)


def _write_goals(con, rows: list[dict], now: datetime, by, source: str) -> int:
    for r in rows:
        con.execute("""UPDATE unit_goals SET superseded_at = ? WHERE superseded_at IS NULL
                       AND unit_id = ? AND year = ? AND metric = ?""", [now, r["unit_id"], r["year"], r["metric"]])
        con.execute("INSERT INTO unit_goals VALUES (nextval('goal_id_seq'), ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
                    [r["unit_id"], r["year"], r["metric"], r["value"], r.get("plan"), now, by, source])
    return len(rows)


def _write_recognitions(con, rows: list[dict], now: datetime) -> int:
    for r in rows:  # the same decision entered again replaces itself
        con.execute("DELETE FROM recognitions WHERE unit_id = ? AND level = ? AND decision_no = ?",
                    [r["unit_id"], r["level"], r["decision_no"]])
        con.execute("INSERT INTO recognitions VALUES (nextval('recognition_id_seq'), ?, ?, ?, ?, ?, ?)",
                    [r["unit_id"], r["level"], r["decision_no"], r["decision_date"], r.get("issued_by"), now])
    return len(rows)


def add_recognition(con: duckdb.DuckDBPyConnection, unit_id: int, level: str, decision_no: str,
                    decision_date: date, issued_by: str | None = None) -> None:
    if level not in LEVELS:
        raise ValueError(level)
    with store.transaction(con):
        _write_recognitions(con, [{"unit_id": unit_id, "level": level, "decision_no": decision_no,
                                   "decision_date": decision_date, "issued_by": issued_by}], datetime.now())


# ---------------------------------------------------------------- plan workbooks
def _table(rows: list[list], headers: dict[str, str]) -> tuple[int, pd.DataFrame] | None:
    """The first row (of the first 15) with at least 3 known headers, and the rows under it."""
    for r, row in enumerate(rows[:15]):
        fields = [headers.get(fold(v).strip(" :*")) for v in row]
        if sum(f is not None for f in fields) >= 3:
            keep = [i for i, f in enumerate(fields) if f]
            names = [fields[i] for i in keep]
            body = [[row_[i] if i < len(row_) else None for i in keep] for row_ in rows[r + 1:]]
            frame = pd.DataFrame(body, columns=names)
            frame.attrs["letters"] = [column_letter(i) for i in keep]
            return r + 2, frame
    return None


def import_plan(con: duckdb.DuckDBPyConnection, data: bytes, file_name: str, *, unit: str | None = None,
                by: str | None = None, dry_run: bool = False) -> tuple[PlanRows, dict[str, int]]:
    """Read a plan workbook (sheets of commune targets, unit goals, recognitions), validate every row,
    then write all of it in one transaction, or nothing when any row is wrong."""
    try:
        sheets = read_workbook(data, file_name)
    except Rejected as exc:
        return PlanRows(errors=exc.errors), {}
    plan = PlanRows()
    scope = None
    if unit:
        try:
            scope = units.resolve(con, unit)
        except units.UnitError as exc:
            plan.errors.append(Problem("targets.unit", {"detail": str(exc)}))
            return plan, {}
    found = False
    for sheet in (s for s in sheets if s.visible):
        for headers, reader in ((RECOGNITION_HEADERS, _read_recognitions), (TARGET_HEADERS, _read_targets),
                                (GOAL_HEADERS, _read_goals)):
            table = _table(sheet.rows, headers)
            if table is None or (headers is TARGET_HEADERS and "level" not in table[1]) or \
                    (headers is RECOGNITION_HEADERS and "decision_no" not in table[1]):
                continue
            first_row, frame = table
            reader(con, plan, frame, sheet.name, first_row, scope)
            found = True
            break
    if not found:
        plan.errors.append(Problem("targets.no_table", {}))
    if plan.errors or dry_run:
        return plan, {}
    now, source = datetime.now(), f"file:{file_name}"
    with store.transaction(con):  # one file, one transaction
        counts = {"targets": _write_targets(con, plan.targets, now, by, source)["added"],
                  "goals": _write_goals(con, plan.goals, now, by, source),
                  "recognitions": _write_recognitions(con, plan.recognitions, now)}
    return plan, counts


def _read_targets(con, plan: PlanRows, frame: pd.DataFrame, sheet: str, first_row: int, scope) -> None:
    validate_targets(con, frame, scope, sheet, first_row, plan)


def _read_goals(con, plan: PlanRows, frame: pd.DataFrame, sheet: str, first_row: int, scope) -> None:
    letters = frame.attrs.get("letters", [])
    where = lambda i, col: (sheet, first_row + i, letters[list(frame.columns).index(col)]  # noqa: E731
                            if col in frame.columns else None)
    for i, row in enumerate(frame.to_dict("records")):
        if all(_blank(v) in (None, "") for v in row.values()):
            continue
        try:
            year = int(float(str(row.get("year")).replace(",", ".")))
        except ValueError:
            plan.errors.append(Problem("targets.bad_year", {"value": clean(row.get("year"))}, *where(i, "year")))
            continue
        metric = metric_of(row.get("metric"))
        if metric is None:
            plan.errors.append(Problem("targets.bad_metric", {"value": clean(row.get("metric"))}, *where(i, "metric")))
            continue
        try:
            value = float(str(row.get("value")).replace(",", "."))
        except ValueError:
            plan.errors.append(Problem("targets.bad_value", {"value": clean(row.get("value"))}, *where(i, "value")))
            continue
        try:
            unit = units.resolve(con, clean(row.get("unit")) or (scope.code if scope else ""),
                                 start=date(year, 12, 1), within=None)
        except units.UnitError as exc:
            plan.errors.append(Problem("targets.unit", {"detail": str(exc)}, *where(i, "unit")))
            continue
        plan.goals.append({"unit_id": unit.unit_id, "year": year, "metric": metric, "value": value,
                           "plan": clean(_blank(row.get("plan"))) or None})


def _read_recognitions(con, plan: PlanRows, frame: pd.DataFrame, sheet: str, first_row: int, scope) -> None:
    letters = frame.attrs.get("letters", [])
    where = lambda i, col: (sheet, first_row + i, letters[list(frame.columns).index(col)]  # noqa: E731
                            if col in frame.columns else None)
    for i, row in enumerate(frame.to_dict("records")):
        if all(_blank(v) in (None, "") for v in row.values()):
            continue
        level = level_of(row.get("level"))
        day = row.get("decision_date")
        day = day.date() if isinstance(day, datetime) else day if isinstance(day, date) else _date_text(day)
        if level is None:
            plan.errors.append(Problem("targets.bad_level", {"value": clean(row.get("level"))}, *where(i, "level")))
        if day is None:
            plan.errors.append(Problem("targets.bad_date", {"value": clean(row.get("decision_date"))},
                                       *where(i, "decision_date")))
        if not clean(_blank(row.get("decision_no"))):
            plan.errors.append(Problem("targets.no_decision", {}, *where(i, "decision_no")))
        if level is None or day is None or not clean(_blank(row.get("decision_no"))):
            continue
        unit_id = _commune(con, plan, where(i, "name"), _blank(row.get("code")), _blank(row.get("name")),
                           _blank(row.get("district")), scope, day)
        if unit_id is not None:
            plan.recognitions.append({"unit_id": unit_id, "level": level, "decision_no": clean(row["decision_no"]),
                                      "decision_date": day, "issued_by": clean(_blank(row.get("issued_by"))) or None})


def _date_text(value) -> date | None:
    m = re.fullmatch(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})", clean(value))
    if m:
        try:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            return None
    try:
        return date.fromisoformat(clean(value))
    except ValueError:
        return None
