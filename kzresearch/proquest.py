"""Documents saved from a news database's record page in the ProQuest layout.

ProQuest (Canadian Newsstream, US Newsstream, International Newsstream and their kin) shows an
article as a record: the headline, a citation line, an abstract, the story under "Full Text",
then the record's indexing under "Details" (ProQuest support calls it "Indexing (details)":
https://support.proquest.com/articledetail?id=kA23r000000FV9vCAG)::

    Nazarbayev party sweeps Kazakh vote
    AGENCE FRANCE-PRESSE. The Gazette; Montreal, Que. [Montreal, Que]. 20 Aug 2007: A14.
    Abstract (summary)
    ...
    Full Text
    ...the story...
    Credit: AGENCE FRANCE-PRESSE
    Word count: 612
    Details
    Publication title: The Gazette; Montreal, Que.
    Publication date: Aug 20, 2007
    ProQuest document ID: 434587201
    Last updated: 2023-11-20

The indexing says what a reader of the record knows: the publication, its date, the author and
the agency credited. :func:`read_proquest` returns them as a document's metadata, and the story
alone (headline first) as its text, so that the database's menus, the abstract (the story's own
sentences again) and the record's dates ("Last updated") never reach cleaning or claims.
"""
from __future__ import annotations

import re

from kzresearch.dates import find_dates

# "Publication title: The Gazette; Montreal, Que."
_FIELD = re.compile(r"^\s*(?P<label>[A-Z][A-Za-z ()]{2,40}?):\s*(?P<value>\S(?:.*\S)?)\s*$")
# Labels only a record's indexing has: two of them under "Details" make the layout.
_INDEX_LABELS = frozenset({"publication title", "publication date", "proquest document id", "document url",
                           "source type", "document type", "publisher", "database", "first page", "place of publication"})
_MIN_INDEX_LABELS = 2
# Lines that end the story: the record's credits and counts after it.
_HEADING = re.compile(r"^\s*Full [Tt]ext\s*$")
_DETAILS = re.compile(r"^\s*(?:Details|Indexing \(details\))\s*$")
# ("Credit Suisse analysts said ..." is the story's: a label has its colon)
_STORY_END = re.compile(rf"^\s*(?:Credit|Illustration|Word count|Copyright|Author|Caption):|{_DETAILS.pattern}")


def read_proquest(text: str) -> tuple[str, dict] | None:
    """Return ``(story, metadata)`` of a record page in the ProQuest layout, or None for any other text.

    Parameters
    ----------
    text : str
        The decoded document.

    Returns
    -------
    (str, dict) or None
        The headline and the story's lines, and ``title``, ``outlet``, ``published`` (ISO date),
        ``byline`` and ``wire`` where the record states them.

    Examples
    --------
    >>> page = ("Menu\\nRally in Almaty\\nJ. Smith. The Gazette; Montreal, Que. 2 May 2016: A1.\\nFull Text\\n"
    ...         "Police came.\\nCredit: Reuters\\nDetails\\nPublication title: The Gazette; Montreal, Que.\\n"
    ...         "Publication date: May 2, 2016\\nLast updated: 2023-11-20")
    >>> story, meta = read_proquest(page)
    >>> story, meta["outlet"], meta["published"], meta["byline"], meta["wire"]
    ('Rally in Almaty\\nPolice came.', 'The Gazette', '2016-05-02', 'J. Smith', 'Reuters')
    """
    lines = text.split("\n")
    full = next((i for i, line in enumerate(lines) if _HEADING.match(line)), None)
    details = next((i for i, line in enumerate(lines) if full is not None and i > full and _DETAILS.match(line)), None)
    if full is None or details is None:
        return None
    fields: dict[str, str] = {}
    for line in lines[details + 1:]:
        if m := _FIELD.match(line):
            fields.setdefault(m.group("label").lower(), m.group("value"))
    if len(_INDEX_LABELS & fields.keys()) < _MIN_INDEX_LABELS:
        return None
    end = next((i for i in range(full + 1, details) if _STORY_END.match(lines[i])), details)
    story = lines[full + 1: end]
    credits = {m.group("label").lower(): m.group("value") for line in reversed(lines[end:details]) if (m := _FIELD.match(line))}
    publication = fields.get("publication title", "")
    outlet = publication.split(";")[0].strip()
    title, author = fields.get("title"), fields.get("author") or credits.get("author")
    # The citation line names the publication after the author: "AUTHOR. The Gazette; Montreal ...".
    citation = next((i for i, line in enumerate(lines[:full]) if outlet and line.find(f". {outlet}") > 0), None)
    if citation is not None:
        author = author or lines[citation][: lines[citation].find(f". {outlet}")].strip()
        title = title or next((line.strip() for line in reversed(lines[:citation]) if line.strip()), None)
    published = next((d.date.isoformat() for d in find_dates(fields.get("publication date", "")) if d.kind == "full"), None)
    meta = {"title": title, "outlet": outlet or None, "published": published, "byline": author, "wire": credits.get("credit")}
    story_text = "\n".join(story).strip()
    return "\n".join(x for x in (title, story_text) if x), {k: v for k, v in meta.items() if v}
