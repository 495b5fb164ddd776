"""``python -m ntm --help`` imports only what building the parser needs (no duckdb, no pandas)."""

import subprocess
import sys

from ntm import cli, store


def test_help_imports_neither_duckdb_nor_pandas():
    probe = "import sys, ntm.cli; ntm.cli.parser(); print(sorted({'duckdb', 'pandas', 'numpy'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_parser_layers_are_the_stores():
    assert cli.LAYERS == store.LAYERS


def test_a_command_still_reaches_the_store_lazily(tmp_path, capsys):
    assert cli.main(["summary", "--db", str(tmp_path / "x.duckdb"), "--unit", "Nowhere", "--period", "2020"]) == 2
    assert "Nowhere" in capsys.readouterr().err
