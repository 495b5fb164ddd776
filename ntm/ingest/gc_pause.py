"""Python's cyclic garbage collector paused while an upload is read and loaded.

An upload allocates hundreds of thousands of small containers that never form cycles (the parse's rows, the
grid's tuples, the records, the fact tuples). Each 700 allocations start a collection, and every tenth of
every tenth walks the whole heap (the app's or the batch's, millions of objects): the sample build spent about
2 s of its 20 s of CPU in collections that found nothing. Paused, the same work runs without them; reference
counting still frees everything at once, and the collector runs as usual again when the last upload in progress
ends (several threads may import at once: the pause lasts while any of them does). Memory stays bounded by the
upload's size limits, which hold before this pause begins."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

_LOCK = threading.Lock()
_DEPTH = 0
_WAS_ENABLED = False

P = ParamSpec("P")
T = TypeVar("T")


@contextmanager
def paused() -> Iterator[None]:
    """No automatic collection inside; the collector's state before the first of overlapping pauses is restored
    after the last."""
    global _DEPTH, _WAS_ENABLED
    with _LOCK:
        if _DEPTH == 0:
            _WAS_ENABLED = gc.isenabled()
            gc.disable()
        _DEPTH += 1
    try:
        yield
    finally:
        with _LOCK:
            _DEPTH -= 1
            if _DEPTH == 0 and _WAS_ENABLED:
                gc.enable()


def while_paused(function: Callable[P, T]) -> Callable[P, T]:
    """``function`` run inside ``paused()``."""

    @wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        with paused():
            return function(*args, **kwargs)

    return run
