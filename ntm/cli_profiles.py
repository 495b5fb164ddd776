"""``python -m ntm profiles list [--json]``, ``profiles show NAME [--json]``, ``profiles delete NAME``: the layout
profiles saved on the upload page or by ``import FILE --profile NAME``."""

from __future__ import annotations

import argparse
import json


def cmd_list(args: argparse.Namespace) -> int:
    from ntm import audit
    from ntm.cli_common import open_db, print_listing
    from ntm.i18n import t
    from ntm.ingest import profiles

    con = open_db(args)
    try:
        found = profiles.all_profiles(con)
        units = dict(con.execute("SELECT unit_id, short_name FROM units").fetchall()) if found else {}
    finally:
        con.close()
    if args.json:
        print(json.dumps({"profiles": [p.as_json() for p in found]}, ensure_ascii=False, indent=2))
        return 0
    rows = [
        (
            p.name,
            units.get(p.unit_id, "–") if p.unit_id is not None else "–",
            t(f"layout.family.{p.reading.family}", args.lang),
            audit.fmt_when(p.created_at, args.lang) if p.created_at else "–",
            p.created_by or "–",
        )
        for p in found
    ]
    print_listing("profile", ("name", "unit", "family", "created", "by"), rows, args.lang)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from ntm.cli_common import UsageError, open_db
    from ntm.i18n import t
    from ntm.ingest import profiles

    con = open_db(args)
    try:
        found = profiles.get(con, args.name)
    finally:
        con.close()
    if found is None:
        raise UsageError(t("profile.not_found", args.lang, name=args.name))
    print(json.dumps(found.as_json(), ensure_ascii=False, indent=None if args.json else 2))
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    from ntm import writes
    from ntm.cli_common import UsageError, acting, open_db
    from ntm.i18n import t

    con = open_db(args)
    try:
        deleted = writes.delete_profile(con, acting(con, args), args.name)
    finally:
        con.close()
    if not deleted:
        raise UsageError(t("profile.not_found", args.lang, name=args.name))
    print(t("profile.deleted", args.lang, name=args.name))
    return 0


def register(subparsers) -> None:
    from ntm.cli_common import common_parser

    common = common_parser()
    p = subparsers.add_parser("profiles", help="layout profiles (how a sheet is read): list, show, delete")
    actions = p.add_subparsers(dest="profiles_command", required=True)
    q = actions.add_parser("list", parents=[common], help="saved layout profiles")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_list)
    q = actions.add_parser("show", parents=[common], help="one profile as JSON")
    q.add_argument("name")
    q.add_argument("--json", action="store_true", help="one line")
    q.set_defaults(func=cmd_show)
    q = actions.add_parser("delete", parents=[common], help="delete a profile")
    q.add_argument("name")
    q.set_defaults(func=cmd_delete)
