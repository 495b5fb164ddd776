"""User text shown as text: in Markdown, in Plotly labels, in spreadsheet cells.

Names, plan text, decision numbers and file names come from users' files. Streamlit renders
Markdown in ``st.markdown``, ``st.title``, ``st.success`` … (``![](http://…)`` loads an image,
``[x](http://…)`` is a link, ``:red[…]`` recolours); Plotly renders a subset of HTML in labels
(``<a href>`` is a live link); Excel runs a cell starting with ``=``, ``+``, ``-`` or ``@`` as a
formula. Each function here makes a value inert for one of them.
"""

from __future__ import annotations

import re
import string
from typing import Any, TypeVar, overload

import numpy as np
import pandas as pd

T = TypeVar("T")

# CommonMark lets a backslash escape any ASCII punctuation: escaping all of it leaves no syntax
# (emphasis, links, images, autolinks, HTML, tables, Streamlit's :colour[…] directives) in the text.
_MD_SPECIAL = re.compile("([" + re.escape(string.punctuation) + "])")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?\s?%?")  # "-2", "+1,5", "-3 %": a signed number, not a formula


def markdown(value: object) -> str:
    """``value`` as Markdown that renders exactly as the text (line breaks kept as spaces)."""
    text = "" if value is None else str(value)
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    return _MD_SPECIAL.sub(r"\\\1", text)


def label(value: object) -> object:
    """A Plotly label that shows ``<a href=…>`` as those characters, never as a tag (strings only)."""
    if not isinstance(value, str):
        return value
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@overload
def cell(value: str) -> str: ...
@overload
def cell(value: T) -> T: ...
def cell(value: Any) -> Any:
    """A spreadsheet cell that cannot run as a formula: text starting with = + - @ tab or CR gets a
    leading apostrophe (OWASP's advice for CSV injection). Numbers, signed numbers written as text
    ("-2") and other values pass unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def frame(data: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``data`` whose text cells and column names went through ``cell``."""
    out = data.copy()
    out.columns = [cell(c) for c in out.columns]
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(cell)
    return out


def _labels(values):
    """``label`` over nested sequences; arrays of numbers or dates are left as they are."""
    if isinstance(values, str):
        return label(values)
    if hasattr(values, "dtype"):
        return _labels(values.tolist()) if values.dtype.kind in "OUS" else values
    if isinstance(values, (list, tuple)):
        return [_labels(v) for v in values]
    return label(values)


def _array(values):
    """Escaped labels given back to plotly as an object array where they form one (a flat or rectangular list):
    plotly checks a list element by element (0,3 s for a heatmap's 8,600 labels) and an array at once, and writes
    both as the same JSON."""
    if not isinstance(values, list):
        return values
    if values and all(isinstance(v, list) for v in values):
        rows = {len(v) for v in values}
        flat = all(not isinstance(x, (list, tuple, dict)) for v in values for x in v)
        return np.array(values, dtype=object) if len(rows) == 1 and flat else values
    return values if any(isinstance(v, (list, tuple, dict)) for v in values) else np.array(values, dtype=object)


def chart(fig):
    """Escape every user-derived string of a Plotly figure: trace data and names, titles, annotations."""
    for trace in fig.data:
        for prop in ("x", "y", "text", "hovertext", "customdata", "labels", "ids"):
            if prop in trace and trace[prop] is not None:
                trace[prop] = _array(_labels(trace[prop]))
        if "name" in trace and isinstance(trace.name, str):
            trace.name = label(trace.name)
    layout = fig.layout
    if layout.title and layout.title.text:
        layout.title.text = label(layout.title.text)
    for axis in (layout[k] for k in layout if k.startswith(("xaxis", "yaxis"))):
        if axis.title and axis.title.text:
            axis.title.text = label(axis.title.text)
        if axis.ticktext is not None:
            axis.ticktext = _labels(list(axis.ticktext))
    for note in layout.annotations or ():
        if note.text:
            note.text = label(note.text)
    return fig
