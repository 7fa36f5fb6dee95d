"""Regular-expression building blocks that keep many patterns fast.

Python's ``re`` tries every alternative of an alternation at every position of a text, so a list
of 30 patterns or 800 names costs 30 or 800 attempts per character. The remedies used across the
package:

- :func:`any_of` joins a list of patterns into one *prefilter*: one call answers "none of them
  applies" for most lines, and the patterns themselves, in their order, still decide the rest;
- :func:`starting_words` writes an alternation of words that must start a word so that the
  engine skips to their first letters instead of testing ``\\b`` at every position;
- :func:`trie_alternation` compiles a set of literal strings into a trie-shaped pattern, so that
  each position costs one attempt per character of the longest name it could start;
- :func:`length_range` tells which line lengths a pattern can match in full, which a length
  comparison checks faster than the regex engine;
- :func:`first_char_guard` puts a one-character look-ahead before a branch of many alternatives,
  so that the engine skips the whole branch at a position none of them can start at
  (:func:`guarded` puts it before a whole pattern);
- :func:`caseless` compiles a case-insensitive pattern to run without ``re.IGNORECASE`` on the
  text :func:`fold_case` lower-cases (two to three times faster in Python's engine), with the same
  matches at the same offsets.
"""
from __future__ import annotations

import re
import sys
from typing import Iterable

try:  # the parser is private, but is the only exact source of a pattern's length range
    from re import _parser as _re_parser  # Python 3.11 and newer
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _re_parser


# Latin letters with and without diacritics, for a character class: a name's capital and its other letters
# ("Élise", "Nazarbaïev", "Şymkent"; Latin-1's × and ÷ left out; Latin Extended-A holds both cases).
LATIN_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
LATIN_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f"

# The only non-ASCII characters re.IGNORECASE matches to ASCII letters (found by trying every
# code point): dotted capital I, dotless i, long s and the Kelvin sign. Mapping them first also
# keeps the lower-cased text as long as the original ("\u0130".lower() is two characters).
_ASCII_CASE_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_CASE_FOLD_SPECIALS = re.compile("[\u0130\u0131\u017f\u212a]")
# What lower-casing a pattern's text would change the meaning of: escapes naming a character by
# code (\x41 is "A"), a case-sensitive group ("(?-i:"), the ASCII flag ("(?a)", whose case rules
# differ) and a conditional group; ranges are checked on the parsed pattern (_ranges_lowerable).
_NOT_LOWERABLE = re.compile(r"\\[xuUN0-7]|\(\?[a-zA-Z]*[-a]|\(\?\(")
_CAPITALS = (ord("A"), ord("Z"))


def fold_case(text: str) -> str:
    """Lower-case ``text`` for the patterns :func:`caseless` compiles, keeping every offset.

    A case-insensitive match of an ASCII pattern in ``text`` is a case-sensitive match of the
    lower-cased pattern in ``fold_case(text)``, at the same offsets; a substring test of a
    lower-cased ASCII word likewise.

    Examples
    --------
    >>> fold_case("\u0130STANBUL Police")
    'istanbul police'
    """
    if not text.isascii() and _CASE_FOLD_SPECIALS.search(text):  # translate() is slow: only when needed
        text = text.translate(_ASCII_CASE_FOLD)
    return text.lower()


def caseless(pattern: str, flags: int = 0) -> re.Pattern:
    r"""Compile the case-insensitive ``pattern`` to search :func:`fold_case` text.

    A pattern whose letters are ASCII is lower-cased outside its escapes and group names and
    compiled without ``re.IGNORECASE``; any other (or with ``re.ASCII``, whose case rules differ)
    is compiled with it, which matches the folded text alike, only slower. Matches have the
    offsets of the original text; read matched text from the original, not from the match.
    Folding makes a long s equal to "s" (and so on) everywhere, in backreferences too.

    Parameters
    ----------
    pattern : str
        A regular expression meant to be matched case-insensitively.
    flags : int, optional
        Other flags (``re.MULTILINE``, ...).

    Examples
    --------
    >>> caseless(r"\bNur\W+Otan\b").pattern
    '\\bnur\\W+otan\\b'
    >>> caseless(r"(?P<Who>Police)").search(fold_case("POLICE said")).span("Who")
    (0, 6)
    """
    lowered = None if flags & re.ASCII else _lower_pattern(pattern)
    if lowered is not None:
        try:
            return re.compile(lowered, flags & ~re.IGNORECASE)
        except re.error:
            pass
    return re.compile(pattern, flags | re.IGNORECASE)


def _lower_pattern(pattern: str) -> str | None:
    """Lower-case the letters of ``pattern`` that it matches, or None when that is not safe."""
    # A non-ASCII letter may have case partners IGNORECASE knows and lower() does not; a dash or
    # "©" has none.
    if _NOT_LOWERABLE.search(pattern) or any(not c.isascii() and c.lower() + c.upper() != c + c for c in pattern) \
            or not _ranges_lowerable(pattern):
        return None
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\":  # \W, \S, \B, \A, \Z keep their case
            out.append(pattern[i: i + 2])
            i += 2
        elif pattern.startswith(("(?P<", "(?P="), i):  # group names keep their case
            close = pattern.find(">" if pattern[i + 3] == "<" else ")", i)
            if close < 0:
                return None
            out.append(pattern[i: close + 1])
            i = close + 1
        else:
            out.append(pattern[i].lower())
            i += 1
    return "".join(out)


def _ranges_lowerable(pattern: str) -> bool:
    """Return whether every range of ``pattern``'s classes lies inside A-Z or outside it.

    "[A-Z]" lower-cased is "[a-z]"; "[0-Z]" would become "[0-z]", which also holds "[", "_", "`".
    """
    if "[" not in pattern or "-" not in pattern:
        return True  # no class with a range: parsing it would only slow start-up
    try:
        parsed = _re_parser.parse(pattern)
    except re.error:
        return False

    def lowerable(node: object) -> bool:
        if isinstance(node, _re_parser.SubPattern):
            return all(lowerable(item) for item in node.data)
        if isinstance(node, (list, tuple)):
            if len(node) == 2 and node[0] is _re_parser.RANGE:
                low, high = node[1]
                return high < _CAPITALS[0] or low > _CAPITALS[1] or _CAPITALS[0] <= low <= high <= _CAPITALS[1]
            return all(lowerable(item) for item in node)
        return True

    return lowerable(parsed)


def any_of(patterns: Iterable[str], flags: int = re.IGNORECASE, *, folded: bool = False) -> re.Pattern | None:
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
    folded : bool, optional
        Compile with :func:`caseless`, to search :func:`fold_case` text.

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
    combined = "|".join(f"(?:{p})" for p in scoped)
    try:
        return caseless(combined, flags) if folded else re.compile(combined, flags)
    except re.error:
        return None


def starting_words(words: list[str]) -> str:
    r"""Return an alternation of ``words``, each of which must start a word (as after ``\b``).

    Every alternative begins with its first letter, then looks behind it for a word character:
    the same matches as ``\b(?:...)``, but the regex engine can skip to the letters a word may
    start with instead of testing a boundary at every position.
    Within a first letter, longer words come first, as in a longest-first alternation.

    Examples
    --------
    >>> print(starting_words(["May", "March", "Mar"]))
    (?:M(?<!\wM)(?:arch|ay|ar))
    """
    by_first: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        by_first.setdefault(word[0], []).append(word[1:])
    return "(?:" + "|".join(
        f"{re.escape(first)}(?<!\\w{re.escape(first)})(?:{'|'.join(re.escape(rest) for rest in rests)})"
        for first, rests in by_first.items()
    ) + ")"


def trie_alternation(words: Iterable[str], *, whole_words: bool = False) -> str:
    r"""Return a regex alternation of literal ``words`` shaped as a trie, longest match first.

    Matches exactly what ``"|".join(sorted(map(re.escape, words), key=len, reverse=True))``
    matches, preferring the longest word that lets the rest of the pattern succeed; a space in
    a word matches any run of white space. Under ``re.IGNORECASE`` give the words in one case:
    two spellings of one word would be two branches. With ``whole_words`` a word that starts or
    ends with a letter or digit matches only at a word boundary there, as ``\b`` would require;
    the start is checked by a look-behind after the first letter (see :func:`starting_words`),
    so that the engine can still skip to the letters a word may start with.

    Examples
    --------
    >>> trie_alternation(["Nur Otan", "Nur-Sultan", "Nur"])
    '(?:Nur(?:\\s+Otan|\\-Sultan)?)'
    >>> re.fullmatch(trie_alternation(["ab", "abc"]) + "c", "abc") is not None
    True
    >>> trie_alternation([", but", "but"], whole_words=True)
    '(?:,\\s+but\\b|b(?<!\\wb)ut\\b)'
    """
    trie: dict = {}
    for word in sorted(words):  # sorted: the same pattern from a set in every process
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return f"(?:{_trie_pattern(trie, whole_words=whole_words, root=True)})"


def _trie_pattern(node: dict, *, whole_words: bool = False, root: bool = False, last: str = "") -> str:
    branches = []
    for char, child in node.items():
        if not char:
            continue
        head = r"\s+" if char == " " else re.escape(char)
        if whole_words and root and char.isalnum():
            head += rf"(?<!\w{re.escape(char)})"
        branches.append(head + _trie_pattern(child, whole_words=whole_words, last=char))
    end = r"\b" if whole_words and last.isalnum() else ""
    if not branches:
        return end
    alternatives = "|".join(branches)
    if "" in node:  # greedy: the longer words are tried first, then the word that ends here
        return f"(?:{alternatives}|{end})" if end else f"(?:{alternatives})?"
    return alternatives if len(branches) == 1 or root else f"(?:{alternatives})"


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


def first_char_guard(pattern: str) -> str:
    """Return a look-ahead for the characters a match of ``pattern`` can start with, or "".

    Put before a group of many alternatives (``guard + "(?P<name>" + pattern + ")"``), it lets the
    engine pass over the group with one test at a position where none of them can start, instead of
    trying each; the matches are the same, as the look-ahead admits every character a match can begin
    with. Look-arounds and ``\\b`` consume nothing and are looked past; ``\\d`` and ``\\s`` stand for
    themselves. "" (no guard) where the characters cannot be told (a back-reference, inline flags), are
    nearly any (``\\w``, a negated class), or the pattern can match the empty string.

    Examples
    --------
    >>> first_char_guard(r"(?<=said )there were|(?:came|come) out|rall(?:y|ied)")
    '(?=[crt])'
    >>> first_char_guard(r"\\d+ people|about \\d+"), first_char_guard(r"\\w+ed")
    ('(?=[\\\\da])', '')
    """
    chars = _first_chars(list(_re_parser.parse(pattern)))
    if chars is None or "" in chars or chars & _BROAD_CLASSES:
        return ""
    return "(?=[" + "".join(c if c in _CLASS_ESCAPES.values() else re.escape(c) for c in sorted(chars)) + "])"


def guarded(pattern: re.Pattern) -> re.Pattern:
    """Return ``pattern`` recompiled behind its :func:`first_char_guard`, the same matches at the same
    offsets; unchanged where it has no guard or opens with its own flags ("(?i)..."). For a pattern
    that opens with a word boundary or a look-behind, which the engine cannot skip ahead to; one that
    opens with a literal or a class is as fast without it.

    Examples
    --------
    >>> guarded(re.compile(r"\\b(?:that|the same) year")).pattern
    '(?=[t])(?:\\\\b(?:that|the same) year)'
    """
    guard = first_char_guard(pattern.pattern)
    if not guard or _GLOBAL_FLAGS.match(pattern.pattern):
        return pattern
    return re.compile(f"{guard}(?:{pattern.pattern})", pattern.flags)


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
_ZERO_WIDTH = {_re_parser.AT, _re_parser.ASSERT, _re_parser.ASSERT_NOT}
_REPEATS = {_re_parser.MAX_REPEAT, _re_parser.MIN_REPEAT} | ({_re_parser.POSSESSIVE_REPEAT} if hasattr(_re_parser, "POSSESSIVE_REPEAT") else set())
# A class escape stands for itself in the guard ("\\d" is every digit the pattern's flags say it is).
_CLASS_ESCAPES = {getattr(_re_parser, f"CATEGORY_{name}"): escape for name, escape in
                  (("DIGIT", r"\d"), ("NOT_DIGIT", r"\D"), ("SPACE", r"\s"), ("NOT_SPACE", r"\S"), ("WORD", r"\w"), ("NOT_WORD", r"\W"))}
_BROAD_CLASSES = {r"\w", r"\W", r"\S", r"\D"}  # a guard admitting nearly every character saves nothing
_LARGEST_RANGE = 256  # (the Cyrillic block is one) a wider range makes a guard of little use


def _first_chars(items: list) -> set[str] | None:
    """Return the characters the parsed ``items`` can start a match with ("" among them: the empty
    match), or None where they cannot be told."""
    chars: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _re_parser.LITERAL:
            return chars | {chr(av)}
        if op is _re_parser.IN:
            for kind, value in av:
                if kind is _re_parser.LITERAL:
                    chars.add(chr(value))
                elif kind is _re_parser.RANGE and value[1] - value[0] <= _LARGEST_RANGE:
                    chars.update(chr(c) for c in range(value[0], value[1] + 1))
                elif kind is _re_parser.CATEGORY and value in _CLASS_ESCAPES:
                    chars.add(_CLASS_ESCAPES[value])
                else:  # a negated class, a wide range
                    return None
            return chars
        if op is _re_parser.BRANCH:
            alternatives = [_first_chars(list(branch)) for branch in av[1]]
        elif op is _re_parser.SUBPATTERN:
            if av[1] & (re.IGNORECASE | re.ASCII | re.LOCALE):  # ("(?i:...)" widens what a literal matches; "(?-i:...)" narrows)
                return None
            alternatives = [_first_chars(list(av[3]))]
        elif op in _REPEATS:
            alternatives = [_first_chars(list(av[2]))] + ([{""}] if av[0] == 0 else [])
        elif op is getattr(_re_parser, "ATOMIC_GROUP", None):
            alternatives = [_first_chars(list(av))]
        else:  # any character, a back-reference, a conditional group
            return None
        if any(a is None for a in alternatives):
            return None
        chars |= set().union(*alternatives)
        if "" not in chars:
            return chars
        chars.discard("")  # the item can match nothing: what follows it can start the match too
    return chars | {""}
