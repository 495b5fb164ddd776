"""``python -m ntm backup OUT`` and ``restore IN``: consistent copies of the database file."""

from __future__ import annotations

import argparse


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n / 1000:.0f} KB"


def cmd_backup(args: argparse.Namespace) -> int:
    from ntm import backup
    from ntm.access import require
    from ntm.cli_common import UsageError, acting, open_db
    from ntm.i18n import t

    con = open_db(args)
    try:
        require(acting(con, args), "backup")
        try:
            path = backup.backup(con, args.out)
        except backup.BackupError as exc:
            raise UsageError(t(exc.key, args.lang, **exc.params)) from exc
    finally:
        con.close()
    print(t("backup.done", args.lang, path=path, size=_size(path.stat().st_size)))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from ntm import audit, backup, store
    from ntm.access import require
    from ntm.cli_common import UsageError, acting, open_db
    from ntm.i18n import t

    target = store.db_path(args.db)
    try:
        backup.check(args.file)
    except backup.BackupError as exc:
        raise UsageError(t(exc.key, args.lang, **exc.params)) from exc
    if target.exists():
        con = open_db(args)  # busy → the message that says how to back up from the app
        try:
            principal = acting(con, args)
            require(principal, "restore")
        finally:
            con.close()
    try:
        kept = backup.restore(args.file, target)
    except store.StoreBusy as exc:
        raise UsageError(t("cli.db_busy", args.lang, path=str(exc))) from exc
    con = open_db(args)  # brings an older backup's schema up to date
    try:
        principal = acting(con, args)
        with store.transaction(con):
            audit.record(con, principal, "restore", ref=str(args.file), old=str(kept) if kept else None)
    finally:
        con.close()
    print(t("backup.restored", args.lang, path=args.file, db=target, kept=kept or "–"))
    return 0


def register(subparsers) -> None:
    from ntm.cli_common import common_parser

    common = common_parser()
    p = subparsers.add_parser(
        "backup", parents=[common], help="write a consistent copy of the database (the WAL's last commits included)"
    )
    p.add_argument("out", help="the new backup file (must not exist)")
    p.set_defaults(func=cmd_backup)
    p = subparsers.add_parser(
        "restore", parents=[common], help="replace the database with a backup (the current file is backed up first)"
    )
    p.add_argument("file", metavar="IN")
    p.set_defaults(func=cmd_restore)
