"""What every ``python -m ntm`` command shares: the common options, opening the database, who acts,
reading the file named, resolving a unit and period, and printing rejections and tables.

Light on purpose: ``python -m ntm --help`` imports this module and must not pay for duckdb and pandas
(~1 s), so the modules behind the database are imported on first use (``Lazy``); a command module
(``register(subparsers)``) likewise imports heavy libraries inside its handler.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ntm.i18n import t
from ntm.problems import KeyedError

if TYPE_CHECKING:
    from ntm.access import Principal


class Lazy:
    """A module imported on first use."""

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attr: str):
        return getattr(importlib.import_module(self._name), attr)


access, catalog, periods, reference, store, units = (
    Lazy(f"ntm.{m}") for m in ("access", "catalog", "periods", "reference", "store", "units")
)
LAYERS = ("self", "appraised", "recognised")  # store.LAYERS, spelt out so that building the parser imports nothing


class UsageError(Exception):
    """A command that cannot run as given: the message says what to fix (exit code 2)."""


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


def open_db(args: argparse.Namespace):
    """The database of ``--db`` (reference data loaded on first use), or UsageError when it is busy."""
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


def read_file(args: argparse.Namespace) -> tuple[bytes, str]:
    """(bytes, file name) of the ``file`` argument, or UsageError when there is no such file."""
    path = Path(args.file)
    if not path.is_file():
        raise UsageError(t("cli.no_file", args.lang, path=path))
    return path.read_bytes(), path.name


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


def print_rejected(problems, lang: str) -> int:
    """A rejected file's problems on stderr, each with its sheet, row and column; the exit code 1."""
    print(t("cli.rejected", lang), file=sys.stderr)
    for problem in problems:
        print("  - " + problem.located(lang), file=sys.stderr)
    return 1


def table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    """Columns padded to their widest cell, a dashed rule under the header."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return [
        "  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip()
        for r in [header, tuple("-" * w for w in widths), *rows]
    ]


def print_listing(
    area: str, columns: Sequence[str], rows: Sequence[tuple[str, ...]], lang: str, lead: tuple[str, ...] = ()
) -> None:
    """What a ``… list`` command prints: ``{area}.none`` when there is nothing, else a table headed by the
    ``lead`` headers and ``{area}.col.<column>`` for each of ``columns``."""
    if not rows:
        print(t(f"{area}.none", lang))
        return
    header = (*lead, *(t(f"{area}.col.{c}", lang) for c in columns))
    print("\n".join(table(header, rows)))
