"""Building the demo database: catalogue, units, then the generated Lạng Sơn reports uploaded
as workbooks through the same import path staff use (``ntm.ingest.import_file``)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Callable

import duckdb

from ntm import catalog, periods, plans, units
from ntm.ingest.importer import import_file

Progress = Callable[[float, str], None]


class SampleImportFailed(RuntimeError):
    """A generated workbook was refused by the importer: the generator and the importer disagree."""


def build(
    con: duckdb.DuckDBPyConnection, progress: Progress | None = None, workbook_dir: str | Path | None = None
) -> dict[str, int]:
    """(Re)build everything the demo needs in ``con``; ``progress(fraction, step)`` is told along the way.

    The workbooks are also written to ``workbook_dir`` when given, for people to look at or upload.
    """
    from sample_data import generator, workbooks  # the generator lives with the sample data, outside the package

    report = progress or (lambda fraction, step: None)
    report(0.02, "catalog")
    catalog.load_builtin(con)
    report(0.05, "units")
    con.execute(
        "DELETE FROM assessments; DELETE FROM assessment_history; DELETE FROM indicator_values;"
        "DELETE FROM indicator_history; DELETE FROM uploads; DELETE FROM targets; DELETE FROM unit_goals;"
        "DELETE FROM recognitions; DELETE FROM unit_mergers"
    )
    n_units = units.load_catalogue(con)
    report(0.2, "facts")
    frame = generator.facts(con)
    province = units.resolve(con, generator.PROVINCE_CODE, start=generator.ANCHOR_2020)
    files = workbooks.plan(frame)
    rows = 0
    for k, (name, build_file, layer) in enumerate(files):
        report(0.25 + 0.75 * k / len(files), "load")
        data = build_file(con, province)
        if workbook_dir is not None:
            Path(workbook_dir).mkdir(parents=True, exist_ok=True)
            (Path(workbook_dir) / name).write_bytes(data)
        result = import_file(con, data, name, unit=province.code, uploaded_by="sample", layer=layer)
        if result.status != "loaded":
            raise SampleImportFailed(f"{name}: {[p.located('en') for p in result.errors[:3]]}")
        rows += result.rows
        _pretend_uploaded(con, result.upload_id, name)
    plan = workbooks.plan_workbook(con, frame)
    if workbook_dir is not None:
        (Path(workbook_dir) / "ke-hoach-muc-tieu.xlsx").write_bytes(plan)
    checked, counts = plans.import_plan(con, plan, "ke-hoach-muc-tieu.xlsx", by="sample")
    if checked.errors:
        raise SampleImportFailed(f"ke-hoach-muc-tieu.xlsx: {[p.located('en') for p in checked.errors[:3]]}")
    report(1.0, "done")
    return {"units": n_units, "rows": rows, "uploads": len(files), **counts}


def _pretend_uploaded(con: duckdb.DuckDBPyConnection, upload_id: int, name: str) -> None:
    """Give a sample upload the date it would have had: the yearly files are a backfill of old reports
    (not late); each monthly template arrives on the 3rd of the next month, 9/2025's on the 14th (late);
    the appraisal of 11/2024 on 10/12/2024."""
    if name.startswith("tham-dinh-"):
        con.execute(
            "UPDATE uploads SET uploaded_at = ?, backfill = false WHERE upload_id = ?",
            [datetime(2024, 12, 10, 15, 0), upload_id],
        )
    elif name.startswith("mau-nhap-"):
        year, month_no = int(name[9:13]), int(name[14:16])
        next_month = periods.shift_months(date(year, month_no, 1), 1)
        day = 14 if (year, month_no) == (2025, 9) else 3
        con.execute(
            "UPDATE uploads SET uploaded_at = ?, backfill = false WHERE upload_id = ?",
            [datetime(next_month.year, next_month.month, day, 9, 30), upload_id],
        )
    else:
        con.execute(
            "UPDATE uploads SET backfill = true, note = 'Nhập số liệu cũ / backfill' WHERE upload_id = ?", [upload_id]
        )
