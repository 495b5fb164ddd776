"""A page's figures computed once: within ``shared()`` (one report draft, one page's run), ``once(fn, *args)``
calls ``fn`` the first time and hands later callers the same result, so that a report reading the commune
scores through its levels, comparison and village sections runs that query once instead of a dozen times.

Nothing is kept beyond the ``with`` block (the next draft computes again, cold), and nothing is shared between
threads (each Streamlit script run has its own context). Only reads belong inside: a write within the block
would not be seen by the results already taken. Frames come back as shallow copies, since callers add columns:
under pandas' copy-on-write a caller's change to its copy never reaches the memo (nor the data it shares).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

import pandas as pd

T = TypeVar("T")

_MEMO: ContextVar[dict | None] = ContextVar("page_memo", default=None)


@contextmanager
def shared() -> Iterator[None]:
    """Results of ``once`` are shared until the block ends (a nested block joins the outer one)."""
    if _MEMO.get() is not None:
        yield
        return
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def once(fn: Callable[..., T], *args: Any) -> T:
    """``fn(*args)``, or what it returned for the same arguments earlier in the ``shared()`` block (arguments
    are hashable values: the connection, units, periods, set ids, lenses)."""
    memo = _MEMO.get()
    if memo is None:
        return fn(*args)
    key = (fn, *args)
    if key not in memo:
        memo[key] = fn(*args)
    value = memo[key]
    return value.copy(deep=False) if isinstance(value, pd.DataFrame) else value
