"""``python -m ntm groups | merger | populations | commune-groups | mapping``: the data behind history
across mergers and set changes (groupings, earlier mergers, populations, commune groups, comparable criteria)."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path


def register(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("groups", help="groupings of communes (clusters, working groups) every page can filter on")
    actions = p.add_subparsers(dest="groups_command", required=True)
    q = actions.add_parser("set", parents=[common], help="create or replace a grouping")
    q.add_argument("--province", required=True)
    q.add_argument("--name", required=True)
    q.add_argument("--communes", required=True, help='today\'s communes, comma-separated ("Văn Quan, Khánh Khê")')
    q.add_argument("--kind", choices=["cluster", "working_group"], default="cluster")
    q.add_argument("--note")
    q.set_defaults(func=_groups_set)
    q = actions.add_parser("list", parents=[common], help="former districts and the province's groupings")
    q.add_argument("--province", required=True)
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=_groups_list)
    q = actions.add_parser("remove", parents=[common], help="remove a grouping")
    q.add_argument("--province", required=True)
    q.add_argument("--name", required=True)
    q.set_defaults(func=_groups_remove)

    p = sub.add_parser("merger", help="mergers before the 2025 reform")
    actions = p.add_subparsers(dest="merger_command", required=True)
    q = actions.add_parser("add", parents=[common], help="record that a commune went into another on a date")
    q.add_argument("--old", required=True, help='"Lạng Sơn/Văn Quan/Đồng Giáp"')
    q.add_argument("--into", required=True, help='"Lạng Sơn/Văn Quan/Khánh Khê"')
    q.add_argument("--date", required=True, help="YYYY-MM-DD, the first day of the merged commune")
    q.set_defaults(func=_merger_add)

    for name, helptext, func in (
        ("populations", "load commune populations (columns unit, population) for the weighted rule", _populations),
        ("commune-groups", "load the commune group 1/2/3 of each commune (columns unit, group)", _commune_groups),
    ):
        p = sub.add_parser(name, help=helptext)
        actions = p.add_subparsers(dest=name.replace("-", "_") + "_command", required=True)
        q = actions.add_parser("import", parents=[common], help=helptext)
        q.add_argument("file")
        q.add_argument("--province", required=True)
        q.add_argument("--year", type=int, help="year of the figures (populations)")
        q.add_argument("--set", default="ntm-2026", help="criteria set the groups apply to (commune-groups)")
        q.set_defaults(func=func)

    p = sub.add_parser("mapping", help="comparable criteria between criteria sets")
    actions = p.add_subparsers(dest="mapping_command", required=True)
    q = actions.add_parser(
        "import", parents=[common], help="load or edit the mapping (columns as criteria_mapping.csv)"
    )
    q.add_argument("file")
    q.set_defaults(func=_mapping_import)


def _run(args, body) -> int:
    from ntm import cli_common as cli
    from ntm import units
    from ntm.problems import Rejected

    con = cli.open_db(args)
    try:
        return body(con)
    except (units.UnitError, ValueError) as exc:
        raise cli.UsageError(str(exc)) from exc
    except Rejected as exc:
        return cli.print_rejected(exc.errors, args.lang)
    finally:
        con.close()


def _province(con, text: str):
    from ntm import lineage, units

    return lineage.today_province(con, units.resolve(con, text))


def _groups_set(args) -> int:
    from ntm import cli_common as cli
    from ntm import groupings, writes
    from ntm.i18n import t

    def body(con):
        province = _province(con, args.province)
        found = writes.unit_data(
            con,
            cli.acting(con, args),
            "groups",
            province,
            lambda: groupings.save(con, province, args.name, args.communes.split(","), args.kind, args.note),
        )
        print(t("groups.saved", args.lang, name=found.name, count=len(found.members)))
        return 0

    return _run(args, body)


def _groups_list(args) -> int:
    from ntm import groupings, units
    from ntm.i18n import t

    def body(con):
        found = groupings.available(con, _province(con, args.province))
        if args.json:
            rows = [
                {
                    "key": g.key,
                    "name": g.name,
                    "kind": g.kind,
                    "communes": [units.get(con, u).short_name for u in g.members],
                }
                for g in found
            ]
            print(json.dumps(rows, ensure_ascii=False, indent=2))
            return 0
        if not found:
            print(t("groups.none", args.lang))
        for g in found:
            print(f"{t('groups.kind.' + g.kind, args.lang)}: {g.name} ({len(g.members)})")
        return 0

    return _run(args, body)


def _groups_remove(args) -> int:
    from ntm import cli_common as cli
    from ntm import groupings, writes
    from ntm.i18n import t

    def body(con):
        province = _province(con, args.province)
        change = lambda: groupings.remove(con, province, args.name)  # noqa: E731
        if not writes.unit_data(con, cli.acting(con, args), "groups", province, change):
            raise cli.UsageError(t("groups.not_found", args.lang, name=args.name))
        print(t("groups.removed", args.lang, name=args.name))
        return 0

    return _run(args, body)


def _merger_add(args) -> int:
    from ntm import cli_common as cli
    from ntm import lineage, units, writes
    from ntm.i18n import t

    def body(con):
        day = date.fromisoformat(args.date)
        old = units.resolve(con, args.old, start=date(day.year - 1, day.month, 1), end=day, prefer="commune")
        new = units.resolve(con, args.into, start=day, prefer="commune")
        writes.unit_data(con, cli.acting(con, args), "merger", new, lambda: lineage.add_merger(con, old, new, day))
        print(t("merger.saved", args.lang, old=old.name, new=new.name, date=day.strftime("%d/%m/%Y")))
        return 0

    return _run(args, body)


def _read(args):
    from ntm import cli_common as cli
    from ntm.unit_data import read_table

    path = Path(args.file)
    if not path.is_file():
        from ntm.i18n import t

        raise cli.UsageError(t("cli.no_file", args.lang, path=path))
    return read_table(path.read_bytes(), path.name), path.name


def _populations(args) -> int:
    from ntm import cli_common as cli
    from ntm import unit_data, writes
    from ntm.i18n import t

    frame, name = _read(args)

    def body(con):
        province = _province_any(con, args.province)
        load = lambda: unit_data.load_populations(con, frame, province, args.year, name)  # noqa: E731
        count = writes.unit_data(con, cli.acting(con, args), "populations", province, load)
        print(t("populations.saved", args.lang, count=count))
        return 0

    return _run(args, body)


def _commune_groups(args) -> int:
    from ntm import catalog, unit_data, writes
    from ntm import cli_common as cli
    from ntm.i18n import t

    frame, name = _read(args)

    def body(con):
        catalog.require_set(con, args.set)
        province = _province(con, args.province)
        load = lambda: unit_data.load_commune_groups(con, frame, province, args.set, name)  # noqa: E731
        count = writes.unit_data(con, cli.acting(con, args), "commune_groups", province, load)
        print(t("commune_groups.saved", args.lang, count=count, set_name=catalog.set_label(args.set, args.lang, con)))
        return 0

    return _run(args, body)


def _province_any(con, text: str):
    """Populations may name communes of either era: resolve inside the province of any era."""
    from ntm import units

    return units.resolve(con, text)


def _mapping_import(args) -> int:
    from ntm import cli_common as cli
    from ntm import writes
    from ntm.i18n import t

    path = Path(args.file)

    def body(con):
        count = writes.criteria_mapping(con, cli.acting(con, args), path.read_bytes(), path.name)
        print(t("mapping.saved", args.lang, count=count))
        return 0

    return _run(args, body)
