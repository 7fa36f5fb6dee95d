"""Documents exported from a news database in the Nexis text layout.

LexisNexis (Nexis Uni, Nexis) and similar archives export an article as plain text with a header
of labelled fields before the story and a few after it::

                       7 of 23 DOCUMENTS
                Copyright 2011 Agence France Presse
                       All Rights Reserved
                Agence France Presse -- English
                 April 4, 2011 Monday 11:52 AM GMT
    SECTION: POLITICS
    LENGTH: 662 words
    HEADLINE: Kazakh strongman takes 95.5 percent in vote
    BYLINE: Claire Dumont
    DATELINE: ALMATY, April 4 2011
    BODY:
    ...the story...
    LOAD-DATE: April 5, 2011
    LANGUAGE: ENGLISH

The header says what a reader of the printout knows: the publication, the date, the headline
and the author. :func:`read_nexis` returns them as a document's metadata, and the story alone
(headline first) as its text, so that the labels never reach cleaning or claims.
"""
from __future__ import annotations

import re

from kzresearch.dates import find_dates

# A document is in the layout when its header holds a headline and the start of the story.
_HEADER_LINES = 40
# "HEADLINE: ...", and Nexis Uni's "Byline: ...", "Load-Date: ..." and a bare "Body" line.
_FIELD = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z-]{2,20})(?::\s?(?P<value>.*)|\s*$)$")
# Fields only a database export has: with one of them, "HEADLINE:" and "BODY:" are no memo's.
_EXPORT_FIELDS = frozenset({"LENGTH", "LOAD-DATE", "SECTION", "BYLINE", "DATELINE", "LANGUAGE", "PUBLICATION-TYPE"})
# "7 of 23 DOCUMENTS", and a printout's "Page 1 of 2" or "Page 1".
_DOCUMENT_COUNTER = re.compile(r"^\s*(?:\d+\s+of\s+\d+\s+DOCUMENTS?|Page\s+\d+(?:\s+of\s+\d+)?)\s*$", re.IGNORECASE)
_RIGHTS = re.compile(r"^\s*(?:copyright\b|©|all rights reserved)", re.IGNORECASE)
# "Agence France Presse -- English", "The Guardian (London) - Final Edition", "dpa International
# Service in English": the edition goes.
_EDITION = re.compile(r"(?:\s+(?:International\s+)?(?:Service\s+)?in\s+English)?(?:\s*\([^)]*\))?(?:\s+(?:--|-|\u2013|\u2014)\s+.*)?$")
# Fields that follow the story: the story ends at the first of them.
_TRAILER = frozenset({"LOAD-DATE", "LANGUAGE", "PUBLICATION-TYPE", "GRAPHIC", "DOCUMENT-TYPE", "JOURNAL-CODE", "NOTES"})


def _labelled(line: str) -> bool:
    """Whether a header line is a field ("SECTION: ...", "Body"), not the publication or its date."""
    m = _FIELD.match(line)
    return m is not None and (m.group("value") is not None or m.group("label").upper() == "BODY")


def read_nexis(text: str) -> tuple[str, dict] | None:
    """Return ``(story, metadata)`` of a document in the Nexis layout, or None for any other text.

    Parameters
    ----------
    text : str
        The decoded document.

    Returns
    -------
    (str, dict) or None
        The headline and the story's lines, and ``title``, ``byline``, ``published`` (ISO date),
        ``outlet`` where the header states them.

    Examples
    --------
    >>> story, meta = read_nexis("1 of 2 DOCUMENTS\\nThe Times\\nMay 2, 2016 Monday\\nHEADLINE: Rally\\nBODY:\\nPolice came.\\nLOAD-DATE: May 3, 2016")
    >>> story, meta["outlet"], meta["published"]
    ('Rally\\nPolice came.', 'The Times', '2016-05-02')
    """
    lines = text.split("\n")
    fields: dict[str, str] = {}
    body_at = None
    for i, line in enumerate(lines[:_HEADER_LINES]):
        if (m := _FIELD.match(line)) is not None:
            label = m.group("label").upper()
            if label == "BODY":
                body_at = i + 1
                break
            if m.group("value") is not None:
                fields.setdefault(label, m.group("value").strip())
    counter = any(_DOCUMENT_COUNTER.match(line) for line in lines[:_HEADER_LINES])
    if body_at is None or not fields.get("HEADLINE") or not (counter or _EXPORT_FIELDS & fields.keys()):
        return None
    story = []
    for line in lines[body_at:]:
        if (m := _FIELD.match(line)) is not None and m.group("label").upper() in _TRAILER and m.group("value") is not None:
            break
        story.append(line)
    meta = {"title": fields["HEADLINE"], "byline": fields.get("BYLINE")}
    # Above the fields: the counter, the rights notice, the publication and its date line.
    top = [line.strip() for line in lines[:body_at] if line.strip() and not _labelled(line)]
    top = [line for line in top if not _DOCUMENT_COUNTER.match(line) and not _RIGHTS.match(line)]
    # The publication's date line: "April 4, 2011 Monday 11:52 AM GMT", "4 April 2011 Monday".
    days = [[d.date for d in find_dates(line) if d.kind == "full"] for line in top]
    dated = next((i for i, found in enumerate(days) if found), None)
    if dated is not None:
        meta["published"] = days[dated][0].isoformat()
    if top and dated != 0:
        meta["outlet"] = _EDITION.sub("", top[0], count=1).strip() or None
    return "\n".join([fields["HEADLINE"], *story]).strip(), {k: v for k, v in meta.items() if v}
