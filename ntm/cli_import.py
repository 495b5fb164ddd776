"""``python -m ntm import FILE`` and ``python -m ntm template OUT``: load a workbook of commune results (validated
whole, or nothing written), and write the upload template a unit fills in for a month."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ntm.cli_common import LAYERS, UsageError, acting, common_parser, open_db, print_rejected, read_file, resolve_scope
from ntm.i18n import t


def register(subparsers) -> None:
    common = common_parser()
    p = subparsers.add_parser("import", parents=[common], help="validate and load a workbook of commune results")
    p.add_argument("file")
    p.add_argument("--unit", help="district or province the file reports on (overrides the file)")
    p.add_argument("--period", help="YYYY-MM (overrides the file)")
    p.add_argument("--set", help="criteria set id (overrides the file)")
    p.add_argument(
        "--accept-new-units", action="store_true", help="add communes the catalogue lacks as historical units"
    )
    p.add_argument("--dry-run", action="store_true", help="validate and show what would change; write nothing")
    p.add_argument(
        "--profile",
        metavar="NAME",
        help="read with the saved layout profile NAME (re-checked on the file); a new NAME saves this reading",
    )
    p.add_argument(
        "--layer",
        choices=list(LAYERS),
        default="self",
        help="assessment layer: self (the communes' own reports, default), appraised (thẩm định), "
        "recognised (công nhận)",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_import)

    p = subparsers.add_parser("template", parents=[common], help="write an upload template for a unit and month")
    p.add_argument("out")
    p.add_argument("--unit", required=True)
    p.add_argument("--period", required=True, help="YYYY-MM")
    p.add_argument("--set", help="criteria set id (default: the set in force)")
    p.add_argument("--prefill", action="store_true", help="fill in the latest known statuses")
    p.set_defaults(func=cmd_template)


def cmd_import(args: argparse.Namespace) -> int:
    from ntm import reference, writes

    data, name = read_file(args)
    con = open_db(args)
    try:
        result = writes.import_upload(
            con,
            acting(con, args),
            data,
            name,
            unit=args.unit,
            period=args.period,
            set_id=args.set,
            accept_new_units=args.accept_new_units,
            dry_run=args.dry_run,
            layer=args.layer,
            default_unit=reference.province(con),
            profile=args.profile,
        )
    finally:
        con.close()
    if args.json:
        print(json.dumps(result.as_json(args.lang), ensure_ascii=False, indent=2))
        return 1 if result.status == "rejected" else 0
    if result.status == "rejected":
        print_rejected(result.errors, args.lang)
    elif result.status == "dry-run":
        print(t("cli.import_dry", args.lang, rows=result.rows, communes=result.communes))
        for c in result.changes:
            print(
                t(
                    "cli.change_line",
                    args.lang,
                    name=c["name"],
                    period=c["period"],
                    met=c["met"],
                    before=c["met_before"] if c["met_before"] is not None else "–",
                    gained=", ".join(map(str, c["newly_met"])) or "–",
                    lost=", ".join(map(str, c["newly_lost"])) or "–",
                )
            )
        if result.missing:
            print(t("cli.missing_line", args.lang, names=", ".join(m["name"] for m in result.missing)))
    else:
        print(t("cli.import_loaded", args.lang, rows=result.rows, communes=result.communes, upload_id=result.upload_id))
    if result.warnings:
        print(t("cli.warnings", args.lang))
        for problem in result.warnings:
            print("  - " + problem.located(args.lang))
    return 1 if result.status == "rejected" else 0


def cmd_template(args: argparse.Namespace) -> int:
    from ntm import access
    from ntm.ingest import template

    con = open_db(args)
    try:
        unit, period, set_id = resolve_scope(con, args.unit, args.period, args.set, args.lang)
        if period.is_year:
            raise UsageError(t("period.invalid", args.lang, text=args.period))
        access.require(acting(con, args), "read", unit)
        data = template.build(con, unit, period, set_id, prefill=args.prefill)
    finally:
        con.close()
    Path(args.out).write_bytes(data)
    print(t("cli.template_written", args.lang, path=args.out, unit=unit.name, period=period.text, set_id=set_id))
    return 0
