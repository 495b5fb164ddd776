"""Streamlit glue for a layout that fits the screen: charts with their titles as headings above them, a phone
variant of a chart or a block drawn beside the wide one, and the order of a page's blocks on a phone.

Streamlit renders on the server without knowing the viewport. Blocks are sent in both variants and CSS media
rules (``PHONE_WIDTH``, Streamlit's own breakpoint for stacking columns) show one: every ``st.container(key=...)``
carries the CSS class ``st-key-<key>``, and the key's prefix says what the block is:

- ``wide__…`` is hidden on a phone, ``phone__…`` everywhere else;
- ``chart__…`` holds a chart drawn by ``chart``: plotly's own title is hidden on screen (the heading above says it,
  wraps on a phone and is never under the toolbar), and kept in the PNG the toolbar downloads (plotly draws the
  image from the figure, not from the page);
- ``order1__`` … ``order4__`` move a block on a phone: the blocks of a page's main column are laid out in that
  order after the unnumbered ones (the title, the first figures).

A chart's phone variant is drawn only where it can be seen: plotly lays out and draws a chart hidden by CSS as it
does a shown one (the compare page's nine hidden phone grids of a province cost chromium 0,5 s a switch). The
browser says what it is (``screen_of``): a phone gets the phone variant, another screen the wide one, each shown at
any width (a desktop window made narrow keeps the wide chart, stretched to it); a client that says nothing gets both,
one shown by the media rules.

Nothing here computes a figure.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal

import plotly.graph_objects as go
import streamlit as st

import navigation
import ui_figures
from ntm import plain

PHONE_WIDTH = 640  # px: Streamlit stacks columns at this width and below
CSS = f"""
<style>
@media (min-width: {PHONE_WIDTH + 1}px) {{
  [class*="st-key-phone__"], div:has(> [class*="st-key-phone__"]) {{ display: none !important; }}
}}
@media (max-width: {PHONE_WIDTH}px) {{
  [class*="st-key-wide__"], div:has(> [class*="st-key-wide__"]) {{ display: none !important; }}
  div:has(> [class*="st-key-order1__"]) {{ order: 1; }}
  div:has(> [class*="st-key-order2__"]) {{ order: 2; }}
  div:has(> [class*="st-key-order3__"]) {{ order: 3; }}
  div:has(> [class*="st-key-order4__"]) {{ order: 4; }}
  [class*="st-key-figures__"] [data-testid="stHorizontalBlock"] {{ flex-wrap: nowrap; gap: 0.4rem; }}
  [class*="st-key-figures__"] [data-testid="stColumn"] {{ min-width: 0 !important; flex: 1 1 0 !important; }}
  [class*="st-key-figures__"] [data-testid="stMetric"] {{ padding: 0.4rem 0.5rem; }}
  [class*="st-key-figures__"] [data-testid="stColumn"] [data-testid="stVerticalBlock"],
  [class*="st-key-figures__"] [data-testid="stElementContainer"],
  [class*="st-key-figures__"] [data-testid="stMetric"] {{ height: 100%; }}
  [class*="st-key-figures__"] [data-testid="stMetricLabel"] {{ width: 100%; }}
  [class*="st-key-figures__"] [data-testid="stMetricValue"] {{ font-size: 1.5rem; }}
  [class*="st-key-figures__"] [data-testid="stMetricLabel"] p {{
    white-space: normal; word-break: normal; overflow-wrap: normal; font-size: 0.8rem; line-height: 1.2;
  }}
  [class*="st-key-figures__"] [data-testid="stTooltipIcon"] {{ display: none; }}
}}
[class*="st-key-chart__"] .gtitle {{ display: none; }}
[class*="st-key-chart__"] h5 {{ padding: 0; margin: 0; font-size: 1rem; }}
</style>
"""


def inject() -> None:
    """The media rules, once per script run (app.py, before the page)."""
    st.html(CSS)


Screen = Literal["phone", "wide", "unknown"]


def screen_of(headers: Mapping[str, str]) -> Screen:
    """What a browser's request headers say it is: a phone (the Client Hint ``Sec-CH-UA-Mobile: ?1``, or "Mobi" in
    its user agent: every phone browser sends it, no desktop or tablet browser does), another screen (any other user
    agent), or nothing said (no user agent)."""
    said = {name.lower(): value for name, value in headers.items()}
    agent = said.get("user-agent", "")
    if said.get("sec-ch-ua-mobile", "").strip() == "?1" or "Mobi" in agent:
        return "phone"
    return "wide" if agent else "unknown"


def phone(name: str):
    """A block shown only on a phone."""
    return st.container(key=f"phone__{name}")


def wide(name: str):
    """A block shown everywhere but on a phone."""
    return st.container(key=f"wide__{name}")


def order(rank: int, name: str):
    """A block that a phone shows at place ``rank`` (1-4) after the page's unnumbered blocks."""
    return st.container(key=f"order{rank}__{name}")


def figures(name: str, items: Sequence[dict[str, Any]]) -> None:
    """A row of metric cards (``st.metric`` keyword arguments) that stays one row on a phone."""
    with st.container(key=f"figures__{name}"):
        for column, item in zip(st.columns(len(items)), items, strict=True):
            column.metric(border=True, **item)


def heading(fig: go.Figure) -> None:
    """The figure's title as a heading (plain text: titles carry names from users' files)."""
    title = fig.title_text if isinstance(fig, ui_figures.Frozen) else fig.layout.title.text
    if title:
        st.markdown("##### " + plain.markdown(title))


def chart(
    fig: go.Figure,
    key: str,
    file_name: str | None = None,
    *,
    phone_figs: Callable[[], go.Figure | Sequence[go.Figure]] | None = None,
    **kwargs: Any,
) -> list:
    """``st.plotly_chart`` with the title as a heading above it and our toolbar (``navigation.chart_config``);
    ``phone_figs``, when given, builds what is drawn instead on a phone (one figure, or several one under another):
    only that on a phone, only ``fig`` on another screen, both when the browser did not say (``screen_of``); it is
    called only when its figures are drawn.
    Returns the selection events of the charts drawn (``on_select`` in ``kwargs``), the wide one first."""
    config = navigation.chart_config(file_name or key)
    screen = "wide" if phone_figs is None else screen_of(st.context.headers)
    events = []

    def draw_wide() -> None:
        events.append(st.plotly_chart(fig, width="stretch", key=key, config=config, **kwargs))

    def draw_phone() -> None:
        built = phone_figs() if phone_figs is not None else ()
        many = [built] if isinstance(built, go.Figure) else list(built)
        for i, part in enumerate(many):
            events.append(st.plotly_chart(part, width="stretch", key=f"{key}-phone-{i}", config=config, **kwargs))

    with st.container(key=f"chart__{key}"):
        heading(fig)
        if screen == "wide":
            draw_wide()
        elif screen == "phone":
            draw_phone()
        else:
            with wide(key):
                draw_wide()
            with phone(key):
                draw_phone()
    return events
