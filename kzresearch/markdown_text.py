"""Documents saved as Markdown: a read-later app's note, a scraper's Markdown output, saved as text.

Read-later apps and note tools (Obsidian, Pocket, Omnivore exports) and web scrapers that convert
pages to Markdown save an article with its links and images in Markdown syntax
(https://spec.commonmark.org/), often under a YAML front matter block of its fields::

    ---
    title: "Kazakhstan's land protests end in mass detentions"
    url: https://www.example.org/kazakhstan-land-protests/
    site_name: Example Story
    author: "A. Writer"
    saved: 2021-03-14T22:41:07Z
    ---

    # Kazakhstan's land protests end in mass detentions

    By [A. Writer](https://www.example.org/author/a-writer/) · May 25, 2016

:func:`read_markdown` reads the front matter's fields with the keys of JSON Lines rows
(``data/reference/record_fields.yaml``: a ``saved`` time is the app's, not the article's) and turns
the Markdown into the plain lines cleaning reads: a link becomes its text, an image its caption,
a heading its words; emphasis in asterisks or double underscores and quoting marks go.
"""
from __future__ import annotations

import datetime as dt
import re

import yaml

from kzresearch.records import META_FIELDS, RecordFields, bundled_fields

_FENCE = re.compile(r"(?:---|\.\.\.)[ \t]*")
_FRONT_MATTER_LINES = 100  # the most lines a front matter block runs to
_FIELD_LINE = re.compile(r"(\w[\w -]{0,40}):[ \t]+(.+?)\s*$")
_MARKUP_LINKS = 3  # the fewest links or images that make a text without front matter Markdown
# (an address may hold brackets of its own: "https://en.wikipedia.org/wiki/Amanat_(party)")
_TARGET = r"\((?:[^()\n]|\([^()\n]*\))*\)"
_LINK_OR_IMAGE = re.compile(r"!?\[[^\]\n]*\]\((?:https?://|/|#)(?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)")
_IMAGE = re.compile(rf"!\[([^\]\n]*)\]{_TARGET}")
_LINK = re.compile(rf"\[([^\]\n]*)\]{_TARGET}|\[([^\]\n]+)\]\[[^\]\n]*\]")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s+\S+.*$", re.MULTILINE)
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_TITLE_HEADING = re.compile(r"^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$", re.MULTILINE)
_QUOTE_MARK = re.compile(r"^ {0,3}>[ \t]?", re.MULTILINE)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")


def read_markdown(text: str, fields: RecordFields | None = None) -> tuple[str, dict] | None:
    """Return ``(text, metadata)`` of a document in Markdown, or None for any other text.

    Parameters
    ----------
    text : str
        The decoded document.
    fields : RecordFields, optional
        The keys of a record's fields, for the front matter's (default: the bundled
        ``record_fields.yaml``, read only for a text with front matter).

    Returns
    -------
    (str, dict) or None
        The text as plain lines, and the title, url, outlet, publication date, byline and agencies
        its front matter states (the title, where it states none, is the first heading of the first
        level). A text is Markdown when it opens with a front matter block stating one of those
        fields or holds at least three Markdown links or images.

    Examples
    --------
    >>> fields = RecordFields({"title": ["title"], "url": ["url"], "urls": ["url"], "byline": ["author"]})
    >>> note = ('---\\ntitle: "Vote held"\\nurl: https://example.org/a\\nauthor: A. Writer\\n---\\n# Vote held\\n\\n'
    ...         'Police **detained** [30 people](https://example.org/b) in Almaty.\\n')
    >>> read_markdown(note, fields)
    ('Vote held\\n\\nPolice detained 30 people in Almaty.\\n', {'title': 'Vote held', 'url': 'https://example.org/a', 'byline': 'A. Writer'})
    >>> read_markdown("Police detained [30 people](https://example.org/b) in Almaty.", fields) is None
    True
    """
    text = text.lstrip("\ufeff")
    front, body = _front_matter(text)
    found = (fields or bundled_fields()).read(front) if front else {}
    meta = {k: found[k] for k in META_FIELDS if k in found}
    if not meta:
        body = text  # no front matter, or a block of no field's ("---\nALMATY: Police said ...\n---"): text
        if len(_LINK_OR_IMAGE.findall(text)) < _MARKUP_LINKS:
            return None
    if "title" not in meta and (first := _TITLE_HEADING.search(body)):
        meta["title"] = plain_text(first.group(1))  # the one heading of the first level is the headline
    return plain_text(body), meta


def _front_matter(text: str) -> tuple[dict | None, str]:
    """Split a YAML front matter block of fields (a mapping) from the text after it."""
    lines = text.split("\n", _FRONT_MATTER_LINES + 1)
    if not lines or lines[0].rstrip() != "---":
        return None, text
    end = next((i for i, line in enumerate(lines[1:_FRONT_MATTER_LINES + 1], start=1) if _FENCE.fullmatch(line.rstrip("\r"))), None)
    if end is None:
        return None, text
    block = lines[1:end]
    try:
        front = yaml.safe_load("\n".join(block))
    except yaml.YAMLError:
        # ("title: Kazakhstan: 164 killed", a colon left unquoted, as note apps write it): key and value a line
        front = dict(m.groups() for line in block if (m := _FIELD_LINE.match(line))) or None
    if not isinstance(front, dict):
        return None, text  # a text that opens with a rule, not fields
    # YAML reads an unquoted time as a datetime; records' fields are read from text
    front = {str(k): v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v for k, v in front.items()}
    return front, "\n".join(lines[end + 1:])


def plain_text(markdown: str) -> str:
    """Return Markdown as plain lines: links as their text, images as their captions, headings as
    their words, without emphasis, quoting marks, rules and link definitions.

    Examples
    --------
    >>> plain_text("## Results\\n![Voters queue in Bern](https://x.org/a.jpg)\\n> *Turnout* was **95.22** percent, [CEC](/cec) said.")
    'Results\\nVoters queue in Bern\\nTurnout was 95.22 percent, CEC said.'
    """
    text = _LINK_DEFINITION.sub("", markdown)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), text)
    text = _HEADING.sub(r"\1", text)
    text = _RULE.sub("", text)
    text = _QUOTE_MARK.sub("", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\1", text)
    return _ESCAPE.sub(r"\1", text)
