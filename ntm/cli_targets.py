"""``python -m ntm targets --unit U --year Y [--as-of YYYY-MM] [--json]``: target communes and unit goals of a
year (gap, pace, status, see ntm.progress); ``targets import FILE``: load a plan workbook, all or nothing."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TYPE_CHECKING

from ntm import pace_words
from ntm.cli_common import UsageError, acting, common_parser, open_db, print_rejected, read_file, table
from ntm.i18n import fmt_period, t
from ntm.problems import KeyedError

if TYPE_CHECKING:
    from ntm.target_records import ProgressReport


def register(subparsers) -> None:
    common = common_parser()
    p = subparsers.add_parser(
        "targets", parents=[common], help="target communes and unit goals of a year: gap, pace, status"
    )
    p.add_argument("--unit", help='the unit whose communes and goals to show ("Văn Quan", "Lạng Sơn", "184")')
    p.add_argument("--year", type=int, help="the year the targets are due")
    p.add_argument(
        "--as-of",
        dest="as_of",
        help="YYYY-MM: judge with the data up to this month (default: the year's last month with reports)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_targets, targets_command=None)
    actions = p.add_subparsers(dest="targets_command")
    q = actions.add_parser(
        "import",
        parents=[common],
        help="load a plan workbook: commune targets, unit goals, recognition decisions (all or nothing)",
    )
    q.add_argument("file")
    q.add_argument("--unit", help="resolve commune names inside this unit")
    q.add_argument("--json", action="store_true")


def cmd_targets(args: argparse.Namespace) -> int:
    from ntm import access, periods, progress, units

    if args.targets_command == "import":
        return _targets_import(args)
    if not args.unit or not args.year:
        raise UsageError(t("cli.targets_usage", args.lang))
    con = open_db(args)
    try:
        try:
            unit = units.resolve(con, args.unit, start=date(args.year, 1, 1), end=date(args.year, 12, 31))
            as_of = periods.parse(args.as_of).start if args.as_of else None
        except KeyedError as exc:  # periods.PeriodError, units.UnitError
            raise UsageError(exc.message(args.lang)) from exc
        access.require(acting(con, args), "read", unit)
        result = progress.report(con, unit, args.year, as_of)
    finally:
        con.close()
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2, default=str))
    else:
        print(format_targets(result, args.lang))
    return 0


def format_targets(result: ProgressReport, lang: str = "vi") -> str:
    """The readable table printed without --json."""
    lines = [
        t(
            "cli.targets_title",
            lang,
            year=result.year,
            unit=result.unit.name,
            as_of=fmt_period(date.fromisoformat(result.as_of + "-01"), lang),
            layer=t(f"layer.{result.layer}", lang),
        )
    ]
    if not result.targets and not result.goals:
        lines.append(t("cli.targets_none", lang, year=result.year, unit=result.unit.name))
        return "\n".join(lines)
    header = (
        t("col.commune", lang),
        t("col.level", lang),
        t("col.deadline", lang),
        t("col.met", lang),
        t("col.unmet", lang),
        t("col.months_left", lang),
        t("col.needed_pace", lang),
        t("col.observed_pace", lang),
        t("col.progress_status", lang),
    )
    rows = []
    for e in result.targets:
        met = f"{e.criteria_met}/{e.criteria_total}" if e.criteria_met is not None else "–"
        due = fmt_period(date.fromisoformat(e.target_month + "-01"), lang)
        rows.append(
            (
                e.name,
                t(f"level.{e.level}", lang),
                due,
                met,
                ", ".join(str(u.criterion_no) for u in e.unmet) or "–",
                pace_words.time_left(e.months_left, lang, e.status),
                pace_words.pace(e.needed_pace, e.pace_unit, lang),
                pace_words.pace(e.observed_pace, e.pace_unit, lang),
                t(f"progress.{e.status}", lang),
            )
        )
    for g in result.goals:
        rows.append(
            (
                t(f"goal.{g.metric}", lang),
                pace_words.amount(g.value, g.pace_unit, lang),
                str(g.year),
                pace_words.amount(g.current, g.pace_unit, lang),
                "",
                pace_words.time_left(g.months_left, lang, g.status),
                pace_words.pace(g.needed_pace, g.pace_unit, lang),
                pace_words.pace(g.observed_pace, g.pace_unit, lang),
                t(f"progress.{g.status}", lang),
            )
        )
    lines += ["", *table(header, rows)]
    counts = "; ".join(f"{t(f'progress.{k}', lang)} {v}" for k, v in result.status_counts.items() if v)
    if counts:
        lines += ["", t("cli.targets_counts", lang, counts=counts)]
    return "\n".join(lines)


def _targets_import(args: argparse.Namespace) -> int:
    from ntm import writes

    data, name = read_file(args)
    con = open_db(args)
    try:
        plan, counts = writes.import_plan(con, acting(con, args), data, name, unit=args.unit)
    finally:
        con.close()
    if args.json:
        print(
            json.dumps(
                {
                    "status": "rejected" if plan.errors else "loaded",
                    **counts,
                    "errors": [p.as_json(args.lang) for p in plan.errors],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 1 if plan.errors else 0
    if plan.errors:
        return print_rejected(plan.errors, args.lang)
    print(t("cli.targets_loaded", args.lang, **counts))
    return 0
