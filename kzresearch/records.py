"""The fields of an exported record: which key of a JSON Lines row holds the text, title, date, ...

Scrapers, news APIs and archives each name their fields their own way (``text`` or ``maintext``
or ``articleBody``; ``published`` or ``publishedAt`` or a Unix time). The keys tried for each
field, in order, are curated in ``data/reference/record_fields.yaml`` with the formats they
come from; this module reads a record with them.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import NamedTuple

from kzresearch.dates import find_dates

# The fields a document takes from its record besides its text and id.
META_FIELDS = ("title", "url", "outlet", "published", "byline", "wire")
# ("lead": a standfirst kept apart from the body, which the text opens with)
FIELDS = ("text", "lead", "id", *META_FIELDS)
# Separators inside a key ("date_publish" = "datePublish"); a leading underscore stays ("_id" is not "id").
_KEY_NOISE = re.compile(r"(?<=\w)[-_\s]+(?=\w)")
_URL = re.compile(r"https?://\S+\Z", re.IGNORECASE)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_UNIX_TIME = re.compile(r"\d{10}(?:\.\d+)?|\d{13}")
# A calendar date ("2016-03-29") or an ISO week date ("2016-W13-2"), with or without a time.
_ISO_DATE = re.compile(r"(?:19|20)\d\d-(?:[01]\d-[0-3]\d|W[0-5]\d-[1-7])(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-][0-2]\d:?[0-5]\d)?)?")
# ISO 8601's basic format, a wire system's stamp: "20160523T153100+0300".
_ISO_BASIC = re.compile(r"((?:19|20)\d\d)([01]\d)([0-3]\d)T([0-2]\d)([0-5]\d)([0-5]\d)?(Z|[+-][0-2]\d:?[0-5]\d)?")
# (an HTML heading's name is one word: "h1" of "head": {"h1": ...})
_KEY_WORD = re.compile(r"(?<![A-Za-z])[Hh][1-6](?!\d)|[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
# A web address of a picture or a clip, never the page's.
_MEDIA_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|mp4|mp3|m3u8)(?:[?#]|$)", re.IGNORECASE)
# A headline wherever a row keeps it: a few words, not a sentence, a date or an address.
_HEADLINE_WORDS = (4, 30)
# A string this long, in words, is an article's text wherever the row keeps it.
_MIN_TEXT_WORDS = 40
# Dates written out as a row's whole value: in words or numbers, and in an archive's compact form.
_WRITTEN_KINDS = frozenset({"full", "dmy_numeric"})
_COMPACT_DATE = re.compile(r"(\d{1,2})([A-Za-z]{3})(\d{4}|\d{2})")
_MONTH_ABBREVIATIONS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
# A two-digit year from 70 on is of the 1900s ("11JAN99"); news archives start after 1970.
_CENTURY_PIVOT = 70
# What may stand around a written date in the same value: a weekday before it, a time and a zone
# after it ("Monday, ", " at 14:52", " | 18:40 EEST", " 14:52 +06:00").
_WEEKDAY_START = re.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+")
_TIME_REST = re.compile(r"[\s,|]*(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}|Z)?)?"
                        r"(?:\s+(?:print|online|web|edition|final))?\s*")
# A path or a file's name ("/uploads/2022/11/tokayev-vote.jpg", "tokayev_ballot.jpg").
_PATH_OR_FILE = re.compile(r"^/|\.(?:jpe?g|png|gif|webp|svg|html?|php|pdf|mp[34])$", re.IGNORECASE)
# The key of a numbered paragraph: a prefix of its own and the number ("001", "p01", "para_2").
_NUMBERED_KEY = re.compile(r"([A-Za-z_-]{0,8})(\d{1,4})")
# Words of a key whose value is no name: an id, a type, a language, a code.
_NOT_NAMES = frozenset({"id", "uid", "guid", "uuid", "type", "kind", "lang", "language", "code", "cc", "slug"})
# The last word of a key that names its thing by the word before ("author_names", "site_label").
_NAME_WORDS = frozenset({"name", "names", "label", "display", "title"})
# The keys of an object that say what it is in the article ("role": "author", "as": "agency").
_ROLE_KEYS = frozenset({"role", "as", "function", "kind", "type", "credit_type"})
# Words of a key that name a credit only as the whole key ("by": {...}; not "updated_by").
_PREPOSITION_KEYS = frozenset({"by", "via"})
# How deep wrappers nest ({"hits": {"_source": {"meta": ...}}} is three levels).
_MAX_DEPTH = 4
# Plausible publication times; a number outside them is not a Unix time in seconds or milliseconds.
_EARLIEST, _LATEST = dt.datetime(1990, 1, 1, tzinfo=dt.timezone.utc), dt.datetime(2100, 1, 1, tzinfo=dt.timezone.utc)


def _normal_key(key: str) -> str:
    return _KEY_NOISE.sub("", key).lower()


def unix_time_to_iso(value: float | int | str) -> str | None:
    """Read a Unix time in seconds or milliseconds as an ISO 8601 UTC timestamp.

    Parameters
    ----------
    value : float, int or str
        Seconds (ten digits in this era) or milliseconds (thirteen) since 1970-01-01 UTC.

    Returns
    -------
    str or None
        The timestamp, or None when the value is no plausible publication time (before 1990 or
        after 2099 in either unit).

    Examples
    --------
    >>> unix_time_to_iso(1610265600)
    '2021-01-10T08:00:00+00:00'
    >>> unix_time_to_iso("1610265600000")
    '2021-01-10T08:00:00+00:00'
    >>> unix_time_to_iso(42) is None
    True
    """
    seconds = float(value)
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        moment = dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    return moment.isoformat() if _EARLIEST <= moment < _LATEST else None


class RecordFields:
    """Reads the document fields of exported records with the curated key lists.

    Parameters
    ----------
    spec : Mapping
        The contents of ``record_fields.yaml``: for each of :data:`FIELDS` the keys to try in
        order; under ``urls`` the fields whose value must be a web address; under ``wrappers``
        the keys of objects that hold the article's fields; under ``key_prefixes`` and
        ``key_suffixes`` the prefixes ("post_title") and language suffixes ("body_en") a key may carry;
        under ``name_keys`` the keys of an author's or publisher's name; under ``other_things`` the
        keys of objects about another thing (an image), never searched by the fallbacks of :meth:`read`;
        under ``time_key_words`` the words of a key whose number is a Unix time ("pub_ms"); under
        ``crawl_key_words`` those of a key whose date is a crawl's or an edit's ("fetched_at"); under
        ``title_key_words`` those of a key whose line is the headline before any other ("heads": {"main": ...}); under
        ``outlet_key_words``, ``byline_key_words`` and ``agency_key_words`` the words of the keys
        that lead to an outlet's, a writer's and an agency's name nested in a row of its own layout
        (:func:`_nested_names`).

    Examples
    --------
    >>> fields = RecordFields({"text": ["text", "maintext"], "published": ["date_publish"],
    ...                        "outlet": ["source"], "url": ["source"], "urls": ["url"]})
    >>> fields.read({"maintext": "Voters went to the polls.", "datePublish": 1610265600,
    ...              "source": "https://example.org/a"})
    {'text': 'Voters went to the polls.', 'url': 'https://example.org/a', 'published': '2021-01-10T08:00:00+00:00'}
    """

    def __init__(self, spec: Mapping):
        self.keys = {name: [_normal_key(str(k)) for k in spec.get(name) or []] for name in FIELDS}
        self.urls = frozenset(spec.get("urls") or [])
        self.prefixes = tuple(_normal_key(str(k)) for k in spec.get("key_prefixes") or [])
        self.name_keys = [_normal_key(str(k)) for k in spec.get("name_keys") or ["name"]]
        self.wrappers = frozenset(_normal_key(str(k)) for k in spec.get("wrappers") or [])
        self.suffixes = tuple(_normal_key(str(k)) for k in spec.get("key_suffixes") or [])
        self.other_things = frozenset(_normal_key(str(k)) for k in spec.get("other_things") or [])
        self.time_words = frozenset(str(k).lower() for k in spec.get("time_key_words") or [])
        self.crawl_words = frozenset(str(k).lower() for k in spec.get("crawl_key_words") or [])
        self.title_words = frozenset(str(k).lower() for k in spec.get("title_key_words") or [])
        self.nested_words = {name: frozenset(str(k).lower() for k in spec.get(f"{key}_key_words") or [])
                             for name, key in (("outlet", "outlet"), ("byline", "byline"), ("wire", "agency"))}

    def read(self, record: Mapping) -> dict[str, str]:
        """Return the fields a record holds, as strings (absent fields are left out).

        Parameters
        ----------
        record : Mapping
            One parsed JSON Lines row.

        Returns
        -------
        dict
            Field name (of :data:`FIELDS`) to value: the first of its keys with a usable value. A row
            with no text or no date key is of its exporter's own layout ("copy": {"body_en": ...},
            "timeline": {"sent": ...}): it gives its longest text (:func:`_longest_text`), its
            earliest date (:func:`_earliest_date`), its first line of words outside its lists for a
            missing title and its first web address (not a picture's) for a missing url, never
            from the objects of ``other_things``, of the author or of the outlet (a birth date, a
            profile page). A row with no outlet, byline or wire key gives the names nested under
            keys that name one (:func:`_nested_names`: "site": {"brand": ...}, "pub": {"house":
            ...}, "credit": {"writer": ..., "agency": ...}).
        """
        by_key = self._keys_of(record)
        found: dict[str, str] = {}
        for name in FIELDS:
            for key in self.keys[name]:
                if key in by_key and (value := self._value(name, by_key[key])):
                    found[name] = value
                    break
        if "text" not in found or "published" not in found:
            skipped = self.other_things | frozenset(self.keys["byline"]) | frozenset(self.keys["outlet"])
            row = _row_values(record, skipped, self.time_words, self.crawl_words, self.title_words)
            if "text" not in found and (text := _longest_text(row)):
                found["text"] = text
            if "published" not in found and (published := _earliest_date(row, record)):
                found["published"] = published
            if "title" not in found and (title := next((v.strip() for v in row.titled + row.loose if _headline_like(v)), None)):
                found["title"] = title
            if "url" not in found and (url := next((v.strip() for v in row.strings if _URL.match(v.strip()) and not _MEDIA_FILE.search(v)), None)):
                found["url"] = url
            self._read_nested_names(record, found)
        return found

    def _read_nested_names(self, record: Mapping, found: dict[str, str]) -> None:
        """Fill a missing outlet, byline or wire from names nested under keys that name one
        (:func:`_nested_names`): "site": {"brand": ...}, "credit": {"writer": ..., "agency": ...}.
        An outlet's key is neither a writer's nor an agency's; a writer's is not an organisation's."""
        words = self.nested_words
        walk = (self.other_things, self.wrappers, frozenset(self.name_keys))
        # ("via": {"org": "AFP"} is where the copy came from, not who publishes it)
        if "outlet" not in found and (names := _nested_names(record, words["outlet"], words["byline"] | words["wire"] | _PREPOSITION_KEYS, *walk)):
            found["outlet"] = names[0]
        if "byline" not in found and (names := _nested_names(record, words["byline"], words["outlet"] | words["wire"], *walk, names_only=True)):
            found["byline"] = ", ".join(dict.fromkeys(names))
        if "wire" not in found and (names := _nested_names(record, words["wire"], frozenset(), *walk, min_letters=2)):
            found["wire"] = ", ".join(dict.fromkeys(names))

    def _keys_of(self, record: Mapping) -> dict[str, object]:
        """Map each normalised key to its value: the row's own keys, then those of the wrapper objects
        nested in it, nearest first ("fields", "_source", "meta"), then prefixed keys ("post_title") as bare."""
        by_key: dict[str, object] = {}
        level = [record]
        for _ in range(_MAX_DEPTH):
            nested = []
            for obj in level:
                for key, value in obj.items():
                    normal = _normal_key(str(key))
                    by_key.setdefault(normal, value)
                    if isinstance(value, Mapping) and normal in self.wrappers:
                        nested.append(value)
            level = nested
        for key, value in list(by_key.items()):
            for prefix in self.prefixes:
                if key.startswith(prefix) and len(key) > len(prefix):
                    by_key.setdefault(key[len(prefix):], value)
            for suffix in self.suffixes:
                if key.endswith(suffix) and len(key) > len(suffix):
                    by_key.setdefault(key[: -len(suffix)], value)
        return by_key

    def text_keys(self) -> list[str]:
        """Return the keys tried for the article text, for messages."""
        return self.keys["text"]

    def _value(self, name: str, value: object) -> str | None:
        if isinstance(value, Mapping):  # {"name": "Reuters"}, a schema.org Organization or Person
            if name == "text":
                return None  # "content": {...} is a wrapper of other fields, read through _keys_of
            if name in self.urls:  # "links": {"canonical": "https://...", "share": ...}: its first address
                return next((v.strip() for v in value.values() if isinstance(v, str) and _URL.match(v.strip())), None)
            if name == "byline" and _role_names(value, self.other_things | self.nested_words["wire"], frozenset()):
                return None  # {"name": ..., "role": "photo"} among the authors: not a writer
            names = {_normal_key(str(k)): v for k, v in value.items()}
            return next((found for k in self.name_keys if (found := self._value(name, names.get(k)))), None)
        if isinstance(value, list):  # authors, paragraphs
            parts = [part for item in value if (part := self._value(name, item))]
            return ("\n\n" if name in ("text", "lead") else ", ").join(parts) or None
        if isinstance(value, bool) or value is None:
            return None
        if isinstance(value, (int, float)):
            if name == "published":
                return unix_time_to_iso(value)
            return (str(int(value)) if float(value).is_integer() else str(value)) if name == "id" else None
        # A JSON string may hold a lone surrogate ("\\ud800"), which no file can store: U+FFFD instead.
        value = _LONE_SURROGATE.sub("\ufffd", str(value))
        text = value.strip()
        if not text:
            return None
        if name in ("text", "lead"):  # as written: offsets are into the text as the row holds it
            return value
        if name == "published" and _UNIX_TIME.fullmatch(text):
            return unix_time_to_iso(text)
        is_url = bool(_URL.match(text))
        if name in self.urls:
            return text if is_url else None
        return None if is_url else text


def _iso_moment(value: str) -> tuple[dt.datetime, str] | None:
    """Return ``(instant in UTC, value)`` of an ISO 8601 date or time, else None ("2019-19-39" is none).
    A time without a zone, or a date, is taken as UTC.

    Examples
    --------
    >>> _iso_moment("2016-W13-2T10:30+02:00")[1]
    '2016-03-29T10:30:00+02:00'
    >>> _iso_moment("20160523T153100+0300")[1]
    '2016-05-23T15:31:00+03:00'
    """
    if basic := _ISO_BASIC.fullmatch(value):
        year, month, day, hour, minute, second, zone = basic.groups()
        zone = zone[:3] + ":" + zone[-2:] if zone and zone != "Z" and ":" not in zone else zone or ""
        value = f"{year}-{month}-{day}T{hour}:{minute}:{second or '00'}{zone}"
    if not _ISO_DATE.fullmatch(value):
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    # A week date is written out as its calendar date, in its own zone ("2016-W13-2" is 2016-03-29).
    written = (moment.isoformat() if "T" in value or " " in value else moment.date().isoformat()) if "W" in value else value
    return (moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)).astimezone(dt.timezone.utc), written


# The key of a paragraph block's text: {"type": "p", "text": ...}, Arc's {"type": "text", "content": ...}.
_BLOCK_TEXT_KEYS = ("text", "content", "value", "body", "html")
_RUN_TEXT_KEYS = ("s", "t", "v", "str", "string")  # the short keys a run's text is kept under
_MEDIA_BLOCKS = frozenset({"image", "img", "photo", "picture", "video", "audio", "gallery", "figure", "fig", "figcaption", "embed"})


def _block_text(element: object) -> str:
    """A paragraph of a body kept as a list: a string, or a block's text (not its type, nor an image's url).

    Examples
    --------
    >>> _block_text({"type": "p", "text": "Turnout was 77%."}), _block_text({"k": "p", "v": "Turnout was 77%."})
    ('Turnout was 77%.', 'Turnout was 77%.')
    >>> _block_text(["p", "Turnout was 77%."]), _block_text(["fig", "Voters in Kyzylorda."])
    ('Turnout was 77%.', '')
    """
    if isinstance(element, str):
        return "" if _URL.match(element.strip()) else element
    if isinstance(element, Mapping):
        keys = {_normal_key(str(k)): v for k, v in element.items()}
        known = next((v for k in _BLOCK_TEXT_KEYS if isinstance(v := keys.get(k), str) and not _URL.match(v.strip())), None)
        if known is not None:
            return known
        # (a message's text kept as runs of plain and marked-up text: "text": ["⚡️", {"type": "bold", "text": "..."}])
        runs = next((v for k in _BLOCK_TEXT_KEYS if isinstance(v := keys.get(k), list) and v
                     and all(isinstance(run, (str, Mapping)) for run in v)), None)
        # (a list of plain strings is paragraphs, not runs of one)
        if runs is not None and (joined := ("\n\n" if all(isinstance(run, str) for run in runs) else "").join(
                run if isinstance(run, str) else _run_text(run) for run in runs).strip()):
            return joined
    if isinstance(element, Mapping) or (isinstance(element, list) and len(element) == 2 and isinstance(element[0], str)
                                        and len(element[0].split()) == 1):
        # A block of keys of its own ({"k": "p", "v": "..."}) or a pair of a tag and its text (["p", "..."]):
        # its longest string of words, not its type; none of a picture's or a clip's block (its caption is
        # not the article's).
        values = list(element.values()) if isinstance(element, Mapping) else element
        if any(isinstance(v, str) and v.strip().lower() in _MEDIA_BLOCKS for v in values):
            return ""
        texts = [v for v in values if isinstance(v, str) and len(v.split()) > 1 and not _URL.match(v.strip())]
        if not texts and isinstance(element, Mapping):
            # (a block of runs of its own: {"ts": ..., "runs": [{"k": "b", "s": "ALMATY. "}, {"k": "t", "s": "..."}]},
            # its runs' texts in their order, one line; a run keeps its own spaces)
            runs = next((v for v in values if isinstance(v, list) and v and all(isinstance(run, Mapping) for run in v)), [])
            return "".join(_run_text(run) for run in runs).strip()
        return max(texts, key=len, default="")
    return ""


def _run_text(run: Mapping) -> str:
    """A run of a block's line, however short ("ALMATY. ", "Tok"): its text under a key of text ({"k": "italic",
    "s": "Tok"}: "Tok", not the run's kind), else its one string, else nothing."""
    keys = {_normal_key(str(k)): v for k, v in run.items()}
    if (known := next((v for k in (*_BLOCK_TEXT_KEYS, *_RUN_TEXT_KEYS) if isinstance(v := keys.get(k), str)), None)) is not None:
        return known
    strings = [v for v in run.values() if isinstance(v, str) and not _URL.match(v.strip())]
    return strings[0] if len(strings) == 1 else ""


def _values(record: Mapping, other_things: frozenset[str]) -> Iterator[tuple[object, object, bool]]:
    """Yield ``(key, value, in_list)`` of a row and of the objects and lists in it (key None in a
    list; ``in_list`` for what a list holds, however deep), breadth first, ``_MAX_DEPTH`` levels
    deep, except those under the keys of ``other_things`` (an image's, a video's)."""
    level: list[tuple[object, bool]] = [(record, False)]
    for _ in range(_MAX_DEPTH + 1):
        nested: list[tuple[object, bool]] = []
        for item, in_list in level:
            listed = in_list or not isinstance(item, Mapping)
            pairs = item.items() if isinstance(item, Mapping) else ((None, value) for value in item)
            for key, value in pairs:
                if key is not None and _normal_key(str(key)) in other_things:
                    continue
                yield key, value, listed
                if isinstance(value, (Mapping, list)):
                    nested.append((value, listed))
        level = nested


class _RowValues(NamedTuple):
    """What one walk of a row (:func:`_row_values`) finds for the fallbacks of :meth:`RecordFields.read`."""

    strings: list[str]  # every non-empty string
    loose: list[str]  # those not inside a list (a headline is no paragraph block or caption)
    bodies: list[str]  # each list of paragraphs, or object of numbered ones, joined
    times: list[float]  # the numbers under keys that name a time
    stamped: set[str]  # the strings under keys of a crawl's or an edit's time ("seen", "fetched", "updated")
    titled: list[str]  # the loose strings under keys that name a headline ("heads": {"main": ...})


def _row_values(record: Mapping, other_things: frozenset[str], time_words: frozenset[str],
                crawl_words: frozenset[str] = frozenset(), title_words: frozenset[str] = frozenset()) -> _RowValues:
    """Walk a row once (:func:`_values`): its strings; each of its lists as text (its strings, or
    its blocks' texts, :func:`_block_text`) and each object of numbered paragraphs ({"001": ...,
    "p02": ...}, in their order, :func:`_numbered`), joined by blank lines; and the numbers under keys one of whose
    words is one of ``time_words`` ("pub_ms", "createdAt"; not "candidate_id"); the strings under
    keys one of whose words is one of ``crawl_words``, or in an object under one, are marked as a
    crawl's or an edit's time; the loose strings under keys all of whose words are ``title_words``
    as a headline's ("main" of "heads": {"main": ...}, before a "credit_line")."""
    found = _RowValues([], [], [], [], set(), [])
    for key, value, in_list in _values(record, other_things):
        if isinstance(value, str):
            if value.strip():
                found.strings.append(value)
                if not in_list:
                    found.loose.append(value)
                    # (every word of the key a headline's: "main" of "heads", not "main_section")
                    if key is not None and (words := _key_words(str(key))) and words <= title_words:
                        found.titled.append(value)
                if key is not None and not crawl_words.isdisjoint(_key_words(str(key))):
                    found.stamped.add(value)
        elif isinstance(value, list) and len(parts := _list_text(value)) > 1:
            found.bodies.append("\n\n".join(parts))
        elif isinstance(value, Mapping) and key is not None and not crawl_words.isdisjoint(_key_words(str(key))):
            # ("harvest": {"at": "2023-11-02T07:14:55Z"}: the times of a crawl's own object)
            found.stamped.update(v for v in value.values() if isinstance(v, str))
        elif isinstance(value, Mapping) and len(value) > 1 and (order := _numbered(value)):
            found.bodies.append("\n\n".join(value[k] for k in order if value[k].strip()))
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and key is not None \
                and not time_words.isdisjoint(words := _key_words(str(key))) and crawl_words.isdisjoint(words):
            found.times.append(value)  # (not a crawl's: "harvested_ms")
    return found


def _list_text(items: list) -> list[str]:
    """The paragraphs of a body kept as a list (:func:`_block_text`), in their order; an element that holds
    a list of blocks of its own and no text of its own is a group of them, read in its place (a bulletin's
    items, a day's messages: "bulletins": [{"slot": "0700", "items": [{"text": ...}, ...]}, ...])."""
    parts: list[str] = []
    for element in items:
        # (a group's list holds blocks of text under a key of text, not runs of a line: {"runs": [{"s": "ALMATY. "}, ...]})
        groups = [v for v in element.values() if isinstance(v, list) and v and all(_text_keyed(block) for block in v)] \
            if isinstance(element, Mapping) and not _text_keyed(element) else []
        if groups:
            parts += [part for group in groups for part in _list_text(group)]
        elif (part := _block_text(element)).strip():
            parts.append(part)
    return parts


def _text_keyed(block: object) -> bool:
    """Whether a block holds its text under a key of text (a string, or runs of one)."""
    return isinstance(block, Mapping) and any(isinstance(v, (str, list)) for k, v in block.items() if _normal_key(str(k)) in _BLOCK_TEXT_KEYS)


def _numbered(value: Mapping) -> list | None:
    """Return the keys of an object of numbered paragraphs in their order ({"001": ..., "002": ...},
    {"p01": ..., "p02": ...}: one prefix, then the number), else None.

    Examples
    --------
    >>> _numbered({"p10": "c", "p02": "b", "p01": "a"}), _numbered({"1": "a", "x": "b"})
    (['p01', 'p02', 'p10'], None)
    """
    found = [(m.group(1), int(m.group(2)), k) for k, v in value.items() if isinstance(v, str) and (m := _NUMBERED_KEY.fullmatch(str(k)))]
    if len(found) != len(value) or len({prefix for prefix, _, _ in found}) != 1:
        return None
    return [k for _, _, k in sorted(found, key=lambda f: f[1])]


def _longest_text(row: _RowValues) -> str | None:
    """The article's text in a row of its own layout: its longest string, list of paragraphs or
    object of numbered ones, if of ``_MIN_TEXT_WORDS`` words or more."""
    longest = max(row.strings + row.bodies, key=len, default="")
    return longest if len(longest.split()) >= _MIN_TEXT_WORDS else None


def _writes_month_first(record: Mapping) -> bool:
    """Whether a row says it is in US English or on a US clock ("lang": "en-US", "tz": "America/New_York"),
    anywhere in it: its numeric dates write the month first."""
    return any(isinstance(value, str) and _MONTH_FIRST_LOCALE.fullmatch(value.strip()) for _, value, _ in _values(record, frozenset()))


def _earliest_date(row: _RowValues, record: Mapping | None = None) -> str | None:
    """The publication time of a row of its own layout: its earliest ISO 8601 string, or date written
    out as a value of its own outside a list (:func:`_written_date`: an archive's "11JAN99", "10.04.2023"), not one
    under a key of a crawl's or an edit's time ("seen", "fetched", "updated"), else its
    earliest number under a key that names a time, read as a Unix time, else a numeric date whose
    day and month could be either, read day first ("09/10/2024"), or month first in a ``record`` that
    says it is in US English (:func:`_writes_month_first`, asked only then).

    Examples
    --------
    >>> _earliest_date(_RowValues(["2016-07-01T03:12:44Z", "11JAN99"], ["2016-07-01T03:12:44Z", "11JAN99"], [], [], set(), []))
    '1999-01-11'
    """
    strings = [v for v in row.strings if v not in row.stamped]
    loose = [v for v in row.loose if v not in row.stamped]
    dates = [d for v in strings if (d := _iso_moment(v.strip()))] + [d for v in loose if (d := _written_date(v.strip()))] or \
            [d for v in row.times if (d := _iso_moment(unix_time_to_iso(v) or ""))]
    if not dates and loose:
        month_first = _writes_month_first(record or {})
        dates = [d for v in loose if (d := _written_date(v.strip(), ambiguous=True, month_first=month_first))]
    return min(dates)[1] if dates else None


def _nested_names(record: Mapping, words: frozenset[str], excluded: frozenset[str], skipped: frozenset[str],
                  wrappers: frozenset[str], name_keys: frozenset[str], *, names_only: bool = False,
                  min_letters: int = 3) -> list[str]:
    """The names nested in a row under a key path one of whose keys names the thing (:func:`_names`:
    "site": {"brand": ...}, "origin": {"org": {"label": ...}}, "people": {"agency": ["VNA"]}): its
    short strings (:func:`_name_like`), and those of its lists, best first.

    Never a value under a key that names one of ``excluded`` (an outlet's name under the writer's
    "by": {"org": ...}) or under one of ``skipped`` (a picture's object); never one whose own key
    holds an id, a type, a language or a code, or a JSON-LD keyword ("@type"). A wrapper's key
    ("_source", "meta") is walked through: it names nothing. A value whose own key names the thing
    or a name ("brand", "label", "name") comes before its siblings ("edition": "English", "role":
    "correspondent"); then the nearest, then the first. With ``names_only``, only the nearest of
    those under a key that names the thing or a name, or in an object its role names (its name key's
    value, where it has one: not an affiliation beside it), a byline's names, not its roles or credits.

    Examples
    --------
    >>> _nested_names({"site": {"edition": "English", "brand": "Kaktus.media"}}, frozenset({"site", "brand"}),
    ...               frozenset({"by"}), frozenset(), frozenset(), frozenset({"name"}))
    ['Kaktus.media', 'English']
    """
    found: list[tuple[int, int, str]] = []
    # (an object, whether a key above it names the thing, whether its own role does)
    level: list[tuple[object, bool, bool]] = [(record, False, False)]
    for depth in range(_MAX_DEPTH + 1):
        nested: list[tuple[object, bool, bool]] = []
        for obj, under, by_role in level:
            pairs = obj.items() if isinstance(obj, Mapping) else ((None, item) for item in obj)
            # (an object its role names gives its name key's value, where it has one, else its strings)
            has_name_key = isinstance(obj, Mapping) and any(
                _normal_key(str(k)) in name_keys or "label" in _key_words(str(k)) for k in obj)
            for key, value in pairs:
                normal, key_words = (_normal_key(str(key)), _key_words(str(key))) if key is not None else ("", set())
                if normal in skipped or _names(str(key), excluded) or str(key).startswith("@") or not _NOT_NAMES.isdisjoint(key_words):
                    continue
                named = normal not in wrappers and _names(str(key), words)
                role_named = isinstance(value, Mapping) and _role_names(value, words, excluded)
                if isinstance(value, Mapping) and not role_named and _role_names(value, excluded, frozenset()):
                    continue  # {"n": "CTK", "role": "agency"} among "people": not the writer
                if isinstance(value, (Mapping, list)):
                    nested.append((value, under or named or role_named, role_named))
                elif (under or named) and isinstance(value, str) and _name_like(value, min_letters) and normal not in _ROLE_KEYS:
                    # {"n": "Aigerim Sadykova", "role": "author"}: the name of an object its role names
                    # ({"label": "Eleanor Whitfield", "kind": "author", "aff": "Visiting Fellow"}: the name key's)
                    own_name = named or normal in name_keys or "label" in key_words or (key is None and under) \
                        or (by_role and not has_name_key)
                    found.append((0 if own_name else 1, depth, value.strip()))
        level = nested
    found.sort(key=lambda f: f[:2])
    return [value for rank, depth, value in found if not names_only or (rank, depth) == (0, found[0][1])]


def _role_names(obj: Mapping, words: frozenset[str], excluded: frozenset[str]) -> bool:
    """Whether an object's role names what ``words`` name and none of ``excluded``: "role": "author",
    "as": "agency" (a list of people with their roles: "people": [{"n": ..., "role": "author"}])."""
    roles = [str(v) for k, v in obj.items() if _normal_key(str(k)) in _ROLE_KEYS and isinstance(v, str)]
    return any(_names(role, words) and not _names(role, excluded) for role in roles)


def _names(key: str, words: frozenset[str]) -> bool:
    """Whether a key names what ``words`` name: its last word is one of them ("site", "news_agency";
    not "source_language", "site_section"), and for a key of several words not a preposition
    ("by", "via": "updated_by", "shared_via" say who did something else)."""
    key_words = [w.lower() for w in _KEY_WORD.findall(key)]
    if len(key_words) > 1 and key_words[-1] in _NAME_WORDS:
        key_words.pop()  # "author_names", "publisher_name": the thing named
    head = key_words[-1] if key_words else ""
    return head in words and (len(key_words) == 1 or head not in _PREPOSITION_KEYS)


def _name_like(value: str, min_letters: int = 3) -> bool:
    """A name, not a code, an id, a sentence, a path or an address: one to six words with
    ``min_letters`` letters or more, and no more digits than letters ("Kaktus.media", "24.kg", "The
    Economic Times"; not "UA", "EN", "kdig-2011-0405-017", "/uploads/a.jpg" or "https://...")."""
    text = value.strip()
    letters, digits = sum(ch.isalpha() for ch in text), sum(ch.isdigit() for ch in text)
    return 1 <= len(text.split()) <= 6 and letters >= max(min_letters, digits) and not _URL.match(text) \
        and not _PATH_OR_FILE.search(text) \
        and not text.endswith(".") and not _ISO_DATE.match(text)


# A row's locale or clock that writes dates month first: US English, a US time zone (not "America/Sao_Paulo").
_MONTH_FIRST_LOCALE = re.compile(r"en[-_]US|America/(?:New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Detroit|Boise|Juneau"
                                  r"|Indiana/\w+|Kentucky/\w+|North_Dakota/\w+)|Pacific/Honolulu|US/\w+", re.IGNORECASE)


def _written_date(value: str, ambiguous: bool = False, month_first: bool = False) -> tuple[dt.datetime, str] | None:
    """Return ``(midnight UTC, ISO date)`` of a string that is a date written out, perhaps after its
    weekday and before a time ("Monday, January 11, 1999", "27.04.2015 18:40", "12 Jan 2021 | 14:52"),
    or in the compact form of newspaper archives and SAS (DATE7 and DATE9: "11JAN99", "11JAN1999");
    else None. Numbers read day first, as in most of the world, but a date with slashes whose day and
    month could be either ("12/01/2021") is read only with ``ambiguous``: first the row's other dates
    decide; then the month comes first with ``month_first``. Dots write the day first by convention ("10.04.2023").

    Examples
    --------
    >>> _written_date("11JAN99")[1], _written_date("27.04.2015 18:40")[1], _written_date("Page 6") is None
    ('1999-01-11', '2015-04-27', True)
    >>> _written_date("12/01/2021 14:52") is None, _written_date("Monday, 11 January 2021 at 14:52 +06:00")[1]
    (True, '2021-01-11')
    """
    if m := _COMPACT_DATE.fullmatch(value):
        month = _MONTH_ABBREVIATIONS.get(m.group(2).lower())
        year = int(m.group(3)) + (0 if len(m.group(3)) == 4 else 1900 if int(m.group(3)) >= _CENTURY_PIVOT else 2000)
        try:
            day = dt.date(year, month, int(m.group(1))) if month else None
        except ValueError:
            day = None
    else:
        begin = weekday.end() if (weekday := _WEEKDAY_START.match(value)) else 0
        found = next((d for d in find_dates(value) if d.date and d.start == begin and d.kind in _WRITTEN_KINDS), None)
        # (dots write the day first by convention, "10.04.2023"; slashes either way)
        either = found is not None and found.kind == "dmy_numeric" and found.date.day <= 12 and "/" in found.surface
        day = found.date if found and (ambiguous or not either) and _TIME_REST.fullmatch(value, found.end) else None
        if day is not None and either and month_first:
            day = dt.date(day.year, day.day, day.month)  # ("04/12/2022" in a row in US English: April 12)
    return (dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc), day.isoformat()) if day else None


def _key_words(key: str) -> set[str]:
    """The words of a key: "pub_ms" and "pubMs" are {"pub", "ms"}, "page_h1" {"page", "h1"}."""
    return {w.lower() for w in _KEY_WORD.findall(key)}


def _headline_like(value: str) -> bool:
    """A headline kept under a key of the exporter's own: a line of a few words that is no
    sentence, no address and no date ("Kazakh ruling party wins big, but two others squeeze in")."""
    text = value.strip()
    words = text.split()
    return (_HEADLINE_WORDS[0] <= len(words) <= _HEADLINE_WORDS[1] and "\n" not in text and not text.endswith(".")
            and not _URL.match(text) and sum(ch.isalpha() for ch in text) > len(text) / 2)


def bundled_fields() -> RecordFields:
    """Return the record fields of the bundled ``data/reference/record_fields.yaml``."""
    from kzresearch.reference import load_reference  # the reference tables load pandas

    return RecordFields(load_reference().record_fields)
