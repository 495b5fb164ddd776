"""Writes the layout corpus: one workbook per layout variant as offices send them, and beside each the figures
it must load to (``<file>.json``), computed from the statuses written, not by the importer.

    python tests/corpus/make_corpus.py [--out DIR]     # rewrites tests/corpus/files/ (or DIR)

The builders live in ``makers/``, one module per layout family: 1 communes as rows (``rows``, and the national
office's workbook in ``national``), 2 criteria as rows / communes as columns (``columns``), 3 a commune's
self-assessment form (``forms``), 4 long layouts (``long``), 5 our template (``own_template``); ``formats``
writes the same sheets as .xls and .ods. Văn Quan (Lạng Sơn), 5/2020, set ntm-2016, unless a builder says.

The files are byte-for-byte reproducible (``test_make_corpus.py`` checks the committed ones): the zip entries'
dates and the workbook's created/modified dates are fixed (``reproducible``).
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from ntm import reference  # noqa: E402 - the checkout on sys.path first
from tests.corpus.makers import columns, forms, long, national, own_template, rows  # noqa: E402
from tests.corpus.makers.formats import as_ods, as_xls  # noqa: E402

OUT = Path(__file__).resolve().parent / "files"
BUILDERS = [
    rows.f1_two_row_merged_total,
    rows.f1_tc_marks_groups,
    rows.f1_names_codes_abbrev,
    rows.f1_numbered_names_subindicators,
    rows.f1_column_numbering,
    national.f1_national_provinces,
    columns.f2_district_summary,
    columns.f2_codes_and_names_binary,
    forms.f3_forms_sheet_per_commune,
    forms.f3_form_commune_from_sheet_name,
    long.f4_long_labels,
    long.f4_long_codes_two_months,
    long.f4_long_names_only,
    own_template.f5_template,
    own_template.f5_template_one_commune,
]
OTHER_FORMATS = [  # (builder, writer, suffix)
    (rows.f1_two_row_merged_total, as_xls, "xls"),
    (rows.f1_tc_marks_groups, as_ods, "ods"),
    (columns.f2_district_summary, as_ods, "ods"),
    (forms.f3_form_commune_from_sheet_name, as_xls, "xls"),
    (long.f4_long_labels, as_ods, "ods"),
]
FIXED_DATE = (2020, 6, 1, 0, 0, 0)  # every zip entry's date
_CORE_DATE = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def reproducible(data: bytes) -> bytes:
    """A zip workbook (.xlsx, .ods) with its entries' dates and its created/modified properties fixed, entries in
    the same order and compression (an .ods keeps its stored ``mimetype`` first); other bytes as they are."""
    if not data.startswith(b"PK"):
        return data  # .xls: no dates in what xlwt writes
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            content = source.read(entry)
            if entry.filename == "docProps/core.xml":
                content = _CORE_DATE.sub(rb"\g<1>2020-06-01T00:00:00Z\g<2>", content)
            info = zipfile.ZipInfo(entry.filename, date_time=FIXED_DATE)
            info.compress_type, info.external_attr = entry.compress_type, entry.external_attr
            target.writestr(info, content)
    return out.getvalue()


def main(out: Path = OUT, quiet: bool = False) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        con = reference.connect(Path(tmp) / "corpus.duckdb")
        made = {}
        for build in BUILDERS:
            data, exp = build(con)
            made[build] = (data, exp)
            _write(out, build.__name__ + ".xlsx", data, exp, build.__doc__, quiet)
        for build, write, suffix in OTHER_FORMATS:
            data, exp = made[build]
            _write(out, f"{build.__name__}.{suffix}", write(data), exp, build.__doc__, quiet)
        con.close()


def _write(out: Path, name: str, data: bytes, exp: dict, doc: str | None, quiet: bool) -> None:
    (out / name).write_bytes(reproducible(data))
    exp = {"file": name, "about": " ".join((doc or "").split()), **exp}
    (out / (name + ".json")).write_text(json.dumps(exp, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if not quiet:
        print(name)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write (default: tests/corpus/files)")
    main(parser.parse_args().out)
