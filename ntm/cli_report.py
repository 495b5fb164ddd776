"""``python -m ntm report``: write the report the Reports page downloads (.docx or .xlsx, chosen by --out)."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", help="DuckDB file (default: $NTM_DB or data/ntm.duckdb)")
    common.add_argument("--lang", choices=["vi", "en"], default="vi", help="language of the report and messages")
    p = subparsers.add_parser(
        "report",
        parents=[common],
        help="write the periodic report (Decree 30/2020 layout) of a unit and period to .docx or .xlsx",
    )
    p.add_argument("--unit", required=True, help='name ("Văn Quan"), path ("Lạng Sơn/Văn Quan") or code ("184")')
    p.add_argument("--period", required=True, help="YYYY-MM or YYYY")
    p.add_argument("--set", help="criteria set id (default: the set in force for the period)")
    p.add_argument("--layer", default="self", help="self (default), appraised or recognised")
    p.add_argument("--out", required=True, metavar="FILE", help="FILE.docx or FILE.xlsx")
    p.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    from ntm import reports, store
    from ntm.cli_common import UsageError, open_db, resolve_scope
    from ntm.i18n import fmt_period, t

    out = Path(args.out)
    kind = out.suffix.lower()
    if kind not in (".docx", ".xlsx"):
        raise UsageError(t("cli.report_format", args.lang, path=out))
    if args.layer not in store.LAYERS:
        raise UsageError(t("cli.report_layer", args.lang, layer=args.layer, known=", ".join(store.LAYERS)))
    con = open_db(args)
    try:
        unit, period, set_id = resolve_scope(con, args.unit, args.period, args.set)
        report = reports.draft(con, unit, period, set_id, args.lang, args.layer)
    finally:
        con.close()
    data = reports.to_docx(report) if kind == ".docx" else reports.to_xlsx(report)
    out.write_bytes(data)
    print(t("cli.report_written", args.lang, unit=unit.name, period=fmt_period(period.text, args.lang), path=out))
    return 0
