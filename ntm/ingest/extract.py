"""The readers per layout family: a grid and its chosen reading → one ``Record`` per commune report.

Total and subtotal rows (by label, or unlabelled rows of counts) are never records: they are checked against
the records above them and a disagreement is a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ntm.ingest import values
from ntm.ingest.findings import Findings
from ntm.ingest.grid import Grid
from ntm.ingest.reading import Reading
from ntm.ingest.resolve import Label
from ntm.ingest.vocab import Vocabulary, is_total_label, period_text
from ntm.text import clean, unit_prefix

GROUP_PREFIXES = ("huyện", "thành phố", "thị xã", "quận")


@dataclass(slots=True)
class Cell:
    value: object
    r: int  # read-grid coordinates
    c: int


@dataclass
class Record:
    label: Label
    period: str | None = None  # long layouts carry a period per row
    district: str | None = None  # the group row above it in a province sheet ("Huyện Văn Quan")
    statuses: dict[int, Cell] = field(default_factory=dict)
    indicators: dict[str, Cell] = field(default_factory=dict)
    stated_total: Cell | None = None


def records(grid: Grid, reading: Reading, vocab: Vocabulary, findings: Findings) -> list[Record]:
    view = reading.grid(grid)
    if reading.family == "long":
        return _long(view, reading, vocab, findings)
    if reading.family == "form":
        return _form(view, reading, vocab)
    return _table(view, reading, findings)


_KEYED = (str, int, float, type(None))  # cell values kept by (type, value): 1, 1.0 and True read differently
_CLEANED: dict[str, str] = {}  # labels repeat on every row of a long layout: clean each text once
_MAX_CLEANED = 50_000


def _clean(value) -> str:
    if not isinstance(value, str) or len(value) > 200:
        return clean(value)
    found = _CLEANED.get(value)
    if found is None:
        if len(_CLEANED) >= _MAX_CLEANED:
            _CLEANED.clear()
        found = _CLEANED[value] = clean(value)
    return found


def _label(view: Grid, r: int, name_c: int | None, code_c: int | None) -> Label:
    written = view.own(r, name_c) if name_c is not None else None
    name = _clean(written) if name_c is not None else ""
    code = view.own(r, code_c) if code_c is not None else None
    row, column = view.a1_parts(r, name_c if name_c is not None and name else code_c if code_c is not None else 0)
    return Label(name, code, view.sheet, row, column, written)


def _is_count(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and float(v).is_integer() and v >= 0


def _table(view: Grid, reading: Reading, findings: Findings) -> list[Record]:
    name_f, code_f, total_f = reading.one("name"), reading.one("code"), reading.one("total")
    district_f = reading.one("district")  # a "Huyện" column (a national or province workbook)
    name_c = name_f.index if name_f else None
    code_c = code_f.index if code_f else None
    crit = [(f.criterion, f.index) for f in reading.by("criterion") if f.criterion is not None]
    subs = [(f.indicator, f.index) for f in reading.by("indicator") if f.indicator]
    out: list[Record] = []
    group_start = 0
    district = None
    for r in range(reading.first, reading.last + 1):
        label = _label(view, r, name_c, code_c)
        row = view.own_row(r)
        cells = {no: Cell(row[c], r, c) for no, c in crit}
        empty = all(c.value is None for c in cells.values())
        if not label.name and label.code is None:
            if (
                not empty
                and all(c.value is None or _is_count(c.value) for c in cells.values())
                and any(c.value not in (None, 0, 1) for c in cells.values())
            ):
                _check_total(view, out, group_start, cells, findings)
                group_start = len(out)
            continue  # a blank row, or an unlabelled row of counts (a total)
        if is_total_label(label.name):
            _check_total(view, out, group_start, cells, findings)
            group_start = len(out)
            continue
        if unit_prefix(label.name) in GROUP_PREFIXES and empty:
            district, group_start = label.name, len(out)  # a district group row in a province sheet
            continue
        record = Record(label, district=_district(view, r, district_f) or district, statuses=cells)
        for code, c in subs:
            if (v := row[c]) is not None:
                record.indicators[code] = Cell(v, r, c)
        if total_f is not None:
            record.stated_total = Cell(view.own(r, total_f.index), r, total_f.index)
        out.append(record)
    return out


def _district(view: Grid, r: int, field) -> str | None:
    """The district a "Huyện" column gives a row (a merged cell's value on every row it spans), or None."""
    return (_clean(view.value(r, field.index)) or None) if field is not None else None


def _check_total(view: Grid, above: list[Record], start: int, cells: dict[int, Cell], findings: Findings) -> None:
    """A total row's counts equal the met criteria of the rows of its group (or of all rows above)."""
    for criterion, cell in cells.items():
        stated = values.count(cell.value)
        if stated is None or (cell.r, cell.c) in view.special:
            continue
        met = [
            sum(values.status(rec.statuses[criterion].value) == "met" for rec in part if criterion in rec.statuses)
            for part in (above[start:], above)
        ]
        if stated not in met:
            row, column = view.a1_parts(cell.r, cell.c)
            findings.warn(
                "import.total_row_mismatch", view.sheet, row, column, stated=stated, counted=met[0], criterion=criterion
            )


def _long(view: Grid, reading: Reading, vocab: Vocabulary, findings: Findings) -> list[Record]:
    name_f, code_f = reading.one("name"), reading.one("code")
    crit_f, status_f, period_f = reading.one("criterion_label"), reading.one("status"), reading.one("period")
    district_f = reading.one("district")
    assert crit_f is not None and status_f is not None  # a long reading has both (candidates.long_readings)
    name_c, code_c = (name_f.index if name_f else None), (code_f.index if code_f else None)
    by_key: dict[tuple, Record] = {}
    periods_seen: dict[str, str | None] = {}
    names: dict[tuple, tuple[str, bool]] = {}  # a name as written → (cleaned, a total row's label): once each
    districts: dict[str, str | None] = {}  # a district cell as written → its cleaned name: once each
    status_c = status_f.index
    for r in range(reading.first, reading.last + 1):
        row = view.own_row(r)
        if name_c is not None:
            raw_name = row[name_c]
            name_key = (type(raw_name), raw_name) if isinstance(raw_name, _KEYED) else None
            seen_name = names.get(name_key) if name_key is not None else None
            if seen_name is None:
                cleaned = _clean(raw_name)
                seen_name = (cleaned, bool(cleaned) and is_total_label(cleaned))
                if name_key is not None and len(names) < _MAX_CLEANED:
                    names[name_key] = seen_name
            name, total = seen_name
        else:
            name, total = "", False
        code = row[code_c] if code_c is not None else None
        if not name and code is None:
            continue
        if total:
            continue
        period = None
        if period_f is not None:
            raw = row[period_f.index]
            period = periods_seen.get(raw) if isinstance(raw, str) else None
            if period is None:
                period = period_text(raw)
                if isinstance(raw, str) and len(periods_seen) < 1000:
                    periods_seen[raw] = period
            if period is None:
                line, column = view.a1_parts(r, period_f.index)
                findings.error("import.bad_period", view.sheet, line, column, text=clean(raw))
                continue
        raw_criterion = row[crit_f.index]
        found = vocab.header(raw_criterion)  # the vocabulary reads each criterion cell as written once
        if found is None:
            line, column = view.a1_parts(r, crit_f.index)
            findings.error("import.bad_criterion", view.sheet, line, column, text=clean(raw_criterion))
            continue
        district = None
        if district_f is not None:  # a merged cell's value on every row it spans
            raw_district = view.rows[r][district_f.index]
            district = districts.get(raw_district) if isinstance(raw_district, str) else None
            if district is None:
                district = _clean(raw_district) or None
                if isinstance(raw_district, str) and len(districts) < _MAX_CLEANED:
                    districts[raw_district] = district
        key = (name, code, period, district)  # one name in two districts: two communes
        record = by_key.get(key)
        if record is None:
            record = by_key[key] = Record(_label(view, r, name_c, code_c), period, district=district)
        cell = Cell(row[status_c], r, status_c)
        if found.indicator:
            record.indicators[found.indicator] = cell
        elif found.criterion in record.statuses:
            first = record.statuses[found.criterion]
            line, column = view.a1_parts(r, crit_f.index)
            same = values.status(first.value) == values.status(cell.value)
            (findings.warn if same else findings.error)(
                "import.duplicate_same" if same else "import.duplicate_conflict",
                view.sheet,
                line,
                column,
                name=name or str(code),
                criteria=str(found.criterion),
                first=f"{view.sheet}!{view.a1(first.r, first.c)}",
                second=f"{view.sheet}!{view.a1(r, status_f.index)}",
            )
        else:
            record.statuses[found.criterion] = cell
    return list(by_key.values())


def _form(view: Grid, reading: Reading, vocab: Vocabulary) -> list[Record]:
    sources = reading.by("criterion_label")
    verdict = reading.one("verdict")
    assert verdict is not None  # a form reading has one (candidates.form_readings)
    result = reading.one("indicator")
    head = reading.header[0]
    row, column = view.a1_parts(head, verdict.index)
    record = Record(Label(reading.commune or "", None, view.sheet, row, column))
    pending: dict[int, list[Cell]] = {}  # sub-indicator verdicts, for a criterion row left blank
    for r in range(reading.first, reading.last + 1):
        found = next((hd for f in sources if (hd := vocab.header(view.own(r, f.index)))), None)
        if found is None:
            continue
        cell = Cell(view.own(r, verdict.index), r, verdict.index)
        if found.indicator:
            pending.setdefault(found.criterion, []).append(cell)
            value = view.own(r, result.index) if result is not None else None
            if result is not None and value is not None:
                record.indicators[found.indicator] = Cell(value, r, result.index)
        elif found.criterion not in record.statuses:
            record.statuses[found.criterion] = cell
    for criterion, subs in pending.items():
        own = record.statuses.get(criterion)
        if (own is None or own.value is None) and all(s.value is not None for s in subs):
            met = all(values.status(s.value) == "met" for s in subs)  # met when every sub-indicator is
            record.statuses[criterion] = Cell("Đạt" if met else "Chưa đạt", subs[0].r, subs[0].c)
    return [record]
