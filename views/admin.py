"""Quản trị: accounts (add, change, disable), the change log, and a backup taken while the app serves."""

import tempfile

import pandas as pd
import streamlit as st

import navigation
import ui
from ntm import access, accounts, audit, backup, plain, units
from ntm.i18n import t

cur, lang = ui.cursor(), ui.lang()
who = ui.principal()
st.title(ui.tr("admin.title"))
try:
    access.require(who, "users")
except access.AccessDenied as exc:
    ui.refusal(exc)
    st.stop()

st.subheader(ui.tr("admin.users_title"))
listed = accounts.accounts(cur)
if listed:
    navigation.table(
        pd.DataFrame(
            {
                ui.tr("users.col.name"): [a.username for a in listed],
                ui.tr("users.col.role"): [ui.tr(f"access.role.{a.role}") for a in listed],
                ui.tr("users.col.scope"): [", ".join(a.scopes) or ui.tr("signin.everywhere") for a in listed],
                ui.tr("users.col.state"): [
                    ui.tr("users.state." + ("disabled" if a.disabled else "active")) for a in listed
                ],
                ui.tr("users.col.created"): [audit.fmt_when(a.created_at, lang) for a in listed],
            }
        ),
        hide_index=True,
        width="stretch",
    )
else:
    ui.empty("users.none")

with st.expander(ui.tr("admin.add_title")):
    with st.form("add_user", clear_on_submit=True):
        name = st.text_input(ui.tr("users.col.name"), key="admin_user")
        role = st.selectbox(
            ui.tr("users.col.role"), access.ROLES, key="admin_role", format_func=lambda r: t(f"access.role.{r}", lang)
        )
        scope_text = st.text_input(ui.tr("admin.scope"), key="admin_scope")
        password = st.text_input(ui.tr("signin.password"), type="password", key="admin_password")
        add = st.form_submit_button(ui.tr("admin.add"), type="primary")
    if add:
        try:
            scopes = [u for p in scope_text.split(";") if p.strip() for u in access.scope_units(cur, p.strip())]
            accounts.add(cur, who, name, role, scopes, password or None)
        except access.AccessDenied as exc:
            ui.refusal(exc)
        except units.UnitError as exc:
            st.error(plain.markdown(str(exc)))
        else:
            st.success(ui.tr("admin.saved"))
            st.rerun()

active = [a.username for a in listed if not a.disabled]
if active:
    left, right = st.columns([3, 1])
    target = left.selectbox(ui.tr("admin.disable_pick"), active, key="disable_pick")
    if right.button(ui.tr("admin.disable"), key="disable_user"):
        try:
            accounts.disable(cur, who, target)
        except access.AccessDenied as exc:
            ui.refusal(exc)
        else:
            st.rerun()

st.subheader(ui.tr("admin.audit_title"))
log = audit.entries(cur, limit=500, within=who.scopes)  # an administrator of a district sees its changes
if log:
    navigation.table(audit.table(log, lang), hide_index=True, width="stretch")
else:
    ui.empty("audit.none")

st.subheader(ui.tr("admin.backup_title"))
st.caption(ui.tr("admin.backup_help"))
if st.button(ui.tr("admin.backup_make"), key="backup_make"):
    access.require(who, "backup")
    with tempfile.TemporaryDirectory() as workdir:  # a consistent copy taken on the app's own connection
        st.session_state["_backup"] = (backup.default_name(), backup.backup_bytes(cur, workdir))
if "_backup" in st.session_state:
    file_name, data = st.session_state["_backup"]
    st.download_button(
        ui.tr("admin.backup_download", size=f"{len(data) / 1_000_000:.1f} MB"),
        data,
        file_name=file_name,
        key="backup_download",
        mime="application/octet-stream",
    )
