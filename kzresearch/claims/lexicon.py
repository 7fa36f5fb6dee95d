"""The claim lexicon: curated word lists read from ``data/reference/claim_lexicon.yaml``.

The extractor's knowledge of English news style (qualifiers, vague words, people nouns, trigger
verbs, place descriptions, speech verbs) lives in that file so a researcher can read, cite and
extend it. This module loads it once and turns word lists into compiled alternations.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from pathlib import Path
from typing import Any, Iterable, TypeVar


from kzresearch import paths
from kzresearch.patterns import trie_alternation
from kzresearch.reference import read_yaml

LEXICON_FILE = "claim_lexicon.yaml"


@lru_cache(maxsize=1)
def default_lexicon() -> dict[str, Any]:
    """Return the lexicon bundled in the reference folder (read once per process).

    Returns
    -------
    dict
        The parsed ``claim_lexicon.yaml``.
    """
    return load_lexicon(paths.reference_dir() / LEXICON_FILE)


def load_lexicon(path: str | Path) -> dict[str, Any]:
    """Read a claim lexicon from ``path``.

    Parameters
    ----------
    path : str or Path
        A YAML file in the format of ``data/reference/claim_lexicon.yaml``.

    Returns
    -------
    dict
        The parsed lexicon.
    """
    return read_yaml(path)


def lexicon_of(ref: Any) -> dict[str, Any]:
    """Return the lexicon carried by a Reference, or the bundled one when it has none."""
    lexicon = getattr(ref, "lexicon", None)
    return lexicon if lexicon else default_lexicon()


def alternation(words: Iterable[str], *, literal: bool = True, whole_words: bool = False) -> str:
    """Return a regex alternation of ``words``, longest first, so the longest phrase wins.

    Literal words are shaped as a trie (:func:`kzresearch.patterns.trie_alternation`): the same
    matches as a longest-first alternation at a fraction of the attempts per position. Spaces in
    a phrase match any run of whitespace. With ``whole_words`` a literal phrase that starts or
    ends with a letter or digit matches only at a word boundary there ("but" not in "attribute");
    for lists mixing words and punctuation (", but", ";") that callers cannot wrap in one ``\\b``.

    Examples
    --------
    >>> alternation(["about", "more than"])
    '(?:about|more\\\\s+than)'
    >>> alternation([", but", "while"], whole_words=True)
    '(?:,\\\\s+but\\\\b|w(?<!\\\\ww)hile\\\\b)'
    """
    if literal:
        return trie_alternation({" ".join(word.split()) for word in words}, whole_words=whole_words)
    return "(?:" + "|".join(sorted(set(words), key=lambda w: (-len(w), w))) + ")"


def places_of(lexicon: dict, *lists: str) -> str:
    """Return an alternation of the place names in the lexicon's ``results`` lists named (``home_places``,
    ``foreign_places``, ``foreign_demonyms``, ``foreign_cities``), as written; one that matches
    nothing when they are empty.

    Examples
    --------
    >>> places_of({"results": {"home_places": ["Almaty", "Astana"]}}, "home_places")
    '(?:A(?:lmaty|stana))'
    """
    words = [w for name in lists for w in lexicon["results"].get(name) or []]
    return alternation(words) if words else "(?!)"


def speech_verbs(attribution: dict) -> str:
    """Return the alternation of the lexicon's verbs of saying: the literal ``speech_verbs`` and the
    regex ``estimate_verbs`` ("put the number of detainees at", "estimated the crowd at").

    Parameters
    ----------
    attribution : dict
        The lexicon's ``attribution`` section.

    Returns
    -------
    str
        A regex alternation, the estimate phrases first (they are longer than their verb).

    Examples
    --------
    >>> speech_verbs({"speech_verbs": ["said"], "estimate_verbs": ["put it at"]})
    '(?:(?:put it at)|(?:said))'
    """
    # The estimate phrases first: "estimated the crowd at" before the bare "estimated".
    estimates = alternation(attribution.get("estimate_verbs") or [r"(?!)"], literal=False)
    return f"(?:{estimates}|{alternation(attribution['speech_verbs'])})"


def phrase_map(mapping: dict[str, Iterable[str]]) -> dict[str, str]:
    """Invert ``{label: [phrase, ...]}`` into ``{normalised phrase: label}``.

    Examples
    --------
    >>> phrase_map({"approx": ["about"], "more_than": ["more than"]})
    {'about': 'approx', 'more than': 'more_than'}
    """
    return {normalise(p): label for label, phrases in mapping.items() for p in phrases}


def normalise(phrase: str) -> str:
    """Lower-case a phrase and collapse its whitespace.

    Examples
    --------
    >>> normalise("  Several\\n Dozen ")
    'several dozen'
    """
    return " ".join(phrase.lower().split())


_Built = TypeVar("_Built")


def once_per_object(build: Callable[[Any], _Built]) -> Callable[[Any], _Built]:
    """Cache ``build(obj)`` per object: lexicons are dicts (unhashable) and loaded once per process.

    The object is kept beside its result, so a recycled ``id`` never returns another object's result.
    """
    cache: dict[int, tuple[Any, _Built]] = {}

    @wraps(build)
    def cached(obj: Any) -> _Built:
        hit = cache.get(id(obj))
        if hit is None or hit[0] is not obj:
            hit = cache[id(obj)] = (obj, build(obj))
        return hit[1]

    return cached
