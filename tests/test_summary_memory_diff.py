"""The in-memory answers against the SQL they replaced (kept in ``scripts/summary_memory_diff.py``), on the sample:
the whole country, provinces of both eras, districts and communes × every (layer, set) the summary holds and the
years around them: the same frames, result by result."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "summary_memory_diff.py"


def test_the_memory_answers_equal_the_sql_on_the_sample(sample_con):
    spec = importlib.util.spec_from_file_location("summary_memory_diff", SCRIPT)
    assert spec is not None and spec.loader is not None
    diff = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(diff)
    compared, differences = diff.compare(sample_con, provinces=2, districts=3, communes=4)
    assert compared > 500 and differences == []
