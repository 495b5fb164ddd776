"""Migration versions are assigned per issue and land in any order: a lower one merged later still applies."""

from ntm import store


def test_a_version_below_the_applied_ones_is_still_applied(tmp_path, monkeypatch):
    first = store.MIGRATIONS[:1]
    monkeypatch.setattr(store, "MIGRATIONS", [*first, (100, ["CREATE TABLE landed_first (x INTEGER)"])])
    con = store.connect(tmp_path / "a.duckdb")
    assert store.schema_version(con) == 100
    monkeypatch.setattr(store, "MIGRATIONS", [*store.MIGRATIONS, (50, ["CREATE TABLE merged_later (x INTEGER)"])])
    assert store.migrate(con) == 100
    assert con.execute("SELECT count(*) FROM merged_later").fetchall()[0][0] == 0
    assert sorted(r[0] for r in con.execute("SELECT version FROM schema_version").fetchall()) == [1, 50, 100]
    assert store.migrate(con) == 100  # nothing applied twice
