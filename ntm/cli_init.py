"""``python -m ntm init [--db PATH] [--province P]``: a database with its reference data and no demo data."""

from __future__ import annotations

import argparse


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "init", help="create a database with the criteria catalogue, departments and units, without demo data"
    )
    p.add_argument("--db", help="DuckDB file (default: $NTM_DB or data/ntm.duckdb)")
    p.add_argument("--province", help='the province the database is for ("Lạng Sơn" or its code "20")')
    p.add_argument("--lang", choices=["vi", "en"], default="vi", help="language of messages")
    p.set_defaults(func=cmd_init)


def cmd_init(args: argparse.Namespace) -> int:
    from ntm import reference, store
    from ntm.cli_common import UsageError
    from ntm.i18n import fmt_number, t

    code = None
    if args.province:
        code = reference.province_code(args.province)
        if code is None:
            raise UsageError(t("init.unknown_province", args.lang, text=args.province))
    path = store.db_path(args.db)
    try:
        con = reference.connect(path)
    except store.StoreBusy as exc:
        raise UsageError(t("cli.db_busy", args.lang, path=str(exc))) from exc
    try:
        if code is not None:
            reference.set_province(con, code)
        sets = con.execute("SELECT count(*) FROM criteria_sets").fetchall()[0][0]
        n_units = con.execute("SELECT count(*) FROM units").fetchall()[0][0]
    finally:
        con.close()
    names = dict(reference.provinces())
    province = t("init.province", args.lang, name=names[code]) if code else ""
    print(
        t(
            "init.done",
            args.lang,
            path=path,
            sets=sets,
            units=fmt_number(n_units, args.lang, 0),
            province=province,
        )
    )
    return 0
