"""Charts built once and drawn many times: a page's figures kept per what they are drawn from, for every session.

Building a plotly figure is the larger part of a page's run once its queries are cached (plotly checks every value
it is given, then ``st.plotly_chart`` copies the whole figure into a dict before writing it as JSON): the compare
page's heatmap of a province's 453 communes, with its phone variant in 26 parts, cost 3 s of CPU on every run.

``kept(build, *args)`` calls ``build(*args)`` once per distinct arguments, hashed by value (the frames a figure is
drawn from and its lists by their pickle, ``ui_keys``; its title, the language), so a figure is never kept under inputs
it was not drawn from; the data version needs no place in the key, since the frames change with it. Every
``go.Figure`` in the result (alone, in a list or a tuple) is kept as ``Frozen``: the JSON plotly itself
produced, which ``st.plotly_chart`` reads back and writes out as it was (the same bytes, so the same element and
selection state).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import orjson
import plotly.graph_objects as go
import plotly.io
import streamlit as st

import ui_keys

T = TypeVar("T")


class Frozen(go.Figure):
    """A figure turned into plain JSON data once, drawn without plotly's checks and copies again.

    ``st.plotly_chart`` takes any plotly figure and asks it for ``to_dict()``; this one answers with a dict read
    from the JSON it keeps (a fresh one each time, so sessions share nothing they could change). It is not a figure to change: ``data`` and
    ``layout`` are left empty on purpose (``__init__`` of plotly is not run, which alone costs 4-7 ms); build a new
    figure instead."""

    def __init__(self, fig: go.Figure):  # no super().__init__(): see the class
        # kept as JSON bytes, read again per draw: a province's heatmap with its phone parts is 2,2 MB so, against
        # 12 MB as Python dicts; reading it back costs ~30 ms, building it ~1 s
        self._json = plotly.io.to_json(fig, validate=False).encode()
        self._title_text = fig.layout.title.text  # plotly refuses public attributes it does not know

    @property
    def title_text(self) -> str | None:
        return self._title_text

    def to_dict(self) -> dict:
        return orjson.loads(self._json)

    def to_plotly_json(self) -> dict:
        return self.to_dict()

    def __repr__(self) -> str:
        return f"Frozen({self._title_text!r})"


def freeze(value: T) -> T:
    """``value`` with every figure in it (alone, or in a list or tuple) frozen."""
    if isinstance(value, Frozen):
        return value
    if isinstance(value, go.Figure):
        return Frozen(value)  # type: ignore[return-value]
    if isinstance(value, (list, tuple)):
        return type(value)(freeze(v) for v in value)  # type: ignore[return-value]
    return value


def kept(build: Callable[..., Any], *args: Any) -> Any:
    """``build(*args)`` with its figures frozen, built once per arguments and kept for every session."""
    return _kept(_name(build), build, "", None, *args)


def kept_with_phone(
    build: Callable[..., go.Figure], phone: Callable[[go.Figure], Any], *args: Any
) -> tuple[go.Figure, Callable[[], Any]]:
    """(``build(*args)``, a function giving ``phone`` of it), frozen and kept apart: the phone variant is built the
    first time a phone asks for it (``ui_layout.chart`` calls the function only for a phone), not for every wide
    screen that never draws it."""
    return kept(build, *args), lambda: _kept(_name(build), build, _name(phone), phone, *args)


def _name(fn: Callable) -> str:
    return f"{fn.__module__}.{fn.__qualname__}"


@st.cache_resource(show_spinner=False, max_entries=128, hash_funcs=ui_keys.HASH_FUNCS)
def _kept(name: str, _build: Callable, phone_name: str, _phone: Callable | None, *args: Any) -> Any:
    """The cache behind ``kept``, keyed by the builders' dotted names and the arguments' values (frames, lists and
    dicts by ``ui_keys.digest``). A resource cache
    (the objects themselves, not pickled copies: unpickling a figure would check it all again); bounded, the
    oldest dropped first. With ``_phone``, only the phone variant is kept (the wide figure has its own entry)."""
    built = _build(*args)
    return freeze(built if _phone is None else _phone(built))
