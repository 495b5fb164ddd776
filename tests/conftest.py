"""Shared fixtures: a template database with catalogue and units (built once), copied per test."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from ntm import catalog, sample, store, units


@pytest.fixture(autouse=True)
def local_server_address():
    """The app under test binds 127.0.0.1 as scripts/run.sh does (one local user, no sign-in);
    sign-in tests set another address themselves."""
    from streamlit import config

    before = config.get_option("server.address")
    config.set_option("server.address", "127.0.0.1")
    yield
    config.set_option("server.address", before)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "base.duckdb"
    con = store.connect(path)
    catalog.load_builtin(con)
    units.load_catalogue(con)
    con.execute("CHECKPOINT")
    con.close()
    return path


@pytest.fixture()
def db_path(template_db, tmp_path) -> Path:
    path = tmp_path / "ntm.duckdb"
    shutil.copy(template_db, path)
    return path


@pytest.fixture()
def con(db_path):
    connection = store.connect(db_path)
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    connection = store.connect(path)
    sample.build(connection)
    connection.execute("CHECKPOINT")
    connection.close()
    return path


@pytest.fixture()
def sample_con(sample_db, tmp_path):
    path = tmp_path / "sample.duckdb"
    shutil.copy(sample_db, path)
    connection = store.connect(path)
    yield connection
    connection.close()


MAY_2020 = date(2020, 5, 1)


def van_quan(con):
    return units.resolve(con, "Lạng Sơn/Văn Quan", start=MAY_2020)


def commune(con, name, district="Văn Quan"):
    parent = units.resolve(con, f"Lạng Sơn/{district}", start=MAY_2020)
    return units.resolve(con, name, start=MAY_2020, within=parent, prefer="commune")


def report(
    con, unit, month: str, met: list[int], *, set_id="ntm-2016", basically: list[int] = (), n=19, layer="self"
) -> int:
    """Load one commune-month: criteria in ``met`` met, ``basically`` basically met, the rest not met."""
    rows = [
        (
            unit.unit_id,
            pd.Timestamp(month + "-01"),
            set_id,
            c,
            "met" if c in met else "basically_met" if c in basically else "not_met",
            layer,
        )
        for c in range(1, n + 1)
    ]
    frame = pd.DataFrame(rows, columns=["unit_id", "period", "set_id", "criterion_no", "status", "layer"])
    return store.load_facts(con, frame, source="test")
