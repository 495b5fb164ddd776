"""Bounded memos: for functions of cell text, bounded by the bytes held (``byte_bounded_cache``); and answers kept
per state of the database (``kept``), bounded by a count of states.

``functools.lru_cache(65536)`` keyed by whole cell text kept megabytes alive per upload: a sheet
of distinct long strings fills it with copies of the file. Here only short keys are kept (the
words that repeat: "Đạt", commune names), the total size is capped and the least recently used
entries go first.
"""

from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

R = TypeVar("R")
V = TypeVar("V")

MAX_KEY_CHARS = 200
MAX_BYTES = 4 * 1024 * 1024


def byte_bounded_cache(
    max_bytes: int = MAX_BYTES, max_key_chars: int = MAX_KEY_CHARS
) -> Callable[[Callable[[object], R]], Callable[[object], R]]:
    """Memoise a one-argument function for str keys of at most ``max_key_chars`` characters, in at
    most ``max_bytes`` (keys and values as ``sys.getsizeof`` counts them); other calls are computed."""

    def decorate(function: Callable[[object], R]) -> Callable[[object], R]:
        entries: OrderedDict[str, tuple[R, int]] = OrderedDict()
        lock = threading.Lock()
        held = [0]

        @wraps(function)
        def cached(value: object) -> R:
            if type(value) is not str or len(value) > max_key_chars:
                return function(value)
            hit = entries.get(value)  # one C call, atomic under the GIL: a hit takes no lock
            if hit is not None:
                try:  # noqa: SIM105 - a try costs nothing here, a context manager per hit does
                    entries.move_to_end(value)
                except KeyError:  # another thread let it go meanwhile
                    pass
                return hit[0]
            result = function(value)
            size = sys.getsizeof(value) + sys.getsizeof(result)
            with lock:
                if value not in entries:
                    entries[value] = (result, size)
                    held[0] += size
                    while held[0] > max_bytes and entries:
                        _, (_, freed) = entries.popitem(last=False)
                        held[0] -= freed
            return result

        def cache_bytes() -> int:
            return held[0]

        def cache_clear() -> None:
            with lock:
                entries.clear()
                held[0] = 0

        cached.cache_bytes = cache_bytes  # type: ignore[attr-defined]
        cached.cache_clear = cache_clear  # type: ignore[attr-defined]
        return cached

    return decorate


def kept(states: dict, key: object, make: Callable[[], V], most: int) -> V:
    """The value kept in ``states`` under ``key`` (a fingerprint of the tables it answers from), made by ``make``
    when missing; when ``most`` are kept the oldest goes first (a process serves one or two databases)."""
    if key not in states:
        if len(states) >= most:
            states.pop(next(iter(states)))
        states[key] = make()
    return states[key]
