"""Who may do what, where: roles scoped to units, checked in ``ntm`` on every write and every query.

A ``Principal`` is the person acting (an account, or the single local user of a 127.0.0.1 start):
- ``viewer`` reads; ``uploader`` also loads and reverts uploads, enters targets, plans and recognitions;
  ``admin`` also manages accounts, the criteria catalogue, backups and restores.
- ``scopes`` are unit ids (a province, a district, communes); a unit is inside the scope when it, its
  district, its province or its parent is one of them. ``None`` means everywhere.

``require`` raises ``AccessDenied`` (a key with parameters, translated where shown). Whether the app
needs a sign-in at all is decided here too, from the address the server binds (``signin_mode``).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

import duckdb

from ntm.i18n import t
from ntm.problems import Problem
from ntm.units import Unit

Role = Literal["viewer", "uploader", "admin"]
Action = Literal[
    "read", "upload", "revert", "targets", "recognitions", "plan", "units", "catalogue", "users", "backup", "restore"
]
Via = Literal["local", "password", "oidc", "cli"]
ROLES: tuple[Role, ...] = ("viewer", "uploader", "admin")
_UPLOADER: frozenset[str] = frozenset({"read", "upload", "revert", "targets", "recognitions", "plan"})
ROLE_ACTIONS: dict[str, frozenset[str]] = {
    "viewer": frozenset({"read"}),
    "uploader": _UPLOADER,
    "admin": _UPLOADER | {"units", "catalogue", "users", "backup", "restore"},
}
# Actions on the whole database, not on a unit: only an administrator of everywhere may take them.
GLOBAL_ACTIONS = frozenset({"catalogue", "restore"})


@dataclass(frozen=True)
class Principal:
    user: str
    role: Role
    scopes: tuple[int, ...] | None = None  # unit ids; None: everywhere
    scope_label: str = ""  # "Huyện Văn Quan" — for messages
    open_codes: frozenset[str] = frozenset()  # codes of the scope units and the units above them (menus)
    via: Via = "cli"

    @property
    def everywhere(self) -> bool:
        return self.scopes is None


class AccessDenied(PermissionError):
    """Refused: ``key`` and ``params`` say why and what to do (``ntm/messages/access.py``)."""

    def __init__(self, key: str, **params: Any):
        super().__init__(t(key, **params))
        self.key = key
        self.params = params

    def message(self, lang: str = "vi") -> str:
        return t(self.key, lang, **self.params)

    def problem(self) -> Problem:
        return Problem(self.key, dict(self.params))


def local_user(name: str) -> Principal:
    """The single user of a start bound to this machine only (or a shell user of the CLI without an account)."""
    return Principal(name, "admin", None, "", frozenset(), "local")


def allowed(principal: Principal, action: Action) -> bool:
    """The role alone (no unit): may this principal take ``action`` somewhere?"""
    if action in GLOBAL_ACTIONS and not principal.everywhere:
        return False
    return action in ROLE_ACTIONS[principal.role]


def covers(principal: Principal, unit: Unit) -> bool:
    """Is ``unit`` inside the principal's scope?"""
    if principal.scopes is None:
        return True
    reach = {unit.unit_id, unit.district_id, unit.province_id, unit.parent_id}
    return bool(reach & set(principal.scopes))


def may_open(principal: Principal, code: str | None) -> bool:
    """May a menu offer the unit with this code (inside the scope or on the way to it)?"""
    return principal.everywhere or (code is not None and code in principal.open_codes)


def _role_denied(principal: Principal, action: Action) -> AccessDenied:
    return AccessDenied(
        "access.denied_role",
        user=principal.user,
        role=t(f"access.role.{principal.role}"),
        action=t(f"access.action.{action}"),
    )


def require(principal: Principal, action: Action, unit: Unit | None = None) -> None:
    """Raise ``AccessDenied`` unless ``principal`` may take ``action`` (on ``unit`` when given)."""
    if not allowed(principal, action):
        raise _role_denied(principal, action)
    if unit is not None and not covers(principal, unit):
        raise AccessDenied(
            "access.denied_scope",
            user=principal.user,
            action=t(f"access.action.{action}"),
            scope=principal.scope_label,
            units=unit.name,
        )


def outside(con: duckdb.DuckDBPyConnection, principal: Principal, unit_ids: Iterable[int]) -> list[str]:
    """Names of the units among ``unit_ids`` that lie outside the principal's scope (sorted)."""
    ids = sorted({int(u) for u in unit_ids})
    if principal.scopes is None or not ids:
        return []
    scopes = list(principal.scopes)
    rows = con.execute(
        """SELECT DISTINCT short_name FROM units
           WHERE list_contains(?, unit_id)
             AND NOT (list_contains(?, unit_id) OR list_contains(?, coalesce(district_id, -1))
                      OR list_contains(?, coalesce(province_id, -1)) OR list_contains(?, coalesce(parent_id, -1)))
           ORDER BY 1""",
        [ids, scopes, scopes, scopes, scopes],
    ).fetchall()
    return [r[0] for r in rows]


def require_units(con: duckdb.DuckDBPyConnection, principal: Principal, action: Action, unit_ids: Iterable[int]):
    """``require`` for a write touching many units (an upload's communes, a plan's targets)."""
    if not allowed(principal, action):
        raise _role_denied(principal, action)
    names = outside(con, principal, unit_ids)
    if names:
        shown = ", ".join(names[:8]) + (f" (+{len(names) - 8})" if len(names) > 8 else "")
        raise AccessDenied(
            "access.denied_scope",
            user=principal.user,
            action=t(f"access.action.{action}"),
            scope=principal.scope_label,
            units=shown,
        )


def scope_units(con: duckdb.DuckDBPyConnection, text: str) -> list[Unit]:
    """The units a scope written as text means ("Lạng Sơn", "Lạng Sơn/Văn Quan", "184"): a province that
    exists in both eras (before and after 1/7/2025, the same code) is both of its unit rows, so the scope
    covers its communes of either era. Raises ``units.UnitError`` as ``units.resolve`` does."""
    from ntm import units

    try:
        return units.same_unit(con, units.resolve(con, text))
    except units.AmbiguousUnit as ambiguous:
        found: dict[int, Unit] = {}
        for start, end in ((None, units.OLD_ERA_END), (units.NEW_ERA_START, None)):
            try:
                unit = units.resolve(con, text, start=start or end, end=end or start)
            except units.UnitError:
                continue
            found[unit.unit_id] = unit
        if len({(u.code, u.level) for u in found.values()}) == 1:
            return list(found.values())
        containers = [u for u in found.values() if u.level != "commune"]  # "Lạng Sơn/Văn Quan": the district
        if len(containers) == 1:
            return containers
        raise ambiguous from None


SigninMode = Literal["local", "password", "oidc"]


def is_loopback(address: str | None) -> bool:
    """True only for an address reachable from this machine alone (127.0.0.0/8, ::1, localhost).
    No address at all means Streamlit's default: every interface."""
    if not address:
        return False
    if address.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip().strip("[]")).is_loopback
    except ValueError:
        return False


def signin_mode(
    address: str | None, oidc_configured: bool, *, forwarded: bool = False, required: bool = False
) -> SigninMode:
    """``local`` (one local user, no sign-in) only when the server binds a loopback address and the request
    did not come through a reverse proxy (``forwarded``: X-Forwarded-For / Forwarded headers) and sign-in is
    not ``required`` (``NTM_SIGNIN=required``); otherwise ``oidc`` when ``.streamlit/secrets.toml`` configures
    a provider, else ``password``."""
    if is_loopback(address) and not forwarded and not required:
        return "local"
    return "oidc" if oidc_configured else "password"
