"""Which election is an article about? Evidence from the text, weighed against the reference.

Every election in ``elections.csv`` is scored by evidence the clean text gives:

- kind words ("lower house of parliament", "presidential", "referendum");
- explicit dates and years that match the election's date;
- names that existed only in a period (Nur-Sultan, 2019-2022);
- candidates and parties that stood in few elections (Kosanov stood only in 2019), weighted by
  rarity as in inverse document frequency;
- events the press uses as time markers (Zhanaozen, Nazarbayev's resignation), favouring the
  elections soon after them;
- a publication date already known from the collection record.

The best-scoring election is chosen, with the evidence that decided it; an article without any
election word, or whose best score is too weak, gets none.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from kzresearch.dates import DateExpression, resolve_month_day
from kzresearch.patterns import caseless, fold_case
from kzresearch.reference import Reference, official_values
from kzresearch.textnorm import sentence_spans

MIN_SCORE = 2.0
# A vote named with its year: "the 2019 presidential election", "the election of March 2023".
_NAMED_VOTE = re.compile(r"\b(?P<y>(?:19|20)\d\d)(?:'s)?\s+(?:[a-z-]+\s+){0,2}?(?:elections?|votes?|polls?|ballots?|referendums?)\b"
                         r"|\b(?:elections?|votes?|polls?|ballots?|referendums?)\s+(?:of|in)\s+(?:[A-Za-z]+\s+){0,2}?(?P<y2>(?:19|20)\d\d)\b",
                         re.IGNORECASE)
# Kinds of events.csv whose reports may recall a vote without being about one, and how many days
# after such an episode's end a report of it is still news of the episode.
_EPISODE_KINDS = ("unrest", "protest")
_EPISODE_NEWS_DAYS = 14
# Days after a vote within which the press still reports on it (final results, protests, courts).
_AFTER_VOTE_DAYS = 120
# How many votes' days a history of votes states (a timeline, a chronology), none of them its subject's.
_HISTORY_VOTES = 5
_WEIGHTS = {"kind": 2.0, "full_date": 6.0, "month_day": 3.0, "year": 2.0, "name_period": 2.5, "subject": 3.0, "event": 2.5, "published": 8.0,
            "official": 1.5}
# Official figures count up to this many (a results table names every party's share).
_OFFICIAL_CAP = 4
# A share or turnout stated to two decimals: "80.99 per cent", "70.96%", "75,41 %"; not a results table's cell
# of an earlier vote, which is that year's evidence ("Nur Otan: 82.20%, 80.99% in 2012": the year ends the cell).
_PRECISE_SHARE = re.compile(r"(?<![\d.,])(?P<n>\d{1,2}[.,]\d\d)\s*(?:%|per\s?cent|percent|pc\b)(?! in (?:19|20)\d\d(?:,|$))",
                            re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class ElectionGuess:
    """The election an article is about, the margin over the runner-up, and why; and, for an
    article about something else that recalls a vote, that vote (``recalled``): the election its
    figures without a time of their own belong to."""

    election_id: str | None
    score: float
    evidence: str
    recalled: str | None = None


class _Cues:
    def __init__(self, ref: Reference):
        cues = ref.election_cues
        # Every cue searches folded text (kzresearch.patterns.caseless, fold_case).
        self.election_words = caseless(cues["election_words"])
        self.kinds = {kind: caseless(p) for kind, p in cues["kinds"].items()}
        event_dates = dict(zip(ref.events["event_id"], ref.events["date"]))
        self.events = [(eid, event_dates[eid], caseless(p)) for eid, p in cues["event_cues"].items() if eid in event_dates]
        self.event_cue = {eid: pattern for eid, _, pattern in self.events}
        self.episode_headline_words = caseless(cues.get("episode_headline_words") or "(?!)")
        # Unrest and protests that were no vote's (not within a week of one): Zhanaozen, the land protests.
        votes = [_date(d) for d in ref.elections["date"]]
        self.episodes = [(e.event_id, _date(e.date), _date(e.end_date) or _date(e.date)) for e in ref.events.itertuples(index=False)
                         if e.kind in _EPISODE_KINDS and not any(0 <= (_date(e.date) - v).days <= 7 or 0 <= (v - _date(e.date)).days <= 7 for v in votes)]
        periods = [(c["name"], _date(c["valid_from"]), _date(c["valid_to"])) for c in cues["name_periods"]]
        self.name_periods = {name: (start, end) for name, start, end in periods}
        results = ref.official_results
        people = results[results["measure"].isin(["vote_share", "seats"])]  # who stood, not turnout or thresholds
        counts = people.groupby("subject")["election_id"].nunique()
        self.subject_elections = people.groupby("subject")["election_id"].agg(set).to_dict()
        self.subject_weight = {s: 1.0 / n for s, n in counts.items()}
        self.elections = list(ref.elections[["election_id", "date", "kind"]].itertuples(index=False))
        self.day_of = {e.election_id: e.date for e in self.elections}
        # An election's official shares and turnout to two decimals ("80.99", not "4.50"): a text
        # that states them reports that vote (a rounded "about 88 percent", or "4.5 percent" of
        # growth, says less, and is not read).
        self.official_figures: dict[str, set[str]] = {}
        for (eid, _, measure), value in official_values(ref).items():
            if measure in ("vote_share", "turnout") and round(value, 1) != value:
                self.official_figures.setdefault(eid, set()).add(f"{value:.2f}")


def _date(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


@lru_cache(maxsize=4)
def _cues_for(ref: Reference) -> _Cues:
    return _Cues(ref)


def _named_vote_years(text: str) -> set[int]:
    """Return the years of the votes a text (a headline) names with their year ("the 2019 presidential election")."""
    return {int(m.group("y") or m.group("y2")) for m in _NAMED_VOTE.finditer(text)}


def election_words(ref: Reference) -> re.Pattern:
    """Return the compiled ``election_words`` of ``election_cues.yaml``: without one, a sentence is not about a vote.

    Compiled with :func:`kzresearch.patterns.caseless`: search :func:`kzresearch.patterns.fold_case` text.
    """
    return _cues_for(ref).election_words


def infer_election(
    text: str,
    ref: Reference,
    *,
    dates: list[DateExpression],
    mentions: list[dict],
    published: dt.date | None = None,
    title: str | None = None,
    sentences: list[tuple[int, int]] | None = None,
) -> ElectionGuess:
    """Score every reference election against the article and return the best.

    Parameters
    ----------
    text : str
        Clean text of the article.
    ref : Reference
        Reference tables.
    dates : list of DateExpression
        Date expressions of the clean text.
    mentions : list of dict
        Mention rows of the clean text (``canonical`` is used).
    published : datetime.date, optional
        Publication date known from the collection record.
    title : str, optional
        The headline (not part of the clean text).
    sentences : list of (start, end), optional
        Sentence spans of ``text`` (:func:`kzresearch.textnorm.sentence_spans`), if already known.

    Returns
    -------
    ElectionGuess
        ``election_id`` None when the article is not about an election or evidence is too weak.
        News of unrest that was no vote's (``events.csv`` kinds ``unrest`` and ``protest``, not
        within a week of a vote) that names it (its ``event_cues``, or unrest words in its headline,
        ``episode_headline_words``, beside a vote long past), published during it or in the two weeks
        after, under a known headline that names no vote (or only one long past), is about the unrest: the vote it recalls
        ("two months after the parliamentary election") or awaits is ``recalled``, not ``election_id``.
    """
    cues = _cues_for(ref)
    folded = fold_case(text)
    guess = _best_election(text, folded, cues, dates=dates, mentions=mentions, published=published, title=title, sentences=sentences)
    if guess.election_id is None or published is None or title is None:
        return guess
    # (a headline naming a vote is about it, unless the vote is long past: "where the unrest hit and how
    # those regions had voted", a week into the unrest of a year after the vote)
    long_past = (published - cues.day_of[guess.election_id]).days > _AFTER_VOTE_DAYS
    if cues.election_words.search(fold_case(title)) and not long_past:
        return guess
    for event_id, start, end in cues.episodes:
        # (an episode's cue in the text, or, beside a vote long past, unrest words in the headline)
        if start <= published <= end + dt.timedelta(days=_EPISODE_NEWS_DAYS) and (
                ((cue := cues.event_cue.get(event_id)) is not None and cue.search(folded))
                or (long_past and cues.episode_headline_words.search(fold_case(title)))):
            return ElectionGuess(None, guess.score, f"published {published}, during {event_id}, under a headline of no vote of its time; "
                                 f"recalls {guess.election_id}: {guess.evidence}", recalled=guess.election_id)
    return guess


def _best_election(text: str, folded: str, cues: _Cues, *, dates: list[DateExpression], mentions: list[dict],
                   published: dt.date | None, title: str | None, sentences: list[tuple[int, int]] | None) -> ElectionGuess:
    """Score every election of ``cues`` against the article, ``text`` and its :func:`fold_case` (see :func:`infer_election`)."""
    if not cues.election_words.search(folded):
        return ElectionGuess(None, 0.0, "no election word in the text")
    # An article about an election speaks of it in its headline or in more than one sentence; a
    # report on something else may mention a vote once ("two months after a parliamentary election").
    spans = sentences if sentences is not None else sentence_spans(text)
    hits = (start for start, end in spans if cues.election_words.search(folded, start, end))
    about = next(hits, None) is not None and next(hits, None) is not None  # two are enough
    if not about and not cues.election_words.search(fold_case(title or "")) and len(spans) > 3:
        return ElectionGuess(None, 0.0, "an election is mentioned in one sentence only, not in the headline")
    kind_hits = {kind: len(p.findall(folded)) for kind, p in cues.kinds.items()}
    total = sum(kind_hits.values()) or 1
    years = Counter(d.year for d in dates if d.kind in ("year", "month_year") and d.year)
    full_dates = {d.date for d in dates if d.date}
    month_days = {(d.month, d.day) for d in dates if d.kind == "month_day"}
    canonical = {m["canonical"] for m in mentions}
    periods = [cues.name_periods[n] for n in canonical if n in cues.name_periods]
    events = [(eid, day) for eid, day, p in cues.events if p.search(folded)]
    stated = {f"{float(m.group('n').replace(',', '.')):.2f}" for m in _PRECISE_SHARE.finditer(text)}

    scored = []
    for election in cues.elections:
        parts: list[tuple[float, str]] = []
        share = kind_hits.get(election.kind, 0) / total
        if election.date in full_dates:
            parts.append((_WEIGHTS["full_date"], f"date {election.date} stated"))
        # A month and day without a year ("Jan. 10") mean the occurrence nearest publication
        # (without a publication date, any year's).
        if (election.date.month, election.date.day) in month_days and (
                published is None or resolve_month_day(election.date.month, election.date.day, published) == election.date):
            parts.append((_WEIGHTS["month_day"], f"{election.date:%B} {election.date.day} stated"))
        if years.get(election.date.year):
            # an article that names many years (history, past results) says less with each
            parts.append((_WEIGHTS["year"] / len(years) ** 0.5, f"year {election.date.year} stated"))
        for start, end in periods:
            if start <= election.date <= (end or dt.date.max):
                parts.append((_WEIGHTS["name_period"], f"a name in use {start}..{end or 'now'}"))
        for subject in canonical:
            if election.election_id in cues.subject_elections.get(subject, ()):
                parts.append((_WEIGHTS["subject"] * cues.subject_weight[subject], f"{subject} stood"))
        for event_id, day in events:
            gap = (election.date - day).days
            if 0 <= gap <= 7:  # the event is this vote itself (a referendum's subject)
                parts.append((2 * _WEIGHTS["event"], f"names {event_id}"))
            elif 0 <= gap <= 730 and not (published and (published - election.date).days > _AFTER_VOTE_DAYS):
                # an event dates the article only when the article may have been written before the
                # vote: a report of 2016 that recalls Zhanaozen is not about the vote of January 2012
                parts.append((_WEIGHTS["event"] * math.exp(-gap / 365), f"after {event_id}"))
        # (two at least: one figure is often a past vote's, recalled in passing)
        if (matched := len(stated & cues.official_figures.get(election.election_id, set()))) >= 2:
            parts.append((_WEIGHTS["official"] * min(matched, _OFFICIAL_CAP), f"{matched} of its official figures stated"))
        if published:
            gap = (published - election.date).days
            if -60 <= gap <= _AFTER_VOTE_DAYS:
                parts.append((_WEIGHTS["published"] * math.exp(-abs(gap) / 30), f"published {published}"))
        # Dated evidence counts in proportion to how well the kind of election fits the words:
        # a 2019 name in a parliamentary article should not make it about the 2019 presidential vote.
        fit = 0.3 + share
        parts = [(weight * fit, why) for weight, why in parts]
        if share:
            parts.append((_WEIGHTS["kind"] * share, f"{election.kind} words ({kind_hits[election.kind]} of {total})"))
        scored.append((sum(p[0] for p in parts), election.election_id, parts))
    scored.sort(key=lambda s: s[0], reverse=True)
    best_score, best_id, parts = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    if best_score < MIN_SCORE or best_score - runner_up < 0.5:
        return ElectionGuess(None, round(best_score, 2), f"evidence too weak or tied (best {best_id} {best_score:.1f}, next {runner_up:.1f})")
    best_date = cues.day_of[best_id]
    # (a month and day without a year name their occurrence nearest publication, as in the scores above: "Today is
    # Monday, Jan. 10" in a column of 2022 names no vote of January 10, 1999, nor "March 20" in a story of November
    # 2016 the vote of March 2016, which it may only recall; measured on the annotated sets, this reads two stories
    # right that the vote's month and day alone had kept, and one wrong)
    if published and (published - best_date).days > _AFTER_VOTE_DAYS and not (
            best_date in full_dates or best_date.year in _named_vote_years(title or "")
            or ((best_date.month, best_date.day) in month_days and resolve_month_day(best_date.month, best_date.day, published) == best_date)):
        # (a vote named with its year in the text is often recalled: "since the 2019 presidential
        # election"; in the headline it is the subject: "A year after the 2019 election")
        return ElectionGuess(None, round(best_score, 2), f"published {published}, long after {best_id}, which neither the text dates nor the headline names")
    if published and (published - best_date).days > _AFTER_VOTE_DAYS \
            and (dated := sum(e.date in full_dates for e in cues.elections)) >= _HISTORY_VOTES:
        # ("- December 1, 1991 (Presidential): ... - January 10, 1999 (Presidential): ...": a timeline of votes)
        return ElectionGuess(None, round(best_score, 2), f"published {published}, long after {best_id}, in a text that dates {dated} votes: a history of votes")
    evidence = "; ".join(f"{why} (+{w:.1f})" for w, why in sorted(parts, reverse=True))
    return ElectionGuess(best_id, round(best_score - runner_up, 2), evidence)
