"""Protest tallies: every count of people in a protest or detention context.

A count phrase is an optional multiplier ("two groups of"), an optional qualifier ("more than"),
a numeral, a vague word ("dozens") or an explicit unknown ("an unspecified number of"), an optional
"of" and determiner, up to three modifiers and a people noun ("More than 30 demonstrators").
Three further shapes have no people noun: a bare subject ("Hundreds were detained"), a bare object
("killing at least 225") and a toll ("the death toll rose to 225"). What was counted comes from the
trigger words around the phrase in its clause, outcomes (arrested, injured, killed, released,
fined, jailed) before protest words, the nearest first. Place, date and source come from the
sentence and its neighbours (``context.TextContext``). All word lists are data
(``claim_lexicon.yaml``); only sentences holding both a number word and a trigger are parsed.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from kzresearch.claims.context import (CLAUSE_BREAK, CLAUSE_MARK, LIST_BULLET, LIST_LABEL, LIST_LINE, DocContext, TextContext, text_context,
                                       without_restated_headings)
from kzresearch.claims.conventions import DEFAULT_CONVENTION, bounds
from kzresearch.claims.lexicon import alternation, lexicon_of, normalise, once_per_object, phrase_map, places_of, speech_verbs
from kzresearch.claims.numbers import MORE_DIGITS, NUMBER_PATTERN, PERCENT_SIGN, as_int, parse_number
from kzresearch.dates import MONTHS
from kzresearch.patterns import caseless, first_char_guard, fold_case

OUTCOMES = ("detained", "injured", "killed", "released", "fined", "sentenced")
# A year a month or "in", "of", "since" stands before (each look-behind of a fixed width, as re requires).
# (and after a day: "ALMATY, Dec 20, 2011 - Sixteen people were killed", a dateline's year)
_DATED_YEAR = "(?:" + "|".join(f"(?<={w} )" for w in [*MONTHS, *(m.capitalize() for m in MONTHS), "in", "of", "since"]) \
    + r"|(?<=\d, ))(?:1[89]|20)\d\d\b"
# A verb of one after a figure: "Dana, 27, was held" (an age in apposition, no count).
_SINGULAR_VERB = re.compile(r"\s+(?:was|is|has)\b", re.IGNORECASE)
# A capitalised word right before the comma that opens an apposition: a person's name, whose figure is an age.
_NAME_BEFORE_COMMA = re.compile(r"\b[A-Z][\w'-]+,\s$")
# Words that end a noun phrase before a people noun: function words, and place nouns ("police in its
# two largest cities dragged protesters" counts no "two protesters").
# (nor a possessive: "dissolved in 2017 and its leaders were jailed")
_MOD_STOP = (r"(?:and|or|of|in|on|at|to|for|with|from|by|were|was|had|have|has|are|is|be|been|who|that|which|than|as|said|says|the|a|an"
             r"|its|their|his|her|our|my|your"
             r"|cities|towns|regions|provinces|oblasts|districts|villages|countries|squares|streets)")
_MOD = rf"(?!{_MOD_STOP}\b)[A-Za-z][\w'-]*"
_OPEN_QUOTE = "[\"'\u2018\u201c]?"
# A count that is a part of the one before: "Dozens of journalists were among them".
# (not "among the wounded", "among those held": the words after "among" say what was counted)
_AMONG = r"(?:were|was)\s+(?:also\s+)?among\s+them\b"
_AMONG_THEM = re.compile(rf"\s+{_AMONG}", re.IGNORECASE)
_AMONG_ANYWHERE = re.compile(_AMONG)  # (searched in the folded text)
# "Among them were at least 13 journalists ...": the nouns listed after it are a part of the count before.
_AMONG_THEM_FIRST = re.compile(r"\W*among\s+them\s+(?:were|was)\s", re.IGNORECASE)
# A pronoun opening a clause on a place abroad: one who speaks there ("in Moscow, where he said ...").
_SAYER_THERE = re.compile(r"\s+(?:he|she|they|we|i)\b", re.IGNORECASE)
_POSSESSIVE_END = re.compile(r"['\u2019]s?$")
# "there" as a place ("Police there put the crowd at 240,000"), not "there were".
_THERE = re.compile(r"\b(?<![Tt]hen )there\b(?!['\u2019]s|\s+(?:were|was|is|are|have|has|had|will|would|may|might|could|must|should|"
                    r"can|cannot|seems?|appears?|being|been|remains?|remained|exists?|existed|came|comes|followed|used)\b)")
_POSSESSIVE = re.compile(r"['\u2019](?:s\b|\s)")
# (the quote closing a quoted noun is no possessive: "26 'armed criminals' were killed")
_QUOTED_NOUN = re.compile(r"\s['\u2018][A-Za-z][\w\s-]*$")
# A count that points back at a set counted before: "All eight", "Both", "The other two", "Two of them".
# (not "all those detained", a set of its own whose sources differ on its place)
_POINTS_BACK = re.compile(r"(?:all(?!\s+(?:of\s+)?those)|both|the\s+other|the\s+remaining|[\w-]+\s+of\s+(?:them|those|whom))\b", re.IGNORECASE)
# ... and "All" before a phrase that starts at its figure ("All eight were released").
_ALL_BEFORE = re.compile(r"\b(?:all|both)\s+$", re.IGNORECASE)
_SET_REACH = 2  # sentences back to the set a count points at
_ASIDE_DASH = re.compile(r"\s(?:\u2014|\u2013|--)\s")
# Where a speaker "one protester, a welder who ..., told reporters" stands: the sentence's start or
# after a quotation ("... the troops," one protester, ...), not a verb's object ("detained one journalist, ...").
_AFTER_QUOTATION = re.compile(r"[\"\u201d\u2019']\s*,?\s*$")
_OF_THEM = re.compile(r"\s+of\s+them\b", re.IGNORECASE)
_DET = r"(?:the|our|their|his|her|its|my|your|those|these|them|whom)"
_AUX = r"(?:were|was|(?:have|had|has)(?:\s+(?:(?:since|now|already|also|subsequently)\s+)?been)?|are|is|being|remain(?:ed)?|reportedly|also|later|then|all)"
# "nothing like 5,000 people": a figure denied (not "nothing less than 5,000": more)
_NOTHING_LIKE = re.compile(r"\bnothing\s+$", re.IGNORECASE)
_LIKE_AT = re.compile(r"(?:like|near|close\s+to)\b", re.IGNORECASE)
# A figure right before a word (the word is that figure's count's: "16 dead"; not a year: "in 2006 killed").
_FIGURE_BEFORE = re.compile(rf"(?<![\w,.])(?!(?:19|20)\d\d\s)(?:{NUMBER_PATTERN})\s+$", re.IGNORECASE)
_FIGURE_REACH = 20
# A count right after a verb: its object ("detaining eight people", "arresting at least 30").
_OWN_COUNT = re.compile(rf"\s+(?:(?:about|some|around|nearly|almost|at\s+least|more\s+than|over|up\s+to)\s+)?(?:{NUMBER_PATTERN})\b",
                        re.IGNORECASE)
# (", that" opens a second clause of what was said: "told reporters that 3,000 people had taken part, that two died")
_CLAUSE_END = re.compile(r"[;:]|,\s+(?:and|but|while|whereas|when|after|before|although|though|that)\b|\s(?:but|while|whereas)\s"
                         r"|\s+and\s+(?=(?:police|authorities|officers|security|troops|courts?)\b)")
# A month's name before a number makes it a day ("June 12", "Jun. 12"; not a full name's sentence end: "in June. 677 of them")
_MONTH_BEFORE = re.compile(r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)"
                           r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)\s+$")
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
# Names in apposition after a count: ", Max Bokayev and Talgat Ayan,".
_APPOSITION = re.compile(r"(?:\s+(?:of|from|in)\s+[^,;.]{1,60})?,\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3}(?:(?:,\s+|,?\s+and\s+)[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3})*,")
# The word right after a figure; a toll's figure may be followed only by a word for the people counted.
_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w'-]*)")
# Where an estimate's figure ends its clause: a stop, or a word that opens the next clause ("..., while police said").
_ESTIMATE_END = r"\s*(?:[,.;:)\u2013\u2014]|$|\s+(?:and|while|but|whereas|though|although|according|in|on|at|by|for)\b)"
# The first words after a figure, within its clause: past "more", "of" and an opening quote
# ("dozens more dead", "tens of thousands of detentions", '26 "armed criminals" killed').
_WORDS_AFTER_FIGURE = re.compile(r"(?:\s+(?:more|of|other))*\s+[\"'\u201c\u2018]?((?:[\w'-]+[\"'\u201d\u2019]?\s+){0,2}[\w'-]+)")
# Verbs that make the people before them speakers (not "40 people reported detained").
_SPEAKING = re.compile(r"\s+(?:told|said|says|testified|complained|insisted)\b(?!\s+(?:to\s+)?(?:be|have\s+been)\b)")
_MILLION = 1_000_000
_PARTITIVE_BEFORE = re.compile(r"\b[Oo]f\s+the\s+$")
_RELATIVE_CLAUSE = re.compile(r"\s+(?:who|that)\s+[^,;.]{1,150}?(?=\s+(?:were|was|had\s+been|have\s+been)\b)")
_BEFORE_BREAK = re.compile(r"[;:]|,\s+(?:and|but|while|whereas|where|which|when)\b")
# (not "were among those shoved into vans": the count's own set)
_ANOTHER_SET = re.compile(r"(?<!among )\bthose\s+(?:\w+\s+)?$", re.IGNORECASE)
# ... or a demand's ("gathered outside the town administration, demanding that relatives arrested in Almaty be sent home")
_DEMANDED = re.compile(r"\b(?:demand(?:ing|ed|s)?|call(?:ing|ed|s)?\s+for|to\s+free|(?:release|freedom)\s+of)\b[^,;.]{0,40}$", re.IGNORECASE)
_DEMAND_REACH = 60
# ... or a part's of its own ("two groups of several dozen people ... were pushed back and a number of them were detained")
# (a part, not all of them: "and all of them were detained", "each of them was fined" govern the count)
_PART_AFTER_AND = re.compile(rf"\band\s+(?:a\s+number|some|many|most|several|dozens|scores|hundreds|a\s+few|a\s+handful|{NUMBER_PATTERN})"
                             r"\s+of\s+(?:them|those|whom)\b", re.IGNORECASE)
# ... or a part with a count of its own between, the trigger its own ("4,578 people were recognised as
# victims, including 4,353 who were injured", "among them 4,353 injured": the injured are the 4,353; not
# the count's predicate after the part: "230 people, among them 19 members of the security forces, were
# killed", "1,200 people including 200 police officers were injured")
_PART_COUNTED = re.compile(rf"\b(?:including|among\s+them|among\s+whom|of\s+whom)\s+(?:(?:about|some|around|nearly|almost|at\s+least|"
                           rf"more\s+than|over|up\s+to)\s+)?(?:{NUMBER_PATTERN})\b", re.IGNORECASE)
_PART_OWN_PREDICATE = re.compile(r"\s*(?:(?:who|that)\s+(?:(?:were|was|had\s+been|have\s+been)\s+)?(?:\w+ly\s+)?)?")
_DENIED = re.compile(r"\b(?:without|no)\s+(?:\w+\s+)?$", re.IGNORECASE)
# ... of everyone ("not a single one of them was arrested", "none of them were detained", "no one was hurt")
_NO_ONE = re.compile(r"\b(?:not\s+(?:a\s+single\s+)?one|none|no\s+one|nobody)(?:\s+of\s+(?:them|those|whom))?\s+"
                     r"(?:was|were|has\s+been|have\s+been|had\s+been)\s+$", re.IGNORECASE)
_NO_ONE_REACH = 50
# Nothing but an aside between commas ("the crowd, police said, at 5,000").
_ADJACENT = re.compile(r"\s*(?:,[^,]{0,80},)?\s*")
_CLOCK = re.compile(r":\d\d\b")  # "at 10:30": a time of day ("10.30" is MORE_DIGITS)
_AFTER_TOKENS, _BEFORE_TOKENS = 14, 4
_LONG_TRIGGER = 40  # how far before the window a trigger ending in it may start
# How far past its window a trigger's lookahead may read: a verb of force's object and vehicle
# ("bundled at least six of them into a waiting van"; lexicon `triggers`).
_TRIGGER_LOOKAHEAD = 160
_WORD = re.compile(r"\w+")
_CLAUSE_BREAK = re.compile(r"[,;:]\s*|\s+(?:and|but|while|whereas)\s+")
# A break between clauses of their own (not a place joined to the one before: "at rallies in the
# capital, Nur-Sultan, and in Almaty", "in Atyrau, Aktobe, and Semey").
_JOINED_PLACE_CLAUSE = re.compile(r",\s+(?:and|but)\s+(?:in|at)\s+(?=[A-Z])")
_OWN_CLAUSE_BREAK = re.compile(r";|,\s+(?i:and|but|while|whereas|yet)\b(?!\s+(?i:in|at|on|near|outside|across|around|from|to|throughout)\b)"
                               r"(?!\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*\s*(?:[,.;)]|$))")
# Adverbs between a bare count and its verb that _AUX does not hold ("Three were each fined").
_BARE_ADVERBS = r"each|subsequently|eventually|briefly"
# The end of a sentence or line right after a figure, where a note's number may be glued to it ("at 238.5").
_NOTE_AFTER = re.compile(r"\s*(?:$|\n|[.;,)]?\s+(?=[A-Z\n])|[.;,)]\s*$)")
# One crowd and several: a crowd's size an official gives is the rally's, a total is the country's.
_ONE_CROWD = re.compile(r"\bthe\s+(?:crowd|rally|protest|demonstration|march|gathering|picket)\b", re.IGNORECASE)
_MANY_CROWDS = re.compile(r"\b(?:rallies|protests|demonstrations|marches|gatherings|riots|a\s+total|in\s+total|nationwide|"
                          r"across\s+the\s+country)\b", re.IGNORECASE)
# A verb right after a count phrase: the phrase is its clause's subject ("one activist was detained").
_VERB_AFTER = re.compile(r"\s+(?:was|were|is|are|had|has|got)\b")
# A count denied: "no one was detained", "not one protester", "not a single one of them".
_NEGATED = re.compile(r"\b(?:no|not)\s+(?:a\s+single\s+|even\s+)?$", re.IGNORECASE)
_NEGATED_REACH = 20
# After a number that follows an age, words that make it a count again ("aged 16 and 12 other activists").
_MORE_PEOPLE = re.compile(r"\s+(?:other|others|more|people|of)\b", re.IGNORECASE)
# An aside between commas, as long as a reporter writes one (digit groups' commas do not close it).
_ASIDE = r"(?:,\s(?:[^,;.]|[,.](?=\d)){1,80},)"
# What may stand between a count and the verb that governs it: auxiliaries, adverbs and a place
# ("nine detainees in Almaty were freed").
_GOVERNED = re.compile(rf"(?:\s+(?:{_AUX}|more|others|of\s+them|each|so\s+far|reportedly|allegedly"
                       r"|(?:in|at)\s+(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?))*\s+", re.IGNORECASE)


@dataclass
class _Grammar:
    """The compiled grammar of count phrases for one lexicon."""

    noun_phrase: re.Pattern
    bare_subject: re.Pattern
    bare_object: re.Pattern
    all_those: re.Pattern
    toll: re.Pattern
    raised_toll: re.Pattern
    toll_raised_to: re.Pattern
    triggers: re.Pattern
    protesters: re.Pattern
    toll_words: re.Pattern
    ages: re.Pattern
    anchor: re.Pattern
    not_after: re.Pattern
    after_noun: re.Pattern
    not_before: re.Pattern
    possession: re.Pattern
    inherit: re.Pattern
    non_count: re.Pattern
    qualifiers: dict[str, str]
    qualifier_before: re.Pattern  # a qualifier right before a point: "At least 3 of the ..."
    tally_words: dict[str, int]  # "both": 2
    qualifier_suffixes: dict[str, str]
    unspecified: dict[str, str]
    protester_nouns: frozenset
    security_nouns: frozenset
    category_nouns: dict[str, str]
    speaker_next: re.Pattern
    speaker_past_apposition: re.Pattern
    speaker_before: re.Pattern
    toll_category: list[tuple[str, re.Pattern]]
    verb_qualifiers: dict[str, str]
    crowd_nouns: frozenset
    adjacent_noun: re.Pattern
    weak_toll_verb: re.Pattern
    list_item: re.Pattern
    figure_label: re.Pattern
    label_figure: re.Pattern
    count_beside: re.Pattern
    label_category: dict[str, str]
    breakdown: re.Pattern
    non_protest: re.Pattern
    weak_protest: re.Pattern
    context_only: re.Pattern
    protest_noun: re.Pattern
    protest_context: re.Pattern
    object_verbs: frozenset[str]
    protest_noun_before: re.Pattern
    limited: re.Pattern
    voting: re.Pattern
    ellipsis: re.Pattern
    rival: re.Pattern
    rival_said: re.Pattern
    rival_from: re.Pattern
    gapped: re.Pattern
    estimate_end: re.Pattern
    spoken_estimate: re.Pattern
    rival_sources: re.Pattern
    of_people: re.Pattern
    abroad: re.Pattern
    abroad_label: re.Pattern
    abroad_heading: re.Pattern
    abroad_subject: re.Pattern
    abroad_where: re.Pattern
    home: re.Pattern


# A count below this is of one scene, and takes the place its paragraph named a few sentences
# before ("... a rally in Almaty. ... Police detained four activists"); a larger one may be the
# whole episode's ("238 people died"), which a place named before does not bound.
_SCENE_SIZE = 100


# Words after which "from 50 to 70" is a change, not a range ("the toll rose from 50 to 70").
# ("revised upward from 18 to 26", "climbed overnight from 3,000 to 5,000": a word of the change's manner between)
_CHANGE_WORDS = ("rose", "risen", "rising", "increased", "increasing", "grew", "grown", "growing", "jumped", "climbed", "fell",
                 "fallen", "dropped", "declined", "revised", "raised", "lowered", "cut", "up", "down", "went", "gone", "changed",
                 "doubled", "tripled", "swelled", "surged", "soared", "upward", "upwards", "downward", "downwards", "sharply",
                 "overnight", "steadily")
_NOT_AFTER_CHANGE = "".join(rf"(?<!\b{word}\s)" for word in _CHANGE_WORDS)


@once_per_object
def grammar(lexicon: dict) -> _Grammar:
    """Compile the count-phrase grammar of ``lexicon`` (once per lexicon object)."""
    qualifiers = phrase_map(lexicon["qualifiers"])
    unspec_phrases = lexicon["unspecified"]["phrases"]
    qual = rf"(?P<qual>{alternation(qualifiers)})"
    vague = rf"(?P<vague>{alternation(lexicon['vague']['words'])})"
    unspec = rf"(?P<unspec>{alternation(unspec_phrases)})"
    # ("both" counts two people, not in "both men and women": a pair of kinds)
    tally_words = rf"(?:{alternation(lexicon['numbers'].get('tally_words') or ['(?!)'])})(?!(?:\s+[\w'-]+){{1,2}}\s+and\b)"
    num = rf"(?P<num>{NUMBER_PATTERN}|{tally_words})"
    # The lower end of a stated range ("between 50 and 70", "50 to 70", "from 50 to 70 people", "50-70",
    # "one or two"), not a change ("rose from 50 to 70"); and a qualifier after the number ("a dozen or so").
    lower = (rf"(?:between\s+(?P<lower>{NUMBER_PATTERN})\s+and\s+"
             rf"|{_NOT_AFTER_CHANGE}from\s+(?P<lower_from>{NUMBER_PATTERN})\s+to\s+"
             rf"|(?<!from\s)(?P<lower_joined>{NUMBER_PATTERN})\s+(?:to|or)\s+"
             # (a hyphen after a word is a compound's: "thirty-six" is one number; a year after a month or
             # "in" before a dash is a date: "in December 2011 – sixteen dead"; not "2000-2500 people")
             rf"|(?<!from\s)(?!{_DATED_YEAR})(?P<lower_dashed>{NUMBER_PATTERN})(?:(?<=\d)\s*-|\s*[\u2013\u2014]|\s+-)\s*)")
    suffixes = phrase_map(lexicon.get("qualifier_suffixes", {}))
    # ("or so" after a space; "-odd" after a hyphen too: "sixty-odd")
    suffix = rf"(?:(?:\s+|-)(?P<qual_after>{alternation(suffixes)}))?" if suffixes else ""
    stated = rf"(?:{vague}|{lower}?{num}){suffix}"
    mult = rf"(?:(?P<mult>{NUMBER_PATTERN})\s+{alternation(lexicon['multipliers']['nouns'])}\s+of\s+)"
    noun = rf"(?P<noun>{alternation(lexicon['people_nouns'])})"
    # (each category behind a look-ahead for its first letters, and all of them behind one: the engine
    # skips the many alternatives at a word no trigger starts with)
    trig_groups = "|".join(
        f"{first_char_guard(alt)}(?P<{cat}>{alt})"
        for cat, alt in ((cat, alternation(frags, literal=False)) for cat, frags in lexicon["triggers"].items())
    )
    outcome = alternation([f for cat in OUTCOMES for f in lexicon["triggers"].get(cat, [])], literal=False)
    # A bare count ("Hundreds were detained", "Tens of thousands rallied") needs a verb after it;
    # protest nouns ("one demonstration") do not make one.
    subject_verbs = alternation([outcome, alternation(lexicon["protest_verbs"])], literal=False)
    tolls = _toll_nouns(lexicon)
    toll_nouns = alternation([f for v in tolls.values() for f in v], literal=False)
    quantity = rf"(?:{qual}\s+)?{stated}"
    protest_nouns = alternation(lexicon.get("protest_context", {}).get("nouns") or ["(?!)"], literal=False)
    # a raising verb and "the", with a word that may describe the toll ("raised the official death toll")
    raised_the = "|".join(f"(?<={verb} the {word})" for verb in lexicon["tolls"].get("raising_verbs") or ["(?!)"]
                          for word in [""] + [w + " " for w in lexicon["tolls"].get("describing_words") or []])
    # places abroad by name ("foreign_cities"; not "foreign_demonyms": "outside the Russian embassy" is in Kazakhstan)
    abroad = places_of(lexicon, "foreign_places", "foreign_cities")
    speakers = alternation([w for w in lexicon["attribution"]["generic_speakers"] if " " not in w])
    people = _people(lexicon)
    # ("security forces" as a label's people, not as a count's head: "16 members of the security forces died" counts members)
    people_nouns = alternation([*lexicon["people_nouns"], "security forces"])
    g = _Grammar(
        noun_phrase=re.compile(
            # ('"dozens" of attackers', 'taken "from 15 to 20" people': a quantity quoted)
            rf"\b{mult}?(?:{qual}\s+)?(?:{unspec}|{stated})(?:(?<=[a-z\d])[\"'\u2019\u201d])?(?:\s+more)?(?:\s+of)?(?:\s+{_DET})?"
            # "dozens of opposition and civil rights activists": modifiers joined by "and"/"or"
            # ("26 'armed criminals' were killed": the officials' words, quoted)
            rf"(?P<mods>(?:\s+{_OPEN_QUOTE}(?:(?:and|or)\s+)?{_MOD}){{0,4}}?)\s+{_OPEN_QUOTE}{noun}\b",
            re.IGNORECASE,
        ),
        bare_subject=re.compile(
            # "Four of those held were let go": the participle names the set, the verb after it governs.
            # ("Three were each fined", "Six were later released": an adverb among the auxiliaries)
            # ("About 400 of those held on Sunday were fined": a time or place of the set's)
            # ("including 4,353 who were injured": a part named by its relative clause)
            rf"\b{quantity}(?:\s+(?:more|others|of\s+(?:them|whom|others|us|those(?:\s+{outcome}(?:\s+(?:on|in|at|during|over)\s+[\w'-]+(?:\s+[\w'-]+)?)?)?)))?"
            # ("The rest, about 3,000, were let go": a figure in apposition, set off by commas)
            rf"(?:(?<=\d)\s+who(?=\s+(?:{_AUX})))?(?P<appos>,)?(?=(?:\s+(?:{_AUX}|{_BARE_ADVERBS}))*\s+{subject_verbs}\b)", re.IGNORECASE
        ),
        bare_object=re.compile(
            # ("she was held with about 40 others": the others held with her)
            # ("city police said there were no more than 300": a crowd's rival count, beside a protest)
            rf"\b(?P<trig>{outcome}|there\s+(?:were|had\s+been))\s+(?:(?:along\s+|together\s+)?with\s+(?=(?:[\w,.-]+\s+){{1,3}}others\b)|all\s+(?=\w))?{quantity}(?:\s+(?:more|others|people|of\s+(?:them|those|whom)))?"
            r"(?=\s*(?:[,.;:)]|$|\s+(?:in|on|at|across|during|after|including|and|over|since|from|near|outside|around|while|when|as|following|overnight|nationwide|throughout|into|onto|within|before|by|for|shortly|briefly)\b"
            r"|\s+the\s+(?:next|following|same|previous)\b"
            # ("sent 13 of them to prison", "took 13 to hospital": where the verb took them)
            r"|\s+to\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:prisons?|jails?|police|hospitals?|courts?|penal)\b))",
            re.IGNORECASE,
        ),
        # "raising the death toll from two days of unrest in the oil region to 14": a toll raised to its figure
        raised_toll=re.compile(
            # ("raised the official death toll from this month's unrest to 225": a word may describe the toll)
            rf"(?:{raised_the})"
            rf"(?P<toll>(?:death\s+)?toll)\b"
            rf"(?:\s+(?:from|of|in|across|after|since|over)\b(?:\s+[\w'\u2019-]+){{1,12}}?)?\s+(?P<toll_verb>to)\s+(?:{qual}\s+)?{stated}",
            re.IGNORECASE,
        ),
        # "raised to 14 the number of people killed": the figure before the toll it raises
        toll_raised_to=re.compile(
            rf"\b(?:{alternation(lexicon['tolls'].get('raising_verbs') or ['(?!)'])})\s+(?P<toll_verb>to)\s+(?:{qual}\s+)?{stated}"
            rf"\s+the\s+(?P<toll>{toll_nouns})\b",
            re.IGNORECASE,
        ),
        all_those=re.compile(rf"\b(?P<unspec>all\s+(?:of\s+)?those)\s+(?P<trig>{outcome})", re.IGNORECASE),
        toll=re.compile(
            # "the toll, announced on Monday, stood at 164": an aside between commas may stand before
            # the verb; "toll road", "economic toll" are no death toll.
            rf"(?<!economic )(?<!financial )\b(?P<toll>{toll_nouns})"
            # ("the death toll from riots in a western oil town has risen to 13": a phrase on what it counts first)
            rf"(?!\s+(?:road|roads|booth|booths|plaza|gate|gates|free|charges?|fees?)\b)(?:{_ASIDE}|,)?"
            # ("The death toll from riots in a restive oil town in western Kazakhstan has risen to 13", "put the
            # number of people detained across Kazakhstan in the first two weeks of January at nearly 10,000")
            rf"(?:\s+(?:from|in|of|after|over|across|during|amid|following|as\s+a\s+result\s+of)\b(?:\s+[\w'\u2019-]+){{1,12}}?(?=\s+(?:has|have|had|was|is|now|rose|stood|at)\b))?\s+(?:[\w'\u2019-]+\s+){{0,6}}?"
            rf"(?P<toll_verb>{_toll_verbs(lexicon['tolls']['toll_verbs'])})\s+(?:{qual}\s+)?{stated}",
            re.IGNORECASE,
        ),
        # Searched in the folded text (kzresearch.patterns.caseless); also the cheap filters, with
        # ``anchor``: only sentences with a quantity and a trigger or protester noun go on.
        triggers=caseless(rf"\b{first_char_guard(trig_groups)}(?:{trig_groups})\b"),
        protesters=caseless(rf"\b{alternation(lexicon['protester_nouns'])}\b"),
        # "aged 25-30", and the upper end of such a range ("people aged 18 to 25 in Shymkent")
        ages=re.compile(rf"\b{alternation(lexicon['not_a_count'].get('ages', []) or ['aged'])}\s+(?:\d+\s*(?:to|-|\u2013|and)\s*)?$",
                        re.IGNORECASE),
        toll_words=caseless(rf"\b{toll_nouns}\b"),
        anchor=re.compile(rf"[0-9]|(?<![a-z]){alternation(_anchor_words(lexicon))}(?![a-z])"),
        # No "^": match() anchors at its position, and "^" would match only at the start of the text.
        # Case as written: "30 years", but "two Times journalists".
        # (a month's name after a figure makes it a day of the month: "On 28 April several people ...")
        not_after=re.compile(rf"\s*{alternation(lexicon['not_a_count']['after'] + [m.capitalize() for m in MONTHS])}(?![\w])"),
        after_noun=re.compile(rf"\s+{alternation(lexicon['not_a_count'].get('after_noun') or ['(?!)'])}\b", re.IGNORECASE),
        not_before=re.compile(rf"{alternation(lexicon['not_a_count']['before'])}\s*$"),
        possession=re.compile(rf"\b(?:{alternation(lexicon['not_a_count']['possession'])}|(?:an?|the)\s+(?:[\w'-]+\s+)?"
                              rf"{alternation(lexicon['not_a_count'].get('place_sizes') or ['(?!)'])}\s+of)\s+$", re.IGNORECASE),
        inherit=re.compile(rf"\b{alternation(lexicon['not_a_count']['inherit'])}\s+$", re.IGNORECASE),
        non_count=re.compile(rf"\b{alternation(lexicon['non_count_nouns'])}\b", re.IGNORECASE),
        qualifiers=qualifiers,
        qualifier_before=re.compile(rf"\b{qual}\s+$", re.IGNORECASE),
        tally_words={word.lower(): value for word, value in (lexicon["numbers"].get("tally_words") or {}).items()},
        qualifier_suffixes=suffixes,
        unspecified={normalise(k): v for k, v in lexicon["unspecified"].get("vague_word", {}).items()},
        protester_nouns=frozenset(normalise(n) for n in lexicon["protester_nouns"]),
        security_nouns=frozenset(normalise(n) for n in lexicon.get("security_nouns") or []),
        category_nouns={normalise(n): cat for cat, nouns in lexicon["category_nouns"].items() for n in nouns},
        speaker_next=re.compile(rf"\s*,?\s*{speech_verbs(lexicon['attribution'])}\b", re.IGNORECASE),
        # "one protester, a 58-year-old welder who ..., told reporters": a person quoted past an apposition
        speaker_past_apposition=re.compile(rf"\s*,[^,;]{{1,150}},\s*{speech_verbs(lexicon['attribution'])}\b", re.IGNORECASE),
        speaker_before=re.compile(rf"\b{speech_verbs(lexicon['attribution'])}\s+$", re.IGNORECASE),
        # two sources of a sentence, one in each of its clauses: rival sizes of one crowd
        rival_sources=re.compile(rf"\b{speech_verbs(lexicon['attribution'])}\b[^;.]*[;,]\s+[^;.]*\b{speech_verbs(lexicon['attribution'])}\b",
                                 re.IGNORECASE),
        non_protest=re.compile(rf"\b{alternation(lexicon['non_protest_gatherings'], literal=False)}\b", re.IGNORECASE),
        weak_protest=re.compile(rf"{alternation(lexicon['weak_protest_triggers'])}$", re.IGNORECASE),
        context_only=re.compile(rf"{alternation(lexicon.get('protest_context', {}).get('triggers') or ['(?!)'])}$", re.IGNORECASE),
        # a rule on gatherings before their size: "restrictions on gatherings of more than a few people" is a limit
        limited=re.compile(rf"\b{alternation(lexicon['not_a_count'].get('limit_words') or ['(?!)'], literal=False)}\s+$", re.IGNORECASE),
        # a protest noun before its size ("smaller rallies, each of a few dozen people, ...", "pickets of 30 people")
        protest_noun_before=re.compile(rf"\b{protest_nouns}(?:,\s+each)?\s+of\s+(?:{qual}\s+)?$", re.IGNORECASE),
        protest_noun=re.compile(rf"\b{protest_nouns}\b", re.IGNORECASE),
        # what sets a crowd word in a protest: a protest noun or verb, or its people ("Several hundred
        # gathered ... Organizers said about 2,000 people came", "a lawyer for the strikers")
        object_verbs=frozenset(lexicon.get("object_verbs") or []),
        protest_context=re.compile(rf"\b{alternation([protest_nouns, *(lexicon.get('protest_context', {}).get('verbs') or []), *lexicon['protester_nouns']], literal=False)}\b",
                                   re.IGNORECASE),
        voting=re.compile(rf"\b{alternation(lexicon['voting_words'])}\b", re.IGNORECASE),
        # "... detained in Almaty and more than 200 in Astana", "164 killed, 103 of them in Almaty":
        # a quantity and a place with the noun and verb left out, after a full count.
        ellipsis=re.compile(rf"(?:,\s*|\s+)(?:and\s+)?(?P<q>(?:{qual}\s+)?(?:{vague}|{num}))(?:\s+(?:more|others))?"
                            rf"(?:\s+of\s+(?:them|whom|those))?\s+(?:in|at)\s+(?:the\s+)?"
                            # ("and more than 200 in the capital, Astana": a place after its description)
                            # ("and one more in the railway village of Shetpe": its kind described)
                            rf"(?:(?:[a-z-]+\s+){{0,2}}?(?:capital|city|town|village|settlement|port|region|district)(?:\s+of)?,?\s+)?(?P<place>(?-i:[A-Z])[\w'-]*)", re.IGNORECASE),
        # "several hundred rallied in Almaty -- some 500 by the party's count, no more than 200 according to
        # the city administration": a quantity and its source after a full count, the same count's rival figures.
        rival=re.compile(rf"(?:\s*(?:[-\u2013\u2014]{{1,2}}|[,;])\s*|\s+)(?:and\s+|but\s+|or\s+|while\s+)?(?P<q>(?:{qual}\s+)?(?:{vague}|{num}))"
                         r"\s+(?:by\s+(?:the\s+)?(?P<source>[\w'\u2019.-]+(?:\s+[\w'\u2019.-]+){0,3}?)(?:['\u2019]s?)?\s+(?:count|estimates?|tally|figures?|reckoning)\b"
                         r"|according\s+to\s+(?:the\s+)?(?P<source_after>[\w'\u2019.-]+(?:\s+[\w'\u2019.-]+){0,3}?)(?=\s*(?:[-\u2013\u2014,.;)]|$)))",
                         re.IGNORECASE),
        # "RFE/RL put the crowd at around 1,000 people, the regional newspaper Ak Zhaiyk at more than 2,000, and
        # the news site Vlast at several hundred": other sources' figures for the same estimate, its verb left out
        # (a source is a name or a speaker's noun, and nothing follows its figure: not "and the number of buses at 40",
        # "and the rally began at 11 on Saturday")
        gapped=re.compile(rf"(?:\s+{people})?(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?"
                          rf"(?P<source>(?:[a-z][\w-]*\s+){{0,3}}?(?:(?-i:[A-Z])[\w/.'\u2019-]*(?:\s+(?-i:[A-Z])[\w/.'\u2019-]*){{0,3}}|{speakers}))"
                          rf"\s+at\s+(?P<q>(?:{qual}\s+)?(?:{vague}|{num}))", re.IGNORECASE),
        estimate_end=re.compile(rf"(?:\s+{people})?{_ESTIMATE_END}", re.IGNORECASE),
        spoken_estimate=re.compile(alternation(lexicon["tolls"].get("spoken_estimates") or ["(?!)"], literal=False), re.IGNORECASE),
        # "9,900 people had been detained, up from 7,939 a day earlier": the same count's earlier figure
        rival_from=re.compile(rf",\s*(?:up|down)\s+from\s+(?:the\s+|an?\s+)?(?:(?:previous|earlier|initial|preliminary)\s+)?"
                              rf"(?P<q>(?:{qual}\s+)?(?:{vague}|{num}))(?=\s+(?:a\s+day|the\s+(?:day|previous)|on|by|earlier|previously|reported|given)\b|\s*[,.;)]|$)",
                              re.IGNORECASE),
        # "... the organisers claimed more than 1,000 people attended, while the city authorities said fewer
        # than 300" ("..., though organisers claimed up to 1,000"): a source, its verb of saying and a bare
        # quantity after a full count, a rival figure
        rival_said=re.compile(rf"\s*(?:[-\u2013\u2014]{{1,2}}|[,;])\s*(?:and|but|while|whereas|(?:even\s+|al)?though)\s+(?:the\s+)?"
                              rf"(?P<source>[\w'\u2019.-]+(?:\s+[\w'\u2019.-]+){{0,3}}?)\s+{speech_verbs(lexicon['attribution'])}\s+"
                              rf"(?P<q>(?:{qual}\s+)?(?:{vague}|{num}))(?=\s*(?:[-\u2013\u2014,.;?!)]|$))", re.IGNORECASE),
        # "15 relatives of people killed in the unrest": a participle inside the "of" phrase.
        of_people=re.compile(rf"\s+of\s+(?:the\s+)?{_people(lexicon)}\s+(?:who\s+(?:were|had\s+been)\s+)?(?:\w+\s+(?:or|and)\s+)*"),
        toll_category=[(cat, re.compile(rf"^{alternation(fr, literal=False)}$", re.IGNORECASE)) for cat, fr in tolls.items()],
        # A place abroad the sentence is in ("in neighbouring Kyrgyzstan", "a rally in Baku",
        # "Azerbaijan: rally dispersed in Baku"), by its name as written: a demonym ("Russian
        # media reported") places nothing.
        # (not where a source sits or speaks: "a rights group based in Warsaw", "in exile in Kyiv",
        # "Speaking in Moscow, the minister said ...")
        abroad=re.compile(r"(?<![Bb]ased )(?<![Hh]eadquartered )(?<!exile )(?<![Ll]ives )(?<![Ll]iving )(?<![Rr]egistered )(?<![Ss]peaking )"
                          rf"\b(?:(?:[Ii]n|[Aa]cross|[Aa]t|[Oo]utside)\s+(?:the\s+)?(?:neighbou?ring\s+)?"
                          # ("filled the center of Kiev", "the streets of Minsk")
                          rf"|(?:centre|center|streets|squares?|heart)\s+of\s+){abroad}(?![\w-])"),
        abroad_label=re.compile(rf"\W*{abroad}\s*:"),
        # a bulletin's or a digest's item headed by its country alone ("France. Protesters set bins alight ..."; not
        # "Russia: The Kremlin said ...", nor a city's dateline "Moscow. 5 January. INTERFAX -")
        abroad_heading=re.compile(rf"\W*{places_of(lexicon, 'foreign_places')}\s*\.\s*$"),
        # a sentence whose subject is a place abroad's institution: "Lebanon's current parliament was elected ..."
        abroad_subject=re.compile(rf"\W*{abroad}['\u2019]s\s+(?:[\w-]+\s+)?{alternation(lexicon['results'].get('abroad_institutions') or ['(?!)'])}\b"),
        # "... closely in Moscow, where tens of thousands rallied", "its neighbour Kyrgyzstan, where a
        # revolt left more than 80 people dead": a clause on a place abroad
        # ("the uprising in Kyiv in 2014 in which more than 100 protesters were killed": a year between)
        # ("Belarus in 2020, when more than 30,000 people were detained": a time abroad)
        # ("Hong Kong had a massive march where organisers claimed more than a million": an event abroad's clause)
        abroad_where=re.compile(rf"\b{abroad}(?:\s+(?:had|has|saw|held|staged|witnessed)\s+(?:an?\s+|the\s+|its\s+)?(?:[a-z-]+\s+){{0,2}}?"
                                rf"(?:march(?:es)?|rall(?:y|ies)|protests?|demonstrations?|uprising|unrest|riots?|strikes?|revolution))?"
                                rf"(?:\s+in\s+(?:19|20)\d\d)?\s*,?\s*(?:where|in\s+which|when)\b"),
        home=re.compile(rf"\b{places_of(lexicon, 'home_places')}\b"),
        verb_qualifiers=phrase_map(lexicon.get("verb_qualifiers", {})),
        # Words a toll's figure may stand before: the people a protest, detention or toll counts,
        # and the words that end or continue its clause.
        crowd_nouns=frozenset(normalise(w) for w in lexicon["protester_nouns"] + lexicon["tolls"].get("figure_followers", [])),
        adjacent_noun=re.compile(rf"{alternation(lexicon['tolls'].get('adjacent_nouns') or ['(?!)'], literal=False)}$", re.IGNORECASE),
        weak_toll_verb=re.compile(rf"{alternation(lexicon['tolls'].get('weak_toll_verbs') or ['(?!)'])}$", re.IGNORECASE),
        # "- Almaty: more than 300 people", "Kyzylorda Region: 21": a place, a colon and a quantity.
        # The item ends there, or goes on with a source or a gloss ("34 people, according to ..."):
        # "- Almaty: 10 buses", "Almaty: 10 June" are no counts.
        # A list's heading that announces figures broken down ("Our figures by city are as follows:").
        breakdown=re.compile(rf"\b{alternation(lexicon.get('list_headings') or ['(?!)'], literal=False)}\b", re.IGNORECASE),
        list_item=re.compile(rf"\s*(?:{LIST_BULLET}\s*)?(?P<place>{LIST_LABEL}):\s+"
                             rf"(?P<q>(?:{qual}\s+)?{stated})(?:\s+{noun}(?!\w)|(?=\s*(?:[,;.)(]|\s[-\u2013\u2014]\s|$)|\s+(?:according|including|among|mostly|mainly|most|of|in|at)\b))",
                             re.IGNORECASE | re.MULTILINE),
        # A fact box's line: a figure, a dash and what it counts ("225 — deaths reported by prosecutors",
        # "7,939 — detained as of Jan. 10"; not "120 tenge — LPG price", whose figure has a unit).
        # (a label opens in lower case: "1 — Protesters detained in Almaty" is a numbered headline)
        figure_label=re.compile(rf"\s*(?:{LIST_BULLET}\s+)?(?P<q>(?:{qual}\s+)?{stated})\s+(?:[\u2013\u2014]|--?)\s+(?P<label>(?-i:[a-z]))",
                                re.IGNORECASE),
        # ... and an encyclopaedia's fact box, the label first: "Deaths: 238 (official figure)", "Detained: about 9,900"
        # (the people a label counts, a people noun, may stand beside its noun: "Police officers killed: 16", "Protesters detained: 50",
        # "Injured security personnel: more than 1,300"; not a unit or a rate: "Days detained: 15", "Arrests per day";
        # a part of the figure may follow it: "Killed: 164, including three children")
        label_figure=re.compile(rf"\s*(?:{LIST_BULLET}\s+)?(?P<label>(?:{people_nouns}\s+)?(?P<noun>{alternation([n for ns in (lexicon.get('label_nouns') or {}).values() for n in ns] or ['(?!)'])})"
                                rf"(?:\s+{people_nouns})?)\s*:\s+(?P<q>(?:{qual}\s+)?{stated})"
                                rf"(?=(?:,\s+(?:including|among\s+them|of\s+whom)\b[^\n:]{{0,60}}?)?\s*(?:\([^()\n]{{0,60}}\))?\s*(?:$|\n))", re.IGNORECASE),
        label_category={normalise(n): cat for cat, ns in (lexicon.get("label_nouns") or {}).items() for n in ns},
        # A count of people on the other side of a place joined by "and in" ("up to 10 were held", '"from 15 to 20"
        # people'; not a day or a population: "on June 9", "where 2 million people live").
        count_beside=re.compile(rf"\b(?:{NUMBER_PATTERN})[\"\u201d]?\s+(?:(?:{people_nouns}|others|more)\b(?!\s+live)|(?:were|was|had)\b)",
                                re.IGNORECASE),
    )
    return g


@dataclass
class _Candidate:
    start: int
    end: int
    shape: str  # np | subject | object | all | toll
    match: re.Match
    counted: str | None = None
    parent: "_Candidate | None" = None  # the full count an elliptical one continues


_CASUALTIES = frozenset({"killed", "injured"})
_DAY_LENGTH = len("YYYY-MM-DD")  # an event date of a day, not of a month
# A count told back from a later day: "13 people had died", "86 had been injured".
_TOLD_BACK = re.compile(r"\bhad\s+(?:been\s+)?\w+", re.IGNORECASE)
_TOLD_BACK_REACH = 30


def extract_tallies(text: str, ctx: DocContext, ref: Any, *, convention: str = DEFAULT_CONVENTION) -> list[dict]:
    """Return the tallies of one document's clean text.

    Parameters
    ----------
    text : str
        Clean text; spans refer to it (``phrase == text[start:end]``).
    ctx : DocContext
        Document id, election, publication date and mentions.
    ref : Reference
        Reference tables (names, capitals, lexicon, conventions).
    convention : str
        Quantity convention for ``low``/``high`` (``quantities.yaml``).

    Returns
    -------
    list of dict
        One row per count phrase with the columns of the tallies table.
    """
    tc = text_context(text, ctx, ref)
    g = grammar(lexicon_of(ref))
    conventions = getattr(ref, "conventions", None) or None
    rows: list[dict] = []
    folded = tc.folded
    by_sentence: dict[int, list[int]] = {}
    for a in (m.start() for m in g.anchor.finditer(folded)):
        by_sentence.setdefault(tc.sentence_of(a), []).append(a)
    wanted = set(tc.claim_sentences)
    for index in sorted(by_sentence):
        if index not in wanted:
            continue
        s_start, s_end = tc.sentences[index]
        # (the cheap nouns first; the triggers, many patterns, last)
        if not (g.protesters.search(folded, s_start, s_end) or g.toll_words.search(folded, s_start, s_end)
                or g.triggers.search(folded, s_start, s_end)
                or (rows and (_AMONG_ANYWHERE.search(folded, s_start, s_end) or _AMONG_THEM_FIRST.match(text, s_start)))):
            continue
        if _abroad_only(tc, g, index):
            continue  # "Last spring thousands of protesters marched on the White House in Bishkek"
        previous: dict | None = None
        cands = _candidates(text, s_start, s_end, g, by_sentence[index])
        cands += _ellipses(tc, g, cands, index)
        cands.sort(key=lambda c: c.start)
        counted: dict[int, str] = {}
        for i, cand in enumerate(cands):
            if cand.parent is not None:
                if id(cand.parent) not in counted:
                    continue
                cand.counted = counted[id(cand.parent)]
            # "225 killed, including 19 police officers"; not "of whom 400 were fined", whose verb says what it counts;
            # a part in apposition too: "225 bodies were brought to morgues, 19 of them police officers"
            # (not a count with a noun of its own: "16 killed, along with more than 100 wounded")
            if previous is not None and cand.counted is None and cand.shape != "subject" and (
                    g.inherit.search(text, previous["end"], cand.start) or _apposed_part(text, cand, s_start)) \
                    and not (cand.shape == "np" and normalise(cand.match.group("noun")) in g.category_nouns):
                cand.counted = previous["counted"]
            if cand.counted is None and (_AMONG_THEM.match(text, cand.end)
                                         or (cand.shape == "np" and _AMONG_THEM_FIRST.match(text, s_start, cand.start))):
                # "Dozens of journalists were among them", "Among them were at least 13 journalists": a part of
                # the count before, counted alike
                if (before := _count_before(tc, rows, previous, index)) is not None:
                    cand.counted = before["counted"]
            if cand.shape == "toll" and _toll_category(g, cand.match.group("toll")) == _ESTIMATE:
                # "Organisers said 40 took part; police put the number at 15": what the count before counted
                before = _count_before(tc, rows, previous, index, _quantity(cand.match.groupdict(), g)[0])
                if before is None:
                    continue
                cand.counted = before["counted"]
            if any(m.end() <= cand.start and not CLAUSE_BREAK.search(text, m.end(), cand.start)
                   and not ((_SAYER_THERE.match(text, m.end()) or g.home.search(text, m.end(), cand.start))
                            and tc.patterns.speech_verb.search(text, m.end(), cand.start))
                   for m in g.abroad_where.finditer(text, s_start, cand.start)):
                # counted in a clause on a place abroad ("Syria, where the United Nations says more than 5,000
                # have been killed"; not said there by the sentence's own or of Kazakhstan: "in Moscow, where he
                # said 225 had died", "where Kazakhstan's president said 225 people had been killed")
                continue
            clause = (_clause_start(text, cands[i - 1].end, cand.start) if i else s_start,
                      _clause_start(text, cand.end, cands[i + 1].start) if i + 1 < len(cands) else s_end)
            row = _row(tc, g, cand, index, convention, conventions, clause)
            if row is not None:
                rows.append(row)
                previous = row
                counted[id(cand)] = row["counted"]
    rows = _listed(tc, g, rows, by_sentence, convention, conventions)
    rows = _set_places(tc, _episode_tolls(tc, _labelled_figures(tc, g, rows, by_sentence, convention, conventions)))
    return without_restated_headings(tc, rows, ("counted", "number", "vague_word", "location"))


# An estimate revises a count of its own scale: "about 500 people had been detained ..., and three
# police officers had been hurt. A spokesman put the total at about 700" revises the 500.
_ESTIMATE_SCALE = 10


def _count_before(tc: TextContext, rows: list[dict], previous: dict | None, index: int,
                  figure: float | None = None) -> dict | None:
    """Return the count before one in sentence ``index``: the sentence's previous count, else the last
    count of the sentence before (None: neither); for an estimate stating ``figure``, the nearest of
    those counts within a factor of ``_ESTIMATE_SCALE`` of it, where one is."""
    reach = tc.sentences[index - 1][0] if index else tc.sentences[index][0]
    nearby = [row for row in rows if row["start"] >= reach]
    if figure:
        scaled = (row for row in reversed(nearby)
                  if row["number"] and 1 / _ESTIMATE_SCALE <= figure / row["number"] <= _ESTIMATE_SCALE)
        if (row := next(scaled, None)) is not None:
            return row
    return previous or (nearby[-1] if nearby else None)


def _set_places(tc: TextContext, rows: list[dict]) -> list[dict]:
    """Give a count that points back at a set ("All eight were released", "Both were fined", "Two of
    them ...") the place of the count right before it, within two sentences, where its sentence names
    no place (an official's "All eight were released, a police spokesman said" is no nationwide
    figure; "all 200 people detained nationwide" is)."""
    country = [tc.patterns.country]
    for before, row in zip(rows, rows[1:]):
        if row["location"] != country or before["location"] == country \
                or not (_POINTS_BACK.match(row["phrase"]) or _ALL_BEFORE.search(tc.text, max(0, row["start"] - 8), row["start"])):
            continue
        index = tc.sentence_of(row["start"])
        if tc.sentence_of(before["start"]) >= index - _SET_REACH and not tc.places_in(index, None):
            row["location"] = list(before["location"])
    return rows


def _episode_tolls(tc: TextContext, rows: list[dict]) -> list[dict]:
    """Date a count of casualties in the town of a one-town episode (``events.csv`` ``place``) by the
    episode's first day, where the report came during the episode or the fortnight after and the
    count's clause names no time of its own ("86 people were injured in Zhanaozen", in a story of
    the 18th, after a paragraph on Saturday's announcements), or its sentence tells a toll back from
    a later day ("By Sunday the toll had risen: 13 people had died in Zhanaozen"): a toll is the day
    of the violence it counts. A day the count's clause names stands ("Eleven people were injured in
    Zhanaozen on December 19", "On Monday three more people were injured")."""
    for row in rows:
        if row["counted"] not in _CASUALTIES or len(row["location"]) != 1:
            continue
        first = tc.reported_episode(row["location"][0])
        day = row["event_date"]
        if first is not None and (day is None or (len(day) == _DAY_LENGTH and first.isoformat() <= day <= tc.ctx.published.isoformat()
                                                  and _told_later(tc, row))):
            row["event_date"] = first.isoformat()
    return rows


def _told_later(tc: TextContext, row: dict) -> bool:
    """Whether a count's day may be that of its telling: its clause names no time of its own, or it
    is a toll or told back ("the toll had risen", "13 people had died")."""
    return not _dated_in_clause(tc, row) or "toll" in row["phrase"].lower() \
        or _TOLD_BACK.search(tc.text, tc.sentences[tc.sentence_of(row["start"])][0], row["end"] + _TOLD_BACK_REACH) is not None


def _dated_in_clause(tc: TextContext, row: dict) -> bool:
    """Whether a count's own clause, or its sentence's opening ("On Saturday, ..."), names a time: not
    one of another clause ("..., and that around 70 people were arrested overnight")."""
    index = tc.sentence_of(row["start"])
    s_start, s_end = tc.sentences[index]
    lo = max([m.end() for m in CLAUSE_MARK.finditer(tc.text, s_start, row["start"])], default=s_start)
    hi = m.start() if (m := CLAUSE_MARK.search(tc.text, row["end"], s_end)) else s_end
    opening = tc.opening_end(index)
    return any(lo <= pos < hi or pos < opening for pos, _ in tc.date_cues(index))


def _apposed_part(text: str, cand: _Candidate, s_start: int) -> bool:
    """Whether a count is a part of the count before it, in apposition: ", 19 of them police officers"."""
    num = cand.match.groupdict().get("num")
    return bool(num) and text[s_start:cand.start].rstrip().endswith(",") and _OF_THEM.match(text, cand.match.end("num")) is not None


def _toll_verbs(verbs: list[str]) -> str:
    """Return an alternation of a toll's verbs, an adverb allowed before a verb's "to" ("rose sharply to")."""
    def shaped(verb: str) -> str:
        words = verb.split()
        adverb = r"(?:\s+\w+ly)?" if len(words) > 1 and words[-1] == "to" else ""
        return r"\s+".join(map(re.escape, words[:-1])) + adverb + (r"\s+" if len(words) > 1 else "") + re.escape(words[-1])
    return alternation(map(shaped, verbs), literal=False)


def _abroad_only(tc: TextContext, g: _Grammar, index: int) -> bool:
    """Whether sentence ``index`` is set in a place abroad, or "there" (before its counts) after a
    sentence set abroad, or in a paragraph headed by a country abroad, and names no place in Kazakhstan (no name of the gazetteer's, no
    ``home_places`` word): its counts are another country's. A place abroad in an aside after a
    dash does not set it there ("... an orange banner -- the colour of last year's uprising in
    Ukraine")."""
    start, end = tc.sentences[index]
    aside = _ASIDE_DASH.search(tc.text, start, end)
    abroad = g.abroad.search(tc.text, start, aside.start() if aside else end) or g.abroad_label.match(tc.text, start, end) \
        or g.abroad_subject.match(tc.text, start, end)
    # ("... events in Hong Kong, where organisers said 1.03 million people marched. Police there put the crowd
    # at 240,000": "there", the place abroad the sentence before named)
    # (as a subject's place, before the sentence's counts: not "At least 15 people were killed there")
    if not abroad and index and (there := _THERE.search(tc.text, start, end)) and not g.anchor.search(tc.folded, start, there.start()):
        p_start, p_end = tc.sentences[index - 1]
        p_aside = _ASIDE_DASH.search(tc.text, p_start, p_end)
        # (a Kazakh place there is the one "there" may mean; "Kazakhs" or "Kazakhstan's" is not)
        abroad = g.abroad.search(tc.text, p_start, p_aside.start() if p_aside else p_end) \
            and not any(m.kind == "place" for m in tc.mentions(index - 1))
    if not abroad and tc.continues(index):
        # ("France. Protesters clashed with police in Paris ... Hundreds of people have been arrested": a
        # paragraph headed by a country abroad is set there throughout)
        abroad = g.abroad_heading.fullmatch(tc.text, *tc.sentences[tc.paragraph_start(index)])
    return bool(abroad) and not g.home.search(tc.text, start, end) \
        and not any(m.kind == "place" for m in tc.mentions(index))


def _listed(tc: TextContext, g: _Grammar, rows: list[dict], by_sentence: dict[int, list[int]], convention: str,
            conventions: dict | None) -> list[dict]:
    """Add the counts of a list by place ("- Almaty: 103", "Atyrau: 34 people, according to ..."):
    an item with no word of its own for what it counts counts what its list's heading line names
    ("broke the dead down by region:") or, failing that, what the count before the list counted."""
    text = tc.text
    covered = {(r["start"], r["end"]) for r in rows}
    readable = set(tc.claim_sentences)
    added: list[dict] = []
    heading_of: dict[int, int] = {}  # a list item's sentence -> its heading's (each list is walked once)
    counted_by: dict[int, str | None] = {}  # a heading's sentence -> what its list counts
    for index in sorted(by_sentence):
        s_start, s_end = tc.sentences[index]
        m = g.list_item.match(text, s_start, s_end)
        if m is None or any(s_start <= a < s_end for a, _ in covered) or index not in readable:
            continue
        places = [x for x in tc.mentions(index) if x.kind == "place" and x.start < m.end("place")]
        if not places or not _is_count(text, m, "list", g):
            continue
        heading = _list_heading(tc, index, heading_of)
        if heading not in counted_by:
            counted_by[heading] = _list_counts(tc, g, heading, rows + added)
        if counted_by[heading] is None:
            continue
        cand = _Candidate(m.start("q"), m.end(), "list", m, counted=counted_by[heading])
        row = _row(tc, g, cand, index, convention, conventions, (m.start("q"), s_end))
        if row is not None and (row["number"] or 0) < _MILLION:  # "Taraz: 1 million residents" is a size
            # "Our figures by city:", "By region, the Health Ministry reported:": the heading's source.
            row["attributed_to"] = row["attributed_to"] or tc.attribution(heading, tc.sentences[heading][1])
            added.append(row)
    return sorted(rows + added, key=lambda r: r["start"])


# A fact box label's source: after "reported by" and its like, or in brackets at its end (not a date's).
_LABEL_SOURCE = re.compile(r"\b(?:reported|given|counted|confirmed|announced|recorded)\s+by\s+(?P<by>[^,;()]{2,60}?)\s*(?=[,;(]|$)"
                           r"|\((?P<bracketed>[A-Z][A-Za-z'\u2019 -]{2,40})\)\s*$")
_PEOPLE_WORD = re.compile(r"(?:people\s+)?")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# The words of a fact box's label that name what its figure counts ("deaths reported by ...", "people injured, ...").
_LABEL_HEAD_WORDS = 3


def _labelled_figures(tc: TextContext, g: _Grammar, rows: list[dict], by_sentence: dict[int, list[int]], convention: str,
                      conventions: dict | None) -> list[dict]:
    """Add the figures of a fact box ("KEY NUMBERS"): a line of a figure, a dash and a label whose first
    words name what it counts ("225 — deaths reported by prosecutors (Jan. 15)", "4,578 — people
    injured"), or of a label, a colon and a figure ("Deaths: 238 (official figure)"); a label that names
    nothing counted ("2,030 — CSTO troops deployed", "Articles amended: 33") adds none."""
    text = tc.text
    covered = [(r["start"], r["end"]) for r in rows]
    readable = set(tc.claim_sentences)
    added: list[dict] = []
    for index in sorted(by_sentence):
        s_start, s_end = tc.sentences[index]
        labelled = g.label_figure.match(text, s_start, s_end)
        m = labelled or g.figure_label.match(text, s_start, s_end)
        if m is None or index not in readable or any(s_start <= a < s_end for a, _ in covered) or not _is_count(text, m, "label", g):
            continue
        if labelled:
            # "Deaths: 238 (official figure)": the label says what it counts, no source in its brackets
            cand = _Candidate(m.start("q"), s_end, "label", m, counted=g.label_category[normalise(m.group("noun"))])
            if (row := _row(tc, g, cand, index, convention, conventions, (m.start("q"), s_end))) is not None:
                added.append(row)
            continue
        head = _WORD.finditer(text, m.start("label"), s_end)
        head_end = max((w.end() for _, w in zip(range(_LABEL_HEAD_WORDS), head)), default=m.end())
        found = [cat for *_, cat in _protests_only(tc, g, _window_triggers(tc, g, m.start("label"), head_end), m.start("label"), head_end)]
        if g.protesters.match(tc.folded, _PEOPLE_WORD.match(tc.folded, m.start("label")).end()):
            found.append("protesters")  # ("300 — protesters in Almaty", "— people protesting")
        if not found:
            continue
        cand = _Candidate(m.start("q"), s_end, "label", m, counted=([cat for cat in found if cat in OUTCOMES] or found)[0])
        if (row := _row(tc, g, cand, index, convention, conventions, (m.start("q"), s_end))) is not None:
            # (the label's source: "deaths reported by prosecutors", "detained as of Jan. 10 (Interior Ministry)")
            if row["attributed_to"] is None and (source := _LABEL_SOURCE.search(text, m.start("label"), s_end)) is not None \
                    and not tc.ref.is_place(who := _LEADING_THE.sub("", (source.group("by") or source.group("bracketed")).strip())):
                row["attributed_to"] = who
            added.append(row)
    return sorted(rows + added, key=lambda r: r["start"])


def _list_heading(tc: TextContext, index: int, heading_of: dict[int, int]) -> int:
    """Return the sentence above the list that holds sentence ``index`` (-1: none), over the list's
    other items, counts or not; ``heading_of`` remembers the items already walked over."""
    heading = index - 1
    while heading >= 0 and heading not in heading_of and LIST_LINE.match(tc.text, tc.sentences[heading][0]):
        heading -= 1
    heading_of[index] = heading_of.get(heading, heading)
    return heading_of[index]


def _list_counts(tc: TextContext, g: _Grammar, heading: int, rows: list[dict]) -> str | None:
    """Return what the list under sentence ``heading`` counts: the outcome (else protest) the heading
    line names, else what the last count within three sentences before the heading counted."""
    text = tc.text
    if heading < 0:
        return None
    lo, hi = tc.sentences[heading]
    if not text[lo:hi].rstrip().endswith(":"):
        return None  # a list is announced by a line ending in a colon
    if g.non_count.search(text, lo, hi) or g.voting.search(text, lo, hi):
        return None  # "Populations at the start of 2021:", "Turnout by region:"
    found = _protests_only(tc, g, _window_triggers(tc, g, lo, hi), lo, hi)
    named = [cat for *_, cat in found if cat in OUTCOMES] or [cat for *_, cat in found]
    if named:
        return named[0]
    if not g.breakdown.search(text, lo, hi):
        return None  # "Our schedule:" announces no figures
    before = tc.sentences[max(0, heading - 3)][0]
    earlier = sorted((r for r in rows if before <= r["start"] < lo), key=lambda r: r["start"])
    return earlier[-1]["counted"] if earlier else None


_MIXED_CROWD_REACH = 30
# How far after a full count its elliptical ones may stand ("... in Almaty, the commercial hub, and
# more than 200 in the capital Astana").
_ELLIPSIS_REACH = 120
# Where a count's clause ends and a rival figure may follow: a dash (or two hyphens), a comma or a semicolon.
_CLAUSE_END_AT = re.compile(r"\s*(?:[-\u2013\u2014]{1,2}|[,;])")


def _ellipses(tc: TextContext, g: _Grammar, cands: list[_Candidate], index: int) -> list[_Candidate]:
    """Return the elliptical counts after the counts of a sentence: "more than 300 people were
    detained in Almaty and more than 200 in Astana", "164 people were killed, 103 of them in Almaty".

    The quantity and a place follow a full count's clause with its noun and verb left out, so it
    counts what that count counts (set once the full count's row is known, see ``_row``).
    """
    text = tc.text
    s_end = tc.sentences[index][1]
    found = []
    for i, cand in enumerate(cands):
        limit = cands[i + 1].start if i + 1 < len(cands) else s_end
        pos = cand.end
        while (m := g.ellipsis.search(text, pos, min(limit, pos + _ELLIPSIS_REACH))) is not None:
            pos = m.end()
            if any(x.start == m.start("place") and x.kind == "place" for x in tc.mentions(index)) \
                    and _is_count(text, m, "ellipsis", g):
                found.append(_Candidate(m.start("q"), m.end(), "ellipsis", m, parent=cand))
        if cand.shape == "toll" and normalise(cand.match.groupdict().get("toll_verb") or "") == "at":
            pos = cand.end
            while (m := g.gapped.match(text, pos, limit)) is not None and g.estimate_end.match(text, m.end()) \
                    and _is_count(text, m, "ellipsis", g):
                found.append(_Candidate(m.start("q"), m.end(), "ellipsis", m, parent=cand))
                pos = m.end()
        # (rival figures follow the end of the count's clause, the next dash, comma or semicolon with no
        # other quantity before it, one after another, their source after them or before its verb of saying,
        # or an earlier figure the count went up or down from)
        pos = cand.end
        while (end := _CLAUSE_END_AT.search(text, pos, limit)) is not None and not g.anchor.search(tc.folded, pos, end.start()) \
                and (m := g.rival.match(text, end.start(), limit) or g.rival_said.match(text, end.start(), limit)
                     or g.rival_from.match(text, end.start(), limit)) is not None \
                and _is_count(text, m, "ellipsis", g):
            found.append(_Candidate(m.start("q"), m.end(), "ellipsis", m, parent=cand))
            pos = m.end()
    return found


def _clause_start(text: str, lo: int, hi: int) -> int:
    """Return where the clause of the count at ``hi`` starts: after the last clause break since ``lo``."""
    breaks = list(_CLAUSE_BREAK.finditer(text, lo, hi))
    return breaks[-1].end() if breaks else hi


def _people(lexicon: dict) -> str:
    """Return the alternation of what a count may be of: "those" and the lexicon's people nouns."""
    return alternation(["those", *lexicon["people_nouns"]])


# The toll key of estimates of the count before ("put the number at 15").
_ESTIMATE = "estimates"


def _toll_nouns(lexicon: dict) -> dict[str, list[str]]:
    """Return the toll nouns by what they count: the lexicon's, and "number of" a trigger of an outcome or a crowd
    ("the number of people taken off the streets", "the number of those who were released", "the
    number of people who had gathered")."""
    number_of = rf"number\s+of\s+(?:the\s+)?(?:{_people(lexicon)}\s+)?(?:(?:who|that)\s+(?:were|had\s+been|have\s+been|had|have)\s+)?"
    # The keys that name what is counted are the categories; the others are settings.
    tolls = {k: list(v) for k, v in lexicon["tolls"].items() if k in OUTCOMES or k in ("protesters", _ESTIMATE)}
    tolls[_ESTIMATE] = tolls.get(_ESTIMATE, []) + list(lexicon["tolls"].get("spoken_estimates") or [])
    # (a crowd's with its people named: "the number of people who had gathered", not "the number of protests")
    crowd_of = rf"number\s+of\s+(?:the\s+)?{_people(lexicon)}\s+(?:(?:who|that)\s+(?:had\s+|have\s+)?)?"
    for cat in (*OUTCOMES, "protesters"):
        if lexicon["triggers"].get(cat):
            tolls.setdefault(cat, []).append((crowd_of if cat == "protesters" else number_of)
                                             + alternation(lexicon["triggers"][cat], literal=False))
    return tolls


def _anchor_words(lexicon: dict) -> list[str]:
    """Return the words one of which every count phrase holds: number words, counting nouns and the
    content words of vague and unspecified phrases ("handful" of "a handful", "all" of "all those")."""
    numbers = lexicon["numbers"]
    words = set(numbers["units"]) | set(numbers["tens"]) | set(numbers.get("tally_words") or {})
    for word in list(numbers["scales"]) + list(numbers["groups"]):
        words |= {word, word + "s"}
    for phrase in lexicon["vague"]["words"] + lexicon["unspecified"]["phrases"]:
        words |= {w for w in phrase.lower().split() if w not in ("a", "an", "the", "of")}
    return sorted(words)


# How far before a quantity a count phrase may start: a toll's noun and verb ("the number of
# people detained over the two days had reached nearly 700") or a multiplier and qualifier.
_LOOKBACK = 120
# The other shapes start within a multiplier and a qualifier of it ("two groups of slightly more than").
_NEAR = 45


def _candidates(text: str, start: int, end: int, g: _Grammar, anchors: list[int]) -> list[_Candidate]:
    """Find count phrases in one sentence; earlier shapes win where phrases overlap.

    Every shape holds a quantity, so a pattern is tried only at the word starts shortly before a
    quantity word (``anchors``), not at every character of the sentence: the leftmost,
    non-overlapping matches ``finditer`` would give, at a fraction of the cost; except that a toll
    rejected as no count leaves its words to a shorter toll inside it ("tracking the arrests put
    the figure at 800" is an estimate, no count of arrests).
    """
    near: set[int] = set()
    far: set[int] = set()
    for a in anchors:
        for m in _WORD.finditer(text, max(start, a - _LOOKBACK), a + 1):
            (near if a - m.start() <= _NEAR else far).add(m.start())
    short, long = sorted(near), sorted(near | far)
    found: list[_Candidate] = []
    for shape, pattern in (("all", g.all_those), ("toll", g.toll), ("toll", g.raised_toll), ("toll", g.toll_raised_to),
                           ("np", g.noun_phrase),
                           ("object", g.bare_object), ("subject", g.bare_subject)):
        reached = start
        for pos in long if shape == "toll" else short:
            if pos < reached:
                continue
            m = pattern.match(text, pos, end)
            if m is None:
                continue
            qstart = m.start("qual") if m.groupdict().get("qual") else None
            span_start = min(x for x in (m.start(), qstart) if x is not None)
            if any(c.start < m.end() and span_start < c.end for c in found):
                reached = m.end()
                continue
            if not _is_count(text, m, shape, g):
                # (a phrase after its figure may count: "On 28 April several people ..."; and a toll
                # inside a rejected one: "tracking the arrests put the figure at 800" is no count
                # of arrests, but an estimate)
                reached = pos + 1 if shape == "toll" else m.end("num") if m.groupdict().get("num") else m.end()
                continue
            reached = m.end()
            found.append(_Candidate(span_start, m.end(), shape, m))
    return sorted(found, key=lambda c: c.start)


def _is_count(text: str, m: re.Match, shape: str, g: _Grammar) -> bool:
    """Reject what a figure there does not count: ages, years, money, dates, durations, shares,
    times of day and electorate sizes; a count denied ("no one"); the set a partitive takes a count
    from ("Of the 37 defendants, 13 ..."); and a crowd or arrests noun whose figure counts
    something else ("arrests at 12 locations") or stands far from it after a weak verb."""
    groups = m.groupdict()
    num = groups.get("num")
    if num and not groups.get("vague") and parse_number(num) is None and num.lower() not in g.tally_words:
        return False  # two numbers side by side are none: "fifty sixty people"
    if groups.get("appos") and (not text.endswith(", ", 0, m.start()) or _SINGULAR_VERB.match(text, m.end())
                                or _NAME_BEFORE_COMMA.search(text, max(0, m.start() - 40), m.start())):
        # (a comma after a figure closes an apposition only where one opened it; "Dana, 27, was held", "Zhanbolat
        # Mamay, 33, and Dana Omarova, 29, were detained": ages after names)
        return False
    if g.possession.search(text, max(0, m.start() - 30), m.start()):
        return False  # "a party which has 800,000 members": a size, not an event
    if num:
        if g.not_after.match(text, m.end("num")) or g.not_before.search(text[max(0, m.start("num") - 6): m.start("num")]):
            return False
        if _MONTH_BEFORE.search(text[max(0, m.start("num") - 12): m.start("num")]):
            return False
        if shape != "np" and _YEAR.match(num.strip()):
            return False
        if text[m.end("num"): m.end("num") + 1] == "-" and not groups.get("qual_after") or PERCENT_SIGN.match(text, m.end("num")) \
                or _CLOCK.match(text, m.end("num")) or MORE_DIGITS.match(text, m.end("num")):
            return False  # a share, a time, or the head of a longer number ("50" of "50,000 tenge")
        if _NEGATED.search(text, max(0, m.start() - _NEGATED_REACH), m.start()) \
                or (_NOTHING_LIKE.search(text, max(0, m.start() - _NEGATED_REACH), m.start()) and _LIKE_AT.match(text, m.start())):
            return False  # "no one was detained", "not one protester", "not a single one of them": none
        if g.ages.search(text, max(0, m.start() - 25), m.start()) and not _MORE_PEOPLE.match(text, m.end("num")):
            return False  # "men aged 25-30", "aged between 14 and 17" (not "aged 16 and 12 other activists")
    if shape == "np" and (g.non_count.search(text, m.start("mods") if groups.get("mods") else m.start("noun"), m.end())
                          or g.after_noun.match(text, m.end()) or _POSSESSIVE.match(text, m.end()) and not _QUOTED_NOUN.search(m.group())):
        return False  # (a thing the noun names: "one police station"; "one of the protesters' demands")
    if _PARTITIVE_BEFORE.search(text, max(0, m.start() - 8), m.start()) and (
            text.startswith(",", m.end()) or (_PARTITIVE_OPENING.search(text, max(0, m.start() - 12), m.start()) and _SET_END.match(text, m.end()))):
        return False  # "Of the 37 defendants, 13 were jailed", "Of the 37 people in the dock, 24 ...": the set the count is taken from
    if shape == "toll" and g.adjacent_noun.match(" ".join(groups["toll"].split())):
        # A noun that names many things besides a count: the figure must count people ("arrests at
        # 12 locations", "a crowd of 30 police officers" count something else; "the death toll
        # rose to 225 Sunday" is no such noun) ...
        if (after := _NEXT_WORD.match(text, m.end())) and after.group(1).lower() not in g.crowd_nouns:
            return False
        # ... and stand right after it with a weak verb ("the crowd at 5,000", not "the crowd
        # passed the square at 10").
        if g.weak_toll_verb.match(groups["toll_verb"]) and not _ADJACENT.fullmatch(text, m.end("toll"), m.start("toll_verb")):
            return False
    if shape == "toll" and _toll_category(g, groups["toll"]) == _ESTIMATE:
        if (after := _WORDS_AFTER_FIGURE.match(text, m.end())) \
                and (any(normalise(w) in g.category_nouns for w in after.group(1).split()) or g.triggers.search(fold_case(after.group(1)))):
            # "officials spoke of 26 dead", "talk of dozens more dead", 'spoke of 26 "armed criminals" killed': a
            # figure with what it counts is a count of its own, no estimate of the count before
            return False
        if g.spoken_estimate.fullmatch(" ".join(groups["toll"].split())) and not g.estimate_end.match(text, m.end()):
            return False  # a figure spoken of is an estimate only where nothing follows it: not "spoke of 2,000 new jobs"
    return bool(num or groups.get("vague") or groups.get("unspec"))


def _toll_category(g: _Grammar, toll: str) -> str | None:
    """Return what a toll's noun counts ("death toll": killed, "crowd": protesters)."""
    return next((cat for cat, p in g.toll_category if p.match(" ".join(toll.split()))), None)


def _window_triggers(tc: TextContext, g: _Grammar, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Return the triggers inside ``[lo, hi)``; a trigger's lookahead may read a little past ``hi``
    ("pushed" before "20 protesters into buses")."""
    return [(m.start(), m.end(), m.lastgroup) for m in g.triggers.finditer(tc.folded, lo, hi + _TRIGGER_LOOKAHEAD)
            if m.lastgroup and m.end() <= hi]


def _protests_only(tc: TextContext, g: _Grammar, triggers: list[tuple[int, int, str]], lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Drop protest words that name no protest: inside a celebration or another gathering ("a
    victory rally", "a football match"); a word of taking part or drawing a crowd in a sentence about
    the ballot or such a gathering ("9 million citizens who took part"); and a word that counts a
    protest only beside one ("drew", "came out") where neither its sentence nor the one before names one."""
    if not any(cat == "protesters" for _, _, cat in triggers):
        return triggers
    text = tc.text
    gatherings = [m.span() for m in g.non_protest.finditer(text, lo, hi)]
    voting = g.voting.search(text, lo, hi) is not None
    # ("... gathered for an unsanctioned rally. Police put the crowd at 300; organisers said 1,000 had come")
    index = tc.sentence_of(lo)
    context_lo = tc.sentences[index - 1][0] if index else lo
    kept = []
    for s, e, cat in triggers:
        if cat == "protesters":
            if any(a <= s and e <= b for a, b in gatherings):
                continue
            # A word of taking part or drawing a crowd counts voters in a sentence about the ballot,
            # and an audience in one about a campaign rally or a concert.
            if (voting or gatherings) and g.weak_protest.search(text, s, e) and not any(
                    c == "protesters" for *_, c in _window_triggers(tc, g, e, min(hi, e + 40))):
                continue
            if g.context_only.search(text, s, e) and not g.protest_context.search(text, context_lo, hi):
                continue  # "the exhibition drew 5,000 people": no protest in the sentence or the one before
        kept.append((s, e, cat))
    return kept


def _governing(tc: TextContext, g: _Grammar, cand: _Candidate, lo: int, hi: int) -> tuple[str, int, int] | None:
    """Return the category and span of the trigger that says what ``cand`` counts."""
    text = tc.text
    # "the two organisers of the protest, Max B and Talgat A, were taken into custody": the names
    # in apposition do not use up the words within which the verb is looked for.
    # So does a relative clause ("about a dozen young people who tried to stage a flash mob near the
    # monument were detained").
    skipped = _APPOSITION.match(text, cand.end, min(hi, cand.end + 200)) or _RELATIVE_CLAUSE.match(text, cand.end, min(hi, cand.end + 200))
    after_end = min(hi, _token_limit(text, skipped.end() if skipped else cand.end, _AFTER_TOKENS))
    clause = _CLAUSE_END.search(text, cand.end, after_end)
    if clause:
        after_end = clause.start()
    before_start = max(lo, _token_start(text, cand.start, _BEFORE_TOKENS))
    after = _protests_only(tc, g, _window_triggers(tc, g, cand.end, after_end), lo, hi)
    # (a trigger of several words may start before the window and end in it: "Among those bundled into
    # police vans were at least 13 journalists")
    before = _protests_only(tc, g, [t for t in _window_triggers(tc, g, max(lo, before_start - _LONG_TRIGGER), cand.start) if t[1] > before_start], lo, hi)
    # A trigger of the previous clause ("35 were injured, and that 55 protesters would stand
    # trial") or a denied one ("ended without arrests") says nothing of this count; nor does a
    # participle in a noun phrase's "of" phrase ("15 relatives of people killed ... gathered").
    before = [t for t in before if not _BEFORE_BREAK.search(text, t[1], cand.start) and not _DENIED.search(text, max(lo, t[0] - 12), t[0])]
    # nor a participle with a count of its own past a comma ("a rally by up to 200 supporters ...,
    # detaining eight people": the eight were detained, not the 200)
    # nor a set of its own ("had gathered to demand the release of those still held"), nor a demand's
    # ("gathered, demanding that relatives arrested in Almaty be sent home"; not the predicate after it:
    # "several people who gathered to demand the pair's release were detained")
    # ("Two activists took 15 people to the police station": a verb whose count is its object, after it, has
    # none before it)
    after = [t for t in after if text[t[0]:t[1]].lower() not in g.object_verbs]
    after = [t for t in after if not _DENIED.search(text, max(lo, t[0] - 12), t[0])
             and not _NO_ONE.search(text, max(lo, t[0] - _NO_ONE_REACH), t[0])
             and not _ANOTHER_SET.search(text, max(cand.end, t[0] - 20), t[0])
             and not _PART_AFTER_AND.search(text, cand.end, t[0])
             and not ((part := _PART_COUNTED.search(text, cand.end, t[0])) and _PART_OWN_PREDICATE.fullmatch(text, part.end(), t[0]))
             and not (_DEMANDED.search(text, max(cand.end, t[0] - _DEMAND_REACH), t[0])
                      and not _PREDICATE_END.search(text, max(cand.end, t[0] - _PREDICATE_REACH), t[0]))
             and not (cand.shape == "np" and g.of_people.fullmatch(text, cand.end, t[0]))
             and not ("," in text[cand.end:t[0]] and _OWN_COUNT.match(text, t[1], hi))]
    # "about 100 people detained in the sweeps had been let go": a participle right after the phrase,
    # then a predicate; the participle names the set, the predicate governs
    if len(after) > 1 and not text[cand.end:after[0][0]].strip() \
            and (predicate := next((t for t in after[1:] if _PREDICATE_END.search(text, after[0][1], t[0])
                                    and not _PREDICATE_BREAK.search(text, after[0][1], t[0])), None)):
        after = [predicate]
    if (noun := g.protest_noun_before.search(text, max(lo, cand.start - 40), cand.start)) and not _BEFORE_BREAK.search(text, noun.end(), cand.start) \
            and not g.limited.search(text, max(lo, noun.start() - 20), noun.start()):
        # "smaller rallies, each of a few dozen people, were held in Aktobe": the size of the events, not who was held
        return "protesters", noun.start(), noun.end()
    if cand.shape == "np" and normalise(cand.match.group("noun")) in g.category_nouns:
        # "16 dead and more than 100 injured": the head noun says what was counted; only a verb
        # governing the phrase ("50 detainees were released", "released 12 of the detainees")
        # overrides it, not a category word of another count before it.
        after = [t for t in after if _GOVERNED.fullmatch(text[cand.end:t[0]])]
        before = [t for t in before if not text[t[1]:cand.start].strip()]
        if not after and not before:
            return None
    # A predicate right after the phrase ("... were later released") governs it before any verb
    # further away; then the nearest outcome, then the nearest protest word.
    scored = [(0 if _GOVERNED.fullmatch(text[cand.end:s]) else 1, s - cand.end, cat, s, e) for s, e, cat in after]
    scored += [(1, cand.start - e, cat, s, e) for s, e, cat in before]
    for pool in ([t for t in scored if t[2] in OUTCOMES], [t for t in scored if t[2] == "protesters"]):
        if pool:
            _, _, cat, s, e = min(pool)
            return cat, s, e
    return None


# An auxiliary right before a trigger: the predicate of a count phrase ("... had been let go", "... were fined").
# ... with no other clause or count between ("One more person died and 11 were wounded", "500 detained, 400 of whom were fined",
# "24 walked free from the centre where the hearings were held").
# A part of a set right before it: "400 of the (roughly 500 detained)"; how far back it and a
# predicate's auxiliary ("... had been fined") are looked for.
_PART_OF_SET = re.compile(rf"(?<![\w.,])(?P<num>{NUMBER_PATTERN})\s+of\s+the\s+$", re.IGNORECASE)
_PART_REACH = 40
_PREDICATE_REACH = 30
# A word that may be a participle naming a set ("the 30 people detained in Almaty"), not a verb of its own.
_PARTICIPLE = re.compile(r"\w+(?:ed|en|wn)\b|held\b|hurt\b|shot\b|put\b|kept\b", re.IGNORECASE)
# A partitive opening its sentence or clause ("Of the 37 people in the dock, 24 ..."; not "the
# release of the 45 activists in Almaty, who ..."), and the end of its set: a comma after a place or a
# time of a few words, then a count.
_PARTITIVE_OPENING = re.compile(r"(?:^|[.;:,\n]\s*)Of\s+the\s+$")
_SET_END = re.compile(rf"(?:\s+(?:in|on|at|from|before|during)\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+)?){{1,2}},\s+(?:{NUMBER_PATTERN}|all|most|none)\b",
                      re.IGNORECASE)
_PREDICATE_BREAK = re.compile(r"[,;:]|\b(?:and|but|where|who|which|that|when|whom|whose)\b")
_PREDICATE_END = re.compile(r"\b(?:(?:had|have|has)\s+been|were|was|are|is)\s+(?:[a-z]+ly\s+|later\s+|since\s+)?$")


def _token_limit(text: str, pos: int, n: int) -> int:
    """Return the offset after the ``n``-th word from ``pos``."""
    end = pos
    for i, m in enumerate(_WORD.finditer(text, pos, pos + 200)):
        if i == n:
            break
        end = m.end()
    return end


def _token_start(text: str, pos: int, n: int) -> int:
    """Return the offset of the ``n``-th word before ``pos``."""
    starts = [m.start() for m in _WORD.finditer(text, max(0, pos - 200), pos)]
    return starts[-n] if len(starts) >= n else (starts[0] if starts else pos)


def _row(tc: TextContext, g: _Grammar, cand: _Candidate, index: int, convention: str, conventions: dict | None,
         clause: tuple[int, int]) -> dict | None:
    text, m = tc.text, cand.match
    s_start, s_end = tc.sentences[index]
    groups = m.groupdict()
    start, end = cand.start, cand.end
    weak = False  # governed only by a word of taking part ("took part", "came out")
    predicate_at = None  # where a predicate after the phrase governs it ("... had been fined")
    if cand.counted is not None:
        counted = cand.counted
    elif cand.shape == "toll":
        counted = _toll_category(g, groups["toll"])
    elif cand.shape == "object":
        counted = trig.lastgroup if (trig := g.triggers.match(tc.folded, m.start("trig"))) else None
    else:
        gov = _governing(tc, g, cand, s_start, s_end)
        if gov is not None:
            counted, t_start, t_end = gov
            if t_start >= cand.end and (_PREDICATE_END.search(text, max(cand.end, t_start - _PREDICATE_REACH), t_start)
                                        or (not text[cand.end:t_start].strip() and not _PARTICIPLE.match(text, t_start))):
                predicate_at = t_start  # "... had been fined", "... left the courtroom free" (not "... detained in Almaty")
            # (a trigger before the phrase that ends another count's phrase is that one's words: "16 dead in
            # Zhanaozen, plus one more man in Shetpe")
            if not (t_end <= cand.start and _FIGURE_BEFORE.search(text, max(s_start, t_start - _FIGURE_REACH), t_start)):
                start = min(start, t_start)
            end = max(end, t_end)
            weak = counted == "protesters" and g.weak_protest.search(text, t_start, t_end) is not None
        elif cand.shape == "all":
            counted = trig.lastgroup if (trig := g.triggers.match(tc.folded, m.start("trig"))) else None
        elif cand.shape == "np" and normalise(groups["noun"]) in g.protester_nouns:
            counted = "protesters"
        elif cand.shape == "np" and normalise(groups["noun"]) in g.category_nouns:
            counted = g.category_nouns[normalise(groups["noun"])]
        else:
            counted = None
    if counted is None:
        return None
    if counted == "protesters" and groups.get("noun") and normalise(groups["noun"]) in g.security_nouns \
            and not g.protesters.search(tc.folded, m.end("noun"), min(s_end, m.end("noun") + _MIXED_CROWD_REACH)):
        # "some 500 servicemen took part in the operation": the forces are no crowd (but "300 police
        # officers and protesters gathered" counts one)
        return None
    if counted == "protesters" and cand.shape == "toll" and (g.non_protest.search(text, s_start, s_end)
                                                            or g.voting.search(text, s_start, s_end)):
        return None  # "a crowd of about 20,000 supporters" at a campaign rally is an audience; voters are no crowd
    number, qualifier, vague_word, number_high = _quantity(groups, g)
    if number is not None and not groups.get("mult") and math.isfinite(number) and number != int(number) and _NOTE_AFTER.match(text, m.end()):
        # "put the final death toll at 238.5" with its note's number glued on: no one counts half a person
        number = float(int(number))
    if weak and number is not None and number >= _MILLION and not g.protest_noun.search(text, s_start, s_end):
        # "The commission said 7.7 million people took part": voters, not a crowd (but "1 million
        # took part in protests" is one)
        return None
    if cand.shape == "toll" and qualifier == "exact":
        qualifier = g.verb_qualifiers.get(normalise(groups["toll_verb"]), qualifier)  # "exceeded 100"
    if predicate_at is not None and "of the" in text[max(s_start, cand.start - 8): cand.start] \
            and (part := _PART_OF_SET.search(text, max(s_start, cand.start - _PART_REACH), cand.start)) \
            and (part_number := parse_number(part.group("num"))) is not None:
        # "400 of the roughly 500 detained on Sunday had been fined": the part counts, of its set, as
        # the predicate after the set says (not "Two of the 30 people detained ... were journalists")
        qual = g.qualifier_before.search(text, max(s_start, part.start() - _PART_REACH), part.start())
        number, vague_word, number_high = as_int(part_number), None, None
        qualifier = g.qualifiers.get(normalise(qual.group("qual"))) if qual else "exact"
        start = min(start, qual.start() if qual else part.start())
    if number == 1 and cand.shape == "np" and not _VERB_AFTER.match(text, m.end()) and (
            g.speaker_before.search(text, max(s_start, cand.start - 20), cand.start) or g.speaker_next.match(text, m.end())
            or (g.speaker_past_apposition.match(text, m.end(), s_end)
                and (not text[s_start:cand.start].strip() or _AFTER_QUOTATION.search(text, s_start, cand.start)))):
        # (not "police said one activist was detained": the clause's subject)
        return None  # "said one protester", "one demonstrator told AFP": a person quoted, not a count
    if cand.shape == "np" and _SPEAKING.match(text, m.end()):
        return None  # "Several defendants told the court they had been tortured": speakers, not a count
    multiplier = parse_number(groups["mult"]) if groups.get("mult") else None
    low, high = bounds(number, qualifier, vague_word, multiplier, number_high, name=convention, conventions=conventions)
    day = tc.event_date(index, cand.start)
    own_clause, joined = _own_clause(text, g, clause, cand, s_start, s_end)
    if own_clause != clause and (joined or tc.places_in(index, day, *own_clause)):
        clause = own_clause
    return {
        "doc_id": tc.ctx.doc_id,
        "start": start,
        "end": end,
        "phrase": text[start:end],
        "sentence": text[s_start:s_end],
        "counted": counted,
        "number": None if number is None else float(number),
        "qualifier": qualifier,
        "vague_word": vague_word,
        "multiplier": multiplier,
        "number_high": None if number_high is None else float(number_high),
        "low": low,
        "high": high,
        "location": tc.location(index, day, clause, at=cand.start, aggregate=not (_one_crowd(text, counted, s_start, s_end)
                                                                                   or _rival_sizes(text, counted, s_start, s_end, g)),
                                phrase=(start, end), scene=high is not None and high < _SCENE_SIZE),
        "event_date": day.isoformat() if day else None,
        # (a rival figure's own source: "some 500 by the party's count, no more than 200 according to the city administration")
        "attributed_to": _rival_source(cand) or tc.attribution(index, cand.start),
        "election_id": tc.ctx.election_id,
    }


def _own_clause(text: str, g: _Grammar, clause: tuple[int, int], cand: _Candidate, s_start: int, s_end: int) -> tuple[tuple[int, int], bool]:
    """Return the span of the clause of its own a count stands in, around it in ``clause`` (between the counts around
    it), and whether a place joined by "and in" bounds it.

    A clause break closes it ("rallies were held in Aktobe and Semey; in Aktobe several hundred people came to the
    square", "around 1,000 people rallied in Atyrau, and smaller protests followed in Aktobe"); so does a place joined
    by "and in" where a count of people stands on its other side ("police had taken 15 to 20 people off the main square,
    and in Shymkent, in the south, activists said up to 10 were held"; not "rallies in the capital, Nur-Sultan, and in
    Almaty", nor "... in Nur-Sultan, and in Almaty on June 9"): the count after it starts its clause at it, though
    that is before ``clause``.
    """
    last_break = max((m.end() for m in _OWN_CLAUSE_BREAK.finditer(text, s_start, cand.start)), default=s_start)
    before = max(last_break, clause[0])
    after = _OWN_CLAUSE_BREAK.search(text, cand.end, clause[1])
    end = after.start() if after else clause[1]
    joined = False
    if (place := _JOINED_PLACE_CLAUSE.search(text, cand.end, end)) and g.count_beside.search(text, place.end(), s_end):
        end, joined = place.start(), True
    place = max(_JOINED_PLACE_CLAUSE.finditer(text, last_break, cand.start), key=lambda j: j.start(), default=None)
    if place and g.count_beside.search(text, last_break, place.start()):
        before, joined = place.start() + 1, True
    return (before, end), joined


def _rival_source(cand: _Candidate) -> str | None:
    """Return the source a rival figure names (``_Grammar.rival``, ``_Grammar.rival_said``), else None."""
    if cand.shape != "ellipsis" or "source" not in cand.match.re.groupindex:
        return None
    source = cand.match.group("source") or cand.match.groupdict().get("source_after")
    return _POSSESSIVE_END.sub("", source.rstrip(".")) if source else None


def _one_crowd(text: str, counted: str | None, start: int, end: int) -> bool:
    """Whether a count of protesters sizes one crowd ("the police put the crowd at 300"), not a total of
    several ("a total of 5,000 took part in unsanctioned rallies", "in the riots")."""
    return counted == "protesters" and bool(_ONE_CROWD.search(text, start, end)) and not _MANY_CROWDS.search(text, start, end)


def _rival_sizes(text: str, counted: str | None, start: int, end: int, g: _Grammar) -> bool:
    """Whether a count of protesters is one of rival sizes of a crowd its sentence gives ("Organizers said
    about 2,000 people came; city police said there were no more than 300"): the rally's, not the country's."""
    return counted == "protesters" and bool(g.rival_sources.search(text, start, end))


def _quantity(groups: dict, g: _Grammar) -> tuple[float | None, str, str | None, float | None]:
    """Return ``(number, qualifier, vague_word, number_high)`` of a count phrase's quantity.

    A stated range gives qualifier ``range``, its lower figure as ``number`` and its upper one as
    ``number_high`` (None otherwise); the lower figure takes the upper one's counting word
    ("two or three dozen" = 24 to 36).
    """
    qualifier = g.qualifiers.get(normalise(groups["qual"])) if groups.get("qual") else None
    if groups.get("qual_after"):
        qualifier = g.qualifier_suffixes.get(normalise(groups["qual_after"]), qualifier)
    if groups.get("unspec"):
        return None, "unspecified", g.unspecified.get(normalise(groups["unspec"])), None
    if groups.get("vague"):
        # ("talking about dozens of people": "about" before a vague plural is a preposition, no estimate)
        if qualifier == "approx" and normalise(groups.get("qual") or "") == "about":
            qualifier = None
        return None, qualifier or "vague", normalise(groups["vague"]), None
    raw = groups["num"]
    number = as_int(g.tally_words.get(raw.lower()) or parse_number(raw))
    group_word = normalise(raw) if re.search(r"[a-z]", raw, re.IGNORECASE) and re.search(r"dozen|score", raw, re.IGNORECASE) else None
    lower = _range_lower(groups, raw)
    if lower is not None and number is not None and lower < number:
        return lower, "range", group_word, number
    if lower is not None and groups.get("lower_dashed"):
        return lower, qualifier or "exact", group_word, None  # "rose to 14 \u2013 13 in Zhanaozen and one in ...": a breakdown follows
    # ("20 to 15": the figure the phrase ends on; "two dozen", a round figure, is approximate)
    return number, qualifier or ("approx" if group_word else "exact"), group_word, None


def _range_lower(groups: dict, upper_raw: str) -> float | None:
    """Return the lower end of a stated range, or None. A bare lower figure below the upper one's
    leading figure takes its counting word ("two or three dozen" = 24, "5 to 10 thousand" = 5,000);
    "800 to 1 thousand" keeps 800."""
    lower_raw = groups.get("lower") or groups.get("lower_from") or groups.get("lower_joined") or groups.get("lower_dashed")
    if not lower_raw:
        return None
    lower = parse_number(lower_raw)
    head, _, rest = upper_raw.strip().partition(" ")
    leading = parse_number(head) if rest else None
    if lower is not None and leading is not None and " " not in lower_raw.strip() and lower < leading:
        lower *= parse_number(f"1 {rest}") or 1
    return as_int(lower)
