"""Markup as a browser shows it: the tags, scripts and styles of an HTML fragment left out.

Read by :mod:`kzresearch.reading` (a page's title, headline and dates) and :mod:`kzresearch.results_tables`
(a table's cells).
"""
from __future__ import annotations

import re
from html import unescape

# A tag: "<" and a letter, "!" or "/" (not "turnout < 50%").
TAG = re.compile(r"<[A-Za-z!/][^>]*>")
HIDDEN_ELEMENT = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def visible_text(markup: str) -> str:
    """Return the text a browser shows of ``markup``: no scripts, styles or tags, entities decoded, spaces single.

    Examples
    --------
    >>> visible_text("<p>Nur Otan &amp; <b>Ak Zhol</b></p><script>var x = 1;</script> won")
    'Nur Otan & Ak Zhol won'
    """
    return " ".join(unescape(TAG.sub(" ", HIDDEN_ELEMENT.sub(" ", markup))).split())
