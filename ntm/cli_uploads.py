"""``python -m ntm uploads list [--unit U] [--json]`` and ``uploads revert ID [--json]``.

Exit codes of ``revert``: 0 reverted, 1 refused (the reason is printed), 2 usage (bad option, unknown
upload, database busy).
"""

from __future__ import annotations

import argparse
import json
import sys


def cmd_list(args: argparse.Namespace) -> int:
    from ntm import access, audit, units, upload_log
    from ntm.cli_common import UsageError, acting, open_db, print_listing
    from ntm.i18n import t

    con = open_db(args)
    try:
        within = None
        if args.unit:
            try:
                within = access.scope_units(con, args.unit)
            except units.UnitError as exc:
                raise UsageError(str(exc)) from exc
        listed = upload_log.uploads(con, acting(con, args), within, limit=args.limit)
    finally:
        con.close()
    if args.json:
        print(json.dumps({"uploads": [u.as_json() for u in listed]}, ensure_ascii=False, indent=2))
        return 0
    rows = [
        (
            str(u.upload_id),
            audit.fmt_when(u.uploaded_at, args.lang),
            u.uploaded_by or "–",
            u.file_name or u.source,
            str(u.rows),
            str(u.communes),
            t(f"uploads.status.{u.status}", args.lang) if u.status in ("loaded", "reverted") else u.status,
        )
        for u in listed
    ]
    print_listing("uploads", ("when", "by", "file", "rows", "communes", "status"), rows, args.lang, lead=("ID",))
    return 0


def cmd_revert(args: argparse.Namespace) -> int:
    from ntm import writes
    from ntm.access import AccessDenied
    from ntm.cli_common import UsageError, acting, open_db
    from ntm.i18n import t

    con = open_db(args)
    try:
        principal = acting(con, args)
        try:
            removed = writes.revert_upload(con, principal, args.id)
        except writes.RevertRefused as exc:
            if exc.key == "uploads.not_found":
                raise UsageError(t(exc.key, args.lang, **exc.params)) from exc
            return _refused(args, t(exc.key, args.lang, **exc.params))
        except AccessDenied as exc:
            return _refused(args, exc.message(args.lang))
    finally:
        con.close()
    if args.json:
        print(json.dumps({"status": "reverted", "upload_id": args.id, "rows": removed}, ensure_ascii=False))
    else:
        print(t("uploads.reverted", args.lang, upload_id=args.id, rows=removed))
    return 0


def _refused(args: argparse.Namespace, reason: str) -> int:
    if args.json:
        print(json.dumps({"status": "refused", "upload_id": args.id, "reason": reason}, ensure_ascii=False))
    else:
        print(reason, file=sys.stderr)
    return 1


def register(subparsers) -> None:
    from ntm.cli_common import common_parser

    common = common_parser()
    p = subparsers.add_parser("uploads", help="the upload log: list, revert")
    actions = p.add_subparsers(dest="uploads_command", required=True)
    q = actions.add_parser("list", parents=[common], help="uploads, newest first")
    q.add_argument("--unit", help="only uploads with rows of communes in this unit")
    q.add_argument("--limit", type=int, default=200)
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_list)
    q = actions.add_parser("revert", parents=[common], help="undo an upload (exit 0 reverted, 1 refused, 2 usage)")
    q.add_argument("id", type=int)
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_revert)
