"""NTM Dashboard: Streamlit entry point. Language, database, shared filters, navigation."""

import streamlit as st

import ui

st.set_page_config(page_title="NTM Dashboard", page_icon="🌾", layout="wide")
ui.language_switch()

pages = {
    ui.tr("nav.province"): [
        st.Page(
            "pages/overview.py",
            title=ui.tr("page.overview"),
            icon=":material/dashboard:",
            url_path="tong-quan",
            default=True,
        ),
        st.Page("pages/criteria.py", title=ui.tr("page.criteria"), icon=":material/checklist:", url_path="tieu-chi"),
        st.Page("pages/targets.py", title=ui.tr("page.targets"), icon=":material/flag:", url_path="muc-tieu"),
        st.Page("pages/reports.py", title=ui.tr("page.reports"), icon=":material/description:", url_path="bao-cao"),
    ],
    ui.tr("nav.district"): [
        st.Page("pages/compare.py", title=ui.tr("page.compare"), icon=":material/grid_on:", url_path="so-sanh-xa"),
        st.Page(
            "pages/profile.py", title=ui.tr("page.profile"), icon=":material/person_pin_circle:", url_path="ho-so-xa"
        ),
    ],
    ui.tr("nav.upload"): [
        st.Page("pages/upload.py", title=ui.tr("page.upload"), icon=":material/upload_file:", url_path="tai-du-lieu"),
    ],
}
page = st.navigation(pages)
try:
    if ui.ready():  # on the first start, a progress display while the sample database is built
        st.session_state["_filters"] = ui.sidebar_filters(ui.cursor())
        page.run()
except Exception as exc:  # a full disk, a corrupt or busy database: a message, not a traceback
    ui.database_fault(exc)
