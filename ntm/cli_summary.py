"""``python -m ntm summary``: criteria met per commune (or village) for a unit and period, as a table or JSON."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from ntm.cli_common import acting, common_parser, open_db, resolve_scope, table
from ntm.i18n import fmt_number, t

if TYPE_CHECKING:  # imported for the annotation only: the command's modules load when it runs
    from ntm.unit_summary import Summary


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "summary", parents=[common_parser()], help="criteria met per commune for a unit and period"
    )
    p.add_argument("--unit", required=True, help='name ("Văn Quan"), path ("Lạng Sơn/Văn Quan") or code ("184")')
    p.add_argument("--period", required=True, help="YYYY-MM or YYYY")
    p.add_argument("--set", help="criteria set id (default: the set in force for the period)")
    p.add_argument(
        "--level", choices=["commune", "village"], default="commune", help="count communes (default) or villages"
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument(
        "--view",
        choices=["then", "today"],
        default="then",
        help="then: units as they were in the period (default); today: re-aggregated onto today's communes",
    )
    p.add_argument(
        "--rule",
        choices=["strict", "weighted"],
        default="strict",
        help="today view: a criterion is met if every predecessor met it (strict) or by population share (weighted)",
    )
    p.set_defaults(func=cmd_summary)


def cmd_summary(args: argparse.Namespace) -> int:
    from ntm import access

    con = open_db(args)
    try:
        unit, period, set_id = resolve_scope(con, args.unit, args.period, args.set, args.lang, level=args.level)
        access.require(acting(con, args), "read", unit)
        if args.level == "village":  # the same keys, counting villages (issue 16)
            from ntm import villages

            result = villages.summary(con, unit, period, set_id)
        else:
            from ntm import history

            result = history.summary(con, unit, period, set_id, lens=history.Lens(args.view, args.rule))
    finally:
        con.close()
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return 0
    print(format_summary(result, args.lang))
    return 0


def format_summary(result: Summary, lang: str = "vi") -> str:
    """The readable table printed without --json."""
    from ntm import catalog

    set_name = catalog.set_label(result.set_id, lang)
    lines = [t("cli.summary_title", lang, unit=result.unit_path, period=result.period, set_id=set_name)]
    if result.view == "today":
        lines.append("  " + t("view.today", lang) + " — " + t(f"rule.note.{result.rule}", lang))
    if not result.communes:
        lines.append(t("cli.no_data", lang, unit=result.unit_name, period=result.period, set_id=set_name))
        return "\n".join(lines)
    lines.append(
        t(
            "cli.summary_line",
            lang,
            communes=result.communes,
            total=result.total_met,
            average=fmt_number(result.average_met, lang, 1),
        )
    )
    lines.append("  " + "; ".join(f"{t('bin.label', lang, label=k)}: {v}" for k, v in result.distribution.items()))
    header = (t("col.code", lang), t("col.commune", lang), t("col.met", lang), t("col.unmet", lang))
    rows = [(c.code or "", c.name, str(c.met), ", ".join(map(str, c.unmet)) or "–") for c in result.lines]
    lines += ["", *table(header, rows)]
    if result.not_reported:
        lines.append("")
        lines.append(t("cli.not_reported", lang, names=", ".join(c.name for c in result.not_reported)))
    return "\n".join(lines)
