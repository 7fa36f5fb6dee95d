"""Where, when and according to whom: the context a claim inherits from its document.

``DocContext`` is what the pipeline knows about a document before claims are read (its id, the
election it is about, its publication date, its entity mentions). ``TextContext`` wraps one
document's clean text for the extractors: its sentences, the names found in them (through the
Reference's name variants), the places a sentence refers to (including descriptions such as "the
capital", resolved at the event's date), the event date a sentence gives, and the speaker a
sentence attributes a figure to.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from kzresearch.claims.lexicon import alternation, lexicon_of, once_per_object, speech_verbs
from kzresearch.cleaning import SENTENCE_END
from kzresearch.dates import MONTHS, WEEKDAYS, find_dates, last_month_named, months_before
from kzresearch.entities import matcher_for
from kzresearch.patterns import caseless, fold_case, starting_words
from kzresearch.textnorm import sentence_spans

# Month and weekday names come from kzresearch.dates; every pattern opens with a character, not
# with "\b" (see kzresearch.patterns.starting_words): "\d(?<!\w\d)" is a digit that starts a word.
_MONTH = starting_words([m.capitalize() for m in MONTHS]) + r"\.?"
_DATE_MD = re.compile(rf"(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d\d))?")
# A span of days around a date: "from 9 to 13 June", "June 9-13", "between 9 and 13 June".
_DAYS_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s*(?:to|and|-|\u2013)\s*$")
_DAYS_AFTER = re.compile(r"\s*(?:to|-|\u2013)\s*(?P<last>\d{1,2})\b(?![,.]\d)(?:,?\s+(?:19|20)\d\d)?(?!\s*[a-z%])")
_DAYS_REACH = 16  # how far back of a date the first day of its span is looked for
_OWN_TIME_DAYS = 60  # a day within this of publication is the story's own time, not a past episode's
_DATE_DM = re.compile(rf"(?P<d>\d(?<!\w\d)\d?)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>(?:19|20)\d\d))?")
_YEAR = re.compile(r"(?:1(?<!\w1)9|2(?<!\w2)0)\d\d\b(?!\s*(?:percent|per cent|%|people|protesters|seats|votes))")
# Nouns of an episode of protest ("the January protests", "the unrest of January").
_PROTEST_EPISODES = r"(?:rallies|rally|protests?|demonstrations?|strikes?|unrest|riots|violence|clashes|crackdown|uprising)"
_EPISODE_NOUNS = rf"(?:{_PROTEST_EPISODES}|events)"
# A month without a day: "in January 2022", "January's violence", "this month's unrest", "last month".
# A bare month only after "in", "during", "early", "late", "mid" or as a possessive ("January's"),
# never after "since", "until", "by", "from", nor before "events" (the name of an episode).
_MONTH_CUE = re.compile(rf"\b(?:(?:(?<=[Ii]n )|(?<=[Dd]uring )|(?<=[Ee]arly )|(?<=[Ll]ate )|(?<=[Mm]id-)|(?<=[Mm]id )"
                        # "the deadly unrest of January", "the events of January 2022"
                        rf"|(?<=unrest of )|(?<=events of )|(?<=protests of )|(?<=violence of )|(?<=riots of ))"
                        rf"(?P<m>{_MONTH})(?:\s+(?P<y>(?:19|20)\d\d))?(?!\w|\.\w|\s+\d|\s+events\b)"
                        rf"|(?P<m2>{_MONTH})'s(?!\s+events\b)"
                        rf"|(?<=[Tt]he )(?P<m4>{_MONTH})(?=\s+{_PROTEST_EPISODES}\b)"
                        rf"|(?P<m3>{_MONTH})\s+(?P<y3>(?:19|20)\d\d)(?!\w|\.\w|\s+\d)"
                        rf"|(?i:(?P<rel>this|last|earlier\s+this|late\s+last|early\s+last)\s+month)(?:'s)?\b)")
# A month that names when an episode happened ("the unrest of January", "the January protests",
# "January's riots"; the day of a named episode too: "came in December 2011, when police ..."): the time
# the story goes back to, which the next sentences' counts share;
# not one a period reaches from ("ten months after the riots of January"), unless the sentence goes on
# to tell the episode ("since the unrest of January, when ...").
_EPISODE_BEFORE = re.compile(rf"\b{_EPISODE_NOUNS}\s+(?:of|in)\s+$", re.IGNORECASE)
_EPISODE_AFTER = re.compile(rf"(?:'s)?(?:\s+\d{{4}})?\s+(?:\w+\s+)?{_EPISODE_NOUNS}\b", re.IGNORECASE)
_EPISODE_WORD = re.compile(rf"\b{_EPISODE_NOUNS}\b", re.IGNORECASE)
_EPISODE_TOLD = re.compile(r"(?:\s+(?:19|20)\d\d)?,\s+(?:when|in\s+which|during\s+which)\b", re.IGNORECASE)
# ... after "since" and its month: "since December 2011, when police opened fire" is no span of time.
_TOLD_SINCE = re.compile(rf"[Ss]ince\s+(?:{_MONTH})(?i:{_EPISODE_TOLD.pattern})")
_PERIOD_FROM = re.compile(r"\b(?:since|after|before|ago)\b[^,.;]{0,50}$", re.IGNORECASE)
_THAT_YEAR = re.compile(r"\s+(?:of\s+)?that\s+year\b", re.IGNORECASE)
_WEEKDAY_BEFORE_DATE = 3  # how far a date may follow the weekday it names (", ")
_SAME_DAY_REACH = 25  # how far a date of the same weekday may follow it ("Friday prayers on 7 January")
_DAYS_APART = re.compile(r"\b(?:after|before|since|until|from|weeks?|days?|months?|ago|later|earlier)\b", re.IGNORECASE)
_WEEKDAY = re.compile(rf"(?P<w>{starting_words([w.capitalize() for w in WEEKDAYS])})\b")
_PARAGRAPH_BREAK = re.compile(r"\n+")
_PERIOD_SET = re.compile(r"\b(?:declared|imposed|extended|introduced|ordered|announced|banned|restricted|closed|suspended|"
                         r"state\s+of\s+emergency|curfew|lockdown|moratorium|restrictions)\b"
                         r"[^.;]{0,80}\b(?:until|till|through)\s+$", re.IGNORECASE)
# A quotation of words (a banner, a slogan), not a quoted name: this many words or a comma.
_QUOTED_WORDS = 4
# A word between a setting of speech and the place it was in: not "in", "that", an auxiliary,
# a figure or a past participle, which would begin a clause of what was said.
_SETTING_WORD = r"(?!(?:in|that|was|were|had|has|have|been|is|are)\b)[A-Za-z'-]+(?<!ed)\b"
# Where a setting of speech was, between it and the day it names: "to reporters in the capital,
# Nur-Sultan, on Tuesday", "at a briefing in Almaty on Monday".
_SETTING_PLACE = r"(?:\s+(?:in|at)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?(?:,\s+[\w-]+,)?){0,2}"
# The voting itself beside a weekday ("by the time polls closed on Sunday": an election-day phrase
# of the lexicon within _VOTING_REACH characters; "Sunday's vote"), and how long after it a report
# still says "on Sunday" of it.
_VOTING_REACH = 40
_VOTE_OF_DAY = re.compile(r"(?:'s|\u2019s)\s+(?:\w+\s+)?(?:vote|election|poll|polls|ballot|referendum)\b", re.IGNORECASE)
_VOTING_WEEKS = 4
_RELATIVE = caseless(r"\b(?P<r>yesterday|today|overnight|last night|last evening|this morning|this afternoon|this evening|tonight|at present|currently)\b")
# Punctuation that ends a speaker's phrase, but not a site's dot ("a Zona.kz correspondent reported").
_PHRASE_BREAK = re.compile(r'[,;:"()\u2014\u2013]|\.(?![a-z]{2,4}\b)')


def _phrase_start(sentence: str, end: int) -> int:
    """Return where the phrase ending at ``end`` begins: after the last punctuation before it."""
    return max((m.end() for m in _PHRASE_BREAK.finditer(sentence, 0, end)), default=0)


# A capitalised name, allowing lower-case connectors inside ("Bureau for Human Rights").
_CAPITALISED = re.compile(r"[A-Z][\w'./-]*(?:\s+(?:(?:for|of|and|on|de|al)\s+)?[A-Z][\w'./-]*)*")
# A paragraph's start, and how far into the text a story's dateline is looked for.
_PARAGRAPH_START = re.compile(r"(?:^|\n)[ \t]*")
_DATELINE_REACH = 1500
# The city a story's dateline names, referred to by the sentence under it.
_THE_CITY = re.compile(r"\bthe city(?:'s)?\b")
# A dateline opening a paragraph: "ALMATY --", "ALMATY, Kazakhstan —", "ASTANA, Nov. 21 (Xinhua) --", "(Berlin) –",
# "ALMATY:", "ALMATY, Dec 18 (Reuters) -" (not a list by place in capitals: "ALMATY: 103 people were detained").
_DATELINE = re.compile(r"(?:[A-Z][A-Z.'-]+(?:[ -][A-Z][A-Z.'-]+)*|\([A-Z][a-z]+\))(?:,[^\n\u2014\u2013]{0,40}?)?"
                       r"(?:\s*(?:--|\u2014|\u2013)|:(?=\s+\D)|\s-(?=\s))")
# A source's label's end, with a time at most: ", Jan 7: ", ", same day: ", ": " (not "Tokayev, Putin discuss unrest:")
_SOURCE_LABEL = re.compile(r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?|(?:the\s+)?same\s+day|[A-Z][a-z]+day"
                           r"|today|yesterday|later|(?:on\s+)?[A-Z][a-z]+day\s+(?:morning|evening|night)))?:\s")
_ABBREVIATION_BEFORE = re.compile(r"\s*\([A-Z][A-Za-z.&-]{1,11}\)\s*$")  # "(KNB)" between a speaker and its verb
# A speech-verb form right after one of these is a noun ("drew up reports", "the claims").
# A verb of saying in the passive ("how ballots were being counted"): nobody speaks.
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|being|been|be|is|are)\s*$", re.IGNORECASE)
# A spokesperson with no body of their own, who speaks for the body named just before.
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
# The subject of a relative clause that ends at a verb of saying ("a crowd that local journalists [put at]").
_RELATIVE_SUBJECT = re.compile(r"\b(?:that|which)\s+(?P<who>[^,;]+)$")
_ESTIMATE_AT = re.compile(r"\bat$")
_PARTICLE_AFTER = re.compile(r"\s+(?:up|down)\b(?!\s+to\b)", re.IGNORECASE)  # (not "said up to 70")
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|up|his|her|their|its|these|those|of|no)$", re.IGNORECASE)
# A mark between two parts of a sentence, for the times of a count ("..., and a court fined three the
# following day") and the clause of a result's figure (not CLAUSE_BREAK below, which parts what was said
# of a figure).
CLAUSE_MARK = re.compile(r"[,;:()\u2013\u2014]")
# How far back of a time its clause's words of the future are looked for ("was due to vote on Monday").
_FUTURE_REACH = 50
# The nouns of a vote.
VOTE_NOUNS = r"(?:elections?|votes?|polls?|ballots?|referendums?|plebiscites?)"
# A vote's noun after a month or a year and a word or two ("June 2019 election", "January 2021 vote", "2019's poll").
_VOTE_AFTER = re.compile(rf"[\w']+(?:\s+[\w']+){{0,2}}?\s+{VOTE_NOUNS}\b", re.IGNORECASE)
_SINCE_BEFORE = re.compile(r"\b(?:since|until|till)\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)
# How many words an opening adverbial holds before its comma ("Late on Saturday,", "On 16 December 2011,").
_OPENING_WORDS = 4
# "Officially, 15 people died": the officials' count.
_OFFICIALLY = re.compile(r"\W*officially\s*,", re.IGNORECASE)
# An opening adverbial that sets a paragraph's time in a year: "In 2012,", "In the spring of 2012,", "In June 2012,",
# "On December 16, 2011,", "During the summer of 2011" (a comma or the year's end closes it).
_SETTING_OPENING = re.compile(
    r"\W*(?:in|during|on|throughout)\s+(?:(?:the\s+)?(?:(?:early|late|mid-?|first\s+half\s+of|second\s+half\s+of)\s*)?"
    r"(?:spring|summer|autumn|fall|winter|months?|weeks?|year)\s+(?:of\s+)?)?"
    r"(?:(?-i:[A-Z])[a-z]{2,8}\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?|\d{1,2}\s+(?-i:[A-Z])[a-z]{2,8}\s+)?(?P<year>(?:19|20)\d\d)\b(?=\s*,|\s+(?-i:[a-z]))",
    re.IGNORECASE)
# A section's heading that opens with the year its section tells of: "2004: the last mixed vote", "2016 - a snap
# poll", "The 2007 election", "In March 2016" (not "Since 2004", "2019 in review", "2021 protests and after").
_YEAR_HEADING = re.compile(rf"\W*(?:(?:The\s+)?(?P<year>(?:19|20)\d\d)(?:\s*[:\u2013\u2014]|\s+-\s|\s+(?:\w+\s+)?{VOTE_NOUNS}\b|\s*$)"
                           r"|In\s+(?:(?-i:[A-Z])[a-z]{2,8}\s+)?(?P<in_year>(?:19|20)\d\d)\s*$)", re.IGNORECASE)
_HEADING_WORDS = 10
# How many sentences after a heading its figure may be restated in ("17:36 | Final turnout: 77.4 per cent" over
# "Turnout was 77.4 per cent, ... said"), and how long a live page's entry heading may be.
_RESTATED_REACH = 3
_ENTRY_HEADING_WORDS = 16
_PLACE_KEYS = frozenset({"location", "scope"})  # the columns of a claim's place, which agree with the country's
# An institution's name as written: without "The" opening a sentence, with its country's possessive apart.
_LEADING_THE = re.compile(r"^The\s+")
_OWNER = re.compile(r"([A-Z][\w-]+)'s\s+")
_MINISTRY_OF = re.compile(r"^Ministry\s+of\s+[A-Z]")
# A time opening a speaker's phrase ("On Wednesday the prosecutor's office gave ..."): not the speaker.
_OPENING_TIME = re.compile(rf"^\s*(?:(?:on|late\s+on|early\s+on)\s+)?(?:{alternation(WEEKDAYS)}|(?:{alternation(MONTHS)})\.?\s+\d{{1,2}})\b,?\s*",
                           re.IGNORECASE)
# "Observers who went to police stations estimated": the speaker is the head before the relative clause.
_RELATIVE_CLAUSE = re.compile(r"\s+(?:who|which|that|whose)\b.*$", re.DOTALL)
_INSTITUTION_END = re.compile(r"\b(?:Office|Ministry|Commission|Committee|Service|Department|Agency|Court|Council|Administration|Bureau)$")
_ARTICLES = frozenset({"the", "a", "an"})
# A speaker phrase's last "that": the clause it opens holds the speaker ("A title card notes that the minister").
_LAST_THAT = re.compile(r".*\bthat\s+", re.DOTALL)
# "said that", and "said on Monday that", "said in a statement that"; after the verb's audience and time too: "told
# reporters that night that", "told parliament on Tuesday that"
_THAT = re.compile(r"(?:\s+(?:reporters|journalists|the\s+press|parliament|lawmakers|deputies|senators|residents))?"
                   r"(?:\s+(?:on|late\s+on|early\s+on|in)\s+(?:a\s+|an\s+)?\w+(?:\s+\w+)?,?"
                   r"|\s+(?:that|last|this|the\s+same|the\s+next|the\s+following)\s+(?:night|evening|morning|afternoon|day|week),?)?\s+that\b")
# A break between two clauses: what one clause says of a figure, the next need not ("..., and that").
_AND_THAT = re.compile(r",?\s+and\s+that\b", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas|yet)\b", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r"\b(?:who|which|that)\s*$", re.IGNORECASE)
# (and a relative clause's opening: "the unrest, in which officials say 230 people were killed")
_SUBORDINATOR = re.compile(r"\s*(?:after|when|as|while|before|since|because|although|though|and|but|where|once|"
                           r"(?:in|during|by|for|after)\s+which)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"'s?$")
# A line of a list: a bullet, or a capitalised label and a colon ("Almaty: 103", "Shymkent and
# Karaganda: a handful").
LIST_BULLET = r"[-\u2013\u2022*]"
LIST_LABEL = r"(?-i:[A-Z])[\w'-]*(?:\s+(?:and\s+)?(?-i:[A-Z])[\w'-]*){0,4}"  # capitalised, also in an IGNORECASE pattern
LIST_LINE = re.compile(rf"\s*(?:{LIST_BULLET}\s*|(?P<label>{LIST_LABEL}):\s)")
# A group referred back to by its kind ("the group said"): the one the sentence before named.
_GROUP_ANAPHOR = re.compile(r"\s*(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?P<noun>group|network|organi[sz]ation|watchdog|monitors|monitoring\s+group|"
                            r"rights\s+group|NGO|centre|center|bureau|foundation|committee)\s*")
# Someone described: an indefinite determiner, up to three lower-case words ending in the head noun, and
# what the person belongs to ("a member of the congregation", "a local pastor", "one resident of the town").
# ("one of the mothers" whole: "one" is its head; not "one of them", whom the sentences before name, nor a clause
# or a figure: "a local journalist who", "a crowd of up to")
_DESCRIBED = re.compile(r"(?:(?:[Aa]nother|[Aa]n?|[Oo]ne(?!\s+of\b))\s+|(?=[Oo]ne\s+of\s+(?:the|his|her|their|its)\s))"
                        r"(?P<who>(?:(?!(?:of|for|from|at|in|with|who|which|that)\b)[a-z][\w'-]*\s+){0,2}"
                        r"(?P<head>(?!(?:who|which|that|whose|whom|of|up|to)\b)(?:[Oo]ne|[a-z][\w'-]*))"
                        r"(?:\s+(?:of|for|from|at|in|with)\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:[a-z][\w'-]*\s+){0,2}"
                        r"(?!(?:to|up|about|around|who|which|that)\b)[a-z][\w'-]*)?)")
# A party referred back to: "the movement", "the party's regional office".
_BODY_ANAPHOR = re.compile(r"\s*(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:party|movement|bloc|alliance|coalition)(?:'s|\b)")
# A name in apposition after a source phrase: ", former deputy Baurzhan Seitkaliyev".
_APPOSED_NAME = re.compile(r",\s+(?:[a-z][\w-]*\s+){0,3}(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){1,2})")
_CITING = re.compile(r"(?:citing|quoting|quoted(?!\s+by))\b", re.IGNORECASE)
# The publisher's own voice heading a speaker phrase: "we", "our monitors", "one of our monitors"
# (not "the organisers who spoke to us"; its own figures: the lexicon's ``own_figures``).
_OWN_VOICE = re.compile(r"\s*(?:(?:one|some|many|several|most|all|each|two|three|four|five)\s+of\s+)?(?:we|our)\b", re.IGNORECASE)
# A place describing the person a source is: "Almaty human rights campaigner Bakhytzhan Toregozhina" (lower-case words
# ending in a person's description, then a name of two capitalised words; not an office of the place: "Almaty police chief").
_DESCRIBED_PERSON = re.compile(r"[\w-]+(?:\s+[a-z][\w-]*){0,3}\s+(?:campaigner|activist|journalist|lawyer|blogger|resident|defender"
                               r"|researcher|analyst|writer|pensioner|student|poet|historian)s?\s+[A-Z][\w'-]+\s+[A-Z][\w'-]+")
# A clause's speaker pointing back at the body named before: "and the next day it said".
_IT_SAID = re.compile(r"\b(?:it|they)\s+(?:\w+\s+)?(?:said|says|reported|reports|added|announced|put)\b")
# Adverbs between a speaker and its verb ("the office now says", "police later said").
_TRAILING_ADVERBS = re.compile(r"(?:\s+(?:now|also|later|earlier|again|then|still|initially|first|previously|subsequently|separately))+\s*$",
                               re.IGNORECASE)
# A person's name: two to four capitalised words; a word of an office or a group names none.
_PERSON_NAME = re.compile(r"[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){1,3}")
_SURNAME = re.compile(r"[A-Z][a-z'-]+")
# How far apart two dates are of two times, not of one story's days (a month named stands for its first day).
_ANOTHER_TIME_DAYS = 25
# The words quoted after the one quoted ("quoted witnesses as saying ...", "quoted X on Friday saying ...").
_SAYING = re.compile(r"\s+(?:on\s+\w+\s+)?(?:as\s+)?saying\b")
# Capitalised words before a surname that are no given name ("On Sunday Suindikov was detained").
_NOT_GIVEN_NAMES = frozenset({"on", "in", "at", "but", "and", "meanwhile", "later", "then", "when", "after", "before", "since",
                              "as", "the", "mr", "mrs", "ms", "dr"})
_GROUP_WORD = re.compile(r"\b(?:ministry|office|police|committee|commission|council|group|party|service|agency|news|court"
                         r"|department|bureau|movement|bloc|union|association|watch|international|centre|center|media)\b", re.IGNORECASE)
# An auxiliary or a finite verb of a clause: what a speaker's phrase ("said Interior Minister X") never holds.
_FINITE_VERB = re.compile(r"\b(?:had|has|have|were|was|are|is|been|would|will|could)\b", re.IGNORECASE)
# The weeks after a time told before: a count over them is of that time's month.
_AFTERMATH = re.compile(r"\b(?:in|during|over)\s+the\s+(?:days|weeks)\s+(?:that\s+followed|afterwards|after(?=\s*[,.;]))"
                        r"|\bin\s+the\s+aftermath\b(?!\s+of)", re.IGNORECASE)
# A person as a preposition's object: "According to him, ...".
_PERSON_OBJECT = re.compile(r"\s*(?:him|her)\s*", re.IGNORECASE)
# "At the same briefing he said": the speaker is a pronoun.
_PRONOUN_END = re.compile(r"(?:^|\s)(?:he|she)\s*$", re.IGNORECASE)
# A body's pronoun ending a speaker phrase ("In a statement on its website it said"): it points back.
_IT_END = re.compile(r"(?:^|\s)it\s*$", re.IGNORECASE)
_THE_HEAD = re.compile(r"(?i:the)\s+([A-Z][a-z]+)")
# A source cited in parentheses with its date: "(Respublika, August 23)", "(Interfax, 5 June 2019)".
_CITATION = re.compile(rf"\((?P<who>[A-Z][^(),;]{{1,60}}?),\s*(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?\s*\)")
# A description before a name in apposition: "the Kyrgyz news agency AKIpress", "rights group Adilet".
_DESCRIPTOR = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,3}?(?:agency|service|group|organi[sz]ation|movement|party|newspaper|"
                         r"paper|outlet|site|channel|broadcaster|monitor|watchdog|bureau|foundation|centre|center|network)\s+")
# How far from its figure a "by X's count" gives that figure's source (before any other); further off it is another's.
_BY_COUNT_REACH = 40
# A lower-case word after a capitalised one: a noun it describes ("the Central Asian state").
_LOWER_NOUN_AFTER = re.compile(r"\s+[a-z]")
# Capitalised words that never name a speaker: pronouns, months and weekdays ("the June 9 election").
_NOT_NAMES = frozenset(["i", "we", "he", "she", "they", "it", *MONTHS, *WEEKDAYS])
_LEADING_WORDS = frozenset(["on", "in", "by", "at", "after", "before", "since", "until", "during", "as", "when", "from"])
# What may open a speaker's capitalised run and name nobody: a preposition ("On January 3, the ...") or a time.
_OPENING_TOKENS = _LEADING_WORDS | _NOT_NAMES
# How many sentences back "she said" looks for the one it goes on quoting.
_QUOTE_REACH = 2
# How many sentences back a count without a place of its own takes the last one named, when its
# sentence points back at the scene ("the square", "the crowd"); else one.
_PLACE_REACH = 2
_SECTION_PARAGRAPHS = 8  # how many paragraphs a heading's source ("... (according to X):") reaches over
# What a paragraph's label of its place may hold besides the place: its kind and the stop after it ("Almaty city.").
_LABEL_REST = re.compile(r"\b(?:city|region|oblast|province|district|town)\b|[.:\s\u2013\u2014-]", re.IGNORECASE)
_EPISODE_NEWS_DAYS = 14  # a report this long after a one-town episode is still its news
_EPISODE_REPORT_DAYS = 3  # a count dated this long after a one-town episode (a toll announced) is still the episode's
_PARAGRAPH_REACH = 4  # sentences of its own paragraph a count without a place looks back through
_BACK_AT_THE_SCENE = re.compile(r"\b(?:the|that)\s+(?:square|rally|crowd|protest|demonstration|march|gathering|park|"
                                r"courthouse|building|city|town)\b", re.IGNORECASE)
# What a month's name starts with: a sentence without one names no month (a cheap prefilter).
_MONTH_STEMS = tuple(sorted({name[:3] for name in MONTHS}))
# Substrings without which a sentence holds no date cue (a cheap test before the patterns).
_DATE_HINTS = ("day", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "week",
               "month", "year", "night", "evening", "morning", "run-up", "lead-up", "ahead", "before", "since", "elect",
               "vote", "voting", "poll", "ballot", "campaign", "repeatedly", "recent", "time", "19", "20", "present", "currently")


@dataclass(frozen=True)
class DocContext:
    """What the pipeline knows about a document before its claims are read.

    Attributes
    ----------
    doc_id : str
        The document id (file stem).
    election_id : str or None
        The election the article is about (``YYYY-MM-DD-kind``).
    published : datetime.date or None
        Best publication date, day precision, or None.
    mentions : list of dict, optional
        Rows of the mentions table (``start``, ``end``, ``surface``, ``canonical``, ``kind``).
    title : str, optional
        The headline. Lines equal to it are not read for claims: a headline restates the body's
        figures in headline grammar ("Police arrest hundreds"), and readers count them once.
    sentences : list of (start, end), optional
        The text's sentence spans (:func:`kzresearch.textnorm.sentence_spans`), when the caller
        has them already.
    outlet : str, optional
        The publisher: a rights group's release speaks in its own voice ("we counted", "our
        figures", "the Bureau estimates").
    """

    doc_id: str
    election_id: str | None
    published: dt.date | None
    mentions: list[dict] | None = None
    title: str | None = None
    sentences: list[tuple[int, int]] | None = None
    outlet: str | None = None

    @property
    def election_date(self) -> dt.date | None:
        """Return the date of the election the article is about, read from its id."""
        return election_date(self.election_id)


def election_date(election_id: str | None) -> dt.date | None:
    """Return the date in an election id (``2021-01-10-parliamentary`` -> 2021-01-10).

    Examples
    --------
    >>> election_date("2019-06-09-presidential")
    datetime.date(2019, 6, 9)
    >>> election_date(None) is None
    True
    """
    if not election_id:
        return None
    try:
        return dt.date.fromisoformat(str(election_id)[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class Mention:
    """A name found in the text: span, surface and its canonical form and kind."""

    start: int
    end: int
    surface: str
    canonical: str
    kind: str


@dataclass
class _Patterns:
    places: list[tuple[str, re.Pattern]]
    country: str
    unknown_date: re.Pattern
    election_day: re.Pattern
    election_eve: re.Pattern
    previous_day: re.Pattern
    election_morrow: re.Pattern
    next_day: re.Pattern
    speech_after: re.Pattern
    speech_verb: re.Pattern
    according: re.Pattern
    titles: frozenset
    offices: frozenset
    generic: re.Pattern
    speaker_head: re.Pattern
    speech_date: re.Pattern
    anaphoric: re.Pattern
    same_source: re.Pattern
    audience: re.Pattern
    official: re.Pattern
    landmark: re.Pattern
    speech_place: re.Pattern
    office_of: re.Pattern
    own_figures: re.Pattern
    by_count: re.Pattern
    agent_after: re.Pattern
    counted_end: re.Pattern
    owned_count: re.Pattern
    month_context: re.Pattern
    intent: re.Pattern
    future: re.Pattern
    looks_ahead: re.Pattern
    local_body: re.Pattern
    figures_colon: re.Pattern
    demonyms: frozenset
    scene: re.Pattern
    quantity: re.Pattern


@once_per_object
def context_patterns(lexicon: dict) -> _Patterns:
    """Compile the place, date and attribution patterns of ``lexicon`` (once per lexicon)."""
    places_cfg = dict(lexicon["places"])
    country = places_cfg.pop("country", "Kazakhstan")
    places = [(name, caseless(rf"\b{alternation(frags, literal=False)}\b")) for name, frags in places_cfg.items()]
    dates = lexicon["dates"]
    attr = lexicon["attribution"]
    verbs = speech_verbs(attr)
    settings = alternation(lexicon["place_context"]["speech_settings"])
    # a figure's publisher: "toll, published by", "figures compiled by", "statistics released by"
    published_by = (rf"(?:{alternation([*(attr.get('figure_nouns') or []), 'statistics'])}),?\s+"
                    rf"(?:{alternation(attr.get('agent_participles') or ['(?!)'])})\s+by")
    patterns = _Patterns(
        places=places,
        country=country,
        unknown_date=caseless(rf"\b{alternation(dates['unknown'], literal=False)}\b"),
        election_day=caseless(rf"\b{alternation(dates['election_day'], literal=False)}\b"),
        election_eve=caseless(rf"\b{alternation(dates.get('election_eve') or ['(?!)'], literal=False)}\b"),
        previous_day=caseless(rf"\b{alternation(dates.get('previous_day') or ['(?!)'], literal=False)}\b"),
        election_morrow=caseless(rf"\b{alternation(dates.get('election_morrow') or ['(?!)'], literal=False)}\b"),
        next_day=caseless(rf"\b{alternation(dates.get('next_day') or ['(?!)'], literal=False)}\b"),
        # '..., said activist Janbolat Mamay' / '"...," said X'
        # (not "..., told the Steppe Herald": the one told)
        speech_after=re.compile(rf"\b(?!{alternation(attr.get('addressee_verbs') or ['(?!)'])}\b){verbs}\s+(?!that\b)(?P<who>[^,.;:\"]+)"),
        # 'The Interfax news agency said' / 'a journalist from AFP observed'
        speech_verb=re.compile(rf",?\s+(?:{alternation(attr.get('speech_adverbs') or [])}\s+)?(?:(?:has|have|had)\s+)?\b{verbs}\b"),
        # (a site's name keeps its dot: "according to Zona.kz")
        # ("RFE/RL quoted the rights activist X on Friday saying ...": the one quoted)
        according=re.compile(rf"\b(?:{alternation(attr['prepositions'])}|{published_by}|quoted(?=\s[^.;]{{1,80}}?\bsaying\b))\s+(?P<who>(?:[^,.;:\"()]|\.(?=[a-z]{{2,4}}\b))+)",
                             re.IGNORECASE),
        titles=frozenset(t.lower() for t in attr["titles"]),
        offices=frozenset(o.lower() for o in attr.get("offices") or []),
        generic=re.compile(rf"\b{alternation(attr['generic_speakers'])}\b", re.IGNORECASE),
        speaker_head=re.compile(rf"{alternation(attr.get('speaker_heads') or ['(?!)'])}", re.IGNORECASE),
        # "the ministry said on Thursday"; "gave the tally to reporters in the capital, Nur-Sultan,
        # on Tuesday" (a setting, then at most its place before the day: "told reporters 300 were
        # detained on Sunday" dates the detentions).
        # (and figures published: "according to preliminary results released Monday"; not a figure "given on election
        # night", which dates the count it gave)
        speech_date=caseless(rf"(?:\b{verbs}(?:\s+\w+){{0,2}}?|\b{settings}\b{_SETTING_PLACE}"
                             rf"|\b(?:{alternation(attr.get('figure_nouns') or ['(?!)'])})\s+(?:(?:were|was)\s+)?(?:released|published|announced|issued|posted))"
                             rf"\s+(?:late\s+|early\s+)?(?:on\s+)?$"),
        anaphoric=re.compile(rf"^\s*{alternation(attr['anaphoric_sources'])}\s*$", re.IGNORECASE),
        # "the same office": a source named as the one before, which may stand a paragraph back
        same_source=re.compile(rf"\b{alternation([a for a in attr['anaphoric_sources'] if a.startswith('the same ')] or ['(?!)'])}\b",
                               re.IGNORECASE),
        official=caseless(rf"\b{alternation(attr['official_sources'])}\b"),
        audience=re.compile(rf"\s*{alternation(attr['audiences'])}\b", re.IGNORECASE),
        landmark=re.compile(rf"\s+{alternation(lexicon['place_context']['landmark_nouns'])}\b"),
        scene=caseless(rf"\b{alternation(lexicon['place_context'].get('scene_words') or ['(?!)'], literal=False)}\b"),
        # A named person's or body's office speaking: "Tokayev's office", "Akorda's Press Service".
        office_of=re.compile(rf"(?P<name>[A-Z][\w-]+)'s\s+(?P<office>(?i:{alternation(attr['spokes_offices'])}))\b"),
        own_figures=re.compile(rf"\b(?:our|we)\s+(?:\w+\s+){{0,2}}?{alternation(attr['own_figures'])}\b", re.IGNORECASE),
        # Before a month that dates no count: a period's start or end, a relative clause about another thing.
        month_context=re.compile(r"(?:\b(?:since|until|till|by|from|through)\s+(?:early\s+|late\s+|mid-?\s*)?"
                                 r"|\b(?:due|scheduled|set|expected|planned|slated|next)\s+(?:for\s+|in\s+)?(?:early\s+|late\s+|mid-?\s*)?"
                                 r"|,\s*(?:which|who)\b[^,;]*\bin\s+)$", re.IGNORECASE),
        # "accused of plotting riots on election day": the day of a plot, not of the count ("a rally
        # planned by the movement on Tuesday" is the rally's)
        intent=re.compile(rf"\b{alternation(dates.get('intent') or ['(?!)'], literal=False)}\b(?!\s+by\b)", re.IGNORECASE),
        # "which was due to vote on Monday": a time still to come, in its clause (searched up to the time)
        future=re.compile(rf"\b{alternation(dates.get('future') or ['(?!)'], literal=False)}\b[^,;:.()\u2013\u2014]*$", re.IGNORECASE),
        # (the same words anywhere in a sentence: "On December 18, up to 5,000 people are expected to march")
        looks_ahead=re.compile(rf"\b{alternation(dates.get('future') or ['(?!)'], literal=False)}\b", re.IGNORECASE),
        # a body of one place before an official word ("the town police said"): its figure is its place's
        local_body=re.compile(rf"\b{alternation(attr.get('local_bodies') or ['(?!)'])}(?:'s)?\s+$", re.IGNORECASE),
        # a source giving figures that a colon introduces ("gave its own figure:", "offered a two-day tally:", "gave the
        # most complete official figure so far:")
        figures_colon=re.compile(rf"\s(?P<verb>{alternation(attr.get('figure_verbs') or ['(?!)'])})\s+(?:(?:its|his|her|their|a|an|the)\s+)?"
                                 rf"(?:[\w-]+\s+){{0,3}}?{alternation(attr.get('figure_nouns') or ['(?!)'])}(?:\s+(?:so\s+far|yet|to\s+date))?\s*:",
                                 re.IGNORECASE),
        # (the agent's words end before a time: "reported by the health ministry a week earlier")
        agent_after=re.compile(rf"\b(?:{alternation(attr.get('agent_participles') or ['(?!)'])})\s+by\s+"
                               rf"(?P<who>(?:(?!\s+(?:a|an|on|in|at|last|earlier|later|this|that|since|after|before|during)\b)[^,.;:\"()])+)",
                               re.IGNORECASE),
        # A noun of what was counted (a fact box's label nouns, the figure nouns) or the figure itself ending the words
        # between a figure and its agent: "the 164 deaths (previously) reported by", "about 5800 reported by".
        counted_end=re.compile(rf"(?:\b{alternation([n for ns in (lexicon.get('label_nouns') or {}).values() for n in ns] + list(attr.get('figure_nouns') or []))}"
                               rf"|\d)(?:\s+[a-z]+ly)?\W*$", re.IGNORECASE),
        owned_count=re.compile(rf"(?:^|(?<=[.;:]\s))\s*(?:the\s+)?(?P<who>[^,.;:\"()]{{1,60}}?)(?:'s?|\u2019s?)\s+(?:own\s+)?"
                               rf"(?:(?:running|latest|official|final|new|preliminary|daily|updated)\s+){{0,2}}"
                               rf"{alternation(attr.get('count_nouns') or ['count'])}\b", re.IGNORECASE),
        by_count=re.compile(rf"\bby\s+(?P<who>[^,.;:\"()]{{1,60}}?)(?:'s?|\u2019s?)\s+(?:own\s+)?"
                            rf"{alternation(attr.get('count_nouns') or ['count'])}\b", re.IGNORECASE),
        # The first "in" after the setting, past words of its own ("at a briefing at the Central
        # Election Commission in Nur-Sultan") but no clause: "told reporters in Astana that the
        # toll in Zhanaozen had risen" places the toll in Zhanaozen; so does "told reporters
        # dozens were detained in Almaty". The capital's name in apposition is the same place
        # ("to reporters in the capital, Nur-Sultan").
        speech_place=caseless(rf"\b{settings}\b(?:\s+{_SETTING_WORD}){{0,6}}?\s+in\s+(?:the\s+)?(?:[\w-]+\s+)?(?:capital,\s+)?$"),
        # (a demonym as a name's last word describes the noun after it: "the Central Asian state")
        demonyms=frozenset(lexicon["results"].get("leader_demonyms") or []) | frozenset(lexicon["results"].get("region_demonyms") or []),
        # (a count in what follows "said" makes it what was said: "said police detained six activists"; not
        # "said one of the organisers", "said several witnesses")
        quantity=re.compile(rf"\d|\b[a-z]{{3,}}ed\s+(?:(?:at\s+least|more\s+than|about|some|up\s+to|nearly|around)\s+)?"
                            rf"{alternation([*lexicon['numbers']['units'], *lexicon['numbers']['tens'], *lexicon['vague']['words']])}\b",
                            re.IGNORECASE),
    )
    return patterns


# A transcript's speaker label opening a paragraph, in any script's capitals ("TOMÁS ARRIAGA: ..."); a
# transcript has two speakers at least.
_LABEL_WHO = r"(?P<who>[^\W\d_][^\W\d_'\u2019.-]*(?:[ \t]+[^\W\d_][^\W\d_'\u2019.-]*){1,3}):\s"
_SPEAKER_LABEL = re.compile(rf"\s*{_LABEL_WHO}")
_SPEAKER_LABEL_LINE = re.compile(rf"^{_LABEL_WHO}", re.MULTILINE)
_TRANSCRIPT_SPEAKERS = 2


@dataclass
class TextContext:
    """One document's clean text with the lookups claims need.

    Parameters
    ----------
    text : str
        The clean text; every offset refers to it.
    ctx : DocContext
        What the pipeline knows about the document.
    ref : Reference
        The reference tables (names, capitals, elections, lexicon).
    """

    text: str
    ctx: DocContext
    ref: Any
    _mentions: dict[int, list[Mention]] = field(default_factory=dict)
    _places: dict[tuple, list[tuple[int, str]]] = field(default_factory=dict)
    _times: dict[int, tuple[bool, dt.date | None]] = field(default_factory=dict)
    _before: dict[int, tuple[bool, dt.date | None, int]] = field(default_factory=dict)
    _cues: dict[tuple[int, bool], list[tuple[int, dt.date | None]]] = field(default_factory=dict)
    # offsets of "the previous day" cues: they date a count before them in the text only
    _day_before_cues: set[int] = field(default_factory=set)
    # offsets of "the next day" cues: they date counts after them, or before them in their clause
    _day_after_cues: set[int] = field(default_factory=set)
    _sources: dict[tuple[int, int], tuple[str | None, bool]] = field(default_factory=dict)
    _roles: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    _institutions: dict[str, str | None] = field(default_factory=dict)
    _labels: int | None = None  # speaker labels opening paragraphs (:meth:`_speaker_labels`)

    @cached_property
    def lexicon(self) -> dict:
        return lexicon_of(self.ref)

    @cached_property
    def patterns(self) -> _Patterns:
        return context_patterns(self.lexicon)

    @cached_property
    def folded(self) -> str:
        """The text as the case-insensitive patterns search it (:func:`kzresearch.patterns.fold_case`)."""
        return fold_case(self.text)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return self.ctx.sentences if self.ctx.sentences is not None else sentence_spans(self.text)

    @cached_property
    def _starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    @cached_property
    def _all_mentions(self) -> list[Mention]:
        # The build passes the document's mentions (kzresearch.entities); otherwise find them here.
        rows = self.ctx.mentions if self.ctx.mentions is not None else matcher_for(self.ref).find(self.text)
        found = [Mention(int(r["start"]), int(r["end"]), r["surface"], r["canonical"], r["kind"])
                 for r in rows if r.get("canonical") and r.get("kind")]
        return sorted(found, key=lambda m: m.start)  # in text order (sentences look them up by offset)

    @cached_property
    def claim_sentences(self) -> list[int]:
        """Return the indexes of the sentences claims are read from (all but headline lines)."""
        title = " ".join((self.ctx.title or "").split())
        if not title:
            return list(range(len(self.sentences)))
        skip = set()
        offset = 0
        for line in self.text.split("\n"):
            if " ".join(line.split()) == title:
                skip.add((offset, offset + len(line)))
            offset += len(line) + 1
        return [i for i, (s, e) in enumerate(self.sentences) if not any(a <= s and e <= b for a, b in skip)]

    @cached_property
    def section_years(self) -> list[int | None]:
        """Return, for each sentence, the year its section's heading opens with ("2004: the last mixed vote",
        "The 2007 election", "In March 2016"), else None: the heading a line of its own, no sentence, under the
        headline; a heading with no year ends the section before."""
        found: list[int | None] = []
        year = None
        for i, (start, end) in enumerate(self.sentences):
            if i and self.is_heading(i):
                heading = _YEAR_HEADING.match(self.text[start:end].rstrip())
                year = int(heading.group("year") or heading.group("in_year")) if heading else None
            found.append(year)
        return found

    def is_heading(self, index: int, most_words: int = _HEADING_WORDS) -> bool:
        """Whether sentence ``index`` is a heading: a line of its own of at most ``most_words`` words, no sentence."""
        start, end = self.sentences[index]
        return not self.continues(index) and not (index + 1 < len(self.sentences) and self.continues(index + 1)) \
            and len(self.text[start:end].split()) <= most_words and not SENTENCE_END.search(self.text[start:end].rstrip())

    def sentence_of(self, pos: int) -> int:
        """Return the index of the sentence holding offset ``pos``."""
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def mentions(self, index: int) -> list[Mention]:
        """Return the names in sentence ``index``."""
        if index not in self._mentions:
            start, end = self.sentences[index]
            names = self._all_mentions
            self._mentions[index] = names[bisect.bisect_left(self._mention_starts, start): bisect.bisect_left(self._mention_starts, end)]
        return self._mentions[index]

    @cached_property
    def _mention_starts(self) -> list[int]:
        return [m.start for m in self._all_mentions]

    # -- where ---------------------------------------------------------------------------------
    def places_at(self, index: int, day: dt.date | None) -> list[tuple[int, str]]:
        """Return ``(offset, canonical place)`` for each place sentence ``index`` names.

        Names come from the mentions; descriptions from the lexicon ("the capital" resolved at
        ``day``, else at the publication or election date; "its largest city"; "nationwide").
        """
        if (index, day) in self._places:
            return self._places[(index, day)]
        start, end = self.sentences[index]
        pats = self.patterns
        # "Astana Square" is a landmark, not the city.
        found: list[tuple[int, str]] = [(m.start, m.canonical) for m in self.mentions(index)
                                        if m.kind == "place" and not pats.landmark.match(self.text, m.end)]
        for name, pattern in pats.places:
            for m in pattern.finditer(self.folded, start, end):
                if name != "capital":
                    found.append((m.start(), name))
                    continue
                when = day or self.ctx.published or self.ctx.election_date
                if when is not None and hasattr(self.ref, "capital_on"):
                    found.append((m.start(), capital_on(self.ref, when)))
        # "Speaking to reporters in Nur-Sultan": where the figure was announced, not where it happened;
        # "ALMATY, Kazakhstan —": where the report was filed.
        # ("ALMATY: ... rallied in the city centre": the dateline's town is the city the sentence means)
        dateline = _DATELINE.match(self.text, start, end) if start == 0 or self.text[start - 1] == "\n" else None
        filed = [(p, name) for p, name in found if dateline and p < dateline.end()]
        # ("according to Almaty human rights campaigner Bakhytzhan Toregozhina": where the source lives, not the count)
        described = [(m.start("who"), m.end("who")) for m in pats.according.finditer(self.text, start, end)]
        found = [(p, name) for p, name in found if not pats.speech_place.search(self.folded, max(start, p - 60), p)
                 and (p, name) not in filed
                 and not any(a <= p < b and _DESCRIBED_PERSON.match(self.text, p, b) for a, b in described)]
        if filed and not found and (city := _THE_CITY.search(self.folded, dateline.end(), end)):
            found = [(city.start(), name) for _, name in filed]
        self._places[(index, day)] = sorted(found)
        return self._places[(index, day)]

    def places_in(self, index: int, day: dt.date | None, lo: int = 0, hi: int | None = None, *,
                  unquoted: bool = False) -> list[str]:
        """Return the distinct places of sentence ``index`` (those in ``[lo, hi)`` when given, and
        outside quotation marks when ``unquoted``); the country only when none is more specific."""
        ordered = list(dict.fromkeys(name for p, name in self.places_at(index, day)
                                     if lo <= p and (hi is None or p < hi) and not (unquoted and self._quoted_words(p))))
        specific = [p for p in ordered if p != self.patterns.country]
        return specific or ordered

    def location(self, index: int, day: dt.date | None, clause: tuple[int, int] | None = None, *,
                 at: int | None = None, aggregate: bool = True, phrase: tuple[int, int] | None = None,
                 scene: bool = False) -> list[str]:
        """Return the places a count in sentence ``index`` applies to.

        The places the count's own words name (``phrase``: "estimated the total throughout the
        country at 900"); else those of the count's own clause (``clause``, default the sentence: in "300 were
        detained in Almaty and 200 in Astana" each count has its own); else those of the clauses
        before it in the sentence ("50 were detained in Almaty, including 10 journalists"), never
        those of a later count's clause; else the previous sentence's (a report names the place
        once and goes on counting), unless that is an item of a list by place; else the
        country, since the corpus is about one country. A figure an authority gives ("the
        interior ministry said") is an aggregate: without a place of its own it covers the
        country; not so a crowd's size (not ``aggregate``: "a police spokesman said no more than
        300 people took part" counts the rally named before). A count of one ``scene`` (a few
        people) looks back through its paragraph, up to four sentences, for the place named last. A place in a quotation of words in a count's sentence (a banner "Zhanaozen, we
        remember") is not where a count (at offset ``at``) outside the quotation happened.
        """
        start, end = self.sentences[index]
        lo, hi = clause or (start, end)
        unquoted = at is not None and not self._quoted(at)
        # (the count's own words first: "lawyers in Almaty estimated the total throughout the country at
        # 900"; the country by its name there is no place of the count: "protesting Kazakhstan's election")
        own = self.places_in(index, day, *phrase) if phrase is not None else []
        if own == [self.patterns.country] and not any(name == self.patterns.country and pattern.search(self.folded, *phrase)
                                                      for name, pattern in self.patterns.places):
            own = []
        places = own or self.places_in(index, day, lo, hi, unquoted=unquoted) or self.places_in(index, day, start, lo, unquoted=unquoted)
        if places:
            return places
        # (a local body's figure is its place's: "the town police said they had detained 24")
        official = aggregate and any(not self.patterns.local_body.search(self.folded, max(start, m.start() - 12), m.start())
                                     for m in self.patterns.official.finditer(self.folded, start, end)) \
            and self._own_attribution(index, start)[0] is not None
        if not official and (label := self._paragraph_label(index, day)):
            return label
        # An item of a list by place ("- Almaty: 103") names its own item's place only.
        # Further back only where the sentence points back at the scene ("... gathered near the
        # Almaty city administration. Organizers put the crowd at 2,000. Riot police ringed the
        # square ... when officers detained at least 14 people").
        reach = _PLACE_REACH if _BACK_AT_THE_SCENE.search(self.text, start, end) else 1
        back = index - 1
        # (a count its own sentence dates with a year is of another time than a sentence before it dated
        # otherwise: "... on 4 October five were held in Almaty. Critics recalled the January 2022 unrest, in
        # which 238 people were killed"; a day without a year may be relative or the end of a term: "until January 5")
        dated = day is not None and _YEAR.search(self.text, start, end) is not None and any(cue for _, cue in self.date_cues(index))
        # (and on through its paragraph: "... held a rally in Almaty. Organisers said about 400 took
        # part; the police put it at 150. Police detained four activists")
        while back >= 0 and ((near := back > index - 1 - reach) or (scene and self.continues(back + 1) and back > index - 1 - _PARAGRAPH_REACH)):
            if official or self._list_item(back) or dated and self._another_time(back, day):
                break
            # (further back, only a sentence of the scene: "held a rally in Almaty", not "Officials in Astana promised reforms")
            places = self.places_in(back, day) if near or self.patterns.scene.search(self.folded, *self.sentences[back]) else []
            if places:
                return places
            back -= 1
        # (a scene the paragraph places nowhere is the dateline's town: "ALMATY -- ... about two dozen
        # supporters held a silent picket outside its headquarters")
        # (not an authority's figure, an aggregate)
        return self._episode_place(day) or ([self._dateline_town] if scene and not official and self._dateline_town else []) \
            or [self.patterns.country]

    def _another_time(self, index: int, day: dt.date) -> bool:
        """Whether sentence ``index`` tells of another time than ``day``: its events are dated weeks away (a month named
        is read as its first day: "the January 2022 unrest" against "on 4 October")."""
        own = self.event_date(index, self.sentences[index][1])
        return own is not None and abs((own - day).days) > _ANOTHER_TIME_DAYS

    def _paragraph_label(self, index: int, day: dt.date | None) -> list[str]:
        """Return the place of the label nearest before sentence ``index`` in its paragraph, a sentence that is a
        place alone ("Kostanay region. More than 650 persons have been detained. ...", "ALMATY. ... ORAL. One man
        ... was detained"), with no sentence naming a place between: a report by place; else []."""
        for label in range(index - 1, self.paragraph_start(index) - 1, -1):
            start, end = self.sentences[label]
            named = [m for m in self.mentions(label) if m.kind == "place"]
            rest = self.text[start:end]
            for m in named:
                rest = rest.replace(self.text[m.start:m.end], " ")
            if named:
                # (a sentence between that names a place of its own is nearer: "ALMATY. Protests spread on Wednesday
                # to Aktau and Zhanaozen. At least 10 people were killed.")
                return self.places_in(label, day) if not _LABEL_REST.sub("", rest).strip() else []
        return []

    @cached_property
    def _dateline_town(self) -> str | None:
        """Return the town of the story's dateline ("ALMATY, Kazakhstan --", "ASTANA:"), the first
        paragraph's that opens with one naming a place within the text's first lines (not "UPDATE:"),
        else None."""
        for m in _PARAGRAPH_START.finditer(self.text, 0, min(len(self.text), _DATELINE_REACH)):
            if (dateline := _DATELINE.match(self.text, m.end())) is not None and (town := next(
                    (x.canonical for x in self._all_mentions if x.kind == "place" and dateline.start() <= x.start < dateline.end()), None)):
                return town
        return None

    def _episode_place(self, day: dt.date | None) -> list[str]:
        """Return the town of a one-place episode (``events.csv`` ``place``) a count without a place
        of its own belongs to: one dated within the episode or the three days after (a toll
        announced), or an undated one in a report published during it or in the fortnight after;
        only where the document names the town."""
        for first, last, place in episode_places(self.ref):
            during = day is not None and first <= day <= last + dt.timedelta(days=_EPISODE_REPORT_DAYS)
            if (during or (day is None and self._reports(first, last))) and any(m.canonical == place for m in self._all_mentions):
                return [place]
        return []

    def _reports(self, first: dt.date, last: dt.date) -> bool:
        """Whether the document was published during an episode of these days or in the fortnight after."""
        published = self.ctx.published
        return published is not None and first <= published <= last + dt.timedelta(days=_EPISODE_NEWS_DAYS)

    def reported_episode(self, place: str) -> dt.date | None:
        """Return the first day of the one-town episode in ``place`` (``events.csv`` ``place``) that
        the document reports: one published during it or in the fortnight after (None: no such episode)."""
        return next((first for first, last, town in episode_places(self.ref) if town == place and self._reports(first, last)), None)

    def _list_item(self, index: int) -> bool:
        """Whether sentence ``index`` is an item of a list: a bullet, or a place and a colon ("Almaty: 103")."""
        start = self.sentences[index][0]
        m = LIST_LINE.match(self.text, start)
        if m is None:
            return False
        return m.group("label") is None or any(x.kind == "place" and x.start < m.end() for x in self.mentions(index))

    def continues(self, index: int) -> bool:
        """Return whether sentence ``index`` follows another in the same paragraph."""
        return index > 0 and "\n" not in self.text[self.sentences[index - 1][1]: self.sentences[index][0]]

    def paragraph_start(self, index: int) -> int:
        """Return the index of the first sentence of sentence ``index``'s paragraph."""
        while self.continues(index):
            index -= 1
        return index

    # -- when ----------------------------------------------------------------------------------
    def date_cues(self, index: int, *, statements: bool = False) -> list[tuple[int, dt.date | None]]:
        """Return ``(offset, date)`` for each date cue in sentence ``index`` (None: undatable).

        With ``statements`` False, dates of saying ("the ministry said on Thursday") are left out:
        they date the statement, not the event counted.
        """
        if (index, statements) not in self._cues:  # every count of a sentence asks again
            if (index, True) not in self._cues:
                self._cues[index, True] = self._date_cues(index)
            # (the cues without the dates of saying are the sentence's cues, filtered)
            cues = self._cues[index, True]
            self._cues[index, statements] = cues if statements else self._without_statements(index, cues)
        return self._cues[index, statements]

    def _without_statements(self, index: int, cues: list[tuple[int, dt.date | None]]) -> list[tuple[int, dt.date | None]]:
        """Return ``cues`` of sentence ``index`` without the dates of saying: "the ministry said on
        Thursday" dates the statement, not the event; so does the date of a source cited in
        parentheses ("(Respublika, August 23)")."""
        start, end = self.sentences[index]
        cues = [c for c in cues if not self.patterns.speech_date.search(self.folded, max(start, c[0] - 70), c[0])]
        cited = [m.span() for m in self._citations(start, end)]
        return [c for c in cues if not any(a <= c[0] < b for a, b in cited)]

    def _date_cues(self, index: int) -> list[tuple[int, dt.date | None]]:
        start, end = self.sentences[index]
        lowered = self.folded[start:end]
        if not any(hint in lowered for hint in _DATE_HINTS):
            return []
        anchor = self.ctx.published or self.ctx.election_date
        cues: list[tuple[int, dt.date | None]] = []
        explicit: list[tuple[int, int]] = []
        yearless: set[int] = set()  # month-days whose year was inferred ("on Dec. 16")
        named_month = any(stem in lowered for stem in _MONTH_STEMS)
        for pattern in (_DATE_MD, _DATE_DM) if named_month else ():
            for m in pattern.finditer(self.text, start, end):
                day = _explicit_date(m, anchor)
                if not m.group("y"):
                    yearless.add(m.start())
                    # ("In the spring of 2012, 37 went on trial. On June 4, 13 of them were jailed": the year the
                    # paragraph's story stands in, not the article's, unless the day is the article's own time)
                    if day is not None and anchor is not None and abs((anchor - day).days) > _OWN_TIME_DAYS \
                            and (year := self._narrative_year(index, m.start(), cues)) not in (None, day.year) and year <= anchor.year:
                        day = _explicit_date(m, dt.date(year, 12, 31)) if year < anchor.year else day
                    elif day is not None and self.ctx.published is not None and day > self.ctx.published \
                            and (year := self._month_year_before(start, day.month)) is not None and year < day.year \
                            and not self.patterns.looks_ahead.search(self.text, start, end):
                        # ("On December 16, 2011, police opened fire ... By December 18, the toll was 11" in an article
                        # of December 16, 2021: a day after publication is reported in the year the text last gave its month;
                        # not one the sentence looks forward to: "On December 16, up to 5,000 are expected to march")
                        day = _explicit_date(m, dt.date(year, 12, 31))
                if day is not None and (_DAYS_BEFORE.search(self.text, max(start, m.start() - _DAYS_REACH), m.start())
                                        or ((after := _DAYS_AFTER.match(self.text, m.end())) and int(after.group("last")) > day.day)):
                    day = _span_month(day)  # "over the five days from 9 to 13 June": the month, as a time the story stays in
                if day is not None:
                    cues.append((m.start(), day))
                    explicit.append(m.span())
        if anchor is not None:
            # "in January 2022", "January's unrest", "this month's unrest": a month, no day to tell.
            for pattern, month in _episodes(self.ref):
                # "the January events, in which 238 people died": the episode's month (not a slogan
                # quoting its name: a banner reading "Bloody January")
                for m in pattern.finditer(self.folded, start, end):
                    if self._quoted(m.start()):
                        continue
                    explicit.append(m.span())
                    cues.append((m.start(), month))
            for m in _MONTH_CUE.finditer(self.text, start, end) if named_month or "month" in lowered else ():
                if any(a <= m.start() < b for a, b in explicit) or (
                        not m.group("rel") and self.patterns.month_context.search(self.text, max(start, m.start() - 30), m.start())
                        and not _EPISODE_TOLD.match(self.text, m.end())):
                    continue  # "since March", "which was banned in December": no date of the count (but "since
                    # December 2011, when police opened fire ...": the clause tells of that month)
                explicit.append(m.span())
                if _THAT_YEAR.match(self.text, m.end()):
                    # "in 2011, ... in December that year": the year the sentence named before
                    years = [int(y.group()) for y in _YEAR.finditer(self.text, start, m.start())]
                    cues.append((m.start(), _stated_month(years[-1], MONTHS[_month_name(m)]) if years and _month_name(m) else None))
                else:
                    month = _month_of(m, anchor)
                    month.told = bool(_EPISODE_TOLD.match(self.text, m.end()))
                    # (or a "when" clause telling one: "tested in January, when protests turned into violence";
                    # not "moved there in May 2015, when she was a student")
                    month.episode = (bool(_EPISODE_BEFORE.search(self.text, max(start, m.start() - 20), m.start())
                                          or _EPISODE_AFTER.match(self.text, m.end()))
                                     and (month.told or not _PERIOD_FROM.search(self.text, max(start, m.start() - 60), m.start()))) \
                        or (month.told and bool(_EPISODE_WORD.search(self.text, m.end(), min(end, m.end() + 80))))
                    cues.append((m.start(), month))
            # "the 2011 massacre", "In 2005, ...": another year than the article's, no day to tell.
            cues += [(m.start(), None) for m in _YEAR.finditer(self.text, start, end)
                     if int(m.group()) != anchor.year and not any(a <= m.start() < b for a, b in explicit)]
        for m in _WEEKDAY.finditer(self.text, start, end):
            if any(0 <= a - m.end() <= _WEEKDAY_BEFORE_DATE for a, _ in explicit) or any(
                    0 <= a - m.end() <= _SAME_DAY_REACH and type(d) is dt.date and d.weekday() == WEEKDAYS[m.group("w").lower()]
                    and not _DAYS_APART.search(self.text, m.end(), a) for a, d in cues):
                # "on Wednesday, June 12": the date named says which Wednesday; so does one of that weekday a
                # few words on ("after Friday prayers on 7 January", a Friday; not "On Friday, a week after 7 January")
                continue
            voting = bool(self.patterns.election_day.search(self.folded, max(start, m.start() - _VOTING_REACH), min(end, m.end() + _VOTING_REACH))
                          or _VOTE_OF_DAY.match(self.text, m.end()))
            day = self._weekday(WEEKDAYS[m.group("w").lower()], voting=voting)
            if day is not None:
                cues.append((m.start(), day))
        if self.ctx.published is not None:
            for m in _RELATIVE.finditer(self.folded, start, end):
                back = 1 if m.group("r") in ("yesterday", "last night", "last evening", "overnight") else 0
                cues.append((m.start(), self.ctx.published - dt.timedelta(days=back)))
        # ("the day before the vote" is the eve of the vote, not the day before the last day named)
        eves = [m.span() for m in self.patterns.election_eve.finditer(self.folded, start, end)]
        morrows = [m.span() for m in self.patterns.election_morrow.finditer(self.folded, start, end)]
        # (a period in the sentence, "over two weeks", "in the weeks after", is no one day of its month)
        # (not "since December 2011, when police opened fire": a clause that tells of the month)
        period = any(not _TOLD_SINCE.match(self.text, m.start()) for m in self.patterns.unknown_date.finditer(self.folded, start, end))
        for m in self.patterns.election_day.finditer(self.folded, start, end):
            named = self._named_election_day(cues, index, m.start())
            if named is not None and not period:
                # ("In June 2019, police rounded up hundreds on election day": the month was the vote's)
                cues = _pinned(cues, named)
            day = named or self.ctx.election_date
            if day is not None:
                cues.append((m.start(), day))
        if self.ctx.election_date is not None:
            cues += [(a, self.ctx.election_date - dt.timedelta(days=1)) for a, _ in eves]
            cues += [(a, self.ctx.election_date + dt.timedelta(days=1)) for a, _ in morrows]
        for pattern, step in ((self.patterns.previous_day, -1), (self.patterns.next_day, 1)):
            for m in pattern.finditer(self.folded, start, end):
                if any(a <= m.start() < b for a, b in eves + morrows):
                    continue
                # a day from the last day named: earlier in the sentence, else where the story stood
                days = [d for p, d in sorted(cues) if p < m.start() and d is not None and not isinstance(d, MonthDate)]
                base = days[-1] if days else self._time_before(index)[1]
                cues.append((m.start(), base + dt.timedelta(days=step) if base is not None and not isinstance(base, MonthDate) else None))
                (self._day_before_cues if step < 0 else self._day_after_cues).add(m.start())
        cues += [(m.start(), None) for m in self.patterns.unknown_date.finditer(self.folded, start, end)]
        for pattern, day in _episode_cues(self.ref, "day_episodes"):
            if not period and pattern.search(self.folded, start, end):
                cues = _pinned(cues, day)
                # ("police opened fire in Zhanaozen on Dec. 16" in a story of 2016: the episode's year)
                # (not a day near the story's own, "On Dec. 16, on the fifth anniversary, ...")
                cues = [(a, day if a in yearless and d is not None and (d.month, d.day) == (day.month, day.day)
                         and (anchor is None or abs((anchor - d).days) > _OWN_TIME_DAYS) else d) for a, d in cues]
        return sorted(cues, key=lambda c: c[0])

    @cached_property
    def _month_years(self) -> list[tuple[int, int, int]]:
        """Return ``(offset, month, year)`` of every month the text names with its year ("December 16, 2011",
        "in May 2011", "16.12.2011"), in text order."""
        return [(d.start, d.month, d.year) for d in find_dates(self.text) if d.month and d.year]

    def _month_year_before(self, pos: int, month: int) -> int | None:
        """Return the year the text last gave ``month`` before offset ``pos`` (None: it never did)."""
        years = [year for at, named, year in self._month_years if at < pos and named == month]
        return years[-1] if years else None

    def _narrative_year(self, index: int, pos: int, cues: list[tuple[int, dt.date | None]]) -> int | None:
        """Return the year the story stands in at ``pos`` of sentence ``index``: that of a dated cue before it
        in the sentence (``cues``, found so far), else of the year that opens the sentence or, back through
        its paragraph, the last sentence with a date cue ("In the spring of 2012, ...", "On December 16,
        2011, ..."). None where that sentence's cues stand elsewhere than in its opening ("Nazarbayev won in
        April 2015."), or no sentence of the paragraph before has one."""
        dated = [d for p, d in cues if p < pos and d is not None]
        if dated:
            return dated[-1].year
        i = index
        while True:
            s, _ = self.sentences[i]
            # (a setting: "In 2012,", "In the spring of 2012,", "On December 16, 2011,"; not "Since 2019,", "By
            # 2030,", "In a 2019 interview,")
            if (setting := _SETTING_OPENING.match(self.text, s)) is not None and (i != index or setting.end() <= pos):
                return int(setting.group("year"))
            if (i != index and self.date_cues(i, statements=True)) or not self.continues(i):
                return None
            i -= 1

    def _named_election_day(self, cues: list[tuple[int, dt.date | None]], index: int, pos: int) -> dt.date | None:
        """Return the day of the one election sentence ``index`` names by its month or year before
        ``pos`` ("In June 2019, police rounded up hundreds on election day": 9 June 2019; "the
        January 2021 vote, when ..."), if it is not the article's own. The month or year must name
        the vote: beside a vote's noun, or opening the sentence (not "who has ruled since 2019",
        "under a 2021 law")."""
        start = self.sentences[index][0]
        opening = self.opening_end(index)

        def names_a_vote(at: int) -> bool:
            return (at < opening or bool(_VOTE_AFTER.match(self.text, at))) and not _SINCE_BEFORE.search(self.text, max(start, at - 12), at)

        months = [d for p, d in cues if p < pos and isinstance(d, MonthDate) and names_a_vote(p)]
        years = [int(y.group()) for y in _YEAR.finditer(self.text, start, pos) if names_a_vote(y.start())]
        if months:
            days = {d for d, _, _ in elections_of(self.ref).ordered if (d.year, d.month) == (months[-1].year, months[-1].month)}
        elif years:
            days = {d for d, _, _ in elections_of(self.ref).ordered if d.year == years[-1]}
        else:
            return None
        day = days.pop() if len(days) == 1 else None
        return day if day != self.ctx.election_date else None

    def _weekday(self, weekday: int, voting: bool = False) -> dt.date | None:
        """Return the day a weekday names: the last such day up to publication; in a sentence
        about the voting ("by the time polls closed on Sunday"), the election's day when it fell on
        that weekday within ``_VOTING_WEEKS`` weeks before publication."""
        edate, pub = self.ctx.election_date, self.ctx.published
        if voting and edate is not None and edate.weekday() == weekday and (
                pub is None or dt.timedelta(0) <= pub - edate <= dt.timedelta(weeks=_VOTING_WEEKS)):
            return edate
        if self.ctx.published is not None:
            back = (self.ctx.published.weekday() - weekday) % 7
            return self.ctx.published - dt.timedelta(days=back)
        if self.ctx.election_date is not None:
            # Without a publication date: the occurrence nearest the election, within 3 days.
            offset = (weekday - self.ctx.election_date.weekday()) % 7
            return self.ctx.election_date + dt.timedelta(days=offset if offset <= 3 else offset - 7)
        return None

    def _sentence_time(self, index: int) -> tuple[bool, dt.date | None]:
        """Return (has_cue, date) of sentence ``index``: its last cue, where its narrative has arrived."""
        if index not in self._times:
            # "... on May 21, Human Rights Watch said today": the narrative has reached the event's
            # day; the day of saying counts only when the sentence has no other date.
            # A month without a day ("had announced in November that ...") dates its own sentence's
            # counts only: the story has not arrived anywhere a later sentence could start from;
            # unless it is an episode's ("the unrest of January, when ...": the story went back there).
            # (one with another year written out resets it, as a year does: "In March 2021, ...")
            anchor = self.ctx.published or self.ctx.election_date
            # ("The day before, X was detained": a step back that leaves the story where it stood; so
            # does "the next day" inside a sentence, not one that opens it: "The following day, ...")
            opening = self.opening_end(index)
            start = self.sentences[index][0]
            cues = [(pos, None) if isinstance(day, (MonthDate, PinnedDay)) and not day.episode else (pos, day)
                    for pos, day in [c for c in self.date_cues(index) or self.date_cues(index, statements=True)
                                     if c[0] not in self._day_before_cues
                                     and not (c[0] in self._day_after_cues and c[0] >= opening)
                                     and not self.patterns.future.search(self.text, max(start, c[0] - _FUTURE_REACH), c[0])
                                     # ("declared a state of emergency until 5 January": where a period set ends, not the
                                     # story's day; "the strike lasted until 16 December" is that day)
                                     and not _PERIOD_SET.search(self.text, start, c[0])]
                    if not (isinstance(day, MonthDate) and not day.episode
                            and not (day.stated_year and anchor is not None and day.year != anchor.year))]
            # ("On December 16, police fired on workers who had been on strike since May": a period
            # reaching back from the day named leaves the story on that day)
            while len(cues) > 1 and cues[-1][1] is None and self.folded.startswith("since", cues[-1][0]) and cues[-2][1] is not None:
                cues.pop()
            self._times[index] = (bool(cues), cues[-1][1] if cues else None)
        return self._times[index]

    def _time_before(self, index: int) -> tuple[bool, dt.date | None, int]:
        """Return (has_cue, date, sentence) of the last sentence before ``index`` that has a date
        cue (sentence -1 when none has).

        Remembered for every sentence on the way, so that a long run of sentences without a date
        (a list of thousands of items) is walked once, not once per count.
        """
        known = self._before
        first = index
        while first > 0 and first not in known:
            first -= 1
        state = known.get(first, (False, None, -1))
        for i in range(first, index):
            has_cue, day = self._sentence_time(i)
            if has_cue:
                state = (True, day, i)
            known[i + 1] = state
        return state

    def event_date(self, index: int, pos: int) -> dt.date | None:
        """Return the date of the event a count at offset ``pos`` in sentence ``index`` reports.

        The date cue nearest the count in its sentence ("on January 10", "on Sunday", "election
        day"; "in recent weeks" gives None); else the time the preceding sentences set; else the
        election date when the article reports the election's days (published within a week).
        A time without a day ("In 2016, ...", "in recent weeks") holds within its paragraph and
        the next (wire copy writes a paragraph a sentence); a paragraph after those that names no
        time (not even a month: "Then came January 2022.") is back at the story's days.
        """
        start, end = self.sentences[index]
        if _AFTERMATH.search(self.text, start, end) and not any(day for _, day in self.date_cues(index)):
            # "Officials say 238 were killed in January. Police detained almost 10,000 people in the
            # weeks that followed": the month of the time before, in its paragraph or the next (a
            # day of the sentence's own stands: "On the day X was elected, police detained 500, and
            # thousands more in the days that followed").
            for before in range(index - 1, -1, -1):
                if self._paragraph_breaks(before, index) > 1:
                    break
                if days := [day for _, day in self.date_cues(before) if day is not None]:
                    return MonthDate(days[-1].year, days[-1].month, 1)
        # ("... where 100 had been detained the previous day, and took away around 30": the second
        # count is the sentence's day)
        named = self.date_cues(index)
        cues = [c for c in named if not (c[0] in self._day_before_cues and c[0] < pos)] or named
        # ("put the number detained at seven, and a court fined three the following day": the
        # seven are not the next day's)
        cues = [c for c in cues if not (c[0] in self._day_after_cues and c[0] > pos and CLAUSE_MARK.search(self.text, pos, c[0]))]
        # ("detained seven people accused of plotting riots on election day": the plot's day)
        cues = [c for c in cues if not (c[0] > pos and self.patterns.intent.search(self.text, pos, c[0]))]
        # ("detained 12 people who were due to stand trial on Friday": the trial's day)
        cues = [c for c in cues if not (c[0] > pos and self.patterns.future.search(self.text, max(pos, c[0] - _FUTURE_REACH), c[0]))]
        if cues:
            # the nearest cue of the count's own clause, else the nearest ("... against the vote on
            # November 20, and a court sentenced five of them on November 11": the 11th); a time
            # opening the sentence frames all of it ("On Saturday, ...")
            opening = self.opening_end(index)
            return min(cues, key=lambda c: (c[0] >= opening and bool(CLAUSE_MARK.search(self.text, min(c[0], pos), max(c[0], pos))),
                                            abs(c[0] - pos)))[1]
        has_cue, day, source = self._time_before(index)
        if has_cue and isinstance(day, (MonthDate, PinnedDay)):
            # an episode's month ("the unrest of January, when ..."): the rest of its paragraph
            if self._paragraph_breaks(source, index) == 0:
                return day
        elif has_cue and (day is not None or self._paragraph_breaks(source, index) <= 1 or self._paragraph_names_a_time(index)):
            return day
        edate, pub = self.ctx.election_date, self.ctx.published
        if edate is not None and (pub is None or dt.timedelta(0) <= pub - edate <= dt.timedelta(days=7)):
            return edate
        return None

    def opening_end(self, index: int) -> int:
        """Return where the opening adverbial of sentence ``index`` ends: its first comma when at most
        ``_OPENING_WORDS`` words stand before it ("On Saturday,", "In June 2019,"), else its start."""
        start, end = self.sentences[index]
        comma = self.text.find(",", start, end)
        return comma if comma > 0 and len(self.text[start:comma].split()) <= _OPENING_WORDS else start

    def _paragraph_names_a_time(self, index: int) -> bool:
        """Whether a sentence of sentence ``index``'s paragraph before it has any date cue."""
        i = index
        while self.continues(i):
            i -= 1
            if self.date_cues(i, statements=True):
                return True
        return False

    def _paragraph_breaks(self, first: int, last: int) -> int:
        """Return how many paragraph breaks stand between sentences ``first`` and ``last``."""
        return len(_PARAGRAPH_BREAK.findall(self.text, self.sentences[first][1], self.sentences[last][0]))

    # -- who -----------------------------------------------------------------------------------
    def attribution(self, index: int, pos: int) -> str | None:
        """Return who sentence ``index`` says gave the figure at ``pos`` (a name or a generic speaker).

        Preference: a speaker after a quotation or at the end of the sentence ("..., X said."),
        then one that opens it ("X said ..."), then "according to X"; the nearest wins a tie. A
        sentence without a source of its own, or whose source points back ("the reports said",
        "according to the same count", "They say"), continues the previous sentence's report in
        the same paragraph and takes its source.
        """
        # Walked back iteratively: a paragraph of thousands of sentences without a source is no recursion.
        chain: list[tuple[int, str | None, bool]] = []
        i, at = index, pos
        while True:
            who, anaphoric = self._own_attribution(i, at)
            if who is not None and not anaphoric:
                value = who
                break
            # (a source pointing back reaches the paragraph before: "On Saturday the same office had said ...")
            if not self.continues(i) and not (anaphoric and i == index and i > 0 and self.patterns.same_source.search(self.text, *self.sentences[i])):
                value = None if anaphoric else who
                break
            chain.append((i, who, anaphoric))
            i, at = i - 1, self.sentences[i - 1][1]
        for i, who, anaphoric in reversed(chain):
            if value is None:
                # "Rights activists paint a different picture. They say ...": the previous subject.
                value = self._opening_speaker(i - 1) if anaphoric else who
        return value or self._transcript_speaker(i) or self._section_source(i)

    def _section_source(self, index: int) -> str | None:
        """Return the source a heading names for the paragraphs of its section, up to ``_SECTION_PARAGRAPHS`` of
        them ("Situation by region (according to regional police departments):" over "Kostanay region. More than
        650 persons have been detained."): a paragraph of its own that ends with a colon; else None."""
        i = self.paragraph_start(index) - 1
        for _ in range(_SECTION_PARAGRAPHS):
            if i < 0:
                return None
            first = self.paragraph_start(i)
            start, end = self.sentences[first][0], self.sentences[i][1]
            if first == i and self.text[start:end].rstrip().endswith(":"):
                m = self.patterns.according.search(self.text, start, end)
                return (self._speaker(m.group("who"), m.start("who"), first) or _plain(m.group("who"))) if m else None
            if first == i and self.is_heading(i):
                return None  # (another heading opens a section of its own: "Aftermath")
            i = first - 1
        return None

    def _speaker_labels(self) -> int:
        """Return how many different speaker labels in capitals open the document's paragraphs (counted once)."""
        if self._labels is None:
            self._labels = len({m.group("who") for m in _SPEAKER_LABEL_LINE.finditer(self.text) if m.group("who").isupper()})
        return self._labels

    def _transcript_speaker(self, index: int) -> str | None:
        """Return the speaker whose label opens the paragraph of sentence ``index`` in a transcript
        ("AIGERIM TULEGENOVA: That is what they say. ..."): in capitals, two to four words, none a
        label's or a place's ("BREAKING NEWS:", "NORTH KAZAKHSTAN:"); as a name is written."""
        m = _SPEAKER_LABEL.match(self.text, self.sentences[self.paragraph_start(index)][0])
        if m is None or not m.group("who").isupper() or self._speaker_labels() < _TRANSCRIPT_SPEAKERS:
            return None  # (one label is a kicker's: "KEY FACTS: Police detained 164 people")
        words = m.group("who").split()
        labels = _label_words(self.ref)
        if any(w.casefold() in labels or self.ref.is_place(w) for w in words) or self.ref.is_place(m.group("who")):
            return None
        return " ".join("-".join(part.capitalize() for part in w.split("-")) for w in words)

    def _opening_speaker(self, index: int) -> str | None:
        """Return the speaker the first words of sentence ``index`` name."""
        start, end = self.sentences[index]
        return self._speaker(" ".join(self.text[start:end].split()[:4]), start, index)

    def _own_attribution(self, index: int, pos: int) -> tuple[str | None, bool]:
        """Return ``(speaker, anaphoric)`` of sentence ``index`` alone; ``anaphoric`` when it points back."""
        key = (index, pos)
        if key in self._sources:
            return self._sources[key]
        start, end = self.sentences[index]
        sentence = self.text[start:end]
        candidates: list[tuple[int, int, str | None, bool]] = []
        pats = self.patterns
        for m in pats.according.finditer(sentence):
            final = not sentence[m.end():].strip(" .\"'")
            if _PERSON_OBJECT.fullmatch(m.group("who")):
                # "According to him, ...": the person the sentences before quote or last named
                person = self._previous_speaker(index) or self._last_person(index, start + m.start())
                candidates.append((0 if final else 2, abs(start + m.start() - pos), person, person is None))
                continue
            if pats.anaphoric.match(m.group("who")) or re.match(r"\s*(?:the\s+)?same\b", m.group("who"), re.IGNORECASE):
                candidates.append((0 if final else 2, abs(start + m.start() - pos), None, True))
                continue
            # "according to the president's office": the phrase itself when it holds no name;
            # "according to one of them, former deputy X": the name in apposition.
            # ("quoted witnesses as saying police detained ...": the one quoted, before the words quoted)
            phrase = m.group("who")[:saying.start()] if (saying := _SAYING.search(m.group("who"))) else m.group("who")
            who = self._speaker(phrase, start + m.start("who"), index)
            # (a person named by a role too: "according to their lawyer, Bakhyt Seitov")
            who = self._apposed_speaker(who, sentence, m.start("who") + len(phrase), start, index)
            citing = _CITING.match(m.group()) is not None
            if who is None and citing:
                continue  # "citing the need to restore order": a reason, not a source
            who = who or _plain(phrase)
            # "Khabar, citing the Health Ministry, reported ...": the cited source is the figure's.
            cited = citing and who is not None
            if who:
                candidates.append((-1 if cited else 0 if final else 2, abs(start + m.start() - pos), who, False))
        for m in pats.by_count.finditer(sentence):
            # "About 300 people, by the organisers' count, rallied": beside its figure, the count's owner.
            # Beside its figure it is that figure's; opening the sentence ("By the minister's count,
            # 4,000 were detained, 677 jailed ...") it is every figure's; elsewhere another figure's.
            near = abs(start + m.start() - pos) <= _BY_COUNT_REACH
            if not (near or not sentence[:m.start()].strip()):
                continue
            if who := self._speaker(m.group("who"), start + m.start("who"), index) or _plain(m.group("who")):
                candidates.append((-1 if near else 0, abs(start + m.start() - pos), who, False))
        for m in pats.owned_count.finditer(sentence):
            # "The interior ministry's own running count was lower: 5135 people detained": the count's owner, before its figure
            # (up to a clause of another speaker's: "..., and police said at the time that more than 9,900 had been detained";
            # "it" goes on with the owner: "..., and the next day it said 26 had been killed")
            if start + m.end() <= pos and (not (brk := CLAUSE_BREAK.search(self.text, start + m.end(), pos)) or _IT_SAID.search(self.text, brk.end(), pos)) \
                    and (who := self._owner(start + m.start("who"), start + m.end("who"), index)
                         or (self.patterns.generic.search(sentence, m.start(), m.end("who")) and self._speaker(m.group("who"), start + m.start("who"), index))):
                candidates.append((0, pos - start - m.start(), who, False))
        for m in pats.agent_after.finditer(sentence):
            # "up from the 164 deaths reported by the health ministry a week earlier": the agent right after a count
            # (its noun's reduced relative: no clause between, "40 were detained, a figure confirmed by" is another's word)
            # (after a noun of what was counted, not of people described: "12 people recorded by surveillance cameras")
            between = self.text[pos: start + m.start()]
            if 0 <= start + m.start() - pos <= _BY_COUNT_REACH and not CLAUSE_MARK.search(between) and not _FINITE_VERB.search(between) \
                    and pats.counted_end.search(between) and (
                    who := self._speaker(m.group("who"), start + m.start("who"), index) or _plain(m.group("who"))):
                candidates.append((0, start + m.start() - pos, who, False))
        for m in pats.speech_after.finditer(sentence):
            if start + m.start("who") <= pos < start + m.end("who") or _FINITE_VERB.search(m.group("who")) \
                    or self.patterns.quantity.search(m.group("who")):
                # "..., said 56 protesters had been detained": the figure is what was said; so is
                # another clause ("said nine had been held by police in Almaty and Astana, and
                # that seven ..."): a speaker after the verb is a name or a title, with no verb.
                continue
            before = sentence[: m.start()].rstrip()
            if (before.endswith((",", '"', "'")) or not before) and not pats.audience.match(m.group("who")):
                who = self._speaker(m.group("who"), start + m.start("who"), index)
                # ("..., said the ministry's spokeswoman, Aliya Seitova": the name in apposition)
                who = self._apposed_speaker(who, sentence, m.end(), start, index)
                if who:
                    candidates.append((0, abs(start + m.start() - pos), who, False))
        for m in self.patterns.figures_colon.finditer(sentence):
            # "the Prosecutor's Office gave its own figure: 126 people ...": the figures after the colon are its
            if start + m.end() <= pos:
                who_start = _phrase_start(sentence, m.start("verb"))
                if who := self._speaker(_OPENING_TIME.sub("", sentence[who_start: m.start("verb")]), start + who_start, index):
                    candidates.append((0, abs(start + m.end() - pos), who, False))
        opening = next((x for x in self.mentions(index) if x.kind in ("body", "agency", "person")
                        and not self.text[start:x.start].strip(" \"'")), None)
        if opening is not None and (label := _SOURCE_LABEL.match(self.text, opening.end, end)) and label.end() <= pos:
            # "Interior Ministry, Jan 7: more than 3,000 detained so far": a source and a time labelling the figures
            candidates.append((0, abs(label.end() - pos), opening.canonical, False))
        if self.ctx.outlet and (ours := self.patterns.own_figures.search(sentence)) and not self._quoted(start + ours.start()):
            # "Our preliminary figures by city are as follows", "we counted 40": the publisher's own.
            candidates.append((2, abs(start + ours.start() - pos), self.ctx.outlet, False))
        if _OFFICIALLY.match(sentence):
            # "Officially, 15 people died in the unrest": the officials' count, where no one else is named
            candidates.append((3, abs(start - pos), "officials", False))
        for m in self._citations(start, end):
            # "... fined three of them the following day (Respublika, August 23)": a cited source.
            # It covers its own clause: "X said 300 gathered; a court fined four (Vremya, March 3)".
            final = not self.text[m.end(): end].strip(" .\"'") and ";" not in self.text[pos: m.start()]
            who = self._speaker(m.group("who"), m.start("who"), index)
            if who:
                candidates.append((0 if final else 3, abs(m.start() - pos), who, False))
        for m in pats.speech_verb.finditer(sentence):
            if _NOUN_BEFORE.search(sentence, max(0, m.start() - 12), m.start()) or _PASSIVE_BEFORE.search(sentence, max(0, m.start() - 8), m.start()) \
                    or _PARTICLE_AFTER.match(sentence, m.end()):
                continue  # "after police drew up reports": a noun, not a verb of saying; "ballots were being counted": no
                # speaker; "police wrote up reports": a phrasal verb, no saying
            # The speaker phrase runs back from the verb to the previous punctuation (a dateline's
            # "(AP) —" included: the agency wrote the report, the speaker follows it), past the
            # speaker's abbreviation in brackets ("the National Security Committee (KNB) said").
            short = _ABBREVIATION_BEFORE.search(sentence, 0, m.start())
            speaker_end = short.start() if short else m.start()
            who_start = _phrase_start(sentence, speaker_end)
            opening = not sentence[:who_start].strip(" \"'")
            if opener := _SUBORDINATOR.match(sentence, who_start):  # "after the minister confirmed that"
                who_start = opener.end()
            phrase = sentence[who_start: speaker_end]
            if _ESTIMATE_AT.search(m.group()) and (relative := _RELATIVE_SUBJECT.search(phrase)) \
                    and not pats.speech_verb.search(phrase, 0, relative.start()):
                # "a crowd that local journalists put at 600": the relative clause's subject estimates
                who_start += relative.start("who")
                phrase = relative.group("who")
            final = not sentence[m.end():].strip(" .\"'")
            # "X said today, after Y confirmed that 4,000 were detained": the verb whose "that"
            # clause holds the figure gives it, before the sentence's opening speaker.
            # It ranks after a final speaker ("..., witnesses said"), and holds only up to a clause
            # break ("Officials said that ...; 100 were detained, the ministry said").
            # ("police said fewer than 100 were present, and that seven were taken away": a second
            # "that" clause of the same verb)
            second = _AND_THAT.search(self.text, start + m.end(), pos) if start + m.end() <= pos else None
            governs = (start + m.end() <= pos and (_THAT.match(sentence, m.end()) is not None or second is not None)
                       and not CLAUSE_BREAK.search(self.text, second.end() if second else start + m.end(), pos)
                       and not _RELATIVE_BEFORE.search(sentence, max(0, m.start() - 12), m.start()))
            # "although Reuters put that crowd at around 100": an estimate's verb holds its figure.
            direct = start + m.start() <= pos <= start + m.end() + 1
            rank = 0 if final or direct else 0.5 if governs else 1 if opening else 3
            apposed = m.group().startswith(",") and sentence[:who_start].rstrip().endswith(",")
            if (pronoun := _PRONOUN_END.search(phrase)) or pats.anaphoric.match(_OPENING_TIME.sub("", phrase)) and not apposed:
                # "At the same briefing he said ...": the person last named, a few sentences back.
                person = (self._previous_speaker(index) or self._last_person(index, start + m.start())) if pronoun else None
                candidates.append((rank, abs(start + m.start() - pos), person, person is None))
                continue
            who = self._speaker(phrase, start + who_start, index) if phrase.strip() else None
            if (said := _LAST_THAT.match(phrase)) and start + m.end() <= pos and not CLAUSE_BREAK.search(self.text, start + m.end(), pos) \
                    and (inner := self._speaker(phrase[said.end():], start + who_start + said.end(), index)):
                # ("A title card notes that the deputy minister told reporters that ...", "violence that official figures
                # now say has left 15 people dead": the speaker of the clause "that" opens, whose verb the figure
                # follows in its clause; not past a clause break: "... told residents to stay home, and 500 were held")
                who = inner
            head = sentence[:who_start].rstrip()
            if apposed:
                # "X, the deputy interior minister, said" / "X, head of the service at the
                # Prosecutor's Office, told": the phrase is an apposition; the name before it speaks.
                segment = re.split(r"[,;:\"]", head[:-1])[-1]
                named = self._speaker(segment, start + len(head) - 1 - len(segment), index, names_only=True)
                # "The city police department, citing the need to restore order, said": the phrase
                # before the aside speaks when the aside names nobody.
                who = named or who or self._speaker(segment, start + len(head) - 1 - len(segment), index)
            if not who and _IT_END.search(phrase):
                # "the ministry had reported 18 killed, when it also said ...": the one body named before
                # it in the sentence; else the source of the sentence before, behind any of this one's.
                if body := self.named_before(index, start + m.start(), "body", back=0):
                    who = body
                else:
                    candidates.append((rank + 3, abs(start + m.start() - pos), None, True))
            if who:
                candidates.append((rank, abs(start + m.start() - pos), who, False))
        best = min(candidates, key=lambda c: c[:2]) if candidates else None
        self._sources[key] = (best[2], best[3]) if best else (None, False)
        return self._sources[key]

    def _owner(self, lo: int, hi: int, index: int) -> str | None:
        """Return the body, agency, party or person named in ``[lo, hi)`` of sentence ``index`` (a count's owner, its
        name before "'s": "The interior ministry's own running count")."""
        return next((x.canonical for x in self.mentions(index)
                     if lo <= x.start and x.end <= hi and x.kind in ("person", "agency", "body", "party")), None)

    def _apposed_speaker(self, who: str | None, sentence: str, at: int, start: int, index: int) -> str | None:
        """Return the name in apposition at ``at`` of ``sentence`` (which starts at ``start``) when
        ``who`` is none or one person named by a role ("their lawyer, Bakhyt Seitov"), else ``who``."""
        if (who is None or (who.islower() and not _GROUP_WORD.search(who))) and (named := _APPOSED_NAME.match(sentence, at)):
            return self._speaker(named.group("name"), start + named.start("name"), index, names_only=True) or who
        return who

    def _citations(self, start: int, end: int) -> list[re.Match]:
        """Return the "(Source, date)" citations in ``[start, end)`` whose first part is a source."""
        if "(" not in self.text[start:end]:
            return []
        return [m for m in _CITATION.finditer(self.text, start, end) if self._cites_a_source(m.group("who"), m.start("who"))]

    def _cites_a_source(self, who: str, offset: int) -> bool:
        """Whether the first part of "(X, date)" names a source, not a day or a place ("(Sunday,
        January 2)", "(Mangystau Region, January 2)")."""
        if who.lower() in WEEKDAYS:
            return False
        first, last = (bisect.bisect_left(self._mention_starts, at) for at in (offset, offset + len(who)))
        return not any(m.kind == "place" for m in self._all_mentions[first:last])

    def _previous_speaker(self, index: int) -> str | None:
        """Return the person the sentence before ``index`` quotes, as "she said" goes on quoting:
        "..., according to their lawyer, Zhanar Kassenova. All six were released, she said." (wire
        copy writes a paragraph a sentence: the sentence before may end the paragraph before). A
        name the reference does not know counts too; an office or a group does not."""
        # (past a quoted sentence of the same speech: 'X told the Steppe Herald that ... "They were held.
        # Nobody charged them," she said.')
        who = next((found for j in range(index - 1, max(-1, index - 1 - _QUOTE_REACH), -1)
                    if (found := self._own_attribution(j, self.sentences[j][1])[0])), None)
        if not who or _GROUP_WORD.search(who):
            return None
        if _SURNAME.fullmatch(who):
            # a surname, as a quote's speaker is named again: the full name it ends earlier in the text
            full = [m.group() for m in _full_names_ending(who).finditer(self.text, 0, self.sentences[index][0])
                    if (first := m.group(1).lower()) not in self.patterns.titles and first not in _NOT_GIVEN_NAMES
                    and first not in MONTHS and first not in WEEKDAYS]
            return full[0] if full else None
        # a name, or one person named by a role ("a party spokeswoman", "their lawyer"; not "monitors")
        return who if _PERSON_NAME.fullmatch(who) or (who.islower() and not who.endswith("s")) else None

    def _last_person(self, index: int, pos: int) -> str | None:
        """Return the person "he" or "she" is: the one last named with a title before ``pos`` in
        sentence ``index`` or the three before it ("Interior Minister X told a briefing ... he
        said"), else the one last named."""
        lo = self.sentences[max(0, index - 3)][0]
        named = [m for m in self._all_mentions if m.kind == "person" and lo <= m.start and m.end <= pos]
        titled = [m for m in named if self._titled(m.start)]
        return (titled or named)[-1].canonical if named else None

    def _titled(self, start: int) -> bool:
        """Whether a title word stands right before the name at ``start`` ("Interior Minister X")."""
        words = self.text[max(0, start - 40): start].lower().replace(",", " ").split()[-2:]
        return any(w.strip(".") in self.patterns.titles and w not in _ARTICLES for w in words)

    def _speaker(self, phrase: str, offset: int, index: int, *, names_only: bool = False) -> str | None:
        """Name the speaker in a speaker phrase.

        A known name, else a capitalised name with titles stripped, else (unless ``names_only``)
        the person the document names with the same title ("the interior minister" -> the
        "Interior Minister Yerlan X" named elsewhere), else a generic noun ("rights defenders").
        """
        phrase = _TRAILING_ADVERBS.sub("", phrase)  # "the prosecutor-general's office now says"
        end = offset + len(phrase)
        for m in self.mentions(index):
            if offset <= m.start < end and m.kind in ("person", "agency", "body", "party") \
                    and not self.text[m.end:m.end + 2].startswith("'"):
                return m.canonical
        if self.ctx.outlet and (_OWN_VOICE.match(_RELATIVE_CLAUSE.sub("", phrase)) or self._names_outlet(phrase)) \
                and not self._quoted(offset):
            return self.ctx.outlet  # "one of our monitors saw", "the Bureau estimates" in the Bureau's release
        names = list(_CAPITALISED.finditer(phrase))
        if len(names) > 1 and not phrase[names[-1].end():].strip() and _DESCRIPTOR.fullmatch(phrase, names[-2].end(), names[-1].start()):
            names = names[-1:]  # "the Kyrgyz news agency AKIpress": the name after its description
        for m in names:
            tokens = m.group().split()
            if _POSSESSIVE.search(m.group()):
                continue
            if m.start() == len(phrase) - len(phrase.lstrip()) and len(tokens) == 1 and (
                    m.end() < len(phrase.rstrip()) or self.patterns.generic.fullmatch(tokens[0])):
                continue  # a sentence's capitalised first word ("Election official said", "Officials also said")
            # Titles go from a person's name, not from a body's ("Prosecutor General's Office").
            strip = _ARTICLES if _INSTITUTION_END.search(m.group()) else self.patterns.titles
            # (and a time: "On Friday Prosecutor-General X said"; "Kazakhstan on Saturday said")
            while tokens and (tokens[0].lower().strip(".") in strip or tokens[0].lower() in _OPENING_TOKENS):
                tokens.pop(0)
            if (day := next((k for k, t in enumerate(tokens) if k and t.lower() in _NOT_NAMES
                             and tokens[k - 1].lower() in _LEADING_WORDS), None)) is not None:
                tokens = tokens[:day - 1]
            name = " ".join(tokens)
            if len(name) < 2 or name.lower() in _NOT_NAMES:
                continue
            resolved = self.ref.canonical_name(name) if hasattr(self.ref, "canonical_name") else None
            # (a demonym before a noun describes it: "prosecutors in the Central Asian state")
            if not resolved and tokens[-1] in self.patterns.demonyms and _LOWER_NOUN_AFTER.match(phrase, m.end()):
                if (owned := next((k for k, t in enumerate(tokens[:-1]) if _POSSESSIVE.search(t)), None)) is not None:
                    # "Radio Free Europe's Kazakh service": the owner of the service speaks
                    owner = _POSSESSIVE.sub("", " ".join(tokens[:owned + 1]))
                    found = self.ref.canonical_name(owner) if hasattr(self.ref, "canonical_name") else None
                    return found[0] if found else owner
                continue
            if (resolved and resolved[1] == "place") or (not resolved and self._places_only(name)):
                continue  # (a place speaks for nobody, nor do places joined: "in Almaty and Astana")
            return resolved[0] if resolved else name
        if names_only:
            return None
        if office := self.patterns.office_of.search(phrase):
            # "Toqayev's office" is "Kassym-Jomart Tokayev's office" (the name as the mentions resolve it)
            at = offset + office.start("name")
            name = next((x.canonical for x in self.mentions(index) if x.start == at), office.group("name"))
            return f"{name}'s {' '.join(office.group('office').split())}"
        if _BODY_ANAPHOR.match(phrase) and (party := self.named_before(index, offset, "party", back=2)):
            return party  # "the movement says ...", "according to the party's regional office"
        role = self._role_holder(phrase, offset)
        if role:
            return role
        if (spoke := _SPOKESPERSON_FOR.search(phrase)) and (body := _body_at_end(spoke.group("body"))):
            return _plain_cased(body.group())  # "a spokeswoman for the Almaty crisis center": the centre
        generic = list(self.patterns.generic.finditer(_RELATIVE_CLAUSE.sub("", phrase)))
        if generic:
            # The generic noun nearest the verb is the speaker ("activists ... what rights defenders describe"),
            # or the one institution of that kind the document names ("prosecutors" of a story naming the
            # "Prosecutor General's Office").
            noun = _ARTICLES_AT_START.sub("", " ".join(generic[-1].group().lower().split()))
            if noun in _SPOKESPEOPLE and (body := self.named_before(index, offset, "body", back=1)):
                return body  # "The Interior Ministry gave no total. A spokesman said ...": the ministry's
            return self._institution_named(noun) or noun
        # "Kazakhstan's Prosecutor General said", "the interior minister said" with no holder named: the office.
        if words := self._title_words(phrase):
            return " ".join(words)
        # "the commandant's office said", "regional television reported": a body the lexicon does not list
        if body := _body_at_end(_RELATIVE_CLAUSE.sub("", phrase)):
            return _plain_cased(body.group())
        if _GROUP_ANAPHOR.fullmatch(phrase) and index \
                and (before := self._own_attribution(index - 1, self.sentences[index - 1][0])[0]) and before[:1].isupper():
            return before  # "X, an observer network, said police detained six. Four were released, the group said."
        # "a member of the congregation told AsiaNews", "a local pastor said": someone described (`speaker_heads`), not named
        # ("a rights activist who witnessed the scene put the number at ...": the person, without the clause)
        if (described := _DESCRIBED.fullmatch(_RELATIVE_CLAUSE.sub("", phrase).strip())) and self.patterns.speaker_head.fullmatch(described.group("head")):
            return " ".join(described.group("who").split())
        return None

    def _places_only(self, name: str) -> bool:
        """Whether a name is places joined by "and" ("Almaty and Astana")."""
        parts = re.split(r"\s+and\s+", name)
        return len(parts) > 1 and all((found := self.ref.canonical_name(part)) and found[1] == "place" for part in parts)

    def _institution_named(self, noun: str) -> str | None:
        """Return the one institution of the kind ``noun`` is (lexicon ``attribution.institution_heads``:
        "prosecutors" -> "prosecutor") that the document names ("the Prosecutor General's Office"),
        else None (none, or two: "the Interior Ministry" and "the Health Ministry" for "the ministry")."""
        head = (self.lexicon["attribution"].get("institution_heads") or {}).get(noun)
        if head is None:
            return None
        if head not in self._institutions:
            names = set()
            for m in _CAPITALISED.finditer(self.text):
                name = _LEADING_THE.sub("", " ".join(m.group().split()))
                owner = _OWNER.match(name)
                if owner and owner.group(1) != self.patterns.country:
                    continue  # another country's ("Kyrgyzstan's Prosecutor General's Office")
                name = name[owner.end():] if owner else name
                if (_INSTITUTION_END.search(name) or _MINISTRY_OF.match(name)) and head in name.lower():
                    names.add(name)
            self._institutions[head] = names.pop() if len(names) == 1 else None
        return self._institutions[head]

    def named_before(self, index: int, pos: int, kind: str, *, back: int) -> str | None:
        """Return the name of ``kind`` (``names.csv``: "party", "body") a description points back to:
        the one named in the nearest of sentence ``index`` (before ``pos``) and the ``back`` sentences
        before it that names any, if that sentence names only one ("The Agrarian Party and the Civic
        Party followed. The party took ..." is neither)."""
        for i in range(index, max(-1, index - back - 1), -1):
            named = {m.canonical for m in self.mentions(i) if m.kind == kind and (i < index or m.end <= pos)}
            if named:
                return named.pop() if len(named) == 1 else None
        return None

    def _quoted_words(self, pos: int) -> bool:
        """Whether ``pos`` is inside a quotation of words, not a quoted name: a banner's "Zhanaozen,
        we remember", not the "Zhanaozen events" (a comma or ``_QUOTED_WORDS`` words at least)."""
        if not self._quoted(pos):
            return False
        opening = self.text.rfind('"', 0, pos)
        closing = self.text.find('"', pos)
        quoted = self.text[opening + 1: closing if closing != -1 else len(self.text)]
        return "," in quoted or len(quoted.split()) >= _QUOTED_WORDS

    def _quoted(self, pos: int) -> bool:
        """Whether ``pos`` is inside a quotation: an odd number of quote marks before it in its
        paragraph (a quotation may run over several sentences)."""
        return self.text.count('"', self.text.rfind("\n", 0, pos) + 1, pos) % 2 == 1

    def _names_outlet(self, phrase: str) -> bool:
        """Whether ``phrase`` is "the X" where X is a word of the publisher's name ("the Bureau")."""
        m = _THE_HEAD.fullmatch(phrase.strip())
        return m is not None and m.group(1).lower() in self.ctx.outlet.lower().split()

    def _title_words(self, phrase: str) -> list[str]:
        """Return the words of a phrase that is an office ("the interior minister", "Kazakhstan's
        Prosecutor General", "the minister" alone as one of ``offices``), or ends in one after what
        opens its sentence ("On the evening of December 16 the Prosecutor General"), lower-cased; else []."""
        words = [w for w in phrase.lower().replace("'s", "").split() if w not in ("the", "a", "an", "its", "their", "kazakhstan")]
        first = len(words)
        while first and words[first - 1] in self.patterns.titles:
            first -= 1
        if first and words[first - 1] in _LINKING_WORDS:
            return []  # someone related to the office, not its holder: "a critic of the interior minister"
        words = words[first:]
        if not words or (len(words) < 2 and words[0] not in self.patterns.offices) or not all(w in self.patterns.titles for w in words):
            return []
        return words

    def _role_holder(self, phrase: str, before: int) -> str | None:
        """Return the person the document names with the title ``phrase`` consists of, if any.

        "the interior minister" resolves to "Yerlan Turgumbayev" when the text says "Interior
        Minister Yerlan Turgumbayev" before ``before`` (else anywhere): news style names an official
        once and then uses the title.
        """
        words = self._title_words(phrase)
        if not words:
            return None
        key = " ".join(words)
        if key not in self._roles:  # every holder of the title the text names, once per title
            pattern = re.compile(r"(?i:" + r"\s+".join(map(re.escape, words)) + r")\s+(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)+)")
            # (not an institution the title opens: "Prosecutor General's Office")
            self._roles[key] = [(m.end(), self._holder(m.group("name"))) for m in pattern.finditer(self.text)
                                if not _INSTITUTION_END.search(m.group("name"))]
        holders = self._roles[key]
        # The holder named last before, else the first named: "Foreign Minister X ... Interior
        # Minister Y ... the minister said" is Y.
        earlier = [name for end, name in holders if end <= before]
        return earlier[-1] if earlier else holders[0][1] if holders else None

    def _holder(self, name: str) -> str:
        """The canonical name of an office holder as the text writes it after the title."""
        tokens = name.split()
        while len(tokens) > 2 and tokens[0].lower() in self.patterns.titles:
            tokens.pop(0)  # "Prosecutor General Berik Asylov": "General" is part of the title
        name = " ".join(tokens)
        resolved = self.ref.canonical_name(name) if hasattr(self.ref, "canonical_name") else None
        return resolved[0] if resolved else name


@once_per_object
def episode_places(ref: Any) -> tuple[tuple[dt.date, dt.date, str], ...]:
    """Return ``(first day, last day, town)`` of each episode of ``ref.events`` that happened in one town."""
    events = getattr(ref, "events", None)
    if events is None or "place" not in events:
        return ()
    return tuple((row.date, row.end_date if isinstance(row.end_date, dt.date) else row.date, row.place)
                 for row in events.itertuples() if isinstance(row.place, str) and row.place and isinstance(row.date, dt.date))


@lru_cache(maxsize=4096)
def capital_on(ref: Any, day: dt.date) -> str:
    """Return ``ref.capital_on(day)``, cached: the Reference reads a DataFrame, claims ask per sentence."""
    return ref.capital_on(day)


_LAST: list[TextContext] = []


def text_context(text: str, ctx: DocContext, ref: Any) -> TextContext:
    """Return the TextContext of a document, reusing the last one when tallies and results read the same text."""
    if _LAST and _LAST[0].text is text and _LAST[0].ctx == ctx and _LAST[0].ref is ref:
        return _LAST[0]
    _LAST[:] = [TextContext(text, ctx, ref)]
    return _LAST[0]


# A body that speaks, named by its kind: the whole phrase, an article and up to three words before the
# kind, none a preposition, a relative or a word pointing back ("the commandant's office", "regional
# television", "the Almaty crisis center"; not "a former employee of the security service", "the same
# office": see ``anaphoric_sources``).
_BODY_PHRASE = re.compile(r"\s*(?:(?:the|a|an)\s+)?(?:(?!(?:same|this|that|its|his|her|their|of|for|in|at|on|from|by|with|outside|near"
                          r"|who|which|whose)\b)[\w'-]+\s+){1,3}?(?:office|centre|center|headquarters|television|"
                          r"channel|service|department|committee|administration|command|ministry|commission|agency|akimat)\s*", re.IGNORECASE)
_SPOKESPERSON_FOR = re.compile(r"\bspokes(?:man|woman|person)\s+(?:for|of)\s+(?P<body>.+?)(?:\s+(?:who|which|that)\b.*)?$", re.IGNORECASE)
_BODY_START = re.compile(r"^|(?<=\s)(?=(?:the|a|an)\s)", re.IGNORECASE)
_PREPOSITION_END = re.compile(r"\b(?:of|for|in|at|on|from|by|with|outside|near|to|into)\s*$", re.IGNORECASE)
# Words that tie a speaker phrase to an office it is not: "a critic of the interior minister", "an aide to".
_LINKING_WORDS = frozenset({"of", "to", "for", "with", "by", "from", "against", "about", "and", "or", "at", "under"})
_ARTICLES_AT_START = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@lru_cache(maxsize=256)
def _full_names_ending(surname: str) -> re.Pattern:
    """Match a capitalised word and ``surname`` ("Nurdaulet Suindikov"; the first word may be a title or a time)."""
    return re.compile(rf"\b([A-Z][\w'.-]+) {re.escape(surname)}\b")


def _body_at_end(phrase: str) -> re.Match | None:
    """Return the body named by its kind that ends a speaker's phrase (:data:`_BODY_PHRASE`): the whole
    phrase, or from an article on, but not the object of a preposition ("a former employee of the
    security service")."""
    for m in _BODY_START.finditer(phrase):
        if (body := _BODY_PHRASE.fullmatch(phrase, m.start())) is not None:
            return None if _PREPOSITION_END.search(phrase, 0, m.start()) else body
    return None


def _plain(phrase: str) -> str | None:
    return (_plain_cased(phrase) or "").lower() or None


def _plain_cased(phrase: str) -> str | None:
    """Return a phrase without its article, in at most six words, as written."""
    words = _ARTICLES_AT_START.sub("", " ".join(phrase.split())).split()
    return " ".join(words[:6]) or None


@lru_cache(maxsize=4)
def _label_words(ref: Any) -> frozenset[str]:
    """Return the words of labels, kickers and sections (``boilerplate.yaml``), case-folded: no speaker's name holds one."""
    return frozenset(str(w).casefold() for key in ("label_words", "kicker_words", "section_words") for w in ref.boilerplate.get(key) or [])


@lru_cache(maxsize=8)
def _episode_cues(ref: Any, key: str) -> list[tuple[re.Pattern, dt.date]]:
    """Return each episode of the lexicon's ``dates.<key>`` list as its event cue (from
    ``election_cues.yaml``, searched in folded text) and the day ``events.csv`` starts it."""
    ids = lexicon_of(ref)["dates"].get(key) or []
    cues = (getattr(ref, "election_cues", None) or {}).get("event_cues", {})
    events = getattr(ref, "events", None)
    starts = dict(zip(events["event_id"], events["date"])) if events is not None else {}
    return [(caseless(cues[i]), starts[i]) for i in ids if i in cues and i in starts]


@dataclass(frozen=True)
class Elections:
    """The elections table as plain tuples, sorted by date, for per-figure lookups."""

    by_id: dict[str, tuple[Any, str, str | None]]  # election_id -> (date, kind, winner)
    ordered: tuple[tuple[Any, str, str], ...]        # (date, election_id, kind)


@lru_cache(maxsize=8)
def elections_of(ref: Any) -> Elections:
    """Return the elections of ``ref`` as dicts and tuples (built once per Reference object).

    Parameters
    ----------
    ref : Reference
        The reference tables (``elections.csv``).

    Returns
    -------
    Elections
        ``by_id`` (election_id -> date, kind, winner) and ``ordered`` (date, election_id, kind) by date.
    """
    table = getattr(ref, "elections", None)
    if table is None or not len(table):
        return Elections({}, ())
    winners = table["winner"] if "winner" in table.columns else [None] * len(table)
    rows = sorted(zip(table["date"], table["election_id"], table["kind"], winners))
    return Elections({eid: (d, k, w if isinstance(w, str) and w else None) for d, eid, k, w in rows},
                     tuple((d, eid, k) for d, eid, k, _ in rows))


def _episodes(ref: Any) -> list[tuple[re.Pattern, "MonthDate"]]:
    """Return the ``named_episodes`` (the press names them by their month) with their month."""
    return [(pattern, _stated_month(day.year, day.month)) for pattern, day in _episode_cues(ref, "named_episodes")]


def _pinned(cues: list[tuple[int, dt.date | None]], day: dt.date) -> list[tuple[int, dt.date | None]]:
    """Return ``cues`` with each month of ``day``'s month and year made that day (the month named an
    episode of that day, or an election): a :class:`PinnedDay`, which like the month dates the counts
    of its own sentence only."""
    return [(a, PinnedDay.of(day, d.episode or d.told) if isinstance(d, MonthDate) and (d.year, d.month) == (day.year, day.month) else d)
            for a, d in cues]


class PinnedDay(dt.date):
    """A day a month cue was made by the episode or the election the sentence names ("In December
    2011, police opened fire in Zhanaozen"): like the month, it dates the next sentences' counts only
    when the sentence tells an episode then (``episode``: "came in December 2011, when police ...")."""

    episode = False

    @classmethod
    def of(cls, day: dt.date, episode: bool) -> "PinnedDay":
        pinned = cls(day.year, day.month, day.day)
        pinned.episode = episode
        return pinned


class MonthDate(dt.date):
    """A date known to the month: written ``YYYY-MM`` (as a publication date of month precision is).
    ``stated_year`` when the text wrote the year ("March 2021"), not when it was inferred ("in March")."""

    stated_year = False
    episode = False
    told = False  # followed by ", when ..." (what happened then)

    def isoformat(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def _month_name(m: re.Match) -> str | None:
    name = m.group("m") or m.group("m2") or m.group("m3") or m.group("m4")
    return name.rstrip(".").lower() if name else None


def _month_of(m: re.Match, anchor: dt.date) -> MonthDate:
    """Return the month a month cue names: its year as written, else the last month of that name up
    to ``anchor`` (a month ahead, "the elections due in March", is left out by ``month_context``)."""
    if m.group("rel"):
        return MonthDate(*months_before(anchor, 1 if "last" in m.group("rel").lower() else 0), 1)
    month = MONTHS[_month_name(m)]
    year = m.group("y") or m.group("y3")
    if year:
        return _stated_month(int(year), month)
    return MonthDate(*last_month_named(month, anchor), 1)


def _span_month(day: dt.date) -> MonthDate:
    """Return the month of a span of days ("from 9 to 13 June"): it dates the counts of the rest of
    its paragraph, as an episode's month does."""
    month = _stated_month(day.year, day.month)
    month.episode = True
    return month


def _stated_month(year: int, month: int) -> MonthDate:
    stated = MonthDate(year, month, 1)
    stated.stated_year = True
    return stated


def _explicit_date(m: re.Match, anchor: dt.date | None) -> dt.date | None:
    month_text = m.group("m").lower().rstrip(".")
    month = MONTHS.get(month_text)
    day = int(m.group("d"))
    year = int(m.group("y")) if m.group("y") else (anchor.year if anchor else None)
    if month is None or year is None:
        return None
    try:
        result = dt.date(year, month, day)
    except ValueError:
        return None
    if not m.group("y") and anchor is not None and result > anchor + dt.timedelta(days=31):
        result = result.replace(year=year - 1)  # "on December 16" read in a January article
    return result


def without_restated_headings(tc: TextContext, rows: list[dict], keys: tuple[str, ...]) -> list[dict]:
    """Drop the rows of a heading whose figure a row of the sentences right under it restates.

    A live page's entry heading ("Tokayev wins with 70.76 per cent, say officials") over the entry that reports it
    counts one claim, not two; a heading restated by another heading (a fact box's lines) stays.

    Parameters
    ----------
    tc : TextContext
        The document's text context.
    rows : list of dict
        Claim rows with ``start`` offsets.
    keys : tuple of str
        The columns whose values make two rows the same claim; a place (``location``, ``scope``) agrees with the
        country's and with none ("Kazakhstan" under a heading's "Almaty"), not with another place.

    Returns
    -------
    list of dict
        ``rows`` without the restated headings' rows, in their order.
    """
    if not rows:
        return rows
    where = [tc.sentence_of(row["start"]) for row in rows]
    heads = {i for i in set(where) if tc.is_heading(i, _ENTRY_HEADING_WORDS)}
    if not heads:
        return rows
    country = tc.patterns.country
    return [row for row, i in zip(rows, where)
            if i not in heads or not any(i < j <= i + _RESTATED_REACH and j not in heads
                                         and all(_agree(k, other.get(k), row.get(k), country) for k in keys)
                                         for other, j in zip(rows, where))]


def _agree(key: str, one: Any, other: Any, country: str) -> bool:
    """Whether two rows' values of ``key`` name the same claim: equal, or for a place, one of them the country's or none."""
    if key in _PLACE_KEYS and one != other:
        return any(value in (None, [], [country], country) for value in (one, other))
    return one == other
