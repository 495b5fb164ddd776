"""Streamlit glue for signing in: who is using this session, decided on every rerun.

``ntm.access.signin_mode`` decides from the address the server binds: on 127.0.0.1 the single local
user works without signing in (the sidebar says so); on any other address the session needs
``st.login`` (OpenID Connect, when ``.streamlit/secrets.toml`` configures a provider) or a built-in
account (name and password, ``python -m ntm users add``). The account is read again on every rerun,
so a disabled account stops at the next click.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable, Mapping

import duckdb
import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from ntm import access, accounts, plain
from ntm.access import Principal
from ntm.i18n import t

_SIGNED_IN = "_signed_in_as"


def oidc_configured() -> bool:
    """A provider in ``[auth]`` of secrets.toml (``client_id`` directly or in a named provider section)."""
    try:
        auth = st.secrets.get("auth")
    except (StreamlitSecretNotFoundError, FileNotFoundError):
        return False
    if not isinstance(auth, Mapping):
        return False
    return bool(auth.get("client_id")) or any(isinstance(v, Mapping) and v.get("client_id") for v in auth.values())


FORWARDING_HEADERS = ("X-Forwarded-For", "X-Forwarded-Host", "X-Real-Ip", "Forwarded")


def mode() -> access.SigninMode:
    """From the bound address; a request relayed by a reverse proxy (which reaches 127.0.0.1 on everyone's
    behalf) or ``NTM_SIGNIN=required`` needs a sign-in even on 127.0.0.1."""
    headers = st.context.headers
    return access.signin_mode(
        st.get_option("server.address"),
        oidc_configured(),
        forwarded=any(headers.get(h) for h in FORWARDING_HEADERS),
        required=os.environ.get("NTM_SIGNIN", "").lower() == "required",
    )


def gate(open_cursor: Callable[[], duckdb.DuckDBPyConnection], lang: str) -> Principal | None:
    """The principal of this session, or None after drawing what the person must do to sign in.
    ``open_cursor`` is called only when accounts must be read: a local session on a first start creates no
    database before the person has chosen demo data or an empty one."""
    how = mode()
    if how == "local":
        st.sidebar.caption(t("signin.local", lang))
        return access.local_user(getpass.getuser())
    cur = open_cursor()
    principal = _oidc(cur, lang) if how == "oidc" else _password(cur, lang)
    if principal is not None:
        scope = principal.scope_label or t("signin.everywhere", lang)
        st.sidebar.caption(
            t("signin.as", lang, user=principal.user, role=t(f"access.role.{principal.role}", lang), scope=scope)
        )
        st.sidebar.button(t("signin.logout", lang), key="signout", on_click=_sign_out, args=(how,))
    return principal


def _sign_out(how: str) -> None:
    st.session_state.pop(_SIGNED_IN, None)
    if how == "oidc":
        st.logout()


def _oidc(cur, lang: str) -> Principal | None:
    if not st.user.is_logged_in:
        st.title(t("signin.title", lang))
        st.caption(t("signin.oidc_help", lang))
        st.button(t("signin.oidc_button", lang), key="oidc_login", type="primary", on_click=st.login)
        return None
    name = str(st.user.get("email") or st.user.get("sub") or "")
    principal = accounts.principal_for(cur, name, "oidc") if name else None
    if principal is None:
        st.error(t("signin.not_authorised", lang, user=plain.markdown(name)))
        st.button(t("signin.logout", lang), key="oidc_logout", on_click=st.logout)
    return principal


def _password(cur, lang: str) -> Principal | None:
    name = st.session_state.get(_SIGNED_IN)
    principal = accounts.principal_for(cur, name, "password") if name else None
    if principal is not None:
        return principal
    st.session_state.pop(_SIGNED_IN, None)
    st.title(t("signin.title", lang))
    if not accounts.has_accounts(cur):
        st.warning(t("signin.no_accounts", lang))
        return None
    with st.form("signin"):
        user = st.text_input(t("signin.username", lang), key="signin_user")
        password = st.text_input(t("signin.password", lang), type="password", key="signin_password")
        submitted = st.form_submit_button(t("signin.submit", lang), type="primary")
    if submitted:
        principal = accounts.sign_in(cur, user.strip(), password)
        if principal is None:
            st.error(t("signin.failed", lang))
            return None
        st.session_state[_SIGNED_IN] = principal.user
        st.rerun()
    return None
