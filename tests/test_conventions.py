"""Quantity conventions: data, sources, and low/high under each."""
from __future__ import annotations

import pandas as pd
import pytest

from kzresearch.claims.conventions import apply_convention, bounds, convention, default_conventions

VAGUE = ["dozens", "scores", "several dozen", "hundreds", "several hundred", "thousands", "tens of thousands",
         "several", "a handful", "a few", "tens", "hundreds of thousands"]


def test_every_convention_has_a_source_and_every_vague_word():
    conv = default_conventions()
    assert conv["default"] == "range"
    assert {"range", "ccc", "acled", "countlove"} <= set(conv["conventions"])
    for name, c in conv["conventions"].items():
        assert c["description"] and "source" in c, name
        assert set(VAGUE) <= set(c["vague"]), name
        assert {"exact", "approx", "more_than", "at_least", "at_most", "fewer_than"} <= set(c["qualifiers"]), name
    for name in ("ccc", "acled", "countlove"):
        assert conv["conventions"][name]["url"].startswith("http")


@pytest.mark.parametrize("name,word,value", [
    ("ccc", "hundreds", 200), ("ccc", "thousands", 2000), ("ccc", "tens of thousands", 20000),
    ("acled", "dozens", 12), ("acled", "hundreds", 100), ("acled", "tens", 10),
    ("countlove", "dozens", 20), ("countlove", "hundreds", 100),
])
def test_published_point_values(name, word, value):
    assert bounds(None, "vague", word, name=name) == (value, value)


@pytest.mark.parametrize("number,qualifier,vague_word,expected", [
    (30, "exact", None, (30, 30)),
    (100, "approx", None, (90, 110)),
    (30, "more_than", None, (31, 45)),
    (50, "at_least", None, (50, 75)),
    (1000, "at_most", None, (500, 1000)),
    (20, "fewer_than", None, (10, 19)),
    (12, "more_than", "a dozen", (13, 18)),
    (12, "exact", "a dozen", (11, 13)),
    (None, "vague", "dozens", (24, 99)),
    (None, "vague", "several dozen", (36, 99)),
    (None, "vague", "hundreds", (200, 999)),
    (None, "vague", "tens of thousands", (20000, 99999)),
    (None, "vague", "a handful", (2, 9)),
    (None, "unspecified", "all", (1, None)),
])
def test_range_convention(number, qualifier, vague_word, expected):
    assert bounds(number, qualifier, vague_word) == expected


def test_multiplier_scales_both_bounds():
    assert bounds(None, "vague", "several dozen", 2) == (72, 198)


def test_countlove_rounds_approximate_figures_down():
    assert bounds(12, "approx", "a dozen", name="countlove") == (10, 10)


def test_apply_convention_returns_a_new_table():
    t = pd.DataFrame({"number": [None, 30.0], "qualifier": ["vague", "more_than"], "vague_word": ["hundreds", None],
                      "multiplier": [None, None], "low": [1.0, 1.0], "high": [1.0, 1.0]})
    out = apply_convention(t, "ccc")
    assert out[["low", "high"]].astype(float).values.tolist() == [[200, 200], [30, 30]]
    assert t["low"].tolist() == [1.0, 1.0]


def test_unknown_convention_names_the_known_ones():
    with pytest.raises(KeyError, match="acled"):
        convention("nonsense")


def test_a_missing_vague_word_read_from_parquet_is_no_counting_word():
    """Parquet gives NaN for a missing vague word: "500 people" stays exactly 500, not about 500."""
    import numpy as np
    import pandas as pd

    from kzresearch.claims import apply_convention

    t = pd.DataFrame({"number": [500.0], "qualifier": ["exact"], "vague_word": [np.nan], "multiplier": [np.nan]})
    assert apply_convention(t, "range")[["low", "high"]].values.tolist() == [[500.0, 500.0]]
