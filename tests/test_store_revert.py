"""Reverting uploads in any order gives back exactly the state before them, never two rows per key."""

from __future__ import annotations

import itertools
from datetime import date

import pandas as pd
import pytest

from ntm import loads, store

JAN, FEB = date(2020, 1, 1), date(2020, 2, 1)
# Four overlapping uploads: (unit, month) → {criterion: status}. Upload 2 replaces upload 1's unit 2
# with fewer criteria (a criterion left out must disappear and come back), 3 replaces upload 1's
# unit 1, 4 replaces upload 2's units 2 and 3; indicators ride along with some of them.
UPLOADS = [
    {(1, JAN): {1: "met", 2: "met", 3: "not_met"}, (2, JAN): {1: "not_met", 2: "met", 3: "met"}},
    {(2, JAN): {1: "met", 2: "basically_met"}, (3, JAN): {1: "met", 2: "met", 3: "met"}},
    {(1, JAN): {1: "not_met", 2: "not_met", 3: "met"}, (1, FEB): {1: "met", 2: "met", 3: "met"}},
    {(2, JAN): {1: "not_met", 2: "not_met", 3: "not_met"}, (3, JAN): {1: "not_met"}, (3, FEB): {2: "met"}},
]
INDICATORS = {0: {(1, JAN): 55.0, (2, JAN): 10.0}, 1: {(2, JAN): 20.0}, 3: {(2, JAN): 30.0, (3, FEB): 1.0}}


def load_all(con) -> list[int]:
    ids = []
    for k, groups in enumerate(UPLOADS):
        facts = pd.DataFrame(
            [(u, m, "ntm-2016", c, s) for (u, m), statuses in groups.items() for c, s in statuses.items()],
            columns=["unit_id", "period", "set_id", "criterion_no", "status"],
        )
        ind = INDICATORS.get(k)
        indicators = (
            pd.DataFrame(
                [(u, m, "ntm-2016", "17.1", v) for (u, m), v in ind.items()],
                columns=["unit_id", "period", "set_id", "indicator_code", "value"],
            )
            if ind
            else None
        )
        ids.append(loads.load_facts(con, facts, source="test", indicators=indicators))
    return ids


def expected(loaded: list[int], ids: list[int]) -> tuple[set, set]:
    """The state the loaded uploads give when replayed in order (each (unit, month) replaced whole)."""
    facts: dict = {}
    values: dict = {}
    for k, upload_id in enumerate(ids):
        if upload_id not in loaded:
            continue
        for group, statuses in UPLOADS[k].items():
            facts[group] = {(group, c, s, upload_id) for c, s in statuses.items()}
            values[group] = {(group, INDICATORS[k][group], upload_id)} if group in INDICATORS.get(k, {}) else set()
    return set().union(*facts.values()), set().union(*values.values())


def state(con) -> tuple[set, set]:
    facts = con.execute("SELECT unit_id, period, criterion_no, status, upload_id FROM assessments").fetchall()
    values = con.execute("SELECT unit_id, period, value, upload_id FROM indicator_values").fetchall()
    return {((u, p), c, s, up) for u, p, c, s, up in facts}, {((u, p), v, up) for u, p, v, up in values}


def keys_with_two_rows(con) -> list:
    return con.execute(
        """SELECT unit_id, period, set_id, layer, criterion_no FROM assessments GROUP BY ALL HAVING count(*) > 1
           UNION ALL
           SELECT unit_id, period, set_id, layer, NULL FROM indicator_values
           GROUP BY unit_id, period, set_id, layer, indicator_code HAVING count(*) > 1"""
    ).fetchall()


def blockers_in_the_model(upload: int, loaded: list[int], ids: list[int]) -> list[int]:
    """For each of the upload's (unit, month): the next loaded upload after it naming the same one."""
    k = ids.index(upload)
    found = set()
    for group in UPLOADS[k]:
        later = [ids[j] for j in range(k + 1, len(ids)) if ids[j] in loaded and group in UPLOADS[j]]
        if later:
            found.add(later[0])
    return sorted(found, reverse=True)


@pytest.mark.parametrize("order", list(itertools.permutations(range(4))), ids=lambda o: "-".join(map(str, o)))
def test_reverting_in_every_order_restores_exactly_the_state_before(tmp_path, order):
    con = store.connect(tmp_path / "revert.duckdb")
    ids = load_all(con)
    loaded = list(ids)
    assert state(con) == expected(loaded, ids)
    pending = [ids[k] for k in order]
    while pending:  # try in this order; a refused one waits for the later uploads it names
        progressed = False
        for upload in list(pending):
            model = blockers_in_the_model(upload, loaded, ids)
            refused = None
            try:
                loads.revert_upload(con, upload)
            except loads.RevertRefused as exc:
                refused = exc
            if refused is not None:
                assert refused.key == "store.revert_blocked"
                assert refused.params["later"] == ", ".join(map(str, model)) and refused.params["first"] == model[0]
                assert loads.revert_blockers(con).get(upload) == model
                continue
            assert model == [], f"upload {upload} was reverted although {model} replaced its rows"
            loaded.remove(upload)
            pending.remove(upload)
            progressed = True
            assert keys_with_two_rows(con) == []
            assert state(con) == expected(loaded, ids)
        assert progressed
    assert state(con) == (set(), set())
    con.close()


def test_reverting_a_replaced_upload_alone_is_refused_naming_the_later_one(tmp_path):
    con = store.connect(tmp_path / "revert.duckdb")
    first, second, third, _fourth = load_all(con)
    before = state(con)
    with pytest.raises(loads.RevertRefused) as refused:
        loads.revert_upload(con, first)  # upload 2 and 3 replaced its communes
    assert refused.value.params == {"upload_id": first, "later": f"{third}, {second}", "first": third}
    assert "hoàn tác lần tải 3 trước" in refused.value.message("vi")
    assert "Revert upload 3 first" in refused.value.message("en")
    assert state(con) == before  # nothing moved
    assert con.execute("SELECT count(*) FROM assessments").fetchall() == [(11,)]  # 3 + 3 + 3 + 1 + 1, one per key
    with pytest.raises(loads.RevertRefused):
        loads.revert_upload(con, 99)
    con.close()
