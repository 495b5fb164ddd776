"""A province's village list (thôn, bản, khu dân cư) from a workbook or from the app, validated, all or nothing.

The workbook has a header row with a village column ("Tên thôn, bản", "Thôn", "Khu dân cư" …) and a
commune column ("Xã", "Tên xã"), optionally "Mã thôn", "Huyện" and "Loại" (Thôn, Bản …). Every row is
checked before anything is written; each error names sheet and cell. Loading adds the villages as units of
level ``village`` under their commune; a village already listed under the same commune (same name) keeps
its id and gets the new code and kind, so assessments stay attached to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import duckdb

from ntm import loads, store, units, village_units
from ntm.ingest import values
from ntm.problems import Problem, Rejected, column_letter
from ntm.text import clean, fold, name_key
from ntm.unit_lookup import UnitLookup
from ntm.village_units import KIND_WORDS, split_kind

HEADER_SCAN_ROWS = 20
MAX_NAME = 120
_VILLAGE_HEADERS = ("ten thon", "thon", "ban", "ten ban", "khu dan cu", "ten khu dan cu", "to dan pho", "xom", "ten")
_COMMUNE_HEADERS = ("xa", "ten xa", "thuoc xa", "xa, phuong", "xa/phuong", "xa (phuong")


@dataclass(frozen=True)
class VillageRow:
    """One village to load: where it came from (sheet, Excel row), its kind, name, commune and code."""

    sheet: str
    row: int
    kind: str
    name: str
    commune_id: int
    code: str | None


def _role(value: object) -> str | None:
    text = fold(clean(value)).strip(" :*")
    if not text:
        return None
    if text.startswith("ma"):
        return "code"
    if text.startswith(("huyen", "ten huyen")):
        return "district"
    if text.startswith("loai"):
        return "kind"
    if text in _COMMUNE_HEADERS or text.startswith((*_COMMUNE_HEADERS[1:], "xa ")):
        return "commune"
    if text.startswith(_VILLAGE_HEADERS):
        return "village"
    return None


def _header(rows: list[list]) -> tuple[int, dict[str, int]] | None:
    for r, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        roles: dict[str, int] = {}
        for i, value in enumerate(row):
            role = _role(value)
            if role and role not in roles:
                roles[role] = i
        if {"village", "commune"} <= roles.keys():
            return r, roles
    return None


def _kind(value: object) -> str | None:
    return KIND_WORDS.get(fold(clean(value)))


def validate(
    con: duckdb.DuckDBPyConnection, sheets, unit: units.Unit, day: date
) -> tuple[list[VillageRow], list[Problem]]:
    """Rows to load and every problem found; ``unit`` is the province or district the list belongs to."""
    problems: list[Problem] = []
    rows: list[VillageRow] = []
    tables = 0
    seen: dict[tuple[int, str], int] = {}
    codes: dict[str, int] = {}
    communes: dict[tuple[int, str], units.Unit | None] = {}
    lookup = UnitLookup(con)  # a district named on every row is looked up once
    for sheet in sheets:
        if not sheet.visible or sheet.name.startswith("_"):
            continue
        found = _header(sheet.rows)
        if found is None:
            continue
        tables += 1
        header_row, roles = found
        for r in range(header_row + 1, len(sheet.rows)):
            row = sheet.rows[r]

            def cell(role: str, row=row, roles=roles):
                i = roles.get(role)
                return row[i] if i is not None and i < len(row) else None

            def where(role: str, r=r, sheet=sheet, roles=roles):
                return sheet.name, r + 1, column_letter(roles[role])

            name, commune_text = clean(cell("village")), clean(cell("commune"))
            if not name and not commune_text:
                continue
            if not name:
                problems.append(Problem("village_list.no_name", {}, *where("village")))
                continue
            if not commune_text:
                problems.append(Problem("village_list.no_commune", {"name": name}, *where("commune")))
                continue
            if values.looks_legacy_encoded(name) or values.looks_legacy_encoded(commune_text):
                problems.append(Problem("import.legacy_font", {"text": name}, *where("village")))
                continue
            if len(name) > MAX_NAME:
                problems.append(Problem("village_list.too_long", {"limit": MAX_NAME}, *where("village")))
                continue
            district_text = clean(cell("district")) if "district" in roles else ""
            within = unit
            if district_text:
                try:
                    within = lookup.resolve(district_text, start=day, within=unit)
                except units.UnitError as exc:
                    problems.append(Problem("village_list.district", {"detail": str(exc)}, *where("district")))
                    continue
            key = (within.unit_id, name_key(commune_text))
            if key not in communes:
                try:
                    communes[key] = lookup.resolve(commune_text, start=day, within=within, prefer="commune")
                except units.UnitError as exc:
                    communes[key] = None
                    problems.append(Problem("village_list.commune", {"detail": str(exc)}, *where("commune")))
                    continue
            commune = communes[key]
            if commune is None:
                problems.append(Problem("village_list.commune_again", {"name": commune_text}, *where("commune")))
                continue
            if commune.level != "commune":
                problems.append(Problem("import.not_a_commune", {"name": commune_text}, *where("commune")))
                continue
            kind_from_name, short = split_kind(name)
            kind = kind_from_name or "Thôn"
            if "kind" in roles and clean(cell("kind")):
                stated = _kind(cell("kind"))
                if stated is None:
                    problems.append(
                        Problem(
                            "village_list.bad_kind",
                            {"value": clean(cell("kind")), "kinds": ", ".join(sorted(set(KIND_WORDS.values())))},
                            *where("kind"),
                        )
                    )
                    continue
                kind = stated
            dup = (commune.unit_id, name_key(short))
            if dup in seen:
                problems.append(
                    Problem(
                        "village_list.duplicate",
                        {"name": name, "commune": commune.short_name, "first": seen[dup]},
                        *where("village"),
                    )
                )
                continue
            seen[dup] = r + 1
            code = clean(cell("code")) if "code" in roles else ""
            raw_code = cell("code") if "code" in roles else None
            if isinstance(raw_code, float) and raw_code.is_integer():
                code = str(int(raw_code))
            if code:
                if code in codes:
                    problems.append(
                        Problem("village_list.duplicate_code", {"code": code, "first": codes[code]}, *where("code"))
                    )
                    continue
                codes[code] = r + 1
            rows.append(VillageRow(sheet.name, r + 1, kind, short, commune.unit_id, code or None))
    if tables == 0:
        problems.append(Problem("village_list.no_table", {}))
    elif not rows and not problems:
        problems.append(Problem("village_list.empty", {}))
    return rows, problems


def import_list(
    con: duckdb.DuckDBPyConnection,
    data: bytes,
    file_name: str,
    unit: units.Unit,
    day: date,
    uploaded_by: str | None = None,
) -> dict[str, int]:
    """Read, validate and load a village list workbook; ``Rejected`` (nothing written) on any problem."""
    from ntm.ingest.reader import read_workbook

    sheets = read_workbook(data, file_name)
    rows, problems = validate(con, sheets, unit, day)
    if problems:
        raise Rejected(problems)
    return load(con, rows, source="villages", file_name=file_name, raw=data, uploaded_by=uploaded_by)


def import_workbook(
    con: duckdb.DuckDBPyConnection,
    data: bytes,
    file_name: str,
    unit_text: str | None = None,
    period_text: str | None = None,
    uploaded_by: str | None = None,
) -> dict[str, int]:
    """``import_list`` with the unit and month from the options, else from the workbook's hidden ``_meta`` sheet
    (``unit_code``, ``period``), else the month of today."""
    from ntm import periods
    from ntm.ingest.reader import read_workbook

    sheets = read_workbook(data, file_name)
    meta = next(
        ({clean(r[0]): clean(r[1]) for r in s.rows if len(r) >= 2 and r[0]} for s in sheets if s.name == "_meta"), {}
    )
    unit_text, period_text = unit_text or meta.get("unit_code"), period_text or meta.get("period")
    if not unit_text:
        raise Rejected([Problem("village_list.no_unit", {})])
    try:
        day = periods.parse(period_text).end if period_text else date.today().replace(day=1)
        unit = units.resolve(con, unit_text, start=day)
    except (ValueError, units.UnitError) as exc:
        raise Rejected([Problem("import.unit", {"detail": str(exc)})]) from exc
    rows, problems = validate(con, sheets, unit, day)
    if problems:
        raise Rejected(problems)
    return load(con, rows, source="villages", file_name=file_name, raw=data, uploaded_by=uploaded_by)


def add_one(
    con: duckdb.DuckDBPyConnection,
    name: str,
    commune: units.Unit,
    *,
    kind: str | None = None,
    code: str | None = None,
    uploaded_by: str | None = None,
) -> dict[str, int]:
    """A village entered in the app, checked like a workbook row."""
    name = clean(name)
    problems = []
    if not name:
        problems.append(Problem("village_list.no_name", {}))
    elif len(name) > MAX_NAME:
        problems.append(Problem("village_list.too_long", {"limit": MAX_NAME}))
    elif values.looks_legacy_encoded(name):
        problems.append(Problem("import.legacy_font", {"text": name}))
    if commune.level != "commune":
        problems.append(Problem("import.not_a_commune", {"name": commune.name}))
    kind_from_name, short = split_kind(name)
    code = clean(code) or None
    existing = con.execute(
        "SELECT short_name, code FROM units WHERE level = 'village' AND parent_id = ?", [commune.unit_id]
    ).fetchall()
    if any(name_key(s) == name_key(short) for s, _ in existing):
        problems.append(Problem("village_list.exists", {"name": name, "commune": commune.short_name}))
    if code and con.execute("SELECT 1 FROM units WHERE level = 'village' AND code = ?", [code]).fetchall():
        problems.append(Problem("village_list.code_exists", {"code": code}))
    if problems:
        raise Rejected(problems)
    row = VillageRow("", 0, kind or kind_from_name or "Thôn", short, commune.unit_id, code)
    return load(con, [row], source="villages-app", uploaded_by=uploaded_by)


def _communes(con: duckdb.DuckDBPyConnection, unit_ids: set[int]) -> dict[int, units.Unit]:
    """``units.get`` of each id, in one query."""
    found = {
        u.unit_id: u for u in units.rows_where(con, "unit_id IN (SELECT unnest(?::INTEGER[]))", [sorted(unit_ids)])
    }
    return {uid: found[uid] if uid in found else units.get(con, uid) for uid in unit_ids}


def load(
    con: duckdb.DuckDBPyConnection,
    rows: list[VillageRow],
    *,
    source: str,
    file_name: str | None = None,
    raw: bytes | None = None,
    uploaded_by: str | None = None,
) -> dict[str, int]:
    """Add or update the villages in one transaction, logged as an upload; returns counts."""
    added = updated = 0
    with store.transaction(con):
        upload_id = con.execute("SELECT nextval('upload_id_seq')").fetchall()[0][0]
        con.execute(
            """INSERT INTO uploads (upload_id, uploaded_at, uploaded_by, file_name, sha256, source, rows, communes,
                                   status, raw, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'loaded', ?, NULL)""",
            [
                upload_id,
                datetime.now(),
                uploaded_by,
                file_name,
                loads.sha256(raw) if raw else None,
                source,
                len(rows),
                len({r.commune_id for r in rows}),
                raw,
            ],
        )
        existing = {
            (parent, name_key(short)): uid
            for uid, parent, short in con.execute(
                "SELECT unit_id, parent_id, short_name FROM units WHERE level = 'village'"
            ).fetchall()
        }
        next_id = con.execute("SELECT coalesce(max(unit_id), 0) + 1 FROM units").fetchall()[0][0]
        communes = _communes(con, {r.commune_id for r in rows})
        added_rows: dict[int, list] = {}  # unit id → the row to insert, inserted together after the loop
        for row in rows:
            commune = communes[row.commune_id]
            uid = existing.get((row.commune_id, name_key(row.name)))
            full = f"{row.kind} {row.name}"
            if uid is not None:
                if uid in added_rows:  # a village this list adds, named again: as the UPDATE would change it
                    pending = added_rows[uid]
                    pending[1], pending[4], pending[2] = (
                        row.code if row.code is not None else pending[1],
                        row.kind,
                        full,
                    )
                else:
                    con.execute(
                        "UPDATE units SET code = coalesce(?, code), kind = ?, name = ? WHERE unit_id = ?",
                        [row.code, row.kind, full, uid],
                    )
                updated += 1
                continue
            added_rows[next_id] = [
                next_id,
                row.code,
                full,
                row.name,
                row.kind,
                commune.unit_id,
                commune.district_id,
                commune.province_id,
                name_key(row.name),
                fold(row.name),
            ]
            existing[(row.commune_id, name_key(row.name))] = next_id
            next_id += 1
            added += 1
        if added_rows:  # one statement for the list (a statement per village cost ~5 ms each)
            columns = list(zip(*added_rows.values()))
            con.execute(
                """INSERT INTO units (unit_id, code, name, short_name, level, kind, parent_id, district_id,
                                      province_id, valid_from, valid_to, historical, name_key, name_fold)
                   SELECT unnest(?::INTEGER[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]),
                          'village', unnest(?::VARCHAR[]), unnest(?::INTEGER[]), unnest(?::INTEGER[]),
                          unnest(?::INTEGER[]), NULL, NULL, false, unnest(?::VARCHAR[]), unnest(?::VARCHAR[])""",
                [list(c) for c in columns],
            )
    village_units.forget_lists()
    return {"added": added, "updated": updated, "upload_id": int(upload_id)}
