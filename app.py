"""NTM Dashboard: Streamlit entry point. Language, database, shared filters, navigation."""

import streamlit as st

import navigation
import signin
import ui
import ui_filters
import ui_layout
from ntm import access

started = ui.run_started()
st.set_page_config(page_title="NTM Dashboard", page_icon="🌾", layout="wide")
ui_layout.inject()  # the phone's media rules (a phone variant of a chart, the order of blocks)
search_slot = st.sidebar.container()  # the commune search, first in the sidebar under the menu
ui_filters.language_switch()
try:
    principal = st.session_state["_principal"] = signin.gate(ui.cursor, ui.lang())  # checked on every rerun
except Exception as exc:  # the database cannot be opened or read (corrupt, busy, full disk): say what to do
    ui.database_fault(exc)
    st.stop()

overview = st.Page("views/overview.py", title=ui.tr("page.overview"), icon=":material/dashboard:", url_path="tong-quan")


def _home() -> None:
    """The default page "/" opens the overview. Streamlit's first session on a fresh server answers a deep link
    to the default page's own path ("/tong-quan") with its English "Page not found" (streamlit#8860, #9992), so
    the overview is not the default page; and the page scripts live in ``views/``, not ``pages/``, because
    Streamlit takes a ``pages/`` folder beside the main script for old-style pages and answers the first deep
    link to any other page the same way (tests/test_browser_first_start.py opens both first)."""
    st.switch_page(overview, query_params=st.query_params.to_dict())


pages = {
    "": [st.Page(_home, title=ui.tr("page.overview"), default=True, visibility="hidden")],
    ui.tr("nav.province"): [
        overview,
        st.Page("views/criteria.py", title=ui.tr("page.criteria"), icon=":material/checklist:", url_path="tieu-chi"),
        st.Page("views/levels.py", title=ui.tr("page.levels"), icon=":material/workspace_premium:", url_path="muc-dat"),
        st.Page(
            "views/villages.py", title=ui.tr("page.villages"), icon=":material/holiday_village:", url_path="thon-ban"
        ),
        st.Page("views/resources.py", title=ui.tr("page.resources"), icon=":material/savings:", url_path="nguon-luc"),
        st.Page("views/targets.py", title=ui.tr("page.targets"), icon=":material/flag:", url_path="muc-tieu"),
        st.Page("views/reports.py", title=ui.tr("page.reports"), icon=":material/description:", url_path="bao-cao"),
    ],
    ui.tr("nav.district"): [
        st.Page("views/compare.py", title=ui.tr("page.compare"), icon=":material/grid_on:", url_path="so-sanh-xa"),
        st.Page(
            "views/profile.py", title=ui.tr("page.profile"), icon=":material/person_pin_circle:", url_path="ho-so-xa"
        ),
        st.Page("views/map.py", title=ui.tr("page.map"), icon=":material/map:", url_path="ban-do"),
    ],
    ui.tr("nav.upload"): [
        st.Page("views/upload.py", title=ui.tr("page.upload"), icon=":material/upload_file:", url_path="tai-du-lieu"),
    ],
}
if principal is not None and access.allowed(principal, "users"):
    pages[ui.tr("nav.admin")] = [
        st.Page(
            "views/admin.py", title=ui.tr("page.admin"), icon=":material/admin_panel_settings:", url_path="quan-tri"
        )
    ]
page = st.navigation(pages, position="sidebar" if principal is not None else "hidden")
if principal is None:
    st.stop()  # the sign-in form is all this session sees
try:
    with ui.timed_run(page.url_path, started):  # logs the run's server time when $NTM_TIMING_LOG is set
        if ui.ready():  # on the first start, a progress display while the sample database is built
            st.session_state["_filters"] = ui_filters.sidebar_filters(ui.cursor())
            navigation.search_box(search_slot)  # find a commune from any page
            navigation.print_view()  # ?print=1: the page laid out for paper
            page.run()
except Exception as exc:  # a full disk, a corrupt or busy database: a message, not a traceback
    ui.database_fault(exc)
