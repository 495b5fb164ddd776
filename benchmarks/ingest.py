"""Case 1: ingest, bytes to commit through ``ntm.ingest.import_file`` (safety scan, isolated parse, detection,
validation, one transaction), against the raw read of the same file and the naive pipeline."""

from __future__ import annotations

import io
import time
from datetime import date

import numpy as np
import xlsxwriter

from benchmarks.timing import Case, alongside, case, failed
from ntm import catalog, units
from ntm.ingest.importer import import_file

MONTH = date(2025, 6, 1)  # the last pre-merger month: an upload replaces reports already in the database
WORDS = ("Đạt", "Cơ bản đạt", "Chưa đạt")
SAMPLE_ROWS = 100  # the naive pipeline inserts this many rows of a larger workbook; the rest is extrapolated


def workbook(con, unit: units.Unit, limit: int | None = None, seed: int = 7) -> tuple[bytes, int]:
    """A filled report for the xã of ``unit`` in ``MONTH``: codes, names, 19 criteria, every sub-indicator of
    ntm-2021 (those with a dot: "5" is criterion 5 itself), the count; the hidden ``_meta`` sheet names unit, period and set (as the template does)."""
    set_id = "ntm-2021"
    crit = catalog.criteria(con, set_id)["criterion_no"].astype(int).tolist()
    codes = [c for c in catalog.indicators(con, set_id)["indicator_code"] if "." in c]  # "5" is criterion 5 itself
    communes = units.communes_under(con, unit, MONTH, MONTH)
    if limit:
        communes = communes.head(limit)
    rng = np.random.default_rng(seed)
    statuses = rng.choice(3, size=(len(communes), len(crit)), p=[0.7, 0.1, 0.2])
    values = np.round(rng.uniform(0, 100, size=(len(communes), len(codes))), 1)
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"constant_memory": True, "strings_to_numbers": False})
    sheet = book.add_worksheet("Báo cáo")
    sheet.write_row(0, 0, [f"UBND {unit.name.upper()}"])
    sheet.write_row(1, 0, [f"BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI ({set_id})"])
    sheet.write_row(3, 0, ["STT", "Mã xã", "Tên xã", *crit, *codes, "Tổng số tiêu chí đạt"])
    for k, row in enumerate(communes.itertuples()):
        cells = [k + 1, row.code, row.name, *(WORDS[s] for s in statuses[k])]
        sheet.write_row(4 + k, 0, cells)
        sheet.write_row(4 + k, len(cells), [*values[k].tolist(), int((statuses[k] == 0).sum())])
    meta = book.add_worksheet("_meta")
    for r, pair in enumerate((("set_id", set_id), ("unit_code", unit.code), ("period", f"{MONTH:%Y-%m}"))):
        meta.write_row(r, 0, pair)
    meta.hide()
    book.close()
    return buffer.getvalue(), len(communes)


def raw_read(data: bytes) -> None:
    """The fastest reader on the same bytes (fastexcel when installed, else python-calamine), every sheet."""
    try:
        import fastexcel

        reader = fastexcel.read_excel(data)
        for name in reader.sheet_names:
            reader.load_sheet(name, header_row=None).to_arrow()
    except ImportError:
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python()


def raw_reader_name() -> str:
    try:
        import fastexcel  # noqa: F401

        return "fastexcel raw read"
    except ImportError:
        return "python-calamine raw read"


def naive(con, data: bytes, unit: units.Unit, rows_limit: int | None = None) -> tuple[float, int]:
    """``pandas.read_excel(engine="openpyxl")`` then one INSERT per fact and sub-indicator value, inside one
    transaction rolled back at the end (kinder to the baseline than autocommit). Returns (seconds, rows inserted)."""
    import pandas as pd

    started = time.perf_counter()
    frame = pd.read_excel(io.BytesIO(data), sheet_name="Báo cáo", header=3, engine="openpyxl", dtype={"Mã xã": str})
    read_s = time.perf_counter() - started
    lookup = dict(units.communes_under(con, unit, MONTH, MONTH)[["code", "unit_id"]].itertuples(index=False))
    status_of = {"Đạt": "met", "Cơ bản đạt": "basically_met", "Chưa đạt": "not_met"}
    criteria = [c for c in frame.columns if isinstance(c, int) or (isinstance(c, str) and c.isdigit())]
    indicators = [c for c in frame.columns if isinstance(c, (str, float)) and "." in str(c)]
    todo = frame if rows_limit is None else frame.head(rows_limit)
    started = time.perf_counter()
    con.execute("BEGIN TRANSACTION")
    try:
        for row in todo.itertuples(index=False):
            record = dict(zip(frame.columns, row))
            unit_id = lookup[record["Mã xã"]]
            con.execute(
                "DELETE FROM assessments WHERE unit_id = ? AND period = ? AND set_id = 'ntm-2021' AND layer = 'self'",
                [unit_id, MONTH],
            )
            for c in criteria:
                con.execute(
                    "INSERT INTO assessments VALUES (?, ?, 'ntm-2021', ?, ?, 'self', -1)",
                    [unit_id, MONTH, int(c), status_of[record[c]]],
                )
            for code in indicators:
                con.execute(
                    "INSERT INTO indicator_values VALUES (?, ?, 'ntm-2021', ?, ?, NULL, 'self', -1)",
                    [unit_id, MONTH, str(code), float(record[code])],
                )
    finally:
        con.execute("ROLLBACK")
    insert_s = time.perf_counter() - started
    if rows_limit is not None and rows_limit < len(frame):
        insert_s *= len(frame) / rows_limit
    return read_s + insert_s, len(frame)


def ingest_cases(con, province: units.Unit, times: int, national: bool, naive_rows: int | None = None) -> list[Case]:
    """Province workbook (the province's xã, at most 500) and, at national scale, one of 8,000 rows. ``naive_rows``:
    the naive baseline's inserts timed on that many rows of each workbook and extrapolated (default SAMPLE_ROWS)."""
    books = [("province", province, 500)]
    if national and hasattr(units, "national"):
        books.append(("national", units.national(), 8000))
    cases = []
    for label, unit, limit in books:
        try:
            cases += _book_cases(con, label, unit, limit, times, naive_rows)
        except Exception as exc:  # one workbook refused: its two goals are printed as failed, the others still run
            cases += [failed(f"ingest: {label} workbook vs {vs}", exc) for vs in ("raw read", "naive")]
    return cases


def _book_cases(con, label: str, unit: units.Unit, limit: int, times: int, naive_rows: int | None) -> list[Case]:
    """The workbook's two lines: against the raw read and against the naive pipeline."""
    cases = []
    data, n = workbook(con, unit, limit)

    def ours(data=data, unit=unit, label=label):
        result = import_file(con, data, f"bench-{label}.xlsx", unit=unit.code, uploaded_by="benchmark")
        if result.status != "loaded":
            raise RuntimeError(f"benchmark workbook rejected: {[p.located('en') for p in result.errors[:3]]}")

    # the national workbook takes tens of seconds a run: two runs, no warm-up (nothing left to warm at that size)
    raw = lambda data=data: raw_read(data)  # noqa: E731
    if label == "province":
        ingest_s, raw_s = alongside(ours, raw, times, times, warmup=1)
    else:
        ingest_s, raw_s = alongside(ours, raw, 2, times)
    name = f"ingest: {label} workbook ({n:,} xã × 19 criteria + 53 sub-indicators, {len(data) / 1e6:.1f} MB)"
    cases.append(
        case(f"{name} vs raw read", ingest_s, "≤ 3× the raw read", lambda m, r: r <= 3, raw_reader_name(), raw_s)
    )
    # the naive inserts cost the same per row (one statement per fact, no batching): timed on ``naive_rows`` rows
    # (default SAMPLE_ROWS) and extrapolated, since inserting all of them took minutes per run (134 s for 453 xã)
    rows = naive_rows or SAMPLE_ROWS
    sample = rows if n > rows else None
    naive_s = [naive(con, data, unit, sample)[0] for _ in range(2 if label == "province" else 1)]
    base = "pandas+openpyxl, row inserts" + (f" (inserts timed on {rows} rows, extrapolated)" if sample else "")
    cases.append(case(f"{name} vs naive", ingest_s, "≥ 5× faster than naive", lambda m, r: r <= 0.2, base, naive_s))
    return cases
