"""Documents exported from Factiva in its layout of tagged fields.

Factiva shows and exports an article with each of its fields behind a tag of two or three
capitals, its "Intelligent Indexing" fields (the tags are listed by ProQuest's support,
https://support.proquest.com/articledetail?id=kA23r000000FVF1CAO, and by Kai Chen's notes on
parsing them, https://www.kaichen.work/?p=539)::

    HD    Police detain dozens at Almaty rally
    BY    By Jane Smith
    CR    Associated Press
    WC    412 words
    PD    11 January 2021
    SN    The Plain Dealer
    SC    CLEV
    LA    English
    CY    (c) 2021 The Plain Dealer. All rights reserved.
    LP    ALMATY -- Police detained ...
          The rally ...
    TD    Organisers said ...
    AN    Document CLEV000020210111eh1b0000f

The tags say what a reader of the record knows: the headline (HD), the author (BY), the agency
credited (CR), the date (PD) and the publication (SN). :func:`read_factiva` returns them as a
document's metadata, and the story alone (the headline, the lead paragraphs LP and the text TD) as
its text, so that word counts, codes and indexing never reach cleaning or claims.
"""
from __future__ import annotations

import re

from kzresearch.dates import find_dates

# A field's tag at the start of a line, then its value after spaces or a tab ("HD    ...", "TD\t...").
_TAGS = ("HD", "BY", "CR", "WC", "PD", "ET", "SN", "SC", "ED", "PG", "VOL", "LA", "CY", "LP", "TD", "CT", "RF",
         "CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN", "SE", "CLM", "ART", "CX", "DE")
_FIELD = re.compile(rf"^(?P<tag>{'|'.join(_TAGS)})(?:[ \t]{{2,}}|\t)(?P<value>\S.*)$|^(?P<bare>LP|TD)\s*$")
# A record has its headline, its story and at least two of these: the tags of the record's indexing.
_INDEX_TAGS = frozenset({"WC", "PD", "SN", "SC", "LA", "CY", "AN", "PUB", "NS", "RE", "IN", "ED", "PG"})
_MIN_INDEX_TAGS = 2
_STORY_TAGS = ("LP", "TD")


def read_factiva(text: str) -> tuple[str, dict] | None:
    """Return ``(story, metadata)`` of one record in Factiva's tagged layout, or None for any other text.

    A file of several records (more than one headline tag) is left to be read as plain text.

    Parameters
    ----------
    text : str
        The decoded document.

    Returns
    -------
    (str, dict) or None
        The headline and the story's paragraphs, and ``title``, ``byline``, ``wire``, ``published``
        (ISO date) and ``outlet`` where the record states them.

    Examples
    --------
    >>> record = ("HD    Police detain dozens at Almaty rally\\nBY    By Jane Smith\\nWC    412 words\\n"
    ...           "PD    11 January 2021\\nSN    The Plain Dealer\\nLP    Police detained 40 people.\\n\\n"
    ...           "      Most were released.\\nTD    Organisers said 300 came.\\nAN    Document CLEV0000")
    >>> story, meta = read_factiva(record)
    >>> print(story)
    Police detain dozens at Almaty rally
    Police detained 40 people.
    <BLANKLINE>
    Most were released.
    Organisers said 300 came.
    >>> meta["outlet"], meta["published"], meta["byline"]
    ('The Plain Dealer', '2021-01-11', 'By Jane Smith')
    """
    fields: dict[str, list[str]] = {}
    current: str | None = None
    for line in text.split("\n"):
        if m := _FIELD.match(line):
            current = m.group("tag") or m.group("bare")
            fields.setdefault(current, []).append(m.group("value") or "")
        elif current is not None:
            fields[current].append(line.strip())  # a field's next line, indented under its value
    if len(fields.get("HD", [])) != 1 or not any(tag in fields for tag in _STORY_TAGS) \
            or len(_INDEX_TAGS & fields.keys()) < _MIN_INDEX_TAGS:
        return None
    title = fields["HD"][0].strip()
    paragraphs = "\n".join(line for tag in _STORY_TAGS for line in fields.get(tag, [])).strip()
    published = next((d.date.isoformat() for d in find_dates(_value(fields, "PD")) if d.kind == "full"), None)
    meta = {"title": title, "byline": _value(fields, "BY"), "wire": _value(fields, "CR"), "published": published,
            "outlet": _value(fields, "SN")}
    return f"{title}\n{paragraphs}", {k: v for k, v in meta.items() if v}


def _value(fields: dict[str, list[str]], tag: str) -> str:
    """Return a short field's value (its first line)."""
    return fields.get(tag, [""])[0].strip()
