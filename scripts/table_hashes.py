"""A hash of every table of a database, timestamps aside: proves two builds hold the same rows.

    python scripts/table_hashes.py DB [DB ...]

Prints one line per table (rows, hash) and a last line with the hash of them all; with two or more files, the
tables that differ and exit code 1 when any does. TIMESTAMP columns (when a row was entered) are left out; every
other column counts, ids included, so a change of load order shows. Opens each file read-only (copy a database of
another schema version first: opening it for writing would migrate it)."""

from __future__ import annotations

import hashlib
import sys

import duckdb


def table_hashes(path: str) -> dict[str, tuple[int, str]]:
    con = duckdb.connect(path, read_only=True)
    try:
        tables = [
            t
            for (t,) in con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1"
            ).fetchall()
        ]
        out = {}
        for table in tables:
            cols = [
                c
                for c, kind in con.execute(
                    "SELECT column_name, data_type FROM information_schema.columns"
                    " WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position",
                    [table],
                ).fetchall()
                if not kind.startswith("TIMESTAMP")
            ]
            if table == "schema_version":
                cols = [c for c in cols if c == "version"]
            listed = ", ".join(f'"{c}"' for c in cols)
            rows = con.execute(f'SELECT {listed} FROM "{table}"').fetchall()
            digest = hashlib.sha256()
            for line in sorted(repr(r) for r in rows):
                digest.update(line.encode())
                digest.update(b"\n")
            out[table] = (len(rows), digest.hexdigest()[:16])
        return out
    finally:
        con.close()


def main(argv: list[str]) -> int:
    results = [table_hashes(p) for p in argv]
    for path, hashes in zip(argv, results):
        print(f"== {path}")
        for table, (n, h) in hashes.items():
            print(f"{table:28} {n:>9} {h}")
        print("all", hashlib.sha256(repr(sorted(hashes.items())).encode()).hexdigest()[:16])
    differ = sorted({t for r in results for t in r if any(r.get(t) != o.get(t) for o in results)})
    if len(results) > 1:
        print("differ:", ", ".join(differ) or "none")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
