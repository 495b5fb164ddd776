"""Records of a chosen reading → fact rows (one frame for the whole upload), each with the cell it came from,
and the checks that need the whole upload: never two values for one commune × month × set × layer × criterion."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date

import duckdb
import pandas as pd
import pyarrow as pa

from ntm import periods, units
from ntm.i18n import Number, Phrase, Phrases
from ntm.ingest import values
from ntm.ingest.extract import Cell, Record, records
from ntm.ingest.findings import Findings, cut
from ntm.ingest.grid import Grid
from ntm.ingest.reading import Choice, Reading
from ntm.ingest.resolve import Gazetteer, Resolver
from ntm.ingest.sets import SetCatalogue
from ntm.ingest.vocab import Title, Vocabulary, period_from_sheet_name, title
from ntm.text import clean, unit_prefix

FACT_COLUMNS = ["unit_id", "period", "set_id", "criterion_no", "status", "layer"]
TITLE_ROWS = 12  # rows searched for what a title states
COMMUNE_PREFIXES = ("xã", "thị trấn", "phường")  # a group row of a village sheet
_SOURCE = ["sheet", "cell", "name"]  # where each fact was read, for messages; dropped before the load


@dataclass
class Collected:
    facts: list[tuple] = field(
        default_factory=list
    )  # (unit_id, period, set_id, criterion_no, status, sheet, cell, name)
    indicators: list[tuple] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)

    def frame(self, layer: str) -> pd.DataFrame:
        """The facts, with the cell each came from."""
        frame = pd.DataFrame(self.facts, columns=["unit_id", "period", "set_id", "criterion_no", "status", *_SOURCE])
        return frame.assign(layer=layer)[[*FACT_COLUMNS, *_SOURCE]]


def indicator_table(rows: list[tuple], layer: str) -> pa.Table:
    """Sub-indicator values (unit_id, period, set_id, indicator_code, value, text_value) as the Arrow table
    ``loads.load_facts`` inserts, each period as its month's first day: DuckDB reads Arrow columns as they are,
    where a pandas frame of a province's 24,000 values cost ~25 ms to build and more to scan."""
    columns = list(zip(*rows)) if rows else [()] * 6
    firsts = {p: p.replace(day=1) for p in set(columns[1])}  # a few months per upload
    return pa.table(
        {
            "unit_id": pa.array(columns[0], pa.int32()),
            "period": pa.array([firsts[p] for p in columns[1]], pa.date32()),
            "set_id": pa.array(columns[2], pa.string()),
            "indicator_code": pa.array(columns[3], pa.string()),
            "value": pa.array(columns[4], pa.float64()),
            "text_value": pa.array(columns[5], pa.string()),
            "layer": pa.array([layer] * len(rows), pa.string()),
        }
    )


def plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def as_template(reading: Reading) -> Reading:
    return replace(reading, family="template", confidence=1.0)


@dataclass
class _Scope:
    unit: units.Unit
    day: date
    set_id: str
    valid: frozenset[int]
    last_month: date  # the first day of the period's last month (villages are looked up as of then)
    villages: bool  # a village set: rows are villages, grouped under "Xã …" rows
    kinds: dict[str, values.IndicatorKind] = field(default_factory=dict)  # indicator code → share | amount


def read_sheet(
    con: duckdb.DuckDBPyConnection,
    grid: Grid,
    reading: Reading,
    options,
    vocab: Vocabulary,
    gazetteer: Gazetteer,
    resolver: Resolver,
    findings: Findings,
    out: Collected,
    sets: SetCatalogue | None = None,
) -> None:
    """Every record of the sheet, resolved and read into ``out`` (or findings saying what is wrong where)."""
    stated = title_above(grid, reading)
    sets = sets or SetCatalogue(con)
    view = reading.grid(grid)
    if reading.family in ("communes-as-rows", "criteria-as-rows", "template"):
        _outside_headers(view, reading, vocab, options, findings)
    found = records(grid, reading, vocab, findings)
    if not found:
        return
    year_hint = int(stated.period[:4]) if stated.period else None
    sheet_period = options.period or period_from_sheet_name(grid.sheet, year_hint) or stated.period
    scopes: dict[str | None, _Scope | None] = {}
    districts: dict[tuple, units.Unit] = {}  # (district as written, period) → the district, asked once
    village_group: tuple[str | None, units.Unit] | None = None  # (district row, commune) of a "Xã …" row
    for record in found:
        period_text = options.period or record.period or sheet_period
        if period_text not in scopes:
            scopes[period_text] = _scope(con, sets, grid.sheet, period_text, options, stated, resolver, found, findings)
        scope = scopes[period_text]
        if scope is None:
            continue
        district = scope.unit
        if record.district:  # a group row's or a "Huyện" column's district (a commune's name is no district)
            asked = (record.district, period_text)
            if asked not in districts:
                group = resolver.group(record.district, scope.unit, scope.day)
                districts[asked] = group if group is not None and group.level != "commune" else scope.unit
            district = districts[asked]
        if reading.family == "form" and not record.label.name:
            findings.error("import.form_no_commune", grid.sheet)
            continue
        if scope.villages:
            if unit_prefix(record.label.name) in COMMUNE_PREFIXES and all(
                c.value is None for c in record.statuses.values()
            ):
                group = resolver.group(record.label.name, district, scope.day)
                village_group = (record.district, group) if group is not None else None
                continue
            within = village_group[1] if village_group and village_group[0] == record.district else district
            village = resolver.village(record.label, within, scope.last_month)
            if village is not None:
                _read_record(view, reading, record, village, scope, findings, out)
            continue
        commune = resolver.commune(record.label, district, scope.unit, scope.day)
        if commune is None:
            continue
        _read_record(view, reading, record, commune, scope, findings, out)


def _outside_headers(view: Grid, reading: Reading, vocab: Vocabulary, options, findings: Findings) -> None:
    """A header that names a criterion for sure ("TC20", "Tiêu chí số 20") outside the set is an error."""
    known = {f.criterion for f in reading.by("criterion")}
    for h in reading.header:
        for c in range(view.width):
            found = vocab.header(view.value(h, c))
            if (
                found
                and found.explicit
                and not found.indicator
                and found.criterion not in known
                and found.criterion > 19
            ):
                row, column = view.a1_parts(h, c)
                set_id = options.set_id or "ntm"
                findings.error(
                    "import.criterion_outside",
                    view.sheet,
                    row,
                    column,
                    criterion=found.criterion,
                    set_id=set_id,
                    n=len(known),
                )


def title_above(grid: Grid, reading: Reading) -> Title:
    """What the text above the table states (a transposed table: above the row naming its communes)."""
    top = reading.header_rows()[0] - 1 if reading.header_rows() else reading.first
    top = min(top, TITLE_ROWS)
    return title([grid.value(r, c) for r in range(top) for c in range(grid.width)])


def _scope(con, sets, sheet, period_text, options, stated, resolver: Resolver, found, findings) -> _Scope | None:
    """The unit, month and set a sheet's (or a long layout's month's) records belong to."""
    if not period_text:
        findings.error("import.no_period", sheet)
        return None
    try:
        period = periods.parse(period_text)
    except ValueError:
        findings.error("import.bad_period", sheet, text=period_text)
        return None
    unit_text = options.unit or stated.district or options.default_unit
    unit = None
    if unit_text:
        try:
            unit = resolver.unit(unit_text, period.start)
        except units.UnitError as exc:
            findings.error("import.unit", sheet, detail=str(exc))
            return None
    else:
        inferred = Gazetteer.of(con, period.start).infer([r.label.code or r.label.name for r in found])
        if inferred is None:
            findings.error("import.no_unit", sheet)
            return None
        unit = units.get(con, inferred)
    set_id = options.set_id or stated.set_id or sets.set_for(period.start)
    if set_id is None:
        findings.error("import.no_set", sheet, period=period.text)
        return None
    info = sets.info(set_id)
    return _Scope(unit, period.start, set_id, info.valid, period.end, info.villages, info.kinds)


def _read_record(view: Grid, reading: Reading, record: Record, commune: int, scope: _Scope, findings, out) -> None:
    met = 0
    label = record.label.name or str(record.label.code)
    special, status_of, append = view.special, values.status, out.facts.append
    for criterion, cell in record.statuses.items():
        if criterion not in scope.valid:
            row, column = view.a1_parts(cell.r, cell.c)
            findings.error(
                "import.criterion_outside",
                view.sheet,
                row,
                column,
                criterion=criterion,
                set_id=scope.set_id,
                n=len(scope.valid),
            )
            continue
        status = None if special and (cell.r, cell.c) in special else status_of(cell.value)
        if not status:  # blank, unreadable, a formula without a value: _status says what (or reads a mark)
            status = _status(view, cell, reading.marks, criterion, scope.set_id, findings)
            if status is None:
                continue
        met += status == "met"
        row, column = view.a1_parts(cell.r, cell.c)
        append((commune, scope.day, scope.set_id, criterion, status, view.sheet, f"{column}{row}", label))
    total = record.stated_total
    if total is not None and (total.r, total.c) not in view.special:
        stated = values.count(total.value)
        if stated is not None and stated != met and len(record.statuses) == len(scope.valid):
            row, column = view.a1_parts(total.r, total.c)
            findings.warn("import.total_mismatch", view.sheet, row, column, stated=stated, counted=met)
    for code, cell in record.indicators.items():
        raw = cell.value
        # Vietnamese decimals ("10,5"), a per cent sign; a number this indicator cannot hold is an error
        number, text, problem = values.indicator_value(raw, scope.kinds.get(code or "", "amount"))
        if problem:
            row, column = view.a1_parts(cell.r, cell.c)
            findings.error(problem, view.sheet, row, column, indicator=code, value=cut(clean(raw)))
            continue
        out.indicators.append((commune, scope.day, scope.set_id, code, number, cut(text) if text is not None else None))


def _status(view: Grid, cell: Cell, marks: bool, criterion: int, set_id: str, findings) -> str | None:
    special = view.special.get((cell.r, cell.c)) if view.special else None
    status = values.status(cell.value) if special is None else None
    if status:
        return status
    if status == "" and marks:
        return "not_met"
    where = (view.sheet, *view.a1_parts(cell.r, cell.c))
    if special:
        key = "import.formula_no_value" if special == "formula" else "import.error_cell"
        findings.error(key, *where, criterion=criterion, set_id=set_id)
    elif status == "":
        findings.error("import.blank", *where, criterion=criterion, set_id=set_id)
    else:
        findings.error("import.bad_mark", *where, value=cut(clean(cell.value)), criterion=criterion, set_id=set_id)
    return None


def check_duplicates(frame: pd.DataFrame, findings: Findings) -> None:
    """Across every sheet: two values for one key are an error naming both places; the same value twice a warning."""
    if frame.empty:
        return
    keys = ["unit_id", "period", "set_id", "layer", "criterion_no"]
    dup = frame[frame.duplicated(keys, keep=False)]
    if dup.empty:
        return
    pairs: dict[tuple, list] = {}
    for _, part in dup.groupby(keys, sort=False):
        first = part.iloc[0]
        for _, other in part.iloc[1:].iterrows():
            same = other["status"] == first["status"]
            key = (first["sheet"], _row_of(first["cell"]), other["sheet"], _row_of(other["cell"]), same)
            pairs.setdefault(key, []).append((first, other))
    for (_, _, sheet, _, same), found in pairs.items():
        first, other = found[0]
        criteria = ", ".join(str(int(f["criterion_no"])) for f, _ in found)
        row, column = _split(other["cell"])
        (findings.warn if same else findings.error)(
            "import.duplicate_same" if same else "import.duplicate_conflict",
            sheet,
            row,
            column,
            name=first["name"],
            criteria=criteria,
            first=f"{first['sheet']}!{first['cell']}",
            second=f"{other['sheet']}!{other['cell']}",
        )


def _split(cell: str) -> tuple[int, str]:
    letters = cell.rstrip("0123456789")
    return int(cell[len(letters) :]), letters


def _row_of(cell: str) -> int:
    return _split(cell)[0]


def describe(reading: Reading, grid: Grid) -> Phrase:
    """What was understood of a sheet, in a sentence: header rows, commune column, criteria cells, data band."""
    view = reading.grid(grid)
    name = reading.one("name") or reading.one("code")
    crit = reading.by("criterion")
    return Phrase.of(
        "layout.understood",
        family=Phrase.of(f"layout.family.{reading.family}"),
        header=", ".join(map(str, reading.header_rows())) or "–",
        communes=view.a1(reading.first, name.index) if name else "–",
        criteria=len({f.criterion for f in crit}),
        first=view.a1(reading.first, crit[0].index) if crit else "–",
        last=view.a1(reading.last, crit[-1].index) if crit else "–",
        confidence=Number(reading.confidence, 2),
    )


def describe_reasons(choice: Choice, reasons: list[str]) -> Phrases:
    runner = choice.runner_up
    params: dict[str, object] = {"communes": Number(dict(choice.best.signals).get("communes", 0), 0, share=True)}
    if runner is not None:
        params |= {
            "other": Phrase.of(f"layout.family.{runner.family}"),
            "rows": ", ".join(map(str, runner.header_rows())),
        }
    return Phrases(
        tuple(
            Phrase.of(f"layout.reason.{reason}" + ("_none" if reason == "margin" and runner is None else ""), **params)
            for reason in reasons
        )
    )
