"""Shared fixtures. A template database with catalogue and units, and the sample database built by
``python -m ntm sample``: each built once per test session (under pytest-xdist the first worker builds it
behind a file lock and the others wait and reuse it), then copied, so no test writes to the shared file.
The sample is also kept between sessions in pytest's cache folder (``.pytest_cache``), keyed by a hash of
everything that builds it (``ntm/``, ``sample_data/``, the Python and DuckDB versions): a run after a change
to any of those builds it afresh; ``pytest --cache-clear`` or ``-p no:cacheprovider`` does too.

The browser tests share one chromium and one server per worker (``chromium``, ``server``, ``page``).
Helpers live in ``tests/helpers.py`` and ``tests/browser_helpers.py``; nothing here is imported by a test module."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import io
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ntm import catalog, store, unit_catalogue


@pytest.fixture(autouse=True)
def local_server_address():
    """The app under test binds 127.0.0.1 as scripts/run.sh does (one local user, no sign-in);
    sign-in tests set another address themselves."""
    from streamlit import config

    before = config.get_option("server.address")
    config.set_option("server.address", "127.0.0.1")
    yield
    config.set_option("server.address", before)


@pytest.fixture(autouse=True, scope="session")
def cheap_password_hashes() -> Iterator[None]:
    """argon2id at its lowest cost in this process: the real parameters cost ~0,3 s of CPU per hash or check, and
    the tests check who gets in, not what a guess costs (``test_accounts`` checks the hashes are salted argon2id).
    Servers the browser tests start hash with the real parameters."""
    from argon2 import PasswordHasher

    from ntm import accounts

    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    patch = pytest.MonkeyPatch()
    patch.setattr(accounts, "_HASHER", cheap)
    patch.setattr(accounts, "_DUMMY_HASH", cheap.hash("not a password of anyone"))
    yield
    patch.undo()


@pytest.fixture(autouse=True, scope="session")
def components_scanned_once() -> Iterator[None]:
    """Streamlit's scan of the installed packages for components, made once per process instead of once per
    AppTest (each AppTest's first run reads the metadata of every installed distribution: ~0,5 s of CPU, the same
    answer every time within a session). The servers the browser tests start scan as they always do."""
    from streamlit.components.v2 import manifest_scanner

    scan = manifest_scanner.scan_component_manifests
    found: list = []

    def scanned_once(*args, **kwargs):
        if not found:
            found.append(scan(*args, **kwargs))
        return list(found[0])

    patch = pytest.MonkeyPatch()
    patch.setattr(manifest_scanner, "scan_component_manifests", scanned_once)
    yield
    patch.undo()


def _built_once(
    tmp_path_factory, worker_id: str, name: str, build: Callable[[Path], dict], suffix: str = ".duckdb"
) -> tuple[Path, dict]:
    """``build(path)`` run once per session, however many xdist workers ask; returns the file (or folder, with
    ``suffix=""``) and what ``build`` returned (kept as JSON beside it for the workers that did not build it)."""
    if worker_id == "master":  # not under xdist
        path = tmp_path_factory.mktemp(name) / f"{name}{suffix}"
        return path, build(path)
    shared = tmp_path_factory.getbasetemp().parent  # one folder for all workers of this session
    path, info = shared / f"{name}{suffix}", shared / f"{name}.json"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not info.exists():
                info.write_text(json.dumps(build(path)))
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return path, json.loads(info.read_text())


def _build_template(path: Path) -> dict:
    con = store.connect(path)
    catalog.load_builtin(con)
    unit_catalogue.load_catalogue(con)
    con.execute("CHECKPOINT")
    con.close()
    return {}


def _build_sample(path: Path) -> dict:
    """The sample as a user builds it: ``python -m ntm sample --db PATH`` (its exit code and output kept)."""
    from ntm.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["sample", "--db", str(path)])
    return {"code": code, "out": out.getvalue()}


def _copy(source: Path, folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    shutil.copy(source, path)
    return path


@pytest.fixture(scope="session")
def template_db(request, tmp_path_factory, worker_id) -> Path:
    """The catalogue and units database, kept between sessions like the sample (keyed by a hash of ``ntm/``)."""
    return _kept(request, tmp_path_factory, worker_id, "template", _key("ntm/**/*"), _build_template)[0]


@pytest.fixture
def db_path(template_db, tmp_path) -> Path:
    """A fresh copy of the template database (catalogue and units, no reports) for this test to write."""
    return _copy(template_db, tmp_path, "ntm.duckdb")


@pytest.fixture
def con(db_path) -> Iterator:
    connection = store.connect(db_path)
    yield connection
    connection.close()


ROOT = Path(__file__).resolve().parent.parent


def _key(*patterns: str) -> str:
    """A hash of the files matching ``patterns`` (globs under the repository) and of the engines that read them."""
    import duckdb
    import openpyxl
    import pandas

    digest = hashlib.sha256(f"{sys.version}|{duckdb.__version__}|{pandas.__version__}|{openpyxl.__version__}".encode())
    for pattern in patterns:
        for path in sorted(ROOT.glob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


def _sample_key() -> str:
    """A hash of what the sample database is made from: the package, the sample workbooks, the engines."""
    return _key("ntm/**/*", "sample_data/**/*")


def _remove(path: Path) -> None:
    shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)


def _cached(folder: Path, name: str, build: Callable[[Path], dict], suffix: str = ".duckdb") -> tuple[Path, dict]:
    """``build`` run into ``folder`` unless an earlier session (or another worker) already did: behind a file
    lock, written under a temporary name and renamed once complete, so a cut-short build is never reused."""
    folder.mkdir(parents=True, exist_ok=True)
    path, info = folder / f"{name}{suffix}", folder / f"{name}.json"
    with open(folder / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not (path.exists() and info.exists()):
                partial = folder / f"partial-{os.getpid()}{suffix}"
                _remove(partial)
                result = build(partial)
                _remove(path)  # a build cut short between the rename and its JSON
                partial.replace(path)
                info.write_text(json.dumps(result))
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return path, json.loads(info.read_text())


def _keyed_folder(request, name: str, key: str) -> Path | None:
    """``.pytest_cache/d/<name>/<key>``, the folders of other keys removed (made by earlier code, never read
    again); None without pytest's cache (``-p no:cacheprovider``)."""
    cache = getattr(request.config, "cache", None)
    if cache is None:
        return None
    root = cache.mkdir(name)
    for old in root.iterdir():
        if old.name != key and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
    return root / key


def _kept(
    request, tmp_path_factory, worker_id: str, name: str, key: str, build: Callable[[Path], dict], suffix=".duckdb"
) -> tuple[Path, dict]:
    """``build`` kept between sessions in ``.pytest_cache/d/ntm-<name>/<key>`` (``_cached``), or run once per
    session without pytest's cache (``_built_once``)."""
    folder = _keyed_folder(request, f"ntm-{name}", key)
    if folder is None:  # -p no:cacheprovider: once per session only
        return _built_once(tmp_path_factory, worker_id, name, build, suffix)
    return _cached(folder, name, build, suffix)


@pytest.fixture(scope="session")
def _sample(request, tmp_path_factory, worker_id) -> tuple[Path, dict]:
    return _kept(request, tmp_path_factory, worker_id, "sample", _sample_key(), _build_sample)


def _regenerate(template: Path, out: Path) -> dict:
    """``sample_data/regenerate.py``'s workbooks and CSV files written into ``out``, as the script writes them."""
    from sample_data import regenerate

    scratch = out.parent / f"units-{os.getpid()}.duckdb"
    shutil.copy(template, scratch)
    con = regenerate.units_database(scratch)
    try:
        regenerate.write_all(con, out)
    finally:
        con.close()
        scratch.unlink(missing_ok=True)
    return {}


@pytest.fixture(scope="session")
def regenerated_sample_data(request, template_db, tmp_path_factory, worker_id) -> Path:
    """A folder of what ``sample_data/regenerate.py`` makes now, for comparing with the committed files.

    Kept between sessions like the sample, keyed by a hash of what makes it (the script's code in
    ``sample_data/*.py``, ``ntm/``, the engines) and never of the committed workbooks it is compared with: a
    changed generator regenerates, a committed file edited by hand is still compared with the script's output.
    Once per session under xdist (behind a lock), written under a temporary name and renamed once complete."""
    key = _key("ntm/**/*", "sample_data/*.py")
    build = functools.partial(_regenerate, template_db)
    return _kept(request, tmp_path_factory, worker_id, "sample-data", key, build, suffix="")[0]


@pytest.fixture(scope="session")
def sample_build(_sample) -> dict:
    """What ``python -m ntm sample`` returned and printed when it built the session's sample database."""
    return _sample[1]


@pytest.fixture(scope="session")
def sample_db(_sample, tmp_path_factory) -> Path:
    """This worker's copy of the sample database, for tests that only read it (one process per DuckDB file)."""
    return _copy(_sample[0], tmp_path_factory.mktemp("sample-read"), "sample.duckdb")


@pytest.fixture
def sample_copy(sample_db, tmp_path) -> Path:
    """A copy of the sample database this test may write to."""
    return _copy(sample_db, tmp_path, "sample.duckdb")


@pytest.fixture
def sample_con(sample_copy) -> Iterator:
    connection = store.connect(sample_copy)
    yield connection
    connection.close()


# Fixtures that give a test a database of its own (or a folder to make one): its AppTests start on empty caches.
_OWN_DATABASE = {"db_path", "con", "sample_copy", "sample_con", "tmp_path", "tmp_path_factory"}
_RUN = {"tests": 0, "last_shared": -1}  # tests started in this process; the last one that left the sample's cache


@pytest.fixture(autouse=True)
def _count_tests() -> None:
    _RUN["tests"] += 1


@pytest.fixture
def fresh_caches(request) -> Iterator[None]:
    """Empty Streamlit caches before and after a test (AppTest modules use it through ``pytestmark``).

    The query cache (``ui.query``: keyed by function, arguments and data version, not by file) is kept from one test
    to the next when both only read this worker's copy of the sample (``sample_db``, never written): they ask the same
    file the same questions, as the sessions of one server do. Any other test in between, or a test with a database
    of its own, empties it, so a result of another file with the same data version is never read. The app's
    connection is always dropped."""
    import streamlit as st

    shared = "sample_db" in request.fixturenames and not _OWN_DATABASE & set(request.fixturenames)
    if not (shared and _RUN["last_shared"] == _RUN["tests"] - 1):
        st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()
    if shared:
        _RUN["last_shared"] = _RUN["tests"]
    else:
        st.cache_data.clear()


@pytest.fixture(scope="session")
def chromium():
    """Debian's chromium through Playwright, one per test session and worker; each test opens its own context."""
    from playwright.sync_api import sync_playwright

    from tests.browser_helpers import CHROMIUM, CHROMIUM_ARGS, require_chromium

    require_chromium()
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def server(sample_db, tmp_path_factory):
    """The real server (``streamlit run app.py``) on a copy of the sample, shared by this worker's browser tests
    (started by the first that asks; each xdist worker has its own): ``(base URL, database path)``. A test that
    writes through it leaves the data as it found it or asserts only on what it wrote."""
    from tests.browser_helpers import require_chromium, start_server, stop_server

    require_chromium()
    db = tmp_path_factory.mktemp("browser") / "ntm.duckdb"
    shutil.copy(sample_db, db)
    proc, base = start_server(db)
    yield base, db
    stop_server(proc)


@pytest.fixture
def page(chromium):
    """A 1400 × 1000 page in a context of its own (Vietnamese locale), closed after the test."""
    from tests.browser_helpers import new_page

    opened = new_page(chromium)
    yield opened
    opened.context.close()


def pytest_collection_modifyitems(config, items) -> None:
    """The longest tests first: the benchmark run, then the browser tests (each waits on a server and chromium),
    then the rest in their usual order. Under pytest-xdist (``--dist worksteal``) a worker that runs out of tests
    takes half of another's queue, so the short ones at the end fill both cores while the long ones run."""

    def rank(item) -> int:
        return 0 if item.get_closest_marker("bench_run") else 1 if item.get_closest_marker("browser") else 2

    items.sort(key=rank)
