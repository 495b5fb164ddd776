"""Name caches hold a bounded number of bytes, whatever the cells of an upload look like."""

from __future__ import annotations

import gc
import tracemalloc

from ntm import text
from ntm.bounded_cache import byte_bounded_cache


def test_long_cell_text_is_not_kept():
    text.fold.cache_clear()
    text.name_key.cache_clear()
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(1_000):  # a sheet of distinct 1,000-character cells (the old lru_cache kept every one)
        text.fold(f"Xã Điềm He số {i} " + "ư" * 980)
    gc.collect()
    kept = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert kept < 500_000, kept  # 1,000 × (key, name_key, fold) ≈ 5 MB were kept before
    assert text.fold.cache_bytes() == 0


def test_many_short_names_stay_under_the_byte_budget():
    calls = []
    cached = byte_bounded_cache(max_bytes=100_000)(lambda v: calls.append(v) or str(v).upper())
    for i in range(50_000):
        cached(f"xã {i}")
    assert cached.cache_bytes() <= 100_000
    assert cached("xã 49999") == "XÃ 49999" and len(calls) == 50_000  # the newest are still cached
    cached("xã 0")
    assert len(calls) == 50_001  # the oldest went first


def test_the_same_words_are_computed_once():
    calls = []
    cached = byte_bounded_cache()(lambda v: calls.append(v) or v)
    for _ in range(1000):
        cached("Đạt")
        cached(None)  # not text: computed, not kept
    assert calls.count("Đạt") == 1 and calls.count(None) == 1000
