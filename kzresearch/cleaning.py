"""Cleaning: every line of a document gets a role and the rule that decided it.

Roles: ``title``, ``standfirst``, ``byline``, ``body``, ``caption``, ``media``, ``boilerplate``,
``blank``. The clean text keeps the standfirst and body, one paragraph per line; sentences glued
to boilerplate ("...makes all the difference.Dozens of people...") are split first, so that the
article sentence is kept and only the appeal goes.

The knowledge (which lines are page furniture, which words make an appeal) is read from
``data/reference/boilerplate.yaml``; this module holds only the structural rules: media titles
sit above a player, the headline is repeated, the page opens with furniture before the headline,
an outlet describes itself at the foot of the page.
"""
from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from kzresearch.dates import DAY_KINDS, find_dates, short_year_date
from kzresearch.hardwrap import logical_lines
from kzresearch.patterns import any_of, caseless, fold_case, length_range
from kzresearch.reference import Reference, agency_index, named_outlets
from kzresearch.textnorm import LINE_BREAKS, normalize_line, normalize_text, repair_unicode, split_glued

KEPT_ROLES = frozenset({"standfirst", "body"})
MASTHEAD_LINES = 3  # the lines that open a page, where its name stands
_TITLE_WINDOW = 12  # headlines sit among the first lines of text of a page (menus and furniture not counted)
_QUOTED = re.compile(r'"[^"]*"')
_THE_US = re.compile(r"\bUS\b")  # the country, as written
_TERMINAL = re.compile(r'[.!?:;,]["\')\]]*$')
# A share ("Amanat 53.90%", "Auyl 10.9 pc"): a line of a results table, never a section's label.
_SHARE = re.compile(r"\d\s*(?:%|pc\b|per\s?cent\b)", re.IGNORECASE)
# Names in capitals, one to four words each ("MTI", "Interfax-Kazakhstan", "Agence France-Presse").
_CREDITED_NAMES = r"[A-Z][\w/&.-]*(?: [A-Z][\w/&.-]*){0,3}"
_CREDIT_LINE = re.compile(
    r"^[\s\u2013\u2014-]*\(?(with (additional )?reporting (by|from)|(additional )?reporting by|compiled by|written by|story by|words by|"
    r"edited by|editing by|contributed by|with (files|material) from)\b"
    r"|\bcontributed (reporting|to this (report|article|story))\b"
    rf"|^[\s\u2013\u2014-]*(with )?(additional )?inputs? from (?-i:{_CREDITED_NAMES}(?:(?:,| and| &) {_CREDITED_NAMES}){{0,4}})\.?$"
    r"|^(material|information|reporting) from .{2,60} (was|were) used( in this (report|article|story))?\.?\)?$"
    # ("*With information from AFP and EFE", "*This article contains reporting by Reuters.", "This article includes
    # material from Reuters and The Associated Press.")
    rf"|^[\s*]*(with )?information from (?-i:{_CREDITED_NAMES}(?:(?:,| and| &) {_CREDITED_NAMES}){{0,4}})\.?$"
    r"|^[\s*]*(this (article|report|story) )?(contains|includes) reporting (by|from)\b"
    rf"|^[\s*]*(this (article|report|story) )?(contains|includes) (material|information) from (?-i:(the )?{_CREDITED_NAMES}(?:(?:,| and| &) (the )?{_CREDITED_NAMES}){{0,4}})\.?$"
    r"|^[\s\u2013\u2014-]*(additional\s+)?(reporting|contributing)\s*:\s"
    # (a list of names alone: "via MTI, Reuters", "Based on reports by Reuters and Interpressnews.")
    # (after the house's own name: "Steppe Chronicle, based on reports by Reuters and Interfax")
    # ("With reports from Reuters, AP and El Universal")
    rf"|^(?:[^,.]{{2,60}},\s+)?(based on reports? (by|from)|(with )?reports (by|from)|via) (?-i:{_CREDITED_NAMES}(?:(?:,| and| &) {_CREDITED_NAMES}){{0,4}})\.?$",
    re.IGNORECASE
)
# "rc/wd (AFP, Reuters)": editors' initials and the agencies, as a sign-off.
# "(FRANCE 24 with AFP and REUTERS)" likewise, without the initials.
AGENCY_SIGNOFF = re.compile(r"^(?:[a-z]{1,4}(?:/[a-z]{1,4})+\s*)?\((?P<agencies>[^()]{2,80})\)$")
# (a name of a person: "The Steppe Post" above a date line is a masthead)
# (no possessive: "Asia's Daily Paper"; no word of a phrase, which a name never holds: "In Short", "Tune In",
# "Read More", "Sign Up", "From Wikipedia")
_NOT_IN_A_NAME = r"(?!(?:In|On|At|Of|To|For|By|From|With|Via|About|And|Or|More|Up|Out|Now|Here|Us)\b)"
_NAME = rf"(?!The ){_NOT_IN_A_NAME}[A-Z][a-z'-]+(?<!'s)(?: {_NOT_IN_A_NAME}[A-Z][a-z'-]+(?<!'s)){{1,2}}"
# "Helen Marsh in Almaty", "Dana Omarova": a byline without "By".
# ... in capitals too, as weeklies set them ("ANUP GHIMIRE in ALMATY")
_NAME_IN_CAPITALS = r"(?!THE )[A-Z][A-Z'-]+(?: [A-Z][A-Z'-]+){1,2}"
_AUTHOR_IN_PLACE = re.compile(rf"^{_NAME}(?:,? and {_NAME})? in [A-Z][a-z-]+(?: [A-Z][a-z-]+)?$"
                              rf"|^{_NAME_IN_CAPITALS}(?:,? and {_NAME_IN_CAPITALS})? in [A-Z][A-Za-z-]+(?: [A-Z][A-Za-z-]+)?$")
# "Jack Maxwell, Foreign News Reporter", "Takeshi Ono / Yomiuri Shimbun Correspondent": a writer and the writer's post, no sentence.
# (not a headline's verb of saying: "Tokayev Sacks Government, Says Editor")
WRITER_POST = (r"(?:,|\s/)\s+(?:(?!(?:Says|Said|Tells|Told|Writes|Wrote|Warns|Claims|Asks|Urges)\b)[A-Z][\w&-]*\s+){0,3}"
               r"(?:Reporter|Correspondent|Editor|Writer|Columnist|Journalist|Contributor)$")
_AUTHOR_WITH_POST = re.compile(rf"^{_NAME}{WRITER_POST}")
# "ASTANA - 24.kg news agency, Nurlan Abdrakhmanov": a dateline in capitals and the credit, no sentence.
_CAPITALS_DATELINE_CREDIT = re.compile(r"^[A-Z]{3,}(?:[ ,]+[A-Z][A-Za-z]+)*\s+[-\u2013\u2014]\s+(?P<credit>[^.!?]{2,80})$")
# Paragraphs of the article after a line that show the line is inside the text.
_PARAGRAPHS_AFTER_TEXT = 2
# The end of a sentence, after its closing quotes or bracket.
SENTENCE_END = re.compile(r'[.!?]["\'\u201d\u2019)]*$')
# How many lines below a site's name its menu may start ("Steppe Herald", a date, "Subscribe", "Log In", the menu).
MENU_BELOW_MASTHEAD = 5
# A notice of the publisher, in the text or not: "Steppe Herald English is published by ...".
PUBLISHER_NOTICE = re.compile(r"\bis (?:published|owned|operated) by\b|\bis a publication of\b", re.IGNORECASE)
# A row of share buttons laid out as a menu ("Facebook | Twitter | Email"): no site's menu.
_SHARE_ROW = re.compile(r"\b(?:share|tweet|facebook|twitter|whatsapp|telegram|e-?mail|print|linkedin|copy link)\b", re.IGNORECASE)
_AUTHOR_ONLY = re.compile(rf"^{_NAME}(?:,? and {_NAME})?$")
# ... under a headline, several names and the place they wrote in ("Yelena Sadovnikova, Timur Akhmetov", "Vadim Zhuravlev, Almaty")
_AUTHORS_BELOW = re.compile(rf"^{_NAME}(?:(?:,| and|, and) {_NAME}){{0,2}}(?:, [A-Z][a-z'-]+)?$")
# ... and in capitals, as some sites set them ("LAYLA QASSEM", "LUCÍA FERRÁNDIZ OYARZUN"; any
# script's letters, upper case checked apart)
_AUTHOR_IN_CAPITALS = re.compile(r"^[^\W\d_][\w'-]+(?: [^\W\d_][\w'-]+){1,2}$")
_DATE_LINE_WORDS = re.compile(r"\b(page|publish(?:ed)?(?: date)?|date published|update[ds]?|modified|posted|issued|first published|last updated?|on|at|am|pm|gmt|bst|utc|edt|est|cet|cest|eet|eest|ksa|"
                               r"ist|pst|pdt|jst|kst|sgt|hkt|gst|aest|msk|almt)\b|(?<!\w)[+-]\d{2}:?\d{2}\b|\d{1,2}[.:]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w'-]*")
# The most words of a desk's credit after a date ("/ STEPPE DAILY WITH AFP, ASTANA").
_DESK_CREDIT_WORDS = 8
_BY_CREDIT_TAIL = re.compile(r"\s+by\s+[A-Z][^.!?]{0,60}$")
_AGE_SUFFIX = re.compile(r"\(\s*(?:\d+\s+(?:years?|months?|weeks?|days?|hours?|minutes?)[\s,]*(?:and\s+)?)+ago\s*\)", re.IGNORECASE)
# (a blog's category, its words a section's: "in World News", "in Opinion & Analysis"; not a place: "in Zhanaozen")
_SECTION_TAIL = re.compile(r"\s+in\s+(?:[A-Z][\w'-]*\s+(?:&\s+)?){0,3}(?:News|Politics|World|Business|Opinion|Analysis|Sport|Sports|"
                           r"Features?|Blogs?|Asia|Europe|Uncategori[sz]ed|Economy|Society|Region|Regions|Columns?|Editorials?)\s*$")
# A byline's opening: "By", "Written by", "Article by:" (a line opening so, short, is a byline).
# (a name may open with a letter of any alphabet: "by Élise Vautrin")
_WRITTEN_BY = re.compile(r"^(?:(?:article|written|posted|story|words|text|reported)\s+)?by:?\s+(?=[^\W\d_])|^byline:\s+(?=[^\W\d_])", re.IGNORECASE)
# "Report by Dana Omarova, Steppe News": a writer and a house, capitalised throughout (not the
# headline "Report by OSCE observers faults Kazakh vote").
_REPORT_BY = re.compile(r"Report\s+by\s+[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,3}(?:,\s+[A-Z][\w'.&-]*(?:\s+[A-Z][\w'.&-]*){0,3})?")
# "Chiamaka Obiora with agency reports", "Dana Omarova with wires": a writer who wrote with the agencies' copy.
_WRITER_WITH_WIRES = re.compile(r"[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,3},?\s+with\s+(?:agency|agencies|wires?|wire\s+services|news\s+agencies)"
                                r"(?:\s+(?:reports|copy|material))?\.?")
# Between the parts of a line of a date and a writer: a spaced dash, a middle dot, a bar.
_DATED_BYLINE_PARTS = re.compile(r"\s+[-\u2013\u2014|]\s+|\s*[\u00b7\u2022]\s*")
# A site's words before its publication stamp: "This content was published on", "Story first posted".
_STAMP_OPENER = re.compile(r"^(?:(?:this|the)\s+(?:content|article|story|page|report|item|post)\s+|story\s+|article\s+)?"
                           r"(?:was\s+|is\s+|has\s+been\s+)?(?:first\s+|last\s+)?(?:published|posted|updated|issued|modified)\b(?:\s+date\b)?", re.IGNORECASE)
# ("Moscow - Jan 10, 2022 - 17:26 CET", "Associated Press / 05:12 PM March 20, 2023": a place or a
# credit and a dash, bar or slash before the date; a section's label before a time: "World 16:48,
# 11 January 2022")
_PLACE_BEFORE_DATE = re.compile(r"^(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s)[A-Z][\w-]+(?: [A-Z][\w-]+)?"
                                r"(?:,|\s+[-\u2013\u2014|/]|(?=\s\d{1,2}:\d\d\b))\s*(?=\d|[A-Z][a-z]{2,8}\.? \d)")
_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or over the to up via vs with".split())
_TOKEN = re.compile(r"\S+")
# A site's domain as news pages write it ("Kapital.kz", "LITER.KZ", "24.kg", "www.gazeta.uz"): the
# top-level domains of news sites on Kazakhstan and its region.
SITE_TLDS = r"(?i:com|org|net|info|news|media|asia|tv|kz|kg|uz|tj|tm|ru|ua|az|am|ge|by|md|mn|tr)"
SITE_DOMAIN = rf"(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]+\.{SITE_TLDS}"
_SITE_NAME = re.compile(rf"\b{SITE_DOMAIN}\b")
# A label of a few words and its colon, opening a line ("Latest issue: ...").
_LABEL_BEFORE_DATE = re.compile(r"^[A-Z][A-Za-z]*(?: [A-Za-z]+){0,3}:\s+(?=\S+(?:\s+\S+){0,5}\s*$)")
# A site's domain opening a line before its tagline: the page's own title ("PressReader.com - Digital
# Newspaper & Magazine Subscriptions", "LITER.KZ — News of Kazakhstan"), never a story's headline.
_SITE_OPENING = re.compile(rf"^\s*{SITE_DOMAIN}\s*[-\u2013\u2014|:]\s")
# "Home » Asia Pacific » Central Asia »" (guillemets read as quotes), "World > Asia > ...", "Home » World News".
_BREADCRUMB = re.compile(r'\s[»›>/"]\s.*\s[»›>/"]\s|^(?:Home|Sections?|Categories|Topics|You are here)\s*:?(?:\s.*)?\s[»›>/"]\s')
# (a market wire's summary points: "--Turnout 54.19%, Almaty City Just 25.82%")
_LIST_MARK = re.compile(r"[•▪◦‣*·]\s|-\s(?=[A-Z])|--(?=[A-Z])")
# A sentence (or a date's year) and a credit of a few words after it, to the end of the line ("...
# Saturday. AP-Yonhap", "... November 20, 2022 Reuters").
_CREDIT_AFTER_SENTENCE = re.compile(r"(?:[a-z\d]{2}[.!?]|\b\d{4})\s+(?:[|/]\s*|[-\u2013\u2014]{1,2}\s*)?(?:(?P<credit>[A-Z][\w/-]*(?: [A-Z][\w/-]*){0,3})|\((?:(?:[Bb]y|[Pp]hoto|[Pp]icture|[Ii]mage)\s*:?\s+)?(?P<bracketed>[A-Z][\w/ .'-]{1,40})\))$")
# An agency's sign-off after a paragraph's last sentence ("... in Almaty. — Reuters", "— AFP, Reuters").
_SIGNOFF_TAIL = re.compile(r"\s+[-\u2013\u2014]{1,2}\s*[A-Z][\w/-]{1,20}(?:(?:,\s*|\s+and\s+)[A-Z][\w/-]{1,20})*$")
# A count of views or comments after a date ("06.06.2022, 15:48 · 👁 8 412", "12 May 2022 | Views: 1,204",
# "Published 4 Aug 2022 06:00 0 Comments").
_VIEW_COUNT = re.compile(r"\s*[·•|]?\s*(?:(?:\U0001F441\ufe0f?|views?\s*:?)\s*[\d\s,.]+|\d+\s+comments?)$", re.IGNORECASE)
# A reading time after a date, glued by a scraper to its icon's name or not ("Mon., Jan. 10, 2022timer3
# min. read", "Jan. 10, 2022 · 3 min read").
# A page template's placeholder left unfilled ("{{hitsCtrl.values.hits}}"), and the dashes around it.
_TEMPLATE_LEFTOVER = re.compile(r"(?:\s*-)*\s*\{\{[^{}]*\}\}")
_READING_TIME = re.compile(r"\s*[·•|]?\s*[A-Za-z]*\s*\d+\s*min(?:ute)?s?\.?\s+read$", re.IGNORECASE)
# A broadcast's episode and its length after the date: "Friday 14 June 2019 · Episode 2,214 · 28 mins".
_EPISODE_TAIL = re.compile(r"(?:\s*[·•|]\s*(?:episode|ep\.)\s*(?:no\.\s*)?[\d,]+|\s*[·•|]\s*\d+\s*(?:mins?|minutes|hrs?|hours)\.?)+$",
                           re.IGNORECASE)
# The length of a date line, at most.
_DATE_LINE_CHARS = 80
# A page's stamp of publication set off in a line of other things, no sentence: "BMJ 2021;372:n488 (Published 24
# February 2021)", "... | Posted: ..." (not "Police say 40 people were detained (Published 24 February 2021)").
_LABELLED_STAMP = re.compile(r"(?:^|[(|\u2022\u00b7]\s*)(?P<stamp>(?:First )?(?:Published|Posted)\b[^()|\u2022\u00b7]{4,60})")
_STAMP_LINE_WORDS = 2  # the words in small letters the rest of such a line may hold (a sentence holds more)
_TICKER_LABEL = re.compile(r"(?:breaking(?: news)?|latest|just in|developing)\s*:|\d{1,2}:\d{2}\s", re.IGNORECASE)
# A caption's last words: a sentence, then the photographer's name in capitals and the agency.
_PHOTOGRAPHER_CREDIT = re.compile(r"[.!?]\s+(?:[A-Z][A-Z'.-]+\s+){1,3}\([A-Z][A-Za-z /-]{1,20}\)$")
_CAPTION_WORDS = 40
_WITH_AGENCIES = re.compile(r"^With\s+(?P<names>[^.]{2,60})\.?$")
# The dash a sign-off line may open with ("- AP, AFP", "- Reuters / AFP").
DASH_LED = re.compile(r"^(?:--?|\u2013|\u2014)\s*")
_HOUSE_WITH = re.compile(r"^[A-Z][\w.'&-]*(?:\s+[A-Z][\w.'&-]*){0,4},?\s+with\s+(?P<names>[^.]{2,60})\.?$")
_AND_LIST = re.compile(r"\s*(?:,|\band\b|&)\s*")
_COLUMN_SPLIT = re.compile(r"(?: {2,}|\t+)")
_COLUMN_ITEMS = 4
_COLUMNED_REACH = 60  # the lines, from the top, a headline may stand on
_DIGIT = re.compile(r"\d")
# Lines of text between a headline and the article's first paragraph: a standfirst or a credit
# at most (furniture, bylines and date lines between them are not counted).
_LEAD_DISTANCE = 2
# ... and how many lines (not blank) above the lead it may stand.
_LEAD_REACH = 10
# The share of a menu's words that name sections (_menu_of_words).
_MENU_SHARE = 0.6


@dataclass
class Line:
    """One line (or one piece of a glued line) of a document; its text is never changed once made."""

    line_no: int
    raw_line: int
    text: str
    role: str | None = None
    rule: str | None = None
    start: int | None = None
    end: int | None = None

    @cached_property  # (asked for again and again by the rules that decide a line's role)
    def n_words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class CleanDocument:
    """The result of cleaning one document."""

    lines: list[Line]
    text: str
    title: str | None
    title_rule: str | None


def _separate_spans(spans: list[tuple[int, int]]) -> int:
    """Count the spans that do not lie inside another one."""
    return sum(not any(o != x and o[0] <= x[0] and x[1] <= o[1] for o in spans) for x in spans)


class _Rules:
    """Compiled boilerplate knowledge for one Reference.

    Rules, appeal cues and outlet names also get prefilters (keywords one of which a match must
    contain, a combined pattern, a substring test) that answer "none applies" for most article
    lines at once; the rules themselves, in their order, still decide every line that passes.
    Every pattern is compiled with :func:`kzresearch.patterns.caseless`: the methods take a line
    and its :func:`kzresearch.patterns.fold_case`, which the patterns search.
    """

    def __init__(self, ref: Reference):
        config = ref.boilerplate
        rules = [(r["rule"], r["role"], caseless(r["pattern"]), tuple(r.get("keywords", ())),
                  *length_range(r["pattern"], re.IGNORECASE)) for r in config["line_rules"]]
        # The rules, in their order, that can match a line of each length up to ``last``: past
        # every finite bound, a longer line can only match the unbounded rules, as one of ``last``.
        last = 1 + max([longest for *_, longest in rules if longest < sys.maxsize] + [shortest for *_, shortest, _ in rules], default=0)
        self.rules_by_length = [[(rule, role, pattern, keywords) for rule, role, pattern, keywords, shortest, longest in rules
                                 if shortest <= n <= longest] for n in range(last + 1)]
        self.link_list_openers = frozenset(r["rule"] for r in config["line_rules"] if r.get("opens_link_list"))
        self.date_line_when_dated = frozenset(r["rule"] for r in config["line_rules"] if r.get("dated_is_date_line"))
        tags = "|".join(f"(?:{t})" for t in config.get("headline_tags", [])) or "(?!)"
        self.headline_tags = re.compile(rf"^(?:{tags})\s*|\s*(?:{tags})$")
        appeal = config["appeal"]
        self.threshold = appeal["threshold"]
        self.cues = [(c["weight"], caseless(c["pattern"])) for c in appeal["cues"]]
        self.any_cue = any_of([c["pattern"] for c in appeal["cues"]], folded=True)
        self.cue_keywords = tuple(appeal.get("keywords", ()))
        self.reader_voice = caseless(appeal["reader_voice"])
        self.reported_speech = caseless(appeal["reported_speech"])
        self.imperative = caseless(appeal.get("imperative") or r"(?!)")
        self.button_words = appeal["button_words"]
        self.pronouns = caseless(appeal["self_promotion_pronouns"])
        self.cited_after = caseless(appeal.get("cited_outlet_after") or r"(?!)")
        self.cited_before = caseless(appeal.get("cited_outlet_before") or r"(?!)")
        self.self_description = caseless(appeal["self_description_verbs"])
        self.weak_self_description = caseless(appeal.get("self_description_weak_verbs") or r"(?!)")
        self.agencies = agency_index(ref)
        self.is_place = ref.is_place
        self.canonical_name = ref.canonical_name
        # (other countries and their cities, which a line under a headline may name: "Czech Republic")
        self.foreign_places = frozenset(str(w).casefold() for key in ("foreign_places", "foreign_demonyms", "foreign_cities")
                                        for w in ref.lexicon["results"].get(key) or [])
        self.label_words = frozenset(str(w).lower() for w in config.get("label_words") or [])
        self.kicker_words = frozenset(str(w).lower() for w in config.get("kicker_words") or [])
        self.section_words = frozenset(str(w).lower() for w in config.get("section_words") or [])
        # (words of a line in capitals that make it no writer's name: a label's, a section's, a kicker's)
        self.not_name_words = self.label_words | self.section_words | self.kicker_words
        names = sorted(named_outlets(ref), key=len, reverse=True)
        # Signatures are compiled one by one: they may carry their own inline flags.
        signatures = ref.outlets[ref.outlets["signal"] == "text"]["pattern"]
        self.outlet_patterns = [caseless(p) for p in signatures]
        self.outlet_patterns.append(caseless("|".join(rf"\b{re.escape(n)}\b" for n in names)))
        # The substring prefilter is exact only for ASCII names (see outlet_match).
        self.names_lower = [n.lower() for n in names] if all(n.isascii() for n in names) else None

    def agencies_only(self, text: str) -> bool:
        """Whether a line credits news agencies and nothing else: "With AFP and Reuters"."""
        m = _WITH_AGENCIES.match(text)
        return m is not None and all(part.casefold() in self.agencies for part in _AND_LIST.split(m.group("names")) if part)

    def line_rule(self, folded: str) -> tuple[str, str] | None:
        for rule, role, pattern, keywords in self.rules_by_length[min(len(folded), len(self.rules_by_length) - 1)]:
            if keywords and not any(k in folded for k in keywords):
                continue  # the rule cannot match a line without one of its keywords
            if pattern.fullmatch(folded):
                return role, rule
        return None

    def appeal_rule(self, folded: str, text: str = "") -> str | None:
        unquoted = _QUOTED.sub(" ", folded)
        if self.cue_keywords:
            hit = any(k in unquoted for k in self.cue_keywords) and (self.any_cue is None or self.any_cue.search(unquoted))
        else:
            hit = self.any_cue is None or self.any_cue.search(unquoted)
        found = [(weight, m.span()) for weight, cue in self.cues if (m := cue.search(unquoted))] if hit else []
        # A reported sentence ("the party urged supporters to donate") is news; so is one cue alone
        # ("gathered to support independent journalism"). An appeal speaks to the reader or as the
        # outlet, or adds a second cue (not one inside the first), or is a short button ("Donate now").
        if sum(weight for weight, _ in found) >= self.threshold:
            stripped = unquoted.strip()
            if self.reader_voice.search(stripped) or not self.reported_speech.search(unquoted) and (
                self.imperative.match(stripped) or _separate_spans([span for _, span in found]) > 1
                or len(unquoted.split()) <= self.button_words
            ):
                return "appeal"
        # The pronoun test is one cheap search; the outlet test runs only where it passes.
        # ("US" as written, the country, is no "us": "Radio Free Europe, the US-funded broadcaster, said")
        if self.pronouns.search(unquoted) and (not text or self.pronouns.search(_QUOTED.sub(" ", fold_case(_THE_US.sub(" ", text))))) \
                and (outlet := self.outlet_match(unquoted)) \
                and not (self.cited_after.match(unquoted, outlet.end()) or self.cited_before.search(unquoted, 0, outlet.start())):
            return "outlet_self_promotion"
        return None

    def outlet_match(self, folded: str) -> re.Match | None:
        # Signatures are searched one by one (each starts with a literal the regex engine finds
        # fast); the names pattern, an alternation of every outlet name, is the slow one. A
        # case-insensitive match of an ASCII name implies that the lower-cased name is a substring
        # of the lower-cased text (once the four non-ASCII letters re.IGNORECASE equates with ASCII
        # ones are mapped to them), so the alternation runs only on lines that contain a name.
        match = next((m for p in self.outlet_patterns[:-1] if (m := p.search(folded))), None)
        if match is not None:
            return match
        if self.names_lower is not None and not any(name in folded for name in self.names_lower):
            return None
        return self.outlet_patterns[-1].search(folded)

    def outlet_line_rule(self, folded: str) -> str | None:
        short = len(folded.split()) <= 6
        if not short and not self.self_description.search(folded):
            return None  # a long line can only be a self-description; check its verb first
        match = self.outlet_match(folded)
        if match is None:
            return None
        if short and len(match.group(0)) >= 0.5 * len(folded.rstrip(".")):
            return "outlet_name_line"
        if match.start() == 0 and self.self_description.search(folded):
            return "outlet_self_description"
        return None


@lru_cache(maxsize=4)
def _rules_for(ref: Reference) -> _Rules:
    return _Rules(ref)


_TIME_CODE = re.compile(r"\[\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\]")  # a transcript's "[00:12:41]"
_LABELLED_FIGURE = re.compile(r"[^\W\d_][\w'\u2019-]*:\s+~?\d[\d.,]*%?")  # a fact box's "Injured: 4,578"
_MAGAZINE_WORDS = (6, 25)  # the words of a headline in title case that ends with a full stop
_MAGAZINE_TITLE_CASE = 0.9  # the share of its words capitalised (a sentence's are few)


def _one_bracket(text: str) -> bool:
    """Whether a line is set in brackets, as a caption ("[Voters cast ballots in Almaty. [Ilyas Omarov/AFP]]")
    or a row of buttons ("[Print] [E-mail this article]") is; not a transcript's text after its time code
    ("[00:00:00] good evening ... [00:28:12]")."""
    return text.startswith("[") and text.endswith("]") and not _TIME_CODE.match(text)


def _is_title_like(line: Line, min_words: int = 3) -> bool:
    return min_words <= line.n_words <= 25 and not _TERMINAL.search(line.text.rstrip("?!")) and not line.text.endswith(".")


def _magazine_headline(line: Line) -> bool:
    """Whether a line is a headline in title case that ends with its full stop, as magazines write them
    ("Kazakhstan Promised Voters a "New Kazakhstan." Most of Them Stayed Home.")."""
    return line.text.endswith(".") and _MAGAZINE_WORDS[0] <= line.n_words <= _MAGAZINE_WORDS[1] \
        and _title_case_share(line.text) >= _MAGAZINE_TITLE_CASE


def _title_case_share(text: str) -> float:
    if not any(ch.islower() for ch in text):
        return 0.0  # capitals throughout are a masthead's or a wire slug's, not title case
    words = [w for w in _WORD.findall(text) if w.lower() not in _SMALL_WORDS]
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


def _next_nonblank(lines: list[Line], i: int, k: int = 1) -> list[Line]:
    found = []
    for line in lines[i + 1 :]:
        if line.role != "blank":
            found.append(line)
            if len(found) == k:
                break
    return found


def _is_sentence_line(line: Line | None) -> bool:
    return line is not None and line.role is None and line.n_words >= 12


_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
_STANDFIRST_EXTRA_WORDS = 5  # how many more words a standfirst under a headline has at least ...
_STANDFIRST_WORDS = 14  # ... and how many in all
_HEADLINE_MIN_WORDS = 5
_TITLE_CASE = 0.6  # the share of capitalised words of a headline in title case
_TWO_SENTENCES = re.compile(r"[a-z]{2,}[.!?] [A-Z][a-z]")
_TITLE_WORDS = 2
_MARKET_ARROWS = frozenset("\u25b2\u25bc\u2191\u2193\u25b4\u25be")
_LABEL_RULES = frozenset({"record_field", "short_label"})


def _under_a_headline(line: Line, above: Line | None) -> bool:
    """Whether ``line`` is a standfirst under the headline ``above``: a long line of many more words
    under a line of a headline's shape written as a sentence (not title case: "Watch ITV News at Ten")."""
    return above is not None and above.role is None and _is_title_like(above) and above.n_words >= _HEADLINE_MIN_WORDS \
        and _title_case_share(above.text) < _TITLE_CASE and line.n_words >= max(_STANDFIRST_WORDS, above.n_words + _STANDFIRST_EXTRA_WORDS)


def _title_candidates(lines: list[Line]) -> list[int]:
    """Return the indexes of the lines a headline may be: the non-blank lines up to the
    ``_TITLE_WINDOW``-th line of text (:func:`_is_text_line`; a long menu does not push it out),
    and above the second paragraph."""
    candidates, undecided, paragraphs = [], 0, 0
    for i, line in enumerate(lines):
        if line.role == "blank":
            continue
        if undecided == _TITLE_WINDOW or paragraphs == _PARAGRAPHS_AFTER_TEXT:
            break  # nor does a headline stand below two paragraphs of text
        candidates.append(i)
        undecided += _is_text_line(line)
        paragraphs += _is_sentence_line(line) and bool(SENTENCE_END.search(line.text))
    return candidates


def _latin_share(text: str) -> float:
    """Return the share of a line's letters that are Latin (ASCII) letters."""
    letters = [ch for ch in text if ch.isalpha()]
    return sum(ch.isascii() for ch in letters) / len(letters) if letters else 1.0


def _is_text_line(line: Line) -> bool:
    """A line no rule has taken as furniture, long enough to be a headline or text."""
    return line.role is None and line.n_words >= 3


def _text_lines_before(lines: list[Line], i: int, k: int, skip: Callable[[str], bool] = lambda text: False) -> list[int]:
    """Return the indexes of the ``k`` lines of text (:func:`_is_text_line`) above line ``i``, nearest
    first, passing over those ``skip`` is true of."""
    found = []
    for j in range(min(i, len(lines)) - 1, -1, -1):
        if _is_text_line(lines[j]) and not skip(lines[j].text):
            found.append(j)
            if len(found) == k:
                break
    return found


def _is_credit(text: str) -> bool:
    """An agency and a writer ("24.kg news agency, Nurlan Abdrakhmanov") or a name of a few capitalised
    words ("Agence France-Presse"), not a headline after a kicker ("KAZAKHSTAN - Tokayev wins ...")."""
    words = text.split()
    return "," in text or (len(words) <= 4 and all(w[0].isupper() for w in words))


# A prompt to comment below an article: "Login to comment", "Sign in to comment", "Log in to reply".
_COMMENT_PROMPT = re.compile(r"(?:log ?in|sign in|sign up|register)\s+(?:to|and)\s+(?:comment|reply|join the (?:discussion|conversation))\b",
                             re.IGNORECASE)
_PROMPT_WORDS = 6
# The heading of readers' comments ("2 Responses to ...", "Your comments", "Comments (3)") and a commenter's
# stamp under it: "Paulo R. says:", or a short line with a date ("Joe Camilleri · 11 June 2019 · 1:14pm").
_COMMENTS_HEADING = re.compile(r"\d+\s+(?:comments?|responses?|replies)\b.{0,120}|(?:your|readers?'?|reader)\s+comments"
                               r"|(?:(?:show|view|read|see)\s+(?:all\s+)?)?comments?\s*\(\d+\)", re.IGNORECASE)
# ... or a short line with the comment's age or time ("jkw1961 · 2h", "CornPop | 5.23.16 @ 3:31PM | #").
_COMMENT_AGE = re.compile(r"[\u00b7|\u2022]\s*\d+\s*[smhdwy]\b|\b\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b"
                          r"|@\s*\d{1,2}:\d\d\s*(?:[ap]m)?\b", re.IGNORECASE)
_COMMENTER_SAYS = re.compile(r"[^\W\d][\w .'-]{0,40}\s+(?:says|said|wrote)\s*:")
_STAMP_WORDS = 12
_NO_COMMENTS = re.compile(r"\(0\)|^0\s|\bno comments\b", re.IGNORECASE)  # ("Comments (0)": none to follow)
# The most words of a line of agencies' credit and a place.
_CREDIT_WORDS = 6


def _agencies_credit(text: str, agencies: dict[str, str]) -> bool:
    """A credit to agencies, with at most a place, the site's name or an editor's initials after them
    ("AFP, Reuters, Astana", "Keystone-SDA/AFP/ts", "Associated Press, Reuters and ynet"), or the site's
    name before two of them ("BNN, LETA, Interfax"); not a lone name, which may be the site's own."""
    if len(text.split()) > _CREDIT_WORDS:
        return False  # (a paragraph opening with agencies: "Reuters, AFP and AP reported that police ...")
    parts = [p.strip(" .()[]") for p in re.split(r"[,/]|\band\b", text)]
    others = [p for p in parts if p.casefold() not in agencies]
    return 1 < len(parts) and (parts[0].casefold() in agencies or len(parts) - len(others) > 1) \
        and len(others) <= 1 and all(len(p.split()) <= 2 and (p[:1].isupper() or p.isalpha() and len(p.split()) == 1) for p in others)


def _spells_out(initials: str, name: str) -> bool:
    """Whether ``name`` is what ``initials`` abbreviate: "BNN – Baltic News Network" is a masthead, no dateline's credit."""
    return initials.isupper() and initials == "".join(word[0] for word in name.split() if word[:1].isupper())


def _house_with_agencies(text: str, agencies: dict[str, str]) -> bool:
    """A house's credit with the agencies it wrote with: "The Steppe Times with AFP", "Steppe News with AFP and Belga"."""
    m = _HOUSE_WITH.match(text)
    parts = [part for part in _AND_LIST.split(m.group("names")) if part] if m else []
    # (one agency after a house named with "The": "Kazakh President Talks with Reuters" is a headline)
    return (len(parts) > 1 or text.startswith("The ")) and bool(parts) and all(part.casefold() in agencies for part in parts)


def _menu_of_words(text: str, section_words: frozenset[str]) -> bool:
    """A menu laid out with spaces: four words or more, every one capitalised, most of them the words
    of a site's sections (``section_words``: "News Analysis Opinion Features Culture Podcasts"; not
    "Kazakh Ruling Party Claims Big Win")."""
    words = text.split()
    return len(words) >= 4 and all(w[0].isupper() for w in words) \
        and sum(w.lower().strip("&,") in section_words for w in words) >= _MENU_SHARE * len(words)


def _mostly_figures(text: str) -> bool:
    """A line of figures: half its words hold a digit or a sign of money or of a market's move, or
    four of them do ("Result 3 of 11", "USD 46.89 EUR 59.68 RUB 1.47", "JSE All Share ▲ 0.42% R/$
    18.71 ▼"; not "Tokayev wins 81.3% in 2022 election")."""
    tokens = _TOKEN.findall(text)
    figures = sum(1 for t in tokens if _DIGIT.search(t) or any(unicodedata.category(ch) == "Sc" or ch in _MARKET_ARROWS for ch in t))
    return bool(tokens) and (figures >= 0.5 * len(tokens) or figures >= 4)


def _first_paragraph(lines: list[Line]) -> int:
    """Return the index of the article's first paragraph: the first long line that ends a sentence
    (a standfirst may stand above it), or ``len(lines)``."""
    return next((i for i, line in enumerate(lines) if _is_sentence_line(line) and SENTENCE_END.search(line.text)), len(lines))


def _credited_caption(text: str, agencies: dict[str, str]) -> bool:
    """Whether a line is a sentence and its picture's credit, an agency among its words ("Riot police
    stand guard near Republic Square, Saturday. AP-Yonhap", "... in Astana on Sunday. (Xinhua/Aibek Nurov)", "... on 6 January 2022
    (by Reuters)"; not "Kazakhstan Votes Today. Nobody
    Expects Surprises")."""
    m = _CREDIT_AFTER_SENTENCE.search(text)
    return m is not None and any(part.casefold() in agencies for part in re.split(r"[\s/-]+", m.group("credit") or m.group("bracketed")))


def _mark_credited_captions(lines: list[Line], agencies: dict[str, str]) -> None:
    # Above the article's first paragraph, a sentence and its agency's credit is a picture's caption
    # ("... on Sunday, November 20, 2022 Reuters"); below it, the same shape may be a paragraph
    # signed off by the agency, and stays text.
    for line in lines[:_first_paragraph(lines)]:
        if line.role is None and _credited_caption(line.text, agencies):
            line.role, line.rule = "caption", "agency_credit"


def _choose_title(lines: list[Line], given_title: str | None, columned: frozenset[int] = frozenset(),
                  agencies: dict[str, str] | None = None, section_words: frozenset[str] = frozenset()) -> tuple[int | None, str | None]:
    """Return the index of the headline line and the rule that chose it (``columned``: the raw
    line numbers of lines laid out in columns, :func:`_columned_lines`; ``agencies``: the agency
    index, for captions credited to one; ``section_words``: the words of a site's sections, for
    menus laid out with spaces)."""
    agencies = agencies or {}
    candidates = _title_candidates(lines)
    if given_title:
        wanted = normalize_text(given_title).casefold()
        for i in candidates:
            if lines[i].text.casefold() == wanted:
                return i, "metadata_title"
        return None, None
    texts = [line.text.casefold() for line in lines]
    media = {texts[i] for i, line in enumerate(lines) if line.role == "media"}
    first_paragraph = _first_paragraph(lines)
    # (within a few lines of the lead: a masthead far above it on a page of furniture is no headline)
    # (an agencies' credit between them is not counted: "AFP, Reuters, Astana")
    # (lines counted without the blank ones: a page saved with a blank line between all its lines)
    above_lead = {i for i in _text_lines_before(lines, first_paragraph, _LEAD_DISTANCE, lambda text: _agencies_credit(text, agencies))
                  if sum(line.role != "blank" for line in lines[i:first_paragraph]) <= _LEAD_REACH} \
        if first_paragraph < len(lines) else set()
    # A menu's items ("EU & the World" in "EU Political | EU & the World | ..."): section labels, no headline.
    menu_items = {item.strip().casefold() for line in lines if line.rule == "menu_bar" for item in line.text.split("|")}
    # The site's name atop the page ("Lowy Institute"): a line naming it is a tagline ("Published daily by
    # the Lowy Institute"), no headline.
    top = [line for line in lines if line.role != "blank"][:MASTHEAD_LINES]
    mastheads = [(line.line_no, re.compile(rf"(?<!\w){re.escape(line.text)}(?!\w)")) for line in top
                 if 2 <= line.n_words <= 4 and line.text[:1].isupper() and not _TERMINAL.search(line.text)]
    # (a site's menu laid out with spaces too, opening with its home: "HOME REGIONS ISSUES ABOUT SUBSCRIBE
    # SEARCH"; not a row of tags under a headline, "Kazakhstan Protests Elections Politics")
    menus = {i for i, line in enumerate(lines) if is_site_menu(line)
             or (line.text[:4].lower() == "home" and _menu_of_words(line.text, section_words))} | _stacked_menu(lines, section_words)
    first_menu = min(menus, default=len(lines))
    best, best_score = None, 0.0
    rank = -1  # lines of text before this one
    for i in candidates:
        line = lines[i]
        rank += _is_text_line(line)
        # Four words at least: a masthead ("BBC News Online", "Russian News Agency") is not a headline.
        if line.role is not None or not (_is_title_like(line, min_words=3) or _magazine_headline(line)) or texts[i] in media \
                or texts[i] in menu_items \
                or len(_LETTER_WORD.findall(line.text)) < _TITLE_WORDS:
            continue  # (two words of letters at least: "Apr - 27 - 2015 , 14:20" is a date)
        # Never a headline: a list item ("• Preliminary results show ..."), a breadcrumb ("Home »
        # Asia Pacific » ..."), a menu laid out in columns.
        # Nor a caption: a sentence and its agency's credit ("... in Almaty, Saturday. AP-Yonhap").
        if _LIST_MARK.match(line.text) or _BREADCRUMB.search(line.text) or line.raw_line in columned or _credited_caption(line.text, agencies):
            continue
        # Nor a label and its date ("Latest issue: Sat, 12 Apr 2025", "Updated: 12 May 2023 10:15").
        if (label := _LABEL_BEFORE_DATE.match(line.text)) and _states_a_date(line.text[label.end():]):
            continue
        # (past a label or a short link: "Short Url", "https://arab.news/r7k2x")
        # (and past a label of the page's record: "Category: World News")
        after = [n for n in _next_nonblank(lines, i, 4) if n.rule not in _LABEL_RULES]
        following = [n for n in after if n.role is not None or n.n_words > 2][:1]
        # A line above the page's first menu, which follows it: a masthead or its tagline, which open
        # the page above its menu; a headline never does (one under a menu may have a row of tags below it).
        masthead = i < first_menu and any(x.line_no - 1 in menus for x in _next_nonblank(lines, i, MENU_BELOW_MASTHEAD))
        score = -2.0 if masthead else 2.0 if i == candidates[0] else 0.0
        score += 2.0 if texts.count(texts[i]) > 1 else 0.0
        score += 2.0 * _title_case_share(line.text) if line.n_words >= 5 and _title_case_share(line.text) >= _TITLE_CASE else 0.0
        # Under a headline: the text, a standfirst, a byline or a date line (not a menu or a breadcrumb).
        # (a writer's "By ..." line too, whatever rule took it: "By REUTERS")
        score += 1.0 if following and (_is_sentence_line(following[0]) or following[0].role == "byline" or (
            following[0].role is None and _is_title_like(following[0])) or _WRITTEN_BY.match(following[0].text)) else 0.0
        score -= 1.0 if line.text.endswith("?") else 0.0
        # A standfirst under a headline, longer and unpunctuated ("Deadly clashes in a western oil town
        # expose the limits of a system ..." under "Zhanaozen cracks Nazarbayev's model of stability") is
        # no headline of its own, nor is a line of two sentences.
        score -= 1.5 if _under_a_headline(line, _previous_nonblank(lines, i)) or _TWO_SENTENCES.search(line.text) else 0.0
        score -= 2.0 if _AUTHORS_BELOW.match(line.text) else 0.0  # writers' names ("Vadim Zhuravlev, Almaty")
        # (three words at the top of a page are more often a masthead: "The Steppe Times")
        score -= (2.5 if i == candidates[0] else 1.0) if line.n_words == 3 else 0.0
        # A ticker's item ("Breaking: Cricket World Cup: India beat Sri Lanka", "13:02 Kyrgyzstan
        # reports 12 new COVID-19 cases") sits above the page's headline.
        score -= 3.5 if _TICKER_LABEL.match(line.text) else 0.0
        # A headline stands above the text and states no date ("Almaty, 14 June 2018 (RFE/RL)",
        # "Joanna Lillis Jan 5, 2023" are datelines and bylines; "Explore more ..." follows the text).
        score -= 1.5 if _states_a_date(line.text) else 0.0
        score -= 2.0 if i > first_paragraph else 0.0
        # The headline stands right above the lead; a widget of rates and a wire's masthead
        # ("USD 46.89 EUR 59.68", "KYODO NEWS -- ENGLISH NEWSWIRE") are figures or capitals.
        score += 1.5 if i in above_lead else 0.0
        # A section's label right above it ("Region", "World"): where a page sets its headline.
        score += 0.5 if (above := _previous_nonblank(lines, i)) is not None and above.role is None and above.n_words <= 2 \
            and not _TERMINAL.search(above.text) else 0.0
        score -= 3.0 if _mostly_figures(line.text) else 0.0
        # A row of capitalised section words ("News Analysis Opinion Features Culture") is a menu.
        score -= 3.0 if _menu_of_words(line.text, section_words) else 0.0
        score -= 1.0 if not any(ch.islower() for ch in line.text) else 0.0
        # A masthead line: parts set apart by bars, a site's domain ("LITER.KZ — News of
        # Kazakhstan"), or mostly non-Latin letters (the package reads English-language news:
        # "Агентство "Казахстан Сегодня" | ...").
        score -= 2.0 if " | " in line.text or _SITE_NAME.search(line.text) else 0.0
        score -= 3.0 if _SITE_OPENING.match(line.text) else 0.0
        # (a masthead above the line and not the line itself: a short headline may open a page)
        score -= 2.0 if any(at < line.line_no and name.search(line.text) and texts[at - 1] != texts[i] for at, name in mastheads) else 0.0
        score -= 2.0 if _latin_share(line.text) < 0.5 else 0.0
        score -= 0.1 * rank  # earlier wins a tie
        if score > best_score:
            best, best_score = i, score
    return best, ("headline_score" if best is not None else None)


def classify_lines(raw_text: str, ref: Reference, *, given_title: str | None = None) -> CleanDocument:
    """Split a document into lines, give each a role and a rule, and build the clean text.

    Parameters
    ----------
    raw_text : str
        The decoded document.
    ref : Reference
        Reference tables (boilerplate rules, outlet signatures).
    given_title : str, optional
        A title the source's metadata already states (HTML, JSON Lines).

    Returns
    -------
    CleanDocument
        Lines with roles and rules, the clean text, and the title.
    """
    rules = _rules_for(ref)
    lines: list[Line] = []
    # (a text wrapped at a fixed width is read as its paragraphs, each under its first line's number)
    for raw_no, raw_line in logical_lines(LINE_BREAKS.sub("\n", repair_unicode(raw_text))):
        for piece in split_glued(normalize_line(raw_line)) or [""]:
            lines.append(Line(len(lines) + 1, raw_no, piece.strip()))

    for line in lines:
        folded = fold_case(line.text)
        if not line.text:
            line.role, line.rule = "blank", "empty"
        elif decided := rules.line_rule(folded):
            line.role, line.rule = decided
            if line.rule in rules.date_line_when_dated and (_states_a_date(line.text) or _is_date_line(line.text)):
                # "Kursiv Media | Politics | 16 March 2026, 11:20"; "Jun. 6 | 04:18 pm JST" (no year)
                line.role, line.rule = "byline", "date_line"
        elif rule := rules.appeal_rule(folded, line.text):
            line.role, line.rule = "boilerplate", rule
        elif rule := rules.outlet_line_rule(folded):
            line.role, line.rule = "boilerplate", rule
        elif _one_bracket(line.text):
            line.role, line.rule = "caption", "bracketed"  # "[Voters cast ballots in Almaty. [Ilyas Omarov/AFP]]"
        elif line.n_words <= _CAPTION_WORDS and _PHOTOGRAPHER_CREDIT.search(line.text):
            line.role, line.rule = "caption", "photographer_credit"  # "... on Sunday. ALEXEI KRYUKOV (REUTERS)"
        elif (_WRITTEN_BY.match(line.text) and (line.n_words <= 16 or _stamped_byline(line.text))) or _REPORT_BY.fullmatch(line.text) \
                or _WRITER_WITH_WIRES.fullmatch(line.text):
            line.role, line.rule = "byline", "by_prefix"
        elif (_CREDIT_LINE.search(line.text) and line.n_words <= 24) or rules.agencies_only(line.text) \
                or _agencies_credit(DASH_LED.sub("", line.text), rules.agencies) or _house_with_agencies(line.text, rules.agencies):
            line.role, line.rule = "byline", "credit_line"
        elif AGENCY_SIGNOFF.match(line.text):
            line.role, line.rule = "byline", "agency_signoff"
        elif dated_byline_author(line.text, rules.section_words):
            line.role, line.rule = "byline", "dated_byline"  # "14 December 2021 - Daniyar Sultanbekov"
        elif _is_date_line(line.text) or ((stamp := _LABELLED_STAMP.search(line.text)) and len(line.text) <= 2 * _DATE_LINE_CHARS
                                          and _is_date_line(stamp.group("stamp"))
                                          and _small_words(line.text[:stamp.start()] + line.text[stamp.end():]) <= _STAMP_LINE_WORDS):
            line.role, line.rule = "byline", "date_line"  # (or a line with its stamp: "BMJ 2021;372:n488 (Published 24 February 2021)")
        elif agencies_before_date(line.text, rules.agencies):
            line.role, line.rule = "byline", "agencies_date_line"  # "Reuters , AFP , Sunday 9 Jan 2022"
        elif _AUTHOR_IN_PLACE.match(line.text) or _AUTHOR_WITH_POST.match(line.text):
            line.role, line.rule = "byline", "author_in_place"
        elif (credit := _CAPITALS_DATELINE_CREDIT.match(line.text)) and line.n_words <= 10 and _is_credit(credit.group("credit")) \
                and not _spells_out(line.text.split()[0], credit.group("credit")):
            line.role, line.rule = "byline", "dateline_credit"

    _mark_media_titles(lines)
    _unmark_self_descriptions_in_the_text(lines, rules)
    _mark_authors_next_to_dates(lines, rules.label_words)
    _mark_captions_next_to_credits(lines)
    _mark_credited_captions(lines, rules.agencies)
    title_index, title_rule = _choose_title(lines, given_title, _columned_lines(raw_text), rules.agencies, rules.section_words)
    _mark_title_and_repeats(lines, title_index)
    _mark_footer(lines)
    _mark_link_lists(lines, rules.link_list_openers)
    _mark_reader_comments(lines, rules.link_list_openers)
    _mark_standfirst(lines, title_index)
    _mark_author_below_title(lines, title_index, rules)
    _mark_author_in_head(lines, title_index, rules)
    _mark_signature(lines, rules)
    tabled = _table_of_shares(lines)
    for i, line in enumerate(lines):
        if line.role is None and line.n_words <= 2 and not _TERMINAL.search(line.text) and i not in tabled:
            line.role, line.rule = "boilerplate", "short_label"  # "Asia-Pacific", "Politics": a section label
        elif line.role is None:
            line.role, line.rule = "body", "default_body"
    text = _assemble(lines)
    title = lines[title_index].text if title_index is not None else (given_title and normalize_text(given_title))
    title = rules.headline_tags.sub("", title) if title else title
    return CleanDocument(lines, text, title or None, title_rule or ("metadata_title" if given_title else None))


def _table_of_shares(lines: list[Line]) -> set[int]:
    """Return the indexes of the lines of a results table: lines of a name and a share ("Amanat
    53.90%"), or of a fact box's label and figure ("Injured: 4,578"), next to another such line (a lone
    "USD 0.4%" is a widget's)."""
    shares = [i for i, line in enumerate(lines) if line.role is None and line.n_words <= 3
              and (_SHARE.search(line.text) or _LABELLED_FIGURE.fullmatch(line.text))]
    return {k for i, j in zip(shares, shares[1:]) if j == i + 1 for k in (i, j)}


def _columned_lines(raw_text: str) -> frozenset[int]:
    """Return the numbers of the lines, among the first ``_COLUMNED_REACH``, whose words stand in
    ``_COLUMN_ITEMS`` columns or more of a few words each ("News   Analytics   Investigations
    Interviews"): a menu, never a headline."""
    head = LINE_BREAKS.sub("\n", raw_text[:_COLUMNED_REACH * 200]).split("\n")[:_COLUMNED_REACH]
    return frozenset(no for no, line in enumerate(head, start=1)
                     if len(items := _COLUMN_SPLIT.split(line.strip())) >= _COLUMN_ITEMS and all(len(i.split()) <= 3 for i in items))


def _mark_media_titles(lines: list[Line]) -> None:
    # A short headline-like line right above a player ("please wait", timestamps) names the clip.
    for i, line in enumerate(lines):
        if line.role is None and _is_title_like(line):
            if any(nxt.role == "media" for nxt in _next_nonblank(lines, i, 2)[:1]):
                line.role, line.rule = "media", "media_title"


def agencies_before_date(text: str, agencies: dict[str, str]) -> list[str]:
    """Return the agencies a date line opens with, every part before the date naming one; else none.

    Examples
    --------
    >>> agencies_before_date("Reuters , AFP , Sunday 9 Jan 2022", {"reuters": "Reuters", "afp": "AFP"})
    ['Reuters', 'AFP']
    >>> agencies_before_date("Reuters , Almaty residents said on Sunday 9 Jan", {"reuters": "Reuters"})
    []
    """
    if len(text) > _DATE_LINE_CHARS:
        return []
    parts = [p.strip() for p in text.split(",")]
    named = []
    for i, part in enumerate(parts):
        if part.casefold() in agencies:
            named.append(agencies[part.casefold()])
        else:
            return named if named and _is_date_line(", ".join(parts[i:])) else []
    return []


def _commenter_stamp(line: Line) -> bool:
    """Whether a line is a reader's stamp over a comment: "Paulo R. says:", a short line dated or aged
    ("jkw1961 · 2h"; no caption)."""
    return line.role != "caption" and (bool(_COMMENTER_SAYS.fullmatch(line.text)) or line.n_words <= _STAMP_WORDS and (
        _states_a_date(line.text) or bool(_COMMENT_AGE.search(line.text))))


def _states_a_date(text: str) -> bool:
    return any(d.date for d in find_dates(text))


def without_reading_time(text: str) -> str:
    """Return a date line without the reading time a site writes after the date, glued to an icon's
    name or not ("Mon., Jan. 10, 2022timer3 min. read"): the year is whole again.

    Examples
    --------
    >>> without_reading_time("Mon., Jan. 10, 2022timer3 min. read")
    'Mon., Jan. 10, 2022'
    """
    return _READING_TIME.sub("", text)


def dated_byline_author(text: str, section_words: frozenset[str] = frozenset()) -> str | None:
    """Return the writer of a line of a date and a writer, parts set apart by dashes, dots or bars.

    Parameters
    ----------
    text : str
        A normalised line ("14 December 2021 - Daniyar Sultanbekov", "27 April 2015 · by Julia
        Hofer · News · 2 comments").
    section_words : frozenset of str, optional
        Words of a site's sections (lower case): without "by", a part holding one names no writer
        ("14 December 2021 - Central Asia").

    Returns
    -------
    str or None
        The writer's name, or None when the line is not of that shape.

    Examples
    --------
    >>> dated_byline_author("14 December 2021 - Daniyar Sultanbekov")
    'Daniyar Sultanbekov'
    >>> dated_byline_author("27 April 2015 \u00b7 by Julia Hofer \u00b7 News, Switzerland & World \u00b7 2 comments")
    'Julia Hofer'
    >>> dated_byline_author("Monday, 04 April 2011 19:05 | Written by Nasir Ahmad Karimi")
    'Nasir Ahmad Karimi'
    >>> dated_byline_author("Dana Omarova, STEPPE TODAY Published 6:02 p.m. ET May 23, 2016 | Updated 8:47 a.m. ET May 24, 2016")
    'Dana Omarova'
    >>> dated_byline_author("14 December 2021 - Elections") is None
    True
    """
    if len(text) > _DATE_LINE_CHARS * 2:
        return None  # (a paragraph: split no further)
    if (first := _NAME_BEFORE_STAMP.match(text)) and _is_date_line(first.group("stamp").split("|")[0].strip()):
        return first.group("name")  # "Dana Pruitt, USA TODAY Published 6:02 p.m. ET May 23, 2016 | Updated ..."
    parts = [part.strip() for part in _DATED_BYLINE_PARTS.split(text)]
    if len(parts) < 2 or len(parts) > 5 or not _is_date_line(parts[0]):
        return None
    name = _WRITTEN_BY.sub("", parts[1]).strip()
    # (a section after the date is no writer: "14 December 2021 - Central Asia", unless "by" says so)
    sectioned = name == parts[1] and any(word.lower() in section_words for word in name.split())
    return name if _AUTHOR_ONLY.match(name) and not sectioned else None


# A writer's name (and the house's) before the page's stamp: "Dana Omarova, STEPPE TODAY Published ...".
_NAME_BEFORE_STAMP = re.compile(r"(?P<name>[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,3})(?:,\s+[^|,]{2,40}?)?\s+(?P<stamp>(?:Published|Updated|Posted)\b.*)")


def _stamped_byline(text: str) -> bool:
    """A byline followed by the page's stamps: "By AFP | Published: Tue, Jan 17th 2012 at 00:00 GMT +3 |
    Updated: ..." (each part after the first a date line)."""
    head, *stamps = text.split("|")
    return bool(stamps) and len(head.split()) <= 16 and all(_is_date_line(stamp.strip()) for stamp in stamps)


def _small_words(text: str) -> int:
    """Count a text's words of small letters alone, as a sentence's are ("say", "were"; not "doi:" or an address)."""
    return sum(word.isalpha() and word.islower() and len(word) > 1 for word in text.split())


def _is_date_line(text: str) -> bool:
    """A short line that is mostly a date ("10 Jun 2019", "Sun 19 Aug 2007 14.20 BST"), or a date
    and a desk's credit after a spaced slash ("12 March 2016, Saturday / STEPPE DAILY WITH AFP, ASTANA")."""
    if len(text) > _DATE_LINE_CHARS:
        return False
    date, slash, credit = text.partition(" / ")
    if slash and len(credit.split()) <= _DESK_CREDIT_WORDS and not SENTENCE_END.search(credit) and not any(c.isdigit() for c in credit):
        text = date
    # (a blog's date and its author after a dot: "22.03.2023 · Gulnara Weiss, Board")
    date, dot, credit = text.partition(" · ")
    if dot and len(credit.split()) <= _DESK_CREDIT_WORDS and not SENTENCE_END.search(credit) and not any(c.isdigit() for c in credit) \
            and any(d.kind in DAY_KINDS for d in find_dates(date)):
        text = date
    text = _TEMPLATE_LEFTOVER.sub("", without_reading_time(_EPISODE_TAIL.sub("", text)))  # ("... 00:00 - - {{hitsCtrl.values.hits}}")
    text = _AGE_SUFFIX.sub("", text)  # "Published 21 May 2016 (3 years 9 months 17 days ago)"
    dates = [d for d in find_dates(text) if d.kind in DAY_KINDS]
    if not dates:
        return short_year_date(text) is not None  # "Published: 04.24.23, 19:06"
    rest = _PLACE_BEFORE_DATE.sub("", _VIEW_COUNT.sub("", text))  # "Almaty, 14 June 2019": a press release's date line
    rest = _SITE_NAME.sub("", rest)  # "Steppeherald.kz 2012-01-16 21:34:05": the site's stamp
    if not text.endswith("."):  # "This content was published on May 21, 2016 - 17:48", not a sentence
        rest = _STAMP_OPENER.sub("", rest)
    for d in dates:
        rest = rest.replace(d.surface, " ")
    rest = _BY_CREDIT_TAIL.sub("", rest)  # "Posted on January 11, 2021 by The Sofia Globe staff"
    rest = _SECTION_TAIL.sub("", rest)  # "December 19, 2011 in World News": a blog's category
    rest = _DATE_LINE_WORDS.sub(" ", rest)
    return len(re.sub(r"[\W_]+", "", rest)) <= 3


def _unmark_self_descriptions_in_the_text(lines: list[Line], rules: _Rules) -> None:
    # "RFE/RL's Kazakh Service offers ..." describes the outlet wherever it stands; a line with
    # only a weak verb ("Amnesty International has been calling for ...") does so at the foot of
    # the page, and is reporting when paragraphs of the article follow it.
    for i, line in enumerate(lines):
        if line.rule != "outlet_self_description":
            continue
        folded = fold_case(line.text)
        strong = any(not rules.weak_self_description.fullmatch(folded, m.start(), m.end())
                     for m in rules.self_description.finditer(folded))
        if not strong and sum(_is_sentence_line(n) for n in lines[i + 1:]) >= _PARAGRAPHS_AFTER_TEXT:
            line.role, line.rule = None, None


_STACKED_MENU_ITEMS = 4  # a site's menu set one item a line: this many short lines in a row at least
_STACKED_MENU_SHARE = 0.75  # ... most of them a section's name
_MENU_ITEM = re.compile(r"[A-Z][^\d.!?:;,]*")


def _stacked_menu(lines: list[Line], section_words: frozenset[str]) -> set[int]:
    """Return the indexes of the lines of a menu set one item a line ("Politics" / "Society" /
    "Business" / "Culture"): a run of short capitalised lines without figures or punctuation, most of
    them a site's section words (not a row of tags under a headline, "Kazakhstan" / "Tokayev" / ...)."""
    runs: list[list[int]] = [[]]
    for i, line in enumerate(lines):
        if line.role == "blank":
            continue
        if line.role in (None, "boilerplate") and 0 < line.n_words <= 2 and _MENU_ITEM.fullmatch(line.text):
            runs[-1].append(i)
        elif runs[-1]:
            runs.append([])
    def sections(run: list[int]) -> int:
        return sum(any(w in section_words for w in lines[j].text.casefold().split()) for j in run)
    return {j for run in runs if len(run) >= _STACKED_MENU_ITEMS and sections(run) >= _STACKED_MENU_SHARE * len(run) for j in run}


def is_site_menu(line: Line) -> bool:
    """Whether a line is a site's menu ("News | Politics | Business"), not a row of share buttons.

    Parameters
    ----------
    line : Line
        A classified line.

    Returns
    -------
    bool
        True for a ``menu_bar`` line that names no share button.

    Examples
    --------
    >>> is_site_menu(Line(2, 2, "News | Politics | Business", "boilerplate", "menu_bar"))
    True
    >>> is_site_menu(Line(2, 2, "Facebook | Twitter | Email", "boilerplate", "menu_bar"))
    False
    """
    return line.rule == "menu_bar" and not _SHARE_ROW.search(line.text)


def notice_holder(name: str) -> re.Pattern:
    """Return the pattern of a notice ``name`` holds: right after the copyright mark and year ("©
    2025 Steppe Today", "Copyright 2011 X"; group ``name``; not a photograph's "Photo © X"), or
    opening a copyright or publisher's notice ("Steppe Today Daily Newspaper Copyright © 2016",
    "Steppe Today English is published by ..."; group ``opening``). Case is ignored.

    Parameters
    ----------
    name : str
        A site's name as a line writes it.

    Returns
    -------
    re.Pattern
        A pattern to search the notice lines with.

    Examples
    --------
    >>> bool(notice_holder("Steppe Today").search("© 2025 Steppe Today. All Rights Reserved."))
    True
    >>> bool(notice_holder("Dana Omarova").search("A voter in Almaty. Photo © Dana Omarova"))
    False
    """
    escaped = re.escape(name)
    return re.compile(
        rf"(?<!photo )(?<!photo: )(?<!picture )(?:©|\(c\)|\bcopyright\b)\s*(?:©\s*)?(?:\d{{4}}(?:\s*[-\u2013]\s*\d{{4}})?[,.]?\s*)?"
        rf"(?P<name>{escaped})(?!\w)|(?:^|[.!]\s+)(?P<opening>{escaped})(?!\w)[^.©]{{0,40}}(?:©|\bcopyright\b|{PUBLISHER_NOTICE.pattern})",
        re.IGNORECASE)


def _mark_authors_next_to_dates(lines: list[Line], label_words: frozenset[str]) -> None:
    # A bare name right above or below a date line is the byline ("Dana Omarova" / "Jun 19, 2019"),
    # unless a notice holds it ("Steppe Today" atop the page, "© 2025 Steppe Today"), the site's
    # menu follows it, or it is a box's label ("In Summary", ``label_words``). In capitals, a section's label atop the page ("CENTRAL ASIA") may stand there
    # too: such a name is a byline between other byline lines, or below a paragraph of text.
    for i, line in enumerate(lines):
        if line.rule == "date_line":
            neighbours = [n for n in (_previous_nonblank(lines, i), *_next_nonblank(lines, i)) if n is not None]
            for n in neighbours:
                if n.role is None and (_AUTHOR_ONLY.match(n.text) or (
                        n.text.isupper() and _AUTHOR_IN_CAPITALS.match(n.text) and (_between_dates(lines, n) or not _atop(lines, n)))) \
                        and not _names_the_site(lines, n) and n.text.casefold() not in label_words:
                    n.role, n.rule = "byline", "author_next_to_date"


def _atop(lines: list[Line], line: Line) -> bool:
    """Whether no paragraph of text stands above ``line``: where a site's masthead and labels are."""
    return line.line_no - 1 <= _first_paragraph(lines)  # (lines are numbered from 1 in their order)


def _names_the_site(lines: list[Line], line: Line) -> bool:
    """Whether a name line is the site's own: a notice on the page holds it, or the site's menu follows
    it atop the page (below a paragraph of text, a name is a writer's: a standfirst, "Ayla Karadeniz",
    the date, a caption, then a "Read in:" menu of languages)."""
    first = _first_paragraph(lines)
    top = lines[:first + 1]  # the lines atop the page (numbered from 1 in their order)
    if line.line_no - 1 <= first and any(is_site_menu(x) for x in _next_nonblank(lines, line.line_no - 1, MENU_BELOW_MASTHEAD)):
        return True
    # (the site's name opening its masthead or menu atop the page: "Al Arabiya English | ...")
    opening = re.compile(rf"{re.escape(line.text)}(?!\w)")
    if any(x.role == "boilerplate" and x is not line and opening.match(x.text) for x in top):
        return True
    # (a masthead written again above it: "Montreal Gazette" atop a replica's page and above the date)
    if line.line_no - 1 <= first and any(x.text == line.text for x in lines[:line.line_no - 1]):
        return True
    held = notice_holder(line.text)
    return any(held.search(x.text) for x in lines)


def _between_dates(lines: list[Line], line: Line) -> bool:
    """Whether a line stands between a byline or caption line and a byline line ("Updated 21 November
    2022" / "LAYLA QASSEM" / "November 21, 2022 11:38"): a name in capitals there is no section
    label ("CENTRAL ASIA")."""
    i = line.line_no - 1  # lines are numbered from 1 in their order
    above, below = _previous_nonblank(lines, i), _next_nonblank(lines, i)
    return above is not None and above.role in ("byline", "caption") and bool(below) and below[0].role == "byline"


def _mark_author_below_title(lines: list[Line], title_index: int | None, rules: "_Rules") -> None:
    # A bare name right below the headline, above the lead or a date, is the byline ("Aigerim Saparova",
    # "Vadim Zhuravlev, Almaty", in capitals "RACHEL FENWICK");
    # not a box's label, a section's or a place ("Key Points", "WORLD NEWS", "NORTH KAZAKHSTAN").
    if title_index is None:
        return
    # (past a standfirst and a caption under the headline, and the site's furniture and the place written
    # in under the name: "Vedomosti", "Barcelona")
    after = [x for x in lines[title_index + 1:] if x.role not in ("blank", "standfirst", "caption")]
    below = after[:1] + [x for x in after[1:] if x.role != "boilerplate" and not _place_written_in(x, rules)][:1]
    # (or above the agency the writer works for: "AIDANA YERGALIYEVA" / "Agence France-Presse")
    if len(below) == 2 and below[0].role is None and (
            _AUTHORS_BELOW.match(below[0].text) or _capitals_name(below[0].text, rules.not_name_words, rules.is_place)) and (
            below[1].rule == "date_line" or _is_sentence_line(below[1]) or below[1].text.strip(" .").casefold() in rules.agencies) \
            and below[0].text.casefold() not in rules.label_words:
        # (the site's own name there credits the site: "Al Arabiya English" atop its menu too)
        site = _names_the_site(lines, below[0])
        below[0].role, below[0].rule = ("boilerplate", "site_credit") if site else ("byline", "author_below_headline")


# How many lines under a headline a writer's name may stand on its own, past a standfirst, the date
# and a picture's caption; and the fewest words of a line whose lower-case words are the text's own.
_HEAD_LINES = 5
_PARAGRAPH_WORDS = 8
_LETTERS = re.compile(r"[^\W\d_]+")
# A name on a line of its own, any script's letters ("Tereza Šťastná", "Jonathan R. Hale"), with the
# place written in or the writer's role after a comma or in brackets ("Alistair Crane, Moscow
# producer", "Alisher Kuanyshev (Almaty)").
_NAME_LINE = re.compile(r"(?P<name>[^\W\d_][^\s,()]*(?: [^\W\d_][^\s,()]*){1,3})(?:, [^\W\d_][^\d,()]{1,40}| \([^\W\d_][^\d()]{1,30}\))?")
_NAME_WORD = re.compile(r"(?:[^\W\d_][^\W\d_'\u2019-]*(?:['\u2019-][^\W\d_]+)*|[^\W\d_]\.)")


def name_on_line(text: str) -> str:
    """Return the name a writer's line gives without the place or role after it ("Alistair Crane, Moscow
    producer" -> "Alistair Crane", "Alisher Kuanyshev (Almaty)" -> "Alisher Kuanyshev")."""
    m = _NAME_LINE.fullmatch(text)
    return m.group("name") if m else text


def _writer_named(text: str, rules: "_Rules") -> str | None:
    """Return the name a line under a headline gives if it is a person's alone, else None: two to four
    capitalised words (an initial among them), none a label's, a section's, an agency's or a place's
    (here or abroad), no name the Reference knows (a politician's, a party's) and, in capitals, a
    name :func:`_capitals_name` takes.

    Examples
    --------
    >>> from kzresearch.reference import load_reference
    >>> rules = _Rules(load_reference())
    >>> [_writer_named(t, rules) for t in ("Tereza Šťastná", "Alistair Crane, Moscow producer", "Czech Republic", "Nur Otan")]
    ['Tereza Šťastná', 'Alistair Crane', None, None]
    """
    m = _NAME_LINE.fullmatch(text)
    if m is None:
        return None
    name = m.group("name")
    words = name.split()
    if not all(_NAME_WORD.fullmatch(w) and w[0].isupper() and (w.endswith(".") or not w.isupper() or name.isupper()) for w in words) \
            or sum(len(w) > 2 for w in words) < 2 or not all(re.match(_NOT_IN_A_NAME + r"(?!The\b)", w) for w in words):
        return None
    if name.isupper() and not _capitals_name(name, rules.not_name_words, rules.is_place):
        return None
    if any(w.casefold() in rules.not_name_words or w.casefold() in rules.agencies or w.casefold() in rules.foreign_places
           or rules.is_place(w) for w in words) or name.casefold() in rules.label_words | rules.foreign_places \
            or rules.is_place(name) or rules.canonical_name(name) is not None:
        return None
    return name


def _credits_an_agency(line: Line, rules: "_Rules") -> bool:
    """Whether a credit line names a news agency ("Additional reporting by Reuters.")."""
    return line.rule == "credit_line" and any(part.casefold() in rules.agencies for part in _WORD.findall(line.text))


def _mark_author_in_head(lines: list[Line], title_index: int | None, rules: "_Rules") -> None:
    # A name on a line of its own among the lines under the headline of a page with no byline (an
    # agency's credit, "Additional reporting by Reuters", is none), past a standfirst or two sentences
    # of one, the date and a picture's caption: "The Landslide and the Silence" / a standfirst /
    # "Corinne Aldrich"; a date line, a caption, "Aidana Serikova", "Share".
    if title_index is None or any(x.role == "byline" and x.rule != "date_line" and not _credits_an_agency(x, rules) for x in lines):
        return
    sentences = 0
    # (a name's words are no words the text writes in lower case: "Human Rights", "Fact Check", "Middle East" are a kicker's)
    lowered = {w for x in lines if x.n_words >= _PARAGRAPH_WORDS for w in _LETTERS.findall(x.text) if w.islower()}
    for line in [x for x in lines[title_index + 1:] if x.role != "blank"][:_HEAD_LINES]:
        if line.role is None and (name := _writer_named(line.text, rules)) and not _names_the_site(lines, line) \
                and not any(w.lower() in lowered for w in name.split()):
            line.role, line.rule = "byline", "author_in_head"
            return
        sentences += _is_sentence_line(line)
        if sentences > 2 or line.role is None and not _is_sentence_line(line) and line.n_words > 3:
            return  # (the story has begun, or a line that is no part of its head)


def _place_written_in(line: Line, rules: "_Rules") -> bool:
    """Whether a line under a writer's name is the place written in: a place known, or one capitalised word ("Barcelona")."""
    return line.n_words <= 2 and rules.is_place(line.text) or line.n_words == 1 and line.text[:1].isupper() and not _TERMINAL.search(line.text)


def _capitals_name(text: str, excluded: frozenset[str], is_place: Callable[[str], bool]) -> bool:
    """Whether a line is a name of two or three words in capitals, none of them one of the ``excluded``
    words (a label's, a section's, a kicker's: "EXCLUSIVE INTERVIEW") or a place ("ZHANAOZEN MASSACRE")."""
    return text.isupper() and _AUTHOR_IN_CAPITALS.match(text) is not None and not is_place(text) \
        and not any(w.casefold() in excluded or is_place(w) for w in text.split())


def _mark_signature(lines: list[Line], rules: "_Rules") -> None:
    # A writer's signature right below the last paragraph, the given name and the surname in
    # capitals ("Dinara ZHAKSYBEKOVA"), as Kazakh and Russian papers sign a story.
    last = next((i for i in range(len(lines) - 1, -1, -1) if _is_sentence_line(lines[i]) and SENTENCE_END.search(lines[i].text)), None)
    below = _next_nonblank(lines, last) if last is not None else []
    if below and below[0].role is None and _is_signature(below[0].text) and not _names_the_site(lines, below[0]) \
            and not any(w.casefold() in rules.section_words or w.casefold() in rules.label_words or rules.is_place(w)
                        for w in [*below[0].text.split(), below[0].text]):
        # (not a label, "Tags ELECTIONS", "Share VIA", nor a place, "Almaty REGION")
        below[0].role, below[0].rule = "byline", "author_signature"


def _is_signature(text: str) -> bool:
    """A name signed as "Dinara ZHAKSYBEKOVA": one or two given names, then the surname in capitals."""
    words = text.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words[:-1]) \
        and words[-1].replace("-", "").isalpha() and words[-1].isupper() and len(words[-1]) > 1


def _mark_captions_next_to_credits(lines: list[Line]) -> None:
    # A short unpunctuated line right below an image credit describes the image.
    for i, line in enumerate(lines):
        if line.role == "caption":
            for n in _next_nonblank(lines, i):
                if n.role is None and _is_title_like(n) and not _is_sentence_line(n):
                    n.role, n.rule = "caption", "next_to_credit"


def _previous_nonblank(lines: list[Line], i: int) -> Line | None:
    return next((line for line in reversed(lines[:i]) if line.role != "blank"), None)


def _mark_link_lists(lines: list[Line], openers: frozenset[str]) -> None:
    # Headline-like lines after a "Related stories" heading, or after the last paragraph of the
    # article, are links to other articles.
    # (a paragraph signed off by an agency ends its sentence before the sign-off: "... tired," said X. — Reuters")
    last_paragraph = max((i for i, line in enumerate(lines) if line.role in (None, "standfirst") and _TERMINAL.search(_SIGNOFF_TAIL.sub("", line.text))
                          and line.n_words >= 8), default=-1)
    first_paragraph = _first_paragraph(lines)
    in_list = False
    for i, line in enumerate(lines):
        if line.rule in openers:
            in_list = True
            continue
        if in_list and i > first_paragraph and line.rule == "author_in_place":
            # "Kazakhs Vote in Presidential Election" under "Related Stories" has the shape of the
            # byline "Helen Marsh in Almaty"; one at the foot of the text, outside a list, stays a byline.
            line.role, line.rule = "boilerplate", "link_list"
            continue
        unpunctuated = line.role is None and not _TERMINAL.search(_SIGNOFF_TAIL.sub("", line.text).rstrip("?")) and line.n_words <= 20
        # (in a list, a headline in title case may end in a full stop: "ICE Detained 52,000 People Last Month.
        # Here's Where They Went.")
        titled = in_list and line.role is None and line.n_words <= 20 and _title_case_share(line.text) >= _TITLE_CASE
        if titled or unpunctuated and (in_list or (i > last_paragraph and _is_title_like(line))):
            line.role, line.rule = "boilerplate", "link_list"
        elif line.role is None:
            in_list = False


def _mark_reader_comments(lines: list[Line], openers: frozenset[str]) -> None:
    # Below the article, a prompt to log in and comment opens the readers' comments ("Login to
    # comment", then "Tokyo_Bob Jun. 6 05:02 pm JST", the comment, "+12 / -3"): none of it is the
    # article's text, up to the next list of links.
    # (a short prompt under the comments' heading, "4 Comments" or "Comments (2)"; not a sentence inviting
    # comments in the middle of the text)
    # (or a count of comments right above a commenter's stamp: "2 Comments", "Rakesh K. | May 24, 2016 6:12 pm")
    # (or the comments' heading right above a commenter's stamp: "2 Responses to "..."" / "Paulo R. says:",
    # "Your comments" / "Posted by steppe_watcher on 19 December 2011 at 21:14", "Comments (3)" / "Joe
    # Camilleri · 11 June 2019 · 1:14pm")
    first_paragraph = _first_paragraph(lines)
    prompt = next((i for i, line in enumerate(lines) if i > first_paragraph and (
        line.n_words <= _PROMPT_WORDS and ((_COMMENT_PROMPT.match(line.text) and any(x.rule == "comment_widget" for x in lines[max(0, i - 4): i]))
                                           or (line.rule == "comment_widget" and _DIGIT.search(line.text)
                                               and [x.rule for x in _next_nonblank(lines, i)] == ["date_line"]))
        or ((_COMMENTS_HEADING.fullmatch(line.text) or line.rule == "comment_widget" and line.n_words <= _PROMPT_WORDS)
            and not _NO_COMMENTS.search(line.text) and any(_commenter_stamp(x) for x in _next_nonblank(lines, i))))), None)
    if prompt is None:
        return
    for line in lines[prompt:]:
        if line.rule in openers:
            break
        # (a commenter's stamp dates no article, nor names its writer)
        if line.role is None or line.rule == "date_line" or line.rule == "by_prefix" and _states_a_date(line.text):
            line.role, line.rule = "boilerplate", "reader_comment"


def _mark_title_and_repeats(lines: list[Line], title_index: int | None) -> None:
    if title_index is not None:
        lines[title_index].role, lines[title_index].rule = "title", "headline"
        for line in lines[:title_index]:
            if line.role is None:
                line.role, line.rule = "boilerplate", "before_headline"
    seen: set[str] = set()
    for line in lines:
        key = line.text.casefold()
        if line.role in (None, "title", "media") and line.n_words <= 25 and key in seen:
            line.role, line.rule = "boilerplate", "repeated_line"
        if line.role in ("title", "media") or (line.role is None and line.n_words <= 25):
            seen.add(key)


# A footer holds fewer paragraphs (of this many words at least) than this: a name above more is a
# digest's next item, a story; readers' comments are shorter.
_FOOTER_PARAGRAPHS = 3
_FOOTER_PARAGRAPH_WORDS = 20


def _mark_footer(lines: list[Line]) -> None:
    # Once the outlet's own name line appears in the last part of the page, the rest is the footer,
    # unless paragraphs of a story follow it (a digest's items, each under its source's name).
    last = len(lines)
    for i, line in enumerate(lines):
        if line.rule == "outlet_name_line" and i >= 0.6 * last:
            rest = [x for x in lines[i + 1:] if x.role is None]
            if sum(x.n_words >= _FOOTER_PARAGRAPH_WORDS and bool(SENTENCE_END.search(x.text)) for x in rest) >= _FOOTER_PARAGRAPHS:
                continue
            for x in rest:
                x.role, x.rule = "boilerplate", "footer"
            return


def _mark_standfirst(lines: list[Line], title_index: int | None) -> None:
    if title_index is None:
        return
    following = [line for line in lines[title_index + 1 :] if line.role in (None, "byline")][:1]
    if following and following[0].role is None and following[0].n_words >= 6 and not _TERMINAL.search(following[0].text):
        following[0].role, following[0].rule = "standfirst", "unpunctuated_after_headline"


def _assemble(lines: list[Line]) -> str:
    paragraphs: list[str] = []
    offset = 0
    current_raw: int | None = None
    current: list[Line] = []

    def flush() -> None:
        nonlocal offset
        if not current:
            return
        if paragraphs:
            offset += 1  # the "\n" between paragraphs
        for j, piece in enumerate(current):
            if j:
                offset += 1  # the space joining pieces of one glued raw line
            piece.start, piece.end = offset, offset + len(piece.text)
            offset = piece.end
        paragraphs.append(" ".join(p.text for p in current))

    for line in lines:
        if line.role not in KEPT_ROLES:
            continue
        if line.raw_line != current_raw:
            flush()
            current_raw, current = line.raw_line, []
        current.append(line)
    flush()
    return "\n".join(paragraphs)
