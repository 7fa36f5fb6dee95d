"""Numbers as news text writes them: digits with separators, decimal commas and number words.

``parse_number`` reads one numeral ("4,000", "9 900", "70,76", "1.5 million", "twenty-five",
"two dozen"); ``NUMBER`` is the compiled pattern that finds such numerals, built once from the
number words of ``data/reference/claim_lexicon.yaml``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import takewhile

from kzresearch.claims.lexicon import alternation, default_lexicon

_WORDS = default_lexicon()["numbers"]
UNITS: dict[str, int] = _WORDS["units"]
TENS: dict[str, int] = _WORDS["tens"]
SCALES: dict[str, int] = _WORDS["scales"]
GROUPS: dict[str, int] = _WORDS["groups"]


_WORD = alternation([*UNITS, *TENS])
_SCALE = alternation(SCALES)
_GROUP = alternation(GROUPS)
# Digits: grouped thousands ("4,000", "9 900", "1.234.567") or plain digits with an optional
# decimal part ("70,76", "75.5"). A grouped form needs groups of exactly three digits.
DIGITS = (
    r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3}){2,}|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]\d)"
    r"|\d+(?:[.,]\d+)?)(?![\d])"
)
# ("ninety-five and a half percent": a half after the words)
_AND_A_HALF = rf"(?:\s+and\s+a\s+half\b(?:\s+{_SCALE})?)"
# A decimal spoken digit by digit, as a transcript writes it: "seventy seven point four per cent", "eleven point
# nine six million"; only before a share or a scale of millions ("at one point two thousand people gathered" is a time)
_DIGIT_WORDS = {word: value for word, value in UNITS.items() if value < 10}
_SPOKEN_DECIMAL = (rf"(?:\s+point(?:\s+{alternation(_DIGIT_WORDS)})+"
                   r"(?=\s*(?:%|per\s*cent|percent|pct)\b|\s*%|\s+(?:million|billion)\b))")
_WORD_NUMBER = (rf"(?:(?:{_WORD}(?:[\s-]+(?:and\s+)?(?:{_WORD}|{_SCALE}))*|an?\s+{_SCALE}(?:[\s-]+(?:and\s+)?(?:{_WORD}|{_SCALE}))*)"
                rf"(?:{_SPOKEN_DECIMAL}(?:\s+{_SCALE})?|{_AND_A_HALF})?)")
# A scale without its "a", in small letters after a word of estimate, as a non-native writer or a machine translation
# writes it ("more than hundred people", "about thousand"; not "Thousand of people", "thousand upon thousand")
_ESTIMATE_BEFORE = "|".join(f"(?<={word} )" for word in ("than", "about", "some", "over", "nearly", "almost", "around", "near"))
_BARE_SCALE = rf"(?:{_ESTIMATE_BEFORE})(?-i:{_SCALE})(?!\s+(?:of|upon)\b)"
NUMBER_PATTERN = (
    rf"(?:half\s+an?\s+{_GROUP}"
    rf"|(?:{DIGITS}|{_WORD_NUMBER}|an?)\s+{_GROUP}(?!s)"
    # ("1 thousand 200 people", "1 million 200 thousand": machine translation's rendering of "1 тыс. 200")
    rf"|{DIGITS}(?:\s+{_SCALE}(?:\s+\d{{1,3}}(?:\s+{_SCALE}\b)?(?![\d.,%]|\s*(?:%|per\s*cent)))?)?"
    rf"|{_WORD_NUMBER}|{_BARE_SCALE})"
)
NUMBER = re.compile(rf"\b{NUMBER_PATTERN}\b|{DIGITS}", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
# "71.09%" and, in French and much European style, "71.09 %".
PERCENT_SIGN = re.compile(r" ?%")
# More digits right after a number: what was matched is the head of a longer one ("50" of "50,000",
# "9" of "9.1%").
MORE_DIGITS = re.compile(r"[.,]\d")
_TOKEN = re.compile(r"[a-z]+|\d[\d.,]*", re.IGNORECASE)


def parse_digits(text: str, *, percent: bool = False) -> float | None:
    """Read a numeral written in digits, with thousands separators or a decimal comma.

    Parameters
    ----------
    text : str
        The digits as written ("4,000", "9 900", "70,76", "75.5").
    percent : bool
        The numeral is a percentage: a comma that would make it exceed 100 is a decimal comma.

    Returns
    -------
    float or None
        The value, or None when ``text`` holds no digits.

    Examples
    --------
    >>> parse_digits("4,000"), parse_digits("9 900"), parse_digits("70,76"), parse_digits("1.234.567")
    (4000.0, 9900.0, 70.76, 1234567.0)
    >>> parse_digits("70,760", percent=True)
    70.76
    """
    raw = _SPACES.sub("", text.strip())
    if not raw or not raw[0].isdigit():
        return None
    if "," in raw and "." in raw:
        # The later separator is the decimal one: "1,234.5" or "1.234,5".
        if raw.rfind(",") > raw.rfind("."):
            raw = raw.replace(".", "").replace(",", ".")
        else:
            raw = raw.replace(",", "")
    elif "," in raw:
        groups = raw.split(",")
        thousands = all(len(g) == 3 for g in groups[1:])
        if thousands and not (percent and float(raw.replace(",", "")) > 100):
            raw = raw.replace(",", "")
        else:
            raw = raw.replace(",", ".", 1).replace(",", "")
    elif raw.count(".") > 1:
        raw = raw.replace(".", "")
    try:
        return float(raw)
    except ValueError:
        return None


def parse_words(text: str) -> float | None:
    """Read a number written in words, optionally mixed with digits ("1.5 million").

    Examples
    --------
    >>> parse_words("twenty-five"), parse_words("two hundred and fifty"), parse_words("a dozen")
    (25.0, 250.0, 12.0)
    >>> parse_words("1.5 million"), parse_words("half a dozen"), parse_words("two dozen")
    (1500000.0, 6.0, 24.0)
    >>> parse_words("several") is None, parse_words("ninety-five and a half"), parse_words("two and a half thousand")
    (True, 95.5, 2500.0)
    >>> parse_words("seventy seven point four"), parse_words("eleven point nine six million"), parse_words("nine six")
    (77.4, 11960000.0, None)
    """
    total, current, seen = 0.0, 0.0, False
    tokens = _TOKEN.findall(text.lower())
    if "point" in tokens:  # a decimal spoken digit by digit, then perhaps a scale
        at = tokens.index("point")
        whole, digits = parse_words(" ".join(tokens[:at])), list(takewhile(_DIGIT_WORDS.__contains__, tokens[at + 1:]))
        scale = tokens[at + 1 + len(digits):]
        if whole is None or not digits or len(scale) > 1 or (scale and scale[0] not in SCALES):
            return None
        value = float(f"{int(whole)}.{''.join(str(_DIGIT_WORDS[t]) for t in digits)}")
        return value * SCALES[scale[0]] if scale else value
    if tokens[:1] == ["half"]:
        rest = parse_words(" ".join(tokens[1:]))
        return None if rest is None else rest / 2
    if (at := _half_at(tokens)) is not None:
        # half of the last word's unit ("a hundred and a half" is 150), then a scale after it ("two and a half thousand")
        whole, scale = parse_words(" ".join(tokens[:at])), parse_words(" ".join(tokens[at + 3:])) if tokens[at + 3:] else 1.0
        half = SCALES[tokens[at - 1]] / 2 if tokens[at - 1] in SCALES else 0.5
        return None if whole is None or scale is None else (whole + half) * scale
    last = None  # the kind of the last word: "unit" or "tens" (no scale after it yet), else None
    for token in tokens:
        if token[0].isdigit():
            value = parse_digits(token)
            if value is None:
                return None
            current, seen = current + value, True
        elif token in UNITS or token in TENS:
            # (a unit after a unit, or a tens after either, is two numbers, not one: "nine six", "nineteen ninety")
            if last in ("unit", "tens") and (token in TENS or last == "unit" or UNITS[token] >= 10):
                return None
            current, seen = current + UNITS.get(token, TENS.get(token, 0)), True
            last = "tens" if token in TENS else "unit"
            continue
        elif token in ("a", "an"):
            current, seen = current + 1, True
        elif token in GROUPS:
            current, seen = (current or 1) * GROUPS[token], True
        elif token in SCALES:
            scale = SCALES[token]
            current = (current or 1) * scale
            if scale >= 1000:
                total, current = total + current, 0.0
            seen = True
        elif token != "and":
            return None
        if token != "and":
            last = None
    return total + current if seen else None


def _half_at(tokens: list[str]) -> int | None:
    """The index of "and a half" after the first words of a number, if any."""
    for i in range(1, len(tokens) - 2):
        if tokens[i:i + 3] == ["and", "a", "half"]:
            return i
    return None


@lru_cache(maxsize=4096)
def parse_number(text: str, *, percent: bool = False) -> float | None:
    """Read any numeral: digits, words, or both.

    Parameters
    ----------
    text : str
        The numeral as written.
    percent : bool
        Passed to :func:`parse_digits` for a bare digit string.

    Examples
    --------
    >>> parse_number("9,900"), parse_number("three"), parse_number("12 million")
    (9900.0, 3.0, 12000000.0)
    """
    stripped = text.strip()
    if re.fullmatch(r"[\d.,\s\u00a0\u202f]+", stripped):
        return parse_digits(stripped, percent=percent)
    return parse_words(stripped)


def as_int(value: float | None) -> int | float | None:
    """Return ``value`` as an int when it is whole, else unchanged.

    Examples
    --------
    >>> as_int(30.0), as_int(75.5), as_int(None)
    (30, 75.5, None)
    """
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value
