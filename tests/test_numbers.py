"""Numbers as news text writes them."""
from __future__ import annotations

import pytest

from kzresearch.claims.numbers import NUMBER, as_int, parse_digits, parse_number

PARSED = [
    ("4,000", 4000), ("9,900", 9900), ("9 900", 9900), ("9\u00a0900", 9900), ("1,234,567", 1234567),
    ("1.234.567", 1234567), ("225", 225), ("75.5", 75.5), ("70,76", 70.76), ("1,5", 1.5),
    ("1,234.5", 1234.5), ("1.234,5", 1234.5),
    ("three", 3), ("Five", 5), ("twenty-five", 25), ("twenty five", 25), ("two hundred", 200),
    ("two hundred and fifty", 250), ("a hundred", 100), ("a thousand", 1000), ("one hundred thousand", 100000),
    ("a dozen", 12), ("two dozen", 24), ("half a dozen", 6), ("a score", 20),
    ("12 million", 12_000_000), ("1.5 million", 1_500_000), ("19 million", 19_000_000),
    # a transcript's decimals, spoken digit by digit
    ("seventy seven point four", 77.4), ("ninety seven point seven five", 97.75), ("eleven point nine six million", 11_960_000),
]


@pytest.mark.parametrize("text,value", PARSED)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


# (two numbers side by side are none: "nine six", a year in words)
@pytest.mark.parametrize("text", ["several", "dozens", "", "many", "percent", "nine six", "nineteen ninety-five", "twenty fifteen"])
def test_not_a_number(text):
    assert parse_number(text) is None


def test_decimal_comma_in_a_percentage():
    assert parse_digits("70,760", percent=True) == pytest.approx(70.76)
    assert parse_digits("70,760") == 70760


@pytest.mark.parametrize("text,found", [
    ("about 4,000 people", "4,000"), ("some 9 900 detained", "9 900"), ("two dozen activists", "two dozen"),
    ("a dozen people", "a dozen"), ("twenty-five protesters", "twenty-five"), ("70,76%", "70,76"),
    ("12 million voters", "12 million"), ("three police", "three"),
    # (a scale without its "a", as non-native writers and machine translations write it)
    ("more than hundred people", "hundred"), ("about thousand protesters", "thousand"),
])
def test_number_pattern_finds_the_whole_numeral(text, found):
    assert NUMBER.search(text).group() == found


@pytest.mark.parametrize("text", ["hundreds of people", "Thousand of people", "thousand upon thousand", "The Million Man March",
                                  "per hundred residents"])
def test_a_scale_alone_is_no_number_but_after_a_word_of_estimate(text):
    assert NUMBER.search(text) is None


def test_as_int():
    assert as_int(30.0) == 30 and isinstance(as_int(30.0), int) and as_int(1.7) == 1.7


def test_digits_a_scale_and_digits_after_it_are_one_number():
    # machine translation's "1 thousand 200" (from "1 тыс. 200"); not a percentage after a scale
    assert [(m.group(), parse_number(m.group())) for m in NUMBER.finditer("about 1 thousand 200 people")] == [("1 thousand 200", 1200.0)]
    assert NUMBER.search("5 million 20 percent of them").group() == "5 million"
    assert parse_number(NUMBER.search("about 1 million 200 thousand people").group()) == 1_200_000


def test_and_a_half_after_number_words():
    from kzresearch.claims.numbers import NUMBER

    assert [m.group() for m in NUMBER.finditer("won ninety-five and a half percent")] == ["ninety-five and a half"]
    assert parse_number("ninety-five and a half") == 95.5
    assert parse_number("one and a half million") == 1_500_000
    assert parse_number("a hundred and a half") == 150


@pytest.mark.parametrize("text,found", [
    ("won seventy point seven six per cent of the vote", "seventy point seven six"),
    ("roughly eleven point nine six million registered voters", "eleven point nine six million"),
    # (not before a count: "at one point two thousand people" is a time, then a count)
    ("at one point two thousand people gathered", "one"),
])
def test_a_spoken_decimal_only_before_a_share_or_millions(text, found):
    assert NUMBER.search(text).group() == found
