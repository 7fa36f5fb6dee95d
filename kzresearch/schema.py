"""The tables' schemas: the contract between the package, the notebooks and the user.

Each column has an Arrow type and a one-line description; ``docs/data_dictionary.md`` is
generated from this module (``python -m kzresearch.schema``), so the two never disagree.
"""
from __future__ import annotations

import math

import pandas as pd
import pyarrow as pa

_S, _I, _F, _B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
_LIST = pa.list_(pa.string())

COLUMNS: dict[str, list[tuple[str, pa.DataType, str]]] = {
    "documents": [
        ("doc_id", _S, "document id: the file's path below the corpus folder without extension (a JSON Lines or table row: its id or file-N, N the line it starts on)"),
        ("file", _S, "file name below the corpus folder (file.jsonl:N or file.csv:N for a row starting on line N)"),
        ("sha256", _S, "SHA-256 of the file's bytes (of the row for JSON Lines and tables)"),
        ("encoding", _S, "encoding the bytes were decoded with"),
        ("format", _S, "txt | html | jsonl | csv (a CSV or TSV table's row)"),
        ("outlet", _S, "publication, or null when unknown"),
        ("outlet_source", _S, "manifest | metadata (HTML tags) | signature (outlets.csv) | unknown"),
        ("outlet_evidence", _S, "what identified the outlet"),
        ("title", _S, "headline"),
        ("title_rule", _S, "rule that chose the headline"),
        ("byline", _S, "author(s) named in the byline"),
        ("wire", _LIST, "news agencies credited (AP, AFP, Reuters, ...)"),
        ("url", _S, "address from the manifest or the page"),
        ("published", _S, "publication date, YYYY-MM-DD / YYYY-MM / YYYY by precision"),
        ("published_precision", _S, "day | month | year | none"),
        ("published_evidence", _S, "the reasoning behind the date"),
        ("election_id", _S, "YYYY-MM-DD-kind of the election the article is about (elections.csv), or null; null too for "
                             "news of unrest that was no vote's (Zhanaozen, the land protests) under a headline naming no vote, "
                             "whose evidence names the vote it recalls, to which its figures without a time of their own belong"),
        ("election_evidence", _S, "the evidence that chose the election, with weights"),
        ("text", _S, "clean text: standfirst and body, one paragraph per line"),
        ("n_chars_raw", _I, "characters of the decoded document"),
        ("n_chars_clean", _I, "characters of the clean text"),
        ("problems", _LIST, "problems met while processing the document"),
        ("minhash", pa.list_(pa.uint32()), "MinHash signature of the clean text's word 5-grams (128 values; kzresearch.textreuse)"),
    ],
    "lines": [
        ("doc_id", _S, "document id"),
        ("line_no", _I, "line number after splitting glued sentences (1-based)"),
        ("raw_line", _I, "line number in the decoded document (1-based; of its first line for a paragraph of hard-wrapped text)"),
        ("text", _S, "the line, normalised"),
        ("role", _S, "title | standfirst | byline | body | caption | media | boilerplate | blank"),
        ("rule", _S, "name of the rule that decided the role (boilerplate.yaml or kzresearch.cleaning)"),
        ("start", _I, "start in the clean text (kept lines only)"),
        ("end", _I, "end in the clean text (kept lines only)"),
    ],
    "mentions": [
        ("doc_id", _S, "document id"),
        ("start", _I, "start in the clean text"),
        ("end", _I, "end in the clean text"),
        ("surface", _S, "the name as written"),
        ("canonical", _S, "canonical name (names.csv)"),
        ("kind", _S, "person | party | place | body | agency"),
        ("match", _S, "`exact` (a listed variant), `fuzzy` (an unseen spelling above the threshold), or `coreference` (a surname standing alone, mapped to the person the text named in full before)"),
        ("score", _F, "match score, 100 for exact, the rapidfuzz ratio for fuzzy"),
    ],
    "tallies": [
        ("doc_id", _S, "document id"),
        ("start", _I, "start of the phrase in the clean text"),
        ("end", _I, "end of the phrase in the clean text"),
        ("phrase", _S, "the count phrase, verbatim from the clean text"),
        ("sentence", _S, "the sentence it came from"),
        ("counted", _S, "protesters | detained | injured | killed | released | fined | sentenced | other"),
        ("number", _F, "the numeral stated (30 for 'more than 30'), null for a pure vague word"),
        ("qualifier", _S, "exact | approx | at_least | more_than | at_most | fewer_than | range | vague | unspecified"),
        ("vague_word", _S, "the vague quantity as written, lower-cased (dozens, several hundred, ...)"),
        ("multiplier", _F, "factor where the phrase multiplies (two groups of ...)"),
        ("number_high", _F, 'the upper figure of a stated range (70 for "between 50 and 70"; `number` is 50), else null'),
        ("low", _F, "lower bound under the build's quantity convention"),
        ("high", _F, "upper bound under the build's quantity convention"),
        ("location", _LIST, "canonical places the count applies to; Kazakhstan for nationwide"),
        ("event_date", _S, "date of the counted event, YYYY-MM-DD (YYYY-MM where the text names only the month), where the text tells"),
        ("attributed_to", _S, "who the text says gave the figure"),
        ("election_id", _S, "election the count is about"),
    ],
    "results": [
        ("doc_id", _S, "document id"),
        ("start", _I, "start of the phrase in the clean text"),
        ("end", _I, "end of the phrase in the clean text"),
        ("phrase", _S, "the figure phrase, verbatim from the clean text"),
        ("subject", _S, "canonical party or candidate, or turnout, threshold, parties, registered voters, seats contested"),
        ("measure", _S, "vote_share | turnout | seats | threshold | seats_contested | parties_contesting | registered_voters"),
        ("value", _F, "the figure (percent as a number)"),
        ("of", _F, "the whole where stated (84 of 107 seats)"),
        ("qualifier", _S, "as for tallies"),
        ("scope", _S, "region or city when the figure is not national"),
        ("election_id", _S, "election the figure belongs to (may differ from the article's)"),
        ("sentence", _S, "the sentence it came from"),
    ],
    "quotes": [
        ("doc_id", _S, "document id"),
        ("start", _I, "start of the quoting sentence in the clean text"),
        ("end", _I, "end of the sentence"),
        ("speaker", _S, "canonical name nearest the cue, a generic speaker (officials, activists) or (unnamed)"),
        ("speaker_kind", _S, "person | body | agency | party | generic | unknown"),
        ("cue", _S, "the verb of saying or attribution phrase, lower-cased (claim_lexicon.yaml)"),
        ("sentence", _S, "the sentence"),
    ],
    "problems": [
        ("file", _S, "file (file.jsonl:N or file.csv:N for a row; manifest.csv:N for a manifest row)"),
        ("problem", _S, "empty | binary | undecodable | unreadable | huge | unknown_extension | skipped (hidden, a link to a folder, "
                        "not a regular file, a manifest below the top folder) | duplicate | duplicate_id (the document was given another id) | "
                        "malformed_row | manifest | failed"),
        ("detail", _S, "what happened and what to do"),
    ],
}


def as_list(value: object) -> list:
    """Return a value of a list column (``wire``, ``location``, ...) as a Python list.

    Read from Parquet the value is a numpy array; in a frame made by hand, a list, a single string,
    or None, NaN or ``pd.NA`` for no values.

    Examples
    --------
    >>> import numpy as np
    >>> as_list(np.array(["AP", "AFP"])), as_list(["Almaty"]), as_list("Almaty"), as_list(None), as_list(float("nan"))
    (['AP', 'AFP'], ['Almaty'], ['Almaty'], [], [])
    """
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return []
    if isinstance(value, str):
        return [value]
    return list(value.tolist() if hasattr(value, "tolist") else value)


def schema(table: str) -> pa.Schema:
    """Return the Arrow schema of ``table``.

    Examples
    --------
    >>> schema("mentions").names[:3]
    ['doc_id', 'start', 'end']
    """
    return pa.schema([pa.field(name, kind) for name, kind, _ in COLUMNS[table]])


def columns(table: str) -> list[str]:
    """Return the column names of ``table`` in order."""
    return [name for name, _, _ in COLUMNS[table]]


def data_dictionary() -> str:
    """Render the data dictionary as Markdown."""
    out = ["# Data dictionary", "", "Generated from `kzresearch/schema.py` by `python -m kzresearch.schema`; "
           "every extracted row points to its document (`doc_id`) and character span (`start`, `end`) in "
           "`documents.text`.", ""]
    for table, cols in COLUMNS.items():
        out += [f"## {table}", "", "| column | type | meaning |", "| --- | --- | --- |"]
        out += [f"| `{name}` | {kind} | {text} |" for name, kind, text in cols]
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(data_dictionary())
