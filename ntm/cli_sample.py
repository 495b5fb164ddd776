"""``python -m ntm sample``: (re)build the demo database from the sample workbooks, through the upload path."""

from __future__ import annotations

import argparse

from ntm.cli_common import acting, common_parser, open_db
from ntm.i18n import fmt_number, t


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "sample",
        parents=[common_parser()],
        help="(re)build the demo database from sample_data/ (imports the generated workbooks through the upload path)",
    )
    p.add_argument("--workbooks", metavar="DIR", help="also save the generated sample workbooks in DIR")
    p.set_defaults(func=cmd_sample)


def cmd_sample(args: argparse.Namespace) -> int:
    from ntm import access, sample, store

    path = store.db_path(args.db)
    ahead = sample.start_parsing()  # the first reports are checked and parsed while the database opens and seeds
    try:
        con = open_db(args)
        try:
            access.require(acting(con, args), "restore")  # rebuilds the whole database
            stats = sample.build(con, workbook_dir=args.workbooks, ahead=ahead)
        finally:
            con.close()
    finally:
        ahead.close()
    print(
        t(
            "cli.sample_done",
            args.lang,
            path=path,
            units=fmt_number(stats["units"], args.lang, 0),
            rows=fmt_number(stats["rows"], args.lang, 0),
            uploads=stats["uploads"],
        )
    )
    return 0
