"""Election results: vote shares, turnout, seats, thresholds, registered voters, parties contesting.

Each figure is read with a small frame grammar (word lists in ``claim_lexicon.yaml``):

- a percentage followed by "of the vote", or after a share verb ("received 16.2 per cent"),
  is a vote share; its subject is the nearest party or candidate before it in the clause, or the
  antecedent of "it"/"he" in the preceding sentences;
- a percentage near "turnout", or "of the voters cast their ballots", is a turnout; a place in
  the sentence gives its scope ("in Almaty");
- "the 7 percent threshold", "84 of the 107 seats", "12 million registered voters", "five parties
  contested the election" are thresholds, seats, registered voters and parties contesting.

A figure belongs to the article's election unless its sentence points to an earlier one ("in his
last election", "the outgoing Mazhilis", "in 2015"): then to the last election of the relevant
kind before it (presidential for a candidate's share, parliamentary for a party's seats).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kzresearch.claims.context import DocContext, TextContext, text_context
from kzresearch.claims.lexicon import alternation, lexicon_of, normalise, phrase_map
from kzresearch.claims.numbers import DIGITS, NUMBER_PATTERN, parse_number

_PERCENT = r"(?:%|\s*percent\b|\s*per\s+cent\b|\s*pct\b)"
_WORD_NUM = rf"(?:{DIGITS}|{NUMBER_PATTERN})"
# "in 2015", "the 2015 election": a year tied to the figure, not "the ruling party since 1999".
_YEAR_CUE = re.compile(r"\b(?:in|during|at)\s+(?:the\s+)?(?P<y>(?:19|20)\d\d)\b(?!-)"
                       r"|\b(?P<y2>(?:19|20)\d\d)(?:'s)?\s+(?:presidential\s+|parliamentary\s+|legislative\s+)?(?:election|vote|poll|ballot)", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?P<p>it|he|she)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_CAPITALISED_END = re.compile(r"(?P<name>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)+)\s*,?\s*(?:\w+\s+){0,2}$")
_CACHE: dict[int, tuple[dict, "_Frames"]] = {}


@dataclass
class _Frames:
    percent: re.Pattern
    seats: re.Pattern
    parties: re.Pattern
    registered: re.Pattern
    share_verb_before: re.Pattern
    vote_after: re.Pattern
    turnout_word: re.Pattern
    turnout_frame: re.Pattern
    threshold: re.Pattern
    contested: re.Pattern
    contesting: re.Pattern
    previous: re.Pattern
    prefilter: re.Pattern
    qualifiers: dict[str, str]


def frames(lexicon: dict) -> _Frames:
    """Compile the result frames of ``lexicon`` (once per lexicon object)."""
    cached = _CACHE.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    r = lexicon["results"]
    qualifiers = phrase_map(lexicon["qualifiers"])
    qual = rf"(?:(?P<qual>{alternation(qualifiers)})\s+)?"
    f = _Frames(
        percent=re.compile(rf"\b{qual}(?P<num>{DIGITS}|{NUMBER_PATTERN}){_PERCENT}", re.IGNORECASE),
        seats=re.compile(
            rf"\b{qual}(?P<num>{_WORD_NUM})\s+(?:(?:out\s+)?of\s+(?:the\s+)?(?:(?:parliament's|chamber's|\w+'s)\s+)?(?P<of>{_WORD_NUM})\s+)?"
            rf"(?:\w+\s+){{0,2}}?{alternation(r['seats_words'])}\b",
            re.IGNORECASE,
        ),
        parties=re.compile(rf"\b(?<!other\s)(?P<num>{_WORD_NUM})\s+{alternation(r['parties_words'])}\b", re.IGNORECASE),
        registered=re.compile(rf"\b{qual}(?P<num>{_WORD_NUM})\s+{alternation(r['registered_voters_words'])}\b", re.IGNORECASE),
        share_verb_before=re.compile(rf"\b(?P<verb>{alternation(r['share_verbs'])})\s+(?:(?:about|around|only|just|some|nearly|almost|roughly)\s+)?$", re.IGNORECASE),
        vote_after=re.compile(rf"^\s*{alternation(r['vote_nouns'])}\b", re.IGNORECASE),
        turnout_word=re.compile(rf"\b{alternation(r['turnout_words'])}\b", re.IGNORECASE),
        turnout_frame=re.compile(rf"^\s*{alternation(r['turnout_frames'], literal=False)}", re.IGNORECASE),
        threshold=re.compile(rf"\b{alternation(r['threshold_words'])}\b", re.IGNORECASE),
        contested=re.compile(rf"\b{alternation(r['seats_contested_frames'], literal=False)}", re.IGNORECASE),
        contesting=re.compile(rf"\s*(?:\w+\s+){{0,4}}?{alternation(r['parties_contesting_frames'], literal=False)}\b", re.IGNORECASE),
        previous=re.compile(rf"\b{alternation(r['previous_election'], literal=False)}", re.IGNORECASE),
        prefilter=re.compile(r"%|\bper\s*cent|\bpct\b|\bseats\b|\bmandates\b|\bparties\b|\bvoters\b|\belectors\b|\bturnout\b|\bthreshold\b", re.IGNORECASE),
        qualifiers=qualifiers,
    )
    _CACHE[id(lexicon)] = (lexicon, f)
    return f


def extract_results(text: str, ctx: DocContext, ref: Any) -> list[dict]:
    """Return the election figures of one document's clean text.

    Parameters
    ----------
    text : str
        Clean text; spans refer to it (``phrase == text[start:end]``).
    ctx : DocContext
        Document id, election, publication date and mentions.
    ref : Reference
        Reference tables (names, elections, lexicon).

    Returns
    -------
    list of dict
        One row per figure with the columns of the results table.
    """
    tc = text_context(text, ctx, ref)
    f = frames(lexicon_of(ref))
    rows: list[dict] = []
    for index in tc.claim_sentences:
        s_start, s_end = tc.sentences[index]
        if not f.prefilter.search(text, s_start, s_end) or not re.search(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|million)\b", text[s_start:s_end], re.IGNORECASE):
            continue
        found = _percentages(tc, f, index) + _counts(tc, f, index)
        taken: list[tuple[int, int]] = []
        for row in sorted(found, key=lambda r: r["start"]):
            if any(a < row["end"] and row["start"] < b for a, b in taken):
                continue
            taken.append((row["start"], row["end"]))
            row["election_id"] = _election_for(tc, f, index, row)
            rows.append(row)
    return rows


def _row(tc: TextContext, start: int, end: int, subject: str | None, measure: str, value: float | None,
         of: float | None, qualifier: str, scope: str | None) -> dict:
    return {
        "doc_id": tc.ctx.doc_id, "start": start, "end": end, "phrase": tc.text[start:end],
        "subject": subject, "measure": measure, "value": None if value is None else float(value),
        "of": None if of is None else float(of), "qualifier": qualifier, "scope": scope, "election_id": None,
    }


def _percentages(tc: TextContext, f: _Frames, index: int) -> list[dict]:
    text = tc.text
    s_start, s_end = tc.sentences[index]
    rows = []
    previous_end = s_start
    for m in f.percent.finditer(text, s_start, s_end):
        value = parse_number(m.group("num"), percent=True)
        if value is None or value > 100:
            continue
        qualifier = f.qualifiers.get(normalise(m.group("qual")), "exact") if m.group("qual") else "exact"
        before = text[max(previous_end, m.start() - 60): m.start()]
        after = text[m.end(): min(s_end, m.end() + 80)]
        start, end = m.start(), m.end()
        vote = f.vote_after.match(after)
        verb = f.share_verb_before.search(before)
        turnout_before = list(f.turnout_word.finditer(text, max(previous_end, m.start() - 50), m.start()))
        turnout_after = f.turnout_word.match(after.lstrip()) or f.turnout_frame.match(after)
        if f.threshold.search(after[:25]) or f.threshold.search(before[-25:]):
            thr = f.threshold.search(text, m.end(), m.end() + 25)
            rows.append(_row(tc, start, thr.end() if thr else end, "threshold", "threshold", value, None, qualifier, None))
        elif vote or (verb and not turnout_before):
            if verb:
                start = m.start() - len(before) + verb.start()
            if vote:
                end = m.end() + vote.end()
            subject = _subject(tc, index, start, previous_end)
            if subject is not None:
                rows.append(_row(tc, start, end, subject, "vote_share", value, None, qualifier, _scope(tc, index, end, national=True)))
        elif turnout_before or turnout_after:
            if turnout_before:
                start = turnout_before[-1].start()
            else:
                end = m.end() + turnout_after.end()
            rows.append(_row(tc, start, end, "turnout", "turnout", value, None, qualifier, _scope(tc, index, m.start(), national=False)))
        previous_end = m.end()
    return rows


def _counts(tc: TextContext, f: _Frames, index: int) -> list[dict]:
    text = tc.text
    s_start, s_end = tc.sentences[index]
    rows = []
    lowered = text[s_start:s_end].lower()
    seats = f.seats.finditer(text, s_start, s_end) if "seat" in lowered or "mandate" in lowered else ()
    for m in seats:
        value = parse_number(m.group("num"))
        if value is None or text[m.end("num"): m.end("num") + 1] == "%":
            continue
        of = parse_number(m.group("of")) if m.group("of") else None
        qualifier = f.qualifiers.get(normalise(m.group("qual")), "exact") if m.group("qual") else "exact"
        clause = text[s_start: m.start()]
        subject = _subject(tc, index, m.start(), s_start, kinds=("party",))
        if f.contested.search(clause[-40:]) or f.contested.search(text, m.end(), min(s_end, m.end() + 30)) or (subject is None and of):
            rows.append(_row(tc, m.start(), m.end(), "seats contested", "seats_contested", value, of, qualifier, None))
        elif subject is not None:
            rows.append(_row(tc, m.start(), m.end(), subject, "seats", value, of, qualifier, None))
    for m in f.parties.finditer(text, s_start, s_end) if "part" in lowered else ():
        value = parse_number(m.group("num"))
        frame = f.contesting.match(text, m.end(), s_end)
        if value is not None and frame:
            rows.append(_row(tc, m.start(), m.end() + frame.end() - frame.start(), "parties", "parties_contesting", value, None, "exact", None))
    for m in f.registered.finditer(text, s_start, s_end) if "voters" in lowered or "electors" in lowered else ():
        value = parse_number(m.group("num"))
        if value is not None:
            qualifier = f.qualifiers.get(normalise(m.group("qual")), "exact") if m.group("qual") else "exact"
            rows.append(_row(tc, m.start(), m.end(), "registered voters", "registered_voters", value, None, qualifier, None))
    return rows


def _subject(tc: TextContext, index: int, pos: int, lo: int, kinds: tuple[str, ...] = ("party", "person")) -> str | None:
    """Return the party or candidate a figure at ``pos`` belongs to.

    The nearest party/person named before it in its clause (a possessive "Nazarbaev's Nur Otan"
    names the party, not the person); a pronoun right before the verb points back to the last
    party ("it") or person ("he", "she") named in the preceding sentences.
    """
    text = tc.text
    window = text[lo:pos]
    pronoun = _PRONOUN.search(window)
    if pronoun is None:
        named = [m for m in tc.mentions(index) if lo <= m.start and m.end <= pos and m.kind in kinds
                 and not text.startswith("'", m.end)]
        if named:
            return named[-1].canonical
        cap = _CAPITALISED_END.search(window)
        if cap and "person" in kinds:
            return cap.group("name")
        return None
    wanted = "party" if pronoun.group("p").lower() == "it" else "person"
    if wanted not in kinds:
        return None
    for i in range(index, max(-1, index - 4), -1):
        hits = [m for m in tc.mentions(i) if m.kind == wanted and (i < index or m.end <= lo + pronoun.start())]
        if hits:
            return hits[-1].canonical
    return None


def _scope(tc: TextContext, index: int, pos: int, *, national: bool) -> str | None:
    """Return the region or city a figure applies to: the place nearest it in its sentence.

    For a vote share only a place right after the figure ("60 percent in Almaty") counts, since
    places before it usually describe the subject ("a former UN official in Geneva").
    """
    country = tc.patterns.country
    places = [(p, name) for p, name in tc.places_at(index, None) if name != country]
    if national:
        places = [(p, name) for p, name in places if 0 <= p - pos <= 12 and tc.text[pos:p].strip().lower() in ("in", "in the")]
    if not places:
        return None
    return min(places, key=lambda x: abs(x[0] - pos))[1]


_ELECTIONS: dict[int, tuple[Any, dict[str, tuple[Any, str]]]] = {}


def _elections(ref: Any) -> dict[str, tuple[Any, str]]:
    """Return ``{election_id: (date, kind)}`` of ``ref``, sorted by date (built once per Reference)."""
    cached = _ELECTIONS.get(id(ref))
    if cached is None or cached[0] is not ref:
        table = getattr(ref, "elections", None)
        rows = [] if table is None else sorted(zip(table["date"], table["election_id"], table["kind"]))
        cached = (ref, {eid: (date, kind) for date, eid, kind in rows})
        _ELECTIONS[id(ref)] = cached
    return cached[1]


def _election_for(tc: TextContext, f: _Frames, index: int, row: dict) -> str | None:
    """Return the election a figure belongs to: the article's, or an earlier one the sentence names."""
    current = tc.ctx.election_id
    elections = _elections(tc.ref)
    if current not in elections:
        return current
    s_start, s_end = tc.sentences[index]
    sentence = tc.text[s_start:s_end]
    kind = _kind_for(tc, row, current)
    this_date = elections[current][0]
    earlier = [(d, eid) for eid, (d, k) in elections.items() if k == kind and d < this_date]
    years = {int(m.group("y") or m.group("y2")) for m in _YEAR_CUE.finditer(sentence)} - {this_date.year}
    for year in sorted(years, reverse=True):
        in_year = [eid for d, eid in earlier if d.year == year]
        if in_year:
            return in_year[-1]
    if earlier and f.previous.search(sentence):
        return earlier[-1][1]
    return current


def _kind_for(tc: TextContext, row: dict, current: str) -> str:
    """Return the kind of election a figure's measure and subject imply."""
    if row["measure"] in ("seats", "seats_contested", "parties_contesting", "threshold"):
        return "parliamentary"
    if row["measure"] == "vote_share" and row["subject"]:
        resolved = tc.ref.canonical_name(row["subject"]) if hasattr(tc.ref, "canonical_name") else None
        if resolved:
            return "presidential" if resolved[1] == "person" else "parliamentary"
    return current.split("-", 3)[-1]

