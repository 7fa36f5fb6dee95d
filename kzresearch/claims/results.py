"""Election results: vote shares, turnout, seats, thresholds, registered voters, parties contesting.

Each figure is read with a small frame grammar (word lists in ``claim_lexicon.yaml``):

- a percentage is a **vote share** when "of the vote" follows, a share verb precedes it ("received
  16.2 per cent"), or a party or candidate introduces it ("Ak Zhol with 10.9%", "Respublica (8.6
  percent)", "X came second with 3.4%", "Akhmetbekov 1.4 percent"); its subject is the nearest
  party or candidate before it in its stretch of the sentence (from the previous figure on), or
  the name after it in "the 91 percent X won", or the antecedent of "it"/"he"; a referendum's
  "in favour" share has the subject ``Yes``;
- a percentage near "turnout", or "of the voters cast their ballots", is a turnout; a place
  right before it or right after it gives its scope ("in Almaty turnout was 26 percent"); a
  figure with no cue of its own continues the figure before it ("turnout was 54.21 percent, up
  from the preliminary 54.19 percent");
- "the 7 percent threshold", "84 of the 107 seats", "7 seats each", "12 million registered
  voters", "five parties contested the election" are thresholds, seats, registered voters and
  parties contesting.

A figure belongs to the article's election unless the stretch of the sentence it stands in names
a year ("in 2015") or points back ("the outgoing Mazhilis", "his last election"), or its subject
is of another kind (a candidate's share quoted in an article about a parliamentary election):
then to the election of the right kind in that year, or the last one before the article's.
"""
from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kzresearch.claims.context import (CLAUSE_BREAK, CLAUSE_MARK, VOTE_NOUNS, DocContext, Mention, TextContext, elections_of, text_context,
                                       without_restated_headings)
from kzresearch.claims.lexicon import alternation, lexicon_of, normalise, once_per_object, phrase_map, places_of
from kzresearch.claims.numbers import DIGITS, MORE_DIGITS, NUMBER_PATTERN, PERCENT_SIGN, parse_number
from kzresearch.dates import MONTHS, WEEKDAYS, last_month_named, months_before
from kzresearch.patterns import caseless, fold_case, guarded, starting_words
from kzresearch.reference import official_values
from kzresearch.results_tables import SHARE, UNIT_MEASURES

# "71%", "71 percent", "71 per cent", "71 pct", and South Asian and British papers' "71pc".
# (hyphenated before a noun: "the 7-percent threshold")
_PERCENT = r"(?: ?%|(?:\s*|-)percent\b|(?:\s*|-)per(?:\s+|-)cent\b|\s*pct\b|\s?pc\b)"
_WORD_NUM = rf"(?:{DIGITS}|{NUMBER_PATTERN})"
# "in 2015", "the 2015 election", "recorded in 2021": a year tied to the figure, not "the ruling
# party since 1999" (a year after "since" starts a period, it dates no figure).
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
# (not a term's end: "extended his mandate until the end of 2000")
_YEAR_CUE = guarded(re.compile(r"(?<!since )(?<!end )\b(?:in|during|at|of)\s+(?:the\s+)?(?P<y>(?:19|20)\d\d)\b(?!-)"
                       r"|\b(?P<y2>(?:19|20)\d\d)(?:'s)?\s+(?:presidential\s+|parliamentary\s+|legislative\s+|snap\s+|early\s+)?"
                       r"(?:election|vote|poll|ballot|referendum|result|results|share|showing|tally|score|turnout)"
                       # "in June 2019", "of March 19, 2023": the month picks the election of that year.
                       # (after "since", a month and year may open a clause on that vote: _SINCE tells)
                       rf"|\b(?P<m>{'|'.join(_MONTH_NAMES)})\s+(?:\d{{1,2}},?\s+)?(?P<y3>(?:19|20)\d\d)\b"
                       # "the first referendum since 1995, when the constitution was approved with": the clause's year
                       r"|\bsince\s+(?P<y4>(?:19|20)\d\d)(?=\s*,\s*(?:when|in\s+which)\b)", re.IGNORECASE))
# A month of the year last written: "that June", "the same August", "in August the same year".
_CAPITAL_MONTHS = "|".join(name.capitalize() for name in _MONTH_NAMES)  # (not "that march towards democracy")
_SAME_YEAR_MONTH = guarded(re.compile(rf"\b(?:[Tt]hat|[Tt]he\s+same)\s+(?P<m>{_CAPITAL_MONTHS})\b"
                              rf"|\b(?P<m2>{_CAPITAL_MONTHS})\s+(?:of\s+)?(?:that|the\s+same)\s+year\b"))
# A year written alone after "the", "in" or "of" ("The 1995 constitution"; not a count: "Some 2000 observers").
_BARE_YEAR = re.compile(r"(?:(?<=\b[Tt]he\s)|(?<=\b[Ii]n\s)|(?<=\b[Oo]f\s))(?:19|20)\d\d(?![\d%-])")
# A month named alone opening a clause ("; in August"), not one with its day or year, nor "that year"'s.
_MONTH_ALONE = guarded(re.compile(rf"(?:(?<=;\s)|(?<=,\s))[Ii]n\s+(?P<m>{_CAPITAL_MONTHS})\b(?!\s*\d)(?!\s+(?:of\s+)?(?:that|the\s+same)\s+year)"))
# The year last written itself: "Turnout that year was just over 63 percent".
_THAT_YEAR_CUE = guarded(re.compile(r"\b(?:[Tt]hat|[Tt]he\s+same)\s+year\b"))
# Years or months counted from the time last written: "Three years later", "Four months earlier".
# ("a year after the vote" is a preposition's, "Four months later the constitution was adopted" an adverb's)
_COUNTED_FROM = guarded(re.compile(rf"\b(?P<n>{NUMBER_PATTERN}|an?)\s+(?P<unit>year|month)s?\s+(?P<dir>later|earlier|(?:before|after)(?!\s+(?:the|his|her|its)\b))\b",
                           re.IGNORECASE))
# Time named from the day of publication: "two months ago", "last month's vote", "last year",
# "this year", "two years ago", "in April", "the referendum of 5 June" (the last April or June up to
# publication).
_RELATIVE_CUE = guarded(re.compile(
    rf"\b(?P<n>{NUMBER_PATTERN}|an?)\s+months?\s+ago\b|\blast\s+(?P<unit>month|year)\b|\b(?P<this>this)\s+year\b"
    rf"|\b(?P<years>{NUMBER_PATTERN}|an?)\s+years?\s+ago\b"
    rf"|\b(?:in|last|of|on)\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?P<m>{'|'.join(_MONTH_NAMES)})\b(?!\s+\d)", re.IGNORECASE))
# A colon or semicolon that opens a sentence's results after its lead ("No party cleared the 7 per cent
# threshold: X polled 4.62 per cent").
_RESULTS_OPEN = re.compile(r"[:;]")
_HOLDS_REACH = 30  # how far before a seat count the verb of holding them stands
# Words of a vote that tie another country's name to it.
_VOTE_WORDS = rf"(?i:{VOTE_NOUNS}|midterms?|parliament|parliamentary|presidential|president|ruling\s+party|voters|turnout|commission)"
# A time named from publication dates a figure only beside a vote: "the election held two months ago".
_VOTE_NOUN = re.compile(rf"\b{VOTE_NOUNS}\b", re.IGNORECASE)
# (so is being elected: "re-elected in November with 81.31 percent on a turnout of 69.44 percent")
_VOTED_IN = guarded(re.compile(rf"\b(?:{VOTE_NOUNS}|(?:re-?)?elected)\b", re.IGNORECASE))
# Only a connective between a figure and the share verb after it: ", and took", " and then won".
_CONNECTIVE_ONLY = re.compile(r"\s*,?\s*(?:and\s+)?(?:then\s+|later\s+|also\s+)?", re.IGNORECASE)
_REVISED_UP = re.compile(r"\b(?:revised|raised|rose|risen|climbed|moved|went|pushed|pushing|brought|adjusted|corrected)\b(?:\s+[\w'-]+){0,4}\s+$",
                         re.IGNORECASE)
_AND_ONLY = re.compile(r"[^;]*?\band\b[^;]*")  # a coordinated predicate after the seats before ("... and, with its wins, will control")
_ON_TURNOUT = re.compile(r"\s*,?\s*(?:on|with)(?:\s+an?)?(?:\s+(?:official|reported|overall))?\s+", re.IGNORECASE)
_VOTE_NOUN_REACH = 40
# "It" opening a sentence after one that gave a turnout, and a verb of its spread: that turnout.
# ("In Almaty, the largest city, it was 25.82 percent": after a place that opens the sentence, a figure of its own)
# A vote drawing its figure: a turnout ("the 1999 vote drew 62.5%"; not "the opposition vote", "the yes vote", a
# side's share, nor a line on the ballot's: "The 'against all' line on the ballot drew 5.8 percent").
_VOTE_DREW = re.compile(r"\b(?:the|that|this|each|every)\s+(?:(?:19|20)\d\d\s+)?(?:(?:presidential|parliamentary|Mazhilis|snap|early)\s+)?"
                        r"(?P<noun>vote|election|elections|poll|polls)\s+(?:drew|attracted)\s+(?:(?:about|some|nearly|almost|just|only)\s+)?$", re.IGNORECASE)
_VOTE_NOUN_AT = re.compile(r"\w+")
# The most words of an interviewer's question that names the measure its answer gives, and of the answer.
_QUESTION_WORDS = 12
_ANSWER_WORDS = 14
_OF_PEOPLE_WHO = re.compile(r"\s+of\s+(?:the\s+)?[\w'’-]+\s+(?:who|that)\b", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_IT_TURNOUT = re.compile(r"\s*(?:(?:(?:At|By)\s+[^,;]{1,30}?[\s,]\s*)?[Ii]t\s+(?:ranged|was\s+(?:highest|lowest))\b"
                         r"|In\s+[A-Z][^,;]{0,40},\s*(?:[^,;]{1,60},\s*)?it\s+was\s+(?=(?:just\s+|only\s+|about\s+|some\s+)?\d)"
                         # ("The highest, 66.46 percent, was recorded in the Kyzylorda region")
                         r"|The\s+(?:highest|lowest)\b[^,;]{0,30},\s*(?=(?:just\s+|only\s+|about\s+|some\s+)?\d))")
# "33.3% in Almaty": a place straight after a figure, no clause between.
# ("42.91 percent in the capital Astana": a place after what it is)
_PLACE_WORD = r"(?:(?:capital|city|region|province|town|oblast|district),?\s+)?"
# (a word may describe the place: "in the surrounding Almaty region", "in oil-rich Atyrau")
_PLACE_ADJECTIVE = r"(?:(?:surrounding|neighbouring|neighboring|northern|southern|eastern|western|central|oil-rich|rural|remote)\s+)?"
_COMPARED_WITH = re.compile(r"\b(?:below|above|under|over|lower\s+than|higher\s+than|short\s+of|compared\s+(?:with|to)|down\s+from|up\s+from)"
                            r"\s+(?:the|its|a)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_COMPARED_REACH = 120
_IN_RIGHT_AFTER = re.compile(rf"\s+in\s+(?:the\s+)?{_PLACE_ADJECTIVE}{_PLACE_WORD}[A-Z]")
# A share of several together: "polled less than one percent between them", "3 percent combined".
_DIFFERENCE_AFTER = re.compile(r"\s+(?:more|less|fewer|higher|lower)\b(?!\s+(?:of\s+)?(?:the\s+)?votes?\b)", re.IGNORECASE)
_JOINT = re.compile(r"\s*(?:of\s+the\s+vote\s+)?(?:between\s+them|combined)\b", re.IGNORECASE)
# "it took", "he won", "the party took": who the figure's subject points back to.
# ("he was re-elected with", "he was elected unopposed with": up to four words after a pronoun; two
# after "the party", which may name its leader: "The party of President X won")
# (not "it" after a verb of winning, its object: "won it with 97.75 per cent", "secured it with")
_NOT_AFTER_WINNING = "".join(f"(?<!{verb} )" for verb in ("won", "took", "swept", "carried", "clinched", "secured", "retained",
                                                          "captured", "gained", "kept", "held"))
_PRONOUN = re.compile(rf"\b(?:(?P<p>{_NOT_AFTER_WINNING}it|he|she)\s+"
                      # ("he was the only candidate and won": a predicate coordinated with one naming what the subject was)
                      r"(?:(?:was|is|had\s+been)\s+(?:an?|the)\s+(?:[\w'-]+\s+){0,3}?and\s+)?"
                      r"(?:(?:was|were|is|has|had|have|been|being|then|later|also|again|first|last|previously|narrowly|"
                      r"re-?elected|elected|unopposed|credited|declared|returned|officially|reportedly|easily|comfortably|stood|ran|and)\s+){0,3}"
                      # "he was re-elected in 2011 with", "in April 2011 with"
                      r"(?:in\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\s+)?(?:[\w-]+\s+)?|(?P<own>his|her|its)\s+(?:vote\s+)?share\s+(?:of\s+the\s+vote\s+)?(?:\w+\s+){0,2}"
                      r"|(?P<the>(?-i:[Tt]he\s+(?:party|bloc|alliance)))\s+(?:\w+\s+){0,2}"
                      # "the 74-year-old won 97.7 percent": a person named before by age
                      # (the verb right after it: "the 22-year-old party won" is the party's)
                      r"|(?P<age>(?-i:[Tt]he\s+\d{2,3}-year-old))\s+(?:(?:won|took|received|got|secured|polled|gained|garnered|claimed)\s+(?:\w+\s+)?)?)$",
                      re.IGNORECASE)
# A subject pronoun, as _referent looks for an earlier one of the same in a sentence.
_SAME_PRONOUN = {word: re.compile(rf"\b{word}\b", re.IGNORECASE) for word in ("he", "she")}
_OBJECT_PRONOUN = re.compile(r"\b(?:him|her|it)\b", re.IGNORECASE)
_NAME_AFTER_OFFICE = re.compile(r"\s+[A-Z][a-z'-]+")
_CAPITALISED_END = re.compile(r"(?P<name>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)+)\s*,?\s*(?:\w+\s+){0,2}$")
# A name of a security, a market or a company, no candidate's ("Halyk Bank GDRs", "KASE Index"): a plural
# of capitals, or a word of the markets.
_MARKET_NAME = re.compile(r"\b[A-Z]{2,}s\b|\b(?i:banks?|index|indices|funds?|exchange|shares|stocks?|bonds?|eurobonds?|securities|holdings?"
                          r"|corp|inc|ltd|plc|llp|jsc|gdrs?|etfs?|company|tenge|dollar)\b")
_TIME_DETERMINERS = frozenset({"That", "This", "Last", "Next", "Early", "Late", "Every", "Each"})
_THE_BEFORE = re.compile(r"\bthe\s+(?:\w+\s+){0,1}$", re.IGNORECASE)
# A pronoun subject right after a figure ("the 91.15 per cent he received"), before a verb of a
# result ("the 80 percent he had forecast", "the 60 percent it had hoped for" are none).
_PRONOUN_AFTER = re.compile(r"\s+(?:that\s+|which\s+)?(?P<p>he|she|it)\b", re.IGNORECASE)
_PRONOUN_RESULT_VERB = re.compile(r"\s+(?:had\s+|has\s+)?(?:won|received|got|took|secured|obtained|gained|polled|scored|claimed"
                                  r"|was\s+credited\s+with|was\s+(?:re-?)?elected\s+with)\b", re.IGNORECASE)
_IN_BEFORE = re.compile(rf"\b(?:in|across|throughout)\s+(?:the\s+)?{_PLACE_ADJECTIVE}{_PLACE_WORD}$", re.IGNORECASE)
_SHARE_LINK = re.compile(r"\b(?:with|on|winning|taking|securing|getting|polling)\b", re.IGNORECASE)
_DENIAL = re.compile(r"\b(?:not|never)\b", re.IGNORECASE)
_RELATIVE_AFTER = re.compile(r",\s+who\b")
_RELATIVE_OPENING = re.compile(r",\s+(?:who|which)\b")
# An aside between a name and its figure, set off by commas, of a few words and no figure: ", one of two women on the ballot, ".
# (or in brackets: "the People's Party of Kazakhstan (the former Communists, rebranded) 9.1%")
_ASIDE_ONLY = re.compile(r",\s+[a-z][^,;\d]{0,60},\s+|\s*\((?:the|a|an|formerly|former|then)\b[^()\d]{0,60}\)\s*")
_AND_WHICH = re.compile(r"\b(?:and|but)\s+(?:which|who)\b")
_APPOSED_RELATIVE = re.compile(r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,4}?(?:that|which|who|whom)\s+")
# An adverb before a predicate without a subject of its own (frames' ``bare_predicate``: ", thus takes all 98").
_PREDICATE_ADVERBS = r"(?:thus|then|also|now|therefore|eventually|finally|duly|again|easily|comfortably)"
# A figure coordinated with the one before ("... and 91% in 2005"), past a turnout given as an
# adjunct of the share ("on turnout of almost 90%").
# (or the end of a range of shares: "ranging from 79.78% in 1999 to 97.75% in 2015")
# ("and 91% in 2005", "and with 95.55% in 2011", "and in 2005 with 91.15 percent", "and, in an early vote in
# April 2011, 95.5%", "; in 2011, with 95.5 percent": the share before goes on)
_COORDINATED = re.compile(r"(?:(?:,\s*|\s)(?P<word>and|to)(?:\s+in\s+(?:19|20)\d\d,?|,\s+(?:in|at)\s+[^,;]{1,60},)?(?:\s+(?:with|on))?|;\s*(?:in\s+(?:19|20)\d\d,?\s+)?(?:with|on))\s+$", re.IGNORECASE)
_CHANGED_TO = re.compile(r",\s*(?:rising|climbing|growing|falling|dropping|slipping)\s+to\s+$", re.IGNORECASE)
_RANGE_FROM = re.compile(r"\bfrom\s+(?:\w+\s+)?\S?$", re.IGNORECASE)
# ... and nothing after it but a time or a place before the clause ends ("and 91% in 2005.", "and
# 95.5 percent in a snap election in April 2011.", "and 97.75 per cent four years later", "and 97.75 percent in 2015 —
# before resigning").
_BARE_TAIL = re.compile(r"(?:\s+of\s+(?:the\s+)?(?:votes?|ballots)(?:\s+cast)?)?(?:\s+(?:in|at|during)\s+(?:the\s+|a\s+)?[\w'-]+(?:\s+[\w'-]+){0,2}){0,2}"
                        rf"(?:\s+(?:{NUMBER_PATTERN}|an?)\s+years?\s+(?:later|earlier|before|after))?\s*(?:[,.;)\u2013\u2014]|-(?=\s)|$)", re.IGNORECASE)
# ... with the figure: "was re-elected in April with" (not "was re-elected party leader in July, won")
_WAS_ELECTED_ANY = re.compile(r"\b(?:re-?)?elected\b", re.IGNORECASE)  # (not "the CEC confirmed")
_WAS_ELECTED = re.compile(r"\b(?:was|is|been|being)\s+(?:re-?)?elected(?:\s+[\w,-]+){0,6}?\s+(?:with|by|on)\s+(?:\w+\s+)?$", re.IGNORECASE)
_ELECTED = re.compile(r"\b(?:re-?)?elected\b|\bwon\b|\breturned\b|\bconfirmed\b", re.IGNORECASE)
_THAT_WORD = re.compile(r"\bthat\b", re.IGNORECASE)
_YEAR_TAIL = re.compile(r"\s+in\s+(?:19|20)\d\d\b")
# A comma, or a comma and "then", between the figures of a series by year ("80 percent, then 91 percent in 2005").
_AND_ALL = re.compile(r"\s+and\s+(?:all\s+(?:the\s+|of\s+the\s+)?|the\s+)?", re.IGNORECASE)
_SERIES_LINK = re.compile(r",(?:\s+then)?\s*$")
_ADJUNCT_REACH = 24  # how far before a turnout the words that make it an adjunct stand
# ("on a turnout of", "on a reported turnout of", "with an official turnout of")
_ADJUNCT = re.compile(r"\b(?:on|with)(?:\s+an?)?(?:\s+(?:reported|official|overall|estimated|final))?\s+$", re.IGNORECASE)
_EACH = re.compile(r"\s+each\b", re.IGNORECASE)
# "62 seats in the 98-seat Mazhilis": the chamber's size is the whole.
_CHAMBER_SIZE = re.compile(r"\s+(?:in|of)\s+(?:the|a|an)\s+(?:new\s+|outgoing\s+|then\s+|old\s+|previous\s+)?(?P<of>\d{2,3})-(?:seat|member)\b", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_DASH = re.compile(r"\s(?:--|\u2014|\u2013)\s|\u2014")
# How far before a figure the place of a regional turnout list may stand ("Mangistau region reported").
_LISTED_REACH = 40
# How many sentences back a list of regional turnouts may have named turnout or participation.
_LISTED_CONTEXT = 4
# The words a list of regional turnouts puts between a place and its figure.
_LIST_LINK = re.compile(r"(?:\s|,|:|\(|-|\u2013|\u2014|\bit\s+(?:was|stood(?:\s+at)?|reached)\b|\b(?:region|city|oblast|province|"
                        r"followed|came|next|then|with|at|on|reported|recorded|registered|posted|saw|had|only|just|and|while|in|the|"
                        r"capital|led|topped|by)\b)*", re.IGNORECASE)
_FIGURE_LINK = re.compile(r"\s*,?\s*the\s+(?:figure|rate|number)\s+(?:was|stood\s+at|reached)\s+(?:just\s+|only\s+)?", re.IGNORECASE)
_PLACE_NAME = re.compile(r"[\w'-]+(?:\s+[A-Z][\w'-]+)*")
_OTHER_MEASURE = re.compile(r"\b(?:support|backing|approval|yes|in favou?r|against|share|votes?)\b", re.IGNORECASE)
_OF_NOUN = re.compile(r"\s+of\s+(?!(?:the\s+|its\s+|registered\s+|eligible\s+)*(?:voters|electorate|electors|those|residents)\b)")
# A registered-voters figure's sentence holds one of these (a cheap test before the pattern).
_REGISTERED_KEYS = ("voters", "electors", "eligible", "entitled", "registered")


@dataclass
class _Frames:
    percent: re.Pattern
    fraction: re.Pattern
    fraction_of_voters: re.Pattern
    seats: re.Pattern
    seats_keys: tuple[str, ...]  # the seat words as the folded text holds them: a sentence without one has no seats
    parties: re.Pattern
    registered: re.Pattern
    share_verb_before: re.Pattern
    pronoun_with: re.Pattern
    having_got: re.Pattern  # a perfect participle of a share verb right before the figure
    share_prep_before: re.Pattern
    share_prep_after: re.Pattern
    subject_after: re.Pattern
    share_noun: re.Pattern
    incumbent: re.Pattern
    vote_after: re.Pattern
    vote_before: re.Pattern
    turnout_word: re.Pattern
    turnout_just_before: re.Pattern
    turnout_frame: re.Pattern
    turnout_frame_before: re.Pattern
    threshold: re.Pattern
    threshold_after: re.Pattern
    yes_frame: re.Pattern
    yes_before: re.Pattern
    approval_before: re.Pattern
    approval_after: re.Pattern
    proposal_passed: re.Pattern
    listed_after_colon: re.Pattern
    referendum_topic: re.Pattern
    legislators: re.Pattern
    poll_after: re.Pattern
    part_of_other: re.Pattern
    poll_cue: re.Pattern
    foreign_opening: re.Pattern
    foreign_before_where: re.Pattern
    bare_predicate: re.Pattern
    foreign_body: re.Pattern
    foreign_vote: re.Pattern
    any_demonym: re.Pattern
    home: re.Pattern
    abroad_named: re.Pattern  # any place abroad, its people, legislature or city
    qualifier_verb: re.Pattern
    verb_qualifiers: dict[str, str]
    registered_out_of: re.Pattern
    no_frame: re.Pattern
    no_before: re.Pattern
    referendum_word: re.Pattern
    backing: re.Pattern
    ruling_party: re.Pattern
    party_noun: re.Pattern
    turnout_copula: re.Pattern
    against_all: re.Pattern
    against_all_before: re.Pattern
    contested: re.Pattern
    contesting: re.Pattern
    previous: re.Pattern
    same_election: re.Pattern
    negation: re.Pattern
    negated_contenders: re.Pattern
    trailed: re.Pattern
    holds_now: re.Pattern
    breaks: re.Pattern
    prefilter: re.Pattern | None
    has_number: re.Pattern
    percent_sign: re.Pattern
    qualifiers: dict[str, str]
    yes_subject: str
    no_subject: str
    against_all_subject: str


def _keyword_pattern(keywords: list[str]) -> re.Pattern | None:
    # A space in a keyword also matches no space or a hyphen ("per cent", "percent", "7-per-cent"). Without keywords
    # (a reference folder older than sentence_keywords) there is no filter: every sentence is tried.
    keywords = [k for k in keywords if k]
    return re.compile(alternation(keywords).replace(r"\s+", r"[\s-]*")) if keywords else None


_HAVING_ADVERB = r"(?:\w+ly\s+|first\s+|already\s+)?"  # "having first won", "having easily secured"


@once_per_object
def frames(lexicon: dict) -> _Frames:
    """Compile the result frames of ``lexicon`` (once per lexicon object).

    Parameters
    ----------
    lexicon : dict
        A parsed ``claim_lexicon.yaml``.

    Returns
    -------
    _Frames
        The compiled patterns.
    """
    r = lexicon["results"]
    foreign = places_of(lexicon, "foreign_places", "foreign_demonyms", "foreign_bodies", "foreign_cities")
    demonyms = places_of(lexicon, 'leader_demonyms')
    leaders = rf"{demonyms}\s+(?:President|Prime\s+Minister|leader)"
    verb_qualifiers = phrase_map(lexicon.get("verb_qualifiers", {}))
    qualifiers = phrase_map(lexicon["qualifiers"])
    qual_words = alternation(qualifiers)
    qual = rf"(?:(?P<qual>{qual_words})\s+)?"
    numbers = lexicon["numbers"]
    f = _Frames(
        percent=re.compile(rf"\b{qual}(?P<num>{DIGITS}|{NUMBER_PATTERN}){_PERCENT}", re.IGNORECASE),
        # a share as a fraction of the vote: "nearly four in five votes", "more than four-fifths of the vote"
        fraction=re.compile(rf"\b{qual}(?:(?P<part>{_FRACTION_WORD})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<whole>{_FRACTION_WORD})\s+"
                            rf"(?:votes|voters|ballots)|(?P<parts>{_FRACTION_WORD})[\s-](?P<denominator>{alternation(_DENOMINATORS)})\s+of\s+the\s+(?:vote|votes|ballots))\b",
                            re.IGNORECASE),
        # a fraction of the voters that did something: "roughly nine in ten voters approved it", "More than
        # three-quarters of those who voted endorsed the package", "just over two-thirds of the electorate turned out"
        fraction_of_voters=re.compile(
            rf"\b{qual}(?:(?P<part>{_FRACTION_WORD})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<whole>{_FRACTION_WORD})"
            rf"|(?P<parts>{_FRACTION_WORD})[\s-](?P<denominator>{alternation(_DENOMINATORS)})\s+of)"
            r"\s+(?:those\s+who\s+(?:voted|cast\s+(?:a\s+)?ballots?)|the\s+(?:registered\s+)?(?:voters|electorate)|(?:registered\s+)?voters)"
            r"(?:\s+[\w,]+){0,6}?\s+(?:(?P<yes>approved|endorsed|backed|supported|said\s+yes|voted\s+(?:yes|for|in\s+favou?r))"
            r"|(?P<no>said\s+no|voted\s+(?:no|against)|rejected|opposed)"
            r"|(?P<turnout>turned\s+out|showed\s+up|bothered\s+to\s+(?:vote|show\s+up|turn\s+out)|cast\s+(?:a\s+)?ballots?|took\s+part))\b",
            re.IGNORECASE),
        seats=re.compile(
            rf"\b{qual}(?P<num>{_WORD_NUM})\s+(?:(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?(?:then\s+)?(?:(?:parliament's|chamber's|\w+'s)\s+)?(?P<of>{_WORD_NUM})\s+)?"
            rf"(?:[\w-]+\s+){{0,2}}?{alternation(r['seats_words'])}\b",  # ("98 party-list seats")
            re.IGNORECASE,
        ),
        seats_keys=tuple(fold_case(word) for word in r["seats_words"]),
        parties=re.compile(rf"\b(?<!other\s)(?P<num>{_WORD_NUM})\s+{alternation(r['parties_words'])}\b", re.IGNORECASE),
        registered=re.compile(rf"\b{qual}(?P<num>{_WORD_NUM})\s+{alternation(r['registered_voters_words'], literal=False)}", re.IGNORECASE),
        # (a count of votes between: "took 5,100,000 votes, or 80 percent")
        share_verb_before=re.compile(rf"\b(?P<verb>{alternation(r['share_verbs'])})\s+(?:(?:{qual_words}|only|just)\s+)?"
                                     r"(?:[\d,.]+(?:\s+million)?\s+votes,?\s+(?:or\s+|\(\s*))?$", re.IGNORECASE),
        # "He won a new term last April with 95.5 per cent": a pronoun, its share verb, a few words and "with"
        # ("he was last re-elected in April 2011 with")
        # "He was re-elected, having received 95.5 percent": the share right after the participle
        having_got=re.compile(rf",\s+having\s+{_HAVING_ADVERB}(?:{alternation(r['share_verbs'])})\s+(?:{qual_words}\s+)?$", re.IGNORECASE),
        pronoun_with=re.compile(rf"\b(?P<p>he|she|it)\s+(?:(?:was|has|had|then|also|again|easily|last|first|previously|narrowly)\s+){{0,2}}"
                                rf"(?:{alternation(r['share_verbs'])}|re-?elected|elected|returned)"
                                r"\s+(?:[\w-]+,?\s+){0,10}?(?:with|by)\s+$", re.IGNORECASE),  # ("won his last election, in April 2015, with")
        share_prep_before=re.compile(rf"(?:^|\s|\b){alternation(r['share_prepositions'])}\s*$", re.IGNORECASE),
        share_prep_after=re.compile(rf"^\s+{alternation(r['share_prepositions_after'])}\s+", re.IGNORECASE),
        # "the 91.2 percent Nazarbayev, 70, won": an age in apposition may stand before the verb
        subject_after=re.compile(rf"(?:\s*,\s*(?:now\s+|aged\s+)?\d{{2}}\s*,)?\s*,?\s*(?:(?:has|have|had|was|were|then|also|first|again|only)\s+)*"
                                 rf"{alternation(r['subject_after_verbs'])}\b", re.IGNORECASE),
        share_noun=re.compile(rf"'s?\s+(?:\w+\s+){{0,1}}?{alternation(r['share_nouns'])}\b", re.IGNORECASE),
        incumbent=re.compile(rf"\b{alternation(r['incumbent_nouns'])}\b", re.IGNORECASE),
        vote_after=re.compile(rf"^\s*{alternation(r['vote_nouns'])}\b", re.IGNORECASE),
        vote_before=re.compile(rf"\b{alternation(r['share_nouns'])}\b", re.IGNORECASE),
        turnout_word=re.compile(rf"\b{alternation(r['turnout_words'])}\b", re.IGNORECASE),
        # (a time from publication right after a turnout word dates it: "Turnout in April was almost 90 per
        # cent", not "Turnout, which officials had forecast in June, was ...")
        turnout_just_before=re.compile(rf"\b{alternation(r['turnout_words'])}\s+$", re.IGNORECASE),
        turnout_frame=re.compile(rf"^\s*{alternation(r['turnout_frames'], literal=False)}", re.IGNORECASE),
        turnout_frame_before=re.compile(alternation(r.get("turnout_frames_before") or [r"(?!)"], literal=False), re.IGNORECASE),
        threshold=re.compile(rf"\b{alternation(r['threshold_words'])}\b", re.IGNORECASE),
        threshold_after=re.compile(rf"^\s*(?:\w+\s+)?{alternation(r['threshold_after'])}\b", re.IGNORECASE),
        yes_frame=re.compile(rf"^\s*{alternation(r['yes_frames'], literal=False)}", re.IGNORECASE),
        yes_before=re.compile(alternation(r["yes_frames_before"], literal=False), re.IGNORECASE),
        approval_before=re.compile(alternation(r.get("approval_frames_before") or [r"(?!)"], literal=False), re.IGNORECASE),
        # "N percent of" anything but the vote, the voters or the seats is no vote share.
        part_of_other=re.compile(r"\s+of\s+(?!(?:the\s+|all\s+|those\s+|its\s+|their\s+|registered\s+|eligible\s+|valid\s+)*"
                                 rf"(?:[\w'-]+\s+){{0,2}}{alternation(r['share_wholes'])}\b)", re.IGNORECASE),
        poll_after=re.compile(rf"\s*{alternation(r.get('poll_after') or [r'(?!)'], literal=False)}", re.IGNORECASE),
        # "Turnout exceeded 54%": the verbs that qualify their figure (as a toll's).
        qualifier_verb=re.compile(rf"\b(?P<verb>{alternation(list(verb_qualifiers) or ['(?!)'])})\s+$", re.IGNORECASE),
        verb_qualifiers=verb_qualifiers,
        foreign_body=re.compile(rf"\b{places_of(lexicon, 'foreign_bodies')}\b"),
        bare_predicate=re.compile(rf",\s*(?:{_PREDICATE_ADVERBS}\s+)?(?:{alternation(r['share_verbs'])}|{_GETS_SEATS}|swept|sweeps)\b",
                                  re.IGNORECASE),
        foreign_opening=re.compile(rf"\W*(?:In\s+|in\s+)?(?:[Nn]eighbou?ring\s+)?{foreign}\b(?!-)"),
        # a country abroad named right before a relative clause on it: "neighboring Uzbekistan, where ..."
        foreign_before_where=re.compile(rf"\b{places_of(lexicon, 'foreign_places')}\b(?!-),?\s*$"),
        foreign_vote=re.compile(rf"\b{foreign}(?:'s)?(?!-)\s+(?:[\w-]+\s+){{0,3}}?(?:{_VOTE_WORDS}|seats)\b"
                                rf"|\b(?:{_VOTE_WORDS}|seats)\s+(?:[\w-]+\s+){{0,3}}?(?:in|of|across)\s+(?:the\s+)?{foreign}\b(?!-)"
                                # "won by Egyptian President X", "Egyptian President X won": another country's head's
                                # vote, by any country's demonym (not "as French President X congratulated him")
                                rf"|\b(?:won|taken|received|secured|gained)\s+by\s+(?:the\s+)?{leaders}"
                                # "neighboring Uzbekistan, where X was elected president with 88.6%": a relative clause on a country's vote
                                rf"|\b{places_of(lexicon, 'foreign_places')}\b(?!-),?\s+where\s+[^.;]{{0,80}}?\b(?:elected|re-elected|won|{_VOTE_WORDS})\b"
                                # "78.28% of Chilean voters backed": a country's voters, by any demonym (not "ethnic Russian voters")
                                rf"|(?<!ethnic )\b{demonyms}(?!-)\s+(?:voters|electorate|electors)\b"
                                rf"|\b{leaders}\s+(?:[A-Z][\w'-]+\s+){{0,4}}(?:won|took|was\s+re-?elected|secured|received)\b"),
        home=re.compile(rf"\b{places_of(lexicon, 'home_places')}\b"),
        abroad_named=re.compile(rf"\b{foreign}\b(?!-)"),
        any_demonym=re.compile(rf"\b{demonyms}(?![\w-])"),
        poll_cue=re.compile(rf"\b{alternation(r.get('poll_cues') or [r'(?!)'], literal=False)}", re.IGNORECASE),
        legislators=re.compile(rf"\b{alternation(r.get('approval_not_by') or [r'(?!)'], literal=False)}\b", re.IGNORECASE),
        approval_after=re.compile(rf"\s*{alternation(r.get('approval_nouns_after') or [r'(?!)'], literal=False)}(?!\w)", re.IGNORECASE),
        proposal_passed=re.compile(alternation(r.get("proposal_passed") or [r"(?!)"], literal=False), re.IGNORECASE),
        referendum_topic=re.compile(rf"\b{alternation(r.get('referendum_topics') or ['(?!)'])}\b", re.IGNORECASE),
        registered_out_of=re.compile(rf"\b(?:out of|of the)\s+(?P<num>{_WORD_NUM})\s+(?:who|that)\s+(?:were|are)\s+(?:eligible|registered)\b",
                                     re.IGNORECASE),
        no_frame=re.compile(rf"^\s*{alternation(r['no_frames'], literal=False)}", re.IGNORECASE),
        no_before=re.compile(alternation(r["no_frames_before"], literal=False), re.IGNORECASE),
        referendum_word=re.compile(rf"\b{alternation(r['referendum_words'])}\b", re.IGNORECASE),
        backing=re.compile(rf"^\s*{alternation(r['backing_frames'], literal=False)}", re.IGNORECASE),
        ruling_party=re.compile(rf"\b{alternation(r['ruling_party_nouns'], literal=False)}\b", re.IGNORECASE),
        # ("the AIST bloc of the Agrarian and Civic parties 7.1 percent": the parties a bloc joins after it)
        party_noun=re.compile(rf"^\s*{alternation(r['party_nouns'])}(?:\s+of\s+the\s+(?-i:[A-Z])[\w'-]*(?:\s+(?:and\s+)?(?-i:[A-Z])[\w'-]*)*"
                              rf"\s+(?:parties|movements))?\s*$", re.IGNORECASE),
        # a list of a subject's shares after a colon: "has won every contest by a crushing margin: 91.15 per cent in 2005 ..."
        listed_after_colon=re.compile(rf"\b(?:won|wins|win|took|takes|margins?|victor(?:y|ies)|results?|scores?)\b[^:;]*:\s*"
                                      rf"(?:(?:{qual_words})\s+)?$", re.IGNORECASE),
        turnout_copula=re.compile(rf"\b{alternation(r['turnout_copulas'])}\s+(?:(?:{qual_words}|only|just)\s+)?$", re.IGNORECASE),
        against_all=re.compile(rf"^\s*{alternation(r['against_all_frames'], literal=False)}", re.IGNORECASE),
        against_all_before=re.compile(alternation(r.get("against_all_frames_before") or [r"(?!)"], literal=False), re.IGNORECASE),
        contested=re.compile(rf"\b{alternation(r['seats_contested_frames'], literal=False)}", re.IGNORECASE),
        contesting=re.compile(rf"\s*(?:\w+\s+){{0,4}}?{alternation(r['parties_contesting_frames'], literal=False)}\b", re.IGNORECASE),
        previous=caseless(rf"\b{alternation(r['previous_election'], literal=False)}"),  # searched in folded text
        same_election=caseless(rf"\b{alternation(r.get('same_election') or ['(?!)'])}\b"),  # searched in folded text
        negation=re.compile(rf"\b{alternation(r['negations'])}\b", re.IGNORECASE),
        negated_contenders=re.compile(rf"\b{alternation(r['negations'])}\b(?:\s+[\w-]+){{0,4}}?\s+{alternation(r.get('contender_nouns') or ['(?!)'])}\b",
                                      re.IGNORECASE),
        # A party's seats now: "which holds all 98 elected seats" (lexicon `results.holding_verbs`).
        holds_now=re.compile(rf"\b{alternation(r.get('holding_verbs') or ['(?!)'])}\s+(?:all\s+|only\s+|just\s+)?(?:the\s+)?$", re.IGNORECASE),
        trailed=re.compile(rf"\b{alternation(r.get('trailing_words') or ['(?!)'])}\s+(?:[A-Z][a-z]+\.?\s+)?$"),
        # (and a comparison word right before a figure of another vote: "54 percent, against 63.25
        # percent in 2021"; not a rival's in the same race: "79.78 percent, against 11.7 percent for X")
        breaks=caseless(alternation(r["segment_breaks"], whole_words=True) + "|"
                        + rf"\b{alternation(r.get('comparisons_before_figure') or ['(?!)'])}"
                        + r"(?=\s+(?:about\s+|some\s+)?(?=(?P<figure>\d[\d.,]*\s*(?:%|per\s*cent|percent|pc)?))(?P=figure)(?!\s*(?:for|by|to)\b))"),  # searched in folded text
        # Cheap sentence filters, lower-case patterns run on the folded text (TextContext.folded)
        # without IGNORECASE: a result word and a number must both occur before any frame is tried.
        # No leading \b: a pattern that starts with plain literals lets the engine skip ahead.
        prefilter=_keyword_pattern(r.get("sentence_keywords", [])),
        has_number=re.compile(rf"[0-9]|\b{alternation([w for kind in ('units', 'tens', 'scales', 'groups') for w in numbers[kind]])}\b"),
        percent_sign=re.compile(r"%|percent|per[\s-]+cent|pct|(?<=\d)\s?pc\b"),
        qualifiers=qualifiers,
        yes_subject=r["yes_subject"],
        no_subject=r["no_subject"],
        against_all_subject=r["against_all_subject"],
    )
    return f


@lru_cache(maxsize=8)
def _renames(ref: Any) -> tuple[tuple[str, str, dt.date], ...]:
    """Return the parties' renamings of ``election_cues.yaml`` (``renamed``), oldest first."""
    cues = getattr(ref, "election_cues", None) or {}
    return tuple(sorted(((r["old"], r["new"], dt.date.fromisoformat(str(r["date"]))) for r in cues.get("renamed") or []),
                        key=lambda r: r[2]))


def _foreign_vote(f: _Frames, text: str, start: int, end: int) -> bool:
    """A sentence about another country's vote: it opens in that country ("In neighbouring
    Kyrgyzstan, ...") or ties it to a vote ("Kyrgyzstan's parliamentary election", "turnout in
    Kyrgyzstan"); a mere mention ("the Russian-language site", "observers from Russia") is none."""
    return bool(f.foreign_opening.match(text, start, end) or f.foreign_vote.search(text, start, end))


def _abroad(f: _Frames, text: str, s_start: int, s_end: int, pos: int) -> bool:
    """Whether the figure at ``pos``, in a sentence naming another country's vote, is of that vote.

    A sentence naming no Kazakh place is all abroad. Else the figure's own clause decides: the place
    nearest the figure there ("Turnout was 40 percent in Kyrgyzstan's vote, against 54 percent in
    Kazakhstan"); a relative clause without one is of the place before it ("... after Malaysia's
    general election, in which turnout was 74 per cent"); any other clause is at home, unless the
    sentence opens abroad ("Kazakhstan's election, held after Russia's vote, drew 63.3 percent").
    """
    if not f.home.search(text, s_start, s_end):
        return True
    opening = f.foreign_opening.match(text, s_start, s_end)
    marks = [(m.span(), False) for m in f.home.finditer(text, s_start, s_end)] \
        + [(m.span(), True) for m in f.foreign_vote.finditer(text, s_start, s_end)] + ([(opening.span(), True)] if opening else [])
    lo = max((m.end() for m in CLAUSE_MARK.finditer(text, s_start, pos)), default=s_start)
    hi = m.start() if (m := CLAUSE_MARK.search(text, pos, s_end)) else s_end
    own = [mark for mark in marks if lo <= mark[0][0] < hi]
    if own:
        # (a place before the figure is as near as its end, one after as its start)
        return min(own, key=lambda mark: (max(pos - mark[0][1], mark[0][0] - pos, 0), mark[0][0] > pos))[1]
    if _RELATIVE_START.match(text, lo, hi):
        if f.foreign_before_where.search(text, s_start, lo):
            return True  # "compare Kazakhstan's transition with that of neighboring Uzbekistan, where X was elected with 88.6%"
        before = [mark for mark in marks if mark[0][1] <= lo]
        return max(before, key=lambda mark: mark[0][1])[1] if before else False
    return opening is not None


def _unknown_person(tc: TextContext, subject: str | None) -> bool:
    """A subject written as a person's name, two words or more in capitals ("Kurmanbek Bakiev"; not a
    referendum's "Yes"), that the reference's names do not know."""
    return bool(subject) and len(words := subject.split()) > 1 and all(w[:1].isupper() for w in words) \
        and tc.ref.canonical_name(subject) is None


def _home_subject(tc: TextContext, index: int, subject: str | None) -> bool:
    """A party or candidate of a Kazakh vote (in ``official_results.csv``) that the sentence names
    outright, whatever country it names too (not one reached through "the ruling party" or "he")."""
    resolved = tc.ref.canonical_name(subject) if subject and hasattr(tc.ref, "canonical_name") else None
    return bool(resolved) and resolved[0] in _subjects_of_results(tc.ref) and any(
        x.canonical == resolved[0] for x in tc.mentions(index))


@once_per_object
def _official_shares(ref: Any) -> dict[str, dict[str, float]]:
    """Return each election's official shares by candidate or party (``official_results.csv``)."""
    table = getattr(ref, "official_results", None)
    if table is None or not len(table):
        return {}
    shares: dict[str, dict[str, float]] = {}
    for row in table[table["measure"] == "vote_share"].itertuples():
        try:
            shares.setdefault(row.election_id, {})[row.subject] = float(row.value)
        except (TypeError, ValueError):
            continue
    return shares


def _candidate_named(tc: TextContext, index: int, row: dict) -> str | None:
    """Square a presidential share with the reference's candidates (``official_results.csv``).

    A subject that did not stand in the row's election: when it took that very share in another
    of its elections ("re-elected in 2015 with 97.75%"), the row is of that election; else the one
    candidate of the row's election among the people this sentence and the one before name is the
    subject ("Tokayev took office after Nazarbayev resigned. He had been re-elected with 97.7
    percent in 2015": Nazarbayev's). Returns the subject; may set the row's ``election_id``.
    """
    shares = _official_shares(tc.ref)
    stood = shares.get(row["election_id"] or "")
    subject = row["subject"]
    if row["measure"] != "vote_share" or not stood or subject in stood or _kind(row["election_id"]) != "presidential":
        return subject
    # (where the reference lists one candidate only, the field may be incomplete: that one is the
    # subject only where the row states its share, "In 1991 he stood unopposed and was credited with more than 98 percent")
    if len(stood) < 2:
        return next(iter(stood)) if _states_share(row, next(iter(stood.values()))) else subject
    own = [eid for eid, by in shares.items() if _kind(eid) == "presidential" and row["value"] is not None
           and abs(by.get(subject, -100) - row["value"]) <= _SAME_SHARE]
    if len(own) == 1:
        row["election_id"] = own[0]
        return subject
    # ("the long-serving leader was re-elected with 97.7 per cent" in 2015, "he ... was credited with
    # more than 98 percent" in 1991: the one candidate of that election whose official share it states)
    agreeing = [name for name, share in stood.items() if _states_share(row, share)]
    if len(agreeing) == 1:
        return agreeing[0]
    named = {x.canonical for i in (index - 1, index) if i >= 0 for x in tc.mentions(i) if x.kind == "person"}
    others = [name for name in named if name in stood]
    return others[0] if len(others) == 1 and subject in named else subject


_SAME_SHARE = 0.05  # a share this close to an official one is that one, rounded
_NEAR_SHARE = 1.0  # ... and an approximate or bounded share this close ("about 91", "more than 98")


def _states_share(row: dict, share: float) -> bool:
    """Whether a row's value, with its qualifier, states the official ``share`` ("more than 98" of 98.78)."""
    value, qualifier = row["value"], row["qualifier"]
    if value is None:
        return False
    if qualifier in ("more_than", "at_least"):
        return value <= share < value + _NEAR_SHARE
    if qualifier in ("fewer_than", "at_most"):
        return value - _NEAR_SHARE < share <= value
    return abs(share - value) <= (_NEAR_SHARE if qualifier == "approx" else _SAME_SHARE)


@lru_cache(maxsize=8)
def _subjects_of_results(ref: Any) -> frozenset[str]:
    table = getattr(ref, "official_results", None)
    return frozenset(table["subject"]) if table is not None and len(table) else frozenset()


def _name_at_election(ref: Any, subject: str | None, election_id: str | None) -> str | None:
    """Return a party's name as it was at the election (Amanat's 2021 share is Nur Otan's)."""
    renames = _renames(ref)
    if not (renames and subject and election_id in elections_of(ref).by_id):
        return subject
    day = elections_of(ref).by_id[election_id][0]
    for old, new, renamed_on in reversed(renames):  # back through the renamings ...
        if subject == new and day < renamed_on:
            subject = old
    for old, new, renamed_on in renames:  # ... and forward
        if subject == old and day >= renamed_on:
            subject = new
    return subject


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
    folded = tc.folded
    if f.prefilter is None:
        cued = set(tc.claim_sentences)
    else:
        cued, pos = set(), 0
        while m := f.prefilter.search(folded, pos):
            index = tc.sentence_of(m.start())
            cued.add(index)
            pos = max(m.end(), tc.sentences[index][1])  # one hit is enough for a sentence
    turnouts: set[int] = set()  # sentences that gave a turnout: a list of regional turnouts may follow
    kept_before: dict[int, list[dict]] = {}  # each sentence's rows, for the sentence after it
    last_kept: tuple[int, list[dict]] = (-1, [])  # the last sentence with rows, and its rows
    abroad: set[int] = set()  # sentences wholly about another country's vote
    for index in tc.claim_sentences:
        s_start, s_end = tc.sentences[index]
        if index not in cued or not f.has_number.search(folded, s_start, s_end):
            continue
        # (the rows a figure opening this sentence may go on with: the paragraph's last, "turnout stood at
        # 54.19%. That is lower than in any previous election. The previous low was 56.49% in 2004")
        in_paragraph = last_kept[1] if tc.paragraph_start(index) <= last_kept[0] else []
        if (table_row := _TABLE_ROW.fullmatch(text, s_start, s_end)) is not None:
            rows += _table_row_results(tc, index, table_row)  # (a results table's row, its own figures)
            continue
        found = _percentages(tc, f, index, turnouts, in_paragraph, last_kept[0]) + _counts(tc, f, index)
        found += _elided_shares(tc, index, found) + _fraction_shares(tc, f, index) + _fractions_of_voters(tc, f, index)
        taken: list[tuple[int, int]] = []
        kept = []
        for row in sorted(found, key=lambda r: r["start"]):
            # Two rows may share a span only when they are one figure for several subjects ("7 seats each").
            if any(a < row["end"] and row["start"] < b and (a, b) != (row["start"], row["end"]) for a, b in taken):
                continue
            taken.append((row["start"], row["end"]))
            kept.append(row)
        # ("turnout was almost 90 per cent, and that none of the three other candidates had collected more
        # than two per cent": a bound on the contenders in its own clause, no one's share, whatever it went
        # on from; not "None of the observers disputed that turnout was 54 percent")
        kept = [row for row in kept if row["measure"] not in ("vote_share", "turnout") or not f.negated_contenders.search(
            text, max([m.end() for m in CLAUSE_MARK.finditer(text, s_start, row["start"])], default=s_start), row["start"])]
        if any(row["subject"] and f.foreign_body.search(row["subject"]) for row in kept):
            # "Pashinyan's Civil Contract party won 53.9 percent ... and holds 71 of the 107 seats": another country's party's sentence
            kept = [row for row in kept if _home_subject(tc, index, row["subject"])]
        elif _foreign_vote(f, text, s_start, s_end):
            # "In neighbouring Kyrgyzstan, Sadyr Japarov won about 79 percent": another country's vote
            kept = [row for row in kept if _home_subject(tc, index, row["subject"]) or not _abroad(f, text, s_start, s_end, row["_anchor"])]
            if not f.home.search(text, s_start, s_end) and f.foreign_opening.match(text, s_start, s_end):
                abroad.add(index)  # (a sentence that opens abroad: "Colombia's first round ...", not "Putin, who won ...")
        elif index - 1 in abroad and tc.continues(index) and not f.home.search(text, s_start, s_end):
            # ("Colombia's first round left Petro with 40.3%. Turnout was about 55%.": the paragraph stays abroad)
            kept = [row for row in kept if _home_subject(tc, index, row["subject"])]
            abroad.add(index)
        elif not f.home.search(text, s_start, s_end) and f.abroad_named.search(text, s_start, s_end):
            # ("crowds in neighboring Kyrgyzstan drove out Askar Akaev; his successor, Kurmanbek Bakiev, won
            # almost 89 percent"): a person the reference does not know, in a sentence set abroad, stood there
            kept = [row for row in kept if not _unknown_person(tc, row["subject"])]
        _assign_elections(tc, f, index, kept, kept_before.get(index - 1, []))
        for i, row in enumerate(kept):
            # ("Nur Otan took 80.99 percent", told of 2012 in a story of 2021): a precise figure that
            # is one vote's official result and not the vote's the cues gave is that vote's
            if not (row["election_id"] and _states_official(tc.ref, row["election_id"], row)) \
                    and (exact := _official_match(tc.ref, row)) is not None:
                # (and so is the turnout it was won on: "with 80.99 per cent, on a reported turnout of 75.4 per cent")
                following = kept[i + 1] if i + 1 < len(kept) else None
                if following is not None and following["measure"] == "turnout" and following["election_id"] == row["election_id"] \
                        and _ON_TURNOUT.fullmatch(text, row["end"], following["start"]):
                    following["election_id"] = exact
                row["election_id"] = exact
        for i, row in enumerate(kept):
            if row["measure"] == "turnout" and row["election_id"] is None and tc.ctx.election_id is None \
                    and len(shares := {r["election_id"] for r in kept[:i] if r["measure"] == "vote_share"}) == 1:
                # (in a story about no vote, a turnout after the shares of one vote in their sentence: "gave X 79.78
                # percent and Y 11.7 percent; turnout was put at 87 percent")
                row["election_id"] = shares.pop()
        # ("When we repealed the Eighth Amendment in 2018, 66.4% voted Yes": dated when Kazakhstan held no vote)
        kept = [row for row in kept if not row.pop("_no_vote", False)]
        _held_by_publication(tc, f, kept)
        kept_before[index] = kept
        if kept:
            last_kept = (index, kept)
        for row in kept:
            row["sentence"] = text[s_start:max(s_end, row["end"])]
            row["subject"] = _name_at_election(tc.ref, _candidate_named(tc, index, row), row["election_id"])
        rows += kept
    return without_restated_headings(tc, rows, ("subject", "measure", "value", "election_id", "scope"))


# A share whose percent word the list before it gave: "Ak Zhol, with 7.47 percent, and the Communist People's
# Party, with 7.19", or "Tokayev 70.96%, Kosanov 16.23" (a decimal figure: "with 7 others" is no share).
_ELIDED_SHARE = re.compile(r"(?:(?P<with>\bwith\s+)|\s*[:\u2013\u2014]\s*|\s+-\s+|\s+)(?P<num>\d{1,2}[.,]\d{1,2})\b(?=\s*(?:[,;)]|\.(?!\d)|and\b|$))")


def _elided_shares(tc: TextContext, index: int, rows: list[dict]) -> list[dict]:
    """Return the shares after a sentence's last share that leave out its percent word, each of the
    party or candidate named between the figure before it and its "with", or right before it."""
    shares = [row for row in rows if row["measure"] == "vote_share"]
    if not shares:
        return []
    found = []
    last = max(row["end"] for row in shares)
    for m in _ELIDED_SHARE.finditer(tc.text, last, tc.sentences[index][1]):
        named = [x for x in tc.mentions(index) if x.kind in ("party", "person") and last <= x.start and x.end <= m.start()]
        value = parse_number(m.group("num"), percent=True)
        if named and value is not None and (m.group("with") or named[-1].end == m.start()):
            start = m.start() if m.group("with") else m.start("num")
            found.append(_row(tc, start, m.end(), named[-1].canonical, "vote_share", value, None, "exact", None, m.start("num")))
        last = m.end()
    return found


_VERB_REACH = 40  # how far before a fraction of the vote its verb of winning may start
# The words of a fraction: "four in five", "two-thirds".
_FRACTION_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d)"
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
                 "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "tenth": 10, "tenths": 10}


def _fraction_shares(tc: TextContext, f: _Frames, index: int) -> list[dict]:
    """Return the shares a sentence gives as a fraction of the vote after a verb of winning ("took nearly four in
    five votes", "won more than four-fifths of the vote"), each a percentage of one decimal."""
    text = tc.text
    s_start, s_end = tc.sentences[index]
    found = []
    for m in f.fraction.finditer(text, s_start, s_end):
        # (the verb right before it: share_verb_before ends where the fraction starts)
        if (verb := f.share_verb_before.search(text, max(s_start, m.start() - _VERB_REACH), m.start())) is None:
            continue
        if (value := _fraction_percent(m)) is None or (subject := _subject(tc, f, index, verb.start(), s_start)) is None:
            continue
        found.append(_row(tc, verb.start(), m.end(), subject, "vote_share", value, None, _qualifier(f, m), None, m.start()))
    return found


def _fraction_percent(m: re.Match) -> float | None:
    """The percentage, of one decimal, that a fraction's words state ("four in five": 80.0, "two-thirds": 66.7),
    else None (not a part of a whole: "five in four")."""
    part = parse_number(m.group("part") or m.group("parts"))
    whole = parse_number(m.group("whole")) if m.group("whole") else _DENOMINATORS[m.group("denominator").lower()]
    return round(100 * part / whole, 1) if part and whole and part < whole else None


def _fractions_of_voters(tc: TextContext, f: _Frames, index: int) -> list[dict]:
    """Return the turnouts and a referendum's shares a sentence gives as a fraction of the voters who turned
    out or who said yes or no ("just over two-thirds of the electorate turned out", "roughly nine in ten voters
    approved it"); a yes or a no only in a story of a referendum, each a percentage of one decimal."""
    found = []
    for m in f.fraction_of_voters.finditer(tc.text, *tc.sentences[index]):
        if (value := _fraction_percent(m)) is None:
            continue
        if m.group("turnout"):
            subject, measure = "turnout", "turnout"
        elif _kind(tc.ctx.election_id) == "referendum":
            subject, measure = (f.yes_subject if m.group("yes") else f.no_subject), "vote_share"
        else:
            continue
        found.append(_row(tc, m.start(), m.end(), subject, measure, value, None, _qualifier(f, m), None, m.start()))
    return found


# A results table's row as :mod:`kzresearch.results_tables` writes it: "Nur Otan: 6,183,757 votes, 82.20%, 84
# seats, 80.99% in 2012" (a figure of an earlier vote names its year).
_TABLE_UNIT = "|".join(re.escape(unit) for unit in UNIT_MEASURES)
_TABLE_FIGURE = rf"\d[\d.,]*(?:{_TABLE_UNIT})"
_IN_YEAR = r" in (?:19|20)\d\d"
_TABLE_CELL = rf"{_TABLE_FIGURE}(?:{_IN_YEAR})?"
# (two figures or more, or one of a year: "Almaty: 25.82%" is a list's item, which the sentence frames read)
_TABLE_ROW = re.compile(rf"(?P<label>[^:\n]{{2,80}}): (?P<cells>{_TABLE_CELL}(?:, {_TABLE_CELL})+|{_TABLE_FIGURE}{_IN_YEAR})")
_TABLE_CELLS = re.compile(rf"(?P<value>\d[\d.,]*)(?P<unit>{_TABLE_UNIT})(?: in (?P<year>(?:19|20)\d\d))?")
_TOTAL_ROW = re.compile(r"(?:total|sum|all\b|valid|invalid|spoil|blank)", re.IGNORECASE)


def _table_row_results(tc: TextContext, index: int, m: re.Match) -> list[dict]:
    """Return the figures of a results table's row: each share and seats of the row's party or
    candidate (a turnout row's or a place's share: the turnout), of the article's election, or of the
    election of the year its column names, of the article's election's kind where there is one that year."""
    label = m.group("label").strip()
    if _TOTAL_ROW.match(label):
        return []  # ("Total (valid votes): 7,522,868 votes, 100.00%, 98 seats": no one's figures)
    named = [x for x in tc.mentions(index) if x.kind in ("party", "person") and x.end <= m.end("label")]
    # (a region's or a city's row gives its turnout: "Almaty: 25.82%, 31.1% in 2019"; not the country's: "Kazakhstan:
    # 3.5%, 4.1% in 2015" is growth as likely)
    place = next((x.canonical for x in tc.mentions(index) if x.kind == "place" and x.end <= m.end("label")
                  and x.canonical != tc.patterns.country), None)
    turnout = normalise(label) == "turnout" or place is not None
    if not (named or turnout):
        return []  # ("Inflation: 8.4%, 7.1% in 2015", "Demoscope: 70.1%, 12%": no party's or candidate's row)
    subject = named[0].canonical if named else label
    elections = elections_of(tc.ref)
    own = elections.by_id.get(tc.ctx.election_id or "")
    rows = []
    for cell in _TABLE_CELLS.finditer(tc.text, m.start("cells"), m.end("cells")):
        share = UNIT_MEASURES[cell.group("unit")] == UNIT_MEASURES[SHARE]
        measure = "turnout" if turnout and share else UNIT_MEASURES[cell.group("unit")]
        value = parse_number(cell.group("value"), percent=share)
        if measure is None or value is None:
            continue
        election = tc.ctx.election_id
        if cell.group("year"):
            that_year = [(kind, eid) for day, eid, kind in elections.ordered if day.year == int(cell.group("year"))]
            election = next((eid for kind, eid in that_year if own and kind == own[1]), that_year[0][1] if len(that_year) == 1 else None)
        row = _row(tc, cell.start(), cell.end("unit") if share else cell.end(), "turnout" if turnout else subject,
                   measure, value, None, "exact", place if measure == "turnout" else None, cell.start())
        row.pop("_anchor")
        row["election_id"], row["sentence"] = election, tc.text[tc.sentences[index][0]:tc.sentences[index][1]]
        if not turnout:
            row["subject"] = _name_at_election(tc.ref, subject, election)
        rows.append(row)
    return rows


def _held_by_publication(tc: TextContext, f: _Frames, rows: list[dict]) -> None:
    """Give the seats a party holds now ("Nur Otan, which holds all 98 elected seats") the last
    election of that kind held by publication, where the row was dated to one after it: in a story
    before the vote it is about, the chamber sitting is the one the vote before elected."""
    published = tc.ctx.published
    if published is None:
        return
    elections = elections_of(tc.ref)
    for row in rows:
        held = elections.by_id.get(row["election_id"] or "")
        if held is not None and held[0] > published and row["measure"] == "seats" \
                and f.holds_now.search(tc.text, max(0, row["start"] - _HOLDS_REACH), row["start"]):
            row["election_id"] = next((eid for day, eid, kind in reversed(elections.ordered) if kind == held[1] and day <= published), None)


def _row(tc: TextContext, start: int, end: int, subject: str | None, measure: str, value: float | None,
         of: float | None, qualifier: str, scope: str | None, anchor: int) -> dict:
    return {
        "doc_id": tc.ctx.doc_id, "start": start, "end": end, "phrase": tc.text[start:end],
        "subject": subject, "measure": measure, "value": None if value is None else float(value),
        "of": None if of is None else float(of), "qualifier": qualifier, "scope": scope, "election_id": None,
        "_anchor": anchor,
    }


def _qualifier(f: _Frames, m: re.Match) -> str:
    if m.group("qual") and _REVISED_UP.search(m.string, max(0, m.start() - 40), m.start()) and normalise(m.group("qual")) == "up to":
        return "exact"  # "revised the turnout up to 97.18 percent": raised to the figure, no ceiling
    if not m.group("qual") and "num" in m.re.groupindex and m.string[max(0, m.start("num") - 1): m.start("num")] == "~":
        return "approx"  # "~88%": a tilde for "about", as tables and posts write it
    return f.qualifiers.get(normalise(m.group("qual")), "exact") if m.group("qual") else "exact"


def _percentages(tc: TextContext, f: _Frames, index: int, turnouts: set[int], rows_before: list[dict], before_index: int) -> list[dict]:
    """Read the percentages of sentence ``index``: vote shares, turnouts and thresholds (adding
    ``index`` to ``turnouts``, the sentences that gave a turnout, when it gives one); ``rows_before``
    are the rows of the paragraph's last sentence that had any (sentence ``before_index``), whose measure
    a figure opening this one may go on with."""
    text = tc.text
    s_start, s_end = tc.sentences[index]
    # A percentage ends in a percent word: try the pattern only at the word starts shortly before one.
    starts = sorted({w.start() for sign in f.percent_sign.finditer(tc.folded, s_start, s_end)
                     for w in _WORD.finditer(text, max(s_start, sign.start() - 45), sign.start() + 1)})
    found, reached = [], s_start
    for pos in starts:
        if pos >= reached and (m := f.percent.match(text, pos, s_end)):
            found.append(m)
            reached = m.end()
    matches = [m for m in found if (v := parse_number(m.group("num"), percent=True)) is not None and v <= 100]
    rows: list[dict] = []
    previous: dict | None = None
    lo = s_start
    for i, m in enumerate(matches):
        value = parse_number(m.group("num"), percent=True)
        qualifier = _qualifier(f, m)
        if qualifier == "exact" and (verb := f.qualifier_verb.search(text, max(s_start, m.start() - 12), m.start())):
            qualifier = f.verb_qualifiers[normalise(verb.group("verb"))]  # "Turnout exceeded 54%"
        # A threshold between a party and its share does not end the party's stretch: "X passed the
        # 7 percent threshold with 7.19 percent".
        if i and not (previous is not None and previous["measure"] == "threshold" and previous["end"] >= matches[i - 1].end()):
            lo = matches[i - 1].end()
        hi = matches[i + 1].start() if i + 1 < len(matches) else s_end
        before = text[max(lo, m.start() - 60): m.start()]
        after = text[m.end(): min(hi, m.end() + 80)]
        start, end = m.start(), m.end()
        turnout_before = list(f.turnout_word.finditer(text, max(lo, m.start() - 50), m.start()))
        if not turnout_before and f.turnout_copula.search(before):
            # "Turnout among the 9.3 million registered voters was 75 percent": the figure follows a
            # copula, so a turnout word further back is still its subject.
            turnout_before = list(f.turnout_word.finditer(text, max(lo, m.start() - 90), m.start()))
        if not turnout_before and _COMPARED_WITH.search(before):
            # "That turnout was more than four percentage points below the 68.05 per cent recorded at the 2022
            # referendum": the figure a turnout is compared with is a turnout too
            turnout_before = list(f.turnout_word.finditer(text, max(lo, m.start() - _COMPARED_REACH), m.start()))
        if not turnout_before and lo == s_start and index - 1 in turnouts and (it := _IT_TURNOUT.match(text, s_start)) is not None:
            turnout_before = [it]  # "Turnout was 68.06%. It ranged from 80.66% in Turkistan region to just 33.3% in Almaty"
        if not turnout_before and (drew := _VOTE_DREW.search(text, max(lo, m.start() - 40), m.start())) is not None:
            # "the 1999 vote drew 62.5%": the share of voters a vote drew (the phrase from its noun, its year a cue before it)
            turnout_before = [_VOTE_NOUN_AT.match(text, drew.start("noun"))]
        if not turnout_before and (frame := f.turnout_frame_before.search(text, max(lo, m.start() - 90), m.start())) is not None \
                and (not frame.group().rstrip().endswith("by") or _OF_VOTERS.match(after)):
            # "Ballots were received by 7,820,204 citizens, which is 63.66 percent"; "... received by 84,1 % of voters"
            # (not "by 98 percent of polling stations")
            turnout_before = [frame]
        turnout_after = f.turnout_word.match(after, len(after) - len(after.lstrip())) or f.turnout_frame.match(after)
        row = None
        # "passed the 7 percent threshold with 7.19 percent": the second figure is the party's share.
        # ... but "the 7 percent threshold: Ak Zhol took 7.18 percent" names whose share it is
        # ... and "fell short of the 5 per cent barrier at 2.3 per cent": a threshold that has its
        # figure already is no second one's
        # ("passed the 5 % threshold, while 3.9 % chose 'against all'": a contrast starts another figure's clause)
        threshold_before = (thr := f.threshold.search(before[-25:])) is not None and not _SHARE_LINK.search(before[-25:], thr.end()) \
            and not f.breaks.search(tc.folded, m.start() - len(before[-25:]) + thr.end(), m.start()) \
            and not _names_between(tc, index, m.start() - len(before[-25:]) + thr.end(), m.start(), ("party", "person")) \
            and not (previous is not None and previous["measure"] == "threshold" and previous["end"] > m.start() - len(before[-25:]) + thr.start()
                     and _AT_FIGURE.fullmatch(before[-25:], thr.end()))
        # A referendum's side comes before a turnout: "77.18% of voters who took part voted in favour".
        side = _referendum_share(f, m, before, after)
        if side and _about_referendum(tc, f, index) and not f.poll_cue.search(text, s_start, m.start()):
            subject, side_start, side_end = side
            row = _row(tc, side_start, side_end, subject, "vote_share", value, None, qualifier, None, m.start("num"))
        elif f.threshold.search(after[:25]) or threshold_before or f.threshold_after.match(after):
            thr = f.threshold.search(text, m.end(), m.end() + 25)
            row = _row(tc, start, thr.end() if thr else end, "threshold", "threshold", value, None, qualifier, None, m.start("num"))
        elif turnout_before or turnout_after:
            cue = turnout_before[-1].start() if turnout_before else m.start()
            if turnout_before:
                start = cue
            else:
                end = m.end() + turnout_after.end()
            row = _row(tc, start, end, "turnout", "turnout", value, None, qualifier,
                       _scope(tc, index, cue, m.start(), m.end(), lo), m.start("num"))
        elif (backed := _backed(tc, f, index, m.end(), after)) is not None:
            subject, frame_end = backed
            row = _row(tc, start, frame_end, subject, "vote_share", value, None, qualifier,
                       _scope_after(tc, index, m.end(), national=False), m.start("num"))
        elif against := f.against_all.match(after):
            row = _row(tc, start, m.end() + against.end(), f.against_all_subject, "vote_share", value, None, qualifier, None, m.start("num"))
        elif against := f.against_all_before.search(reach := text[max(lo, m.start() - _AGAINST_ALL_REACH): m.start()]):
            # (past an aside on the option: "The 'against all' option, which returned to the ballot this year, drew")
            row = _row(tc, m.start() - len(reach) + against.start(), end, f.against_all_subject, "vote_share", value, None, qualifier,
                       None, m.start("num"))
        else:
            row = _vote_share(tc, f, index, m, lo, hi, before, after, value, qualifier)
            if row is None and (subject := _coordinated_share(tc, index, rows, previous, m.start(), before, after)) is not None:
                # "won 95.5% in 2011, on turnout of almost 90%, and 91% in 2005": the same subject's share.
                row = _row(tc, start, end, subject, "vote_share", value, None, qualifier, None, m.start("num"))
            elif row is None and (shares := [r for r in rows if r["measure"] == "vote_share"]) and previous is not None \
                    and (verb := f.share_verb_before.search(before)) \
                    and _CONNECTIVE_ONLY.fullmatch(text, previous["end"], m.start() - len(before) + verb.start()):
                # "won in 2011 with 95.55 per cent on a turnout of 89.98 per cent, and took 91.15 per cent
                # in 2005": a share verb without a subject of its own goes on with the last share's
                row = _row(tc, start, end, shares[-1]["subject"], "vote_share", value, None, qualifier, None, m.start("num"))
            elif row is None and previous is not None and previous["measure"] == "turnout" \
                    and not _named_outside_aside(tc, index, previous["end"], m.start()) and not _WAS_ELECTED_ANY.search(text, previous["end"], m.start()):
                # "turnout was 54.21 percent, up from the preliminary 54.19 percent": the same measure (not
                # "on a turnout of 77.12 percent, and a year after the president was re-elected with 97.7 percent").
                row = _row(tc, start, end, "turnout", "turnout", value, None, qualifier,
                           _scope(tc, index, lo, m.start(), m.end(), lo), m.start("num"))
            elif row is None and previous is not None and previous["measure"] == "vote_share" and _PRELIMINARY_BEFORE.search(before) \
                    and not _named_outside_aside(tc, index, previous["end"], m.start()):
                # "gave Tokayev 70.96 percent, slightly above the preliminary 70.76 percent": the same vote's first count
                row = _row(tc, start, end, previous["subject"], "vote_share", value, None, qualifier, None, m.start("num"))
            elif row is None and previous is not None and previous["measure"] == "vote_share" and _FROM_BEFORE.search(before) \
                    and not _named_outside_aside(tc, index, previous["end"], m.start()):
                # "won 71.09 percent, down from 82.2 percent in 2016": the same subject's earlier share (of
                # the election before, when no year says which)
                row = _row(tc, start, end, previous["subject"], "vote_share", value, None, qualifier, None, m.start("num"))
                row["_earlier"] = True
            elif row is None and (listed := _listed_turnout(tc, f, index, lo, m, turnouts)) is not None:
                place_start, place = listed
                row = _row(tc, place_start, end, "turnout", "turnout", value, None, qualifier, place, m.start("num"))
            elif row is None and (place := _turnout_of_place_after(tc, f, index, m)) is not None:
                row = _row(tc, start, end, "turnout", "turnout", value, None, qualifier, place, m.start("num"))
            elif row is None and not rows and (carried := _carried_measure(tc, f, index, m, rows_before, before_index)) is not None:
                subject, measure = carried
                row = _row(tc, start, end, subject, measure, value, None, qualifier,
                           _scope(tc, index, lo, m.start(), m.end(), lo) if measure == "turnout" else None, m.start("num"))
        if row is not None:
            rows.append(row)
            previous = row
            if row["measure"] == "turnout":
                turnouts.add(index)
    return _respectively(tc, f, index, rows, matches)


# A figure that opens the answer to a question naming its measure, after an adverb at most ("What
# about turnout? / Officially 69.44 percent"); one after "it" going on with the share of the sentence
# before ("He got more than 98 percent in 1991. In 1999 it was just shy of 80 percent"); one compared
# with the figure of the sentence before ("That is lower than the 77 percent reported in 2019").
_ANSWER_OPENING = re.compile(r"\s*(?:[A-Z][a-z]+ly,?\s+)?")
# ... and a record of the measure the sentences before gave ("The previous low was 56.49% in 2004")
_RECORD_WAS = re.compile(r"\s*(?:The\s+)?(?:previous|earlier|former|last|old|all-time)\s+(?:low|high|record|peak)\s+"
                         r"(?:was|had\s+been|stood\s+at|came\s+in\s+at)\s+", re.IGNORECASE)
_FIGURE_WAS = re.compile(r"\s*The\s+(?:(?:exact|precise|final|official|actual|full|confirmed|certified)\s+){1,2}(?:number|figure|result|count|tally)\b"
                         r"(?:(?!\s(?:of|for)\b)[^.;?!\d]){0,80}?\s+(?:is|was|came\s+to|stood\s+at)\s+(?:just\s+|only\s+)?")
# How far a restated figure may stand from the one it restates ("like 71%", then "71.09%").
_RESTATED_REACH = 2.0
_IT_SHARE = re.compile(r"\s*(?:In\s+(?:19|20)\d\d,?\s+)?[Ii]t\s+(?:was|came\s+to|stood\s+at|reached|fell\s+to|rose\s+to|dropped\s+to)\s+")
_THAT_COMPARED = re.compile(r"\s*(?:That|This|It)(?:'s|’s|\s+is|\s+was)\s+(?:(?:much|far|slightly|a\s+little|well|somewhat)\s+)?"
                            r"(?:lower|higher|less|more|down|up|below|above)\s+(?:than|from|on)\s+(?:the\s+)?")


def _carried_measure(tc: TextContext, f: _Frames, index: int, m: re.Match, rows_before: list[dict], before_index: int) -> tuple[str, str] | None:
    """Return ``(subject, measure)`` of a figure ``m`` that opens its sentence with no measure of
    its own and takes one from the question before it (:data:`_ANSWER_OPENING`) or from ``rows_before``,
    the paragraph's last rows (:data:`_IT_SHARE`, :data:`_THAT_COMPARED`, :data:`_RECORD_WAS`), else None."""
    s_start, s_end = tc.sentences[index]
    pos = m.start()
    if _OF_PEOPLE_WHO.match(tc.text, m.end()):
        return None  # "That is higher than the 30 percent of Kazakhs who say they trust parliament": a poll's
    # (an answer is the figure and its aside: not "40 percent of voters said they distrusted the commission")
    if index and _ANSWER_OPENING.fullmatch(tc.text, s_start, pos) and len(tc.text[s_start:s_end].split()) <= _ANSWER_WORDS \
            and not _OF_AFTER.match(tc.text, m.end()):
        q_start, q_end = tc.sentences[index - 1]
        question = tc.text[q_start:q_end].rstrip()
        if question.endswith("?") and f.turnout_word.search(tc.text, q_start, q_end) and len(question.split()) <= _QUESTION_WORDS:
            return "turnout", "turnout"
    if not tc.continues(index) or not rows_before:
        return None
    # ("it" is the share of the sentence right before: not "Inflation is a concern. It rose to 8 percent")
    if _IT_SHARE.fullmatch(tc.text, s_start, pos) and before_index == index - 1 \
            and (shares := [r for r in rows_before if r["measure"] == "vote_share"]):
        return shares[-1]["subject"], "vote_share"
    compared = [r for r in rows_before if r["measure"] in ("turnout", "vote_share")]  # (not "out of 12 million voters")
    if (_THAT_COMPARED.fullmatch(tc.text, s_start, pos) or _RECORD_WAS.fullmatch(tc.text, s_start, pos)) and compared:
        return compared[-1]["subject"], compared[-1]["measure"]
    # "... got like 71%. The exact number, from the commission's preliminary count on Monday, is 71.09%": the
    # figure of the sentence right before, restated
    if _FIGURE_WAS.fullmatch(tc.text, s_start, pos) and before_index == index - 1 and compared \
            and (value := parse_number(m.group("num"), percent=True)) is not None and abs(value - compared[-1]["value"]) <= _RESTATED_REACH:
        return compared[-1]["subject"], compared[-1]["measure"]
    return None


def _coordinated_share(tc: TextContext, index: int, rows: list[dict], previous: dict | None, pos: int, before: str,
                       after: str) -> str | None:
    """Return the subject of the sentence's last share when the figure at ``pos`` is coordinated
    with it ("took 91.15 percent in 2005 and just under 80 percent in 1999"), past a turnout given
    as an adjunct of that share ("won 95.5%, on turnout of almost 90%, and 91% in 2005")."""
    shares = [r for r in rows if r["measure"] == "vote_share" and r["start"] >= tc.sentences[index][0]]
    # a series by year is coordinated by its commas too ("79.78 per cent in 1999, 91.15 per cent in 2005 and ...",
    # "80 percent, then 91 percent in 2005")
    series = _SERIES_LINK.search(before) is not None and _YEAR_TAIL.match(after) is not None
    coordinated = _COORDINATED.search(before)
    if coordinated and (coordinated.group("word") or "").lower() == "to" and shares \
            and not _RANGE_FROM.search(tc.text, max(0, shares[-1]["start"] - 16), shares[-1]["start"] + 1) \
            and not (_CHANGED_TO.search(before) and _YEAR_TAIL.match(after)):
        # "fell to 53.9 percent" is a change, not the end of a range ("from 79.78% ... to 97.75%"); but
        # "took 91.15 per cent in 2005, rising to 95.55 per cent in 2011" is the share of another year
        coordinated = None
    if not shares or previous is None or not (coordinated or series) or not _BARE_TAIL.match(after):
        return None  # "and 10 percent of ballots were spoiled" says what the figure is
    last = shares[-1]
    if previous is not last and not (previous["measure"] == "turnout" and previous["start"] > last["end"]
                                     and _ADJUNCT.search(tc.text, max(0, previous["start"] - _ADJUNCT_REACH), previous["start"])):
        return None
    if _names_between(tc, index, last["end"], pos, ("party", "person")):
        return None
    return last["subject"]


def _referendum_share(f: _Frames, m: re.Match, before: str, after: str) -> tuple[str, int, int] | None:
    """Return ``(subject, start, end)`` when a frame around the figure ``m`` makes it a
    referendum's yes or no share ("77% of voters backed", "voted yes, or 71%", "26% were against")."""
    before_start = m.start() - len(before)
    if (yes := f.yes_frame.match(after)) and not _DENIAL.search(yes.group()):  # not "were not in favour"
        return f.yes_subject, m.start(), m.end() + yes.end()
    # its own side after it before one before it ("had voted yes, with 18.66 per cent against"), unless
    # another figure follows ("Voters said yes, 77.18 percent against 18.66 percent": a comparison; the
    # window ``after`` stops at the next figure)
    no = f.no_frame.match(after)
    if no and after[no.end():].strip() == "" and after[no.end():]:
        no = None  # the window ends at the next figure, past spaces only: "against" it is a comparison
    if no:
        return f.no_subject, m.start(), m.end() + no.end()
    if (yes := f.yes_before.search(before)) or (
            (yes := f.approval_before.search(before)) and f.approval_after.match(after) and not f.legislators.search(after[:60])) or (
            (yes := f.proposal_passed.search(before)) and _CLAUSE_ENDS.match(after)):
        return f.yes_subject, before_start + yes.start(), m.end()
    if no := f.no_before.search(before):
        return f.no_subject, before_start + no.start(), m.end()
    return None


def _respectively(tc: TextContext, f: _Frames, index: int, rows: list[dict], matches: list[re.Match]) -> list[dict]:
    """"X and Y won 1.61% and 0.64% respectively": the figures of a sentence that gives only vote
    shares go to the names before them, in their order."""
    s_start, s_end = tc.sentences[index]
    # (a threshold the shares fell short of is no share: "fell short of the 7-percent threshold,
    # winning 5.29 percent and 3.57 percent respectively")
    thresholds = [r for r in rows if r["measure"] == "threshold"]
    matches = [m for m in matches if not any(r["start"] <= m.start() < r["end"] for r in thresholds)]
    # (no row yet when no name stands right before a figure: "X and Y received 1.6 percent and 0.7
    # percent respectively", the verb before the first figure says they are shares)
    if len(matches) < 2 or not (rows or f.share_verb_before.search(tc.text, s_start, matches[0].start())) \
            or any(r["measure"] not in ("vote_share", "threshold") for r in rows) or not _RESPECTIVELY.search(tc.text, s_start, s_end):
        return rows
    named = list(dict.fromkeys(x.canonical for x in _named(tc, index, s_start, matches[0].start())))
    if len(named) != len(matches):
        return rows
    shares = list(thresholds)
    for m, subject in zip(matches, named):
        row = next((r for r in rows if r["start"] <= m.start() < r["end"]), None) or _row(
            tc, m.start(), m.end(), subject, "vote_share", parse_number(m.group("num"), percent=True), None, _qualifier(f, m), None,
            m.start("num"))
        row["subject"] = subject
        shares.append(row)
    return shares


def _listed_turnout(tc: TextContext, f: _Frames, index: int, lo: int, figure: re.Match, turnouts: set[int]) -> tuple[int, str] | None:
    """Return ``(offset, place)`` for a figure in a list of regional turnouts, else None.

    "Participation varied by region. Kyzylorda region followed at 79.89 percent, then East
    Kazakhstan region with 77.49 percent": a place shortly before a figure that no party or
    candidate claims, joined to it by list words only, in a sentence that speaks of turnout or
    follows within four sentences one that does or that gave a turnout (``turnouts``). ``lo`` is
    where the figure's stretch of the sentence begins.
    """
    pos, end_of_figure = figure.start(), figure.end()
    places = [(p, name) for p, name in tc.places_at(index, None)
              if name != tc.patterns.country and max(lo, pos - _LISTED_REACH) <= p < pos]
    if not places:
        return None
    place_start, place = places[-1]
    s_start, s_end = tc.sentences[index]
    # Only list words between the place and the figure ("followed at", "with", "reported"), never
    # a change or a share ("rose", "is", "accounts for", "the figure was"), and no noun of its own
    # after the figure ("40 percent of households").
    place_end = _PLACE_NAME.match(tc.text, place_start).end()
    # ("Turnout was 61.2 percent. In Shymkent the figure was 48.3 percent": the figure of the turnout
    # the sentence before gave, and only then)
    figure_link = index - 1 in turnouts and _FIGURE_LINK.fullmatch(tc.text, place_end, pos)
    if not (_LIST_LINK.fullmatch(tc.text, place_end, pos) or figure_link) or _OF_NOUN.match(tc.text, end_of_figure):
        return None
    # Another measure, shares of the vote or a candidate in the sentence: "The highest support for
    # the plant was recorded in Zhambyl region at 82.5 percent".
    if _OTHER_MEASURE.search(tc.text, s_start, place_start) or f.vote_before.search(tc.text, s_start, s_end) \
            or _names_between(tc, index, s_start, s_end, ("party", "person")):
        return None
    if not any(f.turnout_word.search(tc.text, *tc.sentences[i]) or i in turnouts
               for i in range(max(0, index - _LISTED_CONTEXT), index + 1)):
        return None
    return place_start, place


def _turnout_of_place_after(tc: TextContext, f: _Frames, index: int, figure: re.Match) -> str | None:
    """Return the place of a turnout named right after its figure, in a sentence that spoke of turnout
    before it and names no party, candidate, share or other measure ("Participation was far lower in the
    cities: figures released on Sunday showed 41.4 per cent in Almaty"), else None."""
    s_start, s_end = tc.sentences[index]
    said = f.turnout_word.search(tc.text, s_start, figure.start())
    if said is None or not _IN_RIGHT_AFTER.match(tc.text, figure.end()) or _OTHER_MEASURE.search(tc.text, said.end(), figure.start()) \
            or f.vote_before.search(tc.text, s_start, s_end) or _names_between(tc, index, s_start, s_end, ("party", "person")):
        return None
    return _scope_after(tc, index, figure.end())


def _backed(tc: TextContext, f: _Frames, index: int, pos: int, after: str) -> tuple[str, int] | None:
    """Return ``(subject, end)`` for "N percent of voters (in the town) had backed X": X right after the frame."""
    frame = f.backing.match(after)
    if frame is None or (_OF_THEM.match(frame.group()) and not _VOTERS_BEFORE.search(tc.text, tc.sentences[index][0], pos)):
        return None  # ("69 percent of voters took part, and 81 percent of them backed Tokayev": voters, not a rally's crowd)
    named = [x for x in tc.mentions(index) if x.start == pos + frame.end() and x.kind in ("party", "person")]
    return (named[0].canonical, named[0].end) if named else None


_OF_THEM = re.compile(r"\s*of\s+them\b", re.IGNORECASE)
_VOTERS_BEFORE = re.compile(r"\b(?:voters|electorate|electors|turnout|participation)\b", re.IGNORECASE)
# The voters a share of whom received their ballots: "by 84,1 % of voters included in the lists".
_OF_VOTERS = re.compile(r"\s*of\s+(?:the\s+|all\s+)?(?:registered\s+|eligible\s+)?(?:voters|citizens|electors|electorate)\b", re.IGNORECASE)
# A fact box's line of a label and a figure ("No: 18.66%"), and the most lines of a box.
_LABEL_LINE = re.compile(r"\s*[^\n:]{1,40}:\s*[^\n]{1,40}")
_BOX_LINES = 8


def _about_referendum(tc: TextContext, f: _Frames, index: int) -> bool:
    """Return whether a yes share in sentence ``index`` is a referendum's: the article is about one, this
    sentence or the one before names one ("In that referendum, 77 percent backed the changes"), or this
    sentence names a vote's topic ("voters backed constitutional amendments")."""
    if _kind(tc.ctx.election_id) == "referendum" or f.referendum_topic.search(tc.text, *tc.sentences[index]):
        return True
    # (a fact box's line goes back over the box's other lines to its title: "Quick Facts: Kazakh constitutional
    # referendum (June 5, 2022)" / "Yes: 77.18%" / "No: 18.66%")
    first = index
    while first > 0 and first > index - _BOX_LINES and _LABEL_LINE.fullmatch(tc.text, *tc.sentences[first]):
        first -= 1
    return any(f.referendum_word.search(tc.text, *tc.sentences[i]) for i in range(min(first, index - 1), index + 1) if i >= 0)


def _vote_share(tc: TextContext, f: _Frames, index: int, m: re.Match, lo: int, hi: int, before: str, after: str,
                value: float, qualifier: str) -> dict | None:
    """Read a percentage as a vote share when a frame says so and a subject can be named."""
    text = tc.text
    start, end = m.start(), m.end()
    vote = f.vote_after.match(after)
    verb = f.share_verb_before.search(before)
    prep = f.share_prep_before.search(before)
    named_before = _named(tc, index, lo, m.start())
    # "Akhmetbekov 1.4 percent", "the AIST bloc 7.1 percent": a name right before the figure.
    # ("..., and Karakat Abden, one of two women on the ballot, 2.6 per cent": past an aside on the name)
    # ('"Ak Zhol" – 3,27 %': a name in quotes)
    adjacent = bool(named_before) and (not (between := text[named_before[-1].end: m.start()].strip(" ,:-\u2013\u2014\"'"))
                                       or bool(f.party_noun.match(between))
                                       or bool(_ASIDE_ONLY.fullmatch(text, named_before[-1].end, m.start())))
    share_noun = f.vote_before.search(text, lo, m.start())
    # ("he was re-elected with 91 percent, and his party holds every seat": the pronoun's)
    # ("He won his previous term in a snap election in January 1999 with": further back than ``before``)
    pronoun_with = f.pronoun_with.search(text, max(lo, m.start() - _PRONOUN_WITH_REACH), m.start())
    pronoun_before = _PRONOUN.search(text, lo, m.start()) is not None or pronoun_with is not None
    if _THE_BEFORE.search(before) and (pronoun := _PRONOUN_AFTER.match(text, m.end(), hi)) \
            and _PRONOUN_RESULT_VERB.match(text, pronoun.end()):
        # "the 91.15 per cent he received in 2005", "the nearly 81 percent it gained in 2012" (before a
        # name further on: "the 70.96% he received in June 2019, when his rival, X, took 16.23%")
        subject_after = _referent(tc, index, pronoun.group("p").lower(), m.start())
    else:
        subject_after = _subject_after(tc, f, index, m.end(), hi) \
            if _THE_BEFORE.search(before) or not (named_before or pronoun_before) else None
    for_after = f.share_prep_after.match(after)
    for_named = None
    if for_after:
        # ("12.4 percent for the opposition economist Yerlan Dosov": a descriptor may stand before the name)
        at = m.end() + for_after.end()
        following = [x for x in tc.mentions(index) if x.kind in ("party", "person") and x.start >= at
                     and _DESCRIPTOR_WORDS.fullmatch(text, at, x.start)]
        for_named = following[0].canonical if following else None
        subject_after = subject_after or for_named
    # "with 98.7 percent" takes a subject named before it, or a pronoun elected with it ("He was elected with")
    elected_with = prep is not None and prep.group().strip().lower() == "with" and _ELECTED.search(before) is not None \
        and (_PRONOUN.search(text, lo, m.start()) is not None or pronoun_with is not None)
    # ("the party in power took all the seats with 88.41%": a ruling party named by its role)
    ruling = prep is not None and f.ruling_party.search(text, lo, m.start()) is not None
    # ("He was re-elected, having received 95.5 percent of the vote": a participle's share, its verb right before it)
    having = (prep is not None and _HAVING.search(before) is not None) or f.having_got.search(before) is not None
    # "He was Nazarbayev's pick in 2019, confirmed with 70.96 percent": a participle of the sentence's subject
    participle = _PARTICIPLE_WITH.search(before) is not None and _OPENING_PRONOUN.match(text, tc.sentences[index][0]) is not None
    # "improves on his 91 percent in 2005": a possessive's share
    possessive = _POSSESSIVE_BEFORE.search(before) if _POSSESSIVE_AFTER.match(after) else None
    # "won 6.61 percent against Nazarbayev's 91.15 percent", "Nazarbayev's own 97.75 percent in April":
    # a candidate's or a party's possessive right before the figure
    # (a figure with its decimals or one of a vote: not "Tokayev's 60 percent in a survey", "Nazarbayev's 30 percent, which he held")
    owner = next((x.canonical for x in tc.mentions(index) if x.kind in ("party", "person") and x.end <= m.start()
                  and _NAMED_POSSESSIVE.fullmatch(text, x.end, m.start())), None) \
        if _NAMED_POSSESSIVE_AFTER.match(after) and (_A_DECIMAL.search(m.group()) or _POSSESSIVE_AFTER.match(after)) else None
    # "Nazarbayev has won every contest by a crushing margin: 91.15 per cent in 2005 and ...": a list of
    # the sentence's subject's shares after a colon
    listed = f.listed_after_colon.search(text, lo, m.start()) is not None
    if not (vote or verb or (prep and named_before) or elected_with or adjacent or share_noun or subject_after or ruling or having
            or possessive or owner or listed or participle):
        return None
    # ("None of the other candidates won more than 2 percent": a bound, not a result; not a negation before a
    # colon that opens the results: "No party cleared the 7 per cent threshold: X polled 4.62 per cent")
    if f.negation.search(text, max([lo] + [b.end() for b in _RESULTS_OPEN.finditer(text, lo, m.start())]), m.start()):
        return None
    if f.poll_after.match(after) or f.poll_cue.search(text, tc.sentences[index][0], m.start()):
        return None  # "backed by 62 percent of respondents", "a survey by X gave Amanat 49%": a poll
    if f.part_of_other.match(after):
        return None  # "sits on about three percent of the world's oil reserves": a part of something else
    if _JOINT.match(after):
        return None  # "X and Y polled less than one percent between them": no one's share
    if _DIFFERENCE_AFTER.match(after):
        return None  # "won 7 per cent more than in 2016": a difference, no share
    if verb:
        start = m.start() - len(before) + verb.start()
    if vote:
        end = m.end() + vote.end()
    subject = owner or (subject_after if subject_after and (_THE_BEFORE.search(before) or not named_before) else None)
    if for_named and (not named_before or _FOR_NAME_BEFORE.search(text, max(lo, named_before[-1].start - _FOR_REACH), named_before[-1].start)):
        # "79.8% for Nazarbayev and 11.7% for Abdildin": in a list of shares "for" names, the name "for" gives, not
        # the one before, the figure before's (not "Tokayev was elected with 70.96% for Nur Otan": the subject's)
        subject = owner or for_named
    if verb and (obj := _OBJECT_PRONOUN.search(verb.group("verb"))):  # "credited him with": the candidate
        subject = subject or _referent(tc, index, obj.group().lower(), start)
    if possessive and not (named_before or subject):
        subject = _referent(tc, index, possessive.group("p").lower(), start)
    subject = subject or _subject(tc, f, index, start, lo)
    if subject is None and (having or listed or participle):
        # "He was re-elected ..., having first won the presidency in 2019 with 71 percent", "He was
        # Nazarbayev's pick in 2019, confirmed with 70.96 percent": the participle's subject is the sentence's
        subject = _sentence_subject(tc, index)
    if subject is None:
        return None
    return _row(tc, start, end, subject, "vote_share", value, None, qualifier, _scope_after(tc, index, end), m.start("num"))


def _kind_named_for(tc: TextContext, index: int, pos: int) -> str | None:
    """Return the kind of vote ("presidential", "parliamentary") named before a figure at ``pos`` in
    its own clause, or in the clause a relative right after it opens ("the June 2019 presidential
    election, which Tokayev won with 70.96 percent"); not one in a phrase of time ("Four months after
    Tokayev won the presidential election, voters gave Amanat 53.9 percent")."""
    text = tc.text
    s_start = tc.sentences[index][0]
    for m in reversed(list(_NAMED_KIND.finditer(text, s_start, pos))):
        between = text[m.end():pos]
        clause_start = max((b.end() for b in CLAUSE_MARK.finditer(text, s_start, m.start())), default=s_start)
        if (not CLAUSE_MARK.search(between) or _RELATIVE_AFTER_VOTE.fullmatch(between)) \
                and not _TIME_PHRASE.search(text, clause_start, m.start()):
            return m.group(1).lower()
    return None


def _named_outside_aside(tc: TextContext, index: int, start: int, end: int) -> bool:
    """Whether a party or candidate is named between two figures outside an aside of saying ("54.19%,
    the commission's deputy chairman, X, said, down from 63.3%": the speaker holds no figure)."""
    aside = _SAID_ASIDE.search(tc.text, start, end)
    spans = [(start, aside.start()), (aside.end(), end)] if aside else [(start, end)]
    return any(_names_between(tc, index, a, b, ("party", "person")) for a, b in spans)


def _sentence_subject(tc: TextContext, index: int) -> str | None:
    """Return the candidate or party sentence ``index`` opens with, named or as "He"/"She"/"It"."""
    s_start = tc.sentences[index][0]
    if pronoun := _OPENING_PRONOUN.match(tc.text, s_start) or _PRONOUN_AFTER_TIME.match(tc.text, s_start):
        return _referent(tc, index, pronoun.group("p").lower(), s_start)
    first = next((x for x in tc.mentions(index) if x.kind in ("party", "person")), None)
    return first.canonical if first is not None and not tc.text[s_start:first.start].strip(" \"'\u201c") else None


def _names_between(tc: TextContext, index: int, lo: int, hi: int, kinds: tuple[str, ...]) -> bool:
    return any(lo <= x.start and x.end <= hi and x.kind in kinds for x in tc.mentions(index))


def _named(tc: TextContext, index: int, lo: int, pos: int, kinds: tuple[str, ...] = ("party", "person")) -> list[Mention]:
    """Return the parties/candidates named in ``[lo, pos)``, skipping possessives ("Nazarbayev's party")
    unless a share noun or a win follows ("Nur Otan's share of the vote", "Tokayev's re-election in November with")."""
    f = frames(tc.lexicon)
    return [x for x in tc.mentions(index) if lo <= x.start and x.end <= pos and x.kind in kinds
            and (not tc.text.startswith("'", x.end) or f.share_noun.match(tc.text, x.end)
                 or ((win := _WIN_AFTER_POSSESSIVE.match(tc.text, x.end)) is not None and _WIN_WITH.fullmatch(tc.text, win.end(), pos)))]


# A win a possessive names: "Tokayev's re-election", "Nur Otan's landslide victory", and the words from it to its share
# ("... in November with"; not "Observers criticised Tokayev's re-election, and X got 3.42 percent").
_WIN_AFTER_POSSESSIVE = re.compile(r"'s?\s+(?:(?:landslide|snap|first|second|third|fourth|fifth|sixth|[\w-]+-term)\s+)?"
                                   r"(?:re-?election|election|victory|win|triumph)\b", re.IGNORECASE)
_WIN_WITH = re.compile(r"(?:\s+(?:in|on|of|at)(?:\s+[\w-]+){1,3}?)?\s+(?:with|by)\s+(?:[\w-]+\s+){0,2}", re.IGNORECASE)


def _subject_after(tc: TextContext, f: _Frames, index: int, pos: int, hi: int) -> str | None:
    """Return the name in "the 91 percent X won" / "the 76 seats X held": a name after the figure, then a verb."""
    for x in tc.mentions(index):
        if pos <= x.start < hi and x.kind in ("party", "person") and f.subject_after.match(tc.text, x.end) \
                and not _NEXT_CLAUSE.search(tc.text, pos, x.start):
            return x.canonical  # (not past another clause: "... with 71 percent, and last month Amanat won")
    return None


def _subject(tc: TextContext, f: _Frames, index: int, pos: int, lo: int, kinds: tuple[str, ...] = ("party", "person")) -> str | None:
    """Return the party or candidate a figure at ``pos`` belongs to.

    The nearest party/person named before it since ``lo`` (the previous figure or the sentence
    start), skipping a name set off by commas after another one ("Nur Otan, led by X, won"); in a
    presidential election a candidate is preferred to a party ("Dairabayev of the Auyl party came
    second"), in a parliamentary one a party to a person. A pronoun right before the verb points
    back to the last party ("it") or person ("he", "she") named in the preceding sentences. An office ("the incumbent", "the president")
    names the winner of the article's presidential election.
    """
    text = tc.text
    window = text[lo:pos]
    pronoun = _PRONOUN.search(window) or f.pronoun_with.search(window)
    if pronoun is None:
        named = _named(tc, index, lo, pos, kinds)
        # ("X, a former speaker who finished a distant second to Mr Nazarbayev ... with 6.6 percent": the one
        # it trailed is not its subject, unless the figure is in a clause of its own: "finished behind Tokayev,
        # who won 71 percent")
        named = [x for x in named if not (f.trailed.search(text, max(lo, x.start - 40), x.start) and not _RELATIVE_AFTER.match(text, x.end))] or named
        winner = elections_of(tc.ref).by_id.get(tc.ctx.election_id or "", (None, None, None))[2]
        leader = _LEADERS_PARTY.search(window)
        if leader and winner and "party" in kinds and _kind(tc.ctx.election_id) == "parliamentary" \
                and any(x.kind == "person" and leader.start("name") <= x.start - lo < leader.end("name") and _home_subject(tc, index, x.canonical)
                        for x in tc.mentions(index)):
            return winner  # "President Nursultan Nazarbayev's party won 80 per cent": the ruling party
        if winner and "party" in kinds and _kind(tc.ctx.election_id) == "parliamentary" \
                and f.ruling_party.search(window) and not any(x.kind == "party" for x in named):
            # "The party of President X won 60.6 percent": the party, not the president it is named by.
            return winner
        if named:
            # A presidential election's figures are candidates', a parliamentary one's parties'
            # ("the OSDP of former speaker X finished second with 4.54 percent").
            # (the kind of vote the sentence itself names first: "the June 2019 snap presidential election,
            # which Tokayev won with 70.96 percent" in an article on a parliamentary one)
            # (one "was re-elected" stood for president: "Nur Otan won all 98 seats in 2007, and Nazarbayev
            # was re-elected in April with 95.5%" in an article on a parliamentary vote)
            kind = _kind_named_for(tc, index, pos) or ("presidential" if _WAS_ELECTED.search(text[lo:pos]) else None) \
                or _kind(tc.ctx.election_id)
            preferred = {"presidential": "person", "parliamentary": "party"}.get(kind or "")
            if preferred in kinds:
                named = [x for x in named if x.kind == preferred] or named
            chosen = len(named) - 1
            opener = named[0]
            if _RELATIVE_OPENING.match(text, opener.end) and not text[tc.sentences[index][0]: opener.start].strip(" \"'\u201c") \
                    and (comma := text.rfind(",", opener.end + 1, pos)) > 0 and (predicate := f.bare_predicate.match(text, comma)) \
                    and len(text[predicate.end(): pos].split()) <= 3:
                # "Nur Otan, which was formed when Otan absorbed Asar, led by X, thus takes all 98 seats":
                # the name the sentence opens with, its relative clause run on to a predicate of its own
                return opener.canonical
            if chosen and _AND_WHICH.search(text, named[chosen].end, pos):
                # "Nur Otan, the party that X founded and which took 71.09 percent": the second relative
                # clause hangs, like the first, on the noun apposed to the name before
                apposed = next((x for x in reversed(named[:chosen]) if _APPOSED_RELATIVE.fullmatch(text, x.end, named[chosen].start)), None)
                if apposed is not None:
                    return apposed.canonical
            # "Tokayev, who took over from Nazarbayev and was elected with 71 percent": the name a
            # relative clause holding the figure hangs on. The last name's own clause too ("his
            # predecessor, Nursultan Nazarbayev, who ... won re-election with 97.7 per cent"), unless
            # a dash closes it ("Tokayev -- handpicked by Nazarbayev, who had ruled ... -- won") or
            # the name is itself set off after the one before ("Tokayev, a protege of Nazarbayev, who").
            antecedent = next((j for j in range(chosen + 1) if (rel := _RELATIVE_AFTER.match(text, named[j].end))
                               and "," not in text[rel.end(): pos]
                               and (j < chosen or not (_DASH_MARK.search(text, rel.end(), pos)
                                                       or (j and text[named[j - 1].end: named[j].start].lstrip().startswith(","))))), None)
            if antecedent is not None:
                return named[antecedent].canonical
            # "Nur Otan, led by former president X, had won": the name in the apposition is not the subject.
            while chosen > 0 and "," in text[named[chosen - 1].end: named[chosen].start] and "," in text[named[chosen].end: pos]:
                chosen -= 1
            # "Amanat -- the renamed party founded by X -- secured": nor one inside an aside between
            # dashes, unless the aside is the name itself ("the interim president -- X -- won").
            closing = _DASH.search(text, named[chosen].end, pos)
            opening = [d for d in _DASH.finditer(text, lo, named[chosen].start)]
            if closing and opening:
                aside = text[opening[-1].end(): closing.start()].strip()
                outside = [x for x in named if x.end <= opening[-1].start()]
                if outside and aside != text[named[chosen].start: named[chosen].end]:
                    return outside[-1].canonical
            return named[chosen].canonical
        # (not an office before a name of its own: "President Saakashvili, who was himself elected ...")
        if winner and _kind(tc.ctx.election_id) == "presidential" and (office := f.incumbent.search(window)) \
                and not _NAME_AFTER_OFFICE.match(window, office.end()):
            return winner
        cap = _CAPITALISED_END.search(window)
        # (not a time: "That October the Communists took 17.7 percent"; nor a security or a company:
        # "Halyk Bank GDRs gained 2.1%")
        if cap and "person" in kinds and not any(w.lower() in MONTHS or w.lower() in WEEKDAYS or w in _TIME_DETERMINERS
                                                 for w in cap.group("name").split()) and not _MARKET_NAME.search(cap.group("name")):
            return cap.group("name")
        return None
    word = "he" if pronoun.groupdict().get("age") else (pronoun.group("p") or pronoun.group("own") or pronoun.group("the")).lower()
    return _referent(tc, index, word, lo + pronoun.start(), kinds)


# A subordinate clause's opening word (not one whose clause a coordinated main clause follows:
# "when X stepped down, and Y ...").
_SUBORDINATE = re.compile(r"\b(?:when|after|as|while|before|because|although|though|until|once)\b(?![^,;]*,\s*(?:and|but)\b)")


def _opening_subject(tc: TextContext, index: int, kind: str) -> str | None:
    """Return the name sentence ``index`` opens with when every other name of that kind in it
    stands in the aside right after it ("Tokayev, a diplomat handpicked by his predecessor
    Nazarbayev, called the vote") or in a subordinate clause after it ("Tokayev, 68, came to power
    when Nazarbayev stepped down"): a later pronoun's subject. Not in "Nazarbayev handed power to
    Tokayev", where "He" is the last named."""
    start, end = tc.sentences[index]
    named = [x for x in tc.mentions(index) if x.kind == kind]
    if not named or named[0].start != start or not tc.text.startswith(",", named[0].end):
        return None
    aside_end = tc.text.find(",", named[0].end + 1, end)
    # (or in a subordinate clause after its verb: "Tokayev, 68, came to power in 2019 when
    # Nazarbayev, now 81, stepped down")
    if aside_end == -1 or any(x.start > aside_end and not _SUBORDINATE.search(tc.text, aside_end, x.start) for x in named[1:]):
        return None
    return named[0].canonical


def _referent(tc: TextContext, index: int, word: str, pos: int, kinds: tuple[str, ...] = ("party", "person")) -> str | None:
    """Return who a pronoun at ``pos`` ("he", "his", "him", "it", "the party") stands for: the one
    the sentence before opened with when the pronoun opens its own, else the person (or party)
    last named before it in sentence ``index`` or the three before; but where the same pronoun
    stands before that name in the sentence, inside its clause, whom that one stands for."""
    wanted = "person" if word in ("he", "she", "his", "her", "him") else "party"
    if wanted not in kinds:
        return None
    if word.startswith("the"):  # "the party took": only a party named alone
        return tc.named_before(index, pos, "party", back=3)
    s_start = tc.sentences[index][0]
    if index and not tc.text[s_start:pos].strip() and (subject := _opening_subject(tc, index - 1, wanted)):
        return subject
    for i in range(index, max(-1, index - 4), -1):
        hits = [x for x in tc.mentions(i) if x.kind == wanted and (i < index or x.end <= pos)]
        if hits:
            # "In 2019, when he was his predecessor Nazarbayev's choice, he took 70.96%": the same
            # pronoun before that name in the sentence stands for the same one, named before it.
            # Not where the name opens the main clause ("When he ran, Tokayev said he won").
            same = (_SAME_PRONOUN[word].search(tc.text, s_start, hits[-1].start)
                    if i == index and word in _SAME_PRONOUN and not tc.text[:hits[-1].start].rstrip().endswith(",") else None)
            if same is not None:
                return _referent(tc, index, word, same.start(), kinds)
            return hits[-1].canonical
    return None


def _scope(tc: TextContext, index: int, cue: int, pos: int, end: int, lo: int) -> str | None:
    """Return the region or city a turnout applies to.

    A place right after the figure ("60 percent in Almaty"), one between the turnout cue and the
    figure ("turnout in the Almaty region was 30%"), one just before the cue ("in Almaty turnout was
    26 percent"), or one later in the figure's clause. A place elsewhere in the sentence ("told a briefing in the capital
    that turnout was ...") says where something was said, not what the figure covers.
    """
    # (a place right after the figure first: "turnout ranged from 80.66% in Turkistan region to just 33.3% in Almaty")
    if _IN_RIGHT_AFTER.match(tc.text, end) and (right_after := _scope_after(tc, index, end)) is not None:
        return right_after
    country = tc.patterns.country
    text = tc.text
    for p, name in reversed(tc.places_at(index, None)):
        if name == country:
            continue
        if max(lo, cue - 20) <= p < pos and (p >= cue or _IN_BEFORE.search(text, max(lo, p - 12), p)):
            return name
    return _scope_after(tc, index, end, national=False)


def _scope_after(tc: TextContext, index: int, end: int, *, national: bool = True) -> str | None:
    """Return a place after a figure ("60 percent in Almaty"), None when the figure is national.

    A vote share takes only a place right after it; a turnout also one later in its clause
    ("about 30 percent -- was recorded in Almaty"), up to the next comma.
    """
    country = tc.patterns.country
    text = tc.text
    s_end = tc.sentences[index][1]
    # (past the comma that closes the figure's aside: "The highest, 66.46 percent, was recorded in Kyzylorda")
    comma = text.find(",", end + 1 if text.startswith(",", end) else end, s_end)
    # (a national figure's place stands right after it: "81.31 percent in the capital Astana", not "81.31
    # percent, the commission in Astana said")
    if national and not (right := _IN_RIGHT_AFTER.match(text, end)):
        return None
    limit = right.end() if national else (comma if comma >= 0 else s_end)
    for p, name in tc.places_at(index, None):
        if name != country and end <= p <= limit and _IN_BEFORE.search(text, max(end, p - _RIGHT_AFTER_REACH), p):
            return name
    return None


def _counts(tc: TextContext, f: _Frames, index: int) -> list[dict]:
    """Read the counts of sentence ``index``: seats, seats contested, parties, registered voters."""
    text = tc.text
    s_start, s_end = tc.sentences[index]
    rows = []
    lowered = tc.folded[s_start:s_end]
    lo = s_start
    seats = f.seats.finditer(text, s_start, s_end) if any(word in lowered for word in f.seats_keys) else ()
    seat_named = "seat" in lowered or "mandate" in lowered  # (else "deputies" alone, which need a verb of getting)
    totals: set[float] = set()
    wholes: set[float] = set()  # the seat totals a stated count was "of"
    seat_ends: list[int] = []
    opener = _SEATS_OPENER.match(text, s_start, s_end)
    for m in seats:
        if opener is not None and m.start() < opener.end():
            continue  # "Of the 69 list seats, Amanat obtained 40, Auyl 8": the whole the counts after it are of
        value = parse_number(m.group("num"))
        if value is None or PERCENT_SIGN.match(text, m.end("num")) or MORE_DIGITS.match(text, m.end("num")):
            continue  # a share ("9%", "9.1%"), not seats
        if value != 1 and not m.group().lower().endswith("s"):
            continue  # a singular word counts one seat: "won just one seat", not "the 2 seat majority"
        if _YEAR_AFTER_PREPOSITION.search(text, max(lo, m.start("num") - 8), m.end("num")):
            continue  # "from 2012 had seats in parliament": a year, no count
        if _NOT_SEATS_BETWEEN.search(text, m.end("of") if m.group("of") else m.end("num"), m.end()):
            continue  # "30 percent of deputies", "nine more deputies": a share or an addition, no party's seats
        if not seat_named and not _GETS_BEFORE.search(text, max(lo, m.start() - 30), m.start()):
            continue  # "Amanat expelled three deputies": members, not seats won, unless got ("will have eight deputies")
        of = parse_number(m.group("of")) if m.group("of") else None
        if of and value == 1 and _EVERY.search(text, max(lo, m.start() - 8), m.start()):
            value = of  # "every one of the 98 elected seats": all of them
        elif of is None and _ALL.search(text, max(lo, m.start("num") - _ALL_REACH), m.start("num")):
            of = value  # "won all 98 elected seats": all of the seats there were
        qualifier = _qualifier(f, m)
        before = text[lo: m.start()]
        each = _EACH.match(text, m.end())
        end = each.end() if each else m.end()
        after = _subject_after(tc, f, index, m.end(), min(s_end, m.end() + 60)) if _THE_BEFORE.search(before[-20:]) else None
        if each:
            # "Ak Zhol and the Communist People's Party will have 7 seats each": one row per party.
            subjects = list(dict.fromkeys(x.canonical for x in _named(tc, index, lo, m.start(), ("party",))))
        elif (went := _FOR_PARTY.match(text, m.end())) and (party := next((x for x in tc.mentions(index) if x.kind == "party"
                                                                             and x.start == went.end()), None)):
            subjects = [party.canonical]  # "61 seats for Amanat"
            end = party.end
        else:
            subject = after or _subject(tc, f, index, m.start(), lo, kinds=("party",)) or _aside_owner(tc, index, lo, m.start())
            if subject is None and (earlier := [r for r in rows if r["measure"] == "seats"]) and _GETS_BEFORE.search(before[-30:]) \
                    and _AND_ONLY.fullmatch(text, earlier[-1]["end"], m.start()) and not _names_between(tc, index, earlier[-1]["end"], m.start(), ("party",)):
                subject = earlier[-1]["subject"]  # "Amanat took 40 of the 69 list seats and, with its districts, will control 62"
            subjects = [subject] if subject else []
        if f.contested.search(before[-40:]) or f.contested.search(text, m.end(), min(s_end, m.end() + 30)) or (not subjects and of):
            rows.append(_row(tc, m.start(), end, "seats contested", "seats_contested", value, of, qualifier, None, m.start("num")))
        else:
            if of is None and (chamber := _CHAMBER_SIZE.match(text, m.end()) or _SEATS_OUT_OF.match(text, m.end())):
                of = parse_number(chamber.group("of"))  # a party's seats of the chamber, not seats to fill ("42 seats out of 77")
            rows += [_row(tc, m.start(), end, s, "seats", value, of, qualifier, None, m.start("num")) for s in subjects]
            totals.add(of or value)
            if of:
                wholes.add(of)
            seat_ends.append(end)
        lo = m.end()
    if opener is not None:
        seat_ends.insert(0, opener.end())  # "Of the list seats, Amanat takes 40, Auyl 8, ..."
        if opener.group("of"):
            wholes.add(parse_number(opener.group("of")))
    if seat_ends:
        rows += _elliptical_seats(tc, f, index, seat_ends, totals, wholes)
    for m in f.parties.finditer(text, s_start, s_end) if "part" in lowered else ():
        value = parse_number(m.group("num"))
        frame = f.contesting.match(text, m.end(), s_end)
        if value is not None and frame:
            rows.append(_row(tc, m.start(), m.end() + frame.end() - frame.start(), "parties", "parties_contesting", value, None, "exact",
                             None, m.start("num")))
    found = [*f.registered.finditer(text, s_start, s_end), *f.registered_out_of.finditer(text, s_start, s_end)] \
        if any(w in lowered for w in _REGISTERED_KEYS) else []
    for m in sorted(found, key=lambda m: m.start()):  # "out of 11,953,465 who were eligible" too
        value = parse_number(m.group("num"))
        if value is not None and value < _RATIO_MAX and _RATIO_BEFORE.search(text, max(s_start, m.start("num") - 24), m.start("num")):
            continue  # "fewer than one in three eligible voters": a ratio, not a count
        if value is not None and not any(r["start"] <= m.start() < r["end"] for r in rows):
            qualifier = _qualifier(f, m) if "qual" in m.re.groupindex else "exact"
            rows.append(_row(tc, m.start(), m.end(), "registered voters", "registered_voters", value, None, qualifier, None,
                             m.start("num")))
    return rows


# "one in three", "2 in 5": the first figure of a ratio, before the count's own (a small one: "7.4
# million out of 11,953,465 eligible" is a count).
_RATIO_MAX = 100
_RATIO_BEFORE = re.compile(rf"\b(?:{_WORD_NUM}|an?)\s+(?:in|out\s+of)\s+(?:every\s+)?$", re.IGNORECASE)
# Verbs by which a party gets seats ("Amanat takes 40", "Auyl will have eight deputies").
_GETS_SEATS = r"(?:will\s+have|will\s+get|will\s+control|won|wins|gets|got|receives|received|takes|took|holds|held|secured|obtained|gained|has|have|controls|controlled)"
# A party's bare number after it, a verb of taking or a dash between: "Of the list seats, Amanat
# takes 40, Auyl 8", "Amanat received 40 mandates, Auyl \u2013 8".
_PARTY_NUMBER = re.compile(rf"(?:\s*(?:[\u2013\u2014:]|--?)\s*|\s+(?:{_GETS_SEATS}\s+)?)(?:another\s+|a\s+further\s+)?"
                           rf"(?P<num>{_WORD_NUM})(?=\s*(?:[,;)]|\.(?!\d)|and\b|$))", re.IGNORECASE)
# More seats than any chamber has (the Mazhilis has had 67 to 107; the Kurultai of 2026, 145).
_LARGEST_CHAMBER = 500
_FOR_PARTY = re.compile(r"\s+(?:for|to)\s+(?:the\s+)?|\s+(?:is|are|was|were|(?:has|have)\s+been)\s+(?:held|won|taken|occupied|controlled)\s+by\s+"
                        r"(?:the\s+)?(?-i:[a-z][\w-]*\s+){0,2}", re.IGNORECASE)
# "61 seats for Amanat, 12 for Auyl", "allocate 40 of the 69 seats to Amanat, eight to Auyl", "every one of
# the 98 seats is held by the presidential Nur Otan party": a count and the party it went to.
_NUMBER_FOR = re.compile(rf"\b(?P<num>{_WORD_NUM})(?:{_FOR_PARTY.pattern})", re.IGNORECASE)
# A sentence opening with the seats it shares out: "Of the list seats, ...", "Of the 69 seats, ...".
_SEATS_OPENER = re.compile(rf"(?:Of|Among)\s+(?:the\s+)?(?:(?P<of>{_WORD_NUM})\s+)?(?:[\w-]+\s+){{0,2}}?(?:seats|mandates),", re.IGNORECASE)
_SHARE_OF = re.compile(rf"\b(?P<num>{_WORD_NUM})\s+(?:out\s+)?of\s+(?:the\s+|those\s+)?(?P<of>{_WORD_NUM})\b(?!\s*(?:%|-|per|[A-Za-z]))",
                       re.IGNORECASE)


def _aside_owner(tc: TextContext, index: int, lo: int, pos: int) -> str | None:
    """Return the party whose relative clause closes between ``lo`` and ``pos``: "Amanat, which took
    40 list seats, will control 62 of the 98 seats" (the figure before, in the clause, set ``lo``)."""
    s_start = tc.sentences[index][0]
    parties = {x.end: x.canonical for x in tc.mentions(index) if x.kind == "party"}
    for aside in _RELATIVE_ASIDE.finditer(tc.text, s_start, pos):
        if aside.start() in parties and aside.start() < lo <= aside.end() <= pos:
            # not past a verb of saying ("Ak Zhol, which won 6 seats, complained that independents
            # will hold 29 of the 98 seats")
            if tc.patterns.speech_verb.search(tc.text, aside.end(), pos) or _THAT_WORD.search(tc.text, aside.end(), pos):
                return None
            return parties[aside.start()]
    return None


def _elliptical_seats(tc: TextContext, f: _Frames, index: int, seat_ends: list[int], totals: set[float],
                      wholes: set[float]) -> list[dict]:
    """Read the seat counts that leave out "seats" after a stated one.

    "Ak Zhol will have 12 seats and the People's Party 10": a party followed by a bare number (of
    the whole the stated count gave, when it gave one: "76 of the 98 seats ..., Ak Zhol 12");
    "will share the 10 seats, with Otan taking seven of the 10": a share of a seat total the
    sentence has just given.
    """
    text = tc.text
    s_start, s_end = tc.sentences[index]
    rows = []
    first = seat_ends[0]
    of = next(iter(wholes)) if len(wholes) == 1 else None
    for x in tc.mentions(index):
        if x.kind == "party" and x.start >= first and (m := _PARTY_NUMBER.match(text, x.end, s_end)):
            value = parse_number(m.group("num"))
            if value is not None and not _YEAR_RE.match(m.group("num")):
                # "...; in the Almaty city council, Amanat 25": another body's seats, not of the same whole
                same_whole = of and value < of and not _OTHER_BODY.search(text, first, x.start)
                rows.append(_row(tc, x.start, m.end(), x.canonical, "seats", value, of if same_whole else None,
                                 "exact", None, m.start("num")))
    # (no more seats than the whole the sentence gave, or than any chamber has: "3,400,000 votes for X"
    # are no seats; nor "for X's bill")
    most = max(wholes, default=_LARGEST_CHAMBER)
    for m in _NUMBER_FOR.finditer(text, first, s_end):
        value = parse_number(m.group("num"))
        party = next((x for x in tc.mentions(index) if x.kind == "party" and x.start == m.end()), None)
        if value is not None and party is not None and value <= most and not _YEAR_RE.match(m.group("num")) \
                and not text.startswith("'", party.end):
            rows.append(_row(tc, m.start(), party.end, party.canonical, "seats", value, of if of and value < of else None,
                             "exact", None, m.start("num")))
    for m in _SHARE_OF.finditer(text, first, s_end):
        value, of = parse_number(m.group("num")), parse_number(m.group("of"))
        subject = _subject(tc, f, index, m.start(), first, kinds=("party",))
        if value is not None and of in totals and value < of and subject:
            rows.append(_row(tc, m.start(), m.end(), subject, "seats", value, of, "exact", None, m.start("num")))
    return rows


_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
# "President Nursultan Nazarbayev's party": a leader's party (the ruling party when the leader is Kazakh).
_LEADERS_PARTY = re.compile(r"(?P<name>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,3})'s\s+(?:ruling\s+)?party\b")
_OTHER_BODY = re.compile(r";|\bwhile\b|\b(?:council|councils|districts?|maslikhats?|senate|regions?|city)\b", re.IGNORECASE)
_GETS_BEFORE = re.compile(rf"\b{_GETS_SEATS}\s+(?:\w+\s+)?$", re.IGNORECASE)
# A figure given as the one a change started from: "down from 82.2 percent", "up from the 63 percent".
_FROM_BEFORE = re.compile(r"\b(?:down|up|rising|falling|fell|rose|dropping|climbing)\s+from\s+(?:the\s+|a\s+|its\s+|his\s+)?(?:\w+\s+)?$",
                          re.IGNORECASE)
# A figure set against the same vote's first count ("slightly above the preliminary", "down from the initial").
_PRELIMINARY_BEFORE = re.compile(r"\b(?:above|below|over|under|(?:higher|lower|more|less)\s+than|(?:up|down)\s+(?:on|from)|from|"
                                 r"against|compared\s+(?:with|to))\s+(?:the|an?|its|his|her)\s+(?:preliminary|initial|provisional)\s+$",
                                 re.IGNORECASE)
_YEAR_AFTER_PREPOSITION = re.compile(r"\b(?:from|since|in|until|till|by|after|before)\s+(?:19|20)\d\d$", re.IGNORECASE)
_NOT_SEATS_BETWEEN = re.compile(r"\b(?:percent|per\s+cent|more)\b", re.IGNORECASE)
# "42 seats out of 77" (not "62 seats of the 2023 convocation", "of the 2,000 candidates")
_SEATS_OUT_OF = re.compile(rf"\s+out\s+of\s+(?:the\s+)?(?P<of>{_WORD_NUM})(?=\s*(?:[,.;)]|$|\s+(?:seats|in|on|at|for)\b))", re.IGNORECASE)
_EVERY = re.compile(r"\b(?:every|each)\s+$", re.IGNORECASE)
# "won all 98 seats" (not "84 of all 98 seats", "fielded candidates for all 98 seats")
# (the verb's second object too: "took 88% of the vote and all 98 elected seats")
_ALL = re.compile(r"\b(?:won|wins|win|took|takes|secured|swept|captured|claimed|gained|holds?|held|occup(?:y|ies|ied))\s+"
                  r"(?:[^,;.]{1,40}?\s+and\s+)?all\s+(?:the\s+)?$", re.IGNORECASE)
_ALL_REACH = 70
_DIGIT = re.compile(r"\d")
# Between a threshold and a party's figure ("the 5 per cent barrier at 2.3 per cent"; not "lowered
# the 7 percent threshold to 5 percent").
_AT_FIGURE = re.compile(r"\s+at\s+", re.IGNORECASE)
# A dash that closes an aside ("Tokayev -- handpicked by Nazarbayev, who ... -- won").
_DASH_MARK = re.compile(r"\s(?:--|\u2014|\u2013)\s|\u2014")
# A non-restrictive relative clause: ", which boycotted the last parliamentary vote,".
# (after the name's abbreviation, if any: "the National Social Democratic Party (OSDP), which ...")
_RELATIVE_ASIDE = re.compile(r"(?:\s*\([^()]{1,30}\))?,\s*(?:which|who|whose)\b[^,;]*(?:,|$)")
# ... and an appositive noun phrase between commas: ", the only opposition party in the outgoing chamber,".
_APPOSITIVE_ASIDE = re.compile(r"(?:\s*\([^()]{1,30}\))?,\s*(?:the|a|an|its|their)\s[^,;]*,")
# "since" before a year in its clause: the year starts a span ("the highest since ... in 1991"),
# unless a figure stands between them ("since it won 88% of the vote in 2007"), a clause on that
# vote follows ("since August 1995, when the new constitution passed with 89%", "since the 2007
# vote, in which ...") or "since" opens the sentence ("Since the opposition boycotted the 2005
# vote, ...": because).
_SINCE = re.compile(r"\bsince\b(?:(?!\b(?:and|but|while|whereas|who|which)\b)[^,;()])*$", re.IGNORECASE)
_SINCE_REACH = 80
_WHEN_CLAUSE = re.compile(r"(?:\s+[\w-]+){0,3}?\s*,?\s*(?:when|in\s+which)\b")
# What may stand between a figure and the year cue that dates it alone: "91% in 2005", "88 percent of the vote in 2007",
# "95.5 percent in April 2011" (a cue of a month and year starts at the month), "95.5 percent in a
# snap election in April 2011" (the vote named between).
_ATTACHED = re.compile(r"(?:\s+(?:he|she|it|they)\s+(?:had\s+)?(?:won|took|received|got|secured|polled|gained))?"
                       r"(?:\s+of\s+(?:the\s+)?(?:vote|votes|ballots)(?:\s+cast)?)?"
                       r"(?:\s+(?:in|at)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:election|vote|poll|ballot))?\s*,?\s*(?:in\s+|held\s+in\s+)?")
# A list item's label of its date: "- December 1, 1991 (Presidential): ...", "2004 \u2013 ...".
_DATE_LABEL = (rf"(?:[-\u2022*\u2013]\s*)?(?:(?P<label_month>{'|'.join(m.capitalize() for m in _MONTH_NAMES)})\s+\d{{1,2}},?\s+|\d{{1,2}}\s+"
               rf"(?P<label_month_after>{'|'.join(m.capitalize() for m in _MONTH_NAMES)})\s+)?(?P<label_year>(?:19|20)\d\d)(?:\s*\([^()]{{1,30}}\))?\s*[:\u2013\u2014]")
_ITEM_LABEL = re.compile(rf"\s*{_DATE_LABEL}")
# (and a list item's date label)
_OPENING = re.compile(rf"\s*(?:(?:[Ii]n|[Aa]t|[Dd]uring|[Bb]ack in|[Ss]ince)\b[^,;]{{0,60}},|{_DATE_LABEL})")
# Where a clause that may open with an adverbial of its own starts inside a sentence.
_CLAUSE_OPENER = re.compile(r"[:;]\s+")
# A relative clause's start.
_RELATIVE_START = re.compile(r"\s*(?:which|where|when|in\s+which|at\s+which|whose)\b", re.IGNORECASE)
# Where a clause after a figure begins: a name there is no subject of the figure.
_NEXT_CLAUSE = re.compile(r";|,\s*(?:and|but|while|whereas)\b", re.IGNORECASE)
# A perfect participle before a figure ("having first won the presidency in June 2019 with").
_HAVING = re.compile(rf"\bhaving\s+{_HAVING_ADVERB}(?:won|been\s+(?:re-?)?elected|secured|taken)\b", re.IGNORECASE)
_POSSESSIVE_BEFORE = re.compile(r"\b(?P<p>his|her|its)\s+(?:own\s+)?$", re.IGNORECASE)
# ... of a vote: "his 91 percent in 2005", "its 71 percent of the vote" (not "its 20 percent pay rise")
_POSSESSIVE_AFTER = re.compile(r"\s+(?:of\s+the\s+(?:vote|votes|ballots)|share\b|in\s+(?:the\s+)?(?:(?:19|20)\d\d|[\w-]+\s+(?:election|vote|poll)))",
                               re.IGNORECASE)
_RIGHT_AFTER_REACH = 24  # how far after a figure its place stands: " in the capital, Astana"
_PARTICIPLE_WITH = re.compile(rf",\s+(?:{_ELECTED.pattern})\s+with\s+$", re.IGNORECASE)
_CLAUSE_ENDS = re.compile(r"\s*(?:[,.;]|$)")
_AGAINST_ALL_REACH = 140  # how far before its figure the "against all" option may be named
# ... of a name: "Nazarbayev's 91.15 percent", "Nazarbayev's own 97.75 percent in April", then no noun
# of something else ("Tokayev's 70 percent approval rating")
_NAMED_POSSESSIVE = re.compile(r"['\u2019]s\s+(?:own\s+)?")
_NAMED_POSSESSIVE_AFTER = re.compile(r"(?:\s+of\s+the\s+(?:vote|votes|ballots))?(?:\s*(?:[,.;)]|$)|\s+(?:in|at|on|against|when|that|was|were|is|are|remains|remained|and)\b)",
                                     re.IGNORECASE)
_SAID_ASIDE = re.compile(r",\s*(?:[^,;]{1,60},\s*){0,2}[^,;]{0,60}\b(?:said|says|added|told\s+reporters)\s*,")
# How far back of a figure "He won ... with" is looked for ("He won his previous term in a snap
# election in January 1999 with 79.78 percent").
_PRONOUN_WITH_REACH = 100
# Between a vote and a figure in the relative clause it opens: ", which Tokayev won with".
_RELATIVE_AFTER_VOTE = re.compile(r"[^,;]*,\s*(?:which|in\s+which|when|where)\b[^,;]*")
# A phrase of time a vote may stand in: "Four months after ...", "since ...", "unlike ...".
_TIME_PHRASE = re.compile(r"\b(?:after|before|since|unlike|following|ahead\s+of)\b", re.IGNORECASE)
_NAMED_KIND = re.compile(r"\b(presidential|parliamentary)\s+(?:election|vote|poll|race|ballot)", re.IGNORECASE)
_OPENING_PRONOUN = re.compile(r"\s*(?P<p>He|She|It)\b")
# ... after the time the sentence opens with ("In April 2011 he was re-elected", "In 2005, she ran")
_PRONOUN_AFTER_TIME = re.compile(r"\s*(?:In|On|By|Back\s+in)\s+(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?(?:(?:19|20)\d\d)?,?\s+(?P<p>he|she|it)\b")
# "then" for the time the sentence before named ("... was held on June 5, 2022. Then 77.18% supported
# the amendments"; "X was runner-up then with 11.7 percent", "Turnout then was 58 percent"), not a next
# step ("Then, on Monday, ...").
_THEN = re.compile(r"(?<![\w,] )\bThen\b(?!\s*,)(?!\s+(?:on|in|at|the|came|a)\b)|\b(?:was|were|came|finished|stood|ran|placed)\s+(?:[\w-]+\s+){1,2}?then\b"
                   # ("Ak Zhol, then in opposition, won one seat": "then" opening an aside set off by commas)
                   r"|,\s+then\s+[^,.;]{1,40},"
                   r"|\b(?:[Tt]urnout|[Pp]articipation)\s+(?:then\s+(?:was|were|stood)|(?:was|were|stood)\s+then)\b")  # ("Turnout then was 58 percent", "The turnout was then 56 %")
# A time of the sentence's own ("on Sunday", "yesterday"): no "then" or "It took" reaches back past it.
_OWN_TIME = re.compile(rf"\b(?:{starting_words([w.capitalize() for w in WEEKDAYS])}|yesterday|today|this\s+week)\b")
# "for" and what may describe a name before it, ending at the name ("79.8% for Nazarbayev", "for the communist ").
_FOR_NAME_BEFORE = re.compile(r"\bfor\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_FOR_REACH = 40
# What may describe a candidate between "for" and the name ("for the opposition journalist X",
# "for veteran communist leader X"): a role noun, after up to two words that qualify it.
# (or "the" and lower-case words alone: "11.7 percent for the communist Serikbolsyn Abdildin")
_DESCRIPTOR_WORDS = re.compile(r"(?:(?:[A-Za-z][\w-]*\s+){0,3}(?:leader|candidate|chairman|chairwoman|head|deputy|senator|journalist|activist|"
                               r"nominee|challenger|rival|speaker|economist|businessman|businesswoman|lawyer|politician|mayor|governor)\s+"
                               r"|the\s+(?!other\b|rest\b)(?:(?!of\b)[a-z][\w'-]*\s+){1,2})?")
# A place in the race a stretch before dated: "...; X came second with 11.7%", "Y was runner-up on 6.6%".
_RUNNER_UP = re.compile(r"\b(?:came|finished|placed|ended|was)\s+(?:a\s+(?:distant\s+)?)?(?:second|third|fourth)\b|\brunner-up\b",
                        re.IGNORECASE)
# A sentence going on with the previous one's subject in the past: "It took 84 seats", "He won 91%".
_GOES_ON = re.compile(r"\s*(?:It|He|She|They)\s+(?:also\s+)?(?:took|won|got|gained|received|secured|garnered|polled|captured|finished|came)\b")
# ... or with the turnout of the vote it opened with ("... was re-elected in April with 95.5 per cent.
# Turnout was put at almost 90 per cent"; not after "won 82.2 per cent, more than the 81 it got in 2012").
# A turnout sentence that names a vote of its own kind or none in particular ("Turnout in the referendum was
# 68 percent", "Turnout at parliamentary elections is usually lower").
_OWN_KIND = re.compile(r"\b(?:presidential|parliamentary|referendum|plebiscite|Mazhilis|Senate|local|usually|often|typically|generally|always)\b",
                       re.IGNORECASE)
_TURNOUT_GOES_ON = re.compile(r"\s*Turnout\s+(?:was|stood|reached|came)\b")
_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")


def _kind(election_id: str | None) -> str | None:
    """Return the kind in an election id (``2021-01-10-parliamentary`` -> ``parliamentary``)."""
    return election_id.split("-", 3)[-1] if election_id else None


def _assign_elections(tc: TextContext, f: _Frames, index: int, rows: list[dict], before: list[dict]) -> None:
    """Set each row's ``election_id``: the article's, or the one a cue in the row's stretch names.

    The sentence is cut into stretches at contrast words (``segment_breaks``); a year or a
    "previous election" cue dates every figure in its stretch, and no other. ``before`` holds the
    rows of the sentence before.
    """
    text = tc.text
    s_start, s_end = tc.sentences[index]
    cuts = [s_start] + [m.start() for m in f.breaks.finditer(tc.folded, s_start, s_end)] + [s_end]
    years: dict[int, set[tuple[int, int]]] = {}
    placed: list[tuple[int, tuple[int, int]]] = []  # (offset, cue) of the stretches' cues
    attached: dict[int, set[tuple[int, int]]] = {}  # row index -> the cue right after its figure
    previous: set[int] = set()
    # "X, which boycotted the 2021 vote, got 5.2%": a cue in a relative clause on a party or a
    # candidate describes it and dates only the figures inside the clause (on a vote, "the
    # elections, which were held in January 2021", it dates the vote).
    names_end = {x.end for x in tc.mentions(index) if x.kind in ("party", "person")}
    # (so does one in an apposition: "Y, the only opposition party in the outgoing chamber, got 3%")
    # (not one naming a vote, which dates the clause it describes: "X, the winner of the 2016 election, took 84 seats")
    asides = [(a.start(), a.end()) for pattern in (_RELATIVE_ASIDE, _APPOSITIVE_ASIDE)
              for a in pattern.finditer(text, s_start, s_end)
              if a.start() in names_end and not (pattern is _APPOSITIVE_ASIDE and _VOTE_NOUN.search(a.group()))]
    for m, cue in _year_cues(text, s_start, s_end) + _relative_cues(f, text, s_start, s_end, tc.ctx.published) + _same_year_cues(tc, index):
        if (since := _SINCE.search(text, max(s_start, m.start() - _SINCE_REACH), m.start())) \
                and text[s_start: since.start()].strip(" \"'\u201c") \
                and not any(since.start() < row["start"] < m.start() for row in rows) and not _WHEN_CLAUSE.match(text, m.end()):
            continue  # "the highest since the republic gained independence in 1991": where a span starts
        if m.re is _YEAR_CUE and m.group("y4"):
            # "three parties sit in the Mazhilis for the first time since 2007, when Nur Otan took 88pc":
            # the clause's figures, after it
            segment = bisect.bisect_right(cuts, m.start())
            clause_end = (m2.start() if (m2 := CLAUSE_BREAK.search(text, m.end(), s_end)) else s_end)
            for i, row in enumerate(rows):
                if m.start() < row["start"] < clause_end and bisect.bisect_right(cuts, row["start"]) == segment:
                    attached.setdefault(i, set()).add(cue)
            continue
        if aside := next(((a, b) for a, b in asides if a <= m.start() < b), None):
            for i, row in enumerate(rows):
                if aside[0] <= row["start"] < aside[1]:
                    attached.setdefault(i, set()).add(cue)
            continue
        # "won 95.5% in 2011, ... and 91% in 2005": a cue right after a figure dates that figure only.
        owner = next((i for i, row in enumerate(rows) if _ATTACHED.fullmatch(text, row["end"], m.start())), None)
        if owner is not None:
            attached.setdefault(owner, set()).add(cue)
            continue
        years.setdefault(bisect.bisect_right(cuts, m.start()), set()).add(cue)
        placed.append((m.start(), cue))
    for m in f.previous.finditer(tc.folded, s_start, s_end):
        if not any(a <= m.start() < b for a, b in asides):
            previous.add(bisect.bisect_right(cuts, m.start()))
    # "At that election, ...": the election the previous sentence dates.
    anaphors = {bisect.bisect_right(cuts, m.start()) for m in f.same_election.finditer(tc.folded, s_start, s_end)}
    # "then" for the vote the sentence before named, and a sentence going on with its subject in the past
    # ("At the March 2016 election, Nur Otan won 82.2%. It took 84 seats"), when it names no time of its own
    going_on = set()
    if index and not _OWN_TIME.search(text, s_start, s_end):
        going_on = {bisect.bisect_right(cuts, m.start()) for m in _THEN.finditer(text, s_start, s_end)}
        if _GOES_ON.match(text, s_start, s_end):
            going_on |= set(range(1, len(cuts)))
    # "... was re-elected in April with 95.5 per cent. Turnout was put at almost 90 per cent": the
    # turnout of the vote whose shares the sentence before gave (all of one vote), when it named its time first
    shared = {r["election_id"] for r in before if r["measure"] == "vote_share"}
    # (in a story about no vote, any turnout after them: "Official results gave X 79.78 percent and Y 11.7
    # percent. The Central Election Commission put turnout at about 87 percent")
    # (or of a vote before the article's: "In the last presidential election, in January 1999, Nazarbayev won 79.78
    # percent. Abdildin, who came second, received 11.7 percent. Turnout was reported at 87 percent")
    opened = shared.pop() if len(shared) == 1 and index and not _OWN_TIME.search(text, s_start, s_end) \
        and (_TURNOUT_GOES_ON.match(text, s_start, s_end) and (_opens_dated(tc, f, index - 1) or tc.ctx.election_id not in (None, *shared))
             or tc.ctx.election_id is None and not _OWN_KIND.search(text, s_start, s_end)) else None
    # (a month named beside its vote counts too: "after a constitutional referendum in June ... In that referendum, ...")
    # (going on takes only the time of a sentence about a vote: "At the March 2016 election", "The
    # previous referendum ... was held on June 5, 2022"; not "became president in 2019")
    p_start, p_end = tc.sentences[index - 1] if index else (0, 0)
    earlier_cues: set[tuple[int, int]] = set()
    if anaphors or (going_on and _VOTE_NOUN.search(text, p_start, p_end)):
        earlier_cues = {cue for _, cue in _year_cues(text, p_start, p_end) + _relative_cues(f, text, p_start, p_end, tc.ctx.published)}
    anaphors |= going_on
    # "In the outgoing Mazhilis, X held 84 seats, while Y had seven": a cue in the opening adverbial of the
    # sentence, or of a clause after its colon or semicolon ("...: in the June 2019 election, turnout in
    # Mangystau was 68.9 per cent, against 77.4 per cent nationally"), frames the rest, not only its own stretch.
    framing = [(at, segment) for at in [s_start, *(m.end() for m in _CLAUSE_OPENER.finditer(text, s_start, s_end))]
               if (opening := _OPENING.match(text, at, s_end)) and opening.end() <= cuts[segment := bisect.bisect_right(cuts, at)]]
    segments = [bisect.bisect_right(cuts, row.pop("_anchor")) for row in rows]
    for i in sorted(attached):
        # "Nur Otan took 88% of the vote and all 98 elected seats in 2007": the subject's figures joined
        # by "and" before one year share it
        if i and i - 1 not in attached and segments[i - 1] == segments[i] and rows[i - 1]["subject"] == rows[i]["subject"] \
                and rows[i - 1]["measure"] != rows[i]["measure"] and _AND_ALL.fullmatch(text, rows[i - 1]["end"], rows[i]["start"]):
            attached[i - 1] = attached[i]
    for i, row in enumerate(rows):
        segment = segments[i]
        earlier = row.pop("_earlier", False)  # a share a change started from, of the election before
        cues, back = years.get(segment, set()), segment in previous or earlier
        if len(cues) > 1:
            # several years in one stretch: the one named last before the figure ("in 2005 he was
            # given 91.15% and in 2011 he received 95.55%")
            before = [cue for at, cue in sorted(placed) if at < row["start"] and cue in cues
                      and bisect.bisect_right(cuts, at) == segment]
            cues = [before[-1], *sorted(cues - {before[-1]}, reverse=True)] if before else cues
        first = next((segment for at, segment in reversed(framing) if at <= row["start"]), None)
        if first is not None and not cues and not back:
            cues, back = years.get(first, set()), first in previous
        if not cues and not back and segment in anaphors:
            cues = earlier_cues
        if not cues and not back and _RUNNER_UP.search(text, cuts[segment - 1], row["start"]):
            # "won in June 2019 with 70.96%; the runner-up came second with 16.2%": second in that race
            cues = next((years[s] for s in range(segment - 1, 0, -1) if years.get(s)), set())
        if not cues and not back and segment not in anaphors and (label := _item_label(tc, index)) is not None:
            # ("- January 10, 1999 (Presidential): The first contested race. ... Turnout: 87 per cent.": the item's date)
            cues = {label}
        if not cues and not back and segment not in anaphors and (section_year := tc.section_years[index]) is not None \
                and not _OWN_TIME.search(text, s_start, s_end):
            # (under a heading that opens with a year, "2007: one party, 98 seats", a figure of no time of its own is
            # that year's; not one "on Sunday")
            cues = {(section_year, 0)}
        # A figure without a cue of its own takes the one of the dated figure before it in its
        # stretch ("won 95.5% in 2011, on turnout of almost 90%").
        dated = [j for j in attached if j <= i and segments[j] == segment]
        # (but a cue between the figure before and this one is this one's: "91.15% in December 2005 and, in an
        # early vote in April 2011, 95.5%")
        own = [(at, cue) for at, cue in placed if (rows[i - 1]["end"] if i else s_start) <= at < row["start"]
               and bisect.bisect_right(cuts, at) == segment] if i not in attached else []
        # (the last one; two readings of one phrase, "in August" of the year written or of the last August, both)
        last = {cue for at, cue in own if at == max(a for a, _ in own)}
        used = attached[i] if i in attached else last if own else attached[max(dated)] if dated else cues
        row["election_id"] = _election_for(tc, row, used, back)
        if opened and row["measure"] == "turnout" and not dated and (not cues and not back or row["election_id"] is None):
            row["election_id"] = opened  # (also where "that vote" points back to a year of two votes: "Otan won 30.9% in 1999")
        if i and segments[i - 1] == segment and (row["election_id"] is None or (
                row["measure"] == "turnout" and rows[i - 1]["measure"] == "vote_share" and not cues and not back and not dated
                and _ON_TURNOUT.fullmatch(text, rows[i - 1]["end"], row["start"]))):
            # "won 82.2 percent in a snap election on a turnout of 77.1 percent" (in an article about no
            # vote), "put the 'yes' vote at 77.18 per cent on a turnout of 68.05 per cent": the
            # turnout of the election of the figure before it (and another country's with it)
            row["election_id"] = rows[i - 1]["election_id"]
            row["_no_vote"] = rows[i - 1].get("_no_vote", False)
        elif used and not back and not _votes_in(tc.ref, used) and not (row["election_id"] and _states_official(tc.ref, row["election_id"], row)) \
                and not _home_before(f, text, s_start, row["end"]):
            # (a figure its stretch dates only by times when no Kazakh vote was held is another country's vote,
            # "66.4% voted Yes ... in 2018", unless it is the official figure of a vote, the nearest to that time:
            # "returned to office only last April with 97.7 per cent ... on a turnout of more than 95 per cent";
            # not after the sentence names Kazakhstan, a vote the table may lack: "In July 2021, Kazakhstan held
            # its first direct elections of rural akims; turnout was 70.3 percent")
            row["election_id"] = _official_near(tc, row, used)
            row["_no_vote"] = row["election_id"] is None


# A local vote's words, and a referendum's, in a sentence (the turnout of a story of no vote).
_LOCAL_VOTE = re.compile(r"\b(?:mayoral|local|municipal|maslikhats?|akims?|by-elections?)\b", re.IGNORECASE)
_REFERENDUM_NAMED = re.compile(r"\b(?:referendums?|plebiscites?)\b", re.IGNORECASE)
_OFFICIAL_REACH_MONTHS = 24  # how far from a time with no vote the vote whose official figure a row states may be


def _item_label(tc: TextContext, index: int) -> tuple[int, int] | None:
    """Return the ``(year, month)`` of the date label that opens the list item (a line of sentences) sentence
    ``index`` goes on in ("- January 10, 1999 (Presidential): ..."), else None; the label's own sentence reads
    it as its opening (``_OPENING``)."""
    first = tc.paragraph_start(index)
    if first == index or not (label := _ITEM_LABEL.match(tc.text, tc.sentences[first][0], tc.sentences[first][1])):
        return None
    month = label.group("label_month") or label.group("label_month_after")
    return int(label.group("label_year")), _MONTH_NAMES.index(month.lower()) + 1 if month else 0


def _home_before(f: _Frames, text: str, start: int, pos: int) -> bool:
    """Whether the sentence names Kazakhstan before ``pos`` with no other country's demonym between ("In July 2021,
    Kazakhstan held its first elections of rural akims; turnout was 70.3 percent"; not "criticism of turnout in
    Kazakhstan ..., noting that turnout in the 2018 US midterm elections was about 50 percent")."""
    homes = list(f.home.finditer(text, start, pos))
    return bool(homes) and not f.any_demonym.search(text, homes[-1].end(), pos)


def _official_near(tc: TextContext, row: dict, times: set[tuple[int, int]] | list[tuple[int, int]]) -> str | None:
    """Return the vote of the row's kind (:func:`_kind_for`) whose official figure ``row`` states, the nearest
    to one of the ``(year, month)`` times and within ``_OFFICIAL_REACH_MONTHS`` of it, else None."""
    months = [year * 12 + (month or 6) for year, month in times]
    kind = _kind_for(tc, row, None)
    stated = [(distance, eid) for d, eid, k in elections_of(tc.ref).ordered
              if (distance := min(abs(d.year * 12 + d.month - m) for m in months)) <= _OFFICIAL_REACH_MONTHS
              and (kind is None or k == kind) and _states_official(tc.ref, eid, row)]
    return min(stated)[1] if stated else None


def _votes_in(ref: Any, times: set[tuple[int, int]] | list[tuple[int, int]]) -> bool:
    """Whether Kazakhstan held a vote (``elections.csv``) in one of the ``(year, month)`` times (month 0: the year)."""
    return any(_held_at(d, year, month) for year, month in times for d, _, _ in elections_of(ref).ordered)


def _the_one_vote(ref: Any, year: int, month: int, kind: str | None = None) -> str | None:
    """Return the one vote (of ``kind``, when given) held in ``year`` and, unless it is 0, ``month``, else None."""
    held = [eid for d, eid, k in elections_of(ref).ordered if _held_at(d, year, month) and kind in (None, k)]
    return held[0] if len(held) == 1 else None


def _held_at(day: dt.date, year: int, month: int) -> bool:
    """Whether a vote's ``day`` falls in ``year`` and, unless it is 0, ``month``."""
    return day.year == year and month in (0, day.month)


def _opens_dated(tc: TextContext, f: _Frames, index: int) -> bool:
    """Whether sentence ``index`` names its vote's time before its first percentage ("was re-elected
    in April with 95.5 per cent")."""
    start, end = tc.sentences[index]
    figure = f.percent.search(tc.text, start, end)
    cues = _year_cues(tc.text, start, end) + _relative_cues(f, tc.text, start, end, tc.ctx.published)
    return figure is not None and any(m.start() < figure.start() and not m.group().lower().startswith("since") for m, _ in cues)


def _year_cues(text: str, start: int, end: int) -> list[tuple[re.Match, tuple[int, int]]]:
    """Return each year cue of ``text[start:end]`` with its ``(year, month)`` (month 0: the year alone)."""
    # Every cue holds a year: the cue pattern (case-insensitive, with month names) runs only when one does.
    if not _YEAR_DIGITS.search(text, start, end):
        return []
    return [(m, (int(m.group("y") or m.group("y2") or m.group("y3") or m.group("y4")),
                 _MONTH_NAMES.index(m.group("m").lower()) + 1 if m.group("m") else 0))
            for m in _YEAR_CUE.finditer(text, start, end)]


def _same_year_cues(tc: TextContext, index: int) -> list[tuple[re.Match, tuple[int, int]]]:
    """Return each time of sentence ``index`` named from the year last written, with its ``(year,
    month)`` (month 0: the year alone): a month of that year ("stepped down in March 2019 ... won a
    snap election that June", "In August the same year a second referendum"), that year itself
    ("Turnout that year was 63 percent"), or years counted from
    it ("In 2004, Otan took 60.6%. Three years later, Nur Otan won 88%"). The year is the one named
    before it in the sentence, else in the sentence before (one written with its month first)."""
    text = tc.text
    s_start, s_end = tc.sentences[index]

    def year_before(pos: int) -> int | None:
        # ("The 1995 constitution itself was approved ... in August of that year": a year alone before it)
        named = [cue for _, cue in _year_cues(text, s_start, pos)] or [(int(y.group()), 0) for y in _BARE_YEAR.finditer(text, s_start, pos)] or \
            ([cue for _, cue in _year_cues(text, *tc.sentences[index - 1])] if index else [])
        # (a year with its month is where the story stands: "In April 1995, after the court annulled the 1994 vote")
        years = [year for year, month in named if month] or [year for year, _ in named]
        return years[-1] if years else None

    cues = []
    for m in _SAME_YEAR_MONTH.finditer(text, s_start, s_end):
        if (year := year_before(m.start())) is not None:
            cues.append((m, (year, _MONTH_NAMES.index((m.group("m") or m.group("m2")).lower()) + 1)))
    # "In April of that year, 95.4% ...; in August, 89% approved": a month alone after a year the
    # sentence named goes on in that year
    for m in _MONTH_ALONE.finditer(text, s_start, s_end):
        named = [year for _, (year, _) in _year_cues(text, s_start, m.start())] + [year for c, (year, _) in cues if c.end() <= m.start()]
        if named and not any(c.start() <= m.start() < c.end() for c, _ in cues):
            cues.append((m, (named[-1], _MONTH_NAMES.index(m.group("m").lower()) + 1)))
    months = [m.span() for m, _ in cues]
    for m in _THAT_YEAR_CUE.finditer(text, s_start, s_end):
        # "Turnout that year was just over 63 percent": the year the sentence before named
        if not any(a <= m.start() < b for a, b in months) and (year := year_before(m.start())) is not None:
            cues.append((m, (year, 0)))
    for m in _COUNTED_FROM.finditer(text, s_start, s_end):
        if not (n := _counted_step(m)):
            continue
        if m.group("unit").lower() == "year":
            if (year := year_before(m.start())) is not None:
                cues.append((m, (year + n, 0)))
            continue
        # "... since August 1995, when 90% approved the constitution. Four months earlier, another referendum":
        # months counted from the month last written with its year, in the sentence or the one before
        dated = [cue for _, cue in _year_cues(text, s_start, m.start()) if cue[1]] or \
            ([cue for _, cue in _year_cues(text, *tc.sentences[index - 1]) if cue[1]] if index else [])
        if dated:
            year, month = dated[-1]
            at = year * 12 + month - 1 + n
            cues.append((m, (at // 12, at % 12 + 1)))
    return cues


_MOST_STEPS = 100  # the most years or months a cue counts from a time named ("three years later")


def _counted_step(m: re.Match) -> int | None:
    """Return the signed count of a "``n`` years/months later/earlier" cue, None when it counts none or too many."""
    n = 1 if m.group("n").lower() in ("a", "an") else parse_number(m.group("n"))
    if not n or not math.isfinite(n) or n > _MOST_STEPS:
        return None
    return int(n) * (1 if m.group("dir").lower() in ("later", "after") else -1)


def _relative_cues(f: _Frames, text: str, start: int, end: int, published: dt.date | None) -> list[tuple[re.Match, tuple[int, int]]]:
    """Return each cue of ``text[start:end]`` that names a time from the day of publication beside a
    vote ("the parliamentary election held two months ago", "in April's vote"), with the
    ``(year, month)`` it means (month 0: the year alone); none without a publication date."""
    if published is None:
        return []
    cues = []
    for m in _RELATIVE_CUE.finditer(text, start, end):
        # "Turnout, which officials had forecast in June, ...": a time, but not a vote's ("two years
        # ago" may open a sentence whose vote is named further on: "..., in an election that ...")
        reach = (start, end) if m.group("years") else (max(start, m.start() - _VOTE_NOUN_REACH), min(end, m.end() + _VOTE_NOUN_REACH))
        # ("Turnout was 54 percent, well below the 63.3 percent recorded two years ago": a sentence on turnout)
        if not _VOTED_IN.search(text, *reach) and not f.turnout_just_before.search(text, max(start, m.start() - 25), m.start()) \
                and not (m.group("years") and f.turnout_word.search(text, start, end)):
            continue
        if m.group("years") and (figure := _DIGIT.search(text, m.end(), end)) and CLAUSE_BREAK.search(text, m.end(), figure.start()):
            continue  # "Two years ago protests shook the country, and on Sunday Amanat won 53.9 percent": another clause
        if m.group("years"):
            # "Two years ago, ... the party won 71.09 per cent": a result that long ago is that year's vote's
            cues.append((m, (published.year - int(1 if m.group("years").lower() in ("a", "an") else parse_number(m.group("years")) or 1), 0)))
        elif m.group("m"):
            cues.append((m, last_month_named(_MONTH_NAMES.index(m.group("m").lower()) + 1, published)))
        elif m.group("this") or (m.group("unit") or "").lower() == "year":
            cues.append((m, (published.year - ((m.group("unit") or "").lower() == "year"), 0)))
        else:
            cues.append((m, months_before(published, int(1 if m.group("unit") else parse_number(m.group("n")) or 1))))
    return cues


def _election_for(tc: TextContext, row: dict, years: set[tuple[int, int]] | list[tuple[int, int]], points_back: bool) -> str | None:
    """Return the election a figure belongs to, given the years and back-references of its stretch.

    ``years`` holds ``(year, month)`` cues (month 0 when only the year is named), tried latest
    first, or in the order given when a list (the one named last before the figure first). A figure in an
    article about no election belongs, when its kind is known (a party's share, seats, a yes
    share), to the election of that kind the cue names, else to the last one before publication (to none
    when the publication date is not known either).
    """
    current = tc.ctx.election_id
    elections = elections_of(tc.ref)
    own_kind = _kind_for(tc, row, None)
    this_date: dt.date | None
    if current in elections.by_id:
        this_date, this_kind, _ = elections.by_id[current]
    elif own_kind is not None:
        this_date, this_kind, current = tc.ctx.published and tc.ctx.published + dt.timedelta(days=1), None, None
    else:
        # A figure of no kind of its own (a turnout) in a story of no vote: the one vote its time names, of the
        # kind its clause names where that time held several ("Turnout in the 2005 presidential election was 76.8%",
        # "in the 2022 referendum"); none of a local vote ("turnout in Almaty mayoral polls")
        index = tc.sentence_of(row["start"])
        if current is not None or not years or _LOCAL_VOTE.search(tc.text, tc.sentences[index][0], tc.sentences[index][1]):
            return current
        named = _kind_named_for(tc, index, row["end"]) \
            or ("referendum" if _REFERENDUM_NAMED.search(tc.text, tc.sentences[index][0], row["end"]) else None)
        for year, month in years if isinstance(years, list) else sorted(years, reverse=True):
            if (held := _the_one_vote(tc.ref, year, month, named)) is not None:
                return held
        return current
    kind = own_kind or this_kind
    earlier = [(d, eid) for d, eid, k in elections.ordered if k == kind and d < this_date] if this_date else []
    for year, month in years if isinstance(years, list) else sorted(years, reverse=True):
        if current and year == this_date.year and month in (0, this_date.month):
            continue
        # "the Mazhilis election of March 19, 2023": a named month picks that election, whatever the
        # kind the article's own election would have lent a turnout.
        in_year = [eid for d, eid, k in elections.ordered if _held_at(d, year, month) and (k == kind or (month and own_kind is None))]
        if not in_year and own_kind is None and (held := _the_one_vote(tc.ref, year, month)) is not None:
            in_year = [held]  # ("turnout in 2019 was 67.6 per cent" beside a parliamentary vote: that year's one vote, whatever its kind)
        if in_year:
            # Two votes of a kind in a year (the April and August 1995 referendums): the one whose
            # official figure the row states, else the later.
            return next((eid for eid in in_year if _states_official(tc.ref, eid, row)), in_year[-1])
    if earlier and (points_back or kind != this_kind):
        return earlier[-1][1]
    return current


def _official_match(ref: Any, row: dict) -> str | None:
    """Return the one vote whose official figure for the row's subject and measure (as the party was
    named then: Amanat's 2021 share is Nur Otan's) equals the row's value, written with its decimals
    (80.99 or 82.2 for a share, not 81; two for a turnout), else None."""
    value = row["value"]
    # (a region's turnout is no national figure: "Aktobe (87.05%)"; a turnout needs two decimals, "62.5 percent"
    # among young voters is too round to tell; a party's or a candidate's share one: "Nur Otan won 82.2 percent")
    written = _TWO_DECIMALS if row["measure"] == "turnout" else _A_DECIMAL
    if value is None or not written.search(row["phrase"]) or row["measure"] not in ("vote_share", "turnout") or row.get("scope"):
        return None
    found = {eid for (eid, subject, measure), official in official_values(ref).items()
             if abs(official - value) < _EXACT and measure == row["measure"] and subject == _name_at_election(ref, row["subject"], eid)}
    return found.pop() if len(found) == 1 else None


_EXACT = 0.006  # a figure written to two decimals states an official one to within rounding
_TWO_DECIMALS = re.compile(r"\d[.,]\d\d(?!\d)")
_A_DECIMAL = re.compile(r"\d[.,]\d")


def _states_official(ref: Any, election_id: str, row: dict) -> bool:
    """Whether ``row``'s value is, to within rounding, the official one of ``election_id`` for its
    subject and measure (``official_results.csv``, and a winner's share in ``elections.csv``)."""
    official = official_values(ref).get((election_id, row["subject"], row["measure"]))
    return official is not None and row["value"] is not None and abs(official - row["value"]) <= 0.5


def _kind_for(tc: TextContext, row: dict, current_kind: str | None) -> str | None:
    """Return the kind of election a figure's measure and subject imply."""
    if row["measure"] in ("seats", "seats_contested", "parties_contesting") or (
            row["measure"] == "threshold" and current_kind != "referendum"):
        return "parliamentary"
    if row["measure"] == "vote_share" and row["subject"]:
        f = frames(tc.lexicon)
        if row["subject"] in (f.yes_subject, f.no_subject):
            return "referendum"
        resolved = tc.ref.canonical_name(row["subject"]) if hasattr(tc.ref, "canonical_name") else None
        if resolved and resolved[1] in ("person", "party"):
            return "presidential" if resolved[1] == "person" else "parliamentary"
    return current_kind
