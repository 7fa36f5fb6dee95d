"""Document metadata inferred from the text, each value with its evidence.

- outlet: the collection record (manifest or JSON Lines field), the page's own metadata (HTML),
  else signatures from ``outlets.csv`` in the text (boilerplate included: an outlet's name is
  most often in its donation appeal or footer), a masthead line, the url or the byline, else unknown;
- byline and wire agencies credited ("By X with AP and AFP", "With reporting by AP", "(Reuters)");
- publication date with precision and evidence: the record, the page metadata, a dateline, else
  relative expressions ("Sunday", "yesterday's election", "on Tuesday") resolved against the
  election the article is about. Boilerplate never dates an article.
"""
from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache

from kzresearch.cleaning import (AGENCY_SIGNOFF, DASH_LED, MASTHEAD_LINES, MENU_BELOW_MASTHEAD, PUBLISHER_NOTICE, SENTENCE_END, SITE_DOMAIN,
                                 WRITER_POST, Line,
                                 agencies_before_date, dated_byline_author, is_site_menu, name_on_line, notice_holder, without_reading_time)
from kzresearch.dates import DAY_KINDS, DateExpression, find_dates, resolve_month_day, resolve_weekday, short_year_date
from kzresearch.patterns import LATIN_UPPER, any_of, caseless, fold_case
from kzresearch.reading import TITLE_SEPARATOR
from kzresearch.reference import Reference, agency_index, named_outlets
from kzresearch.textnorm import sentence_spans

_BYLINE_PREFIX = re.compile(r"^(?:by:?|byline:|authors?:?|(?:written|posted|article|story|report) by:?)\s+", re.IGNORECASE)
# What a page's author field may carry after the names: "Chen Qingyu; Lin Xiaowei Published Jun".
# A scholarly page's author as "Last, First" (Highwire's citation_author), which trafilatura splits into two.
_SURNAME_FIRST = re.compile(rf"(?P<surname>[{LATIN_UPPER}][\w'-]+)\s*[;,]\s*(?P<given>[{LATIN_UPPER}][\w'-]+)")
# A writer's name: one to four capitalised words, of any Latin letters ("Élise Vautrin").
_NAME_WORDS = re.compile(rf"[{LATIN_UPPER}][\w'.-]+(?: [{LATIN_UPPER}][\w'.-]+){{0,3}}")
# The label of an author field: "Author:", "Text:", "Author`s name" (Pravda's).
_AUTHOR_LABEL = re.compile(r"^[^:|]*?:\s*|^author[`'\u2019]?s\s+name\s*", re.IGNORECASE)
_BYLINE_TAIL = re.compile(r"\s+(?:Published|Updated|Posted|Last updated)\b.*$")
# "ALMATY (Reuters) -", "ASTANA, Nov. 21 (Xinhua) --", "NUR-SULTAN, January 12. /TASS/."
# "ALMATY, Kazakhstan (AP) --", "ASTANA. March 22 (Interfax) -", "ALMATY, 10 January (AFP) -", "Almaty (AFP) -",
# "Almaty. May 23. KazTAG -" (a bare name only after a date), "Almaty, Mar 20 (Xinhua) Kazakhstan's ..." (no dash
# before the text), "Nur-Sultan/Warsaw (PAP) -" (two places)
_DATELINE_CREDIT = re.compile(
    r"^[A-Z][A-Za-z.'-]{2,20}(?: [A-Z][A-Za-z.'-]{1,20}){0,2}(?:/[A-Z][A-Za-z.'-]{2,20})?(?:,\s*[A-Z][a-z]+)?"
    r"(?:[,.]?\s*(?:[A-Z][a-z]{2,9}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,9})(?:,?\s+\d{4})?\.?)?\s*"
    r"(?:\((?P<agency>[A-Za-z][A-Za-z ,/-]{1,30})\)(?:\s*[-—–:]|\s+(?=[A-Z]))|/(?P<slashed>[A-Z][A-Za-z]{1,15})/"
    r"|(?<=\d\.\s)(?P<bare>[A-Z][A-Za-z-]{1,20})\s+[-—–])"
)
# A dated dateline at the start of a paragraph: a place, a date with its year or without ("Moscow, 18 Dec
# (Lusa) -", :func:`header_month_day`), an optional credit, a dash. The place is written in capitals
# ("AKTAU, Kazakhstan, June 4, 2012 (AFP) -") or is one or two capitalised words with the date right
# after it ("(Berlin, January 26, 2022) -", "Almaty, 10 May 2018 -"); "Kazakhstan, which voted on June 9,
# 2019 - ..." is a sentence.
_DATE_STATED = r"(?:[A-Z][a-z]{2,9}\.?\s+\d{1,2},?|\d{1,2}\s+[A-Z][a-z]{2,9}\.?,?)(?:\s+(?:19|20)\d\d)?"
_BODY_DATELINE = re.compile(rf"^(?P<head>\(?(?:[A-Z][A-Z.'-]+(?:[ -][A-Z][A-Z.'-]+)*(?:,\s*[A-Z][a-z]+)?|[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)"
                            # ("HRWF (02.05.2016) – ...": a publisher's name and its date in brackets, day first)
                            # (after a name in capitals only: not "Zhanaozen (16 December 2011) - police opened fire")
                            rf"(?:[,.]\s*{_DATE_STATED}\)?|(?<=[A-Z]{{2}})\s+\((?:{_DATE_STATED}|\d{{1,2}}\.\d{{1,2}}\.(?:19|20)\d\d)\)))"
                            # ("Brussels, 19 December 2011 (ITUC OnLine): ...": a newsletter's colon for the dash, after its
                            # name in brackets; not a timeline's "Sunday, January 2, 2022: Protests erupt")
                            rf"\s*(?:\([^()]{{1,40}}\)\s*(?:--|-|\u2013|\u2014|:)|--|-|\u2013|\u2014)\s")
# An agency's dateline of place, date and its own name between slashes: "Baku/20.12.11/Turan: ...".
_SLASHED_DATELINE = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?/(?P<date>\d{1,2}\.\d{1,2}\.(?:\d\d){1,2})/[A-Z][\w-]+(?:\s[A-Z][\w-]+)?:\s")
# What may stand around an agency's name on a credit line of its own ("AFP", "(Reuters)", "— AP").
# A line of agency names: a mark before them ("Source:", "(", "[", "— With"), the names apart by
# commas, slashes, spaced dots or "and", and a closing mark.
_CREDIT_MARK = re.compile(r"^(?P<mark>(?:source:?|©|--|—|–|-|\(|\[)\s*(?:with\s+)?|with\s+|by\s+)?(?P<names>.*?)[)\]\s.]*$", re.IGNORECASE)
# Marks that set names apart on a line of credits besides those _credited_names splits at ("Reuters . AFP").
_SPACED_MARKS = re.compile(r"\s+[.·|;]\s+|\s*[|;·]\s*")
# A copyright notice: "© 2011-2022 Tengrinews.kz. All rights reserved", "Copyright © The X Limited 2019",
# "Copyright 2012 by X".
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|\bcopyright\b)(?:\s*(?:©|copyright|\d{4}(?:\s*[-–]\s*\d{4})?)[,.]?)*\s+(?:by\s+)?"
    r"(?P<holder>(?-i:[A-Za-z][\w&'/-]*(?:\.[\w&'/-]+)*(?: (?:[A-Z][\w&'/-]*(?:\.[\w&'/-]+)*|\d{1,3}\b|of|the|and|for|&))*))",
    re.IGNORECASE)
# (and other countries' forms: "Pvt. Ltd." India, "Pte" Singapore, "Sàrl" and "SA" Switzerland and France, "AG",
# "JSC", "LLP", "BV")
_CORPORATE_SUFFIX = re.compile(r"(?:,?\s+(?:Newspaper\s+)?(?:Ltd|Limited|LLC|Inc|L\.P|LP|GmbH|plc|Company|Corporation|Corp|"
                               r"Pvt|Pte|S[àa]rl|SA|AG|JSC|LLP|BV|"
                               r"All\s+Rights\s+Reserved|\d{4}))+\.?$", re.IGNORECASE)
# The fewest words of a paragraph signed off by agencies in brackets.
_SIGNED_PARAGRAPH_WORDS = 20
# How many lines below the headline a date line without a year is looked for.
_HEADER_LINES = 5
# An agency's sign-off closing a paragraph: "... to prepare. – AFP", "... —AFP/Reuters".
# ... or in brackets: "... to more than double by 2015. (AFP, AP)"
_SIGNOFF_AT_END = re.compile(r"[.!?][\"'\u201d\u2019]?\s*(?:[-\u2013\u2014]+\s?(?P<agencies>[A-Z][A-Za-z-]+(?:(?:\s*[/,]\s*|\s+and\s+)[A-Z][A-Za-z-]+)*)"
                             r"|\((?P<bracketed>[A-Z][A-Za-z-]+(?:(?:\s*[/,]\s*|\s+and\s+)[A-Z][A-Za-z-]+)*)\)"
                             # ("... for compensation over repeated delays. REUTERS, BLOOMBERG": in capitals, no dash)
                             r"|(?<=\s)(?P<capitals>[A-Z]{2,}(?:-[A-Z]+)?(?:\s*[/,]\s*[A-Z]{2,}(?:-[A-Z]+)?)*))\.?$")
# A writer's role after the name ("SPECIAL TO FOLHA", "Special Correspondent") and the place written in ("IN MOSCOW").
_SPECIAL_TO = re.compile(r"(?:^|\s+)special(?:\s+(?:to|for|correspondent)\b.*)?$", re.IGNORECASE)
_IN_PLACE = re.compile(r"(?i:in)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?$")
# A writer's role after the name, alone ("Tom Rawcliffe Reporter", "Metro Reporter"; "Writer" is a surname too).
_TRAILING_ROLE = re.compile(r"\s+(?:reporter|correspondent)$", re.IGNORECASE)
# A part of a byline that is a writer's role or a page's, not a name ("Kyiv Post Staff Writer", "Correspondent", "Readers' Letters").
_ROLE_END = re.compile(r"\b(?:staff|(?:staff|contributing|special|senior|chief|foreign|associated\s+press|ap|afp|reuters)\s+(?:writer|reporter|correspondent|editor)|"
                       r"correspondent|producer|desk|bureau|newsroom|team|report|reports|services|letters|board|editorial)$", re.IGNORECASE)
# A writer's affiliation after a comma ("Aliya Omarova, Al-Farabi Kazakh National University"), no second writer.
_AFFILIATION = re.compile(r"\b(?:University|Institute|Academy|College|School|Centre|Center|Foundation|Council|Programme|Program)\b")
_POST_AFTER_WRITER = re.compile(WRITER_POST)
# A part that credits rather than names: "With reporting by AP", "Staff".
# ("with reports from The Associated Press", "From wire reports")
_CREDIT_WORDS = re.compile(r"(?:with\s+|from\s+)?(?:additional\s+|wire\s+)?(?:reporting|reports?(?:\s+from)?)\b|staff\b|reporters?\b",
                           re.IGNORECASE)
# A holder that is a company ("Dow Jones & Company, Inc.", "Asia Times Holdings"), a parent of outlets.
_COMPANY = re.compile(r"\b(?:Holdings?|Group|Company|Corporation|Corp|Inc|Ltd|Limited|LLC|plc|GmbH|Services|Enterprises|"
                      r"Pvt|Pte)\b", re.IGNORECASE)
_COMPANY_FORM_REACH = 8  # how far past a holder its company form may stand (", LLC", ", Inc.")
_BARE_DOMAIN = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,6}", re.IGNORECASE)
# A site's domain opening a line ("Kapital.kz", "LITER.KZ — News of Kazakhstan"), in the first lines of a page.
_DOMAIN_START = re.compile(rf"(?:www\.)?(?P<domain>{SITE_DOMAIN})(?![.\w])")
# An unknown holder that may be a site: two capitalised words or more ("Kazakhstan Today"), or a
# domain ("Tengrinews.kz"); not "All" (rights reserved), "Content", a lone word.
_NAMES_A_SITE = re.compile(rf"(?!(?:All|Content|Site|Material|Materials)\b)[A-Z][\w'&-]+(?: (?:of|the|and|&|[A-Z0-9][\w'&-]*))*"
                           rf" [A-Z0-9][\w'&-]*|{SITE_DOMAIN}")
# A name atop a page, before a separator ("DAWN - International; December 06, 2005"), of a few words.
_MASTHEAD_PARTS = re.compile(r"\s+[-|:\u2013\u2014]\s+|;")
_MASTHEAD_NAME_WORDS = 3
_DATELINE_PARAGRAPHS = 2  # the paragraphs below the headline where a story's dateline may stand
# What an agency's masthead says it is, in English and the region's languages ("Polish Press Agency", "Milliy
# axborot agentligi", "Information Agency").
_AGENCY_WORDS = re.compile(r"\b(?:agency|press|news|service|information|telegraph|agentlig\w*|agentstv\w*|ajansı)\b", re.IGNORECASE)
# An agency's masthead: its name in capitals, then what it is ("TURAN Information Agency", "BTA
# Bulgarian News Agency"): the agency is known by the name.
_AGENCY_BRAND = re.compile(r"(?P<brand>[A-Z][A-Z0-9-]+)\s+(?:[A-Z][a-z]+\s+){0,2}Agency")
# The rules of a line above the headline that is no site's name: a menu's ("Home").
_NOT_MASTHEAD_RULES = frozenset({"navigation", "menu_bar", "link_list"})
# The rules a masthead above the site's menu may have (_masthead_above_menu): none, its place above
# the headline, or a line of an outlet's name.
_MASTHEAD_RULES = frozenset({None, "default_body", "before_headline", "outlet_name_line"})
# A mark that ends a sentence or a question: no masthead's.
_TERMINAL_MARK = re.compile(r"[.!?:]$")
# A name of this many letters or fewer in capitals is an acronym ("KTK"), kept as written.
_ACRONYM_LETTERS = 4
# The end of the evidence of a copyright holder outlets.csv does not know.
_UNKNOWN_HOLDER = " (not in outlets.csv)"
# A copyright notice ("© 2023 Caravanserai", "Tehran Times Daily Newspaper Copyright © 2016").
_NOTICE = re.compile(r"©|\(c\)|\bcopyright\b|\ball rights reserved\b", re.IGNORECASE)
# A credit to a house's staff (_staff_credit): "a Steppe Herald staff reporter", "SH Staff",
# "a staff writer at The Astana Times".
_HOUSE_NAME = r"[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}?"
_STAFF_CREDIT = re.compile(
    rf"\b[Aa]n?\s+(?P<name>{_HOUSE_NAME})\s+(?i:staff\s+(?:reporter|writer|correspondent))\b"
    rf"|^(?:(?i:by)\s+)?(?P<alone>{_HOUSE_NAME})\s+(?i:staff)$"
    rf"|\b(?i:staff\s+(?:reporter|writer|correspondent))\s+(?:at|for)\s+(?P<house>(?:[Tt]he\s+)?[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){{0,3}})")
# Words that describe a staff, not name a house: "By Our Staff", "Web Desk Staff", "EDITORIAL STAFF".
_STAFF_WORDS = frozenset("our editorial news web online desk wire foreign city local world business sports special "
                         "political staff the a by".split())
# The words a paragraph has at least (dateline_published).
_PARAGRAPH_WORDS = 8
# A site's date of the day it is read ("Today, 14 November 2024", "Today is Tuesday, ...").
_TODAY = re.compile(r"\s*(?:today|current date)\b", re.IGNORECASE)
# A page's name before the site's ("Home - The Astana Times").
_PAGE_WORDS = frozenset({"home", "homepage", "main", "index", "news", "latest news", "front page", "welcome"})
# What a site name adds in brackets ("Novinite.com (Sofia News Agency)").
_BRACKETED_TAIL = re.compile(r"\s*\([^()]*\)\s*$")
# Words of an edition or a company after a known outlet's name ("Sputnik International", "Kursiv Media").
_EDITION_WORDS = 2
# Words a site's name adds to its domain's ("khaama.com" is Khaama Press, "pajhwok.com" Pajhwok Afghan News).
_NAME_KIND_WORDS = ("press", "news", "times", "post", "daily", "media", "agency", "tv", "radio")
_EDITION = frozenset({"international", "english", "online", "digital", "media", "group", "global", "web", "edition", "news", "agency"})
# Subdomains of a site's language or of the web, not of its name.
_SUBDOMAINS = frozenset({"www", "m", "en", "eng", "english", "ru", "rus", "kz", "kaz", "qaz", "uz", "amp", "mobile"})
_PUBLIC_SUFFIXES = frozenset({"com", "net", "org", "info", "asia", "media", "news", "gov", "edu", "co"})
# A credit for a picture, not a page's notice.
_PHOTO_CREDIT = re.compile(r"\b(?:photo|image|picture|credit|provided by|getty|shutterstock)\b", re.IGNORECASE)
_PHOTOGRAPHER = re.compile(r"\s*/\s*(?!All\b)[A-Z][\w'-]+\s+[A-Z]")
# How many lines at the end of a page hold its footer.
_FOOT_LINES = 12
# The rules of a line that is only a name ("AFP"), not a breadcrumb or a link ("RFE/RL's Kazakh Service").
_NAME_LINE_RULES = frozenset({"outlet_name_line", "short_label"})
# ... and of a credit of an agency and a place under a headline ("AFP/Astana" reads as a breadcrumb).
_CREDIT_LINE_RULES = _NAME_LINE_RULES | {"breadcrumb"}
# A word in lower case, as a headline has and a site's name has not ("sworn", "re-elected").
_LOWER_WORD = re.compile(r"(?<![\w'])[a-z][\w'-]*")
# An editor's initials before a credited agency ("JKB/Xinhua").
_INITIALS = re.compile(r"[A-Z]{2,4}")
# Credit lines that name an author ("Written by Dana Amanova", "Story by ...").
# A credit that names its writer ("Written by", "Reporting:"; a desk's "Compiled by BWALYA MUSONDA" over agency copy).
_AUTHORED = re.compile(r"^(?:(?:written|story|words|text|compiled) by\s+|reporting\s*:\s*)", re.IGNORECASE)
# The words that open a credit before the names it credits ("With additional reporting by", "Compiled by").
_CREDIT_PREFIX = re.compile(r"^(with )?(additional )?(reporting|files|material|inputs?) (by|from)\s+|^reporting\s*:\s*"
                            r"|^(compiled|written|edited|editing|story|words|text) by\s+", re.IGNORECASE)
_EDITOR_CREDIT = re.compile(r"(?:edited|editing)\s+by\b", re.IGNORECASE)
# A sentence's end inside a credit line, before the next sentence's capital ("By Helen Dray. Additional reporting by AFP.";
# not an initial: "Martin J. Kowalczyk").
_CREDIT_SENTENCE = re.compile(r"(?<=[a-z]{2})\.\s+(?=[A-Z])")
_CREDIT_SPLIT = re.compile(r"\s*(?:,|;|\bwith\b|\band\b|&)\s*", re.IGNORECASE)
# Between the pieces of a credit's part: a slash or a spaced dash ("Reuters/AFP", "Reuters - November 21").
_CREDIT_PIECES = re.compile(r"\s*/\s*|\s+[-\u2013\u2014]\s+")
# An agency's name before a site's stamp on a date line ("AFP Published 07 Oct, 2024 02:18pm").
_AGENCY_BEFORE_STAMP = re.compile(r"(?P<agency>[A-Z][\w-]*(?: [A-Z][\w-]*){0,2})\s+(?:Published|Updated|Posted)\b")
# A desk's credit after a date line's slash naming the agencies it wrote with ("/ STEPPE DAILY WITH AFP, ASTANA").
_DESK_WITH_AGENCIES = re.compile(r" / [^/]*?\bwith\s+(?P<agencies>[^/]+)$", re.IGNORECASE)
# A writer's address after the name ("By Tomás Ahumada (editor@santiagotimes.cl)").
_EMAIL = re.compile(r"\s*[(<\[]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[)>\]]?")
_AUTHOR_TAIL = re.compile(r"\s+(?:in|on|at|for|from)\s+.*$")
_FUTURE = re.compile(r"\b(will|shall|due (by|on|to)|expected (to|on|by)|scheduled|set to|is to|are to|plans? to|next)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Published:
    """A publication date: ISO string of the stated precision, the precision, and the evidence."""

    value: str | None
    precision: str
    evidence: str

    @property
    def day(self) -> dt.date | None:
        return dt.date.fromisoformat(self.value) if self.precision == "day" and self.value else None


def parse_published(value: str | None) -> Published | None:
    """Parse a recorded date (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or an ISO timestamp).

    Examples
    --------
    >>> parse_published("2021-01-10T09:30:00Z")
    Published(value='2021-01-10', precision='day', evidence='')
    >>> parse_published("2021-01").precision
    'month'
    >>> parse_published("16.03.2026").value
    '2026-03-16'
    >>> parse_published("soon") is None
    True
    """
    if not value:
        return None
    value = str(value).strip()
    stated = [d.date for d in find_dates(value) if d.date]
    if stated and not re.match(r"\d{4}-\d{2}-\d{2}", value):  # "16.03.2026", "March 16, 2026"
        return Published(stated[0].isoformat(), "day", "")
    for pattern, precision, length in ((r"\d{4}-\d{2}-\d{2}", "day", 10), (r"\d{4}-\d{2}", "month", 7), (r"\d{4}", "year", 4)):
        if re.match(pattern + r"(?!\d)", value):
            head = value[:length]
            try:
                dt.date.fromisoformat(head if precision == "day" else (head + "-01-01")[:10] if precision == "year" else head + "-01")
            except ValueError:
                return None
            return Published(head, precision, "")
    return None


class _OutletSignatures:
    """Each signal's ``(outlet, pattern source, compiled)`` triples, compiled to search folded text
    (:func:`kzresearch.patterns.caseless`); evidence quotes the source as written."""

    def __init__(self, ref: Reference):
        self.by_signal = {
            signal: [(row.outlet, row.pattern, caseless(row.pattern)) for row in group.itertuples()]
            for signal, group in ref.outlets.groupby("signal")
        }
        # One combined pattern per signal rules out most lines in one call (see kzresearch.patterns),
        # and, with "^" and "$" at every line, most documents in one call over all their lines.
        self.any_of = {signal: any_of((source for _, source, _ in patterns), folded=True)
                       for signal, patterns in self.by_signal.items()}
        texts = [source for _, source, _ in self.by_signal.get("text", [])]
        mastheads = [f"^(?:{source})$" for _, source, _ in self.by_signal.get("masthead", [])]
        self.in_document = {"text": any_of(texts, re.IGNORECASE | re.MULTILINE, folded=True),
                            "masthead": any_of(mastheads, re.IGNORECASE | re.MULTILINE, folded=True)}
        self.by_folded_name = {fold_case(outlet): outlet for outlet in ref.outlets["outlet"]}
        self.names = frozenset(self.by_folded_name.values())
        longest_first = sorted((fold_case(n) for n in named_outlets(ref)), key=len, reverse=True)
        self._name_pattern = re.compile("|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in longest_first))

    def named_in(self, folded: str) -> str | None:
        """Return the outlet whose name a folded line holds (the longest), else None."""
        found = self._name_pattern.search(folded)
        return self.by_folded_name[found.group(0)] if found else None


@lru_cache(maxsize=4)
def _signatures_for(ref: Reference) -> _OutletSignatures:
    return _OutletSignatures(ref)


def canonical_outlet(name: str, ref: Reference, text: str = "", url: str | None = None) -> str:
    """Return the ``outlets.csv`` name of an outlet as a page or an export names it, else the name.

    Pages and exports name their site by its domain ("Tengrinews.kz", "en.trend.az") or in
    another case; a name that a url signature matches, that equals a known outlet's name without
    regard to case, that a masthead signature fills, or that is a known outlet's name and its
    edition ("Sputnik International", :func:`_named_first`), becomes that outlet.

    Parameters
    ----------
    name : str
        The site name as recorded (HTML metadata, a JSON Lines field).
    ref : Reference
        Reference tables (``outlets.csv``).
    text : str, optional
        The page's text, where a domain no outlet has may be spelled out (:func:`_unknown_domain`).
    url : str, optional
        The page's address: a name that runs its host's letters together ("NewsComAu" of
        "www.news.com.au") is that host ("news.com.au").

    Returns
    -------
    str
        The canonical outlet name, or ``name`` stripped when no outlet is known by it.
    """
    signatures = _signatures_for(ref)
    name = _site_name(name.strip(), signatures.by_folded_name)
    folded = fold_case(name)
    for outlet, _, pattern in signatures.by_signal.get("url", []):
        if pattern.search(folded):
            return outlet
    if folded in signatures.by_folded_name:
        return signatures.by_folded_name[folded]
    # A masthead names the outlet as its pages write it ("WSJ", "BBC News Online"); an agency's own
    # copy is the agency's ("Deutsche Presse-Agentur" is dpa).
    masthead = next((outlet for outlet, _, pattern in signatures.by_signal.get("masthead", []) if pattern.fullmatch(folded)), None)
    if not masthead and url and (host := _url_host(url)) is not None:
        site = host.removeprefix("www.")
        if re.sub(r"\W", "", site) == re.sub(r"\W", "", folded):
            return site
    return masthead or agency_index(ref).get(name.casefold()) or _named_first(folded, signatures) \
        or _unknown_domain(_without_medium(name), text)


def _named_first(folded: str, signatures: _OutletSignatures) -> str | None:
    """A known outlet's name and a word or two of its edition or company ("Sputnik International",
    "Kursiv Media"): that outlet. Not another outlet that starts with its name ("The Times of
    Malta", "ABC News Australia", "Interfax-Ukraine", "Reuters Foundation")."""
    named = signatures.named_in(folded)
    if named is None or not folded.startswith(fold_case(named)):
        return None
    tail = folded[len(fold_case(named)):].split()
    if folded[len(fold_case(named)):][:1] not in ("", " ") or not 0 < len(tail) <= _EDITION_WORDS or not set(tail) <= _EDITION:
        return None
    return named


def _site_name(name: str, known: Collection[str] = ()) -> str:
    """The site's name in a recorded site name: a part that is a known outlet's name (``known``: folded
    names, "Opinion - The Moscow Times"), else the last part of a page title that a page gave as
    its site name ("Journalists face jail terms - Committee to Protect Journalists"; the first part
    of a long one when it is a short name in capitals: "Steppe Daily - Latest Breaking News and Headlines"), the first part
    of a short one that adds a description or another language's name ("ANSA.it - English Media
    Service", "Polskie Radio – Radio Poland"; not a page's or a section's name: "Home - The Astana
    Times", "World - Steppe Herald"), without what it adds in brackets ("Novinite.com (Sofia
    News Agency)") or a top-level domain after a name of words ("Le Monde.fr"; a bare domain stays
    for :func:`_unknown_domain`).

    Examples
    --------
    >>> [_site_name(n) for n in ("ANSA.it - English Media Service", "Novinite.com (Sofia News Agency)", "Le Monde.fr")]
    ['ANSA.it', 'Novinite.com', 'Le Monde']
    """
    name = _BRACKETED_TAIL.sub("", name).strip() or name
    parts = [part.strip() for part in TITLE_SEPARATOR.split(name)]
    if len(parts) > 1 and (known_part := next((part for part in parts if fold_case(part) in known), None)):
        return known_part  # a part that is a known outlet's name ("Opinion - The Moscow Times")
    if len(parts) > 1:
        # a section's one word before the site's ("World - Steppe Herald") is no name of the site
        section = len(parts[0].split()) == 1 and not _BARE_DOMAIN.fullmatch(parts[0])
        if section or parts[0].casefold() in _PAGE_WORDS:
            name = parts[-1]
        elif len(name.split()) > 6:
            # a headline and the site ("Tokayev sworn in - Steppe Institute for War and Peace
            # Reporting": the headline's words in lower case), or the site and its tagline ("Steppe
            # Daily - Latest Breaking News and Headlines": a short name in capitals first)
            first = parts[0]
            name = first if len(first.split()) <= _MASTHEAD_NAME_WORDS and not _LOWER_WORD.search(first) else parts[-1]
        else:
            name = parts[0]
    return ".".join(_without_suffix(name.split("."))) if " " in name else name


def _unknown_domain(name: str, text: str = "") -> str:
    """A bare domain no signature knows, as a name: the name the page's ``text`` spells it out as
    (:func:`_spelled_out`), else "anews.com.tr" -> "Anews", "news.mail.ru" -> "Mail"; a site's own
    name under a country's domain keeps it, as such sites write their name ("gazeta.uz" ->
    "Gazeta.uz", "LITER.KZ" -> "Liter.kz", "24.kg", "DKNews.kz")."""
    if not _BARE_DOMAIN.fullmatch(name):
        return name
    labels = name.lower().split(".")
    while len(labels) > 2 and labels[0] in _SUBDOMAINS:
        labels = labels[1:]  # "www.gazeta.uz", "en.gazeta.uz" are "gazeta.uz"
    if text and (spelled := _spelled_out(labels, text)):
        return spelled
    if len(labels) == 2 and len(labels[1]) == 2:
        written = name.split(".")[-2]  # (a name written in mixed case keeps it: "DKNews.kz")
        return f"{written if not (written.islower() or written.isupper()) else labels[0].capitalize()}.{labels[1]}"
    return _without_suffix(labels)[-1].capitalize()


# A run of capitalised words ("Central Asia News", "CENTRAL ASIA NEWS", "Qazaqstan TV").
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*)+")


# A page's address: its host, past an archive's own ("http://web.archive.org/web/2007.../http://www.times.co.zm/...").
_URL_HOST = re.compile(r"https?://(?P<host>[\w.-]+\.[a-z]{2,6})(?::\d+)?(?:[/?#]|$)(?!.*https?://)", re.IGNORECASE)


def _url_host(url: str) -> str | None:
    """Return the host of a page's address (the last address in it, an archive's copy's original), else None."""
    m = _URL_HOST.search(url)
    return m.group("host").lower() if m else None


def _without_suffix(labels: list[str]) -> list[str]:
    """A domain's labels without its top-level domain and a second level under a country ("com.tr",
    "co.uk", ".fr")."""
    labels = list(labels)
    while len(labels) > 1 and (labels[-1].lower() in _PUBLIC_SUFFIXES or len(labels[-1]) <= 2):
        labels.pop()
    return labels


def infer_outlet(lines: list[Line], ref: Reference, *, url: str | None = None) -> tuple[str | None, str]:
    """Find the outlet from signatures in the text, the url and the byline.

    Every matching signature of ``outlets.csv`` (url, text, byline, masthead) and a line naming an
    outlet above the headline is a piece of evidence; the outlet with the most wins. Where nothing
    names one, a site's domain opening one of the first lines does ("Kapital.kz", "LITER.KZ — News
    of Kazakhstan"), else the holder of the copyright notice at the foot of the page when it is a
    known outlet that is not a wire service, else a short name atop the page that holds that notice
    (:func:`_masthead_in_notice`: "Caravanserai" ... "© 2023 Caravanserai"), else a holder that may
    name a site (two capitalised words or a domain, no company's): "© Kazakhstan Today, 2000-2005",
    else the domain of the page's ``url`` where the text spells it out ("khaama.com", "Khaama Press").
    A person's name ("© 2021 Dana Omarova") passes that last test too: the evidence says the holder
    is not in ``outlets.csv``.

    Returns
    -------
    (outlet or None, evidence)
    """
    signatures = _signatures_for(ref)
    hits: dict[str, list[str]] = {}
    if url:
        folded_url = fold_case(url)
        for outlet, source, pattern in signatures.by_signal.get("url", []):
            if pattern.search(folded_url):
                hits.setdefault(outlet, []).append(f"url matches {source!r}")
    folded = [fold_case(line.text) for line in lines]
    joined = "\n".join(folded)
    signals = [signal for signal in ("text", "byline", "masthead")
               if (prefilter := signatures.in_document.get(signal)) is None or prefilter.search(joined)]
    for line, text in zip(lines, folded):
        for signal in signals:
            if signal == "byline" and line.role != "byline":
                continue
            prefilter = signatures.any_of.get(signal)
            if prefilter is not None and not (prefilter.fullmatch(text) if signal == "masthead" else prefilter.search(text)):
                continue
            for outlet, source, pattern in signatures.by_signal.get(signal, []):
                # a masthead pattern must fill a short line: a name inside a sentence is a credit
                found = pattern.fullmatch(text) if signal == "masthead" else pattern.search(text)
                if found:
                    hits.setdefault(outlet, []).append(f"{signal} signature {source!r} on line {line.line_no} ({line.role})")
    # A line naming an outlet above the headline is its masthead ("Voice of America").
    title_at = _title_index(lines, 0)
    for line in lines[:title_at]:
        if line.rule == "outlet_name_line" and (named := signatures.named_in(fold_case(line.text))):
            hits.setdefault(named, []).append(f"outlet name above the headline on line {line.line_no}")
    if not hits and (masthead := _domain_masthead(lines[:title_at] if title_at else lines, lines)) is not None:
        return masthead
    if not hits:
        # the weakest signals, only where nothing else names the outlet: a known outlet holding the
        # page's copyright, a name atop the page that the notice repeats, any holder that may be a site's
        holder = _copyright_holder(lines, ref)
        if holder is not None and not holder[1].endswith(_UNKNOWN_HOLDER):
            return holder
        if (named := _masthead_in_notice(lines)) is not None:
            return named
        if (named := _masthead_in_dateline(lines)) is not None:
            return named
        if (named := _staff_credit(lines)) is not None:
            return named
        if (named := _masthead_above_menu(lines)) is not None:
            return named
        if holder is not None:
            return holder
    if not hits and url and (host := _url_host(url)) is not None \
            and (spelled := _spelled_out(host.split("."), "\n".join(line.text for line in lines))) is not None:
        # the weakest of all: the domain of the page's own address where the page spells it out ("khaama.com"
        # and "Follow Khaama Press on Twitter"; not an archive's, a platform's or a share link's host)
        return spelled, f"the url's domain {host!r}"
    if not hits:
        return None, "no outlet signature in the text, url or byline"
    outlet = max(hits, key=lambda o: len(hits[o]))
    wire_outlets = {o for o, _, _ in signatures.by_signal.get("wire_notice", [])}
    if outlet in wire_outlets and not any(e.startswith("url") for e in hits[outlet]) \
            and (named := _masthead_in_notice(lines)) is not None and canonical_outlet(named[0], ref) not in wire_outlets:
        # A wire service's name on a page that runs its copy ("Reuters" above a Rappler headline)
        # credits the copy; the name atop the page that holds its copyright is the page's.
        return named
    return outlet, "; ".join(hits[outlet][:3])


def platform_outlets(ref: Reference) -> frozenset[str]:
    """Return the outlets that ``platform`` rows of ``outlets.csv`` mark: aggregators and replica
    kiosks that carry other publications' stories ("Yahoo News", "MSN", "PressReader")."""
    return frozenset(outlet for outlet, _, _ in _signatures_for(ref).by_signal.get("platform", []))


def _section_label(name: str, ref: Reference) -> bool:
    """Whether a line is a site's section label: all its words a section's or a kicker's ("World News",
    "Top Stories", "Breaking News"; ``section_words``/``kicker_words`` of ``boilerplate.yaml``) or a place's."""
    words = {*(ref.boilerplate.get("section_words") or []), *(ref.boilerplate.get("kicker_words") or [])}
    return all(w.casefold() in words or ref.is_place(w) for w in name.split())


def credited_outlet(lines: list[Line], ref: Reference, platform: str, wire: list[str], provider: str | None = None) -> tuple[str, str] | None:
    """Return ``(outlet, evidence)`` of the publication whose story a platform's page carries, if the
    page credits one, else None.

    A platform (``platform`` rows of ``outlets.csv``) shows another publication's story: the outlet a
    reader cites is that publication. It is the provider the page's structured data names (MSN's
    JSON-LD), else the one the page's signatures name (:func:`infer_outlet`,
    other than a platform: inkl's "The Guardian" line), else the publication's name on a line of its
    own right above the headline or the date line over it (MSN's "The Week", a PressReader replica's
    "Montreal Gazette"), else the one agency the story's credits name (a Yahoo copy's "Nur-Sultan
    (AFP) -").

    Parameters
    ----------
    lines : list of Line
        Classified lines.
    ref : Reference
        Reference tables (``outlets.csv``).
    platform : str
        The platform the page's metadata, url or signatures named.
    wire : list of str
        The agencies the page credits (:func:`infer_byline_and_wire`).
    provider : str, optional
        The ``provider`` of the page's JSON-LD article, where it names one.

    Returns
    -------
    (str, str) or None
        The publication and the evidence for it.
    """
    carried = f"carried by {platform}"
    if provider and (named := canonical_outlet(provider, ref)) not in platform_outlets(ref):
        return named, f"the provider {provider!r} the page's structured data names; {carried}"
    found, evidence = infer_outlet(lines, ref)
    found = canonical_outlet(found, ref) if found else None
    if found and found not in platform_outlets(ref) and not evidence.endswith(_UNKNOWN_HOLDER) \
            and not evidence.startswith("the site's domain"):
        return found, f"{evidence}; {carried}"
    title_at = _title_index(lines, 0)
    above = [line for line in lines[:title_at] if line.role != "blank" and line.rule != "date_line"][-1:]
    # (a name line, not a section's label or a banner: "Top Stories", "World News", "Central Asia")
    if above and above[0].rule in _MASTHEAD_RULES and (name := above[0].text.strip()) and _NAMES_A_SITE.fullmatch(name) \
            and 2 <= len(name.split()) <= 5 and canonical_outlet(name, ref) not in platform_outlets(ref) and not ref.is_place(name) \
            and not _section_label(name, ref):
        return canonical_outlet(name, ref), f"the name {name!r} above the headline (line {above[0].line_no}); {carried}"
    if len(set(wire)) == 1:
        return wire[0], f"the story's credit to {wire[0]}; {carried}"
    return None


def _domain_masthead(lines: list[Line], page: list[Line]) -> tuple[str, str] | None:
    """Return ``(outlet, evidence)`` from a site's domain opening a short line at the top of a page
    ("Kapital.kz", "LITER.KZ — News of Kazakhstan", "24.kg news agency"), above the headline (the
    name the ``page``'s lines spell it out as, where they do)."""
    for line in [line for line in lines if line.role != "blank"][:MASTHEAD_LINES]:
        if line.n_words <= 8 and (m := _DOMAIN_START.match(line.text)):
            text = "\n".join(x.text for x in page)  # (joined only for a page that opens with a domain)
            return _unknown_domain(m.group("domain"), text), f"the site's domain {m.group('domain')!r} on line {line.line_no}"
    return None


def _spelled_out(labels: list[str], text: str) -> str | None:
    """Return the name of two to four capitalised words that ``text`` spells a domain (its
    ``labels``) out as, with its top-level domain or without: "steppemagazine.com" is "Steppe
    Magazine", "centralasia.news" "Central Asia News", "qazaqstan.tv" "Qazaqstan TV"; else None.

    Examples
    --------
    >>> _spelled_out(["centralasia", "news"], "CENTRAL ASIA NEWS. The Central Asia desk")
    'Central Asia News'
    >>> _spelled_out(["steppemagazine", "com"], "Read Steppe Magazine online"), _spelled_out(["anews", "com", "tr"], "Anews said")
    ('Steppe Magazine', None)
    """
    site = _without_suffix(labels)[-1]
    wanted = [site + labels[-1], site] if labels[-1] != site else [site]  # the longer spelling first
    # ... or the name and a word of its kind ("khaama.com" is "Khaama Press")
    wanted += [site + word for word in _NAME_KIND_WORDS]
    found: dict[str, str] = {}
    for run in _CAPITALISED_RUN.finditer(text):
        words = run.group().split()
        for i, j in itertools.combinations(range(len(words) + 1), 2):
            if 2 <= j - i <= 4 and (letters := re.sub(r"\W", "", "".join(words[i:j])).casefold()) in wanted:
                found.setdefault(letters, " ".join(words[i:j]))
    name = next((found[w] for w in wanted if w in found), None)
    return _spelled(name) if name else None


def _masthead_in_notice(lines: list[Line]) -> tuple[str, str] | None:
    """Return ``(outlet, evidence)`` from a short name atop the page that the copyright notice at its
    foot holds: "Caravanserai" above the menu and "© 2023 Caravanserai" below the text, "DAWN -
    International; ..." and "© DAWN Group of Newspapers", "Tehran Times" and "Tehran Times Daily
    Newspaper Copyright © 2016", "STEPPE HERALD" and "Steppe Herald English is published by
    ...". Both ends of the page name it, so it is the page's own name, known to ``outlets.csv`` or not.

    The notice is a line of the foot that cleaning set apart (boilerplate, a caption), and the name
    stands as its holder: right after the mark and the year, or opening the notice before the mark
    (not "Article 5(c) of Kazakhstan's law"). The name is a line above the headline that no rule
    took for a menu ("Home"). Capitals throughout are a masthead's lettering ("AZERNEWS" is
    Azernews) unless the notice writes the name otherwise, or the name is an acronym ("KTK").
    """
    written = [line for line in lines if line.role != "blank"]
    title_at = _title_index(written, len(written))
    notices = [line.text for line in written[-_FOOT_LINES:]
               if (line.role in ("boilerplate", "caption") and _NOTICE.search(line.text)) or PUBLISHER_NOTICE.search(line.text)]
    for line in written[:min(MASTHEAD_LINES, title_at)] if notices else []:
        if line.rule in _NOT_MASTHEAD_RULES:
            continue
        if (name := _masthead_name(line.text, _MASTHEAD_NAME_WORDS)) is None or not name[0].isupper():
            continue
        holder = notice_holder(name)
        for notice in notices:
            if m := holder.search(notice):
                brand = _AGENCY_BRAND.fullmatch(name)
                spelled = _spelled(brand.group("brand")) if brand else _spelled(name, m.group("name") or m.group("opening"))
                return spelled, f"the name {name!r} atop the page (line {line.line_no}) and holding its notice {notice!r}"
    return None


def _credited_in(dateline: re.Match) -> str:
    """The credit a dateline (:data:`_DATELINE_CREDIT`) gives: in brackets, between slashes or bare."""
    return dateline.group("agency") or dateline.group("slashed") or dateline.group("bare")


def _masthead_in_dateline(lines: list[Line]) -> tuple[str, str] | None:
    """Return ``(outlet, evidence)`` from a name atop the page that the story's dateline credits: "PAP –
    Polish Press Agency" atop and "Nur-Sultan/Warsaw (PAP) – ..." opening the story, "O'zbekiston Milliy
    axborot agentligi – UzA" and "Nur-Sultan, June 18 (UzA) —". An agency's own service carries its copy
    under its masthead; a paper running an agency's copy has a masthead of its own.

    Examples
    --------
    >>> _masthead_in_dateline([Line(1, 1, "PAP – Polish Press Agency"), Line(2, 2, "Kazakh toll rises", "title"),
    ...                        Line(3, 3, "Nur-Sultan/Warsaw (PAP) – Prosecutors said on Saturday ...", "body")])[0]
    'PAP'
    """
    written = [line for line in lines if line.role != "blank"]
    title_at = _title_index(written, None)
    if title_at is None:
        return None
    # (the dateline opens one of the first paragraphs: a correspondent's line may stand above it)
    opening = [line for line in written[title_at + 1:] if line.role == "body"][:_DATELINE_PARAGRAPHS]
    credits = [_credited_in(m) for line in opening if (m := _DATELINE_CREDIT.match(line.text))]
    if not credits:
        return None
    credited = fold_case(credits[0].strip())
    for line in written[:min(MASTHEAD_LINES, title_at)]:
        if line.rule in _NOT_MASTHEAD_RULES:
            continue
        parts = [part.strip() for part in _MASTHEAD_PARTS.split(line.text)]
        # (the name alone, or beside what the agency is: "PAP – Polish Press Agency"; not a section's kicker: "World - SNA")
        if credited in (fold_case(p) for p in parts) and (len(parts) == 1 or _AGENCY_WORDS.search(line.text)):
            name = next(p for p in parts if fold_case(p) == credited)
            return name, f"the name {name!r} atop the page (line {line.line_no}) that the story's dateline credits"
    return None


def _masthead_name(text: str, most_words: int) -> str | None:
    """The name a masthead line opens with, before a separator ("DAWN - International; ..."): one to
    ``most_words`` words in Latin letters (the package reads English-language news, and a Cyrillic
    masthead "Агентство "Казахстан Сегодня"" is not how its English pages name the outlet)."""
    # (a logo's flourish is no part of the name: "The Intercept_", "The Nation."; an abbreviation's dots
    # are: "U.S. News")
    name = _MASTHEAD_PARTS.split(text, 1)[0].strip().rstrip("_")
    name = name[:-1] if name.endswith(".") and name.count(".") == 1 else name
    letters = [ch for ch in name if ch.isalpha()]
    return name if 1 <= len(name.split()) <= most_words and letters and all(ch < "\u0250" for ch in letters) else None


def _spelled(name: str, written_as: str | None = None) -> str:
    """A masthead's name as the outlet's: capitals throughout are its lettering ("AZERNEWS" is
    Azernews) unless the notice writes it otherwise (``written_as``) or it is an acronym ("KTK");
    without the medium it names ("The Copenhagen Post Online", :func:`_without_medium`)."""
    name, written_as = _without_medium(name), written_as and _without_medium(written_as)
    acronym = sum(ch.isalpha() for ch in name) <= _ACRONYM_LETTERS
    # (each word and each part of a hyphenated one capitalised once: "STEPPE'S NUR-SULTAN TIMES" is
    # Steppe's Nur-Sultan Times, not str.title's "Steppe'S")
    return next((n for n in (written_as, name) if n and (not n.isupper() or acronym)),
                " ".join("-".join(part[:1] + part[1:].lower() for part in word.split("-")) for word in name.split()))


# The medium after a publication's name ("Jamaica Gleaner Online", "The Portugal News Online Edition").
_MEDIUM_SUFFIX = re.compile(r"[ \t]+(?:online|(?:online|web|digital|internet) edition)$", re.IGNORECASE)


def _without_medium(name: str) -> str:
    """A publication's name without the medium its site adds ("GMA News Online" is GMA News): a
    reader cites the publication, whose website is one of its editions. One word and "Online" is a
    site's brand ("Graphic Online", "Zeit Online")."""
    bare = _MEDIUM_SUFFIX.sub("", name)
    return bare if len(bare.split()) >= 2 else name


def _masthead_above_menu(lines: list[Line]) -> tuple[str, str] | None:
    """Return ``(outlet, evidence)`` from a short name opening the page right above the site's menu
    (:func:`kzresearch.cleaning.is_site_menu`, or a section a line): "Steppe Herald" over "Politics | Justice | Business",
    "The Steppe Post" over a date line and "Subscribe | Log in". A page scraped whole opens with its
    masthead, then its navigation; a headline or a section's label has no menu below it.

    Examples
    --------
    >>> _masthead_above_menu([Line(1, 1, "Steppe Herald"), Line(2, 2, "Home | World | Business", "boilerplate", "menu_bar")])[0]
    'Steppe Herald'
    """
    written = [line for line in lines if line.role != "blank"]
    # (past "Skip to main content", an archive's banner and the day of reading: "Wednesday, April 9, 2025")
    while written and written[0].rule in ("navigation", "archive_banner", "date_line"):
        written.pop(0)
    if not written or written[0].role == "title" or written[0].rule not in _MASTHEAD_RULES:
        return None  # (a banner's "Breaking News" is furniture of its own)
    first = written[0]
    below = written[1:1 + MENU_BELOW_MASTHEAD]
    # (a menu stacked a section a line: "Sign In", "Subscribe", "Local", "Texas", "Business")
    stacked = len(below) == MENU_BELOW_MASTHEAD and all(line.role == "boilerplate" and line.n_words <= 2 for line in below)
    if not (stacked or any(is_site_menu(line) for line in below)):
        return None
    if (name := _masthead_name(first.text, _MASTHEAD_NAME_WORDS + 1)) is None or _TERMINAL_MARK.search(name) \
            or not name[:1].isalnum():
        return None  # (nor a list's item: "• Live", "• Audio Only" above a broadcaster's menu)
    brand = _AGENCY_BRAND.fullmatch(name)
    return _spelled(brand.group("brand") if brand else name), f"the name {name!r} opening the page above its menu (line {first.line_no})"


def _staff_credit(lines: list[Line]) -> tuple[str, str] | None:
    """Return ``(outlet, evidence)`` from a credit to the house's own staff in a byline or an author
    note: "Compiled by a Steppe Herald staff reporter", "SH Staff", "a staff writer at The Astana
    Times". Only forms no person's name takes: an article before the name, "Staff" alone after it,
    or the house after "at" or "for".

    Examples
    --------
    >>> _staff_credit([Line(3, 3, "Compiled by a Steppe Herald staff reporter from wire reports", "byline", "credit_line")])[0]
    'Steppe Herald'
    >>> _staff_credit([Line(3, 3, "By Dana Omarova Staff Reporter", "byline", "by_prefix")]) is None
    True
    """
    for line in lines:
        if (line.role == "byline" or line.rule == "author_bio") and (m := _STAFF_CREDIT.search(line.text)):
            name = m.group("name") or m.group("alone") or m.group("house")
            if not _STAFF_WORDS.issuperset(name.lower().split()):
                return name, f"staff credit {line.text!r} on line {line.line_no}"
    return None


def _copyright_holder(lines: list[Line], ref: Reference) -> tuple[str, str] | None:
    """Return ``(outlet, evidence)`` from the copyright notice at the foot of a page, if any.

    "© 2020 The Moscow Times, all rights reserved", "Copyright © 2011 bne IntelliNews": the holder
    of the page's copyright publishes it, when it is an outlet of ``outlets.csv`` (a parent company,
    a photo agency or an aggregator is not); failing one, the first holder that may name a site
    (``_NAMES_A_SITE``, and no company: "Asia Times Holdings" is a parent). The notice of a wire service that sells its copy to
    other papers ("Copyright 2021 The Associated Press"; ``wire_notice`` rows of ``outlets.csv``)
    marks that copy, not the outlet; a notice inside the text is a photo credit.
    """
    signatures = _signatures_for(ref)
    unknown: tuple[str, str] | None = None
    foot = [line for line in lines if line.role != "blank"][-_FOOT_LINES:]
    for line in reversed(foot):
        if line.role not in ("boilerplate", "caption") or not (m := _COPYRIGHT.search(line.text)):
            continue
        if _PHOTO_CREDIT.search(line.text, 0, m.end("holder")) or _PHOTOGRAPHER.match(line.text, m.end("holder")):
            continue  # "Photo: © X", "© Getty Images", "© Sputnik / Ilya Pitalev"
        holder = _CORPORATE_SUFFIX.sub("", m.group("holder")).strip(" .,-&")
        wire = any(pattern.fullmatch(fold_case(holder)) for _, _, pattern in signatures.by_signal.get("wire_notice", []))
        outlet = canonical_outlet(holder, ref)
        if outlet not in signatures.names:  # "Kazinform International News Agency", "Kursiv Media"
            outlet = signatures.named_in(fold_case(holder)) or outlet
        if not wire and outlet in signatures.names:
            return outlet, f"copyright holder {m.group('holder').strip()!r} on line {line.line_no}"
        # (a company's form may follow the holder past a comma: "©2025 Hearst Newspapers, LLC")
        if not wire and unknown is None and _NAMES_A_SITE.fullmatch(holder) \
                and not _COMPANY.search(line.text, m.start("holder"), m.end("holder") + _COMPANY_FORM_REACH):
            unknown = _unknown_domain(holder), f"copyright holder {m.group('holder').strip()!r} on line {line.line_no}{_UNKNOWN_HOLDER}"
    return unknown  # a name outlets.csv does not know, and no company's: the last resort


# The separators of a byline's stamps, and a stamp: a reading time or an age ("3 min read", "3y", "2 hours ago").
_STAMP_SEPARATOR = re.compile(r"\s+[|\u2022\u00b7]\s+")
_BYLINE_STAMP = re.compile(r"\s*(?:\d+\s*(?:min|mins|minutes?)\.?\s+read|\d+\s*[smhdwy](?:\s+ago)?"
                           r"|\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago)\s*", re.IGNORECASE)


def infer_byline_and_wire(lines: list[Line], agencies: dict[str, str],
                          wire_services: frozenset[str] | None = None) -> tuple[str | None, list[str]]:
    """Return the author named in byline lines and the agencies credited.

    Parameters
    ----------
    lines : list of Line
        Classified lines.
    agencies : dict
        Agency variant (case-folded) -> canonical agency name.
    wire_services : frozenset, optional
        Canonical names of the wire services whose name on a line of its own credits their copy
        ("AFP" under the headline); default every agency. A site's own name on such a line
        ("Vlast.kz", "Radio Azattyq") credits nothing (:func:`wire_services`).

    Examples
    --------
    >>> lines = [Line(1, 1, "By Michael Daventry with AP and AFP", "byline", "by_prefix")]
    >>> infer_byline_and_wire(lines, {"ap": "AP", "afp": "AFP"})
    ('Michael Daventry', ['AP', 'AFP'])
    """
    authors: list[str] = []
    wire: list[str] = []
    below_title = False
    # (a wire's notice counts below the text only: above it, "© AFP 2022" is a picture's)
    last_paragraph = max((line.line_no for line in lines if line.role == "body" and line.n_words >= _PARAGRAPH_WORDS), default=0)
    for line in lines:
        if line.rule == "agency_signoff":
            # "(FRANCE 24 with AFP and REUTERS)", "(Based on reports by Interfax-Kazakhstan, Reuters and ...)"
            wire += _agencies_named(AGENCY_SIGNOFF.match(line.text).group("agencies"), agencies)
        elif line.rule in ("by_prefix", "credit_line"):
            names_author = line.rule == "by_prefix" or bool(_AUTHORED.match(line.text))
            text = _BYLINE_PREFIX.sub("", _EMAIL.sub("", line.text).lstrip("-\u2013\u2014 "))  # ("-- With reporting by AFP-Jiji")
            # ("By AFP | Published: Tue, Jan 17th 2012 | Updated: ...": the page's stamps between bars are no credit)
            text = ", ".join(part for part in text.split("|") if not any(d.kind in DAY_KINDS for d in find_dates(part))) \
                if text.count("|") > 1 else text
            # ("Story by Harriet Lowell • 3y • 3 min read": a platform's age and reading time are no credit)
            if len(parts := _STAMP_SEPARATOR.split(text)) > 1 and any(_BYLINE_STAMP.fullmatch(part) for part in parts):
                text = ", ".join(part for part in parts if not _BYLINE_STAMP.fullmatch(part))
            # ("By Reuters November 21, 2022 | 02:37 pm": the credit ends where its date begins)
            text = text[:next((d.start for d in find_dates(text) if d.kind in DAY_KINDS), len(text))].rstrip(" |,-\u2013\u2014")
            # ("By Helen Dray. Additional reporting by AFP.": a credit's sentences are its parts too)
            parts = _CREDIT_SPLIT.split(_CREDIT_SENTENCE.sub(", ", text))
            for part in parts:
                if _EDITOR_CREDIT.match(part.strip()) and len(parts) > 1:
                    continue  # ("By J. Smith. Edited by Anna Lee.": an editor beside a writer is no author)
                # ("Dana Omirbekova in Politics on 27 April", "Dossym Akhmetov*", "files from Reuters")
                part = _AUTHOR_TAIL.sub("", _CREDIT_PREFIX.sub("", part.strip())).strip(" .;:()*")
                if not part:
                    continue
                if named := _agencies_listed(part, agencies):
                    wire += named  # "Reuters", "AFP-Jiji"
                elif names_author and _NAME_WORDS.fullmatch(part) and not _ROLE_END.search(part):
                    authors.append(_as_spelt(part) if " " in part else part)  # ("By DANA OMAROVA": as spelt)
            if line.rule == "credit_line":  # "Reuters contributed to this report"
                wire += _agencies_named(line.text, agencies)
        elif line.rule in ("author_in_place", "author_next_to_date", "author_below_headline"):
            # (a name set in capitals, "LAYLA QASSEM", as it is spelt: "Layla Qassem")
            # ("World News Desk" next to a date line is a desk, no author)
            # ("Associated Press" next to the date is the agency's copy, no writer)
            # ("Vadim Zhuravlev, Almaty": among several parts, a one-word part is the place written in)
            # ("Jack Maxwell, Foreign News Reporter": the post after a name, no second author)
            parts = [a.strip() for a in re.split(r",? and |, ", _POST_AFTER_WRITER.sub("", line.text).split(" in ")[0])]
            for a in parts:
                if agency := agencies.get(a.casefold()):
                    wire.append(agency)
                elif not _ROLE_END.search(a) and (" " in a or len(parts) == 1):
                    authors.append(_as_spelt(a))
        elif line.rule == "dateline_credit":  # "ASTANA - Kazinform, Nurlan Abdrakhmanov"
            for part in _CREDIT_SPLIT.split(re.split(r"\s+[-\u2013\u2014]\s+", line.text, maxsplit=1)[-1]):
                part = part.strip(" .;:()")
                if agency := agencies.get(part.casefold()):
                    wire.append(agency)
                elif re.fullmatch(r"[A-Z][a-z'.-]+(?: [A-Z][a-z'.-]+){1,3}", part):
                    authors.append(part)
        elif line.rule == "author_in_head":  # "Alistair Crane, Moscow producer", "Alisher Kuanyshev (Almaty)"
            authors.append(name_on_line(line.text))
        elif line.rule == "author_signature":  # "Dinara ZHAKSYBEKOVA": "Dinara Zhaksybekova"
            authors.append(" ".join(w.title() if w.isupper() else w for w in line.text.split()))
        elif line.rule == "dated_byline":  # "14 December 2021 - Daniyar Sultanbekov"
            authors.append(dated_byline_author(line.text))
        elif line.rule == "author_field":  # "Author: Aidos Zhumabayev", "Author`s name X" ("Text: X | Translation: Y": the writer is X)
            # ("Author's name withheld on request": no name)
            authors += [a.strip(" .") for a in _CREDIT_SPLIT.split(_AUTHOR_LABEL.sub("", line.text, count=1).split("|")[0])
                        if a.strip(" .")[:1].isupper()]
        elif line.role in ("body", "standfirst") and (m := _DATELINE_CREDIT.match(line.text)):
            # "ASTANA (REUTERS, AFP) -", "ALMATY (AFP-Yonhap) --": each agency credited
            wire += _agencies_listed(_credited_in(m), agencies)
        elif line.rule == "source_credit":  # "Source: Reuters/AFP/gs", "Source: Xinhua"
            wire += _agencies_listed(line.text.split(":", 1)[-1], agencies)
        elif line.rule == "date_line" and (m := _AGENCY_BEFORE_STAMP.match(line.text)):
            wire += _agencies_listed(m.group("agency"), agencies)  # "AFP Published 07 Oct, 2024 02:18pm"
        elif line.rule == "date_line" and (m := _DESK_WITH_AGENCIES.search(line.text)):
            wire += _agencies_named(m.group("agencies"), agencies)  # "12 March 2016 / STEPPE DAILY WITH AFP, ASTANA"
        elif line.role == "body" and (m := _SIGNOFF_AT_END.search(line.text)) and (m.group("agencies") or line.n_words >= _SIGNED_PARAGRAPH_WORDS):
            # (a credit in brackets or capitals after a short line is a picture's: "A woman casts her ballot, January 10. (AFP)")
            # "... less than two months to prepare. – AFP": a paragraph signed off by the agencies
            wire += [a for part in re.split(r"[/,]|\band\b", m.group("agencies") or m.group("bracketed") or m.group("capitals"))
                     if (a := agencies.get(part.strip().casefold()))]
        # (a caption's credit line opened by a dash after the text signs it off: "- Reuters / AFP")
        elif below_title and (line.rule in _CREDIT_LINE_RULES or line.rule == "caption_agency_credit" and DASH_LED.match(line.text)) and (
                credited := _line_credits(line.text, agencies, wire_services, breadcrumb=line.rule == "breadcrumb")):
            wire += credited  # "AFP" on a line of its own under the headline or after the text; "AFP, ASTANA", "[AFP]"
        elif line.rule == "agencies_date_line":  # "Reuters , AFP , Sunday 9 Jan 2022"
            wire += agencies_before_date(line.text, agencies)
        elif below_title and line.line_no > last_paragraph and line.role in ("boilerplate", "caption") \
                and _NOTICE.search(line.text) and (m := _COPYRIGHT.match(line.text)) \
                and not _PHOTO_CREDIT.search(line.text) and (agency := agencies.get(m.group("holder").strip(" .,").casefold())) \
                and (wire_services is None or agency in wire_services):
            wire.append(agency)  # "© 2022 AFP" under the text: the wire's copy, as its notice says
        below_title = below_title or line.role == "title"
    # ("By Guardian Nigeria" under a masthead "The Guardian Nigeria News - ...": the site, no writer)
    authors = [_without_role(_without_masthead(a, lines)) for a in authors if a]
    return _join_names([a for a in dict.fromkeys(authors) if a and _is_writer(a) and not _in_masthead(a, lines)]), list(dict.fromkeys(wire))


def _without_masthead(name: str, lines: list[Line]) -> str:
    """Return a writer's name without the site's name written after it ("By Kerry Lachance Global
    News" under a masthead "Global News")."""
    for line in _masthead_lines(lines):
        house = line.text.strip()
        if 1 <= len(house.split()) <= _MASTHEAD_NAME_WORDS and name.endswith(" " + house) and len(name) > len(house) + 3:
            return name[:-len(house)].rstrip(" ,-")
    return name


def _without_role(name: str) -> str:
    """Return a writer's name without the role after it ("Tom Rawcliffe Reporter": "Tom Rawcliffe");
    "" for a desk's ("Metro Reporter": one word before the role)."""
    name = " ".join(name.split())
    rest = _TRAILING_ROLE.sub("", name)
    if rest == name:
        return name
    return rest if len(rest.split()) >= 2 and not _ROLE_END.search(rest) else ""


def _is_writer(name: str) -> bool:
    """Whether a part of a byline names a writer: not a handle ("@danapruitt"), an affiliation
    ("Al-Farabi Kazakh National University") or a credit ("Agency Report", "News Services")."""
    return not name.startswith("@") and not _AFFILIATION.search(name) and not _ROLE_END.search(name)


def _masthead_lines(lines: list[Line]) -> list[Line]:
    """Return the furniture among the first lines of the page above the headline, where a site names itself."""
    title = _title_index(lines, 0)
    return [line for line in [x for x in lines[:title] if x.role != "blank"][:MASTHEAD_LINES] if line.role == "boilerplate"]


def _in_masthead(name: str, lines: list[Line]) -> bool:
    """Whether ``name`` opens one of the first lines of the page above the headline ("The Guardian
    Nigeria News - ..."): the site's own name, not a writer's."""
    opens = re.compile(rf"(?:the\s+)?{re.escape(name)}(?!\w)", re.IGNORECASE)
    return any(opens.match(line.text) for line in _masthead_lines(lines))


def _line_credits(text: str, agencies: dict[str, str], wire_services: Collection[str] | None = None, *,
                  breadcrumb: bool = False) -> list[str]:
    """Return the agencies a line of names credits (:func:`_credited_names`, with spaced dots and
    bars between names too): those before any other name (a dateline's place: "AFP, ASTANA",
    "AFP/Astana"), in a line of at most three words or of agencies only. A lone bare name credits
    only a wire service (``wire_services``: a site that is also an agency names itself); a name
    marked as a credit ("[BNS]", "– BNS", "With Reuters", "By REUTERS"), or one of several, credits
    any agency. In a ``breadcrumb`` a slash parts two names ("AFP/Astana"; "RFE/RL's Kazakh Service"
    names a section).

    Examples
    --------
    >>> agencies = {"afp": "AFP", "reuters": "Reuters", "ap": "AP", "kazinform": "Kazinform", "rfe/rl": "RFE/RL", "xinhua": "Xinhua"}
    >>> _line_credits("Reuters . AFP", agencies), _line_credits("(Reuters, AP)", agencies), _line_credits("AFP/Astana", agencies)
    (['Reuters', 'AFP'], ['Reuters', 'AP'], ['AFP'])
    >>> _line_credits("Kazinform", agencies, {"AFP"}), _line_credits("– Kazinform", agencies, {"AFP"}), _line_credits("(RFE/RL)", agencies)
    ([], ['Kazinform'], ['RFE/RL'])
    >>> _line_credits("Xinhua . Reuters . AFP", agencies, {"AFP", "Reuters"})
    ['Xinhua', 'Reuters', 'AFP']
    """
    m = _CREDIT_MARK.match(text.strip())
    listed = _SPACED_MARKS.sub(", ", m.group("names"))
    names = list(_credited_names(listed.replace("/", ", ") if breadcrumb else listed, agencies))
    # an editor's initials before the agency mark a credit as a dash does: "JKB/Xinhua"
    initialled = len(names) > 1 and names[0][1] is None and _INITIALS.fullmatch(names[0][0]) is not None
    names = names[1:] if initialled else names
    credited = [agency for _, agency in itertools.takewhile(lambda named: named[1] is not None, names)]
    if len(credited) == 1 and not (m.group("mark") or initialled) and wire_services is not None and credited[0] not in wire_services:
        return []
    return credited if len(text.split()) <= 3 or len(credited) == len(names) else []


def _agencies_listed(text: str, agencies: dict[str, str]) -> list[str]:
    """Return the agencies a credit lists (:func:`_credited_names`), by their names in ``names.csv``."""
    return [agency for _, agency in _credited_names(text, agencies) if agency]


def _credited_names(text: str, agencies: dict[str, str]) -> Iterator[tuple[str, str | None]]:
    """Yield ``(name as written, agency or None)`` for each name a credit lists, apart by commas,
    "and", slashes, spaced dashes ("Reuters - November 21, 2022") and hyphens that join agencies
    ("Reuters/AFP/gs", "AFP-Yonhap"); a name that holds one of them is kept whole
    ("Interfax-Kazakhstan", "RFE/RL", "Keystone-SDA/AFP").

    Examples
    --------
    >>> list(_credited_names("AFP-Yonhap, Interpress-news", {"afp": "AFP", "yonhap": "Yonhap"}))
    [('AFP', 'AFP'), ('Yonhap', 'Yonhap'), ('Interpress-news', None)]
    """
    for part in _CREDIT_SPLIT.split(text or ""):
        part = part.strip(" .;:()")
        for piece in [part] if part.casefold() in agencies else _CREDIT_PIECES.split(part):
            piece = piece.strip()
            joined = [j.strip() for j in piece.split("-")]
            if piece.casefold() not in agencies and len(joined) > 1 and all(j.casefold() in agencies for j in joined):
                yield from ((j, agencies[j.casefold()]) for j in joined)
            elif piece:
                yield piece, agencies.get(piece.casefold())


@lru_cache(maxsize=4)
def wire_services(ref: Reference) -> frozenset[str]:
    """Return the canonical names of the agencies that ``wire_notice`` rows of ``outlets.csv`` mark as
    wire services (AP, Reuters, AFP): their copy appears on other papers' pages under their name.

    Parameters
    ----------
    ref : Reference
        The reference tables.

    Returns
    -------
    frozenset of str
        Canonical agency names of ``names.csv``.
    """
    patterns = [pattern for _, _, pattern in _signatures_for(ref).by_signal.get("wire_notice", [])]
    return frozenset(c for c in set(agency_index(ref).values()) if any(p.fullmatch(fold_case(str(c))) for p in patterns))


def _agencies_named(text: str, agencies: dict[str, str]) -> list[str]:
    """Return the agencies a line names, as runs of one to four words."""
    words = re.findall(r"[\w/&'.-]+", text)
    return [agencies[phrase] for i in range(len(words)) for n in range(1, 5) if i + n <= len(words)
            and (phrase := " ".join(words[i:i + n]).casefold().strip(".")) in agencies]


def _join_names(names: list[str]) -> str | None:
    """Join authors as a byline reads: "A", "A and B", "A, B and C"."""
    if len(names) <= 2:
        return " and ".join(names) or None
    return ", ".join(names[:-1]) + " and " + names[-1]


def row_agencies(credited: str | None, agencies: dict[str, str], is_place: Callable[[str], bool] = lambda name: False) -> list[str]:
    """Return the agencies an export's row credits ("PTI", "Trend, AFP"), by the names ``names.csv``
    gives them; a name it does not know as written (the row's key says it is an agency), unless it
    is a place (``is_place``): "AFP, Almaty" writes the agency's dateline.

    Examples
    --------
    >>> row_agencies("Trend, Agence France-Presse", {"agence france-presse": "AFP"}), row_agencies("AP/AFP and Reuters", {})
    (['Trend', 'AFP'], ['AP', 'AFP', 'Reuters'])
    >>> row_agencies("RFE/RL", {"rfe/rl": "RFE/RL"}), row_agencies("AFP, Almaty", {"afp": "AFP"}, lambda name: name == "Almaty")
    (['RFE/RL'], ['AFP'])
    """
    return list(dict.fromkeys(agency or name for name, agency in _credited_names(credited or "", agencies)
                              if agency or not is_place(name)))


def credited_byline(byline: str | None, agencies: dict[str, str], outlet: str | None,
                    is_place: Callable[[str], bool] | None = None) -> tuple[str | None, list[str]]:
    """Split a byline from page metadata into its authors and the agencies it credits: a part that
    names an agency ("Almaz Kumenov and Reuters", "ASTANA Agence France-Presse") credits it, and a
    part that is the outlet itself ("DAILY SABAH") names no author; a writer before the agency ends
    the part ("KAIRAT OSPANOV Associated Press"), unless ``is_place`` says it is a place ("NEW YORK
    Associated Press").

    Examples
    --------
    >>> credited_byline("By Almaz Kumenov and Reuters", {"reuters": "Reuters"}, None)
    ('Almaz Kumenov', ['Reuters'])
    >>> credited_byline("ASTANA Agence France-Presse", {"agence france-presse": "AFP"}, None)
    (None, ['AFP'])
    >>> credited_byline("DAILY SABAH", {}, "Daily Sabah")
    (None, [])
    >>> credited_byline("Alina Mukhametova; Peter Grant", {}, None), credited_byline("Jack Maxwell, Foreign News Reporter", {}, None)
    (('Alina Mukhametova and Peter Grant', []), ('Jack Maxwell', []))
    >>> credited_byline("Author Aliya Nurmagambetova", {}, None), credited_byline("Chen Qingyu; Lin Xiaowei Published Jun", {}, None)
    (('Aliya Nurmagambetova', []), ('Chen Qingyu and Lin Xiaowei', []))
    >>> credited_byline("Agence France-Presse, Almaty", {"agence france-presse": "AFP"}, None)
    (None, ['AFP'])
    >>> credited_byline("RFE; RL's Kazakh Service", {"rfe/rl's kazakh service": "RFE/RL"}, None)
    (None, ['RFE/RL'])
    >>> credited_byline("BRUNO TAVARES DE LIMA SPECIAL; IN MOSCOW", {}, None)
    ('Bruno Tavares de Lima', [])
    >>> credited_byline("Kenzhebek; Daniyar", {}, None), credited_byline("Reuters; AFP", {"reuters": "Reuters", "afp": "AFP"}, None)
    (('Daniyar Kenzhebek', []), (None, ['Reuters', 'AFP']))
    """
    if not byline:
        return None, []
    byline = _POST_AFTER_WRITER.sub("", byline.strip())  # ("Jack Maxwell, Foreign News Reporter": a post, no second writer)
    if (m := _SURNAME_FIRST.fullmatch(byline.strip())) and not any(agencies.get(name.casefold()) for name in m.groups()):
        byline = f"{m.group('given')} {m.group('surname')}"  # (not two agencies: "Reuters; AFP")
    # trafilatura splits a name at its slash into authors ("RFE; RL's Kazakh Service")
    if agency := agencies.get(byline.strip().replace("; ", "/").casefold()):
        return None, [agency]
    authors, wire = [], []
    for part in _CREDIT_SPLIT.split(_BYLINE_TAIL.sub("", _BYLINE_PREFIX.sub("", _EMAIL.sub("", byline).strip()))):
        # ("BRUNO TAVARES DE LIMA SPECIAL; IN MOSCOW": a writer's role and the place written in are no names)
        part = _SPECIAL_TO.sub("", part.strip(" .;:()*"))
        if _IN_PLACE.match(part):
            continue
        if named := _agencies_named(part, agencies):
            wire += named
            # ("KAIRAT OSPANOV Associated Press": a writer and the agency after the name)
            if (writer := _writer_before_agency(part, agencies)) is not None and not (is_place and is_place(writer)):
                authors.append(writer)
        elif part and not (outlet and part.casefold() == outlet.casefold()) and not _CREDIT_WORDS.match(part) \
                and not (wire and len(part.split()) == 1) and _is_writer(part):
            # (not "Almaty" after an agency, nor "Kyiv Post Staff Writer"; "Joanna Lillis in Almaty": the writer)
            if (name := _without_role(_AUTHOR_TAIL.sub("", part))) and not (outlet and name.casefold() == outlet.casefold()):
                authors.append(_as_spelt(name))
    return _join_names(list(dict.fromkeys(authors))), list(dict.fromkeys(wire))


def _writer_before_agency(part: str, agencies: dict[str, str]) -> str | None:
    """Return the writer a byline's part names before the agency that ends it ("KAIRAT OSPANOV
    Associated Press": "Kairat Ospanov"), else None."""
    folded = part.casefold()
    suffix = max((key for key in agencies if folded.endswith(" " + key)), key=len, default=None)
    rest = part[: len(part) - len(suffix)].strip(" ,-\u2013\u2014") if suffix else ""
    if not rest or _CREDIT_WORDS.match(rest) or not _is_writer(rest) or len(rest.split()) < 2:
        return None
    return _as_spelt(rest)


# Particles of a name that stay in lower case inside it ("Bruno Tavares de Lima", "Ludwig van Dam").
_NAME_PARTICLES = frozenset({"de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le", "van", "von", "der", "den", "ter", "bin", "ibn"})


def _as_spelt(name: str) -> str:
    """Return a name set in capitals as it is spelt ("BRUNO TAVARES DE LIMA": "Bruno Tavares de Lima");
    any other name as it stands."""
    if not name.isupper():
        return name
    words = name.title().split()
    # (a particle inside the name only: "Thuy Le", "Anh Do" end with theirs)
    return " ".join(w.lower() if 0 < i < len(words) - 1 and w.lower() in _NAME_PARTICLES else w for i, w in enumerate(words))


def dateline_published(lines: list[Line], election_days: Collection[dt.date] = ()) -> Published | None:
    """Return the first whole date stated in the byline and date lines, if any (digits that read
    either way read as the page names the day, else as the days after one of ``election_days``,
    :func:`_read_as_the_page_names`).

    Examples
    --------
    >>> dateline_published([Line(3, 3, "Sun 19 Aug 2007 14.20 BST", "byline", "date_line")])
    Published(value='2007-08-19', precision='day', evidence="dateline states '19 Aug 2007'")
    """
    # Between the headline and the text first: a date above the headline is often a site's "today"
    # ("Tuesday, April 15, 2025"), one below the text a related story's.
    # (a standfirst that cleaning kept as text may stand between the headline and the date line)
    title = _title_index(lines, None)
    above: list[Line] = []
    if title is None:
        header = []
    else:
        # above the headline, the nearest first: a site's "today" opens the page, the article's date
        # line stands over its headline ("Thursday, February 13, 2025" ... "World | June 6, 2022")
        above = lines[title - 1::-1] if title else []
        # up to the second paragraph of sentences (the first may be a standfirst kept as text; a credit
        # line kept as text, "The Steppe Herald Staff & Agencies", is none)
        paragraphs = [i for i, line in enumerate(lines) if i > title and line.role == "body"
                      and line.n_words >= _PARAGRAPH_WORDS and SENTENCE_END.search(line.text)]
        header = lines[title: paragraphs[1] if len(paragraphs) > 1 else len(lines)]
    if published := _date_line_published(header, lines, election_days):
        return published
    # A dateline opening the story: "AKTAU, Kazakhstan, June 4, 2012 (AFP) -", "(Berlin, January 26, 2022) -",
    # "Baku/20.12.11/Turan:"; before a date above the headline, which may be the site's "Last update".
    for line in [line for line in lines if line.role in ("body", "standfirst")][:3]:
        if (m := _BODY_DATELINE.match(line.text)) is not None:
            for expr in find_dates(m.group("head")):
                if expr.date:
                    return Published(expr.date.isoformat(), "day", f"dateline states {expr.surface!r}")
        if (m := _SLASHED_DATELINE.match(line.text)) is not None and (day := short_year_date(m.group("date"))
                                                                      or next((e.date for e in find_dates(m.group("date")) if e.date), None)):
            return Published(day.isoformat(), "day", f"dateline states {m.group('date')!r}")
    # ("Jun. 6 | 04:18 pm" under the headline: its year is the election's, not the masthead's "today";
    # only the story's own dateline may still tell it)
    return None if header_month_day(lines) is not None else _date_line_published(above + lines, lines, election_days)


def _date_line_published(candidates: list[Line], lines: list[Line], election_days: Collection[dt.date] = ()) -> Published | None:
    """Return the first whole date a byline or date line among ``candidates`` states."""
    for line in candidates:
        if line.role == "byline" and not _TODAY.match(line.text):  # "Today, 14 November 2024": the day of reading
            for expr in find_dates(without_reading_time(line.text)):
                if expr.date:
                    day = _read_as_the_page_names(expr, lines, election_days)
                    return Published(day.isoformat(), "day", f"dateline states {expr.surface!r}")
            if line.rule == "date_line" and (day := short_year_date(line.text)):
                return Published(day.isoformat(), "day", f"date line {line.text!r} with a two-digit year")
    return None


_DAYS_AFTER_A_VOTE = 7  # the days after a vote whose reports a numeric date may belong to


def _title_index(lines: list[Line], default: int | None) -> int | None:
    """Return the index of the headline among ``lines``, else ``default``."""
    return next((i for i, line in enumerate(lines) if line.role == "title"), default)


def header_month_day(lines: list[Line]) -> DateExpression | None:
    """Return the month and day a date line right below the headline states without a year ("Jun. 6
    | 04:18 pm JST"), if any: the article's day, whose year the election it reports tells.

    Parameters
    ----------
    lines : list of Line
        Classified lines.

    Returns
    -------
    DateExpression or None
        The first ``month_day`` expression of a date line, or of an agency's dateline opening a
        paragraph, among the five lines below the headline.
    """
    title = _title_index(lines, None)
    if title is None:
        return None
    below = [line for line in lines[title + 1:] if line.role != "blank"][:_HEADER_LINES]
    # (or a dateline opening the story: "Moscow, 18 Dec (Lusa) - The death toll ...", :data:`_BODY_DATELINE`)
    stated = [line.text if line.rule == "date_line" else dated.group("head") for line in below
              if line.rule == "date_line" or (line.role == "body" and (dated := _BODY_DATELINE.match(line.text)))]
    return next((expr for text in stated for expr in find_dates(without_reading_time(text)) if expr.kind == "month_day"), None)


def _read_as_the_page_names(expr: DateExpression, lines: list[Line], election_days: Collection[dt.date] = ()) -> dt.date:
    """Return the date of a date line's expression; digits that read either way ("4/5/2011", day
    first by default) take the month-first reading when the page names that day with its month's
    name and not the other ("Tuesday, April 05, 2011" atop the page), or when it falls in the days
    after one of ``election_days`` and the other does not ("12/05/2005" on a story of the December 4,
    2005 vote, as US-style pages write it)."""
    if expr.kind != "dmy_numeric" or expr.day == expr.month or expr.day > 12:
        return expr.date
    swapped = dt.date(expr.year, expr.day, expr.month)
    title = _title_index(lines, len(lines))
    named = {d.date for line in lines[:title] for d in find_dates(line.text) if d.kind == "full"}
    if named & {swapped, expr.date}:
        return swapped if swapped in named and expr.date not in named else expr.date

    def after_a_vote(day: dt.date) -> bool:
        return any(dt.timedelta(0) <= day - vote <= dt.timedelta(days=_DAYS_AFTER_A_VOTE) for vote in election_days)

    return swapped if after_a_vote(swapped) and not after_a_vote(expr.date) else expr.date


def infer_published(
    text: str,
    dates: list[DateExpression],
    *,
    election_date: dt.date | None,
    election_words: re.Pattern,
    sentences: list[tuple[int, int]] | None = None,
) -> Published:
    """Infer the publication date from the clean text.

    Parameters
    ----------
    text : str
        Clean text (boilerplate removed: an appeal's "Since July 1, 2024" never dates an article).
    dates : list of DateExpression
        Date expressions of ``text``.
    election_date : datetime.date, optional
        Date of the election the article is about: the anchor for weekdays and relative days.
    election_words : re.Pattern
        What makes a sentence about the vote ("yesterday's vote" dates the article the day after
        the election): :func:`kzresearch.election_inference.election_words` of the reference,
        searched in the sentence's :func:`kzresearch.patterns.fold_case`.
    sentences : list of (start, end), optional
        Sentence spans of ``text``, if already known.

    Returns
    -------
    Published

    Examples
    --------
    >>> text = "Opposition leaders protested on Tuesday against weekend elections."
    >>> infer_published(text, find_dates(text), election_date=dt.date(2012, 1, 15), election_words=re.compile("elections")).value
    '2012-01-17'
    """
    if election_date is None:
        return Published(None, "none", "no dateline, and no election to anchor relative dates")
    resolved: list[tuple[dt.date, str]] = []
    sentences = sentences if sentences is not None else sentence_spans(text)
    for expr in dates:
        sentence = next((text[s:e] for s, e in sentences if s <= expr.start < e), "")
        if _FUTURE.search(sentence):
            continue  # "final figures are due by April 9" does not date the article
        if expr.kind == "weekday":
            day = resolve_weekday(expr.weekday, election_date)
            resolved.append((day, f"{expr.surface!r} resolved against the {election_date} election to {day}"))
        elif expr.kind == "month_day":
            day = resolve_month_day(expr.month, expr.day, election_date, within_days=10)
            if day and day >= election_date - dt.timedelta(days=1):
                resolved.append((day, f"{expr.surface!r} (no year) resolved against the {election_date} election to {day}"))
        elif expr.kind == "relative" and expr.relative == "yesterday" and election_words.search(fold_case(sentence)):
            day = election_date + dt.timedelta(days=1)
            resolved.append((day, f"'yesterday' refers to the {election_date} election, so published {day}"))
        elif expr.kind == "relative" and expr.relative in ("today", "tonight") and election_words.search(fold_case(sentence)):
            resolved.append((election_date, f"{expr.relative!r} refers to the {election_date} election"))
    if not resolved:
        return Published(None, "none", f"no date expression to resolve; the article is about the {election_date} election")
    # An article is published on or after the latest day it reports.
    day, why = max(resolved, key=lambda r: r[0])
    return Published(day.isoformat(), "day", why)
