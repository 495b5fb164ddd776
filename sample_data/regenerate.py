"""Regenerate the sample workbooks in this folder, deterministically: ``python sample_data/regenerate.py``.

The workbooks here are the sample itself, in the layouts staff upload (see ``workbooks.py``); ``python -m ntm
sample`` (and the dashboard's first start) imports them through the upload path as listed in ``uploads.csv``
(file, layer, the date each would have arrived). The facts come from ``generator.py`` (seeded), the units
from the package's catalogue; workbook timestamps are fixed, so an unchanged generator rewrites the same bytes.
``tests/test_sample_data.py`` checks that the committed files hold what this script makes.
"""

from __future__ import annotations

import csv
import io
import re
import sys
import tempfile
import zipfile
from datetime import date, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
if __name__ == "__main__" and str(HERE.parent) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(HERE.parent))

import duckdb  # noqa: E402 - after the path set-up above

from ntm import catalog, periods, store, unit_catalogue, units  # noqa: E402
from sample_data import counts, generator, workbooks  # noqa: E402

MANIFEST = "uploads.csv"
HISTORICAL = "historical-units.csv"  # communes the files name that the unit catalogue lacks (merged before 2025)
MANIFEST_COLUMNS = ["file", "kind", "layer", "uploaded_at", "backfill", "note"]
PLAN_FILE = "ke-hoach-muc-tieu.xlsx"
FIXED_TIME = datetime(2026, 1, 1, 0, 0, 0)  # written into every workbook's properties and zip entries


def stable(data: bytes) -> bytes:
    """The same workbook with fixed timestamps (document properties, zip entries), entries in their order."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)", rb"\g<1>" + stamp + rb"\3", content
                )
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, content)
    return out.getvalue()


def uploaded(name: str) -> tuple[datetime | None, bool, str | None]:
    """When a sample upload would have arrived: the yearly files are a backfill of old reports (never late);
    each monthly template on the 3rd of the next month, 9/2025's on the 14th (late); the appraisal of
    11/2024 on 10/12/2024."""
    if name.startswith("tham-dinh-"):
        return datetime(2024, 12, 10, 15, 0), False, None
    if name.startswith("mau-nhap-"):
        year, month_no = int(name[9:13]), int(name[14:16])
        next_month = periods.shift_months(date(year, month_no, 1), 1)
        day = 14 if (year, month_no) == (2025, 9) else 3
        return datetime(next_month.year, next_month.month, day, 9, 30), False, None
    return None, True, "Nhập số liệu cũ / backfill"


def write_all(con: duckdb.DuckDBPyConnection, folder: Path) -> list[Path]:
    """Write every sample workbook and the manifest into ``folder`` (``con`` holds catalogue and units)."""
    folder.mkdir(parents=True, exist_ok=True)
    frame = generator.facts(con)
    province = units.resolve(con, generator.PROVINCE_CODE, start=generator.ANCHOR_2020)
    rows, written = [], []
    for name, build_file, layer in workbooks.plan(frame):
        (folder / name).write_bytes(stable(build_file(con, province)))
        at, backfill, note = uploaded(name)
        rows.append([name, "report", layer, at.isoformat(" ") if at else "", str(backfill).lower(), note or ""])
        written.append(folder / name)
    for name, kind, data in counts.workbooks(con, frame):  # villages, nâng cao / kiểu mẫu, resources (issue 16)
        (folder / name).write_bytes(stable(data))
        rows.append([name, kind, "self" if kind == "report" else "", "", "true", "Dữ liệu mẫu / sample"])
        written.append(folder / name)
    (folder / PLAN_FILE).write_bytes(stable(workbooks.plan_workbook(con, frame)))
    rows.append([PLAN_FILE, "plan", "", "", "", ""])
    written.append(folder / PLAN_FILE)
    _write_csv(folder / MANIFEST, MANIFEST_COLUMNS, rows)
    added = con.execute(
        """SELECT c.short_name, d.code, c.valid_to, n.short_name, m.effective
           FROM units c JOIN units d ON d.unit_id = c.district_id
           LEFT JOIN unit_mergers m ON m.old_unit_id = c.unit_id LEFT JOIN units n ON n.unit_id = m.new_unit_id
           WHERE c.historical ORDER BY c.unit_id"""
    ).fetchall()  # the generator added them: a commune merged away before the catalogue's snapshot, and where to
    _write_csv(
        folder / HISTORICAL,
        ["name", "district_code", "valid_to", "merged_into", "merged_on"],
        [[n, d, v or "", into or "", on or ""] for n, d, v, into, on in added],
    )
    return [*written, folder / MANIFEST, folder / HISTORICAL]


def _write_csv(path: Path, header: list[str], rows: list[list]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def units_database(path: Path) -> duckdb.DuckDBPyConnection:
    """A scratch database with the package's catalogue and units, all the generator reads."""
    con = store.connect(path)
    catalog.load_builtin(con)
    unit_catalogue.load_catalogue(con)
    return con


def main(folder: Path = HERE) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        con = units_database(Path(scratch) / "units.duckdb")
        stale = set(folder.glob("*.xlsx"))
        for path in write_all(con, folder):
            stale.discard(path)
            print(f"{path.relative_to(folder.parent) if folder == HERE else path}  {path.stat().st_size:>9,} B")
        for path in stale:  # a workbook the generator no longer makes
            path.unlink()
            print(f"removed {path.name}")
        con.close()


if __name__ == "__main__":
    main()
