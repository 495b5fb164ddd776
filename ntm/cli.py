"""``python -m ntm``: the command line over the same core the dashboard uses.

Exit codes: 0 done, 1 a file was rejected (nothing written), 2 usage error (bad option,
unknown unit or period, database busy).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ntm import pace_words
from ntm.i18n import fmt_number, fmt_period, t
from ntm.problems import KeyedError, Rejected

if TYPE_CHECKING:
    from ntm.access import Principal
    from ntm.target_records import ProgressReport


class _Lazy:
    """A module imported on first use: ``python -m ntm --help`` must not pay for duckdb and pandas (~1 s).
    Command modules added with ``register(subparsers)`` should likewise import heavy libraries in their handler."""

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attr: str):
        return getattr(importlib.import_module(self._name), attr)


access, catalog, metrics, periods, reference, store, units = (
    _Lazy(f"ntm.{m}") for m in ("access", "catalog", "metrics", "periods", "reference", "store", "units")
)
LAYERS = ("self", "appraised", "recognised")  # store.LAYERS, spelt out so that building the parser imports nothing


class UsageError(Exception):
    pass


def _open(args: argparse.Namespace):
    try:
        return reference.connect(args.db)
    except store.StoreBusy as exc:
        raise UsageError(t("cli.db_busy", args.lang, path=str(exc))) from exc


def acting(con, args: argparse.Namespace) -> Principal:
    """Who runs this command (``--by NAME``, else the OS user): an account's role and scope, see ntm.accounts."""
    from ntm import accounts

    try:
        return accounts.cli_principal(con, getattr(args, "by", None))
    except access.AccessDenied as exc:
        raise UsageError(exc.message(args.lang)) from exc


def cmd_sample(args: argparse.Namespace) -> int:
    from ntm import sample

    path = store.db_path(args.db)
    con = _open(args)
    try:
        access.require(acting(con, args), "restore")  # rebuilds the whole database
        stats = sample.build(con, workbook_dir=args.workbooks)
    finally:
        con.close()
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


def _read_file(args: argparse.Namespace) -> tuple[bytes, str]:
    path = Path(args.file)
    if not path.is_file():
        raise UsageError(t("cli.no_file", args.lang, path=path))
    return path.read_bytes(), path.name


def _print_rejected(problems, lang: str) -> int:
    print(t("cli.rejected", lang), file=sys.stderr)
    for problem in problems:
        print("  - " + problem.located(lang), file=sys.stderr)
    return 1


def _table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    """Columns padded to their widest cell, a dashed rule under the header."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return [
        "  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip()
        for r in [header, tuple("-" * w for w in widths), *rows]
    ]


def resolve_scope(con, unit_text: str, period_text: str, set_id: str | None, lang: str = "vi", level: str = "commune"):
    """(unit, period, set_id) from the user's words, or UsageError with a message (in ``lang``) that says
    what to fix. ``level`` picks the default set (commune or village criteria)."""
    try:
        period = periods.parse(period_text)
        unit = units.resolve(con, unit_text, start=period.start, end=period.end)
    except KeyedError as exc:  # periods.PeriodError, units.UnitError
        raise UsageError(exc.message(lang)) from exc
    if set_id:
        try:
            catalog.require_set(con, set_id)
        except catalog.UnknownSet as exc:
            raise UsageError(exc.message(lang)) from exc
    else:
        set_id = catalog.set_for_period(con, period.end, level)
        if set_id is None:
            raise UsageError(t("set.none_for_period", lang, period=period.text))
    return unit, period, set_id


def cmd_summary(args: argparse.Namespace) -> int:
    con = _open(args)
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
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(format_summary(result, args.lang))
    return 0


def format_summary(result: dict, lang: str = "vi") -> str:
    """The readable table printed without --json."""
    set_name = catalog.set_label(result["set"], lang)
    lines = [t("cli.summary_title", lang, unit=result["unit_path"], period=result["period"], set_id=set_name)]
    if result.get("view") == "today":
        lines.append("  " + t("view.today", lang) + " — " + t(f"rule.note.{result['rule']}", lang))
    if not result["communes"]:
        lines.append(t("cli.no_data", lang, unit=result["unit"]["name"], period=result["period"], set_id=set_name))
        return "\n".join(lines)
    lines.append(
        t(
            "cli.summary_line",
            lang,
            communes=result["communes"],
            total=result["total_met"],
            average=fmt_number(result["average_met"], lang, 1),
        )
    )
    lines.append("  " + "; ".join(f"{t('bin.label', lang, label=k)}: {v}" for k, v in result["distribution"].items()))
    header = (t("col.code", lang), t("col.commune", lang), t("col.met", lang), t("col.unmet", lang))
    rows = [
        (c["code"] or "", c["name"], str(c["met"]), ", ".join(map(str, c["unmet"])) or "–")
        for c in result["communes_detail"]
    ]
    lines += ["", *_table(header, rows)]
    if result["not_reported"]:
        lines.append("")
        lines.append(t("cli.not_reported", lang, names=", ".join(c["name"] for c in result["not_reported"])))
    return "\n".join(lines)


def cmd_catalog_import(args: argparse.Namespace) -> int:
    from ntm import writes

    data, name = _read_file(args)
    con = _open(args)
    try:
        counts = writes.import_catalogue(con, acting(con, args), data, name)
    except Rejected as exc:
        return _print_rejected(exc.errors, args.lang)
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


def cmd_import(args: argparse.Namespace) -> int:
    from ntm import writes

    data, name = _read_file(args)
    con = _open(args)
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
        _print_rejected(result.errors, args.lang)
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


def cmd_targets(args: argparse.Namespace) -> int:
    from ntm import progress

    if args.targets_command == "import":
        return _targets_import(args)
    if not args.unit or not args.year:
        raise UsageError(t("cli.targets_usage", args.lang))
    con = _open(args)
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
    lines += ["", *_table(header, rows)]
    counts = "; ".join(f"{t(f'progress.{k}', lang)} {v}" for k, v in result.status_counts.items() if v)
    if counts:
        lines += ["", t("cli.targets_counts", lang, counts=counts)]
    return "\n".join(lines)


def _targets_import(args: argparse.Namespace) -> int:
    from ntm import writes

    data, name = _read_file(args)
    con = _open(args)
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
        return _print_rejected(plan.errors, args.lang)
    print(t("cli.targets_loaded", args.lang, **counts))
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from ntm.ingest import template

    con = _open(args)
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


def common_parser() -> argparse.ArgumentParser:
    """--db, --lang, --by: the options every command takes (``parents=[common_parser()]``)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", help="DuckDB file (default: $NTM_DB or data/ntm.duckdb)")
    common.add_argument("--lang", choices=["vi", "en"], default="vi", help="language of messages")
    common.add_argument(
        "--by",
        metavar="NAME",
        help="who runs the command, recorded in the audit log (default: the OS user); "
        "an account name acts with that account's role and scope",
    )
    return common


def parser() -> argparse.ArgumentParser:
    common = common_parser()
    top = argparse.ArgumentParser(prog="python -m ntm", description="NTM Dashboard command line")
    sub = top.add_subparsers(dest="command", required=True)

    p = sub.add_parser(
        "sample",
        parents=[common],
        help="(re)build the demo database from sample_data/ (imports the generated workbooks through the upload path)",
    )
    p.add_argument("--workbooks", metavar="DIR", help="also save the generated sample workbooks in DIR")
    p.set_defaults(func=cmd_sample)

    p = sub.add_parser("summary", parents=[common], help="criteria met per commune for a unit and period")
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

    p = sub.add_parser("import", parents=[common], help="validate and load a workbook of commune results")
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

    p = sub.add_parser("template", parents=[common], help="write an upload template for a unit and month")
    p.add_argument("out")
    p.add_argument("--unit", required=True)
    p.add_argument("--period", required=True, help="YYYY-MM")
    p.add_argument("--set", help="criteria set id (default: the set in force)")
    p.add_argument("--prefill", action="store_true", help="fill in the latest known statuses")
    p.set_defaults(func=cmd_template)

    p = sub.add_parser("targets", parents=[common], help="target communes and unit goals of a year: gap, pace, status")
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

    from ntm import cli_history

    cli_history.register(sub, common)  # groups, merger, populations, commune-groups, mapping

    p = sub.add_parser("catalog", help="criteria catalogue")
    catalog_sub = p.add_subparsers(dest="catalog_command", required=True)
    q = catalog_sub.add_parser("import", parents=[common], help="load or edit criteria sets from a workbook")
    q.add_argument("file")
    q.set_defaults(func=cmd_catalog_import)
    from ntm import cli_backup, cli_counts, cli_init, cli_profiles, cli_report, cli_uploads, cli_users

    cli_users.register(sub)
    cli_backup.register(sub)
    cli_uploads.register(sub)
    cli_report.register(sub)
    cli_counts.register(sub)
    cli_init.register(sub)
    cli_profiles.register(sub)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except access.AccessDenied as exc:
        print(exc.message(getattr(args, "lang", "vi")), file=sys.stderr)
        return 1
    except Exception as exc:  # a full disk, a corrupt or busy database: a message saying what to do, no traceback
        from ntm import faults

        fault = faults.classify(exc) or (faults.any_fault(exc) if faults.is_database_error(exc) else None)
        if fault is None:
            raise
        print(fault.message(getattr(args, "lang", "vi")), file=sys.stderr)
        return 2


def run() -> None:
    """The ``ntm`` console script (``pip install -e .``): ``python -m ntm`` by another name."""
    raise SystemExit(main())
