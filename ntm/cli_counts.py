"""``python -m ntm resources …`` and ``python -m ntm villages import …``: quantities and village lists.

``summary --level village`` lives with the summary command (``ntm.cli``) and counts villages through
``ntm.villages.summary``.
"""

from __future__ import annotations

import argparse
import json
import sys


def register(subparsers) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", help="DuckDB file (default: $NTM_DB or data/ntm.duckdb)")
    common.add_argument("--lang", choices=["vi", "en"], default="vi", help="language of messages")

    p = subparsers.add_parser(
        "resources",
        parents=[common],
        help="resources mobilised, works built and activities for a unit and period, against the year's plan",
    )
    p.add_argument("--unit", help='name ("Văn Quan"), path ("Lạng Sơn/Văn Quan") or code ("184")')
    p.add_argument("--period", help="YYYY-MM or YYYY")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_resources, resources_command=None)
    actions = p.add_subparsers(dest="resources_command")
    q = actions.add_parser("import", parents=[common], help="load a resources workbook (all or nothing)")
    q.add_argument("file")
    q.add_argument("--unit", help="the unit the file reports on (overrides the file)")
    q.add_argument("--period", help="YYYY-MM, YYYY or 2023-Q1 for rows without a period (overrides the file)")
    q.add_argument("--dry-run", action="store_true", help="validate only; write nothing")
    q.add_argument("--json", action="store_true")

    p = subparsers.add_parser("villages", help="village lists (thôn, bản, khu dân cư)")
    village_sub = p.add_subparsers(dest="villages_command", required=True)
    q = village_sub.add_parser("import", parents=[common], help="load a village list workbook (all or nothing)")
    q.add_argument("file")
    q.add_argument("--unit", required=True, help="the province or district the list belongs to")
    q.add_argument("--period", default=None, help="YYYY-MM: the communes are those valid then (default: today)")
    q.set_defaults(func=cmd_villages_import)


def _scope(con, unit_text: str, period_text: str):
    from ntm import periods, units
    from ntm.cli_common import UsageError

    try:
        period = periods.parse(period_text)
        return units.resolve(con, unit_text, start=period.start, end=period.end), period
    except (ValueError, units.UnitError) as exc:
        raise UsageError(str(exc)) from exc


def cmd_resources(args: argparse.Namespace) -> int:
    from ntm import resources
    from ntm.cli_common import UsageError, open_db, table
    from ntm.i18n import fmt_percent, fmt_period, t

    if args.resources_command == "import":
        return _resources_import(args)
    if not args.unit or not args.period:
        raise UsageError(t("cli.resources_usage", args.lang))
    con = open_db(args)
    try:
        unit, period = _scope(con, args.unit, args.period)
        figs = resources.figures(con, unit, period)
    finally:
        con.close()
    if args.json:
        result = {
            "unit": {"code": unit.code, "name": unit.name},
            "period": period.text,
            "quantities": resources.as_json(figs, args.lang),
        }
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(t("cli.resources_title", args.lang, unit=unit.name, period=fmt_period(period.text, args.lang)))
    reported = [f for f in figs if f.to_date is not None or f.plan is not None]
    if not reported:
        print(t("cli.resources_none", args.lang, unit=unit.name))
        return 0
    header = tuple(
        t(k, args.lang)
        for k in ("col.quantity", "col.uom", "col.period_value", "col.cumulative", "col.plan", "col.plan_share")
    )

    def fmt(v):
        return resources.fmt_quantity(v, args.lang)

    rows = [
        (
            f.quantity.name(args.lang),
            f.quantity.unit(args.lang),
            fmt(f.period_value),
            fmt(f.cumulative),
            fmt(f.plan),
            fmt_percent(f.plan_share, args.lang, 0),
        )
        for f in reported
    ]
    print("\n".join(["", *table(header, rows), "", *resources.sentences(figs, args.lang)]))
    return 0


def _resources_import(args: argparse.Namespace) -> int:
    from ntm import writes
    from ntm.cli_common import acting, open_db, print_rejected, read_file
    from ntm.i18n import t

    data, name = read_file(args)
    con = open_db(args)
    try:
        parsed, upload_id = writes.import_quantities(
            con, acting(con, args), data, name, unit=args.unit, period=args.period, dry_run=args.dry_run
        )
    finally:
        con.close()
    status = "rejected" if parsed.errors else ("dry-run" if args.dry_run else "loaded")
    if args.json:
        print(
            json.dumps(
                {
                    "status": status,
                    "upload_id": upload_id,
                    "rows": len(parsed.values),
                    "plans": len(parsed.plans),
                    "errors": [p.as_json(args.lang) for p in parsed.errors],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 1 if parsed.errors else 0
    if parsed.errors:
        return print_rejected(parsed.errors, args.lang)
    print(
        t(
            "cli.resources_loaded" if upload_id else "cli.resources_dry",
            args.lang,
            rows=len(parsed.values),
            plans=len(parsed.plans),
            upload_id=upload_id,
        )
    )
    return 0


def cmd_villages_import(args: argparse.Namespace) -> int:
    from datetime import date

    from ntm import writes
    from ntm.cli_common import acting, open_db, print_rejected, read_file
    from ntm.i18n import t
    from ntm.problems import Rejected

    data, name = read_file(args)
    con = open_db(args)
    try:
        unit, period = _scope(con, args.unit, args.period or f"{date.today():%Y-%m}")
        counts = writes.import_villages(con, acting(con, args), data, name, unit, period.end)
    except Rejected as exc:
        return print_rejected(exc.errors, args.lang)
    finally:
        con.close()
    print(t("cli.villages_loaded", args.lang, added=counts["added"], updated=counts["updated"]), file=sys.stdout)
    return 0
