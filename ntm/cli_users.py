"""``python -m ntm users add|list|disable``: built-in accounts (roles scoped to units, argon2 password hashes)."""

from __future__ import annotations

import argparse
import getpass
import json
import sys


def _scopes(con, texts: list[str]):
    from ntm import access, units
    from ntm.cli_common import UsageError

    found = []
    for text in texts:
        try:
            found += access.scope_units(con, text)
        except units.UnitError as exc:
            raise UsageError(str(exc)) from exc
    return found


def _password(args: argparse.Namespace) -> str | None:
    from ntm.cli_common import UsageError
    from ntm.i18n import t

    if args.no_password:
        return None
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(t("users.password_prompt", args.lang, user=args.name))
    if getpass.getpass(t("users.password_again", args.lang)) != first:
        raise UsageError(t("users.password_mismatch", args.lang))
    return first


def cmd_users(args: argparse.Namespace) -> int:
    from ntm import accounts, audit
    from ntm.cli_common import acting, open_db, print_listing
    from ntm.i18n import t

    con = open_db(args)
    try:
        principal = acting(con, args)
        if args.users_command == "add":
            scopes = _scopes(con, args.unit or [])
            accounts.add(con, principal, args.name, args.role, scopes, _password(args))
            scope = ", ".join(dict.fromkeys(u.name for u in scopes)) or t("signin.everywhere", args.lang)
            print(
                t(
                    "users.added",
                    args.lang,
                    user=args.name.strip(),
                    role=t(f"access.role.{args.role}", args.lang),
                    scope=scope,
                )
            )
            return 0
        if args.users_command == "disable":
            accounts.disable(con, principal, args.name)
            print(t("users.disabled", args.lang, user=args.name))
            return 0
        from ntm.access import require

        require(principal, "users")
        listed = accounts.accounts(con)
    finally:
        con.close()
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "username": a.username,
                        "role": a.role,
                        "scopes": list(a.scopes),
                        "disabled": a.disabled,
                        "has_password": a.has_password,
                        "created_at": a.created_at.isoformat(timespec="seconds"),
                        "created_by": a.created_by,
                    }
                    for a in listed
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    rows = [
        (
            a.username,
            t(f"access.role.{a.role}", args.lang),
            ", ".join(a.scopes) or t("signin.everywhere", args.lang),
            t("users.state." + ("disabled" if a.disabled else "active"), args.lang),
            audit.fmt_when(a.created_at, args.lang),
        )
        for a in listed
    ]
    print_listing("users", ("name", "role", "scope", "state", "created"), rows, args.lang)
    return 0


def register(subparsers) -> None:
    from ntm.cli_common import common_parser

    common = common_parser()
    p = subparsers.add_parser("users", help="accounts: add (or change), list, disable")
    actions = p.add_subparsers(dest="users_command", required=True)
    q = actions.add_parser("add", parents=[common], help="add an account, or replace its role, scope and password")
    q.add_argument("name")
    q.add_argument("--role", choices=["viewer", "uploader", "admin"], required=True)
    q.add_argument(
        "--unit",
        action="append",
        metavar="UNIT",
        help='scope unit, repeatable ("Lạng Sơn/Văn Quan", "20", a commune); none: all units',
    )
    how = q.add_mutually_exclusive_group()
    how.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    how.add_argument("--no-password", action="store_true", help="no password: signs in through OpenID Connect only")
    q.set_defaults(func=cmd_users)
    q = actions.add_parser("list", parents=[common], help="list the accounts")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_users)
    q = actions.add_parser("disable", parents=[common], help="disable an account (kept for the audit log)")
    q.add_argument("name")
    q.set_defaults(func=cmd_users)
