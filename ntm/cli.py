"""``python -m ntm``: the command line over the same core the dashboard uses.

Each command lives in a module named for what it holds, exposing ``register(subparsers)`` (the subparser and its
handler), called below in the order ``--help`` lists them; what the commands share (options, opening the
database, who acts, tables) is ``ntm.cli_common``. ``python -m ntm --help`` imports no command's libraries:
a handler imports them when it runs (``tests/test_cli_startup.py``).

Exit codes: 0 done, 1 a file was rejected (nothing written), 2 usage error (bad option,
unknown unit or period, database busy).
"""

from __future__ import annotations

import argparse
import sys

from ntm.cli_common import (  # noqa: F401 - also read as ntm.cli.X by command modules written before the split
    LAYERS,
    Lazy,
    UsageError,
    acting,
    common_parser,
    resolve_scope,
)
from ntm.cli_common import open_db as _open  # noqa: F401 - the names of before the split, for the same reason
from ntm.cli_common import print_rejected as _print_rejected  # noqa: F401
from ntm.cli_common import read_file as _read_file  # noqa: F401
from ntm.cli_common import table as _table  # noqa: F401

access = Lazy("ntm.access")


def parser() -> argparse.ArgumentParser:
    from ntm import (
        cli_backup,
        cli_catalog,
        cli_counts,
        cli_history,
        cli_import,
        cli_init,
        cli_profiles,
        cli_report,
        cli_sample,
        cli_summary,
        cli_targets,
        cli_uploads,
        cli_users,
    )

    top = argparse.ArgumentParser(prog="python -m ntm", description="NTM Dashboard command line")
    sub = top.add_subparsers(dest="command", required=True)
    cli_sample.register(sub)  # sample
    cli_summary.register(sub)  # summary
    cli_import.register(sub)  # import, template
    cli_targets.register(sub)  # targets, targets import
    cli_history.register(sub, common_parser())  # groups, merger, populations, commune-groups, mapping
    cli_catalog.register(sub)  # catalog import
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
