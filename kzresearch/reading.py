"""Reading raw files: formats, encodings and the problems a collection brings.

Supported formats: plain text (``.txt``; a news database's export in the Nexis layout gives its
header's headline, author, date and publication, :mod:`kzresearch.nexis`, a record in Factiva's tagged
layout its fields', :mod:`kzresearch.factiva`, and a record page in the ProQuest layout its indexing's,
:mod:`kzresearch.proquest`; a message saved with its MIME headers its
subject and date, its body decoded, :mod:`kzresearch.mail`; a broadcast's subtitles their cues' running
text, :mod:`kzresearch.subtitles`; a Markdown note its front matter's fields and its plain lines,
:mod:`kzresearch.markdown_text`), HTML
(``.html``/``.htm``, main text extracted with trafilatura, its results tables set in as lines of text; a
results table typed with bars or tabs into a text or a row is rewritten so too, :mod:`kzresearch.results_tables`)
and JSON Lines (``.jsonl``, one article per line: its text and optional id, title, url, outlet, publication date
and byline, under the keys of ``data/reference/record_fields.yaml``, e.g. ``text``/``maintext``/``body``,
``published``/``publishedAt``/a Unix time) and tables (``.csv``/``.tsv``, a spreadsheet's or a
database's export, one article a row under a header row, read with the same keys,
:mod:`kzresearch.tables`). Bytes are decoded by BOM, then strict UTF-8 (or UTF-8
with a few damaged bytes), then charset-normalizer's detection, unless the page declares a code page
that reads its bytes as cleanly; the encoding used is recorded per document.

A file that cannot become an article (empty, binary, undecodable, too large, of an unknown kind,
a byte-for-byte duplicate) is not an exception: it becomes a :class:`Problem` and the rest of the
corpus builds.
"""
from __future__ import annotations

import datetime as dt
import codecs
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

from charset_normalizer import CharsetMatch, CharsetMatches, from_bytes

from kzresearch.claims.numbers import NUMBER, parse_number
from kzresearch.dates import find_dates
from kzresearch.markup import HIDDEN_ELEMENT, TAG, visible_text
from kzresearch.mail import read_mail
from kzresearch.markdown_text import read_markdown
from kzresearch.factiva import read_factiva
from kzresearch.nexis import read_nexis
from kzresearch.proquest import read_proquest
from kzresearch.subtitles import read_subtitles
from kzresearch.tables import MalformedRow, table_rows
from kzresearch.records import META_FIELDS, RecordFields, bundled_fields
from kzresearch.results_tables import with_html_tables, with_text_tables

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TABLE_SUFFIXES = {".csv", ".tsv"}
ROW_FORMATS = frozenset({"jsonl", "csv"})  # the formats of documents that are rows of a file ("feed.jsonl:3")
_LETTER = re.compile(r"[^\W\d_]")  # a letter of any script
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | TABLE_SUFFIXES
DEFAULT_MAX_BYTES = 20_000_000
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy encodings a news collection on Kazakhstan plausibly holds: Western European and Cyrillic
# code pages. Restricting detection to them keeps short Latin texts from reading as Central European.
LEGACY_ENCODINGS = ["cp1252", "latin_1", "cp1251", "koi8_r", "iso8859_5", "mac_cyrillic"]
# The Central European, Baltic and Turkish code pages, tried only where a reading in those writes
# words of two scripts at once (:func:`_best_reading`).
OTHER_LEGACY_ENCODINGS = ["cp1250", "iso8859_2", "cp1257", "cp1254"]


@dataclass(frozen=True)
class Problem:
    """A file, or part of one, that could not be read as an article.

    Attributes
    ----------
    file : str
        File name relative to the corpus folder (``name.jsonl:12`` for a JSON Lines row).
    problem : str
        One of ``empty``, ``binary``, ``undecodable``, ``unreadable``, ``huge``,
        ``unknown_extension``, ``skipped``, ``duplicate``, ``duplicate_id`` (kept under another
        id), ``malformed_row``, ``manifest``, ``failed``.
    detail : str
        One sentence a person can act on.
    """

    file: str
    problem: str
    detail: str


@dataclass(frozen=True)
class RawDocument:
    """One article as read, before cleaning.

    Attributes
    ----------
    doc_id : str
        File stem, or ``stem-N`` / the row's ``id`` for a JSON Lines or table row starting on line N.
    file : str
        File name relative to the corpus folder (``name.jsonl:N`` for a row starting on line N).
    sha256 : str
        Hash of the file's bytes (of the row's bytes for JSON Lines and tables).
    encoding : str
        Encoding the bytes were decoded with.
    fmt : str
        ``txt``, ``html``, ``jsonl`` or ``csv`` (a CSV or TSV table's row).
    text : str
        The decoded text (for HTML: the main text trafilatura extracted, title first).
    n_bytes : int
        Size of the source in bytes.
    meta : dict
        Metadata the source itself carried (HTML meta tags, JSON fields).
    """

    doc_id: str
    file: str
    sha256: str
    encoding: str
    fmt: str
    text: str
    n_bytes: int
    meta: dict = field(default_factory=dict)


class UnreadableFile(Exception):
    """Raised inside reading; turned into a :class:`Problem` by :func:`read_file`."""

    def __init__(self, problem: str, detail: str):
        super().__init__(detail)
        self.problem = problem
        self.detail = detail


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode bytes, returning ``(text, encoding)``.

    Raises
    ------
    UnreadableFile
        ``binary`` or ``undecodable`` when no text encoding fits.

    Examples
    --------
    >>> decode_bytes("Выборы в Казахстане: задержаны десятки протестующих".encode("cp1251"))[1]
    'cp1251'
    >>> decode_bytes("Élection présidentielle à Almaty".encode("latin-1"))
    ('Élection présidentielle à Almaty', 'cp1252')
    >>> decode_bytes(codecs.BOM_UTF8 + b"Almaty")
    ('Almaty', 'utf-8-sig')
    >>> decode_bytes("Выборы: задержаны десятки".encode("utf-16-le"))[1]
    'utf-16-le'
    >>> decode_bytes("By Tereza Šťastná in Prague, where Kazakhs queued to vote on Sunday.".encode("cp1250"))[1]
    'cp1250'
    >>> decode_bytes("Агентство Kaзинформ: выборы в Казахстане прошли спокойно, явка 77 процентов.".encode("cp1251"))[1]
    'cp1251'
    >>> decode_bytes("Выборы в Казахстане".encode() + bytes([255]))[1]
    'utf-8 (1 undecodable byte replaced)'

    A page's own declaration decides between code pages that both fit its bytes:

    >>> decode_bytes('<meta charset="windows-1257"><p>By Anna Vītola, Rīga</p>'.encode("cp1257"))
    ('<meta charset="windows-1257"><p>By Anna Vītola, Rīga</p>', 'cp1257')
    >>> decode_bytes('<meta charset="iso-8859-2"><p>Editor: Szőke Ferenc</p>'.encode("iso8859_2"))
    ('<meta charset="iso-8859-2"><p>Editor: Szőke Ferenc</p>', 'iso8859-2')

    ... but not one that reads worse in it than in the code page detected, nor a codec that is no code page:

    >>> decode_bytes('<meta charset="windows-1251"><p>Le président a été réélu dimanche.</p>'.encode("cp1252"))[1]
    'cp1252'
    >>> decode_bytes('<meta charset="hex"><p>café</p>'.encode("cp1252"))[1]
    'cp1252'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise UnreadableFile("undecodable", f"starts with a {encoding} mark but does not decode: {exc}")
    if b"\x00" in data[:4096]:
        text = _try_utf16_without_bom(data)
        if text is not None:
            return text
        raise UnreadableFile("binary", "holds NUL bytes: not a text file (an image, PDF or archive?)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if (repaired := _mostly_utf8(data)) is not None:
        return repaired
    best = _best_reading(data[:200_000])
    if (declared := _declared_charset(data)) is not None and (best is None or declared != codecs.lookup(best.encoding).name):
        # A page's own code page, where its bytes read in it as cleanly as in the one detected (a
        # Baltic page's "ī" is "î" in Windows-1252, which reads as cleanly); a page that declares one
        # code page and is written in another reads worse in it, and detection decides.
        reading = from_bytes(data[:200_000], cp_isolation=[declared]).best()
        # (charset-normalizer names codecs its own way: "iso8859_2" for Python's "iso8859-2")
        if reading is not None and codecs.lookup(reading.encoding).name == declared and (best is None or reading.chaos <= best.chaos + _CHAOS_MARGIN):
            try:
                return data.decode(declared), declared
            except UnicodeDecodeError:
                pass
    if best is None:
        raise UnreadableFile("undecodable", "no text encoding fits its bytes; re-save it as UTF-8")
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError) as exc:
        raise UnreadableFile("undecodable", f"detected as {best.encoding} but does not decode: {exc}")


# A word of Latin and Cyrillic letters at once ("Љќastnб", Czech "Šťastná" read as Windows-1251): a wrong code page.
_MIXED_SCRIPT_WORD = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[\u0400-\u04ff])\w+")
_CYRILLIC_WORD = re.compile(r"\b(?=\w*[\u0400-\u04ff])\w+")
_MIXED_SHARE = 0.3  # the share of Cyrillic words written in two scripts that marks a wrong code page


def _best_reading(sample: bytes) -> CharsetMatch | None:
    """Return charset-normalizer's best reading of a file's first bytes in the ``LEGACY_ENCODINGS``,
    unless it writes words of Latin and Cyrillic letters at once or none fits: then the best reading
    without such words in those and the ``OTHER_LEGACY_ENCODINGS`` ("Tereza Šťastná" in Windows-1250 reads as
    "Tereza Љќastnб" in Windows-1251, which may score better on a page of English)."""
    best = from_bytes(sample, cp_isolation=LEGACY_ENCODINGS).best()
    if best is not None and not _mostly_mixed(str(best)):
        return best
    # (and where none of those fits at all)
    wider: CharsetMatches = from_bytes(sample, cp_isolation=LEGACY_ENCODINGS + OTHER_LEGACY_ENCODINGS)
    return next((match for match in wider if not _mostly_mixed(str(match))), best)


def _mostly_mixed(text: str) -> bool:
    """Whether a reading's Cyrillic words are mostly words of two scripts at once: a wrong code page, not a
    homoglyph typo in a Russian text ("Kaзинформ" among many Cyrillic words)."""
    mixed = len(_MIXED_SCRIPT_WORD.findall(text))
    return mixed > 0 and mixed >= _MIXED_SHARE * len(_CYRILLIC_WORD.findall(text))


# A page's own declaration of its code page: <meta charset=...>, http-equiv's "charset=", an XML
# declaration's encoding.
_CHARSET_DECLARATION = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?(?P<name>[A-Za-z0-9_.:-]{2,40})"""
                                  rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["'](?P<xml>[A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
# Where a page declares Latin-1 or ASCII, browsers read Windows-1252 (https://encoding.spec.whatwg.org/#names-and-labels).
_AS_BROWSERS_READ = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252"}
# The codecs a page may declare: legacy code pages, not Python's other codecs ("hex", "rot13", "unicode_escape").
_CODE_PAGE = re.compile(r"(?:cp\d+|iso8859[-_]\d+|koi8[-_]\w+|mac[-_]\w+|euc[-_]\w+|shift[-_]jis\w*|gb\w+|big5\w*|hz|tis[-_]620|"
                        r"kz1048|ptcp154|johab|iso2022[-_]\w+)")
# How much more mess (charset-normalizer's chaos) a declared code page's reading may show than the one detected.
_CHAOS_MARGIN = 0.05


def _declared_charset(data: bytes) -> str | None:
    """Return the Python codec of the legacy code page a page declares in its first 4 KB, if any (a
    UTF-8 or UTF-16 declaration is none: those are read before, and a legacy page may claim them wrongly)."""
    m = _CHARSET_DECLARATION.search(data, 0, 4096)
    if m is None:
        return None
    try:
        name = codecs.lookup((m.group("name") or m.group("xml")).decode("ascii")).name
    except LookupError:
        return None
    name = _AS_BROWSERS_READ.get(name, name)
    return name if _CODE_PAGE.fullmatch(name) else None


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few damaged bytes: more valid non-ASCII characters than bad bytes. (A legacy
    code page's accented letters are all invalid UTF-8, so such a file never passes.)"""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = len(text) - len(text.encode("ascii", "ignore")) - bad  # non-ASCII characters, counted in C
    if 0 < bad < valid:
        return text, f"utf-8 ({bad} undecodable byte{'s' if bad > 1 else ''} replaced)"
    return None


def _try_utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    # UTF-16 text has its NUL bytes on one side only: in every other byte for a Latin script,
    # at the spaces, digits and punctuation for Cyrillic (whose letters' high byte is 0x04).
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    encoding = "utf-16-le" if odd and not even else "utf-16-be" if even and not odd else None
    if encoding is None:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in text[:2048])
    return (text, encoding) if "\x00" not in text and printable >= 0.95 * min(len(text), 2048) else None


# A saved web page, whatever its file name says.
_HTML_START = re.compile(r"\s*(?:<!doctype html|<html[\s>])", re.IGNORECASE)
# Words of a stamp an archive or a printer puts on a page, not of its publication.
_ARCHIVE_STAMP = re.compile(r"\b(?:last\s+(?:updated|modified)|printed\b.{0,50}?\bon|retrieved|accessed|archived|generated|crawled|downloaded)\b",
                            re.IGNORECASE)
_STAMP_REACH = 40
_DASHES = re.compile(r"[\u2010-\u2015]|--")
_HEADLINE_WORDS = 4  # an <h1> of fewer words may be a section's or the site's name
# Words of a story that two headlines of it share (stems of their first letters, and figures).
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}|\d+(?:[.,]\d+)?")
_STEM, _SHARED_WORDS = 6, 2
_DATE_AFTER_H1 = 80  # how far after a headline its date line stands
_WHOLE_DATE_KINDS = ("full", "iso", "dmy_numeric")
# A site's name: one to five capitalised words or a domain ("People's Daily Online", "ANSA.it").
_SITE_WORDS = re.compile(r"[A-Z0-9][\w'&.-]*(?: (?:of|the|and|&|[A-Z0-9][\w'&.-]*)){0,4}")
# Tags that end a paragraph, a line or a table cell of a body kept as markup, and the elements a
# browser does not show.
_BLOCK_TAG = re.compile(r"</?(?:p|div|h[1-6]|blockquote|li|ul|ol|dl|dt|dd|section|article|header|footer|aside|figure|figcaption"
                        r"|pre|table|tr|hr)\b[^>]*>", re.IGNORECASE)
_LINE_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_CELL_END = re.compile(r"</t[dh]\s*>", re.IGNORECASE)
_SPACE_RUN = re.compile(r"\s+")
_BLANK_RUN = re.compile(r"\n\s*\n(?:\s*\n)*")


def _meta_tag(keys: str, value: str) -> re.Pattern:
    """Return a pattern of a ``<meta>`` tag whose property, name, itemprop or http-equiv is one of ``keys`` (an
    alternation) and whose content starts with ``value``, either attribute first; the content is
    the group that matched (``match.group(match.lastgroup)``)."""
    key = rf"""\b(?:property|name|itemprop|http-equiv)\s*=\s*["'](?:{keys})["']"""
    return re.compile(rf"""<meta\b[^>]*?{key}[^>]*?\bcontent\s*=\s*["'](?P<after>{value})"""
                      rf"""|<meta\b[^>]*?\bcontent\s*=\s*["'](?P<before>{value})[^"']*["'][^>]*?{key}""", re.IGNORECASE)


# A publication date the markup states for the article: its meta or itemprop
# "article:published_time" / "datePublished" (either attribute first), and JSON-LD (_article_published).
_PUBLISHED_META = _meta_tag("article:published_time|datePublished", r"\d{4}-\d\d-\d\d")
# When the page was last changed, which htmldate may take for its date when nothing else is marked.
# (as an ISO day, or an HTTP header's date: <meta http-equiv="last-modified" content="Thu, 28 Mar 2013 01:48:09 GMT">)
_MODIFIED_META = _meta_tag("og:updated_time|article:modified_time|dateModified|last-modified", r"""[^"'<>]{8,40}""")
_LAST_MODIFIED_META = _meta_tag("last-modified", r"""[^"'<>]{8,40}""")
# A <time datetime="2023-03-20"> element's day.
_TIME_DATETIME = re.compile(r"""<time\b[^>]*?\bdatetime\s*=\s*["'](\d{4}-\d\d-\d\d)""", re.IGNORECASE)
# The site's own name for itself: <meta property="og:site_name" content="...">.
_OG_SITE_NAME = _meta_tag("og:site_name", r"""[^"'<>]{1,80}(?=["'])""")
_BELOW_HEADLINE = 300  # how far below its headline a page's date line is looked for
_HEAD_REACH = 100_000  # how far into a page its head is looked for
_JSON_LD = re.compile(r"""<script[^>]*type\s*=\s*["']application/ld\+json["'][^>]*>(.*?)</script>""", re.IGNORECASE | re.DOTALL)
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
# The separator between a page title's headline and its site's name ("- Euractiv", "Euractiv |", "The Monitor Online :: World ::").
TITLE_SEPARATOR = re.compile(r"\s+(?:--|::|»|[-|\u2013\u2014])\s+")
# ... and, between the parts of an archive's title only, a spaced colon ("The Hindu : International : ...").
_TITLE_PARTS = re.compile(r"\s+(?:--|::|»|[-|:\u2013\u2014])\s+")
_ISSUE = re.compile(r"\b(?:19|20)\d\d\b|\b(?:Vol|No|Issue)\.?\s*\d", re.IGNORECASE)
_APOSTROPHES = re.compile("[\u2018\u2019\u02bc]")
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)
# Control characters other than tab, line feed, form feed and carriage return; counted with one
# regex call rather than a Python loop over characters (a tenth of reading time otherwise).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _looks_binary(text: str) -> bool:
    controls = len(_CONTROL.findall(text, 0, 4096))
    return controls > 0.05 * min(len(text), 4096)


def single_document_names(path: Path, corpus_dir: Path) -> tuple[str, str] | None:
    """Return ``(doc_id, file)`` of a file that holds one document (text, HTML), else None.

    The build uses it to look a file up in its cache from the bytes alone, before decoding and
    HTML extraction, which cost more than the rest of an unchanged file's handling.

    Examples
    --------
    >>> single_document_names(Path("/c/2021/a.html"), Path("/c"))
    ('2021__a', '2021/a.html')
    >>> single_document_names(Path("/c/rows.jsonl"), Path("/c")) is None
    True
    """
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        return None
    relative = path.relative_to(corpus_dir)
    return relative.with_suffix("").as_posix().replace("/", "__"), relative.as_posix()


def read_file(
    path: Path, corpus_dir: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, data: bytes | None = None,
    fields: RecordFields | None = None,
) -> tuple[list[RawDocument], list[Problem]]:
    """Read one corpus file into raw documents, reporting what could not be read.

    Parameters
    ----------
    path : Path
        The file.
    corpus_dir : Path
        The corpus folder, for relative names.
    max_bytes : int, optional
        Files larger than this are skipped as ``huge``.
    data : bytes, optional
        The file's bytes when the caller has already read them (they are not read twice).
    fields : RecordFields, optional
        The keys of a JSON Lines row's fields (default: the bundled ``record_fields.yaml``).

    Returns
    -------
    (list of RawDocument, list of Problem)
        A JSON Lines file may give several of each.
    """
    name = path.relative_to(corpus_dir).as_posix()
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return [], [Problem(name, "unknown_extension", f"'{suffix or '(none)'}' is not a supported kind ({', '.join(sorted(SUPPORTED_SUFFIXES))}); skipped")]
    try:
        size = path.stat().st_size if data is None else len(data)
        if size > max_bytes:
            return [], [Problem(name, "huge", f"{size:,} bytes is over the limit of {max_bytes:,}; split it or raise --max-bytes")]
        data = path.read_bytes() if data is None else data
    except OSError as exc:  # no permission, a link that loops, a file gone since the corpus was listed
        return [], [Problem(name, "unreadable", f"cannot be read ({exc.strerror or exc}); check its permissions")]
    try:
        if not data.strip():
            raise UnreadableFile("empty", "has no text")
        text, encoding = decode_bytes(data)
        if _looks_binary(text):
            raise UnreadableFile("binary", "decodes to mostly control characters: not a text file")
        if not text.strip():
            raise UnreadableFile("empty", "has no text")
    except UnreadableFile as exc:
        return [], [Problem(name, exc.problem, exc.detail)]
    digest = hashlib.sha256(data).hexdigest()
    if suffix in JSONL_SUFFIXES | TABLE_SUFFIXES:
        stem = path.relative_to(corpus_dir).with_suffix("").as_posix().replace("/", "__")
        read_rows = _read_jsonl if suffix in JSONL_SUFFIXES else _read_table
        return read_rows(text, name, stem, encoding, fields or bundled_fields())
    stem, _ = single_document_names(path, corpus_dir)
    # The content decides where the name misleads: a page saved as .txt, plain text saved as .html.
    if _HTML_START.match(text) or (suffix in HTML_SUFFIXES and TAG.search(text)):
        try:
            extracted, meta = _extract_html(text)
        except UnreadableFile as exc:
            return [], [Problem(name, exc.problem, exc.detail)]
        return [RawDocument(stem, name, digest, encoding, "html", extracted, len(data), meta)], []
    # a news database's export or record page, a message saved with its headers, subtitles, a
    # Markdown note: fields or markup around the story
    if (exported := read_nexis(text) or read_factiva(text) or read_proquest(text) or read_mail(text) or read_subtitles(text)
            or read_markdown(text, fields)) is not None:
        story, meta = exported
        return [RawDocument(stem, name, digest, encoding, "txt", with_text_tables(story), len(data), meta)], []
    return [RawDocument(stem, name, digest, encoding, "txt", with_text_tables(text), len(data))], []


def _markup_as_text(body: str) -> str:
    """A row's body kept as HTML markup ("<p>Nur Otan won ...</p><p>Ak Zhol ...</p>", as content
    systems and WordPress feeds store it) as text: a paragraph a line, a table's cells apart, no
    scripts, styles or tags, entities decoded. White space inside the markup is a space, as a
    browser shows it. A body of text is returned as it is (a "<" in text is no tag: "turnout < 50%").

    Examples
    --------
    >>> _markup_as_text("<p>Nur Otan won in\\n2012.</p><p>Ak Zhol &amp; others<br>got <b>7.18</b> percent.</p>")
    'Nur Otan won in 2012.\\n\\nAk Zhol & others\\ngot 7.18 percent.'
    >>> _markup_as_text("<table><tr><td>Amanat</td><td>53.90%</td></tr></table>")
    'Amanat 53.90%'
    """
    if not (_BLOCK_TAG.search(body) or _LINE_TAG.search(body)):
        return body
    text = _SPACE_RUN.sub(" ", HIDDEN_ELEMENT.sub(" ", body))
    text = _CELL_END.sub(" ", _LINE_TAG.sub("\\n", _BLOCK_TAG.sub("\\n\\n", text)))
    text = unescape(TAG.sub("", text))
    return _BLANK_RUN.sub("\\n\\n", "\\n".join(line.strip() for line in text.split("\\n"))).strip()


def _extract_html(html: str) -> tuple[str, dict]:
    import trafilatura  # imported here: loading it costs half a second that text-only corpora never need

    # fast=True skips trafilatura's fallback extractors: on the 154 news pages of the test and
    # benchmark corpora it gives the same text and metadata in 57% of the time. Where it keeps less
    # than half the words of the page's paragraphs (a live blog's entries, each in a <section> of its
    # own, of which it keeps the first), the fallbacks run.
    doc = {}
    for fast in (True, False):
        extracted = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False, fast=fast
        )
        doc = extracted.as_dict() if extracted is not None else {}
        if not fast or len((doc.get("text") or "").split()) >= _KEPT_SHARE * _paragraph_words(html):
            break
    if not (doc.get("text") or "").strip():
        raise UnreadableFile("empty", "HTML page without article text that trafilatura could find")
    # The page's own <title>, read once: trafilatura may have cut it, or left out the site's name.
    full_title, after_title = _page_title(html)
    page = html[after_title:]
    shown = visible_text(page)  # the page's text below its <title>, read once for the title and the date
    title, site = _headline_in_title(page, shown, full_title, doc.get("title"))
    # (a tab shows the title; the page's masthead is what it shows above its headline)
    at = shown.find(title) if title else -1
    above_headline = shown[:at] if at >= 0 else ""
    near_headline = f"{full_title or ''} {shown[: at + len(title) + _BELOW_HEADLINE] if at >= 0 else shown[:_BELOW_HEADLINE]}"
    marked, text_date = _page_dates(html, f"{full_title or ''} {shown}", doc.get("date"), above_headline, near_headline)
    meta = {
        "title": title,
        "byline": _byline(page, doc.get("author")),
        "published": marked,
        # a date only the page's text gives (htmldate's search of it): the date lines come first
        "page_date": text_date,
        # (the page's own og:site_name before trafilatura's, which may be a JSON-LD publisher, the parent company)
        "outlet": _og_site_name(html, title) or _named_site(doc) or site or _site_in_title(full_title, title),
        "url": doc.get("url"),
        "provider": _article_provider(html),
    }
    text = with_html_tables(doc["text"], html)
    if meta["title"]:
        text = meta["title"] + "\n" + text
    return text, {k: v for k, v in meta.items() if v}


def _page_dates(html: str, shown: str, date: str | None, above_headline: str = "", near_headline: str = "") -> tuple[str | None, str | None]:
    """Return ``(marked, in_text)``: trafilatura's date of a page when the page's markup states it
    (its metadata, a ``<time>``, its url: htmldate finds it without searching the text), else when
    the page's visible text does ("Tuesday, Dec 06, 2005" in a masthead), a date the article's date
    lines outrank (``metadata.dateline_published``).

    A date no markup and no text states is a guess of htmldate's extensive search, none: the
    earliest date of any link on the page ("/200409/15/..." of a related story) or the 1 January it
    makes of a year alone ("© 2025 All Rights Reserved"). A date the page's archive or printer
    stamped ("Archive page last updated: 08/14/2013", "Printed from ... on 03/02/2011") is none
    either: the earliest other whole date the page shows is its publication's ("Posted at 09:40
    a.m. PST; Monday, January 11, 1999"); so is the one whole date its masthead shows above the
    headline (``above_headline``) where the markup's date is neither confirmed by htmldate's own
    reading of the markup nor shown (an archive's "Archive-Date"; not a date of the article's text). A publication date the markup states for the article
    (:func:`_article_published`) comes first: htmldate may prefer the page's modified time, and
    finds no date before 1995. A date that is the page's modified time ("og:updated_time", a server's
    "last-modified") yields to the first ``<time datetime>`` of another day, the article's; without
    one, to the first earlier whole date the page shows by its headline (``near_headline``: its
    title, the text above the headline and a little below it).
    ``shown`` is the page's visible text (:func:`kzresearch.markup.visible_text`), searched for whole dates only
    where the markup does not settle it.
    """
    if (stated := _article_published(html)) and stated != (date or "")[:10]:
        return stated, None  # htmldate took the modified time, or none before 1995
    if not date:
        return None, None
    from htmldate import find_date  # trafilatura's own date finder, here without the text search

    day = date[:10]
    if stated == day:
        return day, None  # the markup states the article's day ("article:published_time"), whatever else the page stamps
    if day in _today_days(html):
        # the site's today in its masthead (<div id="todaydate">Friday, 14 March 2025</div>): the first
        # other whole date by the headline is the article's ("Last Updated On 18 December,2011")
        return None, next((d.isoformat() for d in _whole_dates(near_headline) if d.isoformat() != day), None)
    shown_days: list[str] | None = None  # the page's whole dates, read at most once (its whole text)
    if day in _modified_days(html, _MODIFIED_META):
        if published := next((t for t in _TIME_DATETIME.findall(html) if t != day), None):
            return published, None  # the page's modified time ("og:updated_time"); the article's <time> is another day
        # (nor a <time>: under a server's "last-modified", the first earlier whole date the page shows by its
        # headline, "05/23/2016 - 12h05" under one of 2019; under a page's own modified time, the first earlier
        # one a label says was its publication's, "Published Jan 12, 1999 (Updated Feb 9, 2011)", not one
        # inside the headline)
        shown_by_headline = _whole_dates(near_headline) if day in _modified_days(html, _LAST_MODIFIED_META) else _labelled_dates(near_headline)
        if earlier := next((d.isoformat() for d in shown_by_headline if d.isoformat() < day), None):
            return None, earlier
    if _stamped(shown, day):
        # (a day the page also shows apart from the stamp, "Tuesday, December 6, 2005" over "Site last
        # updated: 06/12/2005", stands)
        shown_days = [d.isoformat() for d in _whole_dates(shown)]
        if shown_days.count(day) < 2:
            return None, min((d for d in shown_days if d != day), default=None)
    if find_date(html, extensive_search=False, original_date=True) == date:
        return date, None
    if day in (shown_days if shown_days is not None else [d.isoformat() for d in _whole_dates(shown)]):
        return None, date
    # (markup's date neither confirmed nor shown, an archive's "Archive-Date": the one whole date the
    # masthead shows instead, "Tuesday | December 6, 2005" above the headline)
    masthead_days = set(_whole_dates(above_headline))
    return None, masthead_days.pop().isoformat() if len(masthead_days) == 1 else None


# An element the page marks as its byline or author line (class="byline", "art-byline", "author"; not a
# picture's "photo-author"), and the writer after its "by": "Apr 5 2011 by Carys Whitfield, Western Mail".
_BYLINE_ELEMENT = re.compile(r"""<(p|div|span|li)\b[^>]*\bclass\s*=\s*["'](?:[^"']*\s)?(?:(?:\w+-)?byline|by-line|author|author-name)(?=["'\s])[^"']*["'][^>]*>(.*?)</\1>""",
                             re.IGNORECASE | re.DOTALL)
# An author trafilatura read wrong: a month's name, a figure or its separator kept ("Apr ; Western Mail").
_DAMAGED_AUTHOR = re.compile(r";|\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b")
# (the name runs to the end of its line, a comma, a bar or a dot between parts)
_BY_WRITER = re.compile(r"\b[Bb]y\s+(?P<name>[A-Z][\w'.-]+(?:[ \t]+(?:[A-Z][\w'.-]+|de|da|van|von|bin)){1,3})[ \t]*(?:$|[,|\u00b7])", re.MULTILINE)
# A name with an initial and its dot ("Thomas R. Keel", "J. R. Smith").
_INITIALED = re.compile(r"\b[A-Z][a-z'-]+(?: [A-Z]\.)+ [A-Z][a-z'-]+\b|\b(?:[A-Z]\. ?)+[A-Z][a-z'-]+(?: [A-Z][a-z'-]+)?\b")
_BARE_INITIAL = re.compile(r"\b[A-Z]\b(?!\.)")  # an initial without its dot ("Thomas R Keel"): only then is the page searched
_LINE_BREAK_TAG = re.compile(r"<br\s*/?>|</?(?:p|div|li)\b[^>]*>", re.IGNORECASE)


def _byline(page: str, author: str | None) -> str | None:
    """Return a page's byline: trafilatura's author, unless it has none or read it wrong and the page's
    byline element names a writer after "by" (trafilatura may keep a date's month and lose the name:
    "Apr 5 2011 by Carys Whitfield, Western Mail" -> "Apr ; Western Mail")."""
    if (author and not _DAMAGED_AUTHOR.search(author)) or (element := _BYLINE_ELEMENT.search(page)) is None:
        # (the page's own spelling of the same name: trafilatura drops an initial's dot, "Thomas R Keel")
        if author and _BARE_INITIAL.search(author) and (spelt := next((m.group() for m in _INITIALED.finditer(page)
                                                                      if m.group().replace(".", "") == author), None)):
            return spelt
        return author
    lines = unescape(TAG.sub(" ", _LINE_BREAK_TAG.sub("\n", element.group(2))))
    if (m := _BY_WRITER.search(lines)) is None or (author and m.group("name").casefold() in author.casefold()):
        return author
    return m.group("name")


def _modified_days(html: str, pattern: re.Pattern) -> set[str]:
    """Return the days (ISO) a page's markup says it was last changed (``_MODIFIED_META``, or a server's
    ``_LAST_MODIFIED_META``)."""
    days = set()
    for m in pattern.finditer(html):
        value = m.group(m.lastgroup)
        if _ISO_DAY.match(value):
            days.add(value[:10])
        elif stated := next((d.date for d in find_dates(value) if d.date), None):
            days.add(stated.isoformat())
    return days


def _article_objects(html: str) -> Iterator[dict]:
    """Yield a page's JSON-LD objects of an article type ("NewsArticle", "ReportageNewsArticle",
    "BlogPosting"; not a video's or a related story's), in order."""
    for block in _JSON_LD.finditer(html):
        try:
            data = json.loads(block.group(1))
        except ValueError:
            continue
        for obj in _json_objects(data):
            kinds = obj.get("@type") if isinstance(obj.get("@type"), list) else [obj.get("@type")]
            if any(isinstance(k, str) and k.endswith(("Article", "BlogPosting")) for k in kinds):
                yield obj


def _article_published(html: str) -> str | None:
    """Return the day (ISO) a page's markup says its article was published: the ``datePublished`` of
    its JSON-LD article, else its meta ``article:published_time`` or ``datePublished``."""
    for obj in _article_objects(html):
        published = obj.get("datePublished")
        if isinstance(published, str) and (day := _ISO_DAY.match(published.strip())):
            return day.group()
    meta = _PUBLISHED_META.search(html)
    return meta.group(meta.lastgroup) if meta else None


def _article_provider(html: str) -> str | None:
    """Return the name of the ``provider`` a page's JSON-LD article names: an aggregator's copy (MSN's)
    names there the publication whose story it carries, its own name being the ``publisher``."""
    for obj in _article_objects(html):
        provider = obj.get("provider")
        name = provider.get("name") if isinstance(provider, dict) else provider
        if isinstance(name, str) and name.strip():
            return " ".join(unescape(name).split())
    return None


def _json_objects(data: object) -> list[dict]:
    """The objects of a parsed JSON-LD block, its ``@graph`` and nested lists included, in order."""
    if isinstance(data, dict):
        return [data] + [o for v in data.values() if isinstance(v, (dict, list)) for o in _json_objects(v)]
    if isinstance(data, list):
        return [o for v in data for o in _json_objects(v)]
    return []


# An element whose id or class says it shows the site's today ("todaydate", "current-date", "header-date").
_TODAY_ELEMENT = re.compile(r"""<(\w+)\b[^>]*\b(?:id|class)\s*=\s*["'][^"']*(?:today|current[-_]?date|header[-_]?date)[^"']*["'][^>]*>(.*?)</\1>""",
                            re.IGNORECASE | re.DOTALL)


_TODAY_WORDS = 6  # the most words of a "today" element's date ("Friday, 14 March 2025 | 10:15")


def _today_days(html: str) -> set[str]:
    """The days (ISO) a page's elements of its today show: a date alone (not a "today-news" box of stories)."""
    shown = (visible_text(m.group(2)) for m in _TODAY_ELEMENT.finditer(html))
    return {d.isoformat() for text in shown if len(text.split()) <= _TODAY_WORDS for d in _whole_dates(text)}


def _whole_dates(text: str) -> list[dt.date]:
    """The whole dates (day, month and year) a text states."""
    return [d.date for d in find_dates(text) if d.date and d.kind in _WHOLE_DATE_KINDS]


# The share of a page's paragraph words below which a fast extraction is taken to have lost the
# article's text, and the fewest words of a paragraph counted (shorter ones are menus, captions, buttons).
_KEPT_SHARE = 0.5
_PARAGRAPH_MIN_WORDS = 15
_PARAGRAPH_OPEN = re.compile(r"<p\b[^>]*>", re.IGNORECASE)
# Where a paragraph ends: its closing tag, or the next block's opening (HTML lets "</p>" go unwritten).
_PARAGRAPH_END = re.compile(r"</p\s*>|<(?:p|div|section|article|h[1-6]|ul|ol|li|table|footer|aside)\b", re.IGNORECASE)


def _paragraph_words(html: str) -> int:
    """Return the words of a page's paragraphs (``<p>`` elements, closed or not) of ``_PARAGRAPH_MIN_WORDS``
    words or more."""
    total = 0
    for m in _PARAGRAPH_OPEN.finditer(html):
        end = _PARAGRAPH_END.search(html, m.end())
        n = len(unescape(TAG.sub(" ", html[m.end(): end.start() if end else len(html)])).split())
        total += n if n >= _PARAGRAPH_MIN_WORDS else 0
    return total


# A date's label on a page ("Published Jan 12, 1999", "Posted: 05/23/2016"; not a date inside a headline).
_PUBLISHED_LABEL = re.compile(r"\b(?:published|posted|first\s+published|originally\s+published|created|date)\b\s*:?\s*(?:on\s+)?", re.IGNORECASE)
_LABEL_REACH = 40


def _labelled_dates(text: str) -> list[dt.date]:
    """Return the whole dates of ``text`` that a publication label introduces (:data:`_PUBLISHED_LABEL`)."""
    return [d for m in _PUBLISHED_LABEL.finditer(text) for d in _whole_dates(text[m.end(): m.end() + _LABEL_REACH])[:1]]


def _stamped(shown: str, day: str) -> bool:
    """Whether an archive's or a printer's stamp on a page's text gives the day ``day`` (ISO), written
    as the stamp writes it ("last updated: 08/14/2013", "Printed from ... on 03/02/2011")."""
    y, mo, d = (int(part) for part in day.split("-"))
    forms = {day, f"{mo:02d}/{d:02d}/{y}", f"{d:02d}/{mo:02d}/{y}", f"{mo}/{d}/{y}", f"{d}/{mo}/{y}", f"{d:02d}.{mo:02d}.{y}"}
    for stamp in _ARCHIVE_STAMP.finditer(shown):
        after = shown[stamp.end(): stamp.end() + _STAMP_REACH]
        if any(form in after for form in forms) or any(x.date and x.date.isoformat() == day for x in find_dates(after)):
            return True
    return False


def _page_title(html: str) -> tuple[str | None, int]:
    """Return a page's ``<title>`` as text (entities decoded, spaces collapsed) and the offset after it."""
    tag = _TITLE_TAG.search(html, 0, 200_000)
    return (" ".join(unescape(tag.group(1)).split()), tag.end()) if tag else (None, len(html))


def _headline_in_title(page: str, shown: str, full_title: str | None, title: str | None) -> tuple[str | None, str | None]:
    """Return the headline of a page whose ``<title>`` (``full_title``) trafilatura cut at the wrong
    separator ("The Hindu : International" of "The Hindu : International : Kazakh leader wins"), with
    the site's name at the title's other end: the longest other part of the title that the page
    (``page``, the HTML after the title; ``shown``, its visible text) also shows as text; so too when trafilatura kept the whole
    title and the page does not show it whole. Else trafilatura's ``title`` (kept as well when a
    ``<h1>`` shows it), and no site."""
    own = [p.strip() for p in _TITLE_PARTS.split(title or "")]
    if title and (shown_whole := _headline_shown(page, title, own)):
        return shown_whole
    if title and (other := _other_headline(page, shown, title, full_title)):
        return other, None
    if len(own) < 2 and title and full_title and (shorter := _site_part_chosen(shown, full_title, title)):
        return shorter
    if len(own) < 2 or not full_title:
        return title, None  # trafilatura chose one part of the title: its choice stands
    if any(title in visible_text(h.group(1)) for h in _H1.finditer(page)):
        return title, None  # "Kazakhstan votes - and nobody is surprised": a headline with a separator
    parts = [p.strip() for p in _TITLE_PARTS.split(full_title)]
    # trafilatura kept the whole <title> ("People's Daily Online -- Pro-presidential party wins ..."):
    # its parts compete, unless the page shows it whole (a headline with a separator in it)
    whole = title.strip() == full_title.strip() and _dashless(full_title) not in _dashless(shown)
    others = [p for p in parts if (p not in own or whole) and len(p.split()) >= 3 and p in shown]
    if whole and others:
        # the part left over must read as a site's name ("People's Daily Online"), not as the
        # headline's other half ("Tokayev wins - but turnout falls")
        rest = [p for p in parts if p != max(others, key=len)]
        if not all(_SITE_WORDS.fullmatch(p) for p in rest):
            return title, None
    if not others:
        return title, None
    best = max(others, key=len)
    site = parts[0] if best == parts[-1] else parts[-1] if best == parts[0] else None
    return best, site


def _headline_shown(page: str, title: str, own: list[str]) -> tuple[str, str | None] | None:
    """Return ``(headline, site)`` from the page's ``<h1>`` where trafilatura's ``title`` (its parts
    ``own``) is a social title cut short ("Party Cruises to Vote Win" of the headline "Party Cruises
    to Vote Win as Oil Rout Bites") or the headline and the site's name ("Kazakhstan frees 1,149 ...
    | Taiwan News"), else None."""
    for h1 in (visible_text(h.group(1)) for h in _H1.finditer(page)):
        shown, wanted = _APOSTROPHES.sub("'", h1), _APOSTROPHES.sub("'", title)
        # (the longer part: a logo in an <h1>, "Taiwan News", is the site's name)
        if len(own) == 2 and shown in own and len(shown.split()) > len(own[1 - own.index(shown)].split()):
            return h1, own[1 - own.index(shown)]
        if len(shown) > len(wanted) and shown.startswith(wanted + " "):
            return h1, None
    return None


def _other_headline(page: str, shown: str, title: str, full_title: str | None) -> str | None:
    """Return the page's one ``<h1>`` where it is another headline of the same story than the social
    or tab title (``og:title`` "Prosecutors: January unrest left 225 dead", ``<h1>`` "Kazakh
    prosecutors raise January death toll to 225": two words or more in common, or one where the
    page's date line follows the ``<h1>`` in ``shown``, its visible text): the headline a reader
    sees; else None. An ``<h1>`` of a few capitalised words is a logo, one that holds the title or is
    held by it the same headline, and one with nothing in common furniture."""
    found = [visible_text(h.group(1)) for h in _H1.finditer(page)]
    if len(found) != 1 or len(found[0].split()) < _HEADLINE_WORDS or _SITE_WORDS.fullmatch(found[0]):
        return None
    shown_h1 = _APOSTROPHES.sub("'", found[0]).casefold()
    if any(shown_h1 in _APOSTROPHES.sub("'", t).casefold() or _APOSTROPHES.sub("'", t).casefold() in shown_h1 for t in (title, full_title or title)):
        return None
    # (the same story told in other words, not a site's furniture: "Subscribe to our daily newsletter";
    # a word in common is enough for an <h1> the page's date line follows, as an article's headline)
    shared = {w[:_STEM] for w in _CONTENT_WORD.findall(shown_h1)} & {w[:_STEM] for w in _CONTENT_WORD.findall(title.casefold())}
    end = shown.find(found[0]) + len(found[0])  # (``shown`` has its spaces single, as ``found``)
    dated = end >= len(found[0]) and bool(_whole_dates(shown[end: end + _DATE_AFTER_H1]))
    return found[0] if len(shared) >= _SHARED_WORDS or (shared and dated) else None


def _site_part_chosen(shown: str, full_title: str, title: str) -> tuple[str, str] | None:
    """Return ``(headline, site)`` when trafilatura chose the site's part of a ``<title>``: a name
    of a few capitalised words ("Jordan Times" of "Jordan Times - Nazarbayev party sweeps ..."),
    while the page's visible text ``shown`` holds a longer part, or the title has only one."""
    parts = [p.strip() for p in TITLE_SEPARATOR.split(full_title)]
    if title.strip() not in parts or len(parts) < 2 or len(title.split()) > 4 or not _SITE_WORDS.fullmatch(title.strip()):
        return None
    others = [p for p in parts if p != title.strip() and len(p.split()) >= 4]
    # (the page shows the part it chose, or, where a logo in its <h1> was taken, the one long part)
    shown_others = [p for p in others if p in shown] or (others if len(others) == 1 else [])
    return (max(shown_others, key=len), title.strip()) if shown_others else None


def _dashless(text: str) -> str:
    """Text with its dashes as hyphens and its spaces single, for comparing a <title> with a page."""
    return " ".join(_DASHES.sub("-", text).split())


def _og_site_name(html: str, title: str | None) -> str | None:
    """Return the name a page's ``og:site_name`` gives the site ("The EastAfrican"; a JSON-LD
    "publisher" may name its parent company, "Nation Media Group"), unless it is the headline."""
    m = _OG_SITE_NAME.search(html, 0, _HEAD_REACH)
    name = " ".join(unescape(m.group(m.lastgroup)).split()) if m else ""
    return _site_part(name) if name and not (title and name.casefold() == title.strip().casefold()) else None


def _named_site(doc: dict) -> str | None:
    """trafilatura's site name, unless it is the headline (which it falls back to for a page whose
    ``<title>`` has more than one separator: "Headline | World | The Times")."""
    site, title = doc.get("sitename"), doc.get("title")
    return _site_part(site) if site and not (title and site.strip().casefold() == title.strip().casefold()) else None


def _site_part(site: str) -> str | None:
    """The name in a site's part of a title ("TIME Asia | January 25, 1999 Vol. 153 No. 3" is "TIME
    Asia"): its first part between bars that holds no year or issue number ("France 24" is a name)."""
    return next((p.strip() for p in site.split("|") if p.strip() and not _ISSUE.search(p)), None)


def _site_in_title(full: str | None, title: str | None) -> str | None:
    """Return the site's name that a page's ``<title>`` (``full``) adds to its headline ("Headline –
    Euractiv", "Euractiv | Headline"), when trafilatura found no site name."""
    if not (full and title):
        return None
    # What the title adds after the headline starts with a separator, and the site is its last part
    # ("Headline - Live updates - Euractiv"); what it adds before ends with one, and the site is its first.
    if full.startswith(title) and len(parts := TITLE_SEPARATOR.split(full[len(title):] + " ")) > 1 and not parts[0]:
        site = parts[-1]
    elif full.endswith(title) and len(parts := TITLE_SEPARATOR.split(" " + full[: -len(title)])) > 1 and not parts[-1]:
        site = parts[0]
    else:
        return None
    # (not a stamp that ends the title: "Iran Daily - World - 01/18/99")
    return site.strip() if 2 <= len(site.strip()) <= 50 and _LETTER.search(site) else None


def _read_jsonl(text: str, name: str, stem: str, encoding: str, fields: RecordFields) -> tuple[list[RawDocument], list[Problem]]:
    docs: list[RawDocument] = []
    problems: list[Problem] = []
    # Rows end at "\n" only: U+2028 or U+0085 may stand inside a JSON string.
    for line_no, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{name}:{line_no}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem(where, "malformed_row", f"not valid JSON ({exc.msg} at column {exc.colno}); row skipped"))
            continue
        except RecursionError:
            problems.append(Problem(where, "malformed_row", "JSON nested too deeply to read; row skipped"))
            continue
        read = _row_document(record if isinstance(record, dict) else {}, where, f"{stem}-{line_no}", line, encoding, "jsonl", fields)
        (docs if isinstance(read, RawDocument) else problems).append(read)
    return docs, problems


def _read_table(text: str, name: str, stem: str, encoding: str, fields: RecordFields) -> tuple[list[RawDocument], list[Problem]]:
    docs: list[RawDocument] = []
    problems: list[Problem] = []
    textless: list[Problem] = []
    for row in table_rows(text):
        where = f"{name}:{row.line}"
        if isinstance(row, MalformedRow):
            problems.append(Problem(where, "malformed_row", f"not a readable row ({row.detail}); row skipped, reading goes on from the next line"))
            continue
        read = _row_document(row.cells, where, f"{stem}-{row.line}", row.source, encoding, "csv", fields)
        (docs if isinstance(read, RawDocument) else textless).append(read)
    if textless and not docs:
        # A table of something else (a list of sources, a codebook): one word for the file, not one a row.
        textless = [Problem(name, "malformed_row", f"no row has article text under a known column ({_text_keys(fields)}, ...: "
                                                   "data/reference/record_fields.yaml; the first row names the columns); skipped")]
    return docs, problems + textless


_RESTATED_CHARS = 60  # a lead whose opening the body holds is the body's first paragraph again


def _plain(text: str) -> str:
    """A short field as text: its markup's visible text where it holds tags ("<b>Dozens</b> were held")."""
    return " ".join((visible_text(text) if TAG.search(text) else text).split())


def _restated(lead: str, body: str) -> bool:
    """Whether the body already holds the lead: its opening, white space aside; or every figure of
    it, as a summary of the story restates them ("Police detained more than 100 people", above a
    body that tells of the "more than 100")."""
    if " ".join(lead.split())[:_RESTATED_CHARS] in " ".join(body.split()):
        return True
    figures = _figures(lead)
    return bool(figures) and figures <= _figures(body)


def _figures(text: str) -> set[float | None]:
    """The numbers a text states, those of its dates left out ("On 21 May")."""
    dated = [(d.start, d.end) for d in find_dates(text)]
    return {parse_number(m.group()) for m in NUMBER.finditer(text) if not any(a <= m.start() < b for a, b in dated)}


def _text_keys(fields: RecordFields) -> str:
    """The first keys a row's text is looked for under, quoted, for a problem's message."""
    return ", ".join(f"'{k}'" for k in fields.text_keys()[:6])


def _row_document(record: dict, where: str, default_id: str, source: str, encoding: str, kind: str,
                  fields: RecordFields) -> RawDocument | Problem:
    """Read one exported record (a JSON Lines row, a table's row) into a document, or say why not."""
    found = fields.read(record)
    body = with_text_tables(_markup_as_text(found.get("text") or ""))
    if not body.strip():
        return Problem(where, "malformed_row", f"row has no article text under any known key ({_text_keys(fields)}, ...: "
                                               "data/reference/record_fields.yaml); row skipped")
    meta = {k: found[k] for k in META_FIELDS if k in found}
    if (lead := _plain(found.get("lead") or "")) and not _restated(lead, body):
        body = f"{lead}\n{body}"  # a standfirst the body does not repeat opens the text
    title = meta.get("title")
    full = f"{title}\n{body}" if title and not body.lstrip().startswith(title) else body
    raw = source.encode("utf-8", "surrogatepass")
    return RawDocument(found.get("id") or default_id, where, hashlib.sha256(raw).hexdigest(), encoding, kind, full, len(raw), meta)
