"""Candidate readings of a grid, each scored on the evidence it would read (``scoring.WEIGHTS``).

- tables (communes as rows; the same code on the flipped grid reads criteria as rows, communes as columns):
  every row of the first ``HEADER_SCAN`` is tried as the header; what lies below decides;
- long layouts: a header with a commune, a criterion and a result column;
- self-assessment forms: a header with a verdict column, criteria and sub-indicators as rows.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from ntm.ingest import scoring, values
from ntm.ingest.grid import Grid
from ntm.ingest.reading import Family, Field, Reading
from ntm.ingest.vocab import Header, Vocabulary, is_total_label, role
from ntm.text import unit_prefix

HEADER_SCAN = 30  # header rows are looked for in the first rows only
SAMPLE = 400  # data rows read to score a candidate (the chosen one reads them all)
HEADER_GAP = 3  # non-blank rows between a header and its data that still belong to the header
MAX_FLIPPED_ROWS = (
    300  # criteria-as-rows sheets are short (criteria and sub-indicators): a longer one is not read transposed
)
MARK_SHARE = 0.1  # x-mark sheets: marks in at least this share of the criterion cells …
MARK_PURITY = 0.8  # … and making up most of the non-blank ones
MARKS = frozenset({"x", "v", "✓", "✔", "☑", "+"})
GROUP_PREFIXES = ("huyện", "thành phố", "thị xã", "quận")

Match = Callable[[object], bool]


@dataclass(frozen=True)
class Context:
    vocab: Vocabulary
    valid: frozenset[int]  # criteria numbers of the set
    match: Match  # is this label a commune of the unit (or of the country when the unit is not known)?
    form_names: tuple[str, ...] = ()  # commune names a form's title or sheet name gives
    says_marks: bool = False  # the title or a note says "x: đạt"


def readings(grid: Grid, ctx: Context) -> list[Reading]:
    found = table_readings(grid, ctx, "communes-as-rows") + long_readings(grid, ctx) + form_readings(grid, ctx)
    if 0 < grid.height <= MAX_FLIPPED_ROWS:
        found += table_readings(grid.flipped(), ctx, "criteria-as-rows")
    best: dict[tuple, Reading] = {}
    for r in found:
        key = r.signature()
        if key not in best or r.confidence > best[key].confidence:
            best[key] = r
    return list(best.values())


def _texty(v) -> bool:
    return isinstance(v, str) and bool(v.strip())


def _status_like(v) -> bool:
    return values.status(v) not in (None, "")


def _is_mark(v) -> bool:
    return isinstance(v, str) and v.strip().lower() in MARKS


def table_readings(grid: Grid, ctx: Context, family: Family) -> list[Reading]:
    out = []
    scan = min(grid.height - 1, HEADER_SCAN)
    header = ctx.vocab.header
    for h in range(scan):
        heads = list(map(header, grid.rows[h]))  # rows are as wide as the grid
        if len({hd.criterion for hd in heads if hd and hd.criterion in ctx.valid}) < 3:
            continue
        if any(_texty(v) and not v.strip().isdigit() and ctx.match(v) for v in grid.rows[h]):
            continue  # a row naming a commune is data (its numbers are results or values), not a header
        reading = _table(grid, ctx, family, h, heads)
        if reading is not None:
            out.append(reading)
    return out


def _table(grid: Grid, ctx: Context, family: Family, h: int, heads: list) -> Reading | None:
    fields: list[Field] = []
    penalties = {"outside": 0, "conflicts": 0, "duplicates": 0, "unmapped": 0, "empty": 0}
    roles: dict[int, str] = {}
    for c, hd in enumerate(heads):
        if hd is not None:
            if hd.criterion not in ctx.valid:
                penalties["outside"] += hd.indicator is None
                continue
            above = [ctx.vocab.header(grid.value(r, c)) for r in (h - 1, h - 2) if r >= 0]
            if any(a is not None and a.criterion != hd.criterion and not a.indicator for a in above):
                penalties["conflicts"] += 1
            fields.append(Field(c, "indicator" if hd.indicator else "criterion", hd.criterion, hd.indicator))
            continue
        for r in (h, h - 1, h - 2):
            found = role(grid.value(r, c)) if r >= 0 else None
            if found in ("stt", "code", "name", "district", "province", "total", "note"):
                roles[c] = found
                break
    crit = [f for f in fields if f.role == "criterion"]
    seen: dict[int, int] = {}
    for no in (f.criterion for f in crit if f.criterion is not None):
        seen[no] = seen.get(no, 0) + 1
    penalties["duplicates"] = sum(n - 1 for n in seen.values())
    span = range(min(f.index for f in fields), max(f.index for f in fields) + 1)
    mapped = {f.index for f in fields}
    for c in span:
        if c not in mapped and c not in roles:
            penalties["unmapped" if grid.value(h, c) is not None else "empty"] += 1
    end = min(grid.height, h + 1 + SAMPLE)
    label, code = _label_columns(grid, ctx, h + 1, end, roles, mapped)
    first = _first_data_row(grid, ctx, h + 1, label, code, crit)
    if first is None:
        return None
    last = _last_data_row(grid, first, label, code, crit)
    fields += [
        Field(c, "district" if r == "district" else "total") for c, r in roles.items() if r in ("district", "total")
    ]
    if label is not None:
        fields.append(Field(label, "name"))
    if code is not None:
        fields.append(Field(code, "code"))
    signals = _table_signals(grid, ctx, h, first, min(last, first + SAMPLE), label, code, crit, len(seen))
    reading = Reading(
        grid.sheet,
        family,
        grid.transposed,
        _header_rows(grid, ctx, h, first, crit),
        first,
        last,
        tuple(fields),
        marks=signals.pop("marks") > 0,
    )
    return reading.scored(
        scoring.confidence(signals, penalties), signals | {"penalty_" + k: v for k, v in penalties.items() if v}
    )


def _header_rows(grid: Grid, ctx: Context, h: int, first: int, crit: list[Field]) -> tuple[int, ...]:
    """The header's rows: ``h``, the rows above it that belong to it, non-blank rows between it and the data."""
    between = [r for r in range(h + 1, first) if any(v is not None for v in grid.rows[r])]
    return (*range(h - _header_height(grid, ctx, h, crit), h + 1), *between)


def _header_height(grid: Grid, ctx: Context, h: int, fields: list[Field]) -> int:
    """Rows above ``h`` that still belong to the header (at most two): a label merged down over both rows, a
    column label ("Tên xã", "TT"), or criterion names above the same criteria's numbers."""
    up = 0
    while up < 2 and (r := h - up - 1) >= 0:
        below = h - up
        vertical = any(
            (below, c) in grid.filled and grid.value(r, c) is not None and grid.value(r, c) == grid.value(below, c)
            for c in range(grid.width)
        )
        labels = any(
            role(grid.value(r, c)) in ("stt", "name", "code") and (r, c) not in grid.filled for c in range(grid.width)
        )
        named = sum(
            1 for f in fields if (hd := ctx.vocab.header(grid.value(r, f.index))) and hd.criterion == f.criterion
        )
        if not (vertical or labels or named >= 3):
            break
        up += 1
    return up


def _label_columns(grid: Grid, ctx: Context, start: int, end: int, roles: dict, mapped: set) -> tuple:
    """The column naming communes and the one with their codes: the most matches below the header wins."""
    best_name: tuple[int, int | None] = (0, None)
    best_code: tuple[int, int | None] = (0, None)
    names_in: dict[int, int] = {}
    codes_in: dict[int, int] = {}
    # a column headed "Huyện" or "Tỉnh" names the communes' containers, never the communes (a district is often
    # named like one of the country's communes: its town)
    skip = mapped | {c for c, r in roles.items() if r in ("district", "province")}
    for r in range(start, end):  # row by row over the row lists: every cell once, merged non-anchors skipped
        for c, v in enumerate(grid.rows[r]):
            if v is None or c in skip or (r, c) in grid.filled or not ctx.match(v):
                continue
            if _texty(v) and not str(v).strip().isdigit():
                names_in[c] = names_in.get(c, 0) + 1
            elif roles.get(c) == "code" or (isinstance(v, str) and len(v.strip()) == 5):
                codes_in[c] = codes_in.get(c, 0) + 1  # a number is a code only under a code header, or 5 digits
    for c in range(grid.width):
        if c in skip:
            continue
        names, codes = names_in.get(c, 0), codes_in.get(c, 0)
        if names > best_name[0] or (names == best_name[0] and roles.get(c) == "name" and best_name[1] is None):
            best_name = (names, c)
        if codes > best_code[0] or (codes == best_code[0] and roles.get(c) == "code" and best_code[1] is None):
            best_code = (codes, c)
    name = best_name[1] if best_name[0] else next((c for c, r in roles.items() if r == "name"), None)
    code = best_code[1] if best_code[0] else next((c for c, r in roles.items() if r == "code"), None)
    return name, code


def _first_data_row(grid: Grid, ctx: Context, start: int, label, code, crit: list[Field]) -> int | None:
    """The first row below the header that reads as data: a commune's name or code, or mostly results. Blank
    rows are passed over; up to ``HEADER_GAP`` other rows (numbering, units, notes) still belong to the header."""
    others = 0
    for r in range(start, grid.height):
        keys = [grid.own(r, c) for c in (label, code) if c is not None]
        cells = [grid.own(r, f.index) for f in crit]
        if all(v is None for v in keys + cells):
            continue
        if any(v is not None and ctx.match(v) for v in keys):
            return r
        if cells and sum(map(_status_like, cells)) * 2 >= len(cells) and not _consecutive(cells):
            return r
        others += 1
        if others > HEADER_GAP:
            return None
    return None


def _last_data_row(grid: Grid, first: int, label, code, crit: list[Field]) -> int:
    columns = [c for c in (label, code) if c is not None] + [f.index for f in crit]
    for r in range(grid.height - 1, first - 1, -1):
        if any(grid.own(r, c) is not None for c in columns):
            return r
    return first


def _consecutive(cells: list) -> bool:
    numbers = [
        int(v) for v in cells if isinstance(v, (int, float)) and not isinstance(v, bool) and float(v).is_integer()
    ]
    return (
        len(numbers) >= 3
        and len(numbers) == len([v for v in cells if v is not None])
        and all(b - a == 1 for a, b in itertools.pairwise(numbers))
    )


def _table_signals(grid, ctx, h, first, end, label, code, crit, distinct) -> dict[str, float]:
    labelled = matched = blank = readable = nonblank = marks = 0
    columns = [f.index for f in crit]
    skipped: dict[object, bool] = {}  # a label as written → a total or group row's: once each
    kinds: dict[object, tuple[bool, bool]] = {}  # a cell as written → (reads as a result, is a mark): once each
    for r in range(first, end + 1):
        row = grid.own_row(r)
        name = row[label] if label is not None else None
        code_value = row[code] if code is not None else None
        if name is None and code_value is None:
            continue  # blank, total or count rows: they do not tell a header from another
        if name is not None:
            skip = skipped.get(name)
            if skip is None:
                skip = skipped[name] = is_total_label(name) or unit_prefix(name) in GROUP_PREFIXES
            if skip:
                continue
        labelled += 1
        matched += any(v is not None and ctx.match(v) for v in (code_value, name))
        for c in columns:
            v = row[c]
            if v is None:
                blank += 1
                continue
            nonblank += 1
            kind = kinds.get(v)
            if kind is None:
                kind = kinds[v] = (_status_like(v), _is_mark(v))
            readable += kind[0]
            marks += kind[1]
    all_cells = blank + nonblank
    mark_mode = ctx.says_marks or (
        all_cells > 0 and marks >= MARK_SHARE * all_cells and marks >= MARK_PURITY * max(nonblank, 1)
    )
    numbering = _consecutive([grid.value(h, f.index) for f in crit])
    return {
        "communes": matched / labelled if labelled else 0.0,
        "criteria": distinct / len(ctx.valid) if ctx.valid else 0.0,
        "band": (readable + (blank if mark_mode else 0)) / all_cells if all_cells else 0.0,
        "numbering": 1.0 if numbering else 0.0,
        "marks": 1.0 if mark_mode else 0.0,
    }


def long_readings(grid: Grid, ctx: Context) -> list[Reading]:
    out = []
    for h in range(min(grid.height - 1, HEADER_SCAN)):
        roles: dict[str, int] = {}
        for c in range(grid.width):
            found = role(grid.value(h, c))
            if found and found not in roles:
                roles[found] = c
        status = roles.get("status", roles.get("verdict"))
        if "criterion_label" not in roles or status is None or not ({"name", "code"} & roles.keys()):
            continue
        fields = [Field(roles["criterion_label"], "criterion_label"), Field(status, "status")]
        fields += [Field(roles[k], k) for k in ("name", "code", "period", "district") if k in roles]
        last = _last_data_row(grid, h + 1, roles.get("name"), roles.get("code"), [])
        end = min(last, h + SAMPLE)
        labels = matched = parsed = statuses = filled = 0
        for r in range(h + 1, end + 1):
            name, code = (grid.own(r, roles[k]) if k in roles else None for k in ("name", "code"))
            if (name is None and code is None) or (name is not None and is_total_label(name)):
                continue
            labels += 1
            matched += any(v is not None and ctx.match(v) for v in (code, name))
            parsed_header = ctx.vocab.header(grid.own(r, roles["criterion_label"]))
            parsed += parsed_header is not None and parsed_header.criterion in ctx.valid
            value = grid.own(r, status)
            filled += value is not None
            statuses += _status_like(value)
        signals = {
            "communes": matched / labels if labels else 0.0,
            "criteria": parsed / labels if labels else 0.0,
            "band": statuses / filled if filled else 0.0,
            "numbering": 1.0,  # a long header has no numbering row: do not count its absence against it
        }
        reading = Reading(grid.sheet, "long", grid.transposed, (h,), h + 1, last, tuple(fields))
        out.append(reading.scored(scoring.confidence(signals, {}), signals))
    return out


def form_readings(grid: Grid, ctx: Context) -> list[Reading]:
    commune = next((n for n in ctx.form_names if ctx.match(n)), None)
    out = []
    for h in range(min(grid.height - 1, HEADER_SCAN)):
        roles = list(enumerate(map(role, grid.rows[h])))
        verdicts = [c for c, r in roles if r == "verdict"] or [c for c, r in roles if r == "status"]
        sources = [c for c, r in roles if r in ("stt", "criterion_label", "content", "name")]
        if not verdicts or not sources:
            continue
        criteria_rows = _criteria_rows(grid, ctx, h, sources)  # the same for every verdict column
        if len(criteria_rows) < 3:
            continue
        seen = {found.criterion for _, found in criteria_rows if found.indicator is None}
        share = len(seen) / len(ctx.valid) if ctx.valid else 0.0
        last = _last_data_row(grid, h + 1, None, None, [Field(c, "criterion_label") for c in sources])
        for verdict in verdicts:
            readable = filled = 0
            for r, _ in criteria_rows:
                value = grid.own(r, verdict)
                filled += value is not None
                readable += _status_like(value)
            results = [c for c, r in roles if r == "status" and c != verdict]
            fields = [Field(c, "criterion_label") for c in sources] + [Field(verdict, "verdict")]
            fields += [Field(c, "indicator") for c in results[:1]]
            signals = {
                "communes": 1.0 if commune else 0.0,
                "criteria": share,
                "band": readable / filled if filled else 0.0,
                "numbering": 1.0,  # forms number their rows, not their columns
            }
            reading = Reading(grid.sheet, "form", False, (h,), h + 1, last, tuple(fields), commune=commune)
            out.append(reading.scored(scoring.confidence(signals, {}), signals))
    return out


def _criteria_rows(grid: Grid, ctx: Context, h: int, sources: list[int]) -> list[tuple[int, Header]]:
    """The rows below header ``h`` (at most ``SAMPLE``) whose first source cell naming something names a
    criterion or sub-indicator of the set, with what it names."""
    out = []
    header = ctx.vocab.header
    for r in range(h + 1, min(grid.height, h + 1 + SAMPLE)):
        row = grid.own_row(r)
        found = next((hd for c in sources if (hd := header(row[c]))), None)
        if found is not None and found.criterion in ctx.valid:
            out.append((r, found))
    return out
