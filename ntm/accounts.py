"""Built-in accounts: name, role, scope units and a salted argon2id password hash (tables ``users``,
``user_scopes``, migration 8). Also used for OpenID Connect sign-ins: the provider proves who the
person is, the account here says what they may do.

Hashing is argon2-cffi's ``PasswordHasher`` (argon2id, a random salt per hash, parameters stored in
the hash so that they can be raised later): the well-kept implementation of the winner of the
Password Hashing Competition, rather than anything written here.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from datetime import datetime

import duckdb
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ntm import audit, store, units
from ntm.access import ROLES, AccessDenied, Principal, Role, Via, require
from ntm.units import Unit

_HASHER = PasswordHasher()
# Checked when the name is unknown, so that a sign-in costs one hash either way. Written once with the hasher's
# default parameters (a hash at import cost 0,3 s of CPU at every server start); ``_dummy_hash`` makes a new one
# only when the hasher's parameters differ from the ones written here (a newer argon2-cffi, the tests' cheap one).
_DUMMY_WRITTEN = "$argon2id$v=19$m=65536,t=3,p=4$CGFU4vRd5dRR2PzE66gaqg$OF7X7rsxGqsJwzksGhslA6OyY0zfrLtBm4UR/tB6brE"
_DUMMY_HASH: str | None = None
MIN_PASSWORD = 10


@dataclass(frozen=True)
class Account:
    username: str
    role: Role
    scopes: tuple[str, ...]  # unit names, for listing
    disabled: bool
    has_password: bool
    created_at: datetime
    created_by: str | None


def has_accounts(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute("SELECT count(*) FROM users").fetchall()[0][0])


def accounts(con: duckdb.DuckDBPyConnection) -> list[Account]:
    rows = con.execute(
        """SELECT u.username, u.role, list(DISTINCT n.short_name ORDER BY n.short_name) FILTER (WHERE n.short_name IS NOT NULL),
                  u.disabled, u.password_hash IS NOT NULL, u.created_at, u.created_by
           FROM users u LEFT JOIN user_scopes s USING (username) LEFT JOIN units n ON n.unit_id = s.unit_id
           GROUP BY ALL ORDER BY u.username"""
    ).fetchall()
    return [Account(r[0], r[1], tuple(r[2] or ()), r[3], r[4], r[5], r[6]) for r in rows]


def principal_for(con: duckdb.DuckDBPyConnection, username: str, via: Via) -> Principal | None:
    """The account's rights, read afresh (a disabled or unknown account gives None)."""
    found = con.execute("SELECT role FROM users WHERE username = ? AND NOT disabled", [username]).fetchall()
    if not found:
        return None
    scope_rows = con.execute(
        """SELECT s.unit_id, u.name, u.code, d.code, p.code FROM user_scopes s JOIN units u ON u.unit_id = s.unit_id
           LEFT JOIN units d ON d.unit_id = u.district_id LEFT JOIN units p ON p.unit_id = u.province_id
           WHERE s.username = ? ORDER BY u.name""",
        [username],
    ).fetchall()
    if not scope_rows:
        return Principal(username, found[0][0], None, "", frozenset(), via)
    codes = frozenset(c for r in scope_rows for c in r[2:] if c)
    return Principal(
        username,
        found[0][0],
        tuple(r[0] for r in scope_rows),
        ", ".join(dict.fromkeys(r[1] for r in scope_rows)),  # a province of both eras is named once
        codes,
        via,
    )


def sign_in(con: duckdb.DuckDBPyConnection, username: str, password: str) -> Principal | None:
    """The principal when the name and password match an enabled account, else None."""
    row = con.execute("SELECT password_hash FROM users WHERE username = ? AND NOT disabled", [username]).fetchall()
    known = bool(row and row[0][0])
    stored = row[0][0] if known else _dummy_hash()
    try:
        _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return None
    if not known:
        return None
    return principal_for(con, username, "password")


def _dummy_hash() -> str:
    """A hash with the hasher's parameters, of no one's password (its verification costs what a real one does)."""
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        written = not _HASHER.check_needs_rehash(_DUMMY_WRITTEN)
        _DUMMY_HASH = _DUMMY_WRITTEN if written else _HASHER.hash("not a password of anyone")
    return _DUMMY_HASH


def cli_principal(con: duckdb.DuckDBPyConnection, by: str | None) -> Principal:
    """Who acts in a CLI command: ``--by NAME`` (else the OS user). A name that is an account acts with
    that account's role and scope; without accounts, or for an OS user without one, the shell user is
    the local administrator (whoever can open the database file can change it anyway)."""
    name = by or getpass.getuser()
    account = principal_for(con, name, "cli")
    if account is not None:
        return account
    if by and has_accounts(con):
        known = con.execute("SELECT count(*) FROM users WHERE username = ?", [by]).fetchall()[0][0]
        raise AccessDenied("access.account_disabled" if known else "access.unknown_account", user=by)
    return Principal(name, "admin", None, "", frozenset(), "cli")


def add(
    con: duckdb.DuckDBPyConnection,
    principal: Principal,
    username: str,
    role: Role,
    scopes: list[Unit],
    password: str | None,
) -> None:
    """Create an account (or re-enable and replace one) with its scope; audited. An administrator grants
    only inside their own scope."""
    require(principal, "users")
    if role not in ROLES:
        raise ValueError(role)
    username = username.strip()
    if not username:
        raise AccessDenied("access.bad_username")
    if password is not None and len(password) < MIN_PASSWORD:
        raise AccessDenied("access.short_password", n=MIN_PASSWORD)
    for unit in scopes:
        require(principal, "users", unit)
    if not scopes and not principal.everywhere:
        raise AccessDenied("access.scope_needed", scope=principal.scope_label)
    old = con.execute("SELECT role, disabled FROM users WHERE username = ?", [username]).fetchall()
    digest = _HASHER.hash(password) if password is not None else None
    with store.transaction(con):
        con.execute("DELETE FROM user_scopes WHERE username = ?", [username])
        con.execute("DELETE FROM users WHERE username = ?", [username])
        con.execute(
            "INSERT INTO users VALUES (?, ?, ?, false, ?, ?)", [username, role, digest, datetime.now(), principal.user]
        )
        for unit in scopes:
            con.execute("INSERT INTO user_scopes VALUES (?, ?) ON CONFLICT DO NOTHING", [username, unit.unit_id])
        audit.record(
            con,
            principal,
            "user_add",
            ref=username,
            old=f"{old[0][0]}{' (disabled)' if old[0][1] else ''}" if old else None,
            new=f"{role}: {', '.join(u.name for u in scopes) or '*'}",
        )


def disable(con: duckdb.DuckDBPyConnection, principal: Principal, username: str) -> None:
    """Disable an account (kept for the audit log; its sign-ins stop at the next rerun)."""
    require(principal, "users")
    target = principal_for(con, username, "password")
    if target is None:
        raise AccessDenied("access.unknown_account", user=username)
    if not principal.everywhere:
        if target.everywhere:
            raise AccessDenied("access.scope_needed", scope=principal.scope_label)
        for unit_id in target.scopes or ():
            require(principal, "users", units.get(con, unit_id))
    with store.transaction(con):
        con.execute("UPDATE users SET disabled = true WHERE username = ?", [username])
        audit.record(con, principal, "user_disable", ref=username, old=target.role, new="disabled")
