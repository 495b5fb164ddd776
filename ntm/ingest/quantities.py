"""Resources, works and activities from a workbook (monthly, quarterly or yearly), and its template.

The table has a header row with "Mã chỉ tiêu" or "Chỉ tiêu", "Giá trị" (or "Thực hiện", "Kết quả"), and
optionally "Đơn vị" (the commune or the district; blank = the unit uploaded for), "Đơn vị tính", "Kỳ"
("3/2023", "Quý I/2023", "2023"; blank = the upload's period) and "Kế hoạch năm". Numbers are read the
Vietnamese way ("60.533", "2,1"); "triệu đồng", "ha", "m" are converted to the catalogue's tỷ đồng, m², km.
Every problem names sheet and cell, and nothing is written unless the whole file is valid.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date

import duckdb
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection

from ntm import periods, resources, units
from ntm.problems import Problem, column_letter
from ntm.text import clean, fold
from ntm.unit_lookup import UnitLookup

META_SHEET = "_meta"
HEADER_SCAN_ROWS = 20
# stated unit of measure (folded) → (catalogue unit, factor)
CONVERSIONS = {
    "ty dong": ("tỷ đồng", 1.0),
    "ty": ("tỷ đồng", 1.0),
    "trieu dong": ("tỷ đồng", 0.001),
    "trieu": ("tỷ đồng", 0.001),
    "m2": ("m²", 1.0),
    "m²": ("m²", 1.0),
    "ha": ("m²", 10_000.0),
    "km": ("km", 1.0),
    "m": ("km", 0.001),
}
_QUARTER = re.compile(r"^(?:quy|q)\s*(i{1,3}|iv|[1-4])\s*(?:[/\-.]|nam)?\s*(\d{4})$")
_QUARTER_ISO = re.compile(r"^(\d{4})\s*-?\s*q([1-4])$")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


@dataclass
class Parsed:
    values: pd.DataFrame  # unit_id, period, months, quantity, value
    plans: pd.DataFrame  # unit_id, year, quantity, value
    errors: list[Problem] = field(default_factory=list)


def _role(value: object) -> str | None:
    text = fold(clean(value)).strip(" :*")
    if text.startswith(("don vi tinh", "dvt")):
        return "uom"
    if text.startswith(("ma chi tieu", "ma")):
        return "code"
    if text.startswith(("chi tieu", "noi dung", "ten chi tieu")):
        return "name"
    if text.startswith(("don vi", "xa", "ten xa", "ten don vi")):
        return "unit"
    if text.startswith(("ke hoach", "kh nam", "kh")):
        return "plan"
    if text.startswith(("ky", "thang", "quy")):
        return "period"
    if text.startswith(("gia tri", "thuc hien", "ket qua", "so luong", "so lieu")):
        return "value"
    return None


def number(value: object) -> float | str | None:
    """A cell as a number: 60533, "60.533", "2,1", "1.234,5" → float; blank → None; else the text."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return clean(value)
    if isinstance(value, (int, float)):
        return float(value)
    text = clean(value).replace(" ", "")
    if not text:
        return None
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".")
    elif "," in text:
        text = text.replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        text = text.replace(".", "")
    try:
        return float(text)
    except ValueError:
        return clean(value)


def _not_a_number(v: float | str | None) -> bool:
    """Text, a negative number, NaN or an absurd magnitude (a value must be a plain non-negative number)."""
    return isinstance(v, str) or (v is not None and not (0 <= v <= 1e12))


def period_span(value: object) -> tuple[date, int] | None:
    """(last month, months covered) of "3/2023", "2023-03", "Quý I/2023", "2023-Q1", "2023"; else None."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
        value = str(int(value))
    text = fold(clean(value)).replace("thang", "").strip()
    m = _QUARTER.match(text) or None
    if m:
        quarter = _ROMAN.get(m.group(1)) or int(m.group(1))
        return date(int(m.group(2)), quarter * 3, 1), 3
    m = _QUARTER_ISO.match(text)
    if m:
        return date(int(m.group(1)), int(m.group(2)) * 3, 1), 3
    m = re.fullmatch(r"(\d{1,2})\s*[/\-.]\s*(\d{4})", text)
    if m and 1 <= int(m.group(1)) <= 12:
        return date(int(m.group(2)), int(m.group(1)), 1), 1
    try:
        parsed = periods.parse(text)
    except ValueError:
        return None
    return (parsed.end, 12) if parsed.is_year else (parsed.end, 1)


def _covers(end: date, months: int) -> set[tuple[int, int]]:
    return {((d := periods.shift_months(end, -k)).year, d.month) for k in range(months)}


def read(
    con: duckdb.DuckDBPyConnection, sheets, unit_text: str | None = None, period_text: str | None = None
) -> Parsed:
    """Validate every row of the workbook's quantity tables; nothing is written here."""
    errors: list[Problem] = []
    meta = next(
        ({clean(r[0]): clean(r[1]) for r in s.rows if len(r) >= 2 and r[0]} for s in sheets if s.name == META_SHEET), {}
    )
    unit_text, period_text = unit_text or meta.get("unit_code"), period_text or meta.get("period")
    default_span = period_span(period_text) if period_text else None
    if period_text and default_span is None:
        errors.append(Problem("resources.bad_period", {"text": period_text}))
    if not unit_text:
        return Parsed(pd.DataFrame(), pd.DataFrame(), [*errors, Problem("resources.no_unit", {})])
    lookup = UnitLookup(con)  # one query per name and span of days, not per period
    scopes: dict[date, units.Unit | units.UnitError] = {}
    inside: dict[tuple, units.Unit | units.UnitError] = {}

    def scope_on(day: date) -> units.Unit | units.UnitError:
        """The unit the file reports on, among the units valid in the row's period."""
        if day not in scopes:
            try:
                scopes[day] = lookup.resolve(unit_text, start=day)
            except units.UnitError as exc:
                scopes[day] = exc
        return scopes[day]

    catalogue = resources.by_code()
    by_name = {fold(q.name_vi): q for q in catalogue.values()} | {fold(q.name_en): q for q in catalogue.values()}
    rows: list[tuple] = []
    plans: dict[tuple[int, int, str], float] = {}
    seen: dict[tuple[int, str], list[tuple[set, int]]] = {}
    plan_seen: dict[tuple[int, int, str], tuple[float, int]] = {}
    tables = 0
    for sheet in sheets:
        if sheet.name == META_SHEET or not sheet.visible:
            continue
        header = next(
            (
                (r, roles)
                for r, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS])
                if (roles := _roles(row)) and "value" in roles and ({"code", "name"} & roles.keys())
            ),
            None,
        )
        if header is None:
            continue
        tables += 1
        header_row, roles = header
        for r in range(header_row + 1, len(sheet.rows)):
            row = sheet.rows[r]

            def cell(role, row=row, roles=roles):
                i = roles.get(role)
                return row[i] if i is not None and i < len(row) else None

            def at(role, r=r, sheet=sheet, roles=roles):
                return sheet.name, r + 1, column_letter(roles[role])

            code, name = clean(cell("code")), clean(cell("name"))
            if not code and not name:
                continue
            q = catalogue.get(code) or by_name.get(fold(name))
            if q is None:
                errors.append(Problem("resources.unknown", {"code": code or name}, *at("code" if code else "name")))
                continue
            factor = 1.0
            stated_uom = clean(cell("uom"))
            if stated_uom and fold(stated_uom) != fold(q.unit_vi) and fold(stated_uom) != fold(q.unit_en):
                target, factor = CONVERSIONS.get(fold(stated_uom), (None, 1.0))
                if target != q.unit_vi:
                    errors.append(
                        Problem(
                            "resources.bad_uom",
                            {"stated": stated_uom, "unit": q.unit_vi, "name": q.name_vi},
                            *at("uom"),
                        )
                    )
                    continue
            span = default_span
            raw_period = cell("period")
            if raw_period not in (None, ""):
                span = period_span(raw_period)
                if span is None:
                    errors.append(Problem("resources.bad_period", {"text": clean(raw_period)}, *at("period")))
                    continue
            if span is None:
                errors.append(Problem("resources.no_period", {}, sheet.name, r + 1))
                continue
            day = periods.shift_months(span[0], 1 - span[1])  # the span's first month: "2025" is Văn Quan's too
            scope = scope_on(day)
            if isinstance(scope, units.UnitError):
                errors.append(Problem("import.unit", {"detail": str(scope)}, sheet.name, r + 1))
                continue
            target_unit = scope
            unit_cell = clean(cell("unit"))
            if unit_cell and fold(unit_cell) not in (fold(scope.short_name), fold(scope.name)):
                key = (scope.unit_id, day, fold(unit_cell))
                if key not in inside:  # one look-up per commune and period, not per row
                    try:
                        inside[key] = lookup.resolve(unit_cell, start=day, within=scope, prefer="commune")
                    except units.UnitError as exc:
                        inside[key] = exc
                found = inside[key]
                if isinstance(found, units.UnitError):
                    errors.append(Problem("resources.unit", {"detail": str(found)}, *at("unit")))
                    continue
                target_unit = found
            if q.level == "district" and target_unit.level == "commune" and scope.level != "commune":
                errors.append(Problem("resources.district_only", {"name": q.name_vi}, *at("unit")))
                continue
            value = number(cell("value"))
            plan = number(cell("plan"))
            bad = [(v, role) for v, role in ((value, "value"), (plan, "plan")) if _not_a_number(v)]
            for v, role in bad:
                errors.append(Problem("resources.bad_number", {"value": str(v)}, *at(role)))
            if bad or isinstance(value, str) or isinstance(plan, str):
                continue
            seen_key = (target_unit.unit_id, q.code)
            if value is not None:
                months = _covers(*span)
                for other_months, first in seen.get(seen_key, []):
                    if months & other_months:
                        errors.append(Problem("resources.repeated", {"name": q.name_vi, "first": first}, *at("value")))
                        break
                else:
                    seen.setdefault(seen_key, []).append((months, r + 1))
                    rows.append((target_unit.unit_id, span[0], span[1], q.code, value * factor, sheet.name, r + 1))
            if plan is not None:
                plan_key = (target_unit.unit_id, span[0].year, q.code)
                if plan_key in plan_seen and plan_seen[plan_key][0] != plan * factor:
                    errors.append(
                        Problem(
                            "resources.plan_differs", {"name": q.name_vi, "first": plan_seen[plan_key][1]}, *at("plan")
                        )
                    )
                plan_seen.setdefault(plan_key, (plan * factor, r + 1))
                plans[plan_key] = plan * factor
    if tables == 0:
        errors.append(Problem("resources.no_table", {}))
    elif not rows and not plans and not errors:
        errors.append(Problem("resources.empty", {}))
    values = pd.DataFrame(rows, columns=["unit_id", "period", "months", "quantity", "value", "sheet", "row"])
    errors += _overlaps(con, values)
    plan_frame = pd.DataFrame(
        [(u, y, q, v) for (u, y, q), v in plans.items()], columns=["unit_id", "year", "quantity", "value"]
    )
    return Parsed(values.drop(columns=["sheet", "row"]), plan_frame, errors)


def _roles(row: list) -> dict[str, int]:
    roles: dict[str, int] = {}
    for i, value in enumerate(row):
        role = _role(value)
        if role and role not in roles:
            roles[role] = i
    return roles


def _overlaps(con: duckdb.DuckDBPyConnection, values: pd.DataFrame) -> list[Problem]:
    """Values that would be counted twice with what is stored: the same quantity over overlapping months on
    the same unit (another span), or on a district and one of its communes."""
    if values.empty:
        return []
    con.register("incoming_spans", values.assign(period=pd.to_datetime(values["period"]).dt.date))
    try:
        rows = con.execute(
            """SELECT DISTINCT i.sheet, i.row, i.quantity, x.short_name, q.period, q.months
               FROM incoming_spans i JOIN units u ON u.unit_id = i.unit_id
               JOIN quantity_values q ON q.quantity = i.quantity
               JOIN units x ON x.unit_id = q.unit_id
               WHERE (q.unit_id = i.unit_id AND (q.period <> i.period OR q.months <> i.months)
                      OR q.unit_id <> i.unit_id AND (x.parent_id = i.unit_id OR u.parent_id = q.unit_id))
                 AND q.period > i.period - to_months(CAST(i.months AS INTEGER)) AND q.period - to_months(q.months) < i.period
               ORDER BY 1, 2"""
        ).fetchall()
        rows += con.execute(  # within the file: a district total beside its communes' values
            """SELECT DISTINCT i.sheet, i.row, i.quantity, x.short_name, j.period, j.months
               FROM incoming_spans i JOIN units u ON u.unit_id = i.unit_id
               JOIN incoming_spans j ON j.quantity = i.quantity AND j.unit_id <> i.unit_id
               JOIN units x ON x.unit_id = j.unit_id
               WHERE x.parent_id = i.unit_id
                 AND j.period > i.period - to_months(CAST(i.months AS INTEGER)) AND j.period - to_months(j.months) < i.period
               ORDER BY 1, 2"""
        ).fetchall()
    finally:
        con.unregister("incoming_spans")
    names = resources.by_code()
    return [
        Problem(
            "resources.overlap",
            {
                "name": names[quantity].name_vi,
                "unit": unit,
                "period": f"{period.month}/{period.year}",
                "months": months,
            },
            sheet,
            int(row),
        )
        for sheet, row, quantity, unit, period, months in rows
    ]


def template(con: duckdb.DuckDBPyConnection, unit: units.Unit, period: periods.Period) -> bytes:
    """A workbook staff fill: one row per quantity for the unit (copy a row per commune to report by commune)."""
    book = Workbook()
    sheet = book.worksheets[0]
    sheet.title = "Nguon luc"
    label = f"{period.end.month}/{period.end.year}" if not period.is_year else str(period.year)
    sheet.append([f"KẾT QUẢ HUY ĐỘNG NGUỒN LỰC, CÔNG TRÌNH VÀ HOẠT ĐỘNG – {unit.name.upper()} – KỲ {label}"])
    sheet.append(["Ghi “Đơn vị” là tên xã để báo cáo theo xã (chép thêm dòng); để trống là toàn " + unit.name + "."])
    sheet.append([])
    headers = ["STT", "Đơn vị", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kỳ", "Giá trị", "Kế hoạch năm"]
    sheet.append(headers)
    bold = Font(bold=True)
    for col in range(1, len(headers) + 1):
        c = sheet.cell(row=4, column=col)
        c.font = bold
        c.fill = PatternFill("solid", fgColor="DDEBF7")
        c.alignment = Alignment(wrap_text=True, vertical="center")
    for k, q in enumerate(resources.catalogue(), start=1):
        sheet.append([k, unit.short_name, q.code, q.name_vi, q.unit_vi, label, None, None])
        for col in (7, 8):
            sheet.cell(row=4 + k, column=col).protection = Protection(locked=False)
    for letter, width in zip("ABCDEFGH", (6, 18, 18, 48, 12, 10, 14, 14)):
        sheet.column_dimensions[letter].width = width
    meta = book.create_sheet(META_SHEET)
    meta.append(["unit_code", unit.code or unit.name])
    meta.append(["period", period.text])
    meta.append(["kind", "quantities"])
    meta.sheet_state = "hidden"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def import_file(
    con: duckdb.DuckDBPyConnection,
    data: bytes,
    file_name: str,
    *,
    unit: str | None = None,
    period: str | None = None,
    dry_run: bool = False,
    uploaded_by: str | None = None,
) -> tuple[Parsed, int | None]:
    """Read, validate and (unless ``dry_run`` or rejected) load a quantities workbook: (parsed, upload id)."""
    from ntm.ingest.reader import read_workbook
    from ntm.problems import Rejected

    try:
        sheets = read_workbook(data, file_name)
    except Rejected as exc:
        return Parsed(pd.DataFrame(), pd.DataFrame(), exc.errors), None
    parsed = read(con, sheets, unit, period)
    if parsed.errors or dry_run:
        return parsed, None
    return parsed, resources.load(
        con, parsed.values, parsed.plans, file_name=file_name, raw=data, uploaded_by=uploaded_by
    )
