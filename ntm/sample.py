"""Building the demo database: catalogue, units and the generated Lạng Sơn reports."""
from __future__ import annotations

from typing import Callable

import duckdb

from ntm import catalog, store, units

Progress = Callable[[float, str], None]


def build(con: duckdb.DuckDBPyConnection, progress: Progress | None = None) -> dict[str, int]:
    """(Re)build everything the demo needs in ``con``; ``progress(fraction, step)`` is told along the way."""
    from sample_data import generator  # the generator lives with the sample data, outside the package

    report = progress or (lambda fraction, step: None)
    report(0.05, "catalog")
    catalog.load_builtin(con)
    report(0.15, "units")
    con.execute("DELETE FROM assessments; DELETE FROM assessment_history; DELETE FROM indicator_values;"
                "DELETE FROM indicator_history; DELETE FROM uploads")
    n_units = units.load_catalogue(con)
    report(0.4, "facts")
    frame = generator.facts(con)
    report(0.6, "load")
    frame["year"] = frame["period"].map(lambda d: d.year)
    uploads = 0
    for year, part in frame.groupby("year"):
        store.load_facts(con, part.drop(columns="year"), source="sample", file_name=f"sample-{year}",
                         note="Dữ liệu mẫu / sample data")
        uploads += 1
    report(1.0, "done")
    return {"units": n_units, "rows": len(frame), "uploads": uploads}
