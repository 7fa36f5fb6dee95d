"""Date expressions in news text, and their resolution against an anchor date.

Finds explicit dates ("January 10, 2021", "10 January 2021", "2021-01-10"), month-day and
month-year expressions, years, weekdays ("on Sunday", "Sunday's vote") and relative days
("yesterday", "today", "last year"). Resolution is separate: a weekday or a month-day without a
year means nothing until it is anchored, usually at the election the article reports.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kzresearch.patterns import caseless, fold_case, starting_words

MONTHS = {
    name: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}
WEEKDAYS = {name: i for i, name in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}


# Month names capitalised or in capitals ("MARCH 22, 2016" on a date line), never in lower case
# ("may" is a verb).
# The dot of an abbreviation ("Jun. 12", "Sept. 5"); after a full name it ends a sentence ("in June. 12 of
# them were jailed"), as after "May", "June" and "July", which are no abbreviations.
_MONTH = r"(?P<month>" + starting_words([m.capitalize() for m in MONTHS] + [m.upper() for m in MONTHS]) + r")" \
    r"(?:(?<![A-Za-z]{5})(?<![Jj]une)(?<![Jj]uly)(?<![Mm]ay)(?<!JUNE)(?<!JULY)(?<!MAY)\.)?"
# A day starts a number ("5", "15"), as after a boundary; written digit first for speed (see above).
_DAY = r"(?P<day>[0-3](?<!\w[0-3])\d|\d(?<!\w\d))(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# The last day of a range after its first: "9-10", "23 - 29".
_TO_DAY = r"(?:\s*[-\u2013]\s*[0-3]?\d)?"
_PATTERNS = [
    # "(?<!\w....)" after a four-digit year: the year starts a word.
    # "2021-01-11", "2021/01/11", "2021-01-11T09:00:00Z" (the day may run into a time).
    ("iso", re.compile(r"(?P<year>(?:19|20)\d\d)(?<!\w....)([-/])(?P<month>[01]\d)\2(?P<day>[0-3]\d)(?![\d/-])"), False),
    # Day first, as in most of the world's press ("16.03.2026", "16/01/2012").
    ("dmy_numeric", re.compile(r"(?P<day>[0-3](?<!\w[0-3])\d|\d(?<!\w\d))([./])(?P<month>[0-3]?\d)\2(?P<year>(?:19|20)\d\d)\b"), False),
    # (a range of days reads as its first: "June 9-10, 2019", "23 - 29 December 2011", a weekly's issue)
    # (a comma may stand against the year: "December 18,2011", "18 December,2011")
    ("full", re.compile(rf"{_MONTH}\s+{_DAY}{_TO_DAY}(?:,\s*|\s+){_YEAR}\b"), False),
    # "10 January 2021", "the 10th of January, 2021", "10-Jan-2021"
    # ("15. Jan 2021": a day with a dot, as German and Scandinavian sites write it)
    ("full", re.compile(rf"{_DAY}(?:{_TO_DAY}\s+|\.?\s+(?:of\s+)?|-){_MONTH}(?:,\s*|\s+|-){_YEAR}\b"), False),
    # "17Jan2012", "05DEC2005": a wire's time stamp, its parts run together
    ("full", re.compile(r"(?P<day>[0-3](?<!\w[0-3])\d|\d(?<!\w\d))"
                        r"(?P<month>" + "|".join(f"{n.capitalize()}|{n.upper()}" for n in MONTHS if len(n) == 3) + r")"
                        r"(?P<year>(?:19|20)\d\d)(?!\d)"), False),
    # "Apr - 27 - 2015": a blog theme's date, its parts apart by dashes
    ("full", re.compile(rf"{_MONTH}\s*-\s*{_DAY}\s*-\s*{_YEAR}\b"), False),
    ("month_day", re.compile(rf"{_MONTH}\s+{_DAY}\b(?!\s*,?\s*(?:19|20)\d\d)(?![\d:])"), False),
    ("month_day", re.compile(rf"{_DAY}\s+(?:of\s+)?{_MONTH}\b(?!\s*,?\s*(?:19|20)\d\d)"), False),
    ("month_year", re.compile(rf"{_MONTH}\s+(?:of\s+)?{_YEAR}\b"), False),
    ("month", re.compile(starting_words(["in", "since", "until", "by", "last", "this", "early", "late", "mid-"])
                         + rf"\s+{_MONTH}\b(?!\s+[0-3]?\d\b)(?!\s+(?:of\s+)?(?:19|20)\d\d)"), False),
    ("year", re.compile(r"(?P<year>1(?<![\w$€£,.]1)9[89]\d|2(?<![\w$€£,.]2)0[0-4]\d)\b(?![\d,.%]|\s*(?:years?|percent|per cent|people|votes?)\b)"), False),
    ("weekday", re.compile(r"(?P<weekday>" + starting_words([w.capitalize() for w in WEEKDAYS]) + r")(?:'s)?\b"), False),
    # Searched in the folded text (kzresearch.patterns.caseless), like every case-insensitive pattern.
    ("relative", caseless(r"(?P<relative>" + starting_words(["yesterday", "today", "tonight", "last night", "this week", "last week",
                                                            "last year", "this year", "last month", "weekend"]) + r")\b"), True),
]


@dataclass(frozen=True)
class DateExpression:
    """One date expression found in a text.

    Attributes
    ----------
    start, end : int
        Character span.
    surface : str
        The expression as written.
    kind : str
        ``full``, ``iso``, ``dmy_numeric``, ``month_day``, ``month_year``, ``month``, ``year``,
        ``weekday`` or ``relative``.
    year, month, day : int or None
        What the expression states by itself.
    weekday : int or None
        0 (Monday) to 6 (Sunday) for weekday expressions.
    relative : str or None
        The relative word, lower-cased.
    """

    start: int
    end: int
    surface: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    relative: str | None = None

    @property
    def date(self) -> dt.date | None:
        """The calendar date the expression states by itself, if it states a whole one."""
        if self.year and self.month and self.day:
            try:
                return dt.date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None


# A day, a month and a two-digit year ending a date line ("04 Apr 11"): short_year_date.
_SHORT_YEAR_DATE = re.compile(rf"{_DAY}\s+{_MONTH}\s+'?(?P<short>\d\d)$")
# A date line of digits with a two-digit year, after a site's label and before a time
# ("Published: 04.24.23, 19:06", "Updated 24/04/23").
# ("First Posted: 12/18/11 02:41 PM ET Updated: 02/17/12 05:12 AM ET": the first date, a clock of
# twelve hours and its zone, an update after it)
_SHORT_NUMERIC_DATE = re.compile(r"(?:(?:first\s+)?(?:published|updated|posted|modified|created|date|last\s+updated?)\s*:?\s*)?"
                                 r"(?P<a>[0-3]?\d)([./])(?P<b>[0-3]?\d)\2(?P<short>\d\d)"
                                 r"(?:,?\s+[0-2]?\d:[0-5]\d(?::[0-5]\d)?(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?(?:\s+(?:updated|modified)\b.{0,60})?",
                                 re.IGNORECASE)


def _month_number(value: str) -> int:
    return int(value) if value.isdigit() else MONTHS[value.lower().rstrip(".")]


# Kinds of date expressions that name a day: what a date line states.
DAY_KINDS = frozenset({"full", "iso", "dmy_numeric", "month_day"})


def short_year_date(line: str, today: dt.date | None = None) -> dt.date | None:
    """Return the date a date line writes with a two-digit year at its end ("04 Apr 11",
    "Updated: 05 Apr 11") or in digits alone ("Published: 04.24.23, 19:06"), the century the
    latest that is not after ``today``; else None.

    Only a date line's own end is read so: in running text "on 4 April 11 people were detained"
    the number counts people. Digits are read day first, as most of the world's press writes
    them, unless the first cannot be a day's month ("04.24.23" is 24 April).

    Examples
    --------
    >>> short_year_date("04 Apr 11"), short_year_date("4 April 98", dt.date(2026, 1, 1))
    (datetime.date(2011, 4, 4), datetime.date(1998, 4, 4))
    >>> short_year_date("Published: 04.24.23, 19:06"), short_year_date("Updated 05/04/23")
    (datetime.date(2023, 4, 24), datetime.date(2023, 4, 5))
    """
    line = line.strip()
    today = today or dt.date.today()
    try:
        if m := _SHORT_YEAR_DATE.search(line):
            day = dt.date(2000 + int(m.group("short")), _month_number(m.group("month")), int(m.group("day")))
        elif m := _SHORT_NUMERIC_DATE.fullmatch(line):
            first, second = int(m.group("a")), int(m.group("b"))
            month_first = second > 12 >= first
            day = dt.date(2000 + int(m.group("short")), first if month_first else second, second if month_first else first)
        else:
            return None
    except ValueError:
        return None
    return day if day <= today else day.replace(year=day.year - 100)


def find_dates(text: str) -> list[DateExpression]:
    """Return the date expressions in ``text``, longest first where they overlap, in text order.

    Examples
    --------
    >>> [(d.kind, d.surface) for d in find_dates("On January 10, 2021, and on Sunday; in March 2019.")]
    [('full', 'January 10, 2021'), ('weekday', 'Sunday'), ('month_year', 'March 2019')]
    >>> [d.kind for d in find_dates("He won 98 per cent in 2015 after 30 years, paying $2,000.")]
    ['year']
    """
    found: list[DateExpression] = []
    # Characters already inside a found expression (a mask: one call per overlap test).
    taken = bytearray(len(text))
    folded = fold_case(text)
    for kind, pattern, searches_folded in _PATTERNS:
        for m in pattern.finditer(folded if searches_folded else text):
            if taken.find(1, m.start(), m.end()) != -1:
                continue
            groups = m.groupdict()
            if kind == "dmy_numeric" and int(groups["month"]) > 12 >= int(groups["day"]):
                # "06/18/2019": the month first, as American sites write it (told only when the day is past 12)
                groups = dict(groups, day=groups["month"], month=groups["day"])
            try:
                expr = DateExpression(
                    m.start(), m.end(), text[m.start(): m.end()], kind,
                    year=int(groups["year"]) if groups.get("year") else None,
                    month=_month_number(groups["month"]) if groups.get("month") else None,
                    day=int(groups["day"]) if groups.get("day") else None,
                    weekday=WEEKDAYS[groups["weekday"].lower()] if groups.get("weekday") else None,
                    relative=groups["relative"].lower() if groups.get("relative") else None,
                )
            except (KeyError, ValueError):
                continue
            if expr.month and not 1 <= expr.month <= 12 or expr.day and not 1 <= expr.day <= 31:
                continue
            found.append(expr)
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return sorted(found, key=lambda d: d.start)


def resolve_weekday(weekday: int, anchor: dt.date, *, before: int = 1, after: int = 5) -> dt.date:
    """Return the date with ``weekday`` in the window ``[anchor - before, anchor + after]``.

    News names the weekday of an event close to the one it reports: "arrested Sunday" in an article
    on a Sunday election is the election day; "on Tuesday" after it is two days later.

    Examples
    --------
    >>> resolve_weekday(6, dt.date(2021, 1, 10))   # Sunday, anchored at Sunday 10 January 2021
    datetime.date(2021, 1, 10)
    >>> resolve_weekday(1, dt.date(2012, 1, 15))   # Tuesday after Sunday 15 January 2012
    datetime.date(2012, 1, 17)
    """
    for offset in range(-before, after + 2):
        day = anchor + dt.timedelta(days=offset)
        if day.weekday() == weekday:
            return day
    raise AssertionError("a week always holds every weekday")


def resolve_month_day(month: int, day: int, anchor: dt.date, *, within_days: int = 183) -> dt.date | None:
    """Return the date of a month-day expression in the year that puts it nearest ``anchor``.

    Examples
    --------
    >>> resolve_month_day(1, 10, dt.date(2021, 1, 10))
    datetime.date(2021, 1, 10)
    >>> resolve_month_day(12, 28, dt.date(2021, 1, 10))
    datetime.date(2020, 12, 28)
    """
    best = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if abs((candidate - anchor).days) <= within_days and (best is None or abs((candidate - anchor).days) < abs((best - anchor).days)):
            best = candidate
    return best


def months_before(anchor: dt.date, months: int) -> tuple[int, int]:
    """Return ``(year, month)`` of the month ``months`` before ``anchor``'s ("last month", "two months ago").

    Examples
    --------
    >>> months_before(dt.date(2016, 5, 23), 2), months_before(dt.date(2021, 1, 11), 1)
    ((2016, 3), (2020, 12))
    """
    count = anchor.year * 12 + anchor.month - 1 - months
    return count // 12, count % 12 + 1


def last_month_named(month: int, anchor: dt.date) -> tuple[int, int]:
    """Return ``(year, month)`` of the last month numbered ``month`` up to ``anchor`` ("in April").

    Examples
    --------
    >>> last_month_named(4, dt.date(2012, 1, 20)), last_month_named(1, dt.date(2012, 1, 20))
    ((2011, 4), (2012, 1))
    """
    return anchor.year - (month > anchor.month), month
