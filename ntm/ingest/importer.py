"""One upload, end to end: read → find tables → validate every cell → load in one transaction.

Nothing is written unless the whole file is valid. What the file states (hidden template
metadata, title rows, sheet names) is used where the caller gave no option; options win.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import pandas as pd

from ntm import catalog, periods, store, units
from ntm.ingest import values
from ntm.ingest.layout import Table, as_period_text, find_table, is_total_row, period_from_sheet_name
from ntm.ingest.preview import preview
from ntm.ingest.reader import Sheet, read_workbook
from ntm.problems import Problem, Rejected, column_letter
from ntm.text import clean, fold, name_key, unit_prefix

META_SHEET = "_meta"
DISTRICT_PREFIXES = ("huyện", "thành phố", "thị xã", "quận")  # group rows in a province sheet: "Huyện Văn Quan"
COMMUNE_SETS = ("ntm-2016", "ntm-2021", "nang-cao-2021", "ntm-2026")


@dataclass
class ImportResult:
    status: str  # "loaded" | "rejected" | "dry-run"
    upload_id: int | None = None
    rows: int = 0
    communes: int = 0
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    changes: list[dict] = field(default_factory=list)
    missing: list[dict] = field(default_factory=list)
    facts: pd.DataFrame | None = None

    def as_json(self, lang: str = "vi") -> dict:
        result = {
            "status": self.status,
            "upload_id": self.upload_id,
            "rows": self.rows,
            "communes": self.communes,
            "errors": [p.as_json(lang) for p in self.errors],
            "warnings": [p.as_json(lang) for p in self.warnings],
        }
        if self.status == "dry-run":
            result["changes"] = self.changes
            result["missing"] = self.missing
        return result


@dataclass
class _Context:
    con: duckdb.DuckDBPyConnection
    unit_text: str | None
    period_text: str | None
    set_id: str | None
    accept_new_units: bool
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    # (parent id, name key) → (placeholder id, name as written) for communes added with --accept-new-units
    new_units: dict[tuple[int, str], tuple[int, str]] = field(default_factory=dict)
    # (container id, month) → {("code" | "name", key): [unit ids]}: one query per district and month, not per row
    commune_index: dict[tuple[int, object], dict[tuple[str, str], list[int]]] = field(default_factory=dict)

    def exact_commune(self, container: units.Unit, day, kind: str, key: str) -> int | None:
        """The one commune in ``container`` on ``day`` with exactly this code or name key, else None."""
        index = self.commune_index.get((container.unit_id, day))
        if index is None:
            index = {}
            for row in units.communes_under(self.con, container, day, day, rural_only=False).itertuples():
                index.setdefault(("code", row.code), []).append(int(row.unit_id))
                index.setdefault(("name", name_key(row.name)), []).append(int(row.unit_id))
            self.commune_index[(container.unit_id, day)] = index
        hits = index.get((kind, key), [])
        return hits[0] if len(hits) == 1 else None

    def error(self, key: str, sheet=None, row=None, column=None, **params) -> None:
        self.errors.append(Problem(key, params, sheet, row, column))

    def warn(self, key: str, sheet=None, row=None, column=None, **params) -> None:
        self.warnings.append(Problem(key, params, sheet, row, column, severity="warning"))


def import_file(
    con: duckdb.DuckDBPyConnection,
    data: bytes,
    file_name: str,
    *,
    unit: str | None = None,
    period: str | None = None,
    set_id: str | None = None,
    accept_new_units: bool = False,
    dry_run: bool = False,
    uploaded_by: str | None = None,
    layer: str = "self",
) -> ImportResult:
    """Validate ``data`` and, unless ``dry_run``, load it as one upload of the assessment ``layer``
    (``self`` reports, ``appraised`` district/province appraisal, ``recognised``)."""
    if layer not in store.LAYERS:
        raise ValueError(f"unknown layer {layer!r}")
    ctx = _Context(con, unit, period, set_id, accept_new_units)
    try:
        sheets = read_workbook(data, file_name)
    except Rejected as exc:
        return ImportResult("rejected", errors=exc.errors)
    meta = _meta(sheets)
    ctx.unit_text = ctx.unit_text or meta.get("unit_code")
    ctx.period_text = ctx.period_text or meta.get("period")
    ctx.set_id = ctx.set_id or meta.get("set_id")
    if ctx.set_id:
        try:
            catalog.require_set(con, ctx.set_id)
        except LookupError:
            ctx.error("import.unknown_set", set_id=ctx.set_id)
            return ImportResult("rejected", errors=ctx.errors)
    facts: list[pd.DataFrame] = []
    indicators: list[pd.DataFrame] = []
    tables = 0
    for sheet in sheets:
        if sheet.name == META_SHEET or not sheet.visible:
            continue
        table = find_table(sheet.name, sheet.rows, _criterion_names(con, ctx.set_id))
        if table is None:
            continue  # an instructions sheet
        tables += 1
        _read_table(ctx, sheet, table, facts, indicators)
    if tables == 0:
        ctx.error("import.no_table")
    frame = pd.DataFrame(facts, columns=["unit_id", "period", "set_id", "criterion_no", "status"]).assign(layer=layer)
    if not ctx.errors and frame.empty:
        ctx.error("import.empty")
    result = ImportResult(
        "rejected",
        errors=ctx.errors,
        warnings=ctx.warnings,
        rows=len(frame),
        communes=frame["unit_id"].nunique() if len(frame) else 0,
        facts=frame,
    )
    if ctx.errors:
        return result
    if dry_run:
        result.status = "dry-run"
        result.changes, result.missing = preview(con, frame)
        return result
    ind = pd.DataFrame(
        indicators, columns=["unit_id", "period", "set_id", "indicator_code", "value", "text_value"]
    ).assign(layer=layer)
    result.upload_id = _load(ctx, frame, ind, data, file_name, uploaded_by)
    result.status = "loaded"
    return result


def _meta(sheets: list[Sheet]) -> dict[str, str]:
    for sheet in sheets:
        if sheet.name == META_SHEET:
            return {clean(r[0]): clean(r[1]) for r in sheet.rows if len(r) >= 2 and r[0]}
    return {}


def _criterion_names(con: duckdb.DuckDBPyConnection, set_id: str | None) -> dict[str, int]:
    wanted = [set_id] if set_id else list(COMMUNE_SETS)
    rows = con.execute(
        f"SELECT name_vi, criterion_no FROM criteria WHERE set_id IN ({','.join('?' * len(wanted))})", wanted
    ).fetchall()
    return {fold(name): no for name, no in rows}


def _scope(ctx: _Context, sheet: Sheet, table: Table) -> tuple[units.Unit, periods.Period, str] | None:
    """The unit, period and set a sheet's rows belong to."""
    year_hint = int(table.stated["period"][:4]) if "period" in table.stated else None
    period_text = ctx.period_text or period_from_sheet_name(sheet.name, year_hint) or table.stated.get("period")
    if table.layout == "long" and table.by_role("period") and not period_text:
        column = table.by_role("period")[0].index  # periods per row: the first one sets unit and set context
        period_text = next(
            (
                p
                for row in sheet.rows[table.header_row + 1 :]
                if column < len(row) and (p := as_period_text(row[column]))
            ),
            None,
        )
    if not period_text:
        ctx.error("import.no_period", sheet.name)
        return None
    try:
        period = periods.parse(period_text)
    except ValueError:
        ctx.error("import.bad_period", sheet.name, text=period_text)
        return None
    unit_text = ctx.unit_text or table.stated.get("district")
    if not unit_text:
        ctx.error("import.no_unit", sheet.name)
        return None
    try:
        unit = units.resolve(ctx.con, unit_text, start=period.start)
    except units.UnitError as exc:
        ctx.errors.append(Problem("import.unit", {"detail": str(exc)}, sheet.name))
        return None
    set_id = ctx.set_id or table.stated.get("set") or catalog.set_for_period(ctx.con, period.start)
    if set_id is None:
        ctx.error("import.no_set", sheet.name, period=period.text)
        return None
    return unit, period, set_id


def _read_table(ctx: _Context, sheet: Sheet, table: Table, facts: list, indicators: list) -> None:
    scope = _scope(ctx, sheet, table)
    if scope is None:
        return
    unit, period, set_id = scope
    valid = set(catalog.criteria(ctx.con, set_id)["criterion_no"].astype(int))
    crit_cols = table.by_role("criterion")
    if table.layout == "wide":
        for col in crit_cols:
            if col.criterion not in valid:
                ctx.error(
                    "import.criterion_outside",
                    sheet.name,
                    col.header_row + 1,
                    column_letter(col.index),
                    criterion=col.criterion,
                    set_id=set_id,
                    n=len(valid),
                )
        if len({c.criterion for c in crit_cols}) != len(crit_cols):
            ctx.error("import.criterion_repeated", sheet.name, table.header_row + 1)
    name_col = next(iter(table.by_role("name")), None)
    code_col = next(iter(table.by_role("code")), None)
    key_col = name_col or code_col  # the column a row's problems point at
    if key_col is None:
        ctx.error("import.no_name_column", sheet.name, table.header_row + 1)
        return
    marks_mode = _uses_marks(sheet, table, crit_cols)
    seen: dict[tuple[int, object], int] = {}
    district = unit
    long_rows: dict[tuple[int, object], dict[int, str]] = {}
    for r in range(table.header_row + 1, len(sheet.rows)):
        row = sheet.rows[r]
        cell = lambda col, row=row: row[col.index] if col is not None and col.index < len(row) else None  # noqa: E731
        name, code_value = clean(cell(name_col)), cell(code_col)
        marks = [cell(c) for c in crit_cols]
        if not name and code_value in (None, "") and all(m in (None, "") for m in marks):
            continue  # blank row
        if name and is_total_row(name):
            continue
        if unit_prefix(name) in DISTRICT_PREFIXES and all(m in (None, "") for m in marks):
            district = _group_unit(ctx, name, unit, period) or unit  # a district group row in a province sheet
            continue
        if name and name_col is not None and values.looks_legacy_encoded(name):
            ctx.error("import.legacy_font", sheet.name, r + 1, column_letter(name_col.index), text=name)
            continue
        commune = _commune(ctx, sheet.name, r, name_col, code_col, name, code_value, district, unit, period)
        if commune is None:
            continue
        if table.layout == "long":
            _long_row(ctx, sheet, table, r, row, commune, period, valid, long_rows)
            continue
        key = (commune, period.start)
        if key in seen:
            ctx.error(
                "import.duplicate",
                sheet.name,
                r + 1,
                column_letter(key_col.index),
                name=name or code_value,
                first=seen[key],
            )
            continue
        seen[key] = r + 1
        met = 0
        for col in crit_cols:
            if col.criterion not in valid:
                continue
            status = _cell_status(ctx, sheet, r, col, cell(col), marks_mode)
            if status is None:
                continue
            met += status == "met"
            facts.append((commune, period.start, set_id, col.criterion, status))
        for col in table.by_role("total"):
            stated = values.count(cell(col))
            if stated is not None and stated != met and (r, col.index) not in sheet.special_cells:
                ctx.warn(
                    "import.total_mismatch", sheet.name, r + 1, column_letter(col.index), stated=stated, counted=met
                )
        for col in table.by_role("indicator"):
            raw = cell(col)
            if raw in (None, ""):
                continue
            try:  # Vietnamese decimals: "10,5"
                number = float(raw) if isinstance(raw, (int, float)) else float(clean(raw).replace(",", "."))
                indicators.append((commune, period.start, set_id, col.indicator, number, None))
            except ValueError:
                indicators.append((commune, period.start, set_id, col.indicator, None, clean(raw)))
    for (commune, month), statuses in long_rows.items():
        facts.extend((commune, month, set_id, c, s) for c, s in statuses.items())


def _uses_marks(sheet: Sheet, table: Table, crit_cols) -> bool:
    """A sheet that marks met criteria with x (blank = not met) rather than writing every status."""
    for row in sheet.rows[table.header_row + 1 :]:
        for col in crit_cols:
            value = row[col.index] if col.index < len(row) else None
            if isinstance(value, str) and fold(value) in ("x", "✓", "✔", "v"):
                return True
    return False


def _cell_status(ctx, sheet: Sheet, r: int, col, value, marks_mode: bool) -> str | None:
    where = (sheet.name, r + 1, column_letter(col.index))
    special = sheet.special_cells.get((r, col.index))
    if special:
        ctx.error("import.formula_no_value" if special == "formula" else "import.error_cell", *where)
        return None
    status = values.status(value)
    if status == "":
        if marks_mode:
            return "not_met"
        ctx.error("import.blank", *where, criterion=col.criterion)
        return None
    if status is None:
        ctx.error("import.bad_mark", *where, value=clean(value), criterion=col.criterion)
    return status


def _group_unit(ctx: _Context, name: str, unit: units.Unit, period: periods.Period) -> units.Unit | None:
    try:
        return units.resolve(ctx.con, name, start=period.start, within=unit)
    except units.UnitError:
        return None


def _commune(
    ctx: _Context,
    sheet: str,
    r: int,
    name_col,
    code_col,
    name: str,
    code_value,
    district: units.Unit,
    unit: units.Unit,
    period: periods.Period,
) -> int | None:
    """The commune a row names: its code wins; then the name within the district; else an error."""
    code = values.code(code_value)
    if code and (found_id := ctx.exact_commune(unit, period.start, "code", code)):
        return found_id
    if name and not code and (found_id := ctx.exact_commune(district, period.start, "name", name_key(name))):
        return found_id
    if code:
        try:
            return units.resolve(ctx.con, code, start=period.start, within=unit, prefer="commune").unit_id
        except units.UnitError:
            if not name:
                ctx.error("import.unknown_code", sheet, r + 1, column_letter(code_col.index), code=code, unit=unit.name)
                return None
    if not name:
        ctx.error("import.no_name", sheet, r + 1, column_letter((name_col or code_col).index))
        return None
    try:
        found = units.resolve(ctx.con, name, start=period.start, within=district, prefer="commune")
    except units.AmbiguousUnit as exc:
        ctx.error(
            "import.ambiguous_commune",
            sheet,
            r + 1,
            column_letter(name_col.index),
            name=name,
            candidates="; ".join(str(c) for c in exc.candidates),
        )
        return None
    except units.UnitNotFound as exc:
        if ctx.accept_new_units and unit.level != "commune":
            return _new_unit(ctx, sheet, r, name_col, name, district)
        ctx.error(
            "import.unknown_commune",
            sheet,
            r + 1,
            column_letter(name_col.index),
            name=name,
            unit=district.name,
            candidates=", ".join(str(c) for c in exc.candidates) or "–",
        )
        return None
    if found.level != "commune":
        ctx.error("import.not_a_commune", sheet, r + 1, column_letter(name_col.index), name=name)
        return None
    if (
        name_key(name) != name_key(found.short_name)
        and not ctx.con.execute(
            "SELECT 1 FROM unit_aliases WHERE unit_id = ? AND alias_key = ?", [found.unit_id, name_key(name)]
        ).fetchall()
    ):
        ctx.warn("import.name_fuzzy", sheet, r + 1, column_letter(name_col.index), name=name, official=found.short_name)
    return found.unit_id


def _new_unit(ctx: _Context, sheet: str, r: int, name_col, name: str, parent: units.Unit) -> int:
    key = (parent.unit_id, name_key(name))
    if key not in ctx.new_units:
        ctx.new_units[key] = (-(len(ctx.new_units) + 1), name)  # placeholder id until the load's transaction
    ctx.warn("import.new_unit", sheet, r + 1, column_letter(name_col.index), name=name, parent=parent.name)
    return ctx.new_units[key][0]


def _long_row(
    ctx, sheet: Sheet, table: Table, r: int, row: list, commune: int, period: periods.Period, valid: set[int], out: dict
) -> None:
    def cell(role):
        cols = table.by_role(role)
        return row[cols[0].index] if cols and cols[0].index < len(row) else None, cols[0] if cols else None

    month = period.start
    raw_period, period_col = cell("period")
    if period_col is not None and ctx.period_text is None:
        text = as_period_text(raw_period)
        if text is None:
            ctx.error("import.bad_period", sheet.name, r + 1, column_letter(period_col.index), text=clean(raw_period))
            return
        month = periods.parse(text).start
    raw_no, no_col = cell("criterion_no")
    found = values.count(raw_no)
    if found is None or found not in valid:
        ctx.error(
            "import.criterion_outside",
            sheet.name,
            r + 1,
            column_letter(no_col.index),
            criterion=clean(raw_no),
            set_id="",
            n=len(valid),
        )
        return
    raw_status, status_col = cell("status")
    status = values.status(raw_status)
    if not status:
        ctx.error(
            "import.bad_mark",
            sheet.name,
            r + 1,
            column_letter(status_col.index),
            value=clean(raw_status),
            criterion=found,
        )
        return
    statuses = out.setdefault((commune, month), {})
    if found in statuses:
        ctx.error("import.duplicate", sheet.name, r + 1, column_letter(no_col.index), name=f"{found}", first="?")
        return
    statuses[found] = status


def _load(
    ctx: _Context, frame: pd.DataFrame, ind: pd.DataFrame, data: bytes, file_name: str, uploaded_by: str | None
) -> int:
    con = ctx.con
    with store.transaction(con):
        if ctx.new_units:
            mapping = {
                placeholder: units.add_historical_unit(con, name, units.get(con, parent_id)).unit_id
                for (parent_id, _), (placeholder, name) in ctx.new_units.items()
            }
            frame["unit_id"] = frame["unit_id"].map(lambda u: mapping.get(u, u))
            if len(ind):
                ind["unit_id"] = ind["unit_id"].map(lambda u: mapping.get(u, u))
        return store.load_facts(
            con,
            frame,
            source="import",
            indicators=ind if len(ind) else None,
            file_name=file_name,
            raw=data,
            uploaded_by=uploaded_by,
            in_transaction=True,
        )
