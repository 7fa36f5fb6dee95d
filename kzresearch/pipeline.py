"""The per-document work: one raw document in, its rows of every table out.

:func:`process_document` is a pure function of the raw document, the collector's record and the
reference tables. The local engine, the worker processes of ``--jobs N`` and the Dask engine all
call it, so every engine writes the same rows; the per-document cache stores its result.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kzresearch import claims
from kzresearch.claims.context import elections_of
from kzresearch.cleaning import classify_lines
from kzresearch.dates import find_dates, resolve_month_day
from kzresearch.election_inference import election_words, infer_election
from kzresearch.entities import matcher_for
from kzresearch.metadata import (
    Published,
    canonical_outlet,
    credited_byline,
    credited_outlet,
    dateline_published,
    header_month_day,
    infer_byline_and_wire,
    infer_outlet,
    infer_published,
    parse_published,
    platform_outlets,
    row_agencies,
    wire_services,
)
from kzresearch.quotes import find_quotes
from kzresearch.reading import ROW_FORMATS, RawDocument
from kzresearch.reference import Reference, agency_index
from kzresearch.textnorm import sentence_spans
from kzresearch.textreuse import minhash

TABLES = ("documents", "lines", "mentions", "tallies", "results", "quotes")


@dataclass
class DocResult:
    """The rows one document contributes to each table."""

    documents: list[dict] = field(default_factory=list)
    lines: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    tallies: list[dict] = field(default_factory=list)
    results: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)


def process_document(raw: RawDocument, ref: Reference, record: dict | None = None) -> DocResult:
    """Clean one document, infer its metadata and extract its mentions, claims and quotes.

    Parameters
    ----------
    raw : RawDocument
        The document as read.
    ref : Reference
        Reference tables.
    record : dict, optional
        What the collector recorded for the file (manifest columns ``outlet``, ``url``,
        ``published``, ``notes``); fields the document itself carried (JSON Lines, HTML) fill gaps.

    Returns
    -------
    DocResult
        Rows for documents, lines, mentions, tallies, results and quotes.
    """
    record = {k: v for k, v in (record or {}).items() if v}
    problems: list[str] = []
    clean = classify_lines(raw.text, ref, given_title=raw.meta.get("title"))
    text = clean.text
    if not text.strip():
        problems.append("no article text left after cleaning")

    mentions = matcher_for(ref).find(text)
    dates = find_dates(text)
    sentences = sentence_spans(text)

    outlet, outlet_source, outlet_evidence = None, "unknown", ""
    url = record.get("url") or raw.meta.get("url")
    if record.get("outlet"):
        outlet, outlet_source, outlet_evidence = record["outlet"], "manifest", "collection record"
    elif raw.meta.get("outlet"):
        outlet, outlet_source = canonical_outlet(raw.meta["outlet"], ref, raw.text, url), "manifest" if raw.fmt in ROW_FORMATS else "metadata"
        outlet_evidence = f"{raw.fmt} metadata" + (f" {raw.meta['outlet']!r}" if outlet != raw.meta["outlet"] else "")
    else:
        outlet, outlet_evidence = infer_outlet(clean.lines, ref, url=url)
        outlet_source = "signature" if outlet else "unknown"

    # A date the record, the page's metadata or the dateline states wins over inference, and it
    # also tells which election the article is about.
    if stated := parse_published(record.get("published")):
        stated = Published(stated.value, stated.precision, "collection record")
    elif stated := parse_published(raw.meta.get("published")):
        stated = Published(stated.value, stated.precision, f"{raw.fmt} metadata")
    else:
        stated = dateline_published(clean.lines, election_days=[day for day, _, _ in elections_of(ref).ordered])
        if stated is None and (shown := parse_published(raw.meta.get("page_date"))):
            stated = Published(shown.value, shown.precision, f"{raw.fmt} text (htmldate)")
    guess = infer_election(
        text, ref, dates=dates, mentions=mentions, published=stated.day if stated else None, title=clean.title, sentences=sentences
    )
    # (an article about unrest that recalls a vote dates and assigns its figures by that vote)
    context_election = guess.election_id or guess.recalled
    election_date = ref.election(context_election)["date"] if context_election else None
    if stated is None and election_date is not None and (month_day := header_month_day(clean.lines)) is not None \
            and (day := resolve_month_day(month_day.month, month_day.day, election_date)) is not None:
        stated = Published(day.isoformat(), "day", f"date line states {month_day.surface!r}, the year of the {election_date} election")
    published = stated or infer_published(text, dates, election_date=election_date, sentences=sentences,
                                          election_words=election_words(ref))

    byline, wire = infer_byline_and_wire(clean.lines, agency_index(ref), wire_services(ref))
    if not byline:
        byline, credited = credited_byline(raw.meta.get("byline"), agency_index(ref), outlet, ref.is_place)
        wire = list(dict.fromkeys(wire + credited))
    wire = list(dict.fromkeys(wire + row_agencies(raw.meta.get("wire"), agency_index(ref), ref.is_place)))
    # (a platform's copy of another publication's story is that publication's: "Yahoo News" carrying AFP)
    if outlet and outlet_evidence != "collection record" and canonical_outlet(outlet, ref) in platform_outlets(ref) \
            and (credited := credited_outlet(clean.lines, ref, outlet, wire, raw.meta.get("provider"))) is not None:
        outlet, outlet_evidence = credited
    if byline and outlet and byline.casefold().removeprefix("the ") == outlet.casefold().removeprefix("the "):
        byline = None  # "By Steppe Today" on Steppe Today's page: the site, no writer
    doc_id = raw.doc_id
    context = claims.DocContext(
        doc_id=doc_id, election_id=context_election, published=published.day or election_date, mentions=mentions,
        title=clean.title, sentences=sentences, outlet=outlet,
    )
    result = DocResult()
    result.documents.append(
        {
            "doc_id": doc_id,
            "file": raw.file,
            "sha256": raw.sha256,
            "encoding": raw.encoding,
            "format": raw.fmt,
            "outlet": outlet,
            "outlet_source": outlet_source,
            "outlet_evidence": outlet_evidence,
            "title": clean.title,
            "title_rule": clean.title_rule,
            "byline": byline,
            "wire": wire,
            "url": url,
            "published": published.value,
            "published_precision": published.precision,
            "published_evidence": published.evidence,
            "election_id": guess.election_id,
            "election_evidence": guess.evidence,
            "text": text,
            "n_chars_raw": len(raw.text),
            "n_chars_clean": len(text),
            "problems": problems,
            "minhash": minhash(text),  # an array: cached, pickled and written to Arrow as one block
        }
    )
    result.lines = [
        {"doc_id": doc_id, "line_no": line.line_no, "raw_line": line.raw_line, "text": line.text, "role": line.role,
         "rule": line.rule, "start": line.start, "end": line.end}
        for line in clean.lines
    ]
    result.mentions = [{"doc_id": doc_id, **m} for m in mentions]
    result.tallies = claims.extract_tallies(text, context, ref)
    result.results = claims.extract_results(text, context, ref)
    result.quotes = [{"doc_id": doc_id, **q} for q in find_quotes(text, mentions, ref.lexicon, sentences=sentences)]
    return result
