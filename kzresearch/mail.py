"""Documents saved from an e-mail: a newsletter or an agency's alert kept with its headers.

A message saved as text (Outlook's or Thunderbird's "Save as", an ``.eml`` file renamed) opens
with its header block (``From:``, ``Subject:``, ``Date:``, ``Content-Transfer-Encoding:``) and
carries its body in the transfer encoding the header names: quoted-printable ("=E2=80=99" for a
curly apostrophe, "=" ending a line that goes on) or base64 (RFC 2045,
https://www.rfc-editor.org/rfc/rfc2045). :func:`read_mail` decodes it with the standard library's
:mod:`email` parser, so that neither the headers nor the encoding reach cleaning or claims, and
returns the subject as the title and the sending date as the publication date.
"""
from __future__ import annotations

import email
import email.policy
import email.utils
import re

# The header block opening a saved message: a sender or a subject among its first lines, then a date
# or a content header (not a forwarded quote's "From: X" inside a story).
_HEADER = re.compile(r"(?P<name>From|To|Cc|Subject|Date|Sent|MIME-Version|Content-Type|Content-Transfer-Encoding|Message-ID|"
                     r"Return-Path|Received|Reply-To)\s*:", re.IGNORECASE)
_HEADER_LINES = 4  # the fewest header lines at the top of the text that make it a message
_MIME_HEADERS = frozenset({"mime-version", "content-type", "content-transfer-encoding"})


def read_mail(text: str) -> tuple[str, dict] | None:
    """Return ``(body, metadata)`` of a message saved with its MIME headers, or None for any other text.

    Parameters
    ----------
    text : str
        The decoded document.

    Returns
    -------
    (str, dict) or None
        The subject and the body's text (its plain-text part, decoded from its transfer encoding),
        and ``title`` and ``published`` (ISO date) where the headers state them.

    Examples
    --------
    >>> message = ("From: Steppe Daily <news@steppe.example>\\nSubject: Kazakh ruling party keeps its grip\\n"
    ...            "Date: Tue, 21 Mar 2023 06:04:37 -0400\\nMIME-Version: 1.0\\n"
    ...            "Content-Type: text/plain; charset=utf-8\\nContent-Transfer-Encoding: quoted-printable\\n\\n"
    ...            "Amanat won 53.9 per=\\ncent, Kazakhstan=E2=80=99s election commission said.=20\\n")
    >>> read_mail(message)
    ('Kazakh ruling party keeps its grip\\nAmanat won 53.9 percent, Kazakhstan’s election commission said.', {'title': 'Kazakh ruling party keeps its grip', 'published': '2023-03-21'})
    """
    head = text.lstrip("\ufeff").split("\n\n", 1)[0].split("\n")
    names = [m.group("name").lower() for line in head if (m := _HEADER.match(line))]
    # (a MIME header says the body is encoded as a message's: a letter's "From:" and "Subject:" alone do not)
    if len(names) < _HEADER_LINES or not _MIME_HEADERS & set(names) or not _HEADER.match(head[0]):
        return None
    message = email.message_from_string(text.lstrip("\ufeff"), policy=email.policy.default)
    part = message.get_body(preferencelist=("plain",))
    if part is None:
        return None
    body = part.get_content().replace("\r\n", "\n").strip()
    meta = {}
    if subject := " ".join(str(message.get("subject") or "").split()):
        meta["title"] = subject
    if (date := message.get("date")) and (sent := email.utils.parsedate_to_datetime(str(date))) is not None:
        meta["published"] = sent.date().isoformat()
    return (f"{subject}\n{body}" if subject else body), meta
