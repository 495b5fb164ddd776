"""Streamlit glue for moving the way officials do: search a commune from any page, drill down from a chart
or a table to a commune's profile or a district's overview and back, the print view (``?print=1``).

Nothing here computes a figure: the search itself is ``ntm.search``.
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

import ui
from ntm import plotly_locale, search
from ntm.data_version import data_version

PROFILE = "views/profile.py"
OVERVIEW = "views/overview.py"


# ---------------------------------------------------------------- the commune a profile shows
def commune_choice(codes: list[str]) -> None:
    """Set the profile's commune widget before it is drawn: a drill-down or search just made wins, then the
    commune kept from an earlier visit, then the URL (a bookmarked link), then the first of the list."""
    goto = st.session_state.pop("_goto_commune", None)
    current = st.session_state.get("commune")
    for wanted in (goto, current, st.session_state.get("_kept_commune"), st.query_params.get("commune")):
        if wanted in codes:
            st.session_state["commune"] = st.session_state["_kept_commune"] = wanted
            return
    st.session_state["commune"] = codes[0]


def keep_commune() -> None:
    st.session_state["_kept_commune"] = st.session_state.get("commune")


def open_commune(code: str, came_from: str | None = None) -> None:
    """Go to the profile of the commune with statistics code ``code``; ``came_from`` (a page path) gets the
    way back."""
    st.session_state["_goto_commune"] = str(code)
    st.session_state["_back"] = came_from
    st.switch_page(PROFILE, query_params={**_filters(), "commune": str(code)})


def open_district(code: str) -> None:
    """Show the overview of district ``code`` (the sidebar's district filter follows)."""
    st.session_state["_kept_district"] = str(code)
    st.session_state["_back"] = OVERVIEW
    st.switch_page(OVERVIEW, query_params={**_filters(), "district": str(code)})


def back_link() -> None:
    """The way back to the page a drill-down started from."""
    back = st.session_state.get("_back")
    if back:
        st.page_link(back, label=ui.tr("nav.back"), icon=":material/arrow_back:")


def chart_config(file_name: str) -> dict:
    """The plotly toolbar for a chart: "download as PNG" only, in the user's language."""
    return plotly_locale.config(ui.lang(), file_name)


def _filters() -> dict[str, str]:
    keys = ("lang", "mode", "period", "set", "layer", "province", "district")
    return {k: str(st.session_state[k]) for k in keys if st.session_state.get(k)}


# ---------------------------------------------------------------- search from anywhere
def search_box(where=None) -> None:
    """A sidebar field: type a commune's name, with or without accents ("tu xuyen"); pick one to open its profile."""
    current = ui.filters()
    if current is None:
        return
    chosen = st.session_state.pop("_searched_commune", None)
    if chosen:
        open_commune(chosen)
    where = where if where is not None else st.sidebar
    text = where.text_input(
        ui.tr("search.label"), key="commune_search", placeholder=ui.tr("search.placeholder"), max_chars=60
    )
    if not text.strip():
        return
    cur = ui.cursor()
    hits = ui.query(search.communes, cur, data_version(cur), text, current.province, current.period.end)
    if not hits:
        where.caption(ui.tr("search.none", text=text))
        return
    for hit in hits:
        label = ui.tr("search.hit", name=hit.name, district=hit.district) if hit.district else hit.name
        where.button(
            label,
            key=f"hit-{hit.code}",
            icon=":material/location_on:",
            width="stretch",
            on_click=_chosen,
            args=(hit.code,),
        )


def _chosen(code: str) -> None:
    """A search result was clicked: empty the field, open the profile on this run."""
    st.session_state["commune_search"] = ""
    st.session_state["_searched_commune"] = code


# ---------------------------------------------------------------- print view
PRINT_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], .stDownloadButton, [data-testid="stElementToolbar"],
.modebar-container { display: none !important; }
.block-container, [data-testid="stMainBlockContainer"] { max-width: 100% !important; padding: 0.5rem 1rem !important; }
[data-testid="stMain"] { margin-left: 0 !important; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  .stPlotlyChart, [data-testid="stTable"], [data-testid="stVerticalBlock"] > div { break-inside: avoid; }
  [data-testid="stTable"] table { font-size: 10pt; }
}
</style>
"""


def printing() -> bool:
    """True in the print view (``?print=1``): no sidebar, no toolbars, whole tables."""
    return st.query_params.get("print") == "1"


def print_view() -> None:
    """Apply the print layout when the URL asks for it; otherwise offer the link to it in the sidebar."""
    if printing():
        st.html(PRINT_CSS)
        st.caption(ui.tr("print.hint"))
    else:
        params = {**dict(st.query_params), "print": "1"}
        st.sidebar.link_button(ui.tr("print.open"), "?" + urlencode(params), icon=":material/print:")


def table(frame, **kwargs) -> None:
    """``st.dataframe`` on screen; the whole table (``st.table``, every row, no scrolling) in the print view,
    without the index when the screen table hides it."""
    if printing():
        if kwargs.get("hide_index") and hasattr(frame, "style"):
            frame = frame.style.hide(axis="index")
        elif kwargs.get("hide_index") and hasattr(frame, "hide"):
            frame = frame.hide(axis="index")
        st.table(frame)
    else:
        st.dataframe(frame, **kwargs)
