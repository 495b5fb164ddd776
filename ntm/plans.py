"""Plan workbooks and the target editor's rows: read, validate every row with its sheet, row and
column, and hand ``ntm.targets`` only rows that are right (a plan loads whole or not at all).

A plan workbook has a sheet of commune targets (``Mã xã`` or ``Tên xã`` [+ ``Huyện``], ``Mức``,
``Thời hạn``, ``Kế hoạch``, ``Ghi chú``), optionally one of unit goals (``Đơn vị``, ``Năm``,
``Chỉ tiêu``, ``Giá trị``, ``Văn bản``) and one of recognition decisions (``Tên xã``, ``Huyện``,
``Mức``, ``Số quyết định``, ``Ngày quyết định``, ``Cơ quan ban hành``). Sheets are told apart by
their headers, not their names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

import duckdb
import pandas as pd

from ntm import periods, store, units
from ntm import targets as target_store
from ntm.ingest.reader import read_workbook
from ntm.problems import Problem, Rejected, column_letter
from ntm.target_records import GoalMetric, GoalRow, Level, RecognitionRow, TargetRow
from ntm.text import clean, fold

_LEVEL_WORDS: dict[str, Level] = {
    "ntm": "ntm",
    "dat chuan": "ntm",
    "dat chuan ntm": "ntm",
    "nong thon moi": "ntm",
    "nang cao": "nang_cao",
    "ntm nang cao": "nang_cao",
    "nang_cao": "nang_cao",
    "kieu mau": "kieu_mau",
    "ntm kieu mau": "kieu_mau",
    "kieu_mau": "kieu_mau",
}
_METRIC_WORDS: dict[str, GoalMetric] = {
    "binh quan tieu chi/xa": "average_met",
    "binh quan tieu chi": "average_met",
    "average_met": "average_met",
    "so xa dat chuan": "communes_at_standard",
    "communes_at_standard": "communes_at_standard",
    "ty le xa dat chuan": "share_at_standard",
    "ty le xa dat chuan (%)": "share_at_standard",
    "share_at_standard": "share_at_standard",
}

# Column headers of a plan workbook (folded) → field.
TARGET_HEADERS = {
    "ma xa": "code",
    "ten xa": "name",
    "huyen": "district",
    "muc": "level",
    "muc dat chuan": "level",
    "thoi han": "target_month",
    "thang hoan thanh": "target_month",
    "ke hoach": "plan",
    "van ban": "plan",
    "so van ban": "plan",
    "ghi chu": "note",
}
GOAL_HEADERS = {
    "don vi": "unit",
    "nam": "year",
    "chi tieu": "metric",
    "gia tri": "value",
    "van ban": "plan",
    "ke hoach": "plan",
}
RECOGNITION_HEADERS = {
    "ma xa": "code",
    "ten xa": "name",
    "huyen": "district",
    "muc": "level",
    "so quyet dinh": "decision_no",
    "ngay quyet dinh": "decision_date",
    "co quan": "issued_by",
    "co quan ban hanh": "issued_by",
}


def level_of(value: object) -> Level | None:
    return _LEVEL_WORDS.get(fold(value).strip(" ."))


def metric_of(value: object) -> GoalMetric | None:
    return _METRIC_WORDS.get(fold(value).strip(" ."))


def month_of(value: object) -> date | None:
    """ "11/2024", "2024-11", a date, or a year alone (its December) → the first day of that month."""
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


@dataclass
class PlanRows:
    """Validated rows ready to write, and what was wrong with the others."""

    targets: list[TargetRow] = field(default_factory=list)
    goals: list[GoalRow] = field(default_factory=list)
    recognitions: list[RecognitionRow] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)

    def unit_ids(self) -> list[int]:
        """The units every row writes to (targets, goals, recognitions), for the scope check."""
        return (
            [r.unit_id for r in self.targets] + [r.unit_id for r in self.goals] + [r.unit_id for r in self.recognitions]
        )


def _commune(
    con, plan: PlanRows, where: tuple, code, name, district_text, scope: units.Unit | None, day: date
) -> int | None:
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


def validate_targets(
    con: duckdb.DuckDBPyConnection,
    frame: pd.DataFrame,
    scope: units.Unit | None,
    sheet: str = "",
    first_row: int = 2,
    plan: PlanRows | None = None,
) -> PlanRows:
    """Rows with code/name (district), level, target_month, plan, note → ``PlanRows.targets``.

    ``first_row`` is the Excel row of the frame's first row (errors name sheet, row and column).
    """
    plan = plan or PlanRows()
    seen: dict[tuple[int, str], int] = {}
    for r, row, where in _rows(frame, sheet, first_row):
        level = level_of(row.get("level"))
        if level is None:
            plan.errors.append(Problem("targets.bad_level", {"value": clean(row.get("level"))}, *where("level")))
        day = month_of(row.get("target_month"))
        if day is None:
            plan.errors.append(
                Problem("targets.bad_month", {"value": clean(row.get("target_month"))}, *where("target_month"))
            )
            continue
        unit_id = _commune(
            con,
            plan,
            where("name" if row.get("name") not in (None, "") else "code"),
            _blank(row.get("code")),
            _blank(row.get("name")),
            _blank(row.get("district")),
            scope,
            day,
        )
        if unit_id is None or level is None:
            continue
        if (unit_id, level) in seen:
            plan.errors.append(Problem("targets.duplicate", {"first": seen[(unit_id, level)]}, *where("name")))
            continue
        seen[(unit_id, level)] = r
        plan.targets.append(
            TargetRow(
                unit_id=unit_id,
                level=level,
                target_month=day,
                plan=clean(_blank(row.get("plan"))) or None,
                note=clean(_blank(row.get("note"))) or None,
            )
        )
    return plan


Where = Callable[[str], tuple]


def _rows(frame: pd.DataFrame, sheet: str, first_row: int) -> Iterator[tuple[int, dict, Where]]:
    """(Excel row, values by field, where(field) → (sheet, row, column letter)) for each non-blank row."""
    columns = list(frame.columns)
    letters = frame.attrs.get("letters") or [column_letter(i) for i in range(len(columns))]
    for i, row in enumerate(frame.to_dict("records")):
        if all(_blank(v) in (None, "") for v in row.values()):
            continue
        r = first_row + i

        def where(col: str, r: int = r) -> tuple:
            return sheet or None, r, letters[columns.index(col)] if col in columns else None

        yield r, row, where


def _blank(value):
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else value


# ---------------------------------------------------------------- plan workbooks
def _table(rows: list[list], headers: dict[str, str]) -> tuple[int, pd.DataFrame] | None:
    """The first row (of the first 15) with at least 3 known headers, and the rows under it."""
    for r, row in enumerate(rows[:15]):
        fields = [headers.get(fold(v).strip(" :*")) for v in row]
        if sum(f is not None for f in fields) >= 3:
            keep = [i for i, f in enumerate(fields) if f]
            names = [fields[i] for i in keep]
            body = [[row_[i] if i < len(row_) else None for i in keep] for row_ in rows[r + 1 :]]
            frame = pd.DataFrame(body, columns=names)
            frame.attrs["letters"] = [column_letter(i) for i in keep]
            return r + 2, frame
    return None


def import_plan(
    con: duckdb.DuckDBPyConnection,
    data: bytes,
    file_name: str,
    *,
    unit: str | None = None,
    by: str | None = None,
    dry_run: bool = False,
    before_commit: Callable[[duckdb.DuckDBPyConnection, PlanRows, datetime], None] | None = None,
) -> tuple[PlanRows, dict[str, int]]:
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
        for headers, required, reader in _SHEET_KINDS:
            table = _table(sheet.rows, headers)
            if table is None or (required and required not in table[1]):
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
        counts = {
            "targets": target_store.write_targets(con, plan.targets, now, by, source)["added"],
            "goals": target_store.write_goals(con, plan.goals, now, by, source),
            "recognitions": target_store.write_recognitions(con, plan.recognitions, now),
        }
        if before_commit is not None:  # ntm.writes: the scope check and the audit rows, in this transaction
            before_commit(con, plan, now)
    return plan, counts


def _read_targets(con, plan: PlanRows, frame: pd.DataFrame, sheet: str, first_row: int, scope) -> None:
    validate_targets(con, frame, scope, sheet, first_row, plan)


def _read_goals(con, plan: PlanRows, frame: pd.DataFrame, sheet: str, first_row: int, scope) -> None:
    for _, row, where in _rows(frame, sheet, first_row):
        try:
            year = int(float(str(row.get("year")).replace(",", ".")))
        except ValueError:
            plan.errors.append(Problem("targets.bad_year", {"value": clean(row.get("year"))}, *where("year")))
            continue
        metric = metric_of(row.get("metric"))
        if metric is None:
            plan.errors.append(Problem("targets.bad_metric", {"value": clean(row.get("metric"))}, *where("metric")))
            continue
        try:
            value = float(str(row.get("value")).replace(",", "."))
        except ValueError:
            plan.errors.append(Problem("targets.bad_value", {"value": clean(row.get("value"))}, *where("value")))
            continue
        try:
            unit = units.resolve(
                con, clean(row.get("unit")) or (scope.code if scope else ""), start=date(year, 12, 1), within=None
            )
        except units.UnitError as exc:
            plan.errors.append(Problem("targets.unit", {"detail": str(exc)}, *where("unit")))
            continue
        plan.goals.append(
            GoalRow(
                unit_id=unit.unit_id,
                year=year,
                metric=metric,
                value=value,
                plan=clean(_blank(row.get("plan"))) or None,
            )
        )


def _read_recognitions(con, plan: PlanRows, frame: pd.DataFrame, sheet: str, first_row: int, scope) -> None:
    for _, row, where in _rows(frame, sheet, first_row):
        number = clean(_blank(row.get("decision_no")))
        level = level_of(row.get("level"))
        day = row.get("decision_date")
        day = day.date() if isinstance(day, datetime) else day if isinstance(day, date) else _date_text(day)
        if level is None:
            plan.errors.append(Problem("targets.bad_level", {"value": clean(row.get("level"))}, *where("level")))
        if day is None:
            plan.errors.append(
                Problem("targets.bad_date", {"value": clean(row.get("decision_date"))}, *where("decision_date"))
            )
        if not number:
            plan.errors.append(Problem("targets.no_decision", {}, *where("decision_no")))
        if level is None or day is None or not number:
            continue
        unit_id = _commune(
            con,
            plan,
            where("name"),
            _blank(row.get("code")),
            _blank(row.get("name")),
            _blank(row.get("district")),
            scope,
            day,
        )
        if unit_id is not None:
            plan.recognitions.append(
                RecognitionRow(
                    unit_id=unit_id,
                    level=level,
                    decision_no=number,
                    decision_date=day,
                    issued_by=clean(_blank(row.get("issued_by"))) or None,
                )
            )


# (headers, the column a sheet of that kind must have, reader); tried in this order (recognition sheets
# also carry target-like columns).
_SHEET_KINDS = (
    (RECOGNITION_HEADERS, "decision_no", _read_recognitions),
    (TARGET_HEADERS, "level", _read_targets),
    (GOAL_HEADERS, None, _read_goals),
)


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
