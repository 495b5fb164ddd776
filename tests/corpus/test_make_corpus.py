"""The committed corpus is what ``make_corpus.py`` writes, byte for byte (workbooks and expected figures)."""

import filecmp

from tests.corpus import make_corpus


def test_the_committed_corpus_is_what_the_script_writes(tmp_path):
    make_corpus.main(tmp_path, quiet=True)
    made = sorted(p.name for p in tmp_path.iterdir())
    assert made == sorted(p.name for p in make_corpus.OUT.iterdir())
    _, differ, errors = filecmp.cmpfiles(tmp_path, make_corpus.OUT, made, shallow=False)
    assert (differ, errors) == ([], [])


def test_a_workbook_is_reproducible_whenever_it_is_written():
    first, second = (make_corpus.reproducible(_book()) for _ in range(2))
    assert first == second and first.startswith(b"PK")


def _book() -> bytes:
    import time

    import openpyxl

    from tests.corpus.makers.common import xlsx

    book = openpyxl.Workbook()
    book.active.append(["Tên xã", 1, 2, 3])
    data = xlsx(book)
    time.sleep(1.1)  # a second later: openpyxl writes another date, zip entries another time
    return data
