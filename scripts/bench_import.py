"""Benchmark: a province workbook (500 communes × 19 criteria + sub-indicator columns) from bytes to committed,
in-process, detection included; printed beside a baseline run alongside (python-calamine parsing the same
bytes, nothing else), so that the ratio survives a busy machine, and with the CPU time spent (wall time on a
shared machine is mostly waiting for a core).

    python scripts/bench_import.py [--db PATH]
"""

from __future__ import annotations

import io
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ntm import catalog, reference, store, units
from ntm.ingest.importer import import_file

DAY = date(2020, 5, 1)


def province_workbook(con) -> tuple[bytes, int]:
    """Thanh Hóa's first 500 xã, a sheet as the province office keeps it: titles, criteria with their
    sub-indicator columns, district group rows."""
    province = units.resolve(con, "Thanh Hóa", start=DAY)
    communes = units.communes_under(con, province, DAY, DAY, rural_only=False).head(500)
    crit = catalog.criteria(con, "ntm-2016")
    subs = catalog.indicators(con, "ntm-2016")
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("T5-2020")
    sheet.append([f"UBND {province.name.upper()}"])
    sheet.append(["BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ NTM GIAI ĐOẠN 2016-2020, THÁNG 5/2020"])
    head = ["TT", "Mã xã", "Tên xã"]
    for no in crit["criterion_no"]:
        head.append(int(no))
        head += [
            code for code in subs.loc[subs["criterion_no"] == no, "indicator_code"] if "/" not in code and "." in code
        ]
    sheet.append(head)
    for k, row in enumerate(communes.itertuples(), start=1):
        cells = [k, row.code, row.name]
        for h in head[3:]:
            cells.append(("Đạt" if (k + h) % 3 else "Chưa đạt") if isinstance(h, int) else round(50 + k % 50, 1))
        sheet.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue(), len(communes)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base.duckdb"
        reference.connect(base).close()  # seeded with the reference data
        con = store.connect(base)
        data, n = province_workbook(con)
        con.close()
        import python_calamine

        from ntm.ingest import worker

        runs, cpu, baseline = [], [], []
        for k in range(6):
            path = Path(tmp) / f"run{k}.duckdb"
            shutil.copy(base, path)
            con = store.connect(path)
            started, started_cpu = time.perf_counter(), time.process_time()
            result = import_file(con, data, "tinh.xlsx")
            runs.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
            con.close()
            assert result.status == "loaded", [p.located("en") for p in result.errors[:3]]
            started = time.perf_counter()
            book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
            book.get_sheet_by_index(0).to_python()
            baseline.append(time.perf_counter() - started)
        started = time.process_time()
        worker.parse(data, "tinh.xlsx")  # what the limited child does, timed here for its CPU
        child_cpu = time.process_time() - started
        first, runs, cpu, baseline = runs[0], runs[1:], cpu[1:], baseline[1:]  # the first starts the fork server
        median, base_median = statistics.median(runs), statistics.median(baseline)
        print(
            f"{n} communes, {result.rows} criterion rows, {len(data) // 1024} KB, layout "
            f"{result.layout.best.family} {result.layout.best.confidence}: import {median:.3f} s (median of 5; "
            f"CPU of this process {statistics.median(cpu):.3f} s, the child's check and parse {child_cpu:.3f} s; "
            f"the first import, starting the parse server, {first:.3f} s), calamine parse alone {base_median:.3f} s, "
            f"ratio {median / base_median:.1f}"
        )


if __name__ == "__main__":
    main()
