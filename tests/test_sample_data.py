"""The committed sample workbooks are what ``sample_data/regenerate.py`` makes (cell by cell), and the package
reads them as files (that ``ntm`` never imports ``sample_data`` is an import-linter contract)."""

import io
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from ntm import paths, sample
from sample_data import regenerate

SAMPLE = paths.ROOT / "sample_data"


def cells(path: Path) -> dict[str, list[list]]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(path.read_bytes()))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


@pytest.fixture
def regenerated(regenerated_sample_data) -> Path:
    """What the script makes now (tests/conftest.py: once per session, or kept while its code is unchanged)."""
    return regenerated_sample_data


def test_the_committed_files_are_the_ones_the_script_makes(regenerated):
    made = sorted(p.name for p in regenerated.iterdir())
    committed = sorted(p.name for p in SAMPLE.iterdir() if p.suffix in {".xlsx", ".csv"})
    assert made == committed, "run: python sample_data/regenerate.py"
    for name in made:
        if name.endswith(".csv"):
            assert (regenerated / name).read_text() == (SAMPLE / name).read_text(), name
        elif (regenerated / name).read_bytes() != (SAMPLE / name).read_bytes():  # the same bytes: the same cells
            assert cells(regenerated / name) == cells(SAMPLE / name), (
                f"{name} differs: python sample_data/regenerate.py"
            )


def test_regenerating_twice_gives_the_same_bytes(regenerated):
    """Fixed workbook timestamps: an unchanged generator leaves git nothing to commit."""
    for path in regenerated.glob("*.xlsx"):
        assert regenerate.stable(path.read_bytes()) == path.read_bytes(), path.name


def test_the_manifest_lists_every_workbook_in_load_order():
    entries = sample.manifest(SAMPLE)
    assert {e.file for e in entries} == {p.name for p in SAMPLE.glob("*.xlsx")}
    assert [e.kind for e in entries].count("plan") == 1 and entries[-1].kind == "plan"
    appraisal = next(e for e in entries if e.layer == "appraised")
    assert appraisal.file == "tham-dinh-van-quan-2024-11.xlsx" and not appraisal.backfill
    late = next(e for e in entries if e.file == "mau-nhap-2025-09.xlsx")
    assert late.uploaded_at is not None and (late.uploaded_at.month, late.uploaded_at.day) == (10, 14)
