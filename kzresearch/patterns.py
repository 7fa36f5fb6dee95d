"""Regular-expression building blocks that keep many patterns fast.

Python's ``re`` tries every alternative of an alternation at every position of a text, so a list
of 30 patterns or 800 names costs 30 or 800 attempts per character. The remedies used across the
package:

- :func:`any_of` joins a list of patterns into one *prefilter*: one call answers "none of them
  applies" for most lines, and the patterns themselves, in their order, still decide the rest;
- :func:`trie_alternation` compiles a set of literal strings into a trie-shaped pattern, so that
  each position costs one attempt per character of the longest name it could start;
- :func:`length_range` tells which line lengths a pattern can match in full, which a length
  comparison checks faster than the regex engine.
"""
from __future__ import annotations

import re
import sys
from typing import Iterable

try:  # the parser is private, but is the only exact source of a pattern's length range
    from re import _parser as _re_parser  # Python 3.11 and newer
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _re_parser


def any_of(patterns: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern | None:
    """Compile one pattern that matches wherever any of ``patterns`` does.

    ``search`` and ``fullmatch`` of the result succeed exactly when the same call succeeds for
    one of the patterns (the regex engine backtracks into every alternative), so it can stand in
    front of them as a prefilter. Leading inline flags ("(?m)^...") become scoped groups so they
    keep their meaning inside the alternation.

    Parameters
    ----------
    patterns : iterable of str
        Regular expressions.
    flags : int, optional
        Flags every pattern is compiled with (default case-insensitive).

    Returns
    -------
    re.Pattern or None
        None if there are no patterns or they cannot be combined (e.g. they reuse a group name):
        callers then try every pattern, as without a prefilter.

    Examples
    --------
    >>> any_of(["cat", "(?m)^dog$"]).fullmatch("Dog") is not None
    True
    """
    scoped = [re.sub(r"^\(\?([aiLmsux]+)\)(.*)$", r"(?\1:\2)", p, flags=re.DOTALL) for p in patterns]
    if not scoped:
        return None
    try:
        return re.compile("|".join(f"(?:{p})" for p in scoped), flags)
    except re.error:
        return None


def trie_alternation(words: Iterable[str]) -> str:
    """Return a regex alternation of literal ``words`` shaped as a trie, longest match first.

    Matches exactly what ``"|".join(sorted(map(re.escape, words), key=len, reverse=True))``
    matches, preferring the longest word that lets the rest of the pattern succeed; a space in
    a word matches any run of white space. Under ``re.IGNORECASE`` give the words in one case:
    two spellings of one word would be two branches.

    Examples
    --------
    >>> trie_alternation(["Nur Otan", "Nur-Sultan", "Nur"])
    '(?:Nur(?:\\\\s+Otan|\\\\-Sultan)?)'
    >>> re.fullmatch(trie_alternation(["ab", "abc"]) + "c", "abc") is not None
    True
    """
    trie: dict = {}
    for word in sorted(words):  # sorted: the same pattern from a set in every process
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return f"(?:{_trie_pattern(trie)})"


def _trie_pattern(node: dict) -> str:
    branches = [(r"\s+" if char == " " else re.escape(char)) + _trie_pattern(child) for char, child in node.items() if char]
    if not branches:
        return ""
    alternatives = "|".join(branches)
    if "" in node:  # greedy: the longer words are tried first, then the word that ends here
        return f"(?:{alternatives})?"
    return alternatives if len(branches) == 1 else f"(?:{alternatives})"


def length_range(pattern: str, flags: int = 0) -> tuple[int, int]:
    """Return the shortest and longest text ``pattern`` can match (``sys.maxsize`` if unbounded).

    A line outside the range cannot ``fullmatch`` the pattern, which a length comparison
    answers faster than the regex engine.

    Examples
    --------
    >>> length_range(r"(read|see) more.{0,10}")
    (8, 19)
    """
    low, high = _re_parser.parse(pattern, flags).getwidth()
    return low, min(high, sys.maxsize)
