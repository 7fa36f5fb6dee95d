"""Protest tallies across outlets, conventions and days, on hand-made tables."""
import datetime as dt

import pandas as pd
import pytest

from kzresearch import protests, selection
from kzresearch.claims import events_view


def _tallies():
    return pd.DataFrame({
        "doc_id": ["a", "b", "c", "d"], "outlet": ["AP", "RFE/RL", "RFE/RL", "AP"], "start": [0, 0, 5, 0],
        "election_id": ["2019-06-09-presidential"] * 4, "counted": ["detained"] * 4,
        "location": [["Kazakhstan"]] * 4, "event_date": ["2019-06-09"] * 4,
        "number": [500.0, None, 700.0, 4000.0], "qualifier": ["exact", "vague", "approx", "approx"],
        "vague_word": [None, "hundreds", None, None], "multiplier": [None] * 4,
        "phrase": ["500 people", "hundreds", "about 700", "about 4,000"],
        "published": ["2019-06-09", "2019-06-10", "2019-06-11", "2019-06-14"],
    })


def _documents():
    return pd.DataFrame({"doc_id": list("abcd"), "outlet": ["AP", "RFE/RL", "RFE/RL", "AP"]})


def test_outlet_ranges_per_outlet_and_merged():
    r = protests.outlet_ranges(_tallies(), convention="range")
    assert r["outlet"].tolist() == ["AP", "RFE/RL", protests.MERGED]
    merged = r.iloc[-1]
    assert merged.low == 200 and merged.high == 4400 and merged.reports == 4


def test_conventions_side_by_side_differ():
    side = protests.by_convention(_tallies(), ["range", "ccc"])
    assert side["convention"].tolist() == ["range", "ccc"]
    wide = protests.side_by_side(side)
    assert wide.columns.tolist()[-2:] == ["range", "ccc"]
    assert wide.loc[0, "range"] != wide.loc[0, "ccc"]


def test_totals_are_a_range_that_admits_overlap():
    events = events_view(_tallies(), _documents())
    t = protests.totals(events)
    assert t.loc[0, "events"] == 1 and t.loc[0, "low"] == 200


def test_evolution_by_day_of_publication():
    evo = protests.evolution(_tallies(), dt.date(2019, 6, 9), convention="range")
    assert evo["day"].tolist() == [0.0, 1.0, 2.0, 5.0]
    assert set(evo["dated_by"]) == {"publication"}


def test_nothing_to_show_gives_empty_tables():
    empty = _tallies().iloc[0:0]
    assert protests.outlet_ranges(empty, convention="range").empty
    assert protests.by_convention(empty, ["range"]).empty
    assert protests.evolution(empty, dt.date(2019, 6, 9), convention="range").empty


@pytest.mark.parametrize(("location", "date", "label"), [
    (["Nur-Sultan", "Almaty"], "2021-01-10", "detained, Almaty + Nur-Sultan, 2021-01-10"),
    ([], None, "detained, place unknown, date unknown")])
def test_event_label(location, date, label):
    assert protests.event_label("detained", location, date) == label


def test_by_convention_gives_the_merges_of_events_view(bundled):
    documents = bundled.table("documents", columns=["doc_id", "outlet", "published"])
    tallies = selection.claims_of(bundled.tallies, documents)
    side = protests.by_convention(tallies, ["range", "acled"])
    for name in ("range", "acled"):
        view = events_view(tallies, documents, convention=name)
        mine = side[side["convention"] == name]
        assert len(mine) == len(view)
        assert sorted(mine["low"].fillna(-1)) == sorted(view["conservative"].astype(float).fillna(-1))
        assert sorted(mine["high"].fillna(-1)) == sorted(view["informative"].astype(float).fillna(-1))
        assert sorted(mine["point"].fillna(-1)) == sorted(view["representative"].astype(float).fillna(-1))
        assert sorted(mine["reports"]) == sorted(view["n_reports"])


def test_by_convention_does_not_rely_on_the_index(bundled):
    documents = bundled.table("documents", columns=["doc_id", "outlet", "published"])
    tallies = selection.claims_of(bundled.tallies, documents)
    doubled = pd.concat([tallies, tallies.assign(doc_id=tallies["doc_id"] + "-copy")])  # every label twice
    side = protests.by_convention(doubled, ["range"])
    assert side["reports"].sum() == 2 * len(tallies)
