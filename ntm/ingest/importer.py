"""One upload, one straight pipeline, a typed value at each step:

bytes → checked grids (``reader``, ``grid``) → candidate readings (``candidates``, scored by ``scoring``)
→ the chosen reading per sheet (``Choice``) → records (``extract``) → facts (one frame, ``facts``)
→ validation (every finding grouped and capped, ``findings``) → one load (``loads.load_facts``).

Nothing is written unless the whole file is valid. What the file states (hidden template metadata, title
rows, sheet names) is used where the caller gave no option; options win.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace

import duckdb
import pandas as pd

from ntm import catalog, loads, periods, store, units
from ntm.faults import StoreFault
from ntm.i18n import Phrase, Phrases
from ntm.ingest import facts as facts_mod
from ntm.ingest import grid as grid_mod
from ntm.ingest import profiles, scoring
from ntm.ingest.candidates import Context, readings
from ntm.ingest.changes import ChangeList, change_list
from ntm.ingest.findings import Findings, grouped
from ntm.ingest.gc_pause import while_paused
from ntm.ingest.preview import preview
from ntm.ingest.reader import Parsing, Sheet, parse_ahead
from ntm.ingest.reading import Choice, Reading
from ntm.ingest.resolve import Gazetteer, Resolver, names_a_unit
from ntm.ingest.sets import SetCatalogue
from ntm.ingest.vocab import Vocabulary, title
from ntm.problems import Problem, Rejected
from ntm.text import clean

META_SHEET = "_meta"
COMMUNE_SETS = ("ntm-2016", "ntm-2021", "nang-cao-2021", "ntm-2026")
TITLE_ROWS = 12  # rows above (and at the top of) a table searched for what the title states


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
    layout: Choice | None = None  # the least sure of the sheets' chosen readings
    choices: list[Choice] = field(default_factory=list)  # every sheet's
    profile: str | None = None  # the layout profile a sheet was read with (re-checked), if any
    fingerprints: dict[str, str] = field(default_factory=dict)  # sheet → fingerprint of its chosen reading
    unit_id: int | None = None  # the unit the file reports on, as option, title or database gave it
    change_list: ChangeList | None = None  # new / replaces / unchanged / copied, communes with no row
    left_out: int = 0  # "copied, not edited" commune-months not loaded

    def as_json(self, lang: str = "vi") -> dict:
        result = {
            "status": self.status,
            "upload_id": self.upload_id,
            "rows": self.rows,
            "communes": self.communes,
            "layout": {**self.layout.as_json(), "profile": self.profile} if self.layout else None,
            "errors": [p.as_json(lang) for p in self.errors],
            "warnings": [p.as_json(lang) for p in self.warnings],
        }
        if self.status == "dry-run":
            result["changes"] = self.changes
            result["missing"] = self.missing
            if self.change_list is not None:
                result["change_list"] = self.change_list.as_json()
        return result


@dataclass(frozen=True)
class Options:
    unit: str | None
    period: str | None
    set_id: str | None
    default_unit: str | None
    template: bool  # the workbook is our own template (hidden metadata): it loads with no questions


@dataclass
class Layouts:
    """Readings settled by the user: per sheet (the upload page's mapping step), a named profile
    (``--profile NAME``), or the stored profiles whose fingerprint a sheet has."""

    given: Mapping[str, Reading]
    named: profiles.Profile | None
    stored: list[profiles.Profile]
    used: str | None = None


@while_paused  # an upload allocates hundreds of thousands of acyclic containers: no collection walks the heap
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
    default_unit: str | None = None,
    before_commit: Callable[[duckdb.DuckDBPyConnection, int], None] | None = None,
    profile: str | None = None,
    readings: Mapping[str, Reading] | None = None,
    include_copied: Collection[int] | bool = (),
    parsed: Parsing | None = None,
) -> ImportResult:
    """Validate ``data`` and, unless ``dry_run``, load it as one upload of the assessment ``layer``
    (``self`` reports, ``appraised`` district/province appraisal, ``recognised``). ``default_unit`` (the
    database's province) is used only when neither the caller nor the file says which unit it reports on.
    ``before_commit(con, upload_id)`` runs inside the load's transaction (the scope check and the audit rows).
    ``readings`` (sheet → reading the user settled) and ``profile`` (a saved profile's name; a name not saved yet
    reads as usual) override detection, re-checked on the sheet; without them a stored profile whose fingerprint
    a sheet has is used. Rows of our template "copied, not edited" are left out unless their commune is in
    ``include_copied`` (or it is True). ``parsed`` is the check and parse of ``data`` started ahead
    (``reader.parse_ahead(data, file_name)``), used instead of parsing it here."""
    if layer not in store.LAYERS:
        raise ValueError(f"unknown layer {layer!r}")
    if parsed is not None and not parsed.of(data, file_name):
        raise ValueError("parsed is the parse of another file")
    # The limited child checks and parses the file while this process reads what the upload will ask of the
    # database whatever the file holds (the second core: the parse costs no wall time of its own).
    parsing = parsed if parsed is not None else parse_ahead(data, file_name)
    findings = Findings()
    named = profiles.get(con, profile) if profile else None
    layouts = Layouts(readings or {}, named, [] if named else profiles.all_profiles(con))
    resolver = Resolver(con, findings, accept_new_units)
    gazetteer = Gazetteer.of(con)
    sets = SetCatalogue(con)  # the catalogue read once per upload, not per sheet or month
    resolver.warm()
    sets.warm()
    try:
        sheets = parsing.sheets()
    except Rejected as exc:
        return ImportResult("rejected", errors=exc.errors)
    meta = _meta(sheets)
    options = Options(
        unit or meta.get("unit_code"),
        period or meta.get("period"),
        set_id or meta.get("set_id"),
        default_unit,
        "template_version" in meta,
    )
    if options.set_id:
        try:
            catalog.require_set(con, options.set_id)
        except LookupError:
            findings.error("import.unknown_set", set_id=options.set_id)
            return ImportResult("rejected", errors=findings.errors)
    vocab = _vocabulary(con, options.set_id)
    collected = facts_mod.Collected()
    fingerprints: dict[str, str] = {}
    unit_ids: list[int | None] = []
    for sheet in sheets:
        if sheet.name == META_SHEET or not sheet.visible:
            continue
        grid = grid_mod.from_sheet(sheet)
        choice = _choose(con, grid, options, vocab, sets, gazetteer, resolver, findings, layouts, unit_ids)
        if choice is not None:
            fingerprints[grid.sheet] = profiles.fingerprint(grid, choice.best)
            collected.choices.append(choice)
            if not findings.errors:
                facts_mod.read_sheet(
                    con, grid, choice.best, options, vocab, gazetteer, resolver, findings, collected, sets
                )
    if named is not None and layouts.used is None and not findings.errors:
        findings.error("profile.no_match", name=named.name)
    if not collected.choices and not findings.errors:
        findings.error("import.no_table")
    frame = collected.frame(layer)
    facts_mod.check_duplicates(frame, findings)
    if not findings.errors and frame.empty:
        findings.error("import.empty")
    layout = min(collected.choices, key=lambda c: c.best.confidence) if collected.choices else None
    result = ImportResult(
        "rejected",
        errors=grouped(findings.errors),
        warnings=grouped(findings.warnings),
        rows=len(frame),
        communes=frame["unit_id"].nunique() if len(frame) else 0,
        facts=frame,
        layout=layout,
        choices=collected.choices,
        profile=layouts.used,
        fingerprints=fingerprints,
        unit_id=next((u for u in unit_ids if u is not None), None),
    )
    if findings.errors:
        return result
    frame = frame.drop_duplicates(["unit_id", "period", "set_id", "criterion_no", "layer"])[facts_mod.FACT_COLUMNS]
    if options.template or dry_run:
        result.change_list = change_list(con, frame, template=options.template)
        left_out = {
            (c.unit_id, c.period)
            for c in result.change_list.copied()
            if include_copied is not True and c.unit_id not in (include_copied or ())
        }
        if left_out:
            keys = zip(frame["unit_id"], (str(p)[:7] for p in frame["period"]))
            frame = frame[[k not in left_out for k in keys]]
            result.left_out = len(left_out)
            result.communes = frame["unit_id"].nunique() if len(frame) else 0
            if frame.empty:
                result.errors = [Problem("import.all_copied", {"count": len(left_out)})]
                return result
    result.facts, result.rows = frame, len(frame)
    if dry_run:
        result.status = "dry-run"
        result.changes, result.missing = preview(con, frame)
        return result
    try:
        result.upload_id = _load(
            con, resolver, frame, collected.indicators, layer, data, file_name, uploaded_by, layout, before_commit
        )
    except StoreFault as fault:  # a full disk or a busy file: nothing was written, the user is told what to do
        result.errors = [Problem(fault.key, {"path": fault.fault.path or "?", "detail": fault.fault.detail[:200]})]
        result.status = "rejected"
        return result
    result.status = "loaded"
    return result


def _meta(sheets: list[Sheet]) -> dict[str, str]:
    for sheet in sheets:
        if sheet.name == META_SHEET:
            return {clean(r[0]): clean(r[1]) for r in sheet.rows if len(r) >= 2 and r[0]}
    return {}


def _vocabulary(con: duckdb.DuckDBPyConnection, set_id: str | None) -> Vocabulary:
    wanted = [set_id] if set_id else list(COMMUNE_SETS)
    rows = con.execute(
        f"SELECT name_vi, criterion_no FROM criteria WHERE set_id IN ({','.join('?' * len(wanted))})", wanted
    ).fetchall()
    return Vocabulary(dict(rows))


def _choose(
    con,
    grid,
    options: Options,
    vocab,
    sets: SetCatalogue,
    gazetteer: Gazetteer,
    resolver,
    findings: Findings,
    layouts,
    unit_ids,
) -> Choice | None:
    """The sheet's best reading, or None when it holds no table of commune results (instructions, other data).
    A reading that is not clear enough is reported (what was unclear, what was understood) and not read."""
    stated = title([grid.value(r, c) for r in range(min(grid.height, TITLE_ROWS)) for c in range(grid.width)])
    period_text = options.period or stated.period
    unit = _unit(resolver, options.unit or stated.district or options.default_unit, period_text)
    day = _start(period_text)
    valid = frozenset(range(1, 20)) if options.set_id is None else sets.info(options.set_id).valid
    said = facts_mod.plain(stated.text)
    ctx = Context(
        vocab,
        valid,
        names_a_unit(
            con,
            gazetteer,
            unit,
            options.set_id,
            day,
            village_set=sets.is_village_set(options.set_id),
            same_unit=resolver.same_unit,
        ),
        (*stated.communes, clean(grid.sheet)),
        "x: dat" in said or "x = dat" in said,
    )
    unit_ids.append(unit.unit_id if unit is not None else None)
    settled = _settled(grid, ctx, layouts, findings, unit.unit_id if unit is not None else None)
    if settled is not None:
        return settled
    choice = scoring.choose(readings(grid, ctx))
    if choice is None or not scoring.holds_commune_results(choice.best):
        return None
    if options.template and choice.best.family == "communes-as-rows":
        choice = Choice(facts_mod.as_template(choice.best), choice.runner_up)
    reasons = scoring.unclear(choice)
    if reasons:
        findings.error(
            "layout.unclear",
            grid.sheet,
            reasons=facts_mod.describe_reasons(choice, reasons),
            understood=facts_mod.describe(choice.best, grid),
        )
    return choice


def _settled(grid, ctx: Context, layouts: Layouts, findings: Findings, unit_id: int | None) -> Choice | None:
    """The reading the user settled for this sheet (on the page, or as a profile: the sheet's unit's own first),
    re-checked on the sheet; None when there is none (or a stored profile no longer fits: detection decides, with
    a warning)."""
    given, source = layouts.given.get(grid.sheet), None
    if given is None:
        source = profiles.matching([layouts.named] if layouts.named else layouts.stored, grid, unit_id)
        given = source.reading if source else None
    if given is None:
        return None
    check = profiles.recheck(grid, ctx, replace(given, sheet=grid.sheet))
    if not check.reasons:
        layouts.used = source.name if source else layouts.used
        return Choice(check.reading, None)
    reasons = Phrases(tuple(Phrase.of("profile.reason." + r) for r in check.reasons))
    if source is not None and layouts.named is None:
        findings.warn("profile.not_used", grid.sheet, name=source.name, reasons=reasons)
        return None
    findings.error("profile.recheck", grid.sheet, name=source.name if source else "–", reasons=reasons)
    return Choice(check.reading, None)


def _unit(resolver: Resolver, text: str | None, period_text: str | None) -> units.Unit | None:
    """The unit named by an option or the title, for scoring; None when unknown (the whole country)."""
    if not text:
        return None
    try:
        return resolver.unit(text, _start(period_text))
    except units.UnitError:
        return None


def _start(period_text: str | None):
    try:
        return periods.parse(period_text).start if period_text else None
    except ValueError:
        return None


def _load(
    con,
    resolver: Resolver,
    frame,
    ind: list[tuple],
    layer: str,
    data: bytes,
    file_name: str,
    uploaded_by,
    layout,
    before_commit: Callable[[duckdb.DuckDBPyConnection, int], None] | None = None,
) -> int:
    with store.transaction(con):
        if resolver.new_units:
            mapping = {
                placeholder: units.add_historical_unit(con, name, units.get(con, parent_id)).unit_id
                for (parent_id, _), (placeholder, name) in resolver.new_units.items()
            }
            frame["unit_id"] = frame["unit_id"].map(lambda u: mapping.get(u, u))
            ind = [(mapping.get(row[0], row[0]), *row[1:]) for row in ind]
        upload_id = loads.load_facts(
            con,
            frame,
            source="import",
            indicators=facts_mod.indicator_table(ind, layer) if ind else None,
            file_name=file_name,
            raw=data,
            uploaded_by=uploaded_by,
            in_transaction=True,
            layout=json.dumps(layout.as_json()) if layout is not None else None,
        )
        if before_commit is not None:
            before_commit(con, upload_id)
        return upload_id
