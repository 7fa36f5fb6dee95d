"""Documents saved as subtitles: a broadcast's report in SubRip (``.srt``) or WebVTT cues, saved as text.

A subtitle file cuts a report's sentences into numbered cues, each with its time on screen::

    2
    00:00:03,400 --> 00:00:07,900
    A state of emergency is now in force
    in the western Kazakh town of Zhanaozen,

(SubRip's layout, https://en.wikipedia.org/wiki/SubRip; WebVTT writes the times with dots after a
``WEBVTT`` line, https://www.w3.org/TR/webvtt1/). :func:`read_subtitles` joins the cues' lines into the
report's running text, so that sentences cut across cues reach claims whole; an on-screen caption in
brackets ("[CAPTION: DEADLY CLASHES IN KAZAKH OIL TOWN]") stays a line of its own.
"""
from __future__ import annotations

import re

# A cue's time on screen ("00:00:03,400 --> 00:00:07,900", WebVTT's "00:03.400 --> 00:07.900").
_TIMING = re.compile(r"^\s*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}\s+-->\s+(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}\b.*$")
_CUE_NUMBER = re.compile(r"^\s*\d+\s*$")
_BRACKETED = re.compile(r"^\s*\[[^\]]*\]\s*$")
_MIN_CUES = 3  # the fewest timings that make a text a subtitle file


def read_subtitles(text: str) -> tuple[str, dict] | None:
    """Return ``(text, metadata)`` of a subtitle file's cues joined as running text, or None for any other text.

    Parameters
    ----------
    text : str
        The decoded document.

    Returns
    -------
    (str, dict) or None
        The cues' text, a bracketed caption on a line of its own, and no metadata (a subtitle file
        states none).

    Examples
    --------
    >>> cues = ("1\\n00:00:00,000 --> 00:00:03,200\\n[CAPTION: CLASHES IN OIL TOWN]\\n\\n2\\n00:00:03,400 --> 00:00:07,900\\n"
    ...         "Police said ten people\\nwere killed\\n\\n3\\n00:00:08,000 --> 00:00:12,600\\nin the town on Friday.\\n")
    >>> read_subtitles(cues)
    ('[CAPTION: CLASHES IN OIL TOWN]\\nPolice said ten people were killed in the town on Friday.', {})
    """
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    if sum(bool(_TIMING.match(line)) for line in lines) < _MIN_CUES:
        return None
    paragraphs: list[str] = []
    running: list[str] = []
    for line in lines:
        if not line.strip() or _TIMING.match(line) or _CUE_NUMBER.match(line) or line.strip() == "WEBVTT":
            continue
        if _BRACKETED.match(line):
            if running:
                paragraphs.append(" ".join(running))
                running = []
            paragraphs.append(line.strip())
        else:
            running.append(line.strip())
    if running:
        paragraphs.append(" ".join(running))
    return "\n".join(paragraphs), {}
