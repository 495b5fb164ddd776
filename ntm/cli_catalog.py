"""``python -m ntm catalog import FILE``: load or edit criteria sets from a workbook (validated whole)."""

from __future__ import annotations

import argparse

from ntm.cli_common import acting, common_parser, open_db, print_rejected, read_file
from ntm.i18n import t


def register(subparsers) -> None:
    p = subparsers.add_parser("catalog", help="criteria catalogue")
    actions = p.add_subparsers(dest="catalog_command", required=True)
    q = actions.add_parser("import", parents=[common_parser()], help="load or edit criteria sets from a workbook")
    q.add_argument("file")
    q.set_defaults(func=cmd_catalog_import)


def cmd_catalog_import(args: argparse.Namespace) -> int:
    from ntm import writes
    from ntm.problems import Rejected

    data, name = read_file(args)
    con = open_db(args)
    try:
        counts = writes.import_catalogue(con, acting(con, args), data, name)
    except Rejected as exc:
        return print_rejected(exc.errors, args.lang)
    finally:
        con.close()
    print(
        t(
            "cli.catalog_loaded",
            args.lang,
            sets=counts["sets"],
            criteria=counts["criteria"],
            indicators=counts["indicators"],
        )
    )
    return 0
