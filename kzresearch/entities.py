"""Entities: every known name in a text, mapped to its canonical form, with its span.

Known variants come from ``data/reference/names.csv`` and are matched exactly (one compiled
pattern shaped as a trie, longest variant first). A capitalised name that matches no variant is compared with the
known variants of people, parties and places by rapidfuzz; above the threshold it is mapped too,
and marked ``fuzzy`` with its score, so that an unseen transliteration (Nazarbaiev, Toqayev) is
not lost and never silently mistaken for an exact match. So is a spelling of another language's
press or of a Kazakh Latin alphabet ("Nasarbajew", "Nazarbaïev", "Aqtöbe"), rewritten into English
spelling by the conventions of ``data/reference/transliterations.yaml`` before it is compared. A surname standing alone after a person
was named in full with it is that person, marked ``coreference``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

from kzresearch.patterns import LATIN_LOWER, LATIN_UPPER, fold_case, trie_alternation
from kzresearch.reference import Reference

DEFAULT_FUZZY_THRESHOLD = 90.0
_FUZZY_KINDS = ("person", "party", "place")
_MIN_FUZZY_LENGTH = 6
_WORD = re.compile(r"[^\s]+")
# A capitalised run, without a possessive "'s" ("Toqayev's office" names Toqayev); its letters may
# carry diacritics ("Nazarbaïev", "Aqtöbe", "Öskemen").
_CAPITALISED = re.compile(rf"(?<![\w-])[{LATIN_UPPER}](?:[{LATIN_LOWER}]|'(?!s\b))+"
                          rf"(?:[- ](?:[{LATIN_UPPER}](?:[{LATIN_LOWER}]|'(?!s\b))+|[A-Z]{{2,}}))*(?![\w-])")


# The fewest letters of a party's name looked for in capitals too.
_LETTERED_PARTY = 5
# The generic last word of a region's name, which news style writes in either case.
_PLACE_KINDS = frozenset({"Region", "Province", "Oblast", "District"})


class NameMatcher:
    """Find name mentions in text using the reference name variants.

    Parameters
    ----------
    ref : Reference
        The reference tables.
    fuzzy_threshold : float, optional
        Minimum rapidfuzz ratio (0-100) for an unseen spelling to be mapped; ``None`` turns
        fuzzy matching off.
    """

    def __init__(self, ref: Reference, *, fuzzy_threshold: float | None = DEFAULT_FUZZY_THRESHOLD):
        self.fuzzy_threshold = fuzzy_threshold
        self._canonical: dict[str, tuple[str, str]] = {}
        cased, uncased = set(), set()
        for row in ref.names.itertuples():
            for surface in {row.variant, row.canonical}:
                surface = " ".join(str(surface).split())
                # Keyed as re.IGNORECASE compares ("PARL\u0130AMENT" is "parliament"), which casefold() is not.
                self._canonical.setdefault(fold_case(surface), (row.canonical, row.kind))
                (uncased if surface.islower() else cased).add(surface)
                if row.kind == "place" or (row.kind == "party" and len(surface) >= _LETTERED_PARTY):
                    # datelines: "NUR-SULTAN, Jan 11 (Reuters) -"; a party's own lettering: "AMANAT"
                    # (not a short name that is another word in capitals: "OTAN" is NATO in French)
                    cased.add(surface.upper())
                    head, _, last = surface.rpartition(" ")
                    if head and last in _PLACE_KINDS:
                        cased.add(f"{head} {last.lower()}")  # "Almaty region" is written as often as "Almaty Region"
        self._cased = _alternation(cased, flags=0)
        self._uncased = _alternation(uncased, flags=re.IGNORECASE)
        self._fuzzy_choices = sorted(
            {" ".join(str(r.variant).split()) for r in ref.names.itertuples() if r.kind in _FUZZY_KINDS and len(str(r.variant)) >= _MIN_FUZZY_LENGTH}
        )
        self._fuzzy_cache: dict[str, tuple[str, float] | None] = {}
        # (a fake reference in tests may hold no conventions)
        transliterations = getattr(ref, "transliterations", None) or {}
        conventions = transliterations.get("conventions") or {}
        self._conventions = [[(re.compile(pattern), replacement) for pattern, replacement in rules] for rules in conventions.values()]
        self._not_names = frozenset(str(word).casefold() for word in transliterations.get("not_names") or [])

    def find(self, text: str) -> list[dict]:
        """Return mention rows (start, end, surface, canonical, kind, match, score) in text order.

        Examples
        --------
        >>> from kzresearch.reference import load_reference
        >>> matcher = NameMatcher(load_reference())
        >>> [(m["surface"], m["canonical"], m["match"]) for m in matcher.find("Toqaev met Nazarbayyev in Nur-Sultan.")]
        [('Toqaev', 'Kassym-Jomart Tokayev', 'exact'), ('Nazarbayyev', 'Nursultan Nazarbayev', 'fuzzy'), ('Nur-Sultan', 'Nur-Sultan', 'exact')]
        """
        rows: list[dict] = []
        # Characters already inside an exact mention: a mask answers "does this span overlap one?"
        # in one call, where comparing with every earlier span grew with the square of mentions.
        taken = bytearray(len(text))
        for pattern in (self._cased, self._uncased):
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                if taken.find(1, m.start(), m.end()) != -1:
                    continue
                known = self._canonical.get(fold_case(" ".join(m.group(0).split())))
                if known is None:  # a letter IGNORECASE equates and lower() does not (Greek sigmas)
                    continue
                canonical, kind = known
                rows.append(_row(m.start(), m.end(), m.group(0), canonical, kind, "exact", 100.0))
                taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
        if self.fuzzy_threshold is not None:
            for m in _CAPITALISED.finditer(text):
                if taken.find(1, m.start(), m.end()) != -1:
                    continue
                rows.extend(self._fuzzy_rows(m.group(0), m.start()))
        return _same_person_again(sorted(rows, key=lambda r: r["start"]), self.fuzzy_threshold or 100.0)

    def _fuzzy_rows(self, phrase: str, offset: int) -> list[dict]:
        # Try the whole capitalised run ("Qasym-Zhomart Toqayev"), else each of its words
        # ("Yesterday Nazarbayyev" is a sentence-initial word and a name).
        pieces = [(phrase, 0)] + ([(w.group(0), w.start()) for w in _WORD.finditer(phrase)] if " " in phrase else [])
        for piece, start in pieces:
            if len(piece) < _MIN_FUZZY_LENGTH:
                continue
            hit = self._fuzzy(piece)
            if hit:
                canonical, kind = self._canonical[fold_case(hit[0])]
                return [_row(offset + start, offset + start + len(piece), piece, canonical, kind, "fuzzy", round(hit[1], 1))]
        return []

    def _fuzzy(self, surface: str) -> tuple[str, float] | None:
        if surface.casefold() in self._not_names:
            return None  # (an English word that spells no name: "Republican")
        if surface not in self._fuzzy_cache:
            hit, spelt = self._closest(surface), surface
            for respelt in self._respellings(surface) if hit is None else []:
                # another language's or alphabet's spelling ("Nasarbajew", "Nazarbaïev", "Aqtöbe"): its
                # English spelling known, or close to a known one; scored as the spelling written
                if (found := self._canonical_variant(respelt) or self._closest(respelt)) is not None:
                    hit, spelt = (found[0], fuzz.ratio(surface.lower(), found[0].lower())), respelt
                    break
            # A feminine surname (Nazarbayeva, German "Tokajewa") is another person than its masculine form.
            if hit and spelt.lower() in (hit[0].lower() + "a", hit[0].lower() + "ova"):
                hit = None
            self._fuzzy_cache[surface] = (hit[0], hit[1]) if hit else None
        return self._fuzzy_cache[surface]

    def _closest(self, surface: str) -> tuple[str, float] | None:
        """The known variant of a person, party or place closest to ``surface``, above the threshold."""
        hit = process.extractOne(surface, self._fuzzy_choices, scorer=fuzz.ratio, score_cutoff=self.fuzzy_threshold)
        return (hit[0], hit[1]) if hit else None

    def _canonical_variant(self, respelt: str) -> tuple[str, float] | None:
        """A respelling that is a known variant of a person, party or place, as written in ``names.csv``."""
        known = self._canonical.get(fold_case(respelt))
        return (respelt, 100.0) if known is not None and known[1] in _FUZZY_KINDS else None

    def _respellings(self, surface: str) -> list[str]:
        """``surface`` rewritten by each transliteration convention (``transliterations.yaml``), title-cased,
        where the rewriting changes it."""
        respellings = []
        for rules in self._conventions:
            word = surface.lower()
            for pattern, replacement in rules:
                word = pattern.sub(replacement, word)
            if word != surface.lower() and word not in respellings:
                respellings.append(word)
        return ["-".join(part.capitalize() for part in w.split("-")) for w in respellings]


def _same_person_again(rows: list[dict], threshold: float) -> list[dict]:
    """Map a surname standing alone to the person the text named in full before with that surname.

    News style names a person in full once and then by surname: after "Interior Minister
    Kalmukhanbet Kassymov", "Kassymov said" is the minister, not candidate Gani Kasymov, whom the
    surname alone would otherwise resolve to.
    """
    named: list[tuple[str, str]] = []  # (surname as written, canonical) of people named in full
    for row in rows:
        if row["kind"] != "person":
            continue
        words = row["surface"].split()
        if len(words) > 1:
            named.append((words[-1].lower(), row["canonical"]))
            continue
        surname = words[0].lower()
        earlier = [c for last, c in named if _same_surname(last, surname, threshold)]
        if earlier and earlier[-1] != row["canonical"]:
            row.update(canonical=earlier[-1], match="coreference")
    return rows


def _same_surname(a: str, b: str, threshold: float) -> bool:
    """Whether two lower-cased surnames are one spelt two ways; a feminine form (Nazarbayeva,
    Nazarbaeva: a final "a" the other lacks) is another person's."""
    if a == b:
        return True
    return a.endswith("a") == b.endswith("a") and fuzz.ratio(a, b) >= threshold


def _row(start: int, end: int, surface: str, canonical: str, kind: str, match: str, score: float) -> dict:
    return {"start": start, "end": end, "surface": surface, "canonical": canonical, "kind": kind, "match": match, "score": score}


def _alternation(surfaces: set[str], *, flags: int) -> re.Pattern | None:
    if not surfaces:
        return None
    return re.compile(rf"(?<![\w-]){trie_alternation(surfaces)}(?![\w-])", flags)


@lru_cache(maxsize=4)
def matcher_for(ref: Reference) -> NameMatcher:
    """Return the shared :class:`NameMatcher` of a Reference (built once per process)."""
    return NameMatcher(ref)
