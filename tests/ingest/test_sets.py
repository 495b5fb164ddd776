"""``SetCatalogue``: the catalogue's answers, kept across uploads while the catalogue stays as it is."""

from datetime import date

from ntm import catalog, store
from ntm.ingest.sets import SetCatalogue


def test_the_set_in_force_is_the_catalogues_answer_on_every_day(con):
    sets = SetCatalogue(con)
    days = [date(year, month, 1) for year in range(2014, 2029) for month in (1, 6, 7, 12)]
    days += [date(2020, 12, 31), date(2021, 1, 1), date(2025, 6, 30), date(2025, 7, 1), date(2025, 12, 31)]
    assert [sets.set_for(d) for d in days] == [catalog.set_for_period(con, d) for d in days]
    assert sets.set_for(date(2020, 5, 1)) == "ntm-2016" and sets.set_for(date(2022, 5, 1)) == "ntm-2021"


def test_an_edited_catalogue_gives_fresh_answers(con):
    assert 19 in SetCatalogue(con).info("ntm-2021").valid
    with store.transaction(con):  # as every catalogue write commits (the catalogue is kept per data version)
        con.execute("DELETE FROM criteria WHERE set_id = 'ntm-2021' AND criterion_no = 19")
    assert 19 not in SetCatalogue(con).info("ntm-2021").valid  # a new upload sees the change
    with store.transaction(con):
        con.execute("UPDATE criteria_sets SET valid_to = DATE '2021-12-31' WHERE set_id = 'ntm-2021'")
    assert SetCatalogue(con).set_for(date(2022, 5, 1)) == catalog.set_for_period(con, date(2022, 5, 1))
    assert SetCatalogue(con).set_for(date(2022, 5, 1)) != "ntm-2021"
