"""Building the demo database: catalogue, units, then the sample workbooks of ``sample_data/`` uploaded
through the same import path staff use (``ntm.ingest.import_file``), as its ``uploads.csv`` lists them.

The workbooks are files, read like any upload; the code that generates them lives beside them
(``sample_data/regenerate.py``) and is never imported from here."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Literal

import duckdb

from ntm import catalog, lineage, paths, plans, reference, store, unit_catalogue, units
from ntm.ingest.importer import import_file
from ntm.sample_ahead import Ahead

Progress = Callable[[float, str], None]
PROVINCE_CODE = "20"  # Lạng Sơn: the sample's uploads name their units within it
MANIFEST = "uploads.csv"
_KINDS: dict[str, Literal["report", "plan", "villages", "quantities"]] = {
    "plan": "plan",
    "villages": "villages",  # a village list, through ntm.village_list (issue 16)
    "quantities": "quantities",  # resources, works and activities, through ntm.ingest.quantities
}
HISTORICAL = "historical-units.csv"


class SampleImportFailed(RuntimeError):
    """A sample workbook was refused by the importer: the generator and the importer disagree."""


@dataclass(frozen=True)
class SampleFile:
    """One line of ``uploads.csv``: a workbook, what it holds and when it would have arrived."""

    file: str
    kind: Literal["report", "plan", "villages", "quantities"]
    layer: str
    uploaded_at: datetime | None
    backfill: bool
    note: str | None


def manifest(folder: Path | None = None) -> list[SampleFile]:
    """The sample uploads in the order they are loaded."""
    folder = folder or paths.sample_dir()
    with open(folder / MANIFEST, encoding="utf-8", newline="") as handle:
        return [
            SampleFile(
                file=row["file"],
                kind=_KINDS.get(row["kind"], "report"),
                layer=row["layer"] or "self",
                uploaded_at=datetime.fromisoformat(row["uploaded_at"]) if row["uploaded_at"] else None,
                backfill=row["backfill"] == "true",
                note=row["note"] or None,
            )
            for row in csv.DictReader(handle)
        ]


def build(
    con: duckdb.DuckDBPyConnection,
    progress: Progress | None = None,
    workbook_dir: str | Path | None = None,
    sample_dir: Path | None = None,
    ahead: Ahead | None = None,
) -> dict[str, int]:
    """(Re)build everything the demo needs in ``con``; ``progress(fraction, step)`` is told along the way.

    The workbooks are also copied to ``workbook_dir`` when given, for people to look at or upload. The uploads
    are loaded one by one in the manifest's order, each its own transaction; the limited child parses the reports
    ahead while this process loads the ones before (two cores: the parse costs no time of its own). ``ahead``
    (``start_parsing()``, called before the database was opened) is that parsing started earlier; it is closed here.
    """
    folder = sample_dir or paths.sample_dir()
    files = manifest(folder)
    ahead = ahead or Ahead(folder, files)  # the first reports parsed while the catalogue and units load
    try:
        return _build(con, folder, files, ahead, progress or (lambda fraction, step: None), workbook_dir)
    finally:
        ahead.close()


def start_parsing(sample_dir: Path | None = None) -> Ahead:
    """The sample's reports parsed from now on, for ``build(..., ahead=)`` (while the database is opened and seeded)."""
    folder = sample_dir or paths.sample_dir()
    return Ahead(folder, manifest(folder))


def _build(
    con: duckdb.DuckDBPyConnection,
    folder: Path,
    files: list[SampleFile],
    ahead: Ahead,
    report: Progress,
    workbook_dir: str | Path | None,
) -> dict[str, int]:
    report(0.02, "catalog")
    if not reference.catalogue_as_seeded(con):  # a file seeded a moment ago holds the builtin catalogue already
        catalog.load_builtin(con)
    report(0.05, "units")
    with store.transaction(con):
        con.execute(
            "DELETE FROM assessments; DELETE FROM assessment_history; DELETE FROM indicator_values;"
            "DELETE FROM indicator_history; DELETE FROM uploads; DELETE FROM targets; DELETE FROM unit_goals;"
            "DELETE FROM recognitions; DELETE FROM commune_month_summary; DELETE FROM commune_year_summary; DELETE FROM quantity_values;"
            "DELETE FROM quantity_history; DELETE FROM quantity_plans; DELETE FROM village_goals; DELETE FROM unit_mergers"
        )
    n_units = con.execute("SELECT count(*) FROM units WHERE NOT historical").fetchall()[0][0]
    if not n_units or con.execute("SELECT count(*) FROM units WHERE historical").fetchall()[0][0]:
        n_units = unit_catalogue.load_catalogue(con)  # a new file was seeded already; rebuild one that gained units
    n_units += _add_historical_units(con, folder)
    report(0.2, "facts")
    rows = uploads = 0
    counts: dict[str, int] = {}
    for k, entry in enumerate(files):
        report(0.25 + 0.75 * k / len(files), "load")
        parsing = ahead.take(k)
        data = parsing.data if parsing is not None else (folder / entry.file).read_bytes()
        if workbook_dir is not None:
            Path(workbook_dir).mkdir(parents=True, exist_ok=True)
            shutil.copyfile(folder / entry.file, Path(workbook_dir) / entry.file)
        if entry.kind == "plan":
            checked, counts = plans.import_plan(con, data, entry.file, by="sample")
            if checked.errors:
                raise SampleImportFailed(f"{entry.file}: {[p.located('en') for p in checked.errors[:3]]}")
            continue
        if entry.kind in ("villages", "quantities"):  # the village list and resources (issue 16)
            _pretend_uploaded(con, _load_counts(con, entry, data), entry)
            uploads += 1
            continue
        result = import_file(
            con,
            data,
            entry.file,
            unit=PROVINCE_CODE,
            uploaded_by="sample",
            layer=entry.layer,
            include_copied=True,  # the communes did send these months, unchanged or not
            parsed=parsing,
            before_commit=partial(_dated, entry=entry),  # the upload's date in the load's own commit
        )
        if result.status != "loaded":
            raise SampleImportFailed(f"{entry.file}: {[p.located('en') for p in result.errors[:3]]}")
        rows += result.rows
        uploads += 1
    report(1.0, "done")
    return {"units": n_units, "rows": rows, "uploads": uploads, **counts}


def _load_counts(con: duckdb.DuckDBPyConnection, entry: SampleFile, data: bytes) -> int:
    """A village list or a resources workbook, through its own reader; the upload id."""
    from ntm import village_list
    from ntm.ingest import quantities
    from ntm.problems import Rejected

    if entry.kind == "villages":
        try:
            return village_list.import_workbook(con, data, entry.file, uploaded_by="sample")["upload_id"]
        except Rejected as exc:
            raise SampleImportFailed(f"{entry.file}: {[p.located('en') for p in exc.errors[:3]]}") from exc
    parsed, upload_id = quantities.import_file(con, data, entry.file, uploaded_by="sample")
    if upload_id is None:
        raise SampleImportFailed(f"{entry.file}: {[p.located('en') for p in parsed.errors[:3]]}")
    return upload_id


def _add_historical_units(con: duckdb.DuckDBPyConnection, folder: Path) -> int:
    """Communes the old files name that the catalogue lacks (merged away before its snapshot), as staff would
    add them, with the month they ceased to exist."""
    with open(folder / HISTORICAL, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        valid_to = date.fromisoformat(row["valid_to"]) if row["valid_to"] else None
        district = units.resolve(con, row["district_code"], start=valid_to or date.today())
        unit = units.add_historical_unit(con, row["name"], district, valid_to=valid_to)
        if row.get("merged_into"):  # the merger the province entered (Đồng Giáp → Khánh Khê, 1/1/2021)
            day = date.fromisoformat(row["merged_on"])
            into = units.resolve(con, row["merged_into"], start=day, within=district, prefer="commune")
            lineage.add_merger(con, unit, into, day, source="sample")
    return len(rows)


def _pretend_uploaded(con: duckdb.DuckDBPyConnection, upload_id: int | None, entry: SampleFile) -> None:
    """Give a sample upload the date it would have had (old reports are a backfill, never late)."""
    with store.transaction(con):
        _dated(con, upload_id, entry=entry)


def _dated(con: duckdb.DuckDBPyConnection, upload_id: int | None, *, entry: SampleFile) -> None:
    """``_pretend_uploaded`` inside a transaction already begun (a report's: ``import_file``'s ``before_commit``)."""
    con.execute(
        "UPDATE uploads SET uploaded_at = coalesce(?, uploaded_at), backfill = ?, note = coalesce(?, note)"
        " WHERE upload_id = ?",
        [entry.uploaded_at, entry.backfill, entry.note, upload_id],
    )
