"""Quoting sentences: whom an article lets speak or credits, with the cue and the sentence.

A sentence counts when it holds a verb of saying or an attribution phrase of the claim lexicon
(``attribution.speech_verbs``, ``attribution.prepositions``). The speaker is the named person,
body, agency or party nearest to that cue in the sentence, else a generic speaker of the lexicon
("officials", "activists"), else ``(unnamed)``. The build stores the rows as the ``quotes`` table.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from kzresearch.patterns import trie_alternation
from kzresearch.textnorm import sentence_spans

SPEAKER_KINDS = ("person", "body", "agency", "party")


def find_quotes(text: str, mentions: list[dict], lexicon: dict, *, sentences: list[tuple[int, int]] | None = None) -> list[dict]:
    """Return one row per quoting sentence of ``text``.

    Parameters
    ----------
    text : str
        Clean text.
    mentions : list of dict
        The text's name mentions (``start``, ``end``, ``canonical``, ``kind``), in text order.
    lexicon : dict
        The claim lexicon (``reference.lexicon``).
    sentences : list of (start, end), optional
        The text's sentence spans, when the caller has them.

    Returns
    -------
    list of dict
        ``start``, ``end`` (the sentence in the clean text), ``speaker``, ``speaker_kind``, ``cue``
        and ``sentence``.

    Examples
    --------
    >>> lexicon = {"attribution": {"speech_verbs": ["said"], "prepositions": ["according to"],
    ...                            "generic_speakers": ["officials"]}}
    >>> [(q["speaker"], q["cue"]) for q in find_quotes("Rain fell. Officials said 30 were held.", [], lexicon)]
    [('officials', 'said')]
    """
    cue, generic = _patterns(lexicon)
    names = [(int(m["start"]), int(m["end"]), m["canonical"], m["kind"]) for m in mentions if m["kind"] in SPEAKER_KINDS]
    names.sort(key=lambda n: n[0])  # stable: of two names at one offset, the first listed wins
    name_starts = [n[0] for n in names]
    rows = []
    for start, end in sentences if sentences is not None else sentence_spans(text):
        sentence = text[start:end]
        hit = cue.search(sentence)
        if not hit:
            continue
        at = start + hit.start()
        inside = [n for n in names[bisect.bisect_left(name_starts, start):bisect.bisect_left(name_starts, end)] if n[1] <= end]
        if inside:
            nearest = min(inside, key=lambda n: (abs(n[0] - at), n[0]))
            speaker, kind = nearest[2], nearest[3]
        else:
            found = generic.search(sentence)
            speaker, kind = (found.group(0).lower(), "generic") if found else ("(unnamed)", "unknown")
        rows.append({"start": start, "end": end, "speaker": speaker, "speaker_kind": kind, "cue": hit.group(0).lower(),
                     "sentence": sentence})
    return rows


def _patterns(lexicon: dict) -> tuple[re.Pattern, re.Pattern]:
    attribution = lexicon["attribution"]
    return (_word_alternation(tuple(attribution["speech_verbs"]) + tuple(attribution["prepositions"])),
            _word_alternation(tuple(attribution["generic_speakers"])))


@lru_cache(maxsize=16)
def _word_alternation(phrases: tuple[str, ...]) -> re.Pattern:
    # Lower-cased: under re.IGNORECASE two spellings of one phrase would be two branches of the trie.
    return re.compile(r"\b" + trie_alternation({p.lower() for p in phrases}) + r"\b", re.IGNORECASE)
